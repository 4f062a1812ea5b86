"""The connection to the cluster: config's address in, an opensearch-py client out, and any
failure to reach the cluster as one sentence that names the address (its password left out).
"""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from opensearchpy import OpenSearch
from opensearchpy.exceptions import ConnectionError as NoConnection
from opensearchpy.exceptions import TransportError

from .. import config

TIMEOUT = 60  # seconds for one request; a bulk chunk or a clone may take a while
RETRIES = 3  # a request that found no live connection is tried again on another node


class ClusterUnavailable(RuntimeError):
    """The cluster cannot be reached, or refused what was asked; the message says where and why."""


def shown(url: str) -> str:
    """The address without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def connect(url: str | None = None, connections: int = 1) -> OpenSearch:
    """A client of the cluster at `url` (default: config.OPENSEARCH_URL); `connections`: how many
    requests it may have open at once (one per bulk writer)."""
    return OpenSearch(hosts=[url or config.OPENSEARCH_URL], timeout=TIMEOUT, max_retries=RETRIES,
                      retry_on_timeout=True, pool_maxsize=max(10, connections))


def failure(exc: Exception, url: str | None = None) -> str:
    """What went wrong, in one sentence."""
    where = shown(url or config.OPENSEARCH_URL)
    if isinstance(exc, NoConnection):
        return f"cannot reach OpenSearch at {where}"
    if isinstance(exc, TransportError):
        reason = exc.error if isinstance(exc.error, str) else type(exc).__name__
        return f"OpenSearch at {where} answered {exc.status_code} ({reason})"
    return f"OpenSearch at {where}: {type(exc).__name__}: {exc}"[:300]


def check(url: str | None = None) -> None:
    """Raise ClusterUnavailable unless the cluster answers."""
    try:
        connect(url).info()
    except (TransportError, OSError) as exc:
        raise ClusterUnavailable(failure(exc, url)) from None
