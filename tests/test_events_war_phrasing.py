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


def test_a_where_clause_goes_on_with_the_attack_just_told():
    # «…، حيث استهدفت …»: where and when the recalled raids struck, not a new attack
    text = (
        "نفذت طائرات إسرائيلية غارة على قاعدة في منطقة سقوبين مساء اليوم. وكانت إسرائيل قد نفذت"
        " مؤخراً هجمات جوية على ريف دمشق، حيث استهدفت مواقع للجيش في منطقة الكسوة، وأسفرت عن"
        " مقتل ستة جنود."
    )
    today, recalled = extract(text, published="2024-05-08")
    assert (today.background, today.killed) == (False, None)
    assert (recalled.event_type, recalled.background) == ("air_strike", True)
    assert (recalled.location.start, recalled.location.end) == at(text, "الكسوة")
    assert (recalled.killed.min, recalled.killed.max) == (6, 6)
    assert recalled.actor.id == "actor.israel"


def test_rockets_a_lead_names_vaguely_are_the_salvo_the_body_numbers():
    # «عدة صواريخ» then «بخمسة صواريخ»: one salvo of five, not «five or more»
    text = (
        "أعلنت خلية الإعلام الأمني سقوط عدة صواريخ كاتيوشا قرب قاعدة بلد الجوية. وقال مصدر إن"
        " القاعدة تعرضت للاستهداف بخمسة صواريخ كاتيوشا سقطت خارج السياج."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.munitions.min, ev.munitions.max) == (5, 5)
    assert (ev.munitions.start, ev.munitions.end) == at(text, "خمسة صواريخ كاتيوشا")


def test_others_wounded_by_another_count_leave_the_toll_open():
    text = (
        "قتل جندي وأصيب اثنان آخران في هجوم صاروخي على مطار عسكري في حمص، وقال المرصد إن آخرين"
        " أصيبوا بجروح."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.wounded.min, ev.wounded.max) == (2, None)


def test_missiles_an_aircraft_strikes_with_are_two_or_more():
    # a bare plural, definite or not, of what aircraft drop or fire: (2, open)
    text = "استهدف الطيران الروسي بالصواريخ العنقودية بلدة كفرنبل جنوبي إدلب صباح اليوم."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.munitions.min, ev.munitions.max) == ("air_strike", 2, None)
    assert (ev.munitions.start, ev.munitions.end) == at(text, "الصواريخ")


def test_the_salvo_a_part_was_taken_from_has_no_size():
    # «صاروخين من الصواريخ …، فيما أصابت صواريخ أخرى»: only a part is numbered
    text = (
        "أغار سلاح الجو الإسرائيلي على مطار التيفور فجر اليوم، ودمرت الدفاعات الجوية صاروخين من"
        " الصواريخ التي استهدفت المطار فيما أصابت صواريخ أخرى المطار."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.munitions) == ("air_strike", None)


def test_a_states_guns_and_rockets_on_the_ground_are_shelling():
    text = (
        "قصفت قوات النظام بالمدافع الثقيلة والصواريخ قرى جبل الزاوية جنوبي إدلب اليوم، ما أدى"
        " إلى مقتل طفلة."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("shelling", "artillery")
    assert (ev.actor.start, ev.actor.end) == at(text, "قوات النظام")
    assert (ev.killed.min, ev.killed.max) == (1, 1)


def test_a_states_missiles_without_guns_are_a_missile_attack():
    text = "أطلق الحرس الثوري الإيراني صواريخ على مقرات لأحزاب كردية قرب كويسنجق اليوم."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("missile_attack", "missile")


def test_two_attacks_on_two_bases_are_two_events():
    text = "استهدف هجومان بطائرات مسيرة قاعدة عين الأسد وقاعدة حرير فجر اليوم."
    ain, harir = extract(text, published="2024-05-08")
    assert (ain.location.start, ain.location.end) == at(text, "قاعدة عين الأسد")
    assert (harir.location.start, harir.location.end) == at(text, "قاعدة حرير")
    assert {ain.event_type, harir.event_type} == {"drone_attack"}


def test_two_attacks_on_one_base_stay_one_report():
    text = "تعرضت قاعدة حرير الجوية لهجومين بطائرات مسيرة فجر اليوم."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.location.start, ev.location.end) == at(text, "قاعدة حرير الجوية")


def test_a_groups_bombardment_with_no_weapon_named_is_shelling():
    # «قصف لهيئة تحرير الشام على مخيم»: bombardment, not a gunfight
    text = "قتل طفل في قصف لهيئة تحرير الشام على مخيم للنازحين قرب مدينة عفرين أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("shelling", None)
    assert (ev.actor.start, ev.actor.end) == at(text, "هيئة تحرير الشام")
    assert (ev.killed.min, ev.killed.max) == (1, 1)


def test_a_groups_fighters_attacking_are_still_an_armed_clash():
    text = (
        "هاجم عناصر من هيئة تحرير الشام مواقع للفيلق الثالث قرب مدينة عفرين أمس ما أدى إلى مقتل 3."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("armed_clash", "firearms")


def test_raids_on_areas_told_phrase_by_phrase_are_one_strike_per_area():
    # «…، ومحيط مدينة …، إضافة إلى أطراف بلدة …»: the raids' targets far apart
    text = (
        "واستهدفت الغارات أطراف مدينة إدلب الجنوبية، ومحيط مدينة معرة مصرين في الريف الشمالي،"
        " إضافة إلى أطراف بلدة كفرنبل بريف إدلب الجنوبي."
    )
    events = extract(text, published="2024-05-08")
    assert [(e.location.start, e.location.end) for e in events] == [
        at(text, "مدينة إدلب"),
        at(text, "معرة مصرين"),
        at(text, "كفرنبل"),
    ]
    assert [[(x.start, x.end) for x in e.evidence] for e in events] == [
        [at(text, "واستهدفت الغارات أطراف مدينة إدلب الجنوبية")],
        [at(text, "ومحيط مدينة معرة مصرين في الريف الشمالي")],
        [at(text, "إضافة إلى أطراف بلدة كفرنبل بريف إدلب الجنوبي")],
    ]


@pytest.mark.parametrize(
    "text",
    [
        # towns coordinated in one phrase: one strike
        "شنت الطائرات الحربية غارات على مدن اللطامنة وكفرزيتا ومورك في ريف حماة الشمالي.",
        # two sides of one town: one strike
        "واستهدفت الغارات أطراف مدينة كفرنبل الشمالية، ومحيط مدينة كفرنبل الجنوبي.",
    ],
)
def test_raids_on_one_area_stay_one_strike(text):
    (ev,) = extract(text, published="2024-05-08")
    assert ev.event_type == "air_strike"


@pytest.mark.parametrize(
    ("text", "event_type", "place"),
    [
        # a projectile hitting, as «سقط صاروخ»
        (
            "أصاب صاروخ منزلاً في قضاء مخمور اليوم، ما أدى إلى جرح طفلين.",
            "rocket_attack",
            "قضاء مخمور",
        ),
        ("أصابت قذيفة هاون مدرسة في حي الخالدية بمدينة الرمادي اليوم.", "shelling", "الخالدية"),
    ],
)
def test_a_projectile_that_hit_is_an_attack(text, event_type, place):
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.munitions.min, ev.date) == (event_type, 1, "2024-05-08")
    assert (ev.location.start, ev.location.end) == at(text, place)


def test_missiles_hitting_their_targets_in_a_statement_are_no_new_event():
    assert extract("وأكد البيان أن الصواريخ أصابت أهدافها بدقة.", published="2024-05-08") == []


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
