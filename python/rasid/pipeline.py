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
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, Callable

from .io import Document, Problem, ReadStats

__all__ = [
    "Summary",
    "Progress",
    "Reporter",
    "StrictError",
    "default_extract",
    "extract_document",
    "run",
    "chunked",
]

ExtractFn = Callable[..., list]
Sink = Callable[[Document, list], None]


def default_extract(text: str, *, published: str | None = None, doc_id: str | None = None):
    """:func:`rasid.events.extract` (imported on first use, so workers import it themselves)."""
    from .events import extract

    return extract(text, published=published, doc_id=doc_id)


def _prepare_default() -> None:
    """Load the default gazetteer once in this process (if the package provides one)."""
    try:
        from .gazetteer import default_gazetteer
    except ImportError:
        return
    default_gazetteer()


def _to_dict(event: Any) -> dict:
    return event if isinstance(event, dict) else event.to_dict()


def extract_document(fn: ExtractFn, doc: Document) -> list[dict]:
    """The event records of one document (``fn`` called with its publication date and id)."""
    return [_to_dict(e) for e in fn(doc.text, published=doc.published, doc_id=doc.doc_id)]


@dataclass
class Summary:
    """What a run did: counts for the one-line summary printed at the end."""

    documents: int = 0
    skipped: collections.Counter = field(default_factory=collections.Counter)
    already_stored: int = 0
    events: int = 0
    seconds: float = 0.0
    bytes: int = 0
    interrupted: bool = False

    def line(self) -> str:
        """``rasid: N documents read, K skipped (reason n, ...), M events written in S s``."""
        n_skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{r} {n}" for r, n in sorted(self.skipped.items()))
        parts = [f"{self.documents} documents read", f"{n_skipped} skipped"]
        if reasons:
            parts[-1] += f" ({reasons})"
        if self.already_stored:
            parts.append(f"{self.already_stored} already in the store")
        parts.append(f"{self.events} events written in {self.seconds:.1f} s")
        text = "rasid: " + ", ".join(parts)
        if self.interrupted:
            text += " (interrupted: everything above is committed)"
        return text


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

    def update(self, documents: int, events: int, force: bool = False) -> None:
        """Redraw if the interval has passed (or ``force``)."""
        now = time.monotonic()
        if not force and now - self.last < self.interval:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        mb = self.stats.bytes_done / 1e6
        rate = mb / elapsed
        total = self.stats.bytes_total
        text = f"{documents:,} docs  {mb:,.1f}"
        if total:
            pct = min(100.0, 100.0 * self.stats.bytes_done / total)
            text += f"/{total / 1e6:,.1f} MB ({pct:.0f}%)"
        else:
            text += " MB"
        text += f"  {events:,} events  {rate:.1f} MB/s  {documents / elapsed:,.0f} docs/s"
        if total and rate > 0 and self.stats.bytes_done:
            text += f"  ETA {_fmt_eta((total - self.stats.bytes_done) / 1e6 / rate)}"
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


def chunked(docs: Iterable[Document], max_docs: int, max_chars: int) -> Iterator[list[Document]]:
    """Group documents into chunks of at most ``max_docs`` documents and about ``max_chars``
    characters (a single larger document is a chunk by itself)."""
    chunk: list[Document] = []
    size = 0
    for doc in docs:
        if chunk and (len(chunk) >= max_docs or size + len(doc.text) > max_chars):
            yield chunk
            chunk, size = [], 0
        chunk.append(doc)
        size += len(doc.text)
    if chunk:
        yield chunk


# -- worker side ------------------------------------------------------------------------------

_WORKER_FN: ExtractFn | None = None


def _init_worker(fn: ExtractFn | None) -> None:
    global _WORKER_FN
    # Ctrl-C reaches the whole process group: only the parent handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent may turn SIGTERM into KeyboardInterrupt; workers must just end on it.
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER_FN = fn or default_extract
    if fn is None:
        _prepare_default()


def _process_chunk(payload: list[tuple[str, str, str | None]]) -> list[Any]:
    """Extract a chunk: per document its list of event records, or an error message (str)."""
    fn = _WORKER_FN or default_extract
    out: list[Any] = []
    for doc_id, text, published in payload:
        try:
            events = fn(text, published=published, doc_id=doc_id)
            out.append([_to_dict(e) for e in events])
        except Exception as exc:  # one bad document never stops the run
            out.append(f"{type(exc).__name__}: {exc}")
    return out


def _payload(chunk: list[Document]) -> list[tuple[str, str, str | None]]:
    return [(d.doc_id, d.text, d.published) for d in chunk]


# -- parent side ------------------------------------------------------------------------------


class StrictError(Exception):
    """Raised at the first problem when a run is ``strict``."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class Reporter:
    """Counts skipped records into a :class:`Summary` and prints them on ``stream``.

    Hand the same reporter to the reader (``on_problem``) and to :func:`run`. At most
    ``limit`` problems are printed (all are counted); ``strict`` raises :class:`StrictError`
    at the first one.
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
    documents: Iterable[Document],
    sink: Sink,
    *,
    extract_fn: ExtractFn | None = None,
    workers: int | None = None,
    chunk_docs: int = 64,
    chunk_chars: int = 1_000_000,
    skip: Callable[[Document], str | None] | None = None,
    summary: Summary | None = None,
    progress: Progress | None = None,
    reporter: Reporter | None = None,
) -> Summary:
    """Extract events from ``documents`` and call ``sink(doc, events)`` for each, in order.

    ``workers``: number of processes (default: all cores; 1 runs in this process).
    ``skip(doc)`` may return ``"already_stored"`` (counted, not reported) or a problem reason
    (reported and counted) to leave a document out. ``reporter`` counts and prints problems
    (default: count into ``summary`` silently); a strict reporter raises
    :class:`StrictError` at the first one, which propagates.

    A KeyboardInterrupt stops the run cleanly: in-flight chunks are dropped, everything the
    sink already received stays, and ``summary.interrupted`` is set.
    """
    if reporter is not None:
        summary = reporter.summary
    summary = summary if summary is not None else Summary()
    problem = reporter if reporter is not None else Reporter(summary)
    workers = workers or os.cpu_count() or 1
    fn = extract_fn
    start = time.monotonic()

    def admitted(docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            summary.documents += 1
            if skip is not None:
                reason = skip(doc)
                if reason == "already_stored":
                    summary.already_stored += 1
                    continue
                if reason:
                    problem(Problem(doc.source, doc.line, reason, f"id {doc.doc_id!r}"))
                    continue
            yield doc

    def deliver(chunk: list[Document], results: list[Any]) -> None:
        for doc, result in zip(chunk, results):
            if isinstance(result, str):
                problem(Problem(doc.source, doc.line, "extract_error", result))
                continue
            sink(doc, result)
            summary.events += len(result)
        if progress is not None:
            progress.update(summary.documents, summary.events)

    chunks = chunked(admitted(documents), chunk_docs, chunk_chars)
    try:
        if workers <= 1:
            _init_local(fn)
            local_fn = fn or default_extract
            for chunk in chunks:
                results: list[Any] = []
                for doc in chunk:
                    try:
                        results.append(extract_document(local_fn, doc))
                    except Exception as exc:
                        results.append(f"{type(exc).__name__}: {exc}")
                deliver(chunk, results)
        else:
            _run_pool(chunks, fn, workers, deliver)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        summary.seconds = time.monotonic() - start
        if progress is not None:
            progress.clear()
    return summary


def _init_local(fn: ExtractFn | None) -> None:
    if fn is None:
        _prepare_default()


def _run_pool(chunks, fn, workers, deliver) -> None:
    ctx = multiprocessing.get_context()
    pool = ctx.Pool(workers, initializer=_init_worker, initargs=(fn,))
    inflight: collections.deque = collections.deque()
    ok = False
    try:
        for chunk in chunks:
            inflight.append((chunk, pool.apply_async(_process_chunk, (_payload(chunk),))))
            while len(inflight) >= 2 * workers:
                done_chunk, result = inflight.popleft()
                deliver(done_chunk, result.get())
        while inflight:
            done_chunk, result = inflight.popleft()
            deliver(done_chunk, result.get())
        ok = True
    finally:
        if ok:
            pool.close()
        else:
            pool.terminate()
        pool.join()
