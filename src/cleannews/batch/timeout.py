"""A time limit per document (``run`` / ``score --doc-timeout SECONDS``, the datatrove step's
``doc_timeout=``): a document that takes longer is stopped and filed as a ``timeout`` error,
and the batch goes on.

Two layers:

* **The alarm** (:func:`time_limit`): ``signal.setitimer(ITIMER_REAL)`` in the main thread of
  the process that cleans (a worker process of ``--jobs N``, or the main process with ``--jobs
  1``) raises :class:`DocTimeout` in the document's code. The stages are Python code, and the
  ``regex`` module checks for signals while it matches, so the alarm stops a slow page within
  moments of its limit. It needs POSIX (``setitimer``) and the main thread; elsewhere it is
  off (:func:`can_interrupt`), and a warning says so.
* **The kill** (``batch.runner``, ``--jobs`` of 2 or more): a worker that has not answered a
  chunk of ``n`` documents after ``n * SECONDS + HARD_TIMEOUT_GRACE_S`` (a document stuck in C
  code, which no signal interrupts) is killed; its chunk is run again one document per fresh
  process, each given ``SECONDS + HARD_TIMEOUT_GRACE_S``, and the document that outlives it is
  filed as a ``timeout`` error. With ``--jobs 1`` there is no other process to kill: only the
  alarm works.

    >>> import time
    >>> try:
    ...     with time_limit(0.05):
    ...         for _ in range(1000):  # 10 s, stopped after 0.05 s
    ...             time.sleep(0.01)
    ... except DocTimeout as exc:
    ...     print(exc)
    took longer than 0.05 s
    >>> with time_limit(None):  # no limit: the block runs as it is
    ...     print("done")
    done
"""

from __future__ import annotations

import math
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from cleannews.batch.finalisers import in_finaliser, lost_quietly

__all__ = ["ALARM_REPEAT_S", "HARD_TIMEOUT_GRACE_S", "DocTimeout", "can_interrupt",
           "checked_timeout", "time_limit", "timeout_message"]

#: Seconds the main process waits past a chunk's time limit (``documents * --doc-timeout``)
#: before it kills the worker (the alarm inside the worker stops a Python-level document on
#: time; this is for a document stuck in C code).
HARD_TIMEOUT_GRACE_S = 10.0
#: Seconds between the alarm's repeats once the limit is passed: the :class:`DocTimeout` it
#: raises can land where Python swallows it (a garbage-collector callback, a ``__del__``, a
#: weakref callback: "Exception ignored in …") or in code that catches ``BaseException``; the
#: next repeat raises it again in the document's code. One stopped on a loaded host ran on
#: unbounded (a test library's gc callback took the one alarm; CI clone run 172).
ALARM_REPEAT_S = 0.1


class DocTimeout(BaseException):
    """A document took longer than its time limit. A ``BaseException``, so that a stage's
    ``except Exception`` (a fallback around a parser) cannot swallow it."""


def can_interrupt() -> bool:
    """Whether :func:`time_limit` can stop a document here: POSIX ``setitimer`` and the main
    thread (a signal handler runs there only).

    >>> import sys
    >>> can_interrupt() == (sys.platform != "win32")
    True
    """
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def checked_timeout(name: str, value: object) -> float | None:
    """``value`` as a time limit in seconds: ``None`` (off) or a finite number above 0; anything
    else is a :class:`~cleannews.ConfigError` naming ``name``.

    >>> checked_timeout("doc_timeout", 2), checked_timeout("doc_timeout", None)
    (2.0, None)
    >>> checked_timeout("--doc-timeout", 0)
    Traceback (most recent call last):
    ...
    cleannews.errors.ConfigError: --doc-timeout must be a finite number of seconds above 0, got 0
    """
    from cleannews.errors import ConfigError

    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (
            math.isfinite(value) and value > 0):
        raise ConfigError(f"{name} must be a finite number of seconds above 0, got {value!r}")
    return float(value)


def timeout_message(seconds: float, flag: str = "--doc-timeout") -> str:
    """The errors-sink message of a document stopped after ``seconds``; ``flag`` names the
    option that set the limit (``doc_timeout=`` for the library functions of
    :mod:`cleannews.batch.api`).

    >>> timeout_message(30)
    'cleaning took longer than 30 s (--doc-timeout): the document was stopped, the batch went on'
    >>> timeout_message(2, "doc_timeout=")
    'cleaning took longer than 2 s (doc_timeout=): the document was stopped, the batch went on'
    """
    return (f"cleaning took longer than {seconds:g} s ({flag}): the document was "
            "stopped, the batch went on")


class _Alarm:
    """The ``SIGALRM`` handler of one :func:`time_limit` block: raises :class:`DocTimeout`
    while the block runs, nothing once it is disarmed (a repeat that lands as the block
    ends). It remembers that it fired (``fired``): a raise that was lost or put off does not
    let the block pass for one that kept to its limit. Inside a finaliser or a callback that
    Python runs from C (:func:`~cleannews.batch.finalisers.in_finaliser`: a ``__del__``, a
    garbage-collector callback), where Python would print the raise as "Exception ignored in
    …" and drop it, it only records: the next repeat, or the block's end, raises.

    >>> import sys
    >>> alarm = _Alarm()
    >>> class Junk:
    ...     def __del__(self):
    ...         alarm(signal.SIGALRM, sys._getframe())  # recorded, not raised
    >>> Junk.__del__(Junk())
    >>> alarm.fired
    True
    """

    __slots__ = ("armed", "fired")

    def __init__(self) -> None:
        self.armed = True
        self.fired = False

    def __call__(self, signum: int, frame: object) -> None:
        if self.armed:
            self.fired = True
            if not in_finaliser(frame):
                raise DocTimeout


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocTimeout` in the block when it runs longer than ``seconds`` (``None``:
    no limit; where :func:`can_interrupt` is false, no limit either), and again every
    :data:`ALARM_REPEAT_S` while the block goes on (a raise that something swallowed does not
    let the document run unbounded). The ``SIGALRM`` handler before it is restored on the way
    out; the real-time interval timer is its own while the block runs (a caller's own
    ``setitimer(ITIMER_REAL)`` is cancelled).

    >>> import time
    >>> try:
    ...     with time_limit(0.05):
    ...         try:
    ...             time.sleep(5)
    ...         except DocTimeout:  # swallowed, as by a gc callback or a broad except
    ...             pass
    ...         time.sleep(5)  # the repeat stops it
    ... except DocTimeout as exc:
    ...     print(exc)
    took longer than 0.05 s
    """
    if seconds is None or not can_interrupt():
        yield
        return
    alarm = _Alarm()
    with lost_quietly(DocTimeout):  # put back after the alarm is off: no repeat can land then
        previous = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds, ALARM_REPEAT_S)
        try:
            yield
            if alarm.fired:  # its raise was put off (a finaliser) or swallowed: over the limit
                raise DocTimeout
        except DocTimeout:
            raise DocTimeout(f"took longer than {seconds:g} s") from None
        finally:
            _disarm(alarm, previous)


def _disarm(alarm: _Alarm, previous: object) -> None:
    """Stop ``alarm`` and put the ``SIGALRM`` handler ``previous`` back (``None``: a handler
    installed outside Python, left as it is). A repeat landing meanwhile is caught and the
    disarming done again."""
    while True:
        try:
            alarm.armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            break
        except DocTimeout:
            continue
    if previous is not None:
        signal.signal(signal.SIGALRM, previous)
