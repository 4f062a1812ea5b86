"""Near-copies: an article reprinted with a few words changed joins its original's
group, named by the earliest; distinct articles stay alone."""
from __future__ import annotations

import random
from pathlib import Path

from indexer import catalog, duplicates, sources

ROOT = Path(__file__).resolve().parent.parent


def grouped(items: list[tuple[str, str, bytes | None]]) -> dict[str, tuple[str, int]]:
    """(id, date, signature) -> id: (group, copies), as a catalog groups its articles."""
    rows = catalog.RowsBuilder()
    for article_id, date, signature in items:
        rows.add(article_id, "sha256:" + article_id, date, signature)
    cat = catalog.Catalog("test", rows.rows())
    cat.regroup()
    return {article_id: cat.group_of(article_id) for article_id, _, _ in items}


def test_reprints_join_their_originals_and_the_rest_stay_alone():
    files = sorted((ROOT / "archive").rglob("*.txt"))[:60]
    texts = [doc.text for f in files for doc in sources.read_file(sources.InputFile(f, f.parent))]
    texts = [t for t in texts if len(t.split()) > 150][:40]
    rng = random.Random(2)
    items = [(f"a{n}", f"2020-01-{n % 28 + 1:02d}", duplicates.signature(text)) for n, text in enumerate(texts)]
    for n in range(0, 20, 2):  # a reprint of every other article of the first 20, two words changed
        words = texts[n].split()
        for _ in range(2):
            words[rng.randrange(len(words))] = "changed"
        items.append((f"r{n}", "2021-06-01", duplicates.signature(" ".join(words))))
    items.append(("short", "", duplicates.signature("too short to compare")))
    groups = grouped(items)
    for n in range(len(texts)):
        expected = (f"a{n}", 1) if n < 20 and n % 2 == 0 else (f"a{n}", 0)
        assert groups[f"a{n}"] == expected
        if n < 20 and n % 2 == 0:
            assert groups[f"r{n}"] == (f"a{n}", 1)  # named by its earlier original
    assert groups["short"] == ("short", 0)


def test_grouping_is_the_same_when_every_band_mixes_alike(monkeypatch):
    """The band values are sorted as they are when their 64-bit mix cannot tell bands apart."""
    files = sorted((ROOT / "archive").rglob("*.txt"))[:30]
    texts = [doc.text for f in files for doc in sources.read_file(sources.InputFile(f, f.parent))]
    items = [(f"a{n}", "", duplicates.signature(text)) for n, text in enumerate(texts)]
    items += [(f"r{n}", "", duplicates.signature(texts[n] + " Reprinted.")) for n in range(0, 10, 3)]
    expected = grouped(items)
    assert any(copies for _, copies in expected.values())
    monkeypatch.setattr(duplicates, "MIX", duplicates.MIX * 0)
    assert grouped(items) == expected
