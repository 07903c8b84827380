"""Branch perf-strip11: each fast path of this round gives what the code it replaced gave.

* :meth:`cleannews.strip._rules._AnchoredIndex.candidates` (the candidates' tuples shared
  per set of selected patterns) against the candidates computed as before, on every key of
  the seeds' and fixtures' lines and on generated keys, after the key memo overflowed;
* :func:`cleannews.strip._rules._fewest_literals` (literals holding another dropped) gives
  the same "one of them is in the line" answer;
* :func:`cleannews.strip._widgets._row_kind` (each line tokenised once) says ``"weekday"``
  where the reference weekday check :func:`_weekday_row` holds, else ``"day"`` where the
  reference day-number check :func:`_day_row` holds (both kept here as the oracle);
* :func:`cleannews.strip._keep._date_piece` (at most one word past a date line read) against
  the version that read every word;
* :func:`cleannews.strip.html._hint_kind` remembered per value list gives the uncached
  answer, the tag's own part (``<p class="paywall">`` is text) included, and
  :func:`cleannews.strip.html._named` is ``find_all`` of a list of names.

No timing here: the speed figures are in the branch's report (``perf-strip11.readme.md``).
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import regex
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews.strip import _keep, _rules, _widgets, html
from cleannews.strip._rules import load_rules, start_key

ROOT = Path(__file__).resolve().parent.parent


def _old_candidates(ix, key):
    """The candidates as ``_AnchoredIndex._candidates`` computed them before this branch."""
    todo = list(ix.always)
    w = key[1]
    if w is not None:
        if w[0].isdigit():
            todo.extend(ix.digit)
        todo.extend(ix.exact.get(w, ()))
        todo.extend(k for f, k in ix.prefix.get(w[:1], ()) if w.startswith(f))
        head = key[0] + w[0]
    else:
        head = key[0]
    if ix.symbol:
        for ch in head:
            todo.extend(ix.symbol.get(ch, ()))
    ks = sorted(set(todo))
    always = set(ix.always)
    return (
        tuple((*ix.patterns[k], ix.needs[k]) for k in ks),
        tuple((*ix.patterns[k], ix.needs[k]) for k in ks if k not in always),
    )


def _same(new, old) -> bool:
    """Same patterns in the same order; the literals may be the fewer (``_fewest_literals``)."""
    return all(
        len(a) == len(b)
        and all(
            x[:2] == y[:2] and x[2] == _rules._fewest_literals(y[2])
            for x, y in zip(a, b, strict=True)
        )
        for a, b in zip(new, old, strict=True)
    )


def _texts() -> list[str]:
    docs = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs += [p.read_text("utf-8") for p in sorted((ROOT / "fixtures" / "strip").glob("*.txt"))]
    return [ln.strip() for d in docs for ln in d.split("\n") if ln.strip()]


def test_candidates_equal_the_old_computation_after_the_memo_overflows() -> None:
    rs = load_rules(("fr", "en"))
    keys = {start_key(_rules.match_text(t)) for t in _texts()}
    keys |= {("", str(n)) for n in range(2 * _rules._MEMO_MAX)}  # overflow the key memo
    keys |= {("• ", w) for w in ("the", "lire", "photo", "12h30")}
    assert len(keys) > _rules._MEMO_MAX
    for ix in (rs._line, rs._prefix, rs._protect_index):
        for key in sorted(keys, key=str):
            assert _same(ix.candidates(key), _old_candidates(ix, key)), key


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="•-—«“([/@0123456789 abcdeéfhilmnoprstuvwxyz.&_+", max_size=30))
def test_candidates_of_generated_lines(text: str) -> None:
    rs = load_rules(("fr", "en"))
    key = start_key(text)
    for ix in (rs._line, rs._prefix, rs._protect_index):
        assert _same(ix.candidates(key), _old_candidates(ix, key))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ab-/.em", min_size=1, max_size=4), min_size=1, max_size=6),
    st.text(alphabet="ab-/.em ", max_size=20),
)
def test_fewest_literals_give_the_same_any_test(lits: list[str], line: str) -> None:
    fewest = _rules._fewest_literals(lits)
    assert set(fewest) <= set(lits)
    assert any(x in line for x in lits) == any(x in line for x in fewest)


def test_anchored_matches_on_real_lines_equal_the_reference() -> None:
    rs = load_rules(("fr", "en"))
    for t in _texts():
        t = _rules.match_text(t)
        for ix in (rs._line, rs._prefix):
            assert ix.match(t) is ix.match_reference(t), t


_ROWS = st.lists(
    st.one_of(
        st.integers(0, 40).map(str),
        st.sampled_from(["lun", "mar", "mer", "jeu", "ven", "sam", "dim", "M", "T", "Mo.", "x"]),
    ),
    min_size=0,
    max_size=9,
)


_REF_TOKEN = regex.compile(r"[^\s|·•/,]+")


def _weekday_row(text: str) -> bool:
    """Reference: seven weekday names in a row (``_widgets`` before ``_row_kind``)."""
    if len(text) > _widgets.CAL_ROW_MAX_CHARS:
        return False
    toks = _REF_TOKEN.findall(text)
    days = _widgets._weekdays()
    return len(toks) == 7 and all(t.rstrip(".").casefold() in days for t in toks)


def _day_row(text: str) -> bool:
    """Reference: 5 to 7 day numbers, each the day after the one before (31 wraps to 1)."""
    if len(text) > _widgets.CAL_ROW_MAX_CHARS:
        return False
    toks = _REF_TOKEN.findall(text)
    if not 5 <= len(toks) <= 7 or not all(t.isascii() and t.isdigit() and len(t) <= 2
                                          for t in toks):
        return False
    days = [int(t) for t in toks]
    return all(1 <= d <= 31 for d in days) and all(
        b == a + 1 or (b == 1 and a >= 28) for a, b in pairwise(days)
    )


def _ref_kind(text: str) -> str | None:
    return "weekday" if _weekday_row(text) else "day" if _day_row(text) else None


def test_reference_rows_on_known_lines() -> None:
    assert _weekday_row("sam dim lun mar mer jeu ven") and _weekday_row("M T W T F S S")
    assert not _weekday_row("Mo Di Mi Do Fr Sa") and not _weekday_row("Le marché de lundi")
    assert _day_row("27 28 29 30 31 1 2") and _day_row("13 14 15 16 17 18 19")
    assert not _day_row("12 18 23 34 41 45") and not _day_row("1 2 3 4")


@settings(max_examples=400, deadline=None)
@given(_ROWS, st.sampled_from([" ", " | ", " · ", ", ", "/", "  "]))
def test_row_kind_is_the_reference_weekday_or_day_row(toks: list[str], sep: str) -> None:
    text = sep.join(toks)
    assert _widgets._row_kind(text) == _ref_kind(text)


def test_row_kind_on_long_lines_and_real_lines() -> None:
    week = "lundi mardi mercredi jeudi vendredi samedi dimanche"
    for text in (week, week + " " * 200, "1 2 3 4 5 6 7" + " " * 120, *_texts()):
        for line in text.splitlines():
            assert _widgets._row_kind(line) == _ref_kind(line), line


def _old_date_piece(text: str) -> str:
    t = text.strip().casefold()
    if _keep._DAY.match(t):
        return "day"
    if _keep._YEAR.match(t):
        return "year"
    if _keep._CLOCK.match(t):
        return "clock"
    if t.rstrip(".") in _keep._months():
        return "month"
    words = _keep._DATE_WORD.findall(t)
    if (
        2 <= len(words) <= _keep.DATE_LINE_MAX_WORDS
        and any(w in _keep._months() for w in words)
        and any(_keep._DAY.match(w) for w in words)
    ):
        return "date"
    return ""


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["30", "1er", "settembre", "Jun", "2021", "lunedì", "21:25", "de", "-"]),
        max_size=9,
    ),
    st.sampled_from([" ", ", ", "/", " · "]),
)
def test_date_piece_equals_reading_every_word(words: list[str], sep: str) -> None:
    text = sep.join(words)
    assert _keep._date_piece(text) == _old_date_piece(text)


def test_date_piece_on_real_lines() -> None:
    for t in _texts():
        assert _keep._date_piece(t) == _old_date_piece(t), t


_PAGE = (
    "<body><div class='paywall'><p class='paywall'>Le texte payant de l'article.</p>"
    "<p class='paywall'>Suite.</p></div><div class='entry themeform share'>a</div>"
    "<div class='share'>b</div><div class='related_post wp_rp'>c</div>"
    "<section class='TestReport__Section--Ads'>d</section><p class='content'>e</p>"
    "<div class='article-reading-time'>f</div><div class='sw-click-to-tweet'>g</div>"
    "<h2 class='share'>h</h2><li class='paywall'>i</li><span class='paywall'>j</span></body>"
)


def test_hint_memo_gives_the_uncached_hint_tag_included() -> None:
    soup = BeautifulSoup(_PAGE, "html.parser")
    els = soup.find_all(True)
    for _ in range(2):  # the second round reads the memo
        for el in els:
            raw = tuple(html._attr_values(el))
            uncached = html._values_hint.__wrapped__(raw, el.name in html.GATED_TEXT_TAGS)
            assert html._hint_kind(el) == uncached
    hints = {el.name: html._hint_kind(el) for el in soup.find_all(class_="paywall")}
    assert hints["p"] is None and hints["li"] is None  # the article's text behind a paywall
    assert hints["div"] == ("paywall", "strong") and hints["span"] == ("paywall", "strong")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["div", "p", "section", "li", "h2", "h3", "span", "article",
                                 "blockquote", "pre", "td", "dd", "main"]), max_size=25),
       st.randoms(use_true_random=False))
def test_named_is_find_all_of_names(tags: list[str], rnd) -> None:
    markup, open_tags = [], []
    for t in tags:
        if open_tags and rnd.random() < 0.4:
            markup.append(f"</{open_tags.pop()}>")
        markup.append(f"<{t}>x")
        open_tags.append(t)
    soup = BeautifulSoup("<body>" + "".join(markup) + "</body>", "html.parser")
    for names in (html._VOTER_TAGS, html._ARTICLE_WRAPPER_TAGS, html._WRAPPER_TAGS,
                  html._PARAGRAPH_TAGS, html.ARTICLE_HEADING_TAGS, html._HEADLINE_TAG_SET):
        for root in (soup, soup.body):
            fast, slow = html._named(root, names), root.find_all(list(names))
            assert len(fast) == len(slow) and all(a is b for a, b in zip(fast, slow, strict=True))



def test_long_class_values_are_not_kept_by_the_memo() -> None:
    long_value = "share-" + "x" * html.HINT_MEMO_MAX_CHARS
    el = BeautifulSoup(f"<div class='{long_value}'>a</div>", "html.parser").div
    before = html._values_hint.cache_info().currsize
    assert html._hint_kind(el) == ("share", "strong")
    assert html._values_hint.cache_info().currsize == before
    assert html._value_tokens(long_value)[0] == "share"
