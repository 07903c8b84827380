"""Which strip rules transfer to TRAIN sites they were not written for (development only).

    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.transfer            # tables
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.transfer --json     # the same as JSON
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.transfer --no-drop  # rules only
    STRIP_RUN_CACHE_DIR=/tmp/x PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.transfer \\
        --cv related                 # the site-grouped CV with one family switched off

The phrase rules of ``strip/data/<lang>.json`` were written while reading the TRAIN pages,
so their in-sample figures flatter them. This tool reads the TRAIN split only
(:func:`tools.strip_model.train.read_train_corpus`) and cleans every page as
``cleannews.evaluate --split train`` does (the whole strip stage: rules, detectors,
models, give-back; a line is removed when ``cleannews.evaluate._survival`` says so).

**Rules.** Each removed labelled line is credited to the rule of the deletion that covers
it (:func:`line_rules`); for a data-file rule, to the patterns of that rule that match the
line (``rule_support.matching_patterns``; a line a rule took without matching, e.g. the
line after a heading of a ``takes_next`` rule, is credited to the rule as a whole). The
rule files record no provenance per pattern (a round suffix such as ``_recall22`` dates a
few rule names: :func:`rule_round`), so transfer is measured **leave one site out**: a
pattern's *support* is the set of sites where it removed a furniture line; a removal on
site S is *justified elsewhere* when one of its patterns has support on a site other than
S — a rule written without S's pages would still have taken it. Per rule:

* ``sites``: sites where it removed a labelled line; ``true`` / ``false``: furniture /
  content lines it removed;
* ``cross_true``: furniture removals justified elsewhere (the recall that transfers);
  ``own_only``: ``true - cross_true`` (no other site's lines justify them);
* ``transfer_sites``: sites where it removed furniture justified elsewhere;
* ``cross_precision``: ``cross_true / (cross_true + false)`` — every content removal is a
  removal on a site the rule was not written for (nobody writes a rule to take content);
* ``cut``: content lines the rule did not delete whole but cut a piece out of (a read-more
  link or a reading time glued to a teaser or a byline: ``_glued_tail``, span rules).
  ``cleannews.evaluate`` counts them as content lost (the line is not found whole in the
  output) unless the label marks the piece ``⟦…⟧`` (then the line's content part is one
  content unit, kept when it stays whole, and each bracketed span one furniture unit of kind
  ``glued``: ``cleannews.evaluate.unit_rows``, round 33); ``false`` counts whole lines only.

**Families** (:func:`family_of`): a data-file rule belongs to the family of its
``category`` field (``related``, ``share``, ``comments`` …, the boilerplate kinds of the
corpus guideline; the same name in several languages is one rule), and so does a detector
that files its removals under a category (the prompt lines, ``comment_prompt_words`` …:
``cleannews.strip._rules.removal_category``, what the strip stage itself reads); another
removal by code — a detector of ``cleannews.strip`` or a model (``line_model``,
``run_model`` …) — belongs to the family ``code:<rule>``, one per mechanism. A family's
line counts are its rules'; its ``cross_*`` counts use the pattern support of each line's
own rule.

**Family drop** (:func:`family_drop`): the TRAIN figures with every pattern of one
data-file family left out of the rule files (``rule_support.rules_without``); only the
pages where one of its patterns matches a line of the repaired text are cleaned again (a
rule whose patterns match no line cannot fire). ``recall_contribution`` = furniture lines
removed with the family minus without it (lines only it removes, less those the models or
detectors take once it is gone); ``false_contribution`` the same for content lines.
Code families cannot be dropped this way, nor the detector's lines a data family holds
(the prompt lines of ``comments`` stay when its patterns are left out). The site-grouped
CV with one family off is ``--cv FAMILY`` (it retrains the first stage out of fold: several
minutes; give it its own ``STRIP_RUN_CACHE_DIR``, the cache name does not carry the rule
files).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, field

import regex

import cleannews
from cleannews.config import RULE_LANGUAGES
from cleannews.evaluate import GLUED_KIND, _stats, removed_lines, unit_rows
from cleannews.strip import _rules
from cleannews.strip._rules import removal_category
from tools.strip_model import train as line_train
from tools.strip_model.rule_support import matching_patterns, rule_patterns, rules_without

#: The configuration ``cleannews.evaluate`` cleans with (the strip stage's defaults).
EVAL_CONFIG = cleannews.CleanConfig(score_spin=False, quarantine=False)
#: Prefix of the family of a removal made by code (a detector or a model), not a data rule.
CODE_FAMILY = "code:"
#: A rule name ending in a round tag (``_recall22``, ``_gen10``): the round that wrote it.
_ROUND = regex.compile(r"_([a-z]+\d+)[a-z]?$")
#: Rows shown per table in the text output (``--top``).
SHOW_RULES = 40


def rule_round(name: str) -> str:
    """The round tag a rule's name carries, or ``""``.

    >>> rule_round("related_link_recall22"), rule_round("archive_title_family_gen10b")
    ('recall22', 'gen10')
    >>> rule_round("share_bar")
    ''
    """
    m = _ROUND.search(name)
    return m.group(1) if m else ""


def family_of(rule: str) -> str:
    """The family of a removal's rule: its category (``removal_category``: a data rule's, or
    a detector's that files its removals under one), else ``code:<rule>``.

    >>> family_of("newsletter_signup"), family_of("comment_prompt_words")
    ('newsletter', 'comments')
    >>> family_of("line_model"), family_of("repeated_block")
    ('code:line_model', 'code:repeated_block')
    """
    return removal_category(rule) or CODE_FAMILY + rule


def family_patterns(family: str, languages=RULE_LANGUAGES) -> set[tuple[str, str, str]]:
    """Every (language, rule, pattern) of the data-file rules of ``family`` (a category).

    >>> ("fr", "newsletter_signup_weak") in {(la, n) for la, n, _ in family_patterns("newsletter")}
    True
    """
    out = set()
    for lang in languages:
        for r in _rules._rule_file(lang).get("rules", ()):
            if r["category"] == family:
                out.update((lang, r["name"], p) for p in r["patterns"])
    return out


def line_rules(document: str, changes: list) -> list[str | None]:
    """For every line of ``document``, the rule of the first deletion (``after == ""``) that
    covers one of its non-space characters, or None.

    >>> from cleannews.document import Change
    >>> line_rules("Titre\\nMenu\\nTexte", [Change("strip", "nav", (6, 11), "Menu\\n", "", "")])
    [None, 'nav', None]
    """
    owner: dict[int, str] = {}
    for c in changes:
        if c.after == "":
            s, e = c.span
            for k in range(s, min(e, len(document))):
                owner.setdefault(k, c.rule)
    out: list[str | None] = []
    pos = 0
    for line in document.split("\n"):
        rule = None
        for k in range(pos, pos + len(line)):
            if k in owner and not line[k - pos].isspace():
                rule = owner[k]
                break
        out.append(rule)
        pos += len(line) + 1
    return out


@dataclass
class Removal:
    """One labelled line of a TRAIN page as the strip stage left it."""

    page: str
    site: str
    content: bool
    removed: bool
    rule: str | None  # the deletion's rule (None: kept, or removed by no traced deletion)
    keys: list = field(default_factory=list)  # (lang, rule, pattern) credited
    cut: bool = False  # not wholly deleted: a piece was cut out of it (evaluate: not kept)


def clean_page(rec: dict, doc: str, labelled: list, pats: dict) -> tuple[list[Removal], list]:
    """(one :class:`Removal` per non-whitespace labelled line, ``_stats`` rows) of a page."""
    d = cleannews.clean(doc, EVAL_CONFIG)
    trace = removed_lines(doc, d.changes)
    owners = line_rules(doc, d.changes)
    visible = "\n".join(lb.text for lb in labelled)
    rows = unit_rows(rec["id"], labelled, d.text, visible, trace)  # as evaluate counts them
    # each labelled line's own row (its glued spans' rows follow it): judged once, not again
    # by _survival, which runs the same alignment
    survived = [s for _, unit, s in rows if unit.label != GLUED_KIND]
    out = []
    for lb, surv in zip(labelled, survived, strict=True):
        if lb.whitespace:
            continue
        rule = owners[lb.line] if not surv and 0 <= lb.line < len(owners) else None
        keys: list = []
        if rule is not None:
            keys = [(la, rule, p) for la, p in matching_patterns(lb.text, pats.get(rule, []))]
            keys = keys or [("", rule, "")]
        whole = 0 <= lb.line < len(trace) and trace[lb.line]
        out.append(Removal(rec["id"], rec["site"], lb.content, not surv, rule, keys,
                           cut=not surv and not whole))
    return out, rows


def support(removals: list[Removal]) -> dict[tuple, set[str]]:
    """(lang, rule, pattern) -> the sites where it removed a furniture line.

    >>> r = [Removal("p1", "a", False, True, "x", [("fr", "x", "p")]),
    ...      Removal("p2", "b", True, True, "x", [("fr", "x", "p")])]
    >>> dict(support(r))
    {('fr', 'x', 'p'): {'a'}}
    """
    out: dict[tuple, set[str]] = defaultdict(set)
    for r in removals:
        if r.removed and not r.content:
            for k in r.keys:
                out[k].add(r.site)
    return out


def justified_elsewhere(r: Removal, sup: dict[tuple, set[str]]) -> bool:
    """Whether one of the patterns credited with ``r`` removed furniture on another site."""
    return any(sup.get(k, set()) - {r.site} for k in r.keys)


def transfer_table(removals: list[Removal], family=family_of) -> dict[str, dict]:
    """``{"rules": {rule: row}, "families": {family: row}}`` (see the module doc).

    >>> r = [Removal("p1", "a", False, True, "x", [("fr", "x", "p")]),
    ...      Removal("p2", "b", False, True, "x", [("fr", "x", "p")]),
    ...      Removal("p3", "c", False, True, "x", [("fr", "x", "q")]),
    ...      Removal("p4", "d", True, True, "x", [("fr", "x", "p")])]
    >>> row = transfer_table(r, lambda rule: "nav")["families"]["nav"]
    >>> row["true"], row["false"], row["cross_true"], row["own_only"], row["transfer_sites"]
    (3, 1, 2, 1, 2)
    >>> row["cross_precision"], row["one_site"]
    (0.6667, False)
    """
    sup = support(removals)
    acc: dict[str, dict[str, dict]] = {"rules": {}, "families": {}}
    for r in removals:
        if not r.removed or r.rule is None:
            continue
        cross = not r.content and justified_elsewhere(r, sup)
        for table, key in (("rules", r.rule), ("families", family(r.rule))):
            row = acc[table].setdefault(key, {"sites": set(), "true": 0, "false": 0,
                                              "cut": 0, "cross_true": 0,
                                              "transfer_sites": set(), "lost_lines": []})
            row["sites"].add(r.site)
            row["true"] += not r.content
            row["false"] += r.content and not r.cut
            row["cut"] += r.content and r.cut
            row["cross_true"] += cross
            if cross:
                row["transfer_sites"].add(r.site)
            if r.content:
                row["lost_lines"].append(r.page)
    out: dict[str, dict] = {"rules": {}, "families": {}}
    for table, rows in acc.items():
        for key, row in rows.items():
            ct, f = row["cross_true"], row["false"]
            out[table][key] = {
                "family": family(key) if table == "rules" else key,
                "round": rule_round(key) if table == "rules" else "",
                "sites": len(row["sites"]), "true": row["true"], "false": f,
                "cut": row["cut"],
                "cross_true": ct, "own_only": row["true"] - ct,
                "transfer_sites": len(row["transfer_sites"]),
                "cross_precision": round(ct / (ct + f), 4) if ct + f else 0.0,
                "one_site": len(row["sites"]) == 1,
                "lost_pages": sorted(set(row["lost_lines"])),
            }
    return out


def _figures(stats: dict) -> dict:
    """The removal figures of ``cleannews.evaluate``'s ``_stats`` the tables show."""
    return {k: stats[k] for k in ("removal_precision", "removal_recall", "removal_f1",
                                  "removed_boilerplate", "content_dropped",
                                  "content_kept_share")}


def run(sources: list, drop: set | None = None) -> tuple[list[Removal], dict, dict]:
    """(removals, per-page ``_stats`` rows, figures) of ``sources`` cleaned with the rule
    files minus ``drop``."""
    pats = rule_patterns(RULE_LANGUAGES)
    removals: list[Removal] = []
    rows: dict[str, list] = {}
    if drop:
        with rules_without(drop):
            for rec, doc, labelled in sources:
                rem, rows[rec["id"]] = clean_page(rec, doc, labelled, pats)
                removals += rem
    else:
        for rec, doc, labelled in sources:
            rem, rows[rec["id"]] = clean_page(rec, doc, labelled, pats)
            removals += rem
    return removals, rows, _figures(_stats([x for v in rows.values() for x in v]))


def pages_matching(sources: list, pats: set[tuple[str, str, str]]) -> list:
    """The sources where one of ``pats`` matches a line of the repaired text (searched, so a
    superset of the pages where one of those rules can fire)."""
    listed = [(la, p) for la, _, p in pats]
    out = []
    for src in sources:
        text = cleannews.repair(src[1], line_train.SERVING_CONFIG).text
        if any(matching_patterns(x, listed) for x in text.split("\n") if x.strip()):
            out.append(src)
    return out


def family_drop(sources: list, base_rows: dict, family: str) -> dict:
    """TRAIN figures with every pattern of the data-file ``family`` left out (module doc)."""
    drop = family_patterns(family)
    touched = pages_matching(sources, drop)
    _, rows, _ = run(touched, drop)
    merged = dict(base_rows, **rows)
    fig = _figures(_stats([x for v in merged.values() for x in v]))
    base = _figures(_stats([x for v in base_rows.values() for x in v]))
    return {"family": family, "patterns": len(drop), "pages_cleaned_again": len(touched),
            **fig,
            "recall_contribution": base["removed_boilerplate"] - fig["removed_boilerplate"],
            "false_contribution": base["content_dropped"] - fig["content_dropped"]}


def cv_without(family: str) -> None:
    """The site-grouped CV (``tools.strip_model.errors --summary --fresh``) with ``family``'s
    patterns left out of the rule files for the whole run (training and judging)."""
    from tools.strip_model import errors

    drop = family_patterns(family)
    if not drop:
        raise SystemExit(f"no data-file rule has the category {family!r}")
    print(f"site-grouped CV without the family {family!r} ({len(drop)} patterns)")
    with rules_without(drop):
        errors.main(["--summary", "--fresh"])


def report(sources: list, drop_families: bool = True) -> dict:
    """Everything the tool prints: base figures, the rule and family tables, family drops."""
    removals, base_rows, base = run(sources)
    table = transfer_table(removals)
    out = {"pages": len(sources), "sites": len({rec["site"] for rec, _, _ in sources}),
           "train": base, **table, "drops": {}}
    if drop_families:
        for fam in sorted(set(_rules.rule_categories().values())):
            out["drops"][fam] = family_drop(sources, base_rows, fam)
    return out


def _row_text(key: str, row: dict, drop: dict | None = None) -> str:
    cells = (f"{key[:38]:38s} {row['sites']:5d} {row['true']:5d} {row['false']:4d} "
             f"{row['cut']:4d} {row['cross_true']:5d} {row['own_only']:5d} "
             f"{row['transfer_sites']:5d} "
             f"{row['cross_precision']:7.3f}")
    if drop is not None:
        cells += f" {drop['recall_contribution']:+6d} {drop['false_contribution']:+5d}"
    return cells


def print_report(out: dict, top: int = SHOW_RULES) -> None:
    """The tables of :func:`report` as text."""
    b = out["train"]
    print(f"{out['pages']} TRAIN pages, {out['sites']} sites: P {b['removal_precision']} "
          f"R {b['removal_recall']} F1 {b['removal_f1']} ({b['removed_boilerplate']} removed, "
          f"{b['content_dropped']} content lost)")
    head = (f"{'':38s} {'sites':>5s} {'true':>5s} {'false':>4s} {'cut':>4s} {'cross':>5s} "
            f"{'own':>5s} "
            f"{'xsite':>5s} {'xprec':>7s}")
    print("\nfamilies (by recall contribution when dropped; code families last)")
    print(head + (f" {'dR':>6s} {'dFP':>5s}" if out["drops"] else ""))
    fams = sorted(out["families"].items(),
                  key=lambda kv: (kv[0].startswith(CODE_FAMILY),
                                  -out["drops"].get(kv[0], {}).get("recall_contribution", 0),
                                  -kv[1]["true"]))
    for key, row in fams:
        print(_row_text(key, row, out["drops"].get(key)))
    rules = out["rules"]
    n_false = sum(1 for r in rules.values() if r["false"] or r["cut"])
    print(f"\nrules that took or cut a content line ({n_false})")
    print(head)
    for key, row in sorted(rules.items(), key=lambda kv: (-kv[1]["false"], kv[1]["true"])):
        if row["false"] or row["cut"]:
            print(_row_text(key, row) + "  " + ", ".join(row["lost_pages"][:4]))
    one = [(k, r) for k, r in rules.items()
           if r["one_site"] and not r["family"].startswith(CODE_FAMILY)]
    print(f"\ndata-file rules that fire on one site only ({len(one)}; first {top})")
    for key, row in sorted(one, key=lambda kv: -kv[1]["true"])[:top]:
        print(_row_text(key, row))
    if out["drops"]:
        print("\nfamily drops (TRAIN, data-file families)")
        for fam, d in sorted(out["drops"].items(), key=lambda kv: -kv[1]["recall_contribution"]):
            print(f"  {fam:14s} patterns {d['patterns']:4d} pages {d['pages_cleaned_again']:4d}: "
                  f"P {d['removal_precision']} R {d['removal_recall']} "
                  f"({d['removed_boilerplate']} removed, {d['content_dropped']} content lost)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--no-drop", action="store_true", help="skip the family-drop runs")
    ap.add_argument("--top", type=int, default=SHOW_RULES, help="rows of the one-site list")
    ap.add_argument("--cv", metavar="FAMILY", help="the site-grouped CV with FAMILY off")
    args = ap.parse_args(argv)
    if args.cv:
        cv_without(args.cv)
        return 0
    out = report(line_train.read_train_corpus(), not args.no_drop)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1, default=asdict))
    else:
        print_report(out, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
