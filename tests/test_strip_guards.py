"""Guards of the strip rules: real train lines of fixtures/strip_real that must stay,
next to the furniture that must still go (issue 10, "never drop article content")."""

from __future__ import annotations

from _helpers import kept_lines, train_doc
from cleannews import CleanConfig

CFG = CleanConfig(score_spin=False)


def _train_page(page_id: str) -> list[str]:
    """The visible lines of one TRAIN page of the real-page corpus (never a test page)."""
    return [lb.text for lb in train_doc(page_id)[1]]


def test_listing_headlines_repeated_above_their_summary_stay():
    """A listing repeats each teaser headline (link, title, alt) above its summary: content.

    The page's repeated "Image" widget label (real furniture of fr-a-0178) still goes.
    """
    listing = _train_page("de-m-0004")[:24]
    headlines = [x for x in listing if x.startswith(("Terroranschlag", "Beate Merk"))]
    assert len(headlines) == 6
    doc = []
    for line in listing:
        doc.append(line)
        if line.startswith(("Berlin -", "Rust -", "Freiburg -")):
            doc += ["", "Image", ""]
    out = kept_lines("\n".join(doc), CFG)
    for h in headlines:
        assert h in out
    assert out.count("Terroranschlag in Istanbul: Elftes deutsches Opfer gestorben") == 3
    assert "Image" not in out


def test_short_repeated_widget_labels_still_go():
    """Short labels repeated three times (real train furniture) are still removed."""
    para = [x for x in _train_page("fr-a-0177") if len(x.split()) > 20][:3]
    assert len(para) == 3
    doc = []
    for p in para:
        doc += [p, "", "Lire plus", ""]
    out = kept_lines("\n".join(doc), CFG)
    assert "Lire plus" not in out
    assert all(p.strip() in out for p in para)


def test_subheading_that_extends_the_title_stays():
    """ "<title> en simple dames :" is a subheading, not the title with a site name glued."""
    page = _train_page("fr-b-0063")[:30]
    subs = [x for x in page if x.startswith("Les principaux vainqueurs de Roland Garros en")]
    assert len(subs) == 2
    out = kept_lines("\n".join(page), CFG)
    for s in subs:
        assert s.strip() in out


def test_title_repeated_below_its_photo_credit_still_goes():
    """The exact repeat of the headline (fr-a-0164, labelled title_repeat) is removed once."""
    page = _train_page("fr-a-0164")[1:16]  # without the crawler's date line
    title = "Un accident grave en pleine nuit sur l'A5 vers Neuveville"
    assert page.count(title) == 2
    out = kept_lines("\n".join(page), CFG)
    assert out.count(title) == 1


def test_listing_read_more_links_do_not_take_the_next_headline():
    """fr-a-0107: "Read More" closes each teaser's summary; the next headline is content.

    The "Read More" links themselves still go.
    """
    page = _train_page("fr-a-0107")[:30]
    heads = [x for x in page if x.startswith(("Agriculteur abattu", "Disparition inquiétante"))]
    assert len(heads) == 2 and page.count("Read More") >= 3
    out = kept_lines("\n".join(page), CFG)
    for h in heads:
        assert h.strip() in out
    assert "Read More" not in out


def test_inline_read_also_heading_still_takes_its_teaser():
    """A single "À lire aussi" between paragraphs still takes the teaser under it."""
    para = [x for x in _train_page("fr-a-0177") if len(x.split()) > 20][:2]
    teaser = "Retraites : le gouvernement prépare un nouveau texte pour l'automne"
    out = kept_lines("\n\n".join([para[0], "À lire aussi", teaser, para[1]]), CFG)
    assert teaser not in out and "À lire aussi" not in out
    assert para[0].strip() in out and para[1].strip() in out


def test_headline_starting_with_a_home_word_stays_after_its_breadcrumb():
    """ "Accueil des réfugiés : …" is a headline, not the breadcrumb's "Accueil" (issue 10)."""
    head = "Accueil des réfugiés : la mairie ouvre un gymnase"
    para = next(x for x in _train_page("fr-a-0177") if len(x.split()) > 20)
    for lead in (["Accueil › Actualités"], ["Accueil > Société > Solidarité"], []):
        out = kept_lines("\n".join([*lead, head, "Publié le 12 mars 2024", para]), CFG)
        assert head in out
        assert not any(x in out for x in lead)
