//! Python binding of the number parser: `parse_numbers` and the frozen class `NumberMention`.
//!
//! A `str` is read in place (its latin-1/UCS-2/UCS-4 storage), normalized with its offset map
//! and parsed with the GIL released when it is large; spans come back as `str` indices of the
//! original text and each mention carries its phrase, `text[start:end]`.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyString, PyTuple};
use rasid_core::normalize::CodeUnit;
use rasid_core::numerals::{NumberKind, NumberMention as CoreMention, NumeralParser};

use crate::args;
use crate::errors::{argument_type_error, to_py, value_error};
use crate::pystr::{new_str, str_units, StrUnits};

/// Texts at least this many code points long are parsed with the GIL released.
const DETACH_CHARS: usize = 1 << 14;

/// The eight kinds, in Python spelling.
const KINDS: [&str; 8] = [
    "cardinal",
    "ordinal",
    "dual",
    "range",
    "approx",
    "at_least",
    "more_than",
    "vague",
];

/// One number mention: ``text[start:end]`` states a count between ``min`` and ``max``.
#[pyclass(frozen, module = "rasid.numbers", name = "NumberMention")]
pub struct NumberMention {
    /// First code point of the phrase (a ``str`` index of the original text).
    #[pyo3(get)]
    start: usize,
    /// One past its last code point.
    #[pyo3(get)]
    end: usize,
    /// Lowest count stated, or ``None`` when the text gives no lower bound.
    #[pyo3(get)]
    min: Option<u64>,
    /// Highest count stated, or ``None`` when it is open.
    #[pyo3(get)]
    max: Option<u64>,
    /// One of ``cardinal ordinal dual range approx at_least more_than vague``.
    kind: &'static str,
    /// The phrase as written, ``text[start:end]``.
    #[pyo3(get)]
    text: Py<PyString>,
}

#[pymethods]
impl NumberMention {
    // Every argument is read by hand (`crate::args`) so that a wrong one is a rasid error.
    #[new]
    #[pyo3(signature = (start, end, min, max, kind, text))]
    fn new(
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
        min: &Bound<'_, PyAny>,
        max: &Bound<'_, PyAny>,
        kind: &Bound<'_, PyAny>,
        text: &Bound<'_, PyAny>,
    ) -> PyResult<NumberMention> {
        let (start, end) = (args::index(start, "start")?, args::index(end, "end")?);
        let (min, max) = (args::count(min, "min")?, args::count(max, "max")?);
        let kind_str = kind
            .cast::<PyString>()
            .map_err(|_| argument_type_error("kind", "a str", kind))?
            .to_cow()?;
        let kind = KINDS.iter().find(|&&k| k == kind_str).ok_or_else(|| {
            value_error(
                "kind",
                &format!("must be one of {}, not {kind_str:?}", KINDS.join(", ")),
            )
        })?;
        if start > end {
            return Err(value_error(
                &format!("start {start}"),
                &format!("is after end {end}"),
            ));
        }
        let text = args::text(text, "text")?.clone();
        Ok(NumberMention {
            start,
            end,
            min,
            max,
            kind,
            text: text.unbind(),
        })
    }

    /// One of ``cardinal ordinal dual range approx at_least more_than vague``.
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> &Bound<'py, PyString> {
        match self.kind {
            "cardinal" => intern!(py, "cardinal"),
            "ordinal" => intern!(py, "ordinal"),
            "dual" => intern!(py, "dual"),
            "range" => intern!(py, "range"),
            "approx" => intern!(py, "approx"),
            "at_least" => intern!(py, "at_least"),
            "more_than" => intern!(py, "more_than"),
            _ => intern!(py, "vague"),
        }
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<NumberMention>() else {
            return Ok(py.NotImplemented());
        };
        let o = other.get();
        let same = self.start == o.start
            && self.end == o.end
            && self.min == o.min
            && self.max == o.max
            && self.kind == o.kind
            && self.text.bind(py).as_any().eq(o.text.bind(py))?;
        Ok(PyBool::new(py, same).to_owned().into_any().unbind())
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        self.fields(py)?.hash()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = self.text.bind(py);
        let opt = |v: Option<u64>| v.map_or_else(|| "None".to_string(), |v| v.to_string());
        Ok(format!(
            "NumberMention(start={}, end={}, min={}, max={}, kind='{}', text={})",
            self.start,
            self.end,
            opt(self.min),
            opt(self.max),
            self.kind,
            text.repr()?
        ))
    }

    fn __getnewargs__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.fields(py)
    }
}

impl NumberMention {
    /// The fields in the constructor's order: what `__hash__` hashes and what pickle passes
    /// back to the constructor.
    fn fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        (
            self.start,
            self.end,
            self.min,
            self.max,
            self.kind,
            self.text.bind(py),
        )
            .into_pyobject(py)
    }
}

fn kind_name(kind: NumberKind) -> &'static str {
    kind.as_str()
}

/// Parses one width of code units, releasing the GIL for long texts.
fn parse_units<T: CodeUnit>(
    py: Python<'_>,
    units: &[T],
) -> Result<Vec<CoreMention>, rasid_core::error::TextError> {
    let parser = NumeralParser::shared();
    if units.len() >= DETACH_CHARS {
        py.detach(|| parser.parse_units(units))
    } else {
        parser.parse_units(units)
    }
}

/// The phrase `units[start..end]` as a new `str` (built straight from the code units).
fn phrase<'py, T: CodeUnit>(
    py: Python<'py>,
    units: &[T],
    m: &CoreMention,
) -> PyResult<Bound<'py, PyString>> {
    let part = &units[m.start.min(units.len())..m.end.min(units.len())];
    let or = part.iter().fold(0u32, |acc, u| acc | u.get());
    new_str(py, part, or)
}

fn build<T: CodeUnit>(py: Python<'_>, units: &[T]) -> PyResult<Vec<NumberMention>> {
    let found = parse_units(py, units).map_err(to_py)?;
    found
        .iter()
        .map(|m| {
            Ok(NumberMention {
                start: m.start,
                end: m.end,
                min: m.min,
                max: m.max,
                kind: kind_name(m.kind),
                text: phrase(py, units, m)?.unbind(),
            })
        })
        .collect()
}

/// Number mentions of ``text``, left to right (see ``rasid.numbers``).
#[pyfunction]
#[pyo3(signature = (text, /))]
fn parse_numbers(text: &Bound<'_, PyAny>) -> PyResult<Vec<NumberMention>> {
    let py = text.py();
    let s = args::text(text, "text")?;
    match str_units(s)? {
        StrUnits::Latin1(u) => build(py, u),
        StrUnits::Ucs2(u) => build(py, u),
        StrUnits::Ucs4(u) => build(py, u),
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NumberMention>()?;
    m.add_function(wrap_pyfunction!(parse_numbers, m)?)?;
    Ok(())
}
