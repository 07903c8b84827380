"""No article line is lost when real furniture is shuffled around it.

Articles: the content lines (``C``) of the 0.1.0 fixtures, in their order —
headlines, subheadings, bullet lists, results, recipe steps, interview lines.
Furniture: boilerplate lines (``B:<kind>``) of the real-page corpus's TRAIN
split only (the test split stays unseen). Each generated page splices runs of
1-4 furniture lines, drawn at random, before, inside and after the article
(a seeded random generator: the same pages every run). The strip stage must
keep every content line; removing furniture is measured elsewhere.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import cleannews
from cleannews.evaluate import Labelled, _survival, read_corpus, read_fixture

ROOT = Path(__file__).parent.parent
PAGES = 120
SEED = 20261201
#: Furniture lines longer than this are left out (long ones are whole paragraphs of
#: paywall / cookie text that are not the point here).
FURNITURE_MAX_CHARS = 200


def _articles() -> list[list[str]]:
    out = []
    for p in sorted((ROOT / "fixtures" / "strip").glob("*.txt")):
        _, labelled, _ = read_fixture(p)
        lines = [lb.text for lb in labelled if lb.content and not lb.glued and lb.text.strip()]
        if len(lines) >= 3:
            out.append(lines)
    return out


def _furniture() -> list[str]:
    lines = []
    for rec, _, labelled in read_corpus(ROOT / "fixtures" / "strip_real"):
        if rec["split"] != "train":
            continue
        lines += [
            lb.text for lb in labelled
            if not lb.content and lb.text.strip() and len(lb.text) <= FURNITURE_MAX_CHARS
        ]
    return lines


def recombined_pages(n: int = PAGES, seed: int = SEED) -> list[tuple[str, list[Labelled]]]:
    """``n`` pages: an article's content lines with train-split furniture runs spliced in."""
    rng = random.Random(seed)
    articles, furniture = _articles(), _furniture()
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


@pytest.fixture(scope="module")
def pages():
    return recombined_pages()


def test_generator_really_mixes(pages):
    assert len(pages) == PAGES
    n_c = sum(lb.content for _, lab in pages for lb in lab)
    n_b = sum(not lb.content for _, lab in pages for lb in lab)
    assert n_c > 1000 and n_b > 400


def test_no_content_line_lost_among_real_furniture(pages):
    cfg = cleannews.CleanConfig(score_spin=False, quarantine=False)
    lost = []
    for doc, labelled in pages:
        out = cleannews.clean(doc, cfg).text
        visible = "\n".join(lb.text for lb in labelled)
        for lb, ok in zip(labelled, _survival(labelled, out, visible), strict=True):
            if lb.content and not ok:
                lost.append(lb.text[:90])
    assert not lost, f"{len(lost)} content lines lost, e.g. {lost[:8]}"
