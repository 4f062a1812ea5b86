"""FastPhrase must match exactly the documents Whoosh's Phrase matches, with the same scores."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from whoosh.query import Phrase

from indexer import build, storage
from indexer.whoosh.engine import WhooshGeneration
from indexer.whoosh.phrases import FastPhrase
from indexer.whoosh.reader import bm25f

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def generation(tmp_path_factory) -> WhooshGeneration:
    """An index of 300 sample articles, 20 of them then deleted, so that segments have deletions."""
    folder = tmp_path_factory.mktemp("phrases")
    archive = folder / "archive"
    archive.mkdir()
    files = sorted((ROOT / "archive").rglob("*.txt"))[:300]
    for path in files:
        (archive / path.name).write_bytes(path.read_bytes())
    build.reindex([archive], folder / "index", workers=2)
    for path in files[::15]:
        (archive / path.name).unlink()
    build.reindex([archive], folder / "index")
    return WhooshGeneration(storage.live_dir(folder / "index"))


@pytest.fixture(scope="module")
def searcher(generation):
    with generation.ix.searcher(weighting=bm25f()) as s:
        yield s


def phrases(searcher, count: int, seed: int, sizes: tuple[int, int] = (2, 6)) -> list[list[str]]:
    """Runs of 2-6 words from the indexed texts, some with a word swapped for another article's."""
    rng = random.Random(seed)
    texts = [fields["text"] for fields in searcher.all_stored_fields()]
    found = []
    while len(found) < count:
        words = WORD.findall(rng.choice(texts).lower())
        if len(words) < sizes[1] + 2:
            continue
        size = rng.randint(*sizes)
        start = rng.randrange(len(words) - size)
        run = words[start : start + size]
        if rng.random() < 0.3:
            run[rng.randrange(size)] = rng.choice(WORD.findall(rng.choice(texts).lower()) or ["x"])
        found.append(run)
    return found


def matches(searcher, query) -> list[tuple[int, float]]:
    return [(hit.docnum, hit.score) for hit in searcher.search(query, limit=None)]


def test_fast_phrases_match_and_score_as_whoosh_phrases(searcher):
    runs = phrases(searcher, 300, seed=11)
    common = [["of", "the"], ["in", "the"], ["the", "the"], ["said", "the"]]
    matched = 0
    for words in runs + common:
        whoosh = matches(searcher, Phrase("exact", words))
        assert matches(searcher, FastPhrase("exact", words)) == whoosh, words
        matched += bool(whoosh)
    assert matched > 200  # most runs are found: the comparison is not of empty lists


def test_long_phrases_checked_in_the_stored_text_match_and_score_as_whoosh(searcher, monkeypatch):
    from indexer.whoosh import phrases as fast

    checked = []
    real = fast.verified
    monkeypatch.setattr(fast, "verified", lambda *args: checked.append(1) or real(*args))
    matched = 0
    for words in phrases(searcher, 120, seed=5, sizes=(7, 30)):  # pasted quotes, some with a wrong word
        whoosh = matches(searcher, Phrase("exact", words))
        assert matches(searcher, FastPhrase("exact", words)) == whoosh, words
        matched += bool(whoosh)
    assert matched > 60 and len(checked) > 60  # found, and found by the check in the stored text


def test_a_boosted_phrase_and_a_sloppy_one_score_as_whoosh(searcher):
    words = ["of", "the"]
    assert matches(searcher, FastPhrase("exact", words, boost=2.5)) == matches(searcher, Phrase("exact", words, boost=2.5))
    assert matches(searcher, FastPhrase("exact", words, slop=3)) == matches(searcher, Phrase("exact", words, slop=3))


def test_explain_names_the_words_of_a_matched_phrase(ix):
    hits = ix.search('"Golden Cradle of Independence"', explain=True).hits
    assert hits and {"exact:golden", "exact:cradle", "exact:of", "exact:independence"} <= set(hits[0].explain)


def test_a_pair_with_a_common_word_is_answered_from_the_pairs_alone(searcher, monkeypatch):
    """`of the`, `в минске`: two words of which one is a stop word are one term of the pairs field, so
    their documents come from its list, not from positions (and are still exactly Whoosh's)."""
    from indexer.whoosh import phrases as module

    runs = [run for run in phrases(searcher, 400, seed=5, sizes=(2, 2))
            if module.common_pairs(run)][:40]
    assert len(runs) == 40
    expected = [matches(searcher, Phrase("exact", run)) for run in runs]

    def no_positions(*args, **kwargs):
        raise AssertionError("positions read for a phrase its pair answers")

    monkeypatch.setattr(module, "PAIRS_FROM", 0)  # pairs are read for every phrase, not only common ones
    monkeypatch.setattr(module, "phrase_matches", no_positions)
    assert [matches(searcher, FastPhrase("exact", run)) for run in runs] == expected
    assert sum(bool(found) for found in expected) > 20


def test_phrases_narrowed_by_their_pairs_match_and_score_as_whoosh(searcher, monkeypatch):
    from indexer.whoosh import phrases as module

    monkeypatch.setattr(module, "PAIRS_FROM", 0)
    monkeypatch.setattr(module, "FEW_CANDIDATES", 2)  # every pair intersected, positions checked after
    runs = [run for run in phrases(searcher, 300, seed=13, sizes=(3, 8)) if module.common_pairs(run)]
    assert len(runs) > 200
    for words in runs:
        assert matches(searcher, FastPhrase("exact", words)) == matches(searcher, Phrase("exact", words)), words
