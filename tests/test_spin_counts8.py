"""spin-counts8: the count-table builder's development source selection (extra sources of the
pinned Common Voice snapshot, count weights) never reaches the shipped table, and the
development driver's leave-one-source-out choice respects its floors."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from _helpers import load_script

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / "tools/spin"
sys.path.insert(0, str(TOOLS))


def _load(name: str, file: str):
    return load_script(TOOLS / file, name)


clean = _load("spin_counts8_clean", "build_context_clean.py")
driver = _load("spin_counts8_driver", "dev_counts8.py")


def test_shipped_table_counts_exactly_the_shipped_sources():
    """The shipped table's word total is the manifest's, and the manifest lists the ids of
    ``SOURCES`` and none of the development-only ``EXTRA_SOURCES`` (literature whose authors
    overlap the negatives' sources)."""
    md = (TOOLS / "data/CONTEXT_CLEAN_SOURCES.md").read_text(encoding="utf-8")
    listed = [line.split("`")[1] for line in md.splitlines() if line.startswith("| `")]
    assert listed == [s[0] for s in clean.SOURCES]
    assert not any(s[0] in md for s in clean.EXTRA_SOURCES)
    blob = gzip.decompress((REPO / "src/cleannews/score/data/context_counts.bin.gz").read_bytes())
    head = json.loads(blob.split(b"\n", 2)[1])
    total = int(md.split("Total: **")[1].split(" words")[0].replace(",", ""))
    assert head["n"] == total and head["v"] < 30_000


def test_default_selection_is_the_shipped_sources_at_weight_one(monkeypatch):
    monkeypatch.setattr(clean, "SELECTED", ())
    got = clean.selected_sources()
    assert [s for s, _w in got] == list(clean.SOURCES)
    assert all(w == 1.0 for _s, w in got)


def test_selection_with_weights_and_unknown_source(monkeypatch):
    monkeypatch.setattr(clean, "SELECTED", ("cv-fr:framabook", "cv-fr:gutenberg*0.25"))
    got = clean.selected_sources()
    assert [(s[0], w) for s, w in got] == [("cv-fr:framabook", 1.0), ("cv-fr:gutenberg", 0.25)]
    # every extra source is a folder of the same pinned snapshot as the shipped ones
    assert {s[1] for s in clean.EXTRA_SOURCES} == {clean.REPO_CV}
    monkeypatch.setattr(clean, "SELECTED", ("cv-fr:wikipedia",))
    with pytest.raises(SystemExit, match="unknown source"):
        clean.selected_sources()


def test_loso_pick_respects_the_floors():
    """A candidate with the best total that loses on one threshold's floor is not chosen."""
    res = {
        "greedy": [{"n": 0.9, "u": 0.1}] * 3,  # best sum, below the UD floor
        "fair": [{"n": 0.3, "u": 0.6}] * 3,
        "weak": [{"n": 0.2, "u": 0.5}] * 3,
    }
    pick = driver.loso_pick(res, lambda r: r["n"], lambda r: r["u"], (0.25, 0.55))
    assert pick[0] == "fair"
    assert driver.loso_pick(res, lambda r: r["n"], lambda r: r["u"], (0.95, 0.0)) is None
