"""Incidents told apart by their days (issue 11): without a publication date, a weekday and
a named month are two days, so two attacks, even when nothing else keeps them apart.

Every sentence here is written for these tests (none is taken from the dev articles).
"""

from __future__ import annotations

import pytest
from rasid.events import extract
from spans import at


def test_a_weekday_and_a_month_without_publication_date_are_two_attacks():
    text = (
        "وأعلن تنظيم داعش يوم الخميس مسؤوليته عن هجوم جنوب مدينة أربيل أسفر عن مقتل تسعة"
        " مقاتلين. وفي نهاية تشرين الثاني، قتل خمسة جنود في انفجار عبوة ناسفة على جانب طريق."
    )
    claimed, bomb = extract(text)
    assert (claimed.killed.min, claimed.date_text) == (9, "يوم الخميس")
    assert (claimed.location.start, claimed.location.end) == at(text, "أربيل")
    assert (bomb.event_type, bomb.killed.min, bomb.location) == ("ied_attack", 5, None)
    assert bomb.date_text == "نهاية تشرين الثاني"


def test_the_same_weekday_told_twice_is_one_attack():
    text = (
        "تعرضت قاعدة عين الأسد يوم الخميس لهجوم صاروخي. وقالت مصادر إن الصواريخ سقطت قرب مدرج"
        " القاعدة يوم الخميس."
    )
    (ev,) = extract(text)
    assert len(ev.evidence) == 2


def test_a_toll_at_a_base_joins_the_attack_on_that_base_not_the_last_event_told():
    # the wounded at the base are the missile's, not the strike answering it
    text = (
        "سقط صاروخ باليستي على قاعدة عين الأسد فجر اليوم. ونفذت الولايات المتحدة ضربة على آلية"
        " لميليشيا في العراق ردا على الهجوم. وقالت القيادة الوسطى إن 8 من جنودها أصيبوا في"
        " قاعدة عين الأسد."
    )
    missile, strike = extract(text, published="2024-05-08")
    assert (missile.event_type, missile.wounded.min, missile.wounded.max) == (
        "missile_attack",
        8,
        8,
    )
    assert (missile.wounded.start, missile.wounded.end) == at(text, "8")
    assert (strike.event_type, strike.wounded) == ("air_strike", None)


def test_an_attack_given_as_the_cause_of_a_running_escalation_is_a_dated_event():
    # «منذ التصعيد … على خلفية استهداف …»: the running total stops at «على خلفية»; the
    # attack behind it is an event of its own, dated
    text = (
        "وتصاعدت الهجمات على مواقع الجيش في حلب، منذ التصعيد العسكري على خلفية استهداف الكلية"
        " الحربية في حمص في 5 تشرين الأول الماضي، الذي أودى بحياة العشرات."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.date, ev.background) == ("other_attack", "2023-10-05", True)
    assert (ev.killed.min, ev.killed.max) == (20, None)


def test_a_clash_over_a_quarrel_is_still_the_clash():
    text = "اندلعت اشتباكات بين عشيرتين في قضاء الزبير أمس على خلفية خلاف على أرض زراعية."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.date) == ("armed_clash", "2024-05-07")
    assert (ev.location.start, ev.location.end) == at(text, "قضاء الزبير")


def test_aircraft_flying_over_after_a_rocket_attack_do_not_make_it_another_strike():
    # «تلاها تحليق للطيران الحربي»: the aircraft fly over, so the group's claim of the
    # rockets is the same attack
    text = (
        "تعرضت قاعدة أمريكية في حقل كونيكو لقصف بعدد من الصواريخ مساء اليوم، تلاها تحليق"
        " للطيران الحربي. وأعلنت جماعة مسلحة أنها استهدفت حقل كونيكو بالصواريخ."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon, ev.date) == ("rocket_attack", "rocket", "2024-05-08")
    assert len(ev.evidence) == 2


def test_aircraft_that_fly_over_and_then_strike_are_the_strike():
    text = "حلق الطيران الحربي فوق مدينة كفرنبل ثم قصف أحياءها أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("air_strike", "aircraft")


def test_the_day_a_statement_was_made_does_not_part_it_from_the_attack_day():
    # «قال مسؤول يوم الاثنين إن …»: Monday dates the statement; the attack was on Sunday
    text = (
        "قال مسؤول أمني يوم الاثنين إن أربعة جنود قتلوا في هجوم على نقطة عسكرية. وقال المصدر إن"
        " خمسة آخرين أصيبوا في هجوم وقع مساء الأحد استهدف نقطة شمالي كركوك."
    )
    (ev,) = extract(text, published="2024-05-06")
    assert (ev.killed.min, ev.wounded.min) == (4, 5)
    assert (ev.date, ev.date_text, ev.background) == ("2024-05-05", "مساء الأحد", False)


def test_an_announcement_day_with_nothing_else_dates_the_attack():
    text = "أعلن الجيش العراقي الأحد أن صاروخاً استهدف محيط السفارة الأمريكية في بغداد."
    (ev,) = extract(text, published="2024-05-06")
    assert (ev.event_type, ev.date, ev.date_text) == ("rocket_attack", "2024-05-05", "الأحد")


def test_the_toll_of_the_attack_a_comparison_reaches_back_to_is_not_this_ones():
    # «…، منذ هجوم صاروخي … أسفر عن مقتل متعاقد»: the contractor died in the older attack
    text = (
        "في وقت سابق من الأربعاء، قتل 3 جنود عندما تعرضت القاعدة لهجوم هو الأكثر دموية للقوات"
        " الأميركية في العراق، منذ هجوم صاروخي في أواخر كانون الأول على قاعدة عراقية أسفر عن"
        " مقتل متعاقد أميركي."
    )
    (ev,) = extract(text, published="2020-03-14")
    assert (ev.killed.min, ev.killed.max) == (3, 3)
    assert (ev.killed.start, ev.killed.end) == at(text, "3 جنود")
    assert [(e.start, e.end) for e in ev.evidence][-1][1] < text.index("منذ")


def test_a_comparison_without_a_toll_leaves_the_toll_alone():
    text = "قتل 3 جنود في هجوم صاروخي على قاعدة التاجي أمس، وهو الهجوم الأعنف منذ أشهر."
    (ev,) = extract(text, published="2020-03-14")
    assert (ev.killed.min, ev.killed.max) == (3, 3)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a birth year or a founding year dates a person or a group, not the attack
        ("قتل القيادي في التنظيم المولود عام 1975 بغارة جوية في قضاء القائم أمس.", "2024-05-07"),
        ("استهدفت طائرة مسيرة مقر فصيل تأسس عام 2014 في قضاء القائم.", None),
    ],
)
def test_a_birth_or_founding_year_is_not_the_attack_date(text, date):
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.date, ev.background) == (date, False)


def test_a_year_of_the_attack_itself_dates_it():
    text = "قتل القيادي بغارة جوية في قضاء القائم عام 2017."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.date, ev.background) == ("2017", True)


def test_an_afternoon_is_an_hour_not_an_earlier_event():
    # «بعد ظهر اليوم»: «بعد» here tells the hour, the clause goes on with the strike
    text = (
        "وقالت مصادر محلية إن طائرة مسيرة تركية استهدفت بعد ظهر اليوم الأربعاء سيارة عسكرية على"
        " طريق بلدة القحطانية."
    )
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.date, ev.date_text, ev.background) == ("2024-05-08", "ظهر اليوم الأربعاء", False)
    assert [(e.start, e.end) for e in ev.evidence] == [at(text, text[:-1])]


def test_after_an_attack_still_opens_an_earlier_event():
    text = (
        "استهدفت طائرة مسيرة تركية سيارة على طريق بلدة القحطانية اليوم، بعد يومين من غارة"
        " استهدفت موقعاً قرب القامشلي."
    )
    today, earlier = extract(text, published="2024-05-08")
    assert (today.date, today.background) == ("2024-05-08", False)
    assert (earlier.event_type, earlier.background) == ("air_strike", True)
    assert (earlier.location.start, earlier.location.end) == at(text, "القامشلي")


@pytest.mark.parametrize(
    ("second", "date"),
    [
        # «كما تعرضت …»: one more attack of the same report, at its time
        ("كما تعرضت قاعدة أمريكية في حقل كونيكو إلى قصف بعدد من الصواريخ.", "2023-12-12"),
        # its own day wins
        ("كما تعرضت قاعدة أمريكية في حقل كونيكو أمس إلى قصف بعدد من الصواريخ.", "2023-12-11"),
    ],
)
def test_an_attack_told_with_also_shares_the_time_of_the_one_before(second, date):
    text = "تعرضت قاعدة أمريكية في حقل العمر لقصف صاروخي مساء اليوم. " + second
    first, also = extract(text, published="2023-12-12")
    assert first.date == "2023-12-12"
    assert (also.location.start, also.location.end) == at(text, "حقل كونيكو")
    assert also.date == date


def test_an_attack_some_days_before_the_news_is_background():
    # «بعد نحو أربعة أيام من تفجير …»: the bombing came days before the news
    text = (
        "قتل 11 مقاتلاً في هجوم للتنظيم على قرية قرب تكريت مساء السبت. ويأتي الهجوم بعد نحو"
        " أربعة أيام من تفجير انتحاري في سوق ببغداد أسفر عن مقتل 30 شخصاً."
    )
    news, bombing = extract(text, published="2021-01-24")
    assert (news.background, news.date) == (False, "2021-01-23")
    assert (bombing.event_type, bombing.background) == ("ied_attack", True)
    assert (bombing.killed.min, bombing.killed.max) == (30, 30)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # «حي 14 تموز», «جسر 17 تموز»: names of places, not the day of the attack
        ("سقط صاروخ على حي 14 تموز في البصرة فجر اليوم.", "2024-05-08"),
        ("انفجرت عبوة ناسفة قرب جسر 17 تموز في بغداد أمس، ما أدى إلى إصابة شخصين.", "2024-05-07"),
    ],
)
def test_a_date_in_a_place_name_is_not_the_attack_date(text, date):
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.date, ev.background) == (date, False)


def test_a_date_after_in_is_the_attack_date():
    text = "سقطت قذيفة هاون على مدينة الصدر في 14 تموز الماضي."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.date, ev.background) == ("2023-07-14", True)


def test_yesterday_after_a_place_word_still_dates_the_attack():
    text = "وتعرضت القاعدة أمس لهجوم بثلاثة صواريخ قرب قضاء بلد."
    (ev,) = extract(text, published="2024-05-08")
    assert ev.date == "2024-05-07"


def test_an_attack_with_its_own_toll_in_another_town_is_another_event():
    text = (
        "وكانت طائرات مسيرة قد هاجمت مطار أربيل الدولي في نيسان الماضي. "
        "وفي الأسبوع الماضي قتل سبعة من عناصر الشرطة في هجوم على نقطة تفتيش جنوب كركوك."
    )
    evs = extract(text, published="2024-06-04")
    assert len(evs) == 2
    assert [e.location.name_en for e in evs] == ["Erbil International Airport", "Kirkuk"]
    assert evs[0].killed is None
    assert (evs[1].killed.min, evs[1].killed.max) == (7, 7)


def test_a_group_announcing_its_attack_after_a_state_strike_is_another_event():
    text = (
        "قتل ثلاثة مدنيين في غارة إسرائيلية استهدفت سيارة قرب بلدة الناقورة اليوم الأحد. "
        "في سياق متصل، أعلن حزب الله الأحد قصفه بصاروخين موجهين موقعاً عسكرياً إسرائيلياً."
    )
    evs = extract(text, published="2024-06-02")
    assert [e.event_type for e in evs] == ["air_strike", "missile_attack"]
    assert (evs[1].munitions.min, evs[1].munitions.max) == (2, 2)
    assert evs[1].claimed_by is not None and evs[1].claimed_by.mention == "حزب الله"
    assert evs[0].claimed_by is None


def test_an_explicit_date_restating_last_night_is_the_news_of_an_undated_article():
    text = (
        "تعرض محيط مدينة الميادين، ليلة أمس الأحد (12 تشرين الثاني 2023)، إلى قصف جوي أمريكي. "
        "وقالت مصادر إن الطيران الأمريكي استهدف بعدد من الغارات مستودعاً للأسلحة في الميادين."
    )
    (ev,) = extract(text)
    assert ev.background is False
    assert ev.event_type == "air_strike"


def test_an_explicit_date_alone_in_an_undated_article_is_an_earlier_event():
    text = "وكان الطيران الأمريكي قد قصف مستودعاً للأسلحة في الميادين في 12 تشرين الثاني 2023."
    (ev,) = extract(text)
    assert ev.background is True
