"""Review of round 33's last merges (issue 10, round 33): docs/strip-history.md, "Review of
round 33's last merges (issue 10, round 33)".

ux43 made ``run`` clean an HTML page whose text holds NUL characters (removed, not refused),
but the ``--find-copies`` pass still leaves such a page out (``batch/copies.learn_copies``
calls ``text_problem`` without ``html``): a page and its copy with a NUL are not linked. The
test below is a strict expected failure that records the gap: it passes (and so fails as an
XPASS) once the copy pass reads a page's NULs as the run does.
"""

from __future__ import annotations

import json

import pytest

ARTICLE = (
    "Le conseil municipal de Lunéville a voté mardi soir le budget de la commune pour l'année "
    "prochaine, après un long débat sur les investissements dans les écoles, la voirie et la "
    "rénovation de la piscine municipale, fermée depuis le printemps pour des travaux urgents."
)


def _page(article: str) -> str:
    return (f"<!DOCTYPE html><html><head><title>Lunéville</title></head><body><article>"
            f"<p>{article}</p><p>{article}</p></article></body></html>")


def _roles(second: str) -> dict[str, str]:
    from cleannews.batch.copies import learn_copies
    from cleannews.batch.sources import Item

    records = [("a", _page(ARTICLE)), ("b", second)]
    items = [Item(k, "in.jsonl", "jsonl", json.dumps({"id": i, "text": t}).encode(), k + 1)
             for k, (i, t) in enumerate(records)]
    return {k: v["role"] for k, v in learn_copies(items, "text", "id", min_words=10)
            ["by_seq"].items()}


def test_a_page_and_its_copy_are_linked():
    pytest.importorskip("numpy")
    roles = _roles(_page(ARTICLE))
    assert roles.get("0") == "original" and roles.get("1") == "duplicate"


def test_a_copy_whose_text_holds_a_nul_is_linked_as_the_run_cleans_it():
    """Fails on main before the lead's mend: the copy pass refused a page's NULs (its text
    checked by ``text_problem`` without ``html``), which the run removes since round 33."""
    pytest.importorskip("numpy")
    roles = _roles(_page(ARTICLE.replace("mardi soir", "mardi\x00 soir")))
    assert roles.get("0") == "original" and roles.get("1") == "duplicate"
