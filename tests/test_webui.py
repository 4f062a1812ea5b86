"""The Flask app through its test client: pages, facet links, the JSON API and its errors."""
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import SEED_IDS

S000, S001, S002, S003 = SEED_IDS


def hit_ids(html: str) -> list[str]:
    return re.findall(r'class="hit" data-id="([^"]+)"', html)


def test_root_redirects_to_search(client):
    assert client.get("/").headers["Location"].endswith("/search")


def test_search_page_lists_ranked_results_with_snippets(client):
    page = client.get("/search?q=Elbasy").get_data(as_text=True)
    assert set(hit_ids(page)) == {S000, S003}
    assert "<mark>Elbasy</mark>" in page and "<mark>Elbassy</mark>" in page
    assert '<h1 id="result-count">2 results for <q>Elbasy</q></h1>' in page


def test_facet_link_adds_filter_and_selected_link_removes_it(client):
    page = client.get("/search?q=Kazakhstan").get_data(as_text=True)
    link = re.search(r'data-facet="year">.*?<a href="([^"]+)">2024</a> <span class="count">1</span>', page, re.S)
    assert link, "year facet with 2024 (1)"
    url = link.group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(url).query) == {"q": ["Kazakhstan"], "year": ["2024"]}
    filtered = client.get(url).get_data(as_text=True)
    assert hit_ids(filtered) == [S001]
    chip = re.search(r'<a class="chip" href="([^"]+)"', filtered).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(chip).query) == {"q": ["Kazakhstan"]}
    selected = re.search(r'<li class="selected"><a href="([^"]+)"', filtered).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(selected).query) == {"q": ["Kazakhstan"]}


def test_pages_and_sort_are_in_the_url(client, app):
    app.config["PER_PAGE"] = 3
    page = client.get("/search?q=&sort=oldest").get_data(as_text=True)
    assert len(hit_ids(page)) == 3
    next_url = re.search(r'rel="next" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(next_url).query) == {"sort": ["oldest"], "page": ["2"]}
    assert hit_ids(client.get(next_url).get_data(as_text=True)) == [S002]


def test_query_is_escaped_in_the_page(client):
    page = client.get('/search?q=<script>alert(1)</script>"onerror=').get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


def test_bad_parameter_is_a_400_page_not_a_500(client):
    response = client.get("/search?q=x&page=zero")
    assert response.status_code == 400
    assert "must be a whole number" in response.get_data(as_text=True)


def test_article_page_shows_paragraphs_and_highlights(client):
    response = client.get(f"/article/{S003}?q=Elbasy")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<h1>Almaty - the Golden Cradle of Independence</h1>" in page
    assert 'id="p3"' in page and "<mark>Elbasy</mark>" in page


def test_unknown_article_is_404(client):
    assert client.get("/article/nope").status_code == 404


def test_csp_forbids_inline_scripts(client):
    csp = client.get("/search?q=x").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_api_search_matches_the_library(client, ix):
    data = client.get("/api/search?q=Belarus").get_json()
    assert data == json.loads(json.dumps(ix.search("Belarus").to_json()))


def test_api_article(client):
    data = client.get(f"/api/articles/{S001}").get_json()
    assert data["id"] == S001 and data["published"] == "2024-12-11"


@pytest.mark.parametrize(
    "url, status, code",
    [
        ("/api/search?q=x&page=0", 400, "bad_request"),
        ("/api/search?q=x&page=1000000000", 400, "bad_request"),
        ("/api/search?q=x&per_page=abc", 400, "bad_request"),
        ("/api/search?q=" + "x" * 10_000, 400, "bad_request"),
        ("/api/articles/nope", 404, "not_found"),
        ("/api/nothing", 404, "not_found"),
    ],
)
def test_api_errors_have_one_shape(client, url, status, code):
    response = client.get(url)
    assert response.status_code == status
    body = response.get_json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]


def test_no_index_is_a_clear_503(tmp_path):
    from webui import create_app

    client = create_app({"INDEX_DIR": str(tmp_path / "none")}).test_client()
    assert client.get("/api/search?q=x").get_json()["error"]["code"] == "no_index"
    page = client.get("/search?q=x")
    assert page.status_code == 503 and "archivist reindex" in page.get_data(as_text=True)
