"""Event detection: which statements are events, of which type, with which evidence.

Every sentence here is written for these tests (none is taken from the dev articles).
"""

from __future__ import annotations

import pytest
import rasid
from rasid.events import extract
from spans import at


def spans(event) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in event.evidence]


# ---------------------------------------------------------------------------------------------
# one sentence, one event of each type


TYPES = [
    (
        "سقطت ثلاثة صواريخ كاتيوشا مساء الثلاثاء على قاعدة عين الأسد في محافظة الأنبار.",
        "rocket_attack",
        "katyusha_rocket",
        "سقطت ثلاثة صواريخ كاتيوشا مساء الثلاثاء على قاعدة عين الأسد في محافظة الأنبار",
    ),
    (
        "أعلن الحرس الثوري الإيراني أنه استهدف مقرات لجماعات كردية معارضة قرب مدينة كويسنجق"
        " بصواريخ بالستية اليوم.",
        "missile_attack",
        "ballistic_missile",
        "أعلن الحرس الثوري الإيراني أنه استهدف مقرات لجماعات كردية معارضة قرب مدينة كويسنجق"
        " بصواريخ بالستية اليوم",
    ),
    (
        "أعلنت فصائل عراقية أن طائرة مسيرة مفخخة استهدفت حقل كورمور للغاز صباح أمس، ما أدى"
        " إلى توقف الإنتاج.",
        "drone_attack",
        "drone",
        "أعلنت فصائل عراقية أن طائرة مسيرة مفخخة استهدفت حقل كورمور للغاز صباح أمس،",
    ),
    (
        "قتل أربعة مسلحين في غارة تركية بطائرة مسيرة استهدفت سيارتهم قرب مدينة سنجار اليوم السبت.",
        "air_strike",
        "drone",
        "قتل أربعة مسلحين في غارة تركية بطائرة مسيرة استهدفت سيارتهم قرب مدينة سنجار اليوم السبت",
    ),
    (
        "قصفت قوات النظام بقذائف الهاون بلدة كفرنبل جنوبي إدلب، ما أدى إلى مقتل مدني وإصابة"
        " ثلاثة آخرين.",
        "shelling",
        "mortar",
        "قصفت قوات النظام بقذائف الهاون بلدة كفرنبل جنوبي إدلب،",
    ),
    (
        "انفجرت عبوة ناسفة على رتل للجيش العراقي قرب قضاء الطارمية شمال بغداد، ما أسفر عن"
        " إصابة جنديين.",
        "ied_attack",
        "ied",
        "انفجرت عبوة ناسفة على رتل للجيش العراقي قرب قضاء الطارمية شمال بغداد،",
    ),
    (
        "قتل ضابط وثلاثة جنود في هجوم مسلح شنه عناصر من تنظيم داعش على نقطة عسكرية في ناحية"
        " الرشاد.",
        "armed_clash",
        "firearms",
        "قتل ضابط وثلاثة جنود في هجوم مسلح شنه عناصر من تنظيم داعش على نقطة عسكرية في ناحية الرشاد",
    ),
    (
        "أضرم مسلحون مجهولون النار في شاحنتين تنقلان معدات للقوات الأمريكية قرب مدينة الديوانية"
        " فجر اليوم.",
        "other_attack",
        None,
        "أضرم مسلحون مجهولون النار في شاحنتين تنقلان معدات للقوات الأمريكية قرب مدينة الديوانية"
        " فجر اليوم",
    ),
]


@pytest.mark.parametrize("text, event_type, weapon, evidence", TYPES)
def test_each_event_type_is_detected_with_its_evidence(text, event_type, weapon, evidence):
    events = extract(text, published="2022-09-28", doc_id="t")
    assert len(events) == 1
    ev = events[0]
    assert ev.event_type == event_type
    assert ev.weapon == weapon
    assert spans(ev) == [at(text, evidence)]
    assert ev.evidence[0].text == evidence
    assert ev.background is False


def test_passive_verb_states_an_attack():
    text = "استُهدفت قاعدة بلد الجوية فجر اليوم بصاروخين، وفق مصدر أمني."
    (ev,) = extract(text, published="2021-05-04")
    assert ev.event_type == "rocket_attack"
    assert spans(ev) == [at(text, "استُهدفت قاعدة بلد الجوية فجر اليوم بصاروخين،")]
    assert (ev.munitions.min, ev.munitions.max) == (2, 2)


def test_public_api_is_reexported():
    assert rasid.extract is extract
    assert rasid.Event is rasid.events.Event


# ---------------------------------------------------------------------------------------------
# not events


NOT_EVENTS = [
    # statistics
    "أحصت القوات الأمريكية 40 هجوماً على قواعدها منذ بداية الشهر، وهو الهجوم الخامس هذا الأسبوع.",
    "تعرضت القوات الأجنبية للهجمات ما لا يقل عن 12 مرة خلال الشهر الماضي.",
    # threats and plans
    "هددت جماعة مسلحة بقصف القواعد الأمريكية بالصواريخ إذا لم تنسحب القوات من البلاد.",
    "تدرس الحكومة خيارات للرد على الهجمات الأخيرة، بينها إمكانية تنفيذ ضربات جوية ضد مواقع"
    " الفصائل.",
    # denial
    "نفت قيادة العمليات المشتركة سقوط صواريخ على مطار بغداد الدولي، مؤكدة أن الأنباء عارية"
    " عن الصحة.",
    # habitual and general statements
    "وتتعرض القواعد الأمريكية في سوريا يومياً لهجمات بالطائرات المسيرة منذ أشهر.",
    "وغالباً ما تستهدف الفصائل أرتال الدعم اللوجستي بعبوات ناسفة على الطرق السريعة.",
    # weapons without an attack
    "أجرت وزارة الدفاع اختباراً لصواريخ جديدة وطائرات مسيرة محلية الصنع.",
    # attack words used for words, campaigns, sport and accidents
    "شن رئيس البرلمان هجوماً لاذعاً على الحكومة بسبب أزمة الكهرباء أمس.",
    "استهدفت الحملة الانتخابية الشباب في مدينة البصرة.",
    "شن المنتخب العراقي هجوماً مكثفاً على مرمى المنافس في الشوط الثاني.",
    "أدى انفجار إطار شاحنة إلى إصابة السائق بجروح على طريق بغداد كركوك.",
    # foiled plots
    "أعلنت الشرطة إحباط هجوم بسيارة مفخخة كان يستهدف سوقاً شعبياً في مدينة كركوك.",
    "أحبطت القوات الأمنية مخططاً لاستهداف قاعدة عين الأسد بالصواريخ.",
    # calls, debates and speculation about attacks
    "دعا رئيس الوزراء إلى وقف الهجمات على البعثات الدبلوماسية، مؤكداً أن الحكومة ستلاحق"
    " منفذي الهجوم على السفارة.",
    "ناقش مجلس النواب تداعيات القصف التركي المتكرر على قرى إقليم كردستان، وطالب الحكومة"
    " باتخاذ موقف حازم.",
    "قال محللون إن الضربات الأمريكية المحتملة قد تستهدف مواقع الفصائل في جرف الصخر.",
    # a running total
    "ومنذ الأحد، أدت الغارات الجوية والقصف المدفعي على ريف إدلب إلى مقتل أكثر من 50 مدنياً.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_statements_that_are_not_events(text):
    assert extract(text, published="2023-11-20") == []


def test_no_trigger_no_work():
    assert extract("التقى رئيس الوزراء وفداً من المستثمرين في بغداد.") == []
    assert extract("") == []
    assert extract("   \n ") == []


# ---------------------------------------------------------------------------------------------
# one event per real event


def test_two_sentences_about_one_attack_are_one_event_with_both_spans():
    text = (
        "استهدف هجوم بطائرتين مسيرتين قاعدة حرير شمالي أربيل مساء الأحد. وقال مسؤول كردي إن"
        " الهجوم على قاعدة حرير لم يسفر عن خسائر بشرية."
    )
    (ev,) = extract(text, published="2023-10-30")
    assert ev.event_type == "drone_attack"
    assert spans(ev) == [
        at(text, "استهدف هجوم بطائرتين مسيرتين قاعدة حرير شمالي أربيل مساء الأحد"),
        at(text, "وقال مسؤول كردي إن الهجوم على قاعدة حرير لم يسفر عن خسائر بشرية"),
    ]
    assert (ev.killed.min, ev.killed.max, ev.wounded.min, ev.wounded.max) == (0, 0, 0, 0)


def test_two_attacks_in_one_article_stay_two_events():
    text = (
        "سقطت أربعة صواريخ على قاعدة عين الأسد مساء الاثنين. وفي سوريا، استهدفت طائرة مسيرة"
        " قاعدة التنف في الليلة نفسها."
    )
    events = extract(text, published="2023-10-31")
    assert [e.event_type for e in events] == ["rocket_attack", "drone_attack"]
    assert [e.location.id for e in events] == ["iq.site.ain_al_asad", "sy.site.tanf"]


def test_a_dual_with_ordinals_is_two_events():
    text = (
        "أفاد مصدر أمني باستهدافين بعبوات ناسفة لرتلين للتحالف الدولي، الأول قرب مدينة"
        " الناصرية والثاني قرب مدينة السماوة."
    )
    events = extract(text, published="2021-08-24")
    assert [e.event_type for e in events] == ["ied_attack", "ied_attack"]
    assert [e.location.name_ar for e in events] == ["الناصرية", "السماوة"]
    assert events[0].munitions is None and events[1].munitions is None


def test_sniper_fire_and_an_intercepted_drone_are_events():
    (ev,) = extract("قتل جندي برصاص قناص في قضاء الطارمية شمالي بغداد فجر اليوم.")
    # a person shot by a sniper is a shooting (another attack by firearms), not a fight
    assert (ev.event_type, ev.weapon) == ("other_attack", "firearms")
    assert (ev.killed.min, ev.killed.max) == (1, 1)
    text = "أعلنت قيادة العمليات المشتركة إسقاط طائرة مسيرة قرب مطار بغداد الدولي دون وقوع أضرار."
    (ev,) = extract(text)
    assert ev.event_type == "drone_attack" and ev.outcome == "intercepted"
    assert ev.location.mention == "مطار بغداد الدولي"


def test_a_group_claiming_a_raid_makes_it_a_clash():
    text = (
        "هاجم مسلحون من تنظيم داعش نقطة للحشد الشعبي في قضاء الطوز، ما أسفر عن مقتل ثلاثة"
        " مقاتلين وإصابة اثنين. وتبنى تنظيم داعش الهجوم في بيان نشره على قنوات تابعة له."
    )
    (ev,) = extract(text)
    assert ev.event_type == "armed_clash"
    assert ev.claimed_by.mention == "تنظيم داعش"
    assert (ev.killed.min, ev.wounded.min) == (3, 2)


def test_another_attack_is_another_event():
    text = (
        "هاجم مسلحون من تنظيم داعش نقطة للجيش في قضاء الخالص مساء اليوم، ما أدى إلى إصابة"
        " جندي. وبعد وقت قصير شن التنظيم هجوماً آخر على نقطة في ناحية العظيم أسفر عن مقتل"
        " خمسة جنود."
    )
    first, second = extract(text, published="2023-01-10")
    assert (first.wounded.min, first.killed) == (1, None)
    assert (second.killed.min, second.killed.max) == (5, 5)
    assert second.location.name_ar != first.location.name_ar


def test_ongoing_campaign_sentence_is_no_event_of_its_own():
    text = (
        "انفجرت عبوة ناسفة على رتل للتحالف الدولي في محافظة الديوانية صباح اليوم. "
        "وتشهد المحافظات الجنوبية منذ شهور استهدافاً مستمراً بالعبوات الناسفة لأرتال الدعم."
    )
    events = extract(text, published="2021-06-01")
    assert len(events) == 1
    ev = events[0]
    first = "انفجرت عبوة ناسفة على رتل للتحالف الدولي في محافظة الديوانية صباح اليوم"
    assert [(e.start, e.end) for e in ev.evidence] == [
        (text.index(first), text.index(first) + len(first))
    ]
    assert (ev.munitions.min, ev.munitions.max) == (1, 1)


def test_an_attack_ranked_second_of_its_kind_is_still_reported():
    text = (
        "أفاد مصدر أمني، يوم الأربعاء، بتعرض رتل للتحالف الدولي إلى تفجير قرب مدينة الديوانية"
        " هو الثاني من نوعه خلال يومين."
    )
    events = extract(text, published="2021-06-02")
    assert len(events) == 1
    ev = events[0]
    assert ev.event_type == "ied_attack"
    assert ev.date == "2021-06-02"
    clause = " بتعرض رتل للتحالف الدولي إلى تفجير قرب مدينة الديوانية هو الثاني من نوعه خلال يومين"
    assert spans(ev) == [at(text, clause)]


def test_an_attack_noun_ranked_of_its_kind_alone_is_no_new_event():
    text = (
        "سقطت ثلاثة صواريخ على قاعدة عين الأسد مساء الأحد. ويعد هذا الهجوم الثالث من نوعه"
        " خلال أسبوع."
    )
    events = extract(text, published="2023-01-09")
    assert len(events) == 1
    assert spans(events[0]) == [at(text, "سقطت ثلاثة صواريخ على قاعدة عين الأسد مساء الأحد")]


def test_a_similar_attack_takes_the_type_of_the_one_before():
    text = (
        "انفجرت عبوة ناسفة على رتل دعم للتحالف الدولي قرب مدينة السماوة ظهر اليوم. "
        "وتعرض رتل آخر إلى هجوم مماثل مساء اليوم قرب مدينة الناصرية."
    )
    first, second = extract(text, published="2021-05-25")
    assert first.event_type == second.event_type == "ied_attack"
    assert second.weapon == "ied"
    assert second.location.mention == "الناصرية"
    assert second.location.start == text.index("الناصرية")
    assert spans(second) == [at(text, "وتعرض رتل آخر إلى هجوم مماثل مساء اليوم قرب مدينة الناصرية")]


@pytest.mark.parametrize(
    "text, trigger",
    [
        (
            "هاجم مسلحون نقطة للشرطة قرب قضاء الخالص مساء اليوم بالأسلحة الخفيفة والمتوسطة.",
            "هاجم",
        ),
        (
            "وقع تبادل لإطلاق النار بين قوة أمنية ومطلوبين في قضاء الخالص فجر اليوم"
            " أسفر عن مقتل مطلوب.",
            "تبادل لإطلاق النار",
        ),
        (
            "قتل شخص وأصيب اثنان في نزاع عشائري بقضاء الزبير مساء الأحد.",
            "نزاع عشائري",
        ),
    ],
)
def test_armed_clash_phrasings(text, trigger):
    events = extract(text, published="2024-01-10")
    assert len(events) == 1
    ev = events[0]
    assert (ev.event_type, ev.weapon) == ("armed_clash", "firearms")
    assert ev.evidence[0].start <= text.index(trigger) < ev.evidence[0].end


def test_a_place_after_a_compass_word_only_locates_the_place_before_it():
    text = "قتل شخص وأصيب اثنان في نزاع عشائري بقضاء الزبير شمالي البصرة مساء الأحد."
    ev = extract(text, published="2024-01-10")[0]
    assert ev.location.mention == "قضاء الزبير"
    assert ev.location.start == text.index("قضاء الزبير")
    assert ev.location.kind == "district"


@pytest.mark.parametrize(
    "extra",
    [
        "ودائماً ما تتعرض القاعدة لهجمات من قبل فصائل مسلحة.",
        "وتقصف قوات النظام بشكل شبه يومي قرى ريف إدلب الجنوبي.",
        "وما تزال القوات التركية تواصل قصف القرى الحدودية منذ مطلع العام.",
        "وكثيراً ما تعلن الفصائل مسؤوليتها عن هجمات بالصواريخ على القواعد.",
        "وسبق للفصائل أن نفذت أكثر من 40 عملية قصف طالت قواعد في العراق وسوريا، فضلاً عن"
        " قصف مطار أربيل بطائرات مسيرة.",
    ],
)
def test_habits_and_tallies_after_a_report_add_no_event(extra):
    first = "سقط صاروخان على قاعدة عين الأسد الجوية فجر اليوم دون وقوع إصابات."
    text = first + " " + extra
    events = extract(text, published="2023-12-13")
    assert len(events) == 1
    assert spans(events[0]) == [at(text, first[:-1])]


def test_a_cordon_is_not_a_strike_and_its_forces_are_not_the_attacker():
    text = (
        "انفجرت عبوة ناسفة على دورية للجيش قرب قضاء الطارمية صباح اليوم ما أدى إلى إصابة"
        " جنديين. وضربت القوات الأمنية طوقاً أمنياً حول مكان الانفجار."
    )
    events = extract(text, published="2024-01-10")
    assert len(events) == 1
    assert events[0].event_type == "ied_attack"
    assert events[0].actor is None


def test_an_earthquake_that_struck_is_no_attack():
    text = "تضررت مبان كثيرة في مدينة جنديرس بعد الزلزال المدمر الذي ضرب شمال سوريا فجر الاثنين."
    assert extract(text, published="2023-02-07") == []
    text = (
        "قتل مسلحان بغارة لطائرة مسيرة تركية على سيارة قرب مدينة القامشلي اليوم الأربعاء. "
        "ويأتي ذلك بعد أسبوعين من الزلزال المدمر الذي ضرب جنوب تركيا وشمال سوريا."
    )
    events = extract(text, published="2023-02-22")
    assert len(events) == 1
    first = "قتل مسلحان بغارة لطائرة مسيرة تركية على سيارة قرب مدينة القامشلي اليوم الأربعاء"
    assert spans(events[0]) == [at(text, first)]


@pytest.mark.parametrize(
    "text, etype, slot, expected, phrase_",
    [
        (
            "أصيب شخصان بانفجار عبوة ناسفة في منطقة الدورة جنوبي بغداد اليوم.",
            "ied_attack",
            "wounded",
            (2, 2),
            "شخصان",
        ),
        (
            "قتل جنديان بهجوم لمسلحين على نقطة عسكرية قرب قضاء الخالص مساء أمس.",
            "armed_clash",
            "killed",
            (2, 2),
            "جنديان",
        ),
        (
            "استشهد مدنيان بقصف مدفعي على بلدة مجدليا في ريف إدلب اليوم.",
            "shelling",
            "killed",
            (2, 2),
            "مدنيان",
        ),
        (
            "قتل 3 مسلحين بغارة تركية على قرية قرب مدينة القامشلي اليوم.",
            "air_strike",
            "killed",
            (3, 3),
            "3 مسلحين",
        ),
    ],
)
def test_casualties_before_an_attack_word_with_a_preposition_are_no_tally(
    text, etype, slot, expected, phrase_
):
    events = extract(text, published="2023-02-22")
    assert len(events) == 1
    ev = events[0]
    assert ev.event_type == etype
    c = getattr(ev, slot)
    assert (c.min, c.max) == expected
    assert c.start == text.index(phrase_)
    assert spans(ev) == [(0, len(text) - 1)]


def test_a_number_right_before_an_attack_noun_is_still_a_tally():
    assert extract("نفذت الفصائل 92 هجوما على القواعد الأمريكية منذ تشرين الأول.") == []


@pytest.mark.parametrize(
    "text, etype, weapon",
    [
        ("انفجرت عبوه ناسفه على دوريه للشرطه في قضاء الطارميه صباح اليوم.", "ied_attack", "ied"),
        (
            "قتل 4 أشخاص وأصيب 10 آخرون في انفجار سيارة مفخخه بسوق شعبي في بعقوبة.",
            "ied_attack",
            "car_bomb",
        ),
        ("استهدفت طائره مسيره مقراً للحشد في قضاء القائم فجر اليوم.", "drone_attack", "drone"),
    ],
)
def test_lexicon_words_written_with_ha_for_ta_marbuta(text, etype, weapon):
    events = extract(text, published="2023-03-05")
    assert len(events) == 1
    assert (events[0].event_type, events[0].weapon) == (etype, weapon)


def test_a_force_after_patrol_or_station_is_not_a_place_of_that_name():
    for text in (
        "انفجرت عبوة ناسفة على دورية للشرطة في قضاء الطارمية صباح اليوم.",
        "هاجم مسلحون مركز الشرطة في قضاء الطارمية مساء أمس.",
    ):
        ev = extract(text, published="2023-03-05")[0]
        assert ev.location.name_ar == "الطارمية"
        assert ev.location.start == text.index("الطارمية")


def test_fighters_after_the_attack_verb_make_an_armed_clash():
    text = "استهدف مقاتلو العشائر عربة عسكرية على طريق بلدة ذيبان في ريف دير الزور صباح اليوم."
    events = extract(text, published="2023-11-10")
    assert len(events) == 1
    assert (events[0].event_type, events[0].weapon) == ("armed_clash", "firearms")


def test_the_attack_answered_is_not_the_attack_reported():
    text = (
        "قالت جماعة مسلحة إنها استهدفت قاعدة التنف بطائرة مسيرة اليوم السبت، ردا على الغارة"
        " الأميركية التي نفذتها القوات الأميركية على مقراتها في سوريا. وجاء ذلك في أول رد فعل"
        " على الهجوم الأميركي الذي استهدف مواقع الفصائل في العراق."
    )
    events = extract(text, published="2024-02-03")
    assert len(events) == 1
    ev = events[0]
    assert (ev.event_type, ev.weapon) == ("drone_attack", "drone")
    assert ev.actor is None
    assert ev.location.mention == "قاعدة التنف"
    first = "قالت جماعة مسلحة إنها استهدفت قاعدة التنف بطائرة مسيرة اليوم السبت،"
    assert spans(ev) == [at(text, first)]


def test_the_blast_of_a_drone_strike_is_the_same_event():
    text = (
        "قتل مدنيان جراء استهداف سيارة على طريق قرية قرب مدينة القامشلي مساء اليوم. وقالت"
        " وكالة محلية إن شخصاً واحداً على الأقل جرح في التفجير، فيما ذكرت صفحات محلية أن"
        " طائرة مسيرة تركية استهدفت السيارة."
    )
    events = extract(text, published="2022-06-20")
    assert len(events) == 1
    assert (events[0].event_type, events[0].weapon) == ("air_strike", "drone")


def test_a_weak_lead_clause_joins_the_event_the_next_sentence_names():
    text = (
        "تعرض حقل غاز في إقليم كردستان إلى قصف صاروخي، في رابع هجوم خلال شهر. وقال"
        " قائممقام قضاء جمجمال إن حقل كورمور تعرض إلى قصف بثلاثة صواريخ كاتيوشا."
    )
    events = extract(text, published="2022-07-25")
    assert len(events) == 1
    ev = events[0]
    assert ev.location.name_en == "Khor Mor gas field"
    assert spans(ev)[0] == (0, text.index(". وقال"))
    assert (ev.munitions.min, ev.munitions.max) == (3, 3)


def test_rarely_confirms_is_habitual():
    first = "قتل شخص بقصف إسرائيلي استهدف سيارة على طريق مطار دمشق الدولي فجر اليوم."
    text = first + " ونادراً ما تؤكد إسرائيل تنفيذ ضربات في سوريا، لكنها تتوعد بالتصدي لإيران."
    events = extract(text, published="2024-09-20")
    assert len(events) == 1
    assert spans(events[0]) == [at(text, first[:-1])]
    assert events[0].outcome is None


def test_a_suicide_bombing_claimed_in_the_sentence_before():
    text = (
        "أعلن تنظيم داعش مسؤوليته عن الهجوم الانتحاري الذي وقع في مدينة الموصل أمس الخميس."
        " وكانت السلطات قالت إن انتحارياً فجر نفسه بحزام ناسف في سوق بمدينة الموصل مما أودى"
        " بحياة 12 شخصاً."
    )
    events = extract(text, published="2021-01-22")
    assert len(events) == 1
    ev = events[0]
    assert (ev.event_type, ev.weapon) == ("ied_attack", "ied")
    assert ev.claimed_by.mention == "تنظيم داعش"
    assert ev.claimed_by.start == text.index("تنظيم داعش")
    assert ev.actor is None
    assert (ev.killed.min, ev.killed.max) == (12, 12)


def test_a_kunya_with_a_nationality_is_a_name_not_a_state():
    text = (
        "تبنى تنظيم داعش التفجير الذي وقع في سوق بمدينة الموصل مساء أمس، وقال إن أحد عناصره"
        " واسمه أبو حمزة العراقي فجر نفسه بحزام ناسف."
    )
    ev = extract(text, published="2021-07-20")[0]
    assert ev.actor is None
    assert ev.claimed_by.mention == "تنظيم داعش"


def test_a_similar_attack_hours_before_is_another_event():
    text = (
        "استهدفت طائرة مسيرة سيارة مدنية في بلدة كتيان بريف إدلب اليوم الثلاثاء دون وقوع"
        " إصابات. ويأتي هذا الهجوم عقب ساعات من هجوم مماثل استهدف بلدة الأتارب بريف حلب"
        " وتسبب بإصابة 13 مدنياً."
    )
    first, second = extract(text, published="2024-01-16")
    assert (first.wounded.min, first.wounded.max) == (0, 0)
    assert (second.wounded.min, second.wounded.max) == (13, 13)
    assert second.event_type == "drone_attack"


def test_a_tally_after_the_report_is_no_continuation():
    text = (
        "استهدفت طائرة مسيرة سيارتين في بلدة بداما بريف إدلب ما أسفر عن إصابة مدنيين اثنين."
        " ومنذ بداية العام وثق الدفاع المدني 13 هجوماً بطائرة مسيرة انتحارية استهدفت مدنيين."
    )
    events = extract(text, published="2024-03-11")
    assert len(events) == 1
    assert len(events[0].evidence) == 1


def test_raids_of_one_attack_counted_vaguely_are_an_event():
    text = "وقصف الطيران الحربي بعدد من الغارات الجوية مواقع في بلدة الباغوز مساء أمس."
    (ev,) = extract(text, published="2024-03-04")
    assert ev.event_type == "air_strike"
    assert ev.munitions is None


def test_raids_counted_vaguely_over_a_span_are_a_tally():
    text = "ونفذ سلاح الجو عدة ضربات جوية ضد التنظيم في الصحراء منذ العام الماضي."
    assert extract(text, published="2024-03-04") == []


def test_two_bombs_that_exploded_are_one_attack_with_two_munitions():
    text = "وقال مصدر أمني إن عبوتين ناسفتين انفجرتا برتل للجيش على طريق المطار في الناصرية."
    (ev,) = extract(text, published="2024-03-04")
    assert ev.event_type == "ied_attack"
    assert (ev.munitions.min, ev.munitions.max) == (2, 2)
    assert (ev.munitions.start, ev.munitions.end) == at(text, "عبوتين ناسفتين")


def test_an_attack_verb_told_later_or_also_is_one_more_attack():
    # separate incidents merged (issue 11 class 2): «لاحقاً» / «أيضاً» right after the verb
    text = (
        "استهدف مسلحون مجهولون بعبوات ناسفة برجين لنقل الطاقة في ناحية الرشاد جنوبي كركوك. "
        "وقال مصدر أمني إن المسلحين فجروا لاحقاً برجاً ثالثاً في قضاء الحويجة."
    )
    events = extract(text, published="2024-05-08")
    assert [e.event_type for e in events] == ["ied_attack", "ied_attack"]
    assert [(e.location.start, e.location.end) for e in events] == [
        at(text, "ناحية الرشاد"),
        at(text, "قضاء الحويجة"),
    ]
    assert (events[0].munitions.min, events[0].munitions.max) == (2, None)
    assert events[1].munitions is None


def test_also_said_of_the_same_strike_is_no_second_attack():
    text = (
        "استهدفت طائرة مسيرة سيارة في قرية قرب سنجار مساء أمس. "
        "وقال المصدر أيضاً إن الطائرة استهدفت السيارة بصاروخين."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert ev.event_type == "drone_attack"
    assert (ev.munitions.min, ev.munitions.max) == (2, 2)


def test_the_attacks_told_doing_more_are_no_further_attack():
    # «الهجمات استهدفت أيضاً …»: the attacks told before, as subject, also struck more
    text = (
        "شنت طائرات إسرائيلية غارات على مواقع عسكرية قرب مدينة حمص مساء اليوم. وكانت إسرائيل"
        " قد نفذت مؤخراً هجمات جوية استهدفت مناطق عدة في سوريا، حيث استهدفت مواقع للجيش في"
        " منطقة الكسوة. وقالت الوكالة إن الهجمات استهدفت أيضاً أجهزة رصد في جبل المانع."
    )
    today, recalled = extract(text, published="2024-05-08")
    assert (today.background, len(today.evidence)) == (False, 1)
    assert (recalled.event_type, recalled.background, len(recalled.evidence)) == (
        "air_strike",
        True,
        2,
    )


@pytest.mark.parametrize(
    "text",
    [
        # not events (issue 11 class 7): a live-fire drill, and «أطلق» that names
        "أجرت الفرقة الخامسة تدريبات بالذخيرة الحية بمشاركة المدفعية والدبابات في عملية"
        " أطلق عليها اسم الدرع الحصين شمالي بغداد أمس.",
        "ونفذت قطعات الجيش تمريناً تعبوياً قصفت خلاله المدفعية أهدافاً وهمية في صحراء النجف.",
        "وقال القائد إن الحملة التي أطلق عليها اسم العزم الصلب تهدف إلى تأمين الحدود.",
    ],
)
def test_a_drill_or_a_name_given_is_no_event(text):
    assert extract(text, published="2024-05-08") == []


def test_an_attack_told_after_a_drill_is_still_an_attack():
    text = (
        "أنهت قطعات الجيش تدريبات بالذخيرة الحية في صحراء النجف أمس. "
        "وفي سياق آخر، سقط صاروخ كاتيوشا على قاعدة بلد الجوية مساء أمس."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("rocket_attack", "katyusha_rocket")
    assert (ev.munitions.min, ev.munitions.max) == (1, 1)
    assert (ev.location.start, ev.location.end) == at(text, "قاعدة بلد الجوية")


def test_strikes_in_earlier_periods_are_no_event_beside_tonight_s():
    # not events (issue 11 class 7): a general recollection beside the news
    text = (
        "قصفت طائرات تركية مخيماً للنازحين قرب مدينة مخمور مساء اليوم. "
        "ونفذ الطيران التركي في فترات سابقة غارات على المخيم."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.date, ev.background) == ("air_strike", "2024-05-08", False)
    assert [(e.start, e.end) for e in ev.evidence] == [at(text, text.split(". ")[0])]


def test_an_earlier_attack_recalled_is_its_own_background_event():
    # separate incidents merged (issue 11 class 2): «في هجوم سابق» is not today's attack
    text = (
        "هاجم مسلحون رعاة بالأسلحة الرشاشة في بادية الميادين وقتلوا أربعة منهم، "
        "بينما عثر سكان على جثتي شابين قتلا في هجوم سابق قرب بلدة الشعفة."
    )
    news, earlier = extract(text, published="2024-05-08")
    assert (news.background, earlier.background) == (False, True)
    assert (news.killed.min, news.killed.max) == (4, 4)
    assert (earlier.location.start, earlier.location.end) == at(text, "الشعفة")


def test_a_former_official_is_no_earlier_attack():
    text = "وقال المسؤول السابق إن هجوماً بطائرة مسيرة استهدف قاعدة حرير مساء اليوم."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.background, ev.date) == ("drone_attack", False, "2024-05-08")


@pytest.mark.parametrize(
    "text",
    [
        # «ألقى» in its peaceful senses (issue 11 class 7): blame, an arrest, a speech
        "وألقت الحكومة اللوم على الفصائل المسلحة في تدهور الأوضاع الأمنية.",
        "وألقت قوات الشرطة القبض على خمسة متهمين بالسرقة في مدينة الحلة أمس.",
        "وألقى وزير الدفاع كلمة في حفل تخرج الدورة العسكرية في بغداد أمس.",
    ],
)
def test_a_throw_of_blame_an_arrest_or_a_speech_is_no_event(text):
    assert extract(text, published="2024-05-08") == []


def test_barrels_thrown_by_aircraft_are_still_an_air_strike():
    text = "وألقت المروحيات براميل متفجرة على بلدة كفرنبل مساء أمس ما أدى إلى مقتل طفلين."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("air_strike", "aircraft")
    assert (ev.killed.min, ev.killed.max) == (2, 2)


def test_a_verdict_and_the_old_bombing_it_names_are_no_event():
    # not events (issue 11 class 7): a court page tells justice; the bombing it punishes is
    # no event of the page (two blind annotators read verdict pages so)
    text = (
        "أصدرت محكمة جنايات الكرخ، اليوم الأحد، حكماً بالإعدام بحق مدان قام بتفجير سيارة"
        " مفخخة في سوق شعبي بمدينة الحلة في العام 2021."
    )
    assert extract(text) == []


def test_an_attack_of_today_without_publication_date_has_no_date():
    text = "انفجرت سيارة مفخخة اليوم الأحد في سوق شعبي بمدينة الحلة ما أدى إلى مقتل شخصين."
    (ev,) = extract(text)
    assert (ev.date, ev.background) == (None, False)


def test_a_blast_weeks_ago_is_its_own_background_event():
    # dates / casualties from elsewhere (issue 11 classes 1, 8): «قبل أسابيع» is not today
    text = (
        "انفجرت عبوة ناسفة في سوق مدينة بعقوبة اليوم ما أدى إلى مقتل ثلاثة أشخاص، فيما انفجرت"
        " عبوة ناسفة في سوق مدينة الخالص قبل أسابيع ما أدى إلى مقتل شخصين."
    )
    today, earlier = extract(text, published="2024-05-08")
    assert (today.background, today.date) == (False, "2024-05-08")
    assert (today.killed.min, today.killed.max) == (3, 3)
    assert (earlier.background, earlier.date) == (True, None)
    assert (earlier.killed.min, earlier.killed.max) == (2, 2)
    assert (earlier.location.start, earlier.location.end) == at(text, "الخالص")


def test_an_air_attack_ten_days_ago_is_not_merged_into_today_s():
    # dates / separate incidents merged (issue 11 classes 2, 8): «قبل 10 أيام»
    text = (
        "قصفت طائرة مسيرة تركية سيارة في قرية قرب سنجار اليوم ما أدى إلى مقتل مدنيين اثنين،"
        " بعد مقتل ثلاثة جنود في هجوم جوي تركي على قرية سيدكان قبل 10 أيام."
    )
    today, earlier = extract(text, published="2024-05-08")
    assert (today.background, today.date) == (False, "2024-05-08")
    assert (earlier.background, earlier.date) == (True, None)
    assert (earlier.location.start, earlier.location.end) == at(text, "سيدكان")
    assert (earlier.killed.min, earlier.killed.max) == (3, 3)


def test_a_reply_to_a_strike_days_ago_is_today_s_attack():
    # «قبل أيام» dates the strike answered in the subordinate clause, not the attack itself
    text = (
        "قال التلفزيون إن الحرس الثوري قصف قاعدة عين الأسد بصواريخ، انتقاما لمقتل قائده بقصف"
        " أمريكي قبل أيام، فيما أكد مسؤولون سقوط صواريخ على القاعدة."
    )
    attack, answered = extract(text, published="2024-05-08")
    assert (attack.event_type, attack.background) == ("missile_attack", False)
    assert (answered.event_type, answered.background) == ("air_strike", True)


def test_attacks_since_a_date_are_a_campaign_total():
    # casualties from elsewhere (issue 11 class 1): «منذ …» then plural attacks is a total
    text = "وقتل أكثر من مئة شخص منذ مطلع العام الجاري جراء هجمات شنها التنظيم في البادية."
    assert extract(text, published="2024-05-08") == []


def test_an_attack_hours_ago_is_still_one_attack():
    text = "وقتل ثلاثة أشخاص منذ ساعات جراء هجوم شنه مسلحون على قرية قرب مدينة الرطبة."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.killed.min, ev.killed.max) == (3, 3)
    assert (ev.location.start, ev.location.end) == at(text, "الرطبة")


@pytest.mark.parametrize(
    "later,background",
    [
        # dates (issue 11 class 8): «في وقت سابق اليوم» is earlier on the news day
        ("وفي وقت سابق اليوم", False),
        ("وفي وقت سابق من اليوم", False),
        ("وفي وقت سابق", True),
    ],
)
def test_earlier_today_is_no_background(later, background):
    text = (
        "قصفت طائرات روسية بلدة كفرنبل صباح اليوم. "
        f"{later} قتل أربعة رجال بقصف جوي روسي على أطراف مدينة سراقب."
    )
    first, second = extract(text, published="2024-05-08")
    assert (first.background, second.background) == (False, background)
    assert (second.killed.min, second.killed.max) == (4, 4)


def test_a_state_army_striking_a_village_with_damage_told_is_an_event():
    text = (
        "وأفاد مراسل بأن استهداف الجيش التركي قرية أم الكيف بريف بلدة تل تمر أدى إلى أضرار مادية."
    )
    (ev,) = extract(text, published="2024-01-03")
    assert ev.location.name_en is not None and ev.location.country == "SY"
    assert ev.actor.mention == "الجيش التركي"


def test_clashes_in_general_are_no_event():
    text = "وتسببت الاشتباكات في موجة نزوح كبيرة من أرياف المحافظة."
    assert extract(text, published="2024-01-05") == []
