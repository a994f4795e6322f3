"""Word lists that decide which source names are kept and which are flagged ambiguous, and
the tests built on them (see SOURCES.md, "Rules applied by the build")."""

from __future__ import annotations

from .text import ARABIC_LETTERS, key, letters, loose, strip_al

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


def valid_name(name: str) -> bool:
    """A source place name worth matching: Arabic letters and spaces only, at least 3 letters,
    no one-letter word, not in :data:`DROP_NAMES`.  (Curated site names, which may hold digits
    or a Latin code such as K1, are checked in :func:`place_rows`.)"""
    if not ARABIC_LETTERS.match(name):
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
