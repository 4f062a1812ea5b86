"""Narration checks: whether a paragraph is the article's own voice or a quoted speaker's.

In: a paragraph, the one before it, and the language's `Rules`.
Out: booleans: `narrates` (the text narrates rather than quotes), `introduces_speech` (a paragraph
that announces the speech after it), `narrated_in_first_person` (a first-person article).
"""
from __future__ import annotations

import re

from indexer import russian
from indexer.quotes.names import is_common_word, name_runs
from indexer.quotes.rules import BRACKETED, DASHES, DOUBLE_MARKS, POSSESSIVE_ACCORDING, Rules, clause_before

# Speech speaks of itself: a paragraph after a colon in the first person is someone's words even when
# the colon's clause has no verb of speech (`Life News приводит его рассказ об аварии:`).
FIRST_PERSON = re.compile(r"\b(?:я|мы|меня|мне|мной|мною|нас|нам|нами|мой|моя|моё|мое|мои|моего|моей|моему|моим|моих|моими|моём|моем|моего"
                          r"|наш|наша|наше|наши|нашего|нашей|нашему|нашим|наших|нашими|нашем|I|we|my|our|me|us)\b",
                          re.IGNORECASE)


ATTRIBUTED_INSIDE = re.compile(r"[»\"”]\s*,?\s*[–—]\s*[а-яёa-z]+")


# A blog or a column speaks in its author's own voice (`I developed this framework because I saw ...`, `We have found
# no evidence`): there a paragraph in the first person after a colon is the author going on (`Here's the thing:` /
# `I believe the #1 enemy of ...`), no sign of someone else's words. English: narration counted outside quotation
# marks, in paragraphs that no colon introduces and that open with no mark or dash.
NARRATOR_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Mm]y|[Oo]ur|me|us)\b")
QUOTED_STRETCH = re.compile(r"[\"“„«][^\"”»]*[\"”»]")


def narrated_in_first_person(paragraphs: list[str], least: int = 3, share: float = 0.3) -> bool:
    """Whether at least `least` paragraphs, and `share` of them, of the article's own narration say `I` or `we`
    (English). A report that quotes blogs has a few such paragraphs (a translation after a quoted original, a block
    quotation's second paragraph); a blog or a column has many."""
    count = total = 0
    for n, text in enumerate(paragraphs):
        stripped = text.lstrip()
        if not stripped or stripped[:1] in DOUBLE_MARKS + "«" + DASHES or n and paragraphs[n - 1].rstrip().endswith(":"):
            continue
        if re.search("[а-яё]", stripped[:200], re.I):
            return False  # the rule is English
        total += 1
        if NARRATOR_FIRST_PERSON.search(QUOTED_STRETCH.sub(" ", stripped)):
            count += 1
    return count >= least and count >= share * total


FORMAL_YOU = re.compile(r"\b(?:Вы|Вас|Вам|Вами|Ваш|Ваша|Ваше|Ваши|Вашего|Вашей|Вашему|Вашим|Ваших|Вашими|Вашем)\b")


# When the page's quote box is lost, the paragraph after `X сказала:` is the article going on. It tells itself by
# what speech does not do: it opens as news narration does (`Ранее`, `Напомним`, `Как сообщает «МК»`, `По данным
# «Газета.Ru»`, `According to Reuters`), reports someone's words in the third person (`Миллер добавил, что`), names
# the one the colon gave the word to as its subject (`Кирк Дуглас признался:` / `В 1994 году Кирк Дуглас был
# признан`), or opens as an encyclopedia does (`Дарио Фо (24 марта 1926 года) — итальянский драматург`).
NARRATION_OPENING = re.compile(
    r"(?:(?:Ранее|Напомним|Позже|Позднее|Впоследствии|Тем\s+временем|Как\s+(?:сообща|переда|пиш|отмеча|уточня|информиру)\w*"
    r"|Как\s+стало\s+известно|As\s+reported\s+by)(?!\w)"
    r"|По\s+(?:данным|сообщению|информации)\s+[«\"A-ZА-ЯЁ]|Согласно\s+[«\"A-ZА-ЯЁ]|According\s+to\s+(?:the\s+)?[A-Z])")
ENCYCLOPEDIC_OPENING = re.compile(r"[A-ZА-ЯЁ][\w.-]*(?:\s+[A-ZА-ЯЁ][\w.-]*){0,4}\s*\([^()]*[A-Za-z0-9][^()]*\)\s*(?:[—–]\s|родил|born\b)"
                                  r"|[A-ZА-ЯЁ][\w-]+(?:\s+[A-ZА-ЯЁ][\w-]+){1,3}\s+[—–]\s+(?!это\b)[а-яё]")  # `Евгений Евтушенко — автор`
DOCUMENTARY = re.compile(r"(?:говорится|сообщается|отмечается|сказано|указывается|подч[её]ркивается|заявлени|сообщени"
                         r"|пресс-релиз|коммюнике|документ|постановлени|указ[еа]?\b|сайт|портал|текст"
                         r"|\b(?:statement|release|website|report|document|reads|read)\b)", re.I)
SECOND_PERSON = re.compile(r"\b(?:ты|тебя|тебе|вы|вас|вам|ваш\w*|твой|you|your)\b", re.IGNORECASE)


def narrates(previous: str, text: str, rules: Rules) -> bool:
    """Whether `text`, after a paragraph ending in a colon, is the article's narration rather than the speech the
    colon announced (whose box the page lost)."""
    if FIRST_PERSON.search(text.replace("I ", "i ", 0)) or SECOND_PERSON.search(text):
        return False  # speech speaks of itself or to someone
    if text.rstrip().endswith(":") and introduces_speech(text, rules):
        return True  # `В комментарии НТВ Резниченко сказал:` announces the next speech, it is none itself
    clause = clause_before(previous.rstrip(), len(previous.rstrip()) - 1, 0)
    if DOCUMENTARY.search(clause):
        return False  # a statement, a site, a release narrates in the third person itself (`Напомним, ...`)
    if NARRATION_OPENING.match(text) or ENCYCLOPEDIC_OPENING.match(text):
        return True
    first = re.split(r"(?<=[.!?])\s", text, 1)[0]
    runs = name_runs(first, rules)
    if runs and runs[0][0] == 0:
        rest = first[runs[0][1]:].split()
        if rest and rules.is_verb(rest[0]) and re.match(r"[\w-]+,?\s+(?:что|that)\b", first[runs[0][1]:].strip()):
            return True  # `Миллер добавил, что он «глубоко встревожен»`
    for start, end, words in name_runs(clause, rules):
        after = clause[end:].split()
        # a person in full: a body's statement may name the body itself (`Роскомнадзор напоминает`)
        # the speaker named again in full, as the article names him (a surname alone may be a relative's)
        if after and rules.is_verb(after[0]) and len(words) >= 2 and len(words[-1]) > 2 and not words[-1].isupper() \
                and re.search(rf"(?<![\w-]){re.escape(' '.join(words[-2:]))}(?![\w-])", text):
            return True
    return False


def introduces_speech(paragraph: str, rules: Rules) -> bool:
    """A paragraph ending `X said:`, `По словам X:`, `Анна Иванова:` announces speech, not a list."""
    paragraph = BRACKETED.sub(" ", paragraph)
    last = clause_before(paragraph.rstrip(), len(paragraph.rstrip()) - 1, 0)
    words = last.split()
    if any(rules.is_verb(w) for w in words) or any(phrase in last.lower() for phrase in rules.according):
        return True
    if re.search(r"\b(?:словами|words|statement|tweet\w*|заявлени\w*|обращени\w*|message|сообщени\w*|указ\w*|текст\w*"
                 r"|комментари\w*|реч[ьи]|выступлени\w*|послани\w*|видеообращени\w*)\b", last.lower()):
        return True
    if POSSESSIVE_ACCORDING.search(last):
        return True  # `По её словам:`
    runs = name_runs(last, rules)
    if rules.lang == "en":  # `Here's the thing:`, `Think about it:`: a common word opening the clause is no name
        runs = [r for r in runs if len(r[2]) > 1 or r[0] > 0 or not is_common_word(r[2][0], rules)]
    if rules.lang == "ru":  # `Имена кандидатов:` opens with a capital, but a common word's: it announces a list
        runs = [r for r in runs if len(r[2]) > 1 or not (russian.is_common_word(r[2][0])
                                                         or r[0] == 0 and russian.is_plain_noun(r[2][0]))]
    # `Гари Каспаров:`, `Хозяин крупной плантации Джино Дескальси:`: a name, perhaps after its role
    return 1 <= len(words) <= 8 and bool(runs) and (len(words) <= 4 or not last[runs[-1][1] :].strip(" ,.;"))
