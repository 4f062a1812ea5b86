"""Writing a generation into the cluster: Changes in (ids to delete, articles to add with their
quotes), two new indices out, made live by swapping the aliases in one `_aliases` request.

A reindex's generation folder holds, hard-linked, the live generation's opensearch.json: its
indices are then cloned (`_clone` hard-links their segments, as build.copy_generation links
Whoosh's files) and changed; a first or full build creates empty ones from the templates. The
live indices are never written to (a clone needs them write-blocked, and they stay so), and the
aliases move only when both new indices hold everything, so a reader sees the old generation or
the new one, never a mix. A failure drops the new indices and leaves the live ones serving.

The bulk API takes the documents in requests of at most BULK_BYTES; a request or a document the
cluster refuses with 429 (too busy) is sent again after a growing pause: that is the
back-pressure. `workers` writers send at once.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from opensearchpy import OpenSearch
from opensearchpy.exceptions import NotFoundError, TransportError
from opensearchpy.helpers import BulkIndexError, streaming_bulk

from .. import config
from ..backend import Changes, WriteFailed
from . import documents, names, vocabulary
from .client import connect, failure
from .mappings import ARTICLES, KINDS, QUOTES, Shape, template

BULK_BYTES = 10 * 1024 * 1024  # a bulk request's body: OpenSearch's advice is 5-15 MB
BULK_DOCUMENTS = 1000  # and at most this many documents
RETRIES = 6  # sends of a refused (429) request or document, after pauses of 2, 4, 8 ... 60 s
FIRST_PAUSE, LONGEST_PAUSE = 2, 60
# While loading, the new index is not yet searched: no refreshes, no replicas to copy to.
LOADING = {"index.refresh_interval": "-1", "index.number_of_replicas": 0}
HEALTH_WAIT = "120s"


def loaded(shape: Shape) -> dict:
    """The settings a loaded index serves with: refreshes back to the default, the replicas asked for."""
    return {"index.refresh_interval": None, "index.number_of_replicas": shape.replicas}


def clone_body() -> dict:
    """The clone's settings: the source's write block lifted on the copy, loading settings on."""
    return {"settings": {"index.blocks.write": None, **LOADING}}


def alias_actions(new: names.Names, live: dict[str, list[str]]) -> dict:
    """The one `_aliases` body that moves both aliases from the indices holding them to the new ones."""
    actions = []
    for kind in KINDS:
        actions += [{"remove": {"index": index, "alias": new.alias(kind)}} for index in live.get(kind, [])]
        actions.append({"add": {"index": new.index(kind), "alias": new.alias(kind)}})
    return {"actions": actions}


def live_indices(client: OpenSearch, of: names.Names) -> dict[str, list[str]]:
    """The indices each alias names now (none before the first build)."""
    found = {}
    for kind in KINDS:
        try:
            found[kind] = sorted(client.indices.get_alias(name=of.alias(kind)))
        except NotFoundError:
            found[kind] = []
    return found


def prepare(client: OpenSearch, new: names.Names, source: names.Names | None, shape: Shape) -> None:
    """The templates put, and the new indices made: clones of the source's, or empty."""
    for kind in KINDS:
        client.indices.put_index_template(name=new.alias(kind), body=template(new.prefix, kind, shape))
    for kind in KINDS:
        if source is not None:
            client.indices.put_settings(index=source.index(kind), body={"index.blocks.write": True})
            client.indices.clone(index=source.index(kind), target=new.index(kind), body=clone_body())
        else:
            client.indices.create(index=new.index(kind), body={"settings": LOADING})
    client.cluster.health(index=",".join(new.indices), wait_for_status="green", timeout=HEALTH_WAIT)


def send(client: OpenSearch, actions: Iterable[dict], ignored: tuple[int, ...] = ()) -> None:
    """Bulk requests of the actions, refused ones sent again; WriteFailed names the first document
    the cluster would not take (a status in `ignored` is no failure: a delete of a missing one)."""
    for ok, item in streaming_bulk(client, actions, chunk_size=BULK_DOCUMENTS, max_chunk_bytes=BULK_BYTES,
                                   max_retries=RETRIES, initial_backoff=FIRST_PAUSE, max_backoff=LONGEST_PAUSE,
                                   raise_on_error=False, yield_ok=False):
        (operation, result), = item.items()
        if result.get("status") not in ignored:
            reason = result.get("error", {})
            reason = reason.get("reason", reason) if isinstance(reason, dict) else reason
            raise WriteFailed(f"OpenSearch refused to {operation} '{result.get('_id')}': {reason}")


def remove(client: OpenSearch, new: names.Names, removed: list[str]) -> None:
    """The removed (and replaced) articles and every quote of theirs, out of the new indices."""
    if not removed:
        return
    send(client, (documents.delete_article(new.index(ARTICLES), article_id) for article_id in removed), ignored=(404,))
    for start in range(0, len(removed), documents.DELETE_CHUNK):
        # No refresh: the clone's documents are searchable as they are, and finish() refreshes once.
        client.delete_by_query(index=new.index(QUOTES), body=documents.quotes_of(removed[start:start + documents.DELETE_CHUNK]),
                               conflicts="proceed")


def load(client: OpenSearch, new: names.Names, changes: Changes, workers: int) -> set[str]:
    """Every article and its quotes sent by `workers` writers, each the batches of its share;
    returns the articles' words (for the vocabulary)."""
    source = changes.articles
    workers = max(1, min(workers, len(source) // config.BUILD_BATCH or 1))

    def share(k: int) -> set[str]:
        found: set[str] = set()

        def actions() -> Iterator[dict]:
            for batch in source.batches(select=(lambda number: number % workers == k) if workers > 1 else None):
                for article in batch:
                    fields = changes.article_document(article)
                    found.update(vocabulary.of_text(str(fields["exact"])))
                    yield documents.index_article(new.index(ARTICLES), fields)
                    for quote in changes.quote_documents(article):
                        yield documents.index_quote(new.index(QUOTES), quote)

        send(client, actions())
        return found

    if workers == 1:
        return share(0)
    # A spool writes its last batch to disk on the first read: done here, before the writers read at once.
    for _ in source.batches(select=lambda number: False):
        pass
    with ThreadPoolExecutor(workers, thread_name_prefix="archivist-bulk") as pool:
        shares = [pool.submit(share, k) for k in range(workers)]
        return set().union(*(future.result() for future in shares))


def finish(client: OpenSearch, new: names.Names, shape: Shape) -> None:
    both = ",".join(new.indices)
    client.indices.put_settings(index=both, body=loaded(shape))
    client.indices.refresh(index=both)


def drop(client: OpenSearch, indices: Iterable[str]) -> None:
    """Delete indices, as far as the cluster lets us (a failed build's: the failure is what to report)."""
    indices = list(indices)
    if not indices:
        return
    try:
        client.indices.delete(index=",".join(indices), ignore_unavailable=True)
    except (TransportError, OSError):
        pass


def stale(client: OpenSearch, new: names.Names, keep: Iterable[str]) -> list[str]:
    """Indices of earlier generations under the prefix, but those to keep."""
    ours = re.compile(rf"^{re.escape(new.prefix)}-(?:{'|'.join(KINDS)})-\d+$")
    found = client.cat.indices(index=f"{new.prefix}-*", format="json", h="index")
    kept = set(keep)
    return sorted(row["index"] for row in found if ours.match(row["index"]) and row["index"] not in kept)


def write(generation: Path, changes: Changes, workers: int = 1, client: OpenSearch | None = None) -> None:
    shape = Shape(config.OPENSEARCH_SHARDS, config.OPENSEARCH_REPLICAS)
    client = client or connect(connections=workers)
    new = names.for_generation(config.OPENSEARCH_PREFIX, generation)
    source = names.read(generation)  # the live generation's, linked in by a reindex
    try:
        live = live_indices(client, new)
        prepare(client, new, source, shape)
        remove(client, new, list(changes.removed))
        words = load(client, new, changes, workers)
        finish(client, new, shape)
        vocabulary.save(generation, words)
        names.save(generation, new)
        client.indices.update_aliases(body=alias_actions(new, live))
    except (TransportError, BulkIndexError, OSError, WriteFailed) as exc:
        drop(client, new.indices)
        raise (exc if isinstance(exc, WriteFailed) else WriteFailed(failure(exc))) from None
    except BaseException:
        drop(client, new.indices)
        raise
    try:  # the generation that was live stays for readers still on it; older ones go
        drop(client, stale(client, new, [*new.indices, *live[ARTICLES], *live[QUOTES]]))
    except (TransportError, OSError):
        pass
