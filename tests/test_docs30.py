"""The strip, spin and performance docs are references, their rounds a history (round 28).

Round 28 cut ``docs/strip.md`` (10,632 lines, 103 sections), ``docs/spin.md`` and
``docs/performance.md`` into a short user reference each and a development log beside it
(``docs/<name>-history.md``), every development section moved word for word. These tests
keep that shape:

* each reference stays short (:data:`MAX_LINES`), links to its history, has a "Current
  figures" section, and holds at most :data:`MAX_ROUND_SECTIONS` section named after a round
  or a branch (the lead's latest held-out section): a round's section belongs at the end of
  the history (CONTRIBUTING.md, "Where docs go");
* each history says what it is in its first lines and shares no ``## `` title with its
  reference (a section is in one of the two, not copied);
* a section quoted by name with its file — ``docs/strip-history.md, "Fresh TRAIN pages
  (issue 10, round 27)"`` in a docstring, a test, a tool or a doc — is in that file
  (CHANGELOG.md and changelog.d are records of their day and are not read).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from _helpers import load_script

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
TOC = load_script(ROOT / "tools" / "docs_toc.py", "docs_toc")
#: The references and the most lines each may have (the brief of round 28: strip.md "aim
#: ≤ ~800 lines"; spin.md keeps its usage, method and speed sections whole).
MAX_LINES = {"strip": 800, "spin": 800, "performance": 300}
#: ``## `` sections of a reference whose title names a round or a branch: the lead's latest
#: "Held-out figures after the … round" only.
MAX_ROUND_SECTIONS = 1
_ROUNDISH = re.compile(r"\b(?:round|branch)\b", re.I)
#: ``docs/NAME.md`` (or a Markdown link to it) followed by a quoted section name.
_CITE = re.compile(
    r'docs/(?P<file>[a-z0-9-]+\.md)(?:``)?(?:\]\([^)\s]*\))?,?\s+\(?"(?P<title>[^"\n]{3,160}?)"')
#: Comment markers at the start of a continuation line (``#:`` / ``#``), joined away.
_COMMENT_CONT = re.compile(r"\n\s*#:?\s*")
#: Where quoted section names are read.
SOURCES = ("src/**/*.py", "tools/**/*.py", "tests/*.py", "benchmarks/*.py", "docs/*.md",
           "README.md", "BENCHMARKS.md", "CONTRIBUTING.md", "fixtures/**/*.md")


def _norm(text: str) -> str:
    """Lower case, white space collapsed: a quote wraps lines where the heading does not.

    >>> _norm("Fresh TRAIN\\n  pages")
    'fresh train pages'
    """
    return re.sub(r"\s+", " ", text).strip().lower()


def _titles(path: Path) -> list[str]:
    return [title for level, title, _ in TOC.headings(path.read_text("utf-8").splitlines())
            if level == 2]


def citations(text: str) -> list[tuple[str, str]]:
    """``(file, quoted title)`` of each section quoted by name in ``text``.

    >>> citations('# see docs/spin-history.md, "One typo never\\n#: quarantines")')
    [('spin-history.md', 'One typo never quarantines')]
    >>> citations('([docs/strip-history.md](strip-history.md), "Round 9")')
    [('strip-history.md', 'Round 9')]
    """
    joined = _COMMENT_CONT.sub(" ", text)
    return [(m["file"], re.sub(r"\s+", " ", m["title"]).strip()) for m in _CITE.finditer(joined)]


@pytest.mark.parametrize("name", sorted(MAX_LINES))
def test_the_reference_is_short_and_points_at_its_history(name: str) -> None:
    ref = DOCS / f"{name}.md"
    text = ref.read_text("utf-8")
    assert len(text.splitlines()) <= MAX_LINES[name], f"{ref.name}: over {MAX_LINES[name]} lines"
    assert f"]({name}-history.md)" in text, f"{ref.name} does not link to its history"
    titles = _titles(ref)
    assert "Current figures" in titles, f"{ref.name}: no 'Current figures' section"
    rounds = [t for t in titles if _ROUNDISH.search(t)]
    assert len(rounds) <= MAX_ROUND_SECTIONS, (
        f"{ref.name}: round sections belong at the end of {name}-history.md: {rounds}")


@pytest.mark.parametrize("name", sorted(MAX_LINES))
def test_the_history_says_what_it_is_and_copies_no_section(name: str) -> None:
    hist = DOCS / f"{name}-history.md"
    head = "\n".join(hist.read_text("utf-8").splitlines()[:12])
    assert "What this file is" in head and f"]({name}.md)" in head, hist.name
    both = set(_titles(hist)) & set(_titles(DOCS / f"{name}.md"))
    assert not both, f"sections in both {name}.md and {hist.name}: {sorted(both)}"


def test_a_quoted_section_is_in_the_file_named() -> None:
    texts: dict[str, str] = {}
    missing, seen = [], 0
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            if path == Path(__file__).resolve():  # its examples quote on purpose
                continue
            for file, title in citations(path.read_text("utf-8", errors="replace")):
                seen += 1
                doc = DOCS / file
                if file not in texts:
                    texts[file] = _norm(doc.read_text("utf-8")) if doc.exists() else ""
                if _norm(title).rstrip(".,;:") not in texts[file]:
                    missing.append(f"{path.relative_to(ROOT)}: docs/{file}, {title!r}")
    assert seen >= 30  # the round-28 tree quotes 39 sections by name
    assert not missing, "quoted sections not in the file named:\n" + "\n".join(missing)
