"""The catalog of an index generation: what each indexed article was built from
(content hash, sort date, MinHash signature, near-copy group), each source's
repeated boilerplate lines, and each source file's size and time when read. A reindex reads the live one to find what changed
and writes the new one beside its index; `--full` ignores it.
"""
from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path

FILE = "catalog.pickle"


@dataclass
class Entry:
    content_hash: str
    date: str  # sortable: published date, else the year, else ""
    signature: bytes | None  # MinHash values; None for a text too short to compare
    group: str = ""  # id of the earliest article among its near-copies
    copies: int = 0

    def __reduce__(self):  # pickled as a tuple: a hundred thousand of them load three times faster
        return Entry, (self.content_hash, self.date, self.signature, self.group, self.copies)


@dataclass(frozen=True)
class Stamp:
    """A source file as last read: unchanged size and modification time mean unchanged articles."""
    size: int
    mtime_ns: int
    ids: tuple[str, ...]

    @classmethod
    def of(cls, path: Path, ids: tuple[str, ...]) -> Stamp:
        stat = path.stat()
        return cls(stat.st_size, stat.st_mtime_ns, ids)

    def __reduce__(self):
        return Stamp, (self.size, self.mtime_ns, self.ids)

    def matches(self, path: Path) -> bool:
        try:
            stat = path.stat()
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns) == (self.size, self.mtime_ns)


@dataclass
class Catalog:
    pipeline_version: str
    entries: dict[str, Entry] = field(default_factory=dict)
    repeated: dict[str, set[str]] = field(default_factory=dict)  # source group -> boilerplate lines
    files: dict[str, Stamp] = field(default_factory=dict)  # source path -> stamp, for files read cleanly


def load(generation: Path | None, pipeline_version: str) -> Catalog | None:
    """The generation's catalog, or None when it is missing, unreadable or from another pipeline."""
    if generation is None:
        return None
    try:
        with open(generation / FILE, "rb") as handle:
            catalog = pickle.load(handle)
    except Exception:  # missing or damaged: the caller rebuilds everything
        return None
    if not isinstance(catalog, Catalog) or catalog.pipeline_version != pipeline_version:
        return None
    catalog.__dict__.setdefault("files", {})  # a catalog saved before files were stamped
    return catalog


def save(generation: Path, catalog: Catalog) -> None:
    with open(generation / FILE, "wb") as handle:
        pickle.dump(catalog, handle, protocol=pickle.HIGHEST_PROTOCOL)
