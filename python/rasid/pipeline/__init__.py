"""Streaming extraction over archives: chunks of documents, worker processes, progress.

:func:`run` reads documents (any iterable of :class:`~rasid.io.Document`), sends them in
chunks to worker processes (``multiprocessing``; each worker prepares the extraction — loads
the gazetteer — once), and hands each document's events back **in input order** to a sink.
With N workers the calling process is one of them, beside a pool of N − 1. At most
``12 × (N − 1) + 4`` chunks are in flight (three queued per pool process, and the calling
process running ahead of the oldest with chunks of its own), each of at most ``chunk_docs``
documents and about ``chunk_chars`` characters, so memory stays bounded whatever the
archive's size. A document whose extraction raises is reported (``extract_error``) and
skipped; the run goes on.

The extraction function is a parameter (default :func:`rasid.events.extract`): any picklable
callable ``fn(text, *, published=None, doc_id=None) -> list`` of ``Event`` objects (with
``to_dict()``) or plain dicts.

The parts: :mod:`.extraction` (the extraction functions), :mod:`.reporting` (summary,
progress bar, problems), :mod:`.worker` (what a process does with a chunk, and the messages
between processes) and :mod:`.pool` (the parent's side of a run with a pool).
"""

from __future__ import annotations

import collections
import time
from collections.abc import Iterable, Iterator
from typing import Any, Callable

from ..io import Document, Fields, Problem, RawBlock
from .extraction import ExtractFn as ExtractFn
from .extraction import Sink as Sink
from .extraction import (
    WithGazetteer,
    available_cores,
    default_extract,
    explaining_extract,
    extract_document,
)
from .pool import _run_pool
from .reporting import Progress, Reporter, StrictError, Summary
from .worker import Delivery, _payload, _Worker

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
    "explaining_extract",
]


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
