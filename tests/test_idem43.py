"""``clean(clean(x)) == clean(x)`` for a short line printed three times with furniture between
the copies (issue 10, round 33).

Hypothesis found (helper mutk42) ``"Comments are closed.\\nComments are closed.\\nL’économie
française résiste, selon l’Insee.\\nComments are closed.\\n…\\nPartager :\\n…"``: the first
``clean`` removed the prompts and "Partager :" and kept the three copies of the sentence; a
second ``clean`` took two of them as a ``repeated_block`` and left a stray line break at the end.

* ``detectors._speaker_tags`` / ``detectors._replies`` read the removed furniture as a
  transcript: "Comments are closed." (repeated, ending with a full stop) and "Partager :" (a
  colon) stood above the copies like speaker tags, so the copies were spared as a transcript's
  replies. Both now read only the standing lines (removed lines are transparent, as a second
  pass sees the text).
* ``_assemble.assemble``: a removal at the end of a text that does not end with a line break
  takes the last kept line's break with it ("P\\nPartager :" gives "P", not "P\\n").

Pages are read through ``_helpers.train_pages`` (never a held-out or unscored page).
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import assert_changes_rebuild, clean_twice, train_pages
from cleannews.strip import strip_text
from cleannews.strip.detectors import _Line, _repeated_texts, _replies, _speaker_tags

CFG = cleannews.CleanConfig()
NOSPIN = cleannews.CleanConfig(score_spin=False)

COPY = "L’économie française résiste, selon l’Insee."
PARAGRAPH = (
    "Le conseil municipal a voté mardi soir le budget de la commune pour l'année prochaine, "
    "après un long débat sur les investissements."
)
FOUND = (
    "Comments are closed.\nComments are closed.\nL’économie française résiste, selon l’Insee.\n"
    "Comments are closed.\nL’économie française résiste, selon l’Insee.\nPartager :\n"
    "L’économie française résiste, selon l’Insee."
)


def _page(prompt: str, label: str) -> str:
    return f"{prompt}\n{prompt}\n{COPY}\n{prompt}\n{COPY}\n{label}\n{COPY}"


# --- the found input and its variants ---------------------------------------------------------


def test_the_found_input_is_cleaned_once_and_for_all():
    assert FOUND == _page("Comments are closed.", "Partager :")
    once, twice = clean_twice(FOUND)
    assert twice == once
    # every copy goes in the first pass: the short line printed three times is a widget's
    # (the page's first line is a prompt, so no copy is the headline given back)
    assert once == ""
    rules = [c.rule for c in strip_text(FOUND, CFG).changes]
    assert rules.count("repeated_block") == 3 and rules.count("comment_prompt_en") == 3


@pytest.mark.parametrize(
    "prompt", ["Comments are closed.", "Les commentaires sont fermés.", "Commentaires fermés."]
)
@pytest.mark.parametrize("label", ["Partager :", "Share this:", "Lire aussi :", "Partager sur :"])
def test_copies_split_by_other_furniture_go_in_the_first_pass(prompt, label):
    text = _page(prompt, label)
    once = strip_text(text, CFG)
    assert COPY not in once.text
    assert strip_text(once.text, CFG).changes == []
    assert clean_twice(text)[1] == clean_twice(text)[0]


@pytest.mark.parametrize("prompt", ["Comments are closed.", "Les commentaires sont fermés."])
def test_copies_at_the_end_of_an_article_go_and_leave_no_line_break(prompt):
    text = PARAGRAPH + "\n" + _page(prompt, "Partager :")
    once, twice = clean_twice(text)
    assert once == twice == PARAGRAPH


def test_copies_between_paragraphs_stay_as_they_were():
    # a line printed three times between real paragraphs is not furniture-split: unchanged
    other = PARAGRAPH.replace("mardi", "jeudi")
    third = PARAGRAPH.replace("mardi", "lundi")
    text = f"{PARAGRAPH}\n{COPY}\n{other}\n{COPY}\n{third}\n{COPY}"
    assert strip_text(text, CFG).changes == []
    assert clean_twice(text) == (text, text)


# --- a transcript's tags and replies read the standing lines ---------------------------------


def _lines(texts, removed=()):
    ls = [_Line(t, frozenset()) for t in texts]
    for i in removed:
        ls[i].bad("comment_prompt_en", "comment prompt")
    return ls


def test_removed_furniture_is_no_speaker_tag():
    texts = FOUND.split("\n")
    ls = _lines(texts, removed=[0, 1, 3, 5])
    rep = _repeated_texts(ls)
    assert "comments are closed." in rep
    assert _speaker_tags(ls, rep) == frozenset()
    assert _replies(ls, rep, frozenset({"comments are closed."})) == frozenset()
    # the same lines standing (no rule took them) still read as the tags above replies
    ls = _lines(texts)
    assert _speaker_tags(ls, rep) == {"comments are closed."}
    assert _replies(ls, rep, _speaker_tags(ls, rep)) == rep - {"comments are closed."}


def test_a_real_transcript_keeps_its_replies():
    texts = ["Q :", "Vous partez ?", "R :", "Oui.", "Q :", "Demain ?", "R :", "Oui.", "Q :",
             "Seul ?", "R :", "Oui."]
    lead = PARAGRAPH + "\n\n"
    text = lead + "\n".join(texts) + "\n"
    once = strip_text(text, CFG)
    assert once.text.count("Oui.") == 3 and once.text.count("R :") == 3
    assert strip_text(once.text, CFG).changes == []


# --- no stray line break after a removal at the end ------------------------------------------


@pytest.mark.parametrize(
    ("text", "out"),
    [
        (PARAGRAPH + "\nPartager :", PARAGRAPH),
        (PARAGRAPH + "\n\nPartager :", PARAGRAPH),
        (PARAGRAPH + "\n\n\nPartager :\n\nShare this:", PARAGRAPH),
        # a text ending with a line break keeps it
        (PARAGRAPH + "\n\nPartager :\n", PARAGRAPH + "\n"),
        ("Partager :\n" + PARAGRAPH, PARAGRAPH),
        # the last line stays: every break stays
        (PARAGRAPH + "\nPartager :\nFin.", PARAGRAPH + "\nFin."),
    ],
)
def test_a_removal_at_the_end_takes_the_last_line_break(text, out):
    assert strip_text(text, CFG).text == out
    assert_changes_rebuild(text, CFG)
    assert cleannews.clean(text, NOSPIN).text == out


def test_a_last_line_cut_in_part_is_left_alone():
    # the last kept line is cut inside (a glued span): its break stays where it was
    text = PARAGRAPH + "\nLire aussi : Le budget voté\nPartager :"
    assert_changes_rebuild(text, CFG)


def test_every_train_page_a_second_pass_leaves_alone():
    """A second strip pass over every TRAIN page takes nothing more, and the first leaves no
    line break at the end of a page that had none."""
    failures, stray = [], []
    for rec, doc, _ in train_pages():
        once = strip_text(doc, CFG)
        if strip_text(once.text, CFG).text != once.text:
            failures.append(rec["id"])
        if once.text.endswith("\n") and not doc.endswith("\n"):
            stray.append(rec["id"])
    assert not failures, failures
    assert not stray, stray
