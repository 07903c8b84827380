"""Shared helpers for the real-page boilerplate corpus (fixtures/strip_real/).

Pages come from the search tool's JSON answers, saved verbatim under
``fixtures/strip_real/raw/<batch>/*.json``; these scripts turn them into
fixture-format page files and a manifest, so no page text is ever retyped.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "strip_real"
RAW = ROOT / "raw"
PAGES = ROOT / "pages"
MANIFESTS = ROOT / "manifests"  # one <batch>.jsonl per batch (no merge conflicts between batches)
DROPPED = ROOT / "dropped"  # one <batch>.jsonl per batch: URLs looked at and rejected, with why

KINDS = {
    "nav",
    "breadcrumb",
    "title_repeat",
    "share",
    "social",
    "newsletter",
    "login",
    "related",
    "comments",
    "caption",
    "credit",
    "ad",
    "player",
    "cookie",
    "meta",
    "tags",
    "cms",
    "footer",
    "filler",
    "other",
    "whitespace",
}
PAGE_TYPES = {"article", "listing", "other"}
MAX_PAGES_PER_SITE = 3


def site_of(url: str) -> str:
    """Registered domain of a URL (the Public Suffix List's ICANN section, as shipped in
    ``cleannews/data/public_suffixes.txt``: ``com.lb``, ``gouv.fr``, ``qc.ca`` …; the hand
    list it replaces gave ``com.lb`` for every Lebanese site). Every page of the frozen
    split keeps its site (``tests/test_audit12.py``).

    >>> site_of("https://www.lemonde.fr/a/b")
    'lemonde.fr'
    >>> site_of("http://news.bbc.co.uk/x"), site_of("https://www.annahar.com.lb/a")
    ('bbc.co.uk', 'annahar.com.lb')
    """
    from cleannews._sites import registrable_domain

    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return registrable_domain(host) if host else ""


def is_test_site(site: str) -> bool:
    """The frozen site-level split: a deterministic hash of the registered domain, 3 sites in
    10 on the held-out side (:func:`cleannews.evaluate.held_out_site`, the one hash every
    corpus reader splits by; this name stays for the gathering tools and GUIDELINE.md).

    >>> is_test_site("20minutes.fr"), is_test_site("sofoot.com")
    (True, False)
    """
    from cleannews.evaluate import held_out_site

    return held_out_site(site)


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def manifest_records(batch: str | None = None) -> list[dict]:
    """Every manifest record, batch file by batch file (in name order); with ``batch``, those
    whose id starts with ``batch-`` (``fr-r34``; a prefix such as ``fr`` names every French
    batch), as ``check.py --batch`` and ``show.py --batch`` select them."""
    recs: list[dict] = []
    for f in sorted(MANIFESTS.glob("*.jsonl")):
        recs += read_jsonl(f)
    if batch:
        recs = [r for r in recs if r["id"].startswith(batch + "-")]
    return recs


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )


def all_records(folder: Path, extra_glob: str | None = None) -> list[dict]:
    """Records of every batch file in ``folder`` (plus files matching ``extra_glob``)."""
    files = sorted(folder.glob("*.jsonl"))
    if extra_glob:
        files += sorted(Path("/").glob(extra_glob.lstrip("/")))
    out: list[dict] = []
    seen: set[str] = set()
    for f in files:
        for r in read_jsonl(f):
            key = r.get("id") or r.get("url")
            if key not in seen:
                seen.add(key)
                out.append(r)
    return out


def raw_results() -> dict[str, dict]:
    """url -> {"excerpt", "batch", "file"} over every saved tool answer."""
    out: dict[str, dict] = {}
    for f in sorted(RAW.glob("*/*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        for r in data.get("results", []):
            if r.get("url") and isinstance(r.get("excerpt"), str):
                out.setdefault(
                    r["url"],
                    {
                        "excerpt": r["excerpt"],
                        "batch": f.parent.name,
                        "file": str(f.relative_to(ROOT)),
                    },
                )
    return out


def page_path(rec: dict) -> Path:
    return PAGES / rec["lang"] / f"{rec['id']}.txt"


def read_page(path: Path) -> list[tuple[str | None, str]]:
    """(label or None for an empty line, text) per document line."""
    rows: list[tuple[str | None, str]] = []
    content = path.read_text(encoding="utf-8")
    if content.endswith("\n"):
        content = content[:-1]
    for line in content.split("\n"):
        if line == "":
            rows.append((None, ""))
            continue
        label, sep, text = line.partition("| ")
        if not sep:
            raise ValueError(f"{path}: line without a label prefix: {line[:60]!r}")
        rows.append((label, text))
    return rows


#: Inside a ``C`` line, ``⟦…⟧`` wraps furniture glued to the content (the TRAIN pages' glued
#: read-more links, reading times, counters … from round 32, the held-out lists' from round 35;
#: fixtures/strip_real/GUIDELINE.md, rule of thumb 5): the brackets are not part of the page text.
GLUE_OPEN, GLUE_CLOSE = "\u27e6", "\u27e7"


def document_text(label: str | None, text: str) -> str:
    """A page line's document text: the ``⟦…⟧`` brackets of a ``C`` line removed.

    >>> document_text("C", "Le maire a inauguré la salle.⟦ Lire la suite⟧")
    'Le maire a inauguré la salle. Lire la suite'
    >>> document_text("B:nav", "Lire la suite")
    'Lire la suite'
    """
    if label != "C":
        return text
    return text.replace(GLUE_OPEN, "").replace(GLUE_CLOSE, "")


def glue_problems(label: str | None, text: str) -> list[str]:
    """What is wrong with a page line's ``⟦…⟧`` brackets (nothing when the line has none):
    brackets outside a ``C`` line, unbalanced or nested brackets, an empty bracketed span, or
    a line whose kept part (outside the brackets) is empty or blank.

    >>> glue_problems("C", "Texte.⟦ Lire la suite⟧")
    []
    >>> glue_problems("C", "⟦Lire la suite⟧"), glue_problems("B:nav", "⟦x⟧ y")
    (['nothing kept outside the brackets'], ['brackets outside a C line'])
    """
    if GLUE_OPEN not in text and GLUE_CLOSE not in text:
        return []
    if label != "C":
        return ["brackets outside a C line"]
    problems = []
    depth = 0
    kept: list[str] = []
    span: list[str] = []
    for ch in text:
        if ch == GLUE_OPEN:
            if depth:
                return ["nested brackets"]
            depth, span = 1, []
        elif ch == GLUE_CLOSE:
            if not depth:
                return ["unbalanced brackets"]
            depth = 0
            if not "".join(span).strip():
                problems.append("an empty bracketed span")
        elif depth:
            span.append(ch)
        else:
            kept.append(ch)
    if depth:
        return ["unbalanced brackets"]
    if not "".join(kept).strip():
        problems.append("nothing kept outside the brackets")
    return problems


def write_page(path: Path, rows: list[tuple[str | None, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["" if label is None else f"{label}| {text}" for label, text in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
