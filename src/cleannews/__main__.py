"""``python -m cleannews``: the same as the ``cleannews`` command."""

import sys

from cleannews.cli import main

sys.exit(main())
