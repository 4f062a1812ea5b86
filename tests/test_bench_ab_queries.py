"""A small run of bench/ab_queries.py: the same code as both versions, on the seed archive's index, gives
both the same totals and a row of timings for every kind of the mix."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import ab_queries  # noqa: E402


def test_two_versions_answer_the_mix_alike(index_dir):
    mix = [{"kind": "one word", "query": "museum"}, {"kind": "one word", "query": "театр"},
           {"kind": "filter + facets", "query": "exhibition", "lang": "en"},
           {"kind": "phrase", "query": "\"the gallery\""}]
    result = ab_queries.compare(ROOT, ROOT, index_dir, mix, repeat=2)
    assert result["differ"] == []
    assert list(result["kinds"]) == ["one word", "filter + facets", "phrase"]
    for row in result["kinds"].values():
        for timings in row.values():
            assert len(timings) == 3 and all(t > 0 for t in timings)
            assert timings[0] <= timings[1]  # the p50 is at most the p95


def test_a_percentile_is_one_of_the_values():
    assert ab_queries.percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.5) == 3.0
    assert ab_queries.percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.95) == 5.0
