"""Highlighting: a parsed query and an article's text in, an HTML snippet out.

The snippet opens at the passage with the most distinct matches; every
character of article text is escaped; a matched phrase is one <mark>, and a
word is marked only where it matches the query (words of a phrase are marked
where the whole phrase stands, not on their own).
"""
from __future__ import annotations

import html
import itertools
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from . import config
from . import querytree as qt
from .analysis import HAN, TOKEN, fold, lowered_words, stem, tokens


# Each indexed field compares words in one form: as written, stemmed, or folded.
FORM_OF_FIELD = {"exact": "exact", "fold": "fold", "speaker": "fold", "title": "stem", "text": "stem", "quotes": "stem"}
FORMS = ("exact", "stem", "fold")


@dataclass
class Wanted:
    """The words, phrases, prefixes and fuzzy words a query asks for, by form."""

    terms: dict[str, set[str]] = field(default_factory=lambda: {f: set() for f in FORMS})
    phrases: dict[str, list[tuple[str, ...]]] = field(default_factory=lambda: {f: [] for f in FORMS})
    prefixes: set[str] = field(default_factory=set)
    fuzzy: list[tuple[str, int]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(self.terms.values()) or any(self.phrases.values()) or bool(self.prefixes or self.fuzzy)


def wanted_terms(query: qt.Node) -> Wanted:
    """The analyzed words, prefixes and phrases a query asks for (not those it excludes)."""
    wanted = Wanted()

    def walk(node: qt.Node) -> None:
        if isinstance(node, qt.Not):
            return
        if isinstance(node, qt.AndNot):
            walk(node.positive)
            return
        form = FORM_OF_FIELD.get(getattr(node, "field", None))
        if isinstance(node, qt.Phrase) and form:
            wanted.phrases[form].append(tuple(node.words))
        elif isinstance(node, qt.Prefix) and form:
            wanted.prefixes.add(node.text)
        elif isinstance(node, qt.Fuzzy) and form:
            wanted.fuzzy.append((node.text, node.maxdist))
        elif isinstance(node, qt.Term) and form:
            wanted.terms[form].add(node.text)
        for child in qt.children(node):
            walk(child)

    walk(query)
    return wanted


FORM_OF_WORD = {"exact": lambda word: word, "stem": stem, "fold": fold}


def word_matches(word: str, wanted: Wanted) -> bool:
    """Whether a word (as written, lowercased) matches one of the query's words, prefixes or fuzzy words."""
    if word in wanted.terms["exact"]:
        return True
    # stemming and folding cost more than the lookups: done only when the query has such words
    stemmed = stem(word) if wanted.terms["stem"] or wanted.prefixes else word
    if stemmed in wanted.terms["stem"] or wanted.terms["fold"] and fold(word) in wanted.terms["fold"]:
        return True
    if wanted.prefixes and any(word.startswith(p) or stemmed.startswith(p) for p in wanted.prefixes):
        return True
    return bool(wanted.fuzzy) and any(Levenshtein.distance(word, fuzzy, score_cutoff=d) <= d for fuzzy, d in wanted.fuzzy)


def verdict(word: str, wanted: Wanted, matched: dict[str, bool]) -> bool:
    """word_matches, asked once per word: `matched` keeps the verdicts."""
    hit = matched.get(word)
    if hit is None:
        hit = matched[word] = word_matches(word, wanted)
    return hit


def match_spans(text: str, wanted: Wanted, matched: dict[str, bool] | None = None) -> list[tuple[int, int]]:
    """(start, end) character spans of the matches in text, phrases merged into one span. `matched`
    holds the verdicts on words already tested against `wanted` (shared by a page's snippets)."""
    matched = {} if matched is None else matched  # an article repeats its words: each is tested once
    if not any(wanted.phrases.values()) and not HAN.search(text):
        return word_spans(text, wanted, matched)
    found = tokens(text)
    spans: list[tuple[int, int]] = []
    for word, start, end in found:
        if verdict(word, wanted, matched):
            spans.append((start, end))
    for form in FORMS:
        if not wanted.phrases[form]:
            continue
        words = [FORM_OF_WORD[form](word) for word, _, _ in found]
        for phrase in wanted.phrases[form]:
            n = len(phrase)
            for i in range(len(found) - n + 1):
                if words[i] == phrase[0] and tuple(words[i : i + n]) == phrase:
                    spans.append((found[i][1], found[i + n - 1][2]))
    return merge(spans)


def word_spans(text: str, wanted: Wanted, matched: dict[str, bool]) -> list[tuple[int, int]]:
    """match_spans for a query of words alone, in a text without Han: each distinct word is tested,
    and the text is walked for places only when one matches (most words of most texts do not)."""
    hits = {word for word in set(lowered_words(text)) if verdict(word, wanted, matched)}
    if not hits:
        return []
    if "İ" in text or "Σ" in text:  # lowercased, not in place (İ) or not alone (Σ): as lowered_words
        return [(m.start(), m.end()) for m in TOKEN.finditer(text) if m.group().lower() in hits]
    return [(m.start(), m.end()) for m in TOKEN.finditer(text.lower()) if m.group() in hits]


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def best_window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """The window of about `width` characters holding the most distinct matched words."""
    best, best_score = (0, min(len(text), width)), -1
    for i, (start, _) in enumerate(spans):
        window_start = max(0, start - width // 5)
        window_end = window_start + width
        # Merged spans are disjoint and sorted, so their ends rise: stop at the first past the window.
        distinct = {text[s:e].lower() for s, e in itertools.takewhile(lambda span: span[1] <= window_end, spans[i:])}
        if len(distinct) > best_score:
            best, best_score = (window_start, min(len(text), window_end)), len(distinct)
    start, end = best
    first_match = next(s for s, _ in spans if s >= start)
    if start > 0:  # open and close at word boundaries
        space = text.find(" ", start, first_match)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def mark(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """Escape text[start:end] and wrap each span in <mark>."""
    end = len(text) if end is None else end
    out: list[str] = []
    cursor = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(html.escape(text[cursor:s]))
        out.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        cursor = e
    out.append(html.escape(text[cursor:end]))
    return "".join(out)


def highlight_all(text: str, query: qt.Node) -> str:
    """The whole text, escaped, with every match marked (for the article page)."""
    wanted = wanted_terms(query)
    return mark(text, match_spans(text, wanted) if wanted else [])


def head(text: str, size: int) -> str:
    """The text's first `size` characters or so, ending at a space (no word cut in two)."""
    if len(text) <= size:
        return text
    space = text.rfind(" ", 0, size)
    return text[:space] if space > 0 else text[:size]


class Snippets:
    """The snippets of one query's hits: what the query wants is read once, and each word's verdict
    is kept for the next article (a page's articles share most of their words)."""

    def __init__(self, query: qt.Node):
        self.wanted = wanted_terms(query)
        self.matched: dict[str, bool] = {}

    def __call__(self, text: str, width: int = config.SNIPPET_CHARS) -> str:
        wanted, matched = self.wanted, self.matched
        text = " ".join(text.split())
        spans = match_spans(head(text, config.SNIPPET_SCAN_CHARS), wanted, matched) if wanted else []
        if wanted and not spans and len(text) > config.SNIPPET_SCAN_CHARS:
            spans = match_spans(text, wanted, matched)
        if not spans:
            start, end = 0, min(len(text), width)
            if end < len(text):
                end = text.rfind(" ", 0, end) if " " in text[:end] else end
        else:
            start, end = best_window(text, spans, width)
        body = mark(text, spans, start, end)
        return ("… " if start > 0 else "") + body + (" …" if end < len(text) else "")


def snippet(text: str, query: qt.Node, width: int = config.SNIPPET_CHARS) -> str:
    return Snippets(query)(text, width)
