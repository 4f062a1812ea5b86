"""Configuration in one place: where the index lives and the limits that keep
reading, querying and serving bounded. Everything else reads its settings here.
"""
from __future__ import annotations

import os
from pathlib import Path

# Facets every search counts, in the order the UI shows them.
FACETS = ("venue", "country", "year", "language")

# Input files the sources understand (a trailing .gz is allowed on any of them).
SOURCE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc")

DEFAULT_ARCHIVE = "archive"
DEFAULT_INDEX = "var/index"

# Limits: queries and result depth.
MAX_QUERY_CHARS = 2000
MAX_QUERY_WORDS = 100
MAX_EXPANSIONS = 1000  # index words one word* or word~ may stand for
MAX_FUZZY_EDITS = 2
FUZZY_PREFIX = 1  # letters at the start of a word~ that must match as typed
QUERY_SECONDS = 5.0  # a search stops here and returns what it found, with a notice
# Recent searches kept, per open index; benchmarks set ARCHIVIST_RESULTS_CACHE=0 to time every search.
RESULTS_CACHE = int(os.environ.get("ARCHIVIST_RESULTS_CACHE", "256"))
MAX_PER_PAGE = 100
MAX_PAGE = 1000
FACET_LIMIT = 20  # values shown per facet
SNIPPET_CHARS = 300
# A snippet's window is looked for in an article's first this many characters where they hold a match
# (as Lucene's highlighters stop at a maximum offset): a 30,000-character article full of a phrase's
# common words took 10 ms a snippet to search whole.
SNIPPET_SCAN_CHARS = 10_000
EXPORT_LIMIT = 10_000  # articles in one web export
API_RATE_PER_MINUTE = 600  # JSON API requests per client address; 0 turns the limit off

# The search engine: the package indexer.<ENGINE> that implements indexer/backend.py. Whoosh is
# embedded; "opensearch" (indexer/opensearch/, docs/scale-out.md) keeps the index in a cluster.
ENGINE = os.environ.get("ARCHIVIST_ENGINE") or "whoosh"
ENGINES = ("whoosh", "opensearch")
# The OpenSearch cluster: its address (credentials may be in it), the prefix of the indices, aliases
# and templates Archivist makes there (one prefix per archive), and the shape of a new index.
OPENSEARCH_URL = os.environ.get("ARCHIVIST_OPENSEARCH_URL") or "http://localhost:9200"
OPENSEARCH_PREFIX = os.environ.get("ARCHIVIST_OPENSEARCH_PREFIX") or "archivist"
OPENSEARCH_SHARDS = int(os.environ.get("ARCHIVIST_OPENSEARCH_SHARDS") or 1)
OPENSEARCH_REPLICAS = int(os.environ.get("ARCHIVIST_OPENSEARCH_REPLICAS") or 0)

# Ranking: BM25F parameters (tuned on the CACM collection by bench/ranking.py).
BM25_B = 0.3
BM25_K1 = 0.9

# Limits: memory of a build. Documents and articles wait in spools on disk, this many to a batch,
# and a writer process starts new segments past this many postings in all (the article and quote
# indexes' pools together; some 60 bytes each in memory, with the terms' own), so a build's memory
# does not grow with the archive.
BUILD_BATCH = 2000
MAX_SEGMENT_POSTINGS = 6_000_000
# A writer process writes at most this many articles, then a fresh one goes on: a process's heap
# keeps some pages of every segment it wrote, so one that lived through the archive would grow with it.
ARTICLES_PER_WRITER = 25_000
# A pipeline worker processes about this many articles, then a fresh one (forked, already loaded, by
# the build's forkserver) takes its place: the workers' caches and heaps would otherwise grow with
# the archive.
ARTICLES_PER_WORKER = 20_000
PIPELINE_CHUNK = 64  # articles handed to a worker at a time

# Limits: input files.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ARTICLE_CHARS = 5_000_000  # one article's text; a longer one is not an article but a dump
SECONDS_PER_FILE = 60.0  # reading one file, or processing one article; 0 turns the limit off


def default_index_dir() -> Path:
    """`$ARCHIVIST_INDEX`, else var/index under the current directory."""
    return Path(os.environ.get("ARCHIVIST_INDEX") or DEFAULT_INDEX)
