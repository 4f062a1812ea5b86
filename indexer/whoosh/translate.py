"""Archivist's query trees to Whoosh queries and back: a tree in, the Whoosh query that
searches it out (a word~ as FuzzyWord, a phrase as FastPhrase, a number as the field's
bytes); a parsed Whoosh query in, its tree out. Round trips give equal queries
(tests/test_translate.py).
"""
from __future__ import annotations

from whoosh import query as wq
from whoosh.fields import NUMERIC

from .. import querytree as qt
from .phrases import FastPhrase
from .vocabulary import segment_words


class FuzzyWord(wq.FuzzyTerm):
    """A word~ that finds the index words it stands for in a segment's words held in memory
    (vocabulary.py), once per segment and search: checking their number and matching them share
    the work."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._expansions: dict = {}

    def _btexts(self, reader):
        if reader not in self._expansions:
            if reader.is_atomic() and hasattr(reader, "segment"):
                words = segment_words(reader, self.fieldname).within(self.text, self.maxdist, self.prefixlength)
            else:
                words = list(super()._btexts(reader))
            self._expansions[reader] = words
        return self._expansions[reader]


def is_numeric(schema, fieldname: str) -> bool:
    return fieldname in schema and isinstance(schema[fieldname], NUMERIC)


def to_whoosh(node: qt.Node, schema) -> wq.Query:
    kind = type(node)
    if kind is qt.Term:
        text = node.text
        if isinstance(text, int) and is_numeric(schema, node.field):
            text = schema[node.field].to_bytes(text)
        return wq.Term(node.field, text, boost=node.boost)
    if kind is qt.And or kind is qt.Or:
        whoosh_class = wq.And if kind is qt.And else wq.Or
        return whoosh_class([to_whoosh(child, schema) for child in node.children], boost=node.boost)
    if kind is qt.Phrase:
        return FastPhrase(node.field, list(node.words), slop=node.slop, boost=node.boost)
    if kind is qt.Prefix:
        return wq.Prefix(node.field, node.text, boost=node.boost)
    if kind is qt.Fuzzy:
        return FuzzyWord(node.field, node.text, node.boost, node.maxdist, node.prefix, node.constant_score)
    if kind is qt.Range:
        range_class = wq.NumericRange if is_numeric(schema, node.field) else wq.TermRange
        return range_class(node.field, node.start, node.end, node.start_excluded, node.end_excluded,
                           boost=node.boost, constantscore=node.constant_score)
    if kind is qt.Not:
        return wq.Not(to_whoosh(node.child, schema), boost=node.boost)
    if kind is qt.AndNot:
        return wq.AndNot(to_whoosh(node.positive, schema), to_whoosh(node.negative, schema))
    if kind is qt.AndMaybe:
        return wq.AndMaybe(to_whoosh(node.required, schema), to_whoosh(node.optional, schema))
    if kind is qt.Wildcard:
        return wq.Wildcard(node.field, node.pattern, boost=node.boost)
    if kind is qt.Every:
        return wq.Every()
    if kind is qt.Nothing:
        return wq.NullQuery
    raise TypeError(f"not a query tree node: {node!r}")


class Untranslatable(ValueError):
    """A Whoosh query with a part the tree has no node for."""


def from_whoosh(query: wq.Query, schema) -> qt.Node:
    """The tree of a query Whoosh's parser made; Untranslatable for shapes it does not make."""
    if query is wq.NullQuery:
        return qt.Nothing()
    if isinstance(query, wq.Every):
        return qt.Every()
    if isinstance(query, wq.AndNot):
        return qt.AndNot(from_whoosh(query.a, schema), from_whoosh(query.b, schema))
    if isinstance(query, wq.AndMaybe):
        return qt.AndMaybe(from_whoosh(query.a, schema), from_whoosh(query.b, schema))
    if isinstance(query, (wq.And, wq.Or)) and type(query) in (wq.And, wq.Or):
        if isinstance(query, wq.Or) and (query.scale or query.minmatch):
            raise Untranslatable("a coordinated Or")
        tree_class = qt.And if isinstance(query, wq.And) else qt.Or
        return tree_class(tuple(from_whoosh(child, schema) for child in query.subqueries), query.boost)
    if isinstance(query, wq.Not):
        return qt.Not(from_whoosh(query.query, schema), query.boost)
    if isinstance(query, wq.FuzzyTerm):
        return qt.Fuzzy(query.fieldname, query.text, query.maxdist, query.prefixlength, query.boost, query.constantscore)
    if type(query) is wq.Prefix:
        return qt.Prefix(query.fieldname, query.text, query.boost)
    if type(query) is wq.Wildcard:
        return qt.Wildcard(query.fieldname, query.text, query.boost)
    if type(query) is wq.Term:
        text = query.text
        if isinstance(text, bytes) and is_numeric(schema, query.fieldname):
            text = schema[query.fieldname].from_bytes(text)
        return qt.Term(query.fieldname, text, query.boost)
    if isinstance(query, wq.Phrase):
        return qt.Phrase(query.fieldname, tuple(query.words), query.slop, query.boost)
    if type(query) in (wq.NumericRange, wq.TermRange):
        return qt.Range(query.fieldname, query.start, query.end, query.startexcl, query.endexcl, query.boost,
                        query.constantscore)
    raise Untranslatable(type(query).__name__)
