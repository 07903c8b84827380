"""Word-level "looks like a substitute" table: log-likelihood ratio per word profile.

    python tools/spin/build_word_llr.py    (one step of ``python -m tools.spin.build``)

A content word's profile is (Zipf bin, synonym-gap bin, reading class) — no
word identity, so the table carries over to other dictionaries. Counting
the content words of the training spins (the spinner records where its
substitutes went) and of the clean training documents gives, per profile,
log P(profile | substitute) - log P(profile | original word). Writes
``src/cleannews/score/data/word_llr.json``.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).parent))

from train import TRAIN, read_jsonl  # noqa: E402

from cleannews.score._features import KIND_CONTENT, TOKEN_RE, _token_info  # noqa: E402
from cleannews.score._profile import N_PROFILES, profile_of  # noqa: E402

OUT = REPO / "src/cleannews/score/data/word_llr.json"
#: Add-k smoothing of the per-profile counts.
SMOOTHING = 1.0
#: Clip the ratios so one odd profile cannot dominate a document.
CLIP = 4.0


def llr_table(records) -> tuple[list[float], int, int]:
    """(table, substitutes, original content words) counted on spinner ``records``.

    Each record holds ``text`` and ``substituted`` (the spans where the spinner put a
    substitute; none for a clean document).
    """
    subst: Counter[int] = Counter()
    orig: Counter[int] = Counter()
    for r in records:
        starts = {a for a, _ in r.get("substituted", ())}
        for m in TOKEN_RE.finditer(r["text"]):
            info = _token_info(m.group())
            if info[3] != KIND_CONTENT:
                continue
            prof = profile_of(info[1])
            if m.start() in starts:
                subst[prof] += 1
            else:
                orig[prof] += 1
    n1, n0 = sum(subst.values()), sum(orig.values())
    llr = []
    for p in range(N_PROFILES):
        a = (subst[p] + SMOOTHING) / (n1 + SMOOTHING * N_PROFILES)
        b = (orig[p] + SMOOTHING) / (n0 + SMOOTHING * N_PROFILES)
        llr.append(round(max(-CLIP, min(CLIP, math.log(a / b))), 3))
    return llr, n1, n0


def main() -> None:
    if not OUT.exists():
        # a build from scratch: the package's token facts read this table (their likelihood
        # ratio field, unused here: the counts need only each word's profile and kind), so a
        # neutral table stands in until the real one is written
        OUT.write_text(json.dumps({"_source": "placeholder", "llr": [0.0] * N_PROFILES}) + "\n")
    llr, n1, n0 = llr_table(read_jsonl(TRAIN))
    OUT.write_text(
        json.dumps(
            {
                "_source": f"content words of training spins: {n1} substitutes, {n0} originals",
                "llr": llr,
            }
        )
        + "\n"
    )
    print(f"{n1} substitutes, {n0} original content words -> {OUT}")


if __name__ == "__main__":
    main()
