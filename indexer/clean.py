"""Cleaning: a document's raw text in, its paragraphs and a record of what was
removed (with the reason) out. Whitespace is normalized and paragraph
boundaries (blank lines, or one line per paragraph) are kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Removed

SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


@dataclass
class Cleaned:
    paragraphs: list[str]
    removed: list[Removed] = field(default_factory=list)


def normalize_space(line: str) -> str:
    return SPACES.sub(" ", line).strip()


def split_paragraphs(text: str) -> list[str]:
    """Each non-blank line is a paragraph: the archive's text files put one per line."""
    lines = (normalize_space(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return [line for line in lines if line]


def clean(text: str, title: str | None = None) -> Cleaned:
    return Cleaned(paragraphs=split_paragraphs(text))
