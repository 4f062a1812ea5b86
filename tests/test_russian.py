"""Russian morphology for attribution: which names can be a sentence's subject."""
from indexer import russian


def test_a_surname_the_dictionary_knows_only_as_a_common_plural_can_be_a_subject():
    # русак and цветок have plural genitives Русаков, Цветков: as capitalised names they are surnames
    assert russian.can_be_nominative(["Алексей", "Русаков"])
    assert russian.can_be_nominative(["Антон", "Цветков"])
    assert russian.can_be_nominative(["Александр", "Панайотов"])  # known only as the plural of a first name


def test_a_name_in_an_oblique_case_cannot():
    assert not russian.can_be_nominative(["Раулю", "Кастро"])
    assert not russian.can_be_nominative(["Владимиру", "Путину"])


def test_a_name_the_dictionary_knows_in_the_nominative():
    assert russian.is_known_nominative_name("Николай") and russian.is_known_nominative_name("Крюков")
    assert not russian.is_known_nominative_name("Соной")  # only the guesser reads it as a nominative
