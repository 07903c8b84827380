"""The clean context count table: compact layout, and no checking/calibration text counted.

The table (``src/cleannews/score/data/context_counts.bin.gz``) is built by
``tools/spin/build_context_clean.py`` from modern French of shippable licence; every line
sharing a 6-word shingle with a reserved text (negatives of all splits, spin fixtures,
``fixtures/spin/fresh/``, correct-French fixture, UD GSD/Sequoia, seeds,
``fixtures/strip_real`` pages) was dropped. The builder keeps a 1/16 sample of the counted
shingles (``tools/spin/data/context_clean_fingerprint.u64.gz``); this test recomputes the
reserved shingles from the fixtures as they are NOW and fails if any is in that sample (a
fixture added later that overlaps the counted text shows up here too).
"""

from __future__ import annotations

import gzip
import sys
from array import array
from pathlib import Path

import pytest

from cleannews.score._context import (
    CountTable,
    decode_count,
    encode_count,
    get_count_table,
)

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / "tools/spin"
FINGERPRINT = TOOLS / "data/context_clean_fingerprint.u64.gz"
TABLE = REPO / "src/cleannews/score/data/context_counts.bin.gz"


@pytest.fixture(scope="module")
def builder():
    sys.path.insert(0, str(TOOLS))
    import build_context_clean

    return build_context_clean


def test_count_codes_round_trip_within_three_percent():
    for c in (1, 2, 50, 127, 128, 300, 1000, 10_000, 30_000):
        d = decode_count(encode_count(c))
        assert abs(d - c) <= 0.03 * c, (c, d)
    # saturates (the largest code) instead of overflowing the byte
    assert encode_count(10**6) == encode_count(10**9) == 255
    assert decode_count(255) > 30_000


def test_shipped_table_is_compact_and_answers_real_pairs():
    assert TABLE.stat().st_size <= 3_000_000
    t = get_count_table()
    assert len(t) > 20_000 and t.n > 3_000_000
    # frequent news/parliament collocations are there, in order
    assert t.pair("premier", "ministre") > 100
    assert t.pair("ministre", "premier") < t.pair("premier", "ministre")
    assert t.pair("de", "la") > t.pair("la", "de")
    assert t.count("gouvernement") > t.count("gouvernance") > 0
    assert t.pair("zzzz", "de") == 0 and t.count("zzzz") == 0


def test_table_from_parts_matches_lookup():
    t = CountTable.from_parts(["a", "b", "c"], [5, 4, 3], {(0, 2): 3, (0, 1): 200, (2, 0): 2})
    assert (t.pair("a", "b"), t.pair("a", "c"), t.pair("c", "a"), t.pair("b", "a")) == (
        decode_count(encode_count(200)), 3, 2, 0)


def _fingerprint() -> set[int]:
    fp = array("Q")
    fp.frombytes(gzip.decompress(FINGERPRINT.read_bytes()))
    if sys.byteorder != "little":
        fp.byteswap()
    return set(fp)


@pytest.mark.slow
def test_no_reserved_text_in_the_counted_lines(builder):
    counted = _fingerprint()
    assert len(counted) > 50_000
    assert all(h % builder.FINGERPRINT_MOD == 0 for h in list(counted)[:10_000])
    origins: dict[str, int] = {}

    def texts():
        for origin, text in builder.reserved_texts(REPO):
            origins[origin] = origins.get(origin, 0) + 1
            yield origin, text

    hits = builder.reserved_hits(counted, texts())
    # every reserved family was read (a moved fixture must not silently pass)
    for must in ("negatives.jsonl.gz", "fresh.jsonl.gz", "heldout_pivot.jsonl.gz",
                 "validation.jsonl.gz", "french-gsd.txt", "french-sequoia.txt", "seed",
                 "strip_real", "correct_french"):
        assert origins.get(must, 0) > 0, must
    assert not hits, hits[:5]


def test_the_check_fails_when_reserved_text_was_counted(builder):
    origin, text = next(builder.reserved_texts(REPO))
    words = builder.words_only(text)
    sampled = {h for h in builder.shingle_hashes(words) if h % builder.FINGERPRINT_MOD == 0}
    assert sampled, "probe too short for the 1/16 sample"
    assert builder.reserved_hits(_fingerprint() | sampled, [(origin, text)])
