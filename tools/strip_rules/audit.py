"""Audit the strip rules line by line: which labelled lines each rule condemns.

    python -m tools.strip_rules.audit [--rules NAME,NAME] [--all] [--ud ../shared/corpora/fr-ud]

For every non-blank line of the TRAIN split of ``fixtures/strip_real`` (never the
test split), of the 0.1.0 fixtures (``fixtures/strip``) and of the seeds, the
explicit-rule step of the strip stage (line, prefix, then phrase rules, as
``detectors._rule_pass`` applies them, protections included) is run on the line
alone. Printed per rule: boilerplate lines hit (by labelled kind), content lines
hit (each listed: these are the rule's false positives out of context), and,
with ``--ud``, the French reference sentences of Universal Dependencies it hits
(each listed: a rule that fires on an article sentence is not certain).

This is a development tool: the figures are in-sample for rules written while
looking at the train pages. The result figures come from the held-out split.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from cleannews.evaluate import read_corpus, read_fixture
from cleannews.strip._rules import load_rules, load_stopwords
from cleannews.strip.detectors import PROTECT_MAX_WORDS, _Line, _phrase_verdict

ROOT = Path(__file__).resolve().parents[2]


def rule_of(text: str, rs, stop) -> str | None:
    """Name of the rule the explicit-rule step gives a line seen alone, or None."""
    ln = _Line(text, stop)
    if ln.blank:
        return None
    rule = rs.match_line(ln.text, ln.n) or rs.match_prefix(ln.text, ln.n)
    if rule is None:
        rule = _phrase_verdict(ln, rs)
    if (
        rule is not None
        and rule.yields_to_protect
        and ln.n <= PROTECT_MAX_WORDS
        and rs.is_protected(ln.text)
    ):
        rule = None
    return rule.name if rule is not None else None


def labelled_lines():
    """(source, label, text) of every labelled line used for development."""
    for rec, _doc, labelled in read_corpus(ROOT / "fixtures" / "strip_real"):
        if rec["split"] != "train":
            continue
        for lb in labelled:
            yield rec["id"], lb.label, lb.text
    for p in sorted((ROOT / "fixtures" / "strip").iterdir()):
        if p.suffix not in (".txt", ".html") or p.name == "README.md":
            continue
        _doc, labelled, _ = read_fixture(p)
        for lb in labelled:
            yield p.name, lb.label, lb.text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.strip_rules.audit", description=__doc__)
    ap.add_argument("--rules", default="", help="comma-separated rule names (default: all)")
    ap.add_argument("--all", action="store_true", help="also list the boilerplate lines hit")
    ap.add_argument("--ud", type=Path, help="folder of the UD French sentences (sent_id<TAB>text)")
    ap.add_argument("--langs", default="fr,en")
    args = ap.parse_args(argv)
    rs = load_rules(tuple(args.langs.split(",")))
    stop = load_stopwords(("fr", "en", "de", "es", "it"))
    wanted = {x for x in args.rules.split(",") if x}
    bad_hits: dict[str, Counter] = defaultdict(Counter)
    bad_lines: dict[str, list] = defaultdict(list)
    good_lines: dict[str, list] = defaultdict(list)
    for src, label, text in labelled_lines():
        name = rule_of(text, rs, stop)
        if name is None or (wanted and name not in wanted):
            continue
        if label == "C":
            good_lines[name].append((src, text))
        else:
            bad_hits[name][label] += 1
            bad_lines[name].append((src, label, text))
    ud_lines: dict[str, list] = defaultdict(list)
    if args.ud:
        for f in sorted(args.ud.glob("*.txt")):
            for line in f.read_text("utf-8").splitlines():
                sid, _, text = line.partition("\t")
                name = rule_of(text, rs, stop)
                if name is not None and (not wanted or name in wanted):
                    ud_lines[name].append((sid, text))
    names = sorted(set(bad_hits) | set(good_lines) | set(ud_lines))
    n_false = 0
    for name in names:
        kinds = ", ".join(f"{k} {v}" for k, v in bad_hits[name].most_common())
        print(f"{name}: boilerplate {sum(bad_hits[name].values())} ({kinds}); "
              f"content {len(good_lines[name])}; UD {len(ud_lines[name])}")
        for src, text in good_lines[name]:
            print(f"    CONTENT [{src}] {text[:120]}")
        for sid, text in ud_lines[name]:
            print(f"    UD [{sid}] {text[:120]}")
        if args.all:
            for src, label, text in bad_lines[name]:
                print(f"    ok [{src}] {label}: {text[:120]}")
        n_false += len(good_lines[name]) + len(ud_lines[name])
    print(f"lines of content or UD condemned by a rule seen alone: {n_false}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
