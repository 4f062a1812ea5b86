"""The article page: the cleaned text by paragraph, with the query's terms
highlighted, its metadata and what the cleaner removed.
"""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from indexer import IndexNotFound, QueryError

from .params import SearchState
from .state import get_index

bp = Blueprint("articles", __name__)


@bp.route("/article/<path:article_id>")
def article(article_id: str):
    try:
        ix = get_index()
    except IndexNotFound:
        return render_template("error.html", title="No index yet",
                               message="There is no index yet: run 'archivist reindex' first."), 503
    record = ix.article(article_id)
    if record is None:
        abort(404)
    q = request.args.get("q", "")
    try:
        paragraphs = [(p, ix.mark(p.text, q)) for p in record.paragraphs]
    except QueryError:
        paragraphs = [(p, ix.mark(p.text, "")) for p in record.paragraphs]
    return render_template("article.html", article=record, paragraphs=paragraphs, state=SearchState(q=q))
