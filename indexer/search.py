"""Search: an index directory and a query in, ranked `Results` out: BM25F over
title, text and quotes, one hit per group of near-copies, facet counts for the
current query and filters, HTML snippets (escaped text, `<mark>` around
matches), a spelling suggestion for words the archive does not hold. The
backend (indexer/backend.py, config.ENGINE) matches, ranks and counts; this
module asks it in query trees and turns what it finds into Archivist's records.

`open_index(dir)` gives an `Index` that is cheap to keep open; it notices when
a reindex swaps in a new generation and reopens itself.
"""
from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from . import backend, build, config, highlight, storage
from . import querytree as qt
from .backend import ArticleReader, OpenGeneration, SearchRequest, StoredHit, TooManyExpansions
from .model import Article, FacetValue, Hit, Results
from .quote_index import QuoteIndex, QuoteResults
from .query import ParsedQuery, QueryError, QueryParser
from .spelling import Speller

SORTS = backend.SORTS
SPELLING_FIELD = "exact"  # words as written, less case: what a user types
MATCHES = ("all", "any")
WORD = re.compile(r"\w+")


class IndexNotFound(Exception):
    """No usable index at the given directory."""


class IndexDamaged(IndexNotFound):
    """An index whose files cannot be read: `archivist reindex --full` rebuilds it."""


class IndexOutdated(IndexDamaged):
    """An index written in another format (by an older Archivist): `archivist reindex --full` rebuilds it."""


@dataclass
class Filters:
    venue: str | None = None
    country: str | None = None
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    lang: str | None = None
    mentioned: int | None = None  # a year the text mentions

    def query(self) -> qt.Node | None:
        terms: list[qt.Node] = []
        for fieldname, value in (("venue", self.venue), ("country", self.country), ("language", self.lang)):
            if value:
                terms.append(qt.Term(fieldname, value))
        if self.mentioned is not None:
            terms.append(qt.Term("mentioned", str(self.mentioned)))
        if self.year is not None:
            terms.append(qt.Range("year", self.year, self.year))
        elif self.year_from is not None or self.year_to is not None:
            terms.append(qt.Range("year", self.year_from or 1, self.year_to))
        return qt.And(tuple(terms)) if terms else None


def check_paging(page: int, per_page: int) -> None:
    if not 1 <= per_page <= config.MAX_PER_PAGE:
        raise QueryError(f"per_page must be between 1 and {config.MAX_PER_PAGE}")
    if not 1 <= page <= config.MAX_PAGE:
        raise QueryError(f"page must be between 1 and {config.MAX_PAGE}")


def facet_values(counts: dict, name: str, limit: int | None = config.FACET_LIMIT) -> list[FacetValue]:
    """A facet's values with their counts, as the UI lists them (empty values left out)."""
    values = [
        FacetValue(value=value.decode() if isinstance(value, bytes) else str(value), count=count)
        for value, count in counts[name].items()
        if value not in ("", None, 0, b"")
    ]
    if name in ("year", "mentioned"):
        values.sort(key=lambda v: v.value, reverse=True)
    else:
        values.sort(key=lambda v: (-v.count, v.value))
    return values[:limit]


def timeline(counts: dict) -> dict[str, list[FacetValue]]:
    return {
        "published": sorted(facet_values(counts, "year", None), key=lambda v: v.value),
        "mentioned": sorted(facet_values(counts, "mentioned", None), key=lambda v: v.value),
    }


def parser(generation: "Generation", match: str) -> QueryParser:
    """The generation's query parser for `match`, or a QueryError that names the choices."""
    if match not in MATCHES:
        raise QueryError(f"match must be one of: {', '.join(MATCHES)}")
    return generation.parsers[match]


@dataclass
class Generation:
    """One index generation as the threads share it: the backend's open generation, the query
    parsers and the recent results (each thread searches it with readers of its own)."""

    live: Path
    opened: OpenGeneration
    parsers: dict
    recent: OrderedDict
    recent_lock: threading.Lock
    _speller: Speller | None = None
    _speller_lock: threading.Lock = field(default_factory=threading.Lock)

    def speller(self, reader: ArticleReader) -> Speller:
        """The generation's vocabulary for did-you-mean, read on the first word that needs it."""
        with self._speller_lock:
            if self._speller is None:
                self._speller = Speller(reader.words(SPELLING_FIELD))
            return self._speller


PLAIN_QUERY = re.compile(r"""["*~:()\[\]^]|(?:^|\s)[-+]|\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b""")


def plain_query_words(query: str) -> list[str]:
    """The words of a query typed as plain words (no operators, quotes or fields); [] otherwise."""
    return [] if PLAIN_QUERY.search(query) else WORD.findall(query)


def most_words_notice(with_all: int, words: int) -> str:
    if with_all == 0:
        return f"No article has all {words} words; these have most of them."
    if with_all == 1:
        return f"Only 1 article has all {words} words; after it come articles with most of them."
    return f"Only {with_all} articles have all {words} words; after them come articles with most of them."


class Index:
    """An open index, safe to share between threads: a backend's readers need not be, so every
    thread searches with a reader (and a quote index) of its own, opened on its first request to
    each generation; the backend's shared state and the results cache are shared, under locks."""

    def __init__(self, index_dir: str | Path, results_cache: int | None = None):
        """`results_cache`: how many recent searches to remember (default config.RESULTS_CACHE)."""
        self.index_dir = Path(index_dir)
        self._cache_size = config.RESULTS_CACHE if results_cache is None else results_cache
        self._engine = backend.load(config.ENGINE)
        self._lock = threading.Lock()
        self._local = threading.local()
        self._generation: Generation | None = None
        with self._lock:
            self._open()

    @property
    def _live(self) -> Path:
        return self._generation.live

    def _open(self) -> None:
        live = storage.live_dir(self.index_dir)
        if live is None or not self._engine.exists(live):
            raise IndexNotFound(str(self.index_dir))
        found = build.index_format(live)
        if found not in (None, build.INDEX_FORMAT):
            raise IndexOutdated(f"{self.index_dir} is in index format {found}; this Archivist reads format {build.INDEX_FORMAT}")
        try:
            opened = self._engine.open(live)
            first = opened.reader().first_document()
            if first is not None:  # read a record now, so damage shows here and not mid-request
                json.loads(first["record"])
        except Exception as exc:  # any damage to the files: say how to recover
            raise IndexDamaged(f"{self.index_dir}: {type(exc).__name__}: {exc}"[:300]) from None
        # Recent results by their parameters: paging through results and toggling facets repeat a
        # search. A new generation starts with none.
        self._generation = Generation(live, opened, {match: QueryParser(opened, match) for match in MATCHES},
                                      OrderedDict(), threading.Lock())

    def _current(self) -> threading.local:
        """This thread's reader and quote index for the live generation, opened on first use and
        again after a reindex swapped in a new generation. A reader left behind stays with the
        requests still using it: closing it under them would fail them."""
        with self._lock:
            if storage.live_dir(self.index_dir) != self._generation.live:
                self._open()
            generation = self._generation
        local = self._local
        if getattr(local, "generation", None) is not generation:
            local.reader = generation.opened.reader()
            quote_reader = generation.opened.quote_reader()
            local.quotes = QuoteIndex(quote_reader, str(generation.live)) if quote_reader is not None else None
            local.generation = generation
        return local

    def reader(self) -> ArticleReader:
        """This thread's reader of the live generation."""
        return self._current().reader

    def parse(self, text: str, match: str = "all") -> ParsedQuery:
        return parser(self._current().generation, match).parse(text)

    # -- search --------------------------------------------------------------

    def search(
        self,
        query: str = "",
        venue: str | None = None,
        country: str | None = None,
        year: int | None = None,
        lang: str | None = None,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = 10,
        year_from: int | None = None,
        year_to: int | None = None,
        match: str | None = None,  # all words, any word; None: all, then most when fewer than a page has all
        explain: bool = False,
        mentioned: int | None = None,
    ) -> Results:
        check_paging(page, per_page)
        if sort not in SORTS:
            raise QueryError(f"sort must be one of: {', '.join(SORTS)}")
        key = (query, venue, country, year, lang, sort, page, per_page, year_from, year_to, match, explain, mentioned)
        local = self._current()  # reopens after a swap: the new generation's cache starts empty
        generation = local.generation
        with generation.recent_lock:
            cached = generation.recent.get(key)
            if cached is not None:
                generation.recent.move_to_end(key)
                return cached
        results = self._search(key, local)
        if not results.notice or not results.notice.startswith("The search took over"):
            with generation.recent_lock:
                generation.recent[key] = results
                while len(generation.recent) > self._cache_size:
                    generation.recent.popitem(last=False)
        return results

    def _search(self, key: tuple, local: threading.local) -> Results:
        query, venue, country, year, lang, sort, page, per_page, year_from, year_to, match, explain, mentioned = key
        parsed = parser(local.generation, match or "all").parse(query)
        if sort == "relevance" and isinstance(parsed.query, qt.Every):
            sort = "newest"  # nothing to rank by: the newest first
        typed = plain_query_words(query)
        # Fewer than a page with every word: the articles with most of them follow, as BM25 ranks them
        # over any word, after those with them all (Elasticsearch's minimum_should_match, Meilisearch's
        # dropped words).
        loosen = match is None and sort == "relevance" and not explain and len(typed) >= 2
        request = SearchRequest(
            parsed.query, Filters(venue, country, year, year_from, year_to, lang, mentioned).query(), sort, page,
            per_page, explain=explain, seconds=config.QUERY_SECONDS, max_expansions=config.MAX_EXPANSIONS,
            loosened=(lambda: local.generation.parsers["any"].parse(query).query) if loosen else None,
        )
        try:
            found = local.reader.search(request)
        except TooManyExpansions as exc:
            raise QueryError(f"'{exc.word}' matches more than {config.MAX_EXPANSIONS} words; make it more precise") from None
        notice = parsed.notice
        if found.total > found.strict_total:
            notice = most_words_notice(found.strict_total, len(typed))
        snippets = highlight.Snippets(parsed.query)
        hits = [self._hit(stored, snippets) for stored in found.hits]
        suggestion = self._suggest(query, parsed, local) if parsed.words else None
        if found.stopped:
            notice = f"The search took over {config.QUERY_SECONDS:g} s and was stopped: these results are partial."
        elif suggestion and not notice:
            notice = f"Did you mean: {suggestion}?"
        return Results(
            query=query,
            total=found.total,
            page=page,
            per_page=per_page,
            hits=hits,
            facets={name: facet_values(found.facets, name) for name in config.FACETS},
            notice=notice,
            suggestion=suggestion,
            timeline=timeline(found.facets),
        )

    @staticmethod
    def _hit(found: StoredHit, snippet: highlight.Snippets) -> Hit:
        stored = found.fields
        date = stored.get("date", "")
        return Hit(
            id=stored["id"],
            title=stored.get("title", ""),
            published=date if len(date) == 10 else None,
            year=stored.get("year") or None,
            venue=stored.get("venue", ""),
            city=stored.get("city", ""),
            country=stored.get("country", ""),
            language=stored.get("language", ""),
            score=round(found.score, 4),
            snippet=snippet(stored.get("text", "")),
            copies=stored.get("copies", 0),
            explain=found.matched,
        )

    @staticmethod
    def _suggest(query: str, parsed: ParsedQuery, local: threading.local) -> str | None:
        """The query with each word the archive does not hold replaced by the nearest one it does."""
        reader = local.reader

        def frequency(word: str) -> int:
            return reader.doc_frequency(SPELLING_FIELD, word)

        corrected = query
        for word in parsed.words:
            lowered = word.lower()
            if len(lowered) < 4 or frequency(lowered):
                continue
            best = local.generation.speller(reader).suggest(lowered, frequency)
            if best:
                corrected = corrected.replace(word, best.capitalize() if word[0].isupper() else best, 1)
        return corrected if corrected != query else None

    def quotes(self, query: str = "", speaker: str | None = None, page: int = 1, per_page: int = 20) -> QuoteResults:
        """Quotes matching the words and the speaker (a surname alone will do), best first."""
        check_paging(page, per_page)
        self.parse(query)  # the same limits and the same errors as an article search
        quotes = self._current().quotes
        if quotes is None:
            return QuoteResults(query, speaker, 0, page, per_page, [])
        return quotes.search(query, speaker, page, per_page)

    def _listed(self, query: qt.Node, filters: qt.Node | None = None, sort: str = "relevance",
                limit: int | None = None) -> list[StoredHit]:
        """Every match (the best `limit`), near-copies and all, without facets or a deadline."""
        request = SearchRequest(query, filters, sort, per_page=limit, collapse=False, facets=False)
        return self.reader().search(request).hits

    def ranked_ids(self, query: str, limit: int = 1000, match: str = "any") -> list[str]:
        """Article ids in rank order, for ranking benchmarks (no facets, no snippets)."""
        return [hit.fields["id"] for hit in self._listed(self.parse(query, match).query, limit=limit)]

    def mark(self, text: str, query: str) -> str:
        """text as escaped HTML with the query's matches in <mark>."""
        return highlight.highlight_all(text, self.parse(query).query)

    # -- records -------------------------------------------------------------

    def article(self, article_id: str) -> Article | None:
        fields = self.reader().document(article_id)
        return Article.from_json(json.loads(fields["record"])) if fields else None

    def copies(self, article_id: str) -> list[str]:
        """Ids of the other articles in this article's group of near-copies, earliest first."""
        fields = self.reader().document(article_id)
        if not fields:
            return []
        group = self._listed(qt.Term("group", fields["group"]), sort="oldest")
        return [hit.fields["id"] for hit in group if hit.fields["id"] != article_id]

    def more_like(self, article_id: str, limit: int = 5) -> list[Hit]:
        """Articles most like this one, by the distinctive words of its text."""
        reader = self.reader()
        fields = reader.document(article_id)
        if not fields:
            return []
        group = fields.get("group")
        similar = reader.more_like(article_id, "text", top=limit + 5)
        return [self._hit(hit, highlight.Snippets(qt.Every())) for hit in similar if hit.fields.get("group") != group][:limit]

    def articles(self, query: str = "", limit: int | None = None, **filters) -> list[Article]:
        """Every article matching the query and filters (all when both are empty), in id order;
        at most `limit` of them, the best ranked."""
        found = self._listed(self.parse(query).query, Filters(**filters).query(), limit=limit)
        return sorted((Article.from_json(json.loads(hit.fields["record"])) for hit in found), key=lambda a: a.id)

    def stats(self) -> dict:
        every = self.search("", per_page=1)
        size = sum(p.stat().st_size for p in self._live.iterdir() if p.is_file())
        meta_path = self._live / "archivist.json"
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        return {
            "index": str(self.index_dir),
            "articles": self.reader().doc_count(),
            "index_bytes": size,
            "last_reindex": meta.get("built"),
            "facets": {name: [vars(v) for v in values] for name, values in every.facets.items()},
        }


def open_index(index_dir: str | Path | None = None, results_cache: int | None = None) -> Index:
    return Index(index_dir or config.default_index_dir(), results_cache)
