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


TOLL_BY_VILLAGE = (
    "قال ناشطون إن الطيران الحربي قصف بلدات كفرنبل وحاس ومعرة حرمة جنوبي إدلب أمس، لترتفع"
    " حصيلة القتلى إلى 6 مدنيين في كفرنبل، و3 في حاس وقتيلين في معرة حرمة."
)


def _last(text: str, part: str) -> tuple[int, int]:
    start = text.rindex(part)
    return start, start + len(part)


def test_a_toll_listed_village_by_village_is_one_strike_per_village():
    text = TOLL_BY_VILLAGE
    events = extract(text, published="2024-05-08")
    # each village named in the toll, not where the strike sentence listed them
    assert [(e.location.start, e.location.end) for e in events] == [
        _last(text, "كفرنبل"),
        _last(text, "حاس"),
        _last(text, "معرة حرمة"),
    ]
    assert [(e.killed.min, e.killed.max) for e in events] == [(6, 6), (3, 3), (2, 2)]
    assert [(e.killed.start, e.killed.end) for e in events] == [
        at(text, "6"),
        at(text, "3"),
        at(text, "قتيلين"),
    ]
    assert {(e.event_type, e.weapon, e.date) for e in events} == {
        ("air_strike", "aircraft", "2024-05-07")
    }
    assert [[(x.start, x.end) for x in e.evidence] for e in events][1:] == [
        [at(text, "و3 في حاس")],
        [at(text, "وقتيلين في معرة حرمة")],
    ]


def test_a_lead_total_of_the_village_tolls_is_no_event_of_its_own():
    text = "11 قتيلاً بغارات جوية على ريف إدلب\n" + TOLL_BY_VILLAGE
    events = extract(text, published="2024-05-08")
    assert [(e.killed.min, e.killed.max) for e in events] == [(6, 6), (3, 3), (2, 2)]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # one figure, one place: nothing to split
        ("قتل 4 مدنيين في قصف جوي على مدينة كفرنبل وأصيب 3 آخرون.", (4, 4)),
        # one figure for two villages: one strike
        ("قتل 5 مدنيين بقصف جوي على بلدتي كفرنبل وحاس أمس.", (5, 5)),
    ],
)
def test_a_single_toll_is_not_split(text, killed):
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.killed.min, ev.killed.max) == killed


def test_a_strike_told_anew_on_another_village_is_another_strike():
    text = (
        "ألقت المروحيات براميل متفجرة على بلدة كفرنبل صباح اليوم. وشنت الطائرات الحربية غارات"
        " على أطراف بلدة حاس."
    )
    barrels, raids = extract(text, published="2024-05-08")
    assert (barrels.location.start, barrels.location.end) == at(text, "كفرنبل")
    assert (raids.location.start, raids.location.end) == at(text, "حاس")
    assert (barrels.munitions.min, raids.munitions) == (2, None)


def test_the_same_village_told_again_is_the_same_strike():
    text = (
        "ألقت المروحيات براميل متفجرة على بلدة كفرنبل صباح اليوم. وقال الدفاع المدني إن الغارات"
        " على بلدة كفرنبل أدت إلى مقتل مدنيين."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.killed.min, ev.killed.max) == (2, None)
    assert len(ev.evidence) == 2


def test_shelling_after_a_clause_naming_the_raids_told_before_is_an_event():
    # «وبالتزامن مع الغارات،» names raids told before: it voids nothing after it; the
    # shelling's toll is told person by person, each in its own town
    text = (
        "وبالتزامن مع الغارات، قصفت قوات النظام بالمدافع الثقيلة قرى جنوبي إدلب، ما أدى إلى"
        " مقتل طفلة صباح اليوم في بلدة كفرنبل، وشاب مساء أمس في مدينة الأتارب غربي حلب."
    )
    girl, man = extract(text, published="2024-05-08")
    assert (girl.event_type, girl.weapon) == ("shelling", "artillery")
    assert (girl.killed.min, girl.killed.max) == (1, 1)
    assert (girl.location.start, girl.location.end) == at(text, "كفرنبل")
    assert (girl.actor.start, girl.actor.end) == at(text, "قوات النظام")
    assert (man.event_type, man.killed.min, man.killed.max) == ("shelling", 1, 1)
    assert (man.killed.start, man.killed.end) == at(text, "شاب")
    assert (man.location.start, man.location.end) == at(text, "الأتارب")
    assert [(e.start, e.end) for e in man.evidence] == [
        at(text, "وشاب مساء أمس في مدينة الأتارب غربي حلب")
    ]


def test_a_count_of_strikes_still_voids_the_clause_that_goes_on_with_it():
    text = "شنت الطائرات الروسية مئات الضربات منذ بداية الحملة، طالت مواقع في ريف إدلب."
    assert extract(text, published="2024-05-08") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # the Syrian war's phrasing (issue 11 class 5): artillery and rockets from the ground
        # are shelling; warplanes and artillery together are an air strike
        (
            "قصفت قوات النظام بالمدافع الثقيلة والصواريخ بلدة كفرنبل مساء أمس ما أدى إلى"
            " مقتل طفلين.",
            ("shelling", "artillery"),
        ),
        (
            "شهدت بلدة كفرنبل قصفاً مدفعياً وصاروخياً متبادلاً مساء أمس أسفر عن مقتل طفلين.",
            ("shelling", "artillery"),
        ),
        (
            "قصفت الطائرات الحربية والمدفعية بلدة كفرنبل مساء أمس ما أدى إلى مقتل طفلين.",
            ("air_strike", "aircraft"),
        ),
    ],
)
def test_ground_and_air_bombardments(text, expected):
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == expected
    assert (ev.killed.min, ev.killed.max) == (2, 2)
    assert (ev.location.start, ev.location.end) == at(text, "كفرنبل")


def test_a_fight_with_mortars_is_an_armed_clash():
    text = (
        "واندلعت اشتباكات بين فصيلين مسلحين في بلدة الباب استخدمت فيها قذائف الهاون،"
        " ما أدى إلى مقتل عنصرين."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("armed_clash", "mortar")
    assert (ev.killed.min, ev.killed.max) == (2, 2)
    assert (ev.location.start, ev.location.end) == at(text, "الباب")
