//! Number mentions in Arabic text: digits and number words, with ranges, bounds and vague
//! quantities, each with its span and a `(min, max)` reading.
//!
//! # What is read
//!
//! * **Digits** in ASCII, Arabic-Indic ٠–٩ and Persian ۰–۹, with thousands grouping (`5,200`,
//!   `٥٬٢٠٠`) and a decimal part (`1.5`, `١٫٥`). A fraction is only kept when a scale word
//!   makes it whole (`1.5 مليون` → 1 500 000); `2.5` alone is a measure, not a count.
//! * **Cardinal words**, masculine and feminine, every case (ثلاثة/ثلاث, اثنان/اثنين/اثنتين,
//!   عشرون/عشرين), teens (أحد عشر, إحدى عشرة, اثنا عشر … تسعة عشر), hundreds (مئة/مائة,
//!   مئتان, ثلاثمئة, ثلاث مئة), scales (ألف, ألفان, آلاف, ألفا, مليون, ملايين, مليار) and their
//!   compounds joined by و in Arabic order (خمسة وعشرين, مئة وخمسون, ألفين وخمسمائة, ثلاثة
//!   آلاف); digits with a scale word (5 آلاف, 2 مليون) and a digit part after و (مليون و200
//!   ألف, 5 آلاف و500). A و-joined term is taken only where
//!   Arabic grammar puts one (units before tens, anything smaller after hundreds or a scale), so
//!   «خمسة وثلاثة» stays two numbers.
//! * **Ordinals**: الأول … العاشر (both genders), الحادي عشر … التاسع عشر, الثالث والعشرون,
//!   an article before tens (العشرين), the bare masculine أول … عاشر (أول هجوم, ثالث هجوم),
//!   and digits after the article: «الهجوم الـ28», «ال28», «والـ28» → 28. Article + digits is
//!   a definite *cardinal* when it follows a definite plural («الساعات الـ48») or comes before
//!   its noun («خلال الـ24 ساعة»).
//! * **Duals** of counted nouns (صاروخين, طائرتان, جنديين, قتيلين, يومين …) from a noun list.
//!   Unvowelled, the -ين ending is both the dual and the sound masculine plural, so -ين is read
//!   as a dual only for nouns whose plural is broken or feminine (صاروخ → صواريخ, جندي → جنود,
//!   قتيل → قتلى, طائرة → طائرات): «المدنيين», «مسلحين», «مقاتلين» are plurals and are never
//!   read as 2. For nouns and nisba adjectives with a sound plural only the nominative dual
//!   -ان counts (مدنيان, مسلحان, أميركيان).
//! * **Ranges**: «ما بين سبعة إلى 11», «بين 7 و11», «من 7 إلى 11», «7 إلى 11», «ثلاثة أو
//!   أربعة», «7-11» (digits, the first smaller than the second, not two years) → min/max;
//!   «بين خمسة وعشرين» with nothing after reads as 5-20. «من X إلى Y» within four words
//!   after a verb or noun of change («ارتفعت الحصيلة من 5 إلى 7») is two cardinals.
//! * **Bounds**: «على الأقل» before or after the number, up to six plain words after it in the
//!   same clause («جنديين من قوات الدفاع الجوي على الأقل»); «ما لا يقل عن» → at_least N/None;
//!   «أكثر من 12», «ما يزيد عن 12», «تجاوز 12», «عشرين ونيف» → more_than 13/None
//!   (21/None); «أقل من 5» → range None/4, «لا يزيد عن 5», «على الأكثر» → range None/5
//!   (no lower bound is stated).
//!   A singular counted noun right before «على الأقل» is at least one: «بصاروخ على الأقل»
//!   → at_least 1/None.
//! * **Approximations**: نحو, حوالي, قرابة, ما يقارب, يناهز, زهاء, في حدود, «تقريبا» before or
//!   after → approx N/N.
//! * **Vague quantities**: عدة, «عدد من», «العديد من» → 2/None (a plural is at least two);
//!   بضعة/بضع → 3/9; عشرات → 20/None; مئات → 200/None; آلاف alone → 2000/None; ملايين; with
//!   a plural scale after them: «عشرات الآلاف» → 20000/None.
//!
//! Clitics attached to the number (و ف ب ل ك: «بثمانية», «وسبعة», «بـ١٥», «لـ15», «بعشرات»)
//! are left out of the span; the article is part of it (الثالث, الـ28).
//!
//! # What is not a count
//!
//! Dates (17/10/2019, 2019-10-17, «17 أكتوبر», «الثالث من أكتوبر», «الـ19 من الشهر»), years
//! (a lone four-digit 1900–2100, anything after عام/سنة), clock times (10:30, «الساعة 10»,
//! «الساعة الثالثة», «الواحدة والنصف», «3 فجرا»), percentages (15%, ١٥٪, «15 بالمئة», «في
//! المئة»), labels and designators (رقم 5, القرار 2254, F-16, إف-16, MQ9, سوخوي 24), month
//! names (تشرين الأول, كانون الثاني), «أمس الأول», «أول أمس» and «الاثنين» (Monday) produce
//! no mention. A year-like number does count after a bound or approximation (نحو 2000 مقاتل).

mod grammar;
mod lexicon;
mod tokenize;

use std::fmt;
use std::sync::OnceLock;

use crate::error::TextError;
use crate::normalize::{CodeUnit, NormalizeOptions, Normalizer};
use crate::offsets::OffsetMap;

/// What sort of number a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// An exact count: 18, ثلاثة, خمسة وعشرين.
    Cardinal,
    /// A rank: الثالث والعشرون, الـ28.
    Ordinal,
    /// The dual of a counted noun: صاروخين.
    Dual,
    /// Two figures: ما بين سبعة إلى 11 (or one open end: أقل من 5).
    Range,
    /// An approximate figure: نحو 20, ما يقارب 12.
    Approx,
    /// A lower bound: 5 على الأقل, ما لا يقل عن 5.
    AtLeast,
    /// A strict lower bound: أكثر من 12 (min 13).
    MoreThan,
    /// A vague quantity: عدة, عشرات.
    Vague,
}

impl NumberKind {
    /// The kind's name as used in Python and in output files (`"at_least"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            NumberKind::Cardinal => "cardinal",
            NumberKind::Ordinal => "ordinal",
            NumberKind::Dual => "dual",
            NumberKind::Range => "range",
            NumberKind::Approx => "approx",
            NumberKind::AtLeast => "at_least",
            NumberKind::MoreThan => "more_than",
            NumberKind::Vague => "vague",
        }
    }
}

impl fmt::Display for NumberKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One number mention: a span and the `(min, max)` it states.
///
/// `start`/`end` are code-point (`char`) indices into the text that was parsed; `min`/`max`
/// are `None` where the text leaves the bound open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NumberMention {
    /// First code point of the phrase.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// Lowest count stated (None: no lower bound, as in «أقل من 5»).
    pub min: Option<u64>,
    /// Highest count stated (None: open, as in «أكثر من 12»).
    pub max: Option<u64>,
    /// What sort of number it is.
    pub kind: NumberKind,
}

/// Number mentions of text that is already normalized (harakat and tatweel removed, alef
/// forms unified, ى → ي, digits ASCII). Offsets are `char` indices into `text`.
///
/// The parser also copes with raw text (it skips harakat and tatweel inside words, folds alef
/// forms and reads all three digit sets), but invisible marks, presentation forms and the like
/// are only handled by normalizing first: use [`parse_numbers`] for raw text.
pub fn parse_normalized(text: &str) -> Vec<NumberMention> {
    let chars: Vec<char> = text.chars().collect();
    parse_chars(&chars)
}

/// Number mentions of a text given as chars; offsets index `chars`.
pub fn parse_chars(chars: &[char]) -> Vec<NumberMention> {
    let toks = tokenize::tokenize(chars);
    grammar::Grammar::new(&toks).mentions()
}

/// Number mentions of raw text: normalizes it (SPEC defaults plus digits to ASCII), parses the
/// normalized text and maps every span back to code-point offsets of `text`, so that
/// `text[start:end]` (in Python) is the phrase as written, harakat and tatweel included.
///
/// ```
/// use rasid_core::numerals::{parse_numbers, NumberKind};
/// let text = "سقط ما بين سبعةٍ إلى ١١ صاروخاً";
/// let m = parse_numbers(text);
/// assert_eq!((m[0].min, m[0].max, m[0].kind), (Some(7), Some(11), NumberKind::Range));
/// let phrase: String = text.chars().skip(m[0].start).take(m[0].end - m[0].start).collect();
/// assert_eq!(phrase, "ما بين سبعةٍ إلى ١١");
/// ```
pub fn parse_numbers(text: &str) -> Vec<NumberMention> {
    NumeralParser::shared().parse(text)
}

/// A number parser with its normalizer (cheap to share between threads).
#[derive(Debug)]
pub struct NumeralParser {
    normalizer: Normalizer,
}

impl Default for NumeralParser {
    fn default() -> Self {
        NumeralParser::new()
    }
}

impl NumeralParser {
    /// A parser normalizing with the SPEC defaults plus `digits` (٠–٩ ۰–۹ ٫ ٬ → ASCII).
    pub fn new() -> NumeralParser {
        let options = NormalizeOptions {
            digits: true,
            ..NormalizeOptions::default()
        };
        NumeralParser {
            normalizer: Normalizer::new(options),
        }
    }

    /// The process-wide parser used by [`parse_numbers`].
    pub fn shared() -> &'static NumeralParser {
        static PARSER: OnceLock<NumeralParser> = OnceLock::new();
        PARSER.get_or_init(NumeralParser::new)
    }

    /// The normalizer run before parsing.
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    /// Number mentions of `text`, offsets in code points of `text`.
    pub fn parse(&self, text: &str) -> Vec<NumberMention> {
        let (normalized, map) = self.normalizer.normalize_with_map(text);
        let chars: Vec<char> = normalized.chars().collect();
        to_original(parse_chars(&chars), &map)
    }

    /// Number mentions of text stored as fixed-width code points (a Python `str`'s latin-1,
    /// UCS-2 or UCS-4 storage), offsets in code points; a lone surrogate is an error.
    ///
    /// A long text is parsed in pieces (see [`piece_end`]), so that memory stays bounded by
    /// the size of a piece: normalization expands some characters (U+FDFA to 18) and every
    /// word becomes a token, which took 20 MB of U+FDFA to 9.6 GB in one piece.
    pub fn parse_units<T: CodeUnit>(&self, units: &[T]) -> Result<Vec<NumberMention>, TextError> {
        let mut mentions = Vec::new();
        let mut start = 0;
        loop {
            let end = piece_end(units, start);
            let mut out: Vec<T> = Vec::new();
            let (_, map) = self
                .normalizer
                .normalize_units_with_map(&units[start..end], &mut out)
                .map_err(|e| TextError {
                    position: e.position + start,
                    reason: e.reason,
                })?;
            // Normalized output holds no surrogates (they are rejected above).
            let chars: Vec<char> = out
                .iter()
                .map(|u| char::from_u32(u.get()).unwrap_or('\u{FFFD}'))
                .collect();
            drop(out);
            for mut m in to_original(parse_chars(&chars), &map) {
                m.start += start;
                m.end += start;
                mentions.push(m);
            }
            if end >= units.len() {
                return Ok(mentions);
            }
            start = end;
        }
    }
}

/// Code points of a piece of a long text (see [`NumeralParser::parse_units`]).
const PIECE_UNITS: usize = 1 << 16;

/// The end of the piece of `units` that begins at `start`: the whole rest when it is short,
/// else just after the first line break past [`PIECE_UNITS`], else after a space that ends
/// a sentence, else after a space; at most twice [`PIECE_UNITS`] (a text with no space for
/// that long holds no number phrase worth keeping whole).
fn piece_end<T: CodeUnit>(units: &[T], start: usize) -> usize {
    let n = units.len();
    if n - start <= PIECE_UNITS {
        return n;
    }
    let from = start + PIECE_UNITS;
    let limit = (start + 2 * PIECE_UNITS).min(n);
    let cp = |i: usize| char::from_u32(units[i].get());
    let after = |pred: &dyn Fn(usize) -> bool| (from..limit).find(|&i| pred(i)).map(|i| i + 1);
    after(&|i| cp(i) == Some('\n'))
        .or_else(|| {
            after(&|i| {
                cp(i) == Some(' ')
                    && matches!(cp(i - 1), Some('.' | '!' | '?' | '\u{061F}' | '\u{061B}'))
            })
        })
        .or_else(|| after(&|i| cp(i) == Some(' ')))
        .unwrap_or(limit)
}

/// Maps spans of normalized text back to the original.
fn to_original(mut mentions: Vec<NumberMention>, map: &OffsetMap) -> Vec<NumberMention> {
    for m in &mut mentions {
        (m.start, m.end) = map.to_original(m.start, m.end);
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_parsed_in_pieces_with_the_same_mentions() {
        let sentence = "قتل 3 أشخاص وأصيب سبعة آخرون في الهجوم. ";
        let line = sentence.repeat(40) + "\n";
        let text: String = line.repeat(200); // about 330,000 code points, several pieces
        let units: Vec<u32> = text.chars().map(|c| c as u32).collect();
        assert!(units.len() > 4 * PIECE_UNITS);
        let whole = NumeralParser::new().parse(&text);
        let pieces = NumeralParser::new().parse_units(&units).expect("parsed");
        assert_eq!(pieces, whole);
        assert_eq!(pieces.len(), 2 * 40 * 200);
        // no line break, no sentence end: cut after a space
        let spaced: Vec<u32> = "قتل 3 أشخاص "
            .repeat(20_000)
            .chars()
            .map(|c| c as u32)
            .collect();
        let found = NumeralParser::new().parse_units(&spaced).expect("parsed");
        assert_eq!(found.len(), 20_000);
        // one expanding character repeated, with no space at all
        let ligatures = vec![0xFDFAu32; 3 * PIECE_UNITS];
        assert_eq!(
            NumeralParser::new()
                .parse_units(&ligatures)
                .expect("parsed"),
            vec![]
        );
        // a lone surrogate in a later piece: its position in the whole text
        let mut bad = units.clone();
        bad[3 * PIECE_UNITS + 5] = 0xD800;
        let err = NumeralParser::new()
            .parse_units(&bad)
            .expect_err("surrogate");
        assert_eq!(err.position, 3 * PIECE_UNITS + 5);
    }

    /// The shared table (also read by tests/test_numbers.py).
    const CASES: &str = include_str!("../../../tests/data/number_cases.tsv");

    /// `(sentence, expected mentions with their phrase)` of every table row.
    fn cases() -> Vec<(&'static str, Vec<(NumberMention, &'static str)>)> {
        let opt = |s: &str| {
            if s == "-" {
                None
            } else {
                Some(s.parse::<u64>().expect("count"))
            }
        };
        let kind = |s: &str| match s {
            "cardinal" => NumberKind::Cardinal,
            "ordinal" => NumberKind::Ordinal,
            "dual" => NumberKind::Dual,
            "range" => NumberKind::Range,
            "approx" => NumberKind::Approx,
            "at_least" => NumberKind::AtLeast,
            "more_than" => NumberKind::MoreThan,
            "vague" => NumberKind::Vague,
            other => panic!("unknown kind {other}"),
        };
        CASES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|line| {
                let mut cols = line.split('\t');
                let sentence = cols.next().expect("sentence");
                let expected = cols
                    .map(|col| {
                        let f: Vec<&str> = col.splitn(6, '|').collect();
                        let m = NumberMention {
                            start: f[0].parse().expect("start"),
                            end: f[1].parse().expect("end"),
                            kind: kind(f[2]),
                            min: opt(f[3]),
                            max: opt(f[4]),
                        };
                        (m, f[5])
                    })
                    .collect();
                (sentence, expected)
            })
            .collect()
    }

    #[test]
    fn table_on_unnormalized_text_directly() {
        // The parser copes with raw text too (same offsets: harakat stay inside words).
        for (sentence, expected) in cases() {
            let want: Vec<NumberMention> = expected.iter().map(|(m, _)| *m).collect();
            assert_eq!(parse_normalized(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn harakat_tatweel_and_invisible_marks_map_back() {
        let text = "أُصيبَ جُنديَّيْنِ\u{200c} وقُتلَ خمسـةٌ وعشرونَ، بـ١٥ صاروخاً";
        let got: Vec<(String, Option<u64>, NumberKind)> = parse_numbers(text)
            .iter()
            .map(|m| (slice(text, m.start, m.end), m.min, m.kind))
            .collect();
        assert_eq!(
            got,
            vec![
                ("جُنديَّيْنِ\u{200c}".to_string(), Some(2), NumberKind::Dual),
                ("خمسـةٌ وعشرونَ".to_string(), Some(25), NumberKind::Cardinal),
                ("١٥".to_string(), Some(15), NumberKind::Cardinal),
            ]
        );
    }

    #[test]
    fn every_cut_of_every_row_parses_inside_its_text() {
        // Prefixes and suffixes of the table sentences cut words, numbers and cues anywhere.
        for (sentence, _) in cases() {
            let chars: Vec<char> = sentence.chars().collect();
            for cut in 0..=chars.len() {
                for part in [&chars[..cut], &chars[cut..]] {
                    let text: String = part.iter().collect();
                    let mut last = 0;
                    for m in parse_numbers(&text) {
                        assert!(last <= m.start && m.start < m.end && m.end <= part.len());
                        assert!(m.min.is_some() || m.max.is_some());
                        last = m.end;
                    }
                }
            }
        }
    }

    #[test]
    fn lone_surrogate_is_an_error() {
        let units: Vec<u16> = vec![0x0661, 0xD800, 0x0662];
        assert_eq!(
            NumeralParser::shared()
                .parse_units(&units)
                .unwrap_err()
                .position,
            1
        );
    }

    fn slice(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn table_phrases_match_offsets() {
        for (sentence, expected) in cases() {
            for (m, phrase) in expected {
                assert_eq!(slice(sentence, m.start, m.end), phrase, "in {sentence}");
            }
        }
    }

    #[test]
    fn table_through_normalizer() {
        let mut failures = Vec::new();
        let all = cases();
        for (sentence, expected) in &all {
            let got = parse_numbers(sentence);
            let units: Vec<u32> = sentence.chars().map(u32::from).collect();
            assert_eq!(NumeralParser::shared().parse_units(&units).unwrap(), got);
            let want: Vec<NumberMention> = expected.iter().map(|(m, _)| *m).collect();
            if got != want {
                let show = |v: &[NumberMention]| {
                    v.iter()
                        .map(|m| {
                            format!(
                                "{}|{}|{}|{:?}|{:?}|{}",
                                m.start,
                                m.end,
                                m.kind,
                                m.min,
                                m.max,
                                slice(sentence, m.start, m.end)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("  ")
                };
                failures.push(format!(
                    "{sentence}\n   want {}\n   got  {}",
                    show(&want),
                    show(&got)
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} rows differ:\n{}",
            failures.len(),
            all.len(),
            failures.join("\n")
        );
    }
}
