"""The SQLite event store: resumable, consistent after a kill at any moment.

Tables:

``documents``
    ``doc_id`` PRIMARY KEY, ``source`` (the input file), ``n_events``, ``processed_at``
    (UTC ISO time). A row exists for every document processed, also those with no event, so
    a rerun skips them.
``events``
    ``event_id`` PRIMARY KEY, ``doc_id``, ``seq`` (order within the document), flat columns
    for querying (``event_type``, ``date``, ``date_precision``, ``weapon``, ``outcome``,
    ``location_id``, ``location_name``, ``admin1``, ``country``, ``lat``, ``lon``, ``actor``,
    ``claimed_by``, ``munitions_min``/``_max``, ``killed_min``/``_max``, ``wounded_min``/``_max``,
    ``background``, ``confidence``, ``cluster_id``) and ``record``, the full event record as
    JSON (the source of truth: every export reads it).
``clusters``
    written by dedup: ``cluster_id`` PRIMARY KEY, ``event_type``, ``date``, ``n_sources``,
    ``killed_min``/``_max``, ``wounded_min``/``_max``, ``record`` (JSON, see
    :mod:`rasid.dedup`).

The database is in WAL mode; the events of a batch of documents and their ``documents`` rows
are committed in one transaction, so a process killed at any moment leaves whole documents
or nothing of them, and a rerun that skips stored documents ends with exactly the events of
an uninterrupted run.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
import urllib.parse
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import StoreError
from .events.record import display_name

__all__ = ["EventStore"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    source TEXT,
    n_events INTEGER NOT NULL,
    processed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    seq INTEGER NOT NULL,
    event_type TEXT,
    date TEXT,
    date_precision TEXT,
    weapon TEXT,
    outcome TEXT,
    location_id TEXT,
    location_name TEXT,
    admin1 TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    actor TEXT,
    claimed_by TEXT,
    munitions_min INTEGER,
    munitions_max INTEGER,
    killed_min INTEGER,
    killed_max INTEGER,
    wounded_min INTEGER,
    wounded_max INTEGER,
    background INTEGER,
    confidence REAL,
    cluster_id TEXT,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE TABLE IF NOT EXISTS clusters (
    cluster_id TEXT PRIMARY KEY,
    event_type TEXT,
    date TEXT,
    n_sources INTEGER NOT NULL,
    killed_min INTEGER,
    killed_max INTEGER,
    wounded_min INTEGER,
    wounded_max INTEGER,
    record TEXT NOT NULL
);
"""

_EVENT_COLUMNS = (
    "event_id", "doc_id", "seq", "event_type", "date", "date_precision", "weapon", "outcome",
    "location_id", "location_name", "admin1", "country", "lat", "lon", "actor", "claimed_by",
    "munitions_min", "munitions_max", "killed_min", "killed_max", "wounded_min", "wounded_max",
    "background", "confidence", "cluster_id", "record",
)  # fmt: skip
_INSERT_EVENT = (
    f"INSERT OR IGNORE INTO events ({', '.join(_EVENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_EVENT_COLUMNS))})"
)


def _name(entity: Any) -> str | None:
    return display_name(entity)


def _count(record: dict[str, Any], field: str, bound: str) -> int | None:
    value = record.get(field)
    return value.get(bound) if isinstance(value, dict) else None


def _event_row(record: dict[str, Any], doc_id: str, seq: int) -> tuple[Any, ...]:
    loc = record.get("location") or {}
    bg = record.get("background")
    return (
        record["event_id"], doc_id, seq, record.get("event_type"), record.get("date"),
        record.get("date_precision"), record.get("weapon"), record.get("outcome"),
        loc.get("id"), _name(loc), loc.get("admin1"), loc.get("country"), loc.get("lat"),
        loc.get("lon"), _name(record.get("actor")), _name(record.get("claimed_by")),
        _count(record, "munitions", "min"), _count(record, "munitions", "max"),
        _count(record, "killed", "min"), _count(record, "killed", "max"),
        _count(record, "wounded", "min"), _count(record, "wounded", "max"),
        None if bg is None else int(bool(bg)), record.get("confidence"),
        record.get("cluster_id"), json.dumps(record, ensure_ascii=False),
    )  # fmt: skip


def _is_store(conn: sqlite3.Connection) -> bool:
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {"documents", "events"} <= names


def _connect_readonly(path: str) -> sqlite3.Connection:
    """A read-only connection. A store in WAL mode needs its shared-memory file, which a
    read-only folder does not let SQLite make: then the file is opened as immutable."""
    uri = "file:" + urllib.parse.quote(os.path.abspath(path))
    try:
        conn = sqlite3.connect(uri + "?mode=ro", uri=True, isolation_level=None)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc):
            raise
    return sqlite3.connect(uri + "?immutable=1", uri=True, isolation_level=None)


class EventStore:
    """An SQLite event store at ``path`` (created when missing).

    ``create=False``: the store must exist already. ``readonly``: the store is only read
    (``rasid export``), never written, also in a read-only folder. Raises
    :class:`~rasid.errors.StoreError` when the file cannot be opened or is not a rasid
    store (another SQLite database is left as it is). Use as a context manager, or call
    :meth:`close`.
    """

    def __init__(self, path: str, *, create: bool = True, readonly: bool = False):
        if (readonly or not create) and not os.path.exists(path):
            raise StoreError(f"{path}: no such event store")
        self.path = path
        try:
            if readonly:
                self.conn = _connect_readonly(path)
            else:
                self.conn = sqlite3.connect(path, isolation_level=None, timeout=30)
            if (readonly or not create) and not _is_store(self.conn):
                self.conn.close()
                raise StoreError(
                    f"{path}: not a rasid event store (no documents and events tables)"
                )
            if not readonly:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self.conn.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the event store: {exc}") from exc

    # -- writing ------------------------------------------------------------------------------

    def add_documents(self, batch: Iterable[tuple[str, str, list[dict[str, Any]]]]) -> int:
        """Store whole documents, ``(doc_id, source, event records)``, in ONE transaction.

        Returns the number of events inserted. Documents already stored are left as they are.
        """
        now = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
        inserted = 0
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            for doc_id, source, events in batch:
                cur.execute(
                    "INSERT OR IGNORE INTO documents (doc_id, source, n_events, processed_at) "
                    "VALUES (?, ?, ?, ?)",
                    (doc_id, source, len(events), now),
                )
                if cur.rowcount == 0:
                    continue
                for seq, record in enumerate(events):
                    cur.execute(_INSERT_EVENT, _event_row(record, doc_id, seq))
                    inserted += cur.rowcount
            cur.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):  # a full disk, a store locked too long
                raise StoreError(f"{self.path}: cannot write to the event store: {exc}") from exc
            raise
        return inserted

    def set_clusters(self, assignments: dict[str, str], clusters: Iterable[dict[str, Any]]) -> None:
        """Replace the dedup result: each event's ``cluster_id`` (also inside its record) and
        the ``clusters`` table, in one transaction."""
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            cur.execute("DELETE FROM clusters")
            last = 0
            while True:  # in pages of rowids: memory stays bounded whatever the store's size
                rows = cur.execute(
                    "SELECT rowid, event_id, record FROM events WHERE rowid > ? "
                    "ORDER BY rowid LIMIT 2000",
                    (last,),
                ).fetchall()
                if not rows:
                    break
                for rowid, event_id, text in rows:
                    cid = assignments.get(event_id)
                    record = json.loads(text)
                    if cid is None:
                        record.pop("cluster_id", None)
                    else:
                        record["cluster_id"] = cid
                    cur.execute(
                        "UPDATE events SET cluster_id = ?, record = ? WHERE rowid = ?",
                        (cid, json.dumps(record, ensure_ascii=False), rowid),
                    )
                last = rows[-1][0]
            for c in clusters:
                k, w = c.get("killed") or {}, c.get("wounded") or {}
                cur.execute(
                    "INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (c["cluster_id"], c.get("event_type"), c.get("date"), c["n_sources"],
                     k.get("min"), k.get("max"), w.get("min"), w.get("max"),
                     json.dumps(c, ensure_ascii=False)),
                )  # fmt: skip
            cur.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.path}: cannot write to the event store: {exc}") from exc
            raise

    # -- reading ------------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """True when the document was already processed."""
        row = self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row is not None

    def iter_events(self) -> Iterator[dict[str, Any]]:
        """Every stored event record, in input order (document order, then within a document)."""
        cur = self.conn.execute(
            "SELECT e.record FROM events e JOIN documents d ON d.doc_id = e.doc_id "
            "ORDER BY d.rowid, e.seq"
        )
        for (text,) in cur:
            yield json.loads(text)

    def iter_clusters(self) -> Iterator[dict[str, Any]]:
        """Every cluster record (after dedup), by cluster date then id."""
        cur = self.conn.execute("SELECT record FROM clusters ORDER BY date, cluster_id")
        for (text,) in cur:
            yield json.loads(text)

    def count_events(self) -> int:
        """Number of stored events."""
        n: int = self.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        return n

    def count_documents(self) -> int:
        """Number of processed documents."""
        n: int = self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        return n

    def close(self) -> None:
        """Close the connection (everything is already committed)."""
        self.conn.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
