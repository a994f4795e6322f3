"""Places beyond Iraq and Syria, place names that are also words, and places that do not
locate the event (issue 12). Every sentence is written for these tests."""

from __future__ import annotations

import math

import pytest
from rasid import default_gazetteer
from rasid.events import extract
from spans import at


def only(text: str):
    events = extract(text, published="2024-02-01")
    assert len(events) == 1, events
    return events[0]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


# (sentence, the city's mention, ISO country, the city's public position)
CITY_EVENTS = [
    (
        "شنت طائرة مسيرة غارة على سيارة في مدينة صور جنوب لبنان صباح اليوم.",
        "صور",
        "LB",
        33.27,
        35.20,
    ),
    ("سقط صاروخ على حي سكني في مدينة الحديدة غرب اليمن مساء أمس.", "الحديدة", "YE", 14.80, 42.95),
    ("انفجرت عبوة ناسفة قرب دورية للأمن في مدينة إربد شمال الأردن.", "إربد", "JO", 32.55, 35.85),
    (
        "قصفت طائرات حربية منزلا في خان يونس جنوب قطاع غزة فجر اليوم.",
        "خان يونس",
        "PS",
        31.34,
        34.31,
    ),
    (
        "اندلعت اشتباكات مسلحة بين فصيلين في طرابلس غرب ليبيا أسفرت عن مقتل ثلاثة.",
        "طرابلس",
        "LY",
        32.89,
        13.19,
    ),
    (
        "قصفت قوات الدعم السريع أحياء في مدينة الفاشر بالمدفعية الثقيلة.",
        "الفاشر",
        "SD",
        13.63,
        25.35,
    ),
    (
        "استهدف هجوم بطائرة مسيرة منشأة عسكرية في مدينة أصفهان وسط إيران.",
        "أصفهان",
        "IR",
        32.65,
        51.67,
    ),
    (
        "انفجرت سيارة مفخخة في مدينة غازي عنتاب جنوب تركيا وقتل شخصان.",
        "غازي عنتاب",
        "TR",
        37.07,
        37.38,
    ),
]


@pytest.mark.parametrize(
    "text,mention,country,lat,lon", CITY_EVENTS, ids=[c[2] for c in CITY_EVENTS]
)
def test_an_event_abroad_is_located_at_its_city(text, mention, country, lat, lon):
    loc = only(text).location
    assert loc is not None
    # the mention may hold the place-type word («مدينة صور»)
    assert text[loc.start : loc.end].endswith(mention) and loc.end == at(text, mention)[1]
    assert loc.country == country
    assert km(lat, lon, loc.lat, loc.lon) < 30


def test_lebanon_is_never_lam_plus_a_village():
    # «لبنان» is Lebanon, not ل + the Syrian village «بنان»; «لبيروت» is ل + Beirut
    g = default_gazetteer()
    places = [
        (m.text, m.id) for m in g.find("غارة على جنوب لبنان وضاحية بيروت") if m.kind != "placetype"
    ]
    assert ("لبنان", "lb") in places
    assert not [p for p in places if p[1].endswith("banan")]
    ev = only("شنت طائرة حربية غارة على بلدة الخيام في لبنان اليوم.")
    assert ev.location.country == "LB"


def test_the_country_field_is_an_iso_code_for_every_place():
    ev = only("سقطت صواريخ على قاعدة العديد في قطر مساء اليوم.")
    assert ev.location.id == "qa.site.al_udeid" and ev.location.country == "QA"
    ev = only("هاجمت طائرة مسيرة سفينة تجارية في البحر الأحمر قبالة السواحل اليمنية.")
    assert ev.location.mention == "البحر الأحمر" and ev.location.country == "YE"
    ev = only("استهدفت طائرة مسيرة قاعدة البرج 22 في الأردن قرب الحدود السورية.")
    assert ev.location.id == "jo.site.tower_22" and ev.location.country == "JO"


def test_a_word_that_is_also_a_place_needs_a_place_cue():
    # «الشرطة» (a Baghdad neighbourhood) and «زارة» read in «وزارة» are words here
    ev = only("انفجرت عبوة ناسفة قرب مبنى وزارة الداخلية وأصيب عناصر من الشرطة.")
    assert ev.location is None
    text = "انفجرت عبوة ناسفة في منطقة الشرطة صباح اليوم."
    ev = only(text)
    assert ev.location.id == "iq.loc.shurtah"
    assert (ev.location.start, ev.location.end) == at(text, "الشرطة")


def test_a_foreign_event_gets_no_syrian_or_iraqi_homonym():
    # «بنان» and «مراح» are Syrian villages too; the sentence is about Lebanon
    ev = only("قصفت المدفعية الإسرائيلية بلدة عيتا الشعب في جنوب لبنان.")
    assert ev.location.country == "LB"


def test_an_outlet_name_does_not_locate_the_event():
    assert only("ذكر موقع الأنبار 24 أن عبوة ناسفة انفجرت على دورية للجيش.").location is None
    assert only("نقلت قناة الجزيرة أن قصفا مدفعيا استهدف قرى في الريف.").location is None
    text = "ذكر موقع سوريا ناو أن انفجارا بعبوة ناسفة وقع في مدينة الحسكة."
    assert only(text).location.name_ar == "الحسكة"


def test_a_diplomats_post_does_not_locate_the_event():
    text = "قال سفير العراق لدى تركيا إن طائرة مسيرة قصفت مقرا للحزب."
    assert only(text).location is None
    text = "قال سفير العراق لدى الأردن إن هجوما بطائرة مسيرة استهدف قاعدة عين الأسد."
    assert only(text).location.id == "iq.site.ain_al_asad"


def test_a_capital_speaking_for_its_government_does_not_locate_the_event():
    assert only("وأعلنت طهران أن طائرات مسيرة قصفت مقرات لجماعات كردية مسلحة.").location is None
    assert only("وقالت دمشق إن طائرات إسرائيلية قصفت موقعا عسكريا.").location is None
    text = "وأعلنت أنقرة أن طائرة مسيرة قصفت مدينة القامشلي."
    assert only(text).location.name_ar == "القامشلي"
    # a capital that is the place: «قصفت طائرات دمشق»
    text = "قصفت طائرات حربية أحياء في دمشق فجر اليوم."
    assert only(text).location.name_ar == "دمشق"


def test_a_demonym_picks_the_country_of_a_shared_city_name():
    # «طرابلس» is a city of Lebanon and of Libya
    text = "اندلعت اشتباكات بين مجموعتين مسلحتين في العاصمة الليبية طرابلس وقتل أربعة."
    assert only(text).location.country == "LY"
    text = "انفجرت عبوة ناسفة في مدينة طرابلس اللبنانية وأصيب ثلاثة."
    assert only(text).location.country == "LB"


def test_a_capital_that_is_also_a_state_alias_is_a_place_after_a_place_word():
    # «أنقرة» is also an alias of the Turkish state
    text = "انفجرت سيارة مفخخة وسط العاصمة التركية أنقرة وقتل خمسة."
    assert only(text).location.id == "tr.loc.ankara"
    assert only("قصفت أنقرة مواقع للحزب بالطائرات.").location is None


def test_a_foreign_city_homonym_in_a_syrian_sentence_is_dropped():
    # Iskenderun (Turkey) names a school in Aleppo; Turkey is named nowhere
    text = "استهدفت طائرة مسيرة موقعا قرب مدرسة اسكندرون في حي السريان بمدينة حلب."
    assert only(text).location.country == "SY"


def test_a_street_named_after_a_country_is_not_the_place():
    text = "اغتال مسلحون مجهولون تاجراً بمسدس كاتم في شارع الجزائر وسط مدينة البصرة مساء أمس."
    (ev,) = extract(text, published="2024-03-04")
    assert ev.location.country == "IQ"
    assert (ev.location.start, ev.location.end) == at(text, "البصرة")


def test_of_two_towns_of_one_name_the_one_at_its_district_is_taken():
    text = "انفجرت سيارة مفخخة قرب سوق شعبي في مدينة عفرين بريف حلب الشمالي صباح اليوم."
    (ev,) = extract(text, published="2024-03-04")
    assert ev.location.name_en == "Afrin"
    assert abs(ev.location.lat - 36.53) < 0.1 and abs(ev.location.lon - 36.91) < 0.1


# (sentence, the division's mention, ISO country, its admin1): a province named alone locates
# the event at the province, with the province's admin1
PROVINCE_EVENTS = [
    (
        "قصفت طائرة مسيرة موقعا عسكريا في محافظة مأرب شرق اليمن صباح اليوم.",
        "محافظة مأرب",
        "YE",
        "Marib",
    ),
    (
        "سقطت ثلاثة صواريخ على منطقة زراعية في محافظة الحديدة مساء أمس.",
        "محافظة الحديدة",
        "YE",
        "Al Hudaydah",
    ),
    ("انفجرت عبوة ناسفة بسيارة عسكرية في ولاية هاتاي جنوب تركيا.", "ولاية هاتاي", "TR", "Hatay"),
    (
        "شنت طائرة حربية غارة على بلدة في محافظة النبطية جنوب لبنان.",
        "محافظة النبطية",
        "LB",
        "Nabatieh",
    ),
    (
        "اندلعت اشتباكات عنيفة بين قوتين في ولاية شمال دارفور وقتل سبعة.",
        "ولاية شمال دارفور",
        "SD",
        "North Darfur",
    ),
    (
        "انفجرت سيارة مفخخة قرب مقر أمني في محافظة خوزستان جنوب غرب إيران.",
        "محافظة خوزستان",
        "IR",
        "Khuzestan",
    ),
]


@pytest.mark.parametrize(
    "text,mention,country,admin1", PROVINCE_EVENTS, ids=[c[2] + ":" + c[3] for c in PROVINCE_EVENTS]
)
def test_an_event_in_a_province_abroad_is_located_at_the_province(text, mention, country, admin1):
    loc = only(text).location
    assert loc is not None and (text[loc.start : loc.end], loc.kind) == (mention, "governorate")
    assert (loc.country, loc.admin1, loc.precision) == (country, admin1, "governorate")


# (sentence, the town's mention, ISO country, the admin1 of its province)
TOWN_ADMIN1_EVENTS = [
    ("استهدفت غارة جوية سيارة على طريق في مدينة أنطاكية فجر اليوم.", "أنطاكية", "TR", "Hatay"),
    ("انفجرت عبوة ناسفة قرب حاجز في مدينة جنين شمال الضفة الغربية.", "جنين", "PS", "Jenin"),
    ("قصفت الطائرات المسيرة مواقع في مدينة صعدة شمال اليمن.", "صعدة", "YE", "Saada"),
    ("قتل شخصان في انفجار سيارة مفخخة بمدينة بنغازي شرق ليبيا.", "بنغازي", "LY", "Benghazi"),
    ("أصيب ثلاثة جنود بقذيفة هاون سقطت على بلدة الخيام جنوب لبنان.", "الخيام", "LB", "Nabatieh"),
    ("سقطت طائرة مسيرة مفخخة على مدينة إربد شمال الأردن.", "إربد", "JO", "Irbid"),
]


@pytest.mark.parametrize(
    "text,mention,country,admin1", TOWN_ADMIN1_EVENTS, ids=[c[2] for c in TOWN_ADMIN1_EVENTS]
)
def test_a_town_abroad_has_the_admin1_of_its_province(text, mention, country, admin1):
    loc = only(text).location
    assert loc is not None and text[loc.start : loc.end].endswith(mention)
    assert (loc.country, loc.admin1) == (country, admin1)


def test_a_generic_division_name_needs_context():
    # «المنطقة الشرقية» is Saudi Arabia's Eastern Province only with context: here it is
    # eastern Syria
    text = "قصفت طائرات مجهولة مواقع لفصائل موالية لإيران في المنطقة الشرقية من سوريا."
    assert only(text).location.country == "SY"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a neighbourhood named like an Iraqi town, inside Beirut's southern suburb
        (
            "قتل شخصان في غارة إسرائيلية على حي القائم في الضاحية الجنوبية لبيروت مساء الأحد.",
            "LB",
        ),
        # a market named after a country
        ("قتل خمسة مدنيين بسقوط قذائف على سوق ليبيا في مدينة أم درمان صباح اليوم.", "SD"),
        # the neighbours across the border are not the place
        (
            "قتل 11 شرطياً في هجوم مسلح على مقر للشرطة في محافظة سيستان وبلوشستان قرب الحدود"
            " مع باكستان وأفغانستان.",
            "IR",
        ),
    ],
)
def test_a_name_that_is_not_where_it_happened_gives_no_other_country(text, country):
    (ev,) = extract(text, published="2024-03-04")
    assert ev.location is None or ev.location.country == country


def test_a_word_that_names_a_town_abroad_needs_its_country_in_the_text():
    # «أمل» is a word, and Iran's Amol: no Iranian place in a report about Gaza
    text = "استشهد ثلاثة فلسطينيين في قصف إسرائيلي على ناحية أمل بخانيونس في قطاع غزة أمس."
    (ev,) = extract(text, published="2024-03-04")
    assert ev.location.country == "PS"


def test_a_word_name_before_a_bearing_and_its_country_is_the_place():
    # «صور» is also «pictures»: «في صور جنوب لبنان» places it
    text = "استشهدت امرأة متأثرة بجروحها جراء غارة إسرائيلية على منزل في صور جنوب لبنان."
    (ev,) = extract(text, published="2024-03-04")
    assert (ev.location.name_en, ev.location.country) == ("Tyre", "LB")
    assert (ev.location.start, ev.location.end) == at(text, "صور")


def test_pictures_are_no_place():
    text = "وقتل ثلاثة مدنيين بغارة جوية على بلدة كفرنبل، بحسب صور نشرها ناشطون."
    (ev,) = extract(text, published="2024-03-04")
    assert ev.location.country == "SY"
