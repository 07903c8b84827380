"""Repair stage (placeholder: identity until the real stage lands)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cleannews._align import Alignment
from cleannews.config import CleanConfig
from cleannews.document import Change


@dataclass
class RepairResult:
    text: str
    changes: list[Change] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    alignment: Alignment = field(default_factory=Alignment)


def repair_text(text: str, config: CleanConfig) -> RepairResult:
    return RepairResult(text, alignment=Alignment.identity(len(text)))
