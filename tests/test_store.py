"""The SQLite event store: schema, one transaction per batch, resume, clusters."""

from __future__ import annotations

import json
import sqlite3

import pytest
from rasid.errors import StoreError
from rasid.store import EventStore
from test_pipeline import docs, fake_extract


def extracted(n):
    return [(d.doc_id, "mem", fake_extract(d.text, published=d.published, doc_id=d.doc_id))
            for d in docs(n)]  # fmt: skip


def test_schema_and_roundtrip(tmp_path):
    path = str(tmp_path / "events.sqlite")
    batch = extracted(10)
    with EventStore(path) as store:
        inserted = store.add_documents(batch)
        assert inserted == sum(len(ev) for _, _, ev in batch) == store.count_events()
        assert store.count_documents() == 10
        assert store.has_document("d3") and not store.has_document("zz")
        assert list(store.iter_events()) == [e for _, _, ev in batch for e in ev]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    row = conn.execute(
        "SELECT event_type, date, location_id, lat, lon, killed_min, killed_max, record "
        "FROM events WHERE doc_id = 'd0' ORDER BY seq"
    ).fetchone()
    assert row[:7] == ("rocket_attack", "2020-03-12", "camp_taji", 33.524, 44.256, 2, 2)
    assert json.loads(row[7]) == batch[0][2][0]
    assert conn.execute("SELECT n_events, source FROM documents WHERE doc_id='d1'").fetchone() == (
        0,
        "mem",
    )


def test_documents_already_stored_are_left_alone(tmp_path):
    path = str(tmp_path / "events.sqlite")
    with EventStore(path) as store:
        store.add_documents(extracted(3))
        n = store.count_events()
        assert store.add_documents(extracted(3)) == 0
        assert store.count_events() == n


def test_failed_batch_rolls_back_whole_documents(tmp_path):
    path = str(tmp_path / "events.sqlite")
    with EventStore(path) as store:
        batch = extracted(4)
        broken = batch[:3] + [("bad", "mem", [{"no_event_id": 1}])]
        with pytest.raises(KeyError):
            store.add_documents(broken)
        assert store.count_documents() == 0 and store.count_events() == 0
        store.add_documents(batch)
        assert store.count_documents() == 4


def test_clusters_table(tmp_path):
    path = str(tmp_path / "events.sqlite")
    with EventStore(path) as store:
        batch = extracted(4)
        store.add_documents(batch)
        ids = [e["event_id"] for _, _, ev in batch for e in ev]
        clusters = [{"cluster_id": "c1", "event_type": "rocket_attack", "date": "2020-03-12",
                     "n_sources": 2, "killed": {"min": 1, "max": 3}, "wounded": None}]  # fmt: skip
        store.set_clusters({ids[0]: "c1", ids[1]: "c1"}, clusters)
        records = list(store.iter_events())
        assert [r.get("cluster_id") for r in records[:3]] == ["c1", "c1", None]
        assert list(store.iter_clusters()) == clusters
        row = store.conn.execute("SELECT killed_min, killed_max FROM clusters").fetchone()
        assert row == (1, 3)


def test_not_a_database(tmp_path):
    p = tmp_path / "x.sqlite"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        EventStore(str(p))
    with pytest.raises(StoreError, match="no such event store"):
        EventStore(str(tmp_path / "missing.sqlite"), create=False)
