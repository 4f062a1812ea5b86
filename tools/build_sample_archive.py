"""Builds the sample archive in archive/ from shared/data/news-sample, beside the four seed
articles (which it never touches). Deterministic: the same input gives the same bytes.

    .venv/bin/python tools/build_sample_archive.py [--source ../shared/data/news-sample] [--archive archive]

What goes where (each article in exactly one form, so the index holds no accidental copies):

- archive/feeds/wikinews-en.jsonl: 20 of the 43 English Wikinews articles (every other one, by id)
- archive/news/en/<id>.txt: the other 23 English Wikinews articles
- archive/news/ru/<id>.txt: the 828 Russian Wikinews articles; most in UTF-8, some in the
  legacy code pages Russian archives are found in (windows-1251, KOI8-R), as a real archive has
- archive/html/<id>.html.gz: 10 of the 15 Global Voices pages, raw, as crawled
- archive/web/globalvoices.warc.gz: the other 5 Global Voices pages as a WARC crawl
  (warcinfo, then a request and a response record per page)

A .txt file is `Posted: DD.MM.YYYY 00:00:00` (when the date is known), a blank line, the title,
a blank line and the text. The files written are listed in archive/MANIFEST.tsv, with the
article ids, format, encoding and (for one-article files) the article's URL where known.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import shutil
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "news-sample"
DEFAULT_ARCHIVE = ROOT / "archive"
OUTPUTS = ("feeds", "news", "html", "web", "MANIFEST.tsv")  # everything this script owns in archive/
WARC_PAGES = 5  # of the 15 Global Voices pages, the last 5 (by id) go into the WARC file
USER_AGENT = "Archivist sample builder (tools/build_sample_archive.py)"


def load(source: Path) -> tuple[list[dict], list[dict]]:
    articles = [json.loads(line) for line in (source / "articles.jsonl").read_text("utf-8").splitlines() if line.strip()]
    pages = [json.loads(line) for line in (source / "html" / "index.jsonl").read_text("utf-8").splitlines() if line.strip()]
    return articles, sorted(pages, key=lambda p: p["id"])


def txt(article: dict) -> str:
    head = ""
    if article.get("published"):
        year, month, day = article["published"][:10].split("-")
        head = f"Posted: {day}.{month}.{year} 00:00:00\n\n"
    return f"{head}{article['title']}\n\n{article['text'].strip()}\n"


def legacy_encoding(index: int, text: str) -> str:
    """The encoding of the index-th Russian article: every 25th in windows-1251; every 5th
    (offset 2) in KOI8-R where the text fits that code page (it has no « » or —); else UTF-8."""
    for encoding, every, offset in (("cp1251", 25, 0), ("koi8_r", 5, 2)):
        if index % every == offset:
            try:
                text.encode(encoding)
                return encoding
            except UnicodeEncodeError:
                pass
    return "utf-8"


def warc(pages: list[dict], source: Path) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True, warc_version="1.1")
    info = writer.create_warcinfo_record(
        "globalvoices.warc.gz",
        {
            "software": USER_AGENT,
            "description": "Global Voices article pages (CC BY 3.0), from shared/data/news-sample/html",
        },
    )
    info.rec_headers.replace_header("WARC-Record-ID", f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'archivist:globalvoices.warc.gz')}>")
    info.rec_headers.replace_header("WARC-Date", warc_date(pages[0]["published"]))
    writer.write_record(info)
    for page in pages:
        body = gzip.decompress((source / page["file"]).read_bytes())
        url = page["url"]
        date = warc_date(page["published"])
        host, path = url.split("/", 3)[2], "/" + url.split("/", 3)[3]
        request = StatusAndHeaders(
            f"GET {path} HTTP/1.1", [("Host", host), ("User-Agent", USER_AGENT)], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), http_headers=request,
                warc_headers_dict=warc_headers(url, "request", date),
            )
        )
        response = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=UTF-8"), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=response,
                warc_headers_dict=warc_headers(url, "response", date),
            )
        )
    return out.getvalue()


def warc_date(published: str) -> str:
    """'2009-06-11 10:57:00' -> '2009-06-11T10:57:00Z' (the page's time, taken as the crawl's)."""
    return published.replace(" ", "T") + "Z"


def warc_headers(url: str, kind: str, date: str) -> dict[str, str]:
    return {"WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind}:{url}')}>", "WARC-Date": date}


def build(source: Path, archive: Path) -> list[tuple[str, str, str, str]]:
    """Write the archive; returns (path, article ids, format and encoding, url) rows for MANIFEST.tsv."""
    articles, pages = load(source)
    wikinews_en = sorted((a for a in articles if a["lang"] == "en" and a["id"].startswith("en-gum-")), key=lambda a: a["id"])
    russian = sorted((a for a in articles if a["lang"] == "ru"), key=lambda a: a["id"])
    assert len(wikinews_en) == 43 and len(russian) == 828 and len(pages) == 15, "unexpected news-sample"

    for name in OUTPUTS:
        target = archive / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    rows: list[tuple[str, str, str, str]] = []

    def write(rel: str, data: bytes, ids: str, kind: str, url: str | None = None) -> None:
        path = archive / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        rows.append((rel, ids, kind, url or ""))

    feed, loose = wikinews_en[0::2], wikinews_en[1::2]
    lines = [
        json.dumps(
            {"id": a["id"], "title": a["title"], "text": a["text"], "url": a["url"],
             "published": a["published"], "language": "en"},
            ensure_ascii=False,
        )
        for a in feed
    ]
    write("feeds/wikinews-en.jsonl", ("\n".join(lines) + "\n").encode("utf-8"), ",".join(a["id"] for a in feed), "jsonl utf-8")
    for a in loose:
        write(f"news/en/{a['id']}.txt", txt(a).encode("utf-8"), a["id"], "txt utf-8", a["url"])
    for i, a in enumerate(russian):
        text = txt(a)
        encoding = legacy_encoding(i, text)
        write(f"news/ru/{a['id']}.txt", text.encode(encoding), a["id"], f"txt {encoding}", a["url"])
    html_pages, warc_pages = pages[:-WARC_PAGES], pages[-WARC_PAGES:]
    for page in html_pages:
        write(f"html/{page['id']}.html.gz", (source / page["file"]).read_bytes(), page["id"], "html.gz utf-8", page["url"])
    write("web/globalvoices.warc.gz", warc(warc_pages, source), ",".join(p["id"] for p in warc_pages), "warc.gz")
    manifest = "path\tarticles\tformat\turl\n" + "".join(f"{p}\t{i}\t{k}\t{u}\n" for p, i, k, u in rows)
    (archive / "MANIFEST.tsv").write_text(manifest, encoding="utf-8")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    args = parser.parse_args()
    rows = build(args.source, args.archive)
    kinds: dict[str, int] = {}
    for _, ids, kind, _ in rows:
        kinds[kind] = kinds.get(kind, 0) + len(ids.split(","))
    for kind, count in sorted(kinds.items()):
        print(f"{count:5d} articles  {kind}")


if __name__ == "__main__":
    main()
