//! Zero-copy access to a Python `str`'s own storage, and building canonical `str` objects.
//!
//! CPython stores a `str` as fixed-width code units: latin-1 (1 byte), UCS-2 or UCS-4, always
//! the narrowest kind that holds its largest character. [`str_units`] borrows that storage as
//! a slice (no copy, no UTF-8 encoding); the indices of the slice are Python `str` indices.
//! [`new_str`] builds a `str` from code units of any width, picking the canonical kind (a
//! `str` whose storage is wider than needed compares unequal to an equal one).
//!
//! Not for the limited API (abi3): it reads the `str` layout through `pyo3::ffi`.

use pyo3::exceptions::PyMemoryError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::PyString;
use rasid_core::normalize::CodeUnit;

/// The code units of a `str`, borrowed from the object.
pub enum StrUnits<'a> {
    /// Kind 1: every character below U+0100.
    Latin1(&'a [u8]),
    /// Kind 2: every character below U+10000 (may hold lone surrogates).
    Ucs2(&'a [u16]),
    /// Kind 4: any character.
    Ucs4(&'a [u32]),
}

/// Borrow the storage of `s`. The slice lives as long as the borrow of `s`: `str` objects are
/// immutable, so the data cannot change while we hold a reference.
pub fn str_units<'a>(s: &'a Bound<'_, PyString>) -> PyResult<StrUnits<'a>> {
    let ptr = s.as_ptr();
    // SAFETY: `ptr` is a live `str` (we hold a reference); on CPython < 3.12 a legacy string
    // must be made ready before its kind and data are read.
    unsafe {
        if ffi::PyUnicode_READY(ptr) != 0 {
            return Err(PyErr::fetch(s.py()));
        }
        let len = ffi::PyUnicode_GET_LENGTH(ptr) as usize;
        let data = ffi::PyUnicode_DATA(ptr);
        Ok(match ffi::PyUnicode_KIND(ptr) {
            ffi::PyUnicode_1BYTE_KIND => {
                StrUnits::Latin1(std::slice::from_raw_parts(data as *const u8, len))
            }
            ffi::PyUnicode_2BYTE_KIND => {
                StrUnits::Ucs2(std::slice::from_raw_parts(data as *const u16, len))
            }
            _ => StrUnits::Ucs4(std::slice::from_raw_parts(data as *const u32, len)),
        })
    }
}

/// A new `str` holding `units`, whose code points OR together to `or` (the OR is enough to
/// pick the canonical kind: it is at most 0x7F, 0xFF or 0xFFFF exactly when the maximum is).
pub fn new_str<'py, T: CodeUnit>(
    py: Python<'py>,
    units: &[T],
    or: u32,
) -> PyResult<Bound<'py, PyString>> {
    let maxchar = or.min(0x10FFFF);
    let len = units.len();
    // SAFETY: PyUnicode_New returns a fresh, uninitialized `str` of `len` characters of the kind
    // `maxchar` needs; we fill exactly `len` units of that kind before anyone else sees it.
    unsafe {
        let obj = ffi::PyUnicode_New(len as ffi::Py_ssize_t, maxchar);
        if obj.is_null() {
            return Err(
                PyErr::take(py).unwrap_or_else(|| PyMemoryError::new_err("PyUnicode_New failed"))
            );
        }
        let data = ffi::PyUnicode_DATA(obj);
        match ffi::PyUnicode_KIND(obj) {
            ffi::PyUnicode_1BYTE_KIND => {
                fill(units, std::slice::from_raw_parts_mut(data as *mut u8, len))
            }
            ffi::PyUnicode_2BYTE_KIND => {
                fill(units, std::slice::from_raw_parts_mut(data as *mut u16, len))
            }
            _ => fill(units, std::slice::from_raw_parts_mut(data as *mut u32, len)),
        }
        Ok(Bound::from_owned_ptr(py, obj).cast_into_unchecked())
    }
}

#[inline]
fn fill<T: CodeUnit, U: CodeUnit>(src: &[T], dst: &mut [U]) {
    if std::mem::size_of::<T>() == std::mem::size_of::<U>() {
        // SAFETY: same width, both plain integers.
        unsafe {
            std::ptr::copy_nonoverlapping(src.as_ptr() as *const U, dst.as_mut_ptr(), src.len())
        }
    } else {
        for (d, s) in dst.iter_mut().zip(src) {
            *d = U::from_cp(s.get());
        }
    }
}
