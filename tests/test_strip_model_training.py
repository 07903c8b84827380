"""The strip models are trained on the features they are served: no training/serving skew.

The training tools (``tools/strip_model``) read each page through the function the strip
stage calls (:func:`cleannews.strip._page.judge_page`: the page's own rule files for
de/es/it pages). These tests run real TRAIN pages of each language through
``cleannews.clean`` and through the training tool's feature extraction and compare the
feature vectors the models score. They also check that the training corpus leaves out
every held-out list of ``split.json``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

# the feature extraction of the training tools needs numpy (installed with py3langid),
# not scikit-learn: it is imported only where a model is fitted, so this runs in CI
pytest.importorskip("numpy", reason="training tools need numpy")

from tools.strip_model import train as line_train

import cleannews
from cleannews.strip import linemodel, runmodel
from cleannews.strip._assemble import Removal, split_lines
from cleannews.strip.detectors import _key, _stoplists, judge_lines, title_line
from cleannews.strip.linemodel import apply_line_model, load_line_model

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "fixtures" / "strip_real"
#: TRAIN pages per language compared (the first ones, in manifest order, that the models score).
PER_LANGUAGE = 3


@pytest.fixture(scope="module")
def train_docs():
    """{lang: [document, …]} of TRAIN pages (as the training tool reads them)."""
    out: dict[str, list[str]] = {}
    for rec, doc, _ in line_train.read_train_corpus(CORPUS):
        out.setdefault(rec["lang"], []).append(doc)
    return out


def _serving(doc: str, monkeypatch):
    """Feature vectors the line and run models scored when ``cleannews.clean`` ran on ``doc``."""
    seen_line: dict[int, list[float]] = {}
    seen_run: dict[int, list[float]] = {}
    real_line, real_run = linemodel.iter_line_features, runmodel.iter_run_features

    def spy_line(*a, **kw):  # the model scores the vectors as they come (a generator)
        for i, x in real_line(*a, **kw):
            seen_line[i] = x
            yield i, x

    def spy_run(*a, **kw):
        for i, x in real_run(*a, **kw):
            seen_run[i] = x
            yield i, x

    with monkeypatch.context() as m:
        m.setattr(linemodel, "iter_line_features", spy_line)
        m.setattr(runmodel, "iter_run_features", spy_run)
        cleannews.clean(doc)
    return seen_line, seen_run


def _training(doc: str):
    """The training tool's line features (with the shipped odds) and run features (over the
    shipped line model's decisions) of ``doc``."""
    model = load_line_model()
    _, page = line_train.serving_lines(doc)
    pg = {"lines": page.lines, "page_stop": page.page_stop}
    feats = line_train.page_rows([pg], model.odds)[0]["feats"]
    # the run model's training rows: the same lines after the line model
    lines = page.lines
    h = title_line(lines)
    stop = _stoplists()[page.page_stop]
    probs = apply_line_model(lines, stop, h, lines[h].key() if h >= 0 else "", _key, Removal)
    states = runmodel.line_states(lines, h)
    cands = runmodel.run_candidates(lines, states, probs)
    run = runmodel.run_features(lines, states, probs, cands)
    return feats, run, page.languages


@pytest.mark.parametrize("lang", ["fr", "en", "de", "es", "it"])
def test_training_features_equal_serving_features(lang, train_docs, monkeypatch):
    compared = 0
    for doc in train_docs[lang]:
        served_line, served_run = _serving(doc, monkeypatch)
        if not served_line:
            continue  # the model scores nothing on this page
        feats, run, languages = _training(doc)
        if lang in ("de", "es", "it"):
            assert lang in languages, (lang, languages)  # the page's own rule file is read
        for i, x in served_line.items():
            assert feats[i] == x, (lang, i)
        for i, x in served_run.items():
            assert run[i] == x, (lang, i)
        compared += 1
        if compared == PER_LANGUAGE:
            break
    assert compared == PER_LANGUAGE, f"only {compared} {lang} pages scored by the model"


def test_own_language_rules_change_features(train_docs):
    """The comparison above can fail: with the fr/en rule files only (the old training),
    the rule-hit features of some de/es/it TRAIN pages differ from the served ones."""
    differing = 0
    for lang in ("de", "es", "it"):
        for doc in train_docs[lang][:10]:
            text, page = line_train.serving_lines(doc)
            old, _ = judge_lines(text, split_lines(text), ("fr", "en"))
            differing += any(
                a.cls != b.cls or (a.removal and a.removal.rule) != (b.removal and b.removal.rule)
                for a, b in zip(old, page.lines, strict=True)
            )
    assert differing >= 3


def test_held_out_lists_never_trained_on(tmp_path):
    """Every ``*_ids`` / ``*_sites`` list of split.json is held out, with the held-out
    ids' sites; pages from new manifests are read."""
    split = json.loads((CORPUS / "split.json").read_text("utf-8"))
    ids, sites = line_train.held_out(split)
    listed = {s for k, v in split.items() if k.endswith("_sites") for s in v}
    assert split["test_sites"] and sites == listed
    train = line_train.read_train_corpus(CORPUS)
    assert train and all(r["id"] not in ids and r["site"] not in sites for r, _, _ in train)
    # a copy of the corpus with a new "test3_ids" list: that page and its site leave the train set
    (tmp_path / "manifests").mkdir()
    shutil.copytree(CORPUS / "pages", tmp_path / "pages")
    for mf in (CORPUS / "manifests").glob("*.jsonl"):
        shutil.copy(mf, tmp_path / "manifests" / mf.name)
    shutil.copy(CORPUS / "unscored.json", tmp_path / "unscored.json")
    victim = train[0][0]
    same_site = [r["id"] for r, _, _ in train if r["site"] == victim["site"]]
    split["test3_ids"] = [victim["id"]]
    (tmp_path / "split.json").write_text(json.dumps(split), "utf-8")
    train2 = line_train.read_train_corpus(tmp_path)
    left = {r["id"] for r, _, _ in train2}
    assert len(train2) == len(train) - len(same_site)
    assert victim["id"] not in left and not set(same_site) & left
