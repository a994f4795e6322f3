"""rasid.numbers: the shared case table, spans in the original text, errors, robustness."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import rasid
from hypothesis import given, settings
from hypothesis import strategies as st
from rasid.errors import InvalidTextError, RasidError, TextTypeError
from rasid.numbers import KINDS, NumberMention, parse_numbers

TABLE = Path(__file__).parent / "data" / "number_cases.tsv"


def _opt(field: str) -> int | None:
    return None if field == "-" else int(field)


def _cases() -> list[tuple[str, list[tuple[int, int, str, int | None, int | None, str]]]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, *cols = line.split("\t")
        mentions = []
        for col in cols:
            start, end, kind, lo, hi, phrase = col.split("|", 5)
            mentions.append((int(start), int(end), kind, _opt(lo), _opt(hi), phrase))
        rows.append((sentence, mentions))
    return rows


CASES = _cases()


def test_table_is_big_enough():
    assert len(CASES) >= 100
    assert sum(len(m) for _, m in CASES) >= 120


@pytest.mark.parametrize(
    ("sentence", "expected"), CASES, ids=[f"row{i}" for i in range(len(CASES))]
)
def test_table(sentence, expected):
    got = [(m.start, m.end, m.kind, m.min, m.max, m.text) for m in parse_numbers(sentence)]
    assert got == expected
    for start, end, _, _, _, phrase in expected:
        assert sentence[start:end] == phrase


def test_offsets_are_in_the_original_text():
    # Harakat, tatweel, a ZWNJ, Arabic-Indic digits and an astral character before the numbers.
    text = "😀 أُصيبَ جُنديَّيْنِ\u200c وقُتلَ خمسـةٌ وعشرونَ، بـ١٥ صاروخاً ونحوَ ٣٠ آخرين"
    got = [(m.text, m.min, m.max, m.kind) for m in parse_numbers(text)]
    assert got == [
        ("جُنديَّيْنِ\u200c", 2, 2, "dual"),
        ("خمسـةٌ وعشرونَ", 25, 25, "cardinal"),
        ("١٥", 15, 15, "cardinal"),
        ("نحوَ ٣٠", 30, 30, "approx"),
    ]
    for m in parse_numbers(text):
        assert text[m.start : m.end] == m.text


def test_presentation_forms_and_persian_digits():
    # ﻵ is the ligature لآ: «ولآلاف» = و + ل + آلاف; the span starts at the ligature, the
    # unit its clitic ل shares with the آ of آلاف.
    text = "قتل ۱۲ شخصا و\ufef5لاف الجنود"
    got = [(text[m.start : m.end], m.min, m.kind) for m in parse_numbers(text)]
    assert got == [("۱۲", 12, "cardinal"), ("\ufef5لاف", 2000, "vague")]


def test_mention_value_type():
    m = parse_numbers("أطلق أكثر من 12 صاروخاً")[0]
    assert m == NumberMention(5, 15, 13, None, "more_than", "أكثر من 12")
    assert hash(m) == hash(NumberMention(5, 15, 13, None, "more_than", "أكثر من 12"))
    assert (
        repr(m)
        == "NumberMention(start=5, end=15, min=13, max=None, kind='more_than', text='أكثر من 12')"
    )
    assert pickle.loads(pickle.dumps(m)) == m
    with pytest.raises(AttributeError):
        m.min = 3  # type: ignore[misc]
    with pytest.raises(ValueError):
        NumberMention(0, 1, 1, 1, "lots", "x")
    assert rasid.parse_numbers is parse_numbers
    assert rasid.NumberMention is NumberMention


def test_empty_and_plain_text():
    assert parse_numbers("") == []
    assert parse_numbers("لا أرقام هنا") == []
    assert parse_numbers("abc 12 def")[0].min == 12


@pytest.mark.parametrize("bad", [None, b"\xd8\xa7", 12, ["5"]])
def test_non_str_is_a_type_error(bad):
    with pytest.raises(TextTypeError):
        parse_numbers(bad)
    with pytest.raises(TypeError):
        parse_numbers(bad)


def test_lone_surrogate_is_invalid_text():
    with pytest.raises(InvalidTextError, match="code point 3"):
        parse_numbers("قتل\ud800 5")
    with pytest.raises(ValueError):
        parse_numbers("\udfff")
    assert issubclass(InvalidTextError, RasidError)


def test_huge_figures_do_not_overflow():
    text = "بلغ 99999999999999999999999999999999999999999 و18446744073709551615 و5 مليار"
    got = [(m.min, m.kind) for m in parse_numbers(text)]
    assert got == [(18446744073709551615, "cardinal"), (5_000_000_000, "cardinal")]


def test_long_text_releases_the_gil_and_agrees():
    sentence = "أصيب ما يقارب 12 شخصاً، وسقطت ٥٬٢٠٠ قذيفة. "
    one = parse_numbers(sentence)
    many = parse_numbers(sentence * 2000)
    assert len(many) == 2 * 2000
    step = len(sentence)
    assert [(m.start - step * 7, m.end - step * 7, m.kind) for m in many[14:16]] == [
        (m.start, m.end, m.kind) for m in one
    ]


ARABIC = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة")
    + ["\u064b", "\u064e", "\u0651", "\u0652", "\u0640", "\u200c", "\u200f", "\ufefb"]
    + list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
    + list(" \n،.,٫٬-–/:%٪«»")
    + ["😀", "\U00010000", "a", "F"]
)
WORDS = st.sampled_from(
    [
        "ثلاثة",
        "وعشرين",
        "مئة",
        "آلاف",
        "ألفين",
        "الثالث",
        "والعشرون",
        "عشر",
        "صاروخين",
        "على",
        "الأقل",
        "أكثر",
        "من",
        "ما",
        "بين",
        "إلى",
        "و",
        "نحو",
        "عدة",
        "عشرات",
        "الـ",
        "بـ",
        "لـ",
        "مليون",
        "أو",
        "تقريبا",
        "عدد",
        "الحادي",
        "أقل",
        "يقارب",
        " ",
        "، ",
        "17",
        "2019",
        "١٥",
        "5,200",
        "1.5",
        "-",
        "/",
        ":",
        "%",
        "أكتوبر",
        "الساعة",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(ARABIC, max_size=60),
        st.lists(WORDS, max_size=25).map(" ".join),
        st.lists(WORDS, max_size=25).map("".join),
    )
)
def test_never_crashes_and_spans_stay_inside(text):
    mentions = parse_numbers(text)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last_end
        last_end = m.end
        assert text[m.start : m.end] == m.text
        assert m.kind in KINDS
        if m.min is not None and m.max is not None:
            assert m.min <= m.max
        assert m.min is not None or m.max is not None
        # each kind's shape (see the module docstring of rasid.numbers)
        if m.kind in ("cardinal", "ordinal", "approx", "dual"):
            assert m.min == m.max and (m.kind != "dual" or m.min == 2)
        elif m.kind in ("at_least", "more_than"):
            assert m.min is not None and m.max is None
        elif m.kind == "range":
            assert m.max is not None
        else:
            assert m.kind == "vague" and m.min is not None


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_any_unicode_never_crashes(text):
    try:
        mentions = parse_numbers(text)
    except InvalidTextError:
        assert any("\ud800" <= c <= "\udfff" for c in text)
        return
    for m in mentions:
        assert text[m.start : m.end] == m.text
