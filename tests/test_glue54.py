"""Glued furniture, round 39 (glue54): round 38's readers without their memory and double work.

Round 38 (glue53) cut ad markers glued between two sentences and paywall flags glued before a
teaser's headline. Two costs came with them, both removed here with the output unchanged:

* memory: a marker found on a megabyte line copied the line twice over, once in
  ``detectors._glued_marker`` (the words left beside the marker were counted on the line rebuilt
  without it) and once in the span pass (``ln.key_text``, the line as it will read once cut,
  built from its pieces and their join). The 500 k-character one-line page of
  ``tests/test_strip_memory.py`` peaked at 10.4x its UTF-8 size (round 37's code on the same
  page: 8.05x); the marker reader now counts the words gap by gap on the line itself
  (``detectors._words_beside``) and a long line's spans lying in one stretch are spliced out
  with ``str.replace`` (``detectors._spliced``): 8.6x.
* double work: ``detectors._glued_head_flag`` reads the rules on the headline after the flag
  (cut, a rule taking the headline alone would take the whole line), then
  ``detectors._rules_once_cut`` read the same rules on the same text once the flag was cut.
  The second read is skipped when the flag is the line's only cut
  (``detectors._rules_read_once_cut``).
"""

from __future__ import annotations

import tracemalloc
from collections import Counter

import pytest

from _helpers import train_doc
from cleannews import CleanConfig
from cleannews.strip import detectors, strip_text
from cleannews.strip._rules import load_rules
from cleannews.strip.detectors import SpanRemoval

CFG = CleanConfig(score_spin=False, quarantine=False)

#: A sentence of a long one-line page (a curly apostrophe: the line is held two bytes a
#: character, as French text is).
SENTENCE = "Le conseil municipal a voté le budget de l’année prochaine. "


def _long_line(chars: int) -> tuple[str, int]:
    """A one-line page of about ``chars`` characters with an ad marker between two of its
    sentences near the middle; the marker's start."""
    half = SENTENCE * (chars // (2 * len(SENTENCE)))
    return half + "Advertisement " + half.rstrip(), len(half)


def _peak(call, *args) -> tuple[object, int]:
    """What ``call(*args)`` returns and the peak of the allocations it makes, in bytes."""
    tracemalloc.start()
    try:
        out = call(*args)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return out, peak


def test_the_marker_reader_does_not_copy_the_line():
    """Fails on the round-start code: the words beside the marker were counted on the line
    rebuilt without it (its pieces and their join: twice the line's size)."""
    rs = load_rules(("en",))
    line, at = _long_line(1_000_000)
    found, peak = _peak(detectors._glued_marker, line, rs)
    assert [(x.start, x.end, x.rule) for x in found] == [(at, at + 14, "marker_glued")]
    assert peak < len(line) // 10, peak  # a few objects, not a copy (2 bytes a character)


def test_the_words_beside_a_marker_are_those_of_the_line_without_it():
    """The gap-by-gap count is the count of the rebuilt line's words, up to the bound."""
    line = "One two. Ad Three four. Ad Five six seven"
    spans = [SpanRemoval(9, 12, "r", ""), SpanRemoval(24, 27, "r", "")]
    rebuilt = detectors._without(line, spans)
    for bound in range(1, 10):
        assert detectors._words_beside(line, spans, bound) == min(bound, len(rebuilt.split()))
    rs = load_rules(("en",))
    assert detectors._glued_marker("It fell. Advertisement The end.", rs)  # four words left
    assert detectors._glued_marker("Ok. Advertisement The end.", rs) == []  # three


@pytest.mark.parametrize("where", ["middle", "both ends"])
def test_a_long_line_without_its_spans_is_built_once(where):
    """Fails on the round-start code: the kept pieces and their join were alive together
    (twice the result's size); now the result and the stretch of the spans (a marker in the
    middle), or the one piece left (a head and a tail cut: ``join`` returns it)."""
    line, at = _long_line(1_000_000)
    if where == "middle":
        spans = [SpanRemoval(at, at + 14, "marker_glued", "")]
    else:
        spans = [SpanRemoval(0, 3, "head", ""), SpanRemoval(len(line) - 5, len(line), "tail", "")]
    out, peak = _peak(detectors._without, line, spans)
    assert out == (line[:at] + line[at + 14 :] if where == "middle" else line[3:-5])
    size = 2 * len(out)  # two bytes a character
    assert peak < 1.2 * size, peak / size


@pytest.mark.parametrize("spans", [
    [(20, 40)],  # one span
    [(100_000, 100_014), (100_500, 100_510), (110_000, 110_020)],  # one stretch
    [(0, 10), (199_000, 199_010)],  # a stretch longer than SPLICE_MAX_CHARS: joined
    [(5, 10), (8, 20)],  # overlapping spans
    [(61, 71)],  # its text read earlier in the line: joined
])
def test_a_long_line_without_its_spans_is_the_joined_pieces(spans):
    """Spliced or joined, the text is the pieces' join (the short lines' way)."""
    line = (SENTENCE * 4000)[:200_000]
    found = [SpanRemoval(a, b, "r", "") for a, b in spans]
    reference, pos = [], 0
    for sp in sorted(found, key=lambda x: x.start):
        reference.append(line[pos : sp.start])
        pos = max(pos, sp.end)
    reference.append(line[pos:])
    assert detectors._without(line, found) == "".join(reference)


def test_a_flagged_headline_is_read_by_the_rules_once(monkeypatch):
    """Fails on the round-start code: fr-r33-0008's three teasers whose paywall flag goes had
    their headline read by the rules twice (by ``_glued_head_flag``, then by
    ``_rules_once_cut``); the page's output is the same."""
    doc, _ = train_doc("fr-r33-0008")
    before = strip_text(doc, CFG).text
    reads: Counter[str] = Counter()
    real = detectors._rule_pass

    def counted(lines, *args, **kwargs):
        if len(lines) == 1:  # a probe: one line read alone
            reads[lines[0].text] += 1
        return real(lines, *args, **kwargs)

    monkeypatch.setattr(detectors, "_rule_pass", counted)
    assert strip_text(doc, CFG).text == before
    flagged = {t: n for t, n in reads.items() if t.startswith(("L'artisanat", "Bâtiment",
                                                                "Le bâtiment"))}
    assert len(flagged) == 3 and set(flagged.values()) == {1}, flagged
    assert "Réservé aux abonnés " not in "".join(x for x in before.splitlines()
                                                 if "artisanat" in x)
