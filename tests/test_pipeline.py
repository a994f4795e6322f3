"""The streaming pipeline: order, workers, bad documents, progress, summary.

``fake_extract`` is a small deterministic stand-in for ``rasid.events.extract`` (the machinery
is tested apart from the extractor); other archive tests import it from here.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re

import pytest
from rasid.io import Document, ReadStats
from rasid.pipeline import Progress, Reporter, StrictError, Summary, chunked, run

_PLACES = {
    "التاجي": ("camp_taji", "Camp Taji", "Baghdad", "Iraq", 33.524, 44.256),
    "بلد": ("balad_airbase", "Balad Air Base", "Salah al-Din", "Iraq", 33.94, 44.361),
    "الكاظمية": ("kadhimiya", "Kadhimiya", "Baghdad", "Iraq", 33.38, 44.34),
}
_TRIGGER = re.compile(r"(صواريخ|صاروخ|طائرة مسيرة)(?: على ([\u0621-\u064a]+))?")
_KILLED = re.compile(r"مقتل (\d+)")


def fake_extract(text, *, published=None, doc_id=None):
    """One event per trigger word; raises on the word «انهيار» (to test extract errors)."""
    if "انهيار" in text:
        raise RuntimeError("extractor failure")
    events = []
    for m in _TRIGGER.finditer(text):
        place = None
        if m.group(2):
            word = m.group(2)
            word = word[2:] if word.startswith("ال") and word not in _PLACES else word
            info = _PLACES.get(m.group(2)) or _PLACES.get(word)
            if info:
                pid, name_en, admin1, country, lat, lon = info
                place = {
                    "mention": m.group(2), "start": m.start(2), "end": m.end(2), "id": pid,
                    "name_ar": m.group(2), "name_en": name_en, "kind": "base",
                    "admin1": admin1, "country": country, "lat": lat, "lon": lon,
                    "precision": "site",
                }  # fmt: skip
        k = _KILLED.search(text)
        killed = None
        if k:
            n = int(k.group(1))
            killed = {"min": n, "max": n, "approx": False, "text": k.group(0),
                      "start": k.start(), "end": k.end()}  # fmt: skip
        eid = hashlib.sha1(f"{doc_id}|{m.start()}".encode()).hexdigest()[:16]
        events.append(
            {
                "event_id": eid,
                "doc_id": doc_id,
                "event_type": "drone_attack" if "مسيرة" in m.group(1) else "rocket_attack",
                "date": published,
                "date_precision": "day" if published else None,
                "date_text": None,
                "location": place,
                "outcome": "hit",
                "launch_location": None,
                "weapon": "drone" if "مسيرة" in m.group(1) else "rocket",
                "munitions": None,
                "killed": killed,
                "wounded": {"min": 0, "max": 0, "approx": False, "text": "دون إصابات",
                            "start": 0, "end": 10} if "دون إصابات" in text else None,
                "actor": None,
                "claimed_by": None,
                "accused": [{"mention": "جماعة", "start": 0, "end": 5, "id": None,
                             "name_ar": "جماعة", "name_en": None, "by": None}],
                "target": "US forces",
                "background": False,
                "confidence": 0.75,
                "evidence": [{"start": m.start(), "end": m.end(), "text": m.group(0)}],
            }
        )  # fmt: skip
    return events


def docs(n, start=0):
    out = []
    for i in range(start, start + n):
        text = f"خبر رقم {i}. "
        if i % 3 == 0:
            text += "سقطت صواريخ على التاجي وأدت إلى مقتل 2."
        if i % 7 == 0:
            text += " هاجمت طائرة مسيرة قاعدة بلد."
        out.append(Document(f"d{i}", text, "2020-03-12", "mem", i + 1))
    return out


def collect(documents, **kw):
    seen = []
    summary = run(documents, lambda d, ev: seen.append((d.doc_id, ev)), **kw)
    return seen, summary


def test_fake_extract_offsets():
    text = "سقطت صواريخ على التاجي"
    (event,) = fake_extract(text, published="2020-03-12", doc_id="x")
    loc = event["location"]
    assert text[loc["start"] : loc["end"]] == "التاجي"
    ev = event["evidence"][0]
    assert text[ev["start"] : ev["end"]] == ev["text"] == "صواريخ على التاجي"


def test_single_process_in_order():
    seen, summary = collect(docs(20), extract_fn=fake_extract, workers=1)
    assert [d for d, _ in seen] == [f"d{i}" for i in range(20)]
    # i % 3 == 0 -> 7 docs (0..18), i % 7 == 0 -> 3 docs (0, 7, 14)
    assert summary.events == 7 + 3 == sum(len(ev) for _, ev in seen)
    assert summary.documents == 20
    assert not summary.skipped


def test_two_workers_same_output_in_input_order():
    one, _ = collect(docs(300), extract_fn=fake_extract, workers=1)
    two, summary = collect(docs(300), extract_fn=fake_extract, workers=2, chunk_docs=7)
    assert two == one
    assert summary.documents == 300


def test_extract_error_skips_only_that_document():
    items = docs(5)
    items[2] = Document("bad", "انهيار صواريخ على التاجي", None, "f.jsonl", 3)
    for workers in (1, 2):
        summary = Summary()
        stream = io.StringIO()
        seen, _ = collect(
            items, extract_fn=fake_extract, workers=workers,
            reporter=Reporter(summary, stream), chunk_docs=2,
        )  # fmt: skip
        assert [d for d, _ in seen] == ["d0", "d1", "d3", "d4"]
        assert summary.skipped == {"extract_error": 1}
        assert "f.jsonl:3: extract_error: RuntimeError: extractor failure" in stream.getvalue()


def test_strict_raises_at_first_problem():
    items = [Document("bad", "انهيار", None, "f.jsonl", 1)] + docs(3)
    with pytest.raises(StrictError, match="extract_error"):
        collect(
            items, extract_fn=fake_extract, workers=1, reporter=Reporter(Summary(), strict=True)
        )


def test_skip_already_stored_and_problem_reasons():
    def skip(doc):
        return {"d1": "already_stored", "d2": "duplicate_doc"}.get(doc.doc_id)

    seen, summary = collect(docs(4), extract_fn=fake_extract, workers=1, skip=skip)
    assert [d for d, _ in seen] == ["d0", "d3"]
    assert summary.already_stored == 1
    assert summary.skipped == {"duplicate_doc": 1}
    line = summary.line()
    assert line.startswith("rasid: 4 documents read, 1 skipped (duplicate_doc 1), ")
    assert "1 already in the store" in line
    assert re.search(r"events written in \d+\.\d s$", line)


def test_keyboard_interrupt_keeps_what_was_delivered():
    def documents():
        yield from docs(5)
        raise KeyboardInterrupt

    for workers in (1, 2):
        seen, summary = collect(documents(), extract_fn=fake_extract, workers=workers, chunk_docs=1)
        assert summary.interrupted
        # in-flight chunks may be dropped, but what was delivered is a prefix in order
        assert [d for d, _ in seen] == [f"d{i}" for i in range(len(seen))]
        assert "(interrupted" in summary.line()


def test_chunked_bounds():
    items = docs(10)
    chunks = list(chunked(items, 4, 10**9))
    assert [len(c) for c in chunks] == [4, 4, 2]
    big = [Document("a", "x" * 50), Document("b", "y" * 50), Document("c", "z")]
    assert [[d.doc_id for d in c] for c in chunked(big, 10, 60)] == [["a"], ["b", "c"]]


def test_progress_line():
    stats = ReadStats(bytes_total=4_000_000, bytes_done=1_000_000)
    stream = io.StringIO()
    bar = Progress(stats, stream)
    bar.update(1234, 56, force=True)
    text = stream.getvalue()
    assert text.startswith("\r1,234 docs  1.0/4.0 MB (25%)  56 events  ")
    assert "MB/s" in text and "docs/s" in text and "ETA" in text
    bar.clear()
    assert stream.getvalue().endswith("\r")


def test_events_are_json_serialisable():
    seen, _ = collect(docs(10), extract_fn=fake_extract, workers=1)
    for _, events in seen:
        for e in events:
            assert json.loads(json.dumps(e, ensure_ascii=False)) == e


def slow_extract(text, *, published=None, doc_id=None):
    """``fake_extract`` taking about 2 ms a document (for the kill-and-resume test)."""
    import time

    time.sleep(0.002)
    return fake_extract(text, published=published, doc_id=doc_id)


def gazetteer_extract(text, *, published=None, doc_id=None, gazetteer=None):
    """One pseudo-event per gazetteer match (to test that --gazetteer reaches the extractor)."""
    return [{"event_id": f"{doc_id}:{m.start}", "doc_id": doc_id, "mention": m.text, "id": m.id}
            for m in gazetteer.find(text) if m.id.startswith("test.")]  # fmt: skip


def test_with_gazetteer_extra_entries(tmp_path):
    from rasid.pipeline import WithGazetteer

    extra = tmp_path / "extra.csv"
    extra.write_text("name,id,kind\nمخيم الصنوبر الوهمي,test.camp,camp\n", encoding="utf-8")
    fn = WithGazetteer([str(extra)], gazetteer_extract)
    items = [Document("a", "قصف على مخيم الصنوبر الوهمي", None), Document("b", "لا شيء هنا")]
    for workers in (1, 2):
        seen, _ = collect(items, extract_fn=fn, workers=workers)
        assert seen == [("a", [{"event_id": "a:8", "doc_id": "a", "mention": "مخيم الصنوبر الوهمي",
                                "id": "test.camp"}]), ("b", [])]  # fmt: skip


def test_raw_jsonl_lines_parsed_by_workers(tmp_path):
    from rasid.io import iter_documents

    p = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": d.doc_id, "text": d.text, "published": d.published},
                        ensure_ascii=False).encode() for d in docs(30)]  # fmt: skip
    lines.insert(5, b"{broken")
    lines.insert(9, b'{"id": "no text"}')
    p.write_bytes(b"\n".join(lines) + b"\n")
    expected = [(d.doc_id, fake_extract(d.text, published=d.published, doc_id=d.doc_id))
                for d in docs(30)]  # fmt: skip
    for workers in (1, 2):
        summary = Summary()
        stream = io.StringIO()
        reporter = Reporter(summary, stream)
        items = iter_documents([str(p)], raw_jsonl=True, on_problem=reporter)
        seen, _ = collect(items, extract_fn=fake_extract, workers=workers, reporter=reporter,
                          chunk_docs=4)  # fmt: skip
        assert seen == expected
        assert summary.documents == 30
        assert summary.skipped == {"not_json": 1, "no_text": 1}
        assert f"{p}:6: not_json" in stream.getvalue()
        assert f"{p}:10: no_text" in stream.getvalue()


def test_encoded_delivery_without_eventless_documents(tmp_path):
    """Workers may hand back JSONL text and leave out documents without events: the same
    records, in order, and the same counts."""
    from rasid.io import iter_documents, jsonl_lines
    from rasid.pipeline import Delivery

    p = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": d.doc_id, "text": d.text, "published": d.published},
                        ensure_ascii=False).encode() for d in docs(40)]  # fmt: skip
    lines.insert(7, b"{broken")
    p.write_bytes(b"\n".join(lines) + b"\n")
    with_events = [d for d in docs(40) if d.doc_id in {f"d{i}" for i in range(40)
                                                       if i % 3 == 0 or i % 7 == 0}]  # fmt: skip
    expected = [
        (d.doc_id, jsonl_lines(fake_extract(d.text, published=d.published, doc_id=d.doc_id)))
        for d in with_events
    ]
    for workers in (1, 2):
        summary = Summary()
        reporter = Reporter(summary, io.StringIO())
        items = iter_documents([str(p)], raw_jsonl=True, on_problem=reporter)
        delivery = Delivery(encoded=True, eventless=False)
        seen, _ = collect(items, extract_fn=fake_extract, workers=workers, reporter=reporter,
                          chunk_docs=3, delivery=delivery)  # fmt: skip
        assert seen == expected
        assert summary.documents == 40
        assert summary.events == 14 + 6 == sum(text.count("\n") for _, text in seen)
        assert summary.skipped == {"not_json": 1}


def test_worker_reads_a_block_by_its_place_and_reports_a_changed_file(tmp_path):
    from rasid.io import Fields
    from rasid.pipeline.worker import _Worker

    p = tmp_path / "a.jsonl"
    first = json.dumps({"id": "a", "text": "سقطت صواريخ على التاجي"}, ensure_ascii=False)
    p.write_bytes(b"\n" + first.encode() + b"\n")
    worker = _Worker(fake_extract, Fields(), None)
    size = p.stat().st_size
    (result,) = worker.process([("f", str(p), "a", 1, 0, size)])
    assert result[0] == "ok" and result[1] == "a" and result[-1] == (str(p), 2)
    # the file was cut short after the parent read it: the block is reported, not guessed
    p.write_bytes(b"\n")
    ((kind, problem),) = worker.process([("f", str(p), "a", 1, 0, size)])
    assert kind == "problem"
    assert (problem.source, problem.line, problem.reason) == (str(p), 1, "unreadable_file")


def test_spooled_messages_give_the_same_output_and_leave_no_files(tmp_path, monkeypatch):
    import tempfile

    from rasid.pipeline import worker

    one, _ = collect(docs(200), extract_fn=fake_extract, workers=1)
    monkeypatch.setattr(worker, "SPOOL_BYTES", 0)  # every message through a file
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    two, summary = collect(docs(200), extract_fn=fake_extract, workers=2, chunk_docs=5)
    assert two == one
    assert summary.documents == 200
    assert list(tmp_path.iterdir()) == []  # the spool folder is gone


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_input_is_read_like_stdin(tmp_path):
    """A named pipe has no size and cannot be read twice: its blocks go to the workers
    with their bytes, and it is not taken for an empty file."""
    import threading

    from rasid.io import iter_documents

    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    data = b"".join(json.dumps({"id": d.doc_id, "text": d.text, "published": d.published},
                               ensure_ascii=False).encode() + b"\n" for d in docs(30))  # fmt: skip
    writer = threading.Thread(target=fifo.write_bytes, args=(data,))
    writer.start()
    summary = Summary()
    items = iter_documents([str(fifo)], raw_jsonl=True, on_problem=Reporter(summary))
    seen, _ = collect(items, extract_fn=fake_extract, workers=2, chunk_docs=1, summary=summary)
    writer.join()
    assert [d for d, _ in seen] == [f"d{i}" for i in range(30)]
    assert summary.documents == 30 and not summary.skipped
