"""Near-duplicates: articles' texts in, MinHash signatures and groups of
syndicated copies and reprints (the same article with small edits) out, found
with LSH. Each group is named by its earliest article, the one a search shows.
"""
from __future__ import annotations

import re

import numpy as np

NUM_PERM = 64
THRESHOLD = 0.7  # estimated Jaccard similarity of word 3-shingles
SHINGLE = 3
SCHEME = "affine32"  # datasketch's hashing scheme: stored signatures are only comparable within one
WORD = re.compile(r"\w+")


def signature(text: str) -> bytes | None:
    """The text's MinHash values, or None when it is too short to call anything a copy of it."""
    from datasketch import MinHash  # imported here: slow to import, and only reindex needs it

    words = WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]).encode() for i in range(max(0, len(words) - SHINGLE + 1))}
    if len(shingles) < 5:
        return None
    sig = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    sig.update_batch(list(shingles))
    return sig.hashvalues.astype(np.uint64).tobytes()


def group(items: list[tuple[str, str, bytes | None]]) -> dict[str, tuple[str, int]]:
    """(id, sortable date, signature) -> id: (group id, other copies in the group).

    A lone article is its own group; a group is named by its earliest member."""
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    parent = {item_id: item_id for item_id, _, _ in items}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for item_id, _, sig in items:
        if sig is None:
            continue
        minhash = LeanMinHash(seed=1, hashvalues=np.frombuffer(sig, dtype=np.uint64), scheme=SCHEME)
        for other in lsh.query(minhash):
            parent[root(other)] = root(item_id)
        lsh.insert(item_id, minhash)
    members: dict[str, list[tuple[str, str]]] = {}
    for item_id, date, _ in items:
        members.setdefault(root(item_id), []).append((item_id, date))
    out = {}
    for group_items in members.values():
        first = min(group_items, key=lambda m: (m[1] == "", m[1], m[0]))[0]
        for item_id, _ in group_items:
            out[item_id] = (first, len(group_items) - 1)
    return out
