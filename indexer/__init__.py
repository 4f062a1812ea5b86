"""Archivist's indexer: the library behind the CLI and the web UI.

    report = indexer.reindex(["archive/"], "var/index")
    ix = indexer.open_index("var/index")
    results = ix.search("golden cradle", country="Kazakhstan")
"""
from .build import NoInput, reindex
from .model import Article, FacetValue, Failure, Hit, Paragraph, Quote, ReindexReport, Removed, Results
from .search import Index, IndexDamaged, IndexNotFound, IndexOutdated, QueryError, open_index
from .storage import IndexLocked

__all__ = [
    "Article",
    "FacetValue",
    "Failure",
    "Hit",
    "Index",
    "IndexDamaged",
    "IndexLocked",
    "IndexNotFound",
    "IndexOutdated",
    "NoInput",
    "Paragraph",
    "QueryError",
    "Quote",
    "ReindexReport",
    "Removed",
    "Results",
    "open_index",
    "reindex",
]
