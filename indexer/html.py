"""HTML main-content extraction: a page's markup (and its URL, if known) in, a Page out:
title, publication date (YYYY-MM-DD), author, and the article body alone, its paragraphs
separated by blank lines. Never raises: a page with no readable article gives empty text.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import trafilatura
from bs4 import BeautifulSoup

from . import patterns

# trafilatura logs "discarding data" and parser complaints at WARNING level on ordinary pages.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

# Chosen on shared/data/aeb (bench/extraction.py): precise extraction first; where it keeps less
# than half of what the fast recall-oriented pass finds, it has missed the article and the
# recall pass is used instead.
PRECISE = dict(favor_precision=True, include_comments=False, include_tables=True)
BROAD = dict(favor_recall=True, fast=True, include_comments=False, include_tables=True)
SHORTFALL = 0.5

DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg")
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre")
DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
WORD = re.compile(r"\w+")


@dataclass
class Page:
    title: str | None
    text: str
    published: str | None = None
    author: str | None = None


def extract_html(markup: str, url: str | None = None) -> Page:
    if not isinstance(markup, str) or not markup.strip() or looks_binary(markup):
        return Page(title=None, text="")
    try:
        soup = BeautifulSoup(markup, "lxml")
    except Exception:  # the parser gave up on this input (binary junk, recursion limits)
        return Page(title=None, text="")
    document = trafilatura_document(markup, url)
    title = not_the_site_name(tidy(document.title if document else None) or page_title(soup), soup)
    published = iso_date(document.date if document else None) or page_date(soup)
    author = tidy(document.author if document else None) or meta(soup, "author", "article:author")
    text = body_text(markup, document, url) or fallback_body(soup)
    return Page(title=title, text=drop_boilerplate(text, title), published=published, author=author)


def looks_binary(markup: str) -> bool:
    """More than one character in ten is a control character or a decoding replacement."""
    sample = markup[:4096]
    junk = sum(1 for c in sample if c == "\ufffd" or (ord(c) < 32 and c not in "\t\n\r\f"))
    return junk * 10 > len(sample)


def trafilatura_document(markup: str, url: str | None):
    try:
        return trafilatura.bare_extraction(markup, url=url, with_metadata=True, **PRECISE)
    except Exception:  # trafilatura does not promise to handle every malformed tree
        return None


def body_text(markup: str, document, url: str | None) -> str:
    """The precise extraction, unless the broad one finds at least twice as many words."""
    precise = document.text if document and document.text else ""
    try:
        broad = trafilatura.extract(markup, url=url, **BROAD) or ""
    except Exception:
        broad = ""
    chosen = broad if len(WORD.findall(precise)) < SHORTFALL * len(WORD.findall(broad)) else precise
    return "\n\n".join(line.strip() for line in chosen.splitlines() if line.strip())


def drop_boilerplate(text: str, title: str | None) -> str:
    title_words = WORD.findall(title or "")
    kept = [p for p in text.split("\n\n")
            if not patterns.matches("teasers.txt", p) and not (title_words and WORD.findall(p) == title_words)]
    return "\n\n".join(kept)


def fallback_body(markup) -> str:
    """Text of the block elements of <article>, <main> or <body>, page furniture removed."""
    soup = markup if isinstance(markup, BeautifulSoup) else BeautifulSoup(markup, "lxml")
    for tag in soup(DROP_TAGS):
        tag.decompose()
    body = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = [b.get_text(" ", strip=True) for b in body.find_all(BLOCK_TAGS)]
    if not blocks:
        blocks = body.get_text("\n").splitlines()
    return "\n\n".join(b.strip() for b in blocks if b.strip())


def page_title(soup: BeautifulSoup) -> str | None:
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        return h1.get_text(" ", strip=True)
    return meta(soup, "og:title") or (tidy(soup.title.get_text(" ", strip=True)) if soup.title else None)


TITLE_PARTS = re.compile(r"\s+[»|–—·:-]\s+|\s*[»|]\s*")


def not_the_site_name(title: str | None, soup: BeautifulSoup) -> str | None:
    """When the title found is the short part of a "Site » Article" <title>, the article's part instead."""
    full = tidy(soup.title.get_text(" ", strip=True)) if soup.title else None
    parts = [p.strip() for p in TITLE_PARTS.split(full or "") if p.strip()]
    if title and len(parts) > 1 and title in parts:
        longest = max(parts, key=len)
        return longest if len(longest) > len(title) else title
    return title


def page_date(soup: BeautifulSoup) -> str | None:
    published = iso_date(meta(soup, "article:published_time", "date", "dc.date", "pubdate"))
    time = soup.find("time", attrs={"datetime": True})
    return published or (iso_date(str(time["datetime"])) if time else None)


def meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag and tag.get("content"):
            return tidy(str(tag["content"]))
    return None


def iso_date(value: str | None) -> str | None:
    match = DATE.search(value or "")
    return "-".join(match.groups()) if match else None


def tidy(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None
