"""Resolution: the date a parsed expression means, given the publication date."""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Union

from ..errors import OptionError

PublishedLike = Union[_dt.date, _dt.datetime, str, None]

#: How many days after ``published`` a day and month without a year may still fall before
#: the previous year is taken instead (publication dates are often a day or two off).
FUTURE_GRACE_DAYS = 7


def publication_date(published: PublishedLike) -> _dt.date | None:
    """The publication day a ``published`` argument gives: a ``datetime.date`` as it is, a
    ``datetime.datetime``'s date, an ISO string's day (``"2020-03-12"``,
    ``"2020-03-12T08:00:00Z"``: the day as written), ``None`` for ``None`` or a blank string.

    Raises:
        rasid.errors.OptionError: anything else.
    """
    if isinstance(published, str):
        return _date_of_string(published)
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        return published.date()
    if isinstance(published, _dt.date):
        return published
    raise OptionError(
        f"published must be a date, datetime, ISO string or None, not {type(published).__name__}"
    )


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[Tt ])")


@functools.lru_cache(maxsize=4096)
def _date_of_string(published: str) -> _dt.date | None:
    """The date of an ISO date string (cached: every block of a text has the same)."""
    s = published.strip()
    if not s:
        return None  # an empty field means no publication date
    m = _ISO_DATE.match(s)
    if m:
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    raise OptionError(f"published must be an ISO date like '2020-03-12', got {published!r}")


_DAY = _dt.timedelta(days=1)


def _safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _month_index(y: int, m: int) -> int:
    return y * 12 + (m - 1)


def _weekday_on_or_before(ref: _dt.date, wd: int) -> _dt.date:
    return ref - _dt.timedelta(days=(ref.weekday() - wd) % 7)


@functools.lru_cache(maxsize=4096)
def _resolve_weekday(pub: _dt.date, wd: int, qual: int | None) -> _dt.date:
    """The day a weekday means in an article of ``pub`` (cached: a text repeats its date)."""
    if qual is not None and qual < 0:
        last = _weekday_on_or_before(pub - _dt.timedelta(days=1), wd)
        return last - _dt.timedelta(days=7 * (-qual - 1))
    if qual == 1:
        return pub + _dt.timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)
    return _weekday_on_or_before(pub, wd)


def _resolve(info: dict, pub: _dt.date | None, prev_day: str | None):
    """Return (date string or None, precision or None, is_past_context, is_future)."""
    kind = info["kind"]
    past = bool(info.get("past"))
    future = bool(info.get("future"))
    day = _DAY

    if kind == "relative_day":
        if pub is None:
            return None, None, past, future
        off = info["offset"]
        target = pub + off * day
        wd = info.get("weekday")
        if wd is not None and target.weekday() != wd:
            if (target + day).weekday() == wd and off <= 0:
                target = target + day
            else:
                target = _weekday_on_or_before(target, wd)
        return target.isoformat(), "day", past, future

    if kind == "weekday":
        qual = info.get("qual")
        past = past or (qual is not None and qual < 0)
        future = future or qual == 1
        if pub is None:
            return None, None, past, future
        d = _resolve_weekday(pub, info["weekday"], qual)
        return d.isoformat(), "day", past, future

    if kind == "anaphoric":
        if prev_day is None:
            return None, None, past, future
        d = _dt.date.fromisoformat(prev_day) + info["shift"] * day
        return d.isoformat(), "day", past, future or (pub is not None and d > pub + day)

    if kind in ("vague", "hijri"):
        return None, None, past, future

    # explicit / month / year / period
    qual = info.get("qual")
    year_rel = info.get("year_rel")
    month_rel = info.get("month_rel")
    rel = info.get("rel")
    if any(v is not None and v < 0 for v in (qual, year_rel, month_rel, rel)):
        past = True
    if qual == 1 or year_rel == 1 or month_rel == 1 or rel == 1:
        future = True
    year = info.get("year")
    month = info.get("month")
    dday = info.get("day")
    unit = info.get("unit")
    edge = info.get("edge")

    if unit == "الاسبوع":
        return None, None, past, future
    if unit in ("العام", "السنه") and month is None:
        if year is None:
            if pub is None or rel is None:
                return None, None, past, future
            year = pub.year + rel
        return _edge_date(year, edge), _edge_prec(edge), past, future
    if unit == "الشهر":
        if pub is None or rel is None:
            return None, None, past, future
        mi = _month_index(pub.year, pub.month) + rel
        return f"{mi // 12:04d}-{mi % 12 + 1:02d}", "month", past, future
    if month_rel is not None:
        if pub is None:
            return None, None, past, future
        mi = _month_index(pub.year, pub.month) + month_rel
        y, m = mi // 12, mi % 12 + 1
        on = _safe_date(y, m, info["day"])  # (p_day_month gives a day with every month_rel)
        if on is None:
            return None, None, past, future
        return on.isoformat(), "day", past, future or on > pub + day

    if month is not None:
        if year is None and year_rel is not None and pub is not None:
            year = pub.year + year_rel
        if year is None:
            if pub is None:
                return None, None, past, future
            year = _infer_year(pub, month, dday, qual)
            if year is None:
                return None, None, past, future
        if dday is not None:
            if not 1 <= month <= 12:
                return None, None, past, future
            on = _safe_date(year, month, dday)
            if on is None:
                return None, None, past, future
            return on.isoformat(), "day", past, future or (pub is not None and on > pub + day)
        if not 1 <= month <= 12:
            return None, None, past, future
        if pub is not None and _month_index(year, month) > _month_index(pub.year, pub.month):
            future = True
        return f"{year:04d}-{month:02d}", "month", past, future
    if year is not None:
        if pub is not None and year > pub.year:
            future = True
        return _edge_date(year, edge), _edge_prec(edge), past, future
    return None, None, past, future


def _edge_date(year: int, edge: str | None) -> str:
    if edge == "end":
        return f"{year:04d}-12"
    if edge == "start":
        return f"{year:04d}-01"
    return f"{year:04d}"


def _edge_prec(edge: str | None) -> str:
    return "month" if edge in ("end", "start") else "year"


def _infer_year(pub: _dt.date, month: int, dday: int | None, qual: int | None):
    if not 1 <= month <= 12:
        return None
    if qual == 0:
        return pub.year
    if qual == -1:
        mi = _month_index(pub.year, pub.month)
        return pub.year if _month_index(pub.year, month) < mi else pub.year - 1
    if qual == 1:
        mi = _month_index(pub.year, pub.month)
        return pub.year if _month_index(pub.year, month) > mi else pub.year + 1
    limit = pub + _dt.timedelta(days=FUTURE_GRACE_DAYS)
    for y in (pub.year + 1, pub.year, pub.year - 1):
        if dday is None:
            if _month_index(y, month) <= _month_index(pub.year, pub.month):
                return y
            continue
        d = _safe_date(y, month, dday)
        if d is None:
            # 29 February in a year without it: keep looking at earlier years
            continue
        if d <= limit:
            return y
    return pub.year
