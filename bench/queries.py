"""Query speed: a fixed mix of query kinds drawn from a make_corpus.py
archive's own words (seeded), run against Archivist (the library call
`Index.search` with facets and snippets, and the HTTP API of a real
`archivist serve` on 127.0.0.1), SQLite FTS5 and Tantivy; p50/p95/p99
latency per kind with one client, and queries/s with 1 and 8 clients.

    python bench/queries.py CORPUS WORKDIR [--per-kind 20] [--json]

WORKDIR is where bench/indexing.py left the indexes (archivist/index,
fts5.db, tantivy). The request counts are bounded: every query of the mix
runs once per pass (one warm-up pass, one timed pass with 1 client, one with 8).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from baselines import Fts5Engine, QuerySpec, TantivyEngine, read_meta, tantivy_available  # noqa: E402

KINDS = ("one word", "several words", "phrase", "filter + facets", "year range", "fuzzy", "quote (30 words)",
         "zero hits")
ARCHIVIST = Path(sys.executable).with_name("archivist")
WORD = re.compile(r"[^\W\d_]{4,}")
PURE = re.compile(r"^[^\W\d_]+$")
STRIP = ".,;:!?\"'“”«»„()[]—–-…"
LETTERS = {"latin": "abcdefghijklmnopqrstuvwxyz", "cyrillic": "абвгдеёжзийклмнопрстуфхцчшщыьэюя"}


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


# ------------------------------------------------------------------ the mix


def sample_articles(corpus: Path, count: int, rng: random.Random) -> list[dict]:
    """`count` .txt articles of the corpus, chosen with the seed: title, paragraphs and generated metadata."""
    meta = read_meta(corpus)
    files = sorted(corpus.rglob("*.txt"))
    chosen = sorted(rng.sample(files, min(count, len(files))))
    articles = []
    for path in chosen:
        lines = path.read_text(encoding="utf-8").splitlines()
        if lines and lines[0].startswith("Posted:"):
            lines = lines[1:]
        article_id = path.relative_to(corpus).with_suffix("").as_posix()
        articles.append({"id": article_id, "title": lines[0], "paragraphs": lines[1:], **meta.get(article_id, {})})
    return articles


def clean_words(paragraph: str) -> list[str | None]:
    """The paragraph's words with edge punctuation stripped; None where a word is not letters only."""
    out = []
    for raw in paragraph.split():
        word = raw.strip(STRIP)
        out.append(word.lower() if PURE.match(word) else None)
    return out


def window(article: dict, size: int, rng: random.Random) -> list[str] | None:
    """`size` consecutive letter-only words from one paragraph of the article."""
    paragraphs = [p for p in article["paragraphs"] if len(p.split()) >= size]
    rng.shuffle(paragraphs)
    for paragraph in paragraphs:
        words = clean_words(paragraph)
        starts = [i for i in range(len(words) - size + 1) if all(words[i:i + size])]
        if starts:
            i = rng.choice(starts)
            return list(words[i:i + size])
    return None


def misspell(word: str, rng: random.Random) -> str:
    """One letter after the first replaced by another of the same script (one edit)."""
    letters = LETTERS["cyrillic"] if re.search(r"[\u0400-\u04ff]", word) else LETTERS["latin"]
    i = rng.randrange(1, len(word))
    options = [c for c in letters if c != word[i]]
    return word[:i] + rng.choice(options) + word[i + 1:]


def build_mix(corpus: str | Path, per_kind: int = 20, seed: int = 11) -> list[QuerySpec]:
    """`per_kind` queries of each kind in KINDS, from the corpus's words (en and ru articles)."""
    rng = random.Random(seed)
    articles = [a for a in sample_articles(Path(corpus), 600, rng) if a.get("lang") in ("en", "ru")]
    df: Counter = Counter()
    words_of = []
    for a in articles:
        words = {w.lower() for w in WORD.findall(" ".join([a["title"], *a["paragraphs"]]))}
        words_of.append(words)
        df.update(words)
    n = len(articles)
    common = sorted(w for w, c in df.items() if 0.02 * n <= c <= 0.30 * n)
    middling = sorted(w for w, c in df.items() if 0.01 * n <= c <= 0.40 * n)
    long_words = sorted(w for w, c in df.items() if len(w) >= 6 and c >= 2)
    mix: list[QuerySpec] = []
    for _ in range(per_kind):
        mix.append(QuerySpec("one word", [rng.choice(common)]))
    while sum(q.kind == "several words" for q in mix) < per_kind:
        words = sorted(words_of[rng.randrange(n)] & set(middling))
        if len(words) >= 3:
            mix.append(QuerySpec("several words", rng.sample(words, rng.choice((2, 3)))))
    while sum(q.kind == "phrase" for q in mix) < per_kind:
        found = window(rng.choice(articles), rng.choice((2, 3)), rng)
        if found:
            mix.append(QuerySpec("phrase", found, phrase=True))
    while sum(q.kind == "filter + facets" for q in mix) < per_kind:
        a = rng.choice(articles)
        words = sorted(words_of[articles.index(a)] & set(common))
        if not words:
            continue
        if rng.random() < 0.5 or not a.get("country"):
            filters = {"lang": a["lang"]}
        else:
            filters = {"country": a["country"]}
        mix.append(QuerySpec("filter + facets", [rng.choice(words)], filters=filters))
    while sum(q.kind == "year range" for q in mix) < per_kind:
        i = rng.randrange(n)
        words = sorted(words_of[i] & set(common))
        if words and articles[i].get("year"):
            year = articles[i]["year"]
            mix.append(QuerySpec("year range", [rng.choice(words)], year_from=year - 3, year_to=year + 2))
    for _ in range(per_kind):
        mix.append(QuerySpec("fuzzy", [misspell(rng.choice(long_words), rng)], fuzzy=True))
    while sum(q.kind == "quote (30 words)" for q in mix) < per_kind:
        found = window(rng.choice(articles), 30, rng)
        if found:
            mix.append(QuerySpec("quote (30 words)", found, phrase=True))
    for _ in range(per_kind):
        mix.append(QuerySpec("zero hits", ["xq" + "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(7))]))
    return mix


# ------------------------------------------------------------------ Archivist engines


class ArchivistLibrary:
    name = "Archivist (library)"

    def __init__(self, index_dir: str | Path):
        self.index_dir = index_dir
        self.ix = None

    def open(self) -> None:
        import indexer

        self.ix = indexer.open_index(self.index_dir, results_cache=0)  # every search timed as a new one

    def search(self, spec: QuerySpec) -> dict:
        text, filters = spec.archivist()
        res = self.ix.search(text, per_page=10, **filters)
        return {"total": res.total, "hits": [vars(h) for h in res.hits],
                "facets": {k: [vars(v) for v in vs] for k, vs in res.facets.items()}}

    def close(self) -> None:
        self.ix = None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ArchivistHttp:
    """`archivist serve` on a loopback port, queried through /api/search."""

    name = "Archivist (HTTP API)"

    def __init__(self, index_dir: str | Path, threads: int = 8):
        self.index_dir = index_dir
        self.threads = threads
        self.server = None
        self.base = ""

    def open(self) -> None:
        port = free_port()
        self.server = subprocess.Popen(
            [str(ARCHIVIST), "serve", "--index", str(self.index_dir), "--host", "127.0.0.1", "--port", str(port),
             "--threads", str(self.threads), "--api-rate", "0"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "ARCHIVIST_RESULTS_CACHE": "0"})
        self.base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError("archivist serve exited at start")
            try:
                urllib.request.urlopen(f"{self.base}/api/search?q=x", timeout=30).read()
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        self.close()
        raise RuntimeError("archivist serve did not answer within 120 s")

    def search(self, spec: QuerySpec) -> dict:
        text, filters = spec.archivist()
        url = f"{self.base}/api/search?" + urllib.parse.urlencode({"q": text, **filters})
        with urllib.request.urlopen(url, timeout=120) as response:
            return json.loads(response.read())

    def close(self) -> None:
        if self.server is not None:
            self.server.terminate()
            try:
                self.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()
            self.server = None


# ------------------------------------------------------------------ measuring


def timed(engine, spec: QuerySpec) -> tuple[float, dict | None, str | None]:
    started = time.perf_counter()
    try:
        result = engine.search(spec)
        error = None
    except Exception as exc:  # counted and reported, never hidden
        result, error = None, f"{type(exc).__name__}: {exc}"[:200]
    return time.perf_counter() - started, result, error


def measure(engine, mix: list[QuerySpec], clients: tuple[int, ...] = (1, 8)) -> dict:
    """One warm-up pass (hit counts), then one timed pass of the mix per client count."""
    started = time.perf_counter()
    engine.open()
    try:
        hits: dict[str, list[int]] = defaultdict(list)
        errors: list[str] = []
        warm = time.perf_counter()
        first = None
        for spec in mix:
            seconds, result, error = timed(engine, spec)
            first = seconds if first is None else first
            if error:
                errors.append(f"{spec.kind}: {error}")
            else:
                hits[spec.kind].append(result["total"])
        warmup_seconds = time.perf_counter() - warm
        out: dict = {"engine": engine.name, "queries": len(mix), "first_query_ms": round(1000 * first, 1),
                     "warmup_seconds": round(warmup_seconds, 2)}
        for count in clients:
            latencies: dict[str, list[float]] = defaultdict(list)
            lock = threading.Lock()
            todo = iter(list(enumerate(mix)))

            def client() -> None:
                while True:
                    with lock:
                        item = next(todo, None)
                    if item is None:
                        return
                    seconds, _, error = timed(engine, item[1])
                    with lock:
                        latencies[item[1].kind].append(seconds)
                        if error:
                            errors.append(f"{item[1].kind}: {error}")

            t0 = time.perf_counter()
            threads = [threading.Thread(target=client) for _ in range(count)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - t0
            every = [s for values in latencies.values() for s in values]
            block = {"qps": round(len(every) / wall, 2), "p50_ms": round(1000 * percentile(every, 50), 1),
                     "p95_ms": round(1000 * percentile(every, 95), 1),
                     "p99_ms": round(1000 * percentile(every, 99), 1)}
            if count == 1:
                block["kinds"] = {
                    kind: {"n": len(latencies[kind]),
                           "p50_ms": round(1000 * percentile(latencies[kind], 50), 1),
                           "p95_ms": round(1000 * percentile(latencies[kind], 95), 1),
                           "p99_ms": round(1000 * percentile(latencies[kind], 99), 1),
                           "mean_total": round(sum(hits[kind]) / len(hits[kind]), 1) if hits[kind] else None}
                    for kind in KINDS if latencies[kind]
                }
            out[f"clients_{count}"] = block
        out["errors"] = len(errors)
        out["first_errors"] = errors[:5]
    finally:
        engine.close()
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out


def engines_for(workdir: Path, http: bool = True, baselines: bool = True) -> list:
    engines: list = [ArchivistLibrary(workdir / "archivist" / "index")]
    if http:
        engines.append(ArchivistHttp(workdir / "archivist" / "index"))
    if baselines:
        engines.append(Fts5Engine(workdir / "fts5.db"))
        if tantivy_available() and (workdir / "tantivy").exists():
            engines.append(TantivyEngine(workdir / "tantivy"))
    return engines


def run(corpus: str | Path, workdir: str | Path, per_kind: int = 20, http: bool = True, baselines: bool = True,
        clients: tuple[int, ...] = (1, 8)) -> dict:
    workdir = Path(workdir)
    mix = build_mix(corpus, per_kind)
    results = [measure(engine, mix, clients) for engine in engines_for(workdir, http, baselines)]
    return {"per_kind": per_kind, "mix": [q.to_json() for q in mix], "engines": results}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--per-kind", type=int, default=20)
    parser.add_argument("--no-http", action="store_true")
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.corpus, args.workdir, args.per_kind, not args.no_http, not args.no_baselines)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    for engine in result["engines"]:
        print(f"{engine['engine']}: {engine['clients_1']['qps']} q/s (1 client), "
              f"{engine['clients_8']['qps']} q/s (8 clients), errors {engine['errors']}")
        for kind, row in engine["clients_1"]["kinds"].items():
            print(f"  {kind:18} p50 {row['p50_ms']:8.1f} ms  p95 {row['p95_ms']:8.1f} ms  "
                  f"p99 {row['p99_ms']:8.1f} ms  mean hits {row['mean_total']}")


if __name__ == "__main__":
    main()
