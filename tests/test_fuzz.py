"""Fuzzing the sources and the cleaner: any bytes, any text, never an exception
other than the one that reports a bad file."""
import gzip

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer import sources
from indexer.clean import clean, split_paragraphs
from indexer.model import Document

SUFFIXES = [".txt", ".html", ".jsonl", ".warc", ".txt.gz", ".html.gz"]
html_bits = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "<!--", "-->", "<b", ">", "&amp;",
                             "&#0;", "\x00", "é", "Ж", "中", "\n", "<meta charset=koi8-r>", "<title>", "text"])


def read(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        docs = sources.read_file(sources.InputFile(path, tmp_path))
    except sources.SourceError as exc:
        assert str(exc)
        return []
    docs = docs[0] if isinstance(docs, tuple) else docs
    assert all(isinstance(d, Document) and d.id and isinstance(d.text, str) for d in docs)
    return docs


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_are_read_or_reported(tmp_path, data, suffix):
    if suffix.endswith(".gz") and data[:1] != b"\x1f":
        data = gzip.compress(data)
    read(tmp_path, "f" + suffix, data)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(html_bits, max_size=60))
def test_broken_html_is_read_or_reported(tmp_path, parts):
    read(tmp_path, "page.html", "".join(parts).encode("utf-8", "surrogatepass"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000), st.one_of(st.none(), st.text(max_size=50)))
def test_cleaner_keeps_or_records_every_line(text, title):
    cleaned = clean(text, title)
    # Nothing vanishes: every paragraph is kept or recorded as removed.
    assert len(cleaned.paragraphs) + len(cleaned.removed) == len(split_paragraphs(text))
    assert all(r.reason in {"spam", "boilerplate", "foreign-script", "mojibake"} for r in cleaned.removed)
    assert all(p == p.strip() and p for p in cleaned.paragraphs)
