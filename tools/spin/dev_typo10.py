r"""One human typo per document, over the development populations: how many human documents
a single typo puts in quarantine (branch spin-typo10; issue 11, "never from one typo").
Development only: never reads the negatives' test split, ``fixtures/spin/fresh/`` or the
Apertium file.

Usage::

    export SPIN_UD_DIR=/work/cache/spin-raw/fr-ud
    PYTHONPATH=src:tools/spin .venv/bin/python tools/spin/dev_typo10.py score OUT.pkl [POP,POP]
    .venv/bin/python tools/spin/dev_typo10.py report BEFORE.pkl [AFTER.pkl]

Populations (``populations``): ``neg`` the dev split of ``fixtures/spin/negatives.jsonl.gz``
(every genre; ``dev_lit10.dev_negatives``), ``ud`` the 154 clean UD validation documents (the
``clean`` records of ``fixtures/spin/heldout_embedding.jsonl.gz``), ``lit`` the **tune** part
of the spin-lit10 literary set (``dev_lit10.read``; build it first with ``dev_lit10.py build``,
``LIT`` below). Each document is scored as it is (``none``) and with exactly one typo of each
kind of ``TYPOS`` at ``SEEDS`` positions (the seed picks the occurrence, ``inject``): the grammar
slips of spin-lit10 (a sentence of ``dev_lit10.SLIPS`` appended, and the same four slips made
inside the document's own text: gender, contraction, number, missing elision) and common human
typos (a dropped accent, a doubled or a missing letter, a homophone: a/à, ce/se, ces/ses,
et/est, ou/où, on/ont, son/sont).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import pickle
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dev_lit10 import SLIPS  # the spin-lit10 slips
from dev_lit10 import read as read_lit

REPO = Path(__file__).resolve().parents[2]
LIT = Path(os.environ.get("SPIN_LIT10", "/tmp/spin-lit10/lit_check.jsonl.gz"))
SEEDS = (0, 1, 2)
POPULATIONS = ("neg", "ud", "lit")

V = "aeiouyhéèêëàâîïôöûùœæAEIOUYHÉÈÊÀÂÎÔÛ"
L = r"[a-zà-ÿœæ]"
#: What each typo kind finds (regular expression) and puts in its place.
_GENDER = {"le": "la", "la": "le", "un": "une", "une": "un", "Le": "La", "La": "Le",
           "Un": "Une", "Une": "Un"}
_CONTRACT = {"du": "de le", "au": "à le", "aux": "à les", "Du": "De le", "Au": "À le",
             "Aux": "À les"}
_HOMOPHONE = {"a": "à", "à": "a", "ce": "se", "se": "ce", "ces": "ses", "ses": "ces",
              "et": "est", "est": "et", "ou": "où", "où": "ou", "on": "ont", "ont": "on",
              "son": "sont", "sont": "son"}
_ACCENT = {"é": "e", "è": "e", "ê": "e", "à": "a", "â": "a", "î": "i", "ô": "o", "û": "u",
           "ù": "u", "ç": "c"}
_ELIDE = {"l": "le", "d": "de", "j": "je", "n": "ne", "s": "se", "qu": "que", "m": "me",
          "t": "te", "c": "ce", "L": "Le", "D": "De", "J": "Je"}


def _sub_word(m: re.Match, table: dict) -> str:
    return table[m.group(0)]


def _gender(text: str, rng: random.Random) -> str | None:
    return _pick(text, re.compile(r"\b(?:[Ll]e|[Ll]a|[Uu]ne?)\b(?= " + L + ")"), rng,
                 lambda m: _GENDER[m.group(0)])


def _contraction(text: str, rng: random.Random) -> str | None:
    return _pick(text, re.compile(r"\b(?:[Dd]u|[Aa]ux?)\b(?= " + L + ")"), rng,
                 lambda m: _CONTRACT[m.group(0)])


def _number(text: str, rng: random.Random) -> str | None:
    # the plural -s of a noun after a plural determiner dropped: "les maisons" -> "les maison"
    return _pick(text, re.compile(r"\b(?:les|des|ces|ses|mes|leurs|plusieurs) " + L + r"{3,}s\b"),
                 rng, lambda m: m.group(0)[:-1])


def _elision(text: str, rng: random.Random) -> str | None:
    return _pick(text, re.compile(r"\b(?:[LlDdJj]|qu|[nsmtc])[’'](?=[" + V + "])"), rng,
                 lambda m: _ELIDE[m.group(0)[:-1]] + " ")


def _accent(text: str, rng: random.Random) -> str | None:
    # one accented letter of a word of 3+ letters loses its accent ("église" -> "eglise")
    return _pick(text, re.compile(r"(?<=" + L + r")[éèêàâîôûùç]|[éèêàâîôûùç](?=" + L
                                  + r"{2})"), rng, lambda m: _ACCENT[m.group(0)])


def _double(text: str, rng: random.Random) -> str | None:
    # an interior letter of a word of 5+ letters written twice ("maison" -> "maisson")
    return _pick(text, re.compile(r"(?<=\b" + L + r"{2})" + L + r"(?=" + L + r"{2,})"), rng,
                 lambda m: m.group(0) * 2)


def _missing(text: str, rng: random.Random) -> str | None:
    # an interior letter of a word of 5+ letters left out ("maison" -> "maion")
    return _pick(text, re.compile(r"(?<=\b" + L + r"{2})" + L + r"(?=" + L + r"{2,})"), rng,
                 lambda m: "")


def _homophone(text: str, rng: random.Random) -> str | None:
    words = "|".join(sorted(_HOMOPHONE, key=len, reverse=True))
    return _pick(text, re.compile(r"(?<![\w’'-])(?:" + words + r")(?![\w’'-])"), rng,
                 lambda m: _HOMOPHONE[m.group(0)])


def _sentence(text: str, rng: random.Random) -> str | None:
    # dev_lit10's slip sentence appended to one paragraph (``dev_lit10.with_slips``'s slips)
    paras = text.split("\n\n")
    i = rng.randrange(len(paras))
    paras[i] += " " + SLIPS[rng.randrange(len(SLIPS))]
    return "\n\n".join(paras)


def _pick(text: str, pattern: re.Pattern, rng: random.Random, repl) -> str | None:
    """``text`` with one match of ``pattern``, chosen by ``rng``, replaced by ``repl(m)``;
    ``None`` when nothing matches.

    >>> _pick("le chat et le chien", re.compile(r"\\ble\\b"), random.Random(0), lambda m: "la")
    'le chat et la chien'
    """
    ms = list(pattern.finditer(text))
    if not ms:
        return None
    m = ms[rng.randrange(len(ms))]
    return text[: m.start()] + repl(m) + text[m.end():]


#: The typo kinds, in report order: grammar slips (spin-lit10's four, appended or in place),
#: then common human typos.
TYPOS = {"sentence": _sentence, "gender": _gender, "contraction": _contraction,
         "number": _number, "elision": _elision, "accent": _accent, "double": _double,
         "missing": _missing, "homophone": _homophone}


def inject(text: str, kind: str, seed: int, doc_id: str = "") -> str | None:
    """``text`` with exactly one typo of ``kind``, its position chosen by ``seed`` (and the
    document's id); ``None`` when the text offers no place for it.

    >>> inject("Il parla de l’homme au chapeau.", "elision", 0)
    'Il parla de le homme au chapeau.'
    >>> inject("Il parla de l’homme au chapeau.", "contraction", 0)
    'Il parla de l’homme à le chapeau.'
    """
    h = int(hashlib.sha256(f"typo10|{doc_id}|{kind}|{seed}".encode()).hexdigest()[:8], 16)
    return TYPOS[kind](text, random.Random(h))


def populations(names=POPULATIONS) -> dict[str, list[dict]]:
    """The development populations' human documents, by name (``{id, text, group}``)."""
    out = {}
    if "neg" in names:
        recs = []
        with gzip.open(REPO / "fixtures/spin/negatives.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if r["split"] == "dev":  # the test split is never read further
                    recs.append({"id": r["id"], "text": r["text"], "group": r["genre"]})
        out["neg"] = recs
    if "ud" in names:
        with gzip.open(REPO / "fixtures/spin/heldout_embedding.jsonl.gz", "rt",
                       encoding="utf-8") as fh:
            out["ud"] = [{"id": r["id"], "text": r["text"], "group": "ud"}
                         for r in map(json.loads, fh) if r["mode"] == "clean"]
    if "lit" in names:
        out["lit"] = [{"id": r["id"], "text": r["text"], "group": r["author"]}
                      for r in read_lit(LIT, "tune")]
    return out


def score(pkl: Path, names=POPULATIONS) -> None:
    """Score each document as it is and with one typo of each kind at each seed; pickle
    ``{(pop, id, kind, seed): (score, label, group)}``."""
    import cleannews

    print("scoring with", cleannews.__file__, flush=True)
    res = {}
    for pop, recs in populations(names).items():
        for r in recs:
            s = cleannews.spin_score(r["text"])
            res[(pop, r["id"], "none", 0)] = (s.score, s.label, r["group"])
            for kind in TYPOS:
                for seed in SEEDS:
                    t = inject(r["text"], kind, seed, r["id"])
                    if t is None:
                        continue
                    s = cleannews.spin_score(t)
                    res[(pop, r["id"], kind, seed)] = (s.score, s.label, r["group"])
        print(pop, len(recs), "documents", flush=True)
    with open(pkl, "wb") as fh:
        pickle.dump(res, fh)


def report(*pkls: Path) -> None:
    """Per population and typo kind: documents quarantined as they are, and with one typo
    (in any of the seeds; cases = document x seed), for each pickle."""
    runs = [pickle.load(open(p, "rb")) for p in pkls]
    for i, run in enumerate(runs):
        print(f"[{i}] {pkls[i]}")
        table = defaultdict(lambda: defaultdict(set))
        cases = defaultdict(lambda: [0, 0, 0])
        for (pop, did, kind, _seed), (_sc, label, _g) in run.items():
            c = cases[(pop, kind)]
            c[0] += 1
            c[1] += label == "spun"
            c[2] += label in ("spun", "suspect")
            table[(pop, kind)]["docs"].add(did)
            if label == "spun":
                table[(pop, kind)]["spun"].add(did)
        print(f"{'population':10s} {'typo':12s} {'docs':>5s} {'cases':>6s} {'spun docs':>9s} "
              f"{'spun cases':>10s} {'>=suspect cases':>15s}")
        for (pop, kind), t in sorted(table.items(), key=lambda kv: (kv[0][0], _order(kv[0][1]))):
            c = cases[(pop, kind)]
            print(f"{pop:10s} {kind:12s} {len(t['docs']):5d} {c[0]:6d} {len(t['spun']):9d} "
                  f"{c[1]:10d} {c[2]:15d}")
        typo_spun = {(pop, did, kind, seed): v for (pop, did, kind, seed), v in run.items()
                     if kind != "none" and v[1] == "spun"
                     and run[(pop, did, "none", 0)][1] != "spun"}
        print(f"quarantined by one typo (clean/suspect as they are): {len(typo_spun)} cases,",
              len({(p, d) for p, d, _k, _s in typo_spun}), "documents")
        for (pop, did, kind, seed), v in sorted(typo_spun.items()):
            print(f"   {pop} {v[2]} {did} {kind} seed {seed}: "
                  f"{run[(pop, did, 'none', 0)][0]:.3f} -> {v[0]:.3f}")


def _order(kind: str) -> int:
    return -1 if kind == "none" else list(TYPOS).index(kind)


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "report"
    args = sys.argv[2:]
    if cmd == "score":
        score(Path(args[0]), tuple(args[1].split(",")) if len(args) > 1 else POPULATIONS)
    elif cmd == "report":
        report(*map(Path, args))
