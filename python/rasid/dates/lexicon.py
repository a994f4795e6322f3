"""The words of date expressions, in folded spelling (see :mod:`rasid.dates.fold`).

The grammar (:mod:`rasid.dates.explicit`, :mod:`rasid.dates.relative`) reads these sets;
:data:`_TRIGGERS` are the words that can begin an expression at all. Weekday and month names
are the package's (:mod:`rasid.vocabulary`).
"""

from __future__ import annotations

from ..vocabulary import HIJRI_MONTHS, HIJRI_MONTHS_TWO_WORDS, MONTHS, MONTHS_TWO_WORDS, WEEKDAYS

_QUAL_PAST = {"الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته", "السابق"}
_QUAL_CUR = {"الجاري", "الجاريه", "الحالي", "الحاليه"}
_QUAL_NEXT = {"المقبل", "المقبله", "القادم", "القادمه"}
_DAYREFS = {"اليوم": 0, "امس": -1, "الامس": -1, "البارحه": -1, "غدا": 1, "الغد": 1}
_TOD = {
    "صباح",
    "مساء",
    "فجر",
    "ظهر",
    "ظهيره",
    "عصر",
    "ليل",
    "ليله",
    "صبيحه",
    "ضحي",
    "غروب",
    "نهار",
    "منتصف",
}
_NIGHT = {"ليل", "ليله"}
_ORD_UNITS = {
    "الاول": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الخامس": 5,
    "السادس": 6,
    "السابع": 7,
    "الثامن": 8,
    "التاسع": 9,
    "العاشر": 10,
}
_ORD_TENS = {"العشرين": 20, "والعشرين": 20, "الثلاثين": 30, "والثلاثين": 30}
_PERIOD_EDGE = {
    "مطلع": "start",
    "بدايه": "start",
    "اوائل": "start",
    "مستهل": "start",
    "نهايه": "end",
    "اواخر": "end",
    "اخر": "end",
    "ختام": "end",
    "منتصف": "mid",
    "اواسط": "mid",
}
_SEASONS = {"ربيع", "صيف", "خريف", "شتاء"}
_YEAR_WORDS = {"عام", "العام", "سنه", "السنه"}
_MONTH_CUES = {
    "في",
    "خلال",
    "منذ",
    "حتي",
    "شهر",
    "من",
    "الي",
    "بين",
    "قبل",
    "بعد",
    "طيله",
    "طوال",
    "و",
    "او",
}
_VAGUE_PREP = {"قبل", "بعد", "منذ", "خلال", "طيله", "طوال"}
_APPROX = {"نحو", "حوالي", "قرابه", "زهاء", "بضع", "بضعه", "عده", "بعض"}
_NUMBER_WORDS = {
    "واحد",
    "اثنين",
    "ثلاث",
    "ثلاثه",
    "اربع",
    "اربعه",
    "خمس",
    "خمسه",
    "ست",
    "سته",
    "سبع",
    "سبعه",
    "ثماني",
    "ثمانيه",
    "تسع",
    "تسعه",
    "عشر",
    "عشره",
    "عشرات",
}
_UNITS = {
    "ساعه",
    "ساعات",
    "ساعتين",
    "ساعتان",
    "دقيقه",
    "دقائق",
    "دقيقتين",
    "يوم",
    "ايام",
    "يومين",
    "يومان",
    "اسبوع",
    "اسابيع",
    "اسبوعين",
    "شهر",
    "اشهر",
    "شهور",
    "شهرين",
    "عام",
    "اعوام",
    "عامين",
    "سنه",
    "سنوات",
    "سنين",
    "سنتين",
    "عقد",
    "عقود",
}
# units shorter than a day: «قبل ساعات» is still the news day
_SUB_DAY_UNITS = {"ساعه", "ساعات", "ساعتين", "ساعتان", "دقيقه", "دقائق", "دقيقتين"}
_PLURAL_SPANS = {
    "الساعات",
    "الايام",
    "الاسابيع",
    "الاشهر",
    "الشهور",
    "الاعوام",
    "السنوات",
    "الساعتين",
    "اليومين",
    "الاسبوعين",
    "الشهرين",
    "العامين",
    "السنتين",
}
_SPAN_QUALS = {
    "الماضيه",
    "الماضيين",
    "الاخيرين",
    "المنصرمين",
    "الاخيره",
    "المنصرمه",
    "القليله",
    "قليله",
    "معدوده",
    "الفائته",
    "السابقه",
}
_TODAY_NOT = {
    # «اليوم» followed by these is not "today": ordinals, «العالمي» …
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الاخير",
    "العالمي",
    "الوطني",
    "الدولي",
}
_ANAPHOR = {"ذاته": 0, "نفسه": 0, "التالي": 1, "السابق": -1}

_HOUR_WORDS = {"وقت", "ساعه", "ساعات", "الساعات"}
# the word after «في» in the expressions it begins (with _ANAPHOR one word later)
_FI_NEXT = frozenset(_HOUR_WORDS | {"ذات", "نفس"})
_HOUR_ADJ = {
    "متاخر",
    "متاخره",
    "مبكر",
    "مبكره",
    "سابق",
    "لاحق",
    "الاولي",
    "الاول",
    "المتاخره",
    "الاخيره",
    "الصباح",
    "الفجر",
    "الليل",
}


# words that can begin a date expression (after clitics): other tokens are skipped at once.
_TRIGGERS = frozenset(
    set(WEEKDAYS)
    | set(MONTHS)
    | set(MONTHS_TWO_WORDS)
    | HIJRI_MONTHS
    | set(HIJRI_MONTHS_TWO_WORDS)
    | set(_DAYREFS)
    | _TOD
    | set(_ORD_UNITS)
    | {k for k in _ORD_TENS if k.startswith("ال")}
    | set(_PERIOD_EDGE)
    | _SEASONS
    | _YEAR_WORDS
    | _VAGUE_PREP
    | _PLURAL_SPANS
    | {"ال", "الحادي", "الواحد", "يوم", "اول", "اوائل", "في", "ذات", "نفس", "شهر", "الليله"}
    | {"مؤخرا", "موخرا", "الاونه", "الامس", "هذا", "الاسبوع", "الشهر"}
)


# the word after a day number (or after «من» after it) in the expressions it begins
_DAY_NEXT = frozenset(
    set(MONTHS)
    | set(MONTHS_TWO_WORDS)
    | HIJRI_MONTHS
    | set(HIJRI_MONTHS_TWO_WORDS)
    | {"الشهر", "هذا"}
)
# the ordinal words of a day («الأول», «الحادي», «العشرين»)
_ORDINALS = frozenset(
    set(_ORD_UNITS) | {"الحادي", "الواحد"} | {k for k in _ORD_TENS if k.startswith("ال")}
)
# the words (besides numbers) at which the day of a date may begin (day_number, not first)
_DAY_WORDS = frozenset({"ال"} | _ORDINALS)
# the word after «خلال», «منذ» … in the expressions they begin (see p_vague)
_PREP_NEXT = frozenset(
    {"قليل", "ال", "اكثر", "اقل", "ما"} | _PLURAL_SPANS | _APPROX | _NUMBER_WORDS | _UNITS
)


def _qual(word: str | None) -> int | None:
    """-1 for «الماضي», 0 for «الجاري», +1 for «المقبل» (and their kin), else None."""
    if word in _QUAL_PAST:
        return -1
    if word in _QUAL_CUR:
        return 0
    if word in _QUAL_NEXT:
        return 1
    return None
