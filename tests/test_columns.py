"""Columns: facet counts, near-copy collapsing and date order from arrays equal what Whoosh's own
collectors give, on a small random index of several segments with deleted documents."""
from __future__ import annotations

import random

import numpy as np
import pytest
from whoosh import collectors, sorting
from whoosh import index as whoosh_index
from whoosh.query import Every, Term

from indexer import config
from indexer.whoosh.columns import Columns, by_score
from indexer.whoosh.schema import article_schema

WORDS = ["almaty", "exhibition", "minsk", "forum", "golden", "cradle"]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    rng = random.Random(5)
    ix = whoosh_index.create_in(str(tmp_path_factory.mktemp("columns")), article_schema())
    for segment in range(3):
        with ix.writer() as writer:
            writer.merge = False  # several segments, as an index grows
            for n in range(60):
                year = rng.choice([2017, 2018, 2019, 2020])
                writer.add_document(
                    id=f"a{segment}-{n}",
                    text=" ".join(rng.choices(WORDS, k=rng.randint(1, 8))),
                    group=rng.choice(["", "g1", "g2", "g3", f"solo{segment}-{n}"]),
                    date=rng.choice([str(year), f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"]),
                    venue=rng.choice(["", "Palace", "Arena"]),
                    country=rng.choice(["Kazakhstan", "Belarus"]),
                    language=rng.choice(["en", "ru"]),
                    year=year,
                    mentioned=" ".join(str(y) for y in rng.sample(range(1990, 1996), rng.randint(0, 3))),
                )
    with ix.writer() as writer:
        writer.merge = False
        writer.delete_by_term("id", "a1-3")
        writer.delete_by_term("id", "a2-10")
    with ix.searcher() as s:
        assert len(s.leaf_searchers()) > 1
        yield s


def whoosh_collected(searcher, query, sortedby=None):
    """Total, facet counts and ranked document numbers as the Whoosh collector chain gives them."""
    groupedby = {name: sorting.FieldFacet(name, maptype=sorting.Count) for name in config.FACETS}
    groupedby["mentioned"] = sorting.FieldFacet("mentioned", allow_overlap=True, maptype=sorting.Count)
    base = collectors.SortingCollector(sortedby, limit=None) if sortedby else collectors.UnlimitedCollector()
    facets = collectors.FacetCollector(base, groupedby)
    collapse = collectors.CollapseCollector(facets, "group", limit=1, order=sorting.FieldFacet("date"))
    searcher.search_with_collector(query, collapse)
    results = collapse.results()
    counts = {name: dict(results.groups(name)) for name in groupedby}
    return len(results), counts, [docnum for _, docnum in results.top_n]


def matches(searcher, query):
    """Every match's document number and score."""
    collector = collectors.UnlimitedCollector()
    searcher.search_with_collector(query, collector)
    pairs = sorted((docnum, score) for score, docnum in collector.results().top_n)
    return np.array([d for d, _ in pairs], dtype=np.int64), np.array([s for _, s in pairs])


@pytest.mark.parametrize("query", [Term("text", "almaty"), Term("text", "forum"), Every()])
def test_counts_and_collapsing_equal_whoosh_collectors(searcher, query):
    total, counts, ranked = whoosh_collected(searcher, query)
    docnums, scores = matches(searcher, query)
    columns = Columns(searcher)
    counted, kept = columns.collapse(docnums)
    assert len(counted) == total
    assert columns.facet_counts(counted) == counts
    score_of = dict(zip(docnums.tolist(), scores.tolist()))
    assert by_score(kept, np.array([score_of[d] for d in kept.tolist()])).tolist() == ranked


@pytest.mark.parametrize("reverse", [True, False])
def test_date_order_equals_whoosh_sorting(searcher, reverse):
    total, counts, ranked = whoosh_collected(searcher, Every(), sorting.FieldFacet("date", reverse=reverse))
    columns = Columns(searcher)
    counted, kept = columns.collapse(matches(searcher, Every())[0])
    assert columns.by_date(kept, newest_first=reverse).tolist() == ranked
    assert columns.facet_counts(counted) == counts


def test_collapsing_keeps_every_article_outside_a_group(searcher):
    columns = Columns(searcher)
    docnums = matches(searcher, Every())[0]
    counted, kept = columns.collapse(docnums)
    assert len(kept) < len(counted) < len(docnums)  # copies folded; some never counted at all
    outside = docnums[columns.groups[docnums] < 0]
    assert set(outside.tolist()) <= set(kept.tolist())
    grouped_kept = kept[columns.groups[kept] >= 0]
    assert len(np.unique(columns.groups[grouped_kept])) == len(grouped_kept)  # one per group


@pytest.mark.parametrize("name", [*config.FACETS, "group", "date"])
def test_a_segments_keys_read_in_one_pass_are_whooshs_key_for_each_document(searcher, name):
    from indexer.whoosh.columns import segment_keys
    categorizer = sorting.FieldFacet(name).categorizer(searcher)
    assert type(categorizer) is sorting.ColumnCategorizer  # the one-pass read is the one tested
    for subsearcher, offset in searcher.leaf_searchers():
        categorizer.set_searcher(subsearcher, offset)
        expected = [categorizer.key_for(None, docnum) for docnum in range(subsearcher.doc_count_all())]
        assert segment_keys(categorizer, subsearcher) == expected
        assert len(set(expected)) > 1 or name == "group"


def test_a_segments_key_lists_read_in_one_pass_are_whooshs_keys_for_each_document(searcher):
    from indexer.whoosh.columns import segment_key_lists
    categorizer = sorting.FieldFacet("mentioned", allow_overlap=True).categorizer(searcher)
    assert type(categorizer) is sorting.OverlappingCategorizer
    for subsearcher, offset in searcher.leaf_searchers():
        categorizer.set_searcher(subsearcher, offset)
        expected = [categorizer.keys_for(None, docnum) for docnum in range(subsearcher.doc_count_all())]
        assert segment_key_lists(categorizer, subsearcher) == expected
        assert any(len(keys) > 1 for keys in expected) and any(not keys for keys in expected)


def test_varints_read_as_whoosh_writes_them():
    from whoosh.util.varints import varint
    from indexer.whoosh.columns import byte_list, read_varint
    for value in (0, 1, 127, 128, 300, 16_383, 16_384, 2**31):
        assert read_varint(b"x" + varint(value) + b"y", 1) == (value, 1 + len(varint(value)))
    long = b"z" * 200
    assert byte_list(varint(3) + varint(4) + b"2019" + varint(0) + varint(200) + long) == [b"2019", b"", long]
