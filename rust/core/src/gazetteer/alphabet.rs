//! The one-byte matching alphabet.
//!
//! Normalized text is folded into bytes so that one byte is one normalized character, and
//! the bytes of words (letters and digits) are exactly the bytes `>= 0x80`: the Arabic
//! letters U+0621–U+064A become `0x81..=0xAA`, harakat that survive normalization `0xC0`,
//! common Persian/Urdu/Kurdish letters `0xC1..=0xD5`, ASCII digits `0xD6..=0xDF`, ASCII
//! letters (either case) `0xE0..=0xF9` and any other letter or digit `0xFF`. Separators stay
//! below `0x80`: white space and control characters become one space, ASCII punctuation stays
//! itself, Arabic punctuation folds to its ASCII twin, every quotation mark to `"`, tatweel
//! (when the normalization keeps it) to `0x1E` and any other symbol to `0x1F`. A word test is
//! then one comparison, and eight bytes are tested at once with a mask. Matching then runs over plain bytes and no UTF-8 decoding is needed, and the index of a
//! byte is the index of a normalized character, which the [`Folded`] buffer maps back to the
//! original code points.

/// The byte a run of white space folds to (runs collapse into one).
pub const SPACE: u8 = b' ';
/// Any symbol that is not a letter, a digit, white space or known punctuation.
pub const OTHER_SYMBOL: u8 = 0x1F;
/// Any letter outside ASCII and the Arabic block (Latin accents, Cyrillic, rare Arabic letters).
pub const OTHER_LETTER: u8 = 0xFF;
/// Tatweel U+0640 (a separator: it only survives when the normalization keeps it).
pub const TATWEEL: u8 = 0x1E;
/// First byte of the ASCII digits.
const DIGIT0: u8 = 0xD6;
/// First byte of the ASCII letters.
const LETTER_A: u8 = 0xE0;
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

/// `true` for bytes that are part of a word (letters, digits, marks): the bytes `>= 0x80`.
/// Tatweel, white space, punctuation and symbols separate words.
#[inline(always)]
pub fn is_word(b: u8) -> bool {
    b >= 0x80
}

/// The alphabet byte of one normalized character, or `None` for a character that is dropped
/// (invisible format characters such as ZWNJ, bidi marks and the BOM).
#[inline]
pub fn byte_of(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 {
        let b = u as u8;
        return Some(if b.is_ascii_uppercase() {
            LETTER_A + (b - b'A')
        } else if b.is_ascii_lowercase() {
            LETTER_A + (b - b'a')
        } else if b.is_ascii_digit() {
            DIGIT0 + (b - b'0')
        } else if b <= 0x20 || b == 0x7F {
            SPACE
        } else {
            b
        });
    }
    Some(match u {
        0x0640 => TATWEEL,
        0x0621..=0x064A => arabic(u),
        0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0610..=0x061A => MARK,
        0x0660..=0x0669 => DIGIT0 + (u - 0x0660) as u8,
        0x06F0..=0x06F9 => DIGIT0 + (u - 0x06F0) as u8,
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

/// A text folded into the alphabet, with the original code-point start of every byte.
///
/// Byte `i` came from the normalization unit starting at original code point `starts[i]`.
/// A span of bytes `s..e` maps back to `starts[s]..end(e)`, where the end is the start of
/// the next unit (so characters deleted after the last byte — harakat, tatweel, invisible
/// marks — belong to the span, as in the normalizer's offset map). The buffers are reused
/// from one document to the next.
#[derive(Default, Debug, Clone)]
pub struct Folded {
    /// The folded bytes, then [`PAD`] zero bytes (and stale bytes beyond: the buffers only
    /// grow, so that folding the next document writes without reallocating or clearing).
    bytes: Vec<u8>,
    /// Original code-point start of each byte's unit (valid below `len`).
    starts: Vec<u32>,
    /// Number of folded bytes.
    len: usize,
    /// Number of original code points.
    original_len: u32,
}

impl Folded {
    /// The folded bytes.
    pub fn text(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// The folded bytes followed by [`PAD`] zero bytes.
    pub fn padded(&self) -> &[u8] {
        &self.bytes[..self.len + PAD]
    }

    /// Original code-point start of each folded byte.
    pub fn starts(&self) -> &[u32] {
        &self.starts[..self.len]
    }

    /// Number of folded bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// `true` when nothing was folded.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of original code points.
    pub fn original_len(&self) -> usize {
        self.original_len as usize
    }

    /// Makes room for `extra` more bytes (and the padding) after the first `len`.
    #[cold]
    fn grow(&mut self, extra: usize) {
        let want = (self.len + extra + PAD).max(self.bytes.len() * 2).max(64);
        self.bytes.resize(want, 0);
        self.starts.resize(want, 0);
    }

    /// Appends byte `b` of the unit starting at original code point `start`; a space after a
    /// space is absorbed into it. (The slow path; [`FoldTable::fold`] inlines it.)
    pub fn push(&mut self, b: u8, start: u32) {
        if b == SPACE && self.len > 0 && self.bytes[self.len - 1] == SPACE {
            return;
        }
        if self.len + PAD + 1 > self.bytes.len() {
            self.grow(1);
        }
        self.bytes[self.len] = b;
        self.starts[self.len] = start;
        self.len += 1;
        self.bytes[self.len..self.len + PAD].fill(0);
    }

    /// Original code-point end of the byte span ending (exclusively) at byte `e > 0`.
    #[inline]
    pub fn end_of(&self, e: usize) -> usize {
        let starts = self.starts();
        let unit = starts[e - 1];
        let mut k = e;
        while k < starts.len() && starts[k] == unit {
            k += 1; // the other characters of an expansion (ﻻ → ل ا)
        }
        starts.get(k).map_or(self.original_len, |&s| s) as usize
    }
}

/// Zero bytes after the folded text, so that eight bytes can always be read at once.
pub const PAD: usize = 8;

/// Code points folded in one block by [`FoldTable::fold`] (a power of two).
const BLOCK: usize = 64;

/// Marks a code point that normalization deletes (in [`FoldTable`]).
const DROP: u8 = 0;
/// Marks a code point that normalizes to several characters (in [`FoldTable`]).
const EXPAND: u8 = 1;

/// Normalization and folding fused into one table lookup per code point.
///
/// The table is computed from the normalizer itself (each BMP code point run through
/// [`crate::normalize::Normalizer::normalize_chars`] and folded), so it gives exactly the
/// normalizer's result: its steps are per character except white-space folding, and every
/// white-space run folds to one space here anyway. Code points above the BMP go through the
/// normalizer one by one.
#[derive(Clone)]
pub struct FoldTable {
    table: Box<[u8]>,
    /// Folded bytes of the code points marked [`EXPAND`], sorted by code point.
    expansions: Vec<(u32, Vec<u8>)>,
    /// `(mark, letter byte, result byte)`: a combining hamza or madda (marked [`EXPAND`])
    /// after the folded letter turns it into the result, as the normalizer composes them.
    compose: Vec<(u32, u8, u8)>,
    norm: Norm,
}

impl std::fmt::Debug for FoldTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FoldTable")
            .field("norm", &self.norm)
            .finish()
    }
}

use super::norm::Norm;

impl FoldTable {
    /// The table of `norm`.
    pub fn new(norm: &Norm) -> FoldTable {
        let mut table = vec![DROP; 1 << 16].into_boxed_slice();
        let mut expansions = Vec::new();
        let mut out: Vec<u8> = Vec::with_capacity(4);
        let byte = |cp: u32| char::from_u32(cp).and_then(byte_of);
        let compose: Vec<(u32, u8, u8)> = norm
            .compositions()
            .iter()
            .filter_map(|&(letter, mark, result)| Some((mark, byte(letter)?, byte(result)?)))
            .collect();
        for cp in 0u32..(1 << 16) {
            out.clear();
            // Lone surrogates read as U+FFFD.
            let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
            fold_one(norm, c, &mut out);
            let mark = compose.iter().any(|e| e.0 == cp);
            table[cp as usize] = match out.as_slice() {
                [] => DROP,
                [b] if !mark => *b,
                _ => {
                    // (a combining mark alone folds to itself; after its letter, see `fold`)
                    expansions.push((cp, out.clone()));
                    EXPAND
                }
            };
        }
        FoldTable {
            table,
            expansions,
            compose,
            norm: norm.clone(),
        }
    }

    /// The normalization this table folds with.
    pub fn norm(&self) -> &Norm {
        &self.norm
    }

    /// Folds the code points `units` (a Python `str`'s storage, or `char`s as `u32`) into
    /// `out`, which is cleared first.
    ///
    /// Blocks of [`BLOCK`] code points are folded into a block of the buffers borrowed as
    /// arrays (a block of code points writes at most a block of bytes but for an expansion,
    /// which ends the block), so the loop has no bounds check and no branch but the one on
    /// expansions: each byte is written, and kept (the write position advances) unless the
    /// code point is deleted or is a space after a space.
    #[inline]
    pub fn fold<I: Iterator<Item = u32>>(&self, mut units: I, out: &mut Folded) {
        out.len = 0;
        let hint = units.size_hint().0;
        if hint + BLOCK + 2 * PAD > out.bytes.len() {
            out.grow(hint + BLOCK + PAD);
        }
        let table: &[u8; 1 << 16] = self.table[..].try_into().expect("table size");
        let mut k = 0usize;
        let mut prev_space = false;
        let mut n = 0u32;
        let mut buf: Vec<u8> = Vec::new();
        loop {
            if k + BLOCK + PAD > out.bytes.len() {
                out.len = k;
                out.grow(hint.saturating_sub(n as usize) + BLOCK + PAD);
            }
            let bytes: &mut [u8; BLOCK] = (&mut out.bytes[k..k + BLOCK]).try_into().expect("block");
            let starts: &mut [u32; BLOCK] =
                (&mut out.starts[k..k + BLOCK]).try_into().expect("block");
            let mut j = 0usize;
            let mut expand = None;
            let mut done = false;
            for _ in 0..BLOCK {
                let Some(u) = units.next() else {
                    done = true;
                    break;
                };
                let code = if u < (1 << 16) {
                    table[u as usize]
                } else {
                    EXPAND
                };
                if code == EXPAND {
                    expand = Some(u);
                    break;
                }
                // `j` is at most the number of code points read before this one.
                bytes[j % BLOCK] = code;
                starts[j % BLOCK] = n;
                let space = code == SPACE;
                j += ((code != DROP) & !(space & prev_space)) as usize;
                prev_space = space | (prev_space & (code == DROP));
                n += 1;
            }
            k += j;
            if let Some(u) =
                expand.filter(|&u| !(k > 0 && self.compose_into(u, &mut out.bytes[k - 1])))
            {
                let exp = self.expansion(u, &mut buf).unwrap_or(&[]);
                if k + exp.len() + PAD > out.bytes.len() {
                    out.len = k;
                    out.grow(exp.len() + BLOCK + PAD);
                }
                for &b in exp {
                    if !(b == SPACE && prev_space) {
                        out.bytes[k] = b;
                        out.starts[k] = n;
                        k += 1;
                        prev_space = b == SPACE;
                    }
                }
                n += 1;
            } else if expand.is_some() {
                n += 1; // a combining mark joined the letter before it (its unit)
            }
            if done {
                break;
            }
        }
        out.bytes[k..k + PAD].fill(0);
        out.len = k;
        out.original_len = n;
    }

    /// Whether the combining mark `u` joins the folded letter `prev` (rewritten in place).
    #[cold]
    fn compose_into(&self, u: u32, prev: &mut u8) -> bool {
        match self.compose.iter().find(|e| e.0 == u && e.1 == *prev) {
            Some(e) => {
                *prev = e.2;
                true
            }
            None => false,
        }
    }

    #[cold]
    fn expansion<'a>(&'a self, u: u32, buf: &'a mut Vec<u8>) -> Option<&'a [u8]> {
        if u < (1 << 16) {
            let i = self.expansions.binary_search_by_key(&u, |e| e.0).ok()?;
            return Some(&self.expansions[i].1);
        }
        buf.clear();
        fold_one(&self.norm, char::from_u32(u).unwrap_or('\u{FFFD}'), buf);
        Some(buf)
    }
}

/// Normalizes one character and folds the result.
fn fold_one(norm: &Norm, c: char, out: &mut Vec<u8>) {
    norm.feed(std::iter::once(c), |ch, _, _| {
        if let Some(b) = byte_of(ch) {
            out.push(b);
        }
    });
}

/// The pattern of a folded name: leading and trailing separators trimmed. Empty when
/// nothing of the name is a letter or digit.
pub fn trim_pattern(folded: &[u8]) -> Vec<u8> {
    let Some(first) = folded.iter().position(|&b| is_word(b)) else {
        return Vec::new();
    };
    let last = folded.iter().rposition(|&b| is_word(b)).unwrap_or(first);
    folded[first..=last].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_letters_are_words_and_tatweel_is_not() {
        assert_eq!(byte_of('ب'), Some(BEH));
        assert!(is_word(BEH));
        assert_eq!(byte_of('\u{0640}'), Some(TATWEEL));
        assert!(!is_word(TATWEEL));
        for c in ['a', 'Z', '0', '9', 'ي', 'ء', 'é', 'پ', '\u{064E}'] {
            assert!(is_word(byte_of(c).unwrap()), "{c}");
        }
        for c in [' ', '.', '«', '،', '-', '😀'] {
            assert!(!is_word(byte_of(c).unwrap()), "{c}");
        }
        assert_eq!(byte_of('«'), Some(b'"'));
        assert_eq!(byte_of('\u{200C}'), None);
        assert_eq!(byte_of('٣'), byte_of('3'));
        assert_eq!(byte_of('Q'), byte_of('q'));
    }

    #[test]
    fn patterns_are_trimmed() {
        assert_eq!(
            trim_pattern(&[b' ', b'"', 0x81, 0x82, b' ', 0x83, b'.']),
            vec![0x81, 0x82, b' ', 0x83]
        );
        assert!(trim_pattern(b"\" .").is_empty());
    }

    #[test]
    fn fold_collapses_space_runs_and_maps_ends() {
        let t = FoldTable::new(&Norm::default());
        let mut f = Folded::default();
        t.fold("ا  \u{200C}بَ ﻻ".chars().map(u32::from), &mut f);
        assert_eq!(f.text(), [ALEF, SPACE, BEH, SPACE, LAM, ALEF]);
        assert_eq!(f.starts(), [0, 1, 4, 6, 7, 7]);
        assert_eq!(f.padded()[6..], [0; PAD]);
        assert_eq!(f.end_of(1), 1);
        assert_eq!(f.end_of(2), 4);
        assert_eq!(f.end_of(3), 6); // the fatha belongs to the beh
        assert_eq!(f.end_of(5), 8); // half of the ligature maps to all of it
        assert_eq!(f.end_of(6), 8);
    }

    /// Long texts grow the buffers in the middle of a fold, expansions included.
    #[test]
    fn growth_keeps_the_fold_exact() {
        let norm = Norm::default();
        let t = FoldTable::new(&norm);
        let unit = "ﻻ ﷺ بغداد\u{200C}  😀 ";
        let text: String = unit.repeat(200);
        let mut fast = Folded::default();
        t.fold(text.chars().map(u32::from), &mut fast);
        let mut slow = Folded::default();
        norm.feed(text.chars(), |c, s, _| {
            if let Some(b) = byte_of(c) {
                slow.push(b, s as u32);
            }
        });
        assert_eq!(fast.text(), slow.text());
        assert_eq!(fast.starts(), slow.starts());
        assert_eq!(fast.original_len(), text.chars().count());
        // and a second, shorter text in the same buffers
        t.fold("ﻻ".chars().map(u32::from), &mut fast);
        assert_eq!(fast.text(), [LAM, ALEF]);
    }

    /// The table gives what the streaming normalizer gives, on texts of every kind.
    #[test]
    fn table_equals_streaming_normalizer() {
        let norm = Norm::default();
        let t = FoldTable::new(&norm);
        let alphabet: Vec<char> =
            "بغداد الأنبار ـًٌَّْ«»،؛ ٣۳3 \u{200C}\u{200F}\u{FEFF}ﻻﺏیکۀ😀𝔸\n\t\u{00A0}Ab"
                .chars()
                .collect();
        let mut seed = 12345u64;
        for _ in 0..300 {
            let text: String = (0..40)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            let mut fast = Folded::default();
            t.fold(text.chars().map(u32::from), &mut fast);
            let mut slow = Folded::default();
            norm.feed(text.chars(), |c, s, _| {
                if let Some(b) = byte_of(c) {
                    slow.push(b, s as u32);
                }
            });
            assert_eq!(fast.text(), slow.text(), "{text:?}");
            assert_eq!(fast.starts(), slow.starts(), "{text:?}");
        }
    }
}
