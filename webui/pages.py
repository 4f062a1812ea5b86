"""The search page: the query box, ranked results with snippets, facets whose
links add or remove one filter, active filters as chips, sort and pages.
"""
from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from indexer import IndexNotFound, QueryError

from .params import SearchState
from .state import get_index

bp = Blueprint("pages", __name__)


@bp.route("/")
def home():
    return redirect(url_for("pages.search"))


@bp.route("/search")
def search():
    try:
        state = SearchState.from_args(request.args)
        ix = get_index()
        results = ix.search(**state.search_kwargs(current_app.config["PER_PAGE"]))
    except QueryError as exc:
        return render_template("search.html", state=SearchState(q=request.args.get("q", "")),
                               results=None, error=str(exc)), 400
    except IndexNotFound:
        return render_template("error.html", title="No index yet",
                               message="There is no index to search yet: run 'archivist reindex' first."), 503
    return render_template("search.html", state=state, results=results,
                           facets=state.facet_links(results.facets), error=None)


@bp.route("/help")
def help_page():
    return render_template("help.html", state=SearchState())
