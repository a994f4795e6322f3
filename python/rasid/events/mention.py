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


@dataclasses.dataclass(frozen=True, eq=False)
class Mention:
    """One statement of an event: an anchored span with its slots, the slot stage's output.

    Built once by :func:`rasid.events.slots.fill` and never changed after: the merge and the
    finalize stage read it (what they work out about it is theirs to keep).
    """

    # the anchored span (:class:`Anchored`)
    sent: Sentence
    start: int
    end: int
    ev_start: int
    ev_end: int
    anchors: tuple
    group: int | None
    split: bool
    wspan: tuple[int, int] | None
    toll: TollItem | None
    #: its attack words only refer back to an event told before («الهجوم», «هذا القصف»)
    ref: bool
    #: it opens with «ردا على ذلك،»: the answer to another attack, not one more statement
    reply: bool
    #: «هجوم آخر», «فجروا لاحقاً»: another attack, not one more report of the last
    another: bool
    #: its first anchor refers back (or is an outcome)
    leads_ref: bool
    #: weapon hits (and attack words naming a weapon), and the event types its attack words
    #: suggest
    weapons: tuple
    hints: tuple[str, ...]
    #: site words («القاعدة», «المطار»)
    site_words: tuple
    #: ``(hit, readings)`` places and launch places (:func:`rasid.events.places.place_candidates`)
    places: tuple
    launch: tuple
    #: the place it ties its event to, ``(hit, readings)`` or ``None``; whether that place was
    #: named in a sentence before («المطار» after «مطار أربيل»), and whether it is only a
    #: bearing («شمال بغداد»: the event may lie tens of km away)
    best_place: Any
    site_anaphor: bool
    relative_place: bool
    #: perpetrator candidates (:class:`rasid.events.actors.ActorCand`), and whether an
    #: unknown agent is stated («مجهولون»)
    actors: tuple
    unknown_agent: bool
    #: claimants, whether the claim is negated, and the accused
    claims: tuple
    claim_negated: bool
    accused: tuple
    #: ids of the actors announcing the attack, and those announcers as candidates
    announce: frozenset
    announcers: tuple
    #: «إن قواتها ضربت …»: the announcer's own forces are the subject of the attack verb
    own_forces: bool
    #: the sentence opens with «وأضافت» (the report goes on)
    continues: bool
    #: count candidates (:class:`rasid.events.counts.Cand`) and a stated none
    munitions: tuple
    killed: tuple
    wounded: tuple
    none: tuple[int, int] | None
    outcome: str | None
    target: str | None
    #: the date mention governing it, and whether it stands inside the span
    date: Any
    date_inside: bool
    #: it tells an event from before the news; it says «في اليوم نفسه»
    bg_hint: bool
    same_day: bool
    #: it states an event of its own (a place, a count, a date, a weapon, a perpetrator)
    strong: bool

    @classmethod
    def of(cls, span: Anchored, **slots: Any) -> Mention:
        """The mention of ``span`` with its ``slots`` (every other field): what
        ``Mention(**span._asdict(), **slots)`` gives, in one step instead of one
        ``object.__setattr__`` per field (42; the slot stage builds one mention per span).

        Raises:
            TypeError: the slots given are not all the other fields.
        """
        m = object.__new__(cls)
        fields = m.__dict__
        fields.update(zip(Anchored._fields, span))
        fields.update(slots)
        if len(fields) != _FIELD_COUNT:
            raise TypeError(
                f"Mention.of: {sorted(set(_FIELD_NAMES) ^ set(fields))} missing or unknown"
            )
        return m

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Mention({self.start},{self.end},strong={self.strong},ref={self.ref})"


_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(Mention))
_FIELD_COUNT = len(_FIELD_NAMES)
