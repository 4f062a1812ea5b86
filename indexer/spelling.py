"""Did-you-mean: the archive's words in (once per index generation); for a word the archive does
not hold, the word it most likely meant out: within two edits (a swap of two neighbouring letters
counts as one), same first letter, the nearest first, then the one in most articles.

Words are kept in buckets by first letter and length, so a lookup compares the word with the few
thousand words of five buckets in rapidfuzz's C code, never with the whole vocabulary; how many
articles hold a word is asked only for the few candidates that are near enough.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

MAX_EDITS = 2
MIN_LENGTH = 4  # shorter words are too often right as typed (`ibm`, `tss`) to correct


class Speller:
    """Read-only once built, so the threads of a server share one per generation."""

    def __init__(self, words: Iterable[str], max_edits: int = MAX_EDITS):
        self.max_edits = max_edits
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in words:
            if word:
                buckets[word[0], len(word)].append(word)
        self.buckets = dict(buckets)
        self.size = sum(len(b) for b in self.buckets.values())

    def __len__(self) -> int:
        return self.size

    def suggest(self, word: str, frequency: Callable[[str], int]) -> str | None:
        """The nearest word the archive holds (`frequency(w)`: in how many articles), or None when
        `word` is held, short, or more than `max_edits` from every word."""
        if len(word) < MIN_LENGTH or frequency(word):
            return None
        near: list[tuple[int, str]] = []
        for length in range(len(word) - self.max_edits, len(word) + self.max_edits + 1):
            bucket = self.buckets.get((word[0], length))
            if bucket:
                near += [(distance, bucket[k]) for _, distance, k in
                         process.extract_iter(word, bucket, scorer=OSA.distance, score_cutoff=self.max_edits)]
        # a word that only deleted articles held is still listed by some engines: no help
        counted = [(distance, -count, w) for distance, w in near if (count := frequency(w)) > 0]
        return min(counted)[2] if counted else None
