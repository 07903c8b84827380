"""Development set of French drama in verse and prose (FreDraCor), and its spin scores.

Usage (development only; never reads the negatives' test split)::

    PYTHONPATH=src:tools/spin .venv/bin/python tools/spin/dev_drama8.py build [OUT]
    PYTHONPATH=src:tools/spin .venv/bin/python tools/spin/dev_drama8.py score [OUT] [PICKLE]
    .venv/bin/python tools/spin/dev_drama8.py compare BEFORE.pkl AFTER.pkl

``build`` takes about 200-word excerpts of the FreDraCor plays (``SPIN_MIRROR`` or
``/work/.mirror``: ``dracor-org+fredracor/repo``, bare git) whose playwright the negatives
builder puts in the **dev** split (``build_negatives.split_of_source("fredracor:<author>")``)
or does not use at all (the Greek and Latin translations and the anonymous plays of
``FREDRACOR_SKIP_AUTHORS``); playwrights with a test-split source, and the five authors the
builder leaves out because they are an ``oeuvres:`` source, are skipped by name, before any
text is read. One excerpt of each play's verse speeches and one of its prose speeches (a
scene chosen by a hash of the file name), in one of three layouts chosen by hash:

* ``speech``: one paragraph per speech, verse lines joined by spaces (the builder's layout);
* ``lines``: one line per verse, one paragraph per prose speech (a page of a play);
* ``labelled``: the speaker's name on its own line before each speech, verses on lines.

``score`` scores each excerpt with ``cleannews.spin_score`` and prints quarantined /
suspect per mode and layout, and, over the documents at least suspect, which evidence
kinds and signals carry weight. The text is public domain; the TEI edition is CC BY-NC-SA
4.0 (FreDraCor): the excerpts stay under ``/tmp`` and are not committed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import pickle
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

MIRROR = Path(os.environ.get("SPIN_MIRROR", "/work/.mirror"))
GIT = MIRROR / "dracor-org+fredracor/repo"
OUT = Path("/tmp/spin-drama8/drama_dev.jsonl.gz")
TEI = "{http://www.tei-c.org/ns/1.0}"
#: Words wanted per excerpt (a speech is never cut: the excerpt ends after the speech that
#: reaches TARGET_WORDS, verses are cut at MAX_WORDS).
TARGET_WORDS = 200
MAX_WORDS = 260
MIN_WORDS = 120
LAYOUTS = ("speech", "lines", "labelled")
#: Builder-skipped authors that are an ``oeuvres:`` source of the negatives (maybe test).
OEUVRES_AUTHORS = frozenset({"denis-diderot", "voltaire", "jean-jacques-rousseau",
                             "germaine-de-stael-holstein", "honore-de-balzac"})
WS = re.compile(r"\s+")


def clean_ws(s: str) -> str:
    return WS.sub(" ", s).strip()


def _h(s: str) -> int:
    return int(hashlib.sha256(("drama8|" + s).encode()).hexdigest()[:8], 16)


def allowed(author: str) -> str | None:
    """Why a playwright may be used ("dev" / "unused"), or None (test split or unsure)."""
    from build_negatives import split_of_source
    from negatives_sources import FREDRACOR_ALIASES, FREDRACOR_SKIP_AUTHORS

    author = FREDRACOR_ALIASES.get(author, author)
    if author in OEUVRES_AUTHORS:
        return None
    if author in FREDRACOR_SKIP_AUTHORS:
        return "unused"
    return "dev" if split_of_source(f"fredracor:{author}") == "dev" else None


def scenes(root) -> list[list[tuple[str, str, list[str]]]]:
    """Speeches of each innermost div: (speaker, "verse"|"prose", lines or paragraphs)."""
    from negatives_sources import drop_tei

    body = root.find(f".//{TEI}body")
    if body is None:
        return []
    drop_tei(body, ("stage", "note", "pb"))  # speaker labels are kept: a layout shows them
    out = []

    def walk(div) -> None:
        subs = [c for c in div if c.tag == f"{TEI}div"]
        if subs:
            for c in subs:
                walk(c)
            return
        speeches = []
        for sp in div.iter(f"{TEI}sp"):
            spk = sp.find(f"{TEI}speaker")
            name = clean_ws("".join(spk.itertext())) if spk is not None else ""
            ls = [clean_ws("".join(x.itertext())) for x in sp.iter(f"{TEI}l")]
            ls = [x for x in ls if x]
            if ls:
                speeches.append((name, "verse", ls))
                continue
            ps = [clean_ws("".join(x.itertext())) for x in sp.iter(f"{TEI}p")]
            ps = [x for x in ps if x]
            if ps:
                speeches.append((name, "prose", ps))
        if speeches:
            out.append(speeches)

    walk(body)
    return out


def excerpt(speeches, start: int) -> list[tuple[str, str, list[str]]]:
    got, n = [], 0
    for name, mode, lines in speeches[start:]:
        keep = []
        for line in lines:
            if n >= MAX_WORDS:
                break
            keep.append(line)
            n += len(line.split())
        got.append((name, mode, keep))
        if n >= TARGET_WORDS:
            break
    return got if n >= MIN_WORDS else []


def layout(got, how: str) -> str:
    paras = []
    for name, _mode, lines in got:
        if how == "speech":
            paras.append(" ".join(lines))
            continue
        if how == "labelled" and name:
            paras.append(name)
        paras.extend(lines)
    return "\n".join(paras)


def build(out: Path = OUT) -> None:
    names = subprocess.run(["git", f"--git-dir={GIT}", "ls-tree", "-r", "HEAD", "--name-only"],
                           capture_output=True, text=True, check=True).stdout.split()
    names = sorted(f for f in names if f.startswith("tei/") and f.endswith(".xml"))
    from negatives_sources import play_author  # the builder's own reading of the author

    recs, why_n = [], Counter()
    for name in names:
        xml = subprocess.run(["git", f"--git-dir={GIT}", "show", f"HEAD:{name}"],
                             capture_output=True, check=True).stdout
        root = ET.fromstring(xml)
        author = play_author(root)
        why = allowed(author)
        why_n[why] += 1
        if why is None:
            continue
        all_scenes = scenes(root)
        for mode in ("verse", "prose"):
            cands = []
            for si, sc in enumerate(all_scenes):
                sp = [s for s in sc if s[1] == mode]
                for k in range(len(sp)):
                    cands.append((si, k, sp))
            if not cands:
                continue
            h = _h(f"{name}|{mode}")
            for t in range(len(cands)):  # first start (from a hashed offset) that gives enough
                si, k, sp = cands[(h + t * 7919) % len(cands)]
                got = excerpt(sp, k)
                if got:
                    break
            else:
                continue
            how = LAYOUTS[(h >> 4) % 3]
            text = layout(got, how)
            recs.append({"id": f"{name.removeprefix('tei/').removesuffix('.xml')}:{mode}",
                         "author": author, "why": why, "mode": mode, "layout": how,
                         "text": text, "n_words": len(text.split())})
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(recs)} excerpts -> {out}; plays by split of their playwright: {dict(why_n)}")
    print(Counter((r["mode"], r["layout"], r["why"]) for r in recs))


def read(path: Path = OUT) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(x) for x in fh]


def scored(s, r: dict, fields: tuple[str, ...]) -> dict:
    """What the reports keep of a document's spin score ``s``: score, label, kinds, signals
    with weight, the record ``r``'s ``fields`` and the first 40 weighted evidence items
    (shared with ``dev_lit10``)."""
    kinds = {k[5:]: round(v, 2) for k, v in s.signals.items() if k.startswith("kind.") and v}
    sig = Counter(e.signal for e in s.evidence if e.weight > 0)
    return {"score": s.score, "label": s.label, "kinds": kinds, "signals": dict(sig),
            **{f: r[f] for f in fields},
            "evidence": [(e.signal, e.text, round(e.weight, 2))
                         for e in s.evidence if e.weight > 0][:40]}


def score(path: Path = OUT, pkl: Path | None = None) -> dict:
    import cleannews

    res = {r["id"]: scored(cleannews.spin_score(r["text"]), r, ("mode", "layout"))
           for r in read(path)}
    report(res)
    if pkl:
        with open(pkl, "wb") as fh:
            pickle.dump(res, fh)
    return res


def report(res: dict) -> None:
    groups = defaultdict(list)
    for v in res.values():
        groups[(v["mode"], v["layout"])].append(v)
        groups[(v["mode"], "all")].append(v)
        groups[("all", "all")].append(v)
    print_groups(groups, ("mode", "layout"))


def print_groups(groups: dict, names: tuple[str, str]) -> None:
    """Print quarantined / suspect shares per group of scored records, then the kinds and
    signals with weight on the records at or above suspect (shared with ``dev_lit10``)."""
    print(f"{names[0]:6s} {names[1]:16s} {'n':>5s} {'spun':>9s} {'>=susp':>7s} {'mean':>6s}")
    for (m, lay), vs in sorted(groups.items()):
        n = len(vs)
        sp = sum(v["label"] == "spun" for v in vs)
        su = sum(v["label"] in ("spun", "suspect") for v in vs)
        print(f"{m:6s} {lay:16s} {n:5d} {sp:3d} {sp / n:5.1%} {su / n:6.1%} "
              f"{sum(v['score'] for v in vs) / n:6.3f}")
    high = [v for vs in groups.values() for v in vs]
    high = list({id(v): v for v in high if v["label"] in ("spun", "suspect")}.values())
    kinds = Counter(k for v in high for k, x in v["kinds"].items() if x >= 0.5)
    sigs = Counter(s for v in high for s in v["signals"])
    print(f"documents >= suspect: {len(high)}; kinds >= 0.5 there: {dict(kinds)}")
    print(f"signals with weight there (documents): {dict(sigs)}")


def compare(before: Path, after: Path) -> None:
    a, b = (pickle.load(open(p, "rb")) for p in (before, after))
    moved = Counter((a[k]["label"], b[k]["label"]) for k in a if k in b)
    print("label before -> after:", dict(moved))
    for k in sorted(a):
        if k in b and a[k]["label"] != b[k]["label"]:
            print(f"  {k}: {a[k]['score']:.3f} {a[k]['label']} -> {b[k]['score']:.3f} "
                  f"{b[k]['label']}")


#: Development spinner sources (never the Apertium file): MyThes V (``validation``), the
#: retired embedding and pivot sources; their clean records are the UD population.
SPIN_FILES = {"mythes": "fixtures/spin/validation.jsonl.gz",
              "embedding": "fixtures/spin/heldout_embedding.jsonl.gz",
              "pivot": "fixtures/spin/heldout_pivot.jsonl.gz"}


def score_all(pkl: Path) -> None:
    """Score every development spin, UD clean document and dev negative (``recall`` reads it)."""
    import cleannews

    repo = Path(__file__).resolve().parents[2]
    out = {}
    for src, rel in SPIN_FILES.items():
        with gzip.open(repo / rel, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                s = cleannews.spin_score(r["text"])
                key = "ud" if r["mode"] == "clean" else f"{src}:{r['mode']}:{r['rate']}"
                out[f"{src}|{r['id']}"] = (key, s.score, s.label)
    with gzip.open(repo / "fixtures/spin/negatives.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["split"] != "dev":  # the test split is never read further
                continue
            s = cleannews.spin_score(r["text"])
            out[f"neg|{r['id']}"] = (f"neg:{r['genre']}", s.score, s.label)
    with open(pkl, "wb") as fh:
        pickle.dump(out, fh)


def recall(*pkls: Path) -> None:
    """Per spin source, mode and rate: quarantined share and recall at 1 % FP of the dev
    negatives and of the UD clean documents (of the embedding file: 154), for each pickle."""
    runs = [pickle.load(open(p, "rb")) for p in pkls]

    def at_fp(scores: list[float]) -> float:
        s = sorted(scores, reverse=True)
        return s[int(0.01 * len(s))]

    head = "  ".join(f"spun/negFP/udFP[{i}]" for i in range(len(runs)))
    print(f"{'group':28s} {'n':>5s}  {head}")
    keys = sorted({v[0] for v in runs[0].values()})
    ths = []
    for run in runs:
        neg = [v[1] for v in run.values() if v[0].startswith("neg:")]
        ud = [v[1] for k, v in run.items() if v[0] == "ud" and k.startswith("embedding|")]
        ths.append((at_fp(neg), at_fp(ud)))
    print("thresholds (dev negatives, UD clean):", [(round(a, 4), round(b, 4)) for a, b in ths])
    for key in keys:
        cells = []
        for run, (tn, tu) in zip(runs, ths, strict=True):
            sc = [v for v in run.values() if v[0] == key]
            n = len(sc)
            spun = sum(v[2] == "spun" for v in sc) / n
            susp = sum(v[2] in ("spun", "suspect") for v in sc) / n
            rn, ru = sum(v[1] > tn for v in sc) / n, sum(v[1] > tu for v in sc) / n
            cells.append(f"{spun:.3f}/{rn:.3f}/{ru:.3f} susp {susp:.3f}")
        print(f"{key:28s} {n:5d}  " + "  ".join(cells))


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "build"
    args = sys.argv[2:]
    if cmd == "build":
        build(Path(args[0]) if args else OUT)
    elif cmd == "score":
        score(Path(args[0]) if args else OUT, Path(args[1]) if len(args) > 1 else None)
    elif cmd == "compare":
        compare(Path(args[0]), Path(args[1]))
    elif cmd == "spins":
        score_all(Path(args[0]))
    elif cmd == "recall":
        recall(*map(Path, args))
