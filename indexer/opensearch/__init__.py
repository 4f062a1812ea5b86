"""Archivist's OpenSearch backend: everything that knows OpenSearch (and imports opensearch-py)
lives in this package, behind the protocols of indexer/backend.py. `backend` is what
`indexer.backend.load("opensearch")` gives; docs/scale-out.md says how to run it.
"""
from .engine import OpenSearchBackend

backend = OpenSearchBackend()

__all__ = ["OpenSearchBackend", "backend"]
