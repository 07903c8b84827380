"""Branch perf8: the fast paths of this round's strip code give what the slow ones gave.

* :func:`cleannews.strip._credits.page_hits` (the page's keywords first, then the few
  lines that hold one) against :func:`_panel_hits` asked line by line, and
  :func:`paywall_panel` against the per-line loop it replaced;
* :func:`cleannews.strip._keep.give_back` (skipped when no line is removed by a rule a
  guard may undo), ``give_back_announced_list`` (skipped likewise; a colon looked for before
  the pattern) and ``give_back_byline`` (the headline looked for only when a name was
  taken) against the guards as they were;
* :func:`cleannews.strip._headzone.head_menu` with its headline table computed on first
  need against the table computed before the loop.

The states compared are those the pipeline hands these functions on real pages: the TRAIN
pages of ``fixtures/strip_real`` (never the test splits), the seeds, and pages recombined
from shuffled TRAIN lines (seeded). Generated pages (hypothesis) check ``page_hits`` on
lines made of keyword fragments. No timing here: the speed figures are in
``docs/performance-history.md`` (branch perf8).
"""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleannews
from _helpers import train_pages
from cleannews.evaluate import page_batch
from cleannews.strip import _credits, _headzone, _keep, detectors, strip_text

ROOT = Path(__file__).resolve().parent.parent
RECOMBINED, RECOMBINED_LINES, SEED, STRESS_PAGES = 60, 16, 20261202, 150


def _documents(batches: frozenset[str]) -> list[str]:
    """Seeds, every TRAIN page, then seeded pages drawn from the TRAIN pages of ``batches``
    (the batches this test was written on: added pages keep the draw)."""
    pages = [(rec["id"], doc) for rec, doc, _ in train_pages()]
    train = [doc for _, doc in pages]
    docs = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] + train
    rnd = random.Random(SEED)
    drawn = [doc for pid, doc in pages if page_batch(pid) in batches]
    pool = [x for d in drawn for x in d.split("\n") if x.strip()]
    for _ in range(RECOMBINED):
        docs.append("\n".join(rnd.sample(pool, RECOMBINED_LINES)))
    # TRAIN lines holding a paywall phrase, among others: panels and look-alikes
    phrases = _credits.panel_phrases(("fr", "en", "de", "es", "it"))
    paywall = [x for x in pool if phrases.hits(x.casefold())]
    assert len(paywall) >= 20
    for _ in range(RECOMBINED):
        lines = rnd.sample(pool, RECOMBINED_LINES // 2) + rnd.sample(paywall, 4)
        docs.append("\n".join(rnd.sample(lines, len(lines))))
    # the stress set of branch strip-keep8 (TRAIN and seed lines: bylines, lists, teasers
    # next to furniture), where the give-back guards work
    from tools.strip_model import stress

    sources = [
        s for s in stress.read_sources()
        if s.pid in stress.SEEDS or page_batch(s.pid) in batches
    ]
    docs += [d for _, d, _ in stress.stress_pages(SEED, STRESS_PAGES, STRESS_PAGES, sources)]
    return docs


@pytest.fixture(scope="module")
def states(round8_train_batches):
    """The lines (deep copies) each of the three functions was handed while every document
    was stripped: ``{"paywall": [(lines, matched, languages)], "give_back": [lines],
    "head_menu": [(lines, idx, kickers, printed)]}``."""
    out: dict[str, list] = {"paywall": [], "give_back": [], "head_menu": []}
    mp = pytest.MonkeyPatch()
    pay, give, menu = detectors.paywall_blocks, detectors.give_back, _headzone.head_menu

    def rec_pay(lines, matched, languages):
        out["paywall"].append((copy.deepcopy(lines), list(matched), tuple(languages)))
        return pay(lines, matched, languages)

    def rec_give(lines):
        out["give_back"].append(copy.deepcopy(lines))
        return give(lines)

    def rec_menu(lines, idx, below_best, kickers=frozenset(), printed=frozenset()):
        assert below_best is None  # head_zone leaves the table to head_menu
        out["head_menu"].append((copy.deepcopy(lines), list(idx), kickers, printed))
        return menu(lines, idx, below_best, kickers, printed)

    mp.setattr(detectors, "paywall_blocks", rec_pay)
    mp.setattr(detectors, "give_back", rec_give)
    mp.setattr(_headzone, "head_menu", rec_menu)
    try:
        cfg = cleannews.CleanConfig()
        for doc in _documents(round8_train_batches):
            strip_text(cleannews.repair(doc).text, cfg)
    finally:
        mp.undo()
    assert len(out["paywall"]) > 400 and len(out["give_back"]) > 400  # one call a document
    return out


def _view(lines) -> list[tuple]:
    return [
        (ln.cls, ln.removal.rule if ln.removal else None, ln.removal.reason if ln.removal else None)
        for ln in lines
    ]


# --- paywall panel ------------------------------------------------------------------------


def _old_paywall_panel(lines, matched, phrases) -> None:
    """``paywall_panel`` before perf8: every standing line asked in turn."""
    run: list[int] = []
    found: set[int] = set()
    anchor = None
    for i in range(len(lines) + 1):
        ln = lines[i] if i < len(lines) else None
        if ln is not None and ln.blank:
            continue
        if ln is not None and ln.cls == "bad":
            run.append(i)
            if anchor is None:  # recall25: _panel_anchor names the anchor
                anchor = _credits._panel_anchor(ln, matched[i])
            continue
        hits = _credits._panel_hits(ln, phrases) if ln is not None else frozenset()
        if hits:
            run.append(i)
            found |= hits
            continue
        _credits._take_panel(lines, run, anchor, len(found))
        run, found, anchor = [], set(), None


def _slow_hits(lines, phrases) -> dict[int, frozenset[int]]:
    out = {}
    for i, ln in enumerate(lines):
        if ln.blank or ln.cls == "bad":
            continue
        hits = _credits._panel_hits(ln, phrases)
        if hits:
            out[i] = hits
    return out


def test_page_hits_equal_line_by_line_on_real_pages(states):
    pages = with_hits = 0
    for lines, _, languages in states["paywall"]:
        phrases = _credits.panel_phrases(languages)
        if phrases is None:
            continue
        fast = _credits.page_hits(lines, phrases)
        assert fast == _slow_hits(lines, phrases)
        pages += 1
        with_hits += bool(fast)
    assert pages > 400 and with_hits >= 10  # the pages do hold panel phrases


def test_paywall_panel_equals_the_loop_it_replaced(states):
    taken = 0
    for lines, matched, languages in states["paywall"]:
        phrases = _credits.panel_phrases(languages)
        if phrases is None:
            continue
        a, b = copy.deepcopy(lines), copy.deepcopy(lines)
        _credits.paywall_panel(a, matched, phrases)
        _old_paywall_panel(b, matched, phrases)
        assert _view(a) == _view(b)
        taken += sum(x[1] == "paywall_panel" for x in _view(a))
    assert taken >= 3  # a panel was taken somewhere: the comparison saw the removal path


_FRAGMENTS = [
    "abonn", "abonnez-vous", "je m'abonne", "mot de", "passe", "mot de passe oublié",
    "sans engagement", "1 € par mois", "€", "euro", "europe", "offre", "offre découverte",
    "accès illimité", "la suite", "pour lire la suite", "connect", "se connecter", "sign in",
    "subscribe", "subscriber", "$", "9,99 $ per month", "votre formule", "Le", "conseil",
    "municipal", "a", "voté", "budget", ".", ":", "–", "jetzt", "abo", "kündbar",
    "pour seulement 5 euros", "5 euros par mois", "2 mois pour 1", "sesión", "accedi",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(_FRAGMENTS), max_size=12),
            st.sampled_from(["amb", "good", "bad", "blank"]),
            st.booleans(),
        ),
        max_size=12,
    ),
    st.sampled_from([("fr",), ("fr", "en"), ("en", "de"), ("fr", "en", "de", "es", "it")]),
)
def test_page_hits_equal_line_by_line_on_generated_pages(rows, languages):
    """Lines of keyword fragments (a keyword split over two lines, "euro" in "europe"),
    every class, protected or not: the page's keywords never lose a line's hit."""
    from cleannews.strip.detectors import _Line

    lines = []
    for words, cls, protected in rows:
        ln = _Line("" if cls == "blank" else " ".join(words), frozenset())
        if not ln.blank:
            ln.cls = "amb" if cls == "blank" else cls
            ln.protected = protected
        lines.append(ln)
    phrases = _credits.panel_phrases(languages)
    assert _credits.page_hits(lines, phrases) == _slow_hits(lines, phrases)


def test_a_keyword_never_holds_the_join_character():
    for languages in (("fr",), ("fr", "en", "de", "es", "it")):
        assert all("\n" not in k for k in _credits.panel_phrases(languages).keywords)
    with pytest.raises(ValueError):
        _credits.PanelPhrases([r"\bx\b"], [], ["a\nb"])


# --- give-back guards ---------------------------------------------------------------------


def _old_announced_list(lines) -> list[int]:
    """``give_back_announced_list`` before perf8 (no pre-check, the pattern on every line)."""
    given = []
    n = len(lines)
    for i, ln in enumerate(lines):
        if (
            ln.blank or ln.cls == "bad" or ln.n < _keep.INTRO_MIN_WORDS
            or not _keep._INTRO_END.search(ln.text[-60:])
        ):
            continue
        zone = []
        for j in range(i + 1, n):
            item = lines[j]
            if item.blank:
                continue
            if len(zone) >= _keep.LIST_MAX_LINES or (item.cls != "bad" and _keep._is_body(item)):
                break
            zone.append(j)
        shapes = {j: _keep._item_shape(lines[j].text) for j in zone}
        if not zone or not shapes[zone[0]]:
            continue
        counts: dict[str, int] = {}
        for sh in shapes.values():
            counts[sh] = counts.get(sh, 0) + 1
        given += [
            j for j in zone
            if _keep._taken(lines[j], _keep.LIST_RULES)
            and lines[j].n <= _keep.LIST_ITEM_MAX_WORDS
            and shapes[j] in _keep.LIST_GIVE_BACK_SHAPES
            and counts[shapes[j]] >= _keep.LIST_MIN_ITEMS
        ]
    for j in given:
        lines[j].cls = "amb"
        lines[j].removal = None
    return given


def _old_byline(lines) -> list[int]:
    """``give_back_byline`` before perf8 (the headline looked for on every page)."""
    head = detectors.title_line(lines)
    first_body = next((k for k in range(head + 1, len(lines)) if _keep._is_body(lines[k])), -1)
    given = []
    for k, ln in enumerate(lines):
        if not (_keep._taken(ln, _keep.BYLINE_RULES) and _keep._person_name(ln)):
            continue
        up = _keep._above_widgets(lines, k)  # keep20: a signature under widget lines
        byline = 0 <= head < k < first_body
        signature = up >= 0 and lines[up].cls != "bad" and lines[up].ends
        if not (byline or signature):
            continue
        given.append(k)
        nxt = _keep._neighbours(lines, k, 1, 1)
        if nxt:
            j = nxt[0]
            if (
                _keep._taken(lines[j], _keep.BYLINE_RULES) and 2 <= lines[j].n <= 3
                and lines[j].text[:1].isupper() and not lines[j].ends
            ):
                given.append(j)
    for k in given:
        lines[k].cls = "amb"
        lines[k].removal = None
    return sorted(set(given))


def _old_give_back(lines) -> tuple:
    # every guard of give_back, in its order, with no pre-check: keep20's section label
    # first (it undoes a phrase rule), then _keep.GUARDS, the announced-list and byline
    # guards as they were before their own pre-checks (branch perf8)
    old = {_keep.give_back_announced_list: _old_announced_list,
           _keep.give_back_byline: _old_byline}
    return (_keep.give_back_section_label(lines),
            *(old.get(guard, guard)(lines) for guard in _keep.GUARDS))


def test_guarded_rules_hold_every_guard_s_rules():
    assert _keep.POSITION_RULES <= _keep.GUARDED_RULES
    assert _keep.LIST_RULES <= _keep.GUARDED_RULES
    assert _keep.BYLINE_RULES <= _keep.GUARDED_RULES
    assert _keep.DATE_BADGE_RULES <= _keep.GUARDED_RULES
    assert _keep.SUBHEADING_RULES <= _keep.GUARDED_RULES
    assert _keep.LEAD_RULES <= _keep.GUARDED_RULES
    for rules in (_keep.MENU_HEADLINE_RULES, _keep.BETWEEN_RULES, _keep.INNER_TITLE_RULES,
                  _keep.LIST_ITEM_RULES):
        assert rules <= _keep.GUARDED_RULES


def _page(texts, taken: dict[int, str]):
    from cleannews.strip.detectors import _Line

    lines = [_Line(t, frozenset({"the", "of", "on", "as", "a", "after", "la", "le"}))
             for t in texts]
    for i, rule in taken.items():
        lines[i].bad(rule, "taken by a position rule")
    return lines


#: Pages where one guard alone gives lines back, each after one rule of its own (the
#: modules' examples): the page-level check must let every one of them through.
_GUARD_PAGES = [
    # give_back_byline, after the short-block rule (context)
    (["Le beau risque de François Legault", "Élisabeth Fleury", "Le Soleil",
      "La sortie de jeudi matin du premier ministre a surpris ses alliés comme ses "
      "adversaires."], {1: "context", 2: "context"}),
    # give_back_announced_list, after the caption rules and a teaser rule
    (["Voici le palmarès décerné par le jury :", "Palme d'or : The Square",
      "Grand prix : 120 battements par minute", "Lire aussi"],
     {1: "image_path", 2: "photo_caption", 3: "tail_teaser"}),
    (["Voici le palmarès décerné par le jury :", "Palme d'or : The Square",
      "Grand prix : 120 battements par minute"], {1: "card_zone", 2: "card_zone"}),
    (["Voici le palmarès décerné par le jury :", "Palme d'or : The Square",
      "Grand prix : 120 battements par minute"], {1: "image_path", 2: "photo_caption"}),
    # give_back_topical, after a "Read more" heading's rule
    (["Read More", "Bank of England holds interest rates",
      "The Bank of England held interest rates on Thursday, as markets had expected after "
      "a month of calm."], {0: "related_lead_en", 1: "related_lead_en"}),
]


@pytest.mark.parametrize(("texts", "taken"), _GUARD_PAGES)
def test_give_back_runs_for_each_guard_s_own_rules(texts, taken):
    a, b = _page(texts, taken), _page(texts, taken)
    _keep.give_back(a)
    _old_give_back(b)
    assert _view(a) == _view(b)
    assert _view(a) != _view(_page(texts, taken))  # a line was given back


def test_give_back_equals_the_guards_as_they_were_on_real_pages(states):
    moved = 0
    for lines in states["give_back"]:
        a, b = copy.deepcopy(lines), copy.deepcopy(lines)
        _keep.give_back(a)
        _old_give_back(b)
        assert _view(a) == _view(b)
        # each guard alone too (the pre-checks are the guards' own)
        for new, old in ((_keep.give_back_announced_list, _old_announced_list),
                         (_keep.give_back_byline, _old_byline)):
            c, d = copy.deepcopy(lines), copy.deepcopy(lines)
            assert new(c) == old(d)
            assert _view(c) == _view(d)
        moved += _view(a) != _view(lines)
    assert moved >= 5  # lines were given back on some pages: the guards' paths ran


# --- head_menu ----------------------------------------------------------------------------


def test_head_menu_table_on_first_need_equals_table_first(states):
    assert len(states["head_menu"]) >= 50
    for lines, idx, kickers, printed in states["head_menu"]:
        a, b = copy.deepcopy(lines), copy.deepcopy(lines)
        _headzone.head_menu(a, idx, None, kickers, printed)
        _headzone.head_menu(b, idx, _headzone._longest_headline_below(b, idx), kickers, printed)
        assert _view(a) == _view(b)
