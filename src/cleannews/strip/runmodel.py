"""Run model: a stacked second stage that judges lines by the run of furniture around them.

Furniture comes in runs: a "Lire aussi" heading then five teaser lines, a
comment thread, a login form, a list of dated teasers each with a video length
between them. The rules and the line model judge a line mostly by itself; the
run model looks at what the first stage (rules, detectors, line model) decided
**around** a line and gives each line left open a probability of being page
furniture from:

* the neighbours' decisions (removed by a furniture rule, by a position rule,
  by the line model; paragraph-like) and their line-model probabilities;
* the distance to the nearest line a furniture rule removed, above and below,
  and how often that rule fired on the page (a widget repeated between teasers);
* the line's place relative to the **longest prose block** of the page (the
  article body: the block of lines between two removals holding the most words
  of paragraph-like lines): before it, inside it, after it, and how far;
* the **segment** it sits in (the lines between two removals): its length, the
  run of short lines holding the line, whether the segment is bracketed by
  furniture above and below, its mean and highest line-model probability, its
  share of paragraph-like lines.

Precision first: a standing line goes only when ``p >= remove_p`` (rule
``run_model``), a paragraph-like line (a teaser that reads like a sentence)
only at the stricter ``remove_good_p``, the article's own lists and
subheadings (:func:`~cleannews.strip.linemodel.article_lists`,
:func:`~cleannews.strip.linemodel.subheadings`) at ``remove_list_p``; bylines,
datelines, the headline's line and lines of more than :data:`RUN_MAX_WORDS`
words are never touched. The reason names the features that decided
(per-tree path contributions), e.g. ``run model (p=0.97): 2 lines below
furniture a rule removed, after the article body, segment bracketed by
furniture``.

The model is data (``data/run_model.json``: trees, feature names, thresholds,
training hash, cross-validation figures), rebuilt by
``python -m tools.strip_model.train_runs`` on the TRAIN split of
``fixtures/strip_real``; the line-model probabilities it learnt from are
out-of-fold (cross-fitted by site), as they are on unseen pages.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from cleannews.strip._assemble import AMB, BAD
from cleannews.strip._assemble import GOOD as GOOD_LINE  # GOOD here is a line state
from cleannews.strip.linemodel import (
    SOFT_RULES,
    Trees,
    article_lists,
    positions,
    read_model_data,
    removal_threshold,
    subheadings,
)

__all__ = [
    "RECALL_REMOVE_P",
    "RUN_FEATURES",
    "RunModel",
    "apply_run_model",
    "iter_run_features",
    "line_states",
    "load_run_model",
    "run_candidates",
    "run_features",
]

#: Lines longer than this are never judged (article paragraphs).
RUN_MAX_WORDS = 80
#: A short line (for the run of short lines).
SHORT_WORDS = 12
#: Cap of the distance and run-length features.
RUN_CAP = 12
#: Non-blank lines each side for the window counts.
RUN_WINDOW = 3
#: Number of features named in a removal's reason.
RUN_REASON_FEATURES = 3
#: The article body: paragraph-like lines at most this many non-blank lines apart (and no
#: furniture removed between them) are one block; the block with most words is the body.
BODY_GAP = 3
#: A standing line is judged only with evidence: furniture removed within EVIDENCE_WINDOW
#: non-blank lines, or a line-model probability of at least EVIDENCE_P.
EVIDENCE_WINDOW = 3
EVIDENCE_P = 0.5
#: A threshold no probability reaches ("never").
NEVER = 1.01
#: ``CleanConfig.strip_recall`` (opt-in): a standing line that is not paragraph-like, nor one
#: of the article's lists or subheadings, goes from this probability instead of the model
#: file's ``remove_p`` (the lower of the two); ``remove_good_p`` and ``remove_list_p`` stay.
#: Chosen by the line model's rule (``linemodel.RECALL_MIN_FURNITURE``) on the run model's
#: site-grouped CV scores (docs/strip-history.md, "Recall-leaning strip setting (issue 10,
#: round 30)").
RECALL_REMOVE_P = 0.85

# states of a non-blank line after the first stage
STANDING, GOOD, HARD, SOFT, MODEL, KEPT = 0, 1, 2, 3, 4, 5
_ITEM_SUFFIX = "(item under that heading)"
_DIGIT = re.compile(r"\d")

#: Position rules whose removals the run model may give back (their code is a feature).
GIVE_BACK_RULES = (
    "context", "menu_run", "paywall_tail", "photo_caption", "repeated_block", "tail_teaser",
    "title_repeat",
)

RUN_FEATURES = (
    "self_p", "self_good", "self_soft", "soft_rule", "n_words", "ends_sentence", "bulleted",
    "prev_hard", "prev_soft", "prev_model", "prev_good", "prev_p",
    "next_hard", "next_soft", "next_model", "next_good", "next_p",
    "removed_around", "hard_around", "max_p_around", "mean_p_around",
    "dist_hard_up", "dist_hard_down", "dist_removed_up", "dist_removed_down",
    "hard_rule_repeats", "body_side", "dist_body", "body_share",
    "short_run", "seg_len", "seg_pos", "seg_pos_end", "bracket_before", "bracket_after",
    "seg_mean_p", "seg_max_p", "seg_good_share", "seg_log_words",
    "rel_pos", "page_removed_share", "page_good_share", "before_headline",
    "same_first_around", "same_last_around", "has_digit",
)
_R = {name: k for k, name in enumerate(RUN_FEATURES)}


def line_states(lines, headline: int) -> list[int]:
    """First-stage state of every line: :data:`HARD` (a furniture rule), :data:`SOFT` (a
    position rule), :data:`MODEL` (the line model), :data:`GOOD` (paragraph-like),
    :data:`KEPT` (protected, the headline, blank), :data:`STANDING` (the rest).

    >>> class L:
    ...     def __init__(self, cls, rule=None, blank=False):
    ...         self.cls, self.blank, self.protected = cls, blank, False
    ...         self.removal = None if rule is None else type("R", (), {"rule": rule, "reason": ""})
    >>> line_states([L("amb"), L("bad", "share_bar"), L("bad", "context"), L("good")], 0)
    [5, 2, 3, 1]
    """
    out = []
    for i, ln in enumerate(lines):
        if ln.blank:
            out.append(KEPT)
        elif ln.cls == BAD and ln.removal is not None:
            r = ln.removal
            if r.rule == "line_model":
                out.append(MODEL)
            elif r.rule in SOFT_RULES or r.reason.endswith(_ITEM_SUFFIX):
                out.append(SOFT)
            else:
                out.append(HARD)
        elif ln.protected or i == headline:
            out.append(KEPT)
        elif ln.cls == GOOD_LINE:
            out.append(GOOD)
        else:
            out.append(STANDING)
    return out


def run_candidates(
    lines, states: list[int], probs: dict[int, float], idx: list[int] | None = None
) -> list[int]:
    """Lines the run model judges: lines removed by a position rule only (:data:`SOFT`, it
    may give them back) and standing or paragraph-like lines **with evidence around them**
    (furniture a rule or the line model removed within RUN_WINDOW non-blank lines, or a
    line-model probability of at least EVIDENCE_P) that it may remove; at most
    RUN_MAX_WORDS words, holding a letter or a digit.

    Lines without evidence are not scored at all (in cross-validation the model never
    reached its thresholds on them): the model costs little on article text.
    """
    if idx is None:
        idx = [i for i, ln in enumerate(lines) if not ln.blank]
    # prefix sums of "furniture removed" over the non-blank lines: O(1) window counts
    acc = [0]
    for i in idx:
        acc.append(acc[-1] + (states[i] == HARD or states[i] == MODEL))
    m = len(idx)
    out = []
    for k, i in enumerate(idx):
        st = states[i]
        if st != STANDING and st != GOOD and st != SOFT:
            continue
        if not 0 < lines[i].n <= RUN_MAX_WORDS:
            continue
        if st != SOFT and probs.get(i, 0.0) < EVIDENCE_P and (
            acc[min(m, k + EVIDENCE_WINDOW + 1)] - acc[max(0, k - EVIDENCE_WINDOW)] == 0
        ):
            continue
        out.append(i)
    return out


def _soft_rule(ln) -> int:
    """Code of the position rule that removed ``ln`` (1 + index in GIVE_BACK_RULES; 0: none or
    an item under a heading)."""
    r = ln.removal
    if r is None or ln.cls != BAD:
        return 0
    try:
        return 1 + GIVE_BACK_RULES.index(r.rule)
    except ValueError:
        return 0


def _dist(flags: list[bool], k: int, step: int) -> int:
    """Non-blank lines from position ``k`` to the nearest flagged one in direction ``step``."""
    m = len(flags)
    j, d = k + step, 1
    while 0 <= j < m and d < RUN_CAP:
        if flags[j]:
            return d
        j += step
        d += 1
    return RUN_CAP


def run_features(
    lines, states: list[int], probs: dict[int, float], only: list[int]
) -> dict[int, list[float]]:
    """Feature vector (:data:`RUN_FEATURES` order) of each line index in ``only``:
    :func:`iter_run_features` gathered in a dict (the training tools read it whole).

        >>> class L:
        ...     def __init__(self, text, cls="amb"):
        ...         self.text, self.cls, self.n, self.ends = text, cls, len(text.split()), False
        ...         self.blank, self.protected, self.removal = not text, False, None
        >>> ls = [L("Titre"), L("Lire aussi"), L("")]
        >>> feats = run_features(ls, line_states(ls, 0), {}, [1])
        >>> list(feats), len(feats[1]) == len(RUN_FEATURES)
        ([1], True)
    """
    return dict(iter_run_features(lines, states, probs, only))


def iter_run_features(
    lines, states: list[int], probs: dict[int, float], only: list[int],
    idx: list[int] | None = None,
):
    """``(index, feature vector)`` of each line index in ``only``, in that order. A
    generator: :func:`apply_run_model` scores each vector as it comes and keeps only the
    vectors of the lines it removes.

    ``states`` from :func:`line_states`; ``probs``: the line model's probability of the
    lines it scored (standing lines; others have none).
    """
    if idx is None:
        idx = [i for i, ln in enumerate(lines) if not ln.blank]
    m = len(idx)
    if not m or not only:
        return
    pos = positions(idx, len(lines))  # every ``only`` line is in ``idx``
    st = [states[i] for i in idx]
    p = [probs.get(i, -1.0) for i in idx]
    n = [lines[i].n for i in idx]
    removed = [s in (HARD, SOFT, MODEL) for s in st]
    hard = [s == HARD or s == MODEL for s in st]
    good = [s == GOOD for s in st]
    # segments: maximal runs of non-removed lines; the body is the segment with most prose
    seg = [-1] * m
    segs: list[tuple[int, int]] = []
    k = 0
    while k < m:
        if removed[k]:
            k += 1
            continue
        a = k
        while k < m and not removed[k]:
            seg[k] = len(segs)
            k += 1
        segs.append((a, k - 1))
    # per segment, once: prose words, all words, paragraph-like lines, line-model scores
    prose, words, goods, p_sum, p_cnt, p_max = [], [], [], [], [], []
    for a, b in segs:
        r = range(a, b + 1)
        prose.append(sum(n[t] for t in r if good[t]))
        words.append(sum(n[t] for t in r))
        goods.append(sum(good[t] for t in r))
        sp = [p[t] for t in r if p[t] >= 0]
        p_sum.append(sum(sp))
        p_cnt.append(len(sp))
        p_max.append(max(sp, default=-1.0))
    total_prose = sum(n[t] for t in range(m) if good[t]) or 1
    body_a, body_b, body_w = _body(good, hard, n)
    body = 0 if body_b >= 0 else -1
    body_share = body_w / total_prose
    shapes: dict[int, tuple[str, str, bool]] = {}

    def shape(t: int) -> tuple[str, str, bool]:
        if t not in shapes:
            shapes[t] = _shapes(lines[idx[t]].text)
        return shapes[t]
    rule_count = Counter(
        lines[idx[t]].removal.rule for t in range(m) if st[t] == HARD
    )
    head_k = next((t for t in range(m) if st[t] == KEPT and not lines[idx[t]].protected), -1)
    page_removed = sum(removed) / m
    page_good = sum(good) / m
    short = [not removed[t] and not good[t] and n[t] <= SHORT_WORDS for t in range(m)]
    for i in only:
        k = pos[i]
        lo, hi = max(0, k - RUN_WINDOW), min(m, k + RUN_WINDOW + 1)
        around = [p[t] for t in range(lo, hi) if t != k and p[t] >= 0]
        up, down = _dist(hard, k, -1), _dist(hard, k, 1)
        near = []
        if up < RUN_CAP:
            near.append(k - up)
        if down < RUN_CAP:
            near.append(k + down)
        reps = max((rule_count[lines[idx[t]].removal.rule] for t in near if st[t] == HARD),
                   default=0)
        s = seg[k]
        a, b = segs[s] if s >= 0 else (k, k)
        if short[k]:
            ra = k
            while ra > a and short[ra - 1] and k - ra < RUN_CAP:
                ra -= 1
            rb = k
            while rb < b and short[rb + 1] and rb - k < RUN_CAP:
                rb += 1
            srun = min(RUN_CAP, rb - ra + 1)
        else:
            srun = 0
        before = 0 if a == 0 else (2 if hard[a - 1] else 1)
        after = 0 if b == m - 1 else (2 if hard[b + 1] else 1)
        if body < 0:
            side, dbody = 0.0, RUN_CAP
        elif k < body_a:
            side, dbody = -1.0, min(RUN_CAP, body_a - k)
        elif k > body_b:
            side, dbody = 1.0, min(RUN_CAP, k - body_b)
        else:
            side, dbody = 0.0, 0
        prev_s = st[k - 1] if k > 0 else KEPT
        next_s = st[k + 1] if k + 1 < m else KEPT
        ln = lines[i]
        text = ln.text
        me = shape(k)
        for t in [t for t in shapes if t < k - RUN_WINDOW]:  # behind every later window
            del shapes[t]
        yield i, [
            p[k],
            float(good[k]),
            float(st[k] == SOFT),
            _soft_rule(ln) if st[k] == SOFT else 0,
            min(RUN_MAX_WORDS, n[k]),
            float(ln.ends),
            float(text[:1] in "-–—•·▪*►>"),
            float(prev_s == HARD), float(prev_s == SOFT), float(prev_s == MODEL),
            float(prev_s == GOOD), p[k - 1] if k > 0 else -1.0,
            float(next_s == HARD), float(next_s == SOFT), float(next_s == MODEL),
            float(next_s == GOOD), p[k + 1] if k + 1 < m else -1.0,
            sum(removed[lo:hi]) - removed[k],
            sum(hard[lo:hi]) - hard[k],
            max(around, default=-1.0),
            sum(around) / len(around) if around else -1.0,
            up, down, _dist(removed, k, -1), _dist(removed, k, 1),
            min(RUN_CAP, reps),
            side, dbody, body_share,
            srun, min(40, b - a + 1), min(RUN_CAP, k - a), min(RUN_CAP, b - k),
            before, after,
            p_sum[s] / p_cnt[s] if s >= 0 and p_cnt[s] else -1.0,
            p_max[s] if s >= 0 else -1.0,
            goods[s] / (b - a + 1) if s >= 0 else 0.0,
            math.log1p(words[s] if s >= 0 else n[k]),
            k / m,
            page_removed,
            page_good,
            float(head_k >= 0 and k < head_k),
            sum(shape(t)[0] == me[0] for t in range(lo, hi)) - 1,
            sum(shape(t)[1] == me[1] for t in range(lo, hi)) - 1,
            float(me[2]),
        ]


def _body(good: list[bool], hard: list[bool], n: list[int]) -> tuple[int, int, int]:
    """(first, last, words) of the article body: the block of paragraph-like lines, at most
    BODY_GAP lines apart and with no furniture removal between them, holding most words.
    ``(len, -1, 0)`` when the page has no paragraph.

    >>> _body([True, False, True, False, False, False, False, True], [False] * 8, [30] * 8)
    (0, 2, 60)
    """
    best = (len(good), -1, 0)
    a = last = -1
    w = 0
    for t, g in enumerate(good):
        if hard[t] or (g and a >= 0 and t - last > BODY_GAP):
            if a >= 0 and w > best[2]:
                best = (a, last, w)
            a = -1
        if g:
            if a < 0:
                a, w = t, 0
            last = t
            w += n[t]
    if a >= 0 and w > best[2]:
        best = (a, last, w)
    return best


def _shapes(text: str) -> tuple[str, str, bool]:
    """(first token, last token, holds a digit) of a line; tokens with a digit read ``0``
    (a list of dated teasers ends every line with a date).

    >>> _shapes("Das Ufo in der Lausitz by admin on December 2nd, 2023")
    ('das', '0', True)
    """
    head = text[:400]
    toks = head.split()
    if not toks:
        return "", "", False
    first, last = toks[0], toks[-1]
    digit = _DIGIT.search(head) is not None
    return (
        "0" if digit and _DIGIT.search(first) else first.casefold(),
        "0" if digit and _DIGIT.search(last) else last.casefold(),
        digit,
    )


class RunModel:
    """Trees over :data:`RUN_FEATURES` and the thresholds of each kind of line."""

    def __init__(self, data: dict) -> None:
        if tuple(data["features"]) != RUN_FEATURES:
            raise ValueError("run model was trained with other features: rebuild it")
        self.meta = {k: v for k, v in data.items() if k != "trees"}
        self.trees = Trees(data["trees"]["init"], data["trees"]["trees"], len(RUN_FEATURES))
        self.remove_p = float(data.get("remove_p", NEVER))
        self.remove_good_p = float(data.get("remove_good_p", NEVER))
        self.remove_list_p = float(data.get("remove_list_p", NEVER))
        self.give_back_p = float(data.get("give_back_p", 0.0))


@lru_cache(maxsize=1)
def load_run_model() -> RunModel | None:
    """The shipped run model (``data/run_model.json``), or None when it is absent."""
    data = read_model_data("run_model.json")
    return None if data is None else RunModel(data)


def _describe(name: str, v: float) -> str:
    """A reader's phrase for one run feature."""
    side = {-1.0: "before the article body", 0.0: "in the article body",
            1.0: "after the article body"}
    bracket = {0: "the page's edge", 1: "a position-rule removal", 2: "furniture"}
    texts = {
        "self_p": f"line model {v:.2f}",
        "self_good": "reads like a paragraph" if v else "short, not a paragraph",
        "self_soft": "removed by a position rule" if v else "standing",
        "soft_rule": "position rule " + (
            GIVE_BACK_RULES[int(v) - 1] if 0 < v <= len(GIVE_BACK_RULES) else "none"
        ) if v else "no position rule",
        "n_words": f"{int(v)} words",
        "ends_sentence": "ends like a sentence" if v else "no sentence end",
        "bulleted": "bulleted" if v else "not bulleted",
        "prev_hard": "previous line is furniture" if v else "previous line not furniture",
        "prev_soft": "previous line removed by position" if v else "previous line not so removed",
        "prev_model": "previous line removed by the line model" if v else "previous line kept",
        "prev_good": "previous line is text" if v else "previous line not text",
        "prev_p": f"previous line {v:.2f}",
        "next_hard": "next line is furniture" if v else "next line not furniture",
        "next_soft": "next line removed by position" if v else "next line not so removed",
        "next_model": "next line removed by the line model" if v else "next line kept",
        "next_good": "next line is text" if v else "next line not text",
        "next_p": f"next line {v:.2f}",
        "removed_around": f"{int(v)} removed lines within {RUN_WINDOW}",
        "hard_around": f"{int(v)} furniture lines within {RUN_WINDOW}",
        "max_p_around": f"furniture-like neighbour ({v:.2f})",
        "mean_p_around": f"neighbours {v:.2f} on average",
        "dist_hard_up": f"{int(v)} lines below furniture",
        "dist_hard_down": f"{int(v)} lines above furniture",
        "dist_removed_up": f"{int(v)} lines below a removed line",
        "dist_removed_down": f"{int(v)} lines above a removed line",
        "hard_rule_repeats": f"next to a widget seen {int(v)}x on the page",
        "body_side": side.get(v, "?"),
        "dist_body": f"{int(v)} lines from the article body",
        "body_share": f"article body {v:.0%} of the page's prose",
        "short_run": f"in a run of {int(v)} short lines",
        "seg_len": f"segment of {int(v)} lines",
        "seg_pos": f"{int(v)} lines into its segment",
        "seg_pos_end": f"{int(v)} lines before its segment ends",
        "bracket_before": f"segment opens after {bracket.get(int(v), '?')}",
        "bracket_after": f"segment closes before {bracket.get(int(v), '?')}",
        "seg_mean_p": f"segment {v:.2f} on average",
        "seg_max_p": f"segment up to {v:.2f}",
        "seg_good_share": f"segment {v:.0%} paragraphs",
        "seg_log_words": f"segment of {round(math.expm1(min(v, 20.0)))} words",
        "rel_pos": f"at {v:.0%} of the page",
        "page_removed_share": f"rules removed {v:.0%} of the page",
        "page_good_share": f"paragraphs are {v:.0%} of the page",
        "before_headline": "above the headline" if v else "below the headline",
        "same_first_around": f"{int(v)} neighbours start alike",
        "same_last_around": f"{int(v)} neighbours end alike",
        "has_digit": "a number" if v else "no number",
    }
    return texts.get(name, name)


def explain(model: RunModel, x: list[float], p: float, by_recall: bool = False) -> str:
    """``run model (p=0.97): …``: the features that pushed the score up most; a removal that
    only ``CleanConfig.strip_recall``'s lower threshold made (``by_recall``: ``p`` below the
    line's default threshold) says so (``run model (p=0.89, strip_recall): …``)."""
    c = model.trees.contributions(x)
    top = sorted((k for k in range(len(c)) if c[k] > 0), key=lambda k: -c[k])
    parts = [_describe(RUN_FEATURES[k], x[k]) for k in top[:RUN_REASON_FEATURES]]
    tag = ", strip_recall" if by_recall else ""
    return f"run model (p={p:.2f}{tag}): " + ", ".join(parts)


def thresholds(
    model: RunModel, lines, cands: list[int], idx: list[int] | None = None,
    recall: bool = False,
) -> dict[int, float]:
    """The threshold of each candidate: paragraph-like lines and the article's own lists and
    subheadings need more; ``recall`` (``CleanConfig.strip_recall``) lowers only the other
    standing lines' (:data:`RECALL_REMOVE_P`)."""
    lists = article_lists(lines, idx) | subheadings(lines)
    remove_p = removal_threshold(model, recall, RECALL_REMOVE_P)
    out = {}
    for i in cands:
        if lines[i].cls == BAD:  # a position rule's removal: given back below give_back_p
            if model.give_back_p > 0:
                out[i] = model.give_back_p
            continue
        if lines[i].cls == GOOD_LINE:
            t = model.remove_good_p
        elif i in lists:
            t = model.remove_list_p
        else:
            t = remove_p
        if t < NEVER:
            out[i] = t
    return out


def apply_run_model(
    lines, headline: int, probs: dict[int, float], removal_cls, recall: bool = False
) -> None:
    """Remove the lines the run model is sure of (rule ``run_model``), after the line model.

    ``probs``: the line model's probabilities of the lines it scored; ``recall``
    (``CleanConfig.strip_recall``): the lower threshold of :func:`thresholds`.
    """
    model = load_run_model()
    if model is None:
        return
    states = line_states(lines, headline)
    idx = [i for i, ln in enumerate(lines) if not ln.blank]  # the non-blank lines, for each step
    cands = run_candidates(lines, states, probs, idx)
    limit = thresholds(model, lines, cands, idx, recall)
    if not limit:
        return
    # strip_recall: each line's default threshold, to tell the removals only the setting made
    default = thresholds(model, lines, cands, idx) if recall else limit
    raw = model.trees.raw
    hits = []
    # scored as the vectors come (in ``limit``'s order); only a removed line's vector is kept
    for i, x in iter_run_features(lines, states, probs, list(limit), idx):
        t = limit[i]
        p = 1.0 / (1.0 + math.exp(-raw(x)))
        if lines[i].cls == BAD:
            if p < t:
                hits.append((i, p, None))
        elif p >= t:
            hits.append((i, p, x))
    for i, p, x in hits:  # decided on the first stage's view only, then applied together
        ln = lines[i]
        if x is None:  # given back: the line stays
            ln.cls = AMB
            ln.removal = None
        else:
            ln.cls = BAD
            by_recall = p < default.get(i, NEVER)
            ln.removal = removal_cls("run_model", explain(model, x, p, by_recall))
