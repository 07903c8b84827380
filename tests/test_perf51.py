"""Round 36 (perf51): the strip stage's per-line cost on a page of short lines, third pass.

``test_numb40.py::test_megabyte_lines_finish`` strips "Art. 3" repeated to 1 MB (142,858
short lines, every one taken by a menu run). After perf47 and perf50 the neighbour pass and
the give-back guards still walked every line for zones and guards that cannot act on such a
page. Each is now skipped on a necessary condition read once per page; these tests count
the work (calls), not time, and the output stays the same:

* the listing sparers (:func:`cleannews.strip.detectors._listing_headlines`,
  ``_listing_bylines``) need a standing paragraph (``_paragraph_stands``);
* the card zone (:func:`cleannews.strip._zones.card_zone`) needs the article's words above
  the cards (``_article_reaches``) before it reads a separator;
* the context rule (:func:`cleannews.strip.detectors._context`) needs a line to judge
  (``_context_judges``) before it builds its per-line facts;
* a guard runs only when one of its rules took a line (``_keep.GUARD_RULES``,
  ``_taken_rules``) and, when it gives back only next to a kept paragraph
  (``_keep.BODY_GUARDS``), when a line is that long (``_body_possible``).
"""

from __future__ import annotations

import pytest

from _helpers import count_guard_calls
from cleannews import CleanConfig

CFG = CleanConfig(score_spin=False)
#: "Art. 3" x 60 under a title: every line goes (a menu run), as in test_numb40's page.
PAGE = "Titre de l'article\n\n" + "Art. 3\n" * 60 + "\n"
#: The same under a real paragraph: every zone and guard is asked again.
PROSE = ("Le conseil municipal a voté hier soir le budget de la commune pour l'année "
         "prochaine, après un long débat.\n\n")


def _strip(page: str = PAGE) -> str:
    from cleannews.strip import strip_text

    return strip_text(page, CFG).text


def _count(monkeypatch, module, name: str) -> list:
    """Replace ``module.name`` with a wrapper that records its calls; returns the record."""
    calls: list = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_listing_sparers_need_a_paragraph(monkeypatch):
    """The repeated "Art. 3" was tested as a listing's headline and byline (each line read
    for a person's name) twice a neighbour round; without a paragraph standing, never."""
    from cleannews.strip import detectors

    heads = _count(monkeypatch, detectors, "_listing_headlines")
    bylines = _count(monkeypatch, detectors, "_listing_bylines")
    assert _strip() == "Titre de l'article\n"
    assert heads == [] and bylines == []
    _strip(PROSE + PAGE)
    assert heads and bylines  # a paragraph stands: asked as before


def test_card_zone_needs_the_article_above(monkeypatch):
    """Each taken "Art. 3" was a card separator: its figures blanked (``_card_key``) twice a
    round; without the article's words above any card, no separator is read."""
    from cleannews.strip import _zones

    keys = _count(monkeypatch, _zones, "_card_key")
    _strip()
    assert keys == []
    _strip(PROSE * 3 + PAGE)
    assert keys


def test_context_needs_a_line_to_judge(monkeypatch):
    """Every line taken but the headline: the context rule built its five per-line walks
    (neighbour classes, runs, separators) for nothing; now it only settles the page."""
    from cleannews.strip import detectors

    looked = _count(monkeypatch, detectors, "_transparent")
    _strip()
    assert looked == []
    _strip(PROSE + "Politique\n\nSport\n\n" + PAGE)
    assert looked


@pytest.mark.parametrize("guard", ["give_back_hashtag", "give_back_dateline"])
def test_guards_run_only_where_they_can_give_back(monkeypatch, guard):
    """On the page of menu runs, the hashtag guard (``link_dense`` lines only) and the
    dateline guard (an article's paragraph under the date) walked every line; now neither
    runs there. The output is the same: they gave nothing back."""
    calls = count_guard_calls(monkeypatch, guard)
    assert _strip() == "Titre de l'article\n"
    assert calls == []


def test_the_guards_gates_are_necessary():
    """Every guard of ``GUARD_RULES`` and ``BODY_GUARDS`` is a guard ``give_back`` runs, and
    every rule a gate names is one ``give_back`` looks for (``GUARDED_RULES``)."""
    from cleannews.strip import _keep

    assert set(_keep.GUARD_RULES) <= set(_keep.GUARDS)
    assert _keep.BODY_GUARDS <= set(_keep.GUARDS)
    assert all(rules <= _keep.GUARDED_RULES for rules in _keep.GUARD_RULES.values())


def test_the_output_of_a_dateline_page_is_unchanged():
    """A date alone that another site's menu run took above the article's headline and
    paragraph is still given back (the dateline guard runs: the page has a paragraph)."""
    page = ("Wissenschaftliche Meldungen\n\n- 15.09.2025\n\nApothekennetz schrumpft - Branche "
            "verlangt Reform\n\nIn Deutschland schließen immer mehr Apotheken: Allein im ersten "
            "Halbjahr sank die Zahl der Standorte um 238.\n")
    from cleannews.strip import _keep
    from cleannews.strip.detectors import _Line

    lines = [_Line(t, frozenset()) for t in page.split("\n\n")]
    for ln in lines[:2]:
        ln.bad("menu_run", "run of short lines (menu)")
    _keep.give_back(lines)
    assert lines[1].removal is None and lines[0].removal is not None
