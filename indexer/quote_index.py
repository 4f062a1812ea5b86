"""The quote index: the quotes of every article in, as documents of their own (text, speaker,
role, article, paragraph, date, venue, country, language); out, quotes found by their words
and by their speaker, each person one identity however spelt. A quote found in several
articles is marked first where it appeared earliest; the others point there.
The backend's QuoteReader stores and searches the documents.
"""
from __future__ import annotations

import re
import threading
from dataclasses import asdict, dataclass, field

from . import config, highlight, speakers
from . import querytree as qt
from .analysis import fold
from .backend import QuoteReader
from .model import Article, FacetValue
from .query import exact_phrases

WORD = re.compile(r"\w+")


@dataclass
class QuoteHit:
    text: str  # HTML: escaped, with the query's words in <mark>
    speaker: str
    role: str
    article: str
    title: str
    paragraph: int
    date: str
    venue: str
    country: str
    language: str
    first: bool  # the earliest appearance of these words in the archive
    first_article: str  # where they first appeared (this article when `first`)
    speaker_identity: str = ""  # the person the speaker is, named as the whole archive names them best


@dataclass
class QuoteResults:
    query: str
    speaker: str | None
    total: int
    page: int
    per_page: int
    hits: list[QuoteHit]
    speakers: list[FacetValue] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "query": self.query, "speaker": self.speaker, "total": self.total, "page": self.page,
            "per_page": self.per_page, "hits": [asdict(h) for h in self.hits],
            "facets": {"speaker": [asdict(v) for v in self.speakers]},
        }


def words_key(text: str) -> str:
    """The same quote, however punctuated or cased: its first 25 words."""
    return " ".join(WORD.findall(text.lower())[:25])


def quote_documents(article: Article) -> list[dict]:
    """The article's quotes, each a document of the quote index."""
    return [
        {"key": f"{article.id}#{n}", "words": words_key(quote.text), "text": quote.text, "exact": quote.text,
         "fold": quote.text, "speaker": quote.speaker, "speaker_name": quote.speaker, "role": quote.role,
         "speaker_key": speakers.mention_key(quote.speaker, quote.role),
         "article": article.id, "title": article.title, "paragraph": quote.paragraph, "date": article.sort_date,
         "venue": article.venue, "country": article.country, "language": article.language}
        for n, quote in enumerate(article.quotes, start=1)
    ]


def speaker_query(name: str) -> qt.Node:
    """Every word of the name, folded, each allowing one edit: a surname alone finds the full name."""
    words = [fold(w) for w in WORD.findall(name.lower())]
    return qt.And(tuple(qt.Or((qt.Term("speaker", w), qt.Fuzzy("speaker", w, maxdist=1, prefix=1))) for w in words))


_IDENTITIES: dict[str, dict[str, speakers.Identity]] = {}  # by generation folder: the threads share them
_IDENTITIES_LOCK = threading.Lock()


class QuoteIndex:
    """One thread's quote index of a generation (`generation`: its name, which keys the identities)."""

    def __init__(self, reader: QuoteReader, generation: str):
        self.reader = reader
        self.generation = generation
        self._identities: dict[str, speakers.Identity] | None = None

    def identities(self) -> dict[str, speakers.Identity]:
        """Every speaker name written in the index -> the person's identity (made once per generation,
        whichever thread asks first)."""
        if self._identities is None:
            with _IDENTITIES_LOCK:
                if self.generation not in _IDENTITIES:
                    _IDENTITIES[self.generation] = speakers.identify(self.reader.word_counts("speaker_key"))
                    while len(_IDENTITIES) > 4:  # older generations' identities go
                        _IDENTITIES.pop(next(iter(_IDENTITIES)))
                self._identities = _IDENTITIES[self.generation]
        return self._identities

    def speaker_filter(self, speaker: str) -> qt.Node:
        """The quotes of the person (or people) the typed speaker means, by every name they go by;
        a name the archive's identities do not hold is matched word by word, as before."""
        identities = self.identities()
        chosen = speakers.matching(identities, speaker)
        persons = [i for i in chosen if i.key.startswith("person:")] or chosen  # Obama, not the Obama family
        keys = {i.key for i in persons}
        names = sorted(name for name, identity in identities.items() if identity.key in keys)
        return qt.Or(tuple(qt.Term("speaker_key", name) for name in names)) if names else speaker_query(speaker)

    def search(self, query: str = "", speaker: str | None = None, page: int = 1, per_page: int = 20) -> QuoteResults:
        parsed = self.reader.parse(exact_phrases(query)) if query.strip() else qt.Every()
        if speaker and WORD.search(speaker):
            parsed = qt.And((parsed, self.speaker_filter(speaker)))
        results = self.reader.search(parsed, page, per_page, by_date=isinstance(parsed, qt.Every))
        hits = []
        identities = self.identities()
        for hit in results.hits:
            first = self.first_appearance(hit["words"])
            identity = identities.get(hit.get("speaker_key", ""))
            hits.append(QuoteHit(
                text=highlight.highlight_all(hit["text"], parsed), speaker=hit.get("speaker_name", ""),
                role=hit.get("role", ""), article=hit["article"], title=hit.get("title", ""),
                paragraph=hit.get("paragraph", 0), date=hit.get("date", ""), venue=hit.get("venue", ""),
                country=hit.get("country", ""), language=hit.get("language", ""),
                first=first == hit["key"], first_article=first.rsplit("#", 1)[0],
                speaker_identity=identity.name if identity else "",
            ))
        by_person: dict[str, int] = {}  # the facet counts people, not spellings
        for written, count in results.speakers.items():
            if written:
                identity = identities.get(str(written))
                name = identity.name if identity else speakers.split_key(str(written))[0]
                by_person[name] = by_person.get(name, 0) + count
        facet = sorted((FacetValue(v, c) for v, c in by_person.items()), key=lambda v: (-v.count, v.value))
        return QuoteResults(query, speaker, results.total, page, per_page, hits, facet[: config.FACET_LIMIT])

    def first_appearance(self, words: str) -> str:
        """The key of the earliest quote with these words (undated ones last)."""
        found = [(h["date"] == "", h["date"], h["key"]) for h in self.reader.documents("words", words)]
        return min(found)[2]
