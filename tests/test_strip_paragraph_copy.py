"""A prose line the page template printed twice in a row: the second copy goes (strip14).

A lede printed as the page's description and again as its first paragraph, a teaser's long
headline printed as its link and as its title, a photo's alt text and its caption: 15 TRAIN
pages print such a line twice, the labels call the second copy ``title_repeat``, ``other`` or
``caption``, and the strip stage left both (``_teaser_copies`` takes short, unclassified
headlines only). ``_paragraph_copies`` (rule ``paragraph_copy``) removes the second copy of a
line of class GOOD printed exactly twice on a page with other prose, after the models
(:func:`detectors.after_models`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleannews
from _helpers import changes_by, seed_lines
from cleannews.strip import strip_text

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)

#: (TRAIN page, first words of a line it prints twice in a row: the second copy is furniture).
COPIES = [
    ("fr-g-0006", "Deux présidents, deux visions, une collectivité en crise."),  # a lede
    ("fr-a-0188", "Hélène a tué Zélia, sa petite fille"),
    ("es-c-0008", "La provincia de Málaga es donde más aumentó"),
    ("es-m-0025", "Detienen a un sospechoso de provocar los últimos incendios"),  # teaser title
    ("fr-b-0117", "Ce film culte depuis 53 ans reviendra au cinéma"),
    ("fr-f-0013", "Quel impact l'autodestruction de Banksy"),
]
#: A photo's alt text and its caption, both labelled ``caption``: the second copy goes, the
#: first stays (still furniture left in).
CAPTION_COPY = ("fr-e-0045", "Le vote historique du duo Lemaignen-Carré")


@pytest.mark.parametrize(("page_id", "start"), COPIES)
def test_second_copy_goes_first_stays(page_out, page_id, start):
    """Judged as ``cleannews.evaluate`` judges the page: the first copy survives, the second
    (furniture) is gone."""
    got = {t: v for t, v in page_out(page_id).items() if t.replace("’", "'").startswith(
        start.replace("’", "'"))}
    pairs = sorted(p for v in got.values() for p in v)
    assert pairs == [(False, False), (True, True)], got


def test_caption_copy(page_out):
    page_id, start = CAPTION_COPY
    got = {t: v for t, v in page_out(page_id).items() if t.startswith(start)}
    assert sorted(p for v in got.values() for p in v) == [(False, False), (False, True)], got


#: TRAIN pages that are one lede printed twice and nothing else of prose: the rule leaves them
#: (PARAGRAPH_COPY_MIN_TEXTS; a document of one paragraph sent twice is the text itself).
ALONE = [
    ("fr-a-0022", "FRANCFORT – Constatant que l'inflation de la zone euro"),
    ("fr-d-0040", "Dans ses vœux de Nouvel An, le ministre de la Santé"),
]


@pytest.mark.parametrize(("page_id", "start"), ALONE)
def test_page_of_one_paragraph_twice_keeps_both(page_out, page_id, start):
    got = {t: v for t, v in page_out(page_id).items() if t.startswith(start)}
    assert sorted(p for v in got.values() for p in v) == [(False, True), (True, True)], got


@pytest.mark.parametrize(("page_id", "start"), COPIES[:3])
def test_the_change_names_its_rule(train_page, page_id, start):
    doc, _ = train_page(page_id)
    d = cleannews.clean(doc, CFG)
    hits = [c for c in d.changes if c.rule == "paragraph_copy"]
    assert any(c.before.strip().startswith(start) for c in hits), [c.rule for c in d.changes]
    assert all(c.reason == "a paragraph printed twice in a row (the template's copy)"
               for c in hits)
    assert cleannews.clean(d.text, CFG).text == d.text  # idempotent: the first copy stays


def test_no_other_train_content_taken(strip_real_docs):
    """On every TRAIN page printing a long line twice, the rule takes no content line but one
    page's: it-m-0021, a tag page printing each teaser's headline twice whose labels call both
    copies content (the guideline labels a feed's second copy ``title_repeat``; the page's
    first pair lost its copy to ``title_repeat`` before this rule)."""
    taken = []
    for pid, (rec, doc, labelled) in sorted(strip_real_docs.items()):
        if rec["split"] != "train":
            continue
        texts = [x.strip().casefold() for x in doc.split("\n") if len(x.split()) >= 5]
        if len(set(texts)) == len(texts):
            continue  # no line of 5+ words printed twice: the rule takes nothing
        content = {lb.text.strip() for lb in labelled if lb.content}
        boiler = {lb.text.strip() for lb in labelled if not lb.content}
        for c in cleannews.clean(doc, CFG).changes:
            t = c.before.strip()
            if c.rule == "paragraph_copy" and t in content and t not in boiler:
                taken.append((pid, t[:60]))
    assert taken == [("it-m-0021", "Napoli, Gattuso potrebbe essere l’arma per arrivare a Tonali")]


def test_seed_lede_printed_twice():
    """A seed article whose lede the template printed twice: the copy goes, every other line
    of the article stays (without the rule both copies stayed)."""
    lines = seed_lines()[:8]
    lede = lines[1]
    text = "\n\n".join([lines[0], lede, lede, *lines[2:]]) + "\n"
    out = strip_text(text, CFG)
    assert changes_by(out, {"paragraph_copy"}) == [("paragraph_copy", lede[:80])]
    kept = [x.strip() for x in out.text.split("\n") if x.strip()]
    assert kept == [lines[0], lede, *lines[2:]]


def test_seeds_untouched():
    """The seed articles as they are (no line printed twice): the rule takes nothing."""
    lines = seed_lines()
    for k in range(0, len(lines), 20):
        text = "\n\n".join(lines[k : k + 20]) + "\n"
        assert changes_by(strip_text(text, CFG), {"paragraph_copy"}) == []


def test_short_lines_and_standing_neighbours_stay():
    """A line-up's "Trainer" printed twice, an interview's "Oui." twice, a paragraph printed
    twice with another paragraph between the copies, a paragraph printed three times in a
    row, and a document of one paragraph printed twice keep every copy."""
    seed = seed_lines()
    text = "\n".join(["Trainer", "Trainer", "Oui.", "Oui.", seed[3], seed[4], seed[3]]) + "\n"
    assert changes_by(strip_text(text, CFG), {"paragraph_copy"}) == []
    text = "\n\n".join([seed[0], seed[1], seed[1], seed[1], seed[2]]) + "\n"
    assert changes_by(strip_text(text, CFG), {"paragraph_copy"}) == []
    assert changes_by(strip_text(f"{seed[1]}\n{seed[1]}\n", CFG), {"paragraph_copy"}) == []


#: The UD French sentences (``../shared/corpora/fr-ud``, as ``conftest.UD_FR``).
UD_FR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "fr-ud"


def ud_copies_taken(folder: Path) -> tuple[int, list[str]]:
    """(sentences, those ``paragraph_copy`` takes) of the UD French files stripped as
    documents of 200 sentences, one a line, in file order."""
    n, hits = 0, []
    for f in sorted(folder.glob("*.txt")):
        rows = [r.partition("\t")[2].strip() for r in f.read_text("utf-8").splitlines()]
        rows = [r for r in rows if r]
        n += len(rows)
        for k in range(0, len(rows), 200):
            out = strip_text("\n".join(rows[k : k + 200]) + "\n", CFG)
            hits += [t for _, t in changes_by(out, {"paragraph_copy"})]
    return n, hits


def test_ud_sentences_untouched():
    """No UD French sentence is taken: the treebanks never print a sentence twice in a row."""
    if not UD_FR.is_dir():
        pytest.skip("UD French sentences not at ../shared/corpora/fr-ud")
    n, hits = ud_copies_taken(UD_FR)
    assert n > 4000 and hits == []
