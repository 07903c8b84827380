"""The site-grouped CV of ``tools.strip_model.lost_lines`` runs the give-back guards (strip14).

The shipped strip stage gives back, after the line and run models, the article lines a
position rule or a model took (:func:`cleannews.strip._keep.give_back`, called by
:func:`cleannews.strip.detectors.plan_lines`). The CV tool scored the models' decisions
alone: 20 of its 48 "lost" content lines on TRAIN were lines the package keeps (a film list
printed between quote marks, a video's chapter list, date badges, a teaser's headline),
and none of them is dropped by the in-sample evaluation. These tests run the tool's
removals on real TRAIN pages against the package's own plan.
"""

from __future__ import annotations

import pytest

pytest.importorskip("numpy", reason="training tools need numpy")
pytest.importorskip("sklearn", reason="the run-model tool needs scikit-learn (train extra)")

from tools.strip_model import train as line_train
from tools.strip_model import train_runs
from tools.strip_model.lost_lines import lost_after_guards

from cleannews.strip.detectors import plan_lines

#: TRAIN pages whose article lines a position rule takes and a guard gives back: a list of
#: plays between lone quote marks (fr-f-0011), a video's chapters under their timecodes
#: (fr-e-0039), date badges "Jun / 16" above each item (de-e-0015).
PAGES = ("fr-f-0011", "fr-e-0039", "de-e-0015")


def _page(train_page, page_id: str) -> dict:
    doc, labelled = train_page(page_id)
    return line_train._page_dict({"id": page_id, "site": page_id, "lang": "fr"}, doc, labelled)


def _keys(pages):
    """``train_runs.base_removed`` on pages built here (none of them an extra page)."""
    return train_runs.base_removed([dict(pg, extra=False) for pg in pages])


@pytest.mark.parametrize("page_id", PAGES)
def test_cv_removals_are_the_packages(train_page, page_id):
    """With no model decision, the tool's removals are the lines the package's plan removes
    without the models (rules, then the guards); the old count (decisions alone) lost
    content lines the package keeps."""
    pg = _page(train_page, page_id)
    keys, y, rem = _keys([pg])
    before = [(ln.cls, ln.removal) for ln in pg["lines"]]
    fig, lost = lost_after_guards([pg], keys, y, rem, {})
    assert [(ln.cls, ln.removal) for ln in pg["lines"]] == before  # lines left as they were
    doc, _ = train_page(page_id)
    text, judged = line_train.serving_lines(doc)
    plan = plan_lines(text, judged.spans, judged.lines, judged.glued, line_model=False)
    shipped = {i for _, i in keys if i in plan and judged.lines[i].cls == "bad"}
    removed, _ = train_runs.guarded_removed([pg], keys, rem, {})
    assert {i for (_, i), r in zip(keys, removed, strict=True) if r} == shipped
    old = train_runs.figures_with(keys, y, rem, {})
    assert old["fp"] > fig["fp"]  # the decisions alone count given-back lines as lost
    assert all(x["text"] not in ("Phèdre", "Rita", "00:00:00", "Jun") for x in lost)


def test_run_model_removal_given_back(train_page):
    """A run-model removal of "Final cut" (between « and ».) is given back, as
    :func:`~cleannews.strip._keep.give_back_quoted` does at run time; the decisions alone
    counted it lost."""
    pg = _page(train_page, "fr-f-0011")
    keys, y, rem = _keys([pg])
    i = next(i for i, ln in enumerate(pg["lines"]) if ln.text == "Final cut")
    rem[keys.index((0, i))] = False  # as if the first stage had kept it …
    pg["lines"][i].cls, pg["lines"][i].removal = "amb", None
    ch = {(0, i): True}  # … and the run model took it
    assert train_runs.figures_with(keys, y, rem, ch)["fp"] == \
        train_runs.figures_with(keys, y, rem, {})["fp"] + 1
    _, lost = lost_after_guards([pg], keys, y, rem, ch)
    assert "Final cut" not in {x["text"] for x in lost}
