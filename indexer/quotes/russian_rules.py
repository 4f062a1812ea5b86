"""Russian speaker rules: the forms of attribution Russian news uses besides `сказал Иванов`.

In: an attribution clause (or its words) and the language's `Rules`.
Out: `(kind, name, role)` or None: `words_of` (`приводит слова ...`), `citing` (`со ссылкой на ...`),
`genitive_owner` (`комментарий министра`), `document_speaker` and `reporting_body` (a statement's issuer).
"""
from __future__ import annotations

import re

from indexer import russian
from indexer.quotes.names import _body_lemma, _is_body_noun, _role_noun, name_runs, person_name
from indexer.quotes.rules import Rules
from indexer.quotes.speaker import NOBODY, _unnamed_ru, parse_speaker

WORDS_OF = re.compile(r"\b(?:привод(?:ит|ят)|привел[аи]?|привёл|цитиру(?:ет|ют)|процитировал[аи]?|переда[её]т)\b[^.;]{0,40}?"
                      r"\bслова\s+([^,.;:]{3,120})", re.I)


# `«...», — эти слова командира корабля Павла Виноградова, сказанные им накануне, цитирует ИТАР-ТАСС`: the words'
# owner stands before the outlet that quotes them
WORDS_OF_BEFORE = re.compile(r"^(?:(?:эти|его|её|ее|их|такие)\s+)?слова\s+((?:[^,.;:]|\.(?=\w)){3,120}?)\s*(?:,[^.;]{0,80}?)?"
                             r"\s(?:цитиру(?:ет|ют)|процитировал[аи]?|привод(?:ит|ят)|привел[аи]?|привёл|переда[её]т)\b", re.I)
QUOTES_WHOM = re.compile(r"\b(?:цитиру(?:ет|ют)|процитировал[аи]?)\s+((?:[^,.;:«»\"“”]|\.(?=\w)){3,120})", re.I)


def words_of(text: str, rules: Rules) -> tuple[str, str, str] | None:
    """`приводит Reuters слова представителя генсека ООН Антониу Гутерриша`: whose words, in the nominative;
    `цитирует Infox.ru пресс-службу Минобороны`: the one quoted is the verb's object, not its subject."""
    m = WORDS_OF.search(text) or WORDS_OF_BEFORE.match(text.lstrip()) if rules.lang == "ru" else None
    if not m:
        whom = QUOTES_WHOM.search(text) if rules.lang == "ru" else None
        return quoted_object(whom.group(1), rules) if whom else None
    phrase = re.split(r"\s+о\s+том\b", m.group(1))[0]
    runs = name_runs(phrase, rules)
    if runs and not phrase[: runs[0][0]].strip():
        # `цитирует слова Армстронга главная газета Сент-Луиса`: the name right after `слова` owns them
        found = ("name", person_name(runs[0][2], False, rules), "")
    else:
        found = parse_speaker(phrase, rules, "after", subject=False)
    if found[0] != "name":
        return None
    return "name", " ".join(russian.nominative_name(found[1].split(), "gent")), found[2]


def quoted_object(phrase: str, rules: Rules) -> tuple[str, str, str] | None:
    """The object of `цитирует` in the nominative: it opens at the first word that can only be in the
    accusative (the media quoting, if named, is the nominative before it)."""
    words = re.findall(r"[\w.-]+", phrase)
    governed = set()  # `цитирует в пятницу ИТАР-ТАСС`: a preposition's accusative is a time or place, not the object
    for k, word in enumerate(words[:4]):
        if word.lower() in rules.prepositions:
            governed |= {k, k + 1}
        if k in governed:
            continue
        cases = {p.tag.case for p in russian.parses(word.lower()) if p.is_known or word[:1].isupper()}
        if "accs" in cases and "nomn" not in cases:
            obj = []
            for w in words[k : k + 5]:
                if obj and (w.lower() in rules.prepositions or russian.is_finite_verb(w) or not w[:1].isupper()
                            and not any(p.tag.case == "gent" for p in russian.parses(w.lower()))):
                    break
                if obj and w.isupper() and len(w) > 1 and word[:1].isupper() and russian.is_name_part(word):
                    break  # `цитирует Фастовского РБК`: the outlet quoting, after the person quoted
                obj.append(w)
            if word[:1].isupper() and russian.is_name_part(word):
                return "name", " ".join(russian.nominative_name(obj, "accs")), ""
            named = next((j for j, w in enumerate(obj) if j and w[:1].isupper() and russian.is_name_part(w)), None)
            if named is not None:  # `цитирует ТАСС командира экипажа Павла Виноградова`: the role's holder, named
                return "name", " ".join(russian.nominative_name(obj[named:], "accs")), " ".join(russian.nominative_phrase(obj[:named]))
            nominative = " ".join(russian.nominative_phrase(obj))
            if _role_noun(word.lower(), rules) or any(russian.is_person_noun(w.lower()) for w in nominative.split()[:2]):
                # `цитирует ТАСС министра обороны`, `цитирует РБК белорусского лидера`: whoever holds the role
                return "role", nominative, ""
            return "body", nominative, ""
    return None


RU_COMMENT_OF = re.compile(r"(?:комментари[йяюе]|заявлени[еяю]|слова|ответ|реакци[яю]|обращени[еяю]|цитат[ау])\s+"
                           r"((?:[\w.-]+\s+){0,3}?[\w.-]+?)(?:\s+(?:был[аои]?|стал[аои]?)\s+[а-яё]+)?\s*:$", re.I)


# (`Ответ пресс-службы Кремля был коротким:`: the owner, whatever the clause says of the words)


def genitive_owner(words: list[str], rules: Rules) -> tuple[str, str, str] | None:
    """Whose comment or statement: a genitive name or body (`шведского телевидения`, `Сергея Лаврова`),
    in the nominative."""
    if not words or any(w.lower() in rules.prepositions or russian.is_finite_verb(w) for w in words):
        return None
    if all(w[:1].isupper() for w in words) and all(russian.is_name_part(w) for w in words):
        return "name", " ".join(russian.nominative_name(words, "gent")), ""
    if not any(p.tag.case == "gent" for p in russian.parses(words[-1].lower())) and not words[-1].isupper():
        return None
    phrase = russian.nominative_phrase(words)
    if russian.is_person_noun(phrase[-1].lower()) or _role_noun(phrase[-1].lower(), rules):
        return "role", " ".join(phrase).lower(), ""
    return "body", " ".join(phrase), ""


RU_DOCUMENT = (r"(?:сообщени|заявлени|пресс-релиз|материал|письм|обращени|коммюнике|некролог|документ)\w*")
RU_SITE = r"(?:сайте|странице|портале|интернет-портале|интернет-сайте)"
RU_SAYS = r"(?:отмечено|заявлено|указано|говорится|отмечается|сказано|указывается|подчеркивается|подчёркивается|сообщается|приводится|цитируется)"
RU_DOCUMENT_OF = [
    re.compile(rf"\bв[о]?\s+{RU_DOCUMENT}\s+((?:[«»\w-]+\s+){{0,3}}?[«»\w-]+)(?:\s*,[^:«».]{{0,100}}?,)?\s+{RU_SAYS}", re.I),
    re.compile(rf"{RU_SAYS}\s+в[о]?\s+{RU_DOCUMENT}\s+((?:[\w-]+\s*){{1,4}})", re.I),
    # `На сайте столичной мэрии отмечается`, `сообщается на официальном сайте Роскомнадзора`: the site's owner
    re.compile(rf"\bна\s+(?:(?:официальном|своём|своем)\s+)?{RU_SITE}\s+((?:[\w-]+\s+){{0,3}}?[\w-]+)\s+{RU_SAYS}", re.I),
    re.compile(rf"{RU_SAYS}\s+на\s+(?:(?:официальном|своём|своем)\s+)?{RU_SITE}\s+((?:[\w-]+\s*){{1,4}})", re.I),
]


CITING = re.compile(r"\bсо\s+ссылкой\s+на\s+((?:[^,.;:«»\"“”]|\.(?=\w)){3,120})", re.I)


def citing(clause: str, rules: Rules) -> tuple[str, str, str] | None:
    """`— пишет Reuters со ссылкой на министра экономики Максима Решетникова`: the one cited, in the nominative
    (an unnamed source is nobody the text names)."""
    if rules.lang == "en":
        # `the Aspen Times quoted Tom Reed as saying`, `Reuters cited him as saying`: the one quoted, not the outlet
        m = EN_QUOTED_AS.search(clause)
        if not m:
            return None
        source = m.group(1).strip()
        pronoun = {"him": "he", "her": "she", "them": "they"}.get(source.lower(), source.lower())
        if pronoun in rules.pronouns:
            return "pronoun", pronoun, ""
        found = parse_speaker(source, rules, "after", subject=False)
        return found if found[0] in ("name", "role", "nobody") else None
    m = CITING.search(clause) if rules.lang == "ru" else None
    if not m:
        return None
    source = m.group(1)
    if _unnamed_ru(re.findall(r"[\w-]+", source.lower())):
        return NOBODY
    found = parse_speaker(source, rules, "after", subject=False)
    if found[0] == "name":
        return "name", " ".join(russian.nominative_name(found[1].split(), "accs")), found[2]
    return None


EN_QUOTED_AS = re.compile(r"\b(?:quoted|cited|quotes|cites)\s+((?:[^,.;:\"“”]|\.(?=\w)|\.(?=\s+[A-Z]\w*\s+as\b)){2,80}?)"
                          r"\s+as\s+(?:saying|telling|stating|writing|having\s+said)\b")


RU_POSSESSIVE_DOCUMENT = re.compile(rf"(?:{RU_SAYS}|написано)\s+в[о]?\s+(его|её|ее|их)\s+[а-яё]+", re.I)


# `В заявлении (, в частности,) говорится`, `говорится в документе`: a document whose issuer the clause does not name
RU_OWNERLESS_DOCUMENT = re.compile(
    rf"^\W*(?:в[о]?\s+(?:этом\s+|том\s+же\s+)?{RU_DOCUMENT}|указ\w*|документ\w*)[\s,]+(?:в\s+частности[\s,]+)?{RU_SAYS}\b"
    rf"|^\W*{RU_SAYS}\s+в[о]?\s+(?:этом\s+)?{RU_DOCUMENT}\W*$"
    rf"|^\W*(?:полный\s+)?текст\s+{RU_DOCUMENT}\s*:?\s*$"  # `Текст заявления:`
    # `Соответствующий указ опубликован сегодня на портале правовой информации:`, `... с формулировкой:`: a
    # document published or worded, its issuer unnamed here
    rf"|^\W*(?:[А-ЯЁа-яё]+\s+)?(?:указ|документ|постановлени|приказ|распоряжени|заявлени|закон)\w*\s+(?:был[аио]?\s+)?"
    rf"(?:опубликован|размещ[её]н|подписан|издан)\w*[^:«»]*:?\s*$|\bс\s+формулировкой\s*:\s*$", re.I)
OWNERLESS = ("document", "", "")


def document_speaker(clause: str, rules: Rules) -> str:
    """`В сообщении пресс-службы ЦБ РФ говорится`, `говорится в заявлении полиции`: the body whose
    document it is, in the nominative (`пресс-служба ЦБ РФ`, `полиция`); also the body a report
    comes from with no one named (`в пресс-службе МВД сообщили`)."""
    if rules.lang != "ru":
        return ""
    reporting = reporting_body(clause, rules)
    if reporting:
        return reporting
    for pattern in RU_DOCUMENT_OF:
        m = pattern.search(clause)
        if m:
            words = re.findall(r"[\w-]+", m.group(1))
            # the body's name stops at the first word that is not in the genitive (a place, `по делу`)
            kept = []
            for word in words:
                if kept and (word.lower() in rules.prepositions or russian.is_common_word(word)):
                    break
                kept.append(word)
            if kept and not russian.is_common_word(kept[0]) and kept[0].lower() not in rules.prepositions:
                return " ".join(russian.nominative_phrase(kept))
            if len(kept) >= 2 and _body_lemma(kept[1], rules) and russian.is_adjective(kept[0]):
                return " ".join(russian.nominative_phrase(kept[:2]))  # `столичной мэрии` -> `столичная мэрия`
            if kept and _body_lemma(kept[0], rules):
                return " ".join(russian.nominative_phrase(kept))  # `мэрии Москвы` -> `мэрия Москвы`
            if len(kept) >= 2 and kept[0][:1].isupper() and russian.is_adjective(kept[0]):
                return " ".join(russian.nominative_phrase(kept))  # `Белого дома`, `Следственного комитета`: a name
    return ""


# `сообщили`, `заявили`, `считают`: a verb of speech in the plural with no subject (Russian's impersonal
# `they`), whose source is the body `в ...` names
RU_PLURAL_SPEECH = r"(?:[а-яё]+ли|[а-яё]+(?:ют|ят))"
RU_REPORTING_BODY = [
    re.compile(rf"(?:^|[^\w-])[вВ]о?\s+(«[^«»]{{2,50}}»|(?:[\w.-]+\s+){{0,6}}?[\w.-]+),?\s+(?:также\s+|уже\s+)?({RU_PLURAL_SPEECH})\b"),
    re.compile(rf"\b({RU_PLURAL_SPEECH})\s+(?:[\w.-]+\s+)?во?\s+((?:[«»\"\w.-]+\s*){{1,5}})"),
]


def reporting_body(clause: str, rules: Rules) -> str:
    """`В пресс-службе ГУ МВД России сообщили`, `как заявили в Кремле`: a report with no subject
    comes from the body named after `в` (put in the nominative: `пресс-служба ГУ МВД России`)."""
    for k, pattern in enumerate(RU_REPORTING_BODY):
        for m in pattern.finditer(clause):
            phrase, verb = (m.group(1), m.group(2)) if k == 0 else (m.group(2), m.group(1))
            if not rules.is_verb(verb) or verb.lower() == "говорится":
                continue
            if phrase.startswith("«"):  # `В «Газпроме» заявили`: a body's name in marks, in the locative
                if phrase.strip("«»_"):  # (not where the clause's quotations are blanked out)
                    return " ".join(russian.nominative_phrase(phrase.strip("«»").split()))
                continue
            body = _body_phrase(re.findall(r"[\w.-]+", phrase), rules)
            if body:
                return body
    return ""


def _of_an_acronym(words: list[str]) -> bool:
    """`в пресс-центре ГУ МВД`, `в штабе НАТО`: a common noun whose complement is a body's acronym names a part of
    that body (not `в городе Москве`: a place's name)."""
    return len(words) > 1 and words[1].isupper() and len(words[1]) > 1 and not russian.is_geo(words[1]) \
        and not russian.is_geo(words[0])


def _body_phrase(words: list[str], rules: Rules) -> str:
    """A body after `в`, in the locative, put in the nominative with its complement kept
    (`пресс-службе в ГУ МВД России` -> `пресс-служба ГУ МВД России`, `Кремле` -> `Кремль`); "" for
    a place, a time or anything else that is no body."""
    words = [w.rstrip(".") for w in words if w.strip(".")]
    if not words:
        return ""
    head = words[0]
    lemma = next((p.normal_form for p in russian.parses(head.lower()) if p.tag.case == "loct" or p.tag.case == "loc2"), "")
    is_body = head.isupper() and len(head) > 1 or _is_body_noun(lemma, rules) or bool(lemma) and _of_an_acronym(words)
    if not is_body or russian.is_geo(head):
        return ""  # `в Москве`, `в понедельник`, `в интервью`
    kept = [head]
    regional = False  # `ГУ МВД России по Москве`, `УФСБ по Ростовской области`: the body's region is part of its name
    for k, word in enumerate(words[1:], 1):
        if word.lower() in rules.prepositions and k + 1 < len(words) and words[k + 1][:1].isupper() and len(kept) == 1:
            continue  # `в пресс-службе в ГУ МВД`
        if word.lower() == "по" and not regional and kept[-1][:1].isupper() and k + 1 < len(words) \
                and (words[k + 1][:1].isupper() or k + 2 < len(words) and (words[k + 2].lower() in ("области", "краю", "округу")
                                                                            or words[k + 1] == "г" and words[k + 2][:1].isupper())):
            regional = True
            kept.append(word)
            continue
        if regional:
            if word[:1].isupper() or word.lower() in ("области", "краю", "округу", "республике") or word == "г" and kept[-1] == "по":
                kept.append("г." if word == "г" else word)  # `по г. Москве`
                continue
            break
        if not word[:1].isupper() and not any(p.tag.case == "gent" for p in russian.parses(word.lower())):
            break
        if word.lower() in rules.prepositions or rules.is_verb(word) or russian.is_finite_verb(word):
            break
        kept.append(word)
    if head.isupper():
        return " ".join(kept)
    return " ".join(russian.nominative_phrase(kept))
