"""The folded view of a text that date expressions are matched on, with its map back.

The package normalizer (:func:`rasid.normalize_with_offsets`, in Rust) with ة → ه and digit
folding, without white-space folding, plus ې → ي, ڤ → ف, پ → ب (:func:`_fold`).
"""

from __future__ import annotations

from ..text import OPTIONS as DEFAULT_OPTIONS
from ..text import OffsetMap, normalize_with_offsets

_FOLD_OPTIONS = {
    "diacritics": True,
    "tatweel": True,
    "alef": True,
    "alef_maqsura": True,
    "teh_marbuta": True,  # matching only; offsets unchanged
    "hamza": False,
    "persian": True,
    "presentation_forms": True,
    "invisible": True,
    "punctuation": False,
    "whitespace": False,
    "digits": True,
}
# letters the normalizer keeps that date words are also spelt with: «نوڤمبر», «اپريل»
_EXTRA_FOLD = str.maketrans({"ې": "ي", "ڤ": "ف", "پ": "ب"})

# harakat U+064B–U+0652, superscript alef U+0670, Quranic marks U+0610–U+061A and
# U+06D6–U+06ED, tatweel U+0640: absorbed into the end of a span they follow.
_MARKS = frozenset(
    {chr(c) for c in range(0x064B, 0x0653)}
    | {"\u0670", "\u0640"}
    | {chr(c) for c in range(0x0610, 0x061B)}
    | {chr(c) for c in range(0x06D6, 0x06EE)}
)


# the same call with only the options that differ from the defaults (fewer keywords to read)
_FOLD_KEYWORDS = {k: v for k, v in _FOLD_OPTIONS.items() if DEFAULT_OPTIONS.get(k) != v}


def _fold(text: str) -> tuple[str, OffsetMap]:
    """Fold ``text`` for matching; return the folded string and its map to ``text``."""
    folded, offsets = normalize_with_offsets(text, **_FOLD_KEYWORDS)
    if "ې" in folded or "ڤ" in folded or "پ" in folded:
        folded = folded.translate(_EXTRA_FOLD)
    return folded, offsets
