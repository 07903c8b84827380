"""Fingerprints of what the spin build's two fits read from the repository, as the current
package code computes it (``python -m tools.spin.fit_inputs`` prints them).

``model.json`` (step ``train``) and the register gate of ``context_kind.json`` /
``context_term.json`` (step ``context_term``) are fitted on feature vectors that the package
code and the repository fixtures compute. When either changes (a rule of
``cleannews.score._features``, a word list of ``function_words.json``, a relabelled page) the
shipped fits no longer match what ``python -m tools.spin.build`` rebuilds, and nothing in CI
saw it: spin-rebuild11 found two such drifts (round 9's new ``fixtures/strip_real`` TRAIN pages
entered the gate's training set; spin-lit10's literary-register rule moved the features of
three dev negatives the model is trained on). ``--manifest`` records these fingerprints in
``tools/spin/BUILD.json`` (``fit_inputs``) and ``tests/test_spin_build_manifest.py`` recomputes
them in seconds from the repository alone (the training spins and the UD documents come from
raw sources CI does not have; the fingerprints cover the rest):

* ``context_term``: the gate's style vector of each in-repository training record (the dev
  negatives of half 0, the frozen news excerpts of ``data/register_gate_news.txt``);
* ``train``: the document and paragraph feature vectors (``train.doc_features``,
  ``train.paragraph_samples``) of the validation fixture and the negatives' dev split.

Numbers are hashed at ``DIGITS`` significant digits (a last-digit difference of a maths
library is not a change of inputs).

    >>> _line("x", 1, [0.1 + 0.2, float("nan")])
    'x\\t1\\t0.3 nan\\n'
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

#: Significant digits of the hashed numbers.
DIGITS = 8


def _line(key: str, label: int, values) -> str:
    return f"{key}\t{label}\t" + " ".join(f"{v:.{DIGITS}g}" for v in values) + "\n"


def gate_fingerprint() -> str:
    """SHA-256 of the register gate's in-repository training rows (id, label, style)."""
    import build_context_term as bct

    neg0, news = bct.gate_records()
    h = hashlib.sha256(" ".join(bct.style_names()).encode() + b"\n")
    for label, records in ((1, neg0), (0, news)):
        for r in records:
            h.update(_line(r["id"], label, bct.style(r["text"])).encode())
    return h.hexdigest()


def train_fingerprint() -> str:
    """SHA-256 of the document model's in-repository rows: the validation fixture and the
    negatives' dev split, each record's document vector and its paragraph samples."""
    from cleannews.score import _features

    saved = _features._COLLOCATION[0] if _features._COLLOCATION else None
    try:
        import train  # sets the collocation feature on, as in training

        # on, with the per-type cache cleared: facts cached under the other setting (the
        # shipped model's) were read by the fit, and this fit's were left after it (audit20)
        _features.set_collocation(True)
        records = train.read_jsonl(train.VALID) + train.read_negatives("dev")
        h = hashlib.sha256(" ".join(train.FEATURE_NAMES).encode() + b"\n")
        for i, r in enumerate(records):
            key = r.get("id", str(i))
            h.update(_line(key, r["label"], train.doc_features(r["text"], r)).encode())
            for x, lab in train.paragraph_samples(r):
                h.update(_line(key, lab, x).encode())
        return h.hexdigest()
    finally:
        _features.set_collocation(saved)


def fingerprints() -> dict[str, str]:
    """``{"context_term": …, "train": …}`` (the build steps whose fits they pin)."""
    return {"context_term": gate_fingerprint(), "train": train_fingerprint()}


if __name__ == "__main__":
    for step, sha in fingerprints().items():
        print(step, sha)
