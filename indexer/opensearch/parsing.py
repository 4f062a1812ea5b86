"""The query language for the OpenSearch backend: text in, Archivist's query tree out, read by the
Whoosh backend's parser (indexer/whoosh/parsing.py) over the Whoosh schemas, whose analyzers
make the tree's words index terms exactly as Archivist's analysis does.

This module is the one place the OpenSearch backend borrows from Whoosh: the parser's output is
engine-neutral, and one parser keeps one query language, whichever engine searches.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache

from .. import querytree as qt
from ..whoosh import parsing
from ..whoosh.schema import article_schema, quote_schema
from ..whoosh.translate import from_whoosh


@lru_cache(maxsize=1)
def schemas():
    return article_schema(), quote_schema()


class Parsers:
    """Parsers made once per set of options and shared (a Whoosh parser only reads its settings)."""

    def __init__(self):
        self._parsers: dict = {}
        self._lock = threading.Lock()

    def parse(self, text: str, fields: Sequence[str], boosts: dict[str, float], match: str,
              syntax: bool = True) -> qt.Node | None:
        key = (tuple(fields), tuple(sorted(boosts.items())), match, syntax)
        with self._lock:
            parser = self._parsers.get(key)
            if parser is None:
                parser = self._parsers[key] = parsing.article_parser(schemas()[0], fields, boosts, match, syntax)
        return parsing.parse_syntax(parser, text) if syntax else parsing.parse_words(parser, text)


@lru_cache(maxsize=1)
def quote_parser():
    return parsing.quote_parser(schemas()[1])


def parse_quotes(text: str) -> qt.Node:
    """The quote index's words: all required, in the quote's stemmed words or folded ones."""
    return from_whoosh(quote_parser().parse(text), schemas()[1])
