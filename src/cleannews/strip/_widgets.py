"""Furniture that is a *run* of lines of one shape, in any language (issue 10, branch strip-gen10).

Written to transfer to sites nobody read: each shape is a layout that page widgets share
across sites and languages, not a site's wording; the only data is a list of weekday names
(``data/weekdays.txt``). Both run after the rules, with the other block evidence (they feed
the context pass):

* :func:`calendar_widget`: a blog's calendar — a row of weekday names ("lun mar mer jeu ven
  sam dim", "M T W T F S S") and rows of consecutive day numbers ("13 14 15 16 17 18 19"),
  with its "« décembre 2025 »" header;
* :func:`dated_feed`: a feed of other articles, each line opening with a numeric date ("17/09/20 :
  Plusieurs centaines de personnes …", "• 17/10/17 | Les ours …"), newest first. An article's
  own chronology runs oldest first, and a listing page's dated teasers are its content: neither
  is taken.
* :func:`dated_headlines` (issue 10, round 29): the same feed printed as headlines each
  followed by its date on a line alone ("Liban : au moins neuf morts dans le sud" /
  "12/03/2026"), newest first, with the undated headlines that run on from it to the end of
  the text or to furniture.

* :func:`form_run` (branch forms23): a login / registration / paywall form's residue — short
  lines made of form words ("Nom d'utilisateur :", "Mot de passe :", "Se souvenir de moi",
  "* Pflichtfelder"), two or more in a row; the words are the rule files' ``form_words``.
* :func:`prompt_lines` (branch recall25): a comment section's, a paywall's, a cookie
  banner's or a share bar's prompt alone on its line ("Laisser un commentaire", "Caricamento
  commenti", "(0) comments", "To continue reading, subscribe", "imprimer le texte"): a short
  line made of one family's words (the rule files' ``prompt_words``), with at least one of
  its core words.
* :func:`signup_gaps` (issue 10, round 40, widgets56): the short lines left standing inside a
  newsletter sign-up block, between two lines a ``newsletter`` rule took ("recevez
  gratuitement chaque vendredi" / "RIA Digest." / "Infos, emplois, services." / "Pour ne
  rien manquer").

Figures and what was tried: ``docs/strip-history.md`` (branch strip-gen10; recall25: "Widget prompts
by their words"); tests:
``tests/test_strip_gen10.py``.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise
from typing import Literal

import regex

from cleannews._lazyre import LazyPattern
from cleannews.strip._assemble import BAD, KEEP, kept_standing, next_standing
from cleannews.strip._keep import _months
from cleannews.strip._rules import _word_file
from cleannews.strip._zones import _article_paragraph, _pair_headline

__all__ = ["calendar_widget", "dated_feed", "dated_headlines", "form_run", "prompt_lines"]

#: A calendar's row of day numbers has this many numbers at least (a week cut by the month's
#: start or end still has 5) …
CAL_ROW_MIN = 5
#: … and at most this many (a week).
CAL_ROW_MAX = 7
#: A calendar has at least this many rows of day numbers (with its weekday row) …
CAL_MIN_DAY_ROWS = 2
#: … or this many without one.
CAL_MIN_DAY_ROWS_ALONE = 3
#: Rows of one calendar are at most this many standing lines apart.
CAL_GAP = 2
#: A weekday row or a row of day numbers is at most this many characters ("Monday Tuesday …
#: Sunday" is 56): longer lines are not tokenised at all (a page that is one gigantic line
#: would otherwise be split into a list of all its words, twice).
CAL_ROW_MAX_CHARS = 120
#: A dated feed has at least this many dated lines, newest first …
FEED_MIN_ITEMS = 3
#: … at most this many standing lines apart (a teaser's excerpt, a "Lire" link) …
FEED_GAP = 3
#: … and a dated line has at most this many words (a teaser's headline and its excerpt).
FEED_ITEM_MAX_WORDS = 80

#: :func:`dated_headlines`: a feed printed as headline / date pairs has at least this many
#: pairs (a headline, then its date alone on the next standing line), newest first …
DATED_HEADLINES_MIN_PAIRS = 3
#: … at most this many standing lines from one date to the next (a headline and one more
#: undated headline) …
DATED_HEADLINES_GAP = 3
#: The feed is taken only under at least this many words of paragraphs ending like a
#: sentence (an article: a section page of dated headlines alone is its content); on a page
#: read as a listing (:mod:`._pagekind`) it must also run to the end of the text or to
#: furniture (fr-r28-0012: its feed made the article read as a listing; 187 words above it).
DATED_HEADLINES_ARTICLE_WORDS = 100
#: A date alone has at most this many words, the most :data:`_DATE_ALONE` matches: three
#: numbers of the date, "à", the hour and the minutes ("17/03/2026 à 14:30"; it was 5, and a
#: feed dated so stayed whole: round 31's mutation check): longer lines are not matched
#: against :data:`_DATE_ALONE` at all.
DATE_ALONE_MAX_WORDS = 6

#: A form line (:func:`form_run`) has at most this many words: a field label, a button, an
#: error message ("Adresse e-mail invalide"); a sentence of the article is longer …
FORM_LINE_MAX_WORDS = 6
#: … and at least this share of its words that are neither stopwords nor single letters are
#: form words ("Mot de passe :" 2/2, "Se souvenir de moi" 1/1, "Il a oublié son mot de passe"
#: 4/4 but ends like no label: see :func:`_form_line`).
FORM_MIN_SHARE = 0.75
#: A form is at least this many such lines in a row (blank lines between them do not count);
#: lines a ``login`` rule took count towards the run.
FORM_RUN_MIN = 2

#: A gap in a sign-up block (:func:`signup_gaps`) is at most this many standing lines …
SIGNUP_GAP_MAX_LINES = 2
#: … each of at most this many words (the newsletter's name, its blurb "Infos, emplois,
#: services.", a cut half of a sentence); a paragraph between two sign-up lines stays.
SIGNUP_GAP_MAX_WORDS = 8
#: The data files' category of the rules whose removals bound a sign-up block.
SIGNUP_CATEGORY = "newsletter"

#: A prompt line (:func:`prompt_lines`) has at least this many words (stopwords and numbers
#: count: "Pas de commentaires", "0 Commentaire"; a heading "Commentaires" alone stays) …
PROMPT_MIN_WORDS = 2
#: … at most this many, per family (a comment prompt is a button or a count; a paywall's
#: prompt a short sentence: "Pour poursuivre la lecture de ce contenu, abonnez-vous dès
#: maintenant" is 12) …
PROMPT_MAX_WORDS = {"comments": 6, "subscribe": 12, "cookies": 8, "share": 8}
#: … and at least this share of its words that are neither stopwords, numbers nor single
#: letters are the family's words (``prompt_words``), one of them a core word ("commentaire",
#: "abonnés"); "Les abonnés du Monde pourront lire la suite" holds 3 of 5 and stays.
PROMPT_MIN_SHARE = 0.75
#: A ``subscribe``, ``cookies`` or ``share`` prompt holds at least this many of its family's
#: words (a core word and a prompt word: "réservé aux abonnés", "subscribe … reading", "Uso
#: de cookies", "imprimer le texte"); a headline naming a subscription ("Abonnement
#: Netflix") is no prompt.
PROMPT_MIN_HITS = {"comments": 1, "subscribe": 2, "cookies": 2, "share": 2}
#: Families whose prompt ending with a full stop is a sentence, not a button ("Vos
#: commentaires ici." in an article's text stays; "La suite est réservée aux abonnés." goes).
PROMPT_NO_STOP = frozenset({"comments", "share"})
#: The removal's rule name, its kind of furniture (a data file's ``category``: other passes
#: read it through ``_rules.removal_category``, e.g. a ``comments`` heading opens a section) and
#: reason, per family.
PROMPT_RULES = {
    "comments": ("comment_prompt_words", "comments", "a prompt or count of the comment section"),
    "subscribe": ("subscribe_prompt_words", "login", "a subscription or paywall prompt"),
    "cookies": ("cookie_prompt_words", "cookie", "a button or notice of the cookie banner"),
    "share": ("share_prompt_words", "share", "a share, print or bookmark button"),
}
#: ``{rule name: category}`` of the removals of :func:`prompt_lines` (and of
#: :func:`signup_gaps`: a line of a sign-up block is ``newsletter`` furniture).
PROMPT_CATEGORIES = {rule: cat for rule, cat, _ in PROMPT_RULES.values()} | {
    "signup_gap": SIGNUP_CATEGORY
}

#: What :func:`_row_kind` says of a calendar's row.
RowKind = Literal["weekday", "day"]

_TOKEN = regex.compile(r"[^\s|·•/,]+")
_MONTH_HEAD = LazyPattern(
    r"^(?:<<?|«|‹|←|<)\s*(\p{L}{3,12})\.?\s+((?:19|20)\d\d)\s*(?:>>?|»|›|→|>)$"
)
#: A line opening with a numeric date (day, month, year) and a separator, then text.
_DATED = LazyPattern(
    r"^[\s•·▪*–-]{0,4}(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\s{0,3}[:|–—-]\s{0,3}\p{L}"
)


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    """Weekday names, short forms and initials of the five languages (``data/weekdays.txt``)."""
    return _word_file("weekdays.txt")


def _weekday_tokens(toks: list[str]) -> bool:
    """Seven weekday names in a row, of a line's :data:`_TOKEN` tokens."""
    if len(toks) != CAL_ROW_MAX:
        return False
    days = _weekdays()
    return all(t.rstrip(".").casefold() in days for t in toks)


def _day_tokens(toks: list[str]) -> bool:
    """:data:`CAL_ROW_MIN` to :data:`CAL_ROW_MAX` day numbers, each the day after the one
    before (a month's end wraps to 1), of a line's :data:`_TOKEN` tokens."""
    if not CAL_ROW_MIN <= len(toks) <= CAL_ROW_MAX or not all(
        t.isascii() and t.isdigit() and len(t) <= 2 for t in toks
    ):
        return False
    days = [int(t) for t in toks]
    if not all(1 <= d <= 31 for d in days):
        return False
    return all(b == a + 1 or (b == 1 and a >= 28) for a, b in pairwise(days))


def _row_kind(text: str) -> RowKind | None:
    """``"weekday"`` for seven weekday names in a row (:func:`_weekday_tokens`), ``"day"``
    for a row of consecutive day numbers (:func:`_day_tokens`), else ``None``; the line is
    tokenised once, and a line of fewer than :data:`CAL_ROW_MIN` or more than
    :data:`CAL_ROW_MAX` tokens, or longer than :data:`CAL_ROW_MAX_CHARS`, is neither.

    >>> _row_kind("sam dim lun mar mer jeu ven"), _row_kind("M T W T F S S")
    ('weekday', 'weekday')
    >>> _row_kind("27 28 29 30 31 1 2"), _row_kind("13 14 15 16 17 18 19")
    ('day', 'day')
    >>> _row_kind("Mo Di Mi Do Fr Sa"), _row_kind("Le marché de lundi à samedi")
    (None, None)
    >>> _row_kind("12 18 23 34 41 45"), _row_kind("1 2 3 4")
    (None, None)
    """
    if len(text) > CAL_ROW_MAX_CHARS:
        return None
    toks = _TOKEN.findall(text)
    if not CAL_ROW_MIN <= len(toks) <= CAL_ROW_MAX:
        return None
    if _weekday_tokens(toks):
        return "weekday"
    if _day_tokens(toks):
        return "day"
    return None


def _month_head(text: str, months: frozenset[str]) -> bool:
    """A calendar's header: a month and a year between arrows ("<< décembre 2025 >>")."""
    m = _MONTH_HEAD.match(text)
    return bool(m) and m.group(1).casefold() in months


def calendar_widget(lines) -> None:
    """Take a calendar widget: a weekday row (:func:`_row_kind` ``"weekday"``) with at least
    :data:`CAL_MIN_DAY_ROWS` rows of day numbers (``"day"``), or
    :data:`CAL_MIN_DAY_ROWS_ALONE` day rows without it, at most :data:`CAL_GAP` standing
    lines apart, and the month header just above it.

        >>> from cleannews.strip.detectors import _Line
        >>> ls = [_Line(t, frozenset()) for t in ("<< décembre 2025 >>",
        ...       "lun mar mer jeu ven sam dim", "1 2 3 4 5 6 7", "8 9 10 11 12 13 14")]
        >>> calendar_widget(ls)
        >>> [ln.removal.rule for ln in ls]
        ['calendar_widget', 'calendar_widget', 'calendar_widget', 'calendar_widget']
    """
    idx = kept_standing(lines)
    kinds = {
        k: kind
        for k, i in enumerate(idx)
        if lines[i].n <= CAL_ROW_MAX
        and not lines[i].protected
        and (kind := _row_kind(lines[i].text)) is not None
    }
    groups: list[list[int]] = []
    for k in kinds:
        if groups and k - groups[-1][-1] <= CAL_GAP + 1:
            groups[-1].append(k)
        else:
            groups.append([k])
    months = _months()
    for g in groups:
        week = sum(kinds[k] == "weekday" for k in g)
        need = CAL_MIN_DAY_ROWS if week else CAL_MIN_DAY_ROWS_ALONE
        if len(g) - week < need:
            continue
        take = [idx[k] for k in g]
        for k in range(max(0, g[0] - CAL_GAP), g[0]):
            if _month_head(lines[idx[k]].text, months):
                take.append(idx[k])
        for i in take:
            lines[i].bad("calendar_widget", "a calendar widget (weekday row, rows of day numbers)")


def _date_key(m: regex.Match) -> tuple[int, int, int]:
    """(year, month, day) of a :data:`_DATED` match; a two-digit year is this century's."""
    d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return (y + 2000 if y < 100 else y, mo, d)


def dated_feed(lines, kind: str) -> None:
    """Take a feed of other articles: at least :data:`FEED_MIN_ITEMS` lines that open with a
    numeric date (:data:`_DATED`), at most :data:`FEED_GAP` standing lines apart, dated newest
    first with at least two dates, and the lines between them. Not on a listing page
    (``kind == "listing"``: its dated teasers are the page), not an article's chronology
    (oldest first), never a protected line.

        >>> from cleannews.strip.detectors import _Line
        >>> ls = [_Line(t, frozenset()) for t in ("18/09/20 : L'incendie a coupé la ligne",
        ...       "17/09/20 : Plusieurs centaines de personnes ont défilé",
        ...       "16/09/20 : Trois statues sont de retour à Paris")]
        >>> dated_feed(ls, "article")
        >>> [ln.removal.rule for ln in ls]
        ['dated_feed', 'dated_feed', 'dated_feed']
        >>> ls = [_Line(t.text, frozenset()) for t in reversed(ls)]  # oldest first: a chronology
        >>> dated_feed(ls, "article")
        >>> [ln.removal for ln in ls]
        [None, None, None]
    """
    if kind == "listing":
        return
    idx = kept_standing(lines)
    items: list[tuple[int, tuple[int, int, int]]] = []
    for k, i in enumerate(idx):
        ln = lines[i]
        if ln.n > FEED_ITEM_MAX_WORDS or not (ln.text[:1].isdigit() or ln.text[:1] in "•·▪*–-"):
            continue
        m = _DATED.match(ln.text)
        if m is not None:
            items.append((k, _date_key(m)))
    runs: list[list[tuple[int, tuple[int, int, int]]]] = []
    for it in items:
        prev = runs[-1][-1] if runs else None
        if prev is not None and it[0] - prev[0] <= FEED_GAP + 1 and it[1] <= prev[1]:
            runs[-1].append(it)
        else:
            runs.append([it])
    for run in runs:
        if len(run) < FEED_MIN_ITEMS or len({d for _, d in run}) < 2:
            continue
        span = [idx[k] for k in range(run[0][0], run[-1][0] + 1)]
        if any(lines[i].protected or lines[i].cls == KEEP for i in span):
            continue
        for i in span:
            lines[i].bad("dated_feed", "a feed of other articles, each line opening with its date")


#: A line that is a numeric date alone (day, month, year), with the time after it or not:
#: "17/03/2026", "05.11.24 - 14:30".
_DATE_ALONE = LazyPattern(
    r"^[\s|]{0,3}(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})"
    r"(?:[\s,|–—-]{1,5}(?:à\s)?\d{1,2}[:h]\d{2})?[\s|]{0,3}$"
)


def _headline(ln) -> bool:
    """A standing line shaped like another article's headline in :func:`dated_headlines`: a
    teaser pair's headline (:func:`~._zones._pair_headline`: a few words, no final period,
    clause mark or ellipsis, no bullet), not protected, no date alone.

    >>> from cleannews.strip.detectors import _Line
    >>> [_headline(_Line(t, frozenset())) for t in (
    ...     "Wall Street termine en baisse face aux doutes sur l'IA",
    ...     "Le texte s’arrête ici.", "- un point de la liste", "17/03/2026")]
    [True, False, False, False]
    """
    return (
        ln.cls != BAD
        and not ln.protected
        and _pair_headline(ln)
        and _DATE_ALONE.match(ln.text) is None
    )


def dated_headlines(lines, kind: str) -> None:
    """Take a list of other articles printed as headlines each followed by its date alone.

    At least :data:`DATED_HEADLINES_MIN_PAIRS` standing lines that are a numeric date alone
    (:data:`_DATE_ALONE`), each right under a headline (:func:`_headline`), at most
    :data:`DATED_HEADLINES_GAP` standing lines apart with only headlines between them, dated
    newest first with at least two dates: a feed of the site's other articles (fr-r28-0012:
    eleven headlines after an article, four of them dated). The undated headlines that run on
    from it are taken too: upwards to the first line that is no headline (the article's last
    paragraph), downwards to the end of the text or to furniture (a line that is no headline
    before either: only the feed goes). Only under :data:`DATED_HEADLINES_ARTICLE_WORDS`
    words of paragraphs ending like a sentence (a section page of dated headlines alone is
    its content), and on a page read as a listing (``kind == "listing"``) only when the run
    reaches the end of the text or furniture (an article whose feed made the page read as a
    listing). Not an article's chronology (oldest first, or the date above
    its event: a date alone right above the first headline says that each date heads the
    line below it), never a protected headline.

        >>> from cleannews.strip.detectors import _Line, GOOD
        >>> para = "Le ministre a été reçu par le président mercredi matin à Kinshasa. " * 9
        >>> ls = [_Line(t, frozenset()) for t in (para.strip(),
        ...     "Les Bourses européennes terminent sans direction commune",
        ...     "Un haut responsable américain annonce sa démission", "17/03/2026",
        ...     "La Nouvelle-Zélande commémore les fusillades de Christchurch", "15/03/2026",
        ...     "Liban : au moins neuf morts dans de nouvelles frappes", "12/03/2026",
        ...     "Le Royaume-Uni et le Nigeria concluent un accord")]
        >>> ls[0].cls = GOOD  # the article's paragraph, as the block score judged it
        >>> dated_headlines(ls, "article")
        >>> [ln.removal.rule if ln.removal else None for ln in ls][:3]
        [None, 'dated_headlines', 'dated_headlines']
        >>> sum(ln.removal is not None for ln in ls)
        8
        >>> ls = [_Line(t.text, frozenset()) for t in (ls[0], *ls[1:][::-1])]  # oldest first
        >>> ls[0].cls = GOOD
        >>> dated_headlines(ls, "article")
        >>> [ln.removal for ln in ls if ln.removal]
        []
    """
    idx = kept_standing(lines)
    pairs: list[tuple[int, tuple[int, int, int]]] = []  # (position of the date, its date)
    for k, i in enumerate(idx):
        if k == 0 or lines[i].n > DATE_ALONE_MAX_WORDS:
            continue
        m = _DATE_ALONE.match(lines[i].text)
        if m is not None and _headline(lines[idx[k - 1]]):
            pairs.append((k, _date_key(m)))
    runs: list[list[tuple[int, tuple[int, int, int]]]] = []
    for it in pairs:
        prev = runs[-1][-1] if runs else None
        if (
            prev is not None
            and it[0] - prev[0] <= DATED_HEADLINES_GAP
            and it[1] <= prev[1]
            and all(_headline(lines[idx[k]]) for k in range(prev[0] + 1, it[0]))
        ):
            runs[-1].append(it)
        else:
            runs.append([it])
    runs = [r for r in runs if len(r) >= DATED_HEADLINES_MIN_PAIRS and len({d for _, d in r}) > 1]
    if not runs:
        return
    prose = _prose_words(lines, idx)  # words of article paragraphs above each position
    for run in runs:
        lo = run[0][0] - 1  # the first pair's headline
        while lo > 0 and _headline(lines[idx[lo - 1]]):
            lo -= 1
        if lo > 0 and _DATE_ALONE.match(lines[idx[lo - 1]].text):
            continue  # a date above the first headline: each date heads the line below it
        hi = run[-1][0]
        below = hi + 1
        while below < len(idx) and _headline(lines[idx[below]]):
            below += 1
        tail = below == len(idx) or _furniture_next(lines, idx[below - 1])
        if tail:
            hi = below - 1  # the run of headlines reaches the end or furniture
        if prose[lo] < DATED_HEADLINES_ARTICLE_WORDS:
            continue  # no article above: a section page's own dated headlines
        if kind == "listing" and not tail:
            continue  # a listing's dated headlines with more of the list below them
        for k in range(lo, hi + 1):
            lines[idx[k]].bad(
                "dated_headlines",
                "a list of other articles: headlines each followed by its date alone, "
                "newest first",
            )


def _prose_words(lines, idx: list[int]) -> list[int]:
    """Words of the article's paragraphs (:func:`~._zones._article_paragraph`: ending like a
    sentence, not cut with "…") among the lines of ``idx`` above each position (one pass: a
    page of many feeds is read once, not once per feed).

    >>> from cleannews.strip.detectors import _Line, GOOD
    >>> ls = [_Line(t, frozenset()) for t in ("Un paragraphe de cinq mots.", "Un titre")]
    >>> ls[0].cls = GOOD
    >>> _prose_words(ls, [0, 1])
    [0, 5, 5]
    """
    out = [0] * (len(idx) + 1)
    for p, i in enumerate(idx):
        out[p + 1] = out[p] + (lines[i].n if _article_paragraph(lines[i]) else 0)
    return out


def _furniture_next(lines, i: int) -> bool:
    """The next non-blank line after ``i`` was removed (furniture), or there is none.

    Read from ``i + 1`` (:func:`~._assemble.next_standing`), not through
    ``islice(lines, i + 1, None)``, which walked the ``i`` lines above it for each run of
    dated headlines (review of round 33).
    """
    nxt = next_standing(lines, i + 1)
    return nxt is None or nxt.cls == BAD


def _form_line(ln, vocab: frozenset[str], stop: frozenset[str]) -> bool:
    """A short line made of form words: a field label, a button or a form's error message.

    Of its words, those that are neither stopwords nor single letters ("d'", the "e" of
    "e-mail") are at least :data:`FORM_MIN_SHARE` form words, and at least one is; the
    line has at most :data:`FORM_LINE_MAX_WORDS` words and does not end with a full stop (a
    label ends with ":", "*", "?" or nothing; "Il a oublié son mot de passe." is a sentence).

        >>> from cleannews.strip.detectors import _Line
        >>> vocab = frozenset({"mot", "passe", "utilisateur"})
        >>> _form_line(_Line("Nom d'utilisateur :", frozenset()), vocab, frozenset({"nom"}))
        True
        >>> _form_line(_Line("Il a oublié son mot de passe.", frozenset()), vocab, frozenset())
        False
    """
    if ln.blank or not 1 <= ln.n <= FORM_LINE_MAX_WORDS or ln.text.rstrip().endswith("."):
        return False
    words = ln.words
    if vocab.isdisjoint(words):
        return False  # no form word: no hit (one test in C for most lines; round 25)
    words = [w for w in words if len(w) > 1 and w not in stop]
    hits = sum(w in vocab for w in words)
    return hits > 0 and hits >= FORM_MIN_SHARE * len(words)


def _standing_rules(lines, matched: list):
    """``(i, line, rule)`` of each standing (non-blank) line: ``matched[i]``, the rule that took
    it, or ``None`` (also past the end of ``matched``).

    >>> from cleannews.strip.detectors import _Line
    >>> [(i, r) for i, _, r in _standing_rules([_Line("a", frozenset()), _Line("", frozenset()),
    ...                                          _Line("b", frozenset())], ["x"])]
    [(0, 'x'), (2, None)]
    """
    for i, ln in enumerate(lines):
        if not ln.blank:
            yield i, ln, (matched[i] if i < len(matched) else None)


def form_run(lines, matched: list, vocab: frozenset[str], stop: frozenset[str]) -> None:
    """Remove the residue of a login / registration / paywall form: :data:`FORM_RUN_MIN` or
    more standing lines in a row that are each a :func:`_form_line` or were taken by a rule
    of category ``login``, at least one of them a form line nothing took yet.

    ``matched[i]`` is the rule that took line ``i`` (``None``: none). Lines protected or
    already judged (``KEEP``) end a run. One such line alone stays: a subheading "Mot de
    passe" of an article about passwords is followed by its paragraph, not by another label.

        >>> from cleannews.strip.detectors import _Line
        >>> lines = [_Line(t, frozenset()) for t in ("Identifiant", "", "Mot de passe :",
        ...                                           "Le mot de passe de la box a fuité hier.")]
        >>> form_run(lines, [None] * 4, frozenset({"identifiant", "mot", "passe"}),
        ...          frozenset({"de", "le", "la", "a"}))
        >>> [ln.cls for ln in lines]
        ['bad', 'amb', 'bad', 'amb']
    """
    if not vocab:
        return
    run: list[int] = []

    def close() -> None:
        fresh = [i for i in run if lines[i].cls is not BAD]
        if len(run) >= FORM_RUN_MIN and fresh:
            for i in fresh:
                lines[i].bad("form_run", "a field, button or message of a login or subscription "
                              "form (a run of short lines of form words)")
        run.clear()

    for i, ln, rule in _standing_rules(lines, matched):
        if ln.cls is BAD and rule is not None and rule.category == "login":
            run.append(i)
        elif ln.cls is not BAD and ln.cls is not KEEP and not ln.protected and _form_line(
            ln, vocab, stop
        ):
            run.append(i)
        else:
            close()
    close()


def _prompt_family(ln, families: dict, stop: frozenset[str]) -> str | None:
    """The family of the widget prompt ``ln`` is (see :func:`prompt_lines`), or ``None``.

        >>> from cleannews.strip.detectors import _Line
        >>> fam = {"comments": (frozenset({"commentaire"}), frozenset({"commentaire",
        ...        "laisser"}))}
        >>> _prompt_family(_Line("Laisser un commentaire", frozenset()), fam, frozenset({"un"}))
        'comments'
        >>> _prompt_family(_Line("Il a laissé un commentaire", frozenset()), fam, frozenset())
    """
    if ln.n < PROMPT_MIN_WORDS:
        return None
    words: list[str] | None = None
    for family in PROMPT_RULES:  # the families the code knows (tests: the data has no other)
        if family not in families or ln.n > PROMPT_MAX_WORDS[family]:
            continue
        core, vocab = families[family]
        if family in PROMPT_NO_STOP and ln.text.rstrip().endswith("."):
            continue
        if words is None:
            words = [w for w in ln.words if len(w) > 1 and not w.isdigit() and w not in stop]
        hits = sum(w in vocab for w in words)
        if (
            hits >= PROMPT_MIN_HITS[family]
            and hits >= PROMPT_MIN_SHARE * len(words)
            and any(w in core for w in words)
        ):
            return family
    return None


def prompt_lines(lines, families: dict, stop: frozenset[str]) -> None:
    """Take the prompts of a comment section, a paywall, a cookie banner or a share bar
    standing alone on their line:
    :data:`PROMPT_MIN_WORDS` to :data:`PROMPT_MAX_WORDS` words, at least
    :data:`PROMPT_MIN_SHARE` of the words that are neither stopwords, numbers nor single letters
    (and :data:`PROMPT_MIN_HITS`) in one family's list of ``prompt_words`` (``families``:
    family -> (core words, all its words), :attr:`RuleSet.prompt_words`), one of them a core
    word. Keyed on the kind of widget, not on a site's wording: the lists hold the usual
    wordings of the five languages. Lines removed, judged (``KEEP``) or protected are left.

        >>> from cleannews.strip.detectors import _Line
        >>> from cleannews.strip._rules import load_rules, load_stopwords
        >>> ls = [_Line(t, frozenset()) for t in ("Lascia un commento", "Vos commentaires ici.",
        ...       "To continue reading, subscribe", "Les abonnés du Monde pourront lire la suite")]
        >>> prompt_lines(ls, load_rules(("it", "fr", "en")).prompt_words,
        ...              load_stopwords(("it", "fr", "en")))
        >>> [ln.removal.rule if ln.removal else None for ln in ls]
        ['comment_prompt_words', None, 'subscribe_prompt_words', None]
    """
    if not families:
        return
    # a prompt holds one of its family's core words and has PROMPT_MIN_WORDS to its family's
    # PROMPT_MAX_WORDS words: lines outside those bounds, or without any family's core
    # word, are not read word by word (one set test in C; round 25)
    known = [f for f in PROMPT_RULES if f in families]
    if not known:
        return
    most = max(PROMPT_MAX_WORDS[f] for f in known)
    cores = frozenset().union(*(families[f][0] for f in known))
    for ln in lines:
        if ln.blank or ln.cls is BAD or ln.cls is KEEP or ln.protected:
            continue
        if not PROMPT_MIN_WORDS <= ln.n <= most or cores.isdisjoint(ln.words):
            continue
        family = _prompt_family(ln, families, stop)
        if family is not None:
            rule, _, why = PROMPT_RULES[family]
            ln.bad(rule, f"{why} (a short line of its words)")


def _signup_line(ln, rule) -> bool:
    """Line ``ln``, taken by ``rule`` (``None``: no rule), is a removed sign-up line."""
    return ln.cls is BAD and rule is not None and rule.category == SIGNUP_CATEGORY


def signup_gaps(lines, matched: list) -> None:
    """Take the short lines standing between two lines of a newsletter sign-up block: at most
    :data:`SIGNUP_GAP_MAX_LINES` standing lines in a row, each of at most
    :data:`SIGNUP_GAP_MAX_WORDS` words, with a line a ``newsletter`` rule took (``matched[i]``,
    its category :data:`SIGNUP_CATEGORY`) just above and just below (blank lines between do
    not count). Lines judged (``KEEP``) or protected end a gap; so does a longer line.

        >>> from types import SimpleNamespace
        >>> from cleannews.strip.detectors import _Line
        >>> news = SimpleNamespace(category="newsletter")
        >>> ls = [_Line(t, frozenset()) for t in ("recevez gratuitement chaque vendredi",
        ...       "RIA Digest.", "Infos, emplois, services.", "Pour ne rien manquer")]
        >>> for i in (0, 3):
        ...     ls[i].bad("newsletter_signup", "sign-up")
        >>> signup_gaps(ls, [news, None, None, news])
        >>> [ln.removal.rule for ln in ls[1:3]]
        ['signup_gap', 'signup_gap']
        >>> ls = [_Line(t, frozenset()) for t in ("Inscrivez-vous", "Il pleut.", "Le vent.")]
        >>> ls[0].bad("newsletter_line", "sign-up")
        >>> signup_gaps(ls, [news, None, None])  # no sign-up line below: the lines stay
        >>> [ln.removal for ln in ls[1:]]
        [None, None]
    """
    above = False  # the last standing line was a sign-up line
    gap: list[int] = []
    for i, ln, rule in _standing_rules(lines, matched):
        if _signup_line(ln, rule):
            if above and gap:
                for k in gap:
                    lines[k].bad("signup_gap", "a short line inside a newsletter sign-up block "
                                 "(between two of its lines)")
            above, gap = True, []
        elif (
            above
            and ln.cls is not BAD
            and ln.cls is not KEEP
            and not ln.protected
            and ln.n <= SIGNUP_GAP_MAX_WORDS
            and len(gap) < SIGNUP_GAP_MAX_LINES
        ):
            gap.append(i)
        else:
            above, gap = False, []
