"""Search: an index directory and a query in, ranked `Results` out: BM25F over
title, text and quotes, facet counts for the current query and filters, and
HTML snippets (escaped text, `<mark>` around matches).

`open_index(dir)` gives an `Index` that is cheap to keep open; it notices when
a reindex swaps in a new generation and reopens itself.
"""
from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import scoring, sorting
from whoosh.qparser import AndGroup, MultifieldParser, PlusMinusPlugin
from whoosh.query import And, Every, NullQuery, NumericRange, Query, Term

from . import config, highlight, schema, storage
from .model import Article, FacetValue, Hit, Results

SORTS = ("relevance", "newest", "oldest")
WORD = re.compile(r"\w+")


class IndexNotFound(Exception):
    """No usable index at the given directory."""


class QueryError(ValueError):
    """A query or parameter outside what search accepts; the message says what to change."""


@dataclass
class Filters:
    venue: str | None = None
    country: str | None = None
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    lang: str | None = None

    def as_dict(self) -> dict[str, str]:
        pairs = {
            "venue": self.venue,
            "country": self.country,
            "year": self.year,
            "from": self.year_from,
            "to": self.year_to,
            "lang": self.lang,
        }
        return {k: str(v) for k, v in pairs.items() if v not in (None, "")}

    def query(self) -> Query | None:
        terms: list[Query] = []
        for fieldname, value in (("venue", self.venue), ("country", self.country), ("language", self.lang)):
            if value:
                terms.append(Term(fieldname, value))
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


@dataclass
class ParsedQuery:
    query: Query
    notice: str | None = None
    terms: list[str] = field(default_factory=list)


class Index:
    def __init__(self, index_dir: str | Path):
        self.index_dir = Path(index_dir)
        self._lock = threading.Lock()
        self._live: Path | None = None
        self._searcher = None
        self._open()

    def _open(self) -> None:
        live = storage.live_dir(self.index_dir)
        if live is None or not whoosh_index.exists_in(str(live)):
            raise IndexNotFound(str(self.index_dir))
        try:
            ix = whoosh_index.open_dir(str(live))
        except Exception as exc:  # any damage to the files: say how to recover
            raise IndexNotFound(f"{self.index_dir} (unreadable: {exc})") from None
        self._ix = ix
        self._live = live
        self._searcher = ix.searcher(weighting=scoring.BM25F())
        self._parser = MultifieldParser(
            list(schema.TEXT_FIELDS), ix.schema, fieldboosts=schema.FIELD_BOOSTS, group=AndGroup
        )
        self._parser.add_plugin(PlusMinusPlugin())

    def searcher(self):
        """The open searcher, reopened first if a reindex swapped in a new generation."""
        with self._lock:
            if storage.live_dir(self.index_dir) != self._live:
                old = self._searcher
                self._open()
                # Let requests already holding the old searcher finish with it.
                del old
            return self._searcher

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()

    # -- parsing -------------------------------------------------------------

    def parse(self, text: str) -> ParsedQuery:
        text = text.strip()
        if len(text) > config.MAX_QUERY_CHARS:
            raise QueryError(
                f"query is {len(text)} characters long; the limit is {config.MAX_QUERY_CHARS}"
            )
        if not text:
            return ParsedQuery(Every())
        words = WORD.findall(text)
        try:
            query = self._parser.parse(text)
        except Exception:
            query = NullQuery
        if query is NullQuery or query.normalize() is NullQuery:
            if not words:
                return ParsedQuery(NullQuery, notice="The query has no words to search for.")
            plain = " ".join(w.lower() for w in words)
            return ParsedQuery(
                self._parser.parse(plain),
                notice=f"Could not read the query's syntax; searched for the words: {plain}",
            )
        return ParsedQuery(query)

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
    ) -> Results:
        check_paging(page, per_page)
        if sort not in SORTS:
            raise QueryError(f"sort must be one of: {', '.join(SORTS)}")
        filters = Filters(venue, country, year, year_from, year_to, lang)
        parsed = self.parse(query)
        searcher = self.searcher()
        facets = {
            name: sorting.FieldFacet("language" if name == "language" else name, maptype=sorting.Count)
            for name in config.FACETS
        }
        sortedby = None
        if sort == "newest" or (sort == "relevance" and isinstance(parsed.query, Every)):
            sortedby = sorting.FieldFacet("date", reverse=True)
        elif sort == "oldest":
            sortedby = sorting.FieldFacet("date")
        results = searcher.search(
            parsed.query,
            filter=filters.query(),
            limit=page * per_page,
            sortedby=sortedby,
            groupedby=facets,
        )
        hits = [self._hit(h, parsed.query) for h in results[(page - 1) * per_page : page * per_page]]
        return Results(
            query=query,
            total=len(results),
            page=page,
            per_page=per_page,
            hits=hits,
            facets={name: self._facet_values(results, name) for name in config.FACETS},
            notice=parsed.notice,
            filters=filters.as_dict(),
            sort=sort,
        )

    @staticmethod
    def _facet_values(results, name: str) -> list[FacetValue]:
        counts = results.groups(name)
        values = [
            FacetValue(value=str(value), count=count)
            for value, count in counts.items()
            if value not in ("", None, 0, b"")
        ]
        if name == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        else:
            values.sort(key=lambda v: (-v.count, v.value))
        return values[: config.FACET_LIMIT]

    @staticmethod
    def _hit(hit, query: Query) -> Hit:
        stored = hit.fields()
        year = stored.get("year") or None
        return Hit(
            id=stored["id"],
            title=stored.get("title", ""),
            published=json.loads(stored["record"]).get("published"),
            year=year,
            venue=stored.get("venue", ""),
            city=stored.get("city", ""),
            country=stored.get("country", ""),
            language=stored.get("language", ""),
            score=round(hit.score, 4) if isinstance(hit.score, float) else 0.0,
            snippet=highlight.snippet(stored.get("text", ""), query),
        )

    def mark(self, text: str, query: str) -> str:
        """text as escaped HTML with the query's matches in <mark>."""
        return highlight.highlight_all(text, self.parse(query).query)

    # -- records -------------------------------------------------------------

    def article(self, article_id: str) -> Article | None:
        fields = self.searcher().document(id=article_id)
        return Article.from_json(json.loads(fields["record"])) if fields else None

    def articles(self, query: str = "", **filters) -> list[Article]:
        """Every article matching the query and filters (all when both are empty), in id order."""
        parsed = self.parse(query)
        searcher = self.searcher()
        results = searcher.search(parsed.query, filter=Filters(**filters).query(), limit=None)
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


def open_index(index_dir: str | Path | None = None) -> Index:
    return Index(index_dir or config.default_index_dir())
