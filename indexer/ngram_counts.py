"""py3langid's byte n-gram feature counts for many texts in one numpy pass, equal to its
per-byte Python walk (langid.visit_counts): the automaton's state depends only on the last
DEPTH bytes read, so the state after every byte comes from DEPTH vectorised steps.
"""
from __future__ import annotations

import numpy as np

# The state after any text is the one reached from the start over its last DEPTH
# bytes (checked over all 104,583 states and 26.7M transitions of the model).
DEPTH = 6
# A byte no UTF-8 text holds: from any state it leads back to the start, so
# texts joined by it are read as if each were read alone.
RESET = 0xFF


class NgramCounter:
    def __init__(self, model) -> None:
        self._nextmove = np.frombuffer(model.tk_nextmove, dtype=np.uint32)
        self._rowbase = np.asarray(model.tk_row, dtype=np.intp) << 8
        self._output = np.asarray(model.tk_output, dtype=np.intp)
        if self._nextmove.size != len(model.tk_nextmove) or (self._nextmove[self._rowbase + RESET] != 0).any():
            raise ValueError("py3langid's automaton is not the one this counter was written for")
        self._features = len(model.nb_ptc)
        # The start is always two bytes back: one table lookup instead of two steps.
        first = self._step(np.full(256, self._rowbase[0]), np.arange(256))
        self._after_two = self._step(np.repeat(first, 256), np.tile(np.arange(256), 256))

    def _step(self, rows: np.ndarray, data: np.ndarray) -> np.ndarray:
        return self._rowbase[self._nextmove[rows + data]]

    def counts(self, texts: list[bytes]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Each text's features and how often each occurs, features in order of first
        appearance (as visit_counts' Counter has them; empty arrays when none)."""
        if not texts:
            return []
        joined = np.frombuffer(bytes([RESET]) * DEPTH + bytes([RESET]).join(texts), dtype=np.uint8)
        reads = joined.size - (DEPTH - 1)  # joined[DEPTH-1:], each read after the DEPTH-1 bytes before it
        if len(texts) > 1 and len(texts) * self._features * reads >= 2**62:  # the sort key below would overflow
            half = len(texts) // 2
            return self.counts(texts[:half]) + self.counts(texts[half:])
        window = [joined[back:back + reads] for back in range(DEPTH)]
        rows = self._after_two[window[0].astype(np.intp) << 8 | window[1]]
        for data in window[2:-1]:
            rows = self._step(rows, data)
        features = self._output[self._nextmove[rows + window[-1]]]
        where = np.flatnonzero(features >= 0)
        # A sort on (text, feature, position) groups each text's features, first occurrence first.
        lengths = np.array([len(text) + 1 for text in texts])
        text_of = np.searchsorted(np.cumsum(lengths), where, side="right")
        found = np.sort((text_of * self._features + features[where]) * reads + where)
        pair = found // reads
        group = np.flatnonzero(np.diff(pair, prepend=-1))
        # Groups laid out by their first position: the order of first appearance.
        slot = np.full(reads, -1)
        slot[found[group] % reads] = np.arange(group.size)
        order = slot[slot >= 0]
        pair = pair[group[order]]
        times = np.diff(group, append=found.size)[order].astype(np.float32)
        text_of_pair = pair // self._features
        features = pair - text_of_pair * self._features
        bounds = np.searchsorted(text_of_pair, np.arange(len(texts) + 1)).tolist()
        return [(features[start:end], times[start:end]) for start, end in zip(bounds, bounds[1:])]
