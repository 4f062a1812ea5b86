"""Spools: what goes in comes out, in order, batch by batch, to any process, and leaves no file."""
import multiprocessing
import os

from indexer.spool import Chained, InMemory, Spool


def test_items_come_back_in_order_a_batch_at_a_time(tmp_path):
    with Spool(batch=3, directory=tmp_path) as spool:
        for n in range(8):
            spool.add({"n": n})
        assert len(spool) == 8
        assert [[item["n"] for item in batch] for batch in spool.batches()] == [[0, 1, 2], [3, 4, 5], [6, 7]]
        assert [item["n"] for batch in spool.batches() for item in batch] == list(range(8))  # read again
        assert [batch[0]["n"] for batch in spool.batches(select=lambda number: number % 2 == 1)] == [3]
    assert os.listdir(tmp_path) == []


def _share(spool, k, out):
    out.put([item for batch in spool.batches(select=lambda number: number % 2 == k) for item in batch])


def test_forked_processes_read_their_shares_independently(tmp_path):
    with Spool(batch=2, directory=tmp_path) as spool:
        for n in range(7):
            spool.add(n)
        spool.flush()  # the last, short batch too
        context = multiprocessing.get_context("fork")
        out = context.Queue()
        children = [context.Process(target=_share, args=(spool, k, out)) for k in (0, 1)]
        for child in children:
            child.start()
        shares = sorted(out.get(timeout=20) for _ in children)
        for child in children:
            child.join()
    assert sorted(n for share in shares for n in share) == list(range(7))
    assert sorted(shares) == [[0, 1, 4, 5], [2, 3, 6]]


def _read_all(spool, out):
    try:
        out.put(sum(len(batch) for batch in spool.batches()))
    except RuntimeError as exc:
        out.put(str(exc))


def test_a_forked_reader_never_writes_the_pending_batch(tmp_path):
    """Two forked readers writing the last batch each would both append it: a reader says so instead."""
    with Spool(batch=2, directory=tmp_path) as spool:
        for n in range(3):
            spool.add(n)
        context = multiprocessing.get_context("fork")
        out = context.Queue()
        child = context.Process(target=_read_all, args=(spool, out))
        child.start()
        assert "last batch must be written" in out.get(timeout=20)
        child.join()
        assert sum(len(batch) for batch in spool.batches()) == 3  # the owner writes it and reads it all


def test_a_list_reads_as_a_spool():
    listed = InMemory(list(range(5)), batch=2)
    assert len(listed) == 5
    assert list(listed.batches()) == [[0, 1], [2, 3], [4]]
    assert list(listed.batches(select=lambda number: number == 2)) == [[4]]


def test_two_sources_read_as_one_number_their_batches_on():
    both = Chained(InMemory([0, 1, 2], batch=2), InMemory([3, 4], batch=2))
    assert len(both) == 5
    assert list(both.batches()) == [[0, 1], [2], [3, 4]]
    assert list(both.batches(select=lambda number: number == 2)) == [[3, 4]]
