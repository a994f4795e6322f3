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
        write!(f, "invalid text at code point {}: {}", self.position, self.reason)
    }
}

impl std::error::Error for TextError {}
