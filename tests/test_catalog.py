"""The catalog: articles in columns, rows replaced and removed by a reindex, groups of near-copies
reported where they change, saved and loaded, and an older layout refused (a full rebuild)."""
from __future__ import annotations

import pickle
import random

from indexer import catalog, duplicates

WORDS = [f"word{n}" for n in range(400)]


def text(seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(120))


def rows(*articles: tuple[str, str, str, str]) -> catalog.Rows:
    """(id, content hash, date, text) -> catalog rows."""
    builder = catalog.RowsBuilder()
    for article_id, content_hash, date, body in articles:
        builder.add(article_id, content_hash, date, duplicates.signature(body))
    return builder.rows()


def test_a_reindex_replaces_changed_rows_and_drops_removed_ones():
    cat = catalog.Catalog("1", rows(("a", "h1", "2020-01-01", text(1)), ("b", "h2", "2020-01-02", text(2)),
                                    ("c", "h3", "", "too short")))
    assert cat.unchanged("a", "h1") and not cat.unchanged("a", "h1-edited") and not cat.unchanged("z", "h1")
    cat.update(["b"], rows(("a", "h1-edited", "2020-01-05", text(5)), ("d", "h4", "2021-01-01", text(4))))
    assert cat.rows.ids == ["c", "a", "d"]
    assert "b" not in cat and "d" in cat
    assert cat.unchanged("a", "h1-edited") and cat.unchanged("c", "h3")
    assert cat.rows.dates == ["", "2020-01-05", "2021-01-01"]
    assert cat.rows.signed.tolist() == [False, True, True]


def test_regrouping_names_the_articles_whose_group_changed():
    original = text(7)
    cat = catalog.Catalog("1", rows(("orig", "h1", "2020-01-01", original), ("other", "h2", "2020-02-01", text(8))))
    assert sorted(cat.regroup()) == ["orig", "other"]  # never grouped before
    assert cat.regroup() == []  # nothing new: nothing changed
    cat.update([], rows(("reprint", "h3", "2020-03-01", original + " Reprinted with permission.")))
    assert sorted(cat.regroup()) == ["orig", "reprint"]  # the original now has a copy; `other` is untouched
    assert cat.group_of("reprint") == ("orig", 1) and cat.group_of("orig") == ("orig", 1)
    assert cat.group_of("other") == ("other", 0)


def test_a_saved_catalog_loads_with_its_rows_groups_files_and_boilerplate(tmp_path):
    original = text(1)
    files = catalog.FileStamps()
    files.add("/archive/a.txt", catalog.Stamp(3, 4, ("a",)))
    files.add("/archive/feed.jsonl", catalog.Stamp(30, 40, ("copy", "short")))
    files.add("/archive/empty.html", catalog.Stamp(5, 6, ()))
    cat = catalog.Catalog("7", rows(("a", "h1", "2020-01-01", original), ("copy", "h2", "2020-03-01", original),
                                    ("short", "h3", "", "too short")),
                          repeated={"archive": {"Subscribe to our newsletter", "All rights reserved"}}, files=files)
    cat.regroup()
    assert "a" in cat  # the lookup table is made, and must not be saved
    catalog.save(tmp_path, cat)
    loaded = catalog.load(tmp_path, "7")
    assert loaded.rows.ids == ["a", "copy", "short"] and loaded.rows.dates == ["2020-01-01", "2020-03-01", ""]
    assert loaded.unchanged("copy", "h2") and not loaded.unchanged("copy", "h1")
    assert [loaded.group_of(i) for i in loaded.rows.ids] == [("a", 1), ("a", 1), ("short", 0)]
    assert (loaded.rows.signatures == cat.rows.signatures).all() and loaded.rows.signed.tolist() == [True, True, False]
    assert loaded.regroup() == []  # as grouped when saved
    assert loaded.files == cat.files and loaded.files.get("/archive/feed.jsonl") == catalog.Stamp(30, 40, ("copy", "short"))
    assert loaded.repeated == cat.repeated
    assert catalog.load(tmp_path, "8") is None  # another pipeline: everything is rebuilt


def test_a_saved_catalog_names_no_class_of_the_package(tmp_path):
    cat = catalog.Catalog("7", rows(("a", "h1", "2020-01-01", text(1))))
    catalog.save(tmp_path, cat)
    raw = (tmp_path / catalog.FILE).read_bytes()
    assert b"indexer" not in raw and b"Catalog" not in raw  # moving a module cannot make it unreadable
    assert catalog.load(tmp_path, "7").rows.ids == ["a"]


def test_a_catalog_an_older_build_pickled_or_a_damaged_one_means_a_full_rebuild(tmp_path):
    (tmp_path / catalog.FILE).write_bytes(pickle.dumps({"pipeline_version": "7", "entries": {"a": "sha256:..."}}))
    assert catalog.load(tmp_path, "7") is None
    catalog.save(tmp_path, catalog.Catalog("7", rows(("a", "h1", "2020-01-01", text(1)))))
    (tmp_path / catalog.FILE).write_bytes((tmp_path / catalog.FILE).read_bytes()[:200])
    assert catalog.load(tmp_path, "7") is None
    assert catalog.load(tmp_path / "absent", "7") is None


def test_file_stamps_keep_each_file_with_its_ids_and_filter_by_stamp():
    files = catalog.FileStamps()
    files.add("/a/one.txt", catalog.Stamp(10, 100, ("one",)))
    files.add("/a/many.jsonl", catalog.Stamp(20, 200, ("m1", "m2", "m3")))
    files.add("/a/empty.html", catalog.Stamp(30, 300, ()))
    assert files.get("/a/one.txt") == catalog.Stamp(10, 100, ("one",))
    assert files.get("/a/many.jsonl").ids == ("m1", "m2", "m3")
    assert files.get("/a/empty.html").ids == ()
    assert files.get("/a/absent.txt") is None
    kept = files.where(lambda stamp: "m2" not in stamp.ids)
    assert [path for path, _ in kept.items()] == ["/a/one.txt", "/a/empty.html"] and len(kept) == 2
    assert kept.get("/a/many.jsonl") is None and kept.get("/a/empty.html").size == 30


def test_rows_keep_each_articles_signature_in_order_and_mark_the_unsigned(tmp_path):
    long_a, long_b = text(11), text(12)
    builder = catalog.RowsBuilder(tmp_path)
    builder.add("a", "h1", "2020-01-01", duplicates.signature(long_a))
    builder.add("short", "h2", "", None)
    builder.add("b", "h3", "2020-01-02", duplicates.signature(long_b))
    made = builder.rows()
    assert made.signatures.shape == (3, duplicates.NUM_PERM)
    assert made.signatures[0].tobytes() == duplicates.signature(long_a)
    assert made.signatures[2].tobytes() == duplicates.signature(long_b)
    assert not made.signatures[1].any() and made.signed.tolist() == [True, False, True]


def test_a_catalog_saved_and_lightened_keeps_its_groups_and_saves_its_signatures(tmp_path):
    original = text(21)
    cat = catalog.Catalog("7", rows(("orig", "h1", "2020-01-01", original), ("copy", "h2", "2020-02-01", original)))
    cat.regroup()
    catalog.save_and_lighten(tmp_path, cat)
    assert cat.rows.signatures.nbytes == 0  # let go of in the build
    assert cat.group_of("copy") == ("orig", 1)
    loaded = catalog.load(tmp_path, "7")
    assert loaded.rows.signatures[1].tobytes() == duplicates.signature(original)
    assert loaded.regroup() == []  # the saved signatures group them as before


class Colliding(str):
    """An id whose hash is every other's."""

    def __hash__(self):
        return 42


def test_the_id_table_finds_each_row_among_colliding_hashes_and_no_other_id():
    ids = ["solo", Colliding("x"), Colliding("y"), Colliding("z"), "other"]
    table = catalog.IdTable(ids)
    assert [table.get(i) for i in ids] == [0, 1, 2, 3, 4]
    assert table.get(Colliding("w")) is None and table.get("missing") is None


def test_a_full_build_keeps_one_copy_of_its_rows():
    cat = catalog.Catalog("1")
    fresh = rows(("a", "h1", "2020-01-01", text(1)), ("b", "h2", "2020-01-02", text(2)))
    cat.update([], fresh)
    assert cat.rows is fresh and cat.rows.ids == ["a", "b"] and "b" in cat and "c" not in cat
