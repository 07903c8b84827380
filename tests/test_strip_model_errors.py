"""The error-analysis tool of the strip models (``tools/strip_model/errors.py``) on real pages.

Its position ("before / in / after the article body") must be the line model's own
``before_first_body`` / ``after_last_body`` features, and its reasons must name what the
stage really did (the headline's line, protected lines, paragraph-like lines), or the
analysis describes another model than the one served. TRAIN pages only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("sklearn", reason="the error tool cross-validates with scikit-learn")

from tools.strip_model import errors
from tools.strip_model import train as line_train

from cleannews.strip.detectors import _key, _stoplists, title_line
from cleannews.strip.linemodel import FEATURES, MODEL_MAX_WORDS, line_features, load_line_model

CORPUS = Path(__file__).parent.parent / "fixtures" / "strip_real"
PAGES = 40
_F = {name: k for k, name in enumerate(FEATURES)}


@pytest.fixture(scope="module")
def judged():
    """(lines, headline) of the first TRAIN pages as the training tools read them."""
    out = []
    for _, doc, _ in line_train.read_train_corpus(CORPUS)[:PAGES]:
        _, page = line_train.serving_lines(doc)
        out.append((page.lines, page.page_stop, title_line(page.lines)))
    return out


def test_body_side_is_the_line_models_body(judged):
    odds = load_line_model().odds
    sides = set()
    for lines, stop, h in judged:
        tk = _key(lines[h].key_text or lines[h].text) if h >= 0 else ""
        feats = line_features(lines, _stoplists()[stop], odds, h, tk, _key)
        for i, side in errors.body_side(lines).items():
            x = feats[i]
            before, after = x[_F["before_first_body"]], x[_F["after_last_body"]]
            want = ("none" if before and after else "before" if before
                    else "after" if after else "in")
            assert side == want, (i, lines[i].text[:60])
            sides.add(side)
    assert {"before", "in", "after"} <= sides


def test_miss_reasons_name_what_the_stage_did(judged):
    seen = set()
    for lines, _, h in judged:
        pg = {"lines": lines, "headline": h, "probs": {}}
        for i, ln in enumerate(lines):
            if ln.blank:
                continue
            r = errors.miss_reason(pg, i)
            seen.add(r)
            if i == h:
                assert r == "headline"
            elif ln.protected:
                assert r == "protected"
            elif ln.cls == "good" and ln.n <= MODEL_MAX_WORDS:
                assert r == "prose"
    assert {"headline", "protected", "prose", "unscored"} <= seen
