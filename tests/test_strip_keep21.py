"""Strip stage, twenty-first round (issue 10, point 4, branch keep21): article lines the text
path removed on pages unlike its TRAIN pages (the stress set's losses grouped by rule and
shape), and the furniture next to them that still goes.

* **A date badge on a page printed with a blank line between its lines**
  (``_keep.give_back_date_badge``): "30 settembre 2021" / "" / "21:25" — the time under a
  kept date went as a video's duration, the day "16" under "Jun" as a counter, because the
  badge was read as consecutive non-blank lines only: a blank line between its pieces left
  each piece alone. TRAIN pages printed that way (``"\\n\\n".join(lines)``, as many sites'
  text is) lost 9 badge lines that the same pages printed line by line keep.

Inputs: labelled TRAIN pages of ``fixtures/strip_real`` (the ``train_page`` fixture checks
the split; no held-out page is read). Development data: the guards were written looking at
these lines and at the stress set (``tools.strip_model.stress``) built from them.
"""

from __future__ import annotations

import pytest

from _helpers import (
    assert_furniture_goes_neighbours_stay,
    assert_lines_kept,
    assert_lines_removed,
    probe_rules,
    removed_by,
)
from cleannews import CleanConfig
from cleannews.evaluate import removed_lines
from cleannews.strip import strip_text
from cleannews.strip._keep import (
    BADGE_MAX_BLANKS,
    CUT_END_MIN_WORDS,
    give_back_cut_end,
    give_back_date_badge,
)
from cleannews.strip.detectors import _Line

CFG = CleanConfig(score_spin=False)


def _spaced_out(train_page, page_id: str, blanks: int = 1) -> dict[str, list[tuple[bool, bool]]]:
    """The TRAIN page ``page_id`` printed with ``blanks`` blank lines between all its lines:
    ``{labelled text: [(content?, kept?), …]}`` (one pair per occurrence)."""
    doc, labelled = train_page(page_id)
    sep = "\n" * (blanks + 1)
    spaced = sep.join(doc.split("\n"))
    gone = removed_lines(spaced, strip_text(spaced, CFG).changes)
    got: dict[str, list[tuple[bool, bool]]] = {}
    for lb in labelled:
        if lb.text.strip():
            assert lb.line >= 0
            got.setdefault(lb.text.strip(), []).append(
                (lb.content, not gone[lb.line * (blanks + 1)]))
    return got


# --- date badges across blank lines (_keep.give_back_date_badge) -------------------------

BADGES = [
    # "Jun" / "16" above a headline, "Mai" / "25": the line model and a counter took them
    ("de-e-0015", ["Jun", "16", "Mai", "25"]),
    # "25" / "Ene" / "2018" above the headline: a counter and a menu run
    ("es-e-0005", ["25", "Ene", "2018"]),
    # the time under a kept date line of a news feed: a video's duration, seen alone
    ("it-e-0006", ["21:25", "06:30"]),
    ("it-e-0007", ["01:09"]),
]


@pytest.mark.parametrize(("page_id", "texts"), BADGES, ids=[b[0] for b in BADGES])
def test_date_badge_of_a_double_spaced_page_stays(train_page, page_id, texts):
    """Printed with a blank line between its lines, the page keeps its date badge, as it does
    printed line by line. Before: each piece stood alone between blank lines and went."""
    got = _spaced_out(train_page, page_id)
    assert_lines_kept(got, texts, page_id)


GONE = [
    # a calendar widget's day numbers between furniture
    ("fr-e-0031", ["28", "29", "30"]),
    # a comment counter "0" above a kept date line "20 Septembre 2025, 08:15"
    ("fr-g-0007", ["0"]),
    # "Read more" links between the teasers of the date-badge page
    ("de-e-0015", ["Weiterlesen »"]),
    # the cookie notice right above the badge
    ("es-e-0005", ["Utilizamos cookies propias y de terceros para mejorar nuestros servicios "
                   "y mostrarle publicidad relacionada con sus preferencias mediante el "
                   "análisis de sus hábitos de navegación."]),
]


@pytest.mark.parametrize("blanks", [0, 1])
@pytest.mark.parametrize(("page_id", "texts"), GONE, ids=[g[0] for g in GONE])
def test_furniture_next_to_badges_still_goes(train_page, page_id, texts, blanks):
    """The look-alike furniture of those pages goes whether the page is printed line by line
    or double-spaced."""
    got = _spaced_out(train_page, page_id, blanks)
    assert_lines_removed(got, texts, (page_id, blanks))


def _badge_lines(texts: list[str]) -> list:
    lines = [_Line(t, frozenset()) for t in texts]
    for ln in lines:
        if ln.text.strip() in {"16", "21:25"}:
            ln.bad("video_widget", "a video's duration")
    return lines


def test_two_blank_lines_end_a_badge():
    """At most :data:`BADGE_MAX_BLANKS` blank line between two pieces: a second blank line
    ends the badge, the time under it stands alone (a duration) and stays removed."""
    assert BADGE_MAX_BLANKS == 1
    head = "Attivisti per l’ambiente con le tende in piazza Affari, davanti alla Borsa."
    one = _badge_lines([head, "", "30 settembre 2021", "", "21:25", "", head])
    assert give_back_date_badge(one) == [4]
    two = _badge_lines([head, "", "30 settembre 2021", "", "", "21:25", "", head])
    assert give_back_date_badge(two) == []


# --- the page's last line, cut in the middle of a sentence (_keep.give_back_cut_end) ------

#: (page whose last line the store cut, widget line of another TRAIN page, its page)
CUT_ENDS = [
    ("fr-b-0022", "Publicité", "fr-a-0054"),
    ("fr-b-0022", "Short Url", "fr-a-0065"),
    ("fr-b-0022", "Temps de lecture : 6 minutes", "fr-g-0028"),
    ("it-c-0016", "Lecture 15 minutes", "fr-b-0152"),
    ("fr-b-0135", "Publicité", "fr-e-0029"),
    ("fr-a-0039", "Press \"Enter\" to skip to content", "fr-d-0008"),
]


def _widget_above_end(train_page, page_id: str, widget: str, widget_page: str) -> tuple:
    """The TRAIN page ``page_id`` with the furniture line ``widget`` (labelled so on the
    TRAIN page ``widget_page``) put right above its last line; returns (document, last line,
    the article line above the widget)."""
    _, wlab = train_page(widget_page)
    assert [lb.content for lb in wlab if lb.text.strip() == widget][:1] == [False]
    doc, labelled = train_page(page_id)
    standing = [lb for lb in labelled if lb.text.strip()]
    last, above = standing[-1], standing[-2]
    assert last.content and above.content  # the store's cut line, under article text
    lines = doc.split("\n")
    lines.insert(last.line, widget)
    return "\n".join(lines), last.text.strip(), above.text.strip()


@pytest.mark.parametrize(("page_id", "widget", "widget_page"), CUT_ENDS,
                         ids=[f"{c[0]}-{c[2]}" for c in CUT_ENDS])
def test_cut_last_line_under_a_widget_stays(train_page, page_id, widget, widget_page):
    """A page stored up to a length ends in the middle of a sentence ("L'auteur de cet
    ouvrage paru récem"); with another site's widget line right above it, the line stays and
    the widget goes. Before: the models took the cut line as one more widget line."""
    doc, last, above = _widget_above_end(train_page, page_id, widget, widget_page)
    gone = removed_by(doc, CFG)
    assert widget in gone, (page_id, widget)
    assert last not in gone, (page_id, gone.get(last))
    assert above not in gone


#: Furniture closing a TRAIN page in the shape of a cut sentence, still removed: a back-to-top
#: button's label, a cut copy of the headline, a teaser glued to its excerpt.
CLOSING_FURNITURE = [
    ("fr-a-0111", "Bouton retour en haut de la page"),
    ("fr-g-0009", "Crédit immobilier : les banques vont-elles êtr"),
    ("fr-a-0060", "Économie d’électricitéComment rendre votre maison autonome en"),
]


@pytest.mark.parametrize(("page_id", "line"), CLOSING_FURNITURE,
                         ids=[c[0] for c in CLOSING_FURNITURE])
def test_closing_furniture_still_goes(strip_real_pages, page_out, page_id, line):
    _, labelled = strip_real_pages[page_id]
    assert_furniture_goes_neighbours_stay(labelled, page_out(page_id), line, page_id)


def test_back_to_top_button_label_is_a_phrase_rule():
    """"Bouton retour en haut de la page" (fr-a-0111's last line, a theme's button label)
    goes by the back-to-top rule, not by the models a cut last line is given back from."""
    assert probe_rules("fr", "Bouton retour en haut de la page") == ["back_to_top"]


_PARA = ("Le conseil municipal a adopté le budget primitif de l’exercice à l’unanimité des "
         "membres présents.")


@pytest.mark.parametrize(("last", "given"), [
    ("Domenica 17 maggio affascinante visita guidata in ab", True),
    ("« Il jouera un rôle de premier plan dans le dossier", True),
    ("Google Asking For Help With Its F", False),  # title case: a headline
    ("Reviens la nuit", False),  # fewer than CUT_END_MIN_WORDS words
    ("Le conseil a voté le budget primitif.", False),  # ends like a sentence
    ("Lire la suite de l'article sur 20", False),  # ends with a digit, not a cut word
    ("Économie d’électricitéComment rendre votre maison autonome en", False),  # glued teaser
])
def test_cut_end_shapes(last, given):
    lines = [_Line(t, frozenset()) for t in (_PARA, "Publicité", last)]
    lines[1].bad("ad_label", "an advertisement's label")
    lines[2].bad("context", "short line among furniture")
    assert give_back_cut_end(lines) == ([2] if given else [])
    assert CUT_END_MIN_WORDS == 4


def test_cut_end_needs_article_text_and_the_last_line():
    """No paragraph of article text kept on the page, or a kept line under it: nothing."""
    cut = "L'auteur de cet ouvrage paru récem"
    alone = [_Line(t, frozenset()) for t in ("Publicité", cut)]
    alone[1].bad("context", "short line among furniture")
    assert give_back_cut_end(alone) == []
    under = [_Line(t, frozenset()) for t in (_PARA, cut, "Publicité")]
    under[1].bad("context", "short line among furniture")
    assert give_back_cut_end(under) == []


# --- a video's chapter list with a widget inside it (_keep.give_back_chapters) -----------

CHAPTERS = ["00:00:00", "Tout le monde s’installe", "00:01:34", "Ça commence", "00:02:01",
            "Valérie Beauvais fait l’appel", "00:04:57"]


@pytest.mark.parametrize(("widget", "widget_page"), [
    ("Publicité", "fr-a-0054"), ("Temps de lecture : 6 minutes", "fr-g-0028"),
])
@pytest.mark.parametrize("after", ["00:00:00", "Ça commence"])
def test_chapter_list_with_a_widget_inside_stays(train_page, widget, widget_page, after):
    """fr-e-0039's chapter list of a council meeting's video with another TRAIN page's widget
    line put inside it: every timecode and title stays, the widget goes. Before: the widget
    broke the list, and its timecodes went as video durations, its titles as teasers."""
    _, wlab = train_page(widget_page)
    assert [lb.content for lb in wlab if lb.text.strip() == widget][:1] == [False]
    doc, labelled = train_page("fr-e-0039")
    at = next(lb.line for lb in labelled if lb.text.strip() == after) + 1
    lines = doc.split("\n")
    page = "\n".join([*lines[:at], widget, *lines[at:]])
    gone = removed_by(page, CFG)
    assert widget in gone
    assert [t for t in CHAPTERS if t in gone] == []
