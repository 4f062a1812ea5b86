"""Russian morphology for names: words as a sentence declines them in, their nominative out.

`nominative_phrase` puts a venue's adjectives and noun into the nominative ("Московском
драматическом театре" -> "Московский драматический театр"); `nominative_name` does it for a
person ("Сергея Лаврова" -> "Сергей Лавров"); `is_name_part` tells a first name, patronymic or
surname from other capitalised words ("Госсовета" is none). pymorphy3's dictionary decides.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

import pymorphy3

NAME_TAGS = {"Name", "Surn", "Patr"}
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


# A word's readings are some kilobytes of objects: a worker keeps the recent ones (each question asked
# of a word is cached apart, as a bool or a string, far longer).
@lru_cache(maxsize=20_000)
def parses(word: str) -> tuple:
    return tuple(analyzer().parse(word))


def _cased(new: str, old: str) -> str:
    """`new` in the letter case of `old` (Московском -> Московский, МГУ stays МГУ)."""
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old[:1].isupper():
        parts, written = new.split("-"), old.split("-")
        if len(parts) == len(written) > 1:  # `Жан-Клода` -> `Жан-Клод`
            return "-".join(_cased(p, w) for p, w in zip(parts, written))
        return new[:1].upper() + new[1:]
    return new


def _inflect(parse, grammemes: set[str]) -> str | None:
    form = parse.inflect(grammemes)
    return form.word if form else None


@lru_cache(maxsize=200_000)
def is_name_part(word: str) -> bool:
    """A first name, patronymic or surname in some reading (Лаврова, Сергея, Ивановича)."""
    return any(NAME_TAGS & p.tag.grammemes for p in parses(word.lower())) if word.isalpha() else False


@lru_cache(maxsize=200_000)
def is_surname(word: str) -> bool:
    """A surname in the dictionary's first reading or a known surname form (not a common word)."""
    found = parses(word.lower())
    return bool(found) and bool(NAME_TAGS & found[0].tag.grammemes)


def name_case(words: list[str]) -> tuple[str, str | None]:
    """The case and gender the words of one name agree on, nominative first: ("gent", "masc")."""
    options, likelihoods = [], []
    for word in words:
        readings: dict[tuple, float] = {}
        for p in _name_readings(word):
            if p.tag.case in CASES and p.tag.number != "plur":
                key = (p.tag.case, p.tag.gender)
                readings[key] = max(readings.get(key, 0.0), p.score)
        if readings:
            options.append(set(readings))
            likelihoods.append(readings)
    if not options:
        return "nomn", None
    common = set.intersection(*options)
    if not common:  # gender-less surnames (Шойгу) agree on the case alone
        cases = set.intersection(*({c for c, _ in o} for o in options))
        common = {(c, None) for c in cases}
    elif len(likelihoods) > 1:
        # A first name and a surname: the reading both make likely, where the nominative is a long shot
        # (`Дмитрия Медведева` read as a woman named Дмитрия is 0.024 x 0.029 against 0.78 x 0.82)
        def likelihood(reading: tuple) -> float:
            return math.prod(found[reading] for found in likelihoods)

        best = max(sorted(common, key=lambda r: CASES.index(r[0])), key=likelihood)
        nominative = [r for r in common if r[0] == "nomn"]
        if not nominative or max(map(likelihood, nominative)) < NOMINATIVE_ODDS * likelihood(best):
            return best
    for case in CASES:  # nominative first: a name the sentence leaves in it is kept
        genders = [g for c, g in common if c == case]
        if genders:
            return case, ("masc" if "masc" in genders else genders[0])
    return "nomn", None


# A name of two words or more is read in the nominative unless another reading is this many times likelier.
NOMINATIVE_ODDS = 0.1


FEMININE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая)$")
MASCULINE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$")


def name_gender(words: list[str]) -> str | None:
    """The gender of a Russian name in the nominative where both its parts say it: a first name the
    dictionary knows as one gender and a surname with that gender's ending (`Юлия Зарипова` femn,
    `Сергей Боженов` masc); None for anything else (`Эда Гонзалеса`, `Хань Гоюй`, `Шойгу`)."""
    if len(words) < 2:
        return None
    first, surname = words[0].lower(), words[-1].lower()
    genders = {p.tag.gender for p in parses(first) if p.is_known and "Name" in p.tag.grammemes
               and p.tag.case == "nomn" and p.tag.number != "plur"}
    if genders == {"femn"} and FEMININE_SURNAME.search(surname):
        return "femn"
    if genders == {"masc"} and MASCULINE_SURNAME.search(surname):
        return "masc"
    return None  # (a foreign first name's gender in the dictionary is too often wrong: Эммануэль is read femn)


def _name_readings(word: str) -> list:
    """Readings as a name part: the dictionary's, and its guesses only for Russian-looking surnames
    (Фастовского); a guessed first name (Буффье read as a case of `Буффья`) is not trusted."""
    return [p for p in parses(word.lower())
            if NAME_TAGS & p.tag.grammemes and (p.is_known or "Surn" in p.tag.grammemes)]


# Words that join the names of one person (`Хамад бен Халифа Аль Тани`, `Усама бин Ладен`): never declined
NAME_PARTICLES = {"бен", "бин", "ибн", "аль", "эль", "ас", "ад", "ан", "ван", "фон", "де", "ди", "да", "дель", "ла", "ле"}


def nominative_name(words: list[str], case: str | None = None) -> list[str]:
    """A person's name put back into the nominative: ["Сергея", "Лаврова"] -> ["Сергей", "Лавров"].

    `case` is the case the context asks for (`по словам X` is genitive); otherwise the one the
    words agree on, the nominative where they can be read in it. Words the dictionary does not
    know as name parts are kept as written.
    """
    kept = {k for k, w in enumerate(words) if w.lower() in NAME_PARTICLES
            or k and words[k - 1].lower() in ("аль", "эль", "ас", "ад", "ан")}  # `Аль Тани` does not decline
    if kept:
        declined = nominative_name([w for k, w in enumerate(words) if k not in kept], case) if len(kept) < len(words) else []
        it = iter(declined)
        return [w if k in kept else next(it) for k, w in enumerate(words)]
    found, gender = name_case(words)
    given = case is not None
    if case and case != found:  # the context's case: the gender the words agreed on was another reading's
        options = {p.tag.gender for w in words for p in _name_readings(w) if p.tag.case == case and p.tag.gender}
        gender = options.pop() if len(options) == 1 else None
    case = case or found
    if case == "nomn":
        return list(words)
    out = []
    for word in words:
        readings = [p for p in _name_readings(word) if p.tag.case == case
                    and (gender is None or p.tag.gender in (gender, None))]
        if not readings and given and word[:1].isupper() and len(word) > 3 and word[-1] in "ая" and case == "gent":
            # the context asks for the genitive (`по словам Эммануэля Макрона`): a masculine noun reading in it,
            # even one the dictionary guesses for a foreign name, gives the nominative (Эммануэль Макрон); an
            # indeclinable name (Джоли, Хиллари) ends otherwise and is kept
            readings = [p for p in parses(word.lower()) if p.tag.case == case and p.tag.POS == "NOUN"
                        and p.tag.number == "sing" and p.tag.gender == "masc" and gender in ("masc", None)][:1]
        if not readings:
            out.append(_surname_nominative(word, case, gender) if out else word)
            continue
        wanted = {"nomn", "sing"} | ({gender} if gender and readings[0].tag.gender else set())
        out.append(_cased(_inflect(readings[0], wanted) or word, word))
    return out


# A Russian surname in -ов/-ев/-ин declines as the grammar says, known to the dictionary or not: after a first name
# whose gender and case are known, `Павла Сомова` is Павел Сомов, `Анны Сомовой` Анна Сомова.
SURNAME_ENDINGS = {
    "masc": {"gent": "а", "accs": "а", "datv": "у", "ablt": "ым", "loct": "е"},
    "femn": {"gent": "ой", "datv": "ой", "ablt": "ой", "loct": "ой", "accs": "у"},
}


def _surname_nominative(word: str, case: str, gender: str | None) -> str:
    ending = SURNAME_ENDINGS.get(gender or "", {}).get(case)
    if not ending or not word[:1].isupper() or not word.endswith(ending):
        return word
    stem = word[: len(word) - len(ending)]
    if not re.search(r"(?:ов|ев|ёв|ин|ын)$", stem) or len(stem) < 4:
        return word
    return stem + ("а" if gender == "femn" else "")


def nominative_phrase(words: list[str]) -> list[str]:
    """Adjectives and the noun they agree with put into the nominative (a venue, an organisation).

    The head is the first noun; words after it (a name in the genitive, «...») are kept.
    """
    def noun_only(word: str) -> bool:  # "Московском" has a rare noun reading too: the head has no other
        found = parses(word.lower())
        return any(p.tag.POS == "NOUN" for p in found) and not any(p.tag.POS in ("ADJF", "PRTF") for p in found)

    head = next((k for k, w in enumerate(words) if noun_only(w)), None)
    if head is None:
        return list(words)
    nouns = [p for p in parses(words[head].lower()) if p.tag.POS == "NOUN" and p.tag.case in CASES]
    if not nouns:
        return list(words)
    adjectives_cases = [{p.tag.case for p in parses(w.lower()) if p.tag.POS in ("ADJF", "PRTF")} for w in words[:head]]
    agreeing = [p for p in nouns if all(p.tag.case in cases for cases in adjectives_cases)] or nouns
    noun = agreeing[0]
    number = noun.tag.number or "sing"
    out = [_cased(_inflect(noun, {"nomn", number}) or words[head], words[head])]
    for word in reversed(words[:head]):
        readings = [p for p in parses(word.lower()) if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == noun.tag.case]
        if not readings:
            out.insert(0, word)
            continue
        wanted = {"nomn", number} | ({noun.tag.gender} if number == "sing" and noun.tag.gender else set())
        out.insert(0, _cased(_inflect(readings[0], wanted) or word, word))
    return out + list(words[head + 1 :])


def without_yo(text: str) -> str:
    """The text with ё written е, as Russian texts often write it (Пётр, Петр)."""
    return text.replace("ё", "е").replace("Ё", "Е")


def lemmas(word: str) -> frozenset[str]:
    """The dictionary forms a word may be of (отшутилась -> отшутиться)."""
    return _lemmas(word.lower())


@lru_cache(maxsize=200_000)
def _lemmas(word: str) -> frozenset[str]:
    return frozenset(p.normal_form for p in parses(word))


@lru_cache(maxsize=200_000)
def is_finite_verb(word: str) -> bool:
    """A verb in the past or present tense (сказала, отшутился, говорит), as after `», —`."""
    return any(p.tag.POS == "VERB" for p in parses(word.lower())) if word.isalpha() else False


@lru_cache(maxsize=200_000)
def is_common_word(word: str) -> bool:
    """A known word that names nothing: an adverb, adjective, verb or pronoun (Позднее, Всеобщего).
    Nouns are not counted: a capitalised noun in mid-sentence is a name (Мадонна, Кремль), and
    pymorphy3 guesses unknown words (Чэпмен) as nouns."""
    found = parses(word.lower())
    if not found or not found[0].is_known or any(NAME_TAGS & p.tag.grammemes for p in found):
        return False
    return not any(p.tag.POS in ("NOUN", None) for p in found if p.is_known)


@lru_cache(maxsize=200_000)
def is_geo(word: str) -> bool:
    """A place name in its likeliest reading (Боливии, Калифорния, Аравию), not a surname too."""
    found = parses(word.lower())
    return (bool(found) and found[0].is_known and "Geox" in found[0].tag.grammemes
            and not any(NAME_TAGS & p.tag.grammemes for p in found))


def can_be_nominative(words: list[str]) -> bool:
    """Whether a name can be a sentence's subject: no word of it is only in an oblique case
    (`Соной Ованнисян` after `с` is instrumental; `Сергей Лавров` and unknown foreign names pass)."""
    return all(_can_be_nominative(word) for word in words)


SURNAME_NOMINATIVE = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ова|ева|ёва|ина|ына|ская|цкая)$")


@lru_cache(maxsize=200_000)
def _can_be_nominative(word: str) -> bool:
    if not word.isalpha() or len(word) < 3 or word.isupper():
        return True
    known = [p for p in parses(word.lower()) if p.tag.case and p.is_known]  # guesses prove nothing
    cases = {p.tag.case for p in known}
    if not cases or "nomn" in cases:
        return True
    # `Русаков`, `Цветков`: the dictionary knows only the common noun's plural (русак, цветок); a
    # capitalised word of a surname's nominative shape, which it does not know as a name, is one
    return word[:1].isupper() and bool(SURNAME_NOMINATIVE.search(word.lower())) and not any(
        "Surn" in p.tag.grammemes for p in known)  # Путина: the dictionary's surname, in the genitive


@lru_cache(maxsize=200_000)
def is_person_noun(word: str) -> bool:
    """A common noun for a person in the nominative (музыкант, певица): a subject, not a name; never a
    word of one or two letters (the dictionary has `и` and `я` as nouns too)."""
    return len(word) > 2 and any(p.tag.POS == "NOUN" and "anim" in p.tag.grammemes and p.tag.case == "nomn"
               and not NAME_TAGS & p.tag.grammemes for p in parses(word.lower()) if p.is_known)


def is_person_title(noun: str, name: str) -> bool:
    """`певица Земфира`, `форвард Вендел`: a noun for one person in the nominative, and a one-word name that can be
    in the nominative too, in apposition (not `форвард Реала`, a club's genitive; not `дочери Челси`)."""
    titled = any(p.tag.POS == "NOUN" and "anim" in p.tag.grammemes and p.tag.case == "nomn" and p.tag.number == "sing"
                 and not NAME_TAGS & p.tag.grammemes for p in parses(noun.lower()) if p.is_known)
    readings = [p for p in parses(name.lower()) if p.is_known]
    return len(noun) > 2 and titled and (not readings or any(p.tag.case == "nomn" for p in readings))


@lru_cache(maxsize=200_000)
def is_plural_noun(word: str) -> bool:
    """A known common noun read first as a plural (Мятежники, Следователи): a group, not a name."""
    found = parses(word.lower())
    return (bool(found) and found[0].is_known and found[0].tag.POS == "NOUN" and found[0].tag.number == "plur"
            and not any(NAME_TAGS & p.tag.grammemes or "Geox" in p.tag.grammemes for p in found))


@lru_cache(maxsize=200_000)
def is_plain_noun(word: str) -> bool:
    """A known common noun and never a name part (Заявление, Мадонна): a name only mid-sentence."""
    found = [p for p in parses(word.lower()) if p.is_known]
    return bool(found) and found[0].tag.POS == "NOUN" and not any(
        NAME_TAGS & p.tag.grammemes or {"Geox", "Orgn", "Abbr"} & p.tag.grammemes for p in found)


@lru_cache(maxsize=200_000)
def is_known_nominative_name(word: str) -> bool:
    """A first name, patronymic or surname the dictionary itself (not its guesser) has in the nominative
    (Николай, Крюков; not Соной, a guess)."""
    return any(NAME_TAGS & p.tag.grammemes and p.tag.case == "nomn" and p.is_known for p in parses(word.lower()))


@lru_cache(maxsize=100_000)
def is_adjective(word: str) -> bool:
    """`столичной`, `надзорной`: a full adjective (or participle) in some reading."""
    return any(p.tag.POS in ("ADJF", "PRTF") for p in parses(word.lower()))
