//! Finding runs of UTF-8 that normalization leaves unchanged, 32 bytes at a time (AVX2).
//!
//! A run is a stretch of whole, valid characters whose action is "keep", where white space
//! is only a single ASCII space after a character that is not white space: the UTF-8 kernel
//! copies it as it is and resumes its per-character work after it. The test is conservative (a byte it cannot vouch for ends the run) and exact where it
//! matters for Arabic: the two-byte characters U+0600–U+06FF (lead bytes D8–DB) are checked
//! pair by pair against a 256-bit table built from the normalizer's actions.

/// Per-normalizer tables of the scanner.
#[derive(Clone, Debug)]
pub(crate) struct ScanTables {
    /// For lead bytes C0–CF (index `lead & 15`): 0xFF when that lead may start a changed
    /// character (or is invalid), else 0.
    lead_lo: [u8; 16],
    /// The same for lead bytes D0–DF. D8–DB are 0: their pairs are checked one by one.
    lead_hi: [u8; 16],
    /// Arabic pairs: row `(lead & 3) << 2 | (cont >> 4) & 3`, bit `cont & 7` of `pair_lo`
    /// (`cont & 15 < 8`) or `pair_hi`: set when the character changes.
    pair_lo: [u8; 16],
    pair_hi: [u8; 16],
}

impl ScanTables {
    /// Tables from `changes(cp)`: whether normalization may change code point `cp`
    /// (`cp < 0x800`).
    pub(crate) fn new(changes: impl Fn(u32) -> bool) -> ScanTables {
        let mut t = ScanTables {
            lead_lo: [0; 16],
            lead_hi: [0; 16],
            pair_lo: [0; 16],
            pair_hi: [0; 16],
        };
        for lead in 0xC0u32..=0xDF {
            let block = (lead & 0x1F) << 6;
            let unsafe_lead = if lead < 0xC2 {
                true // overlong encodings: invalid
            } else if (0xD8..=0xDB).contains(&lead) {
                false
            } else {
                (block..block + 64).any(&changes)
            };
            let slot = if lead < 0xD0 {
                &mut t.lead_lo
            } else {
                &mut t.lead_hi
            };
            slot[(lead & 15) as usize] = if unsafe_lead { 0xFF } else { 0 };
        }
        for lead in 0xD8u32..=0xDB {
            for cont in 0x80u32..=0xBF {
                let cp = (lead & 0x1F) << 6 | (cont & 0x3F);
                if changes(cp) {
                    let row = ((lead & 3) << 2 | (cont >> 4) & 3) as usize;
                    let bit = 1u8 << (cont & 7);
                    if cont & 8 == 0 {
                        t.pair_lo[row] |= bit;
                    } else {
                        t.pair_hi[row] |= bit;
                    }
                }
            }
        }
        t
    }
}

/// Whether the running CPU has AVX2 (checked once).
pub(crate) fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        use std::sync::OnceLock;
        static AVX2: OnceLock<bool> = OnceLock::new();
        *AVX2.get_or_init(|| std::is_x86_feature_detected!("avx2"))
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Copy the unchanged run of `src` starting at `start` to `dst`; returns the run's end.
///
/// The caller must not start a run inside an open white-space run (the space test looks at
/// the previous byte only).
///
/// # Safety
/// The CPU must support AVX2 ([`has_avx2`]). `start >= 1` must be a character boundary of
/// `src`, with `src[..start]` valid UTF-8, and `start + 32 <= src.len()`. `dst` must have
/// room for `src.len() - start` bytes (full 32-byte blocks are stored before being checked).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
pub(crate) unsafe fn copy_keep_run(
    t: &ScanTables,
    src: &[u8],
    start: usize,
    dst: *mut u8,
) -> usize {
    use std::arch::x86_64::*;
    let n = src.len();
    let p = src.as_ptr();
    // SAFETY (whole body): loads are of `src[j - 1 .. j + 32]` with `1 <= j`, `j + 32 <= n`;
    // stores are of `dst[j - start .. j - start + 32]`, inside the room the caller gave.
    unsafe {
        let lead_lo =
            _mm256_broadcastsi128_si256(_mm_loadu_si128(t.lead_lo.as_ptr() as *const __m128i));
        let lead_hi =
            _mm256_broadcastsi128_si256(_mm_loadu_si128(t.lead_hi.as_ptr() as *const __m128i));
        let pair_lo =
            _mm256_broadcastsi128_si256(_mm_loadu_si128(t.pair_lo.as_ptr() as *const __m128i));
        let pair_hi =
            _mm256_broadcastsi128_si256(_mm_loadu_si128(t.pair_hi.as_ptr() as *const __m128i));
        let bits = _mm256_setr_epi8(
            1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64,
            -128, 1, 2, 4, 8, 16, 32, 64, -128,
        );
        let zero = _mm256_setzero_si256();
        let in_range = |x: __m256i, lo: u8, width: u8| {
            let d = _mm256_sub_epi8(x, _mm256_set1_epi8(lo as i8));
            _mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8(width as i8)), d)
        };
        let mut j = start;
        while j + 32 <= n {
            let cur = _mm256_loadu_si256(p.add(j) as *const __m256i);
            let prev = _mm256_loadu_si256(p.add(j - 1) as *const __m256i);
            _mm256_storeu_si256(dst.add(j - start) as *mut __m256i, cur);
            // control characters and ASCII white space, except a single space after a
            // character that is not white space (it stays as it is)
            let lone_space = _mm256_andnot_si256(
                in_range(prev, 0, 0x20),
                _mm256_cmpeq_epi8(cur, _mm256_set1_epi8(0x20)),
            );
            let ascii_bad = _mm256_andnot_si256(lone_space, in_range(cur, 0, 0x20));
            let is_cont = _mm256_cmpeq_epi8(
                _mm256_and_si256(cur, _mm256_set1_epi8(0xC0u8 as i8)),
                _mm256_set1_epi8(0x80u8 as i8),
            );
            let prev_lead2 = in_range(prev, 0xC2, 0x1D);
            let cur_lead2 = in_range(cur, 0xC2, 0x1D);
            // structure: continuation without a lead, lead without a continuation
            let structure = _mm256_xor_si256(is_cont, prev_lead2);
            // C0, C1 and every 3- or 4-byte lead (E0..FF) go to the scalar path
            let other_lead = _mm256_andnot_si256(cur_lead2, in_range(cur, 0xC0, 0x3F));
            // two-byte leads of blocks with changed characters
            let low = _mm256_and_si256(cur, _mm256_set1_epi8(0x0F));
            let high_half = _mm256_cmpeq_epi8(
                _mm256_and_si256(cur, _mm256_set1_epi8(0x10)),
                _mm256_set1_epi8(0x10),
            );
            let lead_flag = _mm256_blendv_epi8(
                _mm256_shuffle_epi8(lead_lo, low),
                _mm256_shuffle_epi8(lead_hi, low),
                high_half,
            );
            let lead_bad = _mm256_and_si256(cur_lead2, lead_flag);
            // Arabic pairs (prev lead D8..DB, cur continuation)
            let row = _mm256_or_si256(
                _mm256_slli_epi16(_mm256_and_si256(prev, _mm256_set1_epi8(3)), 2),
                _mm256_and_si256(_mm256_srli_epi16(cur, 4), _mm256_set1_epi8(3)),
            );
            let row_bits = _mm256_blendv_epi8(
                _mm256_shuffle_epi8(pair_lo, row),
                _mm256_shuffle_epi8(pair_hi, row),
                _mm256_slli_epi16(cur, 4),
            );
            let bit = _mm256_shuffle_epi8(bits, _mm256_and_si256(cur, _mm256_set1_epi8(7)));
            let pair_set = _mm256_andnot_si256(
                _mm256_cmpeq_epi8(_mm256_and_si256(row_bits, bit), zero),
                _mm256_set1_epi8(-1),
            );
            let arabic_bad =
                _mm256_and_si256(_mm256_and_si256(is_cont, in_range(prev, 0xD8, 3)), pair_set);
            let bad = _mm256_or_si256(
                _mm256_or_si256(ascii_bad, structure),
                _mm256_or_si256(_mm256_or_si256(other_lead, lead_bad), arabic_bad),
            );
            let mask = _mm256_movemask_epi8(bad) as u32;
            if mask != 0 {
                return back_off(src, start, j + mask.trailing_zeros() as usize);
            }
            j += 32;
        }
        back_off(src, start, j)
    }
}

/// A run may not end between a two-byte lead and its continuation.
#[inline(always)]
fn back_off(src: &[u8], start: usize, end: usize) -> usize {
    if end > start && (0xC2..=0xDF).contains(&src[end - 1]) {
        end - 1
    } else {
        end
    }
}
