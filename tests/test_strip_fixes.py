"""Known defects of the strip stage fixed in issue 10 (branch strip-fixes), each on real input.

Pages read here are from the TRAIN split of ``fixtures/strip_real`` (the test split is never
opened by these tests), the seeds and the fixtures of ``fixtures/strip``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleannews
from _helpers import IDEMPOTENCE_KNOWN, train_doc, train_pages
from cleannews.evaluate import read_fixture
from cleannews.strip import strip_text
from cleannews.strip.html import html_to_text

ROOT = Path(__file__).resolve().parent.parent
CFG = cleannews.CleanConfig()


def _train_doc(page_id: str) -> str:
    return train_doc(page_id)[0]  # never a held-out page


def _idempotence_inputs() -> list[tuple[str, str]]:
    """(name, text): the seeds, every TRAIN page, the plain-text fixtures, and the text the
    HTML front end makes of the HTML fixtures."""
    docs = [(p.name, p.read_text("utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs += [
        (rec["id"], doc)
        for rec, doc, _ in train_pages()
    ]
    for p in sorted((ROOT / "fixtures" / "strip").glob("*.txt")):
        docs.append((p.name, read_fixture(p)[0]))
    for p in sorted((ROOT / "fixtures" / "strip").glob("*.html")):
        docs.append((p.name, html_to_text(read_fixture(p)[0], CFG).text))
    return docs


# --- 1. idempotence ---------------------------------------------------------------------


def test_strip_twice_removes_nothing_more_on_seeds_train_pages_and_fixtures():
    """``strip(strip(x)) == strip(x)`` on every real input we may develop on (but the recorded
    ``_helpers.IDEMPOTENCE_KNOWN`` inputs, which must still fail in the recorded way)."""
    docs = _idempotence_inputs()
    assert len(docs) >= 5 + 330 + 40
    failures, known = [], {}
    for name, doc in docs:
        once = strip_text(doc, CFG)
        twice = strip_text(once.text, CFG)
        if twice.text != once.text:
            if name in IDEMPOTENCE_KNOWN:
                known[name] = {c.rule for c in twice.changes}
                continue
            failures.append((name, [(c.rule, c.before[:60]) for c in twice.changes]))
    assert not failures, failures
    assert known == IDEMPOTENCE_KNOWN, known


def test_every_site_suffix_of_the_headline_goes_in_one_pass():
    """en-m-0009's title line as the first line: " | Brightsurf | June 20, 2019" goes at
    once (one part per pass before: a second cleaning removed " | Brightsurf")."""
    doc = _train_doc("en-m-0009")
    title = "Science Current Events and Science News | Brightsurf | June 20, 2019"
    assert title in doc
    doc = doc[doc.index(title) :]  # the page as if its "Nav: Home" line had gone
    once = strip_text(doc, CFG)
    suffix = [c for c in once.changes if c.rule == "title_site_suffix"]
    assert [c.before for c in suffix] == [" | Brightsurf | June 20, 2019"]
    assert once.text.startswith("Science Current Events and Science News\n")
    assert strip_text(once.text, CFG).changes == []


def test_a_headline_with_a_single_pipe_inside_keeps_its_first_part():
    # the part before the suffixes must keep at least three words
    text = "Brexit | Europe | Le Courrier\n\n" + (
        "Le Parlement britannique a voté mardi soir un nouveau texte sur les relations "
        "commerciales avec l'Union européenne, après des semaines de débat.\n"
    )
    assert strip_text(text, CFG).text == text


def test_counters_alone_on_their_line_go_on_the_first_pass():
    """fr-a-0160: two "0" counters under the headline; the line model took one per pass (the
    second stood as a "subheading" above the repeated headline). Both go now, by rule."""
    doc = _train_doc("fr-a-0160")
    once = strip_text(doc, CFG)
    zeros = [c for c in once.changes if c.before.strip() == "0"]
    assert [c.rule for c in zeros] == ["counter_number", "counter_number"]
    assert strip_text(once.text, CFG).text == once.text


def test_numbers_inside_table_rows_and_numbered_items_stay():
    """fr-b-0108's box-office table (cells joined by " | ") and a numbered item "1." stay."""
    doc = _train_doc("fr-b-0108")
    out = strip_text(doc, CFG)
    assert not [c for c in out.changes if c.rule == "counter_number"]
    assert "1 | Wonder Woman | 2 883 | 22 | 131 |" in out.text
    text = (
        "Les trois conseils des pompiers pour l'été\n\n1.\n\n"
        "Ne jamais laisser un barbecue allumé sans surveillance, même quelques minutes.\n"
    )
    assert strip_text(text, CFG).text == text


# --- 2. image agencies: a credit line is a credit, a sentence about the company is not --------

_BEFORE = (
    "Le marché de la photographie de presse connaît une concentration sans précédent, selon "
    "plusieurs analystes interrogés cette semaine par notre rédaction."
)
_AFTER = (
    "Les photographes indépendants s'inquiètent de la baisse des tarifs pratiqués par les "
    "grandes banques d'images, qui dominent désormais le secteur."
)


def _between_paragraphs(line: str) -> list[str]:
    """Rules that remove ``line`` set between two article paragraphs."""
    doc = "\n".join(["Les banques d'images se regroupent", _BEFORE, line, _AFTER]) + "\n"
    return [c.rule for c in strip_text(doc, CFG).changes if c.before.strip() == line]


@pytest.mark.parametrize(
    "sentence",
    [
        "Getty Images a annoncé le rachat de Shutterstock.",
        "Getty Images et Shutterstock fusionnent.",
        "Shutterstock a publié mardi ses résultats trimestriels.",
        "L'agence a été rachetée par Getty Images en 2024.",
        "Le photographe travaille pour Getty Images depuis 2010.",
        "Maxppp emploie une centaine de photographes.",
        "Les images sont diffusées sous licence Creative Commons.",
    ],
)
def test_short_sentences_about_an_image_agency_stay(sentence):
    assert _between_paragraphs(sentence) == []


@pytest.mark.parametrize(
    ("credit", "rule"),
    [
        ("(Photo by Sean Gallup/Getty Images)", "photo_credit"),  # fr-a-0027's credit
        ("©Wikimedia Commons", "photo_credit"),  # fr-b-0147
        ("© Maxppp - ILLUSTRATION Maxppp", "photo_credit"),  # fr-a-0093's credit
        ("Crédit : Shutterstock", "photo_credit"),
        ("Getty Images", "agency_credit_line"),
        ("Maxppp", "agency_credit_line"),
        ("Shutterstock / Jean Dupont", "agency_credit_line"),
        ("Illustration Shutterstock", "agency_credit"),
        ("Photo d'illustration / Shutterstock", "agency_credit"),
        ("(Getty Images)", "agency_credit"),
        ("AFP via Getty Images", "credit_line_en"),
        ("Sean Gallup / Getty Images", "agency_photo_credit"),
    ],
)
def test_credit_lines_naming_an_agency_go(credit, rule):
    assert _between_paragraphs(credit) == [rule]


def test_train_captions_with_an_agency_credit_still_go(train_furniture_line):
    """The TRAIN captions and credits that name an agency are removed as before."""
    lines = [
        train_furniture_line("fr-a-0027", "Un drone"),
        train_furniture_line("fr-a-0093", "Les forces du GIGN ont été appelées sur place. ©"),
        train_furniture_line("fr-b-0147", "©Wikimedia"),
    ]
    for line in lines:
        assert _between_paragraphs(line.strip()), line


@pytest.mark.parametrize(
    "sentence",
    [
        "La photo de famille a été retardée.",  # 7 words: photo_by took it before
        "Il a pris une photo de la foule.",
        "Les photos de la fête circulent.",
        "Une photo de Macron fait polémique.",
    ],
)
def test_short_sentences_about_a_photo_stay(sentence):
    """``photo_by`` reads "photo de / par / by" as a credit only at the line's start or
    after a separator, not inside a short sentence (lines of up to 8 words)."""
    assert _between_paragraphs(sentence) == []


@pytest.mark.parametrize(
    "credit",
    ["Photo de Jean Dupont", "• Photos de Marie Martin", "Le maire, photo de l'auteur",
     "Légende du cliché. Photo par Marie Martin"],
)
def test_photo_credits_by_a_person_go(credit):
    assert "photo_by" in _between_paragraphs(credit)


# --- 3. scripts without a stoplist --------------------------------------------------------

#: A real Chinese news page's paragraphs (the GB2312 page of tests/test_html_charset.py).
_ZH = [
    "一个约定，信守15年，感人至深；一段真情，延续15年，催人奋进。河北农大果树专业的毕业生们"
    "用行动诠释了什么是责任和担当。",
    "秦皇岛、承德、张家口等10个设区市演出(此前已在保定市演出多场)，引起强烈反响，观众"
    "纷纷表示深受教育和感动。",
    "如今，向河北农大果树93(01)班毕业生群体学习的热潮正在全省各地深入开展，各地纷纷组织"
    "学习讨论活动。",
]
#: Sentences written for this test (no page of the corpus is in these scripts).
_OTHER_SCRIPTS = {
    "th": "รัฐบาลไทยประกาศมาตรการกระตุ้นเศรษฐกิจชุดใหม่เมื่อวันอังคารเพื่อช่วยเหลือผู้มีรายได้น้อย",
    "hi": "भारत सरकार ने मंगलवार को किसानों के लिए एक नई सहायता योजना की घोषणा की जिससे लाखों "
    "परिवारों को लाभ मिलेगा",
    "ru": "Правительство России в среду утвердило новый бюджет на следующий год увеличив расходы "
    "на социальные программы",
    "ja": "日本銀行は火曜日、金融政策決定会合で大規模な金融緩和策を維持することを決めた。",
}


def test_stoplists_are_latin_script_words():
    """"No stoplist for this script" is "not Latin": every stopword is Latin-script."""
    from cleannews.config import RULE_LANGUAGES
    from cleannews.strip._pagelang import no_stoplist_script
    from cleannews.strip._rules import load_stopwords

    for lang in RULE_LANGUAGES:
        words = load_stopwords((lang,))
        assert words
        assert not [w for w in words if no_stoplist_script(w)], lang


def test_chinese_paragraphs_stay_in_plain_text_and_html():
    text = "信守十五年的约定\n\n" + "\n\n".join(_ZH) + "\n\n分享\n"
    out = strip_text(text, CFG).text
    for para in _ZH:
        assert para in out
    # HTML: headline and three paragraphs were four one-to-three-"word" lines: a menu
    html = (
        "<html><head><title>信守十五年的约定</title></head><body><article><h1>信守十五年的约定</h1>"
        + "".join(f"<p>{p}</p>" for p in _ZH)
        + "</article></body></html>"
    )
    doc = cleannews.clean_html(html, CFG.replace(score_spin=False))
    assert [c.rule for c in doc.changes if c.stage == "strip"] == []
    for para in _ZH:
        assert para.replace("，", ",")[:12] in doc.text.replace("，", ",")


@pytest.mark.parametrize("lang", sorted(_OTHER_SCRIPTS))
def test_a_sentence_without_stop_words_in_its_script_is_no_tag_cloud(lang):
    """Thai / Hindi / Russian lines without a final period were "tag clouds" (no stop words,
    no sentence punctuation); Japanese ones one-word lines. They stay, alone, among French
    paragraphs and at the end of the text."""
    line = _OTHER_SCRIPTS[lang]
    fr = _BEFORE
    for text in (line + "\n", f"{fr}\n{line}\n{fr}\n", f"{fr}\n\n{line}\n{line}\n"):
        r = strip_text(text, CFG)
        assert r.changes == [], (lang, [(c.rule, c.before[:30]) for c in r.changes])


def test_latin_tag_clouds_still_go():
    cloud = ("abus technologie Accord OpenAI Apple accélérateur innovation santé "
             "accélérateur startup Acquisition start-up")
    r = strip_text(f"{_BEFORE}\n{cloud}\n{_AFTER}\n", CFG)
    assert [c.rule for c in r.changes] == ["tag_cloud"]


# --- lists of names introduced by a colon stay, even next to furniture ------------------

_LINEUP_PAGE = (
    "Le club a dévoilé sa liste pour la finale\n\n"
    "L’entraîneur a annoncé mardi la composition de son équipe pour la finale de la coupe, "
    "qui se jouera samedi soir au stade de France devant plus de 80 000 spectateurs.\n\n"
    "Composition de l’équipe :\nJean Martin\nSophie Durand\nPaul Lefèvre\nLucas Bernard\n"
)


@pytest.mark.parametrize(
    "tail",
    ["", "\nPartager sur Facebook\n",
     "\nPartager sur Facebook\nLire aussi : La finale en cinq questions\n"],
)
def test_a_lineup_introduced_by_a_colon_stays_next_to_furniture(tail):
    """Issue 10 item 4: a list of names is article content. Followed by a share bar it
    was a ``menu_run`` (a run of one-to-three-word lines after the article)."""
    out = strip_text(_LINEUP_PAGE + tail, CFG)
    for name in ("Jean Martin", "Sophie Durand", "Paul Lefèvre", "Lucas Bernard"):
        assert name in out.text
    assert "Partager sur Facebook" not in out.text


def test_a_menu_after_the_article_still_goes():
    page = _LINEUP_PAGE.split("Composition")[0] + (
        "\nRubriques :\nPolitique\nÉconomie\nSport\nCulture\nPartager sur Facebook\n"
    )
    out = strip_text(page, CFG)
    assert "Économie" not in out.text and "Culture" not in out.text


_FESTIVAL = (
    "Le festival s’est ouvert vendredi soir à Avignon devant un public nombreux, malgré la "
    "chaleur qui a marqué toute la journée, selon les organisateurs.\n\n"
)


@pytest.mark.parametrize(
    ("lines", "tail"),
    [
        (["Résultats", "1. Jean Martin", "2. Sophie Durand", "3. Paul Lefèvre",
          "4. Lucas Bernard"], ""),
        (["Distribution", "Jean Martin", "Sophie Durand", "Paul Lefèvre", "Lucas Bernard",
          "Mise en scène : Anne Petit"], ""),
        (["Au programme", "10 h : ouverture", "12 h : déjeuner", "14 h : concerts",
          "18 h : clôture"], ""),
        (["Les chiffres clés", "• 120 spectacles", "• 40 000 billets", "• 12 lieux",
          "• 3 semaines"], ""),
        (["Les lauréats", "Jean Martin", "Sophie Durand", "Paul Lefèvre", "Lucas Bernard"],
         "\nPartager\nFacebook\nTwitter\n"),
        # a fact box before the share bar: the tail-teaser detector took its last figure,
        # which left too few list items for the guard
        (["EN CHIFFRES", "100 000 logements", "2030 horizon", "4 milliards d’euros"],
         "\nPartager sur Facebook\nPartager sur X\n"),
    ],
)
def test_lists_at_the_end_of_an_article_are_no_menu(lines, tail):
    """Results, a cast, a programme, bullet figures and a list of names after the last
    paragraph went as a ``menu_run`` (four short lines after the article); their items
    carry list markers, "label : value" or personal names, which menus do not."""
    out = strip_text(_FESTIVAL + "\n".join(lines) + "\n" + tail, CFG)
    for line in lines:
        assert line in out.text
    assert "Partager" not in out.text


def test_a_bare_menu_after_the_article_still_goes():
    page = _FESTIVAL + "\n".join(["À la une", "Politique", "Faits divers", "En direct",
                                    "Culture"]) + "\n"
    out = strip_text(page, CFG)
    assert "Faits divers" not in out.text and "En direct" not in out.text
