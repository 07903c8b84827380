"""A site's tagline at the top of its pages (issue 10, round 40, footer55).

News sites print their tagline above the article, on every page: "L'ACTUALITÉ DE MAYOTTE
100 % NUMÉRIQUE", "Les infos de Lourdes et du Pays de Lourdes", "Bienvenue sur
newsantilles.com". The corpus files it as ``footer`` (the site's own furniture, printed on
every page). The patterns are in ``data/site_taglines.txt``; :func:`site_tagline` takes a line
only among the page's first :data:`TAGLINE_HEAD_LINES` non-blank lines, none below the
article's first line (the model reads some taglines as text: "Toute l'actualité du bâtiment
regroupée sur un seul site", fr-r33-0009, is that line), when it has at most
:data:`TAGLINE_MAX_WORDS` words and the line below it is no sentence of the article's text:
the same words as a heading over the text ("L'actualité des élections en direct" above the
live blog's "21h01: Sur TF1, …", fr-h-0012) stay.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from cleannews.strip._assemble import BAD, GOOD
from cleannews.strip._rules import _data_text

__all__ = ["site_tagline"]

#: Only the page's first this many non-blank lines are tried: a tagline opens the page.
TAGLINE_HEAD_LINES = 3
#: A tagline has at most this many words.
TAGLINE_MAX_WORDS = 10
#: The end a tagline may carry after its words ("… depuis plus de 20 ans !").
_TAGLINE_END = r"\s*[.!]?\s*"


@lru_cache(maxsize=1)
def _tagline() -> regex.Pattern:
    """The patterns of ``data/site_taglines.txt`` as one whole-line pattern.

    >>> bool(_tagline().fullmatch("les infos de lourdes et du pays de lourdes"))
    True
    """
    pats = [
        p.strip() for p in _data_text("site_taglines.txt").splitlines()
        if p.strip() and not p.startswith("#")
    ]
    return regex.compile(r"(?:" + "|".join(pats) + r")" + _TAGLINE_END, regex.I)


def tagline_text(text: str) -> bool:
    """Whether a line's whole text reads as a site's tagline (``data/site_taglines.txt``).

    >>> [tagline_text(t) for t in ("L'ACTUALITÉ DE MAYOTTE 100 % NUMÉRIQUE",
    ...  "Bienvenue sur newsantilles.com", "Les infos de Mayotte depuis plus de 20 ans !",
    ...  "L'actualité, d'où qu'elle vienne, se prête toujours à des moments de partage.")]
    [True, True, True, False]
    """
    return bool(_tagline().fullmatch(text.strip()))


def site_tagline(lines: list, first_good: int, idx: list[int]) -> None:
    """Take a site's tagline among the page's first lines (module docstring).

    ``lines`` are the strip stage's lines, ``idx`` the positions of the non-blank ones,
    ``first_good`` the first line of the article's text.

        >>> from cleannews.strip.detectors import _Line
        >>> ls = [_Line(t, frozenset()) for t in ("Les infos de Lourdes et du Pays de Lourdes",
        ...       "400 Judokas au tournoi de Lourdes", "Le tournoi a réuni 400 judokas.")]
        >>> ls[2].cls = GOOD
        >>> site_tagline(ls, 2, [0, 1, 2])
        >>> ls[0].removal.rule
        'site_tagline'
        >>> ls = [_Line(t, frozenset()) for t in ("L'actualité des élections en direct",
        ...       "21h01: Sur TF1, le candidat confirme qu'il y aura bien un débat.")]
        >>> ls[1].cls = GOOD
        >>> site_tagline(ls, 1, [0, 1])  # the article's text right below: its headline
        >>> ls[0].removal is None
        True
    """
    for k, i in enumerate(idx[:TAGLINE_HEAD_LINES]):
        if i > first_good:
            break  # below the article's first line: the article's own words
        ln = lines[i]
        if ln.cls is BAD or ln.protected or ln.n > TAGLINE_MAX_WORDS:
            continue
        below = lines[idx[k + 1]] if k + 1 < len(idx) else None
        if below is not None and below.cls is GOOD and below.ends:
            continue  # a heading over the text's first sentence, no site's tagline
        if tagline_text(ln.text):
            ln.bad("site_tagline", "the site's tagline at the top of its pages")
