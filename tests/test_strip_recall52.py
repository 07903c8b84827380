"""Furniture the strip stage left in, by family (issue 10, round 37, branch recall52).

Two families of TRAIN furniture lines, each seen on several sites, that nothing took (a third,
``printed_again`` — the second copy of a sentence printed twice in a row — was withdrawn by the
lead at the round's end: counting only standing lines, it took every second paragraph of a page
whose paragraphs repeat between removed feeds, tests/test_misses32.py; so a sentence printed
twice stays twice, below):
* ``keyword_echo`` (``strip/_zones.py``): an image's keywords printed on a line of their
  own between the article's sentences ("marché logement neuf incertain", fr-g-0037).
* ``comment_interface_r37`` (five rule files, ``comments``): a comment count over the
  article's title ("83 comments on Les 7 erreurs …"), "Leave A Response", "Tienes que iniciar
  sesión para ver los comentarios", "L'espace des commentaires est ouvert aux inscrits.",
  a notification offer for replies.

The furniture lines are real TRAIN lines of ``fixtures/strip_real`` (page ids in the lists);
each test that expects a removal fails on the code before this branch. The look-alikes are
article lines that must stay.
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import clean_twice, train_doc, train_lines_taken
from cleannews.strip import strip_text
from test_strip_recall51 import page

CFG = cleannews.CleanConfig()
COMMENT_RULES = frozenset(
    f"comment_interface_r37{suffix}" for suffix in ("", "_en", "_de", "_es", "_it")
)
RULES = COMMENT_RULES | {"keyword_echo"}


def removals(text: str) -> dict[str, str]:
    """Removed line (stripped) -> the rule of this branch that removed it."""
    return {c.before.strip(): c.rule for c in strip_text(text, CFG).changes if c.rule in RULES}


def served_removals(page_id: str) -> list[tuple[str, str]]:
    """(rule, removed text) of this branch's rules on one TRAIN page as served."""
    doc, _ = train_doc(page_id)
    return [(c.rule, c.before.strip()) for c in strip_text(doc, CFG).changes if c.rule in RULES]


def test_a_headline_printed_twice_stays():
    """it-m-0021: two teasers' headlines printed twice, labelled content both times; a
    headline ends without a full stop, so this branch's rules take neither copy (the title
    detectors are another matter: one copy of the first is a known TRAIN loss)."""
    _, labelled = train_doc("it-m-0021")
    line = "Manolas, infortunio durante il calcio-tennis: fuori un mese"
    assert [lb.content for lb in labelled if lb.text.strip() == line] == [True, True]
    assert served_removals("it-m-0021") == []


@pytest.mark.parametrize(
    "line",
    [
        "Le conseil a voté la subvention à l'unanimité.",  # a short answer repeated
        "Les travaux dureront six mois et coûteront 2 millions d'euros.",
    ],
)
def test_a_sentence_printed_once_or_apart_stays(line):
    """A sentence printed once, or twice with a paragraph between the copies, stays."""
    assert removals(page("fr", line)) == {}
    text = page("fr", line, "Le maire a salué un vote « historique » pour la commune.", line)
    assert removals(text) == {}
    assert strip_text(text, CFG).text.count(line) == 2


#: (TRAIN page, keyword line) — an image's keywords between the article's sentences.
KEYWORD_ECHOES = [
    ("fr-g-0037", "marché logement neuf incertain"),
    ("fr-r33-0008", "batiment"),
    ("it-c-0017", "sigarette"),
    ("it-c-0007", "bosto"),
    ("fr-f-0015", "article placeholder"),
]


@pytest.mark.parametrize(("page_id", "line"), KEYWORD_ECHOES)
def test_an_images_keywords_between_sentences_go(page_id, line):
    _, labelled = train_doc(page_id)
    assert any(not lb.content and lb.text.strip() == line for lb in labelled), line
    assert ("keyword_echo", line) in served_removals(page_id)


def test_a_word_of_a_sentence_cut_over_lines_stays():
    """fr-a-0168: "… à l'origine de" / "deux" / "incendies" / "cette semaine …": the line
    above has no sentence end, the one under it no capital."""
    doc, _ = train_doc("fr-a-0168")
    assert not [t for rule, t in served_removals("fr-a-0168") if rule == "keyword_echo"]
    assert "\nincendies\n" in "\n" + strip_text(doc, CFG).text + "\n"


@pytest.mark.parametrize(
    "line",
    [
        "Les Bleus",  # a capital: a kicker or a subheading
        "marché de la viande",  # stop words: a fragment of text
        "sel, poivre, huile d'olive",  # punctuation: a list
    ],
)
def test_keyword_lookalikes_stay(line):
    assert removals(page("fr", line)) == {}


#: (language of the test page, TRAIN page, line, rule) — real lines, left in before.
COMMENTS = [
    ("fr", "fr-r42-0009", "83 comments on Les 7 erreurs qui font rater vos semis de tomates",
     "comment_interface_r37_en"),
    ("en", "en-r42-0004", "Leave A Response", "comment_interface_r37_en"),
    ("es", "es-r39-0005", "Tienes que iniciar sesión para ver los comentarios",
     "comment_interface_r37_es"),
    ("es", "es-r41-0005", "Tienes que iniciar sesión para ver los comentarios",
     "comment_interface_r37_es"),
    ("fr", "fr-r32-0022", "L'espace des commentaires est ouvert aux inscrits.",
     "comment_interface_r37"),
    ("fr", "fr-r31-0020",
     "Souhaitez-vous recevoir une notification lors de la réponse d’un(e) internaute à votre "
     "commentaire ?", "comment_interface_r37"),
    ("fr", "fr-r37-0007", "1 avis :", "comment_interface_r37"),
]
COMMENTS_OTHER = [
    ("de", "3 Kommentare zu Neue Radwege für die Innenstadt", "comment_interface_r37_de"),
    ("de", "Hinterlasse eine Antwort", "comment_interface_r37_de"),
    ("it", "12 commenti su Il nuovo ponte sul fiume", "comment_interface_r37_it"),
    ("it", "Lascia una risposta", "comment_interface_r37_it"),
    ("en", "You must be logged in to view the comments", "comment_interface_r37_en"),
    ("fr", "Connectez-vous pour voir les commentaires", "comment_interface_r37"),
]
COMMENT_LOOKALIKES = [
    ("en", "83 comments on the plan were sent to the council."),
    ("en", "12 comments on Facebook were deleted by the moderators."),
    ("en", "5 responses to Trump's tariffs"),
    ("fr", "3 réponses à Emmanuel Macron"),
    ("fr", "12 commentaires sur Le projet ont été déposés en mairie."),
    ("de", "12 Antworten auf Fragen der Bürger"),
]


@pytest.mark.parametrize(("lang", "page_id", "line", "rule"), COMMENTS)
def test_comment_interface_lines_of_train_pages_go(lang, page_id, line, rule):
    _, labelled = train_doc(page_id)
    assert any(not lb.content and lb.text.strip() == line for lb in labelled), line
    assert removals(page(lang, line)).get(line) == rule


@pytest.mark.parametrize(("lang", "line", "rule"), COMMENTS_OTHER)
def test_the_same_comment_lines_in_other_languages_go(lang, line, rule):
    assert removals(page(lang, line)).get(line) == rule


@pytest.mark.parametrize(("lang", "line"), COMMENT_LOOKALIKES)
def test_comment_lookalikes_stay(lang, line):
    text = page(lang, line)
    assert removals(text) == {}
    assert line in strip_text(text, CFG).text


def test_no_train_content_line_removed_by_these_rules(strip_real_docs):
    """Every TRAIN page as served: no content line is removed by this branch's rules
    (``train_lines_taken`` fails on one), and they fire on at least 20 lines (21 on
    1,504 pages; 30 was the bound while ``printed_again``, withdrawn, took 14 more)."""
    taken = train_lines_taken(strip_real_docs, RULES, CFG)
    assert sum(taken.values()) >= 20, taken


# --- echo52: the two passes run last, on the lines as the cleaned page reads them ------------

_ECHO_P1 = (
    "Le conseil municipal a voté mardi soir le budget de la commune pour l'année prochaine, "
    "après un long débat."
)
_ECHO_P2 = (
    "Les élus de l'opposition ont dénoncé une hausse des impôts locaux de trois pour cent dès "
    "le mois de janvier."
)
_ECHO_COPY = "Le nouveau pont sur la Loire sera ouvert à la circulation en septembre prochain."


def test_a_copy_with_a_glued_shortcode_is_cut_once_and_both_copies_stay():
    """de-r39-0007's shape: the second copy ends with a glued ``[media-credit …]`` shortcode,
    which the strip stage cuts in the first cleaning; both copies of the sentence stay (the
    withdrawn ``printed_again`` took the second one, in the second cleaning before echo52)."""
    text = (
        f"{_ECHO_P1}\n\n{_ECHO_COPY}\n\n"
        f'{_ECHO_COPY}[media-credit id="69" align="aligncenter" width="645"]\n\n'
        f"{_ECHO_P2}\n\n{_ECHO_P1.replace('mardi', 'jeudi')}"
    )
    once, twice = clean_twice(text)
    assert once == twice
    assert once.count(_ECHO_COPY) == 2
    assert "media-credit" not in once
