"""Strip stage: does this checkout decide exactly what another one decides? (an oracle)

    PYTHONPATH=src .venv/bin/python benchmarks/oracle_strip.py /path/to/other/src [--only seeds]

For an output-preserving change (speed work): each tree runs in a child Python (its own
``cleannews`` on ``PYTHONPATH``) over the same development documents and prints one
SHA-256 per document of

* ``strip_text(text, CleanConfig())``: the output text and every Change (stage, rule,
  span, before, after, reason), in order;
* ``classify_lines(..., ("fr", "en"), line_model=False)``: the rules-and-detectors plan
  (line, rule, reason, glued spans with their rules and reasons);

then the digests are compared. The documents (development data only): the seeds, the
plain-text fixtures of ``fixtures/strip``, the TRAIN pages of ``fixtures/strip_real``
(never the held-out lists), each also in French typography (the regression pins' twin,
``tests/test_strip_regression.typeset``), and the repaired documents of
``bench_pipeline.corpus()``. ``--only seeds`` keeps the seeds (a quick check).
Exit status 1 when a document differs (the first ids are printed).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The child: digest every document with the tree on its PYTHONPATH (one JSON object out).
CHILD = """
import hashlib, json, sys
from pathlib import Path
sys.path[:0] = [{tests!r}]
from cleannews import CleanConfig
from cleannews.evaluate import read_corpus, read_fixture
from cleannews.strip import strip_text
from cleannews.strip._assemble import split_lines
from cleannews.strip.detectors import classify_lines
from test_strip_regression import typeset

root, only = Path({root!r}), {only!r}
docs = [(f"seed/{{p.stem}}", p.read_text("utf-8")) for p in sorted((root / "seeds").glob("*.txt"))]
if only != "seeds":
    for p in sorted((root / "fixtures" / "strip").glob("*.txt")):
        docs.append((f"fixture/{{p.stem}}", read_fixture(p)[0]))
    for rec, doc, _ in read_corpus(root / "fixtures" / "strip_real", splits=("train",)):
        docs.append((f"real/{{rec['lang']}}/{{rec['id']}}", doc))
docs += [(f"typo:{{i}}", typeset(t)) for i, t in docs]
docs += [(f"bench/{{k}}", t) for k, t in enumerate(json.loads(Path({bench!r}).read_text("utf-8")))]
cfg, out = CleanConfig(), {{}}
for doc_id, text in docs:
    r = strip_text(text, cfg)
    changes = [[c.stage, c.rule, list(c.span), c.before, c.after, c.reason] for c in r.changes]
    plan = classify_lines(text, split_lines(text), ("fr", "en"), line_model=False)
    rules_only = sorted(
        (i, p.rule, p.reason, [(s.start, s.end, s.rule, s.reason) for s in p.spans])
        for i, p in plan.items()
    )
    blob = json.dumps([r.text, changes, rules_only], ensure_ascii=False)
    out[doc_id] = hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()
print(json.dumps(out))
"""


def digests(src: Path, bench: Path, only: str = "") -> dict[str, str]:
    """Document id -> digest, computed by a child Python importing ``cleannews`` from ``src``."""
    code = CHILD.format(tests=str(ROOT / "tests"), root=str(ROOT), only=only, bench=str(bench))
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def differing(here: dict[str, str], other: dict[str, str]) -> list[str]:
    """Ids whose digests differ or that only one side has.

    >>> differing({"a": "1", "b": "2"}, {"a": "1", "b": "3", "c": "4"})
    ['b', 'c']
    """
    return sorted(k for k in here.keys() | other.keys() if here.get(k) != other.get(k))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("other", type=Path, help="the other checkout's src directory")
    ap.add_argument("--only", choices=["", "seeds"], default="", help="seeds only (quick)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).parent))
    import tempfile

    import cleannews

    bench_docs: list[str] = []
    if args.only != "seeds":
        import random

        import bench_pipeline

        groups = bench_pipeline.corpus()
        raw = [d for g in groups.values() for d in g]
        random.Random(1).shuffle(raw)  # the order of ab_strip.py
        bench_docs = [cleannews.repair(d).text for d in raw]
    here = Path(cleannews.__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory(prefix="oracle_strip_") as tmp:
        bench = Path(tmp) / "bench.json"
        bench.write_text(json.dumps(bench_docs), "utf-8")
        mine = digests(here, bench, args.only)
        theirs = digests(args.other.resolve(), bench, args.only)
    diff = differing(mine, theirs)
    real = sum(k.startswith("real/") for k in mine)
    print(f"{len(mine)} documents ({real} TRAIN pages of fixtures/strip_real, each also "
          f"typeset; {len(bench_docs)} bench documents): {len(diff)} differ")
    for k in diff[:10]:
        print("  differs:", k)
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
