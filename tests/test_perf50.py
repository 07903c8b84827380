"""Round 35 (perf50): the strip stage's per-line cost on a page of short lines, second pass.

``test_numb40.py::test_megabyte_lines_finish`` strips "Art. 3" repeated to 1 MB (142,858
short lines). After perf47 (``tests/test_perf47.py``) each line still paid for work that
could not change the output. These tests count that work (calls), not time:

* a glued tail ("3" after "Art. ") is looked up in the rules once per distinct tail
  (:meth:`cleannews.strip._rules.RuleSet.match_tail`), not once per line;
* a dated counter's head ("Art.") without four digits is no date line: the date pattern
  never runs on it (:func:`cleannews.strip.detectors._dated_head`);
* two adjacent separators of a card list hold no card: the lines between them are not
  listed (:func:`cleannews.strip._zones.card_zone`);
* a line's words are listed for the person-name test only when it has a name's shape
  (:func:`cleannews.strip._keep._person_name`);
* a text opening with a letter or a figure is no lone punctuation
  (:func:`cleannews.strip._keep._punct_only`, for ``give_back_quoted``).
"""

from __future__ import annotations

from cleannews import CleanConfig

CFG = CleanConfig(score_spin=False)
#: "Art. 3" x 60 under a title: every line goes (a menu run), as in test_numb40's page.
PAGE = "Titre de l'article\n\n" + "Art. 3\n" * 60 + "\n"


def _strip(page: str = PAGE) -> str:
    from cleannews.strip import strip_text

    return strip_text(page, CFG).text


class _Counted:
    """A compiled pattern whose ``search`` calls are counted (the rest passes through)."""

    def __init__(self, pat) -> None:
        self.pat, self.searched = pat, []

    def search(self, text, *args):
        self.searched.append(text)
        return self.pat.search(text, *args)

    def __getattr__(self, name):
        return getattr(self.pat, name)


def test_a_repeated_tail_is_looked_up_once(monkeypatch):
    """The 60 glued tails "3" were looked up with the whole-line rules 60 times (round 34's
    and perf47's code), besides each line's own lookup; now at most once."""
    from cleannews.strip._rules import RuleSet

    calls = []
    real = RuleSet.match_line

    def counted(self, text, *args, **kwargs):
        calls.append(text)
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(RuleSet, "match_line", counted)
    assert _strip() == "Titre de l'article\n"
    assert calls.count("3") <= 1, calls.count("3")
    assert calls.count("Art. 3") == 60  # each line's own lookup stays


def test_the_tail_memo_gives_the_lookup():
    """What the memo answers is what the lookups answer, for a tail a rule takes and one
    none takes, asked twice."""
    from cleannews.strip._rules import load_rules, match_text, start_key

    rs = load_rules(("fr", "en"))
    for rest, n in (("Partager l’article", 2), ("3", 1), ("Photo credit: AFP", 3)):
        tail = match_text(rest)
        low = tail.casefold()
        key = start_key(tail, low)
        want = rs.match_line(tail, n, low, key) or rs.match_prefix(tail, n, low, key)
        assert rs.match_tail(tail, n) is want and rs.match_tail(tail, n) is want, rest


def test_a_head_without_four_digits_is_no_date(monkeypatch):
    """"Art." before each line's counter "3": the date pattern ran on it 60 times."""
    from cleannews.strip import detectors

    spy = _Counted(detectors._DATED_END)
    monkeypatch.setattr(detectors, "_DATED_END", spy)
    assert _strip() == "Titre de l'article\n"
    assert "Art." not in spy.searched, len(spy.searched)
    assert detectors._dated_counter("20/02/2015 18").start == 10  # a date's counter still goes
    assert "20/02/2015" in spy.searched


def test_adjacent_separators_list_nothing(monkeypatch):
    """Each "Art. 3" is a card separator next to the next one: the lines between two of
    them were listed 59 times a ``card_zone`` call; now never."""
    from cleannews.strip import _zones

    calls = []
    real = _zones._standing_between

    def counted(*args):
        calls.append(args[3:])
        return real(*args)

    monkeypatch.setattr(_zones, "_standing_between", counted)
    assert _strip() == "Titre de l'article\n"
    assert calls == []


def test_a_line_of_no_name_shape_lists_no_words(monkeypatch):
    """The repeated "Art. 3" was asked twice whether it is a person's name (the listing
    bylines of ``_repeats``): each time its words were listed first; now only a line of a
    name's shape has them listed."""
    from cleannews.strip import _keep
    from cleannews.strip.detectors import _Line

    listed = []
    real = _Line.words

    def words(self):
        listed.append(self.text)
        return real.fget(self)

    monkeypatch.setattr(_Line, "words", property(words))
    assert not _keep._person_name(_Line("Art. 3", frozenset()))
    assert _keep._person_name(_Line("Borja Crespo", frozenset()))
    assert listed == ["Borja Crespo"]


def test_a_worded_line_is_no_lone_punctuation(monkeypatch):
    """``give_back_quoted`` tested each taken "Art. 3" and the line above it against the
    lone-punctuation pattern (120 runs on this page); a text opening with a letter or a
    figure is none without it."""
    from cleannews.strip import _keep

    spy = _Counted(_keep._PUNCT_ONLY)
    spy.match = lambda text, *a: (spy.searched.append(text), spy.pat.match(text, *a))[1]
    monkeypatch.setattr(_keep, "_PUNCT_ONLY", spy)
    assert _strip() == "Titre de l'article\n"
    assert "Art. 3" not in spy.searched, len(spy.searched)
