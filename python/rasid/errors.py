"""The exceptions rasid raises: one root, :class:`RasidError`.

Problems with a value a caller passed are also :class:`ValueError` (or :class:`TypeError`),
and problems with files are also :class:`OSError`, so ordinary ``except`` clauses work.
"""

from __future__ import annotations


class RasidError(Exception):
    """Root of every error rasid raises on purpose."""


class InvalidTextError(RasidError, ValueError):
    """Text that cannot be processed, e.g. a ``str`` holding lone surrogates."""


class TextTypeError(RasidError, TypeError):
    """Something other than ``str`` (or ``bytes`` where bytes are accepted) passed as text."""


class OptionError(RasidError, ValueError):
    """An unknown option name or a value out of range."""


class ArgumentTypeError(RasidError, TypeError):
    """An argument other than text of the wrong type (``overlapping="x"``, a path that is a
    number)."""


class MissingKeyError(RasidError, KeyError):
    """A key that a :class:`~rasid.Match` does not have (``match["country"]``); a
    ``KeyError`` too, so ``except KeyError`` and :meth:`~rasid.Match.get` work as for a dict."""


class GazetteerError(RasidError):
    """Root of the gazetteer errors."""


class GazetteerBuildError(GazetteerError, ValueError):
    """An entry that cannot go into a gazetteer (no name, a name that normalizes to nothing)."""


class GazetteerFileError(GazetteerError, OSError):
    """A gazetteer file that cannot be read, parsed or loaded (wrong format, corrupt, version)."""


class GazetteerNotFoundError(GazetteerFileError, FileNotFoundError):
    """A gazetteer file that does not exist."""


class InputError(RasidError, ValueError):
    """A bad input document or file (not JSON, not UTF-8, no text, bad date)."""


class StoreError(RasidError):
    """The SQLite event store cannot be opened or written."""


class WorkerError(RasidError):
    """A worker process of a run died (killed by the out-of-memory killer, an abort): the run
    stops, naming the documents it was extracting (``chunk``: the number of their chunk)."""

    chunk: int | None = None
