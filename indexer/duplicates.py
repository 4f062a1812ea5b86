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
    return sig.hashvalues.astype(np.uint64).tobytes()


def group(items: list[tuple[str, str, bytes | None]]) -> dict[str, tuple[str, int]]:
    """(id, sortable date, signature) -> id: (group id, other copies in the group).

    Locality-sensitive hashing by bands of the signature, in numpy: two articles that share a
    band are compared, and joined when their estimated similarity reaches THRESHOLD. A lone
    article is its own group; a group is named by its earliest member."""
    parent = list(range(len(items)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    signed = [n for n, (_, _, sig) in enumerate(items) if sig is not None]
    if signed:
        sigs = np.frombuffer(b"".join(items[n][2] for n in signed), dtype=np.uint64).reshape(len(signed), NUM_PERM)
        for band in range(NUM_PERM // ROWS):
            values = sigs[:, band * ROWS : (band + 1) * ROWS]
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
            rows = np.nonzero(first != np.arange(len(signed)))[0]
            similar = np.count_nonzero(sigs[rows] == sigs[first[rows]], axis=1) >= THRESHOLD * NUM_PERM
            for row, other in zip(rows[similar].tolist(), first[rows[similar]].tolist()):
                parent[root(signed[row])] = root(signed[other])
    members: dict[int, list[int]] = {}
    for n in range(len(items)):
        members.setdefault(root(n), []).append(n)
    out = {}
    for group_items in members.values():
        first = min(group_items, key=lambda n: (items[n][1] == "", items[n][1], items[n][0]))
        for n in group_items:
            out[items[n][0]] = (items[first][0], len(group_items) - 1)
    return out
