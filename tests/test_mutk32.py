"""Mutation check of ``cleannews.strip._keep`` and ``cleannews.repairs`` (round 29,
``tools/mutate.py``), and two gaps round 28 left in ``cleannews.batch.sinks``.

Each test here fails on a mutant that every earlier test of its module passed on (the
mutant is named in the test's docstring). CONTRIBUTING.md, "Checking that tests can fail".

Runs (development; ``--seed 32``, ``PYTEST_ADDOPTS="-k 'not megabyte'"``, stopped by time on a
loaded host, so each covers the module's first lines, not all of it):

* ``strip/_keep.py`` (1,447 mutants) against tests/test_strip_regression.py, its doctests,
  test_strip_keep*.py, test_keep27-30, test_stress22-25, test_linemodel25,
  test_strip_cv_guards: ``--max 100`` ran 40 (lines 1-689): 32 killed, 8 survived; then
  ``--lines 690-1970 --max 45`` ran 23 (to line 1237): 19 killed, 4 survived. This file
  kills 8 of the 12, 2 are equivalent (below); left: ``SECTION_MIN_SUBHEADINGS = 2`` ->
  ``1`` and ``SUBHEADING_MAX_WORDS = 10`` -> ``11`` (boundaries no test reaches).
* ``repairs/__init__.py`` (1,007 mutants) against test_clean_regression.py, its doctests,
  test_repair*.py, test_fastpath*.py, test_mut30.py: ``--max 100`` ran 27 (lines 1-269): 21
  killed, 6 survived; ``--lines 270-871 --max 35`` ran 16 (to line 426): 10 killed, 6
  survived. This file kills 6 of the 12, 3 are equivalent (below); left: the two
  ``_equal_run`` slices ``b[j + k …]`` -> ``b[j - k …]`` (line 372: called with ``j = 0``
  the negative start wraps to the same characters in every case tried) and ``_resync``'s
  ``j + dj == n_end`` -> ``!=`` (line 426).

Judged equivalent: ``@lru_cache(maxsize=1)`` -> ``0`` / ``2`` on ``_keep._stop`` (a cache's
size, the same frozenset); ``islice(…, MAX_MARK_RUNS + 1)`` -> ``+ 2`` in ``_bom_pieces`` (the
count is only compared with ``> MAX_MARK_RUNS``); ``a[1::2]`` -> ``a[0::2]`` in ``_hunks``'s
skeleton check (a fast path: a mismatch sends the text to :func:`_diff_hunks`, which gives
the same hunks); ``range(1, QUICK_SYNC + 1)`` -> ``range(0, …)`` in ``_quick_resync`` (total 0
compares ``old[i:]`` with ``new[j:]`` where they differ: it is called on a mismatch).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import cleannews
from _helpers import taken_lines, write_seed_corpus
from cleannews.batch import RunSettings, paths_for, run_batch
from cleannews.batch.sinks import OWNER_PEEK_BYTES, ResumeError, written_by_cleannews
from cleannews.strip._keep import (
    INTRO_MIN_WORDS,
    LIST_MAX_LINES,
    TOPICAL_MIN_SHARED,
    TOPICAL_MIN_WORDS,
    _item_shape,
    give_back_announced_list,
    give_back_chapters,
    give_back_topical,
)

# --- batch/sinks.py (round 28's gaps, tests/test_mut31.py) ---------------------------------


def _record_line(size: int, **keys) -> bytes:
    """One JSONL record of about ``size`` bytes: a long ``text`` then ``keys``."""
    text = "Le conseil municipal a voté le budget. " * (size // 39 + 1)
    return (json.dumps({"id": "a", "text": text, **keys}, ensure_ascii=False) + "\n").encode()


def test_a_cleannews_record_longer_than_the_peek_is_known_as_ours(tmp_path: Path) -> None:
    """Mutants of ``cut = len(first) >= OWNER_PEEK_BYTES and not first.endswith(b"\\n")``
    (sinks.py): ``>=`` -> ``>`` (``readline(OWNER_PEEK_BYTES)`` never returns more, so
    ``cut`` was never true), ``not`` dropped, ``and`` -> ``or``. A clean.jsonl whose first
    document is over 1 MiB holds its ``"cleannews"`` key past the peek: it is still known as
    a cleannews output (refused as "records of another cleannews run", not "not a cleannews
    output"), and a line of exactly the peek's length that ends there is read whole. Also
    ``return True`` for an unreadable file (line 414)."""
    big = tmp_path / "clean.jsonl"
    big.write_bytes(_record_line(2 * OWNER_PEEK_BYTES, cleannews={"verdict": "keep"}))
    assert written_by_cleannews(big)
    src = tmp_path / "in.jsonl"
    write_seed_corpus(src, 2)
    with pytest.raises(ResumeError) as refused:
        run_batch(RunSettings([str(src)], paths_for(big), jobs=1))
    assert "records of another cleannews run" in str(refused.value)
    assert "not a cleannews output" not in str(refused.value)
    # a user's line of exactly OWNER_PEEK_BYTES bytes, its newline the last one read: whole,
    # no cleannews key in it, so not ours
    head, tail = b'{"url": "https://www.example.fr/a", "note": "', b'"}\n'
    exact = head + b"x" * (OWNER_PEEK_BYTES - len(head) - len(tail)) + tail
    assert len(exact) == OWNER_PEEK_BYTES
    user = tmp_path / "notes.jsonl"
    user.write_bytes(exact)
    assert not written_by_cleannews(user)
    # a file that cannot be read (a gzip file cut short) counts as ours (line 414's
    # ``return True``): the refusal keeps the general message
    broken = tmp_path / "clean.jsonl.gz"
    broken.write_bytes(gzip.compress(b'{"url": "https://www.example.fr/a"}\n')[:16])
    assert written_by_cleannews(broken)


def test_the_sink_check_takes_a_path_not_there_yet_as_a_new_file(tmp_path: Path) -> None:
    """Mutant: ``return True`` -> ``False`` in ``_regular_or_new``'s ``except OSError``
    (sinks.py). The function's contract: a path that does not exist is a new file (so
    ``score --out`` gets its owner file), a device is not. In a run the branch is not
    reached: ``Sinks._open_streams`` creates every sink before ``_claim_sinks`` asks (a
    ``score`` run with ``--out`` and ``--errors`` and no error has both files)."""
    import os

    from cleannews.batch.sinks import _regular_or_new

    assert _regular_or_new(tmp_path / "scores.jsonl")
    assert _regular_or_new(tmp_path / "no" / "such" / "folder" / "scores.jsonl")
    assert not _regular_or_new(Path(os.devnull))
    assert not _regular_or_new(tmp_path)


# --- strip/_keep.py -------------------------------------------------------------------------

PARA = ("Le conseil municipal a voté mardi soir le budget de la commune, après trois heures "
        "de débat sur les travaux de la salle des fêtes.")
PARA2 = ("Les travaux de la salle des fêtes commenceront au printemps et dureront huit mois, "
         "selon le maire, qui promet une salle neuve pour l'été.")
HEAD = "Le budget de la commune voté après trois heures de débat"


def test_a_topical_line_between_two_paragraphs_is_given_back() -> None:
    """Mutant: ``last_body = body[-1]`` -> ``body[-0]`` in ``give_back_topical`` (only the
    candidates above the FIRST paragraph were read). A subheading a position rule took
    between two paragraphs of the article, speaking of what they speak of, stays; one under
    the last paragraph (a teaser list under the article) is left to its rules."""
    lines = taken_lines([PARA, HEAD, PARA2], {1: "context"})
    assert give_back_topical(lines) == [1] and lines[1].removal is None
    lines = taken_lines([PARA, PARA2, HEAD], {2: "context"})
    assert give_back_topical(lines) == [] and lines[2].removal.rule == "context"


def test_a_topical_line_of_three_content_words_two_shared_is_given_back() -> None:
    """Mutant: ``shared >= TOPICAL_MIN_SHARED`` -> ``>`` in ``give_back_topical``. A line of
    :data:`TOPICAL_MIN_WORDS` content words ("budget", "débat", "vaisselle") with exactly
    :data:`TOPICAL_MIN_SHARED` of them in the article's paragraph is given back; one with a
    single shared word is not."""
    assert (TOPICAL_MIN_WORDS, TOPICAL_MIN_SHARED) == (3, 2)
    lines = taken_lines(["Le budget, le débat et la vaisselle", PARA], {0: "context"})
    assert give_back_topical(lines) == [0]
    lines = taken_lines(["Le budget, la piscine et la vaisselle", PARA], {0: "context"})
    assert give_back_topical(lines) == []


PALMARES = ["Palme d'or : The Square", "Grand prix : 120 battements par minute", "Lire aussi"]


def _announced(intro: str, items: list[str], taken: range) -> list[int]:
    return give_back_announced_list(taken_lines([intro, *items], dict.fromkeys(taken,
                                                                           "tail_teaser")))


def test_an_announced_list_needs_a_kept_announcement_of_four_words() -> None:
    """Mutants of ``give_back_announced_list``'s ``if ln.blank or ln.cls == BAD or ln.n <
    INTRO_MIN_WORDS: continue`` (deleted; ``<`` -> ``<=``). The palmarès under "Voici le
    palmarès complet :" (:data:`INTRO_MIN_WORDS` words) is given back; under a three-word
    "Le palmarès complet :" or under an announcement the rule took too, it is not."""
    assert INTRO_MIN_WORDS == 4
    assert _announced("Voici le palmarès complet :", PALMARES, range(1, 4)) == [1, 2]
    assert _announced("Le palmarès complet :", PALMARES, range(1, 4)) == []
    assert _announced("Voici le palmarès complet :", PALMARES, range(0, 4)) == []


def test_a_list_that_starts_with_a_name_is_an_announced_list() -> None:
    """Mutant: ``if _NAME.match(text): return "name"`` deleted in ``_item_shape``. A jury's
    president named right under the announcement starts the list (a ``"name"`` shape), so
    the prizes under it are given back (the name itself, no label nor bullet, is not)."""
    assert _item_shape("Pedro Almodovar") == "name"
    got = _announced("Voici le palmarès décerné par le jury :", ["Pedro Almodovar", *PALMARES],
                     range(1, 5))
    assert got == [2, 3]


def test_an_announced_list_runs_thirty_lines_below_its_announcement() -> None:
    """Mutant: ``LIST_MAX_LINES = 30`` -> ``29``. A palmarès of 31 prizes: the first
    :data:`LIST_MAX_LINES` lines under the announcement are its zone and are given back, the
    31st is past it."""
    items = [f"Prix {k} : Le film numéro {k}" for k in range(1, 32)]
    got = _announced("Voici le palmarès complet :", items, range(1, len(items) + 1))
    assert got == list(range(1, 31)) and LIST_MAX_LINES == 30


def test_a_video_list_that_does_not_start_at_zero_is_no_chapter_list() -> None:
    """Mutant: ``continue`` deleted after ``k += 1`` in ``give_back_chapters`` (a timecode
    list was read from the line after any line that is not "00:00"). Timecodes rising from
    "00:01:34" under a video's summary are durations of a video list: they stay removed;
    the same list opened by "00:00:00" is a chapter list and is given back."""
    summary = "Petit résumé de la vidéo de la dernière séance."
    rest = ["00:01:34", "Ça commence", "00:02:01", "Valérie Beauvais fait l’appel", "00:03:10",
            "Le budget en débat"]
    lines = taken_lines([summary, *rest], dict.fromkeys(range(1, 7), "video_widget"))
    assert give_back_chapters(lines) == []
    assert all(ln.removal.rule == "video_widget" for ln in lines[1:])
    full = [summary, "00:00:00", "Tout le monde s’installe", *rest]
    assert give_back_chapters(taken_lines(full, dict.fromkeys(range(1, 9), "video_widget"))) == [
        1, 2, 3, 4, 5, 6, 7, 8]


def test_a_chapter_list_ends_where_its_timecodes_stop_rising() -> None:
    """Mutant: ``last = t`` deleted in ``give_back_chapters`` (any timecode after the first
    was taken as rising). Chapters 00:00:00, 00:01:34, 00:05:00 are given back with their
    titles; "00:02:01" goes back in time, so it and what follows are not the list's."""
    text = ["Petit résumé de la vidéo de la dernière séance.", "00:00:00",
            "Tout le monde s’installe", "00:01:34", "Ça commence", "00:05:00",
            "Le budget en débat", "00:02:01", "Valérie Beauvais fait l’appel", "00:03:10",
            "Les questions du public"]
    lines = taken_lines(text, dict.fromkeys(range(1, 11), "video_widget"))
    assert give_back_chapters(lines) == [1, 2, 3, 4, 5, 6]
    assert [ln.removal.rule for ln in lines[7:]] == ["video_widget"] * 4


# --- repairs/__init__.py --------------------------------------------------------------------


def test_a_line_longer_than_max_segment_is_repaired_in_pieces_of_that_length() -> None:
    """Mutant: ``MAX_SEGMENT = 1_000_000`` -> ``1_000_001``. A line over
    :data:`MAX_SEGMENT` characters is repaired in pieces of exactly that many (as ftfy's
    ``max_decode_length`` cuts): mojibake ("Ã©") that ends before the cut is repaired, and
    its change points at it; a pair the cut splits is left as ftfy leaves it (a limit:
    such a line is a megabyte of one paragraph)."""
    from cleannews.repairs import MAX_SEGMENT

    cut = 1_000_000  # the figure, not the constant: a test reading MAX_SEGMENT moves with it
    assert MAX_SEGMENT == cut
    before = "a" * (cut - 2) + "Ã©t fin"  # "Ã©" ends at the cut
    result = cleannews.repair(before)
    assert result.text.endswith("aét fin")
    assert [(c.rule, c.span, c.before) for c in result.changes] == [
        ("fix_mojibake", (cut - 2, cut), "Ã©")]
    across = "a" * (cut - 1) + "Ã©t fin"  # the cut falls between "Ã" and "©"
    result = cleannews.repair(across)
    assert result.text == across and result.changes == []


def test_a_mojibake_change_names_its_layers() -> None:
    """Mutant: ``rounds = sum(1 for s in group if s[0] == "decode")`` -> ``sum(2 …)`` in
    ``_describe`` (every mojibake read "2 layers"). One layer and two layers of mojibake
    each get the reason that says so."""
    one = cleannews.repair("Le cÅ“ur du village")
    assert [(c.rule, c.span, c.reason) for c in one.changes] == [
        ("fix_mojibake", (4, 6), "mojibake: UTF-8 text had been decoded as Windows-1252; "
                                 "decoded again as UTF-8")]
    two = cleannews.repair("le cafÃ\u0083Â© du coin")
    assert two.text == "le café du coin"
    assert [(c.rule, c.span, c.reason) for c in two.changes] == [
        ("fix_mojibake", (6, 10), "mojibake, 2 layers: UTF-8 text had been decoded as "
                                  "Latin-1 2 times over; decoded again 2 times")]


def test_two_layers_of_mojibake_after_other_fixes_are_one_change() -> None:
    """Mutant: ``groups[-1][0][0] == "encode"`` -> ``groups[-0]…`` in ``_plan_groups`` (the
    first group, not the last, was asked whether it opens a decoding). A decomposed "Ã"
    ("A" + U+0303) hides two layers of mojibake until ftfy composes it: its plan is a C1
    fix, an NFC step, then two encode/decode rounds, which are one change ("2 layers"), not
    two changes of one layer each."""
    result = cleannews.repair("le cafA\u0303\u0083A\u0302\u00a9 du coin")
    assert result.text == "le café du coin"
    mojibake = [c for c in result.changes if c.rule == "fix_mojibake"]
    assert [(c.span, c.reason.split(":")[0]) for c in mojibake] == [
        ((6, 12), "mojibake, 2 layers")]
    assert {c.rule for c in result.changes} == {"fix_mojibake", "normalize_nfc",
                                                "fix_c1_controls"}


def test_a_mark_beside_control_characters_around_a_kept_letter_is_named() -> None:
    """Mutants of ``_bom_pieces``: ``old[i] == new[j]`` -> ``!=`` (a kept letter read as
    removed) and ``pieces[-1] = …`` -> ``pieces[-2] = …`` (two runs of control characters
    with a kept letter between them merged over the mark's piece). "\\ufeff\\x01a\\x02b":
    the mark is its own change, the control characters around "a" one more."""
    from cleannews.repairs import _bom_pieces

    assert _bom_pieces("\ufeff\x01a\x02b", "ab", (0, 4, 0, 1)) == [
        (0, 1, 0, 0, True), (1, 4, 0, 1, False)]
    result = cleannews.repair("Le\ufeff\x01a\x02b conseil municipal")
    assert result.text == "Leab conseil municipal"
    assert [(c.rule, c.span, c.before, c.after) for c in result.changes] == [
        ("byte_order_mark", (2, 3), "\ufeff", ""),
        ("remove_control_chars", (3, 6), "\x01a\x02", "a")]


def test_a_mark_after_a_long_run_of_accented_letters_is_one_change() -> None:
    """Mutants of ``_diff_hunks``'s common end ``s = _equal_run(old[::-1], 0, new[::-1], 0, …)
    if p < limit else 0``: ``else 1`` (when the repaired text is the start of the old one,
    its last character was taken as common to both) and the second ``0`` -> ``1`` (the two
    ends compared one character apart: the hunk lost its last character). A
    byte-order mark after 40 accented letters (a run longer than :data:`LONG_RUN`, which
    :func:`_diff_hunks` reads) is removed and named where it stood."""
    from cleannews.repairs import LONG_RUN, _diff_hunks

    run = "é" * 40
    assert len(run) > LONG_RUN
    assert _diff_hunks(run + "\ufeff", run) == [(40, 41, 40, 40)]
    # the common end is read from both texts' last characters: "©" (old) is not the "©"
    # before "é" (new), whose second-to-last character it equals
    assert _diff_hunks(run + "©Ã©", run + "©é") == [(41, 43, 41, 42)]
    result = cleannews.repair("Le " + run + "\ufeff fin")
    assert result.text == "Le " + run + " fin"
    assert [(c.rule, c.span, c.before) for c in result.changes] == [
        ("byte_order_mark", (43, 44), "\ufeff")]


# --- tools/mutate.py ------------------------------------------------------------------------


def test_survivors_rerun_both_mutants_of_one_integer() -> None:
    """``--survivors`` keyed the mutants it picks by their span: ``@lru_cache(maxsize=1)``'s
    ``(0)`` and ``(2)`` mutants (both survivors of this round's run of ``strip/_keep.py``)
    share one, so only the second was run again. Both are picked now."""
    from tools.mutate import mutants, pick_survivors

    source = (Path(__file__).parents[1] / "src/cleannews/strip/_keep.py").read_text("utf-8")
    line = next(i for i, t in enumerate(source.splitlines(), 1) if "lru_cache(maxsize=1)" in t)
    rows = [{"line": line, "kind": "const", "old": "1", "new": new, "status": "survived"}
            for new in ("(0)", "(2)")]
    rows.append({"line": line, "kind": "const", "old": "1", "new": "(3)", "status": "survived"})
    rows.append({"line": 1, "kind": "del", "old": "x", "new": "pass", "status": "killed"})
    picked = pick_survivors(mutants(source), rows)
    assert [(m.line, m.new) for m in picked] == [(line, "(0)"), (line, "(2)")]
