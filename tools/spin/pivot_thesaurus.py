"""A fourth, fresh synonym source for HELD-OUT spins: French paraphrases by English pivot.

Build time only; RESERVED for evaluation (``fixtures/spin/heldout_pivot.jsonl.gz``): never
train, tune or choose a model with it (docs/spin-history.md, "Held out, 1 look")::

    apt-get download dict-freedict-fra-eng dict-freedict-eng-fra   # Debian, 2022.04.21-1
    for f in dict-freedict-*.deb; do dpkg-deb -x "$f" freedict; done
    SPIN_FREEDICT_DIR=freedict/usr/share/dictd python tools/spin/pivot_thesaurus.py

(``apt-get install`` of the same packages puts the files in ``/usr/share/dictd``, the
default.) The FreeDict French-English (0.4.1) and English-French (0.1.6) dictionaries
(GPL-2+, FreeDict contributors, first generated from Ergane in 1999; neither derives
from MyThes, Wiktionary, WOLF or the Open Multilingual Wordnet) give French -> English
and English -> French translations, used in both directions. Like a paraphrase table
built by bilingual pivoting (PPDB), a French word's paraphrases are the French
translations of its English translations, ranked by the number of distinct English
pivots that link them, then alphabetically; a round-trip-translation spinner makes the
same kind of substitutions. Kept: single French words of DELA's word class of the head
(noun, adjective, verb, adverb), not a form of the head's lemma, at most ``TOP_K`` per
class. The output has the MyThes shape ``head -> [(pos, [synonyms])]`` so
``spinner.Spinner`` uses it unchanged.

    >>> parse_entry("abaque /abak/ <n, masc>\\nabacus, ball-frame\\n")
    ('abaque', [['abacus', 'ball-frame']])
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

FREEDICT_DIR = Path(os.environ.get("SPIN_FREEDICT_DIR", "/usr/share/dictd"))
FRA_ENG = "freedict-fra-eng"
ENG_FRA = "freedict-eng-fra"
OUT = Path(__file__).parent / "build" / "pivot_thesaurus.json"
#: Paraphrases kept per head word and word class.
TOP_K = 8
#: DELA class bit -> MyThes part-of-speech name (the spinner's sense labels).
POS_NAMES = {1: "Nom", 2: "Adjectif", 4: "Verbe", 8: "Adverbe"}
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_FR_WORD = re.compile(r"^[a-zàâäéèêëîïôöùûüçœæ]+(?:-[a-zàâäéèêëîïôöùûüçœæ]+)*$")
_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]|<[^>]*>")


def _b64(s: str) -> int:
    """dictd's base-64 numbers (offsets and lengths in the ``.index`` file).

    >>> _b64("B"), _b64("BA")
    (1, 64)
    """
    n = 0
    for c in s:
        n = n * 64 + _B64.index(c)
    return n


def parse_entry(text: str) -> tuple[str, list[list[str]]]:
    """One dictd entry -> (headword, senses as lists of translations).

    The first line is ``headword /ipa/ <pos>``; then one line per numbered sense
    (``1. a, b``) or one unnumbered line; notes in brackets are dropped.
    """
    lines = [ln.strip() for ln in text.strip().split("\n") if ln.strip()]
    head = lines[0].split(" /", 1)[0].split(" <", 1)[0].strip()
    senses = []
    for ln in lines[1:]:
        ln = re.sub(r"^\d+\.\s*", "", ln)
        words = [w.strip() for w in _NOTE.sub("", ln).split(",")]
        words = [w for w in words if w]
        if words:
            senses.append(words)
    return head, senses


def read_dictd(name: str, folder: Path = FREEDICT_DIR) -> dict[str, list[list[str]]]:
    """Every entry of one dictd dictionary (``name.index`` + ``name.dict.dz``)."""
    data = gzip.decompress((folder / f"{name}.dict.dz").read_bytes())
    out: dict[str, list[list[str]]] = {}
    for line in (folder / f"{name}.index").read_text(encoding="utf-8").splitlines():
        key, off, ln = line.split("\t")
        if key.startswith("00database") or key.startswith("00-database"):
            continue
        start, length = _b64(off), _b64(ln)
        head, senses = parse_entry(data[start : start + length].decode("utf-8"))
        out.setdefault(head, []).extend(senses)
    return out


def pivot_pairs(fra_eng: dict, eng_fra: dict) -> dict[str, dict[str, int]]:
    """French word -> {French paraphrase: number of distinct English pivots}.

    >>> pivot_pairs({"quitter": [["leave", "quit"]], "laisser": [["leave"]]}, {})
    {'laisser': {'quitter': 1}, 'quitter': {'laisser': 1}}
    """
    fr2en: dict[str, set[str]] = defaultdict(set)
    en2fr: dict[str, set[str]] = defaultdict(set)
    for fr, senses in fra_eng.items():
        for sense in senses:
            for en in sense:
                fr2en[fr.lower()].add(en.lower())
                en2fr[en.lower()].add(fr.lower())
    for en, senses in eng_fra.items():
        for sense in senses:
            for fr in sense:
                fr2en[fr.lower()].add(en.lower())
                en2fr[en.lower()].add(fr.lower())
    out: dict[str, dict[str, int]] = {}
    for fr in sorted(fr2en):
        if not _FR_WORD.match(fr):
            continue
        counts: dict[str, int] = defaultdict(int)
        for en in fr2en[fr]:
            for f2 in en2fr[en]:
                if f2 != fr and _FR_WORD.match(f2):
                    counts[f2] += 1
        if counts:
            out[fr] = dict(sorted(counts.items()))
    return out


def build(folder: Path = FREEDICT_DIR) -> dict[str, list]:
    """The pivot thesaurus in MyThes shape, word classes from DELA."""
    from build_tables import dela_flags

    flags, lemmas = dela_flags()
    pairs = pivot_pairs(read_dictd(FRA_ENG, folder), read_dictd(ENG_FRA, folder))
    out: dict[str, list] = {}
    for h, cands in pairs.items():
        senses = []
        for bit, pos in POS_NAMES.items():
            if not flags.get(h, 0) & bit:
                continue
            same = [
                (-n, w)
                for w, n in cands.items()
                if flags.get(w, 0) & bit and not (lemmas.get(w, set()) & lemmas.get(h, set()))
            ]
            syns = [w for _n, w in sorted(same)[:TOP_K]]
            if syns:
                senses.append((pos, syns))
        if senses:
            out[h] = senses
    return out


def main() -> None:
    th = build()
    OUT.parent.mkdir(exist_ok=True)
    body = json.dumps(th, ensure_ascii=False, sort_keys=True) + "\n"
    OUT.write_text(body, encoding="utf-8")
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    n_pairs = sum(len(s) for senses in th.values() for _p, s in senses)
    print(f"{len(th)} head words, {n_pairs} pairs, sha256 {digest} -> {OUT}")


if __name__ == "__main__":
    main()
