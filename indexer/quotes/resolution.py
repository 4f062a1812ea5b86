"""Resolution against the article's people: a parsed speaker made into one of the article's persons.

In: `(kind, name, role)` from the clause rules, a `Context` and the place of the quotation.
Out: a `Person` (`resolve`): a pronoun's antecedent, a role's holder, a surname's full name, a
declined Russian name in the nominative (`nominative_name`), a document's issuer.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from indexer import russian
from indexer.quotes.clauses import NEUTER_PRONOUNS, UNKNOWN
from indexer.quotes.gender import _agreeing_with, _gender_agreement, _masked_quotations, _role_verb_gender
from indexer.quotes.names import (
    DOCUMENT_NOUNS, ORGANISATION_HEADS, RU_TITLES_OF_ONE_NAME, SENTENCE_OPENERS, _body_lemma, _opens_a_sentence,
    _speaker_run, is_place, name_runs,
)
from indexer.quotes.nearest import _sentence_subject, nearest_person
from indexer.quotes.people import Context, _by_role, _person_like, _person_of, _remember, _surname, full_name
from indexer.quotes.rules import ARTICLES, CLAUSE_CHARS, SENTENCE_END, Person, _first_verb
from indexer.quotes.speaker import RU_SPOKESPEOPLE, parse_speaker


def texts_before(ctx: Context, paragraph: int, upto: int, back: int) -> list[str]:
    """The text of the paragraph before `upto`, then the `back` paragraphs before it, nearest first, their
    quotations masked: where a quotation's speaker was named."""
    return [_masked_quotations(ctx.paragraphs[paragraph][:upto])] + \
        [_masked_quotations(ctx.paragraphs[k]) for k in range(paragraph - 1, max(-1, paragraph - back - 1), -1)]


def body_antecedent(noun: str, ctx: Context, paragraph: int, upto: int) -> Person | None:
    """The body `the company` or `the union` means: the nearest name of a body that ends in that noun
    (`the union` -> `United Auto Workers Union`), else the nearest sentence whose subject is a body
    (`Apple unveiled ...`, `Amnesty International released ...`): no person, no place."""
    texts = texts_before(ctx, paragraph, upto, 3)
    head = {"police": ("police", "department", "service", "force")}.get(noun, (noun,))
    apposition = re.compile(rf"\b[Tt]he\s+(?:[a-z][\w-]*\s+){{0,2}}{noun},\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*\s+){{0,5}}[A-Z][\w.&'’-]*),")
    for text in texts:  # `The group, WeWorkers Coalition, formed ...`: the noun and the name in apposition
        named = apposition.findall(text)
        if named:
            return Person(named[-1])
    for text in texts:  # a body whose name ends in the noun
        for sentence in reversed([x for x in SENTENCE_END.split(text) if x.strip()]):
            for start, end, words in reversed(name_runs(sentence, ctx.rules)):
                while len(words) > 1 and words[0].lower() in ARTICLES:
                    words = words[1:]
                if len(words) > 1 and (words[-1].lower() in head or noun == "police" and "police" in map(str.lower, words)):
                    return Person(" ".join(words))  # not `Police` opening a sentence
    if noun == "police":
        return None
    for words in named_subjects(texts, ctx):  # the nearest sentence about a body, as its subject
        if len(words) == 1 and any(p.name.split()[-1] == words[0] for p in ctx.people_named(words[0])
                                   if len(p.name.split()) > 1):
            continue  # a person's surname
        if len(words) == 1 or _named_body(words):
            return Person(" ".join(words))  # `Apple`, `Amnesty International`, `Globex Inc.`; not `Tim Cook`
    return None


# a sentence's subject, named before its verb: it opens the sentence or follows an opening phrase (`However,
# shortly after ..., Dick Clark Productions denied`, `Big Machine have twice denied`)
SUBJECT = re.compile(r"(?:^\s*|,\s+)(?:[Tt]he\s+)?((?:[A-Z][\w.&'’-]*\s+){0,4}[A-Z][\w.&'’-]*)\s+"
                     r"(?:(?:have|has|had|were|was|are|is)\s+|on\s+\w+\s+)?(?:[a-z]+\s+)?[a-z]+(?:ed|s)\b")


def named_subjects(texts: list[str], ctx: Context) -> Iterator[list[str]]:
    """The named subject of each sentence of the texts (English), the last sentence of the first text first;
    not a place, an opener (`But`), a pronoun or an article (`The city reasoned`)."""
    for text in texts:
        for sentence in reversed([x for x in SENTENCE_END.split(text) if x.strip()]):
            m = SUBJECT.search(sentence)
            if m:
                words = m.group(1).split()
                if not (words[0].lower() in SENTENCE_OPENERS or words[0].lower() in ctx.rules.pronouns | ARTICLES
                        or is_place(words[-1])):
                    yield words


def _named_body(words: list[str]) -> bool:
    return words[-1].lower().strip(".") in ORGANISATION_HEADS | CORPORATE_SUFFIXES


CORPORATE_SUFFIXES = {"inc", "corp", "co", "ltd", "llc", "plc", "group", "international", "records", "airlines", "airways",
                      "motors", "bank", "partners", "holdings", "media", "pictures", "entertainment", "labs", "systems",
                      "technologies", "foundation", "fund", "network", "watch"}


# a body's name: capitalised words, and the small words that join them (`Doctors for Camp Closure`)
_LINK = r"(?:(?:for|of|against|without|and|on|in|the|&)\s+)*"
_NAME_WORD = r"[A-Z][\w.&'’-]*"


def _body_antecedent_of_they(ctx: Context, paragraph: int, upto: int) -> Person | None:
    """The body `they said` means: the one the nearest sentence with a named subject is about (`Big Machine
    have twice denied ...`), in the paragraph or the two before; None where that subject is a person."""
    texts = texts_before(ctx, paragraph, upto, 2)
    for words in named_subjects(texts, ctx):  # `Amnesty International` a body, though two capitalised words
        return Person(" ".join(words)) if _named_body(words) or not _person_like(words, ctx) else None
    return None


def group_of(plural: str, ctx: Context, paragraph: int, upto: int) -> Person | None:
    """The body a group of people (`the physicians`, `the workers`) makes up, as the text before the quotation
    names it, however far back: the nearest name of a body holding their noun (`Doctors for Camp Closure`, `Amazon Workers
    Union`), or the one they are members of (`members of a recently formed group D4CC`); None where no body
    is named: people speaking together are none of them alone."""
    texts = texts_before(ctx, paragraph, upto, paragraph)  # the group's once named
    noun = "|".join(re.escape(w.capitalize()) for w in {plural, plural[:-1]})
    holding = re.compile(rf"((?:{_NAME_WORD}\s+{_LINK})*(?:{noun})\b(?:\s+{_LINK}{_NAME_WORD})*)")
    member_of = re.compile(rf"\bmembers\s+of\s+(?:the\s+|an?\s+)?(?:[a-z][\w-]*\s+){{0,4}}?({_NAME_WORD}(?:\s+{_LINK}{_NAME_WORD})*)")
    for text in texts:
        named = [m.group(1) for m in holding.finditer(text) if len(m.group(1).split()) > 1]
        named += [m.group(1) for m in member_of.finditer(text)]
        if named:
            words = named[-1].rstrip(".,").split()
            return Person(" ".join(words[1:] if words[0].lower() in ARTICLES else words))  # not `The` opening a sentence
    return None


def resolve(kind: str, name: str, role: str, ctx: Context, paragraph: int, upto: int) -> Person:
    """A full name (and role) for a speaker phrase, from the text before the quote."""
    recent = ctx.last_speaker if ctx.last_speaker and paragraph - ctx.last_paragraph <= 1 else None
    if kind == "unknown":
        near = ctx.last_speaker if ctx.last_speaker and paragraph - ctx.last_paragraph <= 2 else None
        return near or Person("")
    if kind == "pronoun":
        if name in NEUTER_PRONOUNS:
            return recent or ctx.last_speaker or Person("")
        if name == "they":  # a body, where the sentence before is about one; else people, or one person (singular they)
            body = _body_antecedent_of_they(ctx, paragraph, upto)
            if body:
                return body
        since = ctx.last_quote_end if ctx.last_paragraph == paragraph else 0
        agrees = _gender_agreement(name, ctx)
        subject = nearest_person(ctx, paragraph, upto, since=since, subjects_only=True, accept=agrees)
        if subject:
            return subject
        for person in (recent, lambda: nearest_person(ctx, paragraph, upto, accept=agrees), ctx.last_speaker,
                       lambda: protagonist(ctx)):
            person = person() if callable(person) else person
            if person and (agrees is None or agrees(person)):
                return person
        return Person("")
    if kind == "members":
        return group_of(name, ctx, paragraph, upto) or Person("")
    if kind == "bodyref":  # a noun that may also name a role (`the production company`) is resolved as one, failing a body
        return body_antecedent(name, ctx, paragraph, upto) or (resolve("role", name, role, ctx, paragraph, upto)
                                                                if name in ctx.rules.role_nouns else Person(""))
    if kind == "document":  # else, as for a clause that names no one, the speaker just quoted
        return _document_issuer(ctx, paragraph, upto) or resolve(*UNKNOWN, ctx, paragraph, upto)
    if kind == "role" and name.split()[0] in DOCUMENT_NOUNS:
        owner = document_owner(ctx, paragraph, upto)
        if owner:
            return owner
    if kind == "role" and ctx.rules.lang == "ru" and name.split()[0] in RU_SPOKESPEOPLE and len(name.split()) > 1:
        # `рассказал представитель следственного управления`: someone who speaks for a body; the person if the
        # article names the holder of that role, else the body itself (`следственное управление СК РФ по ...`)
        held = _by_role(name, ctx, (paragraph, upto))
        # `представитель движения «Братья-мусульмане»`: the body its name in marks gives
        role_words = re.escape(" ".join(name.split()[:2]))
        named = re.search(rf"(?i:{role_words})[а-яё]*\s+«([^«»]{{2,60}})»", ctx.paragraphs[paragraph])
        body = " ".join(russian.nominative_phrase(name.split()[1:]))
        if held or named:
            return held or Person(named.group(1))
        return Person(_complete_body(body, ctx) if _body_lemma(name.split()[1], ctx.rules)
                      or _body_lemma(name.split()[-1], ctx.rules) else "")
    if kind == "role" and ctx.rules.lang == "ru" and len(name.split()) > 1:
        # `судья Альфонс Ори`: a role before a name the dictionary takes for a place (Ори), that the recogniser
        # knows for a person
        after = re.search(rf"(?<![\w-])(?i:{re.escape(name.split()[0])})\s+([А-ЯЁ][\w-]+(?:\s+[А-ЯЁ][\w-]+){{0,2}})",
                          ctx.paragraphs[paragraph])
        recognised = _recognised_person(after.group(1).split(), ctx, paragraph, upto) if after else None
        if recognised:
            return resolve("name", recognised, name.split()[0], ctx, paragraph, upto)
    if kind == "role" and ctx.rules.lang == "ru":
        # `Чиновник добавил:` right after a quotation: the one just quoted, before anyone named in between (or inside
        # the quotation itself); `жительница Мэриленда ... заявила`: not a man the article named before; `Глава
        # католической церкви обратился к молящимся:` two paragraphs after the Pope spoke, with no one named since:
        # the last speaker, before the article's protagonist
        agrees = _agreeing_with(_role_verb_gender(name, ctx.paragraphs[paragraph]), ctx)
        ok = agrees or (lambda person: True)
        earlier = ctx.last_speaker if ctx.last_speaker and paragraph - ctx.last_paragraph <= 3 else None
        candidates = (
            lambda: _by_role(name, ctx, (paragraph, upto)),
            recent if recent and _person_like(recent.name.split(), ctx) else None,
            lambda: nearest_person(ctx, paragraph, upto, accept=agrees),
            recent,
            lambda: _named_later(ctx, paragraph, upto),
            earlier if earlier and all(w[:1].isupper() and not w.isupper() for w in earlier.name.split()) else None,
            lambda: protagonist(ctx),
        )
        for person in candidates:
            person = person() if callable(person) else person
            if person and ok(person):
                return person
        return Person("")
    if kind == "role":
        return (_by_role(name, ctx, (paragraph, upto)) or nearest_person(ctx, paragraph, upto) or recent
                or _named_later(ctx, paragraph, upto) or protagonist(ctx) or Person(""))
    if kind == "body" and ctx.rules.lang == "ru" and name.split() and name.split()[0].islower() \
            and russian.is_person_noun(name.split()[0]):
        # `на официальном сайте президента говорится`: the site's owner is a person, named by the role
        return resolve("role", name, role, ctx, paragraph, upto)
    if kind == "body":  # a body named as the source of a document: a place's name may be its name (Ватикан)
        return Person(_complete_body(name, ctx))
    if kind != "name":
        return Person("")
    checked = _speaker_run((0, 0, name.split()), ctx.rules)
    recognised = _recognised_person(name.split(), ctx, paragraph, upto) if checked is None else None
    if checked is None and not recognised:  # a place or a common word, unless someone of that surname is named in full
        return ((full_name(name, ctx) if " " not in name else None) or recent or nearest_person(ctx, paragraph, upto)
                or Person(""))
    name = recognised or " ".join(checked[2])
    if ctx.rules.lang == "ru" and ACRONYM.fullmatch(name):
        return Person(_expanded_acronym(name, ctx))  # `МИД заявил`: a body, whatever the clause read it as
    if ctx.rules.lang == "ru" and not recognised:
        name = nominative_name(name, ctx)
    if len(name.split()) == 1:
        full = full_name(name, ctx)
        if full:
            return full
    if ctx.rules.lang == "ru" and len(name.split()) == 2 and name.split()[0].lower() in RU_TITLES_OF_ONE_NAME:
        full = full_name(name.split()[1], ctx)  # `Шейх Хамад` is `Хамад бен Халифа Аль Тани` where the article says so
        if full and len(full.name.split()) > 1 and full.name.split()[0] == name.split()[1]:
            return full
    if not role:  # the role written where the article introduced the person
        role = next((p.role for p in ctx.people_named(name.split()[-1]) if p.name == name and p.role), "")
    person = Person(name, role)
    _remember(ctx, person)
    return person


def _recognised_person(words: list[str], ctx: Context, paragraph: int, upto: int) -> str | None:
    """A Russian name the dictionary reads as a place or a common word (`Маркив` as a genitive plural, `Ори` and
    `Шерхан` as places), in the nominative as natasha's recogniser finds it a person in the sentence nearest the
    quotation that holds it (`29-летний Маркив ... заявил`); None where it finds no person there, or without
    the parse."""
    if ctx.rules.lang != "ru" or not ctx.syntax or not words or not all(w[:1].isupper() for w in words):
        return None
    text = _masked_quotations(ctx.paragraphs[paragraph])
    starts = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])", text)]
    if not starts:
        return None
    at = min(starts, key=lambda k: abs(k - upto))
    bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    begin = max(b for b in bounds if b <= at)
    end = min((b for b in bounds if b > at), default=len(text))
    sentence = text[begin:end].strip()
    if len(sentence) > 400:
        return None
    from indexer import russian_syntax

    for span in russian_syntax.entities(sentence):
        if span.type == "PER" and begin + span.start <= at < begin + span.stop + 1 and words[-1] in span.text.split():
            return span.normal
    return None


def _named_later(ctx: Context, paragraph: int, upto: int) -> Person | None:
    """`«...», — сказал глава государства ... — «...», — напомнил Медведев`: with no one named before, a role
    is the person the same paragraph then names against a verb of speech."""
    text = ctx.paragraphs[paragraph][upto : upto + 2 * CLAUSE_CHARS]
    for m in LATER_ATTRIBUTION.finditer(text):  # (inside a quotation too: `— «Ещё ..., — напомнил Медведев. — ...»`)
        found = _inverted_name(m.group(1), ctx)
        if found:
            return found
    return None


LATER_ATTRIBUTION = re.compile(r"[,.!?…»\"”]\s*[–—]\s+([a-zа-яё]+\s+[A-ZА-ЯЁ][\w-]+(?:\s+[A-ZА-ЯЁ][\w-]+)?)")


def _inverted_name(part: str, ctx: Context) -> Person | None:
    """`, — напомнил Медведев`: a verb of speech opening the clause, and the name after it."""
    words = part.split()
    if len(words) < 2 or not ctx.rules.is_verb(words[0]):
        return None
    found = parse_speaker(" ".join(words[1:4]), ctx.rules, "after")
    if found[0] != "name":
        return None
    person = _person_of(found[1].split(), ctx)
    return person if person.name and (len(person.name.split()) > 1 or _person_like(person.name.split(), ctx)) else None


def _complete_body(name: str, ctx: Context) -> str:
    """`полиция` -> `полиция РА`: a Russian body named by a common noun alone is the one the article
    names in full with its complement (`пресс-служба полиции РА`), in any case; the first such mention."""
    if ctx.rules.lang == "ru" and ACRONYM.fullmatch(name):
        return _expanded_acronym(name, ctx)
    if ctx.rules.lang != "ru" or any(c.isupper() for c in name) or len(name.split()) > 2:
        return name
    if name == "ведомство":  # `в сообщении ведомства`: the ministry, service or agency the article names
        return _named_agency(ctx) or name
    words_of_name = name.split()
    stem = f"[{re.escape(name[0].upper() + name[0])}]" + re.escape(words_of_name[0][1: max(4, len(words_of_name[0]) - 2)])
    stem += "[а-яё]{0,3}" + "".join(rf"\s+{re.escape(w[: max(3, len(w) - 2)])}[а-яё]{{0,3}}" for w in words_of_name[1:])
    # `полиции РА`, `федерации футбола Португалии`, `следственного управления СК РФ по Кабардино-Балкарии`: genitive
    # words, the last of them a name (a region after `по` too)
    # (or a name in marks: `пресс-службе «Киностудии КИТ»`)
    complement = r"((?:[а-яё]+\s+){0,2}«?(?:[A-ZА-ЯЁ][\w.-]*)(?:\s+[A-ZА-ЯЁ][\w.-]*){0,2}»?(?:\s+по\s+[A-ZА-ЯЁ][\w.-]*(?:\s+[а-яё]+)?)?)"
    for text in ctx.paragraphs:
        for m in re.finditer(rf"(?<![\w-]){stem}\s+{complement}", text):
            words = [w.rstrip(".").strip("«»") for w in m.group(1).split()]
            regional = words.index("по") if "по" in words else len(words)
            # the complement is in the genitive (`России`) or an acronym (`РА`, `МВД`); not a new subject
            # (a name in Latin letters does not decline: `группы The Rolling Stones`)
            if all(w.isupper() and len(w) > 1 or re.fullmatch(r"[A-Za-z][\w.'’-]*", w)
                   or any(p.tag.case == "gent" for p in russian.parses(w.lower()))
                   for w in words[:regional]) and not _opens_a_sentence(text, text.find(words[-1], m.start(1))):
                return f"{name} {' '.join(words)}"
            if re.fullmatch(r"«[^«»]+»", m.group(1)):  # `центра «Мемориал»`, `компании «Газпром»`: its name, in marks
                return f"{name} {m.group(1)}"
    return name


ACRONYM = re.compile(r"[А-ЯЁ]{2,6}")
# A ministry, service or agency by name (`Министерство обороны России`, `Федеральная служба безопасности`), or by
# acronym (`МЧС`, `Минобороны`)
AGENCY = re.compile(r"(?<![\w-])((?:(?:Федеральн|Государственн|Главн)[а-яё]+\s+(?:министерств|служб|агентств|управлени|инспекци)"
                    r"|Министерств|Служб|Агентств|Департамент|Комитет|Управлени|Инспекци)[а-яё]*(?:\s+[а-яё]+){0,3}(?:\s+[А-ЯЁ][\w-]*)?"
                    r"|(?:МВД|МИД|МЧС|ФСБ|ФСИН|ФНС|ФАС|СК|Мин[а-яё]+|Рос[а-яё]+надзор[а-яё]*))(?![\w-])")


def _named_agency(ctx: Context) -> str | None:
    """The first ministry, service or agency the article names, in the nominative."""
    for text in ctx.paragraphs:
        for m in AGENCY.finditer(_masked_quotations(text)):
            words = m.group(1).split()
            while len(words) > 1 and not any(p.tag.case == "gent" for p in russian.parses(words[-1].lower())):
                words.pop()  # its complement is genitive (`службы безопасности`), not the sentence's verb or object
            if words[0].isupper():
                return words[0]
            if words[0].startswith(("Мин", "Рос")) and len(words) == 1:
                return " ".join(russian.nominative_phrase(words)) if russian.parses(words[0].lower())[0].is_known else words[0]
            return " ".join(russian.nominative_phrase(words))
    return None


def _expanded_acronym(acronym: str, ctx: Context) -> str:
    """A body's acronym alone, as the article writes it elsewhere with its country or region in the genitive
    (`МИД` -> `МИД России`, the form it uses most). (Spelt out in words, `Международный олимпийский комитет` for
    `МОК`, it was tried and left: the annotators wrote the acronym as often as the words.)"""
    key = ("acronym", acronym)
    if key not in ctx.mentions:
        places = re.findall(rf"(?<![\w-]){acronym}\s+([А-ЯЁ][а-яё]+)", "\n".join(ctx.paragraphs))
        places = [p for p in places if russian.is_geo(p) and any(x.tag.case == "gent" for x in russian.parses(p.lower()))]
        ctx.mentions[key] = f"{acronym} {max(sorted(set(places)), key=places.count)}" if places else acronym
    return ctx.mentions[key]


def nominative_name(name: str, ctx: Context) -> str:
    """A Russian name as the sentence declined it, put back into the nominative: by the dictionary
    where it knows the name (Фастовского -> Фастовский), else the form the article itself uses
    (Моралеса -> Моралес where `Моралес` occurs)."""
    words = russian.nominative_name(name.split())
    out = []
    for original, word in zip(name.split(), words):
        if word == original:
            word = _form_in_article(word, ctx) or word
        out.append(word)
    return " ".join(out)


RUSSIAN_CASE_ENDINGS = (("ом", ""), ("ым", ""), ("ой", "а"), ("ей", "я"), ("а", ""), ("у", ""), ("е", ""),
                        ("ы", "а"), ("и", "я"), ("ю", "я"))


def _form_in_article(word: str, ctx: Context) -> str | None:
    words = _article_words(ctx)
    for ending, nominative in RUSSIAN_CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            candidate = word[: len(word) - len(ending)] + nominative
            if candidate != word and candidate in words:
                return candidate
    return None


def _article_words(ctx: Context) -> set[str]:
    if ctx.words is None:
        ctx.words = {w for p in ctx.paragraphs for w in re.findall(r"[\w-]+", p)}
    return ctx.words


def _document_issuer(ctx: Context, paragraph: int, upto: int) -> Person | None:
    """Who issued a document the text then quotes without naming them: the subject of the sentence before
    (`Президент России Владимир Путин подписал указ ...`), or a body in marks that opens it (`Представители
    аэроклуба «АвиаСервис» выразили соболезнования`)."""
    texts = [ctx.paragraphs[paragraph][:upto]] + ([ctx.paragraphs[paragraph - 1]] if paragraph else [])
    for text in texts:
        for sentence in reversed([x for x in SENTENCE_END.split(text) if x.strip()][-2:]):
            named = re.match(r"\s*(?:[А-ЯЁа-яё-]+\s+){1,3}«([^«»]{2,40})»", sentence)
            if named:
                return Person(named.group(1))
            agent = _passive_agent(sentence, ctx) if ctx.rules.lang == "ru" else None
            if agent:
                return agent
            subject = _sentence_subject(_masked_quotations(sentence), ctx, lone_named_once=False)
            if subject:
                return subject
            words = sentence.split()
            verb = _first_verb(words, ctx.rules)
            if ctx.rules.lang == "ru" and 1 <= verb <= 6 and words[0][:1].isupper() and words[verb - 1][:1].isupper() \
                    and not any(w.lower() in ctx.rules.prepositions or w.lower() in ctx.rules.pronouns for w in words[:verb]) \
                    and not russian.is_person_noun(words[0]) and russian.can_be_nominative(words[:1]):
                # `Министерство иностранных дел России опубликовало заявление`: the body that is its subject
                return Person(" ".join(words[:verb]).strip(",;:"))
    return None


RU_SIGNED = re.compile(r"\b(?:был[аио]?\s+)?(?:подписан[аоы]?|издан[аоы]?|утвержд[её]н[аоы]?|опубликован[аоы]?)\b", re.I)


def _passive_agent(sentence: str, ctx: Context) -> Person | None:
    """`Президентом России Владимиром Путиным был подписан Указ`: the agent of a passive, in the instrumental, issued
    the document."""
    if not RU_SIGNED.search(sentence):
        return None
    for start, end, words in name_runs(sentence, ctx.rules):
        if len(words) >= 2 and all(w[-2:] in ("ым", "им", "ом", "ем", "ой", "ей") or w[-1:] in ("ю",) for w in words[-2:]):
            name = russian.nominative_name(words[-2:], "ablt")
            if name != words[-2:]:
                return _person_of(name, ctx)
    return None


ISSUED_DOCUMENT = re.compile(
    r"((?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*)(?:,\s*(?:which|who|that)\s[^,]{1,80},)?,?\s+(?:\w+\s+)?(?:issued|released|put out|published|sent|posted|"
    r"shared|tweeted|filed|submitted|wrote)\s+(?:a|an|its|the|their|his|her)\s+(?:[\w-]+\s+){0,2}"
    r"(?:statement|release|letter|report|post|lawsuit|suit|petition|memo|email|complaint|motion)")
# `The report by the Government Accountability Office`, `a statement from the Sierra Club`: the document's issuer
DOCUMENT_BY = re.compile(r"\b(?:statement|release|letter|report|lawsuit|petition|memo|complaint|motion)\s+(?:by|from)\s+"
                         r"(?:the\s+)?((?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*)")
# `The lawsuit was filed on Monday by the Sierra Club`: the agent of a document issued in the passive
ISSUED_BY = re.compile(r"\b(?:statement|release|letter|report|post|lawsuit|suit|petition|memo|email|complaint|motion)\s+"
                       r"(?:was|were|had\s+been|has\s+been)\s+(?:issued|released|filed|sent|posted|published|submitted|signed|written)"
                       r"\b[^.;]{0,60}?\bby\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*)")


def document_owner(ctx: Context, paragraph: int, upto: int) -> Person | None:
    """`the statement continued`: whoever issued the statement a little earlier (`On Monday, Big
    Machine Records issued a statement ...`)."""
    texts = [ctx.paragraphs[paragraph][:upto]] + [ctx.paragraphs[k] for k in range(paragraph - 1, max(-1, paragraph - 5), -1)]
    for text in texts:
        found = sorted(list(ISSUED_DOCUMENT.finditer(text)) + list(ISSUED_BY.finditer(text)) + list(DOCUMENT_BY.finditer(text)),
                       key=lambda m: m.start(1))
        for m in reversed(found):
            words = m.group(1).split()
            if words[-1].endswith(".") and len(words[-1]) > 4:
                words[-1] = words[-1][:-1]  # `by the Sierra Club.`: the sentence's period
            while len(words) > 1 and words[0].lower() in ARTICLES:
                words = words[1:]  # `The Electoral Commission` opening a sentence
            run = _speaker_run((0, 0, words), ctx.rules)
            if run:
                return Person(" ".join(run[2]))
    return None


def protagonist(ctx: Context) -> Person | None:
    """The person the article is about: named most often (by surname), at least three times."""
    counts = {}
    text = "\n".join(ctx.paragraphs)
    for person in ctx.people:
        parts = person.name.split()
        if len(parts) > 1 and person.name not in counts and _person_like(parts, ctx):
            stem = parts[-1][:-1] if ctx.rules.lang == "ru" and len(parts[-1]) > 4 else parts[-1]
            counts[person.name] = (len(re.findall(rf"\b{re.escape(stem)}", text)), person)
    best = max(counts.values(), key=lambda c: c[0], default=None)
    return best[1] if best and best[0] >= 3 else None
