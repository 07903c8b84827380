"""HTML path: page structures that hid or let through the article (issue 10, item 5).

Each page is a small copy, written for this test, of a structure seen on real
sites of trafilatura's evaluation set (dev half): a page whose ``<head>`` is
never closed, a whole page wrapped in an element classed as an ad slot, a
sidebar ``<aside>`` holding prose, a "related posts" list classed
``related_post``, a report section whose BEM modifier says it carries ads, a
page-builder widget container, and thousands of unclosed ``<p>``. No page of
the evaluation set is copied here.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

import cleannews
from cleannews import CleanConfig
from cleannews.strip import html as html_mod
from cleannews.strip.html import html_to_text, main_content

CFG = CleanConfig(score_spin=False)

_BODY = (
    "<h1>Gute Löhne allein reichen nicht</h1>"
    "<p>Das Zentrum Ergolz lud zur Gesprächsrunde ein, an der Arbeitgeber, Gewerkschaften "
    "und Fachleute aus der Region über den Fachkräftemangel sprachen.</p>"
    "<p>Die Teilnehmenden sprachen darüber, wie Arbeitgeber in Zeiten des Fachkräftemangels "
    "genügend Personal finden und wie sie es halten können.</p>"
    "<p>Einig war man sich, dass flexible Arbeitszeiten, Weiterbildung und ein gutes "
    "Betriebsklima mehr bewirken als ein höherer Lohn allein.</p>"
)


def test_page_swallowed_by_an_unclosed_head_keeps_its_text():
    # no </head> and no <body>: html.parser puts the whole page inside <head>
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Löhne - Volksstimme</title>"
        "<link rel='stylesheet' href='/a.css'><script>var x = 1;</script>"
        f"<div class='container'><div id='article'>{_BODY}</div></div></html>"
    )
    doc = cleannews.clean_html(html, CFG)
    assert "Das Zentrum Ergolz lud zur Gesprächsrunde ein" in doc.text
    assert "genügend Personal finden" in doc.text
    assert "var x" not in doc.text
    assert "Löhne - Volksstimme" not in doc.text  # the <title> is no page text


def test_a_real_head_still_goes():
    html = f"<html><head><title>Titre du site</title></head><body>{_BODY}</body></html>"
    text = html_to_text(html, CFG).text
    assert "Titre du site" not in text
    assert "Das Zentrum Ergolz" in text


_ARTICLE = (
    "<article class='ArticlePage-mainContent'><h1>Le budget de la piscine est voté</h1>"
    "<div class='RichTextBody'>"
    "<p>Le conseil municipal a voté lundi soir le budget de la piscine intercommunale, "
    "après trois heures de débat et deux suspensions de séance.</p>"
    "<p>Les travaux, estimés à 4,2 millions d’euros, commenceront au printemps et dureront "
    "dix-huit mois ; le bassin extérieur restera ouvert pendant tout le chantier.</p>"
    "<p>Le maire a rappelé que la région finance un tiers du projet, le département un "
    "quart, et que la commune empruntera le reste sur vingt ans à taux fixe.</p>"
    "</div></article>"
)
_SIDEBAR = (
    "<div class='rail'><p>Le plus lu : un autre sujet de la semaine, avec une phrase "
    "assez longue pour voter, puis une autre.</p></div>"
)


def test_prose_under_a_page_wide_ad_wrapper_votes():
    # <div class="Page-ad-margins"> wraps the whole page: its "ad" token made every
    # paragraph furniture, the page had no article container and kept its sidebar
    html = (
        "<html><body><div class='Page-ad-margins'><div class='Page-ad-wrapper'>"
        f"<main>{_ARTICLE}</main>{_SIDEBAR}</div></div>"
        "<div class='ad-slot'><p>Publicité : une offre à ne pas manquer, profitez-en vite "
        "dès aujourd’hui chez nous.</p></div></body></html>"
    )
    soup = BeautifulSoup(html, "html.parser")
    roots = main_content(soup.body)
    assert roots is not None and "4,2 millions" in roots[0].get_text()
    doc = cleannews.clean_html(html, CFG)
    assert "4,2 millions" in doc.text
    assert "Le plus lu" not in doc.text
    assert "Publicité" not in doc.text


def test_sidebar_aside_with_prose_is_dropped_fact_box_is_not():
    # a short post (too few words for a container choice) beside a sidebar of text widgets
    html = (
        "<html><body><article><h1>Plejaden, M45</h1><div class='entry-content'>Nun nicht im "
        "Staub, sondern mit ausgeprägten Sternstrahlen (Optik abgeblendet auf Blende 5.6) "
        "und intensiv blauen Nebelgebieten. Die dichten Staub- und Molekülwolken, die die "
        "Plejaden umgeben, sind hier kaum erkennbar. Aufgenommen in einer klaren Nacht im "
        "Frankenland, mit dem Teleobjektiv und sechzig Einzelbildern.</div>"
        "<aside class='infobox'><p>Die Plejaden sind ein offener Sternhaufen im Sternbild "
        "Stier.</p><p>Sie sind etwa 444 Lichtjahre von der Erde entfernt und gut sichtbar.</p>"
        "</aside></article>"
        "<aside class='mh-widget-col-1 mh-sidebar'><div class='textwidget'><p>Sie wollen "
        "Deep-Sky-Objekte am Himmel finden und fotografieren, mit einfachen Mitteln und "
        "ohne teure Ausrüstung?</p><p>Abenteuer Astronomie war eine Zeitschrift für "
        "Hobby-Astronomen und Sternfreunde, die alle zwei Monate erschienen ist.</p></div></aside>"
        "</body></html>"
    )
    # (as on a page where no container is chosen: a short post, a listing)
    text = html_to_text(html, CleanConfig(score_spin=False, html_main_content=False)).text
    assert "444 Lichtjahre" in text  # the article's fact box (no furniture hint) stays
    assert "Deep-Sky-Objekte" not in text
    assert "war eine Zeitschrift" not in text


def test_related_posts_list_named_with_a_content_word_goes():
    teasers = "".join(
        f"<li><a href='/p{i}'>Titel des Beitrags {i}</a><small>Hiesige Medien schwören die "
        f"Bevölkerung auf einen harten Winter ein, Folge {i} der Reihe.</small></li>"
        for i in range(3)
    )
    html = (
        "<html><body><div class='post'><h1>Future of Hope</h1><div class='entry'>"
        + "<p>Island befreit sich von den Banken, und ein Film erzählt davon in langen, "
        "ruhigen Bildern aus dem Norden, mit vielen Stimmen aus dem ganzen Land.</p>" * 6
        + f"<ul class='related_post wp_rp'>{teasers}</ul></div></div></body></html>"
    )
    doc = cleannews.clean_html(html, CFG)
    assert "Island befreit sich" in doc.text
    assert "Hiesige Medien" not in doc.text
    assert any(c.rule == "html_class_hint" and "related_post" in c.reason for c in doc.changes)


def test_report_section_whose_modifier_says_ads_keeps_its_prose():
    section = (
        "<section class='TestReport__Section TestReport__Section--Ads'><h2>Das Grill-Ergebnis"
        "</h2><p class='TestReport__TextBlock'>Wir sind im Steak-Himmel! Das Fleisch war "
        "außen kross und innen saftig, nach nur vier Minuten auf dem Rost.</p></section>"
    )
    html = (
        "<html><body><article class='TestReport'><h1>Beef Maker im Test</h1>"
        + "<section class='TestReport__Section'><p>Der Beef Maker von Aldi kostet knapp 50 "
        "Euro und verspricht 800 Grad Oberhitze wie im Steakhaus, auf kleinem Raum.</p>"
        "<p>Wir haben ihn vier Wochen lang mit Rind, Lachs und Gemüse getestet, auf dem "
        "Balkon und in der Küche, mit Thermometer und Stoppuhr.</p></section>"
        + section
        + "<div class='TestReport__Ads'><p>Anzeige</p></div></article></body></html>"
    )
    text = html_to_text(html, CFG).text
    assert "Wir sind im Steak-Himmel!" in text
    assert "Anzeige" not in text  # the block itself named "Ads" still goes


def test_page_builder_widget_container_is_no_widget():
    html = (
        "<html><body><h1>Ear Candy</h1><p>Ohrringe sind in diesem Sommer das Accessoire "
        "schlechthin, ob groß, klein, golden oder mit Perlen, und wir zeigen unsere "
        "Lieblinge der Saison, von klassisch bis verspielt, für jeden Tag.</p>"
        "<div class='elementor-widget elementor-widget-text-editor'>"
        "<div class='elementor-widget-container'><p>Kreole: Stella Hoops</p>"
        "<p>mit längeren Ohrringen (:</p></div></div>"
        "<div class='elementor-widget elementor-widget-share-buttons'>"
        "<div class='elementor-widget-container'><p>Teilen auf Facebook</p></div></div>"
        "</body></html>"
    )
    text = html_to_text(html, CFG).text
    assert "Kreole: Stella Hoops" in text
    assert "mit längeren Ohrringen" in text
    assert "Teilen auf Facebook" not in text


def _nested_paragraphs(n: int) -> str:
    return "<html><body>" + "".join(
        f"<p>Paragraphe numéro {i}, avec quelques mots de plus, et une virgule" for i in range(n)
    ) + "</body></html>"


def test_main_content_vote_is_linear_on_unclosed_paragraphs(monkeypatch):
    """Thousands of unclosed <p> nest one inside the other: each paragraph's text was read
    again for every paragraph around it (``get_text`` per block: quadratic, 3,000 took
    seconds). The vote now reads each string once; the characters it reads grow like the
    page (x2 for a page twice as long), not like its square (x4)."""
    read = [0]
    real_counts, real_words = html_mod._string_counts, html_mod.count_words

    def counts(text):
        read[0] += len(text)
        return real_counts(text)

    def words(text):
        read[0] += len(text)
        return real_words(text)

    monkeypatch.setattr(html_mod, "_string_counts", counts)
    monkeypatch.setattr(html_mod, "count_words", words)
    reads = []
    for n in (400, 800):
        read[0] = 0
        soup = BeautifulSoup(_nested_paragraphs(n), "html.parser")
        main_content(soup.body)
        reads.append(read[0])
    assert reads[1] < 2.5 * reads[0], reads


def test_thousands_of_unclosed_paragraphs_keep_every_paragraph():
    text = html_to_text(_nested_paragraphs(5000), CFG).text
    assert "Paragraphe numéro 0," in text and "Paragraphe numéro 4999," in text


def test_article_spread_over_one_wrapper_per_paragraph_is_chosen():
    # Drupal "paragraphs" / page-builder sections: each paragraph sits in its own wrappers,
    # so no container's vote reaches half of the prose; the lowest ancestor holding most of
    # it, itself mostly prose, is the article (before: no choice, the sidebar stayed)
    sentences = [
        "Die Bundesregierung hat am Mittwoch ein neues Gesetz zum Schutz der Wälder "
        "beschlossen, das ab dem kommenden Jahr gelten soll.",
        "Waldbesitzer erhalten danach Zuschüsse, wenn sie Mischwälder anlegen und alte "
        "Bäume stehen lassen, statt sie zu fällen.",
        "Umweltverbände begrüßten den Schritt, kritisierten aber, dass die Mittel für "
        "die nächsten drei Jahre zu knapp bemessen seien.",
        "Die Länder müssen dem Gesetz noch zustimmen; im Bundesrat zeichnet sich eine "
        "Mehrheit ab, wie Vertreter mehrerer Länder sagten.",
    ]
    body = "".join(
        "<div class='paragraph paragraph--type--text'><div class='clearfix field--name-"
        f"field-text'><div class='field__item'><p>{s}</p></div></div></div>"
        for s in sentences
    )
    html = (
        "<html><body><div class='page'><div class='region-content'><h1>Neues Waldgesetz</h1>"
        f"<div class='field--name-field-body-paragraphs'>{body}</div></div>"
        "<div class='region-second'><div class='block'><p>Kontaktieren Sie uns gerne auch "
        "direkt, wir beraten Sie zu allen Fragen rund um den Wald.</p></div></div>"
        "</div></body></html>"
    )
    doc = cleannews.clean_html(html, CFG)
    for s in sentences:
        assert s[:40] in doc.text
    assert "Kontaktieren Sie uns" not in doc.text
    assert any(c.rule == "html_outside_main" for c in doc.changes)


def test_article_written_as_a_run_of_identical_components_keeps_the_short_ones():
    # Drupal writes each paragraph of the body as a <div class="field__item">: the chosen
    # one's like-named siblings are the same article, even when they hold few words
    long = (
        "<p>Immer wieder werden Waldbesitzer, Jäger und Förster auf Waldwegen angegriffen, "
        "beschimpft oder bedroht, wenn sie Spaziergänger auf die Regeln hinweisen.</p>"
        "<p>Die Polizei ermittelt in mehreren Fällen wegen Körperverletzung und Nötigung, "
        "und die Verbände fordern mehr Schutz für alle, die im Wald arbeiten.</p>"
        "<p>Im vergangenen Jahr zählte der Landesverband mehr als vierzig solcher Vorfälle, "
        "doppelt so viele wie im Jahr davor, die meisten davon an Wochenenden.</p>"
    )
    html = (
        "<html><body><article><h1>Angriffe auf Waldwegen</h1>"
        "<div class='field field--name-field-body field__items'>"
        f"<div class='field__item'><div class='article-text'>{long}</div></div>"
        "<div class='field__item'><div class='article-text'><p>Hinweise unter der Nummer "
        "0800 123 456.</p></div></div></div></article>"
        "<div class='block'><p>Weitere Nachrichten aus der Region, jeden Tag neu, mit "
        "Bildern und Videos aus allen Landkreisen.</p></div></body></html>"
    )
    doc = cleannews.clean_html(html, CFG)
    assert "Hinweise unter der Nummer" in doc.text
    assert "Weitere Nachrichten aus der Region" not in doc.text
