"""A short run of the load benchmark: a real server on loopback, clients searching
while full reindexes swap the index under them, and not one failed request."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import load  # noqa: E402


def test_load_smoke_no_errors_during_reindex(seed_archive):
    # at least one full reindex runs (about 3.5 s of a slow 2-core machine, longer under load) and is counted
    result = load.run(seed_archive, clients=4, seconds=8)
    assert result["errors"] == 0, result["first_errors"]
    assert result["http_5xx"] == 0
    assert result["full_reindexes"] >= 1
    assert result["requests"] > 10
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
