//! rasid-core: the Arabic text core of rasid.
//!
//! Pure Rust, no Python: normalization with an offset map back to the original text
//! ([`normalize`], [`offsets`]), number mentions ([`numerals`]) and one-pass gazetteer
//! matching at Arabic word boundaries ([`gazetteer`]). The PyO3 binding lives in `rust/py`.
#![forbid(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]

pub mod error;
pub mod gazetteer;
pub mod normalize;
pub mod numerals;
pub mod offsets;
