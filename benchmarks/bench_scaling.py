"""Scaling of every public entry point on adversarial shapes (round 32): time per doubling.

    nice .venv/bin/python benchmarks/bench_scaling.py [--entries clean,strip,...] [--only SHAPE]
        [--doublings 3] [--scale 1.0] [--cap 30]

For each entry point (``clean`` and ``strip`` on text shapes, ``clean_html`` on HTML shapes,
``spin`` (``spin_score``) on text shapes, ``run`` / ``score``: the CLI over a JSONL file of
one such document) and each shape, it builds inputs of n, 2n, 4n, 8n units from a fixed seed,
times each (best of ``--repeat`` CPU seconds in process, wall seconds for the CLI) and prints
the time per doubling (the geometric mean of t(2n)/t(n)). Linear work doubles (2.0x),
quadratic work quadruples: a ratio above ``FLAG_RATIO`` is flagged ``<<``. A size whose time
passes ``--cap`` seconds ends that row (the ratio is then over the sizes that ran).
tests/test_fuzz41.py holds the shapes that were superlinear, at sizes that time out on the
code before the fix.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import cleannews
from cleannews import CleanConfig

#: Time per doubling above which a row is flagged superlinear (linear: 2.0, n log n: ~2.1).
FLAG_RATIO = 2.3

PARA = ("Le conseil municipal a voté mardi le budget de la commune pour l’année prochaine, "
        "après un long débat sur la voirie et les écoles.")


def _rep(unit: str, n: int) -> str:
    return unit * n


#: Text shapes: n -> text (n is about the number of units, each a line or a few characters).
TEXT_SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "many short lines": (lambda n: "\n".join(f"Mot{k % 97}" for k in range(n)), 5000),
    "one gigantic line": (lambda n: (PARA + " ") * n, 2000),
    "identical lines": (lambda n: "Partager sur Facebook\n" * n, 5000),
    "paragraph, identical lines": (lambda n: PARA + "\n" + "Lire aussi\n" * n + PARA, 5000),
    # round 32's quadratic pages (tests/test_fuzz41.py): heading blocks and comment blocks
    "teaser heading blocks": (lambda n: PARA + "\n" + "\n".join(
        ["Sur le même sujet", "Le maire répond aux critiques de l'opposition", "À lire aussi",
         "Un autre titre pour la page ici"] * n) + "\n" + PARA, 1000),
    "comment blocks at the end": (lambda n: PARA + "\n" + "\n".join(
        ["Commentaires", f"jean{n} a écrit le 3 mars", "Très bon article merci"] * n), 1000),
    "agency credits, no article": (lambda n: "Titre de l'article\n" + "© AFP\n" * n, 10000),
    "run of pipes": (lambda n: "|" * (50 * n), 2000),
    "pipe lines": (lambda n: "| | |\n" * n, 5000),
    "bullets": (lambda n: "\n".join(f"• Élément {k}" for k in range(n)), 3000),
    "numbered lines": (lambda n: "\n".join(f"{k}." for k in range(1, n + 1)), 3000),
    "numbered items": (lambda n: "\n".join(f"{k}. Appel du conseil" for k in range(n)), 3000),
    "numbered prose": (lambda n: "\n".join(f"{k}. {PARA}" for k in range(n)), 1500),
    "pipe table": (lambda n: PARA + "\n" + "\n".join(
        f"| Ville {k} | {k} | {k % 7} | +{k % 9}% |" for k in range(n)) + "\n" + PARA, 2000),
    "tab table": (lambda n: PARA + "\n" + "\n".join(
        f"Ville {k}\t{k}\t{k % 7}\t{k % 3}" for k in range(n)) + "\n" + PARA, 2000),
    "aligned table": (lambda n: PARA + "\n" + "\n".join(
        f"Ville{k}  {k}  {k % 7}  {k % 3}  {k % 5}" for k in range(n)) + "\n" + PARA, 2000),
    "elisions": (lambda n: " ".join(["l’d’qu’j’n’s’"] * n), 5000),
    "apostrophe line": (lambda n: "'" * (20 * n), 5000),
    "near-miss share": (lambda n: "\n".join(
        ["Partager sur Facebook Twitter LinkedIn et aussi " + PARA] * n), 1500),
    "near-miss credit": (lambda n: "\n".join(
        [f"Photo : {PARA[:40]} / AFP {k}" for k in range(n)]), 2000),
    "glued labels": (lambda n: "PartagerFacebookTwitterLire aussi" * n, 3000),
    "glued label lines": (lambda n: "\n".join(
        [f"Lire aussiLe conseil {k}" for k in range(n)]), 3000),
    "mixed scripts": (lambda n: " ".join(["mot", "слово", "単語", "كلمة", "λέξη"] * n), 3000),
    "RTL lines": (lambda n: "\n".join(["\u200fمرحبا بكم في موقعنا الإخباري اليوم"] * n), 3000),
    "combining marks": (lambda n: ("e" + "\u0301" * 20 + " ") * n, 3000),
    "dates and times": (lambda n: "\n".join(
        f"Publié le {k % 28 + 1}/03/2025 à {k % 24}h{k % 60:02d}" for k in range(n)), 2000),
    "urls": (lambda n: " ".join(f"https://a.fr/{k}/x?y={k}" for k in range(n)), 3000),
    "hashtags mentions": (lambda n: " ".join(f"#mot{k} @user{k}" for k in range(n)), 3000),
    "short-long alternation": (lambda n: "\n".join(["Menu", PARA] * n), 1500),
    "blank lines": (lambda n: "\n" * n + PARA, 50000),
}

_LINK = "<a href='/x'>lien</a> "
#: HTML shapes.
HTML_SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "links": (lambda n: "<p>" + _LINK * n + "</p>", 5000),
    "links in lis": (lambda n: "<ul>" + "".join(f"<li><a href=/{k}>Rubrique {k}</a></li>"
                                               for k in range(n)) + "</ul>" + f"<p>{PARA}</p>",
                     3000),
    "unclosed p": (lambda n: f"<p>{PARA}" * n, 1000),
    "unclosed span": (lambda n: "<span>x " * n, 3000),
    "nested div": (lambda n: "<div>" * n + PARA + "</div>" * n, 1000),
    "huge attribute": (lambda n: f"<p title='{'x' * (1000 * n)}'>{PARA}</p>", 1000),
    "many attributes": (lambda n: "<p " + " ".join(f"a{k}=v" for k in range(n)) + f">{PARA}</p>",
                        3000),
    "huge comment": (lambda n: f"<p>{PARA}</p><!--" + "x-" * (500 * n) + "-->", 1000),
    "unclosed comment": (lambda n: f"<p>{PARA}</p><!--" + "x" * (1000 * n), 1000),
    "huge script": (lambda n: "<script>" + "var a='</s';" * (100 * n) + "</script>"
                    + f"<p>{PARA}</p>", 1000),
    "huge CDATA": (lambda n: f"<p>{PARA}</p><![CDATA[" + "x]" * (500 * n) + "]]>", 1000),
    "table rows": (lambda n: "<table>" + "".join(
        f"<tr><td>Ville {k}</td><td>{k}</td><td>{k % 7}</td></tr>" for k in range(n))
        + "</table>" + f"<p>{PARA}</p>", 2000),
    "paragraphs": (lambda n: "".join(f"<p>{PARA} {k}</p>" for k in range(n)), 1000),
    "br lines": (lambda n: "<p>" + "Mot<br>" * n + "</p>", 3000),
    "pre block": (lambda n: "<pre>" + "ligne | x\n" * n + "</pre>", 3000),
    "entities": (lambda n: "<p>" + "&eacute;&#233;&amp;&nbsp;" * n + "</p>", 5000),
    "headings": (lambda n: "".join(f"<h2>Titre {k}</h2>" for k in range(n)), 2000),
    "lt signs": (lambda n: "<p>" + "a < b " * (10 * n) + "</p>", 2000),
    "one text node": (lambda n: "<p>" + (PARA + " ") * n + "</p>", 2000),
}

CFG = CleanConfig()


def _cpu(fn: Callable[[], object], repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return max(best, 1e-3)


def _cli(cmd: str, text: str, repeat: int, html: bool) -> float:
    env = dict(os.environ)
    best = math.inf
    with tempfile.TemporaryDirectory(prefix="bench_scaling") as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text(json.dumps({"id": "x", "text": text}, ensure_ascii=False) + "\n")
        out = Path(tmp) / ("out" if cmd == "run" else "out.jsonl")
        args = [sys.executable, "-m", "cleannews", cmd, str(src), "-o", str(out), "-j", "1",
                "--no-progress", "-q", "--max-record-mb", "1000"]
        if html:
            args += ["--format", "html"]
        if cmd == "run":
            args.append("--force")
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run(args, env=env, check=False, capture_output=True)
            best = min(best, time.perf_counter() - t)
    return best


def entry_work(entry: str, html: bool, repeat: int) -> Callable[[str], float]:
    from cleannews.strip import strip_text

    if entry == "clean":
        api = cleannews.clean_html if html else cleannews.clean
        fn = lambda t: api(t, CFG)  # noqa: E731
    elif entry == "strip":
        fn = lambda t: strip_text(t, CFG)  # noqa: E731
    elif entry == "spin":
        fn = lambda t: cleannews.spin_score(t, CFG)  # noqa: E731
    else:
        return lambda t: _cli(entry, t, repeat, html)
    return lambda t: _cpu(lambda: fn(t), repeat)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--entries", default="clean,strip,spin,run,score")
    ap.add_argument("--only", default="", help="shapes whose name contains this")
    ap.add_argument("--html-only", action="store_true")
    ap.add_argument("--text-only", action="store_true")
    ap.add_argument("--doublings", type=int, default=3)
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies every shape's n")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--cap", type=float, default=30.0, help="seconds: stop a row past this")
    args = ap.parse_args()
    random.seed(0)
    cleannews.clean("Warm-up. " + PARA, CFG)
    cleannews.clean_html(f"<p>{PARA}</p>", CFG)
    groups = []
    if not args.html_only:
        groups.append((False, TEXT_SHAPES))
    if not args.text_only:
        groups.append((True, HTML_SHAPES))
    print(f"{'entry':6s} {'shape':28s} {'n':>7s}  seconds at n, 2n, 4n …   per doubling")
    for entry in args.entries.split(","):
        for html, shapes in groups:
            if html and entry in ("strip", "spin"):
                continue
            work = entry_work(entry, html, args.repeat)
            for name, (make, n0) in shapes.items():
                if args.only and args.only not in name:
                    continue
                n = max(1, int(n0 * args.scale))
                secs = []
                for k in range(args.doublings + 1):
                    secs.append(work(make(n * 2**k)))
                    if secs[-1] > args.cap:
                        break
                steps = len(secs) - 1
                ratio = (secs[-1] / secs[0]) ** (1 / steps) if steps else float("nan")
                flag = " <<" if ratio > FLAG_RATIO else ""
                label = ("html " if html else "") + name
                print(f"{entry:6s} {label:28s} {n:7d}  " + " ".join(f"{s:7.3f}" for s in secs)
                      + f"   {ratio:5.2f}{flag}", flush=True)


if __name__ == "__main__":
    main()
