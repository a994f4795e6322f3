"""The words the extraction looks for beyond the lexicon, and the vocabularies it shares."""

from __future__ import annotations

import pytest
from rasid.dates import resolve_dates, weekday_of


@pytest.mark.parametrize(
    "word,weekday",
    [("الجمعة", 4), ("والجمعة", 4), ("الأحد", 6), ("الثلثاء", 1), ("الاثنين", 0), ("يوم", None)],
)
def test_weekday_of_one_word(word, weekday):
    assert weekday_of(word) == weekday


def test_date_mentions_carry_the_weekday_they_name():
    text = (
        "سقط صاروخ مساء الأربعاء، وآخر في 12 كانون الثاني 2024، وثالث الأحد 14 كانون الثاني 2024."
    )
    got = [(d.text, d.kind, d.weekday) for d in resolve_dates(text, published="2024-01-15")]
    assert got == [
        ("مساء الأربعاء", "weekday", 2),
        ("12 كانون الثاني 2024", "explicit", None),
        ("الأحد 14 كانون الثاني 2024", "explicit", 6),
    ]
