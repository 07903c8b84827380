"""Export the spin-context3 frozen candidate as package data (``cleannews.score._context``).

    SPIN_MYTHES_DAT=.../thes_fr.dat SPIN_CONTEXT_CACHE=/tmp/x.pkl SPIN_CTX3_MAXSYN=4 \
        PYTHONPATH=src:tools/spin python tools/spin/export_context3.py

Reads the feature cache of ``dev_context3.py feats`` (4 synonyms) and writes

* ``src/cleannews/score/data/context_synonyms4.txt.gz``: per checked table word id, the ids
  of its (at most) 4 most frequent single-word synonyms of MyThes split "A" (LGPL 2.1+,
  like the lexicon's synonym-gap column), exactly the candidates ``word_evidence`` tries;
* ``src/cleannews/score/data/context_term.json``: the term's constants (``FROZEN``: feature
  ``mean_gain``, ``w``, ``b``, cap, the median and standard deviation of the feature over the
  154 UD clean documents, the logit floor of the cascade) and the register gate (standard
  scaler + logistic regression of ``fit3.guard_model``, trained on the dev negatives' half 0
  against the UD training documents and the news excerpts of TRAIN sites' half A).

Development data only (the cache's records); nothing held out is read.
"""

from __future__ import annotations

import gzip
import json
import pickle
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

import dev_context3 as d3
import fit3

DATA = d3.REPO / "src/cleannews/score/data"
#: The cascade: the term is computed only when the shipped logit is at least this (``gated``).
LOGIT_FLOOR = -4.0
CAP = 3.0


def synonym_ids(lm: d3.LM, syn: dict[str, set[str]]) -> dict[int, tuple[int, ...]]:
    """Candidate ids per checked word id, as ``word_evidence`` selects them."""
    from cleannews.score._features import FUNCTION_WORDS

    ids, counts = lm.t.ids, lm.t.counts
    out = {}
    for w, ss in syn.items():
        wi = ids.get(w)
        if (wi is None or len(w) < 3 or not w.isalpha() or w in FUNCTION_WORDS
                or counts[wi] < d3.MIN_COUNT or wi in lm.closed):
            continue
        cands = sorted(ids[s] for s in ss if s in ids and counts[ids[s]] >= d3.MIN_COUNT)
        cands = cands[: d3.MAX_SYN]
        if cands:
            out[wi] = tuple(cands)
    return out


def main() -> int:
    assert d3.MAX_SYN == 4 and d3.STOP_RANK == 0 and d3.MIN_COUNT == 10, "the frozen variant"
    data = pickle.loads(d3.FEAT.read_bytes())
    lm = d3.LM()
    sy = synonym_ids(lm, d3.synonyms("mythesA"))
    lines = [f"{w}\t{' '.join(map(str, c))}" for w, c in sorted(sy.items())]
    (DATA / "context_synonyms4.txt.gz").write_bytes(
        gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0))
    feat, w, b, gp = d3.FROZEN
    clean = [r for r in data["V"] if r["label"] == 0]
    xs = np.array([r["c3_mythesA"][feat] for r in clean])
    neg0 = [r for r in data["NEG"] if d3.half(r) == 0]
    news_a = [r for r in data["NEWS"] if fit3.site_half(r) == 0]
    gm = fit3.guard_model(neg0, news_a)
    scaler, lr = gm[0], gm[1]
    out = {
        "about": "spin-context3 frozen candidate (tools/spin/export_context3.py); "
                 "development figures in docs/spin.md",
        "feature": feat,
        "mu": d3.MU,
        "min_count": d3.MIN_COUNT,
        "max_synonyms": d3.MAX_SYN,
        "gain_clip": [-4.0, 8.0],
        "prior_words": 5,
        "median": float(np.median(xs)),
        "sd": float(xs.std()) or 1.0,
        "w": w,
        "b": b,
        "gate_power": gp,
        "cap": CAP,
        "logit_floor": LOGIT_FLOOR,
        "quarantine_margin": 0.01,
        "gate": {
            "names": fit3.style_names(),
            "mean": [float(v) for v in scaler.mean_],
            "scale": [float(v) for v in scaler.scale_],
            "coef": [float(v) for v in lr.coef_[0]],
            "intercept": float(lr.intercept_[0]),
        },
    }
    (DATA / "context_term.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
    print(f"{len(sy)} checked words; median {out['median']:.4f} sd {out['sd']:.4f}; "
          f"gate {len(out['gate']['coef'])} weights")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
