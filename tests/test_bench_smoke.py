"""A small run of the speed benchmark: a 1,000-article corpus made from shared/data,
indexed by Archivist (full and incremental), by SQLite FTS5 and, where the
package is installed, by Tantivy; the query mix run against each; and the
RESULTS.md section rewritten in a copy, leaving the other sections alone."""
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

if not (SHARED_DATA / "news-sample" / "articles.jsonl").exists() or not (SHARED_DATA / "langid").exists():
    pytest.skip(f"{SHARED_DATA} (news-sample, langid) is absent: the corpus generator draws on it",
                allow_module_level=True)

pytest.importorskip("psutil", reason="psutil (a bench requirement) is not installed: pip install psutil")
sys.path.insert(0, str(ROOT / "bench"))
import baselines  # noqa: E402
import indexing  # noqa: E402
import make_corpus  # noqa: E402
import queries  # noqa: E402
import run_all  # noqa: E402

SIZE = 1000  # the smallest size make bench reports


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bench") / "corpus"
    manifest = make_corpus.generate(SIZE, out, seed=1)
    assert manifest["articles"] == SIZE
    return out


def test_corpus_is_deterministic_and_in_the_input_formats(corpus, tmp_path):
    again = make_corpus.generate(SIZE, tmp_path / "again", seed=1)
    first = json.loads((corpus / "manifest.json").read_text())
    assert {k: v for k, v in again.items() if k != "seconds"} == {k: v for k, v in first.items() if k != "seconds"}
    assert (corpus / "meta.ndjson").read_bytes() == (tmp_path / "again" / "meta.ndjson").read_bytes()
    txt = sorted(corpus.rglob("*.txt"))
    assert len(txt) == first["txt_files"] > SIZE * 0.7
    assert first["jsonl_files"] >= 1
    assert first["txt_files"] + sum(1 for p in corpus.rglob("*.jsonl") for line in p.open() if line.strip()) == SIZE
    assert set(first["languages"]) >= {"en", "ru"}
    dated = [p for p in txt if p.read_text(encoding="utf-8").startswith("Posted: ")]
    assert 0 < len(dated) < len(txt)
    records = list(baselines.read_corpus(corpus))
    assert len(records) == SIZE and all(r.title and r.text for r in records)


def test_indexing_then_queries(corpus, tmp_path):
    work = tmp_path / "work"
    built = indexing.run(corpus, work, workers=1, sample=20, engines=True)
    full = built["archivist_full"]
    assert full["indexed"] == SIZE and full["failed"] == 0
    assert full["articles_per_s"] > 0 and full["mb_per_s"] > 0 and full["peak_rss_mb"] > 10 and full["index_mb"] > 0
    inc = built["archivist_incremental"]
    assert inc["files_changed"] == inc["changed"] >= 1
    assert inc["changed"] + inc["unchanged"] == SIZE and inc["added"] == 0
    steps = built["steps"]
    assert set(steps["steps"]) == {"read", "clean", "language", "extract", "quotes", "near-copy signatures",
                                   "article index", "quote index"}
    assert steps["slowest"] in steps["steps"]
    assert abs(sum(s["share"] for s in steps["steps"].values()) - 1) < 0.01
    assert built["fts5"]["indexed"] == SIZE
    if baselines.tantivy_available():
        assert built["tantivy"]["indexed"] == SIZE

    asked = queries.run(corpus, work, per_kind=2, http=False, baselines=True, clients=(1, 8))
    assert len(asked["mix"]) == 2 * len(queries.KINDS)
    names = [e["engine"] for e in asked["engines"]]
    assert names[:2] == ["Archivist (library)", "SQLite FTS5"]
    assert ("Tantivy" in names) == baselines.tantivy_available()
    for engine in asked["engines"]:
        assert engine["errors"] == 0, engine["first_errors"]
        kinds = engine["clients_1"]["kinds"]
        assert set(kinds) == set(queries.KINDS)
        for row in kinds.values():
            assert row["n"] == 2 and 0 <= row["p50_ms"] <= row["p95_ms"] <= row["p99_ms"]
        assert kinds["zero hits"]["mean_total"] == 0
        assert kinds["quote (30 words)"]["mean_total"] >= 1  # the passage is from the corpus
        assert kinds["one word"]["mean_total"] >= 1
        assert engine["clients_1"]["qps"] > 0 and engine["clients_8"]["qps"] > 0

    result = {"size": SIZE, "corpus": json.loads((corpus / "manifest.json").read_text()), "indexing": built,
              "queries": asked}
    text = run_all.section([result], [(100_000, "a test")], run_all.machine(), [SIZE, 100_000])
    assert text.startswith(run_all.HEADING) and "not run: a test" in text
    before = "# Benchmark results\n\n## Other\n\nkeep me\n\n## Speed and scale\n\nold\n\n## Later\n\nkeep too\n"
    after = run_all.replace_section(before, text)
    assert "keep me" in after and "keep too" in after and "old\n" not in after and after.count(run_all.HEADING) == 1
    assert run_all.svg_chart([result]).startswith("<svg")


def test_http_api_engine_answers_the_mix(corpus, tmp_path):
    if not queries.ARCHIVIST.exists():
        pytest.skip(f"{queries.ARCHIVIST} is not installed: run 'make install'")
    import indexer

    index_dir = tmp_path / "archivist" / "index"
    indexer.reindex([corpus], index_dir)
    mix = queries.build_mix(corpus, per_kind=1)
    result = queries.measure(queries.ArchivistHttp(index_dir, threads=2), mix, clients=(1,))
    assert result["errors"] == 0, result["first_errors"]
    assert set(result["clients_1"]["kinds"]) == set(queries.KINDS)
