"""``CleanConfig.strip_recall``: an opt-in, recall-leaning strip setting (issue 10, round 30).

With it the line model and the run model remove a standing line from their lower recall
thresholds (``linemodel.RECALL_REMOVE_P`` / ``runmodel.RECALL_REMOVE_P``) instead of their
model files' ``remove_p``; every other limit stays (bylines, datelines, the headline's line,
sentence-like and long lines, the article's lists and subheadings). The default output does
not move (tests/test_strip_regression.py, tests/test_clean_regression.py). Real TRAIN pages,
read through ``_helpers.train_pages`` / ``train_doc``; the lines named are TRAIN lines labelled
furniture that the default leaves (development data).
"""

from __future__ import annotations

import json

import pytest

import cleannews
from _helpers import run_cli, sink_records, train_doc, train_pages
from cleannews import CleanConfig, ConfigError
from cleannews.strip import linemodel, runmodel, strip_text

DEFAULT = CleanConfig(score_spin=False)
RECALL = CleanConfig(score_spin=False, strip_recall=True)

#: (page, a TRAIN line labelled furniture the default keeps and strip_recall removes, rule)
MORE_FURNITURE = [
    ("de-d-0002", "Unsere Themenseiten", "line_model"),  # nav
    ("fr-d-0029", "Bannière", "line_model"),  # cms
    ("es-r27-0005", "Thumbnail", "line_model"),  # cms
    ("fr-b-0150", "Je rejoins", "line_model"),  # login
    ("en-r28-0001", "County News", "run_model"),  # meta, a section label
]
#: Batches whose every page the hard-limit test cleans both ways (the fresh TRAIN batches).
LIMIT_BATCHES = {f"{lang}-r{n}" for lang in ("fr", "en", "de", "es", "it") for n in (27, 28, 29)}


def _removed(text: str, config: CleanConfig) -> dict[tuple[int, int], object]:
    """The changes that remove text whole, by span."""
    return {c.span: c for c in strip_text(text, config).changes if c.after == ""}


@pytest.mark.parametrize(("page", "line", "rule"), MORE_FURNITURE)
def test_the_option_removes_furniture_the_default_keeps(page: str, line: str, rule: str) -> None:
    text, labelled = train_doc(page)
    assert any(lb.text.strip() == line and lb.label != "C" for lb in labelled), line
    kept = strip_text(text, DEFAULT).text.splitlines()
    assert line in [x.strip() for x in kept]
    taken = [c for c in _removed(text, RECALL).values() if c.before.strip() == line]
    assert [c.rule for c in taken] == [rule]
    # the explanation names the model, its p and the setting that lowered the threshold
    model = "line model" if rule == "line_model" else "run model"
    assert taken[0].reason.startswith(f"{model} (p=0.")
    assert ", strip_recall): " in taken[0].reason
    p = float(taken[0].reason.split("p=", 1)[1][:4])
    floor = linemodel.RECALL_REMOVE_P if rule == "line_model" else runmodel.RECALL_REMOVE_P
    assert floor - 0.005 <= p < (linemodel.load_line_model().remove_p if rule == "line_model"
                                 else runmodel.load_run_model().remove_p) + 0.005


def test_the_option_only_adds_model_removals_on_every_fresh_page() -> None:
    """On every page of the r27–r29 batches: what the default removes, strip_recall removes
    too (or a guard gives it back as before), and each line it adds is a line model's or a run
    model's, short, and not the page's headline, byline or a sentence-like paragraph."""
    from cleannews.strip._page import judge_page
    from cleannews.strip.detectors import plan_lines, title_line

    pages = train_pages(LIMIT_BATCHES)
    assert len(pages) > 100
    added_total = tagged_total = 0
    for rec, text, _ in pages:
        plans = []
        for recall in (False, True):
            page = judge_page(text, RECALL)
            lines = page.lines
            before = {
                i: (ln.protected, ln.cls, ln.n) for i, ln in enumerate(lines) if not ln.blank
            }
            headline = title_line(lines)
            plan = plan_lines(text, page.spans, lines, page.glued, page_stop=page.page_stop,
                              recall=recall)
            plans.append(plan)
        default, more = plans
        added = set(more) - set(default)
        added_total += len(added)
        for i in added:
            protected, cls, n = before[i]
            rule = more[i].rule
            assert rule in ("line_model", "run_model"), (rec["id"], i, rule)
            assert not protected and i != headline, (rec["id"], i)
            assert cls != "good", (rec["id"], i, "paragraph-like")
            limit = linemodel.MODEL_MAX_WORDS if rule == "line_model" else runmodel.RUN_MAX_WORDS
            assert n <= limit, (rec["id"], i, n)
        assert not set(default) - set(more), rec["id"]
        # the tag names exactly the setting's own removals: never a line the default removes
        # too (a list line or paragraph-like line the run model takes at its own threshold)
        assert not any("strip_recall" in r.reason for r in default.values()), rec["id"]
        tagged = {i for i, r in more.items() if "strip_recall" in r.reason}
        assert tagged <= added, (rec["id"], tagged - added)
        tagged_total += len(tagged)
    assert added_total >= 5  # the option does something on these pages
    assert tagged_total >= added_total // 2


def test_bylines_and_headline_stay_on_the_pages_the_option_changes() -> None:
    """The headline's line and every protected line (bylines, datelines) of a page the
    option changes are in its output."""
    from cleannews.strip._page import judge_page
    from cleannews.strip.detectors import title_line

    seen = 0
    for page, _, _ in MORE_FURNITURE:
        text, _ = train_doc(page)
        lines = judge_page(text, RECALL).lines
        keep = [ln.text.strip() for ln in lines if ln.protected and not ln.blank]
        h = title_line(lines)
        if h >= 0:
            keep.append(lines[h].text.strip())
        default = strip_text(text, DEFAULT).text.splitlines()
        out = strip_text(text, RECALL).text.splitlines()
        for line in keep:
            if line in default:  # a rule may cut a suffix off a headline: same both ways
                seen += 1
                assert line in out, (page, line)
    assert seen >= len(MORE_FURNITURE)


def test_thresholds_are_lower_than_the_models_and_never_raise_them() -> None:
    lm, rm = linemodel.load_line_model(), runmodel.load_run_model()
    assert linemodel.RECALL_REMOVE_P < lm.remove_p
    assert runmodel.RECALL_REMOVE_P < rm.remove_p
    assert linemodel.removal_threshold(lm) == lm.remove_p
    assert linemodel.removal_threshold(lm, True) == linemodel.RECALL_REMOVE_P
    # a model stricter than the recall point is not made looser than itself
    assert linemodel.removal_threshold(lm, True, 0.99) == lm.remove_p
    # lists and paragraph-like lines keep their own thresholds
    assert lm.remove_list_p > linemodel.RECALL_REMOVE_P
    assert rm.remove_good_p == 0.8 and rm.remove_list_p == 0.95


def test_default_is_off_and_the_default_output_is_the_same() -> None:
    assert CleanConfig().strip_recall is False
    text, _ = train_doc("de-d-0002")
    assert strip_text(text, DEFAULT).text == strip_text(
        text, CleanConfig(score_spin=False, strip_recall=False)).text
    # no explanation of the default names the setting
    assert not any("strip_recall" in c.reason for c in strip_text(text, DEFAULT).changes)


def test_the_library_takes_it() -> None:
    text, _ = train_doc("fr-d-0029")
    doc = cleannews.clean(text, config=CleanConfig(strip_recall=True, score_spin=False))
    assert "Bannière" not in doc.text.splitlines()
    assert "Bannière" in cleannews.clean(text, config=DEFAULT).text.splitlines()
    assert any(c.rule == "line_model" and "strip_recall" in c.reason for c in doc.changes)
    assert CleanConfig().replace(strip_recall=True).to_dict()["strip_recall"] is True


@pytest.mark.parametrize("bad", ["yes", 1, None, 0.85, "recall"])
def test_validation_names_the_option(bad) -> None:
    with pytest.raises(ConfigError, match="strip_recall must be true or false"):
        CleanConfig(strip_recall=bad)


def test_set_parsing_and_the_config_file() -> None:
    for text, value in (("on", True), ("true", True), ("1", True), ("off", False), ("no", False)):
        assert CleanConfig.from_strings({"strip_recall": text}).strip_recall is value
    with pytest.raises(ConfigError, match="strip_recall must be true or false, got 'recall'"):
        CleanConfig.from_strings({"strip_recall": "recall"})
    with pytest.raises(ConfigError, match="did you mean strip_recall"):
        CleanConfig.from_strings({"strip_recal": "on"})
    cfg = CleanConfig._from_toml(b"strip_recall = true\n", "c.toml")
    assert cfg.strip_recall is True
    with pytest.raises(ConfigError, match=r"c\.toml: strip_recall must be true or false"):
        CleanConfig._from_toml(b'strip_recall = "recall"\n', "c.toml")


def test_cli_set_flag(tmp_path) -> None:
    from cleannews.cli import build_parser
    from cleannews.cli._common import config_from_args

    for cmd in ("clean", "run"):
        extra = ["-o", str(tmp_path / "out")] if cmd == "run" else []
        args = build_parser().parse_args([cmd, "--set", "strip_recall=true", *extra, "x.txt"])
        assert config_from_args(args).strip_recall is True
    text, _ = train_doc("de-d-0002")
    src = tmp_path / "page.txt"
    src.write_text(text, encoding="utf-8")
    on = run_cli("clean", "--no-spin", "--set", "strip_recall=true", src)
    off = run_cli("clean", "--no-spin", src)
    assert on.returncode == off.returncode == 0, on.stderr
    assert "Unsere Themenseiten" in off.stdout.decode("utf-8")
    assert "Unsere Themenseiten" not in on.stdout.decode("utf-8")
    bad = run_cli("clean", "--set", "strip_recall=maybe", src)
    assert bad.returncode != 0 and b"strip_recall" in bad.stderr
    exp = run_cli("explain", "--json", "--no-spin", "--set", "strip_recall=true", src)
    assert exp.returncode == 0, exp.stderr
    assert "strip_recall): " in json.dumps(json.loads(exp.stdout), ensure_ascii=False)


def test_cleannews_run_takes_it(tmp_path) -> None:
    """``cleannews run --set strip_recall=true`` over a JSONL record of a real TRAIN page."""
    text, _ = train_doc("fr-d-0029")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "p", "text": text}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    texts = {}
    for flag in ("true", "false"):
        out = tmp_path / flag
        res = run_cli("run", src, "--out", out, "-j", "1", "-q", "--no-spin",
                      "--set", f"strip_recall={flag}")
        assert res.returncode == 0, res.stderr
        (rec,) = sink_records(out)["out"]
        texts[flag] = rec["cleannews"]["text"]
    assert "Bannière" in texts["false"].splitlines()
    assert "Bannière" not in texts["true"].splitlines()


def test_the_tag_is_not_on_removals_the_default_makes_too() -> None:
    """fr-a-0060: by default the run model removes paragraph-like teaser lines at its own
    ``remove_good_p`` (p 0.80–0.89, below its ``remove_p``); with the setting they are removed
    the same and their reasons do not name strip_recall (it did not make them)."""
    text, _ = train_doc("fr-a-0060")
    default = {s: c for s, c in _removed(text, DEFAULT).items() if c.rule == "run_model"}
    assert len(default) >= 3
    more = _removed(text, RECALL)
    for span, c in default.items():
        assert float(c.reason.split("p=", 1)[1][:4]) < runmodel.load_run_model().remove_p
        assert span in more and more[span].rule == "run_model"
        assert "strip_recall" not in more[span].reason, more[span].reason
