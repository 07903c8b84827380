"""Strip stage, nineteenth round (issue 10, branch keep19): article lines of TRAIN pages that
the strip stage removed (kept now), and the furniture next to them that still goes.

* ``repeated_block`` took a listing's short teaser headline printed three times (link, title,
  again under the summary: de-c-0007) and a subheading naming the paragraph under it whose
  text the page also prints in a list and an image's alt text (fr-b-0084): a short repeated
  text is spared when it is printed twice in a row above its summary, or when the paragraph
  under it opens with it as a sentence (``detectors._listing_headlines``). The headline's
  third copy, under its summary, now goes (``title_repeat``, ``detectors._teaser_copies``).
* ``photo_caption`` took a teaser's summary as the caption of the photo credit under it,
  though that credit carries its own caption sentence (de-c-0009,
  ``detectors._caption_in_credit``).

Every page line is read from a labelled TRAIN page of ``fixtures/strip_real`` (the
``train_page`` fixture checks the split; no held-out page is read); a line is named by the
start of its text. Development data: the guards were written looking at these pages.
"""

from __future__ import annotations

import pytest

from cleannews import CleanConfig
from cleannews.strip import strip_text

CFG = CleanConfig(score_spin=False)


def _texts(train_page, page_id: str, start: str, content: bool) -> list[str]:
    """The labelled lines of a TRAIN page that start with ``start`` (content or furniture);
    only the lines equal to it when there are some."""
    _, labelled = train_page(page_id)
    found = [lb.text.strip() for lb in labelled
             if lb.text.strip().startswith(start) and lb.content is content]
    assert found, (page_id, start)
    return [t for t in found if t == start] or found


#: (page, start of a content line the strip stage removed before, and the rule that took it)
KEPT = [
    # a listing's 3-word teaser headline printed three times (repeated_block)
    ("de-c-0007", "Marillion in Bremen", "repeated_block"),
    ("de-c-0007", "Thundercat-Rennen in Bremen", "repeated_block"),
    # a chef's name in the article's list and as the subheading of his paragraph
    # ("Alain Ducasse est sans conteste …"), once more as an image's alt text (repeated_block)
    ("fr-b-0084", "Alain Ducasse", "repeated_block"),
    # a teaser's summary above the next teaser's photo credit, which has its own caption
    ("de-c-0009", "Die Stadt Leipzig hat eine für Sonntagabend", "photo_caption"),
]


@pytest.mark.parametrize(("page_id", "start", "rule"), KEPT, ids=[k[1][:24] for k in KEPT])
def test_article_line_is_kept(train_page, page_out, page_id, start, rule):
    for text in _texts(train_page, page_id, start, content=True):
        flags = [ok for content, ok in page_out(page_id)[text] if content]
        assert flags and all(flags), (page_id, text, rule)


#: (page, start of a furniture line next to those lines, that still goes)
STILL_GOES = [
    # the teaser headlines' copies, including the third copy under the summary (new)
    ("de-c-0007", "Marillion in Bremen"),
    ("de-c-0007", "Hohes Tempo, starke Kräfte"),
    ("de-c-0012", "Impfungen an Unis: Mehr Präsenz-Vorlesungen ermöglichen"),
    ("de-c-0012", "Physiker: Müssen uns in Zukunft auf mehr Gewitter einstellen"),
    # a tag page's label printed three times, once above a caption that starts with it
    ("fr-a-0086", "Etienne Tshisekedi"),
    # a blog's name printed three times in a row above its author's bio
    ("fr-e-0029", "le Blog de Lucien-Alex@ndre CASTRONOVO"),
    # the photo credits with their caption, and the captions above credit-only lines
    ("de-c-0009", "Symbolbild: Einsatzfahrzeuge der sächsischen Polizei."),
    ("de-c-0009", "Sachsen, Leipzig: Polizisten rennen eine Straße entlang."),
    ("de-m-0006", "Nach dem Wahnsinnsspiel in Köln gibt sich Bremens Trainer"),
    ("de-m-0006", "Borussia Dortmund - TSG Hoffenheim 2:1 (1:0)"),
]


@pytest.mark.parametrize(("page_id", "start"), STILL_GOES, ids=[k[1][:24] for k in STILL_GOES])
def test_furniture_next_to_them_still_goes(train_page, page_out, page_id, start):
    for text in _texts(train_page, page_id, start, content=False):
        flags = [ok for content, ok in page_out(page_id)[text] if not content]
        assert flags and not any(flags), (page_id, text)


def test_third_copy_of_a_teaser_headline_goes_as_title_repeat(train_page):
    doc, _ = train_page("de-c-0012")
    r = strip_text(doc, CFG)
    gone = [c.before.strip() for c in r.changes if c.rule == "title_repeat"]
    assert gone.count("Physiker: Müssen uns in Zukunft auf mehr Gewitter einstellen") == 2
    assert any("under its summary" in c.reason for c in r.changes if c.rule == "title_repeat")


def test_subheading_spared_only_when_its_paragraph_opens_with_it(train_page):
    """The same three lines with fr-a-0086's caption shape under the subheading ("X, à
    gauche, …", a comma, not a verb) go as a repeated widget."""
    name = _texts(train_page, "fr-b-0084", "Alain Ducasse est sans conteste", True)[0]
    caption = _texts(train_page, "fr-a-0086", "Etienne Tshisekedi, à gauche", False)[0]
    as_caption = "Alain Ducasse" + caption[len("Etienne Tshisekedi"):]
    for under, kept in ((name, True), (as_caption, False)):
        text = "\n\n".join(["Alain Ducasse", "Le Maestro", "Alain Ducasse", under,
                            "alain ducasse", "Guy Savoy"])
        out = strip_text(text, CFG).text.split("\n")
        assert ("Alain Ducasse" in out) is kept, under[:40]


@pytest.mark.parametrize(
    ("page_id", "start", "carries"),
    [
        ("de-c-0009", "Symbolbild: Einsatzfahrzeuge", True),
        ("de-c-0009", "Sachsen, Leipzig: Polizisten", True),
        ("de-m-0006", "(Foto: imago/mika) 2 / 33", False),
        ("fr-a-0164", "Image: KEYSTONE", False),
    ],
)
def test_caption_in_credit_reads_real_credit_lines(train_page, page_id, start, carries):
    from cleannews.strip.detectors import _caption_in_credit

    for text in _texts(train_page, page_id, start, content=False):
        assert _caption_in_credit(text) is carries, text
