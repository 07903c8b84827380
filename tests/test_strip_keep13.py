"""Strip stage, thirteenth round (issue 10, branch strip13): article lines of TRAIN pages that
the ``context`` rule removed after a separator the page prints between its items (kept now),
the look-alike furniture that still goes, and a listing's teaser headline printed twice in a
row (the second copy goes, ``detectors._teaser_copies``) with the lines printed twice that stay.

Every page line is a real labelled line of a TRAIN page of ``fixtures/strip_real`` (the
``train_page`` fixture checks the split; no held-out page is read). Development data: the
guards were written looking at these pages.
"""

from __future__ import annotations

import pytest

from _helpers import assert_lines_kept
from cleannews import CleanConfig
from cleannews.strip import strip_text
from cleannews.strip.detectors import SEPARATOR_MIN_INLINE

CFG = CleanConfig(score_spin=False)


# --- the page's last lines after a separator it prints between its items ------------------

#: (page, content lines at the end of the page, after furniture that the page also prints
#: between its paragraphs or items). Main removed each one as "context" (a short line between
#: furniture and the end of the page); six sites, four languages.
TAIL_AFTER_SEPARATOR = [
    # "Hide Ad" twice between paragraphs, then the article goes on (cut by the excerpt)
    ("en-e-0002", ["He added: ‘There are people who know more abo"]),
    # a listing: each teaser's headline printed again under it, then the next headline
    ("de-c-0007", ["Motorradfahrer prallt gegen Leitplan"]),
    # a photo gallery: caption and credit between the slides' texts, then the next slide
    ("de-m-0006", ["\"Wir haben eine herausragende Ver"]),
    # a news feed: "Suivez l'information en direct sur notre chaîne" between items
    ("fr-d-0011", ["Égypte : après quatre ans de prison, un journalis"]),
    # a listing: "Lire cet article" / "Politique & social" between teasers
    ("fr-e-0022", ["François Hollande de retour en Lorraine le 24 novembre",
                   "François Hollande s"]),
    # a listing: "Categorie" / "Varese" above each item
    ("it-c-0007", ["Varese, resistenza a pub"]),
]


@pytest.mark.parametrize(
    ("page_id", "texts"), TAIL_AFTER_SEPARATOR, ids=[k[0] for k in TAIL_AFTER_SEPARATOR]
)
def test_last_item_after_a_repeated_separator_is_kept(page_out, page_id, texts):
    got = page_out(page_id)
    assert_lines_kept(got, texts, page_id)


@pytest.mark.parametrize(
    ("page_id", "text"),
    [
        # furniture after a widget printed once at the end of the page still goes
        ("fr-b-0048", "Une publ"),  # "Voir cette publication sur Instagram" above it
        ("fr-a-0111", "Bouton retour en haut de la page"),  # "[ad_2]" after the last paragraph
        ("fr-g-0009", "Crédit immobilier : les banques vont-elles êtr"),  # a tag label once
    ],
)
def test_tail_furniture_after_a_one_off_widget_still_goes(page_out, page_id, text):
    flags = [ok for content, ok in page_out(page_id)[text] if not content]
    assert flags and not any(flags), (page_id, text)


#: Real lines of en-e-0002 (TRAIN): paragraphs with the site's ad slot printed between them.
_PARAGRAPHS = [
    "It comes as Local Newspaper Week is held this week under the theme of ‘making a "
    "difference’.",
    "A series of reports were run at the same time as Hampshire Constabulary held a "
    "crackdown on drink-drivers.",
    "And Mr Lane praised the role of The News in helping drum up witnesses in running appeals.",
]
_AD = "Hide Ad"
_LAST = "He added: ‘There are people who know more abo"


def _page(slots_inside: int) -> str:
    lines = [_PARAGRAPHS[0]]
    for k, par in enumerate(_PARAGRAPHS[1:]):
        if k < slots_inside:
            lines += [_AD, _AD]
        lines.append(par)
    lines += [_AD, _AD, _LAST]
    return "\n\n".join(lines)


def test_separator_count_is_the_named_constant():
    """The last line stays once the ad slot was printed SEPARATOR_MIN_INLINE times between
    paragraphs; the ad slots themselves go every time."""
    res = strip_text(_page(1), CFG)  # one slot (two lines) between the paragraphs
    kept = [ln for ln in res.text.split("\n") if ln.strip()]
    assert _LAST in kept
    assert _AD not in kept
    assert all(p in kept for p in _PARAGRAPHS)
    assert {c.rule for c in res.changes if c.before.strip() == _AD} == {"repeated_block"}
    assert SEPARATOR_MIN_INLINE == 2


# --- a listing's teaser headline printed twice in a row ------------------------------------

#: (page, headlines printed twice in a row above their teaser's paragraph): the first copy is
#: content, the second ``title_repeat`` (GUIDELINE: "a listing's teaser printed twice").
TEASER_COPIES = [
    ("fr-g-0050", ["La patience et ses limites", "Encore un instant de bonheur",
                   "Et à la fin, c'est Marine qui gagne", "À la Pyrrhus...",
                   "La secte à Vaness’", "Coup de poker"]),
    ("fr-f-0013", ["L'édito: Juste une illusion", "Tashweesh, féminismes d'ici et d'ailleurs",
                   "Petits formats sur scène",
                   "Niki de Saint Phalle, esthétique du rapport de force"]),
    # a third copy after the teaser's summary (it stays: not in a row)
    ("de-c-0012", ["Impfungen an Unis: Mehr Präsenz-Vorlesungen ermöglichen",
                   "Physiker: Müssen uns in Zukunft auf mehr Gewitter einstellen"]),
]


@pytest.mark.parametrize(("page_id", "texts"), TEASER_COPIES, ids=[k[0] for k in TEASER_COPIES])
def test_teaser_headline_printed_twice_loses_its_second_copy_only(page_out, page_id, texts):
    got = page_out(page_id)
    for t in texts:
        occ = got[t]
        assert occ[0] == (True, True), (page_id, t)  # the headline (first copy) stays
        assert occ[1] == (False, False), (page_id, t)  # its copy right under it goes


def test_teaser_copy_removal_says_why(train_page):
    doc, _ = train_page("fr-g-0050")
    res = strip_text(doc, CFG)
    reasons = {c.reason for c in res.changes if c.before.strip() == "Coup de poker"}
    assert reasons == {"a teaser's headline printed twice in a row (page furniture)"}


#: Real lines of TRAIN pages printed twice that are content: a results line of a gallery
#: (de-m-0006, a list item), a line-up's label (de-d-0001), a table's name (es-m-0019).
_PARA = ("Nach dem Wahnsinnsspiel in Köln gibt sich Bremens Trainer Alexander Nouri "
         "bescheiden, denn alle Zuschauer haben ein großes Spiel gesehen.")


@pytest.mark.parametrize(
    "line", ["1. FC Köln - SV Werder Bremen 4:3 (3:2)", "Trainer", "Borja Crespo"]
)
def test_a_line_printed_twice_that_is_no_headline_stays_twice(line):
    text = "\n\n".join([_PARA, line, line, _PARA.replace("Köln", "Bremen")])
    kept = [ln for ln in strip_text(text, CFG).text.split("\n") if ln.strip()]
    assert kept.count(line) == 2


def test_a_headline_printed_three_times_in_a_row_keeps_all_copies():
    """More copies than TEASER_COPY_MAX_COPIES: a gallery's slide text, not a teaser."""
    head = "Marillion spielt im Musical Theater Bremen"
    text = "\n\n".join([_PARA, head, head, head, head, _PARA.replace("Köln", "Bremen")])
    res = strip_text(text, CFG)
    assert not [c for c in res.changes if c.reason.startswith("a teaser's headline")]


def test_teaser_copy_is_idempotent(train_page):
    for pid in ("fr-g-0050", "fr-f-0013", "de-c-0012", "de-m-0006"):
        once = strip_text(train_page(pid)[0], CFG).text
        assert strip_text(once, CFG).text == once, pid


def test_a_headline_printed_twice_above_a_paragraph_loses_one_copy():
    """The same frame as the guards' tests above, with a teaser's headline (fr-g-0050)."""
    head = "Coup de poker"
    text = "\n\n".join([_PARA, head, head, _PARA.replace("Köln", "Bremen")])
    kept = [ln for ln in strip_text(text, CFG).text.split("\n") if ln.strip()]
    assert kept.count(head) == 1
