"""Mutation check of ``cleannews.strip._keep`` and ``cleannews.repairs`` (round 29,
``tools/mutate.py``), and two gaps round 28 left in ``cleannews.batch.sinks``.

Each test here fails on a mutant that every earlier test of its module passed on (the
mutant is named in the test's docstring). Runs, survivors and the mutants judged equivalent
are listed under each section. CONTRIBUTING.md, "Checking that tests can fail".
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from _helpers import write_seed_corpus
from cleannews.batch import RunSettings, paths_for, run_batch
from cleannews.batch.sinks import OWNER_PEEK_BYTES, ResumeError, written_by_cleannews

# --- batch/sinks.py (round 28's gaps, tests/test_mut31.py) ---------------------------------


def _record_line(size: int, **keys) -> bytes:
    """One JSONL record of about ``size`` bytes: a long ``text`` then ``keys``."""
    text = "Le conseil municipal a voté le budget. " * (size // 39 + 1)
    return (json.dumps({"id": "a", "text": text, **keys}, ensure_ascii=False) + "\n").encode()


def test_a_cleannews_record_longer_than_the_peek_is_known_as_ours(tmp_path: Path) -> None:
    """Mutants of ``cut = len(first) >= OWNER_PEEK_BYTES and not first.endswith(b"\\n")``
    (sinks.py): ``>=`` -> ``>`` (``readline(OWNER_PEEK_BYTES)`` never returns more, so
    ``cut`` was never true), ``not`` dropped, ``and`` -> ``or``. A clean.jsonl whose first
    document is over 1 MiB holds its ``"cleannews"`` key past the peek: it is still known as
    a cleannews output (refused as "records of another cleannews run", not "not a cleannews
    output"), and a line of exactly the peek's length that ends there is read whole. Also
    ``return True`` for an unreadable file (line 414)."""
    big = tmp_path / "clean.jsonl"
    big.write_bytes(_record_line(2 * OWNER_PEEK_BYTES, cleannews={"verdict": "keep"}))
    assert written_by_cleannews(big)
    src = tmp_path / "in.jsonl"
    write_seed_corpus(src, 2)
    with pytest.raises(ResumeError) as refused:
        run_batch(RunSettings([str(src)], paths_for(big), jobs=1))
    assert "records of another cleannews run" in str(refused.value)
    assert "not a cleannews output" not in str(refused.value)
    # a user's line of exactly OWNER_PEEK_BYTES bytes, its newline the last one read: whole,
    # no cleannews key in it, so not ours
    head, tail = b'{"url": "https://www.example.fr/a", "note": "', b'"}\n'
    exact = head + b"x" * (OWNER_PEEK_BYTES - len(head) - len(tail)) + tail
    assert len(exact) == OWNER_PEEK_BYTES
    user = tmp_path / "notes.jsonl"
    user.write_bytes(exact)
    assert not written_by_cleannews(user)
    # a file that cannot be read (a gzip file cut short) counts as ours (line 414's
    # ``return True``): the refusal keeps the general message
    broken = tmp_path / "clean.jsonl.gz"
    broken.write_bytes(gzip.compress(b'{"url": "https://www.example.fr/a"}\n')[:16])
    assert written_by_cleannews(broken)


def test_the_sink_check_takes_a_path_not_there_yet_as_a_new_file(tmp_path: Path) -> None:
    """Mutant: ``return True`` -> ``False`` in ``_regular_or_new``'s ``except OSError``
    (sinks.py). The function's contract: a path that does not exist is a new file (so
    ``score --out`` gets its owner file), a device is not. In a run the branch is not
    reached: ``Sinks._open_streams`` creates every sink before ``_claim_sinks`` asks (a
    ``score`` run with ``--out`` and ``--errors`` and no error has both files)."""
    import os

    from cleannews.batch.sinks import _regular_or_new

    assert _regular_or_new(tmp_path / "scores.jsonl")
    assert _regular_or_new(tmp_path / "no" / "such" / "folder" / "scores.jsonl")
    assert not _regular_or_new(Path(os.devnull))
    assert not _regular_or_new(tmp_path)
