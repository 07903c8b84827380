"""Start-up cost (perf18): what a fresh process loads before and for its first document.

Each test that runs a fresh interpreter checks ``sys.modules`` (or the calls made) there, so
it says what a CLI call, a batch worker or an engine's task pays, not what this pytest process
has loaded already. Speed itself is measured in ``benchmarks/bench_startup.py``.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap

import pytest

from _helpers import ROOT, cli_env, rule_index_snapshot, run_cli
from cleannews.strip import _triggers as t

SEED = ROOT / "seeds" / "000_51a21282db567c1f.txt"


def _fresh(code: str) -> dict:
    """Run ``code`` in a fresh interpreter on this checkout's sources; it prints one JSON
    object as its last line of output, returned here."""
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                         text=True, env=cli_env(), cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


_MODULES = """
import json, sys
heavy = ("ftfy", "numpy", "py3langid", "bs4", "multiprocessing", "concurrent.futures",
         "cleannews.batch.runner", "cleannews.batch.sinks", "cleannews.batch.api")
print(json.dumps(sorted(m for m in heavy if m in sys.modules)))
"""


def test_clean_cli_on_a_french_article_loads_no_batch_runner_nor_ftfy() -> None:
    """``cleannews clean`` on a plain French article: no batch runner or sinks (the parser
    built ``run``'s flags from ``batch.limits``), no ``multiprocessing``, and no ftfy (the
    repair stage's fast path proves the text clean); the output is the API's."""
    import cleannews

    code = (
        "import runpy, sys, atexit\n"
        f"atexit.register(lambda: exec({_MODULES!r}))\n"
        f"sys.argv = ['cleannews', 'clean', {str(SEED)!r}]\n"
        "runpy.run_module('cleannews', run_name='__main__')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=cli_env(), cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    *text, loaded = out.stdout.rstrip("\n").split("\n")
    assert json.loads(loaded) == []
    assert "\n".join(text) == cleannews.clean(SEED.read_bytes()).text.rstrip("\n")


def test_first_document_without_mojibake_does_not_import_ftfy() -> None:
    """A clean French article never imports ftfy; a line of mojibake does, and is repaired
    as before (the stage imports ftfy where a line needs it)."""
    got = _fresh(f"""
        import json, sys
        import cleannews
        doc = cleannews.clean(open({str(SEED)!r}, "rb").read())
        before = "ftfy" in sys.modules
        fixed = cleannews.clean("Le march\\u00c3\\u00a9 a ouvert.").text
        print(json.dumps([doc.language, before, "ftfy" in sys.modules, fixed]))
    """)
    assert got == ["fr", False, True, "Le marché a ouvert."]


def test_batch_package_loads_its_submodules_on_first_use() -> None:
    """``import cleannews.batch.sources`` (what ``cleannews clean`` reads) leaves the runner,
    the sinks and ``multiprocessing`` unloaded; the package's names are still its own."""
    got = _fresh("""
        import json, sys
        import cleannews.batch.sources
        light = sorted(m for m in ("cleannews.batch.runner", "cleannews.batch.sinks",
                                   "cleannews.batch.api", "multiprocessing") if m in sys.modules)
        import cleannews.batch as b
        from cleannews.batch import clean_text, run_batch, BatchOptions, ResumeError
        import cleannews.batch.runner as r, cleannews.batch.process as p
        import cleannews.batch.sinks as s, cleannews.batch.api as a
        same = [run_batch is r.run_batch, BatchOptions is p.BatchOptions,
                ResumeError is s.ResumeError, clean_text is a.clean_text,
                b.available_cpus is r.available_cpus, r.CHUNK_DOCS == 64]
        print(json.dumps([light, same, sorted(set(b.__all__) - set(dir(b)))]))
    """)
    assert got == [[], [True] * 6, []]
    import cleannews.batch

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        cleannews.batch.nope  # noqa: B018


_NO_TEMPFILE = """
import json, sys, tempfile
calls = []
real = tempfile.TemporaryFile
def spy(*a, **k):
    calls.append(1)
    return real(*a, **k)
tempfile.TemporaryFile = spy
import cleannews
doc = cleannews.clean({text!r})
print(json.dumps([doc.language, "py3langid" in sys.modules, len(calls)]))
"""


@pytest.mark.parametrize(("text", "language"), [
    ("Le gouvernement a présenté jeudi son projet de loi de finances.", "fr"),
    ("Il governo ha presentato giovedì il progetto di legge di bilancio.", "it"),
])
def test_the_language_model_is_read_without_a_temporary_file(text: str, language: str) -> None:
    """A short text (too short for the screens) loads py3langid's model: read from its LZMA
    stream, not through py3langid's 68 MB temporary file; the language is the same."""
    pytest.importorskip("py3langid")
    assert _fresh(_NO_TEMPFILE.format(text=text)) == [language, True, 0]


def test_streamed_model_equals_py3langids_own_loader() -> None:
    """The arrays of :func:`_lang._load_streamed` are py3langid's loader's, dtype for dtype
    and element for element, and the identifier is built from them as py3langid builds it."""
    pytest.importorskip("py3langid")
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import load_model

    from cleannews import _lang

    ident = _lang._load_streamed()
    ptc, pc, classes, nextmove, row, output = load_model(MODEL_DIR / MODEL_FILE)
    for mine, theirs in ((ident.nb_ptc, ptc), (ident.nb_pc, pc)):
        assert mine.dtype == theirs.dtype and mine.shape == theirs.shape
        assert np.array_equal(mine, theirs)
    assert ident.nb_classes == classes
    assert ident.tk_nextmove.typecode == nextmove.typecode and ident.tk_nextmove == nextmove
    assert ident.tk_row.typecode == row.typecode and ident.tk_row == row
    assert ident.tk_output == output
    assert _lang._py3langid().__self__.tk_output == output


def test_npz_stream_reader_refuses_what_it_cannot_read() -> None:
    """A compressed ``.npz`` (sizes after the data) raises, so the model falls back to
    py3langid's own loader; an uncompressed one is read back array for array."""
    import io

    import numpy as np

    from cleannews import _lang

    arrays = {"a": np.arange(5, dtype=np.uint16), "b": np.array(["x", "yz"])}
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    got = _lang._read_npz_stream(io.BytesIO(buf.getvalue()))
    assert list(got) == ["a", "b"]
    assert all(np.array_equal(got[k], v) and got[k].dtype == v.dtype for k, v in arrays.items())
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    with pytest.raises(ValueError, match="method 8"):
        _lang._read_npz_stream(io.BytesIO(buf.getvalue()))


# --- the pattern walks of the rule loader, against the former atom-by-atom walks ---------


def _old_atom_end(p: str, i: int) -> int:
    ch = p[i]
    if ch == "\\":
        return i + 2
    if ch == "[":
        j = p.find("]", i + 2)
        return j + 1 if j >= 0 else -1
    return i + 1


def _old_split_alternatives(body: str) -> list[str] | None:
    parts, depth, cur, i = [], 0, [], 0
    while i < len(body):
        end = _old_atom_end(body, i)
        if end < 0:
            return None
        ch = body[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
            i = end
            continue
        cur.append(body[i:end])
        i = end
    parts.append("".join(cur))
    return parts


def _old_group_end(p: str, start: int) -> int:
    depth, i = 0, start
    while i < len(p):
        end = _old_atom_end(p, i)
        if end < 0:
            return -1
        ch = p[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i = end
    return -1


def _old_paren_end(p: str, i: int) -> int:
    _class_end = t._class_end
    depth, j = 0, i
    while j < len(p):
        ch = p[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            j = _class_end(p, j)
            if j < 0:
                return -1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return -1


def _old_first_fragments(
    p: str, skip_common: bool = True, *, at_start: bool = False
) -> set[str] | None:
    """The former ``first_fragments`` (a step per character of the leading word)."""
    changed = True
    while changed:
        changed = False
        for lead in t._LEADING:
            if p.startswith(lead):
                if at_start and lead in t._SPACE_LEADING:
                    return None
                p = p[len(lead) :]
                changed = True
    if not p:
        return None
    if p.startswith("(?:") or (p.startswith("(") and not p.startswith("(?")):
        inner_start = 3 if p.startswith("(?:") else 1
        # audit19: the group ends where _paren_end's walk ends it (tests/test_audit19.py
        # shows both walks alike on the rule data, not on random strings)
        end = _old_paren_end(p, 0) - 1 if _old_paren_end(p, 0) >= 0 else -1
        if end < 0:
            return None
        optional = end + 1 < len(p) and p[end + 1] in "?*"
        rest = p[end + 2 :] if optional else p[end + 1 :]
        if end + 1 < len(p) and p[end + 1] == "{":
            return None
        alts = _old_split_alternatives(p[inner_start:end])
        if alts is None:
            return None
        out: set[str] = set()
        for a in [*alts, ""] if optional else alts:
            f = (_old_first_fragments(a + rest, skip_common, at_start=at_start)
                 if (a or rest) else None)
            if f is None:
                return None
            out |= f
        return out
    if p.startswith("\\d"):
        return {t.DIGIT}
    if p.startswith("\\") and len(p) > 2 and p[2] in "?*" and not p[1].isalnum():
        rest = _old_first_fragments(p[3:], skip_common, at_start=at_start)  # optional symbol: \(?
        return None if rest is None else rest | {p[1]}
    if p.startswith("\\(") or p.startswith("\\["):
        return {p[1]}
    if p[0] in ">":
        return {p[0]}
    if p[0] not in t._META and not p[0].isalnum() and p[0] not in " '-,:;/\"":
        return {p[0].lower()}  # a literal symbol such as © or ▶
    if p.startswith("[") and "]" in p[1:] and "\\" not in p[: p.index("]", 1)]:
        end = p.index("]", 1)
        body = p[1:end]
        # a "-" at either end of the class is itself (not a range): ``[-–•]``; an optional
        # class (``[…]?``) may be absent: its characters are not what every match starts with
        if body and not body.startswith("^") and "-" not in body[1:-1] and (
            p[end + 1 : end + 2] not in ("?", "*", "{")
        ):
            return {c.lower() for c in body}
    word = []
    i = 0
    stops = t._META if at_start else t._WORD_STOPS
    while i < len(p) and p[i] not in stops:
        word.append(p[i])
        i += 1
    exact = True
    if i >= len(p):
        exact = False  # the pattern may end inside a longer word ("consent" in "consentez")
    elif word and p[i] != "(" and t._run_on_possible(p, i):
        exact = False  # the separator after the word may be absent: "user ?name", "user\\s?name"
    elif p[i] in "?*{" and word:
        word.pop()  # the last character is optional
        exact = False
    elif p[i] == "-" and p[i + 1 : i + 2] in ("?", "*"):
        exact = False
    elif p[i : i + 2] in ("\\.", "\\)", "\\?", "\\!", "\\,"):
        exact = True  # an escaped punctuation mark ends the word
    elif p[i] in "([\\." and not p.startswith("\\b", i) and not p.startswith(
        "\\s", i
    ):
        exact = False
    frag = "".join(word).lower()
    if at_start and frag:
        return {frag if exact else frag + "*"}
    if not frag or not frag.isalpha():
        return None
    if skip_common and exact and frag in t.COMMON and i < len(p) and p[i] in " '":
        # "la newsletter …": the frequent first word filters nothing; use the next one
        nxt = _old_first_fragments(p[i + 1 :], skip_common, at_start=at_start)
        if nxt is not None and t.DIGIT not in nxt and all(
            len(x.rstrip("*")) >= 3 or not x.rstrip("*").isalpha() for x in nxt
        ):
            return nxt
    return {frag if exact else frag + "*"}


def _old_top_level_spans(p: str) -> list[tuple[int, int, int]] | None:
    """The former ``_top_level_spans`` (a call per atom for its quantifier)."""
    if t.regex_verbose_flag(p):
        return None
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < len(p):
        ch = p[i]
        if ch == "|":
            return None
        if ch in "([":
            # a group or a class: what it matches is not read
            end = (_old_paren_end if ch == "(" else t._class_end)(p, i)
            if end < 0:
                return None
        elif ch == "\\":
            nxt = p[i + 1 : i + 2]
            if nxt and nxt in t._ESCAPED_LITERAL:
                end = i + 2
            elif nxt in ("p", "P", "N", "X") and p[i + 2 : i + 3] == "{":
                k = p.find("}", i)
                if k < 0:
                    return None
                end = k + 1
            elif nxt in ("x", "u", "U", "0", "o", "g") or nxt.isdigit():
                return None  # code point escapes and backreferences: not read
            else:
                end = i + 2
        elif ch in "?*+{" and t._quantifier_end(p, i) > i:
            return None  # a quantifier with nothing before it: not a pattern we read
        else:
            end = i + 1
        q = t._quantifier_end(p, end)
        out.append((i, end, q))
        i = q
    return out


def _rule_patterns() -> list[str]:
    from cleannews.config import RULE_LANGUAGES
    from cleannews.strip._rules import _rule_file

    out = []
    for lang in RULE_LANGUAGES:
        data = _rule_file(lang)
        for r in data.get("rules", ()):
            out.extend(r["patterns"])
        for p in data.get("protect", ()):
            out.extend(p["patterns"])
        for key in ("paywall_panel_phrases", "paywall_offer_phrases"):
            out.extend(data.get(key, ()))
    return out


def _walk_inputs() -> list[str]:
    """Every rule pattern, its suffixes from each ``(`` / ``[`` / ``\\`` / ``|`` (where the
    walks start inside a pattern), and random strings of the characters the walks read."""
    pats = _rule_patterns()
    out = list(pats)
    for p in pats:
        out.extend(p[i:] for i, c in enumerate(p) if c in "([\\|")
    rnd = random.Random(18)
    alphabet = "ab é(|)[]\\?*+{},:^-'"
    out += ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 14)))
            for _ in range(20_000)]
    return out


def test_group_walks_equal_the_atom_by_atom_walks() -> None:
    """``_split_alternatives``, ``_group_end`` and ``_paren_end`` jump between the characters
    they act on, ``first_fragments`` reads its leading word in one match and
    ``_top_level_spans`` tests for a quantifier before calling its reader; on every rule
    pattern (all languages, every suffix a walk can start at) and 20,000 random strings of
    brackets, bars, escapes and quantifiers they answer as the former walks."""
    inputs = _walk_inputs()
    assert len(inputs) > 20_000 + 2_000
    for s in inputs:
        assert t._split_alternatives(s) == _old_split_alternatives(s), s
        assert t._top_level_spans(s) == _old_top_level_spans(s), s
        for skip in (True, False):
            for at_start in (True, False):
                assert (t.first_fragments(s, skip, at_start=at_start)
                        == _old_first_fragments(s, skip, at_start=at_start)), s
        starts = [i for i, c in enumerate(s) if c == "("] or [0]
        for i in starts:
            # audit19: _group_end is _paren_end's walk (classes read by _class_end), one
            # before its answer; on the rule data's groups it answers as the former walk
            # (tests/test_audit19.py), not on random strings (an escaped "]" in a class)
            old_end = _old_paren_end(s, i)
            assert t._group_end(s, i) == (old_end - 1 if old_end >= 0 else -1), (s, i)
            if s[i : i + 1] == "(":
                assert t._paren_end(s, i) == old_end, (s, i)


def test_rule_index_is_unchanged_by_the_faster_walks(monkeypatch) -> None:
    """The literal analysis of every rule (triggers, gates, match starts) built with the
    former walks equals the one built with the new ones, for every language's rules."""
    from cleannews.strip import _rules

    new = rule_index_snapshot()
    monkeypatch.setattr(t, "_split_alternatives", _old_split_alternatives)
    monkeypatch.setattr(t, "_group_end", _old_group_end)
    monkeypatch.setattr(t, "_paren_end", _old_paren_end)
    monkeypatch.setattr(t, "first_fragments", _old_first_fragments)
    monkeypatch.setattr(t, "_top_level_spans", _old_top_level_spans)
    old = rule_index_snapshot()
    _rules.required_any.cache_clear()
    assert new == old


def test_cli_outputs_of_the_seeds_are_the_apis() -> None:
    """The command line's text of every seed equals ``cleannews.clean``'s (both lazily
    loaded paths, ftfy and the batch modules, give the same output)."""
    import cleannews

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    out = run_cli("clean", "--json", *seeds)
    assert out.returncode == 0, out.stderr
    got = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [g["text"] for g in got] == [cleannews.clean(p.read_bytes()).text for p in seeds]
    assert [g["spin"]["score"] for g in got] == [
        cleannews.clean(p.read_bytes()).spin.score for p in seeds]
