"""Reindex under failure: a reindex killed mid-write, two at once, readers during
a swap, a damaged index, slow files, and a count that nothing was lost."""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import indexer
from indexer import config, storage

from conftest import SEED_IDS, SEEDS

ARCHIVIST = Path(sys.executable).with_name("archivist")


def make_archive(folder: Path, count: int) -> Path:
    """The seeds plus `count` articles recombined from their sentences (a fixed seed)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in SEEDS:
        shutil.copy(path, folder / path.name)
    sentences = [s.strip() + "." for p in SEEDS for s in p.read_text().replace("\n", " ").split(". ") if len(s) > 40]
    rng = random.Random(7)
    for i in range(count):
        paragraphs = [" ".join(rng.sample(sentences, 3)) for _ in range(6)]
        (folder / f"gen_{i:04d}.txt").write_text(f"Generated article {i}\n\n" + "\n\n".join(paragraphs))
    return folder


def run(*args, cwd):
    return subprocess.run([str(ARCHIVIST), *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_sigkill_during_reindex_leaves_the_old_index_serving(tmp_path):
    archive = make_archive(tmp_path / "archive", 0)
    assert run("reindex", str(archive), "--index", "idx", cwd=tmp_path).returncode == 0
    old_live = storage.live_dir(tmp_path / "idx")
    make_archive(tmp_path / "archive", 400)
    proc = subprocess.Popen([str(ARCHIVIST), "reindex", str(archive), "--index", "idx", "--full"], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(storage.generations(tmp_path / "idx")) < 2:
        time.sleep(0.01)  # the new generation's directory appears when writing starts
    time.sleep(0.3)
    assert proc.poll() is None, "the reindex finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert storage.live_dir(tmp_path / "idx") == old_live
    search = run("search", "Elbasy", "--index", "idx", "--json", cwd=tmp_path)
    assert search.returncode == 0 and json.loads(search.stdout)["total"] == 2
    again = run("reindex", str(archive), "--index", "idx", "--json", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert len(json.loads(again.stdout)["added"]) == 400
    assert storage.generations(tmp_path / "idx") == sorted([old_live, storage.live_dir(tmp_path / "idx")])


def test_a_second_reindex_while_one_runs_exits_with_a_message(tmp_path):
    archive = make_archive(tmp_path / "archive", 300)
    first = subprocess.Popen([str(ARCHIVIST), "reindex", str(archive), "--index", "idx"], cwd=tmp_path,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    lock = tmp_path / "idx.lock"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not lock.exists():
        time.sleep(0.01)
    time.sleep(0.2)
    second = run("reindex", str(archive), "--index", "idx", cwd=tmp_path)
    assert first.wait(timeout=300) == 0
    assert second.returncode == 1
    assert "another reindex of 'idx' is running - wait for it to finish and try again" in second.stderr
    assert indexer.open_index(tmp_path / "idx").stats()["articles"] == 304


def test_readers_see_the_old_or_the_new_index_during_swaps(tmp_path):
    archive = make_archive(tmp_path / "archive", 0)
    index = tmp_path / "idx"
    indexer.reindex([archive], index)
    ix = indexer.open_index(index)
    errors, totals, stop = [], set(), threading.Event()

    def read():
        while not stop.is_set():
            try:
                totals.add(ix.search("").total)
                ix.search("Elbasy exhibition", venue=None)
            except Exception as exc:  # any failure at all is the bug this test is for
                errors.append(repr(exc))

    readers = [threading.Thread(target=read) for _ in range(3)]
    for t in readers:
        t.start()
    for n in (10, 20, 30):
        make_archive(archive, n)
        indexer.reindex([archive], index)
    stop.set()
    for t in readers:
        t.join()
    assert errors == []
    assert totals <= {4, 14, 24, 34} and 34 in {ix.search("").total}


def test_damaged_index_is_detected_with_the_fix(tmp_path):
    archive = make_archive(tmp_path / "archive", 0)
    assert run("reindex", str(archive), "--index", "idx", cwd=tmp_path).returncode == 0
    live = storage.live_dir(tmp_path / "idx")
    for segment in live.glob("*.seg"):
        segment.write_bytes(b"\x00garbage" * 10)
    result = run("search", "Elbasy", "--index", "idx", cwd=tmp_path)
    assert result.returncode == 1
    assert "the index is damaged" in result.stderr and "run 'archivist reindex --full'" in result.stderr
    assert "Traceback" not in result.stderr
    fixed = run("reindex", str(archive), "--index", "idx", "--full", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    assert run("search", "Elbasy", "--index", "idx", cwd=tmp_path).returncode == 0


def test_nothing_is_lost(tmp_path):
    archive = make_archive(tmp_path / "archive", 20)
    (archive / "empty.txt").write_bytes(b"")
    (archive / "binary.html").write_bytes(os.urandom(2000) + b"\x00")
    (archive / "broken.jsonl").write_text('{"id": "a", "title": "t", "text": "fine"}\n{oops\n')
    (archive / "truncated.txt.gz").write_bytes(b"\x1f\x8b\x08\x00" + os.urandom(40))
    report = indexer.reindex([archive], tmp_path / "idx")
    inputs = {f"archive/{p.name}" for p in archive.iterdir()}  # shown relative to the archive root
    indexed_sources = {a.source for a in indexer.open_index(tmp_path / "idx").articles()}
    failed_sources = {f.source for f in report.failed}
    assert indexed_sources | failed_sources == inputs
    assert {f"archive/{n}" for n in ("empty.txt", "binary.html", "truncated.txt.gz")} <= failed_sources
    assert all(f.reason for f in report.failed)


def test_a_file_that_takes_too_long_is_reported_and_the_rest_indexed(tmp_path, monkeypatch):
    archive = make_archive(tmp_path / "archive", 0)
    from indexer import sources

    real = sources.read_file

    def slow_for_one(file):
        if file.path.name.startswith("001_"):
            time.sleep(5)
        return real(file)

    monkeypatch.setattr(config, "SECONDS_PER_FILE", 0.5)
    monkeypatch.setattr(sources, "read_file", slow_for_one)
    report = indexer.reindex([archive], tmp_path / "idx")
    assert [f.reason for f in report.failed] == ["took longer than 0.5 s"]
    assert sorted(report.added) == [i for i in SEED_IDS if not i.startswith("001_")]
