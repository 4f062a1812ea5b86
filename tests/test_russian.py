"""Russian morphology for attribution: which names can be a sentence's subject."""
import pytest

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


# natasha's parse of the sentence around a quotation (indexer/russian_syntax.py); the quotation is QUOTE
from indexer import russian_syntax  # noqa: E402
from indexer.quotes import load_rules  # noqa: E402

RU = load_rules("ru")
Q = russian_syntax.QUOTE


def speaker(sentence: str):
    return russian_syntax.speaker(sentence, RU.is_verb, RU.body_nouns)


def test_the_subject_of_the_verb_of_speech_is_who_speaks_named_in_full_in_the_nominative():
    assert speaker(f"{Q}, — заявила официальный представитель МИД России Мария Захарова.") == (
        "name", "Мария Захарова", "официальный представитель МИД России")
    assert speaker(f"{Q}, — сообщил журналистам глава пресс-службы Сергей Иванов.")[:2] == ("name", "Сергей Иванов")


def test_a_name_in_the_genitive_after_a_role_is_its_complement_not_the_speaker():
    assert speaker(f"{Q}, — заявил на суде общественный защитник Алёхиной Александр Подрабинёк")[:2] == (
        "name", "Александр Подрабинёк")
    assert speaker(f"Форвард Реала написал в своём фейсбуке: {Q}") == ("role", "форвард реала", "")


def test_a_name_the_recogniser_cuts_in_two_is_put_back_together():
    found = speaker(f"{Q}, — заявил актер, продюсер и директор Нейл Патрик Харрис, известный своими ролями в сериалах.")
    assert found[:2] == ("name", "Нейл Патрик Харрис")


def test_bodies_pronouns_and_places():
    assert speaker(f"Пресс-служба ведомства сообщила: {Q}") == ("body", "пресс-служба ведомства", "")
    assert speaker(f"{Q}, — сказала она журналистам.") == ("pronoun", "она", "")
    assert speaker(f"Россия заявила: {Q}") is None  # a place never speaks: the rules decide


def test_the_one_quoted_by_an_outlet_is_left_to_the_rules():
    assert speaker(f"{Q}, — цитирует Infox.ru пресс-службу Минобороны") is None


def test_without_a_verb_of_speech_the_subject_of_the_verb_the_quotation_depends_on():
    sentence = f"Си Цзиньпин посвятил свою речь {Q}."
    assert speaker(sentence) is None
    assert russian_syntax.governor_subject(sentence, RU.body_nouns)[:2] == ("name", "Си Цзиньпин")


def test_which_relative_clause_the_speaker_of_a_relative_pronoun_comes_from():
    found = speaker(f"Юханссон хотел бы видеть своим наследником Бекенбауэра, который ответил: {Q}.")
    assert found is not None and found[0] == "name" and found[1].startswith("Бекенбауэр")


def test_the_models_run_on_one_blas_thread():
    from threadpoolctl import threadpool_info

    russian_syntax.models()
    # numpy's BLAS, which natasha's matrix products use; scipy's own (datasketch imports scipy), loaded
    # after the models in some orders of the tests, keeps its default and is not the models' concern
    numpy_blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas" and "numpy" in pool["filepath"]]
    assert numpy_blas and all(pool["num_threads"] == 1 for pool in numpy_blas)


def test_yo_is_written_e_as_often_as_not():
    assert russian.without_yo("Пётр Подрабинёк") == "Петр Подрабинек"


def test_a_genitive_the_context_asks_for_is_put_in_the_nominative_even_for_a_foreign_name():
    assert russian.nominative_name(["Эммануэля", "Макрона"], "gent") == ["Эммануэль", "Макрон"]
    assert russian.nominative_name(["Жан-Клода", "Юнкера"], "gent") == ["Жан-Клод", "Юнкер"]
    # an indeclinable name stays as it is written
    assert russian.nominative_name(["Анджелины", "Джоли"], "gent") == ["Анджелина", "Джоли"]


def test_a_name_s_gender_where_first_name_and_surname_agree():
    assert russian.name_gender(["Юлия", "Зарипова"]) == "femn"
    assert russian.name_gender(["Сергей", "Боженов"]) == "masc"
    assert russian.name_gender(["Хань", "Гоюй"]) is None  # nothing certain
    assert russian.name_gender(["Шойгу"]) is None


def test_one_or_two_letters_are_no_person_noun():
    assert not russian.is_person_noun("и")
    assert russian.is_person_noun("музыкант")


def test_a_foreign_name_s_gender_is_left_open():
    # the dictionary reads Эммануэль as a woman's name: a pronoun must not be kept from Эммануэль Макрон
    assert russian.name_gender(["Эммануэль", "Макрон"]) is None
    assert russian.name_gender(["Эда", "Гонзалеса"]) is None  # a genitive the text left: nothing certain


def test_a_surname_the_dictionary_does_not_know_declines_with_its_first_name():
    from indexer.russian import nominative_name
    assert nominative_name(["Павла", "Сомова"]) == ["Павел", "Сомов"]
    assert nominative_name(["Павлу", "Сомову"]) == ["Павел", "Сомов"]
    assert nominative_name(["Павлом", "Сомовым"]) == ["Павел", "Сомов"]
    assert nominative_name(["Анны", "Сомовой"]) == ["Анна", "Сомова"]
    assert nominative_name(["Анну", "Сомову"]) == ["Анна", "Сомова"]
    assert nominative_name(["Анна", "Сомова"]) == ["Анна", "Сомова"]  # already in the nominative


def test_name_particles_and_the_names_after_al_are_not_declined():
    from indexer.russian import nominative_name
    assert nominative_name(["Усамы", "бен", "Ладена"]) == ["Усама", "бен", "Ладен"]
    assert nominative_name(["Хамад", "бен", "Халифа", "Аль", "Тани"]) == ["Хамад", "бен", "Халифа", "Аль", "Тани"]


@pytest.mark.parametrize("words, nominative", [
    # a man's first name and surname in the genitive, which the dictionary also reads, unlikely, as a woman's
    # name in the nominative (Дмитрия: 0.024)
    (["Дмитрия", "Медведева"], ["Дмитрий", "Медведев"]),
    (["Эдуарда", "Лимонова"], ["Эдуард", "Лимонов"]),
    # a woman's name in the accusative, not a man's in the dative
    (["Аллу", "Пугачёву"], ["Алла", "Пугачёва"]),
    # a woman's name in the nominative stays
    (["Анна", "Медведева"], ["Анна", "Медведева"]),
    (["Мария", "Захарова"], ["Мария", "Захарова"]),
])
def test_a_name_of_two_words_is_read_in_its_likeliest_case(words, nominative):
    assert russian.nominative_name(words) == nominative
