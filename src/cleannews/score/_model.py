"""Document features and the calibrated logistic model (weights in ``data/model.json``).

The model is fitted offline by ``tools/spin/train.py``; at run time a score
is one dot product, a logistic and a Platt recalibration::

    >>> from cleannews.score._features import ParagraphCounts
    >>> c = ParagraphCounts(0, 10, n_words=300, n_content=120)
    >>> len(feature_vector(c)) == len(FEATURE_NAMES)
    True
"""

from __future__ import annotations

import math
import threading

from cleannews.score._features import ParagraphCounts
from cleannews.score._lexicon import load_json

__all__ = ["FEATURE_NAMES", "Model", "feature_vector", "get_model", "get_paragraph_model"]

FEATURE_NAMES: tuple[str, ...] = (
    "elision_per100",
    "contraction_per100",
    "gender_per100",
    "number_per100",
    "adjective_per100",
    "function_word_per100",
    "rare_synonym_share",
    "rare_word_share",
    "synonym_gap_mean",
    "low_frequency_mean",
    "weak_synonym_share",
    "strong_synonym_share",
    "max_paragraph_grammar_per100",
    "max_paragraph_synonym_share",
    "pos_misfit_share",
    "pos_misfit_mean",
    "substitute_llr_mean",
    "substitute_like_share",
)


def _grammar_density(c: ParagraphCounts) -> float:
    """Grammar evidence (everything but word rarity) per 100 words, log-scaled."""
    k = c.counts
    g = sum(v for s, v in k.items() if s not in ("rare_synonym", "rare_word"))
    return math.log1p(100 * g / max(c.n_words, 1))


def feature_vector(c: ParagraphCounts, parts: list[ParagraphCounts] | None = None) -> list[float]:
    """Length-normalised features of one paragraph or document (see ``FEATURE_NAMES``).

    ``parts`` are the paragraphs of a document: the worst paragraph's
    densities let one spun paragraph in five show through.
    """
    nw = max(c.n_words, 1)
    nc = max(c.n_content, 1)
    k = c.counts
    return [
        math.log1p(100 * k["elision"] / nw),
        math.log1p(100 * k["contraction"] / nw),
        math.log1p(100 * k["gender_agreement"] / nw),
        math.log1p(100 * k["number_agreement"] / nw),
        math.log1p(100 * k["adjective_agreement"] / nw),
        math.log1p(100 * k["function_word"] / nw),
        k["rare_synonym"] / nc,
        k["rare_word"] / nc,
        c.gap_sum / nc,
        c.lowz_sum / nc,
        c.n_syn_weak / nc,
        c.n_syn_strong / nc,
        *_worst_paragraph(c, parts),
        c.n_pos_misfit / nc,
        c.pos_misfit_sum / nc,
        c.llr_sum / nc,
        c.n_llr_high / nc,
    ]


#: Paragraphs are merged with the next one until they reach this many words.
WINDOW_WORDS = 60


def _worst_paragraph(c: ParagraphCounts, parts: list[ParagraphCounts] | None) -> list[float]:
    """Highest grammar density and strong-synonym share over windows of >= WINDOW_WORDS words."""
    if not parts or len(parts) == 1:
        w = parts[0] if parts else c
        return [_grammar_density(w), w.n_syn_strong / max(w.n_content, 1)]
    windows: list[ParagraphCounts] = []
    cur = None
    for p in parts:
        if cur is None:
            cur = ParagraphCounts(p.start, p.end)
        cur.add(p)
        if cur.n_words >= WINDOW_WORDS:
            windows.append(cur)
            cur = None
    if cur is not None:
        if windows:
            windows[-1].add(cur)
        else:
            windows.append(cur)
    g = max(_grammar_density(w) for w in windows)
    s = max(w.n_syn_strong / max(w.n_content, 1) for w in windows)
    return [g, s]


def _sigmoid(x: float) -> float:
    """Logistic function, safe for large ``|x|``."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


class Model:
    """Standardise, dot product, logistic, Platt calibration."""

    def __init__(self, spec: dict) -> None:
        if tuple(spec["features"]) != FEATURE_NAMES:
            raise ValueError("model.json was trained on other features; rerun tools/spin/train.py")
        self.mean = spec["mean"]
        self.scale = spec["scale"]
        self.coef = spec["coef"]
        self.intercept = spec["intercept"]
        self.platt_a = spec["platt"]["a"]
        self.platt_b = spec["platt"]["b"]
        stack = spec.get("stack")
        self.stack = (stack["document"], stack["paragraph"], stack["intercept"]) if stack else None

    def margin(self, x: list[float]) -> float:
        """Uncalibrated linear score of a feature vector."""
        return self.intercept + sum(
            w * (v - m) / s for w, v, m, s in zip(self.coef, x, self.mean, self.scale, strict=False)
        )

    def contributions(self, x: list[float]) -> dict[str, float]:
        """Each feature's share of the margin (for the explanation)."""
        return {
            name: w * (v - m) / s
            for name, w, v, m, s in zip(
                FEATURE_NAMES, self.coef, x, self.mean, self.scale, strict=False
            )
        }

    def probability(self, x: list[float]) -> float:
        """Calibrated probability that the text is spun."""
        return _sigmoid(self.platt_a * self.margin(x) + self.platt_b)

    def document_probability(self, x: list[float], worst_paragraph: float | None) -> float:
        """Calibrated probability for a document, given its worst paragraph's margin.

        The document margin and the highest paragraph margin (from the paragraph
        model) are combined by a second small logistic layer, so one spun
        paragraph in an otherwise clean article still raises the score.
        """
        m = self.margin(x)
        if self.stack is not None:
            w_doc, w_par, c0 = self.stack
            m = w_doc * m + w_par * (m if worst_paragraph is None else worst_paragraph) + c0
        return _sigmoid(self.platt_a * m + self.platt_b)


_LOCK = threading.Lock()
_MODEL: Model | None = None


_PARAGRAPH_MODEL: Model | None = None


def get_model() -> Model:
    """The shipped document model, loaded once."""
    global _MODEL, _PARAGRAPH_MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                spec = load_json("model.json")
                _PARAGRAPH_MODEL = Model(dict(spec["paragraph"], features=spec["features"]))
                _MODEL = Model(spec)
    return _MODEL


def get_paragraph_model() -> Model:
    """The shipped paragraph model (own weights and calibration), loaded once."""
    get_model()
    assert _PARAGRAPH_MODEL is not None
    return _PARAGRAPH_MODEL
