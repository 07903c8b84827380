"""Build ``fixtures/spin/negatives.jsonl.gz``: human French of many genres, never spun.

Usage (raw material first, see ``tools/spin/fetch_raw.sh``)::

    .venv/bin/python tools/spin/build_negatives.py

Each record: ``id, genre, source, url, licence, split, text, n_words`` (+ for
``genre == "typos"``: ``base_genre`` and ``edits``, the injected typos with their
offsets in ``text``).

* Documents are runs of consecutive paragraphs of one unit (law section, FAQ
  entry, chapter…) of 120–300 words (90–300 for stored web excerpts); at most
  ``PER_UNIT`` non-adjacent runs per unit, so documents never overlap, and at
  most a cap per source (sampled with a seed derived from the source name).
* The split is by SOURCE and fixed before any tuning: a source is ``test`` when
  the first 8 hex digits of ``sha256("cleannews-spin-negatives|" + source)``, read
  as an integer, are below 2**32 / 3; otherwise ``dev``. The rule looks at the
  source name only, so adding sources later never moves an existing one (each
  genre has at least one source on each side).
* ``typos`` documents are other documents (not otherwise used) of the same
  split's sources with realistic human typos injected (dropped accent,
  doubled/missing letter, agreement slip, missing elision).

    >>> words("L'eau, c'est la vie.")
    4
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import math
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from negatives_sources import Unit, all_units, v7_units

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "fixtures/spin/negatives.jsonl.gz"
DOC = REPO / "fixtures/spin/NEGATIVES.md"
TEST_IDS_SHA = REPO / "fixtures/spin/negatives_test_ids.sha256"
#: Per-source caps, frozen once computed, so that adding sources never changes the
#: documents drawn from the sources already there.
CAPS_FILE = REPO / "fixtures/spin/negatives_caps.json"
#: Sources the typo documents are drawn from, frozen once written.
TYPO_SOURCES_FILE = REPO / "fixtures/spin/negatives_typo_sources.json"

MIN_WORDS = 120
#: Stored web-page excerpts are often cut short; they may be a little shorter.
MIN_WORDS_WEB = 90
MAX_WORDS = 300
#: Documents wanted per genre and split; a source gives at most
#: ceil(TARGET / number of the genre's sources in that split).
TARGET = {"dev": 170, "test": 110}
#: At most this many documents from one unit, never two adjacent runs.
PER_UNIT = 3
TYPOS_DOCS = {"dev": 160, "test": 100}
#: v7 (spin-neg6) sources are capped among themselves: ceil(target / n), n = the genre's v7
#: sources on that side; literary gets a larger target (its dev split was too thin to set
#: a per-genre 0.5 % ceiling on).
TARGET_V7 = {"literary": {"dev": 400, "test": 260}}
SPLIT_SALT = "cleannews-spin-negatives|"
TEST_FRACTION = 1 / 3

FUNCTION_WORDS = frozenset(
    "le la les de des du un une et est à en que qui dans pour par sur il elle ne pas au aux "
    "ce cette ces son sa ses se qu on nous vous ils elles plus ou mais sont être a été".split()
)
WORD_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿœŒæÆ]+(?:[-'’][A-Za-zÀ-ÖØ-öø-ÿœŒæÆ]+)*")
SENT_SPLIT = re.compile(r"(?<=[.!?…»])\s+(?=[A-ZÀ-ÖØ-Þ«—–-])")


def words(text: str) -> int:
    """Number of whitespace-separated words.

    >>> words("un  deux trois")
    3
    """
    return len(text.split())


def prose_ok(par: str) -> bool:
    """A paragraph of prose: mostly letters, not a command line or a table row.

    >>> prose_ok("Le présent code régit les relations entre le public et l'administration.")
    True
    >>> prose_ok("$ apt-get install foo=1.2 --no-install-recommends /etc/apt/sources.list")
    False
    """
    if len(par) < 15:
        return False
    letters = sum(c.isalpha() for c in par)
    if letters / len(par) < 0.72:
        return False
    return sum(par.count(c) for c in "/_=$<>{}[]|#") <= max(2, len(par) // 120)


def french_enough(text: str) -> bool:
    """Function words of French make up a fair share of the tokens.

    >>> french_enough("Le chat est sur la table et il dort dans le salon de la maison.")
    True
    >>> french_enough("The cat is on the table and it sleeps in the living room.")
    False
    """
    toks = [t.lower() for t in WORD_RE.findall(text)]
    return bool(toks) and sum(t in FUNCTION_WORDS for t in toks) / len(toks) >= 0.2


def chunks_of(unit: Unit) -> list[str]:
    """Runs of consecutive paragraphs of ``unit`` of MIN_WORDS..MAX_WORDS words.

    An overlong paragraph is cut between sentences; the pieces of one paragraph
    are joined by a space, paragraphs by a newline.
    """
    pieces: list[tuple[int, str]] = []
    for i, p in enumerate(unit.paragraphs):
        if words(p) < 4 and i > 0:
            continue
        if not prose_ok(p) and not (i == 0 and unit.genre == "questions"):
            continue
        if words(p) > MAX_WORDS:
            pieces.extend((i, s) for s in SENT_SPLIT.split(p) if s.strip())
        else:
            pieces.append((i, p))
    out: list[str] = []
    cur: list[tuple[int, str]] = []
    n = 0
    min_words = MIN_WORDS_WEB if unit.source.startswith("web:") else MIN_WORDS

    def flush() -> None:
        if n >= min_words:
            text = cur[0][1]
            for (pi, _), (i, t) in itertools.pairwise(cur):
                text += (" " if i == pi else "\n") + t
            out.append(text)

    for i, p in pieces:
        w = words(p)
        if w > MAX_WORDS:  # one overlong sentence: flush and skip it
            flush()
            cur, n = [], 0
            continue
        if n + w > MAX_WORDS:
            flush()
            cur, n = [], 0
            if unit.genre == "questions":  # a Q&A document must start with its question
                break
        cur.append((i, p))
        n += w
    flush()
    return [c for c in out if french_enough(c)]


#: The sampled shingles of the lines counted in the shipped clean context table
#: (``build_context_clean.FINGERPRINT``): a document sharing one of them is dropped, so the
#: table never counts a negative's text (``tests/test_spin_context_clean.py``); the source's
#: next document is taken instead. At v7 (spin-neg6) 34 v7 documents shared one (stage and
#: news phrases such as "je ne comprends rien, Monsieur"), 24 were replaced; no earlier
#: document shares one. The fingerprint changes when the table is rebuilt, so a full rebuild
#: reproduces v7 only with the fingerprint of spin-neg6's time.
COUNT_FINGERPRINT = REPO / "tools/spin/data/context_clean_fingerprint.u64.gz"


def counted_fingerprint() -> set[int]:
    """The sampled shingle hashes of the clean context table's counted lines (empty if absent)."""
    from array import array

    if not COUNT_FINGERPRINT.exists():
        return set()
    fp = array("Q")
    fp.frombytes(gzip.decompress(COUNT_FINGERPRINT.read_bytes()))
    if sys.byteorder != "little":
        fp.byteswap()
    return set(fp)


def in_counts(text: str, fingerprint: set[int]) -> bool:
    """Whether a paragraph of ``text`` shares a sampled 6-word shingle with the counted lines."""
    if not fingerprint:
        return False
    from build_context_clean import reserved_hits

    return bool(reserved_hits(fingerprint, [("", text)]))


#: The frozen held-out spinner file: it was built to share no 6-word shingle with the
#: model's training text, of which the dev negatives are part.
HELDOUT_SPINS = REPO / "fixtures/spin/heldout_apertium.jsonl.gz"
HISTORY_FILE = REPO / "fixtures/spin/negatives_history.json"


def paragraph_shingles(text: str) -> set[int]:
    """6-word shingle hashes of each paragraph of ``text`` (words only; the tokens of
    ``build_context_clean``, as the held-out builders check):
    ``build_context_clean.paragraph_shingles``, imported when first asked."""
    from build_context_clean import paragraph_shingles as shingles

    return shingles(text)


def reserved_for_dev(test_texts: list[str]) -> set[int]:
    """Shingles a v7 **dev** document must not have: those of every test document and of the
    frozen held-out spinner file (dev negatives train the model; the held-out file and
    the test split must share no text with them)."""
    out: set[int] = set()
    for t in test_texts:
        out |= paragraph_shingles(t)
    if HELDOUT_SPINS.exists():
        with gzip.open(HELDOUT_SPINS, "rt", encoding="utf-8") as f:
            for line in f:
                out |= paragraph_shingles(json.loads(line)["text"])
    return out


#: The held-out fresh set: it shares no 10-word shingle (lower-cased ``\w+`` tokens) with
#: any negative (``tests/test_spin_fresh_fixture.py``), so a v7 document that would is
#: skipped (found with "de ce qu il faut faire ou ne pas faire").
FRESH_FILES = sorted((REPO / "fixtures/spin/fresh").glob("*.jsonl.gz"))
FRESH_SHINGLE = 10
_WORD = re.compile(r"\w+")


def word_shingles(text: str, n: int = FRESH_SHINGLE) -> set[str]:
    """Lower-cased ``n``-word shingles of ``text`` (the fresh set's check).

    >>> sorted(word_shingles("Un deux trois", n=2))
    ['deux trois', 'un deux']
    """
    toks = [t.lower() for t in _WORD.findall(text)]
    return {" ".join(toks[i:i + n]) for i in range(max(0, len(toks) - n + 1))}


def fresh_shingles() -> set[str]:
    """The 10-word shingles of the held-out fresh set (empty if absent)."""
    out: set[str] = set()
    for path in FRESH_FILES:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                out |= word_shingles(json.loads(line)["text"])
    return out


def seed_of(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:16], 16)


def split_of_source(source: str) -> str:
    """The frozen split rule: a third of the sources, by salted SHA-256 of the name, are ``test``.

    >>> split_of_source("legi:code-civil")
    'test'
    >>> split_of_source("legi:code-du-travail")
    'dev'
    """
    h = int(hashlib.sha256((SPLIT_SALT + source).encode("utf-8")).hexdigest()[:8], 16)
    return "test" if h < 2**32 * TEST_FRACTION else "dev"


# --------------------------------------------------------------------------- typos

VOWEL_START = re.compile(r"^[aeiouyhàâéèêëîïôöûùœAEIOUYHÀÂÉÈÊËÎÏÔÖÛÙŒ]")
ACCENTS = str.maketrans("éèêëàâîïôöûùüç", "eeeeaaiioouuuc")
ELIDED = {"l'": ("le ", "la "), "d'": ("de ",), "qu'": ("que ",), "j'": ("je ",), "n'": ("ne ",),
          "s'": ("se ",), "c'": ("ce ",)}


def _typo_candidates(text: str, rng: random.Random) -> list[tuple[int, int, str, str]]:
    """Possible (start, end, replacement, kind) edits of ``text``, shuffled."""
    cands: list[tuple[int, int, str, str]] = []
    toks = list(WORD_RE.finditer(text))
    for i, m in enumerate(toks):
        w = m.group()
        s, e = m.span()
        nxt = toks[i + 1].group() if i + 1 < len(toks) else ""
        accented = [j for j, c in enumerate(w) if c in "éèêàâîôûùç"]
        if accented:
            j = rng.choice(accented)
            cands.append((s + j, s + j + 1, w[j].translate(ACCENTS), "dropped_accent"))
        if len(w) >= 6 and w.isalpha() and w.islower():
            j = rng.randrange(1, len(w) - 2)
            if w[j] == w[j + 1]:
                cands.append((s + j, s + j + 1, "", "missing_letter"))  # appeler -> apeler
            elif w[j] not in "aeiouyéèê" and w[j - 1] in "aeiouéèê":
                cands.append((s + j, s + j + 1, w[j] * 2, "doubled_letter"))
            else:
                cands.append((s + j, s + j + 1, "", "missing_letter"))
        low = w.lower()
        if low == "cette" and VOWEL_START.match(nxt):
            cands.append((s, e, w[:3], "agreement_slip"))  # cette élection -> cet élection
        if (low in ("les", "des", "ces", "mes", "nos", "vos", "leurs") and len(nxt) >= 4
                and nxt.endswith("s")):
            ne = toks[i + 1].end()
            cands.append((ne - 1, ne, "", "agreement_slip"))  # les maisons -> les maison
        for ap in ("'", "’"):
            for pre, fulls in ELIDED.items():
                p2 = pre.replace("'", ap)
                if low.startswith(p2) and len(w) > len(p2) + 2:
                    full = rng.choice(fulls)
                    if w[0].isupper():
                        full = full.capitalize()
                    cands.append((s, s + len(p2), full, "missing_elision"))
    rng.shuffle(cands)
    return cands


def inject_typos(text: str, rng: random.Random, n_edits: int) -> tuple[str, list[dict]]:
    """Apply up to ``n_edits`` non-overlapping typos; return the new text and the edits.

    >>> t, ed = inject_typos("Cette élection a été appelée par les électeurs.", random.Random(1), 3)
    >>> all(t[e["start"]:e["end"]] == e["after"] for e in ed)
    True
    """
    chosen: list[tuple[int, int, str, str]] = []
    kinds_used: dict[str, int] = defaultdict(int)
    for c in _typo_candidates(text, rng):
        if len(chosen) >= n_edits:
            break
        if any(not (c[1] + 3 <= o[0] or o[1] + 3 <= c[0]) for o in chosen):
            continue
        if kinds_used[c[3]] >= max(2, n_edits // 2):
            continue
        chosen.append(c)
        kinds_used[c[3]] += 1
    chosen.sort()
    out: list[str] = []
    edits: list[dict] = []
    pos = 0
    shift = 0
    for s, e, rep, kind in chosen:
        out.append(text[pos:s])
        out.append(rep)
        edits.append({"kind": kind, "start": s + shift, "end": s + shift + len(rep),
                      "before": text[s:e], "after": rep})
        shift += len(rep) - (e - s)
        pos = e
    out.append(text[pos:])
    return "".join(out), edits


# --------------------------------------------------------------------------- main


def read_records(path: Path = OUT) -> list[dict]:
    """The records of a built negatives file, in file order."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main(argv: list[str] | None = None) -> int:
    """Build the negatives. ``--append-v7``: read only the v7 sources (``v7_units``) and add
    their documents to the committed file, leaving every existing record as it is (the raw
    material of the earlier sources is not needed; a full rebuild gives the same file,
    because caps and typo sources are frozen)."""
    argv = sys.argv[1:] if argv is None else argv
    append = "--append-v7" in argv
    old = read_records() if append else []
    old_sources = {r["source"] for r in old}
    by_source: dict[str, list[tuple[Unit, list[str]]]] = defaultdict(list)
    genre_of: dict[str, str] = {}
    for unit in v7_units() if append else all_units():
        if unit.source in old_sources:  # already added (the sources of v7 came in two runs)
            continue
        if genre_of.setdefault(unit.source, unit.genre) != unit.genre:
            raise SystemExit(f"source {unit.source} has two genres")
        ch = chunks_of(unit)
        if ch:
            by_source[unit.source].append((unit, ch))
    genre_sources: dict[str, list[str]] = defaultdict(list)
    for s in sorted(by_source):
        genre_sources[genre_of[s]].append(s)
    split = {s: split_of_source(s) for s in by_source}
    for genre, sources in genre_sources.items():
        if {split[s] for s in sources} != {"dev", "test"}:
            print(f"warning: genre {genre} lacks a dev or a test source", file=sys.stderr)

    records: list[dict] = []
    spare: dict[str, list[tuple[str, Unit]]] = defaultdict(list)  # split -> unused documents
    caps: dict[str, int] = (
        json.loads(CAPS_FILE.read_text(encoding="utf-8")) if CAPS_FILE.exists() else {}
    )
    # typos come only from the sources frozen in TYPO_SOURCES_FILE (written once), so new
    # sources never change them
    if TYPO_SOURCES_FILE.exists():
        typo_sources = set(json.loads(TYPO_SOURCES_FILE.read_text(encoding="utf-8")))
    else:
        typo_sources = {s for s in by_source if not s.startswith("web:")}
        TYPO_SOURCES_FILE.write_text(json.dumps(sorted(typo_sources), indent=1) + "\n")
    fingerprint = counted_fingerprint()
    v7_sources = (set(json.loads(HISTORY_FILE.read_text(encoding="utf-8"))["v7_sources"])
                  if HISTORY_FILE.exists() else set())
    # the test side a v7 dev document may share no shingle with: the v6 test documents
    # (as frozen in the committed file), every unit of a v7 test source, the held-out
    # spinner file
    frozen = old if append else (read_records() if OUT.exists() else [])
    test_texts = [r["text"] for r in frozen
                  if r["split"] == "test" and r["source"] not in v7_sources]
    for _genre, sources in sorted(genre_sources.items()):
        for s in sources:
            if split[s] == "test" and (append or s in v7_sources):
                test_texts += [t for _u, ch in by_source[s] for t in ch]
    dev_reserved = reserved_for_dev(test_texts)
    fresh_reserved = fresh_shingles()
    for _genre, sources in sorted(genre_sources.items()):
        for s in sources:
            n_side = sum(split[x] == split[s] for x in sources)
            target = TARGET_V7.get(_genre, TARGET) if append else TARGET
            cap = caps.setdefault(s, math.ceil(target[split[s]] / n_side))
            rng = random.Random(seed_of(s))
            items = []
            for u, ch in by_source[s]:
                start = rng.randrange(2) if len(ch) > 1 else 0
                items.extend((u, t) for t in ch[start::2][:PER_UNIT])
            rng.shuffle(items)
            taken, rest = 0, []
            v7 = append or s in v7_sources
            guard = split[s] == "dev" and v7
            for u, text in items:
                if guard and paragraph_shingles(text) & dev_reserved:
                    continue  # a v7 dev document shares text with the test side
                if v7 and word_shingles(text) & fresh_reserved:
                    continue  # a v7 document shares text with the held-out fresh set
                if taken < cap and not in_counts(text, fingerprint):
                    records.append(make_record(u, text, split[s]))
                    taken += 1
                else:
                    rest.append((u, text))
            if not s.startswith("web:") and s in typo_sources:
                spare[split[s]].extend((t, u) for u, t in rest)
    # typos: clean documents not used above, from the same split's sources
    for sp, n in () if append else TYPOS_DOCS.items():
        rng = random.Random(seed_of("typos|" + sp))
        pool = sorted(spare[sp], key=lambda x: seed_of(x[0]))
        by_genre: dict[str, list] = defaultdict(list)
        for t, u in pool:
            if u.genre != "questions" or True:
                by_genre[u.genre].append((t, u))
        picked: list[tuple[str, Unit]] = []
        genres = sorted(by_genre)
        i = 0
        while len(picked) < n and any(by_genre.values()):
            g = genres[i % len(genres)]
            if by_genre[g]:
                picked.append(by_genre[g].pop())
            i += 1
        for t, u in picked:
            n_edits = max(2, round(words(t) / 60))
            new, edits = inject_typos(t, rng, n_edits)
            if not edits:
                continue
            rec = make_record(u, new, sp)
            rec.update(genre="typos", base_genre=u.genre, edits=edits,
                       id="typos-" + rec["id"].split("-", 1)[1])
            records.append(rec)

    # test first, so that a text found on both sides is kept only in test
    records.sort(key=lambda r: (r["split"] != "test", r["genre"], r["source"], r["id"]))
    seen: set[str] = set()
    uniq = []
    for r in old:  # existing records are kept as they are, and first
        seen.update((r["id"], " ".join(r["text"].split()[:40]).lower()))
        uniq.append(r)
    for r in records:
        key = " ".join(r["text"].split()[:40]).lower()
        if r["id"] not in seen and key not in seen:
            seen.update((r["id"], key))
            uniq.append(r)
    uniq.sort(key=lambda r: (r["split"], r["genre"], r["source"], r["id"]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as f:  # byte-reproducible
        for r in uniq:
            f.write((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8"))
    test_ids = sorted(r["id"] for r in uniq if r["split"] == "test")
    digest = hashlib.sha256("\n".join(test_ids).encode("utf-8")).hexdigest()
    TEST_IDS_SHA.write_text(f"{digest}  {len(test_ids)} test ids (sorted, newline-joined)\n")
    summary: dict[tuple[str, str], int] = defaultdict(int)
    for r in uniq:
        summary[(r["genre"], r["split"])] += 1
    for (g, sp), n in sorted(summary.items()):
        print(f"{g:13s} {sp:5s} {n:5d}")
    print(f"total {len(uniq)}; test ids sha256 {digest}")
    for g, sources in sorted(genre_sources.items()):
        print(g, {s: split[s] for s in sources})
    write_doc(uniq, digest, len(test_ids))
    CAPS_FILE.write_text(json.dumps(dict(sorted(caps.items())), indent=1) + "\n", encoding="utf-8")
    return 0


DOC_HEADER = """# Spin negatives: human French of many genres

`negatives.jsonl.gz` holds human-written French documents that were never spun, for
measuring the spin detector's false positives on unusual genres. Built by
`tools/spin/build_negatives.py` from raw material fetched as in `tools/spin/fetch_raw.sh`
(readers in `tools/spin/negatives_sources.py`); rebuild with
`.venv/bin/python tools/spin/build_negatives.py`.

Record fields: `id`, `genre`, `source`, `url` (page, file or package path), `licence`,
`split` (`dev`/`test`), `text` (paragraphs separated by newlines), `n_words`; `typos`
records add `base_genre` and `edits` (`kind`, `start`, `end` in `text`, `before`, `after`).

## Split (frozen before any tuning)

By SOURCE, whole sources held out: a source is `test` when the first 8 hex digits of
`sha256("cleannews-spin-negatives|" + source)` are below 2**32/3, else `dev`. The rule
reads the source name only, so adding sources never moves an existing one. Use `dev` to
tune; report `test` only as a held-out figure. `negatives_test_ids.sha256` and the line
below hold the SHA-256 of the sorted, newline-joined test ids:

    test ids: {n_test}, sha256 {digest}

## How documents are made

* A *unit* is one self-contained piece of a source (law section, Q&A sheet, FAQ entry,
  man page, HTML section, TEI chapter/article, one stored web page). A document is a run
  of consecutive prose paragraphs of one unit, 120-300 words (90-300 for stored web
  excerpts, which are often cut short); at most 3 non-adjacent runs per unit; at most
  ceil(170 / n) documents per dev source and ceil(110 / n) per test source (n = sources
  of that genre on that side when the source first appeared), sampled with a seed derived
  from the source name. Caps are frozen in `negatives_caps.json`, so adding a source never
  changes the documents of the others; `typos` draw only from the non-web sources frozen
  in `negatives_typo_sources.json` (so new sources never change them). History:
  v1 (880 test ids) to v6 (962) test documents are all kept in the current set.
* v7 (spin-neg6) added sources only, with `build_negatives.py --append-v7` (reads only
  `v7_units()`, keeps every earlier record byte for byte): oeuvres/textes authors no earlier
  source has (La Rochefoucauld, Nicole, Montaigne; César, Cicéron, Augustin, Vico in
  translation; d'Holbach, Salaville, Sieyès, Thibaudeau), the 100 French Wikinews articles
  of May-December 2012 of the Wikinews keyphrase corpus (news, CC BY 2.5; read from the raw
  HTML in boudinfl/wikinews-2013-pre, not its tokenised copy) and FreDraCor's plays in prose (one
  source per playwright, 17th-20th century: a scene is a unit, a speech a paragraph, speaker
  names and stage directions dropped, speeches in verse skipped; Greek and Latin authors,
  anonymous plays and playwrights who already make an oeuvres/textes source left out). v7
  sources are capped among themselves: ceil(target / n), n = the genre's v7 sources on that
  side, target 170 dev / 110 test (literary: 400 / 260). A document sharing a sampled
  6-word shingle with the lines counted in the shipped clean context table
  (`tools/spin/data/context_clean_fingerprint.u64.gz`) is skipped for the source's next one,
  so the context signal never counted a negative's text (34 v7 documents, common stage and
  news phrases; no earlier document). A v7 **dev** document sharing a 6-word shingle with a
  test document (v6's, or any unit of a v7 test source) or with the frozen held-out spinner
  file `heldout_apertium.jsonl.gz` is skipped too: dev negatives train the model, and the
  held-out file was built to share no text with training text. The held-out builders draw
  their candidates from the v6 negatives only (`build_heldout_fresh.later_sources`). Any v7
  document sharing a 10-word shingle with the held-out `fresh/` set is skipped as well.
* Paragraphs that are mostly non-letters (commands, tables) are dropped; documents whose
  French function words are under 20 % of tokens are dropped.
* `typos`: documents not otherwise used, from the same split's sources (round-robin over
  genres), with about one injected human typo per 60 words: `dropped_accent`
  (`élection`->`election`), `doubled_letter` / `missing_letter`, `agreement_slip`
  (`cette élection`->`cet élection`, `les maisons`->`les maison`), `missing_elision`
  (`l'eau`->`le eau`, `qu'il`->`que il`). Every edit is recorded with its offsets.
* Stored web pages come from the `pages` search corpus (answers saved as JSON under
  `$SPIN_RAW/pages/<genre>/`); menus are stripped by keeping the longest run of prose
  lines; the source is the host name (a `:443` port kept where the store had it). Excerpts
  were cut by the store, so a web document may end mid-sentence. Hosts whose text reads as machine-made are left out
  (`SPUN_HOSTS` in `negatives_sources.py`: `codelab.fr/4948` is synonym-spun in the wild,
  useful as a real positive). The answers were transcribed from the search tool's replies
  into the JSON files listed below (not downloaded by a script). Not transcribed: in
  `medical/q02_asthme.json` one result (a 123dok.net PDF dump) and the list tail of the
  pedia-univ.fr excerpt; in `medical/q04_alzheimer.json` result 3 (an idoc.pub PDF dump
  with words broken by OCR); in `encyclopedic/q01_communes.json` results 4 (Russian) and 6
  (an infobox). Transcription was checked by eye; two slips found were corrected against the
  tool's answer (rare undetected slips may remain). Hosts whose health pages read as machine-translated
  (eurekaformation.fr, allanshere.com, icloudhospital.com) are filed under `translated`.

## Caveats

* `news`, `medical` and `spoken` are thin: the stored web corpus returns short excerpts,
  so few pass the length floor; `spoken` is mostly 18th-19th century oratory (Thomas,
  Garat, Renan, Robespierre) plus coaches' post-match interviews, one presidential
  address and one parliamentary answer. v7 added French Wikinews (2012) to `news` (one
  source, so all of it is dev) and found no open, machine-readable medical or spoken source
  that is not already the held-out `fixtures/spin/fresh/` set's (the Assemblée nationale
  2013 debates and the students' saved news pages are fresh's; the QUAERO EMEA medical
  texts are tokenised and cut mid-sentence).
  `literary` now includes stage dialogue (FreDraCor): short spoken-style lines, but
  written for the stage. `encyclopedic` is mostly the 18th-century
  *Encyclopédie* (old spelling: `étoit`, `&`) plus a few modern pages (a Wikipedia mirror,
  a gazetteer, a village history). `literary`, `translated` and `scientific` are public-domain
  classics (19th-century spelling mostly modern). Technical documents from Debian are
  mostly translations from English too.
* Licences: see the table. The oeuvres/textes TEI edition is CC BY-NC-SA 3.0 FR (texts in
  the public domain); FreDraCor's TEI is CC BY-NC-SA 4.0 (texts in the public domain,
  from Paul Fièvre's *Théâtre classique*); web excerpts remain their publishers' copyright and are kept short,
  for evaluation only. Law texts and service-public.fr are Licence Ouverte 2.0.
* Universal Dependencies treebanks and French wordnets were not used.
"""  # noqa: E501 (the generated README's text, wrapped as it was written)


def write_doc(recs: list[dict], digest: str, n_test: int) -> None:
    by_gs: dict[tuple[str, str], int] = defaultdict(int)
    by_src: dict[str, dict] = {}
    for r in recs:
        by_gs[(r["genre"], r["split"])] += 1
        key = r["source"] if r["genre"] != "typos" else f"{r['source']} (typos)"
        d = by_src.setdefault(key, {"genre": r["genre"], "split": r["split"], "n": 0,
                                    "licence": r["licence"], "url": r["url"]})
        d["n"] += 1
    genres = sorted({g for g, _ in by_gs})
    lines = [DOC_HEADER.format(n_test=n_test, digest=digest), "## Counts", "",
             "| genre | dev | test | total |", "|---|---:|---:|---:|"]
    for g in genres:
        dv, te = by_gs.get((g, "dev"), 0), by_gs.get((g, "test"), 0)
        lines.append(f"| {g} | {dv} | {te} | {dv + te} |")
    tot_dev = sum(v for (g, sp), v in by_gs.items() if sp == "dev")
    tot_test = sum(v for (g, sp), v in by_gs.items() if sp == "test")
    from negatives_sources import PAGES

    pages = sorted(str(p.relative_to(PAGES)) for p in PAGES.glob("*/*.json"))
    if not pages and DOC.exists():  # --append-v7 without the stored answers: keep the list
        line = next(x for x in DOC.read_text(encoding="utf-8").splitlines()
                    if x.startswith("Stored page answers used"))
        pages = re.findall(r"`([^`]+\.json)`", line)
    lines += [f"| **all** | {tot_dev} | {tot_test} | {tot_dev + tot_test} |", "",
              "Stored page answers used (`$SPIN_RAW/pages/`): "
              + ", ".join(f"`{p}`" for p in pages), "",
              "## Sources", "", "| genre | source | split | docs | licence | example url |",
              "|---|---|---|---:|---|---|"]
    for key, d in sorted(by_src.items(), key=lambda kv: (kv[1]["genre"], kv[0])):
        lines.append(f"| {d['genre']} | `{key}` | {d['split']} | {d['n']} | {d['licence']} "
                     f"| {d['url']} |")
    DOC.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_record(u: Unit, text: str, split: str) -> dict:
    h = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return {"id": f"{u.genre}-{h}", "genre": u.genre, "source": u.source, "url": u.url,
            "licence": u.licence, "split": split, "text": text, "n_words": words(text)}


if __name__ == "__main__":
    raise SystemExit(main())
