from indexer import sources
from indexer.model import Article, Paragraph, Quote
from indexer.pipeline import process

from conftest import SEEDS


def test_seed_002_record():
    path = next(p for p in SEEDS if p.name.startswith("002_"))
    (doc,) = sources.read_file(sources.InputFile(path, path.parent))
    article = process(doc)
    lines = [" ".join(line.split()) for line in path.read_text().splitlines() if line.strip()]
    assert article == Article(
        id="002_10d77dcb512c7e5f",
        title="A delegation of Kazakhstan led by Minister of Culture and Information Aida Balayeva took part in the opening ceremony of the exhibition.",
        source=f"archive/{path.name}",  # relative to the archive root, never the absolute path
        published=None,
        year=2025,
        year_basis="inferred",
        venue="New Tretyakov Gallery",
        city="Moscow",
        country="Russia",
        countries_mentioned=["Kazakhstan"],
        dates_mentioned=["1991-08"],
        language="en",
        # Paragraph 3 is the quote, in straight quotation marks, "... Kazakhstan," said Balayeva.
        quotes=[Quote(text=lines[2][1 : lines[2].rindex('"')], speaker="Aida Balayeva",
                      role="Minister of Culture and Information", paragraph=3)],
        paragraphs=[Paragraph(n=n, text=line, language="en") for n, line in enumerate(lines, start=1)],
        content_hash=doc.content_hash,
    )
    assert len(article.paragraphs) == 10
