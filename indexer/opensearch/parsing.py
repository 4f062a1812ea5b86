"""The query language for the OpenSearch backend: text in, Archivist's query tree out. The syntax
is read by the Whoosh backend's parser (indexer/whoosh/parsing.py), over the Whoosh schemas with
one change: each text field's words are analyzed by the cluster, with the analyzer the field's
mapping names (the `_analyze` API), so a query's words become exactly the terms the cluster
indexed, even where its stock analysis and Archivist's differ (docs/scale-out.md).

The OpenSearch backend borrows the parser from the Whoosh backend: its output is engine-neutral,
and one parser keeps one query language, whichever engine searches.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from .. import querytree as qt
from ..whoosh import parsing
from ..whoosh.schema import article_schema, quote_schema
from ..whoosh.translate import from_whoosh
from .mappings import ARTICLE_FIELDS, QUOTE_FIELDS

# analyzer name, text -> the tokens (term, position, start, end) the cluster makes of the text
Analyze = Callable[[str, str], list[tuple[str, int, int, int]]]


def query_analyzers(fields: dict) -> dict[str, str]:
    """Each analyzed field's analyzer for a query's words, as its mapping names it."""
    return {name: field.get("search_analyzer", field["analyzer"]) for name, field in fields.items() if "analyzer" in field}


def with_cluster_analysis(schema, fields: dict, analyze: Analyze):
    """The parser's schema with its text fields' words analyzed by the cluster."""
    return parsing.with_outside_analysis(
        schema, {name: (lambda text, analyzer=analyzer: analyze(analyzer, text))
                 for name, analyzer in query_analyzers(fields).items()})


class Parsers:
    """A generation's parsers of both indexes' query languages, made once per set of options and
    shared (a Whoosh parser only reads its settings)."""

    def __init__(self, analyze: Analyze):
        self.articles = with_cluster_analysis(article_schema(), ARTICLE_FIELDS, analyze)
        self.quotes = with_cluster_analysis(quote_schema(), QUOTE_FIELDS, analyze)
        self.quote_parser = parsing.quote_parser(self.quotes)
        self._parsers: dict = {}
        self._lock = threading.Lock()

    def parse(self, text: str, fields: Sequence[str], boosts: dict[str, float], match: str,
              syntax: bool = True) -> qt.Node | None:
        key = (tuple(fields), tuple(sorted(boosts.items())), match, syntax)
        with self._lock:
            parser = self._parsers.get(key)
            if parser is None:
                parser = self._parsers[key] = parsing.article_parser(self.articles, fields, boosts, match, syntax)
        return parsing.parse_syntax(parser, text) if syntax else parsing.parse_words(parser, text)

    def parse_quotes(self, text: str) -> qt.Node:
        """The quote index's words: all required, in the quote's stemmed words or folded ones."""
        return from_whoosh(self.quote_parser.parse(text), self.quotes)
