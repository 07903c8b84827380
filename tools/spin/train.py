"""Fit the spin detector's logistic model and its Platt calibration; write data/model.json.

    /work/spinbuild-venv/bin/python tools/spin/train.py

The logistic regression is fitted on the training documents (spun with the
training dictionary "T"); the Platt calibration on the held-out validation
set (documents never seen in training, spun with dictionary "V"), with the
classes weighted 50/50 so a score of 0.9 means 9 in 10 at equal priors.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).parent))

from cleannews.score import MIN_PARAGRAPH_WORDS  # noqa: E402
from cleannews.score._features import ParagraphCounts, analyse  # noqa: E402
from cleannews.score._model import FEATURE_NAMES, feature_vector  # noqa: E402

TRAIN = Path(__file__).parent / "build" / "train.jsonl.gz"
VALID = REPO / "fixtures/spin/validation.jsonl.gz"
MODEL = REPO / "src/cleannews/score/data/model.json"
#: Inverse regularisation strength of the logistic regression.
C_REG = 1.0
#: Spun documents below this substitution rate (and partial spins) are left
#: out of the calibration population: "spun" means a document-wide spin.
CALIB_MIN_RATE = 0.2


def read_jsonl(path: Path) -> list[dict]:
    """Records of a gzip'd JSONL file."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def doc_features(text: str) -> list[float]:
    """Document-level feature vector of ``text``."""
    a = analyse(text)
    doc = ParagraphCounts(0, 0)
    for p in a.paragraphs:
        doc.add(p)
    return feature_vector(doc, a.paragraphs)


def paragraph_samples(rec: dict) -> list[tuple[list[float], int]]:
    """(features, label) of each paragraph of ``rec`` with enough words."""
    a = analyse(rec["text"])
    out = []
    for i, p in enumerate(a.paragraphs):
        if p.n_words < 30:
            continue
        if rec["label"] == 0:
            lab = 0
        elif rec.get("partial"):
            lab = int(i == rec["spun_paragraph"])
        else:
            lab = 1
        out.append((feature_vector(p, [p]), lab))
    return out


def fit_paragraph_model(train: list[dict], val: list[dict]) -> dict:
    """Logistic model of single paragraphs (noisier than documents: own weights and calibration).

    Calibrated on held-out paragraphs: clean ones vs paragraphs spun at >= CALIB_MIN_RATE.
    """
    tr = [s for r in train for s in paragraph_samples(r)]
    X = np.array([f for f, _ in tr])
    y = np.array([lab for _, lab in tr])
    mean = X.mean(axis=0)
    scale = X.std(axis=0) + 1e-6
    clf = LogisticRegression(C=C_REG, class_weight="balanced", max_iter=2000)
    clf.fit((X - mean) / scale, y)
    va = [
        s
        for r in val
        if r["label"] == 0 or r["rate"] >= CALIB_MIN_RATE
        for s in paragraph_samples(r)
    ]
    Xv = np.array([f for f, _ in va])
    yv = np.array([lab for _, lab in va])
    mv = (Xv - mean) / scale @ clf.coef_[0] + clf.intercept_[0]
    platt = LogisticRegression(C=1e4, class_weight="balanced")
    platt.fit(mv.reshape(-1, 1), yv)
    print(f"paragraph model: {len(tr)} training paragraphs, {len(va)} calibration paragraphs")
    return {
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in clf.coef_[0]],
        "intercept": round(float(clf.intercept_[0]), 6),
        "platt": {
            "a": round(float(platt.coef_[0][0]), 6),
            "b": round(float(platt.intercept_[0]), 6),
        },
    }


def record_features(text: str) -> tuple[list[float], list[list[float]]]:
    """Document features and the features of each paragraph with a score of its own."""
    a = analyse(text)
    doc = ParagraphCounts(0, 0)
    for p in a.paragraphs:
        doc.add(p)
    paras = [feature_vector(p, [p]) for p in a.paragraphs if p.n_words >= MIN_PARAGRAPH_WORDS]
    return feature_vector(doc, a.paragraphs), paras


def _margins(X: np.ndarray, spec: dict) -> np.ndarray:
    """Uncalibrated logistic margins of feature rows under a fitted spec."""
    mean, scale = np.array(spec["mean"]), np.array(spec["scale"])
    return (X - mean) / scale @ np.array(spec["coef"]) + spec["intercept"]


def _fit(X: np.ndarray, y: np.ndarray) -> dict:
    """Standardised, class-balanced logistic regression as a JSON-ready spec."""
    mean = X.mean(axis=0)
    scale = X.std(axis=0) + 1e-6
    clf = LogisticRegression(C=C_REG, class_weight="balanced", max_iter=3000)
    clf.fit((X - mean) / scale, y)
    return {
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in clf.coef_[0]],
        "intercept": round(float(clf.intercept_[0]), 6),
    }


def _stack_inputs(feats: list, doc_spec: dict, para_spec: dict) -> np.ndarray:
    """[document margin, highest paragraph margin] of each record."""
    rows = []
    for dvec, pvecs in feats:
        md = float(_margins(np.array([dvec]), doc_spec)[0])
        mp = float(_margins(np.array(pvecs), para_spec).max()) if pvecs else md
        rows.append([md, mp])
    return np.array(rows)


def main() -> None:
    train = read_jsonl(TRAIN)
    # stress spins (careful_freq) are never calibrated on
    val_all = [r for r in read_jsonl(VALID) if not r.get("stress")]
    feats = [record_features(r["text"]) for r in train]
    y = np.array([r["label"] for r in train])
    doc_spec = _fit(np.array([d for d, _ in feats]), y)
    print("document coefficients:")
    for n, c in zip(FEATURE_NAMES, doc_spec["coef"], strict=True):
        print(f"  {n:30s} {c:+.3f}")
    para_spec = fit_paragraph_model(train, val_all)

    # stage 2: document margin + worst paragraph margin (catches one spun paragraph in five)
    S = _stack_inputs(feats, doc_spec, para_spec)
    stack = LogisticRegression(C=C_REG, class_weight="balanced").fit(S, y)
    w_doc, w_par = (float(v) for v in stack.coef_[0])
    c0 = float(stack.intercept_[0])
    print(f"stack: {w_doc:+.3f} * document {w_par:+.3f} * worst paragraph {c0:+.3f}")

    # calibration population: clean documents vs whole-document spins at >= 20 %
    val = [
        r
        for r in val_all
        if r["label"] == 0 or (not r.get("partial") and r["rate"] >= CALIB_MIN_RATE)
    ]
    Sv = _stack_inputs([record_features(r["text"]) for r in val], doc_spec, para_spec)
    mv = Sv @ np.array([w_doc, w_par]) + c0
    yv = np.array([r["label"] for r in val])
    platt = LogisticRegression(C=1e4, class_weight="balanced")
    platt.fit(mv.reshape(-1, 1), yv)
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    spec = {
        "features": list(FEATURE_NAMES),
        **doc_spec,
        "stack": {
            "document": round(w_doc, 6),
            "paragraph": round(w_par, 6),
            "intercept": round(c0, 6),
        },
        "platt": {"a": round(a, 6), "b": round(b, 6)},
        "paragraph": para_spec,
        "trained_on": {
            "train_records": len(train),
            "calibration_records": len(val),
            "train_dictionary": "T",
            "calibration_dictionary": "V",
            "calibration_population": f"clean vs whole-document spins >= {CALIB_MIN_RATE}",
        },
    }
    MODEL.write_text(json.dumps(spec, indent=1) + "\n")
    print(f"platt a={a:.3f} b={b:.3f} -> {MODEL}")


if __name__ == "__main__":
    main()
