"""A document's column value: its terms' hashes in order, salted only where two of its distinct terms
would share a hash, whatever the writer remembered of earlier documents."""
from __future__ import annotations

import numpy as np

from indexer.whoosh.sequences import HASH, HEADER, Hasher, term_hash

A, B = "w52890", "w55286"  # distinct words, one unsalted hash


def decoded(value: bytes) -> tuple[int, list[int]]:
    return int(np.frombuffer(value[:HEADER], HASH)[0]), np.frombuffer(value[HEADER:], HASH).tolist()


def test_a_documents_value_is_its_terms_hashes_in_order():
    terms = ["the", "cat", "and", "the", "dog", "中华", "华人"]
    assert decoded(Hasher().value(terms)) == (0, [term_hash(term) for term in terms])
    assert decoded(Hasher().value([])) == (0, [])


def test_two_terms_of_a_document_sharing_a_hash_are_salted_apart():
    assert A != B and term_hash(A) == term_hash(B)
    hasher = Hasher()
    salt, hashes = decoded(hasher.value(["x", A, "y", B, A]))
    assert salt and hashes == [term_hash(term, salt) for term in ["x", A, "y", B, A]]
    assert hashes[1] != hashes[3]
    assert decoded(hasher.value(["x", A, A])) == (0, [term_hash("x"), term_hash(A), term_hash(A)])  # one of them


def test_a_shared_hash_is_found_whether_its_terms_came_earlier_or_after_the_writer_forgot():
    met_before = Hasher()
    met_before.value([A])
    met_before.value([B])
    assert decoded(met_before.value([B, "z", A]))[0]
    forgetful = Hasher(remembered=1)  # forgets between documents, never within one
    for terms in ([A, "x"], ["y", "z"], [B, "q"]):
        assert decoded(forgetful.value(terms))[0] == 0
    assert decoded(forgetful.value(["z", B, A]))[0]
