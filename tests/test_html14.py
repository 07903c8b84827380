"""HTML path, branch html14 (issue 10, point 5): appeals for support read on the dev pages
of both HTML benchmarks (``bench_html_trafilatura.py --half dev``, ``bench_html_gold.py
--part dev``), each with the look-alikes that must stay.

An appeal box is a few sentences asking the reader to subscribe, join or give, then one call
button (``html_call_to_action``). The boxes below keep the markup of the dev pages they were
read on (El Faro's ``apoyo.`` subdomain, taz's "Jetzt unterstützen" button at the end of its
paragraph, La Prensa Gráfica's "Hágase miembro ahora", Correio's ``assine.`` subdomain,
Israel-Nachrichten's Steady page), their sentences shortened; the article around them is
written for these tests. The look-alikes are the shapes the first drafts of the rule took on
the dev pages: a National Post section of the article that ends "sign up for our newsletter
here.", a byline "vom Support Team", a list of press releases of the company "ABO Wind", a
sentence whose first words are a link ("Dennoch unterstützen wir …"), a price table with
several "Buy now" buttons, an author box with its Instagram link.
"""

from __future__ import annotations

import cleannews
from _helpers import html_rules, html_text

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)

ES = (
    "<p>La Asamblea Legislativa aprobó el martes una reforma del código penal que castiga con "
    "cárcel la difusión de mensajes de las pandillas, según informaron varios diputados.</p>"
)
DE = (
    "<p>Der Gemeinderat hat am Dienstagabend nach drei Stunden Debatte den Haushalt für das "
    "kommende Jahr beschlossen, mit den Stimmen der Mehrheit und zwei Enthaltungen.</p>"
)
EN = (
    "<p>The city council passed next year's budget on Tuesday night after three hours of "
    "debate, with the votes of the majority and two abstentions from the opposition.</p>"
)
PT = (
    "<p>A polícia informou nesta terça-feira que o líder do grupo foi localizado em um imóvel "
    "do bairro e morreu após um confronto com os agentes, segundo a secretaria.</p>"
)


def _page(site: str, lang: str, para: str, inside: str, n: int = 5) -> str:
    return (
        f"<html lang='{lang}'><head><title>Noticia</title>"
        f"<link rel='canonical' href='https://{site}/noticias/2022/04/nota.html'></head><body>"
        f"<div class='menu'><a href='https://{site}/'>Inicio</a> "
        f"<a href='https://{site}/politica'>Política</a></div>"
        f"<div class='article-body'><h1>Un titular de la nota</h1>"
        + para * n
        + inside
        + "</div></body></html>"
    )


def _rules(html: str) -> set[str]:
    return html_rules(html, CFG)


# --- appeal boxes that go -------------------------------------------------------------------

ELFARO = (
    "<div class='foot_note'><div class='help_wrap__area'><div class='help_wrap'><div><div>"
    "<strong>Apoya el periodismo incómodo</strong></div>Si te parece valioso el trabajo de El "
    "Faro, apóyanos para seguir. Únete a nuestra comunidad de lectores que con su membresía "
    "garantizan nuestra sostenibilidad.<br><br>Tú también puedes hacer periodismo incómodo. "
    "Cancela cuando quieras.<br></div><div>Te necesitamos para seguir incomodando al poder."
    "</div><div> <a href='https://apoyo.elfaro.net?u=https://elfaro.net/es/202204/x' "
    "class='help_wrap__area'><span class='help_wrap'>Apoya a El Faro</span></a></div>"
    "<div>Conoce <a href='https://elfaro.net/es/info/acerca_de_elfaro/'>acá</a> cómo se "
    "financia El Faro y quiénes son sus propietarios.</div></div></div></div>"
)


def test_appeal_box_with_a_button_to_a_sign_up_subdomain_goes():
    html = _page("elfaro.net", "es", ES, ELFARO)
    text = html_text(html, CFG)
    assert "periodismo incómodo" not in text
    assert "Te necesitamos" not in text
    assert "La Asamblea Legislativa aprobó" in text
    assert "html_call_to_action" in _rules(html)


TAZ = (
    "<div class='tzi-bottom-container is-12 hasMultiply has-background-highlighted'>"
    "<div class='sect_text tziBottom columns is-multiline'>"
    "<p class='column is-8 headline typo-head-small'>Links lesen, Rechts bekämpfen</p>"
    "<p class='article column first is-8'>Gerade jetzt, wo der Rechtsextremismus weiter "
    "erstarkt, braucht es Zusammenhalt und Solidarität. Eine offene Gesellschaft braucht "
    "guten, frei zugänglichen Journalismus. Sind Sie dabei?\n"
    "<a href='/Links-lesen-rechts-bekaempfen/!v=1de02231/#matomo:pk_campaign=tzi-Bottom' "
    "class='button primary-button' role='link'>\nJetzt unterstützen\n</a>\n</p></div></div>"
)


def test_appeal_paragraph_ending_in_a_button_labelled_as_a_call_goes():
    text = html_text(_page("taz.de", "de", DE, TAZ), CFG)
    assert "Rechtsextremismus" not in text
    assert "Links lesen, Rechts bekämpfen" not in text
    assert "Der Gemeinderat hat am Dienstagabend" in text


LPG = (
    "<div class='gni-nota'><h2 class='gni-nota_title'>UN PÚBLICO INFORMADO<br>DECIDE MEJOR."
    "<br><strong>APOYA A LOS CIUDADANOS QUE</strong><br><strong>CREEN EN LA DEMOCRACIA"
    "</strong></h2><p class='gni-nota_paragraph'>Hacemos periodismo desde hace 106 años. Y "
    "ahora, como en otros periodos de la historia, el periodismo es fundamental para que la "
    "opinión pública se fortalezca.<br><br><strong>HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS "
    "EXCLUSIVOS</strong></p><a class='gni-nota_button' href='https://ccc.laprensagrafica.com/'>"
    "Hágase miembro ahora</a></div>"
)


def test_membership_box_with_a_join_button_goes():
    text = html_text(_page("laprensagrafica.com", "es", ES, LPG), CFG)
    assert "HAZTE MIEMBRO" not in text
    assert "Hacemos periodismo" not in text
    assert "Hágase miembro ahora" not in text
    assert "La Asamblea Legislativa aprobó" in text


CORREIO = (
    "<div class='chamada-assinatura'><p class='bodytext'><em>***</em></p>"
    "<p class='bodytext'><em>Em tempos de coronavírus e desinformação, o CORREIO continua "
    "produzindo diariamente informação responsável e apurada pela nossa redação. Assim como "
    "o de tantos outros profissionais, nosso trabalho tem custos. <strong><span>"
    "<a href='https://assine.correio24horas.com.br/v2/cadastro/21/digital-anual'>Assine o "
    "jornal</a></span></strong>.</em></p></div>"
)


def test_subscription_box_whose_button_ends_its_paragraph_before_a_full_stop_goes():
    text = html_text(_page("correio24horas.com.br", "pt", PT, CORREIO), CFG)
    assert "Em tempos de coronavírus" not in text
    assert "A polícia informou" in text


def test_donation_line_to_the_sites_page_on_a_membership_platform_goes():
    line = (
        "<p><b>Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns bitte mit einer "
        "<a href='https://www.israel-nachrichten.org/spende'>Spende</a>, oder werden Sie "
        "<a href='https://steadyhq.com/de/israel-nachrichten'>Mitglied</a> der "
        "Israel-Nachrichten.</b></p>"
    )
    text = html_text(_page("israel-nachrichten.org", "de", DE, line), CFG)
    assert "Hat Ihnen dieser Artikel gefallen" not in text
    assert "Der Gemeinderat hat am Dienstagabend" in text


# --- look-alikes that stay ------------------------------------------------------------------


def test_article_section_ending_with_a_newsletter_line_keeps_its_text():
    section = (
        "<section class='story-group'><h2>How did she vote in the 1980 referendum?</h2>"
        "<p>She was 15 and not eligible to vote, but she was politically minded even as a "
        "child, according to a story her sister has told.</p>"
        "<p><em>Please bookmark <a href='https://nationalpost.com/'>nationalpost.com</a> and "
        "sign up for our daily newsletter <a href='https://nationalpost.com/newsletters/'>"
        "here</a>.</em></p></section>"
    )
    text = html_text(_page("nationalpost.com", "en", EN, section), CFG)
    assert "She was 15 and not eligible to vote" in text
    assert "How did she vote in the 1980 referendum?" in text


def test_byline_of_a_support_team_stays():
    meta = (
        "<div class='post-info'>Eingetragen am 3. Januar 2020 und seitdem von vielen Lesern "
        "gelesen, aktualisiert am 3. Januar 2020 vom <a href='/?author=1'>Support Team</a></div>"
    )
    text = html_text(_page("wir-empfehlen.info", "de", DE, meta), CFG)
    assert "vom Support Team" in text


def test_press_release_of_a_company_named_abo_stays():
    item = (
        "<div class='pmdiv'><a href='https://www.iwrpressedienst.de/firmen/33-abo-wind-ag'>ABO "
        "Wind AG</a><br><p>ABO Wind hat erstmals einen Windpark in Polen ans Netz gebracht. Die "
        "neun Turbinen haben eine Gesamtleistung von 19,8 Megawatt und liefern Strom.</p>"
        "<a href='https://www.iwrpressedienst.de/energie-themen/pm-7642-abo-wind'>weiter...</a>"
        "</div>"
    )
    text = html_text(_page("iwrpressedienst.de", "de", DE, item), CFG)
    assert "ABO Wind hat erstmals einen Windpark" in text


def test_sentence_opening_with_a_linked_call_word_stays():
    para = (
        "<div><span><a href='https://liquid.piratenpartei.at/initiative/show/7038.html'>Dennoch "
        "unterstützen wir dieses Volksbegehren</a>, da es trotz dieser Diskriminierung besser "
        "ist als der Status quo, wie der Vorstand am Montag erklärte.</span></div>"
    )
    text = html_text(_page("piratenpartei.at", "de", DE, para), CFG)
    assert "unterstützen wir dieses Volksbegehren" in text


def test_price_table_with_several_subscribe_buttons_stays():
    table = (
        "<div class='small-table'><h3>Pro Edition</h3><p>All the Standard Edition features "
        "plus integration with the tools developers use every day and premium phone support."
        "</p><a href='/subscribe/pd-pro/1y'>Buy Now</a><h3>Business Edition</h3><p>All the "
        "Pro Edition features plus centralized administration.</p>"
        "<a href='/subscribe/pd-business/1y'>Buy Now</a></div>"
    )
    text = html_text(_page("parallels.com", "en", EN, table), CFG)
    assert "centralized administration" in text


def test_box_whose_button_is_a_follow_link_is_no_appeal():
    box = (
        "<div class='author-card'><p>Jessie writes about interiors and design and has run the "
        "magazine since its first issue, ten years ago this spring.</p>"
        "<p><a href='https://www.instagram.com/journelles'>Journelles</a></p></div>"
    )
    text = html_text(_page("journelles.de", "en", EN, box), CFG)
    assert "Jessie writes about interiors" in text


def test_appeal_box_with_a_link_leaving_the_site_stays():
    box = (
        "<div class='note'><p>Our partner, the Red Cross, collects money for the families "
        "who lost their homes in the flood this week, read <a href='https://www.redcross.org/"
        "floods'>their appeal</a>.</p><p><a href='/subscribe'>Subscribe</a></p></div>"
    )
    text = html_text(_page("example-news.com", "en", EN, box), CFG)
    assert "Red Cross, collects money" in text
