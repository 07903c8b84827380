"""Furniture missed on fresh sites, by its structure (issue 10, round 29, branch misses32).

Development write-up: docs/strip-history.md, "Teaser lists without a heading, by their shape
(issue 10, round 29)". Every page read here is a TRAIN page of ``fixtures/strip_real``.
"""

from __future__ import annotations

import time

import pytest

from _helpers import assert_content_parts_stay, hang_guard, kept_lines, removed_by
from cleannews import CleanConfig
from cleannews.strip import _widgets  # its new names are read in each test (main lacks them)
from cleannews.strip.detectors import GOOD, _Line

CFG = CleanConfig()

PARA = (
    "Le conseil municipal a adopté mardi soir le budget de la ville pour l’année prochaine, "
    "après un long débat sur les investissements prévus dans les écoles et les routes."
)


# --- dated_headlines: headline / date pairs, newest first ---------------------------------


def test_the_feed_under_an_article_goes_whole(page_out):
    """fr-r28-0012 (impact.sn): eleven headlines of other articles after the article, four
    of them followed by their date alone; the page reads as a listing (the pairs), the
    article's paragraphs above the feed stay."""
    got = page_out("fr-r28-0012")
    feed = [t for t, occ in got.items() if not occ[0][0]]
    assert len(feed) >= 13  # the dates repeat ("17/03/2026" twice)
    assert all(not ok for t in feed for _, ok in got[t]), feed
    # the first paragraph's glued "(0 vote)" rating widget is bracketed in its label since
    # round 32 (GUIDELINE rule 5): that line's content part stays (the widget too)
    glued = [t for t in got if t.startswith("(0 vote)")]
    assert len(glued) == 1
    assert all(ok for t, occ in got.items() for content, ok in occ if content and t not in glued)
    assert_content_parts_stay("fr-r28-0012", glued)
    assert got["12/03/2026"] == [(False, False)]


def test_the_feed_rule_and_reason(train_page):
    doc, _ = train_page("fr-r28-0012")
    taken = removed_by(doc, CFG)
    assert taken["Liban : au moins neuf morts dans de nouvelles frappes israéliennes dans le sud"] \
        == "dated_headlines"
    assert taken["Le chef de la diplomati"] == "dated_headlines"  # the page is cut there


def _lines(*texts: str) -> list:
    """Detector lines of ``texts``, the article's paragraphs (``PARA``) judged ``GOOD`` as the
    block score judges them."""
    out = [_Line(t, frozenset()) for t in texts]
    for ln, t in zip(out, texts, strict=True):
        if t == PARA:
            ln.cls = GOOD
    return out


def _page(*texts: str) -> str:
    return "\n\n".join(texts) + "\n"


FEED = (
    "Les Bourses européennes terminent sans direction commune",
    "Un haut responsable américain annonce sa démission", "17/03/2026",
    "La Nouvelle-Zélande commémore les fusillades de Christchurch", "15/03/2026",
    "Liban : au moins neuf morts dans de nouvelles frappes", "12/03/2026",
    "Le Royaume-Uni et le Nigeria concluent un accord",
)


def test_a_chronology_oldest_first_stays():
    """An article's own chronology runs oldest first: it stays."""
    chrono = (
        "Le premier confinement est annoncé par le gouvernement", "17/03/2020",
        "Les écoles rouvrent leurs portes dans tout le pays", "11/05/2020",
        "Le deuxième confinement entre en vigueur ce vendredi", "30/10/2020",
    )
    text = _page("Le budget de la ville", PARA, PARA, *chrono)
    kept = kept_lines(text, CFG)
    assert all(t in kept for t in chrono), kept


def test_dates_above_their_events_stay():
    """The date above its event (an agenda, newest first): from the second event on, each
    date stands under an event, but the date above the first one says how the list reads."""
    agenda = (
        "17/03/2026", "Réunion publique sur le plan local d’urbanisme",
        "15/03/2026", "Visite du chantier de la nouvelle école",
        "12/03/2026", "Inauguration de la médiathèque du quartier nord",
        "10/03/2026", "Conseil municipal consacré au budget primitif",
        "08/03/2026", "Journée des droits des femmes à la salle des fêtes",
    )
    text = _page("Le budget de la ville", PARA, PARA, PARA, PARA, *agenda)
    kept = kept_lines(text, CFG)
    assert all(t in kept for t in agenda[1::2]), kept


def test_a_listing_of_dated_headlines_stays():
    """A section page that is only headlines and their dates: its content."""
    text = _page("Actualités de la commune", *FEED, "Un autre titre de la rubrique du jour",
                 "11/03/2026")
    kept = kept_lines(text, CFG)
    assert all(t in kept for t in FEED if not _widgets._DATE_ALONE.match(t)), kept


def test_the_article_above_the_feed_stays():
    text = _page("Le budget de la ville", PARA, PARA, PARA, PARA, *FEED)
    kept = kept_lines(text, CFG)
    assert PARA in kept
    assert not any(t in kept for t in FEED), kept


def test_a_sentence_between_pairs_breaks_the_feed():
    """A line ending like a sentence between two pairs: the article's text, no feed."""
    ls = _lines(*[PARA] * 4, FEED[1], FEED[2], "Le maire a répondu aux questions des habitants.",
                FEED[3], FEED[4], FEED[5], FEED[6])
    _widgets.dated_headlines(ls, "article")
    assert all(ln.removal is None for ln in ls)


def test_two_pairs_are_not_enough():
    assert _widgets.DATED_HEADLINES_MIN_PAIRS == 3
    ls = _lines(*[PARA] * 4, *FEED[1:5])
    _widgets.dated_headlines(ls, "article")
    assert all(ln.removal is None for ln in ls)


@pytest.mark.parametrize("kind", ["article", "listing", "unknown"])
def test_only_under_an_article(kind):
    """The feed goes only under paragraphs of at least DATED_HEADLINES_ARTICLE_WORDS words."""
    short = "Un court chapeau de la rubrique."
    ls = _lines(short, *FEED)
    _widgets.dated_headlines(ls, kind)
    assert all(ln.removal is None for ln in ls)
    long = [PARA] * (_widgets.DATED_HEADLINES_ARTICLE_WORDS // len(PARA.split()) + 1)
    ls = _lines(*long, *FEED)
    _widgets.dated_headlines(ls, kind)
    assert [ln.removal is not None for ln in ls] == [False] * len(long) + [True] * len(FEED)


def test_on_a_listing_the_feed_must_end_the_page():
    """On a page read as a listing, more of the list (a line that is no headline) below the
    dated headlines: they stay."""
    long = [PARA] * (_widgets.DATED_HEADLINES_ARTICLE_WORDS // len(PARA.split()) + 1)
    more = "Un résumé d’un autre article de la rubrique, avec ses détails du jour."
    ls = _lines(*long, *FEED, more)
    _widgets.dated_headlines(ls, "listing")
    assert all(ln.removal is None for ln in ls)
    _widgets.dated_headlines(ls, "article")  # under an article: the dated pairs go; the headline
    # after the last date and the excerpt stay (the page goes on with no furniture below)
    assert [ln.removal is None for ln in ls[-3:]] == [False, True, True]


def test_the_date_alone_pattern():
    assert _widgets._DATE_ALONE.match("17/03/2026")
    assert _widgets._DATE_ALONE.match("05.11.24 - 14:30")
    assert _widgets._DATE_ALONE.match("12-03-2026 à 9h45")
    assert not _widgets._DATE_ALONE.match("17/03/2026 : Le conseil a voté")
    assert not _widgets._DATE_ALONE.match("Le 17/03/2026")


@pytest.mark.parametrize("line", [
    "1/" * 500_000, "17/03/2026" + " " * 1_000_000 + "x", "17/03/2026 " + "-" * 1_000_000,
    ("17/03/2026 - " * 80_000)[:1_000_000],
])
def test_date_alone_pattern_is_linear_on_1mb(line):
    with hang_guard(10):
        t = time.perf_counter()
        _widgets._DATE_ALONE.match(line)
        assert time.perf_counter() - t < 5


def test_a_1mb_page_of_pairs_is_linear():
    """A 1 MB page of headline / date pairs: one pass, no hang."""
    pair = "Un titre d’un autre article du site ce matin\n17/03/2026\n"
    text = PARA + "\n" + pair * (1_000_000 // len(pair))
    with hang_guard(120):
        out = kept_lines(text, CFG)
    assert PARA in out


# --- card_zone: cards under a related-articles heading, a short article above -------------


def test_cards_under_a_related_heading_after_a_short_article(page_out):
    """fr-r27-0018 (Télésambre): a video page's two sentences and list, "Sur le même sujet",
    then four cards between "Image" separators; 36 words of paragraphs above the heading,
    under CARD_ARTICLE_WORDS but over CARD_RELATED_ARTICLE_WORDS."""
    got = page_out("fr-r27-0018")
    for t in ("Charleroi : les autorités vont renforcer les contrôles suite aux fusillades "
              "liées aux stupéfiants",
              "La SNCB ne donne pas sa préférence à Alstom pour renouveler ses automotrices"):
        assert got[t] == [(False, False)], t
    assert all(ok for occ in got.values() for content, ok in occ if content)


def _cards(heading: str, article: str) -> str:
    rows = [article, heading]
    for t in ("Bonne nouvelle à Herstal pour les commerces", "La passerelle Vialta en montage",
              "Quatorze maisons détruites à Chaudfontaine"):
        rows += ["Image", t, "Un court résumé d’un autre sujet du site, avec ses détails."]
    return "\n".join(rows) + "\n"


def test_cards_need_the_related_heading_for_a_short_article():
    """The same cards under a standing heading ("Nos sélections") after 27 words stay: only a
    heading a related-articles rule removed lowers the article's words."""
    from cleannews.strip._zones import CARD_ARTICLE_WORDS, CARD_RELATED_ARTICLE_WORDS

    assert CARD_RELATED_ARTICLE_WORDS < len(PARA.split()) < CARD_ARTICLE_WORDS
    taken = removed_by(_cards("Sur le même sujet", PARA), CFG)
    assert taken.get("La passerelle Vialta en montage") == "card_zone", taken
    kept = kept_lines(_cards("Nos sélections", PARA), CFG)
    assert "La passerelle Vialta en montage" in kept, kept


def test_cards_under_a_related_heading_without_an_article_stay():
    """A page that starts with the heading: no paragraph above, nothing taken as cards."""
    taken = removed_by(_cards("Sur le même sujet", "Notre dossier"), CFG)
    assert "card_zone" not in taken.values(), taken


def test_a_1mb_page_of_many_feeds_is_linear():
    """A 1 MB page of short feeds, each under a paragraph: the article's words above each
    feed are counted once for the page (they were summed again for every feed: quadratic)."""
    feed = "".join(f"Un titre d’un autre article du site numéro {k}\n{20 - k:02d}/03/2026\n"
                   for k in range(3))
    block = PARA + "\n" + feed
    text = block * (1_000_000 // len(block))
    with hang_guard(120):
        out = kept_lines(text, CFG)
    assert out.count(PARA) == text.count(PARA)
    # the feeds under fewer than DATED_HEADLINES_ARTICLE_WORDS words of paragraphs stay (the
    # first three); every other goes
    first = -(-_widgets.DATED_HEADLINES_ARTICLE_WORDS // len(PARA.split())) - 1
    assert sum(line.endswith("/03/2026") for line in out) == 3 * first
