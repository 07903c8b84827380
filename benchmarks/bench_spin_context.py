"""The spin score's context term, old code against this code, in one process (issue 12).

    .venv/bin/python benchmarks/bench_spin_context.py --old /tmp/old/src [--rounds 5]
        [--stage term spin]

Speed on the shared machine is only read as a ratio inside one run. As
``bench_spin_compare.py`` does, the package of ``--old`` (a ``src`` directory) is
imported as ``cleannews_old``; the texts are the documents of ``bench_pipeline.py``'s
mixed corpus, repaired and stripped as ``clean`` hands them to the spin stage. Timed in
interleaved rounds (order alternating), CPU time (``time.process_time``), medians:

* ``term``: the term's ``ContextTerm.contribution`` alone, old and new, on the
  ``(text, logit, quarantine, analyse_above)`` calls that ``score_text`` makes on the corpus
  (through ``_decision.decide``; recorded once with this code), and
  ``ftfy.fix_text(uncurl_quotes=False)`` on the same texts as the yardstick;
* ``spin``: ``cleannews.spin_score`` old and new, each with ``spin_context`` on and off,
  and ftfy, on every text: each as a multiple of ftfy and the on/off cost of the term.

Before timing, old and new outputs are compared on every call / text (``repr``): any
difference is printed and the exit status is 1, unless ``--allow-differ`` (a change of the
term itself, e.g. spin-term5's data: the timing is then of two different terms).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from bench_spin_compare import import_old, texts  # noqa: E402


def _rounds(funcs: dict, args_list: list, rounds: int) -> dict[str, list[float]]:
    """CPU seconds of each function over ``args_list`` per round (order alternating)."""
    times: dict[str, list[float]] = {k: [] for k in funcs}
    for r in range(rounds):
        for name in list(funcs) if r % 2 == 0 else list(funcs)[::-1]:
            f = funcs[name]
            t0 = time.process_time()
            for a in args_list:
                f(*a)
            times[name].append(time.process_time() - t0)
    return times


def _same(new_f, old_f, args_list: list) -> int:
    """Number of calls whose old and new results differ (``repr``)."""
    return sum(
        repr(new_f(*a)) != repr(old_f(*a)).replace("cleannews_old", "cleannews") for a in args_list
    )


def record_calls(docs: list[str]) -> list[tuple[str, float, float, bool]]:
    """The ``ContextTerm.contribution`` calls ``spin_score`` makes on ``docs`` (this code;
    since spin-quar4 ``score_text`` reaches the term through ``_decision.decide``, which
    calls ``contribution`` with ``analyse_above``).

    >>> len(record_calls(["Le chat dort sur le canapé du salon depuis ce matin."])) <= 1
    True
    """
    import cleannews
    from cleannews.score import _context

    calls = []
    orig = _context.ContextTerm.contribution

    def spy(self, text, logit, quarantine, analyse_above=False):
        calls.append((text, logit, quarantine, analyse_above))
        return orig(self, text, logit, quarantine, analyse_above)

    _context.ContextTerm.contribution = spy
    try:
        for t in docs:
            cleannews.spin_score(t)
    finally:
        _context.ContextTerm.contribution = orig
    return calls


def term_stage(old, docs: list[str], rounds: int) -> bool:
    """Time the term's ``contribution`` old / new and ftfy (see the module docstring)."""
    import importlib

    import ftfy

    from cleannews.score import _context

    calls = record_calls(docs)
    old_context = importlib.import_module(old.__name__ + ".score._context")
    floor = _context.term_params()["logit_floor"]
    above = [c for c in calls if c[1] >= floor]
    old_f = old_context.get_context_term().contribution
    new_f = _context.get_context_term().contribution
    differ = _same(new_f, old_f, calls)
    mb = sum(len(c[0].encode("utf-8")) for c in calls) / 1e6
    mb_above = sum(len(c[0].encode("utf-8")) for c in above) / 1e6
    times = _rounds(
        {
            "ftfy": lambda t, *_: ftfy.fix_text(t, uncurl_quotes=False),
            "old": old_f,
            "new": new_f,
        },
        calls,
        rounds,
    )
    med = {k: statistics.median(v) for k, v in times.items()}
    per_round = statistics.median(o / n for o, n in zip(times["old"], times["new"], strict=True))
    print(
        f"term: {len(calls)} calls on {mb:.2f} MB ({len(above)} above the logit floor, "
        f"{mb_above:.2f} MB), medians of {rounds} rounds (CPU s): ftfy {med['ftfy']:.3f}, "
        f"old {med['old']:.3f} ({med['old'] / med['ftfy']:.3f}x ftfy's time), new "
        f"{med['new']:.3f} ({med['new'] / med['ftfy']:.3f}x ftfy's time); new/old speed "
        f"{med['old'] / med['new']:.2f}x (median of per-round ratios {per_round:.2f}x); "
        f"results differ on {differ} calls"
    )
    return differ == 0


def spin_stage(old, docs: list[str], rounds: int) -> bool:
    """Time ``spin_score`` old / new with the term on and off, and ftfy."""
    import ftfy

    import cleannews

    off_new = cleannews.DEFAULT_CONFIG.replace(spin_context=False)
    off_old = old.DEFAULT_CONFIG.replace(spin_context=False)
    funcs = {
        "ftfy": lambda t: ftfy.fix_text(t, uncurl_quotes=False),
        "old on": old.spin_score,
        "new on": cleannews.spin_score,
        "old off": lambda t: old.spin_score(t, off_old),
        "new off": lambda t: cleannews.spin_score(t, off_new),
    }
    args = [(t,) for t in docs]
    differ = _same(funcs["new on"], funcs["old on"], args)
    differ += _same(funcs["new off"], funcs["old off"], args)
    times = _rounds(funcs, args, rounds)
    med = {k: statistics.median(v) for k, v in times.items()}
    mb = sum(len(t.encode("utf-8")) for t in docs) / 1e6

    def ratio(a: str, b: str) -> float:
        return statistics.median(x / y for x, y in zip(times[a], times[b], strict=True))

    print(
        f"spin: {len(docs)} documents, {mb:.2f} MB, medians of {rounds} rounds (CPU time), "
        f"speed as a multiple of ftfy: "
        + ", ".join(f"{k} {med['ftfy'] / med[k]:.2f}x" for k in funcs if k != "ftfy")
        + f"; time with the term / without: old {ratio('old on', 'old off'):.3f}, new "
        f"{ratio('new on', 'new off'):.3f} (medians of per-round ratios); new/old speed with "
        f"the term {ratio('old on', 'new on'):.3f}x, without {ratio('old off', 'new off'):.3f}x; "
        f"outputs differ on {differ} documents"
    )
    return differ == 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", type=Path, required=True, help="the src directory of the old code")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--stage", nargs="+", default=["term", "spin"], choices=["term", "spin"])
    ap.add_argument("--allow-differ", action="store_true",
                    help="exit 0 when outputs differ (a quality change of the term)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_spin_context_") as tmp:
        old = import_old(args.old, Path(tmp))
        _raw, stripped = texts()
        ok = True
        for stage in args.stage:
            ok &= (term_stage if stage == "term" else spin_stage)(old, stripped, args.rounds)
    return 0 if ok or args.allow_differ else 1


if __name__ == "__main__":
    sys.exit(main())
