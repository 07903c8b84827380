"""spinprior54's development measurements of a kind-statistic refit (a study, docs/spin.md).

Run from the repository root with the tree to measure first on the path::

    PYTHONPATH=/tmp/spinprior54/k2/src:. python tools/spin/dev_prior54.py

prints, for the package on the path: the kind term's ``mu_growth`` and fitted median / sd;
French TRAIN news (``/tmp/lead37/frnews.py``'s measure: pages of TRAIN in French, content
lines): scored, quarantined ("spun") and suspect ids; fr-r45-0005's score, label and kind
statistic; the seeds' scores. Development data only (TRAIN, seeds).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, "tests")

import cleannews
from _helpers import train_pages
from cleannews.score._context import get_kind_term, kind_params

ROOT = Path(__file__).resolve().parents[2]
PAGE = "fr-r45-0005"


def main() -> None:
    kp = kind_params()
    print(f"kind: mu_growth {kp.get('mu_growth', 0)} median {kp['median']:.4f} sd {kp['sd']:.4f}")
    labels, page = {}, None
    for rec, _doc, lab in train_pages():
        if rec["lang"] != "fr":
            continue
        text = "\n".join(lb.text for lb in lab if lb.content)
        r = cleannews.spin_score(text)
        labels[rec["id"]] = r.label
        if rec["id"] == PAGE:
            a = get_kind_term().analyse(text)
            page = (r.score, r.label, a["mean_gain"], a["z"], a["term"], a["n"])
    sc = {k: v for k, v in labels.items() if v not in ("insufficient", "unsupported_language")}
    spun = sorted(k for k, v in sc.items() if v == "spun")
    sus = sorted(k for k, v in sc.items() if v == "suspect")
    print(f"French TRAIN news: {len(sc)} scored, {len(spun)} spun {spun}, {len(sus)} suspect {sus}")
    if page:
        print(f"{PAGE}: score {page[0]:.3f} {page[1]}; kind mean_gain {page[2]:.3f} "
              f"z {page[3]:.2f} term {page[4]:.2f} ({page[5]} words)")
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        r = cleannews.spin_score(p.read_text(encoding="utf-8"))
        print(f"seed {p.name[:3]}: {r.score:.3f} {r.label}")


if __name__ == "__main__":
    main()
