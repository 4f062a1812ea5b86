"""Sources: archive files in, raw `Document`s out.

`discover(paths)` lists the input files under the given files and folders;
`read_file(file)` reads one file (.txt, .html, .jsonl, .warc, each maybe
gzipped) as bytes, decodes it and returns its `Document`s, one per article,
with the per-record problems (a bad JSON line, a damaged WARC record) in the
result's `failures`; a file that cannot be read at all raises `SourceError`
with a reason a person can act on. Ids are the file's path under its root,
without extensions, plus `#` and the record's id for .jsonl and WARC records.
"""
from __future__ import annotations

import codecs
import contextlib
import hashlib
import io
import json
import math
import os
import re
import unicodedata
import zlib
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import config
from .model import Document, Failure


class SourceError(Exception):
    """A file that cannot be read as an archive file; the message says why."""


class Documents(list):
    """The documents of one file (a list), plus `failures`: records of it that could not be read."""

    def __init__(self, docs=(), failures: list[Failure] | None = None):
        super().__init__(docs)
        self.failures: list[Failure] = failures or []


@dataclass(frozen=True)
class InputFile:
    path: Path
    root: Path
    found_as: str = ""  # the path's string as discovery found it: kept, not made again, as the file's key

    @property
    def key(self) -> str:
        """The file's absolute path as a string: what the catalog knows it by."""
        return self.found_as or self.path.as_posix()

    @property
    def source(self) -> str:
        """The file as articles and reports show it: relative to the archive root, under the root's
        name (`archive/news/en/x.txt`), never the server's absolute path."""
        return (Path(self.root.name) / self.path.relative_to(self.root)).as_posix()

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


def walk_files(folder: Path) -> Iterator[str]:
    """Every file under the folder, symbolic links followed as Path.rglob follows them; scandir's
    entries know their type, where rglob then is_file() asks the file system for each."""
    stack = [str(folder)]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir():
                    stack.append(entry.path)
                elif entry.is_file():
                    yield entry.path


class InputFiles(Sequence[InputFile]):
    """The input files found, in order, kept as path strings and made into InputFiles as they are
    read: a build holds the list while it runs, and a Path and an InputFile for each of an archive's
    files cost about 420 bytes where a string costs about 100."""

    def __init__(self):
        self.roots: list[Path] = []
        self.paths: list[str] = []
        self.root_of = array("I")  # the index in `roots` of each path's root

    def add(self, paths: list[str], root: Path) -> None:
        self.roots.append(root)
        self.paths.extend(paths)
        self.root_of.extend([len(self.roots) - 1] * len(paths))

    def __len__(self) -> int:
        return len(self.paths)

    def __getitem__(self, n):
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self)))]
        return InputFile(Path(self.paths[n]), self.roots[self.root_of[n]], self.paths[n])

    def __iter__(self) -> Iterator[InputFile]:
        return (self[n] for n in range(len(self)))


def discover(paths: list[str | Path]) -> InputFiles:
    """Every input file under `paths`, sorted; raises FileNotFoundError for a missing path."""
    found = InputFiles()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise FileNotFoundError(str(path))
        if path.is_dir():
            names = [name for name in walk_files(path) if is_source_file(PurePosixPath(name))]
            found.add(sorted(names, key=lambda name: name.split("/")), path)  # as Paths sort: part by part
        else:
            found.add([str(path)], path.parent)
    return found


# ---------------------------------------------------------------- bytes


def read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gunzip(data)
    if len(data) > config.MAX_FILE_BYTES:
        raise SourceError(f"file too large: over {config.MAX_FILE_BYTES} bytes")
    return data


def gunzip(data: bytes) -> bytes:
    """Every gzip member, decompressed to at most MAX_FILE_BYTES in all, so a gzip bomb costs nothing."""
    return gunzip_members(data, tolerant=False)[0]


def gunzip_members(data: bytes, tolerant: bool) -> tuple[bytes, list[str]]:
    """Decompress a (multi-member) gzip stream. Strict: any damage is a SourceError. Tolerant (for
    WARC files, one record per member): a damaged member is skipped, reading goes on at the next
    gzip header, and what was skipped is returned as problems."""
    view = memoryview(data)
    out = bytearray()
    problems: list[str] = []
    pos = 0
    while pos < len(data):
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        budget = config.MAX_FILE_BYTES - len(out) + 1
        problem = None
        try:
            chunk = inflater.decompress(view[pos:], budget)
        except zlib.error as exc:
            chunk, problem = b"", f"not a valid gzip file: {exc}"
        if len(out) + len(chunk) > config.MAX_FILE_BYTES:
            raise SourceError(f"file too large once decompressed: over {config.MAX_FILE_BYTES} bytes")
        if problem is None and not inflater.eof:
            problem = "truncated gzip file"
        if problem is not None:
            if not tolerant or (problem.startswith("not a valid") and pos == 0):
                raise SourceError(problem)
            problems.append(f"damaged gzip data at byte {pos} ({problem}); skipped to the next record")
            nxt = data.find(b"\x1f\x8b\x08", pos + 1)
            if nxt < 0:
                break
            pos = nxt
            continue
        out += chunk
        rest = inflater.unused_data
        if not rest.strip(b"\0"):
            break
        pos = len(data) - len(rest)
    return bytes(out), problems


def looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")) or bom_less_utf16(sample):
        return False
    if b"\x00" in sample:
        return True
    # No NUL, but mostly control bytes: not text either.
    controls = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f\x1b")
    return controls > len(sample) * 0.1


def bom_less_utf16(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit at every other byte, as in UTF-16 text without a BOM."""
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.05 and even == 0:
        return "utf-16-le"
    if even > half * 0.05 and odd == 0:
        return "utf-16-be"
    return None


# ---------------------------------------------------------------- encodings

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Single-byte Cyrillic code pages a Russian or Kazakh archive is found in; every one of them decodes
# almost any byte string, so which is right is judged by how the text reads (`plausibility`).
CYRILLIC_CODECS = ("cp1251", "koi8_r", "koi8_u", "kz1048", "ptcp154", "cp866", "mac_cyrillic", "iso8859_5")

# Labels pages declare that mean something else (as browsers read them, WHATWG Encoding).
DECLARED_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
                    "ascii": "cp1252", "x-cp1251": "cp1251", "win-1251": "cp1251", "rk1048": "kz1048",
                    "strk1048-2002": "kz1048", "pt154": "ptcp154", "cp154": "ptcp154", "x-mac-cyrillic": "mac_cyrillic"}

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.I)
HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_:.+-]+)""", re.I)

# Letter frequencies (per mille) in Russian news text, with the letters Kazakh, Kyrgyz, Ukrainian
# and Belarusian add at a rate that lets their text read as plausible; other Cyrillic letters
# (Serbian, Macedonian, Bashkir...) are what a wrong code page produces.
CYRILLIC_FREQ = {
    "о": 110, "е": 85, "а": 80, "и": 74, "н": 67, "т": 63, "с": 55, "р": 47, "в": 45, "л": 44,
    "к": 35, "м": 32, "д": 30, "п": 28, "у": 26, "я": 20, "ы": 19, "ь": 17, "г": 17, "з": 16,
    "б": 16, "ч": 14, "й": 12, "х": 10, "ж": 9, "ш": 7, "ю": 6, "ц": 5, "щ": 4, "э": 3, "ф": 3,
    "ъ": 0.5, "ё": 1, "ә": 8, "ғ": 5, "қ": 8, "ң": 5, "ө": 5, "ұ": 5, "ү": 4, "һ": 0.5, "і": 10,
    "ї": 6, "є": 3, "ґ": 0.5, "ў": 2,
}
COMMON_PUNCT = set("«»—–“”„‘’…№·°\u00a0\u2009\u202f")
# Code pages seldom met in news archives pay this much per non-ASCII character, so that they win
# only where they read clearly better (Mac Cyrillic turns a few capitals into quotes and dashes).
RARE_CODEC_COST = {"mac_cyrillic": 0.2, "iso8859_5": 0.2, "cp866": 0.1}
# The Kazakh code pages are cp1251 with Kazakh letters in place of Ukrainian, Belarusian and
# Serbian ones: each letter read differently from cp1251 costs this, so Ukrainian text stays
# cp1251 while Kazakh text, whose ә, қ and ң cp1251 reads as Serbian letters, does not.
CP1251_VARIANTS = ("kz1048", "ptcp154")


def _char_score(ch: str) -> tuple[float, str]:
    """(score, script) of one lowercase non-ASCII character."""
    if ch in CYRILLIC_FREQ:
        return math.log(CYRILLIC_FREQ[ch] / 1000), "cyrillic"
    if ch in COMMON_PUNCT:
        return -1.0, ""
    category = unicodedata.category(ch)
    if category.startswith("L"):
        name = unicodedata.name(ch, "")
        if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH KATAKANA")):
            return -6.0, "cjk"  # one ideograph stands for two or three bytes
        if name.startswith("HANGUL"):
            return -8.0, "cjk"
        if "CYRILLIC" in name:
            return -11.0, "cyrillic"
        return -5.0, "latin" if "LATIN" in name else "other"
    if category == "Zs":
        return -1.0, ""
    if category.startswith(("P", "N")):
        return -6.0, ""  # unusual punctuation (‰ † • ¦) and digits of other scripts
    return -10.0, ""  # controls, unassigned, private use, symbols


_SCORES: dict[str, tuple[float, str]] = {}


def plausibility(text: str) -> float:
    """How much `text` reads like real writing (higher is better): rare letters, symbols and
    controls cost; so do capitals inside words (a Cyrillic code page read as another), words
    that mix scripts, and ideographs between spaces (a Cyrillic or Latin text read as CJK)."""
    total = 0.0
    prev_lower = prev_upper = False
    prev_script = ""
    prev_char = "\n"
    for ch in text:
        if ch < "\x80":
            if not (ch.isprintable() or ch in "\t\n\r"):
                total -= 10.0
            script = "latin" if ch.isalpha() else ""
            lower, upper = ch.islower(), ch.isupper()
        else:
            low = ch.lower()
            if len(low) != 1:  # İ lowers to two characters
                low = ch
            cached = _SCORES.get(low)
            if cached is None:
                cached = _SCORES[low] = _char_score(low)
            score, script = cached
            total += score
            upper = ch != low
            lower = not upper and ch.isalpha()
            if upper:
                total -= 6.0 if prev_lower else (1.5 if prev_upper else 1.0)
            if script == "cjk" and prev_char in " \t":
                total -= 4.0
        if script and prev_script and script != prev_script:
            total -= 8.0
        if ch in " \t" and prev_script == "cjk":
            total -= 4.0
        prev_lower, prev_upper, prev_script, prev_char = lower, upper, script, ch
    return total


def junk_share(text: str) -> float:
    """The share of characters that are no part of any writing: controls, unassigned, U+FFFD."""
    if not text:
        return 1.0
    junk = sum(
        1 for ch in text
        if ch == "\ufffd" or (unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs") and ch not in "\t\n\r\f")
    )
    return junk / len(text)


def codec_name(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = DECLARED_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> in its first 4 KB."""
    match = META_CHARSET.search(data[:4096])
    return codec_name(match.group(1).decode("ascii", "replace")) if match else None


def decode(data: bytes, html: bool = False, declared: str | None = None) -> str:
    """Bytes to NFC text: a BOM, then UTF-8, then a charset the transport declared (`declared`,
    e.g. from an HTTP header), then an HTML <meta> charset (when `html`), unless detection reads
    the bytes far better, then detection. Raises SourceError for binary data and for bytes that
    read as no text at all."""
    if looks_binary(data):
        raise SourceError("binary data, not text")
    return unicodedata.normalize("NFC", _decode(data, html, declared))


def _decode(data: bytes, html: bool, declared: str | None) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise SourceError(f"damaged {encoding.split('-sig')[0].upper()} text (it starts with a byte order mark)") from None
    utf16 = bom_less_utf16(data[:4096])
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise SourceError("binary data, not text") from None
        if junk_share(text) > 0.02:
            raise SourceError("binary data, not text")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for label in (codec_name(declared), declared_charset(data) if html else None):
        if label and not label.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
            try:
                reading = data.decode(label)
            except UnicodeDecodeError:
                continue
            return checked_declaration(data, reading)
    damaged = damaged_utf8(data)
    if damaged is not None:
        return damaged
    text = detect(data)
    if text is None or junk_share(text) > 0.02:
        raise SourceError("not text in any known encoding (invalid UTF-8)")
    return text


def checked_declaration(data: bytes, reading: str) -> str:
    """The declared reading, unless detection reads the bytes far better: pages declared
    ISO-8859-1 or windows-1252 that are in fact in a Cyrillic code page are common."""
    high = sum(1 for b in data[:DETECT_SAMPLE] if b > 0x7F)
    if high < 16:
        return reading
    detected = detect(data)
    if detected is None or detected == reading:
        return reading
    n = DETECT_SAMPLE // 2
    if plausibility(detected[:n]) - plausibility(reading[:n]) > 1.0 * high:
        return detected
    return reading


def damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a cut multi-byte character, a stray byte): decoded with
    U+FFFD in their place, when the valid multi-byte characters far outnumber the broken ones."""
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd")
    valid = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    if valid >= 10 * broken and junk_share(text.replace("\ufffd", "")) < 0.02:
        return text
    return None


DETECT_SAMPLE = 64 * 1024  # bytes the candidate readings are judged on


def reads_as_text(reading: str, sample: bytes) -> bool:
    """Whether the best reading of undeclared bytes is writing at all: real text in the archive's
    languages scores above -4.5 per non-ASCII byte (Latin accents -5 to -6), random bytes below -6.5."""
    high = sum(1 for b in sample if b > 0x7F)
    return junk_share(reading) <= 0.02 and (high < 16 or plausibility(reading) / high > -6.0)


def detect(data: bytes) -> str | None:
    """The most plausible reading among charset-normalizer's guesses, cp1252 and, for Cyrillic
    text, every Cyrillic code page (charset-normalizer alone mixes up cp1251, KOI8-R and the
    Kazakh pages on short text). Candidates are judged on the first 64 KB."""
    from charset_normalizer import from_bytes

    sample = data[:DETECT_SAMPLE]
    candidates = [match.encoding for match in list(from_bytes(data))[:5]]
    candidates.append("cp1252")  # Western European text, which charset-normalizer may rank below a CJK guess
    as_1251 = sample.decode("cp1251", "replace")
    letters = [ch for ch in as_1251 if ch.isalpha()]
    if letters and sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff") > len(letters) * 0.3:
        candidates.extend(CYRILLIC_CODECS)
    scored = []
    for order, encoding in enumerate(dict.fromkeys(candidates)):
        # A multi-byte character cut at the end of the sample is not held against its encoding.
        try:
            reading = sample.decode(encoding) if len(data) <= len(sample) else sample.decode(encoding, "replace")
        except (UnicodeDecodeError, LookupError):
            continue
        cost = RARE_CODEC_COST.get(encoding, 0.0) * sum(1 for ch in reading if ch > "\x7f")
        if encoding in CP1251_VARIANTS:
            cost += 1.5 * sum(1 for a, b in zip(reading, as_1251) if a != b)
        scored.append((plausibility(reading) - cost, -order, encoding, reading))
    scored.sort(reverse=True)
    if not scored or not reads_as_text(scored[0][3], sample):
        return None
    for _, _, encoding, _ in scored:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def nfc(value):
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- readers

POSTED = re.compile(r"^\s*Posted:\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+[\d:]+)?\s*$")


def read_txt(file: InputFile, data: bytes, failures: list[Failure]) -> Iterator[Document]:
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
        source=file.source,
        text="\n".join(lines),
        published=published,
        content_hash=sha256(data),
    )


def extract(markup: str, url: str | None = None):
    from .html import extract_html

    return extract_html(markup, url=url) if url and _takes_url(extract_html) else extract_html(markup)


def _takes_url(function) -> bool:
    import inspect

    return "url" in inspect.signature(function).parameters


def read_jsonl(file: InputFile, data: bytes, failures: list[Failure]) -> Iterator[Document]:
    """One article per line: id, title, text (or html), url, published, language. A bad line is
    a failure of its own; the good lines are still read."""
    text = decode(data)
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise SourceError("empty file: no JSON lines")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield jsonl_document(file, number, line)
        except SourceError as exc:
            failures.append(Failure(source=file.source, reason=f"line {number}: {exc}"))


def jsonl_document(file: InputFile, number: int, line: str) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SourceError(f"not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise SourceError("JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise SourceError("not a JSON object")
    record = {key: nfc(value) for key, value in record.items()}
    body = record.get("text")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    published = record.get("published")
    if not body and record.get("html"):
        page = extract(str(record["html"]), url)
        body = nfc(page.text)
        record["title"] = record.get("title") or page.title
        published = published or page.published
    if not body or not str(body).strip():
        raise SourceError("no 'text' or 'html'")
    record_id = record.get("id")
    record_id = str(record_id) if record_id not in (None, "") else str(number)
    return Document(
        id=f"{file.id}#{record_id}",
        source=file.source,
        text=str(body),
        title=nfc(str(record["title"])) if record.get("title") else None,
        published=str(published)[:10] if published else None,
        url=url or None,
        language=record.get("language") or record.get("lang") or None,
        content_hash=sha256(line.encode("utf-8")),
    )


def read_html(file: InputFile, data: bytes, failures: list[Failure]) -> Iterator[Document]:
    text = decode(data, html=True)
    if "<" not in text:
        raise SourceError("not HTML: no markup")
    page = extract(text)
    if not page.text.strip():
        raise SourceError("HTML page with no article text")
    yield Document(
        id=file.id,
        source=file.source,
        text=nfc(page.text),
        title=nfc(page.title),
        published=page.published,
        author=nfc(page.author),
        content_hash=sha256(data),
    )


HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(file: InputFile, data: bytes, failures: list[Failure]) -> Iterator[Document]:
    """A web archive: one article per HTML `response` record with HTTP status 200. Other records
    (requests, metadata, redirects, images) are skipped; a damaged record is a failure of its own."""
    source = file.source
    found_html = False
    readable = False
    for ordinal, record, problem in warc_records(data):
        if problem:
            failures.append(Failure(source=source, reason=problem))
            continue
        readable = True
        if record.rec_type != "response" or record.http_headers is None:
            continue
        content_type = (record.http_headers.get_header("Content-Type") or "").lower()
        if record.http_headers.get_statuscode() != "200" or not content_type.startswith(HTML_TYPES):
            continue
        found_html = True
        record_id = warc_record_id(record.rec_headers.get_header("WARC-Record-ID")) or str(ordinal)
        try:
            yield warc_document(file, record, record_id, content_type)
        except SourceError as exc:
            failures.append(Failure(source=source, reason=f"record {record_id}: {exc}"))
    if not readable:
        reason = failures[0].reason if failures else "no records"
        failures.clear()
        raise SourceError(f"not a readable WARC file: {reason}")  # e.g. "... at byte 0: no WARC/1.x header"
    if not found_html:
        raise SourceError("WARC file with no HTML response records")


def warc_record_id(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    return value.removeprefix("urn:uuid:") or None


def warc_document(file: InputFile, record, record_id: str, content_type: str) -> Document:
    payload = record.payload
    charset = HTTP_CHARSET.search(content_type)
    markup = decode(payload, html=True, declared=charset.group(1) if charset else None)
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    page = extract(markup, url)
    if not page.text.strip():
        raise SourceError("HTML page with no article text")
    warc_date = record.rec_headers.get_header("WARC-Date") or ""
    published = page.published or (warc_date[:10] if re.match(r"\d{4}-\d{2}-\d{2}", warc_date) else None)
    return Document(
        id=f"{file.id}#{record_id}",
        source=file.source,
        text=nfc(page.text),
        title=nfc(page.title),
        published=published,
        url=url,
        author=nfc(page.author),
        content_hash=sha256(payload),
    )


WARC_START = re.compile(rb"(?:^|\n)WARC/1\.[01]\r?\n")


def warc_records(data: bytes) -> list[tuple[int, object, str | None]]:
    """(ordinal, record, problem) for each record: warcio reads the records in order; where it
    cannot go on (a damaged header, a wrong length), reading resumes at the next `WARC/1.x` line.
    warcio's own warnings on stderr are kept out of the command line's output."""
    with contextlib.redirect_stderr(io.StringIO()):
        return list(_warc_records(data))


def _warc_records(data: bytes) -> Iterator[tuple[int, object, str | None]]:
    from warcio.archiveiterator import ArchiveIterator

    problems: list[str] = []
    if data[:2] == b"\x1f\x8b":
        data, problems = gunzip_members(data, tolerant=True)
    for problem in problems:
        yield 0, None, problem
    ordinal = 0
    pos = 0
    while pos < len(data):
        iterator = ArchiveIterator(io.BytesIO(data[pos:]), ensure_http_headers=False)
        end = 0  # where the last good record of this run ended
        try:
            for record in iterator:
                if record.format != "warc":  # warcio reads almost any text as an old ARC record
                    raise ValueError("no WARC/1.x header")
                record.payload = record.content_stream().read()
                end = iterator.get_record_offset() + iterator.get_record_length()
                ordinal += 1
                yield ordinal, record, None
            return
        except Exception as exc:  # warcio raises many kinds on damaged input
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        start = pos + end
        while data[start : start + 1] in (b"\r", b"\n"):
            start += 1
        ordinal += 1
        yield ordinal, None, f"damaged WARC record at byte {start}: {message}"
        match = WARC_START.search(data, start + 1)
        if not match:
            return
        pos = match.start() + (1 if data[match.start()] == 0x0A else 0)


READERS = {"txt": read_txt, "jsonl": read_jsonl, "html": read_html, "warc": read_warc}


def read_file(file: InputFile) -> Documents:
    """All documents in one file, with the records that could not be read in `.failures`; a file
    that cannot be read at all is a SourceError, never any other exception for bad input."""
    reader = READERS.get(file.kind)
    if reader is None:
        raise SourceError(f"unsupported file type '.{file.kind}'")
    try:
        if file.kind == "warc":  # gzip members are read one by one, so one damaged record loses only itself
            data = file.path.read_bytes()
            if len(data) > config.MAX_FILE_BYTES:
                raise SourceError(f"file too large: over {config.MAX_FILE_BYTES} bytes")
        else:
            data = read_bytes(file.path)
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or exc}") from None
    except EOFError:
        raise SourceError("truncated gzip file") from None
    if not data.strip():
        raise SourceError("empty file")
    failures: list[Failure] = []
    docs = list(reader(file, data, failures))
    if not docs and failures:
        more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
        raise SourceError(failures[0].reason + more)
    return Documents(docs, failures)
