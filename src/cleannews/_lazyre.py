"""Module-level patterns compiled on their first use (start-up: perf19).

``regex`` (and ``re``) parse a pattern in Python: about 0.2-10 ms each. A module that
compiles its patterns at import makes every process pay for all of them, while a plain
``cleannews clean`` of a French page uses fewer than half of those (docs/performance-history.md,
"Nineteenth round, perf19"). :class:`LazyPattern` stands where a module kept its compiled
pattern and compiles on the first attribute read; each attribute read then is kept on the
instance (``search``, ``sub`` … are the compiled pattern's own bound methods), so later
calls cost what they cost on the compiled pattern.

Only for patterns that their module reads by attribute (``PAT.search(…)``, ``PAT.pattern``):
a ``LazyPattern`` is not a ``Pattern`` (``regex.sub(PAT, …)`` or ``isinstance`` would not
take it).

>>> p = LazyPattern(r"abonnez-vous", regex.I)
>>> p.compiled_or_none() is None
True
>>> p.match("Abonnez-vous !").group(), p.pattern
('Abonnez-vous', 'abonnez-vous')
>>> p.compiled_or_none().flags == p.flags == regex.compile(r"abonnez-vous", regex.I).flags
True
>>> type(p).__name__, p.search("x") is None, p.groups
('CompiledPattern', True, 0)
>>> import re
>>> LazyPattern(r"\\d+", engine=re).findall("1 a 22")
['1', '22']
"""

from __future__ import annotations

import regex

__all__ = ["CompiledPattern", "LazyPattern"]


class CompiledPattern:
    """What a :class:`LazyPattern` becomes once compiled: every public attribute of the
    compiled pattern held on the instance (no ``__getattr__`` hook left on its type, so an
    attribute read costs what it costs on any object)."""

    def compiled_or_none(self):
        """The compiled pattern, or None before the first use."""
        return self._compiled

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"


class LazyPattern(CompiledPattern):
    """``engine.compile(pattern, flags)`` on the first read of any other attribute."""

    def __init__(self, pattern: str | bytes, flags: int = 0, *, engine=regex) -> None:
        self.pattern = pattern  # (the source, as the compiled pattern's ``pattern``)
        self._flags = flags
        self._engine = engine
        self._compiled = None

    def __getattr__(self, name: str):
        # only names the instance does not hold yet come here: before the first use, every
        # name but ``pattern``; after it, names a compiled pattern does not have either
        if name.startswith("__"):  # (copy, pickle and friends probe dunders)
            raise AttributeError(name)
        compiled = self._compiled
        if compiled is None:
            compiled = self._engine.compile(self.pattern, self._flags)
            held = self.__dict__
            for attr in dir(compiled):
                if not attr.startswith("_"):
                    held[attr] = getattr(compiled, attr)
            self._compiled = compiled
            self.__class__ = CompiledPattern
        return getattr(compiled, name)
