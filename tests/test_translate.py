"""Query trees and Whoosh queries: what Whoosh's parser makes, turned into a tree and back, is the
query Whoosh searched with before trees (a word~ as FuzzyWord, a phrase as FastPhrase), so matches
and scores are Whoosh's (indexer/whoosh/translate.py)."""
from __future__ import annotations

import pytest
from whoosh import query as wq

from indexer import querytree as qt
from indexer import schema
from indexer.whoosh.parsing import article_parser, quote_parser
from indexer.whoosh.phrases import FastPhrase
from indexer.whoosh.schema import article_schema, quote_schema
from indexer.whoosh.translate import FuzzyWord, Untranslatable, from_whoosh, to_whoosh

ARTICLES = article_schema()
TYPED = ["golden cradle", 'exact:"golden cradle of independence"', "almaty -exhibition", "a NOT b", "a OR b",
         "nazarb*", "nichkasuv~", "nichkasuv~2", "venue_name:Elbasy", "year:2019", "year:[2019 TO 2021]",
         "year:[2020 TO]", "language:ru", "speaker:Tokayev", "北京欢迎你", "+a b -c", "a ANDMAYBE b", "a ANDNOT b",
         "text:[a TO c]", "museum OR (gallery art)", "title:Almaty^2", "(a OR b)^3 c"]


def as_searched(query: wq.Query) -> wq.Query:
    """The query as Archivist searches it: its word~ and phrases matched Archivist's way."""
    def swap(node):
        if isinstance(node, wq.FuzzyTerm):
            return FuzzyWord(node.fieldname, node.text, node.boost, node.maxdist, node.prefixlength, node.constantscore)
        if type(node) is wq.Phrase:
            return FastPhrase(node.fieldname, node.words, node.slop, node.boost)
        return node
    return query.accept(swap)


@pytest.mark.parametrize("match", ["all", "any"])
@pytest.mark.parametrize("text", TYPED)
def test_a_parsed_query_comes_back_as_the_query_whoosh_made(text, match):
    query = article_parser(ARTICLES, schema.TEXT_FIELDS, schema.FIELD_BOOSTS, match, syntax=True).parse(text).normalize()
    back = to_whoosh(from_whoosh(query, ARTICLES), ARTICLES)
    assert back == as_searched(query) and repr(back) == repr(as_searched(query))
    assert [type(node) for node in back.leaves()] == [type(node) for node in as_searched(query).leaves()]


@pytest.mark.parametrize("text", ["what we remember", "remem?er *ory", '"our memory" wall'])
def test_the_quote_languages_queries_come_back_too(text):
    schema_ = quote_schema()
    query = quote_parser(schema_).parse(text)
    assert to_whoosh(from_whoosh(query, schema_), schema_) == as_searched(query)


def test_a_year_is_a_number_in_the_tree_and_the_fields_bytes_in_whoosh():
    assert from_whoosh(wq.Term("year", ARTICLES["year"].to_bytes(2019)), ARTICLES) == qt.Term("year", 2019)
    assert to_whoosh(qt.Range("year", 2019, None), ARTICLES) == wq.NumericRange("year", 2019, None)


def test_shapes_the_parser_does_not_make_are_refused():
    with pytest.raises(Untranslatable):
        from_whoosh(wq.Or([wq.Term("text", "a"), wq.Term("text", "b")], scale=0.5), ARTICLES)
    with pytest.raises(Untranslatable):
        from_whoosh(wq.DisjunctionMax([wq.Term("text", "a")]), ARTICLES)
