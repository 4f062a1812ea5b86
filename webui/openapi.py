"""The JSON API described as an OpenAPI 3 document, served at /api/openapi.json."""
from __future__ import annotations

from indexer import config

FILTERS = [
    {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": config.MAX_QUERY_CHARS},
     "description": 'Words (all required), "an exact phrase", field:value, year:2019..2021, OR, -word, word*, word~'},
    {"name": "venue", "in": "query", "schema": {"type": "string"}},
    {"name": "country", "in": "query", "schema": {"type": "string"}},
    {"name": "year", "in": "query", "schema": {"type": "integer"}},
    {"name": "lang", "in": "query", "schema": {"type": "string"}, "description": "ISO 639-1 code"},
    {"name": "mentioned", "in": "query", "schema": {"type": "integer"}, "description": "a year the text mentions"},
]
MATCH = {"name": "match", "in": "query", "schema": {"type": "string", "enum": ["all", "any"]},
         "description": "all: every word; any: any word. Left out, a plain-word query that fewer than a page of "
                        "articles match with every word goes on with the articles that have most of them, under a notice."}
PAGING = [
    {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "newest", "oldest"]}},
    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": config.MAX_PAGE}},
    {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": config.MAX_PER_PAGE}},
]
ERROR = {"description": "A bad parameter: the message says what to change.",
         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
FACET = {"type": "array", "items": {"type": "object", "properties": {
    "value": {"type": "string"}, "count": {"type": "integer"}}}}


def document() -> dict:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Archivist", "version": "1", "description": "Full-text search over a news archive."},
        "paths": {
            "/api/search": {"get": {
                "summary": "Ranked search with facets and highlighted snippets",
                "parameters": FILTERS + [MATCH] + PAGING,
                "responses": {"200": {"description": "Results", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Results"}}}}, "400": ERROR},
            }},
            "/api/quotes": {"get": {
                "summary": "Quotes by their words and their speaker, earliest appearance marked",
                "parameters": [FILTERS[0], {"name": "speaker", "in": "query", "schema": {"type": "string"},
                                            "description": "a surname alone will do"}] + PAGING[1:],
                "responses": {"200": {"description": "Quotes", "content": {"application/json": {
                    "schema": {"type": "object"}}}}, "400": ERROR},
            }},
            "/api/articles/{id}": {"get": {
                "summary": "One article's full record",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "The record", "content": {"application/json": {
                    "schema": {"type": "object"}}}}, "404": ERROR},
            }},
        },
        "components": {"schemas": {
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {
                "type": "object", "required": ["code", "message"],
                "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}},
            "Results": {"type": "object", "required": ["query", "total", "page", "per_page", "hits", "facets"],
                        "properties": {
                "query": {"type": "string"}, "total": {"type": "integer"}, "page": {"type": "integer"},
                "per_page": {"type": "integer"}, "notice": {"type": "string", "nullable": True},
                "suggestion": {"type": "string", "nullable": True},
                "hits": {"type": "array", "items": {"type": "object", "properties": {
                    "id": {"type": "string"}, "title": {"type": "string"},
                    "published": {"type": "string", "nullable": True}, "year": {"type": "integer", "nullable": True},
                    "venue": {"type": "string"}, "city": {"type": "string"}, "country": {"type": "string"},
                    "language": {"type": "string"}, "score": {"type": "number"},
                    "snippet": {"type": "string", "description": "HTML: escaped text, <mark> around matches"},
                    "copies": {"type": "integer"}}}},
                "facets": {"type": "object", "additionalProperties": FACET},
                "timeline": {"type": "object", "additionalProperties": FACET},
            }},
        }},
    }
