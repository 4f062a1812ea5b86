"""The OpenSearch backend: a generation folder in (its opensearch.json names the cluster's
indices), an open generation out, whose readers search the cluster; and generations written from
Changes (writing.py). What indexer/backend.py asks of a backend, done with an OpenSearch cluster
at config.OPENSEARCH_URL.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from opensearchpy.exceptions import TransportError

from .. import querytree as qt
from ..backend import Changes
from . import names, writing
from .analyze import ClusterAnalysis
from .client import connect
from .mappings import ARTICLES
from .parsing import Parsers
from .reader import OpenSearchArticleReader, OpenSearchQuoteReader


class OpenSearchGeneration:
    """A generation's names and one client, shared by the threads (opensearch-py's client is
    thread-safe); each thread's readers are thin views of them."""

    def __init__(self, generation: Path):
        self.folder = generation
        found = names.read(generation)
        if found is None:
            raise FileNotFoundError(f"{generation / names.FILE}: not an OpenSearch generation")
        self.names = found
        self.client = connect()
        self.parsers = Parsers(ClusterAnalysis(self.client, found.alias(ARTICLES)))

    def parse(self, text: str, fields: Sequence[str], boosts: dict[str, float], match: str,
              syntax: bool = True) -> qt.Node | None:
        return self.parsers.parse(text, fields, boosts, match, syntax)

    def reader(self) -> OpenSearchArticleReader:
        return OpenSearchArticleReader(self.client, self.names, self.folder)

    def quote_reader(self) -> OpenSearchQuoteReader:
        return OpenSearchQuoteReader(self.client, self.names, self.parsers.parse_quotes)


class OpenSearchBackend:
    name = "opensearch"

    def exists(self, generation: Path) -> bool:
        """Whether the folder names an index the cluster holds; when the cluster does not answer,
        opening the generation says so."""
        found = names.read(generation)
        if found is None:
            return False
        try:
            return bool(connect().indices.exists(index=found.index(ARTICLES)))
        except (TransportError, OSError):
            return True

    def open(self, generation: Path) -> OpenSearchGeneration:
        return OpenSearchGeneration(generation)

    def write(self, generation: Path, changes: Changes, workers: int = 1) -> None:
        writing.write(generation, changes, workers)
