"""`rasid extract`, `rasid export`, `rasid dedup` end to end (CLI), with a test extractor;
the kill-and-resume test runs `rasid extract` as a subprocess and SIGKILLs it mid-run."""

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
from click.testing import CliRunner
from rasid.cli import main
from rasid.io import read_events
from test_io import output_formats, pyarrow_or_skip
from test_pipeline import docs, fake_extract

FAKE = ["--extractor", "test_pipeline:fake_extract"]
TESTS = str(Path(__file__).parent)


def runner():
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart already
        return CliRunner()


def make_archive(path, n=50, start=0):
    with open(path, "w", encoding="utf-8") as f:
        for d in docs(n, start):
            rec = {"id": d.doc_id, "text": d.text, "published": d.published}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return str(path)


def expected_events(n=50, start=0):
    return [e for d in docs(n, start) for e in fake_extract(d.text, published=d.published,
                                                            doc_id=d.doc_id)]  # fmt: skip


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def invoke(*args):
    return runner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_extract_stdout_jsonl(tmp_path):
    src = make_archive(tmp_path / "a.jsonl")
    res = invoke("extract", src, "--workers", 1, *FAKE)
    assert res.exit_code == 0, res.stderr
    got = [json.loads(line) for line in res.stdout.splitlines()]
    assert got == expected_events()
    assert res.stderr.strip().startswith("rasid: 50 documents read, 0 skipped, ")
    assert f"{len(got)} events written in " in res.stderr


@pytest.mark.parametrize("ext", ["jsonl", "csv", "parquet", "geojson"])
def test_extract_every_format_same_events(tmp_path, ext):
    if ext == "parquet":
        pyarrow_or_skip()
    src = make_archive(tmp_path / "a.jsonl")
    out = tmp_path / f"out.{ext}"
    res = invoke("extract", src, "-o", out, "--workers", 1, *FAKE)
    assert res.exit_code == 0, res.stderr
    assert list(read_events(str(out))) == expected_events()


def test_extract_acled_and_explicit_format(tmp_path):
    src = make_archive(tmp_path / "a.jsonl")
    out = tmp_path / "acled.txt"
    res = invoke("extract", src, "-o", out, "--format", "acled", "--workers", 1, *FAKE)
    assert res.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("event_id_cnty,event_date,year,time_precision,disorder_type,")
    # ACLED holds no event without coordinates: those are left out, and counted
    placed = [e for e in expected_events() if e["location"]]
    unplaced = len(expected_events()) - len(placed)
    assert len(lines) == 1 + len(placed) and unplaced > 0
    assert (
        f"rasid: the ACLED file leaves out {unplaced} events (unlocated {unplaced})" in res.stderr
    )


def test_two_workers_same_output(tmp_path):
    src = make_archive(tmp_path / "a.jsonl", n=400)
    one = invoke("extract", src, "--workers", 1, *FAKE).stdout
    two = invoke("extract", src, "--workers", 2, *FAKE).stdout
    assert one == two and len(one.splitlines()) == len(expected_events(400))


def test_bad_input_reported_and_counted(tmp_path):
    src = tmp_path / "a.jsonl"
    good = make_archive(tmp_path / "good.jsonl", n=3)
    lines = Path(good).read_bytes().splitlines()
    bad_date = b'{"id":"y","text":"t","published":"soon"}'
    rows = [lines[0], b"{oops", b'{"id": "x"}', b"\xff\xfe", lines[1], bad_date, lines[2]]
    src.write_bytes(b"\n".join(rows) + b"\n")
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    res = invoke("extract", src, empty, "--workers", 1, *FAKE)
    assert res.exit_code == 0
    got = [json.loads(line) for line in res.stdout.splitlines()]
    assert got == expected_events(3)
    err = res.stderr
    assert f"{src}:2: not_json" in err
    assert f"{src}:3: no_text" in err
    assert f"{src}:4: invalid_utf8" in err
    assert f"{empty}: empty_file" in err
    # a date that cannot be read costs the article nothing: one warning line counts them
    assert f"{src}:6" not in err.replace(f"(first: {src}:6", "")
    assert (
        "rasid: warning: 1 document kept without a publication date that could not be read "
        f"(first: {src}:6: bad_date: unparseable publication date 'soon')" in err
    )
    assert (
        "rasid: 4 documents read, 4 skipped (empty_file 1, invalid_utf8 1, no_text 1, "
        "not_json 1), 1 kept without a usable date (bad_date 1), " in err
    )
    strict = invoke("extract", src, "--workers", 1, "--strict", *FAKE)
    assert strict.exit_code == 1
    assert f"rasid: error (--strict): {src}:2: not_json" in strict.stderr


def test_usage_errors_before_any_work(tmp_path):
    src = make_archive(tmp_path / "a.jsonl", n=3)
    res = runner().invoke(main, ["extract", str(tmp_path / "missing.jsonl"), *FAKE])
    assert res.exit_code == 2
    assert "no such file or directory" in res.stderr and "Traceback" not in res.stderr
    bad_out = tmp_path / "no" / "such" / "dir" / "out.jsonl"
    res = runner().invoke(main, ["extract", src, "-o", str(bad_out), *FAKE])
    assert res.exit_code == 2 and "cannot write" in res.stderr
    assert "documents read" not in res.stderr
    res = runner().invoke(main, ["extract", src, "--extractor", "nope:fn"])
    assert res.exit_code == 2 and "cannot load 'nope:fn'" in res.stderr


def test_db_rerun_skips_and_export(tmp_path):
    src = make_archive(tmp_path / "a.jsonl", n=30)
    db = tmp_path / "events.sqlite"
    res = invoke("extract", src, "--db", db, "--workers", 1, *FAKE)
    assert res.exit_code == 0 and res.stdout == ""
    res = invoke("extract", src, "--db", db, "--workers", 1, *FAKE)
    assert "30 already in the store" in res.stderr and "0 events written" in res.stderr
    more = make_archive(tmp_path / "b.jsonl", n=10, start=30)
    invoke("extract", src, more, "--db", db, "--workers", 1, *FAKE)
    for ext in output_formats():
        out = tmp_path / f"export.{ext}"
        res = invoke("export", "--db", db, "-o", out)
        assert res.exit_code == 0
        assert list(read_events(str(out))) == expected_events(40)
    res = runner().invoke(main, ["export", "--db", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 2 and "no such event store" in res.stderr


def test_extract_dedup_file_and_db(tmp_path):
    src = make_archive(tmp_path / "a.jsonl", n=12)
    out = tmp_path / "events.jsonl"
    res = invoke("extract", src, "-o", out, "--dedup", "--workers", 1, *FAKE)
    assert res.exit_code == 0, res.stderr
    records = list(read_events(str(out)))
    assert [{k: v for k, v in r.items() if k != "cluster_id"} for r in records] == (
        expected_events(12)
    )
    clusters = read_jsonl(tmp_path / "events.clusters.jsonl")
    # every rocket report at Camp Taji on one day, from different documents: one cluster
    taji = [c for c in clusters if c["family"] == "indirect_fire"]
    assert len(taji) == 1 and taji[0]["n_sources"] == 4
    assert {r["cluster_id"] for r in records if r["event_type"] == "rocket_attack"} == {
        taji[0]["cluster_id"]
    }
    db = tmp_path / "e.sqlite"
    invoke("extract", src, "--db", db, "--dedup", "--workers", 1, *FAKE)
    res = invoke("dedup", "--db", db, "-o", tmp_path / "d.jsonl")
    assert res.exit_code == 0
    assert list(read_events(str(tmp_path / "d.jsonl"))) == records
    res = invoke("dedup", out, "-o", tmp_path / "again.csv")
    assert list(read_events(str(tmp_path / "again.csv"))) == records


def test_progress_bar_when_asked(tmp_path):
    src = make_archive(tmp_path / "a.jsonl", n=5)
    res = invoke("extract", src, "--workers", 1, "--progress", *FAKE)
    assert "\r" in res.stderr and "docs" in res.stderr
    res = invoke("extract", src, "--workers", 1, *FAKE)  # not a TTY: no bar
    assert "\r" not in res.stderr


def _rasid(args, **kw):
    env = dict(os.environ, PYTHONPATH=TESTS + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-c", "from rasid.cli import main; main()", *map(str, args)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def _events_table(db):
    conn = sqlite3.connect(str(db))
    try:
        return conn.execute(
            "SELECT event_id, doc_id, record FROM events ORDER BY event_id"
        ).fetchall()
    finally:
        conn.close()


def _stored_docs(db):
    try:
        conn = sqlite3.connect(str(db), timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_sigkill_mid_run_then_resume_gives_the_same_events(tmp_path):
    n = 3000
    src = make_archive(tmp_path / "a.jsonl", n=n)
    args = ["extract", src, "--workers", 2, "--extractor", "test_pipeline:slow_extract"]
    full = tmp_path / "full.sqlite"
    p = _rasid([*args, "--db", full])
    assert p.wait(timeout=120) == 0

    db = tmp_path / "killed.sqlite"
    p = _rasid([*args, "--db", db], start_new_session=True)
    deadline = time.monotonic() + 60
    while _stored_docs(db) < 300 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(p.pid, signal.SIGKILL)  # the run and its worker processes, mid-run
    p.wait(timeout=30)
    p.stdout.close()
    p.stderr.close()
    partial = _stored_docs(db)
    assert 300 <= partial < n
    p = _rasid([*args, "--db", db])
    _, err = p.communicate(timeout=120)
    assert p.returncode == 0
    assert f"{partial} already in the store" in err.decode()
    assert _events_table(db) == _events_table(full)
    assert _stored_docs(db) == n


def test_sigint_stops_cleanly_with_work_committed(tmp_path):
    src = make_archive(tmp_path / "a.jsonl", n=3000)
    db = tmp_path / "e.sqlite"
    p = _rasid(["extract", src, "--workers", 2, "--db", db,
                "--extractor", "test_pipeline:slow_extract"], start_new_session=True)  # fmt: skip
    deadline = time.monotonic() + 60
    while _stored_docs(db) < 200 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(p.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    _, err = p.communicate(timeout=60)
    assert p.returncode == 130
    assert "interrupted" in err.decode() and "Traceback" not in err.decode()
    done = _stored_docs(db)
    conn = sqlite3.connect(str(db))
    n_events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    conn.close()
    assert 200 <= done < 3000
    stored_docs = docs(3000)[:done]
    assert n_events == sum(len(fake_extract(d.text, published=d.published, doc_id=d.doc_id))
                           for d in stored_docs)  # fmt: skip


def test_unwritable_db_is_a_usage_error(tmp_path):
    src = make_archive(tmp_path / "a.jsonl", n=2)
    res = runner().invoke(main, ["extract", src, "--db", str(tmp_path / "no" / "e.sqlite"), *FAKE])
    assert res.exit_code == 2 and "cannot open the event store" in res.stderr
    assert "Traceback" not in res.stderr


# -- with the real extractor (rasid.events.extract) --------------------------------------------

SAMPLE = Path(__file__).parent.parent / "examples" / "sample.jsonl"
SPEC_FIELDS = {
    "event_id", "doc_id", "event_type", "date", "date_precision", "date_text", "location",
    "outcome", "launch_location", "weapon", "munitions", "killed", "wounded", "actor",
    "claimed_by", "accused", "target", "background", "confidence", "evidence",
}  # fmt: skip


def _has_extractor():
    try:
        from rasid.events import extract  # noqa: F401
    except ImportError:
        return False
    return True


real = pytest.mark.skipif(not _has_extractor(), reason="rasid.events not available")


@real
def test_sample_archive_end_to_end(tmp_path):
    res = invoke("extract", SAMPLE, "--workers", 1)
    assert res.exit_code == 0, res.stderr
    records = [json.loads(line) for line in res.stdout.splitlines()]
    assert records, "the sample archive reports attacks"
    texts = {json.loads(line)["id"]: json.loads(line)["text"]
             for line in SAMPLE.read_text(encoding="utf-8").splitlines()}  # fmt: skip
    for r in records:
        assert set(r) >= SPEC_FIELDS
        text = texts[r["doc_id"]]
        for ev in r["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]
    assert res.stderr.strip().startswith("rasid: 14 documents read, 0 skipped, ")
    # same events with 2 workers, and in every format
    two = invoke("extract", SAMPLE, "--workers", 2)
    assert two.stdout == res.stdout
    for ext in output_formats()[1:]:  # JSONL is the standard output above
        out = tmp_path / f"e.{ext}"
        assert invoke("extract", SAMPLE, "-o", out, "--workers", 1).exit_code == 0
        assert list(read_events(str(out))) == records
    db = tmp_path / "e.sqlite"
    invoke("extract", SAMPLE, "--db", db, "--workers", 1)
    invoke("export", "--db", db, "-o", tmp_path / "x.jsonl")
    assert list(read_events(str(tmp_path / "x.jsonl"))) == records


@real
def test_sample_archive_dedup_joins_the_two_taji_reports(tmp_path):
    out = tmp_path / "events.jsonl"
    res = invoke("extract", SAMPLE, "--workers", 1, "--dedup", "-o", out)
    assert res.exit_code == 0, res.stderr
    clusters = read_jsonl(tmp_path / "events.clusters.jsonl")
    multi = [c for c in clusters if c["n_sources"] > 1]
    # s07 and s08 report the same rocket attack on Camp Taji in different words
    assert [c["doc_ids"] for c in multi] == [["s07", "s08"]]
    records = list(read_events(str(out)))
    by_doc = {r["doc_id"]: r["cluster_id"] for r in records}
    assert by_doc["s07"] == by_doc["s08"] == multi[0]["cluster_id"]
    assert len(set(by_doc.values())) == len(clusters)
