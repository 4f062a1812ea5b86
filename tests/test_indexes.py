"""An index's table of contents names no module of Archivist that a refactor could move: an index
written while Archivist's Whoosh classes lived at another module path still opens, searches and
updates once that path is gone (indexer/whoosh/indexes.py)."""
from __future__ import annotations

import pickle
import shutil
import sys
import types

import indexer
from indexer import analysis, storage
from indexer.whoosh import indexes, schema, segments, sequences, terms
from indexer.whoosh.segments import Codec
from whoosh.codec.whoosh3 import W3Codec

from conftest import SEED_IDS, SEEDS

OLD_PATH = "indexer.before_a_move"
# Every class and function of Archivist that a Whoosh index pickles by its module path.
PICKLED = [segments.Codec, terms.FastText, sequences.SequencedText, schema.CJKBigramFilter, schema.ScriptStemFilter,
           schema.FoldFilter, schema.NamesOnlyFilter, schema.YearsField, analysis.stemmed_terms, analysis.exact_terms,
           analysis.folded_terms, analysis.names_terms]


def toc_bytes(generation) -> bytes:
    return b"".join(path.read_bytes() for path in generation.rglob("*.toc"))


def test_a_codec_pickles_as_whooshs_own_and_reads_as_archivists():
    codec = pickle.loads(pickle.dumps(Codec(blocklimit=64)))
    assert type(codec) is W3Codec and codec._blocklimit == 64
    assert type(Codec.like(codec)) is Codec and Codec.like(codec)._blocklimit == 64


def test_an_index_written_before_its_classes_moved_still_opens(tmp_path, monkeypatch):
    archive = tmp_path / "archive"
    archive.mkdir()
    for path in SEEDS[:3]:
        shutil.copy(path, archive / path.name)
    old_module = types.ModuleType(OLD_PATH)
    with monkeypatch.context() as before_the_move:  # the classes live at the old path while the index is written
        before_the_move.setitem(sys.modules, OLD_PATH, old_module)
        for thing in PICKLED:
            before_the_move.setattr(thing, "__module__", OLD_PATH)
            setattr(old_module, thing.__name__, thing)
        indexer.reindex([archive], tmp_path / "index")
        assert OLD_PATH.encode() in toc_bytes(storage.live_dir(tmp_path / "index"))  # the move is real
    assert OLD_PATH not in sys.modules  # moved: the old path no longer imports

    ix = indexer.open_index(tmp_path / "index")
    assert sorted(hit.id for hit in ix.search("Belarus").hits) == SEED_IDS[:2]
    assert ix.quotes("").total > 0
    shutil.copy(SEEDS[3], archive / SEEDS[3].name)  # and an update reads and merges the old segments
    assert indexer.reindex([archive], tmp_path / "index").added == [SEED_IDS[3]]
    updated = indexer.open_index(tmp_path / "index")
    assert updated.search("").total == 4
    assert [hit.id for hit in updated.search('"Golden Cradle of Independence"').hits] == [SEED_IDS[3]]


def test_segments_are_read_with_archivists_codec(index_dir):
    """Its postings reader skips by bisection (test_segments.py), whatever codec the contents name."""
    for ix in (indexes.articles(storage.live_dir(index_dir)), indexes.quotes(storage.live_dir(index_dir))):
        assert ix._segments() and {type(segment.codec()) for segment in ix._segments()} == {Codec}
