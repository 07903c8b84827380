"""Test-wide settings.

In CI (``CI`` set in the environment) hypothesis runs derandomized, so a run
is reproducible: the same examples every time. Locally it explores new ones.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
