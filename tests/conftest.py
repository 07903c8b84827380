"""Test-wide settings.

In CI (``CI`` set in the environment) hypothesis runs derandomized, so a run
is reproducible: the same examples every time. Locally it explores new ones.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def _read_jsonl_gz(folder: Path) -> list[dict]:
    out = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            out += [json.loads(line) for line in f]
    return out


@pytest.fixture
def read_jsonl_gz():
    """Every record of a folder's ``*.jsonl.gz`` files, file by file (datatrove writers' output)."""
    return _read_jsonl_gz


@pytest.fixture(scope="session")
def strip_real_pages() -> dict:
    """The labelled real-page corpus, ``{page id: (record, labelled lines)}`` (both splits;
    tests that use it say which split they read)."""
    from cleannews.evaluate import read_corpus

    root = Path(__file__).parent.parent / "fixtures" / "strip_real"
    return {rec["id"]: (rec, lab) for rec, _, lab in read_corpus(root)}


@pytest.fixture(scope="session")
def train_furniture_line(strip_real_pages):
    """``line(page_id, start)``: the labelled furniture line of a TRAIN page that starts with
    ``start`` (fails on a test-split page, on a content line, or when there is none)."""

    def line(page_id: str, start: str) -> str:
        rec, labelled = strip_real_pages[page_id]
        assert rec["split"] == "train", page_id  # never a test-split page
        for lb in labelled:
            if lb.text.lstrip().startswith(start):
                assert not lb.content, (page_id, lb.text)
                return lb.text
        raise AssertionError(f"{page_id}: no line starts with {start!r}")

    return line
