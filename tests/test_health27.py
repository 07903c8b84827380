"""health27: helpers folded out of code written twice (round 25).

``batch.sources._opened_items`` now serves both inputs of ``_all_items`` that are opened
before they are read (a pipe named by its path, a JSONL file): the items it reads, or one
``read`` error item when the file cannot be opened. ``document._with_span_list`` /
``_span_from`` are the JSON form of a span for ``Change``, ``Evidence`` and
``ParagraphScore``.
"""

from __future__ import annotations

import gzip
import json
import os
import threading
from pathlib import Path

import pytest

from cleannews.batch.sources import (
    _open_binary,
    _opened_items,
    iter_items,
    iter_jsonl,
    read_problem,
)
from cleannews.document import Evidence, ParagraphScore, SpinScore, _span_from

ROOT = Path(__file__).parent.parent
VALIDATION = ROOT / "fixtures" / "spin" / "validation.jsonl.gz"


def _records(n: int) -> list[bytes]:
    with gzip.open(VALIDATION, "rb") as fh:
        return [next(fh) for _ in range(n)]


def test_an_input_that_cannot_be_opened_is_one_read_error_item(tmp_path: Path) -> None:
    # a folder handed to ``open``: IsADirectoryError, an OSError even for root
    (item,) = _opened_items(str(tmp_path), "dump.jsonl", "jsonl", 7, _open_binary, iter_jsonl)
    assert (item.seq, item.source, item.kind, item.id) == (7, "dump.jsonl", "jsonl", "dump.jsonl")
    with pytest.raises(OSError) as exc:
        open(tmp_path, "rb")  # the error ``run`` reports
    assert item.error == f"cannot open: {read_problem(exc.value)}"
    assert item.error_type == "read"
    assert item.payload == b""


def test_opened_items_read_the_file_and_close_it(tmp_path: Path) -> None:
    lines = _records(3)
    f = tmp_path / "dump.jsonl"
    f.write_bytes(b"".join(lines))
    opened = []

    def opener(name: str):
        fh = _open_binary(name)
        opened.append(fh)
        return fh

    items = list(_opened_items(str(f), "dump.jsonl", "jsonl", 4, opener, iter_jsonl))
    assert [i.seq for i in items] == [4, 5, 6]
    assert [i.payload.rstrip(b"\n") for i in items] == [x.rstrip(b"\n") for x in lines]
    assert opened and all(fh.closed for fh in opened)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_named_pipe_then_a_jsonl_file_number_their_items_in_one_sequence(tmp_path) -> None:
    lines = _records(4)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_bytes(b"".join(lines[2:]))

    def feed() -> None:
        with open(fifo, "wb") as fh:
            fh.write(b"".join(lines[:2]))

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    items = list(iter_items([str(fifo), str(jsonl)], warn=False))
    writer.join(10)
    assert [i.seq for i in items] == [0, 1, 2, 3]
    assert [i.kind for i in items] == ["jsonl"] * 4
    assert [json.loads(i.payload)["id"] for i in items] == [json.loads(x)["id"] for x in lines]
    assert all(i.error is None for i in items)


def test_spans_round_trip_through_the_json_form() -> None:
    ev = Evidence("elision", (3, 7), "le a", "missing elision", 0.5)
    par = ParagraphScore(0, (0, 40), 0.9, "spun", 12, 1)
    s = SpinScore(0.9, "spun", (ev,), (par,), "fr", 12)
    d = json.loads(json.dumps(s.to_dict()))
    assert d["evidence"][0]["span"] == [3, 7]
    assert d["paragraphs"][0]["span"] == [0, 40]
    assert SpinScore.from_dict(d) == s
    assert _span_from({"span": ["3", 7.0]}) == (3, 7)
