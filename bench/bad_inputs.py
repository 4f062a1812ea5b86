"""Bad input files: a set of malformed and hostile files in, what reindex made
of each (indexed, or failed with which reason) and how long it took out, as a
table for bench/RESULTS.md.

    python bench/bad_inputs.py [--big]     # --big adds the 50 MB cases

Every file must end indexed or reported, in bounded time; nothing else may fail.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import indexer  # noqa: E402

ARTICLE = "A title line\n\nThe museum opened an exhibition about the history of the city on Monday.\n"


def warc_record(payload: bytes, content_type: str = "text/html", uri: str = "http://example.org/a") -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type.encode() + b"\r\n\r\n" + payload
    headers = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        f"WARC-Date: 2020-01-02T03:04:05Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    return headers.encode() + http + b"\r\n\r\n"


def cases(big: bool) -> dict[str, bytes]:
    deep = "<div>" * 100_000 + "<p>Deep text in the middle of nesting.</p>" + "</div>" * 100_000
    out = {
        "empty.txt": b"",
        "only-spaces.txt": b"   \n\n\t \n",
        "binary.txt": bytes(range(256)) * 64,
        "nul-bytes.txt": b"Title\x00\n\nBody \x00 with NUL \x00 bytes in the text of the article.",
        "invalid-utf8.txt": b"Title\n\nValid start then \xff\xfe\xfd bad bytes \xc3\x28 and more text here.",
        "mixed-encodings.txt": "Заголовок\n\n".encode("utf-8") + "Текст статьи в другой кодировке.".encode("cp1251"),
        "utf16-bom.txt": ARTICLE.encode("utf-16"),
        "truncated.txt.gz": gzip.compress(ARTICLE.encode() * 50)[:-20],
        "not-gzip.txt.gz": b"this is not gzip at all",
        "zip-bomb.txt.gz": gzip.compress(b"a" * 200_000_000),
        "malformed.jsonl": b'{"id": "1", "title": "ok", "text": "fine text"}\n{"id": 2, "text": \n[1, 2]\n',
        "deep-nesting.html": deep.encode(),
        "huge-attribute.html": b'<html><body><p title="' + b"x" * 5_000_000 + b'">Text after a huge attribute.</p></body></html>',
        "unclosed-tags.html": b"<html><body><p>Unclosed <b>tags <i>everywhere <div>and more text of the article",
        "script-only.html": b"<html><script>alert(1)</script><style>p{}</style></html>",
        "no-html-warc.warc": warc_record(b"just some text", content_type="text/plain"),
        "truncated.warc.gz": gzip.compress(warc_record(b"<html><body><p>Text</p></body></html>"))[:-30],
        "good.txt": ARTICLE.encode(),
        # quotation marks by the hundred: extraction must stay fast and its quotes bounded
        "many-quotes.txt": ("Title\n\n" + " ".join(f'"Word{i} a b c," said Smith{i % 7}.' for i in range(2000))).encode(),
        "unbalanced-quotes.txt": ("Title\n\n" + "\n\n".join(f'Line {i} opens "a quote that never closes' for i in range(500))).encode(),
        "mixed-script-quotes.txt": ("Заголовок\n\n" + 'Он сказал: «Hello 你好 мир», — "mixed «nested „quotes“» and" ' * 500).encode(),
    }
    if big:
        words = b"word " * (10 * 1024 * 1024 - 2000)  # just under the 50 MiB file limit
        out["line-50mb.txt"] = b"Title\n\n" + words
        out["html-50mb-line.html"] = b"<html><body><p>" + words + b"</p></body></html>"
    return out


def run(big: bool = False) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in cases(big).items():
            folder = Path(tmp) / name.replace(".", "_")
            folder.mkdir()
            (folder / name).write_bytes(data)
            started = time.perf_counter()
            report = indexer.reindex([folder], Path(tmp) / f"index-{folder.name}")
            seconds = time.perf_counter() - started
            if report.failed:
                outcome = "failed: " + "; ".join(f.reason for f in report.failed)
            else:
                outcome = f"indexed ({len(report.added)} article{'s' if len(report.added) != 1 else ''})"
            rows.append({"file": name, "bytes": len(data), "outcome": outcome, "seconds": round(seconds, 2)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--big", action="store_true", help="add the 50 MB cases")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = run(args.big)
    if args.json:
        print(json.dumps(rows))
        return
    out = io.StringIO()
    out.write("| file | size | what reindex did | seconds |\n| --- | --- | --- | --- |\n")
    for row in rows:
        out.write(f"| `{row['file']}` | {row['bytes']:,} B | {row['outcome']} | {row['seconds']} |\n")
    print(out.getvalue())


if __name__ == "__main__":
    main()
