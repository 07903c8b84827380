"""The links of README.md and docs/*.md lead somewhere (docs10).

Round 10 moved most of the README into docs/ (usage.md, stages.md, quality.md) and
left links in its place; a moved passage is only reachable if its link works. So:

* every relative link ``[text](path#anchor)`` outside code names a file that exists and,
  for a Markdown file, a heading that exists there (GitHub's anchor rule: lower case,
  punctuation dropped, spaces to hyphens, ``-1``, ``-2`` … for repeats);
* every file of docs/ is listed in the docs index, docs/README.md;
* a docs file over 300 lines opens with a table of contents (``**Contents**``) before
  its second section.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from _helpers import load_script

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "docs").glob("*.md"))
PAGES = [ROOT / "README.md", *DOCS]
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _prose(path: Path) -> list[tuple[int, str]]:
    """``(line number, line)`` outside fenced blocks, inline code removed."""
    out, fence = [], False
    for no, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.startswith("```"):
            fence = not fence
        elif not fence:
            out.append((no, re.sub(r"`[^`]*`", "``", line)))
    return out


def _load_docs_toc():
    return load_script(ROOT / "tools" / "docs_toc.py", "docs_toc")


#: ``tools/docs_toc.py``: GitHub's anchors of a file's headings, and its contents lists.
TOC = _load_docs_toc()


def _anchors(path: Path) -> list[str]:
    """GitHub's anchors of ``path``'s headings, in order."""
    return [anchor for _, _, anchor in TOC.headings(path.read_text("utf-8").splitlines())]


def test_anchor_rule_on_a_known_heading() -> None:
    anchors = _anchors(ROOT / "README.md")
    assert "3-score-spun-french-cleannewsspin_score" in anchors
    assert "two-commands" in anchors


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_relative_links_resolve(page: Path) -> None:
    broken = []
    for no, line in _prose(page):
        for target in _LINK.findall(line):
            if re.match(r"[a-z]+:", target):
                continue  # http:, https:, mailto:
            path, _, anchor = target.partition("#")
            dest = (page.parent / path) if path else page
            if not dest.exists():
                broken.append(f"{page.name}:{no}: no file {target}")
            elif anchor and dest.suffix == ".md" and anchor not in _anchors(dest):
                broken.append(f"{page.name}:{no}: no heading #{anchor} in {dest.name}")
    assert not broken, "\n".join(broken)


def test_every_docs_file_is_in_the_index() -> None:
    index = (ROOT / "docs" / "README.md").read_text("utf-8")
    missing = [p.name for p in DOCS if p.name != "README.md" and f"]({p.name})" not in index]
    assert not missing, missing


@pytest.mark.parametrize("page", DOCS, ids=[p.name for p in DOCS])
def test_long_docs_open_with_contents(page: Path) -> None:
    lines = page.read_text("utf-8").splitlines()
    if len(lines) <= 300:
        return
    sections = [no for no, line in _prose(page) if line.startswith("## ")]
    before = lines[: sections[1] if len(sections) > 1 else len(lines)]
    assert any(line.startswith("**Contents**") for line in before), page.name


@pytest.mark.parametrize("page", DOCS, ids=[p.name for p in DOCS])
def test_contents_list_every_section(page: Path) -> None:
    """A bullet contents list names every ``## `` section in order (a section merged from
    a branch without its line fails here; ``python tools/docs_toc.py`` rewrites the list)."""
    text = page.read_text("utf-8")
    assert TOC.rewrite(text) == text, f"stale contents in {page.name}: python tools/docs_toc.py"
