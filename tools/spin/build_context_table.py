"""Prune the real-French word/bigram counts into the detector's collocation table.

    python tools/spin/build_context_table.py    (one step of ``python -m tools.spin.build``)

Input: ``tools/spin/data/context_unigrams.tsv.gz`` and ``context_bigrams.tsv.gz``
(counts over ~13.5 million words of real French, see ``tools/spin/data/CONTEXT_SOURCES.md``;
``SPIN_CONTEXT_DIR`` overrides the folder). The detector only asks "was this adjacent
word pair seen?" when independence predicts at least ``E_MIN`` occurrences
(``count(a) * count(b) / N``), so only words that can reach that with some partner and
only pairs that reach it are kept. Writes to ``tools/spin/build/`` (``SPIN_CONTEXT_OUT``):

* ``context_words.txt.gz``: first line ``N<TAB>E_MIN``, then ``word<TAB>count`` (line order = id);
* ``context_pairs.u64.gz``: sorted little-endian uint64 keys ``id(a) * n_words + id(b)``.
"""

from __future__ import annotations

import gzip
import os
import sys
from array import array
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import REPO

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
            if ia is None or ib is None or uni[a] * uni[b] / n < E_MIN:
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
    print(f"{v} words, {len(keys)} pairs (N={n}, E_MIN={E_MIN}) -> {OUT}")


if __name__ == "__main__":
    main()
