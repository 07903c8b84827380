"""cleannews: clean and repair scraped news text, French first.

Three stages, each explained change by change:

1. **repair** mojibake, HTML entities, invisible characters and layout damage
   (ftfy underneath, French typography kept);
2. **strip** page furniture: newsletter blocks, share bars, tag clouds,
   social widgets, credits, cookie notices, filler text;
3. **score** machine-paraphrased ("spun") French and **route** it to
   quarantine with its evidence.

    >>> import cleannews
    >>> text = "Un titre\\n\\nUn paragraphe sur l\\u2019\\u00e9conomie fran\\u00e7aise.\\n"
    >>> cleannews.clean(text).text == text
    True
"""

import logging

from cleannews.__about__ import __version__
from cleannews.config import DEFAULT_CONFIG, CleanConfig
from cleannews.document import Change, Document, Evidence, ParagraphScore, SpinScore
from cleannews.errors import CleannewsError, ConfigError, InputError, MissingExtraError
from cleannews.pipeline import clean, clean_html, explain, repair, spin_score

__all__ = [
    "DEFAULT_CONFIG",
    "Change",
    "CleanConfig",
    "CleannewsError",
    "ConfigError",
    "Document",
    "Evidence",
    "InputError",
    "MissingExtraError",
    "ParagraphScore",
    "SpinScore",
    "__version__",
    "clean",
    "clean_html",
    "explain",
    "repair",
    "spin_score",
]

# The library logs through the "cleannews" logger and prints nothing unless
# the application configures logging (the command line does, -v / -q).
logging.getLogger("cleannews").addHandler(logging.NullHandler())
