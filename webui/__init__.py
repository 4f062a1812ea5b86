"""Archivist's web UI: a thin Flask layer over `indexer.search`.

`create_app(config)` builds the app; every page's state is in its URL, and
the HTML pages and the JSON API render the same result objects.
"""
from __future__ import annotations

import logging
import time
from urllib.parse import urlsplit

from flask import Flask, g, render_template, request

from indexer import IndexDamaged, IndexNotFound, IndexOutdated
from indexer import config as indexer_config

from . import api, articles, pages, quotes, ratelimit, state

log = logging.getLogger("archivist.requests")


def web_url(url: str | None) -> str | None:
    """A link target only for http(s) URLs: an article's `javascript:` URL must not become a link."""
    return url if url and urlsplit(url).scheme.lower() in ("http", "https") else None


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(
        INDEX_DIR=str(indexer_config.default_index_dir()),
        PER_PAGE=10,
        API_RATE_PER_MINUTE=indexer_config.API_RATE_PER_MINUTE,
    )
    if test_config:
        app.config.from_mapping(test_config)
    state.init_app(app)
    ratelimit.init_app(app)
    app.add_template_filter(web_url)
    app.register_blueprint(pages.bp)
    app.register_blueprint(articles.bp)
    app.register_blueprint(quotes.bp)
    app.register_blueprint(api.bp)

    @app.errorhandler(IndexNotFound)
    def no_index(exc):
        """Every page's answer when there is no index to read (the API answers in JSON, in api.py)."""
        if isinstance(exc, IndexOutdated):
            title, message = "Index outdated", "The index was written by another version of Archivist: run 'archivist reindex --full'."
        elif isinstance(exc, IndexDamaged):
            title, message = "Index damaged", "The index is damaged: run 'archivist reindex --full' to rebuild it."
        else:
            title, message = "No index yet", "There is no index to search yet: run 'archivist reindex' first."
        return render_template("error.html", title=title, message=message), 503

    @app.before_request
    def start_timer():
        g.started = time.monotonic()

    @app.after_request
    def finish(response):
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        elapsed = (time.monotonic() - g.get("started", time.monotonic())) * 1000
        log.info('%s "%s %s" %s %.1fms', request.remote_addr, request.method, request.full_path.rstrip("?"),
                 response.status_code, elapsed)
        return response

    return app
