"""The ACLED export: ACLED's 31 columns and value conventions, rows ACLED would not hold left
out and counted, and a file that concatenates with an ACLED export (a hand-written sample in
ACLED's format, tests/data/acled_sample.csv) and passes tools/check_acled.py."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rasid.acled import ACLED_COLUMNS, AcledRows, acled_row
from rasid.cli import main

DATA = Path(__file__).parent / "data"
TOOL = Path(__file__).parent.parent / "tools" / "check_acled.py"

# the record rasid writes for «قصفت القوات التركية بالمدفعية قرية قرب زاخو في دهوك فجر
# الثلاثاء، ما أدى إلى مقتل مدنيين اثنين.» published 2023-11-14
SHELLING = {
    "event_id": "5e1f0c2a9b7d3e41",
    "doc_id": "d1",
    "event_type": "shelling",
    "date": "2023-11-14",
    "date_precision": "day",
    "date_text": "فجر الثلاثاء",
    "location": {
        "mention": "زاخو", "start": 39, "end": 43, "id": "iq.loc.zakho", "name_ar": "زاخو",
        "name_en": "Zakho", "kind": "city", "admin1": "Duhok", "country": "IQ",
        "lat": 37.15434, "lon": 42.68787, "precision": "town",
    },
    "outcome": None,
    "launch_location": None,
    "weapon": "artillery",
    "munitions": None,
    "killed": {"min": 2, "max": 2, "approx": False, "text": "مدنيين اثنين", "start": 82,
               "end": 94},
    "wounded": None,
    "actor": {"mention": "القوات التركية", "start": 5, "end": 19, "id": "actor.turkish_forces",
              "name_ar": "الجيش التركي", "name_en": "Turkish Armed Forces"},
    "claimed_by": None,
    "accused": [],
    "target": None,
    "background": False,
    "confidence": 0.8,
    "evidence": [{"start": 0, "end": 70, "text": "قصفت القوات التركية بالمدفعية قرية"}],
    "outlet": "Example Wire",
}  # fmt: skip

CLAIMED_DRONES = {
    **SHELLING,
    "event_id": "77aa01bb02cc03dd",
    "event_type": "drone_attack",
    "date": "2023-11",
    "date_precision": "month",
    "weapon": "drone",
    "location": {
        "mention": "قاعدة حرير", "start": 56, "end": 66, "id": "iq.site.harir",
        "name_ar": "قاعدة حرير", "name_en": "Harir Air Base (Bashur airfield)",
        "kind": "airbase", "admin1": "Erbil", "country": "IQ", "lat": 36.5337, "lon": 44.3399,
        "precision": "point",
    },
    "munitions": {"min": 2, "max": 2, "approx": False, "text": "بطائرتين مسيرتين", "start": 70,
                  "end": 86},
    "killed": None,
    "actor": None,
    "claimed_by": {"mention": "المقاومة الإسلامية في العراق", "start": 6, "end": 34,
                   "id": "actor.islamic_resistance_in_iraq",
                   "name_ar": "المقاومة الإسلامية في العراق",
                   "name_en": "Islamic Resistance in Iraq"},
    "target": "القوات الأميركية",
    "confidence": 0.9,
}  # fmt: skip


def test_a_row_has_acleds_columns_and_conventions():
    row = acled_row(SHELLING, timestamp=1700000000)
    assert list(row) == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    assert row == {
        "event_id_cnty": "IRQ-rasid-5e1f0c2a9b7d3e41",
        "event_date": "2023-11-14",
        "year": 2023,
        "time_precision": 1,
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        # Turkish forces in Iraq: ACLED's name for state forces, the unit as associate,
        # external to the country of the event
        "actor1": "Military Forces of Turkey",
        "assoc_actor_1": "Turkish Armed Forces",
        "inter1": "External/Other forces",
        "actor2": "",
        "assoc_actor_2": "",
        "inter2": "",
        "interaction": "External/Other forces only",
        "civilian_targeting": "",
        "iso": 368,
        "region": "Middle East",
        "country": "Iraq",
        "admin1": "Duhok",
        "admin2": "",
        "admin3": "",
        "location": "Zakho",
        "latitude": 37.15434,
        "longitude": 42.68787,
        "geo_precision": 1,
        "source": "Example Wire",
        "source_scale": "",
        "notes": "On 14 November 2023, shelling (artillery) was reported at Zakho (Duhok, "
        "Iraq). 2 killed. Attributed to Turkish Armed Forces.",
        "fatalities": 2,
        "tags": "rasid confidence 0.8; rasid event 5e1f0c2a9b7d3e41",
        "timestamp": 1700000000,
    }


def test_claim_target_month_and_interaction():
    row = acled_row(CLAIMED_DRONES, timestamp=1700000000)
    # a month alone: the middle of the month, time precision 3
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2023-11-15", 2023, 3)
    assert (row["event_type"], row["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert (row["actor1"], row["assoc_actor_1"], row["inter1"]) == (
        "Islamic Resistance in Iraq",
        "",
        "Political militia",
    )
    # the target text names U.S. forces: ACLED's actor, external to Iraq; lower type first
    assert (row["actor2"], row["assoc_actor_2"], row["inter2"]) == (
        "Military Forces of the United States",
        "U.S. forces / CENTCOM",
        "External/Other forces",
    )
    assert row["interaction"] == "Political militia-External/Other forces"
    assert row["fatalities"] == 0
    assert row["tags"] == "claimed; rasid confidence 0.9; rasid event 77aa01bb02cc03dd"
    assert row["notes"] == (
        "In November 2023, a drone attack (2 munitions, drone) was reported at Harir Air Base "
        "(Bashur airfield) (Erbil, Iraq). Claimed by Islamic Resistance in Iraq."
    )


@pytest.mark.parametrize(
    ("change", "column", "value"),
    [
        ({"event_type": "armed_clash", "weapon": "firearms"}, "sub_event_type", "Armed clash"),
        ({"event_type": "ied_attack", "weapon": "car_bomb"}, "sub_event_type",
         "Remote explosive/landmine/IED"),
        ({"event_type": "air_strike"}, "sub_event_type", "Air/drone strike"),
        ({"event_type": "other_attack", "weapon": "mortar"}, "sub_event_type",
         "Shelling/artillery/missile attack"),
        ({"event_type": "other_attack", "weapon": None}, "event_type", "Battles"),
        ({"actor": None}, "actor1", "Unidentified Armed Group (Iraq)"),
        ({"actor": None}, "inter1", "Political militia"),
        ({"location": {**SHELLING["location"], "kind": "district", "precision": "district",
                       "name_en": "Zakho District"}}, "admin2", "Zakho District"),
        ({"location": {**SHELLING["location"], "precision": "governorate"}}, "geo_precision", 3),
        ({"location": {**SHELLING["location"], "precision": "approximate"}}, "geo_precision", 2),
        ({"killed": {"min": 3, "max": 7, "approx": False, "text": "3-7"}}, "fatalities", 3),
        ({"outlet": None, "url": "https://example.org/a"}, "source", "https://example.org/a"),
        ({"outlet": None}, "source", "rasid document d1"),
        ({"target": "القوات التركية"}, "actor2", ""),  # not the attacker again
    ],
)  # fmt: skip
def test_mapping_rules(change, column, value):
    assert acled_row({**SHELLING, **change}, timestamp=1)[column] == value


def test_source_field_names_the_outlet():
    record = {**SHELLING, "site": "example.net"}
    assert acled_row(record, source_field="site", timestamp=1)["source"] == "example.net"


def test_rows_acled_would_not_hold_are_left_out_and_counted():
    rows = AcledRows(timestamp=1)
    records = [
        SHELLING,
        {**SHELLING, "background": True},
        {**SHELLING, "date": "2023", "date_precision": "year"},
        {**SHELLING, "date": None},
        {**SHELLING, "location": None},
    ]
    assert [rows.row(r) is not None for r in records] == [True, False, False, False, False]
    assert rows.summary() == (
        "rasid: the ACLED file leaves out 4 events (background 1, undated 2, unlocated 1); "
        "--background keeps background events"
    )
    keep_background = AcledRows(background=True, timestamp=1)
    row = keep_background.row({**SHELLING, "background": True})
    assert row["tags"].startswith("background; ")
    assert keep_background.summary() is None


def _check_acled():
    spec = importlib.util.spec_from_file_location("check_acled", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_hand_written_acled_sample_passes_the_check():
    n, problems = _check_acled().check_file(str(DATA / "acled_sample.csv"))
    assert (n, problems) == (4, [])


def test_the_check_names_each_wrong_column(tmp_path):
    with open(DATA / "acled_sample.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows[0].update(year="2020", inter1="Militia", interaction="x", notes="قصف", iso="IRQ")
    bad = tmp_path / "bad.csv"
    with open(bad, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=ACLED_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    _, problems = _check_acled().check_file(str(bad))
    columns = [p.split(": ")[1] for p in problems]
    assert columns == ["year", "inter1", "iso", "notes", "notes"]


# my own sentences, one per event kind ACLED distinguishes
ARTICLES = [
    {"id": "t1", "outlet": "Example Wire", "published": "Tue, 14 Nov 2023 09:00:00 GMT",
     "text": "قصفت القوات التركية بالمدفعية قرية قرب زاخو في دهوك فجر الثلاثاء، ما أدى إلى "
             "مقتل مدنيين اثنين."},
    {"id": "t2", "outlet": "Example Daily", "published": "١٤/١١/٢٠٢٣",
     "text": "أعلنت المقاومة الإسلامية في العراق مسؤوليتها عن استهداف قاعدة حرير في أربيل "
             "بطائرتين مسيرتين يوم الأحد."},
    {"id": "t3", "outlet": "Example Wire", "published": "14 تشرين الثاني 2023",
     "text": "سقطت ثلاثة صواريخ كاتيوشا مساء الأربعاء على قاعدة عين الأسد في الأنبار، وأصيب "
             "جنديان."},
]  # fmt: skip


def test_extract_acled_concatenates_with_an_acled_export(tmp_path):
    pd = pytest.importorskip("pandas")
    src = tmp_path / "news.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES),
                   encoding="utf-8")  # fmt: skip
    out = tmp_path / "events.csv"
    res = CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "-f", "acled", "-w", "1"])
    assert res.exit_code == 0, res.output
    n, problems = _check_acled().check_file(str(out))
    assert (n, problems) == (3, [])
    ours = pd.read_csv(out, keep_default_na=False)
    theirs = pd.read_csv(DATA / "acled_sample.csv", keep_default_na=False)
    assert list(ours.columns) == list(theirs.columns) == ACLED_COLUMNS
    assert list(ours["source"]) == ["Example Wire", "Example Daily", "Example Wire"]
    assert list(ours["event_date"]) == ["2023-11-14", "2023-11-12", "2023-11-08"]
    for column in ("year", "time_precision", "iso", "latitude", "longitude", "geo_precision",
                   "fatalities", "timestamp"):  # fmt: skip
        assert ours[column].dtype == theirs[column].dtype, column
    both = pd.concat([theirs, ours], ignore_index=True)
    assert len(both) == 7
    assert both.groupby(ACLED_COLUMNS, dropna=False).size().sum() == 7
    assert both.groupby(["country", "event_type"]).size().to_dict() == {
        ("Iraq", "Explosions/Remote violence"): 4,
        ("Iraq", "Violence against civilians"): 1,
        ("Syria", "Battles"): 1,
        ("Syria", "Explosions/Remote violence"): 1,
    }
    assert pd.to_datetime(both["event_date"]).dt.year.tolist() == both["year"].tolist()
