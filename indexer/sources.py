"""Sources: archive files in, raw `Document`s out.

`discover(paths)` lists the input files under the given files and folders;
`read_file(path, root)` reads one file as bytes, decodes it and yields one
`Document` per article in it, or raises `SourceError` with a reason a person
can act on. Ids are the file's path under its root, without extensions.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import config
from .model import Document


class SourceError(Exception):
    """A file that cannot be read as an archive file; the message says why."""


@dataclass(frozen=True)
class InputFile:
    path: Path
    root: Path

    @property
    def id(self) -> str:
        rel = self.path.relative_to(self.root).as_posix()
        name = rel[:-3] if rel.endswith(".gz") else rel
        for suffix in config.SOURCE_SUFFIXES:
            if name.endswith(suffix):
                return name[: -len(suffix)]
        return name

    @property
    def kind(self) -> str:
        name = self.path.name[:-3] if self.path.name.endswith(".gz") else self.path.name
        suffix = Path(name).suffix.lower()
        return "html" if suffix == ".htm" else suffix.lstrip(".")


def is_source_file(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(config.SOURCE_SUFFIXES) and not path.name.startswith(".")


def discover(paths: list[str | Path]) -> list[InputFile]:
    """Every input file under `paths`, sorted; raises FileNotFoundError for a missing path."""
    found: list[InputFile] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise FileNotFoundError(str(path))
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.is_file() and is_source_file(file):
                    found.append(InputFile(file, path))
        else:
            found.append(InputFile(path, path.parent))
    return found


def read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gunzip(data)
    if len(data) > config.MAX_FILE_BYTES:
        raise SourceError(f"file too large: over {config.MAX_FILE_BYTES} bytes")
    return data


def gunzip(data: bytes) -> bytes:
    """Decompress at most MAX_FILE_BYTES, so a gzip bomb costs nothing."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    try:
        out = inflater.decompress(data, config.MAX_FILE_BYTES + 1)
    except zlib.error as exc:
        raise SourceError(f"not a valid gzip file: {exc}") from None
    if len(out) > config.MAX_FILE_BYTES:
        raise SourceError(f"file too large once decompressed: over {config.MAX_FILE_BYTES} bytes")
    if not inflater.eof:
        raise SourceError("truncated gzip file")
    return out


def looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    return b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff"))


def decode(data: bytes) -> str:
    """Bytes to NFC text: UTF-8 when it is, else the detected encoding."""
    if looks_binary(data):
        raise SourceError("binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise SourceError("unknown text encoding") from None
        text = str(best)
    return unicodedata.normalize("NFC", text)


def sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


POSTED = re.compile(r"^\s*Posted:\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+[\d:]+)?\s*$")


def read_txt(file: InputFile, data: bytes) -> Iterator[Document]:
    """The seed format: an optional `Posted: DD.MM.YYYY HH:MM:SS` line, a title line, the body."""
    text = decode(data)
    published = None
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        match = POSTED.match(line)
        if match:
            day, month, year = match.groups()
            published = f"{year}-{int(month):02d}-{int(day):02d}"
            del lines[i]
        break
    if not any(line.strip() for line in lines):
        raise SourceError("empty file: no text")
    yield Document(
        id=file.id,
        source=file.path.as_posix(),
        text="\n".join(lines),
        published=published,
        content_hash=sha256(data),
    )


def read_jsonl(file: InputFile, data: bytes) -> Iterator[Document]:
    """One article per line: id, title, text (or html), url, published, language."""
    text = decode(data)
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise SourceError("empty file: no JSON lines")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise SourceError(f"line {number}: not a JSON object")
        body = record.get("text")
        if not body and record.get("html"):
            from .html import extract_html

            page = extract_html(str(record["html"]))
            body = page.text
            record.setdefault("title", page.title)
        if not body:
            raise SourceError(f"line {number}: no 'text' or 'html'")
        record_id = record.get("id") or str(number)
        yield Document(
            id=f"{file.id}#{record_id}",
            source=file.path.as_posix(),
            text=str(body),
            title=record.get("title") or None,
            published=record.get("published") or None,
            url=record.get("url") or None,
            language=record.get("language") or record.get("lang") or None,
            content_hash=sha256(line.encode("utf-8")),
        )


def read_html(file: InputFile, data: bytes) -> Iterator[Document]:
    from .html import extract_html

    text = decode(data)
    if "<" not in text:
        raise SourceError("not HTML: no markup")
    page = extract_html(text)
    if not page.text.strip():
        raise SourceError("HTML page with no article text")
    yield Document(
        id=file.id,
        source=file.path.as_posix(),
        text=page.text,
        title=page.title,
        published=page.published,
        author=page.author,
        content_hash=sha256(data),
    )


READERS = {"txt": read_txt, "jsonl": read_jsonl, "html": read_html}


def read_file(file: InputFile) -> list[Document]:
    """All documents in one file, or SourceError; never any other exception for bad input."""
    reader = READERS.get(file.kind)
    if reader is None:
        raise SourceError(f"unsupported file type '.{file.kind}'")
    try:
        data = read_bytes(file.path)
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or exc}") from None
    except EOFError:
        raise SourceError("truncated gzip file") from None
    if not data.strip():
        raise SourceError("empty file")
    return list(reader(file, data))
