"""Counters of a batch run, and the report built from them (JSON + a human summary).

    >>> s = RunStats()
    >>> s.add_result(sink="out", in_bytes=100, spin_score=0.95, spin_label="spun",
    ...              removed={"share_bar": [1, 20]}, changes={"share_bar": 1})
    >>> s.docs["in"], s.rules["share_bar"]["removed_bytes"], s.histogram[9]
    (1, 20, 1)
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Any

from cleannews.batch.ids import shown_id

__all__ = ["HISTOGRAM_BINS", "RunStats", "SeenIds"]

#: Number of equal-width bins of the spin-score histogram over [0, 1].
HISTOGRAM_BINS = 10
#: Examples of removed text kept per rule for the report.
EXAMPLES_PER_RULE = 3
#: Quarantined documents listed (id, score, top evidence) in the report.
QUARANTINE_LISTED = 100
#: Sink name -> report key.
_SINK_KEYS = {"out": "out", "quarantine": "quarantined", "errors": "failed",
              "duplicates": "duplicates"}
_MB = 1_000_000
#: Repeated ids a report names (the run names the same ones on stderr).
REPEATED_IDS_LISTED = 5


class SeenIds:
    """The ids a run has met, to tell a document whose id an earlier one already had.

    Each id is kept as its 8-byte hash (``hash(str)``: one process, the run's main one) in
    an open-addressing table, 16-32 bytes per distinct id (a ``set`` of the ids themselves
    takes 60 bytes and more per id): 16-32 MB per million documents. Two different ids
    with the same 64-bit hash (about 1 chance in 10^7 for 10 million ids) would be counted
    as one repeated id.

    >>> seen = SeenIds()
    >>> [seen.add(i) for i in ["a1", "a2", "a1", "a1"]]
    [False, False, True, True]
    >>> len(seen)
    2
    """

    def __init__(self) -> None:
        self._table = array("q", bytes(8 * 1024))
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def add(self, ident: str) -> bool:
        """Record ``ident``; ``True`` when it was met before."""
        h = hash(ident) or 1  # 0 marks a free slot
        table = self._table
        mask = len(table) - 1
        i = h & mask
        while True:
            v = table[i]
            if v == h:
                return True
            if v == 0:
                table[i] = h
                self._n += 1
                if 2 * self._n > len(table):
                    self._grow()
                return False
            i = (i + 1) & mask

    def _grow(self) -> None:
        old = self._table
        table = self._table = array("q", bytes(16 * len(old)))
        mask = len(table) - 1
        for h in old:
            if h:
                i = h & mask
                while table[i]:
                    i = (i + 1) & mask
                table[i] = h


def _bin(score: float) -> int:
    """Histogram bin of a score in [0, 1] (1.0 goes into the last bin).

    >>> _bin(0.0), _bin(0.55), _bin(1.0)
    (0, 5, 9)
    """
    return min(HISTOGRAM_BINS - 1, max(0, int(score * HISTOGRAM_BINS)))


@dataclass
class RunStats:
    """Everything the report counts; survives a resume through :meth:`to_dict`/:meth:`from_dict`."""

    docs: dict[str, int] = field(
        default_factory=lambda: {"in": 0, "out": 0, "quarantined": 0, "failed": 0}
    )
    bytes_in: int = 0
    chars_out: int = 0
    rules: dict[str, dict[str, int]] = field(default_factory=dict)
    histogram: list[int] = field(default_factory=lambda: [0] * HISTOGRAM_BINS)
    labels: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    examples: dict[str, list[str]] = field(default_factory=dict)
    quarantined: list[dict[str, Any]] = field(default_factory=list)
    #: documents whose id an earlier document of the run had, and the first such ids
    repeated_ids: int = 0
    repeated_examples: list[str] = field(default_factory=list)

    def add_repeated_id(self, ident: str) -> None:
        """Count a document whose id an earlier document of the run already had (the
        report lists its :func:`~cleannews.batch.ids.shown_id`)."""
        self.repeated_ids += 1
        ident = shown_id(ident)
        if len(self.repeated_examples) < REPEATED_IDS_LISTED and \
                ident not in self.repeated_examples:
            self.repeated_examples.append(ident)

    def sink_count(self, sink: str) -> int:
        """How many documents landed in ``sink`` (``"out"``, ``"quarantine"``, ``"errors"``,
        ``"duplicates"``), read through the one sink -> report key mapping.

        >>> stats = RunStats()
        >>> stats.add_result(sink="errors", error_type="json")
        >>> [stats.sink_count(s) for s in ("errors", "quarantine", "duplicates")]
        [1, 0, 0]
        """
        return self.docs.get(_SINK_KEYS[sink], 0)

    def add_result(
        self,
        *,
        sink: str,
        in_bytes: int = 0,
        out_chars: int = 0,
        spin_score: float | None = None,
        spin_label: str | None = None,
        removed: dict[str, list[int]] | None = None,
        changes: dict[str, int] | None = None,
        error_type: str | None = None,
        moved: dict[str, list[int]] | None = None,
        examples: dict[str, str] | None = None,
        ident: str | None = None,
        evidence: list[dict[str, Any]] | None = None,
        reason: str | None = None,
    ) -> None:
        """Count one document that landed in ``sink``; a quarantined one is listed (the first
        :data:`QUARANTINE_LISTED`) with its id, score, top ``evidence`` and ``reason`` (its
        ``Document.reason``: a document set aside as ``other_language`` has no evidence and
        was listed with a score of 0.00 and nothing saying why; audit29)."""
        self.docs["in"] += 1
        key = _SINK_KEYS[sink]
        self.docs[key] = self.docs.get(key, 0) + 1  # "duplicates" only in --drop-duplicates runs
        self.bytes_in += in_bytes
        self.chars_out += out_chars
        if error_type:
            self.errors[error_type] = self.errors.get(error_type, 0) + 1
        if spin_label is not None:
            self.labels[spin_label] = self.labels.get(spin_label, 0) + 1
            if spin_label not in ("not_scored", "insufficient", "unsupported_language"):
                self.histogram[_bin(spin_score or 0.0)] += 1
        for rule, n in (changes or {}).items():
            self._rule(rule)["changes"] += n
        for rule, (n, nbytes) in (removed or {}).items():
            entry = self._rule(rule)
            entry["removed"] += n
            entry["removed_bytes"] += nbytes
        for rule, (n, nbytes) in (moved or {}).items():
            entry = self._rule(rule)
            entry["moved"] += n
            entry["moved_bytes"] += nbytes
        for rule, text in (examples or {}).items():
            kept = self.examples.setdefault(rule, [])
            if len(kept) < EXAMPLES_PER_RULE and text not in kept:
                kept.append(text)
        if sink == "quarantine" and len(self.quarantined) < QUARANTINE_LISTED:
            entry = {"id": None if ident is None else shown_id(ident), "score": spin_score,
                     "evidence": list(evidence or [])}
            if reason:
                entry["reason"] = reason
            self.quarantined.append(entry)

    def _rule(self, rule: str) -> dict[str, int]:
        entry = self.rules.setdefault(rule, {})
        for key in ("removed", "removed_bytes", "moved", "moved_bytes", "changes"):
            entry.setdefault(key, 0)
        return entry

    def to_dict(self) -> dict[str, Any]:
        return {
            "docs": dict(self.docs),
            "bytes_in": self.bytes_in,
            "chars_out": self.chars_out,
            "rules": {k: dict(v) for k, v in sorted(self.rules.items())},
            "histogram": list(self.histogram),
            "labels": dict(sorted(self.labels.items())),
            "errors": dict(sorted(self.errors.items())),
            "seconds": self.seconds,
            "examples": {k: list(v) for k, v in sorted(self.examples.items())},
            "quarantined": list(self.quarantined),
            "repeated_ids": self.repeated_ids,
            "repeated_examples": list(self.repeated_examples),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RunStats:
        return cls(
            docs=dict(d["docs"]),
            bytes_in=int(d["bytes_in"]),
            chars_out=int(d["chars_out"]),
            rules={k: dict(v) for k, v in d["rules"].items()},
            histogram=list(d["histogram"]),
            labels=dict(d["labels"]),
            errors=dict(d["errors"]),
            seconds=float(d["seconds"]),
            examples={k: list(v) for k, v in d.get("examples", {}).items()},
            quarantined=list(d.get("quarantined", [])),
            repeated_ids=int(d.get("repeated_ids", 0)),
            repeated_examples=list(d.get("repeated_examples", [])),
        )


def build_report(
    stats: RunStats, *, command: str, jobs: int, session: dict[str, float], extra: dict[str, Any]
) -> dict[str, Any]:
    """The JSON report: counts, per-rule removals, spin histogram, throughput.

    ``session`` holds ``docs``, ``bytes`` and ``seconds`` of this process
    (a resumed run reports the throughput of its own part).
    """
    secs = max(session.get("seconds", 0.0), 1e-9)
    edges = [round(i / HISTOGRAM_BINS, 2) for i in range(HISTOGRAM_BINS + 1)]
    return {
        "command": command,
        "documents": dict(stats.docs),
        "bytes_in": stats.bytes_in,
        "chars_out": stats.chars_out,
        "rules": {k: dict(v) for k, v in sorted(stats.rules.items())},
        "spin": {"histogram": {"edges": edges, "counts": list(stats.histogram)},
                 "labels": dict(sorted(stats.labels.items()))},
        "errors": dict(sorted(stats.errors.items())),
        "examples": {k: list(v) for k, v in sorted(stats.examples.items())},
        "quarantined": list(stats.quarantined),
        # documents whose id an earlier document had (their records share it in the sinks)
        "repeated_ids": {"documents": stats.repeated_ids,
                         "examples": list(stats.repeated_examples)},
        "throughput": {
            "jobs": jobs,
            "seconds": round(session.get("seconds", 0.0), 3),
            "docs": int(session.get("docs", 0)),
            "docs_per_s": round(session.get("docs", 0) / secs, 1),
            "mb_per_s": round(session.get("bytes", 0) / _MB / secs, 3),
            "total_seconds": round(stats.seconds, 3),
            "first_pass_seconds": round(session.get("first_pass_seconds", 0.0), 3),
        },
        **extra,
    }


def counted(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1.

    >>> counted(1, "document"), counted(0, "job"), counted(2, "job")
    ('1 document', '0 jobs', '2 jobs')
    """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def repeated_ids_line(repeated: dict[str, Any]) -> str:
    """What the summary says of the documents whose id an earlier document had.

    >>> repeated_ids_line({"documents": 2, "examples": ["a1"]})  # doctest: +NORMALIZE_WHITESPACE
    '2 documents have the id of an earlier document (a1): their records share it in the
    outputs; tell them apart by their source (path and line)'
    """
    examples = repeated.get("examples") or []
    names = ", ".join(examples)
    more = ", …" if len(examples) >= REPEATED_IDS_LISTED else ""
    return (f"{counted(repeated['documents'], 'document')} "
            f"{'has' if repeated['documents'] == 1 else 'have'} the id of an earlier document "
            f"({names}{more}): their records share it in the outputs; tell them apart by their "
            "source (path and line)")


#: A sink written to standard output, as the report's ``outputs`` name it (the summary says
#: "standard output": a sink file named ``-`` cannot be, ``-`` is standard output).
STDOUT_OUTPUT = "-"


def summary(report: dict[str, Any]) -> str:
    """A few human lines for stderr.

    A sink written to standard output is said so (``score`` ended ``scores: -``):

    >>> summary({"documents": {"in": 1, "out": 1, "quarantined": 0, "failed": 0}, "rules": {},
    ...   "errors": {}, "outputs": {"scores": "-", "errors": "e/errors.jsonl"}}).splitlines()[1:]
    ['  scores: standard output', '  errors: e/errors.jsonl']

    >>> print(summary({"documents": {"in": 3, "out": 1, "quarantined": 1, "failed": 1},
    ...   "rules": {}, "errors": {"json": 1}, "outputs": {},
    ...   "throughput": {"docs_per_s": 2.0, "mb_per_s": 0.1, "seconds": 1.5, "jobs": 2}}))
    cleannews: 3 documents in: 1 out, 1 quarantined, 1 failed
      errors: json 1
      1.5 s with 2 jobs: 2.0 docs/s, 0.100 MB/s
    >>> summary({"documents": {"in": 3, "out": 1, "quarantined": 0, "duplicates": 2,
    ...   "failed": 0}, "rules": {}, "errors": {}, "outputs": {}, "throughput": {"docs_per_s": 1.0,
    ...   "mb_per_s": 0.1, "seconds": 3.0, "jobs": 1}}).splitlines()[0]
    'cleannews: 3 documents in: 1 out, 0 quarantined, 2 duplicates, 0 failed'

    One document, one job: "1 document in", "with 1 job" (it said "1 documents", "1 jobs").
    Control characters of the data are escaped:

    >>> summary({"documents": {"in": 2, "out": 2, "quarantined": 0, "failed": 0}, "rules": {},
    ...   "errors": {}, "outputs": {}, "repeated_ids": {"documents": 1, "examples": ["a\\x1b[2J"]}
    ...   }).splitlines()[1].split("(")[1].split(")")[0]
    'a\\\\x1b[2J'

    The report of a run that was stopped says so:

    >>> summary({"documents": {"in": 3, "out": 3, "quarantined": 0, "failed": 0}, "rules": {},
    ...   "errors": {}, "outputs": {}, "command": "run", "finished": False}).splitlines()[1]
    '  did not finish: these are the documents done when it stopped; --resume continues it'

    ``score --min-score P`` says how many documents it left out:

    >>> summary({"documents": {"in": 3, "out": 2, "quarantined": 1, "failed": 0,
    ...   "below_min_score": 2}, "rules": {}, "errors": {}, "outputs": {},
    ...   "settings": {"min_score": 0.5}}).splitlines()[1]
    '  not printed: 2 scoring below --min-score 0.5'

    A resumed run says its throughput is its last part's:

    >>> summary({"documents": {"in": 5, "out": 5, "quarantined": 0, "failed": 0}, "rules": {},
    ...   "errors": {}, "outputs": {}, "resumed": True, "throughput": {"docs_per_s": 0.0,
    ...   "mb_per_s": 0.0, "seconds": 4.9, "jobs": 2, "docs": 0, "total_seconds": 6.5}
    ...   }).splitlines()[1].split(" (")[1]
    'this part of a resumed run: 0 documents; 6.5 s in all)'
    """
    d = report["documents"]
    dup = f", {d['duplicates']} duplicates" if d.get("duplicates") else ""
    lines = [f"cleannews: {counted(d['in'], 'document')} in: {d['out']} out, "
             f"{d['quarantined']} quarantined{dup}, {d['failed']} failed"]
    if report.get("finished") is False:  # the report of a stopped run read by `report`
        # (the HTML page said "did not finish"; this summary read as a whole run's)
        more = "; --resume continues it" if report.get("command") == "run" else ""
        lines.append(f"  did not finish: these are the documents done when it stopped{more}")
    if d.get("below_min_score") is not None:  # they are counted above, yet not printed
        floor = (report.get("settings") or {}).get("min_score")
        lines.append(f"  not printed: {d['below_min_score']} scoring below --min-score {floor}")
    top = sorted(report["rules"].items(), key=lambda kv: -kv[1]["removed_bytes"])[:5]
    if top and top[0][1]["removed_bytes"]:
        lines.append("  removed: " + ", ".join(
            f"{rule} {v['removed']}x/{v['removed_bytes']} B" for rule, v in top if v["removed"]))
    if report.get("errors"):
        lines.append("  errors: " + ", ".join(f"{k} {v}" for k, v in report["errors"].items()))
    repeated = (report.get("repeated_ids") or {}).get("documents")
    if repeated:
        lines.append(f"  repeated ids: {repeated_ids_line(report['repeated_ids'])}")
    t = report.get("throughput")
    if t:  # every report has it; a hand-edited one without it is still shown
        first = (f" (first pass {t['first_pass_seconds']:.1f} s)"
                 if t.get("first_pass_seconds", 0) >= 0.05 else "")
        # a resumed run's throughput is its last part's: "5 documents in … 0.0 docs/s"
        # after resuming a finished run read as a broken rate
        part = (f" (this part of a resumed run: {counted(t.get('docs', 0), 'document')}; "
                f"{t.get('total_seconds', 0.0):.1f} s in all)" if report.get("resumed") else "")
        lines.append(f"  {t['seconds']:.1f} s{first} with {counted(t['jobs'], 'job')}: "
                     f"{t['docs_per_s']} docs/s, {t['mb_per_s']:.3f} MB/s{part}")
    from cleannews.batch.sources import printable_name, terminal_safe

    for name, path in report.get("outputs", {}).items():
        if path == STDOUT_OUTPUT:  # the report's "-": `score` ended "scores: -" (round 33)
            lines.append(f"  {name}: standard output")
        elif path:  # a folder name that is not UTF-8 as `o\xff`, as ids show it (audit20)
            lines.append(f"  {name}: {printable_name(str(path))}")
    # every line escaped: the repeated ids are the data's (`ESC[2J` in one cleared the screen
    # at the end of the run and again under `cleannews report`), a hand-edited report's rule
    # or error names too (audit29)
    return "\n".join(terminal_safe(line) for line in lines)
