//! One place that maps core errors to the Python exceptions defined in `rasid.errors`.
//!
//! The exception classes are defined in Python (so they can inherit from both `RasidError`
//! and `ValueError`/`TypeError`/`OSError`) and imported here once.

use pyo3::PyErr;

pyo3::import_exception!(rasid.errors, RasidError);
pyo3::import_exception!(rasid.errors, InvalidTextError);
pyo3::import_exception!(rasid.errors, TextTypeError);
pyo3::import_exception!(rasid.errors, OptionError);
pyo3::import_exception!(rasid.errors, ArgumentTypeError);
pyo3::import_exception!(rasid.errors, GazetteerBuildError);
pyo3::import_exception!(rasid.errors, GazetteerFileError);
pyo3::import_exception!(rasid.errors, GazetteerNotFoundError);

/// A core text error as `rasid.errors.InvalidTextError` (a `ValueError`).
#[allow(dead_code)]
pub fn text_error(err: rasid_core::error::TextError) -> PyErr {
    InvalidTextError::new_err(err.to_string())
}
