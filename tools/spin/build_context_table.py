"""Prune the real-French word/bigram counts into the detector's collocation table.

    python tools/spin/build_context_table.py    (one step of ``python -m tools.spin.build``)

Input: ``tools/spin/data/context_unigrams.tsv.gz`` and ``context_bigrams.tsv.gz``
(counts over ~13.5 million words of real French, see ``tools/spin/data/CONTEXT_SOURCES.md``;
``SPIN_CONTEXT_DIR`` overrides the folder). The detector only asks "was this adjacent
word pair seen?" when independence predicts at least ``E_MIN`` occurrences
(``count(a) * count(b) / N``), so only words that can reach that with some partner and
all seen pairs between those words are kept (the synonym check needs pairs of any
expected count). Writes to ``tools/spin/build/`` (``SPIN_CONTEXT_OUT``):

* ``context_words.txt.gz``: first line ``N<TAB>E_MIN``, then ``word<TAB>count`` (line order = id);
* ``context_pairs.u64.gz``: sorted little-endian uint64 keys ``id(a) * n_words + id(b)`` of
  every pair seen 3+ times between kept words;
* ``context_synonyms.txt.gz``: ``id<TAB>id id …``: thesaurus half "A" synonyms among kept words.
"""

from __future__ import annotations

import gzip
import os
import sys
from array import array
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import REPO, read_mythes, split_of

SRC = Path(os.environ.get("SPIN_CONTEXT_DIR", REPO / "tools/spin/data"))
#: Not shipped while the model gives collocations no weight; copy both files into
#: ``src/cleannews/score/data`` to enable the signal (see docs/spin.md).
OUT = Path(os.environ.get("SPIN_CONTEXT_OUT", Path(__file__).parent / "build"))
#: Expected count (under independence) from which an unseen pair is surprising; the
#: source keeps pairs seen >= 3 times, so "unseen" means "seen fewer than 3 times".
E_MIN = 3.0


def main() -> None:
    uni: dict[str, int] = {}
    with gzip.open(SRC / "context_unigrams.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            w, c = line.rstrip("\n").split("\t")
            uni[w] = int(c)
    n = sum(uni.values())
    top = max(uni.values())
    keep = sorted((w for w, c in uni.items() if c * top / n >= E_MIN), key=lambda w: (-uni[w], w))
    ids = {w: i for i, w in enumerate(keep)}
    v = len(keep)
    keys = array("Q")
    with gzip.open(SRC / "context_bigrams.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            a, b, _c = line.rstrip("\n").split("\t")
            ia, ib = ids.get(a), ids.get(b)
            if ia is None or ib is None:
                continue
            keys.append(ia * v + ib)
    keys = array("Q", sorted(keys))
    if sys.byteorder != "little":
        keys.byteswap()
    words = f"{n}\t{E_MIN}\n" + "".join(f"{w}\t{uni[w]}\n" for w in keep)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "context_words.txt.gz").write_bytes(
        gzip.compress(words.encode("utf-8"), compresslevel=9, mtime=0)
    )
    (OUT / "context_pairs.u64.gz").write_bytes(
        gzip.compress(keys.tobytes(), compresslevel=9, mtime=0)
    )
    # the detector's half ("A") of the thesaurus pairs, between words of the table
    syn: dict[int, set[int]] = {}
    for head, senses in read_mythes().items():
        for _pos, syns in senses:
            for s in syns:
                if head in ids and s in ids and split_of(head, s) == "A":
                    syn.setdefault(ids[head], set()).add(ids[s])
                    syn.setdefault(ids[s], set()).add(ids[head])
    body = "".join(f"{i}\t{' '.join(map(str, sorted(v)))}\n" for i, v in sorted(syn.items()))
    (OUT / "context_synonyms.txt.gz").write_bytes(
        gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0)
    )
    print(f"{v} words, {len(keys)} pairs, {len(syn)} words with synonyms (N={n}) -> {OUT}")


if __name__ == "__main__":
    main()
