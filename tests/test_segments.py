"""FastSegmentWriter must write what Whoosh's own SegmentWriter writes: the same
terms, postings (in blocks, past the 128-posting block limit), statistics,
field lengths, stored fields and columns, on its own and when it merges."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from indexer import build, config, schema, sources, storage
from indexer.backend import WriteFailed
from indexer.pipeline import process
from indexer.whoosh import indexes, segments, writing
from indexer.whoosh.schema import article_schema
from indexer.whoosh.segments import FastSegmentWriter

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def documents() -> list[dict]:
    """The seed articles, and 300 more made of their paragraphs, so that common terms fill several blocks."""
    files = sources.discover([ROOT / "archive"])
    seeds = [doc for f in files if f.path.name[:4] in ("000_", "001_", "002_", "003_") for doc in sources.read_file(f)]
    articles = [process(doc) for doc in seeds]
    paragraphs = [p for a in articles for p in a.paragraphs]
    rng = random.Random(5)
    docs = [build.document_fields(a, "{}", (a.id, 1)) for a in articles]
    for n in range(300):
        chosen = rng.sample(paragraphs, 4)
        text = "\n\n".join(p.text for p in chosen)
        docs.append({**docs[n % len(articles)], "id": f"made-{n}", "text": text, "exact": text, "fold": text,
                     "year": 1990 + n % 30, "group": f"made-{n % 7}", "copies": n % 3})
    return docs


def contents(index_dir: Path, ix=None) -> dict:
    """Everything a reader sees, by field and term, document and field (through Whoosh's own reading
    unless another `ix` of the folder is given)."""
    ix = ix or whoosh_index.open_dir(str(index_dir))
    with ix.reader() as reader:
        terms = {}
        for fieldname, btext in reader.all_terms():
            info = reader.term_info(fieldname, btext)
            matcher = reader.postings(fieldname, btext)
            postings = []
            while matcher.is_active():
                postings.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            terms[(fieldname, btext)] = (postings, info.weight(), info.doc_frequency(), info.min_length(),
                                         info.max_length(), info.max_weight(), info.min_id(), info.max_id())
        docs = [(reader.stored_fields(d), {f: reader.doc_field_length(d, f) for f in schema.TEXT_FIELDS})
                for d in reader.all_doc_ids()]
        columns = {name: list(reader.column_reader(name, translate=False)) for name in ("group", "venue", "year", "mentioned")}
        return {"terms": terms, "docs": docs, "columns": columns, "doc_count": reader.doc_count()}


def write(index_dir: Path, writer_class, batches: list[list[dict]], deleted: list[str] = ()) -> Path:
    index_dir.mkdir()
    ix = whoosh_index.create_in(str(index_dir), article_schema())
    for n, batch in enumerate(batches):
        writer = writer_class(ix)
        for doc_id in deleted if n else ():
            writer.delete_by_term("id", doc_id)
        for fields in batch:
            writer.add_document(**fields)
        writer.commit(optimize=n == len(batches) - 1 and n > 0)
    return index_dir


def test_one_segment_is_what_whoosh_writes(tmp_path, documents):
    fast = contents(write(tmp_path / "fast", FastSegmentWriter, [documents]))
    whoosh = contents(write(tmp_path / "whoosh", SegmentWriter, [documents]))
    assert fast["doc_count"] == len(documents)
    assert max(len(postings) for postings, *_ in fast["terms"].values()) > 128  # several blocks were written
    assert fast == whoosh


def test_segments_are_read_from_their_memory_map_with_what_whoosh_reads_from_its_copies(tmp_path, documents):
    from indexer.whoosh.mapped import ViewFile

    folder = write(tmp_path / "fast", FastSegmentWriter, [documents[:150], documents[150:]])
    ix = indexes.articles(folder)
    with ix.reader() as reader:
        segment_reader = reader.readers()[0] if hasattr(reader, "readers") else reader
        assert isinstance(segment_reader._terms._dbfile, ViewFile)  # the terms file is a view, not a copy
    assert contents(folder, ix) == contents(folder)


def test_merging_and_deleting_give_what_whoosh_gives(tmp_path, documents):
    batches = [documents[:150], documents[150:]]
    deleted = [documents[3]["id"], "made-10"]
    fast = contents(write(tmp_path / "fast", FastSegmentWriter, batches, deleted))
    whoosh = contents(write(tmp_path / "whoosh", SegmentWriter, batches, deleted))
    assert fast["doc_count"] == len(documents) - 2
    assert fast == whoosh


SAMPLE_FILES = sorted((ROOT / "archive").rglob("*.txt"))  # the sample archive's text files


def put(archive: Path, files: list[Path]) -> None:
    """Copy these files of the sample archive into `archive` (made if missing)."""
    archive.mkdir(exist_ok=True)
    for path in files:
        (archive / path.name).write_bytes(path.read_bytes())


def contents_by_id(index_dir: Path, key: str) -> dict:
    """What a reader sees, with documents named by their ids instead of their numbers in one segment."""
    ix = whoosh_index.open_dir(str(index_dir))
    with ix.reader() as reader:
        ids = {d: reader.stored_fields(d)[key] for d in reader.all_doc_ids()}
        terms = {}
        for fieldname, btext in reader.all_terms():
            matcher = reader.postings(fieldname, btext)
            postings = []
            while matcher.is_active():
                postings.append((ids[matcher.id()], matcher.weight(), matcher.value()))
                matcher.next()
            if postings:  # a term whose documents are all deleted stays in its segment's dictionary
                terms[(fieldname, btext)] = sorted(postings)
        docs = {ids[d]: reader.stored_fields(d) for d in reader.all_doc_ids()}
        return {"terms": terms, "docs": docs}


def test_a_new_index_written_by_two_processes_holds_what_one_writes(tmp_path):
    archive = tmp_path / "archive"
    put(archive, SAMPLE_FILES[: writing.PARALLEL_WRITE_FROM + 20])
    built = {}
    for workers in (1, 2):
        report = build.reindex([archive], tmp_path / f"index{workers}", workers=workers)
        assert not report.failed
        built[workers] = storage.live_dir(tmp_path / f"index{workers}")
    two_segments = whoosh_index.open_dir(str(built[2]))
    assert len(two_segments._segments()) == 2
    assert two_segments.doc_count() == writing.PARALLEL_WRITE_FROM + 20
    assert contents_by_id(built[2], "id") == contents_by_id(built[1], "id")
    assert contents_by_id(built[2] / "quotes", "key") == contents_by_id(built[1] / "quotes", "key")


def built_by_one_writer_and_by_two(tmp_path: Path, monkeypatch, **settings) -> tuple[Path, Path]:
    """The live generations of the same archive built by one writer and, with these config settings,
    by forked writers two at a time; both builds found every article."""
    archive = tmp_path / "archive"
    put(archive, SAMPLE_FILES[: writing.PARALLEL_WRITE_FROM + 20])
    one = build.reindex([archive], tmp_path / "one", workers=1)
    for name, value in settings.items():
        monkeypatch.setattr(config, name, value)
    two = build.reindex([archive], tmp_path / "two", workers=2)
    assert not one.failed and not two.failed and sorted(two.added) == sorted(one.added)
    return storage.live_dir(tmp_path / "one"), storage.live_dir(tmp_path / "two")


def assert_same_contents(generation: Path, other: Path) -> None:
    assert contents_by_id(generation, "id") == contents_by_id(other, "id")
    assert contents_by_id(generation / "quotes", "key") == contents_by_id(other / "quotes", "key")


def test_a_build_in_bounded_segments_holds_what_one_writer_writes(tmp_path, monkeypatch):
    # Small batches and a small bound on a writer's postings: each process rolls over to new segments
    single, many = built_by_one_writer_and_by_two(tmp_path, monkeypatch, BUILD_BATCH=16, MAX_SEGMENT_POSTINGS=20_000)
    assert len(indexes.articles(many)._segments()) > 4
    assert len(indexes.quotes(many)._segments()) > 1
    assert_same_contents(many, single)


def test_a_build_written_by_a_succession_of_writer_processes_holds_what_one_writer_writes(tmp_path, monkeypatch):
    # Batches of 16 articles and at most 32 articles a writer process: 15 batches in 8 shares, each
    # written by its own process, two at a time, each forked when one before it has finished.
    forked = []
    fork_writer = segments._fork_writer
    monkeypatch.setattr(segments, "_fork_writer", lambda *args: forked.append(args[2]) or fork_writer(*args))
    single, many = built_by_one_writer_and_by_two(tmp_path, monkeypatch, BUILD_BATCH=16, ARTICLES_PER_WRITER=32)
    batches = -(-(writing.PARALLEL_WRITE_FROM + 20) // 16)
    assert forked[0] == 0  # the one writer's build: a forked process too, writing everything
    assert sorted(forked[1:]) == list(range(2 * -(-batches // 4))) and len(forked) > 3
    assert len(indexes.articles(many)._segments()) == len(forked) - 1
    assert_same_contents(many, single)


def test_full_segments_are_left_alone_by_the_merge_policy(tmp_path, monkeypatch):
    monkeypatch.setattr(segments, "FULL_SEGMENT_DOCS", 20)
    monkeypatch.setattr(segments, "MAX_SEGMENTS_PER_TIER", 1)
    archive = tmp_path / "archive"
    files = SAMPLE_FILES[:80]
    put(archive, files[:60])
    index = tmp_path / "index"
    monkeypatch.setattr(writing, "PARALLEL_WRITE_FROM", 2)
    build.reindex([archive], index, workers=2)  # two segments of 30: full
    before = {s.segid for s in indexes.articles(storage.live_dir(index))._segments()}
    for path in files[60:63]:  # small updates: merged among themselves, never into the full ones
        put(archive, [path])
        build.reindex([archive], index)
    after = indexes.articles(storage.live_dir(index))._segments()
    assert before <= {s.segid for s in after}
    assert sum(s.doc_count() for s in after) == 63


def test_segments_a_writer_rolled_over_at_its_bound_are_full_whatever_their_number_of_documents(tmp_path, monkeypatch):
    # Long articles fill a writer's postings in few documents: its rolled segments are as full as
    # segments get, and merging them on an update would rewrite the archive in one writer's memory.
    monkeypatch.setattr(config, "MAX_SEGMENT_POSTINGS", 4_000)
    monkeypatch.setattr(segments, "MAX_SEGMENTS_PER_TIER", 2)
    monkeypatch.setattr(writing, "PARALLEL_WRITE_FROM", 2)
    archive = tmp_path / "archive"
    files = SAMPLE_FILES[:70]
    put(archive, files[:60])
    index = tmp_path / "index"
    build.reindex([archive], index, workers=2)
    rolled = {s.segid for s in indexes.articles(storage.live_dir(index))._segments() if getattr(s, "rolled", False)}
    assert len(rolled) > segments.MAX_SEGMENTS_PER_TIER + 1  # a tier's worth, were they tiered
    for path in files[60:70]:  # small updates, one article each: merged among themselves only
        put(archive, [path])
        build.reindex([archive], index)
    after = indexes.articles(storage.live_dir(index))._segments()
    assert rolled <= {s.segid for s in after}
    assert len(after) <= len(rolled) + 2 * (segments.MAX_SEGMENTS_PER_TIER + 1)  # the small ones were merged
    assert sum(s.doc_count() for s in after) == 70


def test_skipping_by_bisection_lands_where_whoosh_lands(tmp_path, documents):
    from whoosh.codec.whoosh3 import W3LeafMatcher

    ix = indexes.open_or_create(write(tmp_path / "fast", FastSegmentWriter, [documents]), article_schema())
    rng = random.Random(3)
    with ix.reader() as reader:
        segment = reader.leaf_readers()[0][0] if hasattr(reader, "leaf_readers") else reader
        terms = [t for t in reader.all_terms() if t[0] == "exact" and reader.doc_frequency(*t) > 40]
        assert terms
        for fieldname, btext in rng.sample(terms, min(30, len(terms))):
            fast = segment.postings(fieldname, btext)
            info = segment.term_info(fieldname, btext)
            offset, length = info.extent()
            slow = W3LeafMatcher(fast._postfile, offset, length, fast.format)
            assert type(fast).__name__ == "SkippingLeafMatcher"
            target = 0
            while fast.is_active() and slow.is_active():
                target += rng.randint(1, 40)
                fast.skip_to(target)
                slow.skip_to(target)
                assert fast.is_active() == slow.is_active()
                if fast.is_active():
                    assert (fast.id(), fast.weight(), fast.value()) == (slow.id(), slow.weight(), slow.value())


def test_a_writer_process_that_fails_fails_the_reindex_and_the_live_index_stays(tmp_path, monkeypatch):
    archive = tmp_path / "archive"
    files = SAMPLE_FILES[: writing.PARALLEL_WRITE_FROM + 20]
    put(archive, files[:10])
    build.reindex([archive], tmp_path / "index")
    live = storage.live_dir(tmp_path / "index")
    put(archive, files[10:])

    def failing(article):
        raise OSError("disk full")

    monkeypatch.setattr(build.quote_index, "quote_documents", failing)
    with pytest.raises(WriteFailed, match="OSError: disk full"):
        build.reindex([archive], tmp_path / "index", workers=2)
    assert storage.live_dir(tmp_path / "index") == live
    assert storage.generations(tmp_path / "index") == [live]
    assert whoosh_index.open_dir(str(live)).doc_count() == 10


def test_small_segments_from_many_updates_are_merged(tmp_path):
    archive = tmp_path / "archive"
    files = SAMPLE_FILES[:120]
    put(archive, files[:100])
    index = tmp_path / "index"
    build.reindex([archive], index)
    counts = []
    for path in files[100:]:  # one article more each time: a small segment each time
        put(archive, [path])
        build.reindex([archive], index)
        counts.append(len(whoosh_index.open_dir(str(storage.live_dir(index)))._segments()))
    assert max(counts) <= 2 * (segments.MAX_SEGMENTS_PER_TIER + 1), str(counts)
    assert any(later < earlier for earlier, later in zip(counts, counts[1:]))  # merged at least once
    ix = whoosh_index.open_dir(str(storage.live_dir(index)))
    assert ix.doc_count() == 120
    quotes = whoosh_index.open_dir(str(storage.live_dir(index) / "quotes"))
    assert len(quotes._segments()) <= 2 * (segments.MAX_SEGMENTS_PER_TIER + 1)


def test_updates_written_in_parallel_and_merged_hold_what_one_build_holds(tmp_path, monkeypatch):
    monkeypatch.setattr(writing, "PARALLEL_WRITE_FROM", 2)  # small updates take the parallel path
    monkeypatch.setattr(segments, "MAX_SEGMENTS_PER_TIER", 2)  # and merges come soon
    archive = tmp_path / "archive"
    files = SAMPLE_FILES[:60]
    put(archive, files[:30])
    index = tmp_path / "index"
    build.reindex([archive], index, workers=2)
    counts = []
    for start in range(30, 60, 5):  # five articles more each time, one removed
        put(archive, files[start : start + 5])
        (archive / files[start - 30].name).unlink()
        build.reindex([archive], index, workers=2)
        counts.append(len(whoosh_index.open_dir(str(storage.live_dir(index)))._segments()))
    assert any(later < earlier for earlier, later in zip(counts, counts[1:]))  # merged at least once
    build.reindex([archive], tmp_path / "once", full=True)
    live, once = storage.live_dir(index), storage.live_dir(tmp_path / "once")
    assert contents_by_id(live, "id") == contents_by_id(once, "id")
    assert contents_by_id(live / "quotes", "key") == contents_by_id(once / "quotes", "key")
