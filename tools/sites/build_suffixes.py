"""Build ``src/cleannews/data/public_suffixes.txt`` from a copy of the Public Suffix List.

    python -m tools.sites.build_suffixes PATH/TO/public_suffix_list.dat

The list is published at https://publicsuffix.org/list/public_suffix_list.dat (MPL-2.0);
a copy also ships inside some Python packages (``tld``'s ``res/effective_tld_names.dat.txt``).
Kept: the ICANN section's rules of two labels or more (``com.lb``, ``gouv.fr``, ``*.ck``,
``!www.ck``), as written (Unicode); a one-label rule (``fr``) is what the list's default
rule ``*`` already gives. The private section (``blogspot.com``, ``github.io``) is left
out: a blog platform's sites stay grouped under the platform's domain, as the frozen
site split of ``fixtures/strip_real`` grouped them.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "cleannews" / "data" / "public_suffixes.txt"

HEADER = """\
# Public suffixes of two labels or more (ICANN section of the Public Suffix List),
# read by cleannews._sites.registrable_domain. Built by tools/sites/build_suffixes.py.
# Source: https://publicsuffix.org/list/public_suffix_list.dat, {version}, {commit}.
# This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0.
# If a copy of the MPL was not distributed with this file, You can obtain one at
# https://mozilla.org/MPL/2.0/.
"""


def icann_rules(text: str) -> tuple[list[str], str, str]:
    """Rules of two labels or more of the ICANN section, the list's version and commit."""
    version = (re.search(r"^// VERSION: (\S+)", text, re.M) or [None, "version unknown"])[1]
    commit = (re.search(r"^// COMMIT: (\S+)", text, re.M) or [None, "commit unknown"])[1]
    section = text.split("===BEGIN ICANN DOMAINS===", 1)[1].split("===END ICANN DOMAINS===", 1)[0]
    rules = []
    for line in section.splitlines():
        rule = line.strip().split()[0] if line.strip() else ""
        if rule and not rule.startswith("//") and "." in rule.lstrip("!"):
            rules.append(rule.lower())
    return sorted(set(rules)), f"version {version}", f"commit {commit}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("psl", type=Path, help="a copy of public_suffix_list.dat")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rules, version, commit = icann_rules(args.psl.read_text("utf-8"))
    args.out.write_text(HEADER.format(version=version, commit=commit) + "\n".join(rules) + "\n",
                        "utf-8")
    print(f"{args.out}: {len(rules)} rules ({version})")


if __name__ == "__main__":
    main()
