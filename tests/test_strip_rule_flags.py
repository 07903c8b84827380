"""Rule properties as data: ``context_transparent``, ``opens_tail`` and ``closes_form`` (round
30) are set on the rules of the rule files (``strip/data/<lang>.json``) and loaded into the
frozensets the passes read (``detectors.CONTEXT_TRANSPARENT_RULES``,
``_zones.TAIL_OPENING_RULES``, ``_zones.FORM_CLOSING_RULES``).

The sets were written in the code until round 12; the loaded ones must be exactly those, so
moving them to the data changed no output (the strip and clean regression pins say so too).
A typo in a rule's field names the file and the rule instead of being ignored.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from cleannews.strip import _rules
from cleannews.strip._rules import RULE_FLAGS, check_rule_fields, flagged_rules
from cleannews.strip._zones import FORM_CLOSING_RULES, TAIL_OPENING_RULES
from cleannews.strip.detectors import CONTEXT_TRANSPARENT_RULES

#: The sets as the code wrote them before they moved to the rule files.
CODE_CONTEXT_TRANSPARENT = frozenset({
    "caption_bracket_credit_gen10", "caption_name_agency_gen10", "agency_credit_gen10",
    "tag_label_gen10", "tag_label_gen10_en", "tag_label_gen10_de", "tag_label_gen10_it",
    "tag_label_gen10_es",
    # strip16: a tag label, a photo credit, a caption closed by its credit
    "tag_label_gen16m", "photo_name_credit_gen16m", "caption_credit_tail_gen16m",
    # nav16: a link to the whole story elsewhere (set in fr.json from the start)
    "full_story_elsewhere_gen16n",
    # fresh30 (round 28): a rubric label alone ("Actualité", "Sucesos", "Novità")
    "section_label_alone", "section_label_alone_es", "section_label_alone_it",
    # rmiss32 (round 29): a section heading with its count of items ("Novità (13)")
    "section_count_label",
    # misses55 (round 40): category / value lines, result counts, "À la une", ad markers
    "category_value_r40", "search_count_r40", "a_la_une_r40", "ad_marker_r40",
    "ad_marker_r40_en", "ad_marker_r40_de", "ad_marker_r40_es", "ad_marker_r40_it",
})
CODE_TAIL_OPENING = frozenset({
    "related_heading_family", "related_heading_family_en", "related_heading_more_en",
    "widget_heading_more", "widget_more_es", "more_news_link", "related_heading_gen10",
    "related_heading_gen10_en", "related_heading_gen10_de", "related_heading_gen10_it",
    "related_heading_gen10_es",
})
#: Rules whose line ends a comment form (round 30): the WordPress.com form in 5 languages.
CODE_FORM_CLOSING = frozenset({
    "wpcom_comment_form", "wpcom_comment_form_en", "wpcom_comment_form_de",
    "wpcom_comment_form_es", "wpcom_comment_form_it",
})
#: Span rules that count only after a date line (round 35, glue48).
CODE_AFTER_DATE = frozenset({"reading_time_dated", "reading_time_dated_en", "share_label_dated"})


def _rules_by_name() -> dict[str, tuple[str, dict]]:
    out = {}
    for lang in _rules.RULE_LANGUAGES:
        for r in json.loads(_rules._data_text(f"{lang}.json"))["rules"]:
            assert r["name"] not in out, r["name"]  # a name is one rule: flags go by name
            out[r["name"]] = (lang, r)
    return out


def test_loaded_sets_are_the_ones_the_code_wrote():
    assert frozenset(CONTEXT_TRANSPARENT_RULES) == CODE_CONTEXT_TRANSPARENT
    assert frozenset(TAIL_OPENING_RULES) == CODE_TAIL_OPENING
    assert frozenset(FORM_CLOSING_RULES) == CODE_FORM_CLOSING
    assert isinstance(CONTEXT_TRANSPARENT_RULES, frozenset)
    assert isinstance(TAIL_OPENING_RULES, frozenset)


def test_every_flagged_rule_is_a_rule_of_its_kind():
    rules = _rules_by_name()
    for name in CODE_CONTEXT_TRANSPARENT | CODE_TAIL_OPENING:
        assert name in rules, name
    assert {rules[n][1]["kind"] for n in CODE_TAIL_OPENING} == {"line"}
    # the five languages each have their recommendation heading and tag label flagged
    assert {rules[n][0] for n in CODE_TAIL_OPENING} == set(_rules.RULE_LANGUAGES)
    assert {rules[n][0] for n in CODE_CONTEXT_TRANSPARENT} == set(_rules.RULE_LANGUAGES)
    assert {rules[n][1]["kind"] for n in CODE_FORM_CLOSING} == {"line"}
    assert {rules[n][0] for n in CODE_FORM_CLOSING} == set(_rules.RULE_LANGUAGES)


def test_every_shipped_rule_has_known_fields_only():
    for name, (lang, rule) in _rules_by_name().items():
        check_rule_fields(rule, f"{lang}.json")  # raises on a typo
        assert set(rule) <= _rules.RULE_FIELDS, name
    # a field the loader reads into a Rule is a known field (a new one must be added there)
    assert {f.name for f in dataclasses.fields(_rules.Rule)} <= _rules.RULE_FIELDS


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"name": "cap", "kind": "phrase", "context_transparant": True},
         "fr.json: rule 'cap' has unknown field(s) context_transparant"),
        ({"name": "cap", "kind": "phrase", "context_transparent": "yes"},
         "fr.json: rule 'cap': context_transparent is true or false, not 'yes'"),
        ({"name": "more", "kind": "prefix", "opens_tail": True},
         "fr.json: rule 'more' sets opens_tail, a flag of line rules only (it is a prefix rule)"),
    ],
    ids=["unknown_field", "flag_not_bool", "flag_on_wrong_kind"],
)
def test_a_bad_flag_is_refused_with_file_and_rule(rule, message):
    with pytest.raises(ValueError) as info:
        check_rule_fields(rule, "fr.json")
    assert str(info.value).startswith(message), str(info.value)


def test_a_false_flag_or_a_flag_on_its_own_kind_passes():
    check_rule_fields({"name": "more", "kind": "line", "opens_tail": True}, "fr.json")
    check_rule_fields({"name": "more", "kind": "prefix", "opens_tail": False}, "fr.json")
    check_rule_fields({"name": "cap", "kind": "span", "context_transparent": True}, "fr.json")


def test_an_unknown_flag_name_is_refused():
    with pytest.raises(ValueError, match="unknown rule flag 'tail_opening'"):
        flagged_rules("tail_opening")
    assert set(RULE_FLAGS) == {"context_transparent", "opens_tail", "closes_form", "after_date"}


def test_a_typo_in_a_shipped_rule_file_fails_the_load(monkeypatch):
    """The loader itself checks the files: a misspelt flag in de.json is named, not ignored
    (it would silently leave the rule out of the set)."""
    real = _rules._data_text

    def typo(name: str) -> str:
        text = real(name)
        if name == "de.json":  # two flagged rules since round 40 (ad_marker_r40_de)
            assert text.count('"context_transparent": true') == 2
            text = text.replace('"context_transparent": true', '"context_transparant": true', 1)
        return text

    monkeypatch.setattr(_rules, "_data_text", typo)
    _clear_rule_caches()
    try:
        with pytest.raises(ValueError, match=r"de\.json: rule 'tag_label_gen10_de' has unknown"):
            flagged_rules("context_transparent")
        # the rule loader reads the same checked file: it refuses the typo too
        with pytest.raises(ValueError, match=r"de\.json: rule 'tag_label_gen10_de' has unknown"):
            _rules.load_rules.__wrapped__(("fr", "de"))
    finally:
        monkeypatch.undo()
        _clear_rule_caches()
    assert flagged_rules("context_transparent") == CODE_CONTEXT_TRANSPARENT


def _clear_rule_caches() -> None:
    _rules._rule_file.cache_clear()
    _rules._rule_flags.cache_clear()


def test_each_rule_file_is_parsed_once_for_the_flags_and_the_rules(monkeypatch):
    """The flags and the compiled rules come from one read of each rule file
    (``_rules._rule_file``), not a second parse beside :func:`load_rules`."""
    real = _rules._data_text
    reads: list[str] = []

    def counting(name: str) -> str:
        reads.append(name)
        return real(name)

    monkeypatch.setattr(_rules, "_data_text", counting)
    _clear_rule_caches()
    try:
        flags = {flag: flagged_rules(flag) for flag in RULE_FLAGS}
        # load_rules's own cache is bypassed: a fresh RuleSet of two languages, then another
        rs = _rules.load_rules.__wrapped__(("fr", "en"))
        _rules.load_rules.__wrapped__(("en", "fr", "de"))
    finally:
        monkeypatch.undo()
        _clear_rule_caches()
    assert sorted(reads) == sorted(f"{lang}.json" for lang in _rules.RULE_LANGUAGES)
    assert flags == {"context_transparent": CODE_CONTEXT_TRANSPARENT,
                     "opens_tail": CODE_TAIL_OPENING, "closes_form": CODE_FORM_CLOSING,
                     "after_date": CODE_AFTER_DATE}
    assert rs.rules["line"] and rs.rules["phrase"]
