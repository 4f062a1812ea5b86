"""Did-you-mean: the archive's words, each with how many articles hold it, in; for a word the
archive does not hold, the word it most likely meant out: within two edits (a swap of two
neighbouring letters counts as one), same first letter, the nearest first, then the commonest.

Words are kept in buckets by first letter and length, so a lookup compares the word with the few
thousand words of five buckets in rapidfuzz's C code, never with the whole vocabulary.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

MAX_EDITS = 2
MIN_LENGTH = 4  # shorter words are too often right as typed (`ibm`, `tss`) to correct


class Speller:
    """Built once per index generation from its vocabulary; read-only afterwards, so threads share it."""

    def __init__(self, words: Iterable[tuple[str, int]], max_edits: int = MAX_EDITS):
        self.max_edits = max_edits
        buckets: dict[tuple[str, int], tuple[list[str], list[int]]] = defaultdict(lambda: ([], []))
        self.frequency: dict[str, int] = {}
        for word, frequency in words:
            if not word or not frequency:
                continue
            self.frequency[word] = frequency
            bucket = buckets[word[0], len(word)]
            bucket[0].append(word)
            bucket[1].append(frequency)
        self.buckets = dict(buckets)

    def __len__(self) -> int:
        return len(self.frequency)

    def knows(self, word: str) -> bool:
        return word in self.frequency

    def suggest(self, word: str) -> str | None:
        """The nearest word the archive holds, or None when `word` is held, short or too far from all."""
        if len(word) < MIN_LENGTH or word in self.frequency:
            return None
        best: tuple[int, int, str] | None = None
        for length in range(len(word) - self.max_edits, len(word) + self.max_edits + 1):
            bucket = self.buckets.get((word[0], length))
            if not bucket:
                continue
            words, frequencies = bucket
            for _, distance, k in process.extract_iter(word, words, scorer=OSA.distance, score_cutoff=self.max_edits):
                key = (distance, -frequencies[k], words[k])
                if best is None or key < best:
                    best = key
        return best[2] if best else None
