"""Filters answered from the facet columns: a filter query (a venue, country, language or mentioned
year, a range of years, and these combined by And) and the searcher's Columns in; the documents it
allows out, or None for a filter of another shape (vectorised.matching_docs reads its postings).

The columns are in memory for the facet counts already: a filter of the whole archive's language
costs an array comparison there, where its postings list is 50,000 documents to decode per search.
"""
from __future__ import annotations

import numpy as np
from whoosh.query import And, NumericRange, Term

from .columns import Columns, FacetColumn
from .vectorised import intersection


def allowed_docs(query, columns: Columns) -> np.ndarray | None:
    """The documents (sorted; deleted ones may be among them: the matches they filter are live)."""
    kind = type(query)
    if kind is And:
        found = [allowed_docs(clause, columns) for clause in query.subqueries]
        if not found or any(docs is None for docs in found):
            return None
        return intersection(found)
    column = columns.facets.get(getattr(query, "fieldname", None))
    if column is None:
        return None
    if kind is Term:
        return _with_value(column, query.text)
    if kind is NumericRange:
        return _in_range(column, query)
    return None


def _with_value(column: FacetColumn, text) -> np.ndarray | None:
    if not isinstance(text, str) or any(not isinstance(value, (str, bytes)) for value in column.values):
        return None  # a number's term is its sortable encoding, not the value the column holds
    accepted = np.array([(value.decode() if isinstance(value, bytes) else value) == text for value in column.values],
                        dtype=bool)
    return column.docs_with(accepted)


def _in_range(column: FacetColumn, query: NumericRange) -> np.ndarray | None:
    if any(type(value) is not int for value in column.values):
        return None
    values = np.array(column.values, dtype=np.int64)
    accepted = np.ones(len(values), dtype=bool)
    if query.start is not None:
        accepted &= values > query.start if query.startexcl else values >= query.start
    if query.end is not None:
        accepted &= values < query.end if query.endexcl else values <= query.end
    return column.docs_with(accepted)
