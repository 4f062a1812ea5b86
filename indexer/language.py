"""Language detection: a paragraph in, an ISO 639-1 code out ("" when unknown or too short).
py3langid (naive Bayes over byte n-grams: deterministic, offline) restricted to LANGUAGES,
with two rules: Han script is Chinese; Cyrillic text without a letter of its own leans Russian.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

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

LETTER = re.compile(r"[^\W\d_]")
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


def detect_language(text: str) -> str:
    text = text[:MAX_CHARS]
    letters = LETTER.findall(text)
    if len(letters) < MIN_LETTERS:
        return ""
    scripts = {name for name, pattern in SCRIPTS.items() if pattern.search(text)}
    if "Han" in scripts and "Kana" not in scripts:
        if len(SCRIPTS["Han"].findall(text)) * 2 >= len(letters):
            return "zh"
    present = set(letters)
    best, best_score = "", float("-inf")
    for code, score in _model().rank(text):
        if SCRIPT_OF.get(code, "Latin") not in scripts:
            continue
        if code in ARCHIVE_LANGUAGES:
            score += ARCHIVE_BONUS
        if code in OWN_LETTERS and not present & OWN_LETTERS[code]:
            score -= OWN_LETTER_PENALTY
        if score > best_score:
            best, best_score = code, score
    return best


def detect_many(texts: list[str]) -> list[str]:
    return [detect_language(text) for text in texts]


def article_language(paragraphs: list[str], languages: list[str] | None = None) -> str:
    """The language that holds most of the letters. `languages` may pass the
    paragraphs' codes when they are already known (detect_many's output)."""
    if languages is None:
        languages = detect_many(paragraphs)
    letters: Counter[str] = Counter()
    for text, code in zip(paragraphs, languages):
        if code:
            letters[code] += len(LETTER.findall(text))
    if not letters:
        return detect_language(" ".join(paragraphs))
    return min(letters, key=lambda code: (-letters[code], code))
