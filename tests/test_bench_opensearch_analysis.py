"""A small run of bench/opensearch_analysis.py: the OpenSearch analyzers built with Lucene's classes
over a dozen texts, its table with the four fields, each mostly agreeing with Archivist's terms."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if not (ROOT.parent / "shared" / "data" / "news-sample" / "articles.jsonl").exists():
    pytest.skip("shared/data is absent: the texts come from it", allow_module_level=True)
sys.path.insert(0, str(ROOT / "bench"))
import opensearch_analysis  # noqa: E402


def test_lucene_terms_mostly_agree_with_archivists():
    why = opensearch_analysis.missing_tools()
    if why:
        pytest.skip(f"{why} (`{opensearch_analysis.INSTALL}`)")
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "opensearch_analysis.py"), "--limit", "12"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = re.findall(r"^\| (\w+) \| ([\d.]+) % \(\S+ of (\S+)\) \|", done.stdout, re.M)
    assert [field for field, _, _ in rows] == ["exact", "stemmed", "folded", "names"]
    assert all(float(share) > 90 and total != "0" for _, share, total in rows), done.stdout
