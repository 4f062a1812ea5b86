"""HTML main-content extraction: a page's markup in, its title, date, author
and article body (paragraphs separated by blank lines) out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg")
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre")
DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass
class Page:
    title: str | None
    text: str
    published: str | None = None
    author: str | None = None


def meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag and tag.get("content"):
            return str(tag["content"]).strip()
    return None


def iso_date(value: str | None) -> str | None:
    match = DATE.search(value or "")
    return "-".join(match.groups()) if match else None


def extract_html(markup: str) -> Page:
    soup = BeautifulSoup(markup, "lxml")
    title = meta(soup, "og:title") or (soup.title.get_text(" ", strip=True) if soup.title else None)
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        title = h1.get_text(" ", strip=True)
    published = iso_date(meta(soup, "article:published_time", "date", "dc.date", "pubdate"))
    if not published:
        time = soup.find("time", attrs={"datetime": True})
        published = iso_date(time["datetime"]) if time else None
    author = meta(soup, "author", "article:author")
    for tag in soup(DROP_TAGS):
        tag.decompose()
    body = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = [b.get_text(" ", strip=True) for b in body.find_all(BLOCK_TAGS)]
    blocks = [b for b in blocks if b and b != title]
    if not blocks:
        blocks = [line.strip() for line in body.get_text("\n").splitlines() if line.strip()]
    return Page(title=title or None, text="\n\n".join(blocks), published=published, author=author)
