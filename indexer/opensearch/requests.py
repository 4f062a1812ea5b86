"""Search requests and their answers, as plain data: a SearchRequest (indexer/backend.py) in, the
`_search` body out (query and filters, sort, paging, near-copies collapsed, facets as
aggregations, a time limit); an answer in, a SearchPage out. The quote index's searches, its
speakers' counts and the listings that page through every match are made here too.

A group of near-copies (the `group` field) is one hit: the search collapses on it, and the
group's earliest article (an inner hit sorted by date) is the one shown. Totals and facet counts
count groups, with the cardinality aggregation (exact up to PRECISION groups, within a few
percent above it), as Whoosh's collapsing counted them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .. import config
from ..backend import QuotePage, SearchPage, SearchRequest, StoredHit
from .dsl import filtered, to_query

PRECISION = 40_000  # the cardinality aggregation's largest precision_threshold
ALL_VALUES = 10_000  # buckets of a facet shown whole (the timeline's years) and of quote speakers
MENTIONED = "mentioned"
EARLIEST = "earliest"  # the inner hit that shows a group
LISTING_CHUNK = 1_000  # hits per request when listing every match


def order(sort: str, key: str = "id") -> list[dict]:
    """Sort clauses; `key` (a unique keyword field) breaks ties, so equal hits keep one order
    page after page."""
    if sort == "relevance":
        return [{"_score": {"order": "desc"}}, {key: {"order": "asc"}}]
    return [{"date": {"order": "asc" if sort == "oldest" else "desc"}}, {key: {"order": "asc"}}]


COLLAPSE = {
    "field": "group",
    "inner_hits": {"name": EARLIEST, "size": 1, "sort": [{"date": {"order": "asc"}}, {"id": {"order": "asc"}}]},
}
GROUPS = {"cardinality": {"field": "group", "precision_threshold": PRECISION}}


def facet_aggregations(collapse: bool) -> dict:
    """A terms aggregation per facet (config.FACETS and the mentioned years). Collapsed, each
    bucket counts its groups of near-copies (a `groups` sub-aggregation) and the largest counts
    come first; years come whole, for the timeline."""
    aggregations = {}
    for name in (*config.FACETS, MENTIONED):
        whole = name in ("year", MENTIONED)
        terms: dict = {"field": name, "size": ALL_VALUES if whole else config.FACET_LIMIT + 1}  # +1: an empty value
        if not whole:
            terms["order"] = [{"groups" if collapse else "_count": "desc"}, {"_key": "asc"}]
        aggregation: dict = {"terms": terms}
        if collapse:
            aggregation["aggs"] = {"groups": GROUPS}
        aggregations[name] = aggregation
    return aggregations


def search_body(request: SearchRequest, query: dict, start: int, size: int, facets: bool | None = None) -> dict:
    """The `_search` body for a request (its query already in DSL): hits start..start+size."""
    body: dict = {
        "query": query,
        "from": start,
        "size": size,
        "sort": order(request.sort),
        "track_total_hits": True,
    }
    aggregations = facet_aggregations(request.collapse) if (request.facets if facets is None else facets) else {}
    if request.collapse:
        body["collapse"] = COLLAPSE
        aggregations["groups"] = GROUPS
    if aggregations:
        body["aggs"] = aggregations
    if request.seconds is not None:
        body["timeout"] = f"{round(request.seconds * 1000)}ms"
    if request.explain:
        body["explain"] = True
    return body


def request_query(request: SearchRequest, query=None) -> dict:
    """The request's query (or another tree, such as its loosened one) with its filters, as DSL."""
    filters = to_query(request.filters) if request.filters is not None else None
    return filtered(to_query(request.query if query is None else query, request.max_expansions), filters)


WEIGHT = re.compile(r"^weight\((\w+):(.+?) in \d+\)")


def matched_terms(explanation: dict) -> list[str]:
    """The "field:term" pairs a hit's Lucene explanation scored (a phrase's words each)."""
    found: set[str] = set()

    def walk(node: dict) -> None:
        matched = WEIGHT.match(node.get("description", ""))
        if matched:
            field, terms = matched.groups()
            found.update(f"{field}:{word}" for word in terms.strip('"').split())
        for detail in node.get("details", ()):
            walk(detail)

    walk(explanation)
    return sorted(found)


def shown(hit: dict, collapsed: bool) -> dict:
    """The stored fields a hit shows: a group's earliest article when collapsed."""
    if collapsed:
        inner = hit.get("inner_hits", {}).get(EARLIEST, {}).get("hits", {}).get("hits")
        if inner:
            return inner[0]["_source"]
    return hit["_source"]


def stored_hits(answer: dict, collapsed: bool, explain: bool = False) -> list[StoredHit]:
    return [StoredHit(shown(hit, collapsed), float(hit.get("_score") or 0.0),
                      matched_terms(hit["_explanation"]) if explain and "_explanation" in hit else None)
            for hit in answer["hits"]["hits"]]


def facet_counts(answer: dict, collapsed: bool) -> dict[str, dict[object, int]]:
    aggregations = answer.get("aggregations", {})
    return {name: {bucket["key"]: bucket["groups"]["value"] if collapsed else bucket["doc_count"]
                   for bucket in aggregations[name]["buckets"]}
            for name in (*config.FACETS, MENTIONED) if name in aggregations}


def total(answer: dict, collapsed: bool) -> int:
    if collapsed:
        return int(answer["aggregations"]["groups"]["value"])
    return int(answer["hits"]["total"]["value"])


def search_page(answer: dict, request: SearchRequest) -> SearchPage:
    found = total(answer, request.collapse)
    return SearchPage(found, stored_hits(answer, request.collapse, request.explain),
                      facet_counts(answer, request.collapse), bool(answer.get("timed_out")), found)


# -- listings: every match, a chunk at a time ------------------------------------------------


def listing_body(query: dict, sort: str, size: int, after: list | None = None, key: str = "id") -> dict:
    """One chunk of a listing: `search_after` the last hit's sort values, no totals counted."""
    body: dict = {"query": query, "size": size, "sort": order(sort, key), "track_total_hits": False}
    if after is not None:
        body["search_after"] = after
    return body


# -- the quote index -------------------------------------------------------------------------


def quote_search_body(query: dict, page: int, per_page: int, by_date: bool) -> dict:
    """A page of quotes, best first or earliest first, with every speaker key's count among the
    matches (as Whoosh's grouping by speaker_key counted them)."""
    return {
        "query": query,
        "from": (page - 1) * per_page,
        "size": per_page,
        "sort": order("oldest" if by_date else "relevance", key="key"),
        "track_total_hits": True,
        "aggs": {"speaker": {"terms": {"field": "speaker_key", "size": ALL_VALUES}}},
    }


def quote_page(answer: dict) -> QuotePage:
    speakers = {bucket["key"]: bucket["doc_count"] for bucket in answer["aggregations"]["speaker"]["buckets"]}
    return QuotePage(int(answer["hits"]["total"]["value"]), [hit["_source"] for hit in answer["hits"]["hits"]], speakers)


def word_counts_body(field: str, after: dict | None = None) -> dict:
    """A page of a keyword field's values with their document counts (a composite aggregation)."""
    composite: dict = {"size": LISTING_CHUNK, "sources": [{"word": {"terms": {"field": field}}}]}
    if after is not None:
        composite["after"] = after
    return {"size": 0, "aggs": {"words": {"composite": composite}}}


def word_counts(answers: Iterable[dict]) -> dict[str, int]:
    return {bucket["key"]["word"]: bucket["doc_count"]
            for answer in answers for bucket in answer["aggregations"]["words"]["buckets"]}


def more_like_body(alias: str, article_id: str, field: str, top: int) -> dict:
    """Documents like this one by its field's most distinctive words (five, as Whoosh's more_like
    takes), the document itself left out."""
    return {
        "query": {"more_like_this": {"fields": [field], "like": [{"_index": alias, "_id": article_id}],
                                     "max_query_terms": 5, "min_term_freq": 1, "min_doc_freq": 1}},
        "size": top,
    }
