"""Why careful spins are missed: a per-feature diagnosis on DEVELOPMENT sources only.

    SPIN_MYTHES_DAT=.../thes_fr.dat python tools/spin/diagnose_careful.py [--json]

Spins the 154 held-out UD documents (``fixtures/spin/validation.jsonl.gz``) with the two
development thesauri (MyThes split V, Wiktionnaire), careful and careful_freq at 15 % and
30 %, scores them with the shipped model and prints, per source and style@rate:

* recall at the threshold that flags 1 % of the clean documents;
* the median Zipf (wordfreq) of the substitutes, and the share of substitutes that any
  piece of evidence points at (overall and per signal);
* the mean contribution (logit) of each feature for caught vs missed spins and for the
  clean documents, so the features that separate them, or fail to, are visible.

It never reads a held-out spinner source (``fixtures/spin/heldout_*.jsonl.gz``). With
``--tables`` it also prints the median Zipf of every synonym in each thesaurus table,
held-out pivot table included: a property of the table, no spin is scored.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import statistics
import sys
import zlib
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).parent))

from build_dataset import SEED, spinner_lexicon, split_thesaurus  # noqa: E402
from common import FIXTURES, read_mythes  # noqa: E402
from spinner import Spinner  # noqa: E402

MODES = ("careful", "careful_freq")
RATES = (0.15, 0.3)
FP_BUDGET = 0.01
#: Features shown (largest mean contribution gap first), per group.
TOP_FEATURES = 8


def dev_sources() -> dict[str, dict]:
    """The development thesauri: MyThes split V and Wiktionnaire."""
    from loso import WIKTIONARY, read_wiktionary

    out = {"mythes_V": split_thesaurus(read_mythes(), "V")}
    if WIKTIONARY.exists():
        out["wiktionary"] = read_wiktionary()
    return out


def median_zipf(words: list[str]) -> float:
    """Median wordfreq Zipf of ``words`` (French); 0 for an empty list.

    >>> median_zipf([])
    0.0
    """
    import wordfreq

    return statistics.median(wordfreq.zipf_frequency(w, "fr") for w in words) if words else 0.0


def diagnose() -> dict:
    """Every figure of the report (see the module docstring)."""
    import cleannews

    with gzip.open(FIXTURES / "validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        docs = [r for r in map(json.loads, fh) if r["label"] == 0]
    clean = [cleannews.spin_score(d["text"]) for d in docs]
    cs = sorted((s.score for s in clean), reverse=True)
    t1 = cs[int(FP_BUDGET * len(cs))]
    feats = [
        k.removeprefix("contribution.") for k in clean[0].signals if k.startswith("contribution.")
    ]
    report: dict = {"threshold_at_1pct_fp": t1, "n_clean": len(docs), "groups": {}}
    clean_means = {
        f: statistics.fmean(s.signals[f"contribution.{f}"] for s in clean) for f in feats
    }
    for name, th in dev_sources().items():
        sp = Spinner(th, *spinner_lexicon(th))
        for mode in MODES:
            for rate in RATES:
                caught, missed, subs, hit = [], [], [], 0
                per_signal: dict[str, int] = defaultdict(int)
                for d in docs:
                    rng = random.Random(zlib.crc32((d["id"] + name + mode).encode()) ^ SEED)
                    text, _k, _n = sp.spin(d["text"], rate, mode, rng.randrange(1 << 30))
                    spans = list(sp.last_substituted)
                    s = cleannews.spin_score(text)
                    (caught if s.score > t1 else missed).append(s)
                    for a, b in spans:
                        subs.append(text[a:b].lower())
                        fired = {e.signal for e in s.evidence if e.span[0] < b and e.span[1] > a}
                        hit += bool(fired)
                        for sig in fired:
                            per_signal[sig] += 1
                n_sub = max(len(subs), 1)

                def means(group: list) -> dict[str, float]:
                    if not group:
                        return {f: 0.0 for f in feats}
                    return {
                        f: statistics.fmean(s.signals[f"contribution.{f}"] for s in group)
                        for f in feats
                    }

                mc, mm = means(caught), means(missed)
                order = sorted(feats, key=lambda f: -abs(mc[f] - mm[f]))[:TOP_FEATURES]
                report["groups"][f"{name}:{mode}@{rate}"] = {
                    "n": len(docs),
                    "recall_at_1pct_fp": len(caught) / len(docs),
                    "substitutes": len(subs),
                    "substitute_median_zipf": median_zipf(subs),
                    "substitutes_with_evidence": hit / n_sub,
                    "per_signal": {k: v / n_sub for k, v in sorted(per_signal.items())},
                    "mean_contribution": {
                        f: {"caught": mc[f], "missed": mm[f], "clean": clean_means[f]}
                        for f in order
                    },
                    "mean_logit": {
                        "caught": statistics.fmean(s.signals["logit"] for s in caught)
                        if caught
                        else None,
                        "missed": statistics.fmean(s.signals["logit"] for s in missed)
                        if missed
                        else None,
                        "clean": statistics.fmean(s.signals["logit"] for s in clean),
                    },
                }
    return report


def table_zipf() -> dict[str, float]:
    """Median Zipf of every synonym entry of each thesaurus table (no spin, no score)."""
    from build_heldout_fresh import read_thesaurus

    tables = dict(dev_sources())
    tables["pivot (held out; table only)"] = read_thesaurus()
    return {
        name: median_zipf([w for senses in th.values() for _p, syns in senses for w in syns])
        for name, th in tables.items()
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--tables", action="store_true", help="also the thesauri's median Zipf")
    args = ap.parse_args(argv)
    rep = diagnose()
    if args.tables:
        rep["table_median_zipf"] = table_zipf()
    if args.json:
        print(json.dumps(rep, indent=1))
        return 0
    print(f"threshold at 1 % FP of {rep['n_clean']} UD clean: {rep['threshold_at_1pct_fp']:.3f}")
    for k, g in rep["groups"].items():
        ml = g["mean_logit"]
        fmt = lambda x: "-" if x is None else f"{x:.2f}"  # noqa: E731
        print(
            f"\n{k}: recall {g['recall_at_1pct_fp']:.3f}; {g['substitutes']} substitutes, "
            f"median Zipf {g['substitute_median_zipf']:.2f}, "
            f"{g['substitutes_with_evidence']:.1%} pointed at by evidence "
            f"({', '.join(f'{s} {v:.1%}' for s, v in g['per_signal'].items())}); "
            f"mean logit caught {fmt(ml['caught'])} / missed {fmt(ml['missed'])} / "
            f"clean {fmt(ml['clean'])}"
        )
        print(f"  {'feature':30s} {'caught':>7s} {'missed':>7s} {'clean':>7s}")
        for f, v in g["mean_contribution"].items():
            print(f"  {f:30s} {v['caught']:7.3f} {v['missed']:7.3f} {v['clean']:7.3f}")
    if "table_median_zipf" in rep:
        print("\nmedian Zipf of the synonyms in each table:")
        for k, v in rep["table_median_zipf"].items():
            print(f"  {k:32s} {v:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
