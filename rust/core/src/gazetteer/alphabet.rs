//! The one-byte matching alphabet.
//!
//! Normalized text is folded into bytes so that one byte is one normalized character: ASCII
//! stays ASCII (letters lower-cased, white space and control characters become one space),
//! the Arabic letters U+0621–U+064A become `0x81..=0xAA` (tatweel U+0640 is `0xA0`), harakat
//! that survive normalization, common Persian/Urdu/Kurdish letters and any other letter get
//! codes above that, Arabic punctuation folds to its ASCII twin and every quotation mark to
//! `"`. Matching then runs over plain bytes and no UTF-8 decoding is needed, and the index of a
//! byte is the index of a normalized character, which the [`Folded`] buffer maps back to the
//! original code points.

/// The byte a run of white space folds to (runs collapse into one).
pub const SPACE: u8 = b' ';
/// Any symbol that is not a letter, a digit, white space or known punctuation.
pub const OTHER_SYMBOL: u8 = 0x1F;
/// Any letter outside ASCII and the Arabic block (Latin accents, Cyrillic, rare Arabic letters).
pub const OTHER_LETTER: u8 = 0xFF;
/// Harakat and Quranic marks left in the text (only when diacritics are not removed).
const MARK: u8 = 0xC0;

/// Arabic proclitic letters in the alphabet.
pub const WAW: u8 = arabic(0x0648);
/// ف
pub const FEH: u8 = arabic(0x0641);
/// ب
pub const BEH: u8 = arabic(0x0628);
/// ل
pub const LAM: u8 = arabic(0x0644);
/// ك
pub const KAF: u8 = arabic(0x0643);
/// ا
pub const ALEF: u8 = arabic(0x0627);

const fn arabic(cp: u32) -> u8 {
    (0x80 + (cp - 0x0620)) as u8
}

/// Extra Arabic-script letters (Persian, Urdu, Kurdish, Maghrebi) with their own byte; any
/// other letter of the extended block folds to [`OTHER_LETTER`].
const EXTENDED: [(u32, u8); 21] = [
    (0x0671, 0xC1), // ٱ alef wasla
    (0x0679, 0xC2), // ٹ
    (0x067E, 0xC3), // پ
    (0x0686, 0xC4), // چ
    (0x0688, 0xC5), // ڈ
    (0x0691, 0xC6), // ڑ
    (0x0698, 0xC7), // ژ
    (0x06A4, 0xC8), // ڤ
    (0x06A8, 0xC9), // ڨ
    (0x06A9, 0xCA), // ک keheh
    (0x06AF, 0xCB), // گ
    (0x06BA, 0xCC), // ں
    (0x06BE, 0xCD), // ھ
    (0x06C0, 0xCE), // ۀ
    (0x06C1, 0xCF), // ہ
    (0x06C3, 0xD0), // ۃ
    (0x06C6, 0xD1), // ۆ
    (0x06CC, 0xD2), // ی farsi yeh
    (0x06CE, 0xD3), // ێ
    (0x06D2, 0xD4), // ے
    (0x06D5, 0xD5), // ە
];

/// `true` for bytes that are part of a word: ASCII letters and digits, Arabic letters, marks
/// and other letters. Tatweel, white space, punctuation and symbols separate words.
pub static IS_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_lowercase() || c.is_ascii_digit() || (c >= 0x81 && c != 0xA0);
        b += 1;
    }
    t
};

/// The alphabet byte of one normalized character, or `None` for a character that is dropped
/// (invisible format characters such as ZWNJ, bidi marks and the BOM).
#[inline]
pub fn byte_of(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 {
        let b = u as u8;
        return Some(if b.is_ascii_uppercase() {
            b + 32
        } else if b <= 0x20 || b == 0x7F {
            SPACE
        } else {
            b
        });
    }
    Some(match u {
        0x0621..=0x064A => arabic(u),
        0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0610..=0x061A => MARK,
        0x0660..=0x0669 => b'0' + (u - 0x0660) as u8,
        0x06F0..=0x06F9 => b'0' + (u - 0x06F0) as u8,
        0x060C | 0x066C => b',',
        0x061B => b';',
        0x061F => b'?',
        0x066A => b'%',
        0x066B => b'.',
        0x06D4 => b'.',
        0x00AB | 0x00BB | 0x201C..=0x201F | 0x2018..=0x201B | 0x2039 | 0x203A => b'"',
        0x2010..=0x2015 | 0x2212 => b'-',
        0x00AD | 0x061C | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2069 | 0xFEFF => {
            return None
        }
        0x0671..=0x06D5 => match EXTENDED.binary_search_by_key(&u, |&(cp, _)| cp) {
            Ok(i) => EXTENDED[i].1,
            Err(_) => OTHER_LETTER,
        },
        _ => {
            if c.is_whitespace() {
                SPACE
            } else if c.is_alphanumeric() || (0x0300..=0x036F).contains(&u) {
                OTHER_LETTER
            } else {
                OTHER_SYMBOL
            }
        }
    })
}

/// A text folded into the alphabet, with the original code-point span of every byte.
///
/// `starts[i]..ends[i]` is the original span of the normalization unit that produced byte
/// `i`; a span of bytes `s..e` maps back to `starts[s]..ends[e - 1]`. The buffers are reused
/// from one document to the next.
#[derive(Default, Debug, Clone)]
pub struct Folded {
    /// The folded bytes.
    pub bytes: Vec<u8>,
    /// Original code-point start of each byte's unit.
    pub starts: Vec<u32>,
    /// Original code-point end of each byte's unit.
    pub ends: Vec<u32>,
}

impl Folded {
    /// Empties the buffers, keeping their capacity.
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.starts.clear();
        self.ends.clear();
    }

    /// Appends one normalized character produced by the original unit `start..end`.
    /// White-space runs collapse into one space; dropped characters extend the previous unit.
    #[inline]
    pub fn push(&mut self, c: char, start: usize, end: usize) {
        let end32 = end as u32;
        match byte_of(c) {
            None => {
                if let Some(last) = self.ends.last_mut() {
                    *last = (*last).max(end32);
                }
            }
            Some(SPACE) if self.bytes.last() == Some(&SPACE) => {
                if let Some(last) = self.ends.last_mut() {
                    *last = (*last).max(end32);
                }
            }
            Some(b) => {
                self.bytes.push(b);
                self.starts.push(start as u32);
                self.ends.push(end32);
            }
        }
    }
}

/// Folds an already-normalized name into its byte pattern: bytes of the alphabet, with
/// leading and trailing separators trimmed. Returns an empty vector when nothing of the
/// name is a letter or digit.
pub fn fold_name(normalized: impl Iterator<Item = char>) -> Vec<u8> {
    let mut out = Vec::new();
    for c in normalized {
        match byte_of(c) {
            None => {}
            Some(SPACE) if out.last() == Some(&SPACE) => {}
            Some(b) => out.push(b),
        }
    }
    let first = out.iter().position(|&b| IS_WORD[b as usize]);
    let Some(first) = first else {
        return Vec::new();
    };
    let last = out
        .iter()
        .rposition(|&b| IS_WORD[b as usize])
        .unwrap_or(first);
    out.truncate(last + 1);
    out.drain(..first);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_letters_are_words_and_tatweel_is_not() {
        assert_eq!(byte_of('ب'), Some(BEH));
        assert!(IS_WORD[BEH as usize]);
        assert_eq!(byte_of('\u{0640}'), Some(0xA0));
        assert!(!IS_WORD[0xA0]);
        assert_eq!(byte_of('«'), Some(b'"'));
        assert_eq!(byte_of('\u{200C}'), None);
        assert_eq!(byte_of('٣'), Some(b'3'));
        assert_eq!(byte_of('Q'), Some(b'q'));
    }

    #[test]
    fn fold_name_trims_and_collapses() {
        assert_eq!(
            fold_name(" «حزب  الله» ".chars()).len(),
            "حزب الله".chars().count()
        );
        assert!(fold_name("«» .".chars()).is_empty());
    }

    #[test]
    fn folded_collapses_space_runs_and_keeps_spans() {
        let mut f = Folded::default();
        for (i, c) in "ا  \u{200C}ب".chars().enumerate() {
            f.push(c, i, i + 1);
        }
        assert_eq!(f.bytes, vec![ALEF, SPACE, BEH]);
        assert_eq!(f.starts, vec![0, 1, 4]);
        assert_eq!(f.ends, vec![1, 4, 5]);
    }
}
