"""Which OpenSearch indices a generation is: a generation folder in, its `Names` out (the concrete
article and quote indices it wrote, and the aliases that name the live ones), kept in the
folder as opensearch.json. The folder holds no index files: the cluster does.
"""
from __future__ import annotations

import json
import os
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .mappings import ARTICLES, QUOTES

FILE = "opensearch.json"
STAMP = re.compile(r"\.gen-(\d+)$")


@dataclass(frozen=True)
class Names:
    prefix: str
    stamp: str  # the generation's own part of its indices' names

    def index(self, kind: str) -> str:
        return f"{self.prefix}-{kind}-{self.stamp}"

    def alias(self, kind: str) -> str:
        return f"{self.prefix}-{kind}"

    @property
    def indices(self) -> tuple[str, str]:
        return self.index(ARTICLES), self.index(QUOTES)


def for_generation(prefix: str, generation: Path) -> Names:
    """New names for a generation folder: its stamp (storage.new_generation's time) where the folder
    has one, else the time now (index names must be lowercase: digits are)."""
    found = STAMP.search(generation.name)
    return Names(prefix.lower(), found.group(1) if found else str(time.time_ns()))


def read(generation: Path) -> Names | None:
    path = generation / FILE
    if not path.exists():
        return None
    return Names(**json.loads(path.read_text(encoding="utf-8")))


def save(generation: Path, names: Names) -> None:
    """Written beside and moved into place: the file a reindex finds may be a hard link to the live
    generation's (build.copy_generation), which must not change."""
    path = generation / FILE
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(asdict(names)), encoding="utf-8")
    os.replace(partial, path)
