"""Site templates: lines that recur across many documents of one source.

A site's furniture repeats from page to page even when no rule knows it
("Suivez-nous sur Mastodon", the site's own slogan, a menu line …). This
module learns, in a first pass over a batch, which normalised lines recur
in the documents of each *source* (usually a domain), then removes them in
a second pass. Every removal is a :class:`~cleannews.Change` with stage
``"template"`` and a reason such as ``"appears in 37 of 40 documents from
example.fr"``.

    >>> st = SiteTemplates(min_count=3, min_share=0.5)
    >>> for i in range(4):
    ...     st.add("example.fr", f"Article {i}.\\nSuivez-nous sur Mastodon\\n")
    >>> r = st.remove("example.fr", "Un tout autre article.\\nSuivez-nous sur Mastodon\\n")
    >>> r.text
    'Un tout autre article.\\n'
    >>> r.changes[0].reason
    'line appears in 4 of 4 documents from example.fr (site template)'

Thresholds (named constants below, overridable in the constructor):

* a line is template furniture when it occurs in at least ``min_count``
  documents of the source **and** in at least ``min_share`` of them;
* nothing is learnt or removed before a source has ``min_count`` documents;
* long, sentence-like lines (``LONG_LINE_WORDS`` words or more with
  sentence punctuation) need a much higher share, ``LONG_LINE_MIN_SHARE``,
  so a sentence quoted in a few articles is never removed;
* blank lines and lines longer than ``MAX_LINE_CHARS`` are ignored;
* bylines, datelines and source credits ("Par la rédaction", "avec AFP": the
  ``protect`` patterns of the strip rules) are never removed, however often
  they recur.

The state is a plain dict (:meth:`to_dict` / :meth:`from_dict`) so a batch
runner can persist it as JSON between its two passes.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from typing import Any

import regex

from cleannews.strip import TEMPLATE_MIN_COUNT as DEFAULT_MIN_COUNT
from cleannews.strip import StripResult
from cleannews.strip._assemble import Removal, assemble, split_lines

__all__ = [
    "DEFAULT_MIN_COUNT",
    "DEFAULT_MIN_SHARE",
    "LONG_LINE_MIN_SHARE",
    "LONG_LINE_WORDS",
    "MAX_LINE_CHARS",
    "SiteTemplates",
    "normalize_line",
]

#: ... and in at least this share of the source's documents.
DEFAULT_MIN_SHARE = 0.5
#: Lines of this many words or more that look like sentences are "long".
LONG_LINE_WORDS = 15
#: Long sentence-like lines must occur in at least this share of documents.
LONG_LINE_MIN_SHARE = 0.8
#: Longer lines are never template lines (and are not stored).
MAX_LINE_CHARS = 2000

_WS = regex.compile(r"\s+")
_WORD = regex.compile(r"\w+")
_SENTENCE_END = regex.compile(r"[.!?…»\"”]\s*$")


def normalize_line(line: str) -> str:
    """The key under which a line is counted: NFC, case-folded, spaces collapsed.

    Digits are kept: lines that differ by a number (dates, scores) are different lines.

    >>> normalize_line("  Suivez-NOUS\\u00a0sur X ")
    'suivez-nous sur x'
    """
    line = unicodedata.normalize("NFC", line)
    return _WS.sub(" ", line.casefold()).strip()


def _key(norm: str) -> str:
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def _protected(line: str) -> bool:
    """True for a byline, dateline or source credit (kept even when it recurs).

    >>> _protected("avec AFP"), _protected("Suivez-nous sur Mastodon")
    (True, False)
    """
    from cleannews.strip._rules import load_rules, match_text

    text = match_text(line.strip())
    return len(text.split()) <= 25 and load_rules(("fr", "en")).is_protected(text)


def _is_long_sentence(line: str) -> bool:
    """True for a line of many words ending like a sentence.

    >>> _is_long_sentence("Le gouvernement a annoncé hier un plan de relance "
    ...                   "de vingt milliards d'euros pour les régions.")
    True
    """
    return len(_WORD.findall(line[:MAX_LINE_CHARS])) >= LONG_LINE_WORDS and bool(
        _SENTENCE_END.search(line)
    )


class SiteTemplates:
    """Learn recurring lines per source (:meth:`add`), then remove them (:meth:`remove`)."""

    def __init__(
        self, min_count: int = DEFAULT_MIN_COUNT, min_share: float = DEFAULT_MIN_SHARE
    ) -> None:
        if min_count < 2:
            raise ValueError("min_count must be at least 2")
        if not 0 < min_share <= 1:
            raise ValueError("min_share must be in (0, 1]")
        self.min_count = min_count
        self.min_share = min_share
        self._docs: Counter[str] = Counter()
        self._lines: dict[str, Counter[str]] = {}

    def add(self, source: str, text: str) -> None:
        """First pass: count each distinct line of ``text`` once for ``source``."""
        self._docs[source] += 1
        counter = self._lines.setdefault(source, Counter())
        seen = set()
        for s, e, _ in split_lines(text):
            if e - s > MAX_LINE_CHARS:
                continue
            norm = normalize_line(text[s:e])
            if norm:
                seen.add(_key(norm))
        counter.update(seen)

    def documents(self, source: str) -> int:
        """How many documents of ``source`` were added."""
        return self._docs.get(source, 0)

    def line_count(self, source: str, line: str) -> int:
        """In how many documents of ``source`` this line occurred."""
        return self._lines.get(source, Counter()).get(_key(normalize_line(line)), 0)

    def _is_template(self, source: str, line: str) -> tuple[bool, int]:
        n_docs = self._docs.get(source, 0)
        if n_docs < self.min_count or len(line) > MAX_LINE_CHARS:
            return False, 0
        if _protected(line):
            return False, 0
        norm = normalize_line(line)
        if not norm:
            return False, 0
        count = self._lines[source].get(_key(norm), 0)
        share = count / n_docs
        needed = LONG_LINE_MIN_SHARE if _is_long_sentence(line) else self.min_share
        return count >= self.min_count and share >= needed, count

    def remove(self, source: str, text: str) -> StripResult:
        """Second pass: remove the lines of ``text`` that are template lines of ``source``."""
        lines = split_lines(text)
        n_docs = self._docs.get(source, 0)
        plan: dict[int, Removal] = {}
        for i, (s, e, _) in enumerate(lines):
            ok, count = self._is_template(source, text[s:e])
            if ok:
                plan[i] = Removal(
                    "site_template",
                    f"line appears in {count} of {n_docs} documents from {source} (site template)",
                )
        out, changes = assemble(text, lines, plan, "template")
        return StripResult(out, changes, {})

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready state (line keys are hashes: no text of the corpus is stored)."""
        return {
            "version": 1,
            "min_count": self.min_count,
            "min_share": self.min_share,
            "documents": dict(self._docs),
            "lines": {src: dict(c) for src, c in self._lines.items()},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SiteTemplates:
        """Rebuild the state saved by :meth:`to_dict`."""
        st = cls(min_count=int(d["min_count"]), min_share=float(d["min_share"]))
        st._docs = Counter({k: int(v) for k, v in d.get("documents", {}).items()})
        st._lines = {
            src: Counter({k: int(v) for k, v in c.items()})
            for src, c in d.get("lines", {}).items()
        }
        return st
