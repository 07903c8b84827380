"""LSH banding over MinHash signature matrices: candidate pairs by sorting, not by dicts.

Each band of ``r`` MinHash values is folded into one 64-bit key; sorting
the keys of one band puts the documents that share it next to each other.
Memory is a few arrays of ``n_docs`` integers per band, so 100,000
documents band in well under 100 MB.

    >>> import numpy as np
    >>> sig = np.array([[1, 2, 3, 4], [1, 2, 3, 9], [7, 8, 5, 6]], dtype=np.uint32)
    >>> band_pairs(sig, rows=2).tolist()
    [[0, 1]]
"""

from __future__ import annotations

import numpy as np

__all__ = ["MAX_BUCKET", "band_codes", "band_pairs", "candidate_pairs"]

#: Bands of skeleton / word MinHashes (``perms = bands x rows``).
SKELETON_ROWS = 3
WORD_ROWS = 3
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


def band_codes(sig: np.ndarray, rows: int, valid: np.ndarray | None = None) -> np.ndarray:
    """Sorted unique pair codes ``i * n + j`` (``i < j``) of documents sharing a band.

    Pairs stay int64 codes (8 bytes each, not a Python tuple each), merged
    band by band so a pair found in many bands is stored once.
    """
    n, k = sig.shape
    idx = np.arange(n) if valid is None else np.flatnonzero(valid)
    sub = sig[idx]
    acc = np.empty(0, dtype=np.int64)
    for band in range(k // rows):
        keys = _band_keys(sub, band, rows)
        order = np.argsort(keys, kind="stable")
        sk = keys[order]
        brk = np.flatnonzero(np.diff(sk) != 0) + 1
        starts = np.concatenate(([0], brk))
        sizes = np.diff(np.concatenate((starts, [len(sk)])))
        # runs of 2 (the common case): vectorised
        two = starts[sizes == 2]
        a, b = idx[order[two]], idx[order[two + 1]]
        codes = [np.minimum(a, b).astype(np.int64) * n + np.maximum(a, b)]
        for s, size in zip(starts[sizes > 2], sizes[sizes > 2], strict=True):
            members = np.sort(idx[order[s : s + size]]).astype(np.int64)
            if size > MAX_BUCKET:  # star: every member to the first one
                codes.append(members[0] * n + members[1:])
            else:
                ii, jj = np.triu_indices(size, 1)
                codes.append(members[ii] * n + members[jj])
        acc = np.union1d(acc, np.concatenate(codes))
    return acc


def band_pairs(sig: np.ndarray, rows: int, valid: np.ndarray | None = None) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j``, sharing at least one band of ``rows`` values: ``(m, 2)``."""
    return _decode(band_codes(sig, rows, valid), len(sig))


def _decode(codes: np.ndarray, n: int) -> np.ndarray:
    return np.stack((codes // n, codes % n), axis=1) if len(codes) else np.empty(
        (0, 2), dtype=np.int64)


def candidate_pairs(skel: np.ndarray, word: np.ndarray,
                    valid: np.ndarray | None = None) -> np.ndarray:
    """Union of the skeleton-band and word-band candidate pairs: sorted ``(m, 2)`` array."""
    codes = np.union1d(band_codes(skel, SKELETON_ROWS, valid),
                       band_codes(word, WORD_ROWS, valid))
    return _decode(codes, len(skel))
