"""Dates of mentions and background hints (part of the slot stage).

:func:`date_for` picks the date mention that governs an anchored span (inside it, else the
nearest in the sentence; not a birth or founding date, not a date naming a place, not the day
of a statement). :func:`background_hint` says whether the span tells an event from before
the news («بعد يومين من هجوم», «الشهر الماضي», a pluperfect «وكان … قد», an explicit date
days before publication).
"""

from __future__ import annotations

import datetime as _dt

from ..dates import weekday_of
from .actors import complementizer
from .context import Context, clause_initial
from .mention import Anchored
from .sentences import CLAUSE_PUNCT, Sentence
from .spelling import AL as _AL
from .spelling import CLAUSE_MARKS
from .spelling import WAW as _WAW
from .words import word_set, words

__all__ = ["date_for", "background_hint"]

# what a clause ends at (a date set off by these dates the clause it interrupts)
_CLAUSE_ENDS = CLAUSE_MARKS + "\n"


# what may stand in the clause of a date set off by commas: «و», «في», «يوم»
_DATE_FILLERS = word_set("mention_dates.date_fillers")
# «من»: «في وقت سابق من اليوم», «بعد نحو شهرين من هجوم»
_OF = word_set("mention_dates.of")
# hours and minutes («بعد ساعات من», «بعد دقائق من»): the same day, not before the news
_HOURS = words("mention_dates.hours")


def _date_only_clause(text: str, d, sent: Sentence) -> bool:
    """«… سيارة، أمس، في …»: a date set off by commas dates the clause it interrupts."""
    a = d.start
    while a > sent.start and text[a - 1] not in _CLAUSE_ENDS:
        a -= 1
    b = d.end
    while b < sent.end and text[b] not in _CLAUSE_ENDS:
        b += 1
    rest = (text[a : d.start] + text[d.end : b]).strip(" \t()")
    return rest == "" or rest in _DATE_FILLERS


def date_for(ctx: Context, m: Anchored) -> tuple:
    """``(date mention, inside)``: the date mention governing an anchored span (inside it,
    else the nearest in the sentence; ``None``), and whether it stands inside the span."""
    sent = m.sent
    best = None
    inside = False
    cands = [
        d
        for d in ctx.dates_in(sent.start, sent.end)
        if not getattr(d, "is_future", False)
        and not _origin_date(ctx, d)
        and not _names_a_place(ctx, d)
    ]
    if not cands:
        return None, False
    ins = [
        d
        for d in cands
        if m.start <= d.start < m.ev_end
        or (m.start <= d.start < m.end and _date_only_clause(ctx.text, d, sent))
    ]
    if ins:
        resolved = [d for d in ins if d.date is not None or d.kind != "vague"]
        # «اليوم الخميس، حكماً … قام بتفجير موكب في العام 2022» with no publication date: the
        # date that resolves is the one to go by
        dated = [d for d in ins if d.date is not None]
        pool = dated or resolved or ins
        # «قال مسؤول يوم الاثنين إن …»: the day of the statement, not of the attack
        told = [d for d in pool if not _statement_date(ctx, d)]
        a = m.anchors[0].start
        best = min(told or pool, key=lambda d: abs(d.start - a))
        inside = bool(told)
    else:
        before = [d for d in cands if d.end <= m.ev_start]
        after = [d for d in cands if d.start >= m.ev_end]
        if before:
            best = before[-1]
        elif after:
            best = after[0]
    return best, inside


def _origin_date(ctx: Context, d) -> bool:
    """«القيادي المولود عام 1975», «فصيل تأسس عام 2014»: a birth or founding date."""
    return any(
        h.kind == "cue" and h.role == "origin" and ctx.words.distance(h.end, d.start) <= 2
        for h in ctx.hits_in(max(0, d.start - 30), d.start)
    )


def _names_a_place(ctx: Context, d) -> bool:
    """«حي 14 تموز», «جسر 17 تموز»: a day and month right after a place word are part of a
    name («القاعدة أمس» is no name)."""
    if d.kind != "explicit" or not d.text[:1].isdigit():
        return False
    b = ctx.hit_before(d.start, 12)
    return (
        b is not None
        and (b.kind == "placetype" or b.kind == "cue" and b.role == "street")
        and ctx.words.distance(b.end, d.start) == 1
    )


def _statement_date(ctx: Context, d) -> bool:
    """Whether the date ``d`` dates a statement: right after «قال/أعلن …» and its speaker,
    right before «إن/أن» («قال مسؤول أمني يوم الاثنين إن …»)."""
    words = ctx.words
    said = any(
        h.kind == "claim"
        and h.role == "announce"
        and words.distance(h.end, d.start) <= 4
        and not CLAUSE_PUNCT.search(ctx.text, h.end, d.start)
        for h in ctx.hits_in(max(0, d.start - 60), d.start)
    )
    return said and complementizer(ctx.text, d.end, d.end + 6)


_SAME_DAY_AFTER = words("mention_dates.same_day_after")


def _earlier_same_day(text: str, end: int) -> bool:
    """«في وقت سابق» followed by «من اليوم», «من صباح اليوم», «من يوم الجمعة», or with no
    «من» by «اليوم» («في وقت سابق اليوم»; a bare weekday there dates the report)…"""
    rest = text[end : end + 20].lstrip()
    head = rest.split(" ", 1)
    with_min = len(head) == 2 and head[0] in _OF
    if with_min:
        rest = head[1].lstrip()
    word = rest.split(" ", 1)[0].lstrip(_WAW)
    if word.startswith(_AL) and word[2:].startswith(_SAME_DAY_AFTER):
        word = word[2:]
    return word.startswith(_SAME_DAY_AFTER) or (with_min and weekday_of(word) is not None)


def _ends_with_of(gap: str) -> bool:
    """Whether ``gap`` ends with «من» as a word of its own («بعد نحو شهرين من»)."""
    parts = gap.strip().rsplit(" ", 1)
    return len(parts) == 2 and parts[1] in _OF


def background_hint(ctx: Context, m: Anchored, hits: list, d, date_inside: bool) -> bool:
    """Whether the span tells an event from before the news (``hits``: its hits; ``d``,
    ``date_inside``: its date from :func:`date_for`)."""
    words = ctx.words
    a0 = m.anchors[0]
    for h in hits:
        if h.kind != "cue":
            continue
        if (
            h.role == "after"
            and h.end <= a0.start
            and 1 < words.distance(h.end, a0.start) <= 5
            and _ends_with_of(ctx.text[h.end : a0.start])
        ):
            # «بعد نحو شهرين من هجوم», «بعد نحو أربعة أيام من تفجير»
            gap = ctx.text[h.end : a0.start]
            if not any(x in gap for x in _HOURS):
                return True
        if h.role == "after" and h.end <= a0.start and words.distance(h.end, a0.start) <= 1:
            name = h.name
            if h.sense == "hours":  # «بعد ساعات من», «بعد دقائق من»: the same day
                continue
            # «بعد يومين من هجوم», «بعد أن أضرم», «يأتي ذلك بعد غارة», «وذلك بعد قصف»,
            # «عقب الهجوم»; a bare «قتل خمسة بعد هجوم» dates nothing
            if " " in name or h.sense == "following":
                return True
            p = ctx.hit_before(h.start, 8)
            if p is not None and p.kind == "cue" and p.sense == "that":
                return True
        if h.role == "after" and " " in h.name and h.end <= a0.start:
            # «بعد يوم من مقتل 4 مقاتلين بقصف جوي»: the attack that killed them is before
            nxt = ctx.hits_in(h.end, min(a0.start, h.end + 16))
            if (
                any(
                    x.kind == "casualty"
                    and x.role in ("killed", "wounded")
                    and x.get("pos") == "noun"
                    for x in nxt[:1]
                )
                and words.distance(h.end, nxt[0].start) <= 1
            ):
                return True
        if h.role == "earlier" and any(
            t.kind == "trigger" and t.role == "noun" and 0 <= words.distance(t.end, h.start) <= 1
            for t in m.anchors
        ):
            # «قتلا في هجوم سابق لداعش»: an attack before the news
            return True
        if h.role in ("past", "previously") and " " in h.name and h.start >= m.start:
            # «قبل أيام», «الشهر الماضي»; but «في وقت سابق من اليوم / من يوم الجمعة» is
            # earlier on a day the date itself tells
            if not _earlier_same_day(ctx.text, h.end):
                return True
    told = ctx.dates_in(m.start, m.end)
    # «ليلة أمس الأحد (29/30 تشرين الأول 2023)»: the explicit date restates a news day
    days = [x for x in told if x.kind in ("relative_day", "weekday") and not x.is_past_context]
    for x in told:
        if (
            x.kind == "explicit"
            and x.weekday is None
            and not _names_a_place(ctx, x)
            and not _origin_date(ctx, x)
        ):
            if ctx.published is None or x.date is None:
                if any(0 <= ctx.words.distance(r.end, x.start) <= 2 for r in days):
                    continue
                return True
            if x.precision == "day" and (_dt.date.fromisoformat(x.date) - ctx.published).days < -1:
                return True
    if d is not None:
        # (a vague span, «قبل 10 أيام», only inside the mention: in «… انتقاماً لمقتله بقصف
        # قبل أيام» it dates the attack answered, not this one)
        if getattr(d, "is_past_context", False) and (
            date_inside or d.kind not in ("weekday", "vague")
        ):
            return True
        if d.kind in ("month", "year") or (d.kind == "period" and d.date is not None):
            return True
    # pluperfect «وكان/وكانت … قد» without a news day of its own
    plup = False
    for h in hits:
        if (
            h.kind == "cue"
            and h.role == "past"
            and h.sense == "auxiliary"
            and clause_initial(ctx.text, h.start, m.sent.start)
        ):
            nxt = [
                t
                for t in hits
                if t.kind == "trigger" and t.start >= h.end and words.distance(h.end, t.start) <= 7
            ]
            if nxt and nxt[0].role in ("verb", "verbnoun", "expose", "impact"):
                plup = True
    if plup and (d is None or not date_inside or d.kind not in ("relative_day", "weekday")):
        return True
    return False
