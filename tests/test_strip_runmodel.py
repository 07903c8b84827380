"""The strip stage's run model (stacked second stage): shipped data, exact inference,
features of the run around a line, explained and guarded decisions.

Pages used here are from the TRAIN split of fixtures/strip_real only.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import cleannews
from _helpers import IDEMPOTENCE_KNOWN
from _helpers import train_pages as read_train_pages
from cleannews.strip import runmodel
from cleannews.strip._assemble import Removal, split_lines
from cleannews.strip._keep import (
    _FULL_STOP_END,
    _INITIALS,
    _LONE_HASHTAG,
    _date_piece,
    _policy_label,
)
from cleannews.strip._pagelang import guess_page_language
from cleannews.strip.detectors import _key, _stoplists, classify_lines, judge_lines, title_line
from cleannews.strip.linemodel import apply_line_model, article_lists, subheadings
from cleannews.strip.runmodel import (
    GOOD,
    HARD,
    RUN_FEATURES,
    SOFT,
    STANDING,
    RunModel,
    line_states,
    load_run_model,
    run_candidates,
    run_features,
)

ROOT = Path(__file__).parent.parent
REASON = re.compile(r"^run model \(p=(0\.\d\d|1\.00)\): [^,]+(?:, [^,]+){0,2}$")
F = {name: k for k, name in enumerate(RUN_FEATURES)}

BODY = (
    "Le conseil municipal a voté mardi soir le budget de l'année prochaine, après un débat "
    "de plus de trois heures sur le financement de la nouvelle piscine intercommunale."
)
PAGE = "\n".join([
    "Le budget de la commune voté après trois heures de débat",   # 0 headline
    "Par Claire Le Goff",                                          # 1 byline (protected)
    BODY,                                                          # 2
    BODY.replace("mardi", "lundi"),                                # 3
    "Partager sur Facebook",                                       # 4 share (rule)
    "La piscine intercommunale rouvrira en septembre",             # 5 teaser (tail_teaser)
    "02:35",                                                       # 6 video length (rule)
    "Les tarifs de la cantine augmentent",                         # 7 teaser
    "Le marché de Noël ouvre ses portes samedi",                   # 8 teaser
    "03:10",                                                       # 9 video length (rule)
])


@pytest.fixture(scope="module")
def train_pages():
    return [
        doc for _, doc, _ in read_train_pages()
    ]


def _first_stage(doc: str):
    """Lines after the rules and the line model, the headline, the line model's scores."""
    lines, _ = judge_lines(doc, split_lines(doc), ("fr", "en"))
    h = title_line(lines)
    stop = _stoplists()[guess_page_language(doc).stop]
    probs = apply_line_model(lines, stop, h, lines[h].key() if h >= 0 else "", _key,
                             Removal)
    return lines, h, probs


def _loose(**thresholds) -> RunModel:
    """The shipped trees with other thresholds (to exercise every decision path)."""
    m = load_run_model()
    return RunModel({**m.meta, "trees": {"init": m.trees.init, "trees": [
        {"f": f, "t": t, "l": left, "r": r, "v": v} for f, t, left, r, v in m.trees.trees
    ]}, **thresholds})


def test_model_file_carries_its_provenance():
    m = load_run_model()
    assert m is not None
    assert m.meta["features"] == list(RUN_FEATURES)
    assert re.fullmatch(r"[0-9a-f]{64}", m.meta["training_data_sha256"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\dZ", m.meta["trained"])
    assert "TRAIN" in m.meta["training_data"] and "out-of-fold" in m.meta["training_data"]
    assert m.meta["cv"]["grouped_by"] == "site"
    cv = m.meta["cv"]
    # precision first: the CV operating point keeps the first stage's precision and content
    assert cv["all"]["precision"] >= min(0.95, cv["first_stage"]["precision"])
    assert cv["all"]["content_kept"] >= cv["first_stage"]["content_kept"]
    assert min(m.remove_p, m.remove_good_p, m.remove_list_p) >= 0.8
    # a line the rules judged good goes only at high confidence; since strip-train7 the
    # tool picks this threshold at the recombined-page guard's final point (0.80 in round 8,
    # losing no guard content line), so the floor is the common 0.8 above
    assert m.remove_list_p >= 0.9


def test_compiled_trees_equal_the_reference_walk():
    t = load_run_model().trees
    rng = random.Random(3)
    values = [-1.0, 0.0, 0.2, 0.5, 0.9, 1.0, 2.0, 3.0, 12.0, 40.0]
    for _ in range(500):
        x = [rng.choice(values) for _ in RUN_FEATURES]
        assert t.raw(x) == pytest.approx(t.raw_slow(x), abs=1e-9)
        assert t.init + sum(tr[4][0] for tr in t.trees) + sum(t.contributions(x)) == (
            pytest.approx(t.raw(x), abs=1e-6)
        )


def test_model_with_other_features_is_refused():
    m = load_run_model()
    with pytest.raises(ValueError, match="rebuild"):
        RunModel({**m.meta, "features": ["self_p"], "trees": {"init": 0.0, "trees": []}})


def test_states_and_features_of_a_teaser_run():
    lines, h, probs = _first_stage(PAGE)
    st = line_states(lines, h)
    assert st[:2] == [runmodel.KEPT, runmodel.KEPT]  # the headline and the byline
    assert st[2] == GOOD and st[3] == GOOD
    assert st[4] == HARD and st[6] == HARD and st[9] == HARD
    assert st[5] == SOFT  # a teaser after the article, taken by a position rule
    cands = run_candidates(lines, st, probs)
    assert 0 not in cands and 1 not in cands  # never the headline or the byline
    assert {5, 7, 8} <= set(cands)  # position-rule removals: the model may give them back
    x = run_features(lines, st, probs, cands)
    t = x[5]
    assert t[F["self_soft"]] == 1
    assert runmodel.GIVE_BACK_RULES[int(t[F["soft_rule"]]) - 1] == lines[5].removal.rule
    assert t[F["prev_hard"]] == 1 and t[F["next_hard"]] == 1
    assert t[F["bracket_before"]] == 2 and t[F["bracket_after"]] == 2  # furniture both sides
    assert t[F["body_side"]] == 1 and t[F["dist_body"]] == 2  # after the body (lines 2-3)
    assert t[F["hard_rule_repeats"]] == 2  # next to a video length seen twice on the page
    assert t[F["seg_len"]] == 1
    b = x[3]  # the body's last paragraph
    assert b[F["self_good"]] == 1 and b[F["body_side"]] == 0 and b[F["dist_body"]] == 0
    assert b[F["next_hard"]] == 1 and b[F["dist_hard_down"]] == 1
    assert b[F["dist_hard_up"]] == runmodel.RUN_CAP  # no furniture above
    assert b[F["bracket_before"]] == 0 and b[F["bracket_after"]] == 2  # page start / share
    assert b[F["seg_len"]] == 4 and b[F["seg_pos"]] == 3 and b[F["seg_good_share"]] == 0.5


def test_article_text_without_evidence_is_not_scored():
    doc = "\n".join(["Un titre d'article assez long pour être un titre", BODY, "Un intertitre",
                     BODY.replace("mardi", "lundi")])
    lines, h, probs = _first_stage(doc)
    st = line_states(lines, h)
    assert all(s in (GOOD, STANDING, runmodel.KEPT) for s in st)
    assert run_candidates(lines, st, probs) == []


def test_every_removal_is_explained_and_guarded(train_pages, monkeypatch):
    """With loose thresholds (the shipped ones remove almost nothing on TRAIN), every
    removal names its features, respects its threshold and spares bylines, the headline,
    long lines, and the article's lists and subheadings below remove_list_p."""
    loose = _loose(remove_p=0.6, remove_good_p=0.7, remove_list_p=0.9, give_back_p=0.0)
    monkeypatch.setattr(runmodel, "load_run_model", lambda: loose)
    seen = 0
    for doc in train_pages[:150]:
        spans = split_lines(doc)
        before, h, _ = _first_stage(doc)
        lists = article_lists(before) | subheadings(before)
        for i, r in classify_lines(doc, spans, ("fr", "en")).items():
            if r.rule != "run_model":
                continue
            seen += 1
            assert REASON.match(r.reason), r.reason
            ln = before[i]
            assert not ln.protected and i != h and 0 < ln.n <= runmodel.RUN_MAX_WORDS
            assert ln.cls != "bad"
            p = float(r.reason.split("p=")[1][:4])
            limit = (loose.remove_good_p if ln.cls == "good" else
                     loose.remove_list_p if i in lists else loose.remove_p)
            assert p >= limit - 0.005, (r.reason, ln.text)
    assert seen >= 5


def test_give_back_only_touches_position_rule_removals(train_pages, monkeypatch):
    loose = _loose(give_back_p=0.9)
    monkeypatch.setattr(runmodel, "load_run_model", lambda: loose)
    given = 0
    for doc in train_pages[:150]:
        spans = split_lines(doc)
        lines, h, _ = _first_stage(doc)
        st = line_states(lines, h)
        plan = classify_lines(doc, spans, ("fr", "en"))
        for i, s in enumerate(st):
            if s == HARD:
                # a furniture rule's removal is never given back by the run model; the pieces
                # of a date badge ("Jun" / "16") a counter rule took are, by the date-badge
                # guard of strip/_keep.py (branch strip-keep9), and so is a lone closing
                # hashtag under a paragraph, by its guard (es-m-0011, round 26); so are the
                # shapes of the round-28 guards (a "Label: sentence" item, closing initials, a
                # closing sentence, the page's first line: fresh30)
                text = lines[i].text.strip()
                assert (
                    i in plan or _date_piece(lines[i].text) or _LONE_HASHTAG.match(text)
                    or _policy_label(text)[0] or _INITIALS.match(text)
                    or _FULL_STOP_END.search(text) or i == next(
                        k for k, ln in enumerate(lines) if not ln.blank)
                )
            if s == SOFT and i not in plan:
                given += 1
    assert given >= 1


def test_shipped_model_keeps_the_guard_pages_and_subheadings():
    """The subheading of tests/test_strip_linemodel.py stays with the run model too."""
    doc = "\n".join([
        "Test du SSD NM990 : enfin du PCIe 5.0 abordable", "Par Julie Martin", BODY,
        "Partager sur Facebook", "Image", "Verdict", BODY, "Ajouter aux favoris",
    ])
    plan = classify_lines(doc, split_lines(doc), ("fr", "en"))
    assert 5 not in plan and 2 not in plan and 6 not in plan


def test_line_model_returns_the_scores_it_computed(train_pages):
    for doc in train_pages[:40]:
        lines, h, probs = _first_stage(doc)
        for i, p in probs.items():
            assert 0.0 <= p <= 1.0
            assert i != h and not lines[i].protected


def test_rules_only_switch_leaves_the_run_model_out():
    for p in (ROOT / "seeds").glob("*.txt"):
        doc = p.read_text("utf-8")
        plan = classify_lines(doc, split_lines(doc), ("fr", "en"), line_model=False)
        assert all(r.rule != "run_model" for r in plan.values())


def test_cleaning_twice_changes_nothing_more_on_train_pages():
    cfg = cleannews.CleanConfig(score_spin=False, quarantine=False)
    pages = [(rec["id"], doc) for rec, doc, _ in read_train_pages()]
    for page_id, doc in pages[::3]:
        if page_id in IDEMPOTENCE_KNOWN:  # recorded; tests/test_strip_fixes.py checks it
            continue
        once = cleannews.clean(doc, cfg).text
        assert cleannews.clean(once, cfg).text == once
