"""postings.posting_arrays decodes a term's Whoosh 3 blocks itself: it must give the documents and
weights Whoosh's own matcher reads, for every kind of block (one and many, compressed or not, weights
all 1, all one other number, or each its own) and for postings inlined in the term's entry."""
from __future__ import annotations

import random

import numpy as np
import pytest
from whoosh import fields
from whoosh.filedb.filestore import RamStorage

from indexer.whoosh import postings
from indexer.whoosh.segments import FastSegmentWriter


def whoosh_reads(reader, fieldname: str, btext: bytes) -> tuple[list[int], list[float]]:
    matcher = postings.raw_postings(reader, fieldname, btext)
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


@pytest.fixture(scope="module", params=["whoosh", "project"])
def segment(request):
    schema = fields.Schema(body=fields.TEXT(), counts=fields.TEXT(phrase=False), boosted=fields.TEXT(phrase=False))
    ix = RamStorage().create_index(schema)
    rng = random.Random(7)
    # Whoosh's writer and the project's (Whoosh 3's files too, see tests/test_termwriter.py), which
    # keeps a term in under 8 documents in its entry when it has values
    writer = ix.writer() if request.param == "whoosh" else FastSegmentWriter(ix)
    for n in range(700):
        words = ["every"] + ["twice", "twice"]  # in all 700 documents: 6 blocks, weight 1 or 2 throughout
        words += ["often"] * rng.randint(1, 4) if n % 2 else []  # many blocks, weights each their own
        words += ["rare"] if n % 100 == 3 else []  # 7 postings: one block under the compressed size
        words += ["middling"] if n % 20 == 0 else []  # 35: one compressed block
        words += ["once"] if n == 5 else []  # inlined in the term's entry
        text = " ".join(words)
        # `boosted`'s counts are multiplied by 1.3, which single precision cannot hold exactly
        writer.add_document(body=text, counts=text, boosted=text, _boosted_boost=1.3)
    writer.commit()
    reader = ix.reader()
    yield reader
    reader.close()


@pytest.mark.parametrize("fieldname", ["body", "counts", "boosted"])
@pytest.mark.parametrize("word", ["every", "twice", "often", "rare", "middling", "once"])
def test_same_documents_and_weights_as_whoosh(segment, fieldname, word):
    btext = word.encode()
    expected_ids, expected_weights = whoosh_reads(segment, fieldname, btext)
    ids, weights = postings.posting_arrays(segment, fieldname, btext)
    assert ids.dtype == np.int64 and weights.dtype == np.float64
    assert ids.tolist() == expected_ids
    assert weights.tolist() == expected_weights  # to the bit
    assert len(ids) == segment.doc_frequency(fieldname, btext)


def test_blocks_decoded_are_the_whoosh_blocks_asked_for(segment):
    # the cases above do cover what they name: several blocks, uniform weights that are not 1
    ids, weights = postings.posting_arrays(segment, "boosted", b"twice")
    assert len(ids) == 700 and len(set(weights.tolist())) == 1 and weights[0] == pytest.approx(2.6)
    ids, weights = postings.posting_arrays(segment, "counts", b"often")
    assert len(ids) == 350 and len(set(weights.tolist())) == 4



def test_a_term_in_one_document_is_read_from_its_entry():
    ix = RamStorage().create_index(fields.Schema(body=fields.TEXT()))
    writer = FastSegmentWriter(ix)
    writer.add_document(body="only once here")
    writer.add_document(body="here again")
    writer.commit()
    with ix.reader() as reader:
        assert postings.raw_postings(reader, "body", b"once").__class__.__name__ == "ListMatcher"  # inlined
        ids, weights = postings.posting_arrays(reader, "body", b"once")
        assert ids.tolist() == [0] and weights.tolist() == [1.0]
        assert postings.posting_arrays(reader, "body", b"here")[0].tolist() == [0, 1]


def test_a_missing_term_raises_as_whoosh_does(segment):
    from whoosh.reading import TermNotFound

    with pytest.raises(TermNotFound):
        postings.posting_arrays(segment, "body", b"absent")


def test_bytes_that_are_not_blocks_are_refused():
    with pytest.raises(postings.PostingsError):
        postings.decode_blocks(b"XXXX" + bytes(20))
