"""The flat layout of an event record: the columns of CSV output, GeoJSON properties and
the data frames of :mod:`rasid.tables`, and the record's ``date`` as a range of days."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable
from typing import Any

#: The subfields of an actor or a claimant (an entity of the gazetteer, found in the text).
_ENTITY = [
    ("mention", "str"),
    ("start", "int"),
    ("end", "int"),
    ("id", "str"),
    ("name_ar", "str"),
    ("name_en", "str"),
]
#: A place's: an entity's, then where it is.
_PLACE = [
    *_ENTITY,
    ("kind", "str"),
    ("admin1", "str"),
    ("country", "str"),
    ("lat", "float"),
    ("lon", "float"),
    ("precision", "str"),
]
#: A count's (killed, wounded, munitions): its bounds and where the text gives it.
_COUNT = [
    ("min", "int"),
    ("max", "int"),
    ("approx", "bool"),
    ("text", "str"),
    ("start", "int"),
    ("end", "int"),
]

#: Nested record fields flattened as ``<field>_<subfield>`` columns.
_GROUPS: dict[str, list[tuple[str, str]]] = {
    "location": _PLACE,
    "launch_location": _PLACE,
    "munitions": _COUNT,
    "killed": _COUNT,
    "wounded": _COUNT,
    "actor": _ENTITY,
    "claimed_by": _ENTITY,
}

# (record field, type); a group name stands for its flattened columns. ``date`` is the first
# day of the record's date (``2020-01`` -> ``2020-01-01``) and ``date_end`` its last
# (``2020-01-31``), so the column holds one type whatever the precision.
_LAYOUT: list[tuple[str, str]] = [
    ("event_id", "str"),
    ("doc_id", "str"),
    ("event_type", "str"),
    ("date", "date"),
    ("date_precision", "str"),
    ("date_end", "date"),
    ("date_text", "str"),
    ("location", "group"),
    ("outcome", "str"),
    ("launch_location", "group"),
    ("weapon", "str"),
    ("munitions", "group"),
    ("killed", "group"),
    ("wounded", "group"),
    ("actor", "group"),
    ("claimed_by", "group"),
    ("accused", "json"),
    ("target", "label"),
    ("background", "bool"),
    ("confidence", "float"),
    ("evidence", "json"),
    ("cluster_id", "str"),
]
_LAYOUT_NAMES = frozenset(name for name, _ in _LAYOUT)


def _columns() -> list[tuple[str, str]]:
    cols: list[tuple[str, str]] = []
    for name, kind in _LAYOUT:
        if kind == "group":
            cols.extend((f"{name}_{sub}", t) for sub, t in _GROUPS[name])
        else:
            cols.append((name, kind))
    return cols


#: The flat columns of CSV output and GeoJSON properties, with their types (str, int,
#: float, bool, date = ISO day, json, label = a string as is, else JSON).
COLUMNS: list[tuple[str, str]] = _columns()
_COLUMN_TYPES = dict(COLUMNS)
_COLUMN_NAMES = [c for c, _ in COLUMNS]
#: Record fields that are not input fields: a ``--keep`` name may not be one of them.
RESERVED_FIELDS = frozenset(_LAYOUT_NAMES | set(_COLUMN_NAMES))


def date_range(date: str | None) -> tuple[str | None, str | None]:
    """The first and last day of a record date: ``2020-01-05`` -> both that day,
    ``2020-01`` -> (``2020-01-01``, ``2020-01-31``), ``2020`` -> (``2020-01-01``,
    ``2020-12-31``)."""
    if not date:
        return None, None
    if len(date) == 7:
        year, month = int(date[:4]), int(date[5:])
        last = (_dt.date(year + month // 12, month % 12 + 1, 1) - _dt.timedelta(days=1)).day
        return f"{date}-01", f"{date}-{last:02d}"
    if len(date) == 4:
        return f"{date}-01-01", f"{date}-12-31"
    return date, date


def _record_date(day: Any, precision: Any) -> str | None:
    """The record date of a ``date`` column (ISO day or :class:`datetime.date`) and its
    precision: the inverse of :func:`date_range`."""
    if day is None or day == "":
        return None
    iso = day.isoformat() if isinstance(day, _dt.date) else str(day)
    if precision == "month":
        return iso[:7]
    if precision == "year":
        return iso[:4]
    return iso


def _kept_names(record: dict) -> list[str]:
    return [k for k in record if k not in _LAYOUT_NAMES]


def flatten_event(record: dict, keep: Iterable[str] = (), *, nested: bool = False) -> dict:
    """One event record as flat ``{column: value}`` (nested objects become prefixed columns),
    then the ``keep`` fields (input fields carried along) as they are.

    Values keep their Python types; ``date``/``date_end`` are ISO days (see
    :func:`date_range`); ``json`` columns (accused, evidence) are JSON text (Python lists
    with ``nested``), and ``target`` is its short label as is (JSON text when it is an
    entity object). Missing fields are None.
    """
    flat: dict[str, Any] = {}
    first, last = date_range(record.get("date"))
    for name, kind in _LAYOUT:
        value = record.get(name)
        if kind == "group":
            subs = _GROUPS[name]
            if isinstance(value, dict):
                for sub, t in subs:
                    v = value.get(sub)
                    flat[f"{name}_{sub}"] = _encode(v, t)
            else:
                for sub, _t in subs:
                    flat[f"{name}_{sub}"] = None
        elif name == "date":
            flat[name] = first
        elif name == "date_end":
            flat[name] = last
        elif nested and kind == "json":
            flat[name] = value
        else:
            flat[name] = _encode(value, kind)
    for name in keep:
        flat[name] = record.get(name)
    return flat


def _encode(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "json" or (kind == "label" and not isinstance(value, str)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def unflatten_event(flat: dict, *, keep_cluster: bool = True) -> dict:
    """The inverse of :func:`flatten_event` (a nested object whose columns are all null is
    null); columns that are not rasid's come back as record fields (kept input fields)."""
    record: dict[str, Any] = {}
    for name, kind in _LAYOUT:
        if kind == "group":
            sub = {s: _decode(flat.get(f"{name}_{s}"), t) for s, t in _GROUPS[name]}
            record[name] = sub if any(v is not None for v in sub.values()) else None
        elif name == "cluster_id":
            if keep_cluster and flat.get(name) not in (None, ""):
                record[name] = flat[name]
        elif name == "date":
            record[name] = _record_date(flat.get("date"), flat.get("date_precision"))
        elif name != "date_end":
            record[name] = _decode(flat.get(name), kind)
    for name, value in flat.items():
        if name not in _COLUMN_TYPES:
            record[name] = value
    return record


def _decode(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "json":
        return json.loads(value) if isinstance(value, str) else value
    if kind == "label" and isinstance(value, str) and value[:1] in ("{", "["):
        return json.loads(value)  # an entity object rather than a short label
    return value


#: First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A text cell of a CSV file as a spreadsheet shows it without running it: one that
    begins like a formula gets a leading ``'`` (OWASP's advice), and so does one that begins
    with ``'``, so that reading back removes exactly one. Every CSV writer uses it."""
    if cell.startswith(_FORMULA_START) or cell.startswith("'"):
        return "'" + cell
    return cell


def _spreadsheet_safe_row(row: dict) -> dict:
    return {k: spreadsheet_safe(v) if isinstance(v, str) else v for k, v in row.items()}


def _csv_cell(value: Any, kind: str = "str") -> str:
    if value is None:
        return ""
    if kind == "bool" or isinstance(value, bool):
        return "true" if value else "false"
    if kind == "float":
        return repr(float(value))
    if kind == "int":
        return str(value)
    return spreadsheet_safe(str(value))


def _csv_value(cell: str, kind: str) -> Any:
    if cell == "":
        return None
    if kind in ("str", "label", "json") and cell.startswith("'"):
        cell = cell[1:]  # see spreadsheet_safe
    if kind == "int":
        return int(cell)
    if kind == "float":
        return float(cell)
    if kind == "bool":
        return cell == "true"
    return cell
