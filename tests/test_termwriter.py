"""termwriter.write_field must write the bytes Whoosh 3's field writer writes when it is given the
same terms one posting at a time (start_term, add, finish_term), with the project's two block rules:
fewer than 8 postings with values are kept in the term's entry, blocks under 16 postings are not
compressed. The term table and the postings file are compared byte for byte."""
from __future__ import annotations

import random

import pytest
from whoosh import fields, formats
from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3PostingsWriter, W3Segment
from whoosh.filedb.filestore import RamStorage
from whoosh.system import pack_uint

from indexer.whoosh import termwriter


class ReferencePostingsWriter(W3PostingsWriter):
    """Whoosh's own postings writer, with the block rules termwriter states."""

    def finish_postings(self):
        if not self.written() and 0 < len(self) < termwriter.INLINE_BELOW and self._values:
            terminfo = self._terminfo
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
            self._terminfo = None
            return terminfo
        return super().finish_postings()

    def _write_block(self, last=False):
        compression = self._compression
        if len(self._ids) < termwriter.SMALLEST_COMPRESSED:
            self._compression = 0
        try:
            super()._write_block(last)
        finally:
            self._compression = compression


class ReferenceCodec(W3Codec):
    def postings_writer(self, dbfile, byteids=False):
        return ReferencePostingsWriter(dbfile, blocklimit=self._blocklimit, compression=self._compression,
                                       inlinelimit=self._inlinelimit)


FORMATS = {"positions": formats.Positions(), "frequency": formats.Frequency(), "existence": formats.Existence()}


def random_terms(rng: random.Random, format_name: str, documents: int) -> dict[bytes, tuple[list, list, list]]:
    """Terms in 1 to 300 documents (past the 128-posting block), with weights all 1, all equal or
    mixed, and the format's values: each term's documents, weights and values."""
    terms = {}
    for n in range(400):
        count = rng.choice([1, 1, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 127, 128, 129, 300])
        docnums = sorted(rng.sample(range(documents), min(count, documents)))
        kind = rng.choice(["ones", "equal", "mixed"])
        weights = [1.0 if kind == "ones" else 2.5 if kind == "equal" else float(rng.randint(1, 9)) for _ in docnums]
        values = [formats.Positions().encode(list(range(int(weight)))) if format_name == "positions"
                  else pack_uint(int(weight)) if format_name == "frequency" else b"" for weight in weights]
        terms[f"t{n:04d}-{rng.random():.6f}".encode()] = (docnums, weights, values)
    return terms


def pooled(terms: dict, rng: random.Random) -> termwriter.FieldPostings:
    """The terms' postings added as a writer adds them: document by document, each document's terms
    in no particular order, some one posting at a time (as a merge adds them)."""
    by_document: dict[int, list] = {}
    for btext, (docnums, weights, values) in terms.items():
        for docnum, weight, value in zip(docnums, weights, values):
            by_document.setdefault(docnum, []).append((btext, weight, value))
    postings = termwriter.FieldPostings()
    for docnum in sorted(by_document):
        found = by_document[docnum]
        rng.shuffle(found)
        if docnum % 5 == 0:
            for btext, weight, value in found:
                postings.add_posting(btext, docnum, weight, value)
        else:
            btexts, weights, values = zip(*found)
            postings.add_document(docnum, btexts, weights, values)
    return postings


def write(codec, writer_fields, lengths, through_whoosh: bool) -> dict[str, bytes]:
    storage = RamStorage()
    segment = W3Segment(codec, "test", segid="test")
    fieldwriter = W3FieldWriter(codec, storage, segment)
    for fieldname, (field, terms) in writer_fields.items():
        if through_whoosh:
            fieldwriter.start_field(fieldname, field)
            for btext in sorted(terms):
                docnums, weights, values = terms[btext]
                fieldwriter.start_term(btext)
                for docnum, weight, value in zip(docnums, weights, values):
                    fieldwriter.add(docnum, weight, value, lengths[fieldname][docnum])
                fieldwriter.finish_term()
            fieldwriter.finish_field()
        else:
            postings = pooled(terms, random.Random(len(terms)))
            termwriter.write_field(fieldwriter, fieldname, field, postings.ordered(), lengths[fieldname])
    fieldwriter.close()
    return {name: storage.open_file(name).read() for name in storage.list()}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_bytes_of_whooshs_field_writer(seed):
    rng = random.Random(seed)
    documents = 400
    writer_fields, lengths = {}, {}
    for format_name, format_ in FORMATS.items():
        field = fields.FieldType(format_, None, scorable=format_name != "existence")
        writer_fields[format_name] = (field, random_terms(rng, format_name, documents))
        # some documents without a length (an unscorable field's), some past the byte's range
        lengths[format_name] = [0 if format_name == "existence" else rng.choice([1, 3, 50, 900, 200_000])
                                for _ in range(documents)]
    ours = write(W3Codec(), writer_fields, lengths, through_whoosh=False)
    whooshs = write(ReferenceCodec(), writer_fields, lengths, through_whoosh=True)
    assert sorted(ours) == sorted(whooshs) and len(ours) == 2
    for name in ours:
        assert ours[name] == whooshs[name], name


def test_the_blocks_are_those_of_the_rules():
    """The reference itself: a term of 5 positional postings is inlined, one of 300 fills three blocks."""
    rng = random.Random(7)
    field = fields.FieldType(formats.Positions(), None, scorable=True)
    terms = random_terms(rng, "positions", 400)
    ours = write(W3Codec(), {"f": (field, terms)}, {"f": [5] * 400}, through_whoosh=False)
    postings = next(data for name, data in ours.items() if name.endswith(".pst"))
    blocks = postings.count(b"W3Bl")
    many = sum(1 for p in terms.values() if len(p[0]) >= termwriter.INLINE_BELOW)
    assert blocks == many  # one header per term written to the postings file, none for inlined terms
