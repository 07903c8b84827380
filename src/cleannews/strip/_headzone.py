"""Furniture above the article's headline, by its place next to the page's chrome (issue 10).

Most furniture the rules leave on pages of new sites stands *above* the article: section
labels ("Politique", "Uncategorized", "Entretenimiento"), menu entries ("Décryptages",
"Podcasts"), a site name, a login button. Alone, a short line above the headline is no
evidence: it is the article's kicker as often ("Critique", "EUROPEAN BANKS", "Société";
``docs/strip-history.md``, "Where the missed furniture is"). What holds is the line's
**place next to known chrome**: a line the rules already removed as a menu, a skip link, a
breadcrumb, a login or subscription panel, a cookie banner, a follow widget (the *anchors*,
rule names in ``strip/data/headzone.json``), in the page's head, above the article's first
paragraph.

:func:`head_zone` takes, in the page's head (:func:`head_end`), the runs of short labels
(:func:`label_line`) that stand

* between two removed lines, one of them an anchor, or between the top of the page and an
  anchor (rule ``head_chrome``: "Menü" above "Anmelden"; "Décryptages / Pépites / … /
  Science" between a "Newsletter" link and the title's repeat);
* right under an anchor, at most :data:`UNDER_ANCHOR_MAX_LINES` of them, each of at most
  :data:`UNDER_ANCHOR_MAX_WORDS` words (rule ``head_label``: "Skip to content /
  Uncategorized / <headline>").

and only when the article's headline stands below them (:func:`_headline_shaped`: a standing
line of :data:`HEADLINE_MIN_WORDS` to :data:`HEADLINE_MAX_WORDS` words, longer than every line
of the run, not ending like a sentence), so the headline itself is never in a run. Protected
lines (bylines, dates), list items, lines with a figure and lines ending like a sentence are no
labels and break a run. A run holding the article's kicker stays (:func:`_kicker`): a word of
the data files' ``kicker_words`` ("Critique"), a text the page prints on another line too (its
menu's "Société" over the headline: the article's section), or a label sharing a word with
the headline and the lines under it ("Réforme des retraites" over "Le conclave sur les
retraites …"). A run of one line that reads as a phrase stays too (:func:`_phrase_alone`: a
function word between two words or a colon inside, "Zukunft des VfL", "Politik:
Ressortarchiv": the article's kicker or short headline under another site's chrome, round 39).
Tests: ``tests/test_strip_headzone.py``, ``tests/test_keep54.py``; figures in
``docs/strip-history.md`` (branch strip-head7).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from cleannews.strip._assemble import BAD, GOOD, next_standing
from cleannews.strip._chars import has_digit
from cleannews.strip._pagekind import _BULLET  # a bullet or number opening a list item

__all__ = [
    "head_end", "head_menu", "head_zone", "home_crumb_words", "is_anchor", "label_line",
    "menu_item",
]

#: A label of the page's head between removed lines (``head_chrome``) has at most this many
#: words ("Flash info Plus d'infos" between "Skip to content" and a video duration) ...
CHROME_MAX_WORDS = 6
#: ... a label right under an anchor (``head_label``) at most this many ("Uncategorized",
#: "Faits divers – Justice"; a headline of 4 words is not one) ...
UNDER_ANCHOR_MAX_WORDS = 3
#: ... and at most this many such labels in a row under the anchor (one section label; 1 to 4
#: take the same TRAIN lines, and two short lines in a row are as often the page's own).
UNDER_ANCHOR_MAX_LINES = 1
#: The page's head ends at the first paragraph-like line that ends like a sentence and has at
#: least this many words (a teaser's excerpt or the article's lede: what follows is text).
HEAD_PROSE_MIN_WORDS = 12
#: A headline below the run has at least this many words ...
HEADLINE_MIN_WORDS = 4
#: ... at most this many ...
HEADLINE_MAX_WORDS = 25
#: ... and at most this many words holding a figure (a date, a photo counter "3 / 33" is no
#: headline).
HEADLINE_MAX_FIGURES = 1
#: A label sharing a word with the lines below it is the article's kicker ("Réforme des
#: retraites" above "Le conclave sur les retraites …", "EUROPEAN BANKS" above "Italian bank
#: merger …"): words compared by their first this many letters ...
TOPIC_PREFIX = 4
#: ... over at most this many standing lines below the run (the headline, the standfirst).
TOPIC_LINES = 3
#: Languages whose function words (stoplists) are left out of the topic comparison.
STOP_LANGUAGES = ("fr", "en", "de", "es", "it")
#: :func:`head_menu` (branch strip-rel8): a line of a menu run in the head has at most this
#: many words (a glued menu "Home Actualités Petites annonces …", a site's tagline) ...
MENU_LINE_MAX_WORDS = 40
#: ... and at most this many of the run's lines have more than :data:`CHROME_MAX_WORDS` words
#: (one glued menu or tagline among labels; two long lines in a row are text).
MENU_LONG_MAX = 2
#: A label under an anchor that reads as a phrase (:func:`_phrase_label`) has at least this
#: many words ("DO: Kreisliga kompakt", "News in brief"; one word is a section's name).
PHRASE_MIN_WORDS = 2
#: A label's two parts joined by a colon inside it ("Politik: Ressortarchiv", "DO: Kreisliga
#: kompakt"): a kicker's "place / topic: subject" form, never a menu's entry.
_INNER_COLON = re.compile(r"\w\s?:\s+\w")
#: Characters trimmed around a label before it is looked up in the kicker words.
_KICKER_TRIM = " \t:.-–—|•·*"

#: Characters that end a sentence, a clause or a list item: a label ends with none of them.
_END_CHARS = frozenset('.!?…»"”);:,')
#: Sentence ends for :func:`head_end`.
_PROSE_END = frozenset('.!?…»"”)')


@lru_cache(maxsize=1)
def _headzone_data() -> dict:
    """``data/headzone.json``, parsed once."""
    text = resources.files("cleannews.strip").joinpath("data", "headzone.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def home_crumb_words() -> frozenset[str]:
    """The words of a link to the site's home page (``home_crumb_words`` of
    ``data/headzone.json``), case-folded, read once.

    >>> "accueil" in home_crumb_words()
    True
    """
    return frozenset(w.casefold() for w in _headzone_data()["home_crumb_words"])


@lru_cache(maxsize=1)
def crumb_openers() -> tuple[str, ...]:
    """The separators a breadcrumb opens with when its home link is an icon
    (``crumb_openers`` of ``data/headzone.json``), read once.

    >>> "/" in crumb_openers()
    True
    """
    return tuple(_headzone_data()["crumb_openers"])


@lru_cache(maxsize=1)
def _anchors() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """(rule names, name prefixes, excluded names) of ``data/headzone.json``."""
    data = _headzone_data()
    return (
        frozenset(data["anchor_rules"]),
        tuple(data["anchor_prefixes"]),
        frozenset(data["not_anchors"]),
    )


def is_anchor(ln) -> bool:
    """A line removed by a rule of the page's chrome (``data/headzone.json``).

    >>> from cleannews.strip.detectors import _Line
    >>> ln = _Line("Skip to content", frozenset())
    >>> ln.bad("nav_menu_en", "menu")
    >>> is_anchor(ln)
    True
    >>> ln.bad("photo_credit", "credit")
    >>> is_anchor(ln)
    False
    """
    if ln.cls != BAD or ln.removal is None:
        return False
    names, prefixes, excluded = _anchors()
    rule = ln.removal.rule
    return rule not in excluded and (rule in names or rule.startswith(prefixes))


def label_line(ln, max_words: int = CHROME_MAX_WORDS) -> bool:
    """A standing short label: 1 to ``max_words`` words, not protected, no figure, not a
    list item, ending with no sentence or clause punctuation.

    >>> from cleannews.strip.detectors import _Line
    >>> [label_line(_Line(t, frozenset())) for t in ("Politique", "Faits divers – Justice",
    ...  "12 janvier 2026", "• Bretagne", "Trois sujets :", "Oui.")]
    [True, True, False, False, False, False]
    """
    if ln.blank or ln.cls == BAD or ln.protected or not 0 < ln.n <= max_words:
        return False
    text = ln.text
    if text[-1:] in _END_CHARS or _BULLET.match(text):
        return False
    return not has_digit(text)


def head_end(lines, body_start: int) -> int:
    """Index of the first line after the page's head: the article's body (``body_start``,
    :func:`~._pagekind.page_kind`) or, above it, the first paragraph-like line of at least
    :data:`HEAD_PROSE_MIN_WORDS` words that ends like a sentence (a lede, a teaser's excerpt:
    the chrome is above it). Without a body, the first such line or the end of the page.

    >>> from cleannews.strip.detectors import _Line, GOOD
    >>> ls = [_Line(t, frozenset()) for t in ("Menu", "Le titre de l’article du jour",
    ...       "Une phrase qui ouvre l’article et qui raconte ce qui s’est passé hier soir.")]
    >>> ls[2].cls = GOOD
    >>> head_end(ls, -1), head_end(ls, 1)
    (2, 1)
    """
    end = body_start if body_start >= 0 else len(lines)
    for i in range(end):
        ln = lines[i]
        if ln.cls == GOOD and ln.n >= HEAD_PROSE_MIN_WORDS and ln.text[-1:] in _PROSE_END:
            return i
    return end


def _headline_shaped(ln) -> bool:
    """A standing headline: :data:`HEADLINE_MIN_WORDS` to :data:`HEADLINE_MAX_WORDS` words, at
    most :data:`HEADLINE_MAX_FIGURES` of them with a figure, not ending like a sentence (a
    paragraph is no headline), not protected (a byline, a date).

    >>> from cleannews.strip.detectors import _Line
    >>> [_headline_shaped(_Line(t, frozenset())) for t in ("Next up: HTC and BlackBerry",
    ...  "(Foto: imago/Team 2) 3 / 33", "Politique", "Le maire a signé l’arrêté hier soir.")]
    [True, False, False, False]
    """
    if ln.blank or ln.cls == BAD or ln.protected:
        return False
    if not HEADLINE_MIN_WORDS <= ln.n <= HEADLINE_MAX_WORDS or ln.text[-1:] in _PROSE_END:
        return False
    return sum(map(has_digit, ln.words)) <= HEADLINE_MAX_FIGURES


def _longest_headline_below(lines, idx: list[int]) -> list[int]:
    """For each position ``k`` of ``idx``, the most words of a headline
    (:func:`_headline_shaped`) among the head's lines ``idx[k:]`` and the first non-blank line
    after them (the body's first line may be the headline); 0 for none. One backward pass, so
    that :func:`head_zone` stays linear in the page's lines.

    >>> from cleannews.strip.detectors import _Line
    >>> texts = ("Menu", "Politique", "Le budget de la ville est adopté")
    >>> ls = [_Line(t, frozenset()) for t in texts]
    >>> _longest_headline_below(ls, [0, 1])
    [7, 7]
    """
    after = next_standing(lines, idx[-1] + 1 if idx else 0)
    best = after.n if after is not None and _headline_shaped(after) else 0
    out = [0] * len(idx)
    for k in range(len(idx) - 1, -1, -1):
        ln = lines[idx[k]]
        if _headline_shaped(ln) and ln.n > best:
            best = ln.n
        out[k] = best
    return out


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """The stoplists of the rule languages (``strip/data/stop_*.txt``)."""
    from cleannews.strip._rules import load_stopwords

    return load_stopwords(STOP_LANGUAGES)


def _stems(words, prefix: int = TOPIC_PREFIX) -> set[str]:
    """The first ``prefix`` letters of the words of at least ``prefix`` letters (no figures,
    no function words: "entre" tells no topic).

    >>> sorted(_stems(["merger", "banks", "entre", "2025"]))
    ['bank', 'merg']
    """
    stop = _function_words()
    return {w[:prefix] for w in words if len(w) >= prefix and w.isalpha() and w not in stop}


def _kicker(lines, run: list[int], kickers: frozenset[str], printed: frozenset[str]) -> bool:
    """A line of ``run`` is the article's kicker: a word of ``kickers`` ("Critique"), a text
    the page prints on another line too (``printed``: "Société" in the site's menu and over
    the headline names the article's section, which the 0.1.0 fixtures keep as its kicker), or
    it shares a word stem (:func:`_stems`) with the :data:`TOPIC_LINES` standing lines below
    the run: the story's topic above its headline.

    >>> from cleannews.strip.detectors import _Line
    >>> ls = [_Line(t, frozenset()) for t in ("EUROPEAN BANKS", "",
    ...       "Italian bank merger wave stalls as Rome tightens its grip")]
    >>> none = frozenset()
    >>> _kicker(ls, [0], none, none), _kicker(ls[:1], [0], frozenset({"european banks"}), none)
    (True, True)
    >>> _kicker(ls[:1], [0], none, frozenset({"european banks"}))
    True
    """
    below: set[str] = set()
    seen = 0
    for j in range(run[-1] + 1, len(lines)):
        if seen >= TOPIC_LINES:
            break
        ln = lines[j]
        if ln.blank or ln.cls == BAD:
            continue
        below |= _stems(ln.words)
        seen += 1
    for i in run:
        ln = lines[i]
        key = ln.text.strip(_KICKER_TRIM).casefold()
        if key in kickers or key in printed or _stems(ln.words) & below:
            return True
    return False


@lru_cache(maxsize=1)
def _label_conjunctions() -> frozenset[str]:
    """``label_conjunctions`` of ``data/headzone.json``: the function words that join two
    section names in one label ("Economia e Finanza")."""
    return frozenset(_headzone_data()["label_conjunctions"])


def _phrase_label(ln) -> bool:
    """A short line that reads as a phrase, the article's kicker or short headline, not a
    section's name: at least :data:`PHRASE_MIN_WORDS` words, and two parts joined by a colon
    inside it (:data:`_INNER_COLON`: "Politik: Ressortarchiv") or a function word (the
    stoplists, not a conjunction of :func:`_label_conjunctions`) between two other words
    ("Zukunft des VfL", "Berichte der Autobahnpolizei", "News in brief"). Alone in its run,
    ``head_label`` and ``head_chrome`` leave it (:func:`_phrase_alone`): next to another page's
    chrome (a cookie banner, a paywall notice) the article's first line stands right under an
    anchor (round 39, keep54; the stress set, TRAIN's de-r40-0001).

    >>> from cleannews.strip.detectors import _Line
    >>> [_phrase_label(_Line(t, frozenset())) for t in ("Zukunft des VfL", "News in brief",
    ...  "DO: Kreisliga kompakt", "Politique", "A la Une", "Economia e Finanza",
    ...  "Faits divers – Justice", "Wissenschaftliche Meldungen")]
    [True, True, True, False, False, False, False, False]
    """
    words = ln.words
    if len(words) < PHRASE_MIN_WORDS:
        return False
    if _INNER_COLON.search(ln.text):
        return True
    stop, joins = _function_words(), _label_conjunctions()
    return any(
        words[k] in stop and words[k] not in joins
        and words[k - 1] not in stop and words[k + 1] not in stop
        for k in range(1, len(words) - 1)
    )


def _phrase_alone(lines, run: list[int]) -> bool:
    """The run is one line and it reads as a phrase (:func:`_phrase_label`): the article's
    kicker or short headline, which ``head_chrome`` and ``head_label`` leave. A phrase among
    other labels is a menu's entry: the run is judged as before.

    >>> from cleannews.strip.detectors import _Line
    >>> ls = [_Line(t, frozenset()) for t in ("Zukunft des VfL", "Politik", "Sport")]
    >>> _phrase_alone(ls, [0]), _phrase_alone(ls, [0, 1]), _phrase_alone(ls, [2])
    (True, False, False)
    """
    return len(run) == 1 and _phrase_label(lines[run[0]])


def head_zone(lines, body_start: int, kickers: frozenset[str] = frozenset()) -> None:
    """Take the short labels standing next to the page's chrome above the article.

    ``lines``: the detectors' lines after the rules (class, removal, protected);
    ``body_start``: the first line of the article's body (:func:`~._pagekind.page_kind`,
    -1 for none). In the page's head (:func:`head_end`), a run of :func:`label_line` lines
    (blank lines do not break it) goes

    * ``head_chrome``: when the lines around it are both removed (or the top of the page and
      a removed line) and one of them is an anchor (:func:`is_anchor`);
    * ``head_label``: when the line above it is an anchor and the run has at most
      :data:`UNDER_ANCHOR_MAX_LINES` lines of at most :data:`UNDER_ANCHOR_MAX_WORDS` words,

    each only with a headline below the run (:func:`_longest_headline_below`). The reason names the
    anchor.

        >>> from cleannews.strip.detectors import _Line, GOOD
        >>> texts = ["Skip to content", "Uncategorized", "Next up: HTC and BlackBerry launch",
        ...          "Smartphone month goes on with an HTC announcement and leaked photos of "
        ...          "the delayed BlackBerry phones."]
        >>> ls = [_Line(t, frozenset()) for t in texts]
        >>> ls[0].bad("nav_menu_en", "menu")
        >>> ls[3].cls = GOOD
        >>> head_zone(ls, 3)
        >>> ls[1].removal.rule, ls[2].removal
        ('head_label', None)
        >>> ls[1].removal.reason
        "label under the page's chrome ('Skip to content', nav_menu_en), above the headline"
    """
    end = head_end(lines, body_start)
    idx = [i for i in range(end) if not lines[i].blank]
    if not any(is_anchor(lines[i]) for i in idx):
        return
    seen = Counter(ln.text.strip(_KICKER_TRIM).casefold() for ln in lines if not ln.blank)
    printed = frozenset(t for t, c in seen.items() if c > 1)  # texts on two lines or more
    below_best = _longest_headline_below(lines, idx)
    # head_chrome: runs between removed lines, one an anchor
    for run, k, anchor in _anchored_runs(lines, idx, label_line):
        if _kicker(lines, run, kickers, printed) or _phrase_alone(lines, run):
            continue
        if k < len(idx) and below_best[k] > max(lines[i].n for i in run):  # a headline below
            reason = "short label between the page's chrome ({}) and furniture, above the headline"
            _take(lines, run, "head_chrome", reason, anchor)
    for k, i in enumerate(idx):  # head_label: the labels right under an anchor
        if not is_anchor(lines[i]):
            continue
        rest = k + 1
        while rest < len(idx) and label_line(lines[idx[rest]], UNDER_ANCHOR_MAX_WORDS):
            rest += 1
        run = idx[k + 1 : rest]
        if not 0 < len(run) <= UNDER_ANCHOR_MAX_LINES:
            continue
        if _kicker(lines, run, kickers, printed) or _phrase_alone(lines, run):
            continue
        while rest < len(idx) and lines[idx[rest]].cls == BAD:
            rest += 1
        nxt = lines[idx[rest]] if rest < len(idx) else lines[end] if end < len(lines) else None
        if nxt is not None and _headline_shaped(nxt):  # the labels stand on the headline
            reason = "label under the page's chrome ({}), above the headline"
            _take(lines, run, "head_label", reason, lines[i])
    # the labels just taken are no headline any more: the longest headline below, anew
    head_menu(lines, idx, None, kickers, printed)  # None: computed when a run needs it


def menu_item(ln) -> bool:
    """A standing line that may be an entry of a menu in the page's head: 1 to
    :data:`MENU_LINE_MAX_WORDS` words, not protected, ending with no sentence or clause
    punctuation. Unlike :func:`label_line`, a figure, a bullet and a long glued menu are
    allowed (:func:`head_menu` bounds the long lines and reads the place).

    >>> from cleannews.strip.detectors import _Line
    >>> [menu_item(_Line(t, frozenset())) for t in ("• Bretagne",
    ...  "Infos congo - Actualités Congo - 08 Mars 2024", "Home Actualités Petites annonces",
    ...  "Le maire a signé l’arrêté hier soir.", "Trois sujets :")]
    [True, True, True, False, False]
    """
    if ln.blank or ln.cls == BAD or ln.protected or not 0 < ln.n <= MENU_LINE_MAX_WORDS:
        return False
    return ln.text[-1:] not in _END_CHARS


#: A line of menu entries glued together: mostly words with a capital ("Home Actualités
#: Petites annonces Offres d'emploi …"); a headline is written in sentence case.
GLUED_CAPS_SHARE = 0.5


def _glued_menu(ln) -> bool:
    """A long line that is no headline: over :data:`HEADLINE_MAX_WORDS` words, or over
    :data:`CHROME_MAX_WORDS` with at least :data:`GLUED_CAPS_SHARE` of its words capitalised.

    >>> from cleannews.strip.detectors import _Line
    >>> [_glued_menu(_Line(t, frozenset())) for t in (
    ...     "Home Actualités Petites annonces Offres d'emploi Appels d'offres",
    ...     "Saint-Herblain : un incendie ravage un entrepôt de la zone")]
    [True, False]
    """
    if ln.n > HEADLINE_MAX_WORDS:
        return True
    if ln.n <= CHROME_MAX_WORDS:
        return False
    words = [w for w in ln.text.split() if any(c.isalpha() for c in w)]
    return sum(w[:1].isupper() for w in words) >= GLUED_CAPS_SHARE * len(words)


def head_menu(
    lines,
    idx: list[int],
    below_best: list[int] | None,
    kickers: frozenset[str] = frozenset(),
    printed: frozenset[str] = frozenset(),
) -> None:
    """Take a menu run of the head that holds one longer line or bullets (branch strip-rel8).

    :func:`head_zone`'s ``head_chrome`` takes runs of short labels only: a run that also holds
    one glued menu ("Home Actualités Petites annonces Offres d'emploi …"), a site's tagline
    ("Las Provincias - Diario de noticias y actualidad Comunidad Valenciana"), a date or bullets
    ("• Bretagne", "• Corse") stayed whole. Here a run of :func:`menu_item` lines (``idx``:
    the head's non-blank lines; removed lines break a run) goes, rule ``head_menu``, when

    * it stands between two removed lines, one of them an anchor (:func:`is_anchor`), or
      between the top of the page and an anchor (as ``head_chrome``);
    * at most :data:`MENU_LONG_MAX` of its lines have more than :data:`CHROME_MAX_WORDS` words;
    * a headline stands below it (``below_best``: :func:`_longest_headline_below`, computed
      here on first need when None) longer than
      each of its short lines, and longer than its last line when that is the long one (a
      headline in Title Case stands right above the chrome too);
    * its last line (the one nearest the headline) is no kicker (:func:`_kicker`: a kicker
      word, a text printed twice, a word of the story); the other lines of a menu may name
      the story's region or section, which a menu does ("• Bretagne" over a story in Brest).

        >>> from cleannews.strip.detectors import _Line, GOOD
        >>> texts = ["Recherche", "Home Actualités Petites annonces Offres d'emploi Appels "
        ...          "d'offres Publireportages", "mediacongo", "Retour",
        ...          "Le conseil municipal adopte le budget de la ville",
        ...          "Le conseil municipal a adopté mardi soir le budget de la ville pour "
        ...          "l'année prochaine, après un long débat."]
        >>> ls = [_Line(t, frozenset()) for t in texts]
        >>> ls[3].bad("nav_link_line", "back link")
        >>> ls[5].cls = GOOD
        >>> head_zone(ls, 5)
        >>> [ln.removal.rule if ln.removal else None for ln in ls]
        ['head_menu', 'head_menu', 'head_menu', 'nav_link_line', None, None]
    """
    for run, k, anchor in _anchored_runs(lines, idx, menu_item):
        short = [i for i in run if lines[i].n <= CHROME_MAX_WORDS]
        glued = [i for i in run if _glued_menu(lines[i])]
        if len(short) + len(glued) < len(run) or not 0 < len(glued) <= MENU_LONG_MAX:
            continue  # no glued menu (labels alone are head_chrome's), or a headline's length
        if below_best is None:  # lazily: most heads have no such run (branch perf8)
            below_best = _longest_headline_below(lines, idx)
        if below_best[k] <= max((lines[i].n for i in short), default=0):
            continue  # no headline below the run
        last = lines[run[-1]]
        if _glued_menu(last) and last.n <= HEADLINE_MAX_WORDS and below_best[k] <= last.n:
            continue  # a Title Case headline right above the chrome, not a menu
        names = [i for i in short if not _BULLET.match(lines[i].text)]
        if names and _kicker(lines, names, kickers, printed):
            continue  # a label names the story (a bullet is a menu's entry, never a kicker)
        reason = "menu of the page's head next to its chrome ({}), above the headline"
        _take(lines, run, "head_menu", reason, anchor)


def _anchored_runs(lines, idx: list[int], member):
    """Runs of consecutive lines (of ``idx``) that ``member`` accepts, standing between two
    removed lines (or the top of the page and a removed line), one of them an anchor
    (:func:`is_anchor`). Yields ``(run, k, anchor)``: the run's line numbers, the position in
    ``idx`` right after it, and the anchor line.

        >>> from cleannews.strip.detectors import _Line
        >>> ls = [_Line(t, frozenset()) for t in ("Menu", "Sport", "Culture", "Connexion")]
        >>> ls[0].bad("nav_menu", "menu")
        >>> ls[3].bad("login_line", "login")
        >>> [(run, k) for run, k, _ in _anchored_runs(ls, [0, 1, 2, 3], lambda ln: ln.cls != "bad")]
        [([1, 2], 3)]
    """
    k = 0
    while k < len(idx):
        if not member(lines[idx[k]]):
            k += 1
            continue
        s = k
        while k < len(idx) and member(lines[idx[k]]):
            k += 1
        above = lines[idx[s - 1]] if s else None
        below = lines[idx[k]] if k < len(idx) else None
        if below is None or below.cls != BAD or (above is not None and above.cls != BAD):
            continue
        anchor = above if above is not None and is_anchor(above) else below
        if is_anchor(anchor):
            yield idx[s:k], k, anchor


def _take(lines, run: list[int], rule: str, reason: str, anchor) -> None:
    """Remove the lines ``run`` (rule ``rule``), the reason naming the anchor line."""
    what = f"'{anchor.text[:40]}', {anchor.removal.rule}"
    for i in run:
        lines[i].bad(rule, reason.format(what))
