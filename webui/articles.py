"""The article page: the cleaned text by paragraph, with the query's terms
highlighted, its metadata, quotes, copies, articles like it, what the cleaner
removed, and a citation for the article or one paragraph.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, render_template, request, url_for

from indexer import Article, QueryError

from .params import SearchState, to_int
from .state import get_index

bp = Blueprint("articles", __name__)


@dataclass
class Cite:
    paragraph: int | None


def citation(article: Article, paragraph: int | None) -> str:
    """Title, source, date and permalink, ready to paste."""
    link = url_for("articles.article", article_id=article.id, _external=True)
    if paragraph:
        link += f"#p{paragraph}"
    where = f", paragraph {paragraph}" if paragraph else ""
    date = article.published or (str(article.year) if article.year else "n.d.")
    source = article.url or article.source
    return f"“{article.title}”{where}. {source}, {date}. Archivist: {link}"


@bp.route("/article/<path:article_id>")
def article(article_id: str):
    ix = get_index()
    record = ix.article(article_id)
    if record is None:
        abort(404)
    q = request.args.get("q", "")
    try:
        paragraphs = [(p, ix.mark(p.text, q)) for p in record.paragraphs]
        cite_paragraph = to_int(request.args, "cite")
    except QueryError:
        paragraphs = [(p, ix.mark(p.text, "")) for p in record.paragraphs]
        cite_paragraph = None
    if cite_paragraph is not None and not 1 <= cite_paragraph <= len(record.paragraphs):
        cite_paragraph = None
    copies = [c for c in (ix.article(i) for i in ix.copies(article_id)) if c]
    return render_template(
        "article.html", article=record, paragraphs=paragraphs, state=SearchState(q=q),
        cite=Cite(cite_paragraph) if "cite" in request.args else None,
        citation=citation(record, cite_paragraph), copies=copies, similar=ix.more_like(article_id),
    )
