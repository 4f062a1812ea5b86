"""Did-you-mean speed and quality: Archivist's speller (indexer.spelling) against Whoosh's
Levenshtein automaton (`searcher.suggest`, the suggester before it), on one index.

Takes words the index holds (in 3+ articles, 5+ letters), misspells each once with a fixed seed
(a letter changed, dropped, added, or two swapped; never the first), keeps those the index does
not hold, and asks both suggesters. Prints per-word latency (p50, p95) and how often each gives
back the word that was misspelt; the speller's build time and size.

    python bench/spelling.py INDEX_DIR [--words 300] [--seed 1] [--json]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Levenshtein  # noqa: E402

import indexer  # noqa: E402
from indexer import search, storage  # noqa: E402
from indexer.spelling import Speller  # noqa: E402
from indexer.whoosh import indexes  # noqa: E402

FIELD = search.SPELLING_FIELD
LETTERS = "abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщъыьэюя"


def misspell(word: str, rng: random.Random) -> str:
    k = rng.randrange(1, len(word))
    letter = rng.choice(LETTERS[:26] if word.isascii() else LETTERS[26:])
    kind = rng.choice(["change", "drop", "add", "swap"])
    if kind == "change":
        return word[:k] + letter + word[k + 1 :]
    if kind == "drop":
        return word[:k] + word[k + 1 :]
    if kind == "add":
        return word[:k] + letter + word[k:]
    k = min(k, len(word) - 2)
    return word[:k] + word[k + 1] + word[k] + word[k + 2 :] if k >= 1 else word


def whoosh_suggest(searcher, reader, word: str) -> str | None:
    """What Archivist did before: the automaton's 10 options, re-ranked nearest then commonest."""
    options = searcher.suggest(FIELD, word, limit=10, maxdist=2, prefix=1)
    if not options:
        return None
    return min(options, key=lambda o: (Levenshtein.distance(word, o), -reader.doc_frequency(FIELD, o)))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(index_dir: Path, n_words: int = 300, seed: int = 1) -> dict:
    live = storage.live_dir(index_dir)
    if live is None:
        raise SystemExit(f"{index_dir} holds no index: run `archivist reindex` first")
    reader = indexer.open_index(index_dir).reader()
    started = time.perf_counter()
    words = list(reader.words(FIELD))
    read_seconds = time.perf_counter() - started
    started = time.perf_counter()
    speller = Speller(words)
    build_seconds = time.perf_counter() - started

    def frequency(word: str) -> int:
        return reader.doc_frequency(FIELD, word)

    rng = random.Random(seed)
    pool = sorted(w for w in words if len(w) >= 5 and w.isalpha())
    rng.shuffle(pool)
    cases = []
    for word in pool:
        if frequency(word) < 3:
            continue
        wrong = misspell(word, rng)
        if wrong != word and not frequency(wrong):
            cases.append((word, wrong))
        if len(cases) >= n_words:
            break
    timings = {"speller": [], "whoosh": []}
    right = {"speller": 0, "whoosh": 0}
    with indexes.articles(live).searcher() as searcher:
        old_reader = searcher.reader()
        suggesters = (("speller", lambda w: speller.suggest(w, frequency)),
                      ("whoosh", lambda w: whoosh_suggest(searcher, old_reader, w)))
        for word, wrong in cases:
            for name, suggest in suggesters:
                started = time.perf_counter()
                got = suggest(wrong)
                timings[name].append((time.perf_counter() - started) * 1000)
                right[name] += got == word
    return {
        "index": str(index_dir), "vocabulary": len(words), "words": len(cases),
        "read_vocabulary_s": round(read_seconds, 2), "build_speller_s": round(build_seconds, 2),
        **{f"{name}_p50_ms": round(statistics.median(t), 3) for name, t in timings.items() if t},
        **{f"{name}_p95_ms": round(percentile(t, 0.95), 3) for name, t in timings.items() if t},
        **{f"{name}_gives_the_word": round(right[name] / max(1, len(cases)), 3) for name in right},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.index, args.words, args.seed)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
