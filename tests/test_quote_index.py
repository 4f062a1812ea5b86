"""The quote index, on articles whose quotes are written out by hand."""
import json

import pytest

from indexer import build
from indexer.model import Article, Paragraph, Quote
from indexer.search import Index


def article(id, published, quotes, venue=""):
    return Article(id=id, title=f"Title {id}", source=f"{id}.txt", published=published, language="en",
                   venue=venue, country="Kazakhstan", paragraphs=[Paragraph(1, "Some text.", "en")], quotes=quotes)


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    memory = "Memory is alive, and it protects us."
    articles = [
        article("b", "2024-12-11", [Quote(memory, "Timur Zhaxylykov", "Ambassador of Kazakhstan to Belarus", 3),
                                     Quote("We will open a new library in Almaty next year.", "Bakytzhan Sagintayev", "Akim of Almaty", 5)]),
        article("a", "2023-05-01", [Quote("memory is alive - and it protects us!", "Timur Zhaxylykov", "", 2)], venue="Embassy"),
        article("c", None, [Quote("The exhibition shows the heroism of the people.", "Alexey Borodavkin", "", 4)]),
    ]
    folder = tmp_path_factory.mktemp("gen")
    build.write_index(folder, [(a, json.dumps(a.to_json())) for a in articles])
    return Index(folder)


def test_words_find_quotes_with_their_article_and_paragraph(ix):
    results = ix.quotes("library Almaty")
    assert [(h.speaker, h.role, h.article, h.paragraph, h.date) for h in results.hits] == [
        ("Bakytzhan Sagintayev", "Akim of Almaty", "b", 5, "2024-12-11")
    ]
    assert "<mark>library</mark>" in results.hits[0].text


def test_surname_alone_and_a_misspelling_find_the_speaker(ix):
    for name in ("Zhaxylykov", "Zhaksylykov", "Timur Zhaxylykov", "zhaxylykoff"):
        assert {h.article for h in ix.quotes(speaker=name).hits} == {"a", "b"}, name
    assert ix.quotes(speaker="Nazarbayev").total == 0


def test_earliest_appearance_is_marked_first_and_the_others_point_to_it(ix):
    hits = {h.article: h for h in ix.quotes("memory alive").hits}
    assert (hits["a"].first, hits["a"].first_article) == (True, "a")
    assert (hits["b"].first, hits["b"].first_article) == (False, "a")


def test_speaker_facet_and_json_shape(ix):
    results = ix.quotes("")
    assert results.total == 4
    assert [(v.value, v.count) for v in results.speakers] == [
        ("Timur Zhaxylykov", 2), ("Alexey Borodavkin", 1), ("Bakytzhan Sagintayev", 1)
    ]
    data = results.to_json()
    assert set(data) == {"query", "speaker", "total", "page", "per_page", "hits", "facets"}
    assert set(data["hits"][0]) == {"text", "speaker", "role", "article", "title", "paragraph", "date", "venue",
                                    "country", "language", "first", "first_article", "speaker_identity"}


def test_exact_phrase_in_quotes(ix):
    assert [h.article for h in ix.quotes('"heroism of the people"').hits] == ["c"]
    assert ix.quotes('"people of the heroism"').total == 0
