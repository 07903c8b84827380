"""Where an exception raised by a signal handler would be lost: the finalisers and callbacks
Python runs from C (round 40; round 39's check of :mod:`cleannews.batch.stop`, shared).

A signal handler runs at the next bytecode of the main thread, wherever that is. When that
is inside a ``__del__``, a garbage-collector callback (``gc.callbacks``: Hypothesis installs
one) or a weakref callback (CPython's import lock, ``weakref.WeakValueDictionary``'s
``remove`` …), what the handler raises ends that callback half-run, and Python prints
"Exception ignored in …" with its traceback and drops it. Both handlers of the package --
the stop signals' (:mod:`cleannews.batch.stop`: Ctrl-C, SIGTERM) and the per-document alarm's
(:mod:`cleannews.batch.timeout`: ``--doc-timeout``) -- ask :func:`in_finaliser` first, and
there only record what came, to raise it at their next safe point. A callback that no name
gives away (a program's own weakref callback) still takes the raise: :func:`lost_quietly`
keeps Python from printing it (the handler recorded it, it is raised again later).

    >>> import gc, sys
    >>> def watcher(phase, info):
    ...     watcher.seen = watcher.seen or in_finaliser(sys._getframe())
    >>> watcher.seen = False
    >>> gc.callbacks.append(watcher)
    >>> _ = gc.collect()
    >>> gc.callbacks.remove(watcher)
    >>> watcher.seen, in_finaliser(sys._getframe())
    (True, False)
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import CodeType
from typing import Any

__all__ = ["FINALISERS", "STDLIB_CALLBACKS", "in_finaliser", "lost_quietly"]

#: Names of the functions Python runs as finalisers, whatever their class.
FINALISERS = frozenset({"__del__"})

#: The standard library's weakref callbacks, as (function name, file name): what a handler
#: raises in one is dropped like in a finaliser. ``cb``: the import lock's (the Ctrl-C that
#: CI lost in round 28); ``remove`` / ``_remove``: the weak dictionaries' and sets';
#: ``__call__``: ``weakref.finalize``; ``_removeHandlerRef``: logging's handler list.
STDLIB_CALLBACKS = frozenset({
    ("cb", "<frozen importlib._bootstrap>"),
    ("remove", "weakref.py"),
    ("_remove", "_weakrefset.py"),
    ("__call__", "weakref.py"),
    ("_cb", "weakref.py"),
    ("_removeHandlerRef", "__init__.py"),
})


def _callback_code(callback: Any) -> CodeType | None:
    """The code object ``callback`` runs: a function's, a bound method's, or the ``__call__``
    of a callable object (``None``: a builtin).

    >>> _callback_code(len) is None, _callback_code(_callback_code) is _callback_code.__code__
    (True, True)
    """
    func = getattr(callback, "__func__", callback)
    code = getattr(func, "__code__", None)
    if code is None:
        code = getattr(vars(type(callback)).get("__call__"), "__code__", None)
    return code if isinstance(code, CodeType) else None


def _is_finaliser(code: CodeType, gc_codes: frozenset[CodeType]) -> bool:
    """Whether ``code`` is a finaliser, a stdlib weakref callback or one of ``gc_codes``
    (the garbage collector's callbacks).

    >>> class Junk:
    ...     def __del__(self): pass
    >>> code = _is_finaliser.__code__
    >>> (_is_finaliser(Junk.__del__.__code__, frozenset()), _is_finaliser(code, frozenset()),
    ...  _is_finaliser(code, frozenset({code})))
    (True, False, True)
    """
    return (code.co_name in FINALISERS or code in gc_codes
            or (code.co_name, os.path.basename(code.co_filename)) in STDLIB_CALLBACKS)


def in_finaliser(frame: Any) -> bool:
    """Whether ``frame`` (where the main thread was when a signal came) runs inside a
    finaliser or a callback Python calls from C (:data:`FINALISERS`, ``gc.callbacks``,
    :data:`STDLIB_CALLBACKS`), at any depth: a raise there would be printed and dropped.

    >>> import sys
    >>> class Junk:
    ...     def __del__(self):
    ...         Junk.seen = in_finaliser(sys._getframe())
    >>> Junk.__del__(Junk()) or Junk.seen, in_finaliser(sys._getframe())
    (True, False)
    """
    gc_codes = frozenset(code for code in map(_callback_code, gc.callbacks) if code is not None)
    while frame is not None:
        if _is_finaliser(frame.f_code, gc_codes):
            return True
        frame = frame.f_back
    return False


@contextmanager
def lost_quietly(*kinds: type[BaseException]) -> Iterator[None]:
    """While the block runs, an exception of ``kinds`` that Python drops (raised in a callback
    :func:`in_finaliser` does not know) is dropped without the "Exception ignored in …" and
    traceback Python prints: the handler that raised it has recorded it and raises it again
    at its next safe point. Any other such exception goes to the hook in force before.

    >>> import weakref
    >>> class Thing:
    ...     pass
    >>> def callback(ref):
    ...     raise KeyboardInterrupt  # as a Ctrl-C landing in here
    >>> with lost_quietly(KeyboardInterrupt):
    ...     thing = Thing()
    ...     ref = weakref.ref(thing, callback)
    ...     del thing  # nothing printed
    """
    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, kinds):
            previous(unraisable)

    sys.unraisablehook = hook
    try:
        yield
    finally:
        if sys.unraisablehook is hook:  # one set inside the block by others stays theirs
            sys.unraisablehook = previous
