"""The catalog of an index generation: what each indexed article was built from
(content hash, sort date, MinHash signature, near-copy group), each source's
repeated boilerplate lines, and each source file's size and time when read. A reindex reads the live
one to find what changed and writes the new one beside its index; `--full` ignores it.

Articles are kept in columns (a list of ids, numpy arrays), not an object each: a build holds the
whole archive's catalog, and objects cost it about 1.6 kB an article where columns cost about 0.4.
"""
from __future__ import annotations

import hashlib
import json
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import duplicates

FILE = "catalog.npz"
LAYOUT = 1  # of the file; another means a full rebuild
FINGERPRINT = 16  # bytes kept of a content hash: a change is what is looked for, not the hash itself


def fingerprint(content_hash: str) -> bytes:
    return hashlib.blake2b(content_hash.encode(), digest_size=FINGERPRINT).digest()


@dataclass
class Rows:
    """Articles in columns: row n of every column is the article ids[n]."""
    ids: list[str] = field(default_factory=list)
    hashes: np.ndarray = field(default_factory=lambda: np.zeros((0, FINGERPRINT), np.uint8))
    dates: list[str] = field(default_factory=list)  # sortable: published date, else the year, else ""
    signatures: np.ndarray = field(default_factory=lambda: np.zeros((0, duplicates.NUM_PERM), np.uint32))
    signed: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # False: too short to compare
    groups: list[str] = field(default_factory=list)  # id of the earliest article among its near-copies
    copies: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))

    def __len__(self) -> int:
        return len(self.ids)

    def taken(self, keep: np.ndarray) -> Rows:
        """The rows where `keep` is True."""
        rows = np.nonzero(keep)[0]
        return Rows([self.ids[n] for n in rows], self.hashes[keep], [self.dates[n] for n in rows],
                     self.signatures[keep], self.signed[keep], [self.groups[n] for n in rows], self.copies[keep])

    def __add__(self, other: Rows) -> Rows:
        return Rows(self.ids + other.ids, np.concatenate([self.hashes, other.hashes]), self.dates + other.dates,
                    np.concatenate([self.signatures, other.signatures]), np.concatenate([self.signed, other.signed]),
                    self.groups + other.groups, np.concatenate([self.copies, other.copies]))


class RowsBuilder:
    """Rows added one article at a time, as articles come out of the pipeline, into byte buffers;
    the signatures (256 bytes an article, most of a row) into a temporary file in `directory`
    until the rows are made, so a long pipeline does not hold them."""

    def __init__(self, directory: Path | None = None):
        self.ids: list[str] = []
        self.dates: list[str] = []
        self.hashes = bytearray()
        self.signatures = tempfile.TemporaryFile(prefix="archivist-signatures-", dir=directory)
        self.signed = bytearray()
        self.distinct_dates: dict[str, str] = {}  # many articles share a date: one string for them all

    def add(self, article_id: str, content_hash: str, date: str, signature: bytes | None) -> None:
        self.ids.append(article_id)
        self.dates.append(self.distinct_dates.setdefault(date, date))
        self.hashes += fingerprint(content_hash)
        self.signatures.write(signature if signature is not None else bytes(4 * duplicates.NUM_PERM))
        self.signed.append(signature is not None)

    def rows(self) -> Rows:
        """The rows added; the builder is spent."""
        n = len(self.ids)
        self.signatures.seek(0)
        signatures = np.fromfile(self.signatures, np.uint32).reshape(n, duplicates.NUM_PERM)
        self.signatures.close()
        return Rows(self.ids, np.frombuffer(bytes(self.hashes), np.uint8).reshape(n, FINGERPRINT), self.dates,
                    signatures, np.frombuffer(bytes(self.signed), bool).copy(), [""] * n, np.full(n, -1, np.int32))


@dataclass(frozen=True, slots=True)  # slots: a build holds one a file, and a __dict__ would double it
class Stamp:
    """A source file as last read: unchanged size and modification time mean unchanged articles."""
    size: int
    mtime_ns: int
    ids: tuple[str, ...]

    @classmethod
    def of(cls, path: Path, ids: tuple[str, ...]) -> Stamp:
        stat = path.stat()
        return cls(stat.st_size, stat.st_mtime_ns, ids)

    def matches(self, path: Path) -> bool:
        try:
            stat = path.stat()
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns) == (self.size, self.mtime_ns)


class FileStamps:
    """Source files as last read cleanly, in columns: path -> size, modification time and the ids of
    its articles. A dict of Stamp objects costs a build about 300 bytes a file, these columns about 130."""

    def __init__(self):
        self.paths: list[str] = []
        self.sizes = array("q")
        self.mtimes = array("q")
        self.ids: list[str | tuple[str, ...]] = []  # a file of one article (most): its id, not a tuple
        self._row: IdTable | None = None

    def add(self, path: str, stamp: Stamp) -> None:
        self.paths.append(path)
        self.sizes.append(stamp.size)
        self.mtimes.append(stamp.mtime_ns)
        self.ids.append(stamp.ids[0] if len(stamp.ids) == 1 else stamp.ids)
        self._row = None

    def _stamp(self, n: int) -> Stamp:
        ids = self.ids[n]
        return Stamp(self.sizes[n], self.mtimes[n], (ids,) if isinstance(ids, str) else ids)

    def get(self, path: str) -> Stamp | None:
        if self._row is None:
            self._row = IdTable(self.paths)
        n = self._row.get(path)
        return None if n is None else self._stamp(n)

    def items(self) -> Iterator[tuple[str, Stamp]]:
        return ((path, self._stamp(n)) for n, path in enumerate(self.paths))

    def where(self, keep: Callable[[Stamp], bool]) -> FileStamps:
        """The files whose stamps `keep` accepts."""
        kept = FileStamps()
        for path, stamp in self.items():
            if keep(stamp):
                kept.add(path, stamp)
        return kept

    def __len__(self) -> int:
        return len(self.paths)

    def __eq__(self, other) -> bool:
        return isinstance(other, FileStamps) and dict(self.items()) == dict(other.items())


class IdTable:
    """Row numbers by article id, from the ids' hashes sorted in a numpy array beside their rows: a
    dict of the archive's ids would cost about 100 bytes an article, this costs 12. Made in the
    process that uses it (and inherited by forked ones): str hashes differ from process to process."""

    def __init__(self, ids: list[str]):
        hashes = np.fromiter((hash(article_id) for article_id in ids), np.int64, len(ids))
        self.order = np.argsort(hashes, kind="stable").astype(np.int32)
        self.hashes = hashes[self.order]
        self.ids = ids

    def get(self, article_id: str) -> int | None:
        key = hash(article_id)
        at = int(np.searchsorted(self.hashes, key))
        while at < len(self.hashes) and self.hashes[at] == key:  # ids whose hashes collide, side by side
            row = int(self.order[at])
            if self.ids[row] == article_id:
                return row
            at += 1
        return None


@dataclass
class Catalog:
    pipeline_version: str
    rows: Rows = field(default_factory=Rows)
    repeated: dict[str, set[str]] = field(default_factory=dict)  # source group -> boilerplate lines
    files: FileStamps = field(default_factory=FileStamps)  # source path -> stamp, for files read cleanly

    def __post_init__(self):
        self._row: IdTable | None = None

    def _index(self) -> IdTable:
        return IdTable(self.rows.ids)

    def row_of(self, article_id: str) -> int | None:
        if self._row is None:
            self._row = self._index()
        return self._row.get(article_id)

    def __contains__(self, article_id: str) -> bool:
        return self.row_of(article_id) is not None

    def unchanged(self, article_id: str, content_hash: str) -> bool:
        """Whether the article is catalogued with this content."""
        n = self.row_of(article_id)
        return n is not None and self.rows.hashes[n].tobytes() == fingerprint(content_hash)

    def group_of(self, article_id: str) -> tuple[str, int]:
        """(id of the earliest of its near-copies, how many copies besides it)."""
        n = self.row_of(article_id)
        return self.rows.groups[n], int(self.rows.copies[n])

    def update(self, removed: Iterable[str], fresh: Rows) -> None:
        """The rows of `removed` and of re-made articles out, `fresh` rows in."""
        gone = set(removed).union(fresh.ids)
        kept = self.rows.taken(np.array([i not in gone for i in self.rows.ids], bool)) if gone else self.rows
        if not len(kept) or not len(fresh):  # a full build's rows are all fresh: not copied, a second time
            self.rows = fresh if len(fresh) else kept
        else:
            self.rows = kept + fresh
        self._row = None

    def regroup(self) -> list[str]:
        """Group every article with its near-copies again; the ids of articles whose group or
        number of copies changed (a fresh article, never grouped, among them)."""
        rows = self.rows
        leaders, copies = duplicates.group(rows.ids, rows.dates, rows.signatures, rows.signed)
        groups = [rows.ids[n] for n in leaders.tolist()]
        changed = [rows.ids[n] for n, (old, new) in enumerate(zip(rows.groups, groups))
                   if old != new or rows.copies[n] != copies[n]]
        rows.groups, rows.copies = groups, copies.astype(np.int32)
        # Made now, in the process that forks the writers: each writer looks groups up in this one
        # table instead of making its own of the whole archive's ids.
        self._row = self._index()
        return changed


def save_and_lighten(generation: Path, catalog: Catalog) -> None:
    """Save the catalog, then let go of its signatures: what the rest of a build asks of it (an
    article's group) does not need them, and the writers it forks next would carry them."""
    save(generation, catalog)
    catalog.rows.signatures = np.zeros((len(catalog.rows), 0), np.uint32)  # rows without their values


def load(generation: Path | None, pipeline_version: str) -> Catalog | None:
    """The generation's catalog, or None when it is missing, unreadable, from another pipeline or
    of another layout (an older build's pickle among them): the caller then rebuilds everything."""
    if generation is None:
        return None
    try:
        with np.load(generation / FILE, allow_pickle=False) as data:
            columns = {name: data[name] for name in data.files}
        strings = json.loads(columns.pop("strings").tobytes())
        if strings.get("layout") != LAYOUT or strings["pipeline_version"] != pipeline_version:
            return None
        return from_columns(strings, columns)
    except Exception:  # missing or damaged
        return None


def save(generation: Path, catalog: Catalog) -> None:
    """The catalog as numpy columns and one JSON document of its strings: no class of this package is
    named in the file, so moving code never makes an index's catalog unreadable."""
    rows, files = catalog.rows, catalog.files
    strings = {
        "layout": LAYOUT, "pipeline_version": catalog.pipeline_version, "ids": rows.ids, "dates": rows.dates,
        "groups": [None if group == article_id else group for article_id, group in zip(rows.ids, rows.groups)],
        "repeated": {group: sorted(lines) for group, lines in catalog.repeated.items()},
        "file_paths": files.paths, "file_ids": files.ids,
    }
    encoded = json.dumps(strings, ensure_ascii=False, separators=(",", ":")).encode()
    with open(generation / FILE, "wb") as handle:
        np.savez(handle, strings=np.frombuffer(encoded, np.uint8), hashes=rows.hashes, signatures=rows.signatures,
                 signed=rows.signed, copies=rows.copies, file_sizes=np.frombuffer(files.sizes, np.int64),
                 file_mtimes=np.frombuffer(files.mtimes, np.int64))


def from_columns(strings: dict, columns: dict[str, np.ndarray]) -> Catalog:
    ids = strings["ids"]
    canonical = {article_id: article_id for article_id in ids}  # for a while: one str object for an id

    def same_string(article_id: str) -> str:
        return canonical.get(article_id, article_id)

    distinct_dates: dict[str, str] = {}
    rows = Rows(ids, columns["hashes"].reshape(len(ids), FINGERPRINT),
                [distinct_dates.setdefault(date, date) for date in strings["dates"]],
                columns["signatures"].reshape(len(ids), duplicates.NUM_PERM), columns["signed"].astype(bool),
                [ids[n] if group is None else same_string(group) for n, group in enumerate(strings["groups"])],
                columns["copies"].astype(np.int32))
    files = FileStamps()
    files.paths = strings["file_paths"]
    files.sizes, files.mtimes = array("q", columns["file_sizes"].tolist()), array("q", columns["file_mtimes"].tolist())
    files.ids = [same_string(i) if isinstance(i, str) else tuple(map(same_string, i)) for i in strings["file_ids"]]
    repeated = {group: set(lines) for group, lines in strings["repeated"].items()}
    return Catalog(strings["pipeline_version"], rows, repeated, files)
