"""The index templates of Archivist's two OpenSearch indices: a prefix and the cluster's shape in,
the `_index_template` bodies out. The article index holds the fields of
indexer.build.document_fields, the quote index those of indexer.quote_index.quote_documents, each
analyzed as indexer/whoosh/schema.py analyzes it (analyzers: indexer/opensearch/analysis.py).

A template applies to every index named `<prefix>-articles-*` (or `-quotes-*`) made after it,
so each generation's index is made alike, and a new Archivist's template reaches the next build.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import config
from .analysis import analysis_settings

ARTICLES, QUOTES = "articles", "quotes"
KINDS = (ARTICLES, QUOTES)
TEMPLATE_PRIORITY = 100  # above catch-all templates a cluster may have


@dataclass(frozen=True)
class Shape:
    shards: int = 1
    replicas: int = 0


def text(analyzer: str, search_analyzer: str | None = None) -> dict:
    field = {"type": "text", "analyzer": analyzer}
    if search_analyzer:
        field["search_analyzer"] = search_analyzer
    return field


KEYWORD = {"type": "keyword"}
STORED_TEXT = {"type": "text", "index": False}  # kept in _source only: read back, never searched
STORED_NUMBER = {"type": "integer", "index": False, "doc_values": False}

ARTICLE_FIELDS = {
    "id": KEYWORD,
    "title": text("archivist_stemmed"),
    "text": text("archivist_stemmed"),
    "quotes": text("archivist_stemmed"),
    "fold": text("archivist_names", "archivist_names_search"),  # names in title and text, folded
    "exact": text("archivist_exact"),  # title, text and quotes unstemmed: phrases
    "speaker": text("archivist_fold"),
    "venue_name": text("archivist_fold"),
    "city_name": text("archivist_fold"),
    "country_name": text("archivist_fold"),
    "mentioned": KEYWORD,  # years the text mentions, a list (documents.article_source)
    "group": KEYWORD,  # near-copy group: collapsed on
    "copies": STORED_NUMBER,
    "venue": KEYWORD,
    "city": KEYWORD,
    "country": KEYWORD,
    "language": KEYWORD,
    "year": {"type": "integer"},
    "date": KEYWORD,  # published date, else the year: sorts as text does
    "content_hash": {"type": "keyword", "index": False, "doc_values": False},
    "record": STORED_TEXT,  # the article's full JSON record
}
# Searched, never read back (as in Whoosh, where they are not stored): left out of _source.
ARTICLE_UNSTORED = ["quotes", "fold", "exact", "speaker", "venue_name", "city_name", "country_name", "mentioned"]

QUOTE_FIELDS = {
    "key": KEYWORD,  # article id + "#" + the quote's number
    "text": text("archivist_stemmed"),
    "exact": text("archivist_exact"),
    "fold": text("archivist_fold"),
    "speaker": text("archivist_fold"),
    "speaker_name": KEYWORD,
    "speaker_key": KEYWORD,
    "role": STORED_TEXT,
    "article": KEYWORD,
    "title": STORED_TEXT,
    "paragraph": STORED_NUMBER,
    "date": KEYWORD,
    "venue": STORED_TEXT,
    "country": STORED_TEXT,
    "language": KEYWORD,
    "words": KEYWORD,  # the quote's first words: the same quote in other articles
}
QUOTE_UNSTORED = ["exact", "fold"]

FIELDS = {ARTICLES: (ARTICLE_FIELDS, ARTICLE_UNSTORED), QUOTES: (QUOTE_FIELDS, QUOTE_UNSTORED)}


def index_settings(shape: Shape) -> dict:
    return {
        "number_of_shards": shape.shards,
        "number_of_replicas": shape.replicas,
        # Archivist pages as deep as config allows (page 1000 of 100); deep pages cost the cluster.
        "max_result_window": config.MAX_PAGE * config.MAX_PER_PAGE,
        # BM25 with the parameters tuned on CACM (config.BM25_K1, BM25_B), per field: Lucene's BM25,
        # not Whoosh's BM25F, so scores differ a little.
        "similarity": {"default": {"type": "BM25", "k1": config.BM25_K1, "b": config.BM25_B}},
        "analysis": analysis_settings(),
    }


def template(prefix: str, kind: str, shape: Shape) -> dict:
    """The `_index_template` body for the article or quote indices under `prefix`."""
    fields, unstored = FIELDS[kind]
    return {
        "index_patterns": [f"{prefix}-{kind}-*"],
        "priority": TEMPLATE_PRIORITY,
        "template": {
            "settings": {"index": index_settings(shape)},
            "mappings": {
                "dynamic": "strict",  # a field the schema does not name is an error, not a guess
                "_source": {"excludes": unstored},
                "properties": fields,
            },
        },
    }
