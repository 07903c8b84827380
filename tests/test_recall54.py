"""Related teasers left in on new sites (issue 10, round 39, recall54).

Three gaps of the related-articles rules, each seen on real TRAIN pages of the transfer
batches (read through ``_helpers.train_doc`` only, never a held-out or unscored page):

* the Spanish and Italian related headings in the singular or with "link":
  ``related_lead_es`` read "contenidos relacionados" but not "Contenido relacionado"
  (es-r37-0005, es-r40-0003), ``related_lead_it`` "articoli correlati" but not "link
  correlati" (it-r40-0004); with the heading, its ``takes_next`` teasers go;
* ``excerpt_run`` counts excerpts another rule already removed: under "link correlati" the
  heading took six cut excerpts and the seventh stood alone (it-r40-0004);
* ``heading_pairs`` reads the teaser pairs under any whole-line related heading, the
  heading's own taken headline heading the first pair ("Ultime notizie" took "Una frana …"
  and left its excerpt and five more pairs, it-r35-0007).

Sentences that hold the same words stay, and so does an article that goes on under such a
heading (its sections share its words).
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import (
    assert_megabyte_lines_finish,
    assert_train_furniture_goes,
    train_content_lost,
)
from cleannews.strip import strip_text

CFG = cleannews.CleanConfig()

#: (page, start of a furniture line the round-start code left in)
REAL_LINES = [
    ("es-r37-0005", "Contenido relacionado"),
    ("es-r40-0003", "CONTENIDO RELACIONADO"),
    ("es-r40-0003", "A pesar del escepticismo, este primer avance es bastante prometedor"),
    ("es-r40-0003", "'Aprender a soltar', el drama familiar sueco"),
    ("it-r40-0004", "link correlati"),
    ("it-r40-0004", "Per Maya Kokocinski Molero, la pittura è un varco verso l’invisibile"),
    ("it-r35-0007", "In una Sicilia messa a durissima prova dai danni del ciclone Harry"),
    ("it-r35-0007", "Cuba si prepara all’attacco americano"),
    ("it-r35-0007", "«L'Abraham Lincoln Carrier Strike Group è attualmente dispiegato"),
]


@pytest.mark.parametrize(("page", "start"), REAL_LINES)
def test_real_related_line_goes(page, start):
    assert_train_furniture_goes(page, start, CFG)


@pytest.mark.parametrize("page", ["es-r37-0005", "es-r40-0003", "it-r40-0004", "it-r35-0007"])
def test_real_pages_keep_their_content(page):
    assert train_content_lost(page, CFG) == []


ES_PARAS = (
    "El ayuntamiento aprobó ayer el presupuesto municipal para el próximo año con los votos "
    "del equipo de gobierno y la abstención de la oposición, que pidió más inversión.",
    "La partida destinada a la limpieza de las calles crece un diez por ciento y la de "
    "cultura se mantiene, según explicó la concejala de Hacienda en el pleno.",
)
IT_PARAS = (
    "Il consiglio comunale ha approvato ieri sera il bilancio di previsione con i voti della "
    "maggioranza, mentre l'opposizione ha chiesto più fondi per le scuole del centro.",
    "La spesa per la manutenzione delle strade cresce del dieci per cento e quella per la "
    "cultura resta invariata, ha spiegato l'assessora al bilancio durante la seduta.",
)


def _kept(paras, line):
    text = "\n\n".join([paras[0], line, paras[1]]) + "\n"
    return line in strip_text(text, CFG).text


@pytest.mark.parametrize(
    ("paras", "line"),
    [
        (ES_PARAS, "El informe no incluye contenido relacionado con la reforma fiscal, según "
                   "el ministerio."),
        (ES_PARAS, "La oposición denunció que el contenido relacionado con las obras no se "
                   "publicó a tiempo en la web municipal."),
        (IT_PARAS, "Nei link correlati all'articolo trovate le fonti che abbiamo consultato "
                   "per questa inchiesta."),
    ],
)
def test_sentences_with_the_words_stay(paras, line):
    assert _kept(paras, line)


def test_article_going_on_under_a_related_heading_stays():
    """Pairs under "Ultime notizie" that are the article's own sections (they share its
    words) stay, the heading's taken line too being the article's subheading."""
    body = ("Le elezioni comunali di Udine hanno visto la vittoria del centrosinistra al "
            "ballottaggio, con il candidato sindaco che ha superato il centrodestra di pochi "
            "punti dopo una campagna elettorale molto combattuta in tutta la città.")
    pairs = [
        ("Il centrosinistra festeggia in piazza a Udine",
         "I sostenitori del centrosinistra si sono ritrovati in piazza a Udine dopo lo "
         "spoglio delle elezioni comunali, con il sindaco eletto che ha ringraziato gli "
         "elettori."),
        ("Il centrodestra chiede una riflessione",
         "Il centrodestra sconfitto al ballottaggio di Udine ha chiesto una riflessione "
         "interna sulle elezioni comunali e sulla scelta del candidato sindaco."),
        ("La campagna elettorale e la città",
         "La campagna elettorale per le elezioni comunali di Udine ha diviso la città sul "
         "tema del traffico e del centro storico, secondo gli osservatori."),
    ]
    lines = [body, "Ultime notizie"] + [x for p in pairs for x in p]
    out = strip_text("\n\n".join(lines) + "\n", CFG).text
    for _, excerpt in pairs:
        assert excerpt in out


def test_widened_patterns_stay_linear():
    """The widened heading patterns on 1 MB lines of their near misses: no runaway work."""
    assert_megabyte_lines_finish(
        ["contenido relacionad", "contenidos relacionado ", "link correlat", "collegamenti "],
        cleannews.CleanConfig(languages=("es", "it")),
    )


def test_excerpt_run_counts_a_removed_excerpt():
    """Three excerpts cut with "…" under the article, the first two already removed by a
    heading's ``takes_next``: the third goes too (it-r40-0004's shape)."""
    from cleannews.strip._zones import excerpt_run
    from cleannews.strip.detectors import GOOD, _Line

    para = "Il consiglio comunale ha approvato il bilancio della città per il prossimo anno. "
    texts = [para * 5,
             "A Pavia una grande mostra ripercorre la battaglia del 1525 con arti rinascimentali…",
             "Sono stati annunciati gli artisti che parteciperanno alla terza edizione della…",
             "Per Maya Kokocinski Molero la pittura è un varco verso l’invisibile: ne parliamo…"]
    ls = [_Line(t, frozenset()) for t in texts]
    for ln in ls:
        ln.cls = GOOD
    for ln in ls[1:3]:
        ln.bad("related_lead_it", "heading of a list of other articles")
    excerpt_run(ls, 0, 3)
    assert [ln.removal.rule for ln in ls[1:]] == ["related_lead_it", "related_lead_it",
                                                  "excerpt_run"]
