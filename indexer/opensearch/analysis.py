"""Archivist's analysis (indexer/analysis.py) as OpenSearch analyzers: the `analysis` settings of
an index, built only of what stock OpenSearch ships (no plugin): the standard tokenizer, the
cjk_bigram, stop, keyword_marker, stemmer, pattern_replace and predicate filters, and character
filters made from Archivist's own tables (stop words, transliteration, accents).

Queries reach the cluster already analyzed by Archivist (term queries of the query tree's words),
so these analyzers must give the index the same terms; where stock analysis cannot, the module
says so, and docs/scale-out.md lists the differences.
"""
from __future__ import annotations

import unicodedata

from ..analysis import STOP_WORDS, TRANSLIT

# Archivist splits words at anything but letters, digits and "_" (with a "." inside a word kept);
# the standard tokenizer (Unicode's word rules) keeps some of them inside words: apostrophes,
# colons, middle dots, commas and semicolons between digits, the narrow no-break space, connector
# punctuation, soft hyphens and joiners, and combining marks. They become spaces first, so both
# split words alike ("don't" is "don" and "t" in both, "3,000" is "3" and "000").
WORD_JOINERS = (
    "'\u2018\u2019\u2024\ufe52\uff07\uff0e"  # apostrophes and dots the rules treat as mid-word
    ":\u00b7\u0387\u055f\u05f4\u2027\ufe13\ufe55\uff1a"  # mid-letter signs
    ",;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b"  # mid-number signs
    "\u202f\u203f\u2040\u2054\ufe33\ufe34\ufe4d\ufe4e\ufe4f\uff3f"  # joining spaces and connectors (but "_")
    "\u00ad\u200d\u2060\ufeff"  # invisible joiners
)
JOINERS_PATTERN = "[" + "".join(f"\\u{ord(c):04x}" for c in WORD_JOINERS) + "\\p{M}]"

# Scripts whose letters fold: Latin, Greek and Cyrillic with their accented forms, Latin
# ligatures and full-width forms. Hangul and others keep their letters (see docs/scale-out.md).
FOLDED_RANGES = ((0x00C0, 0x024F), (0x0370, 0x052F), (0x1E00, 0x1FFF), (0xFB00, 0xFB06), (0xFF01, 0xFF5E))
TURKIC_LETTERS = "әғқңөұүһі"  # as analysis.TURKIC: words with them are not stemmed


def folded_letters(letter: str) -> str:
    """What analysis.fold makes of one lowercase letter before its spelling rules: transliterated,
    then decomposed with its accents dropped."""
    decomposed = unicodedata.normalize("NFKD", letter.translate(TRANSLIT))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_table() -> list[str]:
    """The `mapping` character filter's rules ("key => value") for every letter that folds to
    something else; a capital folds to a capitalized value, so the names-only filter that
    follows still sees a capital."""
    rules = []
    for first, last in FOLDED_RANGES:
        for code in range(first, last + 1):
            letter = chr(code)
            if not letter.isalnum():
                continue
            value = folded_letters(letter.lower())
            if letter.isupper():
                value = value[:1].upper() + value[1:]
            if value != letter:
                rules.append(f"{letter} => {value}")
    return rules


def replace(pattern: str, replacement: str = "") -> dict:
    return {"type": "pattern_replace", "pattern": pattern, "replacement": replacement}


# analysis.fold's spelling rules after the letters, in its order.
SPELLING_RULES = {
    "archivist_fold_kh": replace("kh", "h"),
    "archivist_fold_x": replace("x", "ks"),
    "archivist_fold_yj": replace("[yj]", "i"),
    "archivist_fold_glide": replace("(?<=[aeiou])i(?=[aeiou])"),
    "archivist_fold_doubled": replace("(.)\\1+", "$1"),
}
FOLD_FILTERS = ["lowercase", "archivist_cjk_bigram", *SPELLING_RULES]
NAMES_FILTERS = ["lowercase", *SPELLING_RULES]  # names are never Han: no bigrams (as analysis.names_terms)


def analysis_settings() -> dict:
    """The `analysis` section of the index settings: Archivist's five analyzers.

    archivist_exact: words as written, less case (analysis.exact_terms);
    archivist_stemmed: less stop words, stemmed by script (analysis.stemmed_terms);
    archivist_fold: every word folded (analysis.folded_terms);
    archivist_names: capitalized words only, folded (analysis.names_terms), at index time;
    archivist_names_search: the same for a query's words, which all pass (people type names in lowercase).
    """
    char_filters = ["archivist_word_joiners"]
    fold_chars = [*char_filters, "archivist_fold_letters"]
    return {
        "char_filter": {
            "archivist_word_joiners": {"type": "pattern_replace", "pattern": JOINERS_PATTERN, "replacement": " "},
            "archivist_fold_letters": {"type": "mapping", "mappings": fold_table()},
        },
        "filter": {
            # Han runs only: Archivist leaves kana and Hangul words whole.
            "archivist_cjk_bigram": {"type": "cjk_bigram", "ignored_scripts": ["hiragana", "katakana", "hangul"]},
            "archivist_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
            "archivist_turkic": {"type": "keyword_marker", "keywords_pattern": f".*[{TURKIC_LETTERS}].*"},
            # Each Snowball stemmer leaves the other script's words alone, so one after the other
            # stem by script, as analysis.stem does.
            "archivist_russian": {"type": "stemmer", "language": "russian"},
            "archivist_english": {"type": "stemmer", "language": "porter2"},  # Snowball's English, as PyStemmer's
            "archivist_names_only": {"type": "predicate_token_filter",
                                     "script": {"source": "Character.isUpperCase(token.term.charAt(0))"}},
            **SPELLING_RULES,
        },
        "analyzer": {
            "archivist_exact": {"type": "custom", "char_filter": char_filters, "tokenizer": "standard",
                                "filter": ["lowercase", "archivist_cjk_bigram"]},
            "archivist_stemmed": {"type": "custom", "char_filter": char_filters, "tokenizer": "standard",
                                  "filter": ["lowercase", "archivist_cjk_bigram", "archivist_stop", "archivist_turkic",
                                             "archivist_russian", "archivist_english"]},
            "archivist_fold": {"type": "custom", "char_filter": fold_chars, "tokenizer": "standard",
                               "filter": FOLD_FILTERS},
            "archivist_names": {"type": "custom", "char_filter": fold_chars, "tokenizer": "standard",
                                "filter": ["archivist_names_only", *NAMES_FILTERS]},
            "archivist_names_search": {"type": "custom", "char_filter": fold_chars, "tokenizer": "standard",
                                       "filter": NAMES_FILTERS},
        },
    }
