"""Location, launch place, perpetrator, claimant, accused, date and background of events."""

from __future__ import annotations

import pytest
from rasid.events import extract
from spans import at


def only(text: str, published: str | None = "2023-01-10"):
    events = extract(text, published=published)
    assert len(events) == 1, events
    return events[0]


# ---------------------------------------------------------------------------------------------
# location


def test_the_named_site_wins_over_the_city_it_is_near():
    text = "سقطت صواريخ على معسكر التاجي شمال بغداد فجر اليوم."
    loc = only(text).location
    assert (loc.start, loc.end) == at(text, "معسكر التاجي")
    assert loc.mention == "معسكر التاجي"
    assert loc.id == "iq.site.camp_taji"
    assert loc.admin1 == "Baghdad" and loc.country == "IQ"
    assert loc.lat is not None and loc.lon is not None


def test_ambiguous_place_names_need_a_place_word():
    # «هيت» is also an ordinary word: alone it is not a place, after «مدينة» it is
    assert only("سقطت قذيفة هاون على هيت مساء أمس.").location is None
    text = "سقطت قذيفة هاون على مدينة هيت مساء أمس."
    loc = only(text).location
    assert loc.name_ar == "هيت" and (loc.start, loc.end) == at(text, "هيت")


def test_place_word_picks_the_reading_of_a_shared_name():
    ev = only("انفجرت عبوة ناسفة على رتل للجيش قرب محافظة بابل.")
    assert ev.location.kind == "governorate"
    assert ev.location.mention == "محافظة بابل" and ev.location.name_ar == "بابل"
    ev = only("انفجرت عبوة ناسفة على رتل للجيش في مدينة الناصرية.")
    assert ev.location.kind == "city" and ev.location.id == "iq.loc.nasiriya"


def test_launch_location():
    text = "سقطت ثلاثة صواريخ كاتيوشا على قاعدة عين الأسد أطلقت من مدينة هيت صباح اليوم."
    ev = only(text)
    assert ev.location.id == "iq.site.ain_al_asad"
    assert (ev.launch_location.start, ev.launch_location.end) == at(text, "هيت")


# ---------------------------------------------------------------------------------------------
# perpetrator, claimant, accused


def test_state_adjective_names_the_perpetrator():
    text = "قتل أربعة مسلحين في غارة تركية بطائرة مسيرة استهدفت سيارتهم قرب مدينة سنجار."
    ev = only(text)
    assert ev.event_type == "air_strike"
    assert ev.actor.mention == "تركية" and ev.actor.name_ar == "تركيا"
    assert (ev.actor.start, ev.actor.end) == at(text, "تركية")
    assert ev.claimed_by is None


def test_claim_of_responsibility_is_not_the_actor():
    text = "تبنت المقاومة الإسلامية في العراق استهداف قاعدة التنف بطائرة مسيرة أمس."
    ev = only(text)
    assert ev.actor is None
    assert ev.claimed_by.mention == "المقاومة الإسلامية في العراق"
    assert (ev.claimed_by.start, ev.claimed_by.end) == at(text, "المقاومة الإسلامية في العراق")


def test_a_later_claim_sentence_covers_the_attack():
    text = (
        "سقطت ثلاثة صواريخ على قاعدة عين الأسد مساء الأحد. وأعلنت جماعة تطلق على نفسها اسم"
        " «سرايا أولياء الدم» مسؤوليتها عن الهجوم."
    )
    ev = only(text)
    assert ev.claimed_by.mention == "سرايا أولياء الدم"


def test_a_group_saying_it_carried_out_the_attack_claims_it():
    text = (
        "قالت جماعة «ألوية الوعد الحق» في بيان إنها نفذت هجوماً بطائرتين مسيرتين على قاعدة"
        " التنف فجر اليوم."
    )
    ev = only(text)
    assert ev.claimed_by.mention == "ألوية الوعد الحق" and ev.actor is None
    assert (ev.claimed_by.start, ev.claimed_by.end) == at(text, "ألوية الوعد الحق")
    ev = only("المقاومة الإسلامية في العراق تتبنى استهداف قاعدة حرير بطائرة مسيرة مساء أمس.")
    assert ev.claimed_by.mention == "المقاومة الإسلامية في العراق"
    assert ev.location.name_ar.endswith("حرير")


def test_nobody_claimed_and_who_is_accused():
    text = (
        "سقطت أربعة صواريخ على قاعدة عين الأسد الليلة الماضية، ولم تعلن أي جهة مسؤوليتها عن"
        " الهجوم، فيما تتهم واشنطن كتائب حزب الله بالوقوف وراء هجمات مماثلة."
    )
    ev = only(text)
    assert ev.claimed_by is None and ev.actor is None
    assert [a.mention for a in ev.accused] == ["كتائب حزب الله"]
    assert ev.accused[0].start == text.index("كتائب حزب الله")


def test_a_state_announcing_its_own_strike_is_the_actor():
    text = (
        "أعلن الحرس الثوري الإيراني أنه استهدف مقرات لجماعات كردية معارضة قرب مدينة كويسنجق"
        " بصواريخ بالستية اليوم."
    )
    ev = only(text, "2022-09-28")
    assert ev.event_type == "missile_attack"
    assert ev.actor.mention == "الحرس الثوري الإيراني"
    assert ev.claimed_by is None


def test_unknown_perpetrators_are_null():
    ev = only("أغارت طائرات مجهولة فجر اليوم على مواقع لفصائل مسلحة في مدينة البوكمال.")
    assert ev.event_type == "air_strike"
    assert ev.actor is None


# ---------------------------------------------------------------------------------------------
# dates and background


def test_relative_dates_resolve_against_publication():
    text = "سقطت ثلاثة صواريخ كاتيوشا مساء الثلاثاء على قاعدة عين الأسد."
    ev = only(text, "2021-03-10")
    assert ev.date == "2021-03-09" and ev.date_precision == "day"
    assert ev.date_text == "مساء الثلاثاء"
    ev = only(text, None)
    assert ev.date is None and ev.date_text == "مساء الثلاثاء"


def test_a_dateline_dates_an_undated_document():
    text = "قال مصدر أمني، الأحد (18 نيسان 2021)، إن صاروخين سقطا مساء الأحد على قاعدة بلد الجوية."
    assert only(text, None).date == "2021-04-18"


def test_an_attack_recalled_from_an_earlier_day_is_background():
    text = (
        "قصفت طائرات حربية روسية اليوم الخميس قرية في ريف إدلب. ويأتي ذلك بعد يومين من غارة"
        " إسرائيلية على مطار الشعيرات أسفرت عن مقتل ثلاثة عسكريين."
    )
    first, second = extract(text, published="2020-10-22")
    assert first.background is False and first.date == "2020-10-22"
    assert second.background is True
    assert second.actor.name_ar == "إسرائيل"
    assert (second.killed.min, second.killed.max) == (3, 3)
    assert second.location.id == "sy.site.shayrat"


def test_an_explicit_earlier_month_is_background():
    text = (
        "استهدف قصف صاروخي حقل كورمور للغاز مساء الجمعة. وفي تشرين الأول من العام الماضي،"
        " استهدفت ثمانية صواريخ الحقل نفسه."
    )
    first, second = extract(text, published="2023-06-24")
    assert (first.background, second.background) == (False, True)
    assert second.date == "2022-10" and second.date_precision == "month"
    assert (second.munitions.min, second.munitions.max) == (8, 8)


def test_last_night_is_still_the_news():
    text = (
        "سقطت صواريخ على حقل كونيكو الليلة الماضية. وفي وقت لاحق اليوم، استهدفت طائرة مسيرة"
        " قاعدة الشدادي."
    )
    events = extract(text, published="2023-06-24")
    assert [e.background for e in events] == [False, False]


def test_outcome_intercepted():
    ev = only("أسقطت الدفاعات الجوية طائرة مسيرة حاولت استهداف مطار أربيل الدولي فجر اليوم.")
    assert ev.outcome == "intercepted"
    assert ev.event_type == "drone_attack"


def test_earlier_the_same_day_is_still_the_news():
    text = (
        "انفجرت عبوة ناسفة على رتل للتحالف الدولي قرب مدينة السماوة ظهر الثلاثاء. "
        "وفي وقت سابق من صباح اليوم، استهدفت عبوة أخرى رتلاً مماثلاً قرب مدينة الحلة."
    )
    first, second = extract(text, published="2021-05-25")
    assert (first.background, second.background) == (False, False)
    assert second.date == "2021-05-25"
    assert second.location.mention == "الحلة"
    assert second.location.start == text.index("الحلة")


def test_earlier_in_a_past_week_is_background():
    text = (
        "سقطت ثلاثة صواريخ على قاعدة عين الأسد مساء الخميس. "
        "وفي وقت سابق من الأسبوع الماضي، استهدفت طائرتان مسيرتان القاعدة نفسها."
    )
    first, second = extract(text, published="2023-10-27")
    assert (first.background, second.background) == (False, True)


def test_killed_a_day_before_in_another_strike_is_a_background_event():
    text = (
        "قصفت طائرة مسيرة تركية سيارة قرب قرية سركلي في قضاء العمادية اليوم الجمعة ما أدى إلى"
        " مقتل اثنين من المسلحين. وجاء ذلك بعد يوم من مقتل خمسة مسلحين بقصف جوي تركي استهدف"
        " موقعاً قرب قضاء زاخو."
    )
    first, second = extract(text, published="2022-08-12")
    assert (first.background, second.background) == (False, True)
    assert (first.killed.min, first.killed.max) == (2, 2)
    assert (second.killed.min, second.killed.max) == (5, 5)
    assert second.killed.start == text.index("خمسة مسلحين")
    assert second.location.mention == "قضاء زاخو"
    assert second.location.start == text.index("قضاء زاخو")


def test_a_force_named_after_la_owns_the_target_and_is_no_perpetrator():
    text = (
        "قتل جندي بهجوم استهدف موقعاً للجيش العراقي قرب قضاء الدبس مساء اليوم، ولم تعلن أي"
        " جهة مسؤوليتها."
    )
    ev = only(text)
    assert ev.actor is None


def test_a_group_name_in_parentheses_is_the_subject():
    text = "وقال مصدر إن مسلحي تنظيم (داعش) هاجموا مساء اليوم نقطة للجيش قرب قضاء الخالص."
    ev = only(text)
    assert ev.actor.mention == "داعش"
    assert ev.actor.start == text.index("داعش")
    assert ev.event_type == "armed_clash"


def test_a_headline_bearing_and_the_town_of_the_body_are_one_event():
    text = (
        "مقتل جندي بهجوم لداعش شمال بغداد\n"
        "قتل جندي عراقي بهجوم شنه مسلحو داعش مساء اليوم على نقطة عسكرية قرب مدينة كركوك."
    )
    events = extract(text, published="2020-05-13")
    assert len(events) == 1
    ev = events[0]
    assert ev.location.mention == "كركوك"
    assert ev.location.start == text.index("كركوك")
    assert [(e.start, e.end) for e in ev.evidence][0] == (0, text.index("\n"))


def test_a_district_written_with_a_preposition_and_its_bearing_from_the_capital():
    text = "انفجرت دراجة نارية مفخخة في سوق شعبي بمدينة الصدر شرقي العاصمة بغداد اليوم."
    ev = only(text)
    assert ev.event_type == "ied_attack" and ev.weapon == "car_bomb"
    assert ev.location.mention == "مدينة الصدر"
    assert ev.location.start == text.index("مدينة الصدر")


def test_a_reporting_source_nationality_is_no_perpetrator():
    text = (
        "أكدت وسائل إعلام عراقية شن هجوم صاروخي على قاعدة فيكتوريا قرب مطار بغداد الدولي فجر اليوم."
    )
    ev = only(text)
    assert ev.actor is None
    assert ev.event_type == "rocket_attack"


def test_a_resolved_day_later_in_the_text_replaces_a_vague_one():
    text = (
        "قال مصدر أمني إن قاعدة فيكتوريا تعرضت قبل قليل لقصف بالصواريخ. وأضاف أن القصف الذي"
        " وقع فجر الثلاثاء تم بصاروخين سقطا قرب مدرج المطار."
    )
    ev = only(text, "2024-10-01")
    assert ev.date == "2024-10-01"
    assert ev.date_text == "فجر الثلاثاء"


def test_a_voided_attack_after_the_report_lends_it_no_weapon():
    text = (
        "تعرض مطار بغداد الدولي فجر اليوم إلى هجوم بأربعة صواريخ كاتيوشا، بعد يومين من إحباط"
        " هجوم بطائرتين مسيرتين على المطار."
    )
    ev = only(text)
    assert (ev.event_type, ev.weapon) == ("rocket_attack", "katyusha_rocket")
    assert (ev.munitions.min, ev.munitions.max) == (4, 4)


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "شنت الطائرات الحربية الروسية 8 غارات على أطراف بلدة كفرنبل في ريف إدلب اليوم.",
            "الطائرات الحربية الروسية",
        ),
        (
            "استهدفت الطائرة المسيرة التركية سيارة قرب بلدة عامودا في ريف الحسكة اليوم.",
            "الطائرة المسيرة التركية",
        ),
    ],
)
def test_a_definite_aircraft_phrase_takes_the_nationality_after_it(text, mention):
    # the state's aircraft as written (the actor convention's «طائرة مسيرة تركية»)
    ev = only(text)
    assert ev.event_type == "air_strike"
    assert ev.actor.mention == mention
    assert ev.actor.start == text.index(mention)


def test_a_claim_of_the_attack_that_targeted_a_base_is_an_event():
    text = "تبنت جماعة أصحاب الكهف الهجوم الذي استهدف قاعدة عين الأسد فجر اليوم."
    ev = only(text)
    assert ev.claimed_by.mention == "جماعة أصحاب الكهف"
    assert ev.claimed_by.start == text.index("جماعة")
    assert ev.location.mention == "قاعدة عين الأسد"


def test_the_organisation_attacking_again_is_the_group_named_before():
    text = (
        "هاجم عناصر من تنظيم داعش مساء اليوم نقطة عسكرية قرب قضاء الخالص ما أدى إلى إصابة"
        " جندي. وبعد ساعة، شن التنظيم هجوماً آخر استهدف نقطة قرب ناحية العظيم ما أسفر عن مقتل"
        " 5 جنود."
    )
    first, second = extract(text, published="2020-09-20")
    assert first.actor.mention == second.actor.mention == "تنظيم داعش"
    assert second.actor.start == text.index("تنظيم داعش")
    assert second.event_type == "armed_clash"
    assert (second.killed.min, second.killed.max) == (5, 5)


def test_a_rocket_repelled_by_the_defences_is_intercepted():
    text = "سقط صاروخان على المنطقة الخضراء فجر اليوم، وتم صد الصاروخ الأول بمنظومة سيرام."
    ev = only(text)
    assert ev.outcome == "intercepted"
    assert (ev.munitions.min, ev.munitions.max) == (2, 2)


def test_a_neighbourhood_of_another_governorate_is_not_the_place():
    text = "أصيب مدنيان جراء سقوط قذيفة هاون على منزل في حي الأندلس بمدينة كركوك ليل السبت."
    ev = only(text, "2023-05-07")
    assert ev.location.mention == "كركوك"
    assert ev.location.start == text.index("كركوك")
    text = "سقطت قذيفة هاون على حي الأندلس في بغداد ليل السبت."
    ev = only(text, "2023-05-07")
    assert ev.location.mention == "الأندلس" and ev.location.admin1 == "Baghdad"


def test_counted_air_strikes_with_an_adjective_are_one_reported_raid():
    text = (
        "نفذت طائرات التحالف الدولي ثلاث ضربات جوية على أوكار لتنظيم داعش جنوبي كركوك،"
        " أسفرت عن مقتل 5 مسلحين."
    )
    ev = only(text, "2023-05-07")
    assert ev.event_type == "air_strike"
    assert ev.actor.mention == "التحالف الدولي"
    assert (ev.killed.min, ev.killed.max) == (5, 5)


def test_the_speaker_before_that_is_not_the_perpetrator():
    text = (
        "وأكد الجيش الأميركي أن فصائل أطلقت عدة صواريخ بالستية على قاعدة عين الأسد الجوية في"
        " وقت متأخر السبت، ما أدى إلى إصابة عراقي واحد."
    )
    ev = only(text, "2024-01-21")
    assert ev.actor is None
    assert (ev.event_type, ev.weapon) == ("missile_attack", "ballistic_missile")
    assert ev.date == "2024-01-20"


def test_defences_between_the_shooting_down_and_the_drone():
    text = "أسقطت الدفاعات الجوية طائرة مسيرة قرب قاعدة عين الأسد فجر اليوم."
    ev = only(text)
    assert (ev.event_type, ev.outcome) == ("drone_attack", "intercepted")
    assert (ev.munitions.min, ev.munitions.max) == (1, 1)


def test_destroying_a_target_is_no_interception():
    text = "دمرت غارة إسرائيلية مستودعاً للأسلحة قرب مطار الضبعة العسكري في ريف حمص فجر اليوم."
    ev = only(text)
    assert ev.event_type == "air_strike"
    assert ev.outcome is None


def test_the_town_the_attackers_fled_to_is_not_the_place():
    text = (
        "اغتال مسلحون مجهولون ناشطاً إعلامياً إثر استهدافه بالرصاص المباشر في مدينة الباب بريف"
        " حلب مساء الجمعة. وأفادت وسائل إعلام محلية بأن الناشط كان يقود دراجة نارية عندما أُطلق"
        " عليه الرصاص من سيارة مجهولة، لاذت بالفرار باتجاه مدينة بزاعة المجاورة."
    )
    ev = only(text, "2022-10-08")
    assert ev.location.mention == "الباب"
    assert ev.location.start == text.index("الباب")


# ---------------------------------------------------------------------------------------------
# a launch place stated next to the event, in a sentence with no attack word


def test_launch_place_in_the_sentence_after_the_attack():
    text = (
        "سقطت ثلاثة صواريخ على قاعدة بلد الجوية مساء اليوم."
        " وأوضح مصدر في الشرطة أن الصواريخ أطلقت من منطقة الضلوعية."
    )
    ev = only(text)
    assert ev.event_type == "rocket_attack"
    assert ev.location.mention == "قاعدة بلد الجوية"
    assert ev.launch_location.mention == "الضلوعية"
    assert (ev.launch_location.start, ev.launch_location.end) == at(text, "الضلوعية")
    assert (ev.munitions.min, ev.munitions.max) == (3, 3)
    assert [(e.start, e.end) for e in ev.evidence] == [
        at(text, "سقطت ثلاثة صواريخ على قاعدة بلد الجوية مساء اليوم"),
        at(text, "وأوضح مصدر في الشرطة أن الصواريخ أطلقت من منطقة الضلوعية"),
    ]


def test_launch_place_after_the_projectile_it_launched():
    text = (
        "هاجمت طائرة مسيرة قاعدة حرير في أربيل فجر اليوم."
        " وانطلقت الطائرة المسيرة من منطقة مخمور بحسب مصادر محلية."
    )
    ev = only(text)
    assert ev.event_type == "drone_attack"
    assert ev.location.mention == "قاعدة حرير"
    assert ev.launch_location.mention == "مخمور"
    assert (ev.launch_location.start, ev.launch_location.end) == at(text, "مخمور")
    text = "أطلقت مجموعة مسلحة صاروخين من منطقة الضلوعية على قاعدة بلد الجوية مساء اليوم."
    ev = only(text)
    assert ev.location.mention == "قاعدة بلد الجوية"
    assert (ev.launch_location.start, ev.launch_location.end) == at(text, "الضلوعية")


def test_where_a_convoy_set_out_from_is_no_launch_place():
    text = (
        "انفجرت عبوة ناسفة بعجلة عسكرية في قضاء الشرقاط مساء اليوم."
        " وكان الرتل قد انطلق من مدينة الموصل."
    )
    ev = only(text)
    assert ev.launch_location is None
    assert ev.location.mention == "قضاء الشرقاط"
    assert [(e.start, e.end) for e in ev.evidence] == [
        at(text, "انفجرت عبوة ناسفة بعجلة عسكرية في قضاء الشرقاط مساء اليوم")
    ]


def test_fired_by_someone_is_no_launch_place():
    text = "أطلقت صواريخ من قبل مجهولين على قاعدة بلد الجوية مساء اليوم."
    ev = only(text)
    assert ev.launch_location is None
    assert ev.location.mention == "قاعدة بلد الجوية"


def test_a_group_s_own_words_quoted_after_the_group_anaphor_claim_the_attack():
    # claims and blame (issue 11 class 6): «وقالت الجماعة: "استهدف مجاهدو …"» is a claim
    text = (
        "هاجمت طائرة مسيرة قاعدة حرير في أربيل مساء اليوم. وقالت الجماعة في بيان:"
        ' "استهدف مجاهدو المقاومة الإسلامية في العراق قاعدة حرير بطائرة مسيرة".'
    )
    (ev,) = extract(text, published="2024-05-08")
    assert ev.actor is None
    assert (ev.claimed_by.start, ev.claimed_by.end) == at(text, "المقاومة الإسلامية في العراق")


def test_a_state_named_in_a_quote_after_the_group_anaphor_is_no_claimant():
    text = (
        "هاجمت طائرة مسيرة قاعدة حرير في أربيل مساء اليوم. وقالت الجماعة في بيان إن"
        " الولايات المتحدة تتحمل مسؤولية التصعيد."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert ev.claimed_by is None
