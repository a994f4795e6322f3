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
