"""Test-wide settings.

In CI (``CI`` set in the environment) hypothesis runs derandomized, so a run
is reproducible: the same examples every time. Locally it explores new ones.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import settings

from _helpers import CORPUS, read_jsonl


def _model_cache() -> str:
    """Where this run keeps py3langid's model uncompressed (``cleannews._lang.MODEL_CACHE_ENV``):
    the first process that needs the model writes it, every other test process and
    command-line child (they inherit the variable) memory-maps it instead of decompressing
    68 MB, about 0.4 s of CPU each (``tests/test_ci51.py`` checks that the arrays are the same).

    In this checkout's pytest cache, under the hash of the ``_lang.py`` that writes it, so a
    copy written by other code is never read. Empty (no copy) in a mutation run
    (``tools/mutate.py`` names its mutated sources in ``CLEANNEWS_TEST_SRC``): a mutant of
    ``_lang.py`` must not leave a copy that later runs read. Set the variable to choose
    (empty: no copy)."""
    if os.environ.get("CLEANNEWS_TEST_SRC"):
        return ""
    root = Path(__file__).resolve().parent.parent
    try:
        code = (root / "src" / "cleannews" / "_lang.py").read_bytes()
    except OSError:  # no sources beside the tests: no copy
        return ""
    return str(root / ".pytest_cache" / "cleannews-model" / hashlib.sha256(code).hexdigest()[:12])


os.environ.setdefault("CLEANNEWS_MODEL_CACHE", _model_cache())

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def _read_jsonl_gz(folder: Path) -> list[dict]:
    return [r for path in sorted(folder.glob("*.jsonl.gz")) for r in read_jsonl(path)]


@pytest.fixture
def read_jsonl_gz():
    """Every record of a folder's ``*.jsonl.gz`` files, file by file (datatrove writers' output)."""
    return _read_jsonl_gz


#: The TRAIN batches of ``fixtures/strip_real`` before round 9 added pages (``de-e``, ``it-e``,
#: ``es-e``, ``en-e`` and later batches). Tests that draw seeded pages from the TRAIN furniture
#: or pages (recombined pages, the stress set) pass these so that adding pages does not change
#: their draw (as ``tests/test_strip_recombined.py`` does with its own, older list).
ROUND8_TRAIN_BATCHES = frozenset({
    "de-c", "de-d", "de-m", "en-d", "en-m", "es-c", "es-d", "es-m",
    "fr-a", "fr-b", "fr-c", "fr-d", "it-c", "it-d", "it-m",
})


@pytest.fixture(scope="session")
def round8_train_batches() -> frozenset[str]:
    """:data:`ROUND8_TRAIN_BATCHES`: e.g. ``"fr-a" in round8_train_batches``."""
    return ROUND8_TRAIN_BATCHES


#: The TRAIN batches before round 27 added its fresh pages (``fr-r27`` … ``en-r27``, branch
#: labels29): the round-8 batches and round 9's. Tests that drew their seeded pages from every
#: TRAIN batch up to round 26 pass these so that the round-27 pages do not change their draw.
ROUND26_TRAIN_BATCHES = ROUND8_TRAIN_BATCHES | frozenset({
    "fr-e", "fr-f", "fr-g", "fr-h", "de-e", "it-e", "es-e", "en-e",
})


@pytest.fixture(scope="session")
def round26_train_batches() -> frozenset[str]:
    """:data:`ROUND26_TRAIN_BATCHES`: e.g. ``"fr-e" in round26_train_batches``."""
    return ROUND26_TRAIN_BATCHES


#: The TRAIN batches before round 28 added its fresh pages (``fr-r28`` … ``en-r28``, branch
#: labels30): the batches up to round 26 and round 27's fresh ones. Tests that drew their seeded
#: pages from every TRAIN batch up to round 27 pass these so that the round-28 pages do not
#: change their draw.
ROUND27_TRAIN_BATCHES = ROUND26_TRAIN_BATCHES | frozenset({
    "fr-r27", "de-r27", "es-r27", "it-r27", "en-r27",
})


@pytest.fixture(scope="session")
def round27_stress_sources() -> list:
    """The stress generator's sources (``tools.strip_model.stress.read_sources``) as they were
    up to round 27: the seeds and the TRAIN pages of :data:`ROUND27_TRAIN_BATCHES`, so that
    newer TRAIN pages do not change a seeded draw a test names its pages from."""
    from tools.strip_model.stress import read_sources

    from cleannews.evaluate import page_batch

    return [s for s in read_sources()
            if s.site.startswith("seed:") or page_batch(s.pid) in ROUND27_TRAIN_BATCHES]


@pytest.fixture(scope="session")
def strip_real_docs() -> dict:
    """The labelled real-page corpus, ``{page id: (record, page text, labelled lines)}``
    (TRAIN and the first TEST list, ``read_corpus``'s default: tests that use it say which
    split they read; the pages of ``_helpers.UNSCORED_BATCHES`` are not read)."""
    from cleannews.evaluate import read_corpus

    return {rec["id"]: (rec, doc, lab) for rec, doc, lab in read_corpus(CORPUS)}


@pytest.fixture(scope="session")
def strip_real_pages(strip_real_docs) -> dict:
    """The labelled real-page corpus, ``{page id: (record, labelled lines)}``."""
    return {pid: (rec, lab) for pid, (rec, _, lab) in strip_real_docs.items()}


@pytest.fixture(scope="session")
def train_page(strip_real_docs):
    """``page(page_id)``: ``(page text, labelled lines)`` of a TRAIN page (fails on a page
    of a held-out list)."""

    def page(page_id: str) -> tuple:
        rec, doc, labelled = strip_real_docs[page_id]
        assert rec["split"] == "train", page_id  # never a held-out page
        return doc, labelled

    return page


@pytest.fixture(scope="module")
def page_out(train_page):
    """``out(page_id)``: ``{labelled text: [(content?, survived?), …]}`` of a TRAIN page,
    judged as ``cleannews.evaluate`` judges it (one pair per occurrence)."""
    from cleannews.evaluate import _clean_traced, _survival

    cache: dict = {}

    def out(page_id: str):
        if page_id not in cache:
            doc, labelled = train_page(page_id)
            text, trace = _clean_traced(doc, False)
            visible = "\n".join(lb.text for lb in labelled)
            got: dict = {}
            for lb, ok in zip(
                labelled, _survival(labelled, text, visible, trace), strict=True
            ):
                t = lb.text.strip()
                if t:
                    got.setdefault(t, []).append((lb.content, ok))
            cache[page_id] = got
        return cache[page_id]

    return out


@pytest.fixture(scope="session")
def furniture_taken(train_page):
    """``taken(page_id, rules, repaired=False)``: how many lines of a TRAIN page each of
    ``rules`` removes (``{rule: count}``), failing on any such line labelled content;
    ``repaired`` strips the repaired text, as ``clean`` does."""
    import cleannews
    from cleannews.strip import strip_text

    cfg = cleannews.CleanConfig()

    def taken(page_id: str, rules, repaired: bool = False) -> dict[str, int]:
        doc, labelled = train_page(page_id)
        kinds = {lb.text.strip(): lb.label for lb in labelled}
        text = cleannews.repair(doc, cfg).text if repaired else doc
        out: dict[str, int] = {}
        for c in strip_text(text, cfg).changes:
            if c.rule in rules:
                assert kinds.get(c.before.strip(), "C") != "C", (c.rule, c.before)
                out[c.rule] = out.get(c.rule, 0) + 1
        return out

    return taken


@pytest.fixture(scope="session")
def train_furniture_line(strip_real_pages):
    """``line(page_id, start)``: the labelled furniture line of a TRAIN page that starts with
    ``start`` (fails on a test-split page, on a content line, or when there is none)."""

    def line(page_id: str, start: str) -> str:
        rec, labelled = strip_real_pages[page_id]
        assert rec["split"] == "train", page_id  # never a test-split page
        for lb in labelled:
            if lb.text.lstrip().startswith(start):
                assert not lb.content, (page_id, lb.text)
                return lb.text
        raise AssertionError(f"{page_id}: no line starts with {start!r}")

    return line


@pytest.fixture(scope="session")
def line_rule_verdict():
    """``verdict(text)``: the rule of the five languages' rule files that takes ``text`` seen
    alone (line, prefix or phrase rule, as the strip stage asks them), or ``None``."""
    from cleannews.config import RULE_LANGUAGES
    from cleannews.strip._rules import load_rules, load_stopwords
    from cleannews.strip.detectors import _Line, _phrase_verdict

    rs = load_rules(RULE_LANGUAGES)
    stop = load_stopwords(RULE_LANGUAGES)

    def verdict(text: str):
        ln = _Line(text, stop)
        if ln.blank:
            return None
        taken = rs.match_line(ln.text, ln.n) or rs.match_prefix(ln.text, ln.n)
        return taken or _phrase_verdict(ln, rs)

    return verdict


@pytest.fixture(scope="session")
def train_content_taken_by(strip_real_pages, line_rule_verdict):
    """``taken_by(names)``: ``(n, hits)``, the number of content lines of every TRAIN page and
    those, seen alone, that a rule named in ``names`` takes, as ``(rule, page id, line)``."""

    @functools.cache
    def verdicts() -> list[tuple[str | None, str, str]]:
        """``(rule name or None, page id, line)`` of every TRAIN content line, judged once
        per process (four test files ask, each for its own rules)."""
        out = []
        for rec, labelled in strip_real_pages.values():
            if rec["split"] != "train":
                continue
            for lb in labelled:
                if lb.content:
                    rule = line_rule_verdict(lb.text)
                    out.append((None if rule is None else rule.name, rec["id"], lb.text[:80]))
        return out

    def taken_by(names) -> tuple[int, list[tuple[str, str, str]]]:
        rows = verdicts()
        return len(rows), [row for row in rows if row[0] is not None and row[0] in names]

    return taken_by


#: The UD French sentences (``../shared/corpora/fr-ud``, one ``id<TAB>sentence`` a line).
UD_FR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "fr-ud"


@pytest.fixture(scope="session")
def ud_taken_by(line_rule_verdict):
    """``taken_by(names, skip=())``: ``(n, hits)``, the number of UD French sentences (blank
    ones and those in ``skip`` left out) and those, seen alone as a line, that a rule named in
    ``names`` takes, as ``(rule, sentence)`` (skips when ``../shared`` is not there); the UD
    twin of :func:`train_content_taken_by`."""
    if not UD_FR.is_dir():
        pytest.skip("UD French sentences not at ../shared/corpora/fr-ud")

    def taken_by(names, skip=()) -> tuple[int, list[tuple[str, str]]]:
        hits, n = [], 0
        for f in sorted(UD_FR.glob("*.txt")):
            for row in f.read_text("utf-8").splitlines():
                text = row.partition("\t")[2]
                if not text.strip() or text.strip() in skip:
                    continue
                n += 1
                rule = line_rule_verdict(text)
                if rule is not None and rule.name in names:
                    hits.append((rule.name, text))
        return n, hits

    return taken_by


@pytest.fixture(scope="session")
def ud_short_sentences() -> list[str]:
    """About 1,000 short UD French sentences (2-14 words: the lengths line rules judge),
    spread over both files of ``../shared/corpora/fr-ud`` (skips when it is not there)."""
    if not UD_FR.is_dir():
        pytest.skip("UD French sentences not at ../shared/corpora/fr-ud")
    rows = []
    for f in sorted(UD_FR.glob("*.txt")):
        for row in f.read_text("utf-8").splitlines():
            text = row.partition("\t")[2].strip()
            if 2 <= len(text.split()) <= 14:
                rows.append(text)
    step = max(1, len(rows) // 1000)
    return rows[::step][:1000]
