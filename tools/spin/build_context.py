"""Count word unigrams and adjacent bigrams of real French into a compact context table.

Usage (raw material first, see ``tools/spin/fetch_raw.sh``; the negatives first,
since their ``test`` sources are left out here)::

    .venv/bin/python tools/spin/build_context.py

Reads every unit of ``negatives_sources.all_units()`` whose source is NOT in the
``test`` split of ``fixtures/spin/negatives.jsonl.gz``, tokenises it (lowercase,
typographic apostrophe -> ``'``, elided clitics split off: ``l'eau`` -> ``l'`` ``eau``,
numbers -> ``<num>``), skips paragraphs where English function words outnumber French
ones, counts unigrams and adjacent bigrams (a bigram never
crosses punctuation or a paragraph end), prunes (vocabulary: top
``VOCAB_SIZE`` words with count >= 2; bigrams: both words in the vocabulary and
count >= the smallest threshold >= ``MIN_BIGRAM`` that keeps the file under
``MAX_BYTES``) and writes

* ``tools/spin/data/context_unigrams.tsv.gz``: ``word<TAB>count``, by count;
* ``tools/spin/data/context_bigrams.tsv.gz``: ``w1<TAB>w2<TAB>count``, by count;
* ``tools/spin/data/context_skip2.tsv.gz``: ``left<TAB>right<TAB>count`` for two CONTENT
  words (not in ``FUNCTION_WORDS``) two positions apart (one word between, e.g.
  ``hausse`` … ``prix`` in "hausse des prix"), same pruning, count >= ``MIN_SKIP``;
* ``tools/spin/data/CONTEXT_SOURCES.md``: words counted per source, licences.

    >>> tokens("L’eau d'aujourd'hui coûte 3 euros, dit-il.")
    ["l'", 'eau', "d'", "aujourd'hui", 'coûte', '<num>', 'euros', ',', 'dit-il', '.']
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from negatives_sources import all_units

REPO = Path(__file__).resolve().parents[2]
NEGATIVES = REPO / "fixtures/spin/negatives.jsonl.gz"
OUT_DIR = REPO / "tools/spin/data"
VOCAB_SIZE = 100_000
MIN_BIGRAM = 3
MIN_SKIP = 3
MAX_BYTES = 7_800_000  # all three files together

#: Function words: skip-2 collocations are kept between content words only.
FUNCTION_WORDS = frozenset(
    """le la les l' un une des de d' du au aux à et ou ni mais or donc car que qu' qui quoi
    dont où ce c' cet cette ces se s' sa son ses leur leurs mon ma mes ton ta tes notre nos
    votre vos il ils elle elles on nous vous je j' tu me m' te t' lui y en ne n' pas plus
    moins très par pour sur sous dans avec sans entre vers chez est sont être a ont avoir été
    fait comme si tout tous toute toutes même aussi bien <num> cela ça lorsqu' puisqu'
    jusqu' quelqu' lorsque puisque quand""".split()
)

TOKEN = regex.compile(
    r"aujourd'hui|prud'hom\p{L}*|presqu'île|\p{L}+'|\p{L}+(?:-\p{L}+)*|\d+(?:[.,]\d+)*|[.,;:!?()«»\"…]"
)
BREAK = frozenset(".,;:!?()«»\"…")
#: A paragraph with more of these than French function words is not counted (English
#: licence texts and untranslated strings inside the French documentation).
ENGLISH = frozenset("the of and to is in for with that this are be by it from".split())


def tokens(text: str) -> list[str]:
    """Lowercased tokens with elided clitics split off; punctuation kept as boundary tokens."""
    text = text.lower().replace("’", "'").replace("ʼ", "'")
    out = []
    for m in TOKEN.finditer(text):
        t = m.group()
        out.append("<num>" if t[0].isdigit() else t)
    return out


def test_sources() -> set[str]:
    """Sources held out as the negatives' test split (never counted here)."""
    out = set()
    with gzip.open(NEGATIVES, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["split"] == "test":
                out.add(r["source"])
    return out


def main() -> int:
    held_out = test_sources()
    uni: Counter[str] = Counter()
    bi: Counter[tuple[str, str]] = Counter()
    skip: Counter[tuple[str, str]] = Counter()
    words_by_source: Counter[str] = Counter()
    meta: dict[str, tuple[str, str, set[str]]] = {}
    for unit in all_units():
        if unit.source in held_out:
            continue
        _genre, _licence, urls = meta.setdefault(unit.source, (unit.genre, unit.licence, set()))
        if len(urls) < 3:
            urls.add(unit.url)
        for par in unit.paragraphs:
            toks = tokens(par)
            if sum(t in ENGLISH for t in toks) > sum(t in FUNCTION_WORDS for t in toks):
                continue
            prev = prev2 = None
            n_words = 0
            for t in toks:
                if t in BREAK:
                    prev = prev2 = None
                    continue
                n_words += 1
                uni[t] += 1
                if prev is not None:
                    bi[(prev, t)] += 1
                if prev2 is not None and prev2 not in FUNCTION_WORDS and t not in FUNCTION_WORDS:
                    skip[(prev2, t)] += 1
                prev2, prev = prev, t
            words_by_source[unit.source] += n_words
    total = sum(words_by_source.values())
    vocab = [w for w, c in uni.most_common(VOCAB_SIZE) if c >= 2]
    vset = set(vocab)
    uni_bytes = _tsv_gz(f"{w}\t{uni[w]}" for w in vocab)
    kept_bi = sorted(
        ((a, b, c) for (a, b), c in bi.items() if c >= MIN_BIGRAM and a in vset and b in vset),
        key=lambda x: (-x[2], x[0], x[1]),
    )
    kept_skip = sorted(
        ((a, b, c) for (a, b), c in skip.items() if c >= MIN_SKIP and a in vset and b in vset),
        key=lambda x: (-x[2], x[0], x[1]),
    )
    threshold = MIN_BIGRAM
    while True:
        rows = [r for r in kept_bi if r[2] >= threshold]
        srows = [r for r in kept_skip if r[2] >= threshold - MIN_BIGRAM + MIN_SKIP]
        bi_bytes = _tsv_gz(f"{a}\t{b}\t{c}" for a, b, c in rows)
        skip_bytes = _tsv_gz(f"{a}\t{b}\t{c}" for a, b, c in srows)
        if len(uni_bytes) + len(bi_bytes) + len(skip_bytes) <= MAX_BYTES:
            break
        threshold += 1
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "context_unigrams.tsv.gz").write_bytes(uni_bytes)
    (OUT_DIR / "context_bigrams.tsv.gz").write_bytes(bi_bytes)
    (OUT_DIR / "context_skip2.tsv.gz").write_bytes(skip_bytes)
    write_sources_md(words_by_source, meta, total, len(vocab), len(rows), threshold, held_out,
                     len(srows))
    print(f"{total} words counted from {len(words_by_source)} sources; "
          f"{len(vocab)} unigrams, {len(rows)} bigrams (count >= {threshold}), "
          f"{len(srows)} skip-2 content pairs; "
          f"{(len(uni_bytes) + len(bi_bytes) + len(skip_bytes)) / 1e6:.2f} MB")
    return 0


def _tsv_gz(lines) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0) as f:
        for line in lines:
            f.write((line + "\n").encode("utf-8"))
    return buf.getvalue()


def write_sources_md(words_by_source, meta, total, n_uni, n_bi, threshold, held_out,
                     n_skip) -> None:
    by_genre: dict[str, list[str]] = defaultdict(list)
    for s in words_by_source:
        by_genre[meta[s][0]].append(s)
    lines = [
        "# Context table sources",
        "",
        "`context_unigrams.tsv.gz` and `context_bigrams.tsv.gz` are counts of real French made"
        " by",
        "`tools/spin/build_context.py` (command and tokenisation in its docstring; raw material"
        " as in",
        "`tools/spin/fetch_raw.sh`). Only counts are shipped, no text. Sources in the `test`"
        " split of",
        "`fixtures/spin/negatives.jsonl.gz` are NOT counted (held out): "
        + ", ".join(f"`{s}`" for s in sorted(held_out)) + ".",
        "",
        f"Total: **{total:,} words** counted; {n_uni:,} unigrams kept (top {VOCAB_SIZE:,},"
        " count >= 2);",
        f"{n_bi:,} adjacent bigrams kept (both words in the vocabulary, count >= {threshold});",
        f"{n_skip:,} skip-2 pairs of content words (`context_skip2.tsv.gz`, same pruning).",
        "",
        "The mix leans on law, 19th-century literature and translations, and software",
        "documentation: it is a lexical/contextual reference, not a news-frequency list.",
        "",
        "| genre | source | words counted | licence | origin (examples) |",
        "|---|---|---:|---|---|",
    ]
    for g in sorted(by_genre):
        for s in sorted(by_genre[g], key=lambda s: -words_by_source[s]):
            _, lic, urls = meta[s]
            lines.append(f"| {g} | `{s}` | {words_by_source[s]:,} | {lic} | {sorted(urls)[0]} |")
    lines.append("")
    (OUT_DIR / "CONTEXT_SOURCES.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
