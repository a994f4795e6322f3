"""Table-level Python API: many articles in, event records out, and data frames of them.

    >>> events = list(rasid.extract_many(["نص الخبر الأول", "نص الخبر الثاني"]))
    >>> df = rasid.to_pandas(events)

:func:`extract_many` runs the extraction of ``rasid extract`` (the same readers' date
parsing, the same worker pool) on texts or records held in memory and yields event records
(the dicts of ``Event.to_dict()``), in input order. :func:`to_pandas` and :func:`to_polars`
build the typed table of the CSV output (one row per event, ``date`` a real date); pandas and
polars are optional dependencies (``pip install rasid[pandas]`` / ``rasid[polars]``).
"""

from __future__ import annotations

import datetime as _dt
import queue
import threading
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Callable

from .errors import OptionError
from .io import (
    COLUMNS,
    NOTICES,
    RESERVED_FIELDS,
    Document,
    Fields,
    Problem,
    flatten_event,
    parse_published,
    read_events,
)

if TYPE_CHECKING:  # optional extras, imported by the functions that need them
    import pandas as pd
    import polars as pl

__all__ = ["extract_many", "read_events", "to_pandas", "to_polars"]


def _warn(problem: Problem) -> None:
    if problem.reason in NOTICES:
        warnings.warn(f"rasid: kept without a publication date: {problem}", stacklevel=3)
    else:
        warnings.warn(f"rasid: skipped {problem}", stacklevel=3)


def _documents(
    items: Iterable[str | Mapping[str, Any] | Document],
    published: Any,
    fields: Fields,
    on_problem: Callable[[Problem], None],
) -> Iterator[Document]:
    default = parse_published(published)
    builder = fields.builder(on_problem)
    for i, item in enumerate(items):
        if isinstance(item, Document):
            yield item
        elif isinstance(item, str):
            yield Document(str(i), item, default, "<texts>", i + 1)
        elif isinstance(item, Mapping):
            record = dict(item)
            if record.get(fields.date_field) in (None, "") and default is not None:
                record[fields.date_field] = default
            doc = builder.build(record, "<records>", i + 1, str(i))
            if doc is not None:
                yield doc
        else:
            on_problem(Problem("<texts>", i + 1, "no_text", f"a {type(item).__name__}, not a text"))


def extract_many(
    texts_or_records: Iterable[str | Mapping[str, Any] | Document],
    *,
    workers: int = 1,
    published: str | _dt.date | None = None,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    keep: Iterable[str] = (),
    on_problem: Callable[[Problem], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """The event records of many articles, in input order (a generator).

    ``texts_or_records``: texts (their ids are their positions, ``"0"``, ``"1"`` …; problems
    name them ``<texts>:1``, ``<texts>:2`` …), records
    (mappings with the fields ``id_field``, ``text_field`` and ``date_field``; their
    publication dates are read as :func:`rasid.io.parse_published` reads them), or
    :class:`~rasid.io.Document` objects. ``published``: the publication date of texts and of
    records without one. ``keep``: record fields copied into every event record.
    ``workers``: processes extracting (1: this one, lazily; more: a pool, as ``rasid extract
    --workers``). ``on_problem`` receives every record skipped (no text) or kept without a
    date (default: a warning).
    """
    keep = tuple(keep)
    clash = sorted(set(keep) & RESERVED_FIELDS)
    if clash:
        raise OptionError(f"keep={clash[0]!r} is the name of an event field")
    if workers < 1:
        raise OptionError(f"workers must be at least 1, not {workers}")
    fields = Fields(id_field, text_field, date_field, keep)
    handler = on_problem or _warn
    docs = _documents(texts_or_records, published, fields, handler)
    if workers == 1:
        from .pipeline import default_extract, extract_document

        for doc in docs:
            yield from extract_document(default_extract, doc)
        return
    yield from _pooled(docs, workers, fields, handler)


_END = object()


def _pooled(
    docs: Iterator[Document], workers: int, fields: Fields, handler: Callable[[Problem], None]
) -> Iterator[dict[str, Any]]:
    """The events of ``docs`` extracted by :func:`rasid.pipeline.run` in a thread, handed
    over through a bounded queue (the pool runs ahead by a few chunks at most)."""
    from .pipeline import Reporter, Summary, run

    out: queue.Queue[Any] = queue.Queue(maxsize=256)
    failure: list[BaseException] = []
    stop = threading.Event()

    def sink(doc: Document, events: list[dict[str, Any]]) -> None:
        if stop.is_set():
            raise KeyboardInterrupt  # the consumer has gone: end the run
        out.put(events)

    class _Forward(Reporter):
        def __call__(self, problem: Problem) -> None:
            handler(problem)

    def work() -> None:
        try:
            run(docs, sink, workers=workers, fields=fields, reporter=_Forward(Summary()))
        except BaseException as exc:  # re-raised in the consumer
            failure.append(exc)
        finally:
            out.put(_END)

    thread = threading.Thread(target=work, name="rasid-extract-many", daemon=True)
    thread.start()
    try:
        while True:
            events = out.get()
            if events is _END:
                break
            yield from events
    finally:
        stop.set()
        while thread.is_alive():  # let the run see the stop and end its pool
            try:
                out.get(timeout=0.1)
            except queue.Empty:
                pass
        thread.join()
    if failure:
        raise failure[0]


def _rows(events: Iterable[Any]) -> tuple[list[dict[str, Any]], list[str]]:
    records = [e if isinstance(e, dict) else e.to_dict() for e in events]
    kept: dict[str, None] = {}
    for record in records:
        kept.update((k, None) for k in record if k not in RESERVED_FIELDS)
    return [flatten_event(r, list(kept)) for r in records], list(kept)


def to_pandas(events: Iterable[Any]) -> pd.DataFrame:
    """A pandas DataFrame of event records (dicts or :class:`~rasid.Event`): the columns of
    the CSV output, typed — ``date``/``date_end`` datetime64, counts and offsets nullable
    ``Int64``, ``background`` nullable boolean, ``accused``/``evidence`` lists — then the
    kept input fields. Needs pandas (``pip install rasid[pandas]``)."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError("rasid.to_pandas needs pandas: pip install rasid[pandas]") from exc
    records = [e if isinstance(e, dict) else e.to_dict() for e in events]
    _, kept = _rows(records)
    rows = [flatten_event(r, kept, nested=True) for r in records]
    names = [c for c, _ in COLUMNS] + kept
    df = pd.DataFrame(rows, columns=names)
    dtypes = {"int": "Int64", "float": "float64", "bool": "boolean"}
    for name, kind in COLUMNS:
        if kind == "date":
            df[name] = pd.to_datetime(df[name], format="%Y-%m-%d")
        elif kind in dtypes:
            df[name] = df[name].astype(dtypes[kind])
    return df


def to_polars(events: Iterable[Any]) -> pl.DataFrame:
    """A polars DataFrame of event records (dicts or :class:`~rasid.Event`): the columns of
    the CSV output, typed — ``date``/``date_end`` ``Date``, counts and offsets ``Int64``,
    ``accused``/``evidence`` JSON text — then the kept input fields (as given). Needs polars
    (``pip install rasid[polars]``)."""
    try:
        import polars as pl
    except ImportError as exc:
        raise ImportError("rasid.to_polars needs polars: pip install rasid[polars]") from exc
    rows, kept = _rows(events)
    types = {"str": pl.Utf8, "label": pl.Utf8, "json": pl.Utf8, "int": pl.Int64,
             "float": pl.Float64, "bool": pl.Boolean, "date": pl.Date}  # fmt: skip
    for row in rows:
        for name, kind in COLUMNS:
            if kind == "date" and row[name] is not None:
                row[name] = _dt.date.fromisoformat(row[name])
    schema = {name: types[kind] for name, kind in COLUMNS}
    frame = pl.DataFrame([{c: r[c] for c in schema} for r in rows], schema=schema)
    if kept and rows:
        extra = pl.DataFrame([{k: r[k] for k in kept} for r in rows])
        frame = frame.hstack(extra)
    return frame
