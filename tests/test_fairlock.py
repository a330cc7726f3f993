"""The embedder's lock serves waiting turns in arrival order, and a waiter that gives up blocks no one."""

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
