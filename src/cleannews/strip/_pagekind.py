"""Page kind from the text of one page: an article (one body of prose) or a listing (teasers).

The same shape means two things: a run of teasers (headline, excerpt, headline, excerpt …)
after an article's body is furniture (``related``), while the teasers of a section or tag page
are the page's content (``fixtures/strip_real/GUIDELINE.md``). The strip stage reads the page's
kind from the lines as the rules and detectors left them, before the position rules:

* the **body**: the longest run of consecutive paragraph-like lines (class ``good``; lines
  already judged furniture and blank lines do not break it, any other standing line does),
  measured in lines and words, and its share of the standing words of the page;
* its **cohesion** (:func:`cohesion`): how many of its consecutive lines share a word (one
  story's paragraphs do; a column of excerpts of different stories mostly does not);
* **teaser pairs**: a headline-shaped line (:func:`headline_shaped`: a few words, no
  sentence end, no bullet, not protected) directly followed by an excerpt (a paragraph-like
  line of at most :data:`EXCERPT_MAX_WORDS` words), counted outside the body (the line right
  above the body is its title, not a teaser).

A page is an ``article`` when its body has at least :data:`ARTICLE_BODY_LINES` lines and
:data:`ARTICLE_BODY_WORDS` words, holds :data:`ARTICLE_BODY_SHARE` of the standing words, has
a cohesion of :data:`ARTICLE_COHESION` and no teaser pair stands above it; a ``listing`` when
it has at least :data:`LISTING_MIN_PAIRS` teaser pairs and no such body; else ``unknown``.
The thresholds are those a site-grouped cross-validation on the TRAIN pages of
``fixtures/strip_real`` picks (``python -m tools.strip_model.pagekind``): the signal is weak
on the corpus's short page beginnings (many listings print whole excerpts that read like an
article's paragraphs; figures in ``docs/strip-history.md``), so the strip stage only reads
``listing`` from it, as a guard: teasers are not taken as furniture on a page read as a
listing (:func:`cleannews.strip.detectors._tail_teasers`).

    >>> from cleannews.strip.detectors import _Line, GOOD
    >>> def page(*rows):
    ...     out = [_Line(t, frozenset()) for t, _ in rows]
    ...     for ln, (_, good) in zip(out, rows):
    ...         ln.cls = GOOD if good else ln.cls
    ...     return out
    >>> para = "Une phrase assez longue pour faire un paragraphe de l’article du jour. " * 4
    >>> page_kind(page(("Le titre du jour", 0), (para, 1), (para, 1), (para, 1), (para, 1))).kind
    'article'
    >>> tease = "Un résumé de quelques mots qui annonce un autre article du site ce matin."
    >>> page_kind(page(("Premier titre de la page", 0), (tease, 1),
    ...                ("Deuxième titre de la page", 0), (tease, 1),
    ...                ("Troisième titre de la page", 0), (tease, 1))).kind
    'listing'
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import regex

from cleannews._lazyre import LazyPattern
from cleannews.strip._assemble import BAD, GOOD, kept_standing

__all__ = [
    "ARTICLE",
    "LISTING",
    "UNKNOWN",
    "PageKind",
    "cohesion",
    "decide_kind",
    "headline_shaped",
    "page_kind",
]

ARTICLE = "article"
LISTING = "listing"
UNKNOWN = "unknown"

#: An article's body has at least this many consecutive paragraph-like lines …
ARTICLE_BODY_LINES = 4
#: … and at least this many words …
ARTICLE_BODY_WORDS = 160
#: … which are at least this share of the words of the lines still standing.
ARTICLE_BODY_SHARE = 0.6
#: … and at least this share of its consecutive lines share a word (:func:`cohesion`).
ARTICLE_COHESION = 0.75
#: Words of at least this many characters count for :func:`cohesion` (no stoplist needed:
#: the function words of the five languages are shorter, or rare enough).
COHESION_WORD_CHARS = 5
#: A listing has at least this many teaser pairs (headline, then its excerpt).
LISTING_MIN_PAIRS = 2
#: A headline-shaped line has this many words or more …
HEADLINE_MIN_WORDS = 3
#: … and at most this many.
HEADLINE_MAX_WORDS = 20
#: An excerpt under a teaser headline has at most this many words.
EXCERPT_MAX_WORDS = 80

#: A line ending like a sentence (or a clause, or a quotation): not a headline.
_PROSE_END = LazyPattern(r"[.!?…»\"”;:)]\s*+$")
#: The characters of ``_PROSE_END``'s class (a line that does not end with a space ends
#: like prose exactly when its last character is one of them).
_PROSE_END_CHARS = frozenset('.!?…»"”;:)')
_BULLET = regex.compile(r"^\s*+(?:[-–—•·▪*]|\d+[.)]\s)")



@dataclass(frozen=True)
class PageKind:
    """What :func:`page_kind` read: ``kind`` (``article``, ``listing`` or ``unknown``), the
    body's first and last line (``-1`` without a body), its lines and words, the share of the
    standing words it holds, and the teaser pairs above and below it."""

    kind: str
    body_start: int
    body_end: int
    body_lines: int
    body_words: int
    body_share: float
    body_cohesion: float
    pairs_before: int
    pairs_after: int


def headline_shaped(ln) -> bool:
    """A standing line that reads as a headline: :data:`HEADLINE_MIN_WORDS` to
    :data:`HEADLINE_MAX_WORDS` words, no sentence end, not a bullet, not protected.

    >>> from cleannews.strip.detectors import _Line
    >>> headline_shaped(_Line("Les députés adoptent le budget de la Sécu", frozenset()))
    True
    >>> headline_shaped(_Line("Les députés ont adopté le budget.", frozenset()))
    False
    """
    return (
        not ln.blank
        and ln.cls != BAD
        and not ln.protected
        and HEADLINE_MIN_WORDS <= ln.n <= HEADLINE_MAX_WORDS
        and not _ends_prose(ln.text)
        and not _BULLET.match(ln.text)
    )


def _ends_prose(text: str) -> bool:
    """``_PROSE_END`` on the last 3 characters, by the last character when it is not a
    space (a line's text is stripped: the regex runs only on text that ends with spaces).

    >>> _ends_prose("Fin :"), _ends_prose("Titre"), _ends_prose("Oui » "), _ends_prose("")
    (True, False, True, False)
    """
    last = text[-1:]
    if not last or last.isspace():
        return bool(_PROSE_END.search(text[-3:]))
    return last in _PROSE_END_CHARS


def cohesion(lines, body: list[int]) -> float:
    """Share of the consecutive pairs of the ``body`` lines that share a word of at least
    :data:`COHESION_WORD_CHARS` characters (not a number): the paragraphs of one article go
    on about the same things; the excerpts of a listing mostly do not (a tag page's do).
    0 for fewer than two lines. (Reading only each line's first words made the signal
    worse in CV: 17 listings read as articles instead of 13.)

    >>> from cleannews.strip.detectors import _Line
    >>> ls = [_Line(t, frozenset()) for t in ("Le maire de Lyon annonce un budget.",
    ...       "Ce budget prévoit des écoles.", "Un incendie ravage une forêt du Var.")]
    >>> cohesion(ls, [0, 1, 2])
    0.5
    """
    if len(body) < 2:
        return 0.0
    # each line's words as a set (built in C), then only the few words two lines share are
    # tested for length and digits: the same pairs share a qualifying word as when every
    # word was tested first (round 25: a set comprehension per line was 2 % of the stage)
    sets = [set(lines[i].words) for i in body]
    shared = sum(map(_share_content_word, sets, sets[1:]))
    return shared / (len(body) - 1)


def _share_content_word(a: set[str], b: set[str]) -> bool:
    """``a`` and ``b`` share a word of at least :data:`COHESION_WORD_CHARS` characters that
    is not a number.

    >>> _share_content_word({"le", "budget"}, {"le", "budget", "x"})
    True
    >>> _share_content_word({"le", "12345"}, {"le", "12345"})
    False
    """
    for w in a & b:
        if len(w) >= COHESION_WORD_CHARS and not w.isdigit():
            return True
    return False


def _body(lines, idx: list[int]) -> tuple[list[int], int]:
    """(indexes, words) of the longest run of ``good`` lines among the standing lines ``idx``
    (by words; the first such run wins a tie); ``([], 0)`` without one.

    >>> from cleannews.strip.detectors import _Line
    >>> ls = [_Line(t, frozenset()) for t in ("Titre", "Deux mots", "Trois mots ici", "X")]
    >>> for k in (1, 2):
    ...     ls[k].cls = GOOD
    >>> _body(ls, [0, 1, 2, 3])
    ([1, 2], 5)
    """
    best: list[int] = []
    best_words = 0
    run: list[int] = []
    words = 0
    for i in [*idx, -1]:
        if i >= 0 and lines[i].cls == GOOD:
            run.append(i)
            words += lines[i].n
            continue
        if run and words > best_words:
            best, best_words = run, words
        run, words = [], 0
    return best, best_words


def decide_kind(
    body_lines: int,
    body_words: int,
    body_share: float,
    body_cohesion: float,
    pairs_before: int,
    pairs_after: int,
    thresholds: tuple[int, int, float, float, int] | None = None,
) -> str:
    """The kind read from :func:`page_kind`'s measures. ``thresholds``: ``(body lines, body
    words, body share, cohesion, listing pairs)``, default the module's constants (the
    training tool tries others).

    >>> decide_kind(4, 300, 0.8, 1.0, 0, 1), decide_kind(1, 40, 0.2, 0.0, 1, 2)
    ('article', 'listing')
    >>> decide_kind(4, 300, 0.8, 0.2, 0, 1)  # paragraphs about unrelated things: excerpts?
    'unknown'
    """
    lines_min, words_min, share_min, coh_min, pairs_min = thresholds or (
        ARTICLE_BODY_LINES, ARTICLE_BODY_WORDS, ARTICLE_BODY_SHARE, ARTICLE_COHESION,
        LISTING_MIN_PAIRS,
    )
    has_body = body_lines >= lines_min and body_words >= words_min and body_share >= share_min
    if has_body and body_cohesion < coh_min:
        return UNKNOWN
    if has_body and pairs_before == 0:
        return ARTICLE
    if not has_body and pairs_before + pairs_after >= pairs_min:
        return LISTING
    return UNKNOWN


def page_kind(lines, measure_all: bool = False) -> PageKind:
    """The kind of the page whose lines (``_Line`` objects of :mod:`.detectors`, classes set
    by the rules and the block score) are ``lines``; see the module doc. Linear in the lines.

    The cohesion (most of the work) is measured only when the other measures of the body
    reach the article thresholds (else it is reported as -1), or always with ``measure_all``
    (the training tool, which tries other thresholds).
    """
    idx = kept_standing(lines)
    body, body_words = _body(lines, idx)
    start, end, n_body = (body[0], body[-1], len(body)) if body else (-1, -1, 0)
    standing = sum(lines[i].n for i in idx)
    share = body_words / standing if standing else 0.0
    needed = (
        n_body >= ARTICLE_BODY_LINES
        and body_words >= ARTICLE_BODY_WORDS
        and share >= ARTICLE_BODY_SHARE
    )
    coh = cohesion(lines, body) if needed or measure_all else -1.0
    before = after = 0
    for a, b in pairwise(idx):
        # the excerpt's tests first: they are cheaper than the headline's shape
        if lines[b].cls == GOOD and lines[b].n <= EXCERPT_MAX_WORDS and headline_shaped(lines[a]):
            if start >= 0 and (start <= a <= end or b == start):
                continue  # the headline right above the body is the article's title
            if start < 0 or b < start:
                before += 1
            else:
                after += 1
    kind = decide_kind(n_body, body_words, share, coh, before, after)
    return PageKind(kind, start, end, n_body, body_words, share, coh, before, after)
