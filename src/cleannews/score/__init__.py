"""Score stage: how likely a text is machine-paraphrased ("spun") French.

(Placeholder until the spin detector lands: every text is ``not_scored``.)
"""

from __future__ import annotations

from cleannews.config import CleanConfig
from cleannews.document import SpinScore

__all__ = ["score_text"]


def score_text(text: str, config: CleanConfig) -> SpinScore:
    return SpinScore.neutral()
