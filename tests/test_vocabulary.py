"""rasid.vocabulary: each shared vocabulary is declared once, and its readers agree with it."""

from __future__ import annotations

import pytest
import rasid
from rasid import vocabulary as voc
from rasid.dates import weekday_of

ARABIC_MONTHS = [
    *((name, month) for name, month in voc.MONTHS.items()),
    *(
        (f"{first} {second}", month)
        for first, seconds in voc.MONTHS_TWO_WORDS.items()
        for second, month in seconds.items()
    ),
]
HIJRI = sorted(  # (sorted: sets, and test ids must not depend on the hash seed)
    [
        *voc.HIJRI_MONTHS,
        *(
            f"{first} {second}"
            for first, seconds in voc.HIJRI_MONTHS_TWO_WORDS.items()
            for second in seconds
        ),
    ]
)

#: Month names the Rust number grammar does not know yet (see MONTHS in
#: rust/core/src/numerals/grammar.rs): a number before them is still read as a count.
NUMBER_GRAMMAR_GAPS = {"جانفي", "فيفري", "يوليوز", "غشت", "شتنبر", "نونبر", "دجنبر"}


def test_calendar_tables_cover_every_day_and_month():
    assert set(voc.WEEKDAYS.values()) == set(range(7))
    assert set(voc.MONTHS.values()) == set(range(1, 13))
    assert {m for seconds in voc.MONTHS_TWO_WORDS.values() for m in seconds.values()} <= set(
        range(1, 13)
    )
    assert len(voc.ENGLISH_MONTHS) == 12


@pytest.mark.parametrize("name, day", sorted(voc.WEEKDAYS.items()))
def test_weekday_of_reads_the_weekday_table(name, day):
    assert weekday_of(name) == day
    assert weekday_of("و" + name) == day


@pytest.mark.parametrize("name, month", ARABIC_MONTHS)
def test_the_date_parser_reads_every_month_name(name, month):
    (m,) = rasid.resolve_dates(f"قصف في 17 {name} 2019", "2020-01-01")
    assert (m.text, m.date) == (f"17 {name} 2019", f"2019-{month:02d}-17")


@pytest.mark.parametrize("name", HIJRI)
def test_the_date_parser_reads_every_hijri_month_name(name):
    assert [m.kind for m in rasid.resolve_dates(f"قصف في 15 {name} 1441", None)] == ["hijri"]


@pytest.mark.parametrize("name", [n for n, _ in ARABIC_MONTHS] + HIJRI)
def test_the_number_grammar_knows_the_month_names(name):
    # the Rust core keeps its own month list (its spelling keeps ة): a day before a month
    # name is not a count
    def is_count(spelling: str) -> bool:
        return any(n.min == 17 for n in rasid.parse_numbers(f"قتل 17 {spelling} 2019"))

    spellings = [name] + ([name[:-1] + "ة"] if name.endswith("ه") else [])
    if name in NUMBER_GRAMMAR_GAPS:
        assert is_count(name), f"the number grammar knows {name}: drop it from the gaps"
    else:
        assert not all(map(is_count, spellings)), f"{name} is not in the grammar's MONTHS"


def test_tables_of_event_types_and_weapons_cover_the_vocabulary():
    from rasid import acled, dedup
    from rasid.events import merge, record

    assert record.EVENT_TYPES is voc.EVENT_TYPES and record.WEAPONS is voc.WEAPONS
    for table in (voc.EVENT_TYPE_NAMES, dedup.FAMILIES, acled._WHAT):
        assert set(table) == set(voc.EVENT_TYPES)
    # other_attack is mapped by its weapon
    assert set(voc.ACLED_TYPES) == set(voc.EVENT_TYPES) - {"other_attack"}
    for table in (voc.WEAPON_NAMES, voc.ACLED_TYPES_BY_WEAPON, merge._FAMILY):
        assert set(table) == set(voc.WEAPONS)
