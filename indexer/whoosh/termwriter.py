"""A segment's terms written in one pass: each field's terms (sorted term bytes -> postings) in, the
bytes of Whoosh 3's term table and postings files out, the same bytes as Whoosh's field writer's
start_term/add/finish_term calls would write (tests/test_termwriter.py compares them).

Whoosh writes a term through five objects and some twenty calls (a terminfo, a postings writer's
block buffer, the ordered hash file's record, the file's position asked at each step): most of a
new segment's writing time is those calls, since most terms of a small segment have one posting.
This does the same arithmetic in one loop per field and writes each file in large pieces.
"""
from __future__ import annotations

import struct
import zlib
from array import array
from hashlib import md5
from itertools import accumulate, chain
from pickle import dumps

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.util.numeric import length_to_byte

# A term's postings: document numbers, weights, and the encoded values (positions) end to end with
# where each ends (segments.TermPool holds them so: one bytes object per posting costs more).
Postings = tuple[array, array, bytearray, array]

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


def write_field(fieldwriter, fieldname: str, field, terms: dict[bytes, Postings], lengths: list[int]) -> None:
    """Write one field's terms through an open W3FieldWriter's files: what start_field, then
    start_term/add_posting.../finish_term for each term in order, then finish_field would write,
    with this project's block rules (SMALLEST_COMPRESSED, INLINE_BELOW)."""
    fieldmap = fieldwriter._fieldmap
    fieldid = fieldmap.setdefault(fieldname, len(fieldmap))
    prefix = struct.pack("!H", fieldid)
    blocklimit = fieldwriter._codec._blocklimit
    compression = fieldwriter._codec._compression
    fixedsize = field.format.fixed_value_size()
    tindex, postfile = fieldwriter._tindex, fieldwriter._postfile
    tfile = tindex.dbfile
    buckets, index = tindex.buckets, tindex.index
    tbuffer, pbuffer = bytearray(), bytearray()
    tbase, pbase = tfile.tell(), postfile.tell()
    key = b""

    for btext in sorted(terms):
        docnums, weights, data, ends = terms[btext]
        count = len(docnums)
        total_weight, maxweight, minlength, maxlength = 0, 0, None, 0
        inlined = None
        for start in range(0, count, blocklimit):
            ids = docnums[start : start + blocklimit]
            block_weights = weights[start : start + blocklimit]
            values = [data[a:b] for a, b in zip((ends[start - 1] if start else 0, *ends[start : start + blocklimit]),
                                                 ends[start : start + blocklimit]) if b > a]
            block_max = max(0, max(block_weights))
            known = [n for n in (lengths[d] for d in ids) if n]
            block_min, block_maxlength = (min(known), max(known)) if known else (None, 0)
            # W3TermInfo.add_block
            total_weight += sum(block_weights)
            minlength = block_min if minlength is None else min(minlength, block_min)
            maxlength = max(maxlength, block_maxlength)
            maxweight = max(maxweight, block_max)
            if count <= blocklimit and 0 < count < INLINE_BELOW and values:
                inlined = (tuple(ids), tuple(block_weights), tuple(bytes(v) for v in values))
                break
            if not start:
                offset = pbase + len(pbuffer)
                pbuffer += WHOOSH3_HEADER_MAGIC
            # W3PostingsWriter._write_block
            if all(w == 1.0 for w in block_weights):
                mini_weights = None
            elif all(w == block_weights[0] for w in block_weights):
                mini_weights = block_weights[0]
            else:
                mini_weights = tuple(block_weights)
            if fixedsize is None or fixedsize < 0:
                mini_values = tuple(bytes(v) for v in values)
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
            pbuffer += _block_length.pack(-size if start + blocklimit >= count else size)
            pbuffer += infobytes
            pbuffer += databytes
        head = _terminfo.pack(inlined is not None, total_weight, count,
                              0 if minlength is None else length_to_byte(minlength), length_to_byte(maxlength),
                              maxweight, docnums[0], docnums[-1])
        if inlined is None:
            value = head + _extent.pack(offset, pbase + len(pbuffer) - offset)
        else:
            value = head + dumps(inlined, 2)
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
