"""Event records as rows of ACLED's data export (``rasid extract --format acled``).

The 31 columns, their order and their value conventions follow ACLED's codebook and its
current export (text actor types in ``inter1``/``inter2``, ``interaction`` as
``"<type>-<type>"`` or ``"<type> only"``, ISO 3166 numeric ``iso``, ISO dates), so a file
written here can be concatenated with an ACLED export and grouped by any column. How each
column is computed from the rasid record is documented in the README ("ACLED export").

Rows ACLED would not hold are left out and counted by :class:`AcledRows`: background events
(unless asked for), events without a day or month, events without coordinates.
"""

from __future__ import annotations

import collections
import csv
import datetime as _dt
import functools
import os
from typing import Any

from .events.record import display_name
from .vocabulary import ACLED_TYPES, ACLED_TYPES_BY_WEAPON, ENGLISH_MONTHS

__all__ = ["ACLED_COLUMNS", "INTER_TYPES", "AcledRows", "acled_row"]

#: ACLED's export columns, in its order.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip

#: ACLED's actor types, in the order of their former numeric codes 1–8 (``interaction``
#: names the lower one first).
INTER_TYPES = (
    "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
    "Protesters", "Civilians", "External/Other forces",
)  # fmt: skip


# ISO 3166-1 alpha-2 (as the gazetteer writes countries) -> (ACLED country name, ISO 3166-1
# numeric, ACLED region). Names and regions as in ACLED's country list.
_COUNTRIES = {
    "IQ": ("Iraq", 368, "Middle East"), "SY": ("Syria", 760, "Middle East"),
    "IR": ("Iran", 364, "Middle East"), "LB": ("Lebanon", 422, "Middle East"),
    "IL": ("Israel", 376, "Middle East"), "PS": ("Palestine", 275, "Middle East"),
    "JO": ("Jordan", 400, "Middle East"), "SA": ("Saudi Arabia", 682, "Middle East"),
    "YE": ("Yemen", 887, "Middle East"), "KW": ("Kuwait", 414, "Middle East"),
    "TR": ("Turkey", 792, "Middle East"), "AE": ("United Arab Emirates", 784, "Middle East"),
    "QA": ("Qatar", 634, "Middle East"), "BH": ("Bahrain", 48, "Middle East"),
    "OM": ("Oman", 512, "Middle East"), "EG": ("Egypt", 818, "Northern Africa"),
    "LY": ("Libya", 434, "Northern Africa"), "SD": ("Sudan", 729, "Northern Africa"),
    "TN": ("Tunisia", 788, "Northern Africa"), "DZ": ("Algeria", 12, "Northern Africa"),
    "MA": ("Morocco", 504, "Northern Africa"), "SO": ("Somalia", 706, "Eastern Africa"),
    "AF": ("Afghanistan", 4, "South Asia"), "PK": ("Pakistan", 586, "South Asia"),
    "US": ("United States", 840, "North America"), "RU": ("Russia", 643, "Europe"),
    "FR": ("France", 250, "Europe"), "GB": ("United Kingdom", 826, "Europe"),
}  # fmt: skip
_BY_NAME = {name.lower(): code for code, (name, _, _) in _COUNTRIES.items()}
_BY_NAME["türkiye"] = "TR"


def _alpha2(value: str) -> str:
    """The alpha-2 code of a gazetteer country (a code or an English name), else ""."""
    if not value:
        return ""
    if len(value) == 2 and value.upper() in _COUNTRIES:
        return value.upper()
    return _BY_NAME.get(value.lower(), "")


def country_name(value: str) -> str:
    """The English name (ACLED's) of a gazetteer country, an alpha-2 code or a name; the
    value itself when it is neither."""
    code = _alpha2(value)
    return _COUNTRIES[code][0] if code else value


def entity_name(entity: Any) -> str:
    """The English name of an actor, claimant or target of a record (else its Arabic name
    or mention; a short label as it is), or ""."""
    return display_name(entity) or ""


# geo_precision from the gazetteer's precision (else its kind): 1 the town or site itself,
# 2 a district / sub-district or an approximate position, 3 a governorate or the country.
_GEO_PRECISION = {
    "point": 1, "site": 1, "town": 1, "neighbourhood": 1, "village": 1, "city": 1,
    "subdistrict": 2, "district": 2, "approximate": 2, "zone": 2,
    "governorate": 3, "province": 3, "admin1": 3, "country": 3,
}  # fmt: skip

# the gazetteer's actor_type -> ACLED actor type
_INTER_OF = {
    "state": "State forces",
    "insurgent": "Rebel group",
    "militia": "Political militia",
    "political": "Political militia",
    "coalition": "External/Other forces",
}

# the event type in the sentence of the notes
_WHAT = {
    "rocket_attack": "a rocket attack", "missile_attack": "a missile attack",
    "drone_attack": "a drone attack", "air_strike": "an air strike", "shelling": "shelling",
    "ied_attack": "an IED attack", "armed_clash": "an armed clash", "other_attack": "an attack",
}  # fmt: skip


@functools.lru_cache(maxsize=1)
def _actors() -> dict[str, tuple[str, str, str]]:
    """Actor id -> (English name, actor type, country) from the gazetteer's actors file."""
    path = os.path.join(os.path.dirname(__file__), "data", "gazetteer", "actors.csv")
    with open(path, encoding="utf-8", newline="") as f:
        return {r["id"]: (r["name_en"], r["actor_type"], r["country"]) for r in csv.DictReader(f)}


def _target_actor(target: Any) -> tuple[str, str, str] | None:
    """(English name, actor type, country) of the actor a target text names, if the
    gazetteer knows one («قوات النظام» -> Syrian Arab Army)."""
    if not isinstance(target, str) or not target:
        return None
    from .gazetteer import default_gazetteer

    for match in default_gazetteer().find(target):
        if match.kind == "actor":
            return _actors().get(match.id)
    return None


def _acled_actor(known: tuple[str, str, str] | None, event_country: str) -> tuple[str, str, str]:
    """(ACLED actor name, associated actor, ACLED actor type) of a known actor.

    State forces are named ACLED's way, «Military Forces of <country>», with the unit as the
    associated actor; state forces outside their own country are External/Other forces.
    """
    name, atype, country = known or ("", "", "")
    inter = _INTER_OF.get(atype, "Political militia")
    if atype == "state" and country in _COUNTRIES:
        country_name = _COUNTRIES[country][0]
        article = "the " if country_name.startswith("United ") else ""
        acled_name = f"Military Forces of {article}{country_name}"
        assoc = "" if name == _COUNTRIES[country][0] else name
        if event_country and country != event_country:
            inter = "External/Other forces"
        return acled_name, assoc, inter
    return name, "", inter


def _entity_actor(entity: Any, event_country: str) -> tuple[str, str, str] | None:
    if not isinstance(entity, dict):
        return None
    known = _actors().get(entity.get("id") or "")
    if known is not None:
        return _acled_actor(known, event_country)
    if entity.get("name_en"):  # named in English but not in the actors file
        return entity["name_en"], "", "Political militia"
    return None


def _interaction(inter1: str, inter2: str) -> str:
    if not inter2:
        return f"{inter1} only"
    a, b = sorted((inter1, inter2), key=INTER_TYPES.index)
    return f"{a}-{b}"


def _count_text(count: Any) -> str:
    if not isinstance(count, dict) or count.get("min") is None:
        return ""
    lo, hi = count["min"], count.get("max")
    if hi is None:
        return f"at least {lo}" if count.get("text") else str(lo)
    return str(lo) if hi == lo else f"{lo}-{hi}"


def _event_date(date: str | None) -> tuple[str, int] | None:
    """(ACLED event_date, time_precision), or None for an event ACLED cannot date.

    A day is precision 1. A month alone is precision 3, dated at the middle of the month
    (the 15th), as the codebook asks for an event known only to its month.
    """
    if not date:
        return None
    if len(date) == 10:
        return date, 1
    if len(date) == 7:
        return f"{date}-15", 3
    return None  # a year alone: ACLED does not code it


def _notes(
    record: dict[str, Any], event_date: str, precision: int, place: str, admin1: str, country: str
) -> str:
    """A short English account of the event, built from the record's fields."""
    day = _dt.date.fromisoformat(event_date)
    month = f"{ENGLISH_MONTHS[day.month - 1]} {day.year}"
    when = f"{day.day} {month}" if precision == 1 else month
    what = _WHAT.get(record.get("event_type") or "", "an attack")
    weapon = (record.get("weapon") or "").replace("_", " ")
    munitions = _count_text(record.get("munitions"))
    if munitions:
        munitions += " munition" if munitions == "1" else " munitions"
    detail = ", ".join(x for x in (munitions, weapon) if x)
    region = ", ".join(x for x in (admin1, country) if x and x != place)
    where = place + (f" ({region})" if region else "")
    text = f"{'On' if precision == 1 else 'In'} {when}, {what}" + (f" ({detail})" if detail else "")
    text += f" was reported at {where}." if where else " was reported at an unnamed place."
    if record.get("outcome"):
        text += f" Outcome: {record['outcome']}."
    toll = [
        f"{n} {word}"
        for n, word in (
            (_count_text(record.get("killed")), "killed"),
            (_count_text(record.get("wounded")), "wounded"),
        )
        if n
    ]
    if toll:
        text += " " + ", ".join(toll).capitalize() + "."
    actor = record.get("actor")
    if isinstance(actor, dict) and actor.get("name_en"):
        text += f" Attributed to {actor['name_en']}."
    claimed = record.get("claimed_by")
    if isinstance(claimed, dict) and (claimed.get("name_en") or claimed.get("mention")):
        text += f" Claimed by {claimed.get('name_en') or 'a group named in Arabic'}."
    return text


def _source(record: dict[str, Any], source_field: str | None) -> str:
    fields = (source_field,) if source_field else ("source", "outlet", "url")
    for name in fields:
        value = record.get(name)
        if value not in (None, ""):
            return str(value)
    return f"rasid document {record.get('doc_id') or ''}".strip()


def acled_row(
    record: dict[str, Any], *, source_field: str | None = None, timestamp: int | None = None
) -> dict[str, Any] | None:
    """One event record as an ACLED row (:data:`ACLED_COLUMNS`), or None for an event ACLED
    cannot date (no day or month).

    ``source_field``: the record field naming the outlet (a field kept from the input);
    default the first of ``source``, ``outlet``, ``url`` the record has, else the document
    id. ``timestamp``: the row's ``timestamp`` (default: now, in Unix seconds).
    """
    dated = _event_date(record.get("date"))
    if dated is None:
        return None
    event_date, precision = dated
    etype = record.get("event_type") or ""
    event_type, sub_event_type = (
        ACLED_TYPES.get(etype)
        or ACLED_TYPES_BY_WEAPON.get(record.get("weapon") or "")
        or ACLED_TYPES["armed_clash"]  # an attack without a weapon named
    )
    loc = record.get("location") or {}
    alpha2 = _alpha2(loc.get("country") or "")
    country, iso, region = _COUNTRIES.get(alpha2, (loc.get("country") or "", "", ""))
    first = _entity_actor(record.get("actor"), alpha2) or _entity_actor(
        record.get("claimed_by"), alpha2
    )
    if first is None:
        first = (f"Unidentified Armed Group ({country or 'unknown'})", "", "Political militia")
    actor1, assoc1, inter1 = first
    claimed = _entity_actor(record.get("claimed_by"), alpha2)
    if claimed is not None and claimed[0] != actor1 and not assoc1:
        assoc1 = claimed[0]
    target = _target_actor(record.get("target"))
    actor2, assoc2, inter2 = _acled_actor(target, alpha2) if target else ("", "", "")
    if actor2 == actor1:  # the text named the attacker where the target was looked for
        actor2, assoc2, inter2 = "", "", ""
    precision_geo: Any = ""
    if loc:
        precision_geo = _GEO_PRECISION.get(str(loc.get("precision") or "").lower())
        if precision_geo is None:
            precision_geo = _GEO_PRECISION.get(str(loc.get("kind") or "").lower(), 1)
    kind = loc.get("kind")
    place = loc.get("name_en") or ""
    killed = record.get("killed") or {}
    tags = []
    if record.get("background"):
        tags.append("background")
    if record.get("claimed_by"):
        tags.append("claimed")
    tags.append(f"rasid confidence {record.get('confidence')}")
    tags.append(f"rasid event {record.get('event_id') or ''}")
    return {
        "event_id_cnty": f"{_country_code3(alpha2)}-rasid-{record.get('event_id') or ''}",
        "event_date": event_date,
        "year": int(event_date[:4]),
        "time_precision": precision,
        "disorder_type": "Political violence",
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "",
        "iso": iso,
        "region": region,
        "country": country,
        "admin1": loc.get("admin1") or "",
        "admin2": place if kind == "district" else "",
        "admin3": place if kind == "subdistrict" else "",
        "location": place or loc.get("admin1") or country,
        "latitude": "" if loc.get("lat") is None else loc["lat"],
        "longitude": "" if loc.get("lon") is None else loc["lon"],
        "geo_precision": precision_geo,
        "source": _source(record, source_field),
        "source_scale": "",
        "notes": _notes(record, event_date, precision, place, loc.get("admin1") or "", country),
        "fatalities": killed.get("min") or 0,
        "tags": "; ".join(tags),
        "timestamp": int(_dt.datetime.now().timestamp()) if timestamp is None else timestamp,
    }


# ISO 3166-1 alpha-3 codes for event ids (ACLED's ids start with a country code)
_ALPHA3 = {
    "IQ": "IRQ", "SY": "SYR", "IR": "IRN", "LB": "LBN", "IL": "ISR", "PS": "PSE", "JO": "JOR",
    "SA": "SAU", "YE": "YEM", "KW": "KWT", "TR": "TUR", "AE": "ARE", "QA": "QAT", "BH": "BHR",
    "OM": "OMN", "EG": "EGY", "LY": "LBY", "SD": "SDN", "TN": "TUN", "DZ": "DZA", "MA": "MAR",
    "SO": "SOM", "AF": "AFG", "PK": "PAK", "US": "USA", "RU": "RUS", "FR": "FRA", "GB": "GBR",
}  # fmt: skip


def _country_code3(alpha2: str) -> str:
    return _ALPHA3.get(alpha2, "XXX")


class AcledRows:
    """Turns event records into ACLED rows, leaving out (and counting in ``left_out``) the
    events an ACLED file would not hold: ``background`` events unless ``background`` is
    true, ``undated`` ones (no day or month) and ``unlocated`` ones (no coordinates). One
    ``timestamp`` for the whole file."""

    def __init__(
        self,
        *,
        background: bool = False,
        source_field: str | None = None,
        timestamp: int | None = None,
    ):
        self.background = background
        self.source_field = source_field
        self.timestamp = int(_dt.datetime.now().timestamp()) if timestamp is None else timestamp
        self.left_out: collections.Counter[str] = collections.Counter()

    def row(self, record: dict[str, Any]) -> dict[str, Any] | None:
        """The ACLED row of ``record``, or None when it is left out (and counted)."""
        if record.get("background") and not self.background:
            self.left_out["background"] += 1
            return None
        row = acled_row(record, source_field=self.source_field, timestamp=self.timestamp)
        if row is None:
            self.left_out["undated"] += 1
        elif row["latitude"] == "":
            self.left_out["unlocated"] += 1
            return None
        return row

    def summary(self) -> str | None:
        """One line saying which events were left out, or None."""
        if not self.left_out:
            return None
        n = sum(self.left_out.values())
        why = ", ".join(f"{r} {k}" for r, k in sorted(self.left_out.items()))
        hint = "; --background keeps background events" if self.left_out["background"] else ""
        events = "event" if n == 1 else "events"
        return f"rasid: the ACLED file leaves out {n} {events} ({why}){hint}"
