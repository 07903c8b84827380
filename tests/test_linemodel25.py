"""Strip stage, issue 10 (branch linemodel25): article lines the stress set
(``tools.strip_model.stress``: TRAIN content between other sites' furniture) lost to the line
model (``line_model``) and to the tail's teaser run (``tail_teaser``), by shape.

* **The tail's boundary** (``detectors.TAIL_PROSE_MIN_WORDS`` 30 → 15): a teaser-looking
  line after the article's last sentence, with furniture under it and a paragraph-like line
  of 15 to 29 words further down (a paragraph cut by the store, a question, a headline's
  excerpt of the article): the article goes on there, the run is its own.
* **A title between two paragraphs** (``_keep.give_back_inner_title``): "Final cut" /
  "Dimanche" / "» a été consacré …" — the line model took the one-or-two-word title (no
  stop word, words it never saw) at p=0.95.
* **A list the page's end cuts** (``_keep.give_back_announced_list``): "… le Conseil
  MUNICIPAL :" then "• ADO", the page's last line.
* **"Label : value" items under the article's own** (``_keep.give_back_list_item``): the
  palmarès' last prize, a second "Plus d'informations : …" box.

Inputs: labelled TRAIN pages of ``fixtures/strip_real`` (the ``train_page`` fixture checks
the split; no held-out page is read): a page's content lines in their order, its own
furniture left out, with furniture lines labelled so on other TRAIN pages put between them,
as the stress set builds its pages. Development data: the changes were written looking at
these lines and at the stress set built from them.

On main's code (9eb192c5), 40 of the 45 tests fail: the 14 page tests (the content line
goes), the cut list's first item, the boundary's constant, the reason's wording, and the 23
tests of the two new guards (they do not import there). TRAIN's tail-teaser lines, the
look-alikes of a cut list and the 1 MB lines pass on both.
"""

from __future__ import annotations

import pytest

from _helpers import article_put_in, assert_megabyte_lines_finish, taken_lines
from cleannews import CleanConfig

CFG = CleanConfig(score_spin=False, quarantine=False)


def _article(train_page, host: str, after: dict, sep: str = "\n") -> dict[str, list[bool]]:
    return article_put_in(train_page, host, after, sep, config=CFG)


def _kept(got, line: str) -> bool:
    return all(got[line])


# --- the stress set's losses, page by page --------------------------------------------------

LOST = [
    # tail boundary: de-m-0005's subheading between de-c-0015's and de-c-0002's furniture,
    # de-m-0016's 29-word paragraph (no final period) under them
    ("de-m-0016", {"Interesse stabilisiert": [("Weiterlesen", "de-c-0015"),
                                              ("Landkreise warnen", "de-m-0005"),
                                              ("Lesen Sie auch", "de-c-0002")]},
     "Landkreise warnen dringend vor Übergriffen auf Lokalpolitiker"),
    # tail boundary: a review's next game title, a question of 21 words two lines below
    ("fr-f-0051", {"Nous discutions avec Netsabes": [("Bessan", "fr-h-0045")],
                   "Ultimate General": [("Le tournoi de Roland", "fr-b-0063"),
                                        ("Sommaire", "fr-b-0063")]},
     "Ultimate General : Civil War - J'aime mon boucher"),
    # tail boundary: a subheading of a 15-word cut paragraph (Hansa-Theater)
    ("de-m-0024", {"Alle zwei Jahre": [("top of page", "de-m-0016"),
                                       ("Wissenschaftliche Meldungen", "de-m-0016")],
                   "Das bietet das Programm": [("Etiqueta: Alfonso", "es-d-0002")]},
     "Ruhr Nachrichten Hansa-Theater"),
    # a title between two paragraphs of a critic's column
    ("fr-f-0011", {"": [("Archives journalières", "fr-h-0029"), ("2 articles", "fr-h-0029")],
                   "Le KVS à Bruxelles": [("Madaplus.info", "fr-a-0146")],
                   "Frie Leysen": [("Actualités du monde gastronomique", "fr-f-0018")],
                   "Angela Gheorghiu": [("À lire aussi « Nus", "fr-b-0088")]}, "Final cut"),
    # the list the page's end cuts
    ("fr-h-0001", {
        "": [("Fil d'info", "fr-d-0042"), ("Qui gagne perd", "fr-d-0042"),
             ("La dissolution n’éta", "fr-d-0042"), ("22:00", "fr-d-0042"),
             ("Sur l’eau", "fr-d-0042"), ("Il ne fallait surtou", "fr-d-0042")],
        "Compte rendu du conseil": [("PSG-Paris FC", "fr-a-0140"),
                                    ("Le 13 janvier 1912", "fr-a-0140")],
        "L’an deux mille huit": [("Origine du document", "fr-g-0005"), ("Site : http", "fr-g-0005"),
                                 ("Page : spip", "fr-g-0005"), ("URL complète", "fr-g-0005")],
        "• CZARNECKI Werner": [("Culture", "fr-f-0028")],
        "- 16/2008": [("épargne", "fr-g-0028"), ("Temps de lecture", "fr-g-0028")],
        "2008-06-001": [("On avait déjà signal", "fr-b-0130"), ("Du vécu un peu", "fr-b-0130"),
                        ("Récompensé par le Gr", "fr-b-0130"), ("Un bel album", "fr-b-0130"),
                        ("On les suit de très", "fr-b-0130")],
        "Monsieur le Maire propose": [("Zur Startseite", "de-m-0002")]}, "• ADO"),
    # the palmarès' last prize, under a podcast prompt and above a teaser
    ("fr-b-0139", {"Mention spéciale du jury du court": [
        ("Vous pouvez l’écouter en haut", "fr-b-0149")],
        "Caméra d'or": [("Nono en interview", "fr-b-0162"), ("Matthias, Solfia", "fr-b-0015")]},
     "Caméra d'or : Jeune femme de Léonor Séraille"),
    # a second "Plus d'informations : …" box under the festival's paragraph
    ("fr-d-0020", {"Plus d’informations : Des Livres": [("imprimer le texte", "fr-e-0001")]},
     "Plus d’informations : Des Livres, des Stars"),
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
@pytest.mark.parametrize(("host", "after", "line"), LOST, ids=[x[0] for x in LOST])
def test_stress_content_line_stays(train_page, host, after, line, sep):
    got = _article(train_page, host, after, sep)
    assert _kept(got, line), (line, got.get(line))


# --- the look-alikes that still go ---------------------------------------------------------


def test_train_furniture_the_tail_rule_takes_still_goes(strip_real_docs):
    """On every TRAIN page, the tail's teaser rule and the models take no content line and
    the tail rule still takes its furniture (the 15-word boundary moves none on TRAIN)."""
    from _helpers import train_lines_taken

    taken = train_lines_taken(strip_real_docs, {"tail_teaser"}, CFG, known=TAIL_TEASER_KNOWN)
    assert taken["tail_teaser"] == TRAIN_TAIL_TEASER_LINES
    assert taken.get("known:tail_teaser", 0) == len(TAIL_TEASER_KNOWN)


#: Distinct lines the tail's teaser rule takes on TRAIN (as served, 9eb192c5 and this branch:
#: 38; round 25's recall27: 39, the image file name above Wix's "bottom of page" on fr-h-0008,
#: furniture, once ``back_to_top_en`` takes that anchor; round 27's fresh TRAIN pages, branch
#: labels29, add no furniture line to it; round 27's fresh29: 38, fr-d-0042's related teaser
#: "Les feux d’artifice ont émerveillé" is taken by ``card_zone`` instead, the tail pass
#: looking past the label that page prints between its paragraphs too; round 28's fresh TRAIN
#: pages, branch labels30: 39, the screenshot file name "Screen Shot 2019-12-04 at 1.39.05 PM"
#: of en-r28-0005, furniture labelled ``cms``; round 30's transfer batches r32 / r33, scored by
#: the lead: 44, five more furniture lines of their tails; round 34's r39 / r40: 45; round 38's
#: recall53: 43, two picture file names go by ``markup_residue_r38`` first, en-r28-0005's
#: "Screen Shot 2019-12-04 at 1.39.05 PM" and fr-h-0008's "CONCEPTION GRAPHIQUE - MISE EN PAGE
#: - IMPRESSION (2).png": the same lines go, under the rule that names them); round 39's
#: recall54: 42, it-r40-0004's teaser "Nuovi spazi dedicati all’arte: Borgovico 33" goes with
#: the list under its "link correlati" heading first (``related_lead_it``, ``heading_pairs``).
TRAIN_TAIL_TEASER_LINES = 42
#: Content the rule takes on the fresh TRAIN pages, recorded when they were added (their
#: labelling branches wrote no rule): on the round-27 pages none since round 27's fresh29 (the
#: last teaser headline of a tag page above its item label "U.S." and an article's date line
#: "Date - 17th December 2021" stay: docs/strip-history.md, "Content lost on fresh pages (issue
#: 10, round 27)"); on the round-29 pages none since round 29's fresh32 (branch labels32 had
#: recorded the second standings table at the end of fr-r29-0017's excerpt, its column header
#: and three rows: a row of aligned columns with figures is now a table row,
#: ``_tables.aligned_shape``, protected with the page's other rows; tests/test_fresh32.py).
#: On the round-30 pages (the round-29 transfer check) none since round 29's fresh33 (the
#: lead's scoring recorded 18: the last agenda items of a council's minutes written as a table,
#: de-r30-0004, and a listing of minutes "Procès-verbal - <date> (séance N)", fr-r30-0011; a
#: row between outer pipes is now a table row, ``_tables.bordered_row``, and a run of lines
#: opening alike before a figure a series, ``detectors._protect_series``; tests/test_fresh33.py).
#: On the round-32 pages (round 30's transfer check, scored by the lead with the round's start
#: and final code alike) one: an obituary notice's title, de-r32-0001. On round 34's r39 / r40
#: (scored by the lead) three: the first lines of an Italian gallery's address block under an
#: exhibition notice, it-r40-0005 (keep46 left them: no cue tells the article's address block
#: from the site's own); and one more furniture line of their tails (45).
TAIL_TEASER_KNOWN: frozenset = frozenset({
    ("de-r32-0001", "tail_teaser", "Trauerfall Kamerad Mario Scholz"),
    ("it-r40-0005", "tail_teaser", "CONTEMPORANEA GALLERIA D'ARTE -"),
    ("it-r40-0005", "tail_teaser", "VIALE MICHELANGELO, 65 - FOGGIA"),
    ("it-r40-0005", "tail_teaser", "Via Nicolò Piccinni, 226 - BARI"),
})


# --- the guards' shapes on hand-made pages ----------------------------------------------------

_STOP = frozenset({"le", "la", "les", "de", "du", "des", "a", "en", "et", "avec", "pour", "un",
                   "une", "sur", "au", "dans", "par", "son", "été", "je", "ne", "pas", "mais"})
_PARA = ("La danse urbaine s’est diversifiée avec plein de sous-catégories, pour raconter "
         "plutôt des histoires.")
_BELOW = "» a été consacré meilleur spectacle et meilleure réalisation artistique et technique."



@pytest.mark.parametrize(("texts", "taken", "given"), [
    # the title right between two paragraphs
    ([_PARA, "Final cut", _BELOW], {1: "line_model"}, [1]),
    # a second short line under it, kept or taken by the models
    ([_PARA, "Final cut", "Dimanche", _BELOW], {1: "line_model"}, [1]),
    ([_PARA, "Final cut", "Dimanche", _BELOW], {1: "line_model", 2: "line_model"}, [1, 2]),
    ([_PARA, "Final cut", "", "Dimanche", "", _BELOW], {1: "run_model"}, [1]),
    # a rule's removal between the two paragraphs: a widget's label
    ([_PARA, "Final cut", "Connectez-vous", _BELOW], {1: "line_model", 2: "login_prompt_line"},
     []),
    ([_PARA, "Publicité", "Final cut", _BELOW], {1: "ad_label", 2: "line_model"}, []),
    # no paragraph above it, or none below
    (["Actualités du monde", "Final cut", _BELOW], {1: "line_model"}, []),
    ([_PARA, "Final cut", "Dimanche", "Rita", _BELOW], {1: "line_model"}, []),
    ([_PARA, "Final cut"], {1: "line_model"}, []),
    # no title: small letters first, more than INNER_TITLE_MAX_WORDS words, a sentence
    ([_PARA, "da", _BELOW], {1: "line_model"}, []),
    ([_PARA, "date 2021-05 Accueil", _BELOW], {1: "line_model"}, []),
    ([_PARA, "Un titre de cinq mots", _BELOW], {1: "line_model"}, []),
    ([_PARA, "Final cut.", _BELOW], {1: "line_model"}, []),
    # a rule's removal is never undone here
    ([_PARA, "Final cut", _BELOW], {1: "context"}, []),
])
def test_inner_title_shapes(texts, taken, given):
    from cleannews.strip._keep import give_back_inner_title

    assert give_back_inner_title(taken_lines(texts, taken, _STOP)) == given


def test_inner_title_limits():
    from cleannews.strip._keep import (
        INNER_TITLE_BELOW_WORDS,
        INNER_TITLE_MAX_SHORT,
        INNER_TITLE_MAX_WORDS,
        INNER_TITLE_RULES,
    )

    assert (INNER_TITLE_MAX_WORDS, INNER_TITLE_MAX_SHORT, INNER_TITLE_BELOW_WORDS) == (4, 1, 8)
    assert INNER_TITLE_RULES == frozenset({"line_model", "run_model"})


_INTRO = "Après en avoir délibéré, le Conseil MUNICIPAL :"


@pytest.mark.parametrize(("texts", "taken", "given"), [
    # the page ends under the announcement's first item
    ([_PARA, _INTRO, "• ADO"], {2: "line_model"}, [2]),
    ([_PARA, _INTRO, "• ADO", "• Budget"], {2: "line_model", 3: "line_model"}, [2, 3]),
    # the first item is no item shape (a teaser, a widget's label)
    ([_PARA, _INTRO, "Lire aussi"], {2: "line_model"}, []),
    # the page goes on under it: one item is no list
    ([_PARA, _INTRO, "• ADO", "Partager sur Facebook"], {2: "line_model", 3: "share_line"}, []),
])
def test_cut_list_shapes(texts, taken, given):
    from cleannews.strip._keep import give_back_announced_list

    assert give_back_announced_list(taken_lines(texts, taken, _STOP)) == given


_PRIZES = ["Palme d'or du court-métrage : Une nuit douce de Qiu Yang",
           "Mention spéciale du jury : Le Plafond de Teppo Airaksinen"]


@pytest.mark.parametrize(("texts", "taken", "given"), [
    # the palmarès' last prize under two kept prizes, a podcast prompt between
    ([*_PRIZES, "Vous pouvez l’écouter en haut de l’article, sur Apple Podcasts.",
      "Caméra d'or : Jeune femme de Léonor Séraille"], {3: "tail_teaser"}, [3]),
    # the very label of a kept line above
    (["Plus d’informations : Le printemps de Bourges", "Festival Des Livres, des Stars", _PARA,
      "Plus d’informations : Des Livres, des Stars"], {3: "tail_teaser"}, [3]),
    # another story's headline of that shape under paragraphs
    ([_PARA, _PARA, "Nancy : Présentation du futur CHRU"], {2: "tail_teaser"}, []),
    # one kept item of another label
    (["Source : MSA", _PARA, "Nancy : Présentation du futur CHRU"], {2: "tail_teaser"}, []),
    # taken items above are no evidence; no label, no give-back; other rules stay
    ([*_PRIZES, "Caméra d'or : Jeune femme"], {0: "tail_teaser", 1: "tail_teaser",
                                             2: "tail_teaser"}, []),
    ([*_PRIZES, "Caméra d'or Jeune femme"], {2: "tail_teaser"}, []),
    ([*_PRIZES, "Caméra d'or : Jeune femme"], {2: "related_lead"}, []),
])
def test_list_item_shapes(texts, taken, given):
    from cleannews.strip._keep import give_back_list_item

    assert give_back_list_item(taken_lines(texts, taken, _STOP)) == given


def test_list_item_limits():
    from cleannews.strip._keep import LIST_ITEM_LOOK_BACK, LIST_ITEM_MIN_ABOVE, LIST_ITEM_RULES

    assert (LIST_ITEM_LOOK_BACK, LIST_ITEM_MIN_ABOVE) == (4, 2)
    assert LIST_ITEM_RULES == frozenset({"tail_teaser"})


def test_tail_boundary_constant():
    from cleannews.strip.detectors import TAIL_PROSE_MIN_WORDS

    assert TAIL_PROSE_MIN_WORDS == 15


def test_reason_names_the_two_stop_word_shares():
    """A removal's reason tells the page language's stop-word share from any language's
    (both read "stop-word share 0%" before: "stop-word share 0%, stop-word share 50%")."""
    from cleannews.strip.linemodel import _F, ALL_FEATURES, _describe

    x = [0.0] * len(ALL_FEATURES)
    x[_F["stop_page"]], x[_F["stop_any"]] = 0.0, 0.5
    assert _describe("stop_page", x, "") == "stop-word share 0% in the page's language"
    assert _describe("stop_any", x, "") == "stop-word share 50% in any language"


def test_megabyte_lines_finish():
    assert_megabyte_lines_finish(
        ["Final cut ", "• ADO ", "Plus d’informations : Des Livres ", "« Phèdre "], CFG,
        before=_PARA + "\n", after="\n" + _BELOW + "\n")
