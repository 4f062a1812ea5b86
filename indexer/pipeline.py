"""The per-article pipeline: a `Document` from a source in, an `Article`
out, through clean -> language -> extract.
"""
from __future__ import annotations

from . import clean, extract, language
from .model import Article, Document, Paragraph


def process(doc: Document, repeated: set[str] = frozenset()) -> Article:
    """One article through every step; `repeated` are its source's boilerplate lines."""
    cleaned = clean.clean(doc.text, doc.title, repeated)
    paragraphs = [
        Paragraph(n=n, text=text, language=language.detect_language(text))
        for n, text in enumerate(cleaned.paragraphs, start=1)
    ]
    year, year_basis = extract.year_of(doc.published)
    return Article(
        id=doc.id,
        title=extract.title_of(doc, cleaned.paragraphs),
        source=doc.source,
        published=doc.published,
        year=year,
        year_basis=year_basis,
        language=doc.language or language.article_language(cleaned.paragraphs),
        paragraphs=paragraphs,
        removed=cleaned.removed,
        content_hash=doc.content_hash,
        url=doc.url,
    )
