"""Build the compact lexicon the spin detector ships (src/cleannews/score/data/lexicon_*.gz).

Build time only (``pip install -e ".[train]"`` and ``apt-get install mythes-fr``)::

    python tools/spin/build_tables.py    (one step of ``python -m tools.spin.build``)

One entry per word form (``lexicon_words.txt.gz``, one word a line) and an
aligned little-endian uint64 array (``lexicon_packed.u64.gz``) packing:

* ``zipf10``: wordfreq's French Zipf frequency x 10 (0 = unknown);
* ``flags``: bit set of readings from DELA (see ``FLAG_BITS``) plus h-aspiré;
* ``gap10``: how much more frequent (Zipf x 10) the most common synonym of
  the word is, over the detector's half ("A") of the thesaurus pairs only.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import DATA_DIR, DELA, H_ASPIRE, read_mythes, split_of

FLAG_BITS = {
    "N": 1,
    "A": 2,
    "V": 4,
    "ADV": 8,
    "PREP": 16,
    "OTHER": 32,
    "NM": 64,
    "NF": 128,
    "NS": 256,
    "NP": 512,
    "AM": 1024,
    "AF": 2048,
    "AS": 4096,
    "AP": 8192,
    "VINF": 16384,
    "VPP": 32768,
    "VFIN": 65536,
    "HASP": 131072,
    "VPPR": 262144,
}
#: In the h-aspiré list but elided in standard French ("d’hier", "l’héroïne").
H_MUET_DESPITE_LIST = {
    "hier",
    "avant-hier",
    "héroïne",
    "héroïnes",
    "héroïque",
    "héroïques",
    "héroïquement",
    "héroïsme",
}
#: Common h-aspiré verb forms missing from the list ("se hisser", "en hurlant").
H_ASPIRE_EXTRA = {
    "hisser",
    "hisse",
    "hissent",
    "hissée",
    "hissés",
    "hissées",
    "hissait",
    "hissant",
    "hurler",
    "hurle",
    "hurlent",
    "hurlé",
    "hurlait",
    "hurlant",
    "harceler",
    "harcèle",
    "harcelé",
    "harcelée",
    "harcelés",
    "hocher",
    "hoche",
    "hérisser",
    "hérisse",
    "hérissé",
    "hausse",
    "haussé",
    "heurté",
    "heurte",
    "heurtent",
    "hanté",
    "hantée",
    "hante",
}
MIN_ZIPF_KEEP = 1.0
MIN_ZIPF_WORDFREQ_ONLY = 2.0


def dela_entries(path: Path = DELA):
    """The single-word entries of a DELA dictionary as ``(form, lemma, pos, inflection
    codes)``; lines with an escaped character are skipped.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile("w", suffix=".dic", delete=False) as fh:
    ...     _ = fh.write("chats,chat.N+z1:mp\\npomme de terre,.N:fs\\n")
    >>> list(dela_entries(Path(fh.name)))
    [('chats', 'chat', 'N', ['mp'])]
    """
    for line in path.open(encoding="utf-8"):
        line = line.rstrip("\n")
        if "\\" in line:
            continue
        form, _, rest = line.partition(",")
        if not form or " " in form:
            continue
        lemma, _, tag = rest.partition(".")
        pos_feat, *infl = tag.split(":")
        yield form, lemma, pos_feat.split("+")[0], infl


def dela_flags(path: Path = DELA) -> tuple[dict[str, int], dict[str, set[str]]]:
    """form -> flag bits, and form -> lemmas (single-word entries only)."""
    flags: dict[str, int] = defaultdict(int)
    lemmas: dict[str, set[str]] = defaultdict(set)
    for form, lemma, pos, infl in dela_entries(path):
        key = form.lower()
        f = 0
        if pos in ("N", "A"):
            f |= FLAG_BITS[pos]
            for code in infl:
                for feature in "mfsp":  # gender m/f, number s/p: NM, NF, NS, NP, AM …
                    if feature in code:
                        f |= FLAG_BITS[pos + feature.upper()]
        elif pos == "V":
            f |= FLAG_BITS["V"]
            for code in infl:
                if code.startswith("W"):
                    f |= FLAG_BITS["VINF"]
                elif code.startswith("K"):
                    f |= FLAG_BITS["VPP"]
                elif code.startswith("G"):
                    f |= FLAG_BITS["VPPR"]
                else:
                    f |= FLAG_BITS["VFIN"]
        elif pos == "ADV":
            f |= FLAG_BITS["ADV"]
        elif pos == "PREP":
            f |= FLAG_BITS["PREP"]
        else:
            f |= FLAG_BITS["OTHER"]
        flags[key] |= f
        lemmas[key].add((lemma or form).lower())
    return dict(flags), dict(lemmas)


def synonym_gaps(zipf: dict[str, float]) -> dict[str, float]:
    """word -> max(Zipf of a synonym) - Zipf(word), over detector-split ("A") pairs only."""
    th = read_mythes()
    neighbours: dict[str, set[str]] = defaultdict(set)
    for head, senses in th.items():
        for _pos, syns in senses:
            for s in syns:
                if split_of(head, s) == "A":
                    neighbours[head].add(s)
                    neighbours[s].add(head)
    gaps = {}
    for w, nb in neighbours.items():
        zw = zipf.get(w, 0.0)
        best = max(zipf.get(n, 0.0) for n in nb)
        gaps[w] = best - zw
    return gaps


def write_packed(rows: list[str]) -> None:
    """Write the fast-loading form: a word list and an aligned array of packed uint64.

    Packed value = zipf10 | gap10 << 7 | flags << 14 (see cleannews.score._lexicon).
    """
    from array import array

    words, values = [], array("Q")
    for row in rows:
        w, z, f, g = row.split("\t")
        words.append(w)
        values.append(int(z) | (int(g) << 7) | (int(f) << 14))
    if sys.byteorder != "little":
        values.byteswap()
    # mtime=0: the same tables give the same bytes (no churn in git)
    (DATA_DIR / "lexicon_words.txt.gz").write_bytes(
        gzip.compress("\n".join(words).encode("utf-8"), compresslevel=9, mtime=0)
    )
    (DATA_DIR / "lexicon_packed.u64.gz").write_bytes(
        gzip.compress(values.tobytes(), compresslevel=9, mtime=0)
    )


def main() -> None:
    import wordfreq

    freq = wordfreq.get_frequency_dict("fr")
    flags, lemmas = dela_flags()
    with gzip.open(H_ASPIRE, "rt", encoding="utf-8") as fh:
        h_aspire = {w.strip().lower() for w in fh if w.strip()}
    h_aspire = (h_aspire - H_MUET_DESPITE_LIST) | H_ASPIRE_EXTRA

    def z(w: str) -> float:
        return wordfreq.zipf_frequency(w, "fr")

    vocab: dict[str, float] = {}
    for w in flags:
        zw = z(w)
        if zw >= MIN_ZIPF_KEEP:
            vocab[w] = zw
    for w in freq:
        if w not in vocab and w.isalpha():
            zw = z(w)
            if zw >= MIN_ZIPF_WORDFREQ_ONLY:
                vocab[w] = zw
    th_words = set()
    for head, senses in read_mythes().items():
        th_words.add(head)
        for _p, syns in senses:
            th_words.update(syns)
    for w in th_words:
        if w not in vocab:
            vocab[w] = z(w)
    for w in h_aspire:
        vocab.setdefault(w, z(w))
    gaps = synonym_gaps(vocab)
    # inflected forms inherit the gap of their lemma
    rows = []
    for w in sorted(vocab):
        f = flags.get(w, 0)
        if w in h_aspire:
            f |= FLAG_BITS["HASP"]
        g = gaps.get(w)
        if g is None:
            cands = [gaps[lem] for lem in lemmas.get(w, ()) if lem in gaps and lem != w]
            g = max(cands) if cands else None
        g10 = 0 if g is None else max(1, min(99, round(g * 10) + 50))
        rows.append(f"{w}\t{round(vocab[w] * 10)}\t{f}\t{g10}")
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    write_packed(rows)
    out = DATA_DIR / "lexicon_words.txt.gz"
    (DATA_DIR / "lexicon_flags.json").write_text(json.dumps(FLAG_BITS, indent=1) + "\n")
    print(f"{len(rows)} rows -> {out} ({out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
