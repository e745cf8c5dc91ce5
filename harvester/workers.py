"""The machine's other cores: pages parsed and cards normalized in worker processes, results in order.

A harvest fetches one page at a time (against the live site, politeness sets its pace) and hands
each page to a worker, which parses it and builds its records while the next page is fetched. A
re-parse has every page on disk and hands them out a few at a time. Either way the outcome is
what the same work gives in this process (`jobs=1`), which the tests hold it to.

Workers are forked, so they start with what this process has loaded (the names table, the site)
instead of being sent it; they ignore Ctrl-C, which this process handles, and end with it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool
from typing import Any


MAX_JOBS = 4      # beyond this, writing the files (in this process) is what a run waits for
CHUNK = 4         # pages handed to a worker at a time: fewer round trips, still in step with the reader

_task: Callable[..., Any] | None = None       # in a worker: what it runs, and with what (set when it starts)
_context: dict[str, Any] = {}


def default_jobs() -> int:
    """One worker per core (at most MAX_JOBS); one core means everything in this process."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(MAX_JOBS, cores))


class Workers:
    """`task(item, **context)` run on `jobs` forked worker processes, or in this process when jobs <= 1 (or where
    processes cannot be forked). Results come back in order; an error a task raises is raised, as itself, where
    its result is taken. `task` must be a module-level function. Use as a context manager."""

    def __init__(self, task: Callable[..., Any], jobs: int, **context: Any) -> None:
        self.task, self.context, self.jobs = task, context, jobs
        self._pool = _pool(jobs, _each, {"task": task, **context}) if jobs > 1 and _can_fork() else None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    def submit(self, item: Any) -> Callable[[], Any]:
        """Start the task on one item; returns what gives its result (here: runs it then)."""
        if self._pool is None:
            return lambda: self.task(item, **self.context)
        handle = self._pool.apply_async(_run, ([item],))
        return lambda: next(_results(handle.get()))

    def ordered(self, items: Iterable[Any]) -> Iterator[Any]:
        """The task's result for every item, in order. Items are read as the workers need them (a few chunks
        ahead), not all at once; an item that cannot be read raises after the results of those before it."""
        if self._pool is None:
            for item in items:
                yield self.task(item, **self.context)
            return
        pending: deque[AsyncResult] = deque()
        chunks = _chunked(iter(items))
        while True:
            try:
                chunk = next(chunks)
            except StopIteration:
                break
            except BaseException:
                while pending:
                    yield from _results(pending.popleft().get())
                raise
            pending.append(self._pool.apply_async(_run, (chunk,)))
            if len(pending) > 2 * self.jobs:
                yield from _results(pending.popleft().get())
        while pending:
            yield from _results(pending.popleft().get())

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def _chunked(items: Iterator[Any]) -> Iterator[list[Any]]:
    """The items CHUNK at a time; when reading an item fails, the items read before it still come first."""
    chunk: list[Any] = []
    try:
        for item in items:
            chunk.append(item)
            if len(chunk) == CHUNK:
                yield chunk
                chunk = []
    except BaseException:
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk


def _each(chunk: list[Any], task: Callable[..., Any], **context: Any) -> list[tuple[bool, Any]]:
    """The task on each item of a chunk, up to the first that fails: (True, result) ..., then (False, the error)."""
    done: list[tuple[bool, Any]] = []
    for item in chunk:
        try:
            done.append((True, task(item, **context)))
        except Exception as error:
            done.append((False, error))
            break
    return done


def _results(done: list[tuple[bool, Any]]) -> Iterator[Any]:
    for ok, value in done:
        if not ok:
            raise value
        yield value


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _pool(jobs: int, task: Callable[..., Any], context: dict[str, Any]) -> Pool:
    # fork: the workers inherit the task and its context (the names table) instead of unpickling them
    return multiprocessing.get_context("fork").Pool(jobs, initializer=_start, initargs=(task, context))


def _start(task: Callable[..., Any], context: dict[str, Any]) -> None:
    global _task
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the main process's to handle
    threading.Thread(target=_end_with, args=(os.getppid(),), daemon=True).start()
    _task = task
    _context.update(context)


def _end_with(parent: int) -> None:
    """A worker whose main process was killed (SIGKILL: no goodbye) ends too, rather than wait forever for work."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _run(chunk: list[Any]) -> list[Any]:
    assert _task is not None, "a worker runs tasks only once started"
    return _task(chunk, **_context)
