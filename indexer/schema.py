"""The Whoosh schema and its analyzers: what each indexed field holds and how
its text is split into terms. Build writes with it; search parses with it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer
from whoosh import columns
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.lang import stopwords_for_language

from .terms import TOKEN, FastText, Terms, stemmed, words

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[a-z]")
# Letters of Kazakh and Kyrgyz that Russian lacks: the Russian stemmer would maim such words.
TURKIC = re.compile(r"[әғқңөұүһі]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """English stemming for Latin words, Russian for Cyrillic, nothing for other scripts.

    Choosing by the word's script, not the document's language, lets one query
    match English and Russian articles alike."""
    if CYRILLIC.search(word):
        return word if TURKIC.search(word) else RUSSIAN_STEM(word)
    if LATIN.match(word):
        return ENGLISH_STEM(word)
    return word


# Snowball's own stemmers, compiled (PyStemmer): twenty times faster than Whoosh's Python port.
RUSSIAN_STEM = Stemmer.Stemmer("russian").stemWord
ENGLISH_STEM = Stemmer.Stemmer("english").stemWord


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


# Cyrillic letters (Russian, Kazakh, Kyrgyz, Ukrainian, Belarusian) in Latin.
TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
})
DOUBLED = re.compile(r"(.)\1+")
GLIDE = re.compile(r"(?<=[aeiou])i(?=[aeiou])")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """A spelling skeleton shared by a name's transliterations and spelling variants.

    Elbassy and Elbasy, Tokayev and Токаев, Almaty and Алматы each fold to one
    form: Cyrillic is transliterated, accents dropped, y/j read as i, kh as h,
    x as ks, a glide between vowels dropped and doubled letters collapsed."""
    word = word.lower().translate(TRANSLIT)
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    word = word.replace("kh", "h").replace("x", "ks").replace("y", "i").replace("j", "i")
    word = GLIDE.sub("", word)
    return DOUBLED.sub(r"\1", word)


class FoldFilter(Filter):
    def __call__(self, tokens):
        for token in tokens:
            token.text = fold(token.text)
            yield token


def exact_analyzer():
    """Words as written, less case and punctuation: for exact phrases and spelling suggestions."""
    return RegexTokenizer() | LowercaseFilter() | CJKBigramFilter()


# English and Russian function words carry no meaning for ranking; phrases keep them (the exact field).
STOP_WORDS = frozenset(stopwords_for_language("en")) | frozenset(stopwords_for_language("ru"))


def text_analyzer():
    return exact_analyzer() | StopFilter(stoplist=STOP_WORDS, minsize=1) | ScriptStemFilter()


class NamesOnlyFilter(Filter):
    """At index time, keeps only capitalized words: the fold field is for names, and leaving out the
    rest makes it a fifth of the size. A query's words all pass (people type names in lowercase)."""

    def __call__(self, tokens):
        for token in tokens:
            if token.mode != "index" or token.text[:1].isupper():
                yield token


def exact_terms(text: str) -> Terms:
    return words(text, HAN), 0


def stemmed_terms(text: str) -> Terms:
    return stemmed(words(text, HAN), STOP_WORDS, stem)


def folded_terms(text: str) -> Terms:
    return [fold(word) for word in words(text, HAN)], 0


def names_terms(text: str) -> Terms:
    return [fold(token) for token in TOKEN.findall(text) if token[:1].isupper()], 0


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


def build_schema() -> Schema:
    analyzer = text_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        # The big text fields are analyzed at index time by the one-pass functions above (terms.py).
        title=FastText(stemmed_terms, analyzer=analyzer, stored=True, field_boost=2.0),
        text=FastText(stemmed_terms, analyzer=analyzer, stored=True),
        quotes=FastText(stemmed_terms, analyzer=analyzer),
        fold=FastText(names_terms, analyzer=names_fold_analyzer(), phrase=False),  # names in title and text, folded
        exact=FastText(exact_terms, analyzer=exact_analyzer()),  # title, text and quotes, unstemmed: phrases
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


# Fields a plain query searches, and how much a match in each counts.
TEXT_FIELDS = ("title", "text", "quotes", "fold")
FIELD_BOOSTS = {"title": 0.5, "text": 1.0, "quotes": 1.0, "fold": 0.1}  # tuned on CACM: bench/ranking.py
# What a user may write before a colon, and the field it searches.
QUERY_FIELDS = {
    "title": "title", "venue": "venue_name", "city": "city_name", "country": "country_name",
    "speaker": "speaker", "lang": "language", "year": "year", "text": "text", "exact": "exact",
}
