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


def test_long_phrases_checked_in_hashed_terms_match_and_score_as_whoosh(searcher, monkeypatch):
    from indexer.whoosh import phrases as fast

    checked = []
    real = fast.column_matches
    monkeypatch.setattr(fast, "column_matches", lambda *args: checked.append(1) or real(*args))
    matched = 0
    for words in phrases(searcher, 120, seed=5, sizes=(7, 30)):  # pasted quotes, some with a wrong word
        whoosh = matches(searcher, Phrase("exact", words))
        assert matches(searcher, FastPhrase("exact", words)) == whoosh, words
        matched += bool(whoosh)
    assert matched > 60 and len(checked) > 60  # found, and found by the check in the hashed terms


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

    monkeypatch.setattr(module, "phrase_matches", no_positions)
    monkeypatch.setattr(module, "column_matches", no_positions)
    assert [matches(searcher, FastPhrase("exact", run)) for run in runs] == expected
    assert sum(bool(found) for found in expected) > 20


def test_phrases_narrowed_by_their_pairs_match_and_score_as_whoosh(searcher, monkeypatch):
    from indexer.whoosh import phrases as module

    monkeypatch.setattr(module, "FEW_CANDIDATES", 2)  # lists intersected as long as they pay, the words checked after
    monkeypatch.setattr(module, "NARROW_RATIO", 1000)
    checked = []
    real = module.column_matches
    monkeypatch.setattr(module, "column_matches", lambda *args: checked.append(1) or real(*args))
    runs = [run for run in phrases(searcher, 300, seed=13, sizes=(3, 8)) if module.common_pairs(run)]
    assert len(runs) > 200
    for words in runs:
        assert matches(searcher, FastPhrase("exact", words)) == matches(searcher, Phrase("exact", words)), words
    assert len(checked) > len(runs) // 2  # checked in the hashed terms (where a segment holds every pair)


# Two words whose unsalted 32-bit hashes are equal (found by a birthday search over w0, w1, ...).
COLLIDING = ("w52890", "w55286")
# Documents made for the check in hashed terms: repeated words, Han text (bigrams), near misses where
# the rarest words stand side by side and others do not, a hash collision within one document.
MADE = [
    "the cat and the dog and the cat sat on the mat and the cat sat",
    "a cat sat on the mat and the cat and the dog and the cat sat on the mat",
    "zebra quagga ran over the hill and the cat sat on the mat",
    "zebra quagga ran under the hill and the cat sat on the mat",
    "zebra quagga ran over the hill the cat sat on the mat zebra quagga ran over the hill",
    "北京是中华人民共和国的首都 中华人民共和国成立于一九四九年",
    "中华人民共和国成立 一九四九年 北京是首都",
    f"{COLLIDING[0]} zebra quagga ran over the hill {COLLIDING[1]} {COLLIDING[1]}",
    f"{COLLIDING[1]} zebra quagga ran over the hill",
]


@pytest.fixture()
def made(tmp_path):
    """An article index of the MADE texts in two segments, one document of each then deleted."""
    from indexer.whoosh import indexes, segments

    ix = indexes.open_or_create(tmp_path, indexes.article_schema())
    for part in (MADE[::2], MADE[1::2]):
        writer = segments.FastSegmentWriter(ix)
        for text in part:
            writer.add_document(id=f"{MADE.index(text)}", exact=text, pairs=text)
        writer.commit(merge=False)
    writer = ix.writer()
    writer.delete_by_term("id", "4")  # holds the near miss's quote twice
    writer.delete_by_term("id", "1")
    writer.commit(merge=False)
    with ix.searcher(weighting=bm25f()) as s:
        yield s


def analyzed(searcher, text: str) -> list[str]:
    return [token.text for token in searcher.schema["exact"].analyzer(text)]


@pytest.mark.parametrize("quote", [
    "and the cat sat on the mat",  # words repeat in the quote and in the documents
    "the cat and the dog and the cat sat",
    "zebra quagga ran over the hill and",  # stands in one document; its rarest words in four
    "zebra quagga ran over the hill",
    "zebra quagga ran under the hill the cat",  # its rarest words side by side, the rest nowhere
    "中华人民共和国成立于一九四九年",  # Han: the bigrams the exact field indexes
    "人民共和国成立",
    f"{COLLIDING[0]} zebra quagga ran over the hill {COLLIDING[1]}",  # words whose hashes collide
    f"zebra quagga ran over the hill {COLLIDING[1]} {COLLIDING[1]}",
])
def test_quotes_checked_in_hashed_terms_match_and_score_as_whoosh(made, monkeypatch, quote):
    from indexer.whoosh import phrases as module

    checked = []
    real = module.column_matches
    monkeypatch.setattr(module, "column_matches", lambda *args: checked.append(len(args[3])) or real(*args))
    words = analyzed(made, quote)
    whoosh = matches(made, Phrase("exact", words))
    assert matches(made, FastPhrase("exact", words)) == whoosh
    assert checked  # found in the hashed terms, not in postings only
    if "under" in quote:
        assert not whoosh  # its candidate was checked and is not a match


@pytest.mark.parametrize("quote", [
    "and the cat",  # in documents where `and the` and `the cat` stand apart too
    "the cat sat on the mat",
    "on the mat and the cat",
    "ran under the hill",  # its pairs stand only in a deleted document
    f"over the hill {COLLIDING[1]}",  # in a salted document
    "the hill the cat",
])
def test_phrases_of_common_pairs_checked_in_hashed_terms_match_and_score_as_whoosh(made, monkeypatch, quote):
    from indexer.whoosh import phrases as module

    monkeypatch.setattr(module, "FEW_CANDIDATES", 0)  # every list that pays is intersected
    checked = []
    real = module.column_matches
    monkeypatch.setattr(module, "column_matches", lambda *args: checked.append(1) or real(*args))
    words = analyzed(made, quote)
    assert matches(made, FastPhrase("exact", words)) == matches(made, Phrase("exact", words))
    assert checked


def test_a_document_whose_terms_share_a_hash_is_salted_and_its_counts_are_exact(made):
    from indexer.whoosh import sequences

    assert sequences.term_hash(COLLIDING[0]) == sequences.term_hash(COLLIDING[1])
    reader = made.reader()
    for segment, _ in made.leaf_searchers():
        column = sequences.column(segment.reader(), "exact")
        for docnum in range(segment.reader().doc_count_all()):
            text = segment.reader().stored_fields(docnum)["id"]
            seqs = sequences.read(column, [docnum])
            terms = MADE[int(text)].split()
            both = set(COLLIDING) <= set(terms)
            assert (seqs.salts[0] != 0) == both  # only the document holding both words is salted
            assert len(set(seqs.hashes.tolist())) == len(set(analyzed(made, MADE[int(text)])))
    assert reader.doc_count() == len(MADE) - 2


def test_deleted_documents_are_not_found_by_the_check_in_hashed_terms(made, monkeypatch):
    from indexer.whoosh import phrases as module

    candidates = []
    real = module.column_matches
    monkeypatch.setattr(module, "column_matches", lambda *args: candidates.extend(args[3].tolist()) or real(*args))
    words = analyzed(made, "zebra quagga ran over the hill the cat sat on the mat")
    assert matches(made, FastPhrase("exact", words)) == matches(made, Phrase("exact", words)) == []
    assert candidates  # the deleted document was a candidate, checked, and then dropped
