"""The web UI in real headless Chromium (Debian's), driven by Playwright, the
way a journalist or an archivist uses it."""
import csv
import io
import os
from pathlib import Path

import pytest

from conftest import ROOT, SEED_IDS

S000, S001, S002, S003 = SEED_IDS
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.browser
# `make screenshots` sets this to docs/screenshots; otherwise they go to a temporary folder.
SCREENSHOTS = os.environ.get("ARCHIVIST_SCREENSHOTS")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed: run 'make test' as root to install it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], "the page raised script errors"


def hit_ids(page):
    return page.locator("li.hit").evaluate_all("els => els.map(e => e.dataset.id)")


def test_type_a_query_and_see_highlighted_results(page, live_server):
    page.goto(f"{live_server}/")
    page.get_by_label("Search the archive").fill("Elbasy")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Elbasy")
    assert sorted(hit_ids(page)) == [S000, S003]
    assert page.locator("#result-count").inner_text() == "2 results for Elbasy"
    marks = page.locator("li.hit .snippet mark").all_inner_texts()
    assert "Elbasy" in marks and "Elbassy" in marks


def test_facet_click_changes_count_and_url_and_chip_removes_it(page, live_server):
    page.goto(f"{live_server}/search?q=exhibition")
    assert page.locator("#result-count").inner_text() == "3 results for exhibition"
    page.locator('[data-facet="country"] a', has_text="Kazakhstan").click()
    page.wait_for_url("**country=Kazakhstan**")
    assert page.locator("#result-count").inner_text() == "2 results for exhibition"
    assert page.locator('[data-facet="country"] li.selected').inner_text().startswith("Kazakhstan")
    page.locator("a.chip").click()
    page.wait_for_url(lambda url: "country=" not in url)
    assert page.locator("#result-count").inner_text() == "3 results for exhibition"


def test_page_through_results(page, live_server):
    page.goto(f"{live_server}/search?q=&sort=oldest&per_page=3")
    assert hit_ids(page) == [S000, S003, S001]
    assert page.locator(".pages span").inner_text() == "Page 1 of 2"
    page.locator("a[rel=next]").click()
    page.wait_for_url("**page=2**")
    assert hit_ids(page) == [S002]
    assert "sort=oldest" in page.url and "per_page=3" in page.url
    page.locator("a[rel=prev]").click()
    page.wait_for_url(lambda url: "page=2" not in url)
    assert hit_ids(page) == [S000, S003, S001]


def test_why_did_these_match(page, live_server):
    page.goto(f"{live_server}/search?q=title%3AAlmaty")
    page.get_by_role("link", name="Why did these match?").click()
    page.wait_for_url("**explain=1**")
    assert page.locator("li.hit .explain").first.inner_text() == "Matched: title:almati"


def test_open_an_article_and_follow_a_paragraph_permalink(page, live_server):
    page.goto(f"{live_server}/search?q=%22Golden+Cradle+of+Independence%22")
    page.locator("li.hit h2 a").first.click()
    page.wait_for_url(f"**/article/{S003}**")
    assert page.locator("h1").inner_text() == "Almaty - the Golden Cradle of Independence"
    assert "Golden Cradle of Independence" in page.locator("article .paragraph mark").all_inner_texts()
    page.locator("#p4 a.permalink").click()
    page.wait_for_url(f"**/article/{S003}#p4")
    assert page.evaluate("document.querySelector(':target').id") == "p4"


def test_cite_a_paragraph(page, live_server):
    page.goto(f"{live_server}/article/{S001}")
    page.locator("#p5 a.cite-link").click()
    page.wait_for_url("**cite=5#cite")
    citation = page.locator("#citation").input_value()
    assert citation.startswith("“Joint project of Kazakhstan’s Embassy")
    assert ", paragraph 5. " in citation and "2024-12-11" in citation
    assert citation.endswith(f"/article/{S001}#p5")


def test_download_the_csv_export(page, live_server):
    page.goto(f"{live_server}/search?q=exhibition")
    with page.expect_download() as download_info:
        page.locator(".exports a", has_text="CSV").click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["id"] for r in rows) == [S000, S002, S003]
    assert all(r["title"] for r in rows)


def test_click_a_timeline_bar(page, live_server):
    page.goto(f"{live_server}/search?q=")
    page.locator('a.bar[data-series="published"][data-year="2021"]').click()
    page.wait_for_url("**year=2021**")
    assert hit_ids(page) == [S003]
    page.goto(f"{live_server}/search?q=")
    page.locator('a.bar[data-series="mentioned"][data-year="1991"]').click()
    page.wait_for_url("**mentioned=1991**")
    assert sorted(hit_ids(page)) == [S002, S003]


def test_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server}/search?q=Almaty")
    page.locator('[data-facet="year"] a', has_text="2021").click()
    page.wait_for_url("**year=2021**")
    assert hit_ids(page) == [S003]
    context.close()


@pytest.mark.parametrize("width, height, name", [(1280, 900, "desktop"), (390, 844, "phone")])
def test_screenshots(browser, live_server, tmp_path, width, height, name):
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{live_server}/search?q=exhibition")
    page.screenshot(path=str(folder / f"search-{name}.png"), full_page=False)
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    page.goto(f"{live_server}/article/{S003}?q=Almaty")
    page.screenshot(path=str(folder / f"article-{name}.png"), full_page=False)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
    assert (folder / f"search-{name}.png").stat().st_size > 10_000


def test_search_quotes_by_speaker(page, live_server):
    page.goto(f"{live_server}/quotes")
    page.get_by_label("Speaker", exact=True).fill("Borodavkin")
    page.get_by_role("button", name="Find quotes").click()
    page.wait_for_url("**speaker=Borodavkin**")
    quotes = page.locator("li.quote-hit")
    assert quotes.count() == 1
    assert "Alexey Borodavkin" in quotes.first.locator(".speaker").inner_text()
    quotes.first.locator(".meta a").first.click()
    page.wait_for_url(f"**/article/{S000}**#p8")
    assert page.evaluate("document.querySelector(':target').id") == "p8"
