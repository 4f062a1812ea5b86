"""Rate limiting of the JSON API: requests per client address in, a 429 with
the error shape out once a client passes the configured rate (per minute).
"""
from __future__ import annotations

import threading
import time
from collections import deque

from flask import Flask, jsonify, request


class RateLimiter:
    """A sliding one-minute window of request times per client address."""

    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self.seen: dict[str, deque] = {}
        self.lock = threading.Lock()

    def allow(self, client: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self.lock:
            times = self.seen.setdefault(client, deque())
            while times and times[0] <= now - 60:
                times.popleft()
            if len(times) >= self.per_minute:
                return False
            times.append(now)
            if len(self.seen) > 10_000:  # forget idle clients rather than grow without bound
                self.seen = {k: v for k, v in self.seen.items() if v and v[-1] > now - 60}
            return True


def init_app(app: Flask) -> None:
    per_minute = int(app.config.get("API_RATE_PER_MINUTE") or 0)
    if per_minute <= 0:
        return
    limiter = RateLimiter(per_minute)

    @app.before_request
    def limit_api():
        if request.path.startswith("/api/") and not limiter.allow(request.remote_addr or "?"):
            response = jsonify({"error": {"code": "rate_limited",
                                          "message": f"More than {per_minute} API requests a minute; wait and retry."}})
            response.status_code = 429
            response.headers["Retry-After"] = "60"
            return response
