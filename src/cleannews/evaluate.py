"""Evaluate the strip stage on the annotated fixtures (and jusText side by side).

    python -m cleannews.evaluate [--fixtures DIR] [--justext] [--json]
    python -m cleannews.evaluate --corpus fixtures/strip_real [--split train] [--justext] [--lines]

Fixture format: see ``fixtures/strip/README.md``. Every labelled line is
``C| text`` (content: must survive) or ``B:<category>| text`` (boilerplate:
must go). Plain-text fixtures are cleaned with :func:`cleannews.clean`, HTML
fixtures (``.html`` + ``.html.labels``) with :func:`cleannews.clean_html`,
spin scoring off. A labelled line *survives* when it is aligned (difflib on
normalised lines, in order) to an output line, or, failing that, when its
text is unique in the document and found in the output. Lines that are only
whitespace are the repair stage's job: counted apart, not in precision/recall.

``--corpus`` evaluates on the real-page corpus (``fixtures/strip_real``: pages
in the same line format, a manifest per batch, and ``split.json``, the
site-level train/test split frozen before tuning). Figures are given per split,
per language and per boilerplate kind, with F1. ``--split test2`` evaluates the
second frozen held-out list (fresh sites, issue 10) and nothing else, ``--split test3``
the third, ``--split test4`` the fourth (fresh French sites, round 25), ``--split test5`` the
fifth (fresh sites, 25 of 41 French, round 34); without ``--split`` the
figures cover TRAIN and the first TEST list only. The pages of the batches a corpus's
``unscored.json`` names (a round's transfer check, not yet scored) are never read
(:func:`read_corpus`).
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

__all__ = [
    "Labelled",
    "corpus_split",
    "evaluate",
    "evaluate_corpus",
    "main",
    "page_batch",
    "read_corpus",
    "read_fixture",
    "recombine",
    "recombined_pages",
    "unit_rows",
    "unscored_batches",
]

_WS = regex.compile(r"[\s\u00a0\u202f\u2009]+")
_GLUE = regex.compile(r"⟦(.*?)⟧", regex.DOTALL)


def norm(line: str) -> str:
    """NFC, all whitespace (incl. no-break spaces) collapsed, stripped.

    >>> norm("  a\\u00a0 b ")
    'a b'
    """
    return _WS.sub(" ", unicodedata.normalize("NFC", line)).strip()


@dataclass
class Labelled:
    """One labelled line: ``label`` is ``"C"`` or the boilerplate category."""

    label: str
    text: str  # document text of the line (brackets removed)
    keep: str = ""  # for C lines with ⟦…⟧: the part that must stay
    glued: list[str] = field(default_factory=list)  # the bracketed parts that must go
    line: int = -1  # its line number in the document (-1: unknown, e.g. HTML fixtures)
    #: for C lines with ⟦…⟧: the content part's pieces around the spans, in order
    #: (``len(glued) + 1`` of them, some empty; ``"".join(pieces) == keep``)
    pieces: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.glued and len(self.pieces) != len(self.glued) + 1:
            # built without its pieces (a test's or a tool's line): the spans after the
            # kept part when the text starts with it, else before it
            head = self.text.startswith(self.keep)
            rest = [""] * len(self.glued)
            self.pieces = [self.keep, *rest] if head else [*rest, self.keep]

    @property
    def content(self) -> bool:
        return self.label == "C"

    @property
    def whitespace(self) -> bool:
        return norm(self.text) == ""


def _parse_label_line(raw: str) -> Labelled | None:
    if raw == "":
        return None
    head, sep, rest = raw.partition("| ")
    if not sep:
        head, sep, rest = raw.partition("|")
    if head == "C":
        # one split: the content part's pieces around the spans, the spans between them
        parts = _GLUE.split(rest)
        pieces, glued = parts[0::2], parts[1::2]
        text = rest.replace("⟦", "").replace("⟧", "")
        return Labelled("C", text, "".join(pieces), glued, pieces=pieces if glued else [])
    if head.startswith("B:"):
        return Labelled(head[2:], rest)
    raise ValueError(f"bad label line: {raw[:60]!r}")


def read_fixture(path: Path) -> tuple[str, list[Labelled], bool]:
    """(document, labelled lines, is_html) of one fixture file."""
    if path.suffix == ".html":
        labels_path = path.with_name(path.name + ".labels")
        raw_lines = labels_path.read_text("utf-8").split("\n")
        if raw_lines and raw_lines[-1] == "":
            raw_lines.pop()
        labelled = [x for x in (_parse_label_line(r) for r in raw_lines) if x]
        return path.read_text("utf-8"), labelled, True
    raw_lines = path.read_text("utf-8").split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()  # the fixture file's own final newline
    doc_lines = []
    labelled = []
    for r in raw_lines:
        lab = _parse_label_line(r)
        if lab is None:
            doc_lines.append("")
        else:
            lab.line = len(doc_lines)
            doc_lines.append(lab.text)
            labelled.append(lab)
    return "\n".join(doc_lines), labelled, False


#: A scraper's date prefix glued to the first line (" date 2025-02 Titre"): the corpus
#: labels the line by the rest of its text and the repair stage lifts the prefix into the
#: metadata, so lines are compared without it (on both sides, for every engine).
_CRAWLER_PREFIX = regex.compile(r"^date \d{4}-\d{2}(?:-\d{2})? ")


def _cmp(line: str) -> str:
    """A line as compared: normalised (:func:`norm`), scraper date prefix left out.

    >>> _cmp(" date 2025-02 Un titre ")
    'Un titre'
    """
    return _CRAWLER_PREFIX.sub("", norm(line))


def removed_lines(document: str, changes: list) -> list[bool]:
    """For every line of ``document``, whether the engine's own changes deleted it.

    ``changes`` are :class:`~cleannews.Change` records whose spans point into
    ``document`` (as :func:`cleannews.clean` gives them); a line is deleted when
    deletions (``after == ""``) cover every one of its non-space characters.
    Lines of only whitespace count as deleted only when covered entirely.

    >>> from cleannews.document import Change
    >>> removed_lines("Titre\\nTitre\\nTexte", [Change("strip", "x", (6, 12), "Titre\\n", "", "")])
    [False, True, False]
    """
    gone = bytearray(len(document) + 1)
    for c in changes:
        if c.after == "":
            s, e = c.span
            gone[s:e] = b"\x01" * (min(e, len(document)) - s)
    out = []
    pos = 0
    for line in document.split("\n"):
        end = pos + len(line)
        chars = [k for k in range(pos, end) if not line[k - pos].isspace()] or range(pos, end)
        out.append(bool(chars) and all(gone[k] for k in chars))
        pos = end + 1
    return out


#: The kind under which the figures count the bracketed spans ``⟦…⟧`` of content lines: each
#: span is one furniture unit, removed or missed like a boilerplate line (:func:`unit_rows`).
GLUED_KIND = "glued"

#: A bracketed span of a content line whose output line could not be matched counts as left in
#: when it is still found next to this many characters (spaces left out) of the piece of
#: content beside it (:func:`_still_glued`).
GLUE_ANCHOR_CHARS = 12

#: :func:`_still_glued` searches the output for the first this many spans of a lost line only
#: (each search reads the whole output); the further spans of such a line count as removed.
#: No labelled line comes near it (the TRAIN pages have at most 2 spans per line); it keeps a
#: line of thousands of spans from costing (spans × output) time.
GLUE_SPANS_SEARCHED = 32


def _squeeze(text: str) -> str:
    """``text`` without any whitespace (how glued spans and gaps are compared).

    >>> _squeeze(" Lire  la\\u00a0suite ")
    'Lirelasuite'
    """
    return "".join(text.split())


def _gap_fits(gap: str, pending: list[int], spans: list[str], left: list[bool]) -> bool:
    """Whether ``gap`` — the output text found between two pieces of a bracketed line's
    content part — holds nothing but (what is left of) the spans ``pending`` that stood
    there; marks in ``left`` which of them were left in.

    An empty gap: the spans went. A gap that is one span or several whole: those spans
    stayed. A gap that is only part of the spans (a span cut in part): they all count as left
    in. Anything else (text no span had) is not this line.

    >>> left = [False, False]
    >>> _gap_fits(" Lire la suite", [0], [" Lire la suite", "x"], left), left
    (True, [True, False])
    >>> _gap_fits("", [0], [" Lire la suite"], [False])
    True
    >>> _gap_fits("Autre chose", [0], [" Lire la suite"], [False])
    False
    """
    g = _squeeze(gap)
    if not g:
        return True
    if not pending or g not in "".join(_squeeze(spans[i]) for i in pending):
        return False
    whole = [i for i in pending if _squeeze(spans[i]) in g]
    for i in whole or pending:
        left[i] = True
    return True


def _compared_pieces(lb: Labelled) -> list[str]:
    """The pieces of a bracketed line's content part as compared (:func:`norm`; the first
    without a scraper's date prefix, as :func:`_cmp` reads a line).

    >>> _compared_pieces(_parse_label_line("C|  date 2025-02 Titre  du jour⟦ Lire⟧"))
    ['Titre du jour', '']
    """
    return [_cmp(piece) if k == 0 else norm(piece) for k, piece in enumerate(lb.pieces)]


def _glued_fit(lb: Labelled, out_line: str) -> list[bool] | None:
    """Whether the output line ``out_line`` (as compared, :func:`_cmp`) is the bracketed
    content line ``lb`` with its content part whole: ``None`` when it is not, else which
    bracketed spans were left in (one flag per span of ``lb.glued``).

    >>> lb = _parse_label_line("C| Un teaser…⟦ Lire la suite⟧")
    >>> _glued_fit(lb, "Un teaser…"), _glued_fit(lb, "Un teaser… Lire la suite")
    ([False], [True])
    >>> _glued_fit(lb, "Un teaser") is None  # a part of the content was cut
    True
    """
    left = [False] * len(lb.glued)
    pending: list[int] = []
    pos = 0
    for k, p in enumerate(_compared_pieces(lb)):
        if k:
            pending.append(k - 1)
        if not p:
            continue
        at = out_line.find(p, pos)
        if at < 0 or not _gap_fits(out_line[pos:at], pending, lb.glued, left):
            return None
        pos, pending = at + len(p), []
    return left if _gap_fits(out_line[pos:], pending, lb.glued, left) else None


def _still_glued(lb: Labelled, out_squeezed: str) -> list[bool]:
    """For a bracketed content line whose content part was not found whole: which spans
    are still in the output, next to the content beside them (:data:`GLUE_ANCHOR_CHARS`).

    >>> lb = _parse_label_line("C| Le début coupé, un long teaser…⟦ Lire la suite⟧")
    >>> _still_glued(lb, _squeeze("un long teaser… Lire la suite")), _still_glued(lb, "")
    ([True], [False])
    """
    left = [False] * len(lb.glued)
    for i, span in enumerate(lb.glued[:GLUE_SPANS_SEARCHED]):
        before = _squeeze(lb.pieces[i])[-GLUE_ANCHOR_CHARS:]
        after = _squeeze(lb.pieces[i + 1])[:GLUE_ANCHOR_CHARS]
        sq = _squeeze(span)
        anchors = [a for a, piece in ((before + sq, before), (sq + after, after)) if piece]
        left[i] = any(a in out_squeezed for a in anchors)
    return left


def _judge(
    labelled: list[Labelled], output: str, document: str = "",
    removed: list[bool] | None = None,
) -> tuple[list[bool], dict[int, list[bool]]]:
    """For every labelled line whether it survived in ``output`` (:func:`_survival`), and for
    every bracketed content line (by index) which of its spans ``⟦…⟧`` were left in."""
    out_lines = [_cmp(x) for x in output.split("\n")]
    out_lines = [x for x in out_lines if x]
    lab_norm = [_cmp(lb.text) for lb in labelled]
    survived = [False] * len(labelled)
    spans_left: dict[int, list[bool]] = {}
    sm = difflib.SequenceMatcher(None, lab_norm, out_lines, autojunk=False)
    for a, b, size in sm.get_matching_blocks():
        for k in range(size):
            survived[a + k] = True
            if labelled[a + k].glued:
                # the whole line as compared stayed: its spans too, but for a scraper's date
                # prefix, which the comparison leaves out (the repair stage lifts it)
                fit = _glued_fit(labelled[a + k], out_lines[b + k])
                spans_left[a + k] = fit or [True] * len(labelled[a + k].glued)
    counts: dict[str, int] = defaultdict(int)
    for x in lab_norm:
        counts[x] += 1
    out_text = "\n".join(out_lines)
    out_set = set(out_lines)
    out_squeezed = ""
    doc_text = "\n".join(_cmp(x) for x in document.split("\n")) if document else ""
    for i, lb in enumerate(labelled):
        if (
            removed is not None and 0 <= lb.line < len(removed) and lab_norm[i]
            and counts[lab_norm[i]] > 1 and not lb.glued
        ):
            survived[i] = not removed[lb.line]  # a duplicated text: its own occurrence decides
            continue
        if survived[i] or not lab_norm[i]:
            continue
        if lb.content and lb.glued:
            # the content part kept whole on one output line, glued spans gone or not: an
            # output line that is the content part alone, else one holding its longest piece
            keep = _cmp(lb.keep)
            if keep in out_set:
                fit: list[bool] | None = [False] * len(lb.glued)
            else:
                longest = max(_compared_pieces(lb), key=len)
                fit = next((f for f in (_glued_fit(lb, o) for o in out_lines if longest in o)
                            if f is not None), None)
            survived[i] = fit is not None
            if fit is None:
                out_squeezed = out_squeezed or _squeeze(out_text)
                fit = _still_glued(lb, out_squeezed)
            spans_left[i] = fit
        elif (
            counts[lab_norm[i]] == 1
            and (not doc_text or doc_text.count(lab_norm[i]) == 1)
            and lab_norm[i] in out_text
        ):
            survived[i] = True
    return survived, spans_left


def _survival(
    labelled: list[Labelled], output: str, document: str = "",
    removed: list[bool] | None = None,
) -> list[bool]:
    """For every labelled line, whether it survived in ``output``.

    Lines are aligned to the output by text (difflib, in order). Text alone cannot
    tell which of two identical labelled lines (a headline and its ``title_repeat``
    copy) is the one left in the output: difflib gives the survivor to whichever copy
    extends the longer matching block. When the engine's trace is known —
    ``removed``, one flag per document line (:func:`removed_lines`) — each labelled
    line whose text occurs more than once is judged by its own occurrence instead.

    A content line with glued furniture bracketed ``⟦…⟧`` survives when its content part
    (the line without its spans) stays whole on one output line, whether or not the spans
    went; whether they went is counted apart, one furniture unit per span
    (:func:`unit_rows`, docs/strip.md, "Reproducing the figures").

    >>> lab = [Labelled("C", "Titre", line=0), Labelled("title_repeat", "Titre", line=1),
    ...        Labelled("C", "Texte.", line=2)]
    >>> _survival(lab, "Titre\\nTexte.")
    [False, True, True]
    >>> _survival(lab, "Titre\\nTexte.", removed=[False, True, False])
    [True, False, True]
    >>> glued = [_parse_label_line("C| Un teaser…⟦ Lire la suite⟧")]
    >>> _survival(glued, "Un teaser…"), _survival(glued, "Un teaser… Lire la suite")
    ([True], [True])
    >>> _survival(glued, "Un teaser Lire la suite"), _survival(glued, "")
    ([False], [False])
    """
    return _judge(labelled, output, document, removed)[0]


def unit_rows(
    name: str, labelled: list[Labelled], output: str, document: str = "",
    removed: list[bool] | None = None,
) -> list[tuple[str, Labelled, bool]]:
    """The rows :func:`_stats` counts for one page: ``(name, unit, survived)``.

    A line without brackets is one unit, judged as :func:`_survival` judges it. A content
    line with glued furniture bracketed ``⟦…⟧`` is its content part — one content unit,
    kept when it stays whole (whether or not the spans went), lost when any part of it is
    cut or the line goes — and one furniture unit of kind :data:`GLUED_KIND` per span:
    removed when the span went, missed when it was left in.

    >>> lab = [_parse_label_line(x) for x in ("C| Un teaser…⟦ Lire la suite⟧", "B:nav| Menu")]
    >>> for _, unit, survived in unit_rows("p", lab, "Un teaser…"):
    ...     print(unit.label, repr(unit.text), survived)
    C 'Un teaser… Lire la suite' True
    glued ' Lire la suite' False
    nav 'Menu' False
    >>> [(u.label, s) for _, u, s in unit_rows("p", lab, "Un teaser… Lire la suite\\nMenu")]
    [('C', True), ('glued', True), ('nav', True)]
    """
    survived, spans_left = _judge(labelled, output, document, removed)
    rows: list[tuple[str, Labelled, bool]] = []
    for i, (lb, s) in enumerate(zip(labelled, survived, strict=True)):
        rows.append((name, lb, s))
        # a line with nothing to compare (only spaces) was not judged: its spans go with it
        flags = spans_left.get(i, [s] * len(lb.glued))
        for span, left in zip(lb.glued, flags, strict=True) if lb.content else ():
            rows.append((name, Labelled(GLUED_KIND, span, line=lb.line), left))
    return rows


def _clean(doc: str, is_html: bool) -> str:
    return _clean_traced(doc, is_html)[0]


def _clean_traced(doc: str, is_html: bool) -> tuple[str, list[bool] | None]:
    """cleannews's output and, for plain text, which document lines its changes deleted."""
    import cleannews

    cfg = cleannews.CleanConfig(score_spin=False, quarantine=False)
    d = cleannews.clean_html(doc, cfg) if is_html else cleannews.clean(doc, cfg)
    return d.text, None if is_html else removed_lines(doc, d.changes)


_WORD = regex.compile(r"\w+")


def _justext_stoplist(justext: Any, doc: str) -> frozenset[str]:
    """jusText's stoplist for the document's language (fr, en, de, es, it), as a user would pick.

    The language is the one whose stoplist covers more of the document's words, so
    English pages are not judged with French stopwords.
    """
    words = [w.lower() for w in _WORD.findall(doc)]
    # each get_stoplist call reads and parses the stoplist file: once per language, not per word
    stoplists = {
        lang: justext.get_stoplist(lang)
        for lang in ("French", "English", "German", "Spanish", "Italian")
    }
    best = max(stoplists, key=lambda lang: sum(w in stoplists[lang] for w in words))
    return stoplists[best]


def _justext_clean(doc: str, is_html: bool) -> str:
    try:
        import justext
    except ImportError:
        raise SystemExit(
            "jusText is not installed: pip install 'cleannews[test]' (or pip install justext "
            "lxml_html_clean) to compare with it"
        ) from None
    import html as htmlmod

    if not is_html:
        doc = "<html><body>" + "".join(
            f"<p>{htmlmod.escape(x)}</p>" for x in doc.split("\n") if x.strip()
        ) + "</body></html>"
    if not doc.strip():
        return ""
    try:
        paras = justext.justext(doc.encode("utf-8"), _justext_stoplist(justext, doc))
    except Exception:  # jusText raises on some odd pages: count it as removing nothing
        return doc
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def _justext_traced(doc: str, is_html: bool) -> tuple[str, None]:
    """jusText's output; it leaves no trace of which line it dropped (text alignment only)."""
    return _justext_clean(doc, is_html), None


def _stats(rows: list[tuple[str, Labelled, bool]]) -> dict:
    """rows: (file, labelled line, survived). Removal P/R over non-whitespace lines."""
    tp = fp = fn = 0
    n_content = n_bad = 0
    dropped = []
    ws_total = ws_removed = 0
    per_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f, lb, surv in rows:
        if lb.whitespace:
            ws_total += 1
            ws_removed += not surv
            continue
        if lb.content:
            n_content += 1
            if not surv:
                fp += 1
                dropped.append({"file": f, "line": lb.text[:200]})
        else:
            n_bad += 1
            per_cat[lb.label][1] += 1
            if surv:
                fn += 1
            else:
                tp += 1
                per_cat[lb.label][0] += 1
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "removal_f1": round(f1, 4),
        "content_kept_share": round(1 - fp / n_content, 4) if n_content else 1.0,
        "boilerplate_lines": n_bad,
        "content_lines": n_content,
        "removed_boilerplate": tp,
        "removal_precision": round(prec, 4),
        "removal_recall": round(rec, 4),
        "content_dropped": fp,
        "content_dropped_share": round(fp / n_content, 4) if n_content else 0.0,
        "dropped_content_lines": dropped,
        "missed_boilerplate": fn,
        "whitespace_lines": ws_total,
        "whitespace_removed": ws_removed,
        "per_category_recall": {
            c: {"removed": v[0], "total": v[1], "recall": round(v[0] / v[1], 3)}
            for c, v in sorted(per_cat.items())
        },
    }


def evaluate(fixtures: Path, with_justext: bool = False) -> dict:
    """Evaluate on every fixture of ``fixtures``; returns the figures as a dict."""
    if not fixtures.is_dir():
        raise FileNotFoundError(
            f"fixtures folder {fixtures} not found: run from the repository root or pass --fixtures"
        )
    files = sorted(p for p in fixtures.iterdir() if p.suffix in (".txt", ".html"))
    engines = {"cleannews": _clean_traced}
    if with_justext:
        engines["justext"] = _justext_traced
    result: dict = {"fixtures": len(files)}
    missed: list[dict] = []
    for name, fn in engines.items():
        rows: dict[str, list] = {"seeds": [], "others": []}
        for p in files:
            if p.name == "README.md" or p.name.endswith(".labels"):
                continue
            doc, labelled, is_html = read_fixture(p)
            # uniqueness of a line is judged on the labelled text (the visible text for HTML)
            visible = "\n".join(lb.text for lb in labelled)
            out, trace = fn(doc, is_html)
            units = unit_rows(p.name, labelled, out, visible, trace)
            group = "seeds" if p.name.startswith("seed_") else "others"
            rows[group].extend(units)
            if name == "cleannews":
                missed.extend(
                    {"file": p.name, "category": lb.label, "line": lb.text[:120]}
                    for _, lb, s in units
                    if s and not lb.content and not lb.whitespace
                )
        result[name] = {
            "seeds": _stats(rows["seeds"]),
            "others": _stats(rows["others"]),
            "all": _stats(rows["seeds"] + rows["others"]),
        }
    result["cleannews"]["missed_boilerplate_lines"] = missed
    return result


#: Share of registered domains (in tenths) on the held-out side of the real-page corpus:
#: the first 8 hex digits of the domain's SHA-256, modulo 10, below this number
#: (``tools/strip_corpus/common.is_test_site``, which froze ``split.json``).
HELD_OUT_TENTHS = 3

#: The splits :func:`read_corpus` returns when none are named: TRAIN and the first frozen
#: TEST list. The later held-out lists (``test2`` to ``test5``) and pages of held-out
#: sites in no frozen list (``held``) are read only when asked for by name, so that no
#: development code path (regression pins, benchmarks, model training) runs over them by
#: accident.
DEFAULT_SPLITS = ("train", "test")
SPLITS = ("train", "test", "test2", "test3", "test4", "test5", "held")
#: The frozen held-out lists of ``split.json``, in the order they were frozen (``<name>_ids``,
#: ``<name>_sites``).
HELD_OUT_LISTS = ("test", "test2", "test3", "test4", "test5")


def held_out_site(site: str) -> bool:
    """Whether a registered domain falls on the held-out side of the corpus split.

    >>> held_out_site("20minutes.fr"), held_out_site("sofoot.com")
    (True, False)
    """
    import hashlib

    return int(hashlib.sha256(site.encode("utf-8")).hexdigest()[:8], 16) % 10 < HELD_OUT_TENTHS


def corpus_split(rec: dict, split: dict) -> str:
    """The split of one manifest record, given ``split.json`` (as a dict).

    ``"test"``, ``"test2"``, ``"test3"``, ``"test4"`` and ``"test5"`` are the frozen id lists
    (:data:`HELD_OUT_LISTS`);
    a page of a held-out site (listed in a frozen list's sites, or hashing to the held-out
    side) that is in no list is ``"held"`` (in no split); every other page is ``"train"``.

    >>> s = {"test_ids": ["fr-a-0001"], "test_sites": ["20minutes.fr"], "test2_ids": []}
    >>> corpus_split({"id": "fr-a-0001", "site": "20minutes.fr"}, s)
    'test'
    >>> corpus_split({"id": "fr-z-0009", "site": "20minutes.fr"}, s)
    'held'
    >>> corpus_split({"id": "fr-b-0001", "site": "sofoot.com"}, s)
    'train'
    >>> s3 = dict(s, test3_ids=["fr-t3-0001"], test3_sites=["maximini.com"])
    >>> corpus_split({"id": "fr-t3-0001", "site": "maximini.com"}, s3)
    'test3'
    >>> s4 = dict(s3, test4_ids=["fr-t4-0001"], test4_sites=["lemessager.fr"])
    >>> corpus_split({"id": "fr-t4-0001", "site": "lemessager.fr"}, s4)
    'test4'
    >>> corpus_split({"id": "fr-t4-0001", "site": "lemessager.fr"}, s3)  # before the freeze
    'held'
    >>> s5 = dict(s4, test5_ids=["fr-t5-0001"], test5_sites=["happyoise.fr"])
    >>> corpus_split({"id": "fr-t5-0001", "site": "happyoise.fr"}, s5)
    'test5'
    """
    for name in HELD_OUT_LISTS:
        if rec["id"] in split.get(f"{name}_ids", ()):
            return name
    held_sites = {site for name in HELD_OUT_LISTS for site in split.get(f"{name}_sites", ())}
    if rec["site"] in held_sites or held_out_site(rec["site"]):
        return "held"
    return "train"


#: The file of a real-page corpus that names its unscored batches (beside ``split.json``):
#: ``{"batches": ["fr-r32", …]}``. A round's *transfer check*: fresh TRAIN batches nobody
#: cleans, scores or tunes on until the lead has scored them once at the end of the round;
#: then the lead empties the list (docs/strip.md, "Reproducing the figures").
UNSCORED_FILE = "unscored.json"


def page_batch(page_id: str) -> str:
    """The batch of a corpus page id: the id without its page number.

    >>> page_batch("fr-r32-0007"), page_batch("fr-a-0001")
    ('fr-r32', 'fr-a')
    """
    return page_id.rsplit("-", 1)[0]


def unscored_batches(root: Path) -> frozenset[str]:
    """The batches the corpus at ``root`` names in :data:`UNSCORED_FILE` (none without it).

    >>> unscored_batches(Path("no-such-corpus"))
    frozenset()
    """
    path = Path(root) / UNSCORED_FILE
    if not path.exists():
        return frozenset()
    return frozenset(json.loads(path.read_text("utf-8"))["batches"])


def read_corpus(
    root: Path, splits: tuple[str, ...] | None = DEFAULT_SPLITS, *, unscored: bool = False
) -> list[tuple[dict, str, list[Labelled]]]:
    """(manifest record, document, labelled lines) of the pages of a real-page corpus.

    The record gains ``split`` (:func:`corpus_split`: ``"train"``, ``"test"``, ``"test2"``,
    ``"test3"``, ``"test4"`` or ``"held"``). Only pages of ``splits`` are read (default
    :data:`DEFAULT_SPLITS`, TRAIN and the first TEST list; ``None`` reads every page). A corpus
    without ``split.json`` is all TRAIN. The pages of the batches of
    :func:`unscored_batches` are not read (their files are not opened) unless ``unscored``:
    the lead's scoring of a transfer check (``tools/strip_corpus/score_batches.py``) and the
    checks that count them without cleaning them ask for them by name.

    >>> pages = read_corpus(Path("fixtures/strip_real"))  # doctest: +SKIP
    >>> {rec["split"] for rec, _, _ in pages}  # doctest: +SKIP
    {'train', 'test'}
    """
    split_path = root / "split.json"
    split: dict = {}
    if split_path.exists():
        split = json.loads(split_path.read_text("utf-8"))
    skip = frozenset() if unscored else unscored_batches(root)
    pages = []
    for mf in sorted((root / "manifests").glob("*.jsonl")):
        for line in mf.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            if skip and page_batch(rec["id"]) in skip:
                continue  # a transfer check nobody reads before the lead has scored it
            rec["split"] = corpus_split(rec, split) if split else "train"
            if splits is not None and rec["split"] not in splits:
                continue
            doc, labelled, _ = read_fixture(root / "pages" / rec["lang"] / f"{rec['id']}.txt")
            pages.append((rec, doc, labelled))
    return pages


#: Recombined pages leave out furniture lines longer than this (long ones are whole
#: paragraphs of paywall / cookie text, not the point of the recombination).
FURNITURE_MAX_CHARS = 200


def recombine(
    articles: list[list[str]], furniture: list[str], n: int, seed: int
) -> list[tuple[str, list[Labelled]]]:
    """``n`` pages: an article's content lines (``C``) with runs of 1-4 furniture lines
    (label ``"furniture"``) spliced in before, between some paragraphs and after it, drawn
    by a ``random.Random(seed)`` (the same pages every run); lines joined by one separator
    per page, ``\\n`` or ``\\n\\n``.

    >>> pages = recombine([["Titre", "Texte."]], ["Partager", "Menu"], 2, seed=1)
    >>> [lb.text for lb in pages[0][1] if lb.content], pages[0][1][0].label
    (['Titre', 'Texte.'], 'furniture')
    """
    import random

    rng = random.Random(seed)
    pages = []
    for _ in range(n):
        art = rng.choice(articles)
        labelled: list[Labelled] = []
        # furniture before, between some paragraphs, after
        slots = {0, len(art)} | {k for k in range(1, len(art)) if rng.random() < 0.3}
        for k in range(len(art) + 1):
            if k in slots:
                for _ in range(rng.randint(1, 4)):
                    labelled.append(Labelled("furniture", rng.choice(furniture)))
            if k < len(art):
                labelled.append(Labelled("C", art[k]))
        sep = rng.choice(["\n", "\n\n"])
        pages.append((sep.join(lb.text for lb in labelled), labelled))
    return pages


def recombined_pages(
    fixtures: Path, n: int, seed: int, batches: frozenset[str] | None = None
) -> list[tuple[str, list[Labelled]]]:
    """:func:`recombine` with real data: the content lines of the 0.1.0 plain-text fixtures
    (``fixtures/strip/*.txt`` with 3 or more such lines, in order) as articles, and the
    boilerplate lines of the real-page corpus's TRAIN split only (``fixtures/strip_real``, at
    most :data:`FURNITURE_MAX_CHARS` long) as furniture. Used by
    ``tests/test_strip_recombined.py`` and by the strip model trainers in ``tools/``.
    ``batches`` keeps the furniture of those corpus batches only (``"fr-a"`` for the pages
    ``fr-a-NNNN``), so that a test can keep drawing the same pages when pages are added.

    >>> pages = recombined_pages(Path("fixtures"), 120, 20261201)  # doctest: +SKIP
    """
    articles = []
    for p in sorted((fixtures / "strip").glob("*.txt")):
        _, labelled, _ = read_fixture(p)
        lines = [lb.text for lb in labelled if lb.content and not lb.glued and lb.text.strip()]
        if len(lines) >= 3:
            articles.append(lines)
    furniture = []
    for rec, _, labelled in read_corpus(fixtures / "strip_real"):
        if rec["split"] != "train":
            continue
        if batches is not None and page_batch(rec["id"]) not in batches:
            continue
        furniture += [
            lb.text for lb in labelled
            if not lb.content and lb.text.strip() and len(lb.text) <= FURNITURE_MAX_CHARS
        ]
    return recombine(articles, furniture, n, seed)


def evaluate_corpus(root: Path, with_justext: bool = False, split: str | None = None) -> dict:
    """Evaluate on a real-page corpus; figures per split, language and kind.

    ``split`` restricts to ``"train"``, ``"test"`` (the first frozen held-out list),
    ``"test2"`` (the second), ``"test3"`` (the third), ``"test4"`` (the fourth) or ``"test5"``
    (the fifth); without it, TRAIN and TEST together (never a later list).
    """
    if not (root / "manifests").is_dir():
        raise FileNotFoundError(f"corpus folder {root} has no manifests/: pass --corpus DIR")
    if split is not None and split not in ("train", *HELD_OUT_LISTS):
        raise ValueError(f"unknown split {split!r}: train, {', '.join(HELD_OUT_LISTS)}")
    pages = read_corpus(root, DEFAULT_SPLITS if split is None else (split,))
    engines = {"cleannews": _clean_traced}
    if with_justext:
        engines["justext"] = _justext_traced
    result: dict = {"pages": len(pages), "sites": len({p[0]["site"] for p in pages})}
    for name, fn in engines.items():
        groups: dict[str, list] = defaultdict(list)
        missed: list[dict] = []
        for rec, doc, labelled in pages:
            visible = "\n".join(lb.text for lb in labelled)
            out, trace = fn(doc, False)
            rows = unit_rows(rec["id"], labelled, out, visible, trace)
            for key in ("all", rec["split"], f"{rec['split']}/{rec['lang']}"):
                groups[key].extend(rows)
            missed.extend(
                {"file": rec["id"], "category": lb.label, "line": lb.text[:120]}
                for _, lb, s in rows
                if s and not lb.content and not lb.whitespace
            )
        result[name] = {k: _stats(v) for k, v in sorted(groups.items())}
        result[name]["missed_boilerplate_lines"] = missed
    return result


def _print_corpus(result: dict, lines: bool = False) -> None:
    print(f"{result['pages']} pages from {result['sites']} sites")
    for engine in ("cleannews", "justext"):
        if engine not in result:
            continue
        print(f"== {engine}")
        for group, s in result[engine].items():
            if group == "missed_boilerplate_lines":
                continue
            print(
                f"  {group:9s}: removal P {s['removal_precision']:.3f}  "
                f"R {s['removal_recall']:.3f}  "
                f"F1 {s['removal_f1']:.3f}  ({s['removed_boilerplate']}/{s['boilerplate_lines']})  "
                f"content kept {100 * s['content_kept_share']:.2f} % "
                f"({s['content_dropped']}/{s['content_lines']} dropped)"
            )
        for group in ("test", "train"):
            if group in result[engine]:
                cats = ", ".join(
                    f"{c} {v['removed']}/{v['total']}"
                    for c, v in result[engine][group]["per_category_recall"].items()
                )
                print(f"  per kind ({group}): {cats}")
        if lines:
            for s in (v for k, v in result[engine].items() if k in ("train", "test")):
                for d in s["dropped_content_lines"]:
                    print(f"  DROPPED CONTENT [{d['file']}] {d['line'][:110]}")
            for m in result[engine]["missed_boilerplate_lines"]:
                print(f"  missed [{m['file']}] {m['category']}: {m['line'][:100]}")


def _print(result: dict) -> None:
    for engine in ("cleannews", "justext"):
        if engine not in result:
            continue
        print(f"== {engine}")
        for group in ("seeds", "others", "all"):
            s = result[engine][group]
            print(
                f"  {group:6s}: removal precision {s['removal_precision']:.3f}  "
                f"recall {s['removal_recall']:.3f}  "
                f"({s['removed_boilerplate']}/{s['boilerplate_lines']} boilerplate lines)  "
                f"content dropped {s['content_dropped']}/{s['content_lines']} "
                f"({100 * s['content_dropped_share']:.2f} %)  "
                f"whitespace lines removed {s['whitespace_removed']}/{s['whitespace_lines']}"
            )
        s = result[engine]["all"]
        for group in ("seeds", "others"):
            cats = ", ".join(
                f"{c} {v['removed']}/{v['total']}"
                for c, v in result[engine][group]["per_category_recall"].items()
            )
            print(f"  per category ({group}): {cats}")
        for d in s["dropped_content_lines"]:
            print(f"  DROPPED CONTENT [{d['file']}] {d['line'][:110]}")
    for m in result["cleannews"]["missed_boilerplate_lines"]:
        print(f"  missed [{m['file']}] {m['category']}: {m['line'][:100]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m cleannews.evaluate", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--fixtures", type=Path, default=Path("fixtures/strip"))
    ap.add_argument(
        "--corpus", type=Path, help="a real-page corpus folder (e.g. fixtures/strip_real) instead"
    )
    ap.add_argument(
        "--split",
        choices=["train", *HELD_OUT_LISTS],
        help="with --corpus: one split only (test2, test3, test4, test5: the second to fifth "
        "frozen held-out lists)",
    )
    ap.add_argument("--justext", action="store_true", help="also run jusText on the same fixtures")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument(
        "--lines",
        action="store_true",
        help="with --corpus: also list every dropped content line and missed boilerplate line",
    )
    args = ap.parse_args(argv)
    try:
        if args.corpus:
            result = evaluate_corpus(args.corpus, args.justext, args.split)
        else:
            result = evaluate(args.fixtures, args.justext)
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    elif args.corpus:
        _print_corpus(result, args.lines)
    else:
        _print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
