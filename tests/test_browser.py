"""The search page in real headless Chromium (Debian's), driven by Playwright."""
from pathlib import Path

import pytest

from conftest import SEED_IDS

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.browser


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
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def test_type_a_query_and_see_highlighted_results(page, live_server):
    page.goto(f"{live_server}/")
    page.get_by_label("Search the archive").fill("Elbasy")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Elbasy")
    hits = page.locator("li.hit")
    assert sorted(hits.evaluate_all("els => els.map(e => e.dataset.id)")) == [SEED_IDS[0], SEED_IDS[3]]
    assert page.locator("#result-count").inner_text() == "2 results for Elbasy"
    marks = page.locator("li.hit .snippet mark").all_inner_texts()
    assert "Elbasy" in marks and "Elbassy" in marks


def test_facet_click_filters_and_the_url_keeps_it(page, live_server):
    page.goto(f"{live_server}/search?q=Kazakhstan")
    page.locator('[data-facet="year"] a', has_text="2024").click()
    page.wait_for_url("**year=2024**")
    assert page.locator("li.hit").count() == 1
    page.locator("a.chip").click()
    page.wait_for_url(lambda url: "year=" not in url)
    assert page.locator("li.hit").count() == 4


def test_open_an_article_from_the_results(page, live_server):
    page.goto(f"{live_server}/search?q=%22Golden+Cradle+of+Independence%22")
    page.locator("li.hit h2 a").first.click()
    page.wait_for_url(f"**/article/{SEED_IDS[3]}**")
    assert page.locator("h1").inner_text() == "Almaty - the Golden Cradle of Independence"
    assert "Golden Cradle of Independence" in page.locator("article mark").all_inner_texts()
