"""Build: archive paths in, a new index generation swapped in, and a
`ReindexReport` (added, changed, removed, unchanged, failed) out.

Only new and changed files (by content hash, against the live generation's
catalog) go through the pipeline; the new generation starts as a hard-linked
copy of the live one and is updated in place by the backend (backend.Changes:
ids out, articles and their quotes in). `full` rebuilds everything.
"""
from __future__ import annotations

import gc
import json
import multiprocessing
import multiprocessing.pool
import os
import signal
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import backend, catalog, clean, config, duplicates, limits, quote_index, sources, storage, venues
from .catalog import Catalog, FileStamps, Stamp
from .model import Article, Document, Failure, ReindexReport
from .pipeline import process, warm_up
from .spool import Chained, InMemory, Spool

# Bump when the pipeline's output changes, so every article is rebuilt.
PIPELINE_VERSION = "18"
# Bump when the files' layout changes (fields, their analysis): an index of another format is not
# read, and the next reindex rebuilds it from scratch.
# 2: the quote index files each speaker by name and role (speaker_key); 3: no module path of
# Archivist in the index's table of contents (indexer/whoosh/indexes.py); 4: the exact field is
# stored (a long phrase is checked in it); 5: the common pairs of the exact text (a phrase's candidates);
# 6: the pairs kept without counts; 7: the exact field no longer stored, its terms hashed in a column
# instead (a long phrase is checked there); 8: title, text and quotes without positions (phrases are the
# exact field's)
INDEX_FORMAT = 8
META_FILE = "archivist.json"

Progress = Callable[[Iterable], Iterable]


class NoInput(Exception):
    """A path given to reindex does not exist."""


def engine() -> backend.Backend:
    return backend.load(config.ENGINE)


def source_group(doc: Document) -> str:
    """Articles from one site or one folder share their boilerplate."""
    if doc.url:
        return urlsplit(doc.url).netloc.lower()
    return Path(doc.source).parent.as_posix()


class RepeatedBySource:
    """Boilerplate learnt as documents stream by: each source's lines counted (clean.RepeatedLines)."""

    def __init__(self):
        self.counters: dict[str, clean.RepeatedLines] = defaultdict(clean.RepeatedLines)

    def add(self, doc: Document) -> None:
        self.counters[source_group(doc)].add(doc.text)

    def lines(self) -> dict[str, set[str]]:
        return {group: counter.lines() for group, counter in self.counters.items()}


def document_fields(article: Article, record: str, group: tuple[str, int]) -> dict:
    return {
        "id": article.id,
        "title": article.title,
        "text": article.text,
        "quotes": "\n".join(q.text for q in article.quotes),
        "fold": article.title + "\n" + article.text,
        "exact": "\n".join([article.title, article.text, *(q.text for q in article.quotes)]),
        "speaker": "\n".join(sorted({q.speaker for q in article.quotes if q.speaker})),
        "venue_name": "\n".join(venues.names_of(article.venue)),
        "city_name": article.city,
        "country_name": article.country,
        "venue": article.venue,
        "city": article.city,
        "country": article.country,
        "language": article.language,
        "year": article.year if article.year is not None else 0,
        "date": article.sort_date,
        "mentioned": " ".join(sorted({d[:4] for d in article.dates_mentioned})),
        "group": group[0],
        "copies": group[1],
        "content_hash": article.content_hash,
        "record": record,
    }


@dataclass
class Scan:
    """What reading the input found besides documents: ids of files unchanged since the last build
    (not read again), and the stamps of the files read or kept cleanly."""

    kept: list[str] = field(default_factory=list)
    stamps: FileStamps = field(default_factory=FileStamps)


def read_documents(files, progress: Progress | None, report: ReindexReport, scan: Scan,
                   known: FileStamps | None = None, seen: set[str] | None = None) -> Iterator[Document]:
    """Every document of every file, each id once, as the files are read; what cannot be read goes
    into the report. A file the last build read cleanly (`known`) and whose size and time are
    unchanged is not read again: its articles' ids go to `scan.kept`. `seen` gets every id met."""
    seen = set() if seen is None else seen
    known = known or FileStamps()
    for file in progress(files) if progress else files:
        key = file.key
        stamp = known.get(key)
        if stamp is not None and stamp.matches(file.path) and seen.isdisjoint(stamp.ids):
            seen.update(stamp.ids)
            scan.kept.extend(stamp.ids)
            scan.stamps.add(key, stamp)
            continue
        failures_before = len(report.failed)
        try:
            with limits.time_limit(config.SECONDS_PER_FILE):
                found = sources.read_file(file)
        except (sources.SourceError, limits.TimeUp) as exc:
            report.failed.append(Failure(source=file.source, reason=str(exc)))
            continue
        except RecursionError:
            report.failed.append(Failure(source=file.source, reason="structure nested too deeply to read"))
            continue
        report.failed.extend(getattr(found, "failures", ()))  # bad records (lines) of a readable file
        for doc in found:
            if doc.id in seen:
                report.failed.append(Failure(source=doc.source, reason=f"duplicate article id '{doc.id}'"))
            else:
                seen.add(doc.id)
                yield doc
        if len(report.failed) == failures_before:  # a file with a failure is read again, and reported again
            scan.stamps.add(key, Stamp.of(file.path, tuple(doc.id for doc in found)))


def process_one(task: tuple[Document, set[str]]) -> Article | Failure:
    doc, repeated = task
    if len(doc.text) > config.MAX_ARTICLE_CHARS:
        return Failure(source=doc.source, reason=(
            f"{doc.id}: article text of {len(doc.text):,} characters; the limit is {config.MAX_ARTICLE_CHARS:,}"))
    try:
        with limits.time_limit(config.SECONDS_PER_FILE):
            return process(doc, repeated)
    except limits.TimeUp as exc:
        return Failure(source=doc.source, reason=f"{doc.id}: {exc}")
    except RecursionError:
        return Failure(source=doc.source, reason=f"{doc.id}: text nested too deeply to process")
    except Exception as exc:  # a bug met on one article must not cost the others their place
        return Failure(source=doc.source, reason=f"{doc.id}: could not be processed ({type(exc).__name__}: {exc})")


Processed = tuple[Article | Failure, bytes | None]  # and the article's MinHash signature


def process_and_sign(task: tuple[Document, set[str]]) -> Processed:
    result = process_one(task)
    return result, duplicates.signature(result.text) if isinstance(result, Article) else None


def process_all(docs: list[Document], repeated: dict[str, set[str]], workers: int,
                pool: Callable[[], multiprocessing.pool.Pool] | None = None) -> list[Processed]:
    """The pipeline over every document, in the pool's processes when there is enough to share
    (`pool` gives the pool, waiting for it to be ready)."""
    tasks = [(doc, repeated.get(source_group(doc), set())) for doc in docs]
    if pool is None or len(tasks) < 50:
        return [process_and_sign(task) for task in tasks]
    return pool().map(process_and_sign, tasks, chunksize=max(1, min(config.PIPELINE_CHUNK, len(tasks) // (workers * 8))))


def start_worker() -> None:
    # A worker's collections would visit every object it inherited (the models' many), writing to
    # their pages and so copying them: they are set aside from its collections.
    gc.freeze()
    warm_up()  # done already in the server that forked it (indexer.preload): a check, in a few ms


@contextmanager
def pipeline_pool(workers: int) -> Iterator[Callable[[], multiprocessing.pool.Pool] | None]:
    """Worker processes for the pipeline, started now, in a thread, while this process finds and
    reads the input: what it yields gives the pool, waiting for it to be ready. The workers are
    forked by a server process that loads the pipeline's models and tables (indexer.preload) first.
    Forked from it rather than from this process, every worker shares one copy of the models and
    none inherits the build's heap, which grows with the archive; each retires after
    ARTICLES_PER_WORKER articles (its caches and heap grow too) and a fresh one takes its place."""
    if workers <= 1:
        yield None
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["indexer.preload"])
    retire_after = max(1, config.ARTICLES_PER_WORKER // config.PIPELINE_CHUNK)  # a task is a chunk
    starting = ThreadPoolExecutor(1)  # a pool's start waits for the server to have loaded everything
    ready = starting.submit(context.Pool, workers, initializer=start_worker, maxtasksperchild=retire_after)
    try:
        yield ready.result
    finally:
        # A build done before the pool is ready does not wait for it: the server is stopped (again,
        # should the start have launched one since) until the start gives up.
        while not ready.cancel() and not ready.done():
            stop_forkserver()
            wait([ready], timeout=0.05)
        if not ready.cancelled() and ready.exception() is None:
            ready.result().terminate()
        starting.shutdown()
        stop_forkserver()


def stop_forkserver() -> None:
    """The server holds the models (some 400 MB): it goes once the pipeline is done, before the
    writers fork, and at once: a small build may be done before the server has loaded them, and
    would otherwise wait for it. multiprocessing has no public way to stop it; where this one is
    missing, the server stays idle until the build's process exits."""
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    lock = getattr(server, "_lock", None)
    stop = getattr(server, "_stop_unlocked", None)
    if lock is None or stop is None:
        return
    # Under the server's lock: a server being launched has its pid only once the launch is done,
    # and stopping it without killing it waits for it to have loaded everything.
    with lock:
        pid = server._forkserver_pid
        if pid is not None:
            try:
                os.kill(pid, signal.SIGKILL)  # its workers are gone: nothing of it is wanted
            except ProcessLookupError:
                pass
        stop()


def copy_generation(live: Path, generation: Path) -> None:
    """A copy of the live index made of hard links: index files are never changed in place, only
    added and removed, so the live generation is untouched by what is done to the copy."""
    for path in live.rglob("*"):
        target = generation / path.relative_to(live)
        if path.is_dir():
            target.mkdir(exist_ok=True)
        elif path.name not in (catalog.FILE, META_FILE) and not path.name.endswith("WRITELOCK"):
            # Files this build rewrites are left out, so writing them cannot reach the live copy.
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, target)


def catalog_rows(articles: backend.ArticleBatches) -> catalog.Rows:
    rows = catalog.RowsBuilder()
    for batch in articles.batches():
        for article in batch:
            rows.add(article.id, article.content_hash, article.sort_date, duplicates.signature(article.text))
    return rows.rows()


def write(generation: Path, live: Path | None, articles: backend.ArticleBatches, removed: list[str], cat: Catalog,
          workers: int = 1, fresh: catalog.Rows | None = None) -> None:
    """Apply the new and changed articles and the removals to the generation, then save its catalog.
    `fresh` are the articles' catalog rows where already made (as the pipeline made them); else the
    articles are read once more, a batch at a time, to make them."""
    if fresh is None:
        fresh = catalog_rows(articles)
    cat.update(removed, fresh)
    # A file whose article failed in the pipeline is read again next time, and the article retried.
    cat.files = cat.files.where(lambda stamp: all(i in cat for i in stamp.ids))
    fresh_ids = set(fresh.ids)
    regrouped = [i for i in cat.regroup() if i not in fresh_ids]

    stored = {}  # unchanged articles whose group of copies changed: rewritten from their stored records
    restored = []
    if regrouped and live is not None:
        old = engine().open(live).reader()
        try:
            for article_id in regrouped:
                found = old.document(article_id)
                if found:
                    restored.append(Article.from_json(json.loads(found["record"])))
                    stored[article_id] = found["record"]
        finally:
            old.close()

    def article_document(article: Article) -> dict:
        record = stored.get(article.id) or json.dumps(article.to_json(), ensure_ascii=False)
        return document_fields(article, record, cat.group_of(article.id))

    replaced = [*removed, *fresh.ids, *stored] if live is not None else []
    written = Chained(articles, InMemory(restored, config.BUILD_BATCH)) if restored else articles
    changes = backend.Changes(replaced, written, article_document, quote_index.quote_documents)
    catalog.save_and_lighten(generation, cat)
    engine().write(generation, changes, workers)
    (generation / META_FILE).write_text(json.dumps({"pipeline_version": PIPELINE_VERSION, "index_format": INDEX_FORMAT,
                                                    "built": time.time()}))


def index_format(generation: Path | None) -> int | None:
    """The format a generation was written in (1 for those from before formats were written down),
    None where there is no generation."""
    if generation is None or not (generation / META_FILE).exists():
        return None
    try:
        return int(json.loads((generation / META_FILE).read_text()).get("index_format", 1))
    except (ValueError, TypeError, AttributeError):
        return 0  # unreadable: no format this code reads


def write_index(generation: Path, articles: list[tuple[Article, str]]) -> None:
    """A whole new index of these articles (for benchmarks and tests that make articles directly)."""
    write(generation, None, InMemory([a for a, _ in articles], config.BUILD_BATCH), [], Catalog(PIPELINE_VERSION))


def reindex(
    paths: list[str | Path],
    index_dir: str | Path,
    full: bool = False,
    progress: Progress | None = None,
    workers: int = 1,
) -> ReindexReport:
    """Index every article under `paths` into a new generation of `index_dir`, the pipeline in
    `workers` processes. Those are started as multiprocessing's forkserver starts processes: a script
    that calls this with workers > 1 keeps its own work under `if __name__ == "__main__":`."""
    started = time.monotonic()
    index_dir = Path(index_dir)
    try:
        files = sources.discover(paths)
    except FileNotFoundError as exc:
        raise NoInput(str(exc)) from None
    with storage.reindex_lock(index_dir):
        live = storage.live_dir(index_dir)
        if index_format(live) not in (None, INDEX_FORMAT):
            full = True  # another format: nothing of it can be reused
        previous = None if full else catalog.load(live, PIPELINE_VERSION)
        if previous is not None and not engine().exists(live):
            previous = None
        report = ReindexReport()
        known = previous.repeated if previous else {}  # boilerplate is learnt from a source's first build
        scan = Scan()
        # The documents to process wait on disk, and the articles made of them too: the build holds
        # a batch of them at a time, whatever the archive's size.
        with Spool(config.BUILD_BATCH, index_dir.parent) as todo, Spool(config.BUILD_BATCH, index_dir.parent) as done:
            with pipeline_pool(workers) as pool:  # its processes warm up while this one reads
                read, repeated = read_into(todo, files, progress, report, scan, previous, known)
                fresh = process_into(done, todo, repeated, previous, report, workers, pool)
            every_file_failed = not read and not scan.kept and bool(report.failed)
            nothing_changed = previous is not None and not len(done) and not report.removed
            if every_file_failed or nothing_changed:
                if every_file_failed:
                    report.removed = []  # the index we had keeps serving: nothing left it
                report.seconds = round(time.monotonic() - started, 3)
                return report
            limits.give_back_memory()  # what reading and the pipeline freed, before the writers fork
            generation = storage.new_generation(index_dir)
            try:
                cat = previous or Catalog(PIPELINE_VERSION)
                cat.repeated = repeated
                cat.files = scan.stamps
                if previous is not None:
                    copy_generation(live, generation)
                write(generation, live if previous else None, done, report.removed, cat, workers, fresh)
            except BaseException:
                storage.discard(generation)
                raise
        storage.swap_in(index_dir, generation)
    report.seconds = round(time.monotonic() - started, 3)
    return report


def read_into(todo: Spool, files, progress: Progress | None, report: ReindexReport, scan: Scan,
              previous: Catalog | None, known: dict[str, set[str]]) -> tuple[int, dict[str, set[str]]]:
    """Read every file: the new and changed documents into `todo`, the unchanged ones into the
    report. Returns how many documents were read and the boilerplate lines of every source (learnt
    now from the sources this build meets first)."""
    learning = RepeatedBySource()
    read, seen = 0, set()
    for doc in read_documents(files, progress, report, scan, previous.files if previous else None, seen):
        read += 1
        if source_group(doc) not in known:
            learning.add(doc)
        if previous is not None and previous.unchanged(doc.id, doc.content_hash):
            report.unchanged.append(doc.id)
        else:
            todo.add(doc)
    report.unchanged += scan.kept
    if previous is not None:  # the kept ids are among those seen
        report.removed = sorted(i for i in previous.rows.ids if i not in seen)
    return read, {**learning.lines(), **known}


def process_into(done: Spool, todo: Spool, repeated: dict[str, set[str]], previous: Catalog | None,
                 report: ReindexReport, workers: int, pool) -> catalog.Rows:
    """The pipeline over the documents of `todo`, a batch at a time: articles into `done`, failures
    into the report. Returns the articles' catalog rows."""
    fresh = catalog.RowsBuilder(Path(done.path).parent)
    for batch in todo.batches():
        for doc, (result, signature) in zip(batch, process_all(batch, repeated, workers, pool)):
            if isinstance(result, Failure):
                report.failed.append(result)
                continue
            done.add(result)
            fresh.add(result.id, result.content_hash, result.sort_date, signature)
            (report.changed if previous is not None and result.id in previous else report.added).append(result.id)
    done.flush()  # forked writers read it
    return fresh.rows()
