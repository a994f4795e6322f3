//! Offset maps: from spans of normalized text back to the original text.
//!
//! Normalization turns the original text into *units*: one kept (or mapped) character, one
//! expanded presentation form (ﻻ → لا, one unit for two characters), or one folded run of
//! white space. Deleted characters (harakat, tatweel, invisible marks) belong to the unit before
//! them, so the units tile the original from the first unit to its end. Every normalized
//! character comes from exactly one unit.
//!
//! [`OffsetMap`] stores, for each normalized character, the original start of its unit — not as a
//! per-character table but as *breakpoints*: the places where `unit_start(n) - n` changes. Plain
//! text without deletions has a single breakpoint (or none); each deletion, folded run or
//! expansion adds one. Both sides are counted in code points (Python `str` indices).

use crate::error::SpanError;

/// Maps spans of normalized text back to the original; both sides in code-point indices.
///
/// A normalized span `[start, end)` maps to the original span that starts at the unit of its
/// first character and ends at the end of the unit of its last character, so the trailing
/// harakat or tatweel of a word are included. For spans whose ends fall between whole units,
/// `normalize(original[s..e]) == normalized[start..end]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// Normalized index of each breakpoint, strictly increasing.
    norm: Vec<usize>,
    /// Original unit start at each breakpoint.
    orig: Vec<usize>,
    normalized_len: usize,
    original_len: usize,
}

impl OffsetMap {
    /// The identity map of a text of `len` code points that normalization left unchanged.
    pub fn identity(len: usize) -> OffsetMap {
        OffsetMap {
            norm: Vec::new(),
            orig: Vec::new(),
            normalized_len: len,
            original_len: len,
        }
    }

    /// Length of the normalized text, in code points.
    pub fn normalized_len(&self) -> usize {
        self.normalized_len
    }

    /// Length of the original text, in code points.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// Number of breakpoints stored (a measure of the map's size).
    pub fn breakpoints(&self) -> usize {
        self.norm.len()
    }

    /// Original start of the unit of normalized character `n` (`n < normalized_len`).
    fn unit_start(&self, n: usize) -> usize {
        let k = self.norm.partition_point(|&b| b <= n);
        if k == 0 {
            n
        } else {
            self.orig[k - 1] + (n - self.norm[k - 1])
        }
    }

    /// Original end of the unit of normalized character `n` (`n < normalized_len`).
    fn unit_end(&self, n: usize) -> usize {
        let start = self.unit_start(n);
        // The characters of one unit share its start; the next unit starts where this one ends.
        // A unit yields at most a few dozen characters, so this walk is short.
        let mut m = n + 1;
        while m < self.normalized_len {
            let s = self.unit_start(m);
            if s != start {
                return s;
            }
            m += 1;
        }
        self.original_len
    }

    /// Original span `(start, end)` of the normalized span `[start, end)`, or an error when the
    /// span is not inside the normalized text.
    ///
    /// An empty span maps to the empty span at the start of the unit of character `start` (or
    /// at the end of the original when `start` is the normalized length).
    pub fn checked_to_original(
        &self,
        start: usize,
        end: usize,
    ) -> Result<(usize, usize), SpanError> {
        if start > end || end > self.normalized_len {
            return Err(SpanError {
                start,
                end,
                len: self.normalized_len,
            });
        }
        if start == end {
            let p = if start == self.normalized_len {
                self.original_len
            } else {
                self.unit_start(start)
            };
            return Ok((p, p));
        }
        Ok((self.unit_start(start), self.unit_end(end - 1)))
    }

    /// Original span `(start, end)` of the normalized span `[start, end)`.
    ///
    /// Never panics: `end` is clamped to the normalized length and `start` to `end`; use
    /// [`OffsetMap::checked_to_original`] to reject such spans instead.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let end = end.min(self.normalized_len);
        let start = start.min(end);
        self.checked_to_original(start, end)
            .unwrap_or((self.original_len, self.original_len))
    }
}

/// Builds an [`OffsetMap`] while normalization runs, one unit at a time.
#[derive(Debug, Default)]
pub(crate) struct MapBuilder {
    map: OffsetMap,
    /// Normalized characters produced so far.
    n: usize,
    /// `orig - norm` of the last breakpoint (wrapping), so the predicted start of the next
    /// unit is `n + delta`.
    delta: usize,
}

impl MapBuilder {
    /// A builder with room for about `cap` breakpoints.
    pub(crate) fn with_capacity(cap: usize) -> MapBuilder {
        MapBuilder {
            map: OffsetMap {
                norm: Vec::with_capacity(cap),
                orig: Vec::with_capacity(cap),
                normalized_len: 0,
                original_len: 0,
            },
            n: 0,
            delta: 0,
        }
    }

    #[inline(always)]
    fn breakpoint(&mut self, orig: usize) {
        self.map.norm.push(self.n);
        self.map.orig.push(orig);
        self.delta = orig.wrapping_sub(self.n);
    }

    /// A unit starting at original index `orig` yields `count` (>= 1) normalized characters.
    #[inline(always)]
    pub(crate) fn unit(&mut self, orig: usize, count: usize) {
        if self.n.wrapping_add(self.delta) != orig {
            self.breakpoint(orig);
        }
        self.n += 1;
        // The further characters of an expansion share the unit's start: one breakpoint each.
        for _ in 1..count {
            self.breakpoint(orig);
            self.n += 1;
        }
    }

    /// The finished map of an original text of `original_len` code points.
    pub(crate) fn finish(mut self, original_len: usize) -> OffsetMap {
        self.map.normalized_len = self.n;
        self.map.original_len = original_len;
        self.map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_spans_to_themselves() {
        let m = OffsetMap::identity(5);
        assert_eq!(m.to_original(1, 3), (1, 3));
        assert_eq!(m.to_original(5, 5), (5, 5));
        assert!(m.checked_to_original(2, 6).is_err());
        assert!(m.checked_to_original(3, 2).is_err());
        assert_eq!(m.to_original(3, 99), (3, 5));
    }

    #[test]
    fn builder_records_deletions_and_expansions() {
        // original: a _ _ b LIG c   (positions 0..6), "_" deleted, LIG -> 2 chars
        let mut b = MapBuilder::default();
        b.unit(0, 1); // a
        b.unit(3, 1); // b
        b.unit(4, 2); // LIG
        b.unit(5, 1); // c
        let m = b.finish(6);
        assert_eq!(m.normalized_len(), 5);
        assert_eq!(m.to_original(0, 1), (0, 3));
        assert_eq!(m.to_original(1, 2), (3, 4));
        assert_eq!(m.to_original(2, 4), (4, 5));
        assert_eq!(m.to_original(2, 3), (4, 5));
        assert_eq!(m.to_original(4, 5), (5, 6));
        assert_eq!(m.to_original(0, 5), (0, 6));
        assert_eq!(m.to_original(5, 5), (6, 6));
    }
}
