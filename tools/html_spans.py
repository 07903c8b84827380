"""How exact are the source spans of :func:`cleannews.clean_html`'s changes (round 27)?

For every change of ``clean_html`` on a page (the HTML front end's ``html_*`` changes, the
repair stage's and the strip stage's, all of whose spans point into the HTML source), the
source range ``html[start:end]`` is read as a browser would show its text (tags and comments
removed, character references decoded) and compared with the change's ``before`` read the
same way, whitespace left out:

* ``exact``: the same text;
* ``over``: the span holds the change's text and more (a neighbouring element's text, the
  ``<`` of the next tag, the rest of the paragraph);
* ``under``: the span holds only part of the change's text;
* ``other``: neither holds the other.

Development data only: trafilatura's dev half (``bench_html_trafilatura._half``) and the
gold benchmark's dev part (``bench_html_gold.py``'s frozen split)::

    PYTHONPATH=src:. python -m tools.html_spans \\
        --traf /work/cache/strip-html/traf/tests --gold /work/cache/html-fr6 [--examples N]

>>> verdict("Partager sur Facebook\\n\\n", "<p>Partager sur Facebook</p><")
'over'
>>> verdict("Partager sur Facebook\\n\\n", "<p>Partager sur\\n Facebook</p>")
'exact'
>>> verdict("a &amp; b", "a &amp;")
'under'
"""

from __future__ import annotations

import argparse
import html as htmllib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import regex

#: A tag or a comment of the source (a range cut inside a tag keeps the cut part: a ``<`` of
#: the next element's start tag is a character too many).
_MARKUP = regex.compile(r"<!--(?:[^-]|-(?!->))*+-->|<[A-Za-z/!?][^<>]*+>")
#: White space, and the invisible characters the repair stage removes before the strip stage
#: (soft hyphen, zero-width spaces and joiners, byte-order mark): a strip change's ``before``
#: is repaired text, its source range is not.
_SPACE = regex.compile(r"[\s\u00ad\u200b-\u200f\u2060-\u2064\ufeff]+")
VERDICTS = ("exact", "over", "under", "other")


def shown(source: str) -> str:
    """The text of an HTML fragment without its markup and white space.

    >>> shown("<p>Le &eacute;t&eacute;</p>\\n<!-- x -->")
    'Leété'
    """
    return _SPACE.sub("", htmllib.unescape(_MARKUP.sub("", source)))


def verdict(before: str, source: str) -> str:
    """``exact`` / ``over`` / ``under`` / ``other``: the text of the source range ``source``
    against the change's ``before`` (both read by :func:`shown`)."""
    want, got = shown(before), shown(source)
    if want == got:
        return "exact"
    if want in got:
        return "over"
    if got in want:
        return "under"
    return "other"


def traf_pages(tests: Path) -> Iterator[tuple[str, bytes]]:
    """The pages of trafilatura's dev half (``bench_html_trafilatura.py --half dev``)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_html_trafilatura import _half, page_file

    evaldata = json.loads((tests / "evaldata.json").read_text("utf-8"))
    for url in sorted(evaldata):
        if _half(url) != "dev":
            continue
        name = evaldata[url]["file"]
        path = page_file(tests, name)
        if path is not None:
            yield f"traf:{name}", path.read_bytes()


def gold_pages(cache: Path) -> Iterator[tuple[str, bytes]]:
    """The pages of the gold benchmark's dev part (``bench_html_gold.py run --part dev``)."""
    split = json.loads(
        (Path(__file__).resolve().parent.parent / "benchmarks" / "html_gold_split.json")
        .read_text("utf-8"))
    wanted = set(split["dev"])
    with (cache / "manifest.jsonl").open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for row in rows:
        if row["id"] in wanted:
            yield f"gold:{row['id']}", (cache / "pages" / f"{row['file']}.html").read_bytes()


def measure(pages, examples: int = 0, only: str = "", texts=None) -> dict:
    """Counts of verdicts per stage and per ``stage:rule`` over ``pages``
    (``(name, html bytes)`` pairs), and up to ``examples`` inexact cases per verdict (of
    the changes whose ``stage:rule`` holds ``only``). ``texts``: a file to write each page's
    cleaned text to, one JSON line a page (to check that a change of the spans left the
    texts alone)."""
    import cleannews
    from cleannews._input import decode_input

    config = cleannews.CleanConfig(score_spin=False)
    per_stage: dict[str, Counter] = defaultdict(Counter)
    per_rule: dict[str, Counter] = defaultdict(Counter)
    shown_cases: dict[str, list] = defaultdict(list)
    n = 0
    for name, raw in pages:
        n += 1
        html, _ = decode_input(raw, html=True)
        doc = cleannews.clean_html(html, config)
        if texts is not None:
            texts.write(json.dumps({"page": name, "text": doc.text}, ensure_ascii=False) + "\n")
        for c in doc.changes:
            if c.stage == "decode" or not (c.before or c.after):
                continue
            v = verdict(c.before, html[c.span[0]:c.span[1]])
            per_stage[c.stage][v] += 1
            per_rule[f"{c.stage}:{c.rule}"][v] += 1
            if v != "exact" and len(shown_cases[v]) < examples and only in f"{c.stage}:{c.rule}":
                shown_cases[v].append(
                    (name, c.rule, c.span, c.before[:80], html[c.span[0]:c.span[1]][:160]))
    return {"pages": n, "stage": per_stage, "rule": per_rule, "examples": shown_cases}


def _table(counts: dict[str, Counter]) -> list[str]:
    out = [f"{'':38} {'n':>6} " + " ".join(f"{v:>7}" for v in VERDICTS)]
    for key in sorted(counts, key=lambda k: (-sum(counts[k].values()), k)):
        c = counts[key]
        total = sum(c.values())
        out.append(f"{key[:38]:38} {total:>6} "
                   + " ".join(f"{100 * c[v] / total:>6.1f}%" for v in VERDICTS))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--traf", type=Path, help="trafilatura's tests/ folder (dev half read)")
    ap.add_argument("--gold", type=Path, help="the gold benchmark's cache (dev part read)")
    ap.add_argument("--examples", type=int, default=0, help="inexact cases shown per verdict")
    ap.add_argument("--only", default="", help="examples of the stage:rule holding this only")
    ap.add_argument("--texts", type=Path, help="write each page's cleaned text here (JSONL)")
    args = ap.parse_args(argv)

    def pages():
        if args.traf:
            yield from traf_pages(args.traf)
        if args.gold:
            yield from gold_pages(args.gold)

    texts = args.texts.open("w", encoding="utf-8") if args.texts else None
    r = measure(pages(), args.examples, args.only, texts)
    if texts is not None:
        texts.close()
    total: Counter = Counter()
    for c in r["stage"].values():
        total.update(c)
    print(f"{r['pages']} development pages, {sum(total.values())} changes")
    print("\n".join(_table({"all": total, **r["stage"]})))
    print()
    print("\n".join(_table(r["rule"])))
    for v, cases in r["examples"].items():
        print(f"\n{v}:")
        for name, rule, span, before, src in cases:
            print(f"  {name} {rule} {span} before={before!r}\n      source={src!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
