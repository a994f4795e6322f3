"""Streaming readers of article archives and writers of event records.

Readers (:func:`iter_documents`) take JSONL (also ``.jsonl.gz``), CSV, Parquet, ``.txt`` files
and folders of them, and yield one :class:`Document` at a time: a file is never loaded whole
(a ``.txt`` file is one document and is read as such). Bad input never stops a reader: a line
that is not JSON, bytes that are not UTF-8, a record without text, a publication date that
cannot be parsed, an empty file — each becomes a :class:`Problem` handed to ``on_problem``
(with file and line) and the reader goes on with the next record.

Writers (:func:`open_writer`) stream event records (the dicts of ``Event.to_dict()``) to JSONL,
CSV (flattened columns), ACLED-shaped CSV, Parquet (the same flat columns, typed) and GeoJSON.
:func:`read_events` reads any of them back into the same records (ACLED excepted: it is a
lossy, analyst-facing shape).
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
    "INPUT_SUFFIXES",
    "OUTPUT_FORMATS",
    "COLUMNS",
    "ACLED_COLUMNS",
    "MAX_RECORD_BYTES",
    "expand_inputs",
    "iter_documents",
    "RawBlock",
    "Fields",
    "parse_line",
    "read_part",
    "plan_blocks",
    "parse_published",
    "flatten_event",
    "unflatten_event",
    "acled_row",
    "spreadsheet_safe",
    "open_writer",
    "jsonl_lines",
    "infer_format",
    "read_events",
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


@dataclass(frozen=True)
class Problem:
    """A record or file that was skipped, and why.

    ``reason`` is a short key used for counting: ``not_json``, ``not_object``,
    ``invalid_utf8``, ``no_text``, ``bad_id``, ``bad_date``, ``bad_csv``, ``too_large``,
    ``empty_file``, ``unreadable_file``, ``extract_error``, ``duplicate_doc``.
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


def parse_published(value: Any) -> str | None:
    """A publication date as ``YYYY-MM-DD``, or None when absent.

    Accepts ISO dates and date-times (``2020-03-12``, ``2020-03-12T08:15:00Z``,
    ``2020-03-12 08:15``), :class:`datetime.date` / :class:`datetime.datetime` objects.
    Raises :class:`InputError` for anything else.
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        if len(s) == 10 or (len(s) > 10 and s[10] in "T t"):
            try:
                return _dt.date.fromisoformat(s[:10]).isoformat()
            except ValueError:
                pass
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
        max_record_bytes: int = MAX_RECORD_BYTES,
    ):
        self.id_field = id_field
        self.text_field = text_field
        self.date_field = date_field
        self.on_problem = on_problem
        self.raw = raw  # JSONL readers yield RawBlock items, parsed later (by workers)
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
        try:
            published = parse_published(record.get(self.date_field))
        except InputError as exc:
            self.on_problem(Problem(source, line, "bad_date", str(exc)))
            return None
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
        return Document(doc_id, text, published, source, line)


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
        stream = gzip.GzipFile(fileobj=raw, mode="rb") if path.lower().endswith(".gz") else raw
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
            yield from _raw_blocks(
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
    """The record fields holding the id, the text and the publication date (picklable)."""

    def __init__(
        self, id_field: str = "id", text_field: str = "text", date_field: str = "published"
    ):
        self.id_field = id_field
        self.text_field = text_field
        self.date_field = date_field

    def builder(self, on_problem: ProblemHandler) -> _Builder:
        """A record builder that reports problems to ``on_problem``."""
        return _Builder(self.id_field, self.text_field, self.date_field, on_problem)


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
    wanted = [f for f in (builder.id_field, builder.text_field, builder.date_field) if f in names]
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
    print(f"rasid: skipped {problem}", file=sys.stderr)


def read_part(
    path: str,
    block: tuple[int, int, int] | None = None,
    *,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    on_problem: ProblemHandler | None = None,
    max_record_bytes: int = MAX_RECORD_BYTES,
) -> Iterator[Document]:
    """The documents of one input file, or of one block of an uncompressed JSONL file (see
    :func:`plan_blocks`): the unit of work of a Dask partition."""
    handler = on_problem or _print_problem
    builder = _Builder(id_field, text_field, date_field, handler, False, max_record_bytes)
    stats = ReadStats()
    if _size(path) == 0:
        handler(Problem(path, None, "empty_file", "0 bytes"))
        return
    try:
        if block is not None:
            yield from _read_jsonl(path, builder, stats, block)
        else:
            yield from _READERS[_kind_of(path)](path, builder, stats)
    except OSError as exc:
        handler(Problem(path, None, "unreadable_file", str(exc)))


def iter_documents(
    paths: Iterable[str],
    *,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    on_problem: ProblemHandler | None = None,
    stats: ReadStats | None = None,
    raw_jsonl: bool = False,
    max_record_bytes: int = MAX_RECORD_BYTES,
) -> Iterator[Document]:
    """Yield the documents of every input, in order, streaming.

    ``paths`` are files or folders (see :func:`expand_inputs`); ``on_problem`` receives every
    skipped record or file (default: print it on stderr); ``stats`` is updated with the bytes
    read so far (its ``bytes_total`` is set when every input has a known size).
    ``raw_jsonl``: yield JSONL lines in :class:`RawBlock` items, to be parsed by
    :func:`parse_line` elsewhere (the pipeline's workers), instead of documents.
    ``max_record_bytes``: a larger record is reported (``too_large``) and skipped.

    A record without an id gets ``<file stem>:<line>``; a ``.txt`` file's id is its stem.
    """
    handler = on_problem or _print_problem
    files = expand_inputs(paths, handler)
    builder = _Builder(id_field, text_field, date_field, handler, raw_jsonl, max_record_bytes)
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
            yield from _READERS[kind](path, builder, local)
        except OSError as exc:
            handler(Problem(path, None, "unreadable_file", str(exc)))
        finally:
            local.files_done += 1
            if path != "-":
                local._file_base += os.path.getsize(path) if os.path.exists(path) else 0
                local.bytes_done = local._file_base


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

# (record field, type); a group name stands for its flattened columns.
_LAYOUT: list[tuple[str, str]] = [
    ("event_id", "str"),
    ("doc_id", "str"),
    ("event_type", "str"),
    ("date", "str"),
    ("date_precision", "str"),
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


def _columns() -> list[tuple[str, str]]:
    cols = []
    for name, kind in _LAYOUT:
        if kind == "group":
            cols.extend((f"{name}_{sub}", t) for sub, t in _GROUPS[name])
        else:
            cols.append((name, kind))
    return cols


#: The flat columns of CSV / Parquet output, with their types (str, int, float, bool, json,
#: label = a string as is, else JSON).
COLUMNS: list[tuple[str, str]] = _columns()
_COLUMN_TYPES = dict(COLUMNS)
_COLUMN_NAMES = [c for c, _ in COLUMNS]


def flatten_event(record: dict) -> dict:
    """One event record as flat ``{column: value}`` (nested objects become prefixed columns).

    Values keep their Python types; ``json`` columns (accused, evidence) are JSON text, and
    ``target`` is its short label as is (JSON text when it is an entity object). Missing
    fields are None.
    """
    flat: dict[str, Any] = {}
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
        else:
            flat[name] = _encode(value, kind)
    return flat


def _encode(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "json" or (kind == "label" and not isinstance(value, str)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def unflatten_event(flat: dict, *, keep_cluster: bool = True) -> dict:
    """The inverse of :func:`flatten_event` (a nested object whose columns are all null is null)."""
    record: dict[str, Any] = {}
    for name, kind in _LAYOUT:
        if kind == "group":
            sub = {s: _decode(flat.get(f"{name}_{s}"), t) for s, t in _GROUPS[name]}
            record[name] = sub if any(v is not None for v in sub.values()) else None
        elif name == "cluster_id":
            if keep_cluster and flat.get(name) not in (None, ""):
                record[name] = flat[name]
        else:
            record[name] = _decode(flat.get(name), kind)
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


def _csv_cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "bool":
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
# ACLED shape
# --------------------------------------------------------------------------------------------

#: The ACLED-shaped CSV columns (a subset of ACLED's codebook, in its order, plus the rasid
#: event id so each row can be traced back to its record and evidence).
ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "country",
    "iso3",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "rasid_event_id",
]

_REMOTE = "Explosions/Remote violence"
_SHELLING = "Shelling/artillery/missile attack"
_AIR = "Air/drone strike"
_IED = "Remote explosive/landmine/IED"
_ACLED_TYPES = {
    "rocket_attack": (_REMOTE, _SHELLING),
    "missile_attack": (_REMOTE, _SHELLING),
    "shelling": (_REMOTE, _SHELLING),
    "drone_attack": (_REMOTE, _AIR),
    "air_strike": (_REMOTE, _AIR),
    "ied_attack": (_REMOTE, _IED),
    "armed_clash": ("Battles", "Armed clash"),
}
# other_attack: decided by the weapon when there is one.
_ACLED_BY_WEAPON = {
    "katyusha_rocket": (_REMOTE, _SHELLING),
    "rocket": (_REMOTE, _SHELLING),
    "ballistic_missile": (_REMOTE, _SHELLING),
    "missile": (_REMOTE, _SHELLING),
    "mortar": (_REMOTE, _SHELLING),
    "artillery": (_REMOTE, _SHELLING),
    "drone": (_REMOTE, _AIR),
    "aircraft": (_REMOTE, _AIR),
    "ied": (_REMOTE, _IED),
    "car_bomb": (_REMOTE, _IED),
    "firearms": ("Battles", "Armed clash"),
}

# ISO 3166 alpha-2 (as the gazetteer writes countries) -> (ACLED country name, alpha-3).
_COUNTRIES = {
    "IQ": ("Iraq", "IRQ"), "SY": ("Syria", "SYR"), "IR": ("Iran", "IRN"),
    "LB": ("Lebanon", "LBN"), "IL": ("Israel", "ISR"), "PS": ("Palestine", "PSE"),
    "JO": ("Jordan", "JOR"), "SA": ("Saudi Arabia", "SAU"), "YE": ("Yemen", "YEM"),
    "KW": ("Kuwait", "KWT"), "TR": ("Turkey", "TUR"), "AE": ("United Arab Emirates", "ARE"),
    "QA": ("Qatar", "QAT"), "BH": ("Bahrain", "BHR"), "OM": ("Oman", "OMN"),
    "EG": ("Egypt", "EGY"), "LY": ("Libya", "LBY"), "SD": ("Sudan", "SDN"),
    "TN": ("Tunisia", "TUN"), "DZ": ("Algeria", "DZA"), "MA": ("Morocco", "MAR"),
    "SO": ("Somalia", "SOM"), "AF": ("Afghanistan", "AFG"), "PK": ("Pakistan", "PAK"),
    "US": ("United States", "USA"), "RU": ("Russia", "RUS"),
}  # fmt: skip
_BY_NAME = {name.lower(): (name, iso3) for name, iso3 in _COUNTRIES.values()}
_BY_NAME["türkiye"] = ("Turkey", "TUR")


def _country(value: str) -> tuple[str, str]:
    """(ACLED country name, ISO3) of a gazetteer country (alpha-2 code or name)."""
    if not value:
        return "", ""
    hit = _COUNTRIES.get(value.upper()) if len(value) == 2 else _BY_NAME.get(value.lower())
    return hit if hit else (value, "")


# geo_precision from the gazetteer's precision (else its kind): 1 the town or site itself,
# 2 a district / sub-district or an approximate position, 3 a governorate or the country.
_GEO_PRECISION = {
    "point": 1, "site": 1, "town": 1, "neighbourhood": 1, "village": 1, "city": 1,
    "subdistrict": 2, "district": 2, "approximate": 2, "zone": 2,
    "governorate": 3, "province": 3, "admin1": 3, "country": 3,
}  # fmt: skip


def _entity_name(entity: Any) -> str:
    if isinstance(entity, dict):
        return entity.get("name_en") or entity.get("name_ar") or entity.get("mention") or ""
    if isinstance(entity, str):
        return entity
    return ""


def acled_row(record: dict) -> dict:
    """One event record as an ACLED-shaped row (see ``ACLED_COLUMNS`` and the README).

    time_precision: 1 day, 2 month, 3 year (ACLED: 1 exact day, 2 within a week or so, 3 only
    the month or coarser; a month-precision date is written as its first day). geo_precision:
    1 a named town, village, base or site, 2 a district, sub-district or approximate place,
    3 a governorate or country. country: ACLED's country name (from the gazetteer's ISO
    code), iso3 its ISO 3166 alpha-3 code.
    fatalities: the lower bound of ``killed`` (ACLED codes the most conservative figure; 0 when
    unreported). actor1: the stated actor, else the claimant, else "Unidentified Armed Group
    (<country>)"; assoc_actor_1: the claimant when it differs from the actor.
    """
    etype = record.get("event_type")
    mapped = _ACLED_TYPES.get(etype) or _ACLED_BY_WEAPON.get(record.get("weapon") or "")
    event_type, sub_event_type = mapped or (_REMOTE, "")
    date = record.get("date") or ""
    if len(date) == 7:
        event_date, tp = date + "-01", 2
    elif len(date) == 4:
        event_date, tp = date + "-01-01", 3
    else:
        event_date, tp = date, (1 if date else "")
    loc = record.get("location") or {}
    country, iso3 = _country(loc.get("country") or "")
    geo: Any = ""
    if loc:
        precision = loc.get("precision")
        geo = _GEO_PRECISION.get(str(precision or "").lower())
        if geo is None:
            geo = _GEO_PRECISION.get(str(loc.get("kind") or "").lower(), 1)
    actor = _entity_name(record.get("actor"))
    claimant = _entity_name(record.get("claimed_by"))
    actor1 = actor or claimant or f"Unidentified Armed Group ({country or 'unknown'})"
    assoc = claimant if actor and claimant and claimant != actor else ""
    target = record.get("target")
    killed = record.get("killed") or {}
    notes = " … ".join(e.get("text", "") for e in record.get("evidence") or [])
    event_id = record.get("event_id") or ""
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{event_id}",
        "event_date": event_date,
        "year": event_date[:4],
        "time_precision": tp,
        "disorder_type": "Political violence",
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": assoc,
        "actor2": _entity_name(target),
        "country": country,
        "iso3": iso3,
        "admin1": loc.get("admin1") or "",
        "location": loc.get("name_en") or loc.get("name_ar") or loc.get("mention") or "",
        "latitude": "" if loc.get("lat") is None else loc["lat"],
        "longitude": "" if loc.get("lon") is None else loc["lon"],
        "geo_precision": geo,
        "source": record.get("doc_id") or "",
        "notes": notes,
        "fatalities": killed.get("min") or 0,
        "rasid_event_id": event_id,
    }


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------

#: Output formats, and the file extensions that imply them.
OUTPUT_FORMATS = ("jsonl", "csv", "acled", "parquet", "geojson")
_EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".jsonl.gz": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".geojson": "geojson",
}


def infer_format(path: str | None) -> str:
    """The output format implied by a file name (``jsonl`` for stdout or an unknown suffix)."""
    if not path or path == "-":
        return "jsonl"
    low = path.lower()
    for ext in sorted(_EXTENSIONS, key=len, reverse=True):
        if low.endswith(ext):
            return _EXTENSIONS[ext]
    return "jsonl"


class Writer:
    """Streams event records to one output; use as a context manager."""

    def __init__(self, path: str | None):
        self.path = path
        self.count = 0

    def write(self, record: dict) -> None:
        """Write one event record."""
        raise NotImplementedError

    def close(self) -> None:
        """Flush and close the output."""

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
    def __init__(self, path: str | None):
        super().__init__(path)
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
    """One JSON object per line (UTF-8, Arabic kept as is)."""

    def write(self, record: dict) -> None:
        self.out.write(jsonl_lines([record]))
        self.count += 1

    def write_lines(self, lines: str) -> None:
        """Write records already encoded by :func:`jsonl_lines`."""
        self.out.write(lines)
        self.count += lines.count("\n")


class CsvWriter(_TextWriter):
    """Flat columns (:data:`COLUMNS`): nested objects as ``<field>_<sub>``, lists as JSON."""

    def __init__(self, path: str | None):
        super().__init__(path)
        self.csv = csv.writer(self.out)
        self.csv.writerow(_COLUMN_NAMES)

    def write(self, record: dict) -> None:
        flat = flatten_event(record)
        self.csv.writerow([_csv_cell(flat[c], t) for c, t in COLUMNS])
        self.count += 1


class AcledWriter(_TextWriter):
    """ACLED-shaped CSV (:data:`ACLED_COLUMNS`)."""

    def __init__(self, path: str | None):
        super().__init__(path)
        self.csv = csv.DictWriter(self.out, fieldnames=ACLED_COLUMNS)
        self.csv.writeheader()

    def write(self, record: dict) -> None:
        self.csv.writerow(_spreadsheet_safe_row(acled_row(record)))
        self.count += 1


class GeoJsonWriter(_TextWriter):
    """A GeoJSON FeatureCollection, one Point feature per event, streamed.

    The properties are the event record minus its location coordinates. An event without
    coordinates is kept with ``"geometry": null`` (allowed by RFC 7946), so the file holds the
    same events as every other format; GIS tools list such features without drawing them.
    """

    def __init__(self, path: str | None):
        super().__init__(path)
        self.out.write('{"type": "FeatureCollection", "features": [\n')

    def write(self, record: dict) -> None:
        loc = record.get("location") or {}
        lat, lon = loc.get("lat"), loc.get("lon")
        geometry = None
        if lat is not None and lon is not None:
            geometry = {"type": "Point", "coordinates": [lon, lat]}
        feature = {"type": "Feature", "id": record.get("event_id"), "geometry": geometry,
                   "properties": record}  # fmt: skip
        if self.count:
            self.out.write(",\n")
        self.out.write(json.dumps(feature, ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        self.out.write("\n]}\n")
        super().close()


def _arrow_schema():
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(),
             "bool": pa.bool_(), "json": pa.string(), "label": pa.string()}  # fmt: skip
    return pa.schema([(c, types[t]) for c, t in COLUMNS])


class ParquetWriter(Writer):
    """The flat columns of :class:`CsvWriter`, typed, written in row groups of ``batch`` rows."""

    def __init__(self, path: str | None, batch: int = 4096):
        if not path or path == "-":
            raise OptionError("Parquet output needs a file name (-o FILE.parquet)")
        super().__init__(path)
        pq = _parquet_module()
        self.schema = _arrow_schema()
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self.rows: list[dict] = []
        self.batch = batch

    def write(self, record: dict) -> None:
        self.rows.append(flatten_event(record))
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


def open_writer(path: str | None, fmt: str | None = None) -> Writer:
    """A writer for ``fmt`` (default: from the extension of ``path``; stdout when path is None).

    Raises :class:`OptionError` for an unknown format, :class:`OSError` when the file cannot be
    created, :class:`InputError` when Parquet is asked for without pyarrow.
    """
    fmt = fmt or infer_format(path)
    if fmt not in _WRITERS:
        raise OptionError(f"unknown output format {fmt!r} (one of {', '.join(OUTPUT_FORMATS)})")
    return _WRITERS[fmt](path)


# --------------------------------------------------------------------------------------------
# Reading outputs back
# --------------------------------------------------------------------------------------------


def read_events(path: str, fmt: str | None = None) -> Iterator[dict]:
    """Read event records back from a JSONL, CSV, Parquet or GeoJSON output (streaming,
    except GeoJSON which is parsed whole).

    Raises :class:`InputError` (with the file and line) for a record that is not one."""
    fmt = fmt or infer_format(path)
    if fmt == "jsonl":
        opener = gzip.open if path.lower().endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if line.strip():
                    try:
                        record = json.loads(line)
                    except (ValueError, RecursionError) as exc:
                        raise InputError(f"{path}:{lineno}: not an event record: {exc}") from None
                    if not isinstance(record, dict):
                        raise InputError(f"{path}:{lineno}: not an event record: not an object")
                    yield record
    elif fmt == "csv":
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            for row in reader:
                try:
                    flat = {c: _csv_value(row.get(c) or "", t) for c, t in COLUMNS}
                    record = unflatten_event(flat)
                except (ValueError, RecursionError) as exc:
                    where = f"{path}:{reader.line_num}"
                    raise InputError(f"{where}: not an event record: {exc}") from None
                yield record
    elif fmt == "parquet":
        pq = _parquet_module()
        pf = pq.ParquetFile(path)
        for batch in pf.iter_batches(batch_size=1024):
            for flat in batch.to_pylist():
                yield unflatten_event(flat)
    elif fmt == "geojson":
        with open(path, encoding="utf-8") as f:
            for feature in json.load(f)["features"]:
                yield feature["properties"]
    else:
        raise OptionError(f"cannot read events back from format {fmt!r}")


def stable_hash(*parts: str, length: int = 16) -> str:
    """A short stable hex digest of ``parts`` (used for cluster ids)."""
    h = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=length // 2)
    return h.hexdigest()
