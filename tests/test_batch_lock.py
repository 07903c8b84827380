"""The lock file of a run (``.cleannews.lock``): gone after the run, never two runs in a folder.

A finished run left ``.cleannews.lock`` in each output folder. The lock is an ``flock``
(it goes with the process), so the file carried nothing once the run ended; it is removed
now, while still locked, and a run that finds the file it locked removed opens the new one
(:class:`cleannews.batch.sinks.FolderLock`).
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from _helpers import read_jsonl, run_cli, write_seed_corpus
from cleannews.batch.sinks import LOCK_NAME, FolderLock, ResumeError


def _locks(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob(f"*{LOCK_NAME}"))


def test_a_finished_run_leaves_no_lock_file_and_a_second_run_works(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    ids = write_seed_corpus(src, 6)
    out, named = tmp_path / "out", tmp_path / "named"
    args = ["run", src, "--out", out, "--quarantine", tmp_path / "q", "--errors",
            tmp_path / "e", "-j", "1", "--no-spin"]
    first = run_cli(*args)
    assert first.returncode == 0, first.stderr.decode()
    assert _locks(tmp_path) == []  # output, quarantine and errors folders
    again = run_cli(*args, "--force")  # the same folders: not refused, no lock left
    assert again.returncode == 0, again.stderr.decode()
    assert sorted(r["id"] for r in read_jsonl(out / "clean.jsonl")) == ids
    assert _locks(tmp_path) == []
    # an output file of its own name locks only itself (.all.jsonl.gz.cleannews.lock)
    one = run_cli("run", src, "--out", named / "all.jsonl.gz", "-j", "1", "--no-spin")
    assert one.returncode == 0, one.stderr.decode()
    assert _locks(tmp_path) == []


def test_a_killed_runs_lock_file_does_not_stop_the_next_run(tmp_path: Path) -> None:
    """``kill -9`` leaves the file (unlocked, with a dead pid): the next run takes it."""
    src = tmp_path / "in.jsonl"
    write_seed_corpus(src, 3)
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).write_text("999999999\n")
    proc = run_cli("run", src, "--out", out, "-j", "1", "--no-spin")
    assert proc.returncode == 0, proc.stderr.decode()
    assert len(read_jsonl(out / "clean.jsonl")) == 3 and _locks(tmp_path) == []


def test_a_run_is_refused_while_another_holds_the_folder(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_seed_corpus(src, 3)
    out = tmp_path / "out"
    with FolderLock(out):
        busy = run_cli("run", src, "--out", out, "-j", "1", "--no-spin")
        assert (out / LOCK_NAME).read_text().strip() == str(os.getpid())  # not removed
    assert busy.returncode == 2 and f"(pid {os.getpid()})" in busy.stderr.decode()
    assert not (out / "clean.jsonl").exists() and _locks(tmp_path) == []


def test_a_lock_file_removed_between_open_and_lock_is_not_a_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run B opens the lock file, then run A ends (removes the file, unlocks), then B locks:
    B holds a removed file. It must open the new one, or a run C creating a new file at the
    path would run beside B."""
    a = FolderLock(tmp_path).acquire()
    real = fcntl.flock
    ended = []

    def flock(fd: int, op: int) -> None:
        if not ended:  # between B's open and B's first lock, A ends
            ended.append(fd)
            a.release()
        real(fd, op)

    monkeypatch.setattr(fcntl, "flock", flock)
    b = FolderLock(tmp_path).acquire()
    monkeypatch.undo()
    assert ended and (tmp_path / LOCK_NAME).read_text().strip() == str(os.getpid())
    with pytest.raises(ResumeError, match="in use by another cleannews run"):
        FolderLock(tmp_path).acquire()  # C is refused: B holds the file at the path
    b.release()
    assert not (tmp_path / LOCK_NAME).exists()
    FolderLock(tmp_path).acquire().release()  # and the folder is free again
