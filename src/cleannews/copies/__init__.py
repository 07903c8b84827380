"""Copies in a batch: near-duplicates, and spun copies linked to their source.

``pip install 'cleannews[copies]'`` (numpy). Three steps:

1. a spin-robust :func:`signature` per document (MinHash of skeleton
   shingles — function words, punctuation, numbers, names around content
   slots — and of ordinary word shingles);
2. LSH banding turns signatures into candidate pairs;
3. each candidate is aligned word by word and classified (``copy``,
   ``spun_copy`` with its source, or dropped as unrelated), with the
   evidence: aligned share, substitution pairs, reason.

    >>> src = ("Le conseil municipal a voté lundi soir le budget de la ville pour l'année "
    ...        "prochaine. La majorité a défendu une hausse modérée des impôts locaux, "
    ...        "tandis que l'opposition a dénoncé un manque de transparence sur les dépenses "
    ...        "de voirie et sur le coût du nouveau stade.")
    >>> spun = ("Le conseil municipal a voté lundi soir le budget de la ville pour l'année "
    ...         "prochaine. La majorité a plaidé une majoration modérée des impôts locaux, "
    ...         "tandis que l'opposition a stigmatisé une carence de limpidité sur les débours "
    ...         "de voirie et sur le coût du nouveau stade.")
    >>> other = "Une tout autre histoire, sans aucun rapport avec le conseil municipal."
    >>> [(l.kind, l.source, l.copy) for l in find_copies([src, other, spun])]
    [('spun_copy', '0', '2')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from cleannews.errors import MissingExtraError

try:  # before _lsh, which needs it too: `run --find-copies` ended in a traceback (audit27)
    import numpy as np
except ImportError as exc:
    raise MissingExtraError("copy detection", "copies", "numpy") from exc

from cleannews.copies._lsh import candidate_pairs
from cleannews.copies._signature import (
    SKELETON_PERMS,
    WORD_PERMS,
    Signature,
    signature,
    signatures,
    skeleton,
    tokens,
)
from cleannews.copies._verify import Verdict, _word_tokens, compare_texts, compare_words, orient
from cleannews.errors import InputError

__all__ = [
    "MIN_WORDS",
    "CopyLink",
    "Signature",
    "clusters",
    "compare_texts",
    "find_copies",
    "link_signatures",
    "signature",
    "signatures",
    "skeleton",
    "tokens",
]

#: Documents with fewer words are never linked (too little text to tell a copy).
MIN_WORDS = 30
#: A candidate whose estimated skeleton and word similarity are both below this is not aligned.
VERIFY_MIN_ESTIMATE = 0.2
#: … nor one whose two word sets share less than this (of the larger set).
VERIFY_MIN_OVERLAP = 0.4
#: Candidate pairs estimated per numpy batch; word lists cached during verification.
ESTIMATE_CHUNK = 50_000
WORDS_CACHE = 1_024


@dataclass
class CopyLink:
    """A verified copy relation between documents ``a`` and ``b`` (ids).

    ``kind`` is ``"copy"`` or ``"spun_copy"``. For a spun copy ``source``
    is the id judged original and ``copy`` the spun one, and
    ``substitutions`` lists ``(source word, substituted word)``. For a
    plain copy ``source`` is the earlier document of the batch.
    """

    a: str
    b: str
    kind: str
    source: str
    copy: str
    aligned_share: float
    substitutions: list[tuple[str, str]] = field(default_factory=list)
    edits: list[tuple[str, str]] = field(default_factory=list)
    direction: float = 0.0
    reason: str = ""

    def to_dict(self) -> dict:
        """JSON-ready form."""
        d = asdict(self)
        d["substitutions"] = [list(p) for p in self.substitutions]
        d["edits"] = [list(p) for p in self.edits]
        return d


def _link(ida: str, idb: str, v: Verdict) -> CopyLink:
    """A :class:`CopyLink` from the verdict on ``(a, b)`` (a is the earlier document)."""
    subs = v.substitutions
    src, cp = ida, idb
    if v.kind == "spun_copy" and v.source == "b":
        src, cp = idb, ida
        subs = [(y, x) for x, y in subs]
    return CopyLink(ida, idb, v.kind or "", src, cp, v.share, subs, v.edits, abs(v.direction),
                    v.reason)


def link_signatures(ids: Sequence[str], sigs: Sequence[Signature],
                    get_text, min_words: int = MIN_WORDS,
                    spin_direction: bool = True,
                    counts: dict[str, int] | None = None) -> list[CopyLink]:
    """Band the signatures, verify the candidates, return the links.

    ``get_text(i)`` returns the text of document ``i``, so callers decide
    how texts are stored (in memory, on disk). ``counts``, when given, is
    filled with the funnel: ``candidates``, ``estimated`` (passed the
    MinHash estimate), ``aligned`` (passed the word-set overlap), ``links``.
    """
    n = len(sigs)
    if n < 2:
        return []
    skel = np.empty((n, SKELETON_PERMS), dtype=np.uint32)
    word = np.empty((n, WORD_PERMS), dtype=np.uint32)
    valid = np.zeros(n, dtype=bool)
    for i, s in enumerate(sigs):
        skel[i], word[i] = s.skeleton, s.words
        valid[i] = s.n_words >= min_words
    pairs = candidate_pairs(skel, word, valid)
    funnel = {"candidates": len(pairs), "estimated": 0, "aligned": 0, "links": 0}
    keep = []
    for start in range(0, len(pairs), ESTIMATE_CHUNK):  # estimates, vectorised
        p = pairs[start : start + ESTIMATE_CHUNK]
        est = np.maximum((skel[p[:, 0]] == skel[p[:, 1]]).mean(axis=1),
                         (word[p[:, 0]] == word[p[:, 1]]).mean(axis=1))
        keep.append(p[est >= VERIFY_MIN_ESTIMATE])
    pairs = np.concatenate(keep) if keep else pairs
    funnel["estimated"] = len(pairs)

    @lru_cache(maxsize=WORDS_CACHE)
    def words_of(i: int) -> tuple[list[str], frozenset[str]]:
        w = _word_tokens(get_text(i))
        return w, frozenset(x.lower() for x in w)

    links = []
    for i, j in pairs.tolist():
        (wa, sa), (wb, sb) = words_of(i), words_of(j)
        if len(sa & sb) < VERIFY_MIN_OVERLAP * max(len(sa), len(sb)):
            continue  # too few words in common to align 60 % of the longer text
        funnel["aligned"] += 1
        v = compare_words(wa, wb)
        if v.kind == "spun_copy" and spin_direction:
            orient(v, get_text(i), get_text(j))
        if v.kind:
            links.append(_link(ids[i], ids[j], v))
    funnel["links"] = len(links)
    if counts is not None:
        counts.update(funnel)
    return links


def find_copies(texts: Iterable[str], ids: Sequence[str] | None = None,
                min_words: int = MIN_WORDS, spin_direction: bool = True) -> list[CopyLink]:
    """Copies and spun copies among ``texts`` (ids default to ``"0"``, ``"1"`` …).

    Each returned :class:`CopyLink` is explained: aligned share,
    substitution pairs (source word → substituted word), other edits, reason.
    ``spin_direction`` lets the spin detector's scores help decide which
    side of a spun pair is the source (slower: two scores per spun pair).
    """
    texts = list(texts)
    ids = [str(i) for i in range(len(texts))] if ids is None else [str(i) for i in ids]
    for k, t in enumerate(texts):
        if not isinstance(t, str):
            where = ids[k] if k < len(ids) else str(k)
            raise InputError(f"document {where}: expected str, got {type(t).__name__} "
                             "(decode bytes first; nothing was linked)")
    if len(ids) != len(texts):
        raise ValueError(f"{len(ids)} ids for {len(texts)} texts")
    if len(set(ids)) != len(ids):
        raise ValueError("document ids must be unique")
    sigs = signatures(texts)
    return link_signatures(ids, sigs, texts.__getitem__, min_words, spin_direction)


def clusters(ids: Sequence[str], links: Iterable[CopyLink]) -> dict[str, dict]:
    """Per document in a link: ``{"cluster", "role", "peers", "source"}``.

    The cluster id is its first document's id (batch order). Roles:
    ``"spun_copy"`` (a spun copy; ``source`` names its source — of two spun
    copies of one article, the article, not the other copy), ``"source"``
    (the source of a spun copy), ``"original"`` (first member of a plain-copy
    cluster), ``"duplicate"`` (a later plain copy).
    """
    order = {d: k for k, d in enumerate(ids)}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links = list(links)
    for link in links:
        ra, rb = find(link.a), find(link.b)
        if ra != rb:
            if order.get(rb, 0) < order.get(ra, 0):
                ra, rb = rb, ra
            parent[rb] = ra
    members: dict[str, list[str]] = {}
    for x in parent:
        members.setdefault(find(x), []).append(x)
    out: dict[str, dict] = {}
    for root, ms in members.items():
        ms.sort(key=lambda d: order.get(d, 0))
        for d in ms:
            out[d] = {"cluster": root, "role": "duplicate" if d != root else "original",
                      "peers": [m for m in ms if m != d], "source": None}
    spun = [li for li in links if li.kind == "spun_copy"]
    copies = {li.copy for li in spun}
    best: dict[str, CopyLink] = {}
    for li in spun:  # a copy's source: prefer one that is not itself a spun copy, then the surest
        cur = best.get(li.copy)
        rank = (li.source not in copies, li.direction)
        if cur is None or rank > (cur.source not in copies, cur.direction):
            best[li.copy] = li
    for c, li in best.items():
        out[c].update(role="spun_copy", source=li.source)
    for li in best.values():
        if out[li.source]["role"] != "spun_copy":
            out[li.source]["role"] = "source"
    return out
