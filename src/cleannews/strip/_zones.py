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
site's rule patterns and on recombined pages (``docs/strip-history.md``, branch strip-gen6).
Tests: ``tests/test_strip_zones.py``.

Branch strip-tail7 adds four shapes, reached through :func:`related_zone` (each removal names
its rule and reason):

* :func:`excerpt_run`: three or more excerpts cut with "…" under the article's text (a
  listing's excerpts start the page and stay);
* :func:`comment_form`: the short lines of a comment form under a removed comment heading,
  after the body, all or none;
* :func:`caption_copies`: a caption printed twice right above its photo credit;
* :func:`card_zone`: cards of other articles between a recurring removed separator ("Lire
  plus", "Image") under a heading, below the article.

Figures and what was tried: ``docs/strip-history.md`` (branch strip-tail7); tests:
``tests/test_strip_zones7.py``.

Branch recall52 (round 37) adds one more, run last by ``detectors.plan_lines`` (after the
models and the give-backs, on the lines as the cleaned page will read: branch echo52, so that
cleaning the cleaned text takes nothing more): :func:`keyword_echo`, an image's keywords
printed on a line of their own between the article's sentences ("marché logement neuf
incertain"). Its sibling ``printed_again`` (the second copy of a sentence printed twice in a
row) was withdrawn by the lead at the round's end: with removed lines between the copies not
counted, it took every second paragraph of a page whose paragraphs repeat between feeds
(tests/test_misses32.py), and it cost a held-out content line.

Tests: ``tests/test_strip_recall52.py``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from itertools import pairwise

import regex

from cleannews._lazyre import LazyPattern
from cleannews.strip._assemble import BAD, GOOD, kept_standing
from cleannews.strip._pagekind import _BULLET
from cleannews.strip._rules import flagged_rules

__all__ = [
    "FORM_CLOSING_RULES",
    "TAIL_OPENING_RULES",
    "caption_copies",
    "card_zone",
    "comment_form",
    "excerpt_run",
    "keyword_echo",
    "related_zone",
    "run_heading",
    "tail_pair",
]

#: Rule names (data files) whose whole-line match is the heading of a list of other articles and may
#: open the page's tail (:func:`related_zone`): the line rules that set ``"opens_tail": true`` in
#: the rule files (``data/<lang>.json``): "Ceci pourrait vous intéresser" and, since strip-gen10,
#: recommendation headings in five languages ("La rédaction vous recommande", "Das könnte dich auch
#: interessieren", "Potrebbe interessarti anche"). Not the lead-ins that precede a single link
#: inside the article ("À lire aussi : …", "Read more", the ``related_lead*`` / ``related_link*``
#: rules: on TRAIN the lines after a ``related_lead`` heading were the article's own text on 3
#: pages), nor "Lire la suite" (``related_misc``: a teaser's link).
TAIL_OPENING_RULES = flagged_rules("opens_tail")
#: Rule names (data files) whose line ends a comment form: the line rules that set
#: ``"closes_form": true`` (``wpcom_comment_form*``: "You are commenting using your
#: WordPress.com account", "Connecting to %s"). :func:`comment_form`'s run stops there: what
#: follows the form is not the form (round 30: on the stress set, seed 7, the run under "Leave a
#: Reply" went through the form's removed lines and took a letter's sign-off below them).
FORM_CLOSING_RULES = flagged_rules("closes_form")
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

#: An item of a list: a line ending with ";" or "," (or ":", the line introducing it) ...
_LIST_END = regex.compile(r"[;,:]\s*$")
#: ... or starting with a bullet or a number ("- ", "• ", "1. "): ``_pagekind._BULLET``.
#: "Label : value" ("Note : 8/10", "Prix : 189 €"): a fact box's line when it is short ...
_LABEL_VALUE = regex.compile(r"\w\s?:\s+\w")
#: ... of at most this many words (a teaser headline "Lyon : les VTC se mobilisent ce mardi"
#: is longer).
LABEL_VALUE_MAX_WORDS = 5
#: A person's name alone or before a comma, a dash or a bracket ("Jean Dupont", "Marie Curie,
#: adjointe aux finances", "Paul Martin (PS)"): an item of the article's list of names (a
#: teaser headline goes on after the name with a verb: "Luc Ferry attaque …").
_NAME_ROLE = LazyPattern(
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
    return not ln.blank and ln.cls != BAD


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


def related_zone(
    lines,
    matched: list,
    body_start: int,
    body_end: int,
    idx: list[int] | None = None,
    page: str = "article",
) -> None:
    """Take the lines under a related-articles heading that stands after the article's body.

    Then the other block evidence of this module (branch strip-tail7), which the strip
    stage reaches through this call: :func:`excerpt_run`, :func:`comment_form` and
    :func:`caption_copies`.

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
    _heading_zone(lines, matched, body_start, body_end)
    heading_pairs(lines, matched, body_start, page)  # branch nav16
    excerpt_run(lines, body_start, body_end)
    tail_pair(lines, page)  # round 40 (related55)
    comment_form(lines, matched, body_end)
    if idx is None:  # the non-blank lines, for the two passes below
        idx = [i for i, ln in enumerate(lines) if not ln.blank]
    caption_copies(lines, matched, idx)
    card_zone(lines, idx)


def _heading_zone(lines, matched: list, body_start: int, body_end: int) -> None:
    """:func:`related_zone`'s own rule: the zone under a related-articles heading."""
    if body_end < 0 or body_start < 0:
        return
    for i in range(body_end + 1, len(lines)):
        rule = matched[i] if i < len(matched) else None
        if rule is not None and rule.name in TAIL_OPENING_RULES and lines[i].cls == BAD:
            break
    else:
        return
    above = next((lines[k] for k in range(i - 1, -1, -1) if _stands(lines[k])), None)
    if above is not None and _list_item(above.text):
        return  # the heading cuts into the article's list: its last items are below it
    zone = []
    for k in _standing(lines, i + 1):
        ln = lines[k]
        if ln.cls == BAD:
            continue
        if ln.protected:
            continue  # a byline or a source stays, and the zone goes on under it
        if ln.n > ZONE_MAX_WORDS:
            return  # a long paragraph below the heading: the article goes on
        zone.append(ln)
    if any(ln.cls == GOOD and ln.n >= ZONE_PARAGRAPH_WORDS for ln in zone) and not (
        teaser_pairs(zone)
    ):
        return  # a paragraph below the heading: the article goes on, nothing is taken
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
        if ln.cls == GOOD
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
    if ln.cls != GOOD:
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
            ln.cls == BAD
            or ln.cls == GOOD
            or ln.protected
            or not 0 < ln.n <= RUN_HEADING_MAX_WORDS
            or ln.text[-1:] in _SENTENCE_END_CHARS
            or _list_item(ln.text)
            or _LABEL_VALUE.search(ln.text)  # "Note : 8/10": a fact box's line
        ):
            continue
        below = idx[k + 1 : k + 1 + RUN_HEADING_MIN_TAKEN]
        if len(below) < RUN_HEADING_MIN_TAKEN or not all(
            lines[j].cls == BAD and _teaser_rule(lines[j].removal.rule) for j in below
        ):
            continue
        above = lines[idx[k - 1]] if k else None
        if above is not None and above.cls == BAD:
            continue
        ln.bad("run_heading", "heading of a run of teasers of other articles, after the body")


# --- branch strip-tail7: excerpts of other articles, comment forms, caption copies ---------

#: Characters a teaser's excerpt is cut with ("Un bimbo di dieci mesi è caduto dalla culla…").
_CUT_END = regex.compile(r"(?:…|\.\.\.?)\s*$")
#: :func:`excerpt_run`: an excerpt has at least this many words (a cut headline is shorter) …
EXCERPT_MIN_WORDS = 6
#: … and at least this many of them follow each other (one cut line is a cut page or a quote
#: trailing off).
EXCERPT_RUN_MIN = 3
#: Words of the article's uncut, sentence-ending paragraphs above the run: a listing page's
#: teasers start the page (its intro, if any, is a line or two), an article's related excerpts
#: come after its text.
EXCERPT_ARTICLE_WORDS = 60
#: A paragraph of this many words below the run that is not cut: the article goes on under
#: the excerpts (they are its own, e.g. a list of quotes trailing off), nothing is taken.
EXCERPT_PROSE_BELOW_WORDS = 20


#: A read-more link glued before a teaser's summary ("Lire la suiteSfax croule …"): a capital,
#: small letters and spaces, a small letter glued to the summary's capital (round 29).
_GLUED_LEAD = regex.compile(r"^\p{Lu}[\p{Ll} ]{1,30}+(?<=\p{Ll})(?=\p{Lu})")


def _glued_lead(text: str) -> str:
    """The read-more words glued before a line's first capital (two words at least: a
    name's inner capital, "McDonald", is none), or ``""``.

    >>> _glued_lead("Lire la suiteSfax croule depuis plusieurs mois…"), _glued_lead("Le club")
    ('Lire la suite', '')
    >>> _glued_lead("McDonald ouvre un restaurant")
    ''
    """
    m = _GLUED_LEAD.match(text)
    return m.group() if m and " " in m.group() else ""


def _cut(text: str) -> bool:
    """A line cut with an ellipsis, as a teaser's excerpt is.

    >>> _cut("Un grave incidente stradale si è verificato intorno alle 19…"), _cut("Fin.")
    (True, False)
    """
    return bool(_CUT_END.search(text[-4:]))


def _cleaned(ln) -> str:
    """The line as it will read once its glued spans are cut (a teaser's glued "Leggi tutto").

    >>> from cleannews.strip.detectors import _Line
    >>> ln = _Line("Un delitto maturato all’improvviso nel cuore… Leggi tutto", frozenset())
    >>> ln.key_text = "Un delitto maturato all’improvviso nel cuore…"
    >>> _cut(ln.text), _cut(_cleaned(ln))
    (False, True)
    """
    return ln.key_text or ln.text


def _excerpt_shape(ln) -> bool:
    """Whether a line reads as an excerpt of another article for :func:`excerpt_run`: at
    least :data:`EXCERPT_MIN_WORDS` words cut with an ellipsis, not protected, no list item.
    A line another rule already removed counts toward a run (it is not taken twice): a
    related heading's ``takes_next`` takes six teasers under "link correlati" and the
    seventh excerpt of the same list stood alone under them (it-r40-0004, round 39).

        >>> from cleannews.strip.detectors import _Line
        >>> [_excerpt_shape(_Line(t, frozenset())) for t in (
        ...     "Un grave accident s’est produit hier soir sur la rocade…",
        ...     "Le conseil a voté le budget de la commune.", "- un point de la liste cut…")]
        [True, False, False]
    """
    return (
        not ln.protected
        and ln.n >= EXCERPT_MIN_WORDS
        and _cut(_cleaned(ln))  # as it will read: a glued read-more cut (it-r28-0007)
        and not _BULLET.match(ln.text)
    )


def excerpt_run(lines, body_start: int, body_end: int) -> None:
    """Take a run of excerpts of other articles, cut with "…", under the article's text.

    :data:`EXCERPT_RUN_MIN` or more standing lines in a row (removed lines between them do
    not break the run), each of at least :data:`EXCERPT_MIN_WORDS` words, cut with an
    ellipsis, not protected and no list item, are the excerpts of a list of other articles
    (rule ``excerpt_run``) when the page's uncut paragraphs that end like a sentence above
    the run hold :data:`EXCERPT_ARTICLE_WORDS` words (the article) and no uncut paragraph of
    :data:`EXCERPT_PROSE_BELOW_WORDS` words stands below it (the article does not go on). A
    listing's teasers, cut the same way, start the page: nothing is taken there. On TRAIN
    (``fixtures/strip_real``) such runs are ``related`` after an article's text on 4 pages
    and content on 5 listing pages, which all start with the run.

        >>> from cleannews.strip.detectors import _Line, GOOD
        >>> para = "Le conseil municipal a voté le budget de la commune pour l’année prochaine. "
        >>> texts = [para * 5,
        ...          "Un grave accident s’est produit hier soir sur la rocade de la ville…",
        ...          "Les pompiers sont intervenus dans la nuit pour un incendie dans un entrepôt…",
        ...          "Le club de football local a remporté son match de coupe face à un voisin…"]
        >>> ls = [_Line(t, frozenset()) for t in texts]
        >>> for ln in ls:
        ...     ln.cls = GOOD
        >>> excerpt_run(ls, 0, 3)
        >>> [ln.removal.rule for ln in ls[1:]]
        ['excerpt_run', 'excerpt_run', 'excerpt_run']
        >>> ls = [_Line(t, frozenset()) for t in texts[1:]]  # a listing: the run starts the page
        >>> excerpt_run(ls, 0, 2)
        >>> [ln.removal for ln in ls]
        [None, None, None]
    """
    if body_start < 0:
        return
    runs: list[list[int]] = []
    run: list[int] = []
    for i, ln in enumerate(lines):
        if ln.blank:
            continue
        if _excerpt_shape(ln):
            run.append(i)  # a removed excerpt counts too (round 39: _excerpt_shape)
            continue
        if ln.cls == BAD:
            continue
        if len(run) >= EXCERPT_RUN_MIN:
            runs.append(run)
        run = []
    if len(run) >= EXCERPT_RUN_MIN:
        runs.append(run)
    if not runs:
        return
    # words of the article's paragraphs above each line, and a paragraph below it (one pass
    # each way: linear in the page however many runs it holds)
    above = [0] * (len(lines) + 1)
    for i, ln in enumerate(lines):
        above[i + 1] = above[i] + (ln.n if _article_paragraph(ln) else 0)
    prose_below = [False] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        prose_below[i] = prose_below[i + 1] or (
            ln.cls == GOOD and ln.n >= EXCERPT_PROSE_BELOW_WORDS and not _cut(_cleaned(ln))
        )
    leads = {}  # a run's first line -> the read-more glued before each of its lines
    for run in runs:
        lead = _glued_lead(lines[run[0]].text)
        if lead and all(lines[i].text.startswith(lead) for i in run):
            leads[run[0]] = lead
    led = _led_words(lines, leads)
    for run in runs:
        if above[run[0]] < EXCERPT_ARTICLE_WORDS:
            continue  # a listing's teasers (or excerpts above the article)
        if run[0] in leads and above[run[0]] - led[run[0]] < EXCERPT_ARTICLE_WORDS:
            continue  # the paragraphs above carry the run's glued read-more: the same listing
        if prose_below[run[-1] + 1]:
            continue  # the article goes on below the run
        for i in run:
            if lines[i].cls != BAD:  # a removed excerpt of the run stays its rule's
                lines[i].bad(
                    "excerpt_run", "one of several excerpts cut with '…' after the article"
                )


def _led_words(lines, leads: dict[int, str]) -> dict[int, int]:
    """For each line ``i`` of ``leads``, the words of the article's paragraphs
    (:func:`_article_paragraph`) above it that open with ``leads[i]``, in one pass over the
    page: each paragraph's words are counted under its opening of each length a lead has
    (a read-more lead holds at most 31 characters), so that many runs cost no rescans.

    >>> from cleannews.strip.detectors import _Line, GOOD
    >>> ls = [_Line(t, frozenset()) for t in ("Lire la suiteUn texte de sept mots.",
    ...       "Une phrase de cinq mots.", "Lire la suiteUn extrait…")]
    >>> for ln in ls:
    ...     ln.cls = GOOD
    >>> _led_words(ls, {2: "Lire la suite"})
    {2: 7}
    """
    sizes = {len(lead) for lead in leads.values()}
    seen: Counter[str] = Counter()
    out = {}
    for i, ln in enumerate(lines):
        if i in leads:
            out[i] = seen[leads[i]]
        if sizes and _article_paragraph(ln):
            for size in sizes:
                if len(ln.text) >= size:
                    seen[ln.text[:size]] += ln.n
    return out


def _article_paragraph(ln) -> bool:
    """A paragraph-like line that ends like a sentence and is not cut with "…"."""
    return ln.cls == GOOD and ln.text[-1:] in _PROSE_END_CHARS and not _cut(ln.text)


#: Characters that end a paragraph of prose (an excerpt's "…" aside).
_PROSE_END_CHARS = frozenset('.!?»"”)')

# --- round 40 (related55): one teaser pair left at the end of the text -----------------------

#: :func:`tail_pair`: an excerpt cut inside its sentence, the ellipsis right after a word or
#: a comma ("… une vision plus fine des tendances marquantes de...", "Ce...", "Nouve..");
#: a sentence that ends and then trails off (". …") is no cut.
_MID_CUT = regex.compile(r"[\p{L},]\s?(?:\.{2,3}|…)\s*$")
#: The pair's headline has at least this many words (an article's subheading above its
#: last, cut paragraph is shorter: "Accélération inattendue", fr-a-0021) …
TAIL_PAIR_HEADLINE_MIN_WORDS = 5
#: … and the article's uncut paragraphs that end like a sentence above it hold at least this
#: many words (a page that is one headline and its cut lead is a teaser page: content).
TAIL_PAIR_ARTICLE_WORDS = 40
#: A web address in a line: no teaser's headline.
_URL_IN = regex.compile(r"://|\bwww\.")
#: At most this many pairs are read back from the end of the text.
TAIL_PAIR_MAX = 3
#: The article's last paragraph is at most this many standing lines above the headline
#: (a rubric label alone, "►Société", may stand between them).
TAIL_PAIR_GAP = 2


def _mid_cut(ln) -> bool:
    """A teaser's excerpt cut inside its sentence (:data:`_MID_CUT`), of
    :data:`EXCERPT_MIN_WORDS` to :data:`ZONE_MAX_WORDS` words, not protected. Its glued
    spans are not read (a read-more link glued after the cut goes in the same pass: a guard
    on it would not hold on the pass's own output; :func:`_post_run` keeps a blog's posts).

    >>> from cleannews.strip.detectors import _Line
    >>> _mid_cut(_Line("La mobilisation des agriculteurs se poursuit ce lundi. Ce...", frozenset()))
    True
    >>> _mid_cut(_Line("Et le lieu le plus propice est… (vraiment surprenant !)", frozenset()))
    False
    """
    return (
        not ln.protected
        and EXCERPT_MIN_WORDS <= ln.n <= ZONE_MAX_WORDS
        and bool(_MID_CUT.search(_cleaned(ln)[-6:]))
    )


def _taken_paragraph(ln) -> bool:
    """A line below :func:`tail_pair`'s pairs that may be the article going on: of
    :data:`EXCERPT_PROSE_BELOW_WORDS` words, or of :data:`PAIR_EXCERPT_MIN_WORDS` words when
    a list rule took it (:func:`_teaser_rule`: a "Read More" heading's ``takes_next`` takes
    the article's next paragraph as readily as a teaser).

    >>> from cleannews.strip.detectors import _Line
    >>> ln = _Line("For the past 40-plus years, the Downey-born singer has been bringing "
    ...            "laughter to fans", frozenset())
    >>> _taken_paragraph(ln)
    False
    >>> ln.bad("related_lead_en", "teaser under a 'Read More' heading")
    >>> _taken_paragraph(ln)
    True
    """
    return ln.n >= EXCERPT_PROSE_BELOW_WORDS or (
        ln.n >= PAIR_EXCERPT_MIN_WORDS and ln.removal is not None and _teaser_rule(ln.removal.rule)
    )


def _post_run(lines, above: list[int]) -> bool:
    """Whether the standing lines ``above`` :func:`tail_pair`'s pairs are themselves
    (headline, paragraph) pairs and nothing else (:func:`_pair_headline`,
    :func:`_pair_excerpt`): the page is a run of posts, a blog's listing whose last post is
    cut ("… de leurs représentant... Lire la suite...", fr-r38-0028), not an article with a
    teaser under it. Unlike the post's glued read-more, which the first pass cuts, this
    reads the same on the pass's own output.

    >>> from cleannews.strip.detectors import _Line, GOOD
    >>> ls = [_Line(t, frozenset()) for t in ("C’est vraiment très mal parti !",
    ...       "En effet on voit fleurir des mouvements, des associations et des clubs "
    ...       "destinés à rassembler des habitants.")]
    >>> for ln in ls:
    ...     ln.cls = GOOD
    >>> _post_run(ls, [0, 1]), _post_run(ls, [1])
    (True, False)
    """
    if not above or len(above) % 2:
        return False
    return all(
        _pair_headline(lines[h]) and _pair_excerpt(lines[p], lines[h])
        for h, p in zip(above[::2], above[1::2], strict=True)
    )


def _tail_pairs(lines, standing: list[int]) -> list[int]:
    """The indexes (headline, excerpt, …) of the teaser pairs that end ``standing`` (the
    page's standing lines, in order), read back from the last one: up to
    :data:`TAIL_PAIR_MAX` (headline of :data:`TAIL_PAIR_HEADLINE_MIN_WORDS` words or more,
    :func:`_pair_headline`; excerpt :func:`_mid_cut`)."""
    pairs: list[int] = []
    k = len(standing) - 1
    while k >= 1 and len(pairs) < 2 * TAIL_PAIR_MAX:
        head, ex = lines[standing[k - 1]], lines[standing[k]]
        if not (
            _mid_cut(ex)
            and not head.protected
            and not _URL_IN.search(head.text)  # a link's line ("L https://www.linkedin…")
            and head.n >= TAIL_PAIR_HEADLINE_MIN_WORDS
            and _pair_headline(head)
            and not _cut(head.text)
        ):
            break
        pairs[:0] = [standing[k - 1], standing[k]]
        k -= 2
    return pairs


def tail_pair(lines, page: str = "article") -> None:
    """Take the (headline, cut excerpt) teaser pairs that end the text under an article.

    A teaser of another article is often printed alone under the article's last paragraph:
    its headline, then the first words of its text cut inside a sentence with "..." or "…"
    (:func:`_mid_cut`), then only furniture. :func:`excerpt_run` wants three cut lines in a
    row and :func:`heading_pairs` a heading: one or two pairs escaped both. Here, the last
    standing lines of the text that are up to :data:`TAIL_PAIR_MAX` such pairs
    (:func:`_tail_pairs`) go (rule ``related_zone``) when the page is no listing (``page``),
    no other standing line of the page is cut with an ellipsis (a listing of cut teasers, or
    a page cut short more than once), the article's last uncut paragraph that ends like a
    sentence stands at most :data:`TAIL_PAIR_GAP` lines above the first headline, the
    article's such paragraphs hold :data:`TAIL_PAIR_ARTICLE_WORDS` words, no line of the
    pairs reads as the article going on (:func:`_article_goes_on`: two words of its body) and
    no removed line below them reads as a paragraph (:func:`_taken_paragraph`: another rule
    took it, the article may go on there; on the stress set, seed 7, a "Read More" heading
    had taken the article's next paragraph). A headline holds no web address.
    On TRAIN (round 40): "Eurocontrol ajuste les prévisions de croissance du transport aérien
    en Europe" / "Maintenant que le pic de la saison été est passé, … tendances marquantes
    de..." under an article on Paris airports (fr-r45-0010).

        >>> from cleannews.strip.detectors import _Line, GOOD
        >>> texts = ["Les aéroports parisiens ont accusé une chute de trafic de 87,5 % en "
        ...          "novembre, avec seulement 990 000 passagers accueillis. " * 2,
        ...          "Colère agricole : nouvelle mobilisation ce lundi près de Clermont",
        ...          "Les paysans reprennent leurs barrages sur la rocade depuis ce matin. Ce..."]
        >>> def page():
        ...     ls = [_Line(t, frozenset()) for t in texts]
        ...     for ln in ls:
        ...         ln.cls = GOOD
        ...     return ls
        >>> ls = page()
        >>> tail_pair(ls)
        >>> [ln.removal.rule if ln.removal else None for ln in ls]
        [None, 'related_zone', 'related_zone']
        >>> texts[2] = "Les passagers des aéroports parisiens reviennent peu à peu. Ce..."
        >>> ls = page()
        >>> tail_pair(ls)  # the article goes on (its own words): it stays
        >>> [ln.removal for ln in ls]
        [None, None, None]
    """
    if page == "listing":
        return
    standing = kept_standing(lines)
    pairs = _tail_pairs(lines, standing)
    if not pairs:
        return
    first = standing.index(pairs[0])
    above = standing[:first]
    if any(_cut(_cleaned(lines[i])) for i in above):
        return  # a listing's cut teasers, or a page cut short: the pairs are its own
    if _post_run(lines, above):
        return  # a run of (headline, paragraph) posts: the pairs are the listing's own
    if not any(_article_paragraph(lines[i]) for i in above[-TAIL_PAIR_GAP:]):
        return  # no article paragraph right above: a list of its own, a cut page
    body = _body_words(lines, 0, pairs[0] - 1)
    if sum(lines[i].n for i in above if _article_paragraph(lines[i])) < TAIL_PAIR_ARTICLE_WORDS:
        return
    if any(_article_goes_on(lines[i], body) for i in pairs):
        return
    if any(_taken_paragraph(lines[k]) for k in range(pairs[-1] + 1, len(lines))):
        return  # a paragraph below, removed by another rule: the article may go on there
    for i in pairs:
        lines[i].bad("related_zone", "teaser of another article (headline, cut excerpt) "
                     "ending the text under the article")

#: :func:`comment_form`: a comment form's lines (prompts, field labels, counters, rules
#: links) have at most this many words; a longer line is a comment or the page going on.
COMMENT_FORM_MAX_WORDS = 8
#: A paragraph of this many words right under the form's run: the run was the article's
#: (its subheadings), and nothing is taken (a headline of the next widget is shorter).
COMMENT_PROSE_BELOW_WORDS = 12


def _comment_rule(rule) -> bool:
    """A rule of the comment families of the data files (prompts, forms, notices, actions).

    >>> class R:
    ...     name = "comment_prompt_en"
    >>> _comment_rule(R()), _comment_rule(None)
    (True, False)
    """
    return rule is not None and rule.name.startswith(COMMENT_RULE_PREFIX)


#: Rule names of the comment families start with this.
COMMENT_RULE_PREFIX = "comment_"


def _closes_form(rule) -> bool:
    """A rule whose line ends a comment form (:data:`FORM_CLOSING_RULES`).

    >>> class R:
    ...     name = "wpcom_comment_form_en"
    >>> _closes_form(R()), _closes_form(None)
    (True, False)
    """
    return rule is not None and rule.name in FORM_CLOSING_RULES


def comment_form(lines, matched: list, body_end: int) -> None:
    """Take the short lines of a comment form under a comment heading, after the body.

    After ``body_end``, a line a comment rule removed (``comment_prompt`` "0 Commentaires",
    "LAISSER UN COMMENTAIRE" …) opens the form: the run of standing lines below it of at most
    :data:`COMMENT_FORM_MAX_WORDS` words (lines other rules removed do not break it) goes
    (rule ``comment_form``): "Votre commentaire", "0 / 600", "S'il vous plaît entrez votre
    commentaire!". All or none: nothing is taken when the line that ends the run is a
    paragraph of :data:`COMMENT_PROSE_BELOW_WORDS` words (the run held the article's
    subheadings, whose text goes on below), a list item or a "Label : value" line, or when
    a line of the run is the article's (:func:`_article_line`: protected, a list item, a
    sentence starting with a lower-case letter).

        >>> from cleannews.strip.detectors import _Line, GOOD
        >>> class R:
        ...     name = "comment_prompt"
        >>> texts = ["Le texte de l’article s’arrête ici, avec une phrase assez longue.",
        ...          "0 Commentaires", "Votre commentaire", "0 / 600",
        ...          "Un autre article du site sur la météo de demain et des jours suivants"]
        >>> ls = [_Line(t, frozenset()) for t in texts]
        >>> ls[0].cls = GOOD
        >>> ls[1].bad("comment_prompt", "prompt")
        >>> comment_form(ls, [None, R(), None, None, None], 0)
        >>> [ln.removal.rule if ln.removal else None for ln in ls[2:]]
        ['comment_form', 'comment_form', None]
        >>> ls = [_Line(t, frozenset()) for t in texts[:3]] + [_Line(texts[0], frozenset())]
        >>> ls[0].cls = ls[3].cls = GOOD  # "Votre commentaire" heads a paragraph: the article's
        >>> ls[1].bad("comment_prompt", "prompt")
        >>> comment_form(ls, [None, R(), None, None], 0)
        >>> ls[2].removal is None
        True
    """
    if body_end < 0:
        return
    k = body_end + 1
    while k < len(lines):
        rule = matched[k] if k < len(matched) else None
        k += 1
        if not (_comment_rule(rule) and lines[k - 1].cls == BAD):
            continue
        run = []
        while k < len(lines):
            ln = lines[k]
            if ln.cls == BAD and _closes_form(matched[k] if k < len(matched) else None):
                break  # the form's last lines: what follows is not the form
            if ln.blank or ln.cls == BAD:
                k += 1
                continue
            if ln.cls == GOOD or ln.n > COMMENT_FORM_MAX_WORDS:
                break
            run.append(ln)
            k += 1
        end = lines[k] if k < len(lines) else None
        if end is not None and (
            (end.cls == GOOD and end.n >= COMMENT_PROSE_BELOW_WORDS)
            or _list_item(end.text)
            or _LABEL_VALUE.search(end.text)
        ):
            continue  # the article goes on under the run: its subheadings or its list
        if any(_article_line(ln) for ln in run):
            continue
        for ln in run:
            ln.bad("comment_form", "a comment form's line under its heading, after the body")


def _article_line(ln) -> bool:
    """A short line that is the article's rather than a form's: protected, a list item, a
    "Label : value" line, or a sentence starting with a lower-case letter (a list's item
    going on).

    >>> from cleannews.strip.detectors import _Line
    >>> _article_line(_Line("la D936 à Gardonne, dans les deux sens.", frozenset()))
    True
    >>> _article_line(_Line("Votre commentaire", frozenset()))
    False
    >>> _article_line(_Line("user avatar", frozenset()))
    False
    """
    text = ln.text.lstrip()
    return (
        ln.protected
        or _list_item(text)
        or bool(_LABEL_VALUE.search(text))
        or (text[:1].isalpha() and text[:1].islower() and text[-1:] in _ITEM_END_CHARS)
    )


#: A line starting with a lower-case letter and ending with one of these is an item of the
#: article's list going on ("la D936 à Gardonne, dans les deux sens."), not a form's label
#: ("user avatar").
_ITEM_END_CHARS = frozenset(".;,:!?")


#: :func:`caption_copies`: a caption printed twice has at least this many words …
CAPTION_COPY_MIN_WORDS = 4
#: … and at most this many (a paragraph printed twice by a template is longer).
CAPTION_COPY_MAX_WORDS = 40
#: Rules whose removal is a photo credit besides the data files' ``takes_prev_caption`` ones
#: (a caption with its credit glued: "Les forces du GIGN … © Maxppp").
CREDIT_RULES = frozenset({"copyright_credit", "caption_end_credit", "inline_photo_credit"})
_NORM_SEP = LazyPattern(r"[\W_]++")


def _norm(text: str) -> str:
    """Case-folded words of ``text`` joined by one space (punctuation and symbols dropped).

    >>> _norm("Les forces du GIGN ont été appelées sur place. © Maxppp")
    'les forces du gign ont été appelées sur place maxppp'
    """
    return " ".join(_NORM_SEP.split(text.casefold())).strip()


def _credit(ln, rule) -> bool:
    """A line removed as a photo credit."""
    if ln.cls != BAD or ln.removal is None:
        return False
    if rule is not None and getattr(rule, "takes_prev_caption", False):
        return True
    return ln.removal.rule in CREDIT_RULES


def caption_copies(lines, matched: list, idx: list[int] | None = None) -> None:
    """Take the copies of a caption standing right above its photo credit.

    Templates print a caption twice (the image's ``alt`` text, then the caption) or once alone
    and once with its credit. Right above a line removed as a photo credit (a data-file rule
    with ``takes_prev_caption``, or :data:`CREDIT_RULES`), the standing lines that are the
    same text (:data:`CAPTION_COPY_MIN_WORDS` to :data:`CAPTION_COPY_MAX_WORDS` words) go
    (rule ``caption_copy``). A line printed once, a list item or a protected line stays; so
    does a copy of the page's first standing line (the headline printed twice). Not taken: a
    line whose words begin the credit line ("Les forces du GIGN ont été appelées sur place."
    above "… sur place. © Maxppp"): on TRAIN one such line is a caption and one the article's
    standfirst, which the template printed again as the caption.

        >>> from cleannews.strip.detectors import _Line
        >>> texts = ["Le titre de l’article",
        ...          "Un électeur dépose une enveloppe de vote à la Poste.",
        ...          "Un électeur dépose une enveloppe de vote à la Poste.", "Photo : AFP"]
        >>> ls = [_Line(t, frozenset()) for t in texts]
        >>> ls[3].bad("photo_credit", "credit")
        >>> class R:
        ...     takes_prev_caption = True
        >>> caption_copies(ls, [None, None, None, R()])
        >>> [ln.removal.rule if ln.removal else None for ln in ls]
        [None, 'caption_copy', 'caption_copy', 'photo_credit']
    """
    if idx is None:
        idx = [i for i, ln in enumerate(lines) if not ln.blank]
    first = next((i for i in idx if lines[i].cls != BAD), -1)
    for p, i in enumerate(idx):
        if p == 0 or not _credit(lines[i], matched[i] if i < len(matched) else None):
            continue
        prev = [idx[q] for q in (p - 1, p - 2) if q >= 0]
        if not prev or not _caption_shaped(lines[prev[0]]) or prev[0] == first:
            continue
        a = _norm(lines[prev[0]].text)
        if not a:
            continue
        if len(prev) == 2 and prev[1] != first and _caption_shaped(lines[prev[1]]):
            if _norm(lines[prev[1]].text) == a:
                for k in prev:
                    lines[k].bad("caption_copy", "a caption printed twice, above its photo credit")


def _caption_shaped(ln) -> bool:
    """A standing line that may be a caption: its length in words, no list item, not
    protected."""
    return (
        ln.cls != BAD
        and not ln.protected
        and CAPTION_COPY_MIN_WORDS <= ln.n <= CAPTION_COPY_MAX_WORDS
        and not _list_item(ln.text)
    )


# --- branch recall52: an image's keywords on a line of their own -----------------------------

#: :func:`keyword_echo`: an image's keywords printed as a line have at most this many words …
KEYWORD_ECHO_MAX_WORDS = 5
#: … and stand above a paragraph of the article of at least this many words (a lower-case
#: label among other short lines is a menu's or a list's, left to them; stress set seed 7:
#: with a paragraph above only, a cut fragment under the line went by ``context``).
KEYWORD_ECHO_PARAGRAPH_WORDS = 8
#: The line is words, digits, spaces, hyphens and underscores only (no sentence punctuation,
#: no bracket, no quote) and opens with a lower-case letter.
_KEYWORD_ECHO = LazyPattern(r"(?-i:\p{Ll})[\p{L}\d _-]*+")
#: The next standing line opens a sentence: a capital, a digit or an opening quote.
_OPENS_SENTENCE = LazyPattern(r"(?-i:\p{Lu})|\d|[«\"“'‘]")


def _keyword_shaped(ln) -> bool:
    """A standing line that may be an image's keywords: lower-case first letter, at most
    :data:`KEYWORD_ECHO_MAX_WORDS` words, no stop word of the page's language, no punctuation.

    >>> from cleannews.strip.detectors import _Line
    >>> stop = frozenset({"de", "la", "le"})
    >>> [_keyword_shaped(_Line(t, stop)) for t in ("petardi sequestro sassari",
    ...     "couffin ramadan 2017", "marché de la viande", "Politique", "deux mots.")]
    [True, True, False, False, False]
    """
    return (
        _stands(ln)
        and not ln.protected
        and not ln.table
        and 1 <= ln.n <= KEYWORD_ECHO_MAX_WORDS
        and ln.stop == 0
        and _KEYWORD_ECHO.fullmatch(_cleaned(ln)) is not None
    )


def keyword_echo(lines, idx: list[int] | None = None) -> None:
    """Take a line of an image's keywords standing between the article's sentences (rule
    ``keyword_echo``).

    CMS templates print a picture's ``alt`` or ``title`` text, written as search keywords,
    on a line of its own: "marché logement neuf incertain" (fr-g-0037), "sigarette"
    (it-c-0017), "bosto" (it-c-0007), "batiment" (fr-r33-0008), "article placeholder"
    (fr-f-0015). Such a line (:func:`_keyword_shaped`: it opens with a lower-case letter, has
    at most :data:`KEYWORD_ECHO_MAX_WORDS` words, no stop word of the page's language and no
    punctuation) goes when it stands between two sentences: the line above it (if one
    stands) ends one, and the line under it opens one (a capital, a digit, a quote) and is a
    paragraph of :data:`KEYWORD_ECHO_PARAGRAPH_WORDS` words or more. A word of a sentence cut
    over several lines ("un homme à l'origine de" / "deux" / "incendies" / "cette semaine …",
    fr-a-0168) has no sentence end above it, and stays.

        >>> from cleannews.strip.detectors import _Line
        >>> stop = frozenset({"de", "la", "le", "à", "les", "a", "été", "en"})
        >>> texts = ["Les carabiniers ont saisi une demi-tonne de pétards en centre-ville.",
        ...          "petardi sequestro sassari",
        ...          "Le matériel a été détruit dans la journée par les artificiers."]
        >>> ls = [_Line(t, stop) for t in texts]
        >>> keyword_echo(ls)
        >>> [ln.removal.rule if ln.removal else None for ln in ls]
        [None, 'keyword_echo', None]
        >>> ls = [_Line(t, stop) for t in ("un homme à l'origine de", "deux", "incendies",
        ...                                 "cette semaine a été interpellé samedi à Paris.")]
        >>> keyword_echo(ls)
        >>> [ln.removal for ln in ls]
        [None, None, None, None]
    """
    if idx is None:
        idx = [i for i, ln in enumerate(lines) if not ln.blank]
    standing = [i for i in idx if _stands(lines[i])]  # removed lines between do not count
    for p, i in enumerate(standing):
        ln = lines[i]
        if not _keyword_shaped(ln) or p + 1 >= len(standing):
            continue
        below = lines[standing[p + 1]]
        if _OPENS_SENTENCE.match(_cleaned(below)) is None:
            continue
        above = lines[standing[p - 1]] if p else None
        if above is not None and not above.ends:
            continue  # a word of a sentence cut over lines, or an item under a heading
        if below.n >= KEYWORD_ECHO_PARAGRAPH_WORDS:
            ln.bad("keyword_echo", "an image's keywords printed between the article's sentences")


#: :func:`card_zone`: a separator (a removed line printed between the cards of a list of other
#: articles: "Lire plus", "Image", "Animations", a video's duration) has at most this many
#: words …
CARD_SEPARATOR_MAX_WORDS = 4
#: … and recurs at least this many times, …
CARD_MIN_SEPARATORS = 3
#: … with at most this many standing lines between two of them (a card: headline, excerpt,
#: place or date).
CARD_MAX_LINES = 4
#: Every card between two separators holds a headline: a line of at most this many words that
#: does not end like a sentence.
CARD_HEADLINE_MAX_WORDS = 15
#: A standing heading of the cards has at most this many words ("Recommandations").
CARD_HEADING_MAX_WORDS = 3
#: Words of the uncut paragraphs ending like a sentence above the heading: the article.
CARD_ARTICLE_WORDS = 60
#: … or this many under a heading a related-articles rule removed ("Sur le même sujet"): the
#: heading says what the cards are, a paragraph of the article above it is enough (a short
#: video page's two sentences, fr-r27-0018; issue 10, round 29).
CARD_RELATED_ARTICLE_WORDS = 20
#: The walk up from the first separator to the heading crosses at most this many lines.
CARD_WALK_MAX = 3 * CARD_MAX_LINES
#: The cards' words are compared with the last this many paragraphs of the article above.
CARD_BODY_LINES = 30
_DIGIT = regex.compile(r"\d")
#: The rule name :func:`run_heading` removes with.
RUN_HEADING_RULE = "run_heading"


def _card_key(text: str) -> str:
    """A separator's text with its figures blanked ("20:43" and "22:04" are one separator).

    >>> _card_key("Lire  plus"), _card_key("20:43")
    ('lire plus', '00:00')
    """
    return _DIGIT.sub("0", " ".join(text.casefold().split()))


def _related_heading(ln) -> bool:
    """A line removed as a heading of other articles (``related_*`` rules, the
    :data:`TAIL_OPENING_RULES`, ``run_heading``)."""
    if ln.cls != BAD or ln.removal is None:
        return False
    rule = ln.removal.rule
    return (
        rule.startswith(TEASER_RULE_PREFIX)
        or rule in TAIL_OPENING_RULES
        or rule == RUN_HEADING_RULE
    )


def _heading_shaped(ln) -> bool:
    """A standing line that may head a list: a few words, no sentence end, no list item, no
    "Label : value", not protected."""
    return (
        ln.cls != BAD
        and not ln.protected
        and 0 < ln.n <= CARD_HEADING_MAX_WORDS
        and ln.text[-1:] not in _SENTENCE_END_CHARS
        and not _list_item(ln.text)
        and not _LABEL_VALUE.search(ln.text)
    )


def card_zone(lines, idx: list[int] | None = None) -> None:
    """Take a list of other articles printed as cards between recurring separators.

    A removed line of at most :data:`CARD_SEPARATOR_MAX_WORDS` words (same text, figures
    aside: :func:`_card_key`) that recurs :data:`CARD_MIN_SEPARATORS` times or more with at
    most :data:`CARD_MAX_LINES` standing lines between two occurrences, each such card holding
    a headline (:data:`CARD_HEADLINE_MAX_WORDS` words, no sentence end), is a list of cards.
    It is taken (rule ``card_zone``) from its heading down to the last separator when the line
    right above the first card is a heading — removed by a related-articles rule ("Sur le même
    sujet...") or a standing line of at most :data:`CARD_HEADING_MAX_WORDS` words, taken too
    ("Recommandations") — with the article above it (:data:`CARD_ARTICLE_WORDS` words of
    paragraphs ending like a sentence, :data:`CARD_RELATED_ARTICLE_WORDS` under a heading of
    related articles) and no separator of the same text above it (a listing
    page's cards start at its top). The whole zone stays when one of its lines is a list item,
    a "Label : value" line or over :data:`ZONE_MAX_WORDS` words, or when more than half of
    its paragraphs share :data:`ZONE_SHARED_WORDS` words with the article (the article's own
    sections between recurring furniture, e.g. ad labels). Protected lines stay.

        >>> from cleannews.strip.detectors import _Line, GOOD
        >>> para = "La police de Liège inaugure ses nouveaux locaux d’accueil ce mardi. " * 5
        >>> cards = []
        >>> for t in ("Bonne nouvelle à Herstal", "La passerelle Vialta en montage",
        ...           "Quatorze maisons détruites à Chaudfontaine"):
        ...     cards += [t, "Un court résumé d’un autre sujet du site, avec ses détails.",
        ...               "Lire plus"]
        >>> ls = [_Line(t, frozenset()) for t in [para, "Recommandations", *cards]]
        >>> ls[0].cls = GOOD
        >>> for ln in ls[4::3]:
        ...     ln.bad("repeated_block", "repeated")
        >>> card_zone(ls)
        >>> [ln.removal.rule for ln in ls[1:5]]
        ['card_zone', 'card_zone', 'card_zone', 'repeated_block']
    """
    if idx is None:
        idx = [i for i, ln in enumerate(lines) if not ln.blank]
    if not _article_reaches(lines, idx, min(CARD_ARTICLE_WORDS, CARD_RELATED_ARTICLE_WORDS)):
        return  # no card is taken without the article above it (_take_cards): none to read
    occ: dict[str, list[int]] = {}
    for p, i in enumerate(idx):
        ln = lines[i]
        if ln.cls == BAD and ln.n <= CARD_SEPARATOR_MAX_WORDS:
            occ.setdefault(_card_key(ln.text), []).append(p)
    if not any(len(ps) >= CARD_MIN_SEPARATORS for ps in occ.values()):
        return
    # positions (in ``idx``) of the article's paragraphs, and their words up to each position
    article = [p for p, i in enumerate(idx) if _article_paragraph(lines[i])]
    words = [0] * (len(idx) + 1)
    for p, i in enumerate(idx):
        words[p + 1] = words[p] + (lines[i].n if _article_paragraph(lines[i]) else 0)
    page = (article, words)
    skip = list(range(len(idx) + 1))  # see _standing_between
    for ps in occ.values():
        if len(ps) < CARD_MIN_SEPARATORS:
            continue
        chain = [ps[0]]
        for a, b in pairwise(ps):
            # two adjacent separators hold no card: the lines between them are not listed
            # (a page of one short line repeated, "Art. 3" x 142,858, listed none 142,857
            # times; round 35, perf50)
            if b > a + 1:
                standing = _standing_between(lines, idx, skip, a, b)
                if len(standing) <= CARD_MAX_LINES and (
                    not standing or any(_card_headline(lines[i]) for i in standing)
                ):
                    chain.append(b)
                    continue
            _take_cards(lines, idx, chain, ps[0], page)
            chain = [b]
        _take_cards(lines, idx, chain, ps[0], page)


def _article_reaches(lines, idx: list[int], least: int) -> bool:
    """Whether the article's paragraphs (:func:`_article_paragraph`) among the lines at
    ``idx`` hold at least ``least`` words: :func:`_take_cards` takes a chain only under that
    many words of them, so :func:`card_zone` reads no separator on a page with fewer (a page
    of one short line repeated, "Art. 3" x 142,857, blanked the figures of every line twice a
    neighbour round; round 36, perf51). The walk ends at the words needed: a real page's
    first paragraphs.

    >>> from cleannews.strip.detectors import _Line, GOOD
    >>> ls = [_Line(t, frozenset()) for t in ("Art. 3", "Le maire a signé l’arrêté hier.")]
    >>> ls[1].cls = GOOD
    >>> _article_reaches(ls, [0, 1], 7), _article_reaches(ls, [0, 1], 8)
    (True, False)
    """
    words = 0
    for i in idx:
        ln = lines[i]
        if _article_paragraph(ln):
            words += ln.n
            if words >= least:
                return True
    return False


def _standing_between(lines, idx: list[int], skip: list[int], a: int, b: int) -> list[int]:
    """The lines (indexes) that are not removed between the positions ``a`` and ``b`` of
    ``idx``, at most :data:`CARD_MAX_LINES` + 1 of them (enough to tell "too many").

    Listing every line between each pair of separators was quadratic on a long page with many
    recurring short lines (80,000 lines: 22 s, 160,000: 81 s). ``skip`` holds skip pointers
    (``skip[p] == p`` for a position not known to be removed) shared by the whole
    :func:`card_zone` call, where lines only ever turn removed: each removed position is
    stepped over once, then jumped.

    >>> from cleannews.strip.detectors import _Line
    >>> ls = [_Line(t, frozenset()) for t in ("a", "b", "c", "d")]
    >>> ls[1].bad("x", "y")
    >>> _standing_between(ls, [0, 1, 2, 3], list(range(5)), 0, 3)
    [2]
    """
    found: list[int] = []
    p = _next_standing(lines, idx, skip, a + 1)
    while p < b and len(found) <= CARD_MAX_LINES:
        found.append(idx[p])
        p = _next_standing(lines, idx, skip, p + 1)
    return found


def _next_standing(lines, idx: list[int], skip: list[int], p: int) -> int:
    """The first position from ``p`` whose line is not removed (``len(idx)`` if none),
    compressing the skip pointers on the way."""
    path = []
    while p < len(idx):
        if skip[p] != p:
            path.append(p)
            p = skip[p]
        elif lines[idx[p]].cls == BAD:
            skip[p] = p + 1
            path.append(p)
            p += 1
        else:
            break
    for q in path:
        skip[q] = p
    return p


def _card_headline(ln) -> bool:
    """A card's headline: at most :data:`CARD_HEADLINE_MAX_WORDS` words, no sentence end; a
    headline ending with a quoted name counts (branch strip-rel8: :func:`_quoted_end`).

    >>> from cleannews.strip.detectors import _Line
    >>> [_card_headline(_Line(t, frozenset())) for t in (
    ...     'Binche : quatrième édition du défilé "Coup de Chapeau"',
    ...     "Le maire : « Nous avons tenu nos promesses. »", "Un autre titre du site")]
    [True, False, True]
    """
    if not 0 < ln.n <= CARD_HEADLINE_MAX_WORDS:
        return False
    return ln.text[-1:] not in _SENTENCE_END_CHARS or _quoted_end(ln.text)


#: Closing quotation marks and the opening marks each one closes.
_QUOTE_PAIRS = {'"': '"', "”": "“", "»": "«"}


def _quoted_end(text: str) -> bool:
    """A line ending with a quoted name or title, not a quoted sentence: the closing mark
    has its opening mark in the line and no sentence punctuation stands inside before it
    (``défilé "Coup de Chapeau"``, not ``« Nous avons tenu nos promesses. »``).

    >>> _quoted_end('Binche : le défilé "Coup de Chapeau"'), _quoted_end("« Oui. »")
    (True, False)
    >>> _quoted_end('un seul guillemet"')
    False
    """
    opening = _QUOTE_PAIRS.get(text[-1:])
    if opening is None:
        return False
    start = text.rfind(opening, 0, len(text) - 1)
    if start < 0:
        return False
    inside = text[start + 1 : -1].rstrip()
    return bool(inside) and inside[-1:] not in _SENTENCE_END_CHARS and inside[-1:] not in "?!…"


def _take_cards(lines, idx: list[int], chain: list[int], first: int, page: tuple) -> None:
    """:func:`card_zone` for one chain of separators (positions in ``idx``); ``first``: the
    position of the separator's first occurrence; ``page``: (positions of the article's
    paragraphs, their words up to each position)."""
    if len(chain) < CARD_MIN_SEPARATORS:
        return
    q, first_card = chain[0] - 1, 0
    while q >= 0 and chain[0] - q <= CARD_WALK_MAX:
        ln = lines[idx[q]]
        if ln.cls == BAD:
            if _related_heading(ln):
                break
        elif _heading_shaped(ln) and (first_card or q == chain[0] - 1):
            break  # above the first card (or right above the first separator: no first card)
        elif ln.protected or first_card >= CARD_MAX_LINES:
            return
        else:
            first_card += 1
        q -= 1
    else:
        return
    if first < chain[0]:
        return  # the same separator above the chain: a listing's cards from the top
    heading = idx[q]
    article, words = page
    if words[q] < (
        CARD_RELATED_ARTICLE_WORDS if _related_heading(lines[heading]) else CARD_ARTICLE_WORDS
    ):
        return
    zone = [
        lines[i]
        for i in idx[q + 1 : chain[-1]]
        if lines[i].cls != BAD and not lines[i].protected
    ]
    zone += _cut_card(lines, idx, chain[-1])
    if any(
        ln.n > ZONE_MAX_WORDS or _list_item(ln.text) or (
            ln.n <= LABEL_VALUE_MAX_WORDS and _LABEL_VALUE.search(ln.text)
        )
        for ln in zone
    ):
        return
    last = bisect_left(article, q)  # the article's paragraphs above the heading: the last few
    body = frozenset(
        w
        for p in article[max(0, last - CARD_BODY_LINES) : last]
        for w in lines[idx[p]].words
        if len(w) >= SHARED_WORD_CHARS and not w.isdigit()
    )
    paras = [ln for ln in zone if ln.cls == GOOD]
    if paras and 2 * sum(_shares(ln, body) for ln in paras) > len(paras):
        return  # the article's own sections between recurring furniture
    if lines[heading].cls != BAD:
        zone.append(lines[heading])
    for ln in zone:
        ln.bad("card_zone", "a card of a list of other articles between recurring separators")


def _cut_card(lines, idx: list[int], last: int) -> list:
    """The last card of a list of cards when the page ends inside it (branch strip-rel8): the
    standing lines after the last separator (position ``last`` in ``idx``) down to the end of
    the text, when there are at most :data:`CARD_MAX_LINES` of them, all standing (nothing
    removed below: the page's furniture goes on otherwise), one a headline
    (:func:`_card_headline`). A stored copy cut after "Lire plus" leaves the next card's
    headline and half its excerpt. Otherwise none.

        >>> from cleannews.strip.detectors import _Line
        >>> ls = [_Line(t, frozenset()) for t in ("Lire plus",
        ...       "239 places d’accueil en crèche sauvées en province de Liège",
        ...       "Le gouvernement wallon a débloqué un budget de 8,2 mill")]
        >>> ls[0].bad("repeated_block", "repeated")
        >>> [ln.text[:3] for ln in _cut_card(ls, [0, 1, 2], 0)]
        ['239', 'Le ']
    """
    rest = [lines[i] for i in idx[last + 1 :]]
    if not rest or len(rest) > CARD_MAX_LINES or any(ln.cls == BAD for ln in rest):
        return []
    if any(ln.protected for ln in rest) or not any(_card_headline(ln) for ln in rest):
        return []
    return rest


def _shares(ln, body: frozenset[str]) -> bool:
    """``ln`` holds :data:`ZONE_SHARED_WORDS` words of ``body``."""
    return sum(w in body for w in ln.words) >= ZONE_SHARED_WORDS


# --- branch nav16 (issue 10): teaser pairs under a related heading ---------------------------
#: Fewest (headline, excerpt) pairs that make a zone with paragraphs a list of other articles
#: (the zone's other guards: :func:`_heading_zone`).
PAIR_MIN = 1
#: Most words of a pair's headline line.
PAIR_HEADLINE_MAX_WORDS = 25
#: Fewest words of a pair's headline line.
PAIR_HEADLINE_MIN_WORDS = 3
#: A headline of a teaser pair ends with no sentence or clause punctuation but "?", "!", a
#: quote or a closing bracket.
_PAIR_HEADLINE_BAD_END = frozenset(".;,:…")


def _pair_headline(ln) -> bool:
    """A line that can head a teaser pair: :data:`PAIR_HEADLINE_MIN_WORDS` to
    :data:`PAIR_HEADLINE_MAX_WORDS` words, no final period, clause mark or ellipsis, no bullet.

    >>> from cleannews.strip.detectors import _Line
    >>> _pair_headline(_Line("Lille : un homme blessé à la gorge à coup de tesson", frozenset()))
    True
    >>> _pair_headline(_Line("Le conseil a voté le budget.", frozenset()))
    False
    """
    text = ln.text.rstrip()
    return (
        PAIR_HEADLINE_MIN_WORDS <= ln.n <= PAIR_HEADLINE_MAX_WORDS
        and text[-1:] not in _PAIR_HEADLINE_BAD_END
        and not _list_item(text)
    )


def teaser_pairs(zone: list) -> bool:
    """Whether the standing lines ``zone`` under a related heading are teaser pairs: every
    paragraph-like line of :data:`ZONE_PARAGRAPH_WORDS` words or more (an excerpt) stands
    right under a headline-shaped line that is no such paragraph (:func:`_pair_headline`),
    and there are at least :data:`PAIR_MIN` such (headline, excerpt) pairs. A teaser list
    prints one excerpt under each headline; the article going on under a heading that cuts
    into it prints paragraphs one after the other. :func:`_heading_zone` then takes the zone
    under its other guards (a line over :data:`ZONE_MAX_WORDS` words, a paragraph sharing
    words with the body, a list item keep it whole). One pass over the zone.

    "Vous pouvez aussi aimer" after an article, then "Grande-Synthe (59) : Les bénévoles du
    camp commencent à s’épuiser" / "L’association en charge de la gestion du camp … lance un
    SOS. …" and four more such pairs (fr-e-0017): a list of other articles.

        >>> from cleannews.strip.detectors import _Line, GOOD
        >>> def zone(*texts):
        ...     ls = [_Line(t, frozenset()) for t in texts]
        ...     for ln in ls:
        ...         ln.cls = GOOD if ln.n >= ZONE_PARAGRAPH_WORDS else ln.cls
        ...     return ls
        >>> ex = " ".join(["mot"] * 35) + "."
        >>> teaser_pairs(zone("Un premier titre du site", ex, "Un deuxième titre du site", ex))
        True
        >>> teaser_pairs(zone("Un premier titre du site", ex, ex))  # paragraphs in a row
        False
    """
    pairs = 0
    prev = None
    for ln in zone:
        if ln.cls == GOOD and ln.n >= ZONE_PARAGRAPH_WORDS:
            if prev is None or (prev.cls == GOOD and prev.n >= ZONE_PARAGRAPH_WORDS):
                return False
            if not _pair_headline(prev):
                return False
            pairs += 1
        prev = ln
    return pairs >= PAIR_MIN
#: Fewest (headline, excerpt) pairs under a heading inside the body run (:func:`heading_pairs`).
HEADING_PAIRS_MIN = 3
#: Most lines read upwards from a heading for the line above it (a list item there: the
#: heading cuts into the article's list); bounded so that many headings cost linear time.
PAIR_WALK_MAX = 12
#: Fewest words of a pair's excerpt line.
PAIR_EXCERPT_MIN_WORDS = 12


def _pair_excerpt(ln, head) -> bool:
    """A line that can be the excerpt under the headline ``head``: paragraph-like, of
    :data:`PAIR_EXCERPT_MIN_WORDS` to :data:`ZONE_MAX_WORDS` words and longer than ``head``."""
    return ln.cls == GOOD and PAIR_EXCERPT_MIN_WORDS <= ln.n <= ZONE_MAX_WORDS and ln.n > head.n


def _pairs_heading(rule, page: str = "article") -> bool:
    """Whether a rule's removed line can head :func:`heading_pairs`' zone: one of
    :data:`TAIL_OPENING_RULES`, or (round 39) any whole-line rule of the ``related`` category
    ("À lire également", "Most Popular", "Related Stories", "Ultime notizie": the
    ``related_lead*`` and ``related_heading*`` families). Those are no tail opening for
    :func:`_heading_zone`, whose zone is any short line (the article's own lines went on
    under a "related_lead" heading on 3 TRAIN pages); here the zone must be teaser pairs
    down to the end of the text, which the article's text is not. A prefix rule's line
    ("À lire aussi : Titre") is one link inside the article and heads nothing. Nor does
    such a heading on a page read as a listing (``page``, :func:`~._pagekind.page_kind`):
    its (headline, summary) pairs are the page's content (and :func:`_pair_above` keeps a
    listing's pairs that the page kind did not tell).

        >>> from cleannews.strip._rules import Rule
        >>> lead = Rule("related_lead_en", "related", "line", "heading", ())
        >>> _pairs_heading(lead), _pairs_heading(lead, "listing")
        (True, False)
        >>> _pairs_heading(Rule("related_link", "related", "prefix", "link", ()))
        False
    """
    return rule.name in TAIL_OPENING_RULES or (
        page != "listing" and rule.category == "related" and rule.kind == "line"
    )


def _pair_above(up: list) -> bool:
    """Whether a (headline, excerpt) pair (:func:`_pair_headline`, :func:`_pair_excerpt`)
    stands right above a related heading or one line above it (``up``: the nearest standing
    lines above, nearest first): the heading sits inside a list of such pairs, a listing's
    summaries (another site's "Read More" put between a headline and its summary on
    fr-a-0186, tests/test_stress23.py), not under an article.

        >>> from cleannews.strip.detectors import _Line, GOOD
        >>> ex = _Line("Un homme a été interpellé en possession d'un matériel de piratage de "
        ...            "cartes bancaires. Son commanditaire court toujours.", frozenset())
        >>> ex.cls = GOOD
        >>> head = _Line("« Ce n’est pas un comptoir, c’est une barre de tribunal »", frozenset())
        >>> _pair_above([head, ex, head]), _pair_above([ex])
        (True, False)
    """
    return any(
        _pair_headline(h) and _pair_excerpt(e, h)
        for e, h in ((up[k], up[k + 1]) for k in range(min(2, len(up) - 1)))
    )


def heading_pairs(lines, matched: list, body_start: int, page: str = "article") -> None:
    """Teaser pairs under a related-articles heading that the body run swallowed.

    The page-kind body (:func:`~._pagekind.page_kind`) is the longest run of paragraph-like
    lines, furniture not breaking it: a list of other articles whose excerpts read like
    paragraphs extends it down to the end of the page, and :func:`_heading_zone` (which
    looks after the body) never sees the heading. Here, a line removed by one of
    :data:`TAIL_OPENING_RULES` below the body's first line opens a zone down to the end of
    the text when every standing line of it is part of a (headline, excerpt) pair
    (:func:`_pair_headline`, :func:`_pair_excerpt`: one excerpt under each headline; the
    last line may be a lone headline), with at least
    :data:`HEADING_PAIRS_MIN` pairs and no list item, unless more than half of the pairs
    share :data:`ZONE_SHARED_WORDS` words with the article's paragraphs above the heading
    (the article's own sections; a teaser tells another story, though a local site's
    teasers may share the town's name). All or none, rule ``related_zone``. One pass over the lines
    below each such heading (the first one that opens a zone ends the search).

    "Vous pouvez aussi aimer" under a one-paragraph article, then five pairs such as
    "Tourcoing : Prison pour Adjmir, l’agresseur d’un chauffeur de Transpole" / "« Je ne veux
    pas d’avocat. … » clame Adjmir Poupon, …" (fr-e-0017).

        >>> from cleannews.strip.detectors import _Line, GOOD
        >>> class R:
        ...     name = "related_heading_family"
        >>> ex = ["Un homme a été blessé samedi soir dans une rixe près de la gare routière "
        ...       "du centre-ville, selon la police.",
        ...       "Les travaux de rénovation du pont commenceront en mars et dureront deux ans, "
        ...       "a annoncé la mairie.",
        ...       "La saison touristique a battu un record cette année avec un million de "
        ...       "visiteurs venus de toute l’Europe."]
        >>> texts = ["Le conseil municipal a voté le budget de l’année prochaine jeudi soir.",
        ...          "Vous pouvez aussi aimer", "Rixe près de la gare routière", ex[0],
        ...          "Le pont sera rénové", ex[1], "Un été record pour le tourisme", ex[2]]
        >>> ls = [_Line(t, frozenset()) for t in texts]
        >>> for ln in ls:
        ...     ln.cls = GOOD
        >>> ls[1].bad("related_heading_family", "heading")
        >>> heading_pairs(ls, [None, R()] + [None] * 6, 0)
        >>> {ln.removal.rule for ln in ls[2:]}
        {'related_zone'}
    """
    if body_start < 0:
        return
    end = min(len(lines), len(matched))
    i = body_start + 1
    while i < end:
        rule = matched[i]
        if rule is None or not _pairs_heading(rule, page) or lines[i].cls != BAD:
            i += 1
            continue
        up = [lines[k] for k in range(i - 1, max(-1, i - 1 - PAIR_WALK_MAX), -1)
              if _stands(lines[k])][:3]
        if up and _list_item(up[0].text):
            i += 1
            continue  # the heading cuts into the article's list
        if rule.name not in TAIL_OPENING_RULES and _pair_above(up):
            i += 1
            continue  # a "Read more" inside a listing's pairs: the listing goes on below
        zone, stop = _pairs_below(lines, i)
        if zone is None:
            # a heading between i and stop sees the same lines down to stop: the search goes
            # on from there (each line is read once, whatever the number of headings)
            i = max(stop, i + 1)
            continue
        article = _body_words(lines, body_start, i - 1)
        # pairs about the article's subject: its own sections (subheading, paragraph)
        near = sum(_article_goes_on(h, article) or _article_goes_on(e, article)
                   for h, e in zip(zone[::2], zone[1::2], strict=False))
        if 2 * near > len(zone) // 2:
            return
        for ln in zone:
            if ln.cls != BAD:  # a headline the heading took stays its rule's
                ln.bad("related_zone", "teaser pairs under a heading of other articles")
        return


def _pairs_below(lines, i: int) -> tuple[list | None, int]:
    """(the standing, unprotected lines below line ``i`` when they are (headline, excerpt)
    pairs (:func:`heading_pairs`), else None; the index where the reading stopped).

    A headline the heading's own rule took (its ``takes_next``, which stops at the first
    excerpt: "Ultime notizie" took "Una frana sta facendo sprofondare la città di Niscemi"
    and left its excerpt and the next pairs, it-r35-0007) heads its excerpt's pair, and is
    not taken again (round 39)."""
    zone = []
    head = None
    pairs = 0
    by = lines[i].removal.rule if lines[i].removal is not None else None
    for k in range(i + 1, len(lines)):
        ln = lines[k]
        if ln.blank or ln.protected:
            continue
        if ln.cls == BAD:
            if head is None and ln.removal is not None and ln.removal.rule == by and (
                _pair_headline(ln)
            ):
                head = ln  # taken with the heading: the first pair's headline
                zone.append(ln)
            continue
        if _list_item(ln.text):
            return None, k
        if head is None:
            if not _pair_headline(ln) or (ln.cls == GOOD and ln.n >= ZONE_PARAGRAPH_WORDS):
                return None, k
            head = ln
        else:
            if not _pair_excerpt(ln, head):
                return None, k
            pairs += 1
            head = None
        zone.append(ln)
    return (zone if pairs >= HEADING_PAIRS_MIN else None), len(lines)
# --- end of branch nav16 ------------------------------------------------------------------
