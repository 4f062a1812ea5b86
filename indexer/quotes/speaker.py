"""The speaker a phrase names: the name, role or pronoun in an attribution clause.

In: a phrase next to a quotation (`said John Smith, the mayor`) and the language's `Rules`.
Out: `(kind, name, role)` from `parse_speaker`: kind `name`, `pronoun`, `role` (or another the clause
rules know, such as `bodyref` or `nobody`), or "" when the phrase names no speaker.
"""
from __future__ import annotations

import re

from indexer import russian
from indexer.quotes.names import (
    DOCUMENT_NOUNS, NOT_A_PERSON_ROLE, OBLIQUE_ADJECTIVE, _after_preposition, _body_of_country, _is_name_token,
    _is_org_acronym_after_role, _role_noun, _role_text, _speaker_run, demonyms, is_common_word, name_runs, nominative_tail,
    organisation_subject, person_name,
)
from indexer.quotes.rules import ARTICLES, Rules


def parse_speaker(phrase: str, rules: Rules, mode: str = "after", subject: bool = True) -> tuple[str, str, str]:
    """(kind, name, role) from an attribution phrase without its verb.

    mode "after": the phrase follows the verb (`said X`): the first name wins.
    mode "before": it precedes the verb (`..., Director X Y said`): the name nearest the verb.
    mode "apposition": `X Y, the director of ..., said`: the name that opens the phrase.
    kind is "name", "pronoun", "role" or "" (nothing found).
    subject: the name is the subject of a speech verb, so in Russian it is in the nominative (not
    `с Соной Ованнисян`); False after `по словам`, which takes the genitive.
    """
    if rules.lang == "en":
        spokesperson = _spokesperson(phrase, rules)
        if spokesperson:
            return spokesperson
    found = _parse_speaker(phrase, rules, mode, subject)
    if rules.lang == "en" and mode == "after" and found[0] == "name":
        titled = ROLE_THEN_NAME.search(phrase)
        if titled and titled.group(1) in rules.role_words and titled.group(1) not in ARTICLES | {"of"} \
                and titled.group(2) != found[1]:  # not `CEO of Ceres Robotics Inc`
            # `said Pacific Gas and Electric spokeswoman Lynsey Paulo`: the body is the role's, the name the speaker
            return _parse_speaker(phrase, rules, "before", subject)
    if rules.lang == "en" and (not found[0] or found[0] == "role"):
        members = MEMBERS.fullmatch(phrase.strip())
        if members and members.group(1).lower() in PEOPLE_PLURALS:
            return "members", members.group(1).lower(), ""  # `the physicians stated`: a group, never one of them
    if rules.lang == "en":
        described = _description(phrase, found, rules)
        if described:
            return described
    if rules.lang == "en" and found[0] == "role" and found[1].split()[0] in BODY_NOUNS_EN \
            and (BODY_ANAPHOR.fullmatch(phrase.strip())
                 or re.match(rf"\W*(?:[Tt]he|[Tt]his|[Tt]hat)\s+{found[1].split()[0]}\s+(?:was|is|has|had)\b", phrase)):
        # `the company said`, `The company was blunt:`: not a role someone holds, the body itself
        return "bodyref", found[1].split()[0], ""
    if rules.lang == "en" and found[0] == "name" and found[1].lower() in PARTY_MEMBERS:
        return "role", found[1].lower(), ""  # `the 62-year-old Democrat said`: a description, not a name
    if rules.lang == "en" and found[0] == "name":
        office = re.fullmatch(r"(.+?)['’]s?\s+(?:office|press\s+office|spokesm[ae]n|spokeswom[ae]n|spokespe(?:rson|ople))", found[1])
        if office:  # `Baker's office said`: the office speaks for its holder
            return _parse_speaker(office.group(1), rules, "before", subject)
    if rules.lang == "en" and not found[0] and mode in ("before", "apposition"):
        camel = re.fullmatch(r"\W*((?=\w*[a-z][A-Z])[A-Za-z][\w.&'’-]*?)\W*", phrase.strip())
        if camel:  # `iKalyanam claims`, `wikiHow says`: a site's or brand's name, written in camel case
            return "body", camel.group(1), ""
    if rules.lang == "en" and not found[0]:
        body = BODY_ANAPHOR.fullmatch(phrase.strip())
        if body:
            return "bodyref", (body.group(1) or body.group(2)).lower(), ""  # `the company said`: the body the article named
        party = re.fullmatch(r"\W*(?:the|a)\s+(?:[\w-]+\s+){0,2}([A-Z][a-z]+)\W*", phrase.strip())
        if party and party.group(1).lower() in PARTY_MEMBERS:
            return "role", party.group(1).lower(), ""  # `the 71-year-old Republican said`
        document = re.fullmatch(r"\W*(?:the|this|that|its|their|his|her)\s+(?:[\w-]+\s+){0,2}([a-z-]+)\W*", phrase.strip())
        if document and document.group(1) in DOCUMENT_NOUNS:
            return "role", document.group(1), ""  # `the lawsuit says`: whoever filed it, as the statement's issuer
    return found


# `a Meta spokesperson`, `a department spokesman`, `a spokeswoman`: someone unnamed who speaks for a body
SPOKESPERSON = re.compile(r"\W*(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:[\w.&'’-]+\s+){0,3}?)(?:spokes(?:man|woman|person)|representative"
                          r"|press\s+(?:secretary|officer))(?:\s+(?:for|at|of)\s+(?:the\s+)?"
                          r"((?:[A-Z][\w.&'’-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?){0,4}[A-Z][\w.&'’-]*))?\W*")


def _spokesperson(phrase: str, rules: Rules) -> tuple[str, str, str] | None:
    """An unnamed spokesperson speaks for the body: the one named before the noun (`a Meta spokesperson`: Meta,
    a body even where its name is also a word), else the one the article named (`a department spokesman` after
    `The Justice Department declined to comment.`; `a spokesman` after `Google declined to comment.`)."""
    m = SPOKESPERSON.fullmatch(phrase.strip())
    if not m:
        return None
    if m.group(2):
        return "body", m.group(2), ""  # `a spokesperson for Meta`
    modifiers = m.group(1).split()
    named = [w for w in modifiers if w[:1].isupper()]
    if named and len(named) == len(modifiers):
        return "body", " ".join(named), ""
    if len(modifiers) == 1 and modifiers[0].lower() in BODY_NOUNS_EN:
        return "bodyref", modifiers[0].lower(), ""
    return ("bodyref", "spokesperson", "") if not modifiers else None


# `the company said`, `the group said in the report`, `police said`: a body the article named before, called by its kind
BODY_NOUNS_EN = ("company", "firm", "group", "organization", "organisation", "agency", "department", "ministry", "union",
                 "club", "team", "network", "bank", "airline", "charity", "foundation", "institute", "university",
                 "council", "committee", "commission", "board", "retailer", "carrier", "automaker", "carmaker", "startup",
                 "publisher", "broadcaster", "studio", "label", "party", "court", "campaign", "police", "school", "district",
                 "hospital", "museum", "league", "federation", "association", "society", "coalition", "alliance",
                 # a place's government, called by the place's kind (`The city reasoned`)
                 "city", "town", "county", "state", "country", "municipality", "province", "government", "administration")
BODY_ANAPHOR = re.compile(r"\W*(?:(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z][\w-]*\s+){0,2}(" + "|".join(BODY_NOUNS_EN)
                          + r")|([Pp]olice))\W*")




# a role word, then the name that ends the phrase (`... Electric spokeswoman Lynsey Paulo`)
ROLE_THEN_NAME = re.compile(r"\b([a-z][a-z-]+)\s+((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*)\W*$")


# `the physicians`, `the striking workers`, `the two researchers`: people of one kind, speaking together
MEMBERS = re.compile(r"\W*[Tt]he\s+(?:[\w-]+\s+){0,2}?([a-z]+)\W*")
PEOPLE_PLURALS = {"doctors", "physicians", "nurses", "researchers", "scientists", "scholars", "experts", "analysts",
                  "economists", "activists", "protesters", "protestors", "demonstrators", "campaigners", "organizers",
                  "organisers", "residents", "villagers", "locals", "workers", "employees", "volunteers", "parents",
                  "students", "teachers", "lawyers", "attorneys", "prosecutors", "investigators", "officials", "officers",
                  "members", "leaders", "founders", "lawmakers", "legislators", "senators", "judges", "ministers",
                  "diplomats", "engineers", "developers", "artists", "musicians", "farmers", "survivors", "authors"}


# `the Minnesota senator`, `the former Nissan chairman`, `the Apple CEO`, `the 58-year-old`, `the farmer`, `the
# Australian` (a people's name for one of them), `the West Virginia Democrat`: a definite
# description, `the`, up to four modifiers and a head noun, of someone the article has named
DESCRIPTION = re.compile(r"\W*[Tt]he\s+((?:[\w.'’&-]+\s+){0,4}?)(\d+-year-old|[a-z][a-z-]+|[A-Z]{2,4}|[A-Z][a-z]+)[\s,.:;]*")
# Definite nouns that describe no one person: a household, an outlet, a band, an unnamed source
NOT_ONE_PERSON = {"family", "families", "couple", "pair", "duo", "band", "newspaper", "paper", "magazine", "website", "site",
                  "outlet", "channel", "station", "source", "sources", "people", "public", "crowd", "audience"}


# `the head of the WHO`, `the chief executive of BP`: a role of a body, described
ROLE_OF_BODY = re.compile(r"\W*[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)\s+(?:of|at|for)\s+(?:the\s+)?"
                          r"([A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,5})[\s,.:;]*")


def _description(phrase: str, found: tuple[str, str, str], rules: Rules) -> tuple[str, str, str] | None:
    """A definite description of one person as a role, for resolve() to find its holder among the people named
    before (the one whose role fits, else the nearest): its head noun, and the capitalised modifier nearest it as
    the role's complement (`senator minnesota`). None where the phrase is no such description, names someone
    itself, or is plural (`the physicians`: a group, not one person)."""
    if found[0] in ("role", "nobody", "bodyref", "body", "pronoun"):
        return None
    of_body = ROLE_OF_BODY.fullmatch(phrase.strip())
    if of_body and (of_body.group(1) in rules.role_words or _role_noun(of_body.group(1), rules)) \
            and of_body.group(1) not in NOT_A_PERSON_ROLE:
        return "role", f"{of_body.group(1)} {of_body.group(2).split()[0].lower()}", ""
    m = DESCRIPTION.fullmatch(phrase.strip())
    if not m:
        return None
    head, modifiers = m.group(2), m.group(1).split()
    low = head.lower()
    closed = rules.stop_words | rules.prepositions | rules.pronouns | rules.conjunctions
    if head.isupper() and low not in rules.role_words or head.istitle() and low not in demonyms() | PARTY_MEMBERS \
            or low in BODY_NOUNS_EN or low in DOCUMENT_NOUNS or low in NOT_ONE_PERSON or low in closed or rules.is_verb(low) \
            or re.search(r"[^siu]s$", low) \
            or any(w.lower() in closed or rules.is_verb(w.lower()) for w in modifiers):
        return None
    if found[0] == "name" and not set(found[1].split()) <= set(modifiers) | {head}:
        return None  # `the chairman, John Smith`: named
    complement = [w.lower() for w in modifiers if w[:1].isupper()][-1:]
    return "role", " ".join([low] + complement), ""


# A member of a party, named by the party's noun: someone described, not named
PARTY_MEMBERS = {"democrat", "republican", "conservative", "liberal", "tory", "socialist", "democrats", "republicans",
                 "conservatives", "liberals", "tories", "socialists", "libertarian"}


def _parse_speaker(phrase: str, rules: Rules, mode: str = "after", subject: bool = True) -> tuple[str, str, str]:
    phrase = re.sub(r"\([^)]*\)", " ", phrase)
    phrase = re.sub(r"^[\s,.:;–—-]+|[\s,.:;–—-]+$", "", phrase)
    if not phrase:
        return "", "", ""
    lowered = [w.lower() for w in re.findall(r"[\w-]+", phrase)]
    if not lowered:  # punctuation alone names no one
        return "", "", ""
    if mode == "after" and lowered[0] in rules.pronouns:
        return "pronoun", lowered[0], ""
    if rules.lang == "ru" and mode == "after" and len(lowered) > 2:
        told = re.match(r"\W*((?:«[^«»]+»|[A-ZА-ЯЁ][\w-]*)(?:\s+[A-ZА-ЯЁ][\w-]*)?)\s+(.*)", phrase)
        if told and _unnamed_ru([w.lower() for w in re.findall(r"[\w-]+", told.group(2))]):
            phrase = told.group(2)  # `сообщил РБК источник, знакомый с ситуацией`: the outlet is told, not telling
            lowered = [w.lower() for w in re.findall(r"[\w-]+", phrase)]
    if rules.lang == "ru" and mode in ("after", "before") and _unnamed_ru(lowered if mode == "after" else lowered[:3]):
        named = [r for r in name_runs(phrase.split(",", 1)[1], rules) if len(r[2]) >= 2] if mode == "after" and "," in phrase else []
        if named and _certainly_nominative(named[0][2]) or named and russian.can_be_nominative(named[0][2]):
            # `сказал один из зрителей, 62-летний Хоакин Ортис`: the one is then named, in apposition
            return "name", person_name(named[0][2], False, rules), ""
        return NOBODY  # `сказал один из жителей`, `заявил источник в правительстве`, `Собеседник агентства сообщил`
    if mode == "after" and phrase[:1].islower() and lowered[0] not in rules.prepositions:
        # `признался юный гимнаст`: a role noun phrase and no full name anywhere after it
        full_names = [r for r in name_runs(phrase, rules) if len(r[2]) >= 2 and not OBLIQUE_ADJECTIVE.search(r[2][0].lower())]
        # `заявил музыкант в ходе брифинга с ... Соной Ованнисян`: a name behind a preposition or a
        # comma is not the subject the role noun already is
        # (a name the dictionary knows in the nominative closes a list of roles: `отметил заместитель главного
        # судьи, олимпийский чемпион по гимнастике Николай Крюков`)
        if full_names and (_role_noun(lowered[0], rules) or rules.lang == "ru" and russian.is_person_noun(lowered[0])) \
                and not (rules.lang == "ru" and _certainly_nominative(full_names[0][2])) and (
                "," in phrase[: full_names[0][0]]
                or any(w in rules.prepositions for w in re.findall(r"[\w-]+", phrase[: full_names[0][0]].lower()))):
            full_names = []
        if not full_names:
            head = re.split(r"[,.;]", phrase)[0].split()[:4]
            if rules.lang == "ru" and (_role_noun(lowered[0], rules) or russian.is_person_noun(lowered[0])):
                # `признался ветеран НХЛ`: the acronym is the role's complement, not who speaks
                head = [w for w in head if not (w.strip(",.»«").isupper() and len(w.strip(",.»«")) > 1)]
            if head and not any(_is_name_token(w, False) for w in head):
                nouns = [w for w in re.findall(r"[\w-]+", " ".join(head).lower()) if w not in rules.prepositions]
                if nouns:
                    if rules.lang == "en" and head[0].lower() in INDEFINITE and _unnamed_role(nouns[-1]):
                        return NOBODY  # `said a witness`: someone the text does not name
                    if rules.lang == "ru" and nouns[0] in RU_SPOKESPEOPLE and len(nouns) > 1:
                        return "role", " ".join(nouns[:4]), ""  # `представитель следственного управления`: whole
                    return "role", nouns[-1] if rules.lang == "ru" else " ".join(nouns[:2]), ""
    if mode == "before" and lowered[-1] in rules.pronouns:
        return "pronoun", lowered[-1], ""
    if mode == "before" and lowered[0] in rules.pronouns and len(lowered) <= 3 and not name_runs(phrase, rules)[1:]:
        return "pronoun", lowered[0], ""  # `He instead told ...`
    segments = [s for s in re.split(r",\s*|\s+[–—]\s+", phrase) if s.strip()]
    if mode == "apposition" and rules.lang == "en" and len(segments) >= 2 and name_runs(segments[1], rules) \
            and (OWNED_DESCRIPTION.fullmatch(segments[0]) or re.match(r"\W*[Tt]he\s+[a-z]", segments[0])):
        # `Facebook's parent company, Meta, said`, `the head of the World Health Organization, Tedros Adhanom Ghebreyesus,`:
        # the name in apposition to the description; a body's by its own name, even where that is also a word
        if segments[0].split()[-1].lower() in BODY_NOUNS_EN and re.fullmatch(r"(?:[A-Z][\w.&'’-]*\s*)+", segments[1].strip()):
            return "body", segments[1].strip(), ""
        segments = segments[1:]
    if mode == "before" and len(segments) >= 2 and (APPOSITIVE.match(segments[-1]) or _role_apposition(segments[-1], rules)):
        segments = segments[-2:-1]  # `Laila Lalami, a Moroccan author based in the US wrote`, `Hatzius, chief economist at ...`
    elif mode == "before":
        segments = segments[-1:]
    body = organisation_subject(segments[-1] if mode == "before" else segments[0], rules) if mode != "after" else ""
    if body:
        return "name", body, ""
    picked = _pick_run(segments, rules, mode, subject)
    if picked:
        seg, (start, _, words) = picked
        before = seg[:start].strip()
        link = bool(before) and before.split()[-1].lower() in rules.name_links
        name = person_name(words, link, rules)
        role = _role_text(seg[:start] + " " + " ".join(w for w in words if w not in name.split()), rules)
        if not role and mode == "apposition" and seg is segments[0]:
            role = re.sub(r"^(the|a|an)\s+", "", ", ".join(x.strip() for x in segments[1:]), flags=re.I)
        return "name", name, role
    # `said Minga`, `says Early`, `Vaughan said`: a town, a common word, or a surname: resolve() decides
    lone = re.fullmatch(r"[A-ZА-ЯЁ][\w-]+", segments[-1 if mode == "before" else 0].strip())
    if lone and lone.group(0).lower() not in rules.pronouns and (mode == "after" or rules.lang == "en" and not is_common_word(lone.group(0), rules)) \
            and (rules.lang != "ru" or russian.can_be_nominative([lone.group(0)])):
        return "name", lone.group(0), ""
    for k in (range(len(lowered)) if mode != "before" else reversed(range(len(lowered)))):
        if rules.lang == "ru" and subject and not russian.can_be_nominative([lowered[k]]):
            continue  # `телеграмму президенту Кубы`: the one addressed is no subject
        if _role_noun(lowered[k], rules) or rules.lang == "ru" and russian.is_person_noun(lowered[k]) \
                or rules.lang == "en" and lowered[k] in rules.role_words and lowered[k] not in NOT_A_PERSON_ROLE \
                and lowered[k + 1 : k + 2] != ["s"]:  # not `the attorney's office`
            if rules.lang == "en" and k <= 3 and lowered[0] in INDEFINITE and _unnamed_role(lowered[k]):
                return NOBODY  # `A city official, who asked not to be named, said`: a new, unnamed person
            return "role", " ".join(lowered[k : k + 2]), ""  # `the chancellor said`
    return "", "", ""


# `a spokesperson`, `one official`, `another witness`: the indefinite article brings in someone new, never
# one of the people named before; the quote has a source the text does not name
INDEFINITE = {"a", "an", "one", "another"}
NOBODY = ("nobody", "", "")


def _unnamed_ru(words: list[str]) -> bool:
    """`один из жителей`, `источник в правительстве`, `некий чиновник`: a Russian source left unnamed (not
    `собеседник агентства`, often the person just named)."""
    return bool(words) and (words[0] in ("один", "одна", "одно") and words[1:2] == ["из"]
                            or words[0].startswith("источник") or words[0] in ("некий", "некая"))


def _unnamed_role(noun: str) -> bool:
    """A role whose indefinite holder is someone unnamed: not a spokesperson (`a company spokesperson` speaks
    for the company) and not a document (`a statement` is its issuer's)."""
    return not noun.startswith(("spokes", "representative")) and noun not in DOCUMENT_NOUNS


def _certainly_nominative(words: list[str]) -> bool:
    """A Russian name whose every word the dictionary knows as a name part, in the nominative (Николай Крюков)."""
    return len(words) >= 2 and all(russian.is_known_nominative_name(w) for w in words) \
        and russian.name_case(words)[0] == "nomn"


APPOSITIVE = re.compile(r"\s*(?:a|an|the|who|which)\s+[a-z]")
OWNED_DESCRIPTION = re.compile(r"\W*(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s?\s+(?:[a-z][\w-]*\s*){1,3}")  # `Facebook's parent company`


def _role_apposition(segment: str, rules: Rules) -> bool:
    """`chief economist at Goldman Sachs`, `senior lecturer in law`: a lowercase role phrase with no article, in
    apposition to the name before it (English); the body after its preposition is not who speaks."""
    words = segment.split()
    return rules.lang == "en" and bool(words) and words[0][:1].islower() and not rules.is_verb(words[0]) \
        and any(w in rules.role_words and w not in NOT_A_PERSON_ROLE or _role_noun(w, rules) for w in words[:3])


def _pick_run(segments: list[str], rules: Rules, mode: str, subject: bool = True):
    """The segment and the name run in it that names the speaker."""
    # after the verb (`сказала Мадонна`) a segment's first word does not open a sentence
    found = [(seg, [r for r in map(lambda r: _speaker_run(r, rules, None if mode == "after" else seg),
                                   (nominative_tail(r, rules) if subject else r for r in name_runs(seg, rules)))
                    if r and not _is_org_acronym_after_role(seg, r, rules)
                    and not (subject and rules.lang == "ru" and (not russian.can_be_nominative(
                        r[2][:1] if _body_of_country(r[2], rules) else r[2])
                                                                 or _after_preposition(seg, r[0], rules, r[2])))])
             for seg in segments]
    found = [(seg, runs) for seg, runs in found if runs]
    if not found:
        return None
    if mode == "after":
        seg, runs = found[0]
        held = next((r for r in runs[1:2] if len(r[2]) >= 2 and _role_only(seg[runs[0][1] : r[0]], rules)), None)
        if seg is segments[0] and not segments[0][: runs[0][0]].strip():
            # `said Bolden ...`, `сказал Трамп, когда ...`; but `responded NASA administrator Jim Bridenstine`:
            # a body, its role noun, then the person who holds it
            return seg, held or runs[0]
        if held and rules.lang == "en" and _role_only(seg[: runs[0][0]], rules):
            return seg, held  # `said another witness, former White House adviser Fiona Hill`
        for seg, runs in found:
            for run in runs:
                if len(run[2]) >= 2:
                    return seg, run
        return found[0][0], found[0][1][0]
    if mode == "apposition":
        full = [(seg, runs) for seg, runs in found if any(len(r[2]) >= 2 for r in runs)
                and not (seg is not segments[0] and (_role_apposition(seg, rules) or rules.lang == "en" and APPOSITIVE.match(seg)))]
        # (not the body the apposition's role is held at: `X, the former director at the International Monetary Fund,`)
        seg, runs = (full or found)[0]
    else:
        seg, runs = found[-1]
    multi = [r for r in runs if len(r[2]) >= 2]
    return seg, (multi[-1] if multi else runs[-1])


def _role_only(text: str, rules: Rules) -> bool:
    """One to three lowercase words that can only be a role (`administrator`, `chief executive`): no
    function word, no verb, nothing but letters."""
    words = text.split()
    return 1 <= len(words) <= 3 and all(w.isalpha() and w.islower() and not rules.is_verb(w) and w not in rules.stop_words
                                        and w not in rules.prepositions and w not in rules.conjunctions for w in words)


RU_SPOKESPEOPLE = {"представитель", "пресс-секретарь", "спикер", "официальный", "сотрудник"}
