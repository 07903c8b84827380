"""Strip figures on chosen TRAIN batches of the real-page corpus (development tool).

    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --batches fr-e,fr-f,de-e,es-e
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half dev [--lines] [--json]
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r27   # round-27 fresh pages
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r28   # round-28 fresh pages
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r29   # round-29 fresh pages
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r30   # round-30 fresh pages
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r31   # round-31 fresh pages
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r32   # the lead only (below)
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r33   # the lead only (below)
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r34   # the lead only (below)
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r35   # the lead only (below)
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r36   # the lead only (below)
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r37   # the lead only (below)
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r38   # the lead only (below)
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r39   # the lead only (below)
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r40   # the lead only (below)
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r41   # the lead only (below)
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r42   # the lead only (below)
    PYTHONPATH=src:. python -m tools.strip_corpus.score_batches --half r43   # the lead only (below)

Scores the pages of the named batches exactly as ``python -m cleannews.evaluate --corpus
fixtures/strip_real --split train`` does (same reading, same cleaning, same survival and
figures: the evaluate module's own functions), and prints removal P / R / content kept for
all of them, per language and per boilerplate kind. Only TRAIN pages are ever read, and a
batch listed in ``fixtures/strip_real/unscored.json`` (a transfer check) only when it is
named (:func:`named_unscored`: the lead's scoring at the end of a round).

The halves of the round-9 batches (branch strip-gen10, issue 10: rules that transfer):

* :data:`DEV_HALF`: fr-e, fr-f, de-e, es-e, the pages rules may be written against;
* :data:`CHECK_HALF`: fr-g, fr-h, it-e, en-e, measured at the start and at the end only,
  never read while writing rules (``--lines`` refuses them);
* ``--half old``: the round-8 batches (all read by earlier rule authors);
* ``--half r27``: :data:`FRESH27`, the round-27 TRAIN batches (issue 10, branch labels29),
  measured before any rule was written against them;
* ``--half r28``: :data:`FRESH28`, the round-28 TRAIN batches (issue 10, branch labels30),
  measured the same way, once, before any rule was written against them;
* ``--half r29``: :data:`FRESH29`, the round-29 TRAIN batches (issue 10, branch labels32),
  measured the same way, once, before any rule was written against them;
* ``--half r30``: :data:`FRESH30`, the round-30 TRAIN batches (issue 10, branch labels33), the
  round's transfer check: the lead scores them at the end of the round, with the round-start
  code and with the round's final code; nobody runs cleannews on them before
  (:func:`line_counts` reads them without cleaning);
* ``--half r31``: :data:`FRESH31`, the round-31 TRAIN batches (issue 10, branch labels34), a
  second transfer check gathered the same way in round 29: scored by the lead only, at the end
  of the round, with the round-start code and with the round's final code;
* ``--half r32``: :data:`FRESH32`, the round-32 TRAIN batches (issue 10, branch labels35), the
  transfer check of round 30, gathered the same way: scored by the lead only, at the end of
  the round, with the round-start code and with the round's final code;
* ``--half r33``: :data:`FRESH33`, the round-33 TRAIN batches (issue 10, branch labels36), a
  second transfer check of round 30 (news sites proper), gathered the same way: scored by the
  lead only, at the end of the round, with the round-start code and with the round's final code;
* ``--half r34``: :data:`FRESH34`, the round-34 TRAIN batch (issue 10, branch labels38), a
  transfer check of round 31 (French news sites of France proper), gathered the same way: scored
  by the lead only, at the end of the round, with the round-start code and with the round's
  final code.
* ``--half r35``: :data:`FRESH35`, the round-35 TRAIN batches (issue 10, branch labels39), a
  transfer check of round 31 (news sites of French-speaking countries outside France proper, and
  German, Spanish, Italian and English local news), gathered the same way: scored by the lead
  only, at the end of the round, with the round-start code and with the round's final code;
* ``--half r36``: :data:`FRESH36`, the round-36 TRAIN batches (issue 10, branch labels40), the
  transfer check of round 32 (French-speaking news, culture, sport and trade sites of Québec,
  Acadia, Ontario, Switzerland, Belgium, Africa and the Caribbean, and German, Spanish, Italian
  and English local news), gathered the same way: scored by the lead only, at the end of the
  round, with the round-start code and with the round's final code;
* ``--half r37``: :data:`FRESH37`, the round-37 TRAIN batches (issue 10, branch labels41), a
  second transfer check of round 32 (specialised and thematic French-language news: science,
  health, law, economy, tech, motoring, travel, religion, local politics of Belgium, the Maghreb,
  Lebanon and Haiti; and German, Spanish, Italian and English farm, police, politics and school
  news), gathered the same way: scored by the lead only, at the end of the round, with the
  round-start code and with the round's final code;
* ``--half r38``: :data:`FRESH38`, the round-38 TRAIN batches (issue 10, branch labels42), the
  transfer check of round 33 (French local and community life: parishes, amateur sport clubs,
  school and music-society news, town halls and municipal pages, libraries, farm shows, local
  radios of France, Belgium, Switzerland and Luxembourg, with listings; and German, Spanish,
  Italian and English club, parish, fiesta and parish-council news), gathered the same way:
  scored by the lead only, at the end of the round, with the round-start code and with the
  round's final code;
* ``--half r39``: :data:`FRESH39`, the round-39 TRAIN batches (issue 10, branch labels45), the
  transfer check of round 34 (French-language news from outside metropolitan France and outside
  general news: Ontario, Acadia, Cameroon, Côte d'Ivoire, Benin, Senegal, Mauritania, the
  Antilles, Réunion, Polynesia; trade and professional press: building, insurance, pharmacy,
  HR, teaching unions; student news; and German, Spanish, Italian and English farm, crafts-guild
  and student news), gathered the same way: scored by the lead only, at the end of the round,
  with the round-start code and with the round's final code;
* ``--half r40``: :data:`FRESH40`, the round-40 TRAIN batches (issue 10, branch labels46), round
  34's second transfer check (French-language sport and culture: club and league news, sailing,
  basketball, handball, table tennis, e-sport; theatre, cinema, comics, music, art, book and
  science magazines, Swiss weeklies; and German, Spanish, Italian and English sport, theatre,
  art and science news), gathered the same way: scored by the lead only, at the end of the
  round, with the round-start code and with the round's final code;
* ``--half r41``: :data:`FRESH41`, the round-41 TRAIN batches (issue 10, branch labels47), round
  35's transfer check (institutional and civic news: unions, chambers of agriculture and of
  commerce, communes, universities, hospitals, a consumer association, NGOs, law, economy and
  tech blogs; and German, Spanish, Italian and English university, council, hospital, parish and
  labour news), gathered the same way: scored by the lead only, at the end of the round, with
  the round-start code and with the round's final code;
* ``--half r42``: :data:`FRESH42`, the round-42 TRAIN batches (issue 10, branch labels51), round
  36's transfer check (consumer and practical news: motoring, housing and mortgages, food and
  wine, travel, pets, gardening and DIY, parenting, beauty, consumer rights and tech, video
  games; small regional radio and TV stations' news; and German, Spanish, Italian and English
  motoring, baking, pets, travel, recipe, gardening and local radio and TV news), gathered the
  same way: scored by the lead only, at the end of the round, with the round-start code and
  with the round's final code;
* ``--half r43``: :data:`FRESH43`, the round-43 TRAIN batches (issue 10, branch labels52), round
  37's transfer check (agriculture and rural press, business, start-up and industry news,
  education and student media, religious press, hunting, fishing, mountain and sailing pages,
  overseas and island news, opinion blogs; and German, Spanish, Italian and English farm,
  start-up and church news), gathered the same way: scored by the lead only, at the end of the
  round, with the round-start code and with the round's final code;
* ``--half r44``: :data:`FRESH44`, the round-44 TRAIN batches (issue 10, branch labels53), round
  38's transfer check (health and medical press, technology and video games, motoring and
  motorcycles, housing, renovation and real estate, travel and van life, food, wine and
  restaurant news, energy and climate, music-industry news, personal finance and
  micro-business advice; and German, Spanish, Italian and English motoring, housing, health,
  video-game, travel, wine and music-industry pages), gathered the same way: scored by the lead
  only, at the end of the round, with the round-start code and with the round's final code;
* ``--half r45``: :data:`FRESH45`, the round-45 TRAIN batches (issue 10, branch labels54), round
  39's transfer check (technology, IT and video games, fashion, beauty and lifestyle magazines,
  parenting, pets, jobs and HR, aviation, rail, shipping and logistics, defence, banking,
  fintech and crypto, home, garden and DIY, retail and e-commerce trade news; and German,
  Spanish, Italian and English games, pets, logistics, defence, HR, aviation, fintech, garden
  and retail pages), gathered the same way: scored by the lead only, at the end of the round,
  with the round-start code and with the round's final code;
* ``--half r46``: :data:`FRESH46`, the round-46 TRAIN batches (issue 10, branch labels55), round
  40's transfer check (weather, climate and environment, crime and court reporting, celebrity
  and TV people, diaspora media, astronomy, books and publishing, horse racing, architecture,
  hunting, fishing and the sea, obituaries and local-life pages; and German, Spanish, Italian
  and English weather, court, crime, astronomy and publishing pages), gathered the same way:
  scored by the lead only, at the end of the round, with the round-start code and with the
  round's final code.

    >>> page_batch("fr-e-0012"), page_batch("de-m-0003")
    ('fr-e', 'de-m')
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cleannews.evaluate import (
    _clean_traced,
    _stats,
    page_batch,
    read_corpus,
    unit_rows,
)

ROOT = Path(__file__).resolve().parents[2]

#: Round-9 TRAIN batches rules may be developed on (branch strip-gen10).
DEV_HALF = ("fr-e", "fr-f", "de-e", "es-e")
#: Round-9 TRAIN batches measured only at the start and the end (branch strip-gen10).
CHECK_HALF = ("fr-g", "fr-h", "it-e", "en-e")
#: The batches of TRAIN before round 9 (as ``ROUND8_TRAIN_BATCHES`` in tests/conftest.py).
OLD_BATCHES = (
    "de-c", "de-d", "de-m", "en-d", "en-m", "es-c", "es-d", "es-m",
    "fr-a", "fr-b", "fr-c", "fr-d", "it-c", "it-d", "it-m",
)
#: The round-27 TRAIN batches (branch labels29): 57 pages from 54 sites new to the corpus,
#: scored before any rule or model was written or trained on them (docs/strip-history.md, "Fresh
#: TRAIN pages (issue 10, round 27)").
FRESH27 = ("fr-r27", "de-r27", "es-r27", "it-r27", "en-r27")
#: The round-28 TRAIN batches (branch labels30): 57 pages from 57 sites new to the corpus,
#: scored before any rule or model was written or trained on them (docs/strip-history.md, "Fresh
#: TRAIN pages, second batch (issue 10, round 28)").
FRESH28 = ("fr-r28", "de-r28", "es-r28", "it-r28", "en-r28")
#: The round-29 TRAIN batches (branch labels32): 57 pages from 57 sites new to the corpus,
#: scored before any rule or model was written or trained on them (docs/strip-history.md, "Fresh
#: TRAIN pages, third batch (issue 10, round 29)").
FRESH29 = ("fr-r29", "de-r29", "es-r29", "it-r29", "en-r29")
#: The round-30 TRAIN batches (branch labels33): 51 pages from 51 sites new to the corpus, the
#: round's transfer check, scored by the lead at the end of the round with the round-start code
#: (5abcc66a) and with the round's final code, before anybody else reads them
#: (docs/strip-history.md, "Fresh TRAIN pages, fourth batch (issue 10, round 29)").
FRESH30 = ("fr-r30", "de-r30", "es-r30", "it-r30", "en-r30")
#: The round-31 TRAIN batches (branch labels34): 44 pages from 44 sites new to the corpus, a
#: second transfer check of round 29, scored by the lead at the end of the round with the
#: round-start code and with the round's final code, before anybody else runs cleannews on them
#: (docs/strip-history.md, "Fresh TRAIN pages, fifth batch (issue 10, round 29)").
FRESH31 = ("fr-r31", "de-r31", "es-r31", "it-r31", "en-r31")
#: The round-32 TRAIN batches (branch labels35): 52 pages from 52 sites new to the corpus, the
#: transfer check of round 30, scored by the lead at the end of the round with the round-start
#: code and with the round's final code, before anybody else runs cleannews on them
#: (docs/strip-history.md, "Fresh TRAIN pages, sixth batch (issue 10, round 30)").
FRESH32 = ("fr-r32", "de-r32", "es-r32", "it-r32", "en-r32")
#: The round-33 TRAIN batches (branch labels36): 47 pages from 47 sites new to the corpus,
#: mostly news sites proper, a second transfer check of round 30, scored by the lead at the end
#: of the round with the round-start code and with the round's final code, before anybody else
#: runs cleannews on them (docs/strip-history.md, "Fresh TRAIN pages, seventh batch (issue 10,
#: round 30)").
FRESH33 = ("fr-r33", "de-r33", "es-r33", "it-r33", "en-r33")
#: The round-34 TRAIN batch (branch labels38): 46 French pages from 46 sites of France proper new
#: to the corpus (regional and local news, municipal pages, trade and culture press), a transfer
#: check of round 31, scored by the lead at the end of the round with the round-start code and
#: with the round's final code, before anybody else runs cleannews on them
#: (docs/strip-history.md, "Fresh TRAIN pages, eighth batch (issue 10, round 31)").
FRESH34 = ("fr-r34",)
#: The round-35 TRAIN batches (branch labels39): 50 pages from 50 sites new to the corpus, news
#: sites of French-speaking countries outside France proper and German, Spanish, Italian and
#: English local news, a transfer check of round 31, scored by the lead at the end of the round
#: with the round-start code and with the round's final code, before anybody else runs cleannews
#: on them (docs/strip-history.md, "Fresh TRAIN pages, ninth batch (issue 10, round 31)").
FRESH35 = ("fr-r35", "de-r35", "es-r35", "it-r35", "en-r35")
#: The round-36 TRAIN batches (branch labels40): 47 pages from 47 sites new to the corpus (26
#: French from Québec, Acadia, Ontario, Switzerland, Belgium, Africa and the Caribbean; German,
#: Spanish, Italian and English local news), the transfer check of round 32, scored by the lead
#: at the end of the round with the round-start code and with the round's final code, before
#: anybody else runs cleannews on them (docs/strip-history.md, "Fresh TRAIN pages, tenth batch
#: (issue 10, round 32)").
FRESH36 = ("fr-r36", "de-r36", "es-r36", "it-r36", "en-r36")
#: The round-37 TRAIN batches (branch labels41): 45 pages from 45 sites new to the corpus (28
#: French from specialised and thematic news: science, health, law, economy, tech, motoring,
#: travel, religion, local politics of Belgium, the Maghreb, Lebanon and Haiti; German, Spanish,
#: Italian and English farm, police, politics and school news), a second transfer check of round
#: 32, scored by the lead at the end of the round with the round-start code and with the round's
#: final code, before anybody else runs cleannews on them (docs/strip-history.md, "Fresh TRAIN
#: pages, eleventh batch (issue 10, round 32)").
FRESH37 = ("fr-r37", "de-r37", "es-r37", "it-r37", "en-r37")
#: The round-38 TRAIN batches (branch labels42): 46 pages from 46 sites new to the corpus (27
#: French from local and community life: parishes, amateur sport clubs, schools, music
#: societies, town halls and communes of France, Belgium, Switzerland and Luxembourg,
#: libraries, a farm show, local radios; German, Spanish, Italian and English club, parish,
#: fiesta and parish-council news; 37 articles, 9 listings), the transfer check of round 33,
#: scored by the lead at the end of the round with the round-start code and with the round's
#: final code, before anybody else runs cleannews on them (docs/strip-history.md, "Fresh TRAIN
#: pages, twelfth batch (issue 10, round 33)").
FRESH38 = ("fr-r38", "de-r38", "es-r38", "it-r38", "en-r38")
#: The round-39 TRAIN batches (branch labels45): 47 pages from 47 sites new to the corpus (26
#: French from outside metropolitan France and outside general news: Ontario and Acadian
#: community media, West and Central African and Mauritanian news sites, the Antilles, Réunion,
#: Polynesia; building, insurance, pharmacy, HR and teaching-union trade press; student news;
#: German, Spanish, Italian and English farm, crafts-guild and student news; 39 articles, 8
#: listings), the transfer check of round 34, scored by the lead at the end of the round with
#: the round-start code and with the round's final code, before anybody else runs cleannews on
#: them (docs/strip-history.md, "Fresh TRAIN pages, thirteenth batch (issue 10, round 34)").
FRESH39 = ("fr-r39", "de-r39", "es-r39", "it-r39", "en-r39")
#: The round-40 TRAIN batches (issue 10, branch labels46: 42 pages from 42 new sites, French
#: 24: sport and culture: sailing, basketball, handball, table tennis, e-sport, theatre, cinema,
#: comics, jazz and classical music, art, book and astronomy pages, a Val-de-Travers weekly, a
#: Dijon daily's local sport, a Swiss consumer magazine; German, Spanish, Italian and English
#: district football, cycling, theatre, film, art, science and school-rugby news; 29 articles, 13
#: listings), round 34's second transfer check, scored by the lead at the end of the round with
#: the round-start code and with the round's final code, before anybody else runs cleannews on
#: them (docs/strip-history.md, "Fresh TRAIN pages, fourteenth batch (issue 10, round 34)").
FRESH40 = ("fr-r40", "de-r40", "es-r40", "it-r40", "en-r40")
#: The round-41 TRAIN batches (issue 10, branch labels47: 43 pages from 43 new sites, French 25:
#: institutional and civic news: union communiqués, chambers of agriculture (two farm weeklies),
#: a law firm's, a legal-information and a law-students' blog, economic letters and barometers,
#: a communauté de communes, an agglomération, two communes, a city and the hospitals' network,
#: a farm social-insurance magazine, NGO and humanitarian blogs, a university magazine, tech
#: blogs; German, Spanish, Italian and English university, council, hospital, parish and labour
#: news; 34 articles, 9 listings), round 35's transfer check, scored by the lead at the end of
#: the round with the round-start code and with the round's final code, before anybody else runs
#: cleannews on them (docs/strip-history.md, "Fresh TRAIN pages, fifteenth batch (issue 10,
#: round 35)").
FRESH41 = ("fr-r41", "de-r41", "es-r41", "it-r41", "en-r41")
#: The round-42 TRAIN batches (issue 10, branch labels51: 42 pages from 42 new sites, French 26:
#: consumer and practical news: EV and motoring guides, mortgage brokers' market news, an
#: insurance broker's guide, food, wine and restaurant pages, travel and weekend ideas, a pet-food
#: maker's veterinary magazine, gardening, DIY and home magazines, parenting and beauty pages,
#: consumer-rights guides, consumer tech and a gaming blog, a Valais regional radio, a local web
#: radio's franceinfo feed, a media magazine on local TV; German, Spanish, Italian and English
#: motoring, baking, pets, travel, recipe and gardening pages and local radio and TV news; 35
#: articles, 7 listings), round 36's transfer check, scored by the lead at the end of the round
#: with the round-start code and with the round's final code, before anybody else runs cleannews
#: on them (docs/strip-history.md, "Fresh TRAIN pages, sixteenth batch (issue 10, round 36)").
FRESH42 = ("fr-r42", "de-r42", "es-r42", "it-r42", "en-r42")
#: The round-43 TRAIN batches (issue 10, branch labels52: 40 pages from 40 new sites, French 25:
#: start-up funding blogs and an industry advocacy site, a Périgord business magazine, two
#: dioceses' and a Protestant portal's news, hunting, fishing, alpine-club, mountain, ski-resort
#: and sailing pages, Corsican, Mayotte and Quebec student media, an opinion blog and a
#: francophone column archive, education-history, education-news and economist's pages; German
#: farm and start-up pages, Spanish start-up and diocesan news, Italian farm and pilgrimage news,
#: English farm radio and TV, a church weekly and a start-up blog; 33 articles, 7 listings),
#: round 37's transfer check, scored by the lead at the end of the round with the round-start
#: code and with the round's final code, before anybody else runs cleannews on them
#: (docs/strip-history.md, "Fresh TRAIN pages, seventeenth batch (issue 10, round 37)").
FRESH43 = ("fr-r43", "de-r43", "es-r43", "it-r43", "en-r43")
#: The round-44 TRAIN batches (issue 10, branch labels53: 38 pages from 38 new sites, French 24:
#: a medical news site's section home, a patient-safety press review and a practitioners'
#: journal, an electric-car blog and a motorcycle magazine, a wine app's blog and a gastronomy
#: blog, a food-trade site's, a restaurant guide's and a restaurant trade magazine's news, a
#: consumer-credit news site, a bank's housing research note, two insulation and renovation
#: guides, an energy-transition article, a music webzine's live-report archive, a travel guide
#: and two van-life travel blogs, an economy daily's, a retirement site's and an insurance
#: site's savings articles, a bank's and a blogger's micro-business treasury guides; German
#: electric-car, rent-index and health-section pages, Spanish console-sales, mobile-games,
#: sponsored travel and beach-destination pages, Italian village-travel, wine-blog and
#: winery-chef pages, English music-industry newsletter and city-break tips; 34 articles, 4
#: listings), round 38's transfer check, scored by the lead at the end of the round with the
#: round-start code and with the round's final code, before anybody else runs cleannews on them
#: (docs/strip-history.md, "Fresh TRAIN pages, eighteenth batch (issue 10, round 38)").
FRESH44 = ("fr-r44", "de-r44", "es-r44", "it-r44", "en-r44")
#: The round-45 TRAIN batches (issue 10, branch labels54: 41 pages from 41 new sites, French 24:
#: a maritime trade monthly's paywalled dossier, an aviation trade site's story, a rail-news
#: magazine's category page, a port association's brief, a celebrity and fashion blog, a fashion
#: magazine's and a luxury magazine's trend articles, two beauty guides (one on a Senegalese news
#: site), a Québec weekly's sponsored pet article, a veterinary association's resource page, a
#: job board's HR blog, a bitcoin-payment explainer, a defence review's dossier, three garden and
#: DIY guides, a retail trade magazine's legal column, a parenting guide, a public-health
#: parenting site's search page, a local monthly's pregnancy special, a ransomware explainer and
#: a purchasing magazine's slideshow slide, a tech blog's iPhone review; German games special,
#: vets' blog tag page, logistics teaser and defence interview; Spanish games, remote-hiring and
#: airport pages; Italian games review, pet guide, fintech guide and garden post; English games
#: tag page, paywalled freight story and two retail articles; 37 articles, 4 listings), round 39's
#: transfer check, scored by the lead at the end of the round with the round-start code and with
#: the round's final code, before anybody else runs cleannews on them (docs/strip-history.md,
#: "Fresh TRAIN pages, nineteenth batch (issue 10, round 39)").
FRESH45 = ("fr-r45", "de-r45", "es-r45", "it-r45", "en-r45")
#: The round-46 TRAIN batches (issue 10, branch labels55: 41 pages from 41 new sites, French 25:
#: a free daily's storm warning, a lawyer's court-chronicle blog post, an amateur astronomer's
#: comet pages, a science-video transcript, an old portal's comet story, a death-notice site's
#: obituary guide, a village association's board minutes, a party blog's loto archive page, a
#: sea-fishing page, a lifestyle magazine's TV-presenter interview, two diaspora opinion pieces,
#: a machine-translated climate story, three book-review listing pages and a book blog's archive,
#: a senator's obituary post, a Swiss daily's centenarian-mayor story, a commune's Armistice news,
#: three Perseids pages (an aggregator, a Swiss agenda site, an astronomy blog), a racing daily's
#: news item and a trotting column; German weather warning, DWD forecast text, school court
#: visit and observatory event page; Spanish court and crime stories and a civil-guard
#: association's tag page; Italian crime and court stories; English Perseids pages and a literary
#: agency's category page; 34 articles, 7 listings), round 40's transfer check, scored by the
#: lead at the end of the round with the round-start code and with the round's final code,
#: before anybody else runs cleannews on them (docs/strip-history.md, "Fresh TRAIN pages,
#: twentieth batch (issue 10, round 40)").
FRESH46 = ("fr-r46", "de-r46", "es-r46", "it-r46", "en-r46")
HALVES = {
    "dev": DEV_HALF, "check": CHECK_HALF, "old": OLD_BATCHES,
    "r27": FRESH27, "r28": FRESH28, "r29": FRESH29, "r30": FRESH30, "r31": FRESH31,
    "r32": FRESH32, "r33": FRESH33, "r34": FRESH34, "r35": FRESH35, "r36": FRESH36,
    "r37": FRESH37, "r38": FRESH38, "r39": FRESH39, "r40": FRESH40, "r41": FRESH41,
    "r42": FRESH42, "r43": FRESH43, "r44": FRESH44, "r45": FRESH45,
    "r46": FRESH46,
}


def named_unscored(batches: tuple[str, ...], root: Path = ROOT / "fixtures" / "strip_real"
                   ) -> list[str]:
    """The batches of ``batches`` that the corpus's ``unscored.json`` lists (a transfer check
    not yet scored): :func:`score` and :func:`line_counts` read their pages only when they are
    named, as the lead does once at the end of a round (``--half r32``); no other half, and no
    other reader (``cleannews.evaluate.read_corpus``), sees them.

    >>> named_unscored(("fr-a", "fr-r27"))
    []
    """
    from cleannews import evaluate  # looked up at call time (a test may patch the list)

    return sorted(set(batches) & evaluate.unscored_batches(root))


def line_counts(
    batches: tuple[str, ...], root: Path = ROOT / "fixtures" / "strip_real"
) -> dict:
    """Pages and labelled lines of the TRAIN pages of ``batches``, read as :func:`score` reads
    them but never cleaned: ``pages``, ``content_lines``, ``boilerplate_lines`` (whitespace
    lines apart, as :func:`cleannews.evaluate._stats` counts them), ``whitespace_lines`` and
    ``glued_spans``, the spans ``⟦…⟧`` bracketed in content lines (GUIDELINE rule 5), which
    :func:`score` counts as furniture units beside the boilerplate lines
    (:func:`cleannews.evaluate.unit_rows`).

    >>> sorted(line_counts(("no-such-batch",)).items())  # doctest: +NORMALIZE_WHITESPACE
    [('boilerplate_lines', 0), ('content_lines', 0), ('glued_spans', 0), ('pages', 0),
     ('whitespace_lines', 0)]
    """
    wanted = set(batches)
    out = {
        "pages": 0, "content_lines": 0, "boilerplate_lines": 0, "whitespace_lines": 0,
        "glued_spans": 0,
    }
    for rec, _doc, labelled in read_corpus(
            root, ("train",), unscored=bool(named_unscored(batches, root))):
        if page_batch(rec["id"]) not in wanted:
            continue
        out["pages"] += 1
        for lb in labelled:
            key = (
                "whitespace_lines" if lb.whitespace
                else "content_lines" if lb.content else "boilerplate_lines"
            )
            out[key] += 1
            out["glued_spans"] += len(lb.glued) if lb.content else 0
    return out


def score(batches: tuple[str, ...], root: Path = ROOT / "fixtures" / "strip_real") -> dict:
    """Figures (:func:`cleannews.evaluate._stats`) on the TRAIN pages of ``batches``: keys
    ``all`` and one per language, plus ``missed`` (boilerplate lines left in)."""
    wanted = set(batches)
    groups: dict[str, list] = {"all": []}
    missed = []
    n_pages = 0
    for rec, doc, labelled in read_corpus(
            root, ("train",), unscored=bool(named_unscored(batches, root))):
        if page_batch(rec["id"]) not in wanted:
            continue
        n_pages += 1
        visible = "\n".join(lb.text for lb in labelled)
        out, trace = _clean_traced(doc, False)
        rows = unit_rows(rec["id"], labelled, out, visible, trace)
        groups["all"].extend(rows)
        groups.setdefault(rec["lang"], []).extend(rows)
        missed += [
            {"file": rec["id"], "category": lb.label, "line": lb.text[:140]}
            for _, lb, s in rows if s and not lb.content and not lb.whitespace
        ]
    out_fig = {k: _stats(v) for k, v in groups.items()}
    return {"pages": n_pages, "figures": out_fig, "missed": missed}


def _print(result: dict, lines: bool) -> None:
    print(f"{result['pages']} pages")
    for group, s in result["figures"].items():
        print(
            f"  {group:4s}: P {s['removal_precision']:.3f}  R {s['removal_recall']:.3f}  "
            f"({s['removed_boilerplate']}/{s['boilerplate_lines']})  content kept "
            f"{100 * s['content_kept_share']:.2f} % ({s['content_dropped']}/{s['content_lines']})"
        )
    cats = result["figures"]["all"]["per_category_recall"]
    print("  per kind: " + ", ".join(f"{c} {v['removed']}/{v['total']}" for c, v in cats.items()))
    if lines:
        for d in result["figures"]["all"]["dropped_content_lines"]:
            print(f"  DROPPED CONTENT [{d['file']}] {d['line'][:120]}")
        for m in result["missed"]:
            print(f"  missed [{m['file']}] {m['category']}: {m['line']}")


def main(argv: list[str] | None = None) -> int:
    """Print the figures of the named batches (or of one half)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--batches", help="comma-separated batches, e.g. fr-e,de-e")
    ap.add_argument("--half", choices=sorted(HALVES), help="a named list of batches")
    ap.add_argument("--lines", action="store_true", help="list dropped and missed lines")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    batches = tuple(args.batches.split(",")) if args.batches else HALVES.get(args.half or "", ())
    if not batches:
        ap.error("name --batches or --half")
    if args.lines and set(batches) & set(CHECK_HALF):
        ap.error("--lines never lists the CHECK half's pages (they are not read while tuning)")
    if named_unscored(batches):  # the lead's transfer check: asked for by name
        print(f"scoring unscored batches {', '.join(named_unscored(batches))} "
              "(fixtures/strip_real/unscored.json): the lead's transfer check only",
              file=sys.stderr)
    result = score(batches)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        _print(result, args.lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
