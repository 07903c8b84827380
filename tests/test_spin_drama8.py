"""The literary register gate of the grammar evidence (spin-drama8).

French drama in verse and prose (FreDraCor, development excerpts of dev-split playwrights,
``fixtures/spin/drama_dev.jsonl``) stays out of quarantine; the gate recognises verse, speaker
labels and stage dialogue there, never in the clean UD documents or their spins
(``fixtures/spin/validation.jsonl.gz``), and slips beyond its allowance still count.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleannews
from _helpers import read_jsonl
from cleannews.score._features import (
    REGISTER_ALLOWANCE,
    SLIP_PRIORITY,
    analyse,
    block_tokens,
    register_marks,
    text_blocks,
)

ROOT = Path(__file__).resolve().parents[1]
DRAMA = ROOT / "fixtures" / "spin" / "drama_dev.jsonl"
VALIDATION = ROOT / "fixtures" / "spin" / "validation.jsonl.gz"


def _drama() -> list[dict]:
    with DRAMA.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _register(text: str) -> str:
    marks = (register_marks(block_tokens(b).toks).register() for _, b in text_blocks(text))
    return "; ".join(filter(None, marks))


@pytest.mark.parametrize("rec", _drama(), ids=lambda r: r["id"])
def test_drama_not_quarantined(rec):
    """No excerpt of the fixture is quarantined (one was, and 12 were "suspect", before)."""
    s = cleannews.spin_score(rec["text"])
    assert s.label != "spun", (s.score, [(e.signal, e.text) for e in s.evidence][:10])


def test_register_recognised_in_verse_and_labelled_layouts():
    """Verse on lines or joined into speeches has verse starts; a labelled play has labels."""
    recs = _drama()
    verse = [r for r in recs if r["mode"] == "verse"]
    assert verse
    seen = [_register(r["text"]) for r in verse]
    assert sum("verse starts" in w for w in seen) >= 0.8 * len(verse), seen
    labelled = [r for r in recs if r["layout"] == "labelled"]
    assert any("speaker labels" in _register(r["text"]) for r in labelled)


def test_song_slips_allowed_for():
    """The colloquial song quarantined before: its first slips are shown, not counted."""
    rec = next(r for r in _drama() if r["id"] == "lemerciere-carnot-malade:verse")
    hits = [h for h in analyse(rec["text"]).hits if h.signal in SLIP_PRIORITY]
    damped = [h for h in hits if "literary register" in h.reason]
    assert len(damped) == REGISTER_ALLOWANCE
    assert all(not h.counted for h in damped)


def test_slips_beyond_the_allowance_count():
    """A naive spin leaves many slips: in a verse excerpt, those beyond the allowance count."""
    verse = [r for r in _drama() if r["mode"] == "verse"]
    rec = next(r for r in verse if "verse starts" in _register(r["text"]))
    slips = "Il voit la tumulte, de les soldats, une navire, la courage, le victoire."
    base = sum(h.counted for h in analyse(rec["text"]).hits if h.signal in SLIP_PRIORITY)
    text = rec["text"] + "\n" + slips
    hits = [h for h in analyse(text).hits if h.signal in SLIP_PRIORITY]
    counted = sum(h.counted for h in hits)
    assert sum("literary register" in h.reason for h in hits) == REGISTER_ALLOWANCE
    assert counted >= base + 5 - REGISTER_ALLOWANCE


def test_news_spins_never_in_register():
    """No clean UD document of the validation file, nor any of its MyThes V spins, is in the
    literary register: the gate leaves their grammar evidence alone."""
    recs = read_jsonl(VALIDATION)
    inside = [(r["id"], _register(r["text"])) for r in recs if _register(r["text"])]
    assert not inside, inside[:5]


def test_plain_prose_slips_still_count():
    """Outside the register nothing changes: three slips in news prose all count."""
    text = (
        "Le gouvernement a présenté mardi la projet de loi sur le logement. "
        "Les députés examineront de les amendements la semaine prochaine, "
        "et le ministre défendra le réforme devant la commission des finances."
    )
    hits = [h for h in analyse(text).hits if h.signal in SLIP_PRIORITY]
    assert hits and all(h.counted for h in hits)
    assert not _register(text)
