r"""Development harness of lite46 (round 34, issue 11: naive light spins): where candidate
grammar checks for naive-spin slips fire, on human development text and on the development
validation spins. A check is only shipped when it never fires on the human text.

Development sources only: the dev split of the spin negatives, the French TRAIN pages
(``tests/_helpers.train_pages``), the UD GSD / Sequoia lines of ``../shared/corpora/fr-ud``,
spin44's ``CORRECT_POSSESSIVES`` and lite46's ``CORRECT_DEMONSTRATIVES``, and
``fixtures/spin/validation.jsonl.gz`` (MyThes V spins). Never a held-out set.

    PYTHONPATH=src:.:tests python tools/spin/dev_lite46.py     # ~1 min

Checks (``CHECKS``): ``demonstrative`` is the shipped one (the package's hits whose reason
starts "demonstrative"); ``cap_clash`` (l’/d’ + a capitalised consonant-initial common noun
or adjective of the lexicon, "de l’Conservatoire") and ``det_adjective`` (a determiner + an
adjective of the other gender with no noun reading, "la régulier") are candidates measured
by pattern, not in the package.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests"))

from cleannews.score._features import analyse  # noqa: E402
from cleannews.score._lexicon import get_lexicon  # noqa: E402

FEMININE_DETERMINERS = frozenset("la une cette ma ta sa".split())
_CAP = re.compile(r"\b([lLdD])['’]([A-Z][a-zàâçéèêëîïôûùüÿœ]+)")
_DET = re.compile(
    r"(?<![\w’'-])(la|une|cette|ma|ta|sa|le|un|ce|cet|du|au)\s+([a-zàâçéèêëîïôûùüÿœ]+)(?![\w’'-])",
    re.I,
)


def _masks() -> tuple:
    lex = get_lexicon()
    m = lex.masks
    return lex, m, m["V"] | m["PREP"] | m["ADV"] | m["OTHER"]


def demonstrative(text: str) -> list[str]:
    """The package's demonstrative slips ("ce avion")."""
    return [h.reason for h in analyse(text).hits if h.reason.startswith("demonstrative")]


def cap_clash(text: str) -> list[str]:
    """l’/d’ + a capitalised consonant-initial noun or adjective of the lexicon."""
    lex, m, verb_like = _masks()
    out = []
    for mm in _CAP.finditer(text):
        w = mm.group(2).lower()
        p = lex.packed(w)
        if w[0] not in "aeiouyhéèêàâîôû" and p & (m["N"] | m["A"]) and not p & verb_like:
            out.append(mm.group(0))
    return out


def det_adjective(text: str) -> list[str]:
    """A determiner + an adjective of the other gender that has no noun reading."""
    lex, m, verb_like = _masks()
    out = []
    for mm in _DET.finditer(text):
        d, w = mm.group(1).lower(), mm.group(2)
        p = lex.packed(w)
        if not p & m["A"] or p & m["N"] or p & verb_like:
            continue
        am, af = bool(p & m["AM"]), bool(p & m["AF"])
        fem_det = d in FEMININE_DETERMINERS
        if (fem_det and am and not af) or (not fem_det and af and not am):
            out.append(mm.group(0))
    return out


CHECKS = {"demonstrative": demonstrative, "cap_clash": cap_clash, "det_adjective": det_adjective}


def populations() -> dict[str, list[str]]:
    """The development texts, by population."""
    from _helpers import train_pages
    from test_lite46 import CORRECT_DEMONSTRATIVES
    from test_spin44 import CORRECT_POSSESSIVES

    with gzip.open(REPO / "fixtures/spin/negatives.jsonl.gz", "rt", encoding="utf-8") as fh:
        neg = [r["text"] for r in map(json.loads, fh) if r["split"] == "dev"]
    pages = [
        "\n".join(lb.text for lb in lab if lb.content)
        for rec, _doc, lab in train_pages()
        if rec["lang"] == "fr"
    ]
    ud_dir = REPO.parent / "shared/corpora/fr-ud"
    ud = []
    for name in ("french-gsd.txt", "french-sequoia.txt"):
        ud += (ud_dir / name).read_text(encoding="utf-8").splitlines()
    with gzip.open(REPO / "fixtures/spin/validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        val = [json.loads(line) for line in fh]
    return {
        "negatives dev": neg,
        "TRAIN pages": pages,
        "UD GSD+Sequoia lines": ud,
        "correct possessives + demonstratives": CORRECT_POSSESSIVES + CORRECT_DEMONSTRATIVES,
        "naive spins (V)": [r["text"] for r in val if r["mode"] == "naive"],
        "careful spins (V)": [r["text"] for r in val if r["mode"] == "careful"],
    }


def main() -> None:
    pops = populations()
    for name, check in CHECKS.items():
        for pop, texts in pops.items():
            hits = [h for t in texts for h in check(t)]
            print(f"{name:14s} {pop:38s} {len(texts):5d} texts {len(hits):4d} hits  {hits[:6]}")


if __name__ == "__main__":
    main()
