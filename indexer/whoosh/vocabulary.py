"""A segment's words of one field, read at once from its terms file and kept while the process lives
(segments never change): a segment reader and a field in, the words out, in the term dictionary's
order; and the words within some edits of a word, which is what a word~ stands for.

Whoosh finds a word~'s words by walking a Levenshtein automaton through the term dictionary in
Python, some 15 ms a field and segment; here rapidfuzz's C code compares the word with the run of
sorted words that start as it does.
"""
from __future__ import annotations

import threading
from bisect import bisect_left
from collections import OrderedDict

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

KEPT = 512  # (segment, field) word lists kept: a few generations of a large index's segments
INDEX_TYPES = {"B": ">u1", "H": ">u2", "i": ">i4", "I": ">u4", "q": ">i8"}
LAST_CHARACTER = chr(0x10FFFF)


class SegmentWords:
    """One field's words in one segment, in the term dictionary's order."""

    def __init__(self, words: list[str]):
        self.words = words

    def within(self, word: str, maxdist: int, prefix: int) -> list[str]:
        """The words that start with `word`'s first `prefix` letters and are at most `maxdist`
        insertions, deletions and substitutions from it, in the dictionary's order: the words
        Whoosh's FuzzyTerm finds (a shared start never changes a Levenshtein distance)."""
        start = word[:prefix]
        words = self.words
        if start:  # the words that start so are a run of the sorted list
            words = words[bisect_left(words, start) : bisect_left(words, start + LAST_CHARACTER)]
        return [choice for choice, _, _ in process.extract_iter(
            word, words, scorer=Levenshtein.distance, score_cutoff=maxdist)]


_kept: OrderedDict[tuple, SegmentWords] = OrderedDict()
_lock = threading.Lock()


def segment_words(reader, fieldname: str) -> SegmentWords:
    """`fieldname`'s words in the segment `reader` reads, read once per process."""
    segment = reader.segment()
    key = (segment.segment_id(), segment.doc_count_all(), fieldname)
    with _lock:
        words = _kept.get(key)
        if words is not None:
            _kept.move_to_end(key)
            return words
    words = SegmentWords(field_words(reader, fieldname))
    with _lock:
        _kept[key] = words
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return words


def field_words(reader, fieldname: str) -> list[str]:
    """Every word of `fieldname` in the segment, in order: straight from the terms file's buffer
    where the file is one (its ordered-key index says where every key starts), else through
    Whoosh's lexicon."""
    terms = getattr(reader, "_terms", None)
    table = getattr(terms, "_tindex", None)
    buffer = getattr(getattr(table, "dbfile", None), "_buf", None)
    number = getattr(terms, "_fieldmap", {}).get(fieldname)
    if number is None and terms is not None and hasattr(terms, "_fieldmap"):
        return []  # no word of the field in this segment
    if buffer is None or table.extras.get("indextype") not in INDEX_TYPES:
        return [w.decode("utf-8") if isinstance(w, bytes) else w for w in reader.lexicon(fieldname)]
    data = np.frombuffer(buffer, dtype=np.uint8)
    positions = np.frombuffer(buffer, dtype=INDEX_TYPES[table.extras["indextype"]],
                              count=table.indexlen, offset=table.indexbase)
    # A record: key length (4 bytes, big-endian), value length (4), key; a key: field number (2), word.
    field_at = lambda i: int(data[positions[i] + 8]) << 8 | int(data[positions[i] + 9])  # noqa: E731
    first = bisect_left(range(len(positions)), number, key=field_at)
    last = bisect_left(range(len(positions)), number + 1, key=field_at)
    positions = positions[first:last].astype(np.int64)
    key_lengths = (data[positions].astype(np.int64) << 24 | data[positions + 1].astype(np.int64) << 16
                   | data[positions + 2].astype(np.int64) << 8 | data[positions + 3])
    starts, lengths = positions + 10, key_lengths - 2
    return _joined_words(data, starts, lengths) or [
        bytes(buffer[p : p + n]).decode("utf-8") for p, n in zip(starts.tolist(), lengths.tolist())]


def _joined_words(data: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> list[str] | None:
    """The words at `starts` copied into one buffer, a newline after each, and decoded at once: a
    decode per word costs more than reading the file. None if a word holds a newline itself."""
    if not len(starts):
        return []
    spans = lengths + 1
    ends = np.cumsum(spans)
    offsets = np.repeat(starts - (ends - spans), spans)
    joined = data[np.arange(int(ends[-1])) + offsets]
    joined[ends - 1] = 10
    if np.count_nonzero(joined == 10) != len(starts):
        return None
    words = joined.tobytes().decode("utf-8").split("\n")
    words.pop()
    return words
