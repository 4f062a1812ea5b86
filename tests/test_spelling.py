"""The did-you-mean speller: nearest first, then commonest; two edits at most; first letter kept."""
from indexer.spelling import Speller

VOCABULARY = [
    ("house", 10), ("haste", 100), ("bank", 50), ("bark", 5), ("world", 3), ("would", 100),
    ("government", 40), ("governor", 20), ("cradle", 7), ("golden", 9),
]


def speller() -> Speller:
    return Speller(VOCABULARY)


def test_a_word_the_archive_holds_gets_no_suggestion():
    assert speller().suggest("house") is None


def test_one_letter_missing_or_wrong():
    assert speller().suggest("goverment") == "government"
    assert speller().suggest("cradel") == "cradle"


def test_the_nearest_word_beats_a_commoner_one():
    # house is one edit away, haste two: house, though haste is ten times commoner
    assert speller().suggest("hause") == "house"


def test_between_equally_near_words_the_commoner_wins():
    assert speller().suggest("bapk") == "bank"


def test_two_swapped_letters_are_one_edit():
    # `wrold` is one swap from world but two substitutions from would, which is commoner
    assert speller().suggest("wrold") == "world"


def test_the_first_letter_is_kept():
    assert Speller([("house", 10)]).suggest("mouse") is None


def test_more_than_two_edits_away_is_no_suggestion():
    assert speller().suggest("gxxxxnment") is None


def test_short_words_are_left_as_typed():
    assert speller().suggest("bnk") is None


def test_words_of_no_article_are_not_suggested():
    assert Speller([("house", 0), ("horse", 2)]).suggest("hou5e") == "horse"
    assert len(Speller([("house", 0), ("horse", 2)])) == 1
