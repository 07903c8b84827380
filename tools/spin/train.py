"""Fit the spin detector's additive model and its calibration; write data/model.json.

    python -m tools.spin.train        (or as part of ``python -m tools.spin.build``)

Each feature is measured above the level of clean training text
(``max(0, (x - median_clean) / sd_clean)``) and a logistic regression with
non-negative weights is fitted on the training documents (spun with the
training dictionary "T" and the other training spinners); the calibration
(Platt: ``a * logit + b``) is fitted on the held-out validation set
(documents never seen in training, spun with dictionary "V"), classes
weighted 50/50, and folded into the weights. Every feature's contribution is
then clipped at ``feature_cap`` so that no single feature lifts a clean-looking
text above ``SINGLE_FEATURE_MAX_PROB``.
"""

from __future__ import annotations

import gzip
import json
import math
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).parent))

from cleannews.score import MIN_PARAGRAPH_WORDS, _features  # noqa: E402
from cleannews.score._features import ParagraphCounts, analyse  # noqa: E402
from cleannews.score._model import FEATURE_NAMES, feature_vector  # noqa: E402

# training measures every feature, whatever the model currently shipped says
_features.set_collocation(True)  # the per-type cache cleared with it

TRAIN = Path(__file__).parent / "build" / "train.jsonl.gz"
VALID = REPO / "fixtures/spin/validation.jsonl.gz"
MODEL = Path(
    __import__("os").environ.get("SPIN_MODEL_OUT", REPO / "src/cleannews/score/data/model.json")
)
#: L2 penalty of the non-negative logistic regression (per training sample).
L2 = 1e-3
#: Features held at weight 0 (``SPIN_EXCLUDE_FEATURES``, comma-separated: ablations).
#: By default the collocation feature is held at 0: the dev negatives it would be
#: trained against were counted in the collocation table (their sources are in it),
#: so the fit would learn "human text has no unseen pairs" from in-sample text only.
DEFAULT_EXCLUDED = "collocation_miss_share"
EXCLUDED = frozenset(
    f
    for f in __import__("os").environ.get("SPIN_EXCLUDE_FEATURES", DEFAULT_EXCLUDED).split(",")
    if f
)
#: The most one feature on its own may raise a text's probability to.
SINGLE_FEATURE_MAX_PROB = 0.8
#: Spun documents below this substitution rate (and partial spins) are left
#: out of the calibration population: "spun" means a document-wide spin.
CALIB_MIN_RATE = 0.2
#: Weight of a spun training document in the document model's fit, relative to the other spins
#: (each class still weighs half): ``SPUN_WEIGHTING`` names a rule of ``spun_weight``. Since
#: spin-careful7 "light5": whole-document spins at <= 20 % weigh 5, so the fit's direction
#: follows what still moves at light rates (chosen leave-one-source-out among "", light,
#: light5, light10, inverse, careful_light; docs/spin-history.md).
#: ``SPIN_TRAIN_WEIGHTING`` overrides it for ablations ("" = every spin weighs the same, the
#: fit before spin-careful7).
SPUN_WEIGHTING = __import__("os").environ.get("SPIN_TRAIN_WEIGHTING", "light5")
#: Rounds of the document model's fit that replay the package's register gate (round 35,
#: ``cleannews.score.register_gate``; refit52): 0 (the default, the shipped model) fits as
#: before; ``n`` refits ``n`` times, each time with the lexical and rarity features of every
#: training and calibration document scaled as the package's gate scales them under the
#: previous fit (``gate_factors``). ``SPIN_TRAIN_GATE`` sets it (``python -m tools.spin.build``
#: passes the environment on).
GATE_ROUNDS = int(__import__("os").environ.get("SPIN_TRAIN_GATE", "0"))


def read_jsonl(path: Path) -> list[dict]:
    """Records of a gzip'd JSONL file."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


#: Features that are unknown (NaN) for records whose text was counted into the collocation
#: table (the dev negatives): in-sample, they would teach "human text has no unseen pairs".
IN_COUNTS_MASKED = ("collocation_miss_share",)


def _mask(x: list[float], rec: dict | None) -> list[float]:
    """``x`` with the collocation features set to NaN for records inside the counts."""
    if rec is not None and rec.get("in_counts"):
        x = list(x)
        for f in IN_COUNTS_MASKED:
            x[FEATURE_NAMES.index(f)] = float("nan")
    return x


def doc_features(text: str, rec: dict | None = None) -> list[float]:
    """Document-level feature vector of ``text``."""
    a = analyse(text)
    doc = ParagraphCounts(0, 0)
    for p in a.paragraphs:
        doc.add(p)
    return _mask(feature_vector(doc, a.paragraphs), rec)


def paragraph_samples(rec: dict) -> list[tuple[list[float], int]]:
    """(features, label) of each paragraph of ``rec`` with enough words."""
    a = analyse(rec["text"])
    out = []
    for i, p in enumerate(a.paragraphs):
        if p.n_words < MIN_PARAGRAPH_WORDS:
            continue
        if rec["label"] == 0:
            lab = 0
        elif rec.get("partial"):
            lab = int(i == rec["spun_paragraph"])
        else:
            lab = 1
        out.append((_mask(feature_vector(p, [p]), rec), lab))
    return out


def _hinge(X: np.ndarray, base: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Features measured above the clean level, in clean standard deviations, floored at 0."""
    return np.nan_to_num(np.maximum(0.0, (X - base) / scale), nan=0.0)


def spun_weight(rec: dict, rule: str = "") -> float:
    """Relative weight of a training record in the fit (1 for clean records and for every
    record when ``rule`` is ""). ``light`` / ``light5`` / ``light10``: whole-document spins at
    <= 20 % weigh 3 / 5 / 10; ``careful_light``: careful and careful_freq spins at <= 20 %
    weigh 3; ``inverse``: a whole-document spin weighs 0.2 / rate, within [0.4, 2]; partial
    spins 1.

    >>> light, heavy = {"label": 1, "rate": 0.1}, {"label": 1, "rate": 0.5}
    >>> spun_weight(light, "inverse"), spun_weight(heavy, "light")
    (2.0, 1.0)
    """
    if not rule or rec.get("label") != 1 or rec.get("partial"):
        return 1.0
    rate = float(rec.get("rate") or 0.0)
    if rule in ("light", "light5", "light10"):
        return {"light": 3.0, "light5": 5.0, "light10": 10.0}[rule] if rate <= 0.2 else 1.0
    if rule == "careful_light":
        return 3.0 if rate <= 0.2 and rec.get("mode") != "naive" else 1.0
    if rule == "inverse":
        return min(2.0, max(0.4, 0.2 / rate)) if rate > 0 else 1.0
    raise ValueError(f"unknown spun weighting {rule!r}")


def fit_nonneg(X: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None,
               factors: np.ndarray | None = None) -> dict:
    """Class-balanced logistic regression with non-negative weights over hinged features.

    ``base``/``scale`` are the median / standard deviation of the clean rows; ``weights``
    (relative, within each class; default equal) shape each class's half of the loss;
    ``factors`` (same shape as ``X``, default all 1) multiply the hinged features, as the
    package's register gate multiplies a gated document's contributions (``gate_factors``).
    """
    clean = X[y == 0]
    base = np.nanmedian(clean, axis=0)
    scale = np.maximum(np.nanstd(clean, axis=0), np.maximum(0.1 * np.nanstd(X, axis=0), 1e-3))
    Z = _hinge(X, base, scale) if factors is None else _hinge(X, base, scale) * factors
    if weights is None:
        sw = np.where(y == 1, 0.5 / max(y.sum(), 1), 0.5 / max((1 - y).sum(), 1))
    else:
        wp, wn = float(weights[y == 1].sum()), float(weights[y == 0].sum())
        sw = weights * np.where(y == 1, 0.5 / max(wp, 1e-12), 0.5 / max(wn, 1e-12))
    d = Z.shape[1]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:d], theta[d]
        m = Z @ w + b
        p = 1.0 / (1.0 + np.exp(-m))
        ll = np.logaddexp(0, m) - y * m
        g = sw * (p - y)
        f = float(sw @ ll) + 0.5 * L2 * float(w @ w)
        return f, np.concatenate([Z.T @ g + L2 * w, [g.sum()]])

    # build-time package ([train]); the features and the negatives are read without it
    from scipy.optimize import minimize

    res = minimize(
        loss,
        np.zeros(d + 1),
        jac=True,
        method="L-BFGS-B",
        bounds=[(0.0, 0.0) if n in EXCLUDED else (0.0, None) for n in FEATURE_NAMES]
        + [(None, None)],
        options={"maxiter": 5000},
    )
    return {"base": base, "scale": scale, "coef": res.x[:d], "intercept": float(res.x[d])}


def _margins(X: np.ndarray, fit: dict, factors: np.ndarray | None = None) -> np.ndarray:
    """Uncalibrated, unclipped margins of feature rows (hinged features times ``factors``)."""
    Z = _hinge(X, fit["base"], fit["scale"])
    return (Z if factors is None else Z * factors) @ fit["coef"] + fit["intercept"]


def calibrate(fit: dict, Xv: np.ndarray, yv: np.ndarray,
              factors: np.ndarray | None = None) -> dict:
    """Fold a class-balanced Platt calibration into the weights; add the feature cap.
    ``factors``: as ``fit_nonneg``'s, for the calibration rows."""
    from sklearn.linear_model import LogisticRegression

    mv = _margins(Xv, fit, factors)
    platt = LogisticRegression(C=1e4, class_weight="balanced")
    platt.fit(mv.reshape(-1, 1), yv)
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    if a <= 0:
        raise RuntimeError("calibration reversed the score; the model is useless")
    intercept = a * fit["intercept"] + b
    cap = math.log(SINGLE_FEATURE_MAX_PROB / (1 - SINGLE_FEATURE_MAX_PROB)) - intercept
    return {
        "base": [round(float(v), 6) for v in fit["base"]],
        "scale": [round(float(v), 6) for v in fit["scale"]],
        "coef": [round(max(0.0, a * float(v)), 6) for v in fit["coef"]],
        "intercept": round(intercept, 6),
        "feature_cap": round(cap, 6),
        "platt": {"a": round(a, 6), "b": round(b, 6)},
    }


def calibration_population(records: list[dict]) -> list[dict]:
    """Clean documents vs whole-document spins at >= CALIB_MIN_RATE (every spinner)."""
    return [
        r
        for r in records
        if r["label"] == 0
        or (not r.get("partial") and not r.get("stress") and r["rate"] >= CALIB_MIN_RATE)
    ]


class _GateRecorder:
    """Wraps the package's ``register_scales`` and ``other_register`` (``cleannews.score``) to
    record, for one scored text, the factors the register gate applied: those
    ``register_scales`` returned when the ``other_register`` that ``_score_text`` asks next
    (only when a factor is below 1) said yes; ``(1.0, 1.0)`` otherwise. No copy of the gate's
    logic: the package decides, this only listens."""

    def __init__(self, sc) -> None:
        self.sc, self.scales, self.other = sc, sc.register_scales, sc.other_register
        self.pending: tuple[float, float] | None = None
        self.applied = (1.0, 1.0)

    def __enter__(self) -> _GateRecorder:
        self.sc.register_scales, self.sc.other_register = self._scales, self._other
        return self

    def __exit__(self, *exc) -> None:
        self.sc.register_scales, self.sc.other_register = self.scales, self.other

    def reset(self) -> None:
        """Forget the last text's factors."""
        self.pending, self.applied = None, (1.0, 1.0)

    def _scales(self, kinds):
        self.pending = self.scales(kinds)
        return self.pending

    def _other(self, text, config):
        got = self.other(text, config)
        if self.pending is not None:  # asked by the gate, right after ``register_scales``
            if got:
                self.applied = self.pending
            self.pending = None
        return got


def gate_factors(texts: list[str], spec: dict) -> np.ndarray:
    """Per text, the factors (one per feature, 1 but for the lexical and rarity kinds'
    features of a gated document) that the package's register gate applies to the document
    model's contributions when the package scores the text with model ``spec`` (a
    ``model.json`` dict), the collocation setting the spec implies, the default config.

    >>> spec = json.loads((REPO / "src/cleannews/score/data/model.json").read_text())
    >>> gate_factors(["Le chat dort."], spec).tolist() == [[1.0] * len(FEATURE_NAMES)]
    True
    """
    import cleannews.score as sc
    from cleannews.config import DEFAULT_CONFIG
    from cleannews.score import _model
    from cleannews.score._model import FEATURE_KIND, Model

    saved = (_model._MODEL, _model._PARAGRAPH_MODEL)
    _model._MODEL = Model(spec)
    _model._PARAGRAPH_MODEL = Model(dict(spec["paragraph"], features=spec["features"]))
    sc._PLANS.clear()  # plans are cached by the model's id
    _features.set_collocation(None)  # what the candidate model says, as at run time
    kind = [FEATURE_KIND[n] for n in FEATURE_NAMES]
    out = np.ones((len(texts), len(FEATURE_NAMES)))
    try:
        with _GateRecorder(sc) as rec:
            for i, text in enumerate(texts):
                rec.reset()
                sc.score_text(text, DEFAULT_CONFIG)
                lex_f, rar_f = rec.applied
                out[i] = [lex_f if k == "lexical" else rar_f if k == "rarity" else 1.0
                          for k in kind]
    finally:
        _model._MODEL, _model._PARAGRAPH_MODEL = saved
        sc._PLANS.clear()
        _features.set_collocation(True)  # the fits measure every feature
    return out


def refit_with_gate(X: np.ndarray, y: np.ndarray, wts: np.ndarray | None, Xv: np.ndarray,
                    yv: np.ndarray, texts: tuple[list[str], list[str]], spec: dict,
                    rounds: int = GATE_ROUNDS, keep: Path | None = None) -> dict:
    """The document model refitted ``rounds`` times, each time on features scaled by the
    ``gate_factors`` of the training and calibration ``texts`` under the previous model
    ``spec`` (a full ``model.json`` dict; its ``paragraph`` model is kept). Prints how many
    documents of each class the gate scaled; with ``keep``, writes each round's model to
    ``keep`` with ``.gate<round>.json`` for its suffix (a study of the rounds)."""
    for k in range(rounds):
        f, fv = gate_factors(texts[0], spec), gate_factors(texts[1], spec)
        gated, gated_v = (f < 1).any(axis=1), (fv < 1).any(axis=1)
        print(f"register gate, round {k + 1}: training {int(gated[y == 0].sum())} clean / "
              f"{int(gated[y == 1].sum())} spun, calibration {int(gated_v[yv == 0].sum())} / "
              f"{int(gated_v[yv == 1].sum())} scaled", flush=True)
        doc = calibrate(fit_nonneg(X, y, wts, f), Xv, yv, fv)
        spec = {**spec, **doc}
        if keep is not None:
            keep.with_suffix(f".gate{k + 1}.json").write_text(json.dumps(spec, indent=1) + "\n")
    return spec


def train_models(train: list[dict], val: list[dict]) -> dict:
    """Document and paragraph models (fitted on ``train``, calibrated on ``val``; the document
    model refitted with the register gate replayed when ``GATE_ROUNDS``)."""
    X = np.array([doc_features(r["text"], r) for r in train])
    y = np.array([r["label"] for r in train])
    wts = np.array([spun_weight(r, SPUN_WEIGHTING) for r in train]) if SPUN_WEIGHTING else None
    doc_fit = fit_nonneg(X, y, wts)
    cal = calibration_population(val)
    Xv = np.array([doc_features(r["text"], r) for r in cal])
    yv = np.array([r["label"] for r in cal])
    doc_spec = calibrate(doc_fit, Xv, yv)

    tr = [s for r in train for s in paragraph_samples(r)]
    par_fit = fit_nonneg(np.array([f for f, _ in tr]), np.array([lab for _, lab in tr]))
    va = [s for r in cal for s in paragraph_samples(r)]
    par_spec = calibrate(par_fit, np.array([f for f, _ in va]), np.array([lab for _, lab in va]))
    if GATE_ROUNDS:
        spec = refit_with_gate(X, y, wts, Xv, yv, ([r["text"] for r in train],
                                                   [r["text"] for r in cal]),
                               {"features": list(FEATURE_NAMES), **doc_spec,
                                "paragraph": par_spec},
                               keep=MODEL if __import__("os").environ.get("SPIN_TRAIN_GATE_KEEP")
                               else None)
        doc_spec = {k: spec[k] for k in doc_spec}
    return {
        "features": list(FEATURE_NAMES),
        **doc_spec,
        "paragraph": par_spec,
        "trained_on": {
            **({"register_gate_rounds": GATE_ROUNDS} if GATE_ROUNDS else {}),
            "excluded_features": sorted(EXCLUDED),
            "negatives": NEGATIVES_USED,
            "train_records": len(train),
            "calibration_records": len(cal),
            "calibration_population": f"clean vs whole-document spins >= {CALIB_MIN_RATE}",
            "spun_weighting": SPUN_WEIGHTING or "equal",
        },
    }


#: Files of independent negatives read by ``read_negatives`` (name, sha256), for the record.
NEGATIVES_USED: list[dict] = []

#: The round of ``fixtures/spin/negatives.jsonl.gz`` the shipped ``model.json`` was trained on
#: (``fixtures/spin/negatives_history.json``). Sources added by later rounds (``v7_sources``
#: …) are development data for the decision and the per-genre gate until the next retrain;
#: their dev sources are not in the collocation counts either. Raising this retrains the model.
NEGATIVES_TRAINED_ROUND = 6


def later_round_sources(history: dict, trained_round: int = NEGATIVES_TRAINED_ROUND) -> set[str]:
    """Sources the negatives history lists as added after ``trained_round``.

    >>> sorted(later_round_sources({"v7_sources": ["a"], "v8_sources": ["b"]}, 7))
    ['b']
    """
    out: set[str] = set()
    for key, sources in history.items():
        if key.startswith("v") and key.endswith("_sources") and key[1:-8].isdigit():
            if int(key[1:-8]) > trained_round:
                out.update(sources)
    return out


def read_negatives(split: str = "dev") -> list[dict]:
    """Independent human French of many genres (``fixtures/spin/negatives*.jsonl.gz``, or the
    files named in ``SPIN_NEGATIVES``, ``os.pathsep``-separated), one split, as clean records.

    Only the ``dev`` split is used for training and calibration; ``test`` is never read here.
    """
    import os

    env = os.environ.get("SPIN_NEGATIVES")
    paths = (
        [Path(p) for p in env.split(os.pathsep)]
        if env
        else sorted((REPO / "fixtures/spin").glob("negatives*.jsonl.gz"))
    )
    out = []
    import hashlib

    history_path = REPO / "fixtures/spin/negatives_history.json"
    history = json.loads(history_path.read_text(encoding="utf-8")) if history_path.exists() else {}
    later = later_round_sources(history)
    for path in paths:
        if later and path.name == "negatives.jsonl.gz":
            # the records of the trained round, as negatives_history.json pins them
            v = history.get(f"v{NEGATIVES_TRAINED_ROUND}", {})
            NEGATIVES_USED.append(
                {
                    "file": path.name,
                    "round": f"v{NEGATIVES_TRAINED_ROUND}",
                    "sha256_id_text": v.get("sha256_id_text"),
                }
            )
        else:
            NEGATIVES_USED.append(
                {"file": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
            )
        for r in read_jsonl(path):
            if r.get("source") in later:
                continue
            if r.get("split") == split:
                # their sources are inside the collocation counts (spindata's build_context.py
                # counts every source not in the test split)
                out.append(dict(r, label=0, mode="clean", rate=0.0, in_counts=split == "dev"))
    return out


def main() -> None:
    train = read_jsonl(TRAIN)
    val = read_jsonl(VALID)
    negatives = read_negatives("dev")
    if negatives:
        # half of the dev negatives (by id hash) train the weights, the other half calibrates
        import zlib

        train += [r for r in negatives if zlib.crc32(r["id"].encode()) % 2 == 0]
        val += [r for r in negatives if zlib.crc32(r["id"].encode()) % 2 == 1]
        print(f"independent negatives (dev split): {len(negatives)} documents")
    spec = train_models(train, val)
    print("document contributions (calibrated weight per clean-sd above the clean median):")
    for n, c in zip(FEATURE_NAMES, spec["coef"], strict=True):
        print(f"  {n:30s} {c:+.3f}")
    print(f"intercept {spec['intercept']:+.3f}, feature cap {spec['feature_cap']:.3f}")
    MODEL.write_text(json.dumps(spec, indent=1) + "\n")
    print(f"-> {MODEL}")


if __name__ == "__main__":
    main()
