"""Mutation check, round 30 (``tools/mutate.py``): the survivors round 29 left in
``strip/_keep.py`` and ``repairs/__init__.py`` (tests/test_mutk32.py's docstring), then
samples of modules changed since (``git log --since=3.days src/``).

Each test here fails on a mutant that every earlier test of its module passed on (the
mutant is named in the test's docstring); the two tests of ``tools/mutate.py`` fail on its
round-29 code. CONTRIBUTING.md, "Checking that tests can fail". Runs (development,
``--max 30 --seed 35``, each module on its own tests; killed by them -> with this file):

* ``score/_segments.py`` (196 mutants) with test_spinlen32, test_loose30, its doctests: 30
  run, 22 -> 26 killed, 4 equivalent;
* ``strip/detectors.py`` lines 1459-1507 (``_bordered_row``, ``_aligned_shape``; in
  ``strip/_tables.py`` since round 31) with
  test_fresh32, test_fresh33, its doctests: 30 run, 19 -> 29, 1 equivalent; lines
  1619-1676 (``_series_key``, ``_protect_series``): 30 run, 26 -> 30;
* ``strip/_zones.py`` lines 389-487 (``excerpt_run``, ``_led_words``) with
  test_strip_zones7, test_fresh30, test_fresh32, its doctests: 30 run, 19 -> 26, 4
  equivalent.

The equivalent mutants and why: docs/strip-history.md, "Mutation check, second pass: round
29's survivors, long-text parts, table rows, series and excerpt runs (issue 10, round 30)".
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleannews
from _helpers import seed_lines, taken_lines, train_furniture, train_line
from cleannews.strip._keep import (
    SECTION_MIN_SUBHEADINGS,
    SUBHEADING_MAX_WORDS,
    give_back_section_label,
    give_back_subheading,
)

# --- strip/_keep.py: round 29's two boundary survivors ------------------------------------

#: fr-a-0066 (TRAIN: an article on a fire in Nice cut into sections by subheadings, the last
#: one "Réactions", the label a comment prompt's rule takes on other sites).
PAGE = "fr-a-0066"


@pytest.fixture(scope="module")
def fire(train_page) -> dict[str, str]:
    """fr-a-0066's paragraphs and subheadings by their first words."""
    keys = ("Les faits", "Dans la nuit", "Intervention des secours", "Les sapeurs-pompiers",
            "Bilan humain", "Malheureusement", "Enquête en cours", "Une enquête",
            "Réactions", "Christian Estrosi")
    return {k: train_line(train_page, k, PAGE) for k in keys}


def _label_back(fire: dict[str, str], keys: list[str]) -> list[int]:
    texts = [fire.get(k, k) for k in keys]
    return give_back_section_label(taken_lines(texts, {keys.index("Réactions"): "comment_prompt"}))


def test_a_section_label_needs_two_subheadings_of_the_article(fire) -> None:
    """Mutant: ``SECTION_MIN_SUBHEADINGS = 2`` -> ``1`` (round 29's survivor). fr-a-0066's
    "Réactions", taken by a comment prompt's rule between two of its paragraphs, is given
    back under "Bilan humain" and "Enquête en cours"; with only "Bilan humain" above it (one
    subheading: an article cut once is no proof of sections) it stays taken."""
    assert SECTION_MIN_SUBHEADINGS == 2
    two = ["Les sapeurs-pompiers", "Bilan humain", "Malheureusement", "Enquête en cours",
           "Une enquête", "Réactions", "Christian Estrosi"]
    assert _label_back(fire, two) == [5]
    one = ["Les sapeurs-pompiers", "Bilan humain", "Malheureusement", "Réactions",
           "Christian Estrosi"]
    assert _label_back(fire, one) == []


#: A subheading of fr-a-0066's section on the firemen, :data:`SUBHEADING_MAX_WORDS` words
#: ("Intervention des secours" and figures of the paragraph under it) …
TEN = "Intervention des secours de Nice : 41 pompiers et 15 engins"
#: … and one word more.
ELEVEN = TEN + " mobilisés"


def test_a_subheading_counts_up_to_ten_words(fire) -> None:
    """Mutant: ``SUBHEADING_MAX_WORDS = 10`` -> ``11`` (round 29's survivor), read by
    ``_subheadings``: with "Bilan humain" and a ten-word subheading between paragraphs the
    article has two sections, so "Réactions" is given back; an eleven-word line there is
    a sentence cut short, not a subheading, and the label stays taken."""
    assert SUBHEADING_MAX_WORDS == 10
    for line, back in ((TEN, [5]), (ELEVEN, [])):
        fire = {**fire, "Intervention des secours": line}
        keys = ["Dans la nuit", "Intervention des secours", "Les sapeurs-pompiers",
                "Bilan humain", "Malheureusement", "Réactions", "Christian Estrosi"]
        assert _label_back(fire, keys) == back, line


def test_a_subheading_a_rule_took_is_given_back_up_to_ten_words(fire) -> None:
    """Mutant: ``SUBHEADING_MAX_WORDS = 10`` -> ``11`` again, read by
    ``give_back_subheading``: the ten-word subheading, taken by the short-block rule between
    a newsletter box and the paragraph it heads, shares stems with the article ("secours",
    "pompiers", "engins"): given back. The eleven-word one is past the bound: left taken."""
    box = "Abonnez-vous à nos infolettres."
    for line, back in ((TEN, [2]), (ELEVEN, [])):
        lines = taken_lines([fire["Dans la nuit"], box, line, fire["Les sapeurs-pompiers"]],
                            {1: "newsletter_family", 2: "context"})
        assert give_back_subheading(lines) == back, line


# --- repairs/__init__.py: round 29's three survivors ----------------------------------------


def test_mojibake_after_a_long_cyrillic_word_is_named_alone() -> None:
    """Mutants of ``_equal_run``'s ``b[j + k : j + k + step]``: ``j + k`` -> ``j - k`` at
    either place (round 29's survivors: tried on runs of one repeated letter, whose wrapped
    slice holds the same characters). :func:`_hunks` reads a non-ASCII run of at most
    :data:`LONG_RUN` characters by its common start and end (``_equal_run(x, 0, y, 0, …)``):
    a Russian word in French guillemets (no-break spaces, all one non-ASCII run) whose
    no-break space and closing guillemet are mojibake. The change is the mojibake; the
    mutants stopped the common start at 16 letters and put "льности" into the change."""
    from cleannews.repairs import LONG_RUN, _hunks

    word = "Достопримечательности"
    assert 16 < len(word) < LONG_RUN
    text = "Le panneau indique «\u00a0" + word + "Â\u00a0Â» en russe."
    result = cleannews.repair(text)
    assert result.text == "Le panneau indique «\u00a0" + word + "\u00a0» en russe."
    assert [(c.rule, c.span, c.before, c.after) for c in result.changes] == [
        ("fix_mojibake", (42, 45), "Â\u00a0Â", "\u00a0")]
    assert _hunks(word + "Ã©", word + "é") == [(21, 23, 21, 22)]


def test_control_characters_around_the_last_letter_before_a_mark_are_one_change() -> None:
    """Mutant: ``_resync``'s ``elif j + dj == n_end`` -> ``!=`` (round 29's survivor; the
    branch offers the texts' ends as the place they agree again, the only one left when no
    anchor follows). Control characters around the full stop at a line's end, then a
    byte-order mark: one change for "\\x01.\\x02" (its two pieces are two characters apart,
    :data:`HUNK_MERGE_GAP`), one for the mark; the mutant cut the first into two."""
    from cleannews.repairs import HUNK_MERGE_GAP

    assert HUNK_MERGE_GAP == 2
    for text in ("La séance est levée\x01.\x02\ufeff",
                 "La séance est levée\x01.\x02\ufeff\nLe maire a remercié l’assistance."):
        result = cleannews.repair(text)
        assert result.text.startswith("La séance est levée.")
        assert [(c.rule, c.span, c.before, c.after) for c in result.changes] == [
            ("remove_control_chars", (19, 22), "\x01.\x02", "."),
            ("byte_order_mark", (22, 23), "\ufeff", "")]


def test_a_ligature_before_the_letters_it_stands_for_is_one_change() -> None:
    """Mutant: ``_resync``'s ``j + dj == n_end`` -> ``j - dj == n_end`` (not sampled in round
    29; found by comparing :func:`_diff_hunks` with the mutant's on generated strings). A
    "ﬂ" followed by the letters it expands into ("ﬂflf", an onomatopoeia at a line's end):
    the common end eats "flf", the texts agree again only at their ends, and the ligature
    is one change "ﬂ" -> "fl", not a deletion of "ﬂ" beside an insertion of "fl"."""
    from cleannews.repairs import _diff_hunks

    assert _diff_hunks("ﬂflf", "flflf") == [(0, 1, 0, 2)]
    result = cleannews.repair("Le bruit du vent : ﬂflf")
    assert result.text == "Le bruit du vent : flflf"
    assert [(c.rule, c.span, c.before, c.after) for c in result.changes] == [
        ("fix_ligatures", (19, 20), "ﬂ", "fl")]


# --- score/_segments.py ---------------------------------------------------------------------


def test_a_text_of_one_letter_words_past_the_long_text_length_is_scored_in_parts() -> None:
    """Mutant: ``if n <= 2 * LONG_TEXT_WORDS: return None`` -> ``3 * …`` in
    ``text_segments`` (the fast path reads "a word and its separator: at least two
    characters"). :data:`LONG_TEXT_WORDS` + 1 words of one letter ("à ", generated: the
    shortest text of that many words, 4,002 characters) are past the bound: scored in parts;
    one word fewer is scored whole."""
    from cleannews.score._segments import LONG_TEXT_WORDS, SEGMENT_WORDS, text_segments

    words = "à " * (LONG_TEXT_WORDS + 1)
    parts = text_segments(words)
    assert parts is not None and parts[0] == (0, 2 * SEGMENT_WORDS)
    assert parts[-1][1] == len(words) == 2 * LONG_TEXT_WORDS + 2
    assert text_segments("à " * LONG_TEXT_WORDS) is None


def test_a_giant_line_is_counted_in_64_kb_pieces() -> None:
    """Mutant: ``_COUNT_CHARS = 1 << 16`` -> ``2 << 16`` (``_words`` reads a line in pieces
    of :data:`_COUNT_CHARS` characters, so its memory is one piece's words; a word cut by a
    piece's end counts twice, as documented). A 230 KB line of French whose three piece ends fall
    inside words: the count is the line's words plus one per piece end inside a word."""
    from cleannews.score._segments import _COUNT_CHARS, _words

    assert _COUNT_CHARS == 65_536
    line = "Les travaux de la salle des fêtes commenceront au printemps. " * 3800
    cuts = range(_COUNT_CHARS, len(line), _COUNT_CHARS)
    inside = [c for c in cuts if not line[c - 1].isspace() and not line[c].isspace()]
    assert len(cuts) == 3 and inside == list(cuts)
    assert _words(line, 0, len(line)) == len(line.split()) + len(inside)


def test_a_blank_first_line_does_not_turn_the_text_into_one_paragraph() -> None:
    """Mutant: ``end = n if nl < 0 else nl + 1`` -> ``nl <= 0`` in ``text_segments`` (a line
    break at the text's first character was read as "no line break": the whole text one
    paragraph, cut at sentence ends). 400 seed lines of human French (3,828 words) scored
    in parts after a blank first line (a scraped page often starts with one) are cut at
    the same line breaks as without it, the blank line joining the first part."""
    from cleannews.score._segments import text_segments

    body = "\n".join(seed_lines()[:400])
    parts = text_segments(body)
    assert parts is not None and len(parts) > 2
    shifted = [(0, parts[0][1] + 1)] + [(s + 1, e + 1) for s, e in parts[1:]]
    assert text_segments("\n" + body) == shifted
    assert all(body[e - 1] == "\n" for _, e in parts[:-1])


# --- tools/mutate.py ------------------------------------------------------------------------


def test_a_scratch_folder_serves_one_run_at_a_time(tmp_path) -> None:
    """Two runs given one ``--scratch`` wrote their mutants into one copy of the module:
    each ran its tests on the other's mutants (round 30: a run left behind by a restart
    wrote the same ``--out`` file). A run refuses a folder a live process holds (here this
    test's own process) and leaves it as it was; a lock whose process has ended is taken
    over."""
    import os
    import subprocess
    import sys

    from tools.mutate import LOCK_NAME, claim_scratch, main

    (tmp_path / LOCK_NAME).write_text(str(os.getpid()))
    assert main(["src/cleannews/route/__init__.py", "tests/test_nothing.py",
                 "--scratch", str(tmp_path)]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [LOCK_NAME]  # no copy of src/
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    (tmp_path / LOCK_NAME).write_text(ended.stdout.strip())
    lock = claim_scratch(tmp_path)
    assert lock is not None and lock.read_text() == str(os.getpid())


def test_a_stopped_run_restores_the_module_and_stops_its_tests(tmp_path) -> None:
    """``kill PID`` of a run (SIGTERM) ended it without its ``finally``: the scratch copy
    kept the mutant and the pytest child ran on (an orphan that wrote nothing but took a
    core). Now the child is killed, the copy holds the module as written and the lock is
    gone. A project of one module whose mutants make its test wait (a test that hangs on a
    mutant until the timeout)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from tools.mutate import LOCK_NAME

    (tmp_path / "src").mkdir()
    (tmp_path / "tests").mkdir()
    module = "def f():\n    return 1\n"
    (tmp_path / "src" / "m.py").write_text(module)
    (tmp_path / "tests" / "test_m.py").write_text(
        "import os, time\nimport m\n\n\ndef test_f():\n"
        "    if m.f() != 1:\n"
        "        open(os.environ['PID_FILE'], 'w').write(str(os.getpid()))\n"
        "        time.sleep(120)\n"
        "    assert m.f() == 1\n")
    scratch, pid_file = tmp_path / "scratch", tmp_path / "child.pid"
    root = Path(__file__).parents[1]
    env = dict(os.environ, PYTHONPATH=str(root), PID_FILE=str(pid_file))
    run = subprocess.Popen([sys.executable, "-m", "tools.mutate", "src/m.py", "tests/test_m.py",
                            "--scratch", str(scratch)], cwd=tmp_path, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not pid_file.exists() or not pid_file.read_text():
            assert run.poll() is None and time.monotonic() < deadline, run.stderr
            time.sleep(0.2)
        child = int(pid_file.read_text())
        run.send_signal(signal.SIGTERM)
        assert run.wait(timeout=30) == 128 + signal.SIGTERM
    finally:
        run.kill()
    assert (scratch / "src" / "m.py").read_text() == module
    assert not (scratch / LOCK_NAME).exists()
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)


# --- strip/_tables.py: bordered_row, aligned_shape; strip/detectors.py: _series_key -------


@pytest.mark.parametrize(("prefix", "page"), [("Voir toutes les actualités", "fr-a-0029"),
                                              ("Photo : AFP/VNA/CVN", "fr-a-0064"),
                                              ("La salle de contrôle d'Euronext", "fr-a-0064")])
def test_a_line_that_only_ends_with_a_pipe_is_no_bordered_row(train_page, prefix, page) -> None:
    """Mutants: ``t[0] != "|"`` -> ``t[-1] != "|"`` and ``t[-1] != "|"`` -> ``t[-0] …`` in
    ``_tables.bordered_row`` (only one of the outer pipes was checked). TRAIN furniture that ends
    with a pipe left by a page's layout (a "see all" link, a photo credit, a caption) is no
    row of a table between outer pipes, nor is it with the pipe moved to its start: four in
    a row would have been protected as a table (``_tables.TABLE_MIN_ROWS``)."""
    from cleannews.strip._tables import bordered_row
    from cleannews.strip.detectors import _line_shape

    line = train_furniture(train_page, prefix, page)
    assert line.endswith("|") and not line.startswith("|")
    assert not bordered_row(line) and _line_shape(line) is None
    assert bordered_row("| " + line)
    assert not bordered_row("| " + line.rstrip("| "))


def test_a_bordered_row_reads_every_cell_between_its_outer_pipes() -> None:
    """Mutants of ``cells = t[1:-1].split("|")`` in ``bordered_row``: ``t[0:-1]`` (an
    empty cell before the first pipe: one cell too many), ``t[2:-1]`` and ``t[1:-2]`` (the
    first or last character of the row dropped). A council's attendance row of
    :data:`BORDERED_ROW_MAX_CELLS` cells is a row, one more cell is not; a pool table's rows
    written without spaces, the group's letter first or last and the only letter of the
    row ("|A|3|1|0|", generated), are rows."""
    from cleannews.strip._tables import BORDERED_ROW_MAX_CELLS, bordered_row

    assert BORDERED_ROW_MAX_CELLS == 12
    row = "| Castor, Klaus |" + " |" * (BORDERED_ROW_MAX_CELLS - 1)
    assert row.count("|") == BORDERED_ROW_MAX_CELLS + 1 and bordered_row(row)
    assert not bordered_row(row + " |")
    assert bordered_row("|A|3|1|0|") and bordered_row("|3|1|0|A|")
    assert not bordered_row("|3|1|0|")


#: fr-r29-0017 (TRAIN, round 29's fresh batch): a rugby league's standings copied with
#: aligned columns.
STANDINGS = "fr-r29-0017"


def test_a_standings_row_with_tabs_or_five_cells_is_an_aligned_row(train_page) -> None:
    """Mutants of ``_tables.aligned_shape``: ``"\\t" not in text`` -> ``in`` in its fast path (a row
    split by tabs and no double space was no row) and ``len(cells) < ALIGNED_ROW_MIN_CELLS``
    -> ``<=``. fr-r29-0017's row of R C Aubenas Vals is an aligned row written with double
    spaces, with tabs (the table copied as tab-separated text) and cut to its first
    :data:`ALIGNED_ROW_MIN_CELLS` cells (four figures among them); cut to four it is not."""
    from cleannews.strip._tables import ALIGNED_ROW_MIN_CELLS, aligned_shape

    row = train_line(train_page, "1   R C AUBENAS VALS", STANDINGS)
    assert aligned_shape(row) == "aligned#"
    cells = _cells(row)
    assert aligned_shape("\t".join(cells)) == "aligned#"
    assert ALIGNED_ROW_MIN_CELLS == 5
    assert aligned_shape("  ".join(cells[:5])) == "aligned#"
    assert aligned_shape("  ".join(cells[:4])) is None


def _cells(row: str) -> list[str]:
    """``row``'s cells as ``_tables.aligned_shape`` reads them."""
    from cleannews.strip._tables import _ALIGNED_SPLIT

    return _ALIGNED_SPLIT.split(row.strip())


def test_an_aligned_row_has_cells_of_at_most_sixty_characters_and_four_figures(
        train_page) -> None:
    """Mutants of ``_tables.aligned_shape``: ``not c or len(c) > PIPE_CELL_MAX_CHARS`` -> ``and``
    and ``>`` -> ``>=``; ``sum(1 for c in cells if _FIGURE_CELL.match(c))`` -> ``sum(2 …)``.
    fr-r29-0017's row with its club's name padded to :data:`PIPE_CELL_MAX_CHARS` characters
    is a row; one character more is a line of prose with a few figures after it. The row
    cut after its second figure, its last cell a bonus mark "(Bd)" (three figures, fewer
    than :data:`ALIGNED_ROW_MIN_FIGURES`), is none."""
    from cleannews.strip._tables import (
        ALIGNED_ROW_MIN_FIGURES,
        PIPE_CELL_MAX_CHARS,
        aligned_shape,
    )

    assert (PIPE_CELL_MAX_CHARS, ALIGNED_ROW_MIN_FIGURES) == (60, 4)
    cells = _cells(train_line(train_page, "1   R C AUBENAS VALS", STANDINGS))
    for width, shape in ((PIPE_CELL_MAX_CHARS, "aligned#"), (PIPE_CELL_MAX_CHARS + 1, None)):
        club = (cells[1] + " (ARDÈCHE, AUVERGNE-RHÔNE-ALPES)").ljust(width, "-")
        assert len(club) == width
        assert aligned_shape("  ".join([cells[0], club, *cells[2:]])) == shape
    assert aligned_shape("  ".join([*cells[:4], "(Bd)"])) is None


def test_a_long_text_whose_top_part_is_suspect_on_thin_evidence_stays_suspect() -> None:
    """Mutant: ``label(worst.score, True)`` -> ``label(worst.score, False)`` in
    ``score_in_parts`` (the check whether the highest part is "suspect" only because its
    evidence is thin: it never held, so the text was relabelled with full evidence). A text
    of 50 parts, one scored 0.999 but "suspect" (thin evidence: one kind, one paragraph),
    the others clean: after the discount for its number of parts it is still above the
    quarantine threshold, and stays "suspect", as the scorer's own ``_label`` says of thin
    evidence; the same part with full evidence ("spun") makes the text "spun"."""
    from cleannews.config import DEFAULT_CONFIG
    from cleannews.document import SpinScore
    from cleannews.score import _label
    from cleannews.score._segments import score_in_parts

    def label(score: float, enough: bool) -> str:
        return _label(score, DEFAULT_CONFIG, enough)

    for top_label in ("suspect", "spun"):
        scores = {"a": SpinScore(0.1, "clean", n_words=400),
                  "b": SpinScore(0.999, top_label, n_words=400)}
        text = "a" * 25 + "b" + "a" * 24
        got = score_in_parts(text, [(i, i + 1) for i in range(50)], scores.__getitem__, label)
        assert got.signals["parts_adjustment"] < 0
        assert got.score >= DEFAULT_CONFIG.spin_quarantine_threshold
        assert got.label == top_label


# --- strip/_zones.py: excerpt_run -----------------------------------------------------------

#: The article and the excerpts of ``excerpt_run``'s example (a related-articles list cut
#: with "…" under a council's budget story).
BUDGET = "Le conseil municipal a voté le budget de la commune pour l’année prochaine. "
EXCERPTS = ["Un grave accident s’est produit hier soir sur la rocade de la ville…",
            "Les pompiers sont intervenus dans la nuit pour un incendie dans un entrepôt…",
            "Le club de football local a remporté son match de coupe face à un voisin…"]


def _excerpts_taken(texts: list[str], body_start: int = 0) -> list[int]:
    from cleannews.strip._zones import excerpt_run
    from cleannews.strip.detectors import GOOD, _Line

    lines = [_Line(t, frozenset()) for t in texts]
    for ln in lines:
        ln.cls = GOOD
    excerpt_run(lines, body_start, 1)
    return [i for i, ln in enumerate(lines) if ln.removal and ln.removal.rule == "excerpt_run"]


def test_an_excerpt_run_above_a_short_footer_goes_and_above_the_article_going_on_stays() -> None:
    """Mutants of ``excerpt_run``: the run closed by a line that is no excerpt not kept
    (``runs.append(run)`` in the loop deleted); ``prose_below``'s ``and`` -> ``or`` and ``not
    _cut(…)`` -> ``_cut(…)``; ``if prose_below[run[-1] + 1]: continue`` deleted. The excerpts
    under the article go with a short copyright line under them (no prose: the page ends);
    with a paragraph of :data:`EXCERPT_PROSE_BELOW_WORDS` words under them the article goes
    on, and they stay."""
    from cleannews.strip._zones import EXCERPT_PROSE_BELOW_WORDS

    footer = "© 2024 Le Journal de la commune"
    assert _excerpts_taken([BUDGET * 5, *EXCERPTS, footer]) == [1, 2, 3]
    more = ("Le maire a précisé que les travaux de la salle des fêtes seraient financés par "
            "un emprunt sur quinze ans, sans hausse des impôts locaux.")
    assert len(more.split()) >= EXCERPT_PROSE_BELOW_WORDS
    assert _excerpts_taken([BUDGET * 5, *EXCERPTS, more]) == []
    assert _excerpts_taken([BUDGET * 5, *EXCERPTS, footer, more]) == []


def test_an_excerpt_run_needs_sixty_words_of_article_and_an_article() -> None:
    """Mutants of ``excerpt_run``: ``above[i] + (ln.n if _article_paragraph(ln) else 0)``
    -> ``else -1`` (each line that is no paragraph took a word off the article) and
    ``body_start < 0`` -> ``< -1`` (a page without an article's text read as one). Under a
    headline and an article of exactly :data:`EXCERPT_ARTICLE_WORDS` words the excerpts go;
    with ``body_start`` -1 (no article found) nothing is taken."""
    from cleannews.strip._zones import EXCERPT_ARTICLE_WORDS
    from cleannews.strip.detectors import _Line

    assert EXCERPT_ARTICLE_WORDS == 60
    words = (BUDGET * 5).split()
    cuts = [" ".join(words[:k]).rstrip(".") + "." for k in range(1, len(words))]
    size = {_Line(a, frozenset()).n: a for a in cuts}  # "l’année": two words
    article, short = size[EXCERPT_ARTICLE_WORDS], size[EXCERPT_ARTICLE_WORDS - 1]
    headline = "Budget : le conseil municipal a tranché"
    assert _excerpts_taken([headline, article, *EXCERPTS]) == [2, 3, 4]
    assert _excerpts_taken([headline, short, *EXCERPTS]) == []
    assert _excerpts_taken([BUDGET * 5, *EXCERPTS], body_start=-1) == []


# --- strip/detectors.py: _series_key, _protect_series -------------------------------------

#: A council's minutes by date (``_protect_series``'s example, de-r30 / fr pages of round 29).
MINUTES = [f"Procès-verbal - {d} mars 2021 (séance {n})"
           for d, n in ((25, 85), (22, 84), (8, 83), (1, 82), (0, 81))]


def _series_protected(texts: list[str], taken: dict[int, str] | None = None) -> list[int]:
    from cleannews.strip.detectors import _protect_series

    lines = taken_lines(texts, taken or {})
    _protect_series(lines)
    return [i for i, ln in enumerate(lines) if ln.protected]


def test_a_series_key_has_at_most_four_words_and_its_lines_at_most_25() -> None:
    """Mutants: ``len(key.split()) > SERIES_KEY_MAX_WORDS`` -> ``>=`` in ``_series_key``;
    ``ln.cls is BAD or ln.n > TEASER_MAX_WORDS`` -> ``and`` and ``>`` -> ``>=`` in
    ``_protect_series``. Minutes opening with four words before their date are a series;
    with five ("Procès-verbal de la séance publique 25 mars") they are not. A record of
    :data:`TEASER_MAX_WORDS` words is one of the series, one of 26 words is prose; a record
    a rule took breaks the run."""
    from cleannews.strip.detectors import SERIES_KEY_MAX_WORDS, TEASER_MAX_WORDS, _series_key

    assert (SERIES_KEY_MAX_WORDS, TEASER_MAX_WORDS) == (4, 25)
    four = [t.replace("Procès-verbal -", "Procès-verbal de la séance") for t in MINUTES]
    assert _series_key(four[0]) == "procès-verbal de la séance"
    assert _series_protected(four) == [0, 1, 2, 3, 4]
    five = [t.replace("Procès-verbal -", "Procès-verbal de la séance publique") for t in MINUTES]
    assert _series_key(five[0]) is None and _series_protected(five) == []
    from cleannews.strip.detectors import _Line

    at_bound = [t + " : " + " ".join(["et"] * 18) for t in MINUTES]
    assert {_Line(t, frozenset()).n for t in at_bound} == {TEASER_MAX_WORDS}  # ":" no word
    assert _series_protected(at_bound) == [0, 1, 2, 3, 4]
    over = [t + " et" for t in at_bound]
    assert _series_protected(over) == []
    assert _series_protected(MINUTES, {2: "context"}) == []


def test_a_series_of_two_alternating_records_is_a_series() -> None:
    """Mutant: ``len({lines[i].text for i in run}) > 1`` -> ``> 2`` in ``_protect_series``:
    a run of :data:`SERIES_RUN_MIN` records needs two different texts (one line repeated is
    a widget's label, not a list of records). Two sessions' minutes listed one after the
    other, each in two formats, are a series; five copies of one record are not."""
    from cleannews.strip.detectors import SERIES_RUN_MIN

    assert SERIES_RUN_MIN == 5
    two = [MINUTES[0], MINUTES[1]] * 2 + [MINUTES[0]]
    assert _series_protected(two) == [0, 1, 2, 3, 4]
    assert _series_protected([MINUTES[0]] * 5) == []


def test_a_listing_glued_after_a_read_more_is_read_from_its_first_excerpt() -> None:
    """Mutant: ``_glued_lead(lines[run[0]].text)`` -> ``lines[run[-1]]`` in ``excerpt_run``
    (the run's lead read from its last excerpt). A listing whose summaries and excerpts are
    all glued after "Lire la suite", the last one after a longer "Lire la suite de
    l’article" (generated: the same link, its title written out; :func:`_glued_lead` reads
    no lead in it), is one listing: kept. The same excerpts under an article are taken."""
    from cleannews.strip._zones import _glued_lead

    texts = ["Lire la suite" + EXCERPTS[0], "Lire la suite" + EXCERPTS[1],
             "Lire la suite de l’article" + EXCERPTS[2]]
    assert _glued_lead(texts[0]) == "Lire la suite"
    assert _glued_lead(texts[-1]) == ""  # an apostrophe in it: no lead the pattern reads
    assert _excerpts_taken(["Lire la suite" + BUDGET * 5, *texts]) == []
    assert _excerpts_taken([BUDGET * 5, *texts]) == [1, 2, 3]
