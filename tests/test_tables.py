"""The table API: rasid.extract_many on texts and records (one process and a pool give the
same events), rasid.read_events, rasid.to_pandas / rasid.to_polars typed, and a clear error
when the optional data-frame library is missing."""

from __future__ import annotations

import builtins
import datetime as dt
import json

import pytest
import rasid
from rasid.errors import OptionError
from rasid.io import Problem

# my own sentences: a small archive of four articles, two with an attack
ROCKETS = "سقطت ثلاثة صواريخ كاتيوشا مساء الأربعاء على قاعدة عين الأسد في الأنبار، وأصيب جنديان."
DRONES = (
    "أعلنت المقاومة الإسلامية في العراق مسؤوليتها عن استهداف قاعدة حرير في أربيل بطائرتين "
    "مسيرتين يوم الأحد."
)
ECONOMY = "ارتفعت أسعار النفط في الأسواق العالمية صباح اليوم."
ARCHIVE = [
    {"id": "n1", "text": ROCKETS, "published": "Thu, 09 Jan 2020 08:00:00 GMT", "url": "u1"},
    {"id": "n2", "text": ECONOMY, "published": "2020-01-09", "url": "u2"},
    {"id": "n3", "text": DRONES, "published": "١٤ تشرين الثاني ٢٠٢٣", "url": "u3"},
    {"id": "n4", "text": "", "url": "u4"},
]


def test_extract_many_on_texts():
    events = list(rasid.extract_many([ROCKETS, ECONOMY], published="2020-01-09"))
    assert [(e["doc_id"], e["event_type"], e["date"]) for e in events] == [
        ("0", "rocket_attack", "2020-01-08")
    ]
    [expected] = rasid.extract(ROCKETS, published="2020-01-09", doc_id="0")
    assert events == [expected.to_dict()]


def test_extract_many_on_records_reads_their_dates_and_keeps_fields():
    problems: list[Problem] = []
    events = list(rasid.extract_many(ARCHIVE, keep=["url"], on_problem=problems.append))
    assert [(e["doc_id"], e["event_type"], e["date"], e["url"]) for e in events] == [
        ("n1", "rocket_attack", "2020-01-08", "u1"),
        ("n3", "drone_attack", "2023-11-12", "u3"),
    ]
    assert [str(p) for p in problems] == ["<records>:4: no_text: field 'text' empty"]


def test_a_pool_gives_the_events_of_one_process():
    records = ARCHIVE[:3] * 30
    records = [{**r, "id": f"{r['id']}-{i}"} for i, r in enumerate(records)]
    one = list(rasid.extract_many(records, workers=1))
    two = list(rasid.extract_many(records, workers=2))
    assert one == two and len(one) == 60


def test_stopping_early_ends_the_pool():
    records = [{"id": str(i), "text": ROCKETS, "published": "2020-01-09"} for i in range(400)]
    events = rasid.extract_many(records, workers=2)
    first = [next(events) for _ in range(3)]
    events.close()
    assert [e["doc_id"] for e in first] == ["0", "1", "2"]


def test_bad_arguments():
    with pytest.raises(OptionError, match="keep='date' is the name of an event field"):
        list(rasid.extract_many([ROCKETS], keep=["date"]))
    with pytest.raises(OptionError, match="workers must be at least 1, not 0"):
        list(rasid.extract_many([ROCKETS], workers=0))


def test_unreadable_date_warns_and_keeps_the_article():
    with pytest.warns(UserWarning, match="kept without a publication date: <records>:1: "
                      "bad_date: unparseable publication date 'soon'"):  # fmt: skip
        events = list(rasid.extract_many([{"id": "x", "text": ROCKETS, "published": "soon"}]))
    assert len(events) == 1 and events[0]["date"] is None


def test_read_events_is_public(tmp_path):
    events = list(rasid.extract_many(ARCHIVE[:1]))
    path = tmp_path / "e.jsonl"
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events))
    assert list(rasid.read_events(str(path))) == events


def test_to_pandas_is_typed():
    pd = pytest.importorskip("pandas")
    events = list(rasid.extract_many(ARCHIVE, keep=["url"], on_problem=lambda p: None))
    df = rasid.to_pandas(events)
    assert len(df) == 2 and list(df.columns)[-1] == "url"
    assert str(df["date"].dtype).startswith("datetime64")
    assert df["date"].tolist() == [pd.Timestamp("2020-01-08"), pd.Timestamp("2023-11-12")]
    assert str(df["wounded_min"].dtype) == "Int64" and df["wounded_min"].tolist()[0] == 2
    assert str(df["background"].dtype) == "boolean"
    assert df["evidence"][0][0]["text"].startswith("سقطت ثلاثة صواريخ")
    assert df.groupby("event_type").size().to_dict() == {"drone_attack": 1, "rocket_attack": 1}


def test_to_polars_is_typed():
    pl = pytest.importorskip("polars")
    events = rasid.extract_many(ARCHIVE, keep=["url"], on_problem=lambda p: None)
    frame = rasid.to_polars(events)
    assert frame.schema["date"] == pl.Date and frame.schema["munitions_min"] == pl.Int64
    assert frame["date"].to_list() == [dt.date(2020, 1, 8), dt.date(2023, 11, 12)]
    assert frame["url"].to_list() == ["u1", "u3"]


@pytest.mark.parametrize(("fn", "module"), [("to_pandas", "pandas"), ("to_polars", "polars")])
def test_missing_dataframe_library_is_a_clear_error(monkeypatch, fn, module):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == module:
            raise ImportError(f"No module named {module!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(
        ImportError, match=rf"rasid.{fn} needs {module}: pip install rasid\[{module}\]"
    ):
        getattr(rasid, fn)([])
