"""The fresh TRAIN batches of the real-page corpus (issue 10, rounds 27 to 34).

Each round since the twenty-seventh gathers pages from sites new to the corpus (batches
``fr-rNN``, ``de-rNN``, ``es-rNN``, ``it-rNN``, ``en-rNN``) from the search tool's stored
pages (``raw/*-rNN/*.json``, the tool's answers with the chosen results), labels them line by
line, reviews them in a second whole-page pass before the cleaner is run on them, and scores
them once as fresh development pages (``python -m tools.strip_corpus.score_batches --half
rNN``; docs/strip-history.md, "Fresh TRAIN pages (issue 10, round 27)" and "Fresh TRAIN
pages, second batch (issue 10, round 28)"; round 29's: "Fresh TRAIN pages, third batch (issue 10,
round 29)"). The ``r30`` and ``r31`` batches were round 29's transfer checks (scored by the
lead at the round's end); the ``r32`` batches were round 30's, the ``r33`` batches (news sites
proper) a second one, scored the same way; the ``r34`` batch (French news sites of France
proper) and the ``r35`` batches (French-speaking news sites outside France proper, and German,
Spanish, Italian and English local news) are round 31's; the ``r36`` batches (French-speaking
news, culture, sport and trade sites, and German, Spanish, Italian and English local news) and
the ``r37`` batches (specialised and thematic French-language news, and German, Spanish, Italian
and English farm, police, politics and school news) are round 32's; the ``r38`` batches (French
local and community life in France, Belgium, Switzerland and Luxembourg, and German, Spanish,
Italian and English club, parish, fiesta and parish-council news) are round 33's; the ``r39``
batches (French-language news from outside metropolitan France and outside general news,
trade and student press, and German, Spanish, Italian and English farm, crafts-guild and
student news) and the ``r40`` batches (French-language sport and culture: club and league news,
sailing, basketball, handball, table tennis, e-sport; theatre, cinema, comics, music, art and
science magazines, Swiss weeklies; and German, Spanish, Italian and English sport, theatre and
art news) are round 34's; the ``r41`` batches (institutional and civic news: unions, chambers
of agriculture and of commerce, communes and a communauté de communes, universities, hospitals,
a consumer association, NGOs, law, economy and tech blogs; and German, Spanish, Italian and
English university, council, hospital, parish and labour news) are round 35's; the ``r42``
batches (consumer and practical news: motoring, housing and mortgages, food and wine, travel,
pets, gardening and DIY, parenting, beauty, consumer rights and tech, video games; small
regional radio and TV stations' news; and German, Spanish, Italian and English motoring, baking,
pets, travel, recipe, gardening and local radio and TV news) are round 36's; the ``r43``
batches (agriculture and rural press, business, start-up and industry news, education and student
media, religious press, hunting, fishing, mountain and sailing pages, overseas and island news,
opinion blogs; and German, Spanish, Italian and English farm, start-up and church news) are round
37's; the ``r44`` batches (health and medical press, motoring and motorcycles, video games,
housing, renovation and real estate, travel and van life, food, wine and restaurant news, energy,
music-industry news, personal finance and micro-business advice; and German, Spanish, Italian and
English motoring, housing, health, video-game, travel, wine and music-industry pages) are round
38's; the ``r45`` batches (technology, IT and video games, fashion, beauty and lifestyle,
parenting, pets, jobs and HR, aviation, rail, shipping and logistics, defence, banking, fintech
and crypto, home, garden and DIY, retail and e-commerce trade news; and German, Spanish, Italian
and English games, pets, logistics, defence, HR, aviation, fintech, garden and retail pages) are
round 39's (scored at the end of round 39); the ``r46`` batches (weather, climate and
environment, crime and court reporting, celebrity and TV people, diaspora media, astronomy, books
and publishing, horse racing, architecture, hunting, fishing and the sea, obituaries and
local-life pages; and German, Spanish, Italian and English weather, court, crime, astronomy and
publishing pages) are round 40's (scored at the end of round 40). A transfer
check not yet scored is ``scored=False`` (and listed in ``fixtures/strip_real/unscored.json``):
no test here cleans it, only its pages and line counts are checked
(``score_batches.line_counts``). For every batch these tests check

* the pages: labelled, typed, reviewed, equal byte for byte to their saved answers,
  ``check.py --strict`` clean on each batch;
* the sites: every one on the TRAIN side of the site hash, in no other batch's manifest or
  ``dropped/`` list, not a source of the spin fixtures that name their URLs, at most
  ``max_per_site`` pages each; the held-out-side candidates seen while gathering are in
  ``dropped/*-rNN.jsonl``, unlabelled;
* that the frozen held-out lists did not move (ids, SHA-256, disjointness) and that the new
  pages are read by the TRAIN split only;
* the ``--half rNN`` reading of ``score_batches``: its line counts for every round, and the
  fresh pages' development figure for the rounds already scored.

A new round's batch is one more :class:`Fresh` in ``ROUNDS``.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field

import pytest

from _helpers import (
    CORPUS,
    FROZEN_SHA256,
    ROOT,
    UNSCORED_BATCHES,
    corpus_records,
    corpus_split,
    guideline_kinds,
    ids_digest,
)
from cleannews.evaluate import HELD_OUT_LISTS, held_out_site, page_batch, read_corpus

SPLIT = corpus_split()
KINDS = guideline_kinds()


@dataclass(frozen=True)
class Fresh:
    """One round's fresh batches and what their gathering recorded."""

    half: str  #: the ``score_batches --half`` name, e.g. ``"r27"``
    pages: dict[str, int]  #: pages per batch, as kept
    sites: int  #: distinct sites of the kept pages
    max_per_site: int
    french: int  #: French pages
    min_dropped: int  #: held-out-side candidates recorded unlabelled, at least
    content_lines: int
    boilerplate_lines: int
    #: sites labelled, on the TRAIN side, then dropped, with the start of the reason given
    dropped_later: dict[str, str] = field(default_factory=dict)
    #: False until the lead has scored the batch (a transfer check: nobody cleans its pages
    #: before, ``_helpers.UNSCORED_BATCHES``)
    scored: bool = True

    @property
    def batches(self) -> tuple[str, ...]:
        return tuple(self.pages)

    def __str__(self) -> str:
        return self.half


ROUNDS = (
    Fresh(
        "r27",
        {"fr-r27": 26, "de-r27": 10, "es-r27": 6, "it-r27": 7, "en-r27": 8},
        sites=54, max_per_site=2, french=26, min_dropped=60,
        content_lines=388, boilerplate_lines=198,
    ),
    Fresh(
        "r28",
        {"fr-r28": 30, "de-r28": 5, "es-r28": 6, "it-r28": 7, "en-r28": 7},
        sites=55, max_per_site=1, french=30, min_dropped=25,
        content_lines=336, boilerplate_lines=130,
        # among the pages of the recur30 table (tools/strip_model/recur/recur_pages.jsonl),
        # which tests/test_recur30.py keeps off labelled sites
        dropped_later={
            "gemeinde-waldburg.de": "site among the pages of the recur30 table",
            "lanouvelletribune.info": "site among the pages of the recur30 table",
        },
    ),
    Fresh(
        "r29",
        {"fr-r29": 31, "de-r29": 7, "es-r29": 7, "it-r29": 6, "en-r29": 6},
        sites=57, max_per_site=1, french=31, min_dropped=58,
        content_lines=452, boilerplate_lines=144,
    ),
    Fresh(
        "r30",
        {"fr-r30": 26, "de-r30": 6, "es-r30": 6, "it-r30": 6, "en-r30": 7},
        sites=51, max_per_site=1, french=26, min_dropped=79,
        content_lines=476, boilerplate_lines=115,
        # a paragraph shares a 6-word shingle with the shipped spin context table, which
        # tests/test_spin_context_clean.py keeps off every strip_real page (as in round 9)
        dropped_later={
            site: "shares a 6-word shingle with the spin context table"
            for site in ("vedia.be", "sfmu.org", "lebrol.com", "occitanie-paisnostre.fr")
        },
    ),
    Fresh(
        "r31",
        {"fr-r31": 24, "de-r31": 4, "es-r31": 6, "it-r31": 5, "en-r31": 5},
        sites=44, max_per_site=1, french=24, min_dropped=39,
        content_lines=394, boilerplate_lines=67,
    ),
    Fresh(
        "r32",
        {"fr-r32": 30, "de-r32": 5, "es-r32": 5, "it-r32": 6, "en-r32": 6},
        sites=52, max_per_site=1, french=30, min_dropped=46,
        content_lines=399, boilerplate_lines=176,
    ),
    Fresh(
        "r33",
        {"fr-r33": 32, "de-r33": 4, "es-r33": 4, "it-r33": 4, "en-r33": 3},
        sites=47, max_per_site=1, french=32, min_dropped=33,
        content_lines=322, boilerplate_lines=99,
        # as in round 29: a paragraph shares a 6-word shingle with the spin context table
        dropped_later={
            site: "shares a 6-word shingle with the spin context table"
            for site in ("suptribune.org", "arcinfo.ch")
        },
    ),
    Fresh(
        "r34",
        {"fr-r34": 46},
        sites=46, max_per_site=1, french=46, min_dropped=25,
        content_lines=480, boilerplate_lines=111,
        # a paragraph shares a 6-word shingle with the spin context table (found before
        # labelling; the pages were never labelled)
        dropped_later={
            site: "shares a 6-word shingle with the spin context table"
            for site in ("lecharabiart.com", "vivrealibourne.com", "ledauphine.com")
        },
    ),
    Fresh(
        "r35",
        {"fr-r35": 20, "de-r35": 7, "es-r35": 8, "it-r35": 7, "en-r35": 8},
        sites=50, max_per_site=1, french=20, min_dropped=71,
        content_lines=522, boilerplate_lines=205,
        # found by the shingle check before labelling: its raw answer keeps the result
        dropped_later={"matininfos.net": "shares a 6-word shingle with the spin context table"},
    ),
    Fresh(
        "r36",
        {"fr-r36": 26, "de-r36": 6, "es-r36": 5, "it-r36": 6, "en-r36": 4},
        sites=47, max_per_site=1, french=26, min_dropped=32,
        content_lines=339, boilerplate_lines=118,
        # found by the shingle check before labelling: its raw answer keeps the result
        dropped_later={"sportkipik.be": "shares a 6-word shingle with the spin context table"},
    ),
    Fresh(
        "r37",
        {"fr-r37": 28, "de-r37": 4, "es-r37": 6, "it-r37": 4, "en-r37": 3},
        sites=45, max_per_site=1, french=28, min_dropped=33,
        content_lines=255, boilerplate_lines=64,
        # found by the shingle check before labelling: its raw answer keeps the result
        dropped_later={"radio1.pf": "shares a 6-word shingle with the spin context table"},
    ),
    Fresh(
        "r38",
        {"fr-r38": 27, "de-r38": 6, "es-r38": 5, "it-r38": 4, "en-r38": 4},
        sites=46, max_per_site=1, french=27, min_dropped=33,
        content_lines=316, boilerplate_lines=63,
        # found by the shingle check before labelling: their raw answers keep the results
        dropped_later={
            site: "shares a 6-word shingle with the spin context table"
            for site in ("doczz.net", "journal-diagonale.fr")
        },
    ),
    Fresh(
        "r39",
        {"fr-r39": 26, "de-r39": 7, "es-r39": 5, "it-r39": 5, "en-r39": 4},
        sites=47, max_per_site=1, french=26, min_dropped=30,
        content_lines=248, boilerplate_lines=60,
        # medioq.com found by the shingle check before labelling, letudiant.fr (a source of the
        # fresh spin fixture) after labelling: their raw answers keep the results
        dropped_later={
            "medioq.com": "a paragraph shares a 6-word shingle with the spin context",
            "letudiant.fr": "site is a source of the fresh spin fixture",
        },
    ),
    Fresh(
        "r40",
        {"fr-r40": 24, "de-r40": 4, "es-r40": 4, "it-r40": 5, "en-r40": 5},
        sites=42, max_per_site=1, french=24, min_dropped=46,
        content_lines=372, boilerplate_lines=78,
        # found by the shingle check before labelling: its raw answer keeps the result
        dropped_later={
            "agorasports.fr": "a paragraph shares a 6-word shingle with the spin context table",
        },
    ),
    Fresh(
        "r41",
        {"fr-r41": 25, "de-r41": 4, "es-r41": 5, "it-r41": 5, "en-r41": 4},
        sites=43, max_per_site=1, french=25, min_dropped=19,
        content_lines=248, boilerplate_lines=61,
        # the first found by the shingle check before labelling, the other two by
        # tests/test_recur30.py after labelling: their raw answers keep the results
        dropped_later={
            "observatoire-economique-vendee.fr":
                "a paragraph shares a 6-word shingle with the spin context table",
            "terre-net.fr": "a site of the recur30 table's page manifest",
            "ufcquechoisir.fr": "a site of the recur30 table's page manifest",
        },
    ),
    Fresh(
        "r42",
        {"fr-r42": 26, "de-r42": 4, "es-r42": 4, "it-r42": 4, "en-r42": 4},
        sites=42, max_per_site=1, french=26, min_dropped=44,
        content_lines=337, boilerplate_lines=47,
    ),
    Fresh(
        "r43",
        {"fr-r43": 25, "de-r43": 3, "es-r43": 4, "it-r43": 4, "en-r43": 4},
        sites=40, max_per_site=1, french=25, min_dropped=18,
        content_lines=257, boilerplate_lines=47,
    ),
    Fresh(
        "r44",
        {"fr-r44": 24, "de-r44": 3, "es-r44": 4, "it-r44": 4, "en-r44": 3},
        sites=38, max_per_site=1, french=24, min_dropped=39,
        content_lines=314, boilerplate_lines=43,
    ),
    Fresh(
        "r45",
        {"fr-r45": 24, "de-r45": 4, "es-r45": 5, "it-r45": 4, "en-r45": 4},
        sites=41, max_per_site=1, french=24, min_dropped=39,
        content_lines=307, boilerplate_lines=62,
        # found by the shingle check before labelling: their raw answers keep the results
        dropped_later={
            site: "a paragraph shares a 6-word shingle with the spin context table"
            for site in ("deep-blu.com", "sarege.com", "welcometothejungle.com", "hr-voice.com")
        },
    ),
    Fresh(
        "r46",
        {"fr-r46": 25, "de-r46": 4, "es-r46": 4, "it-r46": 4, "en-r46": 4},
        sites=41, max_per_site=1, french=25, min_dropped=24,
        content_lines=324, boilerplate_lines=56,
    ),
)
SCORED = [fresh for fresh in ROUNDS if fresh.scored]
BATCHES = [(fresh, batch) for fresh in ROUNDS for batch in fresh.batches]


def _site(url: str) -> str:
    sys.path.insert(0, str(ROOT))  # by package path: tools/spin has a ``common`` module too
    from tools.strip_corpus.common import site_of

    return site_of(url)


def _dropped(fresh: Fresh) -> list[dict]:
    return [
        json.loads(x)
        for batch in fresh.batches
        for x in (CORPUS / "dropped" / f"{batch}.jsonl").read_text("utf-8").splitlines()
        if x.strip()
    ]


@pytest.fixture(scope="module")
def all_records() -> list[dict]:
    return corpus_records()


@pytest.fixture(params=ROUNDS, ids=str)
def fresh(request) -> Fresh:
    return request.param


@pytest.fixture
def records(fresh, all_records) -> list[dict]:
    return [r for r in all_records if page_batch(r["id"]) in fresh.batches]


def test_the_batches_hold_the_gathered_pages(fresh, records):
    assert Counter(page_batch(r["id"]) for r in records) == fresh.pages
    assert len({r["site"] for r in records}) == fresh.sites
    assert max(Counter(r["site"] for r in records).values()) <= fresh.max_per_site
    assert sum(r["lang"] == "fr" for r in records) == fresh.french
    assert {r["page_type"] for r in records} == {"article", "listing"}


def test_every_page_is_labelled_reviewed_and_equal_to_its_raw_answer(fresh, records):
    raw: dict[str, str] = {}
    for batch in fresh.batches:
        for f in sorted((CORPUS / "raw" / batch).glob("*.json")):
            answer = json.loads(f.read_text("utf-8"))
            assert answer["corpus"] == "pages" and answer["query"], f.name
            for r in answer["results"]:
                assert isinstance(r["rank"], int) and 1 <= r["rank"] <= 12, f.name
                raw.setdefault(r["url"], r["excerpt"])
    later = {d["url"] for d in _dropped(fresh) if d["site"] in fresh.dropped_later}
    assert len(later) == len(fresh.dropped_later)
    # every saved result is a page, but those dropped after labelling
    assert set(raw) == {r["url"] for r in records} | later
    pages = {rec["id"]: (rec, doc, lab)  # an unscored batch too: read, never cleaned
             for rec, doc, lab in read_corpus(CORPUS, ("train",), unscored=True)}
    for r in records:
        rec, doc, labelled = pages[r["id"]]  # read by the TRAIN split
        assert rec["labeller"] and rec["reviewed"] and rec["source"] == "search:pages"
        assert rec["site"] == _site(rec["url"]), rec["id"]
        assert doc == raw[rec["url"]], rec["id"]  # byte for byte
        assert [lb.text for lb in labelled] == [x for x in doc.split("\n") if x], rec["id"]
        assert {lb.label for lb in labelled if not lb.content} <= KINDS, rec["id"]
        assert rec["notes"], rec["id"]  # every page says which rulings it uses


@pytest.mark.parametrize(("fresh", "batch"), BATCHES, ids=[b for _, b in BATCHES])
def test_check_py_strict_passes_on_the_batch(fresh, batch):
    run = subprocess.run(
        [sys.executable, "tools/strip_corpus/check.py", "--batch", batch, "--strict"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "0 problems" in run.stdout and f"'train': {fresh.pages[batch]}" in run.stdout


def test_sites_are_train_side_new_and_no_spin_source(fresh, records, all_records):
    ours = {r["site"] for r in records}
    assert not any(held_out_site(s) for s in ours)
    others = {r["site"] for r in all_records if page_batch(r["id"]) not in fresh.batches}
    assert not ours & others
    dropped_elsewhere = set()
    for f in (CORPUS / "dropped").glob("*.jsonl"):
        if f.stem not in fresh.batches:
            dropped_elsewhere |= {
                _site(json.loads(x)["url"]) for x in f.read_text("utf-8").splitlines() if x.strip()
            }
    assert not ours & dropped_elsewhere
    spin_sites = set()
    for name in ("negatives.jsonl.gz", "fresh/fresh.jsonl.gz", "drama_dev.jsonl"):
        path = ROOT / "fixtures" / "spin" / name
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:  # only the url field is read
            spin_sites |= {_site(json.loads(x).get("url") or "") for x in fh if x.strip()}
    spin_sites.discard("")
    assert not ours & spin_sites


def test_held_out_side_candidates_were_dropped_unlabelled(fresh, all_records):
    urls = {r["url"] for r in all_records}
    dropped = _dropped(fresh)
    for rec in dropped:
        if rec["site"] in fresh.dropped_later:  # labelled, TRAIN side, dropped afterwards
            assert rec["why"].startswith(fresh.dropped_later[rec["site"]]), rec
            assert not held_out_site(rec["site"]), rec
        else:
            assert rec["why"] == "held-out-side site" and held_out_site(rec["site"]), rec
        assert rec["url"] not in urls
    assert len(dropped) >= fresh.min_dropped


def test_the_frozen_lists_did_not_move(records):
    ours = {r["id"] for r in records}
    for name, sha in FROZEN_SHA256.items():
        ids = SPLIT[f"{name}_ids"]
        assert SPLIT[f"{name}_ids_sha256"] == sha == ids_digest(ids), name
        assert not ours & set(ids), name
        assert not {r["site"] for r in records} & set(SPLIT[f"{name}_sites"]), name
    for split in HELD_OUT_LISTS:
        assert not ours & {rec["id"] for rec, _, _ in read_corpus(CORPUS, (split,))}, split


def test_score_batches_reads_the_fresh_pages(fresh):
    sys.path.insert(0, str(ROOT))
    from tools.strip_corpus.score_batches import HALVES, line_counts

    assert HALVES[fresh.half] == fresh.batches
    assert not any(
        set(HALVES[other.half]) & set(fresh.batches) for other in ROUNDS if other is not fresh
    )
    counts = line_counts(fresh.batches)  # read, never cleaned
    assert counts["pages"] == sum(fresh.pages.values())
    assert counts["content_lines"] == fresh.content_lines
    assert counts["boilerplate_lines"] == fresh.boilerplate_lines
    # no test cleans a batch before the lead has scored it, and every unscored batch is here
    assert (set(fresh.batches) <= UNSCORED_BATCHES) == (not fresh.scored)
    assert UNSCORED_BATCHES <= {b for f in ROUNDS if not f.scored for b in f.batches}


@pytest.mark.parametrize("fresh", SCORED, ids=str)
def test_score_batches_scores_the_fresh_pages(fresh):
    sys.path.insert(0, str(ROOT))
    from tools.strip_corpus.score_batches import line_counts, score

    result = score(fresh.batches)
    assert result["pages"] == sum(fresh.pages.values())
    figures = result["figures"]
    # one figure per language the batch holds (fr-r34 is French only), and the total
    assert set(figures) == {"all"} | {batch.split("-")[0] for batch in fresh.batches}
    s = figures["all"]
    assert s["content_lines"] == fresh.content_lines
    # each glued span bracketed in a content line is one more furniture unit (round 33)
    glued = line_counts(fresh.batches)["glued_spans"]
    assert s["boilerplate_lines"] == fresh.boilerplate_lines + glued
    assert s["per_category_recall"].get("glued", {"total": 0})["total"] == glued
    assert 0 < s["removed_boilerplate"] < s["boilerplate_lines"]
