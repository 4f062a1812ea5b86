"""Each document's terms of a field in order, as 32-bit hashes in a Whoosh column: a long phrase
is checked in the few documents its rarest words leave by comparing hashes (phrases.verified),
without unpickling the document's stored fields or tokenizing its text again.
"""
from __future__ import annotations

from dataclasses import dataclass
from hashlib import blake2b

import numpy as np
from whoosh.columns import VarBytesColumn

from .terms import FastText

HASH = np.dtype("<u4")  # a term's hash, as the column stores it
HEADER = 4  # bytes before a document's hashes: its salt, a HASH
REMEMBERED = 65_536  # terms whose hashes a writer keeps: most of a document's words are among them


def term_hash(term: str, salt: int = 0) -> int:
    """A term's hash: stable across processes and versions (unlike hash()), changed entirely by the salt."""
    digest = blake2b(term.encode("utf-8"), digest_size=HASH.itemsize, salt=salt.to_bytes(16, "little")).digest()
    return int.from_bytes(digest, "little")


class Hasher:
    """Unsalted hashes of the terms a writer has met lately (the same words come again and again), and
    the hashes that two distinct terms among them share: a document holding such a hash is checked."""

    def __init__(self, remembered: int = REMEMBERED):
        self.remembered = remembered
        self.hash_of: dict[str, int] = {}
        self.term_of: dict[int, str] = {}  # the first term met with each hash since the last clear
        self.shared: set[int] = set()

    def value(self, terms: list[str]) -> bytes:
        """A document's column value: its salt, then its terms' hashes, salted so that no two distinct
        terms of the document share one (a word's count in it is then exactly its hash's count)."""
        if len(self.hash_of) > self.remembered:  # between documents only: a document's terms are all met below
            self.hash_of.clear()
            self.term_of.clear()
        hash_of = self.hash_of
        for term in terms:
            if term not in hash_of:
                hashed = hash_of[term] = term_hash(term)
                if self.term_of.setdefault(hashed, term) != term:
                    self.shared.add(hashed)
        hashes = np.fromiter(map(hash_of.__getitem__, terms), dtype=HASH, count=len(terms))
        salt = 0
        # Two distinct terms of this document with one hash were both met since the last clear, so the
        # hash is among the shared; only then are the document's hashes and terms counted.
        if self.shared and not self.shared.isdisjoint(hashes.tolist()):
            distinct = set(terms)
            while len(set(hashes.tolist())) != len(distinct):
                salt += 1
                salted = {term: term_hash(term, salt) for term in distinct}
                hashes = np.fromiter(map(salted.__getitem__, terms), dtype=HASH, count=len(terms))
        return np.array([salt], dtype=HASH).tobytes() + hashes.tobytes()


HASHER = Hasher()  # one per writer process: the schema's field is pickled, this is not


class SequencedText(FastText):
    """A FastText field whose column holds each document's terms in order, hashed (Hasher.value).
    Its terms must count positions from 0 (analysis.exact_terms), as the column's do."""

    def __init__(self, terms_of, **kwargs):
        super().__init__(terms_of, **kwargs)
        self.column_type = VarBytesColumn()

    def to_column_value(self, value) -> bytes:
        terms, first = self.terms(value)
        if first:
            raise ValueError("a sequenced field's terms count positions from 0")
        return HASHER.value(terms)

    def from_column_value(self, value: bytes) -> bytes:
        return value


def column(reader, fieldname: str):
    """The segment's column of the field's hashed terms (read through the reader's cache, so opened
    once per segment), or None where there is none: the field is not sequenced, or not a segment's."""
    field = reader.schema[fieldname] if fieldname in reader.schema else None
    perdoc = getattr(reader, "_perdoc", None)
    if not isinstance(field, SequencedText) or perdoc is None:
        return None
    return perdoc._cached_reader(fieldname, field.column_type)


@dataclass
class Sequences:
    """Some documents' hashed terms end to end: document i's are hashes[starts[i] : starts[i] + lengths[i]],
    hashed with salts[i]."""

    hashes: np.ndarray
    starts: np.ndarray
    lengths: np.ndarray
    salts: np.ndarray


def read(column, docnums: list[int]) -> Sequences:
    """The documents' hashed terms, read from the column in one piece (a document without a value: none)."""
    values = [column[docnum] or bytes(HEADER) for docnum in docnums]
    salts = np.frombuffer(b"".join(value[:HEADER] for value in values), dtype=HASH)
    hashes = np.frombuffer(b"".join(value[HEADER:] for value in values), dtype=HASH)
    lengths = np.array([(len(value) - HEADER) // HASH.itemsize for value in values], dtype=np.int64)
    starts = np.zeros(len(values), dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    return Sequences(hashes, starts, lengths, salts)
