//! Tokens of (normalized) Arabic text for the number grammar: Arabic words, digit runs with
//! their grouping and decimal separators, Latin words, single punctuation marks and line breaks.
//!
//! Offsets are `char` indices into the text the tokens come from.

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum TokKind {
    /// A run of Arabic letters (with any harakat or tatweel inside it); its lookup key is in
    /// [`Token::key`].
    Word,
    /// A run of digits (ASCII, Arabic-Indic or Persian) with `5,200` / `٥٬٢٠٠` grouping and one
    /// `.` / `٫` decimal part: the value is `mantissa / 10^decimals`.
    Digits {
        /// All digits read, integer and decimal part, as one integer (None on overflow).
        mantissa: Option<u128>,
        /// How many of those digits follow the decimal separator.
        decimals: u32,
        /// Digits before the decimal separator (grouping separators not counted).
        int_digits: usize,
        /// Whether thousands separators were read.
        grouped: bool,
    },
    /// A run of Latin letters.
    Latin,
    /// One character that is neither a letter, a digit nor white space.
    Punct(char),
    /// White space holding a line break (a clause boundary).
    Break,
}

/// One token: kind, span and, for words, the lookup key.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub kind: TokKind,
    /// First char of the token.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// True when the token directly follows the previous one (no white space between).
    pub glued: bool,
    /// For words: the letters without harakat/tatweel, alef forms folded to ا and ى to ي
    /// (already so in normalized text; folding here keeps the parser robust on raw text).
    /// For Latin words: the word in lower case.
    pub key: String,
    /// For words holding harakat or tatweel: char offset (inside the text) of each key letter;
    /// empty when every char of the word is a key letter (then letter `k` is at `start + k`).
    pub key_pos: Vec<u32>,
}

impl Token {
    /// The word key, or "" for other tokens.
    pub fn word(&self) -> &str {
        if self.kind == TokKind::Word {
            &self.key
        } else {
            ""
        }
    }

    /// Char offset in the text of key letter `k` (`k == key len` gives the token end).
    pub fn key_char(&self, k: usize) -> usize {
        if self.key_pos.is_empty() {
            (self.start + k).min(self.end)
        } else {
            self.key_pos.get(k).map_or(self.end, |&p| p as usize)
        }
    }
}

/// Value of a digit character in any of the three digit sets.
pub(crate) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Harakat, Quranic marks, superscript alef and tatweel: kept inside a word, left out of its key.
fn is_word_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'
        | '\u{06D6}'..='\u{06ED}' | '\u{200C}' | '\u{200D}')
}

/// Arabic letters (the basic block and the extended letters used for Persian/Urdu).
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06FA}'..='\u{06FF}')
}

/// The letter as it appears in a lookup key.
fn fold_letter(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' | 'ي' => 'ي',
        'ک' => 'ك',
        'ۀ' => 'ه',
        _ => c,
    }
}

/// Splits `chars` into tokens.
pub(crate) fn tokenize(chars: &[char]) -> Vec<Token> {
    let mut toks: Vec<Token> = Vec::new();
    let n = chars.len();
    let mut i = 0;
    let mut glued = false;
    while i < n {
        let c = chars[i];
        if c.is_whitespace() {
            let start = i;
            let mut line = false;
            while i < n && chars[i].is_whitespace() {
                line |= matches!(chars[i], '\n' | '\r' | '\u{2028}' | '\u{2029}');
                i += 1;
            }
            if line {
                toks.push(Token {
                    kind: TokKind::Break,
                    start,
                    end: i,
                    glued: false,
                    key: String::new(),
                    key_pos: Vec::new(),
                });
            }
            glued = false;
            continue;
        }
        let start = i;
        if is_arabic_letter(c) {
            let mut marks = false;
            while i < n && (is_arabic_letter(chars[i]) || is_word_mark(chars[i])) {
                marks |= !is_arabic_letter(chars[i]);
                i += 1;
            }
            let mut key = String::with_capacity(2 * (i - start));
            let mut key_pos = Vec::new();
            for (k, &ch) in chars[start..i].iter().enumerate() {
                if is_arabic_letter(ch) {
                    key.push(fold_letter(ch));
                    if marks {
                        key_pos.push((start + k) as u32);
                    }
                }
            }
            toks.push(Token {
                kind: TokKind::Word,
                start,
                end: i,
                glued,
                key,
                key_pos,
            });
        } else if digit_value(c).is_some() {
            let kind = read_digits(chars, &mut i);
            toks.push(Token {
                kind,
                start,
                end: i,
                glued,
                key: String::new(),
                key_pos: Vec::new(),
            });
        } else if c.is_ascii_alphabetic() {
            while i < n && chars[i].is_ascii_alphabetic() {
                i += 1;
            }
            toks.push(Token {
                kind: TokKind::Latin,
                start,
                end: i,
                glued,
                key: chars[start..i]
                    .iter()
                    .map(|c| c.to_ascii_lowercase())
                    .collect(),
                key_pos: Vec::new(),
            });
        } else {
            i += 1;
            toks.push(Token {
                kind: TokKind::Punct(c),
                start,
                end: i,
                glued,
                key: String::new(),
                key_pos: Vec::new(),
            });
        }
        glued = true;
    }
    toks
}

/// Number of digits starting at `i`.
fn digit_run(chars: &[char], i: usize) -> usize {
    chars[i..]
        .iter()
        .take_while(|&&c| digit_value(c).is_some())
        .count()
}

/// Reads a digit run with its separators starting at `*i`, advancing `*i` past it.
fn read_digits(chars: &[char], i: &mut usize) -> TokKind {
    let mut mantissa: Option<u128> = Some(0);
    let mut digits = 0usize;
    let push = |m: &mut Option<u128>, c: char| {
        let d = digit_value(c).unwrap_or(0) as u128;
        *m = m
            .and_then(|v| v.checked_mul(10))
            .and_then(|v| v.checked_add(d));
    };
    let first = digit_run(chars, *i);
    for k in 0..first {
        push(&mut mantissa, chars[*i + k]);
    }
    digits += first;
    *i += first;
    let mut grouped = false;
    // Thousands grouping: a first group of 1-3 digits, then separator + exactly 3 digits.
    if first <= 3 {
        while *i + 4 <= chars.len()
            && matches!(chars[*i], ',' | '\u{066C}')
            && digit_run(chars, *i + 1) == 3
        {
            // The separator must be the same all along (5,200,000 or ٥٬٢٠٠٬٠٠٠).
            for k in 1..=3 {
                push(&mut mantissa, chars[*i + k]);
            }
            digits += 3;
            grouped = true;
            *i += 4;
        }
    }
    let int_digits = digits;
    let mut decimals = 0u32;
    if *i + 1 < chars.len() && matches!(chars[*i], '.' | '\u{066B}') {
        let run = digit_run(chars, *i + 1);
        if run > 0 {
            for k in 1..=run {
                push(&mut mantissa, chars[*i + k]);
            }
            decimals = run as u32;
            *i += 1 + run;
        }
    }
    TokKind::Digits {
        mantissa,
        decimals,
        int_digits,
        grouped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token> {
        let chars: Vec<char> = s.chars().collect();
        tokenize(&chars)
    }

    #[test]
    fn digits_with_separators() {
        let t = toks("5,200 و٥٬٢٠٠ 1.5 ١٫٥ 12,34");
        let vals: Vec<_> = t
            .iter()
            .filter_map(|t| match t.kind {
                TokKind::Digits {
                    mantissa, decimals, ..
                } => Some((mantissa.unwrap(), decimals)),
                _ => None,
            })
            .collect();
        assert_eq!(
            vals,
            vec![(5200, 0), (5200, 0), (15, 1), (15, 1), (12, 0), (34, 0)]
        );
    }

    #[test]
    fn words_keep_marks_out_of_key() {
        let t = toks("بـ١٥ صاروخاً إلى");
        assert_eq!(t[0].key, "ب");
        assert_eq!(t[0].end, 2);
        assert!(t[1].glued);
        assert_eq!(t[2].key, "صاروخا");
        assert_eq!(t[3].key, "الي");
    }
}
