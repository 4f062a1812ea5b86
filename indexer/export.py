"""Export: articles in, their records out as JSON lines or CSV rows (the
metadata fields and the text), for `archivist export` and the web UI's export.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from .model import Article

CSV_FIELDS = ("id", "title", "published", "year", "year_basis", "venue", "city", "country", "language",
              "source", "url", "countries_mentioned", "dates_mentioned", "text")


def csv_row(article: Article) -> list[str]:
    record = article.to_json()
    record["text"] = article.text
    row = []
    for name in CSV_FIELDS:
        value = record.get(name)
        row.append("; ".join(value) if isinstance(value, list) else "" if value is None else str(value))
    return row


def csv_lines(articles: Iterable[Article]) -> Iterator[str]:
    """CSV text, a header and then one row per article."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in [list(CSV_FIELDS)] + [csv_row(a) for a in articles]:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def json_lines(articles: Iterable[Article]) -> Iterator[str]:
    for article in articles:
        yield json.dumps(article.to_json(), ensure_ascii=False) + "\n"
