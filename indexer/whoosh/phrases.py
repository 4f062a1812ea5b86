"""Exact phrases matched with less work: a phrase's words in, the documents
where they stand side by side out, scored as Whoosh scores a Phrase (the sum
of its words' BM25F scores, added in the same order).

Whoosh steps through every document holding all the words, all lists in
turn, decodes each word's positions there (pickled, in Python), and then reads
the lists again to score. Here a two-word phrase with a stop word is its common
pair's list (its words' weights counted in the documents' hashed terms where those
are few against the words' lists); any other is narrowed to the documents of its shortest lists (words
and pairs) and checked in their hashed terms (sequences.py), all at once in numpy,
each word's weight counted there too. Fields without hashed terms go through the
positions, rarest word first.
"""
from __future__ import annotations

from bisect import bisect_left

import numpy as np
from whoosh import matching
from whoosh.query import Phrase

from ..analysis import common_pairs
from . import sequences
from .schema import PAIRS_OF
from .postings import posting_arrays, raw_postings


def phrase_matches(reader, fieldname: str, btexts: list[bytes], field_format,
                   frequency: dict[bytes, int] | None = None) -> dict[int, list[float]]:
    """The documents of one segment where the words stand in this order, side by side, each with
    every word's weight there (its frequency: what scoring needs), read from their positions, for a
    field without hashed terms (column_matches is quicker where they are).

    Rarest word first; a document stays in play while some start position fits every word read so
    far, so the common words' lists are read only where the phrase may still stand. `frequency` is
    each term's document frequency in the segment, when known."""
    decode = field_format.decode_positions
    frequency = frequency or {btext: reader.doc_frequency(fieldname, btext) for btext in set(btexts)}
    order = sorted(range(len(btexts)), key=lambda i: frequency[btexts[i]])
    rarest = order[0]
    matcher = raw_postings(reader, fieldname, btexts[rarest])
    first: dict[int, tuple[bytes, float]] = {}  # the rarest word's documents: positions not yet decoded
    while matcher.is_active():
        first[matcher.id()] = (matcher.value(), matcher.weight())
        matcher.next()
    found: dict[int, tuple[set[int], list[float]]] = {}  # document -> possible starts, weights by word
    for n, word in enumerate(order[1:]):
        matcher = raw_postings(reader, fieldname, btexts[word])
        if not matcher.is_active():
            return {}
        kept = {}
        for docnum in first if n == 0 else found:  # in document order: filled in that order
            if matcher.id() < docnum:
                matcher.skip_to(docnum)
                if not matcher.is_active():
                    break
            if matcher.id() != docnum:
                continue
            if n == 0:
                value, weight = first[docnum]
                starts = {position - rarest for position in decode(value)}
                weights = [0.0] * len(btexts)
                weights[rarest] = weight
            else:
                starts, weights = found[docnum]
            starts.intersection_update(position - word for position in decode(matcher.value()))
            if starts:
                weights[word] = matcher.weight()
                kept[docnum] = (starts, weights)
        found = kept
        if not found:
            return {}
    # The lists include deleted documents (raw_postings): they are dropped once, here.
    if reader.has_deletions():
        return {docnum: weights for docnum, (_, weights) in found.items() if not reader.is_deleted(docnum)}
    return {docnum: weights for docnum, (_, weights) in found.items()}


def live_documents(reader, docs: np.ndarray) -> np.ndarray:
    """The documents of `docs` the segment has not deleted (lists and pairs include the deleted)."""
    if not reader.has_deletions():
        return docs
    return np.array([d for d in docs.tolist() if not reader.is_deleted(d)], dtype=np.int64)


def word_counts(seqs: sequences.Sequences, docs: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """How many times each wanted hash stands in each of the documents (rows: docs, columns: wanted)."""
    distinct, which = np.unique(wanted, return_inverse=True)
    if len(distinct) <= FEW_WORDS:  # a pass over every hash read per word: cheaper than placing each hash
        counts = np.empty((len(docs), len(distinct)), dtype=np.int64)
        for n, wanted_hash in enumerate(distinct.tolist()):
            owner = np.searchsorted(seqs.starts, np.flatnonzero(seqs.hashes == wanted_hash), side="right") - 1
            counts[:, n] = np.bincount(owner, minlength=len(seqs.starts))[docs]
        return counts[:, which.reshape(-1)]
    starts, lengths = seqs.starts[docs], seqs.lengths[docs]
    # the documents' hashes end to end: each one's start, repeated over its length, plus the offset within
    owner = np.repeat(np.arange(len(docs)), lengths)
    offset = np.arange(len(owner)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    hashes = seqs.hashes[starts[owner] + offset]
    slot = np.minimum(np.searchsorted(distinct, hashes), len(distinct) - 1)
    hit = distinct[slot] == hashes
    counts = np.bincount(owner[hit] * len(distinct) + slot[hit], minlength=len(docs) * len(distinct))
    return counts.reshape(len(docs), len(distinct))[:, which.reshape(-1)]


# Up to this many distinct words, word_counts counts each in one pass over the documents' hashes.
FEW_WORDS = 4


def column_matches(reader, btexts: list[bytes], column, docs: np.ndarray, boost: float) -> dict[int, list[float]]:
    """The documents of `docs` where the words stand in this order, side by side, each with every
    word's weight there, found in their hashed terms (sequences.py) alone: no positions decoded. For
    the documents a phrase's common pairs leave, which can be thousands: a phrase of common words."""
    docs = live_documents(reader, docs)
    docnums = docs.tolist()
    seqs = sequences.read(column, docnums)
    if not len(seqs.hashes):
        return {}
    words = [btext.decode("utf-8") for btext in btexts]
    ends = seqs.starts + seqs.lengths
    kept = {}
    for salt in np.unique(seqs.salts).tolist():  # nearly always one: 0
        wanted = np.array([sequences.term_hash(word, salt) for word in words], dtype=sequences.HASH)
        # every place the first word stands, kept while each next word stands after it in the same document
        at = np.flatnonzero(seqs.hashes == wanted[0])
        owner = np.searchsorted(seqs.starts, at, side="right") - 1
        fits = (seqs.salts[owner] == salt) & (at + len(words) <= ends[owner])
        at, owner = at[fits], owner[fits]
        for n in range(1, len(words)):
            fits = seqs.hashes[at + n] == wanted[n]
            at, owner = at[fits], owner[fits]
        if not len(owner):
            continue
        kept.update(weights_in(seqs, np.unique(owner), docnums, words, boost))
    return dict(sorted(kept.items()))


def weights_in(seqs: sequences.Sequences, rows: np.ndarray, docnums: list[int], words: list[str],
               boost: float) -> dict[int, list[float]]:
    """Each word's weight (its count, times the field's boost, as the Positions format weighs it) in
    the documents of these rows, counted in their hashed terms."""
    kept = {}
    salts = seqs.salts[rows]
    for salt in np.unique(salts).tolist():
        at = rows[salts == salt]
        wanted = np.array([sequences.term_hash(word, salt) for word in words], dtype=sequences.HASH)
        for d, row in zip(at.tolist(), word_counts(seqs, at, wanted).tolist()):
            kept[docnums[d]] = [count * 1.0 * boost for count in row]
    return kept


# Lists are intersected, fewest documents first, until this few documents are left: checking them
# costs less than reading another list.
FEW_CANDIDATES = 64
# A list longer than this many times the documents left costs more to read (about 2 µs a document)
# than checking the documents it would drop in their hashed terms (about 8 µs each) saves.
NARROW_RATIO = 4


def phrase_candidates(reader, fieldname: str, btexts: list[bytes], frequency: dict[bytes, int],
                      pairs_field: str | None, words: list[str]) -> np.ndarray:
    """The documents of the segment that may hold the phrase: the shortest list of its words' and its
    common pairs' (analysis.common_pairs: `of the`, `в минске`, indexed in `pairs_field`), narrowed by
    the next shortest while they are short enough to pay for their reading."""
    lists = [(frequency[btext], fieldname, btext) for btext in set(btexts)]
    for _, pair in common_pairs(words) if pairs_field else ():
        encoded = pair.encode("utf-8")
        lists.append((reader.doc_frequency(pairs_field, encoded), pairs_field, encoded))
    lists.sort()
    if not lists[0][0]:  # a pair the segment does not hold
        return np.zeros(0, dtype=np.int64)
    docs = posting_arrays(reader, lists[0][1], lists[0][2])[0]
    for count, field, term in lists[1:]:
        if len(docs) <= FEW_CANDIDATES or count > NARROW_RATIO * len(docs):
            break
        docs = np.intersect1d(docs, posting_arrays(reader, field, term)[0], assume_unique=True)
    return docs


def pair_documents(reader, pairs_field: str, pair: str) -> np.ndarray:
    """The documents holding a common pair: a two-word phrase's matches when it is one."""
    encoded = pair.encode("utf-8")
    if (pairs_field, encoded) not in reader:
        return np.zeros(0, dtype=np.int64)
    return posting_arrays(reader, pairs_field, encoded)[0]


# Counting words in a document's hashed terms costs about as much as reading this many postings of
# their lists (measured at 100k: 13 µs a document against 1.8 µs a posting, positions unpickled).
COLUMN_RATIO = 6


def pair_matches(reader, fieldname: str, btexts: list[bytes], docs: np.ndarray, column,
                 frequency: dict[bytes, int], boost: float) -> dict[int, list[float]]:
    """A two-word phrase's matches, `docs` (its pair's documents), each with its words' weights:
    counted in the documents' hashed terms (`column`, None where the segment has none) when they
    are few against the words' lists (`with other`), else read off the lists, a block of them at
    least for each document (`and the`). `frequency` is each word's document frequency in the segment."""
    docs = live_documents(reader, docs)
    read = sum(min(frequency[btext], BLOCK * len(docs)) for btext in set(btexts))
    if column is not None and len(docs) and read > COLUMN_RATIO * len(docs):
        docnums = docs.tolist()
        seqs = sequences.read(column, docnums)
        words = [btext.decode("utf-8") for btext in btexts]
        return dict(sorted(weights_in(seqs, np.arange(len(docnums)), docnums, words, boost).items()))
    columns = [weights_at(reader, fieldname, btext, docs) for btext in btexts]
    return {docnum: list(weights) for docnum, weights in zip(docs.tolist(), zip(*columns))}


BLOCK = 128  # postings in a block of Whoosh 3's lists: what reading the one a document is in decodes


def weights_at(reader, fieldname: str, btext: bytes, docs: np.ndarray) -> list[float]:
    """The term's weight in each of `docs` (all of which hold it): skipped to where they are few
    against its list, else read off the whole list at once."""
    if len(docs) * 16 < reader.doc_frequency(fieldname, btext):
        matcher, found = raw_postings(reader, fieldname, btext), []
        for docnum in docs.tolist():
            matcher.skip_to(docnum)
            found.append(matcher.weight())
        return found
    ids, weights = posting_arrays(reader, fieldname, btext)
    return weights[np.searchsorted(ids, docs)].tolist()


def tree_sum(scores: list[float]) -> float:
    """The sum as Whoosh's binary tree of intersection matchers adds it (make_binary_tree), so that
    a phrase scores to the last bit what Whoosh's Phrase scores."""
    if len(scores) == 1:
        return scores[0]
    half = len(scores) // 2
    return tree_sum(scores[:half]) + tree_sum(scores[half:])


class WordMatcher(matching.Matcher):
    """One word of a phrase, matching wherever the phrase does: what explain's TermsCollector reads."""

    def __init__(self, phrase: ListedMatcher, term: tuple[str, bytes]):
        self._phrase, self._term = phrase, term

    def is_active(self):
        return self._phrase.is_active()

    def id(self):
        return self._phrase.id()

    def term(self):
        return self._term


class ListedMatcher(matching.Matcher):
    """Documents listed with their scores."""

    def __init__(self, docnums: list[int], scores: list[float], terms: list[tuple[str, bytes]]):
        self._docnums, self._scores, self._terms = docnums, scores, terms
        self._i = 0

    def is_active(self):
        return self._i < len(self._docnums)

    def id(self):
        return self._docnums[self._i]

    def score(self):
        return self._scores[self._i]

    def weight(self):
        return self._scores[self._i]

    def next(self):
        self._i += 1

    def skip_to(self, id):
        if self.is_active() and id > self.id():
            self._i = bisect_left(self._docnums, id, self._i)

    def all_ids(self):
        return iter(self._docnums[self._i :])

    def scores(self) -> list[float]:
        """The scores of the documents all_ids() gives, in its order."""
        return self._scores[self._i :]

    def supports(self, astype):
        return False

    def supports_block_quality(self):
        return False

    def replace(self, minquality=0):
        return self if self.is_active() else matching.NullMatcher()

    def copy(self):
        copied = ListedMatcher(self._docnums, self._scores, self._terms)
        copied._i = self._i
        return copied

    def term_matchers(self):
        return [WordMatcher(self, term) for term in self._terms]

    def matching_terms(self, id=None):
        if self.is_active() and (id is None or id == self.id()):
            yield from self._terms


class FastPhrase(Phrase):
    """A Phrase that finds its documents with phrase_documents(); other slops go Whoosh's way."""

    def found(self, searcher) -> tuple[list[bytes], dict[int, list[float]]] | None:
        """The words' terms and, for each document of this (leaf) searcher where the phrase stands,
        each word's weight there; None for a phrase Whoosh must match its own way."""
        fieldname = self.fieldname
        if self.slop != 1 or len(self.words) < 2 or fieldname not in searcher.schema:
            return None
        field = searcher.schema[fieldname]
        if not field.format or not field.format.supports("positions"):
            return None  # Whoosh's own error
        reader = searcher.reader()
        try:
            btexts = [field.to_bytes(word) for word in self.words]
        except ValueError:
            return [], {}
        # each term looked up once (a lookup in each segment's term table per word adds up in a long quote)
        frequency = {btext: reader.doc_frequency(fieldname, btext) for btext in set(btexts)}
        if not all(frequency.values()):  # a word the segment does not hold
            return btexts, {}
        column = sequences.column(reader, fieldname)
        pairs_field = PAIRS_OF.get(fieldname)
        pairs_field = pairs_field if pairs_field in searcher.schema else None
        words = list(self.words)
        pairs = common_pairs(words) if pairs_field else []
        if len(words) == 2 and pairs:  # the pair's documents are the phrase's: no positions to check
            docs = pair_documents(reader, pairs_field, pairs[0][1])
            return btexts, pair_matches(reader, fieldname, btexts, docs, column, frequency, field.format.field_boost)
        if column is None:  # a segment from before the hashed terms: positions are checked
            return btexts, phrase_matches(reader, fieldname, btexts, field.format, frequency=frequency)
        docs = phrase_candidates(reader, fieldname, btexts, frequency, pairs_field, words)
        return btexts, column_matches(reader, btexts, column, docs, field.format.field_boost)

    def matcher(self, searcher, context=None):
        matched = self.found(searcher)
        if matched is None:
            return super().matcher(searcher, context)
        btexts, found = matched
        if not found:
            return matching.NullMatcher()
        fieldname = self.fieldname
        docnums = sorted(found)
        scores = [0.0] * len(docnums)
        weighting = context.weighting if context is not None else searcher.weighting
        if weighting is not None:
            # As Whoosh scores a phrase: each word's score from its own scorer, summed as its tree of
            # intersection matchers sums them, times the phrase's boost.
            scorers = [weighting.scorer(searcher, fieldname, btext) for btext in btexts]
            for n, docnum in enumerate(docnums):
                score = tree_sum([scorer._score(weight, scorer.dfl(docnum))
                                  for scorer, weight in zip(scorers, found[docnum])])
                scores[n] = score * self.boost if self.boost != 1.0 else score
        return ListedMatcher(docnums, scores, [(fieldname, btext) for btext in btexts])
