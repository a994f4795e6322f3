"""Date expressions in Arabic news, resolved against the publication date.

:func:`resolve_dates` finds every date expression of a text («أمس», «مساء الأربعاء»,
«يوم الجمعة الماضي», «17 أكتوبر/تشرين الأول 2019», «الـ19 من الشهر الجاري», «نهاية 2019»,
«قبل أيام» …) and returns them as :class:`DateMention` values whose ``start``/``end`` are
Python ``str`` indices into the text exactly as given (``text[m.start:m.end] == m.text``).
:func:`date_for_span` picks the expression that governs one clause of the text, and
:func:`infer_published` reads the news day off a dateline («الأحد (18 نيسان 2021)») for
documents that come without a publication date.

Matching runs on a folded view of the text made by the package normalizer
(:func:`rasid.normalize_with_offsets` with its default steps, ة → ه and digit folding, white
space kept as it is; harakat, tatweel and invisible marks removed, أ إ آ ٱ → ا, ى → ي,
Arabic-Indic and Persian digits → ASCII) plus ې → ي, ڤ → ف, پ → ب, so «غداً», «أمـــس»,
«نوڤمبر» and «١٧ أكتوبر» are found; every span is mapped back to the original characters.

Conventions (the decisions a reader of the output needs to know):

* A weekday alone («الاثنين», «يوم الجمعة», «فجر الأحد») is the most recent such day on or
  before ``published``: a Monday article saying «الاثنين» means that very Monday.
  With «الماضي» («يوم الجمعة الماضي») it is strictly before ``published``; with «المقبل» /
  «القادم» strictly after (and ``is_future``).
* «اليوم الجمعة» / «أمس الاثنين» / «أمس (الأحد)»: the weekday is trusted over a publication
  date that may be a day off (time zones): if ``published`` (resp. the day before it) is
  not that weekday, the adjacent day that is (``published`` + 1 for «اليوم», ``published``
  for «أمس») is used, else the most recent such weekday.
* Nights: «ليل السبت الأحد», «ليل الثلاثاء-الأربعاء», «ليلة (الاثنين - الثلاثاء)» → the
  *first* day (the evening the night begins), like the start date of UCDP/ACLED events;
  «الليلة الماضية», «ليلة أمس», «ليل أمس» → ``published`` − 1; «الليلة» alone → ``published``;
  «ليلة الاثنين» (one weekday) → that weekday.
* A day and month without a year take the latest year that puts the date no later than
  ``published`` + 7 days (so «28 ديسمبر» in an article of 2020-01-02 is 2019-12-28).
  A month with «الماضي» is the latest such month strictly before the month of ``published``;
  with «الجاري» / «الحالي» the year of ``published``; with «المقبل» the next one.
  A month alone («في يونيو») follows the same rule at month level and needs a cue before it
  (في، خلال، منذ، شهر، مطلع …), a year, a day or a qualifier, so the verb «مارس» or a
  «نيسان» car are not dates.
* Periods: «نهاية 2019», «أواخر 2019», «آخر 2019» → ``2019-12``; «مطلع 2020», «بداية 2020»,
  «أوائل 2020» → ``2020-01`` (month precision, kind ``period``); «منتصف 2019» → ``2019``.
  «الأسبوع الماضي» and other week periods → date ``None`` (kind ``period``).
* Numeric dates are day first (17/10/2019, 17-10-2019, 17.10.2019) unless they start with the
  year (2019-10-17); an impossible day-first reading with a valid month-first one is read
  month first (10/17/2019).
* Impossible dates (31 فبراير) are reported with ``date=None``.
* Vague expressions («قبل ساعات قليلة», «قبل أيام», «بعد يومين», «مؤخرا», «في وقت سابق»)
  and Hijri dates are reported with ``date=None``. «في اليوم ذاته / نفسه», «اليوم التالي»,
  «اليوم السابق» take the previous day-precision mention of the text (± 1 day), if any.
* «غدا», «بعد غد», «المقبل» and any day resolved more than one day after ``published`` (a
  later month or year) have ``is_future=True``; they are never chosen by :func:`date_for_span`.
  One day of slack allows for publication dates a day early (time zones).
* ``is_past_context`` marks expressions that place what they date before the article's own
  news days: «الماضي» / «المنصرم» / «الفائت» qualifiers, «العام الماضي», «الشهر الماضي»,
  «الأسبوع الماضي», «قبل 10 أيام» (a span of days or longer ago). «الليلة الماضية» and «أمس»
  are not past context (they are news days).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from ..errors import OptionError, TextTypeError
from ..vocabulary import WEEKDAYS
from .fold import _fold
from .parser import _Parser
from .resolve import PublishedLike, _resolve, _safe_date, publication_date
from .tokens import _cores

__all__ = [
    "DateMention",
    "resolve_dates",
    "date_for_span",
    "infer_published",
    "weekday_of",
    "publication_date",
    "PublishedLike",
]


@dataclass(frozen=True)
class DateMention:
    """One date expression of a text.

    Attributes:
        start: code-point offset (Python ``str`` index) of the first character.
        end: offset one past the last character; ``text == original[start:end]``.
        text: the expression as written.
        date: ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``None`` when it cannot be resolved
            (relative expression without ``published``, vague, Hijri, impossible date).
        precision: ``"day"``, ``"month"``, ``"year"`` or ``None`` (with ``date``).
        kind: ``relative_day`` (اليوم، أمس، غدا، الليلة الماضية، مساء أمس), ``weekday``
            (الاثنين، يوم الجمعة الماضي، ليل السبت الأحد), ``explicit`` (17 أكتوبر 2019,
            17/10/2019, الـ19 من الشهر الجاري), ``month`` (يونيو 2018، الشهر الماضي),
            ``year`` (عام 2019، العام الماضي), ``period`` (نهاية 2019، الأسبوع الماضي),
            ``vague`` (قبل أيام، مؤخرا), ``anaphoric`` (في اليوم ذاته) or ``hijri``.
        is_past_context: the expression itself places the fact before the article's news days
            (a «الماضي» qualifier, «العام الماضي», «الشهر الماضي», «الأسبوع الماضي»).
        is_future: the expression points after ``published`` (غدا، المقبل، a later date).
        weekday: the weekday the expression names (0 = Monday … 6 = Sunday), or ``None``.
    """

    start: int
    end: int
    text: str
    date: str | None
    precision: str | None
    kind: str
    is_past_context: bool = False
    is_future: bool = False
    weekday: int | None = None


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TextTypeError(f"text must be str, not {type(text).__name__}")
    return text


_new_object = object.__new__


def resolve_dates(text: str, published: PublishedLike = None) -> list[DateMention]:
    """Find and resolve every date expression of ``text``.

    Args:
        text: an Arabic text (``str``).
        published: the publication date (``datetime.date``, ``datetime.datetime`` or an ISO
            string such as ``"2020-03-12"`` or ``"2020-03-12T08:00:00Z"``), or ``None``: then
            only absolute dates resolve; relative ones are still reported, with ``date=None``.
            An empty or blank string counts as ``None``.

    Returns:
        The mentions in text order, ``text[m.start:m.end] == m.text`` for each.

    Raises:
        rasid.errors.TextTypeError: ``text`` is not a ``str``.
        rasid.errors.InvalidTextError: ``text`` holds a lone surrogate.
        rasid.errors.OptionError: ``published`` is not a date or an ISO date string.

    >>> [(m.text, m.date) for m in resolve_dates("قصف صاروخي مساء أمس", "2020-03-12")]
    [('مساء أمس', '2020-03-11')]
    """
    text = _check_text(text)
    pub = publication_date(published)
    if not text:
        return []
    folded, offsets = _fold(text)
    parser = _Parser(folded, text, offsets)
    out: list[DateMention] = []
    prev_day: str | None = None  # the last day-precision date (ISO)
    for info in parser.parse():
        start, end = parser.span(info)
        try:
            date, precision, past, future = _resolve(info, pub, prev_day)
        except OverflowError:  # «أمس» of 0001-01-01: a day before the calendar's first
            date, precision = None, None
            past, future = bool(info.get("past")), bool(info.get("future"))
        if precision == "day" and date is not None:
            prev_day = date
        m = _new_object(DateMention)
        # what the frozen dataclass __init__ does, in one step
        m.__dict__.update(
            start=start,
            end=end,
            text=text[start:end],
            date=date,
            precision=precision,
            kind=info["kind"],
            is_past_context=past,
            is_future=future,
            weekday=info.get("weekday"),
        )
        out.append(m)
    return out


def weekday_of(word: str) -> int | None:
    """The weekday (0 = Monday … 6 = Sunday) one word names, after proclitics
    («والجمعة» → 4), or ``None``."""
    folded, _ = _fold(word.strip())
    for _skip, core in _cores(folded):
        wd = WEEKDAYS.get(core)
        if wd is not None:
            return wd
    return None


def infer_published(text: str) -> _dt.date | None:
    """Guess the news day of a text that carries it, for documents without ``published``.

    Only a weekday written together with a full explicit date counts («الأحد (18 نيسان 2021)»,
    «السبت 6/11/2021», «اليوم الثلاثاء 24 آب 2021»), the way datelines and agency leads state
    it; the first such mention whose weekday agrees with its date is returned (the day after
    it for «أمس الأحد 18 نيسان 2021»), else ``None``.
    """
    text = _check_text(text)
    folded, offsets = _fold(text)
    parser = _Parser(folded, text, offsets)
    for info in parser.parse():
        if info.get("kind") != "explicit" or "weekday" not in info or "year" not in info:
            continue
        if "year_rel" in info or info.get("day") is None or info.get("month") is None:
            continue
        d = _safe_date(info["year"], info["month"], info["day"])
        if d is not None and d.weekday() == info["weekday"]:
            # «أمس الأحد 18 نيسان 2021»: the news day is the day after the stated one
            return d - _dt.timedelta(days=info.get("offset", 0))
    return None


_SENTENCE_END = re.compile(r"[!?؟\n…]|\.(?!\d)")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    s = 0
    for m in _SENTENCE_END.finditer(text, 0, max(start, 0)):
        # a full stop between digits (17.10.2019, 2.5) does not end a sentence
        if m.group() == "." and m.start() > 0 and text[m.start() - 1].isdigit():
            continue
        s = m.end()
    e = len(text)
    for m in _SENTENCE_END.finditer(text, max(end, start), len(text)):
        if m.group() == "." and m.start() > 0 and text[m.start() - 1].isdigit():
            continue
        e = m.start()
        break
    return s, e


_NEWS_DAY_KINDS = ("relative_day", "weekday", "explicit")


def date_for_span(
    mentions: list[DateMention],
    start: int,
    end: int,
    text: str,
    *,
    fallback: bool = False,
) -> DateMention | None:
    """The date expression that governs the clause ``text[start:end]``.

    Candidates are the mentions of the same sentence as the clause (a sentence ends at
    ``. ! ? ؟ …`` or a line break; a full stop between digits does not count) that are
    not ``is_future``. Preference:

    1. a mention overlapping the clause (the first one if several);
    2. else the nearest mention before the clause in the sentence;
    3. else the nearest mention after the clause in the sentence («قتل جنديان في هجوم
       على القاعدة مساء الأربعاء.» states the date after the clause).

    When the sentence has none, ``None`` is returned unless ``fallback`` is true: then the
    article's news day is used, i.e. the nearest *news-day* mention (``relative_day``,
    ``weekday`` or day-precision ``explicit``, neither ``is_past_context`` nor ``is_future``)
    before the clause in the text, else the first one after it. Use it for the events an
    article reports, not for recalled (background) ones.
    """
    _check_text(text)
    if start > end:
        raise OptionError(f"start ({start}) is after end ({end})")
    s, e = _sentence_bounds(text, start, end)
    inside: list[DateMention] = []
    before: list[DateMention] = []
    after: list[DateMention] = []
    for m in mentions:
        if m.is_future or m.start < s or m.end > e:
            continue
        if m.start < end and m.end > start:
            inside.append(m)
        elif m.end <= start:
            before.append(m)
        else:
            after.append(m)
    if inside:
        return min(inside, key=lambda m: m.start)
    if before:
        return max(before, key=lambda m: m.end)
    if after:
        return min(after, key=lambda m: m.start)
    if not fallback:
        return None
    news = [
        m
        for m in mentions
        if m.kind in _NEWS_DAY_KINDS
        and not m.is_future
        and not m.is_past_context
        and (m.kind != "explicit" or m.precision in ("day", None))
    ]
    earlier = [m for m in news if m.end <= start]
    if earlier:
        return max(earlier, key=lambda m: m.end)
    later = [m for m in news if m.start >= end]
    if later:
        return min(later, key=lambda m: m.start)
    return None
