"""The quotes page: quotes found by their words and by who said them, each with
its speaker, role, date, venue and a link to its paragraph, and a speaker facet.
"""
from __future__ import annotations

from flask import Blueprint, render_template, request, url_for

from indexer import QueryError

from .params import SearchState, to_int
from .state import get_index

bp = Blueprint("quotes", __name__)


@bp.route("/quotes")
def quotes():
    q = request.args.get("q", "")
    speaker = request.args.get("speaker") or None
    try:
        results = get_index().quotes(q, speaker=speaker, page=to_int(request.args, "page", 1))
    except QueryError as exc:
        return render_template("quotes.html", state=SearchState(q=q), results=None, error=str(exc)), 400

    def link(**changes):
        args = {"q": q or None, "speaker": speaker, **changes}
        return url_for("quotes.quotes", **{k: v for k, v in args.items() if v})

    return render_template("quotes.html", state=SearchState(q=q), results=results, speaker=speaker, link=link,
                           error=None)
