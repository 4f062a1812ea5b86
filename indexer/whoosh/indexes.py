"""Whoosh indexes of a generation folder, opened and created with the schemas built from code:
a folder in, a Whoosh index out (the articles' at its top, the quotes' in quotes/).

Whoosh pickles its table of contents: the schema, and each segment with its codec. The schema
it reads is always the one given here (Whoosh then skips the pickled one), and a segment's
codec pickles as Whoosh's own W3Codec and is swapped for Archivist's on reading; so the
contents name no Archivist module, and moving one cannot make an index unreadable.
"""
from __future__ import annotations

from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import _DEF_INDEX_NAME, TOC, FileIndex

from .schema import article_schema, quote_schema
from .segments import Codec

QUOTES = "quotes"  # the quote index's folder in a generation


class CodeSchemaIndex(FileIndex):
    """A FileIndex whose segments are read and merged with Archivist's codec, whatever codec their
    table of contents names (the files are Whoosh 3's either way)."""

    def _read_toc(self):
        toc = super()._read_toc()
        for segment in toc.segments:
            segment._codec = Codec.like(segment._codec)
        return toc


def exists(folder: Path) -> bool:
    """Whether the folder holds a table of contents (Whoosh's exists_in reads its pickled schema)."""
    return folder.is_dir() and TOC._latest_generation(FileStorage(str(folder)), _DEF_INDEX_NAME) > -1


def open_or_create(folder: Path, schema) -> CodeSchemaIndex:
    storage = FileStorage(str(folder))
    if exists(folder):
        return CodeSchemaIndex(storage, schema=schema, indexname=_DEF_INDEX_NAME)
    folder.mkdir(exist_ok=True)
    return CodeSchemaIndex.create(storage, schema, _DEF_INDEX_NAME)


def articles(generation: Path) -> CodeSchemaIndex:
    return open_or_create(generation, article_schema())


def quotes(generation: Path) -> CodeSchemaIndex:
    return open_or_create(generation / QUOTES, quote_schema())
