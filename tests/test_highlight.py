import pytest
from hypothesis import given
from hypothesis import strategies as st
from indexer.analysis import tokens
from indexer.highlight import highlight_all, snippet
from indexer.querytree import And, Not, Or, Phrase, Prefix, Term
from indexer.whoosh.schema import exact_analyzer

SPLIT = exact_analyzer()


def test_escapes_everything_and_marks_words():
    text = 'He wrote <script>alert("x")</script> & left the museum.'
    assert highlight_all(text, Term("text", "museum")) == (
        "He wrote &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; left the <mark>museum</mark>."
    )


def test_phrase_is_one_mark_and_its_words_alone_are_not_marked():
    text = "The golden cradle of independence. Independence of the cradle."
    query = Phrase("exact", ("golden", "cradle", "of", "independence"))
    assert highlight_all(text, query) == (
        "The <mark>golden cradle of independence</mark>. Independence of the cradle."
    )


def test_stemmed_and_prefix_matches_and_excluded_words():
    text = "Exhibitions opened; the exhibit in Almaty closed."
    query = And((Term("text", "exhibit"), Not(Term("text", "almati")), Prefix("text", "clo")))
    assert highlight_all(text, query) == (
        "<mark>Exhibitions</mark> opened; the <mark>exhibit</mark> in Almaty <mark>closed</mark>."
    )


def test_folded_term_marks_other_spellings():
    assert highlight_all("Elbassy and Elbasy", Term("fold", "elbasi")) == "<mark>Elbassy</mark> and <mark>Elbasy</mark>"


def test_snippet_opens_at_the_best_passage():
    text = ("Filler words here. " * 40) + "The museum hosted the exhibition. " + ("More filler. " * 40)
    result = snippet(text, Or((Term("text", "museum"), Term("text", "exhibit"))), width=120)
    assert result.startswith("… ") and result.endswith(" …")
    assert "<mark>museum</mark> hosted the <mark>exhibition</mark>" in result
    assert len(result) < 200


def test_a_long_article_is_searched_for_its_snippet_in_its_head_first_then_whole(monkeypatch):
    from indexer import config

    monkeypatch.setattr(config, "SNIPPET_SCAN_CHARS", 200)
    early = "The museum opened. " + "Filler words here. " * 30 + "The museum hosted the exhibition. " + "x " * 20
    result = snippet(early, Or((Term("text", "museum"), Term("text", "exhibit"))), width=60)
    assert result.startswith("The <mark>museum</mark> opened.")  # its head holds a match: the window is there
    late = "Filler words here. " * 30 + "The museum hosted the exhibition. " + "x " * 20
    result = snippet(late, Or((Term("text", "museum"), Term("text", "exhibit"))), width=60)
    assert "<mark>museum</mark> hosted the <mark>exhibition</mark>" in result  # found past the head
    monkeypatch.setattr(config, "SNIPPET_SCAN_CHARS", 201)  # cut at 201 characters, the head would end `museum`
    cut = "word " * 39 + "museums " + "word " * 30 + "the museum"
    result = snippet(cut, Term("exact", "museum"), width=60)
    assert "<mark>museum</mark>s" not in result and result.endswith("the <mark>museum</mark>")


def test_snippet_without_matches_is_the_start():
    assert snippet("Short text.", Term("text", "absent")) == "Short text."


def analyzer_tokens(text):
    return [(t.text, t.startchar, t.endchar) for t in SPLIT(text, chars=True, mode="index")]


@pytest.mark.parametrize("text", [
    "", "Elbasy's 2019 visit, U.S. a.b.c; İstanbul", "Токаев в Алматы", "北京欢迎你 and 上海", "x北京 İİ北",
])
def test_tokens_are_the_exact_analyzers(text):
    assert tokens(text) == analyzer_tokens(text)


@given(st.text(alphabet=st.sampled_from("aZ .,'İß1_北京ёЁ\u0301-"), max_size=40) | st.text(max_size=40))
def test_tokens_are_the_exact_analyzers_for_any_text(text):
    assert tokens(text) == analyzer_tokens(text)


@given(st.lists(st.sampled_from(["Museum", "museums", "U.S.", "u.s", "İstanbul", "istanbul", "ΟΔΟΣ", "οδος", "Минске",
                                 "Minsk", "the", "exhibit", "Exhibition", "x.y.z", "ÉCOLE", "ecole", ",", ". ", "  "]),
                max_size=30))
def test_a_word_query_is_marked_where_every_token_would_be(parts):
    from indexer.highlight import match_spans, merge, wanted_terms, word_matches, word_spans
    text = " ".join(parts)
    query = Or((Term("text", "museum"), Term("exact", "u.s"), Term("exact", "istanbul"), Term("exact", "οδος"),
                Term("fold", "minsk"), Prefix("text", "exhib"), Term("fold", "ecole")))
    wanted = wanted_terms(query)
    expected = merge([(start, end) for word, start, end in tokens(text) if word_matches(word, wanted)])
    assert word_spans(text, wanted, {}) == expected
    assert match_spans(text, wanted) == expected
