"""Adversarial input: 1 MB lines must not trigger catastrophic regex backtracking.

No timing assertions (speed lives in benchmarks/); these inputs would hang for
minutes with an exponential or quadratic pattern, so finishing at all is the test,
and the output must still be the input minus exactly the recorded removals.
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import assert_changes_rebuild
from cleannews import CleanConfig
from cleannews.strip.html import html_to_text

CFG = CleanConfig(score_spin=False)
MB = 1_000_000


@pytest.mark.parametrize(
    "unit",
    [".", " ", "A", "AB CD ", "1234567890", "!?;:", "[a b=", "photo / ", "— (@x) ",
     "Partager : ", "é", "\u00a0", "[/caption]", "©", "http://a.fr/", "lire aussi ",
     # shapes of the strip-kinds rules: shortcode chains, page-builder spans, WordPress
     # share buttons without their closing parenthesis, template variables, icon ligatures
     "[vc_row]", "[a]", "[vc_column x=", "[embed]", "cliquez pour partager ", "click to (",
     "%%a%% ", "il y a 2 heures ", "ein beitrag geteilt von (", "menu_open "],
)
def test_one_megabyte_lines(unit):
    line = unit * (MB // len(unit))
    assert_changes_rebuild(line + "\n", CFG)
    page = "Un titre\n\n" + line + "\n\nUn paragraphe sur l’économie française.\n"
    assert_changes_rebuild(page, CFG)


def test_ten_megabyte_single_line():
    assert_changes_rebuild("Abc, def. " * MB + "\n", CFG)


def test_many_short_lines():
    assert_changes_rebuild("Partager :\nFollow Me\n5M+\n" * 20_000, CFG)


def test_long_html_line_and_deep_nesting():
    html = "<div>" * 5000 + "x" * MB + "</div>" * 5000
    assert "x" * 100 in html_to_text(html, CFG).text
    doc = cleannews.clean_html("<p>" + "« ok » " * 100_000 + "</p>", CFG)
    assert "« ok »" in doc.text


def test_long_list_after_the_last_paragraph_is_linear():
    """Thousands of short lines after the article (results, names): the context rule looked
    at every pair of lines of the run (cubic: minutes for 3,000 lines); now once per run.
    Rules and detectors only (``line_model=False``): the model is timed on its own.
    """
    from cleannews.strip._assemble import split_lines
    from cleannews.strip.detectors import classify_lines

    para = (
        "Le gouvernement a présenté mardi un plan de soutien aux éleveurs touchés par la "
        "sécheresse, qui prévoit des aides directes et un report des cotisations."
    )
    for tail_end in ("", "."):
        items = [f"élément numéro {j} de la liste longue ici{tail_end}" for j in range(3000)]
        text = para + "\n" + "\n".join(items) + "\n"
        plan = classify_lines(text, split_lines(text), ("fr", "en"), line_model=False)
        # a list that reaches the end of the text is the article's: nothing goes
        assert plan == {}
