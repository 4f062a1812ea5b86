"""The per-article pipeline: a `Document` from a source in, an `Article`
out, through clean -> language -> extract (fields, then quotes).
"""
from __future__ import annotations

from . import clean, extract, language, quotes
from .model import Article, Document, Paragraph


def process(doc: Document, repeated: set[str] = frozenset()) -> Article:
    """One article through every step; `repeated` are its source's boilerplate lines."""
    cleaned = clean.clean(doc.text, doc.title, repeated)
    languages = language.detect_many(cleaned.paragraphs)
    paragraphs = [
        Paragraph(n=n, text=text, language=code)
        for n, (text, code) in enumerate(zip(cleaned.paragraphs, languages), start=1)
    ]
    article_language = doc.language or language.article_language(cleaned.paragraphs, languages)
    found = extract.extract(doc, cleaned.paragraphs, article_language)
    return Article(
        id=doc.id,
        title=found.title,
        source=doc.source,
        published=doc.published,
        year=found.year,
        year_basis=found.year_basis,
        venue=found.venue,
        city=found.city,
        country=found.country,
        countries_mentioned=found.countries_mentioned,
        dates_mentioned=found.dates_mentioned,
        quotes=quotes.extract_quotes(cleaned.paragraphs, article_language),
        language=article_language,
        paragraphs=paragraphs,
        removed=cleaned.removed,
        content_hash=doc.content_hash,
        url=doc.url,
    )
