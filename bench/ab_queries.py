"""Two versions of the code on one index, query by query: each version's search runs in a worker
process of its own, every query of the mix is asked of both in turn (alternating which goes first)
`repeat` times, and each version's best time per query is kept. A slow moment of the machine then
falls on both versions alike, where two runs of bench/queries.py one after the other can differ by
tens of milliseconds on a p95.

    python bench/ab_queries.py OLD_TREE NEW_TREE --index DIR --mix MIX.json [--repeat 5] [--kinds K,...]

OLD_TREE and NEW_TREE are checkouts of the project (`git worktree add /tmp/old REV`); MIX.json is
bench/queries.py's --json output (its "mix": kind, query and filters of each query). Prints, per
kind, the p50, p95 and mean of the best times, and the queries whose totals differ.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

WORKER = r'''
import json, sys, time
sys.path.insert(0, sys.argv[1])
import indexer
ix = indexer.open_index(sys.argv[2], results_cache=0)
for line in sys.stdin:
    asked = json.loads(line)
    filters = {k: v for k, v in asked.items() if k not in ("kind", "query")}
    start = time.perf_counter()
    found = ix.search(asked["query"], per_page=10, **filters)
    print(json.dumps([(time.perf_counter() - start) * 1000, found.total]), flush=True)
'''


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def compare(old: Path, new: Path, index: Path, mix: list[dict], repeat: int = 5) -> dict:
    """{"kinds": {kind: {"old": (p50, p95, mean), "new": ...}}, "differ": [queries whose totals differ]}"""
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(tree), str(index)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True) for tree in (old, new)]

    def ask(worker, query: dict) -> tuple[float, int]:
        worker.stdin.write(json.dumps(query) + "\n")
        worker.stdin.flush()
        return tuple(json.loads(worker.stdout.readline()))

    try:
        for query in mix[:3]:  # warm-up: the first search of a process opens the index
            for worker in workers:
                ask(worker, query)
        best = [[float("inf")] * len(mix) for _ in workers]
        totals = [[0] * len(mix) for _ in workers]
        for n, query in enumerate(mix):
            for round_ in range(repeat):
                for k in ((0, 1) if round_ % 2 == 0 else (1, 0)):
                    ms, total = ask(workers[k], query)
                    best[k][n], totals[k][n] = min(best[k][n], ms), total
    finally:
        for worker in workers:
            worker.stdin.close()
            worker.wait()
    kinds = {}
    for kind in dict.fromkeys(query["kind"] for query in mix):
        rows = [n for n, query in enumerate(mix) if query["kind"] == kind]
        kinds[kind] = {name: tuple(round(f([best[k][n] for n in rows]), 1) for f in (
            statistics.median, lambda v: percentile(v, 0.95), statistics.mean)) for k, name in enumerate(("old", "new"))}
    return {"kinds": kinds, "differ": [mix[n]["query"] for n in range(len(mix)) if totals[0][n] != totals[1][n]]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--mix", type=Path, required=True, help="bench/queries.py --json output")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--kinds", help="only these kinds, comma-separated")
    args = parser.parse_args()
    mix = json.loads(args.mix.read_text())["mix"]
    if args.kinds:
        mix = [query for query in mix if query["kind"] in args.kinds.split(",")]
    result = compare(args.old, args.new, args.index, mix, args.repeat)
    print("| kind | old p50 / p95 / mean ms | new p50 / p95 / mean ms |\n| --- | --- | --- |")
    for kind, row in result["kinds"].items():
        print(f"| {kind} | " + " | ".join(" / ".join(f"{v:.0f}" for v in row[name]) for name in ("old", "new")) + " |")
    print("totals differ:", result["differ"] or "none")


if __name__ == "__main__":
    main()
