"""The extraction function a run calls on each document, and what each process prepares once.

Any picklable callable ``fn(text, *, published=None, doc_id=None) -> list`` of ``Event``
objects (with ``to_dict()``) or plain dicts; the default is :func:`rasid.events.extract`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, Callable

from ..io import Document

ExtractFn = Callable[..., list[Any]]
Sink = Callable[[Document, list[dict[str, Any]]], None]


def default_extract(
    text: str, *, published: str | None = None, doc_id: str | None = None, gazetteer: Any = None
) -> list[Any]:
    """:func:`rasid.events.extract` (imported on first use, so workers import it themselves)."""
    from ..events import extract

    if gazetteer is None:
        return extract(text, published=published, doc_id=doc_id)
    return extract(text, published=published, doc_id=doc_id, gazetteer=gazetteer)


def explaining_extract(
    text: str, *, published: str | None = None, doc_id: str | None = None, gazetteer: Any = None
) -> list[Any]:
    """:func:`default_extract` with the ids of the rules that made each event
    (``rasid extract --explain``)."""
    from ..events import extract

    return extract(text, published=published, doc_id=doc_id, gazetteer=gazetteer, explain=True)


_GAZETTEERS: dict[tuple[str, ...], Any] = {}


class WithGazetteer:
    """An extraction function called with the default gazetteer extended by ``extra`` files
    (``rasid extract --gazetteer FILE``). Picklable; each process builds the gazetteer once,
    on :meth:`prepare` or on first use, and keeps it."""

    def __init__(self, extra: Iterable[str], fn: ExtractFn | None = None):
        self.extra = tuple(os.path.abspath(p) for p in extra)
        self.fn = fn

    def gazetteer(self) -> Any:
        """This process's gazetteer (built on first call)."""
        g = _GAZETTEERS.get(self.extra)
        if g is None:
            from ..gazetteer import default_gazetteer

            g = _GAZETTEERS[self.extra] = default_gazetteer(extra=list(self.extra))
        return g

    def prepare(self) -> None:
        """Build the gazetteer now (called once per worker process)."""
        self.gazetteer()

    def __call__(
        self, text: str, *, published: str | None = None, doc_id: str | None = None
    ) -> list[Any]:
        fn = self.fn or default_extract
        return fn(text, published=published, doc_id=doc_id, gazetteer=self.gazetteer())


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _prepare_default() -> None:
    """Load the default gazetteer and import the extraction code once in this process."""
    from .. import dates, numbers  # noqa: F401  (imported by the extraction on first use)
    from ..events import run  # noqa: F401  (imports every stage)
    from ..gazetteer import default_gazetteer

    default_gazetteer()


def _to_dict(event: Any) -> dict[str, Any]:
    return event if isinstance(event, dict) else event.to_dict()


def extract_document(fn: ExtractFn, doc: Document) -> list[dict[str, Any]]:
    """The event records of one document (``fn`` called with its publication date and id),
    with the document's kept input fields."""
    events = fn(doc.text, published=doc.published, doc_id=doc.doc_id)
    return _with_kept([_to_dict(e) for e in events], doc.kept)


def _with_kept(
    records: list[dict[str, Any]], kept: tuple[tuple[str, Any], ...]
) -> list[dict[str, Any]]:
    """``records`` with the kept input fields (``--keep``) added to each."""
    if kept:
        for record in records:
            record.update(kept)
    return records


def _init_local(fn: ExtractFn | None) -> None:
    """Load what the extraction needs once per process (the gazetteer)."""
    if fn is None:
        _prepare_default()
    elif hasattr(fn, "prepare"):
        fn.prepare()
