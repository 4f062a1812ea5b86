"""The archive's words for did-you-mean: the `exact` field's words in (as analysis.exact_terms
makes them), a word list in the generation folder out, read back once per generation.

OpenSearch lists no index's words (it has no terms-enumeration API, and a terms aggregation on a
text field would load it all into the heap), so the writer keeps them: a reindex adds its
articles' words to the live generation's list. Words of removed articles stay listed: the
speller only offers a word that some article still holds.
"""
from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..analysis import words

FILE = "vocabulary.txt.gz"


def of_text(text: str) -> set[str]:
    return set(words(text))


def read(generation: Path) -> Iterator[str]:
    path = generation / FILE
    if not path.exists():
        return
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield line.rstrip("\n")


def save(generation: Path, found: Iterable[str]) -> None:
    """The words of the generation folder's list (the live one's, in a reindex) and these, one a
    line, sorted; written beside and moved into place, as the list may be a hard link to the live
    generation's."""
    merged = set(read(generation))
    merged.update(found)
    path = generation / FILE
    partial = path.with_suffix(".partial")
    with gzip.open(partial, "wt", encoding="utf-8", compresslevel=6) as out:
        for word in sorted(merged):
            out.write(word + "\n")
    os.replace(partial, path)
