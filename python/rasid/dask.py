"""The same extraction on a Dask cluster, for archives that outgrow one machine.

    >>> from distributed import Client
    >>> from rasid.dask import extract_bag
    >>> client = Client("tcp://scheduler:8786")
    >>> events = extract_bag(["archive/"]).compute()      # the events of `rasid extract archive/`

Inputs are split into partitions: an uncompressed JSONL file in blocks of about
``blocksize`` bytes cut at line boundaries (line numbers and default ids are those of a
whole-file read), any other file (``.jsonl.gz``, CSV, Parquet, ``.txt``) as one partition.
Each partition reads its documents with the readers of :mod:`rasid.io` and extracts them
with the same function as a local run, so a cluster produces exactly the events, in the same
order, as ``rasid extract`` on one machine. Workers load the gazetteer once per process
(it is cached by the extraction).

``rasid extract --scheduler ADDRESS`` writes the partitions' events in input order as they
complete; with ``--db`` the documents already in the store are skipped when the results
come back (the cluster cannot read a local store, so it extracts them again).

Needs the optional extra: ``pip install rasid[dask]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .errors import OptionError
from .io import (
    MAX_RECORD_BYTES,
    Document,
    Problem,
    expand_inputs,
    plan_blocks,
    read_part,
)
from .io.inputs import _kind_of
from .pipeline import ExtractFn, default_extract, extract_document

__all__ = ["extract_bag", "partition_results", "plan_partitions", "DEFAULT_BLOCKSIZE"]

#: Default size of a JSONL block (bytes).
DEFAULT_BLOCKSIZE = 32 * 1024 * 1024


def _bag_module():
    try:
        import dask.bag as db
    except ImportError as exc:  # pragma: no cover
        raise OptionError("running on Dask needs dask: pip install rasid[dask]") from exc
    return db


def plan_partitions(paths: Sequence[str], blocksize: int = DEFAULT_BLOCKSIZE) -> list[tuple]:
    """The partitions of the inputs: ``(path, block or None)`` in input order."""
    parts: list[tuple] = []
    for path in expand_inputs(paths):
        if path == "-":
            raise OptionError("standard input cannot be read on a Dask cluster")
        if _kind_of(path) == "jsonl":
            parts.extend((path, block) for block in plan_blocks(path, blocksize))
        else:
            parts.append((path, None))
    return parts


def _run_part(
    part: tuple,
    fn: ExtractFn | None,
    id_field: str,
    text_field: str,
    date_field: str,
    keep: tuple[str, ...] = (),
    max_record_bytes: int = MAX_RECORD_BYTES,
) -> dict:
    """Read and extract one partition: its documents' events and its problems."""
    path, block = part
    problems: list[Problem] = []
    docs: list[tuple[str, str, int | None, list]] = []
    func = fn or default_extract
    for doc in read_part(
        path, block, id_field=id_field, text_field=text_field, date_field=date_field,
        keep=keep, on_problem=problems.append, max_record_bytes=max_record_bytes,
    ):  # fmt: skip
        try:
            events = extract_document(func, doc)
        except Exception as exc:
            problems.append(Problem(doc.source, doc.line, "extract_error", str(exc)))
            continue
        docs.append((doc.doc_id, doc.source, doc.line, events))
    return {"documents": docs, "problems": problems}


def _extract_docs(docs: list, fn: ExtractFn | None) -> list[dict]:
    func = fn or default_extract
    out: list[dict] = []
    for item in docs:
        if isinstance(item, Document):
            doc = item
        else:
            doc = Document(str(item["id"]), item["text"], item.get("published"))
        out.extend(extract_document(func, doc))
    return out


def partition_results(
    paths: Sequence[str],
    *,
    extract_fn: ExtractFn | None = None,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    blocksize: int = DEFAULT_BLOCKSIZE,
    keep: Sequence[str] = (),
    max_record_bytes: int = MAX_RECORD_BYTES,
) -> Any:
    """A Dask bag with one item per partition: ``{"documents": [(doc_id, source, line,
    events)], "problems": [Problem]}`` — what ``rasid extract --scheduler`` consumes.
    ``keep``: input fields carried into every event record; a record over
    ``max_record_bytes`` is a ``too_large`` problem."""
    db = _bag_module()
    parts = plan_partitions(paths, blocksize)
    bag = db.from_sequence(parts, npartitions=max(1, len(parts)))
    return bag.map(
        _run_part, extract_fn, id_field, text_field, date_field, tuple(keep), max_record_bytes
    )


def extract_bag(
    paths_or_bag: Sequence[str] | str | Any,
    *,
    extract_fn: ExtractFn | None = None,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    blocksize: int = DEFAULT_BLOCKSIZE,
) -> Any:
    """A Dask bag of event records (dicts, the SPEC event record) extracted from the inputs.

    ``paths_or_bag``: input files / folders (as for ``rasid extract``), or a Dask bag of
    documents (:class:`~rasid.io.Document` objects or dicts with ``id``, ``text`` and
    optionally ``published``). Computing the bag gives the events of a local run, in input
    order. Bad records are skipped (use :func:`partition_results` to see them).
    """
    db = _bag_module()
    if isinstance(paths_or_bag, str):
        paths_or_bag = [paths_or_bag]
    if isinstance(paths_or_bag, db.Bag):
        return paths_or_bag.map_partitions(_extract_docs, extract_fn)
    results = partition_results(
        list(paths_or_bag), extract_fn=extract_fn, id_field=id_field, text_field=text_field,
        date_field=date_field, blocksize=blocksize,
    )  # fmt: skip
    return results.map(_events_of).flatten()


def _events_of(result: dict) -> list[dict]:
    return [event for doc in result["documents"] for event in doc[3]]
