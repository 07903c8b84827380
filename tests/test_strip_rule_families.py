"""The rule families of issue 10 (certain furniture, written as data in fr.json / en.json).

Furniture lines are real: each is read from a TRAIN-split page of the real-page
corpus (``fixtures/strip_real``, the test split stays unseen) by its page id and
the start of its text, placed between two article paragraphs, and must be removed
by the named rule. Look-alike article sentences (they mention "lire aussi",
"temps de lecture", "connectez-vous", "newsletter", a credit …) must stay in
the same setting. The French sentences of Universal Dependencies (news, blogs,
Wikipedia) must not be condemned by any of these rules seen alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _helpers import assert_taken_between
from cleannews import CleanConfig
from cleannews.strip import strip_text
from cleannews.strip._rules import load_rules, load_stopwords
from cleannews.strip.detectors import _Line, _phrase_verdict

ROOT = Path(__file__).parent.parent
CFG = CleanConfig(score_spin=False)
P1 = (
    "Le conseil municipal a voté mardi soir le budget de l'année prochaine, après un long "
    "débat sur les investissements prévus dans les écoles et les routes de la commune."
)
P2 = (
    "Selon le maire, les travaux commenceront au printemps et devraient durer près de deux "
    "ans, pour un coût total estimé à douze millions d'euros."
)

#: (page id in the TRAIN split, start of the line, rule that must remove it)
REAL_FURNITURE = [
    ("fr-a-0089", "À LIRE AUSSIChez", "related_link_family"),
    ("fr-b-0088", "À lire aussi « Nus", "related_link_family"),
    ("fr-a-0169", ">> RELIRE.", "related_link_family"),
    ("fr-a-0164", "Ceci pourrait", "related_heading_family"),
    ("fr-b-0160", "Ces articles devraient", "related_heading_family"),
    ("fr-a-0127", "Articles récents", "related_heading_family"),
    ("fr-a-0119", "Autres vidéos", "related_heading_family"),
    ("fr-a-0056", "Sélectionné pour vous", "related_heading_family"),
    ("fr-a-0129", "Vous pouvez lire cet article", "read_elsewhere_line"),
    ("fr-b-0019", "Voir la bio", "author_bio_link"),
    ("fr-a-0100", "Vos codes d'accès", "login_error_family"),
    ("fr-a-0112", "Choisissez votre formule", "login_prompt_family"),
    ("fr-a-0007", "Découvrez la suite", "login_prompt_family"),
    ("en-m-0022", "Your subscription will end", "login_prompt_family_en"),
    ("fr-a-0086", "[GARD align= »", "cms_residue"),
    ("fr-b-0017", "21366608_", "cms_file_name"),
    ("fr-a-0035", "le-temps-des-cerises", "cms_slug"),
    ("fr-a-0167", ":fill(black)", "image_url_fragment"),
    ("fr-a-0121", "Copier le lien Partager", "share_bar"),  # share rows: round 27
    ("fr-a-0146", "Madaplus.info0", "share_row"),
    ("fr-a-0085", "Etienne Tshisekedi au stade", "caption_end_credit"),
    ("fr-b-0144", "Le Mondial de l'Auto a ouvert", "caption_end_credit"),
    ("fr-b-0164", "Le championnat prendra", "caption_end_credit"),
    ("fr-a-0157", "Dmitry Astakhov", "caption_lead_credit"),
    ("fr-a-0141", "Information publiée le", "meta_notice_family"),
    ("fr-a-0042", "Abonnez-vous à nos infolettres", "newsletter_family"),
    ("fr-a-0007", "Accueil Belgique Politique", "home_glued_breadcrumb"),
    ("fr-a-0164", "Thèmes", "tags_label_line"),
    ("en-m-0011", "Please Join Us", "social_follow_family_en"),
]

#: Article sentences and headlines that look like furniture: they must stay.
LOOK_ALIKES = [
    "Lire aussi les romans de Zola permet de mieux comprendre le XIXe siècle.",
    "Voir aussi l'article 12 du Code civil, qui précise les conditions du divorce.",
    "Le temps de lecture moyen d'un article en ligne ne dépasse pas 37 secondes.",
    "Connectez-vous sur le site de la CAF pour vérifier votre éligibilité à la prime.",
    "Connectez-vous à votre espace Ameli pour télécharger l'attestation.",
    "Inscrivez-vous avant le 15 mars pour participer au semi-marathon de Lyon.",
    "Choisissez une formule adaptée à votre consommation d'électricité.",
    "Comment rester connecté pendant les vacances sans exploser son forfait ?",
    "Mot de passe oublié : comment récupérer l'accès à son compte Ameli",
    "La ville publie une infolettre mensuelle sur l'avancement des travaux du tramway.",
    "Sa newsletter quotidienne compte désormais deux millions d'abonnés, selon le groupe.",
    "Temps de lecture, temps d'écran : les enfants lisent de moins en moins.",
    "Un courrier arrivera dans votre boîte aux lettres d'ici lundi.",
    "Il a osé partager sur Facebook une photo de son bulletin de vote.",
    "Facebook, Twitter et Instagram ont été condamnés à une amende.",
    "Le clip est à voir sur YouTube depuis vendredi.",
    "Le titre est disponible sur Spotify et Deezer depuis vendredi.",
    "Les commentaires sont modérés par une équipe de vingt personnes chez Meta.",
    "Vous utilisez une extension de navigateur ? Vérifiez ses permissions.",
    "Découvrir tous les secrets du Mont-Blanc",
    "Acheter le journal papier devient un luxe",
    "Les plus anciens",
    "Tendances",
    "Recommandations",
    "Pour aller plus loin, le gouvernement propose une nouvelle loi sur le logement.",
    "Suivant les recommandations de l'OMS, le ministère a prolongé la campagne.",
    "LightOn lève 10 millions d'euros pour ses modèles de langue",
    "Le système fonctionne globalement bien, a salué le ministre de la Justice. © AFP",
    "Publié en 1862, le roman de Victor Hugo reste un succès de librairie.",
    "Source : La Nouvelle Tribune",
    "Les autres sujets abordés lors du conseil municipal",
]


@pytest.mark.parametrize(("page_id", "start", "rule"), REAL_FURNITURE)
def test_real_furniture_removed_between_paragraphs(train_furniture_line, page_id, start, rule):
    line = train_furniture_line(page_id, start)
    assert_taken_between(line, rule, P1, P2, CFG)


@pytest.mark.parametrize("sentence", LOOK_ALIKES)
def test_look_alike_article_lines_stay(sentence):
    doc = f"{P1}\n\n{sentence}\n\n{P2}\n"
    r = strip_text(doc, CFG)
    assert sentence in r.text, [(c.rule, c.before[:80]) for c in r.changes]
    assert not r.changes


def _family_rules() -> set[str]:
    return {rule for _, _, rule in REAL_FURNITURE} | {
        "prev_next_link", "reading_time_family", "reading_time_family_en", "buy_issue",
        "buy_issue_en", "comment_action_family", "comment_action_family_en",
        "comment_notice_family", "player_family", "podcast_prompt", "embed_social_family",
        "embed_social_line", "meta_widget_family", "adblock_notice", "related_heading_family_en",
        "cms_residue_en", "nav_read_more_en",
    }


def test_families_exist_in_the_data_files():
    rs = load_rules(("fr", "en"))
    names = {r.name for rules in rs.rules.values() for r in rules}
    assert _family_rules() <= names


UD = ROOT.parent / "shared" / "corpora" / "fr-ud"
#: Section headings of the Wikipedia pages in UD: furniture there too.
WIKI_FURNITURE = {"Voir aussi", "Articles connexes", "Liens externes"}


@pytest.mark.skipif(not UD.is_dir(), reason="UD French sentences not at ../shared/corpora/fr-ud")
def test_no_ud_sentence_condemned_by_a_family_rule():
    """~5,000 real French sentences (news, blogs, Wikipedia): none is furniture for these rules."""
    rs = load_rules(("fr", "en"))
    stop = load_stopwords(("fr", "en"))
    families = _family_rules()
    hit = []
    n = 0
    for f in sorted(UD.glob("*.txt")):
        for row in f.read_text("utf-8").splitlines():
            text = row.partition("\t")[2]
            ln = _Line(text, stop)
            if ln.blank or text.strip() in WIKI_FURNITURE:
                continue
            n += 1
            rule = rs.match_line(ln.text, ln.n) or rs.match_prefix(ln.text, ln.n)
            rule = rule or _phrase_verdict(ln, rs)
            if rule is not None and rule.name in families:
                hit.append((rule.name, text))
    assert n > 4000
    assert not hit, hit[:10]
