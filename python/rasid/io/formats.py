"""Output formats: which one ``-o`` and ``--format`` ask for."""

from __future__ import annotations

import os

from ..errors import OptionError

#: Output formats, and the file extensions that imply them.
OUTPUT_FORMATS = ("jsonl", "csv", "acled", "parquet", "geojson")
_EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".geojson": "geojson",
}
#: Formats that may be gzip-compressed by naming the file ``….gz`` (Parquet compresses
#: inside the file).
_GZIP_FORMATS = ("jsonl", "csv", "acled", "geojson")


def _known_extensions() -> str:
    plain = ", ".join(_EXTENSIONS)
    return f"{plain} (each also with .gz, except .parquet)"


# extensions of data formats rasid does not write: `-o out.xlsx` is a mistake, not JSONL
_FOREIGN_EXTENSIONS = frozenset(
    {
        ".xlsx", ".xls", ".xlsm", ".ods", ".tsv", ".tab", ".txt", ".xml", ".html", ".htm",
        ".db", ".sqlite", ".sqlite3", ".feather", ".arrow", ".avro", ".orc", ".shp", ".gpkg",
        ".kml", ".kmz", ".dta", ".sav", ".rds", ".pkl", ".pickle", ".h5", ".hdf5", ".yaml",
        ".yml", ".pdf", ".docx",
    }
)  # fmt: skip


def output_format(path: str | None, fmt: str | None = None) -> str:
    """The output format for ``-o path`` and ``--format fmt``: ``fmt`` when given (it must
    agree with a known extension: ``acled`` is written to ``.csv``), else the one the
    extension implies; ``jsonl`` for stdout (None or ``-``), for a name without an extension
    and for a suffix that names no data format. A final ``.gz`` gzips a text format.

    Raises :class:`OptionError` for an empty path, an unknown format, the extension of a
    data format rasid does not write (``.xlsx``, ``.tsv`` …) without ``fmt``, a format the
    extension contradicts, and ``.parquet.gz``.
    """
    if fmt is not None and fmt not in OUTPUT_FORMATS:
        raise OptionError(f"unknown output format {fmt!r} (one of {', '.join(OUTPUT_FORMATS)})")
    if path is None or path == "-":
        return fmt or "jsonl"
    if not path.strip():
        raise OptionError("the output file name is empty (give a file name, or - for stdout)")
    low = path.lower()
    gzipped = low.endswith(".gz")
    base = low[:-3] if gzipped else low
    implied = next((f for ext, f in _EXTENSIONS.items() if base.endswith(ext)), None)
    if implied is None and fmt is None:
        ext = os.path.splitext(base)[1]
        if ext not in _FOREIGN_EXTENSIONS:
            # no extension, or a suffix that names no data format (a temporary file's
            # «tmp.Xa3f»): the documented default
            return "jsonl"
        raise OptionError(
            f"{path}: unknown output extension {ext} (known: {_known_extensions()}); "
            f"or give --format ({', '.join(OUTPUT_FORMATS)})"
        )
    chosen = fmt or implied
    assert chosen is not None
    if implied is not None and chosen != implied and not (chosen == "acled" and implied == "csv"):
        raise OptionError(f"{path}: the extension says {implied} but the format is {chosen}")
    if gzipped and chosen not in _GZIP_FORMATS:
        raise OptionError(
            f"{path}: {chosen} cannot be gzipped (Parquet compresses inside: use .parquet)"
        )
    return chosen


def infer_format(path: str | None) -> str:
    """The output format implied by a file name (``jsonl`` for stdout); raises
    :class:`OptionError` for an unknown extension (see :func:`output_format`)."""
    return output_format(path)
