"""Readers of the live generation in the cluster: a SearchRequest in, a SearchPage out (with the
loosened query's matches after the strict ones when too few match), stored documents, similar
documents, document counts and the speller's words; and the quote index's pages, speakers and
words. Each request is built by requests.py and sent through the alias, so every server sees a
reindex's swap at the same moment; a listing of many chunks reads the one index the alias named
when it began.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from opensearchpy import OpenSearch
from opensearchpy.exceptions import NotFoundError

from .. import querytree as qt
from ..backend import QuotePage, SearchPage, SearchRequest, StoredHit
from . import requests, vocabulary
from .dsl import to_query
from .mappings import ARTICLES, QUOTES
from .names import Names

SPELLING_FIELD = "exact"  # the field whose words the vocabulary holds


def resolved(client: OpenSearch, alias: str) -> str:
    """The index an alias names now (the alias itself when it names none or several)."""
    try:
        found = list(client.indices.get_alias(name=alias))
    except NotFoundError:
        return alias
    return found[0] if len(found) == 1 else alias


def listing(client: OpenSearch, index: str, query: dict, sort: str, limit: int | None, key: str) -> Iterator[dict]:
    """Every match's hit (the best `limit`), a chunk at a time, from the one index the alias names."""
    index = resolved(client, index)
    after = None
    left = limit
    while left is None or left > 0:
        size = requests.LISTING_CHUNK if left is None else min(left, requests.LISTING_CHUNK)
        hits = client.search(index=index, body=requests.listing_body(query, sort, size, after, key))["hits"]["hits"]
        yield from hits
        if len(hits) < size:
            return
        after = hits[-1]["sort"]
        if left is not None:
            left -= len(hits)


class OpenSearchArticleReader:
    def __init__(self, client: OpenSearch, names: Names, generation: Path):
        self.client, self.alias, self.generation = client, names.alias(ARTICLES), generation

    def close(self) -> None:
        """Nothing to close: the client's connections are the generation's, shared."""

    def _search(self, body: dict) -> dict:
        return self.client.search(index=self.alias, body=body)

    def search(self, request: SearchRequest) -> SearchPage:
        if request.per_page is None:
            return self._every(request)
        query = requests.request_query(request)
        start = (request.page - 1) * request.per_page
        page = requests.search_page(self._search(requests.search_body(request, query, start, request.per_page)), request)
        if request.loosened is None or page.total >= request.per_page:
            return page
        # Fewer than a page matched: the loosened query's matches follow the strict ones, as BM25
        # ranks them; the total and the facets are the loosened query's.
        if start:  # the strict matches, all of them (fewer than a page), for the pages after the first
            page = requests.search_page(self._search(requests.search_body(request, query, 0, request.per_page,
                                                                          facets=False)), request)
        strict = page.hits
        loose_query = requests.request_query(request, request.loosened())
        size = start + request.per_page + len(strict)
        loose = requests.search_page(self._search(requests.search_body(request, loose_query, 0, size)), request)
        ids = {hit.fields["id"] for hit in strict}
        ranked = strict + [hit for hit in loose.hits if hit.fields["id"] not in ids]
        return SearchPage(max(loose.total, page.total), ranked[start:start + request.per_page], loose.facets,
                          page.stopped or loose.stopped, page.total)

    def _every(self, request: SearchRequest) -> SearchPage:
        """Every match, near-copies and all, without facets (listings: exports, a group's copies)."""
        hits = [StoredHit(hit["_source"], float(hit.get("_score") or 0.0))
                for hit in listing(self.client, self.alias, requests.request_query(request), request.sort, None, "id")]
        return SearchPage(len(hits), hits, {}, False, len(hits))

    def document(self, article_id: str) -> dict | None:
        try:
            return self.client.get(index=self.alias, id=article_id)["_source"]
        except NotFoundError:
            return None

    def first_document(self) -> dict | None:
        hits = self._search({"query": {"match_all": {}}, "size": 1})["hits"]["hits"]
        return hits[0]["_source"] if hits else None

    def more_like(self, article_id: str, field: str, top: int) -> list[StoredHit]:
        answer = self._search(requests.more_like_body(self.alias, article_id, field, top))
        return requests.stored_hits(answer, collapsed=False)

    def doc_count(self) -> int:
        return int(self.client.count(index=self.alias)["count"])

    def doc_frequency(self, field: str, text: str) -> int:
        return int(self.client.count(index=self.alias, body={"query": to_query(qt.Term(field, text))})["count"])

    def words(self, field: str) -> Iterator[str]:
        if field != SPELLING_FIELD:
            raise ValueError(f"the OpenSearch backend lists the words of '{SPELLING_FIELD}' only, not '{field}'")
        return vocabulary.read(self.generation)


class OpenSearchQuoteReader:
    def __init__(self, client: OpenSearch, names: Names, parse: Callable[[str], qt.Node]):
        self.client, self.alias, self._parse = client, names.alias(QUOTES), parse

    def close(self) -> None:
        """Nothing to close."""

    def parse(self, text: str) -> qt.Node:
        return self._parse(text)

    def search(self, query: qt.Node, page: int, per_page: int, by_date: bool) -> QuotePage:
        body = requests.quote_search_body(to_query(query), page, per_page, by_date)
        return requests.quote_page(self.client.search(index=self.alias, body=body))

    def word_counts(self, field: str) -> dict[str, int]:
        def pages() -> Iterator[dict]:
            after = None
            while True:
                answer = self.client.search(index=self.alias, body=requests.word_counts_body(field, after))
                yield answer
                after = answer["aggregations"]["words"].get("after_key")
                if after is None or not answer["aggregations"]["words"]["buckets"]:
                    return

        return requests.word_counts(pages())

    def documents(self, field: str, value: str) -> list[dict]:
        query = to_query(qt.Term(field, value))
        return [hit["_source"] for hit in listing(self.client, self.alias, query, "relevance", None, "key")]
