//! The one place where errors become Python exceptions.
//!
//! Every exception the extension raises on purpose is a class of `rasid.errors`, under its
//! root `RasidError`. The classes are defined in Python (so that each is also the builtin a
//! caller may catch: `ValueError`, `TypeError`, `OSError`, `KeyError`) and imported here once.
//!
//! * [`to_py`] maps every error of the core ([`CoreError`]) to its class;
//! * the functions below it build the binding's own errors (a wrong argument, a text too
//!   long, a missing key, an entry it rejects);
//! * [`crate::args`] reads arguments by hand with them, where PyO3's own conversion would
//!   raise a plain `TypeError` or `OverflowError`.

use std::path::Path;

use pyo3::prelude::*;
use pyo3::PyErrArguments;
use rasid_core::error::{OptionError as CoreOptionError, SpanError, TextError, Utf8Error};
use rasid_core::gazetteer::{BuildError, FileError};
use rasid_core::normalize::NormalizeOptions;

pyo3::import_exception!(rasid.errors, InvalidTextError);
pyo3::import_exception!(rasid.errors, TextTypeError);
pyo3::import_exception!(rasid.errors, OptionError);
pyo3::import_exception!(rasid.errors, ArgumentTypeError);
pyo3::import_exception!(rasid.errors, MissingKeyError);
pyo3::import_exception!(rasid.errors, GazetteerBuildError);
pyo3::import_exception!(rasid.errors, GazetteerFileError);
pyo3::import_exception!(rasid.errors, GazetteerNotFoundError);

/// An error of the core, with what the binding adds to its message (a file's path).
pub enum CoreError<'a> {
    /// Text the core cannot process (a lone surrogate).
    Text(TextError),
    /// Bytes that are not UTF-8.
    Utf8(Utf8Error),
    /// A normalization option name the core does not know.
    Option(CoreOptionError),
    /// A span outside the normalized text.
    Span(SpanError),
    /// An entry that cannot go into a gazetteer.
    Build(BuildError),
    /// A gazetteer file (or image, `<bytes>`) that cannot be read or written.
    File(FileError, &'a Path),
}

/// `From` each error of the core into its variant, so that [`to_py`] takes any of them.
macro_rules! core_error_from {
    ($($error:ty => $variant:ident),* $(,)?) => {$(
        impl From<$error> for CoreError<'_> {
            fn from(e: $error) -> Self {
                CoreError::$variant(e)
            }
        }
    )*};
}

core_error_from!(
    TextError => Text,
    Utf8Error => Utf8,
    CoreOptionError => Option,
    SpanError => Span,
    BuildError => Build,
);

impl<'a> From<(FileError, &'a Path)> for CoreError<'a> {
    fn from((e, path): (FileError, &'a Path)) -> Self {
        CoreError::File(e, path)
    }
}

/// The Python exception for an error of the core: text and UTF-8 errors are
/// `InvalidTextError`, unknown options and spans out of range `OptionError`, a bad entry
/// `GazetteerBuildError` (its `entry` attribute is the entry's index), a file that does not
/// exist `GazetteerNotFoundError` and any other file problem `GazetteerFileError`.
pub fn to_py<'a>(err: impl Into<CoreError<'a>>) -> PyErr {
    match err.into() {
        CoreError::Text(e) => InvalidTextError::new_err(e.to_string()),
        CoreError::Utf8(e) => InvalidTextError::new_err(e.to_string()),
        CoreError::Option(e) => OptionError::new_err(format!(
            "{e}; known options: {}",
            NormalizeOptions::NAMES.join(", ")
        )),
        CoreError::Span(e) => OptionError::new_err(e.to_string()),
        CoreError::Build(e) => Python::attach(|py| {
            let err = GazetteerBuildError::new_err(e.to_string());
            // the index lets `Gazetteer.from_files` name the file and line of the entry
            let _ = err.value(py).setattr("entry", e.entry);
            err
        }),
        CoreError::File(FileError::Io(io), path) => {
            let msg = format!("{}: {io}", path.display());
            match io.kind() {
                std::io::ErrorKind::NotFound => GazetteerNotFoundError::new_err(msg),
                _ => GazetteerFileError::new_err(msg),
            }
        }
        CoreError::File(FileError::Format(m), path) => {
            GazetteerFileError::new_err(format!("{}: {m}", path.display()))
        }
    }
}

/// The name of `value`'s type, for messages.
fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// `TextTypeError`: `what` (a text argument) is not of a type in `accepted` ("str", "str or
/// bytes", "bytes").
pub fn text_type_error(what: &str, accepted: &str, value: &Bound<'_, PyAny>) -> PyErr {
    TextTypeError::new_err(format!(
        "{what} must be {accepted}, not {}",
        type_name(value)
    ))
}

/// `ArgumentTypeError`: `what` (an argument other than text) is not `expected`.
pub fn argument_type_error(what: &str, expected: &str, value: &Bound<'_, PyAny>) -> PyErr {
    ArgumentTypeError::new_err(format!(
        "{what} must be {expected}, not {}",
        type_name(value)
    ))
}

/// `InvalidTextError`: a text of the right type that the binding cannot take (`reason`).
pub fn invalid_text(reason: &str) -> PyErr {
    InvalidTextError::new_err(reason.to_owned())
}

/// `OptionError`: a value of the right type that is not allowed (`reason` says why).
pub fn value_error(what: &str, reason: &str) -> PyErr {
    OptionError::new_err(format!("{what} {reason}"))
}

/// `MissingKeyError` (also a `KeyError`, whose argument is the key): nothing under `key`.
pub fn missing_key<K: PyErrArguments + Send + Sync + 'static>(key: K) -> PyErr {
    MissingKeyError::new_err(key)
}

/// `GazetteerBuildError` for entry `entry` that the binding rejects before the core sees it.
pub fn build_error(entry: usize, reason: &str) -> PyErr {
    to_py(BuildError {
        entry,
        reason: reason.to_owned(),
    })
}
