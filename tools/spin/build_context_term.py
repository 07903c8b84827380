r"""Build the context term's package data from raw sources (no development cache).

    SPIN_MYTHES_DAT=<thes_fr.dat> SPIN_UD_DIR=<fr-ud> python tools/spin/build_context_term.py

(step ``context_term`` of ``python -m tools.spin.build``; after ``context_clean``, whose
count table it reads through the package). Writes, in ``src/cleannews/score/data/``:

* ``context_synonyms4.txt.gz``: per checked word id of ``context_counts.bin.gz``, the ids of
  its (at most) 4 most frequent single-word MyThes synonyms of split "A", both seen at least
  10 times (spin-context3's ``export_context3.py``);
* ``context_synonyms_at6.txt.gz``: the same with splits "A" + "T" and 6 synonyms
  (spin-term5's ``dev_context5.py export``);
* ``context_kind.json``: spin-context3's term (``KIND``), read by the evidence-kind rule;
* ``context_term.json``: spin-term5's term (``TERM``), added to the logit.

Both JSON files share the register gate (``register_gate``: standard scaler + logistic
regression of P(other register | style), the dev negatives' half 0 against the UD training
documents and the ``fixtures/strip_real`` TRAIN news excerpts of the sites' half A listed in
``tools/spin/data/register_gate_news.txt``, frozen when the gate was fitted) and
carry the median and standard deviation of their ``mean_gain`` over the 154 clean UD
documents of ``fixtures/spin/validation.jsonl.gz``. Those statistics were first computed
from the development caches of ``dev_context3.py`` / ``dev_context4.py``; this module
computes the same numbers from the fixtures they were cached from (spin-build6 checked the
four files byte for byte). The kind term's statistic is spin-context3's harness arithmetic
(``kind_mean_gain``), the added term's is the package's own ``ContextTerm.analyse``, as
each was computed when shipped.

    >>> synonym_lines({3: (1, 2), 0: (5,)})
    '0\t5\n3\t1 2\n'
"""

from __future__ import annotations

import gzip
import json
import math
import os
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

REPO = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("SPIN_DATA_OUT", REPO / "src/cleannews/score/data"))
VALIDATION = REPO / "fixtures/spin/validation.jsonl.gz"
#: The ``fixtures/strip_real`` news pages the register gate is fitted on (frozen ids: pages
#: labelled later leave the gate where it is; spin-rebuild11, docs/spin-data.md).
GATE_NEWS = REPO / "tools/spin/data/register_gate_news.txt"
#: Table count a checked word and each of its synonyms need.
MIN_COUNT = 10
#: Shared constants of both terms (cascade floor, cap, the margin under the quarantine).
COMMON = {"cap": 3.0, "logit_floor": -4.0, "quarantine_margin": 0.01}
#: K of the kind statistic's row prior ``max(mu, K x distinct continuations)``
#: (``_context.row_prior``, ``mu_growth`` in ``context_kind.json``; spinprior54's study,
#: docs/spin-history.md round 39; shipped by spinprior55, round 40). 0 is the fixed prior
#: ``mu`` of rounds up to 39. The added term (``TERM``) keeps its fixed prior.
KIND_MU_GROWTH = 2.0
#: The kind statistic's term without its best word at which it is a kind of evidence
#: (``kind_min`` in ``context_kind.json``, read by ``_decision.kind_min``; without it,
#: ``CONTEXT_TERM_MIN`` 1.0). Refitted with the grown prior (spinprior55) on the rule that
#: set 1.0: no more human development documents hold the kind than with the fixed prior
#: at 1.0 (dev negatives of >= 8 checked words 24 of 1,893 at K = 0; at K = 2: 20 at 1.0,
#: 23 at 0.9, 25 at 0.85; clean UD validation 4 of 154 at K = 0, 3 at K = 2 and 0.9).
KIND_TERM_MIN = 0.9
#: spin-context3's term (``context_kind.json``): MyThes "A", 4 synonyms, mu 20, no back-off.
KIND = {
    "about": "the context term's evidence-kind statistic (spin-ship5): main's spin-context3 "
             "term (MyThes split A, 4 synonyms, no back-off) kept for the two-kinds rule "
             "(_decision.py: kind, paragraphs route); the added term is context_term.json's",
    "feature": "mean_gain", "mu": 20.0, "min_count": MIN_COUNT, "max_synonyms": 4,
    "gain_clip": [-4.0, 8.0], "prior_words": 5, "w": 3.0, "b": 1.0, "gate_power": 1,
    **({"mu_growth": KIND_MU_GROWTH, "kind_min": KIND_TERM_MIN} if KIND_MU_GROWTH else {}),
}
KIND_SPLITS, KIND_FILE = "A", "context_synonyms4.txt.gz"
#: spin-term5's term (``context_term.json``), chosen leave-one-source-out (docs/spin-history.md).
TERM = {
    "about": "spin-term5 candidate (tools/spin/dev_context5.py export): MyThes A+T synonyms, "
             "back-off, smoothing 40, clip [-1, 8], prior 20; figures in docs/spin.md",
    "feature": "mean_gain", "mu": 40.0, "min_count": MIN_COUNT, "max_synonyms": 6,
    "gain_clip": [-1.0, 8.0], "prior_words": 20, "w": 2.0, "b": 0.5, "gate_power": 2,
    "backoff": True,
}
TERM_SPLITS, TERM_FILE = "AT", "context_synonyms_at6.txt.gz"
#: Spoken-register and archaic markers added to the function words of the style vector.
STYLE_EXTRA = ("euh", "ben", "hein", "voilà", "bah", "ouais", "point", "fort", "lequel",
               "laquelle", "lesquels", "dont", "ainsi", "ci", "ne", "pas", "je", "tu", "vous")
STYLE_PUNCT = (";", ":", "!", "?", "(", "«", "\"", "…", ",", ".")
#: Key order of the JSON files (as first shipped).
KEYS = ("about", "feature", "mu", "min_count", "max_synonyms", "gain_clip", "prior_words",
        "median", "sd", "w", "b", "gate_power", "cap", "logit_floor", "quarantine_margin",
        "gate")


def synonym_map(splits: str) -> dict[str, set[str]]:
    """Symmetric single-word MyThes synonyms of the pair ``splits`` (never "V", the
    development spinner's)."""
    from build_dataset import split_thesaurus
    from common import read_mythes

    assert "V" not in splits
    th = read_mythes()
    syn: dict[str, set[str]] = defaultdict(set)
    for part in splits:
        for head, senses in split_thesaurus(th, part).items():
            for _pos, ss in senses:
                for x in ss:
                    if " " not in x and x != head:
                        syn[head].add(x)
                        syn[x].add(head)
    return syn


def synonym_ids(syn: dict[str, set[str]], ids: dict[str, int], counts, k: int,
                min_count: int = MIN_COUNT) -> dict[int, tuple[int, ...]]:
    """Candidate ids per checked word id: table words of >= 3 letters seen ``min_count``
    times, not function words; their ``k`` most frequent synonyms seen as often (table ids
    are by falling frequency, so the ``k`` smallest ids).

    >>> synonym_ids({"maison": {"demeure", "logis"}}, {"maison": 0, "demeure": 1, "logis": 2},
    ...             [50, 20, 5], 4)
    {0: (1,)}
    """
    from cleannews.score._features import FUNCTION_WORDS

    out = {}
    for w, ss in syn.items():
        wi = ids.get(w)
        if (wi is None or len(w) < 3 or not w.isalpha() or w in FUNCTION_WORDS
                or counts[wi] < min_count):
            continue
        c = sorted(ids[x] for x in ss if x in ids and counts[ids[x]] >= min_count)[:k]
        if c:
            out[wi] = tuple(c)
    return out


def synonym_lines(sy: dict[int, tuple[int, ...]]) -> str:
    """The synonym file's text: ``word id<TAB>candidate ids``, by word id."""
    return "".join(f"{w}\t{' '.join(map(str, c))}\n" for w, c in sorted(sy.items()))


def read_validation_clean() -> list[str]:
    """Texts of the clean UD documents of the validation fixture (the terms' reference)."""
    with gzip.open(VALIDATION, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return [r["text"] for r in rows if r["label"] == 0]


def kind_term(table, syn_ids: dict[int, tuple[int, ...]], gate: dict):
    """The kind statistic's ``ContextTerm`` (``KIND``'s constants, ``KIND_MU_GROWTH``
    included) before its median and sd are known: what ``kind_mean_gain`` reads.

    >>> from cleannews.score._context import CountTable
    >>> t = CountTable.from_parts(["le", "chat", "matou"], [10, 5, 2], {(0, 1): 4})
    >>> term = kind_term(t, {1: (2,)}, NO_GATE)
    >>> term.mu, term.growth == KIND_MU_GROWTH, term.params["prior_words"]
    (20.0, True, 5)
    >>> from cleannews.score._context import row_prior
    >>> row_prior(KIND["mu"], KIND_MU_GROWTH, 747)  # "qui": 747 stored continuations
    1494.0
    """
    from cleannews.score import _context

    probe = json.loads(params_json(KIND, 0.0, 1.0, gate, {"synonyms_file": KIND_FILE}))
    return _context.ContextTerm(table, syn_ids, probe)


#: A register gate that reads nothing (the examples' terms).
NO_GATE = {"names": [], "coef": [], "mean": [], "scale": [], "intercept": 0.0}


def kind_mean_gain(text: str, term) -> float:
    """spin-context3's ``mean_gain`` of ``text`` under the kind term ``term`` (a
    ``ContextTerm``: its table, synonym ids, ``gain_clip``, ``prior_words``) by its harness
    arithmetic: paragraphs split on newlines, ``build_context.tokens``, full slot scores.
    The slot is the package's own ``ContextTerm.full_slot`` (its row prior, grown when the
    term has ``mu_growth``): only the tokens and the sums are the harness's, so the build's
    statistic and the package's ``analyse`` cannot read two priors.

    >>> from cleannews.score._context import ContextTerm, CountTable
    >>> t = CountTable.from_parts(["le", "chat", "matou"], [10, 5, 2], {(0, 1): 4})
    >>> fixed = {**KIND, "gate": NO_GATE, "mu_growth": 0.0}
    >>> round(kind_mean_gain("le chat", ContextTerm(t, {1: (2,)}, fixed)), 4)
    -0.0865
    >>> grown = ContextTerm(t, {1: (2,)}, {**fixed, "mu": 1.0, "mu_growth": 20.0})
    >>> kind_mean_gain("le chat", grown) == kind_mean_gain("le chat", ContextTerm(
    ...     t, {1: (2,)}, fixed))  # "le": 1 continuation, so max(1, 20 x 1) = mu 20
    True
    """
    from build_context import BREAK, tokens

    ids, lp, slot = term.t.ids, term.lp, term.full_slot
    syn_ids, clip, prior = term.syn, term.params["gain_clip"], term.params["prior_words"]
    gains = []
    for para in text.split("\n"):
        if not para.strip():
            continue
        toks = tokens(para)
        tid = [None if t in BREAK else ids.get(t) for t in toks]
        for i, wi in enumerate(tid):
            cands = syn_ids.get(wi) if wi is not None else None
            if not cands:
                continue
            left = tid[i - 1] if i > 0 else None
            right = tid[i + 1] if i + 1 < len(toks) else None
            if left is None and right is None:
                continue
            sw = slot(wi, left, right)
            best, sbest = max((slot(s, left, right), s) for s in cands)
            gains.append((best - lp[sbest]) - (sw - lp[wi]))
    return sum(max(clip[0], min(clip[1], g)) for g in gains) / (len(gains) + prior)


def style_names() -> list[str]:
    """Names of the register gate's style vector."""
    from cleannews.score._features import FUNCTION_WORDS

    words = sorted(set(FUNCTION_WORDS) | set(STYLE_EXTRA)) + list(STYLE_PUNCT)
    return [*words, "#sent_len", "#word_len", "#digits"]


def style(text: str) -> list[float]:
    """Spin-invariant style vector: function-word, marker and punctuation rates per 1,000
    tokens (``log1p``), sentence length, word length, number rate.

    >>> len(style("Le chat dort.")) == len(style_names())
    True
    """
    from build_context import tokens

    toks = tokens(text)
    n = max(1, len(toks))
    c = Counter(toks)
    words = [w for w in style_names() if not w.startswith("#")]
    v = [math.log1p(1000 * c[w] / n) for w in words]
    sents = sum(c[p] for p in ".!?") + text.count("\n") + 1
    alpha = [t for t in toks if t.isalpha()]
    v.append(math.log1p(n / sents))
    v.append(sum(len(t) for t in alpha) / max(1, len(alpha)))
    v.append(math.log1p(1000 * sum(t.isdigit() or t == "<num>" for t in toks) / n))
    return v


def news_train_excerpts(max_words: int = 250) -> list[dict]:
    """Modern scraped French news: the content lines (``C|``) of the ``fixtures/strip_real``
    TRAIN article pages (the ids and sites of every held-out list, test to test5, are never
    opened), the first
    ``max_words`` words, pages with at least 120."""
    root = REPO / "fixtures/strip_real"
    split = json.loads((root / "split.json").read_text())
    lists = ("test", "test2", "test3", "test4", "test5")
    held_ids = {i for name in lists for i in split.get(f"{name}_ids", ())}
    held_sites = {s for name in lists for s in split.get(f"{name}_sites", ())}
    out = []
    for man in sorted((root / "manifests").glob("fr-*.jsonl")):
        for line in man.read_text(encoding="utf-8").splitlines():
            m = json.loads(line)
            if (m["id"] in held_ids or m.get("site") in held_sites
                    or any(f"-t{k}-" in m["id"] for k in (2, 3, 4, 5))):
                continue
            if m.get("page_type") != "article":
                continue
            p = root / "pages/fr" / f"{m['id']}.txt"
            if not p.exists():
                continue
            paras, n = [], 0
            for ln in p.read_text(encoding="utf-8").splitlines():
                if ln.startswith("C| ") and len(ln.split()) >= 8:
                    paras.append(ln[3:].replace("\u27e6", "").replace("\u27e7", ""))  # ⟦…⟧ marks
                    n += len(ln.split()) - 1
                    if n >= max_words:
                        break
            if n >= 120:
                out.append({"id": m["id"], "site": m.get("site"), "text": "\n".join(paras)})
    return out


def fit_register_gate(neg0: list[dict], modern: list[dict] = ()):
    """Logistic P(other register | style) as a fitted scikit-learn pipeline (scaler, model):
    the human records ``neg0`` (label 1) against the UD training documents plus the
    ``modern`` human records (label 0). Also ``fit3.guard_model``."""
    import numpy as np
    from build_dataset import doc_split
    from common import read_ud_documents
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    ud = [d["text"] for d in read_ud_documents() if doc_split(d["id"]) == "train"]
    ud += [r["text"] for r in modern]
    X = np.array([style(t) for t in ud] + [style(r["text"]) for r in neg0])
    y = np.array([0] * len(ud) + [1] * len(neg0))
    m = make_pipeline(StandardScaler(), LogisticRegression(C=0.1, class_weight="balanced",
                                                           max_iter=2000))
    m.fit(X, y)
    return m


def gate_news() -> list[dict]:
    """The news excerpts of the frozen list ``GATE_NEWS``, in ``news_train_excerpts`` order;
    stops the build when a listed page is gone or no longer gives an excerpt (the gate would
    move: a deliberate refit edits the list)."""
    ids = [ln for ln in GATE_NEWS.read_text(encoding="utf-8").splitlines()
           if ln and not ln.startswith("#")]
    wanted = set(ids)
    news = [r for r in news_train_excerpts() if r["id"] in wanted]
    missing = sorted(set(ids) - {r["id"] for r in news})
    if missing:
        raise SystemExit(f"{GATE_NEWS.name}: {len(missing)} listed pages give no news excerpt "
                         f"({', '.join(missing[:5])}); the register gate would move")
    return news


def gate_records() -> tuple[list[dict], list[dict]]:
    """The register gate's in-repository training records: the dev negatives of half 0 (id
    hash; label 1) and the frozen news excerpts (label 0, beside the UD training documents)."""
    from train import read_negatives

    neg0 = [r for r in read_negatives("dev") if zlib.crc32(r["id"].encode()) % 2 == 0]
    return neg0, gate_news()


def register_gate() -> dict:
    """The register gate: P(other register | style), dev negatives of half 0 (id hash)
    against the UD training documents and the news excerpts of ``GATE_NEWS``."""
    neg0, news = gate_records()
    m = fit_register_gate(neg0, news)
    scaler, lr = m[0], m[1]
    n_ud = int(scaler.n_samples_seen_) - len(neg0)
    print(f"register gate: {len(neg0)} dev negatives (half 0) vs {n_ud} UD/news "
          f"({len(news)} news excerpts of {GATE_NEWS.name})", flush=True)
    return {"names": style_names(), "mean": [float(v) for v in scaler.mean_],
            "scale": [float(v) for v in scaler.scale_],
            "coef": [float(v) for v in lr.coef_[0]], "intercept": float(lr.intercept_[0])}


def params_json(spec: dict, median: float, sd: float, gate: dict, extra: dict) -> str:
    """The JSON text of one term's constants (key order as first shipped)."""
    full = {**spec, **COMMON, "median": median, "sd": sd or 1.0, "gate": gate}
    out = {k: full[k] for k in KEYS}
    out.update({k: v for k, v in full.items() if k not in out})
    out.update(extra)
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n"


def term_statistics(table, kind_syn: dict[int, tuple[int, ...]],
                    term_syn: dict[int, tuple[int, ...]], gate: dict) -> dict[str, tuple]:
    """``{"kind": (median, sd), "term": (median, sd), "n": (documents,)}`` of each term's
    ``mean_gain`` over the
    clean validation documents: the kind term's by spin-context3's harness arithmetic
    (``kind_mean_gain``), the added term's by the package's own ``ContextTerm.analyse`` with
    TERM's constants (as each was computed when shipped)."""
    import numpy as np

    from cleannews.score import _context

    texts = read_validation_clean()
    kind = kind_term(table, kind_syn, gate)
    xs = np.array([kind_mean_gain(t, kind) for t in texts])
    out = {"kind": (float(np.median(xs)), float(xs.std()))}
    probe = json.loads(params_json(TERM, 0.0, 1.0, gate, {"synonyms_file": TERM_FILE}))
    term = _context.ContextTerm(table, term_syn, probe)
    xs = np.array([term.analyse(t)["mean_gain"] for t in texts])
    out["term"] = (float(np.median(xs)), float(xs.std()))
    out["n"] = (len(texts),)
    return out


def main() -> int:
    from cleannews.score import _context

    table = _context.get_count_table()
    files = {}
    for splits, k, name in ((KIND_SPLITS, KIND["max_synonyms"], KIND_FILE),
                            (TERM_SPLITS, TERM["max_synonyms"], TERM_FILE)):
        files[name] = synonym_ids(synonym_map(splits), table.ids, table.counts, k)
        (DATA / name).write_bytes(gzip.compress(synonym_lines(files[name]).encode(), mtime=0))
        print(f"{name}: {len(files[name])} checked words", flush=True)
    gate = register_gate()
    stats = term_statistics(table, files[KIND_FILE], files[TERM_FILE], gate)
    (DATA / "context_kind.json").write_text(
        params_json(KIND, *stats["kind"], gate, {"synonyms_file": KIND_FILE}), encoding="utf-8")
    (DATA / "context_term.json").write_text(
        params_json(TERM, *stats["term"], gate, {"backoff": True, "synonyms_file": TERM_FILE}),
        encoding="utf-8")
    print(f"context_kind.json / context_term.json: {stats['n'][0]} clean UD documents",
          flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
