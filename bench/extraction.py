"""Score HTML main-content extractors on the Article Extraction Benchmark (shared/data/aeb).

The metric is the one the AEB README describes: \\w+ tokens, multisets of 4-token shingles,
per-page precision/recall from normalised TP/FP/FN, macro means, F1 = harmonic mean of the
two means, exact-token accuracy, and bootstrap standard deviations (1000 resamples, seed 42).

    python bench/extraction.py [--limit N] [--extractor NAME ...]
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

AEB = ROOT.parent / "shared" / "data" / "aeb"
TOKEN = re.compile(r"\w+")
SHINGLE = 4
RESAMPLES = 1000
SEED = 42


@dataclass
class Scores:
    precision: float
    recall: float
    f1: float
    accuracy: float
    precision_std: float = 0.0
    recall_std: float = 0.0
    f1_std: float = 0.0
    accuracy_std: float = 0.0
    pages: int = 0


def tokens(text: str | None) -> list[str]:
    return TOKEN.findall(text or "")


def shingles(text: str | None) -> Counter:
    words = tokens(text)
    if not words:
        return Counter()
    if len(words) < SHINGLE:
        return Counter([tuple(words)])
    return Counter(tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def page_counts(true: str | None, pred: str | None) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of one page: the three sum to 1 (or are all 0)."""
    want, got = shingles(true), shingles(pred)
    tp = fp = fn = 0
    for key in want.keys() | got.keys():
        t, p = want.get(key, 0), got.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def metrics(pages: list[tuple[tuple[float, float, float], bool]]) -> tuple[float, float, float, float]:
    """(precision, recall, f1, accuracy) of a list of (counts, exact match) pages."""
    precisions = [page_precision(*c) for c, _ in pages if c[0] + c[1] > 0]
    recalls = [page_recall(*c) for c, _ in pages if c[0] + c[2] > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    accuracy = float(statistics.mean(exact for _, exact in pages)) if pages else 0.0
    return p, r, f1, accuracy


def score(predictions: dict[str, str], truth: dict[str, str], resamples: int = RESAMPLES) -> Scores:
    """Score predicted article bodies against true ones (both keyed by page id).

    A page missing from `predictions` counts as an empty prediction.
    """
    pages = [(page_counts(truth[key], predictions.get(key)), tokens(truth[key]) == tokens(predictions.get(key)))
             for key in sorted(truth)]
    p, r, f1, accuracy = metrics(pages)
    rng = random.Random(SEED)
    samples = [metrics(rng.choices(pages, k=len(pages))) for _ in range(resamples)] if pages else []
    stds = [statistics.stdev(column) for column in zip(*samples)] if len(samples) > 1 else [0.0] * 4
    return Scores(p, r, f1, accuracy, *stds, pages=len(pages))


def load(limit: int | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """(html by page id, true article body by page id), the first `limit` ids in sorted order."""
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit]
    html = {key: gzip.decompress((AEB / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8") for key in ids}
    return html, {key: truth[key]["articleBody"] for key in ids}


def trafilatura_with(**settings) -> Callable[[str], str]:
    def extract(markup: str) -> str:
        import trafilatura
        return trafilatura.extract(markup, **settings) or ""
    return extract


def archivist(markup: str) -> str:
    from indexer.html import extract_html
    return extract_html(markup).text


def bs4_blocks(markup: str) -> str:
    from indexer.html import fallback_body
    return fallback_body(markup)


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "trafilatura": trafilatura_with(),
    "trafilatura-no-comments": trafilatura_with(include_comments=False),
    "trafilatura-precision": trafilatura_with(include_comments=False, favor_precision=True),
    "trafilatura-recall-fast": trafilatura_with(include_comments=False, favor_recall=True, fast=True),
    "bs4": bs4_blocks,
    "archivist": archivist,
}


def run(name: str, html: dict[str, str], truth: dict[str, str]) -> tuple[Scores, float]:
    extract = EXTRACTORS[name]
    start = time.perf_counter()
    predictions = {key: extract(markup) for key, markup in html.items()}
    seconds = time.perf_counter() - start
    return score(predictions, truth), len(html) / seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="score only the first N pages (sorted by id)")
    parser.add_argument("--extractor", action="append", choices=sorted(EXTRACTORS),
                        help="extractor to score (repeatable; default: all)")
    args = parser.parse_args(argv)
    if not (AEB / "ground-truth.json").is_file():
        print(f"Error: the AEB data is not at {AEB} - put the shared data folder beside the repository.",
              file=sys.stderr)
        return 1
    html, truth = load(args.limit)
    print(f"{len(html)} pages from {AEB}")
    print("| extractor | precision | recall | F1 | accuracy | pages/s |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in args.extractor or list(EXTRACTORS):
        s, rate = run(name, html, truth)
        print(f"| {name} | {s.precision:.3f} ± {s.precision_std:.3f} | {s.recall:.3f} ± {s.recall_std:.3f} "
              f"| {s.f1:.3f} ± {s.f1_std:.3f} | {s.accuracy:.3f} ± {s.accuracy_std:.3f} | {rate:.1f} |",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
