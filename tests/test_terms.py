"""The one-pass index-time analysis (indexer/whoosh/terms.py) must give each field exactly
the postings its Whoosh analyzer chain gives, or queries would miss what was indexed."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.fields import FieldType

from indexer.whoosh.schema import article_schema, quote_schema
from indexer.whoosh.terms import FastText

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = {"articles": article_schema(), "quotes": quote_schema()}
FAST_FIELDS = [(kind, name) for kind, built in SCHEMAS.items()
               for name, field in built.items() if isinstance(field, FastText)]

SAMPLES = [
    "",
    "the",  # only a stop word
    "The President of the U.S. said: “We will win.”",
    "Of the 34 years, in the past… Elbasy and Elbassy met Tokayev (Токаев) in Nur-Sultan.",
    "В Астане прошла встреча. «Мы рады», — сказал посол Тимур Жаксылыков.",
    "Қазақстан мен Қырғызстан әңгімелесті; Ұлттық банк.",
    "中华人民共和国 成立于1949年，首都北京。 A 中 mixed 汉字abc token",
    "İstanbul ÇAĞ straße ǅemal e\u0301te 3.14 co-op U.S.A. a.b..c _under_score",
    "Word\nword\tWORD  word. Word's",
]
SAMPLES += [path.read_text(encoding="utf-8") for path in sorted((ROOT / "archive").glob("00[0-3]_*.txt"))]


def whoosh_postings(field, value):
    """The field's postings through Whoosh's own path: its format running its analyzer chain."""
    return sorted(FieldType.index(field, value))


def fast_postings(field, value):
    return sorted(field.index(value))


@pytest.mark.parametrize("kind,name", FAST_FIELDS)
@pytest.mark.parametrize("value", SAMPLES)
def test_fast_analysis_gives_the_analyzer_chains_postings(kind, name, value):
    field = SCHEMAS[kind][name]
    assert fast_postings(field, value) == whoosh_postings(field, value)


def test_the_big_text_fields_take_the_fast_path():
    assert {("articles", n) for n in ("title", "text", "quotes", "exact", "fold")} <= set(FAST_FIELDS)
    assert {("quotes", n) for n in ("text", "exact", "fold")} <= set(FAST_FIELDS)


PIECES = st.sampled_from(list("aAbBeEzZ тТеЕяЯқҚәӘ中文字 .,'-—\n_1İß") + ["the ", "и ", "of ", "не ", "The "])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_fast_analysis_agrees_on_any_text(value):
    for kind, name in FAST_FIELDS:
        field = SCHEMAS[kind][name]
        assert fast_postings(field, value) == whoosh_postings(field, value), (kind, name)
