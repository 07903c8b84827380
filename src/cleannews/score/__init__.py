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

import dataclasses
import math
from itertools import chain
from operator import attrgetter, itemgetter, mul, sub, truediv
from unicodedata import combining, is_normalized, normalize

from cleannews.config import CleanConfig
from cleannews.document import Evidence, ParagraphScore, SpinScore

__all__ = [
    "GRAMMAR_MIN_TOKENS",
    "KIND_MIN_CONTRIBUTION",
    "KIND_MIN_TOKENS",
    "MIN_PARAGRAPH_WORDS",
    "MIN_WORDS",
    "score_text",
]

#: Fewer words than this: the text is too short to judge ("insufficient").
MIN_WORDS = 80
#: Paragraphs shorter than this get no score of their own.
MIN_PARAGRAPH_WORDS = 30
#: Share of distinctively French function words below which a text is not treated as French.
MIN_FRENCH_STOPWORD_SHARE = 0.08
#: Keep at most this many pieces of evidence (grammar evidence first).
MAX_EVIDENCE = 300

#: Which kind of evidence each evidence signal belongs to (see ``_model.FEATURE_KIND``).
_SIGNAL_KIND = {
    "elision": "grammar",
    "contraction": "grammar",
    "gender_agreement": "grammar",
    "number_agreement": "grammar",
    "adjective_agreement": "grammar",
    "function_word": "grammar",
    "rare_synonym": "lexical",
    "rare_word": "rarity",
    "pos_context": "context",
    "collocation": "context",
}
_GRAMMAR = frozenset(s for s, k in _SIGNAL_KIND.items() if k == "grammar")
#: A kind of evidence is present when it adds at least this much to the logit …
KIND_MIN_CONTRIBUTION = 0.5
#: … and rests on at least this many tokens (one word, one typo is never enough).
KIND_MIN_TOKENS = 2
#: The same for a single paragraph (fewer words, so thin evidence is likelier to be chance).
PARAGRAPH_KIND_MIN_TOKENS = 3
#: Broken grammar is a kind of evidence toward a quarantine only from this many slips
#: (counted once each): two human typos in one text are common ("les main", "ne était"
#: in one page of the negatives' dev split, with the rare vocabulary of a novel).
GRAMMAR_MIN_TOKENS = 3
#: The most a kind of evidence backed by a single token may add to the logit.
SINGLE_TOKEN_MAX = 0.5
#: The most rare vocabulary adds to the logit beyond what the other kinds add together.
RARITY_ALONE_MAX = 0.5
#: Rare vocabulary with no common synonym (the rarity kind) shows a text's register: old,
#: literary, scientific or legal French, where rare synonyms are expected. In a document
#: the two-kinds rule leaves thin and the context term does not count as a kind, the lexical
#: kind counts only beyond this many times the rarity kind (``register_gate``; round 35) …
REGISTER_DISCOUNT = 2.0
#: … when the context term's register gate puts the text in another register than news
#: with at least this probability (spun news stays news: its rare words are the spinner's).
REGISTER_MIN = 0.7
#: … and reads the register only from this logit (score 0.12) up: below it the gate would move
#: no label and no development threshold at 1 % FP (logit -0.23 to 0.05 in round 35), and
#: reading the register costs about a third of a page's scoring time.
REGISTER_LOGIT_MIN = -2.0
#: Next to lexical evidence (a present lexical kind) in a text the register gate reads as news
#: (P < ``REGISTER_MIN``), rare vocabulary keeps at least this share of its own contribution
#: instead of at most what the other kinds add (``news_rarity``; round 36, careful51): a careful
#: spinner's rare picks are both rare synonyms and rare words, a news writer's are few.
NEWS_RARITY_KEEP = 0.5
#: Without two kinds of evidence (or one kind in several paragraphs) the logit is
#: held this far below the logit of ``THIN_EVIDENCE_SCORE_CAP``, and the label can
#: never be "spun", whatever the configured thresholds.
RULE_MARGIN = 0.05
#: The score that thin evidence stays under: the default quarantine threshold. A
#: constant, not the configured threshold, so that a score never depends on the
#: settings (scores of runs with different thresholds compare).
THIN_EVIDENCE_SCORE_CAP = 0.9


def _kind_support(c) -> dict[str, int]:
    """How many tokens back each kind of evidence in a paragraph or document."""
    k = c.counts
    return {
        "grammar": sum(k[s] for s in _GRAMMAR),
        "lexical": max(k["rare_synonym"], c.n_llr_high),
        "context": c.n_pos_misfit + c.n_coll_miss,
        "rarity": k["rare_word"],
    }


def _clip_single_token(
    contrib: dict[str, float], support: dict[str, int], min_tokens: int = KIND_MIN_TOKENS
) -> dict[str, float]:
    """Scale down the features of a kind backed by fewer than KIND_MIN_TOKENS tokens so the
    kind adds at most SINGLE_TOKEN_MAX to the logit (one typo, one odd word), and the
    rarity kind to at most the other kinds' total (or RARITY_ALONE_MAX).

    >>> _clip_single_token({"gender_per100": 3.0, "elision_per100": 1.0},
    ...                    {"grammar": 1, "lexical": 0, "context": 0, "rarity": 0})
    {'gender_per100': 0.375, 'elision_per100': 0.125}
    """
    from cleannews.score._model import FEATURE_KIND

    out = dict(contrib)
    for kind, n in support.items():
        if n >= min_tokens or kind == "rarity":
            continue
        _scale_kind(out, kind, SINGLE_TOKEN_MAX)
    # rare vocabulary only amplifies other evidence: alone it stays small
    others = sum(v for f, v in out.items() if FEATURE_KIND[f] != "rarity")
    _scale_kind(out, "rarity", max(RARITY_ALONE_MAX, others))
    return out


def register_limit(lexical: float, rarity: float) -> float:
    """The most the lexical kind (rare synonyms, substitute-like words) may add to the logit
    of a document in a rare register (``register_gate``) whose rarity kind (rare words with
    no common synonym) adds ``rarity``: what it adds beyond ``REGISTER_DISCOUNT`` times that.

    >>> register_limit(6.2, 3.8), register_limit(3.0, 0.5), register_limit(1.2, 0.0)
    (0.0, 2.0, 1.2)
    """
    return max(0.0, lexical - REGISTER_DISCOUNT * rarity)


def register_scales(kinds: dict[str, float]) -> tuple[float, float]:
    """The factors ``register_gate`` applies to the lexical and the rarity kinds' features:
    the lexical kind down to ``register_limit``, then the rarity kind to at most what the
    other kinds add now (or RARITY_ALONE_MAX, as ``_clip_single_token``).

    A moralist of 1770 (dev negative ``scientific-a44b7411aeea``) writes "les charmes",
    "des préjugés", "un tempérament" (rare synonyms of "attraits", "idées", "caractère")
    among "impudicité", "méprisables", "dérèglements" (rare words with no common synonym):

    >>> register_scales({"grammar": 0.0, "lexical": 3.84, "context": 0.0, "rarity": 2.8})
    (0.0, 0.17857142857142858)
    >>> register_scales({"grammar": 0.0, "lexical": 2.0, "context": 0.0, "rarity": 0.5})
    (0.5, 1.0)
    """
    lex, rar = kinds.get("lexical", 0.0), kinds.get("rarity", 0.0)
    new_lex = register_limit(lex, rar)
    others = sum(v for k, v in kinds.items() if k not in ("lexical", "rarity")) + new_lex
    new_rar = min(rar, max(RARITY_ALONE_MAX, others))
    return (new_lex / lex if lex else 1.0, new_rar / rar if rar else 1.0)


def register_gate(decision) -> bool:
    """Whether ``register_scales`` applies to a document: the two-kinds rule found its
    evidence thin (no ``decided.*`` or ``held.*`` signal) and the context term — what
    separates a spinner's substitutes from a human's rare register — adds less than
    ``_decision.CONTEXT_TERM_MIN`` (where it would count as a kind). Domain-rare vocabulary
    is not evidence by itself (issue 11 item 4).

    >>> from cleannews.score._decision import Decision
    >>> register_gate(Decision(-1.0, 0.0, None, False, {})), register_gate(
    ...     Decision(0.0, 0.0, None, True, {"decided.lexical": 1.0}))
    (True, False)
    >>> register_gate(Decision(-1.0, 1.4, None, False, {}))   # the context term counts
    False
    """
    from cleannews.score._decision import CONTEXT_TERM_MIN

    return not decision.enough and not decision.signals and decision.context < CONTEXT_TERM_MIN


def other_register(text: str, config: CleanConfig) -> bool:
    """Whether the context term's register gate reads ``text`` as another register than news
    (P >= ``REGISTER_MIN``): old, literary, scientific French (``register_gate`` applies
    there only). Never without the context term (``config.spin_context`` off).

    >>> from cleannews.config import DEFAULT_CONFIG
    >>> other_register("Euh ben je sais pas, hein. Bon, on verra bien, quoi.", DEFAULT_CONFIG)
    True
    """
    if not config.spin_context:
        return False
    from cleannews.score._context import get_context_term

    return get_context_term().register(text) >= REGISTER_MIN


def _register_scaled(contrib: dict[str, float], lex_f: float, rar_f: float) -> dict[str, float]:
    """``contrib`` with the lexical kind's features times ``lex_f`` and the rarity kind's
    times ``rar_f`` (``register_scales``).

    >>> _register_scaled({"rare_synonym_share": 2.0, "rare_word_share": 1.0}, 0.5, 1.0)
    {'rare_synonym_share': 1.0, 'rare_word_share': 1.0}
    """
    from cleannews.score._model import FEATURE_KIND

    f = {"lexical": lex_f, "rarity": rar_f}
    return {n: v * f.get(FEATURE_KIND[n], 1.0) for n, v in contrib.items()}


def news_rarity_limit(raw_rarity: float, kept: float, lexical_present: bool) -> float:
    """What the rarity kind adds in a news-register text (``news_rarity``): at least
    ``NEWS_RARITY_KEEP`` of its own contribution ``raw_rarity`` when the lexical kind is present,
    else what ``_clip_single_token`` kept.

    >>> news_rarity_limit(3.0, 1.2, True), news_rarity_limit(3.0, 1.2, False)
    (1.5, 1.2)
    >>> news_rarity_limit(3.0, 2.0, True)
    2.0
    """
    if not lexical_present:
        return kept
    return max(kept, min(raw_rarity, NEWS_RARITY_KEEP * raw_rarity))


def rarity_raw(x, model) -> list[tuple[int, float]]:
    """``(feature index, contribution before any clip)`` of the rarity kind's features of the
    feature vector ``x`` under ``model`` (``Model.contributions``' arithmetic).

    >>> from cleannews.score._model import FEATURE_NAMES, get_model
    >>> x = [0.0] * len(FEATURE_NAMES)
    >>> [round(v, 3) for _i, v in rarity_raw(x, get_model())]
    [0.0, 0.0]
    """
    from cleannews.score._model import FEATURE_KIND, FEATURE_NAMES

    out = []
    for i, name in enumerate(FEATURE_NAMES):
        if FEATURE_KIND[name] == "rarity":
            d = (x[i] - model.base[i]) / model.scale[i]
            out.append((i, min(model.cap, model.coef[i] * d) if d > 0 else 0.0))
    return out


def news_rarity(text: str, x, model, kinds: dict[str, float], present: list[str],
                logit_now: float, config: CleanConfig,
                other: bool | None = None) -> dict[int, float] | None:
    """The rarity kind's contributions (feature index → value) raised by ``news_rarity_limit``
    when the lexical kind is present, the raise would bring the logit to at least
    ``REGISTER_LOGIT_MIN`` and the context term's register gate reads ``text`` as news
    (``other_register`` false); else None (nothing changes; the register is read only when the
    raise can matter). ``logit_now``: the document's logit before the raise; ``other``: the
    register if already read.

    >>> from cleannews.config import DEFAULT_CONFIG
    >>> from cleannews.score._model import FEATURE_NAMES, get_model
    >>> news_rarity("x", [0.0] * len(FEATURE_NAMES), get_model(), {"rarity": 0.0}, [], 0.0,
    ...             DEFAULT_CONFIG) is None
    True
    """
    if "lexical" not in present:
        return None
    raw = rarity_raw(x, model)
    total = sum(v for _i, v in raw)
    kept = kinds.get("rarity", 0.0)
    target = news_rarity_limit(total, kept, True)
    if target <= kept + 1e-12 or logit_now + target - kept < REGISTER_LOGIT_MIN:
        return None
    if not config.spin_context or (other if other is not None else other_register(text, config)):
        return None
    return {i: v * target / total for i, v in raw}


def _scale_kind(out: dict[str, float], kind: str, limit: float) -> None:
    """Scale the contributions of ``kind``'s features down so they add up to at most ``limit``."""
    from cleannews.score._model import FEATURE_KIND

    names = [f for f, k in FEATURE_KIND.items() if k == kind and f in out]
    total = sum(map(out.__getitem__, names))
    if total > limit:
        for f in names:
            out[f] *= limit / total


def _present_kinds(
    kinds: dict[str, float], support: dict[str, int], min_tokens: int = KIND_MIN_TOKENS
) -> list[str]:
    """Kinds of evidence that count toward a quarantine (rarity never does).

    >>> _present_kinds({"grammar": 2.0, "lexical": 0.1, "context": 0.9, "rarity": 5.0},
    ...                {"grammar": 4, "lexical": 9, "context": 1, "rarity": 9})
    ['grammar']
    """
    from cleannews.score._model import EVIDENCE_KINDS

    return [
        k
        for k in EVIDENCE_KINDS
        if kinds[k] >= KIND_MIN_CONTRIBUTION and support[k] >= kind_min_tokens(k, min_tokens)
    ]


def kind_min_tokens(kind: str, min_tokens: int) -> int:
    """How many tokens a kind of evidence needs to count toward a quarantine.

    >>> kind_min_tokens("grammar", KIND_MIN_TOKENS), kind_min_tokens("lexical", KIND_MIN_TOKENS)
    (3, 2)
    """
    return max(min_tokens, GRAMMAR_MIN_TOKENS) if kind == "grammar" else min_tokens


def _fast_totals(out: list[float], plan, model) -> tuple[dict[str, float], float]:
    """``(kind totals, raw logit)`` of the fast path's contribution list ``out`` (each kind's
    contributions added left to right from 0.0, as ``_fast_model``)."""
    kinds = {kd: plan.seq_sum(map(out.__getitem__, idx), 0.0)
             for kd, idx in plan.kind_order.items()}
    return kinds, model.intercept + sum(out)


def _apply_news_rarity(raised: dict[int, float], plan, model, out, contrib, adjust: float,
                       enough: bool):
    """``(raw logit, rule adjustment, kinds, out, contrib)`` after ``news_rarity``'s raise:
    the fast path's list ``out`` or the generic path's dict ``contrib`` gets the raised
    rarity contributions; thin evidence is held under the cap again, a lift to "spun" shrinks
    by what the raise added."""
    from cleannews.score._model import FEATURE_NAMES, kind_totals

    if out is not None:
        before = model.intercept + sum(out)
        for i, v in raised.items():
            out[i] = v
        kinds, raw = _fast_totals(out, plan, model)
    else:
        before = model.intercept + sum(contrib.values())
        contrib = dict(contrib)
        for i, v in raised.items():
            contrib[FEATURE_NAMES[i]] = v
        kinds = kind_totals(contrib)
        raw = model.intercept + sum(contrib.values())
    if not enough:
        adjust = _rule_adjustment(raw, False)
    elif adjust > 0:
        adjust = max(0.0, adjust - (raw - before))
    return raw, adjust, kinds, out, contrib


def _rule_adjustment(raw_logit: float, enough_evidence: bool) -> float:
    """Non-positive logit adjustment that keeps thin evidence under the score cap.

    >>> _rule_adjustment(5.0, True)
    0.0
    >>> round(5.0 + _rule_adjustment(5.0, False), 3)
    2.147
    """
    if enough_evidence:
        return 0.0
    if not _THIN_LOGIT:
        from cleannews.score._model import logit

        _THIN_LOGIT.append(logit(THIN_EVIDENCE_SCORE_CAP) - RULE_MARGIN)
    return min(0.0, _THIN_LOGIT[0] - raw_logit)


#: ``logit(THIN_EVIDENCE_SCORE_CAP) - RULE_MARGIN``, computed on first use.
_THIN_LOGIT: list[float] = []


def _decide(
    text: str,
    raw: float,
    present: list[str],
    n_grammar_paragraphs: int,
    config,
    kinds=None,
    *,
    slips: tuple[int, int],
    slip_info=None,
):
    """The two-kinds rule with the context term (``_decision.decide``), loaded lazily;
    ``slips``: the document's grammar slips and the paragraphs with at least one.

    >>> from cleannews.config import DEFAULT_CONFIG
    >>> _decide("Le chat dort.", -9.0, [], 0, DEFAULT_CONFIG, slips=(0, 0)).enough
    False
    """
    from cleannews.score._decision import decide

    return decide(text, raw, present, n_grammar_paragraphs, config, kinds, slips=slips,
                  slip_info=slip_info)


def _slip_info(scan, paragraphs) -> tuple[list, list[int]]:
    """The counted grammar slips of a scanned document as ``(span, paragraph index)`` and the
    slips of each paragraph (``_decision.decide``'s one-slip check)."""
    per_par = [0] * len(paragraphs)
    out = []
    for sig, sp, _r, counted in scan.evidence():
        if counted and sig in _GRAMMAR:
            i = next((k for k, p in enumerate(paragraphs) if p.span[0] <= sp[0] < p.span[1]),
                     len(paragraphs) - 1)
            per_par[i] += 1
            out.append((sp, i))
    return out, per_par


def _label(score: float, config: CleanConfig, enough_evidence: bool = True) -> str:
    """``"spun"`` / ``"suspect"`` / ``"clean"`` from the configured thresholds.

    Thin evidence (one kind, in one paragraph) is never ``"spun"``, however low the
    quarantine threshold is set.

    >>> from cleannews.config import DEFAULT_CONFIG
    >>> _label(0.95, DEFAULT_CONFIG), _label(0.6, DEFAULT_CONFIG), _label(0.1, DEFAULT_CONFIG)
    ('spun', 'suspect', 'clean')
    >>> _label(0.6, DEFAULT_CONFIG.replace(spin_quarantine_threshold=0.55), enough_evidence=False)
    'suspect'
    """
    if score >= config.spin_quarantine_threshold and enough_evidence:
        return "spun"
    if score >= config.spin_suspect_threshold:
        return "suspect"
    return "clean"


def _is_french(n_words: int, n_fr: int, n_en: int) -> bool:
    """True when French function words are common enough and outnumber those of
    English, Spanish, Portuguese, Italian and German (``stop_en`` in the data file)."""
    return n_fr >= MIN_FRENCH_STOPWORD_SHARE * n_words and n_fr > n_en


def _paragraph_score(idx: int, p, pmodel, config: CleanConfig, plan=None) -> ParagraphScore:
    """Score of one paragraph from its counts (own model, own calibration).

    The same arithmetic as ``feature_vector`` → ``Model.contributions`` →
    ``_clip_single_token`` → ``kind_totals`` → ``_present_kinds`` → ``_rule_adjustment``,
    in the same order (so the same floats), on lists indexed once per model instead of
    dictionaries built per paragraph. ``plan``: ``_plan(pmodel)``, when the caller has it.
    """
    k = p.counts
    n_hits = sum(k.values()) + p.n_pos_misfit
    n_words = p.n_words
    if n_words < MIN_PARAGRAPH_WORDS:
        return ParagraphScore(idx, (p.start, p.end), 0.0, "insufficient", n_words, n_hits)
    if plan is None:
        plan = _plan(pmodel)
    if not plan.fast:
        return _paragraph_score_generic(idx, p, pmodel, config, n_hits)
    _x, out, support = _contributions(p, pmodel, plan, None, PARAGRAPH_KIND_MIN_TOKENS)
    pm = pmodel.intercept + sum(out)
    # _present_kinds, the kind totals added only where the support suffices
    seq_sum, kind_order = plan.seq_sum, plan.kind_order
    cell = out.__getitem__
    n_present = 0
    for kd in plan.evidence_kinds:
        if (
            support[kd] >= PARAGRAPH_KIND_MIN_TOKENS
            and seq_sum(map(cell, kind_order[kd]), 0.0) >= KIND_MIN_CONTRIBUTION
        ):
            n_present += 1
    enough = n_present >= 2
    pm += _rule_adjustment(pm, enough)
    ps = plan.sigmoid(pm)
    plabel = _label(ps, config, enough)
    return ParagraphScore(idx, (p.start, p.end), round(ps, 4), plabel, n_words, n_hits)


def _fast_model(p, model, plan, worst: list[float] | None, min_tokens: int):
    """``(features, clipped contributions, kind totals, support, present kinds)`` of counts
    ``p`` under ``model``: ``feature_vector`` → ``Model.contributions`` →
    ``_clip_single_token`` → ``kind_totals`` → ``_present_kinds`` with the same arithmetic in
    the same order (so the same floats), on the model's weights as lists (``_Plan``).
    ``worst`` gives the document's densest-window features (a paragraph uses its own)."""
    x, out, support = _contributions(p, model, plan, worst, min_tokens)
    # kind_totals (each kind's contributions added left to right from 0.0), _present_kinds
    seq_sum = plan.seq_sum
    cell = out.__getitem__
    kinds = {kd: seq_sum(map(cell, idx), 0.0) for kd, idx in plan.kind_order.items()}
    present = [
        kd
        for kd in plan.evidence_kinds
        if kinds[kd] >= KIND_MIN_CONTRIBUTION and support[kd] >= kind_min_tokens(kd, min_tokens)
    ]
    return x, out, kinds, support, present


def _contributions(p, model, plan, worst: list[float] | None, min_tokens: int):
    """``(features, clipped contributions, support)``: ``feature_vector`` →
    ``Model.contributions`` → ``_clip_single_token`` (see ``_fast_model``).

    ``min(cap, w * d)`` is written ``w * d if w * d < cap else cap``: the same float
    (``min`` keeps its first argument on a tie), without a call.
    """
    k = p.counts
    nw = max(p.n_words, 1)
    nc = max(p.n_content, 1)
    log1p = math.log1p
    el, co, ge = k["elision"], k["contraction"], k["gender_agreement"]
    nu, ad, fw = k["number_agreement"], k["adjective_agreement"], k["function_word"]
    g = el + co + ge + nu + ad + fw
    rs, rw = k["rare_synonym"], k["rare_word"]
    strong = p.n_syn_strong
    x = (
        log1p(100 * el / nw),
        log1p(100 * co / nw),
        log1p(100 * ge / nw),
        log1p(100 * nu / nw),
        log1p(100 * ad / nw),
        log1p(100 * fw / nw),
        rs / nc,
        rw / nc,
        p.gap_sum / nc,
        p.lowz_sum / nc,
        p.n_syn_weak / nc,
        strong / nc,
        *(worst if worst is not None else (log1p(100 * g / nw), strong / nc)),
        p.n_pos_misfit / nc,
        p.pos_misfit_sum / nc,
        p.llr_sum / nc,
        p.n_llr_high / nc,
        p.n_coll_miss / (p.n_coll_checks + plan.collocation_prior),
    )
    cap = model.cap
    ds = list(map(truediv, map(sub, x, plan.bases), plan.scales))
    out = [
        (wd if wd < cap else cap) if d > 0 else 0.0
        for d, wd in zip(ds, map(mul, plan.coefs, ds), strict=True)
    ]
    lexical = max(rs, p.n_llr_high)
    context = p.n_pos_misfit + p.n_coll_miss
    support = {"grammar": g, "lexical": lexical, "context": context, "rarity": rw}
    # _clip_single_token: a kind on too few tokens adds at most SINGLE_TOKEN_MAX …
    if g < min_tokens:
        _scale(out, plan.grammar_index, SINGLE_TOKEN_MAX)
    if lexical < min_tokens:
        _scale(out, plan.lexical_index, SINGLE_TOKEN_MAX)
    if context < min_tokens:
        _scale(out, plan.context_index, SINGLE_TOKEN_MAX)
    # … and rarity at most what the other kinds add (or RARITY_ALONE_MAX)
    others = sum(map(out.__getitem__, plan.not_rarity))
    _scale(out, plan.rarity_index, max(RARITY_ALONE_MAX, others))
    return x, out, support


def _paragraph_score_generic(idx: int, p, pmodel, config: CleanConfig, n_hits: int):
    """``_paragraph_score`` through the model's own functions (any feature list)."""
    from cleannews.score._model import _sigmoid, feature_vector, kind_totals

    px = feature_vector(p, [p])
    psup = _kind_support(p)
    pc = _clip_single_token(pmodel.contributions(px), psup, PARAGRAPH_KIND_MIN_TOKENS)
    pm = pmodel.intercept + sum(pc.values())
    pk = _present_kinds(kind_totals(pc), psup, PARAGRAPH_KIND_MIN_TOKENS)
    pm += _rule_adjustment(pm, len(pk) >= 2)
    ps = _sigmoid(pm)
    plabel = _label(ps, config, len(pk) >= 2)
    return ParagraphScore(idx, (p.start, p.end), round(ps, 4), plabel, p.n_words, n_hits)


#: The features ``_paragraph_score`` computes inline, in this order; with any other
#: feature list (a retrained model) it falls back to ``_paragraph_score_generic``.
_INLINE_FEATURES = (
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


#: The grammar signals ``_paragraph_score`` adds up inline.
_INLINE_GRAMMAR = frozenset(
    (
        "elision",
        "contraction",
        "gender_agreement",
        "number_agreement",
        "adjective_agreement",
        "function_word",
    )
)


def _scale(out: list[float], names: list[int], limit: float) -> None:
    """``_scale_kind`` on the contribution list ``out`` (``names``: the kind's indices)."""
    total = sum(map(out.__getitem__, names))
    if total > limit:
        for f in names:
            out[f] *= limit / total


class _Plan:
    """A model's weights and the feature indices of each kind, as lists (built once)."""

    def __init__(self, model) -> None:
        from cleannews.score._features import _seq_sum
        from cleannews.score._model import (
            COLLOCATION_PRIOR,
            EVIDENCE_KINDS,
            FEATURE_KIND,
            FEATURE_NAMES,
            KINDS,
            _sigmoid,
        )

        self.fast = FEATURE_NAMES == _INLINE_FEATURES and _GRAMMAR == _INLINE_GRAMMAR
        self.collocation_prior = COLLOCATION_PRIOR
        self.coefs, self.bases, self.scales = list(model.coef), list(model.base), list(model.scale)
        self.kind_of = [FEATURE_KIND[f] for f in FEATURE_NAMES]
        order = {f: i for i, f in enumerate(FEATURE_NAMES)}
        self.kind_index = {
            kd: [order[f] for f, k in FEATURE_KIND.items() if k == kd] for kd in KINDS
        }
        self.not_rarity = [i for i, kd in enumerate(self.kind_of) if kd != "rarity"]
        get = self.kind_index.get
        self.grammar_index, self.lexical_index = get("grammar", []), get("lexical", [])
        self.context_index, self.rarity_index = get("context", []), get("rarity", [])
        self.seq_sum = _seq_sum
        self.kind_order = {
            kd: [i for i, k in enumerate(self.kind_of) if k == kd] for kd in KINDS
        }
        self.kinds = KINDS
        self.evidence_kinds = EVIDENCE_KINDS
        #: the names of the document's signals, in the order ``score_text`` lists them
        self.signal_names = (
            *FEATURE_NAMES,
            *(f"contribution.{f}" for f in FEATURE_NAMES),
            *(f"kind.{k}" for k in self.kind_order),
        )
        self.sigmoid = _sigmoid


_PLANS: dict[int, _Plan] = {}


def _plan(model) -> _Plan:
    """The (cached) :class:`_Plan` of ``model``."""
    plan = _PLANS.get(id(model))
    if plan is None or plan.model is not model:
        plan = _Plan(model)
        plan.model = model
        _PLANS[id(model)] = plan
    return plan


def _unscored(n_words: int, n_fr: int, n_en: int) -> SpinScore | None:
    """The score of a text too short or not French (from its word counts), else None.

    >>> _unscored(12, 3, 0).label, _unscored(500, 2, 40).label, _unscored(500, 90, 5)
    ('insufficient', 'unsupported_language', None)
    """
    if n_words >= MIN_WORDS:
        if _is_french(n_words, n_fr, n_en):
            return None
        return SpinScore(0.0, "unsupported_language", language=None, n_words=n_words)
    lang = "fr" if _is_french(n_words, n_fr, n_en) else None
    return SpinScore(0.0, "insufficient", language=lang, n_words=n_words)


#: What ``score_text`` uses of ``_model`` and ``_stream``, imported on the first score (the
#: tables load lazily: ``import cleannews`` stays fast), then read from here (an import
#: statement on every call costs more than the scoring of a short text's paragraph).
_LAZY: list = []


def _load_lazy() -> None:
    """Fill ``_LAZY`` (see there)."""
    from cleannews.score._model import (
        FEATURE_NAMES,
        _sigmoid,
        feature_vector,
        get_model,
        get_paragraph_model,
        kind_totals,
    )
    from cleannews.score._stream import DocumentScan

    _LAZY[:] = [
        FEATURE_NAMES,
        _sigmoid,
        feature_vector,
        get_model,
        get_paragraph_model,
        kind_totals,
        DocumentScan,
    ]


#: The span of an evidence record ``(signal, span, reason, counted)``.
_span_of = itemgetter(1)
#: The span of an :class:`Evidence`.
_evidence_span = attrgetter("span")


def nfc_with_offsets(text: str) -> tuple[str, list[int]] | None:
    """``(NFC text, start)`` where ``start[k]`` is the offset in ``text`` of the NFC text's
    character ``k`` (one more entry: ``len(text)``), or ``None`` when ``text`` is NFC already.

    Decomposed accents (NFD: "e" + U+0301, from macOS or some PDF and CMS exports) are
    letters a French reader sees as "é"; read as they are, "une e\u0301cume" is "une" + "e"
    (an article gender clash) and "me\u0302me entre" is "me entre" (a missing elision). Each
    base character and the combining marks after it are composed together; if that does not
    give the text's NFC (Hangul jamo), the text is read as it is (``None``).

    >>> nfc_with_offsets("une e\u0301cume")
    ('une écume', [0, 1, 2, 3, 4, 6, 7, 8, 9, 10])
    >>> nfc_with_offsets("déjà") is None
    True
    """
    if is_normalized("NFC", text):
        return None
    parts: list[str] = []
    start: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and combining(text[j]):
            j += 1
        piece = normalize("NFC", text[i:j])
        parts.append(piece)
        # the composed characters start where the cluster does; marks left uncomposed
        # keep their own offsets (the cluster's last characters)
        start.extend([i, *range(j - len(piece) + 1, j)] if len(piece) > 1 else [i])
        i = j
    out = "".join(parts)
    if out != normalize("NFC", text):  # composition across clusters: read as it is
        return None
    return out, [*start, len(text)]


def score_text(text: str, config: CleanConfig) -> SpinScore:
    """Score ``text`` (already cleaned) for spinning; see :class:`cleannews.SpinScore`.

    Text in decomposed Unicode (NFD) is scored in its composed form (``nfc_with_offsets``);
    evidence and paragraph spans are given in ``text``'s own offsets.
    """
    got = nfc_with_offsets(text)
    if got is None:
        return _score_long(text, config)
    nfc, start = got
    s = _score_long(nfc, config)

    def span(a: int, b: int) -> tuple[int, int]:
        return start[min(a, len(nfc))], start[min(b, len(nfc))]

    evidence = tuple(
        dataclasses.replace(e, span=span(*e.span), text=text[slice(*span(*e.span))])
        for e in s.evidence
    )
    paragraphs = tuple(dataclasses.replace(p, span=span(*p.span)) for p in s.paragraphs)
    return dataclasses.replace(s, evidence=evidence, paragraphs=paragraphs)


def _score_long(text: str, config: CleanConfig) -> SpinScore:
    """:func:`_score_text` of ``text``, or for a text of more than ``LONG_TEXT_WORDS`` words
    the score of its most spun part (``_segments``: the model knows documents of a few hundred
    words, and the maximum over a long text's windows grew with its length; round 28)."""
    from cleannews.score._segments import score_in_parts, text_segments

    parts = text_segments(text)
    if parts is None:
        return _score_text(text, config)
    return score_in_parts(text, parts, lambda part: _score_text(part, config),
                          lambda score, enough: _label(score, config, enough))


def _score_text(text: str, config: CleanConfig) -> SpinScore:
    """Score ``text`` (already cleaned, NFC) for spinning; see :class:`cleannews.SpinScore`.

    The text is read paragraph by paragraph (:class:`cleannews.score._stream.DocumentScan`):
    memory stays at one line's tokens plus one record per paragraph and the capped
    evidence, and the result is the one the token-by-token ``analyse`` gives.
    """
    if not _LAZY:
        _load_lazy()
    (
        FEATURE_NAMES,
        _sigmoid,
        feature_vector,
        get_model,
        get_paragraph_model,
        kind_totals,
        DocumentScan,
    ) = _LAZY

    scan = DocumentScan(text, MAX_EVIDENCE, KIND_MIN_TOKENS)
    counts = scan.word_counts()
    if counts is not None:  # one block: a text that is not scored is told before the scan
        unscored = _unscored(*counts)
        if unscored is not None:
            return unscored
    pmodel = get_paragraph_model()
    pplan = _plan(pmodel)
    paragraphs = []
    slip_paragraphs = 0  # paragraphs with a grammar slip (``_decision``: scattered grammar)
    for i, p in scan.paragraphs():
        paragraphs.append(_paragraph_score(i, p, pmodel, config, pplan))
        if any(map(p.counts.__getitem__, _GRAMMAR)):
            slip_paragraphs += 1
    doc = scan.doc
    unscored = _unscored(doc.n_words, doc.n_fr, doc.n_en)
    if unscored is not None:
        return unscored
    for i in scan.dirty:  # a later repetition took back rarity evidence of this paragraph
        paragraphs[i] = _paragraph_score(i, scan.retained[i], pmodel, config, pplan)

    model = get_model()
    plan = _plan(model)
    if plan.fast:
        x, out, kinds, support, present = _fast_model(
            doc, model, plan, scan.worst, KIND_MIN_TOKENS
        )
        raw = model.intercept + sum(out)
    else:
        x = feature_vector(doc, worst=scan.worst)
        support = _kind_support(doc)
        contrib = _clip_single_token(model.contributions(x), support)
        kinds = kind_totals(contrib)
        raw = model.intercept + sum(contrib.values())
        present = _present_kinds(kinds, support)
    # the two-kinds rule (``_decision``): broken grammar in several paragraphs also counts
    # as independent evidence (lexical and context evidence alone depend on genre: old,
    # literary or technical French); the context term is one kind of evidence
    decision = _decide(text, raw, present, scan.n_grammar_paragraphs, config, kinds,
                       slips=(support["grammar"], slip_paragraphs),
                       slip_info=lambda: _slip_info(scan, paragraphs))
    adjust, ctx, ctx_ev, enough = (
        decision.adjust, decision.context, decision.evidence, decision.enough
    )
    before = raw + adjust  # the logit the decision read (``register_discount``: what the gate took)
    other = None  # the register, once read (``other_register``)
    if before >= REGISTER_LOGIT_MIN and register_gate(decision):
        lex_f, rar_f = register_scales(kinds)
        if (lex_f < 1.0 or rar_f < 1.0) and (other := other_register(text, config)):
            if plan.fast:
                for idx, f in ((plan.lexical_index, lex_f), (plan.rarity_index, rar_f)):
                    for i in idx:
                        out[i] *= f
                kinds, raw = _fast_totals(out, plan, model)
            else:
                contrib = _register_scaled(contrib, lex_f, rar_f)
                kinds = kind_totals(contrib)
                raw = model.intercept + sum(contrib.values())
            adjust = _rule_adjustment(raw, False)
    discount = before - raw - adjust
    raised = None
    if not other:
        raised = news_rarity(text, x, model, kinds, present, raw + adjust + ctx, config, other)
        if raised is not None:
            raw, adjust, kinds, out, contrib = _apply_news_rarity(
                raised, plan, model, out if plan.fast else None,
                None if plan.fast else contrib, adjust, enough)
    final = raw + adjust + ctx
    score = _sigmoid(final)

    # each kind's contribution is shared equally among its counted pieces of evidence (a
    # second view of one slip, counted=False, shows with weight 0)
    # (in span order: the records sorted by span, stably, as the pieces of evidence were)
    weight = {kd: round(kinds[kd] / n, 4) for kd, n in scan.n_of_kind.items()}
    evidence = [
        Evidence(
            signal, (s, e), text[s:e], reason, weight[_SIGNAL_KIND[signal]] if counted else 0.0
        )
        for signal, (s, e), reason, counted in sorted(scan.evidence(), key=_span_of)
    ]
    if ctx_ev is not None:
        # the list is in span order already (sorted above, stably, by the same spans):
        # only the context term's piece needs placing
        evidence.append(ctx_ev)
        evidence.sort(key=_evidence_span)

    if plan.fast:
        # round(0.0, 4) is 0.0 (and -0.0 stays -0.0): most contributions are 0.0
        values = [v if v == 0.0 else round(v, 4) for v in chain(x, out, kinds.values())]
        signals = dict(zip(plan.signal_names, values, strict=True))
    else:
        signals = {name: round(v, 4) for name, v in zip(FEATURE_NAMES, x, strict=False)}
        signals.update({f"contribution.{k}": round(v, 4) for k, v in contrib.items()})
        signals.update({f"kind.{k}": round(v, 4) for k, v in kinds.items()})
    signals["kinds_present"] = float(len(present))
    signals["intercept"] = round(model.intercept, 4)
    signals["rule_adjustment"] = round(adjust, 4)
    signals["context_term"] = round(ctx, 4)
    signals["register_discount"] = round(discount, 4)
    if raised is not None:  # the logit ``news_rarity`` added (listed only where it applied)
        signals["news_rarity"] = round(final - ctx - before + discount, 4)
    signals["logit"] = round(final, 4)
    signals.update(decision.signals)  # ``decided.<kind>``: the kinds that decided
    return SpinScore(
        score=round(score, 4),
        label=_label(score, config, enough),
        evidence=tuple(evidence),
        paragraphs=tuple(paragraphs),
        language="fr",
        n_words=doc.n_words,
        signals=signals,
    )
