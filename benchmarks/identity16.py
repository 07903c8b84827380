"""Output identity of two source trees: a hash of every page's / document's output.

    PYTHONPATH=src .venv/bin/python benchmarks/identity16.py --out /tmp/new.json
    PYTHONPATH=/tmp/old/src .venv/bin/python benchmarks/identity16.py --out /tmp/old.json
    .venv/bin/python benchmarks/identity16.py --compare /tmp/old.json /tmp/new.json

Run once per tree (``PYTHONPATH`` picks the tree), then ``--compare`` the two files: it
prints how many items each set holds and which differ (ids only). The sets:

* ``html_to_text`` (text, every Change, metadata) and ``clean_html`` (the whole
  :class:`~cleannews.Document`'s ``repr``: text, Changes, metadata, spin score, verdict)
  of every page of ``<gold>/pages`` (``/work/cache/html-fr6``) and of trafilatura's
  evaluation pages (``<traf>/cache`` and ``<traf>/eval``), **both halves**;
* ``clean`` of every text page of ``fixtures/strip_real/pages`` (**all splits**);

The spin scores are checked by ``benchmarks/spin_golden.py`` (its golden file).

Only hashes are computed and written: no page's text is printed, no quality figure is
computed (held-out pages are hashed for identity only). ``--only`` limits the run to some
sets (``html``, ``clean_html``, ``clean``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path("/work/cache/html-fr6")
TRAF = Path("/work/cache/strip-html/traf/tests")


def _h(obj) -> str:
    return hashlib.sha256(repr(obj).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def html_pages(gold: Path, traf: Path) -> list[tuple[str, Path]]:
    """(id, path) of every gold page and every trafilatura page, sorted."""
    out = [(f"gold/{p.name}", p) for p in sorted((gold / "pages").glob("*.html"))]
    for sub in ("cache", "eval"):
        out += [(f"traf/{sub}/{p.name}", p) for p in sorted((traf / sub).glob("*.html"))]
    return out


def text_pages() -> list[tuple[str, Path]]:
    """Every page file of the corpus but those of its unscored batches (``unscored.json``:
    a transfer check nobody cleans before the lead has scored it)."""
    from cleannews.evaluate import page_batch, unscored_batches

    base = ROOT / "fixtures" / "strip_real" / "pages"
    skip = unscored_batches(base.parent)
    return [(str(p.relative_to(base)), p) for p in sorted(base.rglob("*.txt"))
            if page_batch(p.stem) not in skip]


def run(sets: set[str], gold: Path, traf: Path, shard: tuple[int, int] = (0, 1)
        ) -> dict[str, dict[str, str]]:
    import cleannews
    from cleannews._input import decode_input
    from cleannews.config import config_or_default
    from cleannews.strip.html import html_to_text

    config = config_or_default(None)
    res: dict[str, dict[str, str]] = {}
    if sets & {"html", "clean_html"}:
        pages = html_pages(gold, traf)[shard[0]:: shard[1]]
        for name in ("html", "clean_html"):
            if name in sets:
                res[name] = {}
        for pid, path in pages:
            raw = path.read_bytes()
            if "html" in sets:
                text = decode_input(raw, html=True)[0]
                h = html_to_text(text, config)
                res["html"][pid] = _h((h.text, h.changes, h.metadata))
            if "clean_html" in sets:
                res["clean_html"][pid] = _h(cleannews.clean_html(raw))
    if "clean" in sets:
        res["clean"] = {pid: _h(cleannews.clean(p.read_bytes()))
                        for pid, p in text_pages()[shard[0]:: shard[1]]}
    return res


def compare(a: dict, b: dict) -> int:
    bad = 0
    for name in sorted(set(a) | set(b)):
        x, y = a.get(name, {}), b.get(name, {})
        diff = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
        print(f"{name}: {len(x)} / {len(y)} items, {len(diff)} differ")
        for k in diff[:20]:
            print("   ", k)
        bad += len(diff)
    return bad


def compare_files(ap: argparse.ArgumentParser, paths: list[Path] | None) -> int:
    """``--compare OLD NEW``: exit status 1 when an item's hash differs (:func:`compare`);
    without it (nor ``--out``) the usage error. ``strip_identity40.py`` answers the same."""
    if not paths:
        ap.error("--out or --compare")
    a, b = (json.loads(p.read_text("utf-8")) for p in paths)
    return 1 if compare(a, b) else 0


def write_hashes(out: Path, res: dict[str, dict[str, str]]) -> int:
    """Write the hashes ``res`` of this tree to ``out``; print the tree and the counts."""
    out.write_text(json.dumps(res, indent=0, sort_keys=True), "utf-8")
    import cleannews

    print(f"{cleannews.__file__}: " + ", ".join(f"{k} {len(v)}" for k, v in res.items()))
    return 0


def identity_parser(doc: str) -> argparse.ArgumentParser:
    """The parser of an identity script (its first ``doc`` line), with ``--out FILE`` and
    ``--compare OLD NEW`` (:func:`write_hashes`, :func:`compare_files`)."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--out", type=Path, help="write the hashes of this tree here")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    return ap


def main(argv=None) -> int:
    ap = identity_parser(__doc__)
    ap.add_argument("--only", default="html,clean_html,clean")
    ap.add_argument("--shard", default="0/1",
                    help="i/n: every n-th page from the i-th (run the n shards, then --compare "
                    "each, or several runs at once on a spare core)")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--traf", type=Path, default=TRAF)
    args = ap.parse_args(argv)
    if args.compare or not args.out:
        return compare_files(ap, args.compare)
    i, n = (int(x) for x in args.shard.split("/"))
    return write_hashes(args.out, run(set(args.only.split(",")), args.gold, args.traf, (i, n)))


if __name__ == "__main__":
    sys.exit(main())
