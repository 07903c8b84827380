"""Held-out-source spins: the validation documents spun with the embedding-neighbour thesaurus.

    python tools/spin/build_heldout.py   (after embedding_thesaurus.py and build_dataset.py)

The shipped model is trained only on spins made with the MyThes thesaurus
(split "T"); these spins use a synonym source it never saw (nearest neighbours
in spaCy ``fr_core_news_md`` vectors), in three styles (naive, careful with
elision/contraction/gender repaired, careful preferring common synonyms) at
15 % and 30 % of content words, on the held-out validation documents only.
Writes ``fixtures/spin/heldout_embedding.jsonl.gz`` (committed; scored by
``tools/spin/validate.py`` and ``tests/test_spin_gate.py``).
"""

from __future__ import annotations

import gzip
import json
import random
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from build_dataset import SEED, spinner_lexicon
from common import FIXTURES
from spinner import Spinner

THESAURUS = Path(__file__).parent / "build" / "embedding_thesaurus.json"
OUT = FIXTURES / "heldout_embedding.jsonl.gz"
MODES = ("naive", "careful", "careful_freq")
RATES = (0.15, 0.3)


def main() -> None:
    th = {h: [tuple(s) for s in senses] for h, senses in json.loads(THESAURUS.read_text()).items()}
    readings, genders, h_asp, zipf = spinner_lexicon(th)
    sp = Spinner(th, readings, genders, h_asp, zipf)
    with gzip.open(FIXTURES / "validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        clean = [r for r in map(json.loads, fh) if r["label"] == 0]
    out = []
    for doc in clean:
        rng = random.Random(zlib.crc32(doc["id"].encode()) ^ SEED ^ 0xE3B)
        out.append(dict(doc, dict="embedding"))
        for mode in MODES:
            for rate in RATES:
                text, k, n = sp.spin(doc["text"], rate, mode, rng.randrange(1 << 30))
                out.append(
                    {
                        "id": doc["id"].replace(":clean", f":emb:{mode}:{rate}"),
                        "source": doc["source"],
                        "treebank": doc["treebank"],
                        "text": text,
                        "label": 1,
                        "mode": mode,
                        "rate": rate,
                        "actual_rate": round(k / max(n, 1), 3),
                        "dict": "embedding",
                    }
                )
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out)
    OUT.write_bytes(gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(out)} records ({len(clean)} clean documents) -> {OUT}")


if __name__ == "__main__":
    main()
