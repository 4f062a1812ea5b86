"""Hostile articles and hostile requests: everything escaped, scripts never run,
limits that answer with a clear message, no path outside the index."""
import json

import pytest

import indexer
from indexer import config
from webui import create_app
from webui.ratelimit import RateLimiter

HOSTILE = {
    "title": 'Evil <script>alert("t")</script> title',
    "text": 'Body with <img src=x "onerror=alert(1)"> and <b>bold</b> and a javascript:alert(2) link & more.',
    "url": "javascript:alert(3)",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "feed.jsonl").write_text(json.dumps({"id": "x", **HOSTILE, "published": "2020-01-02"}) + "\n")
    index = tmp_path_factory.mktemp("var") / "index"
    indexer.reindex([folder], index)
    app = create_app({"INDEX_DIR": str(index), "TESTING": True})
    return app.test_client()


def test_article_text_is_escaped_everywhere(hostile):
    for url in ("/search?q=body", "/search?q=", "/article/feed%23x?q=body"):
        page = hostile.get(url).get_data(as_text=True)
        assert "<script>alert" not in page and "<img src=x" not in page and "<b>bold</b>" not in page, url
    # JSON carries the title as data; the snippet, which is HTML, is escaped.
    response = hostile.get("/api/search?q=body")
    assert response.mimetype == "application/json" and response.headers["X-Content-Type-Options"] == "nosniff"
    snippet = response.get_json()["hits"][0]["snippet"]
    assert "&lt;img src=x &quot;onerror=alert(1)&quot;&gt;" in snippet and "<img" not in snippet


def test_javascript_url_is_not_a_link(hostile):
    page = hostile.get("/article/feed%23x").get_data(as_text=True)
    assert 'href="javascript:' not in page
    assert "javascript:alert(3)" not in page.split("<dt>Source</dt>")[1].split("</dd>")[0]


def test_query_is_escaped_in_facets_chips_and_notices(hostile):
    page = hostile.get('/search?q="><script>x()</script>&venue=<script>y()</script>').get_data(as_text=True)
    assert "<script>x()" not in page and "<script>y()" not in page
    assert "&lt;script&gt;y()&lt;/script&gt;" in page


def test_no_inline_scripts_and_a_csp_that_forbids_them(hostile):
    response = hostile.get("/search?q=body")
    assert "<script" not in response.get_data(as_text=True)
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/article/../../etc/passwd", "/article/%2e%2e/%2e%2e/etc/passwd",
                                  "/api/articles/..%2F..%2Fpyproject.toml", "/static/../../pyproject.toml"])
def test_no_path_traversal(hostile, path):
    response = hostile.get(path)
    assert response.status_code in (400, 404)
    assert "root:" not in response.get_data(as_text=True) and "[project]" not in response.get_data(as_text=True)


@pytest.mark.parametrize("query, message", [
    ("word " * 101, "query has 101 words; the limit is 100"),
    ("x" * 2001, "query is 2001 characters long; the limit is 2000"),
])
def test_query_limits_are_clear_400s(client, query, message):
    response = client.get("/api/search", query_string={"q": query})
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == message


def test_expansion_limit(ix, monkeypatch):
    monkeypatch.setattr(config, "MAX_EXPANSIONS", 3)
    with pytest.raises(indexer.QueryError, match="'co' matches more than 3 words"):
        ix.search("co*")  # country, cooperation, culture, ...
    assert ix.search("Nichkas*").total == 1


def test_short_prefix_and_too_fuzzy_words_are_read_as_plain_words(ix):
    assert ix.search("a*").notice.startswith("A word* needs at least two letters before the *")
    assert ix.search("almaty~5").notice.startswith("A word~ allows at most 2 edits")


def test_a_slow_search_stops_with_partial_results_and_a_notice(ix, monkeypatch):
    monkeypatch.setattr(config, "QUERY_SECONDS", 0)
    results = ix.search("exhibition photographs")  # a search not run before, so not remembered
    assert results.notice == "The search took over 0 s and was stopped: these results are partial."


def test_rate_limiter_window():
    limiter = RateLimiter(per_minute=3)
    assert [limiter.allow("a", now=t) for t in (0, 1, 2, 3)] == [True, True, True, False]
    assert limiter.allow("b", now=3)
    assert limiter.allow("a", now=61)


def test_api_rate_limit_answers_429(index_dir):
    client = create_app({"INDEX_DIR": str(index_dir), "API_RATE_PER_MINUTE": 2}).test_client()
    statuses = [client.get("/api/search?q=x").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert client.get("/api/search?q=x").get_json()["error"]["code"] == "rate_limited"
    assert client.get("/search?q=x").status_code == 200  # pages are not limited


def test_recent_results_are_remembered_until_a_new_generation(ix):
    first = ix.search("Belarus memory")
    assert ix.search("Belarus memory") is first
    assert ix.search("Belarus memory", page=2) is not first


def test_export_is_bounded(client, monkeypatch):
    monkeypatch.setattr(config, "EXPORT_LIMIT", 2)
    lines = client.get("/export.jsonl?q=").get_data(as_text=True).splitlines()
    assert len(lines) == 2
