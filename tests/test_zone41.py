"""The zone study of the missed furniture (issue 10, round 32): ``tools/strip_model/zones.py``.

The zone finder reads the text alone (a body paragraph: long, with function words, ended like
a sentence); these tests check it on the real TRAIN pages (``_helpers.train_pages``, never
cleaned here) against the labels, the study's leave-batch-out grid on small pages, and that a
1 MB page finishes. docs/strip-history.md, "Zones of the missed furniture (issue 10, round 32)".
"""

from __future__ import annotations

from collections import Counter

import pytest
from tools.strip_model import zones as z

from _helpers import hang_guard, train_pages
from cleannews.strip._rules import load_stopwords

FR = load_stopwords(("fr",))
PARA = ("Le conseil municipal a voté mardi soir le budget de la commune, après un long débat "
        "sur les travaux de la place du marché.")


@pytest.fixture(scope="module")
def pages():
    """Every TRAIN page as the study reads it, every line standing (nothing cleaned)."""
    return [z.page_record(rec, labelled) for rec, _doc, labelled in train_pages()]


def test_a_body_paragraph_is_read_from_the_text():
    assert z.body_paragraph(PARA, FR)
    assert not z.body_paragraph(PARA.rstrip("."), FR)  # no sentence end: a headline's shape
    assert not z.body_paragraph("Partager sur Facebook Partager sur X Envoyer par courriel", FR)
    # twelve words without function words: a tag cloud, not a paragraph
    assert not z.body_paragraph("Paris Lyon Marseille Nantes Lille Rennes Brest Nice Metz Caen "
                                "Tours Dijon.", FR)


def test_body_paragraphs_of_train_pages_are_mostly_content(pages):
    """On TRAIN, at least 90 % of the lines the finder calls body paragraphs are labelled
    content (round 32: 4,077 of 4,411)."""
    got = Counter()
    for p in pages:
        stop = load_stopwords((p["lang"],))
        got.update(lb == "C" for lb, text, _ in p["lines"] if z.body_paragraph(text, stop))
    assert got[True] >= 4000
    assert got[True] / (got[True] + got[False]) >= 0.9


def test_the_zone_finder_meets_the_labels_content_span(pages):
    """Within two lines of the labels' first (last) content line on about three pages of four
    (round 32: 869 and 888 of 1,152): the headline and a dateline stand above the first
    paragraph, a signature under the last."""
    agr = z.agreement(pages)
    assert agr["pages"] >= 1100
    assert agr["first_near"] >= 0.7 * agr["pages"]
    assert agr["last_near"] >= 0.7 * agr["pages"]
    assert agr["first"] < agr["first_near"]  # exact agreement is rarer: the headline's line
    assert agr["same_zone"] >= 0.6 * agr["lines"]


def test_no_zone_holds_furniture_without_content(pages):
    """The study's finding: every zone of the TRAIN pages holds much content (the head 47 %,
    the tail 65 %, the body 84 % of its lines in round 32), so a decision by zone alone costs
    content. The body is the zone with the most content."""
    counts = z.table(pages, lambda p, lb: ("all",))["all"]
    share = {k: counts[k]["kept"] / (counts[k]["kept"] + counts[k]["missed"])
             for k in ("head", "body", "tail")}
    assert all(v >= 0.4 for v in share.values()), share
    assert share["body"] == max(share.values())
    assert share["body"] >= 0.8


def test_a_bulleted_menu_above_the_article_is_its_head(pages):
    """es-r35-0007: 77 menu lines ("• Opinión", "• Editorial" …) then the headline, then the
    article: the menu and the headline are the head, the paragraph is the body."""
    p = next(p for p in pages if p["id"] == "es-r35-0007")
    zs = z.zones_of([t for _, t, _ in p["lines"]], load_stopwords(("es",)))
    got = Counter((zone, lb) for zone, (lb, _, _) in zip(zs, p["lines"], strict=True))
    assert got[("head", "nav")] == 77
    assert got[("body", "C")] == 1
    assert zs.index("body") == 79


def test_labels_zones_follow_the_content_span():
    assert z.label_zones(["nav", "C", "related", "C", "tags"]) == [
        "head", "body", "body", "body", "tail"]
    assert z.label_zones(["nav", "tags"]) == ["none", "none"]


def _page(batch, rows, lang="fr"):
    return {"id": f"{batch}-0001", "batch": batch, "lang": lang, "page_type": "article",
            "lines": [list(r) for r in rows]}


def test_the_grid_scores_standing_lines_per_batch_as_unseen():
    """Only standing lines count; a dev page and a fresh page are scored apart."""
    rows = [("nav", "Accueil", True), ("nav", "Sport", True), ("nav", "Culture", False),
            ("C", "Le titre du jour", True), ("C", PARA, True), ("C", PARA, True),
            ("related", "Autres articles", True), ("C", "Jean Dupont", True)]
    cands = z.candidates([_page("fr-a", rows), _page("fr-r30", rows)])
    one = next(c for c in cands if (c["zone"], c["words"], c["dist"], c["run"]) == (
        "head", 3, 2, 1))
    # the head: "Accueil" (3 lines above the paragraph), "Sport" (2), "Culture" removed
    # already, the headline (1, under d >= 2)
    assert one["score"]["dev"] == (2, 0)
    assert one["score"]["r30"] == (2, 0)
    tail = next(c for c in cands if (c["zone"], c["words"], c["dist"], c["run"]) == (
        "tail", 3, 1, 1))
    assert tail["score"]["dev"] == (1, 1)  # the teaser heading and the signature
    assert one["content"]["dev"] == 4


def test_runs_count_short_lines_in_a_row():
    rows = [("head", 0, 1, "nav", True), ("head", 0, 2, "nav", True),
            ("body", 0, 10**6, "C", True), ("tail", 0, 3, "C", True)]
    assert z._runs(rows, 3) == [2, 2, 0, 1]
    assert z._runs(rows, 1) == [1, 0, 0, 0]


def test_a_megabyte_page_finishes():
    line = ("mot " * 250_000).strip()
    many = ["Accueil", PARA] * 20_000
    with hang_guard(60):
        assert z.zones_of([line], FR) == ["none"]
        zs = z.zones_of(many, FR)
        assert zs[0] == "head" and zs[-1] == "body"
        rows = z._shape_rows(_page("fr-a", [("C", t, True) for t in many]))
        assert len(z._runs(rows, 12)) == len(many)
