//! The binary gazetteer file: a versioned header, length-prefixed little-endian arrays and
//! a checksum. Loading reads each array straight into its final vector (no intermediate
//! copy of the file) and then checks every index, so that a wrong, truncated or corrupt file
//! is an error, never a panic.
//!
//! Layout: `b"RASIDGAZ"`, format version (u32), alphabet version (u32), normalization options
//! (u64), section count (u64); then each section as a byte length (u64) followed by its bytes
//! padded to 8; then a checksum (u64) of everything before it. Sections are arrays of
//! `#[repr(C)]` records of `u32`/`u64` fields, little-endian.

use std::fmt;
use std::io::{Read, Write};
use std::path::Path;

use super::words::{Slot, Span, WordTable, MASK, NONE, SINGLE, USED};
use super::{Attr, Entity, Gazetteer, Name, Norm, StrRef, CONTRACTED, TAG_STR};

const MAGIC: &[u8; 8] = b"RASIDGAZ";
/// Version of the file layout; bumped on any change.
pub const FORMAT_VERSION: u32 = 7;
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
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            return bad("truncated");
        }
        FileError::Io(e)
    }
}

fn bad(msg: &str) -> FileError {
    FileError::Format(format!("not a valid rasid gazetteer file: {msg}"))
}

/// Records stored as raw bytes.
///
/// # Safety
/// Implementors are `#[repr(C)]`, made of `u8`/`u32`/`u64` fields only, without padding, so
/// that every byte pattern is a valid value and the bytes are the little-endian image on a
/// little-endian machine.
unsafe trait Pod: Copy + Default {}
// SAFETY: plain integers.
unsafe impl Pod for u8 {}
// SAFETY: plain integers.
unsafe impl Pod for u32 {}
// SAFETY: plain integers.
unsafe impl Pod for u64 {}
// SAFETY: repr(C) { u32, u32 }.
unsafe impl Pod for StrRef {}
// SAFETY: repr(C) { StrRef, StrRef, u32, u32 }.
unsafe impl Pod for Entity {}
// SAFETY: repr(C) { StrRef, u32 }.
unsafe impl Pod for Name {}
// SAFETY: repr(C) { u64, u32, u32 }.
unsafe impl Pod for Attr {}
// SAFETY: repr(C) { u64, u32, u32 }.
unsafe impl Pod for Slot {}
// SAFETY: repr(C) { u32, u32 }.
unsafe impl Pod for Span {}

fn bytes_of<T: Pod>(v: &[T]) -> &[u8] {
    // SAFETY: T is Pod (no padding, plain integers), so its memory is initialized bytes.
    unsafe { std::slice::from_raw_parts(v.as_ptr() as *const u8, std::mem::size_of_val(v)) }
}

fn bytes_of_mut<T: Pod>(v: &mut [T]) -> &mut [u8] {
    // SAFETY: as in `bytes_of`, and any byte pattern is a valid T.
    unsafe { std::slice::from_raw_parts_mut(v.as_mut_ptr() as *mut u8, std::mem::size_of_val(v)) }
}

/// A 64-bit checksum over 8-byte words in four independent lanes (fast on big files).
struct Checksum {
    lanes: [u64; 4],
    len: u64,
}

impl Checksum {
    fn new() -> Checksum {
        Checksum {
            lanes: [
                0xcbf2_9ce4_8422_2325,
                0x8422_2325_cbf2_9ce4,
                0x9e37_79b9_7f4a_7c15,
                1,
            ],
            len: 0,
        }
    }

    /// Adds `bytes`, whose length is a multiple of 8 (every piece of the file is).
    fn update(&mut self, bytes: &[u8]) {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        #[inline(always)]
        fn absorb(lane: &mut u64, w: &[u8]) {
            let w = u64::from_le_bytes(w.try_into().expect("8 bytes"));
            *lane = (*lane ^ w).wrapping_mul(K).rotate_left(31);
        }
        let mut rest = bytes;
        // Finish the current 32-byte row lane by lane, then whole rows, then the tail.
        while !rest.is_empty() && (self.len / 8) % 4 != 0 {
            let n = rest.len().min(8);
            let mut w = [0u8; 8];
            w[..n].copy_from_slice(&rest[..n]);
            absorb(&mut self.lanes[((self.len / 8) % 4) as usize], &w);
            self.len += n as u64;
            rest = &rest[n..];
        }
        let mut rows = rest.chunks_exact(32);
        for row in &mut rows {
            let [a, b, c, d] = &mut self.lanes;
            absorb(a, &row[0..8]);
            absorb(b, &row[8..16]);
            absorb(c, &row[16..24]);
            absorb(d, &row[24..32]);
        }
        self.len += (rest.len() / 32 * 32) as u64;
        for w in rows.remainder().chunks(8) {
            let mut x = [0u8; 8];
            x[..w.len()].copy_from_slice(w);
            absorb(&mut self.lanes[((self.len / 8) % 4) as usize], &x);
            self.len += w.len() as u64;
        }
    }

    fn finish(&self) -> u64 {
        let mut h = self.len;
        for &l in &self.lanes {
            h = (h ^ l).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29);
        }
        h
    }
}

struct Writer<W: Write> {
    out: W,
    sum: Checksum,
}

impl<W: Write> Writer<W> {
    fn raw(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.sum.update(bytes);
        self.out.write_all(bytes)
    }

    fn section<T: Pod>(&mut self, v: &[T]) -> std::io::Result<()> {
        let bytes = bytes_of(v);
        self.raw(&(bytes.len() as u64).to_le_bytes())?;
        let whole = bytes.len() / 8 * 8;
        self.raw(&bytes[..whole])?;
        let mut tail = bytes[whole..].to_vec();
        tail.resize(tail.len().div_ceil(8) * 8, 0);
        self.raw(&tail)
    }
}

struct Reader<R: Read> {
    input: R,
    sum: Checksum,
    /// Bytes left before the checksum (bounds every allocation a corrupt length asks for).
    left: u64,
}

impl<R: Read> Reader<R> {
    fn exact(&mut self, buf: &mut [u8]) -> Result<(), FileError> {
        if buf.len() as u64 > self.left {
            return Err(bad("truncated"));
        }
        self.input.read_exact(buf)?;
        self.left -= buf.len() as u64;
        self.sum.update(buf);
        Ok(())
    }

    fn u64(&mut self) -> Result<u64, FileError> {
        let mut b = [0u8; 8];
        self.exact(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn section<T: Pod>(&mut self) -> Result<Vec<T>, FileError> {
        let n = self.u64()?;
        let size = std::mem::size_of::<T>() as u64;
        if n % size != 0 || n > self.left {
            return Err(bad("bad section length"));
        }
        let mut v = vec![T::default(); (n / size) as usize];
        let whole = (n / 8 * 8) as usize;
        let bytes = bytes_of_mut(&mut v);
        let (head, tail) = bytes.split_at_mut(whole);
        self.exact(head)?;
        let mut pad = [0u8; 8];
        let padded = tail.len().div_ceil(8) * 8;
        self.exact(&mut pad[..padded])?;
        tail.copy_from_slice(&pad[..tail.len()]);
        Ok(v)
    }
}

impl Gazetteer {
    fn write_to<W: Write>(&self, out: W) -> Result<(), FileError> {
        if cfg!(target_endian = "big") {
            return Err(FileError::Format(
                "binary gazetteer files are written on little-endian machines only".into(),
            ));
        }
        let mut w = Writer {
            out,
            sum: Checksum::new(),
        };
        w.raw(MAGIC)?;
        let versions = FORMAT_VERSION as u64 | ((ALPHABET_VERSION as u64) << 32);
        w.raw(&versions.to_le_bytes())?;
        w.raw(&self.fold.norm().to_bits().to_le_bytes())?;
        w.raw(&SECTIONS.to_le_bytes())?;
        w.section(&self.arena)?;
        w.section(&self.keys)?;
        w.section(&self.entities)?;
        w.section(&self.attrs)?;
        w.section(&self.names)?;
        w.section(&self.words.slots)?;
        w.section(&self.words.spans)?;
        w.section(&self.words.bytes)?;
        w.section(&self.out_start)?;
        w.section(&self.out_mask)?;
        w.section(&self.outputs)?;
        let sum = w.sum.finish();
        w.out.write_all(&sum.to_le_bytes())?;
        w.out.flush()?;
        Ok(())
    }

    /// The file image of this gazetteer.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(self.heap_bytes() + 1024);
        // Writing to memory cannot fail but on big-endian machines (then: empty).
        let _ = self.write_to(&mut v);
        v
    }

    /// Writes the gazetteer to `path` (through a temporary file renamed into place).
    pub fn save(&self, path: &Path) -> Result<(), FileError> {
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        let result = std::fs::File::create(&tmp)
            .map_err(FileError::from)
            .and_then(|f| self.write_to(std::io::BufWriter::with_capacity(1 << 20, f)))
            .and_then(|()| std::fs::rename(&tmp, path).map_err(FileError::from));
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    /// Reads a gazetteer written by [`Gazetteer::save`].
    pub fn load(path: &Path) -> Result<Gazetteer, FileError> {
        let f = std::fs::File::open(path)?;
        let size = f.metadata()?.len();
        Gazetteer::read_from(std::io::BufReader::with_capacity(1 << 16, f), size)
    }

    /// Reads a gazetteer from its file image.
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer, FileError> {
        Gazetteer::read_from(bytes, bytes.len() as u64)
    }

    fn read_from<R: Read>(input: R, size: u64) -> Result<Gazetteer, FileError> {
        let mut r = Reader {
            input,
            sum: Checksum::new(),
            left: size.saturating_sub(8),
        };
        let mut magic = [0u8; 8];
        if size < 8 || r.exact(&mut magic).is_err() || &magic != MAGIC {
            return Err(FileError::Format(
                "not a rasid gazetteer file (bad magic number)".into(),
            ));
        }
        if cfg!(target_endian = "big") {
            return Err(FileError::Format(
                "binary gazetteer files are read on little-endian machines only".into(),
            ));
        }
        let versions = r.u64()?;
        let (version, alphabet) = (versions as u32, (versions >> 32) as u32);
        if version != FORMAT_VERSION || alphabet != ALPHABET_VERSION {
            return Err(FileError::Format(format!(
                "gazetteer file version {version}.{alphabet}, this rasid reads \
                 {FORMAT_VERSION}.{ALPHABET_VERSION}: rebuild it from its source files"
            )));
        }
        let norm = Norm::from_bits(r.u64()?).ok_or_else(|| bad("unknown normalization options"))?;
        if r.u64()? != SECTIONS {
            return Err(bad("wrong section count"));
        }
        let arena: Vec<u8> = r.section()?;
        let keys: Vec<StrRef> = r.section()?;
        let entities: Vec<Entity> = r.section()?;
        let attrs: Vec<Attr> = r.section()?;
        let names: Vec<Name> = r.section()?;
        let slots: Vec<Slot> = r.section()?;
        let spans: Vec<Span> = r.section()?;
        let word_bytes: Vec<u8> = r.section()?;
        let out_start: Vec<u32> = r.section()?;
        let out_mask: Vec<u8> = r.section()?;
        let outputs: Vec<u32> = r.section()?;
        if r.left != 0 {
            return Err(bad("trailing bytes"));
        }
        let expected = r.sum.finish();
        let mut sum = [0u8; 8];
        r.input.read_exact(&mut sum)?;
        if expected != u64::from_le_bytes(sum) {
            return Err(bad("checksum mismatch (corrupt file)"));
        }
        let check_ref = |r: StrRef| -> Result<StrRef, FileError> {
            if r.off as u64 + r.len as u64 > arena.len() as u64 {
                return Err(bad("string reference out of range"));
            }
            Ok(r)
        };
        for &k in &keys {
            check_ref(k)?;
        }
        for e in &entities {
            check_ref(e.id)?;
            check_ref(e.kind)?;
            if e.attrs_start as u64 + e.attrs_len as u64 > attrs.len() as u64 {
                return Err(bad("attribute range out of bounds"));
            }
        }
        for a in &attrs {
            if a.key as usize >= keys.len() || a.tag > TAG_STR {
                return Err(bad("attribute out of range"));
            }
            if a.tag == TAG_STR {
                check_ref(StrRef {
                    off: (a.payload >> 32) as u32,
                    len: a.payload as u32,
                })?;
            }
        }
        for n in &names {
            check_ref(n.text)?;
            if n.entity as usize >= entities.len() {
                return Err(bad("name entity out of range"));
            }
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
        let words = WordTable::from_parts(slots, spans, word_bytes);
        words.validate(n_patterns, names.len()).map_err(bad)?;
        // The kinds of a slot are its pattern's (none without a pattern): the scan reports
        // a slot's pattern when its kinds allow it.
        let kinds_of = |s: &Slot| match s.out {
            NONE => 0,
            o if s.meta & SINGLE != 0 => o & 7,
            o => out_mask.get(o as usize).map_or(0, |&m| m as u32),
        };
        if words
            .slots
            .iter()
            .any(|s| s.meta & USED != 0 && s.meta & MASK != kinds_of(s))
        {
            return Err(bad("name table kinds"));
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
