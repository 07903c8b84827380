"""Round 12 user audit: defects a new user trips on, each pinned by a test that failed before."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import cleannews

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = (ROOT / "seeds" / "000_51a21282db567c1f.txt").read_text("utf-8")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])}


ARTICLE = ("Le conseil municipal a voté lundi soir le budget de la ville pour l'année prochaine, "
           "avec une hausse modérée des impôts locaux et de nouvelles dépenses pour les écoles. "
           "Le maire a défendu un budget prudent, qui finance la rénovation de deux gymnases et "
           "l'extension de la cantine du groupe scolaire du centre. L'opposition a voté contre, "
           "jugeant la hausse des impôts injustifiée après deux années de hausses successives.")
OTHER = ("La préfecture a annoncé jeudi la fermeture de la route départementale pendant trois "
         "semaines, le temps de reconstruire le pont emporté par la crue de novembre. Une "
         "déviation par les communes voisines sera mise en place dès lundi matin pour les "
         "voitures, les camions devront passer par l'autoroute. Les transports scolaires "
         "garderont leurs horaires habituels, a précisé le département dans un communiqué.")


def test_an_unknown_entity_keeps_its_semicolon_in_html():
    # bs4 read "&foo;" as "&foo": the ";" vanished without any change saying so
    page = ("<html><head><title>AT&T; rachète</title></head><body><article><p>Le groupe AT&T; "
            "a annoncé mardi des résultats, &foo; compris, et l&rsquo;&eacute;t&eacute; "
            "&amp;bar; reste.</p></article></body></html>")
    doc = cleannews.clean_html(page)
    assert "Le groupe AT&T; a annoncé mardi des résultats, &foo; compris" in doc.text
    assert "l’été &bar; reste." in doc.text  # known entities are still read
    assert doc.metadata["title"] == "AT&T; rachète"
    assert not [c for c in doc.changes if "&" in c.before and ";" not in c.after and c.after]


def test_an_unknown_entity_in_an_attribute_and_a_script_is_left_as_written():
    from cleannews.strip.html import parse_page

    soup = parse_page('<a href="/a?x=1&y;=2" class="k&z; m">AT&T;</a><script>a="&q;"</script>')
    assert soup.a["href"] == "/a?x=1&y;=2" and soup.a["class"] == ["k&z;", "m"]
    assert soup.a.get_text() == "AT&T;" and soup.script.get_text() == 'a="&q;"'
    assert "\ufdd0" not in str(soup)


def _page(article: str, template: int) -> str:
    menu = "".join(f"<li><a href='/r{template}/{k}'>Rubrique {template}-{k} du site</a></li>"
                   for k in range(40))
    script = "var cfg = {" + ", ".join(f'"k{template}_{k}": {k}' for k in range(80)) + "};"
    return (f"<!DOCTYPE html><html><head><title>Site {template}</title><script>{script}</script>"
            f"</head><body><nav class='menu-{template}'><ul>{menu}</ul></nav><article><p>{article}"
            f"</p></article><footer>Mentions légales du site {template}</footer></body></html>")


def test_find_copies_compares_the_text_of_html_records_not_their_markup(tmp_path):
    pytest.importorskip("numpy")
    from cleannews.batch.copies import learn_copies
    from cleannews.batch.sources import Item

    records = [("a", _page(ARTICLE, 1)), ("b", _page(ARTICLE, 2)),  # one article, two sites
               ("c", _page(OTHER, 1))]  # another article in the first site's template
    items = [Item(k, "in.jsonl", "jsonl", json.dumps({"id": i, "text": t}).encode(), k + 1)
             for k, (i, t) in enumerate(records)]
    roles = {k: v["role"] for k, v in learn_copies(items, "text", "id", min_words=10)
             ["by_seq"].items()}
    assert roles.get("0") == "original" and roles.get("1") == "duplicate"
    assert roles.get("2", "unique") == "unique"


def test_run_find_copies_of_jsonl_pages_keeps_two_articles_of_one_template(tmp_path):
    pytest.importorskip("numpy")
    from cleannews.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": _page(a, 1)}) + "\n"
                           for i, a in (("a", ARTICLE), ("c", OTHER))), "utf-8")
    out = tmp_path / "out"
    assert main(["-q", "run", str(src), "--out", str(out), "--find-copies",
                 "--drop-duplicates", "--no-progress"]) == 0
    recs = [json.loads(x) for x in (out / "clean.jsonl").read_text("utf-8").splitlines()]
    assert [(r["id"], r["cleannews"]["copies"]["role"]) for r in recs] == [
        ("a", "unique"), ("c", "unique")]


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_sigterm_ends_clean_and_explain_with_a_message_and_exit_143(tmp_path, command):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(300):
        (corpus / f"d{i:03d}.txt").write_text(f"Dépêche numéro {i}.\n\n{SEED_TEXT}", "utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "cleannews", command, "corpus"], cwd=tmp_path,
                            env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.read(1)  # documents are being written: the command is under way
    assert first, proc.stderr.read()
    os.kill(proc.pid, signal.SIGTERM)
    out, err = proc.communicate(timeout=240)
    assert proc.returncode == 128 + signal.SIGTERM, err  # was -15: killed without a word
    assert b"cleannews: ERROR: terminated (SIGTERM)" in err and b"Traceback" not in err, err
    assert out.count(b"==> corpus/") < 300  # stopped half-way


def test_sigterm_handler_is_put_back_after_clean(tmp_path):
    from cleannews.cli import main

    (tmp_path / "a.txt").write_text(SEED_TEXT, "utf-8")
    before = signal.getsignal(signal.SIGTERM)
    assert main(["-q", "clean", str(tmp_path / "a.txt")]) == 0
    assert signal.getsignal(signal.SIGTERM) == before


def test_two_label_public_suffixes_are_not_sites():
    from cleannews._sites import registrable_domain
    from cleannews.strip.html import site_label

    # the hand lists knew co.uk but not com.lb, gouv.fr, qc.ca, gouv.sn: every Lebanese
    # site was "com.lb", and a gouv.fr page's name was "gouv"
    assert registrable_domain("www.annahar.com.lb") == "annahar.com.lb"
    assert registrable_domain("www.education.gouv.fr") == "education.gouv.fr"
    assert registrable_domain("www.quebec.qc.ca") == "quebec.qc.ca"
    assert registrable_domain("www.lesoleil.sn") == "lesoleil.sn"
    assert registrable_domain("news.bbc.co.uk") == "bbc.co.uk"
    assert site_label("education.gouv.fr") == "education" and site_label("quebec.qc.ca") == "quebec"


def test_the_frozen_split_keeps_the_site_of_every_page():
    if str(ROOT) not in sys.path:  # the tools package sits beside src/
        sys.path.insert(0, str(ROOT))
    from tools.strip_corpus.common import site_of

    from _helpers import corpus_records

    records = corpus_records()
    assert len(records) > 900
    assert [r["id"] for r in records if site_of(r["url"]) != r["site"]] == []
    assert site_of("https://www.annahar.com.lb/a") == "annahar.com.lb"


def test_a_json_error_names_the_place_in_the_line_not_a_second_line(tmp_path):
    from cleannews.cli import main

    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "a", "text": "Le maire parle."}\n{"id": "b", "text": "x"\n'
                    b'{"id": 4, broken}\n')
    assert main(["-q", "run", str(src), "--out", str(tmp_path / "o"), "--no-progress"]) == 1
    errors = [json.loads(x)["error"]["message"] for x in
              (tmp_path / "o/errors/errors.jsonl").read_text("utf-8").splitlines()]
    # was "Expecting ',' delimiter: line 2 column 1 (char 23)" for line 2 of the file
    assert errors == [
        "not valid JSON: Expecting ',' delimiter at the end of the line (the record is cut short)",
        "not valid JSON: Expecting property name enclosed in double quotes at character 11 of "
        "the line"]


def test_a_report_that_cannot_be_read_says_why_in_words(tmp_path, capsys):
    from cleannews.cli import main

    assert main(["report", str(tmp_path / "nope.json")]) == 2
    err = capsys.readouterr().err
    # audit13: said as `clean`/`run`/`score` say it (was "cannot read the report: No such
    # file or directory")
    assert "nope.json: no such file or folder" in err
    assert "Errno" not in err  # was "not a readable cleannews report ([Errno 2] No such …)"
    assert main(["report", str(tmp_path)]) == 2
    assert "cannot read the report: Is a directory" in capsys.readouterr().err


def test_an_accept_languages_code_no_document_can_have_is_refused(tmp_path, capsys):
    from cleannews import CleanConfig, ConfigError
    from cleannews.cli import main

    # "--languages fe" (for fr) was taken: every document became other_language
    with pytest.raises(ConfigError, match="fe is not a language the language identifier names"):
        CleanConfig(accept_languages=("fr", "fe"))
    # fr-CA is fr, kept once since round 28 (audit30: the code twice compared unequal)
    assert CleanConfig(accept_languages=("fr", "wa", "kab", "fr-CA")).accept_languages == (
        "fr", "wa", "kab")
    (tmp_path / "a.txt").write_text(SEED_TEXT, "utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["clean", "--languages", "xx", str(tmp_path / "a.txt")])
    assert exc.value.code == 2 and "xx is not a language" in capsys.readouterr().err


def test_the_identified_languages_are_the_models_labels():
    from cleannews._lang import NO_LANGUAGE, _py3langid
    from cleannews.config import IDENTIFIED_LANGUAGES

    classify = _py3langid()
    if classify is None:
        pytest.skip("py3langid's model is not available")
    assert IDENTIFIED_LANGUAGES == set(classify.__self__.nb_classes) - {NO_LANGUAGE}


def test_an_input_named_twice_is_read_once_and_a_nested_one_is_warned_about(tmp_path, caplog):
    from cleannews.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n", "utf-8")
    out = tmp_path / "o"
    # every record of in.jsonl came out twice, under the same id
    assert main(["-q", "run", str(src), str(tmp_path / "." / "in.jsonl"), "--out", str(out),
                 "--no-progress"]) == 0
    assert len((out / "clean.jsonl").read_text("utf-8").splitlines()) == 1
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, "utf-8")
    with caplog.at_level("WARNING", logger="cleannews"):
        assert main(["run", str(folder / "a.txt"), str(folder), "--out", str(tmp_path / "o2"),
                     "--no-progress", "--find-copies"]) == 0
    said = [r.getMessage() for r in caplog.records if "also named" in r.getMessage()]
    assert said == [f"{folder / 'a.txt'} is inside {folder}, also named: its documents are "
                    "read twice"]  # once, not once per pass over the inputs


def test_explain_says_how_a_file_was_decoded(tmp_path, capsys):
    from cleannews.cli import main

    (tmp_path / "latin.txt").write_bytes("Le café du maire a été vendu mardi.\n".encode("cp1252"))
    (tmp_path / "mixed.txt").write_bytes(b"Le caf\xe9 est bon, d\xc3\xa9j\xc3\xa0 vu, tr\xc3\xa8s "
                                         b"bien, \xc3\xa0 Paris.\n")
    assert main(["explain", str(tmp_path / "latin.txt")]) == 0
    out = capsys.readouterr().out
    # explain cleaned the decoded text, so the decode change was lost: no word of Windows-1252
    assert out.startswith("[decode:decode_cp1252] input is not UTF-8")
    assert "decoded as Windows-1252" in out and "1   Le café du maire" in out
    assert main(["explain", "--changes-only", str(tmp_path / "mixed.txt")]) == 0
    out = capsys.readouterr().out
    assert "[decode:decode_cp1252_fallback] bytes e9 are not valid UTF-8" in out


def test_a_compressed_file_cut_before_its_first_line_says_so(tmp_path):
    import gzip

    from cleannews.cli import main

    data = gzip.compress(("".join(json.dumps({"id": f"r{i}", "text": ARTICLE}) + "\n"
                                  for i in range(3))).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[:40])
    assert main(["-q", "run", str(tmp_path / "cut.jsonl.gz"), "--out", str(tmp_path / "o"),
                 "--no-progress"]) == 1
    err = json.loads((tmp_path / "o/errors/errors.jsonl").read_text("utf-8"))["error"]
    # was "could not read the rest of the file after line 0: …"
    assert err["type"] == "read" and err["message"].startswith("could not read the file: ")


def test_config_help_names_the_pyproject_table_it_reads(capsys):
    from cleannews.cli import main

    with pytest.raises(SystemExit):
        main(["clean", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    # the README's third form (pyproject.toml's [tool.cleannews]) was missing from --help
    assert "[tool.cleannews] table of a pyproject.toml" in help_text
