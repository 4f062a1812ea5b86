"""indexer.html on small hand-written pages, and bench/extraction.py's scorer on hand-computed
cases and on a few pages of the Article Extraction Benchmark."""
import sys
from pathlib import Path

import pytest

from indexer.html import Page, extract_html

ROOT = Path(__file__).resolve().parents[1]
AEB = Path(__file__).resolve().parents[2] / "shared" / "data" / "aeb"
sys.path.insert(0, str(ROOT / "bench"))
import extraction  # noqa: E402

PARAGRAPHS = [
    "The old tram depot on Abay Avenue will become a public library, the city council decided on Tuesday "
    "after a debate that lasted most of the afternoon.",
    "The depot, built in 1937, has stood empty since the last tram line closed. Its brick halls will hold "
    "reading rooms, a children's floor and a store for the city's newspaper archive.",
    "\u201cWe are giving the building back to the people who paid for it,\u201d said council member "
    "Dana Omarova, who proposed the plan.",
    "Work is to start next spring and should take two years. The council set aside 1.2 billion tenge "
    "for the first stage.",
]

ARTICLE = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Tram depot to become a library | City Courier</title>
<meta property="og:title" content="Tram depot to become a library">
<meta property="article:published_time" content="2024-03-05T09:30:00+05:00">
<meta name="author" content="Marat Ismailov">
</head>
<body>
<header><a href="/">City Courier</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/culture">Culture</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main>
<article>
<h1>Tram depot to become a library</h1>
<p class="byline">By Marat Ismailov</p>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a1">Council approves the new bus routes for the autumn</a></li>
<li><a href="/a2">Ten libraries to visit this winter in the old town</a></li>
</ul></aside>
<section id="comments" class="comments"><h2>3 comments</h2>
<div class="comment"><p>Finally something good happens to that building, I walked past it for years.</p></div>
<div class="comment"><p>Who is going to pay for the heating of those enormous halls in January?</p></div>
</section>
</main>
<footer><p>&copy; 2024 City Courier. All rights reserved.</p>
<p>Subscribe to our newsletter for the morning headlines.</p></footer>
</body>
</html>"""


def paragraphs(page: Page) -> list[str]:
    return page.text.split("\n\n")


def test_article_page_keeps_body_and_metadata_only():
    page = extract_html(ARTICLE, url="https://courier.example/news/tram-depot-library")
    assert page.title == "Tram depot to become a library"
    assert page.published == "2024-03-05"
    assert page.author == "Marat Ismailov"
    body = paragraphs(page)
    for paragraph in PARAGRAPHS:
        assert paragraph in body
    for furniture in ("Sport", "Weather", "bus routes", "Ten libraries", "heating", "walked past",
                      "All rights reserved", "Subscribe", "3 comments"):
        assert furniture not in page.text
    # the headline is the title, not the first paragraph of the body
    assert body[0] != "Tram depot to become a library"


def test_works_without_url_and_gives_blank_line_paragraphs():
    page = extract_html(ARTICLE)
    assert [p for p in paragraphs(page) if p in PARAGRAPHS] == PARAGRAPHS
    assert "\n\n\n" not in page.text and not page.text.startswith("\n")


def test_date_from_time_element_and_title_from_h1():
    markup = f"""<html><head><title>Regional news</title></head><body>
    <div class="story"><h1>Bridge reopens after repairs</h1>
    <p>Published <time datetime="2019-07-21">21 July 2019</time></p>
    <p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[3]}</p></div></body></html>"""
    page = extract_html(markup)
    assert page.published == "2019-07-21"
    assert page.title == "Bridge reopens after repairs"
    assert PARAGRAPHS[1] in paragraphs(page)


def test_entities_are_decoded():
    markup = ("<html><body><article><h1>Caf&eacute; news</h1>"
              "<p>Tom &amp; Jerry&#8217;s caf&#233; opened on the main square &mdash; with "
              "&lt;free&gt; coffee for the first hundred guests, the owners said on Friday morning.</p>"
              "</article></body></html>")
    page = extract_html(markup)
    assert page.title == "Café news"
    assert "Tom & Jerry\u2019s café opened on the main square \u2014 with <free> coffee" in page.text
    assert "&amp;" not in page.text and "&#" not in page.text


def test_short_page_still_gives_its_text():
    page = extract_html("<html><body><p>Short note: the market is closed today.</p></body></html>")
    assert page.text == "Short note: the market is closed today."


@pytest.mark.parametrize("markup", [
    "",
    "   \n ",
    "\x00\x01\x02\xff\xfe" * 200,
    bytes(range(256)).decode("latin-1") * 8,
    "<html><body><p>Unclosed <b>bold <div><p>and a truncated ta",
    "<div>" * 20000 + "deep text",
    "<<<>>> </p></p></div>",
    "<html><head><title>Only a title</title></head></html>",
])
def test_bad_input_does_not_raise(markup):
    page = extract_html(markup)
    assert isinstance(page, Page) and isinstance(page.text, str)


def test_binary_and_empty_input_give_empty_text():
    assert extract_html("").text == ""
    assert extract_html("\x00\x01\x02\xff\xfe" * 200) == Page(title=None, text="")


def test_truncated_page_keeps_what_arrived():
    markup = f"<html><body><article><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>Work is to st"
    page = extract_html(markup)
    assert PARAGRAPHS[0] in paragraphs(page)
    assert PARAGRAPHS[1] in paragraphs(page)


# The scorer: hand-computed cases.

def test_identical_text_scores_one():
    s = extraction.score({"a": "one two three four five"}, {"a": "one two three four five"})
    assert (s.precision, s.recall, s.f1, s.accuracy) == (1.0, 1.0, 1.0, 1.0)
    assert s.f1_std == 0.0


def test_disjoint_text_scores_zero():
    s = extraction.score({"a": "v w x y z"}, {"a": "a b c d e"})
    assert (s.precision, s.recall, s.f1, s.accuracy) == (0.0, 0.0, 0.0, 0.0)


def test_tokens_ignore_punctuation_but_not_case():
    # fewer than 4 tokens: one shingle of all of them
    assert extraction.score({"a": "Hello, world!"}, {"a": "Hello world"}).f1 == 1.0
    assert extraction.score({"a": "hello world"}, {"a": "Hello world"}).f1 == 0.0
    assert extraction.tokens("don't stop") == ["don", "t", "stop"]


def test_partial_prediction():
    # truth shingles (1 2 3 4), (2 3 4 5); predicted (1 2 3 4): TP 1, FN 1 -> P 1, R 1/2
    truth = {"a": "one two three four five", "b": "six seven eight nine"}
    s = extraction.score({"a": "one two three four", "b": "six seven eight nine"}, truth, resamples=0)
    # macro means: P = (1 + 1) / 2, R = (1/2 + 1) / 2, F1 = 2 * 1 * 3/4 / (1 + 3/4)
    assert s.precision == pytest.approx(1.0)
    assert s.recall == pytest.approx(0.75)
    assert s.f1 == pytest.approx(6 / 7)
    assert s.accuracy == pytest.approx(0.5)


def test_extra_words_cost_precision_with_normalised_counts():
    # truth (a b c d); predicted (a b c d), (b c d x), (c d x y): TP 1, FP 2 -> P 1/3, R 1
    s = extraction.score({"p": "a b c d x y"}, {"p": "a b c d"}, resamples=0)
    assert (s.precision, s.recall) == (pytest.approx(1 / 3), pytest.approx(1.0))


def test_empty_prediction_counts_in_recall_only():
    truth = {"a": "one two three four", "b": "five six seven eight"}
    s = extraction.score({"a": "one two three four"}, truth, resamples=0)  # "b" missing: empty
    assert s.precision == pytest.approx(1.0)  # "b" is left out of the precision mean
    assert s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(2 / 3)


def test_bootstrap_is_repeatable():
    truth = {"a": "one two three four five", "b": "six seven eight nine", "c": "ten eleven twelve thirteen"}
    predictions = {"a": "one two three four", "b": "six seven eight nine", "c": "zero"}
    first, second = extraction.score(predictions, truth), extraction.score(predictions, truth)
    assert first == second
    assert 0 < first.f1_std < 1


def test_scorer_on_five_aeb_pages():
    if not (AEB / "ground-truth.json").exists():
        pytest.skip(f"{AEB} is absent: no AEB scoring run")
    html, truth = extraction.load(limit=5)
    assert len(html) == len(truth) == 5
    assert extraction.score(truth, truth).f1 == 1.0
    ours = extraction.score({k: extract_html(m).text for k, m in html.items()}, truth)
    everything = extraction.score({k: extraction.bs4_blocks(m) for k, m in html.items()}, truth)
    assert ours.f1 > 0.85
    assert ours.precision > everything.precision


def test_site_name_is_not_the_title():
    page = extract_html(
        "<html><head><title>Steppe Herald » Almaty opens a new library</title></head><body>"
        '<h1 id="site-title">Steppe Herald</h1><div class="post"><h2>Almaty opens a new library</h2>'
        "<p>The city opened its largest public library on Monday, with reading rooms for children.</p>"
        "<p>The building took three years to finish and holds two million books and journals.</p></div>"
        "</body></html>"
    )
    assert page.title == "Almaty opens a new library"
