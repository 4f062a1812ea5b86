"""The quote index's tests (tests/test_quote_index.py) run again through the OpenSearch backend,
against the cluster at ARCHIVIST_OPENSEARCH_URL; skipped where no cluster is given.
"""
from __future__ import annotations

from test_opensearch_live import URL, opensearch_engine, pytestmark  # noqa: F401 - the cluster, chosen for the module
from test_quote_index import *  # noqa: F401,F403 - the suite itself, its index built under the engine above
