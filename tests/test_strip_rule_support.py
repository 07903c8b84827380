"""The strip models' pattern-support tool (``tools/strip_model/rule_support.py``), real pages.

The models are trained on TRAIN pages judged without the rule patterns only their own site
fires (``STRIP_MODEL_RULES=loso``). That is only the new-site case if dropping a pattern
really stops it from taking the line, and if the rule files are whole again afterwards (the
rule loader is cached: a leak would change every later judgement in the process). TRAIN
pages only.
"""

from __future__ import annotations

from pathlib import Path

from tools.strip_model.rule_support import judge_without, removed_patterns
from tools.strip_model.train import SERVING_CONFIG, read_train_corpus

from cleannews import repair
from cleannews.strip._page import judge_page

CORPUS = Path(__file__).parent.parent / "fixtures" / "strip_real"
PAGES = 60


def _rule_removals():
    """(text, line index, rule, patterns) of lines a data-file rule removes on TRAIN pages."""
    for _, doc, _ in read_train_corpus(CORPUS)[:PAGES]:
        text = repair(doc, SERVING_CONFIG).text
        page = judge_page(text, SERVING_CONFIG)
        for i, found in removed_patterns(page.lines, page.languages).items():
            yield text, i, page.lines[i].removal.rule, found


def test_dropped_patterns_stop_taking_the_line_and_come_back():
    checked = 0
    for text, i, rule, found in _rule_removals():
        drop = {(lang, name, p) for lang, name, p in found}
        without = judge_without(text, SERVING_CONFIG, drop).lines[i]
        assert without.removal is None or without.removal.rule != rule, (without.text, rule)
        again = judge_page(text, SERVING_CONFIG).lines[i]  # the rule files are whole again
        assert again.removal is not None and again.removal.rule == rule, (again.text, rule)
        checked += 1
        if checked >= 8:
            break
    assert checked >= 8, "too few rule removals on the first TRAIN pages"
