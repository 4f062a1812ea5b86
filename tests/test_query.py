"""The query language against the seed index: phrases, fields, ranges, operators,
fuzzy and prefix words, suggestions, and any input at all without an exception."""
import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import indexer
from indexer.query import plain_words, rewrite

from conftest import SEED_IDS, SEEDS

S000, S001, S002, S003 = SEED_IDS


def ids(results):
    return [h.id for h in results.hits]


def test_rewrite_maps_user_syntax_to_fields():
    assert rewrite('"Golden Cradle" venue:Elbasy year:2019..2021 lang:RU') == (
        'exact:"Golden Cradle" venue_name:Elbasy year:[2019 TO 2021] language:ru'
    )
    assert rewrite("year:..2020 title:Almaty") == "year:[1 TO 2020] title:Almaty"


def test_plain_words_leave_out_fields_operators_and_wildcards():
    assert plain_words('Elbasi AND venue:"x y" OR Nichkas* almty~ year:2019') == ["Elbasi"]


def test_phrase_is_exact_not_stemmed(ix):
    assert ids(ix.search('"golden cradle"')) == [S003]
    assert ids(ix.search('"golden cradles"')) == []
    assert ids(ix.search('"cradle golden"')) == []
    assert ids(ix.search('"GOLDEN, cradle!"')) == [S003]


def test_a_phrase_in_a_stemmed_field_is_the_exact_phrase_with_its_words_in_the_field(ix):
    assert rewrite('title:"Golden Cradle"') == '(exact:"Golden Cradle" AND title:(golden cradle))'
    assert rewrite('Text:"AND Or"') == '(exact:"AND Or" AND text:(and or))'  # lowercase: words, not operators
    assert ids(ix.search('title:"golden cradle"')) == [S003]
    assert ids(ix.search('title:"golden cradles"')) == []  # the phrase is exact
    assert ids(ix.search('title:"cradle golden"')) == []
    assert ids(ix.search('title:"of the"')) == ids(ix.search('"of the"'))  # stop words alone: the phrase decides
    assert ids(ix.search('title:"of the"'))


def test_field_queries(ix):
    assert set(ids(ix.search("venue:Elbasy"))) == {S000, S003}
    assert ids(ix.search("country:russia")) == [S002]
    assert ids(ix.search("city:Minsk")) == [S001]
    assert ids(ix.search("title:Almaty")) == [S003]
    assert ids(ix.search("lang:ru")) == []
    assert ids(ix.search("year:2019")) == [S000]


def test_year_range_in_the_query(ix):
    assert set(ids(ix.search("year:2019..2021"))) == {S000, S003}
    assert set(ids(ix.search("exhibition year:2022.."))) == {S002}


def test_or_not_and_minus(ix):
    assert set(ids(ix.search("Nichkasov OR Sagintayev"))) == {S000, S003}
    assert set(ids(ix.search("Kazakhstan NOT Belarus"))) == {S002, S003}
    assert set(ids(ix.search("Kazakhstan -Belarus"))) == {S002, S003}


def test_fuzzy_and_prefix(ix):
    assert ids(ix.search("Nichkasuv~")) == [S000]
    assert ids(ix.search("Sagint*")) == [S003]


def test_latin_query_finds_cyrillic_and_back(tmp_path):
    archive = tmp_path / "a"
    archive.mkdir()
    (archive / "ru.txt").write_text("Праздник в Алматы\n\nВ Алматы Касым-Жомарт Токаев открыл новый парк для горожан.")
    (archive / "en.txt").write_text("A park in Almaty\n\nPresident Tokayev opened a new park in Almaty on Monday.")
    indexer.reindex([archive], tmp_path / "index")
    ix = indexer.open_index(tmp_path / "index")
    assert set(ids(ix.search("Almaty"))) == {"ru", "en"}
    assert set(ids(ix.search("Токаев"))) == {"ru", "en"}
    assert "<mark>Алматы</mark>" in ix.search("Almaty", lang="ru").hits[0].snippet


def test_chinese_is_searchable_by_its_words(tmp_path):
    archive = tmp_path / "a"
    archive.mkdir()
    (archive / "zh.txt").write_text("展览开幕\n\n阿拉木图市博物馆举办了独立三十周年展览。")
    indexer.reindex([archive], tmp_path / "index")
    ix = indexer.open_index(tmp_path / "index")
    assert ids(ix.search("博物馆")) == ["zh"]
    assert ids(ix.search("展览")) == ["zh"]
    assert "<mark>博物馆</mark>" in ix.search("博物馆").hits[0].snippet


def test_misspelled_name_gets_a_suggestion(ix):
    results = ix.search("Elbasi")
    assert results.suggestion == "Elbasy"
    assert results.notice == "Did you mean: Elbasy?"
    assert ix.search("Elbasy").suggestion is None
    assert ix.search("Temirbolatt museum").suggestion == "Temirbolat museum"


def test_explain_says_which_fields_matched(ix):
    hit = ix.search("title:Almaty", explain=True).hits[0]
    assert hit.explain == ["title:almati"]
    assert "explain" not in ix.search("Almaty").hits[0].to_json()


def test_long_pasted_quote_is_not_truncated(ix):
    quote = ("Over the years of Independence, the economy of Almaty has grown from 2.1 billion tenge in 1993 "
             "to 13.5 trillion tenge in 2020, and GRP per capita from 342.5 US dollars to 16.7 thousand US dollars")
    assert len(quote.split()) >= 30
    results = ix.search(f'"{quote}"')
    assert ids(results) == [S003]
    assert results.hits[0].snippet.count("<mark>") == 1


@pytest.fixture(scope="module")
def copies_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("copies")
    for path in SEEDS:
        shutil.copy(path, folder / path.name)
    original = next(p for p in SEEDS if p.name.startswith("003_")).read_text()
    reprint = original.replace("Delovoy Kazakhstan reports", "our correspondent reports").replace(
        "will run until January 28, 2022", "is open until January 28, 2022")
    (folder / "reprint.txt").write_text("Posted: 05.01.2022 10:00:00\n\n" + reprint)
    index = tmp_path_factory.mktemp("var") / "index"
    indexer.reindex([folder], index)
    return indexer.open_index(index)


def test_near_copies_come_back_as_one_hit(copies_index):
    results = copies_index.search('"Golden Cradle of Independence"')
    assert results.total == 1
    assert [(h.id, h.copies) for h in results.hits] == [(S003, 1)]
    assert copies_index.copies(S003) == ["reprint"]
    assert copies_index.copies("reprint") == [S003]
    assert copies_index.search("").total == 4


def test_more_like_this(ix):
    similar = [h.id for h in ix.more_like(S000)]
    assert similar and S000 not in similar
    assert ix.more_like("nope") == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=120))
def test_any_string_gives_results_or_a_notice(ix, text):
    results = ix.search(text)
    assert results.total >= 0
    for hit in results.hits:
        assert re.sub(r"</?mark>", "", hit.snippet).count("<") == 0
        assert re.fullmatch(r"(?:[^<]|<mark>|</mark>)*", hit.snippet)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(['"', "(", ")", "AND", "OR", "NOT", "-", "*", "~", ":", "year:", "venue:",
                                 "..", "[", "]", "^", "Almaty", "museum", "2019"]), max_size=8))
def test_syntax_soup_never_raises(ix, parts):
    results = ix.search(" ".join(parts))
    assert results.total >= 0


def test_fuzzy_word_finds_the_same_words_as_whoosh_once_per_segment(ix):
    from whoosh.query import FuzzyTerm

    from indexer.whoosh.translate import FuzzyWord, to_whoosh

    searcher = ix.reader().searcher
    reader = searcher.reader()
    word = FuzzyWord("text", "exhibitoin", maxdist=2, prefixlength=1)
    assert word._btexts(reader) == list(FuzzyTerm("text", "exhibitoin", maxdist=2, prefixlength=1)._btexts(reader))
    assert word._btexts(reader) is word._btexts(reader)  # found once, then remembered
    assert {type(node) for node in to_whoosh(ix.parse("exhibitoin~").query, searcher.schema).leaves()} == {FuzzyWord}
