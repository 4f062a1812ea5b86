"""A small run of bench/memory.py: a 300-article build measured, its table row and its chart."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if not (ROOT.parent / "shared" / "data" / "news-sample" / "articles.jsonl").exists():
    pytest.skip("shared/data is absent: the corpus generator draws on it", allow_module_level=True)
pytest.importorskip("psutil", reason="psutil (a bench requirement) is not installed")
sys.path.insert(0, str(ROOT / "bench"))
import memory  # noqa: E402


def test_memory_bench_measures_a_build_and_reports_it(tmp_path):
    row = memory.measure(300, tmp_path, workers=2)
    assert row["indexed"] == 300 and row["failed"] == 0
    assert 50 < row["peak_pss_mb"] <= row["peak_rss_mb"] < 8000
    assert not any(tmp_path.iterdir())  # corpus and index are removed
    text = memory.section([row], memory.machine())
    assert text.startswith(memory.HEADING) and "| 300 | 2 |" in text
    svg = memory.svg_chart([row, {**row, "size": 600}])
    assert svg.startswith("<svg") and "2 GB" in svg and svg.count("<circle") == 4
