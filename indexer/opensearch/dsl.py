"""Archivist's query trees as OpenSearch's query DSL: a tree in, the `query` object out.

A tree's words are already index terms (Archivist's parser analyzed them), so words go in as
`term` queries and phrases as `match_phrase` over the `whitespace` analyzer (which leaves each
term as it is): nothing is analyzed twice. Whoosh's slop counts the step to the next word (1:
side by side), Lucene's the positions in between (0), so Lucene's is one less. A word~ counts
plain edits, as Whoosh's does: no transpositions.
"""
from __future__ import annotations

from .. import config
from .. import querytree as qt


def boosted(body: dict, boost: float) -> dict:
    if boost != 1.0:
        body["boost"] = boost
    return body


def leaf(kind: str, field: str, params: dict, boost: float) -> dict:
    return {kind: {field: boosted(params, boost)}}


def bool_query(boost: float = 1.0, **clauses: list) -> dict:
    """A bool query of the clauses given; one with only must_not clauses gets every document as its
    positive side, as Whoosh's Not matches every document but its child's."""
    body = {name: found for name, found in clauses.items() if found}
    if not body.get("must") and not body.get("should") and not body.get("filter"):
        body["filter"] = [{"match_all": {}}]
    if body.get("should") and not body.get("must"):
        body["minimum_should_match"] = 1
    return {"bool": boosted(body, boost)}


def to_query(node: qt.Node, max_expansions: int | None = None) -> dict:
    """The tree as a query; `max_expansions` bounds the index words one word~ may stand for."""
    kind = type(node)
    if kind is qt.Term:
        return leaf("term", node.field, {"value": node.text}, node.boost)
    if kind is qt.Phrase:
        params = {"query": " ".join(node.words), "analyzer": "whitespace", "slop": max(0, node.slop - 1)}
        return leaf("match_phrase", node.field, params, node.boost)
    if kind is qt.Prefix:
        return leaf("prefix", node.field, {"value": node.text}, node.boost)
    if kind is qt.Wildcard:
        return leaf("wildcard", node.field, {"value": node.pattern}, node.boost)
    if kind is qt.Fuzzy:
        params = {"value": node.text, "fuzziness": node.maxdist, "prefix_length": node.prefix, "transpositions": False,
                  "max_expansions": max_expansions or config.MAX_EXPANSIONS}
        if node.constant_score:
            params["rewrite"] = "constant_score"
        return leaf("fuzzy", node.field, params, node.boost)
    if kind is qt.Range:
        bounds = {}
        if node.start is not None:
            bounds["gt" if node.start_excluded else "gte"] = node.start
        if node.end is not None:
            bounds["lt" if node.end_excluded else "lte"] = node.end
        return leaf("range", node.field, bounds, node.boost)
    if kind is qt.And:
        kept = [child for child in node.children if not isinstance(child, qt.Not)]
        excluded = [child.child for child in node.children if isinstance(child, qt.Not)]
        return bool_query(node.boost, must=[to_query(child, max_expansions) for child in kept],
                          must_not=[to_query(child, max_expansions) for child in excluded])
    if kind is qt.Or:
        return bool_query(node.boost, should=[to_query(child, max_expansions) for child in node.children])
    if kind is qt.Not:
        return bool_query(node.boost, must_not=[to_query(node.child, max_expansions)])
    if kind is qt.AndNot:
        return bool_query(must=[to_query(node.positive, max_expansions)],
                          must_not=[to_query(node.negative, max_expansions)])
    if kind is qt.AndMaybe:
        return bool_query(must=[to_query(node.required, max_expansions)],
                          should=[to_query(node.optional, max_expansions)])
    if kind is qt.Every:
        return {"match_all": {}}
    if kind is qt.Nothing:
        return {"match_none": {}}
    raise TypeError(f"not a query tree node: {node!r}")


def filtered(query: dict, filters: dict | None) -> dict:
    """The query, with the filters every match must also pass (unscored) when there are any."""
    if filters is None:
        return query
    return {"bool": {"must": [query], "filter": [filters]}}
