"""The files of a compound segment read straight from its memory map: a segment's storage in, one
whose files are views of the map out. Whoosh's CompoundStorage copies each file it opens (terms,
postings, every column) into a BytesIO: a reader of a 100k-article index took 2.8 s to open and held
a private copy of most of the index, in every process and for every reader.
"""
from __future__ import annotations

from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import OverlayStorage
from whoosh.filedb.structfile import BufferFile


class ViewIO:
    """A read-only file over a memoryview: what StructFile and pickle ask of a file, without a copy."""

    __slots__ = ("_view", "_pos", "_len")

    def __init__(self, view: memoryview):
        self._view, self._pos, self._len = view, 0, len(view)

    def read(self, size: int | None = -1) -> bytes:
        start = self._pos
        end = self._len if size is None or size < 0 else min(self._len, start + size)
        self._pos = end
        return self._view[start:end].tobytes()

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        end = self._len if size is None or size < 0 else min(self._len, self._pos + size)
        at = self._pos
        while at < end:  # in pieces: a line of a pickle is short, the file may not be
            piece = self._view[at : min(end, at + 4096)].tobytes()
            newline = piece.find(b"\n")
            if newline >= 0:
                end = at + newline + 1
                break
            at += len(piece)
        return self.read(end - self._pos)

    def __iter__(self):
        while line := self.readline():
            yield line

    def seek(self, position: int, whence: int = 0) -> int:
        base = (0, self._pos, self._len)[whence]
        self._pos = max(0, base + position)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        pass


class ViewFile(BufferFile):
    """Whoosh's BufferFile (slices of the buffer for `get`, a file for reading in sequence) without
    the copy its constructor makes of the whole buffer."""

    def __init__(self, view: memoryview, name: str | None = None):
        self._buf = view
        self._name = name
        self.file = ViewIO(view)
        self.onclose = None
        self.is_real = False
        self.is_closed = False


class MappedStorage:
    """A compound segment's storage whose files open as views of its memory map."""

    def __init__(self, compound: CompoundStorage):
        self._compound = compound

    def open_file(self, name: str, *args, **kwargs):
        source = getattr(self._compound, "_source", None)  # None where the segment could not be mapped
        if source is None or self._compound.is_closed:
            return self._compound.open_file(name, *args, **kwargs)
        offset, length = self._compound.range(name)
        return ViewFile(memoryview(source)[offset : offset + length], name=name)

    def __getattr__(self, name: str):
        return getattr(self._compound, name)


def mapped(storage):
    """The storage, its files opened without copies where it is a mapped compound segment (which a
    segment reader lays over the index's folder: files added to a segment later are read there)."""
    if isinstance(storage, OverlayStorage) and isinstance(storage.a, CompoundStorage):
        return OverlayStorage(MappedStorage(storage.a), storage.b)
    return MappedStorage(storage) if isinstance(storage, CompoundStorage) else storage
