//! The normalization step in front of the gazetteer (stand-in until `crate::normalize` lands):
//! every character is its own unit and passes through unchanged.

/// Normalization applied to names and texts before folding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Norm;

impl Norm {
    /// Calls `emit(ch, unit_start, unit_end)` for each normalized character.
    #[inline]
    pub fn feed<I: Iterator<Item = char>, F: FnMut(char, usize, usize)>(&self, input: I, mut emit: F) {
        for (i, c) in input.enumerate() {
            emit(c, i, i + 1);
        }
    }
}

impl Norm {
    /// The options as bits, for the gazetteer file header.
    pub fn to_bits(&self) -> u64 {
        0
    }

    /// Options from [`Norm::to_bits`]; `None` for bits this version does not know.
    pub fn from_bits(bits: u64) -> Option<Norm> {
        (bits == 0).then_some(Norm)
    }
}
