"""Build: archive paths in, a new Whoosh index generation swapped in, and a
`ReindexReport` (added, changed, removed, unchanged, failed) out.

Articles whose content hash is unchanged since the live index keep their
stored record instead of going through the pipeline again, unless `full`.
"""
from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

from whoosh import index as whoosh_index

from . import clean, config, duplicates, limits, quote_index, schema, sources, storage
from .model import Article, Document, Failure, ReindexReport
from .pipeline import process

# Bump when the pipeline's output changes, so stored records are rebuilt.
PIPELINE_VERSION = "3"
META_FILE = "archivist.json"

Progress = Callable[[Iterable], Iterable]


class NoInput(Exception):
    """A path given to reindex does not exist."""


def previous_records(index_dir: Path) -> dict[str, tuple[str, str]]:
    """id -> (content_hash, stored record) of the live index, if it was built by this pipeline."""
    live = storage.live_dir(index_dir)
    if live is None or not whoosh_index.exists_in(str(live)):
        return {}
    try:
        meta = json.loads((live / META_FILE).read_text())
        if meta.get("pipeline_version") != PIPELINE_VERSION:
            return {}
        with whoosh_index.open_dir(str(live)).searcher() as searcher:
            return {
                fields["id"]: (fields.get("content_hash", ""), fields.get("record", ""))
                for fields in searcher.all_stored_fields()
            }
    except Exception:  # a damaged live index: rebuild everything rather than trust any of it
        return {}


def source_group(doc: Document) -> str:
    """Articles from one site or one folder share their boilerplate."""
    if doc.url:
        return urlsplit(doc.url).netloc.lower()
    return Path(doc.source).parent.as_posix()


def repeated_by_source(docs: list[Document]) -> dict[str, set[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        groups[source_group(doc)].append(doc.text)
    return {group: clean.repeated_lines(texts) for group, texts in groups.items()}


def document_fields(article: Article, record: str, group: tuple[str, int]) -> dict:
    return {
        "id": article.id,
        "title": article.title,
        "text": article.text,
        "quotes": "\n".join(q.text for q in article.quotes),
        "fold": article.title + "\n" + article.text,
        "exact": "\n".join([article.title, article.text, *(q.text for q in article.quotes)]),
        "speaker": "\n".join(sorted({q.speaker for q in article.quotes if q.speaker})),
        "venue_name": article.venue,
        "city_name": article.city,
        "country_name": article.country,
        "venue": article.venue,
        "city": article.city,
        "country": article.country,
        "language": article.language,
        "year": article.year if article.year is not None else 0,
        "date": sort_date(article),
        "mentioned": " ".join(sorted({d[:4] for d in article.dates_mentioned})),
        "group": group[0],
        "copies": group[1],
        "content_hash": article.content_hash,
        "record": record,
    }


def sort_date(article: Article) -> str:
    return article.published or (str(article.year) if article.year else "")


def read_all(files, progress: Progress | None, report: ReindexReport) -> list[Document]:
    """Every document of every file; a file that cannot be read goes into the report."""
    docs: list[Document] = []
    for file in progress(files) if progress else files:
        try:
            with limits.time_limit(config.SECONDS_PER_FILE):
                docs.extend(sources.read_file(file))
        except (sources.SourceError, limits.TimeUp) as exc:
            report.failed.append(Failure(source=file.path.as_posix(), reason=str(exc)))
        except RecursionError:
            report.failed.append(Failure(source=file.path.as_posix(), reason="structure nested too deeply to read"))
    return docs


def process_all(docs: list[Document], before: dict, report: ReindexReport) -> list[tuple[Article, str]]:
    """(article, JSON record) for each document: reused when its content is unchanged."""
    boilerplate = repeated_by_source(docs)
    done: list[tuple[Article, str]] = []
    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen:
            report.failed.append(Failure(source=doc.source, reason=f"duplicate article id '{doc.id}'"))
            continue
        seen.add(doc.id)
        old_hash, old_record = before.get(doc.id, ("", ""))
        if old_hash == doc.content_hash and old_record:
            done.append((Article.from_json(json.loads(old_record)), old_record))
            report.unchanged.append(doc.id)
            continue
        try:
            with limits.time_limit(config.SECONDS_PER_FILE):
                article = process(doc, boilerplate.get(source_group(doc), set()))
        except (limits.TimeUp, RecursionError) as exc:
            reason = str(exc) if isinstance(exc, limits.TimeUp) else "text nested too deeply to process"
            report.failed.append(Failure(source=doc.source, reason=f"{doc.id}: {reason}"))
            continue
        done.append((article, json.dumps(article.to_json(), ensure_ascii=False)))
        (report.changed if doc.id in before else report.added).append(doc.id)
    report.removed = sorted(set(before) - seen)
    return done


def write_index(generation: Path, articles: list[tuple[Article, str]]) -> None:
    groups = duplicates.group([duplicates.Item(a.id, a.text, sort_date(a)) for a, _ in articles])
    ix = whoosh_index.create_in(str(generation), schema.build_schema())
    writer = ix.writer(limitmb=256)
    try:
        for article, record in articles:
            writer.add_document(**document_fields(article, record, groups[article.id]))
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    quote_index.write(generation, [article for article, _ in articles])
    (generation / META_FILE).write_text(json.dumps({"pipeline_version": PIPELINE_VERSION, "built": time.time()}))


def reindex(
    paths: list[str | Path],
    index_dir: str | Path,
    full: bool = False,
    progress: Progress | None = None,
) -> ReindexReport:
    """Index every article under `paths` into a new generation of `index_dir`."""
    started = time.monotonic()
    index_dir = Path(index_dir)
    try:
        files = sources.discover(paths)
    except FileNotFoundError as exc:
        raise NoInput(str(exc)) from None
    with storage.reindex_lock(index_dir):
        before = {} if full else previous_records(index_dir)
        report = ReindexReport()
        articles = process_all(read_all(files, progress, report), before, report)
        if not articles and report.failed:
            # Every file failed: keep serving the index we had rather than an empty one.
            report.removed = []
            report.seconds = round(time.monotonic() - started, 3)
            return report
        generation = storage.new_generation(index_dir)
        try:
            write_index(generation, articles)
        except BaseException:
            storage.discard(generation)
            raise
        storage.swap_in(index_dir, generation)
    report.seconds = round(time.monotonic() - started, 3)
    return report
