"""ftfy's own public test cases as a gate: cleannews is never worse than ftfy on them.

The cases are ftfy's JSON test files (ftfy 6.3.1, Apache-2.0), kept as data in
``../shared/peer/ftfy-test-cases`` (see the README there); CI has them. They are
a held-out set: the repair rules were not tuned on them case by case.

cleannews runs ftfy with ``uncurl_quotes=False`` (French typography keeps its
’ “ ”), while ftfy's expected outputs were written with its default
``uncurl_quotes=True``. So the reference is ``ftfy.fix_text(uncurl_quotes=False)``
and, where curly quotes are the only difference, results are compared with
quotes straightened on both sides: cleannews deliberately keeps the curly ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import ftfy
import ftfy.fixes
import pytest

import cleannews
from cleannews import CleanConfig

ROOT = Path(__file__).resolve().parents[1]
CASES_DIR = ROOT.parent / "shared" / "peer" / "ftfy-test-cases"
REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)


def _load() -> list[tuple[str, dict]]:
    if not CASES_DIR.is_dir():
        return []
    return [
        (f"{path.stem}:{i}", case)
        for path in sorted(CASES_DIR.glob("*.json"))
        for i, case in enumerate(json.loads(path.read_text("utf-8")))
    ]


CASES = _load()
needs_cases = pytest.mark.skipif(
    not CASES, reason=f"ftfy's test cases not found in {CASES_DIR} (see ../shared/peer/README.md)"
)


def unquoted(text: str) -> str:
    """Text with curly quotes straightened: the one deliberate difference from ftfy."""
    return ftfy.fixes.uncurl_quotes(text)


@needs_cases
@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_never_worse_than_ftfy(case: dict) -> None:
    original, expected = case["original"], case["fixed"]
    ours = cleannews.repair(original, REPAIR_ONLY).text
    theirs = ftfy.fix_text(original, uncurl_quotes=False)
    if theirs == expected:
        assert ours == expected
    elif unquoted(theirs) == unquoted(expected):
        # ftfy's expected text straightens quotes; both tools keep them curly here
        assert unquoted(ours) == unquoted(expected)
    else:  # a case ftfy itself fails: cleannews must at least not lose text to it
        assert ours.strip()


@needs_cases
def test_suite_counts_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    counts = {"cleannews": [0, 0], "ftfy": [0, 0]}
    for _, case in CASES:
        expected = case["fixed"]
        outputs = {
            "cleannews": cleannews.repair(case["original"], REPAIR_ONLY).text,
            "ftfy": ftfy.fix_text(case["original"], uncurl_quotes=False),
        }
        for name, out in outputs.items():
            counts[name][0] += out == expected
            counts[name][1] += unquoted(out) == unquoted(expected)
    with capsys.disabled():
        print(f"\nftfy suite, {len(CASES)} cases: exact / ignoring quote style")
        for name, (exact, loose) in counts.items():
            print(f"  {name:10s} {exact:4d} {loose:4d}")
    assert counts["cleannews"][0] >= counts["ftfy"][0]
    assert counts["cleannews"][1] >= counts["ftfy"][1]
    assert len(CASES) == 161  # the five files of ftfy 6.3.1, all read
