"""``clean(clean(x)) == clean(x)`` again on the inputs hypothesis found after round 34
(issue 10, round 35, helper idem49).

Family A (copy counts on the line as it will read): " date 2025-02 Titre" loses its glued
crawler date ("crawler_date_prefix"), so the first pass leaves three "Titre" lines; it
counted " date 2025-02 titre" twice and "titre" once (no text printed REPEAT_MIN times),
the second pass counted "titre" three times and took them as a ``repeated_block``.
``detectors._folded`` now reads ``key_text`` (the line once its glued spans are gone).
"""

from __future__ import annotations

import cleannews
from cleannews.strip.detectors import _Line, _repeated_texts

NOSPIN = cleannews.CleanConfig(score_spin=False)

DATED_TITLES = (
    " date 2025-02 Titre\nL’économie française résiste, selon l’Insee.\nComments are closed.\n"
    "\xa0\nComments are closed.\nL’économie française résiste, selon l’Insee.\n"
    " date 2025-02 Titre\n\xa0\nLire aussi : Le budget 2026 en débat\n"
    "Lire aussi : Le budget 2026 en débat\n date 2025-02 Titre"
)


def _clean_twice(text: str) -> tuple[str, str]:
    once = cleannews.clean(text, NOSPIN).text
    return once, cleannews.clean(once, NOSPIN).text


def test_copies_are_counted_without_their_glued_crawler_date():
    once, twice = _clean_twice(DATED_TITLES)
    assert twice == once
    # the three copies of the short "Titre" go in the first pass, the sentences stay
    assert once == "L’économie française résiste, selon l’Insee.\n\nL’économie française résiste, selon l’Insee."


def test_repeated_texts_read_the_line_without_its_glued_spans():
    lines = [_Line(t, frozenset()) for t in ("date 2025-02 Titre", "Titre", "date 2025-02 Titre")]
    assert _repeated_texts(lines) == frozenset()  # three different texts as printed
    lines[0].key_text = lines[2].key_text = "Titre"
    assert _repeated_texts(lines) == frozenset({"titre"})
