"""Weakly labelled training pages for the strip models, derived from HTML pages with gold text
(issue 10, branch strip-weak10; development data only).

    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.weak build   # renders + labels, cached
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.weak show ID  # one page, labelled
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.weak stats    # counts per source

Sources (read where they lie; nothing of them is written into the repository but the
manifest of page ids and SHA-256 of the derived text, ``tools/strip_model/weak_manifest.json``):

* ``/work/cache/html-fr6`` (:mod:`benchmarks.bench_html_gold`): pages with their full gold
  article text; **only the dev part** of ``benchmarks/html_gold_split.json`` is read;
* trafilatura's evaluation set (``evaldata.json``, :mod:`benchmarks.bench_html_trafilatura`):
  **only the dev half** (``_half(url) == "dev"``); snippets "with" / "without".

Every page whose site lies on the held-out side of the strip corpus split is left out
(``tools.strip_corpus.common.is_test_site(site_of(url))``), and so is a page whose URL is
unknown (its side cannot be told), or whose gold text is in a language without a rule file.

**Rendering**: :func:`cleannews.strip.html.fallback_lines` (the package's reader of last
resort: tags cut out, script / style / head skipped, one line per block, no boilerplate
removal), one line per block joined by newlines — a page as a text scraper leaves it.

**Labelling rule** (:func:`label_lines`; tokens are NFKC-lowercased ``\\w+`` words):

1. a line without a word: unknown;
2. content ("C") when its tokens are a whole gold line, or (``LONG_LINE_TOKENS`` tokens or
   more) a contiguous part of the gold text, or when at least ``CONTENT_SHINGLES`` of its
   word trigrams are in the gold text;
3. boilerplate ("weak") when a line of ``LONG_LINE_TOKENS`` tokens or more has at most
   ``FURNITURE_SHINGLES`` of its trigrams in the gold text, or a shorter line's tokens occur
   nowhere in the gold text as a contiguous sequence;
4. otherwise unknown (a short line whose words occur inside the gold text, a line half in it);
5. a later copy of a content line is unknown (a title repeat or a template copy: the gold
   text holds the words once);
6. a boilerplate line that may be a byline or a dateline (:func:`byline_or_date`: at most
   ``BYLINE_MAX_WORDS`` words, a date or a time, or a byline word first) is unknown: the corpus
   guideline counts them as content and most gold bodies leave them out; so is a prose-like
   boilerplate line (``PROSE_MIN_WORDS`` words or more, a sentence end) between the first and
   the last content line (a standfirst or a paragraph the gold version lacks);
7. a page is kept only when its content lines hold at least ``MIN_GOLD_COVERAGE`` of the gold
   tokens (the rendering and the gold text describe the same page) and it has at least
   ``MIN_CONTENT_LINES`` content and ``MIN_FURNITURE_LINES`` boilerplate lines.

For trafilatura's snippets (partial gold): a line containing a "without" snippet (or all of a
line inside one) is boilerplate, a line containing a "with" snippet or inside one is content,
both or neither: unknown. At training time (:func:`weak_pages`) boilerplate labels on the line
the strip takes for the headline and on protected lines (bylines, datelines: content under the
corpus guideline, absent from most gold bodies) are made unknown.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GOLD_CACHE = Path("/work/cache/html-fr6")
GOLD_SPLIT = REPO / "benchmarks" / "html_gold_split.json"
TRAF_TESTS = Path("/work/cache/strip-html/traf/tests")
WORK = Path("/tmp/strip-weak10")
MANIFEST = Path(__file__).with_name("weak_manifest.json")
#: Languages with a rule file and a stoplist (the corpus languages).
LANGUAGES = frozenset({"fr", "en", "de", "es", "it"})
#: A line of this many tokens or more may be matched inside the gold text.
LONG_LINE_TOKENS = 4
#: Share of a line's word trigrams found in the gold text that make it content ...
CONTENT_SHINGLES = 0.8
#: ... and at most this share makes a long line boilerplate.
FURNITURE_SHINGLES = 0.2
MIN_GOLD_COVERAGE = 0.7
MIN_CONTENT_LINES = 3
MIN_FURNITURE_LINES = 1
#: A rendered page longer than this many lines is cut (a scraper keeps a page's beginning;
#: the corpus pages have at most a few hundred lines).
MAX_LINES = 400
#: The label of a weak boilerplate line (its kind is unknown).
WEAK_LABEL = "weak"
#: A byline / dateline has at most this many words.
BYLINE_MAX_WORDS = 15
#: A boilerplate line this long and ending like a sentence, inside the article, is unknown.
PROSE_MIN_WORDS = 12
_BYLINE_START = re.compile(
    r"^\W*(?:by|par|von|por|di|da|de|written by|texto|text|autor|auteur|author)\b", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?»“”\"…]\s*$")
#: Trafilatura pages need at least this many labelled lines.
MIN_SNIPPET_LINES = 2

_TOKEN = re.compile(r"\w+")
_URL_META = re.compile(
    r"""<(?:link[^>]*rel=["']?canonical["']?[^>]*href=["']([^"'>\s]+)|"""
    r"""meta[^>]*property=["']og:url["'][^>]*content=["']([^"'>\s]+))""",
    re.IGNORECASE,
)


def tokens(text: str) -> list[str]:
    """Lowercased word tokens (NFKC, soft hyphens removed).

    >>> tokens("L'Élysée, mardi\\xad soir !")
    ['l', 'élysée', 'mardi', 'soir']
    """
    text = unicodedata.normalize("NFKC", text.replace("\xad", ""))
    return [t.lower() for t in _TOKEN.findall(text)]


def _shingles(toks: list[str]) -> list[tuple[str, ...]]:
    return [tuple(toks[i:i + 3]) for i in range(len(toks) - 2)]


class Gold:
    """The gold text of a page, ready for matching lines against it."""

    def __init__(self, text: str) -> None:
        lines = [tokens(x) for x in text.split("\n")]
        self.lines = {" ".join(t) for t in lines if t}
        self.seq = " " + " ".join(" ".join(t) for t in lines if t) + " "
        self.shingles = set()
        for t in lines:
            self.shingles.update(_shingles(t))
        all_toks = [w for t in lines for w in t]
        self.shingles.update(_shingles(all_toks))  # across gold line ends too
        self.n_tokens = len(all_toks)


def label_line(toks: list[str], gold: Gold) -> str | None:
    """``"C"``, :data:`WEAK_LABEL` or None (unknown) for one rendered line's tokens.

    >>> g = Gold("Le titre\\nLe maire a signé le décret mardi soir à Lyon.")
    >>> label_line(tokens("Le titre"), g), label_line(tokens("le décret mardi soir"), g)
    ('C', 'C')
    >>> label_line(tokens("Partager"), g), label_line(tokens("Lyon"), g)
    ('weak', None)
    >>> label_line(tokens("Abonnez-vous à notre lettre du soir"), g)
    'weak'
    """
    if not toks:
        return None
    joined = " ".join(toks)
    if joined in gold.lines:
        return "C"
    inside = f" {joined} " in gold.seq
    if len(toks) < LONG_LINE_TOKENS:
        return None if inside else WEAK_LABEL
    if inside:
        return "C"
    sh = _shingles(toks)
    share = sum(s in gold.shingles for s in sh) / len(sh)
    if share >= CONTENT_SHINGLES:
        return "C"
    if share <= FURNITURE_SHINGLES:
        return WEAK_LABEL
    return None


def label_lines(lines: list[str], gold_text: str) -> tuple[list[str | None], float]:
    """(one label per line, share of the gold tokens held by the content lines).

    >>> labs, cov = label_lines(["Menu", "Le titre", "Le maire a signé le décret.",
    ...                           "Le titre", "Newsletter gratuite du matin"],
    ...                          "Le titre\\nLe maire a signé le décret.")
    >>> labs, cov
    (['weak', 'C', 'C', None, 'weak'], 1.0)
    """
    gold = Gold(gold_text)
    out: list[str | None] = []
    seen: set[str] = set()
    covered = Counter()
    for line in lines:
        toks = tokens(line)
        lab = label_line(toks, gold)
        key = " ".join(toks)
        if lab == "C":
            if key in seen:
                lab = None
            else:
                seen.add(key)
                covered.update(toks)
        out.append(lab)
    out = unknown_inside(lines, out)
    gold_counts = Counter(w for g in gold.lines for w in g.split())
    total = sum(gold_counts.values())
    cov = sum((covered & gold_counts).values()) / total if total else 0.0
    return out, round(cov, 4)


def byline_or_date(line: str) -> bool:
    """A short line that may be the article's byline or dateline (content in the corpus).

    >>> byline_or_date("By Gopal Sharma"), byline_or_date("Published 3 March 2020, 14:02")
    (True, True)
    >>> byline_or_date("Share on Facebook")
    False
    """
    sys.path.insert(0, str(REPO / "src"))
    from cleannews.strip.linemodel import _DATE, _TIME

    if len(line.split()) > BYLINE_MAX_WORDS:
        return False
    return bool(_BYLINE_START.search(line) or _DATE.search(line) or _TIME.search(line)
                or re.search(r"\b(?:19|20)\d\d\b", line))


def unknown_inside(lines: list[str], labels: list[str | None]) -> list[str | None]:
    """Rule 6: bylines / datelines and prose-like lines inside the article made unknown.

    >>> lines = ["Titre", "Par Jean Dupont", "Un chapeau qui résume tout l'article en une "
    ...          "phrase assez longue et claire.", "Corps", "Partager"]
    >>> unknown_inside(lines, ["C", "weak", "weak", "C", "weak"])
    ['C', None, None, 'C', 'weak']
    """
    cs = [i for i, lab in enumerate(labels) if lab == "C"]
    first, last = (cs[0], cs[-1]) if cs else (-1, -1)
    out = list(labels)
    for i, (line, lab) in enumerate(zip(lines, labels, strict=True)):
        if lab != WEAK_LABEL:
            continue
        prose = len(line.split()) >= PROSE_MIN_WORDS and _SENTENCE_END.search(line)
        if byline_or_date(line) or (prose and first < i < last):
            out[i] = None
    return out


def page_ok(labels: list[str | None], coverage: float) -> bool:
    """The page is kept for training (rule 6 of the module docstring)."""
    return (
        coverage >= MIN_GOLD_COVERAGE
        and labels.count("C") >= MIN_CONTENT_LINES
        and labels.count(WEAK_LABEL) >= MIN_FURNITURE_LINES
    )


def render(html: str) -> list[str]:
    """The page's lines as a scraper leaves them (:func:`fallback_lines`, one per block)."""
    sys.path.insert(0, str(REPO / "src"))
    from cleannews.strip.html import fallback_lines

    lines = [t for t, _ in fallback_lines(html) if not t.startswith("<!")]  # a doctype
    return lines[:MAX_LINES]


def page_url(html: str, row: dict) -> str | None:
    """The page's URL: the manifest's, else its canonical / og:url link; None when unknown.

    >>> page_url('<link rel="canonical" href="https://www.lemonde.fr/a">', {})
    'https://www.lemonde.fr/a'
    """
    if row.get("url"):
        return row["url"]
    m = _URL_META.search(html[:200_000])
    if m:
        url = m.group(1) or m.group(2)
        if url.startswith("http"):
            return url
    site = row.get("site", "")
    if "." in site and " " not in site:  # fundus: the publisher's host
        return "https://" + site
    return None


def strip_train_side(url: str | None) -> bool:
    """True when ``url``'s site lies on the TRAIN side of the strip corpus split."""
    if not url:
        return False
    from tools.strip_corpus.common import is_test_site, site_of

    site = site_of(url)
    return bool(site) and not is_test_site(site)


def _read_html(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def gold_dev_rows(cache: Path = GOLD_CACHE) -> list[dict]:
    """Manifest rows of the gold benchmark's **dev part** in a corpus language."""
    dev = set(json.loads(GOLD_SPLIT.read_text("utf-8"))["dev"])
    rows = [json.loads(x) for x in (cache / "manifest.jsonl").read_text("utf-8").splitlines()
            if x.strip()]
    return [r for r in rows if r["id"] in dev and r.get("language") in LANGUAGES]


def build_gold(cache: Path = GOLD_CACHE) -> list[dict]:
    """Weak pages of the gold benchmark's dev part (see the module docstring)."""
    out = []
    for row in gold_dev_rows(cache):
        html_path = cache / "pages" / f"{row['file']}.html"
        if not html_path.is_file():
            continue
        html = _read_html(html_path)
        url = page_url(html, row)
        rec = {"id": "weak:" + row["id"], "source": "html-gold-dev", "url": url,
               "lang": row["language"], "licence": row.get("licence", "")}
        if not strip_train_side(url):
            out.append(dict(rec, kept=False, why="held-out side or unknown site"))
            continue
        from tools.strip_corpus.common import site_of

        lines = render(html)
        gold = (cache / "gold" / f"{row['file']}.txt").read_text("utf-8")
        labels, cov = label_lines(lines, gold)
        ok = page_ok(labels, cov)
        out.append(dict(rec, site="weak:" + site_of(url), kept=ok, coverage=cov,
                        why="" if ok else "gold coverage or too few labels",
                        lines=lines, labels=labels))
    return out


def label_snippets(lines: list[str], with_: list[str], without: list[str]) -> list[str | None]:
    """Labels from trafilatura's partial snippets (the module docstring's last paragraph).

    >>> label_snippets(["Menu Accueil", "Le maire a signé.", "Autre"], ["maire a signé"],
    ...                ["Accueil"])
    ['weak', 'C', None]
    """
    def norm(x: str) -> str:
        return " " + " ".join(tokens(x)) + " "

    w = [norm(s) for s in with_ if tokens(s)]
    wo = [norm(s) for s in without if tokens(s)]
    out: list[str | None] = []
    for line in lines:
        n = norm(line)
        if n.strip() == "":
            out.append(None)
            continue
        good = any(s in n or n in s for s in w)
        bad = any(s in n or n in s for s in wo)
        lab = "C" if good and not bad else WEAK_LABEL if bad and not good else None
        out.append(None if lab == WEAK_LABEL and byline_or_date(line) else lab)
    return out


def build_traf(tests: Path = TRAF_TESTS) -> list[dict]:
    """Weak pages of trafilatura's evaluation set, **dev half** only."""
    sys.path.insert(0, str(REPO))
    from benchmarks.bench_html_trafilatura import _half, _language, page_file

    from cleannews.strip.detectors import _stoplists
    from tools.strip_corpus.common import site_of

    stop = {k: v for k, v in _stoplists().items() if k in LANGUAGES}
    evaldata = json.loads((tests / "evaldata.json").read_text("utf-8"))
    out = []
    for url in sorted(evaldata):
        if _half(url) != "dev":
            continue
        item = evaldata[url]
        rec = {"id": "weak:traf:" + hashlib.sha256(url.encode()).hexdigest()[:16],
               "source": "trafilatura-dev", "url": url}
        if not strip_train_side(url):
            out.append(dict(rec, kept=False, why="held-out side"))
            continue
        lang = _language(item["with"], stop)
        path = page_file(tests, item["file"])
        if path is None or lang not in LANGUAGES:
            out.append(dict(rec, kept=False, why="no page or language"))
            continue
        lines = render(_read_html(path))
        labels = label_snippets(lines, item["with"], item["without"])
        ok = sum(lab is not None for lab in labels) >= MIN_SNIPPET_LINES
        out.append(dict(rec, lang=lang, site="weak:" + site_of(url), kept=ok,
                        why="" if ok else "too few labelled lines", lines=lines,
                        labels=labels, licence="trafilatura evaluation set (its repository)"))
    return out


def cache_path(source: str) -> Path:
    return WORK / f"weak_{source}.json"


def build(sources: tuple[str, ...] = ("gold", "traf")) -> dict[str, list[dict]]:
    """Render and label every source, cache under :data:`WORK`, write :data:`MANIFEST`."""
    WORK.mkdir(parents=True, exist_ok=True)
    built = {}
    for src in sources:
        pages = build_gold() if src == "gold" else build_traf()
        cache_path(src).write_text(json.dumps(pages, ensure_ascii=False), "utf-8")
        built[src] = pages
    old = json.loads(MANIFEST.read_text("utf-8"))["pages"] if MANIFEST.is_file() else []
    rows = [r for r in old if r["source"] not in {p["source"] for b in built.values() for p in b}]
    rows += [
        {"id": p["id"], "source": p["source"],
         "text_sha256": hashlib.sha256("\n".join(p["lines"]).encode()).hexdigest()[:16],
         "labels_sha256": hashlib.sha256(
             "".join("C" if x == "C" else "B" if x else "-" for x in p["labels"]).encode()
         ).hexdigest()[:16]}
        for src in sorted(built) for p in built[src] if p["kept"]
    ]
    MANIFEST.write_text(
        '{"about": "the weakly labelled pages kept by tools/strip_model/weak.py: id, source, '
        'SHA-256 (16 hex) of the rendered text and of its labels (C / B / - per line); the '
        'text itself is not stored here",\n"pages": [\n'
        + ",\n".join(json.dumps(r, ensure_ascii=False) for r in sorted(rows, key=lambda r: r["id"]))
        + "\n]}\n", "utf-8")
    return built


def load(sources: tuple[str, ...] = ("gold",)) -> list[dict]:
    """The kept weak pages of ``sources`` (built on first use)."""
    out = []
    for src in sources:
        path = cache_path(src)
        pages = (json.loads(path.read_text("utf-8")) if path.is_file()
                 else build((src,))[src])
        out += [p for p in pages if p["kept"]]
    return out


def window(lines: list, labels: list, around: int) -> tuple[list, list]:
    """The lines from ``around`` lines before the first content line to ``around`` lines
    after the last (``around`` < 0: all): a page cut as a scraper that keeps the article's
    region would leave it.

    >>> window(list("abcdefg"), [None, "weak", "C", "weak", "C", "weak", None], 1)
    (['b', 'c', 'd', 'e', 'f'], ['weak', 'C', 'weak', 'C', 'weak'])
    """
    cs = [i for i, lab in enumerate(labels) if lab == "C"]
    if around < 0 or not cs:
        return lines, labels
    a, b = max(0, cs[0] - around), cs[-1] + around + 1
    return lines[a:b], labels[a:b]


def as_sources(pages: list[dict], around: int = -1) -> list[tuple[dict, str, list]]:
    """``(record, document, labelled lines)`` triples as the training tool reads pages
    (``lang`` "weak": never in the CV figures; ``Labelled`` None for unknown lines);
    ``around``: :func:`window`."""
    from cleannews.evaluate import Labelled

    out = []
    for p in pages:
        cut, cut_labels = window(p["lines"], p["labels"], around)
        lines = [ln for ln in cut if ln.strip()]
        labs = [lab for ln, lab in zip(cut, cut_labels, strict=True) if ln.strip()]
        doc = "\n".join(lines) + "\n"
        labelled = [None if lab is None else Labelled(lab, ln, line=k)
                    for k, (ln, lab) in enumerate(zip(lines, labs, strict=True))]
        rec = {"id": p["id"], "site": p["site"], "lang": "weak", "page_lang": p["lang"],
               "split": "train"}
        out.append((rec, doc, labelled))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--sources", default="gold,traf")
    s = sub.add_parser("show")
    s.add_argument("id")
    s.add_argument("--sources", default="gold,traf")
    st = sub.add_parser("stats")
    st.add_argument("--sources", default="gold,traf")
    args = ap.parse_args(argv)
    sources = tuple(args.sources.split(","))
    if args.cmd == "build":
        build(sources)
    pages = []
    for src in sources:
        pages += json.loads(cache_path(src).read_text("utf-8"))
    if args.cmd == "show":
        for p in pages:
            if p["id"] == args.id:
                print(p["url"], p.get("coverage"), p["why"])
                for ln, lab in zip(p["lines"], p["labels"], strict=True):
                    print(f"{lab or '?':5}| {ln[:160]}")
        return 0
    for src in sources:
        sel = [p for p in pages if p["source"].startswith("html" if src == "gold" else "traf")]
        kept = [p for p in sel if p["kept"]]
        c = Counter(lab for p in kept for lab in p["labels"])
        print(f"{src}: {len(sel)} pages read, {len(kept)} kept "
              f"({Counter(p['why'] for p in sel if not p['kept'])}); languages "
              f"{Counter(p['lang'] for p in kept)}; lines C {c['C']}, weak {c[WEAK_LABEL]}, "
              f"unknown {c[None]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
