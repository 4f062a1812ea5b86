"""The query language read by Whoosh's parser: text already in the schema's terms in, a query
tree out (None when it cannot be read). Words go through the fields' analyzers, so a query
word is stemmed or folded as the index's words are.
"""
from __future__ import annotations

from collections.abc import Sequence

from whoosh.qparser import (
    AndGroup, FuzzyTermPlugin, MultifieldParser, OrGroup, PlusMinusPlugin, PrefixPlugin, WildcardPlugin,
)
from whoosh.query import NullQuery

from .. import querytree as qt
from .translate import from_whoosh


def article_parser(schema, fields: Sequence[str], boosts: dict[str, float], match: str,
                   syntax: bool) -> MultifieldParser:
    """Words in `fields`, all required or any; with `syntax`, also word*, word~ and +/-word (word*
    only: a ? or a leading * is a typo far more often than a wildcard)."""
    group = AndGroup if match == "all" else OrGroup
    parser = MultifieldParser(list(fields), schema, fieldboosts=boosts, group=group)
    parser.remove_plugin_class(WildcardPlugin)
    if syntax:
        parser.add_plugin(PrefixPlugin())
        parser.add_plugin(PlusMinusPlugin())
        parser.add_plugin(FuzzyTermPlugin())
    return parser


def parse_syntax(parser: MultifieldParser, text: str) -> qt.Node | None:
    """The query, normalized; None when Whoosh cannot read it (it raises many kinds on odd input)."""
    try:
        query = parser.parse(text)
        if query is not NullQuery:
            query = query.normalize()
        if query is NullQuery:
            return None
        return from_whoosh(query, parser.schema)
    except Exception:
        return None


def parse_words(parser: MultifieldParser, text: str) -> qt.Node:
    """Plain words, as the parser groups them (not normalized)."""
    return from_whoosh(parser.parse(text), parser.schema)


def quote_parser(schema) -> MultifieldParser:
    """The quote index's words: all required, in the quote's stemmed words or folded ones."""
    return MultifieldParser(["text", "fold"], schema, fieldboosts={"fold": 0.1}, group=AndGroup)
