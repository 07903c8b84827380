"""Round 38, keep53 (issue 10 item 4: content kept on unseen pages): content lines the strip
stage lost on TRAIN and on the stress set, fixed at the depth of the rule that took them.

* the breadcrumb printed one crumb per line ends with the page's title as a list item
  ("- La pharmacie aujourd’ hui") right above the headline: the crumb goes with its trail
  (``home_crumb_alone``, ``detectors._last_crumb_over_headline``), and the headline no
  longer goes as its ``title_repeat`` (fr-r39-0011);
* a results list ("Clenay – Talant 14-4", "San Martín: 1 vs. Defensores: 1") and its group
  headings ("Régionale 3" / "POULE A") are protected like a scorecard
  (``_tables.score_lines``): next to other sites' furniture the context, tail-teaser and
  related-zone rules took them (the stress set: fr-r40-0023, es-r30-0002; 60 result lines
  of 18 sites on TRAIN are content, none furniture).

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
    """The results and the group headings stay (the context and related-zone rules took 17
    of them); the other sites' furniture between them still goes."""
    doc, text = _results_page()
    kept = _kept(doc)
    furniture = set(FURNITURE_FR) | {"Ver Más"}
    lost = [t for t in [*text, *RESULTS_FR] if t not in furniture and not all(kept[t])]
    assert lost == []
    assert [t for t in FURNITURE_FR if any(kept[t])] == []


def test_es_r30_0002_results_stay():
    """es-r30-0002's second zone ("ZONA B" / "San Martín: 1 vs. Defensores: 1" …) under its
    standings table, set apart by another site's furniture: the context rule took four of
    its lines."""
    text = [t for t in _content("es-r30-0002")][:4]
    zone = ["ZONA B", "San Martín: 1 vs. Defensores: 1", "Estudiantes: 3 vs. Huracán: 3",
            "Progreso: 0 vs. Deportivo: 1", "Unión 1 vs. Maderense 1"]
    doc = "\n".join([*text, "Tienes que iniciar sesión para ver los comentarios", *zone,
                     "AYITI AN AVAN", ""])
    kept = _kept(doc)
    assert [t for t in zone if not all(kept[t])] == []


def test_score_lines_leave_times_and_menus():
    """The look-alikes: clock times, pages, ages, a single result under a menu are no
    results list."""
    from cleannews.strip._tables import score_lines

    assert score_lines(["Mise à jour 7:58 AM UTC, May 18, 2024",
                        "Original Post Date: 1:50 am, January 9, 2014",
                        "Dossier page 256-257", "Horaires 10:30 - 12:00"]) == []
    assert score_lines(["Accueil", "Sport", "PSG – OM 2-1", "Contact"]) == []
    assert score_lines(["Résultats", "PSG – OM 2-1", "Lens 0-0 Lille"]) == [0, 1, 2]
