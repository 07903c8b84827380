"""Literary check set of 19th-century novel prose (Wikisource, Common Voice CC0 sentences), and
its spin scores (branch spin-lit10; development only, never reads the negatives' test split).

Usage::

    SPIN_UD_DIR=/work/cache/spin-raw/fr-ud PYTHONPATH=src:tools/spin \\
        .venv/bin/python tools/spin/dev_lit10.py build [OUT]  # /tmp/spin-lit10/lit_check.jsonl.gz
    PYTHONPATH=src:tools/spin .venv/bin/python tools/spin/dev_lit10.py score OUT PICKLE [PART]
    .venv/bin/python tools/spin/dev_lit10.py compare BEFORE.pkl AFTER.pkl

``build`` reads the Wikisource sentence files of the pinned Common Voice French snapshot
(``build_context_clean.CV_COMMIT``; one sentence a line, public-domain novels released as CC0
sentences). Authors are taken from the folder name; every author that is, or may be, a source of
the spin negatives is left out before any text is read (``EXCLUDED_AUTHORS``: Balzac, a broad
source; Hugo and Zola, FreDraCor playwrights), and so are the Gutenberg and Libre Théâtre folders
(numbered files with no author in the snapshot: an excluded author cannot be ruled out). Every
line sharing a 6-word shingle with a reserved text (``build_context_clean.reserved_shingles``:
negatives of all splits, spin fixtures, UD, seeds, strip pages; hashes only) is dropped. What is
left is cut into pseudo-documents of about ``TARGET_WORDS`` words of consecutive sentences of one
file (paragraph break after ``PARA_WORDS`` words). Each work goes to the ``tune`` or the ``check``
part by a hash of its name (``part_of``); the ids of the whole set are hashed into
``tools/spin/data/lit10_ids.sha256`` (frozen before any tuning).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import pickle
import subprocess
import sys
import tarfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dev_drama8 import compare, print_groups, scored  # the same records and reports

MIRROR = Path(os.environ.get("SPIN_MIRROR", "/work/.mirror"))
GIT = MIRROR / "common-voice+commonvoice-fr/repo"
REPO = Path(__file__).resolve().parents[2]
OUT = Path("/tmp/spin-lit10/lit_check.jsonl.gz")
IDS_HASH = REPO / "tools/spin/data/lit10_ids.sha256"
WIKISOURCE = "CommonVoice-Data/data/wikisource/txt"
#: Wikisource author folders left out: sources (or possible sources) of the negatives.
#: honore-de-balzac: ``oeuvres:balzac`` takes every Balzac file (broad: the author goes);
#: victor-hugo, emile-zola: FreDraCor playwrights (``fredracor:<author>`` sources).
EXCLUDED_AUTHORS = frozenset({"honore-de-balzac", "victor-hugo", "emile-zola"})
TARGET_WORDS = 200
PARA_WORDS = 70
MIN_WORDS = 150
#: Share of works in the tune part (by hash of the work's name).
TUNE_SHARE = 0.5


def _h(s: str) -> int:
    return int(hashlib.sha256(("lit10|" + s).encode()).hexdigest()[:8], 16)


def part_of(work: str) -> str:
    """``tune`` or ``check``: the part a work belongs to (hash of its ``author/title``).

    >>> part_of("jules-verne/Le_Chancellor.txt") in ("tune", "check")
    True
    """
    return "tune" if _h(work) % 1000 < TUNE_SHARE * 1000 else "check"


def files():
    """``(author, work, text)`` of every admissible Wikisource file at the pinned commit."""
    from build_context_clean import CV_COMMIT

    tar = subprocess.run(["git", f"--git-dir={GIT}", "archive", CV_COMMIT, WIKISOURCE],
                         capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(tar)) as tf:
        for m in sorted(tf.getmembers(), key=lambda m: m.name):
            if not (m.isfile() and m.name.endswith(".txt")):
                continue
            rel = m.name.removeprefix(WIKISOURCE + "/")
            author = rel.split("/", 1)[0]
            if author in EXCLUDED_AUTHORS:
                continue
            yield author, rel, tf.extractfile(m).read().decode("utf-8")


def build(out: Path = OUT) -> None:
    from build_context_clean import reserved_shingles, shingle_hashes, words_only

    reserved = reserved_shingles()
    recs, dropped = [], Counter()
    for author, work, text in files():
        doc: list[list[str]] = [[]]
        n = pn = k = 0
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            if any(h in reserved for h in shingle_hashes(words_only(line))):
                dropped[work] += 1
                continue
            w = len(line.split())
            doc[-1].append(line)
            n += w
            pn += w
            if n >= TARGET_WORDS:
                body = "\n\n".join(" ".join(p) for p in doc if p)
                recs.append({"id": f"{work}#{k}", "author": author, "work": work,
                             "part": part_of(work), "text": body, "n_words": n})
                k += 1
                doc, n, pn = [[]], 0, 0
            elif pn >= PARA_WORDS:
                doc.append([])
                pn = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    digest = hashlib.sha256("\n".join(sorted(r["id"] for r in recs)).encode()).hexdigest()
    print(f"{len(recs)} pseudo-documents -> {out}; ids sha256 {digest}")
    print("lines dropped (shared shingle):", sum(dropped.values()), dict(dropped.most_common(5)))
    print(Counter((r["part"], r["author"]) for r in recs))
    print("works:", Counter((r["part"], r["work"]) for r in recs))


def read(path: Path = OUT, part: str | None = None) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        recs = [json.loads(x) for x in fh]
    return [r for r in recs if part in (None, "all", r["part"])]


def check_ids(path: Path = OUT) -> bool:
    """True when the set's ids hash to the frozen ``IDS_HASH``."""
    ids = sorted(r["id"] for r in read(path))
    got = hashlib.sha256("\n".join(ids).encode()).hexdigest()
    return got == IDS_HASH.read_text().split()[0]


def score(path: Path = OUT, pkl: Path | None = None, part: str | None = None) -> dict:
    import cleannews

    res = {}
    for r in read(path, part):
        s = cleannews.spin_score(r["text"])
        res[r["id"]] = scored(s, r, ("part", "author"))
        res[r["id"]]["signals_all"] = {k: round(v, 3) for k, v in s.signals.items()}
    report(res)
    if pkl:
        with open(pkl, "wb") as fh:
            pickle.dump(res, fh)
    return res


def report(res: dict) -> None:
    groups = defaultdict(list)
    for v in res.values():
        groups[(v["part"], v["author"])].append(v)
        groups[(v["part"], "all")].append(v)
    print_groups(groups, ("part", "author"))


#: One slip each, in sentences a novel could hold (``slips``): gender, contraction, number,
#: missing elision, gender.
SLIPS = ("Il montra la courage des marins.", "On parla longtemps de les voyageurs.",
         "Les deux homme se turent.", "Elle le quitta sans le adieu promis.",
         "Puis il regarda le mer.")


def with_slips(text: str, k: int) -> str:
    r"""``text`` with the first ``k`` of ``SLIPS`` appended to its paragraphs in turn.

    >>> for p in with_slips("A.\n\nB.", 3).split("\n\n"):
    ...     print(p)
    A. Il montra la courage des marins. Les deux homme se turent.
    B. On parla longtemps de les voyageurs.
    """
    paras = text.split("\n\n")
    for i in range(k):
        paras[i % len(paras)] += " " + SLIPS[i]
    return "\n\n".join(paras)


def dev_negatives(genre: str) -> list[dict]:
    """The negatives' **dev** records of ``genre`` (the test split is skipped unread)."""
    out = []
    with gzip.open(REPO / "fixtures/spin/negatives.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["split"] == "dev" and r["genre"] == genre:
                out.append(r)
    return out


def slips(path: Path, pkl: Path, part: str) -> None:
    """Score each document of ``part`` with 0-3 of ``SLIPS`` added (one typo, two, three): how
    many a human slip or two puts in quarantine ("never from one typo"). ``path`` may be
    ``negatives``: then ``part`` is a genre of the negatives' dev split."""
    import cleannews

    res = {}
    recs = dev_negatives(part) if str(path) == "negatives" else read(path, part)
    for r in recs:
        for k in range(4):
            s = cleannews.spin_score(with_slips(r["text"], k))
            res[(r["id"], k)] = (s.score, s.label)
    for k in range(4):
        v = [x for (i, kk), x in res.items() if kk == k]
        print(f"{k} slips: {len(v)} docs, spun {sum(x[1] == 'spun' for x in v)}, "
              f">= suspect {sum(x[1] in ('spun', 'suspect') for x in v)}")
    with open(pkl, "wb") as fh:
        pickle.dump(res, fh)


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "build"
    args = sys.argv[2:]
    if cmd == "build":
        build(Path(args[0]) if args else OUT)
    elif cmd == "score":
        score(Path(args[0]), Path(args[1]) if len(args) > 1 else None,
              args[2] if len(args) > 2 else None)
    elif cmd == "compare":
        compare(Path(args[0]), Path(args[1]))
    elif cmd == "slips":
        slips(Path(args[0]), Path(args[1]), args[2] if len(args) > 2 else "tune")
    elif cmd == "ids":
        print("frozen ids match" if check_ids(Path(args[0]) if args else OUT) else "MISMATCH")
