"""Search state from and to the URL: request arguments in, validated search
parameters out, and the URLs that change one of them (facet toggles, pages, sort).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from flask import url_for

from indexer import QueryError

# URL parameter for each facet: the facet "language" is filtered by "lang".
FACET_PARAMS = {"venue": "venue", "country": "country", "year": "year", "language": "lang"}
FACET_LABELS = {"venue": "Venue", "country": "Country", "year": "Year", "language": "Language"}


def to_int(args, name: str, default: int | None = None) -> int | None:
    raw = args.get(name, "")
    if raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise QueryError(f"'{name}' must be a whole number, not '{raw[:40]}'") from None


@dataclass(frozen=True)
class SearchState:
    q: str = ""
    venue: str | None = None
    country: str | None = None
    year: int | None = None
    lang: str | None = None
    mentioned: int | None = None  # a year the articles mention (the timeline's second series)
    sort: str = "relevance"
    page: int = 1
    per_page: int | None = None  # None: the app's default
    explain: bool = False  # show which fields and words each hit matched
    match: str | None = None  # "all" or "any" word; None: all, then most when fewer than a page has all

    @classmethod
    def from_args(cls, args) -> "SearchState":
        return cls(
            q=args.get("q", ""),
            venue=args.get("venue") or None,
            country=args.get("country") or None,
            year=to_int(args, "year"),
            lang=args.get("lang") or None,
            mentioned=to_int(args, "mentioned"),
            sort=args.get("sort") or "relevance",
            page=to_int(args, "page", 1),
            per_page=to_int(args, "per_page"),
            explain=args.get("explain") == "1",
            match=args.get("match") or None,
        )

    def search_kwargs(self, per_page: int) -> dict:
        return dict(
            query=self.q, venue=self.venue, country=self.country, year=self.year,
            lang=self.lang, mentioned=self.mentioned, sort=self.sort, page=self.page,
            per_page=self.per_page or per_page, explain=self.explain, match=self.match,
        )

    def filter_kwargs(self) -> dict:
        """The filters alone, as `Index.articles` takes them (for exports)."""
        return dict(venue=self.venue, country=self.country, year=self.year, lang=self.lang, mentioned=self.mentioned)

    def args(self) -> dict:
        pairs = {
            "q": self.q, "venue": self.venue, "country": self.country, "year": self.year,
            "lang": self.lang, "mentioned": self.mentioned,
            "sort": None if self.sort == "relevance" else self.sort,
            "page": None if self.page == 1 else self.page,
            "per_page": self.per_page, "explain": "1" if self.explain else None, "match": self.match,
        }
        return {k: v for k, v in pairs.items() if v not in (None, "")}

    def url(self, **changes) -> str:
        """This search's URL with some parameters changed; any change but the page goes back to page 1."""
        if "page" not in changes:
            changes["page"] = 1
        return url_for("pages.search", **replace(self, **changes).args())

    def filters(self) -> list[tuple[str, str, str]]:
        """(label, value, URL without it) for each active filter: the removable chips."""
        chips = []
        for facet, param in FACET_PARAMS.items():
            value = getattr(self, param)
            if value not in (None, ""):
                chips.append((FACET_LABELS[facet], str(value), self.url(**{param: None})))
        if self.mentioned is not None:
            chips.append(("Mentions year", str(self.mentioned), self.url(mentioned=None)))
        return chips

    def timeline_url(self, series: str, year: str) -> str:
        """A published-year bar filters by year; a mentioned-year bar by the year mentioned."""
        return self.url(**{"year" if series == "published" else "mentioned": int(year)})

    def facet_links(self, facets: dict) -> list[dict]:
        """Each facet's values with count, whether selected, and the URL that toggles it."""
        out = []
        for facet, values in facets.items():
            param = FACET_PARAMS[facet]
            current = getattr(self, param)
            items = []
            for value in values:
                selected = str(current) == value.value
                target = None if selected else (int(value.value) if param == "year" else value.value)
                items.append({"value": value.value, "count": value.count, "selected": selected,
                              "url": self.url(**{param: target})})
            out.append({"name": facet, "label": FACET_LABELS[facet], "options": items})
        return out

