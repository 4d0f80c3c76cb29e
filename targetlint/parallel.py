"""Spread files over processes, keeping results in input order.

Workers are forked from the process that already built the engine, so no
worker pays for plugin discovery or model building again; where fork is not
available the pool falls back to checking in this process.

The pool is our own rather than ``multiprocessing.Pool`` because a worker
can die: the out-of-memory killer, or a plugin that calls ``os._exit``.
``multiprocessing.Pool`` then waits forever for the lost task. Here each
worker holds at most :data:`AHEAD` items and the parent watches every
worker's exit as well as its pipe: the item a dead worker held is answered
with ``lost(item, reason)``, the items queued behind it go to a fresh
worker, and the run goes on. Workers ignore Ctrl-C (the parent ends them)
and leave quietly when the parent is gone.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many files, starting processes costs more than it saves.
MIN_FILES_PER_JOB = 4
# Items sent to a worker before its first answer comes back: enough that a
# worker never waits for the parent, few enough that a death re-queues little.
AHEAD = 2

_items: list  # set by _Pool before the workers fork
_work: Callable  # set by _Pool before the workers fork


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def ordered_map(
    work: Callable[[T], R],
    items: list[T],
    jobs: int,
    lost: Callable[[T, str], R] | None = None,
    *,
    isolate: bool = False,
) -> Iterator[R]:
    """``map(work, items)`` over ``jobs`` forked processes, in input order.

    An item whose worker died, or whose ``work`` raised in the worker, is
    answered with ``lost(item, reason)`` (without ``lost``: RuntimeError).

    ``isolate``: never run ``work`` in this process, even for one job or a
    few items: ``work`` runs code that could end the process (a plugin's
    ``os._exit(0)``), which in this process would end the run with exit 0
    and the remaining items unchecked. One forked worker then does the work
    and the parent watches it as it watches a pool."""
    jobs = min(jobs, max(1, len(items) // MIN_FILES_PER_JOB))
    if not items or (jobs <= 1 and not isolate):
        yield from map(work, items)
        return
    import multiprocessing  # only here: importing it costs a one-file run ~8 ms

    if "fork" not in multiprocessing.get_all_start_methods():
        yield from map(work, items)
        return
    yield from _Pool(multiprocessing.get_context("fork"), work, items, jobs, lost or _raise).results()


def _raise(item, reason: str):
    raise RuntimeError(reason)


class _Worker:
    def __init__(self, context):
        parent_end, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end, parent_end), daemon=True)
        self.process.start()
        child_end.close()
        self.conn = parent_end
        self.held: deque[int] = deque()  # indices sent and not yet answered, in the order sent


class _Pool:
    def __init__(self, context, work, items, jobs, lost):
        global _items, _work
        _items, _work = items, work  # inherited by the forked workers
        self.context, self.items, self.jobs, self.lost = context, items, jobs, lost
        self.pending: deque[int] = deque(range(len(items)))
        self.done: dict[int, object] = {}
        self.workers: list[_Worker] = []

    def results(self) -> Iterator:
        from multiprocessing.connection import wait

        previous_term = signal.getsignal(signal.SIGTERM)
        if previous_term in (signal.SIG_DFL, None):
            # Ended from outside: take the workers down with us, quietly.
            signal.signal(signal.SIGTERM, _terminated)
        try:
            self.workers = [_Worker(self.context) for _ in range(self.jobs)]
            for index in range(len(self.items)):
                while index not in self.done:
                    self._dispatch()
                    watched = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
                    ready = set(wait(watched))
                    for worker in list(self.workers):
                        if worker.conn in ready or (worker.process.sentinel in ready and worker.conn.poll()):
                            self._receive(worker)
                        elif worker.process.sentinel in ready:
                            self._died(worker)
                yield self.done.pop(index)
        finally:
            self._close()
            if previous_term in (signal.SIG_DFL, None):
                signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def _dispatch(self) -> None:
        # Workers that died are replaced while there is work for them.
        while self.pending and len(self.workers) < self.jobs:
            self.workers.append(_Worker(self.context))
        for worker in list(self.workers):
            while self.pending and len(worker.held) < AHEAD:
                index = self.pending.popleft()
                worker.held.append(index)
                try:
                    worker.conn.send(index)
                except OSError:
                    self._died(worker)
                    break

    def _receive(self, worker: _Worker) -> None:
        try:
            ok, value = worker.conn.recv()
        except (EOFError, OSError):
            self._died(worker)
            return
        index = worker.held.popleft()
        self.done[index] = value if ok else self.lost(self.items[index], value)

    def _died(self, worker: _Worker) -> None:
        worker.process.join(5)  # its pipe can close a moment before it is reaped
        reason = _how_it_ended(worker.process)
        if worker in self.workers:
            self.workers.remove(worker)
        worker.conn.close()
        if worker.held:
            # The first item was being worked on; those behind it never started.
            index = worker.held.popleft()
            self.done[index] = self.lost(self.items[index], reason)
            self.pending.extendleft(reversed(worker.held))
            worker.held.clear()

    def _close(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self.workers:
            worker.process.join(0.5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.workers = []


def _terminated(signum, frame):
    raise SystemExit(128 + signum)


def _how_it_ended(process) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        return name
    return f"exit status {code}"


def _serve(conn, parent_end) -> None:
    """A worker's loop: an index in, ``(True, result)`` or ``(False, reason)`` out."""
    parent_end.close()
    # Ctrl-C reaches the whole process group: the parent decides what it means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            index = conn.recv()
        except (EOFError, OSError):
            os._exit(0)  # the parent is gone
        if index is None:
            os._exit(0)
        try:
            answer = (True, _work(_items[index]))
        except BaseException as error:  # whatever a plugin raised costs this item only
            answer = (False, f"{type(error).__name__}: {error}")
        try:
            conn.send(answer)
        except (OSError, EOFError):
            os._exit(0)
        except Exception as error:  # the result could not be pickled
            try:
                conn.send((False, f"{type(error).__name__}: {error}"))
            except Exception:
                os._exit(1)
