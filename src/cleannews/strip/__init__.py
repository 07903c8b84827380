"""Strip stage: remove page furniture from plain text, every removal explained.

(Placeholder until the strip stage lands: returns the text unchanged.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cleannews.config import CleanConfig
from cleannews.document import Change

__all__ = ["StripResult", "strip_text"]


@dataclass
class StripResult:
    """Output of :func:`strip_text`: spans of ``changes`` point into the stage's input."""

    text: str
    changes: list[Change] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


def strip_text(text: str, config: CleanConfig) -> StripResult:
    return StripResult(text)
