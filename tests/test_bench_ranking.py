"""The ranking benchmark's metrics on hand-computed cases, and a small smoke run on CACM."""
import sys

import pytest

from conftest import ROOT, SHARED_DATA

sys.path.insert(0, str(ROOT / "bench"))
import ranking  # noqa: E402


def test_average_precision_by_hand():
    # relevant at ranks 1 and 3 of 2 relevant: (1/1 + 2/3) / 2
    assert ranking.average_precision(["a", "x", "b"], {"a", "b"}) == pytest.approx((1 + 2 / 3) / 2)
    # one of two relevant never retrieved: it still counts in the denominator
    assert ranking.average_precision(["x", "a"], {"a", "b"}) == pytest.approx((1 / 2) / 2)
    assert ranking.precision_at(["a", "x", "b"], {"a", "b"}, 30) == pytest.approx(2 / 30)


def test_plain_queries_lose_their_syntax():
    assert ranking.plain("What about TSS (Time Sharing System) AND IBM?") == "what about tss time sharing system and ibm"


def test_smoke_run_on_part_of_cacm():
    if not (SHARED_DATA / "cacm").exists():
        pytest.skip("../shared/data/cacm is absent: no ranking smoke run")
    result = ranking.run(k1=0.9, b=0.3, fold_boost=0.1, title_boost=0.5, limit=1500)
    assert result["docs"] == 1500 and result["queries"] == 52
    assert 0 < result["MAP"] < 1 and 0 < result["P@30"] < 1
    # `archivist search` with its defaults ranks as well as any-word BM25: a question finds its articles
    assert result["MAP_search_defaults"] >= 0.95 * result["MAP"]
