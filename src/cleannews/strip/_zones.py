"""Block-level evidence for furniture the line rules leave (issue 10, branch strip-gen6).

The rules and detectors judge a line by its own words and its immediate neighbours. Most of
the furniture they leave on pages of new sites is a *block* of lines that read like article
text one by one (the headlines and excerpts of a "Most Popular" widget, a comment form's
prompts after its heading), and is only furniture by where it stands: after the article's
body, under a widget heading. The functions here read that position, without phrase lists of
their own (the anchors are the rule files' related-widget headings, which sites share):

* :func:`related_zone`: after the article's body, a whole-line heading of a list of other
  articles ("Les plus lus", "Most Popular", "Ceci pourrait également vous intéresser") opens
  the page's tail: the short lines standing under it are that list's items and the widgets
  that follow it;
* :func:`run_heading`: a short line without sentence punctuation right above a run of lines
  already taken as teasers of other articles, after the body, is that run's heading ("Related
  posts", "Articles précédents").

Both run after the rules and before the context pass (they feed it), and only after the body
found by :func:`cleannews.strip._pagekind.page_kind` (a heading in the middle of the article,
"À lire aussi" between two paragraphs, opens nothing). A zone is taken whole or not at all:
the article's own lines placed under such a heading (a paragraph that goes on, a list and the
line introducing it, a fact box's "Label : value" lines, a list of names, a paragraph about the
body's subject, one or two lines only) keep the whole zone; protected lines (bylines, sources)
always stay. Measured on the TRAIN pages of ``fixtures/strip_real`` judged without their own
site's rule patterns and on recombined pages (``docs/strip.md``, branch strip-gen6).
Tests: ``tests/test_strip_zones.py``.
"""

from __future__ import annotations

import regex

__all__ = ["TAIL_OPENING_RULES", "related_zone", "run_heading"]

#: Rule names (data files) whose whole-line match is the heading of a list of other articles
#: and may open the page's tail (:func:`related_zone`). Not the lead-ins that precede a single
#: link inside the article ("À lire aussi : …", "Read more", the ``related_lead*`` /
#: ``related_link*`` rules: on TRAIN the lines after a ``related_lead`` heading were the
#: article's own text on 3 pages), nor "Lire la suite" (``related_misc``: a teaser's link).
TAIL_OPENING_RULES = frozenset(
    {
        "related_heading_family",
        "related_heading_family_en",
        "related_heading_more_en",
        "widget_heading_more",
        "widget_more_es",
        "more_news_link",
    }
)
#: A line of more than this many words under a related heading is the article's text: the
#: zone is left whole (nothing under the heading is taken).
ZONE_MAX_WORDS = 60
#: A zone holds at least this many standing lines (a list of other articles has several
#: items; the one line under a heading misplaced next to the article's end is its own).
ZONE_MIN_LINES = 3
#: A paragraph-like line of this many words under the heading: the article goes on there
#: (teasers' excerpts are mostly shorter), so the zone is left whole.
ZONE_PARAGRAPH_WORDS = 30
#: A paragraph under the heading that shares this many words with the body is the article's
#: own text (:func:`_article_goes_on`) ...
ZONE_SHARED_WORDS = 2
#: ... counting words of at least this many characters (function words are shorter).
SHARED_WORD_CHARS = 5
#: :func:`run_heading`: the heading has at most this many words …
RUN_HEADING_MAX_WORDS = 6
#: … and at least this many lines right under it are teasers already taken.
RUN_HEADING_MIN_TAKEN = 2
#: Rules whose removals are teasers of other articles (a run of them under a short line makes
#: that line their heading).
TEASER_RULES = frozenset({"tail_teaser", "related_zone"})
#: ... or by a rule whose name starts with this (the rule files' related-articles families).
TEASER_RULE_PREFIX = "related_"

_BAD, _GOOD = "bad", "good"
#: An item of a list: a line ending with ";" or "," (or ":", the line introducing it) ...
_LIST_END = regex.compile(r"[;,:]\s*$")
#: ... or starting with a bullet or a number ("- ", "• ", "1. ").
_BULLET = regex.compile(r"^\s*+(?:[-–—•·▪*]|\d+[.)]\s)")
#: "Label : value" ("Note : 8/10", "Prix : 189 €"): a fact box's line when it is short ...
_LABEL_VALUE = regex.compile(r"\w\s?:\s+\w")
#: ... of at most this many words (a teaser headline "Lyon : les VTC se mobilisent ce mardi"
#: is longer).
LABEL_VALUE_MAX_WORDS = 5
#: A person's name alone or before a comma, a dash or a bracket ("Jean Dupont", "Marie Curie,
#: adjointe aux finances", "Paul Martin (PS)"): an item of the article's list of names (a
#: teaser headline goes on after the name with a verb: "Luc Ferry attaque …").
_NAME_ROLE = regex.compile(
    r"^(?-i:\p{Lu}[\p{Ll}’'-]+)(?:\s(?-i:\p{Lu}[\p{Ll}’'-]+)){1,2}+(?:\s?,|\s[-–—(]|\s*$)"
)
#: A zone with this many lines of that shape is the article's list of names, and stays.
NAME_LIST_MIN = 2
#: Characters that end a sentence or a clause: a heading ends with none of them.
_SENTENCE_END_CHARS = frozenset('.!?;»"”)')


def _teaser_rule(name: str) -> bool:
    """A removal by a rule of teasers of other articles.

    >>> _teaser_rule("tail_teaser"), _teaser_rule("related_link_family"), _teaser_rule("context")
    (True, True, False)
    """
    return name in TEASER_RULES or name.startswith(TEASER_RULE_PREFIX)


def _stands(ln) -> bool:
    """A non-blank line no rule removed."""
    return not ln.blank and ln.cls != _BAD


def _list_item(text: str) -> bool:
    """An item of a list or the line that introduces one: a bullet, a line ending with ``;``,
    ``,`` or ``:``.

    >>> _list_item("– la D37 à Saint-Capraise ;"), _list_item("Trois sujets :")
    (True, True)
    >>> _list_item("Un autre titre du site")
    False
    """
    return bool(_LIST_END.search(text[-2:]) or _BULLET.match(text))


def _standing(lines, start: int) -> list[int]:
    """Indexes of the non-blank lines from ``start`` on."""
    return [i for i in range(start, len(lines)) if not lines[i].blank]


def related_zone(lines, matched: list, body_start: int, body_end: int) -> None:
    """Take the lines under a related-articles heading that stands after the article's body.

    ``matched``: the rule each line's rule pass matched (None or a rule with ``name``);
    ``body_start``, ``body_end``: the first and last line of the article's body
    (:func:`~._pagekind.page_kind`), -1 for none (then nothing is taken). The first line after
    the body removed by one of :data:`TAIL_OPENING_RULES` opens the zone, which runs down to
    the end of the text. Its standing lines (protected ones aside) go, rule ``related_zone``,
    unless the zone stays whole: fewer than :data:`ZONE_MIN_LINES` lines, a line over
    :data:`ZONE_MAX_WORDS` words or a paragraph of :data:`ZONE_PARAGRAPH_WORDS`, a list item
    just above the heading, :data:`NAME_LIST_MIN` names, or a line that reads as the article
    going on (:func:`_article_goes_on`).

        >>> from cleannews.strip.detectors import _Line, GOOD
        >>> class R:
        ...     name = "related_heading_family_en"
        >>> texts = ["The phone maker launches a rumored handset on Wednesday morning.",
        ...          "Most Popular", "How scientists traced a covid case back to six toilets",
        ...          "When wastewater surveillance turns into a hunt, the ethics get tricky.",
        ...          "The problem with plug-in hybrids? Their drivers"]
        >>> def page():
        ...     ls = [_Line(t, frozenset()) for t in texts]
        ...     ls[0].cls = ls[3].cls = GOOD
        ...     ls[1].bad("related_heading_family_en", "heading")
        ...     return ls
        >>> ls = page()
        >>> related_zone(ls, [None, R(), None, None, None], 0, 0)
        >>> [ln.removal.rule for ln in ls[2:]]
        ['related_zone', 'related_zone', 'related_zone']
        >>> texts[3] = "The handset maker says the launch on Wednesday is on time."
        >>> ls = page()
        >>> related_zone(ls, [None, R(), None, None, None], 0, 0)  # the article goes on
        >>> [ln.removal for ln in ls[2:]]
        [None, None, None]
    """
    if body_end < 0 or body_start < 0:
        return
    for i in range(body_end + 1, len(lines)):
        rule = matched[i] if i < len(matched) else None
        if rule is not None and rule.name in TAIL_OPENING_RULES and lines[i].cls == _BAD:
            break
    else:
        return
    above = next((lines[k] for k in range(i - 1, -1, -1) if _stands(lines[k])), None)
    if above is not None and _list_item(above.text):
        return  # the heading cuts into the article's list: its last items are below it
    zone = []
    for k in _standing(lines, i + 1):
        ln = lines[k]
        if ln.cls == _BAD:
            continue
        if ln.protected:
            continue  # a byline or a source stays, and the zone goes on under it
        if ln.n > ZONE_MAX_WORDS or (ln.cls == _GOOD and ln.n >= ZONE_PARAGRAPH_WORDS):
            return  # a paragraph below the heading: the article goes on, nothing is taken
        zone.append(ln)
    if len(zone) < ZONE_MIN_LINES:
        return  # one or two lines under a heading: the article's last lines as often as a list
    if sum(bool(_NAME_ROLE.match(ln.text)) for ln in zone) >= NAME_LIST_MIN:
        return  # the article's list of names (a widget's title alone reads like one name)
    body = _body_words(lines, body_start, body_end)
    if any(_article_goes_on(ln, body) for ln in zone):
        return
    for ln in zone:
        ln.bad("related_zone", "under a heading of other articles, after the article's body")


def _body_words(lines, start: int, end: int) -> frozenset[str]:
    """The words of at least :data:`SHARED_WORD_CHARS` characters (not numbers) of the body's
    paragraph-like lines ``start``..``end``."""
    return frozenset(
        w
        for ln in lines[start : end + 1]
        if ln.cls == _GOOD
        for w in ln.words
        if len(w) >= SHARED_WORD_CHARS and not w.isdigit()
    )


def _article_goes_on(ln, body: frozenset[str]) -> bool:
    """A line under a related heading that reads as the article's own text: an item of a
    list (a bullet, or a line ending with ``;`` / ``,`` / ``:``), a short "Label : value"
    line, or a paragraph-like line sharing at
    least :data:`ZONE_SHARED_WORDS` words with the body (a teaser's excerpt tells another
    story; the article's next paragraph goes on about the same things).

        >>> from cleannews.strip.detectors import _Line, GOOD
        >>> body = frozenset({"baignade", "surveillée", "plage"})
        >>> _article_goes_on(_Line("ne jamais se baigner seul ;", frozenset()), body)
        True
        >>> ln = _Line("La baignade reste surveillée sur la plage jusqu’au soir.", frozenset())
        >>> ln.cls = GOOD
        >>> _article_goes_on(ln, body)
        True
        >>> _article_goes_on(_Line("Un autre titre du site sur la météo", frozenset()), body)
        False
    """
    text = ln.text
    if _list_item(text):
        return True
    if ln.n <= LABEL_VALUE_MAX_WORDS and _LABEL_VALUE.search(text):
        return True
    if ln.cls != _GOOD:
        return False
    shared = 0
    for w in ln.words:
        if w in body:
            shared += 1
            if shared >= ZONE_SHARED_WORDS:
                return True
    return False


def run_heading(lines, body_end: int) -> None:
    """Take a short line that heads a run of teasers already removed, after the body.

    A standing line of at most :data:`RUN_HEADING_MAX_WORDS` words, not protected, not a
    paragraph, ending with no sentence punctuation, after ``body_end``, whose next
    :data:`RUN_HEADING_MIN_TAKEN` non-blank lines were taken by :data:`TEASER_RULES`, is the
    list's heading (rule ``run_heading``). The line above it must stand (between two removed
    lines, the context rule judges it).

        >>> from cleannews.strip.detectors import _Line, GOOD
        >>> texts = ["Le texte de l’article s’arrête ici, avec une phrase assez longue.",
        ...          "Related posts", "Japan's mask handout tainted by gripes over mould",
        ...          "North Korean media silent on Kim's whereabouts"]
        >>> ls = [_Line(t, frozenset()) for t in texts]
        >>> ls[0].cls = GOOD
        >>> for ln in ls[2:]:
        ...     ln.bad("tail_teaser", "teaser")
        >>> run_heading(ls, 0)
        >>> ls[1].removal.rule
        'run_heading'
    """
    if body_end < 0:
        return
    idx = _standing(lines, body_end + 1)
    for k, i in enumerate(idx):
        ln = lines[i]
        if (
            ln.cls == _BAD
            or ln.cls == _GOOD
            or ln.protected
            or not 0 < ln.n <= RUN_HEADING_MAX_WORDS
            or ln.text[-1:] in _SENTENCE_END_CHARS
            or _list_item(ln.text)
            or _LABEL_VALUE.search(ln.text)  # "Note : 8/10": a fact box's line
        ):
            continue
        below = idx[k + 1 : k + 1 + RUN_HEADING_MIN_TAKEN]
        if len(below) < RUN_HEADING_MIN_TAKEN or not all(
            lines[j].cls == _BAD and _teaser_rule(lines[j].removal.rule) for j in below
        ):
            continue
        above = lines[idx[k - 1]] if k else None
        if above is not None and above.cls == _BAD:
            continue
        ln.bad("run_heading", "heading of a run of teasers of other articles, after the body")
