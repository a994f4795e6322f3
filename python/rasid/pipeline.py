"""Streaming extraction over archives: chunks of documents, worker processes, progress.

:func:`run` reads documents (any iterable of :class:`~rasid.io.Document`), sends them in
chunks to worker processes (``multiprocessing``; each worker prepares the extraction — loads
the gazetteer — once), and hands each document's events back **in input order** to a sink.
At most ``2 × workers`` chunks are in flight, so memory stays bounded whatever the archive's
size. A document whose extraction raises is reported (``extract_error``) and skipped; the run
goes on.

The extraction function is a parameter (default :func:`rasid.events.extract`): any picklable
callable ``fn(text, *, published=None, doc_id=None) -> list`` of ``Event`` objects (with
``to_dict()``) or plain dicts.
"""

from __future__ import annotations

import collections
import multiprocessing
import multiprocessing.pool
import os
import pickle
import re
import secrets
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, Callable

from .errors import RasidError, WorkerError
from .io import NOTICES, Document, Fields, Problem, RawBlock, ReadStats, jsonl_lines, parse_line

__all__ = [
    "Summary",
    "Progress",
    "Reporter",
    "StrictError",
    "default_extract",
    "extract_document",
    "run",
    "Delivery",
    "chunked",
    "WithGazetteer",
    "available_cores",
]

ExtractFn = Callable[..., list[Any]]
Sink = Callable[[Document, list[dict[str, Any]]], None]


def default_extract(
    text: str, *, published: str | None = None, doc_id: str | None = None, gazetteer: Any = None
) -> list[Any]:
    """:func:`rasid.events.extract` (imported on first use, so workers import it themselves)."""
    from .events import extract

    if gazetteer is None:
        return extract(text, published=published, doc_id=doc_id)
    return extract(text, published=published, doc_id=doc_id, gazetteer=gazetteer)


def explaining_extract(
    text: str, *, published: str | None = None, doc_id: str | None = None, gazetteer: Any = None
) -> list[Any]:
    """:func:`default_extract` with the ids of the rules that made each event
    (``rasid extract --explain``)."""
    from .events import extract

    return extract(text, published=published, doc_id=doc_id, gazetteer=gazetteer, explain=True)


_GAZETTEERS: dict[tuple[str, ...], Any] = {}


class WithGazetteer:
    """An extraction function called with the default gazetteer extended by ``extra`` files
    (``rasid extract --gazetteer FILE``). Picklable; each process builds the gazetteer once,
    on :meth:`prepare` or on first use, and keeps it."""

    def __init__(self, extra: Iterable[str], fn: ExtractFn | None = None):
        self.extra = tuple(os.path.abspath(p) for p in extra)
        self.fn = fn

    def gazetteer(self) -> Any:
        """This process's gazetteer (built on first call)."""
        g = _GAZETTEERS.get(self.extra)
        if g is None:
            from .gazetteer import default_gazetteer

            g = _GAZETTEERS[self.extra] = default_gazetteer(extra=list(self.extra))
        return g

    def prepare(self) -> None:
        """Build the gazetteer now (called once per worker process)."""
        self.gazetteer()

    def __call__(
        self, text: str, *, published: str | None = None, doc_id: str | None = None
    ) -> list[Any]:
        fn = self.fn or default_extract
        return fn(text, published=published, doc_id=doc_id, gazetteer=self.gazetteer())


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _prepare_default() -> None:
    """Load the default gazetteer and import the extraction code once in this process."""
    from . import dates, numbers  # noqa: F401  (imported by the extraction on first use)
    from .events import run  # noqa: F401  (imports every stage)
    from .gazetteer import default_gazetteer

    default_gazetteer()


def _to_dict(event: Any) -> dict[str, Any]:
    return event if isinstance(event, dict) else event.to_dict()


def extract_document(fn: ExtractFn, doc: Document) -> list[dict[str, Any]]:
    """The event records of one document (``fn`` called with its publication date and id),
    with the document's kept input fields."""
    events = fn(doc.text, published=doc.published, doc_id=doc.doc_id)
    return _with_kept([_to_dict(e) for e in events], doc.kept)


def _with_kept(
    records: list[dict[str, Any]], kept: tuple[tuple[str, Any], ...]
) -> list[dict[str, Any]]:
    """``records`` with the kept input fields (``--keep``) added to each."""
    if kept:
        for record in records:
            record.update(kept)
    return records


@dataclass
class Summary:
    """What a run did: counts for the one-line summary printed at the end."""

    documents: int = 0
    skipped: collections.Counter[str] = field(default_factory=collections.Counter)
    #: documents kept without a publication date because theirs could not be read, by
    #: reason (see :data:`rasid.io.NOTICES`)
    undated: collections.Counter[str] = field(default_factory=collections.Counter)
    #: the first document whose date could not be read (for the warning line)
    first_bad_date: Problem | None = None
    already_stored: int = 0
    events: int = 0
    seconds: float = 0.0
    bytes: int = 0
    interrupted: bool = False
    unclustered: bool = False  # --dedup could not run: the events are written without it

    def line(self) -> str:
        """``rasid: N documents read, K skipped (reason n, ...), U kept without a usable date
        (bad_date U), M events written in S s``."""
        n_skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{r} {n}" for r, n in sorted(self.skipped.items()))
        parts = [f"{self.documents} documents read", f"{n_skipped} skipped"]
        if reasons:
            parts[-1] += f" ({reasons})"
        if self.already_stored:
            parts.append(f"{self.already_stored} already in the store")
        if self.undated:
            why = ", ".join(f"{r} {n}" for r, n in sorted(self.undated.items()))
            parts.append(f"{sum(self.undated.values())} kept without a usable date ({why})")
        parts.append(f"{self.events} events written in {self.seconds:.1f} s")
        text = "rasid: " + ", ".join(parts)
        if self.interrupted and self.unclustered:
            text += " (interrupted: the events of the documents read are written, not clustered)"
        elif self.interrupted:
            text += " (interrupted: everything above is committed)"
        return text

    def date_warning(self) -> str | None:
        """One line counting the documents kept without a date because theirs could not be
        read, with the first of them; None when there were none."""
        n = self.undated.get("bad_date", 0)
        if not n:
            return None
        first = self.first_bad_date
        return (
            f"rasid: warning: {n} document{'s' if n != 1 else ''} kept without a publication "
            f"date that could not be read (first: {first})"
        )


def _fmt_eta(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """A one-line progress bar on ``stream`` (stderr), redrawn at most 5 times a second.

    Shows documents, MB read (of the total when known), events, rate and ETA.
    """

    def __init__(self, stats: ReadStats, stream: IO[str] | None = None, interval: float = 0.2):
        self.stats = stats
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        self.start = time.monotonic()
        self.last = 0.0
        self.width = 0

    def update(
        self, documents: int, events: int, force: bool = False, bytes_done: int | None = None
    ) -> None:
        """Redraw if the interval has passed (or ``force``). ``bytes_done``: input bytes
        behind the documents delivered so far (default: what the reader has read)."""
        now = time.monotonic()
        if not force and now - self.last < self.interval:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        done = self.stats.bytes_done if bytes_done is None else bytes_done
        mb = done / 1e6
        rate = mb / elapsed
        total = self.stats.bytes_total
        text = f"{documents:,} docs  {mb:,.1f}"
        if total:
            pct = min(100.0, 100.0 * done / total)
            text += f"/{total / 1e6:,.1f} MB ({pct:.0f}%)"
        else:
            text += " MB"
        text += f"  {events:,} events  {rate:.1f} MB/s  {documents / elapsed:,.0f} docs/s"
        if total and rate > 0 and done:
            text += f"  ETA {_fmt_eta((total - done) / 1e6 / rate)}"
        pad = max(0, self.width - len(text))
        self.width = len(text)
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()

    def clear(self) -> None:
        """Erase the bar (before the summary line)."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def _item_size(item: Any) -> int:
    return len(item.data) if isinstance(item, RawBlock) else len(item.text)


def chunked(docs: Iterable[Any], max_docs: int, max_chars: int) -> Iterator[list[Any]]:
    """Group documents (or raw JSONL lines) into chunks of at most ``max_docs`` items and
    about ``max_chars`` characters (a single larger document is a chunk by itself)."""
    chunk: list[Any] = []
    size = 0
    for doc in docs:
        n = _item_size(doc)
        if chunk and (len(chunk) >= max_docs or size + n > max_chars):
            yield chunk
            chunk, size = [], 0
        chunk.append(doc)
        size += n
    if chunk:
        yield chunk


# -- worker side ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Delivery:
    """What the sink receives. ``encoded``: each document's events as JSONL text
    (:func:`~rasid.io.jsonl_lines`) instead of a list of dicts, encoded by the workers.
    ``eventless``: the sink is also called for documents without events (a store records
    every document); False spares the parent process the many documents that have none."""

    encoded: bool = False
    eventless: bool = True


class _Worker:
    """What one process needs to extract chunks: the function, the record fields (to parse
    raw JSONL lines), the event store to check for documents already done and the form of
    the results (:class:`Delivery`)."""

    def __init__(
        self,
        fn: ExtractFn | None,
        fields: Fields,
        store_path: str | None,
        delivery: Delivery = Delivery(),
    ):
        self.fn = fn or default_extract
        self.fields = fields
        self.store_path = store_path
        self.delivery = delivery
        self.conn: sqlite3.Connection | None = None
        self.file: IO[bytes] | None = None
        self.stopping: Any = None  # an Event: the run has stopped, drop the rest of a chunk
        _init_local(fn)

    def stored(self, doc_id: str) -> bool:
        if self.store_path is None:
            return False
        if self.conn is None:
            self.conn = sqlite3.connect(self.store_path, timeout=30)
            self.conn.execute("PRAGMA query_only = 1")
        row = self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,))
        return row.fetchone() is not None

    def process(self, payload: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Per document: ("ok", doc_id, published, events, where) | ("stored", doc_id,
        where) | ("error", doc_id, message, where), and ("problem", Problem) per bad line;
        ``where`` is (source, line) for a document of a raw block, None for a Document.
        Without ``delivery.eventless``, a run of documents of a raw block that have no
        events is one ("eventless", n)."""
        out: list[tuple[Any, ...]] = []
        problems: list[Problem] = []
        builder = self.fields.builder(problems.append)
        for item in payload:
            if self.stopping is not None and self.stopping.is_set():
                return out
            if item[0] == "f":
                _, source, stem, first_line, offset, size = item
                data = self.read(source, offset, size)
                if len(data) != size:
                    message = f"changed while being read: {size} bytes at {offset} expected"
                    out.append(("problem", Problem(source, first_line, "unreadable_file", message)))
                    continue
                item = ("r", source, stem, first_line, data)
            if item[0] == "r":
                _, source, stem, first_line, data = item
                for lineno, line in RawBlock(source, stem, first_line, data).lines():
                    if self.stopping is not None and self.stopping.is_set():
                        return out
                    doc = parse_line(line, builder, source, stem, lineno)
                    # the line's problems: a skip, or notices about a document kept
                    out.extend(("problem", p) for p in problems)
                    problems.clear()
                    if doc is None:
                        continue
                    self._one(doc.doc_id, doc.text, doc.published, (source, lineno), out, doc.kept)
            else:
                _, doc_id, text, published, kept = item
                self._one(doc_id, text, published, None, out, kept)
        return out

    def read(self, path: str, offset: int, size: int) -> bytes:
        """``size`` bytes at ``offset`` of ``path`` (the last file read stays open)."""
        if self.file is None or self.file.name != path:
            if self.file is not None:
                self.file.close()
            self.file = open(path, "rb")  # noqa: SIM115 - kept open for the next block
        self.file.seek(offset)
        return self.file.read(size)

    def _one(
        self,
        doc_id: str,
        text: str,
        published: str | None,
        where: tuple[str, int] | None,
        out: list[tuple[Any, ...]],
        kept: tuple[tuple[str, Any], ...] = (),
    ) -> None:
        if self.stored(doc_id):
            out.append(("stored", doc_id, where))
            return
        try:
            events = self.fn(text, published=published, doc_id=doc_id)
        except Exception as exc:  # one bad document never stops the run
            out.append(("error", doc_id, f"{type(exc).__name__}: {exc}", where))
            return
        if not events and where is not None and not self.delivery.eventless:
            if out and out[-1][0] == "eventless":
                out[-1] = ("eventless", out[-1][1] + 1)
            else:
                out.append(("eventless", 1))
            return
        records = _with_kept([_to_dict(e) for e in events], kept)
        out.append(
            (
                "ok",
                doc_id,
                published,
                jsonl_lines(records) if self.delivery.encoded else records,
                where,
            )
        )


_WORKER: _Worker | None = None
_SPOOL: str | None = None
_BOARD: Any = None  # shared (pid, chunk number) slots: which chunk each pool process has
_SLOT: int | None = None
_STOPPING: Any = None  # set by the parent when the run stops: chunks not begun are dropped

#: Messages between processes larger than this go through a file (see :func:`_pack`).
SPOOL_BYTES = 32 * 1024


def _pack(obj: Any, spool: str | None) -> bytes | str:
    """``obj`` pickled, or the path of a file in the folder ``spool`` that holds it when it
    is large. A pipe holds 64 KB: a worker sending more waits for the parent's result
    thread, which gets the GIL only every few milliseconds while the parent extracts."""
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    if spool is None or len(data) < SPOOL_BYTES:
        return data
    try:
        # made when first needed: a run whose messages are all small leaves no folder
        # behind even when it is killed
        os.makedirs(spool, mode=0o700, exist_ok=True)
        fd, path = tempfile.mkstemp(dir=spool)
    except OSError:  # no writable temporary folder: through the pipe after all
        return data
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    return path


def _unpack(message: bytes | str) -> Any:
    if isinstance(message, bytes):
        return pickle.loads(message)
    with open(message, "rb") as f:
        data = f.read()
    os.unlink(message)
    return pickle.loads(data)


def _init_worker(
    fn: ExtractFn | None,
    fields: Fields,
    store_path: str | None,
    delivery: Delivery,
    spool: str | None = None,
    board: Any = None,
    stopping: Any = None,
) -> None:
    global _WORKER, _SPOOL, _BOARD, _SLOT, _STOPPING
    # Ctrl-C reaches the whole process group: only the parent handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent may turn SIGTERM into KeyboardInterrupt; workers must just end on it.
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER = _Worker(fn, fields, store_path, delivery)
    _WORKER.stopping = stopping
    _SPOOL = spool
    _BOARD, _STOPPING = board, stopping
    if board is not None:
        with board.get_lock():
            for slot in range(len(board) // 2):
                if board[2 * slot] == 0:
                    board[2 * slot], _SLOT = os.getpid(), slot
                    break


def _process_chunk(number: int, message: bytes | str) -> bytes | str | None:
    assert _WORKER is not None
    if _STOPPING is not None and _STOPPING.is_set():
        _discard(message)
        return None
    if _SLOT is not None:
        _BOARD[2 * _SLOT + 1] = number
    return _pack(_WORKER.process(_unpack(message)), _SPOOL)


def _discard(message: bytes | str) -> None:
    if isinstance(message, str):
        try:
            os.unlink(message)
        except OSError:
            pass


def _payload(chunk: list[Any], by_place: bool = False) -> list[tuple[Any, ...]]:
    """What a worker gets for ``chunk``. ``by_place``: a block of a regular file goes as its
    place in the file, which the worker reads again (from the page cache) instead of
    receiving its bytes through a pipe that the parent process must feed."""
    out: list[tuple[Any, ...]] = []
    for d in chunk:
        if not isinstance(d, RawBlock):
            out.append(("d", d.doc_id, d.text, d.published, d.kept))
        elif by_place and d.offset is not None:
            out.append(("f", d.source, d.stem, d.first_line, d.offset, len(d.data)))
        else:
            out.append(("r", d.source, d.stem, d.first_line, d.data))
    return out


# -- parent side ------------------------------------------------------------------------------


class StrictError(RasidError):
    """Raised at the first problem when a run is ``strict``."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class Reporter:
    """Counts skipped records into a :class:`Summary` and prints them on ``stream``.

    Hand the same reporter to the reader (``on_problem``) and to :func:`run`. At most
    ``limit`` problems are printed (all are counted); ``strict`` raises :class:`StrictError`
    at the first one. Notices (:data:`rasid.io.NOTICES`: a document kept without a date) are
    only counted, into ``summary.undated``: see :meth:`Summary.date_warning`.
    """

    def __init__(
        self,
        summary: Summary,
        stream: IO[str] | None = None,
        *,
        strict: bool = False,
        limit: int = 1000,
    ):
        self.summary = summary
        self.stream = stream
        self.strict = strict
        self.limit = limit
        self.printed = 0

    def __call__(self, problem: Problem) -> None:
        if problem.reason in NOTICES:  # the document goes on, without a date
            self.summary.undated[problem.reason] += 1
            if problem.reason == "bad_date" and self.summary.first_bad_date is None:
                self.summary.first_bad_date = problem
            return
        self.summary.skipped[problem.reason] += 1
        if self.stream is not None:
            if self.printed < self.limit:
                self.stream.write(f"rasid: skipped {problem}\n")
            elif self.printed == self.limit:
                self.stream.write("rasid: further problems are counted but not shown\n")
            self.printed += 1
        if self.strict:
            raise StrictError(problem)


def run(
    documents: Iterable[Any],
    sink: Sink,
    *,
    extract_fn: ExtractFn | None = None,
    workers: int | None = None,
    chunk_docs: int = 64,
    chunk_chars: int = 1_000_000,
    skip: Callable[[Document], str | None] | None = None,
    store_path: str | None = None,
    fields: Fields | None = None,
    summary: Summary | None = None,
    progress: Progress | None = None,
    reporter: Reporter | None = None,
    delivery: Delivery = Delivery(),
) -> Summary:
    """Extract events from ``documents`` and call ``sink(doc, events)`` for each, in order.

    ``documents``: :class:`~rasid.io.Document` items, or :class:`~rasid.io.RawBlock` items
    (JSONL lines that the workers parse with ``fields``, so the parent process only reads
    bytes). ``workers``: number of processes (default: all cores; 1 runs in this process).
    ``store_path``: an event store whose documents are skipped (checked by the workers,
    before extraction; counted as already stored). ``skip(doc)`` may return
    ``"already_stored"`` (counted, not reported) or a problem reason (reported and counted)
    to leave a document out. ``reporter`` counts and prints problems (default: count into
    ``summary`` silently); a strict reporter raises :class:`StrictError` at the first one,
    which propagates. ``delivery`` says what the sink receives (:class:`Delivery`).

    A KeyboardInterrupt stops the run cleanly: in-flight chunks are dropped, everything the
    sink already received stays, and ``summary.interrupted`` is set.
    """
    if reporter is not None:
        summary = reporter.summary
    summary = summary if summary is not None else Summary()
    problem = reporter if reporter is not None else Reporter(summary)
    workers = workers or available_cores()
    fields = fields or Fields()
    start = time.monotonic()

    def skipped(doc: Document) -> bool:
        reason = skip(doc) if skip is not None else None
        if reason == "already_stored":
            summary.already_stored += 1
            return True
        if reason:
            problem(Problem(doc.source, doc.line, reason, f"id {doc.doc_id!r}"))
            return True
        return False

    def admitted(docs: Iterable[Any]) -> Iterator[Any]:
        for doc in docs:
            if isinstance(doc, Document) and skip is not None:
                summary.documents += 1
                if skipped(doc):
                    continue
                summary.documents -= 1  # counted when delivered
            yield doc

    def deliver(chunk: list[Any], results: list[tuple[Any, ...]]) -> None:
        # a Document item has one result; a raw block, one per line (each with its place)
        documents = (item for item in chunk if isinstance(item, Document))
        for result in results:
            kind = result[0]
            if kind == "problem":
                problem(result[1])
                continue
            if kind == "eventless":
                summary.documents += result[1]
                continue
            summary.documents += 1
            where = result[-1]
            if where is None:
                doc = next(documents)
            else:
                doc = Document(result[1], "", None, where[0], where[1])
            if kind == "stored":
                summary.already_stored += 1
                continue
            if kind == "error":
                problem(Problem(doc.source, doc.line, "extract_error", result[2]))
                continue
            if where is not None and skip is not None and skipped(doc):
                continue
            events = result[3]
            sink(doc, events)
            summary.events += events.count("\n") if delivery.encoded else len(events)
        position = positions.popleft()
        if progress is not None:
            progress.update(summary.documents, summary.events, bytes_done=position)

    # The reader runs ahead of delivery by the chunks in flight: the bar shows the input
    # position of each chunk when it is delivered.
    positions: collections.deque[int] = collections.deque()

    def marked(chunks: Iterable[list[Any]]) -> Iterator[list[Any]]:
        for chunk in chunks:
            positions.append(progress.stats.bytes_done if progress is not None else 0)
            yield chunk

    chunks = marked(chunked(admitted(documents), chunk_docs, chunk_chars))
    try:
        if workers <= 1:
            worker = _Worker(extract_fn, fields, store_path, delivery)
            for chunk in chunks:
                deliver(chunk, worker.process(_payload(chunk)))
        else:
            _run_pool(chunks, (extract_fn, fields, store_path, delivery), workers, deliver)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        summary.seconds = time.monotonic() - start
        if progress is not None:
            progress.clear()
    return summary


def _init_local(fn: ExtractFn | None) -> None:
    """Load what the extraction needs once per process (the gazetteer)."""
    if fn is None:
        _prepare_default()
    elif hasattr(fn, "prepare"):
        fn.prepare()


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
