"""The document context every stage reads: text, gazetteer hits, numbers, dates, sentences.

:class:`Context` is built once per document by the driver (:mod:`rasid.events.run`) and
read by every stage; besides the document's own facts it holds only caches (the places of a
sentence, worked out once) and the trace of the rules that fire. The helpers below say where
words stand relative to each other (the start of a word, of a clause, a «و» before a word).
"""

from __future__ import annotations

import bisect
from typing import Any, Callable

from ..geo import haversine_km
from ..text import normalize
from .rules import Trace
from .sentences import Sentence, Words
from .spelling import CLAUSE_MARKS, COMMA, SEMICOLON, TATWEEL, WAW

__all__ = ["Context", "opens_at", "word_start", "clause_initial", "prefix_w", "near"]


class Context:
    """Everything known about one document: text, hits, numbers, dates, word positions.

    ``read_dates``, when given, is called the first time :attr:`dates` or :attr:`published`
    is asked for and returns both (instead of ``dates`` and ``published``): dates matter
    only once an attack is stated, and many documents with attack words state none.
    """

    def __init__(
        self,
        text: str,
        hits: list,
        numbers: list,
        dates: list | None,
        published,
        read_dates: Callable[[], tuple] | None = None,
        trace: Trace | None = None,
        sentences: list[Sentence] | None = None,
    ):
        self.text = text
        self.trace = trace
        self.hits = hits
        self._hs = [h.start for h in hits]
        self.numbers = sorted(numbers, key=lambda n: n.start)
        self._ns = [n.start for n in self.numbers]
        self._dates: Any = dates  # a list once read (None until then when read_dates is given)
        self._published = published
        self._read_dates: Any = read_dates  # None once called
        self.words = Words(text)
        #: the sentences of the document, and where each starts
        self.sentences: list[Sentence] = sentences or []
        self.sentence_starts: list[int] = [s.start for s in self.sentences]
        # per sentence ``(start, end)``: its place hits and the countries / regions they
        # name (see :func:`rasid.events.places.place_candidates`)
        self.sentence_places: dict = {}

    @property
    def dates(self) -> list:
        """The date mentions of the text around the attack words."""
        if self._read_dates is not None:
            self._load_dates()
        return self._dates

    @property
    def published(self):
        """The publication day (given, or read from a dateline), or ``None``."""
        if self._read_dates is not None:
            self._load_dates()
        return self._published

    def _load_dates(self) -> None:
        self._dates, self._published = self._read_dates()
        self._read_dates = None
        # positions of the dates by start, so that a span's dates are found without a scan
        # of the whole document's (one scan per mention made long articles quadratic)
        self._date_order = sorted(range(len(self._dates)), key=lambda i: self._dates[i].start)
        self._date_starts = [self._dates[i].start for i in self._date_order]

    def dates_in(self, s: int, e: int) -> list:
        """Date mentions starting in ``[s, e)``, in the order of :attr:`dates`."""
        dates = self.dates
        lo = bisect.bisect_left(self._date_starts, s)
        hi = bisect.bisect_left(self._date_starts, e)
        return [dates[i] for i in sorted(self._date_order[lo:hi])]

    def hits_in(self, s: int, e: int) -> list:
        """Hits starting in ``[s, e)``."""
        return self.hits[bisect.bisect_left(self._hs, s) : bisect.bisect_left(self._hs, e)]

    def hit_before(self, pos: int, within: int):
        """The last hit starting in ``[pos - within, pos)`` (``None`` when there is none)."""
        i = bisect.bisect_left(self._hs, pos)
        if i and self._hs[i - 1] >= pos - within:
            return self.hits[i - 1]
        return None

    def numbers_in(self, s: int, e: int) -> list:
        """Number mentions starting in ``[s, e)``."""
        return self.numbers[bisect.bisect_left(self._ns, s) : bisect.bisect_left(self._ns, e)]

    def norm_after(self, pos: int, n: int) -> str:
        """The ``n`` characters after ``pos``, normalized (for «على الأقل» after a noun)."""
        return normalize(self.text[pos : pos + n]).strip()

    def fire(self, rule_id: str, start: int, end: int, note: str = "") -> None:
        """Record that rule ``rule_id`` fired on ``text[start:end]`` (when tracing)."""
        if self.trace is not None:
            self.trace.fire(rule_id, start, end, note)


# ---------------------------------------------------------------------------------------------
# where words stand: helpers every stage uses on the text around a hit

# what may stand between a clause's start and the word that opens it
_OPENER_FILLER = " \t,;:" + COMMA + SEMICOLON + WAW
# what a word starts after (besides white space), what a clause starts after, and the
# quotes and tatweel that may stand between «و» and its word
_WORD_OPENERS = CLAUSE_MARKS + '(«“"'
_CLAUSE_OPENERS = CLAUSE_MARKS + '.\n«“"('
_QUOTES_TATWEEL = "”“\"«»'" + TATWEEL


def opens_at(ctx: Context, start: int, pos: int) -> bool:
    """Whether only punctuation and «و» stand between ``start`` and ``pos``."""
    return ctx.text[start:pos].strip(_OPENER_FILLER) == ""


def word_start(text: str, pos: int, floor: int) -> int:
    """Where the word holding ``pos`` starts (not before ``floor``)."""
    while pos > floor and not text[pos - 1].isspace() and text[pos - 1] not in _WORD_OPENERS:
        pos -= 1
    return pos


def clause_initial(text: str, pos: int, floor: int) -> bool:
    """Whether ``pos`` opens a clause: only «و» and blanks after clause punctuation (or
    ``floor``) before it."""
    i = pos - 1
    while i >= floor and text[i] in " \t":
        i -= 1
    if i >= floor and text[i] == WAW:
        i -= 1
        while i >= floor and text[i] in " \t":
            i -= 1
    return i < floor or text[i] in _CLAUSE_OPENERS


def prefix_w(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` carries «و» (quotes and tatweel between allowed)."""
    i = pos - 1
    while i >= 0 and text[i] in _QUOTES_TATWEEL:
        i -= 1
    return i >= 0 and text[i] == WAW


def near(a, b, radius: float = 30) -> bool:
    """Whether two place hits with coordinates lie within ``radius`` km of each other."""
    la, lb = a.get("lat"), b.get("lat")
    if la is None or lb is None:
        return False
    return haversine_km(la, a.get("lon"), lb, b.get("lon")) <= radius
