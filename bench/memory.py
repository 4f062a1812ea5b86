"""Build memory by archive size: a full reindex of make_corpus.py archives of each size, each in a
child process whose whole tree (worker and writer processes included) is polled for its peak
memory: PSS (shared pages counted once, what the machine gives up) and RSS (shared pages counted
in every process). Rewrites the "Build memory" section of bench/RESULTS.md and draws
bench/memory.svg.

    python bench/memory.py [--sizes 10000,100000,200000] [--workers 2] [--workdir DIR] [--no-write]
"""
from __future__ import annotations

import argparse
import html
import json
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import indexing  # noqa: E402
import make_corpus  # noqa: E402
from run_all import machine, replace_section_named  # noqa: E402

RESULTS = HERE / "RESULTS.md"
SVG = HERE / "memory.svg"
HEADING = "## Build memory"


def measure(size: int, workdir: Path, workers: int, seed: int = 1) -> dict:
    corpus, index_dir = workdir / f"corpus-{size}", workdir / f"index-{size}"
    make_corpus.generate(size, corpus, seed)
    try:
        built = indexing.run_child(["archivist", str(corpus), str(index_dir), "full", str(workers)])
    finally:
        shutil.rmtree(corpus, ignore_errors=True)
        for path in workdir.glob(f"{index_dir.name}*"):  # the index's link, its generations, its lock
            if path.is_symlink() or not path.is_dir():
                path.unlink()
            else:
                shutil.rmtree(path)
    indexed = built["added"] + built["changed"] + built["unchanged"]
    return {"size": size, "indexed": indexed, "failed": built["failed"], "seconds": round(built["seconds"], 1),
            "articles_per_s": round(indexed / built["seconds"], 1), "peak_pss_mb": built["peak_pss_mb"],
            "peak_rss_mb": built["peak_rss_mb"], "workers": workers}


def section(rows: list[dict], info: dict) -> str:
    out = [HEADING, "",
           f"`python bench/memory.py --sizes {','.join(str(r['size']) for r in rows)}` (part of `make bench`): a full "
           "reindex of a `make_corpus.py` archive of each size, in a child process whose whole tree is polled "
           "for its peak memory. PSS counts a page shared by forked processes once; RSS counts it in each.",
           f"Machine: {info['nproc']} cores ({info['cpu'] or 'unknown CPU'}), {info['memory_mb']:,} MB memory, "
           f"Python {info['python']}, {time.strftime('%Y-%m-%d')}.", "",
           "| articles | workers | seconds | articles/s | peak PSS | peak RSS |", "| --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        out.append(f"| {r['size']:,} | {r['workers']} | {r['seconds']} | {r['articles_per_s']} | "
                   f"{r['peak_pss_mb']:,.0f} MB | {r['peak_rss_mb']:,.0f} MB |")
    out += ["", "![peak build memory by archive size](memory.svg)", ""]
    return "\n".join(out)


def svg_chart(rows: list[dict]) -> str:
    width, height, left, top, bottom, right = 520, 300, 70, 40, 250, 490
    top_mb = max(max(r["peak_rss_mb"] for r in rows), 2048) * 1.1
    sizes = [r["size"] for r in rows]

    def x(size: int) -> float:
        return left + (right - left) * size / max(sizes)

    def y(mb: float) -> float:
        return bottom - (bottom - top) * mb / top_mb

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
             f'font-size="11"><rect width="{width}" height="{height}" fill="white"/>',
             f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="13" font-weight="bold">'
             'Peak memory of a full reindex</text>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="#333"/>',
             f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#333"/>',
             f'<line x1="{left}" y1="{y(2048):.1f}" x2="{right}" y2="{y(2048):.1f}" stroke="#c33" stroke-dasharray="4 3"/>',
             f'<text x="{right}" y="{y(2048) - 4:.1f}" text-anchor="end" fill="#c33">2 GB</text>']
    step = 1024 if top_mb > 3000 else 512
    for mb in range(0, int(top_mb) + 1, step):
        parts.append(f'<text x="{left - 6}" y="{y(mb) + 4:.1f}" text-anchor="end">{mb:,} MB</text>')
    for size in sizes:
        parts.append(f'<text x="{x(size):.1f}" y="{bottom + 16}" text-anchor="middle">{size:,}</text>')
    parts.append(f'<text x="{(left + right) / 2}" y="{bottom + 34}" text-anchor="middle">articles</text>')
    for key, colour, label in (("peak_pss_mb", "#1f77b4", "PSS"), ("peak_rss_mb", "#999", "RSS")):
        points = " ".join(f"{x(r['size']):.1f},{y(r[key]):.1f}" for r in rows)
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for r in rows:
            parts.append(f'<circle cx="{x(r["size"]):.1f}" cy="{y(r[key]):.1f}" r="3.5" fill="{colour}"/>')
            parts.append(f'<text x="{x(r["size"]) + 6:.1f}" y="{y(r[key]) - 6:.1f}" fill="{colour}">'
                         f'{html.escape(label)} {r[key]:,.0f}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,200000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/archivist-memory"))
    parser.add_argument("--no-write", action="store_true", help="print the results; leave RESULTS.md alone")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in sorted(int(s) for s in args.sizes.split(",") if s.strip()):
        rows.append(measure(size, args.workdir, args.workers))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    if args.no_write:
        print(json.dumps(rows, indent=1))
        return 0
    text = section(rows, machine())
    RESULTS.write_text(replace_section_named(RESULTS.read_text() if RESULTS.exists() else "", HEADING, text))
    SVG.write_text(svg_chart(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
