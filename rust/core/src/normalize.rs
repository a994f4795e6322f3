//! Arabic normalization, table-driven, with an optional offset map back to the original text.
//!
//! Each step of the SPEC can be switched on or off ([`NormalizeOptions`]); a [`Normalizer`]
//! compiles the chosen steps once into per-block tables of *actions* (keep, delete, map to one
//! character, expand to several, white space), then normalizes any text in one pass over its
//! code points without allocating per character.
//!
//! The steps, in the order they apply to one character:
//!
//! | option | effect |
//! | --- | --- |
//! | `presentation_forms` | U+FB50–U+FDFF, U+FE70–U+FEFF → their NFKC letters (ﻻ → لا); the letters then go through the other steps |
//! | `invisible` | delete ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM (U+061C), bidi embeddings, overrides and isolates, word joiner, BOM, soft hyphen, CGJ, Mongolian vowel separator |
//! | `diacritics` | delete U+064B–U+0652, U+0670, U+0610–U+061A, U+06D6–U+06ED |
//! | `tatweel` | delete U+0640 |
//! | `persian` | ی ے → ي, ک ڪ → ك, ۀ ہ ۂ ھ ە → ه, ۓ → ئ, ۃ → ة |
//! | `alef` | أ إ آ ٱ ٲ ٳ → ا |
//! | `alef_maqsura` | ى → ي |
//! | `teh_marbuta` (off) | ة → ه |
//! | `hamza` (off) | ؤ → و, ئ → ي |
//! | `punctuation` (off) | ، ؛ ؟ → , ; ? and « » “ ” → `"` |
//! | `digits` (off) | ٠–٩ and ۰–۹ → 0–9, ٫ → `.`, ٬ → `,` |
//! | (always) | a combining hamza or madda after its letter (NFD: ا + U+0654 for أ, ا + U+0653 for آ, ا + U+0655 for إ, و + U+0654, ي + U+0654, ە/ہ/ے + U+0654) joins it and becomes what the composed letter becomes; elsewhere the mark is kept |
//! | `whitespace` | every run of white space (deleted characters inside it do not break it) becomes one `"\n"` when it contains a line break, else one `" "`; runs are folded, never stripped |
//!
//! Lone surrogates (possible in Python `str`) are rejected with a [`TextError`].

mod presentation;
mod scan;

use crate::error::{OptionError, TextError, Utf8Error};
use crate::offsets::{MapBuilder, OffsetMap};

/// Which normalization steps run. SPEC defaults: every step on except `teh_marbuta`, `hamza`,
/// `punctuation` (unify) and `digits`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NormalizeOptions {
    /// Delete harakat, superscript alef and Quranic marks.
    pub diacritics: bool,
    /// Delete tatweel (U+0640).
    pub tatweel: bool,
    /// أ إ آ ٱ → ا.
    pub alef: bool,
    /// ى → ي.
    pub alef_maqsura: bool,
    /// ة → ه (off by default).
    pub teh_marbuta: bool,
    /// ؤ ئ → و ي (off by default).
    pub hamza: bool,
    /// Persian and Urdu letters (ی ک ۀ …) → Arabic ones.
    pub persian: bool,
    /// Arabic presentation forms → base letters.
    pub presentation_forms: bool,
    /// Delete invisible format marks.
    pub invisible: bool,
    /// Unify Arabic punctuation and quotes to ASCII (off by default).
    pub punctuation: bool,
    /// Fold white-space runs.
    pub whitespace: bool,
    /// Arabic-Indic and Persian digits → ASCII (off by default).
    pub digits: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            diacritics: true,
            tatweel: true,
            alef: true,
            alef_maqsura: true,
            teh_marbuta: false,
            hamza: false,
            persian: true,
            presentation_forms: true,
            invisible: true,
            punctuation: false,
            whitespace: true,
            digits: false,
        }
    }
}

impl NormalizeOptions {
    /// The option names, in a fixed order (the order of [`NormalizeOptions::bits`]).
    pub const NAMES: [&'static str; 12] = [
        "diacritics",
        "tatweel",
        "alef",
        "alef_maqsura",
        "teh_marbuta",
        "hamza",
        "persian",
        "presentation_forms",
        "invisible",
        "punctuation",
        "whitespace",
        "digits",
    ];

    /// Every step off: the identity normalization.
    pub fn none() -> NormalizeOptions {
        NormalizeOptions::from_bits(0)
    }

    /// Only the digit step (what `to_ascii_digits` does).
    pub fn digits_only() -> NormalizeOptions {
        NormalizeOptions {
            digits: true,
            ..NormalizeOptions::none()
        }
    }

    fn field(&mut self, index: usize) -> &mut bool {
        match index {
            0 => &mut self.diacritics,
            1 => &mut self.tatweel,
            2 => &mut self.alef,
            3 => &mut self.alef_maqsura,
            4 => &mut self.teh_marbuta,
            5 => &mut self.hamza,
            6 => &mut self.persian,
            7 => &mut self.presentation_forms,
            8 => &mut self.invisible,
            9 => &mut self.punctuation,
            10 => &mut self.whitespace,
            _ => &mut self.digits,
        }
    }

    /// Switch the step called `name` on or off; unknown names are an [`OptionError`].
    pub fn set(&mut self, name: &str, value: bool) -> Result<(), OptionError> {
        match Self::NAMES.iter().position(|&n| n == name) {
            Some(i) => {
                *self.field(i) = value;
                Ok(())
            }
            None => Err(OptionError {
                name: name.to_string(),
            }),
        }
    }

    /// The options as a 12-bit mask (bit `i` = step `NAMES[i]`).
    pub fn bits(&self) -> u16 {
        let mut copy = *self;
        (0..12).fold(0u16, |acc, i| acc | ((*copy.field(i) as u16) << i))
    }

    /// Options from a mask made by [`NormalizeOptions::bits`] (higher bits ignored).
    pub fn from_bits(bits: u16) -> NormalizeOptions {
        let mut o = NormalizeOptions {
            diacritics: false,
            tatweel: false,
            alef: false,
            alef_maqsura: false,
            teh_marbuta: false,
            hamza: false,
            persian: false,
            presentation_forms: false,
            invisible: false,
            punctuation: false,
            whitespace: false,
            digits: false,
        };
        for i in 0..12 {
            *o.field(i) = bits & (1 << i) != 0;
        }
        o
    }
}

// ---- character classes (\uXXXX escapes, named in comments) ----

/// Harakat, superscript alef and Quranic annotation marks (SPEC "diacritics").
fn is_diacritic(c: u32) -> bool {
    matches!(c,
        0x064B..=0x0652   // fathatan .. sukun
        | 0x0670          // superscript alef
        | 0x0610..=0x061A // Quranic honorifics and small letters
        | 0x06D6..=0x06ED // Quranic annotation marks
    )
}

/// Invisible format marks that carry no letter.
fn is_invisible(c: u32) -> bool {
    matches!(c,
        0x00AD            // soft hyphen
        | 0x034F          // combining grapheme joiner
        | 0x061C          // Arabic letter mark
        | 0x180E          // Mongolian vowel separator
        | 0x200B..=0x200F // ZWSP, ZWNJ, ZWJ, LRM, RLM
        | 0x202A..=0x202E // bidi embeddings and overrides
        | 0x2060..=0x2064 // word joiner, invisible operators
        | 0x2066..=0x206F // bidi isolates, deprecated format characters
        | 0xFEFF          // BOM / zero-width no-break space
    )
}

/// White space that folds to `" "`.
fn is_space(c: u32) -> bool {
    matches!(
        c,
        0x09 | 0x20 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000
    )
}

/// White space that is a line break and folds (with its run) to `"\n"`.
fn is_line_break(c: u32) -> bool {
    matches!(c, 0x0A..=0x0D | 0x85 | 0x2028 | 0x2029)
}

fn persian(c: u32) -> u32 {
    match c {
        0x06CC | 0x06D2 => 0x064A,                            // ی ے → ي
        0x06A9 | 0x06AA => 0x0643,                            // ک ڪ → ك
        0x06C0 | 0x06C1 | 0x06C2 | 0x06BE | 0x06D5 => 0x0647, // ۀ ہ ۂ ھ ە → ه
        0x06D3 => 0x0626,                                     // ۓ → ئ
        0x06C3 => 0x0629,                                     // ۃ → ة
        _ => c,
    }
}

fn ascii_digit(c: u32) -> u32 {
    match c {
        0x0660..=0x0669 => c - 0x0660 + 0x30, // ٠..٩
        0x06F0..=0x06F9 => c - 0x06F0 + 0x30, // ۰..۹
        0x066B => 0x2E,                       // ٫ decimal separator → .
        0x066C => 0x2C,                       // ٬ thousands separator → ,
        _ => c,
    }
}

fn ascii_punctuation(c: u32) -> u32 {
    match c {
        0x060C => 0x2C,                            // ، → ,
        0x061B => 0x3B,                            // ؛ → ;
        0x061F => 0x3F,                            // ؟ → ?
        0x00AB | 0x00BB | 0x201C | 0x201D => 0x22, // « » “ ” → "
        _ => c,
    }
}

// ---- compiled actions ----
//
// One u32 per code point: the low 3 bits are the tag, the rest its payload.
const KEEP: u32 = 0;
const DELETE: u32 = 1;
const SPACE: u32 = 2;
const LINE: u32 = 3;
const MAP: u32 = 4; // payload: the replacement code point
const EXPAND: u32 = 5; // payload: offset << 5 | len into `Normalizer::pool`
const INVALID: u32 = 6; // lone surrogate
const COMPOSE: u32 = 7; // a combining hamza or madda: joins the letter output before it
const TAG: u32 = 7;

/// Canonical compositions of Arabic letters with a combining hamza or madda (Unicode NFC):
/// `(letter, mark, composed letter)`.
const COMPOSITIONS: [(u32, u32, u32); 8] = [
    (0x0627, 0x0653, 0x0622), // ا + madda → آ
    (0x0627, 0x0654, 0x0623), // ا + hamza above → أ
    (0x0627, 0x0655, 0x0625), // ا + hamza below → إ
    (0x0648, 0x0654, 0x0624), // و → ؤ
    (0x064A, 0x0654, 0x0626), // ي → ئ
    (0x06C1, 0x0654, 0x06C2), // ہ → ۂ
    (0x06D2, 0x0654, 0x06D3), // ے → ۓ
    (0x06D5, 0x0654, 0x06C0), // ە → ۀ
];

/// The compositions under `o`: `(letter as normalized, mark, composed letter as normalized)`,
/// so that a mark after the normalized letter turns it into what the composed letter gives
/// («ا» + U+0654 → «ا» when `alef` folds أ, → «أ» when it does not). Every code point is a
/// two-byte character (the UTF-8 kernel rewrites the letter in place).
fn compositions(o: &NormalizeOptions) -> Vec<(u32, u32, u32)> {
    let mut out: Vec<(u32, u32, u32)> = Vec::new();
    for &(letter, mark, composed) in &COMPOSITIONS {
        if let (Some(a), Some(b)) = (map_letter(o, letter), map_letter(o, composed)) {
            if (0x80..0x800).contains(&a)
                && (0x80..0x800).contains(&b)
                && !out.iter().any(|e| e.0 == a && e.1 == mark)
            {
                out.push((a, mark, b));
            }
        }
    }
    out
}

type Page = [u32; 256];

/// A compiled normalizer: the chosen steps as per-block action tables.
///
/// `Send + Sync` and cheap to share; build it once per set of options.
#[derive(Clone)]
pub struct Normalizer {
    options: NormalizeOptions,
    /// Page of each BMP block (`cp >> 8`); page 0 is all [`KEEP`].
    index: [u8; 256],
    pages: Vec<Page>,
    /// Characters of the multi-character expansions.
    pool: Vec<u32>,
    /// Flat copy of the actions of U+0000..U+07FF (ASCII, Latin, Arabic): the hot range.
    small: Box<[u32; 0x800]>,
    /// Branch-free entries of U+0000..U+07FF for UTF-8 output (see [`fast_entry`]).
    fast_utf8: Box<[u64; 0x800]>,
    /// Branch-free entries of U+0000..U+07FF for code-unit output.
    fast_units: Box<[u64; 0x800]>,
    /// UTF-8 state-machine entries: index `in_ws << 11 | cp` (cp < U+0800); see [`ws_entry`].
    fast_ws: Box<[u64; 0x1000]>,
    /// Tables of the vectorized scan for unchanged runs of UTF-8.
    scan: scan::ScanTables,
    /// `(letter, mark, result)` of [`compositions`] under these options.
    compose: Vec<(u32, u32, u32)>,
}

// Branch-free entries: bits 0..32 the output (UTF-8 bytes, first byte lowest, or one code
// point), bits 32..35 its length, then flags.
const F_WS: u64 = 1 << 40; // white space: folds into an open run
const F_LINE: u64 = 1 << 41; // line break (with F_WS)
const F_DEL: u64 = 1 << 42; // deleted: an open run stays open
const F_SPECIAL: u64 = 1 << 43; // needs the general path

// State-machine entries for UTF-8: the white-space state is part of the index.
const W_OPEN: u64 = 1 << 40; // a white-space run is open after this character
const W_LINE_FIX: u64 = 1 << 41; // the open run's character becomes "\n"

/// The state-machine form of a UTF-8 [`fast_entry`] `e` when a run is open (`in_ws`) or not:
/// bits 0..32 the bytes to store, 32..35 how many of them count, then `W_*` flags and
/// [`F_SPECIAL`].
fn ws_entry(e: u64, in_ws: bool) -> u64 {
    if e & F_SPECIAL != 0 {
        return F_SPECIAL;
    }
    let bytes = e & 0xFFFF_FFFF;
    let len = (e >> 32) & 7;
    if e & F_WS != 0 {
        if in_ws {
            W_OPEN | if e & F_LINE != 0 { W_LINE_FIX } else { 0 }
        } else {
            bytes | len << 32 | W_OPEN
        }
    } else if e & F_DEL != 0 {
        if in_ws {
            W_OPEN
        } else {
            0
        }
    } else {
        bytes | len << 32
    }
}

/// The branch-free entry of a character below U+0800 whose action is `a`.
fn fast_entry(cp: u32, a: u32, utf8: bool) -> u64 {
    let out = |c: u32| -> u64 {
        if utf8 {
            let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
            let mut tmp = [0u8; 4];
            let b = ch.encode_utf8(&mut tmp).as_bytes();
            let mut v = 0u64;
            for (k, &x) in b.iter().enumerate() {
                v |= (x as u64) << (8 * k);
            }
            v | (b.len() as u64) << 32
        } else {
            c as u64 | 1 << 32
        }
    };
    let width = |c: u32| {
        if c < 0x80 {
            1
        } else if c < 0x800 {
            2
        } else {
            3
        }
    };
    match a & TAG {
        KEEP => out(cp),
        DELETE => F_DEL,
        MAP if width(a >> 3) <= width(cp) => out(a >> 3),
        SPACE => out(0x20) | F_WS,
        LINE => out(0x0A) | F_WS | F_LINE,
        _ => F_SPECIAL,
    }
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalizer")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new(NormalizeOptions::default())
    }
}

/// What one character becomes under the letter steps: `None` when deleted.
fn map_letter(o: &NormalizeOptions, c: u32) -> Option<u32> {
    if (o.invisible && is_invisible(c))
        || (o.diacritics && is_diacritic(c))
        || (o.tatweel && c == 0x0640)
    {
        return None;
    }
    let mut c = c;
    if o.persian {
        c = persian(c);
    }
    if o.alef && matches!(c, 0x0622 | 0x0623 | 0x0625 | 0x0671 | 0x0672 | 0x0673) {
        c = 0x0627; // آ أ إ ٱ ٲ ٳ → ا
    }
    if o.alef_maqsura && c == 0x0649 {
        c = 0x064A; // ى → ي
    }
    if o.teh_marbuta && c == 0x0629 {
        c = 0x0647; // ة → ه
    }
    if o.hamza {
        c = match c {
            0x0624 => 0x0648, // ؤ → و
            0x0626 => 0x064A, // ئ → ي
            _ => c,
        };
    }
    if o.punctuation {
        c = ascii_punctuation(c);
    }
    if o.digits {
        c = ascii_digit(c);
    }
    Some(c)
}

/// One character of the UTF-8 kernel: `$i` indexes `$src`; the output cursor is
/// `($ptr, $len, $cap)` into `$out`; `$ws` is the white-space state; `$err` becomes
/// `Some(truncated)` at invalid UTF-8.
///
/// Characters below U+0800 (ASCII, Latin, Arabic) take a branch-free path: one table entry
/// gives their output bytes, length and white-space flags, and four bytes are stored
/// unconditionally (the output keeps 8 bytes of slack) before the length advances.
macro_rules! utf8_step {
    ($self:ident, $src:ident, $i:ident, $out:ident, $ptr:ident, $len:ident, $cap:ident, $ws:ident, $err:ident, $floor:ident) => {{
        let n = $src.len();
        let b0 = $src[$i] as u32;
        // Branch on the width (well predicted in runs of one script), not on the action.
        let fast_char = if b0 < 0x80 {
            Some((b0, 1))
        } else if $i + 1 < n && b0.wrapping_sub(0xC2) < 0x1E && $src[$i + 1] & 0xC0 == 0x80 {
            Some(((b0 & 0x1F) << 6 | ($src[$i + 1] as u32 & 0x3F), 2))
        } else {
            None
        };
        let mut done = false;
        if let Some((idx, width)) = fast_char {
            let e = $self.fast_utf8[idx as usize];
            if e & F_SPECIAL == 0 {
                let ws = e & F_WS != 0;
                let fold = ws & $ws;
                // SAFETY: `len + 8 <= cap`: the output is never longer than the input read
                // so far, and `cap` has 8 bytes of slack past the input's length
                // (re-established by every reservation in `step_utf8`).
                unsafe { ($ptr.add($len) as *mut u32).write_unaligned((e as u32).to_le()) };
                $len += ((e >> 32) as usize & 7) * (!fold as usize);
                if fold & (e & F_LINE != 0) {
                    // SAFETY: an open run's character is the last byte written.
                    unsafe { $ptr.add($len - 1).write(b'\n') };
                }
                $ws = ws | ($ws & (e & F_DEL != 0));
                $i += width;
                done = true;
            }
        }
        if !done && b0.wrapping_sub(0xE1) < 0x0F && b0 != 0xED && $i + 2 < n {
            // three-byte characters (presentation forms, invisible marks, punctuation)
            let (b1, b2) = ($src[$i + 1] as u32, $src[$i + 2] as u32);
            if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 {
                let a = $self.action((b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F));
                let tag = a & TAG;
                if tag == KEEP || tag == DELETE || (tag == MAP && a >> 3 < 0x800) {
                    if tag == KEEP {
                        // SAFETY: three bytes for three bytes (slack as above).
                        unsafe {
                            std::ptr::copy_nonoverlapping($src.as_ptr().add($i), $ptr.add($len), 3)
                        };
                        $len += 3;
                        $ws = false;
                    } else if tag == MAP {
                        // SAFETY: at most two bytes for three.
                        $len += unsafe { encode_utf8_raw(a >> 3, $ptr.add($len)) };
                        $ws = false;
                    }
                    $i += 3;
                    done = true;
                }
            }
        }
        if !done {
            match $self.step_utf8($src, $i, $out, ($ptr, $len, $cap), $ws, $floor) {
                Ok((next, cursor, ws)) => {
                    ($ptr, $len, $cap) = cursor;
                    $i = next;
                    $ws = ws;
                }
                Err(truncated) => $err = Some(truncated),
            }
        }
    }};
}

impl Normalizer {
    /// Compile the steps chosen in `options`.
    pub fn new(options: NormalizeOptions) -> Normalizer {
        let mut pool = Vec::new();
        let mut pages: Vec<Page> = vec![[KEEP; 256]];
        let mut index = [0u8; 256];
        // Only these blocks hold characters that some step touches; every other block keeps all.
        const BLOCKS: [u32; 19] = [
            0x00, 0x03, 0x06, 0x16, 0x18, 0x20, 0x30, 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE,
            0xDF, 0xFB, 0xFC, 0xFD, 0xFE,
        ];
        for block in BLOCKS {
            let mut page = [KEEP; 256];
            for (low, slot) in page.iter_mut().enumerate() {
                let cp = block << 8 | low as u32;
                *slot = Self::compile(&options, cp, &mut pool);
            }
            if page != pages[0] {
                index[block as usize] = match pages.iter().position(|p| *p == page) {
                    Some(i) => i as u8,
                    None => {
                        pages.push(page);
                        (pages.len() - 1) as u8
                    }
                };
            }
        }
        let mut small = Box::new([KEEP; 0x800]);
        for (cp, slot) in small.iter_mut().enumerate() {
            *slot = pages[index[cp >> 8] as usize][cp & 0xFF];
        }
        Normalizer {
            options,
            index,
            pages,
            pool,
            fast_utf8: Box::new(std::array::from_fn(|cp| {
                fast_entry(cp as u32, small[cp], true)
            })),
            scan: scan::ScanTables::new(|cp| small[cp as usize] != KEEP),
            fast_ws: Box::new(std::array::from_fn(|k| {
                ws_entry(
                    fast_entry((k & 0x7FF) as u32, small[k & 0x7FF], true),
                    k >= 0x800,
                )
            })),
            fast_units: Box::new(std::array::from_fn(|cp| {
                fast_entry(cp as u32, small[cp], false)
            })),
            small,
            compose: compositions(&options),
        }
    }

    fn compile(o: &NormalizeOptions, cp: u32, pool: &mut Vec<u32>) -> u32 {
        if (0xD800..=0xDFFF).contains(&cp) {
            return INVALID;
        }
        if (0x0653..=0x0655).contains(&cp) && compositions(o).iter().any(|e| e.1 == cp) {
            return COMPOSE;
        }
        if o.whitespace {
            if is_line_break(cp) {
                return LINE;
            }
            if is_space(cp) {
                return SPACE;
            }
        }
        let expansion: Vec<u32> =
            match presentation::PRESENTATION.binary_search_by_key(&cp, |e| e.0) {
                Ok(i) if o.presentation_forms => presentation::PRESENTATION[i]
                    .1
                    .iter()
                    .filter_map(|&ch| map_letter(o, ch as u32))
                    .collect(),
                _ => map_letter(o, cp).into_iter().collect(),
            };
        match expansion.as_slice() {
            [] => DELETE,
            [c] if *c == cp => KEEP,
            [c] => c << 3 | MAP,
            many => {
                let at = pool.len() as u32;
                pool.extend_from_slice(many);
                (at << 5 | many.len() as u32) << 3 | EXPAND
            }
        }
    }

    /// The options this normalizer was built with.
    pub fn options(&self) -> NormalizeOptions {
        self.options
    }

    /// `(letter, mark, result)`: a combining `mark` right after the normalized `letter`
    /// turns it into `result` (see [`COMPOSITIONS`]).
    pub fn compositions(&self) -> &[(u32, u32, u32)] {
        &self.compose
    }

    /// What the normalized letter `prev` becomes with the combining `mark` after it.
    #[inline]
    fn composed(&self, prev: u32, mark: u32) -> Option<u32> {
        self.compose
            .iter()
            .find(|e| e.0 == prev && e.1 == mark)
            .map(|e| e.2)
    }

    #[inline(always)]
    fn lookup(&self, cp: u32) -> u32 {
        if cp < 0x800 {
            self.small[cp as usize]
        } else {
            self.action(cp)
        }
    }

    #[inline(always)]
    fn action(&self, cp: u32) -> u32 {
        if cp < 0x10000 {
            self.pages[self.index[(cp >> 8) as usize] as usize][(cp & 0xFF) as usize]
        } else {
            KEEP
        }
    }

    #[inline(always)]
    fn expansion(&self, action: u32) -> &[u32] {
        let p = action >> 3;
        let at = (p >> 5) as usize;
        &self.pool[at..at + (p & 31) as usize]
    }

    /// The engine: one pass over `input`'s code points, feeding `out`. `in_ws` says whether a
    /// white-space run is already open (streaming). Returns the number of code points read and
    /// whether a run is open at the end, or the index of a lone surrogate.
    #[inline(always)]
    fn run<I: Iterator<Item = u32>, O: Out>(
        &self,
        input: I,
        out: &mut O,
        mut in_ws: bool,
    ) -> Result<(usize, bool), usize> {
        let mut i = 0usize;
        for cp in input {
            let a = self.lookup(cp);
            match a & TAG {
                KEEP => {
                    out.unit(i, cp);
                    in_ws = false;
                }
                DELETE => {}
                MAP => {
                    out.unit(i, a >> 3);
                    in_ws = false;
                }
                SPACE => {
                    if !in_ws {
                        out.unit(i, 0x20);
                        in_ws = true;
                    }
                }
                LINE => {
                    if in_ws {
                        out.line_break();
                    } else {
                        out.unit(i, 0x0A);
                        in_ws = true;
                    }
                }
                EXPAND => {
                    out.units(i, self.expansion(a));
                    in_ws = false;
                }
                COMPOSE => {
                    let joined = out.last_mut().and_then(|last| {
                        let c = self.composed(*last, cp)?;
                        *last = c;
                        Some(c)
                    });
                    if joined.is_none() {
                        out.unit(i, cp);
                        in_ws = false;
                    }
                }
                _ => return Err(i),
            }
            i += 1;
        }
        Ok((i, in_ws))
    }

    /// Normalize `text`.
    pub fn normalize(&self, text: &str) -> String {
        let mut out = Vec::new();
        self.run_utf8(text.as_bytes(), &mut out, false, 0);
        // The kernel writes whole UTF-8 characters only.
        String::from_utf8(out).unwrap_or_default()
    }

    /// Normalize `text` and return the map from normalized spans to original spans.
    pub fn normalize_with_map(&self, text: &str) -> (String, OffsetMap) {
        // Through the fixed-width kernel: decode once, normalize code points, encode once.
        let wide: Vec<u32> = text.chars().map(u32::from).collect();
        let mut out = Vec::with_capacity(wide.len());
        // A `&str` holds no surrogates, so the kernel cannot fail.
        let (_, map) = self
            .normalize_units_with_map(&wide, &mut out)
            .unwrap_or_default();
        (out.iter().filter_map(|&c| char::from_u32(c)).collect(), map)
    }

    /// Streaming form for other components: calls `emit(ch, unit_start, unit_end)` for every
    /// output char, where `[unit_start, unit_end)` are the original code-point indices of the
    /// unit that produced it (a ligature expanding to 2 chars emits 2 chars with the same unit;
    /// a folded white-space run is one unit; deleted chars belong to the preceding unit).
    pub fn normalize_chars<I: Iterator<Item = char>, F: FnMut(char, usize, usize)>(
        &self,
        input: I,
        emit: F,
    ) {
        let mut out = EmitOut {
            emit,
            start: 0,
            pending: Vec::with_capacity(32),
        };
        let n = self
            .run(input.map(u32::from), &mut out, false)
            .map_or(0, |r| r.0);
        out.flush(n);
    }

    /// Normalize UTF-8 `input`, appending the UTF-8 result to `out`.
    ///
    /// Invalid UTF-8 is an error naming its byte offset; nothing is appended then.
    pub fn normalize_utf8(&self, input: &[u8], out: &mut Vec<u8>) -> Result<(), Utf8Error> {
        let start = out.len();
        let floor = out.len();
        let run = self.run_utf8(input, out, false, floor);
        match run.error {
            None => Ok(()),
            Some(truncated) => {
                out.truncate(start);
                Err(Utf8Error {
                    position: run.consumed,
                    truncated,
                })
            }
        }
    }

    /// Normalize fixed-width code units (the storage of a Python `str`: latin-1, UCS-2 or
    /// UCS-4), appending the result to `out` in the same width.
    ///
    /// Returns the bitwise OR of every output code point (enough to pick the narrowest
    /// storage for the result), or an error at a lone surrogate.
    pub fn normalize_units<T: CodeUnit>(
        &self,
        input: &[T],
        out: &mut Vec<T>,
    ) -> Result<u32, TextError> {
        self.run_units_fast(input, out).map_err(surrogate_error)
    }

    /// [`Normalizer::normalize_units`] that also builds the offset map.
    pub fn normalize_units_with_map<T: CodeUnit>(
        &self,
        input: &[T],
        out: &mut Vec<T>,
    ) -> Result<(u32, OffsetMap), TextError> {
        let (r, map) = self.run_units(input, out, MapBuilder::with_capacity(input.len() / 8 + 4));
        let or = r.map_err(surrogate_error)?;
        Ok((or, map.finish(input.len())))
    }

    /// Kernel over fixed-width code units: appends to `out`, returns the OR of the output
    /// code points or the index of a lone surrogate (and the recorder, given back).
    ///
    /// The output cursor (`ptr`, `len`, `cap`) lives in locals so that it stays in registers;
    /// it is written without a capacity check per unit because the output never outgrows the
    /// input except in `EXPAND`, which reserves room for itself and for the rest of the input.
    #[inline(always)]
    fn run_units<T: CodeUnit, R: Recorder>(
        &self,
        input: &[T],
        out: &mut Vec<T>,
        mut rec: R,
    ) -> (Result<u32, usize>, R) {
        let n = input.len();
        prefetch(input.as_ptr() as *const u8, std::mem::size_of_val(input));
        out.reserve(n + 8);
        let (mut ptr, mut len, mut cap) = (out.as_mut_ptr(), out.len(), out.capacity());
        let floor = len;
        let mut or = 0u32;
        let mut in_ws = false;
        let mut result = Ok(());
        macro_rules! push {
            ($v:expr) => {{
                debug_assert!(len < cap);
                // SAFETY: `len < cap` by the invariant above.
                unsafe { ptr.add(len).write($v) };
                len += 1;
            }};
        }
        let fast: &[u64; 0x800] = &self.fast_units;
        for (i, &u) in input.iter().enumerate() {
            let cp = u.get();
            if cp < 0x800 {
                // the branch-free entry (see `run_units_fast`); only recording branches
                let e = fast[cp as usize];
                if e & F_SPECIAL != 0 {
                    // a combining hamza or madda: joins the letter before it (same unit)
                    // SAFETY: `floor < len`: a unit of this run's output.
                    let prev = (len > floor).then(|| unsafe { ptr.add(len - 1).read() }.get());
                    if let Some(c) = prev.and_then(|p| self.composed(p, cp)) {
                        // SAFETY: as above.
                        unsafe { ptr.add(len - 1).write(T::from_cp(c)) };
                        or |= c;
                    } else {
                        rec.unit(i, 1);
                        push!(u);
                        or |= cp;
                        in_ws = false;
                    }
                    continue;
                }
                let ws = e & F_WS != 0;
                let fold = ws & in_ws;
                // SAFETY: `len < cap` by the invariant above.
                unsafe { ptr.add(len).write(T::from_cp(e as u32)) };
                if (e >> 32) & 1 != 0 && !fold {
                    rec.unit(i, 1);
                    len += 1;
                } else if fold & (e & F_LINE != 0) {
                    // SAFETY: an open run's character is the last unit written.
                    unsafe { ptr.add(len - 1).write(T::from_cp(0x0A)) };
                }
                or |= e as u32;
                in_ws = ws | (in_ws & (e & F_DEL != 0));
                continue;
            }
            let a = self.action(cp);
            if a == KEEP {
                rec.unit(i, 1);
                push!(u);
                or |= cp;
                in_ws = false;
                continue;
            }
            match a & TAG {
                DELETE => {}
                MAP => {
                    rec.unit(i, 1);
                    let c = a >> 3;
                    push!(T::from_cp(c));
                    or |= c;
                    in_ws = false;
                }
                SPACE => {
                    if !in_ws {
                        rec.unit(i, 1);
                        push!(T::from_cp(0x20));
                        or |= 0x20;
                        in_ws = true;
                    }
                }
                LINE => {
                    if in_ws {
                        // SAFETY: an open run means its character is the last one written.
                        unsafe { ptr.add(len - 1).write(T::from_cp(0x0A)) };
                    } else {
                        rec.unit(i, 1);
                        push!(T::from_cp(0x0A));
                        or |= 0x0A;
                        in_ws = true;
                    }
                }
                EXPAND => {
                    let cps = self.expansion(a);
                    rec.unit(i, cps.len());
                    let need = cps.len() + (n - i - 1);
                    if cap - len < need {
                        (ptr, cap) = grow(out, len, need);
                    }
                    for &c in cps {
                        push!(T::from_cp(c));
                        or |= c;
                    }
                    in_ws = false;
                }
                _ => {
                    result = Err(i);
                    break;
                }
            }
        }
        // SAFETY: the first `len` elements are initialized.
        unsafe { out.set_len(len) };
        (result.map(|_| or), rec)
    }

    /// Kernel over UTF-8, validating as it goes: appends the normalized UTF-8 of the valid
    /// prefix to `out`. `in_ws` says whether a white-space run is open before `src`; a
    /// combining mark may rewrite a letter of `out` from byte `floor` on.
    ///
    /// Characters below U+0800 (ASCII, Latin, Arabic) take a branch-free path: one table
    /// entry gives their output bytes, length and white-space flags, and four bytes are
    /// stored unconditionally (the output keeps 8 bytes of slack) before the length advances.
    fn run_utf8(&self, src: &[u8], out: &mut Vec<u8>, in_ws: bool, floor: usize) -> Utf8Run {
        prefetch(src.as_ptr(), src.len());
        let (mut ptr, mut len, mut cap, mut i, mut ws, mut error);
        out.reserve(src.len() + 8);
        (ptr, len, cap) = (out.as_mut_ptr(), out.len(), out.capacity());
        (i, ws, error) = (0usize, in_ws, None);
        let n = src.len();
        let simd = scan::has_avx2();
        // After a short run, characters go one by one for a while (diacritized text changes
        // every other character: scanning there would not pay).
        let mut patience = 0u32;
        let mut backoff = 0u32;
        while i < n && error.is_none() {
            #[cfg(target_arch = "x86_64")]
            if simd && patience == 0 && !ws && i >= 1 && i + 32 <= n {
                // SAFETY: AVX2 is present; `i` is a character boundary after valid UTF-8;
                // `cap - len >= n - i + 8` (kernel invariant) gives the scan its room.
                let end = unsafe { scan::copy_keep_run(&self.scan, src, i, ptr.add(len)) };
                let run = end - i;
                if run > 0 {
                    len += run;
                    i = end;
                    // a run may end with a single space, which opens a white-space run
                    ws = src[i - 1] == b' ' && self.options.whitespace;
                }
                // back off (up to 64 characters) while runs stay short
                if run < 8 {
                    backoff = (backoff * 2).clamp(4, 64);
                    patience = backoff;
                } else {
                    backoff = 0;
                }
                if i >= n {
                    break;
                }
            }
            // a batch of ASCII and two-byte characters in a tight loop
            let budget = patience.max(1) as usize;
            // SAFETY: `cap - len >= n - i + 8` (kernel invariant).
            let (ni, nlen, nws) = unsafe { self.utf8_batch(src, i, ptr, len, ws, budget) };
            let done = ni != i;
            (i, len, ws) = (ni, nlen, nws);
            patience = patience.saturating_sub(budget as u32);
            if !done && i < n {
                utf8_step!(self, src, i, out, ptr, len, cap, ws, error, floor);
            }
        }
        // SAFETY: the first `len` bytes are initialized.
        unsafe { out.set_len(len) };
        Utf8Run {
            consumed: i,
            open: ws,
            error,
        }
    }

    /// Up to `budget` ASCII and two-byte characters from `src[i]` through their branch-free
    /// entries, stopping before any other character; returns `(i, len, in_ws)` after them.
    ///
    /// # Safety
    /// `dst` must have room for `src.len() - i + 8` bytes after `len`.
    #[inline(always)]
    unsafe fn utf8_batch(
        &self,
        src: &[u8],
        mut i: usize,
        dst: *mut u8,
        mut len: usize,
        mut ws: bool,
        budget: usize,
    ) -> (usize, usize, bool) {
        let table: &[u64; 0x1000] = &self.fast_ws;
        let n = src.len();
        // about `budget` characters (two bytes each in Arabic), never the last byte alone
        let stop = n.saturating_sub(1).min(i.saturating_add(2 * budget));
        let p = src.as_ptr();
        while i < stop {
            // SAFETY: `i < stop <= n - 1`, so `i` and `i + 1` are inside `src`.
            let (b0, b1) = unsafe { (*p.add(i) as u32, *p.add(i + 1) as u32) };
            let (idx, width) = if b0 < 0x80 {
                (b0, 1)
            } else if b0.wrapping_sub(0xC2) < 0x1E && b1 & 0xC0 == 0x80 {
                ((b0 & 0x1F) << 6 | (b1 & 0x3F), 2)
            } else {
                break;
            };
            let e = table[(ws as usize) << 11 | idx as usize];
            if e & F_SPECIAL != 0 {
                break;
            }
            // SAFETY: output never outgrows the input read; 8 bytes of slack (caller).
            unsafe { (dst.add(len) as *mut u32).write_unaligned((e as u32).to_le()) };
            len += (e >> 32) as usize & 7;
            if e & W_LINE_FIX != 0 {
                // SAFETY: an open run's character is the last byte written.
                unsafe { dst.add(len - 1).write(b'\n') };
            }
            ws = e & W_OPEN != 0;
            i += width;
        }
        (i, len, ws)
    }

    /// The general path of [`Normalizer::run_utf8`] for the character at `src[i]`: returns the
    /// next index, the output cursor and the white-space state, or `Err(truncated)` for
    /// invalid UTF-8.
    #[inline(never)]
    fn step_utf8(
        &self,
        src: &[u8],
        i: usize,
        out: &mut Vec<u8>,
        cursor: Cursor,
        in_ws: bool,
        floor: usize,
    ) -> Result<(usize, Cursor, bool), bool> {
        let (mut ptr, mut len, mut cap) = cursor;
        let n = src.len();
        let (cp, width) = if src[i] < 0x80 {
            (src[i] as u32, 1)
        } else {
            decode_utf8_slow(src, i)?
        };
        let next = i + width;
        let a = self.lookup(cp);
        if a == COMPOSE && len >= floor + 2 {
            // a combining hamza or madda: rewrites the two-byte letter written before it
            // SAFETY: `len - 2 >= floor`: bytes of this run's output.
            let (b0, b1) = unsafe { (*ptr.add(len - 2) as u32, *ptr.add(len - 1) as u32) };
            if (0xC2..0xE0).contains(&b0) && b1 & 0xC0 == 0x80 {
                if let Some(c) = self.composed((b0 & 0x1F) << 6 | (b1 & 0x3F), cp) {
                    // SAFETY: two bytes for the two bytes of the letter.
                    unsafe { encode_utf8_raw(c, ptr.add(len - 2)) };
                    return Ok((next, (ptr, len, cap), false));
                }
            }
        }
        let mut reserve = |need: usize, len: usize| {
            if cap - len < need + 8 {
                (ptr, cap) = grow(out, len, need + 8);
            }
        };
        let ws = match a & TAG {
            KEEP | COMPOSE => {
                // SAFETY: the bytes replace themselves (slack as in `run_utf8`).
                unsafe { std::ptr::copy_nonoverlapping(src.as_ptr().add(i), ptr.add(len), width) };
                len += width;
                false
            }
            DELETE => in_ws,
            MAP => {
                reserve(4 + (n - next), len);
                // SAFETY: room reserved just above.
                len += unsafe { encode_utf8_raw(a >> 3, ptr.add(len)) };
                false
            }
            SPACE | LINE => {
                if !in_ws {
                    // SAFETY: one byte for an input character of one byte or more.
                    unsafe { ptr.add(len).write(if a == LINE { b'\n' } else { b' ' }) };
                    len += 1;
                } else if a == LINE {
                    // SAFETY: an open run's character is the last byte written.
                    unsafe { ptr.add(len - 1).write(b'\n') };
                }
                true
            }
            EXPAND => {
                let cps = self.expansion(a);
                reserve(4 * cps.len() + (n - next), len);
                for &c in cps {
                    // SAFETY: room reserved just above.
                    len += unsafe { encode_utf8_raw(c, ptr.add(len)) };
                }
                false
            }
            _ => in_ws, // UTF-8 holds no surrogates
        };
        Ok((next, (ptr, len, cap), ws))
    }

    /// Branch-free kernel over fixed-width code units without an offset map (see
    /// [`Normalizer::run_utf8`]); characters from U+0800 on take the general path.
    fn run_units_fast<T: CodeUnit>(&self, input: &[T], out: &mut Vec<T>) -> Result<u32, usize> {
        let n = input.len();
        prefetch(input.as_ptr() as *const u8, std::mem::size_of_val(input));
        out.reserve(n + 8);
        let (mut ptr, mut len, mut cap) = (out.as_mut_ptr(), out.len(), out.capacity());
        let floor = len;
        let fast: &[u64; 0x800] = &self.fast_units;
        let mut or = 0u32;
        let mut in_ws = false;
        let mut result = Ok(());
        for (i, &u) in input.iter().enumerate() {
            let cp = u.get();
            if cp < 0x800 {
                let e = fast[cp as usize];
                if e & F_SPECIAL != 0 {
                    // a combining hamza or madda (see `run_units`)
                    // SAFETY: `floor < len`: a unit of this run's output.
                    let prev = (len > floor).then(|| unsafe { ptr.add(len - 1).read() }.get());
                    let c = prev.and_then(|p| self.composed(p, cp));
                    // SAFETY: rewrites the last unit, or one unit for one unit.
                    unsafe {
                        match c {
                            Some(c) => ptr.add(len - 1).write(T::from_cp(c)),
                            None => {
                                ptr.add(len).write(u);
                                len += 1;
                                in_ws = false;
                            }
                        }
                    }
                    or |= c.unwrap_or(cp);
                    continue;
                }
                let ws = e & F_WS != 0;
                let fold = ws & in_ws;
                // SAFETY: `len < cap`: at most one unit out per unit in, except expansions,
                // which reserve room for themselves and the rest of the input.
                unsafe { ptr.add(len).write(T::from_cp(e as u32)) };
                len += ((e >> 32) as usize & 1) * (!fold as usize);
                if fold & (e & F_LINE != 0) {
                    // SAFETY: an open run's character is the last unit written.
                    unsafe { ptr.add(len - 1).write(T::from_cp(0x0A)) };
                }
                or |= e as u32;
                in_ws = ws | (in_ws & (e & F_DEL != 0));
                continue;
            }
            let a = self.action(cp);
            match a & TAG {
                KEEP | MAP => {
                    let c = if a == KEEP { cp } else { a >> 3 };
                    // SAFETY: one unit for one unit (see above).
                    unsafe { ptr.add(len).write(T::from_cp(c)) };
                    len += 1;
                    or |= c;
                    in_ws = false;
                }
                DELETE => {}
                SPACE | LINE => {
                    let c = if a == LINE { 0x0A } else { 0x20 };
                    if !in_ws {
                        // SAFETY: one unit for one unit.
                        unsafe { ptr.add(len).write(T::from_cp(c)) };
                        len += 1;
                        or |= c;
                        in_ws = true;
                    } else if a == LINE {
                        // SAFETY: an open run's character is the last unit written.
                        unsafe { ptr.add(len - 1).write(T::from_cp(0x0A)) };
                    }
                }
                EXPAND => {
                    let cps = self.expansion(a);
                    let need = cps.len() + (n - i - 1) + 8;
                    if cap - len < need {
                        (ptr, cap) = grow(out, len, need);
                    }
                    for &c in cps {
                        // SAFETY: room reserved just above.
                        unsafe { ptr.add(len).write(T::from_cp(c)) };
                        len += 1;
                        or |= c;
                    }
                    in_ws = false;
                }
                _ => {
                    result = Err(i);
                    break;
                }
            }
        }
        // SAFETY: the first `len` units are initialized.
        unsafe { out.set_len(len) };
        result.map(|_| or)
    }
}

/// An output cursor of the UTF-8 kernel: pointer, length and capacity of its `Vec`.
type Cursor = (*mut u8, usize, usize);

/// How a UTF-8 kernel run ended.
struct Utf8Run {
    /// Bytes read (all of them, or up to the first invalid or incomplete character).
    consumed: usize,
    /// Whether a white-space run is open at the end.
    open: bool,
    /// `Some(truncated)` when the run stopped at invalid UTF-8 (`truncated`: the input ends
    /// inside a character whose bytes so far are valid).
    error: Option<bool>,
}

/// Ask the CPU to start loading the first `bytes` (at most 64 KiB) of `ptr`'s data now: a
/// document's storage is usually cold, and one miss per cache line in turn costs more than
/// normalizing it. A hint only; no effect on results.
#[inline(always)]
fn prefetch(ptr: *const u8, bytes: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let mut off = 0;
        while off < bytes.min(1 << 16) {
            // SAFETY: prefetching is a hint; SSE is part of x86_64; `off` stays inside the
            // data (the address is never dereferenced by this instruction anyway).
            unsafe { _mm_prefetch::<_MM_HINT_T0>(ptr.wrapping_add(off) as *const i8) };
            off += 64;
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (ptr, bytes);
}

/// Give `vec` room for `extra` more elements after its first `len` ones; the new cursor.
#[cold]
#[inline(never)]
fn grow<T>(vec: &mut Vec<T>, len: usize, extra: usize) -> (*mut T, usize) {
    // SAFETY: the first `len` elements are initialized.
    unsafe { vec.set_len(len) };
    vec.reserve(extra);
    (vec.as_mut_ptr(), vec.capacity())
}

/// Write the UTF-8 of `cp` (a scalar value) at `dst`; returns its length.
///
/// # Safety
/// `dst` must have room for 4 bytes.
#[inline(always)]
unsafe fn encode_utf8_raw(cp: u32, dst: *mut u8) -> usize {
    let ch = char::from_u32(cp).unwrap_or('\u{FFFD}');
    let mut tmp = [0u8; 4];
    let bytes = ch.encode_utf8(&mut tmp).as_bytes();
    // SAFETY: at most 4 bytes, room guaranteed by the caller.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst, bytes.len()) };
    bytes.len()
}

/// Decode the character at `src[i]` (not ASCII) with full validation: `(code point, width)`,
/// or `Err(truncated)` for invalid UTF-8 (`truncated`: valid so far but cut by the end).
#[inline(never)]
fn decode_utf8_slow(src: &[u8], i: usize) -> Result<(u32, usize), bool> {
    let b0 = src[i];
    let (width, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return Err(false),
    };
    let mut cp = (b0 as u32) & (0x7F >> width);
    for k in 1..width {
        let Some(&b) = src.get(i + k) else {
            return Err(true);
        };
        let ok = if k == 1 {
            (lo..=hi).contains(&b)
        } else {
            b & 0xC0 == 0x80
        };
        if !ok {
            return Err(false);
        }
        cp = cp << 6 | (b as u32 & 0x3F);
    }
    Ok((cp, width))
}

/// Receives the units of a kernel run (the offset map, or nothing).
trait Recorder {
    fn unit(&mut self, orig: usize, count: usize);
}

impl Recorder for MapBuilder {
    #[inline(always)]
    fn unit(&mut self, orig: usize, count: usize) {
        MapBuilder::unit(self, orig, count)
    }
}

fn surrogate_error(position: usize) -> TextError {
    TextError {
        position,
        reason: "lone surrogate".to_string(),
    }
}

/// A fixed-width code unit: `u8` (latin-1), `u16` (UCS-2) or `u32` (UCS-4).
pub trait CodeUnit: Copy + Send + Sync + 'static {
    /// The code point this unit holds.
    fn get(self) -> u32;
    /// The unit holding `cp` (which must fit).
    fn from_cp(cp: u32) -> Self;
}

impl CodeUnit for u8 {
    #[inline(always)]
    fn get(self) -> u32 {
        self as u32
    }
    #[inline(always)]
    fn from_cp(cp: u32) -> Self {
        cp as u8
    }
}

impl CodeUnit for u16 {
    #[inline(always)]
    fn get(self) -> u32 {
        self as u32
    }
    #[inline(always)]
    fn from_cp(cp: u32) -> Self {
        cp as u16
    }
}

impl CodeUnit for u32 {
    #[inline(always)]
    fn get(self) -> u32 {
        self
    }
    #[inline(always)]
    fn from_cp(cp: u32) -> Self {
        cp
    }
}

// ---- output sinks ----

/// Where the engine puts its output, unit by unit.
trait Out {
    /// A unit starting at original index `orig` yields the one code point `cp`.
    fn unit(&mut self, orig: usize, cp: u32);
    /// A unit starting at original index `orig` yields several code points.
    fn units(&mut self, orig: usize, cps: &[u32]);
    /// The open white-space run (the last unit, `" "` so far) contains a line break.
    fn line_break(&mut self);
    /// The last code point of the unit before, if any (a combining mark rewrites it).
    fn last_mut(&mut self) -> Option<&mut u32>;
}

struct EmitOut<F> {
    emit: F,
    /// Original start of the pending unit.
    start: usize,
    /// Characters of the pending unit (its end is known when the next unit starts).
    pending: Vec<u32>,
}

impl<F: FnMut(char, usize, usize)> EmitOut<F> {
    fn flush(&mut self, end: usize) {
        for &c in &self.pending {
            (self.emit)(char::from_u32(c).unwrap_or('\u{FFFD}'), self.start, end);
        }
        self.pending.clear();
    }
}

impl<F: FnMut(char, usize, usize)> Out for EmitOut<F> {
    fn unit(&mut self, orig: usize, cp: u32) {
        self.flush(orig);
        self.start = orig;
        self.pending.push(cp);
    }
    fn units(&mut self, orig: usize, cps: &[u32]) {
        self.flush(orig);
        self.start = orig;
        self.pending.extend_from_slice(cps);
    }
    fn line_break(&mut self) {
        if let Some(last) = self.pending.last_mut() {
            *last = 0x0A;
        }
    }
    fn last_mut(&mut self) -> Option<&mut u32> {
        self.pending.last_mut()
    }
}

// ---- streaming over UTF-8 chunks ----

/// Normalizes UTF-8 that arrives in chunks of any size (split anywhere, even inside a
/// character), giving exactly the bytes [`Normalizer::normalize_utf8`] gives on the whole.
///
/// An open white-space run is held back until the next chunk shows whether it continues;
/// an incomplete character at the end of a chunk waits for the next one. A combining hamza
/// or madda starting a chunk joins the letter ending the output of the chunk before, so
/// `out` must keep that output (append the chunks' output to one buffer).
#[derive(Debug)]
pub struct StreamNormalizer {
    normalizer: Normalizer,
    /// Bytes of an incomplete character at the end of the last chunk.
    carry: Vec<u8>,
    /// The held-back character of an open white-space run (`b' '` or `b'\n'`), if any.
    pending_ws: Option<u8>,
    /// Bytes consumed before `carry`.
    consumed: usize,
}

impl StreamNormalizer {
    /// A stream normalizer running `normalizer`.
    pub fn new(normalizer: Normalizer) -> StreamNormalizer {
        StreamNormalizer {
            normalizer,
            carry: Vec::new(),
            pending_ws: None,
            consumed: 0,
        }
    }

    /// Normalize the next chunk, appending what can already be written to `out`.
    pub fn feed(&mut self, chunk: &[u8], out: &mut Vec<u8>) -> Result<(), Utf8Error> {
        let joined;
        let data: &[u8] = if self.carry.is_empty() {
            chunk
        } else {
            let mut j = std::mem::take(&mut self.carry);
            j.extend_from_slice(chunk);
            joined = j;
            &joined
        };
        let in_ws = match self.pending_ws.take() {
            Some(b) => {
                out.push(b);
                true
            }
            None => false,
        };
        // (a combining mark at the start may join the letter the last chunk ended with)
        let run = self.normalizer.run_utf8(data, out, in_ws, 0);
        if run.open {
            self.pending_ws = out.pop();
        }
        match run.error {
            Some(false) => Err(Utf8Error {
                position: self.consumed + run.consumed,
                truncated: false,
            }),
            _ => {
                // A character cut by the end of the chunk waits for the next one.
                self.carry = data[run.consumed..].to_vec();
                self.consumed += run.consumed;
                Ok(())
            }
        }
    }

    /// End of input: append the held-back white space; an incomplete character is an error.
    pub fn finish(&mut self, out: &mut Vec<u8>) -> Result<(), Utf8Error> {
        if !self.carry.is_empty() {
            let position = self.consumed;
            self.carry.clear();
            return Err(Utf8Error {
                position,
                truncated: true,
            });
        }
        if let Some(b) = self.pending_ws.take() {
            out.push(b);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
