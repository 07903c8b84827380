"""Adversarial inputs for the decoding and repair stages: time and memory must stay linear.

    .venv/bin/python benchmarks/bench_adversarial.py [--mb 5] [--big-mb 50] [--only NAME]
    .venv/bin/python benchmarks/bench_adversarial.py --html [--depths 1000,4000,20000] [--only NAME]

Each input is built from a fixed random seed. For every input it prints the
seconds of decoding (bytes inputs: ``decode_input``), of the whole
``cleannews.repair`` (decoding included) at the full size and at a quarter of
it (a linear stage takes about 4x longer for 4x the input, a quadratic one
16x), and of ``ftfy.fix_text(uncurl_quotes=False)`` on the decoded text
(``--no-ftfy`` skips it). ``--big-mb`` runs a single huge line and reports
the process's peak memory (RSS growth and Python allocations) as a multiple
of the input size.

``--html`` times the HTML front end (``html_to_text``, CPU seconds) on pages nested
thousands deep instead (html23): nested ``<aside>`` fact boxes, ``<blockquote>``, headings
down a chain of ``<div>``, nested ``<nav>`` beside an article, nested sidebar boxes with
prose, share bars wrapped around content boxes, a wide-and-deep chain (two paragraphs and
a quote per level), plain unclosed ``<div>``; and (html25) unclosed ``<li>`` / ``<td>`` with
text after a link or a bold word, text under a chain of ``<div>``, an ``<h1>`` at every level
of a chain, popup links nested in a paragraph, links in nested ``<span>``, nested hidden
boxes of pictures, nested breadcrumb bars each with an ``<h1>``, images then end tags (four
of each per level), a tail of ``<div `` that no ``>`` closes, ``<![CDATA[`` sections that
never close (four per level). The last column is the time at the largest depth over the time at the
smallest, over the ratio of depths (about 1 when linear, the depth ratio when quadratic).
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc

import ftfy

import cleannews
from cleannews import CleanConfig
from cleannews._input import decode_input

REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)
FRENCH = "Le marché de l’économie française « résiste », dit-il ; 3 000 € l’an. "
RUSSIAN = "Экономика Франции устойчива, сказал министр в среду вечером. "


def random_bytes(n: int) -> bytes:
    """Random bytes without control characters (so they are not refused as binary)."""
    rng = random.Random(1)
    alphabet = bytes([9, 10, *range(32, 256)])
    return bytes(rng.choice(alphabet) for _ in range(n))


def cp1252_file(n: int) -> bytes:
    """French text saved as Windows-1252, with a few stray UTF-8 sequences."""
    para = (FRENCH * 8 + "\n").encode("cp1252") + "Copyright © 2025\n".encode()
    return (para * (n // len(para) + 1))[:n]


def cyrillic_line(n: int) -> str:
    return (RUSSIAN * (n // len(RUSSIAN.encode()) + 1))[: n // 2]


def no_space_line(n: int) -> str:
    rng = random.Random(2)
    return "".join(rng.choice("abcdéèàçxyz’«»—0123456789") for _ in range(n))


def mojibake_line(n: int) -> str:
    broken = FRENCH.encode("utf-8").decode("cp1252", errors="replace")
    return (broken * (n // len(broken.encode()) + 1))[: n // 2].replace("\n", " ")


INPUTS = {
    "random bytes (non-UTF-8)": random_bytes,
    "Windows-1252 file (bytes)": cp1252_file,
    "one-line Cyrillic text": cyrillic_line,
    "one line without spaces": no_space_line,
    "one line of mojibake": mojibake_line,
}


SENTENCE = "Un paragraphe de texte assez long pour compter comme de la prose dans un article."
QUOTE = "La mer est généreuse, elle peut reconstituer ses ressources si on la laisse faire."
ARTICLE = "<article><h1>Titre</h1>" + f"<p>{SENTENCE}</p>" * 5 + "</article>"

#: Pages nested ``depth`` deep (``--html``); tests/test_html23.py checks their text.
HTML_SHAPES = {
    "nested aside": lambda d: "<article><h1>Titre</h1>" + f"<aside><p>{SENTENCE}</p>" * d,
    "nested blockquote": lambda d: ARTICLE + "<blockquote>" * d + f"<p>{QUOTE}</p>",
    "headings in a div chain": lambda d: "<div class=entry-content>"
    + f"<div><h2>Titre</h2><p>{SENTENCE}</p>" * d,
    "nested nav": lambda d: ARTICLE + "<nav><a href=/x>lien</a>" * d,
    "nested sidebar boxes": lambda d: f"<div class=sidebar><p>{SENTENCE}</p>" * d,
    "share bars around content": lambda d: (
        f"<div class=share><div class=entry-content><p>{SENTENCE}</p>" * d
    ),
    "wide and deep": lambda d: (
        f"<div><p>{SENTENCE}</p><p>Deux {SENTENCE}</p><blockquote>Cité.</blockquote>" * d
    ),
    "unclosed div": lambda d: "<div>" * d + f"<p>{SENTENCE}</p>",
    # html25: text after an element of the open one, thousands deep (bs4's re-link walk) …
    "unclosed li, link and text": lambda d: "<ul>" + "<li><a href=/x>lien</a> texte" * d,
    "unclosed td, bold and text": lambda d: "<table>" + "<tr><td><b>x</b>y" * d,
    "text under a div chain": lambda d: "<div>" * d + f"x<b>y</b>{SENTENCE}" * d,
    # … an <h1> at every level (_boxed_h1, _headline) …
    "h1 down a div chain": lambda d: f"<div><h1>Titre</h1><p>{SENTENCE}</p>" * d,
    # … inline, hidden and breadcrumb elements nested in each other …
    "popups in a paragraph": lambda d: "<p>" + "mot <a class=popup href=#>mot " * d,
    "links in nested spans": lambda d: "<span><a href=/y>Un lien vers ailleurs</a>" * d,
    "hidden boxes of pictures": lambda d: (
        "<article style='display:none'><img src=a.jpg alt='Une photo du port'>" * d),
    "breadcrumb bars with an h1": lambda d: "<nav><h1>Un titre d'article assez long</h1>" * d,
    # … bs4's list of closed void elements, searched at every end tag …
    "images, then end tags": lambda d: (
        "<img src=a.jpg>" * (4 * d) + f"<p>{SENTENCE}</p>" * (4 * d)),
    # … and what html.parser (before Python 3.13.5) read again from every "<"
    "tail of unclosed tags": lambda d: f"<p>{SENTENCE}</p>" + "<div " * d,
    "CDATA that never closes": lambda d: f"<p>{SENTENCE}</p>" + "<![CDATA[x>" * (4 * d),
}


def html_depths(depths: list[int], only: str) -> None:
    from cleannews.strip.html import html_to_text

    cfg = CleanConfig()
    html_to_text(ARTICLE, cfg)  # load the rule files first
    print(f"{'page':26s} " + " ".join(f"{d:>9d}" for d in depths) + "  time/depth ratio")
    for name, make in HTML_SHAPES.items():
        if only and only not in name:
            continue
        secs = []
        for d in depths:
            html = make(d)
            t = time.process_time()
            html_to_text(html, cfg)
            secs.append(time.process_time() - t)
        growth = (secs[-1] / max(secs[0], 1e-9)) / (depths[-1] / depths[0])
        print(f"{name:26s} " + " ".join(f"{x:8.2f}s" for x in secs) + f"  {growth:5.2f}",
              flush=True)


def timed(fn, value) -> float:
    t = time.perf_counter()
    fn(value)
    return time.perf_counter() - t


def repair(value: str | bytes) -> None:
    cleannews.repair(value, REPAIR_ONLY)


def size_mb(value: str | bytes) -> float:
    data = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    return len(data) / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0, help="size of each adversarial input (MB)")
    ap.add_argument("--big-mb", type=float, default=50.0, help="size of the huge line (0: skip)")
    ap.add_argument("--only", default="", help="run only inputs whose name contains this")
    ap.add_argument("--no-ftfy", dest="ftfy", action="store_false", help="skip the ftfy column")
    ap.add_argument("--html", action="store_true", help="time the HTML front end on deep pages")
    ap.add_argument("--depths", default="1000,4000,20000", help="nesting depths for --html")
    args = ap.parse_args()
    if args.html:
        html_depths([int(x) for x in args.depths.split(",")], args.only)
        return
    cleannews.repair("warm-up")
    n = int(args.mb * 1_000_000)
    print(
        f"{'input':28s} {'MB':>5s} {'decode s':>8s} {'repair s':>8s} {'1/4 size':>8s} "
        f"{'ratio':>5s} {'ftfy s':>7s}"
    )
    for name, make in INPUTS.items():
        if args.only and args.only not in name:
            continue
        full, quarter = make(n), make(n // 4)
        t_decode = timed(decode_input, full) if isinstance(full, bytes) else 0.0
        t_full, t_quarter = timed(repair, full), timed(repair, quarter)
        text = decode_input(full)[0]
        t_ftfy = timed(lambda t: ftfy.fix_text(t, uncurl_quotes=False), text) if args.ftfy else 0
        ratio = t_full / max(t_quarter, 1e-9)
        print(
            f"{name:28s} {size_mb(full):5.2f} {t_decode:8.2f} {t_full:8.2f} {t_quarter:8.2f} "
            f"{ratio:5.1f} {t_ftfy:7.2f}"
        )
    if args.big_mb:
        line = (FRENCH * int(args.big_mb * 1_000_000 / len(FRENCH.encode()) + 1)).rstrip()
        mb = size_mb(line)
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        tracemalloc.start()
        t = time.perf_counter()
        cleannews.repair(line, REPAIR_ONLY)
        dt = time.perf_counter() - t
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"one {mb:.0f} MB line of French: {dt:.2f} s (under tracemalloc); peak Python "
            f"allocations {peak / 1e6:.0f} MB = {peak / 1e6 / mb:.1f}x the input; "
            f"peak RSS grew by {max(rss1 - rss0, 0):.0f} MB"
        )


if __name__ == "__main__":
    main()
