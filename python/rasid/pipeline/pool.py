"""The parent side of a run with several processes: the pool, the chunks in flight, the
processes that die, and the clean stop."""

from __future__ import annotations

import collections
import multiprocessing
import multiprocessing.pool
import os
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterable
from typing import Any, Callable

from ..errors import WorkerError
from ..io import RawBlock
from .worker import _init_worker, _pack, _payload, _process_chunk, _unpack, _Worker


class _Done:
    """The result of a chunk this process extracted itself (as an ``AsyncResult``)."""

    def __init__(self, value: list[tuple[Any, ...]]):
        self.value = value

    def ready(self) -> bool:
        return True

    def get(self) -> list[tuple[Any, ...]]:
        return self.value


def _results(result: _Done | multiprocessing.pool.AsyncResult[Any]) -> list[tuple[Any, ...]]:
    return result.get() if isinstance(result, _Done) else _unpack(result.get())


def _describe(chunk: list[Any]) -> str:
    """Where the documents of a chunk come from: ``file:line to file:line``."""

    def first(item: Any) -> str:
        if isinstance(item, RawBlock):
            return f"{item.source}:{item.first_line}"
        return f"{item.source}:{item.line}" if item.line is not None else item.source

    def last(item: Any) -> str:
        if isinstance(item, RawBlock):
            lines = item.data.count(b"\n") - (1 if item.data.endswith(b"\n") else 0)
            return f"{item.source}:{item.first_line + lines}"
        return first(item)

    return f"{first(chunk[0])} to {last(chunk[-1])}"


class _PoolWatch:
    """Notices a pool process that has died (the out-of-memory killer, an abort): the pool
    replaces it, but the chunk it had is lost and its result would be waited for ever."""

    def __init__(self, pool: multiprocessing.pool.Pool, board: Any):
        self.pool = pool
        self.board = board
        self.seen: dict[int, Any] = {}

    def check(self, chunks: dict[int, list[Any]]) -> None:
        """Raise :class:`WorkerError` when a pool process has ended."""
        for process in list(self.pool._pool):  # type: ignore[attr-defined]
            self.seen.setdefault(process.pid, process)
        for pid, process in self.seen.items():
            code = process.exitcode
            if code is None:
                continue
            how = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
            number = None
            with self.board.get_lock():
                for slot in range(len(self.board) // 2):
                    if self.board[2 * slot] == pid:
                        number = self.board[2 * slot + 1]
            chunk = chunks.get(number) if number is not None else None
            where = f"the documents of {_describe(chunk)}" if chunk else "a chunk of documents"
            error = WorkerError(
                f"a worker process died ({how}) while extracting {where}; "
                "with --db, a rerun resumes after the documents stored"
            )
            error.chunk = number
            raise error

    def wait(self, result: Any, chunks: dict[int, list[Any]]) -> None:
        """Wait for ``result``, checking twice a second that no pool process has died."""
        while not result.ready():
            self.check(chunks)
            result.wait(0.5)


def _run_pool(
    chunks: Iterable[list[Any]],
    initargs: tuple[Any, ...],
    workers: int,
    deliver: Callable[[list[Any], list[tuple[Any, ...]]], None],
) -> None:
    """Extract with ``workers`` processes: a pool of ``workers - 1`` and this one, which
    extracts a chunk itself whenever the pool has enough queued. Its own work (reading,
    delivering, writing) then takes its turn with its extraction instead of a core from
    the pool's processes."""
    ctx = multiprocessing.get_context()
    # made before the pool: forked workers inherit the imported extraction code and the
    # loaded gazetteer (shared pages) instead of each loading them again
    local = _Worker(*initargs)
    _remove_dead_spools(tempfile.gettempdir())
    spool = os.path.join(tempfile.gettempdir(), f"rasid-{os.getpid()}-{secrets.token_hex(6)}")
    # slots for replacement processes too (a pool replaces a process that died)
    board = ctx.Array("q", 2 * 4 * (workers - 1))
    stopping = ctx.Event()
    pool = ctx.Pool(
        workers - 1, initializer=_init_worker, initargs=(*initargs, spool, board, stopping)
    )
    watch = _PoolWatch(pool, board)
    sent: dict[int, list[Any]] = {}  # chunks given to the pool, not yet delivered, by number
    # Each pool process has a few chunks queued so that it never waits for this one to
    # finish a chunk. Chunks are delivered in input order, so this one can run ahead of the
    # oldest queued chunk by several of its own before it must wait (about 1 MB each).
    queue_per_worker = 3
    limit = 4 * queue_per_worker * (workers - 1) + 4
    # (chunk number, its result) for a chunk sent to the pool; (chunk, result) for one done here
    inflight: collections.deque[tuple[Any, Any]] = collections.deque()
    ok = False
    lost: int | None = None  # the number of a chunk whose process died
    try:
        for number, chunk in enumerate(chunks, 1):
            pending = sum(1 for _, r in inflight if not r.ready())
            if pending < queue_per_worker * (workers - 1):
                message = _pack(_payload(chunk, by_place=True), spool)
                sent[number] = chunk
                inflight.append((number, pool.apply_async(_process_chunk, (number, message))))
            else:
                inflight.append((chunk, _Done(local.process(_payload(chunk)))))
            watch.check(sent)
            # deliver in input order what is done, and wait when too much is in flight
            while inflight and (inflight[0][1].ready() or len(inflight) > limit):
                _deliver_next(inflight, sent, watch, deliver)
        while inflight:
            _deliver_next(inflight, sent, watch, deliver)
        ok = True
    except WorkerError as exc:
        lost = exc.chunk if exc.chunk is not None else -1
        raise
    finally:
        pool.close()
        if not ok:
            stopping.set()  # the chunks not begun are dropped
            if lost == -1:  # which chunk was lost is not known: do not wait for any
                inflight.clear()
            _stop(pool, [r for key, r in inflight if key != lost])
        pool.join()
        shutil.rmtree(spool, ignore_errors=True)


_SPOOL_NAME = re.compile(r"rasid-(\d+)-[0-9a-f]{12}")


def _remove_dead_spools(folder: str) -> None:
    """Remove the spool folders of runs that were killed (their process no longer exists)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        match = _SPOOL_NAME.fullmatch(name)
        if match is None:
            continue
        try:
            os.kill(int(match.group(1)), 0)
        except ProcessLookupError:
            shutil.rmtree(os.path.join(folder, name), ignore_errors=True)
        except (OSError, OverflowError):  # another user's process, or not a process id
            continue


def _deliver_next(
    inflight: collections.deque[tuple[Any, Any]],
    sent: dict[int, list[Any]],
    watch: _PoolWatch,
    deliver: Callable[[list[Any], list[tuple[Any, ...]]], None],
) -> None:
    """Deliver the oldest chunk in flight (waiting for it while watching the pool)."""
    key, result = inflight[0]
    watch.wait(result, sent)
    inflight.popleft()
    chunk = sent.pop(key) if isinstance(key, int) else key
    deliver(chunk, _results(result))


#: Seconds a stopped run waits at most for the chunks the pool processes have begun (the
#: chunks not begun are dropped), less than the 10 s a ``docker stop`` allows.
STOP_GRACE = 5.0


def _stop(pool: multiprocessing.pool.Pool, results: list[Any]) -> None:
    """End a closed pool early (Ctrl-C, an error). Killing a worker while it sends a result
    leaves the result queue's lock held for ever, and ``Pool.terminate`` then hangs: so let
    the workers finish the chunks they have begun (the others are dropped), then terminate."""
    deadline = time.monotonic() + STOP_GRACE
    try:
        for result in results:
            if isinstance(result, multiprocessing.pool.AsyncResult):
                result.wait(max(0.0, deadline - time.monotonic()))
    except KeyboardInterrupt:  # a second Ctrl-C: stop waiting
        pass
    pool.terminate()
