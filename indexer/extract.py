"""Extraction: a cleaned document in, the fields an archivist files by out:
title, publication date and year (with its basis), and later venue, place,
dates mentioned and quotes.
"""
from __future__ import annotations

from .model import Document


def title_of(doc: Document, paragraphs: list[str]) -> str:
    """The source's title, else the first paragraph (the seed format's first line)."""
    if doc.title and doc.title.strip():
        return " ".join(doc.title.split())
    return paragraphs[0] if paragraphs else doc.id


def year_of(published: str | None) -> tuple[int | None, str | None]:
    if published and published[:4].isdigit():
        return int(published[:4]), "published"
    return None, None
