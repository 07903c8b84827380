"""The strip stage's decisions, pinned on real inputs: a speed change must not move them.

``fixtures/strip_regression/removals.jsonl.gz`` was recorded once from the code
*before* the throughput work (commit f750610, branch perf-strip) on

* the five seeds, the 64 plain-text fixtures of ``fixtures/strip`` and the pages of
  ``fixtures/strip_real`` that ``read_corpus`` returns by default (TRAIN and the first
  TEST list: 485 pages at recording; the 50 TRAIN pages added by branch strip-labels were
  appended on 2026-12-01 with every earlier record unchanged, and so were the 65 of branch
  strip-labels2 (batch ``*-d``); the second held-out list,
  test2, is never pinned; the pages of ``_helpers.UNSCORED_BATCHES``, the round's
  transfer check, are left out until the lead has scored them), as stored;
* the same documents in French typography (’ for ', no-break spaces before
  ``: ; ! ?`` and inside « »), which takes the rules' character-mapping path;

each through ``strip_text`` with the default configuration (rules, detectors and
line model) and through ``classify_lines(..., line_model=False)`` (rules and
detectors alone, so the record stays valid when only the line model changes).
Per document it keeps the SHA-256 of the output text, the list of removals
``(rule, start, end)`` and the SHA-256 of their reasons. The test asserts the
current code reproduces every record exactly.

Re-record (only after a change that is *meant* to change decisions, and say so
in the commit): ``.venv/bin/python tests/test_strip_regression.py --record``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path

import pytest

from _helpers import read_jsonl, unscored
from cleannews import CleanConfig
from cleannews.evaluate import read_corpus, read_fixture
from cleannews.strip import strip_text
from cleannews.strip._assemble import split_lines
from cleannews.strip.detectors import classify_lines

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "fixtures" / "strip_regression" / "removals.jsonl.gz"
CFG = CleanConfig()
NBSP, NNBSP = "\u00a0", "\u202f"


def typeset(text: str) -> str:
    """French typography: curly apostrophes, NNBSP before ``; : ! ?``, NBSP inside « ».

    >>> typeset("l'été : « oui » !")
    'l’été\\u202f: «\\xa0oui\\xa0»\\u202f!'
    """
    out = text.replace("'", "’").replace("« ", "«" + NBSP).replace(" »", NBSP + "»")
    for mark in (";", ":", "!", "?"):
        out = out.replace(" " + mark, NNBSP + mark)
    return out


def documents() -> list[tuple[str, str]]:
    """(id, text) of every pinned input, raw and typeset."""
    docs: list[tuple[str, str]] = []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        docs.append((f"seed/{p.stem}", p.read_text("utf-8")))
    for p in sorted((ROOT / "fixtures" / "strip").glob("*.txt")):
        docs.append((f"fixture/{p.stem}", read_fixture(p)[0]))
    for rec, doc, _ in read_corpus(ROOT / "fixtures" / "strip_real"):
        if unscored(rec["id"]):  # the round's transfer-check pages: recorded after scoring
            continue
        docs.append((f"real/{rec['lang']}/{rec['id']}", doc))
    return docs + [(f"typo:{i}", typeset(t)) for i, t in docs]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def snapshot(doc_id: str, text: str) -> dict:
    """What the strip stage decides on ``text``, in a compact comparable form."""
    r = strip_text(text, CFG)
    lines = split_lines(text)
    plan = classify_lines(text, lines, ("fr", "en"), line_model=False)
    rules_only = sorted(
        (i, p.rule, [(s.start, s.end, s.rule) for s in p.spans]) for i, p in plan.items()
    )
    return {
        "id": doc_id,
        "out": _sha(r.text),
        "removals": [[c.rule, c.span[0], c.span[1]] for c in r.changes],
        "reasons": _sha("\n".join(c.reason for c in r.changes)),
        "rules_only": _sha(json.dumps(rules_only) + "|" + _sha(
            "\n".join(p.reason for _, p in sorted(plan.items()))
        )),
    }


def _load() -> dict[str, dict]:
    return {r["id"]: r for r in read_jsonl(RECORD)}


@pytest.fixture(scope="module")
def recorded() -> dict[str, dict]:
    return _load()


@pytest.fixture(scope="module")
def inputs() -> list[tuple[str, str]]:
    return documents()


def test_record_covers_every_input(recorded, inputs):
    ids = [i for i, _ in inputs]
    assert len(ids) >= 2 * (5 + 485)
    assert sorted(recorded) == sorted(ids)
    # the record is not trivial: most pages lose something, thousands of removals in all
    assert sum(len(r["removals"]) for r in recorded.values()) > 2000


@pytest.mark.parametrize("part", range(4))
def test_strip_decisions_unchanged(recorded, inputs, part):
    """Output text, removals (rule, span) and reasons identical to the recorded ones."""
    docs = inputs[part::4]
    diffs = []
    for doc_id, text in docs:
        got = snapshot(doc_id, text)
        if got != recorded[doc_id]:
            want = recorded[doc_id]
            diffs.append(
                (doc_id, [k for k in got if got[k] != want[k]],
                 [x for x in got["removals"] if x not in want["removals"]][:3],
                 [x for x in want["removals"] if x not in got["removals"]][:3])
            )
    assert not diffs, f"{len(diffs)} of {len(docs)} documents changed, e.g. {diffs[:5]}"


def record() -> int:
    RECORD.parent.mkdir(parents=True, exist_ok=True)
    rows = [snapshot(i, t) for i, t in documents()]
    with gzip.open(RECORD, "wt", encoding="utf-8", compresslevel=9) as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    n = sum(len(r["removals"]) for r in rows)
    print(f"recorded {len(rows)} documents, {n} removals -> {RECORD}")
    return 0


if __name__ == "__main__":
    if "--record" in sys.argv:
        sys.exit(record())
    print(__doc__)
