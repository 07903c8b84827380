"""Strip stage, round 29 (issue 10, item 4 "Never drop article content", branch keep32):
article lines the stress set loses, grouped by the rule that took them, and the two largest
families that a condition of the page fixes:

* **A listing's bylines when the last item's summary is cut by the page's end**
  (``detectors._listing_bylines`` reads the line under a byline with ``_summary``, as
  ``_listing_headlines`` does): an author's or a tag page lists "headline / byline /
  summary" items; the store cut the page's last summary in the middle of a word
  ("Au dernier repêchage, … ce qui l’a"), so that item did not count as framed, and with one
  or two more items broken by other sites' widgets (a "Read More" heading took a headline, a
  widget stood between a headline and its byline) fewer than ``LISTING_BYLINE_SHARE`` of the
  name's occurrences were framed: all eight bylines went as a repeated widget label
  (``repeated_block``). Stress set: fr-f-0020's "Félix Forget" ×8 (seed 20261208) and
  en-r27-0001's "Amanda Smith" ×8 (seed 7).
* **A person's name with a capital inside its surname** (``_keep._NAME``: "Jim O’Rourke",
  "Susan MacEachron", "Kevin McCarthy"): a letter's signature under its last paragraph went as
  a short block between furniture, ``give_back_byline`` reading no person's name in it.
* **A video's chapter list under another site's widget** (``_keep.give_back_chapters``,
  ``CHAPTER_ABOVE_MAX_TAKEN``): the guard asked for a kept line right above the list's first
  timecode; another site's "Actualités Météo", taken by the line model, stood between the
  article's "Petit résumé de la vidéo …" and "00:00:00", and the list's four timecodes and a
  title went (``video_widget``, ``context``; fr-e-0039, seed 20261208).

The look-alikes that still go: the other sites' furniture on the same pages, a repeated name
over short cut lines or over bullets (no summary), a chapter list under two lines a position
rule took or at the page's top, durations that do not start at zero, a surname with a capital
after a hyphen ("Kramp-Karrenbauer": a caption's list of names is no byline).

Inputs: three stress pages as ``tools.strip_model.stress`` drew them from the current TRAIN
pages (``read_sources()``, seeds 20261208 and 7: TRAIN content lines of ``fixtures/strip_real``
with other TRAIN pages' furniture put in; no held-out page is read), written out here because
the draw moves whenever TRAIN pages are added (the ``round27_stress_sources`` draw does not
lose these lines), and lines of those pages. Development data: the fixes were written looking
at these lines.

On main's code (5abcc66a) 9 of the 21 tests fail: the three stress pages, the signature page,
the three names with an inner capital, the byline framed by a cut summary and the chapter list
under one taken line; the look-alikes and the 1 MB lines pass on both.
"""

from __future__ import annotations

import pytest

from _helpers import (
    _kept_copies,
    article_put_in,
    assert_megabyte_lines_finish,
    hang_guard,
    taken_lines,
)
from cleannews import CleanConfig, clean
from cleannews.strip import _keep
from cleannews.strip._keep import give_back_chapters
from cleannews.strip.detectors import (
    GOOD,
    LISTING_BYLINE_SHARE,
    PARAGRAPH_MIN_WORDS,
    _Line,
    _listing_bylines,
    _repeated_texts,
)

CFG = CleanConfig(score_spin=False)


def _judged(page: str) -> dict[str, list[bool]]:
    """``{line: [kept?, …]}`` of a stress page through :func:`cleannews.clean`, as
    ``tools.strip_model.stress`` judges it."""
    return _kept_copies(page, clean(page, CFG).changes)


def _stays(got, text, copies=1):
    assert len(got[text]) == copies and all(got[text]), (text, got.get(text))


def _goes(got, prefix):
    hits = [v for t, v in got.items() if t.startswith(prefix)]
    assert hits and not any(any(v) for v in hits), (prefix, hits)


# --- the stress set's pages ---------------------------------------------------------------------

def test_listing_bylines_over_a_cut_last_summary_stay_fr():
    """Seed 20261208, fr-f-0020 (an author's listing): another site's "READ MORE" took an
    item's headline, a German "Mehr im PDF..." stood between another headline and its byline,
    and the page's last summary is cut; the eight bylines stay, the widgets go."""
    got = _judged(LISTING_FR)
    _stays(got, "Félix Forget", copies=8)
    for widget in ("READ MORE", "À lire également", "Les danses traditionnelles", "Mehr im PDF"):
        _goes(got, widget)


def test_listing_bylines_over_a_cut_last_summary_stay_en():
    """Seed 7, en-r27-0001 (a tag page): other sites' kept furniture between headlines and
    bylines, a "Read More" between a byline and its summary, the last summary cut."""
    got = _judged(LISTING_EN)
    _stays(got, "Amanda Smith", copies=8)
    for widget in ("Leave a Reply", "Read More", "Welcome to the discussion.",
                   "PLEASE TURN OFF YOUR CAPS LOCK.", "Administration Créer mon blog",
                   "Follow World Science On Twitter!", "Please update your billing"):
        _goes(got, widget)


def test_chapter_list_under_another_sites_widget_stays():
    """Seed 20261208, fr-e-0039's chapter list under its "Petit résumé de la vidéo …", with
    another site's "Actualités Météo" (line model) between and a "Se connecter" (a phrase
    rule) between the first timecode and its title."""
    got = _judged(CHAPTERS)
    for line in ("00:00:00", "Tout le monde s’installe", "00:01:34", "Ça commence", "00:02:01",
                 "Valérie Beauvais fait l’appel", "00:04:57"):
        _stays(got, line)
    _goes(got, "Actualités Météo")
    _goes(got, "Se connecter")


def test_signature_with_an_inner_capital_stays(train_page):
    """Seed 7, en-r28-0007 (a letter): another site's "Read More »" above its last
    paragraph; the signature "Jim O’Rourke" under it went as a short block between furniture
    (no person's name: a capital after the apostrophe)."""
    got = article_put_in(train_page, "en-r28-0007", {
        "": [("homepage logo", "en-r28-0003")],
        "And the writing is strong": [("Read More »", "en-r27-0005")],
    })
    assert got["Jim O’Rourke"] == [True]
    assert got["Read More »"] == [False]


# --- the changed conditions, line by line ------------------------------------------------------

@pytest.mark.parametrize(("name", "person"), [
    ("Jim O’Rourke", True), ("Susan MacEachron", True), ("Kevin McCarthy", True),
    ("Borja Crespo", True), ("Jim ORourke", False), ("Élisabeth", False),
    ("Jim O’rourke Smith Jones", False), ("Conversations about her", False),
    ("Annegret Kramp-Karrenbauer", False),
])
def test_person_name_with_an_inner_capital(name, person):
    assert _keep._person_name(taken_lines([name], {})[0]) is person


SUMMARY = ("Hier soir, le Canadien l’a emporté face aux Flyers dans un match préparatoire, "
           "et on a beaucoup parlé de la belle sortie des frères Xhekaj.")
CUT = ("Au dernier repêchage, le Canadien a sélectionné LJ Mooney en quatrième ronde. "
       "L’attaquant natif des États-Unis est bourré de talent… mais ce qui l’a")


def _listing(items: list[tuple[str, str]], name: str = "Félix Forget") -> list:
    texts = []
    for head, summary in items:
        texts += [head, name, summary]
    return [_Line(t, frozenset()) for t in texts]


def test_byline_over_a_summary_cut_by_the_page_end_is_framed():
    """Two of four items framed by a paragraph, one headline taken by another site's "Read
    more" heading, the fourth item over the page's last summary, cut (prose, GOOD): 3 of 4
    framed (before: 2 of 4, under LISTING_BYLINE_SHARE)."""
    heads = ["« David Reinbacher est exactement là où il est supposé être »",
             "Florian Xhekaj marque devant sa mère (qui était émue)",
             "JO 2026 : selon Pierre LeBrun, Nick Suzuki a de bonnes chances",
             "LJ Mooney a (déjà) grandi et grossi depuis le repêchage"]
    ls = _listing([(h, SUMMARY) for h in heads[:3]] + [(heads[3], CUT)])
    ls[0].bad("related_lead_en", "an item under another site's heading")  # a widget's take
    ls[-1].cls = GOOD  # prose, as the page's classes read it
    assert sorted(_listing_bylines(ls, _repeated_texts(ls))) == ["félix forget"]
    assert LISTING_BYLINE_SHARE == 0.75


def test_name_over_short_cut_lines_is_no_listing_byline():
    """A repeated name over short lines (fewer than PARAGRAPH_MIN_WORDS words, cut or not) is
    a widget's label: no summary stands under it."""
    short = "Le Canadien a sélectionné LJ Mooney en quat"
    assert len(short.split()) < PARAGRAPH_MIN_WORDS
    heads = ["Samuel Montembeault : un gardien top-5 de la LNH",
             "Blessure d'Aleksander Barkov : ça s'ouvre pour le Canadien",
             "Entraînement : Marc-André Fleury ressort ses jambières jaunes"]
    ls = _listing([(h, short) for h in heads])
    assert _listing_bylines(ls, _repeated_texts(ls)) == frozenset()


def test_name_over_a_bullet_list_is_no_listing_byline():
    """A summary is no list item: a name over bullets of PARAGRAPH_MIN_WORDS words or more
    is no byline."""
    bullet = ("• Augmentation du cash flow libre et dette stable en fin d’année par rapport à "
              "la fin de l’année passée")
    heads = ["Samuel Montembeault : un gardien top-5 de la LNH",
             "Blessure d'Aleksander Barkov : ça s'ouvre pour le Canadien",
             "Entraînement : Marc-André Fleury ressort ses jambières jaunes"]
    ls = _listing([(h, bullet) for h in heads])
    assert _listing_bylines(ls, _repeated_texts(ls)) == frozenset()


CHAPTER_TEXTS = ["Que s’est-il passé pendant le dernier Conseil Municipal ? Petit résumé de la "
                 "vidéo de la dernière séance.", "Actualités Météo", "00:00:00",
                 "Tout le monde s’installe", "00:01:34", "Ça commence", "00:02:01",
                 "Valérie Beauvais fait l’appel"]
TIMECODES = {2: "video_widget", 4: "video_widget", 6: "video_widget"}


def test_chapters_under_one_taken_line_given_back():
    lines = taken_lines(CHAPTER_TEXTS, {1: "line_model", **TIMECODES})
    assert give_back_chapters(lines) == [2, 4, 6]
    assert lines[1].removal.rule == "line_model"  # the widget still goes
    assert _keep.CHAPTER_ABOVE_MAX_TAKEN == 1


def test_chapters_under_two_taken_lines_still_go():
    """Two lines a position rule took between the article and the list: a box of widgets
    stands above it, not the article."""
    texts = [*CHAPTER_TEXTS[:2], "Toutes les vidéos", *CHAPTER_TEXTS[2:]]
    taken = {1: "line_model", 2: "menu_run", 3: "video_widget", 5: "video_widget",
             7: "video_widget"}
    assert give_back_chapters(taken_lines(texts, taken)) == []


def test_chapters_at_the_page_top_under_taken_lines_still_go():
    """Nothing kept above the list: the lines above are taken ones only."""
    lines = taken_lines(CHAPTER_TEXTS[1:], {0: "line_model", 1: "video_widget",
                                            3: "video_widget", 5: "video_widget"})
    assert give_back_chapters(lines) == []


def test_durations_not_starting_at_zero_still_go():
    texts = [CHAPTER_TEXTS[0], "Actualités Météo", "03:12", "Un autre reportage", "01:09",
             "Encore une vidéo", "12:40", "La suite du conseil"]
    assert give_back_chapters(taken_lines(texts, {1: "line_model", **TIMECODES})) == []


def test_megabyte_lines_finish():
    """The widened name pattern on 1 MB lines (a surname's run of inner capitals, a name
    repeated), through the strip stage and alone."""
    assert_megabyte_lines_finish(["Jim O’Rourke ", "MacEachron", "Félix Forget ", "00:00:00 "],
                                 CFG)
    for text in ("Jim " + "O’R" * 300_000, "Susan " + "Mac" * 300_000 + "x",
                 "Annegret " + "Kramp-" * 200_000,
                 "Jim O’Rourke " * 80_000):
        with hang_guard(10):
            assert _keep._NAME.match(text) is None


# --- the stress pages (tools.strip_model.stress, the current TRAIN draw) ------------------------

LISTING_FR = '\n\n'.join([
    'À la uneFootSport',
    'Samuel Montembeault : un gardien top-5 de la LNH, selon (le modèle de) The Athletic',
    'Félix Forget',
    'En 2025-26, Samuel Montembeault disputera sa cinquième saison dans l’uniforme'
    ' du Canadien. Le Québécois est arrivé en ville de manière inattendue via le'
    ' ballottage… et ...',
    '« Si Ivan Demidov joue avec Kirby Dach et Patrik Laine, on va le scrapper »',
    'Félix Forget',
    'Jusqu’à maintenant, le trio formé par Patrik Laine, Kirby Dach et Ivan'
    ' Demidov ne fait pas exactement l’unanimité au camp du Canadien. Hier, par'
    ' exemple, ...',
    "Blessure d'Aleksander Barkov : ça s'ouvre pour le Canadien dans l'Atlantique",
    'Félix Forget',
    'Ce matin, on a eu droit à une grosse nouvelle en provenance de la Floride :'
    ' la saison d’Aleksander Barkov est possiblement déjà terminée. Le ...',
    'READ MORE',
    'Entraînement : Marc-André Fleury ressort ses jambières jaunes (et vole un but'
    ' à Sidney Crosby)',
    'Félix Forget',
    'On avait droit à une grande journée au camp d’entraînement des Penguins'
    ' aujourd’hui. Le club a sauté sur la glace ce matin… et c’est un ...',
    'À lire également',
    'Les danses traditionnelles mahoraises deviennent un sport à part entière',
    'Munia Dinouraini, une benjamine prête à redistribuer les cartes de la politique',
    'Discorde à la mairie de Mamoudzou',
    'Julien Kerdoncuf, sous-préfet à Mayotte en charge de la lutte contre'
    ' l’immigration clandestine : “Nous n’avons pas constaté d’arrivées de kwassas'
    ' liés au Covid”',
    'Alors que l’épidémie de Covid-19 continue sa propagation à Mayotte et que le'
    ' flou règne sur la situation sanitaire en Union des Comores, la LIC se'
    ' poursuit, d’ailleurs amplifiée pour limiter l’impact que pourrait avoir'
    ' l’importation de nouveaux cas sur le territoire.',
    'JO 2026 : selon Pierre LeBrun, Nick Suzuki a de bonnes chances, mais...',
    'Félix Forget',
    'C’est dans quelques mois seulement que les JO 2026 seront lancés. Et dans le'
    ' monde du hockey, tout ça est particulièrement intéressant cette année… parce ...',
    '« David Reinbacher est exactement là où il est supposé être en ce moment »',
    'Félix Forget',
    'Hier soir, le Canadien l’a emporté face aux Flyers dans un match'
    ' préparatoire. On a beaucoup parlé de la belle sortie des frères Xhekaj, mais ...',
    'Florian Xhekaj marque devant sa mère (qui était émue)',
    'Mehr im PDF...',
    'Félix Forget',
    'Ce soir, le Canadien est en action au Centre Bell. Il y a une tonne de gars'
    ' qui essaient de se prouver… mais il y ...',
    'LJ Mooney a (déjà) grandi et grossi depuis le repêchage',
    'Félix Forget',
    'Au dernier repêchage, le Canadien a sélectionné LJ Mooney en quatrième ronde.'
    ' L’attaquant natif des États-Unis est bourré de talent… mais ce qui l’a',
]) + "\n"

LISTING_EN = '\n'.join([
    'date 2021-11-04 Subscription Notification',
    'We have noticed that there is an issue with your subscription billing'
    ' details. Please update your billing details here',
    'Please update your billing information',
    'The subscription details associated with this account need to be updated.'
    ' Please update your billing details here to continue enjoying your subscription.',
    'Your subscription will end shortly',
    'Please update your billing details here to continue enjoying your access to'
    ' the most informative and considered journalism in the UK.',
    'Sacramento Zoo will relocate to Elk Grove, as council votes in favor of move'
    ' and expansion',
    'Interviews – Page 2 – Conversations About Her',
    'Conversations About Her',
    'Amanda Smith',
    'A state-of-the-art zoo is officially coming to Elk Grove after a marathon'
    ' City Council session culminated in a 4-1 vote to approve ...',
    'A way to reduce high-speed chases? Columbia could consider tech after'
    ' pregnant woman killed in crash',
    'Follow World Science On Twitter!',
    'E‑newsletter:   subscribecancel',
    '"Long before it\'s in the papers"',
    'Amanda Smith',
    'Ashley Brown was roughly 27 weeks pregnant when she was killed as a bystander'
    ' to a high-speed police chase on North Main ...',
    'Alliance City Council OK’s garbage rate hike, algae study',
    'Amanda Smith',
    'ALLIANCE ‒ City residents will pay more for trash service beginning in July.'
    ' City Council on Monday night approved a rate hike ...',
    'NYC Mayor Adams’ new engagement form system subject to transparency laws:'
    ' council official',
    'Leave a Reply',
    'Your email address will not be published. Required fields are marked *',
    'Sarah Wilson',
    'The City Council’s top tech official alerted Mayor Adams this week that his'
    ' administration must by law publicly release all information gathered ...',
    'Council to reconsider cancer sales tax repeal',
    'Amanda Smith',
    'Read More',
    'Apr. 20—A repeal of the one-eighth cent sales tax to expand and improve the'
    ' McAlester Cancer Center is up for reconsideration by ...',
    'How Gaza Protesters Are Challenging Democratic Leaders',
    "And that's a problem. Figuring it out is one of the biggest scientific"
    ' puzzles of our time and a crucial step towards controlling more powerful'
    ' future models.',
    'How scientists traced a mysterious covid case back to six toilets',
    'When wastewater surveillance turns into a hunt for a single infected'
    ' individual, the ethics get tricky.',
    'Amanda Smith',
    'In Detroit, a congressman’s holiday party devolved into chaos and a broken'
    ' nose after demonstrators protesting the war in the Gaza Strip ...',
    'Oklahoma official with white nationalist ties is ousted in recall vote',
    'Welcome to the discussion.',
    'Keep it Clean. Please avoid obscene, vulgar, lewd, racist or'
    ' sexually-oriented language.',
    'PLEASE TURN OFF YOUR CAPS LOCK.',
    'Amanda Smith',
    'ENID, Okla. — Voters in Enid decided by a nearly 20-point margin Tuesday to'
    ' remove a City Council member over his ties ...',
    'Watertown will spend up to $750,000 to fix reservoir leak',
    'Administration Créer mon blog',
    'Amanda Smith',
    'Mar. 31—WATERTOWN — City officials finally know exactly what has been causing'
    ' a leak in one of the reservoirs in Thompson Park ...',
    'What’s happening this week around Thurston County',
    'Science Current Events and Science News | Brightsurf | June 20, 2019',
    'Amanda Smith',
    'Monday, April 1 Capital Mall Triangle Subarea Plan public hearing: The Olympia Pl',
]) + "\n"

CHAPTERS = '\n'.join([
    'date 2025-09-28 Faits Divers',
    'Timeline du Conseil Municipal de Reims du lundi 14 novembre',
    'Que s’est-il passé pendant le dernier Conseil Municipal ? Petit résumé de la'
    ' vidéo de la dernière séance.',
    'Actualités Météo',
    '00:00:00',
    'Se connecter',
    'Tout le monde s’installe',
    '00:01:34',
    'Ça commence',
    '00:02:01',
    'Valérie Beauvais fait l’appel',
    '00:04:57',
    'Arnaud Robinet offre un petit pot de miel à tout les conseillers municipaux'
    ' vu que c’est les premiers petits pots de miel produits au Parc de Champagne.',
    '00:05:28 Mme Nathalie MIRAVETE',
    'Reims Grand Centre - Orientations d’aménagement du projet - Restitution de la'
    ' première phase de concertation - CADRE DE VIE ET ENVIRONNEMENT',
    'Reims Grand Centre - Voie nord - Signature d’une convention d’études avec'
    ' SNCF Réseau - CADRE DE VIE ET ENVIRONNEMENT',
    'Eric Quenard prévient qu’il va voter les deux délibérations mais qu’il a une'
    ' question avant…',
    'La question est de savoir si après l’étude à 75 000€ sur les déplacements des'
    ' rémois qui va prévoir la création d’une « voie nord » pour accéder au futur'
    ' équipement qui se tiendra sur la Sernam, l’investissement sera porté par la'
    ' communauté urbaine ou par la ville. Arnaud Robinet lui répond que les'
    ' compétences de la communauté ayant évolués, elles seront respectées.',
    'Délibération Adoptée',
    '00:10:00 Mme Nathalie MIRAVETE',
    'AVAP Saint Nicaise - Création - Mise en compatibilité du PLU - Approbation -'
    ' CADRE DE VIE ET ENVIRONNEMENT',
    'Délibération adoptée à l’unanimité sans débat',
    '00:10:48 - M. Jean-Marc ROZE',
    'Débat d’orientations budgétaires de l’exercice 2017 - FINANCES',
    'Les agent-e-s municipaux présent-e-s commencent à lancer des slogans et à'
    ' utiliser leurs sifflets.',
    'Arnaud Robinet rappelle que le public n’a pas à intervenir lors du Conseil'
    ' Municipal. Heureusement, Jean-Marc Roze à préparé un diaporama pour être le'
    ' plus clair possible et peut donc commencer sa présentation.',
    '00:29:30 Robinet frime et donne quelque info',
]) + "\n"
