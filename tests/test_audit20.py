"""Twentieth round, audit20: a user-facing audit of the command line and the library API.

Each test fails on the code before this branch (the numbers are the brief's):

1. ``cleannews clean emptydir`` (and ``explain``) exited 2, "no input documents", while
   ``score`` and ``run`` exited 0: an empty folder is nothing to do, exit 0 with a warning,
   in every command.
2. A damaged ``.gz`` exited 2 in ``clean`` / ``explain`` (a file that cannot be read) but 1
   in ``run`` / ``score`` (a ``read`` error record): the file was read, its data is damaged,
   so it is a failed document (exit 1) everywhere; a path that cannot be opened stays an I/O
   error (exit 2) for ``clean``.
3. Folders skipped ``*.txt.gz`` / ``*.html.gz`` although a named ``.gz`` file was read; and
   ``clean page.html.gz`` sniffed the page where ``run`` reads it as HTML by its name.
4. ``run t.txt.gz --out DIR`` wrote ``DIR/t.txt.gz.txt``; now ``DIR/t.txt``.
5. ``cli/run.py`` kept a copy of the template ``min_count`` default.
6. ``tools/spin/fit_inputs.py`` flipped ``_COLLOCATION`` without clearing ``_INFO``.
7. Library arguments of the wrong type (``BatchOptions(config={})``, ``mode="scores"``,
   ``RunSettings(inputs="corpus")``, ``inputs=[Path]``, ``paths_for("out")``,
   ``run_batch(dict)``, ``clean(id=Path)``, ``top_evidence="3"``, a numbered column).
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from _helpers import ROOT, EveryWordTable, cli_env, read_jsonl, run_cli
from cleannews.cli import main

SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]
SEED_TEXT = SEED.read_text("utf-8")
FIRST_LINE = SEED_TEXT.split("\n", 1)[0]


def _cut_gzip(path: Path) -> Path:
    path.write_bytes(gzip.compress(SEED_TEXT.encode("utf-8"))[:600])
    return path


# --- 1. an empty folder: exit 0 and a warning, in every command -----------------------------


def test_an_empty_folder_is_nothing_to_do_exit_0_with_a_warning(tmp_path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("# notes\n", "utf-8")  # no document among its files
    extra = {"run": ["--out", str(tmp_path / "o"), "-j", "1"], "score": ["-j", "1"]}
    for command in ("clean", "explain", "score", "run"):
        assert main([command, str(empty), *extra.get(command, [])]) == 0, command
        got = capsys.readouterr()
        assert f"{empty}: no .txt" in got.err and "files in this folder" in got.err
        assert "no input documents" not in got.err
        if command in ("clean", "explain"):
            assert got.out == ""


# --- 2. damaged gzip data: a failed document (exit 1) in every command -----------------------


def test_a_damaged_gzip_file_is_a_failed_document_in_every_command(tmp_path, capsys) -> None:
    cut = _cut_gzip(tmp_path / "cut.txt.gz")
    extra = {"run": ["--out", str(tmp_path / "o"), "-j", "1"], "score": ["-j", "1"]}
    for command in ("clean", "explain", "score", "run"):
        assert main([command, str(cut), str(SEED), *extra.get(command, [])]) == 1, command
        got = capsys.readouterr()
        if command == "run":
            (err,) = read_jsonl(tmp_path / "o" / "errors" / "errors.jsonl")
            assert err["error"]["type"] == "read" and err["id"] == cut.as_posix()
            message = err["error"]["message"]
        elif command == "score":
            first, second = (json.loads(x) for x in got.out.splitlines())
            assert first["id"] == cut.as_posix() and "error" not in second
            message = first["error"]["message"]
        else:
            message = got.err
            assert f"ERROR: {cut}: could not decompress the gzip data" in got.err
            assert FIRST_LINE in got.out  # the other input is still cleaned
        assert "could not decompress the gzip data" in message
    # the other side of the rule: a path the file system refuses is an I/O error (exit 2)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    for name in ("missing.txt", "dangling.txt"):
        assert main(["clean", str(tmp_path / name), str(SEED)]) == 2
        assert FIRST_LINE in capsys.readouterr().out


def test_damaged_gzip_on_stdin_is_a_failed_document_too(monkeypatch, capsys):
    from cleannews.batch import sources

    broken = gzip.compress(SEED_TEXT.encode("utf-8"))[:600]
    monkeypatch.setattr(sources, "sys_stdin", lambda: io.BufferedReader(io.BytesIO(broken)))
    assert main(["clean", "-"]) == 1
    assert "-: could not decompress the gzip data" in capsys.readouterr().err


# --- 3. a folder reads the gzip text and HTML files a named INPUT reads ----------------------

PAGE = ("Titre de la page\n<p>" + SEED_TEXT.split("\n")[2] + "</p>\n<p>Deuxième paragraphe de "
        "l’article, assez long pour être gardé par le nettoyage.</p>\n")


def _gzip_folder(tmp_path: Path) -> Path:
    corp = tmp_path / "corp"
    corp.mkdir()
    (corp / "a.txt.gz").write_bytes(gzip.compress(SEED_TEXT.encode("utf-8")))
    (corp / "b.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    (corp / "c.txt.bz2").write_bytes(bz2.compress(SEED_TEXT.encode("utf-8")))  # still skipped
    return corp


def test_a_folder_reads_its_txt_gz_and_html_gz_files(tmp_path, capsys) -> None:
    corp = _gzip_folder(tmp_path)
    assert main(["clean", str(corp)]) == 0
    got = capsys.readouterr()
    assert f"==> {corp}/a.txt.gz <==" in got.out and f"==> {corp}/b.html.gz <==" in got.out
    assert FIRST_LINE in got.out and "<p>" not in got.out
    assert "1 file(s) skipped: 1 .txt.bz2" in got.err and ".txt.gz" not in got.err
    assert main(["score", str(corp), "-j", "1", "-q"]) == 0
    ids = [json.loads(x)["id"] for x in capsys.readouterr().out.splitlines()]
    assert ids == [f"{corp.as_posix()}/a.txt.gz", f"{corp.as_posix()}/b.html.gz"]
    out = tmp_path / "o"
    assert main(["run", str(corp), "--out", str(out), "-j", "1", "-q"]) == 0
    recs = read_jsonl(out / "clean.jsonl")
    assert [r["id"] for r in recs] == ids and "<p>" not in recs[1]["cleannews"]["text"]


def test_a_named_html_gz_page_is_html_for_clean_as_for_run(tmp_path, capsys) -> None:
    """``clean`` sniffed ``b.html.gz`` (it starts with a line of text: read as text, tags and
    all); ``run`` reads a ``.html.gz`` as HTML by its name."""
    page = tmp_path / "b.html.gz"
    page.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    assert main(["clean", str(page)]) == 0
    text = capsys.readouterr().out
    assert "<p>" not in text and "Deuxième paragraphe" in text
    out = tmp_path / "o"
    assert main(["run", str(page), "--out", str(out), "-j", "1", "-q"]) == 0
    (rec,) = read_jsonl(out / "clean.jsonl")
    assert rec["cleannews"]["text"] == text


def test_the_help_says_a_folder_reads_gzip_files_too(capsys) -> None:
    for command in ("clean", "explain", "run", "score"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert ".gz" in " ".join(capsys.readouterr().out.split()).split("options:")[0], command


# --- 4. the mirrored text of t.txt.gz is t.txt ------------------------------------------------


def test_run_mirrors_a_gzip_input_under_the_name_of_its_data(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    Path("in/t.txt.gz").write_bytes(gzip.compress(SEED_TEXT.encode("utf-8")))
    Path("in/p.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    assert main(["run", "in", "--out", "o", "-j", "1", "-q"]) == 0
    mirrored = sorted(p.relative_to("o").as_posix() for p in Path("o/in").iterdir())
    assert mirrored == ["in/p.html.txt", "in/t.txt"]
    assert Path("o/in/t.txt").read_text("utf-8").startswith(FIRST_LINE)


def test_a_gzip_input_beside_its_plain_twin_gets_a_file_of_its_own(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    Path("in/t.txt.gz").write_bytes(gzip.compress(b"Texte compresse, un autre article.\n"))
    Path("in/t.txt").write_text(SEED_TEXT, "utf-8")
    assert main(["run", "in", "--out", "o", "-j", "1", "-q"]) == 0
    files = {p.name: p.read_text("utf-8") for p in Path("o/in").iterdir()}
    assert len(files) == 2 and files["t.txt"].startswith(FIRST_LINE)
    (other,) = [name for name in files if name != "t.txt"]
    assert other.startswith("t~") and other.endswith(".txt")
    assert files[other].startswith("Texte compresse")


# --- 5. one default of --template-min-count --------------------------------------------------


def test_template_min_count_has_one_definition_and_the_parser_stays_light() -> None:
    from cleannews import strip
    from cleannews.cli import run
    from cleannews.strip import templates

    assert run.TEMPLATE_MIN_COUNT == templates.DEFAULT_MIN_COUNT == strip.TEMPLATE_MIN_COUNT
    assert templates.SiteTemplates().min_count == strip.TEMPLATE_MIN_COUNT
    for module in (run, templates):
        source = Path(module.__file__).read_text("utf-8")
        assert "MIN_COUNT = " not in source, module
    code = ("import sys; from cleannews.cli import build_parser; build_parser(); "
            "print('cleannews.strip.templates' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=cli_env(), timeout=120)
    assert proc.stdout.strip() == "False", proc.stderr


# --- 6. fit_inputs flips the collocation switch with the per-type cache cleared --------------


def test_fit_inputs_reads_no_token_facts_of_the_other_collocation_setting(monkeypatch):
    """The shipped table is empty (the feature has weight 0): a table that knows every word
    stands in, as in ``test_perf19``. Facts cached under the shipped setting (off) were read
    by the fit (on), and the fit's were left in the cache after it."""
    from cleannews.score import _features as F

    monkeypatch.setattr(F, "get_context_table", EveryWordTable)
    monkeypatch.syspath_prepend(str(ROOT / "tools" / "spin"))
    seen: dict[str, object] = {}

    class FakeTrain:  # the fit's inputs: one record, whose features read two tokens' facts
        VALID = "valid"
        FEATURE_NAMES = ("ctx",)

        @staticmethod
        def read_jsonl(path):
            return [{"id": "r", "label": 0, "text": "maison projet"}]

        @staticmethod
        def read_negatives(split):
            return []

        @staticmethod
        def doc_features(text, record):
            seen.update({w: F._token_info(w)[F.I_CTX] for w in text.split()})
            return [0.0]

        @staticmethod
        def paragraph_samples(record):
            return []

    monkeypatch.setitem(sys.modules, "train", FakeTrain)
    saved = list(F._COLLOCATION)
    saved_info = dict(F._INFO)
    try:
        F._COLLOCATION[:] = [False]
        F._INFO.pop("projet", None)
        assert F._token_info("maison")[F.I_CTX] is None  # cached under "off"
        import fit_inputs

        fit_inputs.train_fingerprint()
        assert seen == {"maison": (6, 7), "projet": (6, 7)}  # the fit reads "on" facts
        assert F._COLLOCATION == [False]
        assert F._token_info("projet")[F.I_CTX] is None  # none of them left after it
    finally:
        F._COLLOCATION[:] = saved
        F._INFO.clear()
        F._INFO.update(saved_info)


def test_set_collocation_clears_the_per_type_cache() -> None:
    from cleannews.score import _features as F

    saved = list(F._COLLOCATION)
    try:
        F._token_info("maison")
        F.set_collocation(True)
        assert F._COLLOCATION == [True] and "maison" not in F._INFO
        F.set_collocation(None)
        assert F._COLLOCATION == [] and F.collocation_enabled() is False
    finally:
        F._COLLOCATION[:] = saved
        F._INFO.clear()
    for script in ("fit_inputs.py", "train.py", "dev_refit.py"):
        assert "_COLLOCATION[:]" not in (ROOT / "tools/spin" / script).read_text("utf-8")


# --- 7. library arguments of the wrong type --------------------------------------------------


@pytest.mark.parametrize(("options", "message"), [
    ({"config": {}}, "config must be a CleanConfig"),
    ({"mode": "scores"}, "BatchOptions mode must be one of run, score, got 'scores'"),
    ({"fmt": "xml"}, "BatchOptions fmt must be one of auto, text, html, got 'xml'"),
    ({"evidence": "none"}, "BatchOptions evidence must be one of moved, all"),
    ({"text_field": 3}, "BatchOptions text_field must name a field"),
    ({"id_field": ""}, "BatchOptions id_field must name a field"),
    ({"max_record_bytes": -1}, "max_record_bytes must be an integer of at least 1, got -1"),
])
def test_batch_options_refuse_a_wrong_value_naming_it(options, message) -> None:
    from cleannews import ConfigError
    from cleannews.batch import BatchOptions

    with pytest.raises(ConfigError, match=message):
        BatchOptions(**options)


def test_run_settings_take_paths_and_refuse_one_path_alone(tmp_path) -> None:
    from cleannews import ConfigError
    from cleannews.batch import RunSettings, paths_for, run_batch

    out = tmp_path / "o"
    settings = RunSettings([SEED], paths_for(str(out)), jobs=1, report=str(tmp_path / "r.json"))
    assert settings.inputs == [str(SEED)] and settings.report == tmp_path / "r.json"
    report = run_batch(settings)
    assert report["documents"]["out"] == 1 and (tmp_path / "r.json").is_file()
    assert paths_for(str(out)).out == out / "clean.jsonl"
    with pytest.raises(ConfigError, match="inputs must be a list of paths, got one str: "
                       r"inputs=\['corpus'\]"):
        RunSettings("corpus", paths_for(out))
    with pytest.raises(ConfigError, match="inputs must be paths"):
        RunSettings([3], paths_for(out))
    with pytest.raises(ConfigError, match="jobs must be an integer of at least 1, got 0"):
        RunSettings([str(SEED)], paths_for(out), jobs=0)
    with pytest.raises(ConfigError, match="paths must be a SinkPaths"):
        RunSettings([str(SEED)], str(out))
    with pytest.raises(ConfigError, match="run_batch takes a RunSettings"):
        run_batch({"inputs": [str(SEED)]})  # type: ignore[arg-type]


def test_clean_takes_a_path_as_id_and_its_json_still_encodes() -> None:
    import cleannews
    from cleannews import InputError

    doc = cleannews.clean(SEED_TEXT, id=SEED)
    assert doc.id == str(SEED) and json.loads(doc.to_json())["id"] == str(SEED)
    assert cleannews.clean_html("<p>Bonjour à tous.</p>", id=Path("p.html")).id == "p.html"
    assert cleannews.repair("Bonjour.", id=7).id == "7"  # a str, as run writes it (audit23)
    with pytest.raises(InputError, match="id must be a str"):
        cleannews.clean("Bonjour.", id=["a"])


def test_top_evidence_is_checked_not_every_row_an_error() -> None:
    from cleannews import ConfigError
    from cleannews.batch import clean_batch, clean_record

    assert len(clean_record(SEED_TEXT, top_evidence=2)["cleannews_evidence"]) == 2
    for bad in ("3", -1, 2.0):
        with pytest.raises(ConfigError, match="top_evidence must be an integer of at least 0"):
            clean_record(SEED_TEXT, top_evidence=bad)
        with pytest.raises(ConfigError, match="top_evidence"):
            clean_batch({"text": [SEED_TEXT]}, top_evidence=bad)


def test_a_column_named_by_a_number_is_read() -> None:
    pd = pytest.importorskip("pandas")
    from cleannews.batch import clean_batch, clean_frame

    out = clean_frame(pd.DataFrame([[SEED_TEXT]]), column=0)
    assert out.cleannews_verdict.tolist() == ["keep"]
    assert clean_batch({0: [SEED_TEXT]}, text_field=0)[0][0].startswith(FIRST_LINE)
    with pytest.raises(KeyError, match="no column None in the batch"):
        clean_batch({"text": [SEED_TEXT]}, text_field=None)  # type: ignore[arg-type]


# --- further problems found in use -----------------------------------------------------------


def test_clean_reads_a_file_named_twice_once_as_run_and_score_do(tmp_path, capsys,
                                                                   monkeypatch) -> None:
    """``clean *.txt a.txt`` printed ``a.txt`` twice; ``score`` and ``run`` read it once and
    say so (every document one output)."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(SEED_TEXT, "utf-8")
    for command in ("clean", "explain"):
        assert main([command, "a.txt", "./a.txt", "a.txt"]) == 0
        got = capsys.readouterr()
        assert got.out.count(FIRST_LINE) == 1 and "==>" not in got.out, command
        assert "./a.txt: named again (as a.txt): read once" in got.err
    assert main(["score", "a.txt", "./a.txt", "-j", "1", "-q"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_a_flag_of_another_command_names_the_command_that_takes_it(capsys) -> None:
    """``score --help`` said "Same inputs and flags as 'run'", and ``score
    --site-templates`` then said only "unrecognized arguments"."""
    cases = {("score", "--site-templates"): "--site-templates is a flag of 'cleannews run', "
             "not of 'cleannews score'",
             ("clean", "--jobs"): "--jobs is a flag of 'cleannews run / score', not of "
             "'cleannews clean'",
             ("run", "--json"): "--json is a flag of 'cleannews clean / explain', not of "
             "'cleannews run'"}  # explain --json since round 28
    for (command, flag), hint in cases.items():
        out = ["--out", "o"] if command == "run" else []
        with pytest.raises(SystemExit) as stop:
            main([command, str(SEED), *out, flag])
        assert stop.value.code == 2
        assert hint in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["score", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "Same inputs and flags as 'run'" not in text
    assert "no sinks folder, --resume, --site-templates or --find-copies" in text


def test_an_output_over_a_gzip_input_of_the_folder_is_refused(tmp_path, capsys) -> None:
    """A folder's ``.txt.gz`` is one of its inputs now: ``score corp --out corp/b.txt.gz``
    wrote its lines over it (exit 0), and the next run read them back."""
    corp = tmp_path / "corp"
    corp.mkdir()
    packed = gzip.compress(SEED_TEXT.encode("utf-8"))
    (corp / "b.txt.gz").write_bytes(packed)
    assert main(["score", str(corp), "--out", str(corp / "b.txt.gz"), "-j", "1"]) == 2
    assert main(["run", str(corp), "--out", str(tmp_path / "o"), "--report",
                 str(corp / "b.txt.gz"), "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert f"{corp}/b.txt.gz, a file of this input folder" in err
    assert (corp / "b.txt.gz").read_bytes() == packed


def test_a_size_limit_below_one_byte_is_a_usage_error(capsys) -> None:
    """``--max-record-mb 1e-30`` refused every document: "above the limit of 0 bytes"."""
    for command in ("clean", "score"):
        with pytest.raises(SystemExit) as stop:
            main([command, str(SEED), "--max-record-mb", "1e-30"])
        assert stop.value.code == 2
        assert "--max-record-mb: must be at least one byte" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform != "linux", reason="byte file names (Linux)")
def test_an_output_folder_whose_name_is_not_utf8_works(tmp_path) -> None:
    """``run t.txt --out $'o\\xff'`` ended in a ``UnicodeEncodeError`` traceback (the owner
    file of each sink holds the run state's path). In subprocesses: pytest-xdist cannot send
    log records holding the name's lone surrogate from a worker."""
    import os

    name = os.fsdecode(b"o\xff")
    proc = run_cli("run", SEED, "--out", name, "-j", "1", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert b"o\\xff/clean.jsonl" in proc.stderr and b"udcff" not in proc.stderr
    again = run_cli("run", SEED, "--out", name, "-j", "1", "-q", "--force", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    report = run_cli("report", f"{name}/clean.jsonl", cwd=tmp_path)  # finds the run's report
    assert report.returncode == 0 and b"1 document in: 1 out" in report.stdout
    (rec,) = read_jsonl(tmp_path / name / "clean.jsonl")
    assert rec["cleannews"]["text"].startswith(FIRST_LINE)
