"""Documents as OpenSearch takes them: Archivist's field dicts (indexer.build.document_fields,
indexer.quote_index.quote_documents) in, the bulk API's actions out (opensearch-py's helper form:
`_op_type`, `_index`, `_id` and the `_source`), and the delete-by-query body that drops the quotes
of removed articles.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..backend import Fields

DELETE_CHUNK = 1000  # article ids per delete-by-query: a terms query far below its 65,536 limit


def article_source(fields: Fields) -> dict:
    """The article's `_source`: `mentioned` as a list of years (a keyword field holds several
    values; Whoosh's held them space-separated), and an article outside any group of copies in a
    group of its own (collapsing puts every article without a group into one)."""
    source = dict(fields)
    source["mentioned"] = str(fields.get("mentioned") or "").split()
    source["group"] = fields.get("group") or fields["id"]
    return source


def index_article(index: str, fields: Fields) -> dict:
    return {"_op_type": "index", "_index": index, "_id": fields["id"], "_source": article_source(fields)}


def index_quote(index: str, fields: Fields) -> dict:
    return {"_op_type": "index", "_index": index, "_id": fields["key"], "_source": dict(fields)}


def delete_article(index: str, article_id: str) -> dict:
    return {"_op_type": "delete", "_index": index, "_id": article_id}


def quotes_of(article_ids: Sequence[str]) -> dict:
    """The delete-by-query body for the quotes of these articles."""
    return {"query": {"terms": {"article": list(article_ids)}}}
