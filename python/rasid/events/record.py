"""The event record: typed, frozen values whose ``to_dict`` is the SPEC "Event record"."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any

from ..vocabulary import EVENT_TYPES, WEAPONS

__all__ = [
    "Event",
    "Place",
    "Entity",
    "Count",
    "Evidence",
    "EVENT_TYPES",
    "WEAPONS",
    "event_id",
    "display_name",
]


def display_name(record: Any) -> str | None:
    """The name to show for a place, actor or claimant of an event record (its dict, or a
    short label as it is): the English name, else the Arabic name, else the mention."""
    if isinstance(record, dict):
        return record.get("name_en") or record.get("name_ar") or record.get("mention")
    return record if isinstance(record, str) else None


@dataclass(frozen=True)
class Evidence:
    """A clause of the original text that states the event: ``text == original[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


@dataclass(frozen=True)
class Place:
    """A place named in the text (``mention`` at ``start:end``) resolved by the gazetteer."""

    mention: str
    start: int
    end: int
    id: str | None = None
    name_ar: str | None = None
    name_en: str | None = None
    kind: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # Field order is the record's column order; the values are plain scalars, so no
        # deep copy (``dataclasses.asdict``) is needed.
        return {name: getattr(self, name) for name in _field_names(type(self))}


@dataclass(frozen=True)
class Entity:
    """An actor named in the text (``mention`` at ``start:end``), resolved when known."""

    mention: str
    start: int
    end: int
    id: str | None = None
    name_ar: str | None = None
    name_en: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # Field order is the record's column order; the values are plain scalars, so no
        # deep copy (``dataclasses.asdict``) is needed.
        return {name: getattr(self, name) for name in _field_names(type(self))}


@dataclass(frozen=True)
class Count:
    """A count read from the text: ``min``/``max`` (``None`` = open), ``approx`` for «نحو».

    ``text``/``start``/``end`` locate the phrase that states it (``None`` for a count the
    text implies, such as one drone written in the singular, or an explicit none).
    """

    min: int | None
    max: int | None
    approx: bool = False
    text: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "min": self.min,
            "max": self.max,
            "approx": self.approx,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


def event_id(doc_id: str | None, event_type: str, evidence: tuple[Evidence, ...]) -> str:
    """A stable id: a hash of the document id, the type and the evidence offsets."""
    key = "\x1f".join([doc_id or "", event_type] + [f"{e.start}:{e.end}" for e in evidence])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _opt(value: Any) -> Any:
    return None if value is None else value.to_dict()


@dataclass(frozen=True)
class Event:
    """One political-violence event read out of one document.

    Every fact carries the offsets of the characters that state it; ``evidence`` lists the
    clauses of the original text (code-point offsets) that state the event itself.
    """

    event_id: str
    doc_id: str | None
    event_type: str
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    location: Place | None = None
    outcome: str | None = None
    launch_location: Place | None = None
    weapon: str | None = None
    munitions: Count | None = None
    killed: Count | None = None
    wounded: Count | None = None
    actor: Entity | None = None
    claimed_by: Entity | None = None
    accused: tuple[Entity, ...] = ()
    target: str | None = None
    background: bool = False
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    #: ids of the rules that made the event (filled only when extraction is explained)
    rules: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The SPEC "Event record" as a JSON-ready ``dict`` (field order as in the SPEC;
        ``rules`` is added last when the extraction was explained)."""
        d = {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "location": _opt(self.location),
            "outcome": self.outcome,
            "launch_location": _opt(self.launch_location),
            "weapon": self.weapon,
            "munitions": _opt(self.munitions),
            "killed": _opt(self.killed),
            "wounded": _opt(self.wounded),
            "actor": _opt(self.actor),
            "claimed_by": _opt(self.claimed_by),
            "accused": [a.to_dict() for a in self.accused],
            "target": self.target,
            "background": self.background,
            "confidence": self.confidence,
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.rules:
            d["rules"] = list(self.rules)
        return d
