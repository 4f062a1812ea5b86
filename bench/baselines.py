"""The two engines Archivist is measured against, doing the same work on the
same corpus: SQLite FTS5 (stdlib sqlite3: bm25() ranking, snippet(), facets
by GROUP BY over the matching rows) and Tantivy (the `tantivy` package: BM25,
facets by a terms aggregation over fast fields, SnippetGenerator).

Each indexes title + text of every article, read from the corpus files by a
minimal reader of the two formats make_corpus.py writes (.txt with a
`Posted:` line and a title line, .jsonl records). Neither has a cleaning,
language or extraction step: the facet values (venue, country, year,
language) come from the generator's `meta.ndjson`, as given.

A query is a `QuerySpec`: each engine turns it into its own syntax.
"""
from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

FACETS = ("venue", "country", "year", "language")
POSTED = re.compile(r"^\s*Posted:\s*(\d{1,2})\.(\d{1,2})\.(\d{4})")


@dataclass
class QuerySpec:
    """One benchmark query, engine-neutral."""

    kind: str
    words: list[str]  # the words, lower case
    phrase: bool = False  # the words as one phrase
    fuzzy: bool = False  # one word, up to two edits away (first letter kept)
    filters: dict = field(default_factory=dict)  # lang=, country=
    year_from: int | None = None
    year_to: int | None = None

    def archivist(self) -> tuple[str, dict]:
        """The query as a user types it into Archivist, and the filter arguments."""
        if self.phrase:
            text = '"' + " ".join(self.words) + '"'
        elif self.fuzzy:
            text = self.words[0] + "~"
        else:
            text = " ".join(self.words)
        if self.year_from is not None:
            text += f" year:{self.year_from}..{self.year_to}"
        return text, dict(self.filters)

    def to_json(self) -> dict:
        text, filters = self.archivist()
        return {"kind": self.kind, "query": text, **filters}


@dataclass
class Record:
    id: str
    title: str
    text: str


def read_corpus(root: str | Path) -> Iterator[Record]:
    """Every article of the corpus files, ids as Archivist gives them (path without suffix, #record)."""
    root = Path(root)
    for path in sorted(root.rglob("*")):
        if path.suffix == ".txt":
            lines = path.read_text(encoding="utf-8").splitlines()
            if lines and POSTED.match(lines[0]):
                lines = lines[1:]
            rel = path.relative_to(root).with_suffix("").as_posix()
            yield Record(rel, lines[0] if lines else "", "\n".join(lines[1:]))
        elif path.suffix == ".jsonl":
            rel = path.relative_to(root).with_suffix("").as_posix()
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        rec = json.loads(line)
                        yield Record(f"{rel}#{rec['id']}", rec.get("title") or "", rec.get("text") or "")


def read_meta(root: str | Path) -> dict[str, dict]:
    with open(Path(root) / "meta.ndjson", encoding="utf-8") as f:
        return {m["id"]: m for m in map(json.loads, f)}


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


# ------------------------------------------------------------------ SQLite FTS5


class Fts5Engine:
    name = "SQLite FTS5"

    def __init__(self, db_path: str | Path):
        self.db_path = str(db_path)
        self._local = threading.local()
        self._vocab: dict[str, list[str]] | None = None
        self._vocab_lock = threading.Lock()

    @staticmethod
    def version() -> str:
        return f"SQLite {sqlite3.sqlite_version}"

    def build(self, corpus: str | Path) -> dict:
        started = time.perf_counter()
        path = Path(self.db_path)
        if path.exists():
            path.unlink()
        meta = read_meta(corpus)
        db = sqlite3.connect(self.db_path)
        db.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, title TEXT,
                               venue TEXT, country TEXT, year INTEGER, language TEXT);
            CREATE VIRTUAL TABLE fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
        """)
        count = 0
        with db:
            for n, rec in enumerate(read_corpus(corpus), start=1):
                m = meta.get(rec.id, {})
                db.execute("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (n, rec.id, rec.title, m.get("venue") or "", m.get("country") or "", m.get("year"),
                            m.get("lang") or ""))
                db.execute("INSERT INTO fts (rowid, title, text) VALUES (?, ?, ?)", (n, rec.title, rec.text))
                count += 1
            for column in ("venue", "country", "year", "language"):
                db.execute(f"CREATE INDEX docs_{column} ON docs ({column})")
            db.execute("INSERT INTO fts (fts) VALUES ('optimize')")
        db.close()
        return {"articles": count, "seconds": time.perf_counter() - started, "index_bytes": path.stat().st_size}

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.db_path, check_same_thread=False)
            db.execute("CREATE TEMP TABLE hits (rowid INTEGER PRIMARY KEY)")
            db.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, fts, row)")
            self._local.db = db
        return db

    def open(self) -> None:
        self._db()

    def vocabulary(self, first: str) -> list[str]:
        """The index's terms starting with `first` (read once, kept: as an open index keeps its lexicon)."""
        with self._vocab_lock:
            if self._vocab is None:
                vocab: dict[str, list[str]] = {}
                for (term,) in self._db().execute("SELECT term FROM temp.vocab"):
                    vocab.setdefault(term[:1], []).append(term)
                self._vocab = vocab
        return self._vocab.get(first, [])

    def match(self, spec: QuerySpec) -> str | None:
        if spec.phrase:
            return '"' + " ".join(spec.words) + '"'
        if spec.fuzzy:
            from rapidfuzz import process
            from rapidfuzz.distance import Levenshtein

            word = spec.words[0]
            near = process.extract(word, self.vocabulary(word[:1]), scorer=Levenshtein.distance,
                                   score_cutoff=2, limit=1000)
            return " OR ".join(f'"{term}"' for term, _, _ in near) or None
        return " AND ".join(f'"{w}"' for w in spec.words)

    def search(self, spec: QuerySpec) -> dict:
        db = self._db()
        match = self.match(spec)
        if match is None:
            return {"total": 0, "hits": [], "facets": {f: [] for f in FACETS}}
        where, args = ["fts MATCH ?"], [match]
        for key, column in (("lang", "language"), ("country", "country"), ("venue", "venue")):
            if spec.filters.get(key):
                where.append(f"docs.{column} = ?")
                args.append(spec.filters[key])
        if spec.year_from is not None:
            where.append("docs.year BETWEEN ? AND ?")
            args += [spec.year_from, spec.year_to]
        cond = " AND ".join(where)
        db.execute("DELETE FROM hits")
        db.execute(f"INSERT INTO hits SELECT fts.rowid FROM fts JOIN docs ON docs.rowid = fts.rowid WHERE {cond}",
                   args)
        total = db.execute("SELECT count(*) FROM hits").fetchone()[0]
        facets = {}
        for name in FACETS:
            rows = db.execute(
                f"SELECT docs.{name}, count(*) AS c FROM hits JOIN docs ON docs.rowid = hits.rowid "
                f"WHERE docs.{name} IS NOT NULL AND docs.{name} != '' GROUP BY docs.{name} "
                f"ORDER BY c DESC LIMIT 20").fetchall()
            facets[name] = [{"value": str(v), "count": c} for v, c in rows]
        top = db.execute(
            f"SELECT docs.id, docs.title, bm25(fts, 2.0, 1.0) AS score, "
            f"snippet(fts, 1, '<mark>', '</mark>', '…', 40) FROM fts JOIN docs ON docs.rowid = fts.rowid "
            f"WHERE {cond} ORDER BY score LIMIT 10", args).fetchall()
        hits = [{"id": i, "title": t, "score": -s, "snippet": snip} for i, t, s, snip in top]
        return {"total": total, "hits": hits, "facets": facets}

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None


# ------------------------------------------------------------------ Tantivy


def tantivy_available() -> bool:
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return False
    return True


class TantivyEngine:
    name = "Tantivy"

    def __init__(self, index_dir: str | Path):
        self.index_dir = Path(index_dir)
        self.index = None
        self.searcher = None

    @staticmethod
    def version() -> str:
        import tantivy

        return f"tantivy-py {getattr(tantivy, '__version__', '?')}"

    @staticmethod
    def schema():
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=True)
        builder.add_text_field("text", stored=True)
        for name in ("venue", "country", "language"):
            builder.add_text_field(name, stored=True, fast=True, tokenizer_name="raw")
        builder.add_integer_field("year", stored=True, indexed=True, fast=True)
        return builder.build()

    def build(self, corpus: str | Path, threads: int = 2) -> dict:
        import shutil

        import tantivy

        started = time.perf_counter()
        if self.index_dir.exists():
            shutil.rmtree(self.index_dir)
        self.index_dir.mkdir(parents=True)
        meta = read_meta(corpus)
        index = tantivy.Index(self.schema(), path=str(self.index_dir))
        writer = index.writer(heap_size=256_000_000, num_threads=threads)
        count = 0
        for rec in read_corpus(corpus):
            m = meta.get(rec.id, {})
            doc = tantivy.Document(id=rec.id, title=rec.title, text=rec.text, venue=m.get("venue") or "",
                                   country=m.get("country") or "", language=m.get("lang") or "",
                                   year=m.get("year") or 0)
            writer.add_document(doc)
            count += 1
        writer.commit()
        writer.wait_merging_threads()
        return {"articles": count, "seconds": time.perf_counter() - started, "index_bytes": dir_bytes(self.index_dir)}

    def open(self) -> None:
        import tantivy

        self.index = tantivy.Index.open(str(self.index_dir))
        self.index.reload()
        self.searcher = self.index.searcher()

    def query(self, spec: QuerySpec):
        import tantivy

        index = self.index
        if spec.phrase:
            text_query = index.parse_query('"' + " ".join(spec.words) + '"', ["title", "text"])
        elif spec.fuzzy:
            text_query = index.parse_query(spec.words[0], ["title", "text"],
                                           fuzzy_fields={"title": (False, 2, True), "text": (False, 2, True)})
        else:
            text_query = index.parse_query(" ".join(spec.words), ["title", "text"], conjunction_by_default=True)
        parts = [(tantivy.Occur.Must, text_query)]
        schema = index.schema
        for key, name in (("lang", "language"), ("country", "country"), ("venue", "venue")):
            if spec.filters.get(key):
                parts.append((tantivy.Occur.Must, tantivy.Query.term_query(schema, name, spec.filters[key])))
        if spec.year_from is not None:
            parts.append((tantivy.Occur.Must, tantivy.Query.range_query(
                schema, "year", tantivy.FieldType.Integer, spec.year_from, spec.year_to)))
        return text_query, tantivy.Query.boolean_query(parts)

    def search(self, spec: QuerySpec) -> dict:
        import tantivy

        searcher = self.searcher
        text_query, query = self.query(spec)
        result = searcher.search(query, 10, count=True)
        aggs = searcher.aggregate(query, {name: {"terms": {"field": name, "size": 20}} for name in FACETS})
        facets = {
            name: [{"value": str(b["key"]), "count": b["doc_count"]} for b in aggs[name]["buckets"]
                   if b["key"] not in ("", 0)]
            for name in FACETS
        }
        generator = tantivy.SnippetGenerator.create(searcher, text_query, self.index.schema, "text")
        hits = []
        for score, address in result.hits:
            doc = searcher.doc(address)
            hits.append({"id": doc["id"][0], "title": (doc["title"] or [""])[0], "score": score,
                         "snippet": generator.snippet_from_doc(doc).to_html()})
        return {"total": result.count, "hits": hits, "facets": facets}

    def close(self) -> None:
        self.searcher = None
        self.index = None
