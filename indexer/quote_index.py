"""The quote index: the quotes of every article in, a Whoosh index of quotes as
records of their own out (text, speaker, role, article, paragraph, date, venue,
country, language), searchable by words and by speaker. A quote found in
several articles is marked first where it appeared earliest; the others point there.
"""
from __future__ import annotations

import re
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import scoring, sorting
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema
from whoosh.qparser import AndGroup, MultifieldParser
from whoosh.query import And, Every, FuzzyTerm, Or, Query, Term

from . import config, highlight, schema, speakers
from .model import Article, FacetValue
from .query import exact_phrases
from .segments import FastSegmentWriter, delete_all, merge_tiers
from .terms import FastText

DIRNAME = "quotes"
WORD = re.compile(r"\w+")


def quote_schema() -> Schema:
    analyzer = schema.text_analyzer()
    return Schema(
        key=ID(stored=True, unique=True),  # article id + "#" + the quote's number
        text=FastText(schema.stemmed_terms, analyzer=analyzer, stored=True),
        exact=FastText(schema.exact_terms, analyzer=schema.exact_analyzer()),
        fold=FastText(schema.folded_terms, analyzer=schema.fold_analyzer()),
        speaker=TEXT(analyzer=schema.fold_analyzer(), stored=True),
        speaker_name=ID(stored=True, sortable=True),  # the speaker as written
        speaker_key=ID(stored=True, sortable=True),  # the name and the head of the role: what identities group
        role=STORED(),
        article=ID(stored=True),
        title=STORED(),
        paragraph=STORED(),
        date=ID(stored=True, sortable=True),
        venue=STORED(),
        country=STORED(),
        language=ID(stored=True),
        words=ID(stored=True),  # the quote's first words: the same quote in other articles
    )


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


def open_or_create(generation: Path):
    folder = generation / DIRNAME
    if whoosh_index.exists_in(str(folder)):
        return whoosh_index.open_dir(str(folder))
    folder.mkdir(exist_ok=True)
    return whoosh_index.create_in(str(folder), quote_schema())


def add_quotes(writer, article: Article) -> None:
    """The article's quotes, each a document of the quote index."""
    for n, quote in enumerate(article.quotes, start=1):
        writer.add_document(
            key=f"{article.id}#{n}", words=words_key(quote.text), text=quote.text, exact=quote.text,
            fold=quote.text, speaker=quote.speaker, speaker_name=quote.speaker, role=quote.role,
            speaker_key=speakers.mention_key(quote.speaker, quote.role),
            article=article.id, title=article.title, paragraph=quote.paragraph, date=article.sort_date,
            venue=article.venue, country=article.country, language=article.language,
        )


def update(generation: Path, articles: list[Article], removed: list[str]) -> None:
    """Put these articles' quotes in the generation's quote index, in place of any they had."""
    writer = FastSegmentWriter(open_or_create(generation))
    delete_all(writer, "article", [*removed, *(a.id for a in articles)])
    for article in articles:
        add_quotes(writer, article)
    writer.commit(mergetype=merge_tiers)


def speaker_query(name: str) -> Query:
    """Every word of the name, folded, each allowing one edit: a surname alone finds the full name."""
    words = [schema.fold(w) for w in WORD.findall(name.lower())]
    return And([Or([Term("speaker", w), FuzzyTerm("speaker", w, maxdist=1, prefixlength=1)]) for w in words])


_IDENTITIES: dict[str, dict[str, speakers.Identity]] = {}  # by generation folder: the threads share them
_IDENTITIES_LOCK = threading.Lock()


class QuoteIndex:
    def __init__(self, generation: Path):
        ix = whoosh_index.open_dir(str(generation / DIRNAME))
        self.searcher = ix.searcher(weighting=scoring.BM25F(B=config.BM25_B, K1=config.BM25_K1))
        self.parser = MultifieldParser(["text", "fold"], ix.schema, fieldboosts={"fold": 0.1}, group=AndGroup)
        self.generation = str(generation)
        self._identities: dict[str, speakers.Identity] | None = None

    def identities(self) -> dict[str, speakers.Identity]:
        """Every speaker name written in the index -> the person's identity (made once per generation,
        whichever thread asks first)."""
        if self._identities is None:
            with _IDENTITIES_LOCK:
                if self.generation not in _IDENTITIES:
                    reader = self.searcher.reader()
                    counts = {key: reader.doc_frequency("speaker_key", key) for key in reader.field_terms("speaker_key")}
                    _IDENTITIES[self.generation] = speakers.identify(counts)
                    while len(_IDENTITIES) > 4:  # older generations' identities go
                        _IDENTITIES.pop(next(iter(_IDENTITIES)))
                self._identities = _IDENTITIES[self.generation]
        return self._identities

    def speaker_filter(self, speaker: str) -> Query:
        """The quotes of the person (or people) the typed speaker means, by every name they go by;
        a name the archive's identities do not hold is matched word by word, as before."""
        identities = self.identities()
        chosen = speakers.matching(identities, speaker)
        persons = [i for i in chosen if i.key.startswith("person:")] or chosen  # Obama, not the Obama family
        keys = {i.key for i in persons}
        names = sorted(name for name, identity in identities.items() if identity.key in keys)
        return Or([Term("speaker_key", name) for name in names]) if names else speaker_query(speaker)

    def search(self, query: str = "", speaker: str | None = None, page: int = 1, per_page: int = 20) -> QuoteResults:
        parsed = self.parser.parse(exact_phrases(query)) if query.strip() else Every()
        if speaker and WORD.search(speaker):
            parsed = And([parsed, self.speaker_filter(speaker)])
        sortedby = sorting.FieldFacet("date") if isinstance(parsed, Every) else None
        results = self.searcher.search(
            parsed, limit=page * per_page, sortedby=sortedby,
            groupedby={"speaker": sorting.FieldFacet("speaker_key", maptype=sorting.Count)},
        )
        hits = []
        identities = self.identities()
        for hit in results[(page - 1) * per_page : page * per_page]:
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
        for written, count in results.groups("speaker").items():
            if written:
                identity = identities.get(str(written))
                name = identity.name if identity else speakers.split_key(str(written))[0]
                by_person[name] = by_person.get(name, 0) + count
        facet = sorted((FacetValue(v, c) for v, c in by_person.items()), key=lambda v: (-v.count, v.value))
        return QuoteResults(query, speaker, len(results), page, per_page, hits, facet[: config.FACET_LIMIT])

    def first_appearance(self, words: str) -> str:
        """The key of the earliest quote with these words (undated ones last)."""
        found = [(h["date"] == "", h["date"], h["key"]) for h in self.searcher.search(Term("words", words), limit=None)]
        return min(found)[2]
