import gzip
import hashlib

import pytest

from indexer import sources
from indexer.model import Document
from indexer.sources import InputFile, SourceError

from conftest import SEEDS


def sha(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def read_one(path):
    return sources.read_file(InputFile(path, path.parent))


def test_discover_lists_archive_files_sorted_with_ids(seed_archive):
    (seed_archive / "notes.md").write_text("not an archive file")
    files = sources.discover([seed_archive])
    assert [f.id for f in files] == [p.stem for p in SEEDS]
    assert all(f.kind == "txt" for f in files)


def test_discover_missing_path_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        sources.discover([tmp_path / "nope"])


def test_ids_keep_subfolders_and_drop_every_extension(tmp_path):
    sub = tmp_path / "2019" / "july"
    sub.mkdir(parents=True)
    (sub / "opening.txt.gz").write_bytes(gzip.compress(b"Title\n\nBody"))
    (file,) = sources.discover([tmp_path])
    assert file.id == "2019/july/opening"
    assert file.kind == "txt"


def test_seed_with_posted_line_gives_its_date_and_drops_the_line():
    path = next(p for p in SEEDS if p.name.startswith("001_"))
    raw = path.read_bytes()
    (doc,) = read_one(path)
    assert doc == Document(
        id="001_91a37f6fad3a031d",
        source=path.as_posix(),
        text=doc.text,
        published="2024-12-11",
        content_hash=sha(raw),
    )
    assert "Posted:" not in doc.text
    assert doc.text.strip().startswith("Joint project of Kazakhstan’s Embassy")
    assert doc.text.rstrip().endswith("I think the project has a good prospect for development.”")


def test_seed_without_posted_line_has_no_date():
    (doc,) = read_one(SEEDS[0])
    assert doc.published is None
    assert doc.text.startswith("On July 2, 2019 in the building of the Museum")


def test_gzip_text_reads_like_plain(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress("Заголовок\n\nТекст статьи.".encode()))
    (doc,) = read_one(path)
    assert doc.id == "a"
    assert doc.text == "Заголовок\n\nТекст статьи."


def test_windows_1251_text_is_decoded(tmp_path):
    path = tmp_path / "cp.txt"
    text = "Выставка в Алматы\n\nВ музее открылась выставка фотографий, посвящённая истории города и его жителей."
    path.write_bytes(text.encode("cp1251"))
    (doc,) = read_one(path)
    assert doc.text == text


def test_jsonl_gives_one_document_per_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"id": "a1", "title": "First", "text": "Body one.", "published": "2020-05-01", "url": "http://x/1"}\n'
        "\n"
        '{"title": "Second", "text": "Body two.", "language": "ru"}\n'
    )
    docs = read_one(path)
    assert [(d.id, d.title, d.text, d.published, d.url, d.language) for d in docs] == [
        ("feed#a1", "First", "Body one.", "2020-05-01", "http://x/1", None),
        ("feed#3", "Second", "Body two.", None, None, "ru"),
    ]


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary data, not text"),
        ("broken.txt.gz", gzip.compress(b"some text " * 100)[:-12], "truncated gzip file"),
        ("bad.jsonl", b'{"id": 1, "text": "ok"}\n{"id": 2, "text": \n', "line 2: not valid JSON"),
        ("notext.jsonl", b'{"id": 1, "title": "no body"}\n', "line 1: no 'text' or 'html'"),
        ("plain.html", b"just words, no markup at all", "not HTML: no markup"),
    ],
)
def test_bad_files_raise_source_error_with_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError) as caught:
        read_one(path)
    assert str(caught.value).startswith(reason)


def test_gzip_bomb_is_refused_without_inflating_it(tmp_path, monkeypatch):
    monkeypatch.setattr(sources.config, "MAX_FILE_BYTES", 1_000_000)
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    with pytest.raises(SourceError, match="too large once decompressed"):
        read_one(path)
