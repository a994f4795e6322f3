//! Arguments read by hand, so that a wrong one is a `rasid.errors` exception: PyO3's own
//! conversion of a typed parameter would raise a plain `TypeError` (a str for an int) or
//! `OverflowError` (a negative int for an index) before the method runs.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyString};
use rasid_core::normalize::NormalizeOptions;

use crate::errors::{argument_type_error, text_type_error, to_py, value_error};

/// A text argument that must be a `str` (`TextTypeError` otherwise).
pub fn text<'a, 'py>(
    value: &'a Bound<'py, PyAny>,
    what: &str,
) -> PyResult<&'a Bound<'py, PyString>> {
    value
        .cast::<PyString>()
        .map_err(|_| text_type_error(what, "str", value))
}

/// An index or length: an `int` from 0 up (`OptionError` below 0 or too large,
/// `ArgumentTypeError` for another type).
pub fn index(value: &Bound<'_, PyAny>, what: &str) -> PyResult<usize> {
    if !value.is_instance_of::<PyInt>() || value.is_instance_of::<PyBool>() {
        return Err(argument_type_error(what, "an int", value));
    }
    match value.extract::<i64>() {
        Ok(v) if v < 0 => Err(value_error(what, &format!("must be >= 0, got {v}"))),
        Ok(v) => usize::try_from(v).map_err(|_| value_error(what, "is out of range")),
        Err(_) => Err(value_error(what, "is out of range")),
    }
}

/// A count that may be unknown: `None` or an `int` from 0 up.
pub fn count(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Option<u64>> {
    if value.is_none() {
        return Ok(None);
    }
    let i = index(value, what)?;
    u64::try_from(i)
        .map(Some)
        .map_err(|_| value_error(what, "is out of range"))
}

/// A switch: `True` or `False` only (`ArgumentTypeError` for `1`, `"yes"`, `None`).
pub fn flag(value: &Bound<'_, PyAny>, what: &str) -> PyResult<bool> {
    value
        .cast::<PyBool>()
        .map(|b| b.is_true())
        .map_err(|_| argument_type_error(what, "True or False", value))
}

/// Any other argument: `ArgumentTypeError` (saying it must be `expected`) when PyO3 cannot
/// convert it, `OptionError` when it is a number out of range.
pub fn extract<'py, T: FromPyObjectOwned<'py>>(
    value: &Bound<'py, PyAny>,
    what: &str,
    expected: &str,
) -> PyResult<T> {
    value.extract::<T>().map_err(|err| {
        let err: PyErr = err.into();
        if err.is_instance_of::<pyo3::exceptions::PyOverflowError>(value.py()) {
            value_error(what, "is out of range")
        } else {
            argument_type_error(what, expected, value)
        }
    })
}

/// Normalization options from keyword arguments over `base`: known names only, values
/// `True` or `False` (`OptionError` otherwise, naming the known options).
pub fn normalize_options(
    base: NormalizeOptions,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<NormalizeOptions> {
    let mut options = base;
    if let Some(kwargs) = kwargs {
        for (key, value) in kwargs.iter() {
            // keyword names are always str
            let name = key.cast::<PyString>()?.to_cow()?;
            let Ok(flag) = value.cast::<PyBool>() else {
                return Err(value_error(
                    &format!("option {name:?}"),
                    &format!("must be True or False, not {}", value.get_type().name()?),
                ));
            };
            options.set(&name, flag.is_true()).map_err(to_py)?;
        }
    }
    Ok(options)
}
