"""Nothing lost, nothing hangs (issue 15): each test reproduces a failure an adversarial run
found — bad input that killed the run or lost data, inputs that hung it — and pins the fix."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rasid.io import iter_documents
from test_cli_extract import FAKE, TESTS, _stored_docs, expected_events, invoke, make_archive
from test_pipeline import fake_extract

GOOD = {"id": "g1", "text": "سقطت صواريخ على التاجي", "published": "2020-03-12"}
GOOD2 = {"id": "g2", "text": "هاجمت طائرة مسيرة قاعدة بلد", "published": "2020-03-13"}


def line(record) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode() + b"\n"


def read(paths, **kw):
    problems = []
    out = list(iter_documents(paths, on_problem=problems.append, **kw))
    return out, problems


def events_of(*records):
    return [
        e
        for r in records
        for e in fake_extract(r["text"], published=r.get("published"), doc_id=r["id"])
    ]


def cli(args, *, timeout, extra_env=None, **kw):
    """``rasid ARGS`` in a new process (tests/ on its path, for the test extractors)."""
    env = dict(os.environ, PYTHONPATH=TESTS + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.update(extra_env or {})
    cmd = [sys.executable, "-c", "from rasid.cli import main; main()", *map(str, args)]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, **kw)


def cli_popen(args, **kw):
    env = dict(os.environ, PYTHONPATH=TESTS + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-c", "from rasid.cli import main; main()", *map(str, args)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kw)  # fmt: skip


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(x) for x in f]


# -- 1. a deeply nested JSON line -------------------------------------------------------------


def test_deeply_nested_json_line_is_reported_and_skipped(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_bytes(line(GOOD) + b"[" * 100_000 + b"]" * 100_000 + b"\n" + line(GOOD2))
    out, problems = read([str(src)])
    assert [d.doc_id for d in out] == ["g1", "g2"]
    assert [(p.line, p.reason, p.detail) for p in problems] == [
        (2, "not_json", "nested too deeply")
    ]
    db = tmp_path / "s.db"
    for _ in range(2):  # the rerun of a store does not die on it either
        result = invoke("extract", src, *FAKE, "-o", tmp_path / "o.jsonl", "--db", db)
        assert result.exit_code == 0, result.stderr
    assert jsonl(tmp_path / "o.jsonl") == []  # the rerun: everything was stored already
    result = invoke("export", "--db", db)
    assert [json.loads(x) for x in result.stdout.splitlines()] == events_of(GOOD, GOOD2)


# -- 2. the output is one of the inputs -------------------------------------------------------


@pytest.mark.parametrize("extra", [[], ["--dedup"]])
def test_output_that_is_an_input_is_refused_before_anything_is_written(tmp_path, extra):
    src = make_archive(tmp_path / "a.jsonl", n=5)
    before = Path(src).read_bytes()
    result = invoke("extract", src, *FAKE, "-o", src, *extra)
    assert result.exit_code == 2
    assert f"'-o': {src} is also an input" in result.stderr
    assert Path(src).read_bytes() == before
    # the same file by another name, and a file found in an input folder
    os.symlink(src, tmp_path / "link.jsonl")
    result = invoke("extract", tmp_path, *FAKE, "-o", tmp_path / "link.jsonl", *extra)
    assert result.exit_code == 2
    assert "is also an input" in result.stderr
    assert Path(src).read_bytes() == before


def test_clusters_file_that_is_an_input_is_refused(tmp_path):
    src = make_archive(tmp_path / "a.jsonl", n=5)
    before = Path(src).read_bytes()
    result = invoke("extract", src, *FAKE, "-o", tmp_path / "o.jsonl", "--dedup",
                    "--clusters", src)  # fmt: skip
    assert result.exit_code == 2
    assert f"'--clusters': {src} is also an input" in result.stderr
    assert Path(src).read_bytes() == before


# -- 3, 11. what a folder may hold ------------------------------------------------------------


def test_folder_entries_that_cannot_be_read_are_reported_and_skipped(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_bytes(line(GOOD))
    (folder / "z.jsonl").write_bytes(line(GOOD2))
    os.symlink(folder / "gone.jsonl", folder / "b_dangling.jsonl")
    os.symlink(folder / "c_loop.jsonl", folder / "c_loop.jsonl")
    os.mkfifo(folder / "d_fifo.jsonl")
    os.symlink("/dev/zero", folder / "e_zero.jsonl")
    (folder / "f_locked.jsonl").write_bytes(line(GOOD))
    real_access = os.access
    locked = str(folder / "f_locked.jsonl")
    # the tests run as root, who may read anything: pretend this file is not readable
    monkeypatch.setattr(os, "access", lambda p, m: False if str(p) == locked else real_access(p, m))
    out, problems = read([str(folder)])
    assert [d.doc_id for d in out] == ["g1", "g2"]
    assert [(Path(p.source).name, p.reason, p.detail) for p in problems] == [
        ("b_dangling.jsonl", "unreadable_file", "a broken symbolic link"),
        ("c_loop.jsonl", "unreadable_file", "a symbolic link loop"),
        ("d_fifo.jsonl", "unreadable_file", "not a regular file (a named pipe)"),
        ("e_zero.jsonl", "unreadable_file", "not a regular file (a device)"),
        ("f_locked.jsonl", "unreadable_file", "permission denied"),
    ]


def test_cli_folder_with_a_fifo_and_a_broken_link_does_not_hang(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_bytes(line(GOOD))
    os.mkfifo(folder / "b.jsonl")
    os.symlink(folder / "gone.jsonl", folder / "c.jsonl")
    os.symlink("/dev/zero", folder / "d.jsonl")
    proc = cli(["extract", folder, *FAKE, "-w", "1"], timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(x) for x in proc.stdout.splitlines()] == events_of(GOOD)
    assert f"rasid: skipped {folder / 'b.jsonl'}: unreadable_file" in proc.stderr
    assert "3 skipped (unreadable_file 3)" in proc.stderr


# -- 4. CSV: an unbalanced quote --------------------------------------------------------------


def test_csv_unbalanced_quote_skips_that_record_only(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text(
        "id,text,published\n"
        'b1,"سقطت صواريخ على التاجي,2020-03-12\n'
        "g2,هاجمت طائرة مسيرة قاعدة بلد,2020-03-13\n"
        'g3,"سقطت صواريخ على بلد",2020-03-14\n'
        'b4,"صاروخ على الكاظمية\n'
        "g5,سقطت صواريخ على الكاظمية,2020-03-15\n",
        encoding="utf-8",
    )
    out, problems = read([str(p)])
    assert [(d.doc_id, d.line) for d in out] == [("g2", 3), ("g3", 4), ("g5", 6)]
    assert [(pr.line, pr.reason) for pr in problems] == [(2, "bad_csv"), (5, "bad_csv")]
    assert problems[0].detail == "',' expected after '\"'"
    assert problems[1].detail == "unexpected end of data"


def test_csv_record_with_more_fields_than_the_header_is_reported(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("id,text\ng1,سقطت صواريخ, على التاجي\ng2,نص\n", encoding="utf-8")
    out, problems = read([str(p)])
    assert [d.doc_id for d in out] == ["g2"]
    assert [(pr.line, pr.reason, pr.detail) for pr in problems] == [
        (2, "bad_csv", "3 fields where the header has 2")
    ]


def test_csv_strict_stops_at_an_unbalanced_quote(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('id,text\nb1,"سقطت صواريخ\ng2,"نص",x\n', encoding="utf-8")
    result = invoke("extract", p, *FAKE, "--strict")
    assert result.exit_code == 1
    assert f"rasid: error (--strict): {p}:2: bad_csv:" in result.stderr


# -- 5. two documents with the same id in a store ---------------------------------------------


def test_duplicate_doc_id_under_db_is_reported(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_bytes(line(GOOD) + line({**GOOD2, "id": "g1"}) + line({**GOOD2, "id": "g3"}))
    db = tmp_path / "s.db"
    result = invoke("extract", src, *FAKE, "--db", db, "-w", "1")
    assert result.exit_code == 0
    assert (
        f"rasid: skipped {src}:2: duplicate_doc: id 'g1' is already in the store "
        "(its events are not stored)" in result.stderr
    )
    assert "1 skipped (duplicate_doc 1)" in result.stderr
    exported = invoke("export", "--db", db).stdout
    assert [json.loads(x) for x in exported.splitlines()] == events_of(GOOD, {**GOOD2, "id": "g3"})


# -- 6. BOM and lone-CR line ends in JSONL ----------------------------------------------------


@pytest.mark.parametrize("raw", [False, True])
def test_jsonl_bom_and_lone_cr_line_ends(tmp_path, raw):
    import gzip

    from test_io import read_raw

    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + line(GOOD) + line(GOOD2))
    cr = tmp_path / "cr.jsonl"
    cr.write_bytes(line(GOOD).replace(b"\n", b"\r") + line(GOOD2).replace(b"\n", b"\r"))
    crz = tmp_path / "cr.jsonl.gz"
    crz.write_bytes(gzip.compress(cr.read_bytes()))
    paths = [str(bom), str(cr), str(crz)]
    out, problems = read_raw(paths) if raw else read(paths)
    assert problems == []
    assert [(Path(d.source).name, d.doc_id, d.line) for d in out] == [
        ("bom.jsonl", "g1", 1), ("bom.jsonl", "g2", 2),
        ("cr.jsonl", "g1", 1), ("cr.jsonl", "g2", 2),
        ("cr.jsonl.gz", "g1", 1), ("cr.jsonl.gz", "g2", 2),
    ]  # fmt: skip


def test_cli_lone_cr_file_with_workers(tmp_path):
    src = tmp_path / "cr.jsonl"
    src.write_bytes(
        b"".join(line({**GOOD, "id": f"d{i}"}).replace(b"\n", b"\r") for i in range(30))
    )
    result = invoke("extract", src, *FAKE, "-w", "2")
    assert result.exit_code == 0, result.stderr
    got = [json.loads(x) for x in result.stdout.splitlines()]
    assert got == events_of(*({**GOOD, "id": f"d{i}"} for i in range(30)))


# -- 7. an interrupted --dedup run ------------------------------------------------------------


def test_interrupted_dedup_run_keeps_the_events_extracted(tmp_path):
    n_docs = 5000
    src = make_archive(tmp_path / "a.jsonl", n=n_docs)
    out = tmp_path / "o.jsonl"
    db = tmp_path / "s.db"  # to see how far the run is
    proc = cli_popen(["extract", src, "--extractor", "test_pipeline:slow_extract", "-w", "1",
                      "-o", out, "--dedup", "--db", db])  # fmt: skip
    deadline = time.monotonic() + 60
    while _stored_docs(db) < 300 and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    written = jsonl(out)
    summary = err.strip().splitlines()[-1]
    assert "(interrupted: the events of the documents read are written, not clustered)" in summary
    n = int(summary.split(" events written")[0].rsplit(" ", 1)[1])
    assert 0 < n == len(written) < len(expected_events(n_docs))
    assert written == expected_events(n_docs)[:n]
    assert not (tmp_path / "o.clusters.jsonl").exists()
    assert sorted(p for p in os.listdir(tmp_path) if not p.startswith("s.db")) == [
        "a.jsonl", "o.jsonl"]  # no temporary file left  # fmt: skip


# -- 8. a worker that dies --------------------------------------------------------------------


def test_dead_worker_fails_the_run_fast_naming_the_chunk_and_a_rerun_resumes(tmp_path):
    src = make_archive(tmp_path / "a.jsonl", n=200)
    db = tmp_path / "s.db"
    env = {"RASID_TEST_KILL_ONCE": str(tmp_path / "killed")}
    args = ["extract", src, "--extractor", "test_guarantees:killing_extract", "-w", "2",
            "--db", str(db)]  # fmt: skip
    start = time.monotonic()
    proc = cli(args, timeout=60, extra_env=env)
    assert time.monotonic() - start < 30
    assert proc.returncode == 1, proc.stderr
    assert (
        "rasid: error: a worker process died (killed by signal 9) while extracting the documents "
        f"of {src}:1 to {src}:"
    ) in proc.stderr
    assert "documents read" in proc.stderr.strip().splitlines()[-1]
    proc = cli(args, timeout=60, extra_env=env)  # the rerun resumes and completes
    assert proc.returncode == 0, proc.stderr
    exported = invoke("export", "--db", db).stdout
    assert [json.loads(x) for x in exported.splitlines()] == expected_events(200)


def killing_extract(text, *, published=None, doc_id=None):
    """fake_extract, but the first time it sees the 10th document in a pool process it kills
    that process as the out-of-memory killer would."""
    marker = os.environ.get("RASID_TEST_KILL_ONCE")
    if doc_id == "d9" and marker and multiprocessing_child() and not os.path.exists(marker):
        Path(marker).write_text("x")
        os.kill(os.getpid(), signal.SIGKILL)
    return fake_extract(text, published=published, doc_id=doc_id)


def multiprocessing_child() -> bool:
    import multiprocessing

    return multiprocessing.parent_process() is not None


# -- 12. SIGTERM and what a SIGKILL leaves behind ---------------------------------------------


def test_sigterm_stops_the_run_within_two_seconds(tmp_path):
    src = make_archive(tmp_path / "a.jsonl", n=20000)
    db = tmp_path / "s.db"
    proc = cli_popen(["extract", src, "--extractor", "test_pipeline:slow_extract", "-w", "2",
                      "--db", db])  # fmt: skip
    deadline = time.monotonic() + 60
    while _stored_docs(db) < 300 and time.monotonic() < deadline:
        time.sleep(0.05)
    start = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert time.monotonic() - start < 2.0
    assert proc.returncode == 130, err
    assert "(interrupted: everything above is committed)" in err


def test_spool_folders_of_killed_runs_are_removed(tmp_path, monkeypatch):
    import tempfile

    from rasid.pipeline import run
    from test_pipeline import docs

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = tmp_path / "rasid-999999999-0123456789ab"  # no process has this id
    dead.mkdir()
    (dead / "tmpx").write_bytes(b"x" * 100)
    alive = tmp_path / f"rasid-{os.getppid()}-0123456789ab"  # a running process's
    alive.mkdir()
    other = tmp_path / "rasid-notes"
    other.mkdir()
    seen = []
    run(docs(5), lambda d, ev: seen.append(d.doc_id), extract_fn=fake_extract, workers=2)
    assert seen == [f"d{i}" for i in range(5)]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, other.name])


# -- 14. spreadsheet formulas in CSV cells ----------------------------------------------------


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralized(tmp_path):
    import csv

    from rasid.io import open_writer, read_events, spreadsheet_safe
    from test_io import sample_events

    assert [spreadsheet_safe(x) for x in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=x",
                                          "a=b", "", "سقطت"]] == [
        "'=1+1", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "''=x", "a=b", "", "سقطت",
    ]  # fmt: skip
    record = sample_events()[0]
    record = {**record, "doc_id": '=HYPERLINK("http://x.example","y")', "date_text": "-3 أيام",
              "location": {**record["location"], "lon": -3.5, "name_en": "@home",
                           "admin1": "+Anbar"}}  # fmt: skip
    for fmt in ("csv", "acled"):
        path = tmp_path / f"o.{fmt}.csv"
        with open_writer(str(path), fmt) as w:
            w.write(record)
        with open(path, encoding="utf-8", newline="") as f:
            row = list(csv.DictReader(f))[0]
        if fmt == "csv":
            assert row["doc_id"] == "'" + record["doc_id"]
            assert row["date_text"] == "'-3 أيام"
            assert row["location_name_en"] == "'@home"
            assert row["location_lon"] == "-3.5"  # a number stays a number
            assert list(read_events(str(path), "csv")) == [record]  # read back as written
        else:
            # (no source field: «rasid document <id>», which starts like no formula)
            assert row["source"] == "rasid document " + record["doc_id"]
            assert row["admin1"] == "'" + record["location"]["admin1"]
            assert row["location"] == "'@home"
            assert row["longitude"] == "-3.5"


# -- 15. export opens its store read-only -----------------------------------------------------


def test_export_does_not_touch_a_foreign_database(tmp_path):
    foreign = tmp_path / "notes.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.execute("INSERT INTO notes VALUES ('keep')")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    for command in (["export", "--db", foreign], ["dedup", "--db", foreign]):
        result = invoke(*command)
        assert result.exit_code == 2
        assert f"{foreign}: not a rasid event store (no documents and events tables)" in (
            result.stderr
        )
        assert foreign.read_bytes() == before  # not switched to WAL, no tables added
        assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_export_reads_a_store_without_writing_to_it(tmp_path):
    src = make_archive(tmp_path / "a.jsonl", n=20)
    db = tmp_path / "s.db"
    assert invoke("extract", src, *FAKE, "--db", db).exit_code == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=DELETE")  # as a store copied elsewhere may be
    conn.close()
    before = db.read_bytes()
    result = invoke("export", "--db", db)
    assert result.exit_code == 0
    assert [json.loads(x) for x in result.stdout.splitlines()] == expected_events(20)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "s.db"]


def test_export_of_a_read_only_store_in_wal_mode(tmp_path):
    from rasid.store import EventStore

    src = make_archive(tmp_path / "a.jsonl", n=20)
    db = tmp_path / "s.db"
    assert invoke("extract", src, *FAKE, "--db", db).exit_code == 0
    # what a read-only folder does to SQLite (the tests run as root, whom permissions do
    # not stop): a read-only connection cannot make the WAL index
    with EventStore(str(db), readonly=True) as store:
        assert store.count_documents() == 20
        with pytest.raises(sqlite3.OperationalError, match="readonly|read-only"):
            store.conn.execute("DELETE FROM documents")


# -- 16. a full disk under --db ---------------------------------------------------------------


def test_full_disk_under_db_ends_with_a_message_and_the_summary(tmp_path, monkeypatch):
    import rasid.store

    src = make_archive(tmp_path / "a.jsonl", n=300)
    db = tmp_path / "s.db"
    real_init = rasid.store.EventStore.__init__

    def small_disk(self, *args, **kw):
        real_init(self, *args, **kw)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages + 3}")  # the disk is full soon

    monkeypatch.setattr(rasid.store.EventStore, "__init__", small_disk)
    result = invoke("extract", src, *FAKE, "--db", db, "-w", "1")
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert f"rasid: error: {db}: cannot write to the event store: database or disk is full" in (
        result.stderr
    )
    assert "documents read" in result.stderr.strip().splitlines()[-1]


# -- 18. JSONL lines that splitlines() would break; dedup of malformed input ------------------


def test_jsonl_output_escapes_line_separators(tmp_path):
    from rasid.io import jsonl_lines, read_events

    event = {"doc_id": "d", "event_type": "shelling", "evidence": []}
    records = [{"event_id": "a", "text": "سطر\u2028سطر\u2029فقرة\x85نهاية"}, {"event_id": "b"}]
    records = [{**r, **event} for r in records]
    text = jsonl_lines(records)
    tail = '"doc_id": "d", "event_type": "shelling", "evidence": []}'
    assert text.splitlines() == [
        '{"event_id": "a", "text": "سطر\\u2028سطر\\u2029فقرة\\u0085نهاية", ' + tail,
        '{"event_id": "b", ' + tail,
    ]
    path = tmp_path / "o.jsonl"
    path.write_text(text, encoding="utf-8")
    assert list(read_events(str(path))) == records


def test_dedup_of_a_malformed_events_file_is_an_error_not_a_traceback(tmp_path):
    bad = tmp_path / "events.jsonl"
    first = '{"event_id": "a", "doc_id": "d", "event_type": "shelling", "evidence": []}'
    bad.write_text(first + "\n{not json\n", encoding="utf-8")
    result = invoke("dedup", bad, "-o", tmp_path / "o.jsonl")
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert f"rasid: error: {bad}:2: not JSON: Expecting property name" in result.stderr
    csv_bad = tmp_path / "events.csv"
    csv_bad.write_text(
        "event_id,doc_id,event_type,evidence,killed_min\na,d,shelling,[],1\nb,d,shelling,[],many\n",
        "utf-8",
    )
    result = invoke("dedup", csv_bad, "-o", tmp_path / "o2.jsonl")
    assert result.exit_code == 1
    assert f"rasid: error: {csv_bad}:3: not an event record: invalid literal for int()" in (
        result.stderr
    )


# -- 13. gazetteer files are checked against their size; a FIFO is not a file ---------------


def test_gazetteer_load_checks_sizes_and_refuses_a_fifo(tmp_path):
    import struct

    from rasid.errors import GazetteerFileError
    from rasid.gazetteer import Gazetteer

    path = tmp_path / "g.bin"
    Gazetteer([{"name": "بغداد", "id": "b", "kind": "city"}]).save(path)
    data = bytearray(path.read_bytes())
    data[32:40] = struct.pack("<Q", 100 << 30)  # the first section claims 100 GB
    path.write_bytes(bytes(data))
    with pytest.raises(GazetteerFileError, match="bad section length"):
        Gazetteer.load(path)
    fifo = tmp_path / "g.fifo"
    os.mkfifo(fifo)
    with pytest.raises(GazetteerFileError, match="not a regular file"):
        Gazetteer.load(fifo)  # it used to wait for ever for a writer


# -- 17. the errors of the API are rasid's --------------------------------------------------


def test_api_misuse_raises_precise_rasid_errors(tmp_path):
    import rasid
    from rasid.errors import (
        ArgumentTypeError,
        GazetteerBuildError,
        GazetteerFileError,
        InvalidTextError,
        OptionError,
        TextTypeError,
    )
    from rasid.gazetteer import Gazetteer

    g = Gazetteer([{"name": "بغداد", "id": "b", "kind": "city"}])
    with pytest.raises(ArgumentTypeError, match="overlapping must be True or False, not 'x'"):
        g.find("بغداد", overlapping="x")
    with pytest.raises(OptionError, match="threads must be a positive number, not -1"):
        g.find_batch(["بغداد"], threads=-1)
    with pytest.raises(TextTypeError, match="text must be a str, not int"):
        g.find(12)
    # one rule for lone surrogates: refused everywhere, as parse_numbers and extract do
    with pytest.raises(InvalidTextError, match="invalid text at code point 5: lone surrogate"):
        g.find("بغداد\ud800")
    with pytest.raises(InvalidTextError, match="code point 5: lone surrogate"):
        g.find_batch(["بغداد", "بغداد\ud800"])
    with pytest.raises(InvalidTextError, match="code point 1: lone surrogate"):
        rasid.parse_numbers("3\ud800")
    with pytest.raises(GazetteerBuildError, match="lone surrogate"):
        Gazetteer([{"name": "بغد\ud800اد", "id": "b", "kind": "city"}])
    with pytest.raises(GazetteerFileError, match="missing.bin: no such file"):
        Gazetteer.load(tmp_path / "missing.bin")
    g.save(tmp_path / "g.bin")
    assert len(Gazetteer.load(os.fsencode(tmp_path / "g.bin"))) == 1  # a bytes path is a path
    with pytest.raises(ArgumentTypeError, match="path must be a str or os.PathLike, not int"):
        Gazetteer.load(3)
    with pytest.raises(GazetteerFileError, match="missing.csv"):
        Gazetteer.from_files(tmp_path / "missing.csv")
    _, offsets = rasid.normalize_with_offsets("بغــداد")
    with pytest.raises(ArgumentTypeError, match="start must be an int, not NoneType"):
        offsets.to_original(None, 1)
    with pytest.raises(OptionError, match="start must be >= 0, got -1"):
        offsets.to_original(-1, 1)
    with pytest.raises(OptionError, match="kind must be one of"):
        rasid.NumberMention(0, 1, 1, 1, "many", "x")
    # a publication date at the edge of the calendar: the day before is not a date
    events = rasid.extract("سقطت صواريخ على قاعدة التاجي أمس", published="0001-01-01")
    assert [e.date for e in events] == [None]


# -- 10. memory bounded on hostile text -------------------------------------------------------


def test_parse_numbers_of_expanding_ligatures_stays_in_bounded_memory():
    # 1.5 million U+FDFA (each normalizes to 18 characters) took about 1.5 GB in one piece;
    # in pieces it takes about 100 MB. Under a 700 MB address-space limit the Rust core
    # aborted the process (rc 134).
    code = (
        "import resource, rasid\n"
        "resource.setrlimit(resource.RLIMIT_AS, (700 << 20, 700 << 20))\n"
        "text = '\\ufdfa' * 1_500_000 + ' قتل 3 أشخاص'\n"
        "print([(m.start, m.end, m.min) for m in rasid.parse_numbers(text)])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "[(1500005, 1500006, 3)]"


def test_over_long_jsonl_line_is_skipped_without_being_held(tmp_path):
    import gzip

    from test_io import read_raw

    src = tmp_path / "big.jsonl.gz"
    with gzip.open(src, "wb", compresslevel=1) as f:
        f.write(line(GOOD))
        f.write(b'{"id": "huge", "text": "' + b"a" * (3 << 20) + b'"}\n')
        f.write(line(GOOD2))
    for out, problems in (
        read([str(src)], max_record_bytes=1 << 20),
        read_raw([str(src)], max_record_bytes=1 << 20),  # as the pipeline reads
    ):
        assert [d.doc_id for d in out] == ["g1", "g2"]
        assert [(p.line, p.reason, p.detail) for p in problems] == [
            (2, "too_large", "a line of 3,145,755 bytes, over the limit of 1,048,576 bytes (1 MB)")
        ]
    result = invoke("extract", src, *FAKE, "--max-record-mb", "1")
    assert result.exit_code == 0
    assert [json.loads(x) for x in result.stdout.splitlines()] == events_of(GOOD, GOOD2)
    assert "1 skipped (too_large 1)" in result.stderr


# -- 11. blank lines cost nothing -------------------------------------------------------------


def test_gzip_of_blank_lines_is_read_in_blocks(tmp_path):
    import gzip

    src = tmp_path / "blank.jsonl.gz"
    with gzip.open(src, "wb", compresslevel=1) as f:
        f.write(line(GOOD))
        for _ in range(50):
            f.write(b"\n" * (1 << 20))  # 50 million blank lines: 8 minutes per 300 MB before
        f.write(line(GOOD2))
    start = time.monotonic()
    result = invoke("extract", src, *FAKE, "-w", "2")
    assert time.monotonic() - start < 10
    assert result.exit_code == 0
    assert [json.loads(x) for x in result.stdout.splitlines()] == events_of(GOOD, GOOD2)
    assert "2 documents read, 0 skipped" in result.stderr


def test_dedup_and_export_refuse_to_overwrite_their_input(tmp_path):
    src = make_archive(tmp_path / "a.jsonl", n=5)
    events = tmp_path / "e.jsonl"
    assert invoke("extract", src, *FAKE, "-o", events).exit_code == 0
    before = events.read_bytes()
    result = invoke("dedup", events, "-o", events)
    assert result.exit_code == 2 and f"'-o': {events} is also an input" in result.stderr
    assert events.read_bytes() == before
    db = tmp_path / "s.db"
    assert invoke("extract", src, *FAKE, "--db", db).exit_code == 0
    result = invoke("export", "--db", db, "-o", db)
    assert result.exit_code == 2 and f"'-o': {db} is also an input" in result.stderr
    assert invoke("export", "--db", db).stdout.count("\n") == len(expected_events(5))


def test_extract_with_a_gazetteer_that_is_not_one_is_a_precise_error():
    import rasid
    from rasid.errors import ArgumentTypeError

    with pytest.raises(ArgumentTypeError) as e:
        rasid.extract("سقط صاروخ على المطار", gazetteer="x")
    assert str(e.value) == "gazetteer must be a rasid.Gazetteer, not str"
    assert isinstance(e.value, TypeError)
