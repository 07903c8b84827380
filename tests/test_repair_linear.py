"""Adversarial inputs: decoding and repair stay linear in the input size.

Each test runs the same work on an input of size n and of size 4n and compares
the CPU time of this process (``time.process_time``, not wall time: other
processes on the machine do not count) as a ratio. Linear work takes about 4x,
quadratic work 16x; the limit, 10x, is generous both ways. The sizes are those
at which the quadratic versions of this code took from seconds to minutes.
Absolute speed is measured in ``benchmarks/bench_adversarial.py``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import pytest

from cleannews import CleanConfig
from cleannews._input import decode_input
from cleannews.repairs import repair_text
from cleannews.repairs.fastpath import suspect_lines

REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)
#: Largest CPU-time ratio accepted for 4x the input (linear: ~4, quadratic: ~16).
MAX_RATIO_FOR_4X = 10.0

FRENCH = "Le marché de l’économie française « résiste », dit-il ; 3 000 € l’an. "
RUSSIAN = "Экономика Франции устойчива, сказал министр в среду вечером. "


def cpu_seconds(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return max(best, 1e-3)


def assert_linear(make: Callable[[int], object], work: Callable[[object], object], n: int) -> None:
    small, big = make(n), make(4 * n)
    ratio = cpu_seconds(lambda: work(big)) / cpu_seconds(lambda: work(small))
    assert ratio < MAX_RATIO_FOR_4X, f"4x the input took {ratio:.1f}x the time"


def non_utf8_bytes(n: int) -> bytes:
    """UTF-8 French with stray Windows-1252 bytes: the mixed decoding path."""
    rng = random.Random(1)
    para = FRENCH.encode()
    data = bytearray((para * (n // len(para) + 1))[:n])
    for i in rng.sample(range(n), n // 200):
        if data[i] < 0x80:
            data[i] = rng.choice(b"\xe9\x93\x94")
    return bytes(data)


def test_decoding_mixed_bytes_is_linear() -> None:
    data = non_utf8_bytes(1000)
    text, changes = decode_input(data)
    assert text.count("\u201c") + text.count("\u00e9") >= 5
    assert changes and all(c.rule == "decode_cp1252_fallback" for c in changes)
    assert_linear(non_utf8_bytes, decode_input, 1_000_000)


def test_decoding_random_bytes_is_linear() -> None:
    rng = random.Random(2)
    no_controls = bytes.maketrans(bytes(range(32)), b" " * 32)

    def make(n: int) -> bytes:
        return rng.randbytes(n).translate(no_controls)

    assert_linear(make, decode_input, 1_000_000)


def test_suspect_line_scan_of_one_long_cyrillic_line_is_linear() -> None:
    def make(n: int) -> str:
        return (RUSSIAN * (n // len(RUSSIAN) + 1))[:n]

    assert suspect_lines(make(1000)) == {0}
    assert_linear(make, suspect_lines, 1_250_000)


@pytest.mark.parametrize(
    "alphabet",
    ["abcdéèàçxyz’«»—0123456789", "Ã©â€™Ã\u00a0Ð¼ "],
    ids=["no spaces", "mojibake"],
)
def test_repair_of_one_long_line_is_linear(alphabet: str) -> None:
    rng = random.Random(3)

    def make(n: int) -> str:
        return "".join(rng.choice(alphabet) for _ in range(n))

    assert_linear(make, lambda t: repair_text(t, REPAIR_ONLY), 40_000)


def test_repair_of_one_long_line_of_mojibake_is_linear() -> None:
    broken = FRENCH.encode("utf-8").decode("cp1252", errors="replace")

    def make(n: int) -> str:
        return (broken * (n // len(broken) + 1))[:n]

    assert repair_text(make(2000), REPAIR_ONLY).text.startswith("Le marché de l’économie")
    assert_linear(make, lambda t: repair_text(t, REPAIR_ONLY), 60_000)
