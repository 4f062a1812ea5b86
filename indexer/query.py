"""The query language: what a user typed in, a Whoosh query out.

Plain words are all required (or any one, with match="any"; `Index.search` goes on
with the articles that have most of them when fewer than a page has all) and matched
in any form (stemmed, and spelling- and script-folded); "a phrase" is exact (case and punctuation aside, no
stemming); field:value for title, venue, city, country, speaker, lang and
year (year:2019..2021 for a range); OR, NOT and -word; word* and word~.
Syntax that cannot be read is searched as plain words, with a notice saying so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh.qparser import (
    AndGroup, FuzzyTermPlugin, MultifieldParser, OrGroup, PlusMinusPlugin, PrefixPlugin, WildcardPlugin,
)
from whoosh.query import Every, FuzzyTerm, NullQuery, Phrase, Prefix, Query

from . import config, schema
from .phrases import FastPhrase

WORD = re.compile(r"\w+")
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
YEAR_RANGE = re.compile(r"\byear:\s*(\d{4})?\s*\.\.\s*(\d{4})?")
# A quoted phrase that no field name stands before: searched in the unstemmed field.
PHRASE = re.compile(r'(?<![\w:])"([^"]*)"')
FIELD_NAME = re.compile(r"\b(" + "|".join(schema.QUERY_FIELDS) + r"):", re.I)
LANG_VALUE = re.compile(r"\blanguage:(\w+)")


class QueryError(ValueError):
    """A query or parameter outside what search accepts; the message says what to change."""


@dataclass
class ParsedQuery:
    query: Query
    notice: str | None = None
    words: list[str] = field(default_factory=list)  # the plain words typed, for spelling suggestions


def year_range(match: re.Match) -> str:
    start, end = match.group(1), match.group(2)
    return f"year:[{start or 1} TO {end or 9999}]"


def exact_phrases(text: str) -> str:
    """Quoted phrases searched in the unstemmed `exact` field, where no field name stands before them."""
    return PHRASE.sub(lambda m: f'exact:"{m.group(1)}"', text)


def rewrite(text: str) -> str:
    """The user's syntax in the schema's terms: field names, phrases, year ranges."""
    text = YEAR_RANGE.sub(year_range, text)
    text = exact_phrases(text)
    text = FIELD_NAME.sub(lambda m: schema.QUERY_FIELDS[m.group(1).lower()] + ":", text)
    return LANG_VALUE.sub(lambda m: f"language:{m.group(1).lower()}", text)


class FuzzyWord(FuzzyTerm):
    """A word~ that finds the index words it stands for once per segment and search: checking
    their number and matching them share the work (each costs a walk of the term dictionary)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._expansions: dict = {}

    def _btexts(self, reader):
        if reader not in self._expansions:
            self._expansions[reader] = list(super()._btexts(reader))
        return self._expansions[reader]


def expansions(node: Query, reader) -> set:
    """The index words a word* or word~ stands for; a word~'s gathered segment by segment, as its
    matcher finds them."""
    if isinstance(node, FuzzyTerm):
        return set().union(*(node._btexts(leaf) for leaf, _ in reader.leaf_readers()))
    return set(node._btexts(reader))


def check_expansions(query: Query, reader) -> None:
    """Refuse a word* or word~ that stands for too many index words, before it is run."""
    for node in query.leaves():
        if isinstance(node, (Prefix, FuzzyTerm)) and len(expansions(node, reader)) > config.MAX_EXPANSIONS:
            raise QueryError(f"'{node.text}' matches more than {config.MAX_EXPANSIONS} words; make it more precise")


def anchored(node: Query) -> Query:
    """A word~ keeps its first letter: typos there are rare, and matching it cuts the words tried 20-fold.
    A phrase is matched rarest word first (phrases.py)."""
    if isinstance(node, FuzzyTerm):
        prefix = max(node.prefixlength, config.FUZZY_PREFIX)
        return FuzzyWord(node.fieldname, node.text, node.boost, node.maxdist, prefix, node.constantscore)
    if type(node) is Phrase:
        return FastPhrase(node.fieldname, node.words, node.slop, node.boost, node.char_ranges)
    return node


def unreadable_part(query: Query) -> str | None:
    """Why a parsed query cannot be run as typed, if it cannot: a too-short prefix, too fuzzy a word."""
    for node in query.leaves():
        if isinstance(node, Prefix) and len(node.text) < 2:
            return "a word* needs at least two letters before the *"
        if isinstance(node, FuzzyTerm) and node.maxdist > config.MAX_FUZZY_EDITS:
            return f"a word~ allows at most {config.MAX_FUZZY_EDITS} edits"
    return None


def plain_words(text: str) -> list[str]:
    """The words of a query that are neither operators nor field names nor field values."""
    text = re.sub(r"\b\w+:(\"[^\"]*\"|\[[^\]]*\]|\S+)|\w+[*~]\S*", " ", text)
    return [w for w in WORD.findall(text) if w not in OPERATORS]


class QueryParser:
    def __init__(self, whoosh_schema, match: str = "all"):
        group = AndGroup if match == "all" else OrGroup
        self.parser = MultifieldParser(
            list(schema.TEXT_FIELDS), whoosh_schema, fieldboosts=schema.FIELD_BOOSTS, group=group
        )
        # word* only: a ? or a leading * is a typo far more often than a wildcard.
        self.parser.remove_plugin_class(WildcardPlugin)
        self.parser.add_plugin(PrefixPlugin())
        self.parser.add_plugin(PlusMinusPlugin())
        self.parser.add_plugin(FuzzyTermPlugin())
        # Plain words only, for queries whose syntax cannot be run as typed.
        self.plain_parser = MultifieldParser(
            list(schema.TEXT_FIELDS), whoosh_schema, fieldboosts=schema.FIELD_BOOSTS, group=group
        )
        self.plain_parser.remove_plugin_class(WildcardPlugin)

    def parse(self, text: str) -> ParsedQuery:
        text = text.strip()
        if len(text) > config.MAX_QUERY_CHARS:
            raise QueryError(f"query is {len(text)} characters long; the limit is {config.MAX_QUERY_CHARS}")
        if not text:
            return ParsedQuery(Every())
        words = len(WORD.findall(text))
        if words > config.MAX_QUERY_WORDS:
            raise QueryError(f"query has {words} words; the limit is {config.MAX_QUERY_WORDS}")
        reason = "Could not read the query's syntax"
        try:
            query = self.parser.parse(rewrite(text))
            if query is not NullQuery:
                query = query.normalize()
        except Exception:  # Whoosh raises many kinds on odd input; all mean "unreadable"
            query = NullQuery
        if query is not NullQuery:
            query = query.accept(anchored)
            problem = unreadable_part(query)
            if problem is None:
                return ParsedQuery(query, words=plain_words(text))
            reason = problem[0].upper() + problem[1:]
        words = WORD.findall(text)
        if not words:
            return ParsedQuery(NullQuery, notice="The query has no words to search for.")
        plain = " ".join(w.lower() for w in words)
        return ParsedQuery(
            self.plain_parser.parse(plain),
            notice=f"{reason}; searched for the words: {plain}",
            words=words,
        )
