"""Mutation check of the modules no round had sampled (round 32): ``batch/runner.py``,
``batch/timeout.py``, ``copies/``, the ``cli/`` subcommands and ``integrations/``.

``tools/mutate.py`` (CONTRIBUTING.md, "Checking that tests can fail") was run, ``--seed 40``
(``--seed 41`` for a second sample of ``copies/``), on each module with a fast test set (its
doctests and the test file of its area); the runs, the equivalent mutants and what was left:
docs/batch.md, "Mutation check of the runner, the time limit, copies, the subcommands and the
integrations (round 32)". Each test here kills mutants those test sets let live (named in its
docstring); all pass on main's code (no bug was found).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

from _helpers import (
    SMALL_ARTICLE,
    all_ids,
    datatrove_reader,
    read_jsonl,
    run_cli,
    seed_folder,
    write_jsonl,
)
from cleannews.cli import main

# --- copies/_lsh.py ------------------------------------------------------------------------

#: What docs/copies.md gives: "skeleton 32 bands × 3 rows", "words 10 bands × 3 rows", "a
#: bucket of more than 50 documents" is linked as a star. Written out, not read from
#: ``_lsh.SKELETON_ROWS`` / ``WORD_ROWS`` / ``MAX_BUCKET``, so a change of either shows here.
DOC_ROWS, DOC_MAX_BUCKET = 3, 50


def _signatures(perms: int, agree: list[int], n: int = 3):
    """``n`` signatures of ``perms`` values: row 0 is ``0 … perms-1``; row 1 equals it except
    at every third position (2, 5, 8 …: no band of three rows is whole); row 2 equals it only
    at positions ``agree``; every other value is distinct."""
    np = pytest.importorskip("numpy")
    base = np.arange(perms, dtype=np.uint32)
    sig = np.stack([base + 1000 * (k + 1) for k in range(n)])
    sig[0] = base
    sig[1] = base
    sig[1, 2::3] += 500
    sig[2, agree] = base[agree]
    return sig


@pytest.mark.parametrize("family", ["skeleton", "words"])
def test_documents_are_candidates_when_one_whole_band_of_three_agrees(family):
    """Kills ``_lsh.WORD_ROWS`` 3 -> 2 (``test_copies`` and ``test_copies_run`` pass on it:
    the verification behind the bands decides the links), and ``WORD_ROWS`` -> 4,
    ``SKELETON_ROWS`` -> 2 / 4 alike.

    Two documents agreeing on two values of every three share no band of three rows; a
    document agreeing on one whole band (values 3-5) shares it."""
    pytest.importorskip("numpy")
    from cleannews.copies import SKELETON_PERMS, WORD_PERMS, _lsh

    skel = _signatures(SKELETON_PERMS, [3, 4, 5] if family == "skeleton" else [])
    word = _signatures(WORD_PERMS, [3, 4, 5] if family == "words" else [])
    if family == "skeleton":
        word[1] += 7000  # only the skeleton bands can link 0 and 1
    else:
        skel[1] += 7000
    assert _lsh.candidate_pairs(skel, word).tolist() == [[0, 2]]
    # 32 and 10 bands (the two word values past the tenth band are in none)
    assert (SKELETON_PERMS // DOC_ROWS, WORD_PERMS // DOC_ROWS) == (32, 10)


def test_a_bucket_over_fifty_documents_is_a_star_and_fifty_are_all_pairs():
    """Kills ``_lsh.MAX_BUCKET`` 50 -> 51 and ``band_codes``' ``size > MAX_BUCKET`` -> ``>=``
    (and 50 -> 49): the 51 pages sharing a band (boilerplate-only pages) give 50 pairs (each
    to the first), the 50 give all 1,225."""
    np = pytest.importorskip("numpy")
    from cleannews.copies import _lsh

    for n, pairs in ((DOC_MAX_BUCKET + 1, DOC_MAX_BUCKET), (DOC_MAX_BUCKET,
                                                              DOC_MAX_BUCKET * 49 // 2)):
        sig = np.tile(np.array([[4, 5, 6]], dtype=np.uint32), (n, 1))
        got = _lsh.band_pairs(sig, rows=DOC_ROWS)
        assert len(got) == pairs
        if n > DOC_MAX_BUCKET:
            assert set(got[:, 0].tolist()) == {0}


#: A real page (seed 004: the Fluidstack article, 20 typographic apostrophes).
SEED_PAGE = (Path(__file__).resolve().parents[1] / "seeds" / "004_8795e1cfecc798cf.txt"
             ).read_text("utf-8")


def test_straight_and_typographic_apostrophes_sign_alike():
    """Kills ``_signature._TokenIds.fill``'s ``tok[-1] in "'’"`` -> ``not in``: an elided
    clitic is hashed without its apostrophe, so a copy whose CMS turned ``’`` into ``'``
    (``l’IA`` / ``l'IA``) has the same word and skeleton MinHash as its source (the mutant
    cut the last letter of every other word instead: ``l'`` and ``l’`` differed)."""
    pytest.importorskip("numpy")
    from cleannews.copies import signature

    assert SEED_PAGE.count("’") >= 10
    a, b = signature(SEED_PAGE), signature(SEED_PAGE.replace("’", "'"))
    assert (a.words == b.words).all() and (a.skeleton == b.skeleton).all()
    assert (a.n_words, a.n_skeleton) == (b.n_words, b.n_skeleton)


def test_a_run_of_content_words_is_one_skeleton_slot():
    """Kills ``_signature._chunk_signatures``' "one slot per run of content words" block ->
    ``pass`` and its ``len(sids) > 1`` -> ``> 2`` (seed 41's sample): a spinner that puts two
    words for one ("une hausse" -> "une forte augmentation") leaves the skeleton MinHash as
    it was, as the module's docstring shows for :func:`skeleton`; a text of two content
    words alone has one skeleton symbol, as one of three."""
    pytest.importorskip("numpy")
    from cleannews.copies import signature

    a = signature("Le ministre a annoncé mardi une hausse des prix de 3 %.")
    b = signature("Le ministre a déclaré mardi une forte augmentation des tarifs de 3 %.")
    assert (a.skeleton == b.skeleton).all() and a.n_skeleton == b.n_skeleton
    assert a.n_words + 1 == b.n_words
    assert signature("grande maison").n_skeleton == 1 == signature("grande belle maison"
                                                                   ).n_skeleton


def test_clusters_list_peers_in_batch_order_whatever_the_links_order():
    """Kills ``copies.clusters``' ``ms.sort(key=…)`` -> ``pass``: links read back in another
    order (newest first) gave each document its peers in that order."""
    pytest.importorskip("numpy")
    from cleannews.copies import clusters, find_copies

    ids = ["a", "b", "c"]
    links = find_copies([SEED_PAGE, SEED_PAGE.replace("’", "'"), SEED_PAGE], ids)
    assert [(li.a, li.b, li.kind) for li in links] == [
        ("a", "b", "copy"), ("a", "c", "copy"), ("b", "c", "copy")]
    want = {"a": ["b", "c"], "b": ["a", "c"], "c": ["a", "b"]}
    for order in (links, links[::-1]):
        got = clusters(ids, order)
        assert {d: got[d]["peers"] for d in ids} == want
        assert {got[d]["cluster"] for d in ids} == {"a"}
        assert [got[d]["role"] for d in ids] == ["original", "duplicate", "duplicate"]


def test_a_copy_link_dict_is_json_ready():
    """Kills ``CopyLink.to_dict``'s ``d["edits"] = [list(p) …]`` -> ``pass``: the edits stayed
    tuples, so the dict was not what a JSON round trip gives back (a report compared with
    the links it was written from differed)."""
    pytest.importorskip("numpy")
    from cleannews.copies import find_copies

    edited = SEED_PAGE.replace("Fluidstack", "Vsora").replace("109", "110")
    (link,) = find_copies([SEED_PAGE, edited])
    assert link.kind == "copy" and ("109", "110") in link.edits
    d = link.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert ["109", "110"] in d["edits"]


def test_every_word_is_aligned_elided_clitics_too():
    """Kills ``_verify._word_tokens``' ``t[0] == "_"`` -> ``t[-1]`` (the survivor: a word
    starting with ``_``, a file name's ``_brouillon_v2``, was dropped) and the same change of
    its ``t[0].isalnum()`` (``l’``, ``d’``, ``qu’``, whose last character is the apostrophe,
    left out of the alignment: the word counts and shares of a pair skipped them). The seed page
    with that line has 424 words, its ``’`` -> ``'`` copy too."""
    pytest.importorskip("numpy")
    from cleannews.copies import compare_texts

    page = SEED_PAGE + "\n\nFichier joint : _brouillon_v2 (version de travail)."
    words = len(re.findall(r"\w+", page))
    v = compare_texts(page, page.replace("\u2019", "'"))
    assert (v.kind, v.share, v.n_words_a, v.n_words_b) == ("copy", 1.0, words, words)


def test_a_noun_for_a_verb_is_an_edit_not_a_synonym():
    """Kills ``_verify._pair_kind``'s ``px & masks[c] and py & masks[c]`` -> ``or``: a swap
    counts as a synonym only when the two words share a class (noun, adjective, verb,
    adverb); "déclaration" (noun) -> "déclarer" (verb) and "rapidement" (adverb) ->
    "rapide" (noun, adjective) are edits. Kills too ``compare_words``' grammar-or-edit branch
    -> ``pass`` and a copy's ``v.reason = …`` -> ``pass`` (no test read a copy's reason)."""
    pytest.importorskip("numpy")
    from cleannews.copies import compare_texts

    tail = "La {} a été faite {} par le maire devant la presse."
    v = compare_texts(f"{SMALL_ARTICLE}\n\n" + tail.format("déclaration", "rapidement"),
                      f"{SMALL_ARTICLE}\n\n" + tail.format("déclarer", "rapide"))
    assert v.kind == "copy" and v.n_grammar == 0
    assert v.reason.endswith(" aligned; 0 synonym-like swaps, 2 other edits")
    assert (v.substitutions, v.edits) == (
        [], [("déclaration", "déclarer"), ("rapidement", "rapide")])


def _content_words_replaced(text: str) -> str:
    """``text`` with every lower-case word that is not a skeleton word (function words, the
    words the skeleton drops or normalises) replaced by a new made-up word (``zouaaa``,
    ``zoubaa`` …): the skeleton is the same, the words are not."""
    from cleannews.copies._signature import _skeleton_table

    drop, norm, function = _skeleton_table()
    made = iter(range(26 ** 3))

    def new_word(m) -> str:
        w = m.group(0)
        if w in function or w in drop or w in norm:
            return w
        k = next(made)
        return "zou" + "".join(chr(97 + (k // 26 ** i) % 26) for i in range(3))

    return re.sub(r"(?<![\w’'])[a-zéèàêçîôûœ]+\b", new_word, text)


def test_the_funnel_counts_a_link_and_a_non_str_past_the_ids_is_named(tmp_path: Path):
    """Kills ``link_signatures``' ``funnel["links"] = len(links)`` -> ``pass`` (the only
    funnel a test read had no link) and ``find_copies``' ``k < len(ids)`` -> ``<=`` (a text
    that is not a string past the last id: an ``IndexError`` instead of the ``InputError``
    naming the document by its position)."""
    pytest.importorskip("numpy")
    from cleannews.copies import find_copies, link_signatures, signatures
    from cleannews.errors import InputError

    texts = [SEED_PAGE, "Une tout autre histoire, sans rapport.", SEED_PAGE]
    counts: dict[str, int] = {}
    links = link_signatures(["a", "b", "c"], signatures(texts), texts.__getitem__,
                            counts=counts)
    assert [(li.a, li.b, li.kind) for li in links] == [("a", "c", "copy")]
    assert counts == {"candidates": 1, "estimated": 1, "aligned": 1, "links": 1}
    with pytest.raises(InputError, match="document 2: expected str, got int"):
        find_copies([SEED_PAGE, SEED_PAGE, 3], ids=["x", "y"])  # type: ignore[list-item]


def test_topicality_votes_nothing_when_neither_word_echoes_and_is_antisymmetric():
    """Kills ``_verify.topicality``'s ``ty = cb[ky] - 1 + ca[ky]`` -> ``- 2`` (seed 41's
    sample): a pair whose two words each occur once, with no other word of their stem, gets
    no vote (the mutant gave the ``a`` side one); swapping the two texts turns each vote."""
    pytest.importorskip("numpy")
    from cleannews.copies._verify import topicality

    wa = "le médecin propose un traitement au patient".split()
    wb = "le médecin propose une cure au patient".split()
    assert topicality([("traitement", "cure")], wa, wb) == 0.0
    wa2 = [*wa, "traiter", "vite"]  # the article's subject: "traiter" echoes "traitement"
    wb2 = [*wb, "traiter", "vite"]
    assert topicality([("traitement", "cure")], wa2, wb2) == 1.0
    assert topicality([("cure", "traitement")], wb2, wa2) == -1.0


def test_a_page_with_every_content_word_replaced_is_not_linked():
    """Kills ``link_signatures``' word-overlap check (``len(sa & sb) < VERIFY_MIN_OVERLAP *
    …: continue``) -> ``pass``: seed 000 and a copy whose content words are all made-up
    words share a skeleton (a candidate, past the estimate) but only 37 % of their words;
    aligned anyway, the pair is called a ``copy`` (98 % aligned, 148 other edits:
    ``compare_texts`` counts short substituted runs as aligned), so the check is what keeps
    it out."""
    pytest.importorskip("numpy")
    from cleannews.copies import find_copies, link_signatures, signatures

    text = (Path(__file__).resolve().parents[1] / "seeds" / "000_51a21282db567c1f.txt"
            ).read_text("utf-8")
    texts = [text, _content_words_replaced(text)]
    assert "zouaaa" in texts[1]
    counts: dict[str, int] = {}
    assert link_signatures(["a", "b"], signatures(texts), texts.__getitem__,
                           counts=counts) == []
    assert counts == {"candidates": 1, "estimated": 1, "aligned": 0, "links": 0}
    assert find_copies(texts) == []


#: A development spin pair (``fixtures/spin/validation.jsonl.gz``, dictionary V; never a
#: held-out set): a UD document and its naive 30 % spin.
SPIN_DOC = "UD_French-GSD:fr-ud-dev:4"


def _spin_pair() -> tuple[str, str]:
    """The texts of :data:`SPIN_DOC` and of its naive 30 % spin."""
    recs = {r["id"]: r["text"] for r in read_jsonl(
        Path(__file__).resolve().parents[1] / "fixtures/spin/validation.jsonl.gz")
        if r["id"].startswith(SPIN_DOC + ":")}
    return recs[f"{SPIN_DOC}:clean"], recs[f"{SPIN_DOC}:naive:0.3"]


def test_the_spin_scores_add_to_a_spun_pairs_direction():
    """Kills ``_verify.orient``'s ``v.direction = round(freq + SPIN_SCORE_WEIGHT * …)`` ->
    ``pass``: the spin detector's scores (0.01 for the article, 1.0 for its spin) were shown
    in the reason but never moved the direction (the ``copies`` tests' pairs score alike)."""
    pytest.importorskip("numpy")
    from cleannews.copies import compare_texts
    from cleannews.copies._verify import SPIN_SCORE_WEIGHT

    article, spun = _spin_pair()
    words_only = compare_texts(article, spun, spin_direction=False)
    v = compare_texts(article, spun)
    assert v.kind == words_only.kind == "spun_copy"
    sa, sb = v.spin_scores
    assert sb - sa > 0.5
    assert v.direction == round(words_only.direction + SPIN_SCORE_WEIGHT * (sb - sa), 3)
    assert v.direction > words_only.direction > 0 and v.source == "a"


# --- integrations/datatrove.py ---------------------------------------------------------------


def test_the_datatrove_summary_counts_each_rules_changes():
    """Kills ``datatrove.summarize``'s ``rules.get(c.rule, 0) + 1`` -> ``- 1`` and its ``0`` ->
    ``-1``: no test read the summary's per-rule counts (seed 002: 13 social widget lines, 4
    share bars, a breadcrumb …), which must be what ``clean`` did, rule by rule. The spin
    filter after the cleaner reads that summary (it must not score the text again and write
    a spin-only summary over it: the rules, verdict and language would be lost)."""
    pytest.importorskip("datatrove")
    from collections import Counter

    from datatrove.data import Document as DatatroveDocument

    from cleannews import clean
    from cleannews.integrations.datatrove import CleannewsCleaner, CleannewsSpinFilter

    text = (Path(__file__).resolve().parents[1] / "seeds" / "002_cc9eb378494e53c6.txt"
            ).read_text("utf-8")
    want = Counter(c.rule for c in clean(text, id="s2").changes)
    assert sum(want.values()) > len(want) >= 2  # several rules, one at least twice
    doc = DatatroveDocument(text=text, id="s2")
    CleannewsCleaner().clean_one(doc)
    summary = doc.metadata["cleannews"]
    assert summary["rules"] == dict(want)
    # the spin filter after the cleaner reads its summary: no second score, nothing lost
    assert CleannewsSpinFilter().filter(doc) is True
    assert doc.metadata["cleannews"] is summary
    assert summary["rules"] == dict(want) and summary["verdict"] == "keep"


def test_a_record_the_readers_adapter_gives_no_text_is_an_error_document(tmp_path: Path):
    """Kills ``CleannewsJsonlReader._line_document``'s ``raise _Reject("empty", "the reader's
    adapter gave no text")`` -> ``pass``: a user's adapter that finds no text in a record (datatrove
    then gives ``None``) made the reader yield ``None``, a document of no id and no text that
    the next step crashes on. Every line ends as one document with its id (seed 41's sample:
    ``read_file``'s ``index = 0`` -> 1 named a record without id by the next line's place,
    and its reading loop -> ``pass`` read nothing)."""
    CleannewsJsonlReader, folder = datatrove_reader(tmp_path)
    rows = [{"id": "a", "text": "titre", "body": SMALL_ARTICLE},
            {"id": "b", "text": "titre seul"},  # no body: the adapter has no text for it
            {"id": "c", "text": "titre", "body": SMALL_ARTICLE},
            {"text": "sans id", "body": SMALL_ARTICLE}]  # named by its place: file/line index
    (folder / "part.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")

    def body_adapter(self, data, path, id_in_file):
        return {"text": data.get("body", ""), "id": data.get("id"), "metadata": {}}

    docs = list(CleannewsJsonlReader(str(folder), adapter=body_adapter).run())
    assert [d.id for d in docs] == ["a", "b", "c", "part.jsonl/3"]
    assert [d.text for d in docs] == [SMALL_ARTICLE, '{"id": "b", "text": "titre seul"}',
                                      SMALL_ARTICLE, SMALL_ARTICLE]
    err = docs[1].metadata["cleannews"]
    assert (err["error_type"], err["error"]) == ("empty", "the reader's adapter gave no text")


def test_the_spin_filter_alone_scores_keeps_the_article_and_drops_its_spin():
    """Kills ``CleannewsSpinFilter._summary``'s last ``return summary`` -> ``pass``: every
    test ran the filter after the cleaner (whose summary it reads), so the filter on its own
    -- a pipeline that only triages -- was never run (it crashed on its first document)."""
    pytest.importorskip("datatrove")
    from datatrove.data import Document as DatatroveDocument

    from cleannews.integrations.datatrove import CleannewsSpinFilter

    article, spun = _spin_pair()
    step = CleannewsSpinFilter()
    kept, dropped = DatatroveDocument(text=article, id="a"), DatatroveDocument(text=spun, id="s")
    assert step.filter(kept) is True
    assert step.filter(dropped) == (False, "spun")
    assert kept.metadata["cleannews"]["spin_label"] == "clean"
    assert dropped.metadata["cleannews"]["spin_label"] == "spun"
    # seed 41's sample: ``summary = _error(*problem)`` -> ``pass`` (an empty or binary text
    # left no summary: the filter crashed instead of excluding the document with its reason)
    for text, kind in (("  \n", "empty"), ("a\x00b", "nul")):
        bad = DatatroveDocument(text=text, id=kind)
        assert step.filter(bad) == (False, "cleannews_error")
        assert bad.metadata["cleannews"]["error_type"] == kind


# --- integrations/datatrove_copies.py --------------------------------------------------------


def test_copy_clusters_take_min_words_zero_and_refuse_below():
    """Kills ``CopyClusters``' ``checked_count("CopyClusters min_words", min_words, 0)`` -> 1:
    ``min_words=0`` (link every document, however short) is a valid setting."""
    pytest.importorskip("datatrove")
    pytest.importorskip("numpy")
    from cleannews.errors import ConfigError
    from cleannews.integrations.datatrove_copies import CopyClusters

    assert CopyClusters(min_words=0).min_words == 0
    assert CopyClusters().min_words is None
    with pytest.raises(ConfigError, match="CopyClusters min_words must be an integer of at "
                       "least 0, got -1"):
        CopyClusters(min_words=-1)


# --- batch/runner.py ---------------------------------------------------------------------

#: Linux ``prctl`` options (``<linux/prctl.h>``): set / get the parent-death signal.
PR_SET_PDEATHSIG, PR_GET_PDEATHSIG = 1, 2


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_worker_asks_the_kernel_for_sigkill_when_its_parent_dies():
    """Kills ``runner.PR_SET_PDEATHSIG`` 1 -> 0 / 2: with another option ``prctl`` failed (or
    did something else) and only the watchdog thread was left to end an orphaned worker, which
    cannot run while the worker is stuck in C code holding the GIL. In a forked child (the
    call changes the calling process), ``_set_parent_death_signal`` returns ``True`` and the
    kernel then holds SIGKILL as the child's parent-death signal."""
    import ctypes
    import signal

    from cleannews.batch.runner import _set_parent_death_signal

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: arm, read back, report, exit without pytest's cleanup
        try:
            armed = _set_parent_death_signal()
            libc = ctypes.CDLL(None, use_errno=True)
            sig = ctypes.c_int(-1)
            libc.prctl(PR_GET_PDEATHSIG, ctypes.byref(sig), 0, 0, 0)
            os.write(write, f"{armed} {sig.value}".encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as f:
        got = f.read().decode()
    os.waitpid(pid, 0)
    assert got == f"True {int(signal.SIGKILL)}"


def test_the_look_ahead_passes_are_saved_beside_the_run_state(tmp_path: Path, monkeypatch):
    """Kills ``runner._beside_state``'s ``return …`` -> ``pass``: the first pass of
    ``--site-templates`` / ``--find-copies`` was never saved, so ``--resume`` learnt it
    again from the inputs (no test looked for the file). Named after the run's output, as
    its docstring says: ``.cleannews-templates.json`` in ``--out DIR``,
    ``.x.jsonl.cleannews-copies.json`` beside ``--out x.jsonl``."""
    pytest.importorskip("numpy")
    corp, ids = seed_folder(tmp_path, 3)
    monkeypatch.chdir(tmp_path)
    assert main(["run", str(corp), "--out", "o", "--site-templates", "-j", "1", "-q"]) == 0
    assert isinstance(json.loads((tmp_path / "o/.cleannews-templates.json").read_text()), dict)
    assert main(["run", str(corp), "--out", "x.jsonl", "--find-copies", "-j", "1", "-q"]) == 0
    saved = json.loads((tmp_path / ".x.jsonl.cleannews-copies.json").read_text())
    assert saved["documents"] == len(ids) and saved["links"] == 0
    assert [r["cleannews"]["id"] for r in read_jsonl(tmp_path / "x.jsonl")] == ids


def test_a_repeated_id_read_ahead_by_the_workers_is_named_by_its_place(tmp_path: Path):
    """Kills ``run_batch``'s ``[k for k in places if k < done]`` -> ``k <= done``: with
    ``--jobs 2`` the next chunk is read (and placed) before this one is committed; the
    mutant forgot the place of the next chunk's first document, so its repeated-id warning
    named the bare id instead of the line it came from. Every document still ends in one
    sink with its id."""
    ids = ["a", "b", "a", "c", "b", "d"]  # the repeats open the second and third chunks
    src = write_jsonl(tmp_path / "in.jsonl",
                      [{"id": i, "text": f"{SMALL_ARTICLE} ({k})"} for k, i in enumerate(ids)])
    out = tmp_path / "out"
    r = run_cli("run", src, "--out", out, "-j", "2", "--chunk-size", "2", "--no-progress")
    assert r.returncode == 0, r.stderr.decode()
    err = r.stderr.decode()
    for line, ident in ((3, "a"), (5, "b")):
        assert f"{src}:{line}: id {ident!r} was already given to an earlier document" in err
    assert sorted(all_ids(out)) == sorted(ids)
    # the report names the command that wrote it (cli/_batch.execute): kills its
    # ``settings.command_line = command_line()`` -> ``pass`` (the report said null)
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["command_line"] == (f"cleannews run {src} --out {out} -j 2 --chunk-size 2 "
                                      "--no-progress")


def test_the_doc_timeout_warning_only_where_the_limit_cannot_work(tmp_path: Path, caplog):
    """Kills ``runner._results``' ``opts.doc_timeout is not None and not (…)`` -> ``or`` and
    ``jobs > 1 or can_interrupt()`` -> ``and`` (seed 41's sample): the warning "the limit is
    not applied with --jobs 1 here" belongs to a run with a limit where the alarm cannot work
    (``run_batch`` called from a thread, one job); the mutants said it in the main thread
    (where the limit works) or in a thread without any limit. Every document is cleaned."""
    import logging
    import threading

    from cleannews.batch import BatchOptions, RunSettings, paths_for, run_batch

    src = write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{k}", "text": SMALL_ARTICLE}
                                              for k in range(2)])
    warned = "the limit is not applied with --jobs 1 here"

    def run(name: str, limit: float | None, in_thread: bool) -> bool:
        settings = RunSettings([str(src)], paths_for(tmp_path / name),
                               options=BatchOptions(doc_timeout=limit), jobs=1)
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="cleannews"):
            if in_thread:
                t = threading.Thread(target=run_batch, args=(settings,))
                t.start()
                t.join(300)
            else:
                run_batch(settings)
        assert sorted(all_ids(tmp_path / name)) == ["d0", "d1"]
        return warned in caplog.text

    assert run("main", 30, False) is False
    assert run("thread", 30, True) is True
    assert run("thread_no_limit", None, True) is False


def test_an_output_file_outside_the_input_folder_is_no_input_of_it(tmp_path: Path, capsys,
                                                                   monkeypatch):
    """Kills ``runner._written_folder_file``'s ``except (OSError, ValueError): continue`` ->
    ``pass``: every existing output file of a known kind was then "a file of this input
    folder", so ``score corpus --out scores.txt`` run a second time (its ``scores.txt``
    outside ``corpus``) was refused with exit 2. Only a file inside the folder is."""
    corp, ids = seed_folder(tmp_path, 2)
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        assert main(["score", str(corp), "--out", "scores.txt", "-j", "1", "-q"]) == 0
        assert [r["id"] for r in read_jsonl(tmp_path / "scores.txt")] == ids
    capsys.readouterr()
    assert main(["score", str(corp), "--out", str(corp / "scores.txt"), "-j", "1"]) == 0
    # the file it wrote is now a file of the input folder (read as an input): refused
    assert main(["score", str(corp), "--out", str(corp / "scores.txt"), "-j", "1"]) == 2
    assert "a file of this input folder" in capsys.readouterr().err


# --- cli/score.py --------------------------------------------------------------------------


def test_score_refuses_errors_dash_and_report_dash_without_an_output_file(
        tmp_path: Path, capsys, monkeypatch):
    """Kills ``cli/score.py``'s ``--errors -`` check and ``--report -`` check -> ``pass`` (no
    test gave either: they made a folder / a file named "-" in the working folder)."""
    corp, _ = seed_folder(tmp_path, 1)
    monkeypatch.chdir(tmp_path)
    assert main(["score", str(corp), "--errors", "-", "-j", "1"]) == 2
    assert "--errors -: the errors sink is a folder" in capsys.readouterr().err
    assert main(["score", str(corp), "--report", "-", "-j", "1"]) == 2
    assert "--report -: standard output already carries the score lines" in \
        capsys.readouterr().err
    assert not (tmp_path / "-").exists()
    # with -o FILE, the report goes to standard output
    assert main(["score", str(corp), "--report", "-", "-o", "s.jsonl", "-j", "1", "-q"]) == 0
    assert '"documents"' in capsys.readouterr().out
    assert len(read_jsonl(tmp_path / "s.jsonl")) == 1


# --- cli/run.py ----------------------------------------------------------------------------


def test_run_refusals_exit_2_and_write_nothing(tmp_path: Path, capsys, monkeypatch):
    """Kills ``cli/run.py``'s ``return 2`` -> ``return 3`` after the ``--compress`` with a
    plain ``--out FILE.jsonl`` refusal and after a sink that is a file (``folder_problem``):
    a usage error is exit code 2 (docs/cli.md: 0, 1, 2 and nothing else); the tests checked
    the message or a non-zero code."""
    corp, _ = seed_folder(tmp_path, 1)
    monkeypatch.chdir(tmp_path)
    assert main(["run", str(corp), "--out", "x.jsonl", "--compress", "-j", "1"]) == 2
    assert "that output file would not be compressed; name it x.jsonl.gz" in \
        capsys.readouterr().err
    notes = tmp_path / "notes.txt"
    notes.write_text("mine\n")
    for flag in ("--out", "--quarantine", "--errors"):
        args = ["--out", "o"] if flag != "--out" else []
        assert main(["run", str(corp), *args, flag, str(notes), "-j", "1"]) == 2
        assert f"{flag} {notes}: a file, not a folder" in capsys.readouterr().err
    assert notes.read_text() == "mine\n"
    # seed 41's sample: ``--quarantine -`` / ``--errors -`` (``folder_problem``'s message ->
    # ``pass`` made a folder named "-") and ``--resume`` with ``--out -`` (its ``return 2``)
    for flag in ("--quarantine", "--errors"):
        assert main(["run", str(corp), "--out", "o", flag, "-", "-j", "1"]) == 2
        assert f"{flag} -: a sink is a folder, and standard output is not one" in \
            capsys.readouterr().err
    assert main(["run", str(corp), "--out", "-", "--resume", "-j", "1"]) == 2
    assert "--resume needs --out DIR" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corp", "notes.txt"]


# --- cli/report.py -------------------------------------------------------------------------


def test_report_reads_a_real_report_and_names_a_wrong_array_item(tmp_path: Path, capsys):
    """Kills ``cli/report.shape_problem``'s ``problem = shape_problem(item, spec[0], …)`` ->
    ``pass`` (an array's items were never checked, and a report with a non-empty array -- the
    spin histogram of every real run -- ended in an ``UnboundLocalError`` traceback): a run's
    report is read (exit 0), one whose histogram holds a string is refused naming the item."""
    corp, _ = seed_folder(tmp_path, 2)
    out = tmp_path / "out"
    assert main(["run", str(corp), "--out", str(out), "-j", "1", "-q"]) == 0
    capsys.readouterr()
    assert main(["report", str(out)]) == 0
    assert "documents in" in capsys.readouterr().out
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["spin"]["histogram"]["counts"]
    report["spin"]["histogram"]["counts"][1] = "2"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(report), "utf-8")
    assert main(["report", str(bad)]) == 2
    assert '"spin.histogram.counts[1]" is a string, where a report has a number' in \
        capsys.readouterr().err


# --- cli/explain.py ------------------------------------------------------------------------


def test_explain_heads_each_file_only_when_there_are_several(capsys):
    """Kills ``cli/explain.py``'s ``len(names) > 1`` -> ``>= 1``: one file's explanation
    starts with its text, not a ``==> NAME <==`` header (as ``clean``, as head(1)); two
    files get one header each."""
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))[:2]
    assert main(["explain", str(seeds[0]), "--no-spin", "--color", "never"]) == 0
    one = capsys.readouterr().out
    assert "==> " not in one and "verdict: keep" in one
    assert main(["explain", *map(str, seeds), "--no-spin", "--color", "never"]) == 0
    two = capsys.readouterr().out
    assert [line for line in two.splitlines() if line.startswith("==> ")] == [
        f"==> {s} <==" for s in seeds]


# --- cli/_batch.py -------------------------------------------------------------------------


@pytest.mark.parametrize("quiet", [False, True])
def test_a_terminal_gets_the_progress_bar_unless_quiet(tmp_path: Path, quiet: bool):
    """Kills ``cli/_batch.show_progress``' ``not getattr(args, "quiet", False)`` -> ``getattr(…)``
    (seed 41's sample; no test ran a batch with stderr on a terminal): ``run`` on a terminal
    draws its progress line (bytes, documents and their rate), ``-q`` draws none."""
    import fcntl
    import pty
    import struct
    import subprocess
    import termios

    from _helpers import cli_env, read_pty

    corp, ids = seed_folder(tmp_path, 2)
    master, slave = pty.openpty()
    # a terminal of 40 rows and 120 columns (tqdm draws nothing on a width of 0)
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "cleannews", "run", str(corp), "--out", str(tmp_path / "o"),
             "-j", "1", *(["-q"] if quiet else [])],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, env=cli_env())
        os.close(slave)
        said = read_pty(master).decode("utf-8", "replace")
        assert proc.wait(timeout=300) == 0
    finally:
        os.close(master)
    drawn = f"{len(ids)} docs, " in said and "cleannews: 100%" in said
    assert drawn is not quiet, said[-500:]
    assert sorted(all_ids(tmp_path / "o")) == sorted(ids)
