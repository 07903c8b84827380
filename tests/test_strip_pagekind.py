"""Page kind (article / listing) and the teaser runs it lets go (issue 10, ``related``).

Real TRAIN pages of ``fixtures/strip_real`` as inputs (never a held-out page): teasers of
other articles set apart by furniture after an article's body go; the same teasers on a page
that reads as a listing stay (a listing's teasers are its content, GUIDELINE.md).
"""

from __future__ import annotations

import pytest

from _helpers import kept_lines, train_doc
from cleannews import CleanConfig
from cleannews.strip import strip_text
from cleannews.strip._assemble import split_lines
from cleannews.strip._pagekind import ARTICLE, LISTING, page_kind
from cleannews.strip.detectors import judge_lines

CFG = CleanConfig(score_spin=False)


def _train_page(page_id: str) -> list:
    """The labelled lines of one TRAIN page (only the TRAIN split is read)."""
    return train_doc(page_id)[1]


@pytest.mark.parametrize("page_id", ["fr-a-0130", "fr-b-0157", "es-c-0003", "fr-a-0178"])
def test_teasers_set_apart_by_furniture_after_the_body_go(page_id):
    """Headlines of other articles between "-" or "Image" lines after an article's body
    (labelled ``related``, several of them read like sentences) are removed; the article's
    content stays. The old chain left at least three of them on each page."""
    labelled = _train_page(page_id)
    doc = "\n".join(lb.text for lb in labelled)
    out = kept_lines(doc, CFG)
    teasers = [lb.text.strip() for lb in labelled
               if lb.label == "related" and len(lb.text.split()) >= 3]
    left = [t for t in teasers if t in out]
    assert len(teasers) >= 3
    assert len(left) <= len(teasers) // 3, left
    content = [lb.text.strip() for lb in labelled if lb.content and len(lb.text.split()) > 20]
    assert content and all(c in out for c in content)


def test_the_same_teasers_stay_on_a_listing():
    """fr-b-0116 (a section page: headline, summary, headline, summary …) reads as a listing;
    fr-a-0130's teasers, set apart by "-" lines, put under its items are not taken as teasers
    set apart by furniture: on a listing they are items. Under fr-a-0130's own article they go
    (test above). (Two of them, which do not read like sentences, the older tail-teaser rule
    still takes, as it did before: on TRAIN it takes no listing's line.)"""
    listing = [lb.text for lb in _train_page("fr-b-0116")][:10]
    teasers = [lb.text for lb in _train_page("fr-a-0130") if lb.text.startswith(("13:", "09:"))]
    assert len(teasers) == 5
    doc = list(listing)
    for t in teasers:
        doc += ["-", t]
    text = "\n".join(doc)
    lines, _ = judge_lines(text, split_lines(text), ("fr", "en"))
    assert page_kind(lines).kind == LISTING
    result = strip_text(text, CFG)
    assert not [c for c in result.changes if "set apart by furniture" in c.reason]
    out = [x.strip() for x in result.text.split("\n") if x.strip()]
    sentence_like = [t for t in teasers if t.startswith(("13:29", "13:15", "09:10"))]
    assert all(t.strip() in out for t in sentence_like)
    assert all(x.strip() in out for x in listing)


def _kind(page_id: str) -> str:
    text = "\n".join(lb.text for lb in _train_page(page_id))
    lines, _ = judge_lines(text, split_lines(text), ("fr", "en"))
    return page_kind(lines).kind


@pytest.mark.parametrize(
    ("page_id", "kind"),
    [("fr-b-0116", LISTING), ("fr-a-0004", LISTING), ("fr-b-0009", LISTING),
     ("fr-a-0018", ARTICLE), ("fr-a-0075", ARTICLE), ("fr-a-0095", ARTICLE)],
)
def test_page_kind_of_real_pages(page_id, kind):
    """Section pages of headline / summary pairs read as listings; articles of several
    paragraphs about one story, with no teaser pair above them, as articles (the manifests'
    ``page_type`` of each page)."""
    assert _kind(page_id) == kind
