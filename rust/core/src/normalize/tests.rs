use super::*;

const CASES: &str = include_str!("../../../../tests/data/normalize_cases.tsv");

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some(k @ ('u' | 'U')) => {
                let width = if k == 'u' { 4 } else { 8 };
                let hex: String = chars.by_ref().take(width).collect();
                let cp = u32::from_str_radix(&hex, 16).expect("hex escape");
                out.push(char::from_u32(cp).expect("escaped char"));
            }
            other => panic!("bad escape \\{other:?}"),
        }
    }
    out
}

fn parse_options(spec: &str) -> NormalizeOptions {
    let mut o = NormalizeOptions::default();
    for word in spec.split_whitespace() {
        match word {
            "default" => o = NormalizeOptions::default(),
            "none" => o = NormalizeOptions::none(),
            w if w.starts_with('+') => o.set(&w[1..], true).expect("known option"),
            w if w.starts_with('-') => o.set(&w[1..], false).expect("known option"),
            w => panic!("bad option word {w}"),
        }
    }
    o
}

fn cases() -> Vec<(String, NormalizeOptions, String, String)> {
    CASES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "line {l:?}");
            (
                f[0].to_string(),
                parse_options(f[1]),
                unescape(f[2]),
                unescape(f[3]),
            )
        })
        .collect()
}

fn units_of(n: &Normalizer, text: &str) -> Vec<(char, usize, usize)> {
    let mut v = Vec::new();
    n.normalize_chars(text.chars(), |c, s, e| v.push((c, s, e)));
    v
}

#[test]
fn table_cases() {
    let cases = cases();
    assert!(cases.len() > 40);
    for (name, opts, input, expected) in cases {
        let n = Normalizer::new(opts);
        assert_eq!(n.normalize(&input), expected, "case {name}");
        let (text, map) = n.normalize_with_map(&input);
        assert_eq!(text, expected, "case {name} (with map)");
        assert_eq!(map.original_len(), input.chars().count(), "case {name}");
        assert_eq!(
            map.normalized_len(),
            expected.chars().count(),
            "case {name}"
        );
        let mut bytes = Vec::new();
        n.normalize_utf8(input.as_bytes(), &mut bytes).unwrap();
        assert_eq!(bytes, expected.as_bytes(), "case {name} (utf8)");
        let streamed: String = units_of(&n, &input).into_iter().map(|u| u.0).collect();
        assert_eq!(streamed, expected, "case {name} (normalize_chars)");
        let wide: Vec<u32> = input.chars().map(u32::from).collect();
        let mut out = Vec::new();
        n.normalize_units(&wide, &mut out).unwrap();
        let back: String = out.iter().map(|&c| char::from_u32(c).unwrap()).collect();
        assert_eq!(back, expected, "case {name} (ucs4)");
    }
}

#[test]
fn options_round_trip_and_reject_unknown_names() {
    let d = NormalizeOptions::default();
    assert_eq!(NormalizeOptions::from_bits(d.bits()), d);
    assert!(!d.teh_marbuta && !d.hamza && !d.punctuation && !d.digits);
    let mut o = NormalizeOptions::default();
    assert_eq!(o.set("tashkeel", true).unwrap_err().name, "tashkeel");
    o.set("hamza", true).unwrap();
    assert!(o.hamza);
}

#[test]
fn offsets_of_a_diacritized_sentence() {
    let n = Normalizer::default();
    let original = "قَصَفَتْ الطَّائِرَاتُ ﻻ";
    let (text, map) = n.normalize_with_map(original);
    assert_eq!(text, "قصفت الطائرات لا");
    let chars: Vec<char> = original.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    // "قصفت" maps to the whole diacritized word, trailing sukun included.
    assert_eq!(map.to_original(0, 4), (0, 8));
    assert_eq!(slice(0, 8), "قَصَفَتْ");
    assert_eq!(map.to_original(5, 13), (9, 22));
    assert_eq!(slice(9, 22), "الطَّائِرَاتُ");
    // The lam-alef ligature is one unit for two characters.
    assert_eq!(map.to_original(14, 16), (23, 24));
    assert_eq!(map.to_original(15, 16), (23, 24));
    assert_eq!(map.to_original(16, 16), (24, 24));
    assert!(map.checked_to_original(3, 17).is_err());
}

#[test]
fn lone_surrogates_are_rejected_with_their_position() {
    let n = Normalizer::default();
    let input: Vec<u16> = vec![0x0628, 0x064E, 0xD800, 0x0627];
    let err = n.normalize_units(&input, &mut Vec::new()).unwrap_err();
    assert_eq!(err.position, 2);
    let err = n
        .normalize_units_with_map(&[0x61u32, 0xDFFF], &mut Vec::new())
        .unwrap_err();
    assert_eq!(err.position, 1);
}

#[test]
fn invalid_utf8_names_the_byte() {
    let n = Normalizer::default();
    let mut out = Vec::new();
    let err = n.normalize_utf8(b"ab\xd8\xa8\xff", &mut out).unwrap_err();
    assert_eq!(
        err,
        Utf8Error {
            position: 4,
            truncated: false
        }
    );
    let err = n.normalize_utf8(b"ab\xd8", &mut out).unwrap_err();
    assert_eq!(
        err,
        Utf8Error {
            position: 2,
            truncated: true
        }
    );
    assert!(out.is_empty());
}

#[test]
fn output_width_or_fits_the_narrowest_kind() {
    let n = Normalizer::default();
    // Arabic whose Arabic is all deleted leaves ASCII: the OR says so.
    let input: Vec<u16> = "a\u{064E}\u{0640} b".encode_utf16().collect();
    let mut out = Vec::new();
    let or = n.normalize_units(&input, &mut out).unwrap();
    assert!(or < 0x80);
    assert_eq!(out, "a b".encode_utf16().collect::<Vec<_>>());
}

/// A small deterministic generator (xorshift) for property tests without dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[(self.next() % v.len() as u64) as usize]
    }
}

const ALPHABET: &[char] = &[
    'ب', 'ت', 'ل', 'ا', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ي', 'ة', 'ؤ', 'ئ', 'ی', 'ک', 'ۀ', '\u{064E}',
    '\u{0651}', '\u{0652}', '\u{0670}', '\u{0610}', '\u{06DA}', 'ـ', '٣', '۴', '٫', '٬',
    '\u{FEFB}', '\u{FEF7}', '\u{FDFA}', '\u{FE70}', '\u{FE71}', '\u{FC60}', '\u{FE8D}', '\u{200C}',
    '\u{200F}', '\u{061C}', '\u{202B}', '\u{2066}', '\u{FEFF}', '\u{00AD}', ' ', ' ', '\n', '\t',
    '\r', '\u{00A0}', '\u{2003}', '😀', '𝔸', 'a', 'Z', '7', '،', '«', '»', '“', '”', '؟',
    // combining hamza and madda (NFD) and letters they compose with
    '\u{0653}', '\u{0654}', '\u{0655}', 'و', 'ە', 'ے',
];

fn random_text(rng: &mut Rng, max_len: u64) -> String {
    let len = rng.next() % (max_len + 1);
    (0..len).map(|_| rng.pick(ALPHABET)).collect()
}

/// `normalize(original[s..e]) == normalized[ns..ne]` for every span between whole units.
#[test]
fn offset_invariant_holds_on_random_text() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let option_sets = [
        NormalizeOptions::default(),
        NormalizeOptions::from_bits(0x0FFF),
        NormalizeOptions::none(),
        NormalizeOptions {
            diacritics: false,
            whitespace: false,
            ..Default::default()
        },
        NormalizeOptions {
            presentation_forms: false,
            invisible: false,
            ..Default::default()
        },
    ];
    let normalizers: Vec<Normalizer> = option_sets.iter().map(|&o| Normalizer::new(o)).collect();
    for round in 0..300 {
        let n = &normalizers[round % normalizers.len()];
        let original = random_text(&mut rng, 24);
        let chars: Vec<char> = original.chars().collect();
        let (text, map) = n.normalize_with_map(&original);
        let out: Vec<char> = text.chars().collect();
        let units = units_of(n, &original);
        assert_eq!(units.len(), out.len());
        // normalize_chars and the map agree on every character's unit.
        for (k, &(c, s, e)) in units.iter().enumerate() {
            assert_eq!(c, out[k]);
            assert_eq!(map.to_original(k, k + 1), (s, e), "{original:?} char {k}");
        }
        let starts: Vec<usize> = (0..=out.len())
            .filter(|&k| k == 0 || k == out.len() || units[k].1 != units[k - 1].1)
            .collect();
        for (i, &ns) in starts.iter().enumerate() {
            for &ne in &starts[i..] {
                let (s, e) = map.to_original(ns, ne);
                let sub: String = chars[s..e].iter().collect();
                let want: String = out[ns..ne].iter().collect();
                assert_eq!(
                    n.normalize(&sub),
                    want,
                    "{original:?} span {ns}..{ne} -> {s}..{e}"
                );
            }
        }
    }
}

/// Feeding UTF-8 in chunks split anywhere gives the same bytes as the whole input.
#[test]
fn stream_matches_whole_input_at_every_split() {
    let mut rng = Rng(42);
    let n = Normalizer::default();
    for _ in 0..200 {
        let original = random_text(&mut rng, 30);
        let bytes = original.as_bytes();
        let mut whole = Vec::new();
        n.normalize_utf8(bytes, &mut whole).unwrap();
        let cut1 = (rng.next() as usize) % (bytes.len() + 1);
        let cut2 = cut1 + (rng.next() as usize) % (bytes.len() - cut1 + 1);
        let mut s = StreamNormalizer::new(n.clone());
        let mut out = Vec::new();
        for part in [&bytes[..cut1], &bytes[cut1..cut2], &bytes[cut2..]] {
            s.feed(part, &mut out).unwrap();
        }
        s.finish(&mut out).unwrap();
        assert_eq!(out, whole, "{original:?} cut at {cut1}, {cut2}");
    }
}

#[test]
fn stream_reports_absolute_byte_positions() {
    let mut s = StreamNormalizer::new(Normalizer::default());
    let mut out = Vec::new();
    s.feed("بب".as_bytes(), &mut out).unwrap();
    s.feed(b"\xd8", &mut out).unwrap();
    let err = s.feed(b"x", &mut out).unwrap_err();
    assert_eq!(err.position, 4);
    let mut s = StreamNormalizer::new(Normalizer::default());
    s.feed(b"ab\xd8", &mut out).unwrap();
    assert_eq!(
        s.finish(&mut out).unwrap_err(),
        Utf8Error {
            position: 2,
            truncated: true
        }
    );
}

#[test]
fn never_panics_on_any_bmp_char() {
    let n = Normalizer::new(NormalizeOptions::from_bits(0x0FFF));
    let all: Vec<u16> = (0..=0xFFFFu32)
        .filter(|c| !(0xD800..=0xDFFF).contains(c))
        .map(|c| c as u16)
        .collect();
    let (_, map) = n.normalize_units_with_map(&all, &mut Vec::new()).unwrap();
    assert_eq!(map.original_len(), all.len());
}

#[test]
fn only_listed_blocks_hold_actions() {
    // The compile step skips blocks outside its list: check that no class reaches outside it.
    let o = NormalizeOptions::from_bits(0x0FFF);
    let n = Normalizer::new(o);
    let mut pool = Vec::new();
    for cp in 0..0x10000u32 {
        let (got, want) = (n.action(cp), Normalizer::compile(&o, cp, &mut pool));
        assert_eq!(got & TAG, want & TAG, "U+{cp:04X}");
        if want & TAG != EXPAND {
            assert_eq!(got, want, "U+{cp:04X}");
        }
    }
}

/// The fused UTF-8 validation agrees with `std::str::from_utf8` on random bytes.
#[test]
fn utf8_validation_matches_std() {
    let bytes = [
        0x00, 0x20, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xD8, 0xD9,
        0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
    ];
    let mut rng = Rng(7);
    let n = Normalizer::default();
    for _ in 0..20000 {
        let len = (rng.next() % 7) as usize;
        let data: Vec<u8> = (0..len).map(|_| rng.pick(&bytes)).collect();
        let mut out = Vec::new();
        let got = n.normalize_utf8(&data, &mut out);
        match std::str::from_utf8(&data) {
            Ok(s) => assert_eq!(out, n.normalize(s).into_bytes(), "{data:x?}"),
            Err(e) => assert_eq!(
                got,
                Err(Utf8Error {
                    position: e.valid_up_to(),
                    truncated: e.error_len().is_none()
                }),
                "{data:x?}"
            ),
        }
    }
}

/// The kernels (UTF-8, UCS-2, UCS-4, generic) agree on random text under every option set.
#[test]
fn kernels_agree() {
    let mut rng = Rng(99);
    for round in 0..600u64 {
        let n = Normalizer::new(NormalizeOptions::from_bits((round * 373 % 4096) as u16));
        let text = random_text(&mut rng, 40);
        // the reference: the generic engine behind `normalize_chars`
        let units = units_of(&n, &text);
        let generic: String = units.iter().map(|u| u.0).collect();
        assert_eq!(n.normalize(&text), generic, "{text:?}");
        let wide: Vec<u32> = text.chars().map(u32::from).collect();
        let (with_map, map) = n.normalize_with_map(&text);
        assert_eq!(with_map, generic, "{text:?}");
        for (k, &(_, s, e)) in units.iter().enumerate() {
            assert_eq!(map.to_original(k, k + 1), (s, e), "{text:?} char {k}");
        }
        let mut out32 = Vec::new();
        n.normalize_units(&wide, &mut out32).unwrap();
        assert_eq!(
            out32,
            generic.chars().map(u32::from).collect::<Vec<_>>(),
            "{text:?}"
        );
        if wide.iter().all(|&c| c < 0x10000) {
            let narrow: Vec<u16> = wide.iter().map(|&c| c as u16).collect();
            let mut out16 = Vec::new();
            n.normalize_units(&narrow, &mut out16).unwrap();
            let back: Vec<u32> = out16.iter().map(|&c| c as u32).collect();
            assert_eq!(back, out32, "{text:?}");
        }
    }
}

/// No step maps a character to a wider storage kind (latin-1 stays latin-1, BMP stays BMP),
/// which the code-unit kernels rely on.
#[test]
fn outputs_fit_the_input_width() {
    let n = Normalizer::new(NormalizeOptions::from_bits(0x0FFF));
    for cp in (0..0x10000u32).filter(|c| !(0xD800..=0xDFFF).contains(c)) {
        let ch = char::from_u32(cp).unwrap();
        let limit = if cp < 0x100 { 0x100 } else { 0x10000 };
        for out in n.normalize(&ch.to_string()).chars() {
            assert!((out as u32) < limit, "U+{cp:04X} -> U+{:04X}", out as u32);
        }
    }
}

/// Long inputs take the two-halves UTF-8 kernel: same output, same error positions.
#[test]
fn long_utf8_inputs_split_in_two_halves() {
    let mut rng = Rng(2024);
    let n = Normalizer::default();
    for _ in 0..60 {
        let text = random_text(&mut rng, 1500);
        let generic: String = units_of(&n, &text).into_iter().map(|u| u.0).collect();
        let mut out = b"prefix".to_vec();
        n.normalize_utf8(text.as_bytes(), &mut out).unwrap();
        assert_eq!(&out[6..], generic.as_bytes(), "{text:?}");
        // an invalid byte anywhere is reported at its position, nothing appended
        let mut bad = text.clone().into_bytes();
        let at = (rng.next() as usize) % (bad.len() + 1);
        let at = (at..bad.len())
            .find(|&k| bad[k] & 0xC0 != 0x80)
            .unwrap_or(bad.len());
        bad.insert(at, 0xFF);
        let mut out = b"x".to_vec();
        assert_eq!(
            n.normalize_utf8(&bad, &mut out),
            Err(Utf8Error {
                position: at,
                truncated: false
            })
        );
        assert_eq!(out, b"x");
        // streaming in two long chunks, the first cut inside a character
        let bytes = text.as_bytes();
        let cut = bytes.len() * 2 / 3;
        let mut s = StreamNormalizer::new(n.clone());
        let mut streamed = Vec::new();
        s.feed(&bytes[..cut], &mut streamed).unwrap();
        s.feed(&bytes[cut..], &mut streamed).unwrap();
        s.finish(&mut streamed).unwrap();
        assert_eq!(streamed, generic.as_bytes());
    }
}

/// Long plain runs with a rare special character at every offset: the vectorized scan for
/// unchanged runs must stop exactly where the generic engine changes something.
#[test]
fn vector_scan_stops_at_every_change() {
    let plain: Vec<char> = "بتثجحخدذرزسشصضطظعغفقكلمنهوي ءاة abcXYZ019é"
        .chars()
        .collect();
    let special: Vec<char> = ALPHABET
        .iter()
        .copied()
        .chain(['\u{0085}', '\u{00C0}', '\u{034F}', '\u{07FF}', '\u{0800}'])
        .collect();
    let mut rng = Rng(5);
    let option_sets = [
        NormalizeOptions::default(),
        NormalizeOptions::from_bits(0x0FFF),
        NormalizeOptions::none(),
    ];
    for opts in option_sets {
        let n = Normalizer::new(opts);
        for &sp in &special {
            for pos in 0..70 {
                let mut text: String = (0..120).map(|_| rng.pick(&plain)).collect();
                let at = text.char_indices().nth(pos).map(|(b, _)| b).unwrap();
                text.insert(at, sp);
                let generic: String = units_of(&n, &text).into_iter().map(|u| u.0).collect();
                assert_eq!(n.normalize(&text), generic, "{sp:?} at {pos}: {text:?}");
                let mut bad = text.clone().into_bytes();
                bad.insert(at, 0x80);
                assert_eq!(
                    n.normalize_utf8(&bad, &mut Vec::new()),
                    Err(Utf8Error {
                        position: at,
                        truncated: false
                    })
                );
            }
        }
    }
}

#[test]
fn normalizer_is_shareable_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Normalizer>();
    assert_send_sync::<OffsetMap>();
    let n = std::sync::Arc::new(Normalizer::default());
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let n = n.clone();
            std::thread::spawn(move || n.normalize("أَحْمَدُ"))
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), "احمد");
    }
}

/// NFD Arabic (a letter and a combining hamza or madda) normalizes like the composed letter,
/// in every kernel, with the mark in the letter's unit.
#[test]
fn decomposed_hamza_and_madda_join_their_letter() {
    for o in [NormalizeOptions::default(), NormalizeOptions::none()] {
        let n = Normalizer::new(o);
        for (nfd, nfc) in [
            ("ال\u{0627}\u{0654}نبار", "الأنبار"),
            ("\u{0627}\u{0653}مرلي", "آمرلي"),
            ("\u{0627}\u{0655}دلب", "إدلب"),
            ("مس\u{0648}\u{0654}ول", "مسؤول"),
            ("الط\u{0627}\u{064A}\u{0654}رة", "الطائرة"),
        ] {
            assert_eq!(n.normalize(nfd), n.normalize(nfc), "{nfd:?} {o:?}");
            let wide: Vec<u32> = nfd.chars().map(u32::from).collect();
            let mut out = Vec::new();
            n.normalize_units(&wide, &mut out).unwrap();
            let want: Vec<u32> = n.normalize(nfc).chars().map(u32::from).collect();
            assert_eq!(out, want, "{nfd:?}");
        }
        // the mark belongs to its letter's unit
        let (text, map) = n.normalize_with_map("ا\u{0654}ب");
        assert_eq!(text.chars().count(), 2);
        assert_eq!(map.to_original(0, 1), (0, 2));
        // a mark with no letter before it, or after another letter, is kept
        assert_eq!(n.normalize("\u{0654}ب"), "\u{0654}ب");
        assert_eq!(n.normalize("ب\u{0654}"), "ب\u{0654}");
    }
    // alef folding on: «أ» and «ا» + hamza both give «ا»; off: both give «أ»
    assert_eq!(Normalizer::default().normalize("ا\u{0654}"), "ا");
    assert_eq!(
        Normalizer::new(NormalizeOptions::none()).normalize("ا\u{0654}"),
        "أ"
    );
    // a stream cut between the letter and its mark gives the whole input's bytes
    let n = Normalizer::new(NormalizeOptions::none());
    let bytes = "سا\u{0654}ل".as_bytes();
    for cut in (0..=bytes.len()).filter(|&c| c % 2 == 0) {
        let mut s = StreamNormalizer::new(n.clone());
        let mut out = Vec::new();
        s.feed(&bytes[..cut], &mut out).unwrap();
        s.feed(&bytes[cut..], &mut out).unwrap();
        s.finish(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "سأل", "cut at {cut}");
    }
}
