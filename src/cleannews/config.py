"""One immutable options object for the whole pipeline.

Modelled on ftfy's ``TextFixerConfig``: every option has a documented
default, and you change one with :func:`dataclasses.replace` or by passing
keyword arguments::

    >>> from cleannews import CleanConfig
    >>> cfg = CleanConfig(strip_boilerplate=False)
    >>> cfg.fix_encoding, cfg.strip_boilerplate
    (True, False)
    >>> cfg.replace(score_spin=False).score_spin
    False
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

__all__ = ["DEFAULT_CONFIG", "CleanConfig"]


@dataclass(frozen=True)
class CleanConfig:
    """Options of :func:`cleannews.clean` and the stages it runs.

    Repair stage
    ------------
    fix_encoding:
        Repair mojibake (UTF-8 read as Windows-1252, Latin-1, Windows-1250,
        double encoding …) and other Unicode damage with ftfy.
    unescape_html:
        Replace HTML entities (``&amp;``, ``&eacute;``, ``&#8217;``) in plain
        text by the characters they stand for.
    remove_invisible:
        Remove control characters, zero-width spaces, soft hyphens and byte
        order marks. Tabs and line breaks stay.
    keep_typography:
        Keep French typography as it is: curly apostrophes (’), guillemets
        (« »), no-break and narrow no-break spaces. ``False`` lets ftfy
        straighten quotes as its own default does.
    normalize_layout:
        Drop lines that hold only whitespace or no-break spaces, collapse
        runs of blank lines to one, turn ``\\r\\n`` into ``\\n``.
    lift_crawler_metadata:
        Lift a crawler prefix such as `` date 2025-02 `` at the start of the
        document into ``Document.metadata``.
    fast_path:
        Skip ftfy on text that a single character scan proves clean. The
        result is identical either way (tested); switch off only to debug.

    Strip stage
    -----------
    strip_boilerplate:
        Remove page furniture (newsletter blocks, share bars, tag clouds …).
    languages:
        Rule sets (data files) to apply, by language code.
    html_main_content:
        For HTML input (:func:`cleannews.clean_html`): keep only the element
        that holds the article's prose (and its headline), chosen by a
        readability-like vote of its paragraphs; everything outside goes, as
        ``html_outside_main`` changes. Pages without one dominant container
        (listings, forums) are left whole.

    Score and route stages
    ----------------------
    score_spin:
        Score machine-paraphrased ("spun") French.
    spin_suspect_threshold / spin_quarantine_threshold:
        Calibrated score at which a document is labelled ``"suspect"`` /
        ``"spun"``.
    quarantine:
        Route documents labelled ``"spun"`` to quarantine (``doc.verdict``).
    """

    # repair
    fix_encoding: bool = True
    unescape_html: bool = True
    remove_invisible: bool = True
    keep_typography: bool = True
    normalize_layout: bool = True
    lift_crawler_metadata: bool = True
    fast_path: bool = True
    # strip
    strip_boilerplate: bool = True
    languages: tuple[str, ...] = ("fr", "en")
    html_main_content: bool = True
    # score / route
    score_spin: bool = True
    spin_suspect_threshold: float = 0.5
    spin_quarantine_threshold: float = 0.9
    quarantine: bool = True

    def replace(self, **changes: Any) -> CleanConfig:
        """A copy with some options changed (the object itself is immutable)."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["languages"] = list(self.languages)
        return d


DEFAULT_CONFIG = CleanConfig()
