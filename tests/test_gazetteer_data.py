"""Checks on the shipped gazetteer data (places, villages, sites, actors).

These tests read the CSV files directly, so they hold whatever engine loads them.
"""

from __future__ import annotations

import csv
import filecmp
import math
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
import rasid

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "python" / "rasid" / "data" / "gazetteer"
SOURCE = Path(os.environ.get("RASID_GAZETTEER_SOURCE", ROOT.parent / "shared" / "data"))

PLACE_COLUMNS = [
    "name",
    "id",
    "kind",
    "name_ar",
    "name_en",
    "admin1",
    "country",
    "lat",
    "lon",
    "precision",
    "ambiguous",
    "source",
]
ACTOR_COLUMNS = [
    "name",
    "id",
    "kind",
    "name_ar",
    "name_en",
    "actor_type",
    "country",
    "parent",
    "source",
]
PLACE_KINDS = {
    "region",
    "country",
    "governorate",
    "district",
    "subdistrict",
    "city",
    "town",
    "village",
    "base",
    "airbase",
    "airport",
    "camp",
    "embassy",
    "oil_field",
    "border_crossing",
    "zone",
    "site",
}
PRECISIONS = {
    "point",
    "site",
    "town",
    "neighbourhood",
    "approximate",
    "subdistrict",
    "district",
    "governorate",
    "country",
}
BBOX = {
    "IQ": (29.0, 38.7, 37.5, 48.8),
    "SY": (32.3, 35.6, 37.4, 42.4),
    "JO": (29.1, 34.9, 33.4, 39.4),
}
ARABIC = range(0x0621, 0x064B)


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _place_files() -> list[Path]:
    return sorted(p for p in DATA.glob("*.csv") if p.name not in ("actors.csv", "events.csv"))


def _place_rows() -> list[dict[str, str]]:
    rows = []
    for p in _place_files():
        rows.extend(_read(p)[1])
    return rows


# the regional layer's demonyms («التركي» -> TR) share the place columns but are no places
DEMONYMS = [r for r in _place_rows() if r["kind"] == "demonym"]
PLACES = [r for r in _place_rows() if r["kind"] != "demonym"]
BY_NAME: dict[str, list[dict[str, str]]] = defaultdict(list)
for _r in PLACES:
    BY_NAME[_r["name"]].append(_r)
ACTORS = _read(DATA / "actors.csv")[1]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def test_expected_files_exist_and_are_small():
    names = {p.name for p in DATA.glob("*.csv")}
    assert {"places.csv", "sites.csv", "actors.csv"} <= names
    assert any(n.startswith("villages_iq_") for n in names)
    assert any(n.startswith("villages_sy_") for n in names)
    for p in DATA.glob("*.csv"):
        if p.name != "events.csv":  # the event lexicon is not built here
            assert p.stat().st_size < 1_000_000, p.name
    assert (DATA / "SOURCES.md").is_file()


@pytest.mark.parametrize("path", _place_files(), ids=lambda p: p.name)
def test_place_file_header(path):
    header, rows = _read(path)
    assert header == PLACE_COLUMNS
    assert rows


def test_actor_file_header():
    header, rows = _read(DATA / "actors.csv")
    assert header == ACTOR_COLUMNS
    assert len(rows) > 200


def test_every_place_row_is_valid():
    for r in PLACES:
        assert r["kind"] in PLACE_KINDS, r
        assert r["precision"] in PRECISIONS, r
        assert r["ambiguous"] in ("0", "1", "2"), r
        assert re.fullmatch("[A-Z]{2}", r["country"]), r  # ISO 3166-1 alpha-2
        lat, lon = float(r["lat"]), float(r["lon"])
        s, w, n, e = BBOX.get(r["country"], (-90.0, -180.0, 90.0, 180.0))
        assert s <= lat <= n and w <= lon <= e, r
        assert any(ord(c) in ARABIC for c in r["name_ar"]), r
        assert any(ord(c) in ARABIC for c in r["name"]), r
        assert r["name"] == r["name"].strip() and "  " not in r["name"], r
        assert r["id"] and r["id"].isascii() and " " not in r["id"], r
        assert r["source"], r
        assert "/" not in r["source"], r  # no machine paths


def test_admin1_is_a_governorate_name():
    govs = {(r["country"], r["admin1"]) for r in PLACES if r["kind"] == "governorate"}
    assert len({g for g in govs if g[0] in ("IQ", "SY")}) == 32
    for r in PLACES:
        if r["country"] in ("IQ", "SY") and r["kind"] != "country":
            assert (r["country"], r["admin1"]) in govs, r


# first-level divisions of the regional layer, by country (the few left without an Arabic
# name of their own give their towns an admin1 all the same)
DIVISION_COUNTS = {
    "JO": 12, "LB": 8, "IL": 2, "PS": 16, "YE": 22, "SA": 13, "AE": 7, "QA": 8, "KW": 5,
    "BH": 3, "OM": 11, "EG": 27, "LY": 22, "SD": 18, "TR": 81, "IR": 31,
}  # fmt: skip


def test_regional_divisions():
    ids: dict[str, set] = defaultdict(set)
    for r in PLACES:
        if r["kind"] == "governorate" and r["country"] not in ("IQ", "SY"):
            ids[r["country"]].add(r["id"])
            assert r["admin1"] == r["name_en"] and r["precision"] == "governorate", r
            assert r["source"].startswith("iso3166-2:" + r["country"] + "-"), r
    assert {cc: len(v) for cc, v in ids.items()} == DIVISION_COUNTS


def test_regional_towns_have_the_admin1_of_a_division():
    divisions = defaultdict(set)
    for r in PLACES:
        if r["kind"] == "governorate":
            divisions[r["country"]].add(r["admin1"])
    towns = [r for r in PLACES if r["country"] in DIVISION_COUNTS and r["kind"] in ("city", "town")]
    with_admin1 = [r for r in towns if r["admin1"]]
    assert len(with_admin1) > 0.99 * len(towns)
    # (the towns of the divisions left unnamed carry their English name too)
    unnamed = {("IL", n) for n in ("Southern", "Northern", "Central", "Jerusalem")}
    unnamed |= {("KW", "Capital (Al Asimah)"), ("BH", "Capital")}
    for r in with_admin1:
        assert r["admin1"] in divisions[r["country"]] or (r["country"], r["admin1"]) in unnamed, r


# (name, ISO country, admin1): a division's name, prefixed or bare, as the press writes it
DIVISION_NAMES = [
    ("محافظة مأرب", "YE", "Marib"),
    ("محافظة الحديدة", "YE", "Al Hudaydah"),
    ("حضرموت", "YE", "Hadhramaut"),
    ("ولاية هاتاي", "TR", "Hatay"),
    ("ولاية غازي عنتاب", "TR", "Gaziantep"),
    ("ولاية شانلي أورفة", "TR", "Sanliurfa"),
    ("محافظة خوزستان", "IR", "Khuzestan"),
    ("سيستان وبلوشستان", "IR", "Sistan and Baluchestan"),
    ("محافظة كردستان", "IR", "Kurdistan"),
    ("ولاية الخرطوم", "SD", "Khartoum"),
    ("ولاية شمال دارفور", "SD", "North Darfur"),
    ("محافظة النبطية", "LB", "Nabatieh"),
    ("البقاع", "LB", "Beqaa"),
    ("محافظة المفرق", "JO", "Mafraq"),
    ("محافظة رفح", "PS", "Rafah"),
    ("منطقة جازان", "SA", "Jazan"),
    ("إمارة دبي", "AE", "Dubai"),
    ("شمال سيناء", "EG", "North Sinai"),
    ("شعبية الكفرة", "LY", "Kufra"),
]


@pytest.mark.parametrize("name,country,admin1", DIVISION_NAMES, ids=lambda x: str(x))
def test_division_names(name, country, admin1):
    rows = [r for r in BY_NAME[name] if r["kind"] == "governorate" and r["country"] == country]
    assert [r["admin1"] for r in rows] == [admin1], name


def test_division_names_that_are_words_or_elsewhere_are_not_bare():
    # «كردستان» alone is Iraqi Kurdistan; «الشمالية», «الجزيرة» are words; «مأرب», «هاتاي»'s
    # seat and «صنعاء» are towns, which the bare name keeps meaning
    for name in ("كردستان", "الشمالية", "الجزيرة", "العاصمة", "فارس", "عسير"):
        assert not [r for r in BY_NAME[name] if r["kind"] == "governorate"], name
    for name in ("مأرب", "صنعاء", "غزة", "أنطاكية"):
        assert {r["kind"] for r in BY_NAME[name]} & {"city", "town"}, name
        assert not [r for r in BY_NAME[name] if r["kind"] == "governorate"], name


def test_variants_share_every_attribute():
    attrs: dict[str, tuple] = {}
    for r in PLACES:
        values = tuple(r[c] for c in PLACE_COLUMNS[2:])
        assert attrs.setdefault(r["id"], values) == values, r["id"]
    actor_attrs: dict[str, tuple] = {}
    for r in ACTORS:
        values = tuple(r[c] for c in ACTOR_COLUMNS[2:])
        assert actor_attrs.setdefault(r["id"], values) == values, r["id"]


def test_no_duplicate_name_id_rows():
    seen = set()
    for r in PLACES + ACTORS:
        pair = (r["name"], r["id"])
        assert pair not in seen, pair
        seen.add(pair)


def test_ids_do_not_collide_across_tables():
    place_ids = {r["id"] for r in PLACES}
    actor_ids = {r["id"] for r in ACTORS}
    assert not place_ids & actor_ids


def test_no_very_short_or_persian_names():
    for r in PLACES:
        letters = r["name"].replace(" ", "")
        assert len(letters) > 2, r
        assert not set(r["name"]) & set("چگپڤژ"), r
        assert all(len(tok) > 1 or tok.isdigit() for tok in r["name"].split()), r


def test_counts():
    ids_by_kind: dict[str, set] = defaultdict(set)
    for r in PLACES:
        ids_by_kind[r["kind"]].add(r["id"])
    assert len(ids_by_kind["country"]) >= 200
    assert len({i for i in ids_by_kind["governorate"] if i[:3] in ("iq.", "sy.")}) == 18 + 14
    assert len(ids_by_kind["district"]) == 101 + 62
    assert len(ids_by_kind["subdistrict"]) >= 290 + 270
    assert len(ids_by_kind["city"]) >= 150
    assert len(ids_by_kind["village"]) >= 15000


# (name, country, lat, lon) of the regional layer: a place of that name and country lies within
# 15 km (public positions of the cities; countries at their capital).
REGIONAL_PLACES = [
    ("لبنان", "LB", 33.89, 35.50),
    ("بيروت", "LB", 33.89, 35.50),
    ("النبطية", "LB", 33.38, 35.48),
    ("صنعاء", "YE", 15.35, 44.21),
    ("الحديدة", "YE", 14.80, 42.95),
    ("عمان", "JO", 31.95, 35.93),
    ("الأردن", "JO", 31.95, 35.93),
    ("غزة", "PS", 31.50, 34.47),
    ("خان يونس", "PS", 31.34, 34.31),
    ("طرابلس", "LY", 32.89, 13.19),
    ("بنغازي", "LY", 32.12, 20.07),
    ("الخرطوم", "SD", 15.55, 32.53),
    ("الفاشر", "SD", 13.63, 25.35),
    ("طهران", "IR", 35.69, 51.42),
    ("كرمان", "IR", 30.28, 57.08),
    ("تركيا", "TR", 39.92, 32.85),
    ("غازي عنتاب", "TR", 37.07, 37.38),
    ("إيلات", "IL", 29.56, 34.95),
    ("قاعدة العديد", "QA", 25.12, 51.32),
    ("قاعدة إنجرليك", "TR", 37.00, 35.43),
    ("البحر الأحمر", "YE", 15.00, 41.50),
]


@pytest.mark.parametrize("name,country,lat,lon", REGIONAL_PLACES, ids=lambda x: str(x))
def test_regional_places(name, country, lat, lon):
    # names are stored once per spelling rasid's normalization tells apart (بنغازى for بنغازي)
    want = rasid.normalize(name)
    rows = [r for r in PLACES if r["country"] == country and rasid.normalize(r["name"]) == want]
    assert rows, name
    assert min(km(lat, lon, float(r["lat"]), float(r["lon"])) for r in rows) < 15, rows[0]


def test_regional_layer_keeps_iraq_and_syria_names():
    # Kuwait's «الرقة» is not Raqqa's rival; Iraq's and Syria's own layers are not in it
    regional = [r for r in _read(DATA / "regional.csv")[1] if r["kind"] != "demonym"]
    assert not [r for r in regional if r["country"] in ("IQ", "SY")]
    assert not [r for r in regional if r["name"] in ("الرقة", "الموصل", "الرمادي")]


def test_word_names_are_flagged_as_words():
    # ordinary words among the names of villages, neighbourhoods and towns need a place cue
    # (ambiguous=2); a sub-district named الحرية stays 1 (it needs context, not a cue)
    for name in ("الشرطة", "زارة", "الحرية", "الجمعة", "المصدر", "الخبر", "لية"):
        rows = [r for r in BY_NAME[name] if r["kind"] in ("village", "zone", "town", "city")]
        assert rows, name
        assert {r["ambiguous"] for r in rows} == {"2"}, name


# (name, expected id or None, lat, lon): the place must be there within 15 km.
KEY_SITES = [
    ("قاعدة عين الأسد", "iq.site.ain_al_asad", 33.80, 42.44),
    ("عين الأسد", "iq.site.ain_al_asad", 33.80, 42.44),
    ("معسكر التاجي", "iq.site.camp_taji", 33.52, 44.26),
    ("قاعدة التاجي", "iq.site.camp_taji", 33.52, 44.26),
    ("قاعدة بلد الجوية", "iq.site.balad_air_base", 33.94, 44.36),
    ("مطار أربيل", "iq.site.erbil_airport", 36.24, 43.96),
    ("قاعدة حرير", "iq.site.harir", 36.54, 44.34),
    ("قاعدة فكتوريا", "iq.site.victory_base", 33.29, 44.25),
    ("قاعدة فيكتوريا", "iq.site.victory_base", 33.29, 44.25),
    ("فكتوريا", "iq.site.victory_base", 33.29, 44.25),
    ("خور مور", "iq.site.khor_mor", 35.24, 44.72),
    ("مطار بغداد الدولي", "iq.site.baghdad_airport", 33.26, 44.23),
    ("المنطقة الخضراء", "iq.site.green_zone", 33.30, 44.39),
    ("السفارة الأمريكية", "iq.site.us_embassy_baghdad", 33.30, 44.39),
    ("السفارة الأميركية", "iq.site.us_embassy_baghdad", 33.30, 44.39),
    ("الشدادي", None, 36.05, 40.73),
    ("قاعدة الشدادي", "sy.site.shaddadi_base", 36.05, 40.73),
    ("التنف", "sy.site.tanf", 33.49, 38.65),
    ("حقل العمر", "sy.site.omar_field", 35.00, 40.55),
    ("كونيكو", "sy.site.conoco", 35.37, 40.29),
    ("حقل كونيكو", "sy.site.conoco", 35.37, 40.29),
    ("البرج 22", "jo.site.tower_22", 33.32, 38.70),
    ("الرميلان", "sy.site.rmeilan", 37.00, 41.93),
    ("خراب الجير", "sy.site.kharab_al_jir", 36.90, 41.96),
    ("قسرك", "sy.site.qasrak", 36.70, 40.45),
    ("تل بيدر", "sy.site.tal_baydar", 36.70, 40.55),
    ("قصرك", "sy.site.qasrak", 36.70, 40.45),
    ("البرج تي 22", "jo.site.tower_22", 33.32, 38.70),
    ("قاعدة الجبسة", "sy.site.shaddadi_base", 36.05, 40.73),
    ("مخيم الهول", "sy.site.al_hol_camp", 36.39, 41.15),
    ("الركبان", "sy.site.rukban_camp", 33.32, 38.67),
    ("عكاشات", "iq.site.akashat", 33.62, 40.60),
    ("قاعدة الحبانية", "iq.site.taqaddum", 33.35, 43.58),
    ("قاعدة كي وان", "iq.site.k1", 35.50, 44.27),
    ("قاعدة K1", "iq.site.k1", 35.50, 44.27),
    ("قاعدة سبايكر", "iq.site.speicher", 34.67, 43.54),
    ("قاعدة الصقر", "iq.site.camp_falcon", 33.24, 44.35),
    ("مطار دمشق الدولي", "sy.site.damascus_airport", 33.41, 36.52),
    ("مطار حلب", "sy.site.aleppo_airport", 36.18, 37.22),
    ("مطار التيفور", "sy.site.t4", 34.52, 37.63),
    ("قاعدة التيفور", "sy.site.t4", 34.52, 37.63),
    ("مطار الشعيرات", "sy.site.shayrat", 34.49, 36.91),
    ("قاعدة حميميم", "sy.site.hmeimim", 35.41, 35.95),
    ("معبر البوكمال", "sy.site.bukamal_crossing", 34.45, 40.93),
    ("منفذ القائم", "iq.site.qaim_crossing", 34.40, 40.99),
    ("معبر اليعربية", "sy.site.yarubiyah_crossing", 36.81, 42.06),
    ("منفذ ربيعة", "iq.site.rabia_crossing", 36.80, 42.10),
    ("حقل كورمور", "iq.site.khor_mor", 35.24, 44.72),
    ("حقل التنك", "sy.site.tanak", 34.88, 40.70),
    ("حقل الجفرة", "sy.site.jafra", 35.30, 40.25),
    ("قاعدة القيارة", "iq.site.qayyarah_west", 35.77, 43.12),
]


@pytest.mark.parametrize("name,expected_id,lat,lon", KEY_SITES, ids=[s[0] for s in KEY_SITES])
def test_key_site_present_with_coordinates(name, expected_id, lat, lon):
    rows = BY_NAME.get(name, [])
    assert rows, name
    if expected_id is not None:
        rows = [r for r in rows if r["id"] == expected_id]
        assert rows, (name, expected_id)
    assert any(km(float(r["lat"]), float(r["lon"]), lat, lon) <= 15.0 for r in rows)


def test_samawa_district_fix():
    # Samarra rows are all in Salah al-Din; the Muthanna district is named السماوة.
    for r in BY_NAME["سامراء"]:
        assert float(r["lat"]) > 33.5, r
        assert r["admin1"] == "Salah Al-Din", r
    districts = [r for r in BY_NAME["السماوة"] if r["kind"] == "district"]
    assert [r["admin1"] for r in districts] == ["Al-Muthanna"]
    assert km(float(districts[0]["lat"]), float(districts[0]["lon"]), 31.3, 45.3) < 40


def test_shaddadi_variant():
    rows = [r for r in BY_NAME["الشدادي"] if r["kind"] == "city"]
    assert rows
    assert {r["id"] for r in rows} == {r["id"] for r in BY_NAME["الشدادة"] if r["kind"] == "city"}


@pytest.mark.parametrize(
    "name",
    ["الجامعة", "الشرطة", "الحرية", "النصر", "بلد", "القائم", "هيت", "حديثة", "الميادين"],
)
def test_ordinary_words_are_flagged(name):
    rows = BY_NAME[name]
    assert rows, name
    assert all(r["ambiguous"] in ("1", "2") for r in rows), [r["id"] for r in rows]


@pytest.mark.parametrize("name", ["بغداد", "الموصل", "الرمادي", "كركوك", "دير الزور", "الحسكة"])
def test_major_cities_are_not_flagged(name):
    rows = [r for r in BY_NAME[name] if r["kind"] in ("city", "governorate", "district")]
    assert rows, name
    assert all(r["ambiguous"] == "0" for r in rows), [r["id"] for r in rows]


@pytest.mark.parametrize(
    "name,expected_id",
    [
        ("الأنبار", "iq.gov.anbar"),
        ("انبار", "iq.gov.anbar"),
        ("محافظة الأنبار", "iq.gov.anbar"),
        ("نينوى", "iq.gov.ninewa"),
        ("دير الزور", "sy.gov.deir_ez_zor"),
        ("ديرالزور", "sy.gov.deir_ez_zor"),
        ("الحسكة", "sy.gov.hasakah"),
        ("عانة", "iq.dist.anbar.ana"),
        ("مدينة الصدر", "iq.dist.baghdad.thawra"),
        ("كوباني", "sy.loc.ayn_al_arab"),
        ("العراق", "iq"),
        ("سوريا", "sy"),
    ],
)
def test_press_variants(name, expected_id):
    assert expected_id in {r["id"] for r in BY_NAME[name]}


def test_villages_named_like_ordinary_words_lose_that_name():
    for name in ["مدينة", "قرية", "الحرية", "النصر", "الجامعة", "شركة", "الشرطة"]:
        assert all(r["kind"] != "village" for r in BY_NAME.get(name, [])), name


@pytest.mark.parametrize("name", ["الناصرية", "القائم", "المالكية", "سنجار", "الموصل", "تكريت"])
def test_no_hamlet_named_after_a_distant_city(name):
    cities = [r for r in BY_NAME[name] if r["kind"] in ("city", "district")]
    assert cities
    for r in BY_NAME[name]:
        if r["kind"] == "village":
            d = min(
                km(float(r["lat"]), float(r["lon"]), float(c["lat"]), float(c["lon"]))
                for c in cities
            )
            assert d <= 30, (r["id"], d)


def test_wrong_or_word_names_dropped():
    assert "عنه" not in BY_NAME  # Anah written as the pronoun phrase "about him"
    assert "الشام" not in BY_NAME


ACTOR_TYPES = {"state", "militia", "coalition", "insurgent", "political"}


def test_actor_rows_valid():
    ids = {r["id"] for r in ACTORS}
    for r in ACTORS:
        assert r["kind"] == "actor"
        assert r["id"].startswith("actor."), r
        assert r["actor_type"] in ACTOR_TYPES, r
        assert not r["parent"] or r["parent"] in ids, r
        assert any(ord(c) in ARABIC for c in r["name"]), r
        assert any(ord(c) in ARABIC for c in r["name_ar"]), r


@pytest.mark.parametrize(
    "name,expected_id,actor_type",
    [
        ("كتائب حزب الله", "actor.kataib_hezbollah", "militia"),
        ("عصائب أهل الحق", "actor.asaib_ahl_al_haq", "militia"),
        ("النجباء", "actor.nujaba", "militia"),
        ("حركة النجباء", "actor.nujaba", "militia"),
        ("كتائب سيد الشهداء", "actor.kataib_sayyid_al_shuhada", "militia"),
        ("كتائب الإمام علي", "actor.kataib_imam_ali", "militia"),
        ("الحشد الشعبي", "actor.pmf", "state"),
        ("المقاومة الإسلامية في العراق", "actor.islamic_resistance_in_iraq", "militia"),
        ("أصحاب الكهف", "actor.ashab_al_kahf", "militia"),
        ("ربع الله", "actor.rab_allah", "militia"),
        ("عصبة الثائرين", "actor.usbat_al_thaireen", "militia"),
        ("سرايا أولياء الدم", "actor.saraya_awliya_al_dam", "militia"),
        ("داعش", "actor.islamic_state", "insurgent"),
        ("تنظيم الدولة", "actor.islamic_state", "insurgent"),
        ("الدولة الإسلامية", "actor.islamic_state", "insurgent"),
        ("قوات سوريا الديمقراطية", "actor.sdf", "insurgent"),
        ("قسد", "actor.sdf", "insurgent"),
        ("وحدات حماية الشعب", "actor.ypg", "insurgent"),
        ("حزب العمال الكردستاني", "actor.pkk", "insurgent"),
        ("الجيش الوطني السوري", "actor.syrian_national_army", "insurgent"),
        ("هيئة تحرير الشام", "actor.hts", "insurgent"),
        ("حزب الله", "actor.hezbollah", "militia"),
        ("الحوثيون", "actor.houthis", "insurgent"),
        ("الجيش العراقي", "actor.iraqi_army", "state"),
        ("القوات الأمنية العراقية", "actor.iraqi_security_forces", "state"),
        ("قيادة العمليات المشتركة", "actor.joint_operations_command", "state"),
        ("جهاز مكافحة الإرهاب", "actor.counter_terrorism_service", "state"),
        ("قوات البيشمركة", "actor.peshmerga", "state"),
        ("قوات النظام", "actor.syrian_army", "state"),
        ("الجيش السوري", "actor.syrian_army", "state"),
        ("القوات الأمريكية", "actor.us_forces", "state"),
        ("القوات الأميركية", "actor.us_forces", "state"),
        ("الجيش الأمريكي", "actor.us_forces", "state"),
        ("البنتاغون", "actor.us_forces", "state"),
        ("واشنطن", "actor.united_states", "state"),
        ("الولايات المتحدة", "actor.united_states", "state"),
        ("أمريكا", "actor.united_states", "state"),
        ("التحالف الدولي", "actor.coalition", "coalition"),
        ("قوات التحالف", "actor.coalition", "coalition"),
        ("الحرس الثوري", "actor.irgc", "state"),
        ("إيران", "actor.iran", "state"),
        ("الجيش التركي", "actor.turkish_forces", "state"),
        ("تركيا", "actor.turkey", "state"),
        ("القوات التركية", "actor.turkish_forces", "state"),
        ("إسرائيل", "actor.israel", "state"),
        ("الجيش الإسرائيلي", "actor.israeli_forces", "state"),
        ("جيش الاحتلال", "actor.israeli_forces", "state"),
        ("القوات الروسية", "actor.russian_forces", "state"),
    ],
)
def test_actor_present(name, expected_id, actor_type):
    rows = [r for r in ACTORS if r["name"] == name]
    assert [r["id"] for r in rows] == [expected_id]
    assert rows[0]["actor_type"] == actor_type


def test_actor_parents():
    parent = {r["id"]: r["parent"] for r in ACTORS}
    assert parent["actor.kataib_hezbollah"] == "actor.pmf"
    assert parent["actor.us_forces"] == "actor.united_states"
    assert parent["actor.ypg"] == "actor.sdf"


def test_vague_bare_aliases_left_out():
    names = {r["name"] for r in ACTORS}
    assert not {"الكتائب", "الحشد", "بدر", "الجيش الوطني"} & names


@pytest.mark.skipif(not (SOURCE / "wof-iq-sy").is_dir(), reason="source data folder not available")
def test_build_script_reproduces_the_data(tmp_path):
    script = ROOT / "tools" / "build_gazetteer_data.py"
    subprocess.run(
        [sys.executable, str(script), str(SOURCE), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    built = sorted(p.name for p in tmp_path.glob("*.csv"))
    shipped = sorted(p.name for p in DATA.glob("*.csv") if p.name != "events.csv")
    assert built == shipped
    for name in built:
        assert filecmp.cmp(tmp_path / name, DATA / name, shallow=False), name


# (demonym as the press writes it, ISO country): masculine, feminine, with the article, plural
DEMONYM_FORMS = [
    ("التركي", "TR"), ("تركية", "TR"), ("الأتراك", "TR"), ("التركيين", "TR"),
    ("الإسرائيلية", "IL"), ("الإسرائيليين", "IL"), ("الصهيوني", "IL"), ("الصهاينة", "IL"),
    ("الروسي", "RU"), ("الروس", "RU"), ("الأمريكية", "US"), ("الأميركيون", "US"),
    ("الأمريكان", "US"), ("الإيراني", "IR"), ("إيرانيين", "IR"), ("العراقية", "IQ"),
    ("السوريين", "SY"), ("البريطانية", "GB"), ("الإنجليز", "GB"), ("اليمنيون", "YE"),
    ("السعودية", "SA"), ("المصرية", "EG"), ("المغاربة", "MA"),
]  # fmt: skip


def test_demonyms():
    by_name = defaultdict(set)
    for r in DEMONYMS:
        assert r["id"] == r["country"].lower() + ".demonym", r
        assert not (r["lat"] or r["lon"] or r["admin1"] or r["precision"]), r
        assert re.fullmatch("[A-Z]{2}", r["country"]) and r["source"], r
        by_name[r["name"]].add(r["country"])
    for name, country in DEMONYM_FORMS:
        assert by_name[name] == {country}, name
    # the country's name is no demonym of it
    assert not by_name["تركيا"] and not by_name["إسرائيل"]


def test_the_default_gazetteer_grows_with_its_names_not_by_doubling(tmp_path):
    # The matcher's word table holds twice as many slots as the words of all names (with the
    # article's contracted forms), any count: when it held a power of two, passing 65,536
    # words doubled it and the saved default gazetteer jumped from about 11 MB to 14 MB and
    # loaded half as fast again. Saved, the default stays about 11 MB.
    path = tmp_path / "default.rgz"
    rasid.Gazetteer.from_files(include_default=True).save(path)
    assert path.stat().st_size < 12_000_000
