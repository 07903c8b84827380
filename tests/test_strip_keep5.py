"""Content protection, fifth round (issue 10, point 4, branch strip-keep5): article lines
that earlier rules took when furniture stood next to them, and each guard's look-alike
furniture, which still goes.

Content: real lines of TRAIN pages of ``fixtures/strip_real`` (never a test-split page),
of the 0.1.0 plain-text fixtures (``fixtures/strip``) and UD French sentences
(``../shared/corpora/fr-ud``). Furniture: real labelled furniture lines of TRAIN pages.
Each content block is placed first, in the middle and last of a fixture article, between
furniture drawn by a seeded generator (the same pages every run).
"""

from __future__ import annotations

import random

import pytest

import test_strip_keep as keep  # the fixture readers, one place
from _helpers import kept_lines, removed_by
from test_strip_keep import CFG, UD

SEED = 20261205


def _fixture_lines(name: str) -> list[str]:
    """The content lines of one 0.1.0 plain-text fixture, in order, stripped."""
    return [t.strip() for t in keep._fixture_lines(name)]


def _paragraphs() -> list[str]:
    return [t.strip() for t in keep._paragraphs()]


def _train(strip_real_pages, page_id: str, start: str, content: bool) -> str:
    """The line of a TRAIN page starting with ``start``, checked to carry the label asked."""
    rec, labelled = strip_real_pages[page_id]
    assert rec["split"] == "train", page_id  # never a test-split page
    for lb in labelled:
        if lb.text.strip().startswith(start) and lb.content == content:
            return lb.text.strip()
    raise AssertionError(f"{page_id}: no {'content' if content else 'furniture'} line {start!r}")


def _placements(block: list[str], furniture: list[str], seed: int, wheres=(0, 1, 3)):
    """Pages with ``block`` first, in the middle and last of three paragraphs, 1-2 real
    furniture lines right before and right after it."""
    paras = _paragraphs()
    rng = random.Random(seed)
    for where in wheres:
        before = rng.sample(furniture, min(len(furniture), rng.randint(1, 2)))
        after = rng.sample(furniture, min(len(furniture), rng.randint(1, 2)))
        lines = ["Un titre d'article sur les réseaux sociaux", *paras]
        lines[where + 1 : where + 1] = [*before, *block, *after]
        yield where, "\n\n".join(lines) + "\n"


def _in_article(line: str, before: list[str] = (), after: list[str] = ()) -> str:
    """A page with ``line`` between the second and third paragraph of the fixture article."""
    p = _paragraphs()
    return "\n\n".join(["Un titre d'article", p[0], p[1], *before, line, *after, p[2]]) + "\n"


@pytest.fixture(scope="module")
def furniture(strip_real_pages) -> list[str]:
    """Real TRAIN furniture of fr-a-0164's comment form: two lines its rule takes ("Votre
    commentaire", "Vers les règles des commentaires..") and one its words take since round 40
    ("YouTube Link", ``widget_words``; left to the position rules before); and fr-a-0107's
    "Read More" heading."""
    return [
        _train(strip_real_pages, "fr-a-0164", "Votre commentaire", False),
        _train(strip_real_pages, "fr-a-0164", "Vers les règles", False),
        _train(strip_real_pages, "fr-a-0164", "YouTube Link", False),
        _train(strip_real_pages, "fr-a-0107", "Read More", False),
    ]


# --- kickers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page_id, image", [("fr-b-0022", "MSA-GE.jpg"), ("it-m-0031", "Figura_lavoce.png")]
)
def test_kicker_under_an_image_path_stays(strip_real_pages, page_id, image):
    """ "Critique" above the review's headline (0.1.0 fixture 017) right under a real image
    file name (TRAIN furniture): the image rule takes the caption under it, and took the
    kicker (recombined page 52 of seed 20261201); an article-type label above a headline
    is protected from the position rules. The image line still goes."""
    image = _train(strip_real_pages, page_id, image, False)
    lines = _fixture_lines("017_fr_culture_cinema_critique.txt")
    article = lines[lines.index("Critique") :]
    rules = removed_by("\n".join([image, *article]) + "\n", CFG)
    assert "Critique" not in rules and rules.get(image) == "image_path", rules


def test_kicker_word_in_a_menu_is_not_protected():
    """The look-alike: "Opinion" among other section labels of a menu (the next line is
    another label, not a headline) is left to the menu rule."""
    from cleannews.strip.detectors import _Line, _protect_kickers

    ls = [_Line(t, frozenset()) for t in ("Politique", "Opinion", "Sport", "Culture")]
    _protect_kickers(ls, frozenset({"opinion"}))
    assert not any(ln.protected for ln in ls)
    p = _paragraphs()
    doc = (
        "\n\n".join(["Accueil", "Politique", "Opinion", "Sport", "Culture", "Titre du jour", *p])
        + "\n"
    )
    assert "Opinion" not in kept_lines(doc, CFG)


# --- replies, quotes ----------------------------------------------------------------------


@pytest.mark.parametrize("reply", ["Oui.", "Non !", "Jamais.", "Vraiment ?", "Absolument."])
def test_one_word_reply_between_furniture_stays(furniture, reply):
    """An interview's one-word reply inside the article between real furniture lines of
    fr-a-0164's comment form is not taken by the context rule (it was)."""
    for after in ([furniture[1]], [furniture[1], furniture[2]]):
        doc = _in_article(reply, [furniture[0]], after)
        assert reply in kept_lines(doc, CFG), after


def test_short_label_between_furniture_still_goes_by_context(furniture):
    """The look-alike: a two-word label without a final stop between the same furniture. Since
    round 40 "YouTube Link" goes by its words (widgets56: ``widget_words``) before the neighbour
    passes, so the line model, reading both neighbours already removed, takes the label first
    where the short-block rule took it before."""
    doc = _in_article("Nos offres", [furniture[0]], [furniture[1], furniture[2]])
    assert removed_by(doc, CFG).get("Nos offres") in {"context", "line_model"}


@pytest.mark.skipif(not UD.is_dir(), reason="UD French sentences not at ../shared/corpora/fr-ud")
def test_quoted_sentence_under_a_read_more_heading_stays(furniture):
    """A UD sentence closed inside quotes ('… d'avoir survécu."') right under a real
    "Read More" heading is a quote, not the heading's teaser."""
    sents = []
    for f in ("french-gsd.txt", "french-sequoia.txt"):
        for row in (UD / f).read_text("utf-8").splitlines():
            text = row.split("\t", 1)[1]
            if text.endswith(('."', ".”", '!"')) and 4 <= len(text.split()) <= 25:
                sents.append(text)
    assert len(sents) >= 5
    for s in sents[:8]:
        assert s in kept_lines(_in_article(s, [furniture[3]]), CFG), s


def test_headline_under_read_more_still_goes(furniture):
    """The look-alike: a teaser headline (no final stop) under the same heading still goes."""
    teaser = "Disparition inquiétante de deux jeunes filles à Lyon"
    assert teaser not in kept_lines(_in_article(teaser, [furniture[3]]), CFG)


# --- labelled figures ---------------------------------------------------------------------


def test_labelled_figures_under_a_related_heading_stay(strip_real_pages, furniture):
    """A jobs report's sector figures (0.1.0 fixture 034: "Retail: +34,000") under a real
    "Sur le même sujet" heading: three or more lines share the labelled-figure shape, the
    article's list."""
    lines = _fixture_lines("034_en_ap_wire_jobs_report.txt")
    k = lines.index("Health care: +44,000")
    figures = lines[k : k + 4]
    heading = _train(strip_real_pages, "fr-a-0050", "Sur le même sujet", False)
    for where, doc in _placements([heading, *figures], furniture, SEED + 1):
        out = kept_lines(doc, CFG)
        assert all(f in out for f in figures), (where, out)


def test_clock_times_and_two_figures_are_no_list():
    """Look-alikes: clock times ("22:04", TRAIN fr-a-0060's furniture) and a date line have
    no labelled-figure shape; two figure lines alone are not protected."""
    from cleannews.strip.detectors import _Line, _line_shape, _protect_shaped

    assert _line_shape("22:04") is None and _line_shape("Publié le 27.04.23 à 19:30") is None
    ls = [_Line(t, frozenset()) for t in ("Likes : 12", "Vues : 340", "Lire aussi")]
    _protect_shaped(ls)
    assert not any(ln.protected for ln in ls)


# --- signature ----------------------------------------------------------------------------


def test_signature_under_the_last_paragraph_stays(strip_real_pages):
    """TRAIN fr-d-0036: the district president's name and title under the last paragraph,
    above the share bar, stay (a menu run took both)."""
    rec, labelled = strip_real_pages["fr-d-0036"]
    assert rec["split"] == "train"
    page = "\n".join(lb.text for lb in labelled) + "\n"
    out = kept_lines(page, CFG)
    assert "Philippe Guilbault" in out and "Président du District" in out
    assert "Commentez la news" not in out  # the furniture under it still goes


def test_name_apart_from_the_last_paragraph_is_not_protected():
    """The look-alike: a name after a furniture line (an author box of another page) is not
    the article's signature."""
    from cleannews.strip.detectors import GOOD, _Line, _protect_signature

    ls = [
        _Line(t, frozenset())
        for t in ("Le club doit prévenir son adversaire.", "Partager", "Philippe Guilbault")
    ]
    ls[0].cls = GOOD
    _protect_signature(ls)
    assert not any(ln.protected for ln in ls)


# --- look-alikes of explicit rules --------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Galerie photos : les plus belles images du carnaval de Dunkerque",
        "En images : la manifestation contre la réforme des retraites",
        "Un mort dans l'attaque. AFP/Reuters",
        "Flash info : la préfecture ordonne l'évacuation du quartier après l'incendie.",
        "Dernière minute : le match a été reporté en raison de la pluie.",
    ],
)
def test_rule_look_alikes_stay(line):
    """Article lines shaped like a credit, a gallery caption or a ticker stay."""
    assert line in kept_lines(_in_article(line), CFG)


@pytest.mark.parametrize(
    "line",
    [
        "Photo : Jean Dupont",
        "J. Dupont / AFP",
        "Flash info : un incendie en cours à Rouen",
        "Posté par jeanlouis88 le 07/10/2025 à 19h02",
        "John Smith says:",
    ],
)
def test_rule_furniture_still_goes(line):
    """The furniture of the same rules (credit, ticker, comment header) still goes."""
    assert line not in kept_lines(_in_article(line), CFG)


def test_train_credits_still_go(strip_real_pages):
    """Real TRAIN credits of the narrowed credit rules still go."""
    for page_id, start in (
        ("fr-d-0003", "Sonia Bompastor et Camille Abily (photo OL)"),
        ("fr-b-0017", "Dany Placard/Photo"),
        ("en-m-0023", "ANDY RAIN/EPA"),
    ):
        line = _train(strip_real_pages, page_id, start, False)
        assert line not in kept_lines(_in_article(line), CFG), line


def test_blog_post_line_and_quote_attribution_stay(strip_real_pages):
    """TRAIN content the comment-header rule took: a blog post's own "Posté par admin le 16
    juillet 2010" (fr-d-0035) and a quote ending "… Giannunzio said" (en-d-0002, whose
    attribution was cut off as a glued comment header)."""
    post = _train(strip_real_pages, "fr-d-0035", "Posté par admin", True)
    assert post in kept_lines(_in_article(post), CFG)
    quote = _train(strip_real_pages, "en-d-0002", "“Three of the four", True)
    assert quote.endswith("said")
    assert quote in kept_lines(_in_article(quote), CFG)
