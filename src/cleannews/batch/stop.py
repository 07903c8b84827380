"""Ctrl-C and SIGTERM that stop a run even when Python swallowed what their handler raised
(round 28).

The command line stops a run on SIGINT (Ctrl-C, exit 130) and SIGTERM (a job scheduler's
kill, ``timeout``, ``docker stop``: exit 143) by raising :class:`KeyboardInterrupt` /
:class:`Terminated` from the signal handler. Python runs a handler at the next bytecode of the
main thread, wherever that is: when it is inside a callback or a finaliser -- a weakref
callback (CPython's import lock, ``_get_module_lock.<locals>.cb``), a ``__del__``, a
garbage-collector callback -- Python prints "Exception ignored in …" and drops the exception,
and the run went on to its end and exited 0 (``tests/test_audit25.py``, once in CI).

So the handler of :func:`stop_on_signals` also *records* the signal (and inside a ``__del__``
only records it: round 39, a Ctrl-C that landed in the ``regex`` module's ``SetBase.__del__``
printed a traceback before the run stopped; since round 40 inside a garbage-collector or a
stdlib weakref callback too, and a raise lost in any other callback is not printed:
:mod:`cleannews.batch.finalisers`), and the runner calls
:func:`check` at its safe points (between documents, between chunks, before a commit, in its
waits for a worker's answer): a signal whose exception was lost raises there, with the same
exception -- the same message, exit code and committed count as a raise that was not lost.

    >>> import signal
    >>> try:
    ...     with stop_on_signals():
    ...         try:  # the handler, as a SIGTERM runs it; its raise lost, as in a callback
    ...             signal.getsignal(signal.SIGTERM)(signal.SIGTERM, None)
    ...         except Terminated:
    ...             pass
    ...         print("the run goes on")
    ...         check()  # its next safe point
    ...         print("never printed")
    ... except Terminated:
    ...     print("stopped at the safe point")
    the run goes on
    stopped at the safe point
    >>> check()  # outside the block: nothing recorded, nothing raised

Only the command line installs the handlers, for the duration of a command, and puts the
previous ones back after it; a program that calls :func:`~cleannews.batch.run_batch` keeps its
own handlers (and :func:`check` never raises there: nothing is recorded).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from cleannews.batch.finalisers import in_finaliser, lost_quietly

__all__ = ["STOP_SIGNALS", "Terminated", "check", "received", "stop_on_signals"]


class Terminated(KeyboardInterrupt):
    """SIGTERM (a job scheduler's kill, ``timeout``, ``docker stop``) during a command: it stops
    as after Ctrl-C -- a run keeps its committed chunks and its message names ``--resume``."""


#: The signals :func:`stop_on_signals` handles, and the exception each one raises.
STOP_SIGNALS: dict[int, type[KeyboardInterrupt]] = {
    int(signal.SIGINT): KeyboardInterrupt,
    int(signal.SIGTERM): Terminated,
}

#: The stop signal received while :func:`stop_on_signals` is in force and not yet acted on by
#: the end of its block (``None``: none). Only the main thread writes it (signal handlers run
#: there); a forked child starts without it (:func:`_forget`).
_received: int | None = None


def received() -> int | None:
    """The number of the stop signal this process received inside :func:`stop_on_signals`,
    else ``None``.

    >>> received() is None
    True
    """
    return _received


def check() -> None:
    """Raise the exception of a stop signal received (:data:`STOP_SIGNALS`), if any: called at
    the runner's safe points, so that a signal whose raise Python swallowed in a callback stops
    the run there. Costs one global read when no signal came."""
    if _received is not None:
        raise STOP_SIGNALS[_received]


def _on_signal(signum: int, frame: Any) -> None:
    """The handler: record the signal, then raise its exception where the main thread is --
    unless that is a finaliser or a callback (:func:`~cleannews.batch.finalisers.in_finaliser`),
    where Python would print the raise's traceback and drop it: the runner's next :func:`check`
    raises it instead."""
    global _received
    if _received is None:
        _received = signum  # the first one decides the exit code, as its raise would
    if signum == signal.SIGTERM:
        # a second SIGTERM during the clean-up ends the process at once (what is committed
        # stays resumable: commits are atomic)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if in_finaliser(frame):
        return
    raise STOP_SIGNALS[signum]


def _forget() -> None:
    """In a forked child (a worker process): no signal received yet -- it was the parent's."""
    global _received
    _received = None


if hasattr(os, "register_at_fork"):  # POSIX
    os.register_at_fork(after_in_child=_forget)


def _takes_over(signum: int) -> bool:
    """Whether :func:`stop_on_signals` handles ``signum`` here: SIGTERM always (as before round
    28); SIGINT only where Python's own Ctrl-C handler (or ours) is in force -- an ignored
    SIGINT (``nohup``, a background job, a pool worker) stays ignored, and a program's own
    handler stays its own."""
    if signum != signal.SIGINT:
        return True
    return signal.getsignal(signum) in (signal.default_int_handler, _on_signal)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """While the block runs, SIGINT raises :class:`KeyboardInterrupt` and SIGTERM
    :class:`Terminated`, and each is recorded for :func:`check`; the block that ends with a
    signal recorded raises its exception as it ends (nothing then lets a swallowed signal pass
    for a finished command). The previous handlers, and the previous record (an enclosing
    block's), are put back after it. Outside the main thread: no change."""
    global _received
    saved: dict[int, Any] = {}
    try:
        for signum in STOP_SIGNALS:
            if _takes_over(signum):
                saved[signum] = signal.signal(signum, _on_signal)
    except ValueError:  # signal handlers can only be set in the main thread
        _restore(saved)
        yield
        return
    outer, _received = _received, None
    try:
        with lost_quietly(*STOP_SIGNALS.values()):  # recorded: check() raises it again
            yield
        check()
    finally:
        _received = outer
        _restore(saved)


def _restore(saved: dict[int, Any]) -> None:
    for signum, previous in saved.items():
        # None: a handler installed outside Python; SIG_DFL is the nearest
        signal.signal(signum, signal.SIG_DFL if previous is None else previous)
