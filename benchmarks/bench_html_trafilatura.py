"""The HTML path on trafilatura's own evaluation set, side by side with its peers.

    .venv/bin/pip install trafilatura        # the peer, only for this benchmark
    git clone --depth 1 https://github.com/adbar/trafilatura /tmp/trafilatura
    .venv/bin/python benchmarks/bench_html_trafilatura.py /tmp/trafilatura/tests [--limit N]

trafilatura's evaluation set (``tests/evaldata.json`` and the HTML pages under
``tests/cache`` and ``tests/eval``, Apache-2.0 / GPL-3.0 as its repository
says) is read where it lies; no page is copied into this repository. Each page
has a few text snippets that must appear in a good extraction ("with") and a
few that must not ("without"). As in trafilatura's own evaluation, a snippet
counts as found when its whitespace-normalised text is a substring of the
whitespace-normalised output: precision = found "with" / (found "with" +
found "without"), recall = found "with" / all "with".

Engines: ``cleannews.clean_html`` (spin scoring off), ``trafilatura.extract``
(defaults) and jusText (the stoplist of the page's language) when installed.
A page's language is the one whose jusText stoplist holds most words of its
"with" snippets, among eight languages (fr en de es it pt pl nl); group ``fr``
are the French pages. Group ``fr3`` is the vote among fr/en/de only, used by
figures before 2026-12 (it put Spanish, Portuguese, Polish and Chinese pages
among the "French" ones). ``--errors FILE`` writes each page's missed "with"
and kept "without" snippets per engine; ``--by-language`` adds one group per page
language (``lang:de``, ``lang:en`` …, ``lang:other``); MB/s is input HTML bytes per second of
each engine, and "× traf." its ratio to ``trafilatura.extract`` in the same run.
``--fold-repair`` compares after removing soft hyphens and folding full-width forms
in the snippets and in every engine's output alike: cleannews's repair stage does
both (documented; the reference snippets keep them), so the strict figure counts
them as lost "with" snippets although every word is there.

``--half dev|test`` keeps one half of the sites (a hash of the host name):
cleannews's main-content selection was tuned on the dev half only; the test
half is the held-out figure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
#: A page is in a language when that stoplist holds at least this share of its words.
_MIN_STOPWORD_SHARE = 0.15


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _repair_fold(text: str) -> str:
    """``text`` as cleannews's repair stage writes it: soft hyphens removed, full-width
    forms at normal width (NFKC on those forms only), then whitespace-normalised.

    Applied with ``--fold-repair`` to the snippets and to every engine's output alike,
    so that the repair stage's documented normalisation is not counted as lost text.

    >>> _repair_fold("Lauf\xadzei\xadten"), _repair_fold("演出，引起")
    ('Laufzeiten', '演出,引起')
    """
    text = text.replace(SOFT_HYPHEN, "")
    text = _FULLWIDTH.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return _norm(text)


SOFT_HYPHEN = "\xad"
#: Full-width and half-width forms (U+FF00-U+FFEF) and the ideographic space.
_FULLWIDTH = re.compile("[\uff01-\uffef\u3000]")


def _half(url: str) -> str:
    """``dev`` or ``test``: a fixed hash of the page's host name."""
    host = (urlsplit(url).hostname or "").encode("utf-8")
    return "dev" if int(hashlib.sha256(host).hexdigest()[:8], 16) % 2 == 0 else "test"


def page_file(tests: Path, name: str) -> Path | None:
    """The saved page ``name`` of trafilatura's evaluation set (``evaldata.json``'s
    ``"file"``): under ``tests/cache/`` or else ``tests/eval/``; ``None`` when neither holds it.

    >>> page_file(Path("no-such-folder"), "page.html") is None
    True
    """
    return next((p for p in (tests / "cache" / name, tests / "eval" / name) if p.is_file()), None)


def _fold(url: str) -> str:
    """``A`` or ``B``: a second fixed hash of the host name, to split a half by site.

    A change chosen on one fold is checked on the other (``--folds``), so that a rule
    fitted to a few pages shows up as a gain on one fold only. The hash is salted so
    that it is independent of :func:`_half`.

    >>> _fold("https://www.example.org/a") in ("A", "B")
    True
    """
    host = (urlsplit(url).hostname or "").encode("utf-8")
    return "A" if int(hashlib.sha256(b"fold:" + host).hexdigest()[:8], 16) % 2 == 0 else "B"


def _language(
    snippets: list[str],
    stoplists: dict[str, frozenset[str]],
    min_share: float = _MIN_STOPWORD_SHARE,
) -> str:
    words = [w.lower() for s in snippets for w in _WORD.findall(s)]
    best = max(stoplists, key=lambda lang: sum(w in stoplists[lang] for w in words))
    hits = sum(w in stoplists[best] for w in words)
    # no stopword at all (Chinese, Japanese) or hardly any (Finnish, Hungarian): none of these
    return best if hits >= min_share * len(words) and (hits or not min_share) else "other"


#: jusText's stoplist for each language code the benchmark tells apart.
JUSTEXT_STOPLISTS = {
    "fr": "French",
    "en": "English",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "pl": "Polish",
    "nl": "Dutch",
}


def make_engines(
    justext_stoplists: dict[str, str] = JUSTEXT_STOPLISTS, justext_default: str | None = None
) -> dict[str, Callable[[bytes, str], str]]:
    """The engines compared, each ``(html, language code) -> text``: cleannews' ``clean_html``,
    and trafilatura and jusText when installed. jusText reads the stoplist that
    ``justext_stoplists`` names for the page's language, else ``justext_default``'s; with
    neither it extracts nothing (as when it raises on a page). Also used by
    ``bench_html_gold.py``.

    >>> sorted(make_engines())[0]
    'cleannews'
    """
    import cleannews

    cfg = cleannews.CleanConfig(score_spin=False, quarantine=False)

    def run_cleannews(html: bytes, lang: str) -> str:
        return cleannews.clean_html(html, cfg).text

    out: dict[str, Callable[[bytes, str], str]] = {"cleannews": run_cleannews}
    try:
        import trafilatura

        def run_trafilatura(html: bytes, lang: str) -> str:
            return trafilatura.extract(html) or ""

        out["trafilatura"] = run_trafilatura
    except ImportError:
        print("trafilatura not installed: its column is skipped", file=sys.stderr)
    try:
        import justext

        def run_justext(html: bytes, lang: str) -> str:
            name = justext_stoplists.get(lang, justext_default)
            if name is None:
                return ""
            try:
                paras = justext.justext(html, justext.get_stoplist(name))
            except Exception:  # jusText raises on some pages: it extracted nothing
                return ""
            return "\n".join(p.text for p in paras if not p.is_boilerplate)

        out["justext"] = run_justext
    except ImportError:
        print("justext not installed: its column is skipped", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "tests", type=Path, help="trafilatura's tests/ folder (evaldata.json, cache/, eval/)"
    )
    ap.add_argument("--limit", type=int, default=0, help="first N pages only")
    ap.add_argument("--half", choices=["dev", "test"], help="one half of the sites only")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument(
        "--engines", help="comma-separated engines to run (default: all installed)", default=""
    )
    ap.add_argument(
        "--errors",
        type=Path,
        help="write one JSON line per page and engine with its errors: 'missed' (\"with\" "
        "snippets not found) and 'kept' (\"without\" snippets found)",
    )
    ap.add_argument(
        "--folds",
        action="store_true",
        help="also print the groups fold:A and fold:B (sites split by a second hash), each "
        "with its French (/fr) and non-English (/non-en) pages, and non-en overall",
    )
    ap.add_argument(
        "--fold-repair",
        action="store_true",
        help="compare after removing soft hyphens and folding full-width forms, in the "
        "snippets and every engine's output alike (the repair stage's normalisation)",
    )
    ap.add_argument(
        "--by-language",
        action="store_true",
        help="also print one group per page language (lang:de, lang:en, …, lang:other)",
    )
    args = ap.parse_args(argv)
    evaldata_path = args.tests / "evaldata.json"
    if not evaldata_path.exists():
        ap.error(f"{evaldata_path} not found: pass trafilatura's tests/ folder")
    evaldata = json.loads(evaldata_path.read_text("utf-8"))

    import justext

    stoplists = {
        code: frozenset(justext.get_stoplist(name))
        for code, name in (("fr", "French"), ("en", "English"), ("de", "German"))
    }
    # with only these three stoplists, Spanish, Portuguese, Polish, Chinese … pages came
    # out "French" (60 dev pages, 21 of them French): "fr" now votes among eight
    # languages; "fr3" is the three-language group of earlier figures, for comparison
    wide = {
        **stoplists,
        **{
            code: frozenset(justext.get_stoplist(name))
            for code, name in (
                ("es", "Spanish"),
                ("it", "Italian"),
                ("pt", "Portuguese"),
                ("pl", "Polish"),
                ("nl", "Dutch"),
            )
        },
    }
    engines = make_engines()
    if args.engines:
        wanted = args.engines.split(",")
        engines = {k: v for k, v in engines.items() if k in wanted}
    errors = args.errors.open("w", encoding="utf-8") if args.errors else None
    norm = _repair_fold if args.fold_repair else _norm
    size = 0
    group_names = ("all", "fr", "fr3")
    counts: dict[str, dict[str, list[int]]] = {
        e: {g: [0, 0, 0] for g in group_names} for e in engines
    }  # tp, fp, fn
    seconds = dict.fromkeys(engines, 0.0)
    pages = dict.fromkeys(group_names, 0)
    missing = 0
    for k, url in enumerate(sorted(evaldata)):
        if args.limit and k >= args.limit:
            break
        if args.half and _half(url) != args.half:
            continue
        item = evaldata[url]
        path = page_file(args.tests, item["file"])
        if path is None:
            missing += 1
            continue
        html = path.read_bytes()
        size += len(html)
        lang = _language(item["with"], wide)
        lang3 = _language(item["with"], stoplists, min_share=0.0)
        groups = ("all", *(("fr",) if lang == "fr" else ()), *(("fr3",) if lang3 == "fr" else ()))
        if args.by_language:
            groups = (*groups, f"lang:{lang}")
        if args.folds:
            fold = f"fold:{_fold(url)}"
            groups = (*groups, fold, *((f"{fold}/fr",) if lang == "fr" else ()))
            if lang != "en":
                groups = (*groups, "non-en", f"{fold}/non-en")
        for g in groups:
            pages[g] = pages.get(g, 0) + 1
            for per in counts.values():
                per.setdefault(g, [0, 0, 0])
        for name, fn in engines.items():
            t0 = time.perf_counter()
            try:
                out = norm(fn(html, lang))
            except Exception as e:  # an engine crash on one page costs that page's recall
                print(f"{name} failed on {url}: {e!r}", file=sys.stderr)
                out = ""
            seconds[name] += time.perf_counter() - t0
            missed = [w for w in item["with"] if norm(w) not in out]
            kept = [w for w in item["without"] if norm(w) in out]
            tp = len(item["with"]) - len(missed)
            fp = len(kept)
            if errors is not None and (missed or kept):
                row = {
                    "engine": name,
                    "url": url,
                    "file": str(path),
                    "lang": lang,
                    "fold": _fold(url),
                    "missed": missed,
                    "kept": kept,
                }
                errors.write(json.dumps(row, ensure_ascii=False) + "\n")
            for g in groups:
                c = counts[name][g]
                c[0] += tp
                c[1] += fp
                c[2] += len(item["with"]) - tp
    if errors is not None:
        errors.close()
    result: dict = {"pages": pages, "missing_files": missing, "engines": {}}
    print(
        f"trafilatura evaluation set: {pages['all']} pages ({pages['fr']} French; "
        f"{pages['fr3']} in the fr/en/de vote of earlier figures, group fr3), "
        f"{missing} files missing"
    )
    print(
        f"{'engine':12s} {'group':10s} {'pages':>5s} {'precision':>9s} {'recall':>7s} {'F1':>6s} "
        f"{'s/page':>7s} {'MB/s':>6s} {'× traf.':>7s}"
    )
    for name, per in counts.items():
        result["engines"][name] = {}
        for g, (tp, fp, fn) in per.items():
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            mbs = size / 1e6 / max(seconds[name], 1e-9)
            traf = size / 1e6 / seconds["trafilatura"] if seconds.get("trafilatura") else 0.0
            ratio = mbs / traf if traf else float("nan")
            result["engines"][name][g] = {
                "precision": round(p, 4),
                "recall": round(r, 4),
                "f1": round(f1, 4),
                "mb_per_s": round(mbs, 3),
                "speed_vs_trafilatura": round(ratio, 3),
            }
            print(
                f"{name:12s} {g:10s} {pages[g]:5d} {p:9.3f} {r:7.3f} {f1:6.3f} "
                f"{seconds[name] / max(pages['all'], 1):7.4f} {mbs:6.2f} {ratio:7.2f}"
            )
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
