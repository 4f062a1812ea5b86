"""Index-time analysis in one pass: a field's terms (from indexer/analysis.py) in, its Whoosh
postings out (term bytes, frequency, weight, encoded positions), exactly what the field's
Whoosh analyzer chain gives (tests/test_terms.py compares them), at a fifth of the cost.

Whoosh runs every token through a chain of generators as a Token object; the
big text fields of every article pay that cost hundreds of times over.
Queries still go through the analyzers in schema.py.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

from whoosh.fields import TEXT
from whoosh.formats import Existence, Frequency, Positions
from whoosh.system import pack_uint

from ..analysis import Terms


def positional(terms: Terms, field_format) -> list[tuple[bytes, int, float, bytes]]:
    """Postings of a Positions-format field, as Positions.word_values encodes them."""
    found, first = terms
    positions: dict[str, list[int]] = defaultdict(list)
    for pos, term in enumerate(found, start=first):
        positions[term].append(pos)
    boost, encode = field_format.field_boost, field_format.encode
    return [(term.encode("utf-8"), len(at), len(at) * 1.0 * boost, encode_one(at[0]) if len(at) == 1 else encode(at))
            for term, at in positions.items()]


@lru_cache(maxsize=4096)
def encode_one(position: int) -> bytes:
    """Most terms stand once in a document: their encoded positions are the same few values, kept."""
    return Positions().encode([position])


def present(terms: Terms, field_format) -> list[tuple[bytes, int, float, bytes]]:
    """Postings of an Existence-format field, as Existence.word_values encodes them: no counts kept."""
    boost = field_format.field_boost
    return [(term.encode("utf-8"), 1, boost, b"") for term in set(terms[0])]


def counted(terms: Terms, field_format) -> list[tuple[bytes, int, float, bytes]]:
    """Postings of a Frequency-format field, as Frequency.word_values encodes them."""
    counts: dict[str, int] = defaultdict(int)
    for term in terms[0]:
        counts[term] += 1
    boost = field_format.field_boost
    return [(term.encode("utf-8"), n, n * 1.0 * boost, pack_uint(n)) for term, n in counts.items()]


class FastText(TEXT):
    """A TEXT field whose index-time terms come from `terms_of` (a module-level function, so the schema
    pickles) instead of its analyzer; the analyzer still parses queries and must agree with it."""

    def __init__(self, terms_of: Callable[[str], Terms], **kwargs):
        super().__init__(**kwargs)
        self.terms_of = terms_of

    def terms(self, value: str) -> Terms:
        return self.terms_of(value)

    def index(self, value, **kwargs):
        if not isinstance(value, str):
            return super().index(value, **kwargs)
        terms = self.terms(value)
        if isinstance(self.format, Existence):
            return present(terms, self.format)
        if isinstance(self.format, Frequency):
            return counted(terms, self.format)
        return positional(terms, self.format)
