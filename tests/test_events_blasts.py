"""Explosions stated with casualties but no device: a bombing, unless an accident is named.

Every sentence here is written for these tests (none is taken from the dev articles).
"""

from __future__ import annotations

import pytest
from rasid.events import extract
from spans import at


def test_a_deadly_blast_in_a_market_is_a_bombing():
    text = "قتل أربعة أشخاص وأصيب تسعة آخرون بانفجار في سوق شعبي بمدينة الموصل مساء الأحد."
    (ev,) = extract(text, published="2024-03-12", doc_id="b1")
    d = ev.to_dict()
    assert d["event_type"] == "ied_attack"
    assert d["weapon"] is None
    assert d["munitions"] is None
    assert (d["killed"]["min"], d["killed"]["max"]) == (4, 4)
    assert (d["wounded"]["min"], d["wounded"]["max"]) == (9, 9)
    assert d["location"]["mention"] == "الموصل"
    assert (d["location"]["start"], d["location"]["end"]) == at(text, "الموصل")
    assert d["date"] == "2024-03-10"
    ev_text = "قتل أربعة أشخاص وأصيب تسعة آخرون بانفجار في سوق شعبي بمدينة الموصل مساء الأحد"
    assert [(e["start"], e["end"]) for e in d["evidence"]] == [at(text, ev_text)]


def test_a_blast_that_caused_deaths_is_a_bombing():
    text = "أسفر انفجار في شارع تجاري وسط مدينة كركوك عن مقتل مدنيين اثنين وإصابة ستة آخرين."
    (ev,) = extract(text, published="2024-03-12", doc_id="b2")
    d = ev.to_dict()
    assert d["event_type"] == "ied_attack"
    assert d["weapon"] is None
    assert (d["killed"]["min"], d["killed"]["max"]) == (2, 2)
    assert (d["wounded"]["min"], d["wounded"]["max"]) == (6, 6)
    assert d["location"]["mention"] == "كركوك"
    assert (d["location"]["start"], d["location"]["end"]) == at(text, "كركوك")
    assert [(e["start"], e["end"]) for e in d["evidence"]] == [at(text, text[:-1])]


@pytest.mark.parametrize(
    "text",
    [
        "قتل شخصان وأصيب ثلاثة بانفجار أسطوانة غاز داخل مطعم في مدينة البصرة.",
        "أصيب سبعة عمال بانفجار مولدة كهربائية في حي سكني بمدينة حلب.",
        "لقي رجل مصرعه بانفجار خزان وقود في محطة على طريق بغداد.",
        "قتل جنديان بانفجار أثناء تفكيك مخلفات حربية في قضاء سنجار.",
        "أصيب ثلاثة أطفال بانفجار ناجم عن تماس كهربائي في منزل بالرمادي.",
        "قتل رجلان بانفجار في محل للألعاب النارية في سوق مدينة الموصل.",
        "أصيب أربعة بانفجار قنينة غاز في مقهى بمدينة كركوك.",
    ],
)
def test_an_accidental_blast_is_no_event(text):
    assert extract(text, published="2024-03-12", doc_id="b3") == []


@pytest.mark.parametrize(
    "text",
    [
        "سمع دوي انفجار في مدينة الموصل مساء الأحد دون معرفة أسبابه.",
        "وقع انفجار قرب سوق في مدينة الموصل مساء الأحد، ولم يسفر عن سقوط قتلى أو جرحى.",
    ],
)
def test_a_blast_without_casualties_is_no_event(text):
    assert extract(text, published="2024-03-12", doc_id="b4") == []


def test_a_mined_car_is_a_car_bomb():
    text = "قتل ثلاثة أشخاص عندما انفجرت سيارة ملغومة عند مدخل سوق في مدينة الحلة اليوم."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.event_type, ev.weapon) == ("ied_attack", "car_bomb")


def test_an_assassination_in_a_similar_way_is_no_habit():
    text = "واغتال مسلحون مجهولون طبيباً في عيادته وسط بغداد بطريقة مماثلة مساء أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert ev.event_type == "other_attack"
