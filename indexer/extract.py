"""Extraction: a cleaned article's paragraphs in, what an archivist files it by
out: title, year (with its basis), venue, city and country of the event, the
other countries it names and the dates it mentions.

Rules exist for English and Russian; for other languages these fields stay
empty rather than wrong (the publication year still counts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import dates, places, venues
from .model import Document

LANGUAGES_WITH_RULES = {"en", "ru"}
IN_CITY = re.compile(r"(?:\b(?:in|at|to)\s+|\b[вВ]о?\s+)$")


@dataclass
class Extracted:
    title: str
    year: int | None = None
    year_basis: str | None = None
    venue: str = ""
    city: str = ""
    country: str = ""
    countries_mentioned: list[str] = field(default_factory=list)
    dates_mentioned: list[str] = field(default_factory=list)


def title_of(doc: Document, paragraphs: list[str]) -> str:
    """The source's title, else the first paragraph (the seed format's first line)."""
    if doc.title and doc.title.strip():
        return " ".join(doc.title.split())
    return paragraphs[0] if paragraphs else doc.id


def country_of(city: str) -> str:
    options = places.candidates(city.split())
    return options[0][0].country if options else ""


def event_city(paragraphs: list[str], lead: int = 3) -> places.Place | None:
    """The city the lead says things happened in ("presented in Minsk"), else the one named most."""
    for paragraph in paragraphs[:lead]:
        for place, start, _ in places.find_places(paragraph):
            if place.name != place.country and IN_CITY.search(paragraph[:start]):
                return place
    _, cities = places.mentions("\n".join(paragraphs))
    cities = [c for c in cities if c.count >= 2]
    return max(cities, key=lambda c: (c.count, -c.first)).place if cities else None


def event_country(paragraphs: list[str], city_country: str) -> tuple[str, list[str]]:
    """The event's country (its city's, else the one named most) and the other countries named."""
    countries, _ = places.mentions("\n".join(paragraphs))
    country = city_country
    if not country:
        named = [c for c in countries if c.count >= 2]
        country = max(named, key=lambda c: (c.count, -c.first)).place.name if named else ""
    others = [c.place.name for c in sorted(countries, key=lambda c: c.first) if c.place.name != country]
    return country, others


def extract(doc: Document, paragraphs: list[str], language: str) -> Extracted:
    found = Extracted(title=title_of(doc, paragraphs))
    if language not in LANGUAGES_WITH_RULES:
        found.year, found.year_basis = dates.year_of(doc.published, [])
        return found
    found.year, found.year_basis = dates.year_of(doc.published, paragraphs)
    found.dates_mentioned = dates.dates_mentioned(paragraphs)
    venue = venues.find_venue(paragraphs)
    city = None
    if venue:
        found.venue = venue.name
    if venue and venue.city:
        found.city, found.country = venue.city, venue.country or country_of(venue.city)
    else:
        city = event_city(paragraphs)
        if city:
            found.city, found.country = city.name, city.country
    found.country, found.countries_mentioned = event_country(paragraphs, found.country)
    return found
