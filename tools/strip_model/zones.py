"""Where the furniture the strip stage misses sits on its page: head, article or tail (issue 10).

A development study (docs/strip-history.md, "Zones of the missed furniture (issue 10, round
32)"). Every labelled line of the TRAIN pages of ``fixtures/strip_real`` is placed in a zone
of its page found **from the text alone** (never from the labels):

* a **body paragraph** (:func:`body_paragraph`) is a line of at least
  :data:`BODY_MIN_WORDS` words, with at least :data:`BODY_MIN_STOP` stop words of the page's
  language, that ends like a sentence;
* ``head``: the lines above the page's first body paragraph; ``body``: from the first to the
  last body paragraph; ``tail``: the lines under the last one; ``none``: a page without a
  body paragraph.

The zone finder is compared with the labels' own content span (first to last content line):
how often it finds the same first line, the same last line, and how many lines it puts in
the same zone. Then the labelled lines are counted per zone: furniture the stage **missed**
(left in) or **removed**, content **kept** or **lost**, per kind of furniture, per language,
for all TRAIN pages and for each fresh batch r27–r35 (``--batches``). ``--tail`` prints the
shape of the tail's lines (words, sentence end, distance from the last body paragraph) that a
structural decision would read.

    PYTHONPATH=src:. python -m tools.strip_model.zones                 # all TRAIN pages
    PYTHONPATH=src:. python -m tools.strip_model.zones --per-batch     # + r27 ... r35 one by one
    PYTHONPATH=src:. python -m tools.strip_model.zones --cache /tmp/z.json --tail

``--cache FILE`` keeps the cleaned pages' survival (written once, read again: the cleaning
is the slow part; delete the file after a code change). Every figure is a development
figure (TRAIN pages; the transfer-check batches of ``unscored.json`` are never read).

    >>> stop = frozenset({"le", "la", "de", "a", "et", "un", "une", "dans", "les"})
    >>> body_paragraph("Le maire a signé un accord dans la soirée et les habitants le "
    ...                "saluent.", stop)
    True
    >>> body_paragraph("Lire aussi", stop), body_paragraph("Le maire a signé un accord", stop)
    (False, False)
    >>> rows = ["Titre", "Menu", "Le maire a signé un accord dans la soirée et les habitants "
    ...         "le saluent.", "Tags", "Partager"]
    >>> zones_of(rows, stop)
    ['head', 'head', 'body', 'tail', 'tail']
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from cleannews.evaluate import _clean_traced, _survival, page_batch, read_corpus
from cleannews.strip._rules import load_stopwords
from cleannews.strip.detectors import _WORD, _ends_sentence

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "strip_real"

#: A body paragraph has at least this many words ...
BODY_MIN_WORDS = 12
#: ... at least this share of stop words of the page's language ...
BODY_MIN_STOP = 0.2
#: ... and ends like a sentence (``detectors._ends_sentence``).

#: The zone finder's first (last) body paragraph is "near" the labels' first (last) content
#: line when at most this many lines apart (the headline and a dateline stand above the first
#: paragraph, a signature under the last).
AGREE_LINES = 2
#: The fresh TRAIN batches reported one by one (rounds 27 to 35; round 36 is unscored).
FRESH_ROUNDS = tuple(f"r{n}" for n in range(27, 36))
ZONES = ("head", "body", "tail", "none")


def body_paragraph(text: str, stop: frozenset[str]) -> bool:
    """A line of the article's body, read from its text: long, with function words, ended."""
    text = text.strip()
    words = _WORD.findall(text.casefold())
    if len(words) < BODY_MIN_WORDS:
        return False
    share = sum(w in stop for w in words) / len(words)
    return share >= BODY_MIN_STOP and _ends_sentence(text)


def _zones_around(body: list[int], n: int) -> list[str]:
    """The zones of ``n`` lines around the ``body`` lines (ascending): head above the first,
    tail under the last, body between; all ``"none"`` without a body line.

    >>> _zones_around([1, 3], 5), _zones_around([], 2)
    (['head', 'body', 'body', 'body', 'tail'], ['none', 'none'])
    """
    if not body:
        return ["none"] * n
    first, last = body[0], body[-1]
    return ["head" if i < first else "tail" if i > last else "body" for i in range(n)]


def zones_of(texts: list[str], stop: frozenset[str]) -> list[str]:
    """The zone of every line of a page (blank lines take the zone of their place)."""
    body = [i for i, t in enumerate(texts) if body_paragraph(t, stop)]
    return _zones_around(body, len(texts))


def label_zones(labels: list[str]) -> list[str]:
    """The zones the labels give: around the first and last content line."""
    return _zones_around([i for i, lb in enumerate(labels) if lb == "C"], len(labels))


def collect(cache: Path | None = None, root: Path = CORPUS) -> list[dict]:
    """One record per TRAIN page: id, batch, lang, page_type and its non-blank labelled lines
    as ``[label, text, survived]`` (cleaned as ``cleannews.evaluate`` cleans them)."""
    if cache and cache.exists():
        return json.loads(cache.read_text("utf-8"))
    pages = []
    for rec, doc, labelled in read_corpus(root, ("train",)):
        visible = "\n".join(lb.text for lb in labelled)
        out, trace = _clean_traced(doc, False)
        pages.append(page_record(rec, labelled, _survival(labelled, out, visible, trace)))
    if cache:
        cache.write_text(json.dumps(pages, ensure_ascii=False), "utf-8")
    return pages


def page_record(rec: dict, labelled: list, survived: list[bool] | None = None) -> dict:
    """The study's record of one page (:func:`collect`): ``survived`` defaults to every line
    standing (the page before the strip stage: what a decision could take at most)."""
    if survived is None:
        survived = [True] * len(labelled)
    return {
        "id": rec["id"], "batch": page_batch(rec["id"]), "lang": rec["lang"],
        "page_type": rec.get("page_type", ""),
        "lines": [[lb.label, lb.text, s] for lb, s in zip(labelled, survived, strict=True)
                  if not lb.whitespace],
    }


def outcome(label: str, survived: bool) -> str:
    """``missed`` / ``removed`` furniture, ``kept`` / ``lost`` content."""
    if label == "C":
        return "kept" if survived else "lost"
    return "missed" if survived else "removed"


def agreement(pages: list[dict]) -> dict:
    """How often the text's zones match the labels' content span."""
    out = {"pages": 0, "first": 0, "last": 0, "first_near": 0, "last_near": 0,
           "lines": 0, "same_zone": 0, "bounds": defaultdict(int)}
    for p in pages:
        texts = [t for _, t, _ in p["lines"]]
        mine = zones_of(texts, load_stopwords((p["lang"],)))
        theirs = label_zones([lb for lb, _, _ in p["lines"]])
        out["pages"] += 1
        out["lines"] += len(mine)
        out["same_zone"] += sum(a == b for a, b in zip(mine, theirs, strict=True))
        if "body" not in mine or "body" not in theirs:
            same = mine == theirs
            for k in ("first", "last", "first_near", "last_near"):
                out[k] += same
            continue
        ends = []
        for zs in (mine, theirs):
            ends.append((zs.index("body"), len(zs) - 1 - zs[::-1].index("body")))
        (f1, l1), (f2, l2) = ends
        out["first"] += f1 == f2
        out["last"] += l1 == l2
        out["first_near"] += abs(f1 - f2) <= AGREE_LINES
        out["last_near"] += abs(l1 - l2) <= AGREE_LINES
        for k in {f1, l1}:
            if p["lines"][k][0] != "C":  # furniture read as the body's first or last paragraph
                out["bounds"][p["lines"][k][0]] += 1
    return out


def table(pages: list[dict], key) -> dict:
    """Counts ``{group: {zone: {outcome: n}}}``; ``key(page, label)`` names the group."""
    out: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for p in pages:
        texts = [t for _, t, _ in p["lines"]]
        zs = zones_of(texts, load_stopwords((p["lang"],)))
        for (label, _t, s), z in zip(p["lines"], zs, strict=True):
            for g in key(p, label):
                out[g][z][outcome(label, s)] += 1
    return out


def _print_table(title: str, counts: dict) -> None:
    print(f"\n{title}")
    print(f"  {'group':14s} " + "  ".join(f"{z:>18s}" for z in ZONES))
    print(f"  {'':14s} " + "  ".join(f"{'miss/kept/rem/lost':>18s}" for _ in ZONES))
    for g in sorted(counts):
        cells = []
        for z in ZONES:
            c = counts[g][z]
            cells.append(f"{c['missed']:>4d}/{c['kept']:>4d}/{c['removed']:>4d}/{c['lost']:>3d}")
        print(f"  {g[:14]:14s} " + "  ".join(f"{x:>18s}" for x in cells))


def tail_shapes(pages: list[dict], max_words: int = 12) -> dict:
    """Tail lines of at most ``max_words`` words without a sentence end, by their distance
    (in standing-or-not labelled lines) from the last body paragraph: ``{bucket: outcomes}``."""
    out: dict = defaultdict(lambda: defaultdict(int))
    for p in pages:
        texts = [t for _, t, _ in p["lines"]]
        zs = zones_of(texts, load_stopwords((p["lang"],)))
        if "tail" not in zs:
            continue
        start = zs.index("tail")
        for k in range(start, len(texts)):
            label, t, s = p["lines"][k]
            n = len(_WORD.findall(t))
            shape = "short" if n <= max_words and not _ends_sentence(t.strip()) else "other"
            dist = k - start + 1
            bucket = f"{shape} d{'1-2' if dist <= 2 else '3-5' if dist <= 5 else '6+'}"
            out[bucket][outcome(label, s)] += 1
    return out


#: The grid of structural decisions ``--candidates`` tries: a standing line of the zone, of at
#: most ``words`` words and without a sentence end, at least ``dist`` lines from the body's
#: edge, in a run of at least ``run`` such lines.
GRID_WORDS = (3, 5, 8, 12)
GRID_DIST = (1, 2, 3, 4, 6)
GRID_RUN = (1, 3, 4, 6)
#: A decision ships only if it loses at most this share of the content lines (issue 10's bar:
#: 1 content line per 1,000).
MAX_LOST_SHARE = 0.001


def _shape_rows(p: dict) -> list[tuple[str, int, bool, str, bool]]:
    """``(zone, distance from the body's edge, short, label, survived)`` per line of a page;
    ``short``: at most the largest :data:`GRID_WORDS` words and no sentence end."""
    texts = [t for _, t, _ in p["lines"]]
    zs = zones_of(texts, load_stopwords((p["lang"],)))
    if "body" not in zs:
        return []
    first, last = zs.index("body"), len(zs) - 1 - zs[::-1].index("body")
    out = []
    for i, ((label, t, s), z) in enumerate(zip(p["lines"], zs, strict=True)):
        n = len(_WORD.findall(t))
        words = n if not _ends_sentence(t.strip()) else 10**6
        dist = first - i if z == "head" else i - last if z == "tail" else 0
        out.append((z, dist, words, label, s))
    return out


def _runs(rows: list, words: int) -> list[int]:
    """For each line, the length of the run of lines of at most ``words`` words it is in."""
    out = [0] * len(rows)
    i = 0
    while i < len(rows):
        if rows[i][2] > words:
            i += 1
            continue
        j = i
        while j < len(rows) and rows[j][2] <= words:
            j += 1
        out[i:j] = [j - i] * (j - i)
        i = j
    return out


def candidates(pages: list[dict]) -> list[dict]:
    """Every decision of the grid, scored as gained furniture / lost content per group
    (``dev``: the TRAIN pages outside r27–r35, on which a decision is chosen; then each fresh
    batch as unseen). Only standing lines count: a removed line cannot be gained or lost."""
    groups = {}
    for p in pages:
        rnd = p["batch"].split("-")[1]
        groups.setdefault(rnd if rnd in FRESH_ROUNDS else "dev", []).append(_shape_rows(p))
    content = {g: sum(1 for page in v for r in page if r[3] == "C") for g, v in groups.items()}
    out = []
    for zone in ("head", "tail"):
        for words in GRID_WORDS:
            for dist in GRID_DIST:
                for run in GRID_RUN:
                    score = {}
                    for g, v in groups.items():
                        gain = lost = 0
                        for rows in v:
                            runs = _runs(rows, words)
                            for r, k in zip(rows, runs, strict=True):
                                if r[4] and r[0] == zone and r[2] <= words and r[1] >= dist \
                                        and k >= run:
                                    gain += r[3] != "C"
                                    lost += r[3] == "C"
                        score[g] = (gain, lost)
                    out.append({"zone": zone, "words": words, "dist": dist, "run": run,
                                "score": score, "content": content})
    return out


def _print_candidates(cands: list[dict]) -> None:
    groups = ["dev", *FRESH_ROUNDS]
    dev_budget = MAX_LOST_SHARE * cands[0]["content"]["dev"]
    ok = [c for c in cands if c["score"]["dev"][1] <= dev_budget and c["score"]["dev"][0]]
    best = sorted(cands, key=lambda c: (-c["score"]["dev"][0] / (1 + c["score"]["dev"][1]),
                                        -c["score"]["dev"][0]))[:8]
    print(f"\nstructural decisions (gained furniture / lost content): {len(cands)} tried; "
          f"{len(ok)} within the bar on dev ({dev_budget:.1f} content lines of "
          f"{cands[0]['content']['dev']})")
    print(f"  {'decision':34s}" + "".join(f"{g:>9s}" for g in groups))
    for c in (ok or []) + [c for c in best if c not in ok]:
        name = f"{c['zone']} <={c['words']}w d>={c['dist']} run>={c['run']}"
        print(f"  {name:34s}" + "".join(
            f"{c['score'].get(g, (0, 0))[0]:>4d}/{c['score'].get(g, (0, 0))[1]:<4d}"
            for g in groups))


def main(argv: list[str] | None = None) -> int:
    """Print the zone tables of the TRAIN pages (and of each fresh batch with --per-batch)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, help="keep the cleaned pages' survival in FILE")
    ap.add_argument("--per-batch", action="store_true", help="r27 ... r35 one by one")
    ap.add_argument("--tail", action="store_true", help="shapes of the tail's lines")
    ap.add_argument("--candidates", action="store_true",
                    help="score the grid of structural decisions leave-batch-out")
    ap.add_argument("--articles-only", action="store_true",
                    help="only the pages the labels call articles (an upper bound for a "
                    "decision gated on the page kind: listings' teasers are content)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    pages = collect(args.cache)
    if args.articles_only:
        pages = [p for p in pages if p["page_type"] == "article"]
    groups = {"TRAIN": pages}
    if args.per_batch:
        for r in FRESH_ROUNDS:
            groups[r] = [p for p in pages if p["batch"].endswith("-" + r)]
    result = {}
    for name, sel in groups.items():
        agr = agreement(sel)
        by_zone = table(sel, lambda p, lb: ("all",))
        by_lang = table(sel, lambda p, lb: (p["lang"],))
        by_kind = table(sel, lambda p, lb: (lb,) if lb != "C" else ())
        by_type = table(sel, lambda p, lb: (p["page_type"] or "?",))
        result[name] = {"agreement": agr, "all": by_zone, "lang": by_lang, "kind": by_kind,
                        "page_type": by_type}
        if args.tail:
            result[name]["tail"] = tail_shapes(sel)
        if args.json:
            continue
        print(f"\n=== {name}: {agr['pages']} pages; zone finder vs labels' content span: "
              f"first line {agr['first']}/{agr['pages']} (within {AGREE_LINES} lines "
              f"{agr['first_near']}), last line {agr['last']}/{agr['pages']} (within "
              f"{AGREE_LINES} lines {agr['last_near']}), "
              f"lines in the same zone {agr['same_zone']}/{agr['lines']} "
              f"({100 * agr['same_zone'] / max(agr['lines'], 1):.1f} %)")
        print("  furniture read as the body's first or last paragraph: " + ", ".join(
            f"{k} {v}" for k, v in sorted(agr["bounds"].items(), key=lambda kv: -kv[1])))
        _print_table("all lines (missed furniture / kept content / removed furniture / "
                     "lost content)", by_zone)
        _print_table("per language", by_lang)
        _print_table("per page type", by_type)
        _print_table("per kind of furniture", by_kind)
        if args.tail:
            print("  tail lines by shape and distance from the last body paragraph:")
            for b, c in sorted(result[name]["tail"].items()):
                print(f"    {b:12s} missed {c['missed']:4d}  kept {c['kept']:4d}  "
                      f"removed {c['removed']:4d}  lost {c['lost']:3d}")
    if args.per_batch and not args.json:
        _print_table("per batch, all lines (missed / kept / removed / lost)",
                     {g: r["all"]["all"] for g, r in result.items()})
    if args.candidates and not args.json:
        _print_candidates(candidates(pages))
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
