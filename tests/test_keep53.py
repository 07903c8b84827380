"""Round 38, keep53 (issue 10 item 4: content kept on unseen pages): content lines the strip
stage lost on TRAIN and on the stress set, fixed at the depth of the rule that took them.

* the breadcrumb printed one crumb per line ends with the page's title as a list item
  ("- La pharmacie aujourd’ hui") right above the headline: the crumb goes with its trail
  (``home_crumb_alone``, ``detectors._last_crumb_over_headline``), and the headline no
  longer goes as its ``title_repeat`` (fr-r39-0011);
* a results line with the score after both names ("Clenay – Talant 14-4", "Dijon 3 – Nevers
  2 10-8") or the sides set against each other by "vs." ("San Martín: 1 vs. Defensores: 1")
  is the results shape of ``detectors._line_shape`` (``_SCORE_LINE``), protected in a list
  by ``_protect_shaped`` with its repeated group headings ("POULE A"): next to other sites'
  furniture the context, tail-teaser and related-zone rules took them (the stress set:
  fr-r40-0023, es-r30-0002).

Inputs: TRAIN pages through ``_helpers.train_doc`` (development data), and pages made of
their lines next to the furniture lines of other TRAIN pages. Every test of a fix fails on
the round-start code.
"""

from __future__ import annotations

from _helpers import train_doc
from test_keep44 import _content, _kept

# -- the trail's last crumb over the headline (fr-r39-0011) ---------------------------------


def test_fr_r39_0011_headline_under_its_crumb_stays():
    """The page as served: "- Accueil ›" / "- Préparateurs ›" / "- Métier ›" / "- La pharmacie
    aujourd’ hui" (breadcrumb) / "La pharmacie aujourd’ hui" (the headline). The headline
    stays and the crumb, furniture by the labels, goes; every content line stays."""
    doc, labelled = train_doc("fr-r39-0011")
    lab = {lb.text.strip(): lb.content for lb in labelled if lb.text.strip()}
    assert lab["La pharmacie aujourd’ hui"] and not lab["- La pharmacie aujourd’ hui"]
    kept = _kept(doc)
    assert kept["La pharmacie aujourd’ hui"] == [True]
    assert kept["- La pharmacie aujourd’ hui"] == [False]  # the look-alike: still taken
    assert [t for t in _content("fr-r39-0011") if not all(kept[t])] == []


def test_marked_line_over_another_headline_stays():
    """A list item above a headline of other words is no crumb's copy: the run ends there
    as before and the item stays (no line of the article goes with the trail)."""
    doc = "\n".join([
        "- Accueil ›", "- Métier ›", "- Les pharmacies de garde ce week-end",
        "La pharmacie aujourd’hui : premiers résultats de l’enquête",
        "Sur le plan économique, des pratiques professionnelles ou de l’organisation du "
        "travail, à quoi ressemble l’officine aujourd’hui ?", "",
    ])
    kept = _kept(doc)
    assert kept["- Les pharmacies de garde ce week-end"] == [True]
    assert kept["La pharmacie aujourd’hui : premiers résultats de l’enquête"] == [True]


# -- results lists next to other sites' furniture (fr-r40-0023, es-r30-0002) ---------------

#: fr-r40-0023's results as the stress set (seed 20261208) printed them: its own lines in
#: order, the furniture lines of other TRAIN pages between them (labelled furniture there).
RESULTS_FR = [
    "(sans engagement)", "J'en profite",
    "Régionale 1", "Clenay – Talant 14-4", "Dijon 2 – Nevers 11-7",
    "Paron 2 – Le Creusot/Var. 2 3-15", "Chevigny 2 – Auxerre 2 17-1", "Ver Más",
    "Régionale 2", "POULE A", "Ouroux 2 – Genlis 15-3",
    "Je donne à l'Eglise", "Trouver ma paroisse", "Horaires des messes", "Faire dire une messe",
    "Chagny – Le Breuil 13-5", "St-Apollinaire – Chalon 2 9-9",
    "V. Autun – Semur/Montbard 16-2", "POULE B", "Saint-Rémy – Appoigny 2 6-12",
    "Dijon 3 – Nevers 2 10-8", "Cosne – Joigny 8-10", "Avallon – Longvic 11-7",
    "Autres vidéos", "Vos réactions doivent respecter nos CGU.",
    "Régionale 3", "POULE A", "Auxerre 2 – Genlis 2 17-1", "Le Creusot/Var. 3 – Le Breuil 2 14-4",
    "Publié le",
]
#: the furniture among them that went before and still goes
FURNITURE_FR = ["(sans engagement)", "J'en profite", "Je donne à l'Eglise",
                "Trouver ma paroisse", "Horaires des messes", "Faire dire une messe",
                "Autres vidéos", "Vos réactions doivent respecter nos CGU.", "Publié le"]


def _results_page() -> tuple[str, list[str]]:
    """fr-r40-0023's text (TRAIN) above its results printed between other sites' furniture."""
    text = [t for t in _content("fr-r40-0023")][:7]
    return "\n\n".join([*text, *RESULTS_FR]) + "\n", text


def test_fr_r40_0023_results_between_furniture_stay():
    """The results and the repeated group heading stay (the context and related-zone rules
    took 17 of them); the other sites' furniture between them still goes. "Régionale 1" /
    "Régionale 2" / "POULE B", headings printed once, stand or go by their neighbours."""
    doc, text = _results_page()
    kept = _kept(doc)
    furniture = set(FURNITURE_FR) | {"Ver Más", "Régionale 1", "Régionale 2", "Régionale 3",
                                     "POULE B"}
    lost = [t for t in [*text, *RESULTS_FR] if t not in furniture and not all(kept[t])]
    assert lost == []
    assert [t for t in FURNITURE_FR if any(kept[t])] == []


def test_es_r30_0002_results_stay():
    """es-r30-0002's second zone ("ZONA B" / "San Martín: 1 vs. Defensores: 1" …) under its
    standings table, set apart by another site's furniture: the context rule took four of
    its lines."""
    text = [t for t in _content("es-r30-0002")][:4]
    zone = ["San Martín: 1 vs. Defensores: 1", "Estudiantes: 3 vs. Huracán: 3",
            "Progreso: 0 vs. Deportivo: 1", "Unión 1 vs. Maderense 1"]
    doc = "\n".join([*text, "Tienes que iniciar sesión para ver los comentarios", "ZONA B",
                     *zone, "AYITI AN AVAN", ""])
    kept = _kept(doc)
    assert [t for t in zone if not all(kept[t])] == []


def test_score_shape_leaves_times():
    """The look-alikes: a clock time after two names (a timetable), a time after a label,
    a season, pages are no results line."""
    from cleannews.strip.detectors import _line_shape

    assert [_line_shape(t) for t in ("Clenay – Talant 14-4", "Unión 1 vs. Maderense 1",
                                     "SV Dörfleins – SpVgg Rattelsdorf 1:2")] == ["score"] * 3
    assert [_line_shape(t) for t in ("Paris – Lyon 10:30", "Tour de France – Étape 12 14:30",
                                     "Saison 2020 – 2021", "Dossier page 256-257")] == [None] * 4
