"""spin-careful8: the build's manifest comparison tolerates the last digits of fitted JSON
constants (and nothing else), and the development driver's alignment of a spin with its clean
document finds the substituted words on real validation spins."""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path

from _helpers import load_script, read_jsonl

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / "tools/spin"
DATA = "src/cleannews/score/data"
sys.path.insert(0, str(TOOLS))

build = load_script(TOOLS / "build.py", "spin_build_steps8")


def _manifest_for(rel: str) -> dict:
    sha = hashlib.sha256((REPO / rel).read_bytes()).hexdigest()
    return {"outputs": {rel: {"step": "context_term", "sha256": sha}}}


def _perturbed(rel: str, tmp: Path, rel_change: float) -> Path:
    """A copy of the shipped ``rel`` under ``tmp`` with every gate coefficient scaled by
    ``1 + rel_change`` (what a rebuild on another BLAS does to the last digits)."""
    d = json.loads((REPO / rel).read_text(encoding="utf-8"))
    d["gate"]["coef"] = [c * (1 + rel_change) for c in d["gate"]["coef"]]
    out = tmp / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(d, indent=1) + "\n", encoding="utf-8")
    return out


def test_fitted_json_rebuilt_with_last_digit_noise_counts_as_a_match(tmp_path):
    for name in ("context_term.json", "context_kind.json"):
        rel = f"{DATA}/{name}"
        assert rel in build.FITTED_JSON
        _perturbed(rel, tmp_path, 3e-16)
        assert hashlib.sha256((tmp_path / rel).read_bytes()).hexdigest() != \
            _manifest_for(rel)["outputs"][rel]["sha256"]
        assert build.compare(tmp_path, _manifest_for(rel)) == [(rel, "close")]


def test_fitted_json_with_a_real_change_still_differs(tmp_path):
    rel = f"{DATA}/context_term.json"
    _perturbed(rel, tmp_path, 1e-9)  # a refit, not rounding
    assert build.compare(tmp_path, _manifest_for(rel)) == [(rel, "differs")]
    d = json.loads((REPO / rel).read_text(encoding="utf-8"))
    d["cap"] = 3.5  # a constant changed
    (tmp_path / rel).write_text(json.dumps(d), encoding="utf-8")
    assert build.compare(tmp_path, _manifest_for(rel)) == [(rel, "differs")]


def test_other_files_need_identical_bytes(tmp_path):
    rel = f"{DATA}/lexicon_flags.json"  # not a fitted file: reformatting is a difference
    d = json.loads((REPO / rel).read_text(encoding="utf-8"))
    out = tmp_path / rel
    out.parent.mkdir(parents=True)
    out.write_text(json.dumps(d, indent=3), encoding="utf-8")
    assert build.json_close(d, json.loads(out.read_text(encoding="utf-8")))
    assert build.compare(tmp_path, _manifest_for(rel)) == [(rel, "differs")]
    assert build.compare(tmp_path / "none", _manifest_for(rel)) == [(rel, "missing")]


def test_json_close_is_strict_on_everything_but_float_digits():
    assert build.json_close([1, "a", None, 0.1 + 0.2], [1, "a", None, 0.3])
    assert not build.json_close([1, 2], [1, 2, 3])
    assert not build.json_close({"a": 1}, {"b": 1})
    assert not build.json_close(["a"], ["b"])
    assert not build.json_close(0.3, 0.3000000001)


def test_alignment_finds_the_substitutes_of_real_careful_spins():
    import dev_careful8 as d8

    rows = read_jsonl(REPO / "fixtures/spin/validation.jsonl.gz")
    clean = {d8._doc_key(r["id"]): r["text"] for r in rows if r["label"] == 0}
    spins = [r for r in rows if r["mode"] == "careful" and r["rate"] == 0.3][:20]
    found = []
    for r in spins:
        base = d8._tokens(clean[d8._doc_key(r["id"])])
        subs = list(d8.substitutions(base, d8._tokens(r["text"])))
        # the original differs from its substitute, and re-agreed determiners are not counted
        assert all(x != y and y not in d8.AGREEMENT for _p, _j, x, y in subs)
        found.append(len(subs))
        assert list(d8.substitutions(base, base)) == []
    # a 30 % careful spin of a ~300-word document replaces dozens of words
    assert min(found) >= 10, found


def test_absent_word_gain_is_the_shipped_gain_of_a_word_with_no_seen_pair():
    """``dev_careful8.oov_gains`` (the coverage lever: words the count table lacks) computes
    the shipped term's gain of a word none of whose adjacent pairs was seen: on real spins,
    for table words in that situation, it equals ``dev_context5.gains`` (the package's)."""
    import dev_careful8 as d8
    import dev_context5 as d5
    import numpy as np

    from cleannews.score._context import get_context_term

    term = get_context_term()
    with gzip.open(REPO / "fixtures/spin/validation.jsonl.gz", "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f][:60]
    tok = {"X": [(d5.text_ids(t, term.t.ids), 0.0) for t in texts]}
    T = d5.Table()
    occ = d5.occurrences(tok, dict(term.syn), 6)
    mu = float(term.params["mu"])
    g = d5.gains(T, occ, mu, backoff=True)
    w, left, right = occ["w"], occ["left"], occ["right"]
    unseen = ((left < 0) | (T.pair(np.maximum(left, 0), w) == 0)) & (
        (right < 0) | (T.pair(w, np.maximum(right, 0)) == 0))
    assert unseen.sum() > 100
    sub = {"left": left[unseen], "right": right[unseen], "cand": occ["cand"][unseen],
           "c0": T.cnt[w[unseen]]}
    got = d8.oov_gains(T, sub, mu)
    ref = g[unseen]
    assert np.array_equal(np.isnan(got), np.isnan(ref))
    assert np.allclose(got[~np.isnan(ref)], ref[~np.isnan(ref)], atol=1e-9)
