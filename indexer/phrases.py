"""Exact phrases matched with less work: a phrase's words in, the documents
where they stand side by side out, scored as Whoosh scores a Phrase (the sum
of its words' scores, from the same matchers in the same order).

Whoosh steps through every document holding all the words, all lists in
turn, and decodes each word's positions there. This starts from the rarest
word, skips through the other words' lists only to the documents still in
play, and decodes positions only for the documents holding every word.
"""
from __future__ import annotations

from bisect import bisect_left

from whoosh import matching
from whoosh.matching import binary
from whoosh.query import Phrase, Term
from whoosh.util import make_binary_tree


def phrase_documents(reader, fieldname: str, btexts: list[bytes], field_format) -> list[int]:
    """The documents of one segment where the words stand in this order, side by side."""
    order = sorted(range(len(btexts)), key=lambda i: reader.doc_frequency(fieldname, btexts[i]))
    rarest = order[0]
    matcher = reader.postings(fieldname, btexts[rarest])
    found: dict[int, dict[int, bytes]] = {}  # document -> the encoded positions of each word in it
    while matcher.is_active():
        found[matcher.id()] = {rarest: matcher.value()}
        matcher.next()
    for word in order[1:]:
        matcher = reader.postings(fieldname, btexts[word])
        if not matcher.is_active():  # every document with the word deleted
            return []
        kept = {}
        for docnum, values in found.items():  # in document order: filled in that order
            if matcher.id() < docnum:
                matcher.skip_to(docnum)
                if not matcher.is_active():
                    break
            if matcher.id() == docnum:
                values[word] = matcher.value()
                kept[docnum] = values
        found = kept
        if not found:
            return []
    decode = field_format.decode_positions
    matches = []
    for docnum, values in found.items():
        starts = {position - rarest for position in decode(values[rarest])}
        for word in order[1:]:
            starts.intersection_update(position - word for position in decode(values[word]))
            if not starts:
                break
        if starts:
            matches.append(docnum)
    return matches


class ListedMatcher(matching.WrappingMatcher):
    """The child matcher (which scores) moved only to the listed documents, which it must all match."""

    def __init__(self, child, docnums: list[int], boost: float = 1.0):
        super().__init__(child, boost=boost)
        self._docnums = docnums
        self._i = 0
        if docnums:
            child.skip_to(docnums[0])

    def is_active(self):
        return self._i < len(self._docnums)

    def id(self):
        return self._docnums[self._i]

    def _go(self, i: int) -> None:
        self._i = i
        if self.is_active():
            self.child.skip_to(self._docnums[i])

    def next(self):
        self._go(self._i + 1)

    def skip_to(self, id):
        if self.is_active() and id > self.id():
            self._go(bisect_left(self._docnums, id, self._i))

    def all_ids(self):
        return iter(self._docnums[self._i :])

    def supports_block_quality(self):
        return False

    def replace(self, minquality=0):
        return self if self.is_active() else matching.NullMatcher()

    def copy(self):
        copied = ListedMatcher(self.child.copy(), self._docnums, self.boost)
        copied._go(self._i)
        return copied


class FastPhrase(Phrase):
    """A Phrase that finds its documents with phrase_documents(); other slops go Whoosh's way."""

    def matcher(self, searcher, context=None):
        fieldname = self.fieldname
        if self.slop != 1 or len(self.words) < 2 or fieldname not in searcher.schema:
            return super().matcher(searcher, context)
        field = searcher.schema[fieldname]
        if not field.format or not field.format.supports("positions"):
            return super().matcher(searcher, context)  # Whoosh's own error
        reader = searcher.reader()
        try:
            btexts = [field.to_bytes(word) for word in self.words]
        except ValueError:
            return matching.NullMatcher()
        if any((fieldname, btext) not in reader for btext in btexts):
            return matching.NullMatcher()
        docnums = phrase_documents(reader, fieldname, btexts, field.format)
        if not docnums:
            return matching.NullMatcher()
        # Scored as Whoosh's SpanNear2 scores a phrase: the intersection of the words' term matchers.
        child = make_binary_tree(binary.IntersectionMatcher,
                                 [Term(fieldname, btext).matcher(searcher, context) for btext in btexts])
        return ListedMatcher(child, docnums, boost=self.boost)
