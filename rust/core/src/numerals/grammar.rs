//! The number grammar over tokens: cardinals (digits and words, compounds, scale words),
//! ordinals, duals, vague quantities, then ranges and bounds around them.

use std::sync::OnceLock;

use super::lexicon::{Analysis, FnvSet, Lex, Lexicon, ScaleForm};
use super::tokenize::{TokKind, Token};
use super::{NumberKind, NumberMention};

/// Gregorian (both the Egyptian and the Levantine series), and Hijri month names: a number
/// 1-31 right before one of them is a day of the month, not a count.
///
/// The source of month names is `python/rasid/vocabulary.py` (`MONTHS`, `MONTHS_TWO_WORDS`,
/// `HIJRI_MONTHS`, `HIJRI_MONTHS_TWO_WORDS`, which the date parser reads); this is the number
/// grammar's copy, in the core's normalized spelling (ة kept) and by first word only, plus
/// «شهر». It does not have the Maghreb spellings (جانفي فيفري يوليوز غشت شتنبر نونبر دجنبر)
/// yet; `tests/test_vocabulary.py` checks it against the Python tables.
const MONTHS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "افريل",
    "مايو",
    "ماي",
    "يونيو",
    "يونيه",
    "جوان",
    "يوليو",
    "يوليه",
    "جويلية",
    "اغسطس",
    "اوت",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    "محرم",
    "صفر",
    "ربيع",
    "جمادي",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذي",
    "ذو",
    "الشهر",
    "شهر",
];

/// Words after which a number is a label, a year or a clock time, not a count.
const LABEL_BEFORE: &[&str] = &[
    "رقم",
    "الرقم",
    "برقم",
    "عام",
    "العام",
    "لعام",
    "بعام",
    "للعام",
    "سنة",
    "السنة",
    "لسنة",
    "بسنة",
    "ساعة",
    "الساعة",
    "للساعة",
    "ساعه",
    "الساعه",
    "المادة",
    "الفقرة",
    "القرار",
    "الطريق",
    "طريق",
    "الكيلو",
    "كيلو",
    "الكيلومتر",
    "عيار",
    "طراز",
    "موديل",
    "الموديل",
    "الفصل",
    "البند",
    "اللواء",
    "الفرقة",
    "القناة",
    "الموسم",
    // aircraft and weapon designations written with a space: «سوخوي 24», «إف 16», «إس 400»
    "قرار",
    "سوخوي",
    "ميغ",
    "ميج",
    "اف",
    "اس",
    "تي",
    "بي",
    "بوينغ",
    "بوينج",
    "ايرباص",
    "الطراز",
];

/// Words before an ordinal that make it part of a month name (تشرين الأول, كانون الثاني,
/// ربيع الأول, جمادى الآخرة), of «أمس الأول» (the day before yesterday) or of a clock time.
const ORDINAL_NOT_AFTER: &[&str] = &[
    "تشرين",
    "كانون",
    "ربيع",
    "جمادي",
    "الساعة",
    "ساعة",
    "الساعه",
    "للساعة",
];

/// Words after a feminine ordinal that make it an hour («التاسعة والنصف», «العاشرة صباحا»).
const CLOCK_AFTER: &[&str] = &[
    "والنصف",
    "والربع",
    "والثلث",
    "الا",
    "صباحا",
    "مساء",
    "ظهرا",
    "فجرا",
    "ليلا",
    "عصرا",
    "بتوقيت",
    "صباح",
    "مساءا",
];

/// Words before a number that make it an hour («الساعة 10», «الساعة الواحدة»).
const CLOCK_BEFORE: &[&str] = &["ساعة", "الساعة", "للساعة", "ساعه", "الساعه", "بالساعة"];

/// English month names: a number after one is a day of the month («December 9, 2021»).
const LATIN_MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Prepositions and particles: after «الـN» they show N is not followed by its noun.
const NOT_A_NOUN: &[&str] = &[
    "من",
    "في",
    "علي",
    "الي",
    "عن",
    "منذ",
    "خلال",
    "ضد",
    "بعد",
    "قبل",
    "مع",
    "حتي",
    "التي",
    "الذي",
    "الذين",
    "هو",
    "هي",
    "وهو",
    "وهي",
    "او",
    "و",
    "ثم",
    "بين",
    "حيث",
    "عندما",
    "لكن",
];

/// Percent words after a number (بالمئة, في المئة).
const PERCENT_AFTER: &[&str] = &[
    "بالمئة",
    "بالمائة",
    "بالمية",
    "بالماية",
    "بالمئه",
    "بالمائه",
];

/// A cue word sequence before a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    Approx,
    AtLeast,
    MoreThan,
    LessThan,
    AtMost,
    Between,
    From,
}

/// Cues before a number, longest first within each head word.
const PRE_CUES: &[(&[&str], Cue)] = &[
    (&["ما", "لا", "يقل", "عن"], Cue::AtLeast),
    (&["ما", "لا", "يزيد", "عن"], Cue::AtMost),
    (&["ما", "لا", "يزيد", "علي"], Cue::AtMost),
    (&["ما", "لا", "يتجاوز"], Cue::AtMost),
    (&["ما", "يزيد", "عن"], Cue::MoreThan),
    (&["ما", "يزيد", "علي"], Cue::MoreThan),
    (&["ما", "يربو", "علي"], Cue::MoreThan),
    (&["ما", "يربو", "عن"], Cue::MoreThan),
    (&["ما", "يفوق"], Cue::MoreThan),
    (&["ما", "يقارب"], Cue::Approx),
    (&["ما", "يقرب", "من"], Cue::Approx),
    (&["ما", "يناهز"], Cue::Approx),
    (&["ما", "بين"], Cue::Between),
    (&["لا", "يقل", "عن"], Cue::AtLeast),
    (&["لا", "يزيد", "عن"], Cue::AtMost),
    (&["لا", "يزيد", "علي"], Cue::AtMost),
    (&["لا", "يتجاوز"], Cue::AtMost),
    (&["علي", "الاقل"], Cue::AtLeast),
    (&["علي", "اقل", "تقدير"], Cue::AtLeast),
    (&["اكثر", "من"], Cue::MoreThan),
    (&["ازيد", "من"], Cue::MoreThan),
    (&["يزيد", "عن"], Cue::MoreThan),
    (&["يزيد", "علي"], Cue::MoreThan),
    (&["يربو", "علي"], Cue::MoreThan),
    (&["يفوق"], Cue::MoreThan),
    (&["تجاوز"], Cue::MoreThan),
    (&["تجاوزت"], Cue::MoreThan),
    (&["يتجاوز"], Cue::MoreThan),
    (&["تخطي"], Cue::MoreThan),
    (&["تخطت"], Cue::MoreThan),
    (&["اقل", "من"], Cue::LessThan),
    (&["يقارب"], Cue::Approx),
    (&["يقرب", "من"], Cue::Approx),
    (&["يناهز"], Cue::Approx),
    (&["نحو"], Cue::Approx),
    (&["حوالي"], Cue::Approx),
    (&["قرابة"], Cue::Approx),
    (&["قرابه"], Cue::Approx),
    (&["زهاء"], Cue::Approx),
    (&["تقريبا"], Cue::Approx),
    (&["في", "حدود"], Cue::Approx),
    (&["بين"], Cue::Between),
    (&["من"], Cue::From),
];

/// Verbs and nouns of change: «من X إلى Y» after them is an old and a new figure.
const CHANGE_VERBS: &[&str] = &[
    "ارتفع",
    "ارتفعت",
    "يرتفع",
    "ترتفع",
    "ارتفاع",
    "زاد",
    "زادت",
    "يزيد",
    "تزيد",
    "ازداد",
    "ازدادت",
    "تراجع",
    "تراجعت",
    "يتراجع",
    "انخفض",
    "انخفضت",
    "ينخفض",
    "انخفاض",
    "قفز",
    "قفزت",
    "تضاعف",
    "تضاعفت",
    "صعد",
    "صعدت",
    "هبط",
    "هبطت",
    "رفع",
    "رفعت",
    "خفض",
    "خفضت",
    "تغير",
    "تغيرت",
];

/// Cues right after a number.
const POST_CUES: &[(&[&str], Cue)] = &[
    (&["علي", "الاقل"], Cue::AtLeast),
    (&["علي", "اقل", "تقدير"], Cue::AtLeast),
    (&["علي", "الاكثر"], Cue::AtMost),
    (&["او", "اكثر"], Cue::AtLeast),
    (&["فاكثر"], Cue::AtLeast),
    (&["تقريبا"], Cue::Approx),
    (&["ونيف"], Cue::MoreThan),
    (&["ونيفا"], Cue::MoreThan),
];

/// How far (in words) «على الأقل» may follow the number it bounds («جنديين من قوات … على الأقل»).
const DISTANT_BOUND_WORDS: usize = 6;

/// Size class of one term of a compound cardinal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// 1-9.
    Unit,
    /// 10-19.
    Teen,
    /// 20, 30 … 90.
    Tens,
    /// 100 … 900.
    Hundreds,
    /// A completed scale group (… ألف, … مليون).
    Scale,
}

/// A value: exact, or a vague lower (and maybe upper) bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Val {
    Exact(u128),
    Vague(u128, Option<u128>),
}

/// A number before ranges and bounds.
#[derive(Clone, Copy, Debug)]
struct Core {
    start: usize,
    end: usize,
    /// Token after the core.
    next: usize,
    kind: NumberKind,
    val: Val,
    /// A lone digit run (no scale word).
    digits_only: bool,
    /// For «بين خمسة وعشرين» (unit + tens, read as the range 5-20): the unit.
    split: Option<u128>,
}

/// What the parser found at a token.
enum Res {
    Found(Core),
    /// Not a count (a date, a clock time, a year…): skip the tokens up to this index.
    Skip(usize),
    No,
}

/// A finished phrase (core + ranges + bounds).
struct Phrase {
    start: usize,
    end: usize,
    next: usize,
    kind: NumberKind,
    min: Option<u128>,
    max: Option<u128>,
}

/// Parser state over the tokens of one text.
pub(crate) struct Grammar<'a> {
    toks: &'a [Token],
    ana: Vec<Option<Analysis>>,
    /// Whether the token can start a cue (its word, up to two clitic letters off, is the first
    /// word of one): the cue table is only walked there.
    cue_head: Vec<bool>,
}

/// First words of the cues before a number.
fn cue_heads() -> &'static FnvSet<&'static str> {
    static HEADS: OnceLock<FnvSet<&'static str>> = OnceLock::new();
    HEADS.get_or_init(|| PRE_CUES.iter().map(|(w, _)| w[0]).collect())
}

/// Whether a word key is a cue head, possibly behind one or two clitic letters.
fn is_cue_head(key: &str) -> bool {
    let heads = cue_heads();
    let mut rest = key;
    for _ in 0..3 {
        if rest.is_empty() || rest.len() > 16 {
            return false;
        }
        if heads.contains(rest) {
            return true;
        }
        let mut cs = rest.chars();
        match cs.next() {
            Some('و' | 'ف' | 'ب' | 'ل') => rest = cs.as_str(),
            _ => return false,
        }
    }
    false
}

impl<'a> Grammar<'a> {
    /// Analyzes every word once.
    pub fn new(toks: &'a [Token]) -> Grammar<'a> {
        let lex = Lexicon::get();
        let ana = toks
            .iter()
            .map(|t| {
                if t.kind == TokKind::Word {
                    lex.analyze(&t.key)
                } else {
                    None
                }
            })
            .collect();
        let cue_head = toks
            .iter()
            .map(|t| t.kind == TokKind::Word && is_cue_head(&t.key))
            .collect();
        Grammar {
            toks,
            ana,
            cue_head,
        }
    }

    /// All mentions, left to right, not overlapping.
    pub fn mentions(&self) -> Vec<NumberMention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            match self.step(i) {
                Some(Ok(p)) => {
                    let (min, max) = (p.min.map(u64::try_from), p.max.map(u64::try_from));
                    if !matches!(min, Some(Err(_))) && !matches!(max, Some(Err(_))) {
                        out.push(NumberMention {
                            start: p.start,
                            end: p.end,
                            min: min.and_then(Result::ok),
                            max: max.and_then(Result::ok),
                            kind: p.kind,
                        });
                    }
                    i = p.next.max(i + 1);
                }
                Some(Err(next)) => i = next.max(i + 1),
                None => i += 1,
            }
        }
        out
    }

    // ---- token helpers ----

    fn word(&self, j: usize) -> &str {
        self.toks.get(j).map_or("", Token::word)
    }

    fn punct(&self, j: usize) -> Option<char> {
        match self.toks.get(j)?.kind {
            TokKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn glued(&self, j: usize) -> bool {
        self.toks.get(j).is_some_and(|t| t.glued)
    }

    /// A word that is not a number word (a singular counted noun counts as plain).
    fn plain_word(&self, j: usize) -> bool {
        self.ana
            .get(j)
            .is_some_and(|a| a.map_or(true, |a| a.lex == Lex::Singular))
    }

    fn is_digits(&self, j: usize) -> bool {
        matches!(
            self.toks.get(j).map(|t| &t.kind),
            Some(TokKind::Digits { .. })
        )
    }

    fn is_month(&self, j: usize) -> bool {
        MONTHS.contains(&self.word(j))
    }

    /// Matches a word sequence at `j`; the first word may carry up to two clitic letters (و ف ب ل).
    /// Returns the token after it and the char where the sequence starts (after the clitic).
    fn seq(&self, j: usize, words: &[&str]) -> Option<(usize, usize)> {
        let first = self.toks.get(j)?;
        let key = first.word();
        let start = if key == words[0] {
            first.start
        } else {
            // Up to two clitic letters: «بأكثر», «وبأكثر», «ولنحو».
            let stem = key.strip_suffix(words[0])?;
            let n = stem.chars().count();
            if !(1..=2).contains(&n) || !stem.chars().all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل'))
            {
                return None;
            }
            first.key_char(n)
        };
        for (k, w) in words.iter().enumerate().skip(1) {
            if self.word(j + k) != *w {
                return None;
            }
        }
        Some((j + words.len(), start))
    }

    fn pre_cue(&self, i: usize) -> Option<(Cue, usize, usize)> {
        if !self.cue_head.get(i).copied().unwrap_or(false) {
            return None;
        }
        PRE_CUES
            .iter()
            .find_map(|&(w, cue)| self.seq(i, w).map(|(next, start)| (cue, next, start)))
    }

    fn post_cue(&self, j: usize) -> Option<(Cue, usize)> {
        POST_CUES.iter().find_map(|&(w, cue)| {
            if self.word(j) == w[0] {
                self.seq(j, w).map(|(next, _)| (cue, next))
            } else {
                None
            }
        })
    }

    // ---- phrases ----

    /// A mention starting at token `i` (`Ok`), tokens to skip (`Err`), or nothing.
    fn step(&self, i: usize) -> Option<Result<Phrase, usize>> {
        if let Some((cue, j, cstart)) = self.pre_cue(i) {
            match self.range_or_core(j, Some(cue)) {
                Ok(Some(mut p)) => {
                    if cue == Cue::From && self.after_change_verb(i) {
                        // «ارتفعت الحصيلة من 5 إلى 7»: an old and a new figure, not a range.
                        if let Res::Found(a) = self.core_at(j, false) {
                            return Some(Ok(self.plain_phrase(&a)));
                        }
                    }
                    if matches!(cue, Cue::Between | Cue::From) {
                        p.start = cstart;
                        return Some(Ok(p));
                    }
                    if let Some(q) = apply_cue(cue, &p) {
                        return Some(Ok(Phrase { start: cstart, ..q }));
                    }
                }
                Err(next) => return Some(Err(next)),
                Ok(None) => {}
            }
        }
        match self.range_or_core(i, None) {
            Ok(Some(p)) => Some(Ok(self.with_post_cue(p))),
            Err(next) => Some(Err(next)),
            Ok(None) => None,
        }
    }

    /// A core as a phrase of its own.
    fn plain_phrase(&self, a: &Core) -> Phrase {
        let (min, max) = match a.val {
            Val::Exact(v) => (Some(v), Some(v)),
            Val::Vague(lo, hi) => (Some(lo), hi),
        };
        Phrase {
            start: a.start,
            end: a.end,
            next: a.next,
            kind: a.kind,
            min,
            max,
        }
    }

    /// Whether a verb of change (ارتفع, تراجع, زاد …) comes at most four words before token
    /// `i` in the same clause: «ارتفع عدد القتلى من 5 إلى 7» states two figures, not a range.
    fn after_change_verb(&self, i: usize) -> bool {
        let mut k = i;
        for _ in 0..4 {
            if k == 0 {
                return false;
            }
            k -= 1;
            let t = &self.toks[k];
            if t.kind != TokKind::Word {
                return false;
            }
            let w = t.word();
            let stem = w
                .strip_prefix('و')
                .or_else(|| w.strip_prefix('ف'))
                .unwrap_or(w);
            if CHANGE_VERBS.contains(&w) || CHANGE_VERBS.contains(&stem) {
                return true;
            }
        }
        false
    }

    /// Adds a bound or approximation written after the number.
    fn with_post_cue(&self, p: Phrase) -> Phrase {
        if !matches!(
            p.kind,
            NumberKind::Cardinal | NumberKind::Dual | NumberKind::Vague
        ) {
            return p;
        }
        // «صاروخين، على الأقل، سقطا»: the bound set off by commas.
        if matches!(self.punct(p.next), Some('،' | ',')) && self.word(p.next + 1) == "علي" {
            if let Some((Cue::AtLeast, next)) = self.post_cue(p.next + 1) {
                if matches!(self.core_at(next, false), Res::No) {
                    if let Some(q) = apply_cue(Cue::AtLeast, &p) {
                        return Phrase {
                            end: self.toks[next - 1].end,
                            next,
                            ..q
                        };
                    }
                }
            }
        }
        // «5 مدنيين على الأقل», «20 صاروخا أو أكثر»: the counted noun may come between, and
        // «على الأقل» may follow a few plain words later in the clause.
        for (dist, k) in (0..=DISTANT_BOUND_WORDS).zip(p.next..) {
            if let Some((cue, next)) = self.post_cue(k) {
                let reach = if self.word(k) == "علي" {
                    DISTANT_BOUND_WORDS
                } else {
                    1
                };
                if dist <= reach && (dist == 0 || matches!(self.core_at(next, false), Res::No)) {
                    if let Some(q) = apply_cue(cue, &p) {
                        return Phrase {
                            end: self.toks[next - 1].end,
                            next,
                            ..q
                        };
                    }
                }
                break;
            }
            let Some(t) = self.toks.get(k) else { break };
            if t.kind != TokKind::Word || !self.plain_word(k) {
                break;
            }
            // «جنديين وأصيب شخص على الأقل»: the bound belongs to the nearer singular noun.
            if dist > 0
                && self.ana[k].is_some()
                && self.word(k + 1) == "علي"
                && self.post_cue(k + 1).is_some()
            {
                break;
            }
        }
        p
    }

    /// A core and a range built on it. With a Between/From cue only a range is accepted.
    /// `Ok(None)`: nothing here; `Err(next)`: a non-count to skip.
    fn range_or_core(&self, j: usize, cue: Option<Cue>) -> Result<Option<Phrase>, usize> {
        let a = match self.core_at(j, cue.is_some()) {
            Res::Found(c) => c,
            Res::Skip(next) => return if cue.is_some() { Ok(None) } else { Err(next) },
            Res::No => return Ok(None),
        };
        let ranged = matches!(cue, Some(Cue::Between | Cue::From));
        if let (Val::Exact(av), NumberKind::Cardinal) = (a.val, a.kind) {
            if let Some(bj) = self.range_connector(&a, cue) {
                let b = self.core_at(bj, true);
                // «من 17 إلى 30 تشرين الثاني»: a range of days is a date.
                if let Res::Skip(next) = b {
                    if (1..=31).contains(&av) && (self.is_month(bj + 1) || self.is_month(next)) {
                        return Err(next);
                    }
                }
                if let Res::Found(b) = b {
                    if let (Val::Exact(bv), NumberKind::Cardinal) = (b.val, b.kind) {
                        if bv > av
                            && !(a.digits_only && b.digits_only && is_year(av) && is_year(bv))
                        {
                            return Ok(Some(Phrase {
                                start: a.start,
                                end: b.end,
                                next: b.next,
                                kind: NumberKind::Range,
                                min: Some(av),
                                max: Some(bv),
                            }));
                        }
                    }
                }
            }
            if cue == Some(Cue::Between) {
                if let Some(unit) = a.split {
                    return Ok(Some(Phrase {
                        start: a.start,
                        end: a.end,
                        next: a.next,
                        kind: NumberKind::Range,
                        min: Some(unit),
                        max: Some(av - unit),
                    }));
                }
            }
        }
        if ranged {
            return Ok(None);
        }
        let (min, max) = match a.val {
            Val::Exact(v) => (Some(v), Some(v)),
            Val::Vague(lo, hi) => (Some(lo), hi),
        };
        Ok(Some(Phrase {
            start: a.start,
            end: a.end,
            next: a.next,
            kind: a.kind,
            min,
            max,
        }))
    }

    /// The token where the second number of a range starts, if a connector follows `a`.
    fn range_connector(&self, a: &Core, cue: Option<Cue>) -> Option<usize> {
        let k = a.next;
        match self.word(k) {
            "الي" | "حتي" => return Some(k + 1),
            "او" if cue.is_none() => return Some(k + 1),
            "و" if cue == Some(Cue::Between) => return Some(k + 1),
            _ => {}
        }
        if cue == Some(Cue::Between) {
            if let Some(b) = self.ana.get(k).copied().flatten() {
                if b.conj && !b.article() {
                    return Some(k);
                }
            }
        }
        if matches!(self.punct(k), Some('-' | '\u{2013}')) && a.digits_only && self.is_digits(k + 1)
        {
            return Some(k + 1);
        }
        None
    }

    // ---- cores ----

    /// The number (without range or bound) starting at token `j`.
    fn core_at(&self, j: usize, cued: bool) -> Res {
        let Some(t) = self.toks.get(j) else {
            return Res::No;
        };
        match t.kind {
            TokKind::Digits { .. } => self.digits_core(j, j, None, cued),
            TokKind::Word => match self.ana[j] {
                Some(a) => self.word_core(j, a),
                None => self.prefixed_digits(j, cued),
            },
            _ => Res::No,
        }
    }

    /// «بـ15», «لـ15», «والـ28», «ال28», «الـ 22»: a word that is only clitics/article before
    /// digits (glued, or after a space for the article).
    fn prefixed_digits(&self, j: usize, cued: bool) -> Res {
        if !self.is_digits(j + 1) {
            return Res::No;
        }
        let key = self.word(j);
        let (clitics, article) = match key {
            "و" | "ف" | "ب" | "ل" | "ك" | "وب" | "ول" | "فب" | "فل" | "وك" => {
                (key.chars().count(), 0)
            }
            "ال" => (0, 2),
            "وال" | "فال" | "بال" | "كال" => (1, 2),
            "وبال" | "فبال" | "وكال" => (2, 2),
            "لل" => (1, 1),
            "ولل" | "فلل" => (2, 1),
            _ => return Res::No,
        };
        // «الـ 22» (tatweel, then a space) is still the article on the number.
        if !self.glued(j + 1) && article == 0 {
            return Res::No;
        }
        let start = if article > 0 {
            Some(self.toks[j].key_char(clitics))
        } else {
            None
        };
        self.digits_core(j + 1, j, start, cued)
    }

    /// A digit run at `d` (first token of the mention `first`), an ordinal when `article_start`.
    fn digits_core(&self, d: usize, first: usize, article_start: Option<usize>, cued: bool) -> Res {
        let t = &self.toks[d];
        let TokKind::Digits {
            mantissa,
            decimals,
            int_digits,
            grouped,
        } = t.kind
        else {
            return Res::No;
        };
        // Designators and codes: F16, MQ-9, إف-16, كوفيد-19, 3D.
        let latin_next = self.glued(d + 1)
            && matches!(self.toks.get(d + 1).map(|t| &t.kind), Some(TokKind::Latin));
        let prev_latin = first == d && d > 0 && t.glued && self.toks[d - 1].kind == TokKind::Latin;
        let designator = first == d
            && d >= 2
            && t.glued
            && self.punct(d - 1) == Some('-')
            && self.toks[d - 1].glued
            && matches!(self.toks[d - 2].kind, TokKind::Latin | TokKind::Word);
        let latin = |k: usize| match self.toks.get(k) {
            Some(t) if t.kind == TokKind::Latin => t.key.as_str(),
            _ => "",
        };
        let latin_date = (first == d && d > 0 && LATIN_MONTHS.contains(&latin(d - 1)))
            || LATIN_MONTHS.contains(&latin(d + 1));
        if latin_next || prev_latin || designator || latin_date {
            return Res::Skip(d + 1);
        }
        // Clock times (10:30) and dates (17/10/2019, 2019-10-17, 17-10-2019).
        if let Some(sep) = self.punct(d + 1) {
            if self.glued(d + 1) && self.glued(d + 2) && self.is_digits(d + 2) {
                let chain = |k: usize| {
                    let mut k = k;
                    while self.punct(k) == Some(sep)
                        && self.glued(k)
                        && self.glued(k + 1)
                        && self.is_digits(k + 1)
                    {
                        k += 2;
                    }
                    k
                };
                match sep {
                    ':' | '/' | '\\' => return Res::Skip(chain(d + 1)),
                    '-' if self.punct(d + 3) == Some('-') && self.is_digits(d + 4) => {
                        return Res::Skip(chain(d + 1))
                    }
                    _ => {}
                }
            }
        }
        let Some(mantissa) = mantissa else {
            return Res::Skip(d + 1);
        };
        let pow = match 10u128.checked_pow(decimals) {
            Some(p) => p,
            None => return Res::Skip(d + 1),
        };
        if let Some(start) = article_start {
            if decimals > 0 {
                return Res::Skip(d + 1);
            }
            let mut core = Core {
                start,
                end: t.end,
                next: d + 1,
                kind: NumberKind::Ordinal,
                val: Val::Exact(mantissa),
                digits_only: false,
                split: None,
            };
            if self.definite_cardinal(first, d + 1) {
                core.kind = NumberKind::Cardinal;
                return self.check_cardinal(core, first);
            }
            return self.check_ordinal(core, first);
        }
        // A scale word after the digits: 5 آلاف, 2 مليون, 1.5 مليون.
        let mut value = None;
        let mut next = d + 1;
        let mut end = t.end;
        if let Some(a) = self.ana.get(d + 1).copied().flatten() {
            if let (Lex::Scale(s, ScaleForm::Single | ScaleForm::Plural), true) = (a.lex, a.bare())
            {
                let scaled = mantissa.checked_mul(s as u128);
                if let Some(v) = scaled.filter(|v| v % pow == 0) {
                    let (total, after) = self.digit_tail(v / pow, s as u128, d + 2);
                    value = Some(total);
                    next = after;
                    end = self.toks[after - 1].end;
                }
            }
        }
        let digits_only = value.is_none();
        let value = match value {
            Some(v) => v,
            None if decimals == 0 => mantissa,
            // A fraction without a scale word is a measure (2.5 كم), not a count.
            None => return Res::Skip(d + 1),
        };
        if digits_only && !grouped && !cued && int_digits == 4 && is_year(value) {
            return Res::Skip(next);
        }
        let core = Core {
            start: t.start,
            end,
            next,
            kind: NumberKind::Cardinal,
            val: Val::Exact(value),
            digits_only,
            split: None,
        };
        self.check_cardinal(core, first)
    }

    /// «مليون و200 ألف», «5 آلاف و500»: after a scale group, و glued to digits adds a
    /// smaller part (with its own smaller scale word, or below 1000 after ألف).
    /// Returns the new total and the token after what was read.
    fn digit_tail(&self, total: u128, last_scale: u128, next: usize) -> (u128, usize) {
        if self.word(next) != "و" || !self.glued(next + 1) {
            return (total, next);
        }
        let Some(TokKind::Digits {
            mantissa: Some(v),
            decimals: 0,
            ..
        }) = self.toks.get(next + 1).map(|t| &t.kind)
        else {
            return (total, next);
        };
        if *v == 0 || *v >= 1000 {
            return (total, next);
        }
        if let Some(b) = self.ana.get(next + 2).copied().flatten() {
            if let (Lex::Scale(s, ScaleForm::Single | ScaleForm::Plural), true) = (b.lex, b.bare())
            {
                let s = s as u128;
                if s < last_scale {
                    return match total.checked_add(v * s) {
                        Some(t) => (t, next + 3),
                        None => (total, next),
                    };
                }
                return (total, next);
            }
        }
        if last_scale == 1000 {
            return (total + v, next + 2);
        }
        (total, next)
    }

    /// A number starting with a lexicon word.
    fn word_core(&self, j: usize, a: Analysis) -> Res {
        let t = &self.toks[j];
        let start = t.key_char(a.clitic_len());
        let found = |end_tok: usize, kind, val| {
            Res::Found(Core {
                start,
                end: self.toks[end_tok - 1].end,
                next: end_tok,
                kind,
                val,
                digits_only: false,
                split: None,
            })
        };
        match a.lex {
            Lex::Tens(v) if a.article() => {
                self.check_ordinal_res(found(j + 1, NumberKind::Ordinal, Val::Exact(v as u128)), j)
            }
            Lex::Unit(_)
            | Lex::TeenUnit(_)
            | Lex::Ten
            | Lex::Tens(_)
            | Lex::Hundreds(_)
            | Lex::Hundred => match self.words_cardinal(j, a, start) {
                Some(mut core) => {
                    // «الاثنان الآخران», «اثنين آخرين»: the dual after «two» agrees with it.
                    if core.val == Val::Exact(2) {
                        if let Some(b) = self.ana.get(core.next).copied().flatten() {
                            if b.lex == Lex::Dual && b.clitic_len() == 0 {
                                core.next += 1;
                            }
                        }
                    }
                    self.check_cardinal(core, j)
                }
                None => Res::No,
            },
            Lex::Scale(s, form) => match form {
                ScaleForm::Plural => self.vague(j, start, 2 * s as u128, None),
                _ => match self.words_cardinal(j, a, start) {
                    Some(core) => self.check_cardinal(core, j),
                    None => Res::No,
                },
            },
            Lex::Vague(lo, hi) => self.vague(j, start, lo as u128, hi.map(u128::from)),
            Lex::Adad => {
                let mut k = j + 1;
                if matches!(self.word(k), "كبير" | "قليل" | "محدود") {
                    k += 1;
                }
                if self.word(k) == "من" {
                    found(k + 1, NumberKind::Vague, Val::Vague(2, None))
                } else {
                    Res::No
                }
            }
            Lex::Ordinal(n, _) => {
                let hadi =
                    t.key.ends_with("حادي") || t.key.ends_with("حادية") || t.key.ends_with("حاديه");
                let mut val = None;
                let mut next = j + 1;
                if n <= 9
                    && self.ana[j + 1..]
                        .first()
                        .copied()
                        .flatten()
                        .is_some_and(|b| b.lex == Lex::Ten && b.bare())
                {
                    val = Some(10 + n as u128);
                    next = j + 2;
                } else if n <= 9 && a.article() {
                    if let Some(b) = self.ana[j + 1..].first().copied().flatten() {
                        if let (Lex::Tens(v), true, true) = (b.lex, b.conj, b.article()) {
                            val = Some(n as u128 + v as u128);
                            next = j + 2;
                        }
                    }
                }
                if val.is_none() && !hadi {
                    val = Some(n as u128);
                }
                match val {
                    Some(v) => {
                        self.check_ordinal_res(found(next, NumberKind::Ordinal, Val::Exact(v)), j)
                    }
                    None => Res::No,
                }
            }
            Lex::Singular => match self.post_cue(j + 1) {
                Some((Cue::AtLeast, _)) if self.word(j + 1) == "علي" => {
                    found(j + 1, NumberKind::Cardinal, Val::Exact(1))
                }
                _ => Res::No,
            },
            Lex::Dual => {
                let mut core = Core {
                    start,
                    end: t.end,
                    next: j + 1,
                    kind: NumberKind::Dual,
                    val: Val::Exact(2),
                    digits_only: false,
                    split: None,
                };
                if let Some(b) = self.ana.get(j + 1).copied().flatten() {
                    if b.lex == Lex::Unit(2) && b.bare() {
                        // «صاروخين اثنين»: one mention.
                        core.end = self.toks[j + 1].end;
                        core.next = j + 2;
                    } else if b.lex == Lex::Dual
                        && b.clitic_len() == 0
                        && b.article() == a.article()
                    {
                        // «طائرتين مسيرتين»: an agreeing dual adjective, not a second count.
                        core.next = j + 2;
                    }
                }
                Res::Found(core)
            }
        }
    }

    /// A vague quantity, times a following plural scale word («عشرات الآلاف», «عدة مئات»).
    fn vague(&self, j: usize, start: usize, lo: u128, hi: Option<u128>) -> Res {
        let mut next = j + 1;
        let mut mult = 1u128;
        if let Some(b) = self.ana.get(j + 1).copied().flatten() {
            if b.clitic_len() == 0 {
                match b.lex {
                    Lex::Scale(s, ScaleForm::Plural) => mult = s as u128,
                    Lex::Vague(200, None) => mult = 100,
                    _ => {}
                }
            }
        }
        if mult > 1 {
            next = j + 2;
        }
        Res::Found(Core {
            start,
            end: self.toks[next - 1].end,
            next,
            kind: NumberKind::Vague,
            val: Val::Vague(lo * mult, hi.map(|h| h * mult)),
            digits_only: false,
            split: None,
        })
    }

    /// One term of a compound: (class, value, token after it).
    /// `definite`: a later term of a compound whose first term has the article.
    fn small_term(&self, j: usize, a: Analysis, definite: bool) -> Option<(Class, u128, usize)> {
        let next_bare = |lex: Lex| {
            self.ana
                .get(j + 1)
                .copied()
                .flatten()
                .is_some_and(|b| b.lex == lex && b.bare())
        };
        match a.lex {
            Lex::Unit(n) if next_bare(Lex::Ten) && n > 0 => {
                Some((Class::Teen, 10 + n as u128, j + 2))
            }
            Lex::Unit(n) if next_bare(Lex::Hundred) => {
                Some((Class::Hundreds, 100 * n as u128, j + 2))
            }
            Lex::Unit(n) => Some((Class::Unit, n as u128, j + 1)),
            Lex::TeenUnit(n) if next_bare(Lex::Ten) => Some((Class::Teen, 10 + n as u128, j + 2)),
            Lex::Ten => Some((Class::Teen, 10, j + 1)),
            Lex::Tens(v) if !a.article() || definite => Some((Class::Tens, v as u128, j + 1)),
            Lex::Hundreds(v) => Some((Class::Hundreds, v as u128, j + 1)),
            Lex::Hundred => Some((Class::Hundreds, 100, j + 1)),
            _ => None,
        }
    }

    /// A cardinal in words: «خمسة وعشرين», «مئة وخمسون», «ثلاثة آلاف», «ألفين وخمسمائة».
    fn words_cardinal(&self, j: usize, a: Analysis, start: usize) -> Option<Core> {
        let mut total: u128 = 0;
        let mut cur: u128 = 0;
        let mut last_scale = u128::MAX;
        let (mut last, mut next) = match (a.lex, self.small_term(j, a, false)) {
            (_, Some((class, v, next))) => {
                cur = v;
                (class, next)
            }
            (Lex::Scale(s, ScaleForm::Single), None) => {
                total = s as u128;
                last_scale = s as u128;
                (Class::Scale, j + 1)
            }
            (Lex::Scale(s, ScaleForm::Dual), None) => {
                total = 2 * s as u128;
                last_scale = s as u128;
                (Class::Scale, j + 1)
            }
            _ => return None,
        };
        let mut terms = 1;
        let mut split = None;
        while let Some(b) = self.ana.get(next).copied().flatten() {
            if b.bare() {
                if let Lex::Scale(s, ScaleForm::Single | ScaleForm::Plural) = b.lex {
                    let s = s as u128;
                    if cur > 0 && s < last_scale {
                        total = total.checked_add(cur.checked_mul(s)?)?;
                        cur = 0;
                        last = Class::Scale;
                        last_scale = s;
                        next += 1;
                        terms += 1;
                        continue;
                    }
                }
                break;
            }
            // «الأربع والعشرين ساعة»: a definite compound repeats the article on each term.
            if !b.conj || b.article() != a.article() {
                break;
            }
            if let Some((class, v, after)) = self.small_term(next, b, a.article()) {
                let ok = match last {
                    Class::Hundreds => matches!(class, Class::Unit | Class::Teen | Class::Tens),
                    Class::Unit => class == Class::Tens,
                    Class::Scale => cur == 0,
                    Class::Teen | Class::Tens => false,
                };
                if !ok {
                    break;
                }
                if terms == 1 && last == Class::Unit && class == Class::Tens {
                    split = Some(cur);
                } else {
                    split = None;
                }
                cur += v;
                last = class;
                next = after;
                terms += 1;
                continue;
            }
            if let Lex::Scale(s, form @ (ScaleForm::Single | ScaleForm::Dual)) = b.lex {
                let s = s as u128;
                if last == Class::Scale && cur == 0 && s < last_scale {
                    total += if form == ScaleForm::Dual { 2 * s } else { s };
                    last_scale = s;
                    next += 1;
                    terms += 1;
                    continue;
                }
            }
            break;
        }
        if last == Class::Scale && cur == 0 {
            let (t, after) = self.digit_tail(total, last_scale, next);
            if after != next {
                total = t;
                next = after;
                terms += 1;
            }
        }
        if terms != 2 {
            split = None;
        }
        Some(Core {
            start,
            end: self.toks[next - 1].end,
            next,
            kind: NumberKind::Cardinal,
            val: Val::Exact(total.checked_add(cur)?),
            digits_only: false,
            split,
        })
    }

    /// Whether «الـN» (article + digits, its prefix word at `first`) is a definite cardinal
    /// rather than an ordinal. An ordinal follows a definite singular noun («الهجوم الـ28»);
    /// a definite cardinal follows a definite plural («الساعات الـ24») or comes before its
    /// noun («خلال الـ24 ساعة», «الـ13 يوما»).
    fn definite_cardinal(&self, first: usize, next: usize) -> bool {
        let prev = if first > 0 { self.word(first - 1) } else { "" };
        let definite = |w: &str| {
            ["ال", "وال", "بال", "فال", "لل", "ولل", "كال"]
                .iter()
                .any(|p| w.len() > p.len() + 2 && w.starts_with(p))
        };
        if definite(prev) {
            return prev.ends_with("ات");
        }
        let noun = self.word(next);
        !noun.is_empty()
            && !definite(noun)
            && !self.glued(next)
            && self.plain_word(next)
            && !NOT_A_NOUN.contains(&noun)
    }

    // ---- what is not a count ----

    fn check_ordinal_res(&self, r: Res, first: usize) -> Res {
        match r {
            Res::Found(c) => self.check_ordinal(c, first),
            other => other,
        }
    }

    /// Ordinals in month names (تشرين الأول), «أمس الأول», «أول أمس», clock times and dates
    /// («الثالث من أكتوبر», «الـ19 من الشهر الجاري») are not counts.
    fn check_ordinal(&self, c: Core, first: usize) -> Res {
        let prev = if first > 0 { self.word(first - 1) } else { "" };
        // «في التاسعة والنصف», «العاشرة صباحا»: an hour.
        if CLOCK_AFTER.contains(&self.word(c.next)) {
            return Res::Skip(c.next + 1);
        }
        let dated = self.is_month(c.next)
            || (self.word(c.next) == "من" && self.is_month(c.next + 1))
            // «أول أمس», «الأول من أمس»: the day before yesterday.
            || self.word(c.next) == "امس"
            || (self.word(c.next) == "من" && self.word(c.next + 1) == "امس");
        let day_before_yesterday = prev == "امس" && c.val == Val::Exact(1);
        if ORDINAL_NOT_AFTER.contains(&prev) || dated || day_before_yesterday {
            Res::Skip(c.next)
        } else {
            Res::Found(c)
        }
    }

    /// Days of the month (17 أكتوبر), percentages (15%, 15 بالمئة), labels (رقم 5, عام 1991),
    /// clock hours (الساعة 10) and Hijri years (1441 هـ) are not counts.
    fn check_cardinal(&self, c: Core, first: usize) -> Res {
        let prev = if first > 0 { self.word(first - 1) } else { "" };
        let v = match c.val {
            Val::Exact(v) => v,
            Val::Vague(..) => return Res::Found(c),
        };
        let k = c.next;
        let percent = matches!(self.punct(k), Some('%' | '\u{066A}'))
            || PERCENT_AFTER.contains(&self.word(k))
            || (self.word(k) == "في"
                && matches!(self.word(k + 1), "المئة" | "المائة" | "المئه" | "المائه"));
        let day = (1..=31).contains(&v)
            && (self.is_month(k) || (self.word(k) == "من" && self.is_month(k + 1)));
        let hijri = self.word(k) == "ه" && c.digits_only;
        if percent {
            let skip = if self.punct(k).is_some() || self.word(k) != "في" {
                k + 1
            } else {
                k + 2
            };
            return Res::Skip(skip);
        }
        // «الساعة الواحدة», «الواحدة والنصف», «3 فجرا»: an hour («ثلاثة صباحا» without the
        // article stays a count: «قتل ثلاثة صباحا»).
        let clock = CLOCK_BEFORE.contains(&prev)
            || ((1..=12).contains(&v)
                && (c.digits_only || self.ana[first].is_some_and(|a| a.article()))
                && self.word(k) != "الا"
                && CLOCK_AFTER.contains(&self.word(k)));
        if day || hijri || clock || (c.digits_only && LABEL_BEFORE.contains(&prev)) {
            return Res::Skip(k);
        }
        Res::Found(c)
    }
}

/// 1900-2100: a four-digit number in this range is read as a year.
fn is_year(v: u128) -> bool {
    (1900..=2100).contains(&v)
}

/// A bound or approximation applied to a phrase; None when it does not apply.
fn apply_cue(cue: Cue, p: &Phrase) -> Option<Phrase> {
    let base = Phrase {
        start: p.start,
        end: p.end,
        next: p.next,
        kind: p.kind,
        min: p.min,
        max: p.max,
    };
    let exact = matches!(p.kind, NumberKind::Cardinal | NumberKind::Dual)
        && p.min.is_some()
        && p.min == p.max;
    match p.kind {
        NumberKind::Ordinal => return None,
        NumberKind::Range => return (cue == Cue::Approx).then_some(base),
        _ => {}
    }
    let n = p.min?;
    let (kind, min, max) = match cue {
        Cue::Approx if exact => (NumberKind::Approx, Some(n), Some(n)),
        Cue::Approx => (p.kind, p.min, p.max),
        Cue::AtLeast => (NumberKind::AtLeast, Some(n), None),
        Cue::MoreThan if exact => (NumberKind::MoreThan, Some(n + 1), None),
        Cue::MoreThan => (NumberKind::MoreThan, Some(n), None),
        Cue::LessThan if exact && n > 0 => (NumberKind::Range, None, Some(n - 1)),
        Cue::AtMost if exact => (NumberKind::Range, None, Some(n)),
        _ => return None,
    };
    Some(Phrase {
        kind,
        min,
        max,
        ..base
    })
}
