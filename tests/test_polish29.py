"""Small user-facing fixes of round 27 (branch polish29), each on real input.

1. ``repr`` of :class:`~cleannews.Document`, :class:`~cleannews.Change` and
   :class:`~cleannews.SpinScore` is a short summary (it printed a 1 MB text and every change);
   equality, pickling and ``to_dict`` are unchanged.
2. The page's ``<title>`` / site name in ``Document.metadata`` get the repair stage's character
   fixes (mojibake, entities, control characters stayed).
3. A ``too_large`` input names the setting that set the limit (``CleanConfig max_input_mb``
   when ``--set max_input_mb=…`` did, not ``--max-record-mb``).
4. ``_lang``'s docstring gives the model's number of classes, ``VERIFIED_MODEL``'s.
5. docs/repair.md has no leftover "README section (for the lead to paste)".
6. ``CopyClusters`` checks its options (``drop_duplicates="false"`` was true).
7. The crawler's `` date …`` stamp glued to a skip link (TRAIN page fr-f-0021) is lifted as the
   one glued to a title is (no change was needed: a guard).
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import cleannews
from _helpers import read_jsonl, run_cli
from cleannews import Change, Document, SpinScore
from cleannews import document as document_module
from cleannews.config import CleanConfig
from cleannews.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
HTML_FIXTURES = sorted((ROOT / "fixtures" / "strip").glob("*.html"))
#: A repr longer than this floods (a summary line is about 300 characters).
REPR_MAX = 600


# --- 1. short reprs ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_doc() -> Document:
    """A real document of about 1 MB: the seeds, one after the other, until 1 MB."""
    texts = [p.read_text("utf-8") for p in SEEDS]
    text = "\n\n".join(texts * (1_000_000 // sum(map(len, texts)) + 1))
    return cleannews.clean(text, id="big")


def test_repr_of_a_1mb_document_is_a_short_summary(big_doc):
    r = repr(big_doc)
    assert len(big_doc.text) > 800_000 and len(big_doc.changes) > 50
    assert len(r) < REPR_MAX, len(r)
    assert r.startswith("Document(text=" + repr(big_doc.text[:document_module.REPR_TEXT_CHARS]))
    assert f"({len(big_doc.text):,} chars)" in r
    assert "id='big'" in r and f"verdict={big_doc.verdict!r}" in r
    assert f"input_length={big_doc.input_length}" in r
    assert f"changes=<{len(big_doc.changes)} Change>" in r
    assert f"spin=<{big_doc.spin.label} " in r
    assert str(big_doc) == r and f"{big_doc}" == r


def test_repr_changes_nothing_else(big_doc):
    assert Document.from_dict(json.loads(big_doc.to_json())) == big_doc
    assert pickle.loads(pickle.dumps(big_doc)) == big_doc
    assert sorted(big_doc.to_dict()) == ["changes", "id", "input_length", "language",
                                         "metadata", "quarantined", "reason", "spin", "text",
                                         "verdict"]


def test_repr_of_a_short_document_shows_its_whole_text():
    doc = cleannews.clean("Le conseil a voté le budget.", id="d1")
    assert repr(doc).startswith("Document(text='Le conseil a voté le budget.', id='d1', ")
    assert "chars)" not in repr(doc)


def test_repr_of_a_quarantined_document_shows_its_reason():
    doc = Document("x", verdict="quarantine", reason="spun French " * 40)
    r = repr(doc)
    assert "verdict='quarantine', reason='spun French spun" in r and len(r) < REPR_MAX


def test_repr_of_a_change_with_a_removed_page_is_short(big_doc):
    biggest = max(big_doc.changes, key=lambda c: len(c.before))
    huge = Change("html", "html_script", (0, 1_000_000), "x" * 1_000_000, "", "script")
    for c in (biggest, huge):
        assert len(repr(c)) < REPR_MAX
        assert repr(c).startswith(f"Change(stage={c.stage!r}, rule={c.rule!r}, span={c.span!r}")
    small = big_doc.changes[0]
    assert repr(small) == (f"Change(stage={small.stage!r}, rule={small.rule!r}, "
                           f"span={small.span!r}, before={small.before!r}, "
                           f"after={small.after!r}, reason={small.reason!r})")


def test_repr_of_a_spin_score_counts_its_evidence(big_doc):
    spin = cleannews.spin_score(SEEDS[4].read_text("utf-8"))
    assert spin.evidence and spin.paragraphs
    r = repr(spin)
    assert r.startswith(f"SpinScore(score={spin.score!r}, label={spin.label!r}, ")
    assert f"evidence=<{len(spin.evidence)} Evidence>" in r
    assert f"paragraphs=<{len(spin.paragraphs)} ParagraphScore>" in r
    assert len(repr(big_doc.spin)) < REPR_MAX
    assert SpinScore.from_dict(json.loads(json.dumps(spin.to_dict()))) == spin


# --- 2. the page's title is repaired ---------------------------------------------------------


def _damaged(title: str) -> str:
    """``title`` as a broken page has it: UTF-8 read as Windows-1252 (ftfy's sloppy codec:
    the bytes Windows-1252 leaves undefined read as Latin-1), ``&`` escaped twice (as markup:
    ``&amp;amp;``) and a bell character."""
    import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

    moji = title.encode("utf-8").decode("sloppy-windows-1252")
    return moji.replace("&", "&amp;amp;").replace(" ", " \x07", 1)


@pytest.mark.parametrize("path", HTML_FIXTURES, ids=lambda p: p.name)
def test_a_damaged_title_comes_out_as_the_clean_one(path):
    page = path.read_text("utf-8")
    clean = cleannews.clean_html(page)
    title = clean.metadata.get("title")
    if not title or not any(ord(ch) > 127 for ch in title):
        pytest.skip("no title with a character that mojibake damages")
    head_end = page.index("<body")  # (a malformed page of the set never closes its head)
    head = page[:head_end]
    start = head.index("<title>") + len("<title>")
    shown = {head[start:head.index("</title>", start)]}
    for marker in ('property="og:title" content="', 'name="twitter:title" content="'):
        if marker in head:  # read before the <title>: damaged too
            at = head.index(marker) + len(marker)
            shown.add(head[at:head.index('"', at)])
    for value in shown:
        head = head.replace(value, _damaged(value))
    got = cleannews.clean_html(head + page[head_end:])
    assert got.metadata["title"] == title
    assert got.text == clean.text
    for key in ("date", "url", "lang"):  # not text for a reader: left as the page has them
        assert got.metadata.get(key) == clean.metadata.get(key)


def test_titles_and_site_names_get_the_fixes_the_config_asks_for():
    page = ("<html><head><title>Le march\u00c3\u00a9 &amp;amp; la f\u00c3\u00aate\u200b\n"
            "      - Journal</title><meta property='og:site_name' content='Le Petit "
            "&amp;amp; Caf\u00c3\u00a9'><link rel='canonical' href='https://x.fr/?a=1&amp;amp;b'>"
            "</head><body><article><p>Le conseil municipal a vot\u00e9 le budget de la ville "
            "mardi soir apr\u00e8s un long d\u00e9bat.</p></article></body></html>")
    md = cleannews.clean_html(page).metadata
    assert md["title"] == "Le march\u00e9 & la f\u00eate - Journal"
    assert md["site"] == "Le Petit & Caf\u00e9"
    assert md["url"] == "https://x.fr/?a=1&amp;b"  # an address: never "repaired"
    off = cleannews.clean_html(page, CleanConfig(fix_encoding=False, unescape_html=False))
    assert off.metadata["title"].startswith("Le march\u00c3\u00a9 &amp; la f\u00c3\u00aate")


def test_a_clean_title_is_left_as_it_is():
    for path in HTML_FIXTURES:
        page = path.read_text("utf-8")
        start = page.index("<title>") + len("<title>")
        raw = page[start:page.index("</title>", start)]
        title = cleannews.clean_html(page).metadata.get("title")
        if title and "&" not in raw and "og:title" not in page:
            assert title == raw.strip(), path.name


# --- 3. too_large names the setting that set the limit ----------------------------------------


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("big")
    text = SEEDS[4].read_text("utf-8")
    (d / "page.txt").write_text(text, encoding="utf-8")
    (d / "in.jsonl").write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    return d


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_clean_and_explain_name_max_input_mb(inputs, command):
    r = run_cli(command, inputs / "page.txt", "--set", "max_input_mb=0.001")
    err = r.stderr.decode("utf-8")
    assert r.returncode == 1
    assert "above the limit of 1048 bytes (CleanConfig max_input_mb)" in err, err
    r = run_cli(command, inputs / "page.txt", "--max-record-mb", "0.001",
                "--set", "max_input_mb=0.5")
    assert "above the limit of 1048 bytes (--max-record-mb)" in r.stderr.decode("utf-8")


def test_run_names_max_input_mb(inputs, tmp_path):
    r = run_cli("run", inputs / "in.jsonl", "--out", tmp_path / "o",
                "--set", "max_input_mb=0.001")
    assert r.returncode in (0, 1), r.stderr
    errors = read_jsonl(tmp_path / "o" / "errors" / "errors.jsonl")
    assert [e["error"]["type"] for e in errors] == ["too_large"]
    assert errors[0]["error"]["message"].endswith(
        "above the limit of 1048 bytes (CleanConfig max_input_mb)")


def test_the_library_and_the_batch_say_the_same():
    from cleannews.batch.limits import MAX_INPUT_SETTING, MB, input_limit, limit_setting

    text = SEEDS[4].read_text("utf-8")
    with pytest.raises(cleannews.InputError, match=rf"\({MAX_INPUT_SETTING}\)$"):
        cleannews.clean(text, CleanConfig(max_input_mb=0.001))
    assert limit_setting(input_limit(16 * MB, 0.001), 0.001) == MAX_INPUT_SETTING
    assert limit_setting(input_limit(1000, 0.5), 0.5) == "--max-record-mb"
    assert limit_setting(16 * MB, None) == "--max-record-mb"


# --- 4. the language model's classes ---------------------------------------------------------


def test_lang_docstring_counts_the_model_classes():
    from cleannews import _lang

    assert f"model of {_lang.VERIFIED_MODEL[3]} classes" in _lang.__doc__
    assert "model of 97 languages" not in _lang.__doc__


# --- 5. docs/repair.md -----------------------------------------------------------------------


def test_repair_doc_has_no_section_left_for_the_lead():
    text = (ROOT / "docs" / "repair.md").read_text("utf-8")
    assert "for the lead to paste" not in text
    assert "## Not done / known limits" in text


# --- 6. CopyClusters checks its options ------------------------------------------------------


@pytest.mark.parametrize("kwargs", [{"drop_duplicates": "false"}, {"drop_duplicates": 1},
                                    {"spin_direction": None}, {"min_words": "3"},
                                    {"min_words": -1}, {"min_words": True}])
def test_copy_clusters_refuses_a_bad_option(kwargs):
    pytest.importorskip("datatrove")
    pytest.importorskip("numpy")
    from cleannews.integrations.datatrove_copies import CopyClusters

    name = next(iter(kwargs))
    with pytest.raises(ConfigError, match=f"CopyClusters {name} must be"):
        CopyClusters(**kwargs)


def test_copy_clusters_keeps_good_options():
    pytest.importorskip("datatrove")
    np = pytest.importorskip("numpy")
    from cleannews.integrations.datatrove_copies import CopyClusters

    c = CopyClusters(drop_duplicates=np.bool_(True), min_words=0, spin_direction=False)
    assert (c.drop_duplicates, c.min_words, c.spin_direction) == (True, 0, False)
    assert CopyClusters().min_words is None and CopyClusters().drop_duplicates is False


# --- 7. the crawler stamp glued to a skip link (TRAIN) ---------------------------------------


def test_crawler_stamp_glued_to_a_skip_link_is_lifted(train_page):
    text, _ = train_page("fr-f-0021")  # 985fm.ca, TRAIN
    assert text.startswith(" date 2025-11-01  Aller au contenu\n")
    doc = cleannews.clean(text)
    assert doc.metadata["date"] == "2025-11-01"
    lifted = [c for c in doc.changes if c.rule == "crawler_metadata"]
    assert [(c.span, c.before) for c in lifted] == [((0, 18), " date 2025-11-01  ")]
    assert "Aller au contenu" not in doc.text  # the skip link, then, as furniture
    assert [c.rule for c in doc.changes if c.before.startswith("Aller au contenu")] == [
        "nav_menu"]


def test_repr_of_a_hand_made_result_never_raises():
    odd = Document(None, changes=None, metadata=None, spin=None, id=b"x" * 100_000)
    assert len(repr(odd)) < REPR_MAX and "changes=<? Change>" in repr(odd)
    many = Document("x", metadata={f"key{i}": i for i in range(10_000)})
    assert len(repr(many)) < REPR_MAX
    assert len(repr(SpinScore("a", None, evidence=None))) < REPR_MAX
    assert len(repr(Change("strip", "r", (0, 1), None, b"y" * 100_000, "why"))) < REPR_MAX
