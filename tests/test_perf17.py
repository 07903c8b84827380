"""Seventeenth round's exact speed-ups (branch perf17): the fast paths answer as the slow ones.

* Phrase and span patterns are gated by their rule's ``requires`` literals when those weigh
  more than the pattern's own gate (:func:`_rules.rule_gate`):
  ``caption_credit_tail_gen16m`` ran on every line holding "cr". Each gated rule's
  ``requires`` must be in every match (checked on real lines and adversarial ones), the
  literals' characters must fold as ``regex`` matches them, and the hits must be those of
  the rule set without gates.
* :func:`html._values_hint` looks for multi-word hints only when a class token is a hint's
  first word (:func:`html._fenced_hint`) and writes ``_strong_token`` out: it must answer
  as the former function (kept below as the oracle) on every class list of the gold dev
  pages and on adversarial ones.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import cleannews
from _helpers import train_pages
from cleannews.strip import _rules as R
from cleannews.strip import html as H

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path("/work/cache/html-fr6")
LANGS = ("fr", "en", "de", "es", "it")
CREDIT = "caption_credit_tail_gen16m"


def _data(langs=LANGS) -> list[dict]:
    return [json.loads(R._data_text(f"{lang}.json")) for lang in langs]


def _requires_gated() -> list[tuple[str, str, R.Rule, R.LazyPattern]]:
    """(kind, rule name, rule, pattern) of every phrase / span pattern gated by ``requires``."""
    rs = R.load_rules(LANGS)
    out = []
    for kind, pats in (("phrase", rs._phrase_patterns), ("span", rs._span_patterns)):
        for rule, pat in pats:
            if rule.requires and R.rule_gate(pat.pattern, rule.requires) is rule.requires:
                out.append((kind, rule.name, rule, pat))
    return out


#: Lines that hold a credit word or its look-alikes (every case, glued, decomposed, with
#: characters that fold to several), and lines with "cr" words only.
ADVERSARIAL = [
    "Le synode sur l'avenir de l'Eglise 2023 Crédit photo Hans Lucas",
    "… Paris, 21 septembre 2024. Crédit photo Corinne SIMON / Hans Lucas.",
    "Le moulin au Nébouzan Crédits : LA",
    "La plage à Gosier_2020_Credit Christine Moustapha",
    "LA PLAGE À GOSIER_2020_CREDIT CHRISTINE MOUSTAPHA",
    "le pont neuf crédits photos : Jean Dupont",
    "LE PONT NEUF CRÉDIT PHOTO : JEAN DUPONT",
    "Il ponte Credito fotografico: Mario Rossi",
    "El puente créditos de la foto: Ana López",
    "Die Brücke Bildnachweis: Max Mustermann",
    "The bridge photo credit: John Smith",
    "The bridge Image Credits: John Smith & Jane Doe",
    "Le pont Cre\u0301dit photo Hans Lucas",
    "Le pont CREDİT : Ali Veli",
    "Le pont Credıt : Ali Veli",
    "Der Straße Credit: Groß",
    "Le pont ﬁn Crédit : Hans Lucas",
    "Le décret a été écrit en pleine crise, sur un ton sucré et cru.",
    "Credit Suisse serait envisagée pour le rachat",
    "le siège du Crédit Mutuel Arkéa",
    "Crédit : " + "A" * 30,
    " crédit:" * 200 + " Jean",
    "cr" * 5000,
]


@pytest.fixture(scope="module")
def lines() -> list[str]:
    """TRAIN lines of ``fixtures/strip_real`` (repaired), their case variants, and
    :data:`ADVERSARIAL`."""
    out = []
    for _, doc, _ in train_pages():
        out += [x.strip() for x in cleannews.repair(doc).text.split("\n") if x.strip()]
    out += [x.upper() for x in out[::5]] + [x.lower() for x in out[2::5]]
    return out + ADVERSARIAL


def test_the_credit_pattern_is_gated_by_its_credit_words():
    gated = {name for _, name, _, _ in _requires_gated()}
    assert CREDIT in gated
    rs = R.load_rules(("fr",))
    rule = next(r for r in rs.rules["phrase"] if r.name == CREDIT)
    assert R.pattern_gate(rule.patterns[0]) == ("cr", "cred", "photo cred", "mage cred",
                                                 "ldnachwe")
    assert R.rule_gate(rule.patterns[0], rule.requires) == ("crédit", "credit", "bildnachweis")


class _Counting:
    """A pattern that counts its runs (``match`` / ``finditer``)."""

    def __init__(self, pat: R.LazyPattern) -> None:
        self.pat, self.pattern, self.runs = pat, pat.pattern, 0

    def match(self, *a, **kw):
        self.runs += 1
        return self.pat.match(*a, **kw)

    def search(self, *a, **kw):
        self.runs += 1
        return self.pat.search(*a, **kw)

    def finditer(self, *a, **kw):
        self.runs += 1
        return self.pat.finditer(*a, **kw)


@pytest.mark.parametrize("line, runs, hit", [
    ("Le décret a été écrit en pleine crise, sur un ton sucré et cru.", 0, False),
    ("La croissance a crû de 2 % : un record pour le secteur du crédit.", None, False),
    ("Le synode sur l'avenir de l'Eglise 2023 Crédit photo Hans Lucas", None, True),
])
def test_the_credit_pattern_runs_only_on_lines_with_a_credit_word(line, runs, hit):
    """On main the pattern ran on the first line (its gate was "cr")."""
    rs = R.RuleSet(_data(("fr",)))
    k = next(i for i, (r, _) in enumerate(rs._phrase_patterns) if r.name == CREDIT)
    counting = _Counting(rs._phrase_patterns[k][1])
    rs._phrase_patterns[k] = (rs._phrase_patterns[k][0], counting)
    text = R.match_text(line)
    low = text[: R.MAX_SCAN_CHARS].casefold()
    plan = rs.plan(set(regex.findall(r"\w+", low)), low)
    assert k in {i for _, ks in plan[1] for i in ks}  # the trigger ("cr") still fires
    got = rs.phrases(text, low, plan)
    assert (CREDIT in {r.name for r, _, _ in got}) is hit
    if runs is not None:
        assert counting.runs == runs
    else:
        assert counting.runs >= 1


def test_requires_literals_are_in_every_match(lines):
    """For each pattern gated by its rule's ``requires``: every match (anywhere in the
    line, the whole scan) holds one of the literals, case-folded. Gates are read only on
    lines whose case folding keeps their length (``RuleSet._run`` scans the others whole,
    ungated): ``regex`` matches "İ" for "i" ("CREDİT : Ali Veli"), which folds to two
    characters."""
    gated = _requires_gated()
    assert len(gated) >= 3
    n = 0
    for text in lines:
        scan = R.match_text(text)[: R.MAX_SCAN_CHARS]
        if len(scan.casefold()) != len(scan):
            continue
        for _, name, rule, pat in gated:
            for m in pat.finditer(scan):
                if m.end() > m.start():
                    n += 1
                    got = m.group().casefold()
                    assert any(lit in got for lit in rule.requires), (name, m.group())
    assert n >= 15


def test_requires_literal_characters_fold_as_regex_matches_them():
    """The gate reads a literal in the case-folded line where ``regex`` matched it
    case-insensitively: for every character that folds to one character, the two agree on
    every character of the gated rules' ``requires`` (all of Unicode; a line with a
    character that folds to several is scanned without gates)."""
    chars = {c for _, _, rule, _ in _requires_gated() for lit in rule.requires for c in lit}
    assert {"c", "r", "é", "d", "i", "t"} <= chars
    every = "".join(chr(c) for c in range(0x110000)
                    if not 0xD800 <= c <= 0xDFFF and len(chr(c).casefold()) == 1)
    wrong = [(x, m.group()) for x in sorted(chars)
             for m in regex.finditer(regex.escape(x), every, regex.IGNORECASE | regex.V0)
             if m.group().casefold() != x.casefold()]
    assert not wrong, wrong[:10]


def test_phrase_and_span_hits_equal_without_gates(lines, monkeypatch):
    """The rule set with its gates (``requires`` among them) finds what the rule set
    without any gate finds (``REFERENCE_ALWAYS``), line by line."""
    gated = R.RuleSet(_data())
    with monkeypatch.context() as m:
        m.setattr(R, "REFERENCE_ALWAYS", True)
        plain = R.RuleSet(_data())
    credit_hits = 0
    for text in lines:
        text = R.match_text(text)
        low = text[: R.MAX_SCAN_CHARS].casefold()
        a = [(r.name, s, e) for r, s, e in gated.phrases(text, low)]
        assert a == [(r.name, s, e) for r, s, e in plain.phrases(text, low)], text[:200]
        b = [(r.name, s, e) for r, s, e in gated.spans(text, low)]
        assert b == [(r.name, s, e) for r, s, e in plain.spans(text, low)], text[:200]
        credit_hits += any(x[0] == CREDIT for x in a)
    assert credit_hits >= 8


# --- _values_hint ------------------------------------------------------------------------

def _former_values_hint(raw_values, gated_tag):
    """``_values_hint`` as it was before perf17 (main at 211bb23): the oracle."""
    values = [v.lower() for v in raw_values]
    per_value = [H._value_tokens(v) for v in raw_values]
    toks = [t for vt in per_value for t in vt]
    named = H._content_values(per_value)  # html20: "font-body" names no article
    joined0 = "-" + "-".join(toks) + "-"
    if any(f"-{h}-" in joined0 for h in H.SHARE_QUOTE_HINTS):
        return None
    strong = next((x for x in (*values, *toks) if H._strong_token(x)), None)
    if strong is None and H._PHRASE_HINTS:
        joined = "-" + "-".join(toks) + "-"
        strong = next((h for h in H._PHRASE_HINTS if f"-{h}-" in joined), None)
    if strong is None:  # html19: an author word and a bio word in one value
        strong = H._author_bio(per_value)
    if strong is not None and strong in H.GATED_TEXT_TOKENS and gated_tag:
        return None
    if strong is not None:
        pairs = enumerate(zip(values, per_value, strict=True))
        where = [i for i, (v, vt) in pairs if strong in (v, *vt)]
        first = min(where) if where else 0
        others = [t for vt in named[:first] for t in vt]
        if strong in H.GATED_TEXT_TOKENS and any(
            i not in where and not H.CONTENT_TOKENS.isdisjoint(vt)
            for i, vt in enumerate(named)
        ):
            return None
        if not H.CONTENT_TOKENS.isdisjoint(others if where else [t for vt in named for t in vt]):
            return (strong, "weak")
        if where and all(H._in_modifier(raw_values[i], strong) for i in where):
            return (strong, "weak")
        return (strong, "strong")
    meta = next((x for x in (*values, *toks) if x in H.META_HINTS), None)
    if meta is None and H._META_PHRASES:
        joined = "-" + "-".join(toks) + "-"
        meta = next((h for h in H._META_PHRASES if f"-{h}-" in joined), None)
    if meta is not None:
        return (meta, "meta")
    if not H.CONTENT_TOKENS.isdisjoint([t for vt in named for t in vt]):
        return None
    weak = next((x for v, vt in zip(values, per_value, strict=True)
                 if not v.startswith(H.BUILDER_PREFIXES) for x in (v, *vt)
                 if x in H.WEAK_HINTS), None)
    return (weak, "weak") if weak is not None else None


def _gold_value_lists(n: int = 40) -> list[tuple[tuple[str, ...], bool]]:
    """The ``(raw values, gated tag)`` keys ``_values_hint`` is asked on the first ``n``
    gold dev pages (empty when the cache is absent)."""
    if not (GOLD / "manifest.jsonl").is_file():
        return []
    dev = json.loads((ROOT / "benchmarks" / "html_gold_split.json").read_text("utf-8"))["dev"]
    files = {}
    for line in (GOLD / "manifest.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            files[row["id"]] = row["file"]
    keys = set()
    cfg = cleannews.CleanConfig()
    real = H._values_hint

    def record(raw, gated):
        keys.add((raw, gated))
        return real(raw, gated)

    H._values_hint = record
    try:
        for k in dev[:n]:
            html = (GOLD / "pages" / f"{files[k]}.html").read_text("utf-8", "replace")
            H.html_to_text(html, cfg)
    finally:
        H._values_hint = real
    return sorted(keys)


def _hint_words() -> list[str]:
    words = set()
    for table in (H.CLASS_HINTS, H.META_HINTS, H.WEAK_HINTS, H.CONTENT_TOKENS,
                  H.GATED_TEXT_TOKENS, H.SHARE_QUOTE_HINTS, H.PREFIX_EXCEPTIONS):
        for h in table:
            words.add(h)
            words.update(h.split("-"))
    words.update(p + "x" for p in H.STRONG_PREFIXES)
    words.update(b + "widget" for b in H.BUILDER_PREFIXES)
    words.update(H.STYLE_PREFIXES)
    return sorted(w for w in words if w)


def _adversarial_value_lists() -> list[tuple[tuple[str, ...], bool]]:
    """Class lists made of hint words: runs of a multi-word hint's words in one value and
    across values, camelCase, BEM modifiers, with and without content words."""
    rnd = random.Random(17)
    words = _hint_words()
    out = []
    for h in (*H._PHRASE_HINTS, *H._META_PHRASES, *H.SHARE_QUOTE_HINTS):
        parts = h.split("-")
        out += [((h,), False), (("bloc-" + h,), True), (("x", h + "-box"), False),
                (tuple(parts), False), (("".join(p.title() for p in parts) + "Box",), False),
                (("entry", "post-" + h), True), ((h.replace("-", "_"),), False),
                (("a__b--" + h,), False), ((parts[0],), False)]
    for _ in range(3000):
        vals = tuple("-".join(rnd.choice(words) for _ in range(rnd.randint(1, 4)))
                     for _ in range(rnd.randint(1, 4)))
        out.append((vals, rnd.random() < 0.3))
    return out


def test_values_hint_equals_the_former_function():
    keys = _gold_value_lists() + _adversarial_value_lists()
    assert len(keys) > 3000
    new = H._values_hint.__wrapped__
    differ = [k for k in keys if new(*k) != _former_values_hint(*k)]
    assert not differ, differ[:5]
    kinds = {(new(*k) or (None, None))[1] for k in keys}
    assert kinds == {None, "strong", "weak", "meta"}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(sorted({w for h in _hint_words() for w in h.split("-")}
                                       | {"", "x", "a", "b", "lire", "aussi"})), max_size=8))
def test_fenced_hint_equals_the_joined_scan(toks):
    toks = [t for t in toks if t]  # class tokens: never empty, no hyphen
    joined = "-" + "-".join(toks) + "-"
    for hints, heads, fenced in ((H._PHRASE_HINTS, H._PHRASE_HEADS, H._PHRASE_FENCED),
                                 (H._META_PHRASES, H._META_HEADS, H._META_FENCED),
                                 (H.SHARE_QUOTE_HINTS, H._SHARE_QUOTE_HEADS,
                                  H._SHARE_QUOTE_FENCED)):
        want = next((h for h in hints if f"-{h}-" in joined), None)
        assert H._fenced_hint(toks, heads, fenced) == want, (toks, want)


def test_hint_tables_have_no_empty_word():
    """``_fenced_hint``'s shortcut reads a hint's first word as a whole token: no hint is
    empty or has an empty word (a token is never empty and holds no hyphen)."""
    for h in (*H._PHRASE_HINTS, *H._META_PHRASES, *H.SHARE_QUOTE_HINTS):
        assert h and all(h.split("-")), h
    assert all(H._TOKEN.fullmatch(t) and "-" not in t for t in H._value_tokens("a-B_c dEf"))


def test_class_lists_without_a_first_word_are_not_searched(monkeypatch):
    """A class list none of whose tokens opens a multi-word hint does not scan the hints
    (main tested the 37 fenced strings of every class list it had not seen)."""
    scanned = []

    class Spy(tuple):
        def __iter__(self):
            scanned.append(1)
            return super().__iter__()

    monkeypatch.setattr(H, "_PHRASE_FENCED", Spy(H._PHRASE_FENCED))
    monkeypatch.setattr(H, "_META_FENCED", Spy(H._META_FENCED))
    plain = ("qx-content", "entry", "clearfix", "single-12345")
    toks = [t for v in plain for t in H._value_tokens(v)]
    assert H._PHRASE_HEADS.isdisjoint(toks) and H._META_HEADS.isdisjoint(toks)
    assert H._values_hint.__wrapped__(plain, False) is None
    assert scanned == []
    got = H._values_hint.__wrapped__(("bloc-lire-aussi",), False)
    assert scanned and got == ("lire-aussi", "strong")
