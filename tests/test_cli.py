"""The archivist command: in-process through click's runner, and end to end as
a subprocess the way a person runs it."""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED_IDS, SEEDS

ARCHIVIST = Path(sys.executable).with_name("archivist")


def test_search_json_shape(cli):
    result = cli("search", "Belarus", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["total"] == 2 and data["page"] == 1 and data["per_page"] == 10 and data["notice"] is None
    assert {h["id"] for h in data["hits"]} == {SEED_IDS[0], SEED_IDS[1]}
    assert set(data["facets"]) == {"venue", "country", "year", "language"}


def test_search_text_output(cli):
    result = cli("search", "Elbasy")
    assert result.exit_code == 0
    assert result.output.startswith("2 results (page 1 of 1)")
    assert f"[{SEED_IDS[3]}]" in result.output and f"[{SEED_IDS[0]}]" in result.output


def test_search_year_range_and_bad_year(cli):
    assert json.loads(cli("search", "--year", "2020..2024", "--json").output)["total"] == 2
    assert json.loads(cli("search", "--from", "2022", "--json").output)["total"] == 2
    bad = cli("search", "x", "--year", "last")
    assert bad.exit_code == 2 and "--year must be a year or a range" in bad.output


def test_show_prints_one_record_per_line(cli):
    result = cli("show", SEED_IDS[1], SEED_IDS[2], "--json")
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["id"] for r in records] == SEED_IDS[1:3]
    assert records[0]["published"] == "2024-12-11"


def test_show_unknown_id_fails(cli):
    result = cli("show", "nope")
    assert result.exit_code == 1 and "no article with id 'nope'" in result.output


def test_export_jsonl_and_csv(cli):
    lines = cli("export").output.splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == SEED_IDS
    rows = list(csv.DictReader(io.StringIO(cli("export", "--format", "csv", "Almaty").output)))
    assert [(r["id"], r["year"], r["venue"], r["country"]) for r in rows] == [
        (SEED_IDS[3], "2021", "Library of the First President of the Republic of Kazakhstan – Elbasy", "Kazakhstan")
    ]
    assert rows[0]["text"].startswith("Almaty - the Golden Cradle of Independence")


def test_stats(cli):
    data = json.loads(cli("stats", "--json").output)
    assert data["articles"] == 4 and data["index_bytes"] > 0
    assert data["facets"]["language"] == [{"value": "en", "count": 4}]


def run(*args, cwd, env=None):
    return subprocess.run([str(ARCHIVIST), *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


@pytest.fixture()
def workdir(tmp_path):
    (tmp_path / "archive").mkdir()
    for path in SEEDS:
        shutil.copy(path, tmp_path / "archive" / path.name)
    return tmp_path


def test_end_to_end_reindex_then_phrase_search(workdir):
    reindex = run("reindex", "--json", cwd=workdir)
    assert reindex.returncode == 0, reindex.stderr
    assert sorted(json.loads(reindex.stdout)["added"]) == SEED_IDS
    assert (workdir / "var" / "index").is_symlink()
    search = run("search", '"Golden Cradle of Independence"', "--json", cwd=workdir)
    assert search.returncode == 0, search.stderr
    assert json.loads(search.stdout)["hits"][0]["id"] == SEED_IDS[3]
    again = run("reindex", "--json", cwd=workdir)
    assert sorted(json.loads(again.stdout)["unchanged"]) == SEED_IDS


def test_index_from_environment(workdir):
    env = {"ARCHIVIST_INDEX": str(workdir / "elsewhere")}
    assert run("reindex", cwd=workdir, env=env).returncode == 0
    assert json.loads(run("stats", "--json", cwd=workdir, env=env).stdout)["articles"] == 4


@pytest.mark.parametrize("query", ['"unclosed', "AND OR", ""])
def test_bad_queries_never_trace_back(workdir, query):
    run("reindex", cwd=workdir)
    result = run("search", query, "--json", cwd=workdir)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["total"] >= 0


def test_missing_path_is_one_sentence_and_exit_2(workdir):
    result = run("reindex", "no/such/folder", cwd=workdir)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "no such file or folder 'no/such/folder'" in result.stderr


def test_missing_index_says_to_reindex(workdir):
    result = run("search", "x", cwd=workdir)
    assert result.returncode == 2
    assert "run 'archivist reindex'" in result.stderr and "Traceback" not in result.stderr


def test_too_long_query_is_a_usage_error(workdir):
    run("reindex", cwd=workdir)
    result = run("search", "word " * 1000, cwd=workdir)
    assert result.returncode == 2 and "the limit is 2000" in result.stderr


def test_all_files_failing_exits_1(workdir):
    bad = workdir / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"")
    result = run("reindex", "bad", cwd=workdir)
    assert result.returncode == 1
    assert "Warning: bad/x.txt: empty file" in result.stderr
    assert "every input file failed" in result.stderr


def test_project_archive_holds_the_seeds_verbatim():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.exists():
        pytest.skip("../shared/seeds is not beside the project")
    for seed in shared.iterdir():
        assert (ROOT / "archive" / seed.name).read_bytes() == seed.read_bytes()


def test_show_003_has_the_article_and_records_what_was_removed(cli):
    record = json.loads(cli("show", SEED_IDS[3], "--json").output)
    text = "\n".join(p["text"] for p in record["paragraphs"])
    assert record["paragraphs"][0]["text"] == "Almaty - the Golden Cradle of Independence"
    assert record["paragraphs"][-1]["text"].startswith("The exhibition in the museum Library of the First President")
    assert all(p["language"] == "en" for p in record["paragraphs"])
    for junk in ("咪乐", "Registration certificate", "Приложение DKNews", "INA ?DKNews?"):
        assert junk not in text
    assert [r["reason"] for r in record["removed"]] == ["spam", "boilerplate", "boilerplate", "mojibake"]


def test_quotes_by_speaker_surname(cli):
    data = json.loads(cli("quotes", "--speaker", "Zhaxylykov", "--json").output)
    assert {h["article"] for h in data["hits"]} == {SEED_IDS[1]}
    assert {h["speaker"] for h in data["hits"]} == {"Timur Zhaxylykov"}
    assert any(h["text"].startswith("Belarus shows an example") for h in data["hits"])
    assert all(h["first"] for h in data["hits"])


def test_quotes_by_words(cli):
    data = json.loads(cli("quotes", "golden cradle", "--json").output)
    assert [(h["speaker"], h["article"]) for h in data["hits"]] == [("N.A. Nazarbayev", SEED_IDS[3])]
    assert "<mark>golden</mark> <mark>cradle</mark>" in data["hits"][0]["text"].lower()


def test_search_goes_on_with_most_words_unless_told_otherwise(cli):
    data = json.loads(cli("search", "Belarus", "Almaty", "--json").output)
    assert data["notice"] == "No article has all 2 words; these have most of them."
    assert data["total"] == 3
    assert json.loads(cli("search", "Belarus", "Almaty", "--match", "all", "--json").output)["total"] == 0
    assert json.loads(cli("search", "Belarus", "Almaty", "--match", "any", "--json").output)["total"] == 3
