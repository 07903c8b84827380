r"""Development study of round 37 (refit52, issue 11): the document model refitted with the
register gate replayed (``tools/spin/train.py``, ``SPIN_TRAIN_GATE``), measured on the
development sources as careful52 measured its levers (docs/spin-history.md, "Round 37: the
spin model refitted with the register gate (refit52)").

    export SPIN_UD_DIR=/work/cache/spin-raw/fr-ud \
           SPIN_MYTHES_DAT=/work/cache/spin-raw/mythes/thes_fr.dat PYTHONPATH=tools/spin:tests:.
    # the training set of the build's ``dataset`` step at tools/spin/build/train.jsonl.gz
    SPIN_TRAIN_GATE=3 SPIN_TRAIN_GATE_KEEP=1 SPIN_MODEL_OUT=/tmp/refit52/model_gate.json \
        python tools/spin/train.py                     # /tmp/refit52/model_gate.gate{1,2,3}.json
    git archive HEAD src | tar -x -C /tmp/refit52/g1
    cp /tmp/refit52/model_gate.gate1.json /tmp/refit52/g1/src/cleannews/score/data/model.json
    SRC=/tmp/refit52/g1/src python tools/spin/dev_careful51.py records /tmp/refit52/g1.pkl
    python tools/spin/dev_refit52.py compare /tmp/refit52/old.pkl /tmp/refit52/g1.pkl ...
    python tools/spin/dev_careful52.py loso /tmp/refit52/old.pkl /tmp/refit52/g1.pkl ...

``compare`` prints, per pickle (``dev_careful51.records``; the first is the reference), the
1 % FP thresholds of the dev negatives (``tn``), UD clean (``tu``) and the TRAIN pages
(``tr``), careful / naive 15 % and 30 % recall at each (mean over V, WV, E, P), the dev
negatives "suspect" / "spun" per genre, split into the round-6 records the fit reads (half
train the weights, half calibrate) and the later ones it never reads, the TRAIN pages', and
how many human records' logits rose past each threshold of the reference. Never read: the
negatives' test split, the Apertium source, ``fixtures/spin/fresh``.
"""

from __future__ import annotations

import statistics
import sys

from dev_careful51 import SOURCES, _load, _style, genre_counts, summary
from dev_neg48 import STYLES

#: The human sets of the records, and the threshold each one sets.
HUMAN = (("NEG", "tn"), ("UD", "tu"), ("REAL", "tr"))


def thresholds(recs: list[dict]) -> dict[str, float]:
    """The 1 % FP thresholds of the records' three human sets (``HUMAN``)."""
    from validate import threshold_at_fp

    return {k: threshold_at_fp([r["logit"] for r in recs if r["set"] == s]) for s, k in HUMAN}


def recall(recs: list[dict], th: float, mode: str, rates: tuple) -> float:
    """Mean recall over the development sources of one spin style at logit threshold ``th``."""
    return statistics.mean(sum(r["logit"] > th for r in v) / len(v)
                           for v in (_style(recs, s, mode, rates) for s in SOURCES))


def fitted_ids() -> set[str]:
    """Ids of the dev negatives ``train.read_negatives`` gives the fit (the round it was
    trained on), so the per-genre counts can be split into read and unread records."""
    import train

    return {r["id"] for r in train.read_negatives("dev")}


def rose_past(ref: list[dict], new: list[dict], th: dict[str, float]) -> dict[str, int]:
    """Per human set, how many records were at or under the reference's threshold and are
    over it with the new model.

    >>> r = [{"set": "UD", "id": "a", "mode": None, "rate": None, "logit": -2.0}]
    >>> rose_past(r, [dict(r[0], logit=-1.0)], {"tn": 0.0, "tu": -1.5, "tr": 0.0})["UD"]
    1
    """
    key = {s: k for s, k in HUMAN}
    old = {(r["set"], r["id"]): r["logit"] for r in ref if r["set"] in key}
    out = dict.fromkeys(key, 0)
    for r in new:
        s = r["set"]
        if s in key and old[(s, r["id"])] <= th[key[s]] < r["logit"]:
            out[s] += 1
    return out


def compare(paths: list[str]) -> None:
    """The table of the module docstring."""
    ids = fitted_ids()
    ref = _load(paths[0])
    th0 = thresholds(ref)
    for p in paths:
        recs = _load(p)
        th, s = thresholds(recs), summary(recs)
        print(f"== {p}: " + " ".join(f"{k} {v:+.3f}" for k, v in th.items()))
        for mode, name, rates in STYLES:
            print(f"  {mode:8s}{name} %: " + " ".join(
                f"{k} {recall(recs, v, mode, rates):.3f}" for k, v in th.items()))
        for inside in (True, False):
            g = genre_counts(recs, lambda r, inside=inside: (r["id"] in ids) == inside)
            tot = [sum(v[i] for v in g.values()) for i in range(3)]
            print(f"  dev negatives {'read by the fit' if inside else 'never read'}: "
                  f"suspect/spun/n {tot}; " + " ".join(
                      f"{k} {v[0]}/{v[1]}" for k, v in sorted(g.items()) if v[0] or v[1]))
        ud = [r for r in recs if r["set"] == "UD"]
        print(f"  TRAIN pages suspect/spun/n {s['real']}; UD clean over 0: "
              f"{sum(r['logit'] > 0 for r in ud)} of {len(ud)}; human rose past the "
              f"reference's thresholds: {rose_past(ref, recs, th0)}")


if __name__ == "__main__":
    {"compare": lambda: compare(sys.argv[2:])}[sys.argv[1]]()
