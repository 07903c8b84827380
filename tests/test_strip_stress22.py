"""Strip stage, twenty-second round (issue 10, branch stress22): article lines the stress set
(``tools.strip_model.stress``: TRAIN content between other sites' furniture) lost by three
mechanisms, and the furniture next to them that still goes.

* **A date badge with a widget between the date and its time**
  (``_keep.give_back_date_badge``, ``BADGE_MAX_WIDGETS``): "29 novembre 2021" / a slug /
  "01:09" — the time stood alone and went as a video's duration; a live blog's dashed time
  ("lundi 08 février" / "- 09h50") was no badge piece at all.
* **An article's subheading between furniture** (``_keep.give_back_subheading``): "Flambée
  de violence" under a newsletter box went as a short block among boilerplate (``context``),
  "Les trois principes-clés du Vendée Globe" above a reading time as a teaser run
  (``tail_teaser``); given back when it shares a word stem with the article's paragraphs and
  the article stands under it.
* **A video's chapter list with a box of other stories left standing inside it**
  (``_keep.give_back_chapters``, ``CHAPTER_MAX_GAP``): the list broke at the box and its
  timecodes went as durations.

Inputs: labelled TRAIN pages of ``fixtures/strip_real`` (the ``train_page`` fixture checks
the split; no held-out page is read), each with furniture lines labelled so on another TRAIN
page put next to one of its lines, as the stress set builds its pages. Development data: the
guards were written looking at these lines and at the stress set built from them.
"""

from __future__ import annotations

import pytest

from _helpers import assert_every_copy, furniture_put_in
from cleannews import CleanConfig
from cleannews.strip._keep import (
    BADGE_MAX_WIDGETS,
    CHAPTER_MAX_GAP,
    SUBHEADING_MAX_WIDGETS,
    SUBHEADING_RULES,
    give_back_chapters,
    give_back_date_badge,
    give_back_subheading,
)
from cleannews.strip.detectors import _Line

CFG = CleanConfig(score_spin=False)



# --- a date badge's time printed apart from its date (_keep.give_back_date_badge) ---------

BADGES = [
    # it-c-0017's slug between it-e-0007's date and time of the story
    ("it-e-0007", "29 novembre 2021", [("elena-gentile", "it-c-0017")], [], ["01:09"]),
    # a comment prompt and a "Lire aussi" heading of fr-d-0002 between date and time
    ("it-e-0006", "01 ottobre 2021",
     [("Pas de commentaires", "fr-d-0002"), ("Lire aussi", "fr-d-0002")], [], ["06:30"]),
    # a live blog's entry "lundi 08 février" / "- 09h50" under fr-e-0002's menu
    ("fr-d-0011", "lundi 08 février", [],
     [("Aller au contenu principal", "fr-e-0002"), ("Appli mobile", "fr-e-0002")],
     ["lundi 08 février", "- 09h50"]),
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
@pytest.mark.parametrize(("page_id", "at", "below", "above", "texts"), BADGES,
                         ids=[b[0] for b in BADGES])
def test_time_under_its_date_across_a_widget_stays(train_page, page_id, at, below, above,
                                                   texts, sep):
    """The time of a story under its date stays with a widget of another site between them,
    and the widget goes. Before: the widget broke the badge, the time went as a video's
    duration ("01:09", "06:30"); a dashed time ("- 09h50") was no piece of a badge, and the
    live blog's date and time went as a menu's last items."""
    got, furniture, _ = furniture_put_in(train_page, page_id, at, above, below, sep)
    assert_every_copy(got, kept=texts, removed=furniture)


def test_a_count_under_a_date_is_no_day(train_page):
    """fr-e-0031's calendar day "28" under fr-g-0007's comment count "0" under its kept date
    "20 Septembre 2025, 08:15": a widget stands before it, and only a time is looked for
    across a widget — the count and the day still go."""
    got, furniture, _ = furniture_put_in(train_page, "fr-g-0007", "20 Septembre 2025, 08:15",
                             below=[("0", "fr-g-0007"), ("28", "fr-e-0031")])
    assert_every_copy(got, kept=["20 Septembre 2025, 08:15"], removed=furniture)


def _badge(texts: list[str], widgets: dict[int, str], taken: set[int]) -> list:
    lines = [_Line(t, frozenset()) for t in texts]
    for k, rule in widgets.items():
        lines[k].bad(rule, "a widget")
    for k in taken:
        lines[k].bad("video_widget", "a video's duration")
    return lines


_STORY = "Un appartenente al Soccorso alpino è morto ieri sera durante un intervento."


def test_badge_widgets_limits():
    """At most :data:`BADGE_MAX_WIDGETS` removed lines before the time; a kept line between
    them (furniture left standing, "Salute") or a third widget ends the badge."""
    assert BADGE_MAX_WIDGETS == 2
    two = _badge(["29 novembre 2021", "Commenta la notizia", "elena-gentile", "01:09", _STORY],
                 {1: "comment_prompt", 2: "slug_line"}, {3})
    assert give_back_date_badge(two) == [3]
    three = _badge(["29 novembre 2021", "Commenta la notizia", "elena-gentile", "Leggi tutto",
                    "01:09", _STORY], {1: "comment_prompt", 2: "slug_line", 3: "nav_line_it"},
                   {4})
    assert give_back_date_badge(three) == []
    standing = _badge(["01 ottobre 2021", "Salute", "06:30", _STORY], {}, {2})
    assert give_back_date_badge(standing) == []


def test_time_apart_from_its_date_ends_the_badge():
    """The time reached across a widget is the badge's last piece: a counter "8" under it
    stays removed."""
    lines = _badge(["29 novembre 2021", "elena-gentile", "01:09", "8", _STORY],
                   {1: "slug_line"}, {2})
    lines[3].bad("counter_number", "a bare counter")
    assert give_back_date_badge(lines) == [2]


# --- an article's subheading between furniture (_keep.give_back_subheading) ---------------

SUBHEADINGS = [
    # under fr-a-0042's newsletter box, above the page's cut last line (context)
    ("fr-a-0039", "Flambée de violence",
     [("Abonnez-vous à nos infolettres", "fr-a-0042")], []),
    # between de-m-0015's news number and de-e-0013's "Golf" / "Neueste Nachrichten"
    ("de-c-0005", "Weltmeister! Bremer Schwimmer holt historischen Sieg",
     [("News-Nr.: 28809", "de-m-0015")],
     [("Golf", "de-e-0013"), ("Neueste Nachrichten", "de-e-0013")]),
    # under it-m-0033's AI notice, above it-e-0002's "buy the paper" line
    ("it-c-0013", "Ballottaggio ad Adrano",
     [("Questo articolo è stato creato", "it-m-0033")],
     [("Per leggere tutto acquista", "it-e-0002")]),
    # above fr-b-0152's reading time, over the page's cut last line (a teaser run's)
    ("fr-b-0094", "Les trois principes-clés du Vendée Globe", [],
     [("Lecture 15 minutes", "fr-b-0152")]),
]


@pytest.mark.parametrize(("page_id", "at", "above", "below"), SUBHEADINGS,
                         ids=[s[0] for s in SUBHEADINGS])
def test_subheading_between_furniture_stays(train_page, page_id, at, above, below):
    """The article's subheading stays with another site's widgets right above and below it;
    the widgets go. Before: it went as a short block among boilerplate, or as a teaser."""
    got, furniture, _ = furniture_put_in(train_page, page_id, at, above, below)
    assert_every_copy(got, kept=[at], removed=furniture)


def test_other_stories_and_labels_between_paragraphs_still_go(train_page):
    """fr-a-0164's teaser headline and fr-g-0005's label between fr-a-0042's newsletter box
    and fr-a-0039's paragraph: capitalised short lines too, but they share no word stem with
    the article, and still go."""
    got, furniture, _ = furniture_put_in(
        train_page, "fr-a-0039", "Alors que de nombreux",
        above=[("Abonnez-vous à nos infolettres", "fr-a-0042"),
               ("On a testé les chips", "fr-a-0164"), ("Origine du document", "fr-g-0005")])
    assert_every_copy(got, removed=furniture)


_PARA = ("Le maire a présenté lundi son plan contre les violences urbaines aux habitants du "
         "quartier de la gare.")
_STOP = frozenset({"le", "a", "son", "les", "aux", "du", "de", "la", "à", "l", "on"})


def _sub_page(texts: list[str], rule: str = "context", at: int = 2) -> list:
    lines = [_Line(t, _STOP) for t in texts]
    lines[1].bad("newsletter_family", "newsletter box")
    lines[at].bad(rule, "taken by its place")
    return lines


@pytest.mark.parametrize(("texts", "rule", "given"), [
    ([_PARA, "Abonnez-vous", "Flambée de violence", "Alors que les incidents se multiplient"],
     "context", True),
    # shares no stem with the paragraph: another story's headline, a widget's label
    ([_PARA, "Abonnez-vous", "On a testé les chips à l’Aromat", "Alors que les incidents"],
     "context", False),
    ([_PARA, "Abonnez-vous", "Origine du document", "Alors que les incidents se multiplient"],
     "context", False),
    # one word, or a sentence: no subheading's shape
    ([_PARA, "Abonnez-vous", "Violences", "Alors que les incidents se multiplient"],
     "context", False),
    ([_PARA, "Abonnez-vous", "Flambée de violence.", "Alors que les incidents se multiplient"],
     "context", False),
    # nothing of the article stands under it
    ([_PARA, "Abonnez-vous", "Flambée de violence"], "context", False),
    # a rule it does not undo: the models, a "Read more" heading's teasers
    ([_PARA, "Abonnez-vous", "Flambée de violence", "Alors que les incidents se multiplient"],
     "line_model", False),
    ([_PARA, "Abonnez-vous", "Flambée de violence", "Alors que les incidents se multiplient"],
     "related_lead", False),
])
def test_subheading_guard_shapes(texts, rule, given):
    assert rule in SUBHEADING_RULES or not given
    assert give_back_subheading(_sub_page(texts, rule)) == ([2] if given else [])


def test_subheading_guard_needs_the_article_close_under_it():
    """At most :data:`SUBHEADING_MAX_WIDGETS` removed lines between the subheading and the
    kept line under it: a teaser with a whole list of teasers under it is no subheading
    (en-m-0015's "North Korean media silent …", in the site-grouped CV)."""
    assert SUBHEADING_MAX_WIDGETS == 3
    for widgets, given in ((3, [2]), (4, [])):
        texts = [_PARA, "Abonnez-vous", "Flambée de violence", *(["Golf"] * widgets),
                 "Alors que les incidents se multiplient"]
        lines = _sub_page(texts)
        for k in range(3, 3 + widgets):
            lines[k].bad("tail_teaser", "teaser of another article")
        assert give_back_subheading(lines) == given


def test_subheading_guard_needs_a_paragraph_above():
    """Above the article's first paragraph (the head's furniture, the headline's rules'
    business) nothing is given back."""
    lines = [_Line(t, _STOP) for t in ("Abonnez-vous", "Flambée de violence", _PARA)]
    lines[0].bad("newsletter_family", "newsletter box")
    lines[1].bad("context", "short block surrounded by boilerplate")
    assert give_back_subheading(lines) == []


# --- a chapter list with a box of other stories inside it (_keep.give_back_chapters) ------

CHAPTERS = ["00:00:00", "Tout le monde s’installe", "00:01:34", "Ça commence", "00:02:01",
            "Valérie Beauvais fait l’appel", "00:04:57"]
BOX = [(">>Ligue des champions", "fr-f-0033"), (">>Mondial des clubs", "fr-f-0033"),
       ("L'Espérance de Tunis", "fr-f-0033")]


@pytest.mark.parametrize("at", ["Tout le monde s’installe", "00:01:34", "Ça commence"])
def test_chapter_list_with_a_box_of_stories_inside_stays(train_page, at):
    """fr-e-0039's chapter list with fr-f-0033's box of three other stories (left standing:
    the page keeps them) put inside it: every timecode and title stays. Before: the box broke
    the list, its timecodes went as videos' durations, titles as teasers."""
    got, _, _ = furniture_put_in(train_page, "fr-e-0039", at, below=BOX)
    assert_every_copy(got, kept=CHAPTERS)


def _chapters(texts: list[str]) -> list:
    lines = [_Line(t, frozenset()) for t in texts]
    for ln in lines[1:]:
        if ln.text[:1].isdigit():
            ln.bad("video_widget", "a video's duration")
    return lines


_INTRO = "Petit résumé de la vidéo de la dernière séance du conseil municipal."


def test_chapter_gap_limits():
    """Up to :data:`CHAPTER_MAX_GAP` standing lines between a title and the next timecode;
    a title with such a gap after it is not given back (a line of the gap may be the title:
    "Saison 1 Saison 2 …" of another site right under "00:01:34" stays removed)."""
    assert CHAPTER_MAX_GAP == 6
    box = ["Autre histoire"] * 3
    texts = [_INTRO, "00:00:00", "Tout le monde s’installe", *box, "00:01:34",
             "Saison 1 Saison 2 Saison 3 | Saison 4", *box, "00:02:01", "Valérie fait l’appel"]
    lines = _chapters(texts)
    lines[7].bad("context", "short block surrounded by boilerplate")
    assert give_back_chapters(lines) == [1, 6, 11]  # not "Saison …" (7)
    too_far = [_INTRO, "00:00:00", "Tout le monde s’installe", *(["Autre histoire"] * 7),
               "00:01:34", "Ça commence", "00:02:01", "Valérie fait l’appel"]
    assert give_back_chapters(_chapters(too_far)) == []


def test_durations_of_a_video_list_still_go():
    """Durations that do not start at zero nor rise are no chapter list, gaps or not."""
    texts = [_INTRO, "03:12", "Le match en images", "Autre histoire", "01:45", "Les buts",
             "02:30", "La réaction du coach"]
    assert give_back_chapters(_chapters(texts)) == []
