//! The name table: whole-word spans looked up by hash.
//!
//! A name can only start at a word start (or right after a proclitic) and end at a word end,
//! so matching needs no automaton: at each candidate start the span up to the end of the
//! first word is looked up, then, while that span is the beginning of a longer name, the span
//! extended by the next separator run and word. Each lookup is one hash (computed as the
//! word is read) and usually one probe of an open-addressing table, whatever the number of
//! names, so the speed barely depends on the gazetteer's size.
//!
//! The hash of a span starts from its first word — the word's bytes themselves, packed in a
//! `u64`, when it has at most 8 (one unaligned load while scanning), else FNV-1a over them —
//! and continues with FNV-1a over the rest. Slots keep the full hash; a one-word span of at
//! most 8 bytes is its hash, so equal hashes confirm it, and any other span is confirmed by
//! comparing its bytes. A lookup thus reads one 16-byte slot (a cache line) in the common
//! case, behind a Bloom filter of the first words small enough for the L2 cache.

use super::alphabet::is_word;

/// Marks an entry that ends no name.
pub const NONE: u32 = u32::MAX;
const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a step.
#[inline(always)]
pub fn step(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(PRIME)
}

/// Hash of the first word of a span.
#[inline]
pub fn first_word_hash(word: &[u8]) -> u64 {
    if word.len() <= 8 {
        let mut key = [0u8; 8];
        key[..word.len()].copy_from_slice(word);
        u64::from_le_bytes(key)
    } else {
        long_word_hash(word)
    }
}

#[cold]
fn long_word_hash(word: &[u8]) -> u64 {
    word.iter().fold(SEED, |h, &b| step(h, b))
}

/// [`first_word_hash`] of `b[c..we]`, where `b` has at least 8 readable bytes from `c` (the
/// folded text's padding guarantees it).
#[inline(always)]
pub fn first_word_hash_at(b: &[u8], c: usize, we: usize) -> u64 {
    let len = we - c;
    if len <= 8 {
        let x = u64::from_le_bytes(b[c..c + 8].try_into().expect("8 bytes"));
        x & (u64::MAX >> (64 - 8 * len as u32))
    } else {
        long_word_hash(&b[c..we])
    }
}

/// Continues hash `h` forwards over `bytes`.
#[inline]
pub fn extend_hash(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| step(h, b))
}

/// Hash of a span that starts with a word.
pub fn span_hash(span: &[u8]) -> u64 {
    let w = span.iter().position(|&b| !is_word(b)).unwrap_or(span.len());
    extend_hash(first_word_hash(&span[..w]), &span[w..])
}

/// The filter word of a mixed hash and the three bits in it (a blocked Bloom filter: one
/// memory access, about 1% false positives at 16 bits a key). `words` needs not be a power of
/// two: the word is picked by multiplying the high half of `m` by it.
#[inline(always)]
fn filter_probe(m: u64, words: usize) -> (usize, u64) {
    let bits = (1u64 << ((m >> 20) & 63)) | (1u64 << ((m >> 26) & 63)) | (1u64 << ((m >> 32) & 63));
    (slot_of(m, words), bits)
}

/// Index `0..len` of a mixed hash (`len` at most 2^32): its high bits.
#[inline(always)]
fn slot_of(m: u64, len: usize) -> usize {
    (((m >> 32) * len as u64) >> 32) as usize
}

/// Asks for the cache line of `p` (a hint: never faults, whatever the address).
#[inline(always)]
fn prefetch<T>(p: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch instruction only hints the cache; `p` is a valid reference anyway.
    unsafe {
        std::arch::x86_64::_mm_prefetch(
            (p as *const T).cast::<i8>(),
            std::arch::x86_64::_MM_HINT_T0,
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// The hash mixed for indexing: one multiply, whose high bits depend on every bit of `h`
/// (only the high and middle bits are used).
#[inline(always)]
fn mix(h: u64) -> u64 {
    (h ^ (h >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// [`Slot::meta`]: the slot holds a span.
pub const USED: u32 = 1 << 31;
/// [`Slot::meta`]: a longer name starts with this span followed by a separator.
pub const CONT: u32 = 1 << 30;
/// [`Slot::meta`]: the span is one word of at most 8 bytes, so its hash is its bytes
/// ([`first_word_hash`]): equal hashes are equal spans, no byte comparison needed.
pub const EXACT: u32 = 1 << 29;
/// [`Slot::meta`]: the span is one word (a name's first word), so it is in the filter.
pub const WORD: u32 = 1 << 28;
/// [`Slot::meta`]: the pattern has one output, and [`Slot::out`] is that output itself
/// rather than the pattern (no lookup in the output lists when it matches).
pub const SINGLE: u32 = 1 << 27;
/// [`Slot::meta`]: with [`CONT`], one bit ([`next_word_bit`]) for each word that follows
/// the span in a longer name (bits 8 to 26): the next word of the text is looked for in the
/// table only when its bit is set.
pub const NEXT: u32 = ((1 << NEXT_BITS) - 1) << 8;
const NEXT_BITS: u32 = 19;
/// [`Slot::meta`]: the pattern kinds of the output (the low 8 bits).
pub const MASK: u32 = 0xFF;

/// One slot of the open-addressing table: a span of a name, stored inline so that a lookup
/// reads one 16-byte slot (its bytes, needed only to confirm a span that is not
/// [`EXACT`], are in [`WordTable::spans`] at the same index).
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Slot {
    /// The span's hash ([`span_hash`]).
    pub hash: u64,
    /// The pattern (output) the span ends, or [`NONE`]; with [`SINGLE`], the pattern's only
    /// output.
    pub out: u32,
    /// [`USED`], [`CONT`], [`EXACT`], [`WORD`] and, for a span with an output, the kinds of
    /// its pattern ([`MASK`]).
    pub meta: u32,
}

/// Where a span's bytes are: `bytes[off..off + len]`.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Span {
    /// Offset in [`WordTable::bytes`].
    pub off: u32,
    /// Length in bytes.
    pub len: u32,
}

/// The table of name spans.
#[derive(Debug, Clone, Default)]
pub struct WordTable {
    /// Open addressing with linear probing, a power-of-two number of slots, at most half
    /// of them used.
    pub slots: Vec<Slot>,
    /// The bytes of each slot's span (parallel to `slots`).
    pub spans: Vec<Span>,
    /// Bytes of the patterns, concatenated.
    pub bytes: Vec<u8>,
    /// Number of used slots.
    used: usize,
    /// A Bloom filter of the first words of the names, at most 512 KiB (16 bits a word): most
    /// words of a text begin no name and are rejected here without touching `slots`.
    /// Rebuilt by [`WordTable::index`], never stored.
    filter: Vec<u64>,
    /// The same for the spans of more than one word: a name's first word is often a common
    /// word that continues no name in the text, so the lookups of the longer span after it
    /// mostly fail, here rather than in `slots`.
    ext_filter: Vec<u64>,
}

/// The bit of [`NEXT`] of a word (from its first and last bytes and its length).
#[inline(always)]
pub fn next_word_bit(word: &[u8]) -> u32 {
    let (first, last) = match word {
        [] => (0, 0),
        [f, .., l] => (*f, *l),
        [f] => (*f, *f),
    };
    let x = (first as u32) | ((last as u32) << 8) | ((word.len() as u32) << 16);
    let i = (x.wrapping_mul(0x9e37_79b1) as u64 * NEXT_BITS as u64) >> 32;
    1 << (8 + i)
}

/// `true` when `span` is one word of at most 8 bytes (its hash is its bytes).
fn is_exact(span: &[u8]) -> bool {
    span.len() <= 8 && span.iter().all(|&b| is_word(b))
}

impl WordTable {
    /// The table of `patterns` (distinct, each starting and ending with a word byte); pattern
    /// `i` is output `i`, with the kinds `masks[i]`, and has the one output `singles[i]`
    /// when that is not [`NONE`].
    pub fn build(patterns: &[&[u8]], masks: &[u8], singles: &[u32]) -> WordTable {
        let total: usize = patterns.iter().map(|p| p.len()).sum();
        let words: usize = patterns
            .iter()
            .map(|p| p.iter().filter(|&&b| !is_word(b)).count() + 1)
            .sum();
        // Every span ends at a word end: `words` bounds the number of spans. Twice as many
        // slots keeps linear probing short; any count works (slots are picked by a multiply,
        // not a mask), so the table grows with the names instead of doubling at a power of
        // two, rounded to a cache line of slots.
        let cap = (words.max(4) * 2).next_multiple_of(4);
        let mut t = WordTable {
            slots: vec![Slot::default(); cap],
            spans: vec![Span::default(); cap],
            bytes: Vec::with_capacity(total),
            used: 0,
            filter: Vec::new(),
            ext_filter: Vec::new(),
        };
        for (i, p) in patterns.iter().enumerate() {
            let off = t.bytes.len() as u32;
            t.bytes.extend_from_slice(p);
            // Word ends inside the pattern: the proper prefixes that continue.
            let mut k = 0;
            while k < p.len() {
                while k < p.len() && is_word(p[k]) {
                    k += 1;
                }
                if k == p.len() {
                    break;
                }
                let s = t.upsert(off, k as u32);
                while k < p.len() && !is_word(p[k]) {
                    k += 1;
                }
                let next = p[k..]
                    .iter()
                    .position(|&b| !is_word(b))
                    .map_or(p.len(), |e| k + e);
                t.slots[s].meta |= CONT | next_word_bit(&p[k..next]);
            }
            let s = t.upsert(off, p.len() as u32);
            t.slots[s].meta |= masks.get(i).copied().unwrap_or(0) as u32;
            match singles.get(i) {
                Some(&o) if o != NONE => {
                    t.slots[s].out = o;
                    t.slots[s].meta |= SINGLE;
                }
                _ => t.slots[s].out = i as u32,
            }
        }
        t.index();
        t
    }

    /// A table from its parts (as read from a file); call [`WordTable::validate`] before use.
    pub fn from_parts(slots: Vec<Slot>, spans: Vec<Span>, bytes: Vec<u8>) -> WordTable {
        let mut t = WordTable {
            slots,
            spans,
            bytes,
            used: 0,
            filter: Vec::new(),
            ext_filter: Vec::new(),
        };
        t.index();
        t
    }

    /// Counts the spans and builds the Bloom filters of the first words and of the longer
    /// spans: 16 bits a span, between 4 KiB and 512 KiB each.
    pub fn index(&mut self) {
        self.used = self.slots.iter().filter(|s| s.meta & USED != 0).count();
        let build = |word: u32| {
            let keys = self
                .slots
                .iter()
                .filter(|s| s.meta & (USED | WORD) == USED | word)
                .count();
            let words = (keys * 16 / 64).clamp(1 << 9, 1 << 16);
            let mut filter = vec![0u64; words];
            for s in &self.slots {
                if s.meta & (USED | WORD) == USED | word {
                    let (w, b) = filter_probe(mix(s.hash), words);
                    filter[w] |= b;
                }
            }
            filter
        };
        self.filter = build(WORD);
        self.ext_filter = build(0);
    }

    /// `false` when no span of more than one word has hash `h`; `true` when one may.
    #[inline(always)]
    pub fn may_extend(&self, h: u64) -> bool {
        let (w, b) = filter_probe(mix(h), self.ext_filter.len());
        self.ext_filter.get(w).is_some_and(|&x| x & b == b)
    }

    /// `true` when the table holds no span.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// `false` when no name's first word has hash `h`; `true` when one may (the cheap test
    /// in front of [`WordTable::get`]).
    #[inline(always)]
    pub fn may_have(&self, h: u64) -> bool {
        let (w, b) = filter_probe(mix(h), self.filter.len());
        self.filter.get(w).is_some_and(|&x| x & b == b)
    }

    /// [`WordTable::may_have`], and when `true`, the first slot where a span of hash `h`
    /// would be is fetched into the cache, ahead of [`WordTable::get`].
    #[inline(always)]
    pub fn may_have_prefetch(&self, h: u64) -> bool {
        let m = mix(h);
        let (w, b) = filter_probe(m, self.filter.len());
        let pass = self.filter.get(w).is_some_and(|&x| x & b == b);
        if pass {
            if let Some(slot) = self.slots.get(slot_of(m, self.slots.len())) {
                prefetch(slot);
            }
        }
        pass
    }

    /// The slot of span `bytes[off..off + len]`, inserted if new.
    fn upsert(&mut self, off: u32, len: u32) -> usize {
        let span = &self.bytes[off as usize..(off + len) as usize];
        let hash = span_hash(span);
        let exact = is_exact(span);
        if let Some(s) = self.get(hash, span, exact) {
            return s as usize;
        }
        let mut s = slot_of(mix(hash), self.slots.len());
        while self.slots[s].meta & USED != 0 {
            s = self.next_slot(s);
        }
        let word = span.iter().all(|&b| is_word(b));
        self.slots[s] = Slot {
            hash,
            out: NONE,
            meta: USED | if exact { EXACT } else { 0 } | if word { WORD } else { 0 },
        };
        self.spans[s] = Span { off, len };
        self.used += 1;
        s
    }

    /// The slot whose span is `span`, of hash `hash`; `exact` tells whether the span is one
    /// word of at most 8 bytes.
    #[inline]
    pub fn get(&self, hash: u64, span: &[u8], exact: bool) -> Option<u32> {
        let want = USED | if exact { EXACT } else { 0 };
        let mut s = slot_of(mix(hash), self.slots.len());
        // At most every slot: a table read from a file is only known to have an empty slot.
        for _ in 0..self.slots.len() {
            let slot = self.slots[s];
            if slot.meta & USED == 0 {
                return None;
            }
            if slot.hash == hash && slot.meta & (USED | EXACT) == want {
                if exact {
                    return Some(s as u32);
                }
                let sp = self.spans[s];
                if self
                    .bytes
                    .get(sp.off as usize..sp.off as usize + sp.len as usize)
                    == Some(span)
                {
                    return Some(s as u32);
                }
            }
            s = self.next_slot(s);
        }
        None
    }

    /// The slot after `s`, wrapping around at the end of the table (linear probing).
    #[inline(always)]
    fn next_slot(&self, s: usize) -> usize {
        if s + 1 == self.slots.len() {
            0
        } else {
            s + 1
        }
    }

    /// Approximate heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.slots.len() * std::mem::size_of::<Slot>()
            + self.spans.len() * std::mem::size_of::<Span>()
            + self.bytes.len()
            + (self.filter.len() + self.ext_filter.len()) * 8
    }

    /// Checks a table read from a file: a slot count with an empty slot, spans
    /// in range, patterns below `n_outputs`, each in one slot, and single outputs of a name
    /// below `n_names` with one kind bit (1, 2 or 4).
    pub fn validate(&self, n_outputs: usize, n_names: usize) -> Result<(), &'static str> {
        let n = self.slots.len();
        if n == 0 || self.used >= n || self.spans.len() != n {
            return Err("bad slot table");
        }
        let mut outs = 0usize;
        for (slot, sp) in self.slots.iter().zip(&self.spans) {
            if slot.meta & USED == 0 {
                continue;
            }
            if sp.off as u64 + sp.len as u64 > self.bytes.len() as u64 || sp.len == 0 {
                return Err("span bytes out of range");
            }
            if slot.out != NONE {
                let bad = if slot.meta & SINGLE != 0 {
                    (slot.out >> 3) as usize >= n_names || !matches!(slot.out & 7, 1 | 2 | 4)
                } else {
                    slot.out as usize >= n_outputs
                };
                if bad {
                    return Err("span output out of range");
                }
                outs += 1;
            }
        }
        if outs != n_outputs {
            return Err("name table outputs");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_prefixes() {
        let w = |s: &str| -> Vec<u8> {
            s.bytes()
                .map(|c| if c.is_ascii_lowercase() { c | 0x80 } else { c })
                .collect()
        };
        let owned: Vec<Vec<u8>> = ["ab", "ab cd", "ab cd ef", "x-y", "q", "abcdefghijk"]
            .iter()
            .map(|s| w(s))
            .collect();
        let mut pats: Vec<&[u8]> = owned.iter().map(|p| p.as_slice()).collect();
        pats.sort();
        let masks = vec![1u8; pats.len()];
        let singles = vec![NONE; pats.len()];
        let t = WordTable::build(&pats, &masks, &singles);
        t.validate(pats.len(), 0).unwrap();
        let look = |s: &str| {
            let s = w(s);
            t.get(span_hash(&s), &s, is_exact(&s))
                .map(|i| t.slots[i as usize])
        };
        let cont = |s: Slot| (s.meta & CONT != 0) as u32;
        let ab = look("ab").unwrap();
        assert_eq!((ab.out, cont(ab)), (0, 1));
        assert_eq!(ab.meta & (EXACT | WORD | MASK), EXACT | WORD | 1);
        let abcd = look("ab cd").unwrap();
        assert_eq!((abcd.out, cont(abcd)), (1, 1));
        assert_eq!(abcd.meta & (EXACT | WORD), 0);
        assert_eq!(cont(look("ab cd ef").unwrap()), 0);
        let x = look("x").unwrap();
        assert_eq!((x.out, cont(x)), (NONE, 1));
        assert_eq!(look("abcdefghijk").unwrap().meta & (EXACT | WORD), WORD);
        assert!(look("x-y").is_some());
        assert!(look("abcdefghijk").is_some());
        assert!(look("cd").is_none());
        // the first word then the rest, computed piecewise, as the scan does
        let text = w("ab cd......");
        assert_eq!(
            extend_hash(first_word_hash_at(&text, 0, 2), &text[2..5]),
            span_hash(&w("ab cd"))
        );
    }
}
