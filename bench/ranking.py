"""Ranking quality: index each test collection of ../shared/data that has
relevance judgments (CACM), run its queries through Archivist's search, and
report the metrics its README publishes for BM25 (MAP and P@30, trec_eval
style), beside the published figures.

    python bench/ranking.py [--k1 1.2] [--b 0.75] [--fold-boost 0.5] [--limit N]

The articles go through the same schema, analyzers, query parser and BM25F
scoring as the archive; queries are matched with OR (any word), as BM25
baselines are, to a depth of 1000.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer import build, config, schema  # noqa: E402
from indexer.model import Article, Paragraph  # noqa: E402
from indexer.search import Index  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "cacm"
PUBLISHED = {"MAP": 0.3123, "P@30": 0.1942}  # Anserini BM25 (k1=0.9, b=0.4), qrels.tsv


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_qrels(path: Path) -> dict[str, set[str]]:
    relevant: dict[str, set[str]] = {}
    for line in path.read_text().splitlines()[1:]:
        qid, doc, score = line.split("\t")
        if int(score) > 0:
            relevant.setdefault(qid, set()).add(doc)
    return relevant


def average_precision(ranked: list[str], relevant: set[str]) -> float:
    hits, total = 0, 0.0
    for rank, doc in enumerate(ranked, start=1):
        if doc in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant) if relevant else 0.0


def precision_at(ranked: list[str], relevant: set[str], k: int) -> float:
    return sum(1 for doc in ranked[:k] if doc in relevant) / k


def build_index(docs: list[dict], index_dir: Path) -> None:
    articles = []
    for doc in docs:
        # As in the archive's text files, the title is the first paragraph of the text too.
        paragraphs = [Paragraph(n=1, text=doc["title"], language="en"), Paragraph(n=2, text=doc["text"], language="en")]
        article = Article(id=doc["id"], title=doc["title"], source="cacm", language="en", paragraphs=paragraphs)
        articles.append((article, json.dumps(article.to_json())))
    index_dir.mkdir(parents=True)
    build.write_index(index_dir, articles)


def plain(text: str) -> str:
    """A natural-language query as plain words: no operators, no syntax."""
    return " ".join(w.lower() for w in re.findall(r"\w+", text))


def evaluate(index_dir: Path, queries: list[dict], qrels: dict[str, set[str]]) -> dict:
    ix = Index(index_dir)
    judged = [q for q in queries if q["id"] in qrels]
    started = time.perf_counter()
    aps, p30s, default_aps = [], [], []
    for q in judged:
        ranked = ix.ranked_ids(plain(q["text"]), limit=1000, match="any")
        aps.append(average_precision(ranked, qrels[q["id"]]))
        p30s.append(precision_at(ranked, qrels[q["id"]], 30))
    seconds = time.perf_counter() - started
    for q in judged:
        default_aps.append(average_precision(searched_ids(ix, plain(q["text"])), qrels[q["id"]]))
    return {
        "queries": len(judged),
        "MAP": sum(aps) / len(aps),
        "P@30": sum(p30s) / len(p30s),
        "ms_per_query": 1000 * seconds / max(1, len(judged)),
        # what `archivist search QUERY` gives with its defaults (every word, then most of them), to 1000
        "MAP_search_defaults": sum(default_aps) / len(default_aps),
    }


def searched_ids(ix: Index, query: str, depth: int = 1000, per_page: int = 100) -> list[str]:
    """The ids `Index.search` ranks with its defaults, page after page, to `depth`."""
    ids: list[str] = []
    for page in range(1, depth // per_page + 1):
        hits = ix.search(query, page=page, per_page=per_page).hits
        ids += [h.id for h in hits]
        if len(hits) < per_page:
            break
    return ids


def run(k1: float, b: float, fold_boost: float, title_boost: float, limit: int | None = None) -> dict:
    if not DATA.exists():
        raise SystemExit(f"No CACM data at {DATA}: the ranking benchmark needs ../shared/data/cacm")
    config.BM25_K1, config.BM25_B = k1, b
    schema.FIELD_BOOSTS["fold"] = fold_boost
    schema.FIELD_BOOSTS["title"] = title_boost
    docs = load_jsonl(DATA / "corpus.jsonl")[:limit]
    queries = load_jsonl(DATA / "queries.jsonl")
    qrels = load_qrels(DATA / "qrels.tsv")
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        build_index(docs, Path(tmp) / "index")
        index_seconds = time.perf_counter() - started
        scores = evaluate(Path(tmp) / "index", queries, qrels)
    return {"k1": k1, "b": b, "fold_boost": fold_boost, "title_boost": title_boost, "docs": len(docs), "index_seconds": index_seconds, **scores}


def grid(limit: int | None) -> None:
    """Every combination of a few values of each parameter, best MAP last."""
    rows = []
    for k1 in (0.9, 1.2, 1.5):
        for b in (0.3, 0.4, 0.5, 0.6):
            for fold_boost in (0.1, 0.2):
                for title_boost in (0.5, 0.75):
                    rows.append(run(k1, b, fold_boost, title_boost, limit))
                    r = rows[-1]
                    print(f"k1={k1} b={b} fold={fold_boost} title={title_boost}: MAP {r['MAP']:.4f} P@30 {r['P@30']:.4f}",
                          flush=True)
    best = max(rows, key=lambda r: r["MAP"])
    print("best:", json.dumps(best))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--k1", type=float, default=config.BM25_K1)
    parser.add_argument("--b", type=float, default=config.BM25_B)
    parser.add_argument("--fold-boost", type=float, default=schema.FIELD_BOOSTS["fold"])
    parser.add_argument("--title-boost", type=float, default=schema.FIELD_BOOSTS["title"])
    parser.add_argument("--limit", type=int, default=None, help="index only the first N documents")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--grid", action="store_true", help="try a grid of k1, b and field boosts")
    args = parser.parse_args()
    if args.grid:
        grid(args.limit)
        return
    result = run(args.k1, args.b, args.fold_boost, args.title_boost, args.limit)
    if args.json:
        print(json.dumps(result))
        return
    print(f"CACM: {result['docs']} documents, {result['queries']} judged queries, "
          f"k1={args.k1} b={args.b} fold boost={args.fold_boost} title boost={args.title_boost}")
    print(f"  MAP  {result['MAP']:.4f}   (published BM25: {PUBLISHED['MAP']})")
    print(f"  P@30 {result['P@30']:.4f}   (published BM25: {PUBLISHED['P@30']})")
    print(f"  MAP  {result['MAP_search_defaults']:.4f}   with archivist search's defaults (every word, then most of them)")
    print(f"  indexing {result['index_seconds']:.1f} s, {result['ms_per_query']:.1f} ms per query")


if __name__ == "__main__":
    main()
