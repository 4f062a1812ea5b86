"""A term's postings as arrays: a segment reader, a field and a term's bytes in; the term's documents
(deleted ones included) and weights out, as numpy arrays.

Whoosh 3 keeps a term's postings in blocks of up to 128, each a length, a pickled info tuple and a
pickled (deltas, weights, values) tuple, zlib-compressed when large. Its matcher reads a block
through a dozen calls of Python (seek, read, read_pickle over a file object); `posting_arrays`
decodes the blocks straight from the term's bytes, for the same documents and weights.
"""
from __future__ import annotations

import io
import pickle
import struct
import zlib

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC

_block_length = struct.Struct("!i")  # whoosh.system's pack_int: negative for a term's last block


class PostingsError(Exception):
    """A term's postings are not Whoosh 3 blocks."""


def raw_postings(reader, fieldname: str, btext: bytes):
    """A segment reader's postings of the term as the codec reads them, deleted documents included
    (reader.postings() wraps them in a filter that steps over the deleted ones one by one): for
    callers that drop deleted documents once, from what they found."""
    terms = getattr(reader, "_terms", None)
    if terms is None:  # not a segment reader
        return reader.postings(fieldname, btext)
    return terms.matcher(fieldname, btext, reader.schema[fieldname].format)


def posting_arrays(reader, fieldname: str, btext: bytes, terminfo=None) -> tuple[np.ndarray, np.ndarray]:
    """The term's documents (deleted ones included, as raw_postings) and weights; `terminfo`, the
    term's entry in the segment's table, when the caller has it."""
    terms = getattr(reader, "_terms", None)
    if terms is not None:
        if terminfo is None:
            terminfo = terms.term_info(fieldname, btext)  # TermNotFound, as the matcher raises it
        if not terminfo.is_inlined():
            offset, length = terminfo.extent()
            if isinstance(length, tuple):  # W3TermInfo.from_bytes leaves the length as struct.unpack's tuple
                (length,) = length
            return decode_blocks(terms._postfile.get(offset, length))
    matcher = raw_postings(reader, fieldname, btext)  # inlined in the term's entry: a handful
    docnums, found = [], []
    while matcher.is_active():
        docnums.append(matcher.id())
        found.append(matcher.weight())
        matcher.next()
    return np.array(docnums, dtype=np.int64), np.array(found, dtype=np.float64)


def decode_blocks(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Documents and weights of a term's postings bytes (a header, then blocks), as W3LeafMatcher
    reads them: a block's weights are a tuple, one number for all, or None for all 1.0."""
    if data[:4] != WHOOSH3_HEADER_MAGIC:
        raise PostingsError(f"postings start with {bytes(data[:4])!r}, not Whoosh 3's block tag")
    view, file = memoryview(data), io.BytesIO(data)
    deltas: list[int] = []
    weights: list[float] = []
    starts, last_ids = [], []
    position = len(WHOOSH3_HEADER_MAGIC)
    while True:
        (size,) = _block_length.unpack_from(data, position)
        end = position + _block_length.size + abs(size)
        file.seek(position + _block_length.size)
        count, last_id, _, compression, _, _ = pickle.load(file)
        block = view[file.tell() : end]
        block_deltas, block_weights, _ = pickle.loads(zlib.decompress(block) if compression else block)
        starts.append(len(deltas))
        last_ids.append(last_id)
        deltas.extend(block_deltas)
        if block_weights is None:
            weights.extend([1.0] * count)
        elif isinstance(block_weights, float):  # written from single precision: read back as it is
            weights.extend([block_weights] * count)
        else:
            weights.extend(block_weights)
        if size < 0:
            break
        position = end
    ids = np.array(deltas, dtype=np.int64)
    # each block's deltas start from 0, so its first is the block's first document: made relative to
    # the previous block's last, one running sum gives every document
    if len(starts) > 1:
        ids[starts[1:]] -= np.array(last_ids[:-1], dtype=np.int64)
    return np.cumsum(ids, out=ids), np.array(weights, dtype=np.float64)
