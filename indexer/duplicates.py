"""Near-duplicates: articles' texts in, MinHash signatures and groups of
syndicated copies and reprints (the same article with small edits) out, found
with LSH. Each group is named by its earliest article, the one a search shows.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

NUM_PERM = 64
THRESHOLD = 0.7  # estimated Jaccard similarity of word 3-shingles
SHINGLE = 3
ROWS = 4  # signature values per LSH band: 16 bands of 4 find pairs from about 0.5 similar up
SCHEME = "affine32"  # datasketch's hashing scheme: stored signatures are only comparable within one
WORD = re.compile(r"\w+")
MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5], dtype=np.uint64)


@lru_cache(maxsize=1)
def permutations():
    """The seeded hash permutations every signature uses: drawn once, not once per article."""
    from datasketch import MinHash  # imported here: slow to import, and only reindex needs it

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def signature(text: str) -> bytes | None:
    """The text's MinHash values, or None when it is too short to call anything a copy of it."""
    from datasketch import MinHash

    words = WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]).encode() for i in range(max(0, len(words) - SHINGLE + 1))}
    if len(shingles) < 5:
        return None
    sig = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=permutations())
    sig.update_batch(list(shingles))
    return sig.hashvalues.astype(np.uint32).tobytes()  # the affine32 scheme's values fit 32 bits


def group(ids: list[str], dates: list[str], signatures: np.ndarray, signed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Articles in columns (ids, sortable dates, MinHash signatures as rows of a (n, NUM_PERM) array,
    whether each has one) -> for each row, the row that names its group and how many other copies
    the group has.

    Locality-sensitive hashing by bands of the signature, in numpy: two articles that share a
    band are compared, and joined when their estimated similarity reaches THRESHOLD. A lone
    article is its own group; a group is named by its earliest member."""
    parent = list(range(len(ids)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    rows = np.nonzero(signed)[0]
    if len(rows):
        sigs = signatures[rows]
        for band in range(NUM_PERM // ROWS):
            # a band at a time in 64 bits: the whole signature array in 64 bits would double its memory
            values = sigs[:, band * ROWS : (band + 1) * ROWS].astype(np.uint64)
            # Each article is compared with the first article that shares this band with it: found
            # by sorting one 64-bit mix of the band's values, checked against the values themselves.
            with np.errstate(over="ignore"):
                mixed = (values * MIX[: values.shape[1]]).sum(axis=1, dtype=np.uint64)
            _, first_index, inverse = np.unique(mixed, return_index=True, return_inverse=True)
            first = first_index[inverse]
            if not np.array_equal(values, values[first]):  # two bands mixed alike: sort the values
                keys = np.ascontiguousarray(values).view(np.dtype((np.void, ROWS * 8))).ravel()
                _, first_index, inverse = np.unique(keys, return_index=True, return_inverse=True)
                first = first_index[inverse]
            candidates = np.nonzero(first != np.arange(len(rows)))[0]
            similar = np.count_nonzero(sigs[candidates] == sigs[first[candidates]], axis=1) >= THRESHOLD * NUM_PERM
            for row, other in zip(rows[candidates[similar]].tolist(), rows[first[candidates[similar]]].tolist()):
                parent[root(row)] = root(other)
    roots = np.array([root(n) for n in range(len(ids))], dtype=np.int64)
    leaders, copies = np.arange(len(ids)), np.zeros(len(ids), np.int64)
    _, inverse, counts = np.unique(roots, return_inverse=True, return_counts=True)
    members: dict[int, list[int]] = {}
    for n in np.nonzero(counts[inverse] > 1)[0].tolist():  # only groups of copies: most articles are alone
        members.setdefault(int(roots[n]), []).append(n)
    for group_rows in members.values():
        first = min(group_rows, key=lambda n: (dates[n] == "", dates[n], ids[n]))
        leaders[group_rows] = first
        copies[group_rows] = len(group_rows) - 1
    return leaders, copies
