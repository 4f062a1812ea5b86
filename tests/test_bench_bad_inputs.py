"""Malformed and hostile files: each ends indexed or reported with a reason, fast."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import bad_inputs  # noqa: E402


def test_every_bad_file_is_indexed_or_reported_in_bounded_time():
    rows = {row["file"]: row for row in bad_inputs.run(big=False)}
    assert set(rows) == set(bad_inputs.cases(big=False))
    for name, row in rows.items():
        assert row["outcome"].startswith(("indexed", "failed: ")), row
        assert row["seconds"] < 20, row
    assert rows["good.txt"]["outcome"] == "indexed (1 article)"
    assert rows["empty.txt"]["outcome"] == "failed: empty file"
    assert rows["zip-bomb.txt.gz"]["outcome"].startswith("failed: file too large once decompressed")
    assert rows["deep-nesting.html"]["outcome"] == "indexed (1 article)"
