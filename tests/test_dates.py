"""Tests for rasid.dates: date expressions, their offsets and their resolution.

Every sentence here is written for these tests. Publication dates used:
2020-03-12 is a Thursday, 2020-03-09 a Monday, 2020-03-13 a Friday.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
import rasid
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rasid.dates import DateMention, date_for_span, infer_published, resolve_dates
from rasid.errors import InvalidTextError, OptionError, TextTypeError

THU = "2020-03-12"
MON = "2020-03-09"
FRI = "2020-03-13"


def only(text: str, published=THU) -> DateMention:
    """The single mention of ``text``; its offsets always slice back to its text."""
    mentions = resolve_dates(text, published)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    assert text[m.start : m.end] == m.text
    return m


def check(text: str, expected: str, date, precision, kind, published=THU) -> DateMention:
    """Assert the single mention spans the first occurrence of ``expected`` exactly."""
    m = only(text, published)
    start = text.index(expected)
    assert (m.start, m.end, m.text) == (start, start + len(expected), expected)
    assert (m.date, m.precision, m.kind) == (date, precision, kind)
    return m


# --- relative days -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected, date",
    [
        ("سقطت قذيفة على الحي اليوم", "اليوم", "2020-03-12"),
        ("قصف صاروخي أمس على المطار", "أمس", "2020-03-11"),
        ("هاجم مسلحون الحاجز يوم أمس", "يوم أمس", "2020-03-11"),
        ("انفجرت عبوة البارحة قرب السوق", "البارحة", "2020-03-11"),
        ("اشتباكات أول أمس في البلدة", "أول أمس", "2020-03-10"),
        ("اشتباكات أول من أمس في البلدة", "أول من أمس", "2020-03-10"),
        ("اشتباكات أمس الأول في البلدة", "أمس الأول", "2020-03-10"),
    ],
)
def test_relative_days(text, expected, date):
    m = check(text, expected, date, "day", "relative_day")
    assert not m.is_future and not m.is_past_context


def test_relative_day_offsets_are_literal():
    m = only("قصف أمس")
    assert (m.start, m.end, m.date) == (4, 7, "2020-03-11")


@pytest.mark.parametrize(
    "text, expected, date",
    [
        ("وأمس سقط صاروخ", "أمس", "2020-03-11"),  # و is not part of the span
        ("فاليوم سقط صاروخ", "اليوم", THU),
        ("وقع الهجوم بالأمس", "الأمس", "2020-03-11"),  # ب is not part of the span
        ("ومساء أمس سقط صاروخ", "مساء أمس", "2020-03-11"),
    ],
)
def test_relative_days_after_clitics(text, expected, date):
    check(text, expected, date, "day", "relative_day")


def test_diacritics_and_tatweel_inside_and_after():
    text = "قصف أمـــسِ على القاعدة"
    m = only(text)
    assert (m.start, m.end, m.text, m.date) == (4, 11, "أمـــسِ", "2020-03-11")


def test_tomorrow_is_future():
    m = check("تعقد الجلسة غداً في بغداد", "غداً", "2020-03-13", "day", "relative_day")
    assert m.is_future
    m = check("تبدأ المناورات بعد غد", "بعد غد", "2020-03-14", "day", "relative_day")
    assert m.is_future


def test_time_of_day_prefixes():
    check("قصف صاروخي مساء أمس على القاعدة", "مساء أمس", "2020-03-11", "day", "relative_day")
    check("سقطت قذيفتان فجر اليوم", "فجر اليوم", "2020-03-12", "day", "relative_day")
    check("انفجرت عبوة ظهر اليوم", "ظهر اليوم", "2020-03-12", "day", "relative_day")
    check("غارة مساء يوم أمس", "مساء يوم أمس", "2020-03-11", "day", "relative_day")
    check("في وقت سابق من اليوم سقطت قذيفة", "في وقت سابق من اليوم", THU, "day", "relative_day")


def test_today_and_yesterday_with_weekday():
    check("أكد مصدر اليوم الخميس سقوط صواريخ", "اليوم الخميس", THU, "day", "relative_day")
    check("قصف أمس الأربعاء قاعدة", "أمس الأربعاء", "2020-03-11", "day", "relative_day")
    check(
        "شنت طائرات غارات أمس (الأربعاء) على", "أمس (الأربعاء)", "2020-03-11", "day", "relative_day"
    )
    check("سقط صاروخ فجر اليوم الخميس", "فجر اليوم الخميس", THU, "day", "relative_day")


def test_weekday_trusted_over_a_publication_date_one_day_off():
    # the article says «اليوم الجمعة» but its publication date is the Thursday before
    m = check("أكد مصدر اليوم الجمعة سقوط صواريخ", "اليوم الجمعة", FRI, "day", "relative_day")
    assert not m.is_future
    # «أمس الخميس» in an article dated the Thursday itself: the Thursday
    check("قصف أمس الخميس قاعدة", "أمس الخميس", THU, "day", "relative_day")


@pytest.mark.parametrize(
    "text",
    [
        "قالت قناة روسيا اليوم إن الوضع هادئ",
        "في اليوم الأول من المعركة تقدمت القوات",
        "يحتفل العالم باليوم العالمي للسلام",
    ],
)
def test_today_that_is_not_today(text):
    assert [m for m in resolve_dates(text, THU) if m.kind == "relative_day"] == []


# --- nights --------------------------------------------------------------------------------------


def test_nights():
    check("سمعت انفجارات الليلة في المدينة", "الليلة", THU, "day", "relative_day")
    check("قصف الليلة الماضية مواقع", "الليلة الماضية", "2020-03-11", "day", "relative_day")
    check("قصف ليلة أمس مواقع", "ليلة أمس", "2020-03-11", "day", "relative_day")
    check("قصف ليل أمس مواقع", "ليل أمس", "2020-03-11", "day", "relative_day")


def test_the_night_before_last():
    text = "سقطت صواريخ على القاعدة الليلة قبل الماضية"
    check(text, "الليلة قبل الماضية", "2020-03-10", "day", "relative_day")
    (m,) = [m for m in resolve_dates(text, THU) if m.kind == "relative_day"]
    assert text[m.start : m.end] == "الليلة قبل الماضية"


def test_night_between_two_days_is_its_first_day():
    check(
        "هجوم ليل الثلاثاء الأربعاء على حاجز",
        "ليل الثلاثاء الأربعاء",
        "2020-03-10",
        "day",
        "weekday",
    )
    check(
        "هجوم ليل الثلاثاء-الأربعاء على حاجز",
        "ليل الثلاثاء-الأربعاء",
        "2020-03-10",
        "day",
        "weekday",
    )
    check(
        "هجوم ليلة الثلاثاء إلى الأربعاء على حاجز",
        "ليلة الثلاثاء إلى الأربعاء",
        "2020-03-10",
        "day",
        "weekday",
    )
    # published on the Wednesday the night ended
    check(
        "هجوم ليل الثلاثاء/الأربعاء",
        "ليل الثلاثاء/الأربعاء",
        "2020-03-10",
        "day",
        "weekday",
        "2020-03-11",
    )


def test_night_of_one_weekday_is_that_day():
    check("غارات بعد منتصف ليلة الاثنين على موقع", "بعد منتصف ليلة الاثنين", MON, "day", "weekday")
    check("غارات ليلة الاثنين على موقع", "ليلة الاثنين", MON, "day", "weekday")


# --- weekdays ------------------------------------------------------------------------------------


def test_weekday_on_the_publication_day_is_that_day():
    check("هاجم مسلحون الاثنين حاجزا", "الاثنين", MON, "day", "weekday", published=MON)
    check("هاجم مسلحون يوم الإثنين حاجزا", "يوم الإثنين", MON, "day", "weekday", published=MON)


def test_weekday_is_most_recent_on_or_before_published():
    check("قتل جنديان مساء الأربعاء في هجوم", "مساء الأربعاء", "2020-03-11", "day", "weekday")
    check("هجوم يوم الجمعة على قاعدة", "يوم الجمعة", "2020-03-06", "day", "weekday")
    check("قصف السبت قرية", "السبت", "2020-03-07", "day", "weekday")
    check("وقصف فجر الأحد قرية", "فجر الأحد", "2020-03-08", "day", "weekday")


def test_weekday_with_past_qualifier_is_strictly_before():
    m = check(
        "استهدفت يوم الجمعة الماضي السفارة",
        "يوم الجمعة الماضي",
        "2020-03-06",
        "day",
        "weekday",
        FRI,
    )
    assert m.is_past_context
    check("وقع الهجوم الخميس الماضي", "الخميس الماضي", "2020-03-05", "day", "weekday")


def test_weekday_with_next_qualifier_is_future():
    m = check("تعقد القمة الأحد المقبل", "الأحد المقبل", "2020-03-15", "day", "weekday")
    assert m.is_future


def test_words_that_look_like_weekdays():
    assert resolve_dates("قتل الأحد عشر جنديا", THU) == []
    assert resolve_dates("أصيب كلا الاثنين بجروح", THU) == []


def test_weekday_with_explicit_date_is_explicit():
    text = "أفاد مصدر، الثلاثاء (24 آب 2021)، باستهداف رتل"
    check(text, "الثلاثاء (24 آب 2021)", "2021-08-24", "day", "explicit", None)
    check(
        "محاولة ليلة السبت 6/11/2021 فاشلة", "ليلة السبت 6/11/2021", "2021-11-06", "day", "explicit"
    )


def test_late_on_weekday():
    check(
        "انفجرت متفجرات في وقت متأخر الأربعاء",
        "في وقت متأخر الأربعاء",
        "2020-03-11",
        "day",
        "weekday",
    )
    check(
        "سقطت قذائف في وقت متأخر من مساء الثلاثاء",
        "في وقت متأخر من مساء الثلاثاء",
        "2020-03-10",
        "day",
        "weekday",
    )


# --- explicit dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected, date",
    [
        ("هجوم في 17 أكتوبر 2019 على القاعدة", "17 أكتوبر 2019", "2019-10-17"),
        ("هجوم في 17 تشرين الأول 2019 على القاعدة", "17 تشرين الأول 2019", "2019-10-17"),
        ("هجوم في 17 أكتوبر/تشرين الأول 2019 على", "17 أكتوبر/تشرين الأول 2019", "2019-10-17"),
        ("هجوم في 17 تشرين الأول/أكتوبر 2019 على", "17 تشرين الأول/أكتوبر 2019", "2019-10-17"),
        ("هجوم في 17 أكتوبر (تشرين الأول) 2019 على", "17 أكتوبر (تشرين الأول) 2019", "2019-10-17"),
        ("هجوم في 3 كانون الثاني/يناير 2020 على", "3 كانون الثاني/يناير 2020", "2020-01-03"),
        ("هجوم في 5 آذار من عام 2018", "5 آذار من عام 2018", "2018-03-05"),
        ("هجوم في ١٧ أكتوبر ٢٠١٩ على القاعدة", "١٧ أكتوبر ٢٠١٩", "2019-10-17"),
        ("هجوم في الأول من تشرين الأول 2019", "الأول من تشرين الأول 2019", "2019-10-01"),
        ("هجوم في الحادي والعشرين من أيار 2019", "الحادي والعشرين من أيار 2019", "2019-05-21"),
        ("هجوم في الثالث عشر من ابريل 2019", "الثالث عشر من ابريل 2019", "2019-04-13"),
        ("هجوم في 9 حزيران 2019م على", "9 حزيران 2019م", "2019-06-09"),
    ],
)
def test_day_month_year(text, expected, date):
    check(text, expected, date, "day", "explicit", None)


def test_every_month_name_in_both_series():
    names = [
        ("يناير", "كانون الثاني"),
        ("فبراير", "شباط"),
        ("مارس", "آذار"),
        ("أبريل", "نيسان"),
        ("مايو", "أيار"),
        ("يونيو", "حزيران"),
        ("يوليو", "تموز"),
        ("أغسطس", "آب"),
        ("سبتمبر", "أيلول"),
        ("أكتوبر", "تشرين الأول"),
        ("نوفمبر", "تشرين الثاني"),
        ("ديسمبر", "كانون الأول"),
    ]
    variants = {"ابريل": 4, "يونيه": 6, "يوليه": 7, "اغسطس": 8}
    for month, pair in enumerate(names, start=1):
        for name in pair:
            m = only(f"قصف في 2 {name} 2019 قرية", None)
            assert (m.text, m.date) == (f"2 {name} 2019", f"2019-{month:02d}-02")
    for name, month in variants.items():
        assert only(f"في 2 {name} 2019", None).date == f"2019-{month:02d}-02"


def test_day_month_without_year_takes_the_year_of_published():
    check("هجوم في 7 آذار على القاعدة", "7 آذار", "2020-03-07", "day", "explicit")
    # a few days after publication is still this year (publication dates can be late)
    m = check("هجوم في 15 آذار على القاعدة", "15 آذار", "2020-03-15", "day", "explicit")
    assert m.is_future
    # one day after publication is not "future": publication dates can be a day early
    m = check("هجوم في 13 آذار على القاعدة", "13 آذار", "2020-03-13", "day", "explicit")
    assert not m.is_future


def test_day_month_without_year_across_new_year():
    check("قتل ثلاثة في 28 ديسمبر", "28 ديسمبر", "2019-12-28", "day", "explicit", "2020-01-02")
    check("قتل ثلاثة في 2 يناير", "2 يناير", "2020-01-02", "day", "explicit", "2020-01-02")


def test_day_month_with_qualifier():
    m = check(
        "وفي 29 أيلول/سبتمبر الماضي قصف", "29 أيلول/سبتمبر الماضي", "2019-09-29", "day", "explicit"
    )
    assert m.is_past_context
    check("في 19 آب الجاري قصف", "19 آب الجاري", "2020-08-19", "day", "explicit", "2020-08-25")
    # «الماضي» on the month of publication itself is last year's
    check("في 2 آذار الماضي", "2 آذار الماضي", "2019-03-02", "day", "explicit")


def test_day_of_current_month():
    check(
        "استهدفت في الـ19 من الشهر الجاري", "الـ19 من الشهر الجاري", "2020-03-19", "day", "explicit"
    )
    m = check("في الـ 5 من الشهر الجاري", "الـ 5 من الشهر الجاري", "2020-03-05", "day", "explicit")
    assert not m.is_future
    check("في 11 من الشهر الماضي", "11 من الشهر الماضي", "2020-02-11", "day", "explicit")
    m = check(
        "استهدفت في الـ19 من الشهر الجاري", "الـ19 من الشهر الجاري", None, None, "explicit", None
    )
    assert m.date is None


def test_invalid_dates_are_reported_unresolved():
    check("في 31 فبراير 2020 قتل", "31 فبراير 2020", None, None, "explicit", None)
    check("في 30 شباط قتل", "30 شباط", None, None, "explicit")
    check("في 29 فبراير 2020 قتل", "29 فبراير 2020", "2020-02-29", "day", "explicit", None)
    check("في 29 فبراير 2019 قتل", "29 فبراير 2019", None, None, "explicit", None)
    check("بتاريخ 32/10/2019 قتل", "32/10/2019", None, None, "explicit", None)


@pytest.mark.parametrize(
    "text, expected, date",
    [
        ("بتاريخ 17/10/2019 وقع", "17/10/2019", "2019-10-17"),
        ("بتاريخ 17-10-2019 وقع", "17-10-2019", "2019-10-17"),
        ("بتاريخ 17.10.2019. وقع", "17.10.2019", "2019-10-17"),
        ("بتاريخ 2019-10-17 وقع", "2019-10-17", "2019-10-17"),
        ("بتاريخ ١٧/١٠/٢٠١٩ وقع", "١٧/١٠/٢٠١٩", "2019-10-17"),
        ("بتاريخ 10/17/2019 وقع", "10/17/2019", "2019-10-17"),  # only month first is possible
        ("بتاريخ 3/4/2019 وقع", "3/4/2019", "2019-04-03"),  # day first
    ],
)
def test_numeric_dates(text, expected, date):
    check(text, expected, date, "day", "explicit", None)


def test_numbers_that_are_not_dates():
    assert resolve_dates("نزح 5,200 شخص و12 عائلة في 3 مناطق", THU) == []
    assert resolve_dates("بلغت النسبة 2.5 بالمئة", THU) == []
    assert resolve_dates("القرار 12/5 صدر", THU) == []


# --- months --------------------------------------------------------------------------------------


def test_month_and_year():
    check("أكثرها دموية في يونيو 2018 حين قتل", "يونيو 2018", "2018-06", "month", "month", None)
    check("في شهر أكتوبر من عام 2019", "شهر أكتوبر من عام 2019", "2019-10", "month", "month", None)
    check("في أكتوبر/تشرين الأول 2019 قصف", "أكتوبر/تشرين الأول 2019", "2019-10", "month", "month")


def test_month_of_last_year_with_stated_year():
    text = "وفي تشرين الاول من العام الماضي 2022، استهدفت صواريخ الحقل"
    m = check(text, "تشرين الاول من العام الماضي 2022", "2022-10", "month", "month", None)
    assert m.is_past_context
    m = check(text, "تشرين الاول من العام الماضي 2022", "2022-10", "month", "month", "2023-06-01")
    assert m.is_past_context
    check("في أيار من العام الماضي قصف", "أيار من العام الماضي", "2019-05", "month", "month")


def test_month_with_qualifier():
    m = check("تعرضت في آب/أغسطس الماضي لقصف", "آب/أغسطس الماضي", "2019-08", "month", "month")
    assert m.is_past_context
    check("تعرضت في شباط الماضي لقصف", "شباط الماضي", "2020-02", "month", "month")


def test_month_alone_needs_a_cue():
    check("وفي مارس قتل ثلاثة", "مارس", "2020-03", "month", "month")
    check("منذ يونيو تصاعدت الهجمات", "يونيو", "2019-06", "month", "month")
    check("تصاعدت الهجمات خلال شهر نيسان", "شهر نيسان", "2019-04", "month", "month")
    assert resolve_dates("مارس الجيش ضغوطا على الفصائل", THU) == []
    assert resolve_dates("صادرت الشرطة سيارة نيسان بيضاء", THU) == []
    assert resolve_dates("قتل أب وابنه في القصف", THU) == []


def test_last_and_current_month():
    m = check("تصاعدت الهجمات الشهر الماضي", "الشهر الماضي", "2020-02", "month", "month")
    assert m.is_past_context
    check("هذا الشهر شهد هجمات", "هذا الشهر", "2020-03", "month", "month")
    check("تصاعدت الهجمات الشهر الماضي", "الشهر الماضي", None, None, "month", None)


# --- years and periods ---------------------------------------------------------------------------


def test_years():
    check("قتل في عام 2019 أكثر من مئة", "عام 2019", "2019", "year", "year", None)
    check("سيطر التنظيم منذ 2014 على المدينة", "2014", "2014", "year", "year", None)
    m = check("تراجعت الهجمات العام الماضي", "العام الماضي", "2019", "year", "year")
    assert m.is_past_context
    check("تراجعت الهجمات العام الماضي 2019", "العام الماضي 2019", "2019", "year", "year", None)
    check("ازدادت الهجمات هذا العام", "هذا العام", "2020", "year", "year")
    check("ازدادت الهجمات خلال العام الجاري", "العام الجاري", "2020", "year", "year")


def test_periods():
    text = "قصف القاعدة بثلاثين صاروخا في نهاية 2019، ثم"
    check(text, "نهاية 2019", "2019-12", "month", "period", None)
    check("في أواخر 2019 قصف", "أواخر 2019", "2019-12", "month", "period", None)
    check("في مطلع 2020 قصف", "مطلع 2020", "2020-01", "month", "period", None)
    check("في منتصف 2019 قصف", "منتصف 2019", "2019", "year", "period", None)
    check("في نهاية العام الماضي قصف", "نهاية العام الماضي", "2019-12", "month", "period")
    check("في مطلع الشهر الجاري قصف", "مطلع الشهر الجاري", "2020-03", "month", "period")
    check("في أواخر أكتوبر 2019 قصف", "أواخر أكتوبر 2019", "2019-10", "month", "period", None)


def test_weeks_are_periods_without_date():
    m = check("تكررت الهجمات الأسبوع الماضي", "الأسبوع الماضي", None, None, "period")
    assert m.is_past_context
    m = check("تكررت الهجمات الأسبوع المقبل", "الأسبوع المقبل", None, None, "period")
    assert m.is_future


# --- vague, anaphoric, Hijri ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وقبل ساعات قليلة تعرض رتلان لهجوم", "قبل ساعات قليلة"),
        ("انتقاما لمقتله قبل أيام في غارة", "قبل أيام"),
        ("ويأتي بعد نحو شهرين من هجوم", "بعد نحو شهرين"),
        ("وذلك بعد يومين من هجوم", "بعد يومين"),
        ("تصاعدت الهجمات مؤخراً في المنطقة", "مؤخراً"),
        ("تصاعدت الهجمات في الآونة الأخيرة", "الآونة الأخيرة"),
        ("تكررت الهجمات خلال الأيام الماضية", "خلال الأيام الماضية"),
        ("قتل ثلاثة منذ ثلاثة أيام", "منذ ثلاثة أيام"),
        ("وفي وقت سابق، قصفت الطائرات", "في وقت سابق"),
    ],
)
def test_vague(text, expected):
    check(text, expected, None, None, "vague")


def test_unit_word_before_a_year_is_not_vague():
    check("سيطر منذ عام 2014 على المدينة", "عام 2014", "2014", "year", "year")


def test_anaphoric_days_follow_the_previous_day():
    text = "قتل جندي يوم الجمعة في هجوم. وفي اليوم نفسه قتل آخر، وفي اليوم التالي قتل ثالث."
    ms = resolve_dates(text, THU)
    got = [(m.text, m.date, m.kind) for m in ms]
    assert got == [
        ("يوم الجمعة", "2020-03-06", "weekday"),
        ("في اليوم نفسه", "2020-03-06", "anaphoric"),
        ("في اليوم التالي", "2020-03-07", "anaphoric"),
    ]
    m = only("وفي اليوم ذاته استهدفت طائرة مقرا")
    assert (m.text, m.date, m.kind) == ("في اليوم ذاته", None, "anaphoric")


def test_hijri_dates_are_recognised_not_resolved():
    text = "في 15 رمضان 1441 هـ الموافق 8 أيار 2020 قصفت"
    ms = resolve_dates(text, None)
    assert [(m.text, m.date, m.kind) for m in ms] == [
        ("15 رمضان 1441 هـ", None, "hijri"),
        ("8 أيار 2020", "2020-05-08", "explicit"),
    ]
    assert [m.kind for m in resolve_dates("صدر عام 1441هـ", None)] == ["hijri"]


# --- publication date -----------------------------------------------------------------------


def test_published_none_keeps_relative_dates_unresolved():
    text = "قصف أمس، ومساء الأربعاء، وفي 17 أكتوبر 2019، وفي 17 أكتوبر، والشهر الماضي"
    got = [(m.text, m.date, m.precision, m.kind) for m in resolve_dates(text)]
    assert got == [
        ("أمس", None, None, "relative_day"),
        ("مساء الأربعاء", None, None, "weekday"),
        ("17 أكتوبر 2019", "2019-10-17", "day", "explicit"),
        ("17 أكتوبر", None, None, "explicit"),
        ("الشهر الماضي", None, None, "month"),
    ]


@pytest.mark.parametrize(
    "published",
    [
        "2020-03-12",
        "2020-03-12T23:10:00Z",
        "2020-03-12 08:00:00",
        dt.date(2020, 3, 12),
        dt.datetime(2020, 3, 12, 8, 0),
    ],
)
def test_published_forms(published):
    assert resolve_dates("قصف أمس", published)[0].date == "2020-03-11"


@pytest.mark.parametrize("published", ["12/03/2020", "2020-13-01", "yesterday", "2020-3-12"])
def test_bad_published_string(published):
    with pytest.raises(OptionError):
        resolve_dates("قصف أمس", published)


def test_empty_published_string_means_none():
    assert resolve_dates("قصف أمس", "  ")[0].date is None


def test_folding_invisible_marks_letters_and_ligatures():
    # an RLM after the word is not part of the span; harakat are
    m = only("هجوم مساء أمسِ\u200f على القاعدة")
    assert (m.start, m.end, m.text, m.date) == (5, 14, "مساء أمسِ", "2020-03-11")
    # ڤ and a zero-width space inside the expression; Arabic-Indic digits, پ, a ligature
    m = only("في 3 نوڤمبر\u200b 2019")
    assert (m.start, m.end, m.date) == (3, 17, "2019-11-03")
    m = only("قصف ﻓﻲ ١٧ اپريل ٢٠١٩م")
    assert (m.start, m.end, m.text, m.date) == (7, 21, "١٧ اپريل ٢٠١٩م", "2019-04-17")


def test_bad_published_type_and_bad_text():
    with pytest.raises(OptionError):
        resolve_dates("قصف أمس", 20200312)
    with pytest.raises(TextTypeError):
        resolve_dates(b"\xd8\xa3", THU)
    with pytest.raises(TextTypeError):
        resolve_dates(None, THU)
    with pytest.raises(InvalidTextError):
        resolve_dates("قصف أمس \ud800", THU)


def test_empty_and_dateless_text():
    assert resolve_dates("", THU) == []
    assert resolve_dates("أعلنت الفصائل مسؤوليتها عن الهجوم", THU) == []


def test_infer_published():
    text = "أعلن مصدر أمني الأحد (18 نيسان 2021) أن هجوما وقع مساء الأحد على القاعدة"
    assert infer_published(text) == dt.date(2021, 4, 18)
    ms = resolve_dates(text, infer_published(text))
    assert [(m.text, m.date) for m in ms] == [
        ("الأحد (18 نيسان 2021)", "2021-04-18"),
        ("مساء الأحد", "2021-04-18"),
    ]
    # a weekday that disagrees with its date is not trusted
    assert infer_published("أعلن الاثنين (18 نيسان 2021) أن") is None
    assert infer_published("قصف في 18 نيسان 2021 القاعدة") is None


# --- which date governs a clause -------------------------------------------------------------


def clause(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_date_inside_the_clause():
    text = "قال مصدر إن صاروخين سقطا أمس على القاعدة. وكان هجوم سابق وقع الأحد الماضي."
    ms = resolve_dates(text, THU)
    m = date_for_span(ms, *clause(text, "صاروخين سقطا أمس على القاعدة"), text)
    assert (m.text, m.date) == ("أمس", "2020-03-11")


def test_date_before_the_clause_in_the_sentence_wins_over_one_after():
    text = "أفاد مصدر أمني اليوم الخميس بسقوط صاروخين على القاعدة ثم غارة مساء أمس."
    ms = resolve_dates(text, THU)
    m = date_for_span(ms, *clause(text, "بسقوط صاروخين على القاعدة"), text)
    assert m.text == "اليوم الخميس"


def test_date_after_the_clause_in_the_sentence():
    text = "قتل جنديان في هجوم على القاعدة مساء الأربعاء. وقال مسؤول إن التحقيق مستمر."
    ms = resolve_dates(text, THU)
    m = date_for_span(ms, *clause(text, "قتل جنديان في هجوم على القاعدة"), text)
    assert (m.text, m.date) == ("مساء الأربعاء", "2020-03-11")


def test_no_date_in_the_sentence_and_fallback():
    text = "أكد مصدر اليوم الخميس هجوما على رتل.\nوقالت مصادر إن عبوة انفجرت قرب الرتل."
    ms = resolve_dates(text, THU)
    span = clause(text, "عبوة انفجرت قرب الرتل")
    assert date_for_span(ms, *span, text) is None
    m = date_for_span(ms, *span, text, fallback=True)
    assert (m.text, m.date) == ("اليوم الخميس", THU)


def test_fallback_skips_past_context_and_future():
    text = "وقع هجوم يوم الجمعة الماضي. تعقد جلسة غدا. انفجرت عبوة قرب الرتل."
    ms = resolve_dates(text, THU)
    assert date_for_span(ms, *clause(text, "انفجرت عبوة"), text, fallback=True) is None


def test_future_dates_never_govern():
    text = "قالت الفصائل إنها ستقصف القاعدة غدا"
    ms = resolve_dates(text, THU)
    assert date_for_span(ms, *clause(text, "ستقصف القاعدة غدا"), text) is None


def test_a_full_stop_inside_a_numeric_date_does_not_end_the_sentence():
    text = "في 17.10.2019 سقطت صواريخ على القاعدة."
    ms = resolve_dates(text, None)
    m = date_for_span(ms, *clause(text, "سقطت صواريخ على القاعدة"), text)
    assert (m.text, m.date) == ("17.10.2019", "2019-10-17")


def test_date_for_span_bad_arguments():
    with pytest.raises(OptionError):
        date_for_span([], 5, 2, "نص قصير جدا")
    with pytest.raises(TextTypeError):
        date_for_span([], 0, 1, None)


# --- public API and invariants ------------------------------------------------------------------


def test_public_names():
    assert rasid.resolve_dates is resolve_dates
    assert rasid.DateMention is DateMention
    m = rasid.resolve_dates("قصف أمس", "2020-03-12")[0]
    with pytest.raises(AttributeError):
        m.date = "2020-01-01"  # frozen


_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآىة ")
    + ["\u064b", "\u064e", "\u0650", "\u0651", "\u0652", "\u0640", "\u200f", "\ufefb"]
    + list("0123456789٠١٢٣٤٥٦٧٨٩/-.,،")
    + ["أمس", "اليوم", "الجمعة", "ليل", "السبت", "أكتوبر", "تشرين", "الأول", "2019", "من"]
    + ["الماضي", "الـ", "قبل", "أيام", "نهاية", "عام", "مساء", "في", "شهر", "31", " "]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_offsets_always_slice_back_and_never_crash(text):
    previous_end = 0
    for m in resolve_dates(text, THU):
        assert text[m.start : m.end] == m.text
        assert previous_end <= m.start < m.end <= len(text)
        previous_end = m.end
        if m.date is not None:
            assert m.precision == {10: "day", 7: "month", 4: "year"}[len(m.date)]


def _segment_tokens(parser):
    """(kind, text, start, end) of the tokens of a parser holding them all (past its porch)."""
    ts, te = map(parser.folded_offset, parser.ts[2:]), map(parser.folded_offset, parser.te[2:])
    return list(zip(parser.kind[2:], parser.val[2:], ts, te))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("اب ١2²³½_.،\t\n\u00a0\u2003-/ًx")), max_size=30))
@example("٣²١ ½ ب²2")
def test_chunk_tokenizer_matches_the_token_pattern(text):
    from rasid.dates.parser import _Parser
    from rasid.dates.tokens import _TOKEN

    def kind(v):
        # a number is a run of decimal digits, exactly what int() reads («²» is not one)
        return "n" if v[0].isdecimal() else ("w" if v[0].isalpha() else "p")

    expected = [(kind(m.group()), m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    parser = _Parser(text, text, None)
    parser.all_tokens()
    assert _segment_tokens(parser) == expected
    # int() reads each number token digit by digit, whatever its digits («٣», «3»)
    numbers = [v for k, v, _, _ in expected if k == "n"]
    assert all(int(v) == int("".join(str(unicodedata.decimal(c)) for c in v)) for v in numbers)


_NEAR_FI = st.sampled_from(
    ["في", "وفي", "وقت", "سابق", "ساعة", "متأخرة", "الساعات", "الأولى", "من", "ذات", "نفس"]
    + ["اليوم", "ذاته", "التالي", "السابق", "ليل", "الخميس", "أمس", "2019", "يونيو", "،", " "]
    + ["17/10/2019", "5,200", "2.5", "الـ19", "12", "123", "12345", "1441", "هـ", "رمضان", "(", ")"]
    + ["الأسبوع", "الماضي", "أكتوبر", "تشرين", "الأول", "عام", "نهاية", "مساء", "²", "3½", "-"]
    + ["\n", "  ", "قبل", "أيام", "الجمعة", "السبت", "ليلة", "يوم", "شهر", "هذا", "مارس", "كانون"]
    + ["للعام", "بالأمس", "فالجمعة", "لليوم", "وللشهر", "بيوم", "ولل", "وبعد", "فبل", "لآب", "آب"]
)


def _reference_parse(text):
    """What parse() must return: every rule of _RULES tried in order at every number and
    trigger word of the whole token list (no dispatch, no segments, no skipped «في»)."""
    from rasid.dates.fold import _fold
    from rasid.dates.lexicon import _TRIGGERS
    from rasid.dates.parser import _RULES, _Parser
    from rasid.dates.tokens import _cores

    folded, offsets = _fold(text)
    parser = _Parser(folded, text, offsets)
    parser.all_tokens()
    expected, nxt = [], 0
    for i, (kind, val) in enumerate(zip(parser.kind, parser.val)):
        if i < 2 or i < nxt or kind in ("p", None):
            continue
        if kind == "w" and not any(core in _TRIGGERS for _, core in _cores(val)):
            continue
        for rule in _RULES:
            got = rule(parser, i)
            if got is not None:
                a = parser.ts[got.pop("start_tok")] + got.pop("skip")
                nxt = got.pop("end_tok")
                got["span"] = (parser.folded_offset(a), parser.folded_offset(parser.te[nxt - 1]))
                expected.append(got)
                break
    return expected


@settings(max_examples=200, deadline=None)
@given(st.lists(_NEAR_FI, max_size=14).map(" ".join))
@example("قصف في وقت سابق من اليوم وفي وقت سابق")
@example("قصف في وقت متأخرة من ليل الخميس")
@example("في ساعة متأخرة من ليل الخميس")
@example("في ذات اليوم وفي نفس اليوم وفي اليوم ذاته وفي اليوم التالي")
@example("5,200 في 17/10/2019 و 2.5 الـ19 من الشهر الماضي")
@example("في  \n  ليل  الخميس")
def test_parse_equals_every_rule_at_every_token(text):
    from rasid.dates.fold import _fold
    from rasid.dates.parser import _Parser

    folded, offsets = _fold(text)
    assert _Parser(folded, text, offsets).parse() == _reference_parse(text)


# --- characters that look like digits ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # «²», «³» are digits for str.isdigit() but not decimal digits: never read as numbers
        ("ارتفع منسوب المياه ²٣ مترا أمس", [("أمس", "2020-03-11", "relative_day")]),
        ("تم تدمير ³ مبان صباح اليوم", [("صباح اليوم", THU, "relative_day")]),
        ("²١٧ أكتوبر 2019", [("١٧ أكتوبر 2019", "2019-10-17", "explicit")]),
        (
            "قصفت المدفعية أرضا مساحتها 3 كم² يوم ١٧ آذار ٢٠١٩",
            [("يوم ١٧ آذار ٢٠١٩", "2019-03-17", "explicit")],
        ),
        ("سقطت قذيفة على مساحة ٥٠٠م² مساء الأربعاء", [("مساء الأربعاء", "2020-03-11", "weekday")]),
        ("قتل ½ سكان القرية في ١٢/٣/٢٠٢٠", [("١٢/٣/٢٠٢٠", THU, "explicit")]),
        ("وقعت الغارة في ²2019", []),
        ("وقعت الغارة في ٣²٠١٩", []),
        ("الـ²19 من الشهر الجاري", [("19 من الشهر الجاري", "2020-03-19", "explicit")]),
        ("سقط ¹ صاروخ و①② قذيفة ليل السبت الأحد", [("ليل السبت الأحد", "2020-03-07", "weekday")]),
    ],
)
def test_superscripts_and_fractions_are_not_numbers(text, expected):
    got = [(m.text, m.date, m.kind) for m in resolve_dates(text, THU)]
    assert got == expected
    for m in resolve_dates(text, THU):
        assert text[m.start : m.end] == m.text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
@example("²")
@example("١²٣ ²/٣/٢٠٢٠ 12/²/2020 ³³³³ الـ² من ²")
def test_any_text_never_crashes(text):
    try:
        mentions = resolve_dates(text, THU)
    except InvalidTextError:
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in text)  # a lone surrogate
        return
    for m in mentions:
        assert text[m.start : m.end] == m.text
    infer_published(text)


# --- more phrasings ---------------------------------------------------------------------------


def test_night_pair_in_parentheses_and_old_spelling():
    text = "اعترضت الدفاعات ليلة (الاثنين - الثلثاء) صواريخ"
    check(text, "ليلة (الاثنين - الثلثاء)", MON, "day", "weekday")
    check(
        "قال مصدر ليل الأربعاء - الخميس إن", "ليل الأربعاء - الخميس", "2020-03-11", "day", "weekday"
    )
    check("انفجارات منتصف ليل السبت الأحد", "منتصف ليل السبت الأحد", "2020-03-07", "day", "weekday")


def test_weekday_then_date_with_spaced_slash():
    text = "قصفت طائرات مساء الأربعاء 11 آذار/ مارس مطارا"
    check(text, "مساء الأربعاء 11 آذار/ مارس", "2020-03-11", "day", "explicit")


def test_hours_of_a_day():
    check(
        "في الساعات الأولى من صباح اليوم سقطت قذائف",
        "في الساعات الأولى من صباح اليوم",
        THU,
        "day",
        "relative_day",
    )
    check(
        "وفي وقت سابق من يوم أمس قصف", "في وقت سابق من يوم أمس", "2020-03-11", "day", "relative_day"
    )


def test_current_period_edges():
    check("منذ مطلع العام قتل العشرات", "مطلع العام", "2020-01", "month", "period")
    check(
        "ومنذ منتصف آذار 2011 تتكرر الغارات", "منتصف آذار 2011", "2011-03", "month", "period", None
    )


def test_relative_day_with_weekday_and_date_is_one_explicit_mention():
    text = "قصف صباح اليوم السبت 18 تشرين الثاني/نوفمبر القرى"
    check(
        text,
        "صباح اليوم السبت 18 تشرين الثاني/نوفمبر",
        "2023-11-18",
        "day",
        "explicit",
        "2023-11-18",
    )
    text = "قال مصدر أمس الأحد 18 نيسان 2021 إن"
    check(text, "أمس الأحد 18 نيسان 2021", "2021-04-18", "day", "explicit", None)
    assert infer_published(text) == dt.date(2021, 4, 19)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قتل عشرة خلال الساعات الـ24 الماضية", "خلال الساعات الـ24 الماضية"),
        ("قتل عشرة خلال الـ48 ساعة الماضية", "خلال الـ48 ساعة الماضية"),
        ("تكررت الغارات في اليومين الماضيين", "اليومين الماضيين"),
        ("تكررت الغارات والأيام القليلة الماضية", "الأيام القليلة الماضية"),
        ("وصل الخبر قبل قليل", "قبل قليل"),
    ],
)
def test_recent_spans_are_vague(text, expected):
    check(text, expected, None, None, "vague")


def test_the_one_before_last():
    check("قصف يوم الجمعة قبل الماضي", "يوم الجمعة قبل الماضي", "2020-02-28", "day", "weekday")
    check("تراجعت الهجمات العام قبل الماضي", "العام قبل الماضي", "2018", "year", "year")
    check("تراجعت الهجمات الشهر قبل الماضي", "الشهر قبل الماضي", "2020-01", "month", "month")


def test_relative_day_and_weekday_separated_by_a_comma():
    check("أعلن الجيش اليوم، الجمعة، مقتل", "اليوم، الجمعة", FRI, "day", "relative_day", FRI)


# --- the chunk cache ---------------------------------------------------------------------------


def test_long_chunks_without_spaces_are_parsed_uncached():
    # one chunk of 82 characters: too long for the chunk cache
    text = "قصف،الطيران،مواقع،المسلحين،مساء،الأربعاء،وقتل،5،منهم،في،17/10/2019،حسب،مصادر،محلية"
    got = [(m.start, m.end, m.text, m.date) for m in resolve_dates(text, THU)]
    assert got == [(32, 40, "الأربعاء", "2020-03-11"), (56, 66, "17/10/2019", "2019-10-17")]
    text = "قصف مساء الأربعاء   قرية\tقرب\nالحدود أمس،الثلاثاء"
    got = [(m.start, m.end, m.text, m.date, m.kind) for m in resolve_dates(text, THU)]
    assert got == [
        (4, 17, "مساء الأربعاء", "2020-03-11", "weekday"),
        (36, 48, "أمس،الثلاثاء", "2020-03-10", "relative_day"),
    ]


@settings(max_examples=60, deadline=None)
@given(st.lists(_NEAR_FI, max_size=14).map(" ".join))
def test_parse_is_the_same_with_a_tiny_chunk_cache(text):
    import rasid.dates.parser as parser
    from rasid.dates.fold import _fold

    want = _reference_parse(text)
    old = parser._CHUNK_CACHE_SIZE, parser._CHUNK_CACHE_LEN
    parser._CHUNK_CACHE_SIZE, parser._CHUNK_CACHE_LEN = 2, 3
    try:
        parser._CHUNKS.clear()
        folded, offsets = _fold(text)
        assert parser._Parser(folded, text, offsets).parse() == want
    finally:
        parser._CHUNK_CACHE_SIZE, parser._CHUNK_CACHE_LEN = old
        parser._CHUNKS.clear()


@pytest.mark.parametrize(
    "span,past",
    [
        # a span of days or longer ago is before the article's news days; hours ago is not
        ("قبل 10 أيام", True),
        ("قبل ثلاثة أسابيع", True),
        ("قبل عامين", True),
        ("قبل ساعات", False),
        ("بعد يومين", False),
    ],
)
def test_a_span_ago_is_past_context(span, past):
    text = f"وقع الهجوم {span} في القرية"
    (m,) = resolve_dates(text, "2024-05-08")
    assert (m.text, m.kind, m.date, m.is_past_context) == (span, "vague", None, past)
