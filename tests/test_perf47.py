"""Round 35 (perf47): the strip stage's per-line cost on a page of short lines.

CI run 230 failed ``test_numb40.py::test_megabyte_lines_finish`` on "Art. 3" repeated to 1 MB
(142,858 short lines): each line paid for lookups that could not succeed. These tests count
the work (lines run, calls), not time:

* a short text tries only the anchored patterns whose needed literals fit in it
  (:meth:`cleannews.strip._rules._AnchoredIndex._fitting`), and finds what the unindexed
  reference finds;
* a line of fewer than four words is never scanned for a glued read-more label
  (:func:`cleannews.strip._rules._has_words`);
* the date piece of a line is read once per line by the guards
  (:func:`cleannews.strip._keep.line_piece`).
"""

from __future__ import annotations

import pytest

from _helpers import count_lines_in
from cleannews import CleanConfig

CFG = CleanConfig(score_spin=False)

#: Short texts, some a rule takes, most none (bare figures, labels, credits, counters).
SHORT = [
    "3", "12", "2024", "Art. 3", "1/3", "© AFP", "Partager", "Publicité", "Vu 3 fois",
    "12 vues", "Lire aussi", "Accueil", "0:45", "A", "»", "N° 12", "p. 4", "3 min", "Tweet",
    "Photo AFP", "Facebook", "(3)", "12 commentaires", "Réagir", "Imprimer", "Top",
]


@pytest.fixture(scope="module")
def rules():
    from cleannews.strip._rules import load_rules

    return load_rules(("fr", "en", "de", "es", "it"))


def test_short_texts_match_as_the_reference(rules):
    """The short-text filter drops only patterns whose literals cannot be in the text."""
    for ix in (rules._line, rules._prefix, rules._protect_index):
        for text in SHORT:
            assert ix.match(text) is ix.match_reference(text), (text, ix)


def test_a_bare_figure_tries_few_patterns(rules):
    """A glued tail "3" ("Art. 3"): the whole-line index tried every digit-led pattern's
    literals (733 lines run in ``match`` on round 34's code); now the few whose
    literals fit in one character (158)."""
    from cleannews.strip._rules import start_key

    key = start_key("3")
    ran, rule = count_lines_in(frozenset({"match"}), rules._line.match, "3", "3", key)
    assert rule is None
    assert ran < 250, ran


def test_a_short_line_is_no_glued_link(rules):
    """"Art. 3" has two words: no read-more label can be glued to four words of it, so the
    label scan (``TailLinks.start``) never runs."""
    ran, at = count_lines_in(frozenset({"start"}), rules.glued_label_start, "Art. 3")
    assert at == -1 and ran == 0
    assert rules.glued_label_end("Art. 3") == 0
    text = "Le maire a inauguré la nouvelle salle des fêtes [...] Lire la suite"
    assert text[rules.glued_label_start(text):] == " Lire la suite"


def test_the_date_piece_is_read_once_per_line(monkeypatch):
    """The date badge's walk and the dateline guard read each line's date piece: once."""
    from cleannews.strip import _keep, strip_text

    calls = []
    real = _keep._date_piece

    def counted(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(_keep, "_date_piece", counted)
    out = strip_text("Titre de l'article\n\n" + "Art. 3\n" * 60 + "\n", CFG)
    assert out.text == "Titre de l'article\n"
    assert 0 < len(calls) <= 61, len(calls)  # the title and the 60 lines, each at most once
