"""The public extraction API: record shape, stable ids, offsets, errors, gazetteers."""

from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import ThreadPoolExecutor

import pytest
import rasid
from rasid.errors import InputError, OptionError, TextTypeError
from rasid.events import EVENT_TYPES, extract, extract_document

TEXT = (
    "قصف صاروخي يستهدف قاعدة عين الأسد\n"
    "سقطت ثلاثة صواريخ كاتيوشا مساء الثلاثاء على قاعدة عين الأسد في محافظة الأنبار، ما أدى"
    " إلى إصابة جنديين. وتبنت جماعة «سرايا أولياء الدم» الهجوم في بيان."
)

RECORD_KEYS = [
    "event_id",
    "doc_id",
    "event_type",
    "date",
    "date_precision",
    "date_text",
    "location",
    "outcome",
    "launch_location",
    "weapon",
    "munitions",
    "killed",
    "wounded",
    "actor",
    "claimed_by",
    "accused",
    "target",
    "background",
    "confidence",
    "evidence",
]


def test_to_dict_is_the_spec_record_and_json_ready():
    (ev,) = extract(TEXT, published="2021-03-10", doc_id="doc-1")
    d = ev.to_dict()
    assert list(d) == RECORD_KEYS
    assert d["doc_id"] == "doc-1"
    assert d["event_type"] in EVENT_TYPES
    assert list(d["location"]) == [
        "mention",
        "start",
        "end",
        "id",
        "name_ar",
        "name_en",
        "kind",
        "admin1",
        "country",
        "lat",
        "lon",
        "precision",
    ]
    assert list(d["munitions"]) == ["min", "max", "approx", "text", "start", "end"]
    assert list(d["claimed_by"]) == ["mention", "start", "end", "id", "name_ar", "name_en"]
    assert d["claimed_by"]["mention"] == "سرايا أولياء الدم"
    assert 0 < d["confidence"] <= 1
    json.dumps(d, ensure_ascii=False)


def test_every_offset_slices_the_original_text():
    (ev,) = extract(TEXT, published="2021-03-10")
    for e in ev.evidence:
        assert TEXT[e.start : e.end] == e.text
    for slot in (ev.location, ev.claimed_by):
        assert TEXT[slot.start : slot.end] == slot.mention
    for c in (ev.munitions, ev.wounded):
        assert TEXT[c.start : c.end] == c.text
    assert (ev.wounded.min, ev.wounded.max) == (2, 2)


def test_offsets_survive_harakat_and_tatweel():
    text = "سَقَطَتْ ثلاثةُ صواريخَ كاتيوشا على قاعــدة عين الأسد مساءَ الثلاثاء."
    (ev,) = extract(text, published="2021-03-10")
    assert text[ev.location.start : ev.location.end] == ev.location.mention == "قاعــدة عين الأسد"
    assert text[ev.munitions.start : ev.munitions.end] == "ثلاثةُ صواريخَ كاتيوشا"
    assert (ev.munitions.min, ev.munitions.max) == (3, 3)


def test_event_id_is_stable_and_depends_on_the_document():
    a = extract(TEXT, published="2021-03-10", doc_id="x")[0].event_id
    b = extract(TEXT, published="2021-03-10", doc_id="x")[0].event_id
    c = extract(TEXT, published="2021-03-10", doc_id="y")[0].event_id
    assert a == b != c
    assert len(a) == 16


def test_published_forms():
    as_str = extract(TEXT, published="2021-03-10")[0]
    as_date = extract(TEXT, published=dt.date(2021, 3, 10))[0]
    as_datetime = extract(TEXT, published=dt.datetime(2021, 3, 10, 8, 0))[0]
    assert as_str.date == as_date.date == as_datetime.date == "2021-03-09"
    assert extract(TEXT, published="")[0].date is None


@pytest.mark.parametrize("published", ["2021-03-10x", "20210310", "2021-03-10+03:00"])
def test_published_is_read_the_way_the_date_parser_reads_it(published):
    # one reading of the publication date (rasid.dates.publication_date) for both
    with pytest.raises(OptionError, match="ISO date"):
        rasid.resolve_dates("قصف أمس", published)
    with pytest.raises(OptionError, match="ISO date"):
        extract(TEXT, published=published)


def test_bad_input_raises_clear_errors():
    with pytest.raises(TextTypeError):
        extract(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TextTypeError):
        extract(None)  # type: ignore[arg-type]
    with pytest.raises(OptionError):
        extract(TEXT, published="yesterday")
    with pytest.raises(OptionError):
        extract(TEXT, published=20210310)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        extract_document({"id": "a"})
    with pytest.raises(InputError):
        extract_document("text")  # type: ignore[arg-type]


def test_extract_document():
    rows = extract_document({"id": 7, "text": TEXT, "published": "2021-03-10"})
    assert len(rows) == 1 and rows[0]["doc_id"] == "7"
    assert list(rows[0]) == RECORD_KEYS


def test_a_user_gazetteer_without_the_lexicon_still_finds_events():
    g = rasid.Gazetteer(
        [
            {
                "name": "قاعدة النخيل",
                "id": "test.palms",
                "kind": "base",
                "name_ar": "قاعدة النخيل",
                "country": "IQ",
                "lat": 32.0,
                "lon": 45.0,
            }
        ]
    )
    text = "سقطت ثلاثة صواريخ كاتيوشا على قاعدة النخيل مساء أمس."
    (ev,) = extract(text, published="2021-03-10", gazetteer=g)
    assert ev.location.id == "test.palms"
    assert ev.event_type == "rocket_attack"


def test_thread_safe_and_pure():
    docs = [TEXT, "انفجرت عبوة ناسفة على رتل قرب مدينة الفلوجة.", "لا شيء هنا."] * 10
    expected = [[e.to_dict() for e in extract(t, published="2021-03-10")] for t in docs]
    with ThreadPoolExecutor(4) as pool:
        got = list(
            pool.map(lambda t: [e.to_dict() for e in extract(t, published="2021-03-10")], docs)
        )
    assert got == expected


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover
    given = None

if given is not None:
    _PIECES = st.sampled_from(
        [
            "سقطت",
            " صواريخ",
            " ثلاثة",
            " على",
            " قاعدة عين الأسد",
            "، ",
            ". ",
            "\n",
            " مقتل",
            " جنديين",
            " أمس",
            " الأحد (18 نيسان 2021)",
            " لم",
            " تبنت",
            " «",
            "»",
            "ـ",
            "\u064e",
            " ٣",
            " غارة",
            " تركية",
            " قرية",
            " بينهم",
            " 😀",
            " x",
        ]
    )

    @settings(max_examples=60, deadline=None)
    @given(st.lists(_PIECES, max_size=30), st.sampled_from([None, "2021-04-19"]))
    def test_never_crashes_and_offsets_always_slice(pieces, published):
        text = "".join(pieces)
        for ev in extract(text, published=published):
            assert ev.event_type in EVENT_TYPES
            for e in ev.evidence:
                assert text[e.start : e.end] == e.text
            for c in (ev.munitions, ev.killed, ev.wounded):
                if c is not None and c.start is not None:
                    assert text[c.start : c.end] == c.text
            if ev.location is not None:
                assert text[ev.location.start : ev.location.end] == ev.location.mention
