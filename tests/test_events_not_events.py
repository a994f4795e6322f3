"""Statements that share the attack vocabulary and are no attack (issue 11): flares and tear
gas, a place going through unrest.

Every sentence here is written for these tests (none is taken from the dev articles).
"""

from __future__ import annotations

import pytest
from rasid.events import extract
from spans import at


@pytest.mark.parametrize(
    "text",
    [
        # flares, smoke, stun and tear-gas grenades harm no one
        "وأطلقت القوات قنابل مضيئة فوق قاعدة عين الأسد بعد منتصف الليل.",
        "فرقت الشرطة المحتجين بالقنابل المسيلة للدموع في البصرة أمس.",
        # a gas explosion is an accident
        "أفاد مصدر أمني بأن انفجاراً غازياً وقع منتصف الليلة الماضية في عمارة سكنية، أدى إلى"
        " مصرع 4 أشخاص وإصابة 20 آخرين في مدينة دهوك.",
        # what a place goes through is no attack
        "تشهد مدينة البصرة اشتباكات متقطعة بين المحتجين والشرطة منذ أسابيع.",
    ],
)
def test_no_event(text):
    assert extract(text, published="2024-05-08") == []


def test_grenades_thrown_are_still_an_attack():
    text = "ألقى مجهولون قنابل يدوية على منزل في البصرة أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("ied_attack", "ied")
    assert (ev.munitions.min, ev.munitions.max) == (2, None)
    assert (ev.munitions.start, ev.munitions.end) == at(text, "قنابل")


def test_an_attack_in_a_town_going_through_unrest_stays():
    # the attack is told before «التي تشهد»: the state of affairs voids only what follows
    text = "قتل 3 مدنيين في هجوم مسلح على سوق في مدينة البصرة التي تشهد توتراً منذ أسابيع."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.killed.min, ev.killed.max) == (3, 3)
    assert (ev.location.start, ev.location.end) == at(text, "البصرة")


def test_a_clash_a_town_saw_yesterday_is_an_event():
    text = "شهدت مدينة البصرة أمس اشتباكات بين عشيرتين استخدمت فيها الأسلحة الثقيلة."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.date) == ("armed_clash", "2024-05-07")


def test_a_running_total_after_a_fronted_since_is_no_event():
    # «ومنذ …،» cut from its clause by a comma still makes the count after it a total
    text = "ومنذ تشرين الأول الماضي، تم استهداف قواعد تستضيف جنوداً أجانب بنحو 40 صاروخاً."
    assert extract(text, published="2024-05-08") == []


def test_an_attack_going_on_since_dawn_is_an_event():
    text = "منذ ساعات الفجر، قصفت قوات النظام بلدة كفرنبل بقذائف المدفعية."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("shelling", "artillery")
    assert (ev.location.start, ev.location.end) == at(text, "كفرنبل")


def test_warnings_against_attacks_void_the_attack_words_after_them_in_the_sentence():
    # «تحذيرات … من قصف …»: the warned-against attack is no event, even past the commas
    text = (
        "سقط صاروخ على قاعدة حرير اليوم. ويأتي الهجوم رغم تحذيرات الوزير، الذي زار بغداد"
        " الأسبوع الماضي، للفصائل من قصف المصالح الأميركية."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert ev.event_type == "rocket_attack"
    assert [(e.start, e.end) for e in ev.evidence] == [at(text, "سقط صاروخ على قاعدة حرير اليوم")]


def test_an_attack_told_before_the_warnings_stays():
    text = "استهدفت طائرة مسيرة قاعدة حرير اليوم رغم تحذيرات الوزير للفصائل."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.munitions.min) == ("drone_attack", 1)


def test_a_bomb_near_a_gas_station_is_still_an_attack():
    text = "قتل 4 أشخاص بانفجار عبوة ناسفة قرب محطة غاز في مدينة دهوك الليلة الماضية."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon, ev.killed.min) == ("ied_attack", "ied", 4)


@pytest.mark.parametrize(
    "text",
    [
        # rockets or a bomb made ready and seized or defused: no attack took place
        "ضبطت القوات الأمنية أربعة صواريخ كاتيوشا كانت معدة لاستهداف قاعدة بلد الجوية اليوم.",
        "فككت القوات عبوة ناسفة معدة للتفجير على طريق في قضاء الطارمية اليوم.",
        "عثرت القوات على منصة صواريخ مهيأة للإطلاق باتجاه مطار بغداد اليوم.",
    ],
)
def test_weapons_made_ready_are_no_attack(text):
    assert extract(text, published="2024-05-08") == []


def test_an_attack_on_a_base_told_after_the_seizure_stays():
    text = (
        "ضبطت القوات منصات كانت معدة لاستهداف قاعدة بلد الجوية، وتعرضت القاعدة أمس لهجوم"
        " بثلاثة صواريخ."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.date) == ("rocket_attack", "2024-05-07")
    assert (ev.munitions.min, ev.munitions.max) == (3, 3)


def test_a_habit_told_of_the_place_hit_does_not_void_the_attack():
    # «… في قاعدة بلد التي تضم طائرات شاركت في العديد من العمليات»: the base's record
    text = (
        "سقطت ثلاثة صواريخ في قاعدة بلد الجوية التي تضم طائرات شاركت في العديد من العمليات ضد"
        " التنظيم مساء اليوم."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.munitions.min, ev.munitions.max) == ("rocket_attack", 3, 3)
    assert (ev.location.start, ev.location.end) == at(text, "قاعدة بلد الجوية")


def test_repeated_attacks_on_a_place_are_still_habitual():
    text = "وتتعرض القاعدة التي تضم جنوداً أميركيين لهجمات متكررة بالصواريخ."
    assert extract(text, published="2024-05-08") == []


@pytest.mark.parametrize(
    "text",
    [
        # a verdict is no event, and neither is the old attack it punishes
        "أصدرت محكمة الجنايات حكماً بالسجن المؤبد على متهم بتفجير سيارة مفخخة في مدينة الحلة"
        " عام 2016.",
        "قضت المحكمة بالإعدام على مدان بتفجير عبوة ناسفة في سوق ببغداد.",
    ],
)
def test_a_verdict_on_an_old_attack_is_no_event(text):
    assert extract(text, published="2024-05-08") == []


def test_an_attack_on_a_prison_is_an_attack():
    text = "قتل 3 سجناء في هجوم مسلح على السجن المركزي في الناصرية أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.killed.min, ev.date) == (3, "2024-05-07")


@pytest.mark.parametrize(
    "text",
    [
        # drills rehearse attacks, they are none
        "نفذت القوات تمريناً بالذخيرة الحية على صد هجوم بطائرات مسيرة في قاعدة عين الأسد.",
        "تدرب الجيش على التصدي لهجمات بالطائرات المسيرة في قاعدة الحبانية.",
    ],
)
def test_a_drill_is_no_event(text):
    assert extract(text, published="2024-05-08") == []


@pytest.mark.parametrize(
    "text",
    [
        # a drone that films, brought down, attacked nothing
        "أسقطت القوات الأمنية طائرة مسيرة للتصوير كانت تحلق فوق المنطقة الخضراء.",
        "تمكنت القوات من إسقاط طائرة درون كانت تصور الموقع العسكري قرب كركوك.",
    ],
)
def test_a_filming_drone_brought_down_is_no_event(text):
    assert extract(text, published="2024-05-08") == []


def test_an_armed_drone_brought_down_is_an_attack():
    text = "أسقطت الدفاعات الجوية طائرة مسيرة مفخخة فوق مطار أربيل فجر اليوم."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.munitions.min, ev.date) == ("drone_attack", 1, "2024-05-08")


@pytest.mark.parametrize(
    "text",
    [
        # raids and attacks on a pitch
        "عاود المنتخب غاراته على مرمى المنافس في الشوط الثاني في ملعب أربيل.",
        "شن المنتخب غارات على مرمى المنافس في ملعب أربيل.",
        "أعدم الحكم فرص الفريق في الدقيقة الأخيرة في مباراة بالبصرة.",
        "دك المهاجم شباك الزوراء بثلاثة أهداف في ملعب الشعب ببغداد أمس.",
    ],
)
def test_sport_is_no_event(text):
    assert extract(text, published="2024-05-08") == []


def test_fans_killed_in_an_attack_after_a_match_are_an_event():
    # the attack is told in its own clause, before the match is named
    text = "قتل 3 مشجعين في هجوم مسلح، بعد المباراة في ملعب بالبصرة أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.killed.min, ev.killed.max) == (3, 3)


@pytest.mark.parametrize(
    "text",
    [
        # a brawl with bare hands or sticks is no armed clash
        "اشتبك مشجعو الفريقين بالأيدي والعصي أمام بوابة الملعب في كربلاء مساء الجمعة.",
        "واشتبك نواب من كتلتين بالأيدي داخل قاعة البرلمان في بغداد اليوم.",
        # an attack qualified as verbal is criticism
        "شن عضو المجلس هجوماً لاذعاً على محافظ نينوى بسبب تأخر المشاريع.",
        "وشنت الصحيفة هجوماً إعلامياً على الحكومة في افتتاحيتها اليوم.",
        # a shot at the ball
        "وقصف المهاجم الكرة بقوة من خارج المنطقة فتصدى لها حارس المرمى.",
        # a rocket carrying a satellite
        "أطلقت الهند بنجاح اليوم قمراً صناعياً لرصد الطقس على متن صاروخ من قاعدتها الجنوبية.",
        # a court hearing on an old assassination
        "استأنفت المحكمة الخاصة جلساتها في قضية اغتيال الصحفي الذي قتل بسيارة مفخخة قبل عشر سنوات.",
    ],
)
def test_peaceful_senses_are_no_event(text):
    assert extract(text, published="2024-05-08") == []


def test_a_fight_with_guns_after_a_brawl_is_an_armed_clash():
    text = "اشتبك مسلحون من عشيرتين بالأسلحة المتوسطة في قضاء الزبير بالبصرة أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert ev.event_type == "armed_clash"
    assert ev.evidence[0].start == 0


def test_a_violent_attack_is_still_an_attack():
    text = "وشن مسلحون هجوماً عنيفاً على نقطة للجيش في قضاء الطارمية فجر اليوم."
    (ev,) = extract(text, published="2024-05-08")
    assert ev.evidence[0].start <= text.index("هجوماً") < ev.evidence[0].end


def test_a_recollection_of_earlier_attacks_in_general_is_no_event():
    text = "وكررت الفصائل استهداف القواعد الأجنبية، إذ سبق أن طال قصفها قاعدة حرير في أربيل."
    assert extract(text, published="2024-05-08") == []


def test_an_earlier_attack_told_with_its_date_and_toll_is_a_background_event():
    text = (
        "وسبق أن أسفر قصف بطائرة مسيرة على قرية قرب زاخو، يوم 3 أيار الجاري، عن مقتل مدنيين اثنين."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert ev.background is True
    assert (ev.killed.min, ev.killed.max) == (2, 2)
    assert ev.date == "2024-05-03"


def test_raids_over_two_countries_counted_vaguely_are_a_tally():
    text = "وشنت الولايات المتحدة عدة ضربات في العراق وسوريا رداً على الهجمات."
    assert extract(text, published="2024-05-08") == []


@pytest.mark.parametrize(
    "text",
    [
        # a plot is a plan
        "واتهمت المحكمة ثلاثة أشخاص بالتخطيط لاغتيال وزير خلال زيارته إلى المدينة.",
        # firing ranges and manoeuvres hit no one
        "ونفذت خلال المناورة رمايات بالأسلحة الثقيلة والمتوسطة في ميدان التدريب.",
        # a shot saved in a match
        "وتألق الحارس بالتصدي لقذيفة المهاجم قبل نهاية زمن الشوط الأول.",
        # an anniversary of a battle
        "وأقيم الاحتفال بالذكرى الخمسين لمعركة الكرامة بحضور قادة الجيش.",
        # a transformer that blew up
        "انفجر محول كهرباء في حي سكني بالمدينة ما أدى إلى إصابة شخصين بحروق.",
    ],
)
def test_ordinary_news_with_attack_words_is_no_event(text):
    assert extract(text, published="2024-05-08") == []


def test_a_blast_in_an_article_about_a_gas_leak_is_an_accident():
    text = (
        "انفجار في منزل بسبب تسرب الغاز\n"
        "وبعد دخول أصحاب المنزل حدث انفجار أدى إلى إصابة أربعة أشخاص بجروح مختلفة."
    )
    assert extract(text, published="2024-05-08") == []


def test_a_death_sentence_and_the_bombing_it_punishes_are_no_event():
    text = (
        "أصدرت المحكمة أحكاماً بالإعدام شنقاً بحق ثلاثة مدانين بعد اشتراكهم بتفجير عجلة مفخخة"
        " في منطقة بغداد الجديدة."
    )
    assert extract(text, published="2024-05-08") == []


def test_a_conviction_for_an_old_car_bombing_is_no_event():
    text = (
        "قضت محكمة جنايات الأنبار، الاثنين، بإعدام ثلاثة أشخاص أدينوا بتفجير سيارة مفخخة في"
        " الرمادي."
    )
    assert extract(text, published="2024-05-08") == []


def test_a_gas_tank_explosion_told_in_the_accusative_is_an_accident():
    text = (
        "أدى انفجار وقع نتيجة تسرب الغاز في مدينة السليمانية إلى سقوط قتلى وجرحى. وأفاد شاهد"
        " بأن انفجاراً حصل في خزان الغاز فوق سطح المنزل، ما أدى إلى مقتل ستة أشخاص."
    )
    assert extract(text, published="2024-05-08") == []
