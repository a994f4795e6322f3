//! The normalization in front of the gazetteer: a [`Normalizer`] applied to names and texts
//! alike, streaming characters with their original spans into the folding step.

use crate::normalize::{NormalizeOptions, Normalizer};

/// Normalization applied to names and texts before folding. The default is
/// [`NormalizeOptions::default`] with `digits` on (Arabic-Indic digits match ASCII ones).
#[derive(Clone)]
pub struct Norm {
    normalizer: Normalizer,
}

impl std::fmt::Debug for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Norm").field(&self.options()).finish()
    }
}

impl Default for Norm {
    fn default() -> Self {
        Norm::new(Norm::default_options())
    }
}

impl Norm {
    /// The gazetteer's default options: the normalizer's defaults plus `digits`.
    pub fn default_options() -> NormalizeOptions {
        NormalizeOptions {
            digits: true,
            ..NormalizeOptions::default()
        }
    }

    /// Normalization with `options`.
    pub fn new(options: NormalizeOptions) -> Norm {
        Norm {
            normalizer: Normalizer::new(options),
        }
    }

    /// The options.
    pub fn options(&self) -> NormalizeOptions {
        self.normalizer.options()
    }

    /// The normalizer's compositions of a letter with a combining hamza or madda.
    pub fn compositions(&self) -> &[(u32, u32, u32)] {
        self.normalizer.compositions()
    }

    /// Calls `emit(ch, unit_start, unit_end)` for each normalized character.
    #[inline]
    pub fn feed<I: Iterator<Item = char>, F: FnMut(char, usize, usize)>(&self, input: I, emit: F) {
        self.normalizer.normalize_chars(input, emit)
    }

    /// The options as bits, for the gazetteer file header.
    pub fn to_bits(&self) -> u64 {
        self.options().bits() as u64
    }

    /// Options from [`Norm::to_bits`]; `None` for bits this version does not know.
    pub fn from_bits(bits: u64) -> Option<Norm> {
        (bits < (1 << NormalizeOptions::NAMES.len()))
            .then(|| Norm::new(NormalizeOptions::from_bits(bits as u16)))
    }
}
