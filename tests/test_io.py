"""Readers (every input format, every kind of bad input) and writers (every format reads
back to the same events)."""

from __future__ import annotations

import builtins
import csv
import datetime as dt
import gzip
import json

import pytest
from rasid.errors import InputError, OptionError
from rasid.io import (
    Document,
    ReadStats,
    expand_inputs,
    flatten_event,
    infer_format,
    iter_documents,
    open_writer,
    parse_published,
    plan_blocks,
    read_events,
    read_part,
    unflatten_event,
)
from test_pipeline import docs, fake_extract


def pyarrow_or_skip():
    """``pyarrow`` and ``pyarrow.parquet`` (the optional ``parquet`` extra), else the test is
    skipped: the rest of the module runs without them."""
    return pytest.importorskip("pyarrow"), pytest.importorskip("pyarrow.parquet")


def output_formats() -> list[str]:
    """The file formats rasid writes and reads back here: Parquet only with pyarrow."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return ["jsonl", "csv", "geojson"]
    return ["jsonl", "csv", "parquet", "geojson"]


RECORDS = [
    {"id": "a1", "text": "سقطت صواريخ على التاجي", "published": "2020-03-12"},
    {"id": 7, "text": "هاجمت طائرة مسيرة قاعدة بلد", "published": "2020-03-13T08:00:00Z"},
    {"id": "a3", "text": "خبر اقتصادي عن أسعار النفط"},
]


def read(paths, **kw):
    problems = []
    out = list(iter_documents(paths, on_problem=problems.append, **kw))
    return out, problems


def write_jsonl(path, records, opener=open):
    with opener(path, "wt", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def expected(source, lines):
    return [
        Document("a1", RECORDS[0]["text"], "2020-03-12", source, lines[0]),
        Document("7", RECORDS[1]["text"], "2020-03-13", source, lines[1]),
        Document("a3", RECORDS[2]["text"], None, source, lines[2]),
    ]


def test_jsonl_and_gz(tmp_path):
    p = tmp_path / "a.jsonl"
    write_jsonl(p, RECORDS)
    g = tmp_path / "b.jsonl.gz"
    write_jsonl(g, RECORDS, gzip.open)
    out, problems = read([str(p), str(g)])
    assert out == expected(str(p), [1, 2, 3]) + expected(str(g), [1, 2, 3])
    assert problems == []


def test_csv(tmp_path):
    p = tmp_path / "a.csv"
    with open(p, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["id", "text", "published"])
        w.writeheader()
        for r in RECORDS:
            w.writerow(r)
    out, problems = read([str(p)])
    assert out == expected(str(p), [2, 3, 4])
    assert problems == []


def test_parquet(tmp_path):
    pa, pq = pyarrow_or_skip()
    p = tmp_path / "a.parquet"
    pq.write_table(pa.Table.from_pylist([{**r, "id": str(r["id"])} for r in RECORDS]), p)
    out, problems = read([str(p)])
    assert out == expected(str(p), [1, 2, 3])
    assert problems == []


def test_txt_and_folder_recursive(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "قصة.txt").write_text("نص الخبر الأول", encoding="utf-8")
    (tmp_path / "b.txt").write_text("نص الخبر الثاني", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    write_jsonl(tmp_path / "sub" / "c.jsonl", RECORDS[:1])
    out, problems = read([str(tmp_path)])
    assert [(d.doc_id, d.text) for d in out] == [
        ("b", "نص الخبر الثاني"),
        ("a1", RECORDS[0]["text"]),
        ("قصة", "نص الخبر الأول"),
    ]
    assert problems == []


def test_field_names_and_default_ids(tmp_path):
    p = tmp_path / "news.jsonl"
    write_jsonl(p, [{"body": "نص", "date": "2021-01-02"}, {"body": "نص آخر", "key": "k"}])
    out, _ = read([str(p)], id_field="key", text_field="body", date_field="date")
    assert [(d.doc_id, d.published) for d in out] == [("news:1", "2021-01-02"), ("k", None)]


def test_bad_jsonl_lines_reported_and_skipped(tmp_path):
    p = tmp_path / "bad.jsonl"
    good = json.dumps(RECORDS[0], ensure_ascii=False).encode()
    p.write_bytes(
        good + b"\n"
        + b"{not json\n"
        + b'{"id": "u", "text": "\xff\xfe bad"}\n'
        + b'{"id": "n"}\n'
        + b'{"id": "e", "text": "   "}\n'
        + b'{"id": "d", "text": "x", "published": "sometime in spring"}\n'
        + b"[1, 2]\n"
        + b"\n"
        + json.dumps(RECORDS[2], ensure_ascii=False).encode() + b"\n"
    )  # fmt: skip
    out, problems = read([str(p)])
    # the document with a date that cannot be read is kept, without a date
    assert [(d.doc_id, d.published) for d in out] == [
        ("a1", "2020-03-12"),
        ("d", None),
        ("a3", None),
    ]
    assert [(pr.line, pr.reason) for pr in problems] == [
        (2, "not_json"),
        (3, "invalid_utf8"),
        (4, "no_text"),
        (5, "no_text"),
        (6, "bad_date"),
        (7, "not_object"),
    ]
    assert all(pr.source == str(p) for pr in problems)
    assert str(problems[4]) == f"{p}:6: bad_date: unparseable publication date 'sometime in spring'"


def test_empty_files_and_bad_txt(tmp_path):
    (tmp_path / "e.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"\n\n")
    (tmp_path / "e.csv").write_text("id,text\n", encoding="utf-8")
    (tmp_path / "x.txt").write_bytes(b"\xff\xfe\xfa")
    out, problems = read([str(tmp_path)])
    assert out == []
    assert sorted((pr.source.rsplit("/", 1)[1], pr.reason) for pr in problems) == [
        ("blank.jsonl", "empty_file"),
        ("e.csv", "empty_file"),
        ("e.jsonl", "empty_file"),
        ("x.txt", "invalid_utf8"),
    ]


def test_csv_invalid_utf8_row(tmp_path):
    p = tmp_path / "a.csv"
    p.write_bytes("id,text\nok,نص سليم\n".encode() + b"bad,\xff\xfe\nok2,\xd9\x86\xd8\xb5\n")
    out, problems = read([str(p)])
    assert [d.doc_id for d in out] == ["ok", "ok2"]
    assert [(pr.line, pr.reason) for pr in problems] == [(3, "invalid_utf8")]


def test_missing_and_unknown_inputs(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        expand_inputs([str(tmp_path / "nope.jsonl")])
    (tmp_path / "x.docx").write_bytes(b"x")
    with pytest.raises(InputError, match="unknown input format"):
        expand_inputs([str(tmp_path / "x.docx")])


# (value, publication date): every form scraped archives hold
PUBLISHED_FORMS = [
    ("2020-03-12", "2020-03-12"),
    ("2020-03-12 08:15:00", "2020-03-12"),
    ("2021-03-15T08:30:00Z", "2021-03-15"),
    ("2021-03-15T23:30:00-05:00", "2021-03-15"),  # the day of the outlet's own zone
    ("2021-03-15T08:30:00.250+03:00", "2021-03-15"),
    ("20210315", "2021-03-15"),
    ("Mon, 15 Mar 2021 08:30:00 GMT", "2021-03-15"),
    ("Mon, 15 Mar 2021 23:30:00 -0500", "2021-03-15"),
    ("Mon, 15 Mar 2021", "2021-03-15"),
    ("2021/03/15", "2021-03-15"),
    ("2021.03.15", "2021-03-15"),
    ("15/03/2021", "2021-03-15"),
    ("15-03-2021", "2021-03-15"),
    ("15.03.2021 10:00", "2021-03-15"),
    ("04/03/2021", "2021-03-04"),  # day first
    ("3/15/2021", "2021-03-15"),  # month first only when day first is impossible
    ("١٥/٣/٢٠٢١", "2021-03-15"),
    ("15 March 2021", "2021-03-15"),
    ("March 15, 2021", "2021-03-15"),
    ("15-Mar-2021", "2021-03-15"),
    ("Monday, March 15, 2021 8:30 AM", "2021-03-15"),
    ("15 آذار 2021", "2021-03-15"),
    ("١٥ آذار ٢٠٢١", "2021-03-15"),
    ("15 مارس 2021", "2021-03-15"),
    ("الاثنين 15 كانون الثاني 2021 - 08:30", "2021-01-15"),
    ("الأحد، ١٤ آذار/مارس ٢٠٢١", "2021-03-14"),
    ("1615797000", "2021-03-15"),  # epoch seconds
    (1615797000, "2021-03-15"),
    (1615797000.5, "2021-03-15"),
    ("1615797000123", "2021-03-15"),  # epoch milliseconds
    (1615797000123, "2021-03-15"),
    (dt.date(2021, 3, 15), "2021-03-15"),
    (dt.datetime(2020, 3, 12, 8), "2020-03-12"),
    ("", None),
    ("   ", None),
    (None, None),
    (float("nan"), None),  # an empty dataframe cell
]


@pytest.mark.parametrize(("value", "want"), PUBLISHED_FORMS)
def test_parse_published_forms(value, want):
    assert parse_published(value) == want


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("soon", "unparseable publication date 'soon'"),
        ("2020-13-01", "unparseable publication date '2020-13-01'"),
        ("2021-03-15x", "unparseable publication date '2021-03-15x'"),
        ("31/02/2021", "unparseable publication date '31/02/2021'"),
        ("March 2021", "unparseable publication date 'March 2021'"),  # no day
        ("آذار 2021", "unparseable publication date 'آذار 2021'"),
        ("أمس", "unparseable publication date 'أمس'"),
        ("Monday", "unparseable publication date 'Monday'"),
        ("12", "unparseable publication date '12'"),
        ("15/03/1850", "publication date '15/03/1850' is out of range (year 1850)"),
        (True, "unparseable publication date True"),
        ([2021, 3, 15], "unparseable publication date [2021, 3, 15]"),
    ],
)
def test_parse_published_garbage(value, message):
    with pytest.raises(InputError) as err:
        parse_published(value)
    assert str(err.value) == message


def test_stats_bytes(tmp_path):
    p = tmp_path / "a.jsonl"
    write_jsonl(p, RECORDS)
    stats = ReadStats()
    out = list(iter_documents([str(p)], stats=stats))
    assert len(out) == 3
    assert stats.bytes_total == stats.bytes_done == p.stat().st_size


def test_blocks_match_whole_file(tmp_path):
    p = tmp_path / "big.jsonl"
    records = [{"text": f"نص رقم {i}" * (i % 5 + 1)} for i in range(200)]
    write_jsonl(p, records)
    whole = list(iter_documents([str(p)]))
    blocks = plan_blocks(str(p), 500)
    assert len(blocks) > 5
    assert blocks[0][0] == 0 and blocks[-1][1] == p.stat().st_size
    parts = [d for b in blocks for d in read_part(str(p), b)]
    assert parts == whole  # same ids (stem:line), lines and order


def without_pyarrow(monkeypatch):
    """From here on in the test, importing pyarrow fails as when the extra is not installed."""
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError("No module named 'pyarrow'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)


def test_parquet_missing_pyarrow_message(monkeypatch, tmp_path):
    without_pyarrow(monkeypatch)
    with pytest.raises(InputError, match=r"pip install rasid\[parquet\]"):
        open_writer(str(tmp_path / "x.parquet"))


# -- writers ----------------------------------------------------------------------------------


def sample_events():
    out = []
    for d in docs(30):
        out.extend(fake_extract(d.text, published=d.published, doc_id=d.doc_id))
    out.append(
        {**out[0], "event_id": "nulls", "location": None, "killed": None, "date": None,
         "date_precision": None, "accused": [], "target": {"name_en": "coalition"},
         "background": None, "confidence": 0.1}
    )  # fmt: skip
    return out


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "geojson"])
def test_every_format_reads_back_the_same_events(tmp_path, fmt):
    if fmt == "parquet":
        pyarrow_or_skip()
    events = sample_events()
    ext = {"jsonl": "jsonl", "csv": "csv", "parquet": "parquet", "geojson": "geojson"}[fmt]
    path = str(tmp_path / f"out.{ext}")
    assert infer_format(path) == fmt
    with open_writer(path) as w:
        for e in events:
            w.write(e)
    back = list(read_events(path))
    assert back == events


def test_jsonl_gz_output(tmp_path):
    path = str(tmp_path / "out.jsonl.gz")
    with open_writer(path) as w:
        w.write(sample_events()[0])
    assert list(read_events(path)) == sample_events()[:1]


def test_geojson_points_and_null_geometry(tmp_path):
    events = sample_events()
    path = tmp_path / "out.geojson"
    with open_writer(str(path)) as w:
        for e in events:
            w.write(e)
    fc = json.loads(path.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection"
    first = fc["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [44.256, 33.524]}
    assert first["id"] == events[0]["event_id"]
    assert fc["features"][-1]["geometry"] is None


def test_flatten_roundtrip_and_columns():
    e = sample_events()[0]
    flat = flatten_event(e)
    assert flat["location_lat"] == 33.524 and flat["killed_min"] == 2
    assert json.loads(flat["evidence"]) == e["evidence"]
    assert unflatten_event(flat) == e


def test_unknown_format():
    with pytest.raises(OptionError):
        open_writer(None, "xml")


def test_parquet_input_without_pyarrow_fails_before_work(monkeypatch, tmp_path):
    pa, pq = pyarrow_or_skip()
    p = tmp_path / "a.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": "1", "text": "نص"}]), p)
    without_pyarrow(monkeypatch)
    with pytest.raises(InputError, match=r"pip install rasid\[parquet\]"):
        expand_inputs([str(tmp_path)])


def test_csv_long_article(tmp_path):
    p = tmp_path / "a.csv"
    long_text = "خبر " * 60_000  # 240,000 characters: more than csv's default field limit
    p.write_bytes(f"id,text\nlong,{long_text}\nok,نص\n".encode())
    out, problems = read([str(p)])
    assert [d.doc_id for d in out] == ["long", "ok"]
    assert len(out[0].text) == 240_000
    assert problems == []


def test_corrupt_and_truncated_gzip(tmp_path):
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(b"this is not gzip at all\n")
    good = tmp_path / "cut.jsonl.gz"
    write_jsonl(good, RECORDS * 200, gzip.open)
    data = good.read_bytes()
    good.write_bytes(data[: len(data) // 2])  # truncated mid-stream
    out, problems = read([str(bad), str(good)])
    reasons = [(pr.source.rsplit("/", 1)[1], pr.reason) for pr in problems]
    assert reasons[0] == ("bad.jsonl.gz", "unreadable_file")
    assert ("cut.jsonl.gz", "unreadable_file") in reasons
    assert 0 < len(out) < 600  # what could be read before the cut is kept
    assert out[0] == Document("a1", RECORDS[0]["text"], "2020-03-12", str(good), 1)


def read_raw(paths, **options):
    """iter_documents(raw_jsonl=True, **options), with the blocks' lines parsed as the workers
    do."""
    from rasid.io import Fields, RawBlock, parse_line

    problems = []
    builder = Fields().builder(problems.append)
    out = []
    for item in iter_documents(paths, on_problem=problems.append, raw_jsonl=True, **options):
        assert isinstance(item, RawBlock)
        for lineno, line in item.lines():
            doc = parse_line(line, builder, item.source, item.stem, lineno)
            if doc is not None:
                out.append(doc)
    return out, problems


@pytest.mark.parametrize("block_bytes", [1, 40, 1 << 18])
def test_raw_blocks_give_the_documents_and_problems_of_a_line_read(
    tmp_path, monkeypatch, block_bytes
):
    import rasid.io.jsonl

    monkeypatch.setattr(rasid.io.jsonl, "RAW_BLOCK_BYTES", block_bytes)
    long_text = "سقطت صواريخ على التاجي " * 40  # one line longer than the small blocks
    lines = [json.dumps(r, ensure_ascii=False).encode() for r in RECORDS]
    body = (
        b"\n".join(lines[:2])
        + b"\n\n   \n{broken\n"
        + json.dumps({"id": "long", "text": long_text}, ensure_ascii=False).encode()
        + b"\r\n"
        + b'{"id": "u", "text": "\xff bad"}\n'
        + lines[2]  # no final line break
    )
    (tmp_path / "a.jsonl").write_bytes(body)
    (tmp_path / "blank.jsonl").write_bytes(b"\n  \n")
    with gzip.open(tmp_path / "c.jsonl.gz", "wb") as f:
        f.write(body)
    paths = [str(tmp_path / n) for n in ("a.jsonl", "blank.jsonl", "c.jsonl.gz")]
    want_docs, want_problems = read(paths)
    got_docs, got_problems = read_raw(paths)
    assert got_docs == want_docs
    assert [d.line for d in got_docs if d.source.endswith("a.jsonl")] == [1, 2, 6, 8]
    key = lambda p: (p.source, p.line or 0, p.reason)  # noqa: E731
    assert sorted(got_problems, key=key) == sorted(want_problems, key=key)
    assert [(p.line, p.reason) for p in want_problems if p.source.endswith("a.jsonl")] == [
        (5, "not_json"),
        (7, "invalid_utf8"),
    ]


def test_raw_blocks_of_a_truncated_gzip_keep_the_lines_before_the_damage(tmp_path):
    good = tmp_path / "cut.jsonl.gz"
    write_jsonl(good, RECORDS * 200, gzip.open)
    data = good.read_bytes()
    good.write_bytes(data[: len(data) // 2])
    want_docs, want_problems = read([str(good)])
    got_docs, got_problems = read_raw([str(good)])
    assert got_docs == want_docs and len(got_docs) > 0
    assert [(p.line, p.reason) for p in got_problems] == [(p.line, p.reason) for p in want_problems]
