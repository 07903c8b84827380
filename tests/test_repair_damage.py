"""A small sample of the damage benchmark as a gate: cleannews restores at least as
many damaged French documents as ``ftfy.fix_text(uncurl_quotes=False)``, per kind.

The documents are the repository's 400 UD sentences (``fixtures/repair``), in news
typography, grouped four to a paragraph; the full benchmark is
``benchmarks/bench_damage.py``. The damage functions are the benchmark's own.
"""

from __future__ import annotations

import random
from pathlib import Path

import ftfy
import pytest

import cleannews
from _helpers import load_script
from cleannews import CleanConfig

ROOT = Path(__file__).resolve().parents[1]
REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)


def _bench_module(name: str):
    return load_script(ROOT / "benchmarks" / f"{name}.py", name, register=True)


french_text = _bench_module("french_text")
damage = _bench_module("damage")


def _documents() -> list[str]:
    rng = random.Random(11)
    rows = (ROOT / "fixtures" / "repair" / "fr_ud_sample.tsv").read_text("utf-8").splitlines()
    sents = [french_text.typeset(r.split("\t", 1)[1], rng) for r in rows]
    docs = []
    for i in range(0, 240, 8):
        docs.append(" ".join(sents[i : i + 4]) + "\n\n" + " ".join(sents[i + 4 : i + 8]) + "\n")
    return docs + sents[240:300]  # 30 two-paragraph documents and 60 single sentences


DOCS = _documents()
REF_OURS = [cleannews.repair(d, REPAIR_ONLY).text for d in DOCS]
REF_FTFY = [ftfy.fix_text(d, uncurl_quotes=False) for d in DOCS]


@pytest.mark.parametrize("kind", list(damage.KINDS))
def test_cleannews_restores_at_least_what_ftfy_restores(kind: str) -> None:
    rng = random.Random(f"gate:{kind}")
    n = ours = theirs = 0
    for doc, ref_ours, ref_ftfy in zip(DOCS, REF_OURS, REF_FTFY, strict=True):
        broken = damage.damage(doc, kind, rng)
        if broken == doc:
            continue
        n += 1
        ours += cleannews.repair(broken, REPAIR_ONLY).text == ref_ours
        theirs += ftfy.fix_text(broken, uncurl_quotes=False) == ref_ftfy
    assert n >= 40
    assert ours >= theirs, f"{kind}: cleannews {ours}/{n}, ftfy {theirs}/{n}"
    assert ours / n >= 0.95, f"{kind}: cleannews {ours}/{n}"
