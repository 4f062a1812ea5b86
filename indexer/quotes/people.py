"""The article's people: who each paragraph names, and the context attribution walks with.

In: an article's paragraphs and the language's `Rules`.
Out: `Context` (people named per paragraph, read on demand, and the speakers met so far), and a
surname or words made into a `Person` of the article (`full_name`, `_person_of`, `_person_like`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from indexer import russian
from indexer.quotes.names import (
    NAME_SUFFIXES, NOT_A_PERSON_HEADS, OBLIQUE_ADJECTIVE, ORGANISATION_WORDS, RU_TITLES_OF_ONE_NAME,
    TITLES_OF_ONE_NAME, _common_phrase, _is_city, _role_text, _speaker_run, _title_before, demonyms, is_common_word, is_place,
    name_runs, person_name,
)
from indexer.quotes.rules import Person, Rules


@dataclass
class Context:
    """What attribution knows while walking through an article."""

    paragraphs: list[str]
    rules: Rules
    last_speaker: Person | None = None
    last_paragraph: int = -10
    last_quote_end: int = 0
    by_paragraph: dict[int, list[Person]] = field(default_factory=dict)  # people named, read on demand
    remembered: list[Person] = field(default_factory=list)  # speakers met that no paragraph introduced
    words: set[str] | None = None  # every word of the article, made on first use
    mentions: dict = field(default_factory=dict)  # attribution's per-article cache (names by paragraph)
    syntax: bool = True  # Russian: natasha's parse of the attribution sentence (indexer/russian_syntax.py)
    lookbacks: int = 0  # nearest_person's reads of the text before a quote, in this article so far

    def people_in(self, n: int) -> list[Person]:
        if n not in self.by_paragraph:
            self.by_paragraph[n] = paragraph_people(n, self.paragraphs[n], self.rules)
        return self.by_paragraph[n]

    @property
    def people(self) -> list[Person]:
        """Everyone the article names in full, in text order, then the speakers remembered."""
        return [p for n in range(len(self.paragraphs)) for p in self.people_in(n)] + self.remembered

    def people_named(self, word: str) -> list[Person]:
        """The people of `people` from the paragraphs that hold `word`: reads only those. A Russian
        name is looked for by its stem: the paragraph may decline it (Захарова, Марии Захаровой)."""
        if self.rules.lang == "ru":
            word = russian.without_yo(word[: max(3, len(word) - 2)])  # and with ё written е, as texts often do
            return ([p for n, text in enumerate(self.paragraphs) if word in russian.without_yo(text) for p in self.people_in(n)]
                    + [p for p in self.remembered if word in russian.without_yo(p.name)])
        return ([p for n, text in enumerate(self.paragraphs) if word in text for p in self.people_in(n)]
                + [p for p in self.remembered if word in p.name])


def full_name(surname: str, ctx: Context) -> Person | None:
    """`Balayeva` -> the person written in full elsewhere: `Aida Balayeva` (a first name alone too:
    `Анна` -> `Анна Ухалина`)."""
    named = ctx.people_named(surname)
    surname = russian.without_yo(surname)  # `Петр` is `Пётр Завьялов`, and the other way round
    titled = RU_TITLES_OF_ONE_NAME | TITLES_OF_ONE_NAME  # `Шейх Хамад` is a title and a first name, no surname
    exact = [p for p in named if len(p.name.split()) > 1 and _surname(russian.without_yo(p.name)) == surname
             and p.name.split()[0].lower() not in titled]
    if exact:
        return exact[0]
    first = [p for p in named if len(p.name.split()) > 1 and russian.without_yo(p.name).split()[0] == surname]
    if len({p.name for p in first}) == 1:
        return first[0]
    if not first and ctx.rules.lang == "ru" and len(surname) >= 3:
        # `Эдер` and `нападающего Эдера Маседу`: the first name the article gives in another case (a case ending of
        # one or two letters), the rest of the name as the dictionary puts it in the nominative
        declined = [p for p in named if len(p.name.split()) > 1 and p.name.split()[0] != surname
                    and russian.without_yo(p.name).split()[0].startswith(surname)
                    and 0 < len(p.name.split()[0]) - len(surname) <= 2 and p.name.split()[0][len(surname):] in ("а", "у", "ом", "е", "я", "ю", "ем")]
        if len({p.name for p in declined}) == 1:
            words = declined[0].name.split()
            case = russian.name_case(words)[0]
            rest = russian.nominative_name(words, case)[1:] if case != "nomn" else words[1:]
            return Person(" ".join([surname] + rest), declined[0].role, declined[0].where)
    if first and ctx.rules.lang == "ru" and _one_declined_name([p.name for p in first]):
        # `Андреа Падована` and `Андреа Падован`: one person, in two cases; the form the article uses most
        names = [p.name for p in first]
        best = max(sorted(set(names), key=len), key=names.count)
        return next(p for p in first if p.name == best)
    if ctx.rules.lang == "en":  # Russian names decline: only the same form is safe
        close = [p for p in ctx.people_named(surname[:4]) if len(p.name.split()) > 1
                 and _same_surname(_surname(p.name), surname)]
        if close:
            return close[0]
    return None


def _one_declined_name(names: list[str]) -> bool:
    """The same first name with surnames that differ only by a case ending (Падован, Падована, Падованом)."""
    lasts = {n.split()[-1] for n in names}
    stem = min(lasts, key=len)
    return len(stem) >= 4 and all(s.startswith(stem[:-1]) and len(s) - len(stem) <= 2 for s in lasts) \
        and len({n.split()[0] for n in names}) == 1


def _surname(name: str) -> str:
    """The family name: the last word, suffixes aside (`James P. Kennedy Jr.` -> `Kennedy`)."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in NAME_SUFFIXES:
        words = words[:-1]
    return words[-1]


def _named_again(word: str, ctx: Context) -> bool:
    return sum(len(re.findall(rf"\b{re.escape(word)}\b", p)) for p in ctx.paragraphs) >= 2


def _person_like(words: list[str], ctx: Context) -> bool:
    if all(w.isupper() for w in words) or words[0].lower() in ctx.rules.pronouns or is_place(words[-1]) \
            or _common_phrase(words, ctx.rules) \
            or ctx.rules.lang == "en" and len(words) >= 2 and words[-1].lower() in NOT_A_PERSON_HEADS \
            and not _attested_person(words, ctx):
        return False
    if _speaker_run((0, 0, words), ctx.rules) is None or words[-1].lower() in ORGANISATION_WORDS \
            or ctx.rules.lang == "en" and words[-1].lower() in ctx.rules.role_words \
            or ctx.rules.lang == "ru" and russian.is_geo(words[-1]):
        return False  # a pronoun points to a person: not to `Syracuse University`
    if ctx.rules.lang == "ru" and any(OBLIQUE_ADJECTIVE.search(w.lower()) for w in words):
        return False  # `Республиканской Специализированной`
    if len(words) >= 2:
        return True
    if ctx.rules.lang == "ru" and russian.parses(words[0].lower()) and "Surn" in russian.parses(words[0].lower())[0].tag.grammemes \
            and russian.parses(words[0].lower())[0].tag.case == "nomn":
        return True  # `Министр Лавров ответил`: a surname the dictionary knows, in the nominative
    return any(len(p.name.split()) > 1 and p.name.split()[-1] == words[0] for p in ctx.people_named(words[0]))


def _attested_person(words: list[str], ctx: Context) -> bool:
    """`Linda Park, the principal,`, `Linda Park, 45,`, `Park said`: a name ending in a word that names places
    (Park, Church, Street) that the article itself treats as a person's: an apposition of age, role or `who`
    after the full name, or the surname alone against a verb of speech (English)."""
    key = ("attested", " ".join(words))
    if key not in ctx.mentions:
        full = re.compile(rf"(?<![\w-]){re.escape(' '.join(words))},\s+(?:who\b|the\s+[a-z]|an?\s+[a-z]|\d{{1,3}},)")
        alone = re.compile(rf"(?<![\w-]){re.escape(words[-1])}\s+([a-z]+)")
        ctx.mentions[key] = any(full.search(p) or any(ctx.rules.is_verb(m.group(1)) for m in alone.finditer(p))
                                for p in ctx.paragraphs if words[-1] in p)
    return ctx.mentions[key]


def _person_of(words: list[str], ctx: Context) -> Person:
    words = (_speaker_run((0, 0, words), ctx.rules) or (0, 0, words))[2]
    name = person_name(words, False, ctx.rules)
    if len(name.split()) == 1:
        return full_name(name, ctx) or Person(name)
    named = ctx.people_named(name.split()[-1])
    for p in named:
        if p.name == name:
            return p
    if ctx.rules.lang == "ru":
        # `Александра Лукашенко` read where the article has it as `Александр Лукашенко` (the genitive `по словам`
        # asked for): the same surname, the first name one of its case forms
        first = name.split()[0]
        for p in named:
            words = p.name.split()
            if len(words) == len(name.split()) and words[1:] == name.split()[1:] and first.startswith(words[0]) \
                    and 0 < len(first) - len(words[0]) <= 2:
                return p
    return Person(name)


def _clause_tail(text: str) -> str:
    parts = re.split(r"[,.;:]\s|\bby\b|\bof the attended\b", text)
    return parts[-1] if parts else text


def _same_surname(a: str, b: str) -> bool:
    a, b = a.lower().strip(".,"), b.lower().strip(".,")
    if a == b:
        return True
    return len(a) >= 5 and len(b) >= 5 and fuzz.ratio(a, b) >= 85


def _by_role(noun: str, ctx: Context, here: tuple[int, int]) -> Person | None:
    """`the diplomat` -> the nearest person named before whose role fits."""
    if ctx.rules.lang == "ru" and len(noun.split()) > 1 and russian.is_adjective(noun.split()[0]) \
            and not russian.is_person_noun(noun.split()[0]):
        noun = " ".join(noun.split()[1:] + noun.split()[:1])  # `белорусский лидер`: the noun, then what qualifies it
    key = noun.split()[0]
    wanted = set(ctx.rules.role_synonyms.get(key, [])) | {key[:-1] if len(key) > 5 else key}
    for phrase, syns in ctx.rules.role_synonyms.items():
        if noun.startswith(phrase):
            wanted |= set(syns)
    # `президент России` is not `президент Кубы`: a place or body after the noun must fit too
    rest = noun.split()[1:2]
    complement = rest[0][:4].lower() if rest and rest[0].lower() not in ctx.rules.prepositions | ctx.rules.stop_words else ""

    def fits(person: Person) -> bool:
        # `губернатор` is not `вице-губернатор` (a role word matches at the start of a word, not inside a compound)
        role = person.role.lower()
        words = [re.sub(r"^(?:экс|ex)-", "", w) for w in re.findall(r"[\w-]+", role)]
        return any(w in role if " " in w else any(t.startswith(w) for t in words) for w in wanted) \
            and (not complement or complement in role)

    for n in range(min(here[0], len(ctx.paragraphs) - 1), -1, -1):  # nearest paragraph first: read no further
        earlier = [p for p in ctx.people_in(n) if p.where < here and p.role]
        for person in sorted(earlier, key=lambda p: p.where, reverse=True):
            if fits(person):
                return person
    for person in reversed(ctx.remembered):
        if person.where < here and person.role and fits(person):
            return person
    return None


def _remember(ctx: Context, person: Person) -> None:
    if person.name and all(p.name != person.name for p in ctx.people_named(person.name.split()[-1])):
        ctx.remembered.append(person)


# `, the governor,`, `, a spokeswoman for the agency.`: a role in apposition after an English name
APPOSITIVE_ROLE = re.compile(r",\s+(?:the|an?)\s+([^,.;:()\"“”]{2,60}?)\s*(?:[,.;]|$)")


def paragraph_people(n: int, para: str, rules: Rules) -> list[Person]:
    """The people one paragraph names with two words or more, with the role written before them
    (`Director of the Library X Y`)."""
    people = []
    previous_end = 0  # a role is written after the person before (`Врач Анна Белова и пациентка Мария Котова`)
    for start, end, words in name_runs(para, rules):
        while len(words) > 2 and words[-1].isupper() and len(words[-1]) > 1 and words[-1].lower() not in NAME_SUFFIXES:
            words = words[:-1]  # `Фастовского РБК`: an outlet's acronym after a name is not part of it
        if len(words) == 2 and words[-1].isupper() and len(words[-1]) > 1 and words[-1].lower() not in NAME_SUFFIXES:
            words = words[:1]
        before = para[previous_end:start]
        if len(words) < 2 and (is_place(words[0]) or _is_city(words[0]) or words[0].lower() in demonyms()
                               or is_common_word(words[0], rules) or rules.lang == "ru" and russian.is_geo(words[0])):
            continue  # a place or a word may be part of a title: `Ambassador of Kazakhstan to Belarus X Y`,
            # `Minister of Culture and Information X Y`
        previous_end = end
        if len(words) < 2 and rules.lang == "ru" and _title_before(para, start, rules) and not words[0].isupper():
            # `Певица Земфира`, `футболист «Зенита» Вендел`: one name, a person by the noun before it
            people.append(Person(" ".join(russian.nominative_name(words)), _role_text(_clause_tail(before), rules), (n, start)))
            continue
        if len(words) < 2:
            continue
        if all(w.isupper() for w in words) or is_place(words[-1]):
            continue
        link = bool(before.strip()) and before.split()[-1].lower() in rules.name_links
        checked = _speaker_run((start, end, words), rules, para)
        if rules.lang == "ru" and len(words) == 2 and russian.is_person_title(words[0], words[1]) and not words[1].isupper() \
                and not is_common_word(words[1], rules) and not russian.is_geo(words[1]):
            # `Певица Земфира` opening a sentence: the noun is capitalised with the name, which is one word
            people.append(Person(" ".join(russian.nominative_name(words[1:])), words[0].lower(), (n, start)))
            continue
        if checked is None or len(checked[2]) < 2 or _is_city(" ".join(words)) or _common_phrase(checked[2], rules):
            continue
        name = person_name(checked[2], link, rules)
        if rules.lang == "ru":
            # `по словам самого Александра Лукашенко`: the genitive the phrase asks for (not a woman Александра)
            asked = "gent" if re.search(r"\bпо\s+(?:словам|мнению)\b[^,.;:«»]{0,60}$", before, re.I) else None
            name = " ".join(russian.nominative_name(name.split(), asked))
        leftover = " ".join(words[: len(words) - len(name.split())])
        role = _role_text(_clause_tail(before) + " " + leftover, rules)
        appositive = APPOSITIVE_ROLE.match(para, end) if rules.lang == "en" and not role else None
        if appositive:  # `Kathy Hochul, the governor,`: the role in apposition after the name
            role = _role_text(appositive.group(1), rules)
        people.append(Person(name, role, (n, start)))
    return people
