"""Round 28 audit (audit30): the datatrove steps, the configuration, ``cleannews score``.

Bugs fixed (each test below says ``fails on main``):

1. ``CleannewsCleaner`` took any ``metadata["cleannews"]`` holding ``error`` and ``error_type``
   for the mark of a line ``CleannewsJsonlReader`` could not read, and passed the document on
   uncleaned: an earlier run's quarantine read again (with a longer ``doc_timeout``) was
   excluded again with the old ``timeout`` error, never cleaned, and any input field named
   ``cleannews`` made up a stat (``error_<anything>``). Only the reader's error types mark.
2. ``CleannewsSpinFilter`` left a ``filter_reason`` of its own from an earlier run (its
   ``label_only`` output read again) on a document it now keeps.
3. ``CleannewsCleaner`` filed an input above ``CleanConfig.max_input_mb`` as ``input``;
   ``cleannews run`` with the same configuration files it as ``too_large``
   (``InputError.kind``, set where the limit is checked).
4. ``CopyClusters`` stopped the task on a document whose text is not a string (datatrove's
   length stat) and on a stored ``copies_signature`` that is not text (``TypeError``), and
   kept an earlier run's ``copies`` annotation on a document with no copy now (with
   ``drop_duplicates`` such a document was dropped as a "duplicate" of nothing).
5. ``CleanConfig`` kept a language twice (``("fr", "fr-FR")``: unequal to ``("fr",)``) and an
   int threshold or size as an int (``repr`` / ``to_dict`` said ``1`` where ``0.9`` is shown).

Pinned, as found right: a datatrove pipeline of hostile records over two tasks puts every
document in one place with counters that add up; the metadata keys are the documented ones;
pickling, hashing and the defaults docs/cli.md shows; config files that are wrong exit 2
naming the file; ``cleannews score`` over a folder of odd files (binary, empty, Latin-1,
a 1 MB line, a symlink loop, a dangling link, a FIFO, a file gone between listing and
reading): one line each, in order, logs on stderr only, exit codes 0 / 1 / 2.
"""

from __future__ import annotations

import json
import os
import pickle
import re
from pathlib import Path

import pytest

import cleannews
from _helpers import read_jsonl, run_cli, seed_lines, write_jsonl
from cleannews.config import DEFAULT_CONFIG, CleanConfig, option_names

ROOT = Path(__file__).resolve().parent.parent
#: Real French sentences (the seeds) to build documents from.
LINES = seed_lines()
ARTICLE = "\n".join(LINES[:4])


def _needs_datatrove() -> None:
    pytest.importorskip("datatrove", reason="datatrove is not installed")
    pytest.importorskip("orjson", reason="datatrove's JsonlReader needs orjson")


def _run_pipeline(tmp_path: Path, *, tasks: int = 1, label_only: bool = False,
                  config: CleanConfig | None = None) -> tuple[list[dict], list[dict], list]:
    """CleannewsJsonlReader → cleaner → filter (exclusion writer) → writer over
    ``tmp_path/in``; returns (kept, excluded, stats)."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter

    from cleannews.integrations.datatrove import (
        CleannewsCleaner,
        CleannewsJsonlReader,
        CleannewsSpinFilter,
    )

    pipeline = [
        CleannewsJsonlReader(str(tmp_path / "in")),
        CleannewsCleaner(config=config),
        CleannewsSpinFilter(exclusion_writer=JsonlWriter(str(tmp_path / "excluded"),
                                                         expand_metadata=True),
                            label_only=label_only, config=config),
        JsonlWriter(str(tmp_path / "kept"), expand_metadata=True),
    ]
    LocalPipelineExecutor(pipeline, tasks=tasks, workers=1,
                          logging_dir=str(tmp_path / "logs")).run()
    kept = [r for p in sorted((tmp_path / "kept").glob("*.jsonl.gz")) for r in read_jsonl(p)]
    excluded = [r for p in sorted((tmp_path / "excluded").glob("*.jsonl.gz"))
                for r in read_jsonl(p)]
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text("utf-8"))
    return kept, excluded, stats


def _step_stats(stats: list, word: str) -> dict:
    """The totals of the step whose name ends with ``word`` (``clean``, ``spin filter``)."""
    step = next(s for s in stats if s["name"].endswith(word))
    return {k: (v["total"] if isinstance(v, dict) else v) for k, v in step["stats"].items()}


# --- 1. an earlier run's error is not the reader's mark (fails on main) -------------------


def test_a_quarantine_read_again_is_cleaned_not_excluded_with_its_old_error(
        tmp_path: Path) -> None:
    """A record of an earlier run's exclusion writer (expand_metadata: its ``cleannews`` and
    ``filter_reason`` on top) run again -- after a ``timeout``, an ``exception`` -- is cleaned
    now. Fails on main: excluded again as ``cleannews_error`` with the old error."""
    _needs_datatrove()
    old = {"version": cleannews.__version__}
    rows = [
        {"id": "slow", "text": ARTICLE, "filter_reason": "cleannews_error",
         "cleannews": {**old, "error": "cleaning took longer than 0.5 s (--doc-timeout)",
                       "error_type": "timeout"}},
        {"id": "bug", "text": ARTICLE, "filter_reason": "cleannews_error",
         "cleannews": {**old, "error": "RuntimeError: x", "error_type": "exception"}},
        {"id": "field", "text": ARTICLE, "cleannews": {"error": "x", "error_type": "made_up"}},
        # an earlier reader's error record: its text is the raw line, never cleaned
        {"id": "line", "text": '{"id": "line", "text": ', "filter_reason": "cleannews_error",
         "cleannews": {**old, "error": "not valid JSON: …", "error_type": "json"}},
    ]
    write_jsonl(tmp_path / "in" / "q.jsonl", rows)
    kept, excluded, stats = _run_pipeline(tmp_path)
    assert sorted(r["id"] for r in kept) == ["bug", "field", "slow"]
    assert [r["id"] for r in excluded] == ["line"]
    for r in kept:
        assert r["cleannews"]["verdict"] == "keep" and "error" not in r["cleannews"], r
        assert "filter_reason" not in r  # not the old reason on a kept document
    assert excluded[0]["cleannews"]["error_type"] == "json"
    cleaner = _step_stats(stats, "clean")
    assert cleaner["cleannews_failed"] == 1 and cleaner["error_json"] == 1
    assert not [k for k in cleaner if k in ("error_timeout", "error_made_up")]


def test_only_the_readers_error_types_mark_an_unread_line() -> None:
    """Pinned: the marks CleannewsJsonlReader writes are the types ``unreadable`` knows."""
    _needs_datatrove()
    from cleannews.integrations.datatrove import READ_ERRORS, CleannewsJsonlReader, unreadable

    reader = CleannewsJsonlReader("/nonexistent")
    lines = [b"not json\n", b'{"id": "a"}\n', b'{"id": "a", "text": 3}\n',
             b'{"id": "a", "text": ""}\n', b'{"id": "a", "text": "caf\x81"}\n', b"[1, 2]\n"]
    kinds = {reader._line_document(raw, "f.jsonl", i).metadata["cleannews"]["error_type"]
             for i, raw in enumerate(lines)}
    # `read`: a file cut short (test below); `binary`: a compressed dump named `.jsonl`, one
    # document for the file (round 34: tests/test_user44.py)
    assert kinds | {"read", "binary"} == set(READ_ERRORS)
    assert all(unreadable({"error": "m", "error_type": k}) for k in kinds)
    for other in ("timeout", "exception", "nul", "empty_after_cleaning", "input",
                  "too_large"):
        assert not unreadable({"error": "m", "error_type": other})


def test_a_gzip_file_cut_short_ends_with_one_read_error_not_a_dead_task(tmp_path: Path) -> None:
    """Fails on main: ``EOFError`` (a ``.jsonl.gz`` cut short) and ``BadGzipFile`` stopped the
    task, the records of its other files unread; now the lines read are documents and the
    rest of the file is one ``read`` error, as ``cleannews run`` files it."""
    import gzip

    _needs_datatrove()
    rows = [{"id": f"r{i}", "text": f"{LINES[i % 20]} ({i})"} for i in range(600)]
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode())
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a_cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "in" / "b_bad.jsonl.gz").write_bytes(b"\x1f\x8b" + b"garbage" * 20)
    write_jsonl(tmp_path / "in" / "c_ok.jsonl", [{"id": "ok", "text": ARTICLE}])
    kept, excluded, stats = _run_pipeline(tmp_path)
    read = sorted((r["id"], r["cleannews"]["error"].split(":")[0]) for r in excluded
                  if r["cleannews"].get("error_type") == "read")
    assert len(read) == 2 and read[1] == ("b_bad.jsonl.gz/0", "could not read the file")
    cut_at = int(read[0][0].rsplit("/", 1)[1])
    assert read[0] == (f"a_cut.jsonl.gz/{cut_at}",
                       f"could not read the rest of the file after line {cut_at}")
    assert 0 < cut_at < 600
    ids = {r["id"] for r in kept + excluded}
    assert {f"r{i}" for i in range(cut_at)} | {"ok"} <= ids  # every line read, the last file too
    assert _step_stats(stats, "clean")["error_read"] == 2
    proc = run_cli("run", tmp_path / "in" / "a_cut.jsonl.gz", "--out", tmp_path / "run", "-q")
    errors = read_jsonl(tmp_path / "run" / "errors" / "errors.jsonl")
    assert [e["error"]["message"].split(":")[0] for e in errors if e["error"]["type"] == "read"
            ] == [read[0][1]] and proc.returncode == 1


# --- 2. label_only run again (fails on main) -----------------------------------------------


def test_label_only_run_again_keeps_no_stale_filter_reason(tmp_path: Path) -> None:
    """Fails on main: the ``filter_reason`` of an earlier ``label_only`` run stayed on a
    document the filter keeps unlabelled now (a reason of another step stays)."""
    _needs_datatrove()
    rows = [{"id": "was_spun", "text": ARTICLE, "filter_reason": "spun"},
            {"id": "other_step", "text": ARTICLE, "filter_reason": "too_short"}]
    write_jsonl(tmp_path / "in" / "l.jsonl", rows)
    kept, excluded, _ = _run_pipeline(tmp_path, label_only=True)
    assert not excluded
    by_id = {r["id"]: r for r in kept}
    assert "filter_reason" not in by_id["was_spun"]
    assert by_id["other_step"]["filter_reason"] == "too_short"


# --- 3. max_input_mb is too_large, as in `run` (fails on main) ----------------------------


def test_an_input_above_max_input_mb_is_too_large_in_run_and_in_the_datatrove_step(
        tmp_path: Path) -> None:
    """Fails on main: the datatrove step said ``input`` where ``run`` says ``too_large``."""
    _needs_datatrove()
    big = "\n".join(LINES[:40])
    assert len(big.encode()) > 2000
    rows = [{"id": "big", "text": big}, {"id": "small", "text": LINES[0]}]
    src = write_jsonl(tmp_path / "in" / "s.jsonl", rows)
    config = CleanConfig(max_input_mb=0.001)
    kept, excluded, stats = _run_pipeline(tmp_path, config=config)
    assert [r["id"] for r in kept] == ["small"]
    assert [(r["id"], r["cleannews"]["error_type"]) for r in excluded] == [("big", "too_large")]
    assert "(CleanConfig max_input_mb)" in excluded[0]["cleannews"]["error"]
    assert excluded[0]["text"] == big  # the input, not lost
    assert _step_stats(stats, "clean")["error_too_large"] == 1
    proc = run_cli("run", src, "--out", tmp_path / "run", "-j", "1", "-q",
                   "--set", "max_input_mb=0.001")
    assert proc.returncode == 1, proc.stderr.decode()
    errors = read_jsonl(tmp_path / "run" / "errors" / "errors.jsonl")
    assert [(e["id"], e["error"]["type"]) for e in errors] == [("big", "too_large")]
    with pytest.raises(cleannews.InputError) as caught:
        cleannews.clean(big, config)
    assert caught.value.kind == "too_large"
    assert pickle.loads(pickle.dumps(caught.value)).kind == "too_large"
    with pytest.raises(cleannews.InputError) as caught:
        cleannews.clean(12)
    assert caught.value.kind == "input"


# --- 4. CopyClusters on odd documents (fails on main) -------------------------------------


def _copies_docs() -> list:
    from datatrove.data import Document

    text = "\n".join(LINES[10:16])
    return [Document(text=text, id="a"), Document(text=text, id="b")]


def test_copy_clusters_forward_a_document_whose_text_is_not_a_string() -> None:
    """Fails on main: ``TypeError: object of type 'NoneType' has no len()`` stopped the task."""
    _needs_datatrove()
    from datatrove.data import Document

    from cleannews.integrations.datatrove_copies import CopyClusters

    docs = [*_copies_docs(), Document(text=None, id="none"), Document(text=7, id="int")]
    out = list(CopyClusters().run(iter(docs)))
    assert [d.id for d in out] == ["a", "b", "none", "int"]
    assert out[1].metadata["copies"]["role"] == "duplicate"
    assert "copies" not in out[2].metadata and "copies" not in out[3].metadata


@pytest.mark.parametrize("stored", [7, ["x"], {"a": 1}, "!!not base64", "AAAA", "é"])
def test_copy_clusters_sign_again_a_stored_signature_that_is_not_one(stored) -> None:
    """Fails on main for 7, a list, a dict (``TypeError``); the others were signed again."""
    _needs_datatrove()
    from cleannews.integrations.datatrove_copies import CopyClusters

    docs = _copies_docs()
    docs[0].metadata["copies_signature"] = stored
    out = list(CopyClusters().run(iter(docs)))
    assert [d.metadata["copies"]["role"] for d in out] == ["original", "duplicate"]
    assert all("copies_signature" not in d.metadata for d in out)


def test_copy_clusters_drop_nothing_on_an_earlier_runs_annotation() -> None:
    """Fails on main: a document with no copy now kept an earlier run's ``copies`` and, with
    ``drop_duplicates``, was dropped as a duplicate."""
    _needs_datatrove()
    from datatrove.data import Document

    from cleannews.integrations.datatrove_copies import CopyClusters

    stale = {"cluster": "gone", "role": "duplicate", "peers": ["gone"], "source": None}
    docs = [Document(text="\n".join(LINES[20:26]), id="alone", metadata={"copies": stale}),
            *_copies_docs()]
    step = CopyClusters(drop_duplicates=True)
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["alone", "a"]
    assert "copies" not in out[0].metadata


# --- pinned: every document in one place, counters that add up ----------------------------


def test_hostile_records_over_two_tasks_end_in_one_place_with_matching_counters(
        tmp_path: Path) -> None:
    """Pinned (right on main): empty / None / non-str / NUL / whitespace texts, a missing
    text, a 200 kB text, English and German texts, a lone surrogate, invalid JSON and
    invalid UTF-8, over two files and two tasks."""
    _needs_datatrove()
    rows = [{"id": "fr", "text": ARTICLE}, {"id": "empty", "text": ""},
            {"id": "null", "text": None}, {"id": "int", "text": 5}, {"id": "list", "text": ["a"]},
            {"id": "nul", "text": "a\x00b " + LINES[0]}, {"id": "space", "text": " \u200b\xa0 "},
            {"id": "notext"}, {"id": "huge", "text": (" ".join(LINES[:4]) + " ") * 140},
            {"id": "en", "text": "The city council voted the budget on Tuesday evening after a "
             "long debate between the majority and the opposition."},
            {"id": "de", "text": "Der Stadtrat hat am Dienstagabend nach einer langen Debatte "
             "den Haushalt beschlossen."},
            {"id": "surrogate", "text": "\ud800 " + LINES[1]},
            {"id": "boiler", "text": "Partager sur Facebook\nPartager sur Twitter\n"}]
    write_jsonl(tmp_path / "in" / "a.jsonl", rows)
    (tmp_path / "in" / "b.jsonl").write_bytes(
        b'{"id": "latin", "text": "caf\x81"}\nnot json\n\n'
        + json.dumps({"id": "last", "text": LINES[2]}).encode() + b"\n")
    kept, excluded, stats = _run_pipeline(tmp_path, tasks=2)
    ids = [r["id"] for r in kept + excluded]
    assert len(ids) == len(set(ids)) == len(rows) + 3  # the blank line is no document
    fates = {r["id"]: r["cleannews"].get("error_type", r["cleannews"]) for r in excluded}
    assert fates == {"empty": "empty", "null": "type", "int": "type", "list": "type",
                     "nul": "nul", "space": "empty", "notext": "missing_field",
                     "boiler": "empty_after_cleaning", "latin": "utf8", "b.jsonl/1": "json"}
    assert all(r["filter_reason"] == "cleannews_error" for r in excluded)
    assert {r["id"] for r in kept} == {"fr", "huge", "en", "de", "surrogate", "last"}
    assert all(r["cleannews"]["verdict"] == "keep" for r in kept)
    reader, cleaner = _step_stats(stats, "jsonl"), _step_stats(stats, "clean")
    filt = _step_stats(stats, "spin filter")
    assert reader["documents"] == cleaner["total"] == filt["total"] == len(ids)
    assert cleaner["cleannews_failed"] == filt["dropped"] == len(excluded)
    assert sum(v for k, v in cleaner.items() if k.startswith("error_")) == len(excluded)
    assert sum(v for k, v in cleaner.items() if k.startswith("label_")) == len(kept)
    assert filt["forwarded"] == len(kept) == _step_stats(stats, "Jsonl")["total"]


#: The keys docs/batch.md names for ``metadata["cleannews"]`` (round 28 section).
def _documented_keys(kind: str) -> set[str]:
    text = (ROOT / "docs" / "batch.md").read_text("utf-8").split("(round 28)\n", 1)[1]
    item = text.split(f"\n  * {kind}:", 1)[1].split("\n  * ", 1)[0].split("\n\n", 1)[0]
    # the keys: the words in backquotes outside the parentheses that describe one
    return set(re.findall(r"`(\w+)`", re.sub(r"\([^()]*\)", "", item)))


def test_the_metadata_keys_are_the_documented_ones() -> None:
    """Pinned against the docs: the summary of a cleaned document, of a failed one, of one
    with nothing left, and with ``record_changes``."""
    _needs_datatrove()
    from datatrove.data import Document

    from cleannews.integrations.datatrove import CleannewsCleaner

    docs = [Document(text="date 2025-02 " + ARTICLE, id="ok"), Document(text="a\x00b", id="nul"),
            Document(text="Partager sur Facebook\nPartager sur Twitter\n", id="boiler")]
    cleaned, failed = _documented_keys("cleaned"), _documented_keys("failed")
    ok, nul, emptied = list(CleannewsCleaner().run(iter(docs)))
    assert set(ok.metadata["cleannews"]) == cleaned - {"changes"}
    assert set(nul.metadata["cleannews"]) == failed - {"summary"}
    assert set(emptied.metadata["cleannews"]) == failed
    assert set(emptied.metadata["cleannews"]["summary"]) <= cleaned
    [changes] = CleannewsCleaner(record_changes=True).run(iter([Document(text="date 2025-02 "
                                                                         + ARTICLE, id="c")]))
    assert set(changes.metadata["cleannews"]) == cleaned
    assert {k for e in ok.metadata["cleannews"]["evidence"] for k in e} <= {"signal", "text",
                                                                            "reason"}


# --- 5. CleanConfig: one value, one form (fails on main) ----------------------------------


def test_a_language_given_twice_is_kept_once() -> None:
    """Fails on main: ``("fr", "fr")`` was kept, unequal to ``("fr",)``."""
    assert CleanConfig(accept_languages=("fr", "fr-FR", "en")).accept_languages == ("fr", "en")
    assert CleanConfig(languages="fr,en,fr") == DEFAULT_CONFIG
    assert CleanConfig.from_strings({"accept_languages": "fr,FR"}) == CleanConfig(
        accept_languages=("fr",))


def test_a_number_option_is_a_float_whatever_number_was_given(tmp_path: Path) -> None:
    """Fails on main: an int stayed an int (``repr`` and ``to_dict`` said ``1``)."""
    toml = tmp_path / "c.toml"
    toml.write_text("spin_quarantine_threshold = 1\nspin_suspect_threshold = 0\n"
                    "max_input_mb = 16\n", encoding="utf-8")
    cfg = CleanConfig.from_file(toml)
    numbers = ("spin_quarantine_threshold", "spin_suspect_threshold", "max_input_mb")
    assert [type(cfg.to_dict()[k]) for k in numbers] == [float] * 3
    assert "spin_quarantine_threshold=1.0" in repr(cfg) and "max_input_mb=16.0" in repr(cfg)
    assert repr(CleanConfig(spin_suspect_threshold=-0.0)) == repr(
        CleanConfig(spin_suspect_threshold=0.0))


def test_configs_pickle_hash_and_compare_by_value() -> None:
    """Pinned: a configuration crosses a process boundary equal, and hashes as it compares."""
    cfg = CleanConfig(accept_languages="fr", languages=["fr"], max_input_mb=8,
                      spin_quarantine_threshold=0.95)
    back = pickle.loads(pickle.dumps(cfg))
    assert back == cfg and hash(back) == hash(cfg) and repr(back) == repr(cfg)
    assert CleanConfig.from_dict(cfg.to_dict()) == cfg
    assert len({CleanConfig(languages=["fr", "en"]), DEFAULT_CONFIG}) == 1


def _cli_defaults() -> dict[str, str]:
    """The default column of docs/cli.md's configuration table, by option."""
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    table = text.split("## Configuration", 1)[1].split("Booleans:", 1)[0]
    rows = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`"):
            for name in re.findall(r"`(\w+)`", cells[0].split("(")[0]):
                rows[name] = cells[1]
    return rows


def test_the_defaults_docs_cli_md_shows_are_the_real_ones() -> None:
    """Pinned: every option of docs/cli.md's table with the default the code has."""
    rows = _cli_defaults()
    assert sorted(rows) == sorted(option_names())
    for name, shown in rows.items():
        value = getattr(DEFAULT_CONFIG, name)
        if isinstance(value, bool):
            assert shown == f"`{str(value).lower()}`", name
        elif isinstance(value, tuple):
            assert shown == (f"`{','.join(value)}`" if value else "empty (all)"), name
        elif value is None:
            assert shown.startswith("none"), name
        else:
            assert shown == f"`{value}`", name


@pytest.mark.parametrize(("content", "message"), [
    ('[cleannews]\nfast_path = "yes"\n', "fast_path must be true or false, got 'yes'"),
    ("spin_quarantine_threshold = 1.5\n", "must be between 0 and 1, got 1.5"),
    ("fast_pth = true\n", "unknown option 'fast_pth' (did you mean fast_path?)"),
    (b"\xff\xfe", "not valid TOML: not UTF-8 text"),
    ("languages = ['xx']\n", "languages (the boilerplate rule sets) must be among"),
    ("accept_languages = ['fra']\n", "fra is not a language code; give fr"),
    ("max_input_mb = 0\n", "max_input_mb must be above 0"),
    ("spin_suspect_threshold = 0.95\n", "must not be above spin_quarantine_threshold"),
    # fails on main (it said only "Invalid statement (at line 1, column 1)")
    ('{"fast_path": false}', "the file is JSON: a config file is TOML, one option a line: "
     "fast_path = false"),
])
def test_a_wrong_config_file_exits_2_naming_the_file_and_the_option(
        tmp_path: Path, content, message) -> None:
    """Pinned: a usage error, before any document, the file named (the JSON hint is new)."""
    cfg = tmp_path / "bad.toml"
    (cfg.write_bytes if isinstance(content, bytes) else cfg.write_text)(content)
    doc = tmp_path / "a.txt"
    doc.write_text(ARTICLE, encoding="utf-8")
    proc = run_cli("score", doc, "--config", cfg)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and proc.stdout == b"", err
    assert f"{cfg}: " in err and message in err, err
    assert "Traceback" not in err


def test_a_misspelt_set_option_names_the_closest_one(tmp_path: Path) -> None:
    """Fails on main: ``--set fast_pth=false`` listed all the options, where ``--config`` and
    ``CleanConfig.from_dict`` name the closest one."""
    proc = run_cli("score", "-", "--set", "fast_pth=false", stdin=b"x")
    err = proc.stderr.decode()
    assert proc.returncode == 2 and proc.stdout == b"", err
    assert "unknown option 'fast_pth' (did you mean fast_path?)" in err
    assert "options: fix_encoding" not in err


# --- `cleannews score` (pinned) -------------------------------------------------------------


def _odd_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(LINES[3].encode("cp1252"))
    (folder / "oneline.txt").write_text(" ".join(LINES) * 40, encoding="utf-8")  # ~1 MB
    (folder / "sub" / "b.html").write_text(f"<html><body><p>{LINES[5]}</p></body></html>",
                                           encoding="utf-8")
    (folder / "sub" / "loop").symlink_to("..")
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    os.mkfifo(folder / "fifo.txt")
    return folder


def test_score_over_a_folder_of_odd_files(tmp_path: Path) -> None:
    """Pinned: one JSON line per file, sorted by path, in the documented fields; errors as
    lines; logs on stderr only; exit 1; the same bytes with one job or two."""
    folder = _odd_folder(tmp_path)
    proc = run_cli("score", folder, "-j", "2", cwd=tmp_path)
    again = run_cli("score", folder, "-j", "1", cwd=tmp_path)
    assert proc.returncode == again.returncode == 1, proc.stderr.decode()
    assert proc.stdout == again.stdout
    lines = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    ids = [r["id"] for r in lines]
    assert ids == sorted(ids) and len(ids) == 8, ids
    assert {Path(i).name for i in ids} == {"a.txt", "binary.txt", "dangling.txt", "empty.txt",
                                           "fifo.txt", "latin1.txt", "oneline.txt", "b.html"}
    errors = {Path(r["id"]).name: r["error"]["type"] for r in lines if "error" in r}
    assert errors == {"binary.txt": "binary", "dangling.txt": "read", "empty.txt": "empty",
                      "fifo.txt": "read"}
    documented = {"id", "score", "label", "verdict", "language", "evidence", "source"}
    assert all(set(r) == documented for r in lines if "error" not in r)
    for r in (r for r in lines if "error" in r):  # docs/batch.md, "Error records"
        # binary data: a short excerpt (round 35), `raw_truncated` when it is not the whole
        raw = {"raw", "raw_base64", "raw_excerpt"} & set(r)
        assert len(raw) == 1 and set(r) - raw - {"raw_truncated"} == {
            "id", "source", "error", "cleannews_version"}
        assert set(r["error"]) == {"type", "message"}
    err = proc.stderr.decode()
    assert "symbolic link" in err and "loop" in err  # the loop is said, not followed
    assert "8 documents in" in err and "{" not in err.split("documents in")[0]


def test_score_a_file_gone_between_listing_and_reading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pinned: a file removed after the folder was listed is a ``read`` error line (exit 1),
    the other files are scored."""
    from cleannews.batch import sources
    from cleannews.cli import main

    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(3):
        (folder / f"d{i}.txt").write_text(LINES[i], encoding="utf-8")
    listed = sources.walk_folder

    def walk_then_remove(root, *args, **kwargs):
        paths = list(listed(root, *args, **kwargs))
        (folder / "d1.txt").unlink()
        yield from paths

    monkeypatch.setattr(sources, "walk_folder", walk_then_remove)
    out = tmp_path / "scores.jsonl"
    assert main(["score", str(folder), "-j", "1", "-q", "-o", str(out)]) == 1
    lines = read_jsonl(out)
    assert [Path(r["id"]).name for r in lines] == ["d0.txt", "d1.txt", "d2.txt"]
    assert lines[1]["error"]["type"] == "read"
    assert "no such file" in lines[1]["error"]["message"]


def test_score_exit_codes_and_standard_streams(tmp_path: Path) -> None:
    """Pinned: ``-`` reads stdin and the lines go to stdout (0); a failed document is 1; a
    missing input or a bad option is 2 with nothing on stdout."""
    ok = run_cli("score", "-", stdin=ARTICLE.encode())
    assert ok.returncode == 0 and json.loads(ok.stdout)["id"] == "-"
    assert b"1 document in" in ok.stderr and b"document in" not in ok.stdout
    quiet = run_cli("score", "-", "-q", stdin=ARTICLE.encode())
    assert quiet.returncode == 0 and quiet.stderr == b""
    bad = run_cli("score", "-", stdin=b"\x00\x01" * 100)
    assert bad.returncode == 1 and json.loads(bad.stdout)["error"]["type"] in ("binary", "nul")
    for args in (["score", str(tmp_path / "missing")], ["score", "-", "--min-score", "2"]):
        proc = run_cli(*args, stdin=b"x")
        assert proc.returncode == 2 and proc.stdout == b"", proc.stderr.decode()


def test_the_readers_error_documents_get_the_default_metadata(tmp_path: Path) -> None:
    """Fails on main: ``default_metadata`` (``{"crawl": …}``) was on every record's document
    but not on the documents of the lines the reader could not read."""
    _needs_datatrove()
    from cleannews.integrations.datatrove import CleannewsJsonlReader

    src = tmp_path / "in" / "d.jsonl"
    src.parent.mkdir()
    src.write_bytes(b'{"id": "ok", "text": "Un texte."}\nnot json\n{"id": "n", "text": null}\n')
    reader = CleannewsJsonlReader(str(tmp_path / "in"), default_metadata={"crawl": "2026-12"})
    docs = list(reader.read_file("d.jsonl"))
    assert [d.id for d in docs] == ["ok", "d.jsonl/1", "n"]
    assert [d.metadata.get("crawl") for d in docs] == ["2026-12"] * 3
    assert [d.metadata.get("cleannews", {}).get("error_type") for d in docs] == [
        None, "json", "type"]


def test_copy_clusters_name_documents_by_their_ids_when_one_id_repeats() -> None:
    """Fails on main: one repeated id renamed every document ``POSITION:ID`` in ``cluster``
    and ``peers`` (``y`` became ``2:y``); now only the repeats are renamed (``x#2``)."""
    _needs_datatrove()
    from datatrove.data import Document

    from cleannews.integrations.datatrove_copies import CopyClusters

    text = "\n".join(LINES[10:16])
    docs = [Document(text=text, id=i) for i in ("x", "x", "y")]
    out = [d.metadata["copies"] for d in CopyClusters().run(iter(docs))]
    assert [c["cluster"] for c in out] == ["x"] * 3
    assert [c["peers"] for c in out] == [["x#2", "y"], ["x", "y"], ["x", "x#2"]]
