"""A data engineer's walkthrough of the pipeline uses (round 34): JSONL in and out, the
datatrove step, the batch scorer over folders, and the bad-input promises (every input
document in exactly one place, with its id; exit codes 0/1/2; logs on stderr)
(the round 34 walkthrough section of docs/batch.md, from user44.docs.md).

1. ``--doc-timeout`` timed the building of a refused document's error record: a file or
   record above ``--max-record-mb`` (a 50 MB one-line text: refused from its size, then its
   raw bytes copied into the errors sink) was filed as a ``timeout`` ("cleaning took longer
   than 0.3 s") instead of ``too_large``. The time limit now covers the processing only,
   not the error record (:func:`cleannews.batch.process.process_item`).
2. The datatrove step's ``timeout`` error said ``(--doc-timeout)``, a flag the pipeline's
   author never gave: it names ``CleannewsCleaner doc_timeout`` now.
3. A lone surrogate escape in a record's id, fields or refused text crashed datatrove's
   writers (the task failed, every later document of it lost): escaped now.
4. bzip2, xz or ZIP data named ``.jsonl`` was split into lines of garbage, each a ``utf8``
   error: one ``binary`` error per file now, as under another name.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _helpers import run_cli
from cleannews.batch.process import BatchOptions, process_item
from cleannews.batch.sources import Item

#: A time limit no error record of several MB is built within.
TINY_TIMEOUT = 0.001


def _big_line(n_bytes: int, text_bytes: bytes = b"Le maire a parl\xc3\xa9. ") -> bytes:
    """A one-line JSONL record of about ``n_bytes`` whose text repeats ``text_bytes``."""
    return b'{"id": "big", "text": "' + text_bytes * (n_bytes // len(text_bytes)) + b'"}\n'


def test_a_record_above_the_limit_is_too_large_under_a_time_limit() -> None:
    line = _big_line(3_000_000)
    item = Item(0, "big.jsonl", "jsonl", line, 1, size=len(line))
    opts = BatchOptions(max_record_bytes=1_000_000, doc_timeout=TINY_TIMEOUT)
    result = process_item(item, opts)
    assert (result.error_type, result.id) == ("too_large", "big")


def test_run_files_a_huge_file_as_too_large_with_doc_timeout(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "huge.txt").write_bytes(b"Le maire a parl\xc3\xa9. " * 300_000)  # 5.4 MB, one line
    out = tmp_path / "out"
    res = run_cli("run", corpus, "--out", out, "--max-record-mb", "1", "--doc-timeout", "0.001",
                  "-j", "1")
    assert res.returncode == 1, res.stderr
    errors = [json.loads(x) for x in (out / "errors" / "errors.jsonl").read_text().splitlines()]
    assert [(e["id"], e["error"]["type"]) for e in errors] == [(f"{corpus}/huge.txt", "too_large")]
    assert b"too_large" in res.stderr and b"timeout" not in res.stderr


def test_the_datatrove_timeout_names_the_step_setting(monkeypatch) -> None:
    """The cleaner's ``timeout`` error said ``(--doc-timeout)``, a flag of ``cleannews run``
    the datatrove user never gave; it names ``CleannewsCleaner doc_timeout`` now, as the
    step's warning does."""
    pytest.importorskip("datatrove")
    import time

    from datatrove.data import Document as DtDocument

    import cleannews.pipeline
    from cleannews.integrations.datatrove import METADATA_KEY, CleannewsCleaner

    cleaner = CleannewsCleaner(doc_timeout=0.05)
    list(cleaner.run([DtDocument(text="Le maire a parlé.", id="warm")]))  # models loaded
    monkeypatch.setattr(cleannews.pipeline, "clean", lambda *a, **k: time.sleep(5))
    done = list(cleaner.run([DtDocument(text="Le maire a parlé.", id="slow")]))
    info = done[0].metadata[METADATA_KEY]
    assert info["error_type"] == "timeout"
    assert "(CleannewsCleaner doc_timeout)" in info["error"]
    assert "--doc-timeout" not in info["error"]


#: JSONL lines whose strings hold a lone UTF-16 surrogate escape (``\ud800``: valid JSON that
#: Python's parser reads, as ``cleannews run`` does; no UTF-8 writer can write the result).
SURROGATE_LINES = [
    '{"id": "s\\ud800", "text": "Le maire a parlé hier devant le conseil."}',
    '{"id": "meta", "title": "x\\udc00", "text": "Le maire a parlé hier devant le conseil."}',
    '{"id": "text", "text": "Le maire \\ud800 a parlé hier devant le conseil."}',
    '{"id": "nul", "text": "Le maire \\ud800 a\\u0000 parlé."}',
    '{"id": "t\\ud800", "text": 42}',
    '{"id": "after", "text": "Le conseil a voté le budget mardi soir."}',
]


def test_lone_surrogates_reach_the_writers(tmp_path: Path) -> None:
    """A record whose id, metadata or text holds a lone surrogate escape: datatrove's
    ``JsonlWriter`` (orjson) raised "str is not valid UTF-8: surrogates not allowed" and the
    task failed, losing that document and every later one of the task, while ``cleannews run``
    writes them all. Now the reader escapes them in the id and metadata (as
    ``Document.to_dict`` does), the cleaner repairs the text (``replace_surrogates``) and a
    document it passes on unchanged keeps its text escaped: six documents, six written."""
    pytest.importorskip("datatrove")
    from test_audit30 import _run_pipeline

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "s.jsonl").write_text("\n".join(SURROGATE_LINES) + "\n", "utf-8")
    kept, excluded, _ = _run_pipeline(tmp_path)
    assert sorted(r["id"] for r in kept) == ["after", "meta", "s\\ud800", "text"]
    assert sorted((r["id"], r["cleannews"]["error_type"]) for r in excluded) == [
        ("nul", "nul"), ("t\\ud800", "type")]
    assert next(r for r in kept if r["id"] == "meta")["title"] == "x\\udc00"
    assert next(r for r in kept if r["id"] == "text")["text"].startswith("Le maire \ufffd a")


def _compressed_dumps(folder: Path) -> dict[str, bytes]:
    """A JSONL dump of 40 records compressed as bzip2, xz and ZIP, each saved as ``.jsonl``
    (a server's answer, a renamed download) in ``folder``: name -> its first bytes."""
    import bz2
    import io
    import lzma
    import zipfile

    folder.mkdir()
    dump = "".join(json.dumps({"id": f"r{i}", "text": f"Le conseil a voté la mesure {i}."})
                   + "\n" for i in range(40)).encode()
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("dump.jsonl", dump)
    data = {"b.jsonl": bz2.compress(dump), "x.jsonl": lzma.compress(dump),
            "z.jsonl": zipped.getvalue()}
    for name, raw in data.items():
        (folder / name).write_bytes(raw)
    return data


def test_a_compressed_dump_named_jsonl_is_one_binary_error(tmp_path: Path) -> None:
    """bzip2, xz or ZIP data saved as ``.jsonl``: gzip data is told by its first bytes, not
    the name (decompressed), and any other name (``d.jsonl.bz2``, stdin) is refused whole as
    ``binary`` with the command that decompresses it; a ``.jsonl`` file was split into
    "lines" of compressed bytes, each a ``utf8`` or ``json`` error of garbage (hundreds for a
    real dump). Now one ``binary`` error per file, the message as under another name."""
    _compressed_dumps(tmp_path / "in")
    res = run_cli("score", tmp_path / "in", "-o", tmp_path / "s.jsonl")
    assert res.returncode == 1, res.stderr
    lines = [json.loads(x) for x in (tmp_path / "s.jsonl").read_text().splitlines()]
    assert [(r["id"].rsplit("/", 1)[-1], r["error"]["type"]) for r in lines] == [
        ("b.jsonl", "binary"), ("x.jsonl", "binary"), ("z.jsonl", "binary")]
    assert "bzcat" in lines[0]["error"]["message"] and "xzcat" in lines[1]["error"]["message"]
    assert "ZIP archive" in lines[2]["error"]["message"]


def test_the_datatrove_reader_tells_a_compressed_dump_by_its_bytes(tmp_path: Path) -> None:
    """``CleannewsJsonlReader`` over the same dumps, and a gzip one, all named ``.jsonl``:
    datatrove's compression goes by the name, so each was read as "lines" of compressed
    bytes, every one a ``utf8`` error document. Now gzip data is decompressed (as ``run``
    does, whatever the name) and the others are one ``binary`` document each."""
    pytest.importorskip("datatrove")
    import gzip

    from test_audit30 import _run_pipeline

    data = _compressed_dumps(tmp_path / "in")
    (tmp_path / "in" / "g.jsonl").write_bytes(gzip.compress(
        b"".join(json.dumps({"id": f"g{i}", "text": f"Le conseil a vot\u00e9 la mesure {i}."})
                 .encode() + b"\n" for i in range(3))))
    kept, excluded, _ = _run_pipeline(tmp_path)
    assert sorted(r["id"] for r in kept) == ["g0", "g1", "g2"]
    assert sorted((r["id"], r["cleannews"]["error_type"]) for r in excluded) == [
        (f"{name}/0", "binary") for name in sorted(data)]  # datatrove's PATH/INDEX
