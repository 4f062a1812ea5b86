"""Search: an index directory and a query in, ranked `Results` out: BM25F over
title, text and quotes, one hit per group of near-copies, facet counts for the
current query and filters, HTML snippets (escaped text, `<mark>` around
matches), a spelling suggestion for words the archive does not hold.

`open_index(dir)` gives an `Index` that is cheap to keep open; it notices when
a reindex swaps in a new generation and reopens itself.
"""
from __future__ import annotations

import json
import re
import threading
from array import array
from collections import OrderedDict
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz.distance import Levenshtein
from whoosh import index as whoosh_index
from whoosh import scoring
from whoosh import collectors
from whoosh.collectors import TimeLimit
from whoosh.query import And, Every, NumericRange, Query, Term

from . import build, config, highlight, quote_index, storage, vectorised
from .columns import ColumnCache, Columns, by_score
from .model import Article, FacetValue, Hit, Results
from .quote_index import QuoteIndex, QuoteResults
from .query import ParsedQuery, QueryError, QueryParser, check_expansions

SORTS = ("relevance", "newest", "oldest")
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

    def query(self) -> Query | None:
        terms: list[Query] = []
        for fieldname, value in (("venue", self.venue), ("country", self.country), ("language", self.lang)):
            if value:
                terms.append(Term(fieldname, value))
        if self.mentioned is not None:
            terms.append(Term("mentioned", str(self.mentioned)))
        if self.year is not None:
            terms.append(NumericRange("year", self.year, self.year))
        elif self.year_from is not None or self.year_to is not None:
            terms.append(NumericRange("year", self.year_from or 1, self.year_to))
        return And(terms) if terms else None


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


class Deadline(collectors.WrappingCollector):
    """Stops a search at a deadline, from the innermost collector, so facets, collapsing
    and filters (which wrap it) keep working on what was found by then."""

    def __init__(self, child, seconds: float):
        super().__init__(child)
        self.seconds = seconds

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        self.deadline = time.monotonic() + self.seconds

    def collect(self, sub_docnum):
        if time.monotonic() > self.deadline:
            raise TimeLimit
        return self.child.collect(sub_docnum)


class Matches(collectors.ScoredCollector):
    """Every match's document number, and its score when the search ranks by score: nothing else,
    so that facets, collapsing and ordering can work on whole arrays afterwards."""

    def __init__(self, scored: bool):
        super().__init__()
        self.scored = scored

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context if self.scored else context.set(weighting=None))
        self.docnums = array("q")
        self.scores = array("d")

    def collect(self, sub_docnum):
        if self.scored:
            return super().collect(sub_docnum)
        self.docnums.append(self.offset + sub_docnum)

    def _collect(self, global_docnum, score):
        self.docnums.append(global_docnum)
        self.scores.append(score)

    def matches(self):
        return super().matches() if self.scored else collectors.Collector.matches(self)

    def count(self):
        return len(self.docnums)

    def results(self):
        return self


def build_collector(scored: bool, explain: bool, filters: Query | None):
    """Every match passing the filters, timed; with the terms each matched, for explain."""
    matches = Matches(scored)
    collector = Deadline(matches, config.QUERY_SECONDS)
    if explain:
        collector = collectors.TermsCollector(collector)
    collector = collectors.FilterCollector(collector, allow=filters) if filters else collector
    return matches, collector


def vectorised_matches(query: Query, filters: Query | None, columns: Columns) -> tuple[tuple | None, bool]:
    """((docnums, scores), stopped) of the matches passing the filters, evaluated with numpy;
    (None, False) when the query or the filters have a shape left to Whoosh's matchers."""
    allowed = None
    if filters is not None:
        allowed = vectorised.matching_docs(filters, columns.searcher, columns)
        if allowed is None:
            return None, False
    stopped = False
    try:
        found = vectorised.evaluate(query, columns.searcher, columns, time.monotonic() + config.QUERY_SECONDS)
    except vectorised.Stopped as stop:
        found, stopped = stop.found, True
    if found is None:
        return None, False
    if allowed is not None:
        kept = np.isin(found[0], allowed, assume_unique=True)
        found = (found[0][kept], found[1][kept])
    return found, stopped


def parser(generation: "Generation", match: str) -> QueryParser:
    """The generation's query parser for `match`, or a QueryError that names the choices."""
    if match not in MATCHES:
        raise QueryError(f"match must be one of: {', '.join(MATCHES)}")
    return generation.parsers[match]


@dataclass
class Generation:
    """One index generation as the threads share it: the open index, its columns' arrays, its query
    parsers and the recent results (each thread searches it with a searcher of its own)."""

    live: Path
    ix: object  # whoosh.index.Index
    columns: ColumnCache
    parsers: dict
    has_quotes: bool
    recent: OrderedDict
    recent_lock: threading.Lock


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
    """An open index, safe to share between threads: Whoosh's readers are not, so every thread
    searches with a searcher (and a quote index) of its own, opened on its first request to each
    generation; the columns' arrays and the results cache are shared, under locks."""

    def __init__(self, index_dir: str | Path, results_cache: int | None = None):
        """`results_cache`: how many recent searches to remember (default config.RESULTS_CACHE)."""
        self.index_dir = Path(index_dir)
        self._cache_size = config.RESULTS_CACHE if results_cache is None else results_cache
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
        if live is None or not whoosh_index.exists_in(str(live)):
            raise IndexNotFound(str(self.index_dir))
        found = build.index_format(live)
        if found not in (None, build.INDEX_FORMAT):
            raise IndexOutdated(f"{self.index_dir} is in index format {found}; this Archivist reads format {build.INDEX_FORMAT}")
        try:
            ix = whoosh_index.open_dir(str(live))
            searcher = self._new_searcher(ix)
            if searcher.doc_count():  # read a record now, so damage shows here and not mid-request
                json.loads(searcher.stored_fields(0)["record"])
        except Exception as exc:  # any damage to the files: say how to recover
            raise IndexDamaged(f"{self.index_dir}: {type(exc).__name__}: {exc}"[:300]) from None
        # Recent results by their parameters: paging through results and toggling facets repeat a
        # search. A new generation starts with none.
        self._generation = Generation(live, ix, ColumnCache(), {match: QueryParser(ix.schema, match) for match in MATCHES},
                                      (live / quote_index.DIRNAME).exists(), OrderedDict(), threading.Lock())

    @staticmethod
    def _new_searcher(ix):
        return ix.searcher(weighting=scoring.BM25F(B=config.BM25_B, K1=config.BM25_K1))

    def _current(self) -> threading.local:
        """This thread's searcher, columns and quote index for the live generation, opened on first
        use and again after a reindex swapped in a new generation. A searcher left behind stays with
        the requests still using it: closing it under them would fail them."""
        with self._lock:
            if storage.live_dir(self.index_dir) != self._generation.live:
                self._open()
            generation = self._generation
        local = self._local
        if getattr(local, "generation", None) is not generation:
            local.searcher = self._new_searcher(generation.ix)
            local.columns = Columns(local.searcher, generation.columns)
            local.quotes = QuoteIndex(generation.live) if generation.has_quotes else None
            local.generation = generation
        return local

    def searcher(self):
        """This thread's searcher of the live generation."""
        return self._current().searcher

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
        columns = local.columns  # this thread's, of the generation the search began in
        searcher = local.searcher
        by_date = sort != "relevance" or isinstance(parsed.query, Every)
        check_expansions(parsed.query, searcher.reader())
        filters = Filters(venue, country, year, year_from, year_to, lang, mentioned).query()
        counted, ranked, scores, terms, stopped = self._matches(parsed, filters, local, explain, by_date, sort)
        notice = parsed.notice
        typed = plain_query_words(query)
        if match is None and not by_date and not explain and len(typed) >= 2 and len(counted) < per_page:
            # Fewer than a page has every word: go on with the articles that have most of them, as BM25
            # ranks them over any word, after those that have them all (Elasticsearch's
            # minimum_should_match, Meilisearch's dropped words).
            loose = local.generation.parsers["any"].parse(query)
            more_counted, more_ranked, scores, _, more_stopped = self._matches(loose, filters, local, False, False, sort)
            ranked = np.concatenate([ranked, more_ranked[~np.isin(more_ranked, ranked)]])
            if len(more_counted) > len(counted):
                notice = most_words_notice(len(counted), len(typed))
            counted, stopped = more_counted, stopped or more_stopped
        hits = [
            self._hit(searcher, docnum, float(scores[docnum]), parsed.query, terms)
            for docnum in ranked[(page - 1) * per_page : page * per_page].tolist()
        ]
        suggestion = self.suggest(query, parsed, searcher) if parsed.words else None
        if stopped:
            notice = f"The search took over {config.QUERY_SECONDS:g} s and was stopped: these results are partial."
        elif suggestion and not notice:
            notice = f"Did you mean: {suggestion}?"
        counts = columns.facet_counts(counted)
        return Results(
            query=query,
            total=len(counted),
            page=page,
            per_page=per_page,
            hits=hits,
            facets={name: facet_values(counts, name) for name in config.FACETS},
            notice=notice,
            suggestion=suggestion,
            timeline=timeline(counts),
        )

    def _matches(self, parsed: ParsedQuery, filters, local: threading.local, explain: bool, by_date: bool, sort: str):
        """(counted, ranked, scores, terms, stopped): the matches counted for the total and facets,
        the ones shown in their order, every document's score, the matched terms (explain)."""
        columns, searcher = local.columns, local.searcher
        found, stopped = (None, False) if explain else vectorised_matches(parsed.query, filters, columns)
        if found is None:  # a shape numpy does not evaluate, or explain (which needs Whoosh's matchers)
            matches, collector = build_collector(not by_date, explain, filters)
            try:
                searcher.search_with_collector(parsed.query, collector)
            except TimeLimit:
                stopped = True
            found = (np.frombuffer(matches.docnums, dtype=np.int64), np.frombuffer(matches.scores, dtype=np.float64))
        docnums, found_scores = found
        # A group of near-copies shows its earliest article; the total and the facets count every
        # article met before its group's earliest, as Whoosh's CollapseCollector did. Filtered
        # searches collapse too (Whoosh's FilterCollector used to bypass the collapsing).
        counted, kept = columns.collapse(docnums)
        scores = np.zeros(searcher.doc_count_all())
        if by_date:
            ranked = columns.by_date(kept, newest_first=sort != "oldest")
        else:
            scores[docnums] = found_scores
            ranked = by_score(kept, scores[kept])
        terms = collector.results().docterms if explain else None
        return counted, ranked, scores, terms, stopped

    def _hit(self, searcher, docnum: int, score: float, query: Query, terms: dict | None = None) -> Hit:
        """`terms`: the (field, term) pairs each document matched, when the search explains itself."""
        stored = searcher.stored_fields(docnum)
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
            score=round(score, 4),
            snippet=highlight.snippet(stored.get("text", ""), query),
            copies=stored.get("copies", 0),
            explain=explain_terms(terms.get(docnum, []), searcher.schema) if terms is not None else None,
        )

    def suggest(self, query: str, parsed: ParsedQuery, searcher=None) -> str | None:
        """The query with each word the archive does not hold replaced by the nearest one it does."""
        searcher = searcher or self.searcher()
        reader = searcher.reader()
        corrected = query
        for word in parsed.words:
            lowered = word.lower()
            if len(lowered) < 4 or reader.doc_frequency("exact", lowered):
                continue
            options = searcher.suggest("exact", lowered, limit=10, maxdist=2, prefix=1)
            if options:
                # The nearest spelling first, then the most common one.
                best = min(options, key=lambda o: (Levenshtein.distance(lowered, o), -reader.doc_frequency("exact", o)))
                better = best.capitalize() if word[0].isupper() else best
                corrected = corrected.replace(word, better, 1)
        return corrected if corrected != query else None

    def quotes(self, query: str = "", speaker: str | None = None, page: int = 1, per_page: int = 20) -> QuoteResults:
        """Quotes matching the words and the speaker (a surname alone will do), best first."""
        check_paging(page, per_page)
        self.parse(query)  # the same limits and the same errors as an article search
        quotes = self._current().quotes
        if quotes is None:
            return QuoteResults(query, speaker, 0, page, per_page, [])
        return quotes.search(query, speaker, page, per_page)

    def ranked_ids(self, query: str, limit: int = 1000, match: str = "any") -> list[str]:
        """Article ids in rank order, for ranking benchmarks (no facets, no snippets)."""
        results = self.searcher().search(self.parse(query, match).query, limit=limit)
        return [hit["id"] for hit in results]

    def mark(self, text: str, query: str) -> str:
        """text as escaped HTML with the query's matches in <mark>."""
        return highlight.highlight_all(text, self.parse(query).query)

    # -- records -------------------------------------------------------------

    def article(self, article_id: str) -> Article | None:
        fields = self.searcher().document(id=article_id)
        return Article.from_json(json.loads(fields["record"])) if fields else None

    def copies(self, article_id: str) -> list[str]:
        """Ids of the other articles in this article's group of near-copies, earliest first."""
        searcher = self.searcher()
        fields = searcher.document(id=article_id)
        if not fields:
            return []
        results = searcher.search(Term("group", fields["group"]), limit=None, sortedby="date")
        return [hit["id"] for hit in results if hit["id"] != article_id]

    def more_like(self, article_id: str, limit: int = 5) -> list[Hit]:
        """Articles most like this one, by the distinctive words of its text."""
        searcher = self.searcher()
        docnum = searcher.document_number(id=article_id)
        if docnum is None:
            return []
        stored = searcher.stored_fields(docnum)
        results = searcher.more_like(docnum, "text", text=stored.get("text", ""), top=limit + 5)
        group = stored.get("group")
        hits = [self._hit(searcher, h.docnum, h.score, Every()) for h in results if h.get("group") != group]
        return hits[:limit]

    def articles(self, query: str = "", limit: int | None = None, **filters) -> list[Article]:
        """Every article matching the query and filters (all when both are empty), in id order;
        at most `limit` of them, the best ranked."""
        parsed = self.parse(query)
        results = self.searcher().search(parsed.query, filter=Filters(**filters).query(), limit=limit)
        records = [Article.from_json(json.loads(hit["record"])) for hit in results]
        return sorted(records, key=lambda a: a.id)

    def stats(self) -> dict:
        searcher = self.searcher()
        every = self.search("", per_page=1)
        size = sum(p.stat().st_size for p in self._live.iterdir() if p.is_file())
        meta_path = self._live / "archivist.json"
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        return {
            "index": str(self.index_dir),
            "articles": searcher.doc_count(),
            "index_bytes": size,
            "last_reindex": meta.get("built"),
            "facets": {name: [vars(v) for v in values] for name, values in every.facets.items()},
        }


def explain_terms(terms: list[tuple[str, bytes]], schema) -> list[str]:
    """Which fields and terms matched, as "field:term"."""
    return sorted({f"{name}:{schema[name].from_bytes(t)}" for name, t in terms})


def open_index(index_dir: str | Path | None = None, results_cache: int | None = None) -> Index:
    return Index(index_dir or config.default_index_dir(), results_cache)
