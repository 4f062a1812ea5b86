import gc
import json
import os
import shutil
import sys
import time

import psutil
import pytest

import indexer
from indexer import build, config, russian_syntax, storage
from indexer.model import Failure

from conftest import SEED_IDS, SEEDS


@pytest.fixture()
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for path in SEEDS:
        shutil.copy(path, folder / path.name)
    return folder


def test_first_reindex_adds_every_article(archive, tmp_path):
    report = indexer.reindex([archive], tmp_path / "index")
    assert (report.added, report.changed, report.removed, report.unchanged, report.failed) == (
        SEED_IDS, [], [], [], []
    )
    assert indexer.open_index(tmp_path / "index").search("").total == 4


def test_second_reindex_reports_changes(archive, tmp_path):
    index = tmp_path / "index"
    indexer.reindex([archive], index)
    (archive / SEEDS[0].name).write_text("A new title\n\nA new body about the Golden Horde.")
    (archive / SEEDS[1].name).unlink()
    (archive / "004_new.txt").write_text("Another article\n\nAbout the yurtmakers.")
    report = indexer.reindex([archive], index)
    assert report.to_json() | {"seconds": 0} == {
        "added": ["004_new"],
        "changed": [SEED_IDS[0]],
        "removed": [SEED_IDS[1]],
        "unchanged": SEED_IDS[2:],
        "failed": [],
        "seconds": 0,
    }
    ix = indexer.open_index(index)
    assert ix.article(SEED_IDS[1]) is None
    assert [h.id for h in ix.search("golden horde", match="all").hits] == [SEED_IDS[0]]


def test_full_reindex_processes_everything_again(archive, tmp_path):
    indexer.reindex([archive], tmp_path / "index")
    report = indexer.reindex([archive], tmp_path / "index", full=True)
    assert report.added == SEED_IDS and report.unchanged == []


def test_bad_file_is_reported_and_the_rest_indexed(archive, tmp_path):
    (archive / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (archive / "empty.txt").write_bytes(b"")
    report = indexer.reindex([archive], tmp_path / "index")
    assert report.added == SEED_IDS
    assert report.failed == [
        Failure(source="archive/broken.txt", reason="binary data, not text"),
        Failure(source="archive/empty.txt", reason="empty file"),
    ]


def test_when_every_file_fails_the_old_index_stays(archive, tmp_path):
    index = tmp_path / "index"
    indexer.reindex([archive], index)
    live = storage.live_dir(index)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"")
    report = indexer.reindex([bad], index)
    assert report.indexed == 0 and len(report.failed) == 1
    assert storage.live_dir(index) == live
    assert indexer.open_index(index).search("").total == 4


def test_swap_keeps_live_and_previous_generation_only(archive, tmp_path):
    index = tmp_path / "index"
    built = []
    for _ in range(3):
        indexer.reindex([archive], index, full=True)
        built.append(storage.live_dir(index))
    assert index.is_symlink()
    assert storage.generations(index) == sorted(built[1:])
    meta = json.loads((built[-1] / "archivist.json").read_text())
    assert meta["pipeline_version"]


def test_open_searcher_follows_a_swap(archive, tmp_path):
    index = tmp_path / "index"
    indexer.reindex([archive], index)
    ix = indexer.open_index(index)
    assert ix.search("yurtmakers").total == 0
    (archive / "004_new.txt").write_text("Another article\n\nAbout the yurtmakers.")
    indexer.reindex([archive], index)
    assert [h.id for h in ix.search("yurtmakers").hits] == ["004_new"]


def test_a_second_reindex_while_one_runs_is_refused(archive, tmp_path):
    index = tmp_path / "index"
    with storage.reindex_lock(index):
        with pytest.raises(indexer.IndexLocked):
            indexer.reindex([archive], index)


def test_missing_path_raises_no_input(tmp_path):
    with pytest.raises(indexer.NoInput):
        indexer.reindex([tmp_path / "missing"], tmp_path / "index")


def test_open_index_without_index_raises(tmp_path):
    with pytest.raises(indexer.IndexNotFound):
        indexer.open_index(tmp_path / "none")


def test_incremental_reindex_processes_only_changed_files(archive, tmp_path, monkeypatch):
    index = tmp_path / "index"
    indexer.reindex([archive], index)

    processed = []
    real = build.process

    def counting(doc, repeated=frozenset()):
        processed.append(doc.id)
        return real(doc, repeated)

    monkeypatch.setattr(build, "process", counting)
    (archive / "004_new.txt").write_text("Another article\n\nAbout the yurtmakers of the steppe.")
    report = indexer.reindex([archive], index)
    assert processed == ["004_new"] and report.added == ["004_new"] and len(report.unchanged) == 4
    assert indexer.open_index(index).search("").total == 5


def test_nothing_changed_makes_no_new_generation(archive, tmp_path):
    index = tmp_path / "index"
    indexer.reindex([archive], index)
    live = storage.live_dir(index)
    report = indexer.reindex([archive], index)
    assert report.unchanged == SEED_IDS and storage.live_dir(index) == live


def test_update_leaves_the_previous_generation_untouched(archive, tmp_path):
    index = tmp_path / "index"
    indexer.reindex([archive], index)
    old = storage.live_dir(index)
    before = {p.name: p.read_bytes() for p in old.rglob("*") if p.is_file()}
    (archive / SEEDS[0].name).write_text("A new title\n\nA new body about the Golden Horde.")
    indexer.reindex([archive], index)
    assert {p.name: p.read_bytes() for p in old.rglob("*") if p.is_file()} == before
    assert indexer.open_index(index).search("golden horde", match="all").total == 1


def test_a_reprint_added_later_joins_its_original(archive, tmp_path):
    index = tmp_path / "index"
    indexer.reindex([archive], index)
    original = next(p for p in SEEDS if p.name.startswith("003_")).read_text()
    (archive / "reprint.txt").write_text("Posted: 05.01.2022 10:00:00\n\n" + original.replace("Delovoy", "Business"))
    report = indexer.reindex([archive], index)
    assert report.added == ["reprint"]
    ix = indexer.open_index(index)
    assert [(h.id, h.copies) for h in ix.search('"Golden Cradle"').hits] == [(SEED_IDS[3], 1)]
    (archive / "reprint.txt").unlink()
    indexer.reindex([archive], index)
    assert [(h.id, h.copies) for h in indexer.open_index(index).search('"Golden Cradle"').hits] == [(SEED_IDS[3], 0)]


def test_a_filtered_search_also_shows_one_hit_for_a_group_of_copies(archive, tmp_path):
    index = tmp_path / "index"
    original = next(p for p in SEEDS if p.name.startswith("003_")).read_text()
    (archive / "reprint.txt").write_text("Posted: 05.01.2022 10:00:00\n\n" + original.replace("Delovoy", "Business"))
    indexer.reindex([archive], index)
    ix = indexer.open_index(index)
    hit = ix.search('"Golden Cradle"').hits[0]
    for filters in ({"lang": hit.language}, {"year_from": 1990, "year_to": 2030}):
        assert [(h.id, h.copies) for h in ix.search('"Golden Cradle"', **filters).hits] == [(SEED_IDS[3], 1)]


def test_an_article_the_pipeline_chokes_on_is_reported_and_the_rest_indexed(archive, tmp_path, monkeypatch):

    real = build.process

    def choking(doc, repeated=frozenset()):
        if doc.id == SEED_IDS[2]:
            raise IndexError("list index out of range")
        return real(doc, repeated)

    monkeypatch.setattr(build, "process", choking)
    report = indexer.reindex([archive], tmp_path / "index")
    assert report.added == [SEED_IDS[0], SEED_IDS[1], SEED_IDS[3]]
    assert [f.reason for f in report.failed] == [
        f"{SEED_IDS[2]}: could not be processed (IndexError: list index out of range)"
    ]


def reads_of(monkeypatch) -> list[str]:
    """The files a reindex reads from now on, by name (the real reader runs)."""

    read = []
    real = build.sources.read_file

    def counting(file):
        read.append(file.path.name)
        return real(file)

    monkeypatch.setattr(build.sources, "read_file", counting)
    return read


def test_an_unchanged_file_is_not_read_again(archive, tmp_path, monkeypatch):
    index = tmp_path / "index"
    indexer.reindex([archive], index)
    read = reads_of(monkeypatch)
    with open(archive / SEEDS[2].name, "a", encoding="utf-8") as handle:
        handle.write("\nCorrection: an earlier version misspelt a name.\n")
    report = indexer.reindex([archive], index)
    assert read == [SEEDS[2].name]
    assert report.changed == [SEED_IDS[2]] and sorted(report.unchanged) == sorted(set(SEED_IDS) - {SEED_IDS[2]})
    assert indexer.open_index(index).search('"misspelt a name"').total == 1
    assert indexer.open_index(index).search("").total == 4


def test_a_file_with_a_bad_record_is_read_and_reported_every_time(archive, tmp_path, monkeypatch):
    feed = archive / "feed.jsonl"
    feed.write_text('{"id": "f1", "title": "Steppe news", "text": "Herders moved early this spring."}\n{broken\n')
    index = tmp_path / "index"
    first = indexer.reindex([archive], index)
    read = reads_of(monkeypatch)
    second = indexer.reindex([archive], index)
    assert read == ["feed.jsonl"]
    assert [f.source for f in second.failed] == [f.source for f in first.failed] != []
    assert "feed#f1" in second.unchanged


def test_a_removed_file_is_removed_even_when_the_others_are_not_read(archive, tmp_path, monkeypatch):
    index = tmp_path / "index"
    indexer.reindex([archive], index)
    read = reads_of(monkeypatch)
    (archive / SEEDS[1].name).unlink()
    report = indexer.reindex([archive], index)
    assert read == [] and report.removed == [SEED_IDS[1]]
    assert indexer.open_index(index).search("").total == 3


def test_a_full_reindex_reads_every_file(archive, tmp_path, monkeypatch):
    index = tmp_path / "index"
    indexer.reindex([archive], index)
    read = reads_of(monkeypatch)
    indexer.reindex([archive], index, full=True)
    assert sorted(read) == sorted(p.name for p in SEEDS)


def test_an_index_of_another_format_says_to_rebuild_and_the_next_reindex_does(seed_archive, tmp_path):
    from click.testing import CliRunner

    from indexer import build, cli
    from indexer.search import IndexOutdated
    index_dir = tmp_path / "index"
    indexer.reindex([seed_archive], index_dir)
    live = storage.live_dir(index_dir)
    meta = json.loads((live / build.META_FILE).read_text())
    assert meta["index_format"] == build.INDEX_FORMAT
    meta["index_format"] = build.INDEX_FORMAT - 1  # as an older Archivist wrote it
    (live / build.META_FILE).write_text(json.dumps(meta))
    with pytest.raises(IndexOutdated):
        indexer.open_index(index_dir)
    result = CliRunner().invoke(cli.main, ["search", "memory", "--index", str(index_dir)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].endswith("run 'archivist reindex --full'")
    assert "Traceback" not in result.output
    report = indexer.reindex([seed_archive], index_dir)  # not --full: the format alone forces a rebuild
    assert len(report.added) == 4 and report.unchanged == []
    assert indexer.open_index(index_dir).search("memory").total > 0


def how_the_worker_started() -> tuple[int, int, bool]:
    return os.getppid(), russian_syntax.models.cache_info().currsize, "indexer.preload" in sys.modules


def test_pipeline_workers_share_the_models_of_the_server_that_forks_them_and_it_goes_after():
    loaded_here = russian_syntax.models.cache_info().misses
    with build.pipeline_pool(2) as ready:
        started = [ready().apply(how_the_worker_started) for _ in range(4)]
    # this process loads none (it would pass them to the writers it forks next)
    assert russian_syntax.models.cache_info().misses == loaded_here
    for server, held, preloaded in started:
        assert held == 1 and preloaded  # loaded before the worker was forked, not by it
        assert server != os.getpid()  # forked by the server, not by the build's process
    assert len({server for server, _, _ in started}) == 1
    assert not psutil.pid_exists(started[0][0])  # the server, and its copy of the models, is gone


def pid_of_worker(_) -> int:
    return os.getpid()


def objects_set_aside() -> int:
    return gc.get_freeze_count()


def test_pipeline_workers_retire_after_their_share_and_set_inherited_objects_aside(monkeypatch):
    # A worker that lived through the archive would grow with it: a fresh one takes its place.
    monkeypatch.setattr(config, "ARTICLES_PER_WORKER", 16)
    monkeypatch.setattr(config, "PIPELINE_CHUNK", 4)  # so a worker retires after 4 chunks
    with build.pipeline_pool(2) as ready:
        pids = set(ready().map(pid_of_worker, range(200), chunksize=4))
        assert ready().apply(objects_set_aside) > 0  # the build's objects are not in a worker's collections
    assert len(pids) >= 200 // 16 - 1  # 50 chunks, 4 to a worker


def test_a_small_build_does_not_wait_for_the_pipeline_workers_to_be_ready(archive, tmp_path):
    started = time.monotonic()
    with build.pipeline_pool(2):
        pass  # nothing to process in them: the server is stopped, loaded or not
    assert time.monotonic() - started < 1.5  # loading the models alone takes the server some 3 s
    one = indexer.reindex([archive], tmp_path / "one", workers=1)
    two = indexer.reindex([archive], tmp_path / "two", workers=2)
    assert two.seconds < one.seconds + 1.5


def test_a_build_whose_workers_retire_midway_indexes_every_article(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "ARTICLES_PER_WORKER", 20)
    monkeypatch.setattr(config, "PIPELINE_CHUNK", 5)
    folder = tmp_path / "archive"
    folder.mkdir()
    for n in range(120):
        (folder / f"a{n:03}.txt").write_text(f"Report number {n}\n\nThe council of town {n} met on Monday "
                                             f"and voted {n} to {n + 1} on the new budget.")
    report = indexer.reindex([folder], tmp_path / "index", workers=2)
    assert len(report.added) == 120 and report.failed == []
    found = indexer.open_index(tmp_path / "index").search("council")
    assert found.total == 120
