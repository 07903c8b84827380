"""HTML path, branch html17 (issue 10), read on the dev pages of both HTML benchmarks
(``bench_html_trafilatura.py --half dev``, ``bench_html_gold.py --part dev``).

* **no headline below the text's opening paragraph** (``_paragraph_before_title``): the
  text stage's headline search passed over standing lines longer than a headline and took
  the first short line under them for the page's title, however far down. domradio.de
  prints its ZdK fact box before the headline (the box's ``<h3>`` is kept as a heading);
  the box's last, 26-word paragraph ("… leitete. (KNA 19.11.21)") became "the title", and
  the same paragraph in the box's second copy after the article went as ``title_repeat``.
  A sentence under an opening paragraph is no headline now; a short line that does not end
  like a sentence (a byline printed twice under the article) still is.

The pages keep the sites' markup, shortened; the texts are written for these tests.
"""

from __future__ import annotations

import cleannews

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)

BOX_PARAS = [
    "Das Zentralkomitee der deutschen Katholiken (ZdK) ist das höchste repräsentative "
    "Gremium des deutschen Laien-Katholizismus. Es vertritt die katholischen Laien bei der "
    "gesellschaftlichen Meinungsbildung und ist das anerkannte Organ zur Koordinierung des "
    "Laienengagements in der Kirche.",
    "Organe des ZdK sind außer der Vollversammlung der Präsident, das Präsidium und der "
    "Hauptausschuss. Für Sachbereiche gibt es Sprecher. Der halbjährlich tagenden "
    "Vollversammlung gehören rund 230 Mitglieder an, die aus Verbänden und Räten kommen.",
    "ZdK-Generalsekretär ist seit 1. Januar 2020 Marc Frings, der zuletzt das Auslandsbüro "
    "der CDU-nahen Konrad-Adenauer-Stiftung in Ramallah leitete. (KNA 19.11.21)",
]


def _box() -> str:
    paras = "".join(f"<p>{p}</p>" for p in BOX_PARAS)
    return (
        "<div class='panel-pane pane-views-panes pane-nachrichten-artikel-single-article-"
        "infobox'><h2 class='pane-title'>Zentralkomitee der deutschen Katholiken</h2>"
        f"<div class='pane-content'><div class='view-content'><div class='body'>{paras}"
        "</div></div></div></div>"
    )


def _domradio() -> str:
    article = (
        "<strong class='anrisstext'><p>Irme Stetter-Karp ist mit großer Mehrheit zur neuen "
        "Präsidentin des Zentralkomitees der deutschen Katholiken gewählt worden. Bei der "
        "Vollversammlung in Berlin erhielt sie am Freitag 149 Stimmen.</p></strong>"
        "<p>Stetter-Karp folgt Thomas Sternberg, der nach sechs Jahren nicht mehr für den "
        "Posten an der Spitze des Gremiums kandidiert hatte. Sie ist die zweite Frau in "
        "diesem Amt.</p><p>(KNA, DR)</p>"
    )
    return (
        "<html lang='de'><head><title>Irme Stetter-Karp ist neue ZdK-Präsidentin | DOMRADIO.DE"
        "</title></head><body><section id='main' role='main'>"
        "<div class='panel-display panel-2col clearfix'>"
        f"<div class='panel-panel panel-col-first'><div class='inside'>{_box()}</div></div>"
        "<div class='panel-panel panel-col-last'><div class='inside'>"
        "<p class='date'><span class='date-display-single'>19.11.2021</span></p>"
        "<h2 class='dmr-combo-headline'><span class='subheadline'>Irme Stetter-Karp ist neue "
        "ZdK-Präsidentin</span> <span class='headline'>&quot;Reformstau lösen&quot;</span></h2>"
        f"<div class='content'>{article}</div>{_box()}</div></div>"
        "</div></section></body></html>"
    )


def test_fact_box_paragraph_printed_twice_is_not_the_headline():
    doc = cleannews.clean_html(_domradio(), CFG)
    assert doc.text.count("(KNA 19.11.21)") == 2
    assert "title_repeat" not in {c.rule for c in doc.changes}


def test_text_opening_with_a_paragraph_takes_no_sentence_for_headline():
    from cleannews.strip import strip_text

    text = "\n\n".join([*BOX_PARAS, "Die Wahl", BOX_PARAS[0], BOX_PARAS[2]])
    r = strip_text(text, CFG)
    assert r.text.count("(KNA 19.11.21)") == 2


def test_byline_printed_twice_under_the_opening_paragraph_still_goes():
    # fr-f-0023 of the TRAIN pages: the name under the article, printed twice
    from cleannews.strip import strip_text

    par = (
        "Abidjan a vibré au son de la musique Zouglou, identité de la Côte d’Ivoire. Le "
        "festival, initiative de la société Orange, était à son apothéose ce dimanche 22 juin, "
        "au palais de la culture de Treichville, où une cinquantaine d'artistes se sont relayés."
    )
    r = strip_text("\n".join([par, "MAURYTH GBANE", "MAURYTH GBANE"]), CFG)
    assert r.text.count("MAURYTH GBANE") == 1


# ---- a fact sheet after the article (_fact_sheet) ----------------------------------------

SHEET_PAGE = (
    "<html lang='{lang}'><head><title>{title}</title></head><body>"
    "<article class='post type-astro-bilder hentry'><header class='entry-header'>"
    "<h1 class='entry-title'>{title}</h1></header>"
    "<div class='entry-content clearfix'><p>{text}</p><h3>{heading}</h3><ul>{items}</ul>"
    "<div class='mh-social-bottom'><a class='mh-facebook' href='#'>Facebook</a>"
    "<a class='mh-twitter' href='#'>Twitter</a></div></div></article>"
    "<nav class='mh-post-nav-wrap'><a href='/prev' rel='prev'>{prev}</a>"
    "<a href='/next' rel='next'>{next}</a></nav></body></html>"
)


def _sheet(lang: str, title: str, text: str, heading: str, items: list[str], nav) -> str:
    lis = "".join(f"<li>{x}</li>" for x in items)
    return SHEET_PAGE.format(
        lang=lang, title=title, text=text, heading=heading, items=lis, prev=nav[0], next=nav[1]
    )


ASTRO = _sheet(
    "de", "Plejaden, M45",
    "Nun nicht im Staub, sondern mit ausgeprägten Sternstrahlen (Optik abgeblendet auf "
    "Blende 5.6) und in voller Pracht: die Plejaden in einer klaren Nacht über dem Kasberg.",
    "Detailangaben",
    ["Kategorie: <a href='/kategorie/ersteversuche/'>Erste Versuche</a>",
     "Art der Aufnahme: Digitalfoto", "Optik: Teleobjektiv", "Öffnung in mm: ",
     "Brennweite in mm: 180", "Kameramodell: Canon EOS 60 Da", "Filter: -", "ISO-Zahl: 640",
     "Belichtungszeit: 60 x 3 Minuten", "Datum: 31/08/2019", "Zeitzone: MESZ",
     "Ort: Kasberg im Frankenland", "weitere Bildautoren: "],
    ("Zurück", "Weiter"),
)

CONCERT = _sheet(
    "fr", "Le quatuor Ébène joue Beethoven à Lyon",
    "Le quatuor Ébène revient à Lyon avec l'intégrale des derniers quatuors de Beethoven, "
    "un cycle qu'il a déjà donné à Vienne et à New York et qu'il enregistre cette année.",
    "En pratique",
    ["Mots-clés : <a href='/tag/beethoven/'>Beethoven</a>, <a href='/tag/lyon/'>Lyon</a>",
     "Lieu : salle Molière", "Date : samedi 12 mars", "Heure : 20 h 30",
     "Durée : 1 h 45 avec entracte", "Tarif : de 15 à 38 euros", "Programme : opus 127 et 131"],
    ("Précédent", "Suivant"),
)

CONTACT = _sheet(
    "fr", "Le quatuor Ébène joue Beethoven à Lyon",
    "Le quatuor Ébène revient à Lyon avec l'intégrale des derniers quatuors de Beethoven, "
    "un cycle qu'il a déjà donné à Vienne et à New York et qu'il enregistre cette année.",
    "Nous contacter",
    ["Mots-clés : <a href='/tag/beethoven/'>Beethoven</a>, <a href='/tag/lyon/'>Lyon</a>",
     "Adresse : 3 quai Saint-Vincent", "Tél. : 04 78 00 00 00", "Fax : 04 78 00 00 01",
     "Accès : métro Hôtel de Ville", "Horaires : 9 h - 18 h"],
    ("Précédent", "Suivant"),
)


def test_astronomy_photo_sheet_stays():
    # abenteuer-astronomie.de (trafilatura's set): "Art der Aufnahme: Digitalfoto" and
    # "Ort: Kasberg im Frankenland" are among its "with" snippets
    text = cleannews.clean_html(ASTRO, CFG).text
    for item in ("Art der Aufnahme: Digitalfoto", "Brennweite in mm: 180",
                 "Ort: Kasberg im Frankenland"):
        assert item in text


def test_french_concert_sheet_stays():
    text = cleannews.clean_html(CONCERT, CFG).text
    for item in ("Lieu : salle Molière", "Durée : 1 h 45 avec entracte",
                 "Tarif : de 15 à 38 euros"):
        assert item in text


def test_contact_card_after_the_article_still_goes():
    # the same page with a contact card under the text: no fact sheet, the context rule
    # takes it as before
    text = cleannews.clean_html(CONTACT, CFG).text
    assert "Tél. : 04 78 00 00 00" not in text
    assert "Fax : 04 78 00 00 01" not in text
    assert "Accès : métro Hôtel de Ville" not in text


def test_fact_line_patterns_are_linear_on_1mb_lines():
    import time

    from cleannews.strip.detectors import _CONTACT_LABEL, _FACT_LINE, _fact_sheet, _Line

    for line in ("a" * 1_000_000, "a " * 500_000 + ":", ": " * 500_000, "tél " * 250_000):
        t0 = time.perf_counter()
        _FACT_LINE.match(line)
        _CONTACT_LABEL.search(line[:1_000_000])
        assert not _fact_sheet([_Line(line, frozenset())] * 3)
        assert time.perf_counter() - t0 < 5
