"""Extract French synonym pairs derived from the French Wiktionary (Wiktionnaire).

Source: ``js/features/analysis/synonyms/synonyms.dictionary.js`` of the public repository
github.com/plume-locale/plume-locale.github.io (header: "Source : Wiktionnaire français
(kaikki.org) — Licence CC BY-SA"), read from a bare snapshot of that repository
(``$SPIN_MIRROR/plume-locale+plume-locale.github.io/repo``). It is independent of the
OpenOffice thesaurus (mythes-fr) and of the French wordnets.

Usage::

    .venv/bin/python tools/spin/build_synonyms_wiktionnaire.py

writes ``tools/spin/data/synonyms_wiktionnaire.tsv`` (``word<TAB>synonym``, one
direction per line as listed by the source, sorted, duplicates removed) and
``tools/spin/data/SYNONYMS_wiktionnaire.md``.

    >>> parse_entries('"abaque": { synonymes: ["boulier","boulier compteur"], antonymes: [] },')
    [('abaque', ['boulier', 'boulier compteur'])]
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MIRROR = Path(os.environ.get("SPIN_MIRROR", Path.home() / ".cache/cleannews/mirror"))
GIT = MIRROR / "plume-locale+plume-locale.github.io/repo"
PATH = "js/features/analysis/synonyms/synonyms.dictionary.js"
OUT = REPO / "tools/spin/data/synonyms_wiktionnaire.tsv"
DOC = REPO / "tools/spin/data/SYNONYMS_wiktionnaire.md"

ENTRY = re.compile(r'"((?:[^"\\]|\\.)+)"\s*:\s*\{\s*synonymes\s*:\s*(\[[^\]]*\])')


def parse_entries(js: str) -> list[tuple[str, list[str]]]:
    """(headword, [synonyms]) for every entry of the JS object literal."""
    return [(json.loads(f'"{m.group(1)}"'), json.loads(m.group(2))) for m in ENTRY.finditer(js)]


def main() -> int:
    js = subprocess.run(["git", f"--git-dir={GIT}", "show", f"HEAD:{PATH}"],
                        capture_output=True, text=True, check=True).stdout
    commit = subprocess.run(["git", f"--git-dir={GIT}", "rev-parse", "HEAD"],
                            capture_output=True, text=True, check=True).stdout.strip()
    pairs: set[tuple[str, str]] = set()
    heads = 0
    for word, syns in parse_entries(js):
        w = word.strip()
        if not w or w.startswith("-") or w.endswith("-"):
            continue  # affixes
        heads += 1
        for s in syns:
            s = s.strip()
            if s and s != w and not s.startswith("-"):
                pairs.add((w, s))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(f"{a}\t{b}\n" for a, b in sorted(pairs)), encoding="utf-8")
    single = sum(1 for a, b in pairs if " " not in a and " " not in b)
    DOC.write_text(
        "# synonyms_wiktionnaire.tsv\n\n"
        "French synonym pairs (`word<TAB>synonym`) derived from the French Wiktionary\n"
        "(Wiktionnaire, via the kaikki.org extraction), as compiled in\n"
        f"`{PATH}` of github.com/plume-locale/plume-locale.github.io (commit `{commit}`).\n"
        "Licence: CC BY-SA (Wiktionnaire content; attribution: Wiktionnaire contributors,\n"
        "kaikki.org/wiktextract, plume-locale). Independent of mythes-fr (OpenOffice\n"
        "thesaurus) and of the French wordnets (WOLF, OMW), for an independent spinner.\n\n"
        f"{heads:,} headwords, {len(pairs):,} pairs ({single:,} with single-word members).\n"
        "Rebuild: `.venv/bin/python tools/spin/build_synonyms_wiktionnaire.py`.\n"
        "Caveat: the compiled file is the repository's own selection (about 7,000 entries),\n"
        "not the whole Wiktionnaire; senses are not separated.\n",
        encoding="utf-8",
    )
    print(f"{heads} headwords, {len(pairs)} pairs, {single} single-word")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
