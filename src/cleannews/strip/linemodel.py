"""Line model: a small gradient-boosted tree ensemble that judges lines the rules leave open.

The rules (``data/*.json``) and the structural detectors decide what is
certain. The line model then looks at every line that is still standing and
at every line removed only by a *position* rule (context, tail teaser, menu
run, items under a "Lire aussi" heading …), and gives each one a probability
of being page furniture from features of the line and of its neighbours:
length, stop-word share in the page's language, punctuation, capitals,
digits and dates, prices, links / handles / hashtags, position in the page
and relative to the article body, block shape, repetition in the page,
similarity to the title, the furniture odds of the first words and of every
word (learnt on the training pages), what the rules decided for the
neighbours and, in a second stage, the neighbours' first-stage scores.

* a standing line goes when ``p >= remove_p`` (rule ``line_model``);
* a line of one of the article's own lists (a run of short lines between two
  paragraphs) or a short line right above a paragraph (a subheading) only when
  ``p >= remove_list_p``;
* a line removed by a position rule is given back when ``p < give_back_p``
  (off in the shipped model).

Bylines, datelines, the headline's line, sentence-like lines, lines without a
letter or digit and lines in a script without a stoplist (Chinese, Thai, Russian …:
no training page has one) are never removed by the model. Every removal names the
features that pushed the score up (per-tree path contributions, "Saabas"
attributions), e.g. ``line model (p=0.94): 3 words, previous line removed,
starts like furniture ("lire")``.

The model is data (``data/line_model.json``: trees, odds tables, feature
names, thresholds, training data hash and date, cross-validation figures),
rebuilt by ``python -m tools.strip_model.train``; inference is plain Python
over features computed once per line.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, deque
from functools import lru_cache
from importlib import resources

import regex

from cleannews.strip._assemble import AMB, BAD, GOOD
from cleannews.strip._pagelang import no_stoplist_script

__all__ = [
    "FEATURES",
    "GIVE_BACK_P",
    "RECALL_REMOVE_P",
    "REMOVE_P",
    "SOFT_RULES",
    "LineModel",
    "apply_line_model",
    "article_lists",
    "first_tokens",
    "has_word",
    "is_candidate",
    "is_prose",
    "iter_line_features",
    "line_features",
    "load_line_model",
    "removal_threshold",
    "subheadings",
    "token_odds",
]

#: A standing line goes when the model's probability reaches this (precision first).
REMOVE_P = 0.8
#: ``CleanConfig.strip_recall`` (opt-in, recall-leaning): a standing line goes from this
#: probability instead of the model file's ``remove_p`` (never above it: the lower of the
#: two). Chosen on the site-grouped CV of the TRAIN pages (out-of-fold scores,
#: ``tools.strip_model.train_runs.load_pages``, both models and the guards): each model's
#: threshold lowered in 0.05 steps while the lines a step adds are at least
#: RECALL_MIN_FURNITURE furniture (docs/strip-history.md, "Recall-leaning strip setting
#: (issue 10, round 30)"). Not searched by the trainer: re-run that sweep after a retrain.
#: Lists and subheadings keep ``remove_list_p``; the model's hard limits stay.
RECALL_REMOVE_P = 0.85
#: The rule that chose RECALL_REMOVE_P (and the run model's): share of furniture among the
#: lines the lower threshold adds in site-grouped CV.
RECALL_MIN_FURNITURE = 0.8
#: A line removed only by a position rule is given back below this probability.
GIVE_BACK_P = 0.3
#: A threshold no probability reaches ("never").
NEVER = 1.01
#: Lines longer than this are not scored (article paragraphs; keeps inference cheap).
MODEL_MAX_WORDS = 30
#: Runs of this many standing short lines (of at most LIST_ITEM_WORDS words) inside the
#: article are a list of the article's: the model does not remove them.
LIST_RUN = 3
LIST_ITEM_WORDS = 8
#: A standing line right above a paragraph of at least this many words is a subheading:
#: the model does not remove it.
SUBHEADING_NEXT_WORDS = 15
#: Window (non-blank lines each side) for the "removed lines around" feature.
WINDOW = 3
#: Above this many lines to score, repetitions are counted once for the whole page.
LAZY_MAX_LINES = 8
#: Cap of the run / distance features.
CAP = 20
#: A body paragraph (for the "before / after the article body" features): this many words,
#: ending like a sentence.
BODY_WORDS = 25
#: Words of a line looked up in the token-odds table.
TOKEN_ODDS_WORDS = 40
#: Number of features named in a removal's reason.
REASON_FEATURES = 3

#: Rules that decide from the line's position / neighbours only (the model may overrule them).
SOFT_RULES = frozenset(
    {
        "context", "tail_teaser", "menu_run", "repeated_block", "photo_caption", "paywall_tail",
        "title_repeat",
    }
)
_ITEM_SUFFIX = "(item under that heading)"

FEATURES = (
    "n_words", "log_chars", "stop_page", "stop_any", "ends_sentence", "ends_colon",
    "inner_sentence", "upper_share", "titlecase_share", "digit_share", "has_date", "has_time",
    "linky", "separators", "bullet", "quotes", "copyright", "rel_pos", "before_first_good",
    "after_last_good", "dist_good", "good", "protected", "hard_removed", "soft_removed",
    "prev_removed", "next_removed", "prev_good", "next_good", "prev_words", "next_words",
    "prev_stop", "next_stop", "removed_around", "short_run", "blank_before", "blank_after",
    "repeats", "title_sim", "first_word_odds", "first_bigram_odds", "is_headline",
    "log_lines", "question", "pipe_or_dash_start",
    # token furniture odds of the line and of its neighbours, body-paragraph position, page shape
    "tok_odds_mean", "tok_odds_max", "tok_odds_min", "prev_tok_odds", "next_tok_odds",
    "ends_ellipsis", "currency", "caps_words", "before_first_body", "after_last_body",
    "dist_body", "dist_hard", "page_removed_share", "page_good_share", "before_headline",
)
#: Stage 2 adds the stage-1 scores of the neighbouring lines.
NEIGHBOUR_FEATURES = ("prev_p", "next_p", "max_p_around", "mean_p_around")
ALL_FEATURES = FEATURES + NEIGHBOUR_FEATURES
#: Window (non-blank lines each side) of the neighbours' scores.
NEIGHBOUR_WINDOW = 2
_F = {name: k for k, name in enumerate(ALL_FEATURES)}

_WORD = re.compile(r"\w+")
_DATE = regex.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|"
    r"\b\d{1,2}\.?\s+(?:janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|okt|dez|ene|abr|ago|dic|gen|mag|giu|lug|ott|"
    r"januar|februar|märz|enero|febrero|marzo|gennaio|febbraio)\w*\.?(?:\s+\d{4})?\b|"
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+\d{1,2}\b",
    regex.IGNORECASE,
)
_TIME = regex.compile(
    r"\b\d{1,2}\s?[:h]\s?\d{2}\b|\bil y a \d+|\b\d+\s?(?:min|h|hours?|minutes?|mins?)\b|\bago\b",
    regex.IGNORECASE,
)
_LINKY = regex.compile(r"https?://|www\.|@\w|#\w|\.(?:com|fr|net|org|de|es|it)\b")
_SEPS = regex.compile(r"\s[|•·»›/]\s|\s[-–—]\s")
_BULLET = regex.compile(r"^\s*(?:[-–—•·▪*►>]|\d+[.)]\s)")
_QUOTES = regex.compile(r"[«»\"“”]")
_SENT_END = regex.compile(r"[.!?…»\"”)]\s*$")
_INNER = regex.compile(r"[.!?…»]\s+(?-i:\p{Lu})")
_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
_CURRENCY = regex.compile(r"[€$£]|\b(?:eur|euros?|usd|chf)\b", regex.IGNORECASE)
_ELLIPSIS = regex.compile(r"(?:…|\.\.\.)\s*$")


def _maybe_price(low: str) -> bool:
    """Cheap test before the price pattern: one of its characters or words is in the line."""
    return "€" in low or "$" in low or "£" in low or "eur" in low or "usd" in low or "chf" in low


def _maybe_inner(text: str) -> bool:
    """Cheap test before the inner-sentence pattern: one of its end marks is in the line."""
    return "." in text or "!" in text or "?" in text or "…" in text or "»" in text


def _maybe_linky(text: str) -> bool:
    """Cheap test before the link pattern: each of its branches holds ``:``, ``.``, ``@`` or ``#``.

    >>> _maybe_linky("Suivez-nous"), _maybe_linky("@lemonde")
    (False, True)
    """
    return "." in text or "@" in text or "#" in text or ":" in text


def token_odds(words: list[str], odds: dict[str, float]) -> tuple[float, float, float]:
    """(mean, max, min) furniture log-odds of a line's words found in the table (0 when none).

    Word entries of the table are the bare words (first-word entries carry a ``w:`` /
    ``b:`` prefix; a word never holds a colon).

    >>> token_odds(["lire", "aussi", "zzz"], {"lire": 2.0, "aussi": 1.0})
    (1.5, 2.0, 1.0)
    """
    # the set's order, as the comprehension it replaces read it (the mean is a float sum)
    vals = list(map(odds.__getitem__, filter(odds.__contains__, set(words[:TOKEN_ODDS_WORDS]))))
    if not vals:
        return 0.0, 0.0, 0.0
    return sum(vals) / len(vals), max(vals), min(vals)


def first_tokens(text: str) -> tuple[str, str]:
    """(first word, first two words) of a line, case-folded, for the furniture-odds tables.

    >>> first_tokens("» Lire aussi : le budget")
    ('lire', 'lire aussi')
    """
    toks = _TOKEN.findall(text[:80].casefold())
    if not toks:
        return "", ""
    return toks[0], " ".join(toks[:2])


def _is_hard(ln) -> bool:
    r = ln.removal
    return r is not None and not (r.rule in SOFT_RULES or r.reason.endswith(_ITEM_SUFFIX))


def _dist_good(good: list[bool], k: int) -> int:
    """Distance (in non-blank lines, capped at CAP) from position ``k`` to the nearest good line."""
    m = len(good)
    for d in range(CAP):
        if (k - d >= 0 and good[k - d]) or (k + d < m and good[k + d]):
            return d
    return CAP


def _short_run(short: list[bool], k: int) -> int:
    """Length (capped at CAP) of the run of short lines holding position ``k`` (0: not short)."""
    if not short[k]:
        return 0
    # Each walk stops after CAP - 1 steps: the capped length is the same and a long run
    # of short lines costs O(CAP) per line instead of O(run) (was quadratic).
    a, low = k, max(0, k - CAP + 1)
    while a > low and short[a - 1]:
        a -= 1
    b, high = k, min(len(short) - 1, k + CAP - 1)
    while b < high and short[b + 1]:
        b += 1
    return min(CAP, b - a + 1)


def _count(lines, idx: list[int], key: str) -> int:
    """How many non-blank lines of the page start with the same 200 lower-cased characters."""
    return sum(lines[i].low[:200] == key for i in idx)


def line_features(
    lines, page_stop: frozenset[str], odds: dict[str, float], headline: int,
    title_key: str, key_fn, only: set[int] | None = None,
) -> dict[int, list[float]]:
    """Feature vector of every non-blank line (index -> values in :data:`FEATURES` order):
    :func:`iter_line_features` gathered in a dict (the training tools read it whole).

        >>> from cleannews.strip.detectors import _Line, _key
        >>> ls = [_Line(t, frozenset({"le"})) for t in ("Le titre", "", "Partager")]
        >>> feats = line_features(ls, frozenset({"le"}), {}, 0, "le titre", _key)
        >>> sorted(feats), len(feats[2]) == len(FEATURES)
        ([0, 2], True)
    """
    return dict(iter_line_features(lines, page_stop, odds, headline, title_key, key_fn, only))


def iter_line_features(
    lines, page_stop: frozenset[str], odds: dict[str, float], headline: int,
    title_key: str, key_fn, only: set[int] | None = None, idx: list[int] | None = None,
):
    """``(index, feature vector)`` of every non-blank line, in line order (values in
    :data:`FEATURES` order). A generator: :func:`apply_line_model` scores each vector as
    it comes and keeps only those it still needs (one vector per scored line was the
    stage's peak on a long page).

    ``lines`` are the detectors' ``_Line`` objects after the rules (``cls``,
    ``removal``, ``protected`` set); ``page_stop`` the stoplist of the page's language (one
    guess per document: :func:`cleannews.strip._pagelang.guess_page_language`); ``odds``
    the first-word furniture log-odds table;
    ``only``: compute the vectors of these line indices only (the page-level counts
    still cover every line).
    """
    if idx is None:
        idx = [i for i, ln in enumerate(lines) if not ln.blank]
    m = len(idx)
    if not m:
        return
    removed = [lines[i].cls == BAD for i in idx]
    good = [lines[i].cls == GOOD for i in idx]
    goods = [k for k in range(m) if good[k]]
    first_good = goods[0] if goods else m
    last_good = goods[-1] if goods else -1
    short = [lines[i].n <= 8 for i in idx]
    # repetitions: one count of the whole page when many lines are scored, else per line
    many = only is None or len(only) > LAZY_MAX_LINES
    if only is None:
        rep = Counter(lines[i].low[:200] for i in idx)
    elif many:  # counted only for the scored lines' keys (no copy of every long line's head)
        wanted = {lines[i].low[:200] for i in only}
        rep = Counter(filter(wanted.__contains__, (lines[i].low[:200] for i in idx)))
        del wanted
    else:
        rep = None
    title_words = set(title_key.split())
    log_lines = math.log1p(m)
    body = [lines[i].n >= BODY_WORDS and lines[i].ends for i in idx]
    bodies = [k for k in range(m) if body[k]]
    first_body = bodies[0] if bodies else m
    last_body = bodies[-1] if bodies else -1
    hard = [_is_hard(lines[i]) for i in idx]
    page_removed = sum(removed) / m
    page_good = len(goods) / m
    head_k = next((k for k, i in enumerate(idx) if i == headline), -1)
    tok_cache: dict[int, tuple[float, float, float]] = {}

    def tok(k: int) -> tuple[float, float, float]:
        if k not in tok_cache:
            tok_cache[k] = token_odds(lines[idx[k]].first_words, odds)
        return tok_cache[k]

    for k, i in enumerate(idx):
        if only is not None and i not in only:
            continue
        for j in [j for j in tok_cache if j < k - 1]:  # lines behind: never read again
            del tok_cache[j]
        ln = lines[i]
        key = ln.low[:200]
        text = ln.text[:600]
        n = ln.n
        head = text[:300]
        letters = sum(map(str.isalpha, head)) or 1
        digits = sum(map(str.isdigit, text))
        hard_k = hard[k]
        toks = text.split()
        alpha = [t for t in toks if t[:1].isalpha()]
        fw, fb = first_tokens(text)
        nw = ln.words
        prev_k, next_k = k - 1, k + 1
        lo, hi = max(0, k - WINDOW), min(m, k + WINDOW + 1)
        words_set = set(nw)
        tsim = (
            len(words_set & title_words) / len(words_set | title_words)
            if title_words and words_set and i != headline
            else 0.0
        )
        yield i, [
            n,
            math.log1p(len(ln.text)),
            sum(map(page_stop.__contains__, nw)) / n if n else 0.0,
            ln.stop,
            float(ln.ends),
            float(text.rstrip().endswith(":")),
            float(bool(_INNER.search(text))) if _maybe_inner(text) else 0.0,
            sum(map(str.isupper, head)) / letters,
            sum(t[0].isupper() for t in alpha) / len(alpha) if alpha else 0.0,
            digits / (len(text) or 1),
            # every date pattern needs a digit; every time pattern one, or the word "ago"
            float(bool(_DATE.search(text))) if digits else 0.0,
            float(bool(_TIME.search(text))) if digits or "ago" in text.lower() else 0.0,
            min(5, len(_LINKY.findall(text))) if _maybe_linky(text) else 0,
            min(10, len(_SEPS.findall(text))),
            float(bool(_BULLET.match(text))),
            float(bool(_QUOTES.search(text))),
            float("©" in text or "(c)" in text.lower()),
            k / m,
            float(k < first_good),
            float(k > last_good),
            _dist_good(good, k),
            float(good[k]),
            float(ln.protected),
            float(hard_k),
            float(ln.cls == BAD and not hard_k),
            float(removed[prev_k]) if prev_k >= 0 else -1.0,
            float(removed[next_k]) if next_k < m else -1.0,
            float(good[prev_k]) if prev_k >= 0 else -1.0,
            float(good[next_k]) if next_k < m else -1.0,
            lines[idx[prev_k]].n if prev_k >= 0 else -1,
            lines[idx[next_k]].n if next_k < m else -1,
            lines[idx[prev_k]].stop if prev_k >= 0 else -1.0,
            lines[idx[next_k]].stop if next_k < m else -1.0,
            sum(removed[lo:hi]) - removed[k],
            _short_run(short, k),
            float(i == 0 or lines[i - 1].blank),
            float(i + 1 >= len(lines) or lines[i + 1].blank),
            min(CAP, rep[key] if rep is not None else _count(lines, idx, key)),
            tsim,
            odds.get("w:" + fw, 0.0),
            odds.get("b:" + fb, 0.0),
            float(i == headline),
            log_lines,
            float(text.rstrip().endswith("?")),
            float(bool(_SEPS.search(text[:4]))),
            *tok(k),
            tok(prev_k)[0] if prev_k >= 0 else 0.0,
            tok(next_k)[0] if next_k < m else 0.0,
            float(bool(_ELLIPSIS.search(text[-8:]))),
            float(bool(_CURRENCY.search(text))) if _maybe_price(ln.low) else 0.0,
            sum(len(t) > 1 and t.isupper() for t in alpha) / len(alpha) if alpha else 0.0,
            float(k < first_body),
            float(k > last_body),
            _dist_good(body, k),
            _dist_good(hard, k),
            page_removed,
            page_good,
            float(k < head_k),
        ]
    del key_fn


def _emit_tree(f, t, left, right, v, node: int) -> str:
    """One tree node as a conditional expression over locals ``x<feature>`` (numbers only).

    >>> _emit_tree([2, -1, -1], [0.5, 0, 0], [1, -1, -1], [2, -1, -1], [0.0, -1.0, 1.0], 0)
    '(-1.0 if x2 <= 0.5 else 1.0)'
    """
    if left[node] < 0:
        return repr(float(v[node]))
    return (
        f"({_emit_tree(f, t, left, right, v, left[node])} if x{int(f[node])} <= "
        f"{float(t[node])!r} else {_emit_tree(f, t, left, right, v, right[node])})"
    )


class Trees:
    """Gradient-boosted regression trees in plain lists: log-odds and per-feature contributions."""

    def __init__(self, init: float, trees: list[dict], n_features: int) -> None:
        self.init = float(init)
        self.n_features = n_features
        # each tree: (feature, threshold, left, right, value) lists
        self.trees = [(t["f"], t["t"], t["l"], t["r"], t["v"]) for t in trees]

        self.raw = self._compile()

    def raw_slow(self, x: list[float]) -> float:
        """Log-odds of furniture for one feature vector (walks the lists; reference for ``raw``)."""
        s = self.init
        for f, t, left, right, v in self.trees:
            node = 0
            while left[node] >= 0:
                node = left[node] if x[f[node]] <= t[node] else right[node]
            s += v[node]
        return s

    def _compile(self):
        """``raw`` as one Python function of nested ``if``s (built from the numbers only).

        Walking lists costs a loop step per node; straight-line comparisons are several
        times faster, and the trees are data we wrote (feature indices, floats). Each
        feature is read into a local once, and the trees are one sum of conditional
        expressions (no store of a running total per tree).
        """
        used = sorted({int(j) for f, _, left, _, _ in self.trees
                       for j, lf in zip(f, left, strict=True) if lf >= 0})
        out = ["def raw(x):"]
        out += [f"    x{j} = x[{j}]" for j in used]
        # one left-to-right sum: the same float additions, in the same order, as raw_slow
        out.append(f"    return ({self.init!r}")
        for f, t, left, right, v in self.trees:
            out.append(f"        + {_emit_tree(f, t, left, right, v, 0)}")
        out.append("    )")
        scope: dict = {}
        exec(compile("\n".join(out) + "\n", "<line-model>", "exec"), scope)
        return scope["raw"]

    def proba(self, x: list[float]) -> float:
        return 1.0 / (1.0 + math.exp(-self.raw(x)))

    def contributions(self, x: list[float]) -> list[float]:
        """How much each feature moved the log-odds (path contributions, summed over trees)."""
        c = [0.0] * self.n_features
        for f, t, left, right, v in self.trees:
            node = 0
            while left[node] >= 0:
                child = left[node] if x[f[node]] <= t[node] else right[node]
                c[f[node]] += v[child] - v[node]
                node = child
        return c


class LineModel:
    """Two stages: ``stage1`` on the line's features; ``stage2`` adds neighbours' stage-1 scores."""

    def __init__(self, data: dict) -> None:
        self.meta = {k: v for k, v in data.items() if k not in ("stage1", "stage2", "odds")}
        if tuple(data["features"]) != FEATURES or tuple(
            data.get("neighbour_features", NEIGHBOUR_FEATURES)
        ) != NEIGHBOUR_FEATURES:
            raise ValueError("line model was trained with other features: rebuild it")
        self.odds = dict(data.get("odds", {}))
        self.stage1 = Trees(data["stage1"]["init"], data["stage1"]["trees"], len(FEATURES))
        s2 = data.get("stage2")
        self.stage2 = Trees(s2["init"], s2["trees"], len(ALL_FEATURES)) if s2 else None
        self.remove_p = float(data.get("remove_p", REMOVE_P))
        self.give_back_p = float(data.get("give_back_p", GIVE_BACK_P))
        self.remove_list_p = float(data.get("remove_list_p", NEVER))


def removal_threshold(model, recall: bool = False, recall_p: float = RECALL_REMOVE_P) -> float:
    """The probability from which ``model`` (a :class:`LineModel` or a run model) removes a
    standing line: its ``remove_p``, or with ``recall`` (``CleanConfig.strip_recall``) the
    lower of it and ``recall_p``.

    >>> class M:
    ...     remove_p = 0.92
    >>> removal_threshold(M()), removal_threshold(M(), True), removal_threshold(M(), True, 0.95)
    (0.92, 0.85, 0.92)
    """
    return min(model.remove_p, recall_p) if recall else model.remove_p


def positions(idx: list[int], size: int) -> list[int]:
    """The position in ``idx`` of each line index it holds, as a list of ``size`` entries
    indexed by line (0 for a line not in ``idx``): a dict of every line was the line and run
    models' peak of memory on a page of many short lines (perf20; the run model, mem52).

        >>> positions([1, 3, 4], 5)
        [0, 0, 0, 1, 2]
    """
    pos = [0] * size
    for k, i in enumerate(idx):
        pos[i] = k
    return pos


def neighbour_features(idx: list[int], p1, i: int, k: int) -> list[float]:
    """Stage-1 scores around line ``idx[k] == i``: previous, next, max and mean within WINDOW.

    ``p1``: the stage-1 score of each line, indexed by line (a list, or a dict of the
    non-blank lines); only the lines of ``idx`` are read."""
    m = len(idx)
    prev_p = p1[idx[k - 1]] if k > 0 else -1.0
    next_p = p1[idx[k + 1]] if k + 1 < m else -1.0
    lo, hi = max(0, k - NEIGHBOUR_WINDOW), min(m, k + NEIGHBOUR_WINDOW + 1)
    around = [p1[idx[t]] for t in range(lo, hi) if t != k]
    return [prev_p, next_p, max(around, default=-1.0),
            sum(around) / len(around) if around else -1.0]


def is_prose(ln) -> bool:
    """Lines the model never removes: sentence-like article text, and lines without a word
    (separators such as ``___``: a rule decides those).

    Captions and teasers that read like prose need a rule; a removal needs evidence.
    (Letting the model remove prose-like lines at p >= 0.9 gained a few lines in
    cross-validation but made the strip stage a quarter slower: every sentence to score.)
    """
    return ln.cls == GOOD or not has_word(ln)


def has_word(ln) -> bool:
    """The line holds a letter or a digit (the model never removes one that does not)."""
    for ch in ln.text[:200]:  # a loop, not ``any(...)``: no generator per line
        if ch.isalnum():
            return True
    return False


def article_lists(lines, idx: list[int] | None = None) -> set[int]:
    """Lines in a run of >= LIST_RUN standing short lines between two paragraphs of the article.

    Ingredients, results, line-ups, specifications: the model removes them only at the stricter
    ``remove_list_p`` (a rule may at any time).
    """
    if idx is None:
        idx = [i for i, ln in enumerate(lines) if not ln.blank]
    goods = [k for k, i in enumerate(idx) if lines[i].cls == GOOD]
    if len(goods) < 2:
        return set()
    out: set[int] = set()
    run: list[int] = []
    for k in range(goods[0] + 1, goods[-1] + 1):
        ln = lines[idx[k]]
        if ln.cls == AMB and ln.n <= LIST_ITEM_WORDS:
            run.append(idx[k])
            continue
        if len(run) >= LIST_RUN:
            out.update(run)
        run = []
    return out


def subheadings(lines) -> set[int]:
    """Standing short lines right above a paragraph of >= SUBHEADING_NEXT_WORDS words.

    A subheading or a kicker sits there: the model removes them only at the stricter
    ``remove_list_p`` (a rule may at any time).
    """
    out: set[int] = set()
    prev = -1
    for i, ln in enumerate(lines):
        if ln.blank:
            continue
        if prev >= 0 and ln.cls == GOOD and ln.n >= SUBHEADING_NEXT_WORDS:
            if lines[prev].cls != BAD and lines[prev].cls != GOOD:
                out.add(prev)
        prev = i
    return out


def is_candidate(ln, i: int, headline: int) -> bool:
    """Lines the model judges: standing, or removed by position rules only; never the byline or
    the headline."""
    return (
        not ln.blank and not ln.protected and i != headline and ln.n <= MODEL_MAX_WORDS
        and (ln.cls != BAD or not _is_hard(ln))
    )


def stage1_scores(lines, feats: dict[int, list[float]], stage1, headline: int) -> dict[int, float]:
    """Stage-1 furniture probability of every non-blank line (rule-removed: 1; protected,
    prose: 0 — prose is never removed by the model, and scoring it would cost time)."""
    p1 = {}
    for i, x in feats.items():
        ln = lines[i]
        if is_candidate(ln, i, headline) and not is_prose(ln):
            p1[i] = stage1(x)
        elif ln.cls == BAD:
            p1[i] = 1.0
        else:
            p1[i] = 0.0
    return p1


def read_model_data(name: str) -> dict | None:
    """The parsed JSON of the packaged model file ``data/<name>``, or None when it is absent.

    >>> read_model_data("no_such_model.json") is None
    True
    """
    try:
        raw = resources.files("cleannews.strip").joinpath("data", name).read_text("utf-8")
    except FileNotFoundError:
        return None
    return json.loads(raw)


@lru_cache(maxsize=1)
def load_line_model() -> LineModel | None:
    """The shipped model (``data/line_model.json``), or None when it is absent."""
    data = read_model_data("line_model.json")
    return None if data is None else LineModel(data)


def _describe(name: str, x: list[float], fw: str) -> str:
    """A reader's phrase for one feature of the line."""
    v = x[_F[name]]
    texts = {
        "n_words": f"{int(v)} word{'s' if v != 1 else ''}",
        "log_chars": f"{round(math.expm1(v))} characters",
        "stop_page": f"stop-word share {v:.0%} in the page's language",
        "stop_any": f"stop-word share {v:.0%} in any language",
        "ends_sentence": "ends like a sentence" if v else "no sentence end",
        "ends_colon": "ends with a colon" if v else "no colon at the end",
        "inner_sentence": "several sentences" if v else "no inner sentence",
        "upper_share": f"capitals {v:.0%} of letters",
        "titlecase_share": f"{v:.0%} capitalised words",
        "digit_share": f"digits {v:.0%}",
        "has_date": "a date" if v else "no date",
        "has_time": "a time / duration" if v else "no time",
        "linky": f"{int(v)} link/handle/hashtag tokens",
        "separators": f"{int(v)} separators (| • - /)",
        "bullet": "bulleted" if v else "not bulleted",
        "quotes": "quotation marks" if v else "no quotation marks",
        "copyright": "a © sign" if v else "no © sign",
        "rel_pos": f"at {v:.0%} of the page",
        "before_first_good": "before the article text" if v else "not before the article text",
        "after_last_good": "after the article text" if v else "not after the article text",
        "dist_good": f"{int(v)} lines from article text",
        "good": "paragraph-like" if v else "not paragraph-like",
        "protected": "protected",
        "hard_removed": "a furniture rule matched" if v else "no furniture rule",
        "soft_removed": "removed by position rules" if v else "not removed by position rules",
        "prev_removed": "previous line removed" if v == 1 else "previous line kept",
        "next_removed": "next line removed" if v == 1 else "next line kept",
        "prev_good": "previous line is text" if v == 1 else "previous line not text",
        "next_good": "next line is text" if v == 1 else "next line not text",
        "prev_words": f"previous line {int(v)} words",
        "next_words": f"next line {int(v)} words",
        "prev_stop": f"previous line stop-words {v:.0%}",
        "next_stop": f"next line stop-words {v:.0%}",
        "removed_around": f"next to {int(v)} removed lines",
        "short_run": f"in a run of {int(v)} short lines",
        "blank_before": "block start" if v else "no blank line before",
        "blank_after": "block end" if v else "no blank line after",
        "repeats": f"appears {int(v)}x in the page",
        "title_sim": f"title overlap {v:.0%}",
        "first_word_odds": f"starts like furniture ('{fw}')",
        "first_bigram_odds": f"starts like furniture ('{fw} …')",
        "is_headline": "headline",
        "log_lines": f"page of {round(math.expm1(v))} lines",
        "question": "a question" if v else "no question mark",
        "pipe_or_dash_start": "starts with a separator" if v else "no leading separator",
        "tok_odds_mean": f"word furniture odds {v:+.1f} on average",
        "tok_odds_max": f"most furniture-like word {v:+.1f}",
        "tok_odds_min": f"least furniture-like word {v:+.1f}",
        "prev_tok_odds": f"previous line's word odds {v:+.1f}",
        "next_tok_odds": f"next line's word odds {v:+.1f}",
        "ends_ellipsis": "ends with an ellipsis" if v else "no ellipsis",
        "currency": "a price" if v else "no price",
        "caps_words": f"{v:.0%} words in capitals",
        "before_first_body": "before the article body" if v else "in the article body",
        "after_last_body": "after the article body" if v else "not after the article body",
        "dist_body": f"{int(v)} lines from a body paragraph",
        "dist_hard": f"{int(v)} lines from furniture a rule removed",
        "page_removed_share": f"rules removed {v:.0%} of the page",
        "page_good_share": f"paragraphs are {v:.0%} of the page",
        "before_headline": "above the headline" if v else "below the headline",
        "prev_p": f"previous line looks like furniture ({v:.2f})",
        "next_p": f"next line looks like furniture ({v:.2f})",
        "max_p_around": f"furniture-like lines around ({v:.2f})",
        "mean_p_around": f"neighbours look like furniture ({v:.2f} on average)",
    }
    return texts.get(name, name)


def explain(
    model: LineModel, x: list[float], p: float, text: str, by_recall: bool = False
) -> str:
    """``line model (p=0.93): 3 words, previous line removed, …`` (top positive features);
    a line that only ``CleanConfig.strip_recall``'s lower threshold removed (``by_recall``:
    ``p`` below the threshold the default gives that line) says so:
    ``line model (p=0.89, strip_recall): …``."""
    stage = model.stage2 or model.stage1
    c = stage.contributions(x)
    top = sorted((k for k in range(len(c)) if c[k] > 0), key=lambda k: c[k], reverse=True)[
        :REASON_FEATURES
    ]
    fw = first_tokens(text)[0]
    parts = [_describe(ALL_FEATURES[k], x, fw) for k in top]
    tag = ", strip_recall" if by_recall else ""
    return f"line model (p={p:.2f}{tag}): " + ", ".join(parts)


def apply_line_model(
    lines, page_stop: frozenset[str], headline: int, title_key: str, key_fn, removal_cls,
    recall: bool = False,
) -> dict[int, float]:
    """Score the lines left open by the rules; remove or give back (see module doc).

    Only lines that a decision can change are scored (standing lines that are not
    prose nor in an article list; position-rule removals when ``give_back_p > 0``),
    with the stage-1 scores of their neighbours: features are computed for those alone.
    ``title_key``: the headline's key, or a function that returns it (called only when
    a line is scored). ``page_stop``: the stoplist of the page's language (see
    :func:`line_features`). Returns the probability of every scored line (read by the run model).
    ``recall`` (``CleanConfig.strip_recall``): standing lines go from :func:`removal_threshold`
    (``RECALL_REMOVE_P``); every other limit is the same.
    """
    model = load_line_model()
    if model is None:
        return {}
    idx = [i for i, ln in enumerate(lines) if not ln.blank]  # the non-blank lines, for each step
    lists = article_lists(lines, idx) | subheadings(lines)
    give_back = model.give_back_p > 0
    strict = model.remove_list_p <= 1.0
    remove_p = removal_threshold(model, recall)
    lowered = remove_p < model.remove_p  # strip_recall: standing lines' threshold is lower
    # threshold of each line the model may change (prose and the article's lists: stricter)
    limit: dict[int, float] = {}
    recall_lines: set[int] = set()  # the lines whose threshold strip_recall lowered
    for i, ln in enumerate(lines):
        if not is_candidate(ln, i, headline):
            continue
        if ln.cls == BAD:
            if give_back:
                limit[i] = model.give_back_p
        elif is_prose(ln) or no_stoplist_script(ln.text):
            continue  # a script without a stoplist: the stop-word features say nothing there
        elif i not in lists:
            limit[i] = remove_p
            if lowered:
                recall_lines.add(i)
        elif strict:
            limit[i] = model.remove_list_p
    targets = list(limit)
    if not targets:
        return {}
    # position in ``idx`` of each non-blank line, and below each line's stage-1 score: lists
    # indexed by line (a dict of every line each was the line model's peak of memory on a
    # long page; entries of blank lines are never read; perf20)
    pos = positions(idx, len(lines))
    need = set(targets)
    if model.stage2 is not None:
        for i in targets:
            k = pos[i]
            for t in range(max(0, k - NEIGHBOUR_WINDOW), min(len(idx), k + NEIGHBOUR_WINDOW + 1)):
                if is_candidate(lines[idx[t]], idx[t], headline) and not is_prose(lines[idx[t]]):
                    need.add(idx[t])
    if callable(title_key):
        title_key = title_key()
    rows = iter_line_features(
        lines, page_stop, model.odds, headline, title_key, key_fn, need, idx
    )
    decisions = []
    scores = {}

    def decide(i: int, x: list[float]) -> None:
        scores[i] = p = score(x)
        if lines[i].cls == BAD:
            if p < limit[i]:
                decisions.append((i, "keep", p, x))
        elif p >= limit[i]:
            decisions.append((i, "remove", p, x))

    # Vectors come in line order and are scored as they come; only a decided line's vector
    # is kept (its reason names features). Nothing is applied before every line is scored:
    # the features read the lines' classes.
    if model.stage2 is not None:
        p1 = [1.0 if ln.cls == BAD else 0.0 for ln in lines]
        score = model.stage2.proba
        stage1 = model.stage1.proba
        waiting: deque[tuple[int, list[float]]] = deque()  # targets whose neighbours come next
        for i, x in rows:
            if not is_prose(lines[i]):
                p1[i] = stage1(x)
            # every line before this one is scored: targets NEIGHBOUR_WINDOW lines back are ready
            k = pos[i]
            while waiting and pos[waiting[0][0]] + NEIGHBOUR_WINDOW < k:
                t, xt = waiting.popleft()
                decide(t, xt + neighbour_features(idx, p1, t, pos[t]))
            if i in limit:
                waiting.append((i, x))
        for t, xt in waiting:
            decide(t, xt + neighbour_features(idx, p1, t, pos[t]))
    else:
        score = model.stage1.proba
        for i, x in rows:
            if i in limit:
                decide(i, x)
    for i, what, p, x in decisions:
        ln = lines[i]
        if what == "keep":
            ln.cls = AMB
            ln.removal = None
        else:
            ln.cls = BAD
            by_recall = i in recall_lines and p < model.remove_p
            ln.removal = removal_cls("line_model", explain(model, x, p, ln.text, by_recall))
    return scores
