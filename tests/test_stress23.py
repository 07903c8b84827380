"""Strip stage, twenty-third round (issue 10, branch stress23): article lines the stress set
(``tools.strip_model.stress``: TRAIN content between other sites' furniture) lost under
another site's "Read more" heading (``related_lead*``: the heading takes up to six short
lines under it as its teasers), and the teasers that still go.

* **A line of two sentences between two paragraphs** (``_keep.give_back_lone_item``,
  ``LONE_ITEM_MIN_WORDS``, ``_TWO_SENTENCES``): an interview's question "Are you only
  singing? Or do you have a little part in the plot, too?" under another site's "Trending
  Topics" went as the heading's teaser.
* **A line whose sentence runs on** (``_keep.give_back_run_on``, ``RUN_ON_MIN_WORDS``): a
  paragraph broken inside a sentence ("… ein architektonisches" / "erhält. Dieser Teil …"),
  a transcript's turn ending with a comma.

The look-alikes: an inline "À lire aussi" and its one headline between two paragraphs of
the same subject (the labelled fixture ``024_fr_radio_locale_crue``), a list of teasers
under "Interessante Artikel", a headline under "À Lire Aussi" put between two paragraphs:
they still go.

Inputs: labelled TRAIN pages of ``fixtures/strip_real`` (the ``train_page`` fixture checks
the split; no held-out page is read), each with furniture lines labelled so on another TRAIN
page put next to one of its lines, as the stress set builds its pages. Development data: the
guards were written looking at these lines and at the stress set built from them.

On main's code (d0729aef) the module does not import (the guards are new); with the import
made optional, 21 of its 24 tests fail there: the 8 page tests (the line went) and the 13
tests of the guards' shapes; the look-alikes and the 1 MB lines pass on both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _helpers import assert_every_copy, assert_megabyte_lines_finish, furniture_put_in
from cleannews import CleanConfig
from cleannews.evaluate import read_fixture, removed_lines
from cleannews.strip import strip_text
from cleannews.strip._keep import (
    LEAD_RULES,
    LONE_ITEM_MIN_WORDS,
    RUN_ON_MIN_WORDS,
    give_back_lone_item,
    give_back_run_on,
)
from cleannews.strip.detectors import _Line

CFG = CleanConfig(score_spin=False)
ROOT = Path(__file__).resolve().parents[1]



# --- the article's lines under another site's "Read more" heading ------------------------

LOST = [
    # an interview's question of two sentences under en-d-0002's "Trending Topics"
    ("en-d-0009", "Are you only singing?", [("Trending Topics", "en-d-0002")], []),
    # a listing's summary of two sentences under fr-a-0107's "Read More"
    ("fr-a-0186", "Un homme a été interpellé en possession", [("Read More", "fr-a-0107")], []),
    # a paragraph broken inside its sentence under de-e-0013's "Golf" / "Neueste Nachrichten"
    ("de-e-0016", "Aktuell laufen auch die Planungen",
     [("Golf", "de-e-0013"), ("Neueste Nachrichten", "de-e-0013")], []),
    # a transcript's turn ending with a comma under fr-a-0050's "Sur le même sujet"
    ("fr-d-0041", "00:19Et je salue nos deux informés", [("Sur le même sujet", "fr-a-0050")],
     [("date 2024-05 Temps de lecture", "fr-a-0099")]),
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
@pytest.mark.parametrize(("page_id", "at", "above", "below"), LOST, ids=[x[0] for x in LOST])
def test_article_line_under_another_sites_heading_stays(train_page, page_id, at, above,
                                                        below, sep):
    """The article's line stays under another site's "Read more" heading, and the heading
    goes. Before: the heading took the line as its teaser (``related_lead*``)."""
    got, furniture, text = furniture_put_in(train_page, page_id, at, above, below, sep)
    assert_every_copy(got, kept=[text], removed=furniture)


def test_a_related_link_between_paragraphs_of_its_subject_still_goes():
    """The labelled fixture's "À lire aussi" and its one headline between two paragraphs on
    the Dordogne's flood: a title of one sentence, a related link (labelled so) that goes,
    although the article goes on under it and it speaks of the Dordogne."""
    doc, labelled, _ = read_fixture(ROOT / "fixtures/strip/024_fr_radio_locale_crue.txt")
    gone = removed_lines(doc, strip_text(doc, CFG).changes)
    by_text = {lb.text.strip(): (lb.content, gone[lb.line]) for lb in labelled}
    for t in ("À lire aussi", "Intempéries : le point sur les coupures d’électricité en Dordogne"):
        content, g = by_text[t]
        assert not content and g, t
    assert not by_text["Les écoles de Bergerac restent ouvertes, mais les transports scolaires "
                       "sont suspendus sur plusieurs circuits."][1]


def test_another_sites_teasers_between_paragraphs_still_go(train_page):
    """fr-f-0045's "À Lire Aussi" and its first headline (one title) put between two
    paragraphs of fr-a-0186; de-m-0025's "Interessante Artikel" with its list of five
    teasers between two paragraphs of de-m-0005: every teaser still goes."""
    got, furniture, _ = furniture_put_in(
        train_page, "fr-a-0186", "Deux prévenus se succèdent",
        above=[("À Lire Aussi", "fr-f-0045"), ("Le Français Victor Wembanyama", "fr-f-0045")])
    assert_every_copy(got, removed=furniture)
    items = [("Interessante Artikel", "de-m-0025"), ("Wie Dieter Bohlen", "de-m-0025"),
             ("Georg Baselitz", "de-m-0025"), ("Wie serviert man", "de-m-0025"),
             ("„76 Days“", "de-m-0025"), ("Das Ufo in der Lausitz", "de-m-0025")]
    got, furniture, _ = furniture_put_in(train_page, "de-m-0005", "8.00 Uhr: Das Bündnis",
                                         above=items)
    assert_every_copy(got, removed=furniture)


# --- the guards' shapes on hand-made pages --------------------------------------------------

_ANSWER = "Yeah, it's her birthday party, and I'm brought in to sing for all of her friends."
_NEXT = "No lines, but there's a little bit of interaction with me and someone else there."
_STOP = frozenset({"and", "i'm", "in", "to", "for", "of", "her", "a", "but", "with", "me"})
_ITEM = "heading of a list of other articles (item under that heading)"


def _lead_page(texts: list[str], head: int, items: list[int], rule="related_lead_en") -> list:
    lines = [_Line(t, _STOP) for t in texts]
    lines[head].bad(rule, "heading of a list of other articles")
    for k in items:
        lines[k].bad(rule, _ITEM)
    return lines


@pytest.mark.parametrize(("texts", "items", "given"), [
    ([_ANSWER, "Read More", "Are you only singing? Or do you have a part in the plot?", _NEXT],
     [2], [2]),
    # one title, however topical: a related link
    ([_ANSWER, "Read More", "Birthday party songs: the singer tells all", _NEXT], [2], []),
    # a capital before the stop is no sentence's end ("Mr. Smith")
    ([_ANSWER, "Read More", "Mr. Smith goes to the party", _NEXT], [2], []),
    # two teasers under the heading: the second is the lone line's neighbour, not the heading
    ([_ANSWER, "Read More", "First story of the site here", "Is it? Yes it is, they say",
      _NEXT], [2, 3], []),
    # nothing of the article under it (the article's end)
    ([_ANSWER, "Read More", "Are you only singing? Or do you have a part in the plot?"],
     [2], []),
    # no paragraph above the heading (the page's head)
    (["Read More", "Are you only singing? Or do you have a part in the plot?", _NEXT],
     [1], []),
])
def test_lone_item_shapes(texts, items, given):
    head = texts.index("Read More")
    assert give_back_lone_item(_lead_page(texts, head, items)) == given


def test_lone_item_limits():
    """At least :data:`LONE_ITEM_MIN_WORDS` words; a widget named by its words between the
    paragraph and the heading is passed over."""
    assert LONE_ITEM_MIN_WORDS == 4
    assert "related_lead_en" in LEAD_RULES and "related_zone" not in LEAD_RULES
    short = [_ANSWER, "Read More", "Why? Why not.", _NEXT]
    assert give_back_lone_item(_lead_page(short, 1, [2])) == []
    texts = [_ANSWER, "Pas de commentaires", "Read More",
             "Are you only singing? Or do you have a part in the plot?", _NEXT]
    lines = _lead_page(texts, 2, [3])
    lines[1].bad("comment_prompt_head19", "a comment prompt")
    assert give_back_lone_item(lines) == [3]


@pytest.mark.parametrize(("texts", "given"), [
    (["Neueste Nachrichten", "Aktuell laufen die Planungen für die Halle, die ein Dach",
      "erhält. Dieser Teil soll 2023 abschließen."], [1]),
    (["Sur le même sujet", "00:19Et je salue nos deux informés, bonjour Richard Verli,",
      "00:23Bonjour."], [1]),
    # under it a date in small letters, no sentence: a teaser's date line
    (["Neueste Nachrichten", "Planungen für die neue Ausstellungshalle", "vor 2 Stunden"], []),
    # a comma after fewer than RUN_ON_MIN_WORDS words
    (["Sur le même sujet", "Paris, Lyon,", "Et ailleurs on a voté."], []),
    # a capital under it: a new line, no run-on
    (["Neueste Nachrichten", "Planungen für die neue Ausstellungshalle",
      "Die Halle soll 2023 fertig sein."], []),
])
def test_run_on_shapes(texts, given):
    assert RUN_ON_MIN_WORDS == 4
    assert give_back_run_on(_lead_page(texts, 0, [1], "related_lead_de")) == given


def test_run_on_needs_the_line_under_it_kept():
    texts = ["Neueste Nachrichten", "Planungen für die neue Ausstellungshalle, die",
             "erhält. Dieser Teil soll 2023 abschließen."]
    lines = _lead_page(texts, 0, [1, 2], "related_lead_de")
    assert give_back_run_on(lines) == []


def test_adversarial_megabyte_lines_are_fast():
    # the patterns' openings repeated without their ends: no catastrophic backtracking
    assert_megabyte_lines_finish(("ab. ", "Read More\nab, ", "aa? Bb", "Lire aussi\nMot ,\n"), CFG,
                                 before="Titre de l'article\n\n" + _ANSWER + "\nRead More\n",
                                 after="\n" + _NEXT + "\n")
