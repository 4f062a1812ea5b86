"""Whoosh segments written with less work per posting: documents in, a segment
of ordinary Whoosh 3 files out, the same postings, lengths, stored fields and
columns that Whoosh's SegmentWriter writes (tests/test_segments.py compares them).

Whoosh's writer keeps every posting as a tuple in a pool it sorts at commit,
then reads each posting's field length back from disk to write it. This one
keeps each field's postings in flat arrays as documents come in and orders
them by term once (termwriter.FieldPostings), keeps field lengths in memory
and writes each field's terms in one pass (termwriter.write_field).
"""
from __future__ import annotations

import ctypes
import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import traceback
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from itertools import accumulate

from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher
from whoosh.matching import ReadTooFar
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from .. import config, limits
from ..backend import WriteFailed
from . import termwriter
from .mapped import mapped
from .termwriter import FieldPostings


class TermPool:
    """Postings by field, standing in for Whoosh's PostingPool."""

    def __init__(self):
        self.terms: dict[str, FieldPostings] = {}

    @property
    def fieldnames(self) -> set[str]:
        return set(self.terms)

    def field(self, fieldname: str) -> FieldPostings:
        postings = self.terms.get(fieldname)
        if postings is None:
            postings = self.terms[fieldname] = FieldPostings()
        return postings

    def add(self, item: tuple) -> None:
        """Whoosh's pool interface: used when the writer merges other segments into its own."""
        fieldname, btext, docnum, weight, vbytes = item
        self.field(fieldname).add_posting(btext, docnum, weight, vbytes or b"")

    def cleanup(self) -> None:
        self.terms = {}


class SkippingLeafMatcher(W3LeafMatcher):
    """Whoosh 3's posting reader, skipping within a block by bisection: Whoosh steps through a block
    one posting at a time, which is most of the cost of intersecting a rare word with a common one."""

    def skip_to(self, targetid):
        if not self.is_active():
            raise ReadTooFar
        if targetid <= self.id():
            return
        if targetid > self._maxid:
            self._skip_to_block(lambda: targetid > self._maxid)
            if not self.is_active():
                return
        if self._ids is None:
            self._read_ids()
        self._i = bisect_left(self._ids, targetid, self._i)  # < the block's length: targetid <= its max id

    def _read_ids(self):
        if self._data is None:
            self._read_data()
        self._ids = tuple(accumulate(self._data[0]))  # Whoosh's delta_decode, in C


class Codec(W3Codec):
    """Whoosh 3's codec, with postings written a term at a time and skipped through by bisection.
    The files are Whoosh 3's: only the code that writes and reads them differs, so a segment's
    codec pickles as Whoosh's own (no module path of Archivist in an index's table of contents),
    and indexes.CodeSchemaIndex gives segments this one back on reading."""

    @classmethod
    def like(cls, codec: W3Codec) -> Codec:
        return cls(blocklimit=codec._blocklimit, compression=codec._compression, inlinelimit=codec._inlinelimit)

    def __reduce__(self):
        return W3Codec, (self._blocklimit, self._compression, self._inlinelimit)

    def terms_reader(self, storage, segment):
        return super().terms_reader(mapped(storage), segment)

    def per_document_reader(self, storage, segment):
        return super().per_document_reader(mapped(storage), segment)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return SkippingLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


class FastSegmentWriter(SegmentWriter):
    """A SegmentWriter (same commit, merge and deletion behaviour) with a per-term pool."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, codec=Codec(), **kwargs)
        self.pool = TermPool()
        self.postings = 0  # held in the pool: what a RollingWriter watches

    def add_document(self, **fields) -> None:
        # SegmentWriter.add_document, less a tuple and a call per posting; the schema has no spelling
        # or vector fields, which this writer does not write.
        self._check_state()
        writer, schema, docnum = self.perdocwriter, self.schema, self.docnum
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        writer.start_doc(docnum)
        for fieldname in fieldnames:
            value = fields[fieldname]
            if value is None:
                continue
            field = schema[fieldname]
            if field.separate_spelling() or field.vector:
                raise NotImplementedError(f"field {fieldname!r}: spelling and vectors are not written")
            length = 0
            if field.indexed:
                postings = list(field.index(value))
                if postings:
                    btexts, freqs, weights, values = zip(*postings)
                    boost = self._field_boost(fields, fieldname, docboost)
                    if boost != 1.0:
                        weights = tuple(weight * boost for weight in weights)
                    self.pool.field(fieldname).add_document(docnum, btexts, weights, values)
                    self.postings += len(btexts)
                    if field.scorable:
                        length = sum(freqs)
            stored = fields.get("_stored_%s" % fieldname, value)
            writer.add_field(fieldname, field, stored if field.stored else None, length)
            if field.column_type and stored is not None:
                writer.add_column_value(fieldname, field.column_type, field.to_column_value(stored))
        writer.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        per_doc = self.per_document_reader()
        fieldwriter = self.fieldwriter
        for fieldname in sorted(self.pool.terms):
            postings = self.pool.terms[fieldname]
            if not len(postings):
                continue
            lengths = [per_doc.doc_field_length(d, fieldname) for d in range(self.docnum)]
            termwriter.write_field(fieldwriter, fieldname, self.schema[fieldname], postings.ordered(), lengths)
        fieldwriter.close()
        per_doc.close()


class RollingWriter:
    """Documents in, segments out: a FastSegmentWriter that finishes its segment once it holds
    `max_postings` and goes on in a new one. A writer keeps its segment's postings in memory, so a
    share of any size is written in bounded memory."""

    def __init__(self, ix, max_postings: int):
        self.ix, self.max_postings = ix, max_postings
        self.finished: list = []
        self.writer = FastSegmentWriter(ix, _lk=False)

    def add_document(self, **fields) -> None:
        if self.writer.postings >= self.max_postings:
            segment = self.writer._finalize_segment()
            segment.rolled = True  # full: kept in the table of contents, read by merge_tiers
            self.finished.append(segment)
            self.writer = None
            limits.give_back_memory()  # the finished segment's pools, before the next fills the heap again
            self.writer = FastSegmentWriter(self.ix, _lk=False)
        self.writer.add_document(**fields)

    def segments(self) -> list:
        return self.finished + ([self.writer._finalize_segment()] if self.writer.docnum else [])


MAX_SEGMENTS_PER_TIER = 8  # segments of one size tier (1-9, 10-99, ... documents) before they are merged
# A full segment (one a rolling writer finished at its bound of postings, or one of this many
# documents) is left alone by merges, unless much of it is deleted.
FULL_SEGMENT_DOCS = 8000
FULL_SEGMENT_DELETED = 0.3


def is_full(segment) -> bool:
    return getattr(segment, "rolled", False) or segment.doc_count_all() >= FULL_SEGMENT_DOCS


def merge_tiers(writer: SegmentWriter, segments: list) -> list:
    """A merge policy: segments are tiered by their number of documents' digits, and a tier holding more
    than MAX_SEGMENTS_PER_TIER is merged into the writer's own segment. Each incremental reindex adds a
    segment or two, and Whoosh's MERGE_SMALL, tuned for other sizes, would let them pile up: every
    search walks every segment. Full segments (a big build's) are not merged again, which would cost
    an incremental reindex the time of a full one, until deletions hollow them out."""
    tiers: dict[int, list] = defaultdict(list)
    for segment in segments:
        count = segment.doc_count_all()
        if is_full(segment) and segment.deleted_count() < FULL_SEGMENT_DELETED * count:
            continue
        tiers[len(str(max(1, count)))].append(segment)
    merged = [segment for tier in tiers.values() if len(tier) > MAX_SEGMENTS_PER_TIER for segment in tier]
    for segment in merged:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in merged]


def delete_all(writer: SegmentWriter, fieldname: str, values: list[str]) -> None:
    """Delete the documents with these values (what delete_by_term does for each), looked up in each
    segment's term table: Whoosh runs a query over every segment for each value, and a value (an
    article's id) is in one segment at most."""
    if not values or not writer.segments:
        return
    with writer.searcher() as searcher:
        field = searcher.schema[fieldname]
        btexts = [field.to_bytes(value) for value in values]
        for subsearcher, offset in searcher.leaf_searchers():
            reader = subsearcher.reader()
            for btext in btexts:
                if (fieldname, btext) in reader:
                    for docnum in reader.postings(fieldname, btext).all_ids():  # the live ones
                        writer.delete_document(offset + docnum)


def write_in_parallel(indexes: list, write_share: Callable[[int, list[FastSegmentWriter]], None], shares: int,
                      workers: int, deletions: list[tuple[str, list[str]]] | None = None,
                      budget: list[int] | None = None) -> None:
    """New segments for `indexes` from forked processes, `workers` at a time, each writing one of
    `shares` shares of the documents and starting new segments past its `budget` of postings per
    index (config.MAX_SEGMENT_POSTINGS shared out evenly when not given).

    `write_share(k, writers)` adds the k-th share, one writer per index; the children read their
    documents themselves (or inherit them: fork copies nothing until written) and send back only
    their segments. A process's heap keeps some of the pages of each segment it has written (freed,
    but too fragmented to give back), so a large build is written by a succession of processes, each
    forked afresh, rather than by a few that grow with the archive. Meanwhile this process holds each
    index's lock, deletes (per index: field, values), and merges small old segments
    as a commit would; then it commits each index's new segments at once, or none."""
    owners = [FastSegmentWriter(ix) for ix in indexes]  # take the locks
    budgets = budget or [config.MAX_SEGMENT_POSTINGS // len(indexes)] * len(indexes)
    running: dict = {}  # receiving end of a child's pipe -> (share, child)
    outcomes: dict[int, list] = {}
    waiting = list(range(shares))

    def start_children() -> None:
        while waiting and len(running) < workers:
            share = waiting.pop(0)
            receive, child = _fork_writer(indexes, write_share, share, budgets)
            running[receive] = (share, child)

    try:
        start_children()
        for owner, (fieldname, values) in zip(owners, deletions or ()):
            delete_all(owner, fieldname, values)
        # SegmentWriter.commit's merge, while the children write: old small segments into the owner's.
        finals = [owner._merge_segments(merge_tiers, None, None) for owner in owners]
        while running:
            for receive in multiprocessing.connection.wait(list(running)):
                share, child = running.pop(receive)
                outcome = receive.recv()
                child.join()
                if isinstance(outcome, str):
                    raise WriteFailed(outcome.strip().splitlines()[-1])
                outcomes[share] = outcome
            start_children()
    except BaseException:
        for _, child in running.values():
            child.kill()
        for owner in owners:
            owner.cancel()
        raise
    for n, (owner, final) in enumerate(zip(owners, finals)):
        if owner._added:
            final.append(owner._finalize_segment())
        else:
            owner._close_segment()
        owner._commit_toc(final + [segment for share in sorted(outcomes) for segment in outcomes[share][n]])
        owner._finish()


def _fork_writer(indexes: list, write_share, share: int, budgets: list[int]):
    """A child writing one share; its pipe's receiving end and the process."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_write_share, args=(indexes, write_share, share, send, os.getpid(), budgets),
                            daemon=True)
    # What this process holds (the catalog, the report) is left out of the child's garbage
    # collections: a collection writes to every object it visits, copying its page into the child.
    gc.freeze()
    try:
        child.start()
    finally:
        gc.unfreeze()
    send.close()
    return receive, child


def die_with_parent(parent: int) -> None:
    """A forked writer holds the parent's reindex lock: it must not outlive a parent killed mid-build."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the child finishes its share, then exits
        pass
    if os.getppid() != parent:
        os._exit(1)


PR_SET_PDEATHSIG = 1


def _write_share(indexes: list, write_share, share: int, send, parent: int, budgets: list[int]) -> None:
    die_with_parent(parent)
    try:
        # a process holds one pool per index at once: together they keep within its budget of postings
        writers = [RollingWriter(ix, postings) for ix, postings in zip(indexes, budgets)]
        write_share(share, writers)
        send.send([writer.segments() for writer in writers])
    except BaseException:
        send.send(traceback.format_exc(limit=5))
    finally:
        send.close()
