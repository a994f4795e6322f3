//! `rasid._core`: the thin, typed PyO3 layer over `rasid-core`.
//!
//! Each component registers its own classes and functions; errors are mapped to the
//! exception tree of `rasid.errors` in one place ([`errors`]), and arguments that PyO3 would
//! reject with a plain `TypeError` are read by hand ([`args`]).

use pyo3::prelude::*;

mod args;
mod errors;
mod gazetteer;
mod normalize;
mod numerals;
mod pystr;

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    normalize::register(m)?;
    numerals::register(m)?;
    gazetteer::register(m)?;
    Ok(())
}
