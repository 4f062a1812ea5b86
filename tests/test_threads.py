"""Many threads searching one open Index at once, with Python switching threads as often as it can:
every search answers, and answers what the same search answers alone."""
import sys
import threading

import pytest

import indexer
from conftest import ROOT

QUERIES = ["golden cradle", "exhibition", "Almaty", '"Library of the First President"', "memory -war", "museum OR gallery",
           "nazarb*", "Elbasi", "Kazakhstan", "independence"]


@pytest.fixture(scope="module")
def sample_index(tmp_path_factory):
    """The sample archive indexed: enough segments and stored records for threads to collide in."""
    path = tmp_path_factory.mktemp("threads") / "index"
    indexer.reindex([ROOT / "archive"], path)
    return path


@pytest.fixture
def fast_switching():
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def test_sixteen_threads_search_one_index_without_an_error(sample_index, fast_switching):
    ix = indexer.search.Index(sample_index, results_cache=64)
    expected = {q: [(h.id, round(h.score, 6)) for h in indexer.search.Index(sample_index, results_cache=0).search(q).hits]
                for q in QUERIES}
    errors, wrong = [], []

    def work(n):
        for i in range(60):
            q = QUERIES[(n + i) % len(QUERIES)]
            try:
                res = ix.search(q, page=1)
                quotes = ix.quotes("memory")
                article = ix.article(res.hits[0].id) if res.hits else None
                if [(h.id, round(h.score, 6)) for h in res.hits] != expected[q]:
                    wrong.append(q)
                if res.hits and article is None or quotes.total < 0:
                    wrong.append(q)
            except Exception as exc:  # noqa: BLE001 - the test counts every failure
                errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and wrong == [], (len(errors), errors[:3], wrong[:3])
