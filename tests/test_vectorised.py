"""The numpy evaluation must find exactly the documents Whoosh's matchers find, with bit-identical
scores, for every shape it handles (on segments with deletions), and decline every other shape."""
from __future__ import annotations

import random
import re

import numpy as np
import pytest
from whoosh.query import Every, Not, NullQuery, Or, Prefix, Term

from indexer.query import QueryParser
from indexer.search import Filters
from indexer.whoosh import vectorised
from indexer.whoosh.columns import Columns
from indexer.whoosh.reader import vectorised_matches
from indexer.whoosh.translate import to_whoosh
from test_phrases import generation, searcher  # noqa: F401  (the fixtures: 300 articles, two segments, deletions)

WORD = re.compile(r"[^\W\d_]{3,}")


@pytest.fixture(scope="module")
def words(searcher):  # noqa: F811
    texts = [fields["text"] for fields in searcher.all_stored_fields()]
    return sorted({w.lower() for text in texts for w in WORD.findall(text)})


@pytest.fixture(scope="module")
def columns(searcher):  # noqa: F811
    return Columns(searcher)


def queries(words: list[str], count: int, seed: int) -> list[str]:
    """Single words, 2-4 words, OR, year ranges, exact phrases, words the archive does not hold,
    misspelt words~ and word* prefixes."""
    rng = random.Random(seed)
    made = []
    for n in range(count):
        picked = rng.sample(words, rng.randint(1, 4))
        shape = n % 7
        if shape == 1:
            text = " OR ".join(picked)
        elif shape == 2:
            start = rng.randint(2015, 2024)
            text = f"{picked[0]} year:{start}..{start + rng.randint(0, 3)}"
        elif shape == 3:
            text = '"' + " ".join(rng.sample(words, 2) if rng.random() < 0.3 else picked[:2]) + '"'
        elif shape == 4:
            text = f"{picked[0]} zzqqx" if rng.random() < 0.5 else f"{picked[0]} OR ({' '.join(picked[1:])})"
        elif shape == 5:
            word = picked[0]
            at = rng.randrange(1, len(word)) if len(word) > 1 else 0
            misspelt = word[:at] + rng.choice("aeiost") + word[at + 1 :]
            text = f"{misspelt}~ {' '.join(picked[1:])}" if rng.random() < 0.6 else f"{word[:3]}* {' '.join(picked[1:])}"
        else:
            text = " ".join(picked)
        made.append(text)
    return made


def whoosh_matches(searcher, query, filters=None) -> list[tuple[int, float]]:  # noqa: F811
    return sorted((hit.docnum, hit.score) for hit in searcher.search(query, filter=filters, limit=None))


def as_pairs(found) -> list[tuple[int, float]]:
    docnums, scores = found
    assert np.all(np.diff(docnums) > 0)
    return list(zip(docnums.tolist(), scores.tolist()))


@pytest.mark.parametrize("matcher_type", [Or.AUTO_MATCHER, Or.DEFAULT_MATCHER, Or.ARRAY_MATCHER])
@pytest.mark.parametrize("match", ["all", "any"])
def test_documents_and_scores_are_whooshs(generation, searcher, words, columns, monkeypatch, matcher_type, match):  # noqa: F811
    monkeypatch.setattr(Or, "matcher_type", matcher_type)  # both sides: union trees and summing arrays
    parser = QueryParser(generation, match)
    evaluated = 0
    for text in queries(words, 120, seed=10 * matcher_type + (match == "any")):
        query = to_whoosh(parser.parse(text).query, searcher.schema)
        found = vectorised.evaluate(query, searcher, columns)
        assert found is not None, text
        assert as_pairs(found) == whoosh_matches(searcher, query), text
        evaluated += bool(len(found[0]))
    assert evaluated > 30


def test_filters_keep_what_whooshs_filter_keeps(generation, searcher, words, columns):  # noqa: F811
    parser = QueryParser(generation)
    rng = random.Random(7)
    venues = sorted({fields.get("venue", "") for fields in searcher.all_stored_fields()} - {""})
    langs = sorted({fields.get("language", "") for fields in searcher.all_stored_fields()} - {""})
    for text in queries(words, 90, seed=3):
        filters = Filters(venue=rng.choice(venues + [None]), lang=rng.choice(langs + [None]),
                          year_from=rng.choice([None, 2018, 2020]), mentioned=rng.choice([None, None, 2019])).query()
        if filters is None:
            continue
        filters = to_whoosh(filters, searcher.schema)
        query = to_whoosh(parser.parse(text).query, searcher.schema)
        found, stopped = vectorised_matches(query, filters, columns, None)
        assert not stopped
        assert as_pairs(found) == whoosh_matches(searcher, query, filters), (text, filters)


@pytest.mark.parametrize("query", [
    Not(Term("text", "almaty")), Every(), Or([Term("text", "a"), Not(Term("text", "b"))]),
])
def test_other_shapes_are_left_to_whoosh(searcher, columns, query):  # noqa: F811
    assert vectorised.evaluate(query, searcher, columns) is None


def test_no_query_matches_nothing(searcher, columns):  # noqa: F811
    assert as_pairs(vectorised.evaluate(NullQuery, searcher, columns)) == []


def test_a_passed_deadline_stops_with_what_was_found(searcher, columns):  # noqa: F811
    with pytest.raises(vectorised.Stopped) as stop:
        vectorised.evaluate(Term("text", "the"), searcher, columns, deadline=0.0)
    assert len(stop.value.found[0]) == 0


def test_a_year_ranges_matcher_class_is_told_without_reading_it(searcher, columns):  # noqa: F811
    """Clauses of equal size are ordered by their matchers' classes: a year range's class, told
    without building its matcher (which reads every year's postings), is the one Whoosh builds:
    a list where some year of the range is held, nothing where none is, for wide and one-year
    ranges, on segments with deletions."""
    from whoosh.query import NumericRange

    context = searcher.context()
    told = set()
    for number, (subsearcher, _) in enumerate(searcher.leaf_searchers()):
        segment = vectorised.Segment(subsearcher, number, columns, context)
        for start, end in [(2015, 2024), (2019, 2019), (2020, 2021), (1900, 1950), (3000, 3001), (None, 2018), (2022, None)]:
            query = NumericRange("year", start, end)
            built = type(query.matcher(subsearcher, context))
            assert vectorised._matcher_class(query, segment) is built, (start, end)
            told.add(built)
    assert len(told) == 2  # both answers were met: a list and nothing


def test_sizes_estimated_from_term_entries_are_whooshs(searcher, words, columns):  # noqa: F811
    """Clauses are paired smallest first by their estimated size: read off each term's entry (looked
    up once), it must be what Whoosh's estimate_size gives, for terms held or not, unions whose sum
    passes the segment's documents, intersections, nested ones, and shapes left to Whoosh."""
    from whoosh.query import And, Not, NumericRange

    by_frequency = sorted(words, key=lambda w: (-searcher.doc_frequency("text", w), w))
    common, rare = by_frequency[:60], by_frequency[-30:]
    fields = ["title", "text", "quotes", "fold"]
    shapes = []
    for word in common[:6] + rare[:6] + ["zzzabsent"]:
        shapes.append(Term("text", word))
        shapes.append(Or([Term(field, word) for field in fields]))
    shapes += [
        Or([Term("text", w) for w in common[:40]]),  # more than the segment's documents, summed
        And([Or([Term(f, w) for f in fields]) for w in common[:3]]),
        And([Term("text", common[0]), And([Term("text", rare[0]), Term("title", rare[1])])]),
        Or([And([Term("text", common[1]), Term("text", common[2])]), Term("quotes", rare[2])]),
        And([Term("text", common[0]), Not(Term("text", rare[0]))]),
        NumericRange("year", 2018, 2020),
        Term("nosuchfield", "word"),
    ]
    context = searcher.context()
    sizes = set()
    for number, (subsearcher, _) in enumerate(searcher.leaf_searchers()):
        segment = vectorised.Segment(subsearcher, number, columns, context)
        for query in shapes:
            expected = query.estimate_size(subsearcher.reader())
            assert vectorised._estimated_size(query, segment) == expected, query
            sizes.add(expected)
    assert 0 in sizes and len(sizes) > 10
    union = shapes[-7]
    assert all(union.estimate_size(s.reader()) == s.reader().doc_count() < sum(
        q.estimate_size(s.reader()) for q in union.subqueries) for s, _ in searcher.leaf_searchers())  # capped
