"""A new user's walkthrough, library and HTML user then batch scorer over folders (round 33):
what a fresh venv with the checkout installed, driven as README.md and docs/ say, did wrong
(docs/batch.md, "A library and HTML user's walkthrough (round 33)").

Inputs: HTML pages of ``fixtures/strip`` (the regional French market page, the recipe
page), a seed, and generated files around them (a page saved as ``.txt``, as
``page.out`` and with no extension).

1. ``run`` and ``score`` read a file named as an INPUT with another extension (``page.out``,
   ``article``) as text, tags and all, when it holds an HTML page: the README says such a file
   is sniffed ("JSONL, one HTML page or one text"), and ``clean`` reads the same file as HTML.
   Now sniffed by :func:`cleannews.batch.sources.file_kind`.
2. A ``.txt`` file holding an HTML page is text under ``--format auto`` (documented), and was
   cleaned tags and all without a word by every command; now the first such file is named in
   a warning that says ``--format html`` reads it as a page (the others at ``-v``).
3. ``cleannews.clean(page)`` in a script that never configured logging: the "looks like HTML"
   hint went to the package's ``NullHandler``, so the markup came back as the cleaned text,
   verdict ``keep``, without a word. Now a ``UserWarning`` at the caller's line when no handler
   shows the package's logs (a configured program still gets the log record, once).
4. docs/spin.md's list of labels lacked ``not_scored`` (``--no-spin``, ``score_spin=False``),
   the label ``cleannews score --no-spin`` prints on every line; its example's logit sum left
   out the context term.
5. ``cleannews.clean_html(Path("page.html"))`` was told to pass ``clean(path.read_bytes())``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import cleannews
from _helpers import ROOT, cli_env, read_jsonl, run_cli

FR_PAGE = ROOT / "fixtures" / "strip" / "040_fr_regional_html_marche_noel.html"
RECIPE_PAGE = ROOT / "fixtures" / "strip" / "042_fr_wordpress_html_recette_cookies.html"
SEED = ROOT / "seeds" / "004_8795e1cfecc798cf.txt"

#: Markup the cleaned text of a page read as HTML never holds.
TAG = re.compile(r"<(?:!DOCTYPE|html|body|div|p|article|head)\b", re.IGNORECASE)


def _score_lines(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]


# --- 1. a page in a file of another name is sniffed by run and score, as by clean --------


@pytest.mark.parametrize("name", ["page.out", "article"])
def test_run_reads_a_page_named_otherwise_as_html(tmp_path: Path, name: str) -> None:
    page = tmp_path / name
    page.write_bytes(FR_PAGE.read_bytes())
    got = run_cli("run", page, "--out", tmp_path / "out", "-q")
    assert got.returncode == 0, got.stderr
    (rec,) = read_jsonl(tmp_path / "out" / "clean.jsonl")
    text = rec["cleannews"]["text"]
    assert not TAG.search(text), text[:200]
    # the same text as the library's clean_html and `cleannews clean` of the same file
    assert text == cleannews.clean_html(FR_PAGE.read_bytes()).text
    assert {c["stage"] for c in rec["cleannews"]["changes"]} >= {"html"}
    shown = run_cli("clean", page)
    assert shown.stdout.decode("utf-8") == text


def test_score_reads_a_page_named_otherwise_as_html(tmp_path: Path) -> None:
    """``score`` of the recipe page saved as ``page.out`` scores the article, as for
    ``page.html`` (read as text, its tags and scripts made it another document: 0.0101
    against 0.0195 on main's code)."""
    for name in ("page.out", "page.html"):
        (tmp_path / name).write_bytes(RECIPE_PAGE.read_bytes())
    got = run_cli("score", tmp_path / "page.out", tmp_path / "page.html", "-q")
    assert got.returncode == 0, got.stderr
    other, html = _score_lines(got.stdout)
    assert (other["label"], other["verdict"], other["language"]) == (
        html["label"], html["verdict"], html["language"])
    assert other["score"] == html["score"]


def test_a_text_named_otherwise_stays_text(tmp_path: Path) -> None:
    """The sniff reads a page, not a text that quotes a tag (``looks_like_html``)."""
    notes = tmp_path / "notes"
    notes.write_text("Le tag <p> ouvre un paragraphe.\nLe maire a parlé hier soir.\n",
                     encoding="utf-8")
    got = run_cli("run", notes, "--out", "-", "-q", "--no-spin")
    (rec,) = [json.loads(x) for x in got.stdout.decode().splitlines()]
    assert rec["cleannews"]["text"].startswith("Le tag <p> ouvre")


# --- 2. a .txt page: text, as documented, but said ----------------------------------------

TXT_PAGE_WARNING = "starts like an HTML page but is read as text"


@pytest.mark.parametrize("command", ["score", "run", "clean", "explain"])
def test_a_txt_page_is_said_once(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    for i in range(3):
        (folder / f"page{i}.txt").write_bytes(FR_PAGE.read_bytes())
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    extra = ["--out", str(tmp_path / "out")] if command == "run" else []
    got = run_cli(command, folder, *extra)
    assert got.returncode == 0, got.stderr
    err = got.stderr.decode("utf-8")
    assert err.count(TXT_PAGE_WARNING) == 1, err
    assert "crawl/page0.txt: starts like an HTML page" in err
    assert "--format html" in err
    # -v names each page, and never the seed
    verbose = run_cli(command, folder, "-v", *(
        ["--out", str(tmp_path / "out2")] if command == "run" else [])).stderr.decode("utf-8")
    assert verbose.count(TXT_PAGE_WARNING) == 3
    assert "seed.txt: starts like" not in verbose


def test_a_txt_page_stays_text_and_format_html_reads_it(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(FR_PAGE.read_bytes())
    as_text = run_cli("clean", page).stdout.decode("utf-8")
    assert TAG.search(as_text)  # documented: a .txt file is text
    as_html = run_cli("clean", "--format", "html", page)
    assert as_html.stdout.decode("utf-8") == cleannews.clean_html(FR_PAGE.read_bytes()).text
    assert TXT_PAGE_WARNING not in as_html.stderr.decode("utf-8")


def test_a_plain_txt_is_not_warned(tmp_path: Path) -> None:
    got = run_cli("score", SEED, "-o", tmp_path / "s.jsonl")
    assert TXT_PAGE_WARNING not in got.stderr.decode("utf-8")


# --- 3. the library's HTML hint reaches a script that configured no logging --------------

_SCRIPT = """\
import cleannews, pathlib, sys
page = pathlib.Path(sys.argv[1]).read_bytes()
doc = cleannews.clean(page)
doc = cleannews.clean(page)
print(doc.verdict)
"""


def _python(tmp_path: Path, script: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "user_script.py"
    path.write_text(script, encoding="utf-8")
    return subprocess.run([sys.executable, str(path), str(FR_PAGE)],
                          capture_output=True, text=True, env=cli_env(), timeout=120)


def test_clean_of_a_page_warns_a_script_without_logging(tmp_path: Path) -> None:
    got = _python(tmp_path, _SCRIPT)
    assert got.returncode == 0, got.stderr
    assert got.stdout.strip() == "keep"
    assert got.stderr.count("UserWarning") == 1, got.stderr
    assert "cleannews.clean_html()" in got.stderr
    # the warning names the user's line, not a line of the package
    assert "user_script.py:3: UserWarning" in got.stderr, got.stderr


def test_a_program_with_logging_gets_the_log_record_once(tmp_path: Path) -> None:
    got = _python(tmp_path, "import logging\nlogging.basicConfig()\n" + _SCRIPT)
    assert got.returncode == 0, got.stderr
    assert "UserWarning" not in got.stderr
    assert got.stderr.count("WARNING:cleannews:cleannews.clean() / explain() was given") == 1


def test_clean_html_and_text_say_nothing(tmp_path: Path) -> None:
    script = ("import cleannews, pathlib, sys\n"
              "cleannews.clean_html(pathlib.Path(sys.argv[1]).read_bytes())\n"
              "cleannews.clean('Le maire a parlé hier soir devant le conseil municipal.')\n")
    got = _python(tmp_path, script)
    assert got.returncode == 0 and got.stderr == "", got.stderr


# --- 4. the labels the docs list --------------------------------------------------------


def test_spin_md_lists_every_label() -> None:
    """Every label a :class:`SpinScore` can carry is in docs/spin.md's usage block."""
    usage = (ROOT / "docs" / "spin.md").read_text("utf-8").split("## How it works")[0]
    (line,) = [x for x in usage.splitlines() if x.strip().startswith("s.label")]
    listed = set(re.findall(r'"(\w+)"', line))
    no_spin = cleannews.clean(SEED.read_bytes(),
                              config=cleannews.CleanConfig(score_spin=False)).spin.label
    assert no_spin in listed, line
    assert listed >= {"clean", "suspect", "spun", "insufficient", "unsupported_language"}


def test_spin_md_sum_adds_up() -> None:
    """docs/spin.md: "intercept + contributions + context term + rule adjustment = logit" on
    the spun seed its example reads (it left out the context term, 2.99 of the logit)."""
    usage = (ROOT / "docs" / "spin.md").read_text("utf-8").split("## How it works")[0]
    assert "intercept + contributions + context term + rule adjustment = logit" in usage
    s = cleannews.spin_score((ROOT / "seeds" / "003_d0613672c8185330.txt").read_text("utf-8"))
    kinds = sum(v for k, v in s.signals.items() if k.startswith("kind."))
    total = (s.signals["intercept"] + kinds + s.signals["context_term"]
             + s.signals["rule_adjustment"])
    assert s.signals["context_term"] > 0
    assert total == pytest.approx(s.signals["logit"], abs=1e-3)


# --- 5. clean_html of a path names the function the user called -------------------------


def test_clean_html_of_a_path_names_clean_html() -> None:
    with pytest.raises(cleannews.InputError,
                       match=r"a path; pass its content, e\.g\. clean_html\(path\.read_bytes"):
        cleannews.clean_html(FR_PAGE)
    with pytest.raises(cleannews.InputError, match=r"an open file; .* clean_html\(f\.read"):
        with FR_PAGE.open("rb") as f:
            cleannews.clean_html(f)
    # clean() keeps its own name
    with pytest.raises(cleannews.InputError, match=r"e\.g\. clean\(path\.read_bytes"):
        cleannews.clean(SEED)
