//! The binary gazetteer file: a versioned header, length-prefixed little-endian arrays and
//! a checksum, loaded with a few bulk copies and checked so that a wrong, truncated or
//! corrupt file is an error, never a panic.
//!
//! Layout: `b"RASIDGAZ"`, format version (u32), alphabet version (u32), normalization options
//! (u64), section count (u64); then each section as a byte length (u64) followed by its bytes
//! padded to 8; then a checksum (u64) of everything before it.

use std::fmt;
use std::path::Path;

use super::words::{Entry, WordTable, NONE};
use super::{Attr, Entity, Gazetteer, Name, Norm, StrRef, CONTRACTED, TAG_STR};

const MAGIC: &[u8; 8] = b"RASIDGAZ";
/// Version of the file layout; bumped on any change.
pub const FORMAT_VERSION: u32 = 2;
/// Version of the folding alphabet; a file folded differently cannot be matched against.
pub const ALPHABET_VERSION: u32 = 2;
const SECTIONS: u64 = 11;

/// A gazetteer file that cannot be written or read.
#[derive(Debug)]
pub enum FileError {
    /// The file system refused (not found, permission, disk full).
    Io(std::io::Error),
    /// The file is not a rasid gazetteer, is of another version, truncated or corrupt.
    Format(String),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Io(e) => write!(f, "{e}"),
            FileError::Format(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for FileError {}

impl From<std::io::Error> for FileError {
    fn from(e: std::io::Error) -> Self {
        FileError::Io(e)
    }
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        h = (h ^ w).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^ bytes.len() as u64
}

struct Writer(Vec<u8>);

impl Writer {
    fn section(&mut self, bytes: &[u8]) {
        self.0
            .extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        self.0.extend_from_slice(bytes);
        while self.0.len() % 8 != 0 {
            self.0.push(0);
        }
    }

    fn u32s(&mut self, it: impl ExactSizeIterator<Item = u32>) {
        let mut v = Vec::with_capacity(it.len() * 4);
        for x in it {
            v.extend_from_slice(&x.to_le_bytes());
        }
        self.section(&v);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

fn bad(msg: &str) -> FileError {
    FileError::Format(format!("not a valid rasid gazetteer file: {msg}"))
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FileError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| bad("truncated"))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u64(&mut self) -> Result<u64, FileError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }

    fn section(&mut self) -> Result<&'a [u8], FileError> {
        let n = usize::try_from(self.u64()?).map_err(|_| bad("section too large"))?;
        let s = self.take(n)?;
        let pad = (8 - self.pos % 8) % 8;
        self.take(pad)?;
        Ok(s)
    }

    fn u32s(&mut self) -> Result<Vec<u32>, FileError> {
        let s = self.section()?;
        if s.len() % 4 != 0 {
            return Err(bad("misaligned section"));
        }
        Ok(s.chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect())
    }
}

impl Gazetteer {
    /// The file image of this gazetteer.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(self.heap_bytes() + 1024));
        w.0.extend_from_slice(MAGIC);
        w.0.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        w.0.extend_from_slice(&ALPHABET_VERSION.to_le_bytes());
        w.0.extend_from_slice(&self.fold.norm().to_bits().to_le_bytes());
        w.0.extend_from_slice(&SECTIONS.to_le_bytes());
        w.section(self.arena.as_bytes());
        w.u32s(
            self.keys
                .iter()
                .flat_map(|k| [k.off, k.len])
                .collect::<Vec<_>>()
                .into_iter(),
        );
        w.u32s(
            self.entities
                .iter()
                .flat_map(|e| {
                    [
                        e.id.off,
                        e.id.len,
                        e.kind.off,
                        e.kind.len,
                        e.attrs_start,
                        e.attrs_len,
                    ]
                })
                .collect::<Vec<_>>()
                .into_iter(),
        );
        w.u32s(
            self.attrs
                .iter()
                .flat_map(|a| {
                    [
                        a.key,
                        a.tag as u32,
                        a.payload as u32,
                        (a.payload >> 32) as u32,
                    ]
                })
                .collect::<Vec<_>>()
                .into_iter(),
        );
        w.u32s(
            self.names
                .iter()
                .flat_map(|n| [n.text.off, n.text.len, n.entity])
                .collect::<Vec<_>>()
                .into_iter(),
        );
        w.u32s(
            self.words
                .entries
                .iter()
                .flat_map(|e| {
                    [
                        e.hash as u32,
                        (e.hash >> 32) as u32,
                        e.off,
                        e.len,
                        e.out,
                        e.cont,
                    ]
                })
                .collect::<Vec<_>>()
                .into_iter(),
        );
        w.u32s(
            self.words
                .slots
                .iter()
                .flat_map(|&v| [v as u32, (v >> 32) as u32])
                .collect::<Vec<_>>()
                .into_iter(),
        );
        w.section(&self.words.bytes);
        w.u32s(self.out_start.iter().copied());
        w.section(&self.out_mask);
        w.u32s(self.outputs.iter().copied());
        let sum = checksum(&w.0);
        w.0.extend_from_slice(&sum.to_le_bytes());
        w.0
    }

    /// Writes the gazetteer to `path` (through a temporary file renamed into place).
    pub fn save(&self, path: &Path) -> Result<(), FileError> {
        let bytes = self.to_bytes();
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        std::fs::write(&tmp, &bytes)?;
        std::fs::rename(&tmp, path).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })?;
        Ok(())
    }

    /// Reads a gazetteer written by [`Gazetteer::save`].
    pub fn load(path: &Path) -> Result<Gazetteer, FileError> {
        let bytes = std::fs::read(path)?;
        Gazetteer::from_bytes(&bytes)
    }

    /// Reads a gazetteer from its file image, checking every index.
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer, FileError> {
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err(FileError::Format(
                "not a rasid gazetteer file (bad magic number)".into(),
            ));
        }
        if bytes.len() < 40 {
            return Err(bad("truncated"));
        }
        let version = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
        let alphabet = u32::from_le_bytes(bytes[12..16].try_into().expect("4 bytes"));
        if version != FORMAT_VERSION || alphabet != ALPHABET_VERSION {
            return Err(FileError::Format(format!(
                "gazetteer file version {version}.{alphabet}, this rasid reads \
                 {FORMAT_VERSION}.{ALPHABET_VERSION}: rebuild it from its source files"
            )));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        if checksum(body) != u64::from_le_bytes(sum.try_into().expect("8 bytes")) {
            return Err(bad("checksum mismatch (truncated or corrupt)"));
        }
        let norm_bits = u64::from_le_bytes(bytes[16..24].try_into().expect("8 bytes"));
        let norm =
            Norm::from_bits(norm_bits).ok_or_else(|| bad("unknown normalization options"))?;
        let mut r = Reader {
            bytes: body,
            pos: 32,
        };
        if u64::from_le_bytes(bytes[24..32].try_into().expect("8 bytes")) != SECTIONS {
            return Err(bad("wrong section count"));
        }
        let arena =
            String::from_utf8(r.section()?.to_vec()).map_err(|_| bad("strings are not UTF-8"))?;
        let check_ref = |r: StrRef| -> Result<StrRef, FileError> {
            let (a, b) = (r.off as usize, r.off as usize + r.len as usize);
            if b > arena.len() || !arena.is_char_boundary(a) || !arena.is_char_boundary(b) {
                return Err(bad("string reference out of range"));
            }
            Ok(r)
        };
        let refs = |v: &[u32]| StrRef {
            off: v[0],
            len: v[1],
        };
        let keys = r
            .u32s()?
            .chunks(2)
            .map(|c| {
                if c.len() == 2 {
                    check_ref(refs(c))
                } else {
                    Err(bad("keys"))
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        let raw_entities = r.u32s()?;
        let raw_attrs = r.u32s()?;
        if raw_entities.len() % 6 != 0 || raw_attrs.len() % 4 != 0 {
            return Err(bad("misaligned records"));
        }
        let n_attrs = raw_attrs.len() / 4;
        let entities = raw_entities
            .chunks_exact(6)
            .map(|c| {
                if c[4] as u64 + c[5] as u64 > n_attrs as u64 {
                    return Err(bad("attribute range out of bounds"));
                }
                Ok(Entity {
                    id: check_ref(refs(&c[0..2]))?,
                    kind: check_ref(refs(&c[2..4]))?,
                    attrs_start: c[4],
                    attrs_len: c[5],
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let attrs = raw_attrs
            .chunks_exact(4)
            .map(|c| {
                let a = Attr {
                    key: c[0],
                    tag: u8::try_from(c[1]).map_err(|_| bad("attribute tag"))?,
                    payload: c[2] as u64 | ((c[3] as u64) << 32),
                };
                if a.key as usize >= keys.len() || a.tag > TAG_STR {
                    return Err(bad("attribute out of range"));
                }
                if a.tag == TAG_STR {
                    check_ref(StrRef {
                        off: (a.payload >> 32) as u32,
                        len: a.payload as u32,
                    })?;
                }
                Ok(a)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let raw_names = r.u32s()?;
        if raw_names.len() % 3 != 0 {
            return Err(bad("misaligned names"));
        }
        let names = raw_names
            .chunks_exact(3)
            .map(|c| {
                if c[2] as usize >= entities.len() {
                    return Err(bad("name entity out of range"));
                }
                Ok(Name {
                    text: check_ref(refs(&c[0..2]))?,
                    entity: c[2],
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let raw_entries = r.u32s()?;
        let raw_slots = r.u32s()?;
        let word_bytes = r.section()?.to_vec();
        if raw_entries.len() % 6 != 0 || raw_slots.len() % 2 != 0 {
            return Err(bad("misaligned name table"));
        }
        let out_start = r.u32s()?;
        let out_mask = r.section()?.to_vec();
        let outputs = r.u32s()?;
        if r.pos != body.len() {
            return Err(bad("trailing bytes"));
        }
        let n_patterns = out_mask.len();
        if out_start.len() != n_patterns + 1
            || out_start.windows(2).any(|w| w[0] > w[1])
            || out_start.last().copied() != Some(outputs.len() as u32)
            || out_start[0] != 0
        {
            return Err(bad("output ranges"));
        }
        if outputs.iter().any(|&o| {
            (o >> 3) as usize >= names.len() || (o & 7) == 0 || (o & 7) > CONTRACTED as u32
        }) {
            return Err(bad("output out of range"));
        }
        let words = WordTable::from_parts(
            raw_entries
                .chunks_exact(6)
                .map(|c| Entry {
                    hash: c[0] as u64 | ((c[1] as u64) << 32),
                    off: c[2],
                    len: c[3],
                    out: c[4],
                    cont: c[5],
                })
                .collect(),
            raw_slots
                .chunks_exact(2)
                .map(|c| c[0] as u64 | ((c[1] as u64) << 32))
                .collect(),
            word_bytes,
        );
        words.validate(n_patterns).map_err(bad)?;
        if words.entries.iter().filter(|e| e.out != NONE).count() != n_patterns {
            return Err(bad("name table outputs"));
        }
        Ok(Gazetteer {
            fold: super::fold_table(&norm),
            arena,
            keys,
            entities,
            attrs,
            names,
            words,
            out_start,
            out_mask,
            outputs,
        })
    }
}
