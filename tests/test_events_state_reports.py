"""Ministry-of-defence wording: «طائراتها دمرت N هدفاً» is an air strike by the announcing
state; «تحييد N إرهابيين» alone (killed, captured or surrendered, no attack stated) is none.

Every sentence here is written for these tests (none is taken from the dev articles).
"""

from __future__ import annotations

import pytest
from rasid.events import extract
from spans import at


def test_its_aircraft_destroyed_targets_is_an_air_strike_by_the_announcer():
    text = "قالت وزارة الدفاع التركية إن طائراتها دمرت 14 هدفاً في منطقة قنديل مساء أمس."
    (ev,) = extract(text, published="2024-05-08", doc_id="t1")
    d = ev.to_dict()
    assert (d["event_type"], d["weapon"]) == ("air_strike", "aircraft")
    assert d["actor"]["mention"] == "وزارة الدفاع التركية"
    assert (d["actor"]["start"], d["actor"]["end"]) == at(text, "وزارة الدفاع التركية")
    assert d["actor"]["id"] == "actor.turkish_forces"
    assert d["claimed_by"] is None
    assert d["munitions"] is None  # targets are not projectiles
    assert d["killed"] is None
    assert d["location"]["mention"] == "منطقة قنديل"
    assert (d["location"]["start"], d["location"]["end"]) == at(text, "منطقة قنديل")
    assert d["date"] == "2024-05-07"
    assert [(e["start"], e["end"]) for e in d["evidence"]] == [at(text, text[:-1])]


def test_aircraft_destroying_positions_is_an_air_strike():
    text = "دمرت الطائرات الحربية التركية مواقع لمسلحين في منطقة قنديل مساء أمس."
    (ev,) = extract(text, published="2024-05-08", doc_id="t2")
    assert (ev.event_type, ev.weapon) == ("air_strike", "aircraft")
    assert (ev.location.start, ev.location.end) == at(text, "منطقة قنديل")
    assert [(e.start, e.end) for e in ev.evidence] == [at(text, text[:-1])]


def test_unknown_aircraft_reported_by_a_ministry_have_no_actor():
    text = "قالت وزارة الدفاع التركية إن طائرات مجهولة دمرت مواقع في منطقة قنديل مساء أمس."
    (ev,) = extract(text, published="2024-05-08", doc_id="t3")
    assert ev.event_type == "air_strike"
    assert ev.actor is None


@pytest.mark.parametrize(
    "text",
    [
        # neutralized: no attack stated, and not necessarily killed
        "أعلنت وزارة الدفاع التركية تحييد 6 إرهابيين في منطقة قنديل مساء أمس.",
        # aircraft shot down by air defences are not an air strike
        "دمرت الدفاعات الجوية طائرات حربية فوق منطقة قنديل مساء أمس.",
    ],
)
def test_no_air_strike(text):
    assert [e.event_type for e in extract(text, published="2024-05-08")] == []
