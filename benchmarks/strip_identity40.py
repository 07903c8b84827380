"""Strip-stage output identity of two source trees on the development inputs (perf40).

    PYTHONPATH=/tmp/old/src .venv/bin/python benchmarks/strip_identity40.py --out /tmp/old.json
    PYTHONPATH=src .venv/bin/python benchmarks/strip_identity40.py --out /tmp/new.json
    .venv/bin/python benchmarks/strip_identity40.py --compare /tmp/old.json /tmp/new.json

Run once per tree (``PYTHONPATH`` picks the tree), then ``--compare`` the two files (exit
status 1 on a difference; ids only are printed). A hash (:func:`identity16._h`) of, per item:

* ``train``: every TRAIN page of ``fixtures/strip_real`` (``read_corpus``: never a held-out
  page, never an unscored batch): :func:`cleannews.strip.strip_text` of the repaired page
  (text, every Change with its reason, metadata), the same with ``strip_recall``, the whole
  :func:`cleannews.clean` Document and :func:`cleannews.explain`'s line-by-line explanation;
* ``stress``: the stress set's pages (``tools.strip_model.stress.stress_pages``, its seed and
  sizes): ``strip_text`` of each repaired page;
* ``bench``: the documents of ``bench_pipeline.corpus()`` (the corpus the MB/s figures are
  measured on): ``strip_text`` of each repaired document, with and without
  ``strip_recall``, and the whole ``clean`` Document.

Development data only; only hashes are written.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tools.strip_model

from identity16 import _h, compare_files, identity_parser, write_hashes

ROOT = Path(__file__).resolve().parent.parent
SETS = ("train", "stress", "bench")


def _strip_both(doc: str, configs) -> list[str]:
    """Hashes of ``strip_text`` of the repaired ``doc`` under each config."""
    import cleannews
    from cleannews.strip import strip_text

    text = cleannews.repair(doc).text
    out = []
    for cfg in configs:
        r = strip_text(text, cfg)
        out.append(_h((r.text, r.changes, r.metadata)))
    return out


def run(sets: set[str]) -> dict[str, dict[str, str]]:
    import cleannews

    configs = (cleannews.CleanConfig(), cleannews.CleanConfig(strip_recall=True))
    res: dict[str, dict[str, str]] = {}
    if "train" in sets:
        from cleannews.evaluate import read_corpus

        res["train"] = {}
        for rec, doc, _ in read_corpus(ROOT / "fixtures" / "strip_real", ("train",)):
            assert rec["split"] == "train"
            a, b = _strip_both(doc, configs)
            res["train"][rec["id"]] = _h(
                (a, b, cleannews.clean(doc), cleannews.explain(doc))
            )
    if "stress" in sets:
        from tools.strip_model.stress import stress_pages

        res["stress"] = {f"{k}:{name}": _strip_both(doc, configs[:1])[0]
                         for k, (name, doc, _) in enumerate(stress_pages())}
    if "bench" in sets:
        import bench_pipeline

        groups = bench_pipeline.corpus()
        res["bench"] = {}
        for g, docs in groups.items():
            for k, doc in enumerate(docs):
                a, b = _strip_both(doc, configs)
                res["bench"][f"{g}:{k}"] = _h((a, b, cleannews.clean(doc)))
    return res


def main(argv=None) -> int:
    ap = identity_parser(__doc__)
    ap.add_argument("--only", default=",".join(SETS), help="some of: " + ", ".join(SETS))
    args = ap.parse_args(argv)
    if args.compare or not args.out:
        return compare_files(ap, args.compare)
    return write_hashes(args.out, run(set(args.only.split(","))))


if __name__ == "__main__":
    sys.exit(main())
