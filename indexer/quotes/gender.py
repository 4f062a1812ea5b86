"""Gender: whether a person the article names can be the one a pronoun or a role's verb means.

In: a pronoun (`он`, `she`) or a role and its sentence, and a `Context`. Out: a filter of the article's
people by the gender their titles, words and (in Russian) their names and past-tense verbs give them;
and a text with its quotations masked, so that words inside quotation marks say nothing about whom.
"""
from __future__ import annotations

import re

from indexer import russian
from indexer.quotes.people import Context, _surname
from indexer.quotes.rules import Person


PRONOUN_GENDER = {"он": "masc", "она": "femn"}


ENGLISH_GENDER_WORDS = {
    "masc": {"mr", "he", "his", "him", "himself", "spokesman", "chairman", "congressman", "businessman", "actor",
             "father", "husband", "son", "brother", "king", "prince", "sir", "lord", "grandfather", "uncle", "boy", "man"},
    "femn": {"mrs", "ms", "miss", "she", "her", "hers", "herself", "spokeswoman", "chairwoman", "congresswoman",
             "businesswoman", "actress", "mother", "wife", "daughter", "sister", "queen", "princess", "dame", "lady",
             "grandmother", "aunt", "girl", "woman"},
}


def _english_gender(person: Person, ctx: Context) -> str | None:
    """What the article itself says of an English-named person's gender: a title or a noun of one gender just
    before the surname (`Ms. Omar`, `spokeswoman Jane Roe`, `her husband Tom`), or the pronoun a sentence about
    them uses right after (`Roe said she ...`). None when it says nothing, or both."""
    surname = _surname(person.name)
    key = ("gender", surname)
    if key not in ctx.mentions:
        votes = {"masc": 0, "femn": 0}
        pattern = re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])")
        for text in ctx.paragraphs:
            if surname not in text:
                continue
            for m in pattern.finditer(text):
                before = re.findall(r"[\w]+", text[max(0, m.start() - 40) : m.start()].lower())[-3:]
                after = re.findall(r"[\w']+", text[m.end() : m.end() + 60].lower())[:5]
                near = before[-2:] + [w for k, w in enumerate(after) if k and after[k - 1] in ctx.rules.verbs | {"that"}]
                for gender, words in ENGLISH_GENDER_WORDS.items():
                    votes[gender] += sum(1 for w in near if w in words)
        ctx.mentions[key] = (None if votes["masc"] == votes["femn"] or min(votes.values()) > 0 and
                             max(votes.values()) < 2 * min(votes.values())
                             else max(votes, key=votes.get))
    return ctx.mentions[key]


def _russian_gender(person: Person, ctx: Context) -> str | None:
    """What the article says of a name's gender where the dictionary cannot (`Хиллари Клинтон`, `Кэмерон Диаз`):
    the gender of the past-tense verbs it is the subject of (`Клинтон заявила`, `Диаз впервые стала`), the
    name as written, the verb one to three words after it; not where the name is governed (`у Клинтон был`,
    `диагноз Клинтон был поставлен`: a preposition or a noun before it). None when it says nothing, or both."""
    surname = _surname(person.name)
    key = ("gender", surname)
    if key not in ctx.mentions:
        votes = {"masc": 0, "femn": 0}
        first = re.escape(person.name.split()[0]) + r"\s+" if len(person.name.split()) > 1 else ""
        # (the name may be a gloss in parentheses, or have one: `Соня Томас (Sonya Thomas) сохранила`)
        pattern = re.compile(rf"(?:^|([\w-]+)[ \t]+\(?)(?:{first})?{re.escape(surname)}(?:\)|\s*\([^()]{{1,40}}\))?((?:\s+[а-яё]+){{1,3}})")
        for text in ctx.paragraphs:
            if surname not in text:
                continue
            for m in pattern.finditer(_masked_quotations(text)):
                before = m.group(1)
                if before and not (before[:1].isupper() and before != before.lower() and before.lower() not in ctx.rules.prepositions
                                   or russian.is_adjective(before) or before.isdigit()):
                    continue  # (a capitalised word before it opens the sentence or is a first name or a place)
                for word in m.group(2).split():
                    past = [p for p in russian.parses(word) if p.tag.POS == "VERB" and p.tag.tense == "past"]
                    if past:
                        genders = {p.tag.gender for p in past}
                        if len(genders) == 1 and genders <= votes.keys():
                            votes[genders.pop()] += 1
                        break  # the first verb after the name is its own
        ctx.mentions[key] = None if 2 * min(votes.values()) >= max(votes.values()) else max(votes, key=votes.get)
    return ctx.mentions[key]


def _role_verb_gender(role: str, text: str) -> str | None:
    """`femn` where the past-tense verb a role noun is the subject of is feminine: right before it in the inverted
    order of an attribution (`— сказала официальный представитель`), else in the paragraph after the role's words
    (`житель Сан-Хосе, Калифорния, заявила`); None where no such verb is that close, or it is masculine."""
    words, text = role.split(), _masked_quotations(text)
    if not any(p.tag.POS == "NOUN" and "anim" in p.tag.grammemes for p in russian.parses(words[0].lower())):
        return None  # `В машине была записка`: a thing's gender says nothing of anyone
    m = re.search(r"(?<![\w-])" + r"\s+".join(re.escape(w[: max(3, len(w) - 2)]) + r"[а-яё]*" for w in words[:2]),
                  text, re.I)
    if not m:
        return None
    clause = re.split(r"[.!?…]", text[max(0, m.start() - 60) : m.start()])[-1]
    for word in list(reversed(re.findall(r"[\w-]+", clause)[-2:])) + re.findall(r"[\w-]+", text[m.end() : m.end() + 80])[:6]:
        past = [p for p in russian.parses(word.lower()) if p.tag.POS == "VERB" and p.tag.tense == "past"]
        if past:
            # only a feminine verb says who: a masculine one agrees with the noun, and `собеседник`, `врач`,
            # `министр` are said of women too (`«...», — отметил собеседник ТАСС` of a woman surgeon)
            return "femn" if {p.tag.gender for p in past} == {"femn"} else None
    return None


def _agreeing_with(wanted: str | None, ctx: Context):
    """Whether a person can be of the `wanted` gender (a Russian name the dictionary or the article's own verbs
    give a gender); None where nothing is checked."""
    if wanted is None:
        return None

    def agrees(person: Person) -> bool:
        words = person.name.split()
        if not words or not all(w[:1].isupper() for w in words) or russian.name_case(words)[0] != "nomn":
            return True  # a body, a role, a name kept as declined: not checked
        gender = russian.name_gender(words) or _russian_gender(person, ctx)
        return gender is None or gender == wanted

    return agrees


def _gender_agreement(pronoun: str, ctx: Context):
    """For `он` and `она`, `he` and `she`: whether a person's name can be what the pronoun stands for (a name of
    the other gender cannot: `его телеграмма` is not Юлия Зарипова's); None where nothing is checked."""
    if ctx.rules.lang == "en" and pronoun in ("he", "she"):
        wanted_en = "masc" if pronoun == "he" else "femn"

        def agrees_en(person: Person) -> bool:
            words = person.name.split()
            if not words or not all(w[:1].isupper() for w in words):
                return True
            gender = _english_gender(person, ctx)
            return gender is None or gender == wanted_en

        return agrees_en
    # (`Эда Гонзалеса` kept as written: its nominative readings say nothing)
    return _agreeing_with(PRONOUN_GENDER.get(pronoun) if ctx.rules.lang == "ru" else None, ctx)


QUOTATION = re.compile(r"[\"“„«][^\"“”„«»]*[\"”“»]")


def _masked_quotations(text: str) -> str:
    """The text with the words of its quotations blanked out (the marks kept): a verb or a name
    inside someone's words is not the attribution's (`told Sky News any process "must be well thought out": `)."""
    return QUOTATION.sub(lambda m: m.group()[0] + "_" * (len(m.group()) - 2) + m.group()[-1], text)
