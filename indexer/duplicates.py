"""Near-duplicates: articles' texts in, groups of syndicated copies and
reprints (the same article with small edits) out, found with MinHash LSH.
Each group is named by its earliest article, the one a search shows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


NUM_PERM = 64
THRESHOLD = 0.7  # estimated Jaccard similarity of word 3-shingles
SHINGLE = 3
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    date: str  # sortable: published date or year, "" when unknown


def signature(text: str):
    words = WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]).encode() for i in range(max(0, len(words) - SHINGLE + 1))}
    if len(shingles) < 5:
        return None  # too short to call anything a copy of it
    from datasketch import MinHash  # imported here: it is slow to import and only reindex needs it

    sig = MinHash(num_perm=NUM_PERM, seed=1)
    sig.update_batch(list(shingles))
    return sig


def earliest(item: Item) -> tuple:
    return (item.date == "", item.date, item.id)


def group(items: list[Item]) -> dict[str, tuple[str, int]]:
    """id -> (group id, number of other copies in the group); a lone article is its own group."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    parent = {item.id: item.id for item in items}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for item in items:
        sig = signature(item.text)
        if sig is None:
            continue
        for other in lsh.query(sig):
            parent[root(other)] = root(item.id)
        lsh.insert(item.id, sig)
    members: dict[str, list[Item]] = {}
    for item in items:
        members.setdefault(root(item.id), []).append(item)
    out = {}
    for group_items in members.values():
        first = min(group_items, key=earliest).id
        for item in group_items:
            out[item.id] = (first, len(group_items) - 1)
    return out
