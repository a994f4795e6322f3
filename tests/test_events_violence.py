"""Violence beyond rockets and drones (issue 11): executions by armed groups, assassinations
and shootings of a person; the execution of a court sentence is no attack.

Every sentence here is written for these tests (none is taken from the dev articles).
"""

from __future__ import annotations

import pytest
from rasid.events import extract
from spans import at


def test_an_execution_by_an_armed_group_is_an_attack_with_its_toll():
    text = "أعدم مسلحو التنظيم 12 مدنياً رمياً بالرصاص في قرية قرب الحويجة أمس."
    (ev,) = extract(text, published="2024-05-08")
    d = ev.to_dict()
    # a person put to death is no fight between two armed sides
    assert (d["event_type"], d["weapon"]) == ("other_attack", "firearms")
    assert (d["killed"]["min"], d["killed"]["max"]) == (12, 12)
    assert (d["killed"]["start"], d["killed"]["end"]) == at(text, "12 مدنياً")
    assert (d["location"]["start"], d["location"]["end"]) == at(text, "الحويجة")
    assert d["date"] == "2024-05-07"
    assert [(e["start"], e["end"]) for e in d["evidence"]] == [at(text, text[:-1])]


def test_an_execution_recalled_is_a_background_event():
    text = "كان التنظيم أعدم قبل أيام 30 شخصاً في ناحية البغدادي غربي العراق."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon, ev.background) == ("other_attack", None, True)
    assert (ev.killed.min, ev.killed.max) == (30, 30)
    assert (ev.location.start, ev.location.end) == at(text, "ناحية البغدادي")


def test_an_assassination_by_gunfire_is_other_attack():
    text = "اغتال مسلحون مجهولون ناشطاً بالرصاص في مدينة الباب أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("other_attack", "firearms")
    assert (ev.killed.min, ev.killed.max) == (1, 1)
    assert ev.actor is None  # unknown gunmen


@pytest.mark.parametrize(
    "text",
    [
        # the execution of a court sentence is no attack
        "أعدمت السلطات العراقية شنقاً 11 مداناً بالإرهاب في سجن الناصرية اليوم.",
        "نفذت وزارة العدل حكم الإعدام بحق 5 مدانين بتفجيرات في بغداد.",
    ],
)
def test_a_judicial_execution_is_no_event(text):
    assert extract(text, published="2024-05-08") == []


def test_a_bombing_that_took_lives_counts_them():
    # «أزهق أرواح N»: took the lives of N
    text = "وقع تفجير انتحاري في سوق ببغداد أمس أزهق أرواح 12 شخصاً وأصاب 30 آخرين."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("ied_attack", "ied")
    assert (ev.killed.min, ev.killed.max) == (12, 12)
    assert (ev.killed.start, ev.killed.end) == at(text, "12 شخصاً")


def test_lives_a_war_took_are_no_event():
    assert extract("أزهقت الحرب أرواح الآلاف منذ عام 2011.", published="2024-05-08") == []


def test_killed_after_being_targeted_is_the_strike_that_killed_them():
    # «لقوا حتفهم بعد استهدافهم بـ…»: the targeting is the attack, its dead its toll
    text = (
        "قال مصدر إن 12 مسلحاً لقوا حتفهم بعد استهدافهم من قبل القوات الأمنية بقذائف الهاون"
        " في قضاء القائم أمس."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("shelling", "mortar")
    assert (ev.actor.start, ev.actor.end) == at(text, "القوات الأمنية")
    assert (ev.killed.min, ev.killed.max) == (12, 12)
    assert (ev.killed.start, ev.killed.end) == at(text, "12 مسلحاً")
    assert (ev.location.start, ev.location.end) == at(text, "قضاء القائم")


def test_an_execution_and_a_shelling_of_one_day_and_place_are_two_events():
    # captives put to death and fighters shelled are two kinds of violence
    text = (
        "أعدم التنظيم 20 أسيراً في قرية قرب الحويجة أمس. وقالت وزارة الدفاع أمس إن 15 من عناصر"
        " التنظيم لقوا حتفهم بعد استهدافهم بقصف مدفعي في قرية قرب الحويجة."
    )
    execution, shelling = extract(text, published="2024-05-08")
    assert (execution.event_type, execution.killed.min) == ("other_attack", 20)
    assert (shelling.event_type, shelling.weapon, shelling.killed.min) == (
        "shelling",
        "artillery",
        15,
    )


def test_captives_killed_after_their_abduction_are_an_attack():
    text = (
        "وعثرت الشرطة على جثتين لفلاح ونجله قتلا بعد اختطافهما ببضعة أيام، قرب جدول في أطراف"
        " مدينة بعقوبة."
    )
    (ev,) = extract(text, published="2015-04-25")
    assert (ev.event_type, ev.background) == ("other_attack", False)
    assert (ev.killed.min, ev.killed.max) == (2, 2)
    assert (ev.location.start, ev.location.end) == at(text, "بعقوبة")


@pytest.mark.parametrize(
    "text",
    [
        # an abduction that kills no one is no attack of ours
        "اختطف مسلحون مجهولون موظفاً في بغداد أمس، وطالبوا بفدية.",
        "طالبت العائلة بالكشف عن مصير ابنها بعد اختطافه في بغداد قبل شهر.",
    ],
)
def test_an_abduction_alone_is_no_event(text):
    assert extract(text, published="2015-04-25") == []


def test_a_shooting_and_captives_found_killed_are_two_incidents():
    text = (
        "اغتال مسلحون مدنياً صباح اليوم شرق مدينة بعقوبة. وعثرت الشرطة على جثتين لفلاح ونجله"
        " قتلا بعد اختطافهما قرب مدينة بعقوبة."
    )
    shooting, captives = extract(text, published="2015-04-25")
    assert (shooting.killed.min, shooting.killed.max) == (1, 1)
    assert (captives.killed.min, captives.killed.max) == (2, 2)


def test_casualties_a_statement_did_not_mention_are_unknown_not_none():
    # «لم تذكر القيادة قتلى أو جرحى»: nothing said, not «no one hurt» (README: null)
    text = (
        "استهدف هجوم بقذائف الهاون نقطة عسكرية شمالي كركوك مساء الأحد، ولم تذكر القيادة قتلى"
        " أو جرحى."
    )
    (ev,) = extract(text, published="2024-05-06")
    assert (ev.event_type, ev.killed, ev.wounded) == ("shelling", None, None)


def test_an_attack_that_caused_no_casualties_states_none():
    text = "استهدف هجوم بقذائف الهاون نقطة عسكرية شمالي كركوك مساء الأحد، ولم يسفر عن قتلى أو جرحى."
    (ev,) = extract(text, published="2024-05-06")
    assert (ev.killed.min, ev.killed.max, ev.wounded.min, ev.wounded.max) == (0, 0, 0, 0)


def test_victims_and_wounded_counted_together_fill_neither_toll():
    # «ضحايا ومصابين تجاوز عددهم الـ30»: one figure for the dead and the hurt together
    text = (
        "وكان أعنفها انفجار سيارة مفخخة في سوق المدينة أسفر عن وقوع ضحايا ومصابين تجاوز عددهم"
        " الـ30 شخصاً."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("ied_attack", "car_bomb")
    assert (ev.killed, ev.wounded) == (None, None)


def test_the_dead_and_the_wounded_counted_apart_fill_both():
    text = "أسفر انفجار سيارة مفخخة في سوق المدينة عن مقتل 4 أشخاص وإصابة 30 آخرين."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.killed.min, ev.wounded.min) == (4, 30)


def test_an_assassination_a_party_is_held_guilty_of_is_an_event():
    # «إدانة فصيل … باغتيال الناشط»: held guilty of it, so the assassination took place
    text = (
        "واندلعت الاشتباكات على خلفية إدانة فصيل مسلح باغتيال الناشط الإعلامي مع زوجته في"
        " مدينة الباب قبل أيام."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.background) == ("other_attack", True)
    assert (ev.location.start, ev.location.end) == at(text, "الباب")


@pytest.mark.parametrize(
    "text",
    [
        # condemnations of an assassination or of assassinations are no report of one
        "وأدانت الحكومة اغتيال الناشط الإعلامي في مدينة الباب.",
        "ندد البيان بعمليات الاغتيال في مدينة الباب.",
    ],
)
def test_a_condemnation_is_no_event(text):
    assert extract(text, published="2024-05-08") == []


def test_a_group_of_people_killed_is_two_or_more():
    # «مجموعة من الإرهابيين» counts like «عدد من»: (2, open)
    text = (
        "دك الطيران الحربي العراقي وكراً للإرهابيين في وادي الشاي أمس، وأسفرت العملية عن قتل"
        " مجموعة من الإرهابيين كانوا بداخله."
    )
    (ev,) = extract(text, published="2025-08-16")
    assert (ev.killed.min, ev.killed.max) == (2, None)
    assert (ev.killed.start, ev.killed.end) == at(text, "مجموعة من")


def test_terrorists_counted_are_their_number():
    text = "قتل 5 إرهابيين بغارة جوية في وادي الشاي أمس."
    (ev,) = extract(text, published="2025-08-16")
    assert (ev.killed.min, ev.killed.max) == (5, 5)


def test_fire_opened_on_a_person_is_a_shooting_with_its_toll():
    # «أطلق مسلحون النار على ناشط … فأردوه قتيلاً»: other_attack, one killed
    text = "أطلق مسلحون مجهولون النار على ناشط في مدينة العمارة مساء أمس فأردوه قتيلاً."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon, ev.actor) == ("other_attack", "firearms", None)
    assert (ev.killed.min, ev.killed.max) == (1, 1)
    assert (ev.killed.start, ev.killed.end) == at(text, "أردوه قتيلاً")


def test_fire_opened_on_a_patrol_is_an_armed_clash():
    text = "أطلق مسلحون النار على دورية للشرطة في قضاء الطارمية أمس ما أدى إلى إصابة شرطيين."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.wounded.min) == ("armed_clash", 2)


def test_an_assassination_with_a_pistol_in_a_governorate_is_an_event():
    text = "اغتال مسلحون مجهولون صاحب محل بمسدس كاتم للصوت في محافظة ميسان مساء الخميس."
    (ev,) = extract(text, published="2024-03-08")
    assert (ev.event_type, ev.weapon) == ("other_attack", "firearms")
    assert ev.location.admin1 == "Maysan"


def test_a_tribal_fight_a_town_goes_through_with_a_toll_is_an_armed_clash():
    text = (
        "قتلى باقتتال عشائري شرق دير الزور\n"
        "تشهد بلدة الشحيل بريف دير الزور الشرقي اقتتالاً بين عائلتين بالأسلحة الثقيلة، ما أسفر"
        " عن مقتل 4 أشخاص وإصابة آخرين."
    )
    (ev,) = extract(text, published="2024-09-18")
    assert ev.event_type == "armed_clash"
    assert (ev.killed.min, ev.killed.max) == (4, 4)
    assert (ev.wounded.min, ev.wounded.max) == (2, None)
    assert ev.location.mention == "بلدة الشحيل"


@pytest.mark.parametrize(
    ("text", "victims", "killed"),
    [
        ("قتل مسلحون مجهولون ثلاثة رعاة أغنام في بادية الأنبار مساء أمس.", "ثلاثة", 3),
        ("وقتلت جماعة مسلحة سبعة سائقين على الطريق الدولي قرب مدينة بيجي فجر اليوم.", "سبعة", 7),
        ("وأقدم مسلحون مجهولون على قتل خمسة رعاة في بادية السخنة أمس.", "خمسة", 5),
    ],
)
def test_people_killed_by_gunmen_are_an_attack(text, victims, killed):
    (ev,) = extract(text, published="2024-03-08")
    assert ev.event_type == "other_attack"
    assert (ev.killed.min, ev.killed.max) == (killed, killed)
    assert (ev.killed.start, ev.killed.end) == at(text, victims)


def test_gunmen_killed_in_clashes_is_a_toll_of_the_clash():
    text = "وقتل مسلحون في اشتباكات مع قوات الجيش قرب الحدود مساء أمس."
    (ev,) = extract(text, published="2024-03-08")
    assert ev.event_type == "armed_clash"


def test_setting_prisoners_free_fires_nothing():
    text = "وأطلقت الفصائل سراح أربعة جنود أسرى بعد وساطة عشائرية في ريف المدينة."
    assert extract(text, published="2024-03-08") == []


def test_machine_guns_turned_on_herders_are_a_shooting_not_a_fight():
    text = "هاجم مسلحون بالأسلحة الرشاشة رعاة أغنام في بادية الرقة مساء أمس وقتلوا أربعة منهم."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("other_attack", "firearms")
    assert (ev.killed.min, ev.killed.max) == (4, 4)
    assert (ev.location.start, ev.location.end) == at(text, "الرقة")
    assert ev.date == "2024-05-07"


def test_gunfire_aimed_at_a_patrol_is_an_armed_clash_with_its_toll():
    # not «a shooting of a person» (README): gunmen firing on security forces are a fight
    text = (
        "أطلق مسلحون مجهولون النار على دورية للشرطة في مدينة الرمادي مساء أمس، "
        "ما أدى إلى إصابة شرطيين."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("armed_clash", "firearms")
    assert (ev.wounded.min, ev.wounded.max) == (2, 2)
    assert (ev.wounded.start, ev.wounded.end) == at(text, "شرطيين")
    assert ev.actor is None


def test_an_attack_on_truffle_gatherers_without_weapon_named_is_other_attack():
    text = "شن مسلحو التنظيم هجوماً على جامعي الكمأة في بادية حمص أمس أسفر عن مقتل خمسة منهم."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("other_attack", None)
    assert (ev.killed.min, ev.killed.max) == (5, 5)


@pytest.mark.parametrize(
    "text",
    [
        # gunmen against an army post, and a two-sided clash near civilians, are still fights
        "هاجم مسلحون بالأسلحة الرشاشة نقطة تفتيش للجيش في بادية الرقة مساء أمس وقتلوا ثلاثة جنود.",
        "اندلعت اشتباكات بالأسلحة الرشاشة بين الجيش ومسلحين قرب مخيم للنازحين في ريف الحسكة أمس.",
    ],
)
def test_gunmen_against_soldiers_remain_an_armed_clash(text):
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("armed_clash", "firearms")


def test_a_soldier_shot_by_named_gunmen_is_a_shooting_with_its_actor():
    text = 'وكان جندي قد قتل برصاص مسلحي "داعش" في مدينة الميادين قبل أيام.'
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon, ev.background) == ("other_attack", "firearms", True)
    assert (ev.killed.min, ev.killed.max) == (1, 1)
    assert (ev.actor.start, ev.actor.end) == at(text, "داعش")
    assert (ev.location.start, ev.location.end) == at(text, "الميادين")


def test_a_man_shot_during_a_clash_stays_in_the_clash():
    text = "قتل جندي برصاص مسلحين خلال اشتباك على أطراف بلدة الشرقاط مساء أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("armed_clash", "firearms")
    assert (ev.killed.min, ev.killed.max) == (1, 1)


def test_a_helicopter_shot_down_by_a_group_is_an_attack_on_it():
    text = (
        'أسقط تنظيم "داعش" صباح اليوم الخميس مروحية للجيش العراقي قرب مدينة بيجي، '
        "ما أدى إلى مقتل جندي."
    )
    (ev,) = extract(text, published="2024-05-09")
    d = ev.to_dict()
    # the aircraft is the target: its army is not the actor
    assert (d["event_type"], d["weapon"]) == ("armed_clash", None)
    assert (d["actor"]["start"], d["actor"]["end"]) == at(text, "داعش")
    assert (d["killed"]["min"], d["killed"]["max"]) == (1, 1)
    assert (d["location"]["start"], d["location"]["end"]) == at(text, "بيجي")
    assert d["date"] == "2024-05-09"


def test_a_helicopter_fired_on_is_a_clash_by_firearms():
    text = "وفي العام الماضي تعرضت مروحية للجيش لإطلاق نار شمال مدينة سامراء."
    (ev,) = extract(text, published="2024-05-09")
    assert (ev.event_type, ev.weapon, ev.background) == ("armed_clash", "firearms", True)
    assert ev.actor is None
    assert (ev.location.start, ev.location.end) == at(text, "سامراء")


@pytest.mark.parametrize(
    "text,expected",
    [
        # a helicopter that strikes is the attacker; a court that «drops» a case is no event
        ("وقصفت مروحية للجيش مواقع للمسلحين قرب مدينة بيجي صباح اليوم.", ["air_strike"]),
        ("وأسقطت المحكمة الاتحادية الطعن المقدم من النواب صباح اليوم.", []),
    ],
)
def test_a_helicopter_striking_and_a_case_dropped(text, expected):
    assert [e.event_type for e in extract(text, published="2024-05-09")] == expected


def test_gunmen_tied_to_their_group_name_the_actor():
    # a named perpetrator (issue 11 class 6): «مسلحون يتبعون لخلايا تنظيم داعش»
    text = "قتل ثلاثة مدنيين في هجوم نفذه مسلحون يتبعون لخلايا تنظيم داعش في بادية حلب أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.actor.start, ev.actor.end) == at(text, "تنظيم داعش")
    assert (ev.killed.min, ev.killed.max) == (3, 3)


def test_gunmen_from_a_group_s_area_are_not_its_members():
    text = "قتل ثلاثة مدنيين في هجوم نفذه مسلحون ملثمون قدموا من مناطق تنظيم داعش في بادية حمص أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert ev.actor is None


def test_a_kidnapping_that_ends_in_killings_is_an_attack():
    text = (
        "وكان مسلحو داعش قد خطفوا ثلاثة مدنيين قرب ناحية العبارة قبل أن يعثر الأهالي"
        " على جثث اثنين منهم."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("other_attack", None)
    assert (ev.killed.min, ev.killed.max) == (2, 2)
    assert (ev.killed.start, ev.killed.end) == at(text, "اثنين")
    assert (ev.actor.start, ev.actor.end) == at(text, "داعش")


@pytest.mark.parametrize(
    "text",
    [
        # a kidnapping alone, a toll told long before it, and a match «snatched» are no attack
        "واختطف مسلحون مجهولون تاجراً من منزله في حي الجهاد ببغداد مساء أمس.",
        "وأسفر قمع الاحتجاجات عن مقتل مئات المتظاهرين وإصابة الآلاف واعتقال العشرات في المدن"
        " الجنوبية منذ مطلع الشهر إلى جانب خطف ناشطين.",
        "وخطف الفريق فوزاً قاتلاً في الدقيقة الأخيرة من المباراة.",
    ],
)
def test_a_kidnapping_without_a_killing_is_no_event(text):
    assert extract(text, published="2024-05-08") == []


def test_herders_killed_in_a_robbery_by_a_group_is_an_attack():
    text = (
        "قتل ثلاثة من رعاة الأغنام وأصيب اثنان آخران خلال عملية سطو نفذها عناصر من"
        " تنظيم داعش قرب مدينة تدمر أمس."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("other_attack", None)
    assert (ev.killed.min, ev.killed.max) == (3, 3)
    assert (ev.wounded.min, ev.wounded.max) == (2, 2)
    assert (ev.actor.start, ev.actor.end) == at(text, "تنظيم داعش")
    assert (ev.location.start, ev.location.end) == at(text, "تدمر")


def test_a_robbery_that_kills_no_one_is_no_event():
    text = "وتعرض محل لبيع الذهب في سوق المدينة لعملية سطو مسلح فجر اليوم."
    assert extract(text, published="2024-05-08") == []


def test_a_cell_that_carried_out_the_raid_names_the_actor():
    # a named perpetrator (issue 11 class 6): «نفذتها خلية تابعة لتنظيم داعش»
    text = "قتل ثلاثة رعاة خلال عملية سطو نفذتها خلية تابعة لتنظيم داعش قرب بلدة السخنة أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.actor.start, ev.actor.end) == at(text, "تنظيم داعش")
    assert (ev.killed.min, ev.killed.max) == (3, 3)


def test_an_unknown_group_that_carried_out_the_attack_names_no_actor():
    text = "قتل ثلاثة جنود في هجوم نفذته مجموعة مجهولة قرب بلدة السخنة أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert ev.actor is None


def test_fire_set_to_a_shop_is_arson_not_a_shooting():
    text = "أضرم مجهولون النار على واجهة محل تجاري في مدينة البصرة أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("other_attack", None)
    assert (ev.location.start, ev.location.end) == at(text, "البصرة")


def test_fire_opened_on_him_is_a_shooting_of_a_person():
    text = "اعترض مسلحون طريق الناشط وسط مدينة الناصرية ثم أطلقوا النار عليه ولاذوا بالفرار."
    (ev,) = extract(text, published="2024-03-08")
    assert (ev.event_type, ev.weapon) == ("other_attack", "firearms")


@pytest.mark.parametrize(
    "text",
    [
        "استشهد شاب برصاص قوات الاحتلال مساء الخميس في مدينة جنين بالضفة الغربية.",
        "قتل متظاهر بالرصاص الحي خلال تفريق احتجاج في مدينة الناصرية أمس.",
        "أصيبت طفلة بطلقة قناص في حي الروضة بمدينة تعز صباح اليوم.",
    ],
)
def test_shot_by_forces_or_live_fire_is_a_shooting(text):
    (ev,) = extract(text, published="2024-03-08")
    assert (ev.event_type, ev.weapon) == ("other_attack", "firearms")
