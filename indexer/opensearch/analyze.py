"""The cluster's analyzers as a function: an analyzer's name and a text in, the tokens the cluster
makes of it out (term, position, start and end offsets), asked with the `_analyze` API of the
live article index and remembered: a query's words are few and come back often.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from opensearchpy import OpenSearch

REMEMBERED = 50_000  # (analyzer, text) pairs: words, not queries, so a few MB


class ClusterAnalysis:
    def __init__(self, client: OpenSearch, index: str):
        self.client, self.index = client, index
        self._known: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, analyzer: str, text: str) -> list[tuple[str, int, int, int]]:
        key = (analyzer, text)
        with self._lock:
            if key in self._known:
                self._known.move_to_end(key)
                return self._known[key]
        answer = self.client.indices.analyze(index=self.index, body={"analyzer": analyzer, "text": text})
        tokens = [(t["token"], t["position"], t["start_offset"], t["end_offset"]) for t in answer.get("tokens", [])]
        with self._lock:
            self._known[key] = tokens
            while len(self._known) > REMEMBERED:
                self._known.popitem(last=False)
        return tokens
