"""The search page: the query box, ranked results with snippets, facets whose
links add or remove one filter, active filters as chips, a timeline, sort and
pages; and the exports of the same result set.
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for

from indexer import QueryError, config, export

from . import timeline
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
        results = get_index().search(**state.search_kwargs(current_app.config["PER_PAGE"]))
    except QueryError as exc:
        return render_template("search.html", state=SearchState(q=request.args.get("q", "")),
                               results=None, error=str(exc)), 400
    chart = timeline.chart(results.timeline, state.timeline_url)
    return render_template("search.html", state=state, results=results, chart=chart,
                           facets=state.facet_links(results.facets), error=None)


@bp.route("/export.<fmt>")
def export_results(fmt: str):
    """The current result set, all pages (up to a limit), as CSV or JSON lines."""
    if fmt not in ("csv", "jsonl"):
        return render_template("error.html", title="Unknown format", message="Export as .csv or .jsonl."), 404
    try:
        state = SearchState.from_args(request.args)
        articles = get_index().articles(state.q, limit=config.EXPORT_LIMIT, **state.filter_kwargs())
    except QueryError as exc:
        return render_template("error.html", title="Bad request", message=str(exc)), 400
    lines = export.csv_lines(articles) if fmt == "csv" else export.json_lines(articles)
    mimetype = "text/csv" if fmt == "csv" else "application/x-ndjson"
    return Response(lines, mimetype=f"{mimetype}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="archivist-export.{fmt}"'})


@bp.route("/help")
def help_page():
    return render_template("help.html", state=SearchState())
