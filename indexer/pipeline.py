"""The per-article pipeline: a `Document` from a source in, an `Article`
out, through clean -> language -> extract (fields, then quotes).
"""
from __future__ import annotations

from . import clean, duplicates, extract, language, quotes
from .model import Article, Document, Paragraph

# An article that takes every step, places, a venue, a quote and a signature included.
WARM_UP = Document(
    id="warm-up", source="", title="Warm-up",
    text="ASTANA, 5 May 2021. The Palace of Peace and Reconciliation in Nur-Sultan hosted the forum, "
         "where delegates from Almaty, Moscow and Minsk met. \"We will build it again, together, and better,\" "
         "said Timur Zhaxylykov, a diplomat. В Москве прошла встреча, сообщает агентство.",
)


def warm_up() -> None:
    """Load what the steps load on first use (models, gazetteer, venue names, hash permutations): a
    process that will run the pipeline does it once, up front, while its parent still reads the input."""
    try:
        duplicates.signature(process(WARM_UP).text)
    except Exception:  # only a head start: a real article would meet the same problem, and report it
        pass


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
