"""Validation report of the spin detector (pure Python; runs in CI without apt or numpy).

    python tools/spin/validate.py            # print the report
    python tools/spin/validate.py --json     # machine-readable figures
    python tools/spin/validate.py --heldout fixtures/spin/heldout_pivot.jsonl.gz
                                             # ONE look at a frozen held-out spinner source

Figures:

* seed scores, raw and after ``cleannews.clean``;
* on the held-out synthetic set (documents never used in training, spun
  with dictionary "V" whose synonym pairs the detector never saw): recall
  per spinner mode and rate at the quarantine threshold, and at the
  threshold that lets through 1 % of the clean held-out documents;
* false positives on ALL clean UD documents and on the seeds' clean articles.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VALID = REPO / "fixtures/spin/validation.jsonl.gz"
#: Spins of the held-out documents by a synonym source the model never saw (word vectors).
HELDOUT_SOURCE = REPO / "fixtures/spin/heldout_embedding.jsonl.gz"
NEGATIVES = REPO / "fixtures/spin/negatives.jsonl.gz"
TRAIN = Path(__file__).parent / "build" / "train.jsonl.gz"
SEEDS = REPO / "seeds"
SPUN_SEEDS = {"003"}
#: False-positive budget used for the "recall at 1 % FP" figures.
FP_BUDGET = 0.01


def read_jsonl(path: Path) -> list[dict]:
    """Records of a gzip'd JSONL file."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def threshold_at_fp(clean_scores: list[float], budget: float = FP_BUDGET) -> float:
    """Smallest threshold that flags at most ``budget`` of ``clean_scores`` (score > t flags).

    >>> threshold_at_fp([0.1, 0.2, 0.3, 0.9], 0.25)
    0.3
    """
    s = sorted(clean_scores, reverse=True)
    k = int(budget * len(s))
    return s[k] if k < len(s) else 0.0


def evaluate(records: list[dict], score) -> dict:
    """Recall / FP figures for ``records`` scored by ``score(text) -> (score, label)``."""
    from cleannews.config import DEFAULT_CONFIG

    q = DEFAULT_CONFIG.spin_quarantine_threshold
    scored = [(r, *score(r["text"])) for r in records]
    clean = [s for r, s, _ in scored if r["label"] == 0]
    t1 = threshold_at_fp(clean)
    groups: dict[str, list[float]] = defaultdict(list)
    for r, s, _ in scored:
        if r["label"] == 1:
            key = f"{r['mode']}@{'partial' if r.get('partial') else r['rate']}"
            groups[key].append(s)
            if not r.get("partial") and r["rate"] >= 0.2:
                groups[f"{r['mode']}@>=0.2"].append(s)
    out = {
        "n_clean": len(clean),
        "clean_flagged_at_quarantine": sum(s >= q for s in clean) / max(len(clean), 1),
        "threshold_at_1pct_fp": t1,
        "groups": {},
    }
    for k, v in sorted(groups.items()):
        out["groups"][k] = {
            "n": len(v),
            "recall_at_quarantine": sum(s >= q for s in v) / len(v),
            "recall_at_1pct_fp": sum(s > t1 for s in v) / len(v),
        }
    return out


def _root(record_id: str) -> str:
    """The base document of a held-out record id (``root:clean`` or ``root:source:mode:rate``).

    >>> _root("UD:fr-ud-dev:4:clean"), _root("UD:fr-ud-dev:4:pivot:naive:0.3")
    ('UD:fr-ud-dev:4', 'UD:fr-ud-dev:4')
    """
    return (
        record_id.removesuffix(":clean")
        if record_id.endswith(":clean")
        else (record_id.rsplit(":", 3)[0])
    )


def evaluate_heldout(path: Path, score, limit: int | None = None) -> dict:
    """The held-out protocol on a frozen spinner-source file (``build_heldout_fresh.py``).

    Population ``ud``: the file's clean held-out UD documents set the threshold that
    flags 1 % of them; population ``negatives_test``: the whole test split of
    ``fixtures/spin/negatives.jsonl.gz`` (documents too short to score, label
    "insufficient", are left out; none in the current split) sets the stricter
    threshold. Recall per style@rate at each threshold (score > t) and at the quarantine
    threshold (score >= q).
    ``limit``: only the first ``limit`` base documents of each population (a smoke run).
    """
    from cleannews.config import DEFAULT_CONFIG

    q = DEFAULT_CONFIG.spin_quarantine_threshold
    records = read_jsonl(path)
    if limit is not None:
        roots: dict[str, list[str]] = defaultdict(list)
        for r in records:
            pop = roots[r.get("population", "ud")]
            if _root(r["id"]) not in pop:
                pop.append(_root(r["id"]))
        allowed = {root for rs in roots.values() for root in rs[:limit]}
        records = [r for r in records if _root(r["id"]) in allowed]
    negatives = [r for r in read_jsonl(NEGATIVES) if r["split"] == "test"][:limit]
    ud_clean = [score(r["text"]) for r in records if r["label"] == 0]
    neg_clean = [s for s in map(score, (r["text"] for r in negatives)) if s[1] != "insufficient"]
    t_ud = threshold_at_fp([s for s, _ in ud_clean])
    t_neg = threshold_at_fp([s for s, _ in neg_clean])
    groups: dict[tuple[str, str], list[float]] = defaultdict(list)
    for r in records:
        if r["label"] == 1:
            key = f"{r['mode']}@{'partial' if r.get('partial') else r['rate']}"
            groups[(r.get("population", "ud"), key)].append(score(r["text"])[0])
    out = {
        "file": path.name,
        "n_ud_clean": len(ud_clean),
        "n_negatives_test_clean": len(neg_clean),
        "threshold_at_1pct_fp_ud": t_ud,
        "threshold_at_1pct_fp_negatives_test": t_neg,
        "ud_clean_flagged_at_quarantine": sum(s >= q for s, _ in ud_clean) / max(len(ud_clean), 1),
        "groups": {},
    }
    for (pop, key), v in sorted(groups.items()):
        out["groups"][f"{pop}:{key}"] = {
            "population": pop,
            "n": len(v),
            "recall_at_1pct_fp_ud": sum(s > t_ud for s in v) / len(v),
            "recall_at_1pct_fp_negatives_test": sum(s > t_neg for s in v) / len(v),
            "recall_at_quarantine": sum(s >= q for s in v) / len(v),
        }
    return out


def print_heldout(h: dict) -> None:
    """The table of ``evaluate_heldout``."""
    print(
        f"Held-out spinner source {h['file']}: thresholds at 1 % FP: "
        f"UD clean {h['threshold_at_1pct_fp_ud']:.3f} (n={h['n_ud_clean']}), "
        f"negatives test {h['threshold_at_1pct_fp_negatives_test']:.3f} "
        f"(n={h['n_negatives_test_clean']})"
    )
    print(
        f"  {'population':15s} {'style@rate':20s} {'n':>4s} {'@1%FP(UD)':>10s}"
        f" {'@1%FP(neg)':>11s} {'@q':>6s}"
    )
    for k, g in h["groups"].items():
        print(
            f"  {g['population']:15s} {k.split(':', 1)[1]:20s} {g['n']:4d}"
            f" {g['recall_at_1pct_fp_ud']:10.3f} {g['recall_at_1pct_fp_negatives_test']:11.3f}"
            f" {g['recall_at_quarantine']:6.3f}"
        )


def localisation(records: list[dict]) -> dict:
    """Partial spins: how often the spun paragraph is the top-scoring one / labelled "spun".

    Counted over partial spins whose spun paragraph has a score of its own (>= 30 words).
    """
    import cleannews

    out: dict[str, dict] = {}
    for mode in sorted({r["mode"] for r in records if r.get("partial")}):
        top = spun = n = 0
        for r in records:
            if not r.get("partial") or r["mode"] != mode:
                continue
            paras = cleannews.spin_score(r["text"]).paragraphs
            target = [p for p in paras if p.index == r["spun_paragraph"]]
            if not target or target[0].label == "insufficient":
                continue
            n += 1
            top += max(paras, key=lambda p: p.score).index == r["spun_paragraph"]
            spun += target[0].label == "spun"
        out[mode] = {"n": n, "top_paragraph": top / max(n, 1), "labelled_spun": spun / max(n, 1)}
    scored = [
        p
        for r in records
        if r["label"] == 0
        for p in cleannews.spin_score(r["text"]).paragraphs
        if p.label != "insufficient"
    ]
    out["clean_paragraphs"] = {
        "n": len(scored),
        "labelled_spun": sum(p.label == "spun" for p in scored) / max(len(scored), 1),
    }
    return out


def reliability(records: list[dict], score) -> list[dict]:
    """Calibration check on the calibration population, classes weighted 50/50.

    Population: clean documents vs whole-document spins at >= 20 % (naive and
    careful). Per score bin: mean score and the weighted share of spun documents.
    """
    pop = [
        r
        for r in records
        if not r.get("stress") and (r["label"] == 0 or (not r.get("partial") and r["rate"] >= 0.2))
    ]
    n_pos = sum(r["label"] for r in pop)
    n_neg = len(pop) - n_pos
    bins: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for r in pop:
        s = score(r["text"])[0]
        bins[min(4, int(s * 5))].append((s, r["label"]))
    out = []
    for b in sorted(bins):
        rows = bins[b]
        wpos = sum(1 / n_pos for _, y in rows if y)
        wneg = sum(1 / n_neg for _, y in rows if not y)
        out.append(
            {
                "bin": f"{b / 5:.1f}-{(b + 1) / 5:.1f}",
                "n": len(rows),
                "mean_score": sum(s for s, _ in rows) / len(rows),
                "share_spun": wpos / (wpos + wneg),
            }
        )
    return out


def seed_scores() -> list[dict]:
    """Raw and cleaned spin scores of every seed."""
    import cleannews

    rows = []
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        raw = cleannews.spin_score(text)
        doc = cleannews.clean(text)
        rows.append(
            {
                "seed": p.name[:3],
                "spun": p.name[:3] in SPUN_SEEDS,
                "raw": raw.score,
                "raw_label": raw.label,
                "cleaned": doc.spin.score,
                "cleaned_label": doc.spin.label,
                "verdict": doc.verdict,
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument(
        "--heldout",
        type=Path,
        help="evaluate ONLY this frozen held-out spinner-source file (each run is a look)",
    )
    ap.add_argument("--limit", type=int, help="with --heldout: first N documents per population")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    import cleannews

    def score(text: str) -> tuple[float, str]:
        s = cleannews.spin_score(text)
        return s.score, s.label

    if args.heldout:
        h = evaluate_heldout(args.heldout, score, args.limit)
        if args.json:
            print(json.dumps(h, indent=1))
        else:
            print_heldout(h)
        return 0

    val = read_jsonl(VALID)
    report = {
        "seeds": seed_scores(),
        "heldout": evaluate(val, score),
        "partial_localisation": localisation(val),
        "reliability": reliability(val, score),
    }
    if HELDOUT_SOURCE.exists():
        report["heldout_source"] = evaluate(read_jsonl(HELDOUT_SOURCE), score)
    all_clean = [r for r in val if r["label"] == 0]
    if TRAIN.exists():
        all_clean += [r for r in read_jsonl(TRAIN) if r["label"] == 0]
    q = cleannews.DEFAULT_CONFIG.spin_quarantine_threshold
    cs = [score(r["text"])[0] for r in all_clean]
    report["all_ud_clean"] = {
        "population": "all UD documents (held-out + training)"
        if TRAIN.exists()
        else "held-out UD documents only (training set not built here)",
        "n": len(cs),
        "flagged": sum(s >= q for s in cs) / max(len(cs), 1),
        "max_score": max(cs),
    }
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print("Seeds (raw / after clean):")
    for r in report["seeds"]:
        print(
            f"  {r['seed']} {'spun ' if r['spun'] else 'clean'} "
            f"raw={r['raw']:.3f} ({r['raw_label']})"
            f"  cleaned={r['cleaned']:.3f} ({r['cleaned_label']}, {r['verdict']})"
        )
    h = report["heldout"]
    print(
        f"\nHeld-out synthetic set: {h['n_clean']} clean documents, "
        f"{h['clean_flagged_at_quarantine']:.1%} flagged at the quarantine threshold {q}; "
        f"threshold at 1 % FP = {h['threshold_at_1pct_fp']:.3f}"
    )
    print(f"  {'spinner@rate':22s} {'n':>4s} {'recall@q':>9s} {'recall@1%FP':>12s}")
    for k, g in h["groups"].items():
        print(
            f"  {k:22s} {g['n']:4d} {g['recall_at_quarantine']:9.1%} {g['recall_at_1pct_fp']:12.1%}"
        )
    if "heldout_source" in report:
        h = report["heldout_source"]
        print(
            "\nRetired held-out synonym SOURCE (embedding neighbours, 4 looks: development):"
            f" {h['n_clean']} clean documents,"
            f" threshold at 1 % FP = {h['threshold_at_1pct_fp']:.3f}"
        )
        print(f"  {'spinner@rate':22s} {'n':>4s} {'recall@q':>9s} {'recall@1%FP':>12s}")
        for k, g in h["groups"].items():
            print(
                f"  {k:22s} {g['n']:4d} {g['recall_at_quarantine']:9.1%}"
                f" {g['recall_at_1pct_fp']:12.1%}"
            )
    print("\nPartial spins (one paragraph of 3-5 spun at 40 %): is the spun paragraph located?")
    loc = dict(report["partial_localisation"])
    cp = loc.pop("clean_paragraphs")
    for mode, v in loc.items():
        print(
            f"  {mode:10s} n={v['n']:3d}  ranked first {v['top_paragraph']:6.1%}  "
            f"labelled spun {v['labelled_spun']:6.1%}"
        )
    print(f"  clean paragraphs labelled spun: {cp['labelled_spun']:.1%} of {cp['n']}")
    print("\nCalibration (clean vs >= 20 % spins, classes weighted 50/50):")
    for b in report["reliability"]:
        print(
            f"  score {b['bin']}: n={b['n']:4d}  mean score {b['mean_score']:.3f}  "
            f"share spun {b['share_spun']:.3f}"
        )
    a = report["all_ud_clean"]
    print(
        f"\nClean French, {a['population']}: {a['n']}, flagged {a['flagged']:.1%} "
        f"(max score {a['max_score']:.3f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
