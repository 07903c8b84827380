"""Build the copy-detection evaluation batches from real French text (build time only).

    .venv/bin/python tools/copies/build_eval.py            # writes tools/copies/build/*.jsonl.gz
    .venv/bin/python tools/copies/build_eval.py --fixture  # also the small CI fixture

Base documents: UD French sentences (``../shared/corpora/fr-ud``) grouped
into ~200-word documents, and the ``C|`` content lines of the real French
news pages in ``fixtures/strip_real/pages/fr``. Bases are split in two
halves by a hash of their id: ``dev`` (thresholds were tuned there) and
``test`` (reported). The spinners are split too: ``dev`` spins with the
training dictionary "T", ``test`` with the held-out dictionary "V" (no
synonym pair in common), both in naive, careful and careful_freq modes
(the first held-out run, tools/copies/results/, was made after tuning on
dev careful mode only)
(``tools/spin/spinner.py``, imported, and the thesaurus split of
``tools/spin/common.py``).

One batch per variant kind: every base of the half, one variant of each
base, plus the hard negatives: the full pages (with their furniture) of the
*other* half, which include pages of one site sharing its template and
pages of one search result about the same event as a base page. A record is
``{"id", "text", "group", "kind", "base"}``: two records are a true pair
when they share ``group`` (and neither is a negative).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import zlib
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "tools/spin"))
from common import read_mythes, read_ud_documents, split_of  # noqa: E402
from spinner import Spinner  # noqa: E402

from cleannews.score._lexicon import get_lexicon  # noqa: E402

PAGES = REPO / "fixtures/strip_real/pages/fr"
MANIFEST = REPO / "fixtures/strip_real/manifests/fr-b.jsonl"
BUILD = HERE / "build"
FIXTURE = REPO / "fixtures/copies/eval_small.jsonl.gz"
SEED = 20261201
UD_MIN_WORDS = 180
PAGE_MIN_WORDS = 120
RATES = (0.1, 0.2, 0.3, 0.5)
DEV_MODES = ("naive", "careful", "careful_freq")
TEST_MODES = ("naive", "careful", "careful_freq")
NUM_RE = regex.compile(r"\d+")
SENT_RE = regex.compile(r"(?<=[.!?])\s+")


def half(doc_id: str) -> str:
    """Frozen dev/test split of base documents (by id hash)."""
    return "test" if zlib.crc32(doc_id.encode()) % 2 else "dev"


def split_thesaurus(th: dict, part: str) -> dict:
    """Only the synonym pairs of dictionary split ``part``."""
    out = {}
    for head, senses in th.items():
        kept = [(p, [s for s in syns if split_of(head, s) == part]) for p, syns in senses]
        kept = [(p, s) for p, s in kept if s]
        if kept:
            out[head] = kept
    return out


def make_spinners() -> dict[str, Spinner]:
    """Spinners on dictionaries T and V; readings/genders/h aspiré from the package lexicon."""
    lex = get_lexicon()
    m = lex.masks
    readings: dict[str, set[str]] = {}
    genders: dict[str, str] = {}
    h_asp = set()
    zipf = {}
    for w, p in lex.words.items():
        r = {t for t in ("N", "A", "V", "ADV") if p & m[t]}
        if r:
            readings[w] = r
        nm, nf = bool(p & m["NM"]), bool(p & m["NF"])
        if nm != nf:
            genders[w] = "m" if nm else "f"
        if p & m["HASP"]:
            h_asp.add(w)
        zipf[w] = lex.zipf(w)
    th = read_mythes()
    return {d: Spinner(split_thesaurus(th, d), readings, genders, h_asp, zipf) for d in "TV"}


def read_pages() -> list[dict]:
    """Real pages: content (``C|`` lines), furniture (other lines), site, search group."""
    meta = {}
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        meta[r["id"]] = r
    pages = []
    for path in sorted(PAGES.glob("*.txt")):
        content, furniture, full = [], [], []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            tag, _, body = line.partition("|") if line.startswith("C|") else line.partition(":")
            body = body.replace("\u27e6", "").replace("\u27e7", "").strip()  # glued ⟦…⟧ marks
            full.append(body)
            (content if tag == "C" else furniture).append(body)
        m = meta.get(path.stem, {})
        text = "\n".join(content)
        if len(text.split()) >= PAGE_MIN_WORDS:
            pages.append({"id": path.stem, "text": text, "furniture": furniture,
                          "full": "\n".join(full), "site": m.get("site", ""),
                          "event": m.get("raw", "")})
    return pages


def furnish(text: str, donor: dict, rng: random.Random) -> str:
    """``text`` with a header and footer of furniture lines from a donor page."""
    f = donor["furniture"] or ["Accueil", "Partager"]
    k = rng.randint(2, 5)
    return "\n".join([*f[:k], text, *f[-k:]])


def light_edit(text: str, other: str, rng: random.Random) -> str:
    """An edited copy: numbers updated, a sentence dropped, one added, two words changed."""
    out = NUM_RE.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)) if rng.random() < 0.5
                     else m.group(), text)
    sents = SENT_RE.split(out)
    if len(sents) > 5:
        del sents[rng.randrange(1, len(sents))]
    extra = SENT_RE.split(other)
    sents.insert(rng.randrange(len(sents) + 1), "Mise à jour : " + rng.choice(extra))
    out = " ".join(sents)
    ws = out.split(" ")
    pool = [w for w in other.split() if w.isalpha() and w.islower() and len(w) > 3]
    for _ in range(2):
        i = rng.randrange(len(ws))
        if ws[i].isalpha() and ws[i].islower() and pool:
            ws[i] = rng.choice(pool)
    return " ".join(ws)


def build(part: str, spinners: dict[str, Spinner], ud: list[dict],
          pages: list[dict]) -> dict[str, list[dict]]:
    """All batches of one half: ``{batch name: records}``."""
    rng = random.Random(f"{SEED}:{part}")
    bases = [{"id": d["id"], "text": d["text"]} for d in ud if half(d["id"]) == part]
    bases += [{"id": p["id"], "text": p["text"]} for p in pages if half(p["id"]) == part]
    negatives = [{"id": "full:" + p["id"], "text": p["full"], "group": "neg:" + p["id"],
                  "kind": "negative", "base": ""} for p in pages if half(p["id"]) != part]
    variants = {"copy_furniture": None, "copy_edited": None}
    modes = DEV_MODES if part == "dev" else TEST_MODES
    dict_name = "T" if part == "dev" else "V"
    for mode in modes:
        for rate in RATES:
            variants[f"spun_{mode}_{rate}"] = (mode, rate)
    batches = {}
    for name, spin in variants.items():
        recs = []
        for k, b in enumerate(bases):
            donor, donor2 = rng.sample(pages, 2)
            other = bases[(k + 7) % len(bases)]["text"]
            recs.append({"id": b["id"], "text": b["text"], "group": b["id"], "kind": "base",
                         "base": b["id"]})
            if name == "copy_furniture":
                text = furnish(b["text"], donor2, rng)
                recs[-1]["text"] = furnish(b["text"], donor, rng)
            elif name == "copy_edited":
                text = light_edit(b["text"], other, rng)
            else:
                mode, rate = spin
                text = spinners[dict_name].spin(b["text"], rate, mode, rng.randrange(1 << 30))[0]
            recs.append({"id": f"{b['id']}~{name}", "text": text, "group": b["id"],
                         "kind": name, "base": b["id"]})
        recs.extend(negatives)
        rng.shuffle(recs)
        batches[name] = recs
    return batches


def write(path: Path, batches: dict[str, list[dict]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(json.dumps({"batch": k, **r}, ensure_ascii=False) + "\n"
                   for k, recs in batches.items() for r in recs)
    path.write_bytes(gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fixture", action="store_true", help="also write the small CI fixture")
    args = ap.parse_args()
    spinners = make_spinners()
    ud = read_ud_documents(UD_MIN_WORDS)
    pages = read_pages()
    for part in ("dev", "test"):
        batches = build(part, spinners, ud, pages)
        write(BUILD / f"eval_{part}.jsonl.gz", batches)
        print(part, {k: len(v) for k, v in batches.items()})
    if args.fixture:
        # CI gate: test half, 40 UD bases + 10 pages, the careful 0.3 and copy batches only
        batches = build("test", spinners, ud[:90], pages[:24])
        keep = ("copy_furniture", "copy_edited", "spun_careful_0.3", "spun_naive_0.3")
        write(FIXTURE, {k: batches[k] for k in keep})
        print("fixture", {k: len(batches[k]) for k in keep}, FIXTURE)


if __name__ == "__main__":
    main()
