"""LSH banding over MinHash signature matrices: candidate pairs by sorting, not by dicts.

Each band of ``r`` MinHash values is folded into one 64-bit key; sorting
the keys of one band puts the documents that share it next to each other.
Memory is a few arrays of ``n_docs`` integers per band, so 100,000
documents band in well under 100 MB.

    >>> import numpy as np
    >>> sig = np.array([[1, 2, 3, 4], [1, 2, 3, 9], [7, 8, 5, 6]], dtype=np.uint32)
    >>> sorted(band_pairs(sig, rows=2))
    [(0, 1)]
"""

from __future__ import annotations

import numpy as np

__all__ = ["MAX_BUCKET", "band_pairs", "candidate_pairs"]

#: Bands of skeleton / word MinHashes (``perms = bands x rows``).
SKELETON_ROWS = 3
WORD_ROWS = 2
#: A bucket with more documents than this is linked as a star (member -> first member)
#: instead of all pairs: boilerplate-only pages must not make the candidate set quadratic.
MAX_BUCKET = 50

_MASK64 = (1 << 64) - 1
_FOLD = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                  0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53],
                 dtype=np.uint64)


def _band_keys(sig: np.ndarray, band: int, rows: int) -> np.ndarray:
    """64-bit key of one band for every row of ``sig``."""
    cols = sig[:, band * rows : (band + 1) * rows].astype(np.uint64)
    key = np.full(len(sig), ((band + 1) * int(_FOLD[5])) & _MASK64, dtype=np.uint64)
    for j in range(cols.shape[1]):
        key = (key ^ cols[:, j]) * _FOLD[j % 5]
    return key


def band_pairs(sig: np.ndarray, rows: int, valid: np.ndarray | None = None) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, that share at least one band of ``rows`` values."""
    n, k = sig.shape
    idx = np.arange(n) if valid is None else np.flatnonzero(valid)
    sub = sig[idx]
    pairs: set[tuple[int, int]] = set()
    for band in range(k // rows):
        keys = _band_keys(sub, band, rows)
        order = np.argsort(keys, kind="stable")
        sk = keys[order]
        # starts of runs of equal keys that are at least 2 long
        brk = np.flatnonzero(np.diff(sk) != 0) + 1
        starts = np.concatenate(([0], brk))
        ends = np.concatenate((brk, [len(sk)]))
        for s, e in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
            members = sorted(int(idx[order[t]]) for t in range(s, e))
            if len(members) > MAX_BUCKET:
                head = members[0]
                pairs.update((head, m) for m in members[1:])
                continue
            for a in range(len(members)):
                for b in range(a + 1, len(members)):
                    pairs.add((members[a], members[b]))
    return pairs


def candidate_pairs(skel: np.ndarray, word: np.ndarray,
                    valid: np.ndarray | None = None) -> list[tuple[int, int]]:
    """Union of the skeleton-band and word-band candidate pairs, sorted."""
    pairs = band_pairs(skel, SKELETON_ROWS, valid)
    pairs |= band_pairs(word, WORD_ROWS, valid)
    return sorted(pairs)
