"""The Parquet side of the records: pyarrow (an optional extra), the typed schema, and rows
to and from records."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable
from typing import Any

from ..errors import InputError
from .columns import _GROUPS, _LAYOUT, _LAYOUT_NAMES, _decode, _encode, _record_date, date_range


def _parquet_module():
    try:
        import pyarrow.parquet as pq  # noqa: F401
    except ImportError as exc:  # pragma: no cover - exercised by a monkeypatched test
        raise InputError(
            "reading or writing Parquet needs pyarrow: pip install rasid[parquet]"
        ) from exc
    return pq


_ARROW_TYPES = {"str": "string", "int": "int64", "float": "float64", "bool": "bool_",
                "label": "string", "date": "date32"}  # fmt: skip


def _arrow_schema(keep: Iterable[str] = ()):
    """The Parquet schema: typed columns (dates as dates, counts as integers), nested
    objects as structs, evidence as a list of structs, kept fields as strings. ``accused``
    stays JSON text: its entries may carry more than an entity (who blamed them, SPEC)."""
    import pyarrow as pa

    def scalar(kind: str):
        return getattr(pa, _ARROW_TYPES[kind])()

    def struct(subs: list[tuple[str, str]]):
        return pa.struct([(s, scalar(t)) for s, t in subs])

    evidence = pa.list_(struct([("start", "int"), ("end", "int"), ("text", "str")]))
    fields = []
    for name, kind in _LAYOUT:
        if kind == "group":
            fields.append((name, struct(_GROUPS[name])))
        elif name == "evidence":
            fields.append((name, evidence))
        elif kind == "json":
            fields.append((name, pa.string()))
        else:
            fields.append((name, scalar(kind)))
    fields.extend((k, pa.string()) for k in keep)
    return pa.schema(fields)


def _parquet_row(record: dict, keep: list[str]) -> dict:
    first, last = date_range(record.get("date"))
    row: dict[str, Any] = {}
    for name, kind in _LAYOUT:
        value = record.get(name)
        if name == "date":
            row[name] = _dt.date.fromisoformat(first) if first else None
        elif name == "date_end":
            row[name] = _dt.date.fromisoformat(last) if last else None
        elif kind == "group":
            row[name] = {s: value.get(s) for s, _ in _GROUPS[name]} if value else None
        elif kind == "label" or (kind == "json" and name != "evidence"):
            row[name] = _encode(value, kind)
        else:
            row[name] = value
    for name in keep:
        value = record.get(name)
        row[name] = value if value is None or isinstance(value, str) else json.dumps(value)
    return row


def _from_parquet_row(row: dict) -> dict:
    record: dict[str, Any] = {}
    for name, kind in _LAYOUT:
        value = row.get(name)
        if name == "date":
            record[name] = _record_date(value, row.get("date_precision"))
        elif name == "date_end":
            continue
        elif name == "cluster_id":
            if value not in (None, ""):
                record[name] = value
        elif kind == "label" or (kind == "json" and name != "evidence"):
            record[name] = _decode(value, kind)
        else:
            record[name] = value
    for name, value in row.items():
        if name not in _LAYOUT_NAMES:
            record[name] = value
    return record
