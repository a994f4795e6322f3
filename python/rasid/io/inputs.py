"""The input files: which paths are read and as what, and the field names they hold (so
that a misspelt ``--text-field`` fails before any work)."""

from __future__ import annotations

import csv
import errno
import gzip
import json
import os
import stat
from collections.abc import Iterable
from typing import IO, Callable

from ..errors import InputError, OptionError
from .documents import Problem, ProblemHandler, _print_problem
from .parquet import _parquet_module

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


def _stem(path: str) -> str:
    name = os.path.basename(path)
    for suffix in INPUT_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return os.path.splitext(name)[0]


def _size(path: str) -> int:
    return 0 if path == "-" else os.path.getsize(path)


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
