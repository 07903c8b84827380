"""Round 36, keep51 (issue 10 item 4: never drop article content): content lines the strip
stage lost on TRAIN and on the stress set (pages nobody tuned on), fixed at the depth of the
rule that took them.

* a few names of several words each, separated by commas, are the article's list, no tag
  cloud (``detectors._name_enumeration``, asked by ``_is_tag_cloud``, the tail's tag cloud
  test and the context rule): en-r41-0004's three budgets ("2024 Proposed General Budget,
  2024 Proposed Sewer Budget, 2024 Proposed Sanitation Budget") and fr-r35-0001's council
  members ("Mike Poiré / Bourgmestre, Stefano D’Agostino, Isabelle Elsen-Conzemius /
  Échevins") went as tag clouds (``tag_cloud``) on TRAIN itself and on the stress set (and
  as a short block, ``context``, with another site's ad label above the page's last line);
* the label of a meeting's list of members present or absent alone on its line is the
  minutes' content: a protect pattern of each language's rule file (``attendance``), so no
  position rule, head-zone rule nor model takes it: fr-r35-0001's "Présents" and
  de-r30-0004's "Anwesenheitsliste" (and fr-e-0001's "Etaient présents :" on a shape page
  of seed 7) went between other sites' furniture on the stress set (``context``,
  ``line_model``, ``head_chrome``).

Inputs: TRAIN pages through ``_helpers.train_doc`` / the ``train_page`` fixture (development
data), as served and rebuilt as the stress set builds its pages (other TRAIN pages'
furniture lines put around the article's line). Every test of a fix fails on the
round-start code.
"""

from __future__ import annotations

import pytest

from _helpers import assert_every_copy, furniture_put_in, train_doc
from test_keep44 import _content, _kept

# -- a few names the article lists, no tag cloud (en-r41-0004, fr-r35-0001) ------------------

ENUMERATIONS = [
    ("en-r41-0004", "2024 Proposed General Budget, 2024 Proposed Sewer Budget, 2024 Proposed "
                    "Sanitation Budget"),
    ("fr-r35-0001", "Mike Poiré / Bourgmestre, Stefano D’Agostino, Isabelle Elsen-Conzemius / "
                    "Échevins"),
]


@pytest.mark.parametrize(("page", "line"), ENUMERATIONS, ids=[x[0] for x in ENUMERATIONS])
def test_names_listed_by_the_article_stay(page, line):
    """The page as served: the line (content by the labels) went as a tag cloud; it stays."""
    doc, labelled = train_doc(page)
    assert [lb.content for lb in labelled if lb.text.strip() == line] == [True]
    assert _kept(doc)[line] == [True]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
@pytest.mark.parametrize(("page", "line"), ENUMERATIONS, ids=[x[0] for x in ENUMERATIONS])
def test_names_listed_by_the_article_stay_between_furniture(train_page, page, line, sep):
    """The stress set's shape: other TRAIN sites' furniture right above and right under it."""
    got, furniture, text = furniture_put_in(
        train_page, page, line[:20], [("Publicité", "fr-a-0054")],
        [("Partager", "fr-b-0069")], sep,
    )
    assert_every_copy(got, kept=[text], removed=furniture)


def test_a_tag_list_still_goes():
    """Adversarial: de-e-0010's tag lists (eight and nine comma items, most of one word) still
    go as served; so does a run of keywords without punctuation after an article."""
    doc, labelled = train_doc("de-e-0010")
    tags = [lb.text.strip() for lb in labelled if lb.text.startswith("Aktuell, Blaulicht")]
    assert len(tags) == 2 and not any(lb.content for lb in labelled if lb.text.strip() in tags)
    kept = _kept(doc)
    assert [t for t in tags if any(kept[t])] == []
    cloud = ("abus technologie Accord OpenAI Apple accélérateur innovation santé accélérateur "
             "startup Acquisition start-up")
    page = [*_content("fr-r35-0001")[:2], *_content("fr-e-0001")[:3], cloud]
    assert _kept("\n".join(page) + "\n")[cloud] == [False]


# -- the label of a meeting's list of members (fr-r35-0001, fr-e-0001, de-r30-0004) ----------

#: (page, label, furniture above, furniture below): other TRAIN sites' furniture lines
#: ("Publicité": fr-a-0054, "Newsletter": fr-b-0019, "Partager": fr-b-0069)
ATTENDANCE = [
    ("fr-r35-0001", "Présents", ["Publicité"], ["Newsletter"]),
    ("de-r30-0004", "Anwesenheitsliste", ["Publicité"], ["Partager"]),
]


def _around(page: str, label: str, above: list[str], below: list[str]) -> list[str]:
    """The page's content lines (the stress set's article) with ``above`` and ``below`` put
    right around its line ``label``."""
    lines = _content(page)
    k = lines.index(label)
    return [*lines[:k], *above, label, *below, *lines[k + 1:]]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
@pytest.mark.parametrize(("page", "label", "above", "below"), ATTENDANCE,
                         ids=[x[0] for x in ATTENDANCE])
def test_attendance_label_stays_between_furniture(page, label, above, below, sep):
    """The stress set's shape: other TRAIN sites' furniture right above and right under the
    minutes' label; the head zone (``head_chrome``) or the short-block rule (``context``)
    took it, it stays, the furniture goes."""
    kept = _kept(sep.join(_around(page, label, above, below)) + "\n")
    assert kept[label] == [True]
    assert [t for t in above + below if any(kept[t])] == []


def test_a_short_block_between_furniture_still_goes():
    """Adversarial: a short line of furniture that is no attendance label ("Lire aussi")
    between the same furniture still goes."""
    kept = _kept("\n".join(_around("fr-r35-0001", "Présents",
                                     ["Publicité", "Lire aussi"], ["Newsletter"])) + "\n")
    assert kept["Lire aussi"] == [False]
    assert kept["Présents"] == [True]
