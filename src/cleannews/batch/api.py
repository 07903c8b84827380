"""Plain picklable functions for other engines: ``pandas.Series.map``, ``datasets.map``.

Resources (the configuration, the pipeline's modules and their data) are
loaded lazily, once per process, on the first call::

    >>> clean_text("Bonjour \\u00e0 tous.")
    'Bonjour \u00e0 tous.'
    >>> clean_text(None) is None
    True
    >>> out = clean_batch({"text": ["Un texte.", 3], "id": ["a", "b"]})
    >>> out["text"], out["cleannews_error"][1]
    (['Un texte.', ''], 'expected str or bytes, got int')

With pandas: ``df["clean"] = df["text"].map(clean_text)``. With datasets:
``ds.map(clean_batch, batched=True, num_proc=4)``; the returned columns
replace ``text`` and add ``cleannews_*`` columns (see docs/batch.md).
"""

from __future__ import annotations

import functools
import json
import math
from typing import Any

from cleannews.config import CleanConfig
from cleannews.errors import InputError

__all__ = ["clean_batch", "clean_text", "get_config"]

#: Prefix of the columns :func:`clean_batch` adds.
COLUMN_PREFIX = "cleannews_"


@functools.lru_cache(maxsize=1)
def get_config() -> CleanConfig:
    """The configuration used by these functions (built once per process)."""
    import cleannews.pipeline  # noqa: F401  (load the stages once)

    return CleanConfig()


def _is_missing(value: Any) -> bool:
    """``None`` or a float NaN (pandas' missing value).

    >>> _is_missing(None), _is_missing(float("nan")), _is_missing("")
    (True, True, False)
    """
    return value is None or (isinstance(value, float) and math.isnan(value))


def clean_text(text: Any, config: CleanConfig | None = None) -> Any:
    """The cleaned text of ``text``; missing values stay missing, non-text gives ``""``.

    Never raises for bad input, so one row cannot stop a ``Series.map``.
    """
    if _is_missing(text):
        return text
    from cleannews.pipeline import clean

    try:
        return clean(text, config or get_config()).text
    except InputError:
        return ""


def clean_batch(
    batch: dict[str, list[Any]],
    text_field: str = "text",
    keep_original: bool = False,
    config: CleanConfig | None = None,
) -> dict[str, list[Any]]:
    """Clean a batch of columns (``datasets.map(batched=True)``); returns the new columns.

    ``text_field`` is replaced by the cleaned text (or kept, with the cleaned
    text in ``cleannews_text``, when ``keep_original``); added columns:
    ``cleannews_verdict``, ``cleannews_reason``, ``cleannews_spin_score``,
    ``cleannews_spin_label``, ``cleannews_changes`` (JSON string) and
    ``cleannews_error`` (``""`` when the row was cleaned).
    """
    from cleannews.pipeline import clean

    cfg = config or get_config()
    cols: dict[str, list[Any]] = {k: [] for k in (
        "text", "verdict", "reason", "spin_score", "spin_label", "changes", "error")}
    for value in batch[text_field]:
        try:
            if _is_missing(value):
                raise InputError("missing text")
            doc = clean(value, cfg)
        except Exception as exc:  # one bad row must not stop the map
            row = ["", "error", "", 0.0, "not_scored", "[]", str(exc) or type(exc).__name__]
        else:
            row = [doc.text, doc.verdict, doc.reason, doc.spin.score, doc.spin.label,
                   json.dumps([c.to_dict() for c in doc.changes], ensure_ascii=False), ""]
        for key, v in zip(cols, row, strict=True):
            cols[key].append(v)
    out = {COLUMN_PREFIX + k: v for k, v in cols.items() if k != "text"}
    out[COLUMN_PREFIX + "text" if keep_original else text_field] = cols["text"]
    return out
