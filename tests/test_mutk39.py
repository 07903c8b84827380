"""Mutation sample of the batch run's counters, limits and stop signals (round 31).

``tools/mutate.py`` (CONTRIBUTING.md, "Checking that tests can fail") was run, ``--seed 39``,
on ``batch/stats.py``, ``batch/limits.py``, ``batch/stop.py`` and ``batch/api.py`` with the
test files that import each (the runs, the equivalent mutants and what was left:
docs/strip-history.md, "Mutation sample of the batch runner (round 31)"). Each test here
kills mutants those files let live (named in its docstring); all pass on main's code (no
bug was found).
"""

from __future__ import annotations

import json
import os
import signal

import pytest

from _helpers import all_ids, write_jsonl
from cleannews.batch import limits, stop
from cleannews.batch.stats import (
    REPEATED_IDS_LISTED,
    RunStats,
    SeenIds,
    build_report,
    summary,
)
from cleannews.cli import main

TEXT = ("Le maire de Paris a parlé hier soir devant le conseil municipal. Il a annoncé un plan "
        "pour les écoles de la ville et les transports en commun.")
#: Distinct ids of the long run: more than the 512 a fresh ``SeenIds`` table holds before it
#: grows (1,024 slots, grown when half full).
DISTINCT = 600
#: What docs/batch.md promises the report keeps ("the first 100 quarantined documents",
#: "up to three examples of removed text" per rule): written out, not read from
#: ``stats.QUARANTINE_LISTED`` / ``EXAMPLES_PER_RULE``, so a change of either shows here.
QUARANTINE_LISTED, EXAMPLES_PER_RULE = 100, 3
#: Ids given a second time in that run: more than the report names.
REPEATED = REPEATED_IDS_LISTED + 2


def test_a_run_past_the_id_table_size_keeps_every_document_and_counts_repeats(tmp_path,
                                                                              capsys):
    """Kills ``stats.py`` ``SeenIds._grow``'s ``old = self._table`` -> ``pass`` (the table's
    growth failed with ``UnboundLocalError`` on the 513th distinct id: no test had run that
    many), ``add_repeated_id``'s ``len(...) < REPEATED_IDS_LISTED`` -> ``<=`` (six names
    listed) and ``repeated_ids_line``'s ``>=`` -> ``>`` (a full list lost its ", …").

    Every document ends in exactly one sink with its id, and the report's counts add up."""
    ids = [f"d{k}" for k in range(DISTINCT)] + [f"d{k}" for k in range(REPEATED)]
    src = write_jsonl(tmp_path / "in.jsonl",
                      [{"id": i, "text": f"{TEXT} ({k})"} for k, i in enumerate(ids)])
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "-j", "1", "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert sorted(all_ids(out)) == sorted(ids)
    report = json.loads((out / "report.json").read_text("utf-8"))
    docs = report["documents"]
    assert docs["in"] == len(ids) == docs["out"] + docs["quarantined"] + docs["failed"]
    assert report["repeated_ids"] == {
        "documents": REPEATED, "examples": [f"d{k}" for k in range(REPEATED_IDS_LISTED)]}
    names = ", ".join(f"d{k}" for k in range(REPEATED_IDS_LISTED))
    assert f"repeated ids: {REPEATED} documents have the id of an earlier document " \
           f"({names}, …)" in err


def test_seen_ids_tell_apart_many_ids_after_growing():
    """Kills ``SeenIds._grow``'s ``old = self._table`` -> ``pass`` without a run: 5,000 ids
    (the table grows four times), each met once then again."""
    seen = SeenIds()
    ids = [f"https://exemple.fr/article/{k}" for k in range(5000)]
    assert [seen.add(i) for i in ids] == [False] * len(ids)
    assert [seen.add(i) for i in ids] == [True] * len(ids)
    assert len(seen) == len(ids)


def test_the_report_keeps_the_first_quarantined_and_examples_and_counts_all():
    """Kills ``QUARANTINE_LISTED`` 100 -> 101, ``EXAMPLES_PER_RULE`` 3 -> 4 (the numbers
    docs/batch.md gives), the label count's
    ``+ 1`` -> ``- 1`` and ``add_result``'s ``in_bytes=0`` -> ``-1`` (a document counted
    without its size: the library's ``RunStats`` callers)."""
    stats = RunStats()
    for k in range(QUARANTINE_LISTED + 1):
        stats.add_result(sink="quarantine", in_bytes=10, spin_score=0.9, spin_label="spun",
                         ident=f"q{k}", examples={"share_bar": f"Partager ({k % 5})"},
                         removed={"share_bar": [1, 12]})
    stats.add_result(sink="errors", error_type="json")  # no size: the line was not read
    report = build_report(stats, command="run", jobs=1,
                          session={"docs": QUARANTINE_LISTED + 2, "bytes": 0, "seconds": 1.0},
                          extra={})
    assert report["documents"]["in"] == QUARANTINE_LISTED + 2
    assert report["documents"]["quarantined"] == QUARANTINE_LISTED + 1
    assert [q["id"] for q in report["quarantined"]] == [f"q{k}" for k in
                                                         range(QUARANTINE_LISTED)]
    assert report["examples"]["share_bar"] == [f"Partager ({k})" for k in
                                               range(EXAMPLES_PER_RULE)]
    assert report["spin"]["labels"] == {"spun": QUARANTINE_LISTED + 1}
    assert report["bytes_in"] == 10 * (QUARANTINE_LISTED + 1)
    assert report["rules"]["share_bar"]["removed"] == QUARANTINE_LISTED + 1


def test_a_state_written_before_repeated_ids_resumes_with_none():
    """Kills ``RunStats.from_dict``'s ``d.get("repeated_ids", 0)`` -> ``1``: the state of a
    run written before round 29 counted (no ``repeated_ids``) resumed with one repeated id."""
    state = RunStats()
    state.add_result(sink="out", in_bytes=100, spin_score=0.1, spin_label="clean")
    old = state.to_dict()
    del old["repeated_ids"], old["repeated_examples"]
    back = RunStats.from_dict(old)
    assert back.repeated_ids == 0 and back.repeated_examples == []
    assert back.to_dict() == state.to_dict()
    report = build_report(back, command="run", jobs=1,
                          session={"docs": 1, "bytes": 100, "seconds": 1.0}, extra={})
    assert "repeated ids" not in summary({**report, "outputs": {}})


def test_the_smallest_limit_the_message_names_is_accepted():
    """Kills ``mb_bytes``' ``int(mb * MB) < 1`` -> ``<= 1`` and ``< 2``: the refusal says
    "must be at least one byte (1e-06 MB)", so 1e-06 MB (one byte) is a limit."""
    assert limits.mb_bytes(1e-06) == 1
    assert limits.mb_bytes(2 / limits.MB) == 2
    with pytest.raises(ValueError, match=r"at least one byte \(1e-06 MB\), got 5e-07"):
        limits.mb_bytes(5e-07)


def test_a_one_byte_limit_refuses_a_record_by_its_id(tmp_path, capsys):
    """The same bound through ``run``: ``--max-record-mb 1e-06`` is taken and every record
    lands in the errors sink as ``too_large`` under its id, none lost."""
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT}])
    out = tmp_path / "out"
    main(["run", str(src), "--out", str(out), "-j", "1", "--no-progress",
          "--max-record-mb", "1e-06"])
    capsys.readouterr()
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["documents"]["failed"] == 2 and report["errors"] == {"too_large": 2}
    assert sorted(all_ids(out)) == ["a", "b"]


def test_received_names_the_signal_whose_raise_was_lost():
    """Kills ``stop.received``'s ``return _received`` -> ``pass`` (its doctest looks only at
    ``None``) and ``_on_signal``'s ``if signum == signal.SIGTERM: …`` -> ``pass``: inside
    ``stop_on_signals``, a SIGTERM whose raise was swallowed is named until the block ends,
    a second SIGTERM during the clean-up ends the process at once (the default action), and
    both are forgotten after the block (the previous handler back)."""
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(stop.Terminated):
        with stop.stop_on_signals():
            assert stop.received() is None
            try:
                signal.getsignal(signal.SIGTERM)(signal.SIGTERM, None)
            except stop.Terminated:
                pass
            assert stop.received() == signal.SIGTERM
            assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    assert stop.received() is None
    assert signal.getsignal(signal.SIGTERM) == before


@pytest.mark.skipif(not hasattr(os, "register_at_fork"), reason="POSIX fork only")
def test_a_worker_forked_after_a_lost_signal_starts_without_it():
    """Kills ``stop._forget``'s ``global _received`` -> ``pass`` and ``_received = None`` ->
    ``pass``: a worker process forked while the parent holds a recorded SIGTERM (a
    replacement worker started as the run stops) must not see it as its own and stop in
    the middle of a document at its first :func:`stop.check`."""
    with pytest.raises(stop.Terminated):
        with stop.stop_on_signals():
            try:
                signal.getsignal(signal.SIGTERM)(signal.SIGTERM, None)
            except stop.Terminated:
                pass
            pid = os.fork()
            if pid == 0:  # the child: leave at once, saying what it saw
                os._exit(0 if stop.received() is None else 1)
            _, status = os.waitpid(pid, 0)
            assert os.waitstatus_to_exitcode(status) == 0
            assert stop.received() == signal.SIGTERM  # the parent keeps it


def test_a_text_field_that_is_no_name_is_refused_naming_the_columns():
    """Kills ``batch/api.py`` ``_has_field``'s ``except TypeError: return False`` -> ``True``:
    ``clean_batch(batch, text_field=["text"])`` (a list, unhashable) is refused with the
    "no column … (its columns: …)" message, not Python's "unhashable type: 'list'"."""
    from cleannews.batch import clean_batch

    with pytest.raises(KeyError, match=r"no column \['text'\] in the batch \(its columns: "
                                       r"text\); choose the text's with text_field="):
        clean_batch({"text": [TEXT]}, text_field=["text"])
