"""Filters read off the facet columns must allow exactly the live documents Whoosh's own matchers find
for them (on segments with deletions), for every value of every facet, year ranges open or closed,
and their combinations; a filter of another shape is declined, and read from postings instead."""
from __future__ import annotations

import itertools

import numpy as np
import pytest
from whoosh.query import NumericRange, Or, Term

from indexer.search import Filters
from indexer.whoosh.columns import Columns, FacetColumn
from indexer.whoosh.facet_filters import allowed_docs
from indexer.whoosh.translate import to_whoosh
from test_columns import searcher  # noqa: F401  (the fixture: three segments, deletions, every facet)


@pytest.fixture(scope="module")
def columns(searcher):  # noqa: F811
    return Columns(searcher)


def live(searcher, docs: np.ndarray) -> list[int]:  # noqa: F811
    return [int(d) for d in docs if not searcher.ixreader.is_deleted(int(d))]


def whoosh_docs(searcher, query) -> list[int]:  # noqa: F811
    return sorted(searcher.docs_for_query(query))


FILTERS = [
    *(Filters(venue=v) for v in ("Palace", "Arena", "Nowhere")),
    *(Filters(country=c) for c in ("Kazakhstan", "Belarus")),
    *(Filters(lang=code) for code in ("en", "ru", "kk")),
    *(Filters(mentioned=y) for y in (1990, 1993, 1995, 2001)),
    *(Filters(year=y) for y in (2017, 2020, 2021)),
    Filters(year_from=2018), Filters(year_to=2018), Filters(year_from=2018, year_to=2019),
    Filters(venue="Arena", country="Belarus", lang="ru", year_from=2019),
    Filters(country="Kazakhstan", mentioned=1991, year=2018),
]


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_the_columns_allow_what_whoosh_finds(searcher, columns, filters):  # noqa: F811
    query = to_whoosh(filters.query(), searcher.schema)
    docs = allowed_docs(query, columns)
    assert docs is not None
    assert np.all(np.diff(docs) > 0)  # sorted, each once
    assert live(searcher, docs) == whoosh_docs(searcher, query)


def test_every_value_of_every_facet(searcher, columns):  # noqa: F811
    checked = 0
    for name in ("venue", "country", "language", "mentioned"):
        for value in columns.facets[name].values:
            text = value.decode() if isinstance(value, bytes) else value
            if text:
                assert live(searcher, allowed_docs(Term(name, text), columns)) == whoosh_docs(searcher, Term(name, text))
                checked += 1
    assert checked >= 2 + 2 + 2 + 6
    for start, end in itertools.product((None, 2017, 2018), (None, 2019, 2020)):
        for excluded in (False, True):
            query = NumericRange("year", start, end, startexcl=excluded, endexcl=excluded)
            assert live(searcher, allowed_docs(query, columns)) == whoosh_docs(searcher, query), (start, end, excluded)


@pytest.mark.parametrize("query", [
    Or([Term("country", "Belarus"), Term("language", "en")]),  # an Or: not a filter the UI makes
    Term("text", "almaty"),  # not a facet
    Term("year", 2018),  # a number's term: not the column's value
])
def test_other_shapes_are_declined(columns, query):
    assert allowed_docs(query, columns) is None


def test_a_document_holding_two_accepted_values_is_listed_once():
    # documents 0-3; document 1 mentions two years, document 2 none
    column = FacetColumn([b"1990", b"1991", b"1992"], np.array([0, 1, 1, 3]), np.array([0, 0, 1, 2]))
    assert column.docs_with(np.array([True, True, False])).tolist() == [0, 1]
    assert column.docs_with(np.array([False, True, True])).tolist() == [1, 3]
    assert column.docs_with(np.array([False, False, False])).tolist() == []
