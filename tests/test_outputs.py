"""Outputs an analyst loads without fixing: every publication date form end to end, --keep
and --source-field, typed CSV / Parquet / GeoJSON, and every silent mistake of the CLI now
an error with its message (unknown extension, empty -o, misspelt field option, dedup of a
file that is not rasid events)."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rasid.cli import main
from rasid.io import COLUMNS, open_writer, output_format, read_events
from test_io import PUBLISHED_FORMS, pyarrow_or_skip
from test_pipeline import fake_extract

FAKE = ["--extractor", "test_pipeline:fake_extract", "--workers", "1"]
DATA = Path(__file__).parent / "data"


def invoke(*args):
    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart already
        runner = CliRunner()
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def write_jsonl(path, records):
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return str(path)


ARTICLES = [
    {"id": "a", "text": "سقطت صواريخ على التاجي وأدت إلى مقتل 2.", "published": "2020-03-12",
     "url": "https://example.org/a", "outlet": "Example Wire", "title": "صواريخ على التاجي"},
    {"id": "b", "text": "هاجمت طائرة مسيرة على بلد.", "published": "Fri, 13 Mar 2020 07:00:00 GMT",
     "url": "https://example.org/b", "outlet": "Example Daily", "title": "مسيرة"},
]  # fmt: skip


# -- publication dates ------------------------------------------------------------------------


def test_no_article_is_lost_for_its_date(tmp_path):
    forms = [(v, want) for v, want in PUBLISHED_FORMS if not hasattr(v, "isoformat")]
    forms = [(v, want) for v, want in forms if not (isinstance(v, float) and v != v)]
    garbage = ["soon", "2020-13-01", "أمس"]
    records = [
        {"id": f"f{i}", "text": "سقطت صواريخ على التاجي", "published": value}
        for i, (value, _) in enumerate(forms)
    ] + [{"id": f"g{i}", "text": "سقطت صواريخ على التاجي", "published": g}
         for i, g in enumerate(garbage)]  # fmt: skip
    src = write_jsonl(tmp_path / "dates.jsonl", records)
    res = invoke("extract", src, *FAKE)
    assert res.exit_code == 0, res.stderr
    got = {e["doc_id"]: e["date"] for e in map(json.loads, res.stdout.splitlines())}
    # the fake extractor dates its event with the publication date it was given
    assert got == {
        **{f"f{i}": want for i, (_, want) in enumerate(forms)},
        **{f"g{i}": None for i in range(len(garbage))},
    }
    n = len(records)
    assert res.stderr.splitlines() == [
        "rasid: warning: 3 documents kept without a publication date that could not be read "
        f"(first: {src}:{len(forms) + 1}: bad_date: unparseable publication date 'soon')",
        f"rasid: {n} documents read, 0 skipped, 3 kept without a usable date (bad_date 3), "
        f"{n} events written in " + res.stderr.splitlines()[-1].split(" written in ")[1],
    ]


# -- output format from -o --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fmt", "want"),
    [
        ("x.jsonl", None, "jsonl"),
        ("x.ndjson", None, "jsonl"),
        ("x.jsonl.gz", None, "jsonl"),
        ("x.CSV", None, "csv"),
        ("x.csv.gz", None, "csv"),
        ("x.csv", "acled", "acled"),
        ("x.csv.gz", "acled", "acled"),
        ("x.parquet", None, "parquet"),
        ("x.geojson", None, "geojson"),
        ("x.geojson.gz", None, "geojson"),
        ("x.out", "csv", "csv"),  # an extension rasid does not know, with --format
        ("events", None, "jsonl"),  # no extension: the documented default
        ("tmp.Xa3fQ9", None, "jsonl"),  # a temporary file's suffix names no format
        ("x.xlsx.gz", "csv", "csv"),
        (None, None, "jsonl"),
        ("-", "csv", "csv"),
    ],
)
def test_output_format(path, fmt, want):
    assert output_format(path, fmt) == want


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "out.xlsx"], "out.xlsx: unknown output extension .xlsx (known: .jsonl, .ndjson, "
         ".json, .csv, .parquet, .geojson (each also with .gz, except .parquet)); or give "
         "--format (jsonl, csv, acled, parquet, geojson)"),
        (["-o", "out.tsv"], "out.tsv: unknown output extension .tsv (known:"),
        (["-o", ""], "the output file name is empty (give a file name, or - for stdout)"),
        (["-o", "  "], "the output file name is empty"),
        (["-o", "x.parquet.gz"], "x.parquet.gz: parquet cannot be gzipped (Parquet compresses "
         "inside: use .parquet)"),
        (["-o", "x.csv", "-f", "parquet"], "x.csv: the extension says csv but the format is "
         "parquet"),
        (["-o", "x.jsonl", "--keep", "event_type"], "'event_type' is the name of an event "
         "field; an input field of that name cannot be kept"),
    ],
)  # fmt: skip
def test_output_mistakes_are_errors(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    src = write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    res = invoke("extract", src, *args, *FAKE)
    assert res.exit_code == 2
    assert message in " ".join(res.stderr.split())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]  # nothing written


def test_csv_gz_is_gzipped_csv(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    out = tmp_path / "events.csv.gz"
    assert invoke("extract", src, "-o", out, *FAKE).exit_code == 0
    assert out.read_bytes()[:2] == b"\x1f\x8b"
    with gzip.open(out, "rt", encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert header == [c for c, _ in COLUMNS]
    assert [e["doc_id"] for e in read_events(str(out))] == ["a", "b"]


# -- field options ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--text-field", "body"),
        ("--id-field", "key"),
        ("--date-field", "pubdate"),
        ("--keep", "titel"),
        ("--source-field", "site"),
    ],
)
def test_a_field_option_matching_nothing_is_an_error(tmp_path, option, value):
    src = write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    res = invoke("extract", src, option, value, *FAKE)
    assert res.exit_code == 2
    assert (
        f"{option} {value!r} matches no field of the input's first records (fields found: "
        "id, text, published, url, outlet, title)" in " ".join(res.stderr.split())
    )
    assert res.stdout == ""


def test_field_options_of_a_csv_input_are_checked_on_its_header(tmp_path):
    src = tmp_path / "a.csv"
    src.write_text("key,body\nk1,سقطت صواريخ على التاجي\n", encoding="utf-8")
    res = invoke("extract", src, "--id-field", "id", "--text-field", "body", *FAKE)
    assert res.exit_code == 2
    assert "--id-field 'id' matches no field" in res.stderr
    assert "(fields found: key, body)" in res.stderr
    ok = invoke("extract", src, "--id-field", "key", "--text-field", "body", *FAKE)
    assert ok.exit_code == 0 and json.loads(ok.stdout.splitlines()[0])["doc_id"] == "k1"


def test_default_id_and_date_fields_may_be_absent(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"text": "سقطت صواريخ على التاجي"}])
    res = invoke("extract", src, *FAKE)
    assert res.exit_code == 0
    assert json.loads(res.stdout)["doc_id"] == "a:1"


# -- --keep and --source-field ----------------------------------------------------------------


@pytest.mark.parametrize("ext", ["jsonl", "csv", "parquet", "geojson"])
def test_keep_carries_input_fields_into_every_output(tmp_path, ext):
    if ext == "parquet":
        pyarrow_or_skip()
    src = write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    out = tmp_path / f"events.{ext}"
    res = invoke("extract", src, "-o", out, "--keep", "url", "--keep", "title", *FAKE)
    assert res.exit_code == 0, res.stderr
    back = list(read_events(str(out)))
    assert [(e["doc_id"], e["url"], e["title"]) for e in back] == [
        ("a", "https://example.org/a", "صواريخ على التاجي"),
        ("b", "https://example.org/b", "مسيرة"),
    ]


def test_source_field_gives_acleds_source(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    out = tmp_path / "acled.csv"
    res = invoke("extract", src, "-o", out, "-f", "acled", "--source-field", "url", *FAKE)
    assert res.exit_code == 0, res.stderr
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["source"] for r in rows] == ["https://example.org/a", "https://example.org/b"]
    # without --source-field: the input's outlet field
    res = invoke("extract", src, "-o", out, "-f", "acled", *FAKE)
    with open(out, encoding="utf-8", newline="") as f:
        assert [r["source"] for r in csv.DictReader(f)] == ["Example Wire", "Example Daily"]


# -- typed outputs ----------------------------------------------------------------------------

MONTH_EVENT = {
    **fake_extract("سقطت صواريخ على التاجي وأدت إلى مقتل 2.", published="2020-03-12", doc_id="m")[
        0
    ],
    "date": "2020-02",
    "date_precision": "month",
}
DAY_EVENT = fake_extract("هاجمت طائرة مسيرة قاعدة بلد.", published="2020-03-13", doc_id="d")[0]


def write(path, events, **kw):
    with open_writer(str(path), **kw) as w:
        for e in events:
            w.write(e)
    return str(path)


def test_csv_has_one_date_type_that_pandas_and_polars_parse(tmp_path):
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    path = write(tmp_path / "e.csv", [MONTH_EVENT, DAY_EVENT])
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["date"], r["date_precision"], r["date_end"]) for r in rows] == [
        ("2020-02-01", "month", "2020-02-29"),
        ("2020-03-13", "day", "2020-03-13"),
    ]
    df = pd.read_csv(path, parse_dates=["date", "date_end"])
    assert str(df["date"].dtype).startswith("datetime64")
    pf = pl.read_csv(path).with_columns(pl.col("date").str.to_date())
    assert pf["date"].dtype == pl.Date
    assert list(read_events(path)) == [MONTH_EVENT, DAY_EVENT]  # the record's own date back


def test_parquet_is_typed_with_structs(tmp_path):
    pa, pq = pyarrow_or_skip()
    path = write(tmp_path / "e.parquet", [MONTH_EVENT, DAY_EVENT], keep=["url"])
    schema = pq.read_schema(path)
    assert schema.field("date").type == pa.date32()
    assert schema.field("date_end").type == pa.date32()
    assert schema.field("confidence").type == pa.float64()
    assert schema.field("background").type == pa.bool_()
    assert schema.field("killed").type == pa.struct(
        [("min", pa.int64()), ("max", pa.int64()), ("approx", pa.bool_()),
         ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())]
    )  # fmt: skip
    assert pa.types.is_struct(schema.field("location").type)
    assert schema.field("location").type.field("lat").type == pa.float64()
    assert schema.field("evidence").type == pa.list_(
        pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    )
    assert schema.field("url").type == pa.string()
    table = pq.read_table(path)
    assert table.column("killed").to_pylist()[0]["min"] == 2
    assert [str(d) for d in table.column("date_end").to_pylist()] == ["2020-02-29", "2020-03-13"]
    assert list(read_events(path)) == [{**MONTH_EVENT, "url": None}, {**DAY_EVENT, "url": None}]


def test_geojson_properties_are_flat_and_typed(tmp_path):
    path = write(tmp_path / "e.geojson", [MONTH_EVENT, DAY_EVENT])
    features = json.loads(Path(path).read_text(encoding="utf-8"))["features"]
    props = features[0]["properties"]
    assert props["killed_min"] == 2 and props["location_name_en"] == "Camp Taji"
    assert (props["date"], props["date_end"]) == ("2020-02-01", "2020-02-29")
    assert all(not isinstance(v, (dict, list)) for k, v in props.items() if k != "detail")
    assert set(props["detail"]) == {"accused", "evidence"}
    assert props["detail"]["evidence"] == MONTH_EVENT["evidence"]
    assert list(read_events(path)) == [MONTH_EVENT, DAY_EVENT]


# -- dedup refuses what is not rasid events ---------------------------------------------------


def test_dedup_refuses_an_acled_export(tmp_path):
    res = invoke("dedup", DATA / "acled_sample.csv", "-o", tmp_path / "x.jsonl")
    assert res.exit_code == 2
    assert (
        f"{DATA / 'acled_sample.csv'}: not rasid events (an events file has the fields "
        "event_id, doc_id, event_type, evidence; found: event_id_cnty, event_date, year"
        in " ".join(res.stderr.split())
    )
    assert not (tmp_path / "x.jsonl").exists()


def test_dedup_refuses_an_article_archive(tmp_path):
    src = write_jsonl(tmp_path / "news.jsonl", ARTICLES)
    res = invoke("dedup", src)
    assert res.exit_code == 2
    assert "not rasid events" in res.stderr and "found: id, text, published" in res.stderr


def test_dedup_keeps_kept_fields(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    events = tmp_path / "events.csv"
    assert invoke("extract", src, "-o", events, "--keep", "url", *FAKE).exit_code == 0
    out = tmp_path / "clustered.csv"
    res = invoke("dedup", events, "-o", out)
    assert res.exit_code == 0, res.stderr
    back = list(read_events(str(out)))
    assert [e["url"] for e in back] == ["https://example.org/a", "https://example.org/b"]
    assert all(e["cluster_id"] for e in back)


def test_export_from_a_store_keeps_fields_and_writes_acled(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    db = tmp_path / "events.sqlite"
    assert (
        invoke("extract", src, "--db", db, "--keep", "url", "--keep", "outlet", *FAKE).exit_code
        == 0
    )
    out = tmp_path / "events.csv"
    res = invoke("export", "--db", db, "-o", out, "--keep", "url")
    assert res.exit_code == 0, res.stderr
    assert [e["url"] for e in read_events(str(out))] == [
        "https://example.org/a",
        "https://example.org/b",
    ]
    acled = tmp_path / "acled.csv"
    res = invoke("export", "--db", db, "-o", acled, "-f", "acled", "--source-field", "url")
    assert res.exit_code == 0, res.stderr
    with open(acled, encoding="utf-8", newline="") as f:
        assert [r["source"] for r in csv.DictReader(f)] == [
            "https://example.org/a",
            "https://example.org/b",
        ]
