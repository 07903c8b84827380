"""Give back article lines that a position rule or a model took, when the page says they are
the article's (issue 10, point 4, branch strip-keep8).

Position rules (``context``, ``menu_run``, ``tail_teaser``, the teasers a "Read more"
heading takes, ``related_zone`` …) and the models judge a line by where it stands: next
to furniture, an article's subheading, a line-up or a byline reads like a teaser or a
menu item. These guards run last, once every rule and model has spoken, and give a line
back only on evidence found in the page itself:

* :func:`give_back_topical` — the line speaks of what the article's paragraphs speak of
  (most of its content words are in them) and a paragraph of the article stands below it;
* :func:`give_back_announced_list` — the line is an item of a list the article announces
  (a kept line ending with a colon: "… décerné par le président et son jury :");
* :func:`give_back_byline` — a person's name (and the short line under it) that the
  short-block rule took: a byline, a signature, a name of a list;
* :func:`give_back_date_badge` — the pieces of a date split over lines ("Jun" / "16",
  "30 settembre 2021" / "21:25") that a shape rule took as counters or a menu, next to a
  kept line of the page (issue 10, round 9, branch strip-keep9);
* :func:`give_back_quoted` — words a position rule took between two lines of lone
  punctuation with a quote mark ("«" / "Phèdre" / "»."): a title split over lines;
* :func:`give_back_chapters` — a video's chapter list: timecodes rising from zero, each
  with its chapter's title ("00:00:00" / "Tout le monde s'installe" / "00:01:34" / …);
* :func:`give_back_teaser_headline` — a listing's headline a position rule took right
  above its own kept paragraph (both speak of the same things);
* :func:`give_back_reply` — a short reply of a transcript under its speaker's tag, after
  another speaker's tag and reply ("HENRIETTE." / "Voyons ?", branch keep20);
* :func:`give_back_section_label` — a comment prompt's one-word label ("Réactions") between
  two paragraphs of an article cut into sections: its subheading (branch keep20);
* :func:`give_back_cut_end` — the page's last line, prose cut in the middle of a sentence
  ("L'auteur de cet ouvrage paru récem"), that a model took under a widget line (branch
  keep21).
* :func:`give_back_subheading` — an article's subheading that the short-block rule or the
  tail's teaser runs took between furniture, when it shares a word stem with the article's
  paragraphs and the article stands under it ("Flambée de violence", branch stress22).
* :func:`give_back_lone_item` — the one line a "Read more" heading took between two kept
  paragraphs of the article (branch stress23);
* :func:`give_back_run_on` — a line a "Read more" heading took whose sentence runs on: a
  comma at its end, or the kept line under it going on in small letters (branch stress23).
* :func:`give_back_question` — a question a "Read more" heading took with a kept paragraph
  of the article right under it: an interviewer's question and its answer (round 25).
* :func:`give_back_menu_headline` — the article's headline another site's menu run took as
  its last item, when the paragraph under it repeats its words ("Adieu l'Ami" / "Adieu
  l'Ami, ce titre …", branch stress24).
* :func:`give_back_inner_title` — a short capitalised title the models took right between
  two paragraphs of the article ("Final cut" / "Dimanche" / "» a été consacré …", branch
  linemodel25); :func:`give_back_announced_list` also gives back the first items of a list
  the page's end cuts ("… le Conseil MUNICIPAL :" / "• ADO").
* :func:`give_back_list_item` — a "Label : value" line the tail's teaser run took under the
  article's own "Label : value" lines (a palmarès' last prize, branch linemodel25).
* :func:`give_back_between_paragraphs` — a line the short-block rule took between two kept
  paragraphs of the article, with furniture on both sides of it ("Phèdre", branch stress25).
* :func:`give_back_hashtag` — one hashtag alone that the link-dense rule took under the
  article's paragraph: a post's or a quoted tweet's closing tag (round 26);
* :func:`give_back_intro` — a line ending with a colon that a menu run or the short-block
  rule took right above a paragraph it announces ("Au sommaire:", round 26);
* :func:`give_back_clock` — a time of day the video-duration rule took above the article's
  paragraph ("- 20:40" under the byline, round 26).
* :func:`give_back_dateline` — a date alone that a position rule took above the article's
  headline and paragraph ("15 Jan" under another site's menu run, round 27);
  :func:`give_back_byline` also gives back a signature's title under a kept name that a
  menu run took ("Président du District"), and a paragraph the page cut in the middle of a
  word counts as the article's for every guard (:func:`_is_body`, round 27).
* :func:`give_back_tail_title` — a title the tail's teaser rule took with the article going
  on under it, past another site's widgets ("Bompas : l’ESAT prend feu" / "Publicité" / "Un
  feu s'est déclaré dans l'ESAT de Bompas c", round 28); :func:`give_back_dateline` also
  reads a date with its time and looks past a headline and a kicker, and
  :func:`give_back_cut_end` gives back a long paragraph a "Read more" heading took at the
  page's end (round 28). :func:`give_back_chapters` also looks past one line a position rule
  took above the list, and a person's name may hold a capital inside its surname ("Jim
  O’Rourke", :data:`_NAME`, round 29).
* :func:`give_back_results_heading` — a results page's round headings ("Finale" over each
  final) and division headings ("Fédérale 2" between two ad labels) that the repeated-block
  and short-block rules took (round 29).
* :func:`give_back_split_title` — a title broken over adjacent lines going on with small
  function words ("Aiuti in Africa" / "e Sudamerica" / "per la sagra") that a menu run took
  (round 30).

Explicit phrase rules ("Lire aussi : …", "Partager") are never overruled here, but for the
comment prompts' labels of :func:`give_back_section_label`. Lines a rule should never take are
flagged before the detectors run instead of given back here: a table's rows (``_Line.table``,
:mod:`cleannews.strip._tables`, round 31) and a numbered sequence's items and heading
(``_Line.numbered``, :mod:`cleannews.strip._sequences`, round 32).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

import regex

from cleannews._lazyre import LazyPattern
from cleannews.strip._assemble import AMB, BAD
from cleannews.strip._pagelang import _LETTER
from cleannews.strip._rules import _word_file
from cleannews.strip.linemodel import _ITEM_SUFFIX

__all__ = [
    "GUARDED_RULES", "GUARDS", "POSITION_RULES", "give_back", "give_back_announced_list",
    "give_back_between_paragraphs", "give_back_byline", "give_back_chapters", "give_back_clock",
    "give_back_closing_sentence", "give_back_cut_end", "give_back_date_badge",
    "give_back_dateline", "give_back_first_copy", "give_back_hashtag", "give_back_initials",
    "give_back_inner_title", "give_back_intro", "give_back_link_headline", "give_back_list_item",
    "give_back_lone_item",
    "give_back_menu_headline", "give_back_policy_item",
    "give_back_question", "give_back_quoted", "give_back_reply", "give_back_results_heading",
    "give_back_run_on", "give_back_section_label", "give_back_split_title",
    "give_back_subheading", "give_back_tail_title",
    "give_back_teaser_headline", "give_back_topical",
]

#: Rules that judge a line by its place (its neighbours, its run, the page's zones) or by
#: a model, not by its words: the only removals these guards may undo. A "Read more"
#: heading's own line goes with the same rule name as its teasers, but shares no words
#: with the article.
POSITION_RULES = frozenset({
    "context", "menu_run", "bulleted_menu", "tail_teaser", "related_zone", "excerpt_run",
    "card_zone", "line_model", "run_model",
    "related_lead", "related_lead_en", "related_lead_de", "related_lead_es", "related_lead_it",
})

#: :func:`give_back_announced_list` also undoes the caption rules, which take the line
#: next to an image path or a photo credit whatever it says (an image in a prize list).
LIST_RULES = POSITION_RULES | {"image_path", "photo_caption"}

#: A content word: at least this many letters (and not a stop word of any language; the
#: function words of the five languages are shorter, or in the stoplists: "vous", "cela"
#: are in neither list, as :data:`cleannews.strip._pagekind.COHESION_WORD_CHARS` found).
CONTENT_WORD_MIN_LETTERS = 5
#: :func:`give_back_topical`: a line of at least this many content words (a heading of
#: two, "Cela vous intéressera aussi", shares them by chance) …
TOPICAL_MIN_WORDS = 3
#: … at least this many of them …
TOPICAL_MIN_SHARED = 2
#: … making at least this share of them, are in the article's paragraphs.
TOPICAL_MIN_SHARE = 0.5
#: Rules :func:`give_back_topical` leaves alone: a section menu's items name the article's
#: topic ("Rugby amateur" in "Accueil / Sports / Rugby / Rugby amateur" above a rugby story).
TOPICAL_SKIP_RULES = frozenset({"menu_run"})
#: A paragraph of the article: a kept line of at least this many words ending a sentence.
BODY_MIN_WORDS = 12
#: … or a kept line of at least this many words that the page cut in the middle of a word
#: (:data:`_CUT_WORD_END`: a small letter last, no ellipsis): the article's paragraph a
#: page stored up to a length, or a paywall, cut ("… partendo da una base logistica
#: allestita in un bar di Aci Bonaccorsi, estendeva i suoi i", round 27).
CUT_BODY_MIN_WORDS = 40
_CUT_WORD_END = LazyPattern(r"\p{Ll}$")

#: :func:`give_back_announced_list`: an introduction has at least this many words …
INTRO_MIN_WORDS = 4
#: … and its list runs at most this many non-blank lines below it.
LIST_MAX_LINES = 30
#: An item of an announced list has at most this many words.
LIST_ITEM_MAX_WORDS = 20
#: An announced list's items share a shape: at least this many lines of its zone have it.
LIST_MIN_ITEMS = 2
#: The item shapes given back there: two capitalised words ("Read More", "Share Button"
#: on the recombined pages) start a list but are no item to give back.
LIST_GIVE_BACK_SHAPES = frozenset({"label", "bullet"})

_LABEL_ITEM = LazyPattern(r"^[^:|]{2,60}?\s:\s\S")
_BULLET_ITEM = LazyPattern(r"^(?:[-–—•·▪*]\s|\d{1,2}[.)]\s)")
#: Rules :func:`give_back_byline` may undo: the short-block rule only. A "Read more"
#: heading ("Most Popular") is two capitalised words too and goes with its teasers' rule
#: name; a menu run's or the models' two capitalised words were furniture on the stress
#: set ("Cyprus Mail" / "Britain", "Share Button", "Météo Météo").
BYLINE_RULES = frozenset({"context"})
_INTRO_END = LazyPattern(r"\p{L}[\p{L}\s)»”\"]*:\s*$")
#: "Élisabeth Fleury", "Borja Crespo": two or three capitalised words; a surname may hold
#: one capital more right after its first small letters or an apostrophe ("Jim O’Rourke",
#: "Susan MacEachron", "Kevin McCarthy", round 29: the letter's signature "Jim O’Rourke" went
#: as a short block between furniture); after a hyphen, none ("Kramp-Karrenbauer": a
#: caption's list of names stays no byline, tests/test_stress25.py).
_NAME = regex.compile(
    r"^(?:\p{Lu}[\p{Ll}’'-]+(?:-\p{Lu}\p{Ll}+)?)"
    r"(?:\s\p{Lu}[\p{Ll}’'-]+(?:(?<=[\p{Ll}’'])\p{Lu}\p{Ll}+)?){1,2}+$"
)
_CONTENT_WORD = LazyPattern(rf"\p{{L}}{{{CONTENT_WORD_MIN_LETTERS},}}")


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    """Stop words of every shipped language (a content word is none of them)."""
    from cleannews.strip.detectors import _stoplists

    return frozenset().union(*_stoplists().values())


def _content_words(low: str) -> set[str]:
    """The content words of a case-folded line.

    >>> sorted(_content_words("la banque d'angleterre maintient ses taux"))
    ['angleterre', 'banque', 'maintient']
    """
    stop = _stop()
    return {w for w in _CONTENT_WORD.findall(low) if w not in stop}


def _is_body(ln) -> bool:
    """A kept paragraph of the article: :data:`BODY_MIN_WORDS` words ending a sentence, or
    :data:`CUT_BODY_MIN_WORDS` words cut in the middle of a word.

    >>> from cleannews.strip.detectors import _Line
    >>> cut = " ".join(["mot"] * CUT_BODY_MIN_WORDS) + " estendeva i suoi i"
    >>> [_is_body(_Line(t, frozenset())) for t in (cut, cut[:60], cut + " 2024")]
    [True, False, False]
    """
    if ln.cls == BAD or ln.blank or ln.n < BODY_MIN_WORDS:
        return False
    return ln.ends or (
        ln.n >= CUT_BODY_MIN_WORDS and _CUT_WORD_END.search(ln.text[-8:].rstrip()) is not None
    )


def _first_body(lines) -> int:
    """The index of the page's first kept paragraph of the article (:func:`_is_body`), or
    ``len(lines)`` when there is none.

    >>> from cleannews.strip.detectors import _Line
    >>> lines = [_Line(t, frozenset()) for t in ["Politique", "Le conseil municipal a voté "
    ...          "le budget de la commune pour l'année prochaine, hier soir en mairie."]]
    >>> _first_body(lines), _first_body(lines[:1])
    (1, 1)
    """
    return next((k for k, ln in enumerate(lines) if _is_body(ln)), len(lines))


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
        if _taken(ln) and ln.removal.rule not in TOPICAL_SKIP_RULES
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
    mines = {i: _content_words(lines[i].low) for i in cands}
    wanted = set().union(*mines.values())
    words: set[str] = set()  # the candidates' words that the body holds (not all its words:
    for i in body:  # on a long page that set was most of the page's vocabulary, round 27)
        words |= _content_words(lines[i].low) & wanted
    given = []
    for i in cands:
        mine = mines[i]
        shared = len(mine & words)
        if (
            len(mine) >= TOPICAL_MIN_WORDS and shared >= TOPICAL_MIN_SHARED
            and shared >= TOPICAL_MIN_SHARE * len(mine)
        ):
            given.append(i)
    return _restore(lines, given)


def _restore(lines, given: list[int]) -> list[int]:
    """Give the lines at ``given`` back: no removal, left to the later passes as ambiguous
    (every guard of this module ends with it). Returns ``given``."""
    for i in given:
        lines[i].cls = AMB
        lines[i].removal = None
    return given


def _taken(ln, rules: frozenset[str] = POSITION_RULES) -> bool:
    """Removed by one of ``rules`` (whole line)."""
    return (
        ln.cls == BAD and ln.removal is not None and ln.removal.rule in rules
        and not ln.removal.spans
    )


def give_back_announced_list(lines) -> list[int]:
    """Give back the short lines a position rule took among the :data:`LIST_MAX_LINES`
    non-blank lines under a kept line of the article that announces a list (at least
    :data:`INTRO_MIN_WORDS` words, ending with a colon after a word), up to the next kept
    paragraph, when the line right under the announcement is a list item
    (:func:`_item_shape`) and each line given back has the shape of at least
    :data:`LIST_MIN_ITEMS` lines of the zone. Furniture spliced into the list still goes by
    its own rules; a "Sur le même sujet" heading under the announcement ends the matter.

    Before: the palmarès under "Voici le palmarès de ce 70e festival de Cannes, décerné par
    le président Pedro Almodovar et par son jury :" went as teasers after the article's
    last paragraph ("Palme d'or : The Square de Ruben Ostlund", …).

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Voici le palmarès décerné par le jury :", "Palme d'or : The Square",
        ...         "Grand prix : 120 battements par minute", "Lire aussi"]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> for ln in lines[1:]:
        ...     ln.bad("tail_teaser", "teasers after the article")
        >>> give_back_announced_list(lines)
        [1, 2]
    """
    given = []
    if not any(_taken(ln, LIST_RULES) for ln in lines):
        return given  # nothing a guard may give back (branch perf8)
    n = len(lines)
    last = next((k for k in range(n - 1, -1, -1) if not lines[k].blank), -1)
    for i, ln in enumerate(lines):
        if ln.blank or ln.cls == BAD or ln.n < INTRO_MIN_WORDS:
            continue
        tail = ln.text[-60:]
        if ":" not in tail or not _INTRO_END.search(tail):  # the pattern's colon, first
            continue
        zone = []
        for j in range(i + 1, n):
            item = lines[j]
            if item.blank:
                continue
            if len(zone) >= LIST_MAX_LINES or (item.cls != BAD and _is_body(item)):
                break
            zone.append(j)
        shapes = {j: _item_shape(lines[j].text) for j in zone}
        if not zone or not shapes[zone[0]]:
            continue  # the list starts right under its announcement, or there is none
        counts: dict[str, int] = {}
        for sh in shapes.values():
            counts[sh] = counts.get(sh, 0) + 1
        # the page ends inside the list (stored up to a length): fewer items than
        # LIST_MIN_ITEMS, all of one shape, are its first ones ("… le Conseil MUNICIPAL :" /
        # "• ADO" as the page's last line)
        cut = zone[-1] == last and len(counts) == 1
        given += [
            j for j in zone
            if _taken(lines[j], LIST_RULES) and lines[j].n <= LIST_ITEM_MAX_WORDS
            and shapes[j] in LIST_GIVE_BACK_SHAPES
            and (counts[shapes[j]] >= LIST_MIN_ITEMS or cut)
        ]
    return _restore(lines, given)


def _item_shape(text: str) -> str:
    """The list-item shape of a line: ``"label"`` ("Palme d'or : The Square"), ``"bullet"``
    ("- Pisa. …"), ``"name"`` ("Borja Crespo") or ``""`` (none: a teaser, a heading).

    >>> _item_shape("Grand prix : 120 battements par minute"), _item_shape("Lire aussi")
    ('label', '')
    """
    if _LABEL_ITEM.match(text):
        return "label"
    if _BULLET_ITEM.match(text):
        return "bullet"
    if _NAME.match(text):
        return "name"
    return ""


def _person_name(ln) -> bool:
    """Two or three capitalised words, the first no stop word ("Borja Crespo", not "La Une
    Tous" nor "The Charlatans").

    >>> from cleannews.strip.detectors import _Line
    >>> [_person_name(_Line(t, frozenset())) for t in ("Borja Crespo", "Die Presse")]
    [True, False]

    The line's words are listed (``ln.words``: a ``findall`` a call) only when its text has
    a name's shape (round 35, perf50: "Art. 3" had them listed twice a page for nothing).
    """
    return _NAME.match(ln.text) is not None and _name_words(ln.words)


#: :func:`_name_list`: a byline of several authors names at least this many persons …
NAME_LIST_MIN_NAMES = 2


def _name_text(
    text: str, words: list[str] | None = None, *, stop_first: bool = False
) -> bool:
    """Whether ``text`` (a line, or a piece of one) is a person's name: two or three
    capitalised words, the first no stop word, no widget word; ``words``: its case-folded
    words when the caller has them (a line's); ``stop_first``: the first word may be a stop
    word (a jusText list holds "john" in English, German, French and Italian: a listing's
    credit "John Szink" before its date, :func:`cleannews.strip.detectors._item_credit`).

    >>> _name_text("John Szink"), _name_text("John Szink", stop_first=True)
    (False, True)
    >>> _name_text("Partager Facebook", stop_first=True)  # widget words
    False
    """
    if not _NAME.match(text):
        return False
    return _name_words(text.casefold().split() if words is None else words,
                       stop_first=stop_first)


def _name_words(words: list[str], *, stop_first: bool = False) -> bool:
    """The words of a text of a name's shape (:data:`_NAME`) name a person: the first is no
    stop word (unless ``stop_first``), none a widget word.

    >>> _name_words(["borja", "crespo"]), _name_words(["die", "presse"])
    (True, False)
    >>> _name_words(["die", "presse"], stop_first=True)
    True
    """
    widgets = _widget_words()
    return (stop_first or words[0] not in _stop()) and not any(w in widgets for w in words)


def _name_list(ln) -> bool:
    """A byline of several authors: comma-separated pieces, at least
    :data:`NAME_LIST_MIN_NAMES` of them persons' names (:func:`_name_text`), every piece
    after the first one a name (the first may carry the outlet glued to the first author,
    as a page's text extraction prints it: "Le ParisienVincent Vérier,Erwan Benezet,Matthieu
    Pelloli"). A tag list or a menu has pieces of one word or with small letters.

    >>> from cleannews.strip.detectors import _Line
    >>> [_name_list(_Line(t, frozenset())) for t in (
    ...     "Le ParisienVincent Vérier,Erwan Benezet,Matthieu Pelloli",
    ...     "Medien, Gesellschaft, Technologie", "Élisabeth Fleury")]
    [True, False, False]
    """
    if "," not in ln.text:
        return False
    pieces = [p.strip() for p in ln.text.split(",")]
    if len(pieces) < NAME_LIST_MIN_NAMES:
        return False
    names = [_name_text(p) for p in pieces]
    return all(names[1:]) and sum(names) >= NAME_LIST_MIN_NAMES


@lru_cache(maxsize=1)
def _widget_words() -> frozenset[str]:
    """Button and widget words of the French and English rule files ("share", "print")."""
    from cleannews.strip._rules import load_rules

    return frozenset(load_rules(("fr", "en")).widget_words)


def give_back_byline(lines) -> list[int]:
    """Give back a person's name (:func:`_person_name`) that the short-block rule
    (``context``) took where a byline or a signature stands — between the headline and the
    first paragraph, or right under a kept line ending like a sentence ("Cordialità.", the
    last paragraph) — with the short line right under it when that rule took it too (the
    author's outlet or title, two or three words with a capital: "Le Soleil", "Spécialiste
    Smartphone"; not a one-word section label like "Attualità"): a byline, a signature,
    a name of a list. Bylines are the article's; the context rule had no word against it.
    Under a name that stayed, the short line is given back alone when the short-block rule
    or a menu run (:data:`BYLINE_TITLE_RULES`) took it: a signature's title above the comment
    widgets' menu run ("Philippe Guilbault" / "Président du District", round 27).

    Before: "Élisabeth Fleury" / "Le Soleil" under "Le beau risque de François Legault"
    went as a short block between furniture.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Le beau risque de François Legault", "Élisabeth Fleury", "Le Soleil",
        ...         "La sortie de jeudi matin du premier ministre a surpris ses alliés "
        ...         "comme ses adversaires."]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> for ln in lines[1:3]:
        ...     ln.bad("context", "short block surrounded by boilerplate")
        >>> give_back_byline(lines)
        [1, 2]
    """
    from cleannews.strip.detectors import title_line

    names = [
        k for k, ln in enumerate(lines)
        if (
            _taken(ln, BYLINE_RULES)
            or (ln.cls != BAD and _taken_below(lines, k, BYLINE_TITLE_RULES))
        ) and (_person_name(ln) or _name_list(ln))
    ]
    if not names:
        return []  # the headline is looked for only when a name may be given back (perf8)
    head = title_line(lines)
    first_body = next((k for k in range(head + 1, len(lines)) if _is_body(lines[k])), -1)
    given = []
    for k in names:
        up = _above_widgets(lines, k)
        byline = 0 <= head < k < first_body
        signature = up >= 0 and lines[up].cls != BAD and lines[up].ends
        if not (byline or signature):
            continue
        if lines[k].cls == BAD:
            given.append(k)
        nxt = _neighbours(lines, k, 1, 1)
        if nxt and "," not in lines[k].text:  # a list of authors holds its outlet
            j = nxt[0]
            if (
                _taken(lines[j], BYLINE_TITLE_RULES) and 2 <= lines[j].n <= 3
                and lines[j].text[:1].isupper() and not lines[j].ends
            ):
                given.append(j)
    return sorted(set(_restore(lines, given)))


#: :func:`give_back_byline`: the rules that may take the short line under a byline's name
#: (the author's title or outlet): the short-block rule, and a menu run of the widgets
#: under a signature that starts with it ("Philippe Guilbault" / "Président du District" /
#: "Partager sur" / "commenter", round 27). The name itself is given back from
#: :data:`BYLINE_RULES` only.
BYLINE_TITLE_RULES = BYLINE_RULES | {"menu_run"}


def _taken_below(lines, k: int, rules: frozenset[str]) -> bool:
    """Whether the nearest non-blank line under ``k`` was removed whole by one of ``rules``."""
    nxt = _neighbours(lines, k, 1, 1)
    return bool(nxt) and _taken(lines[nxt[0]], rules)


#: :func:`give_back_byline`: a signature may stand under at most this many widget lines
#: (a share bar, "Leggi tutto", an AI notice) between it and the article's last sentence
#: (branch keep20).
SIGNATURE_MAX_WIDGETS = 2


def _above_widgets(lines, k: int) -> int:
    """The nearest non-blank line above ``k`` once at most :data:`SIGNATURE_MAX_WIDGETS`
    lines removed whole by a phrase rule (no :data:`GUARDED_RULES` rule: a widget named by
    its words, not a teaser or a menu item judged by its place) are passed over; -1 when
    there is none.

        >>> from cleannews.strip.detectors import _Line
        >>> lines = [_Line(t, frozenset()) for t in ("Cordialità.", "Leggi tutto",
        ...                                          "Giorgio Gallivanone")]
        >>> lines[1].bad("nav_line_it", "a navigation link")
        >>> _above_widgets(lines, 2)
        0
    """
    passed = 0
    for j in _neighbours(lines, k, -1, SIGNATURE_MAX_WIDGETS + 1):
        ln = lines[j]
        if (
            passed < SIGNATURE_MAX_WIDGETS and ln.cls == BAD and ln.removal is not None
            and not ln.removal.spans and ln.removal.rule not in GUARDED_RULES
        ):
            passed += 1
            continue
        return j
    return -1


def _neighbours(lines, i: int, step: int, k: int) -> list[int]:
    """The ``k`` nearest non-blank lines of ``i`` in direction ``step`` (+1 / -1)."""
    out = []
    j = i + step
    while 0 <= j < len(lines) and len(out) < k:
        if not lines[j].blank:
            out.append(j)
        j += step
    return out


#: :func:`give_back_date_badge` undoes these rules: the position rules and the shape rules of
#: bare numbers (a day "16" is a counter, a time "21:25" a video duration, seen alone).
DATE_BADGE_RULES = POSITION_RULES | {"counter_number", "video_widget", "view_counter_family"}
#: A date badge has at most this many lines ("25" / "Ene" / "2018" / "10:30") …
DATE_BADGE_MAX_LINES = 4
#: … and a full-date line of it at most this many words ("lunedì 30 settembre 2021").
DATE_LINE_MAX_WORDS = 5
#: … and at most this many blank lines between two of its pieces (a page printed with a
#: blank line between all its lines keeps its badge; two blank lines end it).
BADGE_MAX_BLANKS = 1
#: … and at most this many lines a rule removed whole (no date piece: a slug, a comment
#: prompt) between its last two pieces, the last one a time: a widget printed between a
#: date and its time ("29 novembre 2021" / "elena-gentile" / "01:09") leaves the time in
#: the badge, which ends there (branch stress22).
BADGE_MAX_WIDGETS = 2
_DAY = LazyPattern(r"^(?:0?[1-9]|[12]\d|3[01])\.?$")
_YEAR = LazyPattern(r"^(?:19|20)\d\d$")
#: a time, alone or as a live blog's dashed entry ("21:25", "- 09h50")
_CLOCK = LazyPattern(r"^(?:[-–—•]\s)?(?:[01]?\d|2[0-3])[:h.]\d\d$")
#: the characters :data:`_CLOCK` may open with besides a digit (:func:`_date_piece` tries
#: the day, year and time patterns only on a line opening with one of them or a digit)
_CLOCK_LEADS = frozenset("-–—•")
#: :func:`_date_piece` lists the words of a line of at most this many characters at once
#: (a longer one is read up to one word past a date line's)
DATE_FINDALL_MAX_CHARS = 80
_DATE_WORD = LazyPattern(r"\p{L}+|\d+")


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    """Month names and short forms of the five languages (``data/months.txt``)."""
    return _word_file("months.txt")


def _date_piece(text: str) -> str:
    """What a line of a date badge is: ``"month"`` ("Jun", "Ene."), ``"date"`` ("30
    settembre 2021"), ``"day"`` ("16"), ``"year"`` ("2018"), ``"clock"`` ("21:25") or ``""``.

    >>> [_date_piece(t) for t in ("Jun", "16", "30 settembre 2021", "21:25", "Home")]
    ['month', 'day', 'date', 'clock', '']
    """
    t = text.strip().casefold()
    first = t[:1]
    if first.isdecimal() or first in _CLOCK_LEADS:  # what a day, a year, a time opens with
        if _DAY.match(t):
            return "day"
        if _YEAR.match(t):
            return "year"
        if _CLOCK.match(t):
            return "clock"
    months = _months()
    if t.rstrip(".") in months:
        return "month"
    # at most one word more than a date line holds: a longer line is no date, and a line of
    # prose is not split into all its words (a short line is read in one call)
    words = (
        _DATE_WORD.findall(t) if len(t) <= DATE_FINDALL_MAX_CHARS
        else [m.group() for m in islice(_DATE_WORD.finditer(t), DATE_LINE_MAX_WORDS + 1)]
    )
    if (
        2 <= len(words) <= DATE_LINE_MAX_WORDS and not months.isdisjoint(words)
        and any(_DAY.match(w) for w in words)
    ):
        return "date"
    return ""


def line_piece(ln) -> str:
    """:func:`_date_piece` of a line's text, read once per line (the date badge's walk and
    the dateline guard both ask it of every line: round 35).

        >>> from cleannews.strip.detectors import _Line
        >>> ln = _Line("30 settembre 2021", frozenset())
        >>> line_piece(ln), ln._piece
        ('date', 'date')
    """
    piece = ln._piece
    if piece is None:
        piece = ln._piece = _date_piece(ln.text)
    return piece


def _next_piece(lines, j: int) -> tuple[int, bool]:
    """The index of the badge's next piece from line ``j`` on (-1: none) and whether a
    widget stands before it. A page printed with a blank line between its lines ("30
    settembre 2021" / "" / "21:25") holds its badge across those (at most
    :data:`BADGE_MAX_BLANKS` blank lines between two non-blank lines); at most
    :data:`BADGE_MAX_WIDGETS` lines removed whole by a rule may stand before a time ("29
    novembre 2021" / "elena-gentile" / "01:09"), not before another piece (a comment count
    "0" / "28" under a date is no day).

        >>> from cleannews.strip.detectors import _Line
        >>> texts = ("29 novembre 2021", "elena-gentile", "", "01:09", "0", "28")
        >>> lines = [_Line(t, frozenset()) for t in texts]
        >>> for k in (1, 4):
        ...     lines[k].bad("slug_line", "a widget")
        >>> _next_piece(lines, 1), _next_piece(lines[:2] + lines[3:], 1), _next_piece(lines, 4)
        ((3, True), (2, True), (-1, False))
    """
    n = len(lines)
    widgets = 0
    while j < n:
        k = j
        while k < n and lines[k].blank and k - j < BADGE_MAX_BLANKS:
            k += 1
        if k >= n or lines[k].blank:
            break
        ln = lines[k]
        piece = line_piece(ln)
        if piece:
            if widgets and piece != "clock":
                break
            return k, widgets > 0
        if (
            widgets >= BADGE_MAX_WIDGETS or ln.cls != BAD or ln.removal is None
            or ln.removal.spans
        ):
            break
        widgets += 1
        j = k + 1
    return -1, False


def give_back_date_badge(lines) -> list[int]:
    """Give back the lines of a date badge — at most :data:`DATE_BADGE_MAX_LINES`
    consecutive lines, each a piece of a date (:func:`_date_piece`), one of them a month
    or a full date — that a :data:`DATE_BADGE_RULES` rule took, when the nearest non-blank
    line above or below the badge is kept and no date piece itself, or a full date of the
    badge is kept ("01 ottobre 2021" / "06:30"). Seen alone, "16" is a
    counter and "21:25" a video duration; under a month, or under a kept date, they are the
    day and the time of the story next to them. A badge between removed teasers still goes.

    Before: "Jun" / "16" above "Sagenhafte Beteiligung der Partnerstadt Collecchio" went,
    "Jun" by the line model, "16" as a counter.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Jun", "16", "", "Sagenhafte Beteiligung der Partnerstadt Collecchio"]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[0].bad("line_model", "furniture by the line model")
        >>> lines[1].bad("counter_number", "a bare counter")
        >>> give_back_date_badge(lines)
        [0, 1]
    """
    if not any(_taken(ln, DATE_BADGE_RULES) for ln in lines if ln.removal is not None):
        return []  # a run gives back only its lines one of these rules took
    n = len(lines)
    given: list[int] = []
    i = 0
    while i < n:
        if lines[i].blank or not line_piece(lines[i]):
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n:
            k, across = _next_piece(lines, j)
            if k < 0:
                break
            run.append(k)
            j = k + 1
            if across:
                break  # the time printed apart from its date ends the badge
        i = j
        pieces = [line_piece(lines[k]) for k in run]
        if len(run) < 2 or len(run) > DATE_BADGE_MAX_LINES:
            continue
        if "month" not in pieces and "date" not in pieces:
            continue
        taken = [k for k in run if _taken(lines[k], DATE_BADGE_RULES)]
        if not taken:
            continue
        near = _neighbours(lines, run[0], -1, 1) + _neighbours(lines, run[-1], 1, 1)
        kept_date = any(
            p == "date" and lines[k].cls != BAD for k, p in zip(run, pieces, strict=True)
        )
        if not kept_date and not any(
            lines[k].cls != BAD and not line_piece(lines[k]) for k in near
        ):
            continue
        given += taken
    return _restore(lines, given)


_PUNCT_ONLY = LazyPattern(r"^[\p{P}\s]+$")


def _punct_only(text: str) -> bool:
    """Lone punctuation (:data:`_PUNCT_ONLY`); a text opening with a letter or a figure is
    none, and the pattern does not run on it (round 35, perf50: :func:`give_back_quoted` ran
    it twice on each "Art. 3" of a page of them).

    >>> _punct_only("»."), _punct_only(": «"), _punct_only("Art. 3"), _punct_only("« A »")
    (True, True, False, False)
    """
    return not text[:1].isalnum() and _PUNCT_ONLY.match(text) is not None
_QUOTE = LazyPattern(r"[«»“”„\"]")


def give_back_quoted(lines) -> list[int]:
    """Give back a line a :data:`POSITION_RULES` rule took whose nearest non-blank lines
    above and below are lone punctuation ("«", "».", ": «", "!"), one of them with a quote
    mark: the words of a title (or a name before its quote) that a page printed with its
    quotes on lines of their own. A menu has no quote marks around its items.

        >>> from cleannews.strip.detectors import _Line
        >>> lines = [_Line(t, frozenset()) for t in ("«", "Phèdre", "!", "».")]
        >>> lines[1].bad("context", "short block surrounded by boilerplate")
        >>> give_back_quoted(lines)
        [1]
    """
    given = []
    for i, ln in enumerate(lines):
        if not _taken(ln) or _punct_only(ln.text):
            continue
        # the line above first: most taken lines stand under a word, and then the line
        # below is never looked for
        up = _neighbours(lines, i, -1, 1)
        if not up or not _punct_only(lines[up[0]].text):
            continue
        down = _neighbours(lines, i, 1, 1)
        if not down or not _punct_only(lines[down[0]].text):
            continue
        if _QUOTE.search(lines[up[0]].text) or _QUOTE.search(lines[down[0]].text):
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_chapters`: a chapter list has at least this many timecodes …
CHAPTER_MIN = 3
#: … and each chapter title under its timecode at most this many words.
CHAPTER_TITLE_MAX_WORDS = 30
#: … and at most this many standing lines (a box of other stories left standing) between a
#: chapter's title and the next timecode (branch stress22).
CHAPTER_MAX_GAP = 6
#: … and a kept line of the page stands above the list, with at most this many lines a
#: position rule took between them (another site's widget, "Actualités Météo" taken by the
#: line model between the article's "Petit résumé de la vidéo …" and "00:00:00", round 29).
CHAPTER_ABOVE_MAX_TAKEN = 1
_TIMECODE = LazyPattern(r"^(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)$")


def _seconds(text: str) -> int:
    """The seconds of a bare timecode ("00:01:34" -> 94, "12:05" -> 725), else -1.

    >>> _seconds("00:01:34"), _seconds("12:05"), _seconds("Ça commence")
    (94, 725, -1)
    """
    m = _TIMECODE.match(text.strip())
    if not m:
        return -1
    return int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + int(m.group(3))


def give_back_chapters(lines) -> list[int]:
    """Give back a video's chapter list: at least :data:`CHAPTER_MIN` bare timecodes, the
    first at zero, rising, each followed by one short line (its chapter's title), under a
    kept line of the page (past at most :data:`CHAPTER_ABOVE_MAX_TAKEN` line a position rule
    took) — the timecodes and titles that :data:`DATE_BADGE_RULES` rules
    took (a timecode seen alone is a video's duration, a short line between durations a
    teaser). Durations of a video list neither start at zero nor rise with their titles.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Petit résumé de la vidéo de la dernière séance.", "00:00:00",
        ...         "Tout le monde s’installe", "00:01:34", "Ça commence", "00:02:01",
        ...         "Valérie Beauvais fait l’appel"]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> for ln in lines[1:]:
        ...     ln.bad("video_widget", "a video's duration")
        >>> give_back_chapters(lines)
        [1, 2, 3, 4, 5, 6]
    """
    # a widget a phrase rule took between two chapters ("Publicité") stays out of the list
    standing = [
        i for i, ln in enumerate(lines)
        if not ln.blank and not (ln.cls == BAD and not _taken(ln, DATE_BADGE_RULES))
    ]
    given: list[int] = []
    k = 0
    while k < len(standing):
        if _seconds(lines[standing[k]].text) != 0:
            k += 1
            continue
        chapters: list[int] = []
        last = -1
        j = k
        while j + 1 < len(standing):
            t = _seconds(lines[standing[j]].text)
            title = lines[standing[j + 1]]
            if t <= last or _seconds(title.text) >= 0 or title.n > CHAPTER_TITLE_MAX_WORDS:
                break
            chapters.append(standing[j])
            last = t
            j += 2
            # the next chapter's timecode, at most CHAPTER_MAX_GAP standing lines further
            gap = next(
                (g for g in range(CHAPTER_MAX_GAP + 1)
                 if j + g < len(standing) and _seconds(lines[standing[j + g]].text) >= 0),
                -1,
            )
            if gap <= 0 and _LETTER.search(title.text):
                # a title right above the next timecode, or the list's last one: a line
                # left standing between them may be the title, not this one
                chapters.append(standing[j - 1])
            if gap < 0:
                break
            j += gap
        start = k
        k = max(j, k + 1)
        if sum(_seconds(lines[i].text) >= 0 for i in chapters) < CHAPTER_MIN or start == 0:
            continue
        above = standing[max(0, start - 1 - CHAPTER_ABOVE_MAX_TAKEN):start]
        if all(lines[i].cls == BAD for i in above):
            continue
        given += [i for i in chapters if _taken(lines[i], DATE_BADGE_RULES)]
    return _restore(lines, given)


#: :func:`give_back_teaser_headline`: a headline shares at least this many content words
#: with the paragraph right under it.
HEADLINE_MIN_SHARED = 2


def give_back_teaser_headline(lines) -> list[int]:
    """Give back a line a :data:`POSITION_RULES` rule took (other than a menu run) when the
    next non-blank line is a kept paragraph of the page (:func:`_is_body`) sharing at least
    :data:`HEADLINE_MIN_SHARED` content words with it: the headline of that paragraph (a
    listing's item under another item's "Read More"), not a teaser of something else.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Read More", "Incendie de véhicules électriques : les pompiers face aux "
        ...         "dangers des batteries", "Après l’incendie d’un véhicule électrique, le "
        ...         "point avec les sapeurs-pompiers de Haute-Vienne sur les risques."]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> for ln in lines[:2]:
        ...     ln.bad("related_lead_en", "teasers under a 'Read more' heading")
        >>> give_back_teaser_headline(lines)
        [1]
    """
    given = []
    for i, ln in enumerate(lines):
        if not _taken(ln) or ln.removal.rule in TOPICAL_SKIP_RULES:
            continue
        nxt = _neighbours(lines, i, 1, 1)
        if not nxt or not _is_body(lines[nxt[0]]):
            continue
        shared = _content_words(ln.low) & _content_words(lines[nxt[0]].low)
        if len(shared) >= HEADLINE_MIN_SHARED:
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_link_headline`: the related-link rules of the data files (a link to
#: another article dropped into the text: "Lee también: …", "VIDEO| …") …
HEADLINE_LINK_RULES = frozenset({
    "related_link", "related_link_de", "related_link_en", "related_link_es", "related_link_it",
})


def give_back_link_headline(lines) -> list[int]:
    """Give back a line a related-link rule (:data:`HEADLINE_LINK_RULES`) took whole above
    the article's first paragraph (:func:`_is_body`: no kept paragraph above it) when the
    next non-blank line is kept, has at least :data:`BODY_MIN_WORDS` words and shares at
    least :data:`HEADLINE_MIN_SHARED` content words with it: the page's own headline under
    a media label ("VIDEO| Inicia el ciclo agrícola 2025 - 2026; sin certeza del precio
    del maíz" over its subtitle "Inicia el ciclo agrícola … en precios del maíz",
    es-r37-0005, round 33), not a link to another article, which stands inside the text
    or after it and names another story.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["VIDEO| Inicia el ciclo agrícola; sin certeza del precio del maíz",
        ...         "Inicia el ciclo agrícola con incertidumbre en los agricultores en "
        ...         "precios del maíz y del frijol"]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[0].bad("related_link_es", "link to another article dropped into the text")
        >>> give_back_link_headline(lines)
        [0]
    """
    given = []
    first_body = -1  # the article's first paragraph, looked for at the first candidate
    for i, ln in enumerate(lines):
        if not _taken(ln, HEADLINE_LINK_RULES):
            continue
        if first_body < 0:
            first_body = _first_body(lines)
        if i > first_body:
            break  # the article has begun: every later link stands inside it or after it
        nxt = _neighbours(lines, i, 1, 1)
        if not nxt or lines[nxt[0]].cls == BAD or lines[nxt[0]].n < BODY_MIN_WORDS:
            continue
        shared = _content_words(ln.low) & _content_words(lines[nxt[0]].low)
        if len(shared) >= HEADLINE_MIN_SHARED:
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_reply`: a reply given back has at most this many words.
REPLY_MAX_WORDS = 12


def _kept_tag(ln) -> bool:
    """A kept speaker tag ("HENRIETTE.", "Léandre :", "LA GRANGE, riant.")."""
    from cleannews.strip.detectors import _short_tag

    return ln.cls != BAD and _short_tag(ln)


def give_back_reply(lines) -> list[int]:
    """Give back a short reply of a transcript (at most :data:`REPLY_MAX_WORDS` words, ending
    like a sentence: "Quoi ?", "Voyons ?") that a :data:`POSITION_RULES` rule took, when the
    three non-blank lines above it are a kept speaker tag, a kept reply ending like a
    sentence and another kept speaker tag (:func:`cleannews.strip.detectors._once_tag`): a
    speaker's turn in an interview or a play (branch keep20). Seen alone, a line of one
    word and a question mark reads like a widget.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["IKAËL.", "C'est un diamant qui vaut douze mille francs.", "HENRIETTE.",
        ...         "Voyons ?"]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[3].bad("line_model", "furniture by the line model")
        >>> give_back_reply(lines)
        [3]
    """
    given = []
    for i, ln in enumerate(lines):
        if not _taken(ln) or not ln.ends or ln.n > REPLY_MAX_WORDS:
            continue
        up = _neighbours(lines, i, -1, 3)
        if (
            len(up) == 3 and _kept_tag(lines[up[0]]) and _kept_tag(lines[up[2]])
            and lines[up[1]].cls != BAD and lines[up[1]].ends and not _kept_tag(lines[up[1]])
        ):
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_section_label`: the comment prompts' rules (of every language), whose
#: one-word label is also an article's subheading ("Réactions": the reactions to the event).
SECTION_LABEL_PREFIX = "comment_prompt"
#: … a label of at most this many words …
SECTION_LABEL_MAX_WORDS = 2
#: … in an article with at least this many subheadings of its own.
SECTION_MIN_SUBHEADINGS = 2
#: A subheading of the article: a kept line of at most this many words.
SUBHEADING_MAX_WORDS = 10


def _between_paragraphs(lines, i: int) -> bool:
    """Line ``i`` has a kept paragraph of the article (:func:`_is_body`) as its nearest
    non-blank line above and below."""
    up, down = _neighbours(lines, i, -1, 1), _neighbours(lines, i, 1, 1)
    return bool(up and down and _is_body(lines[up[0]]) and _is_body(lines[down[0]]))


def _subheadings(lines) -> int:
    """Kept short lines (at most :data:`SUBHEADING_MAX_WORDS` words, not ending like a
    sentence) standing between two paragraphs of the article (:func:`_is_body`)."""
    n = 0
    for i, ln in enumerate(lines):
        if ln.blank or ln.cls == BAD or ln.ends or ln.n > SUBHEADING_MAX_WORDS:
            continue
        if _between_paragraphs(lines, i):
            n += 1
    return n


def give_back_section_label(lines) -> list[int]:
    """Give back a label of at most :data:`SECTION_LABEL_MAX_WORDS` words that a comment
    prompt's rule took ("Réactions") when it stands between two kept paragraphs of the
    article (:func:`_is_body`) in an article cut into sections by at least
    :data:`SECTION_MIN_SUBHEADINGS` kept subheadings of its own (short lines not ending like
    a sentence, each between two of its paragraphs: :func:`_subheadings`): the article goes
    on under one more subheading (branch keep20; fr-a-0066: "Les faits", "Bilan humain",
    …, "Réactions"). A comment section's heading stands under the article's last paragraph,
    above furniture or a comment form's notice. (Sharing two content words with the
    paragraphs above was tried as other evidence: a "Commentaire" label of another site
    put between two paragraphs of the stress set was given back.)

        >>> from cleannews.strip.detectors import _Line
        >>> par = ("Une enquête a été ouverte pour déterminer l'origine du sinistre et les "
        ...        "causes du décès de la fillette.")
        >>> text = [par, "Bilan humain", par, "Enquête en cours", par, "Réactions", par]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[5].bad("comment_prompt", "comment prompt")
        >>> give_back_section_label(lines)
        [5]
    """
    given = []
    sections = None  # the page's subheadings, counted once (no line changes in the loop)
    for i, ln in enumerate(lines):
        if (
            ln.cls != BAD or ln.removal is None or ln.removal.spans
            or not ln.removal.rule.startswith(SECTION_LABEL_PREFIX)
            or ln.n > SECTION_LABEL_MAX_WORDS
        ):
            continue
        if not _between_paragraphs(lines, i):
            continue
        if sections is None:
            sections = _subheadings(lines)
        if sections >= SECTION_MIN_SUBHEADINGS:
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_subheading`: the rules it undoes — the short-block rule and the tail's
#: teaser runs, which take a short line for its place between furniture (branch stress22;
#: the models and the "Read more" headings' rules gave back furniture on the stress set:
#: a caption's name, "Suivez l'information en direct …", "Articles similaires") …
SUBHEADING_RULES = frozenset({"context", "tail_teaser"})
#: … a subheading of at least this many words …
SUBHEADING_MIN_WORDS = 2
#: … sharing at least this many word stems with the article's kept paragraphs …
SUBHEADING_MIN_SHARED = 1
#: … with at most this many removed lines between it and the kept line under it (a widget
#: run: "Golf" / "Neueste Nachrichten"; a teaser among a list of teasers has a whole list
#: under it: en-m-0015's "North Korean media silent on Kim's whereabouts …" above nine, in
#: the site-grouped CV, with a copyright line kept under them) …
SUBHEADING_MAX_WIDGETS = 3
#: … a stem being a content word's first this many letters (:data:`CONTENT_WORD_MIN_LETTERS`:
#: a word family, "Schwimmer" / "Schwimm-WM", "Polizeiarbeit" / "Polizei").
STEM_LETTERS = 5
#: Above the article's first paragraph (the head, where section labels and menus stand) a
#: subheading shares at least this many stems with the paragraphs: a standfirst or dateline
#: naming the article's subject ("DE LOIRE-ATLANTIQUE DU 13 MARS 2018" over a text on the
#: Loire-Atlantique congress, branch stress25). One shared stem is a section label's chance
#: ("Podcasts" over a podcast list, "Read Libé unlimited" over a Libé article).
HEAD_SUBHEADING_MIN_SHARED = 2


def _stems(low: str) -> set[str]:
    """The stems of a case-folded line's content words (their first :data:`STEM_LETTERS`
    letters).

    >>> sorted(_stems("weltmeister! bremer schwimmer holt historischen sieg"))
    ['breme', 'histo', 'schwi', 'weltm']
    """
    return {w[:STEM_LETTERS] for w in _content_words(low)}


def give_back_subheading(lines) -> list[int]:
    """Give back an article's subheading that :data:`SUBHEADING_RULES` took between
    furniture: a line of :data:`SUBHEADING_MIN_WORDS` to :data:`SUBHEADING_MAX_WORDS` words
    opening with a capital or a figure (:func:`_heading_first`) and not ending like a
    sentence, whose next standing line (blank lines and at most
    :data:`SUBHEADING_MAX_WIDGETS` removed lines passed over) is kept, and which shares at
    least :data:`SUBHEADING_MIN_SHARED` word stem (:func:`_stems`) with the article's kept
    paragraphs (:func:`_is_body`) when it stands under the first of them, at least
    :data:`HEAD_SUBHEADING_MIN_SHARED` above it (branch stress25). The short-block rule reads a line
    by its neighbours: with a newsletter box above and a paywall notice or a "Golf" label
    below, "Flambée de violence" went. A widget's label or another story's headline speaks
    of something else (the stress set: "Appli mobile", "Origine du document", "On a testé
    les chips à l'Aromat", "Wissenschaftliche Meldungen" share no stem with the article).

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Le maire a présenté lundi son plan contre les violences urbaines aux "
        ...         "habitants du quartier.", "Abonnez-vous à nos infolettres.",
        ...         "Flambée de violence",
        ...         "Alors que de nombreux incidents violents, dont plu"]
        >>> lines = [_Line(t, frozenset({"le", "son", "les", "du", "aux", "a"})) for t in text]
        >>> lines[1].bad("newsletter_family", "newsletter box")
        >>> lines[2].bad("context", "short block surrounded by boilerplate")
        >>> give_back_subheading(lines)
        [2]
    """
    cands = [
        i for i, ln in enumerate(lines)
        if _taken(ln, SUBHEADING_RULES) and SUBHEADING_MIN_WORDS <= ln.n <= SUBHEADING_MAX_WORDS
        and not ln.ends and _heading_first(ln.text)
    ]
    if not cands:
        return []
    body = [i for i, ln in enumerate(lines) if _is_body(ln)]
    if not body:
        return []
    stems: set[str] | None = None  # the paragraphs' stems, once a candidate needs them
    given = []
    for i in cands:
        need = HEAD_SUBHEADING_MIN_SHARED if i < body[0] else SUBHEADING_MIN_SHARED
        j, passed = i + 1, 0
        # the scan stops past SUBHEADING_MAX_WIDGETS removed lines: a long run of removed
        # lines under many candidates is read once per candidate, not to its end (linear)
        while (j < len(lines) and passed <= SUBHEADING_MAX_WIDGETS
               and (lines[j].blank or lines[j].cls == BAD)):
            passed += not lines[j].blank
            j += 1
        if j >= len(lines) or passed > SUBHEADING_MAX_WIDGETS:
            continue  # nothing of the article stands under it, or only far below
        if stems is None:
            stems = set()
            for k in body:
                stems |= _stems(lines[k].low)
        if len(_stems(lines[i].low) & stems) >= need:
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_between_paragraphs`: the rule it undoes, the short-block rule (a line
#: taken for the furniture around it) …
BETWEEN_RULES = frozenset({"context"})
#: … with at most this many removed lines between it and the kept paragraph above it, and as
#: many between it and the one below (an ad slot of three lines: "Publicité" / a sponsor /
#: "Fin de la publicité"; in TRAIN no furniture the short-block rule takes stands between
#: two paragraphs so close, even with the rules of its own site left out).
BETWEEN_MAX_WIDGETS = 3


def _standing(lines, i: int, step: int) -> int:
    """The nearest non-blank line in direction ``step`` (+1 / -1) that no rule removed,
    when at most :data:`BETWEEN_MAX_WIDGETS` removed lines stand between, every one of them
    removed by a rule of its words or shape (no :data:`POSITION_RULES` rule: a second short
    line taken for its place makes the block a widget of several labels, "YouTube Link" /
    "0 / 600" in a comment form; a "Read more" heading's line makes it a teaser box, "Golf" /
    "Neueste Nachrichten"); -1 otherwise.

        >>> from cleannews.strip.detectors import _Line
        >>> lines = [_Line(t, frozenset()) for t in ("Texte.", "", "Publicité", "Phèdre")]
        >>> lines[2].bad("ad_label", "an advertisement's label")
        >>> _standing(lines, 3, -1), _standing(lines, 0, 1)
        (0, 3)
        >>> lines[2].bad("context", "short block surrounded by boilerplate")
        >>> _standing(lines, 3, -1)
        -1
    """
    j, passed = i + step, 0
    while 0 <= j < len(lines):
        ln = lines[j]
        if not ln.blank:
            if ln.cls != BAD:
                return j
            passed += 1
            if passed > BETWEEN_MAX_WIDGETS or _taken(ln):
                return -1
        j += step
    return -1


def give_back_between_paragraphs(lines) -> list[int]:
    """Give back a line the short-block rule (:data:`BETWEEN_RULES`) took when the nearest
    standing lines above and below it are both paragraphs of the article (:func:`_is_body`),
    with at most :data:`BETWEEN_MAX_WIDGETS` removed lines on each side, and it opens like a
    heading (a capital or a figure, :func:`_heading_first`): the article goes on around it,
    so it is the article's subheading, title or one-line paragraph ("Phèdre" between two
    paragraphs of a theatre piece, with another site's caption above it and its "Retour au
    numéro" / "Partager sur :" below, branch stress25). The short-block rule reads a line by
    its nearest *decided* neighbours; furniture put on both sides of an article's line makes
    it one more piece of furniture. On TRAIN the furniture that rule takes stands above the
    article, after it, or next to other short lines: never alone between two paragraphs.

        >>> from cleannews.strip.detectors import _Line
        >>> par = ("Les humoristes remplissent les salles mais restent des fantômes de la "
        ...        "politique culturelle.")
        >>> text = [par, "Vijay Iyer Trio © Denis Alix", "Phèdre", "Retour au numéro", par]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> for k in (1, 3):
        ...     lines[k].bad("caption", "a photo's caption")
        >>> lines[2].bad("context", "short block surrounded by boilerplate")
        >>> give_back_between_paragraphs(lines)
        [2]
    """
    given = []
    for i, ln in enumerate(lines):
        if not _taken(ln, BETWEEN_RULES) or not _heading_first(ln.text):
            continue
        if _inside_comment_form(lines, i):
            continue
        up, down = _standing(lines, i, -1), _standing(lines, i, 1)
        if up >= 0 and down >= 0 and _is_body(lines[up]) and _is_body(lines[down]):
            given.append(i)
    return _restore(lines, given)


#: Rule names of the comment-form families (prompts, labels, counters, rules links) …
COMMENT_FORM_PREFIX = "comment_"
#: … and how many removed lines :func:`_inside_comment_form` reads on each side for one of them.
COMMENT_FORM_REACH = 2


def _inside_comment_form(lines, i: int) -> bool:
    """Whether the nearest non-blank lines above and below line ``i`` were both removed by a
    comment-form rule (:data:`COMMENT_FORM_PREFIX`): the line is one more piece of that form
    ("0 / 600", a character counter between "Votre commentaire" and "Vers les règles des
    commentaires", fr-a-0164), not the article's line between two of its paragraphs, whatever
    other widget stands beside it.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Votre commentaire", "YouTube Link", "0 / 600", "Vers les règles"]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[0].bad("comment_widget_line", "comment widget label")
        >>> lines[1].bad("widget_words", "buttons")
        >>> lines[3].bad("comment_widget_line", "comment widget label")
        >>> _inside_comment_form(lines, 2)
        True
        >>> lines[3].bad("caption", "a photo's caption")
        >>> _inside_comment_form(lines, 2)
        False
    """
    def form_line(step: int) -> bool:
        """The nearest line that way is the form's, or a widget's with the form's next to it
        (a button row inside the form: "YouTube Link")."""
        for j in _neighbours(lines, i, step, COMMENT_FORM_REACH):
            rule = lines[j].removal.rule if lines[j].cls == BAD and lines[j].removal else ""
            if rule.startswith(COMMENT_FORM_PREFIX):
                return True
            if not rule:
                return False
        return False

    return form_line(-1) and form_line(1)


def _heading_first(text: str) -> bool:
    """A heading's first character: a capital or a figure ("440 000 offres sur son site").

    >>> [_heading_first(t) for t in ("Flambée de violence", "440 000 offres", "épargne")]
    [True, True, False]
    """
    first = text.lstrip()[:1]
    return first.isupper() or first.isdigit()


#: :func:`give_back_cut_end`: the models' rules it undoes (a phrase rule's match is kept).
CUT_END_RULES = frozenset({"context", "line_model", "run_model"})
#: … the page's last line has at least this many words …
CUT_END_MIN_WORDS = 4
#: … or at least this many when another position rule took it (:data:`POSITION_RULES`: a
#: "Read more" heading of another site right above it, a related zone): a paragraph, not a
#: teaser's title, cut by the page's end ("Concernant les péages, la France est le seul pays
#: européen à disposer de 9 200 km de réseau autoroutier concédé payant : les poids lou",
#: round 28). On TRAIN the last lines those rules take are 16 words at most.
CUT_END_LONG_MIN_WORDS = 18
#: … and at least this share of its words after the first one begin with a small letter
#: (prose cut mid-sentence, not a headline in title case: "Google Asking For Help With").
CUT_END_MIN_LOWER = 0.5
_CUT_END = LazyPattern(r"^[\p{Lu}«\"“„‹].*\p{Ll}$")
_WORD = LazyPattern(r"\p{L}[\p{L}'’-]*")
_GLUED = LazyPattern(r"\p{Ll}\p{Lu}")


def give_back_cut_end(lines) -> list[int]:
    """Give back the page's last line when a model took it and it is prose cut off in the
    middle of a sentence: at least :data:`CUT_END_MIN_WORDS` words, a capital (or a quote)
    first, a small letter last (no full stop, no closing quote), most of its words in small
    letters, on a page that keeps a paragraph of article text. A page stored up to a length
    ends in the middle of its article's sentence ("L'auteur de cet ouvrage paru récem");
    with a widget line above it ("Publicité", a reading time), the models took that line
    as one more widget. Furniture closing a page ends like a label ("Tous droits
    réservés"), a link ("Lire la suite") or a teaser's headline, which a phrase rule takes.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Le conseil municipal a adopté le budget primitif de l’exercice à "
        ...         "l’unanimité des présents.", "Publicité",
        ...         "L'auteur de cet ouvrage paru récem"]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[1].bad("ad_label", "an advertisement's label")
        >>> lines[2].bad("context", "short line among furniture")
        >>> give_back_cut_end(lines)
        [2]
    """
    found = _neighbours(lines, len(lines), -1, 1)  # the page's last non-blank line
    if not found:
        return []
    last = found[0]
    ln = lines[last]
    if not (
        _taken(ln, CUT_END_RULES)
        or (_taken(ln) and ln.n >= CUT_END_LONG_MIN_WORDS)
    ):
        return []
    text = ln.text.strip()
    if not _cut_prose(ln):
        return []
    if _GLUED.search(text):
        return []  # a teaser's headline glued to its excerpt ("d'électricitéComment …")
    if not any(_is_body(x) for x in lines[:last]):
        return []
    # a cut copy of a line of the page (its headline printed again) is a title repeat
    stem = text.rsplit(None, 1)[0].casefold()
    if any(
        x.text.strip().casefold().startswith(stem) for x in lines[:last] if not x.blank
    ):
        return []
    return _restore(lines, [last])


def _cut_prose(ln) -> bool:
    """Prose cut in the middle of a sentence: at least :data:`CUT_END_MIN_WORDS` words, a
    capital (or a quote) first, a small letter last, at least :data:`CUT_END_MIN_LOWER` of the
    words after the first one in small letters (not a headline in title case, not a link row
    "références Voir les articles de références").

    >>> from cleannews.strip.detectors import _Line
    >>> [_cut_prose(_Line(t, frozenset())) for t in ("L'auteur de cet ouvrage paru récem",
    ...  "Google Asking For Help With", "références Voir les articles de références")]
    [True, False, False]
    """
    text = ln.text.strip()
    if ln.n < CUT_END_MIN_WORDS or ln.ends or not _CUT_END.match(text):
        return False
    words = _WORD.findall(text)[1:]
    return bool(words) and sum(w[0].islower() for w in words) >= CUT_END_MIN_LOWER * len(words)


#: :func:`give_back_lone_item` and :func:`give_back_run_on`: the "Read more" headings' rules
#: (``takes_next``), whose heading line and the teasers it takes under it share one rule name
#: (the taken lines' reason ends with the item marker of :mod:`.linemodel`).
LEAD_RULES = frozenset(r for r in POSITION_RULES if r.startswith("related_lead"))
#: :func:`give_back_lone_item`: the one line given back has at least this many words (the
#: stress set's stacked widget headings of another site, "Zum Thema" / "Aus dem Ressort",
#: take each other: three words) …
LONE_ITEM_MIN_WORDS = 4
#: … and holds two sentences: a sentence mark after a word's small letters, then a capital
#: ("… cartes bancaires. Son commanditaire …", "Are you only singing? Or do you …"). A
#: teaser's headline is one title, even when it speaks of the article's subject: the
#: labelled fixture ``024_fr_radio_locale_crue`` has "À lire aussi" / "Intempéries : le point
#: sur les coupures d'électricité en Dordogne" between two paragraphs on the Dordogne's
#: flood, a related link that goes ("Mr. Smith": a capital before the stop, no sentence).
_TWO_SENTENCES = LazyPattern(r"\p{Ll}\p{Ll}[.!?]\s+\p{Lu}")
#: :func:`give_back_run_on`: a taken line ending with a comma has at least this many words.
RUN_ON_MIN_WORDS = 4
#: The next line goes on with the sentence: it begins with a small letter.
_GOES_ON = LazyPattern(r"^\p{Ll}")
#: A line cut inside a clause: its last character is a comma.
_COMMA_END = LazyPattern(r",\s*$")


def _lead_item(ln) -> bool:
    """Taken whole under a "Read more" heading of :data:`LEAD_RULES` (not the heading)."""
    return _taken(ln, LEAD_RULES) and ln.removal.reason.endswith(_ITEM_SUFFIX)


def give_back_lone_item(lines) -> list[int]:
    """Give back the one line a "Read more" heading (:data:`LEAD_RULES`) took when the line
    is prose of two sentences (:data:`_TWO_SENTENCES`, at least :data:`LONE_ITEM_MIN_WORDS`
    words), the heading stands under a kept line of the article (blank lines and at most
    :data:`SIGNATURE_MAX_WIDGETS` phrase rules' widgets passed over, :func:`_above_widgets`;
    a kept paragraph, :func:`_is_body`, at or above it) and a kept paragraph stands right
    under the line: the heading, put between two paragraphs, took the article's own prose
    (the stress set: another site's "Trending Topics" between an interview's answer and its
    next question, "Are you only singing? Or do you have a little part in the plot, too?").
    A teaser list under a heading has several items (the second is no paragraph) or stands
    after the article's end; an inline "À lire aussi" takes one headline, one title.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Yeah, it's her birthday party, and I'm brought in to sing for her friends.",
        ...         "Read More", "Are you only singing? Or do you have a part in the plot?",
        ...         "No lines, but there's a little bit of interaction with me and someone else."]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[1].bad("related_lead_en", "heading of a list of other articles")
        >>> lines[2].bad("related_lead_en", "heading of a list of other articles "
        ...              "(item under that heading)")
        >>> give_back_lone_item(lines), lines[1].removal.rule
        ([2], 'related_lead_en')
    """
    given = []
    first_body = None  # the page's first kept paragraph, found once (no class moves here)
    for i, ln in enumerate(lines):
        if not _lead_item(ln) or ln.n < LONE_ITEM_MIN_WORDS or not _TWO_SENTENCES.search(
            ln.text
        ):
            continue
        up, down = _neighbours(lines, i, -1, 1), _neighbours(lines, i, 1, 1)
        if not up or not down or not _is_body(lines[down[0]]):
            continue
        head = lines[up[0]]
        if not (
            _taken(head, LEAD_RULES) and not _lead_item(head)
            and head.removal.rule == ln.removal.rule
        ):
            continue
        above = _above_widgets(lines, up[0])
        if above < 0 or lines[above].cls == BAD:
            continue
        if first_body is None:
            first_body = _first_body(lines)
        if first_body <= above:
            given.append(i)
    return _restore(lines, given)


def give_back_run_on(lines) -> list[int]:
    """Give back a line a "Read more" heading (:data:`LEAD_RULES`) took whose sentence runs
    on: it ends with a comma (at least :data:`RUN_ON_MIN_WORDS` words: a speaker's turn
    "00:19Et je salue nos deux informés, bonjour Richard Verli,"), or it ends with no
    sentence mark and the kept line right under it begins with a small letter and ends a
    sentence (a paragraph broken inside a sentence: "… die mit einem stilisierten Gläsernen
    Fels als Dachkonstruktion ein architektonisches" / "erhält. Dieser Teil der Ausstellung
    …"). A teaser's headline is a whole title: no comma at its end, nothing under it goes on
    with it.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Neueste Nachrichten",
        ...         "Aktuell laufen auch die Planungen für die Ausstellungshalle, die ein Zeichen",
        ...         "erhält. Dieser Teil der Ausstellung soll 2023 abschließen."]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[0].bad("related_lead_de", "heading of a list of other articles")
        >>> lines[1].bad("related_lead_de", "heading of a list of other articles "
        ...              "(item under that heading)")
        >>> give_back_run_on(lines)
        [1]
    """
    given = []
    for i, ln in enumerate(lines):
        if not _lead_item(ln):
            continue
        if ln.n >= RUN_ON_MIN_WORDS and _COMMA_END.search(ln.text[-3:]):
            given.append(i)
            continue
        down = _neighbours(lines, i, 1, 1)
        if ln.ends or not down:
            continue
        nxt = lines[down[0]]
        if nxt.cls != BAD and nxt.ends and _GOES_ON.match(nxt.text):
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_question`: the question given back has at least this many words (a
#: one-word "Pourquoi ?" is a widget's prompt as often as an interviewer's) …
QUESTION_MIN_WORDS = 3
#: … and ends with a question mark (a closing quote may follow it).
_QUESTION_END = LazyPattern(r"\?\s*[»”\"’]?\s*$")


def give_back_question(lines) -> list[int]:
    """Give back a question (:data:`_QUESTION_END`, at least :data:`QUESTION_MIN_WORDS`
    words) that a "Read more" heading (:data:`LEAD_RULES`) took as a teaser's headline when
    the line right under it is a kept paragraph of the article (:func:`_is_body`) and the
    line right above it is the heading or another of its items: an interviewer's question
    with its answer under it ("Read More" / "Why did you choose to do “Hang With Me”?" /
    "They asked for it. I was happy to do it. …"), or a subheading asked as a question
    ("Lire aussi" / "Comment est construit l'indice ?" / "Ici, l'Insee analyse …"; round 25:
    the stress pages put another site's heading above the article's own questions). A
    heading's teasers stand over other teasers or furniture: on TRAIN and on the stress set
    no furniture line a "Read more" heading took ends with a question mark.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Read More", "Why did you choose to do that song?",
        ...         "They asked for it. I was happy to do it, and I love the acoustic version."]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[0].bad("related_lead_en", "heading of a list of other articles")
        >>> lines[1].bad("related_lead_en", "heading of a list of other articles "
        ...              "(item under that heading)")
        >>> give_back_question(lines), lines[0].removal.rule
        ([1], 'related_lead_en')
    """
    given = []
    for i, ln in enumerate(lines):
        if not _lead_item(ln) or ln.n < QUESTION_MIN_WORDS or not _QUESTION_END.search(
            ln.text[-4:]
        ):
            continue
        up, down = _neighbours(lines, i, -1, 1), _neighbours(lines, i, 1, 1)
        if up and down and _taken(lines[up[0]], LEAD_RULES) and _is_body(lines[down[0]]):
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_menu_headline`: the rule it undoes, the menu runs (a run of short lines
#: read as one menu), which take the article's headline printed right under another site's
#: menu as the menu's last item (branch stress24).
MENU_HEADLINE_RULES = frozenset({"menu_run"})
#: The article's paragraph under the headline is among its next this many non-blank lines
#: (a date, a byline or a widget between: "Sniff" / "May 16, 2024 3 min read" / the review) …
MENU_HEADLINE_MAX_LINES = 3
#: … and holds at least this share of the headline's word stems (:func:`_stems`: "Erneuter
#: Warntag 2023" above "… fand zum dritten Mal ein Warntag …", where "erneut" is a stop word).
MENU_HEADLINE_MIN_SHARE = 0.5
#: A kept line between the line and that paragraph holds a figure (a date, a reading time:
#: "Deutschland, 24.09.2023"); a kept line without one is the article's own headline, and the
#: line above it a menu's item naming its section ("Politique" / the headline / a paragraph
#: on politics).
_FIGURE = LazyPattern(r"\d")


def _menu_run_items(lines, i: int) -> list[int]:
    """The other lines of the menu run around ``i``: the non-blank lines above and below it
    taken by :data:`MENU_HEADLINE_RULES` with nothing else between (blank lines passed over).

        >>> from cleannews.strip.detectors import _Line
        >>> lines = [_Line(t, frozenset()) for t in ("Texte.", "Sports", "", "Rugby", "Fin")]
        >>> for k in (1, 3):
        ...     lines[k].bad("menu_run", "run of short menu-like lines")
        >>> _menu_run_items(lines, 3)
        [1]
    """
    run = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and (lines[j].blank or _taken(lines[j], MENU_HEADLINE_RULES)):
            if not lines[j].blank:
                run.append(j)
            j += step
    return run


def give_back_menu_headline(lines) -> list[int]:
    """Give back a line a menu run (:data:`MENU_HEADLINE_RULES`) took when the article's
    paragraph under it speaks of it: a line not ending like a sentence, with at least one
    word stem (:func:`_stems`), whose first kept paragraph (:func:`_is_body`) among its next
    :data:`MENU_HEADLINE_MAX_LINES` non-blank lines holds at least
    :data:`MENU_HEADLINE_MIN_SHARE` of its stems (every kept line between them holding a
    figure, :data:`_FIGURE`: a date, not a headline), and which shares no stem with the
    other items of its run (above or below it, :func:`_menu_run_items`). Another site's
    menu put right above the article took its headline as the menu's last item ("Course
    dans" / "44 jours" / "Adieu l'Ami", then "Adieu l'Ami, ce titre, issu d'un célèbre
    film, résume nos sentiments."): a headline names what its paragraph tells. A menu's
    item names a section ("Wissenschaftliche Meldungen", "Thèmes abordés"), which the
    paragraph under the menu rarely repeats; a breadcrumb's items may name the article's
    topic, but narrow each other ("Rugby" / "Rugby amateur": a shared stem), so both stay
    taken.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Course dans", "44 jours", "Adieu l'Ami",
        ...         "Adieu l'Ami, ce titre, issu d'un célèbre film, résume nos sentiments "
        ...         "pour toi qui nous as quittés."]
        >>> lines = [_Line(t, frozenset({"ce", "nos", "pour", "qui", "nous", "as"})) for t in text]
        >>> for ln in lines[:3]:
        ...     ln.bad("menu_run", "run of short menu-like lines")
        >>> give_back_menu_headline(lines)
        [2]
    """
    given = []
    for i, ln in enumerate(lines):
        if not _taken(ln, MENU_HEADLINE_RULES) or ln.ends:
            continue
        mine = _stems(ln.low)
        if not mine:
            continue
        down = _neighbours(lines, i, 1, MENU_HEADLINE_MAX_LINES)
        body = next((j for j in down if _is_body(lines[j])), None)
        if body is None:
            continue  # no paragraph of the article right under it
        if any(lines[j].cls != BAD and not _FIGURE.search(lines[j].text) for j in down if j < body):
            continue  # the article's headline stands between: the line is a menu's item
        if len(mine & _stems(lines[body].low)) < MENU_HEADLINE_MIN_SHARE * len(mine):
            continue
        if any(mine & _stems(lines[k].low) for k in _menu_run_items(lines, i)):
            continue  # a breadcrumb narrowing ("Rugby" / "Rugby amateur"): the menu's item
        given.append(i)
    return _restore(lines, given)

#: :func:`give_back_inner_title`: the models' rules it undoes …
INNER_TITLE_RULES = frozenset({"line_model", "run_model"})
#: … on a line of at most this many words …
INNER_TITLE_MAX_WORDS = 4
#: … with at most this many more such short lines (kept, or taken by the models) under it
#: before the article's next paragraph ("Final cut" / "Dimanche" / "» a été consacré …") …
INNER_TITLE_MAX_SHORT = 1
#: … a kept line of at least this many words ending like a sentence.
INNER_TITLE_BELOW_WORDS = 8
_CAPITAL_FIRST = LazyPattern(r"[«\"“„‹]?\s?\p{Lu}")


def give_back_inner_title(lines) -> list[int]:
    """Give back a short line the models took between two paragraphs of the article: a line
    of at most :data:`INNER_TITLE_MAX_WORDS` words not ending like a sentence, right under a
    kept paragraph (:func:`_is_body`, nothing between them but blank lines), with a kept
    line of at least :data:`INNER_TITLE_BELOW_WORDS` words ending like a sentence right
    under it (or under at most :data:`INNER_TITLE_MAX_SHORT` more short lines, kept or taken
    by the models, given back with it). Nothing a rule removed stands between the two
    paragraphs: the line is the article's own subheading, a title it quotes, a name.

    The line model scores a line of one or two words whose words it never saw (no stop word
    of the page's language, no furniture odds) as furniture: "Final cut", "Dimanche"
    between a critic's paragraphs went at p=0.95 on the stress set, 11 times in 3 seeds.
    A widget's label spliced into an article comes with its widget (a rule's removal next
    to it) or in a run of short lines.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["La danse urbaine s’est diversifiée avec plein de sous-catégories, "
        ...         "pour raconter des histoires.", "Final cut", "Dimanche",
        ...         "» a été consacré meilleur spectacle et meilleure réalisation artistique."]
        >>> lines = [_Line(t, frozenset({"de", "des", "avec", "a", "et"})) for t in text]
        >>> lines[1].bad("line_model", "line model (p=0.95)")
        >>> give_back_inner_title(lines)
        [1]
    """
    given = []
    for i, ln in enumerate(lines):
        if not _taken(ln, INNER_TITLE_RULES) or ln.n > INNER_TITLE_MAX_WORDS or ln.ends:
            continue
        if not _CAPITAL_FIRST.match(ln.text.lstrip()):
            continue  # a title starts with a capital or a quote ("da", "date 2021-05 Accueil")
        above = _neighbours(lines, i, -1, 1)
        if not above or not _is_body(lines[above[0]]):
            continue
        passed: list[int] = []  # the short lines under it, taken by the models
        for j in _neighbours(lines, i, 1, INNER_TITLE_MAX_SHORT + 1):
            nxt = lines[j]
            if nxt.cls != BAD and nxt.n >= INNER_TITLE_BELOW_WORDS and nxt.ends:
                given += [i, *passed]
                break
            short = nxt.n <= INNER_TITLE_MAX_WORDS and not nxt.ends
            if not short or (nxt.cls == BAD and not _taken(nxt, INNER_TITLE_RULES)):
                break
            if nxt.cls == BAD:
                passed.append(j)
    return _restore(lines, sorted(set(given)))


#: :func:`give_back_list_item`: the tail's teaser rule it undoes …
LIST_ITEM_RULES = frozenset({"tail_teaser"})
#: … on a "Label : value" line when, among this many non-blank lines above it, …
LIST_ITEM_LOOK_BACK = 4
#: … this many kept lines are "Label : value" items (or one with its very label).
LIST_ITEM_MIN_ABOVE = 2


def _label(text: str) -> str:
    """The label of a "Label : value" line, case-folded ("" when it has none).

    >>> _label("Plus d’informations : Le printemps de Bourges"), _label("Lire aussi")
    ('plus d’informations', '')
    """
    if not _LABEL_ITEM.match(text):
        return ""
    return text.split(" :", 1)[0].strip().casefold()


def give_back_list_item(lines) -> list[int]:
    """Give back a "Label : value" line the tail's teaser rule took under the article's own
    "Label : value" lines: among the :data:`LIST_ITEM_LOOK_BACK` non-blank lines above it,
    :data:`LIST_ITEM_MIN_ABOVE` kept lines of that shape, or one with the same label. The
    article's last paragraph ends the article for the tail rule; a palmarès or a "Plus
    d'informations : …" box under it reads like teasers ("Caméra d'or : Jeune femme de
    Léonor Séraille" under "Mention spéciale du jury : …", with a podcast prompt between).
    Another story's headline of that shape ("Nancy : Présentation du futur CHRU") follows
    paragraphs, not items.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Palme d'or du court-métrage : Une nuit douce de Qiu Yang",
        ...         "Mention spéciale du jury : Le Plafond de Teppo Airaksinen",
        ...         "Caméra d'or : Jeune femme de Léonor Séraille", "Publicité"]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[2].bad("tail_teaser", "title-like line after the end of the article (teaser)")
        >>> lines[3].bad("ad_label", "an advertisement's label")
        >>> give_back_list_item(lines)
        [2]
    """
    given = []
    for i, ln in enumerate(lines):
        if not _taken(ln, LIST_ITEM_RULES):
            continue
        label = _label(ln.text)
        if not label:
            continue
        above = [lines[j] for j in _neighbours(lines, i, -1, LIST_ITEM_LOOK_BACK)]
        labels = [_label(x.text) for x in above if x.cls != BAD]
        items = [x for x in labels if x]
        if len(items) >= LIST_ITEM_MIN_ABOVE or label in items:
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_policy_item`: the credit rule it undoes ("Photos: …" read as a credit) …
POLICY_ITEM_RULES = frozenset({"photo_credit"})
#: … on a "Label: value" line when, among :data:`LIST_ITEM_LOOK_BACK` non-blank lines above
#: it, this many kept lines are "Label: value" items with labels of their own …
POLICY_ITEM_MIN_ABOVE = 2
#: … and its value has at least this many words starting with a small letter (a sentence:
#: "Photos will be printed"; a credit names a person or a body, "Mairie de Campile").
POLICY_ITEM_MIN_VALUE_WORDS = 3
#: A "Label: value" line, either colon style ("Headlines: …", "Tarifs : …"); group 1 the label.
_SMALL_WORD = LazyPattern(r"(?<!\p{L})\p{Ll}\p{L}*")
_POLICY_ITEM = LazyPattern(r"^(\p{Lu}[\p{L}'’ -]{1,40}?)\s?:\s+(\S.*)$")


def _policy_label(text: str) -> tuple[str, int]:
    """The label of a "Label: value" line (case-folded, "" if none) and its value's words
    that start with a small letter.

    >>> _policy_label("Photos: Photos will be printed"), _policy_label("Le texte.")
    (('photos', 3), ('', 0))
    >>> _policy_label("Crédit photo : Mairie de Campile")
    ('crédit photo', 1)
    """
    m = _POLICY_ITEM.match(text[:MAX_POLICY_ITEM_CHARS])
    if m is None:
        return "", 0
    return m.group(1).strip().casefold(), len(_SMALL_WORD.findall(m.group(2)))


#: Characters of a line :func:`_policy_label` reads (an item's label and the start of its value).
MAX_POLICY_ITEM_CHARS = 400


def give_back_policy_item(lines) -> list[int]:
    """Give back a "Label: value" line that the photo-credit rule (:data:`POLICY_ITEM_RULES`)
    took, when its value has :data:`POLICY_ITEM_MIN_VALUE_WORDS` small-letter words and at least
    :data:`POLICY_ITEM_MIN_ABOVE` of the :data:`LIST_ITEM_LOOK_BACK` non-blank lines above
    are kept "Label: value" items with other labels: one item of a list of rules or
    practical details ("Headlines: …" / "Proofs: …" / "Photos: Photos will be printed", an
    obituary policy, round 28, en-r28-0005). A credit stands under a picture's caption, not
    under items of that shape; a Q: / A: interview repeats its labels.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Headlines: Headlines will be listed with the first and last name only.",
        ...         "Proofs: While a text proof will be provided, we print no proofs.",
        ...         "Photos: Photos will be printed"]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[2].bad("photo_credit", "photo credit")
        >>> give_back_policy_item(lines)
        [2]
    """
    given = []
    for i, ln in enumerate(lines):
        if not _taken(ln, POLICY_ITEM_RULES):
            continue
        label, words = _policy_label(ln.text)
        if not label or words < POLICY_ITEM_MIN_VALUE_WORDS:
            continue
        above = [lines[j] for j in _neighbours(lines, i, -1, LIST_ITEM_LOOK_BACK)]
        labels = {_policy_label(x.text)[0] for x in above if x.cls != BAD} - {"", label}
        if len(labels) >= POLICY_ITEM_MIN_ABOVE:
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_initials`: the credit rule it undoes ("AGENCY/Photographer") …
INITIALS_RULES = frozenset({"agency_photo_credit"})
#: … on a line of two runs of capitals ("OID/ASB": the desk's and the writer's initials
#: closing a news agency's dispatch).
_INITIALS = LazyPattern(r"^\p{Lu}{2,4}\s?/\s?\p{Lu}{2,4}$")


def _goes_on(ln) -> bool:
    """A kept paragraph (:func:`_is_body`) ending with a full stop, no list item: the
    article going on (a dispatch's next headline, "• SENEGAL-DRAME / … (médias)", does not).

        >>> from cleannews.strip.detectors import _Line
        >>> _goes_on(_Line("• SENEGAL-DRAME / Découverte d’une pirogue avec des corps au "
        ...                "large de Dakar (médias)", frozenset()))
        False
    """
    return _is_body(ln) and ln.text.rstrip()[-1:] in ".!?…" and not _BULLET_ITEM.match(ln.text)


def give_back_initials(lines) -> list[int]:
    """Give back a line of two runs of initials (:data:`_INITIALS`, "OID/ASB") that the
    agency-credit rule (:data:`INITIALS_RULES`) took, when the nearest line above is a kept
    paragraph of the article (:func:`_is_body`) and the nearest line below does not go on
    with the article (:func:`_goes_on`): the
    initials that close a dispatch (an APS dispatch on an author page, round 28,
    fr-r28-0002). A picture's credit stands under its caption, or between two paragraphs
    ("AFP/STR" above the next paragraph).

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Elle assure que les opérations de récupération sont rendues très "
        ...         "délicates par l’état de décomposition des corps.", "OID/ASB",
        ...         "• SENEGAL-DRAME / Découverte d’une pirogue au large de Dakar (médias)"]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[1].bad("agency_photo_credit", "photo credit in AGENCY/Photographer form")
        >>> give_back_initials(lines)
        [1]
    """
    given = []
    for i, ln in enumerate(lines):
        if not _taken(ln, INITIALS_RULES) or not _INITIALS.match(ln.text.strip()):
            continue
        up = _neighbours(lines, i, -1, 1)
        down = _neighbours(lines, i, 1, 1)
        if up and _is_body(lines[up[0]]) and not (down and _goes_on(lines[down[0]])):
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_closing_sentence`: a "Read more" heading's line that ends with one full
#: stop ("À suivre.": a heading has no full stop; "…" and "..." are no full stop).
_FULL_STOP_END = LazyPattern(r"(?<![.…])\.\s*$")


def give_back_closing_sentence(lines) -> list[int]:
    """Give back the heading line of a "Read more" rule (:data:`LEAD_RULES`, not an item it
    took) when it ends with a full stop (:data:`_FULL_STOP_END`) and the nearest line above
    is a kept paragraph of the article (:func:`_is_body`): the post's closing sentence that
    reads like a heading ("À suivre." under a blog post's last paragraph, above its source
    links, round 28, fr-r28-0006). A heading ("À suivre", "Lire aussi") has no full stop; the
    lines it took stay taken.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Pour Liège, l’enjeu est clair : penser une véritable stratégie "
        ...         "métropolitaine, au service de l’attractivité.", "À suivre."]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[1].bad("related_lead", "heading of a list of other articles")
        >>> give_back_closing_sentence(lines)
        [1]
    """
    given = []
    for i, ln in enumerate(lines):
        if not _taken(ln, LEAD_RULES) or _lead_item(ln) or not _FULL_STOP_END.search(ln.text):
            continue
        up = _neighbours(lines, i, -1, 1)
        if up and _is_body(lines[up[0]]):
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_first_copy`: the rule it undoes, a short line repeated in the page …
FIRST_COPY_RULES = frozenset({"repeated_block"})
#: … for the page's first line of at least this many words (a widget's label is shorter:
#: "Partager", "Lire la suite") …
FIRST_COPY_MIN_WORDS = 4
#: … under at most this many shorter lines (a section label above the headline: "Verkehr",
#: de-r37-0003, round 33).
FIRST_COPY_MAX_LABELS = 1


def give_back_first_copy(lines) -> list[int]:
    """Give back the page's first non-blank line of at least :data:`FIRST_COPY_MIN_WORDS`
    words (under at most :data:`FIRST_COPY_MAX_LABELS` shorter lines, removed or not), not
    ending with a colon, when the repeated-block rule (:data:`FIRST_COPY_RULES`) took it:
    the headline a template prints several times ("Marchés publics et appels d’offres"
    three times in a blog's hero, round 28, fr-r28-0020; "Kleinere Autounfälle: Was tun?"
    three times under the section label "Verkehr", round 33, de-r37-0003). The copies
    below stay taken (the title's repeats); a widget's label repeated down the page is
    shorter or does not open the page.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Marchés publics et appels d’offres"] * 3 + ["14 août 2025"]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> for ln in lines[:3]:
        ...     ln.bad("repeated_block", "short block repeated many times in the page (widget)")
        >>> give_back_first_copy(lines)
        [0]
        >>> lines = [_Line(t, frozenset()) for t in ["Verkehr", ""] + ["Kleinere "
        ...          "Autounfälle: Was tun?"] * 3]
        >>> for ln in lines[2:]:
        ...     ln.bad("repeated_block", "short block repeated many times in the page (widget)")
        >>> give_back_first_copy(lines)
        [2]
    """
    shown = (i for i, ln in enumerate(lines) if not ln.blank)
    first = next((i for i in islice(shown, FIRST_COPY_MAX_LABELS + 1)
                  if lines[i].n >= FIRST_COPY_MIN_WORDS), -1)
    if first < 0:
        return []
    ln = lines[first]
    if not _taken(ln, FIRST_COPY_RULES) or ln.text.rstrip().endswith(":"):
        return []
    return _restore(lines, [first])


#: :func:`give_back_hashtag`: the shape rule it undoes, the line made mostly of links,
#: handles or hashtags (a tag list, a row of social handles) …
HASHTAG_RULES = frozenset({"link_dense"})
#: … when the line is one hashtag alone (no space in it): a post's or a tweet's closing tag.
_LONE_HASHTAG = LazyPattern(r"^#[\p{L}\p{N}_]+$")


def give_back_hashtag(lines) -> list[int]:
    """Give back a line of one hashtag alone (:data:`_LONE_HASHTAG`) that the link-dense
    rule (:data:`HASHTAG_RULES`) took, when the nearest line above it is a kept line of at
    least :data:`BODY_MIN_WORDS` words (a paragraph; its end may be an emoji, "… lo ha
    realizado igualmente ?✊"): the campaign tag closing a post or a quoted tweet
    ("#LavapiesNoCallará"; a police tweet's "#pourvotresecurite", round 26). A tag list or a
    row of handles has several links; on TRAIN no furniture line is one hashtag alone.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["El gobierno censuró el saludo a las fiestas por su carácter reivindicativo "
        ...         "y feminista.", "#LavapiesNoCallará"]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[1].bad("link_dense", "line made mostly of links, handles or hashtags")
        >>> give_back_hashtag(lines)
        [1]
    """
    given = []
    for i, ln in enumerate(lines):
        if not _taken(ln, HASHTAG_RULES) or not _LONE_HASHTAG.match(ln.text.strip()):
            continue
        up = _neighbours(lines, i, -1, 1)
        if up and lines[up[0]].cls != BAD and lines[up[0]].n >= BODY_MIN_WORDS:
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_clock`: the rule it undoes, a video's duration ("21:25" alone: the
#: length printed on a player) …
CLOCK_RULES = frozenset({"video_widget"})


def give_back_clock(lines) -> list[int]:
    """Give back a time of day alone on its line (:data:`_CLOCK`: "06:30", "- 20:40") that
    the video-duration rule (:data:`CLOCK_RULES`) took, when the next non-blank line is a
    kept paragraph of the article (:func:`_is_body`): the article's time of publication
    above its first paragraph ("01 ottobre 2021" / "06:30" / "I Carabinieri della Compagnia
    di Acireale hanno eseguito …", round 26). A player's duration stands with the player's
    furniture (its title, "Play", "Vidéo", a view count), not right above the article's prose.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["01 ottobre 2021", "06:30", "I Carabinieri della Compagnia di Acireale "
        ...         "hanno eseguito un’ordinanza di custodia cautelare nei confronti di sei "
        ...         "persone."]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[1].bad("video_widget", "a video's duration")
        >>> give_back_clock(lines)
        [1]
    """
    given = []
    for i, ln in enumerate(lines):
        if not _taken(ln, CLOCK_RULES) or not _CLOCK.match(ln.text.strip()):
            continue
        down = _standing(lines, i, 1)
        if down >= 0 and _is_body(lines[down]):
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_intro`: the rules it undoes (a menu run, the short-block rule: a line
#: judged by its neighbours) …
INTRO_RULES = frozenset({"context", "menu_run"})
#: … for a line of at least this many words ending with a colon after a word (:data:`_INTRO_END`).
INTRO_LINE_MIN_WORDS = 2


def give_back_intro(lines) -> list[int]:
    """Give back a line ending with a colon after a word (:data:`_INTRO_END`, at least
    :data:`INTRO_LINE_MIN_WORDS` words) that a menu run or the short-block rule
    (:data:`INTRO_RULES`) took, when the next non-blank line is a kept paragraph of the
    article (:func:`_is_body`): the line announces that paragraph ("Au sommaire:" above the
    summary's first item, under another site's menu run "Gazette des Communes" / "Thèmes
    abordés", round 26). A menu's or a form's labels ending with a colon ("Année :" /
    "Mois :", "Regionalligen:") stand over other labels, not over a paragraph.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Thèmes abordés", "Au sommaire:", ". Qui dit rentrée des classes dit "
        ...         "bien sûr école pour les accueillir, et de nombreux investissements."]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> for ln in lines[:2]:
        ...     ln.bad("menu_run", "run of short lines (menu)")
        >>> give_back_intro(lines)
        [1]
    """
    given = []
    for i, ln in enumerate(lines):
        if not _taken(ln, INTRO_RULES) or ln.n < INTRO_LINE_MIN_WORDS:
            continue
        if not _INTRO_END.search(ln.text[-80:]):
            continue
        down = _neighbours(lines, i, 1, 1)
        if down and _is_body(lines[down[0]]):
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_dateline`: a date line ("15 Jan", "- 15.09.2025", "Mercredi 9 mars") has
#: at most this many words; a teaser's title that starts with a date has more.
DATELINE_LINE_MAX_WORDS = 5
#: … once a time of day printed after the date is left out ("Dienstag, 20. November 2018,
#: 23:00 Uhr", "Martes, 23 de septiembre 2025, 00:41", "2020-04-14 6:10:55", round 28): the
#: time is looked for in the line's last this many characters (a short line's end).
DATELINE_CLOCK_CHARS = 24
_TRAILING_CLOCK = LazyPattern(
    r"[,\s–—-]+(?:(?:à|um|a las|at)\s)?(?:[01]?\d|2[0-3])[:h.][0-5]\d(?::[0-5]\d)?"
    r"(?:\s?(?:Uhr|h|[AaPp]\.?[Mm]\.?))?\s*$"
)
#: Four digits, anything but digits between them: what every form of the strip stage's date
#: pattern (``detectors._DATELINE``: "15.09.2025", "2017-02-02", "9 mars 2016", "Jan 5, 2021")
#: holds; :func:`_dateline` runs that pattern only on a line holding them (round 35).
_FOUR_DIGITS = re.compile(r"\d(?:\D*\d){3}")
#: :func:`_article_below`: at most this many kept lines that are no paragraph (the headline,
#: a kicker or a standfirst: "The newly discovered Plastic hardens …" / "Heat hardening
#: plastic") stand between the date and the article's first paragraph (round 28; before,
#: one, and not ending like a sentence: "Réfection des chaussées : vigilance !" kept
#: "06 Sep2019" above it removed).
DATELINE_HEAD_MAX_LINES = 2


def _dateline(ln) -> bool:
    """Whether the line is a date alone (at most :data:`DATELINE_LINE_MAX_WORDS` words): a
    day with a month's name (:func:`_date_piece`) or a date in figures (the strip stage's
    date pattern: "2017-02-02", "Le 19/09/2025").

        >>> from cleannews.strip.detectors import _Line
        >>> [_dateline(_Line(t, frozenset())) for t in ("Mercredi 9 mars", "- 15.09.2025",
        ...  "Le 9 mars, les lycéens manifestent contre la loi", "Jan")]
        [True, True, False, False]
    """
    from cleannews.strip.detectors import _DATELINE

    text = ln.text
    if ln.n > DATELINE_LINE_MAX_WORDS:
        if ln.n > DATELINE_LINE_MAX_WORDS + 3 or len(text) > 3 * DATELINE_CLOCK_CHARS:
            return False  # no date and a time: a date with its time has a few words more
        head, tail = text[:-DATELINE_CLOCK_CHARS], text[-DATELINE_CLOCK_CHARS:]
        text = head + _TRAILING_CLOCK.sub("", tail, count=1)
        if len(text.split()) > DATELINE_LINE_MAX_WORDS:
            return False
    piece = line_piece(ln) if text is ln.text else _date_piece(text)
    # every form of the date pattern holds at least four digits: a cheap test first
    return piece == "date" or (
        _FOUR_DIGITS.search(text) is not None and _DATELINE.search(text) is not None
    )


def _article_below(lines, i: int) -> bool:
    """Whether the article starts under line ``i``: the nearest line standing below it
    (:func:`_standing`) is a kept paragraph (:func:`_is_body`), or at most
    :data:`DATELINE_HEAD_MAX_LINES` kept lines that are none (a headline, a kicker, a
    standfirst) stand, one under the other, above such a paragraph."""
    j = i
    for _ in range(DATELINE_HEAD_MAX_LINES + 1):
        j = _standing(lines, j, 1)
        if j < 0:
            return False
        if _is_body(lines[j]):
            return True
    return False


def give_back_dateline(lines) -> list[int]:
    """Give back a date alone on its line (:func:`_dateline`) that a position rule
    (:data:`POSITION_RULES`: another site's menu run or "Read more" heading right above it,
    the short-block rule) took, when the article starts under it (:func:`_article_below`:
    its paragraph, or its headline and then its paragraph): the article's date above its
    headline ("- 15.09.2025" under another site's menu run, "Mercredi 9 mars" under
    "Articles similaires", round 27). A teaser's date stands over the teaser's title and its
    cut excerpt, which a teaser rule took or which does not read as a paragraph.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Wissenschaftliche Meldungen", "- 15.09.2025",
        ...         "Apothekennetz schrumpft - Branche verlangt Reform",
        ...         "In Deutschland schließen immer mehr Apotheken: Allein im ersten Halbjahr "
        ...         "sank die Zahl der Standorte um 238."]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> for ln in lines[:2]:
        ...     ln.bad("menu_run", "run of short lines (menu)")
        >>> give_back_dateline(lines)
        [1]
    """
    given = []
    for i, ln in enumerate(lines):
        if _taken(ln, DATELINE_RULES) and _dateline(ln) and _article_below(lines, i):
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_dateline` undoes the position rules and the caption rules
#: (:data:`LIST_RULES`): a date alone is no photo's caption, even right above another
#: site's photo credit ("Le 29/11/2020" / "© dpa-infocom …", round 28).
DATELINE_RULES = LIST_RULES


#: :func:`give_back_tail_title`: the tail's teaser rule it undoes.
TAIL_TITLE_RULES = frozenset({"tail_teaser"})


def give_back_tail_title(lines) -> list[int]:
    """Give back a title the tail's teaser rule took when the article goes on under it: the
    nearest line standing below it (:func:`_standing`: widgets a phrase rule took passed over)
    is a kept paragraph (:func:`_is_body`) or the page's last line, kept and cut by the page's
    end in the middle of a sentence (:func:`_cut_prose`). A teaser list stands after the
    article's end: nothing of the article stands under its titles (on TRAIN a row of links,
    "références Voir les articles de références", ends a page under a teaser).

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Le conseil municipal a voté mardi soir le budget de la commune après un "
        ...         "long débat.", "Bompas : l’ESAT prend feu", "Publicité",
        ...         "Un feu s'est déclaré dans l'ESAT de Bompas c"]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[1].bad("tail_teaser", "title-like line after the end of the article (teaser)")
        >>> lines[2].bad("ad_label", "an advertisement's label")
        >>> give_back_tail_title(lines)
        [1]
    """
    given = []
    last = _neighbours(lines, len(lines), -1, 1)
    for i, ln in enumerate(lines):
        if not _taken(ln, TAIL_TITLE_RULES) or ln.ends or not _heading_first(ln.text):
            continue
        j = _standing(lines, i, 1)
        if j < 0:
            continue
        below = lines[j]
        if (bool(last) and j == last[0] and _cut_prose(below)) or _is_body(below):
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_results_heading` undoes the short-block rule and the repeated-block rule: a
#: results page repeats its round headings ("Finale" over each final) and sets its division
#: headings between ad labels ("Fédérale 2" / "PUBLICITÉ"), round 29 (fr-r29-0018).
RESULTS_HEADING_RULES = frozenset({"context", "repeated_block"})
#: A heading of a results list has at most this many words and ends no sentence …
RESULTS_HEADING_MAX_WORDS = 5
#: … and reaches the line under it past at most this many lines a rule took for their words
#: or shape (ad labels).
RESULTS_HEADING_MAX_WIDGETS = 2
#: A round heading: one text standing right above at least this many result lines ("Finale"
#: over each final); a heading printed once over a result ("Dossier", another site's rubric
#: label) is none.
RESULTS_ROUND_MIN = 2
#: The page is a results page when at least this many standing lines are result lines.
RESULTS_MIN_LINES = 3
#: A result line: two names around a score ("Trélissac 21-24 Lavaur (samedi 23 juin à
#: Auch)", "Nantua 7- 26 Gruissan", "FC Nantes – RC Lens 0-0"); a year span ("2020-2021") has
#: more figures, and a score ending the line has two at most ("pages 256-257" is none).
_RESULT = LazyPattern(
    r"(?<=\p{L}\)?\s)(?:\d{1,3}\s?[-–]\s?\d{1,3}(?=\s[\p{L}(])|\d{1,2}\s?[-–]\s?\d{1,2}\s*$)"
)


def _result_line(ln) -> bool:
    """A standing line holding a score between names (:data:`_RESULT`).

    >>> from cleannews.strip.detectors import _Line
    >>> [_result_line(_Line(t, frozenset())) for t in ("Nantua 7- 26 Gruissan (à , 26)",
    ...  "SC Bastia – OM 1-2", "Saison 2020-2021", "Dossier page 256-257")]
    [True, True, False, False]
    """
    return ln.cls != BAD and not ln.blank and _RESULT.search(ln.text[:200]) is not None


def _short_heading(ln) -> bool:
    """At most :data:`RESULTS_HEADING_MAX_WORDS` words, no sentence end, no score, standing
    or taken by one of :data:`RESULTS_HEADING_RULES`."""
    return (
        0 < ln.n <= RESULTS_HEADING_MAX_WORDS and not ln.ends
        and (ln.cls != BAD or _taken(ln, RESULTS_HEADING_RULES))
        and _RESULT.search(ln.text[:200]) is None
    )


def _under(lines, i: int) -> int:
    """The next non-blank line below ``i``, past at most :data:`RESULTS_HEADING_MAX_WIDGETS`
    lines a rule took for their words or shape (no guarded rule); -1 otherwise."""
    j, widgets = i + 1, 0
    while j < len(lines):
        ln = lines[j]
        if not ln.blank:
            if ln.cls != BAD or _taken(ln, GUARDED_RULES):
                return j
            widgets += 1
            if widgets > RESULTS_HEADING_MAX_WIDGETS:
                return -1
        j += 1
    return -1


def give_back_results_heading(lines) -> list[int]:
    """Give back the headings of a results page that the short-block rule or the
    repeated-block rule (:data:`RESULTS_HEADING_RULES`) took, on a page with at least
    :data:`RESULTS_MIN_LINES` standing result lines (:func:`_result_line`): a round heading
    (:func:`_short_heading` whose text stands right above :data:`RESULTS_ROUND_MIN` result
    lines or more, "Finale") right above a result line, and a short heading right above
    such a round heading (a division: "Fédérale 2" / "Finale" / the score); ad labels
    between them are passed over (:func:`_under`). A results page is content down to its
    headings (``fixtures/strip_real/GUIDELINE.md``): a round heading repeated over each
    match is the list's structure, not a widget printed again, and a division heading
    between two ad labels is no teaser. A rubric label of another site printed once above a
    result ("Dossier") is no round heading and stays taken; a scores widget in a sidebar is
    furniture, but its score lines go too, so no result line stands under its headings.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Fédérale 2", "PUBLICITÉ", "Finale", "Bédarrides 24-17 Fleurance",
        ...         "Fédérale 3", "Finale", "Nantua 7- 26 Gruissan", "Honneur", "Finale",
        ...         "Dossier", "Les Angles 8-18 Thuir"]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> lines[1].bad("ad_label", "an advertisement's label")
        >>> for i in (0, 4, 7, 9):
        ...     lines[i].bad("context", "short block surrounded by boilerplate")
        >>> for i in (2, 5, 8):
        ...     lines[i].bad("repeated_block", "short block repeated many times in the page")
        >>> give_back_results_heading(lines)
        [0, 2, 4, 5]
    """
    cands = [
        i for i, ln in enumerate(lines)
        if _taken(ln, RESULTS_HEADING_RULES) and _short_heading(ln)
    ]
    if not cands or sum(1 for ln in lines if _result_line(ln)) < RESULTS_MIN_LINES:
        return []
    over: dict[str, int] = {}  # heading text -> result lines it stands right above
    above_result: set[int] = set()
    for i, ln in enumerate(lines):
        if ln.blank or not _short_heading(ln):
            continue
        j = _under(lines, i)
        if j >= 0 and _result_line(lines[j]):
            above_result.add(i)
            key = ln.text.strip().casefold()
            over[key] = over.get(key, 0) + 1
    rounds = {
        i for i in above_result if over[lines[i].text.strip().casefold()] >= RESULTS_ROUND_MIN
    }
    given = []
    for i in cands:
        j = _under(lines, i)
        if i in rounds or j in rounds:
            given.append(i)
    return _restore(lines, given)


#: :func:`give_back_split_title` undoes the menu-run rule …
SPLIT_TITLE_RULES = frozenset({"menu_run"})
#: … for the lines of a title broken over adjacent lines (no blank line between them), at
#: least this many of them going on from the line above with a small function word ("Aiuti
#: in Africa" / "e Sudamerica" / "per la sagra" / "di San Rocco"): a menu's items are names
#: that each open their own line, none goes on with "e", "per" or "di".
SPLIT_TITLE_MIN_GOING_ON = 2
_FIRST_WORD = LazyPattern(r"^\p{Ll}+(?=\s)")


def _goes_on_from_above(ln) -> bool:
    """A line that opens with a stop word in small letters: the rest of the line above.

    >>> from cleannews.strip.detectors import _Line
    >>> [_goes_on_from_above(_Line(t, frozenset())) for t in ("e Sudamerica", "per la sagra",
    ...  "Sudamerica", "contact")]
    [True, True, False, False]
    """
    m = _FIRST_WORD.match(ln.text)
    return m is not None and m.group(0) in _stop()


def give_back_split_title(lines) -> list[int]:
    """Give back a title broken over adjacent lines that the menu-run rule
    (:data:`SPLIT_TITLE_RULES`) took: a capitalised first line, then at least
    :data:`SPLIT_TITLE_MIN_GOING_ON` lines each going on from the one above
    (:func:`_goes_on_from_above`), with no blank line between them, the block ending on a
    line the rules left standing (round 30, it-r30-0006: a headline set on four lines, its
    last one kept, above the article). One pass over the page.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["Aiuti in Africa", "e Sudamerica", "per la sagra", "di San Rocco", "",
        ...         "Due giorni di festa, tra musica, cibo e solidarietà."]
        >>> lines = [_Line(t, frozenset()) for t in text]
        >>> for i in (0, 1, 2):
        ...     lines[i].bad("menu_run", "navigation menu: a run of one-to-three-word links")
        >>> give_back_split_title(lines)
        [0, 1, 2]
    """
    given: list[int] = []
    start = -1  # first line of the current block of adjacent lines going on
    for i, ln in enumerate(lines):
        if ln.blank:
            start = -1
            continue
        if start >= 0 and _goes_on_from_above(ln):
            if ln.cls != BAD and i - start >= SPLIT_TITLE_MIN_GOING_ON:
                given += [k for k in range(start, i) if _taken(lines[k], SPLIT_TITLE_RULES)]
                start = -1
            continue
        first = ln.text[:1]
        start = i if first.isalpha() and first.isupper() else -1
    return _restore(lines, given)


#: Every rule one of the guards may undo (:func:`give_back` looks for one first).
GUARDED_RULES = (
    POSITION_RULES | LIST_RULES | BYLINE_RULES | DATE_BADGE_RULES | SUBHEADING_RULES
    | HASHTAG_RULES | CLOCK_RULES | POLICY_ITEM_RULES | INITIALS_RULES | FIRST_COPY_RULES
    | SPLIT_TITLE_RULES | HEADLINE_LINK_RULES
)


def give_back(lines) -> None:
    """Every guard of this module, in order (called once the models have run).

    A guard gives back only lines removed (whole) by one of its rules, all of them in
    :data:`GUARDED_RULES`: on a page with no such removal (9 pages in 10 of the benchmark
    corpus) none can give anything back, and none runs (branch perf8).

        >>> from cleannews.strip.detectors import _Line
        >>> lines = [_Line("Partager", frozenset())]
        >>> lines[0].bad("share_line", "share button")
        >>> give_back(lines), lines[0].removal.rule
        (None, 'share_line')
    """
    give_back_section_label(lines)
    taken = _taken_rules(lines)
    if not taken:
        return
    body = _body_possible(lines)
    for guard in GUARDS:
        if (body or guard not in BODY_GUARDS) and not taken.isdisjoint(
            GUARD_RULES.get(guard, GUARDED_RULES)
        ):
            guard(lines)


def _taken_rules(lines) -> frozenset[str]:
    """The rules of :data:`GUARDED_RULES` that took a whole line of the page (:func:`_taken`),
    read once for every guard: a guard gives back only lines its rules took
    (:data:`GUARD_RULES`, each a part of :data:`GUARDED_RULES`), and none takes a line, so
    what the page holds before the first guard holds every rule any later guard may find
    (round 36, perf51: each guard walked every line to find its own).

        >>> from cleannews.strip.detectors import _Line
        >>> lines = [_Line(t, frozenset()) for t in ("Art. 3", "Art. 4", "Partager")]
        >>> lines[0].bad("menu_run", "menu")
        >>> lines[1].bad("menu_run", "menu")
        >>> lines[2].bad("share_line", "share button")
        >>> sorted(_taken_rules(lines))
        ['menu_run']
    """
    return frozenset(ln.removal.rule for ln in lines if _taken(ln, GUARDED_RULES))


def _body_possible(lines) -> bool:
    """Whether a line has the :data:`BODY_MIN_WORDS` words a kept paragraph of the article
    (:func:`_is_body`) needs: without one, no :data:`BODY_GUARDS` guard gives anything back.
    The guards change no line's words, so the page's answer holds for all of them (round 36,
    perf51: on a page of "Art. 3" x 142,857 each of them walked every line).

        >>> from cleannews.strip.detectors import _Line
        >>> _body_possible([_Line("Art. 3", frozenset())] * 3)
        False
    """
    return any(ln.n >= BODY_MIN_WORDS for ln in lines)


#: The guards :func:`give_back` runs, in this order, on a page with a removal of one of the
#: :data:`GUARDED_RULES` (:func:`give_back_section_label` runs first, on every page).
GUARDS = (
    give_back_topical, give_back_announced_list, give_back_byline, give_back_date_badge,
    give_back_quoted, give_back_chapters, give_back_teaser_headline, give_back_link_headline,
    give_back_reply,
    give_back_cut_end, give_back_subheading, give_back_between_paragraphs,
    give_back_lone_item, give_back_run_on, give_back_question, give_back_menu_headline,
    give_back_inner_title, give_back_list_item, give_back_hashtag, give_back_intro,
    give_back_clock, give_back_dateline, give_back_tail_title, give_back_policy_item,
    give_back_initials, give_back_closing_sentence, give_back_first_copy,
    give_back_results_heading, give_back_split_title,
)
#: The rules whose whole-line removals a guard gives back (each line it gives back is
#: :func:`_taken` by one of them): :func:`give_back` skips it on a page where none of them
#: took a line (:func:`_taken_rules`). A guard not listed is asked on every page with a
#: removal of the :data:`GUARDED_RULES`.
GUARD_RULES = {
    give_back_link_headline: HEADLINE_LINK_RULES, give_back_reply: POSITION_RULES,
    give_back_inner_title: INNER_TITLE_RULES, give_back_list_item: LIST_ITEM_RULES,
    give_back_policy_item: POLICY_ITEM_RULES, give_back_initials: INITIALS_RULES,
    give_back_hashtag: HASHTAG_RULES, give_back_clock: CLOCK_RULES,
    give_back_tail_title: TAIL_TITLE_RULES, give_back_run_on: LEAD_RULES,
    give_back_question: LEAD_RULES, give_back_lone_item: LEAD_RULES,
    # round 37 (perf52): a split title's lines are the ones the menu run took, a byline's the
    # ones the short-block rule or a menu run took (its names are looked for only there); on
    # a real page with only other guarded removals each walked every line for nothing
    give_back_split_title: SPLIT_TITLE_RULES, give_back_byline: BYLINE_TITLE_RULES,
}
#: The guards that give a line back only next to a kept paragraph of the article
#: (:func:`_is_body`, above or below it): :func:`give_back` skips them on a page without a
#: line that long (:func:`_body_possible`).
BODY_GUARDS = frozenset({
    give_back_topical, give_back_teaser_headline, give_back_between_paragraphs,
    give_back_menu_headline, give_back_intro, give_back_dateline, give_back_closing_sentence,
})
