"""`cleannews clean` and `cleannews explain` from a user's seat."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from _helpers import BOILERPLATE_ONLY
from cleannews.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED_004 = ROOT / "seeds" / "004_8795e1cfecc798cf.txt"
SEED_000 = ROOT / "seeds" / "000_51a21282db567c1f.txt"


def test_clean_prints_cleaned_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(SEED_004), "--no-spin"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("L\u2019accord entre la France et Fluidstack")
    assert " date 2025-02" not in out


def test_clean_json_has_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--json", str(SEED_004), str(SEED_000), "--no-spin"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["metadata"]["date"] == "2025-02" and first["id"] == str(SEED_004)
    assert any(c["rule"] == "crawler_metadata" for c in first["changes"])


def test_explain_marks_removed_and_changed_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(SEED_000), "--no-spin", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "[repair:drop_blank_lines]" in out
    assert "verdict: keep" in out


#: A page of boilerplate only: cleaning removes every line (share bar, newsletter box).


@pytest.mark.parametrize("content", ["", "   \n\n", "\u200b\u00a0\n"],
                         ids=["empty", "blank_lines", "invisible"])
def test_explain_says_an_empty_input_is_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    """It said "verdict: keep" under an empty input; `run` files it as an `empty` error."""
    f = tmp_path / "empty.txt"
    f.write_text(content, "utf-8")
    assert main(["explain", str(f), "--color", "never"]) == 0  # a warning, as `clean`
    out = capsys.readouterr().out
    assert "verdict: empty (empty document: no text to clean" in out
    assert "verdict: keep" not in out


def test_explain_says_a_page_of_boilerplate_left_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "page.txt"
    f.write_text(BOILERPLATE_ONLY, "utf-8")
    assert main(["explain", str(f), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "[strip:share_bar]" in out  # the lines and their rules are still explained
    assert ("verdict: empty_after_cleaning (nothing left after cleaning: the whole text was "
            "removed as boilerplate (newsletter_signup, share_bar))") in out
    assert "verdict: keep" not in out


def test_explain_verdict_of_a_document_with_text_is_unchanged(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", str(SEED_004), "--no-spin", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "verdict: keep" in out and "verdict: empty" not in out


def test_missing_file_is_an_io_error(caplog: pytest.LogCaptureFixture) -> None:
    assert main(["clean", "/nonexistent/file.txt"]) == 2
    assert "/nonexistent/file.txt: no such file or folder" in caplog.text  # as `run` says


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["clean"])
    assert exc.value.code == 2


def test_binary_input_fails_one_document_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    assert main(["clean", str(png), str(SEED_004), "--no-spin"]) == 1
    assert "PNG image" in caplog.text and "Fluidstack" in capsys.readouterr().out


def test_console_script_reads_stdin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "cleannews", "clean", "-", "--no-spin"],
        input="Titre\n\u00a0\n\nLe march\u00c3\u00a9 &amp; la ville.\n".encode(),
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == "Titre\n\nLe march\u00e9 & la ville.\n"


# --- clean --separator: a template with one placeholder, {name} ----------------------------


@pytest.mark.parametrize("template, unknown", [
    ("==> {nme} <==", "{nme}"),            # a typo was printed as it was
    ("--- {name} {0} ---", "{0}"),         # str.format style: no positional fields
    ("{} {Name}", "{}, {Name}"),           # every unknown one is named, in order
])
def test_clean_separator_with_an_unknown_placeholder_is_a_usage_error(
    template: str, unknown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["clean", str(SEED_004), str(SEED_000), "--no-spin", "--separator", template])
    assert exc.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # refused before any document was cleaned
    assert "argument --separator: unknown placeholder" in captured.err
    assert f" {unknown} (known: {{name}})" in captured.err


def test_clean_separator_keeps_braces_that_are_no_placeholder(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["clean", str(SEED_004), str(SEED_000), "--no-spin",
                 "--separator", "{{name}} { - } {"]) == 0
    headers = [x for x in capsys.readouterr().out.splitlines() if x.endswith("} { - } {")]
    assert headers == [f"{{{SEED_004}}} {{ - }} {{", f"{{{SEED_000}}} {{ - }} {{"]


def test_clean_json_with_a_separator_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints no header lines: --separator was ignored without a word."""
    with pytest.raises(SystemExit) as exc:
        main(["clean", "--json", str(SEED_004), str(SEED_000), "--no-spin",
              "--separator", "==> {name} <=="])  # even the default, given explicitly
    assert exc.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "argument --separator: not allowed with argument --json" in captured.err
    # without --separator, --json and the default header are as before
    assert main(["clean", "--json", str(SEED_004), str(SEED_000), "--no-spin"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["clean", str(SEED_004), str(SEED_000), "--no-spin"]) == 0
    assert f"==> {SEED_000} <==" in capsys.readouterr().out.splitlines()
