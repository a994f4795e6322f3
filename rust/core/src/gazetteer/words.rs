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
//! and continues with FNV-1a over the rest. Entries keep the full hash and their bytes, so a
//! probe is confirmed by comparing bytes.

use super::alphabet::is_word;

/// Marks an entry that ends no name.
pub const NONE: u32 = u32::MAX;
const EMPTY: u64 = u64::MAX;
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

/// The filter word and the two bits in it of a mixed hash (a blocked Bloom filter: one
/// memory access, about 2% false positives at 16 bits an entry).
#[inline(always)]
fn filter_probe(m: u64, words: usize) -> (usize, u64) {
    let w = ((m >> 32) as usize) & (words - 1);
    let bits = (1u64 << ((m >> 16) & 63)) | (1u64 << ((m >> 26) & 63));
    (w, bits)
}

#[inline(always)]
fn mix(h: u64) -> u64 {
    let mut x = h ^ (h >> 33);
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// One span of the table.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry {
    /// The span's hash ([`span_hash`]).
    pub hash: u64,
    /// Its bytes: `bytes[off..off + len]`.
    pub off: u32,
    /// Length in bytes.
    pub len: u32,
    /// The pattern (trie output) it ends, or [`NONE`].
    pub out: u32,
    /// 1 when a longer name starts with this span followed by a separator.
    pub cont: u32,
}

/// The table of name spans.
#[derive(Debug, Clone, Default)]
pub struct WordTable {
    /// The spans.
    pub entries: Vec<Entry>,
    /// Open addressing, linear probing: `(tag << 32) | entry` or empty (`u64::MAX`).
    pub slots: Vec<u64>,
    /// Bytes of the patterns, concatenated.
    pub bytes: Vec<u8>,
    /// A one-hash Bloom filter of the entries, small enough to stay in the L2 cache: most
    /// words of a text are no name's beginning and are rejected here without touching
    /// `slots`. Rebuilt by [`WordTable::index`], never stored.
    filter: Vec<u64>,
}

impl WordTable {
    /// The table of `patterns` (distinct, each starting and ending with a word byte); pattern
    /// `i` is output `i`.
    pub fn build(patterns: &[&[u8]]) -> WordTable {
        let total: usize = patterns.iter().map(|p| p.len()).sum();
        let words: usize = patterns
            .iter()
            .map(|p| p.iter().filter(|&&b| !is_word(b)).count() + 1)
            .sum();
        let cap = (words.max(4) * 2).next_power_of_two();
        let mut t = WordTable {
            entries: Vec::with_capacity(words),
            slots: vec![EMPTY; cap],
            bytes: Vec::with_capacity(total),
            filter: Vec::new(),
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
                let e = t.upsert(off, k as u32);
                t.entries[e].cont = 1;
                while k < p.len() && !is_word(p[k]) {
                    k += 1;
                }
            }
            let e = t.upsert(off, p.len() as u32);
            t.entries[e].out = i as u32;
        }
        t.index();
        t
    }

    /// A table from its parts (as read from a file); call [`WordTable::validate`] before use.
    pub fn from_parts(entries: Vec<Entry>, slots: Vec<u64>, bytes: Vec<u8>) -> WordTable {
        let mut t = WordTable {
            entries,
            slots,
            bytes,
            filter: Vec::new(),
        };
        t.index();
        t
    }

    /// Builds the Bloom filter: 16 bits an entry, between 4 KiB and 512 KiB.
    pub fn index(&mut self) {
        let bits = (self.entries.len() * 16)
            .next_power_of_two()
            .clamp(1 << 15, 1 << 22);
        let mut filter = vec![0u64; bits / 64];
        for e in &self.entries {
            let (w, b) = filter_probe(mix(e.hash), bits / 64);
            filter[w] |= b;
        }
        self.filter = filter;
    }

    /// `false` when no entry has hash `h` (`m` = its mix); `true` when one may.
    #[inline(always)]
    fn may_contain(&self, m: u64) -> bool {
        let (w, b) = filter_probe(m, self.filter.len());
        self.filter.get(w).is_some_and(|&x| x & b == b)
    }

    /// `false` when no span has hash `h`; `true` when one may (the cheap test in front of
    /// [`WordTable::get`]).
    #[inline(always)]
    pub fn may_have(&self, h: u64) -> bool {
        self.filter.is_empty() || self.may_contain(mix(h))
    }

    /// The entry of span `bytes[off..off + len]`, inserted if new.
    fn upsert(&mut self, off: u32, len: u32) -> usize {
        if self.entries.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let span = &self.bytes[off as usize..(off + len) as usize];
        let hash = span_hash(span);
        if let Some(e) = self.get(hash, span) {
            return e as usize;
        }
        let idx = self.entries.len() as u32;
        self.entries.push(Entry {
            hash,
            off,
            len,
            out: NONE,
            cont: 0,
        });
        self.place(hash, idx);
        idx as usize
    }

    fn place(&mut self, hash: u64, idx: u32) {
        let m = mix(hash);
        let mask = self.slots.len() - 1;
        let mut s = (m as usize) & mask;
        while self.slots[s] != EMPTY {
            s = (s + 1) & mask;
        }
        self.slots[s] = ((m >> 32) << 32) | idx as u64;
    }

    fn grow(&mut self) {
        self.slots = vec![EMPTY; self.slots.len() * 2];
        for i in 0..self.entries.len() {
            let h = self.entries[i].hash;
            self.place(h, i as u32);
        }
    }

    /// The entry whose bytes are `span` (of hash `hash`), if any.
    #[inline]
    pub fn get(&self, hash: u64, span: &[u8]) -> Option<u32> {
        let m = mix(hash);
        if !self.filter.is_empty() && !self.may_contain(m) {
            return None;
        }
        let mask = self.slots.len().wrapping_sub(1);
        let tag = m >> 32;
        let mut s = (m as usize) & mask;
        // At most every slot: a table read from a file is only known to have an empty slot.
        for _ in 0..self.slots.len() {
            let v = self.slots[s];
            if v == EMPTY {
                return None;
            }
            if v >> 32 == tag {
                let idx = v as u32;
                let e = &self.entries[idx as usize];
                if e.hash == hash
                    && self.bytes.get(e.off as usize..(e.off + e.len) as usize) == Some(span)
                {
                    return Some(idx);
                }
            }
            s = (s + 1) & mask;
        }
        None
    }

    /// Approximate heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.entries.len() * std::mem::size_of::<Entry>()
            + self.slots.len() * 8
            + self.bytes.len()
            + self.filter.len() * 8
    }

    /// Checks a table read from a file: every index in range, a power-of-two slot count with
    /// an empty slot, outputs below `n_outputs`.
    pub fn validate(&self, n_outputs: usize) -> Result<(), &'static str> {
        let n = self.slots.len();
        if n == 0 || !n.is_power_of_two() || !self.slots.contains(&EMPTY) {
            return Err("bad slot table");
        }
        if self
            .slots
            .iter()
            .any(|&v| v != EMPTY && (v as u32) as usize >= self.entries.len())
        {
            return Err("slot out of range");
        }
        for e in &self.entries {
            if e.off as u64 + e.len as u64 > self.bytes.len() as u64 || e.len == 0 {
                return Err("entry bytes out of range");
            }
            if e.out != NONE && e.out as usize >= n_outputs {
                return Err("entry output out of range");
            }
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
        let t = WordTable::build(&pats);
        t.validate(pats.len()).unwrap();
        let look = |s: &str| {
            let s = w(s);
            t.get(span_hash(&s), &s).map(|i| t.entries[i as usize])
        };
        let ab = look("ab").unwrap();
        assert_eq!((ab.out, ab.cont), (0, 1));
        let abcd = look("ab cd").unwrap();
        assert_eq!((abcd.out, abcd.cont), (1, 1));
        assert_eq!(look("ab cd ef").unwrap().cont, 0);
        let x = look("x").unwrap();
        assert_eq!((x.out, x.cont), (NONE, 1));
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
