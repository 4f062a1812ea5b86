"""Line patterns an archivist may edit: a data file's name in, its compiled
regular expressions out (one per line, case-insensitive; # starts a comment).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load(name: str) -> tuple[re.Pattern, ...]:
    text = resources.files("indexer.data").joinpath(name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(re.compile(line, re.I) for line in lines if line and not line.startswith("#"))


def matches(name: str, line: str) -> bool:
    return any(pattern.search(line) for pattern in load(name))
