"""A segment's words read straight from its terms file are the words Whoosh's lexicon lists, and a
word~ stands for the words Whoosh's Levenshtein automaton finds, for every field, edit distance and
prefix length, on segments with deletions (the 300-article index of test_phrases)."""
from __future__ import annotations

import random

import pytest
from whoosh.query import FuzzyTerm

from indexer.whoosh import vocabulary
from indexer.whoosh.vocabulary import SegmentWords, field_words, segment_words
from test_phrases import generation, searcher  # noqa: F401  (the fixtures: 300 articles, two segments, deletions)

FIELDS = ("text", "title", "exact", "fold", "speaker", "venue")


def leaves(searcher):  # noqa: F811
    return [leaf for leaf, _ in searcher.reader().leaf_readers()]


def lexicon(leaf, field: str) -> list[str]:
    return [w.decode("utf-8") if isinstance(w, bytes) else w for w in leaf.lexicon(field)]


def test_the_terms_file_read_at_once_lists_the_lexicon(searcher):  # noqa: F811
    segments = leaves(searcher)
    assert len(segments) >= 2
    for leaf in segments:
        assert leaf._terms._tindex.dbfile._buf is not None  # the fast path is the one taken
        for field in FIELDS:
            assert field_words(leaf, field) == lexicon(leaf, field)
        assert len(field_words(leaf, "text")) > 1000
        assert field_words(leaf, "no such field") == []


def misspelt(words: list[str], rng: random.Random) -> str:
    word = list(rng.choice(words))
    for _ in range(rng.randint(1, 2)):
        at = rng.randrange(len(word))
        change = rng.choice(("swap", "drop", "add"))
        if change == "swap":
            word[at] = rng.choice("aeioustrnxё")
        elif change == "drop" and len(word) > 2:
            del word[at]
        else:
            word.insert(at, rng.choice("aeioustrnй"))
    return "".join(word)


@pytest.mark.parametrize("field", ["text", "exact", "speaker"])
def test_a_fuzzy_word_stands_for_the_words_whoosh_finds(searcher, field):  # noqa: F811
    rng = random.Random(7)
    checked = found = 0
    for leaf in leaves(searcher):
        words = [w for w in field_words(leaf, field) if len(w) >= 3]
        for _ in range(25):
            word = misspelt(words, rng) if rng.random() < 0.8 else rng.choice(words)
            for maxdist in (1, 2):
                for prefix in (0, 1, 2):
                    expected = list(FuzzyTerm(field, word, maxdist=maxdist, prefixlength=prefix)._btexts(leaf))
                    assert segment_words(leaf, field).within(word, maxdist, prefix) == expected, (word, maxdist, prefix)
                    checked += 1
                    found += bool(expected)
    assert checked >= 300 and found >= checked // 3  # most of the words asked for are near some word


def test_within_keeps_the_start_and_the_distance():
    words = SegmentWords(sorted(["hat", "hats", "heat", "that", "what", "hot", "chat", "ha", "h", "hatter"]))
    assert words.within("hat", 1, 1) == ["ha", "hat", "hats", "heat", "hot"]
    assert words.within("hat", 1, 0) == ["chat", "ha", "hat", "hats", "heat", "hot", "that", "what"]
    assert words.within("hat", 1, 2) == ["ha", "hat", "hats"]
    assert words.within("hat", 2, 1) == ["h", "ha", "hat", "hats", "heat", "hot"]
    assert words.within("zzz", 1, 1) == []


def test_a_segment_is_read_once_and_a_bounded_number_are_kept(searcher, monkeypatch):  # noqa: F811
    leaf = leaves(searcher)[0]
    first = segment_words(leaf, "text")
    assert segment_words(leaf, "text") is first
    monkeypatch.setattr(vocabulary, "KEPT", 1)
    segment_words(leaf, "title")
    assert segment_words(leaf, "text") is not first
    assert len(vocabulary._kept) == 1


def test_words_with_a_newline_fall_back_to_one_decode_each():
    import numpy as np
    data = np.frombuffer(b"..ab\ncd..ef..", dtype=np.uint8).copy()
    assert vocabulary._joined_words(data, np.array([2, 9]), np.array([5, 2])) is None
    assert vocabulary._joined_words(data, np.array([2, 9]), np.array([2, 2])) == ["ab", "ef"]


def test_the_readers_words_are_the_merged_lexicon(generation, searcher):  # noqa: F811
    assert len(leaves(searcher)) >= 2
    for field in ("exact", "title"):
        merged = lexicon(searcher.reader(), field)
        assert list(generation.reader().words(field)) == merged
        assert len(merged) > len(field_words(leaves(searcher)[0], field))
