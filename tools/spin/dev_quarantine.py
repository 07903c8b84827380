r"""Development harness of the spin-quar4 and spin-quar5 rounds: quarantine with the context
term as one kind (spin-quar4), and sufficient evidence quarantined from ``DECIDED_LOGIT``
(spin-quar5: ``lift``).

    PYTHONPATH=src:tools/spin python tools/spin/dev_quarantine.py records [SET,SET]  # ~30 min
    PYTHONPATH=src:tools/spin python tools/spin/dev_quarantine.py eval      # the tables
    PYTHONPATH=src:tools/spin python tools/spin/dev_quarantine.py grid      # constants, LOSO
    PYTHONPATH=src:tools/spin python tools/spin/dev_quarantine.py lift      # DECIDED_LOGIT
    PYTHONPATH=src:tools/spin python tools/spin/dev_quarantine.py ranking   # recall at 1 % FP
    PYTHONPATH=src:tools/spin python tools/spin/dev_quarantine.py news      # strip_real TRAIN

Development sources only: MyThes V (``fixtures/spin/validation.jsonl.gz``, its 20 % spins in
the 15 % column), Wiktionnaire spins of the same held-out UD documents (``loso.spins``),
the retired embedding and pivot files (the pivot's ``ud`` population only: its other
population spins the negatives' test split), the negatives' **dev** split,
``fixtures/spin/correct_french.jsonl``, the clean UD documents with one human slip
(``tests/test_spin_one_slip.py``'s sentences) and the five seeds. Never the Apertium held-out file,
the negatives' test split or ``fixtures/spin/fresh/``.

``records`` scores every record once with the package (``cleannews.spin_score``) and keeps
what the two-kinds rule reads (``score._decide``'s arguments: the raw logit, the feature
kinds present, the paragraphs with broken grammar) plus the context term's analysis of the
document and of each paragraph, in ``SPIN_QUAR_CACHE`` (default
``/tmp/spin-quar4_records.pkl``). ``eval`` replays the rule (``simulate``: the package's
``_decision`` arithmetic with the constants as arguments) and prints quarantine rates per
source, style and rate, and per genre of the dev negatives; ``grid`` tries other constants,
choosing on three spinner sources and reporting the fourth (leave-one-source-out).
"""

from __future__ import annotations

import gzip
import json
import math
import os
import pickle
import sys
from collections import defaultdict
from itertools import product
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).parent))

CACHE = Path(os.environ.get("SPIN_QUAR_CACHE", "/tmp/spin-quar4_records.pkl"))
SOURCES = ("mythes", "wiktionary", "embedding", "pivot")
#: MyThes V has 10/20/30/40/50 % spins; its 20 % stand in the 15 % column (as in spin-context3).
RATE_COLUMN = {0.15: "15", 0.2: "15", 0.3: "30"}


def _read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def record_sets() -> dict[str, list[dict]]:
    """The development records, by set name."""
    from build_dataset import doc_split
    from common import read_ud_documents
    from loso import read_wiktionary, spins
    from train import read_negatives

    sets: dict[str, list[dict]] = {}
    v = _read_jsonl(REPO / "fixtures/spin/validation.jsonl.gz")
    sets["mythes"] = [r for r in v if r["rate"] in (0.0, 0.2, 0.3)]
    docs = [d for d in read_ud_documents() if doc_split(d["id"]) == "val"]
    sets["wiktionary"] = [
        dict(r, label=1) for r in spins(docs, "wiktionary:eval", read_wiktionary())
    ]
    sets["embedding"] = _read_jsonl(REPO / "fixtures/spin/heldout_embedding.jsonl.gz")
    sets["pivot"] = [
        r
        for r in _read_jsonl(REPO / "fixtures/spin/heldout_pivot.jsonl.gz")
        if r.get("population") == "ud" and r["rate"] in (0.0, 0.15, 0.3)
    ]
    sets["negatives_dev"] = read_negatives("dev")
    sets["correct_french"] = _read_jsonl(REPO / "fixtures/spin/correct_french.jsonl")
    # one human slip in each clean UD document (tests/test_spin_one_slip.py's sentences)
    import importlib.util

    spec = importlib.util.spec_from_file_location("one_slip", REPO / "tests/test_spin_one_slip.py")
    one_slip = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(one_slip)
    sets["slips"] = [
        {"id": f"{r['id']}:slip{i}", "label": 0, "mode": "slip",
         "text": "{}\n{}".format(r["text"].partition("\n")[0] + " " + bad,
                                 r["text"].partition("\n")[2])}
        for r in v if r["mode"] == "clean"
        for i, (_good, bad, _sig) in enumerate(one_slip.SLIPS)
    ]
    seeds = sorted((REPO.parent / "shared/seeds").glob("*.txt"))
    sets["seeds"] = [{"id": p.name, "text": p.read_text("utf-8"), "label": 0} for p in seeds]
    return sets


def components(text: str) -> dict:
    """What the rule reads for ``text``, and the package's own score and label."""
    import cleannews
    import cleannews.score as score
    from cleannews.score._context import _pieces, get_context_term
    from cleannews.score._decision import CONTEXT_PARAGRAPH_MIN_CHARS

    seen: dict = {}
    orig = score._decide

    def spy(t, raw, present, ngp, config, kinds=None, slips=(0, 0)):
        seen.update(raw=raw, present=list(present), ngp=ngp, kinds=dict(kinds or {}),
                    slips=tuple(slips))
        return orig(t, raw, present, ngp, config, kinds, slips=slips)

    score._decide = spy
    try:
        s = cleannews.spin_score(text)
    finally:
        score._decide = orig
    out = {"score": s.score, "spin_label": s.label, "signals": dict(s.signals), **seen}
    if "raw" not in seen:
        return out
    term = get_context_term()
    a = term.analyse(text, always_gate=True)
    out["a"] = {k: a[k] for k in ("mean_gain", "z", "gate", "term", "n")}
    out["a"]["best"] = (a["best"][0],) if a["best"] else None
    pars = []
    for _s, piece in _pieces(text):
        if len(piece) < CONTEXT_PARAGRAPH_MIN_CHARS:
            continue
        p = term.analyse(piece, always_gate=False)
        pars.append((p["mean_gain"], p["n"], (p["best"][0],) if p["best"] else None))
    out["pars"] = pars
    return out


def build_records(names: list[str] | None = None) -> None:
    """Score every record (``components``) of the sets ``names`` (default all) and cache
    them (``CACHE``, or ``<CACHE>.<names>.pkl`` for a subset: run subsets in parallel)."""
    keys = ("id", "label", "mode", "rate", "genre", "source")
    out = {}
    path = CACHE.with_suffix(f".{'+'.join(names)}.pkl") if names else CACHE
    for name, recs in record_sets().items():
        if names and name not in names:
            continue
        rows = []
        for r in recs:
            row = {k: r.get(k) for k in keys}
            row.update(components(r["text"]))
            rows.append(row)
        out[name] = rows
        print(f"scored {name}: {len(rows)}", flush=True)
        path.write_bytes(pickle.dumps(out))


#: The shipped constants (``cleannews.score._decision``), as ``simulate``'s keyword arguments.
def shipped() -> dict:
    from cleannews.score import _decision as d

    return {
        "min_term": d.CONTEXT_TERM_MIN,
        "min_words": d.CONTEXT_TERM_MIN_WORDS,
        "partners": d.CONTEXT_TERM_PARTNERS,
        "min_paragraphs": d.CONTEXT_PARAGRAPHS_MIN,
        "paragraph_min_words": d.CONTEXT_PARAGRAPH_MIN_WORDS,
        "decided_logit": d.DECIDED_LOGIT,
        "scatter": (d.GRAMMAR_SCATTER_MIN_SLIPS, d.GRAMMAR_SCATTER_MIN_PARAGRAPHS),
        "lift_excluded": d.LIFT_EXCLUDED_KINDS,
    }


#: The rule of spin-quar4 (no lift: sufficient evidence decides at the quarantine score;
#: no scattered-grammar route).
QUAR4 = {"decided_logit": None, "scatter": None, "lift_excluded": ()}


def state(r: dict, min_term, min_words, partners, min_paragraphs, paragraph_min_words,
          decided_logit=None, scatter=None, lift_excluded=(), context: bool = True,
          q: float = 0.9) -> dict:
    """The rule on a cached record: ``enough`` (evidence sufficient), ``how`` (``"pair"``,
    ``"paragraphs"``, ``"features"`` or ``""``), ``supported`` (the logit the kinds present
    support, with the term where it counts), ``logit`` (shown) and ``spun``;
    ``decided_logit=None``: decided at the quarantine score (spin-quar4); ``scatter``:
    ``(slips, paragraphs)`` of scattered broken grammar, ``None``: not a route (spin-quar4);
    ``lift_excluded``: kinds whose presence keeps the quarantine score's bar;
    ``context=False``: the rule before spin-quar4."""
    from cleannews.score import _rule_adjustment
    from cleannews.score._context import term_params
    from cleannews.score._decision import lift, term_without_best, unsupported_excess

    if "raw" not in r:
        return {"enough": False, "how": "", "supported": -math.inf, "logit": -math.inf,
                "spun": False}
    pr = term_params()
    raw, present = r["raw"], r["present"]
    slips = r.get("slips", (0, 0))
    scattered = scatter is not None and slips[0] >= scatter[0] and slips[1] >= scatter[1]
    enough = len(present) >= 2 or ("grammar" in present and (r["ngp"] >= 2 or scattered))
    adjust = _rule_adjustment(raw, enough)
    final = raw + adjust
    qlog = math.log(q / (1 - q))
    keep_bar = decided_logit is None or any(k in present for k in lift_excluded)
    dlog = qlog if keep_bar else decided_logit
    kinds = r.get("kinds") or {k: r["signals"][f"kind.{k}"] for k in ("grammar", "lexical",
                                                                      "context", "rarity")}
    supported = raw - unsupported_excess(kinds, present)
    a = r["a"]
    add, how = 0.0, "features" if enough else ""
    if final >= pr["logit_floor"]:
        limit = qlog - pr["quarantine_margin"]
        add = min(final + a["term"], max(final, limit)) - final
        kind = context and a["n"] >= min_words and term_without_best(a, pr) >= min_term
        decided = ""
        if kind and supported + a["term"] >= dlog:
            if any(k in partners for k in present):
                decided = "pair"
            elif not enough:
                n = sum(
                    1
                    for mg, n_, best in r["pars"]
                    if n_ >= paragraph_min_words
                    and term_without_best(
                        {"mean_gain": mg, "n": n_, "best": best, "gate": a["gate"], "term": 0},
                        pr, a["gate"],
                    ) >= min_term
                )
                if n >= min_paragraphs:
                    decided = "paragraphs"
        if decided:
            enough, adjust, add, how = True, 0.0, a["term"], decided
    if not keep_bar:
        adjust += lift(raw + adjust + add, supported + add, enough, decided_logit)
    logit = raw + adjust + add
    return {"enough": enough, "how": how, "supported": supported + add, "logit": logit,
            "spun": enough and logit >= qlog}


def simulate(r: dict, **params) -> tuple[bool, str]:
    """``(quarantined, how)`` of a cached record (``state``)."""
    st = state(r, **params)
    return st["spun"], st["how"]


def _load() -> dict:
    out: dict = {}
    for p in sorted(CACHE.parent.glob(CACHE.stem + "*.pkl")):
        out.update(pickle.loads(p.read_bytes()))
    for rows in out.values():  # caches of the first version kept the spin label as "label"
        for r in rows:
            if "spin_label" not in r:
                r["spin_label"] = r["label"]
                r["label"] = 0 if r.get("mode") in (None, "clean", "seed") else 1
    return out


def _column(r: dict) -> str | None:
    if r.get("label") != 1:
        return None
    col = RATE_COLUMN.get(r.get("rate"))
    return f"{r['mode']} {col}" if col else None


def table(data: dict, params: dict, context: bool = True) -> dict:
    """Quarantine rates per source and column, per negatives genre, and the checks."""
    out: dict = {"sources": {}, "genres": {}, "checks": {}}
    for src in SOURCES:
        cols: dict = defaultdict(lambda: [0, 0])
        for r in data.get(src, []):
            c = _column(r) or ("clean" if r.get("label") == 0 else None)
            if c is None:
                continue
            q, _ = simulate(r, **params, context=context)
            cols[c][0] += q
            cols[c][1] += 1
        out["sources"][src] = {c: (q, n) for c, (q, n) in cols.items()}
    g: dict = defaultdict(lambda: [0, 0])
    for r in data.get("negatives_dev", []):
        q, _ = simulate(r, **params, context=context)
        g[r["genre"]][0] += q
        g[r["genre"]][1] += 1
    out["genres"] = {k: tuple(v) for k, v in sorted(g.items())}
    out["checks"]["correct_french"] = sum(
        simulate(r, **params, context=context)[0] for r in data.get("correct_french", [])
    )
    out["checks"]["slips"] = sum(
        simulate(r, **params, context=context)[0] for r in data.get("slips", [])
    )
    out["checks"]["seeds"] = [
        (r["id"][:3], simulate(r, **params, context=context)[0]) for r in data.get("seeds", [])
    ]
    return out


def print_table(t: dict, title: str) -> None:
    print(f"\n## {title}")
    cols = ["naive 15", "naive 30", "careful 15", "careful 30", "careful_freq 15",
            "careful_freq 30", "clean"]
    print("| source | " + " | ".join(cols) + " |")
    print("|---|" + "---:|" * len(cols))
    for src, c in t["sources"].items():
        cells = [f"{c[k][0] / c[k][1]:.3f}" if k in c and c[k][1] else "" for k in cols]
        print(f"| {src} | " + " | ".join(cells) + " |")
    neg = ", ".join(f"{k} {q}/{n}" for k, (q, n) in t["genres"].items())
    print(f"negatives dev quarantined: {neg}")
    print(f"correct_french quarantined: {t['checks']['correct_french']}; one-slip UD "
          f"documents: {t['checks'].get('slips')}; seeds: "
          f"{t['checks']['seeds']}")


def careful_mean(t: dict, srcs) -> float:
    """Mean careful + careful_freq quarantine rate over ``srcs``."""
    vals = [
        q / n
        for s in srcs
        for k, (q, n) in t["sources"][s].items()
        if k.startswith("careful") and n
    ]
    return sum(vals) / max(1, len(vals))


def admissible(t: dict) -> bool:
    """No dev negative, correct-French case, clean UD document or seed but 003 quarantined."""
    if any(q for q, _n in t["genres"].values()) or t["checks"]["correct_french"]:
        return False
    if t["checks"].get("slips"):
        return False
    if any(t["sources"][s].get("clean", (0, 0))[0] for s in t["sources"]):
        return False
    return all(q == (sid == "003") for sid, q in t["checks"]["seeds"])


def grid(data: dict) -> None:
    """Leave-one-source-out choice of the constants: for each source, the admissible
    setting with the best careful quarantine rate on the three others, reported on it."""
    from cleannews.score._decision import DECIDED_LOGIT

    ship = shipped()
    settings = [
        {"min_term": mt, "min_words": mw, "partners": pa, "min_paragraphs": mp,
         "paragraph_min_words": pw, "decided_logit": dl, "scatter": ship["scatter"],
         "lift_excluded": ship["lift_excluded"]}
        for mt, mw, pa, mp, pw, dl in product(
            (0.5, 0.75, 1.0, 1.5, 2.0), (8, 12, 20), (("grammar", "lexical"),
                                                    ("grammar", "lexical", "context")),
            (2, 3, 99), (4, 6, 10), (DECIDED_LOGIT,),
        )
    ]
    tables = [(s, table(data, s)) for s in settings]
    ok = [(s, t) for s, t in tables if admissible(t)]
    print(f"{len(ok)} of {len(tables)} settings admissible")
    for held in SOURCES:
        rest = [s for s in SOURCES if s != held]
        s, t = max(ok, key=lambda st: (careful_mean(st[1], rest), -st[0]["min_term"]))
        print(f"held {held}: chose {s} (others {careful_mean(t, rest):.3f}) -> "
              f"{held} careful {careful_mean(t, [held]):.3f}")


HUMAN_SETS = ("negatives_dev", "correct_french", "slips", "seeds")


def ranking(data: dict) -> None:
    """Recall at 1 % FP (score above the threshold that flags 1 % of the reference human
    documents: the 154 clean held-out UD documents, then the 1,203 dev negatives) per source
    and column, with the spin-quar4 rule and the shipped one (logits from ``state``)."""
    import bisect

    def thr(rows: list[dict], params: dict) -> float:
        xs = sorted(state(r, **params)["logit"] for r in rows)
        return xs[min(len(xs) - 1, int(0.99 * len(xs)))]

    cols = ["naive 15", "naive 30", "careful 15", "careful 30", "careful_freq 15",
            "careful_freq 30"]
    for name, params in (("spin-quar4", {**shipped(), **QUAR4}), ("shipped", shipped())):
        ud = [r for r in data["mythes"] if r.get("label") == 0]
        for ref, rows in (("UD clean", ud), ("dev negatives", data["negatives_dev"])):
            t = thr(rows, params)
            print(f"\n## {name}: recall at 1 % FP of {ref} (logit > {t:.3f})")
            print("| source | " + " | ".join(cols) + " |")
            for src in SOURCES:
                got: dict = defaultdict(list)
                for r in data[src]:
                    c = _column(r)
                    if c:
                        got[c].append(state(r, **params)["logit"])
                cells = [
                    f"{1 - bisect.bisect_right(sorted(got[c]), t) / len(got[c]):.3f}"
                    if got[c] else "" for c in cols
                ]
                print(f"| {src} | " + " | ".join(cells) + " |")


def lift_report(data: dict) -> None:
    """``DECIDED_LOGIT`` from the human documents only: every human development document
    whose evidence suffices (seeds but 003, dev negatives, correct French, one-slip and
    clean UD documents) by its supported logit, the highest plus ``DECIDED_MARGIN``; then
    the spins' quarantine rates at that and other values (measured, not chosen on them)."""
    from cleannews.score._decision import DECIDED_LOGIT, DECIDED_MARGIN

    base = {**shipped(), "decided_logit": -math.inf}
    humans = []
    for name in HUMAN_SETS + SOURCES:
        for r in data.get(name, []):
            if r.get("label") != 0 or (name == "seeds" and r["id"].startswith("003")):
                continue
            st = state(r, **base)
            if st["enough"]:
                humans.append((round(st["supported"], 3), name, r.get("genre"), r["id"],
                               st["how"]))
    humans.sort(reverse=True)
    n_h = sum(1 for name in HUMAN_SETS + SOURCES for r in data.get(name, [])
              if r.get("label") == 0)
    print(f"{len(humans)} of {n_h} human documents have sufficient evidence; highest:")
    for h in humans[:8]:
        print("  ", h)
    top = humans[0][0] if humans else -math.inf
    print(f"highest {top:.3f} + margin {DECIDED_MARGIN} = {top + DECIDED_MARGIN:.3f}; "
          f"shipped DECIDED_LOGIT {DECIDED_LOGIT}")
    for dl in (None, 2.0, 1.5, DECIDED_LOGIT, 0.5, 0.0, -math.inf):
        t = table(data, {**shipped(), "decided_logit": dl})
        print_table(t, f"decided_logit {dl} (None: spin-quar4)")


def news() -> None:
    """Score the content lines of the French TRAIN pages of ``fixtures/strip_real`` (never
    the TEST / test2 lists): labels, and the pages where the context kind is sufficient."""
    import cleannews
    from cleannews.evaluate import read_corpus

    pages = [
        (rec, lab)
        for rec, _doc, lab in read_corpus(REPO / "fixtures/strip_real", splits=("train",))
        if rec["lang"] == "fr"
    ]
    assert all(rec["split"] == "train" for rec, _ in pages)
    labels: dict[str, int] = defaultdict(int)
    kinds = []
    for rec, lab in pages:
        s = cleannews.spin_score("\n".join(x.text for x in lab if x.content))
        labels[s.label] += 1
        decided = [k for k in s.signals if k.startswith("decided.")]
        if decided:
            kinds.append((rec["id"], s.score, s.label, decided))
    print(f"French TRAIN pages: {dict(labels)}; with decided.* signals: {kinds}")


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "eval"
    if cmd == "news":
        news()
        return 0
    if cmd == "records":
        build_records(argv[1].split(",") if len(argv) > 1 else None)
        return 0
    data = _load()
    if cmd == "eval":
        agree = [
            simulate(r, **shipped())[0] == (r["spin_label"] == "spun")
            for rows in data.values()
            for r in rows
        ]
        print(f"simulate == package on {sum(agree)} of {len(agree)} records "
              "(all when the cache was scored with the shipped constants)")
        print_table(table(data, {**shipped(), **QUAR4}, context=False),
                    "before spin-quar4 (context term never decides)")
        print_table(table(data, {**shipped(), **QUAR4}), "spin-quar4 (decided at 0.9)")
        print_table(table(data, shipped()), f"shipped {shipped()}")
        return 0
    if cmd == "grid":
        grid(data)
        return 0
    if cmd == "ranking":
        ranking(data)
        return 0
    if cmd == "lift":
        lift_report(data)
        return 0
    raise SystemExit(__doc__)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
