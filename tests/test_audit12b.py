"""Round 12 audit, second part: user-facing defects, each pinned by a test that failed before."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

import cleannews
from cleannews.batch.process import text_problem

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("00[0-2]_*.txt"))


def _random_bytes(n: int = 4000) -> bytes:
    # random data (an unknown binary file): about 1 byte in 256 is NUL, 1 in 8 a control
    data = random.Random(12).randbytes(n)
    assert b"\x00" in data
    return data


def _errors(out: Path) -> list[dict]:
    return [json.loads(line) for f in sorted((out / "errors").glob("*.jsonl"))
            for line in f.read_text("utf-8").splitlines()]


# 1. random binary data: `clean` said "looks binary", `run` filed it as "nul"

def test_random_binary_data_is_binary_for_run_as_for_clean(tmp_path, capsys):
    from cleannews.cli import main

    data = _random_bytes()
    with pytest.raises(cleannews.InputError, match="looks binary") as refused:
        cleannews.clean(data)
    assert text_problem(data) == ("binary", str(refused.value))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blob.txt").write_bytes(data)
    assert main(["-q", "run", str(tmp_path / "in"), "--out", str(tmp_path / "o"),
                 "--no-progress"]) == 1
    [record] = _errors(tmp_path / "o")
    assert record["error"]["type"] == "binary"
    assert record["error"]["message"] == str(refused.value)
    assert main(["-q", "clean", str(tmp_path / "in" / "blob.txt")]) == 1
    assert "looks binary" in capsys.readouterr().err


def test_text_with_a_few_nul_characters_stays_a_nul_error():
    text = "Le conseil municipal a voté lundi soir le budget de la ville.\x00" * 3
    assert text_problem(text)[0] == "nul"
    assert text_problem(text.encode("utf-8"))[0] == "nul"
    # UTF-16 without its mark is mostly NUL bytes: still `nul`, with the iconv advice
    kind, message = text_problem("Le maire a parlé hier soir au conseil.".encode("utf-16-le"))
    assert kind == "nul" and "iconv -f UTF-16LE" in message


def test_a_jsonl_text_of_control_characters_is_binary_not_nul():
    assert text_problem("\x00\x01\x02\x03\x04\x05\x06\x07" * 8)[0] == "binary"


# 2. clean_frame without pandas / on a list

def test_clean_frame_on_a_list_is_a_type_error_even_without_pandas(monkeypatch):
    from cleannews.batch import clean_frame

    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` fails
    with pytest.raises(TypeError, match="clean_frame takes a pandas DataFrame, got list"):
        clean_frame(["Un texte."])


def test_clean_frame_without_pandas_names_the_extra(monkeypatch):
    from cleannews.batch import clean_frame

    class FrameLike:  # has columns, as a DataFrame (or a polars frame) has
        columns = ("text",)

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(cleannews.MissingExtraError,
                       match=r"pip install 'cleannews\[pandas\]'") as missing:
        clean_frame(FrameLike())
    assert isinstance(missing.value, ImportError) and missing.value.package == "pandas"
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert '\npandas = [\n  "pandas' in pyproject  # the extra the message names exists


# 3. a folder's skipped files were warned about once per pass over the inputs

@pytest.mark.parametrize("option", ["--site-templates", "--find-copies"])
def test_skipped_files_in_a_folder_are_warned_about_once(tmp_path, capsys, option):
    if option == "--find-copies":
        pytest.importorskip("numpy")
    from cleannews.cli import main

    folder = tmp_path / "crawl"
    folder.mkdir()
    for seed in SEEDS:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "dump.parquet").write_bytes(b"PAR1")
    assert main(["run", str(folder), "--out", str(tmp_path / "o"), option,
                 "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert err.count("file(s) skipped: 1 .png") == 1, err
    assert err.count("Parquet is not supported") == 1, err


# 4. `zcat missing.gz | cleannews clean -` said only "empty document", where `run -` asks
#    whether the command before the pipe failed

@pytest.mark.parametrize("command", ["clean", "explain"])
def test_empty_standard_input_is_said_as_run_says_it(monkeypatch, capsys, command):
    import io

    from cleannews.cli import main

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert main([command, "-"]) == 0
    err = capsys.readouterr().err
    assert ("-: empty document: no text to clean (only whitespace or invisible characters); "
            "standard input is empty: did the command before the pipe fail?") in err


# 5. `cleannews report -` said "-: cannot read the report: No such file or directory"; a run's
#    --out folder given as the report said only "Is a directory"

def _a_run(tmp_path: Path) -> Path:
    from cleannews.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / SEEDS[0].name).write_bytes(SEEDS[0].read_bytes())
    assert main(["-q", "run", str(tmp_path / "in"), "--out", str(tmp_path / "o"),
                 "--no-progress"]) == 0
    return tmp_path / "o"


def test_report_reads_standard_input(tmp_path, monkeypatch, capsys):
    import io

    from cleannews.cli import main

    out = _a_run(tmp_path)
    capsys.readouterr()
    stdin = io.TextIOWrapper(io.BytesIO((out / "report.json").read_bytes()))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["report", "-"]) == 0
    assert "1 document in: 1 out" in capsys.readouterr().out


def test_report_on_a_run_folder_names_its_report(tmp_path, capsys):
    from cleannews.cli import main

    out = _a_run(tmp_path)
    capsys.readouterr()
    # audit18: the folder's report is shown (it said "Is a directory (the run's report is
    # o/report.json)", exit 2)
    assert main(["report", str(out)]) == 0
    assert "1 document in: 1 out" in capsys.readouterr().out
