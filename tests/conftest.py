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
