"""The strip stage's line model: shipped data, exact inference, explained and guarded removals.

Pages used here are from the TRAIN split of fixtures/strip_real only.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import cleannews
from _helpers import train_pages as read_train_pages
from cleannews.strip import linemodel
from cleannews.strip._assemble import split_lines
from cleannews.strip.detectors import classify_lines, judge_lines, title_line
from cleannews.strip.linemodel import (
    ALL_FEATURES,
    FEATURES,
    LineModel,
    article_lists,
    first_tokens,
    load_line_model,
    subheadings,
    token_odds,
)

ROOT = Path(__file__).parent.parent
REASON = re.compile(r"^line model \(p=(0\.\d\d|1\.00)\): [^,]+(?:, [^,]+){0,2}$")


@pytest.fixture(scope="module")
def train_pages():
    return [
        (rec, doc) for rec, doc, _ in read_train_pages()
    ]


def test_model_file_carries_its_provenance():
    m = load_line_model()
    assert m is not None
    assert m.meta["features"] == list(FEATURES)
    assert re.fullmatch(r"[0-9a-f]{64}", m.meta["training_data_sha256"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\dZ", m.meta["trained"])
    assert "TRAIN" in m.meta["training_data"]
    assert 0.5 <= m.remove_p <= 1.0 and 0.0 <= m.give_back_p < m.remove_p
    assert m.remove_list_p >= 0.85  # the article's lists / subheadings: strong evidence only
    # the development figures travel with the model: site-grouped CV on TRAIN pages
    assert m.meta["cv"]["grouped_by"] == "site"
    assert m.meta["cv"]["all"]["precision"] >= m.meta["cv"]["rules_only"]["precision"]


def test_compiled_trees_equal_the_reference_walk():
    m = load_line_model()
    rng = random.Random(7)
    values = [-1.0, 0.0, 0.1, 0.5, 1.0, 2.0, 3.0, 8.0, 30.0]
    for stage, n in ((m.stage1, len(FEATURES)), (m.stage2, len(ALL_FEATURES))):
        for _ in range(500):
            x = [rng.choice(values) for _ in range(n)]
            assert stage.raw(x) == pytest.approx(stage.raw_slow(x), abs=1e-9)
            # path contributions add up to the score (Saabas attribution)
            assert stage.init + sum(t[4][0] for t in stage.trees) + sum(
                stage.contributions(x)
            ) == pytest.approx(stage.raw(x), abs=1e-6)


def test_model_with_other_features_is_refused():
    m = load_line_model()
    data = {**m.meta, "features": ["n_words"], "stage1": {"init": 0.0, "trees": []}}
    with pytest.raises(ValueError, match="rebuild"):
        LineModel(data)


def test_every_model_removal_is_explained_and_guarded(train_pages):
    cfg = cleannews.CleanConfig(score_spin=False, quarantine=False)
    m = load_line_model()
    seen = 0
    for _, doc in train_pages:
        d = cleannews.clean(doc, cfg)
        for c in d.changes:
            if c.rule != "line_model":
                continue
            seen += 1
            assert REASON.match(c.reason), c.reason
            # list lines and subheadings go at remove_list_p, other lines at remove_p
            floor = min(m.remove_p, m.remove_list_p)
            assert float(c.reason.split("p=")[1][:4]) >= floor - 0.005
    # the model does remove lines on real pages. Trained on loso pages and held to the rules'
    # own content in CV (fifth round), it adds little where the rule files already serve the
    # page's site (2 lines on the TRAIN pages; it was 5+ when trained on served pages)
    assert seen >= 1


def test_model_never_touches_bylines_headline_or_prose(train_pages):
    m = load_line_model()
    for _, doc in train_pages[:120]:
        spans = split_lines(doc)
        before, _ = judge_lines(doc, spans, ("fr", "en"))
        headline = title_line(before)
        lists = article_lists(before)
        subs = subheadings(before)
        plan = classify_lines(doc, spans, ("fr", "en"))
        for i, r in plan.items():
            if r.rule != "line_model":
                continue
            ln = before[i]
            assert not ln.protected and i != headline
            assert ln.n <= 30
            assert any(ch.isalnum() for ch in ln.text)
            p = float(r.reason.split("p=")[1][:4])
            assert ln.cls != "good"  # sentence-like lines are never the model's to remove
            if i in lists or i in subs:  # the article's list or a subheading: stricter
                assert p >= m.remove_list_p - 0.005, r.reason
            else:
                assert p >= m.remove_p - 0.005, r.reason


def test_rules_only_switch():
    for p in (ROOT / "seeds").glob("*.txt"):
        doc = p.read_text("utf-8")
        plan = classify_lines(doc, split_lines(doc), ("fr", "en"), line_model=False)
        assert all(r.rule != "line_model" for r in plan.values())


def test_first_tokens():
    assert first_tokens("» Lire aussi : le budget") == ("lire", "lire aussi")
    assert first_tokens("   ") == ("", "")


def test_token_odds_reads_the_shipped_table():
    m = load_line_model()
    # words the training pages taught: interface words lean to furniture, article words not
    fur = token_odds(["abonnez", "vous", "newsletter"], m.odds)
    art = token_odds(["le", "gouvernement", "a", "annoncé", "mardi"], m.odds)
    assert fur[0] > art[0]
    assert token_odds(["zzzqx"], m.odds) == (0.0, 0.0, 0.0)


def test_subheading_above_a_paragraph_needs_the_stricter_threshold():
    body = (
        "Le NM990 n'est pas le plus rapide du marché, mais c'est le premier SSD PCIe 5.0 "
        "que l'on peut recommander sans réserve à un joueur qui veut monter en gamme."
    )
    doc = "\n".join([
        "Test du SSD NM990 : enfin du PCIe 5.0 abordable",
        "Par Julie Martin",
        body.replace("NM990", "disque"),
        "Partager sur Facebook",
        "Image",
        "Verdict",
        body,
        "Ajouter aux favoris",
    ])
    spans = split_lines(doc)
    lines, _ = judge_lines(doc, spans, ("fr", "en"))
    subs = subheadings(lines)
    assert 5 in subs and 1 in subs  # "Verdict", and the byline above the first paragraph
    assert 3 not in subs and 4 not in subs
    plan = classify_lines(doc, spans, ("fr", "en"))
    assert 5 not in plan  # the subheading stays between furniture
    assert plan[3].rule != "line_model"  # the share line goes by its rule


def _short_run_unbounded(short: list[bool], k: int) -> int:
    """The definition: capped length of the whole run of short lines holding ``k``."""
    if not short[k]:
        return 0
    a = k
    while a > 0 and short[a - 1]:
        a -= 1
    b = k
    while b + 1 < len(short) and short[b + 1]:
        b += 1
    return min(linemodel.CAP, b - a + 1)


def test_short_run_bounded_walk_equals_definition():
    """The bounded walk (linear on thousands of short lines) gives the capped run length."""
    rng = random.Random(12)
    for _ in range(400):
        n = rng.randint(1, 3 * linemodel.CAP)
        p = rng.random()
        short = [rng.random() < p for _ in range(n)]
        got = [linemodel._short_run(short, k) for k in range(n)]
        assert got == [_short_run_unbounded(short, k) for k in range(n)]
    long_run = [True] * 4000
    assert linemodel._short_run(long_run, 2000) == linemodel.CAP


def test_pattern_prefilters_never_skip_a_match(train_pages):
    """The cheap character tests in front of the date / time / link / inner-sentence
    patterns are only skips: wherever a pattern matches, its test lets it run."""
    lines = [ln for _, doc in train_pages for ln in doc.splitlines() if ln.strip()]
    # adversarial lines: each pattern's rarest branch, other scripts' digits, capitals
    lines += ["3 AGO", "posted AGO", "il y a ٣ min", "١٢/٠٣/٢٠٢٤", "@x", "#tag", "site.COM",
              "https://a", "Fin. Début", "Oui ? Non", "Oui… Non", "« Oui » Non", "12 h 30"]
    hits = dict.fromkeys(("date", "time", "linky", "inner"), 0)
    for text in lines:
        text = text[:600]
        digits = sum(map(str.isdigit, text))
        if linemodel._DATE.search(text):
            hits["date"] += 1
            assert digits, text
        if linemodel._TIME.search(text):
            hits["time"] += 1
            assert digits or "ago" in text.lower(), text
        if linemodel._LINKY.search(text):
            hits["linky"] += 1
            assert linemodel._maybe_linky(text), text
        if linemodel._INNER.search(text):
            hits["inner"] += 1
            assert linemodel._maybe_inner(text), text
    assert min(hits.values()) >= 10, hits
