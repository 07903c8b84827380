"""Which TRAIN sites each rule pattern fires on, and pages judged without their own site's patterns.

    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.rule_support      # summary

The rule files (``strip/data/{fr,en,de,es,it}.json``) were written while reading the TRAIN
pages, so in the site-grouped cross-validation of the models the rules are **in-sample**:
a held-out site's furniture is often removed by a pattern written for that very site, and
the models learn from (and are judged on) pages where the rules fire more than on a new
site. This module measures it and simulates the new-site case (development only; nothing
held out is read):

* :func:`pattern_support`: for every line a data-file rule removed on a TRAIN page, the
  patterns of that rule that match the line; each pattern's *support* is the set of sites
  where it took a line;
* :func:`own_site_patterns`: per site, the patterns whose support is that site alone (most
  likely written from its pages);
* :func:`judge_without`: a page judged by :func:`cleannews.strip._page.judge_page` with the
  rule files minus some patterns (the rule loader reads patched data; its cache is cleared
  before and after).

``tools.strip_model.train`` uses them with ``STRIP_MODEL_RULES=loso`` ("leave one site
out" rules; the default ``served`` reads the rule files as shipped): every real TRAIN page is
then judged without its own site's patterns, for the models' training rows and for the CV
figures (``STRIP_MODEL_EVAL_RULES`` judges the CV pages another way than the training pages).
"""

from __future__ import annotations

import json
from collections import defaultdict
from contextlib import contextmanager

import regex

# RULE_LANGUAGES (the rule languages with a data file) is cleannews.config's, not a copy
from cleannews.config import RULE_LANGUAGES  # noqa: F401
from cleannews.strip import _rules
from cleannews.strip._page import judge_page
from cleannews.strip._rules import load_rules, match_text
from cleannews.strip.linemodel import SOFT_RULES, _is_hard


def rule_patterns(languages) -> dict[str, list[tuple[str, str]]]:
    """Rule name -> [(language, pattern)] over the data files of ``languages``.

    >>> pats = rule_patterns(("fr",))
    >>> all(lang == "fr" for lang, _ in pats["newsletter_signup"])
    True
    """
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for lang in languages:
        data = json.loads(_rules._data_text(f"{lang}.json"))
        for r in data.get("rules", ()):
            for p in r["patterns"]:
                out[r["name"]].append((lang, p))
    return out


_COMPILED: dict[str, regex.Pattern | None] = {}


def _compiled(p: str) -> regex.Pattern | None:
    """A rule pattern compiled as the rule set compiles phrase patterns (None if invalid)."""
    if p not in _COMPILED:
        try:
            _COMPILED[p] = regex.compile(p, regex.IGNORECASE | regex.V0)
        except regex.error:
            _COMPILED[p] = None
    return _COMPILED[p]


def matching_patterns(text: str, pats: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The patterns of ``pats`` found in ``text`` (a superset of the one that fired: line and
    prefix rules are anchored when served, searched here).

    >>> matching_patterns("Lire aussi :", [("fr", "lire aussi"), ("fr", "voir")])
    [('fr', 'lire aussi')]
    """
    low = match_text(text).casefold()
    out = []
    for lang, p in pats:
        c = _compiled(p)
        if c is not None and c.search(low):
            out.append((lang, p))
    return out


def removed_patterns(lines, languages) -> dict[int, list[tuple[str, str, str]]]:
    """Line index -> [(language, rule name, pattern)] of each line a data-file rule removed."""
    pats = rule_patterns(languages)
    out = {}
    for i, ln in enumerate(lines):
        r = ln.removal
        if ln.blank or r is None or r.rule in SOFT_RULES or not _is_hard(ln):
            continue
        if r.rule not in pats:
            continue  # a structural detector, not a data-file rule
        found = matching_patterns(ln.text, pats[r.rule])
        if found:
            out[i] = [(lang, r.rule, p) for lang, p in found]
    return out


def pattern_support(pages: list[dict]) -> dict[tuple[str, str, str], set[str]]:
    """(language, rule, pattern) -> the sites where it took a line (``pages``: the training
    tool's page dicts with ``lines``, ``languages``, ``site``)."""
    support: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for pg in pages:
        for found in removed_patterns(pg["lines"], pg["languages"]).values():
            for key in found:
                support[key].add(pg["site"])
    return support


def own_site_patterns(support) -> dict[str, set[tuple[str, str, str]]]:
    """Site -> the patterns whose support is that site alone.

    >>> own_site_patterns({("fr", "a", "x"): {"s1"}, ("fr", "a", "y"): {"s1", "s2"}})
    {'s1': {('fr', 'a', 'x')}}
    """
    out: dict[str, set] = defaultdict(set)
    for key, sites in support.items():
        if len(sites) == 1:
            out[next(iter(sites))].add(key)
    return dict(out)


@contextmanager
def rules_without(drop: set[tuple[str, str, str]]):
    """The rule loader reads the data files minus the patterns ``drop`` while inside."""
    original = _rules._data_text
    by_lang: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for lang, name, p in drop:
        by_lang[lang].add((name, p))

    def patched(name: str) -> str:
        text = original(name)
        lang = name.removesuffix(".json")
        if not name.endswith(".json") or lang not in by_lang:
            return text
        data = json.loads(text)
        rules = []
        for r in data.get("rules", ()):
            keep = [p for p in r["patterns"] if (r["name"], p) not in by_lang[lang]]
            if keep:
                rules.append(dict(r, patterns=keep))
        data["rules"] = rules
        return json.dumps(data)

    _rules._data_text = patched
    _clear_rule_caches()
    try:
        yield
    finally:
        _rules._data_text = original
        _clear_rule_caches()


def _clear_rule_caches() -> None:
    """Forget every answer read from the rule files: the rule sets, the files, and the maps
    built from them (rule flags, rule categories). recall25: the two maps were kept, so one
    built inside :func:`rules_without` (without the rules it dropped whole) stayed for the
    rest of the process — a test's dropped rule lost its category in later tests, and a
    page's single-site rules their flags and categories on the pages judged after it."""
    for cached in (load_rules, _rules._rule_file, _rules._rule_flags, _rules.rule_categories):
        cached.cache_clear()


def judge_without(text: str, config, drop: set[tuple[str, str, str]]):
    """:func:`judge_page` of ``text`` with the rule files minus the patterns ``drop``."""
    if not drop:
        return judge_page(text, config)
    with rules_without(drop):
        return judge_page(text, config)


def main() -> int:
    """Print how many TRAIN furniture lines the rules take only through own-site patterns."""
    from tools.strip_model import train

    pages = [pg for pg in train.pages_train(with_fixtures=False)]
    support = pattern_support(pages)
    own = own_site_patterns(support)
    n_pat = len(support)
    n_own = sum(len(v) for v in own.values())
    print(f"{len(pages)} TRAIN pages; {n_pat} patterns took a line; {n_own} on one site only "
          f"({len(own)} sites)")
    lines = fur = own_fur = own_con = 0
    for pg in pages:
        mine = own.get(pg["site"], set())
        for i, found in removed_patterns(pg["lines"], pg["languages"]).items():
            lab = pg["labels"][i]
            if lab is None or lab.whitespace:
                continue
            lines += 1
            fur += not lab.content
            if all(f in mine for f in found):
                own_fur += not lab.content
                own_con += lab.content
    print(f"lines removed by data-file rules: {lines} ({fur} furniture); by own-site patterns "
          f"only: {own_fur} furniture, {own_con} content")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
