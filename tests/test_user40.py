"""A data engineer's first day with cleannews (round 32): what a fresh clone, installed and
driven as the README says, did wrong (docs/batch.md, "A data engineer's first day (round 32)").

Inputs: TRAIN pages of ``fixtures/strip_real`` (through ``_helpers.train_pages``, made into
JSONL records with their page ids) and the seeds.

1. ``--id-field doc_id`` (a typo: the records hold ``id``) named every record ``PATH:LINE``
   without a word, in ``run`` and ``score``; the datatrove reader's ``id_key`` the same
   (``PATH/INDEX``). Now one warning names the missing field and the record's fields.
2. ``--quarantine q.jsonl`` / ``--errors e.jsonl.gz`` (file names, as ``--out FILE.jsonl``
   takes one) made *folders* ``q.jsonl/`` and ``e.jsonl.gz/`` (the latter holding a plain
   ``errors.jsonl``), exit 0. Now refused, exit 2, nothing created, with the names that work.
3. ``cleannews.clean(record)`` (the record dict for its text) said only "expected str or
   bytes, got dict".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleannews
from _helpers import ROOT, read_jsonl, run_cli, train_pages, write_jsonl
from cleannews.batch import clean_record

SEEDS = ROOT / "seeds"


def _train_records(n: int = 6) -> list[dict]:
    """``n`` French TRAIN pages as JSONL records named by their page id (field ``id``)."""
    pages = train_pages(("fr-a",))[:n]
    assert len(pages) == n
    return [{"id": rec["id"], "url": rec.get("url", ""), "text": text}
            for rec, text, _ in pages]


def _jsonl_bytes(records: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


# 1. a record without the chosen --id-field is named on stderr -------------------------------


@pytest.mark.parametrize("command", [["run", "-", "--out", "-"], ["score", "-"]])
def test_a_misspelt_id_field_is_named_once(command: list[str], tmp_path: Path) -> None:
    records = _train_records()
    r = run_cli(*command, "--id-field", "doc_id", "-j", "1", stdin=_jsonl_bytes(records),
                cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 0, err
    lines = [json.loads(x) for x in r.stdout.decode().splitlines()]
    ids = [(x.get("cleannews") or x)["id"] for x in lines]
    assert ids == [f"-:{i}" for i in range(1, len(records) + 1)]  # named by place, as before
    warned = [x for x in err.splitlines() if "'doc_id'" in x]
    assert len(warned) == 1, err  # once, not once per record
    assert "-:1: record has no 'doc_id' field (its fields: id, url, text; choose with " \
           "--id-field FIELD)" in warned[0]
    assert "named by its place (-:1)" in warned[0]


def test_the_id_field_that_is_there_is_not_warned_about(tmp_path: Path) -> None:
    records = _train_records(3)
    for rec in records:
        rec["doc"] = {"uid": rec.pop("id")}
    write_jsonl(tmp_path / "in.jsonl", records)
    r = run_cli("run", tmp_path / "in.jsonl", "--out", tmp_path / "out", "--id-field",
                "doc.uid", "-j", "1")
    assert r.returncode == 0, r.stderr.decode()
    assert "has no" not in r.stderr.decode()
    got = [x["cleannews"]["id"] for x in read_jsonl(tmp_path / "out" / "clean.jsonl")]
    assert got == [x["doc"]["uid"] for x in records]


def test_records_without_the_default_id_are_named_by_place_without_a_warning(
        tmp_path: Path) -> None:
    # the documented behaviour for a dump without ids: no warning (the field was not chosen)
    records = [{"text": rec["text"]} for rec in _train_records(2)]
    r = run_cli("run", "-", "--out", "-", "-j", "1", stdin=_jsonl_bytes(records), cwd=tmp_path)
    assert r.returncode == 0
    assert "has no 'id' field" not in r.stderr.decode()


def test_the_datatrove_reader_names_a_misspelt_id_key(tmp_path: Path) -> None:
    pytest.importorskip("datatrove", reason="datatrove is not installed")
    pytest.importorskip("orjson", reason="datatrove's JsonlReader needs orjson")
    from loguru import logger

    from cleannews.integrations.datatrove import CleannewsJsonlReader

    records = _train_records(4)
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", records)
    said: list[str] = []
    sink = logger.add(lambda m: said.append(str(m)), level="WARNING")
    try:
        reader = CleannewsJsonlReader(str(folder), id_key="doc_id")
        docs = list(reader.run())
    finally:
        logger.remove(sink)
    assert [d.id for d in docs] == [f"a.jsonl/{i}" for i in range(4)]
    assert all("cleannews" not in d.metadata for d in docs)  # read, not errors
    warned = [m for m in said if "'doc_id'" in m]
    assert len(warned) == 1
    assert "choose with id_key='FIELD'" in warned[0]
    assert reader.stats["cleannews_no_id"].total == 4


# 2. --quarantine / --errors named like a JSONL file ------------------------------------------


@pytest.mark.parametrize("flags", [["--quarantine", "q.jsonl"], ["--errors", "e.jsonl.gz"],
                                   ["--errors", "sub/e.ndjson"]])
def test_a_sink_named_like_a_file_is_refused_before_any_work(
        tmp_path: Path, flags: list[str]) -> None:
    work = tmp_path / "work"
    work.mkdir()
    r = run_cli("run", "-", "--out", "-", *flags, "-j", "1",
                stdin=_jsonl_bytes(_train_records(2)), cwd=work)
    err = r.stderr.decode()
    assert r.returncode == 2, err
    flag, name = flags
    assert f"{flag} {name}: {flag} takes a folder" in err
    assert f"or end the name with a slash ({flag} {name}/)" in err
    assert r.stdout == b""
    assert list(work.iterdir()) == []  # no folder named like a file


def test_score_refuses_an_errors_file_name(tmp_path: Path) -> None:
    r = run_cli("score", SEEDS / "000_51a21282db567c1f.txt", "--errors", "e.jsonl", cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert "--errors e.jsonl: --errors takes a folder (the records go to FOLDER/errors.jsonl)" \
        in err
    assert "--compress" not in err  # score has no --compress
    assert list(tmp_path.iterdir()) == []


def test_a_sink_folder_with_a_jsonl_name_still_works(tmp_path: Path) -> None:
    # a trailing slash, or an existing folder of that name, is the user's folder
    (tmp_path / "e.jsonl").mkdir()
    records = [*_train_records(2), {"id": "no-text"}]
    r = run_cli("run", "-", "--out", "-", "--quarantine", "q.jsonl/", "--errors", "e.jsonl",
                "-j", "1", stdin=_jsonl_bytes(records), cwd=tmp_path)
    assert r.returncode == 1, r.stderr.decode()  # the record without text
    assert [x["id"] for x in read_jsonl(tmp_path / "e.jsonl" / "errors.jsonl")] == ["no-text"]
    assert (tmp_path / "q.jsonl").is_dir()


def test_an_errors_file_that_is_the_output_file_keeps_the_clash_message(tmp_path: Path) -> None:
    # tests/test_audit10.py #15: the clash of both names says it better than the file name
    r = run_cli("run", SEEDS / "000_51a21282db567c1f.txt", "--out", "x.jsonl", "--errors",
                "x.jsonl", "-j", "1", cwd=tmp_path)
    assert r.returncode == 2
    assert "is the output file (--out) and the folder of the errors sink" in r.stderr.decode()


# 3. a record dict given for its text --------------------------------------------------------


def test_clean_of_a_record_says_to_pass_its_text() -> None:
    record = _train_records(1)[0]
    with pytest.raises(cleannews.InputError, match=r'got dict: a record; pass its text, e\.g\. '
                       r'clean\(record\["text"\], id=record\.get\("id"\)\)'):
        cleannews.clean(record)
    row = clean_record(record)
    assert row["cleannews_verdict"] == "error"
    assert 'pass its text' in row["cleannews_error"]
    # what the message says to do works, and keeps the id
    assert cleannews.clean(record["text"], id=record.get("id")).id == record["id"]
