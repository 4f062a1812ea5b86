"""Writing a generation: Changes in (ids to delete, articles to add with their quotes), the
article and quote indexes committed out. Many articles are written by forked processes, each
reading its share of the batches and writing segments of bounded size (segments.write_in_parallel);
a few by one writer in this process.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import config
from ..backend import Changes, Fields
from ..model import Article
from . import indexes, segments
from .schema import PAIRS_OF
from .segments import FastSegmentWriter

PARALLEL_WRITE_FROM = 200  # articles: fewer are written faster than processes start


def with_pairs(article_document: Callable[[Article], Fields]) -> Callable[[Article], Fields]:
    """Archivist's fields of an article and, from its exact text, the common pairs that narrow a phrase
    down (schema.PAIRS_OF): an index structure of this backend, as `index_phrases` is of Lucene's."""
    def document(article: Article) -> Fields:
        fields = article_document(article)
        for exact, pairs in PAIRS_OF.items():
            fields[pairs] = fields[exact]
        return fields
    return document


def write(generation: Path, changes: Changes, workers: int = 1) -> None:
    articles, quotes = indexes.articles(generation), indexes.quotes(generation)
    article_document = with_pairs(changes.article_document)
    removed, source = list(changes.removed), changes.articles
    if len(source) >= PARALLEL_WRITE_FROM:
        # Forked writers, even one: each reads the batches of its share and rolls over to a new
        # segment past a bound, so no process holds the archive's postings (or its articles); a share
        # is at most config.ARTICLES_PER_WRITER articles, so no process lives through the whole archive.
        workers = max(1, workers)
        batches = -(-len(source) // config.BUILD_BATCH)
        by_batch = batches >= 2 * workers  # enough batches to deal them out
        per_share = max(1, config.ARTICLES_PER_WRITER // config.BUILD_BATCH)
        shares = workers * -(-batches // (workers * per_share)) if by_batch else workers

        def write_share(k: int, writers) -> None:
            for batch in source.batches(select=(lambda number: number % shares == k) if by_batch else None):
                if not by_batch:  # a slice of each batch
                    share = -(-len(batch) // shares)
                    batch = batch[k * share : (k + 1) * share]
                for article in batch:
                    writers[0].add_document(**article_document(article))
                    for fields in changes.quote_documents(article):
                        writers[1].add_document(**fields)

        # an article has about ten times the postings of its quotes: most of a writer's budget is theirs
        budget = [config.MAX_SEGMENT_POSTINGS * 4 // 5, config.MAX_SEGMENT_POSTINGS // 5]
        segments.write_in_parallel([articles, quotes], write_share, shares, workers,
                                   deletions=[("id", removed), ("article", removed)], budget=budget)
        return
    ordered = [article for batch in source.batches() for article in batch]
    commit(articles, "id", removed, (article_document(article) for article in ordered))
    commit(quotes, "article", removed, (fields for article in ordered for fields in changes.quote_documents(article)))


def commit(ix, key: str, removed: list[str], documents) -> None:
    """Delete the documents whose `key` field holds a removed value, add these, commit (merging
    small segments by tier)."""
    writer = FastSegmentWriter(ix)
    try:
        segments.delete_all(writer, key, removed)
        for fields in documents:
            writer.add_document(**fields)
    except BaseException:
        writer.cancel()
        raise
    writer.commit(mergetype=segments.merge_tiers)
