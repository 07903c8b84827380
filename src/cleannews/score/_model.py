"""Document features and the calibrated additive model (weights in ``data/model.json``).

The model is fitted offline by ``tools/spin/train.py`` (logistic regression with
non-negative weights over features measured above the clean-text level, then
calibrated and clipped); at run time a score is a sum of clipped contributions
and a logistic::

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

__all__ = [
    "EVIDENCE_KINDS",
    "FEATURE_KIND",
    "FEATURE_NAMES",
    "KINDS",
    "Model",
    "feature_vector",
    "get_model",
    "get_paragraph_model",
    "kind_totals",
    "logit",
]

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
    "collocation_miss_share",
)


#: Pseudo-count of checked word pairs (shrinks the miss share of short texts toward 0).
COLLOCATION_PRIOR = 10


def _grammar_density(c: ParagraphCounts) -> float:
    """Grammar evidence (everything but word rarity) per 100 words, log-scaled."""
    k = c.counts
    g = sum(v for s, v in k.items() if s not in ("rare_synonym", "rare_word"))
    return math.log1p(100 * g / max(c.n_words, 1))


def feature_vector(
    c: ParagraphCounts,
    parts: list[ParagraphCounts] | None = None,
    worst: list[float] | None = None,
) -> list[float]:
    """Length-normalised features of one paragraph or document (see ``FEATURE_NAMES``).

    ``parts`` are the paragraphs of a document: the worst paragraph's
    densities let one spun paragraph in five show through. ``worst`` gives those two
    densities already computed (a streamed document: ``_stream.DocumentScan.worst``).
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
        *(worst if worst is not None else _worst_paragraph(c, parts)),
        c.n_pos_misfit / nc,
        c.pos_misfit_sum / nc,
        c.llr_sum / nc,
        c.n_llr_high / nc,
        c.n_coll_miss / (c.n_coll_checks + COLLOCATION_PRIOR),
    ]


#: Paragraphs are merged with the next one until they reach this many words.
WINDOW_WORDS = 60
#: The most windows a fitted document has (``WINDOW_WORDS`` into the fits' longest
#: documents, about 370 words: 6). A text of more windows is read at the
#: ``ceil(windows / REFERENCE_WINDOWS)``-th densest (``window_rank``), about the densest of
#: ``REFERENCE_WINDOWS`` windows: the maximum of many windows grows with their number, so
#: a human text broken into many lines otherwise rose toward "suspect" with its length
#: (docs/spin-history.md, "Line-broken human text: the densest of many windows (issue 11,
#: round 30)").
REFERENCE_WINDOWS = 6


def window_rank(n_windows: int) -> int:
    """Which densest window (1 = the densest) stands for a text of ``n_windows`` windows.

    >>> [window_rank(n) for n in (1, 6, 7, 12, 13, 33)]
    [1, 1, 2, 2, 3, 6]
    """
    return max(1, -(-n_windows // REFERENCE_WINDOWS))


def ranked_worst(grammar: list[float], synonym: list[float]) -> list[float]:
    """The ``window_rank``-th highest grammar density and strong-synonym share of windows.

    >>> ranked_worst([0.0, 2.9, 0.0], [0.0, 0.1, 0.0])
    [2.9, 0.1]
    >>> ranked_worst([0.0] * 11 + [2.9], [0.05] + [0.0] * 11)
    [0.0, 0.0]
    """
    k = window_rank(len(grammar))
    return [sorted(grammar, reverse=True)[k - 1], sorted(synonym, reverse=True)[k - 1]]


def _worst_paragraph(
    c: ParagraphCounts, parts: list[ParagraphCounts] | None, window: int = WINDOW_WORDS
) -> list[float]:
    """Highest grammar density and strong-synonym share over windows of >= ``window`` words
    (of many windows, the ``window_rank``-th highest: ``ranked_worst``)."""
    if not parts or len(parts) == 1:
        w = parts[0] if parts else c
        return [_grammar_density(w), w.n_syn_strong / max(w.n_content, 1)]
    windows: list[ParagraphCounts] = []
    cur = None
    for p in parts:
        if cur is None:
            cur = ParagraphCounts(p.start, p.end)
        cur.add(p)
        if cur.n_words >= window:
            windows.append(cur)
            cur = None
    if cur is not None:
        if windows:
            windows[-1].add(cur)
        else:
            windows.append(cur)
    return ranked_worst([_grammar_density(w) for w in windows],
                        [w.n_syn_strong / max(w.n_content, 1) for w in windows])


#: Which kind of evidence each feature measures. A quarantine needs two kinds
#: (or one kind in several paragraphs); ``rarity`` (rare vocabulary) is never a
#: kind on its own: domain vocabulary is not evidence of spinning by itself.
FEATURE_KIND: dict[str, str] = {
    "elision_per100": "grammar",
    "contraction_per100": "grammar",
    "gender_per100": "grammar",
    "number_per100": "grammar",
    "adjective_per100": "grammar",
    "function_word_per100": "grammar",
    "rare_synonym_share": "lexical",
    "rare_word_share": "rarity",
    "synonym_gap_mean": "lexical",
    "low_frequency_mean": "rarity",
    "weak_synonym_share": "lexical",
    "strong_synonym_share": "lexical",
    "max_paragraph_grammar_per100": "grammar",
    "max_paragraph_synonym_share": "lexical",
    "pos_misfit_share": "context",
    "pos_misfit_mean": "context",
    "substitute_llr_mean": "lexical",
    "substitute_like_share": "lexical",
    "collocation_miss_share": "context",
}
KINDS: tuple[str, ...] = ("grammar", "lexical", "context", "rarity")
#: Kinds that count toward the "two independent kinds" rule (the context term is one more:
#: ``_decision``).
EVIDENCE_KINDS: tuple[str, ...] = ("grammar", "lexical", "context")


def _sigmoid(x: float) -> float:
    """Logistic function, safe for large ``|x|``."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def logit(p: float) -> float:
    """Inverse of the logistic function.

    >>> round(logit(0.5), 6)
    0.0
    """
    return math.log(p / (1.0 - p))


class Model:
    """Non-negative additive model: ``logit = intercept + sum of clipped contributions``.

    Each feature contributes ``min(cap, coef * max(0, (x - base) / scale))``: nothing
    below the level of clean training text (``base``), never negative (``coef >= 0``),
    never more than ``cap``. The calibration is folded into ``coef`` and ``intercept``,
    so the contributions add up exactly to the logit of the probability shown.
    """

    def __init__(self, spec: dict) -> None:
        if tuple(spec["features"]) != FEATURE_NAMES:
            raise ValueError("model.json was trained on other features; rerun tools/spin/build.py")
        self.base = spec["base"]
        self.scale = spec["scale"]
        self.coef = spec["coef"]
        self.intercept = spec["intercept"]
        self.cap = spec["feature_cap"]
        if min(self.coef) < 0:
            raise ValueError("model.json has a negative weight; rerun tools/spin/build.py")

    def contributions(self, x: list[float]) -> dict[str, float]:
        """Each feature's (non-negative, clipped) share of the logit."""
        cap = self.cap
        out = {}
        for name, w, v, b, s in zip(
            FEATURE_NAMES, self.coef, x, self.base, self.scale, strict=False
        ):
            d = (v - b) / s
            out[name] = min(cap, w * d) if d > 0 else 0.0
        return out

    def margin(self, x: list[float]) -> float:
        """The logit: intercept plus the sum of the contributions."""
        return self.intercept + sum(self.contributions(x).values())

    def probability(self, x: list[float]) -> float:
        """Calibrated probability that the text is spun."""
        return _sigmoid(self.margin(x))


def kind_totals(contrib: dict[str, float]) -> dict[str, float]:
    """Contributions summed per kind of evidence (see ``FEATURE_KIND``).

    >>> kind_totals({"elision_per100": 1.0, "gender_per100": 0.5})["grammar"]
    1.5
    """
    out = dict.fromkeys(KINDS, 0.0)
    for name, v in contrib.items():
        out[FEATURE_KIND[name]] += v
    return out


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
