"""Engine-neutral analysis (indexer/analysis.py): the stop words are the lists Whoosh ships, and
the one-pass terms are what the Whoosh analyzers that wrap them give for queries."""
from __future__ import annotations

from whoosh.lang import stopwords_for_language

from indexer import analysis
from indexer.whoosh.schema import fold_analyzer, text_analyzer


def test_stop_words_are_whooshs_english_and_russian_lists():
    assert analysis.STOP_WORDS == frozenset(stopwords_for_language("en")) | frozenset(stopwords_for_language("ru"))


def test_query_analyzers_agree_with_the_terms():
    text = "The Exhibitions of Elbassy, Токаев в Алматы 北京欢迎你"
    assert [t.text for t in text_analyzer()(text)] == analysis.stemmed_terms(text)[0]
    assert [t.text for t in fold_analyzer()(text)] == analysis.folded_terms(text)[0]
    assert analysis.fold("Elbassy") == analysis.fold("Elbasy") and analysis.fold("Токаев") == analysis.fold("Tokayev")


def test_common_pairs_are_the_neighbours_of_stop_words():
    found = analysis.words("The mayor of Minsk said in Минске")
    assert analysis.common_pairs(found) == [
        (0, "the mayor"), (1, "mayor of"), (2, "of minsk"), (4, "said in"), (5, "in минске")]
    assert analysis.common_pairs(["new", "epic", "saga"]) == []  # rare words: their own lists are short
    assert analysis.pair_terms("в Минске и в Гомеле") == (["в минске", "минске и", "и в", "в гомеле"], 0)


def test_lowercasing_a_text_at_once_finds_the_words_lowercasing_each_word_finds():
    """Every character whose lowercase is one character keeps its word-ness, so the words of a text
    lowercased at once are the lowercased words of the text (İ and Σ aside, done word by word)."""
    import re
    import sys

    word = re.compile(r"\w")
    changed = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lower = char.lower()
        if len(lower) != 1:
            changed.append(char)
        elif bool(word.match(char)) != bool(word.match(lower)):
            changed.append(char)
    assert changed == ["İ"]
    for text in ["ΟΔΟΣ'Α and İstanbul", "U.S. Army Ü.Б. x.y", "ΣΟΦΙΑ Σ. said", "Привет, МИР! 1900年"]:
        assert analysis.lowered_words(text) == [token.lower() for token in analysis.TOKEN.findall(text)]
