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


def test_a_strike_in_reply_is_its_own_event_not_the_attack_answered():
    # «ردا على ذلك،» closes before the strike: the demonstrative points at the attack told
    # before, the strike after the comma is the state's answer (and «في جميع أنحاء» is a
    # place's extent, not a habit)
    text = (
        "قتل جنديان أمريكيان في هجوم صاروخي على قاعدة التاجي يوم الأربعاء. وردا على ذلك، شنت"
        " الولايات المتحدة سلسلة من الغارات على مخازن أسلحة لميليشيات في جميع أنحاء غرب العراق،"
        " ما أسفر عن مقتل 4 مسلحين."
    )
    rockets, strike = extract(text, published="2024-05-08")
    assert (rockets.event_type, rockets.killed.min, rockets.killed.max) == ("rocket_attack", 2, 2)
    assert (rockets.location.start, rockets.location.end) == at(text, "قاعدة التاجي")
    assert (strike.event_type, strike.weapon) == ("air_strike", "aircraft")
    assert strike.actor.id == "actor.united_states"
    assert (strike.actor.start, strike.actor.end) == at(text, "الولايات المتحدة")
    assert (strike.killed.min, strike.killed.max) == (4, 4)
    assert (strike.killed.start, strike.killed.end) == at(text, "4 مسلحين")
    assert strike.claimed_by is None


def test_this_attack_after_a_verb_still_refers_back():
    # no punctuation between «هذا» and the attack word: one more statement of the attack
    text = (
        "قتل جنديان أمريكيان في هجوم صاروخي على قاعدة التاجي يوم الأربعاء. وأدانت الحكومة"
        " العراقية هذا الهجوم، وقالت إن الطائرات المسيرة استهدفت القاعدة."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.killed.min) == ("rocket_attack", 2)


def test_all_convoys_targeted_is_still_habitual():
    assert extract("تستهدف الطائرات جميع القوافل التي تعبر الحدود.", published="2024-05-08") == []


def test_a_groups_attack_and_a_states_strike_are_two_events():
    # the same night, the drone attack is done by a group: it is not the state's strike
    text = (
        "نفذت الولايات المتحدة ضربات جوية على مواقع لكتائب حزب الله في العراق الليلة الماضية."
        " وهاجمت كتائب حزب الله قاعدة للتحالف الدولي في أربيل بطائرة مسيرة الليلة الماضية."
    )
    strike, drone = extract(text)
    assert (strike.event_type, strike.weapon) == ("air_strike", "aircraft")
    assert strike.actor.id == "actor.united_states"
    assert (drone.event_type, drone.weapon) == ("drone_attack", "drone")
    group = text.rindex("كتائب حزب الله")
    assert (drone.actor.start, drone.actor.end) == (group, group + len("كتائب حزب الله"))
    assert (drone.location.start, drone.location.end) == at(text, "أربيل")


def test_a_states_strike_told_twice_by_its_forces_is_one_event():
    text = (
        "نفذت الولايات المتحدة ضربات جوية على مخازن أسلحة في منطقة القائم الليلة الماضية."
        " وقال الجيش الأمريكي إن طائراته استهدفت مخازن الأسلحة في منطقة القائم."
    )
    (ev,) = extract(text)
    assert (ev.event_type, len(ev.evidence)) == ("air_strike", 2)


@pytest.mark.parametrize(
    ("text", "event_type", "actor"),
    [
        # «دك» (pounded) is an attack verb
        (
            "دك الطيران الحربي العراقي وكراً للإرهابيين في قضاء الحضر أمس.",
            "air_strike",
            "الطيران الحربي العراقي",
        ),
        ("دكت المدفعية التركية مواقع في قرية قرب قضاء زاخو أمس.", "shelling", "التركية"),
        # «غاراته»: the raids with their owner's pronoun
        (
            "عاود الطيران الحربي العراقي غاراته على أوكار الإرهابيين في قضاء الحضر أمس.",
            "air_strike",
            "الطيران الحربي العراقي",
        ),
    ],
)
def test_a_state_pounding_or_resuming_its_raids_is_an_attack(text, event_type, actor):
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.date) == (event_type, "2024-05-07")
    assert (ev.actor.start, ev.actor.end) == at(text, actor)


def test_pounding_in_the_present_outside_a_headline_is_no_event():
    assert extract("وتدك المدفعية التركية القرى الحدودية قرب قضاء زاخو.") == []


def test_an_air_aggression_is_an_air_strike():
    # «عدوان جوي»: how Syrian state outlets name an Israeli strike
    text = "وشنت إسرائيل عدواناً جوياً على مواقع قرب مطار دمشق الدولي فجر اليوم."
    (ev,) = extract(text, published="2023-11-17")
    assert (ev.event_type, ev.weapon, ev.date) == ("air_strike", "aircraft", "2023-11-17")
    assert (ev.actor.start, ev.actor.end) == at(text, "إسرائيل")
    assert (ev.location.start, ev.location.end) == at(text, "مطار دمشق الدولي")


def test_a_dated_air_aggression_confirmed_by_a_source_is_a_background_strike():
    text = (
        "وفي 8 تشرين الثاني الجاري، أكد مصدر عسكري سوري تنفيذ الطيران الإسرائيلي عدواناً جوياً"
        " على المنطقة الجنوبية في سوريا."
    )
    (ev,) = extract(text, published="2023-11-17")
    assert (ev.event_type, ev.date, ev.background) == ("air_strike", "2023-11-08", True)


def test_aggression_without_air_is_no_event():
    assert extract("ندد البيان بالعدوان على الشعب السوري واستمرار الحصار.") == []


def test_a_present_tense_after_before_that_tells_the_past():
    # «… قبل أن تستهدفها طائرة مسيرة»: the drone struck; the present is the subjunctive
    text = (
        "كانت سيارة للقوات تسير على طريق قرب قرية التنورية في ريف القامشلي اليوم قبل أن"
        " تستهدفها طائرة مسيرة تركية، ما أدى إلى مقتل عنصرين."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon, ev.date) == ("air_strike", "drone", "2024-05-08")
    assert (ev.actor.start, ev.actor.end) == at(text, "طائرة مسيرة تركية")
    assert (ev.killed.min, ev.killed.max) == (2, 2)


@pytest.mark.parametrize(
    "text",
    [
        "وتستهدف المسيرات التركية السيارات على طريق القامشلي بين الحين والآخر.",
        "وتقصف المدفعية التركية القرى الحدودية قرب القامشلي.",
    ],
)
def test_a_present_tense_in_the_body_is_no_event(text):
    assert extract(text, published="2024-05-08") == []


def test_the_state_s_forces_named_are_the_actor_not_the_adjective():
    # states announcing strikes (issue 11 class 3): the noun the text gives, not «تركية»
    text = (
        "شن الجيش التركي فجر اليوم غارات جوية تركية على مواقع في جبال قنديل أسفرت عن مقتل"
        " أربعة مسلحين."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.actor.start, ev.actor.end) == at(text, "الجيش التركي")
    assert (ev.killed.min, ev.killed.max) == (4, 4)


def test_an_adjective_alone_still_names_the_state():
    text = "قصفت طائرة مسيرة تركية سيارة قرب بلدة سنجار مساء أمس ما أدى إلى مقتل شخصين."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("air_strike", "drone")
    assert (ev.actor.start, ev.actor.end) == at(text, "طائرة مسيرة تركية")


def test_an_air_attack_is_an_air_strike_by_the_state_named():
    text = "قتل ضابطان من حرس الحدود في هجوم جوي تركي على قرية سيدكان أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("air_strike", "aircraft")
    assert (ev.actor.start, ev.actor.end) == at(text, "تركي")
    assert (ev.killed.min, ev.killed.max) == (2, 2)


def test_an_attack_without_air_is_no_air_strike():
    text = "قتل ضابطان من حرس الحدود في هجوم على قرية سيدكان أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert ev.event_type == "other_attack"


def test_a_command_saying_its_forces_struck_is_the_actor_of_an_air_strike():
    # states announcing strikes (issue 11 class 3): «قالت القيادة … إن قواتها ضربت …»
    text = (
        "قالت القيادة المركزية الأمريكية إن قواتها ضربت مستودعاً للأسلحة قرب البوكمال"
        " الليلة الماضية."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert ev.event_type == "air_strike"
    assert (ev.actor.start, ev.actor.end) == at(text, "القيادة المركزية الأمريكية")
    assert (ev.location.start, ev.location.end) == at(text, "البوكمال")


def test_a_command_reporting_what_others_did_is_not_their_actor():
    text = (
        "قالت القيادة المركزية الأمريكية إن مسلحين ضربوا مستودعاً للأسلحة قرب البوكمال"
        " الليلة الماضية ما أدى إلى مقتل حارس."
    )
    events = extract(text, published="2024-05-08")
    assert events and all(e.actor is None for e in events)


def test_the_same_drones_named_again_are_the_state_s():
    # states announcing strikes / named perpetrator (issue 11 classes 3, 6)
    text = (
        "استهدفت طائرات مسيرة تركية سيارة في قرية قرب سنجار مساء اليوم. وقال البيان إن"
        " الطائرات المسيرة استهدفت أيضاً موقعاً في قرية أخرى قرب سنجار."
    )
    first, second = extract(text, published="2024-05-08")
    assert (second.event_type, second.weapon) == ("air_strike", "drone")
    assert (second.actor.start, second.actor.end) == at(text, "طائرات مسيرة تركية")


def test_aircraft_named_again_without_being_the_subject_keep_no_actor():
    text = (
        "قصفت طائرات حربية روسية بلدة كفرنبل صباح اليوم ما أدى إلى مقتل ثلاثة مدنيين. وفي"
        " ريف حماة الشمالي، ألقى الطيران المروحي براميل متفجرة على مدينة مورك ما أدى إلى"
        " مقتل طفلين."
    )
    first, second = extract(text, published="2024-05-08")
    assert second.actor is None
