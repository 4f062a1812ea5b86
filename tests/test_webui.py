"""The Flask app through its test client: pages, facet links, the JSON API and its errors."""
import csv
import io
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
        ("/api/search?q=x&colour=red", 400, "bad_request"),
        ("/api/search?q=x&sort=random", 400, "bad_request"),
        ("/api/quotes?q=x&page=0", 400, "bad_request"),
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
    for url in ("/search?q=x", "/article/x", "/quotes?speaker=x", "/export.csv?q=x"):
        page = client.get(url)
        assert page.status_code == 503 and "run &#39;archivist reindex&#39; first" in page.get_data(as_text=True), url


def test_timeline_bars_filter_by_year(client):
    page = client.get("/search?q=").get_data(as_text=True)
    bars = re.findall(r'<a href="([^"]+)" class="bar (published|mentioned)" data-year="(\d{4})"', page)
    published = {year: url.replace("&amp;", "&") for url, series, year in bars if series == "published"}
    assert set(published) == {"2019", "2021", "2024", "2025"}
    assert hit_ids(client.get(published["2024"]).get_data(as_text=True)) == [S001]
    mentioned = {year: url.replace("&amp;", "&") for url, series, year in bars if series == "mentioned"}
    assert parse_qs(urlsplit(mentioned["1991"]).query) == {"mentioned": ["1991"]}
    assert set(hit_ids(client.get(mentioned["1991"]).get_data(as_text=True))) == {S002, S003}


def test_suggestion_is_a_link(client):
    page = client.get("/search?q=Elbasi").get_data(as_text=True)
    assert '<a id="suggestion" href="/search?q=Elbasy">Elbasy</a>' in page


def test_csv_export_has_every_matching_article(client, app):
    app.config["PER_PAGE"] = 1
    response = client.get("/export.csv?q=exhibition&country=Kazakhstan")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert sorted(r["id"] for r in rows) == [S000, S003]
    assert {r["country"] for r in rows} == {"Kazakhstan"}


def test_jsonl_export(client):
    lines = client.get("/export.jsonl?q=Belarus").get_data(as_text=True).splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == [S000, S001]


def test_article_citation_for_a_paragraph(client):
    page = client.get(f"/article/{S001}?cite=5").get_data(as_text=True)
    assert (f"“Joint project of Kazakhstan’s Embassy and Belarus Segodnya Publishing House to mark 80th anniversary "
            f"of Great Victory presented in Minsk”, paragraph 5. ") in page
    assert f"2024-12-11. Archivist: http://localhost/article/{S001}#p5" in page


def test_article_lists_more_like_this_and_removed_lines(client):
    page = client.get(f"/article/{S003}").get_data(as_text=True)
    assert "More like this" in page
    assert "Removed by the cleaner (4)" in page


def test_openapi_document_lists_the_endpoints(client):
    doc = client.get("/api/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    assert set(doc["paths"]) >= {"/api/search", "/api/articles/{id}"}


def test_sources_are_shown_relative_to_the_archive_root(client, seed_archive):
    page = client.get(f"/article/{SEED_IDS[0]}").get_data(as_text=True)
    record = client.get(f"/api/articles/{SEED_IDS[0]}").get_json()
    for shown in (page, json.dumps(record)):
        assert str(seed_archive) not in shown  # the server's absolute path is nobody's business
    assert record["source"] == f"{seed_archive.name}/{SEED_IDS[0]}.txt"


def test_match_is_in_the_url_and_the_api(client):
    page = client.get("/search?q=Belarus+Almaty").get_data(as_text=True)
    assert "No article has all 2 words; these have most of them." in page
    assert client.get("/api/search?q=Belarus+Almaty&match=all").get_json()["total"] == 0
    assert client.get("/api/search?q=Belarus+Almaty").get_json()["total"] == 3
    bad = client.get("/api/search?q=Belarus&match=some")
    assert bad.status_code == 400 and "match must be one of" in bad.get_json()["error"]["message"]
