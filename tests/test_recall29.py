"""Furniture families several TRAIN sites share, one pattern each: the second pass
(issue 10, round 27; branch recall29).

The site-grouped CV judges a page without the rule patterns that took furniture on that
page's site alone (``tools.strip_model.rule_support.own_site_patterns``). Round 26 (recall28)
gave seven families one pattern each; this pass read the lines the CV still misses that
rules take in-sample (``STRIP_MODEL_RULES=loso``) and found eight more families whose lines
each site's own literal took: login / subscribe buttons ("Connectez-vous", "S'abonner",
"Je me connecte Je m'abonne", ``login_panel``), the subscriber question ("Vous êtes déjà
abonné ? Connexion", "Si vous êtes déjà abonné, connectez-vous …", ``login_prompt_family``),
empty publication labels ("Publié", "Publié le", ``meta_widget_line``), back links ("Retour",
"Retour au numéro", "Retour à la liste de résultats", ``nav_link_line``), read-on links
("Lire la suite", "Lire l'article", ``related_misc``), a caption's credit in brackets
("… [© Riot games/LoL e-sports]", "… [MIGUEL MEDINA / AFP]", ``caption_end_credit``), share
rows ("Partager", "Copier le lien Partager sur FaceBook … Imprimer", ``share_bar``) and the
German read-more words ("Weiterlesen", "Mehr lesen", ``read_more_word_gen15``). Each is one
pattern of one rule (the literals it covers left the other rules), with lines on at least
three TRAIN sites: written from the other sites, it still takes each one.

Real TRAIN furniture lines go on their page with that rule; one pattern takes every line of
the family; TRAIN content lines and article sentences that look alike stay; no TRAIN content
line is taken; 1 MB adversarial lines finish. Development data only: no held-out page is read.
"""

from __future__ import annotations

import pytest

from _helpers import (
    PROBE_PARAS,
    assert_content_line_stays,
    assert_family_line_goes,
    assert_family_transfers,
    assert_literals_left,
    assert_megabyte_lines_finish,
    family_content_hits,
    family_pattern,
    hang_guard,
    rule_takes,
    sentence_pages_taken,
    train_served_removals,
    unscored,
)
from cleannews import CleanConfig

CFG = CleanConfig()

#: family -> (rule file, rule, [(TRAIN page, site, furniture line as labelled, or its end
#: for a caption)])
FAMILIES = {
    "login buttons": ("fr", "login_panel", [
        ("fr-a-0169", "monacomatin.mc", "Connectez-vous"),
        ("fr-h-0027", "rcf.fr", "S'abonner"),
        ("fr-g-0038", "usinenouvelle.com", "Je me connecte Je m'abonne"),
        ("fr-d-0010", "lesmajesticiels.org", "Se connecter"),
        ("fr-e-0039", "reimsmediaslibres.info", "Se Connecter"),
        ("fr-a-0164", "watson.ch", "Connexion"),
        ("fr-f-0008", "lecourrier.ch", "je m'abonne"),
    ]),
    "subscriber question": ("fr", "login_prompt_family", [
        ("fr-a-0120", "tramway.dev", "Déjà abonné(e) ? Se connecter"),
        ("fr-a-0112", "mediapart.fr", "Pas encore abonné(e) ? Rejoignez-nous"),
        ("fr-a-0123", "lecourrier.ch", "Vous êtes déjà abonné? Connexion"),
        ("fr-e-0013", "ecoreseau.fr", "Si vous êtes déjà abonné, connectez-vous juste en dessous"),
    ]),
    "empty publication labels": ("fr", "meta_widget_line", [
        ("fr-a-0097", "chefdentreprise.com", "Publié le par"),
        ("fr-a-0100", "usinenouvelle.com", "Publié le"),
        ("fr-b-0016", "rollingstone.fr", "Publié"),
    ]),
    "back links": ("fr", "nav_link_line", [
        ("fr-a-0085", "mediacongo.net", "Retour"),
        ("fr-a-0093", "francebleu.fr", "Retour"),
        ("fr-d-0014", "ensae.org", "Retour au numéro"),
        ("fr-b-0069", "perspectives-ia.fr", "Retour à la liste de résultats"),
    ]),
    "read-on links": ("fr", "related_misc", [
        ("fr-a-0111", "hubnews.eu", "Lire la suite"),
        ("fr-g-0043", "routiers.com", "lire la suite"),
        ("fr-h-0004", "snjcgt.fr", "Lire la suite"),
        ("fr-d-0038", "frequenceterre.com", "Lire l’article"),
    ]),
    "caption credits in brackets": ("fr", "caption_end_credit", [
        ("fr-a-0085", "mediacongo.net", "le 9 août 2011. (© Radio Okapi/John Bompengo)"),
        ("fr-a-0150", "seine-maritime.info", "Ligue Magnus. (©Alexandre Canivet)"),
        ("fr-b-0164", "cnews.fr", "à Paris.[© Riot games/LoL e-sports]"),
        ("fr-b-0144", "directmatin.fr", "Porte de Versailles. [MIGUEL MEDINA / AFP]"),
    ]),
    "share rows": ("fr", "share_bar", [
        ("fr-b-0069", "perspectives-ia.fr", "Partager"),
        ("fr-h-0015", "tv78.com", "Partager"),
        ("fr-e-0033", "toulonencommun.com", "Partager cet article"),
        ("fr-a-0121", "aqui.fr", "Copier le lien Partager sur FaceBook Partager sur Twitter "
                                 "Partager sur Linkedin Imprimer"),
    ]),
    "German read-more words": ("fr", "read_more_word_gen15", [
        ("de-c-0010", "dein-landkreis.de", "Weiterlesen..."),
        ("de-c-0015", "frankfurter-stadtmagazin.de", "Weiterlesen"),
        ("de-e-0015", "spv-butzbach.de", "Weiterlesen »"),
        ("de-e-0005", "fussball.de", "Mehr lesen"),
    ]),
}
#: The rules whose patterns this branch changed (the families' rules and the rules the
#: covered literals left).
RULES = {rule for _, rule, _ in FAMILIES.values()}
#: A family's pattern must take its lines on at least this many TRAIN sites.
MIN_SITES = 3

LINES = [(fam, page, site, line) for fam, (_, _, xs) in FAMILIES.items()
         for page, site, line in xs]


@pytest.mark.parametrize(("family", "page", "site", "line"), LINES,
                         ids=[f"{p}:{t[:20]}" for _, p, _, t in LINES])
def test_train_furniture_goes_on_its_page_with_the_family_rule(
    strip_real_docs, family, page, site, line
):
    assert_family_line_goes(strip_real_docs, FAMILIES, family, page, site, line, CFG)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_one_pattern_takes_the_family_on_several_sites(family):
    assert_family_transfers(FAMILIES, family, MIN_SITES)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_the_family_pattern_takes_no_train_content_line(strip_real_docs, family):
    assert family_content_hits(strip_real_docs, FAMILIES, family) == []


def test_the_covered_literals_left_the_other_rules():
    """No other rule keeps a literal of a family: the literal would take the line first and
    its support would be one site again."""
    gone = {
        ("fr", "login_prompt_line"): ["Connectez-vous", "Identifiez-vous", "Se connecter",
                                      "Mon compte", "Déjà abonné ?"],
        ("fr", "login_prompt_head19"): ["Je me connecte Je m'abonne"],
        ("fr", "login_paywall_line"): ["Vous êtes déjà abonné? Connexion"],
        ("fr", "login_field_gen10"): ["Si vous êtes déjà abonné, connectez-vous juste en dessous"],
        ("fr", "meta_widget_family"): ["Publié", "Modifié"],
        ("fr", "meta_widget_more"): ["Actualisé le", "Mis à jour le"],
        ("fr", "nav_link_more"): ["Retour au numéro", "Lire l'article"],
        ("fr", "read_elsewhere_line"): ["Retour à la liste de résultats"],
        ("de", "nav_line_de"): ["Mehr lesen"],
    }
    assert_literals_left(gone)


#: (TRAIN page, start of a content line with a family's words): it stays on its page.
TRAIN_CONTENT = [
    ("fr-a-0132", "Retour à 7% en 2002"),
    ("fr-a-0169", "Mis à jour le 12/08/2017"),
    ("fr-e-0007", "Mise à jour le 27/11/2025"),
    ("fr-b-0164", "Ce sera «le plus grand événement e-sports"),
]


@pytest.mark.parametrize(("page", "start"), TRAIN_CONTENT, ids=[p for p, _ in TRAIN_CONTENT])
def test_train_content_that_looks_alike_stays(train_page, page, start):
    assert_content_line_stays(train_page, page, start, CFG)


#: Content pieces the changed rules cut on pages scored after the rules were written (transfer
#: checks), recorded when the lead scored them (each must still be cut, so that a fix shows):
#: none since round 33: fr-r33-0010's glued share label ("… 13:48 | Partager"), recorded here
#: in round 31, is a bracketed span since the glued41 labels (a furniture unit, above).
TRANSFER_KNOWN: set[tuple[str, str, str]] = set()


def test_no_train_content_line_is_taken(strip_real_docs):
    """Every removal of the changed rules on TRAIN is furniture: a whole line labelled
    boilerplate, or a piece cut out of one. A read-on link glued to the end of a content
    paragraph is cut off, as on main ("… Lire la suite" on fr-a-0170, "… Lire l'article" on
    fr-e-0012, by ``nav_link_more`` on main: the glued-tail cut, the paragraph stays); the
    family's line pattern takes no TRAIN content line (test above)."""
    taken: dict[str, int] = {}
    glued: set[str] = set()
    known: set[tuple[str, str, str]] = set()
    for pid, (rec, doc, labelled) in strip_real_docs.items():
        if rec["split"] != "train" or unscored(pid):
            continue  # never a held-out page, nor one the lead has not scored yet
        kinds = {lb.text.strip(): lb.content for lb in labelled}
        for text, rule in train_served_removals(pid, doc, CFG).items():
            if rule not in RULES:
                continue
            taken[rule] = taken.get(rule, 0) + 1
            if text in kinds:
                assert not kinds[text], (pid, rule, text)
                continue
            holders = [lb for lb in labelled if text in lb.text]
            assert holders, (pid, rule, text)
            if any(text.strip() == span.strip() for lb in holders for span in lb.glued):
                glued.add(pid)  # a bracketed glued span of a content line: furniture
                continue
            if (pid, rule, text) in TRANSFER_KNOWN:
                known.add((pid, rule, text))
                continue
            glued_read_on = rule == "related_misc" and all(
                lb.text.rstrip().endswith(text) for lb in holders if lb.content)
            if not glued_read_on:
                assert not any(lb.content for lb in holders), (pid, rule, text)
            else:
                glued.add(pid)
    assert taken.get("login_panel", 0) >= 7
    assert taken.get("login_prompt_family", 0) >= 4
    assert taken.get("caption_end_credit", 0) >= 4
    assert {"fr-a-0170", "fr-e-0012"} <= glued
    assert known == TRANSFER_KNOWN  # a recorded loss that is gone: drop its entry


#: Article sentences with the families' words: they stay.
LOOK_ALIKES = [
    "Connectez-vous sur le site de la préfecture pour prendre rendez-vous, conseille la mairie.",
    "Si vous êtes déjà client de la banque, les frais ne changent pas, précise le médiateur.",
    "Déjà abonnés à la fibre, les habitants du quartier attendent toujours la 5G.",
    "Publié le 3 mars, le rapport a fait grand bruit dans les couloirs du ministère.",
    "Retour au numéro un mondial pour la joueuse, après trois ans loin du circuit.",
    "Lire l'article de loi ne suffit pas, il faut connaître la jurisprudence, dit l'avocate.",
    "Partager sur Facebook une photo d'un mineur peut coûter cher, rappelle le tribunal.",
    "S'abonner à un journal reste un geste militant pour beaucoup de lecteurs, note l'étude.",
]


def test_look_alike_sentences_stay():
    assert sentence_pages_taken(LOOK_ALIKES, *PROBE_PARAS["fr"][:2], RULES, CFG) == []


def test_short_headlines_with_the_words_stay():
    """A subheading that starts like a back link keeps its words (the ``au`` / ``aux``
    branch of the back-link pattern ends the line, as before)."""
    for line in ("Retour au numéro un mondial", "Retour aux sources pour le club"):
        assert not rule_takes("line", family_pattern(FAMILIES, "back links"), line), line


def test_megabyte_lines_finish():
    stems = ["se connecter ", "connexion | ", "déjà abonné(e) ", "si vous êtes déjà ",
             "publié le ", "retour à la liste ", "retour au ", "lire la suite ",
             "partager sur facebook ", "copier le lien ", ". [© ", ". [miguel / ", "(© x",
             "mehr lesen "]
    with hang_guard(180):
        assert_megabyte_lines_finish(stems, CFG)
