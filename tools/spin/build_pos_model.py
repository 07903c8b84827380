"""Count the word-class bigrams of clean French (UD training documents only).

    python tools/spin/build_pos_model.py    (one step of ``python -m tools.spin.build``)

Writes ``src/cleannews/score/data/pos_bigrams.json`` (class unigram and
bigram counts). Validation documents are left out, so the false-positive
figures on them stay honest.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).parent))

from build_dataset import doc_split  # noqa: E402
from common import read_ud_documents  # noqa: E402

from cleannews.score._features import FUNCTION_WORDS, TOKEN_RE  # noqa: E402
from cleannews.score._lexicon import get_lexicon  # noqa: E402
from cleannews.score._pos import word_class  # noqa: E402

OUT = REPO / "src/cleannews/score/data/pos_bigrams.json"
#: Bigrams seen fewer times than this are dropped (the smoothing covers them).
MIN_COUNT = 2


def classes(text: str) -> list[str]:
    """Class sequence of ``text`` with "BOS" at each line start."""
    words = get_lexicon().words
    out = ["BOS"]
    for m in TOKEN_RE.finditer(text):
        t = m.group()
        if t == "\n":
            out.append("BOS")
            continue
        low = t.lower()
        out.append(word_class(t, low, words.get(low, 0), FUNCTION_WORDS))
    return out


def main() -> None:
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    n_docs = 0
    for doc in read_ud_documents():
        if doc_split(doc["id"]) != "train":
            continue
        n_docs += 1
        seq = classes(doc["text"])
        uni.update(seq)
        bi.update(f"{a} {b}" for a, b in itertools.pairwise(seq))
    spec = {
        "_source": f"class bigrams of {n_docs} UD training documents (UD_French-GSD CC BY-SA 4.0, "
        "UD_French-Sequoia LGPL-LR); counts only",
        "unigram": dict(uni.most_common()),
        "bigram": {k: v for k, v in bi.most_common() if v >= MIN_COUNT},
    }
    OUT.write_text(json.dumps(spec, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(
        f"{len(uni)} classes, {len(spec['bigram'])} bigrams -> {OUT} "
        f"({OUT.stat().st_size / 1e3:.0f} kB)"
    )


if __name__ == "__main__":
    main()
