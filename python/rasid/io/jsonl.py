"""JSONL inputs: read line by line, in blocks of a file planned ahead (Dask partitions), or
as :class:`RawBlock` items of unparsed lines that the pipeline's workers parse."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Protocol

from .documents import Document, Problem, ReadStats, _Builder
from .inputs import _size, _stem


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


class _ByteStream(Protocol):
    """What the JSONL readers call on the stream they read lines from: a file, stdin, a
    :class:`gzip.GzipFile` over a file (which is no ``IO[bytes]`` to the type checker) or a
    buffered :class:`_CrLines`."""

    def read(self, size: int = -1, /) -> bytes: ...
    def readline(self, size: int = -1, /) -> bytes: ...
    def close(self) -> None: ...


class _CrLines(io.RawIOBase):
    """A byte stream whose lone carriage returns (old Mac line ends) are line feeds."""

    def __init__(self, stream: _ByteStream):
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = getattr(self.stream, "read1", self.stream.read)(len(buffer))
        n = len(data)
        buffer[:n] = data.replace(b"\r", b"\n")
        return n


def _cr_line_ends(stream: _ByteStream) -> bool:
    """True when the stream's first bytes end lines with a lone CR (no LF at all)."""
    try:
        head = stream.peek(1 << 16)[: 1 << 16]  # type: ignore[attr-defined]
    except (OSError, EOFError, AttributeError, ValueError, gzip.BadGzipFile):
        return False  # reported when the stream is read
    return b"\r" in head and b"\n" not in head


def _lines(stream: _ByteStream, limit: int) -> Iterator[bytes | int]:
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
) -> Iterator[Document | RawBlock]:
    """The documents of a JSONL file (or of one block of it, see :func:`plan_blocks`); its
    lines in :class:`RawBlock` items instead when ``builder.raw`` (a whole file only)."""
    stem = _stem(path)
    if path == "-":
        raw: IO[bytes] = sys.stdin.buffer
        stream: _ByteStream = raw
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
    lines: _ByteStream = stream
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
    stream: _ByteStream,
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
