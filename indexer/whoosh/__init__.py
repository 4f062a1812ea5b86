"""Archivist's Whoosh backend: everything that knows Whoosh lives in this package, behind the
protocols of indexer/backend.py. `backend` is what `indexer.backend.load("whoosh")` gives.
"""
from .engine import WhooshBackend

backend = WhooshBackend()

__all__ = ["WhooshBackend", "backend"]
