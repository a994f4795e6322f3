"""Cross-article clustering: reports of the same real event in different documents.

Two event records are **compatible** when all of these hold:

1. **Different documents.** Within one article the extractor already merged the mentions of
   one event, so two records of one document are two events.
2. **Same type family.** ``rocket_attack``, ``missile_attack`` and ``shelling`` (indirect fire:
   outlets call the same salvo rockets, missiles or shells); ``drone_attack`` and
   ``air_strike`` (outlets call the same strike either); ``ied_attack``; ``armed_clash``;
   ``other_attack`` only with ``other_attack``.
3. **Dates within a day.** Both dates have day precision and differ by at most one day (a
   night attack is dated differently by outlets in different time zones or on the next
   morning). A record with a null or coarser (month, year) date is never clustered: without
   a day, "same kind, same place" would join the dozens of attacks every base in the region
   has seen — it stays a cluster of its own.
4. **Close places.** The same gazetteer location id, or both with coordinates at most
   ``max_km`` apart (great-circle). A record without a location is never clustered.
5. **Compatible actors.** Not two different named actors (``actor`` against ``actor``,
   ``claimed_by`` against ``claimed_by``; an entity is named by its gazetteer id, else its
   English name, else its mention). One named and one unnamed is compatible.

Clusters are built by **complete linkage**: a record joins a cluster only when it is
compatible with every record already in it (so no chain A~B~C joins A and C when they are
not compatible). Records are taken in (date, event_id) order, and a record joins the
compatible cluster whose records are nearest (then the oldest cluster), so the result does
not depend on the input order. Every record gets a ``cluster_id``; its first record (the
earliest by date, then event_id) names it: ``c`` + 16 hex digits of a hash of that
event_id, stable across runs on the same input.

Each cluster records its sources (``doc_ids``, ``event_ids``) and **conservative merged
figures** for ``munitions``, ``killed`` and ``wounded``, computed over the sources that give
a figure (a source silent on the dead is not a source saying zero; one that says "no
casualties" is zero):

* ``min``: the lowest lower bound any source reports — the conservative figure, as ACLED
  codes fatalities when sources disagree (an analyst never counts more dead than some
  report supports);
* ``max``: the highest upper bound, or null when any source gives no upper bound ("at
  least 3") — so ``[min, max]`` covers every report;
* ``approx``: true when any source is approximate; ``n_reports``: how many sources gave one.

The source records themselves keep their own values; only ``cluster_id`` is added.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .geo import haversine_km

__all__ = ["FAMILIES", "DEFAULT_MAX_KM", "EventKey", "event_key", "compatible", "cluster"]

#: event_type -> type family.
FAMILIES = {
    "rocket_attack": "indirect_fire",
    "missile_attack": "indirect_fire",
    "shelling": "indirect_fire",
    "drone_attack": "air",
    "air_strike": "air",
    "ied_attack": "ied",
    "armed_clash": "clash",
    "other_attack": "other",
}

#: Default distance under which two places count as one (kilometres).
DEFAULT_MAX_KM = 25.0

_COUNTS = ("munitions", "killed", "wounded")


def _entity_key(entity: Any) -> str | None:
    if isinstance(entity, dict):
        key = entity.get("id") or entity.get("name_en") or entity.get("mention")
        return str(key) if key else None
    if isinstance(entity, str) and entity.strip():
        return entity.strip()
    return None


def _count(value: Any) -> tuple | None:
    if not isinstance(value, dict) or value.get("min") is None:
        return None
    return (value["min"], value.get("max"), bool(value.get("approx")))


@dataclass
class EventKey:
    """What clustering needs of one record (kept in memory instead of the whole record)."""

    index: int
    event_id: str
    doc_id: str
    event_type: str | None
    family: str | None
    day: int | None  # proleptic ordinal of a day-precision date
    date: str | None
    lat: float | None
    lon: float | None
    location_id: str | None
    location: dict | None
    actor: str | None
    claimed_by: str | None
    actor_entity: Any = None
    claimed_entity: Any = None
    counts: dict = field(default_factory=dict)


def event_key(record: dict, index: int = 0) -> EventKey:
    """The :class:`EventKey` of one event record (``index``: its position in the input)."""
    date = record.get("date")
    day = None
    if isinstance(date, str) and len(date) == 10 and record.get("date_precision") in (None, "day"):
        try:
            day = _dt.date.fromisoformat(date).toordinal()
        except ValueError:
            day = None
    loc = record.get("location")
    loc = loc if isinstance(loc, dict) else None
    lat = lon = None
    loc_id = None
    if loc is not None:
        lat, lon, loc_id = loc.get("lat"), loc.get("lon"), loc.get("id")
    etype: Any = record.get("event_type")
    return EventKey(
        index=index,
        event_id=str(record.get("event_id")),
        doc_id=str(record.get("doc_id")),
        event_type=etype,
        family=FAMILIES.get(etype, etype),
        day=day,
        date=date,
        lat=lat,
        lon=lon,
        location_id=loc_id,
        location=loc,
        actor=_entity_key(record.get("actor")),
        claimed_by=_entity_key(record.get("claimed_by")),
        actor_entity=record.get("actor"),
        claimed_entity=record.get("claimed_by"),
        counts={c: _count(record.get(c)) for c in _COUNTS},
    )


def stable_hash(*parts: str, length: int = 16) -> str:
    """A short stable hex digest of ``parts`` (used for cluster ids)."""
    h = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=length // 2)
    return h.hexdigest()


def _distance(a: EventKey, b: EventKey, max_km: float) -> float | None:
    """Distance in km if the places are close enough (0 for the same location id), else None."""
    if a.location_id is not None and a.location_id == b.location_id:
        return 0.0
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    d = haversine_km(a.lat, a.lon, b.lat, b.lon)
    return d if d <= max_km else None


def compatible(a: EventKey, b: EventKey, max_km: float = DEFAULT_MAX_KM) -> bool:
    """True when two records may be reports of the same event (rules 1-5 above)."""
    if a.doc_id == b.doc_id:
        return False
    if a.family is None or a.family != b.family:
        return False
    if a.day is None or b.day is None or abs(a.day - b.day) > 1:
        return False
    if _distance(a, b, max_km) is None:
        return False
    if a.actor and b.actor and a.actor != b.actor:
        return False
    if a.claimed_by and b.claimed_by and a.claimed_by != b.claimed_by:
        return False
    return True


def _merge_counts(values: list[tuple | None]) -> dict | None:
    given = [v for v in values if v is not None]
    if not given:
        return None
    maxes = [v[1] for v in given]
    return {
        "min": min(v[0] for v in given),
        "max": None if any(m is None for m in maxes) else max(maxes),
        "approx": any(v[2] for v in given),
        "n_reports": len(given),
    }


def _cluster_record(members: list[EventKey]) -> dict:
    seed = members[0]
    days = [m.day for m in members if m.day is not None]
    first = next((m.actor_entity for m in members if m.actor_entity), None)
    claim = next((m.claimed_entity for m in members if m.claimed_entity), None)
    types = sorted({m.event_type for m in members if m.event_type})
    by_input = sorted(members, key=lambda m: m.index)
    record = {
        "cluster_id": "c" + stable_hash(seed.event_id),
        "event_type": seed.event_type,
        "event_types": types,
        "family": seed.family,
        "date": seed.date,
        "date_last": _dt.date.fromordinal(max(days)).isoformat() if days else seed.date,
        "location": seed.location,
        "actor": first,
        "claimed_by": claim,
        "n_sources": len({m.doc_id for m in members}),
        "doc_ids": [m.doc_id for m in by_input],
        "event_ids": [m.event_id for m in by_input],
    }
    for c in _COUNTS:
        record[c] = _merge_counts([m.counts[c] for m in members])
    return record


def cluster(
    records: Iterable[dict], *, max_km: float = DEFAULT_MAX_KM
) -> tuple[dict[str, str], list[dict]]:
    """Cluster event records.

    Returns ``(assignments, clusters)``: ``event_id -> cluster_id`` for every record, and the
    cluster records (sorted by date, then cluster_id). Only an :class:`EventKey` per record
    is kept in memory; when several records share an event_id, the first one counts.
    """
    keys: list[EventKey] = []
    seen: set[str] = set()
    for i, record in enumerate(records):
        key = event_key(record, i)
        if key.event_id in seen:
            continue
        seen.add(key.event_id)
        keys.append(key)
    dated = sorted((k for k in keys if k.day is not None), key=lambda k: (k.day, k.event_id))
    undated = sorted((k for k in keys if k.day is None), key=lambda k: (k.date or "", k.event_id))

    groups: list[list[EventKey]] = []
    active: dict[Any, list[list[EventKey]]] = {}  # family -> open clusters
    for key in dated:
        opened = active.setdefault(key.family, [])
        # A cluster whose earliest record is more than a day older can accept nothing more.
        opened[:] = [g for g in opened if g[0].day >= key.day - 1]  # type: ignore[operator]
        best = None
        best_score = None
        for order, group in enumerate(opened):
            if not all(compatible(key, m, max_km) for m in group):
                continue
            score = (max(_distance(key, m, max_km) for m in group), order)  # type: ignore[type-var]
            if best_score is None or score < best_score:
                best, best_score = group, score
        if best is None:
            best = []
            opened.append(best)
            groups.append(best)
        best.append(key)
    groups.extend([k] for k in undated)

    assignments: dict[str, str] = {}
    clusters = []
    for group in groups:
        rec = _cluster_record(group)
        clusters.append(rec)
        for m in group:
            assignments[m.event_id] = rec["cluster_id"]
    clusters.sort(key=lambda c: (c["date"] or "", c["cluster_id"]))
    return assignments, clusters
