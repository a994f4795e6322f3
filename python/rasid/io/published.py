"""Publication dates of input records, in the forms scraped archives hold."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from ..errors import InputError

_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")

#: Publication years accepted (a date outside is a misread field, not a date).
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _checked(day: _dt.date, value: Any) -> str:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InputError(f"publication date {value!r} is out of range (year {day.year})")
    return day.isoformat()


def _from_epoch(seconds: float, value: Any) -> str:
    try:
        day = _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        raise InputError(f"unparseable publication date {value!r}") from None
    return _checked(day, value)


def _epoch_seconds(number: float) -> float:
    """Seconds from epoch seconds or milliseconds (told apart by size: 10^11 seconds is the
    year 5138, 10^11 milliseconds is 1973)."""
    return number / 1000 if abs(number) >= 1e11 else number


def _english_date(s: str) -> _dt.date | None:
    """A date with day, month and year all written (``15 March 2021``, ``March 15, 2021``,
    ``15-Mar-2021 08:30``), read by dateutil; None when a part is missing."""
    from dateutil import parser

    # parsed twice with different defaults: a part taken from the default differs
    try:
        a = parser.parse(s, dayfirst=True, default=_dt.datetime(1901, 1, 1))
        b = parser.parse(s, dayfirst=True, default=_dt.datetime(1902, 2, 2))
    except (ValueError, OverflowError, parser.ParserError):
        return None
    return a.date() if a.date() == b.date() else None


def parse_published(value: Any) -> str | None:
    """A publication date as ``YYYY-MM-DD``, or None when absent.

    Reads the forms scraped archives hold: ISO 8601 dates and date-times with or without a
    zone (``2021-03-15``, ``2021-03-15T08:30:00+03:00``, ``20210315``), RFC 2822 / 5322
    (``Mon, 15 Mar 2021 08:30:00 GMT``), numeric dates with ``/``, ``-`` or ``.`` (day first,
    ``15/03/2021``, unless the year comes first, ``2021/03/15``; month first only when day
    first is impossible, as in :mod:`rasid.dates`), English month names (``15 March 2021``,
    ``March 15, 2021``), Arabic and Levantine month names and Arabic-Indic digits
    («15 آذار 2021», «١٥ مارس ٢٠٢١», «الاثنين 15 كانون الثاني 2021», read by
    :func:`rasid.dates.resolve_dates`), epoch seconds or milliseconds (numbers or digit
    strings, UTC), and :class:`datetime.date` / :class:`datetime.datetime` objects.
    A date-time keeps the day written in its own zone (the outlet's day).
    Raises :class:`InputError` for anything else, or a year outside 1900–2100.
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return _checked(value.date(), value)
    if isinstance(value, _dt.date):
        return _checked(value, value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value:  # NaN: an empty cell of a dataframe
            return None
        return _from_epoch(_epoch_seconds(value), value)
    if not isinstance(value, str):
        raise InputError(f"unparseable publication date {value!r}")
    s = value.strip()
    if not s:
        return None
    if not s.isascii():
        from ..text import to_ascii_digits

        s = to_ascii_digits(s)
    if s.isdigit():
        if len(s) == 8:  # ISO 8601 basic: 20210315
            try:
                return _checked(_dt.date(int(s[:4]), int(s[4:6]), int(s[6:])), value)
            except ValueError:
                raise InputError(f"unparseable publication date {value!r}") from None
        if 9 <= len(s) <= 13:
            return _from_epoch(_epoch_seconds(int(s)), value)
        raise InputError(f"unparseable publication date {value!r}")
    if _ISO_DAY.match(s):
        if len(s) == 10 or s[10] in "Tt ":
            # the day as written (its own zone): the time part does not change it
            try:
                return _checked(_dt.date.fromisoformat(s[:10]), value)
            except ValueError:
                raise InputError(f"unparseable publication date {value!r}") from None
        from dateutil.parser import isoparse

        try:
            return _checked(isoparse(s).date(), value)
        except (ValueError, OverflowError):
            # a wrong ISO date (2020-13-01, 2021-03-15x) is not read another way
            raise InputError(f"unparseable publication date {value!r}") from None
    if s[:3].isalpha() and "," in s[:5]:
        from email.utils import parsedate_to_datetime

        try:
            return _checked(parsedate_to_datetime(s).date(), value)
        except (TypeError, ValueError, IndexError):
            pass
    from ..dates import resolve_dates

    for mention in resolve_dates(s):
        if mention.kind == "explicit" and mention.precision == "day" and mention.date:
            return _checked(_dt.date.fromisoformat(mention.date), value)
        break  # only the first date expression of the value counts
    if s.isascii():
        day = _english_date(s)
        if day is not None:
            return _checked(day, value)
    raise InputError(f"unparseable publication date {value!r}")
