"""Who struck, as the text writes it (issue 11): a state's aircraft named with its
nationality are the actor as written («طائرات حربية روسية»), the state behind them its id.

Every sentence here is written for these tests (none is taken from the dev articles).
"""

from __future__ import annotations

import pytest
from rasid.events import extract
from rasid.events.sentences import split_sentences
from spans import at


@pytest.mark.parametrize(
    ("text", "phrase", "actor_id"),
    [
        (
            "شنت طائرات حربية روسية غارات على بلدة كفرنبل جنوبي إدلب أمس.",
            "طائرات حربية روسية",
            "actor.russia",
        ),
        (
            "استهدفت طائرة مسيرة تركية سيارة في قضاء سنجار أمس.",
            "طائرة مسيرة تركية",
            "actor.turkey",
        ),
    ],
)
def test_a_states_aircraft_are_the_actor_as_written(text, phrase, actor_id):
    (ev,) = extract(text, published="2024-05-08")
    assert ev.event_type == "air_strike"
    assert (ev.actor.mention, ev.actor.id) == (phrase, actor_id)
    assert (ev.actor.start, ev.actor.end) == at(text, phrase)


def test_a_nationality_on_guns_is_the_state_alone():
    # artillery is no aircraft: the adjective alone names the state
    text = "قصفت المدفعية التركية قرى في ريف منبج أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.actor.mention, ev.actor.id) == ("التركية", "actor.turkey")
    assert (ev.actor.start, ev.actor.end) == at(text, "التركية")


def test_a_claimed_attack_whose_method_is_not_told_is_other_attack():
    # the README's convention: a non-state attack whose method is not stated is other_attack;
    # the group claiming it is no actor
    text = "أعلن تنظيم داعش مسؤوليته عن هجوم على نقطة للجيش جنوب مدينة أربيل أسفر عن مقتل 3 جنود."
    (ev,) = extract(text)
    assert (ev.event_type, ev.weapon, ev.actor) == ("other_attack", None, None)
    assert (ev.claimed_by.start, ev.claimed_by.end) == at(text, "تنظيم داعش")
    assert (ev.killed.min, ev.killed.max) == (3, 3)


def test_gunmen_of_a_group_attacking_are_an_armed_clash():
    text = "هاجم مسلحو تنظيم داعش نقطة للجيش جنوب مدينة أربيل ما أسفر عن مقتل 3 جنود."
    (ev,) = extract(text)
    assert (ev.event_type, ev.weapon) == ("armed_clash", "firearms")
    assert (ev.actor.start, ev.actor.end) == at(text, "تنظيم داعش")


TITLE_TWICE = (
    "مقتل 20 مسلحاً بغارة عراقية استهدفت قياديين داخل سوريا\n\n"
    "مقتل 20 مسلحاً بغارة عراقية استهدفت قياديين داخل سوريا\n"
    "24 حزيران 2018\n"
    "شن الطيران الحربي العراقي أمس ضربة على تجمع لقيادات التنظيم داخل الأراضي السورية، مما"
    " أسفر عن مقتل 20 عضواً."
)


def test_a_title_repeated_under_itself_is_a_title_too():
    sentences = split_sentences(TITLE_TWICE)
    assert [s.headline for s in sentences[:3]] == [True, True, False]


def test_the_actor_is_taken_from_the_body_not_from_a_repeated_title():
    (ev,) = extract(TITLE_TWICE, published="2018-06-24")
    assert ev.actor.mention == "الطيران الحربي العراقي"
    assert ev.actor.start == TITLE_TWICE.index("الطيران الحربي العراقي")
    assert (ev.killed.min, ev.date) == (20, "2018-06-23")


def test_a_group_calling_itself_by_a_name_claims_the_attack_it_announces():
    # «قالت جماعة تطلق على نفسها اسم X إنها أطلقت …»: X announces its own attack: a claim
    text = (
        "أسقطت أنظمة الدفاع طائرة مسيرة مسلحة فوق مطار أربيل مساء الأحد. وقالت جماعة تطلق على"
        ' نفسها اسم "المقاومة الإسلامية في العراق" إنها أطلقت الطائرة المسيرة لمهاجمة القاعدة.'
    )
    (ev,) = extract(text, published="2023-12-31")
    assert (ev.event_type, ev.actor) == ("drone_attack", None)
    assert (ev.claimed_by.start, ev.claimed_by.end) == at(text, "المقاومة الإسلامية في العراق")


def test_a_ministry_telling_of_a_self_named_group_is_no_claim():
    text = (
        "قالت وزارة الدفاع إن جماعة تطلق على نفسها اسم «المقاومة الإسلامية في العراق» أطلقت"
        " طائرة مسيرة على قاعدة حرير مساء الأحد."
    )
    (ev,) = extract(text, published="2023-12-31")
    assert ev.event_type == "drone_attack"
    assert ev.claimed_by is None


@pytest.mark.parametrize(
    ("text", "event_type", "accused"),
    [
        # «ألقى اللوم على X»: throws blame, not a bomb; X is only blamed
        (
            "وألقت الولايات المتحدة اللوم على كتائب حزب الله في سقوط صاروخ على قاعدة عين الأسد"
            " يوم الجمعة.",
            "rocket_attack",
            "كتائب حزب الله",
        ),
        (
            "قتل أربعة جنود في هجوم ألقي باللوم فيه على تنظيم داعش قرب كركوك أمس.",
            "other_attack",
            "تنظيم داعش",
        ),
    ],
)
def test_a_party_blamed_is_accused_not_the_actor(text, event_type, accused):
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.actor, ev.claimed_by) == (event_type, None, None)
    assert [(a.start, a.end) for a in ev.accused] == [at(text, accused)]


def test_a_states_drone_named_with_an_epithet_is_its_air_strike():
    # «طائرة مسيرة للاحتلال التركي»: «الاحتلال» stands between the drone and its state
    text = "استهدفت طائرة مسيرة للاحتلال التركي سيارة في قضاء سنجار اليوم."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("air_strike", "drone")
    assert (ev.actor.id, ev.actor.mention) == ("actor.turkey", "طائرة مسيرة للاحتلال التركي")
    assert (ev.actor.start, ev.actor.end) == at(text, "طائرة مسيرة للاحتلال التركي")


def test_a_drone_of_no_state_is_a_drone_attack():
    text = "استهدفت طائرة مسيرة مجهولة سيارة في قضاء سنجار اليوم."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.actor) == ("drone_attack", None)


def test_the_group_that_fired_the_rocket_is_the_actor():
    # «صاروخ أطلقته جماعة X»: the relative verb with its pronoun names who fired
    text = "سقط صاروخ أطلقته كتائب حزب الله على قاعدة عين الأسد اليوم."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.claimed_by) == ("rocket_attack", None)
    assert (ev.actor.start, ev.actor.end) == at(text, "كتائب حزب الله")


def test_a_rocket_fired_by_unnamed_factions_kills_and_has_no_actor():
    text = "قتل جنديان بصاروخ أطلقته فصائل مسلحة على قاعدة عين الأسد اليوم."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.actor) == ("rocket_attack", None)
    assert (ev.killed.min, ev.killed.max) == (2, 2)


def test_forces_after_a_verb_whose_subject_is_the_attack_are_its_target():
    text = "وقال مسؤول إن هجوماً بطائرة مسيرة استهدف القوات الأمريكية في قاعدة حرير مساء الأحد."
    (ev,) = extract(text, published="2024-03-04")
    assert ev.actor is None
    assert ev.event_type == "drone_attack"


def test_a_group_after_a_verb_with_an_object_pronoun_is_the_actor():
    text = "وسقطت صواريخ أطلقتها كتائب حزب الله على قاعدة حرير مساء الأحد."
    (ev,) = extract(text, published="2024-03-04")
    assert ev.actor is not None
    assert (ev.actor.start, ev.actor.end) == at(text, "كتائب حزب الله")


def test_forces_right_after_an_attack_verb_are_its_subject():
    text = "واستهدفت القوات التركية بالمدفعية قرية في ريف منبج مساء الأحد."
    (ev,) = extract(text, published="2024-03-04")
    assert (ev.actor.start, ev.actor.end) == at(text, "القوات التركية")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("وقامت إسرائيل قبل يومين بتنفيذ اعتداء صاروخي على منزل في حي المزة بدمشق.", "إسرائيل"),
        (
            "وقام الطيران الحربي التركي باستهداف قرية في ناحية سيدكان مساء الأحد.",
            "الطيران الحربي التركي",
        ),
    ],
)
def test_the_subject_of_performed_with_an_attack_is_the_actor(text, phrase):
    (ev,) = extract(text, published="2024-03-04")
    assert (ev.actor.start, ev.actor.end) == at(text, phrase)


def test_forces_that_performed_a_rescue_after_an_attack_are_no_actor():
    text = "انفجرت عبوة ناسفة قرب سوق في بعقوبة، وقامت القوات الأمنية بنقل الجرحى إلى المستشفى."
    (ev,) = extract(text, published="2024-03-04")
    assert ev.actor is None
