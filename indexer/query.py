"""The query language: what a user typed in, Archivist's query tree (querytree.py) out.

Plain words are all required (or any one, with match="any"; `Index.search` goes on
with the articles that have most of them when fewer than a page has all) and matched
in any form (stemmed, and spelling- and script-folded); "a phrase" is exact (case and punctuation aside, no
stemming); field:value for title, venue, city, country, speaker, lang and
year (year:2019..2021 for a range); OR, NOT and -word; word* and word~.
Syntax that cannot be read is searched as plain words, with a notice saying so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import config, schema
from . import querytree as qt
from .backend import OpenGeneration

WORD = re.compile(r"\w+")
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
YEAR_RANGE = re.compile(r"\byear:\s*(\d{4})?\s*\.\.\s*(\d{4})?")
# A quoted phrase that no field name stands before: searched in the unstemmed field.
PHRASE = re.compile(r'(?<![\w:])"([^"]*)"')
# A quoted phrase after a stemmed field's name: those fields keep no positions, so the phrase is
# found in the exact field (title, text and quotes as written) and its words in the field named.
STEMMED_FIELD_PHRASE = re.compile(r'(?<!\w)(title|text):"([^"]*)"', re.I)
FIELD_NAME = re.compile(r"\b(" + "|".join(schema.QUERY_FIELDS) + r"):", re.I)
LANG_VALUE = re.compile(r"\blanguage:(\w+)")


class QueryError(ValueError):
    """A query or parameter outside what search accepts; the message says what to change."""


@dataclass
class ParsedQuery:
    query: qt.Node
    notice: str | None = None
    words: list[str] = field(default_factory=list)  # the plain words typed, for spelling suggestions


def year_range(match: re.Match) -> str:
    start, end = match.group(1), match.group(2)
    return f"year:[{start or 1} TO {end or 9999}]"


def exact_phrases(text: str) -> str:
    """Quoted phrases searched in the unstemmed `exact` field, where no field name stands before them."""
    return PHRASE.sub(lambda m: f'exact:"{m.group(1)}"', text)


def stemmed_field_phrase(match: re.Match) -> str:
    words = [word.lower() for word in WORD.findall(match.group(2))]  # lowercase: never an operator
    if not words:
        return f'{match.group(1)}:""'
    return f'(exact:"{match.group(2)}" AND {match.group(1).lower()}:({" ".join(words)}))'


def rewrite(text: str) -> str:
    """The user's syntax in the schema's terms: field names, phrases, year ranges."""
    text = YEAR_RANGE.sub(year_range, text)
    text = STEMMED_FIELD_PHRASE.sub(stemmed_field_phrase, text)
    text = exact_phrases(text)
    text = FIELD_NAME.sub(lambda m: schema.QUERY_FIELDS[m.group(1).lower()] + ":", text)
    return LANG_VALUE.sub(lambda m: f"language:{m.group(1).lower()}", text)


def anchored(node: qt.Node) -> qt.Node:
    """A word~ keeps its first letter: typos there are rare, and matching it cuts the words tried 20-fold."""
    if isinstance(node, qt.Fuzzy):
        return replace(node, prefix=max(node.prefix, config.FUZZY_PREFIX))
    if isinstance(node, (qt.And, qt.Or)):
        return replace(node, children=tuple(anchored(child) for child in node.children))
    if isinstance(node, qt.Not):
        return replace(node, child=anchored(node.child))
    if isinstance(node, qt.AndNot):
        return qt.AndNot(anchored(node.positive), anchored(node.negative))
    if isinstance(node, qt.AndMaybe):
        return qt.AndMaybe(anchored(node.required), anchored(node.optional))
    return node


def unreadable_part(query: qt.Node) -> str | None:
    """Why a parsed query cannot be run as typed, if it cannot: a too-short prefix, too fuzzy a word."""
    for node in qt.leaves(query):
        if isinstance(node, qt.Prefix) and len(node.text) < 2:
            return "a word* needs at least two letters before the *"
        if isinstance(node, qt.Fuzzy) and node.maxdist > config.MAX_FUZZY_EDITS:
            return f"a word~ allows at most {config.MAX_FUZZY_EDITS} edits"
    return None


def plain_words(text: str) -> list[str]:
    """The words of a query that are neither operators nor field names nor field values."""
    text = re.sub(r"\b\w+:(\"[^\"]*\"|\[[^\]]*\]|\S+)|\w+[*~]\S*", " ", text)
    return [w for w in WORD.findall(text) if w not in OPERATORS]


class QueryParser:
    """The query language over one open generation, whose backend reads the syntax."""

    def __init__(self, generation: OpenGeneration, match: str = "all"):
        self.generation, self.match = generation, match

    def _parse(self, text: str, syntax: bool) -> qt.Node | None:
        return self.generation.parse(text, schema.TEXT_FIELDS, schema.FIELD_BOOSTS, self.match, syntax)

    def parse(self, text: str) -> ParsedQuery:
        text = text.strip()
        if len(text) > config.MAX_QUERY_CHARS:
            raise QueryError(f"query is {len(text)} characters long; the limit is {config.MAX_QUERY_CHARS}")
        if not text:
            return ParsedQuery(qt.Every())
        words = len(WORD.findall(text))
        if words > config.MAX_QUERY_WORDS:
            raise QueryError(f"query has {words} words; the limit is {config.MAX_QUERY_WORDS}")
        reason = "Could not read the query's syntax"
        query = self._parse(rewrite(text), syntax=True)
        if query is not None:
            query = anchored(query)
            problem = unreadable_part(query)
            if problem is None:
                return ParsedQuery(query, words=plain_words(text))
            reason = problem[0].upper() + problem[1:]
        words = WORD.findall(text)
        if not words:
            return ParsedQuery(qt.Nothing(), notice="The query has no words to search for.")
        plain = " ".join(w.lower() for w in words)
        return ParsedQuery(self._parse(plain, syntax=False), notice=f"{reason}; searched for the words: {plain}",
                           words=words)
