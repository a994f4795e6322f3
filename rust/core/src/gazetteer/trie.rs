//! A compact, frozen byte trie built in one pass from sorted patterns.
//!
//! Nodes are numbered in breadth-first order, so the children of node `n` are the contiguous
//! nodes `first[n]..first[n + 1]`, sorted by their edge label `label[child]`. A node that ends a
//! pattern has `out[n] != NONE`, the index of its pattern. The root's children are also kept
//! in a 256-entry table, and each of the root's children has a table too (a 64 KiB two-letter
//! table), since nearly every walk goes through them.

/// Marks a node that ends no pattern.
pub const NONE: u32 = u32::MAX;

/// The frozen trie.
#[derive(Debug, Clone, Default)]
pub struct Trie {
    /// `first[n]..first[n + 1]` are the children of node `n` (length: nodes + 1).
    pub first: Vec<u32>,
    /// Edge label of each node (the root's is 0 and unused).
    pub label: Vec<u8>,
    /// Pattern index ended by each node, or [`NONE`].
    pub out: Vec<u32>,
    /// Children of two-byte prefixes: `pair[(a << 8) | b]` is the node reached by `a b` from
    /// the root, or 0 when there is none.
    pair: Vec<u32>,
}

impl Trie {
    /// Builds the trie of `patterns`, which must be sorted and free of duplicates; pattern `i`
    /// gets output `i`. Empty patterns are not allowed (their output would be the root).
    pub fn build(patterns: &[&[u8]]) -> Trie {
        let mut first: Vec<u32> = vec![1];
        let mut label: Vec<u8> = vec![0];
        let mut out: Vec<u32> = vec![NONE];
        // BFS work list of (lo, hi, depth): the sorted patterns under the node with that id.
        let mut work: Vec<(u32, u32, u32)> = vec![(0, patterns.len() as u32, 0)];
        let mut next = 0usize;
        while next < work.len() {
            let (lo, hi, depth) = work[next];
            let node = next;
            next += 1;
            let (mut lo, hi, d) = (lo as usize, hi as usize, depth as usize);
            // A pattern that ends here sorts first in the range.
            if lo < hi && patterns[lo].len() == d {
                out[node] = lo as u32;
                lo += 1;
            }
            while lo < hi {
                let b = patterns[lo][d];
                let mut end = lo + 1;
                while end < hi && patterns[end][d] == b {
                    end += 1;
                }
                work.push((lo as u32, end as u32, depth + 1));
                label.push(b);
                out.push(NONE);
                lo = end;
            }
            // Children of `node` end where the children of `node + 1` start.
            first.push(work.len() as u32);
        }
        let mut trie = Trie {
            first,
            label,
            out,
            pair: Vec::new(),
        };
        trie.index();
        trie
    }

    /// A trie from its three arrays (as read from a file); call [`Trie::validate`] and then
    /// [`Trie::index`] before walking it.
    pub fn from_parts(first: Vec<u32>, label: Vec<u8>, out: Vec<u32>) -> Trie {
        Trie {
            first,
            label,
            out,
            pair: Vec::new(),
        }
    }

    /// Rebuilds the two-byte table; called after `build` and after loading.
    pub fn index(&mut self) {
        let mut pair = vec![0u32; 1 << 16];
        if !self.first.is_empty() {
            let (lo, hi) = self.children(0);
            for a in lo..hi {
                let (clo, chi) = self.children(a as u32);
                let key = (self.label[a] as usize) << 8;
                // The root child itself sits under (a, 0): 0 is never a real label, since
                // NUL folds to a space.
                pair[key] = a as u32;
                for c in clo..chi {
                    pair[key | self.label[c] as usize] = c as u32;
                }
            }
        }
        self.pair = pair;
    }

    /// `true` when the trie has no node besides the root.
    pub fn is_empty(&self) -> bool {
        self.label.len() <= 1
    }

    #[inline]
    fn children(&self, node: u32) -> (usize, usize) {
        let n = node as usize;
        (self.first[n] as usize, self.first[n + 1] as usize)
    }

    /// The root's child with label `a` (0 when none).
    #[inline]
    pub fn root_child(&self, a: u8) -> u32 {
        self.pair[(a as usize) << 8]
    }

    /// The grandchild of the root along `a b` (0 when none).
    #[inline]
    pub fn root_pair(&self, a: u8, b: u8) -> u32 {
        self.pair[((a as usize) << 8) | b as usize]
    }

    /// The child of `node` along label `b`, or `None`.
    #[inline]
    pub fn child(&self, node: u32, b: u8) -> Option<u32> {
        let (lo, hi) = self.children(node);
        let labels = &self.label[lo..hi];
        if labels.len() <= 8 {
            labels.iter().position(|&x| x == b).map(|i| (lo + i) as u32)
        } else {
            labels.binary_search(&b).ok().map(|i| (lo + i) as u32)
        }
    }

    /// Approximate heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.first.len() * 4 + self.label.len() + self.out.len() * 4 + self.pair.len() * 4
    }

    /// Checks the structure of a loaded trie so that walking it can never index out of
    /// bounds: `first` is non-decreasing, children come after their parent and outputs are
    /// below `n_outputs`.
    pub fn validate(&self, n_outputs: usize) -> Result<(), &'static str> {
        let n = self.label.len();
        if n == 0 || self.first.len() != n + 1 || self.out.len() != n {
            return Err("trie arrays have inconsistent lengths");
        }
        if self.first[0] != 1 || self.first[n] as usize != n {
            return Err("trie child ranges are out of bounds");
        }
        for i in 0..n {
            let (lo, hi) = (self.first[i] as usize, self.first[i + 1] as usize);
            if lo > hi || hi > n || lo <= i {
                return Err("trie child ranges are out of order");
            }
            if self.label[lo..hi].windows(2).any(|w| w[0] >= w[1]) {
                return Err("trie labels are not sorted");
            }
            let o = self.out[i];
            if o != NONE && o as usize >= n_outputs {
                return Err("trie output index out of range");
            }
        }
        if self.label[1..].contains(&0) {
            return Err("trie has a NUL label");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(t: &Trie, p: &[u8]) -> Option<u32> {
        let mut node = 0u32;
        for &b in p {
            node = t.child(node, b)?;
        }
        Some(node)
    }

    #[test]
    fn build_and_walk() {
        let mut pats: Vec<&[u8]> = vec![b"ab", b"abc", b"b", b"ba", b"x y"];
        pats.sort();
        let t = Trie::build(&pats);
        t.validate(pats.len()).unwrap();
        for (i, p) in pats.iter().enumerate() {
            let n = walk(&t, p).unwrap();
            assert_eq!(t.out[n as usize], i as u32);
        }
        assert_eq!(t.out[walk(&t, b"a").unwrap() as usize], NONE);
        assert!(walk(&t, b"c").is_none());
        assert_eq!(t.root_child(b'a'), walk(&t, b"a").unwrap());
        assert_eq!(t.root_pair(b'a', b'b'), walk(&t, b"ab").unwrap());
        assert_eq!(t.root_pair(b'a', b'z'), 0);
    }
}
