"""Writers that stream event records to each output format (:func:`open_writer`)."""

from __future__ import annotations

import csv
import gzip
import json
import sys
from collections.abc import Iterable
from typing import IO

from ..errors import OptionError
from .columns import (
    _LAYOUT,
    COLUMNS,
    RESERVED_FIELDS,
    _csv_cell,
    _spreadsheet_safe_row,
    flatten_event,
)
from .formats import output_format
from .parquet import _arrow_schema, _parquet_module, _parquet_row


class Writer:
    """Streams event records to one output; use as a context manager.

    ``keep``: input fields carried in every record (``--keep``), written after rasid's
    columns in table formats.
    """

    def __init__(self, path: str | None, keep: Iterable[str] = ()):
        self.path = path
        self.keep = list(keep)
        self.count = 0

    def write(self, record: dict) -> None:
        """Write one event record."""
        raise NotImplementedError

    def close(self) -> None:
        """Flush and close the output."""

    def notice(self) -> str | None:
        """A line for the user about what the output left out, if anything."""
        return None

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _open_text(path: str | None) -> IO[str]:
    if not path or path == "-":
        return sys.stdout
    if path.lower().endswith(".gz"):
        return gzip.open(path, "wt", encoding="utf-8", newline="")
    return open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115


class _TextWriter(Writer):
    def __init__(self, path: str | None, keep: Iterable[str] = ()):
        super().__init__(path, keep)
        self.out = _open_text(path)

    def close(self) -> None:
        if self.out is sys.stdout:
            self.out.flush()
        else:
            self.out.close()


#: Characters that JSON leaves as they are and ``str.splitlines()`` takes for line breaks.
_LINE_SEPARATORS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def jsonl_lines(records: list[dict]) -> str:
    """``records`` as JSONL text: one JSON object per line, each ending in a newline (UTF-8,
    Arabic kept as is; U+2028, U+2029 and NEL escaped, so that any reader splits lines
    where JSONL does)."""
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = text.translate(_LINE_SEPARATORS)
    return text


class JsonlWriter(_TextWriter):
    """One JSON object per line (UTF-8, Arabic kept as is); kept fields are record fields."""

    def write(self, record: dict) -> None:
        self.out.write(jsonl_lines([record]))
        self.count += 1

    def write_lines(self, lines: str) -> None:
        """Write records already encoded by :func:`jsonl_lines`."""
        self.out.write(lines)
        self.count += lines.count("\n")


class CsvWriter(_TextWriter):
    """Flat columns (:data:`COLUMNS`): nested objects as ``<field>_<sub>``, lists as JSON,
    one ISO day in ``date`` (with ``date_precision`` and ``date_end``), then the kept
    fields."""

    def __init__(self, path: str | None, keep: Iterable[str] = ()):
        super().__init__(path, keep)
        self.csv = csv.writer(self.out)
        self.types = [*COLUMNS, *((k, "str") for k in self.keep)]
        self.csv.writerow([c for c, _ in self.types])

    def write(self, record: dict) -> None:
        flat = flatten_event(record, self.keep)
        self.csv.writerow([_csv_cell(flat[c], t) for c, t in self.types])
        self.count += 1


class AcledWriter(_TextWriter):
    """ACLED's export columns (:data:`rasid.acled.ACLED_COLUMNS`); background events only
    with ``background``, undated events left out (both counted, see :meth:`notice`).
    ``source_field``: the kept input field naming the outlet."""

    def __init__(
        self,
        path: str | None,
        keep: Iterable[str] = (),
        *,
        background: bool = False,
        source_field: str | None = None,
        timestamp: int | None = None,
    ):
        from ..acled import ACLED_COLUMNS, AcledRows

        super().__init__(path, keep)
        self.rows = AcledRows(background=background, source_field=source_field,
                              timestamp=timestamp)  # fmt: skip
        self.csv = csv.DictWriter(self.out, fieldnames=ACLED_COLUMNS)
        self.csv.writeheader()

    def write(self, record: dict) -> None:
        row = self.rows.row(record)
        if row is not None:
            self.csv.writerow(_spreadsheet_safe_row(row))
            self.count += 1

    def notice(self) -> str | None:
        return self.rows.summary()


class GeoJsonWriter(_TextWriter):
    """A GeoJSON FeatureCollection, one Point feature per event, streamed.

    The properties are flat and typed (the columns of :class:`CsvWriter`: ``killed_min`` a
    number, ``date`` an ISO day, then the kept fields) so GIS tools can style and filter by
    them; the lists (accused, evidence) are under one ``detail`` member. An event without
    coordinates is kept with ``"geometry": null`` (allowed by RFC 7946), so the file holds
    the same events as every other format; GIS tools list such features without drawing
    them.
    """

    def __init__(self, path: str | None, keep: Iterable[str] = ()):
        super().__init__(path, keep)
        self.out.write('{"type": "FeatureCollection", "features": [\n')

    def write(self, record: dict) -> None:
        loc = record.get("location") or {}
        lat, lon = loc.get("lat"), loc.get("lon")
        geometry = None
        if lat is not None and lon is not None:
            geometry = {"type": "Point", "coordinates": [lon, lat]}
        properties = flatten_event(record, self.keep, nested=True)
        properties["detail"] = {n: properties.pop(n) for n, k in _LAYOUT if k == "json"}
        feature = {"type": "Feature", "id": record.get("event_id"), "geometry": geometry,
                   "properties": properties}  # fmt: skip
        if self.count:
            self.out.write(",\n")
        self.out.write(json.dumps(feature, ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        self.out.write("\n]}\n")
        super().close()


class ParquetWriter(Writer):
    """Typed columns (``date``/``date_end`` as dates, counts as integers, places, counts and
    actors as structs, evidence as a list of structs; see :func:`_arrow_schema`), written in
    row groups of ``batch`` rows."""

    def __init__(self, path: str | None, keep: Iterable[str] = (), batch: int = 4096):
        if not path or path == "-":
            raise OptionError("Parquet output needs a file name (-o FILE.parquet)")
        super().__init__(path, keep)
        pq = _parquet_module()
        self.schema = _arrow_schema(self.keep)
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self.rows: list[dict] = []
        self.batch = batch

    def write(self, record: dict) -> None:
        self.rows.append(_parquet_row(record, self.keep))
        self.count += 1
        if len(self.rows) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


_WRITERS = {
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "acled": AcledWriter,
    "parquet": ParquetWriter,
    "geojson": GeoJsonWriter,
}


def open_writer(
    path: str | None,
    fmt: str | None = None,
    *,
    keep: Iterable[str] = (),
    background: bool = False,
    source_field: str | None = None,
) -> Writer:
    """A writer for ``fmt`` (default: from the extension of ``path``, see
    :func:`output_format`; stdout when path is None). ``keep``: input fields carried in
    every record, written as extra columns; ``background`` and ``source_field`` are for the
    ACLED format (see :class:`AcledWriter`).

    Raises :class:`OptionError` for an unknown format or extension, :class:`OSError` when
    the file cannot be created, :class:`InputError` when Parquet is asked for without
    pyarrow.
    """
    fmt = output_format(path, fmt)
    keep = list(keep)
    clash = sorted(set(keep) & RESERVED_FIELDS)
    if clash:
        raise OptionError(f"--keep {clash[0]!r} is the name of an event field; rename it")
    if fmt == "acled":
        return AcledWriter(path, keep, background=background, source_field=source_field)
    return _WRITERS[fmt](path, keep)
