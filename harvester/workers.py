"""The machine's other cores: pages parsed and cards normalized in worker processes, results in order.

A harvest fetches one page at a time (against the live site, politeness sets its pace) and hands
each page to a worker, which parses it and builds its records while the next page is fetched. A
re-parse has every page on disk and hands them out a few at a time to one worker per core. Either
way the outcome is what the same work gives in this process (no workers), which the tests hold it to.
Once the records are all in, a large dataset's are encoded for its files on workers forked then
(export.py).

Each worker is a forked process with a pipe of its own: it starts with what this process has loaded
(the names table, the site) instead of being sent it, and no thread of this process stands between
the two (a helper thread would contend for the interpreter lock with the fetching). Items go out
round-robin and results are read back in the same order. Workers ignore Ctrl-C, which this process
handles, and end when it ends, however it ends.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from harvester.errors import HarvesterError

MAX_WORKERS_ASKED = 32   # --workers above this is a typo, not a plan
MAX_WORKERS = 4   # by default; beyond this, what the main process does (reading, writing the files) is what a run waits for
CHUNK = 4         # saved pages handed to a re-parse worker at a time: fewer messages, still in step with the reader
AHEAD = 2         # chunks sent to each re-parse worker before its first result is read back

_STOP = None      # sent to a worker: no more items

# Files a worker closes as it starts: a run's lock (state.py), which a worker forked while the run holds it would
# otherwise share, and hold after the run is killed, until it noticed.
_NOT_FOR_WORKERS: set[int] = set()


def not_for_workers(descriptor: int, keep: bool = True) -> None:
    """Have workers started from now on close `descriptor` (keep=False: no longer)."""
    if keep:
        _NOT_FOR_WORKERS.add(descriptor)
    else:
        _NOT_FOR_WORKERS.discard(descriptor)


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def default_workers() -> int:
    """One worker per core this process may use (at most MAX_WORKERS); none on a machine with one core, where a
    worker would only take turns with this process."""
    count = cores()
    return 0 if count < 2 else min(MAX_WORKERS, count)


class WorkerError(HarvesterError):
    """A worker process could not be started, or ended without answering (killed, or out of memory)."""


class Workers:
    """`task(item, **context)` on `count` worker processes, or in this process when count is 0 (or where processes
    cannot be forked). Results come back in order; an error a task raises is raised, as itself, where its result is
    taken. `task` must be a module-level function. Use as a context manager."""

    def __init__(self, task: Callable[..., Any], count: int, **context: Any) -> None:
        self.task, self.context = task, context
        self._workers: list[tuple[BaseProcess, Connection]] = []
        self._sent: deque[int] = deque()      # which worker each item not yet answered went to, in order
        self._turn = 0
        if count > 0 and "fork" in multiprocessing.get_all_start_methods():
            fork = multiprocessing.get_context("fork")
            # what this process holds is left out of the workers' garbage collections: a collection writes to every
            # object it visits, and each page so written is copied into the worker (the whole heap, for a late fork)
            gc.freeze()
            try:
                self._fork(fork, count, task, context)
            finally:
                gc.unfreeze()

    def _fork(self, fork: Any, count: int, task: Callable[..., Any], context: dict[str, Any]) -> None:
        for _ in range(count):
            ours, theirs = fork.Pipe()
            # the worker closes this process's ends it inherits (its own and its elders'), so that it sees
            # this process go; and it is told who its parent is, in case that is gone before it looks
            inherited = [connection for _, connection in self._workers] + [ours]
            process = fork.Process(target=_serve, args=(theirs, task, context, os.getpid(), inherited), daemon=True)
            try:
                with _no_sigint():
                    process.start()
            except OSError as error:
                self.close(abandon=True)
                raise WorkerError(f"cannot start worker processes ({error.strerror or error}); "
                                  "try fewer with --workers, or --workers 0") from None
            theirs.close()
            self._workers.append((process, ours))

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.close(abandon=kind is not None)

    @property
    def count(self) -> int:
        return len(self._workers)

    def submit(self, item: Any) -> Callable[[], Any]:
        """Start the task on one item; returns what gives its result (in this process: runs it then).
        Results must be taken in the order the items were submitted."""
        if not self._workers:
            return lambda: self.task(item, **self.context)
        self._send([item])
        return lambda: next(_results(self._receive()))

    def ready(self) -> bool:
        """Whether the next result to take is there already (in this process, where results are made when taken: yes)."""
        if not self._workers:
            return True
        return bool(self._sent) and self._workers[self._sent[0]][1].poll()

    def ordered(self, items: Iterable[Any]) -> Iterator[Any]:
        """The task's result for every item, in order. Items are read as the workers need them (a few chunks
        ahead), not all at once; an item that cannot be read raises after the results of those before it."""
        if not self._workers:
            for item in items:
                yield self.task(item, **self.context)
            return
        chunks = _chunked(iter(items))
        while True:
            try:
                chunk = next(chunks)
            except StopIteration:
                break
            except Exception:
                while self._sent:
                    yield from _results(self._receive())
                raise
            self._send(chunk)
            if len(self._sent) >= AHEAD * self.count:
                yield from _results(self._receive())
        while self._sent:
            yield from _results(self._receive())

    def _send(self, chunk: list[Any]) -> None:
        number = self._turn
        self._turn = (number + 1) % self.count
        self._sent.append(number)   # before sending: a send cut short (Ctrl-C) leaves work outstanding, so close kills
        process, connection = self._workers[number]
        try:
            connection.send(chunk)
        except OSError:
            raise self._died(process) from None

    def _receive(self) -> list[tuple[bool, Any]]:
        process, connection = self._workers[self._sent.popleft()]
        try:
            return connection.recv()
        except (EOFError, OSError):
            raise self._died(process) from None
        except Exception as error:   # what the worker sent cannot be rebuilt here (an error class of unusual shape)
            raise RuntimeError(f"a worker's answer cannot be read: {type(error).__name__}: {error}") from None

    @staticmethod
    def _died(process: BaseProcess) -> WorkerError:
        process.join(1)
        return WorkerError(f"a worker process ended without answering (exit code {process.exitcode}); nothing written")

    def close(self, abandon: bool = False) -> None:
        """Tell each worker to stop and wait for it; when work is outstanding or the run failed (`abandon`), end
        the workers at once instead: they hold nothing worth waiting for."""
        abandon = abandon or bool(self._sent)
        for process, connection in self._workers:
            if abandon:
                process.kill()
                continue
            try:
                connection.send(_STOP)
            except OSError:
                pass
        for process, connection in self._workers:
            process.join(None if abandon else 2)
            if process.is_alive():
                process.kill()
                process.join()
            connection.close()
        self._workers.clear()
        self._sent.clear()


def _chunked(items: Iterator[Any]) -> Iterator[list[Any]]:
    """The items CHUNK at a time; when reading an item fails, the items read before it still come first."""
    chunk: list[Any] = []
    try:
        for item in items:
            chunk.append(item)
            if len(chunk) == CHUNK:
                yield chunk
                chunk = []
    except Exception:
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk


def _results(done: list[tuple[bool, Any]]) -> Iterator[Any]:
    for ok, value in done:
        if not ok:
            raise value
        yield value


def _serve(connection: Connection, task: Callable[..., Any], context: dict[str, Any], parent: int,
           inherited: list[Connection]) -> None:
    """A worker: run the task on each chunk it is sent, and send back what each item gave, until told to stop.

    Results are sent by a thread of their own, so that the worker keeps reading items while a large result waits to
    be read (the two processes never wait on each other's pipe)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the main process's to handle
    for other in inherited:
        other.close()
    for descriptor in _NOT_FOR_WORKERS:
        with contextlib.suppress(OSError):
            os.close(descriptor)
    threading.Thread(target=_end_with, args=(parent,), daemon=True).start()
    outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    sender = threading.Thread(target=_send_all, args=(connection, outbox), daemon=True)
    sender.start()
    while True:
        try:
            chunk = connection.recv()
        except (EOFError, OSError):
            break
        if chunk is _STOP:
            break
        outbox.put(_dumps(_run_each(chunk, task, context)))
    outbox.put(None)
    sender.join()
    os._exit(0)


def _run_each(chunk: list[Any], task: Callable[..., Any], context: dict[str, Any]) -> list[tuple[bool, Any]]:
    """The task on each item of a chunk, up to the first that fails: (True, result) ..., then (False, the error)."""
    done: list[tuple[bool, Any]] = []
    for item in chunk:
        try:
            done.append((True, task(item, **context)))
        except Exception as error:
            done.append((False, error))
            break
    return done


def _dumps(done: list[tuple[bool, Any]]) -> bytes:
    """What a chunk gave, as bytes for the main process; what cannot cross (a result that does not pickle, an error
    that would not unpickle) ends the chunk there, as an error saying what it was, after the results before it."""
    if done and not done[-1][0] and not _round_trips(done[-1][1]):
        error = done[-1][1]
        done = [*done[:-1], (False, RuntimeError(f"in a worker: {type(error).__name__}: {error}"))]
    try:
        return pickle.dumps(done, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        crossing: list[tuple[bool, Any]] = []
        for ok, value in done:
            if not _round_trips(value):
                crossing.append((False, RuntimeError(f"in a worker: a {type(value).__name__} result cannot be sent")))
                break
            crossing.append((ok, value))
        return pickle.dumps(crossing, protocol=pickle.HIGHEST_PROTOCOL)


def _round_trips(value: Any) -> bool:
    try:
        pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:
        return False
    return True


def _send_all(connection: Connection, outbox: queue.SimpleQueue[bytes | None]) -> None:
    while (data := outbox.get()) is not None:
        try:
            connection.send_bytes(data)
        except OSError:
            return


@contextlib.contextmanager
def _no_sigint() -> Iterator[None]:
    """Ctrl-C held back while a worker is forked (it would otherwise hit the worker before it ignores it)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _end_with(parent: int) -> None:
    """A worker whose main process was killed (SIGKILL: no goodbye) ends too, rather than wait forever for work."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
