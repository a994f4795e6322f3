"""The light matching form of the compiled gazetteer: ``GazetteerCore.find_names``."""

from __future__ import annotations

import pytest
import rasid
from rasid.errors import TextTypeError

ENTRIES = [
    {"name": "بغداد", "id": "baghdad", "kind": "place", "lat": 33.31},
    {"name": "كاتيوشا", "id": "katyusha", "kind": "weapon", "role": "munition"},
    {"name": "سقط", "id": "fell", "kind": "trigger"},
    {"name": "اعترضت", "id": "intercepted", "kind": "outcome"},
]
TEXT = "سقط صاروخ كاتيوشا في ببغداد"


@pytest.fixture(scope="module")
def core():
    return rasid.Gazetteer(ENTRIES)._core


def test_find_names_gives_the_spans_of_find_with_name_indices(core):
    names = core.find_names(TEXT)
    assert [(s, e) for s, e, _ in names] == [(0, 3), (10, 17), (22, 27)]
    assert [core.entry(i) for _, _, i in names] == [
        ("سقط", "fell", "trigger"),
        ("كاتيوشا", "katyusha", "weapon"),
        ("بغداد", "baghdad", "place"),
    ]
    g = rasid.Gazetteer(ENTRIES)
    assert [(m.start, m.end) for m in g.find(TEXT)] == [(s, e) for s, e, _ in names]


def test_entry_attrs_are_the_entity_attributes(core):
    index = core.find_names(TEXT)[1][2]
    assert core.entry_attrs(index) == {"role": "munition"}
    with pytest.raises(KeyError):
        core.entry_attrs(len(core))


@pytest.mark.parametrize(
    "text, require, found",
    [
        (TEXT, [["trigger"]], 3),
        ("صاروخ كاتيوشا في بغداد", [["trigger"]], 0),
        ("صاروخ كاتيوشا في بغداد", [["trigger"], ["outcome", "weapon"]], 0),
        ("اعترضت صاروخ كاتيوشا", [["trigger"], ["outcome", "weapon"]], 2),
        ("اعترضت صاروخا", [["trigger"], ["outcome", "weapon"]], 0),
        ("", [["trigger"]], 0),
        ("بغداد", [], 0),
    ],
)
def test_require_drops_texts_that_lack_every_group_of_kinds(core, text, require, found):
    assert len(core.find_names(text, False, require)) == found


def test_find_names_wants_a_str(core):
    with pytest.raises(TextTypeError):
        core.find_names(b"bytes")
