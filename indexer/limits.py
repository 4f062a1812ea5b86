"""Time limits for work on one input file: a block of code in, `TimeUp` out when
it runs past its seconds. Uses SIGALRM, so it applies in a process's main thread
(the CLI and worker processes); elsewhere the block runs unbounded. And memory:
what a process freed, given back to the system.
"""
from __future__ import annotations

import ctypes
import gc
import signal
import threading
from contextlib import contextmanager


class TimeUp(Exception):
    """The work took longer than its limit."""


@contextmanager
def time_limit(seconds: float):
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TimeUp(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def give_back_memory() -> None:
    """Collect garbage and hand freed heap pages back to the system (glibc's malloc_trim), so that a
    process about to fork writers does not pass them pages it no longer uses; elsewhere a no-op."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
