"""What a run tells its user: the summary line, the progress bar, the problems."""

from __future__ import annotations

import collections
import sys
import time
from dataclasses import dataclass, field
from typing import IO

from ..errors import RasidError
from ..io import NOTICES, Problem, ReadStats


@dataclass
class Summary:
    """What a run did: counts for the one-line summary printed at the end."""

    documents: int = 0
    skipped: collections.Counter[str] = field(default_factory=collections.Counter)
    #: documents kept without a publication date because theirs could not be read, by
    #: reason (see :data:`rasid.io.NOTICES`)
    undated: collections.Counter[str] = field(default_factory=collections.Counter)
    #: the first document whose date could not be read (for the warning line)
    first_bad_date: Problem | None = None
    already_stored: int = 0
    events: int = 0
    seconds: float = 0.0
    bytes: int = 0
    interrupted: bool = False
    unclustered: bool = False  # --dedup could not run: the events are written without it

    def line(self) -> str:
        """``rasid: N documents read, K skipped (reason n, ...), U kept without a usable date
        (bad_date U), M events written in S s``."""
        n_skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{r} {n}" for r, n in sorted(self.skipped.items()))
        parts = [f"{self.documents} documents read", f"{n_skipped} skipped"]
        if reasons:
            parts[-1] += f" ({reasons})"
        if self.already_stored:
            parts.append(f"{self.already_stored} already in the store")
        if self.undated:
            why = ", ".join(f"{r} {n}" for r, n in sorted(self.undated.items()))
            parts.append(f"{sum(self.undated.values())} kept without a usable date ({why})")
        parts.append(f"{self.events} events written in {self.seconds:.1f} s")
        text = "rasid: " + ", ".join(parts)
        if self.interrupted and self.unclustered:
            text += " (interrupted: the events of the documents read are written, not clustered)"
        elif self.interrupted:
            text += " (interrupted: everything above is committed)"
        return text

    def date_warning(self) -> str | None:
        """One line counting the documents kept without a date because theirs could not be
        read, with the first of them; None when there were none."""
        n = self.undated.get("bad_date", 0)
        if not n:
            return None
        first = self.first_bad_date
        return (
            f"rasid: warning: {n} document{'s' if n != 1 else ''} kept without a publication "
            f"date that could not be read (first: {first})"
        )


def _fmt_eta(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """A one-line progress bar on ``stream`` (stderr), redrawn at most 5 times a second.

    Shows documents, MB read (of the total when known), events, rate and ETA.
    """

    def __init__(self, stats: ReadStats, stream: IO[str] | None = None, interval: float = 0.2):
        self.stats = stats
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        self.start = time.monotonic()
        self.last = 0.0
        self.width = 0

    def update(
        self, documents: int, events: int, force: bool = False, bytes_done: int | None = None
    ) -> None:
        """Redraw if the interval has passed (or ``force``). ``bytes_done``: input bytes
        behind the documents delivered so far (default: what the reader has read)."""
        now = time.monotonic()
        if not force and now - self.last < self.interval:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        done = self.stats.bytes_done if bytes_done is None else bytes_done
        mb = done / 1e6
        rate = mb / elapsed
        total = self.stats.bytes_total
        text = f"{documents:,} docs  {mb:,.1f}"
        if total:
            pct = min(100.0, 100.0 * done / total)
            text += f"/{total / 1e6:,.1f} MB ({pct:.0f}%)"
        else:
            text += " MB"
        text += f"  {events:,} events  {rate:.1f} MB/s  {documents / elapsed:,.0f} docs/s"
        if total and rate > 0 and done:
            text += f"  ETA {_fmt_eta((total - done) / 1e6 / rate)}"
        pad = max(0, self.width - len(text))
        self.width = len(text)
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()

    def clear(self) -> None:
        """Erase the bar (before the summary line)."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


class StrictError(RasidError):
    """Raised at the first problem when a run is ``strict``."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class Reporter:
    """Counts skipped records into a :class:`Summary` and prints them on ``stream``.

    Hand the same reporter to the reader (``on_problem``) and to :func:`run`. At most
    ``limit`` problems are printed (all are counted); ``strict`` raises :class:`StrictError`
    at the first one. Notices (:data:`rasid.io.NOTICES`: a document kept without a date) are
    only counted, into ``summary.undated``: see :meth:`Summary.date_warning`.
    """

    def __init__(
        self,
        summary: Summary,
        stream: IO[str] | None = None,
        *,
        strict: bool = False,
        limit: int = 1000,
    ):
        self.summary = summary
        self.stream = stream
        self.strict = strict
        self.limit = limit
        self.printed = 0

    def __call__(self, problem: Problem) -> None:
        if problem.reason in NOTICES:  # the document goes on, without a date
            self.summary.undated[problem.reason] += 1
            if problem.reason == "bad_date" and self.summary.first_bad_date is None:
                self.summary.first_bad_date = problem
            return
        self.summary.skipped[problem.reason] += 1
        if self.stream is not None:
            if self.printed < self.limit:
                self.stream.write(f"rasid: skipped {problem}\n")
            elif self.printed == self.limit:
                self.stream.write("rasid: further problems are counted but not shown\n")
            self.printed += 1
        if self.strict:
            raise StrictError(problem)
