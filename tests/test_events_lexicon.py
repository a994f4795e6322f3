"""The event lexicon (rasid/data/gazetteer/events.csv) is well formed and loaded by default."""

from __future__ import annotations

import csv

import rasid
from rasid.events.lexicon import LEXICON_KINDS, ROLES, lexicon_path
from rasid.events.record import WEAPONS as WEAPON_VALUES

EVENT_TYPES = {"", *rasid.events.EVENT_TYPES}
WEAPONS = {"", *WEAPON_VALUES}


def rows():
    with open(lexicon_path(), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_rows_are_well_formed():
    table = rows()
    assert len(table) > 1000
    for r in table:
        assert r["name"].strip() == r["name"] and r["name"]
        assert r["kind"] in LEXICON_KINDS
        if r["kind"] in ROLES:
            assert r["role"] in ROLES[r["kind"]], r
        assert r["event_type"] in EVENT_TYPES, r
        assert r["weapon"] in WEAPONS, r
        assert r["number"] in ("", "1", "2", "pl"), r


def test_one_id_per_attribute_set():
    # entries sharing an id are one entity: their attributes must agree
    seen = {}
    for r in rows():
        attrs = tuple((k, v) for k, v in r.items() if k != "name")
        assert seen.setdefault(r["id"], attrs) == attrs, r["id"]


def test_no_two_entries_normalize_alike():
    seen = {}
    for r in rows():
        key = rasid.normalize(r["name"])
        assert seen.setdefault(key, r["id"]) == r["id"], (r["name"], r["id"], seen[key])


def test_the_default_gazetteer_holds_the_lexicon():
    text = "وسقطت ثلاثة صواريخ كاتيوشا بالقرب من القاعدة"
    found = {(m.kind, m.name) for m in rasid.default_gazetteer().find(text)}
    assert ("trigger", "سقطت") in found
    assert ("weapon", "صواريخ كاتيوشا") in found
    assert ("placetype", "بالقرب من") in found
