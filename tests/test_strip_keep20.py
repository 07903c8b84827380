"""Strip stage, twentieth round (issue 10, point 4, branch keep20): kinds of article content
the text path removed on pages of any site, and the furniture next to them that still goes.

* **Speaker tags of a transcript** (``repeated_block``): a play's or an interview's speaker
  printed three times or more went as a widget label when the other speakers were named
  fewer times ("LA MÈRE." ×5 and "BIBI." ×4 of Courteline's *Le Nez du général Suif*; the
  second tag, "BIBI.", is printed only four times in the excerpt but "MONSIEUR LE PRÉSIDENT."
  ×7 stands alone as repeated in Moinaux's *Un brocanteur sans le savoir*, whose other speaker
  comes with stage directions: "GARANCIER, joignant les mains."). Replies printed several
  times under their tags ("Oui.") went too (``detectors._speaker_tags``, ``_replies``).
* **Words in brackets** (``shortcode_line``): "[Alfombra Roja]" (es-m-0015, a rubric), a
  speaker "[LA MÈRE]", a transcript's "[Rires]" went as unrendered CMS shortcodes; a
  shortcode's name is written in small letters, or comes with attributes ("[ad_1]",
  "[GARD align=« center »]").
* **A signature under a widget line** (``context``): "Giorgio Gallivanone" under the
  article's last line "Cordialità." went when a "Leggi tutto" link stood between them
  (``_keep.give_back_byline``, ``_keep._above_widgets``).
* **A transcript's short reply** ("Mais...") that a position rule or a model took under its
  speaker's tag (``_keep.give_back_reply``).

Inputs: labelled TRAIN pages of ``fixtures/strip_real`` (the fixtures check the split; no
held-out page is read), the labelled seed 002, and the FreDraCor prose excerpts already
stored in ``fixtures/spin/drama_dev.jsonl`` (public-domain play texts; their licence note
is in that file). Development data: the guards were written looking at these lines.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _helpers import removed_by
from cleannews import CleanConfig
from cleannews.evaluate import read_fixture

ROOT = Path(__file__).parent.parent
CFG = CleanConfig(score_spin=False)
DRAMA = ROOT / "fixtures" / "spin" / "drama_dev.jsonl"


def _drama(play_id: str, n: int = 24) -> list[str]:
    """The first ``n`` lines of a FreDraCor excerpt of ``fixtures/spin/drama_dev.jsonl``."""
    for raw in DRAMA.read_text("utf-8").splitlines():
        rec = json.loads(raw)
        if rec["id"] == play_id:
            return rec["text"].split("\n")[:n]
    raise AssertionError(play_id)


def _in_page(train_page, page_id: str, block: list[str], after: int = 1) -> str:
    """The TRAIN page ``page_id`` (its furniture in place) with ``block`` put under its
    ``after``-th content line of 12 words or more."""
    doc, labelled = train_page(page_id)
    body = [lb.line for lb in labelled if lb.content and len(lb.text.split()) >= 12]
    at = body[after - 1] + 1
    lines = doc.split("\n")
    return "\n".join(lines[:at] + block + lines[at:])


# --- speaker tags of a transcript (detectors._speaker_tags) -------------------------------

PLAYS = [
    # LA MÈRE. ×5, BIBI. ×4: two repeated tags, but "LA MÈRE." then stood above the
    # second speaker's replies only — 3 of 5 lost before on fr-a-0050
    ("courteline-le-nez-du-general-suif:prose", "LA MÈRE."),
    # one speaker repeated, the other named with a stage direction each time
    ("moinaux-un-brocanteur-sans-le-savoir:prose", "MONSIEUR LE PRÉSIDENT."),
]


@pytest.mark.parametrize(("play", "tag"), PLAYS, ids=[p[1] for p in PLAYS])
@pytest.mark.parametrize("host", ["fr-a-0050", "fr-b-0054"])
def test_speaker_tags_of_a_play_in_a_page_stay(train_page, play, tag, host):
    """A scene printed in an article (a review quoting it, a transcript): every speaker tag
    stays. Before: the repeated-block rule took "LA MÈRE." and "MONSIEUR LE PRÉSIDENT." as a
    widget label repeated on the page."""
    block = _drama(play)
    doc = _in_page(train_page, host, block)
    rules = removed_by(doc, CFG)
    assert tag not in rules, rules.get(tag)
    assert not [x for x in block if x.strip() in rules], rules


def test_a_reply_printed_three_times_under_its_speaker_stays():
    """An interview whose second speaker answers "Oui." three times (questions: sentences of
    the labelled seed 002; tags as ``test_strip_keep8``'s): the reply and the tags stay.
    Before: "Oui." went as a repeated widget label, and with it the tags' evidence."""
    _, labelled, _ = read_fixture(ROOT / "fixtures/strip/seed_002.txt")
    content = [lb.text.strip() for lb in labelled if lb.content and not lb.glued]
    questions = [x for x in content if x.endswith(".") and len(x.split()) >= 8][:3]
    assert len(questions) == 3
    transcript = []
    for q in questions:
        transcript += ["LE SOLEIL.", q, "PEDRO ALMODOVAR.", "Oui."]
    doc = "\n\n".join([content[0], *transcript, content[-1]]) + "\n"
    rules = removed_by(doc, CFG)
    assert not {"Oui.", "LE SOLEIL.", "PEDRO ALMODOVAR."} & set(rules), rules


def test_once_tag_shapes():
    """A speaker named fewer than three times: a name in capitals up to its first comma or
    full stop, or a line ending with a colon; a reply is none."""
    from cleannews.strip.detectors import _once_tag

    block = _drama("moinaux-un-brocanteur-sans-le-savoir:prose")
    tags = [x for x in block if _once_tag(x)]
    assert "GARANCIER, joignant les mains." in tags
    assert "GARANCIER, suivant sa pensée." in tags
    assert not [x for x in tags if not x.split(",")[0].split(".")[0].isupper()], tags
    assert _once_tag("Marine Tondelier :") and not _once_tag("Quand je vois du sang.")


def test_repeated_section_labels_still_go(train_page):
    """The look-alike: a section label repeated above headlines on a TRAIN page (fr-a-0180
    "Politique") is no speaker: the repeated-block rule still takes it."""
    doc, _ = train_page("fr-a-0180")
    out = removed_by(doc, CFG)
    assert out.get("Politique") == "repeated_block"


# --- words in brackets (shortcode_line) ----------------------------------------------------


def test_a_rubric_in_brackets_is_kept(page_out):
    """es-m-0015's "[Alfombra Roja]" (content) went as a CMS shortcode."""
    flags = page_out("es-m-0015")["[Alfombra Roja]"]
    assert flags == [(True, True)]


@pytest.mark.parametrize(
    ("page_id", "text"),
    [("fr-a-0111", "[ad_1]"), ("fr-a-0111", "[ad_2]"),
     ("en-m-0026", "[entitysport_widget id=appendHtmlForslider_widgetcricket]")],
)
def test_shortcodes_still_go(page_out, page_id, text):
    """Shortcodes of TRAIN pages (small letters, or attributes) still go."""
    assert page_out(page_id)[text] == [(False, False)] * len(page_out(page_id)[text])


def test_speaker_tags_in_brackets_stay(train_page):
    """The Courteline scene with its tags in brackets ("[LA MÈRE]", "[BIBI]", as a transcript
    prints its speakers): before, each went as a shortcode."""
    block = [f"[{x.rstrip('.')}]" if x.isupper() else x
             for x in _drama("courteline-le-nez-du-general-suif:prose")]
    assert "[LA MÈRE]" in block
    rules = removed_by(_in_page(train_page, "fr-a-0050", block), CFG)
    assert "[LA MÈRE]" not in rules and "[BIBI]" not in rules, rules


def test_shortcode_pattern_takes_small_letter_names_only():
    """The rule seen alone: a name in small letters or with attributes is a shortcode."""
    from _helpers import probe_rules

    assert "shortcode_line" in probe_rules("fr", "[ad_1]")
    assert "shortcode_line" in probe_rules("fr", '[gallery ids="1,2"]')
    assert "shortcode_line" not in probe_rules("fr", "[Rires]")
    assert "shortcode_line" not in probe_rules("fr", "[TOUS]")


# --- a signature under a widget line (_keep.give_back_byline) -------------------------------


def test_signature_under_a_widget_line_is_given_back(train_page, train_furniture_line):
    """it-c-0007's letter ends "Cordialità." and is signed "Giorgio Gallivanone"; with a
    "Leggi tutto" link (it-m-0014's furniture) between them the short-block rule took the
    name."""
    _, labelled = train_page("it-c-0007")
    content = [lb.text.strip() for lb in labelled if lb.content and lb.text.strip()]
    k = content.index("Giorgio Gallivanone")
    link = train_furniture_line("it-m-0014", "Leggi tutto").strip()
    text = "\n\n".join([*content[:k], link, *content[k:]]) + "\n"
    rules = removed_by(text, CFG)
    assert "Giorgio Gallivanone" not in rules, rules
    assert rules.get(link) == "nav_line_it"


def test_a_name_under_position_rule_removals_is_not_a_signature():
    """Passed over are only lines a phrase rule removed: a name under a teaser a position
    rule took is no signature."""
    from cleannews.strip._keep import _above_widgets
    from cleannews.strip.detectors import _Line

    lines = [_Line(t, frozenset()) for t in ("Cordialità.", "Un teaser", "Giorgio Gallivanone")]
    lines[1].bad("tail_teaser", "teasers after the article")
    assert _above_widgets(lines, 2) == 1


# --- a transcript's short reply (_keep.give_back_reply) -----------------------------------


def test_short_reply_under_its_speaker_is_given_back():
    """Courteline's *Le Musèle*: "LE PRÉSIDENT." / "Mais..." after "VAUFROY, très net." and
    his reply; a position rule or the line model took "Mais..." (a short line ending with
    dots, the shape of a teaser's cut summary)."""
    from cleannews.strip._keep import give_back
    from cleannews.strip.detectors import _Line

    block = _drama("courteline-musele:prose", 8)
    lines = [_Line(t, frozenset()) for t in block]
    k = block.index("Mais...")
    lines[k].bad("line_model", "furniture by the line model")
    give_back(lines)
    assert lines[k].removal is None


def test_short_line_without_a_transcript_above_stays_removed():
    """Under one tag alone (no reply and other tag above it) a short line is not given back."""
    from cleannews.strip._keep import give_back_reply
    from cleannews.strip.detectors import _Line

    lines = [_Line(t, frozenset()) for t in ("Menu", "Accueil", "LE PRÉSIDENT.", "Mais...")]
    lines[3].bad("line_model", "furniture by the line model")
    assert give_back_reply(lines) == []


# --- a comment prompt's label as the article's subheading (_keep.give_back_section_label) ---


def test_reactions_subheading_of_a_sectioned_article_is_kept(page_out):
    """fr-a-0066 is cut into sections ("Les faits", "Intervention des secours", "Bilan
    humain", "Enquête en cours"); its "Réactions" section (the mayor's reaction) lost its
    subheading to the comment prompt's rule."""
    assert page_out("fr-a-0066")["Réactions"] == [(True, True)]


@pytest.mark.parametrize(
    ("page_id", "label"),
    [("fr-e-0045", "Commentaires"), ("fr-h-0040", "Commentaires"), ("de-d-0003", "Kommentare")],
)
def test_comment_headings_under_the_article_still_go(page_out, page_id, label):
    """TRAIN comment sections' headings under the article's last paragraph (fr-e-0045: above
    a comment form's 46-word consent notice) still go."""
    flags = page_out(page_id)[label]
    assert flags and not [ok for content, ok in flags if not content and ok], flags


def test_a_label_between_two_paragraphs_of_an_unsectioned_article_still_goes():
    """Without subheadings of the article's own, a comment label between two paragraphs is
    not given back (the stress set's "Commentaire" of fr-a-0126 put inside another article)."""
    from cleannews.strip._keep import give_back_section_label
    from cleannews.strip.detectors import _Line

    par = ("Le Nigeria a battu le Sénégal 3-2 en finale des compétitions par équipes, "
           "dimanche à Dakar.")
    lines = [_Line(t, frozenset()) for t in (par, "Commentaire", par)]
    lines[1].bad("comment_prompt", "comment prompt")
    assert give_back_section_label(lines) == []
