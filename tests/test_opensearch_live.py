"""The search test suite (tests/test_search.py) run again through the OpenSearch backend, against the
cluster at ARCHIVIST_OPENSEARCH_URL: the seed archive is indexed into it under a prefix of this run's
own, searched with the same tests, and its indices and templates removed afterwards. Skipped where
no cluster is given (tests/test_opensearch.py checks what is sent, on every machine).
"""
from __future__ import annotations

import os
import uuid

import pytest

import indexer
from indexer import config

from test_search import *  # noqa: F401,F403 - the suite itself, run here with the fixtures below

URL = os.environ.get("ARCHIVIST_OPENSEARCH_URL")
pytestmark = pytest.mark.skipif(
    not URL, reason="ARCHIVIST_OPENSEARCH_URL is not set: the search suite runs against a live OpenSearch "
                    "cluster only where one is given (docs/scale-out.md starts one)")


@pytest.fixture(scope="module", autouse=True)
def opensearch_engine():
    """config chooses OpenSearch, under a prefix of this module's own, for as long as the module runs."""
    prefix = f"archivist-test-{uuid.uuid4().hex[:10]}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "ENGINE", "opensearch")
        patch.setattr(config, "OPENSEARCH_URL", URL)
        patch.setattr(config, "OPENSEARCH_PREFIX", prefix)
        yield prefix
    from indexer.opensearch.client import connect

    client = connect(URL)
    client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)
    for kind in ("articles", "quotes"):
        client.indices.delete_index_template(name=f"{prefix}-{kind}", ignore=404)


@pytest.fixture(scope="module")
def index_dir(opensearch_engine, seed_archive, tmp_path_factory):
    path = tmp_path_factory.mktemp("opensearch") / "index"
    indexer.reindex([seed_archive], path)
    return path


@pytest.fixture(scope="module")
def ix(index_dir):
    return indexer.open_index(index_dir)


def test_the_index_lives_in_the_cluster(ix, opensearch_engine):
    """The generation folder names the cluster's indices; the aliases name the live ones."""
    from indexer.opensearch import names

    found = names.read(ix._live)
    assert found.prefix == opensearch_engine
    assert ix.reader().doc_count() == 4


def test_a_reindex_swaps_the_alias_and_keeps_serving(ix, index_dir, seed_archive):
    before = ix.search("cradle").total
    report = indexer.reindex([seed_archive], index_dir, full=True)
    assert report.indexed == 4
    assert ix.search("cradle").total == before
