"""Text analysis, engine-neutral: a text in, its terms out, in the three forms the index
compares words in: as written (lowercased, Han runs as bigrams), stemmed (stop words
left out) and folded (one skeleton for a name's spellings and scripts).

A backend's analyzers wrap these functions (indexer/whoosh/schema.py); highlighting
and speaker identities use them directly, so all agree on what a word is.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import Stemmer

# Whoosh's RegexTokenizer default pattern, without its capturing group.
TOKEN = re.compile(r"\w+(?:\.?\w+)*")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[a-z]")
# Letters of Kazakh and Kyrgyz that Russian lacks: the Russian stemmer would maim such words.
TURKIC = re.compile(r"[әғқңөұүһі]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# English and Russian function words carry no meaning for ranking; phrases keep them (the exact field).
STOP_WORDS = frozenset(
    line for line in (Path(__file__).with_name("data") / "stop_words.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
)

# Snowball's own stemmers, compiled (PyStemmer): twenty times faster than Whoosh's Python port.
RUSSIAN_STEM = Stemmer.Stemmer("russian").stemWord
ENGLISH_STEM = Stemmer.Stemmer("english").stemWord

Terms = tuple[list[str], int]  # the terms in order, and the position of the first


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


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of every word as written: lowercased, a run of Han characters as its
    overlapping bigrams (Chinese has no spaces)."""
    if not HAN.search(text):  # most texts: no bigrams to make, no check per word
        return [(match.group().lower(), match.start(), match.end()) for match in TOKEN.finditer(text)]
    out = []
    for match in TOKEN.finditer(text):
        word, start = match.group().lower(), match.start()
        if len(word) < 2 or not HAN.search(word):
            out.append((word, start, match.end()))
        else:
            out.extend((word[i : i + 2], start + i, start + i + 2) for i in range(len(word) - 1))
    return out


def lowered_words(text: str) -> list[str]:
    """TOKEN's matches, lowercased: found in the text lowercased at once where that gives the same
    words, which is everywhere but at İ (two characters in lowercase) and Σ (its lowercase depends on
    what follows it); checked over every character of Unicode in tests/test_analysis.py."""
    if "İ" in text or "Σ" in text:
        return [token.lower() for token in TOKEN.findall(text)]
    return TOKEN.findall(text.lower())


def words(text: str) -> list[str]:
    """The words of tokens(), without their places."""
    return list(_words(text))


@lru_cache(maxsize=4)
def _words(text: str) -> tuple[str, ...]:
    # A text being indexed is split into words for several fields and uses one after another (the
    # exact field's postings and its hashed column, the pairs; the stemmed text): the last few
    # texts' words are kept.
    found = lowered_words(text)
    if not HAN.search(text):
        return tuple(found)
    out = []
    for word in found:
        if len(word) < 2 or word.isascii() or not HAN.search(word):
            out.append(word)
        else:
            out.extend(word[i : i + 2] for i in range(len(word) - 1))
    return tuple(out)


def without_stop_words(found: list[str]) -> Terms:
    """Stop words go, and positions count on from the first word kept (as Whoosh's StopFilter)."""
    first = 0
    for first, word in enumerate(found):
        if word not in STOP_WORDS:
            break
    else:
        return [], 0
    return [word for word in found[first:] if word not in STOP_WORDS], first


# A field's terms, by the form it compares words in.

def exact_terms(text: str) -> Terms:
    return words(text), 0


def stemmed_terms(text: str) -> Terms:
    kept, first = without_stop_words(words(text))
    return [stem(word) for word in kept], first


def is_common_pair(first: str, second: str) -> bool:
    """Whether two neighbouring words make a common pair: one of them is a stop word."""
    return first in STOP_WORDS or second in STOP_WORDS


def common_pairs(found: list[str]) -> list[tuple[int, str]]:
    """(place of the first word, "word word") of each two neighbours of which one is a stop word: an
    exact phrase with common words in it is found through these pairs, whose lists are short where
    the common words' own lists hold most of the archive (Lucene's common grams)."""
    return [(n, found[n] + " " + found[n + 1]) for n in range(len(found) - 1) if is_common_pair(found[n], found[n + 1])]


def pair_terms(text: str) -> Terms:
    return [pair for _, pair in common_pairs(words(text))], 0


def folded_terms(text: str) -> Terms:
    return [fold(word) for word in words(text)], 0


def names_terms(text: str) -> Terms:
    """Capitalized words only, folded: the fold field is for names (a fifth of the size of all words)."""
    return [fold(token) for token in TOKEN.findall(text) if token[:1].isupper()], 0
