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


# --- the word lists ----------------------------------------------------------------------------

_EVENTS = __import__("pathlib").Path(__file__).resolve().parents[1] / "python" / "rasid" / "events"


def test_every_word_list_is_read_by_the_code_that_it_names():
    from rasid.events.words import load_words

    lists = load_words()
    sources = {p.stem: p.read_text(encoding="utf-8") for p in _EVENTS.glob("*.py")}
    unused = [
        name
        for name in lists
        if name != "script" and f'"{name}"' not in sources.get(name.split(".")[0], "")
    ]
    assert unused == []


def _write(tmp_path, body: str) -> str:
    p = tmp_path / "words.toml"
    p.write_text('[script]\narticle = "ال"\n' + body, encoding="utf-8")
    return str(p)


@pytest.mark.parametrize(
    "body,message",
    [
        ('[m.x]\nwords = ["أ"]\n', "[m.x] says not what it is for"),
        ('[m.x]\nwhat = "w"\n', "[m.x] needs either words = […] or a table"),
        ('[m.x]\nwhat = "w"\nwords = []\n', "[m.x] words must be non-empty strings"),
        ('[m.x]\nwhat = "w"\nwords = ["أ"]\nwhere = 1\n', "[m.x] has unknown key(s) ['where']"),
    ],
)
def test_a_malformed_word_list_is_an_error_naming_it(tmp_path, body, message):
    from rasid.events.rules import RuleError
    from rasid.events.words import load_words

    with pytest.raises(RuleError) as e:
        load_words(_write(tmp_path, body))
    assert message in str(e.value)


def test_an_unknown_list_is_an_error():
    from rasid.events.rules import RuleError
    from rasid.events.words import script, words

    with pytest.raises(RuleError, match=r"no word list \[slots.nope\]"):
        words("slots.nope")
    assert script("article") == "ال"


def _arabic_literals() -> dict[str, int]:
    """Arabic string literals in python/rasid/events, docstrings left out, per file."""
    import ast
    import re

    arabic = re.compile("[\u0600-\u06ff]")
    out = {}
    for p in sorted(_EVENTS.glob("*.py")):
        tree = ast.parse(p.read_text(encoding="utf-8"))
        docs = set()
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
                docs.add(id(body[0].value))
        n = sum(
            1
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docs
            and arabic.search(node.value)
        )
        if n:
            out[p.name] = n
    return out


# Arabic words belong in the lexicon or words.toml, spelling units in its [script] table:
# from 541 literals before the rule engine down to none, and it stays there.
_LITERALS_LEFT = 0


def test_arabic_literals_in_event_code_only_go_down():
    assert sum(_arabic_literals().values()) <= _LITERALS_LEFT, _arabic_literals()
