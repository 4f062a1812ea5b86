"""Index storage on disk: which generation of the index is live, how a new one
is made beside it and swapped in atomically, and the lock that keeps two
reindexes apart.

`var/index` is a symlink to a generation directory `var/index.gen-<stamp>`;
a swap replaces the symlink with os.replace, so a reader sees the old index or
the new one, never a half-built one.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

class IndexLocked(Exception):
    """Another reindex holds the lock on this index."""


def generations(index_dir: Path) -> list[Path]:
    prefix = index_dir.name + ".gen-"
    if not index_dir.parent.exists():
        return []
    return sorted(p for p in index_dir.parent.iterdir() if p.name.startswith(prefix) and p.is_dir())


def live_dir(index_dir: Path) -> Path | None:
    """The directory holding the live index, or None when there is none."""
    if index_dir.is_symlink() or index_dir.is_dir():
        real = index_dir.resolve()
        return real if real.is_dir() else None
    return None


def new_generation(index_dir: Path) -> Path:
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    path = index_dir.parent / f"{index_dir.name}.gen-{time.time_ns()}"
    path.mkdir()
    return path


def swap_in(index_dir: Path, generation: Path) -> None:
    """Point index_dir at generation in one atomic step, then drop old generations.

    The generation that was live until now is kept for readers still on it;
    any other (older ones, half-built ones from a killed reindex) is removed."""
    previous = live_dir(index_dir)
    if index_dir.is_dir() and not index_dir.is_symlink():
        # An index from before generations: move it aside once.
        index_dir.rename(index_dir.parent / f"{index_dir.name}.gen-0")
    link = index_dir.parent / f".{index_dir.name}.link-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(generation.name)
    os.replace(link, index_dir)
    keep = {generation.resolve(), previous}
    for stale in generations(index_dir):
        if stale.resolve() not in keep:
            shutil.rmtree(stale, ignore_errors=True)


def discard(generation: Path) -> None:
    shutil.rmtree(generation, ignore_errors=True)


@contextmanager
def reindex_lock(index_dir: Path, wait: bool = False):
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    lock_path = index_dir.parent / f"{index_dir.name}.lock"
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise IndexLocked(str(index_dir)) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
