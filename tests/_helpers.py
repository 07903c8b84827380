"""Helpers shared by the test files: one copy of what many tests did alike.

Import them by name (``from _helpers import read_jsonl``): pytest puts ``tests/`` on
``sys.path`` (the test files have no package), as it does for ``conftest.py`` and for the
test modules that import each other. Fixtures stay in ``conftest.py``; plain functions that
a test calls with its own arguments live here. The package's stages are imported when a
helper is called, so that ``conftest.py`` importing this module loads none of them.

Reading what a run wrote
  :func:`read_jsonl`, :func:`sink_records`, :func:`all_ids`, :func:`committed_docs`,
  :func:`wait_for_commit`,
  :func:`first_per_group`.
Running the command line
  :func:`run_cli` (``python -m cleannews`` in a subprocess, on this checkout's sources).
What the strip stage did
  :func:`kept_lines`, :func:`removed_by`, :func:`html_text`, :func:`assert_changes_rebuild`
  (each takes the test file's own ``CleanConfig``).
New rules hitting text they must leave
  :func:`changes_by`, :func:`sentence_pages_taken`; and real furniture that must go,
  :func:`assert_taken_between`; other pages' furniture put into a TRAIN page,
  :func:`furniture_put_in`, :func:`train_furniture`, :func:`assert_every_copy`.
Test text
  :data:`BUDGET_HEADLINE`, :data:`BUDGET_PARAGRAPHS`: the plain article the strip tests put
  furniture around; :func:`seed_lines`; :func:`golden_spin_texts`; :data:`BOILERPLATE_ONLY`;
  :func:`write_seed_corpus`; slow input for the ``--doc-timeout`` tests: :data:`SMALL_ARTICLE`,
  :data:`SLOW_LIMIT`, :func:`big_text`, :func:`write_slow_corpus`.
Scripts of ``benchmarks/`` and ``tools/``
  :func:`load_script` (a script that is no module of a package, loaded by its path).
Spin identity pins
  :func:`clear_spin_caches`, :func:`spin_digest`, :func:`spin_scores_moved`.
Runaway work
  :func:`hang_guard`, :func:`assert_megabyte_lines_finish` (fail instead of hanging:
  adversarial 1 MB inputs); :func:`count_calls`, :func:`count_lines` (deterministic
  measures of how work grows).
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: The repository root (the folder holding ``src/``, ``tests/``, ``fixtures/``).
ROOT = Path(__file__).resolve().parents[1]

#: Where ``cleannews run --out OUT`` writes each sink, relative to ``OUT``.
SINK_PATHS = {
    "out": Path("clean.jsonl"),
    "quarantine": Path("quarantine") / "quarantine.jsonl",
    "errors": Path("errors") / "errors.jsonl",
}


#: A plain French article written for the tests (a town council's budget vote): its headline
#: and four paragraphs. Strip tests put furniture around it; no line of it is furniture.
BUDGET_HEADLINE = "Le conseil municipal adopte le budget de la ville pour l'année prochaine"
BUDGET_PARAGRAPHS = (
    "Le conseil municipal a adopté mardi soir le budget de la ville pour l'année prochaine, "
    "après un débat de plus de trois heures entre la majorité et l'opposition.",
    "Le budget prévoit une hausse des investissements dans les écoles et la voirie, ainsi "
    "qu'une baisse de la dette de la ville, selon le maire.",
    "L'opposition a dénoncé un budget « en trompe-l'œil » et annoncé qu'elle voterait contre "
    "les prochaines délibérations sur les tarifs municipaux.",
    "Le maire a répondu que les tarifs resteraient stables et que les associations "
    "verraient leurs subventions maintenues en totalité cette année.",
)


def budget_article_with(line: str) -> str:
    """The plain budget article (:data:`BUDGET_HEADLINE`, :data:`BUDGET_PARAGRAPHS`) with
    ``line`` put after its first paragraph: where a rule's near miss must stay.

    >>> budget_article_with("Culture").split(chr(10) * 2)[2]
    'Culture'
    """
    paras = list(BUDGET_PARAGRAPHS)
    return "\n\n".join([BUDGET_HEADLINE, paras[0], line, *paras[1:]]) + "\n"


@contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    """Fail instead of hanging forever (a guard against runaway work, not a timing test)."""

    def boom(*_: object) -> None:
        raise AssertionError(f"did not finish within {seconds} s: a hang")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# --- spin development texts (never a held-out set) -----------------------------------------


def count_guard_calls(monkeypatch, guard: str) -> list[int]:
    """Count the calls of ``_keep``'s give-back guard named ``guard``: the list, filled with
    the number of lines of each call, of a wrapper put in its place in ``GUARDS`` and in the
    gates that name it (``GUARD_RULES``, ``BODY_GUARDS``; absent before round 36), so that
    ``give_back`` runs the wrapper wherever it ran the guard (tests/test_perf51.py,
    tests/test_perf52.py)."""
    from cleannews.strip import _keep

    calls: list[int] = []
    real = getattr(_keep, guard)

    def counted(lines):
        calls.append(len(lines))
        return real(lines)

    def swap(g):
        return counted if g is real else g

    monkeypatch.setattr(_keep, "GUARDS", tuple(swap(g) for g in _keep.GUARDS))
    monkeypatch.setattr(_keep, "GUARD_RULES", {
        swap(g): r for g, r in getattr(_keep, "GUARD_RULES", {}).items()
    }, raising=False)
    monkeypatch.setattr(_keep, "BODY_GUARDS", frozenset(
        swap(g) for g in getattr(_keep, "BODY_GUARDS", ())
    ), raising=False)
    return calls


def dev_negatives(shuffle_seed: int | None = None) -> list[str]:
    """The texts of the spin negatives' development split (``fixtures/spin/negatives.jsonl.gz``),
    in file order or shuffled once with ``random.Random(shuffle_seed)``."""
    import random

    docs = [r["text"] for r in read_jsonl(ROOT / "fixtures/spin/negatives.jsonl.gz")
            if r.get("split") == "dev"]
    if shuffle_seed is not None:
        random.Random(shuffle_seed).shuffle(docs)
    return docs


def validation_spins(mode: str, rate: float) -> list[str]:
    """Development spins of ``fixtures/spin/validation.jsonl.gz`` (dictionary V) of one spinner
    ``mode`` ("naive", "careful") and ``rate`` of the words."""
    return [r["text"] for r in read_jsonl(ROOT / "fixtures/spin/validation.jsonl.gz")
            if r["label"] == 1 and r["mode"] == mode and r["rate"] == rate]


def words_up_to(docs: list[str], n: int, start: int = 0) -> list[str]:
    """``docs[start:]`` taken in order until they hold at least ``n`` words.

    >>> words_up_to(["a b", "c d e", "f"], 4), words_up_to(["a b", "c d e", "f"], 2, start=1)
    (['a b', 'c d e'], ['c d e'])
    """
    out, w = [], 0
    for d in docs[start:]:
        out.append(d)
        w += len(d.split())
        if w >= n:
            break
    return out


# --- reading what a run wrote -------------------------------------------------------------


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    """Write ``rows`` as a JSONL file at ``path`` (its folders made), one ``json.dumps`` a
    line; returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def write_pin(path: Path, records: dict[str, dict]) -> None:
    """Write a pin file: a JSON object, one ``"id": {...}`` record per line (diffable).

    The clean pin (test_clean_regression) and the spin identity pin (test_perf38) both
    ``--record`` through it; ``json.loads`` reads it back.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{json.dumps(i)}: {json.dumps(d, sort_keys=True)}" for i, d in records.items()]
    path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"recorded {len(records)} documents in {path}")


#: The spin stage's per-token-type caches (``cleannews.score._features``), emptied by
#: :func:`clear_spin_caches` (as ``benchmarks/bench_spin_compare.clear_caches``).
SPIN_CACHES = ("_INFO", "_FIT_CACHE", "_LLR_OF", "_ROLES_OF")


def clear_spin_caches() -> None:
    """Empty the spin stage's per-token-type caches (:data:`SPIN_CACHES`): every word type
    new, as a stream of new documents meets them."""
    from cleannews.score import _features

    for name in SPIN_CACHES:
        getattr(_features, name).clear()


def spin_digest(score) -> dict:
    """What a spin identity pin holds of a ``SpinScore``: the whole result hashed (floats
    written by ``json``: any change of a float shows) and its headline fields in clear
    (``tests/test_perf38.py``, ``tests/test_perf41.py``)."""
    import hashlib

    full = json.dumps(score.to_dict(), ensure_ascii=False, sort_keys=True)
    return {
        "score": score.score,
        "label": score.label,
        "n_evidence": len(score.evidence),
        "sha": hashlib.sha256(full.encode("utf-8")).hexdigest(),
    }


def spin_scores_moved(recorded: dict[str, dict], docs, score) -> dict[str, dict]:
    """The documents ``(id, text)`` of ``docs`` whose :func:`spin_digest` under ``score(text)``
    differs from ``recorded[id]``, scored with the caches emptied first (``"id (cold)"``) and
    again warm (``"id (warm)"``): ``{place: {field: (recorded, got)}}``, empty when none
    moved."""
    moved = {}
    for i, text in docs:
        clear_spin_caches()
        cold = spin_digest(score(text))
        warm = spin_digest(score(text))
        for how, got in (("cold", cold), ("warm", warm)):
            if got != recorded[i]:
                moved[f"{i} ({how})"] = {k: (recorded[i][k], v) for k, v in got.items()
                                         if recorded[i][k] != v}
    return moved


def read_jsonl(path: Path, *, missing_ok: bool = False) -> list[dict]:
    """Every record of the JSONL file ``path``, in order (``*.gz`` is read through gzip).

    Lines are the file's own lines (``\\n``), so a record holding a raw U+2028 or form feed
    (``ensure_ascii=False`` output) stays one record. A blank line is an error, as any line
    that is not JSON: the sinks and fixtures never hold one. A missing file is an error unless
    ``missing_ok`` (then ``[]``: a sink the run had no record for)."""
    path = Path(path)
    if missing_ok and not path.exists():
        return []
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def sink_records(out: Path) -> dict[str, list[dict]]:
    """The records of the three sinks of a run into ``out``: ``{"out": [...],
    "quarantine": [...], "errors": [...]}`` (``[]`` for a sink that was not written)."""
    return {name: read_jsonl(out / rel, missing_ok=True) for name, rel in SINK_PATHS.items()}


def all_ids(out: Path) -> list[str]:
    """The ids of every record in the three sinks of a run into ``out`` (kept, quarantined,
    errors, in that order)."""
    return [r["id"] for recs in sink_records(out).values() for r in recs]


def committed_docs(out: Path) -> int:
    """How many documents the run state of a run into ``out`` says are committed (0 while
    there is no state file yet or it is being replaced): what a test polls before it kills
    a run half-way."""
    try:
        return json.loads((out / ".cleannews-run.json").read_text())["done"]
    except (OSError, ValueError, KeyError):
        return 0


def wait_for_commit(proc, out: Path, n: int = 1, timeout: float = 240,
                    poll: float = 0.01) -> None:
    """Poll :func:`committed_docs` until the run ``proc`` writing into ``out`` has committed
    ``n`` documents, or ended (the caller asserts which: ``proc.poll() is None`` before it
    stops the run half-way); a run that commits nothing in ``timeout`` seconds fails."""
    import time

    deadline = time.monotonic() + timeout
    while committed_docs(out) < n and proc.poll() is None:
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(poll)


def first_per_group(records: list[dict], n: int, key) -> list[dict]:
    """The first ``n`` records of every group ``key(record)`` names, in the records' order (a
    deterministic sample of a fixture that holds every group)."""
    seen: dict[object, int] = {}
    out = []
    for r in records:
        k = key(r)
        if seen.get(k, 0) < n:
            seen[k] = seen.get(k, 0) + 1
            out.append(r)
    return out


# --- the command line ---------------------------------------------------------------------


def datatrove_reader(tmp_path: Path):
    """``(CleannewsJsonlReader, folder)``: the datatrove JSONL reader's class (the test is
    skipped without datatrove and orjson) and a new empty folder ``tmp_path / "in"`` for its
    files (``tests/test_api28.py``, ``tests/test_user38.py``, ``tests/test_mutk40.py``)."""
    import pytest

    pytest.importorskip("datatrove")
    pytest.importorskip("orjson")
    from cleannews.integrations.datatrove import CleannewsJsonlReader

    folder = tmp_path / "in"
    folder.mkdir()
    return CleannewsJsonlReader, folder


def cli_env() -> dict[str, str]:
    """This process's environment with this checkout's ``src`` first on ``PYTHONPATH``, so a
    child ``python -m cleannews`` imports these sources, not another installed copy (with the
    README's installed package the two are the same code). ``tools/mutate.py`` names its
    mutated copy in ``CLEANNEWS_TEST_SRC``: the child then runs the mutant too, or every test
    that runs the command line would pass on any mutant."""
    src = os.environ.get("CLEANNEWS_TEST_SRC") or str(ROOT / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [src, *filter(None, [os.environ.get("PYTHONPATH")])])}
    if sys.dont_write_bytecode:
        compile_for_children(src)
    return env


@functools.cache
def compile_for_children(src: str) -> None:
    """Write the bytecode of ``src`` once per test process, for the children of
    :func:`cli_env` to read.

    Under ``PYTHONDONTWRITEBYTECODE=1`` (set where CI runs) no process writes it, so each
    ``python -m cleannews`` compiled the strip stage again: about 0.15-0.3 s of the 1 s of CPU
    of a one-line ``clean``, and the suite starts hundreds. The bytecode is checked against each
    source file's hash (``--invalidation-mode checked-hash``), not its time, so an edited
    or mutated source (``tools/mutate.py``) is always compiled afresh, never read stale."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", "--invalidation-mode",
                    "checked-hash", src], check=False, stdout=subprocess.DEVNULL)


def run_cli(*args: str | Path, stdin: bytes | None = None, cwd: Path | None = None,
            timeout: float = 300, stdout=subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    """``python -m cleannews ARGS`` in a subprocess on this checkout's sources (:func:`cli_env`).

    ``stdin`` is fed to it; stdout and stderr are captured as bytes (pass ``stdout`` a file or
    ``subprocess.DEVNULL`` to send stdout elsewhere); ``returncode`` is the exit code. A run
    that outlives ``timeout`` seconds fails the test (``subprocess.TimeoutExpired``)."""
    return subprocess.run([sys.executable, "-m", "cleannews", *map(str, args)], input=stdin,
                          stdout=stdout, stderr=subprocess.PIPE, timeout=timeout, cwd=cwd,
                          env=cli_env())


# --- what the strip stage did -------------------------------------------------------------


def kept_lines(text: str, config) -> list[str]:
    """The non-blank lines ``strip_text`` keeps of ``text``, stripped of outer spaces."""
    from cleannews.strip import strip_text

    return [x.strip() for x in strip_text(text, config).text.split("\n") if x.strip()]


def removed_by(text: str, config) -> dict[str, str]:
    """What ``strip_text`` removes from ``text``: removed text (stripped) -> the rule that
    removed it (edits that leave text behind are not listed)."""
    from cleannews.strip import strip_text

    return {c.before.strip(): c.rule for c in strip_text(text, config).changes if c.after == ""}


def count_calls(fn, *args, **kwargs):
    """``(calls, fn(*args, **kwargs))``: the Python and C function calls the call made, a
    deterministic measure of work (unlike time) for tests that check how work grows
    (``tests/test_strip_html_depth.py``, ``tests/test_html23.py``)."""
    count = 0

    def hook(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(hook)
    try:
        result = fn(*args, **kwargs)
    finally:
        sys.setprofile(None)
    return count, result


def count_lines(fn, *args, **kwargs):
    """``(lines, fn(*args, **kwargs))``: the Python lines the call ran (``sys.settrace``), a
    deterministic measure of work that also sees a loop making no call (bs4 walking up
    ``.parent`` links), which :func:`count_calls` misses (``tests/test_html25.py``)."""
    return count_lines_in(None, fn, *args, **kwargs)


def count_lines_in(names: frozenset[str] | None, fn, *args, **kwargs):
    """``(lines, fn(*args, **kwargs))``: like :func:`count_lines`, counting only the lines run
    in functions named in ``names`` (one pass of a big stage, without tracing all of it:
    ``tests/test_fuzz41.py``); ``None``: in every function (:func:`count_lines`)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def hook(frame, event, arg):
        return local if names is None or frame.f_code.co_name in names else None

    sys.settrace(hook)
    try:
        result = fn(*args, **kwargs)
    finally:
        sys.settrace(None)
    return count, result


def html_text(html: str, config) -> str:
    """The text the HTML front end extracts from ``html``."""
    from cleannews.strip.html import html_to_text

    return html_to_text(html, config).text


def rules_taking(line: str, paras: list[str], config) -> list[str]:
    """The rules ``strip_text`` removes ``line`` with when it stands between two article
    paragraphs (``paras[0]``, ``paras[1]``), the two repeated after it."""
    from cleannews.strip import strip_text

    p = paras
    text = "\n\n".join([p[0], p[1], line, p[0] + " ", p[1] + " "])
    r = strip_text(text, config)
    return [c.rule for c in r.changes if c.before.strip() == line.strip()]


#: Two article paragraphs per language (``fixtures/strip_probe_paragraphs.json``) between
#: which the strip tests stand a probe line (:func:`probe_rules`).
PROBE_PARAS: dict[str, list[str]] = json.loads(
    (ROOT / "fixtures" / "strip_probe_paragraphs.json").read_text("utf-8"))["paragraphs"]


def probe_rules(lang: str, line: str, config=None) -> list[str]:
    """:func:`rules_taking` of ``line`` between the :data:`PROBE_PARAS` of ``lang``, with
    ``config`` (default options when ``None``)."""
    from cleannews import CleanConfig

    return rules_taking(line, PROBE_PARAS[lang], config or CleanConfig())


def read_pty(fd: int) -> bytes:
    """Everything a child wrote to the pseudo-terminal whose controlling side is ``fd``,
    until it closes its side (Linux then raises ``EIO``)."""
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def html_rules(html: str, config) -> set[str]:
    """The names of the rules the HTML front end applied to ``html``."""
    from cleannews.strip.html import html_to_text

    return {c.rule for c in html_to_text(html, config).changes}


def assert_changes_rebuild(text: str, config) -> None:
    """``strip_text``'s changes are honest: each span of ``text`` holds the change's
    ``before``, and the text between the spans, joined, is the stage's output."""
    from cleannews.strip import strip_text

    r = strip_text(text, config)
    pos, out = 0, []
    for c in sorted(r.changes, key=lambda c: c.span):
        assert text[c.span[0] : c.span[1]] == c.before
        out.append(text[pos : c.span[0]])
        pos = c.span[1]
    out.append(text[pos:])
    assert "".join(out) == r.text


def assert_taken_between(line: str, rule: str, p1: str, p2: str, config) -> None:
    """``line`` alone between paragraphs ``p1`` and ``p2`` is removed by ``rule`` (a change of
    ``rule`` holds the stripped line) and both paragraphs stay."""
    from cleannews.strip import strip_text

    r = strip_text(f"{p1}\n\n{line}\n\n{p2}\n", config)
    rules = {c.rule for c in r.changes if line.strip() in c.before}
    assert rule in rules, (line, [(c.rule, c.before[:60]) for c in r.changes])
    assert p1 in r.text and p2 in r.text


def changes_by(result, rules) -> list[tuple[str, str]]:
    """``(rule, first 80 characters of the removed text, stripped)`` of each change of a strip
    ``result`` made by one of ``rules`` (what a test of new rules prints when they hit)."""
    return [(c.rule, c.before.strip()[:80]) for c in result.changes if c.rule in rules]


def sentence_pages_taken(sentences: list[str], p1: str, p2: str, rules, config) -> list:
    """Every sentence between two paragraphs, on pages of 10 sentences (``p2`` and ``p1`` in
    turn before each sentence, ``p1`` last), stripped with ``config``: the changes of
    ``rules`` on those pages (:func:`changes_by`), ``[]`` when none of them touched a page."""
    from cleannews.strip import strip_text

    hit = []
    for i in range(0, len(sentences), 10):
        parts = []
        for j, s in enumerate(sentences[i : i + 10]):
            parts += [p1 if j % 2 else p2, s]
        parts.append(p1)
        hit += changes_by(strip_text("\n\n".join(parts) + "\n", config), rules)
    return hit


# --- test text ----------------------------------------------------------------------------


def seed_lines() -> list[str]:
    """The lines of the seed documents (``seeds/*.txt``) longer than 40 characters, stripped,
    in file order: real French sentences to build small documents from."""
    lines = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        lines += [x.strip() for x in seed.read_text("utf-8").splitlines() if len(x.strip()) > 40]
    return lines


def golden_spin_texts(stride: int = 1) -> list[str]:
    """Every ``stride``-th input of the spin golden set (``benchmarks/spin_golden.py``'s
    ``inputs()``: seeds, spun and clean documents), in its order."""
    golden = load_script(ROOT / "benchmarks" / "spin_golden.py", "golden")
    return [text for _, text in golden.inputs()][::stride]


#: A page of boilerplate only: cleaning leaves nothing (verdict ``empty_after_cleaning``).
BOILERPLATE_ONLY = "Partager sur Facebook\nPartager sur Twitter\nAbonnez-vous à notre newsletter\n"


def seed_folder(tmp_path: Path, n: int = 2) -> tuple[Path, list[str]]:
    """Copy the first ``n`` bundled seeds into ``tmp_path/corp``; return the folder and the
    ids a folder walk gives them (``<folder>/<name>``)."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))[:n]
    corp = tmp_path / "corp"
    corp.mkdir()
    for seed in seeds:
        (corp / seed.name).write_bytes(seed.read_bytes())
    return corp, [f"{corp.as_posix()}/{s.name}" for s in seeds]


#: The plain budget article: cleaned in milliseconds (the small documents of the
#: ``--doc-timeout`` tests).
SMALL_ARTICLE = "\n\n".join([BUDGET_HEADLINE, *BUDGET_PARAGRAPHS])
#: Seconds a document may take in the time-limit tests: far above SMALL_ARTICLE's few
#: milliseconds, below what :func:`big_text` takes (about 2 s on an idle core). The alarm
#: counts wall-clock time, so a loaded machine (CI with two pytest workers and a batch's own
#: workers on two cores) can stall a small document for a fraction of a second: 0.5 s let
#: one through once; a loaded machine only makes the big document slower still.
SLOW_LIMIT = 1.0


def big_text(n_lines: int = 8000) -> str:
    """Real, distinct seed lines (no line repeats), about 370 bytes each: 8,000 of them (3 MB)
    take about 2 s to clean on an idle core (a document over :data:`SLOW_LIMIT`)."""
    lines = seed_lines()
    return "\n".join(f"{lines[i % len(lines)]} ({i} {lines[(i * 7) % len(lines)][:30]})"
                     for i in range(n_lines))


def write_slow_corpus(path: Path, n_lines: int = 8000) -> Path:
    """A JSONL file: three small documents (ids ``a0``-``a2``), the big one (id ``big``,
    :func:`big_text`), three more small ones (``a3``-``a5``)."""
    records = [{"id": f"a{i}", "text": SMALL_ARTICLE} for i in range(3)]
    records += [{"id": "big", "text": big_text(n_lines)}]
    records += [{"id": f"a{i}", "text": SMALL_ARTICLE} for i in range(3, 6)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def write_seed_corpus(path: Path, n: int) -> list[str]:
    """Write ``n`` short JSONL documents made of real seed lines to ``path``; return their
    ids in order (``doc-00000`` …)."""
    s = seed_lines()
    ids = [f"doc-{i:05d}" for i in range(n)]
    path.write_text("".join(
        json.dumps({"id": ident, "text": f"{s[i % len(s)]}\n{s[(i + 7) % len(s)]}"},
                   ensure_ascii=False) + "\n" for i, ident in enumerate(ids)), encoding="utf-8")
    return ids


def load_script(path: Path, name: str, *, register: bool = False):
    """The script at ``path`` (``benchmarks/…``, ``tools/…``: no module of a package), run as
    the module ``name``; ``register`` puts it in ``sys.modules`` first (a script whose
    dataclasses or pickles look their module up by name needs it)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    if register:
        sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def rule_index_snapshot() -> list:
    """The literal analysis of every language's rules (triggers, gates, match starts), built
    afresh: two snapshots taken around a swapped walk of ``strip._triggers`` must be equal."""
    from cleannews.config import RULE_LANGUAGES
    from cleannews.strip import _rules

    _rules.required_any.cache_clear()
    out = []
    for lang in RULE_LANGUAGES:
        rs = _rules.RuleSet([_rules._rule_file(lang)])
        for ix in (rs._line, rs._prefix, rs._protect_index):
            out.append((ix.digit, ix.always, ix.exact, ix.prefix, ix.symbol, ix.needs,
                        ix._gate and tuple(  # (class search, trie search, literals): perf52
                            g.__self__.pattern if callable(g) else g for g in ix._gate)))
        out.append((rs._phrase_index, rs._span_index, rs._starts))
    return out


def clean_twice(text: str) -> tuple[str, str]:
    """``clean`` without spin scoring, then ``clean`` of its output: (once, twice). The
    idempotence tests (test_idem43, test_idem49) compare the two."""
    import cleannews

    config = cleannews.CleanConfig(score_spin=False)
    once = cleannews.clean(text, config).text
    return once, cleannews.clean(once, config).text


def served_removals(doc: str, config) -> dict[str, str]:
    """Lines ``cleannews.clean`` removes from a page (repaired first, as served):
    removed text (stripped) -> the strip rule that removed it."""
    import cleannews

    return strip_removals(cleannews.clean(doc, config))


def assert_train_furniture_goes(page: str, start: str, config) -> None:
    """The TRAIN page's furniture line opening with ``start`` is labelled furniture and is
    removed from the page as served (the real-line tests of the recall rounds)."""
    doc, labelled = train_doc(page)
    assert any(lb.text.strip().startswith(start) and not lb.content for lb in labelled)
    removed = served_removals(doc, config)
    assert any(t.startswith(start) for t in removed), (page, start)


def train_content_lost(page: str, config) -> list[str]:
    """The content lines of a TRAIN page that ``cleannews.clean`` removes as served."""
    doc, labelled = train_doc(page)
    removed = served_removals(doc, config)
    return [lb.text for lb in labelled if lb.content and lb.text.strip() in removed]


def strip_removals(document) -> dict[str, str]:
    """The whole lines the strip stage removed from a cleaned ``Document``: removed text
    (stripped) -> rule (:func:`served_removals` without the cleaning)."""
    return {c.before.strip(): c.rule for c in document.changes
            if c.stage == "strip" and c.after == ""}


@functools.cache
def train_cleaned(page_id: str, doc: str, config):
    """``cleannews.clean(doc, config)`` of TRAIN page ``page_id`` (text ``doc``), cleaned
    once per process and ``config`` (a frozen ``CleanConfig``) and shared by the test files
    that clean every TRAIN page with the same config (:func:`train_served_removals`,
    ``tests/test_evaluate_survival.py``): the same ``Document``, to read, never to change.
    Only for unpatched code: a test that monkeypatches the package calls ``clean`` itself."""
    import cleannews

    return cleannews.clean(doc, config)


def train_served_removals(page_id: str, doc: str, config) -> dict[str, str]:
    """:func:`served_removals` of TRAIN page ``page_id`` from :func:`train_cleaned` (ten
    test files checked what their rules take on all 1,379 TRAIN pages, each cleaning them
    again with one of the same two configs: about 4 s of CPU a file)."""
    return strip_removals(train_cleaned(page_id, doc, config))


def line_occurrences(labelled, text: str) -> list[int]:
    """Indices of the labelled lines whose stripped text is ``text``."""
    return [i for i, lb in enumerate(labelled) if lb.text.strip() == text]


def content_neighbours(labelled, i: int) -> list[str]:
    """The nearest line labelled content above and below line ``i`` (stripped texts)."""
    out = []
    for rng in (range(i - 1, -1, -1), range(i + 1, len(labelled))):
        for k in rng:
            if labelled[k].content and labelled[k].text.strip():
                out.append(labelled[k].text.strip())
                break
    return out


def assert_furniture_goes_neighbours_stay(labelled, got, line: str, page_id: str) -> None:
    """``line`` is labelled furniture on the page, every copy of it is removed (``got`` is
    the ``page_out`` fixture's text -> [(content, kept)]), and the nearest article line
    above and below each copy stays."""
    where = line_occurrences(labelled, line)
    assert where, (page_id, line)
    assert all(not labelled[i].content for i in where)  # labelled furniture on the page
    assert [ok for _, ok in got[line]] == [False] * len(where)  # every copy removed
    for i in where:
        for text in content_neighbours(labelled, i):
            assert all(ok for content, ok in got[text] if content), (page_id, text)


def assert_lines_kept(got, texts, where) -> None:
    """Each of ``texts`` is labelled content on the page (``got``: the ``page_out``
    fixture's text -> [(content, kept)]) and every content copy of it stays."""
    for t in texts:
        flags = [ok for content, ok in got[t] if content]
        assert flags, t  # labelled content
        assert all(flags), (where, t)


def assert_content_parts_stay(page_id: str, texts) -> None:
    """Each of ``texts`` is a content line of the TRAIN page ``page_id`` with glued furniture
    bracketed ``⟦…⟧`` in its label (GUIDELINE rule 5, round 32), and every copy's content part
    (the text outside the brackets) stays on one line of the cleaned output, whether or not the
    glued furniture goes (as ``cleannews.evaluate`` counts the line kept since round 33; each
    span is one furniture unit apart, ``cleannews.evaluate.unit_rows``): judged by the
    evaluator itself (``_survival``), so a span inside the line that stays counts as it counts
    there (the content part as one substring of an output line did not hold then)."""
    from cleannews.evaluate import _clean_traced, _survival

    doc, labelled = train_doc(page_id)
    out, trace = _clean_traced(doc, False)
    survived = _survival(labelled, out, "\n".join(lb.text for lb in labelled), trace)
    for t in texts:
        copies = [i for i, lb in enumerate(labelled) if lb.content and lb.text.strip() == t]
        assert copies and all(labelled[i].glued for i in copies), (page_id, t)
        assert all(survived[i] for i in copies), (page_id, t)


def assert_lines_removed(got, texts, where) -> None:
    """Each of ``texts`` is labelled furniture on the page and every furniture copy of it
    is removed."""
    for t in texts:
        flags = [ok for content, ok in got[t] if not content]
        assert flags, t  # labelled furniture
        assert not any(flags), (where, t)


def train_furniture(train_page, prefix: str, page_id: str) -> str:
    """The first line of TRAIN page ``page_id`` starting with ``prefix``, which must be
    labelled furniture there (its full text; ``train_page`` is the conftest fixture)."""
    found = _first_line(train_page, prefix, page_id)
    assert not found.content, (page_id, prefix)
    return found.text.strip()


def _first_line(train_page, prefix: str, page_id: str):
    """The first labelled line of TRAIN page ``page_id`` starting with ``prefix``."""
    _, labelled = train_page(page_id)
    found = next((lb for lb in labelled if lb.text.strip().startswith(prefix)), None)
    assert found is not None, (page_id, prefix)
    return found


def _kept_copies(page: str, changes) -> dict[str, list[bool]]:
    """``{line: [kept?, …]}`` of ``page``'s non-blank lines (one per copy) after ``changes``."""
    from cleannews.evaluate import removed_lines

    got: dict[str, list[bool]] = {}
    for x, g in zip(page.split("\n"), removed_lines(page, changes), strict=True):
        if x.strip():
            got.setdefault(x.strip(), []).append(not g)
    return got


def furniture_put_in(train_page, page_id: str, at: str, above=(), below=(), sep: str = "\n",
                     *, config=None):
    """TRAIN page ``page_id`` with other TRAIN pages' furniture lines (``(prefix, page)``
    pairs, :func:`train_furniture`) put right above and right below its content line
    starting with ``at``, printed with ``sep`` between lines, then stripped (the stress
    set's recombined pages). Returns ``{stripped line: [kept?, …]}`` (one per copy), the
    furniture texts put in and the content line's full text."""
    from cleannews import CleanConfig
    from cleannews.strip import strip_text

    doc, labelled = train_page(page_id)
    line = next(lb for lb in labelled if lb.text.strip().startswith(at))
    assert line.content, (page_id, at)
    up = [train_furniture(train_page, t, p) for t, p in above]
    down = [train_furniture(train_page, t, p) for t, p in below]
    lines = doc.split("\n")
    page = sep.join([*lines[:line.line], *up, lines[line.line], *down, *lines[line.line + 1:]])
    cfg = config if config is not None else CleanConfig(score_spin=False)
    return _kept_copies(page, strip_text(page, cfg).changes), up + down, line.text.strip()


def train_line(train_page, prefix: str, page_id: str) -> str:
    """The full text of the first line of TRAIN page ``page_id`` starting with ``prefix``."""
    return _first_line(train_page, prefix, page_id).text.strip()


def article_put_in(train_page, host: str, after: dict, sep: str = "\n", *,
                   config=None) -> dict[str, list[bool]]:
    """TRAIN page ``host``'s content lines in their order (its furniture left out, as the
    stress set prints an article), with the lines of ``after`` (``{host line prefix:
    [(prefix, page), …]}``: other TRAIN pages' lines; the prefix ``""``: above the first
    line) put right under the host line, through :func:`cleannews.clean` as the stress set
    judges it. Returns ``{line: [kept?, …]}`` (one per copy)."""
    import cleannews

    cfg = config if config is not None else cleannews.CleanConfig(score_spin=False)
    _, labelled = train_page(host)
    out: list[str] = [train_line(train_page, p, x) for p, x in after.get("", [])]
    for lb in labelled:
        if not lb.content or not lb.text.strip():
            continue
        out.append(lb.text.strip())
        for prefix, extra in [(p, x) for k, v in after.items() if lb.text.strip().startswith(k)
                              for p, x in v if k]:
            out.append(train_line(train_page, prefix, extra))
    page = sep.join(out) + "\n"
    return _kept_copies(page, cleannews.clean(page, cfg).changes)  # repaired first, as served


def assert_every_copy(got, kept=(), removed=()) -> None:
    """Every copy of each of ``kept`` stays and every copy of each of ``removed`` goes
    (``got``: :func:`furniture_put_in`'s ``{line: [kept?, …]}``)."""
    for t in kept:
        assert got[t] and all(got[t]), (t, got.get(t))
    for t in removed:
        assert got[t] and not any(got[t]), (t, got.get(t))


def assert_megabyte_lines_finish(stems, config, *, before: str = "Titre de l'article\n\n",
                                 after: str = "\n", seconds: float = 20) -> None:
    """Each of ``stems`` (a pattern's opening without its end) repeated to a 1 MB line,
    put between ``before`` and ``after``, is stripped within ``seconds`` of CPU: no
    catastrophic backtracking (a guard against runaway work, not a timing test)."""
    import time

    from cleannews.strip import strip_text

    for stem in stems:
        line = (stem * (1_000_000 // len(stem)))[:1_000_000]
        start = time.process_time()
        strip_text(before + line + after, config)
        assert time.process_time() - start < seconds, stem


def train_lines_taken(
    strip_real_docs, rules: set[str], config, known: frozenset = frozenset()
) -> dict[str, int]:
    """How many distinct lines per TRAIN page each of ``rules`` removes (as served); fails
    on a line labelled content (or a text that is no whole labelled line), unless ``(page id,
    rule, text)`` is in ``known`` (content a
    rule is recorded to take on pages added after it was written, e.g. the round-27 fresh
    pages; counted apart under ``"known:" + rule``, and every ``known`` loss must still
    happen, so a fix shows). Held-out pages are never read, nor the pages of
    :data:`UNSCORED_BATCHES` (no test cleans them before the lead has scored them)."""
    taken: dict[str, int] = {}
    for rec, doc, labelled in strip_real_docs.values():
        if rec["split"] != "train" or unscored(rec["id"]):
            continue  # never a held-out page, nor one of the round's transfer check
        kinds: dict[str, bool] = {}
        for lb in labelled:  # a text labelled furniture once is furniture (fr-r46-0003's menu
            # item "Les comètes" above the same headline: which copy went is the evaluation's)
            kinds[lb.text.strip()] = kinds.get(lb.text.strip(), True) and lb.content
        for text, rule in train_served_removals(rec["id"], doc, config).items():
            if rule in rules:
                if (rec["id"], rule, text) in known and kinds.get(text, True):
                    taken["known:" + rule] = taken.get("known:" + rule, 0) + 1
                    continue
                assert not kinds.get(text, True), (rec["id"], rule, text)
                taken[rule] = taken.get(rule, 0) + 1
    return taken


class EveryWordTable:
    """A collocation table that knows every word (``entry(tok) -> (len(tok), 7)``): stands in
    for the shipped table, which is empty (the collocation feature has weight 0), in tests of
    the collocation switch and of the per-type cache (``monkeypatch.setattr(F,
    "get_context_table", EveryWordTable)``)."""

    def entry(self, tok: str) -> tuple[int, int]:
        return (len(tok), 7)


# --- the real-page corpus (fixtures/strip_real) -------------------------------------------


#: The SHA-256 of the five frozen held-out lists of ``split.json`` as frozen (2026-12-01,
#: 2026-12-01, 2026-12-02, 2026-12-04, 2026-12-05): no later batch or list may move them.
FROZEN_SHA256 = {
    "test": "3982818019d73ea2b3b983fd47c7892b538d04bf06dd5f8786d29094fda2e27d",
    "test2": "6030b0d52c773938ff323ca3140739355d73020dbf08be87a63dff5a95996427",
    "test3": "5e220400c48174e0c1882e7b4dd60e0b56f085ab7e14149196e2cb18219915a8",
    "test4": "d30f113134d3728c6732c637b907a4884360da5e00ec66159eee4a1c8ee020f6",
    "test5": "5644d54218bd41974cfce2a2cb75a218471c8232c79f88f63a03569d8b5574e7",
}


def assert_development_readers_skip(split: dict, name: str) -> None:
    """Fail unless no development reader sees held-out list ``name`` of ``split`` (split.json
    as a dict): the strip model's training reader holds out its ids and sites, and the spin
    register gate's news reader (``tools/spin/build_context_term.news_train_excerpts``) opens
    none of its pages. Used by the tests of each list (test4, test5)."""
    sys.path.insert(0, str(ROOT))
    from tools.strip_model.train import held_out

    held_ids, held_sites = held_out(split)
    assert set(split[f"{name}_ids"]) <= held_ids and set(split[f"{name}_sites"]) <= held_sites
    sys.path.insert(0, str(ROOT / "tools" / "spin"))
    import build_context_term

    news = {r["id"] for r in build_context_term.news_train_excerpts()}
    assert news and not news & set(split[f"{name}_ids"])


#: The labelled real-page corpus (``split.json``, ``unscored.json``, ``manifests/``, ``pages/``).
CORPUS = ROOT / "fixtures" / "strip_real"


def unscored_set() -> frozenset[str]:
    """The batches ``fixtures/strip_real/unscored.json`` names (:data:`UNSCORED_BATCHES`),
    read by ``cleannews.evaluate.unscored_batches``, the one reader tools and tests share."""
    from cleannews.evaluate import unscored_batches

    return unscored_batches(CORPUS)


def __getattr__(name: str):
    """:data:`UNSCORED_BATCHES`, read when a test first names it (importing this module from
    ``conftest.py`` loads no stage of the package)."""
    if name == "UNSCORED_BATCHES":
        return unscored_set()
    raise AttributeError(name)


#: ``UNSCORED_BATCHES`` (a module attribute, :func:`__getattr__`): fresh TRAIN batches nobody
#: may clean yet, a round's *transfer check*, as listed in ``fixtures/strip_real/unscored.json``
#: (the one list: edit that file, not this module). The lead scores them once at the end of
#: the round, with main's code from the round's start and with the round's final code, to see
#: whether the round's fixes transfer to sites nobody has read. Until then
#: ``cleannews.evaluate.read_corpus`` does not read their pages (unless ``unscored=True``), so
#: :func:`train_pages`, the ``strip_real_docs`` fixture, the strip and clean regression pins
#: (tests/test_strip_regression.py, tests/test_clean_regression.py),
#: :func:`train_lines_taken`, the strip model's training reader, the stress set and
#: ``cleannews.evaluate --split train`` leave them out; after scoring the lead empties the list
#: and ``--record``s both pins (the new records are appended, no earlier one moves).
#: ``tests/test_fresh_batches.py`` checks their pages and counts without cleaning them.
#: Round 29's two transfer batches (``*-r30``, ``*-r31``), round 30's (``*-r32``, ``*-r33``) and
#: round 31's (``fr-r34``, ``*-r35``) were scored: the same figures with the start and the
#: round's code, every time until round 34's ``*-r39`` and ``*-r40``, which the round's code moved
#: upwards (docs/strip-history.md, "Held-out figures after the thirty-fourth round"); round 35's
#: ``*-r41`` and round 36's ``*-r42`` gave the same figures with both again, and so did round 37's
#: ``*-r43`` (once its pass ``printed_again`` was withdrawn), round 38's ``*-r44``, round 39's
#: ``*-r45`` and round 40's ``*-r46``.


def unscored(page_id: str, batches: frozenset[str] | None = None) -> bool:
    """Whether a corpus page belongs to one of ``batches`` (default: :data:`UNSCORED_BATCHES`,
    no test cleans it yet).

    >>> batches = frozenset({"fr-r30", "en-r30"})
    >>> unscored("fr-r30-0001", batches), unscored("fr-r29-0001", batches), unscored("fr-a-0001")
    (True, False, False)
    >>> unscored("fr-r31-0001")  # scored: every corpus reader reads it
    False
    """
    from cleannews.evaluate import page_batch

    return page_batch(page_id) in (unscored_set() if batches is None else batches)


@functools.cache
def _train_corpus(unscored: bool, left_out: frozenset[str]) -> tuple:
    """The TRAIN pages, read once per ``(unscored, the unscored list then)``: a test that
    fakes an unscored batch reads afresh."""
    from cleannews.evaluate import read_corpus

    return tuple(read_corpus(CORPUS, ("train",), unscored=unscored))


def train_pages(batches=None, *, unscored: bool = False) -> list[tuple[dict, str, list]]:
    """The TRAIN pages of ``fixtures/strip_real`` a test may clean, in corpus order:
    ``(record, page text, labelled lines)``, read once per process. Never a page of a held-out
    list (``split.json``) nor of a held-out site, never a page of :data:`UNSCORED_BATCHES`
    unless ``unscored`` (a test that counts a transfer check's pages without cleaning them).
    ``batches`` keeps the pages of those batches only (``"fr-a"`` for ``fr-a-NNNN``: a seeded
    draw that pages added later must not move). The one way a test reads corpus pages
    (``tests/test_fixture35.py`` checks that no other test file opens them).

    >>> all(rec["split"] == "train" for rec, _, _ in train_pages())  # doctest: +SKIP
    True
    """
    from cleannews.evaluate import page_batch

    pages = _train_corpus(unscored, unscored_set())
    if batches is not None:
        pages = tuple(p for p in pages if page_batch(p[0]["id"]) in batches)
    return list(pages)


def train_doc(page_id: str) -> tuple[str, list]:
    """``(page text, labelled lines)`` of one TRAIN page of :func:`train_pages` (a held-out or
    unscored page fails: it is not there)."""
    for rec, doc, labelled in train_pages():
        if rec["id"] == page_id:
            return doc, labelled
    raise AssertionError(f"{page_id}: no TRAIN page a test may clean")


def bracketed_units(page: str, start: str) -> list[tuple[str, bool]]:
    """(kind, survived) of the units of the TRAIN page's bracketed line (GUIDELINE rule 5)
    opening with ``start``: the content part, then one ``glued`` unit per span."""
    from cleannews.evaluate import _clean_traced, unit_rows

    doc, labelled = train_doc(page)
    lb = next(x for x in labelled if x.glued and x.text.lstrip().startswith(start))
    out, trace = _clean_traced(doc, False)
    rows = unit_rows(page, labelled, out, "\n".join(x.text for x in labelled), trace)
    return [(u.label, s) for _, u, s in rows if u.line == lb.line]


def ids_digest(ids: list[str]) -> str:
    """The SHA-256 ``split.json`` records for a frozen id list (ids joined by newlines), as
    ``tools/strip_corpus/freeze_split.py`` computes it."""
    import hashlib

    return hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()


def corpus_records() -> list[dict]:
    """Every manifest record of ``fixtures/strip_real`` (all batches, in file order)."""
    recs = []
    for mf in sorted((CORPUS / "manifests").glob("*.jsonl")):
        recs += [json.loads(x) for x in mf.read_text("utf-8").splitlines() if x.strip()]
    return recs


def corpus_split() -> dict:
    """``fixtures/strip_real/split.json``: the frozen held-out lists (ids, sites, SHA-256)."""
    return json.loads((CORPUS / "split.json").read_text("utf-8"))


def guideline_kinds() -> set[str]:
    """The furniture kinds of the labelling guideline's table (``GUIDELINE.md``, a row
    ``| `nav` | …``): every label a page's furniture line may carry.

    >>> {"nav", "whitespace"} <= guideline_kinds()
    True
    """
    import re

    guide = (CORPUS / "GUIDELINE.md").read_text("utf-8")
    return set(re.findall(r"^\| `([a-z_]+)` \|", guide, re.M))


def detector_lines(texts, stop: frozenset[str] = frozenset()) -> list:
    """``texts`` as the strip detectors' lines (``detectors._Line`` with the stop words
    ``stop``), none judged yet."""
    from cleannews.strip.detectors import _Line

    return [_Line(t, stop) for t in texts]


def line_rules(lines) -> list[str | None]:
    """The rule that removed each detector line (``None``: the line is kept)."""
    return [ln.removal.rule if ln.removal else None for ln in lines]


def taken_lines(texts: list[str], taken: dict[int, str], stop: frozenset[str] = frozenset()):
    """``texts`` as strip lines (:func:`detector_lines` with the stop words ``stop``), the
    lines of ``taken`` (``{index: rule}``) removed by that rule: the page a give-back guard
    reads."""
    lines = detector_lines(texts, stop)
    for k, rule in taken.items():
        lines[k].bad(rule, "taken")
    return lines


def rule_of(lang: str, name: str) -> dict:
    """The rule ``name`` of ``strip/data/<lang>.json`` as the data file writes it."""
    from cleannews.strip import _rules

    return next(r for r in _rules._rule_file(lang)["rules"] if r["name"] == name)


def rule_takes(kind: str, pattern: str, line: str) -> bool:
    """Whether ``pattern`` of a rule of ``kind`` takes ``line`` as the rule is served: a line
    rule the whole line (``_rules.LINE_LEAD`` before, ``LINE_TAIL`` after), a prefix rule its
    start, a phrase rule a piece of it.

    >>> rule_takes("line", "Lire la suite", "• Lire la suite…")
    True
    >>> rule_takes("line", "Lire", "Lire la suite"), rule_takes("prefix", "Lire", "Lire la suite")
    (False, True)
    """
    import regex

    from cleannews.strip import _rules

    lead = _rules.LINE_LEAD.replace("{{", "{").replace("}}", "}") + "(?:"
    text, flags = _rules.match_text(line), regex.I | regex.V0
    if kind == "line":
        return regex.match(lead + pattern + ")" + _rules.LINE_TAIL, text, flags) is not None
    if kind == "prefix":
        return regex.match(lead + pattern + ")", text, flags) is not None
    return regex.search(pattern, text, flags) is not None


def family_pattern(families: dict, family: str) -> str:
    """The one pattern of a furniture family's rule that takes every line of the family.
    ``families[family]`` is ``(lang, rule name, [(TRAIN page, site, line), …])`` (the tables
    of tests/test_recall28.py and test_recall29.py)."""
    lang, name, xs = families[family]
    rule = rule_of(lang, name)
    found = [p for p in rule["patterns"] if all(rule_takes(rule["kind"], p, x) for _, _, x in xs)]
    assert len(found) == 1, (family, found)
    return found[0]


# --- furniture families (tests/test_recall28.py, test_recall29.py) ----------------------
# A family table: ``{family: (lang, rule name, [(TRAIN page, site, line as labelled, or its
# end for a caption), …])}``. These are the checks each family round runs on its table.


def assert_family_line_goes(strip_real_docs, families: dict, family: str, page: str,
                            site: str, line: str, config) -> None:
    """The family's line is furniture on its TRAIN page and goes there with the family's
    rule. The labelled line is the one equal to ``line``, else the first ending with it."""
    rec, doc, labelled = strip_real_docs[page]
    assert rec["split"] == "train" and rec["site"] == site  # never a held-out page
    lb = next((lb for lb in labelled if lb.text.strip() == line), None) or next(
        lb for lb in labelled if lb.text.strip().endswith(line))
    assert not lb.content
    assert served_removals(doc, config).get(lb.text.strip()) == families[family][1]


def assert_family_transfers(families: dict, family: str, min_sites: int) -> None:
    """Leave one site out: one pattern of the rule takes every line of the family, so on
    each site the pattern has support on the other sites (at least ``min_sites - 1``)."""
    from tools.strip_model.rule_support import matching_patterns

    lang, _, xs = families[family]
    pattern = family_pattern(families, family)
    for _, _, line in xs:  # the pattern is credited with the line (tools.strip_model.transfer)
        assert (lang, pattern) in matching_patterns(line, [(lang, pattern)])
    assert len({site for _, site, _ in xs}) >= min_sites


def family_content_hits(strip_real_docs, families: dict, family: str) -> list[tuple[str, str]]:
    """``(page, line)`` of every TRAIN content line the family's pattern takes."""
    lang, name, _ = families[family]
    kind, pattern = rule_of(lang, name)["kind"], family_pattern(families, family)
    return [(pid, lb.text) for pid, (rec, _, labelled) in strip_real_docs.items()
            if rec["split"] == "train" for lb in labelled
            if lb.content and lb.text.strip() and rule_takes(kind, pattern, lb.text.strip())]


def assert_literals_left(gone: dict[tuple[str, str], list[str]]) -> None:
    """No other rule keeps a literal a family now covers (``{(lang, rule): [line, …]}``):
    the literal would take the line first and its support would be one site again."""
    from tools.strip_model.rule_support import matching_patterns

    for (lang, name), lines in gone.items():
        pats = [(lang, p) for p in rule_of(lang, name)["patterns"]]
        assert pats, name  # the rule keeps its other patterns
        for line in lines:
            assert not matching_patterns(line, pats), (name, line)


def assert_content_line_stays(train_page, page: str, start: str, config) -> None:
    """The content line of TRAIN ``page`` starting with ``start`` is not removed."""
    doc, labelled = train_page(page)
    lb = next(lb for lb in labelled if lb.text.startswith(start))
    assert lb.content
    assert lb.text.strip() not in served_removals(doc, config)


#: Inputs where a second strip pass still removes something, recorded when they were added
#: (each must still do so, so that a fix shows and the entry is dropped). Empty since round 28:
#: it-r28-0007's related teasers ending "… Leggi tutto" were taken as a run of excerpts only by
#: a second pass, once the glued "Leggi tutto" was cut; ``excerpt_run`` now reads each line as
#: it will read once its glued spans are cut (docs/strip-history.md, "Content lost on fresh
#: pages, second batch (issue 10, round 28)").
#: Round 30's transfer batches brought two, fixed the same round (tests/test_idem37.py): the
#: rules now also read a line as it will read once its glued spans are cut (fr-r32-0022's
#: "Abonnement sans engagementDéjà abonné ? Connectez-vous"), and "Version à imprimer" /
#: "Version en PDF" are furniture, so fr-r33-0021's "Envoyer à un ami | Version à imprimer |
#: Version en PDF" goes whole instead of losing its parts as a headline's site suffix.
#: Round 32's transfer batch r36 brought one, fixed in round 33 (tests/test_idem42.py):
#: de-r36-0001 (a fire brigade's report page), where the first pass took the "|" separators
#: between "Brand" / "Zugriffe 2364" and "eingesetzte Kräfte" / "Einsatzbericht" and the second
#: pass then read the four as one menu run; ``_menu_runs`` now reads through such a separator
#: as a second pass does.
IDEMPOTENCE_KNOWN: dict[str, set[str]] = {}


def wait_lock_released(out: Path, timeout: float = 60.0) -> None:
    """Wait until no process holds the run lock of the output folder ``out``.

    After ``os.killpg(pid, SIGKILL)`` and ``proc.wait()`` (the parent reaped), the run's
    workers, killed with it, can live a moment longer on a loaded machine, and they share
    the parent's lock (``cleannews.batch.sinks.FolderLock``): a ``--resume`` started then is
    rightly refused ("in use by another cleannews run"). Tests that kill a run and resume it
    wait here first, as a user would wait for the killed run to be gone.
    """
    import fcntl

    from cleannews.batch.sinks import LOCK_NAME

    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(Path(out) / LOCK_NAME, os.O_RDONLY)
        except FileNotFoundError:
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError:
            if time.monotonic() > deadline:
                msg = f"{out}: the killed run's lock still held {timeout:.0f} s on"
                raise AssertionError(msg) from None
            time.sleep(0.01)
        finally:
            os.close(fd)
