"""Load under reindexing: N clients search the HTTP API of a real `archivist
serve` on loopback for S seconds while full reindexes of the same index run
one after another; counts errors and 5xx answers and reports latency.

    python bench/load.py [--archive archive] [--clients 16] [--seconds 60] [--json]

Loopback only (127.0.0.1), bounded in time, stops by itself.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHIVIST = Path(sys.executable).with_name("archivist")
QUERIES = ["Almaty", '"Golden Cradle of Independence"', "exhibition museum", "Elbasi", "Belarus -Minsk",
           "year:2019..2022", "country:Kazakhstan", "Токаев", "Nichkasuv~", "президент", "zzzz no such word"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise SystemExit(f"the server at {url} did not answer within {seconds} s")


def client(base: str, stop: threading.Event, latencies: list, failures: list, offset: int) -> None:
    n = offset
    while not stop.is_set():
        query = QUERIES[n % len(QUERIES)]
        n += 1
        url = f"{base}/api/search?" + urllib.parse.urlencode({"q": query})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                json.loads(response.read())
            latencies.append(time.perf_counter() - started)
        except urllib.error.HTTPError as exc:
            failures.append(f"HTTP {exc.code} for {query!r}")
        except Exception as exc:  # refused, reset, timeout, bad JSON: every one is a failure to count
            failures.append(f"{type(exc).__name__} for {query!r}: {exc}")


def run(archive: Path, clients: int, seconds: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "index"
        subprocess.run([str(ARCHIVIST), "reindex", str(archive), "--index", str(index)], check=True,
                       capture_output=True)
        port = free_port()
        server = subprocess.Popen(
            [str(ARCHIVIST), "serve", "--index", str(index), "--port", str(port), "--threads", str(clients),
             "--api-rate", "0"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "ARCHIVIST_RESULTS_CACHE": "0"},  # every request a real search
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(f"{base}/api/search?q=x")
            stop = threading.Event()
            latencies: list[float] = []
            failures: list[str] = []
            threads = [threading.Thread(target=client, args=(base, stop, latencies, failures, i))
                       for i in range(clients)]
            started = time.monotonic()
            for t in threads:
                t.start()
            reindexes = []
            while time.monotonic() - started < seconds:
                t0 = time.monotonic()
                done = subprocess.run([str(ARCHIVIST), "reindex", str(archive), "--index", str(index), "--full"],
                                      capture_output=True, text=True)
                if done.returncode == 0:  # the clients search until the last reindex ends, however late
                    reindexes.append(time.monotonic() - t0)
                else:
                    failures.append(f"reindex failed: {done.stderr.strip()[:200]}")
            stop.set()
            for t in threads:
                t.join()
            elapsed = time.monotonic() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
    ms = [1000 * x for x in latencies]
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(latencies) + len(failures),
        "errors": len(failures),
        "http_5xx": sum(1 for f in failures if f.startswith("HTTP 5")),
        "first_errors": failures[:5],
        "full_reindexes": len(reindexes),
        "reindex_seconds": round(statistics.mean(reindexes), 1) if reindexes else None,
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "p99_ms": round(percentile(ms, 99), 1),
        "max_ms": round(max(ms), 1) if ms else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive", type=Path, default=ROOT / "archive")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not shutil.which(str(ARCHIVIST)):
        raise SystemExit(f"{ARCHIVIST} not found: run 'make install' first")
    result = run(args.archive, args.clients, args.seconds)
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
