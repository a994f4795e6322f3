"""rasid: political-violence events from Arabic news, each fact tied to its characters.

    >>> import rasid
    >>> events = rasid.extract(text, published="2020-03-12")
    >>> records = rasid.extract_many(texts_or_records, published="2020-03-12")
    >>> df = rasid.to_pandas(records)

The public API is re-exported here from the modules that define it (one concept, one place);
the compiled core ``rasid._core`` is private.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import errors
from ._core import __version__

# public name -> module defining it; imported on first use so `import rasid` stays cheap.
_EXPORTS = {
    "normalize": "rasid.text",
    "normalize_with_offsets": "rasid.text",
    "to_ascii_digits": "rasid.text",
    "OffsetMap": "rasid.text",
    "parse_numbers": "rasid.numbers",
    "NumberMention": "rasid.numbers",
    "Gazetteer": "rasid.gazetteer",
    "Match": "rasid.gazetteer",
    "default_gazetteer": "rasid.gazetteer",
    "actor_country": "rasid.gazetteer",
    "demonym_country": "rasid.gazetteer",
    "resolve_dates": "rasid.dates",
    "DateMention": "rasid.dates",
    "extract": "rasid.events",
    "explain": "rasid.events",
    "Event": "rasid.events",
    "extract_many": "rasid.tables",
    "read_events": "rasid.tables",
    "to_pandas": "rasid.tables",
    "to_polars": "rasid.tables",
}

__all__ = ["__version__", "errors", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'rasid' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


# the re-exports, for type checkers (the lazy __all__ above hides them from linters)
if TYPE_CHECKING:
    from .dates import DateMention, resolve_dates  # noqa: F401
    from .events import Event, explain, extract  # noqa: F401
    from .gazetteer import (  # noqa: F401
        Gazetteer,
        Match,
        actor_country,
        default_gazetteer,
        demonym_country,
    )
    from .numbers import NumberMention, parse_numbers  # noqa: F401
    from .tables import extract_many, read_events, to_pandas, to_polars  # noqa: F401
    from .text import OffsetMap, normalize, normalize_with_offsets, to_ascii_digits  # noqa: F401
