"""A demanding user's audit of the library, CLI, batch and datatrove layers (branch audit10).

Each test pins a defect found by using the documented API and commands on real inputs
(the seeds saved with Windows line breaks, a locale code given to ``--languages``, a
config given as a dict, a huge ``-j``); each failed before its fix.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cleannews

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_000 = SEEDS / "000_51a21282db567c1f.txt"
SEED_002 = SEEDS / "002_cc9eb378494e53c6.txt"
SEED_TEXT = SEED_000.read_text("utf-8")


def _cli(*args: str | Path, stdin: bytes | None = None, cwd: Path | None = None,
         timeout: int = 120) -> subprocess.CompletedProcess[bytes]:
    """``python -m cleannews`` on this checkout's sources (not another installed copy)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])}
    return subprocess.run([sys.executable, "-m", "cleannews", *map(str, args)], input=stdin,
                          capture_output=True, timeout=timeout, cwd=cwd, env=env)


def _records(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


# 1. Text with Windows line breaks (a seed saved by Notepad): every strip change's span drifted
#    by one character per blank line before it, so `explain` and the `changes` of a run
#    pointed at the wrong text (the share bar "Partager:" at "l tenu ? L’a", 37 characters
#    off). The layout pass copied a blank "\r\n" line as two characters of output for one.

def _windows(text: str) -> str:
    return text.replace("\n", "\r\n")


def test_spans_point_at_their_text_in_windows_line_break_input() -> None:
    checked = 0
    for seed in sorted(SEEDS.glob("*.txt")):
        source = _windows(seed.read_text("utf-8"))
        for c in cleannews.clean(source).changes:
            if c.stage == "strip":
                checked += 1
                got = source[c.span[0]:c.span[1]].replace("\r\n", "\n")
                assert got == c.before, (seed.name, c.rule, c.span)
    assert checked >= 20


def test_windows_line_breaks_change_the_cleaned_text_only_by_their_breaks() -> None:
    unix = cleannews.clean(SEED_002.read_text("utf-8"))
    windows = cleannews.clean(_windows(SEED_002.read_text("utf-8")))
    assert windows.text == unix.text
    assert [(c.rule, c.before) for c in windows.changes if c.stage == "strip"] == [
        (c.rule, c.before) for c in unix.changes if c.stage == "strip"]


# 2. `cleannews explain` on the same Windows file marked every line '~' (changed): the one
#    `normalize_line_breaks` change spans lines 1-101, and whole removed lines were shown as
#    partial edits ('~ … (removed …)') because the "\r" left on each line was not part of the
#    line break. An old-Mac file ("\r" alone) was shown as one line, "\r" printed raw.

def test_explain_of_a_windows_file_is_the_explain_of_the_unix_file(tmp_path: Path) -> None:
    unix = _cli("explain", SEED_002, "--changes-only")
    path = tmp_path / "windows.txt"
    path.write_bytes(_windows(SEED_002.read_text("utf-8")).encode("utf-8"))
    windows = _cli("explain", path, "--changes-only")
    assert windows.returncode == unix.returncode == 0
    first, *rest = windows.stdout.decode().splitlines(keepends=True)
    assert first.startswith("  1 ~ ")
    assert rest[0].lstrip().startswith("[repair:normalize_line_breaks]")
    assert "".join(rest[1:]) == unix.stdout.decode()
    assert " 72 - Partager:\n" in unix.stdout.decode()


def test_explain_splits_old_mac_line_breaks_into_lines(tmp_path: Path) -> None:
    path = tmp_path / "mac.txt"
    path.write_bytes(SEED_002.read_text("utf-8").replace("\n", "\r").encode("utf-8"))
    r = _cli("explain", path, "--changes-only")
    out = r.stdout.decode()
    assert r.returncode == 0
    assert "\r" not in out
    assert "  3 - Accueil - Technologies et Avenirs" in out
    assert " 88 - 5M+\n" in out


# 3. `cleannews run seeds --out o -j 1000` started a thousand worker processes for five
#    documents (with the "fork" start method, ProcessPoolExecutor starts all of them at the
#    first chunk), each one a copy of the loaded pipeline: a fork bomb on a laptop. `--jobs`
#    is now capped at the CPUs the process may use, with a warning naming both numbers.

def test_jobs_above_the_cpu_count_are_capped_with_a_warning(tmp_path: Path) -> None:
    from cleannews.batch import available_cpus

    cpus = available_cpus()
    out = tmp_path / "out"
    r = _cli("run", SEED_000, SEED_002,
             "--out", out, "-j", str(cpus + 3))
    err = r.stderr.decode()
    assert r.returncode == 0, err
    assert f"--jobs {cpus + 3} is more than the {cpus} CPU(s)" in err
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["settings"]["jobs"] == cpus
    assert len(_records(out / "clean.jsonl")) == 2
