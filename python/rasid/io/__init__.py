"""Streaming readers of article archives and writers of event records.

Readers (:func:`iter_documents`) take JSONL (also ``.jsonl.gz``), CSV, Parquet, ``.txt`` files
and folders of them, and yield one :class:`Document` at a time: a file is never loaded whole
(a ``.txt`` file is one document and is read as such). Bad input never stops a reader: a line
that is not JSON, bytes that are not UTF-8, a record without text, a publication date that
cannot be parsed, an empty file — each becomes a :class:`Problem` handed to ``on_problem``
(with file and line) and the reader goes on with the next record.

Writers (:func:`open_writer`) stream event records (the dicts of ``Event.to_dict()``) to JSONL,
CSV (flattened columns), ACLED's export columns (:mod:`rasid.acled`), Parquet (typed, with
structs) and GeoJSON (flat typed properties). :func:`read_events` reads any of them back into
the same records (ACLED excepted: it is a lossy, analyst-facing shape).
"""

from __future__ import annotations

from .columns import (
    COLUMNS,
    RESERVED_FIELDS,
    date_range,
    flatten_event,
    spreadsheet_safe,
    unflatten_event,
)
from .documents import MAX_RECORD_BYTES, NOTICES, Document, Fields, Problem, ReadStats
from .formats import OUTPUT_FORMATS, infer_format, output_format
from .inputs import INPUT_SUFFIXES, check_fields, expand_inputs, sample_fields
from .jsonl import RawBlock, parse_line, plan_blocks
from .outputs import read_events
from .published import parse_published
from .readers import iter_documents, read_part
from .writers import jsonl_lines, open_writer

__all__ = [
    "Document",
    "Problem",
    "ReadStats",
    "NOTICES",
    "INPUT_SUFFIXES",
    "OUTPUT_FORMATS",
    "COLUMNS",
    "MAX_RECORD_BYTES",
    "expand_inputs",
    "sample_fields",
    "check_fields",
    "iter_documents",
    "RawBlock",
    "Fields",
    "parse_line",
    "read_part",
    "plan_blocks",
    "parse_published",
    "flatten_event",
    "unflatten_event",
    "date_range",
    "spreadsheet_safe",
    "open_writer",
    "jsonl_lines",
    "infer_format",
    "output_format",
    "read_events",
    "RESERVED_FIELDS",
]
