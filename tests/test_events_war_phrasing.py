"""Wording of the wars in Syria and Iraq that news outlets use and that the first rules missed
(issue 11): raids counted by the dozen, villages listed each with its toll, barrel bombs.

Every sentence here is written for these tests (none is taken from the dev articles).
"""

from __future__ import annotations

import pytest
from rasid.events import extract
from spans import at


def test_raids_counted_from_eleven_on_are_a_stated_strike():
    # Arabic counts eleven and more with a singular noun: «20 غارة» is twenty raids
    text = "شنت طائرات حربية روسية أكثر من 20 غارة على بلدات ريف إدلب، ما أسفر عن جرح ثلاثة مدنيين."
    (ev,) = extract(text, published="2024-05-08")
    d = ev.to_dict()
    assert (d["event_type"], d["weapon"]) == ("air_strike", "aircraft")
    assert d["munitions"] is None  # raids are not projectiles
    assert (d["wounded"]["min"], d["wounded"]["max"]) == (3, 3)
    assert (d["wounded"]["start"], d["wounded"]["end"]) == at(text, "ثلاثة مدنيين")
    clause = "شنت طائرات حربية روسية أكثر من 20 غارة على بلدات ريف إدلب،"
    assert [(e["start"], e["end"]) for e in d["evidence"]] == [at(text, clause)]


@pytest.mark.parametrize(
    "text",
    [
        # a tally of raids kept by a monitor: no attack verb governs the count
        "وثق المرصد 25 ضربة على ريف إدلب في شهر آذار.",
        "أحصى المرصد 40 غارة جوية على ريف إدلب خلال الأسبوع الماضي.",
    ],
)
def test_a_tally_of_raids_is_no_event(text):
    assert extract(text, published="2024-05-08") == []


@pytest.mark.parametrize(
    ("text", "words", "count"),
    [
        # a bare plural of bombs dropped: two or more
        (
            "ألقى الطيران المروحي براميل متفجرة على بلدة الهبيط جنوبي إدلب صباح اليوم.",
            "براميل متفجرة",
            (2, None),
        ),
        ("ألقت المروحيات برميلين متفجرين على بلدة الهبيط جنوبي إدلب.", "برميلين متفجرين", (2, 2)),
    ],
)
def test_barrel_bombs_are_an_air_strike_and_its_munitions(text, words, count):
    (ev,) = extract(text, published="2024-05-08")
    d = ev.to_dict()
    assert (d["event_type"], d["weapon"]) == ("air_strike", "aircraft")
    assert (d["munitions"]["min"], d["munitions"]["max"]) == count
    assert (d["munitions"]["start"], d["munitions"]["end"]) == at(text, words)
    assert (d["location"]["start"], d["location"]["end"]) == at(text, "الهبيط")


def test_drones_that_strike_are_no_munition_count():
    # the drones are the aircraft of the strike, not projectiles it dropped
    text = "استهدفت طائرات مسيرة تركية مواقع في قرية قرب مدينة القامشلي صباح اليوم."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon, ev.munitions) == ("air_strike", "drone", None)
