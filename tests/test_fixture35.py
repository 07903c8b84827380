"""One path to the TRAIN pages: an unscored batch stays out of every reader (issue 10, round 30).

``fixtures/strip_real/unscored.json`` lists the round's transfer check, fresh TRAIN batches
nobody may clean before the lead has scored them. ``cleannews.evaluate.read_corpus`` leaves
their pages out unless ``unscored=True``, and every reader goes through it: the tests' one
loader (``_helpers.train_pages`` / ``train_doc``), the ``strip_real_docs`` fixture and the
regression pins, the strip model's training reader, the stress set, ``cleannews.evaluate
--split train``; ``tools/strip_corpus/score_batches.py`` reads them only when they are named
(the lead's ``--half r32``). Here a TRAIN batch is made unscored for the test (the reader
monkeypatched, or a copy of the corpus with its own ``unscored.json``): no reader yields its
pages. A static check keeps every test file off the corpus files but through the loader.
"""

from __future__ import annotations

import ast
import json
import shutil
import sys
from pathlib import Path

import pytest
from tools.mutate import _docstrings  # the same docstring finder the mutation tool skips

import _helpers
from _helpers import CORPUS, ROOT, train_doc, train_pages, unscored
from cleannews import evaluate

#: A TRAIN batch made unscored for these tests (a round-8 batch: ``train_pages(batches=…)``
#: draws name it) and one of its pages.
FAKE = frozenset({"it-c"})
FAKE_PAGE = "it-c-0009"


@pytest.fixture
def fake_unscored(monkeypatch):
    """``it-c`` is an unscored batch while the test runs (every reader asks
    ``cleannews.evaluate.unscored_batches``)."""
    real = evaluate.unscored_batches
    monkeypatch.setattr(evaluate, "unscored_batches", lambda root: real(root) | FAKE)
    return FAKE


def _batches(pages) -> set[str]:
    return {evaluate.page_batch(rec["id"]) for rec, *_ in pages}


def test_the_shipped_list_is_the_one_list():
    """``_helpers.UNSCORED_BATCHES`` is what ``unscored.json`` says, read by the package."""
    listed = frozenset(json.loads((CORPUS / "unscored.json").read_text("utf-8"))["batches"])
    assert _helpers.UNSCORED_BATCHES == listed == evaluate.unscored_batches(CORPUS)


def test_the_fake_batch_is_read_when_nothing_is_unscored():
    """Without the fake, the batch is TRAIN and every reader yields it (so the tests below
    see a difference)."""
    assert FAKE & _batches(train_pages())
    assert train_doc(FAKE_PAGE)[0]
    assert not unscored(FAKE_PAGE)


def test_the_test_loader_leaves_the_batch_out(fake_unscored, round8_train_batches):
    assert _helpers.UNSCORED_BATCHES >= FAKE and unscored(FAKE_PAGE)
    assert not FAKE & _batches(train_pages())
    assert not train_pages(batches=FAKE)
    assert not FAKE & _batches(train_pages(batches=round8_train_batches))
    with pytest.raises(AssertionError, match=FAKE_PAGE):
        train_doc(FAKE_PAGE)
    asked = train_pages(unscored=True)  # a check that counts them, asked for by name
    assert FAKE <= _batches(asked)
    every_unscored = train_pages(_helpers.UNSCORED_BATCHES, unscored=True)  # FAKE + the real list
    assert len(asked) == len(train_pages()) + len(every_unscored)


def test_the_fixture_reader_and_the_pins_leave_the_batch_out(fake_unscored):
    """``read_corpus(CORPUS)`` is the ``strip_real_docs`` fixture's and the regression pins'
    call (TRAIN and the first TEST list); no split reads the batch."""
    every = evaluate.read_corpus(CORPUS, ("train",))
    assert every and not FAKE & _batches(every)
    assert not FAKE & _batches(evaluate.read_corpus(CORPUS))
    assert FAKE & _batches(evaluate.read_corpus(CORPUS, ("train",), unscored=True))


def test_the_training_reader_leaves_the_batch_out(fake_unscored):
    sys.path.insert(0, str(ROOT))
    from tools.strip_model.train import read_train_corpus

    pages = read_train_corpus()
    assert pages and not FAKE & _batches(pages)
    assert FAKE <= _batches(read_train_corpus(unscored=True))


def test_the_stress_set_and_recombined_pages_leave_the_batch_out(fake_unscored):
    sys.path.insert(0, str(ROOT))
    from tools.strip_model.stress import read_sources

    pids = {s.pid for s in read_sources() if not s.site.startswith("seed:")}
    assert pids == {rec["id"] for rec, _, _ in train_pages()}
    with pytest.raises(IndexError):  # the batch's furniture alone: there is none to draw
        evaluate.recombined_pages(ROOT / "fixtures", 3, 1, batches=FAKE)


def test_evaluate_split_train_leaves_the_batch_out(fake_unscored, monkeypatch):
    """``cleannews.evaluate --split train`` cleans the pages it reads: none of the batch (the
    cleaner is stubbed to record what it is given)."""
    seen: list[str] = []

    def record(doc: str, is_html: bool):
        seen.append(doc)
        return doc, None

    monkeypatch.setattr(evaluate, "_clean_traced", record)
    monkeypatch.setattr(evaluate, "_survival", lambda labelled, *a: [True] * len(labelled))
    result = evaluate.evaluate_corpus(CORPUS, split="train")
    assert result["pages"] == len(seen) == len(train_pages())
    fake_docs = {doc for _, doc, _ in train_pages(FAKE, unscored=True)}
    assert fake_docs and not fake_docs & set(seen)


def test_score_batches_reads_the_batch_only_when_named(fake_unscored, capsys):
    sys.path.insert(0, str(ROOT))
    from tools.strip_corpus import score_batches as sb

    assert sb.named_unscored(("it-c", "fr-a")) == ["it-c"]
    assert sb.named_unscored(sb.HALVES["old"]) == ["it-c"]  # round 8's batches hold it
    counts = sb.line_counts(("it-c",))  # read, never cleaned: the lead's count
    assert counts["pages"] == len(train_pages(FAKE, unscored=True)) > 0
    assert sb.named_unscored(sb.HALVES["dev"]) == []


def test_a_corpus_copy_with_its_own_list(tmp_path):
    """The list is a file of the corpus: a copy naming ``it-c`` in ``unscored.json`` has the
    batch read by no default reader, and the same pages as the original without it."""
    copy = tmp_path / "strip_real"
    (copy / "pages" / "it").mkdir(parents=True)
    (copy / "manifests").mkdir()
    for batch in ("it-c", "it-d"):
        shutil.copy(CORPUS / "manifests" / f"{batch}.jsonl", copy / "manifests")
    for page in (CORPUS / "pages" / "it").glob("it-[cd]-*.txt"):
        shutil.copy(page, copy / "pages" / "it")
    shutil.copy(CORPUS / "split.json", copy / "split.json")
    before = [r["id"] for r, _, _ in evaluate.read_corpus(copy, ("train",))]
    assert FAKE & {evaluate.page_batch(x) for x in before}
    (copy / "unscored.json").write_text(json.dumps({"batches": sorted(FAKE)}), "utf-8")
    assert evaluate.unscored_batches(copy) == FAKE
    after = [r["id"] for r, _, _ in evaluate.read_corpus(copy, ("train",))]
    assert after == [x for x in before if not x.startswith("it-c-")] and after
    assert [r["id"] for r, _, _ in evaluate.read_corpus(copy, ("train",), unscored=True)] == before
    (copy / "unscored.json").write_text(json.dumps({"batches": []}), "utf-8")
    assert [r["id"] for r, _, _ in evaluate.read_corpus(copy, ("train",))] == before


# --- no other path to the corpus files ------------------------------------------------------

#: Test files that read ``fixtures/strip_real`` otherwise than through ``_helpers.train_pages``
#: / ``train_doc`` (or the fixtures of ``conftest.py``), and why.
RAW_READERS = {
    "_helpers.py": "the loader itself (train_pages, corpus_records)",
    "conftest.py": "strip_real_docs: read_corpus's default, TRAIN and the first TEST list",
    "test_fixture35.py": "these checks",
    "test_strip_real_gate.py": "the held-out gate (the lead's)",
    "test_corpus27.py": "the split's mechanics on every list and on synthetic corpora",
    "test_corpus_t5.py": "the fifth list's split mechanics, ids and raw answers (round 34)",
    "test_strip_test3.py": "the third held-out list's freeze and readers",
    "test_fresh_batches.py": "the fresh batches' pages and counts, read without cleaning",
    "test_strip_regression.py": "the strip pins (TRAIN and the first TEST list)",
    "test_clean_regression.py": "the clean pins (TRAIN and the first TEST list)",
    "test_strip_model_training.py": "the training reader's hold-out, on a copy of split.json",
    "test_strip_model_curve.py": "the training reader (tools/strip_model/train.py) under test",
    "test_strip_model_errors.py": "the training reader under test",
    "test_strip_rule_support.py": "the training reader under test",
    "test_retrain35.py": "the training reader's leave-batch-out switch under test",
    "test_spin_context_clean.py": "'strip_real' names a source family of the spin build",
}
#: Calls that read corpus pages by themselves.
READERS = {"read_corpus", "read_train_corpus"}


def corpus_reads(source: str) -> list[str]:
    """What a test file's code (docstrings and comments aside) does to reach the corpus
    files: a string naming ``strip_real``, a call of :data:`READERS`.

    >>> corpus_reads('p = ROOT / "fixtures" / "strip_real" / "pages"\\nread_corpus(p)')
    ["'strip_real' (line 1)", 'read_corpus (line 2)']
    >>> corpus_reads("'''Pages of fixtures/strip_real.'''\\npages = train_pages()")
    []
    """
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in skip and "strip_real" in node.value):
            found.append(f"{node.value[:40]!r} (line {node.lineno})")
        elif isinstance(node, ast.Call):
            f = node.func
            name = getattr(f, "id", None) or getattr(f, "attr", "")
            if name in READERS:
                found.append(f"{name} (line {node.lineno})")
    return sorted(found, key=lambda x: int(x.rsplit(" ", 1)[1].rstrip(")")))


def test_no_test_file_reads_the_corpus_but_through_the_loader():
    here = Path(__file__).parent
    bad = {p.name: corpus_reads(p.read_text("utf-8")) for p in sorted(here.glob("*.py"))
           if p.name not in RAW_READERS}
    assert {k: v for k, v in bad.items() if v} == {}
    assert all((here / name).exists() for name in RAW_READERS)  # no stale entry


def test_the_raw_readers_still_read_the_corpus():
    """Each allowed file does reach the corpus files (an entry that no longer does goes)."""
    here = Path(__file__).parent
    assert [n for n in RAW_READERS if not corpus_reads((here / n).read_text("utf-8"))] == []


#: Tools and benchmarks that name ``fixtures/strip_real`` without reading its pages through
#: ``cleannews.evaluate.read_corpus`` (which leaves the unscored batches out), and why.
TOOL_RAW_READERS = {
    "benchmarks/identity16.py": "hashes every page file's output; leaves unscored.json's out",
    "benchmarks/oracle_strip.py": "its child script reads through read_corpus",
    "tools/copies/build_eval.py": "batch fr-b only (the copies evaluation)",
    "tools/spin/build.py": "the spin build's input list (paths, for its manifest)",
    "tools/spin/build_context_clean.py": "every page's shingles reserved (kept out of counts)",
    "tools/spin/build_context_term.py": "the register gate's frozen page ids",
    "tools/strip_corpus/common.py": "building and checking the corpus (check.py, gathering)",
    "tools/strip_model/train_runs.py": "a description of the training data (a string)",
}


def test_tools_read_the_corpus_through_read_corpus():
    """A tool or benchmark naming the corpus reads it with ``read_corpus`` /
    ``read_train_corpus``, or is listed with its reason."""
    files = sorted([*(ROOT / "tools").rglob("*.py"), *(ROOT / "benchmarks").glob("*.py")])
    raw = []
    for p in files:
        found = corpus_reads(p.read_text("utf-8"))
        if any(x.startswith("'") for x in found) and not any(x[0] != "'" for x in found):
            raw.append(p.relative_to(ROOT).as_posix())
    assert sorted(raw) == sorted(TOOL_RAW_READERS)


def test_identity_pages_leave_the_batch_out(fake_unscored):
    from _helpers import load_script

    identity = load_script(ROOT / "benchmarks" / "identity16.py", "identity16")
    names = {Path(name).stem for name, _ in identity.text_pages()}
    assert names and not {evaluate.page_batch(n) for n in names} & FAKE
