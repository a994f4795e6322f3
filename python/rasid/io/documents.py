"""Documents read from the inputs, the problems met reading them, and the record builder
that turns an input record into a :class:`Document`."""

from __future__ import annotations

import datetime as _dt
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import InputError
from .published import parse_published


@dataclass(frozen=True)
class Document:
    """One article to extract events from.

    ``source`` is the file it came from and ``line`` its line (JSONL, CSV) or row (Parquet)
    number, 1-based; both only serve to report problems.
    """

    doc_id: str
    text: str
    published: str | None = None
    source: str = ""
    line: int | None = None
    #: input fields carried into every event record of the document (``--keep``), as
    #: ``(name, value)`` pairs
    kept: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Problem:
    """A record or file that was skipped, and why.

    ``reason`` is a short key used for counting: ``not_json``, ``not_object``,
    ``invalid_utf8``, ``no_text``, ``bad_id``, ``bad_csv``, ``too_large``, ``empty_file``,
    ``unreadable_file``, ``extract_error``, ``duplicate_doc``. The reasons of :data:`NOTICES`
    (``bad_date``) are not skips: the document is kept, without a publication date.
    """

    source: str
    line: int | None
    reason: str
    detail: str = ""

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.reason}" + (f": {self.detail}" if self.detail else "")


@dataclass
class ReadStats:
    """Counters a reader updates as it goes (read by the progress bar)."""

    bytes_total: int | None = None
    bytes_done: int = 0
    files_done: int = 0
    _file_base: int = field(default=0, repr=False)


ProblemHandler = Callable[[Problem], None]

#: Problem reasons that keep the document: ``bad_date``, a publication date that cannot be
#: read (the document goes on without one).
NOTICES = frozenset({"bad_date"})

#: The largest record read (a JSONL line, a CSV record, a Parquet text, a ``.txt`` file), in
#: bytes as stored: a larger one is reported (``too_large``) and skipped without being held
#: in memory whole. Extraction takes about 40 bytes of memory per byte of text.
MAX_RECORD_BYTES = 16 << 20


class _Builder:
    """Turns raw records (dicts) into Documents, reporting problems."""

    def __init__(
        self,
        id_field: str,
        text_field: str,
        date_field: str,
        on_problem,
        raw=False,
        keep=(),
        max_record_bytes: int = MAX_RECORD_BYTES,
    ):
        self.id_field = id_field
        self.text_field = text_field
        self.date_field = date_field
        self.on_problem = on_problem
        self.raw = raw  # JSONL readers yield RawBlock items, parsed later (by workers)
        self.keep = tuple(keep)
        self.max_record_bytes = max_record_bytes

    def too_large(self, source: str, line: int | None, size: str) -> None:
        """Report a record over :attr:`max_record_bytes` (``size``: how large it is)."""
        limit = self.max_record_bytes
        detail = f"{size}, over the limit of {limit:,} bytes ({limit / (1 << 20):g} MB)"
        self.on_problem(Problem(source, line, "too_large", detail))

    def build(self, record: dict, source: str, line: int | None, default_id: str):
        text = record.get(self.text_field)
        if not isinstance(text, str) or not text.strip():
            what = (
                "missing"
                if text is None
                else ("empty" if isinstance(text, str) else "not a string")
            )
            self.on_problem(Problem(source, line, "no_text", f"field {self.text_field!r} {what}"))
            return None
        # a date that cannot be read never costs the article: it goes on without one
        try:
            published = parse_published(record.get(self.date_field))
        except InputError as exc:
            self.on_problem(Problem(source, line, "bad_date", str(exc)))
            published = None
        raw_id = record.get(self.id_field)
        if raw_id is None or raw_id == "":
            doc_id = default_id
        elif isinstance(raw_id, str):
            doc_id = raw_id
        elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
            doc_id = str(raw_id)
        else:
            what = f"a {type(raw_id).__name__}: an id must be a string or an integer"
            self.on_problem(Problem(source, line, "bad_id", f"field {self.id_field!r} is {what}"))
            return None
        kept = tuple((n, _kept_value(record.get(n))) for n in self.keep) if self.keep else ()
        return Document(doc_id, text, published, source, line, kept)


def _kept_value(value: Any) -> Any:
    """An input value carried into the outputs: scalars as they are, dates as ISO text,
    anything else as JSON text (so every output format can hold it)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class Fields:
    """The record fields holding the id, the text and the publication date, and those
    carried into every event record (``keep``); picklable."""

    def __init__(
        self,
        id_field: str = "id",
        text_field: str = "text",
        date_field: str = "published",
        keep: Iterable[str] = (),
    ):
        self.id_field = id_field
        self.text_field = text_field
        self.date_field = date_field
        self.keep = tuple(keep)

    def builder(self, on_problem: ProblemHandler) -> _Builder:
        """A record builder that reports problems to ``on_problem``."""
        return _Builder(self.id_field, self.text_field, self.date_field, on_problem, keep=self.keep)


def _print_problem(problem: Problem) -> None:
    if problem.reason not in NOTICES:  # a kept document is not news on every line
        print(f"rasid: skipped {problem}", file=sys.stderr)
