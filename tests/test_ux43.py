"""The batch CLI's rough edges a new user hit in round 33 (docs/batch.md, "A library and HTML
user's walkthrough (round 33)" and "The walkthrough's design questions, settled (round 33)").

Inputs: the regional French market page of ``fixtures/strip`` (with the NUL bytes of a
trafilatura dev page, ``lostiempos.com-juicio.html``: 22 after an ad's ``<img>``), the seeds,
and generated files around them; every check drives the installed package or its command
line as a user does.

1. An HTML page holding NUL bytes was refused whole (a ``nul`` error) by ``run``, ``score``,
   ``clean`` and ``clean_frame(html=True)``, while ``cleannews.clean_html`` of the same bytes
   cleaned it. Browsers drop such NULs: a page's NULs are now removed (a
   ``remove_control_chars`` change, or inside the span of the boilerplate removed around
   them); binary data and UTF-16 without its mark are still refused, and so is a text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleannews
from _helpers import ROOT, read_jsonl, run_cli

FR_PAGE = ROOT / "fixtures" / "strip" / "040_fr_regional_html_marche_noel.html"
SEED = ROOT / "seeds" / "004_8795e1cfecc798cf.txt"

#: The market page's photo, then as many NULs as pad the ad's image of the trafilatura page.
_IMG = b'<img src="/images/2024/12/16/marche-noel-kleber.jpg" alt="">'


def _nul_page() -> bytes:
    """The market page with 22 NULs after its photo and one inside a paragraph's words."""
    page = FR_PAGE.read_bytes()
    assert page.count(_IMG) == 1 and page.count(b"Samedi soir, il") == 1
    return page.replace(_IMG, _IMG + b"\x00" * 22).replace(b"Samedi soir", b"Samedi\x00 soir")


def _lines(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]


# --- 1. NUL bytes in an HTML page ----------------------------------------------------------


def test_run_cleans_a_page_with_nuls_and_explains_each(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(_nul_page())
    got = run_cli("run", page, "--out", tmp_path / "out", "-q")
    assert got.returncode == 0, got.stderr
    (rec,) = read_jsonl(tmp_path / "out" / "clean.jsonl")
    assert read_jsonl(tmp_path / "out" / "errors" / "errors.jsonl", missing_ok=True) == []
    obj = rec["cleannews"]
    assert "\x00" not in obj["text"] and "Samedi soir, il fallait" in obj["text"]
    source = page.read_bytes().decode("utf-8")
    nuls = [i for i, c in enumerate(source) if c == "\x00"]
    assert len(nuls) == 23
    # every NUL is inside a change's span: removed as a control character, or with its markup
    spans = [c["span"] for c in obj["changes"]]
    assert all(any(a <= i < b for a, b in spans) for i in nuls)
    assert any(c["rule"] == "remove_control_chars" and c["before"] == "\x00"
               for c in obj["changes"])


def test_score_and_clean_keep_a_page_with_nuls(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(_nul_page())
    scored = run_cli("score", page)
    assert scored.returncode == 0, scored.stderr
    (line,) = _lines(scored.stdout)
    assert "error" not in line and line["verdict"] == "keep" and line["language"] == "fr"
    cleaned = run_cli("clean", page)
    assert cleaned.returncode == 0, cleaned.stderr
    assert "Samedi soir, il fallait" in cleaned.stdout.decode("utf-8")
    assert b"\x00" not in cleaned.stdout and b"NUL" not in cleaned.stderr
    piped = run_cli("clean", "-", stdin=_nul_page())  # standard input sniffed as a page
    assert piped.returncode == 0 and piped.stdout == cleaned.stdout


def test_explain_names_the_removed_nul(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(_nul_page())
    got = run_cli("explain", page)
    assert got.returncode == 0, got.stderr
    assert "[repair:remove_control_chars] control characters removed  (removed '\\x00')" \
        in got.stdout.decode("utf-8")


def test_clean_frame_html_keeps_a_page_with_nuls() -> None:
    pd = pytest.importorskip("pandas")
    from cleannews.batch import clean_frame

    page = _nul_page().decode("utf-8")
    out = clean_frame(pd.DataFrame({"text": [page, "Un texte\x00 suivi."]}), html=True)
    assert out["cleannews_verdict"][0] == "keep" and not out["cleannews_error"][0]
    assert "Samedi soir, il fallait" in out["cleannews_text"][0]
    # not a page at all, a text read as HTML: still no NUL left, still one place
    assert "\x00" not in out["cleannews_text"][1]
    text = clean_frame(pd.DataFrame({"text": [page]}))  # read as text: refused, as before
    assert text["cleannews_verdict"][0] == "error" and "NUL" in text["cleannews_error"][0]


def test_datatrove_cleaner_html_keeps_a_page_with_nuls() -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document as DtDoc

    from cleannews.integrations.datatrove import CleannewsCleaner

    docs = [DtDoc(text=_nul_page().decode("utf-8"), id="p")]
    (kept,) = list(CleannewsCleaner(html=True).run(iter(docs)))
    assert "Samedi soir, il fallait" in kept.text and "\x00" not in kept.text


@pytest.mark.parametrize("name", ["page.txt", "notes"])
def test_a_text_with_nuls_is_still_refused(tmp_path: Path, name: str) -> None:
    # text input: a NUL is a broken export there (or UTF-16 without its mark), as before
    path = tmp_path / name
    path.write_bytes(SEED.read_bytes().replace(b" ", b"\x00 ", 1))
    got = run_cli("score", path)
    assert got.returncode == 1
    (line,) = _lines(got.stdout)
    assert line["error"]["type"] == "nul"
    assert run_cli("clean", path).returncode == 1


def test_a_page_in_utf16_without_its_mark_is_still_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(FR_PAGE.read_text("utf-8").encode("utf-16-le"))
    got = run_cli("score", page)
    assert got.returncode == 1
    (line,) = _lines(got.stdout)
    assert line["error"]["type"] == "nul" and "UTF-16LE" in line["error"]["message"]
    cleaned = run_cli("clean", page)
    assert cleaned.returncode == 1 and b"iconv -f UTF-16LE" in cleaned.stderr


def test_a_long_page_with_nuls_in_its_head_is_read_whole(tmp_path: Path) -> None:
    # the first 256 KiB were read alone and refused when they held a NUL: a long page must
    # not be cleaned from its head only now that its NULs are removed
    from cleannews.batch.sources import HEAD_BYTES

    filler = "".join(f"<p>Paragraphe {i} du compte rendu du conseil municipal de la ville, "
                     "lu en séance publique.</p>\n" for i in range(HEAD_BYTES // 80))
    page = ("<html><body><article><h1>Le conseil\x00 municipal</h1>\n" + filler
            + "<p>Le dernier paragraphe du compte rendu arrive ici.</p></article></body>"
            "</html>")
    path = tmp_path / "long.html"
    path.write_bytes(page.encode("utf-8"))
    got = run_cli("run", path, "--out", tmp_path / "out", "-q", "--no-strip")
    assert got.returncode == 0, got.stderr
    (rec,) = read_jsonl(tmp_path / "out" / "clean.jsonl")
    assert "Le dernier paragraphe du compte rendu arrive ici." in rec["cleannews"]["text"]


def test_library_refusal_helpers_take_the_format() -> None:
    from cleannews.batch.process import text_problem
    from cleannews.batch.sources import refused_reason

    page = _nul_page()
    assert text_problem(page)[0] == "nul" and text_problem(page, html=True) is None
    assert refused_reason(page, html=False) is not None and refused_reason(page, html=True) is None
    # random bytes are binary whatever they are read as
    noise = bytes(range(256)) * 64
    assert text_problem(noise, html=True)[0] == "binary"
    assert cleannews.clean_html(page).verdict == "keep"  # the library, unchanged


# --- 2. score --no-spin: a usage error naming run --no-spin --------------------------------


@pytest.mark.parametrize("flags", [["--no-spin"], ["--set", "score_spin=false"],
                                   ["--no-spin", "--min-score", "0.5"], ["--config", "CFG"]])
def test_score_without_the_spin_score_is_a_usage_error(tmp_path: Path, flags: list[str]) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("score_spin = false\n", "utf-8")
    flags = [str(cfg) if f == "CFG" else f for f in flags]
    out = tmp_path / "scores.jsonl"
    got = run_cli("score", SEED, "-o", out, *flags)
    assert got.returncode == 2
    err = got.stderr.decode("utf-8")
    assert err.startswith("cleannews score: error: ") and err.count("\n") == 1
    assert "'cleannews run INPUT... --no-spin --out DIR'" in err and "not_scored" in err
    assert ("--config" in err) == ("--config" in flags)
    assert not out.exists() and got.stdout == b""  # nothing done, nothing written


def test_score_with_the_spin_score_switched_on_again_still_scores(tmp_path: Path) -> None:
    # a config file that switches it off, the command line that switches it on: it scores
    cfg = tmp_path / "c.toml"
    cfg.write_text("score_spin = false\n", "utf-8")
    got = run_cli("score", SEED, "--config", cfg, "--set", "score_spin=true")
    assert got.returncode == 0, got.stderr
    (line,) = _lines(got.stdout)
    assert line["label"] != "not_scored"
    ran = run_cli("run", SEED, "--no-spin", "--out", tmp_path / "out", "-q")  # the way named
    assert ran.returncode == 0, ran.stderr
    (rec,) = read_jsonl(tmp_path / "out" / "clean.jsonl")
    assert rec["cleannews"]["spin"]["label"] == "not_scored"


# --- 3. cleannews report of a score output finds the report that run wrote ---------------


def test_report_of_score_lines_shows_the_report_the_run_wrote(tmp_path: Path) -> None:
    got = run_cli("score", SEED, "-o", "scores.jsonl", "--report", "r.json", "-q", cwd=tmp_path)
    assert got.returncode == 0, got.stderr
    shown = run_cli("report", "scores.jsonl", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    direct = run_cli("report", "r.json", cwd=tmp_path)
    assert shown.stdout == direct.stdout and b"1 document in: 1 out" in shown.stdout
    assert (f"scores.jsonl: the lines of 'cleannews score', not its report: showing the "
            f"report it wrote {tmp_path / 'r.json'}").encode() in shown.stderr
    # the report moved away: said, with the place it was written to
    (tmp_path / "r.json").rename(tmp_path / "kept.json")
    gone = run_cli("report", "scores.jsonl", cwd=tmp_path)
    assert gone.returncode == 2
    assert f"was asked for one in {tmp_path / 'r.json'}, which is not there".encode() \
        in gone.stderr
    # a later score run asked for no report: its lines have none (not the earlier run's)
    (tmp_path / "kept.json").rename(tmp_path / "r.json")
    again = run_cli("score", SEED, "-o", "scores.jsonl", "-q", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    none = run_cli("report", "scores.jsonl", cwd=tmp_path)
    assert none.returncode == 2 and b"score writes one only when asked" in none.stderr


def test_a_score_owner_naming_its_report_is_still_no_run_state(tmp_path: Path) -> None:
    # the owner file is read as a run state path by `run` (_foreign_sinks, writer_of):
    # naming the report must not make the score output another live run's sink, nor the
    # report a run state
    from cleannews.batch.runner import run_report_of, unfinished_run, writer_of
    from cleannews.batch.sinks import SCORE_OWNER, owner_file, read_owner, score_report

    assert run_cli("score", SEED, "-o", "s.jsonl", "--report", "r.json", "-q",
                   cwd=tmp_path).returncode == 0
    sink = tmp_path / "s.jsonl"
    owner = read_owner(sink)
    assert owner.startswith(SCORE_OWNER[:-1]) and owner.endswith(f"{tmp_path / 'r.json'})")
    assert score_report(sink) == tmp_path / "r.json" == run_report_of(writer_of(sink))
    state = writer_of(sink).state
    assert state is not None and not state.exists() and unfinished_run(writer_of(sink)) is None
    # score writes over its own lines again, report and all
    again = run_cli("score", SEED, "-o", "s.jsonl", "--report", "r.json", "-q", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    # `run --out s.jsonl` over score lines: refused as before (records of another run), and
    # with --force it writes there and claims the sink as its own
    ran = run_cli("run", SEED, "--out", "s.jsonl", "-q", cwd=tmp_path)
    assert ran.returncode == 2 and b"already hold(s) records of another cleannews run" \
        in ran.stderr
    forced = run_cli("run", SEED, "--out", "s.jsonl", "-q", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert score_report(sink) is None and owner_file(sink).read_text().endswith(
        ".s.jsonl.cleannews-run.json")
    # and a run's own sink still leads to its own report
    assert run_cli("report", "s.jsonl", cwd=tmp_path).returncode == 0


# --- 4. the summary names standard output -------------------------------------------------


def test_score_summary_says_standard_output(tmp_path: Path) -> None:
    got = run_cli("score", SEED, cwd=tmp_path)
    assert got.returncode == 0, got.stderr
    err = got.stderr.decode("utf-8")
    assert "  scores: standard output\n  errors: standard output" in err
    assert ": -\n" not in err and not err.endswith(": -")
    ran = run_cli("run", SEED, "--out", "-", cwd=tmp_path)
    assert "  out: standard output" in ran.stderr.decode("utf-8")
    # the report keeps "-" (a machine-read value): `report` shows it in words
    run_cli("score", SEED, "--report", "r.json", "-o", "s.jsonl", cwd=tmp_path)
    saved = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert saved["outputs"] == {"scores": "s.jsonl", "errors": "s.jsonl"}
    saved["outputs"] = {"scores": "-", "errors": "-"}
    (tmp_path / "r.json").write_text(json.dumps(saved), "utf-8")
    shown = run_cli("report", tmp_path / "r.json").stdout.decode("utf-8")
    assert shown.endswith("  scores: standard output\n  errors: standard output\n")


# --- 5. smaller: spin_score honours score_spin, path hints name the call, --source-field ----


def test_spin_score_honours_score_spin_false() -> None:
    text = SEED.read_text("utf-8")
    on = cleannews.spin_score(text)
    assert on.label != "not_scored" and on.n_words > 0
    off = cleannews.spin_score(text, cleannews.CleanConfig(score_spin=False))
    assert off.label == "not_scored" and off.score == 0.0 and off.evidence == ()
    # as clean() labels the same text with the same config
    assert cleannews.clean(text, cleannews.CleanConfig(score_spin=False)).spin == off
    with pytest.raises(cleannews.InputError, match="a path"):  # the input is still checked
        cleannews.spin_score(SEED, cleannews.CleanConfig(score_spin=False))


@pytest.mark.parametrize(("call", "kwargs", "said"), [
    ("explain", {"html": True}, "explain(path.read_bytes(), html=True)"),
    ("explain", {}, "explain(path.read_bytes())"),
    ("spin_score", {}, "spin_score(path.read_bytes())"),
    ("repair", {}, "repair(path.read_bytes())"),
    ("clean_html", {}, "clean_html(path.read_bytes())"),
    ("clean", {}, "clean(path.read_bytes())"),
])
def test_a_path_is_told_to_pass_its_content_to_the_function_called(
        call: str, kwargs: dict, said: str) -> None:
    with pytest.raises(cleannews.InputError) as got:
        getattr(cleannews, call)(FR_PAGE, **kwargs)
    assert str(got.value).endswith(f": a path; pass its content, e.g. {said}")
    # what it says works
    assert getattr(cleannews, call)(FR_PAGE.read_bytes(), **kwargs) is not None


def test_explain_of_a_record_names_explain() -> None:
    with pytest.raises(cleannews.InputError,
                       match=r'a record; pass its text, e\.g\. explain\(record\["text"\]\)$'):
        cleannews.explain({"id": "a", "text": "Un texte."})


def test_source_field_on_text_files_is_said_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        (corpus / seed.name).write_bytes(seed.read_bytes())
    got = run_cli("run", corpus, "--out", tmp_path / "out", "--site-templates",
                  "--source-field", "url", "-j", "1")
    assert got.returncode == 0, got.stderr
    err = got.stderr.decode("utf-8")
    first = sorted(corpus.iterdir())[0]
    assert err.count("has no 'url' field") == 1
    assert (f"{first}: a text file has no 'url' field: the source of a file is its folder "
            f"({corpus}); --source-field reads JSONL records") in err
    # the default field, not named: the documented folder source, no word
    quiet = run_cli("run", corpus, "--out", tmp_path / "out2", "--site-templates", "-j", "1")
    assert quiet.returncode == 0 and b"has no" not in quiet.stderr


def test_source_field_missing_from_records_is_said_once(tmp_path: Path) -> None:
    text = SEED.read_text("utf-8")
    rows = [{"id": "a", "link": "https://www.ex.fr/a", "text": text},
            {"id": "b", "link": "https://www.ex.fr/b", "text": text + " Fin."},
            {"id": "c", "url": "https://www.ex.fr/c", "text": text + " Suite."}]
    data = tmp_path / "crawl.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    got = run_cli("run", data, "--out", tmp_path / "out", "--site-templates",
                  "--source-field", "url", "-j", "1")
    assert got.returncode == 0, got.stderr
    err = got.stderr.decode("utf-8")
    assert err.count("has no 'url' field") == 1
    assert (f"{data}:1: record has no 'url' field (its fields: id, link, text; choose with "
            f"--source-field FIELD): its source is its file ({data})") in err
    named = run_cli("run", data, "--out", tmp_path / "out2", "--site-templates",
                    "--source-field", "link", "-j", "1")
    assert f"{data}:3: record has no 'link' field".encode() in named.stderr
    # a run resumed without naming the field it named is the same run (fingerprint)
    again = run_cli("run", data, "--out", tmp_path / "out", "--site-templates", "--resume",
                    "-j", "1")
    assert again.returncode == 0, again.stderr


def test_learn_templates_warns_only_when_the_field_was_named(caplog) -> None:
    import logging

    from cleannews.batch.sources import Item
    from cleannews.batch.templates import learn_templates

    items = [Item(i, f"corpus/{i}.txt", "text", SEED.read_bytes()) for i in range(3)]
    with caplog.at_level(logging.WARNING, logger="cleannews"):
        learn_templates(iter(items), "text", "url", None)  # the default: a library caller
    assert not caplog.records
    with caplog.at_level(logging.WARNING, logger="cleannews"):
        state = learn_templates(iter(items), "text", "url", None, named=True)
    (record,) = caplog.records
    assert record.getMessage().startswith("corpus/0.txt: a text file has no 'url' field")
    assert list(state["documents"]) == ["corpus"]  # the folder is the source, as said
