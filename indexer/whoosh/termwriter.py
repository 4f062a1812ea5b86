"""A segment's postings, field by field: each document's terms (bytes, frequency, weight, encoded
value) in, the bytes of Whoosh 3's term table and postings files out, the same bytes as Whoosh's
field writer's start_term/add/finish_term calls would write (tests/test_termwriter.py compares them).

A document's postings are appended to flat arrays (a term number, the document, the weight, the
value) a field at a time, by calls that loop in C: a list of postings per term costs four arrays
for each of a small segment's many one-posting terms, and a Python step per posting. At the end
the postings are ordered by term once (numpy), and each term is written by one loop doing what
Whoosh does through five objects and some twenty calls a term.
"""
from __future__ import annotations

import struct
import zlib
from array import array
from collections.abc import Iterable
from hashlib import md5
from itertools import accumulate, chain, islice, repeat
from pickle import dumps

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.util.numeric import length_to_byte

# zlib on a block of a few postings (most terms' only block) costs more time than it saves space;
# the block's header says whether it is compressed, so readers cope either way.
SMALLEST_COMPRESSED = 16
# A term in fewer documents than this has its postings kept in its entry of the term table, as
# Whoosh 3's format allows (its own writer never does: it calls a method that does not exist).
INLINE_BELOW = 8
FLUSH_BYTES = 1 << 20  # written to the file past this many buffered bytes

_record_lengths = struct.Struct("!ii")  # filetables.HashWriter's record header: key and value lengths
_block_length = struct.Struct("!i")
_extent = struct.Struct("!qi")  # pack_long(offset) + pack_int(length)
_terminfo = W3TermInfo._struct


# Postings turned into Python lists this many at a time when written: a segment's field can hold
# millions, and a list holds each number as an object.
CHUNK = 1 << 16


class FieldPostings:
    """One field's postings in the order they came (each term's in document order, as documents are
    numbered in the order they are added), with each term's number."""

    def __init__(self):
        self.numbers: dict[bytes, int] = {}
        self.terms, self.docnums, self.weights = array("I"), array("I"), array("f")
        self.data, self.ends = bytearray(), array("Q")  # the encoded values end to end, where each ends

    def __len__(self) -> int:
        return len(self.terms)

    def add_document(self, docnum: int, btexts: tuple, weights: tuple, values: tuple) -> None:
        numbers = self.numbers
        new = [btext for btext in btexts if btext not in numbers]  # a document's terms are distinct
        if new:
            numbers.update(zip(new, range(len(numbers), len(numbers) + len(new))))
        self.terms.extend(map(numbers.__getitem__, btexts))
        self.docnums.extend(repeat(docnum, len(btexts)))
        self.weights.extend(weights)
        self.ends.extend(islice(accumulate(chain((len(self.data),), map(len, values))), 1, None))
        self.data += b"".join(values)

    def add_posting(self, btext: bytes, docnum: int, weight: float, value: bytes) -> None:
        numbers = self.numbers
        self.terms.append(numbers.setdefault(btext, len(numbers)))
        self.docnums.append(docnum)
        self.weights.append(weight)
        self.data += value
        self.ends.append(len(self.data))

    def ordered(self) -> Iterable[tuple[bytes, list[int], list[float], list[bytes]]]:
        """Each term, in order of its bytes, with its documents, weights and values."""
        btexts = sorted(self.numbers)
        rank = np.empty(len(btexts), dtype=np.int64)
        rank[[self.numbers[btext] for btext in btexts]] = np.arange(len(btexts))
        ranks = rank[np.frombuffer(self.terms, dtype=np.uint32)]
        order = np.argsort(ranks, kind="stable")  # by term, each term's postings kept in document order
        counts = np.bincount(ranks, minlength=len(btexts)).tolist()
        docnums, weights = np.frombuffer(self.docnums, dtype=np.uint32), np.frombuffer(self.weights, dtype=np.float32)
        ends = np.frombuffer(self.ends, dtype=np.uint64).astype(np.int64)
        starts = np.zeros_like(ends)
        starts[1:] = ends[:-1]
        data = bytes(self.data)
        chunk_end, term = 0, 0
        while term < len(btexts):
            # the postings of the next terms up to about CHUNK of them, as lists
            first, stop = term, term
            size = 0
            while stop < len(btexts) and (size < CHUNK or stop == first):
                size += counts[stop]
                stop += 1
            which = order[chunk_end : chunk_end + size]
            chunk_docs, chunk_weights = docnums[which].tolist(), weights[which].tolist()
            if data:
                chunk_values = [data[a:b] for a, b in zip(starts[which].tolist(), ends[which].tolist())]
            else:  # a format without values
                chunk_values = [b""] * size
            at = 0
            for term in range(first, stop):
                count = counts[term]
                yield (btexts[term], chunk_docs[at : at + count], chunk_weights[at : at + count],
                       chunk_values[at : at + count])
                at += count
            chunk_end += size
            term = stop


def write_field(fieldwriter, fieldname: str, field, terms: Iterable[tuple[bytes, list[int], list[float], list]],
                lengths: list[int]) -> None:
    """Write one field's terms (in order of their bytes, each with its documents, weights and encoded
    values) through an open W3FieldWriter's files: what start_field, then start_term/add.../finish_term
    for each term, then finish_field would write, with this project's block rules (SMALLEST_COMPRESSED,
    INLINE_BELOW)."""
    fieldmap = fieldwriter._fieldmap
    fieldid = fieldmap.setdefault(fieldname, len(fieldmap))
    prefix = struct.pack("!H", fieldid)
    codec = fieldwriter._codec
    settings = (lengths, codec._blocklimit, codec._compression, field.format.fixed_value_size())
    tindex, postfile = fieldwriter._tindex, fieldwriter._postfile
    tfile = tindex.dbfile
    buckets, index = tindex.buckets, tindex.index
    tbuffer, pbuffer = bytearray(), bytearray()
    tbase, pbase = tfile.tell(), postfile.tell()
    key = b""
    # Most terms of a segment stand in one document, and their entry and postings depend on that
    # document, weight and value alone, which many terms share: made once for each.
    made_for_one: dict[tuple, tuple[bytes, bytes | None]] = {}

    for btext, docnums, weights, values in terms:
        if len(docnums) == 1:
            posting = (docnums[0], weights[0], values[0])
            made = made_for_one.get(posting)
            if made is None:
                made = made_for_one[posting] = term_entry(docnums, weights, values, *settings)
        else:
            made = term_entry(docnums, weights, values, *settings)
        entry, postings = made
        if postings is None:  # inlined in the entry
            value = entry
        else:
            value = entry + _extent.pack(pbase + len(pbuffer), len(postings))
            pbuffer += postings
        # OrderedHashWriter.add
        key = prefix + btext
        position = tbase + len(tbuffer)
        index.append(position)
        tbuffer += _record_lengths.pack(len(key), len(value))
        tbuffer += key
        tbuffer += value
        hashed = int.from_bytes(md5(key).digest()[12:], "big")  # filetables.md5_hash
        buckets[hashed & 255].append((hashed, position))
        if len(pbuffer) > FLUSH_BYTES:
            postfile.write(pbuffer)
            pbase += len(pbuffer)
            pbuffer = bytearray()
        if len(tbuffer) > FLUSH_BYTES:
            tfile.write(tbuffer)
            tbase += len(tbuffer)
            tbuffer = bytearray()
    postfile.write(pbuffer)
    tfile.write(tbuffer)
    if key:
        tindex.lastkey = key


def term_entry(docnums: list[int], weights: list[float], all_values: list, lengths: list[int], blocklimit: int,
               compression: int, fixedsize: int | None) -> tuple[bytes, bytes | None]:
    """A term's entry in the term table and its postings (a header and blocks), as W3TermInfo and
    W3PostingsWriter make them; postings inlined in the entry give None, and an entry with postings
    apart lacks its extent (where they start in the file, their length)."""
    count = len(docnums)
    total_weight, maxweight, minlength, maxlength = 0, 0, None, 0
    inlined = None
    postings = bytearray()
    for start in range(0, count, blocklimit):
        ids = docnums[start : start + blocklimit]
        block_weights = weights[start : start + blocklimit]
        values = [value for value in all_values[start : start + blocklimit] if value]
        block_max = max(0, max(block_weights))
        known = list(map(lengths.__getitem__, ids))
        if 0 in known:  # documents without a length (an unscorable field's)
            known = [n for n in known if n]
        block_min, block_maxlength = (min(known), max(known)) if known else (None, 0)
        # W3TermInfo.add_block
        total_weight += sum(block_weights)
        minlength = block_min if minlength is None else min(minlength, block_min)
        maxlength = max(maxlength, block_maxlength)
        maxweight = max(maxweight, block_max)
        if count <= blocklimit and 0 < count < INLINE_BELOW and values:
            inlined = (tuple(ids), tuple(block_weights), tuple(values))
            break
        if not start:
            postings += WHOOSH3_HEADER_MAGIC
        # W3PostingsWriter._write_block
        if block_weights.count(1.0) == len(block_weights):
            mini_weights = None
        elif block_weights.count(block_weights[0]) == len(block_weights):
            mini_weights = block_weights[0]
        else:
            mini_weights = tuple(block_weights)
        if fixedsize is None or fixedsize < 0:
            mini_values = tuple(values)
        elif fixedsize == 0:
            mini_values = None
        else:
            mini_values = b"".join(values)
        deltas = tuple(b - a for a, b in zip(chain((0,), ids), ids))
        databytes = dumps((deltas, mini_weights, mini_values), 2)
        level = compression if len(ids) >= SMALLEST_COMPRESSED else 0
        if level:
            databytes = zlib.compress(databytes, level)
        infobytes = dumps((len(ids), ids[-1], block_max, level, length_to_byte(block_min),
                           length_to_byte(block_maxlength)), 2)
        size = len(infobytes) + len(databytes)
        postings += _block_length.pack(-size if start + blocklimit >= count else size)
        postings += infobytes
        postings += databytes
    head = _terminfo.pack(inlined is not None, total_weight, count,
                          0 if minlength is None else length_to_byte(minlength), length_to_byte(maxlength),
                          maxweight, docnums[0], docnums[-1])
    if inlined is not None:
        return head + dumps(inlined, 2), None
    return head, bytes(postings)
