"""Give back article lines that a position rule or a model took, when the page says they are
the article's (issue 10, point 4, branch strip-keep8).

Position rules (``context``, ``menu_run``, ``tail_teaser``, the teasers a "Read more"
heading takes, ``related_zone`` …) and the models judge a line by where it stands: next
to furniture, an article's subheading, a line-up or a byline reads like a teaser or a
menu item. These guards run last, once every rule and model has spoken, and give a line
back only on evidence found in the page itself:

* :func:`give_back_topical` — the line speaks of what the article's paragraphs speak of
  (most of its content words are in them) and a paragraph of the article stands below it.

Explicit phrase rules ("Lire aussi : …", "Partager") are never overruled here.
"""

from __future__ import annotations

from functools import lru_cache

import regex

__all__ = ["POSITION_RULES", "give_back", "give_back_topical"]

#: Rules that judge a line by its place (its neighbours, its run, the page's zones) or by
#: a model, not by its words: the only removals these guards may undo. A "Read more"
#: heading's own line goes with the same rule name as its teasers, but shares no words
#: with the article.
POSITION_RULES = frozenset({
    "context", "menu_run", "tail_teaser", "related_zone", "excerpt_run", "card_zone",
    "line_model", "run_model",
    "related_lead", "related_lead_en", "related_lead_de", "related_lead_es", "related_lead_it",
})

#: A content word: at least this many letters (and not a stop word of any language).
CONTENT_WORD_MIN_LETTERS = 4
#: :func:`give_back_topical`: at least this many of the line's content words …
TOPICAL_MIN_SHARED = 2
#: … making at least this share of them, are in the article's paragraphs.
TOPICAL_MIN_SHARE = 0.5
#: A paragraph of the article: a kept line of at least this many words ending a sentence.
BODY_MIN_WORDS = 12

_CONTENT_WORD = regex.compile(rf"\p{{L}}{{{CONTENT_WORD_MIN_LETTERS},}}")


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    """Stop words of every shipped language (a content word is none of them)."""
    from cleannews.strip.detectors import _stoplists

    return frozenset().union(*_stoplists().values())


def _content_words(low: str) -> set[str]:
    """The content words of a case-folded line.

    >>> sorted(_content_words("la banque d'angleterre maintient ses taux"))
    ['angleterre', 'banque', 'maintient', 'taux']
    """
    stop = _stop()
    return {w for w in _CONTENT_WORD.findall(low) if w not in stop}


def _is_body(ln) -> bool:
    return ln.cls != "bad" and not ln.blank and ln.n >= BODY_MIN_WORDS and ln.ends


def give_back_topical(lines) -> list[int]:
    """Give back lines taken by a :data:`POSITION_RULES` rule whose content words are mostly
    the article's (at least :data:`TOPICAL_MIN_SHARED`, at least :data:`TOPICAL_MIN_SHARE`
    of them, in the kept paragraphs of the page), when a paragraph of the article stands
    below them (a teaser list under the article is left to its rules). Returns the indices
    given back.

    Before: a "Read More" widget of another site glued above the headline took "Bank of
    England holds interest rates despite warning on inflation" as its teaser; its body
    speaks of the Bank of England, rates and inflation, so the headline stays.

        >>> from cleannews.strip.detectors import _Line
        >>> from cleannews.strip._assemble import Removal
        >>> text = ["Read More", "Bank of England holds interest rates",
        ...         "The Bank of England held interest rates on Thursday, as markets had "
        ...         "expected after a month of calm."]
        >>> lines = [_Line(t, frozenset({"the", "of", "on", "as", "a", "after"})) for t in text]
        >>> for ln in lines[:2]:
        ...     ln.bad("related_lead_en", "teasers under a 'Read more' heading")
        >>> give_back_topical(lines), lines[1].cls, lines[0].removal.rule
        ([1], 'amb', 'related_lead_en')
    """
    cands = [
        i for i, ln in enumerate(lines)
        if ln.cls == "bad" and ln.removal is not None and ln.removal.rule in POSITION_RULES
        and not ln.removal.spans
    ]
    if not cands:
        return []
    body = [i for i, ln in enumerate(lines) if _is_body(ln)]
    if not body:
        return []
    last_body = body[-1]
    cands = [i for i in cands if i < last_body]
    if not cands:
        return []
    words: set[str] = set()
    for i in body:
        words |= _content_words(lines[i].low)
    given = []
    for i in cands:
        mine = _content_words(lines[i].low)
        shared = len(mine & words)
        if shared >= TOPICAL_MIN_SHARED and shared >= TOPICAL_MIN_SHARE * len(mine):
            given.append(i)
    for i in given:
        lines[i].cls = "amb"
        lines[i].removal = None
    return given


def give_back(lines) -> None:
    """Every guard of this module, in order (called once the models have run)."""
    give_back_topical(lines)
