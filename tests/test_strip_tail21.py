"""A removed line is no teaser evidence just because it is removed (issue 10, branch tail21).

``_tail_teasers`` read any removed line under a title-like line as the end of a teaser run,
so a new rule taking a widget's title at the end of a page took the article's last short
line above it too ("Les commentaires récents", typepad.fr: head19 and head20 dropped the
rule for it). Now a *section heading* (:func:`~cleannews.strip.detectors._section_heading`:
a short line a comments / nav / related / tags rule of the files took, starting with a
letter) closing a run that starts right under the article's last paragraph is no evidence:
it opens what is below it. A separated-teaser run does not go on across one either, and the
context pass reads a separator block printed between the article's paragraphs whatever rules
took its lines (varese-press.it's "Categorie" / "Varese" labels), and leaves a line that
introduces the text under it ("Après en avoir délibéré, le Conseil MUNICIPAL :").

Two rules then land: ``recent_comments_tail21`` and ``category_widget_title_tail21``
(``strip/data/fr.json``, read on every page, worded for the 5 languages).

Real TRAIN pages only (``train_page`` fails on a page of a held-out list), and pages
recombined from TRAIN lines as ``tools.strip_model.stress`` builds them. Every test of the
new behaviour fails on the code before tail21.
"""

from __future__ import annotations

import pytest

from _helpers import assert_furniture_goes_neighbours_stay, served_removals, train_lines_taken
from cleannews import CleanConfig
from cleannews.strip.detectors import GOOD, _context, _Line, _separated_teasers, _tail_teasers

CLEAN = CleanConfig(score_spin=False, quarantine=False)  # as cleannews.evaluate cleans

NEW_RULES = {"recent_comments_tail21", "category_widget_title_tail21"}


def _removed(doc: str) -> dict[str, str]:
    """Lines ``clean`` removes from a page (repaired first, as served): text -> rule."""
    return served_removals(doc, CLEAN)


def _lines(train_page, page_id: str, *starts: str) -> list[str]:
    """The stripped texts of ``page_id``'s lines that start with each of ``starts``."""
    _, labelled = train_page(page_id)
    texts = [lb.text.strip() for lb in labelled if lb.text.strip()]
    out = []
    for s in starts:
        (hit,) = [t for t in texts if t.startswith(s)][:1]
        out.append(hit)
    return out


# --- TRAIN pages -----------------------------------------------------------------------------


def test_recent_comments_title_goes_the_articles_last_line_stays(train_page, page_out):
    # typepad.fr: the article ends with a short line without a period, then the sidebar's
    # "Les commentaires récents"; the rule took the title and tail_teaser the line above
    doc, labelled = train_page("fr-h-0049")
    line = "Les commentaires récents"
    assert_furniture_goes_neighbours_stay(labelled, page_out("fr-h-0049"), line, "fr-h-0049")
    got = _removed(doc)
    assert got[line] == "recent_comments_tail21"
    last = "Dossier de L’echo-du-Pas-de-Calais accessible en ligne et PDF à télécharger"
    assert last not in got


def test_a_related_heading_under_the_last_line_takes_nothing_above_it(train_page, page_out):
    # solutions-numeriques.com: the article's last line (a question, no period) right above
    # "Lire aussi..." went as a tail teaser on main: one of TRAIN's 34 dropped content lines
    doc, labelled = train_page("fr-g-0031")
    got = page_out("fr-g-0031")
    line = "Fibre des villes ou fibre des champs, question d'optique"
    assert [lb.content for lb in labelled if lb.text.strip() == line] == [True]
    assert got[line] == [(True, True)]
    assert _removed(doc)["Lire aussi..."] == "related_lead"  # the heading still goes


def test_category_widget_title_goes_the_listings_last_headline_stays(train_page, page_out):
    # varese-press.it: "Categorie" / "Varese" printed above each item of the listing; taken
    # by the rule (repeated_block before), the pair no longer counted as the page's separator
    # and the last item's headline went as context
    doc, _ = train_page("it-c-0007")
    got = page_out("it-c-0007")
    assert [ok for _, ok in got["Categorie"]] == [False] * 3
    assert got["Varese, resistenza a pub"] == [(True, True)]
    assert all(ok for content, ok in got["Francesca  Cavellini"] if content)
    assert _removed(doc)["Categorie"] == "category_widget_title_tail21"


def test_the_new_rules_take_no_content_line_on_any_train_page(strip_real_docs):
    taken = train_lines_taken(strip_real_docs, NEW_RULES, CLEAN)
    assert set(taken) == NEW_RULES


@pytest.mark.parametrize(
    "line",
    [
        "Les commentaires récents", "Les derniers commentaires", "The latest comments",
        "Die neuesten Kommentare", "Gli ultimi commenti", "I commenti più recenti",
        "Los últimos comentarios",
    ],
)
def test_recent_comments_titles_of_the_five_languages(line, line_rule_verdict):
    assert line_rule_verdict(line).name == "recent_comments_tail21"


@pytest.mark.parametrize("line", ["Categorie", "Categories", "Kategorien", "Categorías"])
def test_category_widget_titles_of_the_five_languages(line, line_rule_verdict):
    assert line_rule_verdict(line).name == "category_widget_title_tail21"


@pytest.mark.parametrize(
    "line",
    [
        "Archives de la ville : un trésor méconnu",
        "Les commentaires récents du ministre ont choqué les élus.",
        "Les derniers commentaires de l'entraîneur avant la finale",
        "Les catégories les plus touchées sont les ouvriers et les employés.",
        "Categorie protette, nuove assunzioni nel comune",
        "Catégorie",  # the singular: a kicker's label (category_label_alone was withdrawn)
        "Categoria",
    ],
)
def test_look_alikes_are_no_match(line, line_rule_verdict):
    rule = line_rule_verdict(line)
    assert rule is None or rule.name not in NEW_RULES


# --- pages recombined from TRAIN lines -------------------------------------------------------


@pytest.mark.parametrize(
    ("page_id", "body", "furniture_id", "furniture"),
    [
        # tools.strip_model.stress (seed 20261208): adn24.it's article, a headline of
        # tuttonotizie.net's under it, then la7.it's "I più visti"; tail_teaser took the
        # headline on main
        ("it-e-0012", ("Durante la partita", "Le indagini", "Le autorità"),
         "it-d-0003", ("I più visti", "condividi")),
        # ... and "Interessante Artikel" (sehrgutefrage.com) with its teasers
        ("de-c-0011", ("Nächster Schritt", "Kulturhauptstadt Europas", "NÜRNBERG (pm/nf)",
                       "Eine Frau duchbrach"),
         "de-m-0025", ("Interessante Artikel", "Wie Dieter Bohlen", "Georg Baselitz")),
    ],
)
def test_the_last_line_above_another_sites_related_heading_stays(
    page_id, body, furniture_id, furniture, train_page
):
    article = _lines(train_page, page_id, *body)
    if page_id == "it-e-0012":  # the stress page's block of another article (it-e-0006)
        article += _lines(train_page, "it-e-0006", "Droga: traffico e spaccio")
    heading = _lines(train_page, furniture_id, *furniture)
    for sep in ("\n", "\n\n"):
        got = _removed(sep.join(article + heading) + "\n")
        assert not set(article) & set(got), got
        assert heading[0] in got  # the heading still goes


def test_a_separated_run_does_not_go_on_across_a_section_heading(train_page):
    # hautetfort.com's next item (a headline and its first words, cut) among canalblog.com's
    # sidebar, "Les commentaires récents" in the last separator: three lines set apart by
    # furniture, but the heading opens another section
    body = _lines(train_page, "fr-b-0022", "12/12/2014", "Les derniers chiffres", "La MSA",
                  "En 2013", "Sept régions", "Enfin, depuis", "10/12/2014")
    item = _lines(train_page, "fr-b-0022", "L'agriculture française", "L'auteur de cet")
    ads = _lines(train_page, "fr-f-0009", "Publicité", "De la musique pour tous")
    page = [*body, "Redirecting to full article...", item[0], ads[0], ads[0], ads[1], ads[0],
            "Les commentaires récents", ads[0], item[1]]
    got = _removed("\n".join(page) + "\n")
    assert got["Les commentaires récents"] == "recent_comments_tail21"
    assert item[0] not in got  # the three went as separated teasers without the heading test
    # the cut last line, between an ad and the page's end: taken by context, then given back
    # by keep21's guard of a page's last line cut mid-sentence (it is the article's text)
    assert item[1] not in got


# --- the detectors, line by line -------------------------------------------------------------

PROSE = ("Le conseil municipal a adopté lundi soir le budget primitif pour l'année prochaine, "
         "après plus de quatre heures de débats.")


def _page(texts_rules: list[tuple[str, str | None]]) -> list[_Line]:
    """Lines of ``texts_rules``: a rule name marks the line removed by it, ``"GOOD"`` marks
    it article text."""
    lines = []
    for text, rule in texts_rules:
        ln = _Line(text, frozenset())
        if rule == "GOOD":
            ln.cls = GOOD
        elif rule:
            ln.bad(rule, "")
        lines.append(ln)
    return lines


@pytest.mark.parametrize(
    ("closer", "rule", "taken"),
    [
        ("Les commentaires récents", "recent_comments_tail21", False),  # a widget's title
        ("Lire aussi", "related_lead", False),  # a related heading
        ("Categorie", "category_widget_title_tail21", False),
        ("0 Commentaire", "comment_prompt", True),  # a teaser card's count: evidence
        ("Publicité", "ad_label", True),  # not a heading's category
        ("Categorie", "repeated_block", True),  # a detector's: no category
    ],
)
def test_what_closes_a_run_under_the_last_paragraph(closer, rule, taken):
    lines = _page([(PROSE, "GOOD"), ("Un dossier accessible en ligne à télécharger", None),
                   (closer, rule)])
    _tail_teasers(lines)
    assert (lines[1].removal is not None) is taken


def test_a_run_in_the_furniture_after_the_article_still_goes():
    # furniture between the last paragraph and the run: the run stands among furniture
    lines = _page([(PROSE, "GOOD"), ("Partager", "share_line"),
                   ("Découvrez tous les changements du site", None),
                   ("Les commentaires récents", "recent_comments_tail21")])
    _tail_teasers(lines)
    assert lines[2].removal.rule == "tail_teaser"


def test_separated_teasers_stop_at_a_section_heading():
    items = ["Un premier titre d'un autre article", "Un deuxième titre, daté du jour",
             "Le troisième titre d'un article du site"]
    for heading, taken in ((None, True), ("Les commentaires récents", False)):
        seps = ["-", "-", heading or "-"]
        lines = _page([(PROSE, "GOOD")] + [
            x for it, sep in zip(items, seps, strict=True)
            for x in (("-", "symbol_line"), (sep, "recent_comments_tail21" if sep != "-"
                                              else "symbol_line"), (it, None))
        ])
        _separated_teasers(lines, 0)
        assert [ln.removal is not None for ln in lines if ln.text in items] == [taken] * 3


def _varese(last_block: tuple[str, str], *tail: str) -> list[_Line]:
    """varese-press.it's listing (it-c-0007): "Categorie" / "Varese" above each item."""
    return _page([
        ("Categorie", "category_widget_title_tail21"), ("Varese", "repeated_block"),
        ("Maccagno con Pino e Veddasca (Va), torna Albergo Torre Imperiale", None),
        (PROSE, "GOOD"), ("Categorie", "category_widget_title_tail21"),
        ("Varese", "repeated_block"), (PROSE + " Ancora.", "GOOD"),
        last_block, ("Varese", "repeated_block"), ("Varese, resistenza a pub", None),
        *((t, None) for t in tail),
    ])


def test_context_reads_a_separator_block_taken_by_two_rules():
    # the labels printed between the items, each line taken by another rule: a separator
    lines = _varese(("Categorie", "category_widget_title_tail21"))
    _context(lines, 3, 6)
    assert lines[9].removal is None
    # the item's second line (cut where the page stops) stays with its headline
    lines = _varese(("Categorie", "category_widget_title_tail21"), "Egregio Direttore")
    _context(lines, 3, 6)
    assert [ln.removal for ln in lines[9:]] == [None, None]
    # a block not printed between the paragraphs: the page's end goes as before
    lines = _varese(("Seguici su Facebook", "social_follow_it"))
    _context(lines, 3, 6)
    assert lines[9].removal is not None


def test_context_leaves_a_line_that_introduces_the_text_under_it():
    lines = _page([
        ("• Ajustement frais de notaire pour la vente LEGARREC : 350,00 €.", "GOOD"),
        ("Les commentaires récents", "recent_comments_tail21"),
        ("Après en avoir délibéré, le Conseil MUNICIPAL :", None), ("• ADO", None),
    ])
    _context(lines, 0, 0)
    assert lines[2].removal is None
    # with nothing standing under it, it is a label of the furniture around it
    lines = lines[:3]
    _context(lines, 0, 0)
    assert lines[2].removal is not None
