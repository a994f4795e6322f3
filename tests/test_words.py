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


def test_teh_variants_cover_every_final_teh():
    from rasid.events.lexicon import teh_variants

    assert teh_variants("عبوة ناسفة") == ["عبوه ناسفة", "عبوة ناسفه", "عبوه ناسفه"]
    assert teh_variants("سيارة مفخخة متوقفة")[-1] == "سياره مفخخه متوقفه"
    assert len(teh_variants("سيارة مفخخة متوقفة")) == 7
    assert teh_variants("صاروخ") == []
    # only a word-final ة: «ةا» does not occur, but a medial letter is never touched
    assert teh_variants("ثلاثة صواريخ") == ["ثلاثه صواريخ"]


def test_the_lexicon_is_read_with_its_teh_spellings():
    from rasid.events.lexicon import scan

    text = "انفجرت عبوه ناسفه قرب سياره مدنيه في المدينة."
    got = {(text[h.start : h.end], h.kind) for h in scan(text)}
    assert ("عبوه ناسفه", "weapon") in got
    assert ("انفجرت", "trigger") in got


def test_the_lexicon_file_holds_no_spelling_the_loader_makes():
    import subprocess
    import sys
    from pathlib import Path

    tool = Path(__file__).resolve().parents[1] / "tools" / "lexicon_dedupe.py"
    res = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
