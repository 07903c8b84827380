"""Build the CLEAN context count table (package data) from modern French of shippable licence.

    SPIN_MIRROR=<dir of owner+name/repo snapshots> python tools/spin/build_context_clean.py

(one step of ``python -m tools.spin.build``; skipped there when the snapshot is absent).

Sources (``SOURCES``; manifest with word counts: ``tools/spin/data/CONTEXT_CLEAN_SOURCES.md``):
the French sentence collections of the Common Voice French community repository
(github.com/common-voice/commonvoice-fr, pinned commit), released for Common Voice as CC0:
the Assemblée nationale debates of 2013-2018 and the free Framabook novels. No document of
the negatives, of the spin fixtures, of ``fixtures/spin/fresh/``, of the UD GSD/Sequoia
text, of the seeds or of ``fixtures/strip_real`` is counted: every line that shares a
``SHINGLE``-word shingle with any of them is dropped (``reserved_shingles``), and a sample
of the counted shingles (``FINGERPRINT``) is kept so that ``tests/test_spin_context_clean.py``
re-checks the exclusion against the fixtures as they are now.

Tokens as ``build_context.tokens`` (lowercase, straight apostrophe, elided clitics split,
numbers ``<num>``); a bigram never crosses punctuation or a line end. Exact duplicate lines
are counted once (debate formulae). Writes

* ``src/cleannews/score/data/context_counts.bin.gz`` (``cleannews.score._context.CountTable``):
  vocabulary, unigram counts, and for each left word the sorted ids of the right words seen
  with it at least ``MIN_PAIR`` times with a one-byte count code;
* ``tools/spin/data/context_clean_fingerprint.u64.gz``: sorted hashes of the counted
  shingles whose hash is ``0 mod FINGERPRINT_MOD``;
* ``tools/spin/data/CONTEXT_CLEAN_SOURCES.md``.

    >>> shingle_hashes(["a", "b", "c", "d", "e", "f", "g"], 6) == shingle_hashes(
    ...     ["a", "b", "c", "d", "e", "f", "g"], 6)
    True
    >>> len(shingle_hashes(["a", "b"], 6))
    0
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from array import array
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from build_context import BREAK, tokens

from cleannews.score._context import encode_count

REPO = Path(__file__).resolve().parents[2]
MIRROR = Path(os.environ.get("SPIN_MIRROR", Path.home() / ".cache/cleannews/mirror"))
#: ``SPIN_CONTEXT_OUT`` writes the table elsewhere (experiments: the fingerprint and the
#: manifest are then left as they are).
OUT_TABLE = Path(os.environ.get("SPIN_CONTEXT_OUT",
                                REPO / "src/cleannews/score/data/context_counts.bin.gz"))
EXPERIMENT = "SPIN_CONTEXT_OUT" in os.environ
OUT_FP = REPO / "tools/spin/data/context_clean_fingerprint.u64.gz"
OUT_MD = REPO / "tools/spin/data/CONTEXT_CLEAN_SOURCES.md"
#: Shingle length (words) of the exclusion check.
SHINGLE = 6
#: One counted shingle in this many is kept in the fingerprint file.
FINGERPRINT_MOD = 16
#: Vocabulary: words seen at least this often, at most ``MAX_VOCAB`` (ids fit in 16 bits).
MIN_WORD = 3
MAX_VOCAB = 65_535
#: Adjacent pairs kept from this many occurrences.
MIN_PAIR = int(os.environ.get("SPIN_CONTEXT_MIN_PAIR", "2"))

REPO_CV = "common-voice+commonvoice-fr"
CV_COMMIT = "4b9437a5622d5d5b548438bf25968aedb621d58b"  # the snapshot's HEAD when first built
#: ``SPIN_RESERVED_AT=<commit>``: exclude the texts reserved at that commit of this repository
#: (its ``fixtures`` and ``seeds``) instead of the current ones: the shipped table was built
#: at ``RESERVED_AT_SHIPPED``, before ``fixtures/spin/heldout_apertium.jsonl.gz`` and the
#: re-recorded golden scores existed; with today's fixtures 57 more debate lines are dropped
#: (docs/spin-data.md, "Rebuilding").
RESERVED_AT = os.environ.get("SPIN_RESERVED_AT", "")
RESERVED_AT_SHIPPED = "3186447"
#: Files left out: Framabook titles whose CC0 status is not certain (the README of the
#: collection says "various licenses, including some CC0 books").
SKIP_FILES = ("un_monde_sans_copyright",)
#: (source id, snapshot, path inside it, genre, licence, origin URL)
SOURCES = (
    (
        "cv-fr:debats-assemblee-nationale",
        REPO_CV,
        "CommonVoice-Data/data/debats-assemblee-nationale",
        "parliament (2013-2018)",
        "CC0 1.0 (Common Voice French sentence collection; from the Assemblée nationale "
        "open data, comptes rendus des débats)",
        "https://github.com/common-voice/commonvoice-fr/tree/master/CommonVoice-Data/data/"
        "debats-assemblee-nationale",
    ),
    (
        "cv-fr:framabook",
        REPO_CV,
        "CommonVoice-Data/data/framabook/txt",
        "modern fiction/essay (2010s)",
        "CC0 1.0 (Pouhiou's Noénautes novels #Apolog, Smartarded, Mon Orchide, released CC0 by "
        "their author; Vieux flic et vieux voyou, in Common Voice's CC0 sentence set)",
        "https://github.com/common-voice/commonvoice-fr/tree/master/CommonVoice-Data/data/"
        "framabook",
    ),
)


#: Further sources of the same pinned snapshot, counted only when ``SPIN_CONTEXT_SOURCES``
#: names them (spin-counts8's development variants; not in the shipped table): the public-domain
#: 19th-20th century literature of the collection (Project Gutenberg, Wikisource, Libre
#: Théâtre), released as CC0 sentences for Common Voice. NOT admissible for the shipped table:
#: their authors overlap the negatives' literary sources (Balzac, Molière, Labiche…), whose
#: unshared lines would still be counted (docs/spin-history.md, "A larger count table").
EXTRA_SOURCES = tuple(
    (
        f"cv-fr:{name}",
        REPO_CV,
        f"CommonVoice-Data/data/{path}",
        genre,
        "public-domain texts; sentences released as CC0 1.0 in the Common Voice French "
        "sentence collection",
        f"https://github.com/common-voice/commonvoice-fr/tree/master/CommonVoice-Data/data/{path}",
    )
    for name, path, genre in (
        ("gutenberg", "gutenberg", "literature, 19th-20th c. (Project Gutenberg)"),
        ("wikisource", "wikisource/txt", "literature, 19th-20th c. (Wikisource)"),
        ("libretheatre", "libretheatre", "theatre, 17th-20th c. (Libre Théâtre)"),
    )
)
#: ``SPIN_CONTEXT_SOURCES=id,id*w,…`` (ids of ``SOURCES`` and ``EXTRA_SOURCES``, each with an
#: optional count weight ``w``, default 1) counts those instead of ``SOURCES`` (experiments: use
#: with ``SPIN_CONTEXT_OUT`` or in a copy of the tree). Weighted counts are summed over the
#: sources and rounded once, before the ``MIN_WORD`` / ``MIN_PAIR`` thresholds.
SELECTED = tuple(x for x in os.environ.get("SPIN_CONTEXT_SOURCES", "").split(",") if x)


def parse_selected(items: tuple[str, ...]) -> list[tuple[str, float]]:
    """``(source id, weight)`` of each ``SPIN_CONTEXT_SOURCES`` item.

    >>> parse_selected(("cv-fr:framabook", "cv-fr:gutenberg*0.25"))
    [('cv-fr:framabook', 1.0), ('cv-fr:gutenberg', 0.25)]
    """
    out = []
    for x in items:
        sid, _, w = x.partition("*")
        out.append((sid, float(w) if w else 1.0))
    return out


def selected_sources() -> tuple:
    """``(source, weight)`` of each source counted: ``SOURCES`` at weight 1, or those
    ``SPIN_CONTEXT_SOURCES`` names.

    >>> [s[0] for s, _w in selected_sources()] == [s[0] for s in SOURCES] or bool(SELECTED)
    True
    """
    if not SELECTED:
        return tuple((s, 1.0) for s in SOURCES)
    known = {s[0]: s for s in SOURCES + EXTRA_SOURCES}
    chosen = parse_selected(SELECTED)
    missing = [x for x, _w in chosen if x not in known]
    if missing:
        raise SystemExit(f"SPIN_CONTEXT_SOURCES: unknown source(s) {missing}; known {list(known)}")
    return tuple((known[x], w) for x, w in chosen)


def shingle_hashes(toks: list[str], n: int = SHINGLE) -> list[int]:
    """Stable 64-bit hashes of the ``n``-word shingles of a token list (words only)."""
    out = []
    for i in range(len(toks) - n + 1):
        h = hashlib.blake2b(" ".join(toks[i : i + n]).encode("utf-8"), digest_size=8)
        out.append(int.from_bytes(h.digest(), "little"))
    return out


def words_only(text: str) -> list[str]:
    """Tokens of ``text`` without punctuation (the unit of the shingle check)."""
    return [t for t in tokens(text) if t not in BREAK]


def paragraph_shingles(text: str) -> set[int]:
    """6-word shingle hashes of each paragraph (line) of ``text``, words only: the unit of
    every shingle check (reserved texts here, the negatives' and held-out builders').

    >>> len(paragraph_shingles("un deux trois quatre cinq six sept\\nhuit"))
    2
    """
    out: set[int] = set()
    for para in text.split("\n"):
        out.update(shingle_hashes(words_only(para)))
    return out


def reserved_texts(repo: Path = REPO):
    """Every text that checks or calibrates the detector: ``(origin, text)`` pairs.

    Negatives (all splits), every spin fixture (validation, held-out sources, golden
    scores, fresh), the correct-French fixture, the UD GSD/Sequoia sentences, the seeds and
    the ``fixtures/strip_real`` pages.
    """
    spin = repo / "fixtures/spin"
    for p in sorted(spin.glob("*.jsonl.gz")) + sorted((spin / "fresh").glob("*.jsonl.gz")):
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if isinstance(r.get("text"), str):
                    yield p.name, r["text"]
    with open(spin / "correct_french.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield "correct_french", json.loads(line)["text"]
    shared = repo.parent / "shared"
    if not (shared / "corpora").is_dir():
        shared = Path("/work/wt/shared")
    # the UD sentences: ``SPIN_UD_DIR`` (``build_fetch.py`` writes them) or the shared corpus
    ud = Path(os.environ.get("SPIN_UD_DIR", shared / "corpora/fr-ud"))
    for p in sorted(ud.glob("*.txt")):
        for line in p.read_text(encoding="utf-8").splitlines():
            yield p.name, line.partition("\t")[2]
    # the seeds: the repository's copy (the same files as the shared folder's)
    seeds = repo / "seeds" if (repo / "seeds").is_dir() else shared / "seeds"
    for p in sorted(seeds.glob("*.txt")):
        yield "seed", p.read_text(encoding="utf-8")
    for p in sorted((repo / "fixtures/strip_real/pages").rglob("*.txt")):
        yield "strip_real", p.read_text(encoding="utf-8", errors="replace")


def reserved_hits(counted: set[int], texts) -> list[tuple[str, str]]:
    """``(origin, paragraph start)`` of every reserved paragraph with a shingle in ``counted``.

    >>> reserved_hits(set(shingle_hashes(list("abcdef"))), [("x", "a b c d e f g")])
    [('x', 'a b c d e f g')]
    """
    hits = []
    for origin, text in texts:
        for para in text.split("\n"):
            if any(h in counted for h in shingle_hashes(words_only(para))):
                hits.append((origin, para[:80]))
    return hits


def reserved_tree(commit: str) -> Path:
    """A folder holding the repository's ``fixtures`` and ``seeds`` as they were at ``commit``
    (``git archive``; cached under ``tools/spin/build``), for ``SPIN_RESERVED_AT``."""
    out = REPO / "tools/spin/build" / f"reserved-{commit}"
    if not (out / "fixtures").is_dir():
        got = subprocess.run(["git", "-C", str(REPO), "archive", commit, "fixtures", "seeds"],
                             capture_output=True)
        if got.returncode:  # a shallow clone: the fixtures as they are now
            print(f"SPIN_RESERVED_AT={commit}: not in this clone's history (a shallow clone?); "
                  "the current fixtures are excluded instead", file=sys.stderr)
            return REPO
        out.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(got.stdout)) as tf:
            tf.extractall(out, filter="data")
    return out


def reserved_shingles() -> set[int]:
    """Shingle hashes of every reserved text (see ``reserved_texts``): those of the
    repository as it is, or as it was at the commit ``RESERVED_AT`` names."""
    out: set[int] = set()
    repo = reserved_tree(RESERVED_AT) if RESERVED_AT else REPO
    for _origin, text in reserved_texts(repo):
        out |= paragraph_shingles(text)
    return out


def source_files(snapshot: str, path: str) -> tuple[str, list[tuple[str, str]]]:
    """``(commit, [(name, text)])`` of the files under ``path`` at the snapshot's pinned commit
    ``CV_COMMIT``."""
    git = MIRROR / snapshot / "repo"
    # the pinned commit, whatever the clone's HEAD (a fresh clone's HEAD is newer)
    got = subprocess.run(["git", "-C", str(git), "rev-parse", "--verify", "-q",
                          f"{CV_COMMIT}^{{commit}}"], capture_output=True, text=True)
    commit = got.stdout.strip()
    if got.returncode or not commit.startswith(CV_COMMIT):
        raise SystemExit(f"{snapshot}: the pinned commit {CV_COMMIT} is not in {git}")
    tar = subprocess.run(
        ["git", "-C", str(git), "archive", commit, path], capture_output=True, check=True
    ).stdout
    out = []
    with tarfile.open(fileobj=io.BytesIO(tar)) as tf:
        for m in sorted(tf.getmembers(), key=lambda m: m.name):
            if m.isfile() and m.name.endswith(".txt") and not any(k in m.name for k in SKIP_FILES):
                out.append((m.name, tf.extractfile(m).read().decode("utf-8")))
    return commit, out


def main() -> int:
    reserved = reserved_shingles()
    print(f"{len(reserved):,} reserved shingles", flush=True)
    uni: Counter[str] = Counter()
    bi: Counter[tuple[str, str]] = Counter()
    seen_lines: set[str] = set()
    fp: set[int] = set()
    stats = []
    for (sid, snap, path, genre, licence, url), w in selected_sources():
        weight = 1 if w == 1.0 else w  # integer counts unless weighted
        commit, files = source_files(snap, path)
        n_words = n_lines = dropped = dup = 0
        per_file: Counter[str] = Counter()  # dropped lines per file (works with a shared text)
        for _name, text in files:
            for line in text.splitlines():
                line = line.strip()
                if not line:
                    continue
                if line in seen_lines:
                    dup += 1
                    continue
                seen_lines.add(line)
                toks = tokens(line)
                hs = shingle_hashes([t for t in toks if t not in BREAK])
                if any(h in reserved for h in hs):
                    dropped += 1
                    per_file[_name] += 1
                    continue
                fp.update(h for h in hs if h % FINGERPRINT_MOD == 0)
                n_lines += 1
                prev = None
                for t in toks:
                    if t in BREAK:
                        prev = None
                        continue
                    n_words += 1
                    uni[t] += weight
                    if prev is not None:
                        bi[(prev, t)] += weight
                    prev = t
        stats.append((sid, genre, licence, url, commit, len(files), n_lines, n_words, dropped, dup))
        print(f"{sid}: {n_words:,} words, {n_lines:,} lines; {dropped} lines dropped "
              f"(shared shingle), {dup} duplicates", flush=True)
        if SELECTED:  # experiments: the files with most dropped lines
            print("   most dropped lines:", ", ".join(
                f"{Path(n).name} {c}" for n, c in per_file.most_common(8)), flush=True)
    if any(w != 1.0 for _s, w in selected_sources()):  # weighted: round once
        uni = Counter({k: round(c) for k, c in uni.items() if round(c)})
        bi = Counter({k: round(c) for k, c in bi.items() if round(c)})
    vocab = [w for w, c in uni.most_common(MAX_VOCAB) if c >= MIN_WORD]
    ids = {w: i for i, w in enumerate(vocab)}
    total = sum(uni.values())
    rows: dict[int, list[tuple[int, int]]] = {}
    n_pairs = 0
    for (a, b), c in bi.items():
        if c >= MIN_PAIR and a in ids and b in ids:
            rows.setdefault(ids[a], []).append((ids[b], c))
            n_pairs += 1
    offsets = array("I", [0])
    right = array("H")
    codes = array("B")
    for a in range(len(vocab)):
        for b, c in sorted(rows.get(a, ())):
            right.append(b)
            codes.append(encode_count(c))
        offsets.append(len(right))
    counts = array("I", (uni[w] for w in vocab))
    head = json.dumps({"n": total, "v": len(vocab), "pairs": n_pairs, "min_pair": MIN_PAIR},
                      sort_keys=True)
    blob = bytearray()
    blob += b"CNCTX1\n" + head.encode() + b"\n" + "\n".join(vocab).encode("utf-8") + b"\n\0"
    for arr in (counts, offsets, right, codes):
        if sys.byteorder != "little":
            arr = array(arr.typecode, arr)
            arr.byteswap()
        blob += arr.tobytes()
    OUT_TABLE.write_bytes(gzip.compress(bytes(blob), compresslevel=9, mtime=0))
    if not EXPERIMENT:
        fpa = array("Q", sorted(fp))
        if sys.byteorder != "little":
            fpa.byteswap()
        OUT_FP.write_bytes(gzip.compress(fpa.tobytes(), compresslevel=9, mtime=0))
        write_md(stats, total, len(vocab), n_pairs, len(reserved), len(fp))
    print(f"{total:,} words; {len(vocab):,} words kept, {n_pairs:,} pairs; "
          f"{OUT_TABLE.stat().st_size / 1e6:.2f} MB table, fingerprint {len(fp):,}")
    return 0


def write_md(stats, total, n_vocab, n_pairs, n_reserved, n_fp) -> None:
    """The manifest of the clean table."""
    lines = [
        "# Clean context table: sources",
        "",
        "`src/cleannews/score/data/context_counts.bin.gz` is made by",
        "`tools/spin/build_context_clean.py` (docstring: command, tokenisation, layout). Only",
        "counts are shipped, no text. Nothing used to check or calibrate the detector is",
        "counted: every line sharing a 6-word shingle with the negatives (all splits), the spin",
        "fixtures (validation, held-out sources, golden scores), `fixtures/spin/fresh/`, the",
        "correct-French fixture, the UD GSD/Sequoia sentences, the seeds or the",
        f"`fixtures/strip_real` pages ({n_reserved:,} shingles) is dropped, and",
        "`tests/test_spin_context_clean.py` re-checks a 1/16 sample of the counted shingles",
        f"({n_fp:,}, `context_clean_fingerprint.u64.gz`) against those fixtures.",
        "No source of the negatives is counted at all (so the negatives' dev split is an honest",
        "false-positive guard for the signal).",
        "",
        f"Total: **{total:,} words**; {n_vocab:,} words kept (count >= {MIN_WORD});",
        f"{n_pairs:,} adjacent pairs kept (both words kept, count >= {MIN_PAIR}).",
        "",
        "| source | genre | words counted | lines counted | lines dropped (shared shingle) "
        "| duplicate lines | files | licence | origin | commit |",
        "|---|---|---:|---:|---:|---:|---:|---|---|---|",
    ]
    for sid, genre, lic, url, commit, nf, nl, nw, dr, du in stats:
        lines.append(f"| `{sid}` | {genre} | {nw:,} | {nl:,} | {dr:,} | {du:,} | {nf} | {lic} "
                     f"| {url} | `{commit}` |")
    lines += [
        "",
        "Far below the 20 M words asked for: no larger modern French text of a licence that",
        "allows shipping derived counts was reachable from this workplace (see docs/spin.md,",
        "\"Clean context table round\", for what was looked at).",
        "",
    ]
    OUT_MD.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
