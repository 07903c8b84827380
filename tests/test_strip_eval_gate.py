"""Quality gate (in the manner of trafilatura's eval gate): the strip stage on the
annotated fixtures must stay above the floors of fixtures/eval_floors.json and
beat jusText run on the same fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleannews.evaluate import evaluate, read_fixture

FIXTURES = Path(__file__).parent.parent / "fixtures"
FLOORS = json.loads((FIXTURES / "eval_floors.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def result() -> dict:
    return evaluate(FIXTURES / "strip", with_justext=True)


def test_fixture_documents_rebuild_the_seeds():
    for p in sorted((FIXTURES / "strip").glob("seed_*.txt")):
        doc, labelled, _ = read_fixture(p)
        seed = next((FIXTURES.parent / "seeds").glob(p.stem.replace("seed_", "") + "_*.txt"))
        assert doc == seed.read_text("utf-8"), p.name
        assert labelled


def test_floors_on_all_fixtures(result):
    s, f = result["cleannews"]["all"], FLOORS["all"]
    dropped = [d["file"] + ": " + d["line"][:80] for d in s["dropped_content_lines"]]
    assert s["removal_precision"] >= f["min_removal_precision"], s
    assert s["removal_recall"] >= f["min_removal_recall"], s
    assert s["content_dropped_share"] <= f["max_content_dropped_share"], dropped


def test_seeds_every_boilerplate_line_removed_no_content_lost(result):
    s, f = result["cleannews"]["seeds"], FLOORS["seeds"]
    assert s["removal_recall"] >= f["min_removal_recall"], result["cleannews"][
        "missed_boilerplate_lines"
    ]
    assert s["content_dropped"] <= f["max_content_dropped"], s["dropped_content_lines"]


def test_better_than_justext(result):
    ours, theirs = result["cleannews"]["all"], result["justext"]["all"]
    for key in FLOORS["better_than_justext"]:
        if key == "content_dropped_share":
            assert ours[key] < theirs[key], (key, ours[key], theirs[key])
        else:
            assert ours[key] > theirs[key], (key, ours[key], theirs[key])
