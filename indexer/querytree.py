"""Archivist's query tree: what a parsed query asks for, as plain frozen dataclasses that
any backend translates into its own queries (indexer/whoosh/translate.py for Whoosh).

Leaves name a field and analyzed text; branches combine them. `boost` multiplies a
node's score. Search, highlighting and the quote index read and build these trees.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    field: str
    text: str | int  # an int for a numeric field (year)
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """The words side by side, in order (`slop` 1); further apart with a larger slop."""

    field: str
    words: tuple[str, ...]
    slop: int = 1
    boost: float = 1.0


@dataclass(frozen=True)
class Prefix:
    """word*: every index word that starts with `text`."""

    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Wildcard:
    """A pattern with * and ? (the quote index's syntax only)."""

    field: str
    pattern: str
    boost: float = 1.0


@dataclass(frozen=True)
class Fuzzy:
    """word~: index words within `maxdist` edits that share its first `prefix` letters."""

    field: str
    text: str
    maxdist: int = 1
    prefix: int = 0
    boost: float = 1.0
    constant_score: bool = True


@dataclass(frozen=True)
class Range:
    """Values between start and end (None: open), numbers for a numeric field, else words."""

    field: str
    start: str | int | None
    end: str | int | None
    start_excluded: bool = False
    end_excluded: bool = False
    boost: float = 1.0
    constant_score: bool = True


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class Not:
    """Only inside an And: its child must not match."""

    child: Node
    boost: float = 1.0


@dataclass(frozen=True)
class AndNot:
    """`positive`'s matches less those of `negative`."""

    positive: Node
    negative: Node


@dataclass(frozen=True)
class AndMaybe:
    """`required`'s matches, scored higher where `optional` matches too."""

    required: Node
    optional: Node


@dataclass(frozen=True)
class Every:
    """Every document."""


@dataclass(frozen=True)
class Nothing:
    """No document."""


Node = Term | Phrase | Prefix | Wildcard | Fuzzy | Range | And | Or | Not | AndNot | AndMaybe | Every | Nothing
LEAVES = (Term, Phrase, Prefix, Wildcard, Fuzzy, Range, Every, Nothing)


def children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, (And, Or)):
        return node.children
    if isinstance(node, Not):
        return (node.child,)
    if isinstance(node, AndNot):
        return (node.positive, node.negative)
    if isinstance(node, AndMaybe):
        return (node.required, node.optional)
    return ()


def leaves(node: Node) -> Iterator[Node]:
    """Every leaf, excluded ones too, in order."""
    if isinstance(node, LEAVES):
        yield node
    for child in children(node):
        yield from leaves(child)
