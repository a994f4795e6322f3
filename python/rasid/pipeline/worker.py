"""The worker side of a run: what one process does with a chunk of documents, and the
messages between processes."""

from __future__ import annotations

import os
import pickle
import signal
import sqlite3
import tempfile
from dataclasses import dataclass
from typing import IO, Any

from ..io import Fields, Problem, RawBlock, jsonl_lines, parse_line
from .extraction import ExtractFn, _init_local, _to_dict, _with_kept, default_extract


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
