"""rasid.text: normalization, offset maps, digits; cases shared with the Rust tests."""

from __future__ import annotations

import pathlib
import re
import sys

import pytest
import rasid
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasid.errors import InvalidTextError, OptionError, TextTypeError
from rasid.text import OPTIONS, StreamNormalizer, normalize, normalize_with_offsets, to_ascii_digits

CASES_FILE = pathlib.Path(__file__).parent / "data" / "normalize_cases.tsv"


def _unescape(s: str) -> str:
    return re.sub(
        r"\\(n|t|r|\\|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})",
        lambda m: {"n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(m[1]) or chr(int(m[1][1:], 16)),
        s,
    )


def _options(spec: str) -> dict[str, bool]:
    opts = dict(OPTIONS)
    for word in spec.split():
        if word == "default":
            opts = dict(OPTIONS)
        elif word == "none":
            opts = dict.fromkeys(OPTIONS, False)
        else:
            opts[word[1:]] = word[0] == "+"
    return opts


def _cases():
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, spec, src, want = line.split("\t")
            yield pytest.param(_options(spec), _unescape(src), _unescape(want), id=name)


CASES = list(_cases())


@pytest.mark.parametrize(("options", "src", "want"), CASES)
def test_table_case(options, src, want):
    assert normalize(src, **options) == want
    assert normalize(src.encode("utf-8"), **options) == want.encode("utf-8")
    norm, offsets = normalize_with_offsets(src, **options)
    assert norm == want
    assert (offsets.normalized_len, offsets.original_len) == (len(want), len(src))


def test_table_has_every_option():
    assert len(CASES) > 40
    text = CASES_FILE.read_text(encoding="utf-8")
    for name in OPTIONS:
        assert f"+{name}" in text or f"-{name}" in text, name


def test_public_names():
    assert rasid.normalize is normalize
    assert rasid.normalize_with_offsets is normalize_with_offsets
    assert rasid.to_ascii_digits is to_ascii_digits
    assert rasid.OffsetMap is type(normalize_with_offsets("")[1])


def test_defaults_follow_the_spec():
    off = {"teh_marbuta", "hamza", "punctuation", "digits"}
    assert OPTIONS == {name: name not in off for name in OPTIONS}
    assert len(OPTIONS) == 12


def test_offsets_prove_themselves_by_slicing():
    text = "قَصَفَتْ الطّائِرَاتُ المُسَيَّرَةُ قاعِدَةَ «عين الأسد» ﻻ"
    norm, offsets = normalize_with_offsets(text)
    assert norm == "قصفت الطائرات المسيرة قاعدة «عين الاسد» لا"
    start = norm.index("المسيرة")
    s, e = offsets.to_original(start, start + len("المسيرة"))
    assert text[s:e] == "المُسَيَّرَةُ"
    assert (s, e) == (22, 35)
    s, e = offsets.to_original(norm.index("الاسد"), norm.index("الاسد") + 5)
    assert text[s:e] == "الأسد"
    # the lam-alef ligature: two normalized characters, one original one
    assert offsets.to_original(len(norm) - 2, len(norm)) == (len(text) - 1, len(text))
    assert offsets.to_original(len(norm), len(norm)) == (len(text), len(text))
    assert offsets.to_original(0, 0) == (0, 0)


def test_offsets_reject_bad_spans():
    _, offsets = normalize_with_offsets("كَتَبَ")
    for start, end in [(0, 4), (3, 2), (-1, 2), (0, 2**80)]:
        with pytest.raises(OptionError):
            offsets.to_original(start, end)
    with pytest.raises(ValueError):
        offsets.to_original(0, 9)
    with pytest.raises(TypeError):
        offsets.to_original("0", 1)


def test_to_ascii_digits():
    assert to_ascii_digits("أطلق ١٢ صاروخا و۱۳ طائرة، ٥٫٥ و٥٬٢٠٠") == (
        "أطلق 12 صاروخا و13 طائرة، 5.5 و5,200"
    )
    assert to_ascii_digits("٣".encode()) == b"3"
    assert to_ascii_digits("كَتَبَ") == "كَتَبَ"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("a\u064e\u0640\u200c b", "a b"),  # Arabic all deleted -> ASCII storage
        ("é\u064e", "é"),  # latin-1 storage
        ("ب\U0001f600\u200c", "ب\U0001f600"),
        ("\U0001f600\u064e", "\U0001f600"),
        ("ﻻ\U0001f600", "لا\U0001f600"),
    ],
)
def test_results_have_canonical_storage(text, want):
    got = normalize(text)
    assert got == want
    assert hash(got) == hash(want)
    assert got.isascii() == want.isascii()
    # same storage size as the equal literal: same (canonical) kind
    assert sys.getsizeof(got) == sys.getsizeof(want)


def test_unchanged_input_equals_output():
    for text in ["", "abc", "بغداد", "😀 x"]:
        assert normalize(text) == text


@pytest.mark.parametrize("bad", [None, 3, 3.5, ["ب"], bytearray(b"x")])
def test_wrong_types(bad):
    with pytest.raises(TextTypeError):
        normalize(bad)
    with pytest.raises(TypeError):
        to_ascii_digits(bad)


def test_offsets_need_str():
    with pytest.raises(TextTypeError):
        normalize_with_offsets(b"abc")


def test_unknown_or_bad_options():
    with pytest.raises(OptionError, match="tashkeel"):
        normalize("ب", tashkeel=True)
    with pytest.raises(OptionError):
        normalize("ب", diacritics=1)
    with pytest.raises(OptionError):
        normalize_with_offsets("ب", digits="yes")
    with pytest.raises(ValueError):
        normalize(b"x", alef=None)


def test_lone_surrogates_are_invalid_text():
    with pytest.raises(InvalidTextError, match="code point 2"):
        normalize("بب\ud800")
    with pytest.raises(InvalidTextError, match="code point 1"):
        normalize_with_offsets("\U0001f600\udfff")


def test_invalid_utf8_names_the_byte():
    with pytest.raises(InvalidTextError, match="byte 4"):
        normalize("بب".encode() + b"\xff")
    with pytest.raises(InvalidTextError, match="byte 2"):
        normalize(b"ab\xd8")


def test_large_bytes_release_the_gil_and_match_str():
    text = "قَصَفَتْ  ﻻ ١٢\n" * 20000
    assert normalize(text.encode()) == normalize(text).encode()


def test_stream_normalizer_matches_whole_input():
    data = "أ  \n ـ ب".encode() * 3
    whole = normalize(data)
    for cut in range(len(data) + 1):
        s = StreamNormalizer()
        assert s.feed(data[:cut]) + s.feed(data[cut:]) + s.finish() == whole
    s = StreamNormalizer()
    s.feed(b"ab\xd8")
    with pytest.raises(InvalidTextError, match="byte 2"):
        s.finish()


# ---- properties ----

ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱىةؤئیکۀےۃ"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0610\u0615\u06d6\u06e1\u06ed"
    "\u0640٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬"
    "\ufefb\ufef7\ufef9\ufdf2\ufdfa\ufe70\ufe71\ufc60\ufe8d\ufedf\ufee4\ufb8e\ufbfc"
    "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202e\u2066\u2069\ufeff\u00ad"
    "  \n\t\r\u00a0\u2003\u2028"
    "،؛؟«»“”.,!? azAZ09é\U0001f600\U0001d538"
)
arabic_text = st.text(alphabet=ALPHABET, max_size=40)
option_sets = st.fixed_dictionaries({name: st.booleans() for name in OPTIONS})


def _unit_starts(offsets, n):
    """Normalized indices where a unit starts (plus n): the ends of spans between whole units."""
    starts = [0]
    for k in range(1, n):
        if offsets.to_original(k, k + 1)[0] != offsets.to_original(k - 1, k)[0]:
            starts.append(k)
    starts.append(n)
    return sorted(set(starts))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arabic_text, option_sets)
def test_offset_invariant(text, options):
    norm, offsets = normalize_with_offsets(text, **options)
    assert norm == normalize(text, **options)
    starts = _unit_starts(offsets, len(norm))
    for i, ns in enumerate(starts):
        for ne in starts[i:]:
            s, e = offsets.to_original(ns, ne)
            assert 0 <= s <= e <= len(text)
            assert normalize(text[s:e], **options) == norm[ns:ne], (ns, ne, s, e)


@settings(max_examples=150, deadline=None)
@given(arabic_text, option_sets)
def test_bytes_str_and_stream_agree(text, options):
    norm = normalize(text, **options)
    data = text.encode("utf-8")
    assert normalize(data, **options) == norm.encode("utf-8")
    cut = len(data) // 3
    s = StreamNormalizer(**options)
    assert s.feed(data[:cut]) + s.feed(data[cut:]) + s.finish() == norm.encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_never_crashes_on_any_str(text):
    norm, offsets = normalize_with_offsets(text)
    assert normalize(text) == norm
    assert normalize(norm) == norm  # idempotent
    assert offsets.to_original(0, len(norm))[1] <= len(text)
    assert to_ascii_digits(text) == to_ascii_digits(to_ascii_digits(text))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=60))
def test_never_crashes_on_any_bytes(data):
    try:
        out = normalize(data)
    except InvalidTextError:
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    else:
        assert out == normalize(data.decode("utf-8")).encode("utf-8")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1), arabic_text)
def test_surrogates_always_rejected(surrogates, text):
    with pytest.raises(InvalidTextError):
        normalize(text + "".join(surrogates))


long_text = st.lists(
    st.one_of(
        st.sampled_from(["بغداد", "الصواريخ", "قاعدة", "عين", "الأسد", "على", "abc", "2024"]),
        st.sampled_from(list(ALPHABET)),
    ),
    min_size=20,
    max_size=120,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(long_text, option_sets)
def test_long_texts_agree_across_kernels(text, options):
    # long plain runs take the vectorized UTF-8 path; str goes through the code-unit kernel
    norm = normalize(text, **options)
    assert normalize(text.encode("utf-8"), **options) == norm.encode("utf-8")
    with_offsets, offsets = normalize_with_offsets(text, **options)
    assert with_offsets == norm
    assert offsets.to_original(0, len(norm))[0] <= len(text)


@pytest.mark.parametrize(
    "nfd,nfc",
    [
        ("ال\u0627\u0654نبار", "الأنبار"),
        ("\u0627\u0653مرلي", "آمرلي"),
        ("\u0627\u0655دلب", "إدلب"),
        ("مس\u0648\u0654ول", "مسؤول"),
        ("الطا\u064a\u0654رة", "الطائرة"),
    ],
)
def test_decomposed_hamza_and_madda_normalize_like_the_composed_letters(nfd, nfc):
    assert rasid.normalize(nfd) == rasid.normalize(nfc)
    # with alef folding off the composed letter itself comes out
    assert rasid.normalize(nfd, alef=False) == rasid.normalize(nfc, alef=False)
