"""A spool on disk: items in (pickled a batch at a time into a temporary file), the same items out
again batch by batch, as often as asked, by any process that has the spool (a forked writer reads
the batches of its share). A build passes its documents and articles through spools, so it holds
a batch in memory, not the archive.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import Any


class Spool:
    """Write with `add`, read with `batches()`; `close()` removes the file."""

    def __init__(self, batch: int, directory: Path | None = None):
        self.batch = batch
        handle, self.path = tempfile.mkstemp(prefix="archivist-spool-", dir=directory)
        self._out = os.fdopen(handle, "wb")
        self._pending: list[Any] = []
        self._offsets: list[int] = []  # where each batch starts in the file
        self.count = 0
        self._owner = os.getpid()  # the process that writes; forked ones only read

    def __len__(self) -> int:
        return self.count

    def add(self, item: Any) -> None:
        self._pending.append(item)
        self.count += 1
        if len(self._pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Write what is pending: before processes forked from this one read the spool."""
        if self._pending:
            if os.getpid() != self._owner:
                raise RuntimeError("a spool's last batch must be written before other processes read it")
            self._offsets.append(self._out.tell())
            pickle.dump(self._pending, self._out, protocol=pickle.HIGHEST_PROTOCOL)
            self._pending = []
        self._out.flush()

    def batches(self, select: Callable[[int], bool] | None = None) -> Iterator[list[Any]]:
        """The items in the order added, a batch at a time; only the batches whose number `select`
        accepts, when given (the others are not read)."""
        self.flush()
        with open(self.path, "rb") as file:
            for number, offset in enumerate(self._offsets):
                if select is None or select(number):
                    file.seek(offset)
                    yield pickle.load(file)

    def close(self) -> None:
        self._out.close()
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class InMemory:
    """A list read as a spool is: the same `batches()`, for writes too small to spool."""

    def __init__(self, items: Sequence[Any], batch: int):
        self.items, self.batch = list(items), batch

    def __len__(self) -> int:
        return len(self.items)

    def batches(self, select: Callable[[int], bool] | None = None) -> Iterator[list[Any]]:
        for number, start in enumerate(range(0, len(self.items), self.batch)):
            if select is None or select(number):
                yield self.items[start : start + self.batch]


class Chained:
    """Two spools (or lists) read as one: the second's batches numbered on after the first's."""

    def __init__(self, first, second):
        self.first, self.second = first, second

    def __len__(self) -> int:
        return len(self.first) + len(self.second)

    def batches(self, select: Callable[[int], bool] | None = None) -> Iterator[list[Any]]:
        for number, batch in enumerate(chain(self.first.batches(), self.second.batches())):
            if select is None or select(number):
                yield batch
