"""``ftfy_steps.fix_and_explain`` gives exactly what ``ftfy.fix_and_explain`` gives."""

from __future__ import annotations

import ftfy
from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews._input import fix_surrogates
from cleannews.repairs import _ftfy_config
from cleannews.repairs.ftfy_steps import fix_and_explain

FRAGMENTS = ["é", "Ã©", "â€™", "Ã\u00a0", "\u00ad", "\x85", "\x93", "ﬁ", "Ｆ", "\r\n", "\r",
             "\x1b[31m", "\ud800", "\ud83d\ude00", "\u2019", "“", "e\u0301", "\x00", "\u2028",
             "Î³", "Ð¼", "a", " ", "\ufeff", "√©", "Ă©"]
# surrogates never reach the repair steps: input decoding joins pairs and replaces lone
# ones first (cleannews._input.fix_surrogates), so the property is checked on its output
texts = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join),
).map(lambda t: fix_surrogates(t)[0])


@settings(max_examples=400, deadline=None)
@given(texts, st.booleans(), st.booleans(), st.booleans())
def test_same_text_and_plan_as_ftfy(text: str, keep: bool, encoding: bool, controls: bool) -> None:
    cfg = _ftfy_config(keep, encoding, controls)
    ours = fix_and_explain(text, cfg)
    theirs = ftfy.fix_and_explain(text, cfg)
    plan = [tuple(s) for s in theirs.explanation]
    assert ours[0] == theirs.text
    # the same plan, except that ftfy may record one more encoding round that changes
    # nothing (e.g. on "é\xad\ufffd\ufffd"): ours is then a prefix of it, and the rest
    # of ftfy's plan is a no-op on the text ours gives
    assert ours[1] == plan[: len(ours[1])]
    if len(ours[1]) < len(plan):
        assert ftfy.apply_plan(ours[0], plan[len(ours[1]) :]) == ours[0]


def test_same_as_ftfy_on_ftfy_test_cases() -> None:
    import json
    from pathlib import Path

    cases_dir = Path(__file__).resolve().parents[2] / "shared" / "peer" / "ftfy-test-cases"
    cases = [c for p in sorted(cases_dir.glob("*.json")) for c in json.loads(p.read_text("utf-8"))]
    if not cases:
        import pytest

        pytest.skip(f"ftfy's test cases not found in {cases_dir}")
    for case in cases:
        for text in (case["original"], case["original"].encode("utf-8").decode("latin-1")):
            cfg = _ftfy_config(True, True, True)
            theirs = ftfy.fix_and_explain(text, cfg)
            assert fix_and_explain(text, cfg) == (
                theirs.text,
                [tuple(s) for s in theirs.explanation],
            )
