"""The Whoosh schemas of the article and quote indexes, and their analyzers: which fields
each index holds and how Whoosh splits their text into terms, composed from the
engine-neutral analysis in indexer/analysis.py (stemming, folding, Han bigrams).
"""
from __future__ import annotations

from whoosh import columns
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.formats import Existence

from ..analysis import (HAN, STOP_WORDS, exact_terms, fold, folded_terms, is_common_pair, names_terms, pair_terms,
                        stem, stemmed_terms)
from .sequences import SequencedText
from .terms import FastText


class CJKBigramFilter(Filter):
    """Chinese has no spaces: a run of Han characters becomes its overlapping bigrams."""

    def __call__(self, tokens):
        shift = 0
        for token in tokens:
            text = token.text
            if token.positions:
                token.pos += shift
            if len(text) < 2 or not HAN.search(text):
                yield token
                continue
            start, pos = token.startchar if token.chars else None, token.pos if token.positions else None
            for i in range(len(text) - 1):
                token.text = text[i : i + 2]
                if token.chars:
                    token.startchar, token.endchar = start + i, start + i + 2
                if token.positions:
                    token.pos = pos + i
                yield token
            shift += len(text) - 2


class ScriptStemFilter(Filter):
    def __call__(self, tokens):
        for token in tokens:
            if not token.stopped:
                token.text = stem(token.text)
            yield token


class FoldFilter(Filter):
    def __call__(self, tokens):
        for token in tokens:
            token.text = fold(token.text)
            yield token


class NamesOnlyFilter(Filter):
    """At index time, keeps only capitalized words: the fold field is for names, and leaving out the
    rest makes it a fifth of the size. A query's words all pass (people type names in lowercase)."""

    def __call__(self, tokens):
        for token in tokens:
            if token.mode != "index" or token.text[:1].isupper():
                yield token


class CommonPairsFilter(Filter):
    """Each two neighbouring words of which one is a stop word, as one term (analysis.common_pairs)."""

    def __call__(self, tokens):
        previous = None
        for token in tokens:
            text = token.text
            if previous is not None and is_common_pair(previous, text):
                token.text = previous + " " + text
                yield token
            previous = text


def exact_analyzer():
    """Words as written, less case and punctuation: for exact phrases and spelling suggestions."""
    return RegexTokenizer() | LowercaseFilter() | CJKBigramFilter()


def pairs_analyzer():
    return exact_analyzer() | CommonPairsFilter()


def pairs_field() -> FastText:
    """The exact field's common pairs (PAIRS_OF): matched to narrow a phrase down, never scored."""
    field = FastText(pair_terms, analyzer=pairs_analyzer(), phrase=False)
    field.format = Existence(field_boost=field.format.field_boost)  # a pair's documents: no counts kept
    field.scorable = False  # no field lengths kept
    return field


# An exact field -> the field of its common pairs, which the backend fills from the same text.
PAIRS_OF = {"exact": "pairs"}


def text_analyzer():
    return exact_analyzer() | StopFilter(stoplist=STOP_WORDS, minsize=1) | ScriptStemFilter()


def fold_analyzer():
    return RegexTokenizer() | LowercaseFilter() | CJKBigramFilter() | FoldFilter()


def names_fold_analyzer():
    return RegexTokenizer() | NamesOnlyFilter() | LowercaseFilter() | FoldFilter()


class YearsField(KEYWORD):
    """Years as words, with a column holding each document's list of them: facet counts then read the
    matching documents' years, instead of gathering every document's years on every search."""

    def __init__(self):
        super().__init__()
        self.column_type = columns.VarBytesListColumn()

    def to_column_value(self, value):
        return [year.encode("ascii") for year in (value or "").split()]


def article_schema() -> Schema:
    """The fields of indexer.build.document_fields."""
    analyzer = text_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        # The big text fields are analyzed at index time by the one-pass functions of analysis.py (terms.py).
        # Their postings keep counts, not positions: phrases are found in `exact`, and positions made a
        # common word's postings 8 times the bytes and 15 times the time to read.
        title=FastText(stemmed_terms, analyzer=analyzer, stored=True, field_boost=2.0, phrase=False),
        text=FastText(stemmed_terms, analyzer=analyzer, stored=True, phrase=False),
        quotes=FastText(stemmed_terms, analyzer=analyzer, phrase=False),
        fold=FastText(names_terms, analyzer=names_fold_analyzer(), phrase=False),  # names in title and text, folded
        # title, text and quotes, unstemmed: phrases (its terms hashed in a column: a long one is checked there)
        exact=SequencedText(exact_terms, analyzer=exact_analyzer()),
        pairs=pairs_field(),
        speaker=TEXT(analyzer=fold_analyzer()),  # who is quoted
        venue_name=TEXT(analyzer=fold_analyzer()),  # venue:, city:, country: queries
        city_name=TEXT(analyzer=fold_analyzer()),
        country_name=TEXT(analyzer=fold_analyzer()),
        mentioned=YearsField(),  # years of the dates the text mentions: the timeline's second series
        group=ID(stored=True, sortable=True),  # near-duplicate group: the id of its earliest article
        copies=STORED(),
        venue=ID(stored=True, sortable=True),
        city=ID(stored=True, sortable=True),
        country=ID(stored=True, sortable=True),
        language=ID(stored=True, sortable=True),
        year=NUMERIC(int, bits=32, stored=True, sortable=True),
        date=ID(stored=True, sortable=True),  # published date, else the year: the sort key
        content_hash=STORED(),
        record=STORED(),  # the article's full JSON record, as `show` prints it
    )


def quote_schema() -> Schema:
    """The fields of indexer.quote_index.quote_documents."""
    analyzer = text_analyzer()
    return Schema(
        key=ID(stored=True, unique=True),  # article id + "#" + the quote's number
        text=FastText(stemmed_terms, analyzer=analyzer, stored=True),
        exact=FastText(exact_terms, analyzer=exact_analyzer()),
        fold=FastText(folded_terms, analyzer=fold_analyzer()),
        speaker=TEXT(analyzer=fold_analyzer(), stored=True),
        speaker_name=ID(stored=True, sortable=True),  # the speaker as written
        speaker_key=ID(stored=True, sortable=True),  # the name and the head of the role: what identities group
        role=STORED(),
        article=ID(stored=True),
        title=STORED(),
        paragraph=STORED(),
        date=ID(stored=True, sortable=True),
        venue=STORED(),
        country=STORED(),
        language=ID(stored=True),
        words=ID(stored=True),  # the quote's first words: the same quote in other articles
    )
