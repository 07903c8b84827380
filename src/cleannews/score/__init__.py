"""Score stage: how likely a text is machine-paraphrased ("spun") French, and why.

Signals of different kinds are counted per paragraph (see ``_features``):
broken elisions and contractions, article / adjective gender and number
clashes checked against a lexicon of word forms, misused function words
("afin" without de/que), and content words that are rare in news or are the
uncommon member of a synonym set whose common member would be expected.
A logistic model over length-normalised counts, calibrated on held-out
synthetic data, turns them into a probability::

    >>> from cleannews.config import DEFAULT_CONFIG
    >>> score_text("Trop court.", DEFAULT_CONFIG).label
    'insufficient'
"""

from __future__ import annotations

from cleannews.config import CleanConfig
from cleannews.document import Evidence, ParagraphScore, SpinScore

__all__ = ["MIN_PARAGRAPH_WORDS", "MIN_WORDS", "score_text"]

#: Fewer words than this: the text is too short to judge ("insufficient").
MIN_WORDS = 80
#: Paragraphs shorter than this get no score of their own.
MIN_PARAGRAPH_WORDS = 30
#: Share of distinctively French function words below which a text is not treated as French.
MIN_FRENCH_STOPWORD_SHARE = 0.08
#: Keep at most this many pieces of evidence (grammar evidence first).
MAX_EVIDENCE = 300

#: Which model feature each evidence signal feeds (for its weight).
_SIGNAL_FEATURE = {
    "elision": "elision_per100",
    "contraction": "contraction_per100",
    "gender_agreement": "gender_per100",
    "number_agreement": "number_per100",
    "adjective_agreement": "adjective_per100",
    "function_word": "function_word_per100",
    "rare_synonym": "rare_synonym_share",
    "rare_word": "rare_word_share",
    "pos_context": "pos_misfit_share",
}
_GRAMMAR = frozenset(_SIGNAL_FEATURE) - {"rare_synonym", "rare_word"}


def _label(score: float, config: CleanConfig) -> str:
    """``"spun"`` / ``"suspect"`` / ``"clean"`` from the configured thresholds.

    >>> from cleannews.config import DEFAULT_CONFIG
    >>> _label(0.95, DEFAULT_CONFIG), _label(0.6, DEFAULT_CONFIG), _label(0.1, DEFAULT_CONFIG)
    ('spun', 'suspect', 'clean')
    """
    if score >= config.spin_quarantine_threshold:
        return "spun"
    if score >= config.spin_suspect_threshold:
        return "suspect"
    return "clean"


def _is_french(n_words: int, n_fr: int, n_en: int) -> bool:
    """True when French function words are common enough and outnumber those of
    English, Spanish, Portuguese, Italian and German (``stop_en`` in the data file)."""
    return n_fr >= MIN_FRENCH_STOPWORD_SHARE * n_words and n_fr > n_en


def score_text(text: str, config: CleanConfig) -> SpinScore:
    """Score ``text`` (already cleaned) for spinning; see :class:`cleannews.SpinScore`."""
    from cleannews.score._features import ParagraphCounts, analyse
    from cleannews.score._model import (
        FEATURE_NAMES,
        feature_vector,
        get_model,
        get_paragraph_model,
    )

    analysis = analyse(text)
    doc = ParagraphCounts(0, 0)
    if analysis.paragraphs:
        doc.start = analysis.paragraphs[0].start
    for p in analysis.paragraphs:
        doc.add(p)
    if doc.n_words >= MIN_WORDS and not _is_french(doc.n_words, doc.n_fr, doc.n_en):
        return SpinScore(0.0, "unsupported_language", language=None, n_words=doc.n_words)
    if doc.n_words < MIN_WORDS:
        lang = "fr" if _is_french(doc.n_words, doc.n_fr, doc.n_en) else None
        return SpinScore(0.0, "insufficient", language=lang, n_words=doc.n_words)

    model = get_model()
    x = feature_vector(doc, analysis.paragraphs)
    contrib = model.contributions(x)
    weights = {
        sig: max(0.0, model.coef[FEATURE_NAMES.index(feat)])
        for sig, feat in _SIGNAL_FEATURE.items()
    }

    pmodel = get_paragraph_model()
    paragraphs = []
    worst: float | None = None
    for idx, p in enumerate(analysis.paragraphs):
        n_hits = sum(p.counts.values()) + p.n_pos_misfit
        if p.n_words >= MIN_PARAGRAPH_WORDS:
            px = feature_vector(p, [p])
            pm = pmodel.margin(px)
            worst = pm if worst is None else max(worst, pm)
            ps = pmodel.probability(px)
            plabel = _label(ps, config)
        else:
            ps, plabel = 0.0, "insufficient"
        paragraphs.append(
            ParagraphScore(idx, (p.start, p.end), round(ps, 4), plabel, p.n_words, n_hits)
        )
    score = model.document_probability(x, worst)

    matches = analysis.matches
    hits = sorted(analysis.hits, key=lambda h: (h.signal not in _GRAMMAR, h.first))
    evidence = []
    for h in hits[:MAX_EVIDENCE]:
        s, e = matches[h.first].start(), matches[h.last].end()
        evidence.append(
            Evidence(h.signal, (s, e), text[s:e], h.reason, round(weights[h.signal], 3))
        )
    evidence.sort(key=lambda ev: ev.span)

    signals = {name: round(v, 4) for name, v in zip(FEATURE_NAMES, x, strict=False)}
    signals.update({f"contribution.{k}": round(v, 4) for k, v in contrib.items()})
    return SpinScore(
        score=round(score, 4),
        label=_label(score, config),
        evidence=tuple(evidence),
        paragraphs=tuple(paragraphs),
        language="fr",
        n_words=doc.n_words,
        signals=signals,
    )
