"""Round 19 (perf19): the fast paths equal the code they replace, on real and generated input.

* ``_features._new_token_info`` (the facts of a new token type written out in one function)
  equals ``token_info_reference`` (``token_facts_reference`` + ``_grammar_bits`` + the flag
  code, the former ``_token_info``) on every token type of the development texts and on generated
  tokens; the collocation switch that ``tools/spin`` turns on at run time is read on every
  call, not cached with the lexicon.
"""

from __future__ import annotations

import gzip
import json
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _helpers import EveryWordTable
from cleannews.score import _features as F
from cleannews.score._pos import word_class

ROOT = Path(__file__).resolve().parents[1]


def token_facts_reference(t: str) -> tuple:
    """The first ten fields of ``_token_info``, each computed by its own readable step
    (``word_class``, the masks, the content-word stats): the package's ``_token_facts``
    until round 26, kept here, its only user."""
    low = t.lower()
    p = F.get_lexicon().words.get(low, 0)
    c0 = t[0]
    if t == "\n":
        return (low, 0, "BOS", F.KIND_BREAK, False, False, False, None, False, None)
    if not c0.isalnum():
        return (
            low,
            p,
            word_class(t, low, p, F.FUNCTION_WORDS),
            F.KIND_PUNCT,
            False,
            False,
            False,
            None,
            False,
            None,
        )
    cls = word_class(t, low, p, F.FUNCTION_WORDS)
    m_n, m_a, m_verb, _np, _ns, _nm, _nf, _am, _af, _hasp, m_vppr, _v = F._reading_masks()
    trig = (
        (low[-1] in "'’" and len(low) > 1)
        or low in F.TRIGGERS
        or bool(p & m_n and not p & (m_a | m_verb) and c0.islower())
    )
    stats = None
    kind = F.KIND_WORD
    pos_checked = False
    if (
        c0.islower()
        and len(low) >= F.MIN_CONTENT_LEN
        and low not in F.FUNCTION_WORDS
        and low.isalpha()
    ):
        kind = F.KIND_CONTENT
        z = (p & F.ZIPF_MASK) / 10
        pos_checked = (
            F.ZIPF_RARE_WORD <= z < F.ZIPF_POS_COMMON and not p & m_vppr and low not in F.NUMERALS
        )
        g = (p >> F.GAP_SHIFT) & F.ZIPF_MASK
        gap = (g - F.GAP_OFFSET) / 10 if g else 0.0
        noun_adj = bool(p & (m_n | m_a))
        # below F.ZIPF_RARE_WORD a word is field vocabulary ("anhydre"), not a synonym
        # choice; inflected verb forms are rarer than their lemma, so only nouns and
        # adjectives are evidence
        syn_ok = noun_adj and bool(g) and z >= F.ZIPF_RARE_WORD
        rare_syn = syn_ok and gap >= F.GAP_RARE_SYNONYM and z < F.ZIPF_RARE_SYNONYM
        stats = (
            max(0.0, 4.0 - z) if p else 0.0,
            max(0.0, gap),
            int(syn_ok and gap >= F.GAP_WEAK_SYNONYM and z < F.ZIPF_WEAK_SYNONYM),
            int(syn_ok and gap >= F.GAP_STRONG_SYNONYM and z < F.ZIPF_STRONG_SYNONYM),
            rare_syn,
            (not rare_syn) and bool(p) and z < F.ZIPF_RARE_WORD and noun_adj,
            F._llr_of(p),
        )
    ctx = (
        F.get_context_table().entry(t)
        if len(t) >= F.MIN_COLLOCATION_LEN and F.collocation_enabled()
        else None
    )
    return (low, p, cls, kind, trig, low in F.STOP_FR, low in F.STOP_EN, stats, pos_checked, ctx)


def token_info_reference(t: str) -> tuple:
    """``_token_info`` of ``t`` computed from ``token_facts_reference`` and ``_grammar_bits``, not
    cached: the readable definition that ``_new_token_info`` (what ``_token_info`` runs)
    writes out in one function (the package's ``_token_info`` before perf19; kept here, its
    only user, since perf20).

    >>> token_info_reference("afin")[4], token_info_reference("\\n")[3] == F.KIND_BREAK
    (True, True)
    """
    base = token_facts_reference(t)
    low, p, _cls, kind, trig, fr, en, stats = base[:8]
    flags = F.F_BREAK if kind == F.KIND_BREAK else 0
    gap = lowz = llr = 0.0
    rare = F.RARE_NONE
    if kind in (F.KIND_WORD, F.KIND_CONTENT):
        flags |= F.F_WORD
        if fr:
            flags |= F.F_FR
        elif en:
            flags |= F.F_EN
    if stats is not None:
        lowz, gap, weak, strong, rare_syn, rare_word, llr = stats
        flags |= F.F_CONTENT
        if weak:
            flags |= F.F_WEAK
        if strong:
            flags |= F.F_STRONG
        if llr > F.LLR_HIGH:
            flags |= F.F_LLR_HIGH
        if rare_syn:
            rare = F.RARE_SYNONYM
            flags |= F.F_RARE_SYN
        elif rare_word:
            rare = F.RARE_WORD
            flags |= F.F_RARE_WORD
    if base[F.I_POS_CHECKED]:
        flags |= F.F_CHECKED
    need, role = F._grammar_bits(t, low, p, trig)
    if need:
        flags |= F.F_TRIGGER
    return (*base, F._code(flags), gap, lowz, llr, rare, need, role)


def _same(a: tuple, b: tuple) -> bool:
    """Equal fields of equal types (``True`` is not ``1`` here: a cached tuple is read by
    position, and a type change could move a sum or a ``repr``)."""
    return a == b and all(type(x) is type(y) for x, y in zip(a, b, strict=True))


@pytest.fixture(scope="module")
def dev_token_types(strip_real_docs) -> list[str]:
    """Every distinct token (``_split_tokens``) of the seeds, the TRAIN pages of
    ``fixtures/strip_real`` and every 20th document of the spin validation set, in order."""
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [doc for rec, doc, _ in strip_real_docs.values() if rec["split"] == "train"]
    valid = ROOT / "fixtures" / "spin" / "validation.jsonl.gz"
    with gzip.open(valid, "rt", encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in islice(fh, 0, None, 20)]
    types: dict[str, None] = {}
    for text in texts:
        types.update(dict.fromkeys(F._split_tokens(text)[1::2]))
    return list(types)


#: Tokens at the edges of the tests: breaks, apostrophes alone and elided, case variants,
#: h words, "y", numbers and digit-like characters, folding and titlecase letters.
EDGE_TOKENS = [
    "\n", "’", "'", "-", "«", "»", "…", "l’", "L'", "qu’", "jusqu'", "d’", "AUJOURD’HUI",
    "Aujourd’hui", "Été", "été", "HÔTEL", "hôtel", "Hôtel", "haricot", "homme", "héros", "y",
    "Y", "yaourt", "2023", "3e", "½", "²", "Ⅻ", "ÉTATS-UNIS", "états-unis", "é", "x", "afin",
    "Afin", "double", "de", "à", "les", "le", "Le", "LE", "la", "des", "deux", "vingt", "un",
    "une", "ces", "ONU", "İstanbul", "ǅemal", "ß", "ﬁn", "fonction", "fonctions", "belle",
    "beaux", "pluriannuelle", "Paris", "paris", "xyzzyq", "Xyzzyq",
]


def test_new_token_info_equals_the_reference_on_every_development_type(dev_token_types):
    assert len(dev_token_types) > 20_000
    bad = [t for t in dev_token_types + EDGE_TOKENS
           if not _same(F._new_token_info(t), token_info_reference(t))]
    assert bad == []


def test_token_info_caches_what_the_reference_computes(dev_token_types):
    sample = dev_token_types[::7] + EDGE_TOKENS
    saved = dict(F._INFO)
    try:
        F._INFO.clear()
        F._LLR_OF.clear()
        got = F._infos(sample, known_new=True)
        assert all(_same(g, token_info_reference(t)) for g, t in zip(got, sample, strict=True))
        assert all(F._INFO[t] is g for g, t in zip(got, sample, strict=True))
    finally:
        F._INFO.clear()
        F._INFO.update(saved)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
               min_size=1, max_size=12))
def test_new_token_info_equals_the_reference_on_generated_tokens(text):
    for tok in [text, *F._split_tokens(text)[1::2]]:
        assert _same(F._new_token_info(tok), token_info_reference(tok))


def test_the_collocation_switch_is_read_on_every_call(monkeypatch):
    """``tools/spin`` sets ``_COLLOCATION[:] = [True]`` for a fit and restores it after: the
    fast path must follow (a cached switch would keep the first value). The shipped table
    is empty (the feature has weight 0), so a table that knows every word stands in."""

    monkeypatch.setattr(F, "get_context_table", EveryWordTable)
    F.collocation_enabled()
    saved = list(F._COLLOCATION)
    words = ["maison", "Projet", "l’", "a", ","]
    try:
        for on in (True, False, True, False):
            F._COLLOCATION[:] = [on]
            for w in words:
                new, ref = F._new_token_info(w), token_info_reference(w)
                assert _same(new, ref)
                looked_up = on and len(w) >= F.MIN_COLLOCATION_LEN and w[0].isalnum()
                expect = (len(w), 7) if looked_up else None
                assert new[F.I_CTX] == expect, (on, w)
    finally:
        F._COLLOCATION[:] = saved


# --- module-level patterns compiled on first use (cleannews._lazyre) -------------------------

#: The modules whose module-level patterns a French ``cleannews clean`` need not compile.
LAZY_MODULES = (
    "cleannews._input", "cleannews.config", "cleannews.document", "cleannews.repairs.fixes",
    "cleannews.score._stream", "cleannews.strip._keep", "cleannews.strip._pagekind",
    "cleannews.strip._widgets", "cleannews.strip._zones", "cleannews.strip.detectors",
)


def _lazy_patterns():
    import importlib

    from cleannews._lazyre import CompiledPattern

    out = []
    for name in LAZY_MODULES:
        mod = importlib.import_module(name)
        out += [(f"{name}.{k}", v) for k, v in vars(mod).items() if isinstance(v, CompiledPattern)]
    return out


def test_lazy_patterns_compile_to_what_the_module_compiled(strip_real_docs):
    """Each lazy pattern, once used, is its engine's compile of the same source and flags and
    finds the same matches on real lines (the TRAIN pages' first lines and the seeds)."""
    import re

    import regex

    pats = _lazy_patterns()
    assert len(pats) >= 45
    lines = [ln for p in sorted((ROOT / "seeds").glob("*.txt"))
             for ln in p.read_text("utf-8").splitlines()]
    lines += [ln for rec, doc, _ in list(strip_real_docs.values())[::9] if rec["split"] == "train"
              for ln in doc.splitlines()[:60]]
    for name, lazy in pats:
        engine = re if lazy._engine is re else regex
        ref = engine.compile(lazy.pattern, lazy._flags)
        assert (lazy.pattern, lazy.flags, lazy.groups) == (ref.pattern, ref.flags, ref.groups), name
        if isinstance(lazy.pattern, bytes):
            sample = [ln.encode("utf-8") for ln in lines]
        else:
            sample = lines
        for ln in sample:
            assert [m.span() for m in lazy.finditer(ln)] == [m.span() for m in ref.finditer(ln)]


def test_a_lazy_pattern_becomes_a_plain_holder_after_its_first_use():
    import threading

    import regex

    from cleannews._lazyre import CompiledPattern, LazyPattern

    lazy = LazyPattern(r"(?i)\bdé(but|part)\b")
    assert lazy.compiled_or_none() is None and lazy.pattern == r"(?i)\bdé(but|part)\b"
    got, barrier = [], threading.Barrier(8)

    def first_use():
        barrier.wait()
        got.append([m.group(1) for m in lazy.finditer("Départ et DÉBUT, débuts")])

    threads = [threading.Thread(target=first_use) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [["part", "BUT"]] * 8
    assert type(lazy) is CompiledPattern and "__getattr__" not in vars(CompiledPattern)
    assert isinstance(lazy.compiled_or_none(), regex.Pattern)
    assert lazy.search is lazy.__dict__["search"]  # held: no hook, no new bound method
    with pytest.raises(AttributeError):
        lazy.no_such_attribute  # noqa: B018


def test_a_french_clean_leaves_the_unneeded_patterns_uncompiled():
    """In a fresh process, ``clean`` of a French seed compiles none of the patterns that the
    seeds never need (the start-up saving this round measured)."""
    import subprocess
    import sys

    code = (
        "import sys, cleannews\n"
        "from cleannews.repairs import fixes\n"
        "from cleannews.strip import _keep, detectors\n"
        "cleannews.clean(open(sys.argv[1], 'rb').read())\n"
        "pats = [fixes._WINDOWS1250_RE, fixes._IN_WORD_MOJIBAKE_RE, _keep._DAY, _keep._CLOCK,\n"
        "        detectors._SPEAKER_TAG, detectors._FACT_LINE]\n"
        "print(sum(p.compiled_or_none() is None for p in pats), len(pats))\n"
    )
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    out = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True,
                         text=True, check=True, env=_helpers_env()).stdout.split()
    assert out == ["6", "6"]


def _helpers_env() -> dict:
    from _helpers import cli_env

    return cli_env()


def test_the_gate_style_counts_equal_counter_update():
    """``ContextTerm.style_add`` counts the gate's words with ``collections._count_elements``
    (``Counter.update`` without its Python frame): the same counts, in the same order, as
    ``Counter.update`` on real paragraphs."""
    from collections import Counter

    from cleannews.score._context import context_tokens, get_context_term

    term = get_context_term()
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for text in texts:
        acc = term.new_style()
        ref = Counter()
        for para in text.split("\n"):
            toks = [t for t, _ in context_tokens(para)]
            term.style_add(acc, toks)
            ref.update(filter(term.gate_set.__contains__, toks))
        assert acc[0] == ref and list(acc[0].items()) == list(ref.items())
        assert sum(ref.values()) > 0
