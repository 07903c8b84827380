"""The installed ``cleannews`` command, run in a subprocess: options, logging flags, folders,
pipes, HTML on stdin, explain on multi-line changes, languages, configuration (issue 13)."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_000 = SEEDS / "000_51a21282db567c1f.txt"
SEED_003 = SEEDS / "003_d0613672c8185330.txt"
SEED_004 = SEEDS / "004_8795e1cfecc798cf.txt"
HTML_FR = ROOT / "fixtures" / "strip" / "040_fr_regional_html_marche_noel.html"

EN = ("The city council approved on Tuesday a new budget for the public library, which "
      "will open longer hours in the evening and on weekends. The mayor said that the "
      "decision was taken after a long consultation with residents, and that the cost "
      "would be covered by savings in other departments. Opponents of the plan argued "
      "that the money should have gone to road repairs instead.\n")
DE = ("Der Stadtrat hat am Dienstag einen neuen Haushalt für die öffentliche Bibliothek "
      "beschlossen, die abends und am Wochenende länger geöffnet sein wird. Der Bürgermeister "
      "sagte, die Entscheidung sei nach einer langen Beratung mit den Einwohnern gefallen und "
      "die Kosten würden durch Einsparungen in anderen Abteilungen gedeckt.\n")
ES = ("El ayuntamiento aprobó el martes un nuevo presupuesto para la biblioteca pública, que "
      "abrirá más horas por la tarde y los fines de semana. El alcalde dijo que la decisión "
      "se tomó después de una larga consulta con los vecinos y que el coste se cubrirá con "
      "ahorros en otros departamentos.\n")


def _exe() -> str:
    """The installed console script next to this interpreter (else on PATH)."""
    here = Path(sys.executable).with_name("cleannews")
    found = str(here) if here.exists() else shutil.which("cleannews")
    if not found:
        pytest.skip("the cleannews console script is not installed")
    return found


def _run(*args: str | Path, stdin: bytes | None = None, cwd: Path | None = None
         ) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([_exe(), *map(str, args)], input=stdin, capture_output=True,
                          timeout=120, cwd=cwd, env=env)


# 1. option values are checked before any work, exit 2 with a clear message

@pytest.mark.parametrize(("argv", "message"), [
    (["score", "--min-score", "2"], "--min-score: must be between 0 and 1, got 2"),
    (["score", "--min-score", "x"], "--min-score: must be a number between 0 and 1"),
    (["clean", "--format", "xml"], "invalid choice: 'xml'"),
    (["explain", "--format", "pdf"], "invalid choice: 'pdf'"),
    (["clean", "--quarantine-threshold", "1.5"], "--quarantine-threshold: must be between 0"),
    (["clean", "--set", "fast_path=maybe"], "fast_path must be true or false, got 'maybe'"),
    (["clean", "--set", "scor_spin=false"], "unknown option 'scor_spin'"),
    (["explain", "--set", "spin_suspect_threshold=0.95"], "must not be above"),
    (["clean", "--languages", "fr,english!"], "language codes"),
    (["score", "--max-record-mb", "0"], "--max-record-mb: must be above 0"),
    (["clean", "--config", "/nonexistent/cleannews.toml"], "cannot read config file"),
])
def test_bad_option_value_exits_2_before_any_work(argv: list[str], message: str) -> None:
    proc = _run(*argv, "/nonexistent/input.txt")
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert message in err and "error:" in err
    assert "input.txt" not in err and "Traceback" not in err  # nothing was read
    assert proc.stdout == b""


# 2. -q / -v after the subcommand as well as before

def test_quiet_and_verbose_are_accepted_after_the_subcommand() -> None:
    loud = _run("clean", SEED_003)
    assert loud.returncode == 0 and b"quarantine: spun French" in loud.stderr
    for argv in (["clean", "-q", SEED_003], ["-q", "clean", SEED_003],
                 ["clean", SEED_003, "--quiet"]):
        quiet = _run(*argv)
        assert quiet.returncode == 0 and quiet.stderr == b"", argv
        assert quiet.stdout == loud.stdout
    verbose = _run("clean", "-v", SEED_000)
    assert b"INFO" in verbose.stderr and b"language fr" in verbose.stderr
    assert _run("explain", "-q", SEED_003, "--color", "never").stderr == b""


# 3. folders, several files, broken pipe

def test_clean_a_folder_cleans_its_files_with_a_header_each(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEED_000, folder / "a.txt")
    shutil.copy(SEED_004, folder / "sub" / "b.txt")
    shutil.copy(HTML_FR, folder / "c.html")
    (folder / "records.jsonl").write_text('{"text": "x"}\n')
    (folder / ".hidden.txt").write_text("caché")
    proc = _run("clean", folder, "--no-spin")
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr
    headers = [line for line in out.splitlines() if line.startswith("==> ")]
    assert headers == [f"==> {folder / name} <==" for name in ("a.txt", "c.html", "sub/b.txt")]
    assert "records.jsonl: skipped" in proc.stderr.decode() and "caché" not in out
    assert "<nav" not in out and "marché de Noël" in out  # the .html file was parsed as HTML
    single = _run("clean", SEED_004, "--no-spin").stdout.decode()
    assert single in out and not single.startswith("==>")


def test_clean_several_files_custom_separator() -> None:
    proc = _run("clean", SEED_000, SEED_004, "--no-spin", "--separator", "### {name}")
    lines = proc.stdout.decode().splitlines()
    assert lines[0] == f"### {SEED_000}"
    assert f"### {SEED_004}" in lines and lines.count(f"### {SEED_004}") == 1
    assert lines[lines.index(f"### {SEED_004}") + 1].startswith("L\u2019accord entre la France")


def test_broken_pipe_exits_quietly(tmp_path) -> None:
    """``cleannews clean big | head -1``: the reader goes away after one line."""
    # 40 files (one file named 40 times is read once since audit20)
    copies = [tmp_path / f"{i:02d}.txt" for i in range(40)]
    for copy in copies:
        copy.write_bytes(SEED_003.read_bytes())
    proc = subprocess.Popen([_exe(), "clean", "--no-spin", *map(str, copies)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    code = proc.wait(timeout=120)
    assert first.startswith(b"==> ")
    assert code == 0, err
    assert b"Traceback" not in err and b"Broken pipe" not in err and b"ERROR" not in err


# 4. HTML on stdin is sniffed like an .html file

def test_html_on_stdin_is_cleaned_as_html() -> None:
    page = HTML_FR.read_bytes()
    as_file = _run("clean", HTML_FR, "--no-spin").stdout
    piped = _run("clean", "-", "--no-spin", stdin=page)
    assert piped.returncode == 0 and piped.stdout == as_file
    assert b"<div" not in piped.stdout and "marché de Noël".encode() in piped.stdout
    forced_text = _run("clean", "-", "--no-spin", "--format", "text", stdin=page).stdout
    assert b"<div" in forced_text  # --format text still wins
    explained = _run("explain", "-", "--no-spin", "--color", "never", stdin=page).stdout
    assert b"[html:html_nav]" in explained


def test_html_on_stdin_is_scored_as_html(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    proc = _run("score", "-", "--report", report, stdin=HTML_FR.read_bytes())
    assert proc.returncode == 0, proc.stderr
    line = json.loads(proc.stdout.decode().splitlines()[0])
    assert line["id"] == "-" and "error" not in line
    assert "html_nav" in json.loads(report.read_text())["rules"]


def test_plain_text_on_stdin_stays_text() -> None:
    text = "Un titre\n\nLe texte parle de la balise <p> en HTML, rien de plus.\n"
    proc = _run("clean", "-", "--no-spin", stdin=text.encode())
    assert proc.stdout.decode() == text


# 5. explain marks a change spanning several lines on every line

def test_explain_marks_every_line_of_a_multi_line_change() -> None:
    out = _run("explain", HTML_FR, "--no-spin", "--color", "never").stdout.decode()
    lines = out.splitlines()
    src = HTML_FR.read_text("utf-8").split("\n")
    nav = next(i for i, s in enumerate(src) if '<nav class="main-nav">' in s)
    end = next(i for i in range(nav, len(src)) if "</nav>" in src[i])
    assert end - nav >= 3
    w = len(str(len(src)))
    for n in range(nav + 1, end + 1):  # the first line keeps its indentation: '~'
        row = next(line for line in lines if line.startswith(f"{n + 1:>{w}} "))
        assert row[w + 1] == "-", row
    # the reason is printed once, under the first line of the change, with its line range
    # (the <nav> alone, or the page header holding it when it lies outside the article)
    row = lines.index(next(r for r in lines if r.startswith(f"{nav + 1:>{w}} ")))
    detail = next(lines[i] for i in range(row, 0, -1) if lines[i].startswith(" " * (w + 2)))
    first, last = (int(x) for x in re.search(r"\(lines (\d+)-(\d+)\)", detail).groups())
    assert first <= nav + 1 and last >= end + 1, detail
    assert "[html:html_nav]" in detail or "[html:html_outside_main]" in detail


# 6. language identification and routing

@pytest.mark.parametrize(("text", "lang"), [(EN, "en"), (DE, "de"), (ES, "es")])
def test_other_languages_are_identified(text: str, lang: str) -> None:
    doc = json.loads(_run("clean", "--json", "-", stdin=(text * 2).encode()).stdout)
    assert doc["language"] == lang
    assert doc["spin"]["label"] == "unsupported_language" and doc["spin"]["language"] == lang
    assert doc["verdict"] == "keep"  # every language is accepted by default


def test_languages_flag_routes_other_languages(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    proc = _run("clean", "--json", "--languages", "fr", tmp_path / "en.txt", SEED_000)
    en, fr = (json.loads(line) for line in proc.stdout.decode().splitlines())
    assert proc.returncode == 0
    assert en["verdict"] == "other_language" and en["quarantined"] is True
    assert en["reason"] == "language en is not among the accepted languages (fr)"
    assert fr["language"] == "fr" and fr["verdict"] == "keep"
    both = json.loads(_run("clean", "--json", "--languages", "fr,en", tmp_path / "en.txt").stdout)
    assert both["verdict"] == "keep"


# 8. configuration: --set, --config, help defaults, logging

def test_set_and_config_file_reach_every_option(tmp_path: Path) -> None:
    toml = tmp_path / "cleannews.toml"
    toml.write_text('[cleannews]\nstrip_boilerplate = false\nlift_crawler_metadata = false\n')
    plain = json.loads(_run("clean", "--json", "--no-spin", SEED_004).stdout)
    from_file = json.loads(_run("clean", "--json", "--no-spin", "--config", toml, SEED_004).stdout)
    assert plain["metadata"] == {"date": "2025-02"} and from_file["metadata"] == {}
    assert not any(c["stage"] == "strip" for c in from_file["changes"])
    # --set overrides the file, explicit flags override --set
    over = json.loads(_run("clean", "--json", "--no-spin", "--config", toml,
                           "--set", "lift_crawler_metadata=yes", SEED_004).stdout)
    assert over["metadata"] == {"date": "2025-02"}
    kept = json.loads(_run("clean", "--json", "--set", "quarantine=off", SEED_003).stdout)
    assert kept["verdict"] == "keep" and kept["spin"]["label"] == "spun"
    flag = json.loads(_run("clean", "--json", "--set", "score_spin=true", "--no-spin",
                           SEED_003).stdout)
    assert flag["spin"]["label"] == "not_scored"
    bad = tmp_path / "bad.toml"
    bad.write_text("quarantine = 3\n")
    proc = _run("clean", "--config", bad, SEED_000)
    assert proc.returncode == 2 and b"quarantine must be true or false" in proc.stderr


def test_help_texts_show_real_defaults() -> None:
    for cmd in ("clean", "explain", "score", "run"):
        text = " ".join(_run(cmd, "--help").stdout.decode().split())
        assert "default None" not in text, cmd
        assert "default 0.9" in text and "default auto" in text, cmd


def test_library_logs_through_the_cleannews_logger() -> None:
    import cleannews

    logger = logging.getLogger("cleannews")
    assert any(isinstance(h, logging.NullHandler) for h in logger.handlers)
    assert cleannews.clean("Un texte.").text == "Un texte."


def test_every_config_option_is_reachable_by_set_and_by_file(tmp_path: Path) -> None:
    """In process: each option set to a non-default value by --set and by a TOML file."""
    from cleannews.cli import build_parser
    from cleannews.cli._common import config_from_args
    from cleannews.config import DEFAULT_CONFIG, option_names

    def other(value: object) -> tuple[str, str]:  # (--set text, TOML text) of a non-default
        if isinstance(value, bool):
            return str(not value).lower(), str(not value).lower()
        if isinstance(value, float):
            return "0.7", "0.7"
        if value is None:  # max_input_mb (no limit by default): a limit in MB
            return "4", "4"
        if value == DEFAULT_CONFIG.languages:  # a rule-set list (fr en de es it)
            return "fr", '["fr"]'
        return "de,it", '["de", "it"]'

    toml_lines = []
    for name in option_names():
        if name == "spin_suspect_threshold":  # must stay <= the quarantine threshold
            continue
        cli_text, toml_text = other(getattr(DEFAULT_CONFIG, name))
        args = build_parser().parse_args(["clean", "--set", f"{name}={cli_text}", "x.txt"])
        assert getattr(config_from_args(args), name) != getattr(DEFAULT_CONFIG, name), name
        toml_lines.append(f"{name} = {toml_text}")
    toml = tmp_path / "all.toml"
    toml.write_text("\n".join(toml_lines) + "\n")
    cfg = config_from_args(build_parser().parse_args(["explain", "--config", str(toml), "x"]))
    changed = [n for n in option_names() if getattr(cfg, n) != getattr(DEFAULT_CONFIG, n)]
    assert changed == [n for n in option_names() if n != "spin_suspect_threshold"]
    assert cfg.accept_languages == ("de", "it") and cfg.spin_quarantine_threshold == 0.7


def test_an_unreadable_file_does_not_stop_the_others() -> None:
    proc = _run("clean", "/nonexistent/a.txt", SEED_004, "--no-spin")
    assert proc.returncode == 2
    # the wording of `run` and `score` (it was the OS's "No such file or directory": round 13)
    assert b"/nonexistent/a.txt: no such file or folder" in proc.stderr
    assert "L\u2019accord entre la France".encode() in proc.stdout


@pytest.mark.parametrize("command", ["clean", "explain", "score", "run"])
@pytest.mark.parametrize("missing", ["nope.txt", "seed.txt/under_a_file.txt", "gone_dir/"],
                         ids=["file", "under_a_file", "folder"])
def test_a_missing_input_is_said_alike_by_every_command(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, command: str, missing: str
) -> None:
    """Same cause, same words, same exit code 2: `clean`/`explain` said the OS's "No such file
    or directory" where `run`/`score` said "no such file or folder" (an input may be a folder)."""
    from cleannews.cli import main

    shutil.copy(SEED_004, tmp_path / "seed.txt")
    name = f"{tmp_path}/{missing}"  # "gone_dir/" keeps its slash
    extra = ["--out", str(tmp_path / "out")] if command == "run" else []
    with caplog.at_level(logging.ERROR, logger="cleannews"):
        code = main([command, name, *extra, *(["--no-spin"] if command != "score" else [])])
    assert code == 2
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [f"{name}: no such file or folder"], errors
