//! One-pass gazetteer matching at Arabic word boundaries.
//!
//! A [`Gazetteer`] holds many names (places, bases, actors, weapons, trigger words), each
//! tied to an entity with an id, a kind and attributes; variant spellings share an id. Names
//! and texts are normalized the same way and folded into a one-byte alphabet
//! ([`alphabet`]), the names go into a table of whole-word spans ([`words`]), and
//! [`Gazetteer::find`] looks spans up only where a name may start:
//!
//! * at the start of a word, or after the proclitics و ف ب ل ك in their combinations
//!   (و/ف, then ب/ل/ك): «وبغداد», «فببغداد», «ولبغداد»; not «بفبغداد»;
//! * a name written with the article ال («التحالف») also matches after و ف ب ك and their
//!   combinations («بالتحالف», «وبالتحالف»), and after ل where the alef of the article drops
//!   («للتحالف», «وللتحالف»): the span then starts at the article's lam; when the stem
//!   itself starts with lam the two lams merge («للواء» for ل + «اللواء»), and the span is the
//!   stem;
//! * a name without the article never matches after an article («البلد» is not «بلد»);
//! * the name must end a word: the next character is not a letter or digit, so enclitic
//!   pronouns and plural or feminine endings do not match («القائمة» is not «القائم»).
//!
//! Anything that is not a letter or a digit separates words, so quotes, punctuation and a
//! tatweel kept by the normalization («لـ«حزب الله»») all work as boundaries. The leftmost
//! match wins and, at one start, the longest («كتائب حزب الله» over «حزب الله»); when
//! several entities share the winning name, every one of them is reported. With
//! `overlapping` every valid match is reported.
//!
//! # Design
//!
//! * **Fold.** One table lookup per code point turns the original text (a `&str`, or the
//!   1/2/4-byte storage of a Python `str`) into one byte per normalized character, with the
//!   original start of each byte ([`alphabet::FoldTable`]). The table is computed from the
//!   normalizer ([`crate::normalize`]) itself, so it normalizes exactly as
//!   `rasid.normalize` does. Word bytes are the bytes `>= 0x80`.
//! * **Lookup.** A name can only start at a word start or after a proclitic and only end at
//!   a word end, so no automaton runs over the text: words are found eight bytes at a time,
//!   and at each candidate start the span up to the end of the word is looked up by hash
//!   (a Bloom filter of first words that fits the L2 cache, then an open-addressing table of
//!   16-byte slots, prefetched in a first pass over the document and read in a second),
//!   extended word by word while a longer name may continue (a Bloom filter of the longer
//!   spans first) ([`words`]). The cost per word is about one filter probe whatever the
//!   number of names.
//! * **Offsets.** Byte offsets inside; the match `s..e` maps back to code points
//!   `starts[s]..start of the next unit` ([`alphabet::Folded::end_of`]), so trailing harakat
//!   and tatweel of the name are part of its span and `original[start..end]` normalizes to
//!   the name (or, for the ل+ال contraction, to the name without its alef).
//! * **Storage.** Strings in one arena, records as `#[repr(C)]` arrays, written and read as
//!   such by [`Gazetteer::save`] / [`Gazetteer::load`] (versioned, checksummed, every index
//!   checked on load).
//! * **Batches.** [`Gazetteer::find_batch`] runs on a rayon pool owned by this module and
//!   recreated in a process forked from one that used it.

pub mod alphabet;
mod file;
mod norm;
pub mod words;

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use alphabet::{is_word, FoldTable, Folded, BEH, FEH, KAF, LAM, WAW};
pub use file::FileError;
pub use norm::Norm;
use words::{WordTable, CONT, MASK, NONE, SINGLE};

/// A name written without the article (بغداد): matches at a word start or after clitics.
const PLAIN: u8 = 1;
/// A name written with the article (التحالف): matches at a word start or after و ف ب ك.
const ARTICLE: u8 = 2;
/// The ل + ال contraction of an article name (لتحالف in «للتحالف»): only after ل.
const CONTRACTED: u8 = 4;
/// In the mask of a hit: its pattern is the pattern's only output ([`words::SINGLE`]).
const SINGLE_HIT: u8 = 0x80;

/// An attribute value of an entity.
#[derive(Debug, Clone, PartialEq)]
pub enum AttrValue {
    /// A missing value.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A floating-point number.
    Float(f64),
    /// A string.
    Str(String),
}

/// An attribute value borrowed from a gazetteer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AttrRef<'a> {
    /// A missing value.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A floating-point number.
    Float(f64),
    /// A string.
    Str(&'a str),
}

/// An entry that cannot go into a gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    /// Index of the entry, counting from 0 in the order entries were added.
    pub entry: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "gazetteer entry {}: {}", self.entry, self.reason)
    }
}

impl std::error::Error for BuildError {}

/// A match: code-point offsets in the original text and the name that matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Match {
    /// Start, in code points of the original text.
    pub start: usize,
    /// End (exclusive), in code points of the original text.
    pub end: usize,
    /// Index of the matched name; see [`Gazetteer::name`] and [`Gazetteer::entity_of`].
    pub name: u32,
}

/// A span of the string arena.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct StrRef {
    off: u32,
    len: u32,
}

#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
struct Entity {
    id: StrRef,
    kind: StrRef,
    attrs_start: u32,
    attrs_len: u32,
}

#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
struct Name {
    text: StrRef,
    entity: u32,
}

const TAG_BOOL: u32 = 1;
const TAG_INT: u32 = 2;
const TAG_FLOAT: u32 = 3;
const TAG_STR: u32 = 4;

#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
struct Attr {
    payload: u64,
    key: u32,
    tag: u32,
}

/// A string arena with interning for short repeated strings (kinds, keys).
#[derive(Debug, Default)]
struct Arena {
    text: String,
    interned: HashMap<String, StrRef>,
}

impl Arena {
    fn push(&mut self, s: &str) -> Result<StrRef, String> {
        let off = self.text.len();
        if off + s.len() > u32::MAX as usize {
            return Err("gazetteer strings exceed 4 GiB".into());
        }
        self.text.push_str(s);
        Ok(StrRef {
            off: off as u32,
            len: s.len() as u32,
        })
    }

    fn intern(&mut self, s: &str) -> Result<StrRef, String> {
        if let Some(r) = self.interned.get(s) {
            return Ok(*r);
        }
        let r = self.push(s)?;
        self.interned.insert(s.to_owned(), r);
        Ok(r)
    }
}

/// Collects entries and builds a [`Gazetteer`].
#[derive(Debug)]
pub struct GazetteerBuilder {
    fold: Arc<FoldTable>,
    scratch: Folded,
    arena: Arena,
    keys: Vec<StrRef>,
    key_ids: HashMap<String, u32>,
    entity_ids: HashMap<String, u32>,
    entities: Vec<Entity>,
    /// (entity, key, value) in the order added; the last value of a key wins.
    attrs: Vec<(u32, u32, u32, u64)>,
    names: Vec<Name>,
    /// Folded patterns: (offset in `pattern_bytes`, length, name, kind).
    patterns: Vec<(u32, u32, u32, u8)>,
    pattern_bytes: Vec<u8>,
    added: usize,
}

impl GazetteerBuilder {
    /// A builder whose names and texts will be normalized with `norm`.
    pub fn new(norm: Norm) -> GazetteerBuilder {
        GazetteerBuilder {
            fold: fold_table(&norm),
            scratch: Folded::default(),
            arena: Arena::default(),
            keys: Vec::new(),
            key_ids: HashMap::new(),
            entity_ids: HashMap::new(),
            entities: Vec::new(),
            attrs: Vec::new(),
            names: Vec::new(),
            patterns: Vec::new(),
            pattern_bytes: Vec::new(),
            added: 0,
        }
    }

    /// Number of entries added so far.
    pub fn len(&self) -> usize {
        self.added
    }

    /// `true` before the first entry.
    pub fn is_empty(&self) -> bool {
        self.added == 0
    }

    /// Adds one name of the entity `id`. Entries with the same id are one entity: every name
    /// is kept, a non-empty `kind` replaces the previous one and attributes are merged, the
    /// value added last winning (a [`AttrValue::Null`] value is ignored).
    ///
    /// Fails when the name, id or kind is unusable: an empty id, or a name that has no
    /// letter or digit after normalization.
    pub fn add<'a>(
        &mut self,
        name: &str,
        id: &str,
        kind: &str,
        attrs: impl IntoIterator<Item = (&'a str, AttrValue)>,
    ) -> Result<(), BuildError> {
        let entry = self.added;
        let err = |reason: String| BuildError { entry, reason };
        if id.is_empty() {
            return Err(err(format!("name {name:?} has an empty id")));
        }
        self.fold
            .fold(name.chars().map(u32::from), &mut self.scratch);
        let pattern = alphabet::trim_pattern(self.scratch.text());
        if pattern.is_empty() {
            return Err(err(format!(
                "name {name:?} (id {id:?}) has no letter or digit after normalization"
            )));
        }
        let entity = match self.entity_ids.get(id) {
            Some(&e) => {
                if !kind.is_empty() {
                    self.entities[e as usize].kind = self.arena.intern(kind).map_err(err)?;
                }
                e
            }
            None => {
                let e = self.entities.len() as u32;
                let id_ref = self.arena.push(id).map_err(err)?;
                let kind_ref = self.arena.intern(kind).map_err(err)?;
                self.entities.push(Entity {
                    id: id_ref,
                    kind: kind_ref,
                    ..Entity::default()
                });
                self.entity_ids.insert(id.to_owned(), e);
                e
            }
        };
        for (key, value) in attrs {
            let key_id = match self.key_ids.get(key) {
                Some(&k) => k,
                None => {
                    let k = self.keys.len() as u32;
                    let r = self.arena.intern(key).map_err(err)?;
                    self.keys.push(r);
                    self.key_ids.insert(key.to_owned(), k);
                    k
                }
            };
            let (tag, payload) = match value {
                AttrValue::Null => continue,
                AttrValue::Bool(b) => (TAG_BOOL, b as u64),
                AttrValue::Int(i) => (TAG_INT, i as u64),
                AttrValue::Float(f) => (TAG_FLOAT, f.to_bits()),
                AttrValue::Str(s) => {
                    let r = self.arena.intern_if_short(&s).map_err(err)?;
                    (TAG_STR, ((r.off as u64) << 32) | r.len as u64)
                }
            };
            self.attrs.push((entity, key_id, tag, payload));
        }
        let name_idx = self.names.len() as u32;
        let text = self.arena.push(name).map_err(err)?;
        self.names.push(Name { text, entity });
        let is_article = pattern.len() >= 4 && pattern[0] == alphabet::ALEF && pattern[1] == LAM;
        let kind_bits = if is_article { ARTICLE } else { PLAIN };
        self.push_pattern(&pattern, name_idx, kind_bits);
        if is_article {
            // ل + التحالف is written للتحالف: the pattern lam + stem, after a ل proclitic.
            let mut contracted = Vec::with_capacity(pattern.len() - 1);
            contracted.push(LAM);
            contracted.extend_from_slice(&pattern[2..]);
            self.push_pattern(&contracted, name_idx, CONTRACTED);
            if pattern[2] == LAM {
                // ل + اللواء is written للواء: the article's lam merges with the stem's.
                self.push_pattern(&pattern[2..], name_idx, CONTRACTED);
            }
        }
        self.added += 1;
        Ok(())
    }

    fn push_pattern(&mut self, p: &[u8], name: u32, kind: u8) {
        let off = self.pattern_bytes.len() as u32;
        self.pattern_bytes.extend_from_slice(p);
        self.patterns.push((off, p.len() as u32, name, kind));
    }

    /// Builds the gazetteer.
    pub fn build(self) -> Gazetteer {
        let GazetteerBuilder {
            fold,
            arena,
            keys,
            mut entities,
            mut attrs,
            names,
            mut patterns,
            pattern_bytes,
            ..
        } = self;
        // Attributes: per entity and key, the value added last.
        attrs.sort_by_key(|a| (a.0, a.1)); // stable: order of addition kept within a key
        let mut flat: Vec<Attr> = Vec::with_capacity(attrs.len());
        let mut i = 0;
        while i < attrs.len() {
            let (entity, _, _, _) = attrs[i];
            let start = flat.len() as u32;
            while i < attrs.len() && attrs[i].0 == entity {
                let key = attrs[i].1;
                let mut last = i;
                while i < attrs.len() && attrs[i].0 == entity && attrs[i].1 == key {
                    last = i;
                    i += 1;
                }
                let (_, k, tag, payload) = attrs[last];
                flat.push(Attr {
                    key: k,
                    tag,
                    payload,
                });
            }
            let e = &mut entities[entity as usize];
            e.attrs_start = start;
            e.attrs_len = flat.len() as u32 - start;
        }
        drop(attrs);

        // Patterns: sorted, the same bytes grouped into one output.
        let bytes_of = |p: &(u32, u32, u32, u8)| &pattern_bytes[p.0 as usize..(p.0 + p.1) as usize];
        patterns.sort_unstable_by(|a, b| bytes_of(a).cmp(bytes_of(b)).then(a.2.cmp(&b.2)));
        let mut unique: Vec<&[u8]> = Vec::new();
        let mut out_start: Vec<u32> = Vec::new();
        let mut out_mask: Vec<u8> = Vec::new();
        let mut outputs: Vec<u32> = Vec::with_capacity(patterns.len());
        // (entity, kind) already output for the current pattern, to drop variant duplicates.
        let mut seen: Vec<(u32, u8)> = Vec::new();
        for p in &patterns {
            let bytes = bytes_of(p);
            if unique.last() != Some(&bytes) {
                unique.push(bytes);
                out_start.push(outputs.len() as u32);
                out_mask.push(0);
                seen.clear();
            }
            let entity = names[p.2 as usize].entity;
            if seen.contains(&(entity, p.3)) {
                continue;
            }
            seen.push((entity, p.3));
            outputs.push((p.2 << 3) | p.3 as u32);
            *out_mask.last_mut().expect("pushed above") |= p.3;
        }
        out_start.push(outputs.len() as u32);
        let singles: Vec<u32> = out_start
            .windows(2)
            .map(|w| {
                if w[1] == w[0] + 1 {
                    outputs[w[0] as usize]
                } else {
                    NONE
                }
            })
            .collect();
        let words = WordTable::build(&unique, &out_mask, &singles);
        Gazetteer {
            fold,
            arena: arena.text.into_bytes(),
            keys,
            entities,
            attrs: flat,
            names,
            words,
            out_start,
            out_mask,
            outputs,
        }
    }
}

impl Arena {
    /// Short strings (codes, countries) repeat a lot: intern them; long ones are pushed.
    fn intern_if_short(&mut self, s: &str) -> Result<StrRef, String> {
        if s.len() <= 12 {
            self.intern(s)
        } else {
            self.push(s)
        }
    }
}

/// A built gazetteer: immutable, `Send + Sync`, shared by threads.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    fold: Arc<FoldTable>,
    /// Every string, concatenated; each one is UTF-8 (checked when read, so that a file
    /// need not be validated as a whole when loaded).
    arena: Vec<u8>,
    keys: Vec<StrRef>,
    entities: Vec<Entity>,
    attrs: Vec<Attr>,
    names: Vec<Name>,
    words: WordTable,
    out_start: Vec<u32>,
    out_mask: Vec<u8>,
    outputs: Vec<u32>,
}

/// A place where a name may start: byte `c` of the word starting at `ws`, whose first word
/// `c..we` (of hash `hash`) passed the filter; `mask` holds the pattern kinds allowed there.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    hash: u64,
    ws: u32,
    c: u32,
    we: u32,
    mask: u8,
}

/// Reusable buffers of one thread.
#[derive(Default)]
struct Scratch {
    folded: Folded,
    cands: Vec<Candidate>,
    hits: Vec<(u32, u32, u32, u8)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Gazetteer {
    /// The normalization of this gazetteer.
    pub fn norm(&self) -> &Norm {
        self.fold.norm()
    }

    /// Number of names (entries) it holds.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// `true` when it holds no name.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Number of entities (distinct ids).
    pub fn entity_count(&self) -> usize {
        self.entities.len()
    }

    /// Approximate heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.arena.len()
            + self.keys.len() * 8
            + self.entities.len() * std::mem::size_of::<Entity>()
            + self.attrs.len() * std::mem::size_of::<Attr>()
            + self.names.len() * std::mem::size_of::<Name>()
            + self.words.heap_bytes()
            + self.out_start.len() * 4
            + self.out_mask.len()
            + self.outputs.len() * 4
    }

    fn str_of(&self, r: StrRef) -> &str {
        self.arena
            .get(r.off as usize..(r.off as usize + r.len as usize))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    /// The name `name` as it was given.
    pub fn name(&self, name: u32) -> &str {
        self.names
            .get(name as usize)
            .map_or("", |n| self.str_of(n.text))
    }

    /// The entity of name `name`.
    pub fn entity_of(&self, name: u32) -> u32 {
        self.names.get(name as usize).map_or(0, |n| n.entity)
    }

    /// The id of entity `entity`.
    pub fn id(&self, entity: u32) -> &str {
        self.entities
            .get(entity as usize)
            .map_or("", |e| self.str_of(e.id))
    }

    /// The kind of entity `entity`.
    pub fn kind(&self, entity: u32) -> &str {
        self.entities
            .get(entity as usize)
            .map_or("", |e| self.str_of(e.kind))
    }

    /// The attributes of entity `entity`, in key order of first appearance.
    pub fn attrs(&self, entity: u32) -> impl Iterator<Item = (&str, AttrRef<'_>)> + '_ {
        let range = self.entities.get(entity as usize).map_or(0..0, |e| {
            e.attrs_start as usize..(e.attrs_start + e.attrs_len) as usize
        });
        self.attrs.get(range).unwrap_or(&[]).iter().map(move |a| {
            let key = self
                .keys
                .get(a.key as usize)
                .map_or("", |&k| self.str_of(k));
            (key, self.attr_value(a))
        })
    }

    /// The attribute `key` of entity `entity`.
    pub fn attr(&self, entity: u32, key: &str) -> Option<AttrRef<'_>> {
        self.attrs(entity).find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    fn attr_value(&self, a: &Attr) -> AttrRef<'_> {
        match a.tag {
            TAG_BOOL => AttrRef::Bool(a.payload != 0),
            TAG_INT => AttrRef::Int(a.payload as i64),
            TAG_FLOAT => AttrRef::Float(f64::from_bits(a.payload)),
            TAG_STR => AttrRef::Str(self.str_of(StrRef {
                off: (a.payload >> 32) as u32,
                len: a.payload as u32,
            })),
            _ => AttrRef::Null,
        }
    }

    /// Finds the names in `text`; offsets are code points of `text`.
    pub fn find(&self, text: &str, overlapping: bool) -> Vec<Match> {
        self.find_chars(text.chars(), overlapping)
    }

    /// Finds the names in the text whose characters `chars` yields (in order); offsets are
    /// indices into that sequence of characters.
    pub fn find_chars<I: Iterator<Item = char>>(&self, chars: I, overlapping: bool) -> Vec<Match> {
        self.find_units(chars.map(u32::from), overlapping)
    }

    /// Finds the names in the text whose code points `units` yields (a Python `str`'s
    /// storage; a lone surrogate reads as U+FFFD); offsets are indices into that sequence.
    pub fn find_units<I: Iterator<Item = u32>>(&self, units: I, overlapping: bool) -> Vec<Match> {
        let mut out = Vec::new();
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => self.find_into(units, overlapping, &mut s, &mut out),
            Err(_) => self.find_into(units, overlapping, &mut Scratch::default(), &mut out),
        });
        out
    }

    fn find_into<I: Iterator<Item = u32>>(
        &self,
        units: I,
        overlapping: bool,
        scratch: &mut Scratch,
        out: &mut Vec<Match>,
    ) {
        let Scratch {
            folded,
            cands,
            hits,
        } = scratch;
        hits.clear();
        self.fold.fold(units, folded);
        self.scan(folded.padded(), folded.len(), overlapping, cands, hits);
        if overlapping {
            hits.sort_unstable_by_key(|h| (h.0, std::cmp::Reverse(h.1)));
        }
        out.reserve(hits.len());
        for &(s, e, pat, mask) in hits.iter() {
            let (start, end) = (
                folded.starts()[s as usize] as usize,
                folded.end_of(e as usize),
            );
            if mask & SINGLE_HIT != 0 {
                // `pat` is the pattern's only output, of a kind in `mask` (the scan checked).
                out.push(Match {
                    start,
                    end,
                    name: pat >> 3,
                });
                continue;
            }
            let range =
                self.out_start[pat as usize] as usize..self.out_start[pat as usize + 1] as usize;
            for &o in &self.outputs[range] {
                if (o as u8 & 7) & mask != 0 {
                    out.push(Match {
                        start,
                        end,
                        name: o >> 3,
                    });
                }
            }
        }
    }

    /// Looks up the spans starting at byte `c` whose first word ends at `we` (of hash `h`),
    /// extending over the following words while a longer name may match; records the
    /// matches whose pattern kind is in `mask` (all when `overlapping`, else returns the
    /// longest). `b` is the padded folded text of `n` bytes.
    #[inline]
    #[allow(clippy::too_many_arguments)]
    fn try_span(
        &self,
        b: &[u8],
        n: usize,
        c: usize,
        we: usize,
        h: u64,
        mask: u8,
        overlapping: bool,
        hits: &mut Vec<(u32, u32, u32, u8)>,
    ) -> Option<(usize, usize, u32, u8)> {
        let t = &self.words;
        let (mut end, mut h) = (we, h);
        let mut exact = we - c <= 8;
        let mut best = None;
        while let Some(idx) = t.get(h, &b[c..end], exact) {
            let slot = t.slots[idx as usize];
            if slot.meta & MASK & mask as u32 != 0 {
                let mask = if slot.meta & SINGLE != 0 {
                    mask | SINGLE_HIT
                } else {
                    mask
                };
                if overlapping {
                    hits.push((c as u32, end as u32, slot.out, mask));
                } else {
                    best = Some((c, end, slot.out, mask));
                }
            }
            if slot.meta & CONT == 0 {
                break;
            }
            let mut k = end;
            while k < n && !is_word(b[k]) {
                k += 1;
            }
            if k >= n {
                break;
            }
            let next = k;
            while k < n && is_word(b[k]) {
                k += 1;
            }
            if slot.meta & words::next_word_bit(&b[next..k]) == 0 {
                break;
            }
            h = words::extend_hash(h, &b[end..k]);
            end = k;
            exact = false;
            if !t.may_extend(h) {
                break;
            }
        }
        best
    }

    /// Scans the folded text `b` (`n` bytes and the zero padding), pushing
    /// `(start, end, pattern, mask)` hits in byte offsets.
    ///
    /// Two passes: the first finds the words (eight bytes at a time: word bytes are the bytes
    /// with the high bit set) and the places in them where a name may start — the word start
    /// and after its proclitics — keeping those whose first word passes the filter, and
    /// prefetching their table slots; the second looks them up, leftmost-longest, when the
    /// slots have arrived in the cache (a lookup in a big table is otherwise one cache miss
    /// after another).
    fn scan(
        &self,
        b: &[u8],
        n: usize,
        overlapping: bool,
        cands: &mut Vec<Candidate>,
        hits: &mut Vec<(u32, u32, u32, u8)>,
    ) {
        cands.clear();
        if self.words.is_empty() || b.len() < n + alphabet::PAD {
            return;
        }
        self.candidates(b, n, cands);
        let mut i = 0usize;
        let mut k = 0;
        while k < cands.len() {
            let ws = cands[k].ws;
            let mut j = k + 1;
            while j < cands.len() && cands[j].ws == ws {
                j += 1;
            }
            // A word inside the last match is skipped.
            if ws as usize >= i {
                for cd in &cands[k..j] {
                    let found = self.try_span(
                        b,
                        n,
                        cd.c as usize,
                        cd.we as usize,
                        cd.hash,
                        cd.mask,
                        overlapping,
                        hits,
                    );
                    if let Some((s, e, o, mask)) = found {
                        hits.push((s as u32, e as u32, o, mask));
                        i = e;
                        break;
                    }
                }
            }
            k = j;
        }
    }

    /// The first pass of [`Gazetteer::scan`]: for each word, the starts where a name may
    /// begin (the word start with the kinds `PLAIN | ARTICLE`, then after و/ف and after
    /// ب/ل/ك with the kinds they allow), in text order, kept when the first word passes the
    /// filter.
    fn candidates(&self, b: &[u8], n: usize, out: &mut Vec<Candidate>) {
        const HI: u64 = 0x8080_8080_8080_8080;
        let load = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
        let mut i = 0;
        while i < n {
            // Next word start (the padding is all separators).
            let x = load(i) & HI;
            if x == 0 {
                i += 8;
                continue;
            }
            let ws = i + (x.trailing_zeros() / 8) as usize;
            let mut we = ws;
            loop {
                let y = !load(we) & HI;
                if y != 0 {
                    we += (y.trailing_zeros() / 8) as usize;
                    break;
                }
                we += 8;
            }
            let c0 = b[ws];
            self.candidate(b, ws, ws, we, PLAIN | ARTICLE, out);
            if ws + 1 < we {
                let m1 = match c0 {
                    WAW | FEH | BEH | KAF => PLAIN | ARTICLE,
                    LAM => PLAIN | CONTRACTED,
                    _ => 0,
                };
                if m1 != 0 {
                    self.candidate(b, ws, ws + 1, we, m1, out);
                    if (c0 == WAW || c0 == FEH) && ws + 2 < we {
                        let m2 = match b[ws + 1] {
                            BEH | KAF => PLAIN | ARTICLE,
                            LAM => PLAIN | CONTRACTED,
                            _ => 0,
                        };
                        if m2 != 0 {
                            self.candidate(b, ws, ws + 2, we, m2, out);
                        }
                    }
                }
            }
            i = we;
        }
    }

    /// Records the start `c` in the word `ws..we` when its first word `c..we` passes the
    /// filter (and prefetches its slot).
    #[inline(always)]
    fn candidate(
        &self,
        b: &[u8],
        ws: usize,
        c: usize,
        we: usize,
        mask: u8,
        out: &mut Vec<Candidate>,
    ) {
        let hash = words::first_word_hash_at(b, c, we);
        if self.words.may_have_prefetch(hash) {
            out.push(Candidate {
                hash,
                ws: ws as u32,
                c: c as u32,
                we: we as u32,
                mask,
            });
        }
    }

    /// Finds the names in many documents at once on a pool of `threads` worker threads (all
    /// cores when `None`). Results are in the order of `docs`.
    pub fn find_batch<T: CharSource>(
        &self,
        docs: &[T],
        overlapping: bool,
        threads: Option<usize>,
    ) -> Vec<Vec<Match>> {
        use rayon::prelude::*;
        let one = |d: &T| self.find_units(d.units(), overlapping);
        if docs.len() > 1 && threads != Some(1) {
            if let Some(p) = pool(threads) {
                return p.install(|| docs.par_iter().map(one).collect());
            }
        }
        docs.iter().map(one).collect()
    }

    /// [`Gazetteer::find_batch`] handing the results over in order, a chunk of documents at a
    /// time, to `emit(first, results)` on the calling thread (`first` is the index of the
    /// chunk's first document) while the pool matches the next chunk: the work done with the
    /// results (creating Python objects, under the GIL) overlaps the matching. `wait(f)` runs
    /// each wait for a chunk (`f` blocks until it is done; the Python binding releases the GIL
    /// there). An error from `emit` stops the batch (after the chunk in progress) and is
    /// returned.
    pub fn find_batch_chunks<T, E, W, F>(
        &self,
        docs: &[T],
        overlapping: bool,
        threads: Option<usize>,
        mut wait: W,
        mut emit: F,
    ) -> Result<(), E>
    where
        T: CharSource,
        W: FnMut(&mut (dyn FnMut() + Send)),
        F: FnMut(usize, Vec<Vec<Match>>) -> Result<(), E>,
    {
        // Chunks of about `TARGET` code points (a few milliseconds of matching), so that the
        // first chunk, which nothing overlaps, is short.
        const TARGET: usize = 1 << 17;
        let mut bounds = vec![0];
        let mut size = 0;
        for (i, d) in docs.iter().enumerate() {
            size += d.len_hint() + 64;
            if size >= TARGET {
                bounds.push(i + 1);
                size = 0;
            }
        }
        if *bounds.last().expect("one bound") != docs.len() {
            bounds.push(docs.len());
        }
        let chunks: Vec<(usize, &[T])> = bounds
            .windows(2)
            .map(|w| (w[0], &docs[w[0]..w[1]]))
            .collect();
        let one = |d: &T| self.find_units(d.units(), overlapping);
        let parallel = docs.len() > 1 && threads != Some(1);
        let Some(p) = pool(threads).filter(|_| parallel) else {
            for &(first, chunk) in &chunks {
                let mut results = Vec::new();
                wait(&mut || results = chunk.iter().map(one).collect());
                emit(first, results)?;
            }
            return Ok(());
        };
        p.in_place_scope(|scope| {
            let one = &one;
            let mut next = chunks.first().map(|&(_, c)| spawn_chunk(scope, c, one));
            for (k, &(first, _)) in chunks.iter().enumerate() {
                let mut rx = next.take();
                let mut results = None;
                wait(&mut || results = rx.take().and_then(|rx| rx.recv().ok()));
                // A job that panicked sent nothing: the scope re-raises its panic.
                let Some(results) = results else { break };
                next = chunks.get(k + 1).map(|&(_, c)| spawn_chunk(scope, c, one));
                emit(first, results)?;
            }
            Ok(())
        })
    }
}

/// Matches the documents `chunk` with `one` on the pool of `scope`; the results arrive on the
/// returned channel.
fn spawn_chunk<'s, T, F>(
    scope: &rayon::Scope<'s>,
    chunk: &'s [T],
    one: &'s F,
) -> std::sync::mpsc::Receiver<Vec<Vec<Match>>>
where
    T: CharSource,
    F: Fn(&T) -> Vec<Match> + Sync,
{
    use rayon::prelude::*;
    let (tx, rx) = std::sync::mpsc::channel();
    scope.spawn(move |_| {
        let _ = tx.send(chunk.par_iter().map(one).collect());
    });
    rx
}

/// A document whose code points can be read from any thread.
pub trait CharSource: Sync {
    /// The iterator over the code points.
    type Units<'a>: Iterator<Item = u32>
    where
        Self: 'a;
    /// The code points of the document, in order.
    fn units(&self) -> Self::Units<'_>;

    /// About how many code points the document has (to size batches).
    fn len_hint(&self) -> usize {
        self.units().size_hint().0
    }
}

type StrUnits<'a> = std::iter::Map<std::str::Chars<'a>, fn(char) -> u32>;

impl CharSource for &str {
    type Units<'a>
        = StrUnits<'a>
    where
        Self: 'a;
    fn units(&self) -> StrUnits<'_> {
        self.chars().map(u32::from as fn(char) -> u32)
    }
}

impl CharSource for String {
    type Units<'a> = StrUnits<'a>;
    fn units(&self) -> StrUnits<'_> {
        self.chars().map(u32::from as fn(char) -> u32)
    }
}

/// The fold table of `norm`, shared by every gazetteer with the same options.
fn fold_table(norm: &Norm) -> Arc<FoldTable> {
    static TABLES: Mutex<Vec<(u64, Arc<FoldTable>)>> = Mutex::new(Vec::new());
    let bits = norm.to_bits();
    let mut tables = TABLES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, t)) = tables.iter().find(|(b, _)| *b == bits) {
        return t.clone();
    }
    let t = Arc::new(FoldTable::new(norm));
    tables.push((bits, t.clone()));
    t
}

/// The worker pools, by size, with the process id that created them: a child made by
/// `fork` has none of its parent's threads, so it creates its own pools instead of waiting
/// forever on the parent's (the old ones are leaked, never dropped, in the child).
static POOLS: Mutex<Vec<(u32, usize, Arc<rayon::ThreadPool>)>> = Mutex::new(Vec::new());

fn pool(threads: Option<usize>) -> Option<Arc<rayon::ThreadPool>> {
    let size = threads
        .filter(|&t| t > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pid = std::process::id();
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    if pools.iter().any(|p| p.0 != pid) {
        for p in pools.drain(..) {
            std::mem::forget(p);
        }
    }
    if let Some(p) = pools.iter().find(|p| p.1 == size) {
        return Some(p.2.clone());
    }
    let p = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(size)
            .thread_name(|i| format!("rasid-gazetteer-{i}"))
            .build()
            .ok()?,
    );
    pools.push((pid, size, p.clone()));
    Some(p)
}

#[cfg(test)]
mod tests;
