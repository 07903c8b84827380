"""Login / registration / paywall form residue as a run of short form-word lines
(branch forms23: ``strip._widgets.form_run``, the rule files' ``form_words``).

Real TRAIN lines that go even without the site-worded login rules (as in the site-grouped
CV, which leaves a fold's single-site patterns out), generated forms in the five languages,
look-alike article sentences that stay, and 1 MB adversarial lines.
"""

from __future__ import annotations

import pytest
from tools.strip_model.rule_support import rules_without

from _helpers import (
    PROBE_PARAS,
    assert_megabyte_lines_finish,
    changes_by,
    kept_lines,
    sentence_pages_taken,
    served_removals,
    train_lines_taken,
)
from cleannews import CleanConfig
from cleannews.strip import _rules, strip_text
from cleannews.strip._assemble import BAD
from cleannews.strip._rules import load_rules, load_stopwords
from cleannews.strip._widgets import FORM_RUN_MIN, _form_line, form_run
from cleannews.strip.detectors import _Line

CFG = CleanConfig()

#: The login rules of fr.json that took the form lines of fr-f-0039 in-sample (worded on
#: TRAIN pages: the CV drops such single-site patterns with the fold's sites).
FR_LOGIN_RULES = ("login_field_gen10", "login_form_family", "login_panel", "newsletter_line")


def _vocab(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    return load_rules((lang,)).form_words, load_stopwords((lang,))


@pytest.mark.parametrize("lang", ["fr", "en", "de", "es", "it"])
def test_every_language_has_form_words(lang):
    assert len(_rules._rule_file(lang)["form_words"]) >= 30


@pytest.mark.parametrize("text", [
    "Nom d'utilisateur:", "Mot de passe:", "Inscrit ou abonné ?", "Inscription",  # TRAIN
    "* Pflichtfelder",  # TRAIN, de-e-0004
    "Mot de passe oublié ?", "Identifiant", "Adresse e-mail invalide", "Ce champ est obligatoire",
    "Rester connecté", "Créer un compte", "Valider",
])
def test_form_lines_of_train_pages_and_generic_labels(text):
    lang = "de" if "Pflicht" in text else "fr"
    vocab, stop = _vocab(lang)
    assert _form_line(_Line(text, stop), vocab, stop), text


@pytest.mark.parametrize("text", [
    "Il a oublié son mot de passe et n'a plus accès à son compte bancaire.",
    "Il a oublié son mot de passe.",
    "Le compte de campagne a été validé par la commission.",
    "Les inscriptions sur les listes électorales sont ouvertes jusqu'au 6 mars",
])
def test_sentences_are_no_form_lines(text):
    vocab, stop = _vocab("fr")
    assert not _form_line(_Line(text, stop), vocab, stop), text


def test_train_form_lines_go_without_the_site_rules(train_page):
    """fr-f-0039 (almanach-dz.com, TRAIN): the CV missed "Nom d'utilisateur:" and
    "Mot de passe:" once the site-worded patterns were left out; the run takes them."""
    doc, labelled = train_page("fr-f-0039")
    data = _rules._rule_file("fr")
    drop = {("fr", r["name"], p) for r in data["rules"] if r["name"] in FR_LOGIN_RULES
            for p in r["patterns"]}
    with rules_without(drop):
        got = served_removals(doc, CFG)
    assert got.get("Nom d'utilisateur:") == "form_run"
    assert got.get("Mot de passe:") == "form_run"
    content = {lb.text.strip() for lb in labelled if lb.content}
    assert not content & set(got)


def test_train_inscription_after_a_login_link_goes(train_page):
    doc, _ = train_page("fr-e-0039")
    assert served_removals(doc, CFG).get("Inscription") == "form_run"


def test_form_run_never_takes_a_train_content_line(strip_real_docs):
    # train_lines_taken fails on a content line; held-out pages are never read
    assert train_lines_taken(strip_real_docs, {"form_run"}, CFG).get("form_run", 0) >= 1


FORMS = {
    "fr": ["Identifiant", "Mot de passe :", "Mot de passe oublié ?", "Rester connecté"],
    "en": ["Username", "Password *", "Forgot your password?", "Keep me signed in"],
    "de": ["Benutzername", "Passwort *", "Passwort vergessen?", "* Pflichtfelder"],
    "es": ["Usuario", "Contraseña", "¿Olvidaste tu contraseña?", "Campo obligatorio"],
    "it": ["Nome utente", "Password", "Password dimenticata?", "Campo obbligatorio"],
}


@pytest.mark.parametrize("lang", sorted(FORMS))
def test_generated_forms_go_and_the_article_stays(lang):
    p = PROBE_PARAS[lang]
    text = "\n\n".join([p[0], p[1], "\n".join(FORMS[lang]), p[0] + " ", p[1] + " "])
    kept = kept_lines(text, CFG)
    for line in FORMS[lang]:
        assert line not in kept, (lang, line)
    assert kept.count(p[0]) + kept.count(p[0] + " ") >= 1


@pytest.mark.parametrize("lang", sorted(FORMS))
def test_one_label_alone_stays_for_the_run(lang):
    """A single short line of form words (a subheading "Mot de passe") is no run."""
    vocab, stop = _vocab(lang)
    lines = [_Line(t, stop) for t in (PROBE_PARAS[lang][0], FORMS[lang][0],
                                      PROBE_PARAS[lang][1])]
    form_run(lines, [None] * len(lines), vocab, stop)
    assert FORM_RUN_MIN >= 2
    assert not any(ln.cls is BAD for ln in lines)


LOOKALIKES = [
    "Il a oublié son mot de passe et n'a plus jamais pu se connecter à son compte.",
    "Pour s'inscrire, il faut créer un compte avec une adresse e-mail valide.",
    "Der Nutzer hat sein Passwort vergessen und konnte sich nicht mehr anmelden.",
    "He forgot his password and could not log in to his bank account for weeks.",
    "Olvidó su contraseña y no pudo iniciar sesión en su cuenta durante días.",
    "Ha dimenticato la password e non è riuscito ad accedere al suo account.",
]


def test_lookalike_sentences_stay():
    p = PROBE_PARAS["fr"]
    assert sentence_pages_taken(LOOKALIKES, p[0], p[1], {"form_run"}, CFG) == []


def test_two_lookalike_sentences_in_a_row_stay():
    p = PROBE_PARAS["fr"]
    text = "\n\n".join([p[0], "\n".join(LOOKALIKES[:2]), p[1]]) + "\n"
    assert changes_by(strip_text(text, CFG), {"form_run"}) == []


def test_megabyte_lines_finish():
    assert_megabyte_lines_finish(
        ["Mot de passe ", "Mot de passe :\n", "Identifiant\n\n", "e-mail* ",
         "Passwort vergessen?\n"], CFG,
    )
