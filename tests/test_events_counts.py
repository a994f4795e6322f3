"""Munitions, killed and wounded per the annotation conventions (sentences written here)."""

from __future__ import annotations

import pytest
from rasid.events import extract
from spans import at


def only(text: str, published: str = "2023-01-10"):
    events = extract(text, published=published)
    assert len(events) == 1, events
    return events[0]


def count(c):
    return None if c is None else (c.min, c.max)


def phrase(text: str, c):
    return text[c.start : c.end]


def test_exact_number_of_rockets():
    text = "سقطت ثلاثة صواريخ كاتيوشا مساء الثلاثاء على قاعدة عين الأسد."
    ev = only(text)
    assert count(ev.munitions) == (3, 3)
    assert ev.munitions.text == phrase(text, ev.munitions) == "ثلاثة صواريخ كاتيوشا"
    assert ev.munitions.start == text.index("ثلاثة")


def test_range_and_approximation():
    text = "سقط ما بين أربعة إلى ستة صواريخ على معسكر التاجي، وأصيب نحو 7 أشخاص بجروح."
    ev = only(text)
    assert count(ev.munitions) == (4, 6)
    assert ev.munitions.text == "ما بين أربعة إلى ستة صواريخ"
    assert count(ev.wounded) == (7, 7) and ev.wounded.approx is True
    assert ev.wounded.text == "نحو 7 أشخاص"


@pytest.mark.parametrize(
    "text, slot, expected",
    [
        (
            "أصيب ما يقارب 12 جندياً في هجوم صاروخي على معسكر التاجي مساء الأربعاء.",
            "wounded",
            (12, 12),
        ),
        (
            "قتل 9 من عناصر الشرطة على الأقل في تفجير عبوة ناسفة استهدف دوريتهم قرب مدينة تكريت.",
            "killed",
            (9, None),
        ),
        ("أصيب أكثر من 20 شخصاً في قصف مدفعي على بلدة الباب بريف حلب.", "wounded", (21, None)),
        ("سقطت عدة صواريخ على قاعدة عين الأسد فجر اليوم.", "munitions", (2, None)),
        ("استهدف هجوم بطائرتين مسيرتين قاعدة التنف مساء أمس.", "munitions", (2, 2)),
    ],
)
def test_bounds_vague_and_duals(text, slot, expected):
    assert count(getattr(only(text), slot)) == expected


def test_sums_stated_in_parts_are_added():
    text = "قتل ضابطان وثلاثة جنود وأصيب خمسة آخرون في تفجير سيارة مفخخة استهدف حاجزاً أمنياً."
    ev = only(text)
    assert count(ev.killed) == (5, 5)
    assert ev.killed.text == "ضابطان وثلاثة جنود"
    assert count(ev.wounded) == (5, 5)
    assert ev.event_type == "ied_attack" and ev.weapon == "car_bomb"
    assert count(ev.munitions) == (1, 1)
    text = "قتل جنديان ومتعاقد في قصف صاروخي على قاعدة بلد الجوية."
    assert count(only(text).killed) == (3, 3)


def test_parts_introduced_by_baynahum_are_not_added():
    ev = only("قتل 4 عسكريين بينهم قيادي في غارة جوية على مقر في مدينة البوكمال.")
    assert count(ev.killed) == (4, 4)


def test_bare_plural_others_is_at_least_two():
    ev = only("استشهد مدني وجرح آخرون في قصف مدفعي على بلدة الباب.")
    assert count(ev.killed) == (1, 1)
    assert count(ev.wounded) == (2, None)


def test_different_figures_give_lowest_and_highest():
    text = (
        "أسفر الهجوم بعبوة ناسفة على رتل قرب مدينة الفلوجة عن مقتل جنديين. وقال مصدر طبي إن"
        " حصيلة الهجوم ارتفعت إلى 4 قتلى."
    )
    assert count(only(text).killed) == (2, 4)
    text = (
        "قتل 3 جنود في قصف مدفعي على بلدة الباب. وقالت مصادر محلية إن القصف أسفر عن مقتل 5"
        " جنود على الأقل."
    )
    assert count(only(text).killed) == (3, None)


def test_combined_killed_and_wounded_fills_neither():
    ev = only("قتل وجرح نحو 23 عنصراً في كمين نصبه مسلحون قرب مدينة بيجي.")
    assert ev.event_type == "armed_clash"
    assert ev.killed is None and ev.wounded is None


def test_stated_none_is_zero_and_no_information_is_unknown():
    text = "استهدف قصف صاروخي محيط مطار أربيل دون وقوع إصابات، فيما لم ترد معلومات عن الأضرار."
    ev = only(text)
    assert count(ev.killed) == (0, 0) and count(ev.wounded) == (0, 0)
    # the 0/0 points at the words that say nobody was hurt
    assert ev.killed.text == phrase(text, ev.killed) == "دون وقوع إصابات"
    assert (ev.wounded.start, ev.wounded.end) == (ev.killed.start, ev.killed.end)
    assert ev.killed.start == text.index("دون")
    text = "سقط صاروخان على محيط مطار بغداد الدولي مساء السبت، واقتصرت الأضرار على الماديات."
    ev = only(text)
    assert count(ev.killed) == (0, 0)
    assert phrase(text, ev.killed) == "اقتصرت الأضرار على الماديات"
    text = "سقطت ثلاث قذائف هاون قرب قاعدة بلد الجوية، من دون أن تسفر عن خسائر بشرية."
    assert phrase(text, only(text).wounded) == "من دون أن تسفر عن خسائر بشرية"
    ev = only("سقطت قذيفتا هاون على حي سكني في مدينة الموصل، ولم ترد معلومات عن إصابات.")
    assert ev.killed is None and ev.wounded is None


def test_intercepted_part_and_parts_inside_are_not_the_total():
    text = (
        "أطلقت الفصائل خمسة صواريخ على قاعدة عين الأسد، تمكنت الدفاعات الجوية من إسقاط اثنين"
        " منها، وسقط اثنان داخل القاعدة."
    )
    ev = only(text)
    assert count(ev.munitions) == (5, 5)
    assert ev.outcome == "intercepted"


def test_headline_count_yields_to_the_body():
    text = (
        "سقوط صاروخين داخل قاعدة بلد\nتعرضت قاعدة بلد الجوية لهجوم بخمسة صواريخ مساء الأحد،"
        " سقط اثنان منها داخل القاعدة."
    )
    assert count(only(text).munitions) == (5, 5)


def test_units_and_calibres_are_not_counts():
    text = "سقطت قذيفة هاون عيار 120 ملم على حي سكني في مدينة الموصل ما أدى إلى إصابة طفلين."
    ev = only(text)
    # the calibre is no count; the one shell written in the singular is
    assert count(ev.munitions) == (1, 1)
    assert ev.munitions.text == "قذيفة هاون" and ev.munitions.start == text.index("قذيفة")
    assert count(ev.wounded) == (2, 2)


@pytest.mark.parametrize(
    "text, phrase_, expected",
    [
        ("سقط صاروخ كاتيوشا على المنطقة الخضراء في بغداد مساء اليوم.", "صاروخ كاتيوشا", (1, 1)),
        ("أعلنت خلية الإعلام الأمني سقوط قذيفة قرب السفارة الأمريكية في بغداد.", "قذيفة", (1, 1)),
        ("سقط صاروخ موجه على معسكر التاجي فجر اليوم.", "صاروخ موجه", (1, 1)),
    ],
)
def test_one_rocket_or_shell_written_in_the_singular_is_one(text, phrase_, expected):
    ev = only(text)
    assert count(ev.munitions) == expected
    assert ev.munitions.text == phrase_
    assert ev.munitions.start == text.index(phrase_)


def test_one_drone_or_one_bomb_written_in_the_singular_is_one():
    assert count(only("استهدفت طائرة مسيرة مطار أربيل الدولي فجر اليوم.").munitions) == (1, 1)
    assert count(only("انفجرت عبوة ناسفة على رتل قرب مدينة الفلوجة.").munitions) == (1, 1)
    # a state's drone strike: how many munitions it fired is not said
    ev = only("قتل ثلاثة مسلحين في ضربة تركية بطائرة مسيرة قرب مدينة سنجار.")
    assert ev.event_type == "air_strike" and ev.munitions is None


def test_casualties_go_to_their_own_event():
    text = (
        "قتل جنديان في هجوم صاروخي على قاعدة بلد الجوية مساء الأربعاء، قبل أن تسفر غارات جوية"
        " عن مقتل 12 مسلحاً في مدينة البوكمال."
    )
    rockets, strikes = extract(text, published="2023-01-12")
    assert rockets.event_type == "rocket_attack" and count(rockets.killed) == (2, 2)
    assert rockets.killed.text == "جنديان"
    assert strikes.event_type == "air_strike" and count(strikes.killed) == (12, 12)
    assert strikes.killed.text == "12 مسلحاً"
    assert strikes.evidence[0].start == text.index("قبل أن تسفر")


def test_a_named_victim_is_one():
    text = "وجاء الهجوم انتقاماً لمقتل القيادي أبو علي العامري بقصف أمريكي قبل أيام."
    events = extract(text, published="2023-01-12")
    strike = [e for e in events if e.event_type == "air_strike"][0]
    assert count(strike.killed) == (1, 1)
    assert strike.background is True


def test_negated_killed_and_wounded_nouns_are_none():
    text = (
        "سقط صاروخان على معسكر التاجي مساء الأحد، لكنهما لم يسفرا عن سقوط قتلى أو جرحى "
        "بحسب مصدر أمني."
    )
    ev = only(text)
    phrase_ = "لم يسفرا عن سقوط قتلى أو جرحى"
    for c in (ev.killed, ev.wounded):
        assert count(c) == (0, 0)
        assert c.text == phrase_
        assert c.start == text.index(phrase_) and c.end == text.index(phrase_) + len(phrase_)


def test_negated_killed_noun_alone_leaves_wounded_open():
    text = "انفجرت عبوة ناسفة على دورية للشرطة قرب مدينة سامراء صباح اليوم دون سقوط قتلى."
    ev = only(text)
    assert count(ev.killed) == (0, 0)
    assert ev.killed.text == "دون سقوط قتلى"
    assert ev.killed.start == text.index("دون سقوط")
    assert ev.wounded is None


def test_negated_casualty_noun_with_unknown_is_not_none():
    text = (
        "سقطت ثلاثة صواريخ على قاعدة بلد الجوية مساء الخميس، ولم يتضح إن كان القصف "
        "قد أوقع قتلى أو جرحى."
    )
    ev = only(text)
    assert ev.killed is None and ev.wounded is None


def test_bare_losses_after_negation_is_none_but_material_losses_are_not():
    text = "استهدفت طائرة مسيرة مقراً للشرطة في بلدة الطارمية فجر اليوم دون وقوع خسائر."
    ev = only(text)
    assert count(ev.killed) == (0, 0) and count(ev.wounded) == (0, 0)
    assert ev.killed.text == "دون وقوع خسائر"
    assert ev.killed.start == text.index("دون وقوع")
    text = "استهدفت طائرة مسيرة مقراً للشرطة في بلدة الطارمية فجر اليوم دون خسائر مادية تذكر."
    ev = only(text)
    assert ev.killed is None and ev.wounded is None


def test_met_their_death_counts_the_subject_before_it():
    text = "لقي ثلاثة جنود حتفهم بهجوم لمسلحين على ثكنة عسكرية قرب قضاء طوزخورماتو مساء أمس."
    ev = only(text)
    assert count(ev.killed) == (3, 3)
    assert ev.killed.text == "ثلاثة جنود" and ev.killed.start == text.index("ثلاثة")
    text = "لقي خمسة مدنيين مصرعهم جراء قصف مدفعي على قرية قرب بلدة تل رفعت مساء أمس."
    ev = only(text)
    assert count(ev.killed) == (5, 5)
    assert ev.killed.start == text.index("خمسة")


def test_lost_their_lives_is_a_death_only_after_lost():
    text = "فقد سبعة مدنيين حياتهم جراء غارة بطائرة مسيرة على منزل قرب بلدة عين عيسى."
    ev = only(text)
    assert count(ev.killed) == (7, 7)
    assert ev.killed.text == "سبعة مدنيين" and ev.killed.start == text.index("سبعة")
    text = "استهدفت طائرة مسيرة منزلاً قرب بلدة عين عيسى يعيش فيه أربعة مدنيين حياتهم اليومية."
    assert only(text).killed is None


def test_a_stated_none_a_few_words_after_the_negation():
    text = "سقط صاروخان على قاعدة فيكتوريا فجر اليوم ولم يسفر القصف حتى اللحظة عن إصابات بشرية."
    ev = only(text)
    assert count(ev.killed) == count(ev.wounded) == (0, 0)
    assert ev.killed.text == "ولم يسفر القصف حتى اللحظة عن إصابات بشرية"
    assert ev.killed.start == text.index("ولم يسفر")


def test_a_plural_verb_counts_the_subject_before_it():
    text = (
        "قالت الشبكة إن 6 عناصر من القوات قتلوا وأسر 4 آخرون بهجوم شنه مسلحون على نقطة"
        " في قرية قرب قضاء الخالص صباح اليوم."
    )
    ev = only(text)
    assert count(ev.killed) == (6, 6)
    assert ev.killed.text == "6 عناصر" and ev.killed.start == text.index("6 عناصر")
    assert ev.event_type == "armed_clash"


def test_a_running_toll_counts_the_figure_it_reached():
    text = "ارتفع عدد قتلى الهجوم بطائرة مسيرة على حقل كورمور إلى 4 أشخاص."
    ev = only(text)
    assert count(ev.killed) == (4, 4)
    assert ev.killed.start == text.index("4")
    text = "انفجرت سيارة مفخخة في سوق ببلدة الطوز اليوم، وارتفع عدد القتلى إلى 12 والجرحى إلى 30."
    ev = only(text)
    assert count(ev.killed) == (12, 12) and count(ev.wounded) == (30, 30)
    assert ev.wounded.start == text.index("30")


def test_an_explosive_laden_aircraft_is_a_drone():
    text = "استهدفت طائرة ملغومة حقل كورمور فجر اليوم."
    ev = only(text)
    assert (ev.event_type, ev.weapon) == ("drone_attack", "drone")
    assert count(ev.munitions) == (1, 1)
    assert ev.munitions.text == "طائرة ملغومة"


@pytest.mark.parametrize(
    "text, slot, expected, phrase_",
    [
        (
            "أصيب، مساء أمس الجمعة، خمسة جنود بانفجار عبوة ناسفة في قضاء الطارمية.",
            "wounded",
            (5, 5),
            "خمسة جنود",
        ),
        (
            "قتل صباح اليوم الأحد أربعة مدنيين بقصف مدفعي على بلدة مجدليا في ريف إدلب.",
            "killed",
            (4, 4),
            "أربعة مدنيين",
        ),
    ],
)
def test_a_date_between_the_casualty_verb_and_its_count(text, slot, expected, phrase_):
    c = getattr(only(text, "2024-04-26"), slot)
    assert count(c) == expected
    assert c.text == phrase_ and c.start == text.index(phrase_)


def test_a_rising_toll_is_no_count_of_attacks():
    text = (
        "استهدفت طائرة مسيرة حقل كورمور للغاز فجر اليوم. ونقلت وكالة عن مسؤول قوله: ارتفاع"
        " عدد قتلى الهجوم بطائرة مسيرة على حقل الغاز إلى 4 عمال."
    )
    ev = only(text, "2024-04-26")
    assert count(ev.killed) == (4, 4)
    assert ev.killed.start == text.index("4")


def test_an_assassination_carried_out_kills_one_an_attempt_does_not():
    text = "اغتال مسلحون مجهولون مختار قرية في ناحية العظيم بمحافظة ديالى مساء الأربعاء."
    ev = only(text, "2023-05-07")
    assert count(ev.killed) == (1, 1)
    assert ev.killed.start == text.index("اغتال") and ev.killed.text == "اغتال"
    text = "نجا ناشط مدني من محاولة اغتيال بإطلاق نار في مدينة البصرة مساء أمس."
    assert only(text, "2023-05-07").killed is None


def test_unnumbered_shells_name_the_weapon_not_a_count():
    # as in the dev annotations: «بقذائف الهاون / المدفعية» says how, not how many
    ev = only("سقطت قذائف هاون على أطراف بلدة الطارمية مساء الثلاثاء.")
    assert ev.event_type == "shelling" and ev.munitions is None


def test_an_nth_person_adds_one_to_the_toll_before():
    text = "قتل شرطي وأصيب اثنان بانفجار عبوة ناسفة في الفلوجة، وإصابة ثالث بجروح طفيفة."
    ev = only(text)
    assert count(ev.killed) == (1, 1)
    assert count(ev.wounded) == (3, 3)
    assert (ev.wounded.start, ev.wounded.end) == (
        text.index("اثنان"),
        text.index("ثالث") + len("ثالث"),
    )
    text = "قتل جنديان بقصف مدفعي على قرية في ريف حلب، ومقتل ثالث متأثرا بجروحه صباح اليوم."
    ev = only(text)
    assert count(ev.killed) == (3, 3)
    assert ev.wounded is None


def test_an_nth_person_alone_is_one():
    text = "قتل مقاتلان بغارة جوية على موقع في ريف إدلب، وإصابة ثالث بجروح."
    ev = only(text)
    assert count(ev.killed) == (2, 2)
    assert count(ev.wounded) == (1, 1)
    assert phrase(text, ev.wounded) == "ثالث"
    assert ev.wounded.start == text.index("ثالث")


def test_an_nth_rank_before_a_noun_is_no_count():
    # «ثالث قيادي»: the third leader killed this month, not one more killed
    text = "قتل ثالث قيادي في التنظيم خلال شهر بغارة جوية على مدينة إدلب."
    ev = only(text)
    assert count(ev.killed) == (1, 1)
    assert phrase(text, ev.killed) == "قيادي"


def test_collective_aviation_counts_no_drones():
    # «الطيران المسيّر» is the arm, not two or more drones
    text = "هاجمت جماعة مسلحة بالطيران المسيّر قاعدة حرير في أربيل فجر اليوم."
    ev = only(text)
    d = ev.to_dict()
    assert (d["event_type"], d["weapon"]) == ("drone_attack", "drone")
    assert d["munitions"] is None
    text = "شن الطيران الحربي غارات على بلدة كفرنبل جنوبي إدلب صباح اليوم."
    ev = only(text)
    assert (ev.to_dict()["event_type"], ev.to_dict()["weapon"]) == ("air_strike", "aircraft")
    assert ev.munitions is None


def test_counted_drones_next_to_the_collective_noun_still_count():
    text = (
        "استهدفت جماعة مسلحة قاعدة حرير في أربيل بثلاث طائرات مسيرة،"
        " وقالت إن الطيران المسيّر أصاب أهدافه."
    )
    ev = only(text)
    assert count(ev.munitions) == (3, 3)
    assert ev.munitions.start == text.index("ثلاث طائرات")


@pytest.mark.parametrize(
    "text,wounded,span",
    [
        # «عدد آخر» is a number of others (a bare plural), «آخر» alone one more
        (
            "انفجرت سيارة مفخخة وسط مدينة الباب أمس ما أدى إلى مقتل شخص وإصابة عدد آخر بجروح.",
            (2, None),
            "عدد آخر",
        ),
        (
            "انفجرت سيارة مفخخة وسط مدينة الباب أمس ما أدى إلى مقتل شخص وإصابة عدد كبير آخر.",
            (2, None),
            "عدد كبير آخر",
        ),
        (
            "انفجرت سيارة مفخخة وسط مدينة الباب أمس ما أدى إلى مقتل شخص وإصابة آخر بجروح.",
            (1, 1),
            "آخر",
        ),
    ],
)
def test_a_number_of_others_wounded_is_a_bare_plural(text, wounded, span):
    ev = only(text, published="2024-05-08")
    assert count(ev.killed) == (1, 1)
    assert count(ev.wounded) == wounded
    assert phrase(text, ev.wounded) == span


def test_a_soldier_who_died_in_an_attack_is_killed():
    text = "قضى جندي عراقي إثر هجوم إرهابي استهدف نقطة أمنية في قضاء المقدادية أمس."
    ev = only(text, published="2024-05-08")
    assert count(ev.killed) == (1, 1)
    assert phrase(text, ev.killed) == "جندي"


@pytest.mark.parametrize(
    "text",
    [
        # «قضى» that kills no one: a court ruling, time spent
        "وقضت المحكمة بإعدام المدان بتنفيذ الهجوم على السوق.",
        "وقضى الوزير يومين في زيارة لمقر القيادة بعد الهجوم.",
    ],
)
def test_qada_in_its_other_senses_kills_no_one(text):
    assert extract(text, published="2024-05-08") == []


@pytest.mark.parametrize(
    "text,killed",
    [
        # casualties told again (issue 11 class 1): a definite plural or the same noun names
        # the victims already counted and leaves the figure closed
        (
            "قتل ثلاثة مدنيين في هجوم لمسلحين على قرية قرب الرطبة أمس. وخطف المسلحون الذين"
            " قتلوا المدنيين خمسة آخرين.",
            (3, 3),
        ),
        (
            "أدى قصف مدفعي على قرية قرب منبج أمس إلى مقتل مدنيين اثنين، وأفادت مصادر بمقتل"
            " مدنيين في القصف.",
            (2, 2),
        ),
        # another source's bare plural still leaves it open
        (
            "أدى قصف مدفعي على قرية قرب منبج أمس إلى مقتل مدنيين اثنين، وأفاد المرصد بمقتل"
            " آخرين في القصف.",
            (2, None),
        ),
    ],
)
def test_victims_told_again_do_not_open_the_count(text, killed):
    ev = only(text, published="2024-05-08")
    assert count(ev.killed) == killed


@pytest.mark.parametrize(
    "text,none",
    [
        # «دون ورود أنباء مؤكدة عن ضحايا» says nothing is known, not that nobody was hurt
        ("قصفت طائرات تركية مخيماً قرب مخمور مساء اليوم دون ورود أنباء مؤكدة عن سقوط ضحايا.", False),
        ("قصفت طائرات تركية مخيماً قرب مخمور مساء اليوم دون تأكيد وقوع ضحايا.", False),
        ("قصفت طائرات تركية مخيماً قرب مخمور مساء اليوم دون وقوع ضحايا.", True),
    ],
)
def test_no_confirmed_reports_of_victims_is_no_stated_none(text, none):
    ev = only(text, published="2024-05-08")
    expected = (0, 0) if none else None
    assert count(ev.killed) == expected and count(ev.wounded) == expected


@pytest.mark.parametrize(
    "text,none",
    [
        # no material and no human losses is a stated none; no material losses alone is not
        (
            "سقطت ثلاثة صواريخ على حقل غاز قرب جمجمال مساء أمس دون أن تسفر عن خسائر مادية وبشرية.",
            True,
        ),
        ("سقطت ثلاثة صواريخ على حقل غاز قرب جمجمال مساء أمس دون أن تسفر عن خسائر مادية.", False),
    ],
)
def test_no_material_and_human_losses_is_a_stated_none(text, none):
    ev = only(text, published="2024-05-08")
    expected = (0, 0) if none else None
    assert count(ev.killed) == expected and count(ev.wounded) == expected


def test_a_leader_killed_in_a_raid_is_one_killed():
    text = (
        "أعلنت القيادة المركزية أن زعيماً بارزاً في التنظيم قتل مساء الخميس في غارة شنتها"
        " مروحية في ريف الحسكة."
    )
    ev = only(text, published="2024-05-08")
    assert count(ev.killed) == (1, 1)
    assert phrase(text, ev.killed) == "زعيماً"


@pytest.mark.parametrize(
    ("text", "slot", "phrase", "value"),
    [
        ("اغتال مجهولون مواطنين اثنين بمسدسات كاتمة في البصرة أمس.", "killed", "مواطنين اثنين", 2),
        (
            "انفجرت عبوة ناسفة في الموصل ما أدى إلى إصابة شرطيين اثنين.",
            "wounded",
            "شرطيين اثنين",
            2,
        ),
        ("قتل جندي واحد في هجوم على نقطة عسكرية في كركوك أمس.", "killed", "جندي واحد", 1),
        (
            "اغتال مسلحون مجهولون مواطنين اثنين قرب المنطقة الصناعية في العمارة أمس.",
            "killed",
            "مواطنين اثنين",
            2,
        ),
    ],
)
def test_a_number_after_the_noun_is_its_count(text, slot, phrase, value):
    (ev,) = extract(text, published="2024-05-06")
    c = getattr(ev, slot)
    assert (c.min, c.max) == (value, value)
    assert (c.start, c.end) == at(text, phrase)


def test_no_human_damage_is_a_stated_none():
    text = (
        "انفجرت عبوة ناسفة مستهدفة حافلة لنقل المدرسين في ناحية القيارة. وقال مصدر إن العبوة"
        " انفجرت دون أن تسفر عن أية أضرار بشرية."
    )
    ev = only(text, published="2024-01-05")
    assert (ev.killed.min, ev.killed.max, ev.wounded.min, ev.wounded.max) == (0, 0, 0, 0)
    assert (ev.killed.start, ev.killed.end) == at(text, "دون أن تسفر عن أية أضرار بشرية")
