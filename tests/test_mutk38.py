"""Mutation check, round 31 (``tools/mutate.py``): modules no earlier round had sampled.

Round 30 noted that ``cleannews/batch/`` (all but ``ids.py`` and ``sinks.py``, sampled in
round 28) and ``strip/_widgets.py`` had never been run through the mutation tester. This
round sampled ``strip/_widgets.py``, ``batch/process.py``, ``batch/sources.py`` and
``cli/_common.py`` (the runs, their test sets, the survivors and the equivalent mutants:
docs/strip-history.md, "Mutation check of modules never sampled: widgets, batch processing,
sources, `clean` (issue 10, round 31)"). Each test here kills a mutant that the module's own
tests let live (named in its docstring) and passes on main's code, except the two that found
a bug (``DATE_ALONE_MAX_WORDS`` below the date pattern's reach; a worker dying between two
sends stopped a run): they fail on main's code, and the fix is in the same branch.
CONTRIBUTING.md, "Checking that tests can fail".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _helpers import kept_lines, removed_by, run_cli, sink_records
from cleannews import CleanConfig
from cleannews.batch import RunSettings, paths_for, run_batch
from cleannews.batch.process import peek_id
from cleannews.strip import _widgets
from cleannews.strip._rules import load_rules, load_stopwords
from cleannews.strip.detectors import GOOD, _Line

CFG = CleanConfig()

#: An article's paragraph (as tests/test_misses32.py's).
PARA = (
    "Le conseil municipal a adopté mardi soir le budget de la ville pour l’année prochaine, "
    "après un long débat sur les investissements prévus dans les écoles et les routes."
)


def _page(*texts: str) -> str:
    return "\n\n".join(texts) + "\n"


def _lines(*texts: str) -> list:
    out = [_Line(t, frozenset()) for t in texts]
    for ln in out:
        if ln.text == PARA:
            ln.cls = GOOD
    return out


# --- strip/_widgets.py ----------------------------------------------------------------------


def _feed(time: str) -> tuple[str, ...]:
    """A feed of other articles under an article, each headline followed by its date alone
    and the hour (impact.sn's feed, fr-r28-0012, with the hour as many sites print it)."""
    return (
        "Les Bourses européennes terminent sans direction commune",
        "Un haut responsable américain annonce sa démission", f"17/03/2026{time}",
        "La Nouvelle-Zélande commémore les fusillades de Christchurch", f"15/03/2026{time}",
        "Liban : au moins neuf morts dans de nouvelles frappes", f"12/03/2026{time}",
        "Le Royaume-Uni et le Nigeria concluent un accord",
    )


@pytest.mark.parametrize("time", [" - 14:30", ", à 14h30", " à 14:30", "", " | 09h05"])
def test_a_feed_dated_with_the_hour_goes_whole(time):
    """Mutant: ``DATE_ALONE_MAX_WORDS = 5`` -> ``4`` (a date with its hour, "17/03/2026 -
    14:30", is five words: the feed stayed whole). And a bug it showed: "17/03/2026 à 14:30"
    is six words (17, 03, 2026, à, 14, 30), which :data:`_widgets._DATE_ALONE` matches but the
    word cap of 5 refused before the pattern was tried: that feed stayed whole under the
    article (fails on main's code for ``" à 14:30"`` only). The cap is now 6, the most the
    pattern can match; the mutant ``6`` -> ``5`` is killed by the same case."""
    feed = _feed(time)
    kept = kept_lines(_page("Le budget de la ville", PARA, PARA, PARA, PARA, *feed), CFG)
    assert PARA in kept
    assert not any(t in kept for t in feed), kept
    taken = removed_by(_page("Le budget de la ville", PARA, PARA, PARA, PARA, *feed), CFG)
    assert taken[f"15/03/2026{time}"] == "dated_headlines"


def test_a_line_longer_than_a_date_and_hour_is_no_date_alone():
    """The cap's other side: a line of seven words is never a date alone, whatever follows
    the date (the pattern is not even tried), so a feed whose "dates" carry a word more
    stays."""
    feed = _feed(" à 14:30 GMT")
    assert all(_Line(t, frozenset()).n == 7 for t in feed[2::2])
    ls = _lines(*[PARA] * 5, *feed)
    _widgets.dated_headlines(ls, "article")
    assert all(ln.removal is None for ln in ls)


def test_a_calendar_row_of_exactly_the_longest_length_is_a_row():
    """Mutant: ``CAL_ROW_MAX_CHARS = 120`` -> ``119``. A calendar printed with its columns
    padded (a table flattened to text, each cell 17 characters wide) has rows of exactly 120
    characters: a row; one character more and it is no row (a sentence of seven words of
    that length is prose)."""
    assert _widgets.CAL_ROW_MAX_CHARS == 120
    def padded(cells: list[str], gaps: list[int]) -> str:
        return "".join(c + " " * g for c, g in zip(cells, gaps, strict=False)) + cells[-1]

    row = padded("lun mar mer jeu ven sam dim".split(), [17, 17, 17, 16, 16, 16])
    days1 = padded([str(d) for d in range(1, 8)], [19, 19, 19, 19, 19, 18])
    days2 = padded([str(d) for d in range(8, 15)], [18] * 6)
    assert len(row) == len(days1) == len(days2) == 120
    assert _widgets._row_kind(row) == "weekday" and _widgets._row_kind(days1) == "day"
    assert _widgets._row_kind(row + " ") is None and _widgets._row_kind(days1 + " ") is None
    ls = _lines(PARA, "<< décembre 2025 >>", row, days1, days2, PARA)
    _widgets.calendar_widget(ls)
    assert [ln.removal.rule if ln.removal else None for ln in ls] == [
        None, "calendar_widget", "calendar_widget", "calendar_widget", "calendar_widget", None]


def test_a_prompt_of_two_of_its_family_s_words_goes():
    """Mutant: ``PROMPT_MIN_HITS["cookies"] = 2`` -> ``3`` (the survivor; ``"subscribe"`` and
    ``"share"`` have the same bound). "Accepter les cookies", "Réservé aux abonnés" and
    "Partager l'article" (a core word and one more word of the family; "les", "aux" are
    stopwords) are the shortest prompts of their banner; a line with one word of the list
    ("Nos cookies", "Nos abonnements") stays."""
    assert _widgets.PROMPT_MIN_HITS == {"comments": 1, "subscribe": 2, "cookies": 2, "share": 2}
    families, stop = load_rules(("fr",)).prompt_words, load_stopwords(("fr",))
    ls = _lines("Accepter les cookies", "Réservé aux abonnés", "Partager l'article",
                "Nos cookies", "Nos abonnements", PARA)
    _widgets.prompt_lines(ls, families, stop)
    assert [ln.removal.rule if ln.removal else None for ln in ls] == [
        "cookie_prompt_words", "subscribe_prompt_words", "share_prompt_words", None, None, None]



def test_a_dated_feed_holding_a_byline_stays_whole():
    """Mutant: ``dated_feed``'s ``continue`` after ``any(lines[i].protected or lines[i].cls ==
    KEEP …)`` deleted (the run went, with the line the protect patterns keep). A live
    article's dated entries, one of them its byline ("17/09/20 - Par Jean Dupont", protected
    as :meth:`RuleSet.is_protected` marks it, or judged ``KEEP``): the article's own
    chronology, none goes; the same lines with a headline in place of the byline are a feed."""
    from cleannews.strip.detectors import KEEP

    feed = ["18/09/20 : L'incendie a coupé la ligne", "17/09/20 - Par Jean Dupont",
            "16/09/20 : Trois statues sont de retour à Paris"]
    assert load_rules(("fr",)).is_protected(feed[1])
    for mark in ("protected", "keep"):
        ls = _lines(*feed)
        if mark == "protected":
            ls[1].protected = True
        else:
            ls[1].cls = KEEP
        _widgets.dated_feed(ls, "article")
        assert [ln.removal for ln in ls] == [None, None, None], mark
    ls = _lines(feed[0], "17/09/20 : Plusieurs centaines de personnes ont défilé", feed[2])
    _widgets.dated_feed(ls, "article")
    assert [ln.removal.rule for ln in ls] == ["dated_feed"] * 3

# --- batch/process.py -----------------------------------------------------------------------


def _run_jsonl(tmp_path: Path, lines: list[bytes], **kw) -> dict[str, list[dict]]:
    """Run the batch runner (one worker unless ``jobs``) on a JSONL file of ``lines``; its
    three sinks."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(line + b"\n" for line in lines))
    out = tmp_path / "out"
    run_batch(RunSettings([str(src)], paths_for(out), **{"jobs": 1, **kw}))
    return sink_records(out)


def test_a_broken_record_with_an_empty_field_before_its_id_keeps_its_id(tmp_path: Path):
    """Mutant: ``_skip_string``'s ``j = i + 1`` -> ``i + 2`` (the closing quote of an empty
    string ``""`` was skipped, and the id of a record that cannot be decoded was read from the
    wrong place: the error record was named ``PATH:LINE``). An export with an empty title and
    a Latin-1 byte in its text, beside a good record: each ends in exactly one sink, the broken
    one in the errors sink under its own id."""
    good = json.dumps({"id": "b2", "text": PARA}).encode()
    broken = b'{"title": "", "id": "a1", "text": "Caf\x81 cr\xe8me au menu de la cantine."}'
    sinks = _run_jsonl(tmp_path, [broken, good])
    assert [r["id"] for r in sinks["out"]] == ["b2"]
    assert [(r["id"], r["error"]["type"]) for r in sinks["errors"]] == [("a1", "utf8")]
    assert peek_id(b'{"t": "", "u": "\\"", "id": 7, "text": "cut', "id", "f:1") == "7"


# --- cli/_common.py -------------------------------------------------------------------------

#: A short French news text, as a user's file.
NEWS = (
    "Le conseil municipal a adopté mardi soir le budget de la ville.\n\n"
    "Les investissements prévus dans les écoles et les routes ont été débattus longuement.\n"
)


def test_clean_refuses_a_file_with_nul_characters_and_goes_on(tmp_path: Path):
    """Mutant: ``cleaned_inputs``' refusal (``refused_reason``: NUL characters, the ``nul``
    error of ``run``) deleted: the broken export was cleaned and printed, exit 0. ``clean``
    says why, prints the other file and exits 1 (a document failed)."""
    bad, good = tmp_path / "export.txt", tmp_path / "news.txt"
    bad.write_bytes("Un texte.\x00\x00 Suite du texte cassé.\n".encode())
    good.write_text(NEWS, encoding="utf-8")
    got = run_cli("clean", "--no-spin", bad, good)
    assert got.returncode == 1
    assert b"NUL characters" in got.stderr and b"export.txt" in got.stderr
    assert b"Suite du texte" not in got.stdout and b"budget de la ville" in got.stdout


def test_a_too_large_file_names_the_setting_that_set_the_limit(tmp_path: Path):
    """Mutant: ``option = "--max-record-mb" if limit is None else limit_setting(…)`` -> ``limit
    is not None`` (a file above ``--set max_input_mb=0.001`` was said to be above
    "--max-record-mb", a flag the user had not given). Exit 1 either way."""
    big = tmp_path / "big.txt"
    big.write_text(NEWS * 40, encoding="utf-8")
    by_config = run_cli("clean", "--no-spin", "--set", "max_input_mb=0.001", big)
    assert by_config.returncode == 1 and b"CleanConfig max_input_mb" in by_config.stderr
    by_flag = run_cli("clean", "--no-spin", "--max-record-mb", "0.001", big)
    assert by_flag.returncode == 1 and b"--max-record-mb" in by_flag.stderr
    assert b"CleanConfig" not in by_flag.stderr


def test_jsonl_records_on_standard_input_of_clean_are_named(tmp_path: Path):
    """Mutant: ``name == "-"`` -> ``!=`` in the JSONL warning of ``cleaned_inputs``: ``clean
    -`` given records cleaned them as one text without a word (and a file of records got the
    standard input's warning). Both say which command reads records; exit 0."""
    records = b"".join(json.dumps({"id": f"a{i}", "text": NEWS}).encode() + b"\n"
                       for i in range(3))
    piped = run_cli("clean", "--no-spin", "-", stdin=records)
    assert piped.returncode == 0
    assert b"standard input looks like JSONL records" in piped.stderr
    dump = tmp_path / "crawl.jsonl"
    dump.write_bytes(records)
    named = run_cli("clean", "--no-spin", dump)
    assert named.returncode == 0
    assert b"a JSONL file is cleaned as one text document" in named.stderr
    assert b"standard input" not in named.stderr


def test_clean_with_a_forced_format_gives_no_library_hint(tmp_path: Path):
    """Mutant: ``clean_input(…, hint=False)`` -> ``hint=True`` in ``cleaned_inputs``: ``clean
    --format text page.html`` told the user to call ``cleannews.clean_html()``, a library
    function, when the flag they gave chose the format."""
    page = tmp_path / "page.html"
    page.write_text(f"<!DOCTYPE html><html><body><p>{NEWS}</p></body></html>", encoding="utf-8")
    got = run_cli("clean", "--no-spin", "--format", "text", page)
    assert got.returncode == 0 and b"budget de la ville" in got.stdout
    assert b"clean_html" not in got.stderr


def test_doc_timeout_does_not_count_loading_the_models(tmp_path: Path):
    """Mutant: ``cleaned_inputs``' ``ready_for_limit`` (models loaded before the first
    document's time limit starts) deleted: with ``--doc-timeout 0.25`` the first document of
    a fresh process spent its quarter second loading the strip rules and the spin model and
    was refused as slower than the limit (exit 1). A short news text takes milliseconds."""
    news = tmp_path / "news.txt"
    news.write_text(NEWS, encoding="utf-8")
    got = run_cli("clean", "--doc-timeout", "0.25", news)
    assert got.returncode == 0, got.stderr
    assert b"budget de la ville" in got.stdout and b"took longer" not in got.stderr


@pytest.mark.parametrize("failure", ["refused", "bug"])
def test_clean_says_which_document_failed_and_goes_on(tmp_path, monkeypatch, caplog, capsys,
                                                      failure):
    """Mutants: ``cleaned_inputs``' ``log.error`` of a document the library refuses
    (:class:`InputError`) and of one a stage fails on (any other exception) deleted: the file
    was skipped without a word (exit 1 all the same). No input this round found reaches the
    first after ``refused_reason``'s checks on the same bytes, and a stage's bug has no input
    by definition: the library's front half is made to fail on one of two files."""
    import cleannews.pipeline as pipeline
    from cleannews.cli import main
    from cleannews.errors import InputError

    real = pipeline.clean_input

    def failing(raw, config, **kw):
        if b"PANNE" in raw:
            if failure == "refused":
                raise InputError("document x: input is refused for the test", kind="binary")
            raise RuntimeError("a stage failed")
        return real(raw, config, **kw)

    monkeypatch.setattr(pipeline, "clean_input", failing)
    bad, good = tmp_path / "panne.txt", tmp_path / "news.txt"
    bad.write_text("PANNE " + NEWS, encoding="utf-8")
    good.write_text(NEWS, encoding="utf-8")
    with caplog.at_level("ERROR", logger="cleannews"):
        assert main(["clean", "--no-spin", str(bad), str(good)]) == 1
    said = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    want = "input is refused for the test" if failure == "refused" else "cleaning failed: Runtime"
    assert len(said) == 1 and "panne.txt" in said[0] and want in said[0], said
    assert "budget de la ville" in capsys.readouterr().out


def test_clean_warns_of_an_empty_result_and_of_bytes_lost(tmp_path: Path):
    """Mutants: ``cleaned_inputs``' ``_warn_if_empty`` deleted (a page of share buttons only
    printed nothing, exit 0, without a word) and ``_warn_if_lost``'s loop deleted (a file cut
    in the middle of "é" lost its last byte without a word). Both are warnings (exit 0);
    empty standard input asks whether the command before the pipe failed."""
    from _helpers import BOILERPLATE_ONLY

    furniture, cut = tmp_path / "share.txt", tmp_path / "cut.txt"
    furniture.write_text(BOILERPLATE_ONLY, encoding="utf-8")
    cut.write_bytes(NEWS.encode() + "Le maire a été".encode()[:-1])
    got = run_cli("clean", "--no-spin", furniture, cut)
    assert got.returncode == 0
    err = got.stderr.decode()
    assert "share.txt" in err and "empty" in err.lower()
    assert "cut.txt" in err and "cut short" in err
    assert "budget de la ville" in got.stdout.decode()
    piped = run_cli("clean", "--no-spin", "-", stdin=b"")
    assert piped.returncode == 0 and b"did the command before the pipe fail?" in piped.stderr


def test_clean_says_nothing_of_a_good_file_or_a_windows_1252_one(tmp_path: Path):
    """Mutants: ``_warn_if_empty``'s early ``return`` deleted (every document kept was
    "warned" about with its reason) and ``_warn_if_lost``'s ``c.stage == "decode" and c.rule in
    LOST_BYTES_RULES`` -> ``or`` (a file read as Windows-1252, which loses nothing, was warned
    about). Two such files: their text on standard output, nothing on standard error, exit 0."""
    legacy, good = tmp_path / "legacy.txt", tmp_path / "news.txt"
    legacy.write_bytes("Le maire a parlé de l’été devant le conseil réuni mardi soir.\n"
                       .encode("cp1252"))
    good.write_text(NEWS, encoding="utf-8")
    got = run_cli("clean", "--no-spin", legacy, good)
    assert got.returncode == 0 and got.stderr == b""
    assert "parlé de l’été" in got.stdout.decode() and b"budget de la ville" in got.stdout


def test_clean_of_a_folder_holding_a_fifo_names_it_and_does_not_block(tmp_path: Path):
    """Mutant: ``read_inputs``' ``yield name, OSError(name.problem)`` for a FIFO found in a
    folder deleted: the FIFO was opened, and ``clean DIR`` waited for a writer for ever. It is
    named as no regular file (exit 2: a file that could not be read), the folder's text
    printed."""
    import os

    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "news.txt").write_text(NEWS, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    got = run_cli("clean", "--no-spin", folder, timeout=60)
    assert got.returncode == 2
    assert b"pipe.txt" in got.stderr and b"budget de la ville" in got.stdout


def _crashing_score(text, config):
    """A detector stand-in that kills its worker process on one document (as
    tests/test_batch_run.py's)."""
    from cleannews.document import SpinScore

    if "CRASHME" in text:
        import os

        os._exit(3)
    return SpinScore(0.1, "clean")


def test_a_document_that_kills_its_worker_is_filed_under_its_own_id(tmp_path, monkeypatch):
    """Mutants of ``item_id`` (the id of a ``crash`` record, read in the main process):
    ``item.id is None`` -> ``is not None`` (a JSONL record was filed as ``PATH:LINE``, not
    its id), the final ``return`` deleted (no id at all), the ``and`` chain -> ``or`` (a text
    file that happens to hold a JSON object was filed under that object's ``id``, not its
    path). Every document ends in exactly one sink."""
    import cleannews.score

    monkeypatch.setattr(cleannews.score, "score_text", _crashing_score)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.jsonl").write_text("".join(
        json.dumps({"id": f"r{i}", "text": "CRASHME" if i == 2 else f"Texte {i}."}) + "\n"
        for i in range(5)), encoding="utf-8")
    note = src / "b.txt"
    note.write_text(json.dumps({"id": "pas-un-id", "text": "CRASHME"}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run_batch(RunSettings([str(src)], paths_for(out), jobs=2, chunk_docs=2))
    sinks = sink_records(out)
    assert sorted((r["id"], r["error"]["type"]) for r in sinks["errors"]) == [
        (note.as_posix(), "crash"), ("r2", "crash")]
    assert [r["id"] for r in sinks["out"]] == ["r0", "r1", "r3", "r4"]


def test_a_record_above_the_size_limit_is_filed_under_its_id(tmp_path: Path):
    """Mutant: ``_process``' ``item.id = peek_id(…)`` for a too-large JSONL record deleted
    (the record, never parsed, was filed as ``PATH:LINE``). A 3 kB page in a run with a 2 kB
    ``max_record_bytes`` goes to the errors sink as ``too_large`` under its own id; the small
    record beside it is kept."""
    from cleannews.batch.process import BatchOptions

    big = json.dumps({"url": "https://exemple.fr/a", "id": "page-7", "text": NEWS * 20}).encode()
    small = json.dumps({"id": "page-8", "text": NEWS}).encode()
    assert len(big) > 2048 > len(small)
    sinks = _run_jsonl(tmp_path, [big, small], options=BatchOptions(max_record_bytes=2048))
    assert [(r["id"], r["error"]["type"]) for r in sinks["errors"]] == [("page-7", "too_large")]
    assert [r["id"] for r in sinks["out"]] == ["page-8"]


# --- batch/sources.py -----------------------------------------------------------------------


def test_a_jsonl_line_over_the_hard_limit_is_skipped_to_its_end(monkeypatch):
    """Mutant: ``_read_line``'s ``if not rest or rest.endswith(b"\\n"): return …`` deleted
    (the loop that skips the rest of a line above :data:`HARD_RECORD_BYTES` never ended: a run
    on a dump holding one such line hung). The limit is made small here (it is 64 MB): the
    long line is one truncated item with its full size, the next line the next item, and a
    long last line without its newline ends the file."""
    import io

    from _helpers import hang_guard
    from cleannews.batch import sources

    monkeypatch.setattr(sources, "HARD_RECORD_BYTES", 100)
    monkeypatch.setattr(sources, "_SKIP_CHUNK", 7)
    long = b'{"id": "x", "text": "' + b"a" * 500 + b'"}\n'
    data = long + b'{"id": "y", "text": "b"}\n' + long.rstrip(b"\n")
    with hang_guard(20):
        items = list(sources.iter_jsonl(io.BufferedReader(io.BytesIO(data)), "d.jsonl", 0))
    assert [(i.seq, i.line, i.truncated, i.size) for i in items] == [
        (0, 1, True, len(long)), (1, 2, False, 25), (2, 3, True, len(long) - 1)]
    assert items[1].payload == b'{"id": "y", "text": "b"}\n'


def test_a_gzip_dump_cut_short_files_its_unread_rest_after_its_last_line(tmp_path: Path):
    """Mutant: ``iter_jsonl``'s read-failure item at ``line=lineno + 1`` -> ``lineno - 1`` (the
    ``read`` error of a truncated ``.jsonl.gz`` was placed two lines back, on a record that was
    in the output sink; its id, ``PATH:LINE``, is the same expression). The records read
    before the cut are kept, the rest is one ``read`` error placed on the first line not
    read, its message naming the last one read: every place is named once."""
    import gzip

    rows = [json.dumps({"id": f"d{i}", "text": f"{NEWS}Dépêche numéro {i}."}) for i in range(300)]
    whole = gzip.compress("".join(r + "\n" for r in rows).encode(), mtime=0)
    src = tmp_path / "dump.jsonl.gz"
    src.write_bytes(whole[: len(whole) * 2 // 3])
    out = tmp_path / "out"
    run_batch(RunSettings([str(src)], paths_for(out), jobs=1))
    sinks = sink_records(out)
    kept = [r["id"] for r in sinks["out"]]
    assert 0 < len(kept) < 300 and kept == [f"d{i}" for i in range(len(kept))]
    assert [(r["id"], r["error"]["type"]) for r in sinks["errors"]] == [
        (f"{src.as_posix()}:{len(kept) + 1}", "read")]
    assert sinks["errors"][0]["source"] == {"path": src.as_posix(), "line": len(kept) + 1}
    assert f"after line {len(kept)}:" in sinks["errors"][0]["error"]["message"]


def test_standard_input_then_a_file_every_record_once_in_order(tmp_path: Path):
    """Mutant: ``_all_items``' ``seq = item.seq + 1`` after standard input deleted (the file
    named after ``-`` was numbered from 0 again: its records took the numbers of the piped
    ones, and the run wrote one of each pair) and ``+ 1`` -> ``+ 2`` (a gap in the numbers:
    ``--limit 4`` wrote three documents). ``run - more.jsonl``: the three piped records, then
    the file's three, each once, in order; with ``limit=4`` the first four."""
    import io

    def records(prefix: str) -> bytes:
        return b"".join(json.dumps({"id": f"{prefix}{i}", "text": NEWS}).encode() + b"\n"
                        for i in range(3))

    more = tmp_path / "more.jsonl"
    more.write_bytes(records("f"))
    out = tmp_path / "out"
    report = run_batch(RunSettings(["-", str(more)], paths_for(out), jobs=1),
                       stdin=io.BufferedReader(io.BytesIO(records("p"))))
    assert [r["id"] for r in sink_records(out)["out"]] == ["p0", "p1", "p2", "f0", "f1", "f2"]
    assert report["documents"]["in"] == 6
    out4 = tmp_path / "out4"  # `--limit 4` counts documents across the two inputs
    run_batch(RunSettings(["-", str(more)], paths_for(out4), jobs=1, limit=4),
              stdin=io.BufferedReader(io.BytesIO(records("p"))))
    assert [r["id"] for r in sink_records(out4)["out"]] == ["p0", "p1", "p2", "f0"]


def test_limit_stops_after_the_first_documents(tmp_path: Path):
    """Mutant: ``iter_items``' ``--limit`` check deleted (every document was processed). A run
    with ``limit=2`` over five records writes the first two."""
    rows = [json.dumps({"id": f"d{i}", "text": NEWS}).encode() for i in range(5)]
    sinks = _run_jsonl(tmp_path, rows, limit=2)
    assert [r["id"] for r in sinks["out"]] == ["d0", "d1"] and not sinks["errors"]


# --- batch/runner.py (found while writing the crash test above) ---------------------------


def test_a_worker_that_dies_while_chunks_are_sent_costs_no_document(tmp_path, monkeypatch):
    """A bug, not a mutant: when a worker died between two of the main process's sends (the
    pool is broken: ``submit`` raises :class:`BrokenProcessPool`), the error escaped
    ``run_batch`` and the run stopped with a traceback, the chunks in flight lost. Seen now
    and then in the crash test above on a loaded host; here made certain: the pool's workers
    are killed just before its third send. Every record ends in exactly one sink, in order
    (fails on main's code)."""
    import time
    from concurrent.futures import ProcessPoolExecutor

    from cleannews.batch import runner

    class DyingPool(ProcessPoolExecutor):
        sends = 0

        def submit(self, fn, /, *args, **kwargs):
            DyingPool.sends += 1
            if DyingPool.sends == 3:  # a worker is killed (out of memory) between two sends
                for proc in list(self._processes.values()):
                    proc.kill()
                deadline = time.monotonic() + 60
                while not self._broken and time.monotonic() < deadline:
                    time.sleep(0.02)
                assert self._broken
            return super().submit(fn, *args, **kwargs)

    made = runner._executor

    def executor(jobs, opts):
        pool = made(jobs, opts)
        pool.__class__ = DyingPool
        return pool

    monkeypatch.setattr(runner, "_executor", executor)
    rows = [json.dumps({"id": f"d{i}", "text": f"{NEWS}Dépêche {i}."}).encode() for i in range(12)]
    sinks = _run_jsonl(tmp_path, rows, jobs=2, chunk_docs=2)
    assert [r["id"] for r in sinks["out"]] == [f"d{i}" for i in range(12)]
    assert not sinks["errors"] and DyingPool.sends >= 3


def test_records_in_a_file_named_without_a_suffix_are_records(tmp_path: Path):
    """Mutant: ``_all_items``' ``not isinstance(name, NotRegular)`` -> ``isinstance`` (a file
    named ``crawl.out`` holding JSONL records was read as one text document, every record lost
    in it). Its three records: three documents under their ids."""
    dump = tmp_path / "crawl.out"
    dump.write_bytes(b"".join(json.dumps({"id": f"c{i}", "text": NEWS}).encode() + b"\n"
                              for i in range(3)))
    out = tmp_path / "out"
    run_batch(RunSettings([str(dump)], paths_for(out), jobs=1))
    assert [r["id"] for r in sink_records(out)["out"]] == ["c0", "c1", "c2"]


def test_standard_input_opening_with_4_kb_of_blank_lines_is_not_called_empty(tmp_path, caplog):
    """Mutant: ``_stream_items``' ``len(head) < SNIFF_BYTES`` -> ``<=`` (standard input whose
    first :data:`SNIFF_BYTES` bytes are blank lines, records after them, was said to be empty,
    "did the command before the pipe fail?"). The records are read; no such warning."""
    import io

    from cleannews.batch.sources import SNIFF_BYTES

    data = b"\n" * SNIFF_BYTES + b"".join(
        json.dumps({"id": f"s{i}", "text": NEWS}).encode() + b"\n" for i in range(2))
    out = tmp_path / "out"
    with caplog.at_level("WARNING", logger="cleannews"):
        run_batch(RunSettings(["-"], paths_for(out), jobs=1),
                  stdin=io.BufferedReader(io.BytesIO(data)))
    assert [r["id"] for r in sink_records(out)["out"]] == ["s0", "s1"]
    assert not any("no documents" in r.getMessage() for r in caplog.records)
