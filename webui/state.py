"""The web UI's one open index: opened on first use, kept per app, reopened by
`indexer.Index` itself when a reindex swaps in a new generation.
"""
from __future__ import annotations

import threading

from flask import Flask, current_app

import indexer

_lock = threading.Lock()


def init_app(app: Flask) -> None:
    app.extensions["archivist_index"] = None


def get_index() -> indexer.Index:
    """The app's Index; raises indexer.IndexNotFound when there is none yet."""
    ix = current_app.extensions.get("archivist_index")
    if ix is None:
        with _lock:
            ix = current_app.extensions.get("archivist_index")
            if ix is None:
                ix = indexer.open_index(current_app.config["INDEX_DIR"])
                current_app.extensions["archivist_index"] = ix
    return ix
