"""Rebuild both strip models in one command: the line model, then the run model over it.

    .venv/bin/python -m tools.strip_model              # writes data/line_model.json, run_model.json
    .venv/bin/python -m tools.strip_model --cv-only    # development figures of both, writes nothing

Both tools read every page of ``fixtures/strip_real/manifests/*.jsonl`` that no held-out
list of ``split.json`` names (``test_sites``, ``test_ids``, any later ``*_ids`` / ``*_sites``
list: :func:`tools.strip_model.train.read_train_corpus`), through the strip stage's own
function (:func:`cleannews.strip._page.judge_page`). The run model is trained over the line
model just written (its out-of-fold first stage is cached under a name carrying the line
model's hash, the corpus and the strip code). With ``--cv-only`` the run model's figures are
over the line model already in the package. Prints the time each step took.
"""

from __future__ import annotations

import sys
import time


def main(argv: list[str] | None = None) -> int:
    """Run :mod:`tools.strip_model.train` then :mod:`tools.strip_model.train_runs`."""
    args = list(sys.argv[1:] if argv is None else argv)
    from tools.strip_model import train, train_runs

    t0 = time.monotonic()
    rc = train.main(args)
    t1 = time.monotonic()
    print(f"line model: {t1 - t0:.0f} s", flush=True)
    if rc:
        return rc
    rc = train_runs.main(args)
    print(f"run model: {time.monotonic() - t1:.0f} s; total {time.monotonic() - t0:.0f} s")
    return rc


if __name__ == "__main__":
    sys.exit(main())
