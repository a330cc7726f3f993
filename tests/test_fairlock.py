"""The embedder's lock serves waiting turns in arrival order, lets in as many as it has slots, and a waiter
that gives up blocks no one."""

from __future__ import annotations

import threading
import time

from assistant.embeddings import FairLock


def _queued(lock: FairLock, n: int) -> None:
    deadline = time.monotonic() + 10
    while lock._next < n:  # tickets handed out so far
        assert time.monotonic() < deadline, "a thread never queued"
        time.sleep(0.001)


def test_waiters_are_served_in_arrival_order() -> None:
    lock = FairLock()
    order: list[int] = []

    def work(i: int) -> None:
        with lock:
            order.append(i)

    threads = []
    with lock:  # ticket 0: everyone after it has to wait
        for i in range(8):
            th = threading.Thread(target=work, args=(i,))
            th.start()
            _queued(lock, i + 2)
            threads.append(th)
    for th in threads:
        th.join(10)
    assert order == list(range(8))


def test_a_waiter_that_gives_up_does_not_block_the_next() -> None:
    lock = FairLock()
    done: list[str] = []
    lock.__enter__()  # ticket 0 held

    def quitter() -> None:
        original = lock._cond.wait

        def interrupted(timeout: float | None = None) -> bool:
            raise KeyboardInterrupt

        lock._cond.wait = interrupted  # type: ignore[method-assign]
        try:
            with lock:
                done.append("quitter ran")
        except KeyboardInterrupt:
            done.append("quitter gave up")
        finally:
            lock._cond.wait = original  # type: ignore[method-assign]

    q = threading.Thread(target=quitter)
    q.start()
    q.join(10)
    assert done == ["quitter gave up"]

    def patient() -> None:
        with lock:
            done.append("patient ran")

    p = threading.Thread(target=patient)
    p.start()
    _queued(lock, 3)
    lock.__exit__(None, None, None)
    p.join(10)
    assert done == ["quitter gave up", "patient ran"]


def test_two_slots_let_two_in_and_the_rest_wait_in_order() -> None:
    lock = FairLock(2)
    inside = threading.Event()
    release = threading.Event()
    order: list[int] = []

    def holder() -> None:
        with lock:
            inside.set()
            release.wait(10)

    def work(i: int) -> None:
        with lock:
            order.append(i)

    h = threading.Thread(target=holder)
    h.start()
    assert inside.wait(10)
    with lock:  # the second slot: free while the holder runs
        assert lock.waiting == 0
        threads = []
        for i in range(5):
            th = threading.Thread(target=work, args=(i,))
            th.start()
            _queued(lock, i + 3)
            threads.append(th)
        time.sleep(0.05)
        assert order == []  # both slots taken: everyone else waits
        assert lock.waiting == 5
    for th in threads:
        th.join(10)
    release.set()
    h.join(10)
    assert order == list(range(5))
    assert lock.waiting == 0
