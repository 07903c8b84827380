"""Build ``fixtures/spin/fresh/fresh.jsonl.gz``: a FRESH, independent evaluation set of
human French (issue 11), never used to train or tune the spin detector.

    SPIN_MIRROR=/path/to/mirror .venv/bin/python tools/spin/build_fresh.py

Sources (none used elsewhere in the repository; see ``fixtures/spin/fresh/README.md``):

* French web pages saved as HTML by students of the Paris M1 TAL "projet encadré"
  course (``aspirations/fr-*.html`` of the public repositories in ``PAGE_REPOS``); the
  main text is extracted with trafilatura (a build tool here, not a dependency) and the
  genre comes from the reviewed host table ``tools/spin/data/fresh_hosts.tsv``;
* the Assemblée nationale's verbatim reports (compte rendu intégral) of the January-
  February 2013 debate on same-sex marriage, as saved in ``nlegrand/mariagepourtousInXML``.

Repositories are read as bare git snapshots ``$SPIN_MIRROR/<owner>+<name>/repo`` at the
commits pinned below (any clone works). Nothing is read at run time by the package.
Excerpts are runs of consecutive prose paragraphs of 120-300 words; documents whose text
shares a 10-word shingle with ``fixtures/spin/negatives.jsonl.gz`` or with an earlier fresh
document are dropped. The spin detector is NOT used to select anything.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import itertools
import json
import os
import random
import re
import subprocess
import sys
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_negatives import SENT_SPLIT, french_enough, inject_typos, prose_ok, words

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "fixtures/spin/fresh/fresh.jsonl.gz"
HOSTS = REPO / "tools/spin/data/fresh_hosts.tsv"
NEGATIVES = REPO / "fixtures/spin/negatives.jsonl.gz"
MIRROR = Path(os.environ.get("SPIN_MIRROR", Path.home() / ".cache/cleannews/mirror"))
TAKEN = "2026-12-01"  # date the text was taken from the snapshots

#: (repository, pinned commit) of the student projects whose French pages are used.
PAGE_REPOS = [
    ("AnneSophie148/PROJET-PPE", "c64f2465221d7b07f9c6ee859b608886f4f36b34"),
    ("Chenzhi23/PPE1-Groupe", "d2bfb7094ee7cb4f66e40fae64a98995c4711c45"),
    ("Elesionore/projet_sante_ppe", "bc61937ef5ab0876615f0f1a61d42bf9291b1ae2"),
    ("Guizmoue/Projet-AI-textometrie", "8806321f3d73fa286780cd6051b8de0e631af5e3"),
    ("Keming956/Groupe-projet-PPE", "f75fa2d560036573d4e4c3974ea7bf68a3bdc674"),
    ("MarcExposto/Projet-PPE1-2025", "cbdd7c401cb2976bb028e8461c0dda976e334863"),
    ("NgauvNicolas/PPE1-2023_Groupe-Projet", "3f83155d6111effa8aecac61b89cd2e290330921"),
    ("NiLuJe/PPE1-2024-Groupe", "a8a43e4e07bd493dd7f8901e2783fec5a01d3ff5"),
    ("Paz2311/Bonheur", "099fe01bf47c0b8859ecfc8b3a775e53660e03f8"),
    ("PetX33/Desinformation-Projet", "d3a0b2397f0fd0b9ee141ce952a74c7bf332bfa8"),
    ("Potitcroissant/Projet-PPE", "bc2826efb9f62df5616b43b98b3da904e8c9539e"),
    ("SamyEZE/TeamOrgueil", "ab1f634001d0f80816d962538a951e862ba761b0"),
    ("ShenYT0/PPE1-2023-GROUPE", "6a680818a075b1d1b9adaf74ee45270bedc98cc8"),
    ("catalinaalvarez-ortega-cmd/PPE1_groupe_2025", "c2ef23480bbf4c1fd4ead0eb0ba15bf45cbb2321"),
    ("cbuontal/M1TAL_immigration", "a8f33e5e94a4f172dfc3a2b298dea068b8d9709e"),
    ("makkinne/projet-ppe", "5756a6722d273a5b4e7780610144b0b8f1930cde"),
    ("tanninaham/PPE1", "80d5103a63a2fbbdfd61e379425c09d50662d1ab"),
    ("valentinefleith/PPE1-Groupe", "b5697692c26d11ee056ccafc9d2d6d48f83fbe37"),
    ("yinbozhao-spec/Projet_Final", "f9b495cb211b6f58dc27ada764c5d96e2eee00d2"),
    ("youjiajuliezeng/Projet-PPE-2025", "4aacb37bb35fc4aab41120105c80a222250237fc"),
]
AN_REPO = ("nlegrand/mariagepourtousInXML", "de11b6b3898cfebf6e6ed0b518cef8176d509349")
AN_URL = "http://www.assemblee-nationale.fr/14/cri/2012-2013/{}.asp"

MIN_WORDS = 120
MAX_WORDS = 300
#: At most this many excerpts per page, and per site (host) per genre.
PER_PAGE = {"news": 2, "medical": 3, "questions": 5, "encyclopedic": 2, "administrative": 3,
            "spoken": 4}
PER_SITE = {"news": 5, "medical": 6, "questions": 12, "encyclopedic": 6, "administrative": 6,
            "spoken": 8}
#: Sites allowed more than PER_SITE (one large reference site per genre).
SITE_CAP_OVERRIDE = {"fr.wikipedia.org": 70, "assemblee-nationale.fr": 85}
TYPOS_DOCS = 150
SHINGLE = 10
#: A document sharing more than this share of its shingles with earlier ones is a duplicate.
DUP_SHARE = 0.2

LICENCE_PAGE = ("stored public web page, all rights reserved by its publisher; short excerpt kept "
                "for evaluation (page saved as HTML in the public repository named in `source`)")
LICENCE_AN = ("Assemblée nationale verbatim report (compte rendu intégral); official parliamentary "
              "debates, free reuse with attribution (as saved in nlegrand/mariagepourtousInXML)")

#: Paragraphs that are page furniture, not running text (checked on every paragraph).
BOILERPLATE = re.compile(
    r"cookie|abonn|newsletter|inscri(vez|ption)|connect(ez|ion)|lire aussi|lire la suite|à lire|"
    r"partager|publicit|tous droits|©|cliquez|commentaire|s'identifier|mot de passe|télécharg|"
    r"suivez-nous|rejoignez|mis à jour le|publié le|crédit photo|photo :|réagir|signaler|"
    r"accepter|paramétr|navigateur|javascript|temps de lecture|ne rien rater|ne manquez|"
    r"photo d'illustration|\(photo|crédits? photo|politique de confidentialit|mentions légales|"
    r"en savoir plus|voir aussi|"
    r"^\s*(par|source|sources?|avec afp|afp)\b|\bmembre depuis\b|\bmessages?\s*:\s*\d|"
    r"^\s*(répondre|citer|posté|poster)\b|\bil y a \d+ (ans?|mois|jours?|heures?)\b",
    re.I,
)
#: Saved French pages: aspirations/fr-1.html, aspirations/francais/fr-1.html, ...
FRENCH_PAGE = re.compile(r"(^|/)(fr|francais|fran)[^/]*\.html?$|/fr[^/]*/[^/]+\.html?$", re.I)
SENT_END = re.compile(r"[.!?…»\")]\s*$")
WORD = re.compile(r"\w+", re.U)


# --------------------------------------------------------------------------- helpers


def git(repo: str, *args: str) -> bytes:
    d = MIRROR / repo.replace("/", "+") / "repo"
    return subprocess.run(["git", "-C", str(d), *args], capture_output=True, check=False).stdout


def host_of(url: str) -> str:
    """Host without ``www.``.

    >>> host_of("https://www.lemonde.fr/a/b.html")
    'lemonde.fr'
    """
    return (urllib.parse.urlsplit(url).hostname or "").lower().removeprefix("www.")


def paragraph_ok(par: str, min_words: int = 6) -> bool:
    """A paragraph of running text, not page furniture (a dialogue turn may be short).

    >>> paragraph_ok("Le conseil a voté mardi la rénovation de l'école, attendue depuis dix ans.")
    True
    >>> paragraph_ok("Lire aussi : les dix choses à savoir")
    False
    """
    return (words(par) >= min_words and prose_ok(par) and not BOILERPLATE.search(par)
            and sum(c.isupper() for c in par) <= 0.3 * sum(c.isalpha() for c in par))


def excerpts(paragraphs: list[str], limit: int, min_par_words: int = 6) -> list[str]:
    """Up to ``limit`` runs of consecutive good paragraphs of MIN..MAX words.

    A paragraph that is not running text ends a run; an overlong paragraph is cut between
    sentences; a run must end on a sentence end. Runs are spread over the page.
    """
    pieces: list[tuple[int, str]] = []
    for i, p in enumerate(paragraphs):
        p = " ".join(p.split())
        if not paragraph_ok(p, min_par_words):
            pieces.append((i, ""))  # a break
            continue
        if words(p) > MAX_WORDS:
            pieces.extend((i, s) for s in SENT_SPLIT.split(p) if s.strip())
        else:
            pieces.append((i, p))
    runs: list[str] = []
    cur: list[tuple[int, str]] = []
    n = 0

    def flush() -> None:
        while cur and not SENT_END.search(cur[-1][1]):
            cur.pop()
        if sum(words(t) for _, t in cur) >= MIN_WORDS:
            text = cur[0][1]
            for (pi, _), (i, t) in itertools.pairwise(cur):
                text += (" " if i == pi else "\n") + t
            runs.append(text)

    for i, p in pieces:
        w = words(p)
        if not p or w > MAX_WORDS:
            flush()
            cur, n = [], 0
            continue
        if n + w > MAX_WORDS:
            flush()
            cur, n = [], 0
        cur.append((i, p))
        n += w
    flush()
    runs = [r for r in runs if french_enough(r)]
    if len(runs) <= limit:
        return runs
    step = len(runs) / limit
    return [runs[int(k * step)] for k in range(limit)]


def shingles(text: str) -> set[int]:
    toks = [t.lower() for t in WORD.findall(text)]
    return {hash(" ".join(toks[i:i + SHINGLE])) for i in range(max(0, len(toks) - SHINGLE + 1))}


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- sources


def read_hosts() -> dict[str, str]:
    out = {}
    for line in HOSTS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        host, genre = line.split("\t")[:2]
        out[host] = genre
    return out


def page_units(hosts: dict[str, str]) -> list[dict]:
    """One unit per saved French page: repo, path, url, host, paragraphs.

    Forum and Q&A pages (genre ``questions``) keep their posts (trafilatura's comments).
    """
    import py3langid
    import trafilatura

    cache = os.environ.get("FRESH_CACHE")
    if cache and Path(cache).exists():
        return json.loads(Path(cache).read_text(encoding="utf-8"))

    units = []
    for repo, commit in PAGE_REPOS:
        listing = git(repo, "ls-tree", "-r", "--name-only", "-z", commit)
        files = listing.decode("utf-8", "replace").split("\0")
        for f in sorted(files):
            if not (re.search(r"aspiration", f, re.I) and FRENCH_PAGE.search(f)):
                continue
            raw = git(repo, "show", f"{commit}:{f}")
            if len(raw) < 500:
                continue
            try:
                s = raw.decode("utf-8")
            except UnicodeDecodeError:
                s = raw.decode("cp1252", "replace")
            m = (re.search(r"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)", s)
                 or re.search(r"property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)", s))
            forum = m is not None and hosts.get(host_of(m.group(1))) == "questions"
            try:
                doc = trafilatura.bare_extraction(s, with_metadata=True, include_comments=forum,
                                                  include_tables=False, favor_precision=True)
            except Exception:  # a page trafilatura cannot read is skipped
                continue
            if doc is None:
                continue
            d = doc.as_dict() if hasattr(doc, "as_dict") else doc
            url = d.get("url") or ""
            if not url.startswith("http") and m:
                url = m.group(1)
            text = d.get("text") or ""
            if forum and d.get("comments"):
                text += "\n" + d["comments"]
            if not url.startswith("http") or not text or py3langid.classify(text)[0] != "fr":
                continue
            saved = git(repo, "log", "-1", "--format=%cs", commit, "--", f).decode().strip()
            units.append({"repo": repo, "commit": commit, "path": f, "url": url,
                          "host": host_of(url), "saved": saved, "paragraphs": text.split("\n")})
    if cache:
        Path(cache).write_text(json.dumps(units, ensure_ascii=False), encoding="utf-8")
    return units


def an_units() -> list[dict]:
    """One unit per sitting of the Assemblée nationale report: paragraphs = speaker turns."""
    repo, commit = AN_REPO
    units = []
    files = git(repo, "ls-tree", "-r", "--name-only", commit, "files/html/").decode().split()
    for f in sorted(files):
        s = git(repo, "show", f"{commit}:{f}").decode("cp1252", "replace")
        body = re.split(r"(?i)<body", s, maxsplit=1)[-1]
        paras = []
        for p in re.findall(r"(?is)<p[^>]*>(.*?)</p>", body):
            t = html.unescape(re.sub(r"(?s)<[^>]+>", "", p)).replace("\xa0", " ")
            t = " ".join(t.split())
            if t:
                paras.append(t)
        sid = Path(f).stem
        units.append({"repo": repo, "commit": commit, "path": f, "url": AN_URL.format(sid),
                      "host": "assemblee-nationale.fr", "saved": "2013", "paragraphs": paras})
    return units


# --------------------------------------------------------------------------- main


def main() -> int:
    import py3langid

    hosts = read_hosts()
    neg_sh: set[int] = set()
    with gzip.open(NEGATIVES, "rt", encoding="utf-8") as fh:
        for line in fh:
            neg_sh |= shingles(json.loads(line)["text"])
    cands: list[tuple[str, dict, str]] = []
    for u in page_units(hosts):
        g = hosts.get(u["host"], "other")
        if g in PER_PAGE:
            short = 2 if g == "spoken" else 6  # dialogue turns ("Patrick : Avec plaisir !")
            cands.extend((g, u, t) for t in excerpts(u["paragraphs"], PER_PAGE[g], short))
    for u in an_units():
        cands.extend(("spoken", u, t) for t in excerpts(u["paragraphs"], PER_PAGE["spoken"], 2))
    # deterministic order: by genre, then a hash of the text (no choice by score)
    cands.sort(key=lambda c: (c[0], sha(c[2])))
    seen: set[int] = set()
    per_site: Counter = Counter()
    recs: list[dict] = []
    dropped: Counter = Counter()
    for g, u, t in cands:
        cap = SITE_CAP_OVERRIDE.get(u["host"], PER_SITE[g])
        if per_site[(g, u["host"])] >= cap:
            dropped["site cap"] += 1
            continue
        sh = shingles(t)
        if sh & neg_sh:
            dropped["shares text with negatives"] += 1
            continue
        if len(sh & seen) > DUP_SHARE * len(sh):
            dropped["duplicate"] += 1
            continue
        if py3langid.classify(t)[0] != "fr":
            dropped["not French"] += 1
            continue
        seen |= sh
        per_site[(g, u["host"])] += 1
        an = u["repo"] == AN_REPO[0]
        recs.append({"genre": g, "site": u["host"], "url": u["url"],
                     "source": f"github:{u['repo']}@{u['commit'][:12]}:{u['path']}",
                     "licence": LICENCE_AN if an else LICENCE_PAGE,
                     "saved": u["saved"], "fetched": TAKEN, "text": t})
    counters: Counter = Counter()
    for r in sorted(recs, key=lambda r: (r["genre"], r["site"], sha(r["text"]))):
        counters[r["genre"]] += 1
        r["id"] = f"fresh-{r['genre']}-{counters[r['genre']]:04d}"
    recs.sort(key=lambda r: r["id"])
    # typos: copies of TYPOS_DOCS documents, round-robin over genres
    rng = random.Random(11)
    by_genre: dict[str, list[dict]] = defaultdict(list)
    for r in recs:
        by_genre[r["genre"]].append(r)
    for g in by_genre:
        rng.shuffle(by_genre[g])
    picked: list[dict] = []
    genres = sorted(by_genre)
    i = 0
    while len(picked) < TYPOS_DOCS and any(by_genre.values()):
        g = genres[i % len(genres)]
        if by_genre[g]:
            picked.append(by_genre[g].pop())
        i += 1
    typos = []
    for r in sorted(picked, key=lambda r: r["id"]):
        new, edits = inject_typos(r["text"], rng, max(2, round(words(r["text"]) / 60)))
        if not edits:
            continue
        t = dict(r, id="typos-" + r["id"].removeprefix("fresh-"), genre="typos",
                 base_genre=r["genre"], base_id=r["id"], text=new, edits=edits)
        typos.append(t)
    out = []
    for r in recs + typos:
        r["n_words"] = words(r["text"])
        r["sha256"] = sha(r["text"])
        keys = ["id", "genre", "site", "url", "source", "licence", "saved", "fetched", "sha256",
                "n_words", "text"]
        extra = [k for k in ("base_genre", "base_id", "edits") if k in r]
        out.append({k: r[k] for k in keys + extra})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0) as gz:
        for r in out:
            gz.write((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8"))
    sites = defaultdict(set)
    for r in out:
        sites[r["genre"]].add(r["site"])
    for g in sorted(sites):
        print(f"{g:15s} {sum(r['genre'] == g for r in out):5d} docs {len(sites[g]):4d} sites")
    print("dropped:", dict(dropped))
    print(f"{len(out)} records -> {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
