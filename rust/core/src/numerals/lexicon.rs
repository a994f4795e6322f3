//! The number lexicon: number words, counted nouns with their dual forms, and the analysis of
//! a word key into clitics + article + lexicon entry.
//!
//! Keys are in normalized spelling: no harakat or tatweel, alef forms أ إ آ ٱ → ا, ى → ي, ة
//! kept (a final ه is accepted as a spelling of ة in number words).

use std::collections::HashMap;
use std::sync::OnceLock;

/// How a scale word (ألف, مليون, مليار) is inflected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScaleForm {
    /// ألف / مليون: one of it, or "× N" after a number.
    Single,
    /// ألفان / ألفين: two of it.
    Dual,
    /// آلاف / ملايين: "× N" after 3-10, or a vague "thousands" alone.
    Plural,
}

/// A lexicon entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lex {
    /// A cardinal unit 1-9 (both genders, every case).
    Unit(u8),
    /// أحد / إحدى / اثنا / اثني / اثنتا / اثنتي: 1 or 2, only as the head of a teen.
    TeenUnit(u8),
    /// عشرة / عشر: ten, or the tail of a teen (ثلاثة عشر).
    Ten,
    /// عشرون / عشرين … تسعون / تسعين.
    Tens(u8),
    /// A hundreds word: مئتان = 200, ثلاثمئة = 300 …
    Hundreds(u16),
    /// مئة / مائة: 100 alone, × 100 after a unit (ثلاث مئة).
    Hundred,
    /// ألف, مليون, مليار in one of their forms.
    Scale(u64, ScaleForm),
    /// عدة, بضعة, عشرات, مئات: a vague quantity with a lower (and maybe upper) bound.
    Vague(u64, Option<u64>),
    /// عدد / العديد: a vague quantity only when «من» follows («عدد من», «العديد من»).
    Adad,
    /// An ordinal 1-10 (الأول … العاشر, الحادي for 11/21…); the flag says whether the word
    /// is read as an ordinal without the article (ثالث هجوم).
    Ordinal(u8, bool),
    /// The dual of a counted noun (صاروخين, طائرتان).
    Dual,
    /// The singular of a counted noun: a count only with «على الأقل» right after it
    /// («بصاروخ على الأقل» → at least 1).
    Singular,
}

/// Cardinal words. Feminine/masculine and case forms all listed; ة-final words also get ه.
const CARDINALS: &[(&str, Lex)] = &[
    ("واحد", Lex::Unit(1)),
    ("واحدة", Lex::Unit(1)),
    ("واحدا", Lex::Unit(1)),
    ("اثنان", Lex::Unit(2)),
    ("اثنين", Lex::Unit(2)),
    ("اثنتان", Lex::Unit(2)),
    ("اثنتين", Lex::Unit(2)),
    ("ثنتان", Lex::Unit(2)),
    ("ثنتين", Lex::Unit(2)),
    ("ثلاثة", Lex::Unit(3)),
    ("ثلاث", Lex::Unit(3)),
    ("اربعة", Lex::Unit(4)),
    ("اربع", Lex::Unit(4)),
    ("خمسة", Lex::Unit(5)),
    ("خمس", Lex::Unit(5)),
    ("ستة", Lex::Unit(6)),
    ("ست", Lex::Unit(6)),
    ("سبعة", Lex::Unit(7)),
    ("سبع", Lex::Unit(7)),
    ("ثمانية", Lex::Unit(8)),
    ("ثماني", Lex::Unit(8)),
    ("ثمان", Lex::Unit(8)),
    ("تسعة", Lex::Unit(9)),
    ("تسع", Lex::Unit(9)),
    ("عشرة", Lex::Ten),
    ("عشر", Lex::Ten),
    ("احد", Lex::TeenUnit(1)),
    ("احدي", Lex::TeenUnit(1)),
    ("اثنا", Lex::TeenUnit(2)),
    ("اثني", Lex::TeenUnit(2)),
    ("اثنتا", Lex::TeenUnit(2)),
    ("اثنتي", Lex::TeenUnit(2)),
    ("عشرون", Lex::Tens(20)),
    ("عشرين", Lex::Tens(20)),
    ("ثلاثون", Lex::Tens(30)),
    ("ثلاثين", Lex::Tens(30)),
    ("اربعون", Lex::Tens(40)),
    ("اربعين", Lex::Tens(40)),
    ("خمسون", Lex::Tens(50)),
    ("خمسين", Lex::Tens(50)),
    ("ستون", Lex::Tens(60)),
    ("ستين", Lex::Tens(60)),
    ("سبعون", Lex::Tens(70)),
    ("سبعين", Lex::Tens(70)),
    ("ثمانون", Lex::Tens(80)),
    ("ثمانين", Lex::Tens(80)),
    ("تسعون", Lex::Tens(90)),
    ("تسعين", Lex::Tens(90)),
    ("مئة", Lex::Hundred),
    ("مائة", Lex::Hundred),
    ("مية", Lex::Hundred),
    ("مئتان", Lex::Hundreds(200)),
    ("مئتين", Lex::Hundreds(200)),
    ("مائتان", Lex::Hundreds(200)),
    ("مائتين", Lex::Hundreds(200)),
    ("مئتا", Lex::Hundreds(200)),
    ("مائتا", Lex::Hundreds(200)),
    ("ثلاثمئة", Lex::Hundreds(300)),
    ("ثلاثمائة", Lex::Hundreds(300)),
    ("اربعمئة", Lex::Hundreds(400)),
    ("اربعمائة", Lex::Hundreds(400)),
    ("خمسمئة", Lex::Hundreds(500)),
    ("خمسمائة", Lex::Hundreds(500)),
    ("ستمئة", Lex::Hundreds(600)),
    ("ستمائة", Lex::Hundreds(600)),
    ("سبعمئة", Lex::Hundreds(700)),
    ("سبعمائة", Lex::Hundreds(700)),
    ("ثمانمئة", Lex::Hundreds(800)),
    ("ثمانمائة", Lex::Hundreds(800)),
    ("ثمانيمئة", Lex::Hundreds(800)),
    ("ثمانيمائة", Lex::Hundreds(800)),
    ("تسعمئة", Lex::Hundreds(900)),
    ("تسعمائة", Lex::Hundreds(900)),
    ("الف", Lex::Scale(1_000, ScaleForm::Single)),
    ("الفا", Lex::Scale(1_000, ScaleForm::Single)),
    ("الفان", Lex::Scale(1_000, ScaleForm::Dual)),
    ("الفين", Lex::Scale(1_000, ScaleForm::Dual)),
    ("الفي", Lex::Scale(1_000, ScaleForm::Dual)),
    ("الاف", Lex::Scale(1_000, ScaleForm::Plural)),
    ("مليون", Lex::Scale(1_000_000, ScaleForm::Single)),
    ("مليونا", Lex::Scale(1_000_000, ScaleForm::Single)),
    ("مليونان", Lex::Scale(1_000_000, ScaleForm::Dual)),
    ("مليونين", Lex::Scale(1_000_000, ScaleForm::Dual)),
    ("مليوني", Lex::Scale(1_000_000, ScaleForm::Dual)),
    ("ملايين", Lex::Scale(1_000_000, ScaleForm::Plural)),
    ("مليار", Lex::Scale(1_000_000_000, ScaleForm::Single)),
    ("مليارا", Lex::Scale(1_000_000_000, ScaleForm::Single)),
    ("ملياران", Lex::Scale(1_000_000_000, ScaleForm::Dual)),
    ("مليارين", Lex::Scale(1_000_000_000, ScaleForm::Dual)),
    ("مليارات", Lex::Scale(1_000_000_000, ScaleForm::Plural)),
    // Vague quantities. عشرات "tens of" is read as at least 20, مئات as 200, بضعة as 3-9
    // (its classical meaning), عدة "several" as at least 2.
    ("عدة", Lex::Vague(2, None)),
    ("بضعة", Lex::Vague(3, Some(9))),
    ("بضع", Lex::Vague(3, Some(9))),
    ("عشرات", Lex::Vague(20, None)),
    ("مئات", Lex::Vague(200, None)),
    ("عدد", Lex::Adad),
    ("عديد", Lex::Adad),
];

/// Ordinals 1-10, masculine and feminine; `true` = also read without the article.
const ORDINALS: &[(&str, u8, bool)] = &[
    ("اول", 1, false),
    ("اولي", 1, false),
    ("حادي", 1, false),
    ("حادية", 1, false),
    ("ثاني", 2, true),
    ("ثانية", 2, false),
    ("ثالث", 3, true),
    ("ثالثة", 3, false),
    ("رابع", 4, true),
    ("رابعة", 4, false),
    ("خامس", 5, true),
    ("خامسة", 5, false),
    ("سادس", 6, true),
    ("سادسة", 6, false),
    ("سابع", 7, true),
    ("سابعة", 7, false),
    ("ثامن", 8, true),
    ("ثامنة", 8, false),
    ("تاسع", 9, true),
    ("تاسعة", 9, false),
    ("عاشر", 10, true),
    ("عاشرة", 10, false),
];

/// Counted nouns whose plural is broken or feminine (صواريخ, جنود, قتلى, طائرات): their
/// -ان and -ين forms can only be duals.
const DUAL_NOUNS: &[&str] = &[
    // munitions and weapons
    "صاروخ",
    "قذيفة",
    "عبوة",
    "لغم",
    "قنبلة",
    "طائرة",
    "مسيرة",
    "مروحية",
    "مقاتلة",
    "دبابة",
    "مدرعة",
    "عربة",
    "الية",
    "سيارة",
    "شاحنة",
    "ناقلة",
    "زورق",
    "قارب",
    "سفينة",
    "منصة",
    "راجمة",
    "مدفع",
    "طلقة",
    "رصاصة",
    // people
    "جندي",
    "ضابط",
    "قتيل",
    "جريح",
    "شخص",
    "عنصر",
    "طفل",
    "طفلة",
    "رجل",
    "امراة",
    "سيدة",
    "فتاة",
    "شاب",
    "شابة",
    "اسير",
    "رهينة",
    "حارس",
    "قائد",
    "زعيم",
    "عضو",
    "فرد",
    "شقيق",
    "شقيقة",
    "نائب",
    "وزير",
    "جنرال",
    "مجندة",
    "ضحية",
    "مواطنة",
    // attacks and events
    "هجوم",
    "هجمة",
    "ضربة",
    "غارة",
    "انفجار",
    "تفجير",
    "عملية",
    "اشتباك",
    "كمين",
    "اعتداء",
    "استهداف",
    "قصف",
    // places and things hit
    "قاعدة",
    "موقع",
    "معسكر",
    "منزل",
    "بيت",
    "مقر",
    "حاجز",
    "نقطة",
    "مخزن",
    "مستودع",
    "قرية",
    "بلدة",
    "مدينة",
    "دولة",
    "جسر",
    "مطار",
    "سجن",
    "مستشفي",
    "مدرسة",
    "محطة",
    "مركز",
    "مبني",
    "منشاة",
    "حالة",
    "اصابة",
    "جثة",
    "عائلة",
    "اسرة",
    "مسجد",
    "شارع",
    // time and times
    "يوم",
    "ليلة",
    "ساعة",
    "اسبوع",
    "شهر",
    "عام",
    "سنة",
    "دقيقة",
    "مرة",
];

/// Nouns and nisba adjectives whose plural is the sound masculine -ون/-ين (مسلحين, مدنيين,
/// مقاتلين, أمريكيين): unvowelled, their -ين form is the plural as often as the dual, so only
/// the unambiguous nominative dual -ان is read (مدنيان, مسلحان, أمريكيان).
const DUAL_NOUNS_NOMINATIVE_ONLY: &[&str] = &[
    "مسلح",
    "مدني",
    "مقاتل",
    "متعاقد",
    "مستشار",
    "مدرب",
    "موظف",
    "مسؤول",
    "صحفي",
    "طيار",
    "شرطي",
    "عسكري",
    "ارهابي",
    "انتحاري",
    "مسعف",
    "مهاجم",
    "قيادي",
    "مصاب",
    "ناشط",
    "مواطن",
    "عامل",
    "معتقل",
    "مختطف",
    "مفقود",
    "مدير",
    "امني",
    "اخر",
    "اميركي",
    "امريكي",
    "بريطاني",
    "عراقي",
    "سوري",
    "ايراني",
    "تركي",
    "اسرائيلي",
    "فرنسي",
    "روسي",
    "كردي",
    "لبناني",
    "فلسطيني",
    "يمني",
    "سعودي",
    "اردني",
    "ايطالي",
    "الماني",
    "كندي",
    "استرالي",
    "اسباني",
    "مصري",
    "اجنبي",
    "هولندي",
    "بولندي",
    "دنماركي",
    "نرويجي",
];

/// Prefixes tried before a lexicon lookup, after the bare word: clitic letters (و ف ب ل ك)
/// and the article, grouped by their first letter. `(prefix, article letters at its end)`:
/// «لل» ends in a one-letter article (ل + ال).
fn prefixes(first: char) -> &'static [(&'static str, usize)] {
    match first {
        'و' => &[
            ("و", 0),
            ("وب", 0),
            ("ول", 0),
            ("وك", 0),
            ("وال", 2),
            ("ولل", 1),
            ("وبال", 2),
            ("وكال", 2),
        ],
        'ف' => &[
            ("ف", 0),
            ("فب", 0),
            ("فل", 0),
            ("فال", 2),
            ("فلل", 1),
            ("فبال", 2),
        ],
        'ب' => &[("ب", 0), ("بال", 2)],
        'ل' => &[("ل", 0), ("لل", 1)],
        'ك' => &[("ك", 0), ("كال", 2)],
        'ا' => &[("ال", 2)],
        _ => &[],
    }
}

/// FNV-1a: the lexicon's keys are a few bytes long, where SipHash's set-up dominates.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map with [`Fnv`].
pub(crate) type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// A hash set with [`Fnv`].
pub(crate) type FnvSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<Fnv>>;

/// A word read as a lexicon entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Analysis {
    /// The entry.
    pub lex: Lex,
    /// Key letters before the entry's stem (clitics and article).
    pub prefix_len: usize,
    /// Key letters of the article at the end of the prefix (0 when none).
    pub article_len: usize,
    /// The prefix is exactly the conjunction و (optionally + article): «وعشرون», «والعشرون».
    pub conj: bool,
}

impl Analysis {
    /// Whether the stem carries the article ال.
    pub fn article(&self) -> bool {
        self.article_len > 0
    }

    /// Key letters before the mention's own first letter: the clitics, not the article.
    pub fn clitic_len(&self) -> usize {
        self.prefix_len - self.article_len
    }

    /// Whether there is any prefix at all.
    pub fn bare(&self) -> bool {
        self.prefix_len == 0
    }
}

/// The lexicon: word stem → entry.
pub(crate) struct Lexicon {
    map: FnvMap<String, Lex>,
    /// Longest key, in bytes.
    max_len: usize,
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut map: FnvMap<String, Lex> = FnvMap::default();
        let mut add = |k: String, v: Lex| {
            map.entry(k).or_insert(v);
        };
        for &(k, v) in CARDINALS {
            add(k.to_string(), v);
            if let Some(stem) = k.strip_suffix('ة') {
                add(format!("{stem}ه"), v);
            }
        }
        for &(k, n, bare) in ORDINALS {
            add(k.to_string(), Lex::Ordinal(n, bare));
            if let Some(stem) = k.strip_suffix('ة') {
                add(format!("{stem}ه"), Lex::Ordinal(n, bare));
            }
        }
        for &noun in DUAL_NOUNS {
            let stem = match noun.strip_suffix('ة') {
                Some(s) => format!("{s}ت"),
                None => noun.to_string(),
            };
            add(format!("{stem}ان"), Lex::Dual);
            add(format!("{stem}ين"), Lex::Dual);
        }
        for &noun in DUAL_NOUNS_NOMINATIVE_ONLY {
            add(format!("{noun}ان"), Lex::Dual);
        }
        for &noun in DUAL_NOUNS.iter().chain(DUAL_NOUNS_NOMINATIVE_ONLY) {
            add(noun.to_string(), Lex::Singular);
            if !noun.ends_with('ة') {
                add(format!("{noun}ا"), Lex::Singular);
            }
        }
        let max_len = map.keys().map(String::len).max().unwrap_or(0);
        Lexicon { map, max_len }
    }

    /// The shared lexicon (built on first use).
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    /// Reads a word key: the shortest prefix whose stem is an entry allowed with that prefix.
    pub fn analyze(&self, key: &str) -> Option<Analysis> {
        let first = key.chars().next()?;
        if key.len() > self.max_len + "وبال".len() {
            return None;
        }
        let bare = std::iter::once(("", 0usize));
        for (prefix, article_len) in bare.chain(prefixes(first).iter().copied()) {
            let Some(stem) = key.strip_prefix(prefix) else {
                continue;
            };
            if stem.is_empty() || stem.len() > self.max_len {
                continue;
            }
            let Some(&lex) = self.map.get(stem) else {
                continue;
            };
            if !allowed(lex, stem, prefix, article_len > 0) {
                continue;
            }
            let prefix_len = prefix.chars().count();
            return Some(Analysis {
                lex,
                prefix_len,
                article_len,
                conj: prefix.starts_with('و') && (prefix_len - article_len) == 1,
            });
        }
        None
    }
}

/// Whether an entry may carry this prefix.
fn allowed(lex: Lex, stem: &str, prefix: &str, article: bool) -> bool {
    // «لست», «ولست» (I am not) are not six; «بست», «وست» are.
    if stem == "ست" && prefix.ends_with('ل') {
        return false;
    }
    match lex {
        // «الاثنين» is Monday («الاثنان», «الاثنتين» are «the two»); «الأحد» Sunday is never
        // a number (TeenUnit).
        Lex::Unit(2) if article => stem != "اثنين",
        Lex::Unit(_) | Lex::Ten | Lex::TeenUnit(_) | Lex::Tens(_) | Lex::Hundreds(_) => true,
        // «المئة» is mostly «في المئة» (percent): not a number on its own.
        Lex::Hundred => !article,
        // «الألف» alone is not a count; «الآلاف» is (vague).
        Lex::Scale(_, ScaleForm::Plural) => true,
        Lex::Scale(..) => !article,
        Lex::Vague(..) => true,
        Lex::Adad => true,
        Lex::Ordinal(_, bare) => article || bare,
        Lex::Dual => true,
        Lex::Singular => !article,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyses() {
        let lex = Lexicon::get();
        let a = lex.analyze("وسبعة").unwrap();
        assert_eq!((a.lex, a.prefix_len, a.conj), (Lex::Unit(7), 1, true));
        let a = lex.analyze("والعشرون").unwrap();
        assert_eq!((a.lex, a.article_len, a.conj), (Lex::Tens(20), 2, true));
        assert_eq!(lex.analyze("واحد").unwrap().lex, Lex::Unit(1));
        assert_eq!(lex.analyze("طائرتين").unwrap().lex, Lex::Dual);
        assert_eq!(lex.analyze("للجنديين").unwrap().lex, Lex::Dual);
        assert!(lex.analyze("الاثنين").is_none());
        assert_eq!(lex.analyze("الاثنان").unwrap().lex, Lex::Unit(2));
        assert!(lex.analyze("مسلحين").is_none());
        assert!(lex.analyze("المدنيين").is_none());
        assert_eq!(lex.analyze("مدنيان").unwrap().lex, Lex::Dual);
        assert!(lex.analyze("لست").is_none());
        assert!(lex.analyze("ولست").is_none());
        assert_eq!(lex.analyze("بست").unwrap().lex, Lex::Unit(6));
        assert!(lex.analyze("الثلاثاء").is_none());
        assert!(lex.analyze("الخميس").is_none());
        assert!(lex.analyze("ثانية").is_none());
        assert_eq!(lex.analyze("الثانية").unwrap().lex, Lex::Ordinal(2, false));
    }
}
