"""Venues: an article's paragraphs in, the place where the reported event was
held out (a museum, gallery, embassy, theatre), named canonically: a name in
indexer/data/venues.json or one of its aliases, matched through spelling
variants with rapidfuzz, else the name as written, normalized (a Russian one put into the nominative).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

from . import places, russian
from .analysis import fold
from .dates import EVENT_VERBS, sentences

KEYWORDS_EN = (
    "Museum|Library|Gallery|Theatre|Theater|Embassy|Consulate|Centre|Center|Hall|Palace|House|Opera|"
    "Academy|University|Stadium|Arena|Cinema|Cathedral|Church|Mosque|Synagogue|Conservatory|"
    "Philharmonic|Institute|Club|Pavilion|Expo|Forum"
)
NAME = r"(?:[A-Z][\w'’.]*(?:-[\w'’]+)*)"
LINK = r"(?:of|the|on|for|and|named\s+after|de|la)"
VENUE_EN = re.compile(
    # after the keyword, names join only through a link word: "University Simon Ličen" is a person
    rf"(?:{NAME}\s+(?:{LINK}\s+)*)*(?:{KEYWORDS_EN})\b(?:\s+{LINK}(?:\s+{LINK})*\s+{NAME}(?:\s+{NAME})*)*(?:\s+[–—-]\s+{NAME})?"
)
# a venue noun in one of its case forms: `театрали` (theatre-goers) and `централь` are other words
KEYWORDS_RU = (r"(?:музе|библиотек|галере|театр|посольств|консульств|дворц|дворец|филармони|консерватори|кинотеатр|собор"
               r"|стадион|центр)(?:ами|ами|ах|ях|ам|ям|ом|ем|ой|ей|ов|ев|ия|ии|ию|а|у|е|ы|и|ю|я|й|о)?(?![а-яё])")
ADJECTIVE_RU = r"[а-яё-]+(?:ом|ем|ой|ий|ый|ая|ое|ого|ей|ым|им|ую)"
# A Russian venue needs a name: adjectives before the noun (в Большом театре, в Государственном
# историческом музее) or a name after it (музей имени Кастеева, театр «Современник»).
VENUE_RU = re.compile(
    rf"[А-ЯЁ]{ADJECTIVE_RU}\s+(?:{ADJECTIVE_RU}\s+)*{KEYWORDS_RU}(?:\s+имени\s+[А-ЯЁ][\w-]+(?:\s+[А-ЯЁ][\w-]+)?|\s+«[^»]{{2,60}}»"
    rf"|\s+на\s+[А-ЯЁ][\w-]+\s+[А-ЯЁ][\w-]+)?"
    rf"|{KEYWORDS_RU}(?:\s+имени\s+[А-ЯЁ][\w-]+(?:\s+[А-ЯЁ][\w-]+)?|\s+«[^»]{{2,60}}»)"
)
# Every venue name holds one of the keywords: a paragraph without any has no venue.
ANY_KEYWORD = re.compile(f"{KEYWORDS_EN}|{KEYWORDS_RU}")
PLACE_BEFORE = {
    "at": 3, "in the building of": 3, "inside": 3, "в здании": 3, "в": 2, "на": 1,
    "in": 2, "in the": 2, "at the": 3, "to": 1, "to the": 1,
}
NOT_VENUE_BEFORE = re.compile(r"(?:from|by|of|with|из|от)\s+(?:the\s+)?$", re.I)
GENERIC = {"museum", "library", "gallery", "theatre", "theater", "embassy", "centre", "center", "house", "hall",
           "opera", "club", "forum", "expo", "institute", "university", "academy", "arena", "cinema"}
MATCH_SCORE = 88


@dataclass(frozen=True)
class Venue:
    name: str
    city: str = ""
    country: str = ""


@dataclass
class Table:
    venues: list[Venue]
    keys: list[str]  # folded names and aliases
    owners: list[int]  # index into venues for each key
    names: dict[str, list[str]]  # canonical name -> it and its aliases, as written


def key(name: str) -> str:
    """A venue name folded for comparison: script, case, spelling variants, little words."""
    words = re.findall(r"\w+", name)
    return " ".join(fold(w) for w in words if w.lower() not in {"the", "of", "a", "an"})


@lru_cache(maxsize=1)
def table() -> Table:
    data = json.loads(resources.files("indexer.data").joinpath("venues.json").read_text("utf-8"))
    venues, keys, owners, names = [], [], [], {}
    for entry in data["venues"]:
        venues.append(Venue(entry["name"], entry.get("city", ""), entry.get("country", "")))
        names[entry["name"]] = [entry["name"], *entry.get("aliases", [])]
        for name in names[entry["name"]]:
            keys.append(key(name))
            owners.append(len(venues) - 1)
    return Table(venues, keys, owners, names)


def names_of(venue: str) -> list[str]:
    """Every name a venue goes by, for `venue:` searches: its canonical name and its aliases
    (`venue:Krymsky` finds the New Tretyakov Gallery, filed under its canonical name)."""
    return table().names.get(venue, [venue] if venue else [])


def normalize(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.;:")
    name = re.sub(r"\s+[–—-]\s+", " – ", name)
    return re.sub(r"^(?:the|The)\s+", "", name)


def canonical(name: str, city: str = "") -> Venue:
    """The table's venue for a name or any spelling of it (with its city: "Kazakh Embassy in
    Minsk"), else the name as written, normalized."""
    known = table()
    forms = [name, nominative(name)] if re.search("[а-яё]", name) else [name]
    for written in ([f"{name} in {city}"] if city else []) + forms:
        match = process.extractOne(key(written), known.keys, scorer=fuzz.ratio, score_cutoff=MATCH_SCORE)
        if match:
            return known.venues[known.owners[match[2]]]
    return Venue(nominative(normalize(name)), city)


def nominative(name: str) -> str:
    """A Russian venue as it is filed, in the nominative: "Московском драматическом театре" ->
    "Московский драматический театр"; other names as they are."""
    if not re.search("[а-яё]", name):
        return name
    words = name.split(" ")
    quoted = next((k for k, w in enumerate(words) if w.startswith("«")), len(words))  # «Современник» stays
    return " ".join(russian.nominative_phrase(words[:quoted]) + words[quoted:])


def context_score(before: str) -> int:
    """How strongly the words before a name say the event was there ("held at the ...")."""
    tail = before[-24:].lower().rstrip()
    score = 0
    for words, weight in PLACE_BEFORE.items():
        if re.search(rf"(?:^|\s){re.escape(words)}(?:\s+the)?$", tail):
            score = max(score, weight)
    if score == 0 and NOT_VENUE_BEFORE.search(before[-12:]):
        return -1  # "paintings from the X museum": not where it happened
    return score


NAMES_AFTER_LINK = re.compile(rf"\s(?:{LINK})((?:\s+{NAME}){{4,}})$")
NOT_A_VERB = {"in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "or", "the", "a", "an", "near", "where",
              "which", "that", "who", "is", "was", "has", "will"}


def without_person_after(name: str, after: str) -> str:
    """`University of Texas Arlington Amneh Jafari heard ...`: a run of four names or more after the
    venue's link word, followed by a verb, ends in the verb's subject, a person: the last two names go."""
    verb = re.match(r"\s+([a-z]+)\b", after)
    names = NAMES_AFTER_LINK.search(name)
    if verb and verb.group(1) not in NOT_A_VERB and names:
        return name[: names.end(1)].rsplit(" ", 2)[0]
    return name


def candidates(sentence: str) -> list[tuple[str, str, int]]:
    """(name, city, context score) for each venue-like name in a sentence."""
    found = []
    for pattern in (VENUE_EN, VENUE_RU):
        for m in pattern.finditer(sentence):
            name = without_person_after(m.group().strip(), sentence[m.end() :])
            if name.lower() in GENERIC or len(name) < 5:
                continue
            score = context_score(sentence[: m.start()])
            if score < 0:
                continue
            city = ""
            named = re.match(r"\s+(?:in|в|во)\s+([A-ZА-ЯЁ][\w-]+)", sentence[m.end() :])
            if named:
                options = places.candidates([named.group(1)])
                city = options[0][0].name if options and options[0][0].name != options[0][0].country else ""
            found.append((name, city, score))
    return found


def find_venue(paragraphs: list[str], lead: int = 4) -> Venue | None:
    """The best-placed venue of the article: named beside the event ('held at', 'hosted'), early on."""
    best: tuple[int, str, str] | None = None
    for n, paragraph in enumerate(paragraphs):
        if not ANY_KEYWORD.search(paragraph):
            continue
        for sentence in sentences(paragraph):
            event = 2 if EVENT_VERBS.search(sentence) else 0
            for name, city, context in candidates(sentence):
                score = context + event + (1 if n < lead else 0)
                if score >= 3 and (best is None or score > best[0]):
                    best = (score, name, city)
    return canonical(best[1], best[2]) if best else None
