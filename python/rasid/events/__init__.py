"""Event extraction: political-violence events out of one Arabic news document.

    >>> import rasid
    >>> text = "سقطت ثلاثة صواريخ كاتيوشا مساء الثلاثاء على قاعدة عين الأسد في محافظة الأنبار."
    >>> events = rasid.extract(text, published="2020-03-12", doc_id="a1")
    >>> events[0].to_dict()["event_type"]
    'rocket_attack'

:func:`extract` is a pure function of its arguments (thread-safe; the only state is the
cached default gazetteer). See :mod:`rasid.events.run` for how events are found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import ArgumentTypeError, InputError, TextTypeError
from .record import EVENT_TYPES, Count, Entity, Event, Evidence, Place

if TYPE_CHECKING:  # (the date parser is loaded on the first extraction, not on import)
    from ..dates import PublishedLike

__all__ = [
    "extract",
    "explain",
    "extract_document",
    "Event",
    "Place",
    "Entity",
    "Count",
    "Evidence",
    "EVENT_TYPES",
]


def extract(
    text: str,
    *,
    published: PublishedLike = None,
    doc_id: str | None = None,
    gazetteer: Any | None = None,
    explain: bool = False,
) -> list[Event]:
    """The events one document reports or recalls, in order of first mention.

    Args:
        text: the document (``str``).
        published: its publication date (``datetime.date``/``datetime`` or ISO string);
            relative dates («أمس», «مساء الأربعاء») resolve against it. Without it, a
            dateline in the text («الأحد (18 نيسان 2021)») is used when there is one.
        doc_id: the document id, copied into each event and hashed into ``event_id``.
        gazetteer: a :class:`rasid.Gazetteer` to use instead of the default one (the event
            lexicon is added when it lacks it).
        explain: also record, in each event's ``rules``, the ids of the rules that made it
            (see :func:`rasid.explain` for the whole trace).

    Returns:
        :class:`Event` records; ``event.to_dict()`` is the SPEC "Event record". Every
        ``evidence`` span and every slot's ``start``/``end`` are code-point offsets into
        ``text``.

    Raises:
        rasid.errors.TextTypeError: ``text`` is not a ``str``.
        rasid.errors.ArgumentTypeError: ``gazetteer`` is not a :class:`rasid.Gazetteer`.
        rasid.errors.OptionError: ``published`` is not a date or an ISO date string.
    """
    from .rules import Trace

    trace = Trace() if explain else None
    return _extract(text, published=published, doc_id=doc_id, gazetteer=gazetteer, trace=trace)


def _extract(text: Any, *, published: Any, doc_id: Any, gazetteer: Any, trace: Any) -> list[Event]:
    if not isinstance(text, str):
        raise TextTypeError(f"text must be str, not {type(text).__name__}")
    if doc_id is not None and not isinstance(doc_id, str):
        doc_id = str(doc_id)
    if gazetteer is not None:
        from ..gazetteer import Gazetteer

        if not isinstance(gazetteer, Gazetteer):
            raise ArgumentTypeError(
                f"gazetteer must be a rasid.Gazetteer, not {type(gazetteer).__name__}"
            )
    if not text.strip():
        return []
    from .run import run

    return run(text, published, doc_id, gazetteer, trace)


def explain(text: str, **kwargs: Any) -> Any:
    """:func:`rasid.events.explanation.explain`: the events of ``text`` with the rules that
    made them and the rules that voided the rest."""
    from .explanation import explain as _explain

    return _explain(text, **kwargs)


def extract_document(doc: dict, *, gazetteer: Any | None = None) -> list[dict]:
    """:func:`extract` on a ``{"id", "text", "published"}`` mapping, as JSON-ready dicts."""
    if not isinstance(doc, dict):
        raise InputError(f"document must be a mapping, not {type(doc).__name__}")
    text = doc.get("text")
    if text is None:
        raise InputError("document has no text")
    doc_id = doc.get("id")
    return [
        e.to_dict()
        for e in extract(
            text,
            published=doc.get("published") or None,
            doc_id=None if doc_id is None else str(doc_id),
            gazetteer=gazetteer,
        )
    ]
