"""Golden spin scores: record (once) and compare what ``cleannews.spin_score`` returns.

    .venv/bin/python benchmarks/spin_golden.py --record  # writes the golden file (see below)
    .venv/bin/python benchmarks/spin_golden.py           # compares the current code with it

The file pins every public field of :class:`cleannews.SpinScore` (score, label,
evidence with spans and reasons, paragraph scores, signals) and the unrounded
document feature vector for about 400 real inputs: the seeds, the correct-French
fixture, documents of ``fixtures/spin/validation.jsonl.gz`` (clean and spun),
``heldout_embedding.jsonl.gz`` and ``negatives.jsonl.gz``, the content lines of
real pages of ``fixtures/strip_real`` (every language), and a few built inputs
(a long spun document with more than 300 pieces of evidence and repeated rare
words, CRLF line ends, a last line ending in "afin", one very long line).
The file, ``fixtures/spin/golden_scores.jsonl.gz``, was recorded from the code
before the throughput work (issue 12) and guards ``tests/test_spin_golden.py``:
the speed-ups must not move a score. The model is
part of the recorded state: after a retrained ``model.json`` lands, re-record
(the file stores the model's sha256 and the test says so). Re-recorded once on
purpose since: by the spin-typo branch (issue 11, one slip counts once), which moved
8 records (overlapping grammar hits counted once, the second one shown with weight 0);
by spin-quar4 (the context term as one kind of evidence toward a quarantine), which moved
34 records: 6 careful spins suspect -> spun, 7 spun scores up (0.99x -> 1.0, the term now
added to them), new ``decided.*`` signals on the rest; no human, real-page or seed label;
by spin-quar5 (sufficient evidence quarantined from ``_decision.DECIDED_LOGIT``, scattered
broken grammar), which moved 2 validation spins suspect -> spun (one by scattered grammar,
one by the context term in two paragraphs at the lowered bar); no human, real-page or seed
record among those compared (the sample's negatives of the test split were re-recorded, not
inspected); by spin-fp7 (speech register, no elision evidence before est/a/en/aux, "son
humeur", coordinated nouns), which moved 3 negatives of 404: 2 dev (clean, scores down
0.015 -> 0.009, 0.019 -> 0.012) and 1 of the test split (suspect -> clean; its text not read);
no spin, seed, correct-French, validation or real-page record; by round 29's long-text
parts (issue 11: paragraphs cut at sentence ends, the highest of many parts discounted),
which moved the 4 built records of more than 2,000 words: ``built:long_line`` (clean, 1 part
-> 9, 0.0189 -> 0.0449) and ``built:long_spun_line`` (1 -> 34 parts, 1.0 -> 0.9999, evidence
300 -> 42) were scored whole, ``built:long_spun`` and ``built:mixed_paragraphs`` gained the
``segment_score`` / ``parts_adjustment`` signals (scores unchanged); by round 30's long-text
parts (issue 11: a part with sufficient evidence discounted less, no cut after "M." and other
abbreviations), which moved the same 4 built records: the ``segment_strong`` signal, and
``built:long_spun_line``'s part bounds (a cut after an abbreviation moved); no score or label;
by round 30's window rank (issue 11: of more than 6 windows of 60 words the
``ceil(n / 6)``-th densest stands for the text, ``_model.window_rank``), which moved 5 records:
``built:crlf`` (four clean UD documents, 0.8991 suspect -> 0.2346 clean), ``built:afin_tail``
(clean, 0.1199 -> 0.037), ``built:long_spun`` and ``built:mixed_paragraphs`` (features 12-13
only, still spun) and ``seed:003`` (evidence weights only, still 1.0 spun); by round 33's
lone slip kept out of the context term's reading (issue 11, ``_decision.mask_slips``), which
moved 21 records, no label: 18 validation / embedding spins with one slip (context term and
score down, at most 0.653 -> 0.528), 2 typo negatives and ``real:fr-b-0128`` (by < 0.0003);
by round 36's ``score.news_rarity`` (careful51: next to a present lexical kind, in text the
register gate reads as news, rare vocabulary keeps half its own contribution), which moved 7
spins up, no human, real-page, correct-French or seed record: 2 validation spins
(``emea-fr-dev:255:careful:0.1`` 0.624 -> 0.642, ``emea-fr-dev:268:careful_freq:0.2`` 0.151 ->
0.344) and 5 embedding spins (one label, ``emea-fr-dev:146:emb:careful:0.3`` clean 0.324 ->
suspect 0.513); by round 38's grammar exceptions (spinclean53: no elision slip before a word
the lexicon lacks, "in"/"off", the n' of rock'n'roll, stage patois "j'parlerons"; no number
clash before "pourcent"/"mil"; no gender clash on a one-letter word), which moved 16 records,
no label among the 13 inspected: 1 spin whose clean original carried the false slip
(``held:...fr-ud-dev:35:emb:naive:0.15``, suspect 0.8991 -> 0.7809, "de ovocné"), the dev
negative ``questions-f2d8ef492802`` (0.0167 -> 0.0102), ``real:fr-b-0117`` (0.0156 ->
0.0095), 5 Spanish real pages (features only), the 5 built records (``built:long_line`` 0.0422
-> 0.0178, the others by < 0.0001); 3 held-out records re-recorded, not inspected; by round
38's name capitals (spincap53: the context term reads a word capitalised where no sentence
starts as a word the table lacks, unless the article before it does not fit it), which moved
70 records, 59 inspected (seed 003's evidence, 34 validation spins, 15 dev negatives, 4 real
pages, 5 built records), one label among them (``val:...Europar:201:careful:0.2`` clean 0.447
-> suspect 0.578); 11 held-out records re-recorded, not inspected; by round 40's grown
kind prior (spinprior55: ``mu_growth`` 2 and ``kind_min`` 0.9 in ``context_kind.json``),
which moved 17 records, 14 inspected (seed 003, 11 validation spins, the 2 built spun
records): context evidence and signals only, no score or label; 3 held-out records
re-recorded, not inspected.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
GOLDEN = ROOT / "fixtures" / "spin" / "golden_scores.jsonl.gz"
MODEL = ROOT / "src" / "cleannews" / "score" / "data" / "model.json"
#: Floats are compared to this tolerance (the public fields are rounded to 4 decimals).
TOLERANCE = 1e-9


#: The real-page batches the golden file was recorded on: pages added to the corpus later
#: are left out, so that the seeded random sample of real pages stays the recorded one.
GOLDEN_REAL_BATCHES = frozenset({"de-m", "en-m", "es-m", "fr-a", "fr-b", "it-m"})


def _jsonl(name: str) -> list[dict]:
    with gzip.open(ROOT / "fixtures" / "spin" / name, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def inputs() -> list[tuple[str, str]]:
    """``(id, text)`` of every golden input, in a fixed order."""
    out: list[tuple[str, str]] = []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        out.append((f"seed:{p.stem}", p.read_text(encoding="utf-8")))
    with open(ROOT / "fixtures" / "spin" / "correct_french.jsonl", encoding="utf-8") as fh:
        out += [(f"correct:{r['id']}", r["text"]) for r in map(json.loads, fh)]
    rnd = random.Random(12)
    val = _jsonl("validation.jsonl.gz")
    out += [(f"val:{r['id']}", r["text"]) for r in rnd.sample(val, 80)]
    held = _jsonl("heldout_embedding.jsonl.gz")
    out += [(f"held:{r['id']}", r["text"]) for r in rnd.sample(held, 40)]
    # the negatives as they were before spin-neg6 added sources (v6) (the sample stays the same)
    hist = json.loads((ROOT / "fixtures" / "spin" / "negatives_history.json").read_text("utf-8"))
    neg = [r for r in _jsonl("negatives.jsonl.gz") if r["source"] not in set(hist["v7_sources"])]
    out += [(f"neg:{r['id']}", r["text"]) for r in rnd.sample(neg, 140)]
    from cleannews.evaluate import page_batch, read_corpus

    real = [
        (rec["id"], "\n".join(lb.text for lb in labelled if lb.content))
        for rec, _doc, labelled in read_corpus(ROOT / "fixtures" / "strip_real")
        if page_batch(rec["id"]) in GOLDEN_REAL_BATCHES
    ]
    out += [(f"real:{i}", t) for i, t in rnd.sample(real, 120)]
    # built inputs: many paragraphs and pieces of evidence, repeated rare words
    spun = [r["text"] for r in val if r["mode"] == "naive" and r["rate"] == 0.5][:40]
    out.append(("built:long_spun", "\n\n".join(spun + spun[:5])))
    clean = [r["text"] for r in val if r["id"].endswith(":clean")][:30]
    out.append(("built:long_line", " ".join(t.replace("\n", " ") for t in clean[:12])))
    out.append(("built:crlf", "\r\n".join(clean[12:16]) + "\r\n\r\n  \t\n"))
    tail = clean[16] + "\nIl est venu afin\n" + clean[17] + "\n« — » …\n\n" + clean[18] + " afin"
    out.append(("built:afin_tail", tail))
    mixed = "\n".join(s + "\n" + c for s, c in zip(spun[5:15], clean[19:29], strict=False))
    out.append(("built:mixed_paragraphs", mixed))
    # the long spun text on one line: scored whole in round 28 (so it hit the evidence cap),
    # in parts cut at sentence ends since round 29 (score._segments)
    out.append(("built:long_spun_line", " ".join(t.replace("\n", " ") for t in spun + spun[:5])))
    return out


def result_record(text: str) -> dict:
    """Every public field of the spin score of ``text`` (JSON-ready)."""
    import cleannews

    s = cleannews.spin_score(text)
    return {
        "score": s.score,
        "label": s.label,
        "language": s.language,
        "n_words": s.n_words,
        "evidence": [[e.signal, *e.span, e.text, e.reason, e.weight] for e in s.evidence],
        "paragraphs": [
            [p.index, *p.span, p.score, p.label, p.n_words, p.evidence_count] for p in s.paragraphs
        ],
        "signals": s.signals,
    }


def raw_features(text: str) -> list[float]:
    """The unrounded document feature vector (as the model sees it)."""
    from cleannews.score._features import ParagraphCounts, analyse
    from cleannews.score._model import feature_vector

    a = analyse(text)
    doc = ParagraphCounts(0, 0)
    for p in a.paragraphs:
        doc.add(p)
    return feature_vector(doc, a.paragraphs)


def model_sha() -> str:
    return hashlib.sha256(MODEL.read_bytes()).hexdigest()


def record() -> None:
    rows = []
    for rid, text in inputs():
        rows.append(
            {
                "id": rid,
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "model": model_sha(),
                "result": result_record(text),
                "features": raw_features(text),
            }
        )
    with gzip.open(GOLDEN, "wt", encoding="utf-8", compresslevel=9) as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} records to {GOLDEN}")


def load() -> list[dict]:
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def differences(want, got, path: str = "") -> list[str]:
    """Where two JSON-like values differ (floats to TOLERANCE)."""
    if isinstance(want, float) or isinstance(got, float):
        if isinstance(want, (int, float)) and isinstance(got, (int, float)):
            return [] if abs(want - got) <= TOLERANCE else [f"{path}: {want!r} != {got!r}"]
    if isinstance(want, dict) and isinstance(got, dict):
        if want.keys() != got.keys():
            return [f"{path}: keys {sorted(set(want) ^ set(got))}"]
        return [d for k in want for d in differences(want[k], got[k], f"{path}.{k}")]
    if isinstance(want, list) and isinstance(got, (list, tuple)):
        if len(want) != len(got):
            return [f"{path}: length {len(want)} != {len(got)}"]
        pairs = enumerate(zip(want, got, strict=True))
        return [d for i, (a, b) in pairs for d in differences(a, b, f"{path}[{i}]")]
    return [] if want == got else [f"{path}: {want!r} != {got!r}"]


def compare() -> int:
    gold = {r["id"]: r for r in load()}
    bad = 0
    for rid, text in inputs():
        g = gold[rid]
        diffs = differences(g["result"], json.loads(json.dumps(result_record(text))))
        diffs += differences(g["features"], raw_features(text), "features")
        if diffs:
            bad += 1
            print(rid, diffs[:5])
    print(f"{len(gold)} records, {bad} differ")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--record", action="store_true", help="write the golden file from this code")
    args = ap.parse_args(argv)
    if args.record:
        record()
        return 0
    return compare()


if __name__ == "__main__":
    sys.exit(main())
