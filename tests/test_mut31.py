"""Mutation check of ``cleannews.batch.sinks`` (round 28, ``tools/mutate.py``): tests for the gaps.

``tools/mutate.py`` ran ``tests/test_batch_lock.py``, ``tests/test_batch_run.py``,
``tests/test_audit8.py`` and the module's doctests against sampled mutants of
``src/cleannews/batch/sinks.py``. Before this round its command-line tests (``run_cli``) ran
the unmutated checkout in their child process (``tests/_helpers.cli_env`` put ``ROOT/src``
first on its path), so every mutant they alone would catch survived; ``tools/mutate.py`` now
names its copy in ``CLEANNEWS_TEST_SRC``, which ``cli_env`` puts first.

Run (development): 48 sampled mutants of 638 (``--max 24 --seed 31`` on lines 1-600 and
600-986): 25 killed, 23 survived. Then ``--survivors`` against test_audit9/10/11/17/21/22/27
and this file: 12 are killed by those other files (``Sinks._open``'s refusals, the resume's
last place, ``_keep_earlier_records``, ``fingerprint_changes``), 7 by this file (lines 183,
238, 589, 672, 674, 682, 814; line 58, ``STATE_FORMAT``, survived an earlier sample), 2 are
equivalent (below). Left, real but not tested: ``written_by_cleannews`` taking a first line
over ``OWNER_PEEK_BYTES`` as ours (line 416), and ``_regular_or_new`` of a sink not created
yet (line 542: the owner file of a ``score`` run's unopened sink).

Survivors judged equivalent: ``_UMASK = os.umask(0)`` -> ``os.umask(1)`` (``umask`` returns
the previous mask whatever it sets, and the next line restores it); ``pass`` -> ``pass`` in
``atomic_write``'s cleanup. Survivors other test files kill (``--survivors`` run against
them): the refusal messages of ``Sinks._open`` (tests/test_audit17.py, test_audit10.py,
test_audit11.py), ``fingerprint_changes`` skipping settings that did not change
(tests/test_audit10.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _helpers import read_jsonl, write_seed_corpus
from cleannews.batch import RunSettings, paths_for, run_batch
from cleannews.batch.sinks import STATE_NAME, FolderLock, ResumeError, atomic_write


def _run(src: Path, out: Path, **kw) -> dict:
    return run_batch(RunSettings([str(src)], paths_for(out), jobs=1, **kw))


def test_the_run_state_format_is_1_and_another_format_is_refused(tmp_path: Path) -> None:
    """The state file's ``format`` is 1 (what every release since the state file wrote: a run
    they left is resumed, not refused as "another cleannews version"); a state of format 2
    is refused, and ``--force`` starts over."""
    src = tmp_path / "in.jsonl"
    ids = write_seed_corpus(src, 6)
    out = tmp_path / "out"
    _run(src, out, limit=3)
    state = json.loads((out / STATE_NAME).read_text("utf-8"))
    assert state["format"] == 1 and state["done"] == 3
    # a format-1 state left by an earlier release, unfinished: --resume continues it
    (out / STATE_NAME).write_text(json.dumps({**state, "finished": False}), "utf-8")
    _run(src, out, limit=3, resume=True)
    assert [r["id"] for r in read_jsonl(out / "clean.jsonl")] == ids[:3]
    (out / STATE_NAME).write_text(json.dumps({**state, "format": 2}), "utf-8")
    with pytest.raises(ResumeError, match="another cleannews version"):
        _run(src, out, limit=3, resume=True)
    _run(src, out, force=True)
    assert [r["id"] for r in read_jsonl(out / "clean.jsonl")] == ids


def test_atomic_write_that_fails_raises_and_leaves_the_old_file(tmp_path: Path) -> None:
    """A write that fails (a file-size limit stands in for a full disk, as in
    tests/test_batch_run.py) reaches the caller (a run state or report that was not written
    must not pass for written), leaves the earlier file as it was and no temp file."""
    import resource

    target = tmp_path / "report.json"
    target.write_bytes(b'{"documents": {"in": 1}}')
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        with pytest.raises(OSError):
            atomic_write(target, b"x" * 100_000)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    assert target.read_bytes() == b'{"documents": {"in": 1}}'


def test_a_refused_lock_closes_the_file_it_opened(tmp_path: Path) -> None:
    """A run refused because another holds the folder keeps no descriptor of the lock file
    open (a long-lived caller retrying would run out of descriptors, and the open file would
    keep a removed lock file alive)."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("no /proc/self/fd")
    with FolderLock(tmp_path):
        before = len(list(fds.iterdir()))
        for _ in range(5):
            with pytest.raises(ResumeError, match="in use by another cleannews run"):
                FolderLock(tmp_path).acquire()
        assert len(list(fds.iterdir())) == before


def test_an_output_file_of_the_users_own_is_named_as_not_a_cleannews_output(
    tmp_path: Path,
) -> None:
    """``--out notes.jsonl`` where notes.jsonl is a file of the user's (JSONL, no cleannews
    key, no run state): refused as "not a cleannews output" naming it and ``--force``, not as
    "records of another cleannews run"; the file is left as it was."""
    src = tmp_path / "in.jsonl"
    write_seed_corpus(src, 2)
    notes = tmp_path / "notes.jsonl"
    own = b'{"url": "https://www.example.fr/article", "note": "relire"}\n'
    notes.write_bytes(own)
    with pytest.raises(ResumeError) as refused:
        _run(src, notes)
    msg = str(refused.value)
    assert f"{notes}: not a cleannews output" in msg and "--force to overwrite it" in msg
    assert "records of another cleannews run" not in msg
    assert notes.read_bytes() == own


def test_a_mirrored_text_under_a_folder_named_like_the_quarantine_is_hashed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Input ``corpus/a.txt`` (relative) with ``--quarantine out/corpus``: its mirrored text
    would land inside the quarantine folder under the name a quarantined ``a.txt`` takes, so
    the path gets a hash (:func:`mirror_path`'s ``reserved``, from :meth:`Sinks.folders`)."""
    from cleannews.batch.sinks import mirror_path

    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Premier article du jour.\n", "utf-8")
    run_batch(RunSettings(["corpus"], paths_for("out", "out/corpus"), jobs=1))
    hashed = mirror_path(Path("out"), "corpus/a.txt", ("corpus",))
    assert hashed != Path("out/corpus/a.txt")
    assert hashed.read_text("utf-8").startswith("Premier article du jour.")
    assert not Path("out/corpus/a.txt").exists()


def test_a_shared_quarantine_folder_is_refused_naming_only_that_flag(tmp_path: Path) -> None:
    """A second run with its own ``--out`` and the first run's ``--quarantine``: refused, and
    the way out names the one flag to change (``--quarantine DIR``), not ``--errors`` too."""
    src = tmp_path / "in.jsonl"
    write_seed_corpus(src, 2)
    q = tmp_path / "q"
    run_batch(RunSettings([str(src)], paths_for(tmp_path / "o1", q), jobs=1))
    with pytest.raises(ResumeError) as refused:
        run_batch(RunSettings([str(src)], paths_for(tmp_path / "o2", q), jobs=1))
    assert "give this run other sink folders (--quarantine DIR), or add --force" in str(
        refused.value)
