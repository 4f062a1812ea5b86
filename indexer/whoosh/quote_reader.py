"""One thread's reader of a generation's quote index: a query tree in, a page of stored quotes
out with the count of every speaker key among all the matches; and the index's words of a
field with their document counts, and the documents holding a value.
"""
from __future__ import annotations

from pathlib import Path

from whoosh import sorting
from whoosh.query import Term

from .. import querytree as qt
from ..backend import QuotePage
from . import indexes
from .parsing import quote_parser
from .reader import bm25f
from .translate import from_whoosh, to_whoosh


class WhooshQuoteReader:
    def __init__(self, generation: Path):
        ix = indexes.quotes(generation)
        self.searcher = ix.searcher(weighting=bm25f())
        self.schema = ix.schema
        self.parser = quote_parser(ix.schema)

    def close(self) -> None:
        self.searcher.close()

    def parse(self, text: str) -> qt.Node:
        return from_whoosh(self.parser.parse(text), self.schema)

    def search(self, query: qt.Node, page: int, per_page: int, by_date: bool) -> QuotePage:
        results = self.searcher.search(
            to_whoosh(query, self.schema), limit=page * per_page,
            sortedby=sorting.FieldFacet("date") if by_date else None,
            groupedby={"speaker": sorting.FieldFacet("speaker_key", maptype=sorting.Count)},
        )
        hits = [hit.fields() for hit in results[(page - 1) * per_page : page * per_page]]
        return QuotePage(len(results), hits, dict(results.groups("speaker")))

    def word_counts(self, field: str) -> dict[str, int]:
        reader = self.searcher.reader()
        return {word: reader.doc_frequency(field, word) for word in reader.field_terms(field)}

    def documents(self, field: str, value: str) -> list[dict]:
        return [hit.fields() for hit in self.searcher.search(Term(field, value), limit=None)]
