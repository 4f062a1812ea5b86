"""The speed-and-scale benchmark end to end: for each size, make the corpus,
index it (Archivist full and incremental, SQLite FTS5, Tantivy), run the
query mix against all of them, then rewrite the `## Speed and scale` section
of bench/RESULTS.md (and only that section) and draw bench/speed.svg.

    python bench/run_all.py --sizes 1000,10000,100000 [--workdir /tmp/archivist-bench]
                            [--budget-minutes 30] [--per-kind 20] [--seed 1]

A size whose Archivist reindex alone would not fit in what is left of the
budget (estimated from the previous size's rate) is reported as
"not run: <why>" instead of being started; a build that overruns is stopped.
Corpora and indexes are written under --workdir, never into the repository.
"""
from __future__ import annotations

import argparse
import datetime
import html
import json
import math
import os
import platform
import re
import shutil
import sqlite3
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import indexing  # noqa: E402
import make_corpus  # noqa: E402
import queries  # noqa: E402
from baselines import TantivyEngine, tantivy_available  # noqa: E402

RESULTS = HERE / "RESULTS.md"
SVG = HERE / "speed.svg"
HEADING = "## Speed and scale"
ENGINES = ("Archivist", "SQLite FTS5", "Tantivy")
COLORS = {"Archivist": "#c0392b", "SQLite FTS5": "#2471a3", "Tantivy": "#229954"}


def whoosh_version() -> str:
    from importlib import metadata

    for name in ("Whoosh", "whoosh3", "whoosh-reloaded"):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "?"


def machine() -> dict:
    mem = 0
    try:
        with open("/proc/meminfo") as f:
            mem = int(f.readline().split()[1]) // 1024
    except OSError:
        pass
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(), "memory_mb": mem, "cpu": cpu, "python": platform.python_version(),
        "date": datetime.date.today().isoformat(), "whoosh": whoosh_version(),
        "sqlite": sqlite3.sqlite_version, "tantivy": TantivyEngine.version() if tantivy_available() else "not installed",
        "load_1min": round(os.getloadavg()[0], 2),
    }


def run_size(size: int, workdir: Path, seed: int, per_kind: int, workers: int, timeout: float | None) -> dict:
    corpus = workdir / f"corpus-{size}"
    work = workdir / f"work-{size}"
    started = time.monotonic()
    manifest = make_corpus.generate(size, corpus, seed)
    print(f"[{size}] corpus: {manifest['seconds']} s", file=sys.stderr, flush=True)
    built = indexing.run(corpus, work, workers=workers, timeout=timeout)
    print(f"[{size}] indexing: Archivist {built['archivist_full']['seconds']} s", file=sys.stderr, flush=True)
    asked = queries.run(corpus, work, per_kind=per_kind)
    print(f"[{size}] queries done", file=sys.stderr, flush=True)
    result = {"size": size, "corpus": manifest, "indexing": built, "queries": asked, "machine": machine(),
              "seconds": round(time.monotonic() - started, 1)}
    (workdir / f"result-{size}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1))
    return result


# ------------------------------------------------------------------ report


def engine_block(result: dict, name: str) -> dict | None:
    for block in result["queries"]["engines"]:
        if block["engine"] == name:
            return block
    return None


def fmt(value, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, (int, float)) and abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def ratio(value, base) -> str:
    if not value or not base:
        return "–"
    r = value / base
    return f"{r:.2f}×" if r < 10 else f"{r:,.0f}×"


TARGET_RATE, TARGET_INCREMENTAL_S, TARGET_P95_MS, TARGET_P50_RATIO = 300, 10, 100, 3


def targets(result: dict) -> list[str]:
    """The speed targets, met or missed, at the largest size run."""
    indexing = result["indexing"]
    lib, fts5 = engine_block(result, "Archivist (library)"), engine_block(result, "SQLite FTS5")
    p95 = {kind: row["p95_ms"] for kind, row in lib["clients_1"]["kinds"].items()}
    over = [f"{kind} {value:g} ms" for kind, value in p95.items() if value > TARGET_P95_MS]
    rate = indexing["archivist_full"]["articles_per_s"]
    incremental = indexing["archivist_incremental"]["seconds"]
    p50_ratio = lib["clients_1"]["p50_ms"] / fts5["clients_1"]["p50_ms"] if fts5 else None
    rows = [
        (f"full reindex ≥ {TARGET_RATE} articles/s", f"{fmt(rate)} articles/s", rate >= TARGET_RATE),
        (f"incremental reindex of 1 % of the files < {TARGET_INCREMENTAL_S} s", f"{fmt(incremental, 2)} s",
         incremental < TARGET_INCREMENTAL_S),
        (f"p95 ≤ {TARGET_P95_MS} ms for every query kind", "all within" if not over else "over: " + ", ".join(over),
         not over),
        (f"p50 over the mix within {TARGET_P50_RATIO}× of SQLite FTS5",
         f"{lib['clients_1']['p50_ms']} ms vs {fts5['clients_1']['p50_ms']} ms: {p50_ratio:.1f}×" if fts5 else "–",
         p50_ratio is not None and p50_ratio <= TARGET_P50_RATIO),
    ]
    out = [f"Targets at {result['size']:,} articles (one client for latency):", "",
           "| target | measured | |", "| --- | --- | --- |"]
    out += [f"| {name} | {value} | {'met' if met else 'missed'} |" for name, value, met in rows]
    out.append("")
    return out


def section(results: list[dict], skipped: list[tuple[int, str]], info: dict, sizes: list[int]) -> str:
    out = [HEADING, ""]
    out.append(
        f"`python bench/run_all.py --sizes {','.join(map(str, sizes))}` (scripts: `bench/make_corpus.py`, "
        "`bench/indexing.py`, `bench/queries.py`, `bench/baselines.py`). "
        f"Machine: {info['nproc']} cores ({info['cpu'] or 'unknown CPU'}), {info['memory_mb']:,} MB memory, "
        f"Python {info['python']}, {info['date']}; Whoosh {info['whoosh']}, SQLite {info['sqlite']}, "
        f"{info['tantivy']}. Load average {info['load_1min']} at the start"
        + (": other work ran on the same cores, so read the figures as orders of magnitude and ratios."
           if float(info["load_1min"]) > 0.5 else "; nothing else ran during the run."))
    out.append("")
    out.append(
        "The corpus is synthetic but made of real text: the sentences of `shared/data/news-sample` (en, ru) and "
        "`shared/data/langid` (kk, uk, zh, be, ky) re-combined with a fixed seed into articles of about 3,000 "
        "characters (median) in paragraphs, with a lead naming a venue and a city, quotes (“…,” said Name), "
        "publication dates over 2000-2025 (12 % undated) and 5 % near-duplicates; 90 % as `.txt` files in "
        "nested folders, 10 % as `.jsonl` feeds of 500 records. SQLite FTS5 and Tantivy index title + text with "
        "facet values (venue, country, year, language) taken from the generator's metadata: they have no "
        "cleaning, language detection, extraction, near-duplicate grouping or quote index, which is most of "
        "Archivist's indexing time. Archivist ran with `workers=2`; Tantivy's writer with 2 threads; FTS5 "
        "in one thread.")
    out.append("")
    out.append("| articles | input | languages | near-duplicates | undated | generated in | whole benchmark |")
    out.append("| --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        c = r["corpus"]
        langs = ", ".join(f"{k} {v}" for k, v in sorted(c["languages"].items(), key=lambda kv: -kv[1]))
        out.append(f"| {c['articles']:,} | {r['indexing']['input_mb']} MB in {c['txt_files']:,} .txt + "
                   f"{c['jsonl_files']} .jsonl | {langs} | {c['near_duplicates']:,} | {c['undated']:,} | "
                   f"{c['seconds']} s | {fmt(r['seconds'] / 60) + ' min' if 'seconds' in r else '–'} |")
    out.append("")
    out.extend(targets(results[-1]))

    out.append("### Indexing")
    out.append("")
    out.append("| articles | engine | seconds | articles/s | MB/s of input | peak memory | index on disk | "
               "articles/s vs Archivist |")
    out.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        ix = r["indexing"]
        base = ix["archivist_full"]["articles_per_s"]
        rows = [("Archivist, full reindex", ix["archivist_full"]),
                (f"Archivist, incremental ({ix['archivist_incremental']['changed']} changed of "
                 f"{ix['archivist_incremental']['files_changed']} edited files, 1 %)", ix["archivist_incremental"]),
                ("SQLite FTS5", ix.get("fts5")), ("Tantivy", ix.get("tantivy"))]
        for label, row in rows:
            if not row:
                continue
            out.append(f"| {r['size']:,} | {label} | {fmt(row['seconds'], 2)} | {fmt(row['articles_per_s'])} | "
                       f"{fmt(row['mb_per_s'], 2)} | {fmt(row['peak_rss_mb'], 0)} MB | {fmt(row['index_mb'])} MB | "
                       f"{'1×' if label.startswith('Archivist, full') else ratio(row['articles_per_s'], base)} |")
    out.append("")
    out.append("Incremental: articles/s counts every article the reindex looked at. A file whose size and "
               "modification time are those of the last build is not read again (its articles count as unchanged); "
               "the edited files are read, their articles hashed, and the changed ones go through the pipeline and "
               "into new segments. Peak memory is the whole process tree (Archivist's worker processes included), "
               "polled every 0.1 s.")
    out.append("")

    last = results[-1]
    steps = last["indexing"]["steps"]
    out.append(f"### Where Archivist's indexing time goes ({last['size']:,} articles)")
    out.append("")
    out.append(f"Each step timed on its own over a sample of {steps['articles']} articles (`.txt` files), "
               "one process (a full reindex runs the same work in two), by calling the step functions "
               "(`sources.read_file`, `clean.clean` with the learnt boilerplate, `language.detect_many` + "
               "`article_language`, `extract.extract`, `quotes.extract_quotes`, `duplicates.signature`, and "
               "`build.write` for the article index and `quote_index.update` for the quote index).")
    out.append("")
    out.append("| step | ms per article | share |")
    out.append("| --- | --- | --- |")
    for name, row in steps["steps"].items():
        mark = " (slowest)" if name == steps["slowest"] else ""
        out.append(f"| {name}{mark} | {row['ms_per_article']} | {100 * row['share']:.0f} % |")
    out.append(f"| total | {steps['total_ms_per_article']} | 100 % |")
    out.append("")

    out.append("### Queries")
    out.append("")
    out.append(
        f"The mix: {results[0]['queries']['per_kind']} queries of each kind, drawn with a fixed seed from the "
        "words of 600 sampled articles (en and ru): one word (in 2-30 % of articles), two or three words of "
        "one article, a 2-3 word phrase, one word + a filter on language or country (facets counted), one word "
        "+ `year:Y1..Y2`, a misspelt word `word~` (one letter changed, first letter kept), a 30-word passage "
        "pasted in quotation marks, a word in no article. Each engine does the same work per query: match, "
        "count the four facets over all matches, rank, and make snippets for the top 10. Archivist is called as "
        "the UI does (`Index.search(q, lang=/country=, per_page=10)`: facets, snippets, collapsing of "
        "near-copies, spelling suggestions) and through `/api/search` of `archivist serve` (waitress, 8 threads, "
        "127.0.0.1). FTS5 has no fuzzy search: its `word~` is the OR of the index terms within two edits "
        "(rapidfuzz over the fts5vocab terms with the same first letter, read once). Latencies are from one "
        "timed pass after a warm-up pass, one client; \"mean hits\" is the total matches per query (Archivist "
        "stems and folds near-copies, so its counts differ).")
    out.append("")
    for r in results:
        lib = engine_block(r, "Archivist (library)")
        blocks = [lib, engine_block(r, "Archivist (HTTP API)"), engine_block(r, "SQLite FTS5"),
                  engine_block(r, "Tantivy")]
        names = ["Archivist", "Archivist HTTP", "FTS5", "Tantivy"]
        present = [(n, b) for n, b in zip(names, blocks) if b]
        out.append(f"**{r['size']:,} articles**, latency in ms (p50 / p95 / p99), one client:")
        out.append("")
        out.append("| kind | " + " | ".join(n for n, _ in present) + " | mean hits (" +
                   " / ".join(n for n, _ in present if n != "Archivist HTTP") + ") |")
        out.append("| --- " * (len(present) + 2) + "|")
        for kind in queries.KINDS:
            cells = []
            totals = []
            for n, b in present:
                row = b["clients_1"]["kinds"].get(kind)
                cells.append(f"{row['p50_ms']} / {row['p95_ms']} / {row['p99_ms']}" if row else "–")
                if n != "Archivist HTTP":
                    totals.append(fmt(row["mean_total"]) if row else "–")
            out.append(f"| {kind} | " + " | ".join(cells) + " | " + " / ".join(totals) + " |")
        out.append("")
    out.append("Throughput (the whole mix, each query once) and the all-kinds p50 as a ratio to Archivist's "
               "library call (above 1× is slower than Archivist):")
    out.append("")
    out.append("| articles | engine | q/s, 1 client | q/s, 8 clients | p50 (ms), 1 client | p50 (ms), 8 clients | "
               "p50 vs Archivist | errors |")
    out.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        lib = engine_block(r, "Archivist (library)")
        for b in r["queries"]["engines"]:
            out.append(f"| {r['size']:,} | {b['engine']} | {fmt(b['clients_1']['qps'])} | "
                       f"{fmt(b['clients_8']['qps'])} | {b['clients_1']['p50_ms']} | {b['clients_8']['p50_ms']} | "
                       f"{ratio(b['clients_1']['p50_ms'], lib['clients_1']['p50_ms'])} | {b['errors']} |")
    out.append("")
    for size, why in skipped:
        out.append(f"- {size:,} articles: not run: {why}")
    if skipped:
        out.append("")
    out.append("![p50 latency and indexing rate by corpus size](speed.svg)")
    out.append("")
    return "\n".join(out)


def replace_section(text: str, new: str) -> str:
    """The file with its `## Speed and scale` section replaced (or appended); other sections untouched."""
    return replace_section_named(text, HEADING, new)


def replace_section_named(text: str, heading: str, new: str) -> str:
    """The file with the section under `heading` replaced (or appended); other sections untouched."""
    if not text.strip():
        text = "# Benchmark results\n"
    pattern = re.compile(rf"^{re.escape(heading)}\s*$.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(text):
        return pattern.sub(lambda _: new.rstrip("\n") + "\n\n", text, count=1).rstrip("\n") + "\n"
    return text.rstrip("\n") + "\n\n" + new.rstrip("\n") + "\n"


# ------------------------------------------------------------------ chart


def series(results: list[dict]) -> dict[str, dict[str, list[tuple[int, float]]]]:
    latency: dict[str, list] = {e: [] for e in ENGINES}
    rate: dict[str, list] = {e: [] for e in ENGINES}
    for r in results:
        for engine, block_name, key in (("Archivist", "Archivist (library)", "archivist_full"),
                                        ("SQLite FTS5", "SQLite FTS5", "fts5"), ("Tantivy", "Tantivy", "tantivy")):
            block = engine_block(r, block_name)
            if block:
                latency[engine].append((r["size"], max(block["clients_1"]["p50_ms"], 0.01)))
            if r["indexing"].get(key):
                rate[engine].append((r["size"], r["indexing"][key]["articles_per_s"]))
    return {"latency": latency, "rate": rate}


def svg_chart(results: list[dict]) -> str:
    data = series(results)
    sizes = sorted({r["size"] for r in results})
    width, height, panel_w, top, bottom, left = 760, 330, 300, 40, 270, 70
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
             f'<rect width="{width}" height="{height}" fill="white"/>']

    def panel(x0: int, title: str, lines: dict[str, list[tuple[int, float]]], unit: str) -> None:
        values = [v for pts in lines.values() for _, v in pts]
        if not values:
            return
        lo = 10 ** math.floor(math.log10(min(values)))
        hi = 10 ** math.ceil(math.log10(max(values)))
        if hi <= lo:
            hi = lo * 10
        xs = {s: x0 + (panel_w * (i + 0.5) / len(sizes)) for i, s in enumerate(sizes)}

        def y(v: float) -> float:
            return bottom - (bottom - top) * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

        parts.append(f'<text x="{x0 + panel_w / 2}" y="20" text-anchor="middle" font-size="13" '
                     f'font-weight="bold">{html.escape(title)}</text>')
        parts.append(f'<line x1="{x0}" y1="{top}" x2="{x0}" y2="{bottom}" stroke="#333"/>')
        parts.append(f'<line x1="{x0}" y1="{bottom}" x2="{x0 + panel_w}" y2="{bottom}" stroke="#333"/>')
        decade = lo
        while decade <= hi * 1.0001:
            yy = y(decade)
            parts.append(f'<line x1="{x0}" y1="{yy:.1f}" x2="{x0 + panel_w}" y2="{yy:.1f}" stroke="#ddd"/>')
            label = f"{decade:g}" if decade < 1e5 else f"{decade:.0e}"
            parts.append(f'<text x="{x0 - 5}" y="{yy + 4:.1f}" text-anchor="end">{label}</text>')
            decade *= 10
        parts.append(f'<text x="{x0 - 45}" y="{(top + bottom) / 2}" transform="rotate(-90 {x0 - 45} '
                     f'{(top + bottom) / 2})" text-anchor="middle">{html.escape(unit)} (log scale)</text>')
        for s, xx in xs.items():
            parts.append(f'<text x="{xx:.1f}" y="{bottom + 16}" text-anchor="middle">{s:,} articles</text>')
        for engine, pts in lines.items():
            if not pts:
                continue
            coords = [(xs[s], y(v)) for s, v in pts]
            if len(coords) > 1:
                path = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coords)
                parts.append(f'<polyline points="{path}" fill="none" stroke="{COLORS[engine]}" stroke-width="2"/>')
            for (cx, cy), (_, v) in zip(coords, pts):
                parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{COLORS[engine]}"/>')
                parts.append(f'<text x="{cx + 6:.1f}" y="{cy - 5:.1f}" fill="{COLORS[engine]}">{v:,.1f}</text>')

    panel(left, "p50 query latency, 1 client", data["latency"], "milliseconds")
    panel(left + panel_w + 80, "Full indexing rate", data["rate"], "articles per second")
    for i, engine in enumerate(ENGINES):
        x = left + i * 170
        parts.append(f'<rect x="{x}" y="{height - 22}" width="12" height="12" fill="{COLORS[engine]}"/>')
        parts.append(f'<text x="{x + 18}" y="{height - 12}">{html.escape(engine)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


# ------------------------------------------------------------------ main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/archivist-bench"))
    parser.add_argument("--budget-minutes", type=float, default=30.0)
    parser.add_argument("--per-kind", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-write", action="store_true", help="print the section; leave RESULTS.md alone")
    parser.add_argument("--report-only", action="store_true",
                        help="no runs: rewrite the section from the result-SIZE.json files a run left in --workdir")
    args = parser.parse_args()
    if not make_corpus.DATA.exists():
        raise SystemExit(f"{make_corpus.DATA} is missing: the corpus generator needs shared/data")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    started = time.monotonic()
    budget = 60 * args.budget_minutes
    info = machine()
    args.workdir.mkdir(parents=True, exist_ok=True)
    results: list[dict] = []
    skipped: list[tuple[int, str]] = []
    for size in sorted(sizes) if not args.report_only else []:
        left = budget - (time.monotonic() - started)
        if results:
            prev = results[-1]
            rate = prev["indexing"]["archivist_full"]["articles_per_s"]
            per_size = (time.monotonic() - started) / sum(r["size"] for r in results)
            estimate = size * per_size
            if estimate > left:
                skipped.append((size, f"estimated {estimate / 60:.0f} min from the {prev['size']:,}-article run "
                                      f"(Archivist's full reindex alone at {rate:.0f} articles/s: "
                                      f"{size / rate / 60:.0f} min) and {max(0, left) / 60:.0f} min of the "
                                      f"{args.budget_minutes:g}-minute budget left"))
                continue
        try:
            results.append(run_size(size, args.workdir, args.seed, args.per_kind, args.workers,
                                    timeout=max(60.0, left)))
        except TimeoutError as exc:
            skipped.append((size, f"stopped: {exc} (the budget was {args.budget_minutes:g} min)"))
        finally:
            shutil.rmtree(args.workdir / f"corpus-{size}", ignore_errors=True)
    if args.report_only:
        for size in sorted(sizes):
            path = args.workdir / f"result-{size}.json"
            if path.exists():
                results.append(json.loads(path.read_text()))
                info = results[-1].get("machine", info)
            else:
                skipped.append((size, f"no result in {path}"))
    if not results:
        raise SystemExit("no size was run")
    text = section(results, skipped, info, sizes)
    if args.no_write:
        print(text)
        return
    RESULTS.write_text(replace_section(RESULTS.read_text() if RESULTS.exists() else "", text))
    SVG.write_text(svg_chart(results))
    print(f"wrote {RESULTS} ({HEADING}) and {SVG} in {(time.monotonic() - started) / 60:.1f} min", file=sys.stderr)


if __name__ == "__main__":
    main()
