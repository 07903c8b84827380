"""``benchmarks/oracle_strip.py`` (branch perf14): its child digests what this tree decides,
and a digest moves when a Change's reason moves.

The child is a template run in another Python; a typo in it would only show when the
oracle is run. Here it runs on the seeds (no bench documents) against this tree.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from _helpers import load_script
from cleannews import CleanConfig
from cleannews.strip import strip_text
from cleannews.strip._assemble import split_lines
from cleannews.strip.detectors import classify_lines

ROOT = Path(__file__).resolve().parents[1]


def _digest(text: str, reason_suffix: str = "") -> str:
    r = strip_text(text, CleanConfig())
    changes = [[c.stage, c.rule, list(c.span), c.before, c.after, c.reason + reason_suffix]
               for c in r.changes]
    plan = classify_lines(text, split_lines(text), ("fr", "en"), line_model=False)
    rules_only = sorted(
        (i, p.rule, p.reason, [(s.start, s.end, s.rule, s.reason) for s in p.spans])
        for i, p in plan.items()
    )
    blob = json.dumps([r.text, changes, rules_only], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def test_child_digests_the_seeds_as_this_tree_decides(tmp_path: Path) -> None:
    tool = load_script(ROOT / "benchmarks" / "oracle_strip.py", "oracle_strip")
    bench = tmp_path / "bench.json"
    bench.write_text("[]", "utf-8")
    got = tool.digests(ROOT / "src", bench, "seeds")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert len(got) == 2 * len(seeds) == 10  # each seed raw and typeset
    # a seed the stage takes something from (the others it leaves whole)
    seed = next(p for p in seeds if strip_text(p.read_text("utf-8"), CleanConfig()).changes)
    text, key = seed.read_text("utf-8"), f"seed/{seed.stem}"
    assert got[key] == _digest(text)
    # a reason changed by one character is a different digest: reasons are compared too
    assert got[key] != _digest(text, ".")
    assert tool.differing(got, {**got, key: "x"}) == [key]
