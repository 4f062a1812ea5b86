"""The records that cross module boundaries, as typed dataclasses.

A source yields `Document`s; clean, language and extract turn each into an
`Article`; build writes articles and returns a `ReindexReport`; search
returns `Results` of `Hit`s. `to_json()` gives the shapes of DESIGN.md.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Document:
    """One article as a source read it: raw text, before any cleaning."""

    id: str
    source: str  # path of the file it came from, relative to the working dir
    text: str
    title: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" when the source gives one
    url: str | None = None
    language: str | None = None  # as declared by the source, if any
    author: str | None = None
    content_hash: str = ""


@dataclass
class Paragraph:
    n: int
    text: str
    language: str = ""


@dataclass
class Removed:
    text: str
    reason: str  # spam | boilerplate | foreign-script | mojibake


@dataclass
class Quote:
    text: str
    speaker: str = ""
    role: str = ""
    paragraph: int = 0


@dataclass
class Article:
    """The full record of one indexed article (`archivist show --json`)."""

    id: str
    title: str
    source: str
    published: str | None = None
    year: int | None = None
    year_basis: str | None = None  # published | event | inferred
    venue: str = ""
    city: str = ""
    country: str = ""
    countries_mentioned: list[str] = field(default_factory=list)
    dates_mentioned: list[str] = field(default_factory=list)
    language: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    content_hash: str = ""
    url: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def sort_date(self) -> str:
        """Sortable: the published date, else the year, else "" (undated)."""
        return self.published or (str(self.year) if self.year else "")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Article":
        data = dict(data)
        data["paragraphs"] = [Paragraph(**p) for p in data.get("paragraphs", [])]
        data["quotes"] = [Quote(**q) for q in data.get("quotes", [])]
        data["removed"] = [Removed(**r) for r in data.get("removed", [])]
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class Failure:
    source: str
    reason: str


@dataclass
class ReindexReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def indexed(self) -> int:
        return len(self.added) + len(self.changed) + len(self.unchanged)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FacetValue:
    value: str
    count: int


@dataclass
class Hit:
    id: str
    title: str
    published: str | None
    year: int | None
    venue: str
    city: str
    country: str
    language: str
    score: float
    snippet: str  # HTML: escaped article text with <mark> around matches
    copies: int = 0  # other near-copies of this article, folded into this hit
    explain: list[str] | None = None  # "field:term" that matched, when asked for

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        if self.explain is None:
            del data["explain"]
        return data


@dataclass
class Results:
    query: str
    total: int
    page: int
    per_page: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    notice: str | None = None
    suggestion: str | None = None  # the query with misspelled words corrected
    # Results by year: "published" (the year facet, unabridged) and "mentioned" (years the texts name).
    timeline: dict[str, list[FacetValue]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "notice": self.notice,
            "suggestion": self.suggestion,
            "hits": [h.to_json() for h in self.hits],
            "facets": {
                name: [asdict(v) for v in values] for name, values in self.facets.items()
            },
            "timeline": {
                name: [asdict(v) for v in values] for name, values in self.timeline.items()
            },
        }
