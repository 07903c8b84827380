"""The HTML path on pages with full gold text from peers' own test suites (token P/R/F1).

A second HTML development benchmark, independent of trafilatura's evaluation set.
Each page comes with the main text a peer's test suite expects from it:

* ``mozilla/readability`` (Apache-2.0): ``test/test-pages/<name>/source.html`` and
  ``expected.html`` (gold = ``expected-metadata.json`` title + the text of
  ``expected.html``); the small synthetic feature tests (< 20 kB of source) are left out;
* ``flairNLP/fundus`` (MIT): ``tests/resources/parser/test_data/<cc>/<Publisher>_<date>.html.gz``
  and ``<Publisher>.json`` (gold = title + summary + every section's headline and
  paragraphs of the parser version whose text matches the page), the current test
  files and the ones its history replaced;
* ``scrapinghub/article-extraction-benchmark`` (MIT): ``html/<id>.html.gz`` and
  ``ground-truth.json`` (gold = ``articleBody``; English pages).

Nothing is copied into this repository: ``build`` reads the peers' git mirrors
(``git show``) and writes the pages, the gold texts and ``manifest.jsonl`` (repo,
commit, path, licence, site, language of the gold text by py3langid) under a cache
folder; ``run`` scores the engines on it::

    python benchmarks/bench_html_gold.py build /work/cache/html-fr6 \\
        --readability MIRROR --fundus MIRROR --aeb MIRROR
    python benchmarks/bench_html_gold.py run /work/cache/html-fr6 --part dev --by-language

Scoring is token-level, as in the scrapinghub / web-content-extraction benchmarks: the
lowercased ``\\w+`` tokens of the output and of the gold text as multisets; per page
precision = common / output tokens, recall = common / gold tokens; the table gives the
micro figures (token counts summed over the pages) and the mean per-page F1. (The
trafilatura benchmark counts snippets found; this one counts words.)

The split is by site and frozen in ``benchmarks/html_gold_split.json`` (page ids and a
hash of the test list): tune on ``--part dev`` only; ``--part test`` is the held-out
figure, to be read once at the end of a round.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

_TOKEN = re.compile(r"\w+")
SPLIT_FILE = Path(__file__).with_name("html_gold_split.json")
#: readability's feature tests are small hand-made pages, not real sites.
MIN_READABILITY_SOURCE_BYTES = 20_000
#: a fundus parser version is the page's gold when this share of its tokens is in the page.
MIN_FUNDUS_MATCH = 0.6
#: share of the sites that form the frozen test part.
TEST_SHARE = 0.5


def tokens(text: str) -> Counter[str]:
    """Lowercased word tokens of ``text`` as a multiset (soft hyphens removed, NFKC).

    >>> sorted(tokens("Le chat, le CHAT\\xad!").items())
    [('chat', 2), ('le', 2)]
    """
    text = unicodedata.normalize("NFKC", text.replace("\xad", ""))
    return Counter(t.lower() for t in _TOKEN.findall(text))


def prf(out: Counter[str], gold: Counter[str]) -> tuple[int, int, int]:
    """(common, output, gold) token counts of one page.

    >>> prf(tokens("a b c"), tokens("a b d e"))
    (2, 3, 4)
    """
    common = sum((out & gold).values())
    return common, sum(out.values()), sum(gold.values())


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "ne", "or"})


def site_key(site: str) -> str:
    """The name of a site without subdomain and suffix, so that the same site from two
    peers (readability's ``lemonde-1``, fundus's ``www.lemonde.fr``) falls in one part.

    >>> site_key("fr.euronews.com"), site_key("www.bbc.co.uk"), site_key("lemonde")
    ('euronews', 'bbc', 'lemonde')
    """
    labels = site.lower().split(".")
    if len(labels) == 1:
        return labels[0]
    labels = labels[:-1]
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    return labels[-1]


def site_part(site: str) -> str:
    """``dev`` or ``test``: a fixed hash of the site's key (salted apart from the other
    benchmark's hash).

    >>> site_part("lemonde.fr") == site_part("lemonde")
    True
    """
    key = site_key(site).encode("utf-8")
    h = int(hashlib.sha256(b"html-gold:" + key).hexdigest()[:8], 16)
    return "test" if h % 1000 < TEST_SHARE * 1000 else "dev"


# --------------------------------------------------------------------------- build


def _git(mirror: Path, *args: str) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={mirror}", *args], check=True, capture_output=True
    ).stdout


def _ls(mirror: Path, commit: str, path: str) -> list[str]:
    out = _git(mirror, "ls-tree", "-r", "--name-only", commit, "--", path).decode()
    return [line for line in out.splitlines() if line]


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _html_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    return soup.get_text("\n")


def _from_readability(mirror: Path) -> list[dict]:
    commit = _git(mirror, "rev-parse", "HEAD").decode().strip()
    names = sorted(
        {p.split("/")[2] for p in _ls(mirror, commit, "test/test-pages") if p.count("/") >= 3}
    )
    pages = []
    for name in names:
        base = f"test/test-pages/{name}"
        source = _git(mirror, "show", f"{commit}:{base}/source.html")
        if len(source) < MIN_READABILITY_SOURCE_BYTES:
            continue
        expected = _git(mirror, "show", f"{commit}:{base}/expected.html").decode("utf-8")
        meta = json.loads(_git(mirror, "show", f"{commit}:{base}/expected-metadata.json"))
        gold = "\n".join(x for x in (meta.get("title") or "", _html_text(expected)) if x)
        site = re.sub(r"-\d+$", "", name)
        pages.append(
            {
                "id": f"readability:{name}",
                "repo": "mozilla/readability",
                "commit": commit,
                "path": f"{base}/source.html",
                "gold_path": f"{base}/expected.html",
                "licence": "Apache-2.0",
                "site": site,
                "html": source,
                "gold": gold,
            }
        )
    return pages


def _fundus_gold(version: dict) -> str:
    body = version.get("body") or {}
    parts = [version.get("title") or "", *body.get("summary", [])]
    for section in body.get("sections", []):
        parts += [*section.get("headline", []), *section.get("paragraphs", [])]
    return "\n".join(p for p in parts if p)


def _from_fundus(mirror: Path) -> list[dict]:
    root = "tests/resources/parser/test_data"
    head = _git(mirror, "rev-parse", "HEAD").decode().strip()
    log = _git(mirror, "log", "--format=", "--name-only", "--all", "--", f"{root}/*.html.gz")
    paths = sorted({p for p in log.decode().splitlines() if p.endswith(".html.gz")})
    pages = []
    for path in paths:
        # the commit that added this file; its publisher's JSON at that commit holds its gold
        added = _git(mirror, "log", "--all", "--format=%H", "--diff-filter=A", "--", path)
        commits = added.decode().split()
        if not commits:
            continue
        commit = commits[-1]
        if path in _ls(mirror, head, path):
            commit = head  # a current test file: its gold as it stands now
        folder, name = path.rsplit("/", 1)
        publisher = re.sub(r"_\d{4}_\d{2}_\d{2}$", "", name[: -len(".html.gz")])
        try:
            raw = gzip.decompress(_git(mirror, "show", f"{commit}:{path}"))
            versions = json.loads(_git(mirror, "show", f"{commit}:{folder}/{publisher}.json"))
            meta = json.loads(_git(mirror, "show", f"{commit}:{folder}/meta.info"))
        except (subprocess.CalledProcessError, OSError, ValueError):
            continue
        page_tokens = tokens(_html_text(raw.decode("utf-8", "replace")))
        best, best_share = "", 0.0
        for version in versions.values():
            if not isinstance(version, dict):
                continue
            gold = _fundus_gold(version)
            gt = tokens(gold)
            if not gt:
                continue
            share = sum((gt & page_tokens).values()) / sum(gt.values())
            if share > best_share:
                best, best_share = gold, share
        if best_share < MIN_FUNDUS_MATCH:
            continue
        url = (meta.get(name) or {}).get("url", "")
        pages.append(
            {
                "id": f"fundus:{folder.rsplit('/', 1)[1]}/{name[: -len('.html.gz')]}",
                "repo": "flairNLP/fundus",
                "commit": commit,
                "path": path,
                "gold_path": f"{folder}/{publisher}.json",
                "licence": "MIT",
                "site": _host(url) or publisher.lower(),
                "url": url,
                "html": raw,
                "gold": best,
            }
        )
    return pages


def _from_aeb(mirror: Path) -> list[dict]:
    commit = _git(mirror, "rev-parse", "HEAD").decode().strip()
    truth = json.loads(_git(mirror, "show", f"{commit}:ground-truth.json"))
    pages = []
    for key in sorted(truth):
        path = f"html/{key}.html.gz"
        try:
            raw = gzip.decompress(_git(mirror, "show", f"{commit}:{path}"))
        except subprocess.CalledProcessError:
            continue
        url = truth[key].get("url", "")
        pages.append(
            {
                "id": f"aeb:{key[:16]}",
                "repo": "scrapinghub/article-extraction-benchmark",
                "commit": commit,
                "path": path,
                "gold_path": "ground-truth.json",
                "licence": "MIT",
                "site": _host(url),
                "url": url,
                "html": raw,
                "gold": truth[key].get("articleBody") or "",
            }
        )
    return pages


def build(args: argparse.Namespace) -> int:
    import py3langid

    out: Path = args.cache
    (out / "pages").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    pages: list[dict] = []
    if args.readability:
        pages += _from_readability(args.readability)
    if args.fundus:
        pages += _from_fundus(args.fundus)
    if args.aeb:
        pages += _from_aeb(args.aeb)
    seen: set[str] = set()
    with (out / "manifest.jsonl").open("w", encoding="utf-8") as manifest:
        for page in pages:
            digest = hashlib.sha256(page["html"]).hexdigest()
            if digest in seen or not page["gold"].strip():
                continue
            seen.add(digest)
            fname = re.sub(r"[^A-Za-z0-9_.-]+", "_", page["id"])
            (out / "pages" / f"{fname}.html").write_bytes(page.pop("html"))
            (out / "gold" / f"{fname}.txt").write_text(page["gold"], encoding="utf-8")
            page["language"] = py3langid.classify(page.pop("gold"))[0]
            page["file"] = fname
            page["sha256"] = digest
            manifest.write(json.dumps(page, ensure_ascii=False) + "\n")
    print(f"{len(seen)} pages written to {out}")
    return 0


def freeze(args: argparse.Namespace) -> int:
    """Write the site split (page ids per part and the hash of the test list)."""
    rows = _manifest(args.cache)
    parts: dict[str, list[str]] = {"dev": [], "test": []}
    for row in rows:
        parts[site_part(row["site"])].append(row["id"])
    test_hash = hashlib.sha256("\n".join(sorted(parts["test"])).encode()).hexdigest()
    split = {
        "_about": "bench_html_gold.py: pages split by site (site_part); frozen before any "
        "tuning. Tune on dev; test is read once per round, at the end.",
        "test_sha256": test_hash,
        "dev": sorted(parts["dev"]),
        "test": sorted(parts["test"]),
        "page_sha256": {row["id"]: row["sha256"] for row in rows},
    }
    SPLIT_FILE.write_text(json.dumps(split, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"dev {len(parts['dev'])} pages, test {len(parts['test'])} pages, test hash {test_hash}")
    return 0


# --------------------------------------------------------------------------- run


def _manifest(cache: Path) -> list[dict]:
    with (cache / "manifest.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


#: jusText's stoplist per language code of the gold pages (others: English).
JUSTEXT_STOPLISTS = {
    "fr": "French", "en": "English", "de": "German", "es": "Spanish",
    "it": "Italian", "pt": "Portuguese", "pl": "Polish", "nl": "Dutch",
    "cs": "Czech", "da": "Danish", "no": "Norwegian_Bokmal", "sv": "Swedish",
    "tr": "Turkish", "ru": "Russian",
}  # fmt: skip


def _engines() -> dict[str, Callable[[bytes, str], str]]:
    """cleannews, trafilatura and jusText as ``bench_html_trafilatura.make_engines`` runs them,
    jusText with this benchmark's stoplists and English for other languages."""
    from bench_html_trafilatura import make_engines

    return make_engines(JUSTEXT_STOPLISTS, "English")


def run(args: argparse.Namespace) -> int:
    rows = _manifest(args.cache)
    split = json.loads(SPLIT_FILE.read_text("utf-8"))
    test_hash = hashlib.sha256("\n".join(sorted(split["test"])).encode()).hexdigest()
    if test_hash != split["test_sha256"]:
        print("the frozen test list does not match its hash", file=sys.stderr)
        return 1
    if args.part:
        wanted = set(split[args.part])
        rows = [r for r in rows if r["id"] in wanted]
    if args.only:
        rows = [r for r in rows if args.only in r["id"]]
    engines = _engines()
    if args.engines:
        engines = {k: v for k, v in engines.items() if k in args.engines.split(",")}
    counts: dict[str, dict[str, list[float]]] = {e: {} for e in engines}
    seconds = dict.fromkeys(engines, 0.0)
    pages: Counter[str] = Counter()
    errors = args.errors.open("w", encoding="utf-8") if args.errors else None
    for row in rows:
        html = (args.cache / "pages" / f"{row['file']}.html").read_bytes()
        gold = tokens((args.cache / "gold" / f"{row['file']}.txt").read_text("utf-8"))
        lang = row["language"]
        groups = ["all", f"src:{row['repo'].split('/')[0]}"]
        if lang != "en":
            groups.append("non-en")
        if args.by_language:
            groups.append(f"lang:{lang}")
        for g in groups:
            pages[g] += 1
        for name, fn in engines.items():
            t0 = time.perf_counter()
            try:
                text = fn(html, lang)
            except Exception as e:  # an engine crash on one page costs that page's recall
                print(f"{name} failed on {row['id']}: {e!r}", file=sys.stderr)
                text = ""
            seconds[name] += time.perf_counter() - t0
            common, n_out, n_gold = prf(tokens(text), gold)
            p = common / n_out if n_out else 0.0
            r = common / n_gold if n_gold else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            if errors is not None:
                errors.write(
                    json.dumps(
                        {"engine": name, "id": row["id"], "lang": lang, "p": round(p, 4),
                         "r": round(r, 4), "f1": round(f1, 4), "out": n_out, "gold": n_gold}
                    ) + "\n"
                )  # fmt: skip
            for g in groups:
                c = counts[name].setdefault(g, [0, 0, 0, 0.0])
                c[0] += common
                c[1] += n_out
                c[2] += n_gold
                c[3] += f1
    if errors is not None:
        errors.close()
    print(f"gold-text benchmark: {pages['all']} pages ({args.part or 'all parts'})")
    print(
        f"{'engine':12s} {'group':14s} {'pages':>5s} {'precision':>9s} {'recall':>7s} "
        f"{'F1':>6s} {'mean F1':>7s} {'s/page':>7s}"
    )
    result: dict = {"pages": dict(pages), "engines": {}}
    order = sorted(pages, key=lambda g: (g != "all", g))
    for name in engines:
        result["engines"][name] = {}
        for g in order:
            common, n_out, n_gold, f1sum = counts[name].get(g, [0, 0, 0, 0.0])
            p = common / n_out if n_out else 0.0
            r = common / n_gold if n_gold else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            mean = f1sum / pages[g]
            result["engines"][name][g] = {
                "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
                "mean_f1": round(mean, 4),
            }  # fmt: skip
            print(
                f"{name:12s} {g:14s} {pages[g]:5d} {p:9.3f} {r:7.3f} {f1:6.3f} {mean:7.3f} "
                f"{seconds[name] / max(pages['all'], 1):7.4f}"
            )
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="write pages, gold texts and manifest from git mirrors")
    b.add_argument("cache", type=Path)
    b.add_argument("--readability", type=Path, help="git dir of mozilla/readability")
    b.add_argument("--fundus", type=Path, help="git dir of flairNLP/fundus")
    b.add_argument("--aeb", type=Path, help="git dir of scrapinghub/article-extraction-benchmark")
    f = sub.add_parser("freeze", help="write the site split (once, before tuning)")
    f.add_argument("cache", type=Path)
    r = sub.add_parser("run", help="score the engines")
    r.add_argument("cache", type=Path)
    r.add_argument("--part", choices=["dev", "test"])
    r.add_argument("--engines", default="", help="comma-separated (default: all installed)")
    r.add_argument("--by-language", action="store_true")
    r.add_argument("--only", default="", help="pages whose id contains this string")
    r.add_argument("--errors", type=Path, help="one JSON line per page and engine")
    r.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    return {"build": build, "freeze": freeze, "run": run}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
