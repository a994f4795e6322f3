"""The mention: one statement of an event, as the anchor stage finds it and the slot stage
fills it.

:class:`Anchored` is what the anchor stage gives the slot stage: a span of a sentence, the
attack words that anchor it, and, when one statement names several events («استهدافين،
الأول … والثاني …»), the group its parts share. :class:`Mention` is what the slot stage
gives the merge: the anchored span with its places, weapons, counts, actors, claims and
dates.
"""

from __future__ import annotations

import dataclasses
from typing import Any, NamedTuple

from .sentences import Sentence

__all__ = ["Anchored", "TollItem", "Mention"]


class Mention:
    """One statement of an event: a span of a sentence around an attack trigger."""

    __slots__ = (
        "sent",
        "start",
        "end",
        "ev_start",
        "ev_end",
        "anchors",
        "weapons",
        "hints",
        "places",
        "launch",
        "actors",
        "unknown_agent",
        "claims",
        "claim_negated",
        "accused",
        "munitions",
        "killed",
        "wounded",
        "none",
        "date",
        "date_inside",
        "bg_hint",
        "same_day",
        "ref",
        "strong",
        "group",
        "split",
        "outcome",
        "target",
        "site_words",
        "leads_ref",
        "another",
        "announcers",
        "site_anaphor",
        "best_place",
        "wspan",
        "announce",
        "continues",
        "index",
        "families",
        "actor_ids",
        "relative_place",
        "reply",
        "toll",
        "own_forces",
    )

    def __init__(self, sent: Sentence, start: int, end: int, ev_start: int, ev_end: int):
        self.sent = sent
        self.start = start
        self.end = end
        self.ev_start = ev_start
        self.ev_end = ev_end
        self.anchors: list = []
        self.weapons: list = []
        self.hints: list = []
        self.places: list = []
        self.launch: list = []
        self.actors: list = []
        self.unknown_agent = False
        self.claims: list = []
        self.claim_negated = False
        self.accused: list = []
        self.munitions: list = []
        self.killed: list = []
        self.wounded: list = []
        self.none: tuple[int, int] | None = None
        self.date = None
        self.date_inside = False
        self.bg_hint = False
        self.same_day = False
        self.ref = False
        self.strong = False
        self.group: int | None = None
        self.split = False
        self.outcome: str | None = None
        self.best_place = None
        self.site_words: list = []
        self.leads_ref = False
        self.another = False
        self.announcers: list = []
        self.wspan: tuple | None = None
        self.target: str | None = None
        self.announce = False
        self.continues = False
        self.index = 0
        # worked out by the merge (:mod:`rasid.events.merge`), once per mention
        self.families: set | None = None
        self.actor_ids: set | None = None
        # the place is only a bearing («شمال بغداد»): the event may lie tens of km away
        self.relative_place = False
        # opens with «ردا على ذلك،»: the answer to another attack, not one more statement
        # of it
        self.reply = False
        # one item of a toll listed by place («5 في اللطامنة و4 في كفرزيتا»): its
        # :class:`TollItem`, the part's own count and place
        self.toll = None
        # «إن قواتها ضربت …»: the announcer's own forces are the subject of the attack verb
        self.own_forces = False

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Mention({self.start},{self.end},strong={self.strong},ref={self.ref})"


@dataclasses.dataclass(frozen=True)
class TollItem:
    """One item of a casualty toll listed place by place: «و4 في كفرزيتا»; ``start`` and
    ``end`` are those of its figure."""

    start: int
    end: int
    min: int
    max: int | None
    role: str  # "killed" or "wounded"
    place: Any  # the place hit the item names


class Anchored(NamedTuple):
    """A span of a sentence anchored by attack words: the anchor stage's output.

    ``ev_start``/``ev_end`` is the anchored clause (the event's evidence); ``anchors`` the
    hits that anchor the span (attack words, an outcome, the «وآخر» that opens it). A span
    naming several events is cut into parts that share a ``group`` and ``split``; ``wspan``
    is the whole span a part was cut from, ``toll`` the item of a toll listed place by place
    that a part states.
    """

    sent: Sentence
    start: int
    end: int
    ev_start: int
    ev_end: int
    anchors: tuple
    group: int | None = None
    split: bool = False
    wspan: tuple[int, int] | None = None
    toll: TollItem | None = None
