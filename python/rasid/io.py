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

import codecs
import collections
import csv
import datetime as _dt
import errno
import gzip
import hashlib
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, Callable

from .errors import InputError, OptionError

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

# --------------------------------------------------------------------------------------------
# Documents and problems
# --------------------------------------------------------------------------------------------


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
    _file_base: int = field(default=0, repr=False)


ProblemHandler = Callable[[Problem], None]

#: Problem reasons that keep the document: ``bad_date``, a publication date that cannot be
#: read (the document goes on without one).
NOTICES = frozenset({"bad_date"})

#: The largest record read (a JSONL line, a CSV record, a Parquet text, a ``.txt`` file), in
#: bytes as stored: a larger one is reported (``too_large``) and skipped without being held
#: in memory whole. Extraction takes about 40 bytes of memory per byte of text.
MAX_RECORD_BYTES = 16 << 20

#: Suffixes read from a folder (and accepted as files), longest first.
INPUT_SUFFIXES = (".jsonl.gz", ".ndjson.gz", ".jsonl", ".ndjson", ".csv", ".parquet", ".txt")


def _kind_of(path: str) -> str | None:
    low = path.lower()
    if low.endswith((".jsonl.gz", ".ndjson.gz")):
        return "jsonl.gz"
    if low.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    for suffix in (".csv", ".parquet", ".txt"):
        if low.endswith(suffix):
            return suffix[1:]
    return None


def _not_readable(path: str) -> str | None:
    """Why a file found in a folder cannot be read as an input, or None when it can.

    Only regular files are read from a folder: a named pipe or a device (``/dev/zero``) would
    block the run or never end. A pipe named on the command line is read (like stdin)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if os.path.islink(path):
            return "a symbolic link loop" if exc.errno == errno.ELOOP else "a broken symbolic link"
        return exc.strerror or str(exc)
    if not stat.S_ISREG(mode):
        if stat.S_ISFIFO(mode):
            what = "a named pipe"
        elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            what = "a device"
        else:
            what = "a socket"
        return f"not a regular file ({what})"
    if not os.access(path, os.R_OK):
        return "permission denied"
    return None


def expand_inputs(paths: Iterable[str], on_problem: ProblemHandler | None = None) -> list[str]:
    """Check input paths and expand folders (recursively, sorted) into their readable files.

    ``-`` stands for JSONL on standard input. Raises :class:`InputError` for a missing path or
    a file whose format cannot be told from its name, before any work is done. A file found
    in a folder that cannot be read (a broken link, a named pipe, a device, no permission)
    is left out and reported to ``on_problem`` (default: printed on stderr).
    """
    handler = on_problem or _print_problem
    out: list[str] = []
    for path in paths:
        if path == "-":
            out.append(path)
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and _kind_of(name) is not None:
                        found = os.path.join(root, name)
                        why = _not_readable(found)
                        if why is None:
                            out.append(found)
                        else:
                            handler(Problem(found, None, "unreadable_file", why))
        elif os.path.exists(path):
            if _kind_of(path) is None:
                raise InputError(
                    f"{path}: unknown input format (expected one of {', '.join(INPUT_SUFFIXES)})"
                )
            if not os.access(path, os.R_OK):
                raise InputError(f"{path}: permission denied")
            out.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    if any(_kind_of(p) == "parquet" for p in out if p != "-"):
        _parquet_module()  # a clear error now rather than in the middle of the run
    return out


_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")

#: Publication years accepted (a date outside is a misread field, not a date).
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _checked(day: _dt.date, value: Any) -> str:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InputError(f"publication date {value!r} is out of range (year {day.year})")
    return day.isoformat()


def _from_epoch(seconds: float, value: Any) -> str:
    try:
        day = _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        raise InputError(f"unparseable publication date {value!r}") from None
    return _checked(day, value)


def _epoch_seconds(number: float) -> float:
    """Seconds from epoch seconds or milliseconds (told apart by size: 10^11 seconds is the
    year 5138, 10^11 milliseconds is 1973)."""
    return number / 1000 if abs(number) >= 1e11 else number


def _english_date(s: str) -> _dt.date | None:
    """A date with day, month and year all written (``15 March 2021``, ``March 15, 2021``,
    ``15-Mar-2021 08:30``), read by dateutil; None when a part is missing."""
    from dateutil import parser

    # parsed twice with different defaults: a part taken from the default differs
    try:
        a = parser.parse(s, dayfirst=True, default=_dt.datetime(1901, 1, 1))
        b = parser.parse(s, dayfirst=True, default=_dt.datetime(1902, 2, 2))
    except (ValueError, OverflowError, parser.ParserError):
        return None
    return a.date() if a.date() == b.date() else None


def parse_published(value: Any) -> str | None:
    """A publication date as ``YYYY-MM-DD``, or None when absent.

    Reads the forms scraped archives hold: ISO 8601 dates and date-times with or without a
    zone (``2021-03-15``, ``2021-03-15T08:30:00+03:00``, ``20210315``), RFC 2822 / 5322
    (``Mon, 15 Mar 2021 08:30:00 GMT``), numeric dates with ``/``, ``-`` or ``.`` (day first,
    ``15/03/2021``, unless the year comes first, ``2021/03/15``; month first only when day
    first is impossible, as in :mod:`rasid.dates`), English month names (``15 March 2021``,
    ``March 15, 2021``), Arabic and Levantine month names and Arabic-Indic digits
    («15 آذار 2021», «١٥ مارس ٢٠٢١», «الاثنين 15 كانون الثاني 2021», read by
    :func:`rasid.dates.resolve_dates`), epoch seconds or milliseconds (numbers or digit
    strings, UTC), and :class:`datetime.date` / :class:`datetime.datetime` objects.
    A date-time keeps the day written in its own zone (the outlet's day).
    Raises :class:`InputError` for anything else, or a year outside 1900–2100.
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return _checked(value.date(), value)
    if isinstance(value, _dt.date):
        return _checked(value, value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value:  # NaN: an empty cell of a dataframe
            return None
        return _from_epoch(_epoch_seconds(value), value)
    if not isinstance(value, str):
        raise InputError(f"unparseable publication date {value!r}")
    s = value.strip()
    if not s:
        return None
    if not s.isascii():
        from .text import to_ascii_digits

        s = to_ascii_digits(s)
    if s.isdigit():
        if len(s) == 8:  # ISO 8601 basic: 20210315
            try:
                return _checked(_dt.date(int(s[:4]), int(s[4:6]), int(s[6:])), value)
            except ValueError:
                raise InputError(f"unparseable publication date {value!r}") from None
        if 9 <= len(s) <= 13:
            return _from_epoch(_epoch_seconds(int(s)), value)
        raise InputError(f"unparseable publication date {value!r}")
    if _ISO_DAY.match(s):
        if len(s) == 10 or s[10] in "Tt ":
            # the day as written (its own zone): the time part does not change it
            try:
                return _checked(_dt.date.fromisoformat(s[:10]), value)
            except ValueError:
                raise InputError(f"unparseable publication date {value!r}") from None
        from dateutil.parser import isoparse

        try:
            return _checked(isoparse(s).date(), value)
        except (ValueError, OverflowError):
            # a wrong ISO date (2020-13-01, 2021-03-15x) is not read another way
            raise InputError(f"unparseable publication date {value!r}") from None
    if s[:3].isalpha() and "," in s[:5]:
        from email.utils import parsedate_to_datetime

        try:
            return _checked(parsedate_to_datetime(s).date(), value)
        except (TypeError, ValueError, IndexError):
            pass
    from .dates import resolve_dates

    for mention in resolve_dates(s):
        if mention.kind == "explicit" and mention.precision == "day" and mention.date:
            return _checked(_dt.date.fromisoformat(mention.date), value)
        break  # only the first date expression of the value counts
    if s.isascii():
        day = _english_date(s)
        if day is not None:
            return _checked(day, value)
    raise InputError(f"unparseable publication date {value!r}")


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


def _stem(path: str) -> str:
    name = os.path.basename(path)
    for suffix in INPUT_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return os.path.splitext(name)[0]


def plan_blocks(path: str, blocksize: int) -> list[tuple[int, int, int]]:
    """Split an uncompressed JSONL file into blocks of about ``blocksize`` bytes that start
    and end at line boundaries: ``(start, end, first line number)`` each (one quick pass that
    counts newlines, so line numbers and default ids match a whole-file read)."""
    size = os.path.getsize(path)
    blocks: list[tuple[int, int, int]] = []
    start, line = 0, 1
    with open(path, "rb") as f:
        while start < size:
            target = start + blocksize
            if target >= size:
                blocks.append((start, size, line))
                break
            f.seek(start)
            lines = 0
            pos = start
            while pos < target:
                buf = f.read(min(1 << 20, target - pos))
                if not buf:
                    break
                lines += buf.count(b"\n")
                pos += len(buf)
            rest = f.readline()  # finish the line that crosses the boundary
            if rest.endswith(b"\n"):
                lines += 1
            end = pos + len(rest)
            blocks.append((start, end, line))
            start, line = end, line + lines
    return blocks or [(0, 0, 1)]


class _CrLines(io.RawIOBase):
    """A byte stream whose lone carriage returns (old Mac line ends) are line feeds."""

    def __init__(self, stream: IO[bytes]):
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = getattr(self.stream, "read1", self.stream.read)(len(buffer))
        n = len(data)
        buffer[:n] = data.replace(b"\r", b"\n")
        return n


def _cr_line_ends(stream: IO[bytes]) -> bool:
    """True when the stream's first bytes end lines with a lone CR (no LF at all)."""
    try:
        head = stream.peek(1 << 16)[: 1 << 16]  # type: ignore[attr-defined]
    except (OSError, EOFError, AttributeError, ValueError, gzip.BadGzipFile):
        return False  # reported when the stream is read
    return b"\r" in head and b"\n" not in head


def _lines(stream: IO[bytes], limit: int) -> Iterator[bytes | int]:
    """The lines of ``stream``; in place of a line longer than ``limit`` bytes, its length
    (an int), read in pieces so that it is never held whole."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield size


def _read_jsonl(
    path: str,
    builder: _Builder,
    stats: ReadStats,
    block: tuple[int, int, int] | None = None,
) -> Iterator[Document]:
    stem = _stem(path)
    if path == "-":
        raw: IO[bytes] = sys.stdin.buffer
        stream: IO[bytes] = raw
        source = "<stdin>"
    else:
        raw = open(path, "rb")  # noqa: SIM115 - closed below
        stream = gzip.GzipFile(fileobj=raw, mode="rb") if path.lower().endswith(".gz") else raw  # type: ignore[assignment]
        source = path
    compressed = stream is not raw
    n_records = 0
    done_here = 0
    first_line, remaining = 1, None
    if block is not None:
        raw.seek(block[0])
        first_line, remaining = block[2], block[1] - block[0]
    lines: IO[bytes] = stream
    translated = block is None and _cr_line_ends(stream)
    if translated:
        lines = io.BufferedReader(_CrLines(stream), 1 << 16)
    try:
        if builder.raw and block is None:
            seekable = not translated and not compressed and raw is not sys.stdin.buffer
            yield from _raw_blocks(  # type: ignore[misc]  # RawBlock items when builder.raw
                lines, raw, source, stem, stats, builder, compressed=compressed,
                seekable=seekable and _is_regular(raw),
            )  # fmt: skip
            return
        lineno = first_line - 1
        try:
            for lineno, raw_line in enumerate(_lines(lines, builder.max_record_bytes), first_line):  # noqa: B007
                size = raw_line if isinstance(raw_line, int) else len(raw_line)
                if remaining is not None:
                    if remaining <= 0:
                        break
                    remaining -= size
                if compressed:
                    stats.bytes_done = stats._file_base + raw.tell()
                else:
                    done_here += size
                    stats.bytes_done = stats._file_base + done_here
                n_records += 1
                if isinstance(raw_line, int):
                    builder.too_large(source, lineno, f"a line of {size:,} bytes")
                    continue
                if raw_line.isspace():  # blank line (isspace: no copy of the line)
                    n_records -= 1
                    continue
                doc = parse_line(raw_line, builder, source, stem, lineno)
                if doc is not None:
                    yield doc
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            builder.on_problem(Problem(source, lineno + 1, "unreadable_file", str(exc)))
        if n_records == 0 and (block is None or block[0] == 0 and block[1] >= _size(path)):
            builder.on_problem(Problem(source, None, "empty_file", "no records"))
    finally:
        if raw is not sys.stdin.buffer:
            stream.close()
            raw.close()


def _is_regular(f: IO[bytes]) -> bool:
    try:
        return stat.S_ISREG(os.fstat(f.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):
        return False


def _raw_blocks(
    stream: IO[bytes],
    raw: IO[bytes],
    source: str,
    stem: str,
    stats: ReadStats,
    builder: _Builder,
    *,
    compressed: bool,
    seekable: bool,
) -> Iterator[RawBlock]:
    """The lines of a JSONL stream in blocks of about :data:`RAW_BLOCK_BYTES`, with the same
    problems as a line-by-line read (``unreadable_file``, ``empty_file``, ``too_large``).

    ``seekable``: the blocks say where they are in the file, so that other processes can
    read them again (not for a pipe, such as stdin or `<(zcat ...)`, nor a compressed file).
    Blocks of blank lines only are not yielded (nothing to parse)."""
    limit = builder.max_record_bytes
    line = 1  # number of the first line not yet in a block
    offset = 0  # of the first byte not yet in a block
    done = 0
    has_record = False
    pending: list[bytes] = []  # read, not yet ending in a line break
    pending_size = 0
    open_line = 0  # bytes of pending after its last line break
    skipping: int | None = None  # bytes so far of a line over the limit, being skipped
    threshold = RAW_BLOCK_BYTES

    def cut(data: bytes) -> RawBlock | None:
        nonlocal line, offset, has_record
        block = RawBlock(source, stem, line, data, offset if seekable else None)
        line += data.count(b"\n")
        offset += len(data)
        if data.isspace():
            return None
        has_record = True
        return block

    try:
        if compressed:
            # read1: what is decompressed so far, so that a corrupt or truncated archive
            # still yields every line before the damage
            reads: Iterator[bytes] = iter(lambda: stream.read1(RAW_BLOCK_BYTES), b"")  # type: ignore[attr-defined]
        elif raw is sys.stdin.buffer:
            # a pipe: pass on each line as soon as it has come (a feed may trickle)
            reads = iter(lambda: stream.read1(RAW_BLOCK_BYTES), b"")  # type: ignore[attr-defined]
            threshold = 1
        else:
            reads = iter(lambda: stream.read(RAW_BLOCK_BYTES), b"")
        for buf in reads:
            if seekable and not buf.endswith(b"\n"):
                # the rest of the line: the block then goes on whole, with no copy
                buf += stream.readline(limit + 1)
            if compressed:
                stats.bytes_done = stats._file_base + raw.tell()
            else:
                done += len(buf)
                stats.bytes_done = stats._file_base + done
            if skipping is not None:
                end = buf.find(b"\n") + 1
                if end == 0:
                    skipping += len(buf)
                    continue
                skipping += end
                builder.too_large(source, line, f"a line of {skipping:,} bytes")
                has_record = True
                line += 1
                offset += skipping
                skipping = None
                buf = buf[end:]
                if not buf:
                    continue
            pending.append(buf)
            pending_size += len(buf)
            last = buf.rfind(b"\n")
            open_line = open_line + len(buf) if last < 0 else len(buf) - last - 1
            if open_line > limit:  # the complete lines go on; the open line is skipped
                data = b"".join(pending)
                end = len(data) - open_line
                if end and (block := cut(data[:end])) is not None:
                    yield block
                skipping, pending, pending_size, open_line = open_line, [], 0, 0
                continue
            if pending_size < threshold:
                continue
            data = b"".join(pending)
            end = data.rfind(b"\n") + 1
            if end == 0:  # one long line goes on
                pending = [data]
                continue
            pending, pending_size = [data[end:]], len(data) - end
            if (block := cut(data[:end])) is not None:
                yield block
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        # the whole lines before the damage; the line it cut is part of the problem
        data = b"".join(pending)
        end = data.rfind(b"\n") + 1
        if end and (block := cut(data[:end])) is not None:
            yield block
        pending_size = 0
        builder.on_problem(Problem(source, line, "unreadable_file", str(exc)))
    if skipping is not None:
        builder.too_large(source, line, f"a line of {skipping:,} bytes")
        has_record = True
    if pending_size and (block := cut(b"".join(pending))) is not None:
        yield block
    if not has_record:
        builder.on_problem(Problem(source, None, "empty_file", "no records"))


@dataclass(frozen=True)
class RawBlock:
    """Whole JSONL lines not parsed yet (the pipeline's worker processes parse them, so the
    reading process only moves bytes): ``data`` holds the lines from line ``first_line`` on,
    found at byte ``offset`` of the file ``source`` (None when it cannot be read again: a
    compressed file, stdin, a pipe)."""

    source: str
    stem: str
    first_line: int
    data: bytes
    offset: int | None = None

    def lines(self) -> Iterator[tuple[int, bytes]]:
        """(line number, line) of each line that is not blank."""
        for lineno, line in enumerate(self.data.split(b"\n"), self.first_line):
            if line and not line.isspace():
                yield lineno, line


#: Bytes of JSONL read at a time into one :class:`RawBlock` (whole lines: a block holds at
#: least one line, however long).
RAW_BLOCK_BYTES = 1 << 18


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


def parse_line(
    raw_line: bytes, builder: _Builder, source: str, stem: str, lineno: int
) -> Document | None:
    """The document of one JSONL line, or None (problem reported) for a bad line."""
    if lineno == 1 and raw_line.startswith(codecs.BOM_UTF8):  # written by some editors
        raw_line = raw_line[len(codecs.BOM_UTF8) :]
    try:
        line = raw_line.decode("utf-8")
    except UnicodeDecodeError as exc:
        builder.on_problem(Problem(source, lineno, "invalid_utf8", str(exc)))
        return None
    try:
        record = json.loads(line)
    except ValueError as exc:
        builder.on_problem(Problem(source, lineno, "not_json", str(exc)))
        return None
    except RecursionError:  # a line of thousands of nested brackets
        builder.on_problem(Problem(source, lineno, "not_json", "nested too deeply"))
        return None
    if not isinstance(record, dict):
        builder.on_problem(Problem(source, lineno, "not_object", f"a JSON {type(record).__name__}"))
        return None
    return builder.build(record, source, lineno, f"{stem}:{lineno}")


def _size(path: str) -> int:
    return 0 if path == "-" else os.path.getsize(path)


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _raise_csv_field_limit() -> None:
    limit = sys.maxsize
    while True:  # the largest the C long of this platform accepts
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


def _read_csv(path: str, builder: _Builder, stats: ReadStats) -> Iterator[Document]:
    """The records of a CSV file (header row first). The csv module is strict about quotes,
    so that a quote left open is an error rather than a record that swallows every later one:
    that record is reported (``bad_csv``) and reading starts again at its second line."""
    _raise_csv_field_limit()  # articles are often longer than csv's 128 KB default
    stem = _stem(path)
    limit = builder.max_record_bytes
    raw = open(path, "rb")  # noqa: SIM115 - closed below
    pushed_back: collections.deque[tuple[int, str, int]] = collections.deque()
    record: list[tuple[int, str, int]] = []  # (number, text, bytes) of the record's lines
    record_bytes = 0
    next_line = 1

    def lines() -> Iterator[str]:
        nonlocal next_line, record_bytes
        while True:
            if pushed_back:
                item = pushed_back.popleft()
            else:
                data = raw.readline(limit + 1)
                if not data:
                    return
                if next_line == 1 and data.startswith(codecs.BOM_UTF8):
                    data = data[len(codecs.BOM_UTF8) :]
                item = (next_line, data.decode("utf-8", "surrogateescape"), len(data))
                next_line += 1
            record.append(item)
            record_bytes += item[2]
            if record_bytes > limit:
                raise _RecordTooLarge
            yield item[1]

    def restart() -> Iterator[list[str]]:
        return csv.reader(lines(), strict=True)

    n_records = 0
    header: list[str] | None = None
    try:
        reader = restart()
        while True:
            del record[:]
            record_bytes = 0
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:  # an open quote, a NUL byte: skip that record only
                first = record[0][0] if record else next_line
                builder.on_problem(Problem(path, first, "bad_csv", str(exc)))
                pushed_back.extendleft(reversed(record[1:]))
                reader = restart()
                continue
            except _RecordTooLarge:
                first = record[0][0]
                builder.too_large(path, first, f"a record of more than {limit:,} bytes")
                # its lines may be ordinary text: go on after the line where it went over
                _skip_line_rest(raw, record[-1][1], limit)
                reader = restart()
                continue
            except OSError as exc:
                builder.on_problem(Problem(path, next_line, "unreadable_file", str(exc)))
                break
            if not row:
                continue  # a blank line
            line = record[0][0]
            if header is None:
                header = row
                continue
            stats.bytes_done = stats._file_base + raw.tell()
            n_records += 1
            if len(row) > len(header):
                detail = f"{len(row)} fields where the header has {len(header)}"
                builder.on_problem(Problem(path, line, "bad_csv", detail))
                continue
            if any(_has_surrogates(v) for v in row):
                builder.on_problem(Problem(path, line, "invalid_utf8", "bytes that are not UTF-8"))
                continue
            doc = builder.build(dict(zip(header, row)), path, line, f"{stem}:{line}")
            if doc is not None:
                yield doc
        if n_records == 0:
            builder.on_problem(Problem(path, None, "empty_file", "no records"))
    finally:
        raw.close()


class _RecordTooLarge(Exception):
    pass


def _skip_line_rest(f: IO[bytes], last: str, limit: int) -> None:
    """Read on to the end of a line cut at ``limit`` bytes (``last``: the part read)."""
    if last.endswith("\n"):
        return
    while True:
        data = f.readline(1 << 20)
        if not data or data.endswith(b"\n"):
            return


def _parquet_module():
    try:
        import pyarrow.parquet as pq  # noqa: F401
    except ImportError as exc:  # pragma: no cover - exercised by a monkeypatched test
        raise InputError(
            "reading or writing Parquet needs pyarrow: pip install rasid[parquet]"
        ) from exc
    return pq


def _read_parquet(path: str, builder: _Builder, stats: ReadStats) -> Iterator[Document]:
    pq = _parquet_module()
    stem = _stem(path)
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ...
        builder.on_problem(Problem(path, None, "unreadable_file", str(exc)))
        return
    size = os.path.getsize(path)
    total = pf.metadata.num_rows
    if total == 0:
        builder.on_problem(Problem(path, None, "empty_file", "no records"))
        return
    names = set(pf.schema_arrow.names)
    fields = (builder.id_field, builder.text_field, builder.date_field, *builder.keep)
    wanted = [f for f in dict.fromkeys(fields) if f in names]
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=512, columns=wanted):
            for record in batch.to_pylist():
                row += 1
                stats.bytes_done = stats._file_base + size * row // total
                text = record.get(builder.text_field)
                if isinstance(text, str) and _utf8_size(text, builder.max_record_bytes) > (
                    builder.max_record_bytes
                ):
                    builder.too_large(path, row, f"a text of {len(text):,} characters")
                    continue
                doc = builder.build(record, path, row, f"{stem}:{row}")
                if doc is not None:
                    yield doc
    except Exception as exc:  # a corrupt page: report, keep what was read
        builder.on_problem(Problem(path, row + 1, "unreadable_file", str(exc)))
    finally:
        pf.close()


def _utf8_size(text: str, limit: int) -> int:
    """The UTF-8 size of ``text``, or a lower bound of it when that is over ``limit``."""
    if len(text) > limit or 4 * len(text) <= limit:
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def _read_txt(path: str, builder: _Builder, stats: ReadStats) -> Iterator[Document]:
    size = os.path.getsize(path)
    if size > builder.max_record_bytes:
        stats.bytes_done = stats._file_base + size
        builder.too_large(path, None, f"a file of {size:,} bytes")
        return
    with open(path, "rb") as f:
        data = f.read()
    stats.bytes_done = stats._file_base + len(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        builder.on_problem(Problem(path, None, "invalid_utf8", str(exc)))
        return
    if not text.strip():
        builder.on_problem(Problem(path, None, "empty_file", "no text"))
        return
    yield Document(_stem(path), text, None, path, None)


_READERS = {
    "jsonl": _read_jsonl,
    "jsonl.gz": _read_jsonl,
    "csv": _read_csv,
    "parquet": _read_parquet,
    "txt": _read_txt,
}


def _print_problem(problem: Problem) -> None:
    if problem.reason not in NOTICES:  # a kept document is not news on every line
        print(f"rasid: skipped {problem}", file=sys.stderr)


def read_part(
    path: str,
    block: tuple[int, int, int] | None = None,
    *,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    keep: Iterable[str] = (),
    on_problem: ProblemHandler | None = None,
    max_record_bytes: int = MAX_RECORD_BYTES,
) -> Iterator[Document]:
    """The documents of one input file, or of one block of an uncompressed JSONL file (see
    :func:`plan_blocks`): the unit of work of a Dask partition."""
    handler = on_problem or _print_problem
    builder = _Builder(
        id_field, text_field, date_field, handler, keep=keep, max_record_bytes=max_record_bytes
    )
    stats = ReadStats()
    if _size(path) == 0:
        handler(Problem(path, None, "empty_file", "0 bytes"))
        return
    try:
        if block is not None:
            yield from _read_jsonl(path, builder, stats, block)
        else:
            yield from _READERS[_kind_of(path)](path, builder, stats)  # type: ignore[index]
    except OSError as exc:
        handler(Problem(path, None, "unreadable_file", str(exc)))


def iter_documents(
    paths: Iterable[str],
    *,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    keep: Iterable[str] = (),
    on_problem: ProblemHandler | None = None,
    stats: ReadStats | None = None,
    raw_jsonl: bool = False,
    max_record_bytes: int = MAX_RECORD_BYTES,
) -> Iterator[Document]:
    """Yield the documents of every input, in order, streaming.

    ``paths`` are files or folders (see :func:`expand_inputs`); ``on_problem`` receives every
    skipped record or file (default: print it on stderr); ``keep`` names input fields carried
    into every event record (:attr:`Document.kept`); ``stats`` is updated with the bytes
    read so far (its ``bytes_total`` is set when every input has a known size).
    ``raw_jsonl``: yield JSONL lines in :class:`RawBlock` items, to be parsed by
    :func:`parse_line` elsewhere (the pipeline's workers), instead of documents.
    ``max_record_bytes``: a larger record is reported (``too_large``) and skipped.

    A record without an id gets ``<file stem>:<line>``; a ``.txt`` file's id is its stem.
    """
    handler = on_problem or _print_problem
    files = expand_inputs(paths, handler)
    builder = _Builder(
        id_field, text_field, date_field, handler, raw=raw_jsonl, keep=keep,
        max_record_bytes=max_record_bytes,
    )  # fmt: skip
    if stats is not None and "-" not in files:
        stats.bytes_total = sum(_size(p) for p in files if os.path.exists(p))
    local = stats if stats is not None else ReadStats()
    for path in files:
        kind = "jsonl" if path == "-" else _kind_of(path)
        try:
            # a named pipe has no size: it is read like stdin
            if path != "-" and os.path.isfile(path) and os.path.getsize(path) == 0:
                handler(Problem(path, None, "empty_file", "0 bytes"))
                continue
            yield from _READERS[kind](path, builder, local)  # type: ignore[index]
        except OSError as exc:
            handler(Problem(path, None, "unreadable_file", str(exc)))
        finally:
            if path != "-":
                local._file_base += os.path.getsize(path) if os.path.exists(path) else 0
                local.bytes_done = local._file_base


# --------------------------------------------------------------------------------------------
# Field names of the input (so that a misspelt --text-field fails before any work)
# --------------------------------------------------------------------------------------------

#: Records read from the inputs to check the field options.
FIELD_SAMPLE = 50


# how much of a JSONL input the field check reads at most: characters, of one line, lines
_SAMPLE_CHARS = 8 << 20
_SAMPLE_LINE_CHARS = 2 << 20
_SAMPLE_LINES = 10_000


def sample_fields(paths: Iterable[str], limit: int = FIELD_SAMPLE) -> tuple[list[str], int]:
    """The field names of the first ``limit`` records of the inputs (files in order; a CSV
    or Parquet file by its columns), in order of first appearance, and how many records
    were looked at. Standard input and ``.txt`` files have no fields and are not read; a
    line that is not a JSON object is passed over (the run reports it)."""
    names: dict[str, None] = {}
    seen = 0
    for path in expand_inputs(paths):
        if seen >= limit:
            break
        kind = None if path == "-" else _kind_of(path)
        try:
            if kind in ("jsonl", "jsonl.gz"):
                opener: Callable[..., IO[str]] = gzip.open if kind == "jsonl.gz" else open
                with opener(path, "rt", encoding="utf-8-sig", errors="replace") as f:
                    # a bounded look: blank lines, a huge record or a deep nesting at the
                    # head of a file cost the check nothing (the run reports them)
                    budget, lines = _SAMPLE_CHARS, _SAMPLE_LINES
                    while seen < limit and budget > 0 and lines > 0:
                        lines -= 1
                        line = f.readline(min(budget, _SAMPLE_LINE_CHARS) + 1)
                        if not line or (len(line) > _SAMPLE_LINE_CHARS and line[-1] != "\n"):
                            break  # the end, or a record too long to sample
                        budget -= len(line)
                        try:
                            record = json.loads(line)
                        except (ValueError, RecursionError):
                            continue
                        if isinstance(record, dict):
                            names.update(dict.fromkeys(record))
                            seen += 1
            elif kind == "csv":
                with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
                    header = next(csv.reader(f), None)
                if header:
                    names.update(dict.fromkeys(header))
                    seen += 1
            elif kind == "parquet":
                pf = _parquet_module().ParquetFile(path)
                names.update(dict.fromkeys(pf.schema_arrow.names))
                seen += min(limit - seen, pf.metadata.num_rows)
        except (OSError, EOFError, csv.Error):
            continue  # an unreadable file is reported by the run itself
    return list(names), seen


def check_fields(paths: Iterable[str], options: Iterable[tuple[str, str]]) -> None:
    """Raise :class:`OptionError` when a field option (``[("--text-field", "body"), ...]``)
    names a field that none of the first records of the inputs has, listing the fields
    found. Nothing is checked when the inputs have no fields to look at (stdin, ``.txt``)."""
    found, seen = sample_fields(paths)
    if not seen:
        return
    for option, name in options:
        if name not in found:
            listed = ", ".join(found[:40]) + (", …" if len(found) > 40 else "")
            raise OptionError(
                f"{option} {name!r} matches no field of the input's first records "
                f"(fields found: {listed or 'none'})"
            )


# --------------------------------------------------------------------------------------------
# Flat columns (CSV, Parquet, SQLite)
# --------------------------------------------------------------------------------------------

_PLACE = [
    ("mention", "str"),
    ("start", "int"),
    ("end", "int"),
    ("id", "str"),
    ("name_ar", "str"),
    ("name_en", "str"),
    ("kind", "str"),
    ("admin1", "str"),
    ("country", "str"),
    ("lat", "float"),
    ("lon", "float"),
    ("precision", "str"),
]
_ENTITY = [
    ("mention", "str"),
    ("start", "int"),
    ("end", "int"),
    ("id", "str"),
    ("name_ar", "str"),
    ("name_en", "str"),
]
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


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------

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
        from .acled import ACLED_COLUMNS, AcledRows

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


# --------------------------------------------------------------------------------------------
# Reading outputs back
# --------------------------------------------------------------------------------------------

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


def stable_hash(*parts: str, length: int = 16) -> str:
    """A short stable hex digest of ``parts`` (used for cluster ids)."""
    h = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=length // 2)
    return h.hexdigest()
