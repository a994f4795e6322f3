"""Reading rasid's outputs back into event records (:func:`read_events`)."""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterable, Iterator
from typing import IO, Callable

from ..errors import InputError, OptionError
from .columns import _COLUMN_TYPES, COLUMNS, _csv_value, unflatten_event
from .formats import output_format
from .parquet import _from_parquet_row, _parquet_module

#: Fields every rasid event record has (how :func:`read_events` tells its files from others).
_REQUIRED = ("event_id", "doc_id", "event_type", "evidence")


def _not_events(path: str, found: Iterable[str]) -> InputError:
    names = ", ".join(list(found)[:12]) or "none"
    return InputError(
        f"{path}: not rasid events (an events file has the fields "
        f"{', '.join(_REQUIRED)}; found: {names})"
    )


def _check_fields(path: str, found: Iterable[str]) -> None:
    found = list(found)
    if not set(_REQUIRED) <= set(found):
        raise _not_events(path, found)


def read_events(path: str, fmt: str | None = None) -> Iterator[dict]:
    """Read event records back from a JSONL, CSV, Parquet or GeoJSON file written by rasid
    (also gzipped; streaming, except GeoJSON which is parsed whole). Kept input fields come
    back as record fields.

    Raises :class:`InputError` when the file does not hold rasid events (an ACLED export, an
    article archive), checked on its header or first record before anything is yielded.
    """
    fmt = output_format(path, fmt)
    opener: Callable[..., IO[str]] = gzip.open if path.lower().endswith(".gz") else open
    if fmt == "jsonl":
        with opener(path, "rt", encoding="utf-8") as f:
            checked = False
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except (ValueError, RecursionError) as exc:
                    raise InputError(f"{path}:{n}: not JSON: {exc}") from None
                if not checked:
                    _check_fields(path, record if isinstance(record, dict) else ())
                    checked = True
                if not isinstance(record, dict):
                    raise InputError(f"{path}:{n}: not an event record: not an object")
                yield record
    elif fmt == "csv":
        with opener(path, "rt", encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            _check_fields(path, reader.fieldnames or ())
            extra = [c for c in reader.fieldnames or () if c not in _COLUMN_TYPES]
            for row in reader:
                try:
                    flat = {c: _csv_value(row.get(c) or "", t) for c, t in COLUMNS}
                    flat.update((c, row[c] if row[c] != "" else None) for c in extra)
                    record = unflatten_event(flat)
                except (ValueError, RecursionError) as exc:
                    where = f"{path}:{reader.line_num}"
                    raise InputError(f"{where}: not an event record: {exc}") from None
                yield record
    elif fmt == "parquet":
        pq = _parquet_module()
        pf = pq.ParquetFile(path)
        _check_fields(path, pf.schema_arrow.names)
        for batch in pf.iter_batches(batch_size=1024):
            for row in batch.to_pylist():
                yield _from_parquet_row(row)
    elif fmt == "geojson":
        with opener(path, "rt", encoding="utf-8") as f:
            try:
                collection = json.load(f)
            except ValueError as exc:
                raise InputError(f"{path}: not JSON: {exc}") from None
        features = collection.get("features") if isinstance(collection, dict) else None
        if not isinstance(features, list):
            raise _not_events(path, collection if isinstance(collection, dict) else ())
        for feature in features:
            props = dict(feature.get("properties") or {})
            props.update(props.pop("detail", None) or {})
            _check_fields(path, props)
            yield unflatten_event(props)
    else:
        raise OptionError(f"cannot read events back from format {fmt!r}")
