"""The support of a strip rule pattern on the TRAIN pages: the bar a new pattern must meet.

    PYTHONPATH=src:. python -m tools.strip_rules.support --rules NAME[,NAME] [--lines]
    PYTHONPATH=src:. python -m tools.strip_rules.support --candidates FILE.json [--lines]

Issue 10, round 31: rule fixes written from the TRAIN pages did not transfer to sites
nobody had read (the transfer batches r30–r33 scored the same with the round-start and
the round-end code), because most patterns were one page's string. So a new pattern (or
word-list entry) of ``strip/data/<lang>.json`` is kept only if, on the TRAIN split of
``fixtures/strip_real`` (never a held-out page, never an unscored batch:
``cleannews.evaluate.read_corpus``), it

* fires on furniture lines of at least :data:`MIN_SITES` distinct sites,
* from at least :data:`MIN_BATCHES` labelling batches (``fr-a``, ``de-r29`` …:
  :func:`cleannews.evaluate.page_batch`),
* and on at most :data:`MAX_CONTENT` content lines

(:func:`meets_bar`): a pattern of the field, not of a page. A family is a rule in all the
languages it is written in (``category_heading``, ``category_heading_de`` …:
:func:`family_name`), judged whole (:func:`family_rows`). "Fires" is the explicit-rule
step of the strip stage on the line seen alone (``tools.strip_rules.audit.rule_of``: line,
prefix, phrase rules with their coverage test, protections for ``yields_to_protect``), with
a rule set holding the one pattern (:func:`one_pattern_rules`), on the pages whose rule
languages hold the pattern's language (``fr`` and ``en`` rules run on every page, another
language's on its own pages: ``CleanConfig.languages`` and ``strip_page_language``).

Each row of the table gives the furniture lines it fires on (and how many of them the
current code leaves in, ``--missed``, measured by cleaning only the pages it fires on, as
``cleannews.evaluate`` does), its sites and batches, and the content lines it would take
(``--lines`` lists them). The candidates file is a JSON list of rule objects as written in
the data files, each with its ``"language"`` (or an object with ``"about"`` and that list
as ``"rules"``: ``tools/strip_rules/candidates_round31.json``, the round's candidates).

    >>> s = Support()
    >>> s.add_furniture("a.fr", "fr-a-0001", "x"); s.add_furniture("b.fr", "fr-r27-0002", "y")
    >>> meets_bar(s)
    False
    >>> s.add_furniture("c.fr", "fr-r27-0003", "z"); meets_bar(s)
    True
    >>> s.content.append(("fr-a-0004", "Une phrase.")); meets_bar(s)
    False
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from cleannews.config import DEFAULT_CONFIG, RULE_LANGUAGES
from cleannews.evaluate import page_batch, read_corpus
from cleannews.strip import _rules
from cleannews.strip._rules import RuleSet, check_rule_fields, load_stopwords
from tools.strip_rules.audit import rule_of

ROOT = Path(__file__).resolve().parents[2]

#: A new pattern fires on furniture of at least this many distinct TRAIN sites …
MIN_SITES = 3
#: … of at least this many labelling batches …
MIN_BATCHES = 2
#: … and on at most this many TRAIN content lines.
MAX_CONTENT = 0
#: The rule languages that run on every page (``CleanConfig.languages``' default).
EVERY_PAGE_LANGUAGES = DEFAULT_CONFIG.languages


@dataclass
class Support:
    """What one pattern fires on in the TRAIN pages."""

    sites: set[str] = field(default_factory=set)
    batches: set[str] = field(default_factory=set)
    furniture: list[tuple[str, str]] = field(default_factory=list)  # (page id, line)
    content: list[tuple[str, str]] = field(default_factory=list)  # (page id, line)
    missed: set[tuple[str, str]] | None = None  # furniture the current code leaves in

    def add_furniture(self, site: str, page_id: str, text: str) -> None:
        self.sites.add(site)
        self.batches.add(page_batch(page_id))
        self.furniture.append((page_id, text))


def meets_bar(s: Support) -> bool:
    """Whether a pattern's support is a pattern of the field (see the module docstring)."""
    return (
        len(s.sites) >= MIN_SITES and len(s.batches) >= MIN_BATCHES
        and len(s.content) <= MAX_CONTENT
    )


def one_pattern_rules(rule: dict) -> list[tuple[str, RuleSet]]:
    """``(pattern, rule set holding the rule with that one pattern)`` for each pattern of
    ``rule`` (a rule object of a data file), its fields checked as the loader checks them.

    >>> [(p, rs.match_line("Catégorie").name) for p, rs in one_pattern_rules(
    ...     {"name": "x", "category": "meta", "kind": "line", "reason": "r",
    ...      "patterns": ["catégorie"]})]
    [('catégorie', 'x')]
    """
    body = {k: v for k, v in rule.items() if k != "language"}
    check_rule_fields(body, "candidate")  # its patterns too (check_rule_patterns)
    return [(p, RuleSet([{"rules": [dict(body, patterns=[p])]}])) for p in body["patterns"]]


def applies_to(language: str, page_lang: str) -> bool:
    """Whether a rule of ``language`` runs on a page in ``page_lang``.

    >>> applies_to("fr", "de"), applies_to("de", "de"), applies_to("de", "it")
    (True, True, False)
    """
    return language in EVERY_PAGE_LANGUAGES or language == page_lang


def pattern_support(rs: RuleSet, language: str, pages, stop=None) -> Support:
    """The :class:`Support` of a one-pattern rule set on ``pages``: ``(record, text, labelled
    lines)`` as :func:`cleannews.evaluate.read_corpus` (or the tests' ``train_pages``) gives
    them; blank lines are not counted."""
    if stop is None:
        stop = load_stopwords(RULE_LANGUAGES)
    s = Support()
    for rec, _doc, labelled in pages:
        if not applies_to(language, rec["lang"]):
            continue
        for lb in labelled:
            if lb.whitespace or rule_of(lb.text, rs, stop) is None:
                continue
            if lb.content:
                s.content.append((rec["id"], lb.text))
            else:
                s.add_furniture(rec["site"], rec["id"], lb.text)
    return s


def missed_furniture(s: Support, pages) -> set[tuple[str, str]]:
    """The furniture lines of ``s`` (page id, text) the current code leaves in (the pages
    they are on cleaned as ``cleannews.evaluate`` cleans them)."""
    from cleannews.evaluate import _clean_traced, _survival

    wanted = {pid for pid, _ in s.furniture}
    missed = set()
    for rec, doc, labelled in pages:
        if rec["id"] not in wanted:
            continue
        texts = {t for pid, t in s.furniture if pid == rec["id"]}
        cleaned, trace = _clean_traced(doc, False)
        visible = "\n".join(lb.text for lb in labelled)
        for lb, kept in zip(labelled, _survival(labelled, cleaned, visible, trace), strict=True):
            if kept and not lb.content and lb.text in texts:
                missed.add((rec["id"], lb.text))
    return missed


def family_name(name: str) -> str:
    """A rule's family: its name without the language suffix the files give the same rule
    in another language (rule names are unique across the five files).

    >>> family_name("category_heading_de"), family_name("category_heading")
    ('category_heading', 'category_heading')
    """
    for lang in RULE_LANGUAGES:
        if name.endswith("_" + lang):
            return name[: -len(lang) - 1]
    return name


def shipped_rules(names: set[str]) -> list[dict]:
    """The rule objects of the shipped data files whose name or family (:func:`family_name`)
    is in ``names``, each with its language."""
    out = []
    for lang in RULE_LANGUAGES:
        for r in _rules._rule_file(lang)["rules"]:
            if r["name"] in names or family_name(r["name"]) in names:
                out.append(dict(r, language=lang))
    return out


def support_table(rules: list[dict], pages, *, missed: bool = False) -> list[dict]:
    """One row per pattern of ``rules``: language, rule, pattern, its :class:`Support`,
    and whether it :func:`meets_bar`."""
    stop = load_stopwords(RULE_LANGUAGES)
    rows = []
    for rule in rules:
        for pattern, rs in one_pattern_rules(rule):
            s = pattern_support(rs, rule["language"], pages, stop)
            if missed:
                s.missed = missed_furniture(s, pages)
            rows.append({"language": rule["language"], "rule": rule["name"],
                         "pattern": pattern, "support": s, "bar": meets_bar(s)})
    return rows


def family_rows(rows: list[dict]) -> list[dict]:
    """One row per family (:func:`family_name`): the union of its patterns' supports over
    every language (a family written in the five languages is one rule). A translation
    with no TRAIN furniture of its own is kept when its family meets the bar and it fires
    on no TRAIN content line itself.

    >>> a, b = Support(), Support()
    >>> a.add_furniture("a.fr", "fr-a-0001", "x"); b.add_furniture("b.it", "it-c-0001", "y")
    >>> fam = family_rows([{"language": "fr", "rule": "r", "pattern": "p", "support": a},
    ...                    {"language": "it", "rule": "r", "pattern": "q", "support": b}])
    >>> sorted(fam[0]["support"].sites), fam[0]["language"], fam[0]["bar"]
    (['a.fr', 'b.it'], 'fr,it', False)
    """
    out: dict[str, dict] = {}
    for row in rows:
        name = family_name(row["rule"])
        fam = out.setdefault(name, {"language": "", "rule": name,
                                           "pattern": "(family)", "support": Support()})
        s, f = row["support"], fam["support"]
        if row["language"] not in fam["language"].split(","):
            fam["language"] = ",".join(x for x in (fam["language"], row["language"]) if x)
        f.sites |= s.sites
        f.batches |= s.batches
        f.furniture += [x for x in s.furniture if x not in f.furniture]
        f.content += [x for x in s.content if x not in f.content]
        if s.missed is not None:
            f.missed = (f.missed or set()) | s.missed
    for fam in out.values():
        fam["bar"] = meets_bar(fam["support"])
    return list(out.values())


def format_row(row: dict) -> str:
    """One line of the printed table."""
    s = row["support"]
    missed = "" if s.missed is None else f" missed {len(s.missed):3d}"
    return (f"{'ok ' if row['bar'] else '-- '}{row['language']:2s} {row['rule']:28s} "
            f"sites {len(s.sites):3d} batches {len(s.batches):2d} furniture "
            f"{len(s.furniture):4d}{missed} content {len(s.content):3d}  {row['pattern'][:70]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.strip_rules.support",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("--rules", default="", help="comma-separated names of shipped rules")
    ap.add_argument("--candidates", type=Path, help="a JSON list of rule objects with language")
    ap.add_argument("--missed", action="store_true",
                    help="also count the furniture lines the current code leaves in")
    ap.add_argument("--lines", action="store_true", help="list the lines each pattern fires on")
    args = ap.parse_args(argv)
    rules = shipped_rules({x for x in args.rules.split(",") if x})
    if args.candidates:
        data = json.loads(args.candidates.read_text("utf-8"))
        rules += data["rules"] if isinstance(data, dict) else data
    if not rules:
        print("error: name shipped rules (--rules) or a candidates file", file=sys.stderr)
        return 2
    pages = read_corpus(ROOT / "fixtures" / "strip_real", ("train",))
    print(f"bar: furniture on >= {MIN_SITES} sites of >= {MIN_BATCHES} batches, "
          f"<= {MAX_CONTENT} content lines ({len(pages)} TRAIN pages)")
    rows = support_table(rules, pages, missed=args.missed)
    for row in rows:
        print(format_row(row))
        if args.lines:
            s = row["support"]
            for pid, text in s.content:
                print(f"     CONTENT [{pid}] {text[:110]}")
            for pid, text in s.furniture:
                print(f"     furniture [{pid}] {text[:110]}")
    print("families (every language of a rule together):")
    for row in family_rows(rows):
        print(format_row(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
