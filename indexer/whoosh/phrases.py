"""Exact phrases matched with less work: a phrase's words in, the documents
where they stand side by side out, scored as Whoosh scores a Phrase (the sum
of its words' BM25F scores, added in the same order).

Whoosh steps through every document holding all the words, all lists in
turn, decodes each word's positions there, and then reads the lists again to
score. This starts from the rarest word, skips through each other word's list
once, only to the documents still in play, keeping the word's weight there;
a document leaves play as soon as no start position fits the words read so far.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from itertools import chain

import numpy as np
from whoosh import matching
from whoosh.query import Phrase

from ..analysis import common_pairs
from . import sequences
from .schema import PAIRS_OF
from .segments import posting_arrays, raw_postings


# A long phrase (a pasted quote) is down to a few documents after its rarest words: the rest of its
# words are checked in those documents' hashed terms (sequences.py), one read each, rather than in
# every word's postings (a block of a common word's list decoded per document and word). Checking
# from the rarest word on, or with fewer words left, was no faster on the bench's phrases: the
# check counts every word of each document that matches (the words' weights).
CHECK_BELOW = 2000  # documents still in play
CHECK_FROM = 3  # words left to check


def phrase_matches(reader, fieldname: str, btexts: list[bytes], field_format, column=None,
                   candidates: set[int] | None = None,
                   frequency: dict[bytes, int] | None = None) -> dict[int, list[float]]:
    """The documents of one segment where the words stand in this order, side by side, each with
    every word's weight there (its frequency: what scoring needs), read in the same pass.

    Rarest word first; a document stays in play while some start position fits every word read so
    far, so the common words' lists are read only where the phrase may still stand. The segment's
    `column` of hashed terms (sequences.column) lets the last words be checked in the few documents
    left instead. Only `candidates` are looked at, when given; `frequency` is each term's document
    frequency in the segment, when known."""
    decode = field_format.decode_positions
    frequency = frequency or {btext: reader.doc_frequency(fieldname, btext) for btext in set(btexts)}
    order = sorted(range(len(btexts)), key=lambda i: frequency[btexts[i]])
    rarest = order[0]
    matcher = raw_postings(reader, fieldname, btexts[rarest])
    first: dict[int, tuple[bytes, float]] = {}  # the rarest word's documents: positions not yet decoded
    if candidates is not None:
        for docnum in sorted(candidates):
            if matcher.id() < docnum:
                matcher.skip_to(docnum)
                if not matcher.is_active():
                    break
            if matcher.id() == docnum:
                first[docnum] = (matcher.value(), matcher.weight())
    else:
        while matcher.is_active():
            first[matcher.id()] = (matcher.value(), matcher.weight())
            matcher.next()
    found: dict[int, tuple[set[int], list[float]]] = {}  # document -> possible starts, weights by word
    for n, word in enumerate(order[1:]):
        left = order[n + 1 :]
        if column is not None and n > 0 and len(left) >= CHECK_FROM and len(found) <= CHECK_BELOW:
            found = verified(found, left, btexts, column, field_format.field_boost)
            break
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


def verified(found: dict[int, tuple[set[int], list[float]]], left: list[int], btexts: list[bytes],
             column, boost: float) -> dict[int, tuple[set[int], list[float]]]:
    """The documents where the words `left` (their places in the phrase) also stand, checked in each
    document's hashed terms at its possible starts: the starts that fit kept, and each word's weight
    counted as the index does (its frequency).

    A document's distinct terms have distinct hashes (sequences.Hasher), so where the phrase stands
    each word's count is exact; it could only be found where it does not stand if a word it lacks
    shared its 32-bit hash with the term in that word's place, every other word in place."""
    docnums = list(found)
    seqs = sequences.read(column, docnums)
    if not len(seqs.hashes):
        return {}
    words = [btexts[i].decode("utf-8") for i in left]
    places = np.array(left, dtype=np.int64)
    kept = {}
    for salt in np.unique(seqs.salts).tolist():  # nearly always one: 0
        docs = np.flatnonzero(seqs.salts == salt)
        wanted = np.array([sequences.term_hash(word, salt) for word in words], dtype=sequences.HASH)
        # every (document, start) still possible, and the positions of the words left from it
        starts_of = [found[docnums[d]][0] for d in docs.tolist()]
        doc = np.repeat(docs, [len(starts) for starts in starts_of])
        start = np.fromiter(chain.from_iterable(starts_of), dtype=np.int64, count=len(doc))
        at = start[:, None] + places[None, :]
        inside = (at >= 0) & (at < seqs.lengths[doc][:, None])
        stands = inside & (seqs.hashes[np.where(inside, seqs.starts[doc][:, None] + at, 0)] == wanted)
        fits = stands.all(axis=1)
        if not fits.any():
            continue
        fitting = defaultdict(set)
        for d, s in zip(doc[fits].tolist(), start[fits].tolist()):
            fitting[d].add(s)
        counts = word_counts(seqs, np.array(sorted(fitting), dtype=np.int64), wanted)
        for d, row in zip(sorted(fitting), counts.tolist()):
            weights = found[docnums[d]][1]
            for i, count in zip(left, row):
                weights[i] = count * 1.0 * boost
            kept[docnums[d]] = (fitting[d], weights)
    return dict(sorted(kept.items()))  # in document order, as found


def word_counts(seqs: sequences.Sequences, docs: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """How many times each wanted hash stands in each of the documents (rows: docs, columns: wanted)."""
    distinct, which = np.unique(wanted, return_inverse=True)
    lengths = seqs.lengths[docs]
    # the documents' hashes end to end: each one's start, repeated over its length, plus the offset within
    owner = np.repeat(np.arange(len(docs)), lengths)
    offset = np.arange(len(owner)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    hashes = seqs.hashes[seqs.starts[docs][owner] + offset]
    slot = np.minimum(np.searchsorted(distinct, hashes), len(distinct) - 1)
    hit = distinct[slot] == hashes
    counts = np.bincount(owner[hit] * len(distinct) + slot[hit], minlength=len(docs) * len(distinct))
    return counts.reshape(len(docs), len(distinct))[:, which.reshape(-1)]


# Pairs are intersected, fewest documents first, until this few documents are left: their positions
# are then quick to check.
FEW_CANDIDATES = 64
# A phrase whose rarest word is in fewer documents of a segment than this is quick from its words'
# lists alone: reading pairs' lists as well would cost more than it saves.
PAIRS_FROM = 1000


def pair_candidates(reader, pairs_field: str, words: list[str]) -> tuple[np.ndarray | None, bool]:
    """The documents holding every common pair of the phrase (analysis.common_pairs; an empty array
    when one is nowhere), or None when the phrase has none; and whether those documents are its
    matches as they are: a phrase of two words that are a pair."""
    pairs = [pair.encode("utf-8") for _, pair in common_pairs(words)]
    if not pairs:
        return None, False
    if any((pairs_field, pair) not in reader for pair in pairs):
        return np.zeros(0, dtype=np.int64), True
    pairs.sort(key=lambda pair: reader.doc_frequency(pairs_field, pair))
    docs = posting_arrays(reader, pairs_field, pairs[0])[0]
    for pair in pairs[1:]:
        if len(docs) <= FEW_CANDIDATES:
            break
        docs = np.intersect1d(docs, posting_arrays(reader, pairs_field, pair)[0], assume_unique=True)
    return docs, len(words) == 2


def pair_matches(reader, fieldname: str, btexts: list[bytes], docs: np.ndarray) -> dict[int, list[float]]:
    """A two-word phrase's matches, `docs` (its pair's documents), each with its words' weights,
    read off the words' lists without their positions."""
    if reader.has_deletions():
        docs = np.array([d for d in docs.tolist() if not reader.is_deleted(d)], dtype=np.int64)
    columns = [weights_at(reader, fieldname, btext, docs) for btext in btexts]
    return {docnum: list(weights) for docnum, weights in zip(docs.tolist(), zip(*columns))}


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
        if pairs_field in searcher.schema and min(frequency.values()) >= PAIRS_FROM:
            docs, exact = pair_candidates(reader, pairs_field, list(self.words))
            if docs is not None and exact:
                return btexts, pair_matches(reader, fieldname, btexts, docs)
            if docs is not None:
                return btexts, phrase_matches(reader, fieldname, btexts, field.format, column, set(docs.tolist()),
                                              frequency)
        return btexts, phrase_matches(reader, fieldname, btexts, field.format, column, frequency=frequency)

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
