"""Archivist's fields, engine-neutral: which fields a plain query searches and how much a match
in each counts, and the field names a user may write before a colon. A backend's schema
(indexer/whoosh/schema.py) defines how each field is stored and analyzed.
"""
from __future__ import annotations


# Fields a plain query searches, and how much a match in each counts.
TEXT_FIELDS = ("title", "text", "quotes", "fold")
FIELD_BOOSTS = {"title": 0.5, "text": 1.0, "quotes": 1.0, "fold": 0.1}  # tuned on CACM: bench/ranking.py
# What a user may write before a colon, and the field it searches.
QUERY_FIELDS = {
    "title": "title", "venue": "venue_name", "city": "city_name", "country": "country_name",
    "speaker": "speaker", "lang": "language", "year": "year", "text": "text", "exact": "exact",
}
