"""Round 32's transfer pages: the strip stage's known wrong cuts and a second pass that took
more (issue 10, round 33).

* de-r36-0001: the first pass took the "|" separators between a fire brigade's report fields
  ("Brand", "Zugriffe 2364", "eingesetzte Kräfte", "Einsatzbericht") and the second pass read
  the four as one menu run. ``detectors._menu_runs`` now reads through a separator that goes
  as a ``symbol_line`` (``detectors._symbol_line``), judging the run read through it by the
  items a second pass sees.
* de-r37-0003: the headline printed three times under the section label "Verkehr" went whole
  as a repeated block; ``_keep.give_back_first_copy`` now looks past
  ``FIRST_COPY_MAX_LABELS`` short lines above it.
* es-r37-0005: the page's headline "VIDEO| Inicia el ciclo agrícola …" went as a related
  link; ``_keep.give_back_link_headline`` gives it back above the article's first paragraph
  when the line under it speaks of it.

Pages are read through ``_helpers.train_doc`` (never a held-out or unscored page).
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import train_doc
from cleannews.strip import strip_text
from cleannews.strip._keep import (
    FIRST_COPY_MAX_LABELS,
    GUARDED_RULES,
    GUARDS,
    HEADLINE_LINK_RULES,
    give_back_first_copy,
    give_back_link_headline,
)
from cleannews.strip.detectors import _Line, _menu_runs, _symbol_line

CFG = cleannews.CleanConfig()

PARAGRAPH = (
    "Kurz nach der samstäglichen Probealarmierung lösten unsere Funkmeldeempfänger erneut aus, "
    "diesmal zu einem gemeldeten Scheunenbrand am Rand des Ortes."
)


def _rules(lines: list[_Line]) -> list[str | None]:
    return [ln.removal.rule if ln.removal else None for ln in lines]


# --- de-r36-0001: a second pass takes nothing more -------------------------------------------


def test_de_r36_0001_loses_nothing_more_to_a_second_pass():
    doc, labelled = train_doc("de-r36-0001")
    once = strip_text(doc, CFG)
    assert strip_text(once.text, CFG).changes == []
    gone = {c.before.strip() for c in once.changes if c.after == ""}
    furniture = {lb.text for lb in labelled if not lb.content}
    # the fields the second pass took on main go at once; each is labelled furniture
    assert {"Brand", "Zugriffe 2364"} <= gone
    assert gone - {""} <= furniture
    assert "Scheunenbrand (Einsatz-Nr. 48)" in once.text  # the headline stays


@pytest.mark.parametrize("sep", ["|", "-", "•", "—", "/"])
def test_a_menu_split_by_separators_goes_in_the_first_pass(sep):
    items = ["Accueil", "Politique", "Sport", "Culture", "Contact"]
    text = f"\n{sep}\n".join(items) + "\n\n" + PARAGRAPH.replace("Kurz", "Le") + "\n"
    once = strip_text(text, CFG)
    assert strip_text(once.text, CFG).changes == []


def test_a_run_read_through_a_separator_is_judged_by_its_standing_items():
    # three items across the separator: a second pass sees three (fewer than MENU_MIN_RUN),
    # so the pieces are judged alone, as on main: nothing goes
    ls = [_Line(t, frozenset()) for t in ("Promotion Honneur", "Finale", "|", "Poule A",
                                           PARAGRAPH)]
    _menu_runs(ls, 4, 4)
    assert _rules(ls) == [None] * 5
    # four items: the run a second pass reads, taken in the first
    ls = [_Line(t, frozenset()) for t in ("Brand", "Zugriffe 2364", "|", "eingesetzte Kräfte",
                                           "|", "Einsatzbericht", PARAGRAPH)]
    _menu_runs(ls, 6, 6)
    assert _rules(ls) == ["menu_run", "menu_run", None, "menu_run", None, "menu_run", None]


def test_a_run_does_not_end_or_start_with_the_separator():
    ls = [_Line(t, frozenset()) for t in ("|", "Accueil", "Politique", "Sport", "Culture", "|",
                                           PARAGRAPH)]
    _menu_runs(ls, 6, 6)
    assert _rules(ls) == [None, "menu_run", "menu_run", "menu_run", "menu_run", None, None]


def test_symbol_line_is_what_the_symbol_pass_takes():
    texts = ("|", "-", "- - -", "***", "___", "____", "a", "Résultats", "=====")
    ls = [_Line(t, frozenset()) for t in texts]
    assert [_symbol_line(ls, i) for i in range(len(ls))] == [
        True, True, True, False, False, True, False, False, False]
    ls[0].protected = True  # a <pre> row stays, and ends a run as before
    assert not _symbol_line(ls, 0)


def test_many_separated_items_are_read_in_one_pass():
    """Generated input: 20,000 one-word items, each pair split by a "|" line."""
    text = "\n|\n".join(f"Rubrik{k}" for k in range(20_000)) + "\n\n" + PARAGRAPH + "\n"
    once = strip_text(text, CFG)
    assert strip_text(once.text, CFG).text == once.text


# --- de-r37-0003: the headline printed three times under a label ---------------------------


def test_de_r37_0003_keeps_its_headline_printed_three_times():
    doc, labelled = train_doc("de-r37-0003")
    title = "Kleinere Autounfälle: Was tun?"
    assert [lb.content for lb in labelled if lb.text == title] == [True, False, False]
    once = strip_text(doc, CFG)
    assert once.text.count(title) == 1  # the first copy stays, its two repeats go
    assert once.text.index(title) < once.text.index("Auch bei kleineren Unfällen")
    assert strip_text(once.text, CFG).changes == []


def _copies(texts: list[str]) -> list[_Line]:
    lines = [_Line(t, frozenset()) for t in texts]
    for ln in lines:
        if ln.text == "Kleinere Autounfälle: Was tun?":
            ln.bad("repeated_block", "short block repeated many times in the page (widget)")
    return lines


def test_the_first_copy_is_given_back_under_at_most_one_label():
    title = "Kleinere Autounfälle: Was tun?"
    assert FIRST_COPY_MAX_LABELS == 1
    lines = _copies(["Verkehr", "", title, "", title, title])
    assert give_back_first_copy(lines) == [2]
    assert _rules(lines) == [None, None, None, None, "repeated_block", "repeated_block"]
    # two labels above: a widget's label down a page of short lines, not the headline
    lines = _copies(["Verkehr", "Mobilität", title, title, title])
    assert give_back_first_copy(lines) == []
    # a label ending with a colon introduces a list, as before
    lines = [_Line(t, frozenset()) for t in ("Verkehr", "Die wichtigsten Regeln im Überblick:")]
    lines[1].bad("repeated_block", "short block repeated many times in the page (widget)")
    assert give_back_first_copy(lines) == []


# --- es-r37-0005: a media label over the page's headline --------------------------------------


def test_es_r37_0005_keeps_its_headline_under_a_media_label():
    doc, labelled = train_doc("es-r37-0005")
    head = "VIDEO| Inicia el ciclo agrícola 2025 - 2026; sin certeza del precio del maíz"
    assert any(lb.text == head and lb.content for lb in labelled)
    once = strip_text(doc, CFG)
    assert head in once.text
    assert strip_text(once.text, CFG).changes == []


HEAD = "VIDEO| Inicia el ciclo agrícola; sin certeza del precio del maíz"
SUB = ("Inicia el ciclo agrícola con incertidumbre en los agricultores en precios del maíz y "
       "del frijol")
BODY = ("Los productores de Sinaloa comenzaron a sembrar sus parcelas esta semana, aunque "
        "todavía no conocen el precio que recibirán por su cosecha.")


def _links(texts: list[str], taken: set[int]) -> list[_Line]:
    lines = [_Line(t, frozenset()) for t in texts]
    for k in taken:
        lines[k].bad("related_link_es", "link to another article dropped into the text")
    return lines


def test_the_guard_gives_back_only_a_headline_above_the_article():
    assert give_back_link_headline(_links([HEAD, SUB, BODY], {0})) == [0]
    # inside the article (a paragraph above it): a link to another story, whatever it shares
    assert give_back_link_headline(_links([BODY, HEAD, SUB], {1})) == []
    # the line under it shares no content words: a link to another story
    other = "VIDEO| Los bomberos controlan el incendio del mercado municipal"
    assert give_back_link_headline(_links([other, SUB, BODY], {0})) == []
    # the line under it is gone or short: no text the headline heads
    lines = _links([HEAD, SUB, BODY], {0})
    lines[1].bad("context", "short block surrounded by boilerplate")
    assert give_back_link_headline(lines) == []
    assert give_back_link_headline(_links([HEAD, "Inicia el ciclo agrícola", BODY], {0})) == []


def test_the_guard_is_wired_in():
    assert give_back_link_headline in GUARDS
    assert HEADLINE_LINK_RULES <= GUARDED_RULES
    from cleannews.strip._rules import load_rules

    rules = load_rules(("fr", "en", "de", "es", "it")).rules
    names = {r.name for kind in ("line", "prefix", "phrase", "span") for r in rules[kind]}
    assert HEADLINE_LINK_RULES <= names  # every name is a rule of the data files


# de-r37-0003's "jt" / "Apnerade" (known, left in round 33 as a menu run) stay since round
# 34: tests/test_keep44.py::test_de_r37_0003_byline_initials_and_place_stay.


def test_the_guard_at_its_thresholds_and_for_its_rules_only():
    from cleannews.strip._keep import BODY_MIN_WORDS, HEADLINE_MIN_SHARED, _content_words

    # exactly BODY_MIN_WORDS words under it, exactly HEADLINE_MIN_SHARED content words shared
    sub = "El ciclo agrícola empieza con dudas entre los productores de la región"
    lines = _links([HEAD, sub, BODY], {0})
    assert lines[1].n == BODY_MIN_WORDS
    assert len(_content_words(lines[0].low) & _content_words(lines[1].low)) == HEADLINE_MIN_SHARED
    assert give_back_link_headline(lines) == [0]
    # one word fewer under it: no text the headline heads
    lines = _links([HEAD, sub.replace(" de la región", " regional"), BODY], {0})
    assert lines[1].n < BODY_MIN_WORDS
    assert give_back_link_headline(lines) == []
    # one content word shared: another story
    lines = _links([HEAD, sub.replace("ciclo", "año"), BODY], {0})
    assert give_back_link_headline(lines) == []
    # another rule's removal, or a line still standing, is not this guard's
    lines = [_Line(t, frozenset()) for t in (HEAD, SUB, BODY)]
    lines[0].bad("video_widget", "a video player's label")
    assert give_back_link_headline(lines) == []
    assert lines[0].removal.rule == "video_widget"
    lines = [_Line(t, frozenset()) for t in (HEAD, SUB, BODY)]
    assert give_back_link_headline(lines) == []


def _menu(texts: tuple[str, ...], bad: set[int], good: int) -> list[str | None]:
    ls = [_Line(t, frozenset()) for t in texts]
    for k in bad:
        ls[k].bad("section_label_alone", "a section label alone")
    _menu_runs(ls, good, good)
    return [None if k in bad else r for k, r in enumerate(_rules(ls))]


def test_removed_items_do_not_count_for_a_run_read_through_a_separator():
    """The stress set's page (seed 20261208): a section label the rules took, then three short
    content lines split by a "-". With the label the joined run has four lines; a second pass
    sees three, and keeps them: so does the first."""
    texts = ("Actualité", "Promotion Honneur", "Finale", "-", "Nous voterons c")
    assert _menu(texts, {0}, len(texts)) == [None] * 5
    # without the separator the run is judged as before (the label counts: four lines)
    texts = ("Actualité", "Promotion Honneur", "Finale", "Nous voterons c")
    assert _menu(texts, {0}, len(texts)) == [None, "menu_run", "menu_run", "menu_run"]


def test_each_piece_is_judged_as_before_when_few_items_stand():
    texts = ("Newsletter", "|", "Accueil", "Politique", "Sport", "Culture", PARAGRAPH)
    # "Newsletter" and "Accueil" taken by the rules: 3 items stand, the pieces are judged alone
    # and the second, of four lines (three standing), is a menu, as on main
    assert _menu(texts, {0, 2}, 6) == [None, None, None, "menu_run", "menu_run", "menu_run", None]
    # two separators next to each other: an empty piece between them
    texts = ("Newsletter", "|", "|", "Accueil", "Politique", "Sport", "Culture", PARAGRAPH)
    assert _menu(texts, {0, 3}, 7) == [None] * 4 + ["menu_run"] * 3 + [None]
