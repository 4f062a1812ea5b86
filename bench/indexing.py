"""Indexing speed: a full reindex of a make_corpus.py archive, then an
incremental reindex after 1 % of the .txt files changed; articles/s, MB/s of
input, peak memory of the whole process tree, index size on disk; the time
per pipeline step (read, clean, language, extract, index) on a sample; and
the same corpus indexed by SQLite FTS5 and Tantivy (bench/baselines.py).

    python bench/indexing.py CORPUS WORKDIR [--workers 2] [--sample 300] [--json]

Every build runs in a child process of its own, so its peak memory (polled
with psutil, children included) is its own. WORKDIR receives the indexes.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from baselines import Fts5Engine, TantivyEngine, dir_bytes, tantivy_available  # noqa: E402

MB = 1024 * 1024


def input_bytes(corpus: Path) -> int:
    return sum(p.stat().st_size for p in corpus.rglob("*") if p.suffix in (".txt", ".jsonl"))


def run_child(args: list[str], timeout: float | None = None) -> dict:
    """Run `python bench/indexing.py _child ...`; its JSON result, wall time and peak tree RSS."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "_child", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak = peak_pss = 0
    polls = 0
    while proc.poll() is None:
        try:
            tree = [ps, *ps.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
            if polls % 5 == 0:  # PSS (forked processes' shared pages counted once) reads smaps: slower
                peak_pss = max(peak_pss, sum(tree_pss(p) for p in tree))
        except psutil.Error:
            pass
        polls += 1
        if timeout and time.perf_counter() - started > timeout:
            proc.kill()
            raise TimeoutError(f"{args[0]} build over {timeout:.0f} s")
        time.sleep(0.1)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"{args[0]} build failed: {err.strip()[-800:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["wall_seconds"] = time.perf_counter() - started
    result["peak_rss_mb"] = round(peak / MB, 1)
    result["peak_pss_mb"] = round(peak_pss / MB, 1)
    return result


def tree_pss(process: psutil.Process) -> int:
    """A process's proportional set size (its share of pages it shares), RSS where the system has none."""
    try:
        return process.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):
        return process.memory_info().rss


def child(argv: list[str]) -> None:
    """In the child process: one build, its result as one JSON line."""
    kind = argv[0]
    if kind == "archivist":
        import indexer

        corpus, index_dir, full, workers = argv[1], argv[2], argv[3] == "full", int(argv[4])
        report = indexer.reindex([corpus], index_dir, full=full, workers=workers)
        result = {"added": len(report.added), "changed": len(report.changed), "unchanged": len(report.unchanged),
                  "removed": len(report.removed), "failed": len(report.failed),
                  "failures": [vars(f) for f in report.failed[:3]], "seconds": report.seconds}
    elif kind == "fts5":
        result = Fts5Engine(argv[2]).build(argv[1])
    elif kind == "tantivy":
        result = TantivyEngine(argv[2]).build(argv[1], threads=int(argv[3]))
    else:
        raise SystemExit(f"unknown build {kind}")
    print(json.dumps(result))


def archivist_index_bytes(index_dir: Path) -> int:
    from indexer import storage

    live = storage.live_dir(index_dir)
    return dir_bytes(live) if live else 0


def change_files(corpus: Path, share: float = 0.01, seed: int = 7) -> list[Path]:
    """Edit `share` of the .txt files (a word changed, a paragraph added), chosen with a fixed seed."""
    files = sorted(corpus.rglob("*.txt"))
    rng = random.Random(seed)
    chosen = rng.sample(files, max(1, round(len(files) * share)))
    for path in chosen:
        lines = path.read_text(encoding="utf-8").splitlines()
        lines.append(f"Correction: an earlier version of this article misstated a date (revision {rng.randint(2, 9)}).")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return chosen


def step_times(corpus: Path, sample: int = 300, seed: int = 3) -> dict:
    """Each pipeline step timed on its own, over a sample of the corpus's files, in this process (one core)."""
    from indexer import build, clean, extract, language, quote_index, quotes, sources
    from indexer.whoosh import indexes as whoosh_indexes
    from indexer.whoosh import writing as whoosh_writing
    from indexer.catalog import Catalog
    from indexer.pipeline import process
    from indexer.spool import InMemory

    files = sources.discover([corpus])
    txt = [f for f in files if f.kind == "txt"]
    rng = random.Random(seed)
    chosen = sorted(rng.sample(txt, min(sample, len(txt))), key=lambda f: f.path)
    timings = {}

    t = time.perf_counter()
    docs = [doc for f in chosen for doc in sources.read_file(f)]
    timings["read"] = time.perf_counter() - t

    t = time.perf_counter()
    learning = build.RepeatedBySource()
    for doc in docs:
        learning.add(doc)
    repeated = learning.lines()
    cleaned = [clean.clean(d.text, d.title, repeated.get(build.source_group(d), set())) for d in docs]
    timings["clean"] = time.perf_counter() - t

    t = time.perf_counter()
    langs = []
    for c in cleaned:
        codes = language.detect_many(c.paragraphs)
        langs.append(language.article_language(c.paragraphs, codes))
    timings["language"] = time.perf_counter() - t

    t = time.perf_counter()
    for d, c, lang in zip(docs, cleaned, langs):
        extract.extract(d, c.paragraphs, d.language or lang)
    timings["extract"] = time.perf_counter() - t

    t = time.perf_counter()
    for d, c, lang in zip(docs, cleaned, langs):
        quotes.extract_quotes(c.paragraphs, d.language or lang)
    timings["quotes"] = time.perf_counter() - t

    articles = [process(d, repeated.get(build.source_group(d), set())) for d in docs]  # untimed: the records
    t = time.perf_counter()
    fresh = build.catalog_rows(InMemory(articles, len(articles)))  # near-copy signatures, mostly
    timings["near-copy signatures"] = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        generation = Path(tmp) / "gen"
        generation.mkdir()
        t = time.perf_counter()
        build.write(generation, None, InMemory(articles, len(articles)), [], Catalog(build.PIPELINE_VERSION), 1,
                    fresh)
        both = time.perf_counter() - t  # the article index and the quote index
        quote_only = Path(tmp) / "quotes-only"
        quote_only.mkdir()
        t = time.perf_counter()
        # The default backend's quote index alone (indexer/whoosh/writing.py).
        documents = (fields for article in articles for fields in quote_index.quote_documents(article))
        whoosh_writing.commit(whoosh_indexes.quotes(quote_only), "article", [], documents)
        timings["quote index"] = time.perf_counter() - t
        timings["article index"] = max(0.0, both - timings["quote index"])
    total = sum(timings.values())
    n = len(docs)
    return {
        "articles": n,
        "steps": {name: {"ms_per_article": round(1000 * s / n, 2), "share": round(s / total, 3)}
                  for name, s in timings.items()},
        "total_ms_per_article": round(1000 * total / n, 2),
        "slowest": max(timings, key=timings.get),
    }


def run(corpus: str | Path, workdir: str | Path, workers: int = 2, sample: int = 300, engines: bool = True,
        timeout: float | None = None) -> dict:
    corpus, workdir = Path(corpus), Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    manifest = json.loads((corpus / "manifest.json").read_text())
    size = input_bytes(corpus)
    articles = manifest["articles"]
    result: dict = {"articles": articles, "input_mb": round(size / MB, 1), "workers": workers}

    index_dir = workdir / "archivist" / "index"
    if index_dir.parent.exists():
        shutil.rmtree(index_dir.parent)
    full = run_child(["archivist", str(corpus), str(index_dir), "full", str(workers)], timeout)
    indexed = full["added"] + full["changed"] + full["unchanged"]
    result["archivist_full"] = {
        "seconds": round(full["seconds"], 2), "indexed": indexed, "failed": full["failed"],
        "articles_per_s": round(indexed / full["seconds"], 1),
        "mb_per_s": round(size / MB / full["seconds"], 2),
        "peak_rss_mb": full["peak_rss_mb"], "peak_pss_mb": full["peak_pss_mb"],
        "index_mb": round(archivist_index_bytes(index_dir) / MB, 1),
    }

    changed_files = change_files(corpus)
    size_after = input_bytes(corpus)
    inc = run_child(["archivist", str(corpus), str(index_dir), "incremental", str(workers)], timeout)
    result["archivist_incremental"] = {
        "files_changed": len(changed_files), "changed": inc["changed"], "added": inc["added"],
        "unchanged": inc["unchanged"], "seconds": round(inc["seconds"], 2),
        "changed_per_s": round(inc["changed"] / inc["seconds"], 1),
        "articles_per_s": round((inc["changed"] + inc["unchanged"] + inc["added"]) / inc["seconds"], 1),
        "mb_per_s": round(size_after / MB / inc["seconds"], 2),
        "peak_rss_mb": inc["peak_rss_mb"],
        "index_mb": round(archivist_index_bytes(index_dir) / MB, 1),
    }

    result["steps"] = step_times(corpus, sample)

    if engines:
        fts = run_child(["fts5", str(corpus), str(workdir / "fts5.db")], timeout)
        result["fts5"] = {"seconds": round(fts["seconds"], 2), "indexed": fts["articles"],
                          "articles_per_s": round(fts["articles"] / fts["seconds"], 1),
                          "mb_per_s": round(size_after / MB / fts["seconds"], 2),
                          "peak_rss_mb": fts["peak_rss_mb"], "index_mb": round(fts["index_bytes"] / MB, 1)}
        if tantivy_available():
            tan = run_child(["tantivy", str(corpus), str(workdir / "tantivy"), str(workers)], timeout)
            result["tantivy"] = {"seconds": round(tan["seconds"], 2), "indexed": tan["articles"],
                                 "articles_per_s": round(tan["articles"] / tan["seconds"], 1),
                                 "mb_per_s": round(size_after / MB / tan["seconds"], 2),
                                 "peak_rss_mb": tan["peak_rss_mb"], "index_mb": round(tan["index_bytes"] / MB, 1)}
        else:
            result["tantivy"] = None
    return result


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--no-engines", action="store_true", help="Archivist only, no FTS5/Tantivy")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.corpus, args.workdir, args.workers, args.sample, not args.no_engines)
    print(json.dumps(result, indent=None if args.json else 1, ensure_ascii=False))


if __name__ == "__main__":
    main()
