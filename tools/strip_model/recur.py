"""Lines that recur verbatim on many sites: a label-free furniture signal (issue 10, round 28).

The C4 / FineWeb filters and corpus-level line deduplication need no labels: a short line
that recurs, word for word, on many *different* sites ("Partager sur Facebook", "Lire
aussi", "Publicité", "Tous droits réservés") is furniture. This tool builds that table from
unlabelled page beginnings and measures what it could do for the strip stage, on
development data only.

    PYTHONPATH=src:. python -m tools.strip_model.recur build --raw /tmp/recur30/raw \\
        [--table FILE] [--manifest FILE] [--fetched 2026-12-04] [--min-sites 3]
    PYTHONPATH=src:. python -m tools.strip_model.recur coverage \\
        [--table tools/strip_model/recur/recur_lines.json]
    PYTHONPATH=src:. python -m tools.strip_model.recur potential [--show 20]

* ``build`` reads saved answers of the search tool's ``pages`` corpus (one JSON file per
  answer: ``results[].url`` with the verbatim ``excerpt``, or ``short_lines`` when only the
  lines short enough to count were kept), drops every page of a site that any manifest of
  ``fixtures/strip_real`` names (TRAIN and held-out alike: the table learns nothing about a
  labelled site), counts each normalised short line (:func:`normalise_line`) by the number
  of distinct sites it is seen on, and writes the lines seen on at least :data:`MIN_SITES`
  sites (only those short strings and their site counts, no page text) and a manifest of the
  pages read (URL, site, date fetched, licence note).
* ``coverage`` counts the labelled lines of the TRAIN pages whose normalised text is in a
  built table, by label, and how many of the furniture lines the strip stage misses today
  it would reach.
* ``potential`` estimates what the signal would give with a crawl as large as the labelled
  corpus: the table is counted, with no label, on the TRAIN pages' own text, **cross-fitted
  by site** (a line of site *s* counts only the other TRAIN sites it recurs on), and the
  labels only score it: precision as a furniture detector, furniture the strip stage misses
  that it reaches, content lines it would put at risk.

Every figure is a development figure (TRAIN pages:
:func:`tools.strip_model.train.read_train_corpus`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "fixtures" / "strip_real"
#: Where ``build`` writes the table and the manifest of the pages it read (tool data: the
#: package reads neither, see docs/strip-history.md "Lines that recur verbatim across sites").
OUT_DIR = REPO / "tools" / "strip_model" / "recur"

#: Lines of more words than this never enter the table (wire copy's content sentences recur
#: across sites too) and are never looked up.
MAX_WORDS = 10
#: A line is shipped when it is seen on at least this many distinct sites.
MIN_SITES = 3
#: Lines longer than this (characters) are not normalised at all: no short line is longer.
MAX_CHARS = 200
#: Site-count thresholds ``potential`` reports.
POTENTIAL_SITES = (1, 2, 3, 5, 10)
LICENCE = (
    "publisher's copyright; beginning of a public page as stored by the search tool's pages "
    "corpus; only short lines and their site counts are kept (no page text)"
)


def _edge(ch: str) -> bool:
    """Punctuation, symbol or separator: stripped at a line's ends."""
    return unicodedata.category(ch)[0] in "PSZ"


def normalise_line(text: str, max_words: int = MAX_WORDS) -> str | None:
    """The key a line is counted under: NFKC, case folded, every digit ``0``, white space
    collapsed, punctuation and symbols stripped at both ends; ``None`` for a line of more
    than ``max_words`` words, over :data:`MAX_CHARS` characters, or without a letter.

    >>> normalise_line("  Partager sur Facebook ! ")
    'partager sur facebook'
    >>> normalise_line("© 2024 Tous droits réservés."), normalise_line("Publicité")
    ('0000 tous droits réservés', 'publicité')
    >>> normalise_line("Le conseil municipal a voté hier soir le budget de la commune pour 2025.")
    >>> normalise_line("---"), normalise_line("12/03/2024")
    (None, None)
    """
    if len(text) > MAX_CHARS:
        return None
    low = unicodedata.normalize("NFKC", text).casefold()
    low = "".join("0" if ch.isdigit() else ch for ch in low)
    words = low.split()
    if not words or len(words) > max_words:
        return None
    low = " ".join(words)
    i, j = 0, len(low)
    while i < j and _edge(low[i]):
        i += 1
    while j > i and _edge(low[j - 1]):
        j -= 1
    low = low[i:j]
    if not any(ch.isalpha() for ch in low):
        return None
    return low


def labelled_sites(root: Path = CORPUS) -> set[str]:
    """Every site any manifest of the labelled corpus names (TRAIN and held-out alike)."""
    out = set()
    for mf in sorted((root / "manifests").glob("*.jsonl")):
        for line in mf.read_text("utf-8").splitlines():
            if line.strip():
                out.add(json.loads(line)["site"])
    return out


def read_answers(raw: Path) -> list[tuple[str, str, list[str]]]:
    """``(query, url, lines)`` of every result of the saved answers under ``raw`` (sorted by
    file name, results in answer order); results without a URL are skipped."""
    out = []
    for path in sorted(raw.glob("*.json")):
        answer = json.loads(path.read_text("utf-8"))
        for res in answer.get("results", []):
            url = res.get("url")
            if not url:
                continue
            if "excerpt" in res:
                lines = res["excerpt"].split("\n")
            else:
                lines = list(res.get("short_lines", []))
            out.append((answer.get("query", ""), url, lines))
    return out


def site_of(url: str) -> str:
    """Registered domain of a URL (the labelled corpus's own rule)."""
    corpus_tools = str(REPO / "tools" / "strip_corpus")
    if corpus_tools not in sys.path:
        sys.path.insert(0, corpus_tools)
    from common import site_of as corpus_site_of

    return corpus_site_of(url)


def count_sites(
    pages: list[tuple[str, list[str]]], max_words: int = MAX_WORDS
) -> dict[str, set[str]]:
    """Normalised short line -> the distinct sites it is seen on, from ``(site, lines)``."""
    sites: dict[str, set[str]] = defaultdict(set)
    for site, lines in pages:
        for line in lines:
            key = normalise_line(line, max_words)
            if key:
                sites[key].add(site)
    return sites


def build_table(
    answers: list[tuple[str, str, list[str]]],
    exclude: set[str],
    min_sites: int = MIN_SITES,
    max_words: int = MAX_WORDS,
) -> tuple[dict, list[dict]]:
    """(table, pages read): the table holds the lines seen on ``>= min_sites`` sites, with
    their site counts, sorted by count then text (the same answers give the same bytes);
    pages of a site in ``exclude`` and repeated URLs are skipped."""
    seen: set[str] = set()
    pages = []
    kept = []
    for query, url, lines in answers:
        site = site_of(url)
        if not site or site in exclude or url in seen:
            continue
        seen.add(url)
        pages.append((site, lines))
        kept.append({"url": url, "site": site, "query": query})
    sites = count_sites(pages, max_words)
    lines = {
        k: len(v)
        for k, v in sorted(sites.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        if len(v) >= min_sites
    }
    table = {
        "about": (
            "Short lines (normalised: case folded, digits -> 0, white space collapsed, "
            "punctuation stripped at the ends) seen verbatim on at least min_sites distinct "
            "sites of unlabelled page beginnings (search tool, pages corpus); no site of the "
            "labelled corpus fixtures/strip_real was read. tools/strip_model/recur.py builds it."
        ),
        "max_words": max_words,
        "min_sites": min_sites,
        "pages": len(pages),
        "sites": len({s for s, _ in pages}),
        "lines": lines,
    }
    return table, kept


def explain(key: str, sites: int) -> str:
    """The reason a removal on this evidence would give.

    >>> explain("partager sur facebook", 41)
    "recurs verbatim on 41 sites of unlabelled pages ('partager sur facebook', recur_lines table)"
    """
    return f"recurs verbatim on {sites} sites of unlabelled pages ({key!r}, recur_lines table)"


def _train_rows():
    """(site, labelled lines, survived flags) of every TRAIN page, cleaned as ``evaluate``
    cleans it (the strip stage's own decisions)."""
    from cleannews.evaluate import _clean_traced, _survival
    from tools.strip_model.train import read_train_corpus

    for rec, doc, labelled in read_train_corpus(CORPUS):
        visible = "\n".join(lb.text for lb in labelled)
        out, trace = _clean_traced(doc, False)
        survived = _survival(labelled, out, visible, trace)
        yield rec["site"], labelled, survived


def _tally(rows, hit, show: int = 0) -> dict:
    """Counts of the labelled lines ``hit(site, key)`` accepts, by label and fate (with
    ``show``, up to that many examples of the missed furniture reached and of the content
    lines hit)."""
    examples: dict[str, list[str]] = {"furniture_missed": [], "content": []}
    t = {
        "furniture": 0, "content": 0, "furniture_missed": 0, "content_kept": 0,
        "furniture_all": 0, "furniture_missed_all": 0, "furniture_missed_short": 0,
        "content_all": 0,
    }
    for site, labelled, survived in rows:
        for lb, s in zip(labelled, survived, strict=True):
            if lb.whitespace:
                continue
            key = normalise_line(lb.text)
            h = bool(key) and hit(site, key)
            if lb.content:
                t["content_all"] += 1
                t["content"] += h
                t["content_kept"] += h and s
                if h and len(examples["content"]) < show:
                    examples["content"].append(f"{site}: {lb.text[:80]}")
            else:
                t["furniture_all"] += 1
                t["furniture_missed_all"] += s
                t["furniture_missed_short"] += s and bool(key)
                t["furniture"] += h
                t["furniture_missed"] += h and s
                if h and s and len(examples["furniture_missed"]) < show:
                    examples["furniture_missed"].append(f"{site} [{lb.label}]: {lb.text[:80]}")
    hits = t["furniture"] + t["content"]
    t["precision"] = round(t["furniture"] / hits, 3) if hits else None
    # what matters for the strip stage: among the lines it keeps today, how many of the ones
    # the signal reaches are furniture (it could only add removals there)
    kept = t["furniture_missed"] + t["content_kept"]
    t["precision_kept"] = round(t["furniture_missed"] / kept, 3) if kept else None
    if show:
        t["examples"] = examples
    return t


def coverage(table: dict) -> dict:
    """What a built table reaches on the TRAIN pages (:func:`_tally`)."""
    lines = table["lines"]
    return _tally(list(_train_rows()), lambda _site, key: key in lines)


def potential(thresholds=POTENTIAL_SITES, show: int = 0) -> dict:
    """The signal counted on the TRAIN pages' own text, cross-fitted by site (a line of site
    *s* counts the *other* TRAIN sites it recurs on), scored by the labels at each threshold."""
    rows = list(_train_rows())
    sites = count_sites([(site, [lb.text for lb in labelled]) for site, labelled, _ in rows])
    out = {"pages": len(rows), "sites": len({r[0] for r in rows})}
    for k in thresholds:
        out[f">={k} other sites"] = _tally(
            rows, lambda site, key, k=k: len(sites.get(key, ()) - {site}) >= k, show
        )
    return out


def _cmd_build(args) -> None:
    answers = read_answers(Path(args.raw))
    exclude = labelled_sites()
    table, kept = build_table(answers, exclude, args.min_sites, args.max_words)
    Path(args.table).write_text(
        json.dumps(table, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )
    with open(args.manifest, "w", encoding="utf-8") as fh:
        for rec in kept:
            rec = dict(rec, fetched=args.fetched, source="search:pages", licence=LICENCE)
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    skipped = len({site_of(u) for _q, u, _l in answers} & exclude)
    print(
        f"{table['pages']} pages from {table['sites']} sites read ({skipped} labelled sites "
        f"skipped); {len(table['lines'])} lines on >= {args.min_sites} sites -> {args.table}"
    )
    for key, n in table["lines"].items():
        print(f"  {n:3d}  {key}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="count the saved answers' short lines by site")
    b.add_argument("--raw", required=True, help="folder of saved search answers (*.json)")
    b.add_argument("--table", default=str(OUT_DIR / "recur_lines.json"))
    b.add_argument("--manifest", default=str(OUT_DIR / "recur_pages.jsonl"))
    b.add_argument("--fetched", default=dt.date.today().isoformat())
    b.add_argument("--min-sites", type=int, default=MIN_SITES)
    b.add_argument("--max-words", type=int, default=MAX_WORDS)
    c = sub.add_parser("coverage", help="what a built table reaches on the TRAIN pages")
    c.add_argument("--table", default=str(OUT_DIR / "recur_lines.json"))
    p = sub.add_parser("potential", help="the signal counted on the TRAIN text, by site")
    p.add_argument("--show", type=int, default=0, help="examples per threshold")
    args = ap.parse_args(argv)
    if args.cmd == "build":
        _cmd_build(args)
    elif args.cmd == "coverage":
        table = json.loads(Path(args.table).read_text("utf-8"))
        print(json.dumps(coverage(table), indent=1))
    else:
        print(json.dumps(potential(show=args.show), indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
