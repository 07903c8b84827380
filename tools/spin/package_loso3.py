r"""Development LOSO of the PACKAGE's spin score (context term wired in), on the spin-context3
records: the cached features with every score replaced by what ``cleannews.spin_score`` gives
now, so that ``dev_context3.py frozen``'s "shipped" rows measure the package.

    export SPIN_MYTHES_DAT=<thes_fr.dat> SPIN_CTX3_MAXSYN=4
    SPIN_CONTEXT_CACHE=/tmp/new.pkl PYTHONPATH=src python tools/spin/dev_context.py records
    PYTHONPATH=src python tools/spin/package_loso3.py /tmp/new.pkl <old>.ctx3k4.pkl
    SPIN_CONTEXT_CACHE=/tmp/new.pkl PYTHONPATH=src:tools/spin \
        python tools/spin/dev_context3.py frozen

(``<old>.ctx3k4.pkl``: the feature cache of ``dev_context3.py feats`` with 4 synonyms; the
result is written next to ``/tmp/new.pkl`` where ``dev_context3`` looks for it.) Read only the
"shipped on …" rows: the candidate rows add the term a second time. Development data only.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """Write ``<new>.ctx3k4.pkl``: the old feature cache with the package's scores."""
    import cleannews

    new_path, old_path = Path(argv[0]), Path(argv[1])
    new = pickle.loads(new_path.read_bytes())
    old = pickle.loads(old_path.read_bytes())
    for name, rows in old.items():
        if name == "NEWS":  # not in dev_context.py's records: score them here
            for r in rows:
                r["score"] = cleannews.spin_score(r["text"]).score
            continue
        assert len(new[name]) == len(rows), name
        for a, b in zip(rows, new[name], strict=True):
            assert a["text"] == b["text"]
            a["score"], a["spin_label"] = b["score"], b.get("spin_label")
    out = new_path.with_suffix(".ctx3k4.pkl")
    out.write_bytes(pickle.dumps(old))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
