"""Round 29 audit (audit32): the pandas / datasets functions, the datatrove cleaner, the
``report`` command and its HTML page, ``explain --json --color``, short texts' language.

Bugs fixed (each test below says ``fails on main``):

1. A NaT (``pd.NaT``, numpy's ``datetime64("NaT")``, the missing value of a date column) or a
   ``Decimal("NaN")`` was no missing value for ``clean_text`` / ``clean_record``: ``""`` and
   an error row "expected str or bytes, got NaTType", where a NaN stays missing.
2. ``clean_text`` let any failure of the cleaner other than bad input escape: one row stopped
   a whole ``Series.map`` (``clean_record`` made it an error row). Now ``""`` and a warning.
3. ``clean_frame`` of an empty frame gave an ``object`` ``cleannews_spin_score`` column.
4. ``CleannewsCleaner`` named a document without an id ``"None"`` (``str(doc.id)``), and its
   summary had no ``language``.
5. ``cleannews report`` of a report whose histogram has one edge too few: a traceback
   (``IndexError``), exit 1, for ``--html``; now exit 2 with the reason, as for any report
   that cannot be read.
6. The direction marks U+200E, U+200F, U+061C in an id were written raw (terminal lines, the
   HTML page), where the embeddings and overrides are escaped.
7. ``explain --json --color always``: accepted, and ``--help`` did not say the colour is
   ignored with ``--json``; now it says so (the choice: ignore it, so an alias with
   ``--color always`` keeps working with ``--json``).
8. Short texts got a wrong language: 3 to 7 rubric names ("Lyon Infos Météo") were ``gcf``,
   ``ht``, ``pcm`` …, and with ``accept_languages=("fr",)`` such a page was set aside as
   ``other_language``. Below 8 words only fr, en, de, es, it are named.
9. ``ds.map(clean_batch, batched=True)`` failed when the first batch had no language, no
   evidence or no change in any row; ``batch_features`` types the columns.

Pinned, as found right: index and dtype of ``clean_frame`` / ``Series.map`` (duplicate and
multi-level index, the ``string`` dtype's ``pd.NA``), a column of mixed types (numbers and
dates refused with ``clean``'s message, bytes decoded as ``clean`` decodes them), hostile ids
in the HTML report (``<script>``, quotes), an empty run and a run of errors only (exit 0),
one-word documents kept (``clean("x")``).
"""

from __future__ import annotations

import decimal
import json
import logging
from pathlib import Path

import pytest

import cleannews
from _helpers import run_cli, seed_lines, write_jsonl
from cleannews.batch.api import clean_batch, clean_frame, clean_record, clean_text
from cleannews.config import CleanConfig

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

#: Real French sentences (the seeds) to build documents from.
LINES = seed_lines()
ARTICLE = "\n".join(LINES[:4])


# --- 1. pandas: NaT and the other missing values (fails on main) ----------------------------


@pytest.mark.parametrize("missing", [pd.NaT, np.datetime64("NaT"), np.timedelta64("NaT"),
                                     decimal.Decimal("NaN")], ids=repr)
def test_a_nat_is_a_missing_value_as_a_nan_is(missing) -> None:
    """Fails on main: ``""`` and "expected str or bytes, got NaTType"."""
    assert clean_text(missing) is missing  # stays missing, as None and NaN do
    rec = clean_record(missing)
    assert (rec["cleannews_verdict"], rec["cleannews_error"]) == ("error", "missing text")
    assert clean_batch({"text": [missing]})["cleannews_error"] == ["missing text"]


def test_a_date_column_keeps_its_missing_rows_missing() -> None:
    """Fails on main: the NaT row came back as ``""`` (a text), the NaN row as NaN."""
    s = pd.Series([ARTICLE, pd.NaT, float("nan"), None], index=[10, 11, 12, 13], dtype=object)
    out = s.map(clean_text)
    assert out.index.tolist() == [10, 11, 12, 13]
    assert out[10] == cleannews.clean(ARTICLE).text
    assert out[[11, 12, 13]].isna().all()


def test_numbers_and_dates_are_refused_with_cleans_message() -> None:
    """Pinned: a value that is no text (a number, a date) is what ``clean`` refuses, and
    gives ``""`` in ``clean_text``, documented: only missing values stay missing."""
    for value in (3, 2.5, np.int64(4), pd.Timestamp("2024-01-02")):
        with pytest.raises(cleannews.InputError) as exc:
            cleannews.clean(value)
        assert clean_text(value) == ""
        assert clean_record(value)["cleannews_error"] == exc.value.message


# --- 2. one row the cleaner fails on does not stop the map (fails on main) ------------------


def test_a_row_the_cleaner_fails_on_gives_an_empty_text_and_the_map_goes_on(
        monkeypatch, caplog) -> None:
    """Fails on main: the RuntimeError escaped ``clean_text`` and the whole map was lost."""
    import cleannews.pipeline

    real = cleannews.pipeline.clean

    def failing(text, config=None, **kw):
        if "BOUM" in text:
            raise RuntimeError("a bug of the cleaner")
        return real(text, config, **kw)

    monkeypatch.setattr(cleannews.pipeline, "clean", failing)
    s = pd.Series([LINES[0], "BOUM " + LINES[1], LINES[2]])
    with caplog.at_level(logging.WARNING, logger="cleannews"):
        out = s.map(clean_text).tolist()
    assert out == [LINES[0], "", LINES[2]]
    assert "RuntimeError: a bug of the cleaner" in caplog.text
    rec = clean_record("BOUM " + LINES[1])  # the same row in clean_record: an error row
    assert rec["cleannews_verdict"] == "error" and "RuntimeError" in rec["cleannews_error"]


# --- 3. clean_frame: dtypes and index ------------------------------------------------------


def test_an_empty_frame_has_a_float_score_column() -> None:
    """Fails on main: ``object`` (a filter ``out.cleannews_spin_score > 0.5`` is the same,
    but the dtype of a column should not depend on whether the frame has rows)."""
    out = clean_frame(pd.DataFrame({"text": pd.Series([], dtype=object)}))
    assert out["cleannews_spin_score"].dtype == np.float64
    full = clean_frame(pd.DataFrame({"text": [ARTICLE]}))
    assert full["cleannews_spin_score"].dtype == out["cleannews_spin_score"].dtype


def test_clean_frame_keeps_the_index_and_every_row_of_a_mixed_column() -> None:
    """Fails on main (the NaT row, "got NaTType"); pinned: duplicate and multi-level indexes
    kept, row for row; a column of mixed types
    (text, None, a number, NaT, bytes, "") gives one row each, bytes decoded as ``clean``."""
    values = [ARTICLE, None, 3, pd.NaT, LINES[5].encode("cp1252", "replace"), ""]
    for index in ([7, 7, 8, 9, 9, 1],
                  pd.MultiIndex.from_tuples([("a", i) for i in range(len(values))])):
        df = pd.DataFrame({"text": values, "k": range(len(values))}, index=index)
        out = clean_frame(df)
        assert out.index.equals(df.index) and out["k"].tolist() == df["k"].tolist()
        assert out["cleannews_verdict"].tolist() == ["keep", "error", "error", "error", "keep",
                                                     "empty"]
        assert out["cleannews_error"].tolist()[1:4] == [
            "missing text", "expected str or bytes, got int", "missing text"]
        assert out["cleannews_text"].iloc[4] == cleannews.clean(values[4]).text


def test_the_string_dtype_keeps_its_missing_values() -> None:
    """Pinned: ``Series.map(clean_text)`` on the ``string`` dtype keeps ``pd.NA``."""
    out = pd.Series([LINES[0], None], dtype="string").map(clean_text)
    assert out.iloc[0] == LINES[0] and out.isna().tolist() == [False, True]


# --- 4. datatrove: the id and the language of the summary (fails on main) -------------------


def _needs_datatrove() -> None:
    pytest.importorskip("datatrove", reason="datatrove is not installed")


def test_the_cleaner_gives_clean_no_id_for_a_document_without_one(monkeypatch) -> None:
    """Fails on main: ``clean(..., id="None")``, the id of an error it raised too."""
    _needs_datatrove()
    from datatrove.data import Document

    import cleannews.pipeline
    from cleannews.integrations.datatrove import CleannewsCleaner

    seen = []
    real = cleannews.pipeline.clean

    def spy(text, config=None, *, id=None):
        seen.append(id)
        return real(text, config, id=id)

    monkeypatch.setattr(cleannews.pipeline, "clean", spy)
    docs = [Document(text=ARTICLE, id=i) for i in (None, "", 7, "a1")]
    list(CleannewsCleaner().run(iter(docs)))
    assert seen == [None, None, "7", "a1"]


def test_the_cleaner_summary_has_the_language() -> None:
    """Fails on main: no ``language`` key; a pipeline could not filter on it."""
    _needs_datatrove()
    from datatrove.data import Document

    from cleannews.integrations.datatrove import CleannewsCleaner

    fr, en, short = CleannewsCleaner().run(iter([
        Document(text=ARTICLE, id="fr"),
        Document(text="The government announced a pension reform on Tuesday after weeks "
                      "of talks with the unions, which called a strike.", id="en"),
        Document(text="Lyon Infos Météo", id="short")]))
    assert [d.metadata["cleannews"]["language"] for d in (fr, en, short)] == ["fr", "en", None]


# --- 5. report: a histogram that cannot be drawn (fails on main) ----------------------------


def _run_dir(tmp_path: Path, rows: list[dict], name: str = "out") -> Path:
    src = write_jsonl(tmp_path / f"{name}.jsonl", rows)
    out = tmp_path / name
    done = run_cli("run", src, "-o", out, "-q")
    assert done.returncode in (0, 1), done.stderr
    return out


def test_a_report_with_an_edge_too_few_is_exit_2_not_a_traceback(tmp_path: Path) -> None:
    """Fails on main: ``--html`` died with ``IndexError`` (exit 1, a traceback)."""
    out = _run_dir(tmp_path, [{"id": "a", "text": ARTICLE}])
    report = json.loads((out / "report.json").read_text("utf-8"))
    report["spin"]["histogram"]["edges"] = report["spin"]["histogram"]["edges"][:-1]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(report), "utf-8")
    for extra in (["--html", tmp_path / "r.html"], []):
        done = run_cli("report", bad, *extra)
        err = done.stderr.decode()
        assert done.returncode == 2 and "Traceback" not in err, err
        assert '"spin.histogram" has 10 counts and 10 edges' in err
    assert not (tmp_path / "r.html").exists()


def test_direction_marks_in_an_id_are_escaped(tmp_path: Path) -> None:
    """Fails on main: U+200F written raw in the warning line and in the HTML page (the page
    escaped U+202E but not the marks, which move the characters beside them)."""
    from cleannews.batch.html_report import render_html
    from cleannews.batch.sources import terminal_safe

    assert terminal_safe("a\u200f-1\u200e\u061c") == "a\\u200f-1\\u200e\\u061c"
    page = render_html({"command": "run", "documents": {"in": 1, "out": 0, "quarantined": 1,
                                                        "failed": 0}, "rules": {}, "spin": {},
                        "quarantined": [{"id": "q\u200f-1", "score": 0.97, "evidence": []}]})
    assert "\u200f" not in page and "<code>q\\u200f-1</code>" in page
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "q\u200f-1", "text": "a\x00b"}])
    err = run_cli("run", src, "-o", tmp_path / "out").stderr.decode()
    assert "(id q\\u200f-1)" in err and "\u200f" not in err


def test_the_html_page_escapes_hostile_ids_and_reads_odd_runs(tmp_path: Path) -> None:
    """Pinned: a quarantined document's hostile id (``<script>``, quotes, U+202E) is escaped;
    a run of errors only and an empty run give a page, exit 0."""
    from cleannews.batch.html_report import render_html

    hostile = "<script>alert('x')</script>\"\u202e"
    page = render_html({"command": "run", "documents": {"in": 1, "out": 0, "quarantined": 1,
                                                        "failed": 0},
                        "rules": {}, "spin": {},
                        "quarantined": [{"id": hostile, "score": 0.97, "reason": "<b>",
                                         "evidence": [{"text": "</q><script>", "reason": "r"}]}]})
    assert "<script" not in page and "\u202e" not in page and "&lt;b&gt;" in page
    errors_only = _run_dir(tmp_path, [{"id": "a", "text": ""}, {"id": "b", "text": 5}], "err")
    empty = _run_dir(tmp_path, [], "empty")
    for out, failed in ((errors_only, 2), (empty, 0)):
        done = run_cli("report", out / "report.json", "--html")
        page = done.stdout.decode()
        assert done.returncode == 0, done.stderr
        assert f'id="count-failed"><b>{failed}</b>' in page
        assert "No document was spin-scored." in page


# --- 6. explain --json --color (the help fails on main) -------------------------------------


def test_explain_json_ignores_color_and_says_so(tmp_path: Path) -> None:
    """Fails on main: ``--help`` did not say it. The JSON lines carry no escape sequence."""
    page = tmp_path / "a.txt"
    page.write_text(ARTICLE + "\nPartager sur Facebook\n", "utf-8")
    done = run_cli("explain", "--json", "--color", "always", page)
    assert done.returncode == 0 and b"\x1b" not in done.stdout
    assert json.loads(done.stdout)["id"]
    helptext = " ".join(run_cli("explain", "--help").stdout.decode().split())
    assert "ignored with --json" in helptext


# --- 7. the language of short texts (fails on main) ----------------------------------------

#: Rubric names the model read as another language at 0.5 or more (main: gcf, ht, lb …).
RUBRICS = ["Lyon Infos Météo", "Monde Lyon Culture", "Lire Vidéo Infos", "Lyon Météo Sport",
           "Lyon Culture Lire", "France Infos Bourse", "Police Photos Emploi"]


def test_short_rubric_names_have_no_language() -> None:
    """Fails on main: ``gcf``, ``ht``, ``lb``; with ``--languages fr`` the page was set aside."""
    from cleannews._lang import identify_language

    assert [identify_language(t) for t in RUBRICS] == [None] * len(RUBRICS)
    cfg = CleanConfig(accept_languages=("fr",))
    for t in RUBRICS[:2]:
        doc = cleannews.clean_html(f"<html><body><p>{t}</p></body></html>", cfg)
        assert (doc.language, doc.verdict) == (None, "keep")


def test_short_texts_that_are_plainly_a_language_keep_it() -> None:
    """Pinned: short prose in a language with strip rules keeps its language, whatever the
    model's probability ("Hello world today" is ``en`` at 0.64: tests/test_audit8.py); from
    8 words any language is named, as before."""
    from cleannews._lang import identify_language

    assert identify_language("Le chat dort") == "fr"
    assert identify_language("Hello world today") == "en"
    assert identify_language("Buenos días amigos") == "es"
    assert identify_language("Le gouvernement a annoncé une réforme.") == "fr"
    eight = "The government announced a pension reform on Tuesday"
    assert len(eight.split()) == 8 and identify_language(eight) == "en"
    # Portuguese has no strip rules: unknown when short, named from 8 words
    assert identify_language("O governo anunciou uma reforma") is None
    assert identify_language("O governo anunciou uma reforma das pensões ontem à noite") == "pt"


def test_a_one_word_document_is_kept() -> None:
    """Pinned: ``clean("x")`` is ``"x"`` (the brief's "a lone x read as a share button" is
    not so on main); a share bar alone goes, with its reason (``empty_after_cleaning``)."""
    for word in ("x", "Tweet", "Partager", "Facebook"):
        doc = cleannews.clean(word)
        assert (doc.text, doc.verdict) == (word, "keep")
    doc = cleannews.clean("Partager sur Facebook")
    assert doc.verdict == "empty_after_cleaning" and "share" in doc.reason


# --- 8. 🤗 datasets: a first batch with no language, evidence or change (fails on main) -----


def test_batch_features_types_every_column_whatever_the_first_batch_holds() -> None:
    """Fails on main (no ``batch_features``): ``ds.map(clean_batch, batched=True)`` typed each
    column from the first batch; short texts first (no language, no evidence, no change)
    typed them null and the map failed on the first batch that had one. Needs ``datasets``
    (not a test dependency: skipped without it)."""
    datasets = pytest.importorskip("datasets")
    if getattr(datasets, "Json", None) is None:
        pytest.skip("this datasets has no datasets.Json")
    from functools import partial

    from cleannews.batch import batch_features

    texts = ["Un texte simple ici.", None, "", "Partager sur Facebook", ARTICLE,
             "Partager sur Facebook\n" + ARTICLE]
    ds = datasets.Dataset.from_dict({"text": texts, "id": [str(i) for i in range(len(texts))]})
    for keep in (False, True):
        out = ds.map(partial(clean_batch, keep_original=keep), batched=True, batch_size=1,
                     features=batch_features(ds.features, keep_original=keep))
        assert out["cleannews_language"][:] == [None] * 4 + ["fr", "fr"]
        assert out["cleannews_verdict"][:] == clean_batch({"text": texts})["cleannews_verdict"]
        assert len(out["cleannews_changes"][5]) >= 1 and out["id"][:] == ds["id"][:]
