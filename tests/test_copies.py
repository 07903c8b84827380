"""Copies in a batch: signatures, verification, find_copies, clusters, and the eval gate.

The gate reads ``fixtures/copies/eval_small.jsonl.gz`` (built by
``tools/copies/build_eval.py --fixture``: UD documents and real French news
pages of the *test* half, spun with the held-out dictionary "V").
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("numpy", reason="copy detection needs numpy (pip install 'cleannews[copies]')")

from tools.copies.evaluate import load

from cleannews.copies import (
    MIN_WORDS,
    Signature,
    _lsh,
    clusters,
    compare_texts,
    find_copies,
    signature,
    skeleton,
    tokens,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures/copies/eval_small.jsonl.gz"
SEED_SPUN = next((ROOT / "seeds").glob("003_*.txt"), None)


BATCHES = load(FIXTURE)  # {batch: records}, as the evaluation tool reads them


def _pair(batch: str, k: int = 0) -> tuple[str, str]:
    """The base text and its planted variant, k-th of the batch."""
    recs = BATCHES[batch]
    variants = [r for r in recs if r["kind"] == batch]
    by_id = {r["id"]: r for r in recs}
    v = variants[k]
    return by_id[v["base"]]["text"], v["text"]


# --- signatures -------------------------------------------------------------------------

def test_skeleton_survives_careful_spin_but_word_shingles_do_not():
    base, spun = _pair("spun_careful_0.3")
    sb, ss = signature(base), signature(spun)
    skel_sim = float((sb.skeleton == ss.skeleton).mean())
    word_sim = float((sb.words == ss.words).mean())
    assert skel_sim > 0.5
    assert word_sim < skel_sim - 0.2


def test_signature_is_deterministic_and_round_trips():
    base, _ = _pair("copy_edited")
    s1, s2 = signature(base), signature(base)
    assert (s1.skeleton == s2.skeleton).all() and (s1.words == s2.words).all()
    back = Signature.from_bytes(s1.to_bytes())
    assert (back.skeleton == s1.skeleton).all() and back.n_words == s1.n_words
    with pytest.raises(ValueError):
        Signature.from_bytes(b"\x00" * 12)


def test_skeleton_normalises_what_a_careful_spinner_repairs():
    # article gender / elision / contraction after a noun swap leave the skeleton alone
    a = skeleton(tokens("Il parle de l'hôpital et du centre."))
    b = skeleton(tokens("Il parle du dispensaire et de la clinique."))
    assert a == b


def test_empty_and_punctuation_only_texts_have_empty_signatures():
    for text in ("", "   ", "!!! ... ?", "\u200b"):
        assert signature(text).n_words == 0


# --- verification ---------------------------------------------------------------------

def test_spun_pair_is_explained_with_substitutions_and_source():
    base, spun = _pair("spun_careful_0.3", 1)
    v = compare_texts(spun, base)  # source given second: direction must say "b"
    assert v.kind == "spun_copy" and v.source == "b"
    assert len(v.substitutions) >= 5
    # every pair is (spun side word, source side word) and the words differ
    assert all(x.lower() != y.lower() for x, y in v.substitutions)
    assert "synonym swaps" in v.reason


def test_edited_copy_is_a_copy_not_a_spun_copy():
    base, edited = _pair("copy_edited", 2)
    v = compare_texts(base, edited)
    assert v.kind == "copy" and v.share >= 0.6


def test_unrelated_texts_of_the_same_batch_are_not_linked():
    recs = [r for r in BATCHES["copy_edited"] if r["kind"] == "base"]
    v = compare_texts(recs[0]["text"], recs[1]["text"])
    assert v.kind is None and v.share < 0.3


def test_long_repetitive_text_is_bounded():
    text = "la " * 30000
    v = compare_texts(text, text + " fin")
    assert v.n_words_a <= 2000  # aligned on a bounded prefix, not quadratic on 30,000 words


# --- find_copies / clusters -------------------------------------------------------------

def test_find_copies_links_seed_spun_article_and_its_furnished_copy():
    if SEED_SPUN is None:
        pytest.skip("seed 003 not present")
    text = SEED_SPUN.read_text(encoding="utf-8")
    furnished = "Accueil > Économie\nPartager sur Facebook\n" + text + "\nLire aussi : nos offres"
    links = find_copies([text, "Un texte tout à fait différent " * 20, furnished],
                        ids=["seed", "other", "copy"])
    assert [(li.kind, li.a, li.b) for li in links] == [("copy", "seed", "copy")]


def test_find_copies_validates_ids_and_skips_short_documents():
    with pytest.raises(ValueError):
        find_copies(["a", "b"], ids=["x"])
    with pytest.raises(ValueError):
        find_copies(["a", "b"], ids=["x", "x"])
    short = "Une brève de dix mots à peine, rien de plus ici."
    assert len(short.split()) < MIN_WORDS
    assert find_copies([short, short, short]) == []
    assert find_copies([]) == []


def test_non_text_input_is_a_clear_error():
    from cleannews import InputError

    with pytest.raises(InputError, match="document b: expected str, got bytes"):
        find_copies(["un texte", b"des octets"], ids=["a", "b"])


def test_signatures_are_the_same_in_another_process_with_another_hash_seed():
    import os
    import subprocess
    import sys

    base, _ = _pair("copy_edited")
    code = ("import sys; from cleannews.copies import signature; "
            "sys.stdout.write(signature(sys.stdin.read()).to_bytes().hex())")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run([sys.executable, "-c", code], input=base.encode("utf-8"),
                         capture_output=True, env=env, timeout=120, check=True)
    assert bytes.fromhex(out.stdout.decode()) == signature(base).to_bytes()


def test_big_bucket_is_linked_as_a_star_not_all_pairs(monkeypatch):
    monkeypatch.setattr(_lsh, "MAX_BUCKET", 3)
    base, _ = _pair("copy_edited")
    links = find_copies([base] * 6, spin_direction=False)
    pairs = {(li.a, li.b) for li in links}
    assert pairs == {("0", str(k)) for k in range(1, 6)}


def test_clusters_give_roles_and_peers():
    base, spun = _pair("spun_careful_0.3")
    _, furnished = _pair("copy_furniture")
    base2 = next(r["text"] for r in BATCHES["copy_furniture"] if r["id"] == _pair_id())
    texts = [base, spun, base2, furnished]
    ids = ["a", "b", "c", "d"]
    links = find_copies(texts, ids)
    roles = clusters(ids, links)
    assert roles["a"]["role"] == "source" and roles["b"]["role"] == "spun_copy"
    assert roles["b"]["source"] == "a" and roles["b"]["peers"] == ["a"]
    assert roles["c"]["role"] == "original" and roles["d"]["role"] == "duplicate"
    assert roles["d"]["cluster"] == "c"


def test_two_spins_of_one_article_both_point_to_the_article():
    from cleannews.copies import CopyLink

    links = [CopyLink("b", "c", "spun_copy", "b", "c", 0.9, direction=2.0),
             CopyLink("a", "b", "spun_copy", "a", "b", 0.9, direction=0.5),
             CopyLink("a", "c", "spun_copy", "a", "c", 0.9, direction=0.5)]
    roles = clusters(["a", "b", "c"], links)
    assert roles["b"]["source"] == "a" and roles["c"]["source"] == "a"
    assert roles["a"]["role"] == "source" and roles["b"]["role"] == "spun_copy"


def _pair_id() -> str:
    recs = BATCHES["copy_furniture"]
    return next(r for r in recs if r["kind"] == "copy_furniture")["base"]


# --- held-out gate ----------------------------------------------------------------------

#: Floors of the gate on the small held-out fixture (full figures: docs/copies.md).
GATE = {
    "copy_furniture": (0.95, 1.0, None),
    "copy_edited": (0.95, 1.0, None),
    "spun_careful_0.3": (0.95, 1.0, 0.95),
    "spun_naive_0.3": (0.85, 1.0, 0.9),
}


@pytest.mark.parametrize("batch", sorted(GATE))
def test_gate_on_held_out_fixture(batch):
    recs = BATCHES[batch]
    by_id = {r["id"]: r for r in recs}
    expected = "copy" if batch.startswith("copy") else "spun_copy"
    links = find_copies([r["text"] for r in recs], [r["id"] for r in recs])
    planted = {r["base"] for r in recs if r["kind"] == batch}
    ok, true, dir_ok, dir_n = set(), 0, 0, 0
    for li in links:
        ra, rb = by_id[li.a], by_id[li.b]
        if ra["group"] != rb["group"] or "negative" in (ra["kind"], rb["kind"]):
            continue
        true += 1
        if li.kind == expected:
            ok.add(ra["base"])
        if li.kind == "spun_copy":
            dir_n += 1
            dir_ok += li.source == ra["base"]
    recall_floor, precision_floor, direction_floor = GATE[batch]
    assert len(ok) / len(planted) >= recall_floor
    assert true / max(1, len(links)) >= precision_floor
    if direction_floor is not None:
        assert dir_ok / dir_n >= direction_floor
