"""The JSON API: the same result objects as the pages, as JSON, and one error
shape, {"error": {"code", "message"}}, with a matching HTTP status.
"""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from indexer import IndexDamaged, IndexNotFound, IndexOutdated, QueryError

from . import openapi
from .params import SearchState, to_int
from .state import get_index

bp = Blueprint("api", __name__, url_prefix="/api")


def error(status: int, code: str, message: str):
    return jsonify({"error": {"code": code, "message": message}}), status


@bp.errorhandler(QueryError)
def bad_query(exc):
    return error(400, "bad_request", str(exc))


@bp.errorhandler(IndexNotFound)
def no_index(exc):
    if isinstance(exc, IndexOutdated):
        return error(503, "index_outdated", "The index was written by another version of Archivist: run 'archivist reindex --full'.")
    if isinstance(exc, IndexDamaged):
        return error(503, "index_damaged", "The index is damaged: run 'archivist reindex --full' to rebuild it.")
    return error(503, "no_index", "There is no index yet: run 'archivist reindex' first.")


SEARCH_PARAMS = {"q", "venue", "country", "year", "lang", "mentioned", "sort", "page", "per_page", "explain", "match"}
QUOTE_PARAMS = {"q", "speaker", "page", "per_page"}


def check_params(allowed: set[str]) -> None:
    """An unknown parameter (a facet that does not exist, a typo) is an error, not silently ignored."""
    unknown = sorted(set(request.args) - allowed)
    if unknown:
        raise QueryError(f"unknown parameter '{unknown[0]}'; use: {', '.join(sorted(allowed))}")


@bp.route("/search")
def search():
    check_params(SEARCH_PARAMS)
    state = SearchState.from_args(request.args)
    results = get_index().search(**state.search_kwargs(current_app.config["PER_PAGE"]))
    return jsonify(results.to_json())


@bp.route("/quotes")
def quotes():
    check_params(QUOTE_PARAMS)
    per_page = to_int(request.args, "per_page", 20)
    results = get_index().quotes(request.args.get("q", ""), speaker=request.args.get("speaker") or None,
                                 page=to_int(request.args, "page", 1), per_page=per_page)
    return jsonify(results.to_json())


@bp.route("/openapi.json")
def openapi_document():
    return jsonify(openapi.document())


@bp.route("/articles/<path:article_id>")
def article(article_id: str):
    record = get_index().article(article_id)
    if record is None:
        return error(404, "not_found", f"No article with id '{article_id}'.")
    return jsonify(record.to_json())


@bp.app_errorhandler(404)
def not_found(exc):
    if request.path.startswith("/api/"):
        return error(404, "not_found", "No such API endpoint.")
    from flask import render_template

    return render_template("error.html", title="Not found", message="There is no page here."), 404


@bp.app_errorhandler(500)
def server_error(exc):
    if request.path.startswith("/api/"):
        return error(500, "internal", "Something went wrong on our side.")
    from flask import render_template

    return render_template("error.html", title="Error", message="Something went wrong on our side."), 500
