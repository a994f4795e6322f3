//! Python binding of the normalizer: `normalize`, `normalize_with_offsets`, `to_ascii_digits`,
//! `OffsetMap` and `StreamNormalizer`.
//!
//! `str` input is read in place (its latin-1/UCS-2/UCS-4 storage, see [`crate::pystr`]) and the
//! result is written into a new `str` of the canonical kind; `bytes` input is UTF-8 and gives
//! `bytes`, normalized with the GIL released when it is large.

use std::cell::RefCell;
use std::sync::OnceLock;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString, PyTuple};
use rasid_core::normalize::{
    CodeUnit, NormalizeOptions, Normalizer, StreamNormalizer as CoreStream,
};
use rasid_core::offsets::OffsetMap as CoreOffsetMap;

use crate::args::{self, normalize_options};
use crate::errors::{text_type_error, to_py};
use crate::pystr::{new_str, str_units, StrUnits};

/// `bytes` inputs at least this long are normalized with the GIL released.
const DETACH_BYTES: usize = 1 << 16;

/// One compiled normalizer per set of options (12 switches), built on first use.
static NORMALIZERS: [OnceLock<Normalizer>; 4096] = [const { OnceLock::new() }; 4096];

fn normalizer(options: NormalizeOptions) -> &'static Normalizer {
    NORMALIZERS[options.bits() as usize].get_or_init(|| Normalizer::new(options))
}

thread_local! {
    static BUF8: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static BUF16: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
    static BUF32: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// Normalize units of one width into a new `str`, through a reused per-thread buffer.
fn units_to_str<'py, T: CodeUnit>(
    py: Python<'py>,
    n: &Normalizer,
    units: &[T],
    buf: &'static std::thread::LocalKey<RefCell<Vec<T>>>,
) -> PyResult<Bound<'py, PyString>> {
    buf.with(|b| {
        let mut out = b.take();
        out.clear();
        let r = n.normalize_units(units, &mut out);
        let s = match r {
            Ok(or) => new_str(py, &out, or),
            Err(e) => Err(to_py(e)),
        };
        // Keep the buffer for the next call unless one huge text made it big.
        if out.capacity() <= 1 << 22 {
            b.replace(out);
        }
        s
    })
}

fn normalize_str<'py>(n: &Normalizer, s: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    let py = s.py();
    match str_units(s)? {
        StrUnits::Latin1(u) => units_to_str(py, n, u, &BUF8),
        StrUnits::Ucs2(u) => units_to_str(py, n, u, &BUF16),
        StrUnits::Ucs4(u) => units_to_str(py, n, u, &BUF32),
    }
}

fn normalize_bytes<'py>(n: &Normalizer, b: &Bound<'py, PyBytes>) -> PyResult<Bound<'py, PyBytes>> {
    let py = b.py();
    let data = b.as_bytes();
    if data.len() >= DETACH_BYTES {
        let out = py.detach(|| {
            let mut out = Vec::new();
            n.normalize_utf8(data, &mut out).map(|_| out)
        });
        return Ok(PyBytes::new(py, &out.map_err(to_py)?));
    }
    // Small inputs: through a reused per-thread buffer (no allocation per call).
    BUF8.with(|b| {
        let mut out = b.take();
        out.clear();
        let r = n
            .normalize_utf8(data, &mut out)
            .map(|_| PyBytes::new(py, &out));
        if out.capacity() <= 1 << 22 {
            b.replace(out);
        }
        r.map_err(to_py)
    })
}

fn normalize_any<'py>(n: &Normalizer, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if let Ok(s) = text.cast::<PyString>() {
        Ok(normalize_str(n, s)?.into_any())
    } else if let Ok(b) = text.cast::<PyBytes>() {
        Ok(normalize_bytes(n, b)?.into_any())
    } else {
        Err(text_type_error("text", "str or bytes", text))
    }
}

/// normalize(text, /, **options)
/// --
///
/// Normalize Arabic `text` (str -> str, or UTF-8 bytes -> bytes) with the SPEC steps; each
/// step is a keyword option (True/False).
#[pyfunction]
#[pyo3(signature = (text, /, **options))]
fn normalize<'py>(
    text: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let n = normalizer(normalize_options(NormalizeOptions::default(), options)?);
    normalize_any(n, text)
}

/// to_ascii_digits(text, /)
/// --
///
/// Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII, ٫ to '.', ٬ to ','; nothing else
/// changes (str -> str, bytes -> bytes).
#[pyfunction]
#[pyo3(signature = (text, /))]
fn to_ascii_digits<'py>(text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    normalize_any(normalizer(NormalizeOptions::digits_only()), text)
}

/// normalize_with_offsets(text, /, **options)
/// --
///
/// Normalize `text` (a str) and return `(normalized, OffsetMap)`.
#[pyfunction]
#[pyo3(signature = (text, /, **options))]
fn normalize_with_offsets<'py>(
    text: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let n = normalizer(normalize_options(NormalizeOptions::default(), options)?);
    let py = text.py();
    let s = text
        .cast::<PyString>()
        .map_err(|_| text_type_error("text", "str (offsets are str indices)", text))?;
    fn go<'py, T: CodeUnit>(
        py: Python<'py>,
        n: &Normalizer,
        u: &[T],
    ) -> PyResult<(Bound<'py, PyString>, CoreOffsetMap)> {
        let mut out = Vec::new();
        let (or, map) = n.normalize_units_with_map(u, &mut out).map_err(to_py)?;
        Ok((new_str(py, &out, or)?, map))
    }
    let (out, map) = match str_units(s)? {
        StrUnits::Latin1(u) => go(py, n, u)?,
        StrUnits::Ucs2(u) => go(py, n, u)?,
        StrUnits::Ucs4(u) => go(py, n, u)?,
    };
    let map = Bound::new(py, OffsetMap { inner: map })?;
    PyTuple::new(py, [out.into_any(), map.into_any()])
}

/// Maps spans of normalized text back to the original text; both in str (code-point) indices.
#[pyclass(frozen, module = "rasid._core")]
pub struct OffsetMap {
    inner: CoreOffsetMap,
}

#[pymethods]
impl OffsetMap {
    /// Original `(start, end)` of the normalized span `[start, end)`: from the start of the
    /// unit of its first character to the end of the unit of its last one.
    fn to_original(
        &self,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
    ) -> PyResult<(usize, usize)> {
        let (s, e) = (args::index(start, "start")?, args::index(end, "end")?);
        self.inner.checked_to_original(s, e).map_err(to_py)
    }

    /// Length of the normalized text.
    #[getter]
    fn normalized_len(&self) -> usize {
        self.inner.normalized_len()
    }

    /// Length of the original text.
    #[getter]
    fn original_len(&self) -> usize {
        self.inner.original_len()
    }

    /// Number of breakpoints the map stores.
    #[getter]
    fn breakpoints(&self) -> usize {
        self.inner.breakpoints()
    }

    fn __repr__(&self) -> String {
        format!(
            "OffsetMap(normalized_len={}, original_len={}, breakpoints={})",
            self.inner.normalized_len(),
            self.inner.original_len(),
            self.inner.breakpoints()
        )
    }
}

/// Normalizes UTF-8 bytes arriving in chunks split anywhere: feed() each chunk, then finish().
/// The concatenated outputs equal normalize() of the whole input.
#[pyclass(module = "rasid._core")]
pub struct StreamNormalizer {
    inner: CoreStream,
}

#[pymethods]
impl StreamNormalizer {
    #[new]
    // `digits_only` is read by hand (a non-bool is an ArgumentTypeError); not given, False
    #[pyo3(
        signature = (*, digits_only = None, **options),
        text_signature = "(*, digits_only=False, **options)"
    )]
    fn new(
        digits_only: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let digits_only = match digits_only {
            Some(v) => args::flag(v, "digits_only")?,
            None => false,
        };
        let base = if digits_only {
            NormalizeOptions::digits_only()
        } else {
            NormalizeOptions::default()
        };
        let o = normalize_options(base, options)?;
        Ok(StreamNormalizer {
            inner: CoreStream::new(normalizer(o).clone()),
        })
    }

    /// Normalize the next chunk; returns the bytes that can already be written.
    fn feed<'py>(
        &mut self,
        py: Python<'py>,
        chunk: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let b = chunk
            .cast::<PyBytes>()
            .map_err(|_| text_type_error("chunk", "bytes", chunk))?;
        let data = b.as_bytes();
        let inner = &mut self.inner;
        let mut run = move || {
            let mut out = Vec::with_capacity(data.len() + 4);
            inner.feed(data, &mut out).map(|_| out)
        };
        let out = if data.len() >= DETACH_BYTES {
            py.detach(run)
        } else {
            run()
        };
        Ok(PyBytes::new(py, &out.map_err(to_py)?))
    }

    /// End of input: the last held-back bytes; an incomplete final character is an error.
    fn finish<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let mut out = Vec::new();
        self.inner.finish(&mut out).map_err(to_py)?;
        Ok(PyBytes::new(py, &out))
    }
}

/// Option names and their SPEC defaults, as a dict.
#[pyfunction]
fn default_options(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    let bits = NormalizeOptions::default().bits();
    for (i, name) in NormalizeOptions::NAMES.iter().enumerate() {
        d.set_item(name, bits & (1 << i) != 0)?;
    }
    Ok(d)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_with_offsets, m)?)?;
    m.add_function(wrap_pyfunction!(to_ascii_digits, m)?)?;
    m.add_function(wrap_pyfunction!(default_options, m)?)?;
    m.add_class::<OffsetMap>()?;
    m.add_class::<StreamNormalizer>()?;
    Ok(())
}
