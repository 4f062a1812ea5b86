"""Whoosh collectors for a search that Whoosh's matchers run (shapes the numpy evaluation leaves
to them, and explain): a query's matches in, their document numbers and scores out, within a
deadline, past the filters, with the terms each matched when asked.
"""
from __future__ import annotations

import time
from array import array

from whoosh import collectors
from whoosh.collectors import TimeLimit


class Deadline(collectors.WrappingCollector):
    """Stops a search at a deadline, from the innermost collector, so facets, collapsing
    and filters (which wrap it) keep working on what was found by then."""

    def __init__(self, child, seconds: float):
        super().__init__(child)
        self.seconds = seconds

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        self.deadline = time.monotonic() + self.seconds

    def collect(self, sub_docnum):
        if time.monotonic() > self.deadline:
            raise TimeLimit
        return self.child.collect(sub_docnum)


class Matches(collectors.ScoredCollector):
    """Every match's document number, and its score when the search ranks by score: nothing else,
    so that facets, collapsing and ordering can work on whole arrays afterwards."""

    def __init__(self, scored: bool):
        super().__init__()
        self.scored = scored

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context if self.scored else context.set(weighting=None))
        self.docnums = array("q")
        self.scores = array("d")

    def collect(self, sub_docnum):
        if self.scored:
            return super().collect(sub_docnum)
        self.docnums.append(self.offset + sub_docnum)

    def _collect(self, global_docnum, score):
        self.docnums.append(global_docnum)
        self.scores.append(score)

    def matches(self):
        return super().matches() if self.scored else collectors.Collector.matches(self)

    def count(self):
        return len(self.docnums)

    def results(self):
        return self


def build_collector(scored: bool, explain: bool, filters, seconds: float | None):
    """Every match passing the filters, timed (when `seconds`); with the terms each matched, for explain."""
    matches = Matches(scored)
    collector = Deadline(matches, seconds) if seconds is not None else matches
    if explain:
        collector = collectors.TermsCollector(collector)
    collector = collectors.FilterCollector(collector, allow=filters) if filters else collector
    return matches, collector
