"""The did-you-mean speller: nearest first, then commonest; two edits at most; first letter kept."""
from indexer.spelling import Speller

FREQUENCY = {
    "house": 10, "haste": 100, "bank": 50, "bark": 5, "world": 3, "would": 100,
    "government": 40, "governor": 20, "cradle": 7, "golden": 9,
}


def suggest(word: str, frequency: dict = FREQUENCY) -> str | None:
    return Speller(frequency).suggest(word, lambda w: frequency.get(w, 0))


def test_a_word_the_archive_holds_gets_no_suggestion():
    assert suggest("house") is None


def test_one_letter_missing_or_wrong():
    assert suggest("goverment") == "government"
    assert suggest("cradel") == "cradle"


def test_the_nearest_word_beats_a_commoner_one():
    # house is one edit away, haste two: house, though haste is ten times commoner
    assert suggest("hause") == "house"


def test_between_equally_near_words_the_commoner_wins():
    assert suggest("bapk") == "bank"


def test_two_swapped_letters_are_one_edit():
    # `wrold` is one swap from world but two substitutions from would, which is commoner
    assert suggest("wrold") == "world"


def test_the_first_letter_is_kept():
    assert suggest("mouse", {"house": 10}) is None


def test_more_than_two_edits_away_is_no_suggestion():
    assert suggest("gxxxxnment") is None


def test_short_words_are_left_as_typed():
    assert suggest("bnk") is None


def test_a_word_no_live_article_holds_is_not_suggested():
    # the index may still list a word whose articles were all deleted: its frequency is 0
    assert suggest("hou5e", {"house": 0, "horse": 2}) == "horse"
    assert suggest("hous", {"house": 0}) is None
