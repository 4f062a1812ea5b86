"""What the build's pipeline workers share: imported once by the server process that forks them
(multiprocessing's forkserver, build.pipeline_pool), this loads natasha's models and every table the
pipeline's steps load on first use. Each worker, and each fresh one that takes a retired one's
place, is forked from that small, loaded process: it shares those pages instead of loading its own,
and inherits nothing of the build's growing heap.
"""
from __future__ import annotations

from . import russian_syntax
from .pipeline import warm_up

russian_syntax.models()
warm_up()
