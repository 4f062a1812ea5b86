"""The engine boundary: what a search backend does for Archivist, as typed protocols, and the
plain dataclasses that cross it. Documents go in as field dicts (fields named in schema.py),
queries as query trees (querytree.py); stored fields, scores and counts come out.

The embedded default is Whoosh (indexer/whoosh/); `load(config.ENGINE)` gives the backend.
A backend owns its files under a generation folder; storage.py swaps generations.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .model import Article
from .querytree import Node

Fields = dict[str, object]  # one document: field name -> value


class TooManyExpansions(Exception):
    """A word* or word~ stands for more index words than a search may try; `word` is what was typed."""

    def __init__(self, word: str):
        super().__init__(word)
        self.word = word


class WriteFailed(RuntimeError):
    """Writing a generation failed; the message says why."""


class ArticleBatches(Protocol):
    """Articles a batch at a time, as often as asked (indexer.spool: from a spool on disk, or a list)."""

    def __len__(self) -> int: ...

    def batches(self, select: Callable[[int], bool] | None = None) -> Iterator[list[Article]]:
        """The batches in order; only those whose number `select` accepts, when given."""


@dataclass
class Changes:
    """What one reindex does to a generation: the documents of `removed` ids (articles and their
    quotes) go first, then `articles` are written in order, each with its quotes."""

    removed: Sequence[str]
    articles: ArticleBatches
    article_document: Callable[[Article], Fields]
    quote_documents: Callable[[Article], list[Fields]]


SORTS = ("relevance", "newest", "oldest")  # by score, or by the `date` field


@dataclass
class SearchRequest:
    query: Node
    filters: Node | None = None  # what every match must also match, unscored
    sort: str = "relevance"
    page: int = 1
    per_page: int | None = 10  # None: every match
    collapse: bool = True  # a group of near-copies (the `group` field) shows its earliest article only
    facets: bool = True  # count the matches' values of config.FACETS and `mentioned`
    explain: bool = False  # say which (field, term) pairs each hit matched
    seconds: float | None = None  # stop after this long, with what was found by then
    # when fewer than per_page match `query`: the matches of the query this gives follow, best first
    # (made only then: most searches have a page of matches)
    loosened: Callable[[], Node] | None = None
    max_expansions: int | None = None  # more words than this for a word* or word~: TooManyExpansions


@dataclass
class StoredHit:
    fields: Fields  # the stored fields
    score: float
    matched: list[str] | None = None  # "field:term" pairs, when the search explains itself


@dataclass
class SearchPage:
    total: int  # matches counted (a group of near-copies counted as Whoosh's collapsing counts it)
    hits: list[StoredHit]  # the page asked for
    facets: dict[str, dict[object, int]] = field(default_factory=dict)  # facet -> value -> count
    stopped: bool = False  # the time ran out: what was found by then
    strict_total: int = 0  # the matches of `query` alone, when `loosened` added more


@dataclass
class QuotePage:
    total: int
    hits: list[Fields]
    speakers: dict[str, int]  # every match's `speaker_key` -> its count


class ArticleReader(Protocol):
    """One thread's view of a generation's articles (readers need not be thread-safe)."""

    def search(self, request: SearchRequest) -> SearchPage: ...

    def document(self, article_id: str) -> Fields | None: ...

    def first_document(self) -> Fields | None:
        """Any stored document, read at once: damage to the files shows when the index opens."""

    def more_like(self, article_id: str, field: str, top: int) -> list[StoredHit]:
        """Documents most like this one, by the distinctive words of its `field`, best first."""

    def doc_count(self) -> int: ...

    def doc_frequency(self, field: str, text: str) -> int: ...

    def words(self, field: str) -> Iterable[str]:
        """Every word the field's index holds, once each (for did-you-mean, read once per generation)."""


class QuoteReader(Protocol):
    """One thread's view of a generation's quote index."""

    def parse(self, text: str) -> Node:
        """The quote query language: all words required, in the quote's words or folded."""

    def search(self, query: Node, page: int, per_page: int, by_date: bool) -> QuotePage: ...

    def word_counts(self, field: str) -> dict[str, int]:
        """Every word of a field with the number of documents holding it."""

    def documents(self, field: str, value: str) -> list[Fields]:
        """The stored fields of every document whose field holds the value."""


class OpenGeneration(Protocol):
    """A generation opened once and shared by threads, each reading it with readers of its own."""

    def parse(self, text: str, fields: Sequence[str], boosts: dict[str, float], match: str,
              syntax: bool = True) -> Node | None:
        """Text already in the schema's terms (query.rewrite) as a tree: words in `fields`, all
        required (match "all") or any; with `syntax`, also "phrases", OR, NOT, -word, word*, word~,
        field:value, [a TO b]. None when the text cannot be read."""

    def reader(self) -> ArticleReader: ...

    def quote_reader(self) -> QuoteReader | None:
        """None when the generation has no quote index."""


class Backend(Protocol):
    def exists(self, generation: Path) -> bool:
        """Whether the folder holds an index of this backend."""

    def open(self, generation: Path) -> OpenGeneration: ...

    def write(self, generation: Path, changes: Changes, workers: int = 1) -> None:
        """Apply the changes to the generation (created when new) and commit all of them, or none.
        Raises WriteFailed."""


def load(name: str) -> Backend:
    """The backend of the package indexer.<name>, which names it `backend`."""
    return importlib.import_module(f"{__package__}.{name}").backend
