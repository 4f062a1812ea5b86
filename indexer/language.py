"""Language detection: a paragraph in, an ISO 639-1 code out ("" when unknown or too short).
py3langid (naive Bayes over byte n-grams: deterministic, offline) restricted to LANGUAGES,
with two rules: Han script is Chinese; Cyrillic text without a letter of its own leans Russian.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from operator import itemgetter

import numpy as np
from py3langid.langid import MODEL_FILE, RAW_FLOOR, LanguageIdentifier

from .ngram_counts import NgramCounter

# The archive's languages, and other common news languages it may hold. The
# archive's languages start ARCHIVE_BONUS ahead (in log-likelihood), so a short
# English caption such as "Austen, Jane. Pride and Prejudice" stays English.
ARCHIVE_LANGUAGES = ("en", "ru", "kk", "ky", "uk", "be", "zh")
OTHER_LANGUAGES = ("de", "fr", "es", "it", "pt", "pl", "tr", "ar", "ja", "ko")
ARCHIVE_BONUS = 6.0

# Letters Russian lacks. A Cyrillic text with none of a language's own letters
# is scored OWN_LETTER_PENALTY lower for it: name captions such as "Владимир
# Путин" stay Russian, while a whole Kyrgyz sentence without ң ө ү stays Kyrgyz.
OWN_LETTERS = {"uk": set("іїєґІЇЄҐ"), "be": set("іўІЎ"), "kk": set("әғқұһіңөүӘҒҚҰҺІҢӨҮ"), "ky": set("ңөүҢӨҮ")}
OWN_LETTER_PENALTY = 12.0

MIN_LETTERS = 3
MAX_CHARS = 20_000  # the start of a huge paragraph is evidence enough

NON_LETTERS = re.compile(r"[\W\d_]+")  # what their removal leaves is the text's letters
SCRIPTS = {
    "Latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "Cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "Arabic": re.compile(r"[\u0600-\u06ff]"),
    "Han": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]"),
    "Kana": re.compile(r"[\u3040-\u30ff]"),
    "Hangul": re.compile(r"[\uac00-\ud7af]"),
}
# A language can win only where its script is present (others are Latin).
SCRIPT_OF = dict.fromkeys(("ru", "kk", "ky", "uk", "be"), "Cyrillic") | {
    "ar": "Arabic", "zh": "Han", "ja": "Kana", "ko": "Hangul"}


@cache
def _model() -> LanguageIdentifier:
    """The model, loaded from the package (no network) once, on first use."""
    model = LanguageIdentifier.from_model_file(MODEL_FILE)
    model.set_languages(ARCHIVE_LANGUAGES + OTHER_LANGUAGES)
    return model


@cache
def _ngram_counter() -> NgramCounter:
    return NgramCounter(_model())


def _rankings(texts: list[str]) -> Iterator[list[tuple[str, float]]]:
    """_model().rank(text) for each text, with the n-gram features of all of them
    counted in one pass; the scores are py3langid's own arithmetic, bit for bit
    (its rank less what our model never uses: normalized probabilities, aliased labels)."""
    model = _model()
    encoded = [model._encode(text) for text in texts]
    for features, times in _ngram_counter().counts(encoded):
        if features.size:
            scores = np.log1p(times) @ model.nb_ptc[features] + model.nb_pc
        else:
            scores = np.full(len(model.nb_classes), RAW_FLOOR, dtype=np.float32)
        yield sorted(zip(model.nb_classes, scores.tolist()), key=itemgetter(1), reverse=True)


def _without_model(text: str, letters: str, scripts: set[str]) -> str | None:
    """The language when the letters and scripts alone decide it: too few letters, or Chinese."""
    if len(letters) < MIN_LETTERS:
        return ""
    if "Han" in scripts and "Kana" not in scripts:
        if len(SCRIPTS["Han"].findall(text)) * 2 >= len(letters):
            return "zh"
    return None


def _best_ranked(ranking: list[tuple[str, float]], letters: str, scripts: set[str]) -> str:
    present = set(letters)
    best, best_score = "", float("-inf")
    for code, score in ranking:
        if SCRIPT_OF.get(code, "Latin") not in scripts:
            continue
        if code in ARCHIVE_LANGUAGES:
            score += ARCHIVE_BONUS
        if code in OWN_LETTERS and not present & OWN_LETTERS[code]:
            score -= OWN_LETTER_PENALTY
        if score > best_score:
            best, best_score = code, score
    return best


def detect_language(text: str) -> str:
    return detect_many([text])[0]


def detect_many(texts: list[str]) -> list[str]:
    texts = [text[:MAX_CHARS] for text in texts]
    letters = [NON_LETTERS.sub("", text) for text in texts]
    scripts = [{name for name, pattern in SCRIPTS.items() if pattern.search(text)} for text in texts]
    codes = [_without_model(*clues) for clues in zip(texts, letters, scripts)]
    undecided = [i for i, code in enumerate(codes) if code is None]
    for i, ranking in zip(undecided, _rankings([texts[i] for i in undecided])):
        codes[i] = _best_ranked(ranking, letters[i], scripts[i])
    return codes


def article_language(paragraphs: list[str], languages: list[str] | None = None) -> str:
    """The language that holds most of the letters. `languages` may pass the
    paragraphs' codes when they are already known (detect_many's output)."""
    if languages is None:
        languages = detect_many(paragraphs)
    letters: Counter[str] = Counter()
    for text, code in zip(paragraphs, languages):
        if code:
            letters[code] += len(NON_LETTERS.sub("", text))
    if not letters:
        return detect_language(" ".join(paragraphs))
    return min(letters, key=lambda code: (-letters[code], code))
