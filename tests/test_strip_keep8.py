"""Content protection, eighth round (issue 10, point 4, branch strip-keep8): article lines
that a position rule or a model took when another site's furniture stood next to them, and
the guards' look-alike furniture, which still goes.

Every line is a real labelled line of a TRAIN page of ``fixtures/strip_real`` (the helper
checks the split and the label; no test-split page is read) or of a 0.1.0 fixture; the
cases come from the stress set (``tools/strip_model/stress.py``, development data).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _helpers import kept_lines, removed_by, train_doc, train_pages
from cleannews import CleanConfig
from cleannews.evaluate import page_batch, read_fixture
from cleannews.strip import strip_text
from cleannews.strip.detectors import GLUED_LINK_LEAD

ROOT = Path(__file__).parent.parent
CFG = CleanConfig(score_spin=False)
PAYWALL_PAGE = "fr-a-0049"


@pytest.fixture(scope="module")
def line(strip_real_pages):
    """``line(page_id, start, content)``: the labelled line of a TRAIN page starting with
    ``start`` and carrying the label asked (content or furniture)."""

    def get(page_id: str, start: str, content: bool) -> str:
        rec, labelled = strip_real_pages[page_id]
        assert rec["split"] == "train", page_id  # never a held-out page
        for lb in labelled:
            if lb.text.strip().startswith(start) and lb.content == content:
                return lb.text.strip()
        raise AssertionError(f"{page_id}: no {'content' if content else 'furniture'} {start!r}")

    return get


def _content(strip_real_pages, page_id: str) -> list[str]:
    rec, labelled = strip_real_pages[page_id]
    assert rec["split"] == "train", page_id
    return [lb.text.strip() for lb in labelled if lb.content and lb.text.strip()]


# --- give_back_topical ------------------------------------------------------------------


def test_train_page_headline_under_read_more_stays(strip_real_pages):
    """en-d-0007 (TRAIN): a "Read More" heading right above the next story's headline took
    it as its teaser; the body below speaks of Fredette, college and basketball: it stays.
    Both "Read More" headings still go."""
    rec, _ = strip_real_pages["en-d-0007"]
    assert rec["split"] == "train"
    doc, _ = train_doc("en-d-0007")
    rules = removed_by(doc, CFG)
    kept = kept_lines(doc, CFG)
    assert any(x.startswith("USA’s Jimmer Fredette") for x in kept), rules
    assert sum(1 for x in kept if x == "Read More") == 0


def test_headline_under_another_sites_read_more_stays(line, strip_real_pages):
    """en-m-0023's article (TRAIN content: headline, byline, outlet, body) under en-d-0007's
    "Read More" heading (TRAIN furniture): the heading took the headline as its teaser
    (stress page en-m-0023); the body speaks of the Bank of England, rates and inflation:
    the headline stays, the heading goes."""
    read_more = line("en-d-0007", "Read More", False)
    content = _content(strip_real_pages, "en-m-0023")
    head = line("en-m-0023", "Bank of England holds interest rates", True)
    assert content[0] == head
    rules = removed_by("\n".join([read_more, *content[:8]]) + "\n", CFG)
    assert head not in rules, rules
    assert rules.get(read_more, "").startswith("related_lead"), rules


def test_tail_teasers_sharing_a_word_still_go(strip_real_pages):
    """The look-alike: en-m-0015's teasers under the article (TRAIN furniture; one shares
    "police" with the body) stand after the last paragraph: they still go."""
    doc, labelled = train_doc("en-m-0015")
    assert strip_real_pages["en-m-0015"][0]["split"] == "train"
    kept = set(kept_lines(doc, CFG))
    teasers = [lb.text.strip() for lb in labelled if lb.label == "related"]
    assert teasers and not kept & set(teasers)


def test_section_menu_naming_the_topic_still_goes():
    """The look-alike: "Rugby amateur" in fixture 030's section menu shares both its words
    with the rugby story; a menu run is left to its rule (TOPICAL_SKIP_RULES). Since branch
    strip15 the run "Accueil / Sports / Rugby / Rugby amateur" over the headline is taken as a
    breadcrumb printed one crumb per line (``home_crumb_alone``): it still goes."""
    doc, _, _ = read_fixture(ROOT / "fixtures/strip/030_fr_rugby_tag_ecoles.txt")
    assert removed_by(doc, CFG).get("Rugby amateur") in ("menu_run", "home_crumb_alone")


# --- give_back_announced_list ------------------------------------------------------------


def test_prize_list_announced_by_the_article_stays(line, strip_real_pages):
    """fr-b-0139 (TRAIN): the palmarès under "… décerné par le président Pedro Almodovar et
    par son jury :" went as teasers when furniture of other sites stood in it (stress page
    fr-b-0139): the list the article announces stays; the furniture still goes."""
    content = _content(strip_real_pages, "fr-b-0139")
    k = next(i for i, x in enumerate(content) if x.startswith("Voici le palmarès"))
    intro, prizes = content[k], content[k + 1 : k + 12]
    assert prizes[0].startswith("Palme d'or") and prizes[-1].startswith("Caméra d'or")
    body = [x for x in content[:k] if len(x.split()) >= 15][:2]
    image = line("fr-d-0028", "titrologue-a-yaounde.jpg", False)
    read_more = line("fr-a-0107", "Read More", False)
    comment = line("fr-a-0164", "Votre commentaire", False)
    page = [*body, intro, *prizes[:3], image, *prizes[3:7], read_more, *prizes[7:], comment]
    # (with furniture right under the announcement the list has no start: not given back)
    rules = removed_by("\n".join(page) + "\n", CFG)
    assert not [p for p in prizes if p in rules], rules
    assert image in rules and read_more in rules and comment in rules, rules


def test_teasers_under_an_announcing_line_still_go(strip_real_pages):
    """The look-alike: fixture 030's "Sur le même sujet" heading and its teasers, which have
    the "Rubrique : titre" shape of a prize list, under a kept line of the article ending
    with a colon: the line under the announcement is a heading, not an item: they go."""
    content = _content(strip_real_pages, "fr-b-0139")
    intro = next(x for x in content if x.startswith("Voici le palmarès"))
    body = [x for x in content if len(x.split()) >= 15 and x != intro][:2]
    _, labelled, _ = read_fixture(ROOT / "fixtures/strip/030_fr_rugby_tag_ecoles.txt")
    related = [lb.text.strip() for lb in labelled if lb.label == "related"]
    assert related[0] == "Sur le même sujet" and " : " in related[1] and " : " in related[2]
    rules = removed_by("\n".join([*body, intro, *related]) + "\n", CFG)
    assert all(t in rules for t in related), rules


# --- give_back_byline --------------------------------------------------------------------


def test_byline_between_furniture_under_the_headline_stays(line, strip_real_pages):
    """fr-a-0017 (TRAIN): "Élisabeth Fleury" / "Le Soleil" under "Le beau risque de François
    Legault", a paywall line above the headline, another site's menu line above the name
    and a "À voir aussi" heading below (stress page fr-a-0017), went as a short block
    between furniture: the byline stays."""
    head = line("fr-a-0017", "Le beau risque de François Legault", True)
    name = line("fr-a-0017", "Élisabeth Fleury", True)
    outlet = line("fr-a-0017", "Le Soleil", True)
    body = [x for x in _content(strip_real_pages, "fr-a-0017") if len(x.split()) >= 15][:3]
    paywall = line(PAYWALL_PAGE, "Besoin de lire cet article réservé aux abonnés", False)
    menu = line("fr-d-0016", "Ressources numériques en sciences humaines", False)
    related = line("fr-b-0054", "À voir aussi sur Konbini", False)
    rules = removed_by("\n".join([paywall, head, menu, name, outlet, related, *body]) + "\n", CFG)
    assert name not in rules and outlet not in rules, rules
    assert related in rules, rules


def test_read_more_heading_under_the_headline_still_goes(line, strip_real_pages):
    """The look-alike: "Read More" (two capitalised words, TRAIN furniture) under a headline
    is a heading, not a byline: the byline guard undoes no "Read more" heading's rule."""
    head = line("fr-a-0017", "Le beau risque de François Legault", True)
    body = [x for x in _content(strip_real_pages, "fr-a-0017") if len(x.split()) >= 15][:3]
    read_more = line("fr-a-0107", "Read More", False)
    teaser = line("de-m-0025", "Wie Dieter Bohlen", False)
    rules = removed_by("\n".join([head, read_more, teaser, *body]) + "\n", CFG)
    assert read_more in rules, rules


def test_signature_of_a_letter_between_furniture_stays(line, strip_real_pages):
    """it-c-0007 (TRAIN): a reader's letter ("Egregio Direttore, …", "Cordialità.") signed
    "Giorgio Gallivanone", with it-m-0014's "Leggi tutto" under it at the end of the page
    (stress page it-c-0007): a person's name right under the letter's last line stays (main
    keeps it too; with furniture between the letter and the name the context still takes it,
    a known limit: the byline guard found German noun pairs and agency names there)."""
    content = _content(strip_real_pages, "it-c-0007")
    a = content.index("Varese, il degrado denunciato dal lettore")
    b = content.index("Giorgio Gallivanone")
    letter, name = content[a:b], content[b]
    more = line("it-m-0014", "Leggi tutto", False)
    assert letter[-1] == "Cordialità."
    rules = removed_by("\n\n".join([*letter, name, more]) + "\n", CFG)
    assert name not in rules, rules
    assert more in rules, rules


def test_capitalised_furniture_is_no_name(strip_real_pages):
    """The look-alikes: "The Charlatans" (fr-b-0016, TRAIN: a related link) and "La Une
    Tous" (fr-a-0007) start with a stop word: no person's name, the context still takes
    them."""
    from cleannews.strip._keep import _person_name
    from cleannews.strip.detectors import _Line

    doc, _ = train_doc("fr-b-0016")
    assert strip_real_pages["fr-b-0016"][0]["split"] == "train"
    assert removed_by(doc, CFG).get("The Charlatans") == "context"
    names = ("The Charlatans", "La Une Tous", "Giorgio Gallivanone", "Élisabeth Fleury")
    assert [_person_name(_Line(t, frozenset())) for t in names] == [False, False, True, True]


# --- speaker tags of a transcript (detectors._speaker_tags) -------------------------------


def test_interview_speaker_tags_between_furniture_stay(line, strip_real_pages):
    """An interview printed with its speakers on their own lines ("LE SOLEIL." / "PEDRO
    ALMODOVAR.", each three times) above replies (sentences of the labelled seed 002), between
    real furniture of other sites: the repeated-block rule took every tag as a widget label
    (FreDraCor dialogue blocks in TRAIN articles, development: 1,001 of 1,440 speaker lines
    lost); two tags above replies are a transcript's speakers."""
    _, labelled, _ = read_fixture(ROOT / "fixtures/strip/seed_002.txt")
    content = [lb.text.strip() for lb in labelled if lb.content and not lb.glued]
    replies = [x for x in content if x.endswith(".") and len(x.split()) >= 8][:6]
    assert len(replies) == 6
    tags = ["LE SOLEIL.", "PEDRO ALMODOVAR."]
    transcript = [x for k, r in enumerate(replies) for x in (tags[k % 2], r)]
    menu = line("fr-d-0016", "Ressources numériques en sciences humaines", False)
    related = line("fr-b-0054", "À voir aussi sur Konbini", False)
    head = line("fr-a-0017", "Le beau risque de François Legault", True)
    rules = removed_by("\n\n".join([menu, head, *transcript, related]) + "\n", CFG)
    assert not [t for t in tags if t in rules], rules
    assert related in rules, rules


@pytest.mark.parametrize(
    "page_id, label", [("fr-a-0180", "Politique"), ("fr-b-0128", "C'EST DIT !"),
                       ("en-d-0003", "Read More →")],
)
def test_repeated_widget_labels_still_go(strip_real_pages, page_id, label):
    """The look-alikes: a section label, a rubric in capitals, a "Read More →" link repeated
    on real TRAIN pages stand above headlines or other furniture, not above replies of a
    second speaker: the repeated-block rule still takes them."""
    rec, _ = strip_real_pages[page_id]
    assert rec["split"] == "train"
    doc, _ = train_doc(page_id)
    out = strip_text(doc, CFG)
    # (the label glued before a headline is a span cut since round 34: glued_read_more_lead)
    took = [c for c in out.changes if c.before.strip() == label and c.rule != GLUED_LINK_LEAD]
    # "Read More →" is taken by a rule of the files since round 36 (read_more_label_r36_en,
    # recall51), before the repeated-block detector sees it: the label still goes
    assert len(took) >= 3, took
    assert all(c.rule in ("repeated_block", "read_more_label_r36_en") for c in took), took


# --- the stress set ----------------------------------------------------------------------


def test_stress_pages_are_train_and_seed_lines_drawn_the_same_every_run():
    """The generator reads TRAIN pages and the seeds only, keeps the labels, and draws the
    same pages for a seed."""
    from tools.strip_model import stress

    sources = stress.read_sources()
    train_ids = {rec["id"] for rec, _, _ in train_pages()}
    assert {s.pid for s in sources} == train_ids | set(stress.SEEDS)
    a = stress.stress_pages(7, 20, 20, sources)
    b = stress.stress_pages(7, 20, 20, sources)
    assert [d for _, d, _ in a] == [d for _, d, _ in b]
    for _, doc, lines in a:
        assert doc.split("\n")[0] in {ln.text for ln in lines}
        assert any(ln.content for ln in lines) and any(not ln.content for ln in lines)


def test_stress_set_loses_fewer_content_lines_than_before_the_guards(round8_train_batches):
    """Development figure (the guards were tuned on these pages): the default stress set
    (900 pages) lost 186 content lines on main and 176 with this round's guards, furniture
    removed 2,243 of 4,388 both ways. A change that makes the strip stage eat more article
    content next to furniture fails here. The sources are the TRAIN pages of the batches this
    test was written on (and the seeds), so that added pages keep the draw (with round 9's
    pages too the same seed draws other pages, which lose 185)."""
    from tools.strip_model import stress

    sources = [
        s for s in stress.read_sources()
        if s.pid in stress.SEEDS or page_batch(s.pid) in round8_train_batches
    ]
    r = stress.measure(stress.stress_pages(sources=sources))
    assert r["content_lost"] <= 180, r["lost_by_rule"]
