"""Arabic text normalization with offset maps back to the original text.

    >>> from rasid.text import normalize, normalize_with_offsets
    >>> normalize("قَصَفَتْ  الطّائِرَاتُ")
    'قصفت الطائرات'
    >>> text = "قَصَفَتْ الطّائِرَاتُ"
    >>> norm, offsets = normalize_with_offsets(text)
    >>> start, end = offsets.to_original(5, 13)
    >>> text[start:end], normalize(text[start:end]) == norm[5:13]
    ('الطّائِرَاتُ', True)

Every step of the SPEC is a keyword option, on by default unless noted (see :data:`OPTIONS`):

``diacritics``
    delete harakat U+064B–U+0652, superscript alef U+0670 and Quranic marks U+0610–U+061A,
    U+06D6–U+06ED
``tatweel``
    delete U+0640 ``ـ``
``alef``
    أ إ آ ٱ (and ٲ ٳ) → ا
``alef_maqsura``
    ى → ي
``teh_marbuta`` (off)
    ة → ه
``hamza`` (off)
    ؤ → و, ئ → ي
``persian``
    ی ے → ي, ک ڪ → ك, ۀ ہ ۂ ھ ە → ه, ۓ → ئ, ۃ → ة
``presentation_forms``
    U+FB50–U+FDFF, U+FE70–U+FEFF → base letters by their NFKC form (ﻻ → لا, one unit for two
    characters); the spacing forms of the harakat become the harakat
``invisible``
    delete ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM U+061C, bidi embeddings/overrides/isolates, word
    joiner, BOM, soft hyphen
``punctuation`` (off)
    ، ؛ ؟ → , ; ? and « » “ ” → ``"``; kept as they are by default
``whitespace``
    fold every run of white space into one character: ``"\\n"`` if the run holds a line
    break (so paragraphs survive), else ``" "``. Deleted characters inside a run do not break
    it. Runs are folded, never stripped (so spans keep mapping back).
``digits`` (off)
    ٠–٩ and ۰–۹ → 0–9, ٫ → ``.``, ٬ → ``,``

Offsets are ``str`` indices (code points). A normalized span maps back to the original span
from the start of its first character's unit to the end of its last character's unit, where a
unit is one kept character with the deleted characters that follow it (so a word's trailing
harakat and tatweel are included), one expanded ligature, or one folded white-space run. For
every span whose ends fall between whole units,
``normalize(original[s:e]) == normalized[ns:ne]`` where ``(s, e) = offsets.to_original(ns, ne)``.

Errors: an unknown option or a non-bool value → :class:`rasid.errors.OptionError`; text that is
not ``str``/``bytes`` → :class:`rasid.errors.TextTypeError`; lone surrogates in a ``str`` or
invalid UTF-8 in ``bytes`` → :class:`rasid.errors.InvalidTextError` naming the position.
"""

from __future__ import annotations

from ._core import (
    OffsetMap,
    StreamNormalizer,
    default_options,
    normalize,
    normalize_with_offsets,
    to_ascii_digits,
)

#: Option names and their SPEC defaults.
OPTIONS: dict[str, bool] = default_options()

__all__ = [
    "OPTIONS",
    "OffsetMap",
    "StreamNormalizer",
    "normalize",
    "normalize_with_offsets",
    "to_ascii_digits",
]
