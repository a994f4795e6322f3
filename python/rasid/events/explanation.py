"""Why rasid read what it read: the rules behind each event and each voided mention.

>>> import rasid
>>> ex = rasid.explain("سقطت ثلاثة صواريخ كاتيوشا مساء الثلاثاء على قاعدة عين الأسد.",
...                    published="2020-03-12")
>>> [f.rule for f in ex.events[0].firings]
['anchor.attack_word']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .record import Count, Entity, Event, Place
from .rules import Effect, Firing, Trace, rules

__all__ = ["Explanation", "ExplainedEvent", "explain"]

# effects that make a mention or an attack word count for nothing
_VOIDING = frozenset(
    e.value
    for e in (
        Effect.VOID_CLAUSE,
        Effect.VOID_SENTENCE,
        Effect.VOID_AFTER,
        Effect.SKIP_TRIGGER,
        Effect.VOID_MENTION,
        Effect.DROP,
    )
)


@dataclass(frozen=True)
class ExplainedEvent:
    """One event and the rules that fired inside the clauses that state it, in order."""

    event: Event
    firings: tuple[Firing, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event.to_dict(), "rules": [f.to_dict() for f in self.firings]}


@dataclass(frozen=True)
class Explanation:
    """The events of one text with their rules, and the rules that voided the rest."""

    text: str
    events: tuple[ExplainedEvent, ...]
    voided: tuple[Firing, ...]
    firings: tuple[Firing, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "events": [e.to_dict() for e in self.events],
            "voided": [f.to_dict() for f in self.voided],
        }

    def __str__(self) -> str:
        return render(self)


def explain(
    text: str,
    *,
    published: Any = None,
    doc_id: str | None = None,
    gazetteer: Any | None = None,
) -> Explanation:
    """:func:`rasid.extract` with its trace: for each event, the rules that fired on the
    clauses that state it and the characters each slot was read from; for each attack
    word or clause that made no event, the rule that voided it.

    Arguments and errors are those of :func:`rasid.extract`.
    """
    from . import _extract

    trace = Trace()
    events = _extract(text, published=published, doc_id=doc_id, gazetteer=gazetteer, trace=trace)
    explained = tuple(ExplainedEvent(e, tuple(trace.by_event.get(e.event_id, ()))) for e in events)
    inside = {id(f) for e in explained for f in e.firings}
    voided = tuple(f for f in trace.firings if id(f) not in inside and f.effect in _VOIDING)
    return Explanation(text, explained, voided, tuple(trace.firings))


def _span(text: str, start: int | None, end: int | None) -> str:
    if start is None or end is None:
        return ""
    return f"«{text[start:end]}» [{start}:{end}]"


def _count(c: Count | None) -> str:
    if c is None:
        return "unknown: the text does not say"
    if c.min == 0 and c.max == 0:
        head = "none"
    elif c.min == c.max:
        head = f"{c.min}"
    else:
        head = f"{c.min}..{'' if c.max is None else c.max}"
    if c.approx:
        head += " (approx.)"
    where = f"«{c.text}» [{c.start}:{c.end}]" if c.text is not None else "implied by the text"
    return f"{head}  from {where}"


def _place(p: Place | None) -> str:
    if p is None:
        return "none named for the event"
    where = ", ".join(x for x in (p.admin1, p.country) if x)
    return f"{p.name_en or p.name_ar} ({where})  from «{p.mention}» [{p.start}:{p.end}]"


def _entity(e: Entity | None) -> str:
    if e is None:
        return "none stated"
    return f"{e.name_en or e.mention}  from «{e.mention}» [{e.start}:{e.end}]"


def render(ex: Explanation) -> str:
    """A plain-text report of an :class:`Explanation`."""
    rs = rules()
    out: list[str] = []
    for i, xe in enumerate(ex.events, start=1):
        e = xe.event
        bg = ", background" if e.background else ""
        out.append(f"event {i}: {e.event_type} (weapon {e.weapon}{bg}, confidence {e.confidence})")
        for ev in e.evidence:
            out.append(f"  evidence   {_span(ex.text, ev.start, ev.end)}")
        out.append("  rules")
        for f in xe.firings:
            out.append(f"    {f.rule:<36} {_span(ex.text, f.start, f.end)}")
            out.append(f"      {rs[f.rule].description}")
        date = "unknown: no date the text or the publication date gives"
        if e.date is not None:
            date = f"{e.date} ({e.date_precision})" + (
                f"  from «{e.date_text}»" if e.date_text else ""
            )
        out.append("  slots")
        out.append(f"    date       {date}")
        out.append(f"    location   {_place(e.location)}")
        if e.launch_location is not None:
            out.append(f"    launched   {_place(e.launch_location)}")
        out.append(f"    munitions  {_count(e.munitions)}")
        out.append(f"    killed     {_count(e.killed)}")
        out.append(f"    wounded    {_count(e.wounded)}")
        out.append(f"    actor      {_entity(e.actor)}")
        out.append(f"    claimed by {_entity(e.claimed_by)}")
        if e.accused:
            out.append(f"    accused    {'; '.join(_entity(a) for a in e.accused)}")
        if e.outcome is not None:
            out.append(f"    outcome    {e.outcome}")
    if not ex.events:
        out.append("no event")
    if ex.voided:
        out.append("voided (no event made of these words)")
        for f in ex.voided:
            out.append(f"  {f.rule:<38} {_span(ex.text, f.start, f.end)}")
            out.append(f"    {rs[f.rule].description}")
    return "\n".join(out)
