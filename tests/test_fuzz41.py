"""Superlinear time and lost documents, hunted entry point by entry point (round 32).

``benchmarks/bench_scaling.py`` times ``clean``, ``clean_html``, ``spin_score``, the strip stage
and the CLI's ``run`` / ``score`` on adversarial shapes at n, 2n, 4n, 8n (docs/performance-
history.md, "Scaling of every entry point (round 32)"). One shape was quadratic: a page of
thousands of heading lines that take the lines under them ("Lire aussi" printed 32,000 times:
49 s in strip on round 31's code, 1 s now), pages of teaser-heading blocks and of comment
blocks after the article (``_tail_teasers``). ``detectors._take_next`` walked, for every such
heading, every removed line below it to the end of the page; it now jumps over a run of blank
or removed lines with ``_past_removed``, whose jumps the page's headings share.

The work is counted (lines run in ``_take_next`` and its helpers), not timed; one end-to-end
test guards against a hang (``hang_guard``: 75 s of CPU on round 31's code). The bad-input
tests check that every record of a malformed JSONL file (cut lines, NUL bytes, a BOM in the
middle, CRLF, records that are not objects, text fields of the wrong type, invalid UTF-8,
trailing data, a gzip cut short) ends in exactly one sink, with its id or place and a message.
On round 31's code 7 of the 11 tests fail: the four counting tests by their ratio (15–16×
for 4× the page), the jump test (no ``_past_removed``) and the two end-to-end ones by their guard;
the give-back test and the bad-input tests pass (they pin behaviour found correct).
"""

from __future__ import annotations

import gzip
import json
import random

import pytest

from _helpers import count_lines_in, hang_guard, run_cli, sink_records
from cleannews import CleanConfig
from cleannews.strip import detectors, strip_text
from cleannews.strip.detectors import _Line

CFG = CleanConfig()
PARA = ("Le conseil municipal a voté mardi le budget de la commune pour l’année prochaine, "
        "après un long débat sur la voirie et les écoles.")
TAKE_NEXT = frozenset({"_take_next", "_past_removed", "_passed_over"})


def headings_page(n: int, sep: str = "\n") -> str:
    """A paragraph, ``n`` lines of a related-articles heading, the paragraph again."""
    return PARA + "\n" + f"Lire aussi{sep}" * n + PARA


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["lines", "blank between"])
def test_headings_walk_the_removed_lines_under_them_once(sep):
    counts = []
    for n in (500, 2000):
        count, result = count_lines_in(TAKE_NEXT, strip_text, headings_page(n, sep), CFG)
        assert result.text.count("Lire aussi") == 0
        assert result.text.count(PARA) == 2
        counts.append(count)
    # linear: ~4x for 4x the headings; quadratic (round 31): ~16x
    assert counts[1] <= counts[0] * 6, counts


#: The shapes of the quadratic pages of round 32: blocks of a page, printed ``n`` times.
TEASER_BLOCKS = ("Sur le même sujet", "Le maire répond aux critiques de l'opposition",
                 "À lire aussi", "Un autre titre pour la page ici")
COMMENT_BLOCK = ("Commentaires", "jean400 a écrit le 3 mars", "Très bon article merci")
#: The functions whose lines are counted: the passes that were quadratic and their helpers.
PASSES = TAKE_NEXT | {"_in_a_list", "_inside_article", "_next_is_good", "_next_is_byline",
                      "nearest_standing", "next_standing",
                      "_tail_teasers", "_paragraph_line", "_skip", "<genexpr>"}


@pytest.mark.parametrize(("block", "end"), [(TEASER_BLOCKS, "\n" + PARA), (COMMENT_BLOCK, "")],
                         ids=["teasers", "comments at the end"])
def test_blocks_under_the_article_are_read_a_bounded_number_of_times(block, end):
    strip_text(PARA, CFG)  # rule files loaded before counting
    counts = []
    for n in (400, 1600):
        text = PARA + "\n" + "\n".join(block * n) + end
        count, result = count_lines_in(PASSES, strip_text, text, CFG)
        assert result.text.startswith(PARA)
        counts.append(count)
    # linear: ~4x for 4x the blocks; round 31's code: 11x (teasers) and 16x (comments)
    assert counts[1] <= counts[0] * 6, counts


def test_teasers_under_headings_are_still_taken_and_a_subheading_given_back():
    """The jump changes no decision: each heading takes its teaser, and a short line just
    above article text is a subheading, not a teaser (``_take_next``'s give-back)."""
    teasers = "".join(f"Lire aussi\nLe maire de la ville {k} répond aux critiques\n"
                      for k in range(300))
    text = PARA + "\n" + teasers + "\nLe budget en questions\n" + PARA + "\n" + PARA
    kept = strip_text(text, CFG).text.split("\n")
    assert "Lire aussi" not in kept
    assert not any(f"ville {k} répond" in ln for k in range(1, 300) for ln in kept)
    assert "Le budget en questions" in kept
    assert kept.count(PARA) == 3


def test_a_jump_lands_where_stepping_line_by_line_lands():
    """``_past_removed`` with jumps shared across calls, while lines keep being removed (as
    the headings of a page do), always returns the first line at or after ``j`` that is not
    blank or removed: what the loop found stepping one line at a time."""
    rng = random.Random(41)
    texts = [rng.choice(["", "Lire aussi", "Un titre d'article", "Ailleurs"]) for _ in range(400)]
    lines = [_Line(t, frozenset()) for t in texts]
    for ln in lines[::7]:
        ln.protected = ln.text == "Ailleurs"
    jumps: dict[int, int] = {}
    for _ in range(600):
        k = rng.randrange(len(lines))
        if rng.random() < 0.5 and not lines[k].blank:
            lines[k].bad("related_lead", "heading")
        j = rng.randrange(len(lines) + 1)
        step = next((m for m in range(j, len(lines)) if not detectors._passed_over(lines[m])),
                    len(lines))
        assert detectors._past_removed(lines, j, jumps) == step


def test_forty_thousand_headings_finish():
    with hang_guard(30):
        result = strip_text(headings_page(40_000), CFG)
    assert result.text == PARA + "\n\n" + PARA or result.text.count(PARA) == 2


# --- bad input: every record ends in exactly one sink ----------------------------------------

def _malformed_jsonl() -> tuple[bytes, dict[int, str | None]]:
    """A JSONL file of every malformation found in the wild, and for each of its non-blank
    lines the error type it must get (None: cleaned)."""
    good = {"text": PARA}
    rows: list[tuple[bytes, str | None]] = [
        (json.dumps({"id": "ok1", **good}).encode(), None),
        (b'{"id":"cut","text":"coup', "json"),                       # a line cut short
        (json.dumps({"id": "nul", "text": PARA + "\x00x"}).encode(), "nul"),
        (b'{"id":"rawnul","te\x00xt":"x"}', "json"),                  # a raw NUL byte
        (b"\xef\xbb\xbf" + json.dumps({"id": "bom", **good}).encode(), None),
        (json.dumps({"id": "cr", **good}).encode() + b"\r", None),    # one CRLF line
        (b"[1, 2]", "json"), (b'"a string"', "json"), (b"null", "json"),
        (json.dumps({"id": "obj", "text": {"fr": PARA}}).encode(), "type"),
        (json.dumps({"id": "arr", "text": [PARA]}).encode(), "type"),
        (json.dumps({"id": "num", "text": 12}).encode(), "type"),
        (json.dumps({"id": "none", "text": None}).encode(), "type"),
        (json.dumps({"id": "missing"}).encode(), "missing_field"),
        (b'{"id":"latin","text":"\x81t\x81 ' + PARA.encode() + b'"}', "utf8"),
        (json.dumps({"id": "surrogate", "text": "\ud800 " + PARA}).encode(), None),
        (json.dumps({"id": "trail", **good}).encode() + b" x", "json"),
        (b'{"id":"nan","text":NaN}', "type"),
        (b"\x1f\x8b\x08 not gzip in the middle", "utf8"),
        (json.dumps({"id": "ok2", **good}).encode(), None),
    ]
    data = b"\n".join(r for r, _ in rows[:10]) + b"\n\n   \n" + b"\n".join(r for r, _ in rows[10:])
    lines = [ln for ln in data.split(b"\n") if ln.strip()]
    expected = {k + 1: err for k, (_, err) in enumerate(rows)}
    assert len(lines) == len(rows)
    return data + b"\n", expected


@pytest.mark.parametrize("command", ["run", "score"])
def test_every_malformed_record_lands_once_with_its_place_and_a_message(tmp_path, command):
    data, expected = _malformed_jsonl()
    src = tmp_path / "bad.jsonl"
    src.write_bytes(data)
    out = tmp_path / ("out" if command == "run" else "out.jsonl")
    proc = run_cli(command, src, "-o", out, "-j", "1", "--no-progress", "-q")
    assert proc.returncode == 1, proc.stderr.decode()
    if command == "run":
        recs = sink_records(out)
        records = recs["out"] + recs["quarantine"] + recs["errors"]
        errors = {json.dumps(r["source"]): r["error"] for r in recs["errors"]}
        sources = [r.get("source") or r["cleannews"]["source"] for r in records]
    else:
        records = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
        errors = {json.dumps(r["source"]): r["error"] for r in records if "error" in r}
        sources = [r["source"] for r in records]
    assert len(records) == len(expected)  # nothing lost, nothing twice
    # file line numbers count the blank lines too: map them back to the non-blank order
    raw_lines = [k + 1 for k, ln in enumerate(data.split(b"\n")) if ln.strip()]
    assert sorted(s["line"] for s in sources) == raw_lines
    for order, line in enumerate(raw_lines, start=1):
        key = json.dumps({"path": str(src), "line": line})
        want = expected[order]
        got = errors.get(key) or next((e for k, e in errors.items()
                                       if json.loads(k)["line"] == line), None)
        if want is None:
            assert got is None, (line, got)
        else:
            assert got is not None and got["type"] == want and got["message"], (line, got)


def test_a_gzip_cut_short_keeps_what_was_read_and_names_where_it_stopped(tmp_path):
    data = b"".join(json.dumps({"id": f"t{k}", "text": f"{PARA} {k}"}).encode() + b"\n"
                    for k in range(400))
    packed = gzip.compress(data)
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(packed[: len(packed) // 2])
    proc = run_cli("run", src, "-o", tmp_path / "out", "-j", "1", "--no-progress", "-q",
                   "--no-spin")
    assert proc.returncode == 1
    recs = sink_records(tmp_path / "out")
    kept = [r["id"] for r in recs["out"]]
    assert kept == [f"t{k}" for k in range(len(kept))] and kept
    [err] = recs["errors"]
    assert err["error"]["type"] == "read" and f"after line {len(kept)}" in err["error"]["message"]


def test_two_hundred_thousand_agency_credits_finish():
    """A headline, then "© AFP" printed 200,000 times: ``_agency_credit_above_body`` read the
    lines under each credit through ``islice(lines, i + 1, None)``, which walks the ``i`` lines
    before them (75 s of CPU on round 31's code; ``_lines_from`` now)."""
    with hang_guard(40):
        result = strip_text("Titre de l'article\n" + "© AFP\n" * 200_000, CFG)
    assert result.text.startswith("Titre de l'article\n© AFP")  # no article: all kept
