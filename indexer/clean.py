"""Cleaning: a document's raw text in, its paragraphs and a record of every
removed line with its reason (spam, boilerplate, foreign-script, mojibake)
out. Whitespace is normalized; paragraph boundaries (one per line) are kept.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import ftfy
from ftfy.badness import is_bad
import numpy as np

from . import patterns
from .model import Removed

# Spaces of every width, and control characters, which have no place in article text.
SPACES = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
QUOTE_OPENERS = "\"“„«‘'「『"

# Lost characters: words wrapped in '?' or runs of lone '?', as left by a lossy re-encoding.
LOST_CHARS = re.compile(r"\?\w[^?\s]*\?|(?:^|\s)\?(?:\s|$)")
SPAM_SIGNALS = re.compile(r"\w\|\w|https?://|www\.|(?:casino|viagra|porn|betting|直播|代开|发票)", re.I)


@dataclass
class Cleaned:
    paragraphs: list[str]
    removed: list[Removed] = field(default_factory=list)


def normalize_space(line: str) -> str:
    return SPACES.sub(" ", line).strip()


def split_paragraphs(text: str) -> list[str]:
    """Each non-blank line is a paragraph: the archive's text files put one per line."""
    lines = (normalize_space(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return [line for line in lines if line]


SCRIPT_PATTERNS = {
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "cyrillic": re.compile(r"[\u0400-\u052f]"),
    "cjk": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\u3040-\u30ff\uac00-\ud7af]"),
    "arabic": re.compile(r"[\u0600-\u06ff]"),
}


def script_counts(text: str) -> Counter:
    """Letters of each script in the text (regular expressions: a loop per character is slow)."""
    counts = Counter({name: len(pattern.findall(text)) for name, pattern in SCRIPT_PATTERNS.items()})
    return +counts  # drop the zeros


def main_script(counts_by_paragraph: Iterable[Counter]) -> str | None:
    """The script of most of the letters (given the paragraphs' `script_counts`), if one
    script clearly dominates (a bilingual text has none)."""
    counts = Counter()
    for paragraph_counts in counts_by_paragraph:
        counts.update(paragraph_counts)
    if not counts:
        return None
    script, count = counts.most_common(1)[0]
    return script if count >= 0.75 * sum(counts.values()) else None


def is_foreign(line: str, script: str | None, counts: Counter) -> bool:
    """Mostly letters of another script than the article's (`counts`: the line's
    `script_counts`), and not a quotation or a bare name."""
    if script is None or line[0] in QUOTE_OPENERS:
        return False
    letters = sum(counts.values())
    if len(line.split()) <= 3 and letters < 16:  # a name, written in its own script
        return False
    return letters > 0 and counts[script] < 0.4 * letters


def is_lost_characters(line: str) -> bool:
    """A short line whose characters were replaced by '?' or U+FFFD, beyond repair."""
    damage = len(LOST_CHARS.findall(line)) + line.count("\ufffd")
    return damage >= 2 and len(line) < 200


def repair(line: str) -> str:
    """Fix mojibake (UTF-8 read as Latin-1 and the like) only where the line looks broken.
    Mojibake is never plain ASCII (each of ftfy's badness patterns needs a character beyond
    it), and most lines are, so those skip the costly check."""
    return ftfy.fix_text(line) if not line.isascii() and is_bad(line) else line


def removal_reason(line: str, script: str | None, repeated: set[str], counts: Counter) -> str | None:
    if line in repeated or patterns.matches("boilerplate.txt", line):
        return "boilerplate"
    if is_lost_characters(line):
        return "mojibake"
    if is_foreign(line, script, counts):
        return "spam" if SPAM_SIGNALS.search(line) else "foreign-script"
    return None


def clean(text: str, title: str | None = None, repeated: set[str] = frozenset()) -> Cleaned:
    """Split text into paragraphs and remove what is not the article.

    `repeated` holds lines found in many articles of the same source (see
    `repeated_lines`); they are boilerplate wherever they appear. The title
    line is never removed."""
    paragraphs = []
    for line in split_paragraphs(text):
        fixed = repair(line)
        if fixed is not line:  # the line was normalized already; its repair may need it again
            fixed = normalize_space(fixed)
        if fixed:
            paragraphs.append(fixed)
    counts = [script_counts(p) for p in paragraphs]
    script = main_script(counts)
    kept: list[str] = []
    removed: list[Removed] = []
    for n, (line, line_counts) in enumerate(zip(paragraphs, counts)):
        reason = None if (n == 0 and title is None) or line == title else removal_reason(line, script, repeated, line_counts)
        if reason:
            removed.append(Removed(text=line, reason=reason))
        else:
            kept.append(line)
    return Cleaned(paragraphs=kept, removed=removed)


class RepeatedLines:
    """Lines that recur in at least `share` of the articles of one source (and in `min_articles`),
    counted as the articles stream by: each line by an 8-byte digest, in sorted numpy arrays (12
    bytes a distinct line, where a dict of digests costs about 170), and its text kept only once
    `min_articles` articles have it (a line seen twice is common; one seen five times is rarer)."""

    def __init__(self, min_articles: int = 5, share: float = 0.3):
        self.min_articles, self.share = min_articles, share
        self.articles = 0
        self.keys = np.zeros(0, dtype=np.uint64)  # digests counted so far, sorted
        self.counts = np.zeros(0, dtype=np.int32)
        self.pending: dict[int, int] = {}  # digests first met since the arrays were last merged
        self.texts: dict[int, str] = {}

    def add(self, text: str) -> None:
        self.articles += 1
        lines = {line for line in split_paragraphs(text) if len(line) >= 12}
        if not lines:
            return
        by_key = {int.from_bytes(hashlib.blake2b(line.encode(), digest_size=8).digest(), "little"): line
                  for line in lines}
        keys = np.fromiter(by_key, dtype=np.uint64, count=len(by_key))
        at = np.minimum(np.searchsorted(self.keys, keys), max(len(self.keys) - 1, 0))
        known = self.keys[at] == keys if len(self.keys) else np.zeros(len(keys), dtype=bool)
        self.counts[at[known]] += 1
        for key, n in zip(keys[known].tolist(), self.counts[at[known]].tolist()):
            if n == self.min_articles:  # no line of fewer articles is boilerplate
                self.texts[key] = by_key[key]
        for key in keys[~known].tolist():
            n = self.pending[key] = self.pending.get(key, 0) + 1
            if n == self.min_articles:
                self.texts[key] = by_key[key]
        # Merged a little at a time for a small source, a quarter of its size at a time for a big one:
        # the pending dict stays small, and merging costs about as much as counting.
        if len(self.pending) > max(32, len(self.keys) // 4):
            self._merge()

    def _merge(self) -> None:
        if not self.pending:
            return
        keys = np.concatenate([self.keys, np.fromiter(self.pending, dtype=np.uint64, count=len(self.pending))])
        counts = np.concatenate([self.counts, np.fromiter(self.pending.values(), dtype=np.int32,
                                                          count=len(self.pending))])
        order = np.argsort(keys, kind="stable")
        self.keys, self.counts, self.pending = keys[order], counts[order], {}

    def lines(self) -> set[str]:
        if self.articles < self.min_articles:
            return set()
        self._merge()
        threshold = max(self.min_articles, self.share * self.articles)
        return {self.texts[key] for key in self.keys[self.counts >= threshold].tolist()}


def repeated_lines(texts: Iterable[str], min_articles: int = 5, share: float = 0.3) -> set[str]:
    """Lines that recur in at least `share` of these articles of one source (and in `min_articles`)."""
    counter = RepeatedLines(min_articles, share)
    for text in texts:
        counter.add(text)
    return counter.lines()
