"""Weak labels from HTML pages with gold text (issue 10, branch strip-weak10):
``tools/strip_model/weak.py`` on a small synthetic page, and the sources' split guards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tools.strip_model import weak

ROOT = Path(__file__).resolve().parents[1]

PAGE = """<!DOCTYPE html><html><head><title>Le maire signe le décret - Le Journal</title>
<script>var x = "<p>not text</p>";</script></head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<header><a href="/abonnement">Abonnez-vous à notre lettre quotidienne</a></header>
<article>
<h1>Le maire signe le décret sur les terrasses</h1>
<p class="byline">Par Jeanne Martin, publié le 3 mars 2025 à 14h02</p>
<div class="share">Partager sur Facebook</div>
<p>Le maire de Lyon a signé mardi soir le décret qui encadre les terrasses des cafés
pendant l'été, après trois mois de concertation avec les commerçants du centre.</p>
<figure><figcaption>La place des Terreaux, un soir d'été, vue depuis la mairie.
</figcaption></figure>
<p>Les restaurateurs pourront installer leurs tables jusqu'à minuit, sauf dans les rues
piétonnes où la limite reste fixée à vingt-deux heures.</p>
<h2>Une concertation de trois mois</h2>
<p>Les associations de riverains avaient demandé des horaires plus courts, mais la mairie a
retenu un compromis jugé équilibré par la plupart des participants.</p>
</article>
<aside><h3>Lire aussi</h3><ul><li><a href="/a">Les bus gratuits le dimanche dès avril</a></li>
<li><a href="/b">Un nouveau parc ouvre dans le septième arrondissement</a></li></ul></aside>
<footer><p>Mentions légales</p><p>© Le Journal 2025</p></footer>
</body></html>"""

GOLD = "\n".join([
    "Le maire signe le décret sur les terrasses",
    "Le maire de Lyon a signé mardi soir le décret qui encadre les terrasses des cafés pendant "
    "l'été, après trois mois de concertation avec les commerçants du centre.",
    "Les restaurateurs pourront installer leurs tables jusqu'à minuit, sauf dans les rues "
    "piétonnes où la limite reste fixée à vingt-deux heures.",
    "Une concertation de trois mois",
    "Les associations de riverains avaient demandé des horaires plus courts, mais la mairie a "
    "retenu un compromis jugé équilibré par la plupart des participants.",
])


def _labelled():
    lines = weak.render(PAGE)
    labels, coverage = weak.label_lines(lines, GOLD)
    return lines, labels, coverage


def test_render_is_one_line_per_block_without_script_or_head():
    lines = weak.render(PAGE)
    assert lines[:3] == ["Accueil", "Politique", "Sport"]
    assert not any("not text" in x or "DOCTYPE" in x or "- Le Journal" in x for x in lines)
    assert "Le maire signe le décret sur les terrasses" in lines
    assert len(lines) == 17


def test_labels_of_the_synthetic_page():
    lines, labels, coverage = _labelled()
    got = dict(zip(lines, labels, strict=True))
    assert coverage == 1.0
    assert weak.page_ok(labels, coverage)
    for furniture in ("Accueil", "Politique", "Sport", "Partager sur Facebook", "Lire aussi",
                      "Les bus gratuits le dimanche dès avril", "Mentions légales",
                      "Abonnez-vous à notre lettre quotidienne"):
        assert got[furniture] == weak.WEAK_LABEL, furniture
    for content in ("Le maire signe le décret sur les terrasses",
                    "Une concertation de trois mois"):
        assert got[content] == "C", content
    assert sum(lab == "C" for lab in labels) == 5  # headline, three paragraphs, subheading
    # the byline and the copyright line (a year) may be content under the guideline: unknown;
    # a short caption is furniture (as in the corpus guideline)
    assert got["Par Jeanne Martin, publié le 3 mars 2025 à 14h02"] is None
    assert got["© Le Journal 2025"] is None
    assert got["La place des Terreaux, un soir d'été, vue depuis la mairie."] == weak.WEAK_LABEL


def test_prose_inside_the_article_missing_from_the_gold_text_is_unknown():
    lines, labels, _ = _labelled()
    i = lines.index("Une concertation de trois mois")
    standfirst = "Un chapeau que la version du texte de référence a oublié de reprendre ici."
    lines = [*lines[:i], standfirst, *lines[i:]]
    labels, _ = weak.label_lines(lines, GOLD)
    assert labels[i] is None and labels[i + 1] == "C"


def test_a_page_whose_gold_text_is_not_on_it_is_dropped():
    lines = weak.render(PAGE)
    other = "Un tout autre article sur la météo de la semaine en Bretagne et ses tempêtes."
    labels, coverage = weak.label_lines(lines, other)
    assert coverage == 0.0 and not weak.page_ok(labels, coverage)


def test_later_copy_of_a_content_line_is_unknown():
    labels, _ = weak.label_lines(["Le titre", "Un paragraphe du corps de l'article.", "Le titre"],
                                 "Le titre\nUn paragraphe du corps de l'article.")
    assert labels == ["C", "C", None]


def test_snippet_labels():
    lines = ["Impressum", "31. Mai", "Die GEMA dreht völlig am Zeiger!", "Sonstiges"]
    labs = weak.label_snippets(lines, ["Die GEMA dreht völlig am Zeiger!"],
                               ["31. Mai", "Impressum"])
    assert labs == [weak.WEAK_LABEL, None, "C", None]  # a date is never weak furniture


def test_training_pages_from_the_synthetic_page_align_with_the_strip_lines():
    from tools.strip_model.train import _page_dict, _unknown_headline_and_protected

    lines, labels, _ = _labelled()
    page = {"id": "weak:synthetic", "site": "weak:example.fr", "lang": "fr", "lines": lines,
            "labels": labels, "kept": True}
    [(rec, doc, labelled)] = weak.as_sources([page])
    pg = _page_dict(rec, doc, labelled)
    _unknown_headline_and_protected(pg)
    assert pg["extra"]
    texts = {ln.text: lab for ln, lab in zip(pg["lines"], pg["labels"], strict=True) if ln.text}
    assert texts["Partager sur Facebook"].label == weak.WEAK_LABEL
    assert texts["Une concertation de trois mois"].content
    assert texts["Par Jeanne Martin, publié le 3 mars 2025 à 14h02"] is None


def test_urls_and_held_out_side():
    assert weak.page_url('<meta property="og:url" content="https://www.x.fr/a">', {}) == (
        "https://www.x.fr/a")
    assert weak.page_url("<p>no url</p>", {"site": "aclu"}) is None
    assert not weak.strip_train_side(None)
    from tools.strip_corpus.common import is_test_site

    for host in ("lemonde.fr", "bbc.co.uk", "zeit.de", "example.org", "spiegel.de"):
        assert weak.strip_train_side(f"https://www.{host}/x") is (not is_test_site(host))


@pytest.mark.skipif(not (weak.GOLD_CACHE / "manifest.jsonl").is_file(),
                    reason="the gold-text benchmark cache is not on this machine")
def test_only_the_dev_part_of_the_gold_benchmark_is_read():
    split = json.loads((ROOT / "benchmarks" / "html_gold_split.json").read_text("utf-8"))
    rows = weak.gold_dev_rows()
    assert rows and {r["id"] for r in rows} <= set(split["dev"])
    assert not {r["id"] for r in rows} & set(split.get("test", []))


def test_manifest_lists_no_held_out_page():
    data = json.loads(weak.MANIFEST.read_text("utf-8"))
    split = json.loads((ROOT / "benchmarks" / "html_gold_split.json").read_text("utf-8"))
    test_ids = {"weak:" + x for x in split.get("test", [])}
    assert data["pages"] and not {p["id"] for p in data["pages"]} & test_ids
    assert all("lines" not in p for p in data["pages"])  # ids and hashes only
