"""The Whoosh backend: a generation folder in, an open generation out (shared by threads, each
reading it with readers of its own), and generations written from Changes. What
indexer/backend.py asks of a backend, done with Whoosh.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from .. import querytree as qt
from ..backend import Changes
from . import indexes, parsing, writing
from .columns import ColumnCache
from .quote_reader import WhooshQuoteReader
from .reader import WhooshArticleReader


class WhooshGeneration:
    """The open article index of a generation, its columns' arrays (read once, shared by every
    thread's reader) and its query parsers."""

    def __init__(self, generation: Path):
        self.folder = generation
        self.ix = indexes.articles(generation)
        self.schema = self.ix.schema
        self.columns = ColumnCache()
        self.has_quotes = (generation / indexes.QUOTES).exists()
        self._parsers: dict = {}
        self._lock = threading.Lock()

    def parse(self, text: str, fields: Sequence[str], boosts: dict[str, float], match: str,
              syntax: bool = True) -> qt.Node | None:
        key = (tuple(fields), id(boosts), match, syntax)
        with self._lock:
            parser = self._parsers.get(key)
            if parser is None:
                parser = self._parsers[key] = parsing.article_parser(self.schema, fields, boosts, match, syntax)
        return parsing.parse_syntax(parser, text) if syntax else parsing.parse_words(parser, text)

    def reader(self) -> WhooshArticleReader:
        return WhooshArticleReader(self.ix, self.columns)

    def quote_reader(self) -> WhooshQuoteReader | None:
        return WhooshQuoteReader(self.folder) if self.has_quotes else None


class WhooshBackend:
    name = "whoosh"

    def exists(self, generation: Path) -> bool:
        return indexes.exists(generation)

    def open(self, generation: Path) -> WhooshGeneration:
        return WhooshGeneration(generation)

    def write(self, generation: Path, changes: Changes, workers: int = 1) -> None:
        writing.write(generation, changes, workers)
