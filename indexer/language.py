"""Language detection: a text in, an ISO 639-1 code out ("" when unknown).

langdetect, seeded so the same text always gets the same answer, with
letter rules for the Cyrillic languages it has no profile for.
"""
from __future__ import annotations

import re

from langdetect import DetectorFactory, LangDetectException, detect

DetectorFactory.seed = 0

LETTERS = re.compile(r"[^\W\d_]")
KAZAKH = set("әғқұһӘҒҚҰҺ")
KYRGYZ_OR_KAZAKH = set("ңөүҢӨҮ")
BELARUSIAN = set("ўЎ")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")


def cyrillic_rule(text: str) -> str | None:
    """Languages told apart by letters only they use."""
    letters = set(text)
    if letters & KAZAKH:
        return "kk"
    if letters & KYRGYZ_OR_KAZAKH:
        return "ky"
    if letters & BELARUSIAN:
        return "be"
    return None


def detect_language(text: str) -> str:
    if len(LETTERS.findall(text)) < 3:
        return ""
    if HAN.search(text) and not KANA.search(text) and not HANGUL.search(text):
        han = len(HAN.findall(text))
        if han * 2 >= len(LETTERS.findall(text)):
            return "zh"
    if CYRILLIC.search(text):
        by_letters = cyrillic_rule(text)
        if by_letters:
            return by_letters
    try:
        code = detect(text)
    except LangDetectException:
        return ""
    return code.split("-")[0]


def article_language(paragraphs: list[str]) -> str:
    """The language of the whole text, weighted by length."""
    return detect_language(" ".join(paragraphs)[:5000])
