"""``clean(clean(x)) == clean(x)`` again on the inputs hypothesis found after round 34
(issue 10, round 35, helper idem49).

Family A (copy counts on the line as it will read): " date 2025-02 Titre" loses its glued
crawler date ("crawler_date_prefix"), so the first pass leaves three "Titre" lines; it
counted " date 2025-02 titre" twice and "titre" once (no text printed REPEAT_MIN times),
the second pass counted "titre" three times and took them as a ``repeated_block``.
``detectors._folded`` now reads ``key_text`` (the line once its glued spans are gone).

Family B (keep44's article head, ``detectors._head_of_article``, judged on what stays): a run
of short lines under a line of more than three words printed twice in a row was protected as
the article's head, but the copies go in the same pass (``repeated_block``), so the second
pass read no head: a sentence printed three times ("« Nous allons investir », a déclaré la
ministre.") made "marché & société" the head, the second pass took that copy as a
``title_repeat``; four short lines under a headline printed three times stayed, the second
pass (headline once) took them as a ``menu_run``. A line ending with a full stop is no
headline, and a run of MENU_MIN_RUN standing lines is no head.
"""

from __future__ import annotations

from _helpers import clean_twice
from cleannews.strip.detectors import _Line, _repeated_texts

DATED_TITLES = (
    " date 2025-02 Titre\nL’économie française résiste, selon l’Insee.\nComments are closed.\n"
    "\xa0\nComments are closed.\nL’économie française résiste, selon l’Insee.\n"
    " date 2025-02 Titre\n\xa0\nLire aussi : Le budget 2026 en débat\n"
    "Lire aussi : Le budget 2026 en débat\n date 2025-02 Titre"
)


QUOTE = "« Nous allons investir », a déclaré la ministre."
QUOTED_HEAD = (
    f"Lire aussi : Le budget 2026 en débat\nmarchÃ© &amp; société\nComments are closed.\n"
    f"{QUOTE}\n{QUOTE}\n{QUOTE}\n\xa0\nmarchÃ© &amp; société"
)
QUOTED_HEAD_2 = (
    f"marchÃ© &amp; société\n{QUOTE}\n{QUOTE}\nmarchÃ© &amp; société\n{QUOTE}\n\xa0\n{QUOTE}\n"
    f"Photo : AFP\n{QUOTE}\nL’économie française résiste, selon l’Insee."
)
HEADLINE = "Kleinere Autounfälle: Was tun?"
BODY = (
    "Auch bei kleineren Unfällen auf der Autobahn rufen viele direkt die Polizei. Diese rät "
    "allerdings zu einem anderen vorgehen.\n\nViele Autofahrer haben die Gewohnheit, selbst bei "
    "kleineren Blechschäden auf der Autobahn am Unglücksort stehenzubleiben, um auf die Polizei "
    "zu warten, berichtet DR."
)


def test_copies_are_counted_without_their_glued_crawler_date():
    once, twice = clean_twice(DATED_TITLES)
    assert twice == once
    # the three copies of the short "Titre" go in the first pass, the sentences stay
    sentence = "L’économie française résiste, selon l’Insee."
    assert once == f"{sentence}\n\n{sentence}"


def test_repeated_texts_read_the_line_without_its_glued_spans():
    lines = [_Line(t, frozenset()) for t in ("date 2025-02 Titre", "Titre", "date 2025-02 Titre")]
    assert _repeated_texts(lines) == frozenset()  # three different texts as printed
    lines[0].key_text = lines[2].key_text = "Titre"
    assert _repeated_texts(lines) == frozenset({"titre"})


def test_a_sentence_printed_three_times_is_no_headline_over_the_head():
    for text in (QUOTED_HEAD, QUOTED_HEAD_2):
        once, twice = clean_twice(text)
        assert twice == once, (once, twice)


def test_four_standing_lines_under_the_headline_printed_again_are_a_menu_in_both_passes():
    head = "jt\nApnerade\nHamburg Nord\nZuletzt aktualisiert um:\nFoto: Peter Steffen/Shz.de"
    text = f"Verkehr\n\n{HEADLINE}\n\n{HEADLINE}\n\n{HEADLINE}\n\n{head}\n\n{BODY}"
    once, twice = clean_twice(text)
    assert twice == once
    assert "Hamburg Nord" not in once


def test_two_lines_under_the_headline_printed_again_stay_as_the_head():
    """keep44's case (de-r37-0003's shape): the author's initials and the dateline stay, and
    a second pass (the headline printed once) keeps them too."""
    head = "jt\nApnerade\nZuletzt aktualisiert um:\nFoto: Peter Steffen/Shz.de"
    text = f"Verkehr\n\n{HEADLINE}\n\n{HEADLINE}\n\n{HEADLINE}\n\n{head}\n\n{BODY}"
    once, twice = clean_twice(text)
    assert twice == once
    assert "jt\nApnerade" in once
