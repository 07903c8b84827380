"""Round 40's audit (audit55): the per-document alarm and the stop signals inside finalisers
and callbacks, and a user's bad input to the documented commands.

1. ``--doc-timeout``'s alarm (:mod:`cleannews.batch.timeout`) raised :class:`DocTimeout`
   wherever the main thread was: inside a ``__del__``, a garbage-collector callback or a
   weakref callback Python printed "Exception ignored in …" and dropped it, cut the callback
   short, and a document that ended before the next repeat of the alarm was kept although it
   took longer than its limit. The alarm now asks the check round 39 wrote for the stop
   signals (moved to :mod:`cleannews.batch.finalisers`, extended to gc and stdlib weakref
   callbacks), only records there, and the block's end raises what was recorded; a raise lost
   in a callback no name gives away is not printed (``lost_quietly``). The stop signals use
   the same check. Every test of this part fails on round 39's code.
"""

from __future__ import annotations

import gc
import json
import signal
import subprocess
import sys
import time
import weakref
from pathlib import Path

import pytest

from _helpers import SMALL_ARTICLE, cli_env, sink_records, write_jsonl

#: The time limit of the alarm tests, and how long the slow callbacks sleep (well past it).
LIMIT, NAP = 0.05, 0.4


class _Thing:
    """Something a weakref can point to."""


def _in_del(done: list[str]) -> None:
    """A ``__del__`` that sleeps through the limit (the alarm lands in it), then returns."""

    class Junk:
        def __del__(self):
            time.sleep(NAP)
            done.append("del")

    Junk()


def _in_gc_callback(done: list[str]) -> None:
    """A garbage-collector callback (Hypothesis installs one) that sleeps through the limit."""

    def callback(phase, info):
        if phase == "start":
            time.sleep(NAP)
            done.append("gc")

    gc.callbacks.append(callback)
    try:
        gc.collect()
    finally:
        gc.callbacks.remove(callback)


def _in_weakref_callback(done: list[str]) -> None:
    """A program's own weakref callback (no name gives it away) that sleeps through it."""

    def callback(ref):
        time.sleep(NAP)
        done.append("weakref")

    thing = _Thing()
    ref = weakref.ref(thing, callback)  # noqa: F841  (kept alive until the thing dies)
    del thing


def _in_stdlib_callback(done: list[str]) -> None:
    """``weakref.finalize``'s callback (a stdlib weakref callback) sleeping through it."""

    def nap():
        time.sleep(NAP)
        done.append("finalize")

    thing = _Thing()
    weakref.finalize(thing, nap)
    del thing


SLOW_CALLBACKS = [_in_del, _in_gc_callback, _in_weakref_callback, _in_stdlib_callback]


@pytest.fixture
def lost(monkeypatch) -> list[str]:
    """What Python reports as unraisable ("Exception ignored in …") during the test."""
    seen: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook",
                        lambda unraisable: seen.append(unraisable.exc_type.__name__))
    return seen


@pytest.mark.parametrize("slow", SLOW_CALLBACKS, ids=lambda f: f.__name__)
def test_the_alarm_in_a_callback_still_times_the_block_out(slow, lost) -> None:
    """The block that spent its time in a finaliser or a callback is stopped (round 39: it
    ended normally, the raise printed and dropped), and nothing is printed."""
    from cleannews.batch.timeout import DocTimeout, time_limit

    done: list[str] = []
    with pytest.raises(DocTimeout, match=f"took longer than {LIMIT:g} s"):
        with time_limit(LIMIT):
            slow(done)
    assert lost == []
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.parametrize("slow", [_in_del, _in_gc_callback, _in_stdlib_callback],
                         ids=lambda f: f.__name__)
def test_a_known_finaliser_is_not_cut_short(slow, lost) -> None:
    """A ``__del__``, a gc callback, a stdlib weakref callback runs to its end: the alarm only
    records there (round 39: the raise ended it half-way, as it would a ``regex`` pattern's
    ``__del__`` or the import lock's callback)."""
    from cleannews.batch.timeout import DocTimeout, time_limit

    done: list[str] = []
    with pytest.raises(DocTimeout):
        with time_limit(LIMIT):
            slow(done)
    assert len(done) == 1 and lost == []


def _slow_in_a_finaliser(real):
    """``process._process`` whose document ``slow`` spends its time in a ``__del__``."""

    def patched(item, opts):
        if item.id == "slow" or b'"slow"' in item.payload:
            _in_del([])
        return real(item, opts)

    return patched


def test_the_document_ends_in_errors_with_its_id_and_reason(monkeypatch, lost) -> None:
    from cleannews.batch import process
    from cleannews.batch.process import BatchOptions, Item, process_item
    from cleannews.batch.timeout import timeout_message

    monkeypatch.setattr(process, "_process", _slow_in_a_finaliser(process._process))
    opts = BatchOptions(doc_timeout=LIMIT)
    line = json.dumps({"id": "slow", "text": SMALL_ARTICLE}).encode()
    result = process_item(Item(0, "in.jsonl", "jsonl", line, 1), opts)
    assert (result.sink, result.id, result.error_type) == ("errors", "slow", "timeout")
    assert timeout_message(LIMIT).encode() in result.data
    assert lost == []


#: The time limit of the real runs (a small article takes a good part of 0.05 s on a loaded
#: host), and the ``python -c`` body: ``cleannews run`` whose document ``slow`` spends 1.5 s
#: in a ``__del__`` (the alarm lands in it).
RUN_LIMIT = 1.0
FINALISER_RUN = """
import sys, time
from cleannews.batch import process
from cleannews.cli import main

real = process._process

class Junk:
    def __del__(self):
        time.sleep(1.5)

def patched(item, opts):
    if b'"slow"' in item.payload:
        Junk()
    return real(item, opts)

process._process = patched
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_run_files_the_document_as_a_timeout(tmp_path: Path, jobs) -> None:
    """``cleannews run --doc-timeout``: the document whose time went in a finaliser is a
    ``timeout`` error with its id, the others are cleaned, exit 1, no "Exception ignored"
    (round 39: kept, exit 0, the traceback on stderr)."""
    ids = ["a", "slow", "b"]
    write_jsonl(tmp_path / "c.jsonl", [{"id": i, "text": SMALL_ARTICLE} for i in ids])
    run = subprocess.run([sys.executable, "-c", FINALISER_RUN, "run", "c.jsonl", "--out", "o",
                          "-j", jobs, "--doc-timeout", str(RUN_LIMIT), "--no-progress"],
                         cwd=tmp_path, env=cli_env(), capture_output=True, timeout=300)
    err = run.stderr.decode("utf-8", "replace")
    assert "Exception ignored" not in err and "Traceback" not in err, err
    sinks = sink_records(tmp_path / "o")
    assert [r["id"] for r in sinks["errors"]] == ["slow"], err
    assert sinks["errors"][0]["error"]["type"] == "timeout"
    assert sorted(r["id"] for r in sinks["out"] + sinks["quarantine"]) == ["a", "b"]
    assert run.returncode == 1, err


@pytest.mark.parametrize("slow", [_in_gc_callback, _in_weakref_callback],
                         ids=lambda f: f.__name__)
def test_a_stop_signal_in_a_callback_is_recorded_not_printed(slow, lost, monkeypatch) -> None:
    """SIGTERM whose handler runs in a gc callback or a program's weakref callback: the run
    stops at its next safe point, and nothing is printed (round 39: "Exception ignored in"
    with the traceback; only a ``__del__`` was known)."""
    from cleannews.batch import stop

    with pytest.raises(stop.Terminated):
        with stop.stop_on_signals():  # the callback's nap: SIGTERM's handler, as a signal runs it
            monkeypatch.setattr(time, "sleep", lambda _s: signal.getsignal(signal.SIGTERM)(
                signal.SIGTERM, sys._getframe()))
            slow([])
            assert stop.received() == signal.SIGTERM
    assert lost == []



def _nested(code, name: str):
    """The code object of the function ``name`` defined inside ``code``."""
    return next(c for c in code.co_consts if getattr(c, "co_name", None) == name)


def test_the_stdlib_callbacks_named_are_pythons_own() -> None:
    """Each weakref callback of ``STDLIB_CALLBACKS`` is found where this Python defines it (a
    rename in a new Python fails here, not silently in a run)."""
    import _weakrefset
    import importlib._bootstrap
    import logging

    from cleannews.batch.finalisers import STDLIB_CALLBACKS, _is_finaliser

    codes = [_nested(importlib._bootstrap._get_module_lock.__code__, "cb"),
             _nested(weakref.WeakValueDictionary.__init__.__code__, "remove"),
             _nested(weakref.WeakKeyDictionary.__init__.__code__, "remove"),
             _nested(_weakrefset.WeakSet.__init__.__code__, "_remove"),
             _nested(weakref.WeakMethod.__new__.__code__, "_cb"),
             weakref.finalize.__call__.__code__, logging._removeHandlerRef.__code__]
    assert all(_is_finaliser(code, frozenset()) for code in codes)
    assert len(STDLIB_CALLBACKS) == len({(c.co_name, Path(c.co_filename).name) for c in codes})


# --- 2. a user's audit: what failed ---------------------------------------------------------


def test_a_report_that_cannot_be_written_after_a_failed_run_says_why_plainly(
        tmp_path: Path, monkeypatch, caplog) -> None:
    """A run that failed on a full disk could not write its report either: the message gave
    Python's ``[Errno 28] No space left on device: '/…/report.json'`` (the path twice); now the
    reason as the other messages give it."""
    import errno

    from cleannews.batch import runner

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(runner, "atomic_write", full)
    report = tmp_path / "report.json"
    with caplog.at_level("ERROR", logger="cleannews"):
        runner._write_report(report, {"documents": 0}, finished=False)
    assert caplog.messages == [f"could not write the report {report}: No space left on device"]
