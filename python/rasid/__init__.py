"""rasid: political-violence events from Arabic news, each fact tied to its characters.

The public API is re-exported here; the compiled core ``rasid._core`` is private.
"""

from __future__ import annotations

from . import errors
from ._core import __version__

__all__ = ["__version__", "errors"]
