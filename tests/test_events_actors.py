"""Who struck, as the text writes it (issue 11): a state's aircraft named with its
nationality are the actor as written («طائرات حربية روسية»), the state behind them its id.

Every sentence here is written for these tests (none is taken from the dev articles).
"""

from __future__ import annotations

import pytest
from rasid.events import extract
from spans import at


@pytest.mark.parametrize(
    ("text", "phrase", "actor_id"),
    [
        (
            "شنت طائرات حربية روسية غارات على بلدة كفرنبل جنوبي إدلب أمس.",
            "طائرات حربية روسية",
            "actor.russia",
        ),
        (
            "استهدفت طائرة مسيرة تركية سيارة في قضاء سنجار أمس.",
            "طائرة مسيرة تركية",
            "actor.turkey",
        ),
    ],
)
def test_a_states_aircraft_are_the_actor_as_written(text, phrase, actor_id):
    (ev,) = extract(text, published="2024-05-08")
    assert ev.event_type == "air_strike"
    assert (ev.actor.mention, ev.actor.id) == (phrase, actor_id)
    assert (ev.actor.start, ev.actor.end) == at(text, phrase)


def test_a_nationality_on_guns_is_the_state_alone():
    # artillery is no aircraft: the adjective alone names the state
    text = "قصفت المدفعية التركية قرى في ريف منبج أمس."
    (ev,) = extract(text, published="2024-05-08")
    assert (ev.actor.mention, ev.actor.id) == ("التركية", "actor.turkey")
    assert (ev.actor.start, ev.actor.end) == at(text, "التركية")
