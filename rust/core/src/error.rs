//! Error types of the core, split by phase.

use std::fmt;

/// A problem with text handed to the core (for example a lone surrogate code point).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    /// Code-point index of the offending character in the input.
    pub position: usize,
    /// What is wrong there.
    pub reason: String,
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid text at code point {}: {}",
            self.position, self.reason
        )
    }
}

impl std::error::Error for TextError {}

/// Bytes handed to the core that are not valid UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Utf8Error {
    /// Byte offset, in the whole input, of the first byte that is not valid UTF-8.
    pub position: usize,
    /// True when the input ends in the middle of a character (a truncated sequence).
    pub truncated: bool,
}

impl fmt::Display for Utf8Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.truncated {
            write!(
                f,
                "invalid UTF-8: input ends inside a character starting at byte {}",
                self.position
            )
        } else {
            write!(f, "invalid UTF-8 at byte {}", self.position)
        }
    }
}

impl std::error::Error for Utf8Error {}

/// An option name that the normalizer does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionError {
    /// The unknown name.
    pub name: String,
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown normalization option {:?}", self.name)
    }
}

impl std::error::Error for OptionError {}

/// A span of normalized text that is not inside it (`start > end` or `end` past its length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpanError {
    /// Start of the span asked for.
    pub start: usize,
    /// End of the span asked for.
    pub end: usize,
    /// Length of the normalized text, in code points.
    pub len: usize,
}

impl fmt::Display for SpanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "span ({}, {}) is not inside the normalized text of length {}",
            self.start, self.end, self.len
        )
    }
}

impl std::error::Error for SpanError {}
