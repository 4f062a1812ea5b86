"""One thread's reader of a generation's articles: a SearchRequest in, a SearchPage out (BM25F
matches, evaluated with numpy where the shape allows, else by Whoosh's matchers; near-copies
collapsed, facets counted and ordered from the columns' arrays), and stored documents, term
statistics and similar documents.
"""
from __future__ import annotations

import time
from collections.abc import Iterator

import numpy as np
from whoosh import scoring
from whoosh.collectors import TimeLimit
from whoosh.query import FuzzyTerm, Prefix

from .. import config
from ..backend import SearchPage, SearchRequest, StoredHit, TooManyExpansions
from . import vectorised
from .collectors import build_collector
from .columns import ColumnCache, Columns, by_score
from .facet_filters import allowed_docs
from .translate import to_whoosh
from .vocabulary import field_words


def bm25f():
    return scoring.BM25F(B=config.BM25_B, K1=config.BM25_K1)


def expansions(node, reader) -> set:
    """The index words a word* or word~ stands for; a word~'s gathered segment by segment, as its
    matcher finds them."""
    if isinstance(node, FuzzyTerm):
        return set().union(*(node._btexts(leaf) for leaf, _ in reader.leaf_readers()))
    return set(node._btexts(reader))


def check_expansions(query, reader, most: int) -> None:
    """Refuse a word* or word~ that stands for too many index words, before it is run."""
    for node in query.leaves():
        if isinstance(node, (Prefix, FuzzyTerm)) and len(expansions(node, reader)) > most:
            raise TooManyExpansions(node.text)


def vectorised_matches(query, filters, columns: Columns, seconds: float | None) -> tuple[tuple | None, bool]:
    """((docnums, scores), stopped) of the matches passing the filters, evaluated with numpy;
    (None, False) when the query or the filters have a shape left to Whoosh's matchers."""
    allowed = None
    if filters is not None:
        allowed = allowed_docs(filters, columns)
        if allowed is None:
            allowed = vectorised.matching_docs(filters, columns.searcher, columns)
        if allowed is None:
            return None, False
    stopped = False
    deadline = time.monotonic() + seconds if seconds is not None else None
    try:
        found = vectorised.evaluate(query, columns.searcher, columns, deadline)
    except vectorised.Stopped as stop:
        found, stopped = stop.found, True
    if found is None:
        return None, False
    if allowed is not None:
        kept = np.isin(found[0], allowed, assume_unique=True)
        found = (found[0][kept], found[1][kept])
    return found, stopped


class WhooshArticleReader:
    """A searcher of its own (Whoosh's are not thread-safe) over the generation's shared columns."""

    def __init__(self, ix, columns: ColumnCache):
        self.searcher = ix.searcher(weighting=bm25f())
        self.schema = self.searcher.schema
        self.columns = Columns(self.searcher, columns)

    def close(self) -> None:
        self.searcher.close()

    def search(self, request: SearchRequest) -> SearchPage:
        query = to_whoosh(request.query, self.schema)
        if request.max_expansions is not None:
            check_expansions(query, self.searcher.reader(), request.max_expansions)
        filters = to_whoosh(request.filters, self.schema) if request.filters is not None else None
        counted, ranked, scores, terms, stopped = self._matches(query, filters, request)
        strict_total = len(counted)
        if request.loosened is not None and request.per_page is not None and len(counted) < request.per_page:
            # Fewer than a page matched: the loosened query's matches follow, as BM25 ranks them.
            loose = to_whoosh(request.loosened(), self.schema)
            more_counted, more_ranked, scores, _, more_stopped = self._matches(loose, filters, request, explain=False)
            ranked = np.concatenate([ranked, more_ranked[~np.isin(more_ranked, ranked)]])
            counted, stopped = more_counted, stopped or more_stopped
        if request.per_page is not None:
            ranked = ranked[(request.page - 1) * request.per_page : request.page * request.per_page]
        hits = [StoredHit(self.searcher.stored_fields(docnum), float(scores[docnum]),
                          self._explained(terms.get(docnum, [])) if terms is not None else None)
                for docnum in ranked.tolist()]
        facets = {name: {value.decode() if isinstance(value, bytes) else value: count for value, count in values.items()}
                  for name, values in self.columns.facet_counts(counted).items()} if request.facets else {}
        return SearchPage(len(counted), hits, facets, stopped, strict_total)

    def _matches(self, query, filters, request: SearchRequest, explain: bool | None = None):
        """(counted, ranked, scores, terms, stopped): the matches counted for the total and facets,
        the ones shown in their order, every document's score, the matched terms (explain)."""
        explain = request.explain if explain is None else explain
        by_date = request.sort != "relevance"
        columns, searcher = self.columns, self.searcher
        found, stopped = (None, False) if explain else vectorised_matches(query, filters, columns, request.seconds)
        if found is None:  # a shape numpy does not evaluate, or explain (which needs Whoosh's matchers)
            matches, collector = build_collector(not by_date, explain, filters, request.seconds)
            try:
                searcher.search_with_collector(query, collector)
            except TimeLimit:
                stopped = True
            found = (np.frombuffer(matches.docnums, dtype=np.int64), np.frombuffer(matches.scores, dtype=np.float64))
        docnums, found_scores = found
        if request.collapse:
            # A group of near-copies shows its earliest article; the total and the facets count every
            # article met before its group's earliest, as Whoosh's CollapseCollector did. Filtered
            # searches collapse too (Whoosh's FilterCollector used to bypass the collapsing).
            counted, kept = columns.collapse(docnums)
        else:
            counted = kept = np.sort(docnums)
        scores = np.zeros(searcher.doc_count_all())
        if by_date:
            ranked = columns.by_date(kept, newest_first=request.sort != "oldest")
        else:
            scores[docnums] = found_scores
            ranked = by_score(kept, scores[kept])
        terms = collector.results().docterms if explain else None
        return counted, ranked, scores, terms, stopped

    def _explained(self, terms: list[tuple[str, bytes]]) -> list[str]:
        """Which fields and terms matched, as "field:term"."""
        return sorted({f"{name}:{self.schema[name].from_bytes(t)}" for name, t in terms})

    def document(self, article_id: str) -> dict | None:
        return self.searcher.document(id=article_id)

    def first_document(self) -> dict | None:
        return self.searcher.stored_fields(0) if self.searcher.doc_count() else None

    def more_like(self, article_id: str, field: str, top: int) -> list[StoredHit]:
        docnum = self.searcher.document_number(id=article_id)
        if docnum is None:
            return []
        text = self.searcher.stored_fields(docnum).get(field, "")
        return [StoredHit(hit.fields(), hit.score) for hit in self.searcher.more_like(docnum, field, text=text, top=top)]

    def doc_count(self) -> int:
        return self.searcher.doc_count()

    def doc_frequency(self, field: str, text: str) -> int:
        return self.searcher.reader().doc_frequency(field, text)

    def words(self, field: str) -> Iterator[str]:
        """Every word of the field once, in order: each segment's read at once (vocabulary.py), not
        merged term by term through Whoosh's lexicon (5.6 s for a 100k-article index's)."""
        per_segment = [field_words(leaf, field) for leaf, _ in self.searcher.reader().leaf_readers()]
        return iter(per_segment[0] if len(per_segment) == 1 else sorted(set().union(*per_segment)))

