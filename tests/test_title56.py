"""Title repeats and breadcrumbs the strip stage left (issue 10, round 40, title56).

Every page below is built from real lines of TRAIN pages of ``fixtures/strip_real`` (ids
in each test): the headline printed again a few lines under itself, with a subtitle, a
kicker, a byline or a date between (:func:`cleannews.strip.detectors._headline_copies`),
and a one-line breadcrumb that ends with the headline right above it
(:func:`cleannews.strip.detectors._crumbs_over_headline`). The look-alike content stays:
the headline itself, a paragraph opening with the headline's words, a subheading printed
again after a paragraph, a transcript's speaker labels.
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import train_doc

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)


def _out(lines: list[str]) -> list[str]:
    text = "\n\n".join(lines) + "\n"
    return [ln.strip() for ln in cleannews.clean(text, CFG).text.splitlines() if ln.strip()]


BODY_DE = [
    "Milch ist ein wertvolles Lebensmittel - soll aber möglichst billig sein. Das hat Folgen. "
    "Für die Verbraucher ebenso wie für Bauern, Kühe und Landschaft.",
    "Milchkühe stehen auf einer blühenden Sommerwiese, mit Bergen im Hintergrund. Der alte "
    "Bauer schüttet die Milch aus einem Eimer in die große, gusseiserne Kanne.",
]
BODY_FR = [
    "Les Canadiens ont arraché une victoire de 4 à 3 en prolongation contre les Sénateurs "
    "d'Ottawa, prolongeant leur belle séquence à domicile.",
    "Devant leurs partisans, les joueurs de Martin St-Louis ont démontré leur nouvelle force : "
    "la profondeur de leur alignement.",
]
BODY_IT = [
    "PlayStation 5 è la quinta console di Sony Interactive Entertainment che permette "
    "prestazioni mai viste prima su una console PlayStation con esperienze nuove.",
    "Nonostante la pandemia, la comunicazione confusa e frammentata, lo stop temporaneo di "
    "fiere come E3 e Gamescom, la console è arrivata nei negozi.",
]


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # de-r43-0001: title, subtitle, meta line, the title again over the text
        (["Ratgeber: Lebensmittelerzeugung", "Am Anfang ist die Kuh",
          "ÖKO-TEST Januar 2010 | | Kategorie: Freizeit und Technik | 30.12.2009",
          "Ratgeber: Lebensmittelerzeugung"], BODY_DE),
        # it-r45-0001: title, a shop button, a subtitle, a label, the title again
        (["PlayStation 5 – Recensione", "Acquista Ora",
          "La next-gen secondo Sony è finalmente tra noi", "PlayStation 5",
          "PlayStation 5 – Recensione"], BODY_IT),
        # fr-f-0021: kicker, rubric, the title, a byline, the title again, the show's name
        (["Hockey", "L'après-match du hockey des Canadiens",
          "«Techniquement, c'était un de mes meilleurs matchs» -Samuel Montembeault",
          "par 98.5",
          "«Techniquement, c'était un de mes meilleurs matchs» -Samuel Montembeault",
          "Le hockey des Canadiens / Cogeco Média"], BODY_FR),
    ],
)
def test_headline_printed_again_over_its_text_goes(head: list[str], body: list[str]) -> None:
    title = head[-1] if head[0] in ("Hockey",) else head[0]
    out = _out(head + body)
    assert out.count(title) == 1  # the copy went
    assert out.index(title) < out.index(body[0])  # the headline stayed, above its text
    assert body[0] in out and body[1] in out


def test_teaser_printed_twice_over_its_summary_keeps_one_copy() -> None:
    # fr-r34-0004: a listing's teaser headline printed twice, both judged good
    head = ('Municipales 2026. "On peut toujours mieux faire" : dans le Nord-Mayenne, ce maire '
            "brigue un cinquième mandat")
    summary = ("Le maire de Lesbois, Jean-Paul Gahéry, sera candidat à sa succession aux "
               "prochaines élections municipales de mars 2026, pour un cinquième mandat.")
    out = _out([head, head, summary, "Publié le 24/11/2025 à 13h53"])
    assert out.count(head) == 1 and summary in out


def test_headline_printed_three_times_under_dates() -> None:
    # en-r35-0008: a teaser's link, title and image text, each under the same date
    head = "MSP calls for rail and track improvements across the Highlands"
    text = ("Emma Roddick says she finds it bizarre that ScotRail is using current passenger "
            "numbers to justify service cuts on the lines across the Highlands.")
    out = _out(["Highland Council agrees to back a series of cheap overnight campervan stops",
                "The council backed the plan on Thursday after a long debate in the chamber "
                "about tourism, roads and the cost of the new sites for the region.",
                head, "24 September 2021", head, head, "24 September 2021", text])
    assert out.count(head) == 1 and text in out


@pytest.mark.parametrize(
    ("crumb", "head", "body"),
    [
        # fr-r43-0018: home link, rubric, the headline, run together
        ("Accueil BIEN dans ma Tech La French Tech, un écosystème plein de vitalité",
         "La French Tech, un écosystème plein de vitalité",
         "La French Tech Périgord a convié entrepreneurs périgourdins et partenaires à une "
         "soirée consacrée aux jeunes pousses du département."),
        # it-r28-0003: the home link an icon, "/" left of the first crumb
        ("/ Rassegna stampa » 2017 » Gennaio » 10 » Rassegna stampa del 10 gennaio 2017",
         "Rassegna stampa del 10 gennaio 2017",
         "Rinnovati presidenti e consigli di 40 province italiane con il metodo del voto "
         "indiretto, riservato ai sindaci e ai consiglieri comunali."),
        # fr-r27-0009: the headline cut short by the trail
        ("Home Politique SHANDA TONME au sujet de la 43ème édition de la fête...",
         "SHANDA TONME au sujet de la 43ème édition de la fête nationale de l'unité et des "
         "25 ans du SDF",
         "Dieudonné Kengne, Directeur de publication du Journal des régions, reçoit SHANDA "
         "TONME pour parler de la fête nationale de l'unité."),
    ],
)
def test_breadcrumb_ending_with_the_headline_goes(crumb: str, head: str, body: str) -> None:
    out = _out([crumb, head, body])
    assert crumb not in out
    assert out[0] == head and body in out


def test_lead_opening_with_the_headline_words_stays() -> None:
    head = "Ratgeber: Lebensmittelerzeugung"
    lead = ("Ratgeber: Lebensmittelerzeugung ist das Thema dieses Hefts, denn Milch soll "
            "möglichst billig sein, und das hat Folgen für Bauern und Kühe.")
    out = _out([head, "Am Anfang ist die Kuh", lead, *BODY_DE])
    assert out[0] == head and lead in out and "Am Anfang ist die Kuh" in out


def test_subheading_printed_again_after_a_paragraph_stays() -> None:
    sub = "Die Folgen für die Landwirte"
    out = _out(["Warum der Milchpreis für die Bauern nicht reicht", sub, BODY_DE[0], sub,
                BODY_DE[1]])
    assert out.count(sub) == 2


def test_trail_word_that_is_no_breadcrumb_stays() -> None:
    # a line opening with a home word and with the headline's words, not ending with them
    head = "La French Tech, un écosystème plein de vitalité"
    line = "Accueil des start-ups : La French Tech, un écosystème plein de vitalité en Périgord"
    out = _out([head, line, "La French Tech Périgord a convié entrepreneurs périgourdins et "
                "partenaires à une soirée consacrée aux jeunes pousses du département."])
    assert head in out and line in out


def test_speaker_label_printed_twice_stays() -> None:
    # it-r32-0005: a council's transcript, the speaker labels are content
    out = _out(["Speaker : spk1",
                "Buonasera diamo inizio alla seduta del Consiglio comunale del 27 novembre "
                "2019, invito il vicesegretario ad effettuare l'appello.",
                "Speaker : spk2", "Sì, presente.", "Speaker : spk2",
                "Grazie presidente, chiedo la parola per una comunicazione sul bilancio del "
                "comune e sulle opere pubbliche del prossimo anno."])
    assert out.count("Speaker : spk2") == 2


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("fr-f-0021", "«Techniquement, c'était un de mes meilleurs matchs» -Samuel Montembeault"),
        ("es-m-0025", "Detienen a un sospechoso de provocar los últimos incendios en Lugo"),
        ("fr-r33-0010", "Le Vélodrome de Casablanca fait peau neuve"),
        ("en-r27-0008", "The town where ‘police don’t come out’"),
        ("de-r43-0001", "Ratgeber: Lebensmittelerzeugung"),
        ("it-r45-0001", "PlayStation 5 – Recensione"),
    ],
)
def test_train_page_keeps_one_copy_of_its_headline(page: str, title: str) -> None:
    """On the whole TRAIN page (development data) the headline printed again under a
    byline, a kicker or a date is left once: the first copy, labelled content."""
    doc, labelled = train_doc(page)
    assert sum(lb.text.strip() == title for lb in labelled) == 2  # content + title_repeat
    out = [ln.strip() for ln in cleannews.clean(doc, CFG).text.splitlines()]
    assert out.count(title) == 1


def test_role_printed_twice_in_a_roll_stays() -> None:
    # fr-r38-0014: a council's roll of names and offices over its text, a role printed twice
    roll = ["FINKE Michèle", "FRIDEN André", "Le bourgmestre", "SPELTZ François",
            "HIRTT Cilly", "L’échevin", "LAURENT Jérôme", "BOEVER Nadine", "L’échevin"]
    assert _out([*roll, *BODY_FR]).count("L’échevin") == 2


def test_short_sentence_printed_twice_close_together_stays() -> None:
    # a short answer repeated a line apart: a sentence ending with a full stop is content
    line = "Le conseil a voté la subvention à l'unanimité."
    out = _out(["Budget communal 2026", line, "Le maire a salué un vote historique.", line,
                *BODY_FR])
    assert out.count(line) == 2
