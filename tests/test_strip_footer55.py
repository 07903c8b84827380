"""Round 40, footer55 (issue 10): footer and navigation lines the strip stage left on TRAIN.

* a site's menu drawn as a bulleted list before the article ("  • Menú" / "    • Opinión" /
  … / "    • Secciones" / …, es-r35-0007; the section names under a menu run, es-r36-0004):
  :func:`cleannews.strip.detectors._bulleted_menu` (``menu_run`` left the bulleted run as the
  article's list, and a name of four or five words cut it);
* the blurb of a topic page of the actu.fr sites ("Retrouvez l'actualité sur Jacques avec La
  Manche Libre"): the French data rule ``site_topic_blurb``;
* a site's tagline among the page's first lines ("Les infos de Lourdes et du Pays de
  Lourdes", "Bienvenue sur newsantilles.com"): :mod:`cleannews.strip._taglines`.

The look-alike content lines stay: an article's own bulleted list before its text, a
"Retrouvez …" sentence of the article, a heading "L'actualité des élections en direct" over
the live blog's first entry. Inputs: TRAIN pages through ``_helpers.train_doc`` (development
data) and short pages made of their lines. Every test of a fix fails on the round-start code.
"""

from __future__ import annotations

import pytest

from _helpers import train_doc
from test_keep44 import _kept


def _judged(page_id: str) -> list[tuple[object, bool]]:
    """(labelled line, survived?) of a TRAIN page, judged as ``cleannews.evaluate`` judges
    it (each copy of a repeated text by its own place)."""
    from cleannews.evaluate import _clean_traced, _survival

    doc, labelled = train_doc(page_id)
    out, removed = _clean_traced(doc, False)
    return list(zip(labelled, _survival(labelled, out, doc, removed), strict=True))


def _missed(page_id: str, kind: str) -> list[str]:
    """The TRAIN page's boilerplate lines of ``kind`` left standing once cleaned."""
    return [lb.text.strip() for lb, s in _judged(page_id) if lb.label == kind and s]


def _lost(page_id: str) -> list[str]:
    """The TRAIN page's content lines lost once cleaned."""
    return [lb.text.strip() for lb, s in _judged(page_id) if lb.content and not s]


# -- bulleted menus before the article ------------------------------------------------------


@pytest.mark.parametrize("page", ["es-r35-0007", "es-r36-0004"])
def test_bulleted_menu_before_the_article_goes(page):
    """Every ``nav`` line of the two pages goes (56 and 3 stood), no content line is lost."""
    assert _missed(page, "nav") == []
    assert _lost(page) == []


MENU_ES = ["  • Menú", "    • Opinión", "    • Reflexión", "    • La Mano del Moto",
           "    • Secciones", "    • Pura Cepa", "    • Multimedia"]
ARTICLE_ES = ["Cochabamba debe tener un nuevo Alcalde en tres días",
              "En un plazo no mayor a tres días el Concejo Municipal debe designar al nuevo "
              "Alcalde de Cochabamba, que reemplazará al suspendido por la justicia."]


def test_bulleted_menu_lines_go():
    """es-r35-0007's lines on a page of their own: the section names go with "Menú"."""
    kept = _kept("\n".join([*MENU_ES, "", *ARTICLE_ES, ""]))
    assert [kept[t.strip()] for t in MENU_ES] == [[False]] * len(MENU_ES)
    assert all(kept[t] == [True] for t in ARTICLE_ES)


def test_article_bullets_before_its_text_stay():
    """An article's own bulleted list above its text, no navigation line in it: it stays."""
    items = ["  • Opinión", "  • Editorial", "  • Crónica", "  • Reportajes"]
    kept = _kept("\n".join([*items, "", *ARTICLE_ES, ""]))
    assert all(kept[t.strip()] == [True] for t in items)


# -- the blurb of a topic page (fr) ---------------------------------------------------------


@pytest.mark.parametrize(("page", "line"), [
    ("fr-r34-0004", "Retrouvez l'actualité sur Municipales 2026 avec Le Courrier de la Mayenne"
                    " | Page 3"),
    ("fr-r34-0022", "Retrouvez l'actualité sur Jacques avec La Manche Libre"),
    ("fr-r34-0031", "Retrouvez les actualités Politique avec Le Semeur Hebdo"),
])
def test_topic_blurb_goes(page, line):
    assert line not in _missed(page, "footer")
    assert line in {lb.text.strip() for lb in train_doc(page)[1]}
    assert _lost(page) == []


@pytest.mark.parametrize("line", [
    # fr-r44-0002 and fr-b-0131: content lines of TRAIN
    "Retrouvez l'analyse de la presse internationale sur le risque médical par le Professeur "
    "Amalberti.",
    "Retrouvez l'historique complet et les affiches du Festival, année par année, sur le "
    "fichier ci-dessous...",
    "Retrouvez l'actualité du club avec nous chaque semaine",
])
def test_retrouvez_sentences_stay(line):
    text = "Le club a tenu son assemblée générale samedi dans la salle des fêtes."
    kept = _kept("\n".join([text, "", line, "", text.replace("samedi", "dimanche"), ""]))
    assert kept[line] == [True]


# -- a site's tagline opening the page ------------------------------------------------------


@pytest.mark.parametrize(("page", "lines"), [
    ("fr-g-0014", ["L'ACTUALITÉ DE MAYOTTE 100 % NUMÉRIQUE",
                   "Les infos de Mayotte depuis plus de 20 ans !"]),
    ("fr-r31-0019", ["Les infos de Lourdes et du Pays de Lourdes"]),
    ("fr-r31-0012", ["Bienvenue sur newsantilles.com"]),
    ("fr-r33-0009", ["Toute l’actualité du bâtiment regroupée sur un seul site"]),
    ("fr-r45-0020", ["L’actualité des réseaux ferroviaires français."]),
    ("fr-r27-0012", ["LeFaso.net, l'actualité Burkinabé sur le net"]),
])
def test_site_tagline_goes(page, lines):
    missed = _missed(page, "footer")
    assert [t for t in lines if t in missed] == []
    assert _lost(page) == []


def test_heading_over_the_text_stays():
    """fr-h-0012: "L'actualité des élections en direct" heads the live blog (content): the
    line under it is the text's first sentence, so it stays, the page loses nothing."""
    assert _lost("fr-h-0012") == []
    head = "L'actualité des élections en direct"
    entry = "21h01: Sur TF1, le président confirme qu'il y aura bien un débat entre eux."
    kept = _kept("\n".join([head, "", entry, "", entry.replace("TF1", "France 2"), ""]))
    assert kept[head] == [True]
