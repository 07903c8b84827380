"""Load the per-language rule files (``data/<lang>.json``) and stoplists, compiled once.

A rule file holds ``rules`` (each with a ``name``, a ``category``, a human
``reason``, a ``kind`` and regex ``patterns``), ``protect`` patterns (lines
the context rules must never remove: bylines, datelines, source credits)
and ``home_words`` (first crumbs of a breadcrumb). See ``data/fr.json``.

    >>> rs = load_rules(("fr", "en"))
    >>> rs.match_line("Partager :").name
    'share_bar'
    >>> rs.is_protected("Par Claire Le Goff")
    True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

__all__ = ["Rule", "RuleSet", "load_rules", "match_text"]

#: Characters mapped before matching (same length, so offsets stay valid).
_MATCH_TABLE = str.maketrans({"’": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "ʼ": "'"})
#: Scan at most this many characters of a line with the phrase rules.
MAX_SCAN_CHARS = 4000


def match_text(line: str) -> str:
    """The form of a line the rules see: curly apostrophe and no-break spaces made plain.

    >>> match_text("S’abonner\\u00a0:")
    "S'abonner :"
    """
    return line.translate(_MATCH_TABLE)


@dataclass(frozen=True)
class Rule:
    """One rule of a data file."""

    name: str
    category: str
    kind: str
    reason: str
    patterns: tuple[str, ...]
    max_words: int = 30
    takes_next: int = 0
    takes_prev_caption: bool = False
    takes_prev: bool = False
    next_kind: str = "teaser"
    ends_article: bool = False
    weak: bool = False
    yields_to_protect: bool = False


def _data_text(name: str) -> str:
    return resources.files("cleannews.strip").joinpath("data", name).read_text("utf-8")


def _word_file(name: str) -> frozenset[str]:
    words: set[str] = set()
    for line in _data_text(name).splitlines():
        if line.startswith("#"):
            continue
        words.update(w.casefold() for w in line.split())
    return frozenset(words)


def _combine(rules: list[Rule], template: str) -> regex.Pattern | None:
    """One alternation with a named group per rule: ``template`` wraps each group."""
    if not rules:
        return None
    parts = [f"(?P<r{i}>{'|'.join(r.patterns)})" for i, r in enumerate(rules)]
    return regex.compile(template.format("|".join(parts)), regex.IGNORECASE | regex.V0)


class RuleSet:
    """All rules of some languages, compiled into one regex per rule kind."""

    def __init__(self, data: list[dict]) -> None:
        self.rules: dict[str, list[Rule]] = {"line": [], "prefix": [], "phrase": [], "span": []}
        protect: list[str] = []
        home: set[str] = set()
        widget: set[str] = set()
        for d in data:
            widget.update(w.casefold() for w in d.get("widget_words", ()))
            for r in d.get("rules", ()):
                rule = Rule(
                    name=r["name"],
                    category=r["category"],
                    kind=r["kind"],
                    reason=r["reason"],
                    patterns=tuple(r["patterns"]),
                    max_words=int(r.get("max_words", 30 if r["kind"] != "phrase" else 12)),
                    takes_next=int(r.get("takes_next", 0)),
                    takes_prev_caption=bool(r.get("takes_prev_caption", False)),
                    takes_prev=bool(r.get("takes_prev", False)),
                    next_kind=str(r.get("next_kind", "teaser")),
                    ends_article=bool(r.get("ends_article", False)),
                    weak=bool(r.get("weak", False)),
                    yields_to_protect=bool(r.get("yields_to_protect", False)),
                )
                self.rules[rule.kind].append(rule)
            for p in d.get("protect", ()):
                protect.extend(p["patterns"])
            home.update(w.casefold() for w in d.get("home_words", ()))
        lead = r"^[\s\p{{So}}\p{{Sk}}•·▪►*]*"
        self._line = _combine(self.rules["line"], lead + r"(?:{})[\s:.!…*•|]*$")
        self._prefix = _combine(self.rules["prefix"], lead + r"(?:{})")
        self._phrase = _combine(self.rules["phrase"], r"{}")
        self._span = _combine(self.rules["span"], r"{}")
        self._protect = (
            regex.compile(r"^[\s•·\p{So}]*(?:" + "|".join(protect) + ")", regex.IGNORECASE)
            if protect
            else None
        )
        self.home_words = frozenset(home)
        self.widget_words = frozenset(widget)

    @staticmethod
    def _rule_of(m: regex.Match, rules: list[Rule]) -> Rule:
        return rules[int(m.lastgroup[1:])]

    def match_line(self, text: str) -> Rule | None:
        """The first ``line`` rule the whole (stripped, plain) line matches."""
        if self._line is None or len(text) > 700:
            return None
        m = self._line.match(text)
        return self._rule_of(m, self.rules["line"]) if m else None

    def match_prefix(self, text: str, n_words: int) -> Rule | None:
        """The ``prefix`` rule the line starts with, if the line is short enough for it."""
        if self._prefix is None:
            return None
        m = self._prefix.match(text[:300])
        if not m:
            return None
        rule = self._rule_of(m, self.rules["prefix"])
        return rule if n_words <= rule.max_words else None

    def phrases(self, text: str) -> list[tuple[Rule, int, int]]:
        """Every ``phrase`` rule hit in the line: (rule, start, end)."""
        if self._phrase is None:
            return []
        rules = self.rules["phrase"]
        return [
            (self._rule_of(m, rules), m.start(), m.end())
            for m in self._phrase.finditer(text[:MAX_SCAN_CHARS])
            if m.end() > m.start()
        ]

    def spans(self, text: str) -> list[tuple[Rule, int, int]]:
        """Inline ``span`` rule hits (glued furniture inside a line)."""
        if self._span is None:
            return []
        rules = self.rules["span"]
        return [
            (self._rule_of(m, rules), m.start(), m.end())
            for m in self._span.finditer(text[:MAX_SCAN_CHARS])
            if m.end() > m.start()
        ]

    def is_protected(self, text: str) -> bool:
        """True for bylines, datelines, source credits and attributions (content, keep)."""
        return bool(self._protect and len(text) < 400 and self._protect.match(text))


@lru_cache(maxsize=16)
def load_rules(languages: tuple[str, ...]) -> RuleSet:
    """The compiled rules of ``languages`` (cached). Unknown codes raise ``ValueError``."""
    data = []
    for lang in languages:
        try:
            data.append(json.loads(_data_text(f"{lang}.json")))
        except FileNotFoundError:
            raise ValueError(
                f"no boilerplate rules for language {lang!r}; available: fr, en"
            ) from None
    return RuleSet(data)


@lru_cache(maxsize=16)
def load_stopwords(languages: tuple[str, ...]) -> frozenset[str]:
    """Union of the stoplists of ``languages`` (words that make sentences)."""
    words: set[str] = set()
    for lang in languages:
        try:
            words |= _word_file(f"stop_{lang}.txt")
        except FileNotFoundError:
            continue
    return frozenset(words)


@lru_cache(maxsize=1)
def load_latin() -> frozenset[str]:
    """Latin function words (for the filler-text detector)."""
    return _word_file("latin.txt")
