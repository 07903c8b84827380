"""Exceptions raised by cleannews."""

from __future__ import annotations

__all__ = ["CleannewsError", "ConfigError", "InputError", "MissingExtraError", "UnknownOptionError"]


class CleannewsError(Exception):
    """Base class of every exception cleannews raises on purpose."""


class InputError(CleannewsError, ValueError):
    """The input cannot be cleaned: wrong type, binary data, malformed record.

    The message says what was wrong and, where there is one, what to do::

        >>> import cleannews
        >>> cleannews.clean(12)
        Traceback (most recent call last):
        ...
        cleannews.errors.InputError: expected str or bytes, got int

    When the call knew the document's id (``clean(data, id="a7")``, ``clean_html``,
    ``repair``), the message names it and ``id`` holds it; ``message`` is the message without
    it (what ``cleannews run`` writes in an error record, beside the record's own id). An
    error caught in a loop over many documents said which input was wrong, not which
    document (round 28)::

        >>> try:
        ...     cleannews.clean(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(64), id="a7")
        ... except InputError as exc:
        ...     print(exc); print(exc.id, "|", exc.message)
        document a7: input is a PNG image, not text
        a7 | input is a PNG image, not text

    ``kind`` is the error type ``cleannews run`` files such an input under: ``"input"``, or
    ``"too_large"`` for an input above ``CleanConfig.max_input_mb`` (the datatrove step
    filed it as ``input`` while ``run`` says ``too_large``; round 28)::

        >>> try:
        ...     cleannews.clean("x" * 2000, cleannews.CleanConfig(max_input_mb=0.001))
        ... except InputError as exc:
        ...     print(exc.kind, "|", exc)
        too_large | text is 2000 bytes, above the limit of 1048 bytes (CleanConfig max_input_mb)
        >>> InputError("x").kind, InputError("x", kind="too_large").naming("a7").kind
        ('input', 'too_large')
    """

    def __init__(self, message: str = "", *, id: str | None = None, kind: str = "input") -> None:
        self.message = message
        self.id = id
        self.kind = kind
        if id is not None:
            from cleannews.batch.ids import shown_id  # a long id is cut, as in run's messages

            message = f"document {shown_id(id)}: {message}"
        super().__init__(message)

    def __reduce__(self) -> tuple:  # pickles with its id (a pool's worker sends it back)
        return _input_error, (self.message, self.id, self.kind)

    def naming(self, id: str | None) -> InputError:
        """This error naming the document ``id`` (itself when ``id`` is None or it names one
        already).

        >>> str(InputError("input is binary data").naming("a7"))
        'document a7: input is binary data'
        """
        if id is None or self.id is not None:
            return self
        return type(self)(self.message, id=id, kind=self.kind)


def _input_error(message: str, id: str | None, kind: str = "input") -> InputError:
    """Unpickle an :class:`InputError` (its keyword-only ``id`` and ``kind``)."""
    return InputError(message, id=id, kind=kind)


class ConfigError(CleannewsError, ValueError):
    """An option of :class:`~cleannews.CleanConfig` has a wrong name, type or value.

    The message names the option and what it accepts; the command line turns
    it into a usage error (exit code 2) before any document is read.
    """


class UnknownOptionError(ConfigError, TypeError):
    """A keyword argument no option of a public options object has (``CleanConfig(bogus=1)``):
    the message names it and the closest valid names. A :class:`ConfigError`, and a
    ``TypeError`` as the plain dataclass error it replaces (``except TypeError`` still works).
    """


class MissingExtraError(CleannewsError, ImportError):
    """An optional feature needs a package that is not installed.

    The message names the extra to install, e.g.
    ``pip install 'cleannews[datatrove]'``. It pickles (a worker of a ``multiprocessing``
    pool sends its exception back pickled; unpickling called ``__init__`` with the message
    alone and failed, "missing 2 required positional arguments"; audit29):

        >>> import pickle
        >>> e = pickle.loads(pickle.dumps(MissingExtraError("clean_frame", "pandas", "pandas")))
        >>> e.extra, str(e).endswith("pip install 'cleannews[pandas]'")
        ('pandas', True)
    """

    def __init__(self, feature: str, extra: str, package: str) -> None:
        self.feature = feature
        self.extra = extra
        self.package = package
        super().__init__(
            f"{feature} needs the optional package {package!r}; "
            f"install it with: pip install 'cleannews[{extra}]'"
        )

    def __reduce__(self) -> tuple[type, tuple[str, str, str]]:
        return type(self), (self.feature, self.extra, self.package)
