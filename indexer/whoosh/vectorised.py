"""Common query shapes (terms, their Or and And, year ranges, exact phrases) evaluated a whole
posting list at a time with numpy: the same documents and, to the last bit, the same BM25F scores
as Whoosh's matchers, adding in the order Whoosh's matcher trees add. Other shapes: None.
"""
from __future__ import annotations

import time

import numpy as np
from whoosh import matching
from whoosh.collectors import TimeLimit
from whoosh.query import And, ConstantScoreQuery, FuzzyTerm, NullQuery, NumericRange, Or, Prefix, Term, TermRange
from whoosh.reading import TermInfo, TermNotFound
from whoosh.scoring import BM25FScorer
from whoosh.searching import SearchContext
from whoosh.util import make_weighted_tree

from .columns import Columns
from .phrases import FastPhrase, ListedMatcher, tree_sum
from .postings import posting_arrays

Found = tuple[np.ndarray, np.ndarray]  # a segment's (or the index's) sorted docnums and their scores
NOTHING: Found = (np.zeros(0, dtype=np.int64), np.zeros(0))

# Or._matcher's switch: segments up to this size, and Ors of more than two clauses, are added up
# in one array (ArrayUnionMatcher); others with a tree of UnionMatchers.
ARRAY_UNION_MAX_DOCS = 5000


class Unhandled(Exception):
    """A query shape this module does not evaluate: Whoosh's matchers do."""


class Stopped(TimeLimit):
    """The deadline passed: `found` holds the matches of the segments evaluated by then."""

    def __init__(self, found: Found):
        super().__init__()
        self.found = found


class Segment:
    """One leaf searcher and what evaluating a query there reads: its reader, lengths, deletions."""

    def __init__(self, searcher, number: int, columns: Columns, context, scorers: dict | None = None):
        self.searcher, self.number, self.columns, self.context = searcher, number, columns, context
        self.reader = searcher.reader()
        self.scorers = {} if scorers is None else scorers  # shared by the segments of one evaluation
        self._entries: dict[tuple[str, bytes], TermInfo | None] = {}

    def entry(self, fieldname: str, btext: bytes) -> TermInfo | None:
        """The term's entry in the segment's term table, None when it has none: looked up once, where
        whether the segment holds the term, how many documents it stands in and where its postings
        are would each look it up again."""
        key = (fieldname, btext)
        if key not in self._entries:
            try:
                self._entries[key] = self.reader.term_info(fieldname, btext)
            except TermNotFound:
                self._entries[key] = None
        return self._entries[key]

    def postings(self, fieldname: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
        """The term's live documents and weights, read a block at a time."""
        docnums, weights = posting_arrays(self.reader, fieldname, btext, self.entry(fieldname, btext))
        deleted = self.columns.deleted(self.number)
        if deleted is not None:
            live = ~deleted[docnums]
            docnums, weights = docnums[live], weights[live]
        return docnums, weights


def evaluate(query, searcher, columns: Columns | None = None, deadline: float | None = None) -> Found | None:
    """Every live document matching `query` (global docnums, sorted) with its score under the
    searcher's weighting; None for a shape left to Whoosh. Past `deadline` (time.monotonic()),
    raises Stopped with the segments done so far."""
    return _over_segments(query, searcher, columns, deadline, _scored)


def matching_docs(query, searcher, columns: Columns | None = None) -> np.ndarray | None:
    """The documents a filter query allows (what Whoosh's FilterCollector reads), or None."""
    found = _over_segments(query, searcher, columns, None, lambda q, segment: (_docs(q, segment), None))
    return None if found is None else found[0]


def _over_segments(query, searcher, columns, deadline, evaluate_segment) -> Found | None:
    columns = columns or Columns(searcher)
    context = searcher.context()
    docnums, scores = [], []
    scorers: dict = {}
    for number, (subsearcher, offset) in enumerate(searcher.leaf_searchers()):
        if deadline is not None and time.monotonic() > deadline:
            raise Stopped(_joined(docnums, scores))
        try:
            docs, docscores = evaluate_segment(query, Segment(subsearcher, number, columns, context, scorers))
        except Unhandled:
            return None
        docnums.append(docs + offset)
        scores.append(docscores if docscores is not None else np.zeros(len(docs)))
    return _joined(docnums, scores)


def _joined(docnums: list, scores: list) -> Found:
    if not docnums:
        return NOTHING
    return np.concatenate(docnums), np.concatenate(scores)


# -- scored evaluation, as Whoosh's matchers score ---------------------------------------------

def _scored(query, segment: Segment) -> Found:
    kind = type(query)
    if kind is Term:
        return _term(query, segment)
    if kind is And or kind is Or:
        subqueries = query.subqueries
        if not subqueries:
            return NOTHING
        if len(subqueries) == 1:  # CompoundQuery.matcher: the one clause's matcher, boost unused
            return _scored(subqueries[0], segment)
        return _or(query, segment) if kind is Or else _tree(query, segment, _intersection, negated=True)
    if kind is FastPhrase:
        return _phrase(query, segment)
    if kind is NumericRange:
        return _range(query, segment)
    if isinstance(query, EXPANDED):
        return _expanded(query, segment)
    if query is NullQuery:
        return NOTHING
    raise Unhandled(kind.__name__)


def _expanded(query, segment: Segment) -> Found:
    """A word~ or word*: the words it stands for, scored as Whoosh scores them. A constant-score one
    (the default) runs its Or without weighting, which only the summing array notices: there every
    document scores 1; the tree of unions still adds the searcher's BM25F scores."""
    terms = _as_terms(query, segment)
    if type(terms) is Or and query.constantscore and _or_kind(terms, segment) == Or.ARRAY_MATCHER:
        docnums = np.unique(np.concatenate([_scored(q, segment)[0] for q in terms.subqueries]))
        return docnums, np.ones(len(docnums))
    return _scored(terms, segment)


EXPANDED = (FuzzyTerm, Prefix)  # word~ and word*: MultiTerm queries, matched as the words they stand for


def _as_terms(query, segment: Segment):
    """A word~ or word* as Whoosh's MultiTerm.matcher builds it: the Or of the index words it stands for
    in the segment (with the query's boost), the one Term when there is one, else nothing. Its
    constant-score context changes nothing: a Term without weighting is scored by the searcher's."""
    words = [word for word in query._btexts(segment.reader) if word]
    if not words:
        return NullQuery
    if len(words) == 1:
        return Term(query.field(), words[0])
    return Or([Term(query.field(), word) for word in words], boost=query.boost)


def _term(query: Term, segment: Segment) -> Found:
    if query.minquality:
        raise Unhandled("term")
    fieldname, btext = query.fieldname, _btext(query, segment)
    if btext is None:
        return NOTHING
    scorer = _bm25f_scorer(segment, fieldname, btext)
    docnums, tf = segment.postings(fieldname, btext)
    scores = _bm25(scorer, tf, segment.columns.field_lengths(segment.number, fieldname)[docnums])
    if query.boost != 1.0:  # Term.matcher's WrappingMatcher
        scores = scores * query.boost
    return docnums, scores


def _bm25f_scorer(segment: Segment, fieldname: str, btext: bytes) -> BM25FScorer:
    """The term's scorer, made once per evaluation: _bm25 reads only its idf and average field length,
    the whole index's (BM25FScorer takes them from the parent searcher), and a scorer costs a sum over
    every segment's field lengths to make (a 30-word quote in 26 segments made 780 of them)."""
    scorer = segment.scorers.get((fieldname, btext))
    if scorer is None:
        scorer = segment.context.weighting.scorer(segment.searcher, fieldname, btext)
        if type(scorer) is not BM25FScorer:
            raise Unhandled("weighting")
        segment.scorers[fieldname, btext] = scorer
    return scorer


def _bm25(scorer: BM25FScorer, tf: np.ndarray, fl: np.ndarray) -> np.ndarray:
    """whoosh.scoring.bm25 over arrays of term frequencies and field lengths, operation for operation."""
    idf, avgfl, B, K1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
    return idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))


def _or(query: Or, segment: Segment) -> Found:
    if query.scale or query.minmatch:
        raise Unhandled("coordinated or")
    kind = _or_kind(query, segment)
    if kind == Or.DEFAULT_MATCHER:
        return _tree(query, segment, _union, negated=False)
    if kind == Or.ARRAY_MATCHER:
        return _array_union(query, segment)
    raise Unhandled("or matcher")


def _or_kind(query: Or, segment: Segment) -> int:
    """Or._matcher's choice of matcher, with a context that needs no current match."""
    kind = query.matcher_type
    if kind == Or.AUTO_MATCHER:
        clauses = len(query.subqueries)
        small = clauses != 2 and segment.searcher.doc_count_all() <= ARRAY_UNION_MAX_DOCS
        kind = Or.ARRAY_MATCHER if small or clauses >= Or.TOO_MANY_CLAUSES else Or.DEFAULT_MATCHER
    return kind


def _tree(query, segment: Segment, combine, negated: bool) -> Found:
    """CompoundQuery._tree_matcher: the clauses paired up smallest first (make_weighted_tree, by
    estimated size, negated for And), each pair's scores added, then the query's boost.

    Clauses of equal size are ordered as Whoosh orders its matchers: by comparing matchers, whose
    answers depend on their classes; so each clause stands in the list as a bare instance of the
    class of matcher Whoosh would have built for it."""
    reader = segment.reader
    found: dict[int, Found] = {}

    def stand_in(matcher_class, matches: Found):
        placeholder = matcher_class.__new__(matcher_class)
        found[id(placeholder)] = matches
        return placeholder

    def pair(a, b):
        return stand_in(combine_class, combine(found[id(a)], found[id(b)]))

    combine_class = matching.IntersectionMatcher if negated else matching.UnionMatcher
    weighted = []
    for q in query.subqueries:
        matches = _scored(q, segment)
        size = _estimated_size(q, segment)
        weighted.append((-size if negated else size, stand_in(_matcher_class(q, segment, matches), matches)))
    docnums, scores = found[id(make_weighted_tree(pair, weighted))]
    if query.boost != 1.0:  # WrappingMatcher
        scores = scores * query.boost
    return docnums, scores


def _estimated_size(query, segment: Segment) -> int:
    """query.estimate_size(reader), with a term's document frequency read off its entry."""
    kind = type(query)
    if kind is Term:  # 0 where the field, the term or its bytes are not the segment's
        btext = _btext(query, segment)
        return segment.entry(query.fieldname, btext).doc_frequency() if btext is not None else 0
    if kind is Or and query.subqueries:  # CompoundQuery.estimate_size
        return min(sum(_estimated_size(q, segment) for q in query.subqueries), segment.reader.doc_count())
    if kind is And and query.subqueries:
        return min(_estimated_size(q, segment) for q in query.subqueries)
    return query.estimate_size(segment.reader)


def _matcher_class(query, segment: Segment, matches: Found | None = None) -> type:
    """The class of the matcher Whoosh builds for a query this module handles (`matches`: what the
    query matched, when known)."""
    kind = type(query)
    if kind is Term:
        btext = _btext(query, segment)
        if btext is None:
            return matching.NullMatcherClass
        if query.boost != 1.0:
            return matching.WrappingMatcher
        return type(segment.reader.postings(query.fieldname, btext))
    if kind is And or kind is Or:
        subqueries = query.subqueries
        if not subqueries:
            return matching.NullMatcherClass
        if len(subqueries) == 1:
            return _matcher_class(subqueries[0], segment)
        if query.boost != 1.0:
            return matching.WrappingMatcher
        if kind is And:
            return matching.IntersectionMatcher
        return matching.ArrayUnionMatcher if _or_kind(query, segment) == Or.ARRAY_MATCHER else matching.UnionMatcher
    if query is NullQuery:
        return matching.NullMatcherClass
    if isinstance(query, EXPANDED):
        return _matcher_class(_as_terms(query, segment), segment)
    if kind is FastPhrase and matches is not None:  # handled only when FastPhrase matched its own way
        return matching.NullMatcherClass if len(matches[0]) == 0 else ListedMatcher
    if kind is NumericRange:
        compiled = query._compile_query(segment.reader)
        if type(compiled) is ConstantScoreQuery:  # its matcher, without listing every document
            context = segment.context or SearchContext()
            nothing = None if context.needs_current else _matches_nothing(compiled.child, segment)
            if nothing is not None:
                return matching.NullMatcherClass if nothing else matching.ListMatcher
            child = compiled.child.matcher(segment.searcher, context)
            if context.needs_current or isinstance(child, matching.NullMatcherClass):
                return type(child)
            return matching.ListMatcher
    return type(query.matcher(segment.searcher, segment.context))


def _matches_nothing(query, segment: Segment) -> bool | None:
    """Whether Whoosh's matcher for a range's compiled query (a term, a term range, or an Or of two
    or more of them) is a NullMatcher, told without building it: building it reads the postings of
    every value in the range (a decade of years, a fair share of the archive). None when not known."""
    kind = type(query)
    if kind is Term:
        return _btext(query, segment) is None
    if kind is TermRange:  # MultiTerm.matcher: Null only without a term
        return not any(query._btexts(segment.reader))
    if kind is Or and len(query.subqueries) >= 2:  # a tree of unions, or an array union: never Null
        return False
    return None


def _btext(query: Term, segment: Segment) -> bytes | None:
    """The term's bytes when the segment holds it, else None (Whoosh's NullMatcher)."""
    schema = segment.searcher.schema
    if query.fieldname not in schema:
        return None
    try:
        btext = schema[query.fieldname].to_bytes(query.text)
    except ValueError:
        return None
    return btext if segment.entry(query.fieldname, btext) is not None else None


def intersection(lists: list[np.ndarray]) -> np.ndarray:
    """The documents in every one of these sorted lists (at least one)."""
    docnums = lists[0]
    for other in lists[1:]:
        docnums = np.intersect1d(docnums, other, assume_unique=True)
    return docnums


def _intersection(a: Found, b: Found) -> Found:
    docnums, in_a, in_b = np.intersect1d(a[0], b[0], assume_unique=True, return_indices=True)
    return docnums, a[1][in_a] + b[1][in_b]


def _union(a: Found, b: Found) -> Found:
    """UnionMatcher: a document in both adds the two scores; in one, that one's score."""
    docnums = np.union1d(a[0], b[0])
    scores = np.zeros(len(docnums))
    in_a, in_b = np.searchsorted(docnums, a[0]), np.searchsorted(docnums, b[0])
    seen = np.zeros(len(docnums), dtype=bool)
    scores[in_a] = a[1]
    seen[in_a] = True
    scores[in_b] = np.where(seen[in_b], scores[in_b] + b[1], b[1])
    return docnums, scores


def _array_union(query: Or, segment: Segment) -> Found:
    """ArrayUnionMatcher: each clause's scores times the Or's boost, added into an array of zeros
    clause by clause; documents whose sum is not above zero are not matches."""
    clauses = [_scored(q, segment) for q in query.subqueries]
    docnums = np.unique(np.concatenate([found[0] for found in clauses]))
    scores = np.zeros(len(docnums))
    for clause_docs, clause_scores in clauses:
        at = np.searchsorted(docnums, clause_docs)
        scores[at] += clause_scores * query.boost
    matched = scores > 0
    return docnums[matched], scores[matched]


def _phrase(query: FastPhrase, segment: Segment) -> Found:
    """FastPhrase's documents, each word scored over arrays as _term scores it, the words' scores
    added as Whoosh's tree of intersections adds them (tree_sum works on arrays as on numbers)."""
    matched = query.found(segment.searcher)
    if matched is None:  # a phrase Whoosh matches its own way
        raise Unhandled("phrase")
    btexts, found = matched
    if not found:
        return NOTHING
    docnums = np.array(sorted(found), dtype=np.int64)
    weights = np.array([found[docnum] for docnum in docnums.tolist()], dtype=np.float64)
    fl = segment.columns.field_lengths(segment.number, query.fieldname)[docnums]
    scores = tree_sum([_bm25(_bm25f_scorer(segment, query.fieldname, btext), weights[:, n], fl)
                       for n, btext in enumerate(btexts)])
    return docnums, scores * query.boost if query.boost != 1.0 else scores


def _range(query: NumericRange, segment: Segment) -> Found:
    """A constant-score range: its documents, each scored the range's boost (ConstantScoreQuery)."""
    compiled = query._compile_query(segment.reader)
    if compiled is NullQuery:
        return NOTHING
    if type(compiled) is not ConstantScoreQuery:
        raise Unhandled("scored range")
    docnums = _range_docs(query, segment)
    if docnums is None:
        docnums = _docs(compiled.child, segment)
    return docnums, np.full(len(docnums), float(compiled.score))


def _range_docs(query: NumericRange, segment: Segment) -> np.ndarray | None:
    """A range over an integer field with a column (the year): its documents from the column, instead
    of the postings of every value in the range (a decade of years is a fair share of the archive).
    None for other fields."""
    field = segment.searcher.schema[query.fieldname]
    if not (field.sortable_typecode and field.numtype is int and field.column_type):
        return None
    values = segment.columns.numbers(segment.number, query.fieldname)
    inside = np.ones(len(values), dtype=bool)
    if query.start is not None:
        inside &= values > query.start if query.startexcl else values >= query.start
    if query.end is not None:
        inside &= values < query.end if query.endexcl else values <= query.end
    deleted = segment.columns.deleted(segment.number)
    if deleted is not None:
        inside &= ~deleted
    return np.flatnonzero(inside).astype(np.int64)


# -- which documents match, unscored (filters, ranges) ----------------------------------------

def _docs(query, segment: Segment) -> np.ndarray:
    kind = type(query)
    if kind is Term:
        btext = _btext(query, segment)
        return NOTHING[0] if btext is None else segment.postings(query.fieldname, btext)[0]
    if kind is TermRange:
        return _union_docs([segment.postings(query.fieldname, btext)[0] for btext in query._btexts(segment.reader)])
    if kind is Or:
        return _union_docs([_docs(q, segment) for q in query.subqueries])
    if kind is And:
        found = [_docs(q, segment) for q in query.subqueries]
        return intersection(found) if found else NOTHING[0]
    if kind is NumericRange:
        compiled = query._compile_query(segment.reader)
        if compiled is NullQuery:
            return NOTHING[0]
        docnums = _range_docs(query, segment)
        return _docs(compiled, segment) if docnums is None else docnums
    if kind is ConstantScoreQuery:
        return _docs(query.child, segment)
    if query is NullQuery:
        return NOTHING[0]
    raise Unhandled(kind.__name__)


def _union_docs(lists: list[np.ndarray]) -> np.ndarray:
    return np.unique(np.concatenate(lists)) if lists else NOTHING[0]
