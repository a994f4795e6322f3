"""The readers of every input format, and :func:`iter_documents` over files and folders."""

from __future__ import annotations

import codecs
import collections
import csv
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Literal, Union, overload

from .documents import (
    MAX_RECORD_BYTES,
    Document,
    Problem,
    ProblemHandler,
    ReadStats,
    _Builder,
    _print_problem,
)
from .inputs import _kind_of, _size, _stem, expand_inputs
from .jsonl import RawBlock, _read_jsonl
from .parquet import _parquet_module


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


#: A reader of one input format: the documents of a file (the JSONL reader gives RawBlock
#: items instead when the builder is raw).
_Reader = Callable[[str, _Builder, ReadStats], Iterator[Union[Document, RawBlock]]]

#: The reader of each kind of input (:func:`rasid.io.inputs._kind_of`).
_READERS: dict[str, _Reader] = {
    "jsonl": _read_jsonl,
    "jsonl.gz": _read_jsonl,
    "csv": _read_csv,
    "parquet": _read_parquet,
    "txt": _read_txt,
}


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
            docs = _read_jsonl(path, builder, stats, block)
        else:
            # (a KeyError for a path of no known kind: the parts are paths that expand_inputs
            # kept, which all have one)
            docs = _READERS[_kind_of(path)](path, builder, stats)  # type: ignore[index]
        # the builder is not raw: the readers give documents only, no RawBlock items
        yield from docs  # type: ignore[misc]
    except OSError as exc:
        handler(Problem(path, None, "unreadable_file", str(exc)))


@overload
def iter_documents(
    paths: Iterable[str],
    *,
    id_field: str = ...,
    text_field: str = ...,
    date_field: str = ...,
    keep: Iterable[str] = ...,
    on_problem: ProblemHandler | None = ...,
    stats: ReadStats | None = ...,
    raw_jsonl: Literal[False] = ...,
    max_record_bytes: int = ...,
) -> Iterator[Document]: ...


@overload
def iter_documents(
    paths: Iterable[str],
    *,
    id_field: str = ...,
    text_field: str = ...,
    date_field: str = ...,
    keep: Iterable[str] = ...,
    on_problem: ProblemHandler | None = ...,
    stats: ReadStats | None = ...,
    raw_jsonl: bool,
    max_record_bytes: int = ...,
) -> Iterator[Document | RawBlock]: ...


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
) -> Iterator[Document | RawBlock]:
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
            # (expand_inputs keeps only paths of a known kind)
            yield from _READERS[kind](path, builder, local)  # type: ignore[index]
        except OSError as exc:
            handler(Problem(path, None, "unreadable_file", str(exc)))
        finally:
            local.files_done += 1
            if path != "-":
                local._file_base += os.path.getsize(path) if os.path.exists(path) else 0
                local.bytes_done = local._file_base
