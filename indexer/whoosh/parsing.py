"""The query language read by Whoosh's parser: text already in the schema's terms in, a query
tree out (None when it cannot be read). Words go through the fields' analyzers, so a query
word is stemmed or folded as the index's words are.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from whoosh.analysis import Analyzer, Token
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


# text -> the tokens (term, position, start, end) an outside analyzer (a search cluster's) makes of it
Tokens = Callable[[str], list[tuple[str, int, int, int]]]


class OutsideAnalyzer(Analyzer):
    """A Whoosh analyzer whose tokens come from elsewhere (another engine's analyzer)."""

    def __init__(self, tokens: Tokens):
        self.tokens = tokens

    def has_morph(self) -> bool:
        return False

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True, start_pos=0,
                 start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for text, position, start, end in self.tokens(value):
            token.text, token.boost, token.stopped = text, 1.0, False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = start_pos + position
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token


def with_outside_analysis(schema, tokens_of: dict[str, Tokens]):
    """The schema with these text fields' words analyzed elsewhere: field name -> its tokens."""
    for name, tokens in tokens_of.items():
        schema[name].analyzer = OutsideAnalyzer(tokens)
    return schema
