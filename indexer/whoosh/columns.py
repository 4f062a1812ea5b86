"""Document columns as arrays, read once per open searcher: every document's facet
values, near-copy group and date order. Facet counts, collapsing near-copies and
sorting by date then cost a few array operations per search, however many match.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
from whoosh import columns as whoosh_columns
from whoosh import sorting
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length

from .. import config

# Column readers whose sort key is the value itself (unreversed), which iterating the column gives.
PLAIN_SORT_KEYS = (whoosh_columns.ColumnReader.sort_key, whoosh_columns.NumericColumn.Reader.sort_key)
FIXED_SIZE_TYPES = "bBhHiIqQfd"  # struct's codes that numpy reads at the same size (not l, L)
GROUP = "group"  # the near-copy group: the id of its earliest article
DATE = "date"  # published date, else the year: the sort key and the order within a group
MENTIONED = "mentioned"  # years the text mentions, several per document


@dataclass
class FacetColumn:
    """One facet's value ordinals: `values[ordinals[i]]` is the value of entry i, which belongs to
    document `docs[i]` (one entry per document, or one per value when a document holds several)."""

    values: list
    docs: np.ndarray
    ordinals: np.ndarray

    def counts(self, chosen: np.ndarray) -> dict:
        """{value: documents (entries, for a many-valued facet) among the chosen} for values with any."""
        tally = np.bincount(self.ordinals[chosen[self.docs]], minlength=len(self.values))
        return {self.values[i]: int(tally[i]) for i in np.flatnonzero(tally)}

    def docs_with(self, accepted: np.ndarray) -> np.ndarray:
        """The documents (sorted, each once) holding a value whose ordinal `accepted` (a mask) marks."""
        docs = self.docs[accepted[self.ordinals]]  # entries are in document order
        if docs.size > 1 and not (np.diff(docs) > 0).all():  # a document with two of the values: listed twice
            docs = np.unique(docs)
        return docs


def facet_column(searcher, facet: sorting.FieldFacet) -> FacetColumn:
    """Every document's value(s), named by Whoosh's own categorizer for the facet, so counts name
    values exactly as a Whoosh FacetCollector does, numbered in the order they first appear."""
    categorizer = facet.categorizer(searcher)
    ordinal_of: dict = {}
    docs: list[np.ndarray] = []
    ordinals: list[np.ndarray] = []
    for subsearcher, offset in searcher.leaf_searchers():
        categorizer.set_searcher(subsearcher, offset)
        count = subsearcher.doc_count_all()
        if categorizer.allow_overlap:
            lists = segment_key_lists(categorizer, subsearcher)
            keys = [key for found in lists for key in found]
            docs.append(np.repeat(np.arange(offset, offset + count), [len(found) for found in lists]))
        else:
            keys = segment_keys(categorizer, subsearcher)
            docs.append(np.arange(offset, offset + count))
        local: dict = {}  # a key's number in this segment, in the order keys first appear
        numbers = [local.setdefault(key, len(local)) for key in keys]
        global_number = np.array([ordinal_of.setdefault(categorizer.key_to_name(key), len(ordinal_of))
                                  for key in local], dtype=np.int64)
        ordinals.append(global_number[np.array(numbers, dtype=np.int64)] if numbers else np.zeros(0, np.int64))
    return FacetColumn(list(ordinal_of), np.concatenate(docs or [np.zeros(0, np.int64)]),
                       np.concatenate(ordinals or [np.zeros(0, np.int64)]))


def segment_keys(categorizer, subsearcher) -> list:
    """Every document's key in the segment (`categorizer.key_for`, set to this segment): read in one
    pass over the column where the key is the column's value, not a lookup per document."""
    count = subsearcher.doc_count_all()
    reader = getattr(categorizer, "_creader", None)
    if (type(categorizer) is sorting.ColumnCategorizer and not categorizer._reverse
            and type(reader).sort_key in PLAIN_SORT_KEYS):
        if type(reader) is whoosh_columns.VarBytesColumn.Reader:
            keys = var_bytes(reader)
        elif type(reader) is whoosh_columns.NumericColumn.Reader and reader._typecode in FIXED_SIZE_TYPES:
            keys = numbers(reader)
        else:
            keys = list(reader)
        if len(keys) == count:
            return keys
    return [categorizer.key_for(None, docnum) for docnum in range(count)]


def segment_key_lists(categorizer, subsearcher) -> list[list]:
    """Every document's keys in the segment (`categorizer.keys_for`, set to this segment), decoded
    from one copy of the column where it is a list of byte strings."""
    reader = getattr(categorizer, "_creader", None)
    if (type(categorizer) is sorting.OverlappingCategorizer and categorizer._use_column
            and type(reader) is whoosh_columns.VarBytesListColumn.Reader
            and type(reader._child) is whoosh_columns.VarBytesColumn.Reader):
        decoded: dict[bytes, list[bytes]] = {}  # documents share their lists (the same few years)
        lists = [decoded.get(data) or decoded.setdefault(data, byte_list(data)) for data in var_bytes(reader._child)]
        if len(lists) == subsearcher.doc_count_all():
            return lists
    return [categorizer.keys_for(None, docnum) for docnum in range(subsearcher.doc_count_all())]


def byte_list(data: bytes) -> list[bytes]:
    """A VarBytesList value: a varint count, then each string's varint length and bytes."""
    if not data:
        return []
    count, at = read_varint(data, 0)
    out = []
    for _ in range(count):
        length = data[at]
        if length < 0x80:  # a one-byte varint: most are
            at += 1
        else:
            length, at = read_varint(data, at)
        out.append(data[at : at + length])
        at += length
    return out


def read_varint(data: bytes, at: int) -> tuple[int, int]:
    """The varint at `at` and the position after it (Whoosh's: 7 bits a byte, low bits first)."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
        shift += 7


def numbers(reader) -> list:
    """A numeric column's every value, from one read of its array (big-endian, as Whoosh packs it);
    documents past the array's end hold the column's default."""
    stored = np.frombuffer(reader._dbfile.get(reader._basepos, reader._count * reader._fixedlen),
                           dtype=">" + reader._typecode).tolist()
    return stored + [reader._default] * (reader._doccount - len(stored))


def var_bytes(reader) -> list[bytes]:
    """A VarBytes column's every value, sliced from one copy of its data (its reader reads them one
    call at a time)."""
    lengths = np.asarray(reader._lengths, dtype=np.int64)
    ends = np.cumsum(lengths).tolist()
    data = reader._dbfile.get(reader._basepos, ends[-1] if ends else 0)
    return [data[end - length : end] for end, length in zip(ends, lengths.tolist())]


# A stored length byte to the length Whoosh scores with (byte 0: no length; never scored).
LENGTH_OF_BYTE = np.array([0] + [byte_to_length(b) for b in range(1, 256)], dtype=np.float64)


def field_lengths(reader, fieldname: str) -> np.ndarray:
    """Every document's length in the field as BM25F reads it (doc_field_length(d, field, 1)):
    the stored length byte, decoded; 1 for all when the segment stores no lengths for the field."""
    column = reader._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
    if column is None:
        return np.ones(reader.doc_count_all())
    return LENGTH_OF_BYTE[np.fromiter(column, dtype=np.uint8, count=reader.doc_count_all())]


def deletions(reader) -> np.ndarray | None:
    """Which of the segment's documents are deleted, or None when none are."""
    if not reader.has_deletions():
        return None
    deleted = np.zeros(reader.doc_count_all(), dtype=bool)
    deleted[np.fromiter(reader._perdoc.deleted_docs(), dtype=np.int64)] = True  # what reader.postings() drops
    return deleted


def sort_ranks(searcher, facet: sorting.FieldFacet) -> np.ndarray:
    """Every document's rank in the facet's sort order (equal keys, equal ranks)."""
    categorizer = facet.categorizer(searcher)
    keys = []
    for subsearcher, offset in searcher.leaf_searchers():
        categorizer.set_searcher(subsearcher, offset)
        keys.extend(segment_keys(categorizer, subsearcher))
    rank_of = {key: rank for rank, key in enumerate(sorted(set(keys)))}
    return np.array([rank_of[key] for key in keys], dtype=np.int64)


class ColumnCache:
    """The arrays of one index generation, read once and shared by the searchers of every thread."""

    def __init__(self):
        self.lock = threading.RLock()
        self.loaded: tuple[dict[str, FacetColumn], np.ndarray, np.ndarray] | None = None
        self.lengths: dict[tuple[int, str], np.ndarray] = {}
        self.deleted: dict[int, np.ndarray | None] = {}
        self.numbers: dict[tuple[int, str], np.ndarray] = {}


class Columns:
    """The columns of one open searcher, read on first use (a reindex opens a new searcher, and
    with it new columns). Threads each have a searcher of their own (Whoosh's readers are not
    thread-safe) and share the arrays through one `ColumnCache` per generation."""

    def __init__(self, searcher, cache: ColumnCache | None = None):
        self.searcher = searcher
        self.cache = cache or ColumnCache()
        self._segments = [leaf.reader() for leaf, _ in searcher.leaf_searchers()]

    @property
    def _loaded(self) -> tuple[dict[str, FacetColumn], np.ndarray, np.ndarray]:
        if self.cache.loaded is None:
            with self.cache.lock:  # one reader of the columns, however many requests arrive at once
                if self.cache.loaded is None:
                    self.cache.loaded = self._read()
        return self.cache.loaded

    def _read(self) -> tuple[dict[str, FacetColumn], np.ndarray, np.ndarray]:
        facets = {name: facet_column(self.searcher, sorting.FieldFacet(name)) for name in config.FACETS}
        facets[MENTIONED] = facet_column(self.searcher, sorting.FieldFacet(MENTIONED, allow_overlap=True))
        groups = facet_column(self.searcher, sorting.FieldFacet(GROUP))
        # Documents outside any group (an empty group name) are never collapsed: ordinal -1.
        outside = np.array([not name for name in groups.values] + [True])
        group_ordinals = np.where(outside[groups.ordinals], -1, groups.ordinals)
        return facets, group_ordinals, sort_ranks(self.searcher, sorting.FieldFacet(DATE))

    def load(self) -> None:
        self._loaded

    def _once(self, table: dict, key, read):
        """table[key], read by this thread's reader the first time any thread asks."""
        if key not in table:
            with self.cache.lock:
                if key not in table:
                    table[key] = read()
        return table[key]

    @property
    def facets(self) -> dict[str, FacetColumn]:
        self.load()
        return self._loaded[0]

    @property
    def groups(self) -> np.ndarray:
        self.load()
        return self._loaded[1]

    @property
    def dates(self) -> np.ndarray:
        self.load()
        return self._loaded[2]

    def field_lengths(self, segment: int, fieldname: str) -> np.ndarray:
        """The field's lengths in the segment (its number among the searcher's leaves), read once."""
        return self._once(self.cache.lengths, (segment, fieldname), lambda: field_lengths(self._segments[segment], fieldname))

    def numbers(self, segment: int, fieldname: str) -> np.ndarray:
        """Every document's value of a sortable numeric field in the segment, read once."""
        def read() -> np.ndarray:
            reader = self._segments[segment]
            values = reader.column_reader(fieldname, translate=True)
            return np.fromiter(values, dtype=np.int64, count=reader.doc_count_all())

        return self._once(self.cache.numbers, (segment, fieldname), read)

    def deleted(self, segment: int) -> np.ndarray | None:
        """The segment's deleted documents as a mask (None: none deleted), read once."""
        return self._once(self.cache.deleted, segment, lambda: deletions(self._segments[segment]))

    def facet_counts(self, docnums: np.ndarray) -> dict[str, dict]:
        """{facet: {value: count}} over the given documents, for every facet and the mentioned years."""
        chosen = np.zeros(len(self.groups), dtype=bool)
        chosen[docnums] = True
        return {name: column.counts(chosen) for name, column in self.facets.items()}

    def collapse(self, docnums: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Near-copies folded into their group's earliest article: (counted, kept), both sorted.

        Replays Whoosh's CollapseCollector (order by date, one per group) over the matches in
        document order: a match is counted when it is outside any group, the first of its group,
        or earlier than every match of its group before it; the group keeps the last one counted,
        the first of its earliest."""
        docnums = np.sort(docnums)
        groups, dates = self.groups[docnums], self.dates[docnums]
        grouped = groups >= 0
        outside = docnums[~grouped]
        docnums, groups, dates = docnums[grouped], groups[grouped], dates[grouped]
        order = np.lexsort((docnums, groups))
        docnums, groups, dates = docnums[order], groups[order], dates[order]
        # A running minimum of dates that starts afresh at each group: later groups get smaller
        # offsets, so a group's first date is below every value before it.
        offsets = (groups.max(initial=0) - groups) * (int(self.dates.max(initial=0)) + 1)
        running = np.minimum.accumulate(offsets + dates)
        first = np.ones(len(groups), dtype=bool)
        first[1:] = groups[1:] != groups[:-1]
        counted = first.copy()
        counted[1:] |= (offsets + dates)[1:] < running[:-1]
        counted_docs, counted_groups = docnums[counted], groups[counted]
        last = np.ones(len(counted_docs), dtype=bool)
        last[:-1] = counted_groups[1:] != counted_groups[:-1]
        return np.union1d(outside, counted_docs), np.union1d(outside, counted_docs[last])

    def by_date(self, docnums: np.ndarray, newest_first: bool) -> np.ndarray:
        """The documents sorted by date, earliest (or newest) first, then by document number."""
        ranks = self.dates[docnums]
        return docnums[np.lexsort((docnums, -ranks if newest_first else ranks))]


def by_score(docnums: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """The documents by score, highest first, then by document number (Whoosh's order)."""
    return docnums[np.lexsort((docnums, -scores))]
