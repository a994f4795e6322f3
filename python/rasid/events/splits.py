"""One anchored span that names several events, cut into parts (the end of the anchor stage).

Input: an :class:`~rasid.events.mention.Anchored` span. Output: the span itself, or its
parts, each an ``Anchored`` of its own sharing a ``group``: targets enumerated («استهدافين،
الأول قرب … والثاني قرب …»), two sites far apart («قاعدة عين الأسد وقاعدة حرير»), a toll
listed place by place («5 في اللطامنة، و4 في كفرزيتا»), target areas far apart, or a dual
«هجومين» at two times.
"""

from __future__ import annotations

from typing import Any

from .context import Context, near, prefix_w, word_start
from .mention import Anchored, TollItem
from .places import place_rank
from .sentences import CLAUSE_PUNCT
from .spelling import COMMA, SEMICOLON
from .spelling import WAW as _WAW
from .words import word_set

__all__ = ["split_span"]

# what a part's evidence does not end with: blanks and clause punctuation but the colon
_TRAILING = " \t\n" + COMMA + "," + SEMICOLON + ";"


# plural site words: «قاعدة عين الأسد وقاعدة حرير» after them are several targets
_PLURAL_SITES = word_set("splits.plural_sites")


def split_span(ctx: Context, m: Anchored, group_seq: list) -> list[Anchored]:
    """The events one anchored span names: «استهدافين، الأول قرب … والثاني قرب …»,
    «قواعد التحالف في عين الأسد وفكتوريا», or a dual «هجومين» without details, each a part
    of a new group (``group_seq[0]`` counts the groups of the document); else ``[m]``."""
    text = ctx.text
    hits = ctx.hits_in(m.start, m.end)
    words = ctx.words
    first_anchor = m.anchors[0].start
    ords = [
        h for h in hits if h.kind == "cue" and h.role == "enumeration" and h.start > first_anchor
    ]
    firsts = [h for h in ords if h.sense == "first"]  # «الأول», «الأولى»
    cuts: list[int] = []
    if firsts:
        f = firsts[0]
        before = ctx.hits_in(max(m.start, f.start - 10), f.start)
        after_fall = any(
            b.kind == "trigger" and b.role == "impact" and words.distance(b.end, f.start) <= 1
            for b in before
        )
        if not after_fall:
            for h in ords:
                if h.start > f.start and prefix_w(text, h.start):
                    cuts.append(word_start(text, h.start, m.start))
    if not cuts:
        sites: list[Any] = []
        for h in hits:
            if h.cat == "place" and place_rank(h) == 0 and h.start > first_anchor:
                if not sites or sites[-1].id != h.id:
                    sites.append(h)
        # «استهدف هجومان … قاعدة عين الأسد وقاعدة حرير»: two attacks, two sites
        plural_target = len(sites) >= 2 and (
            any(h.kind == "placetype" and h.name in _PLURAL_SITES for h in hits)
            or any(t.kind == "trigger" and t.role == "dual" for t in m.anchors)
        )
        if plural_target:
            for h in sites[1:]:
                if prefix_w(text, h.start) and not near(sites[0], h):
                    cuts.append(word_start(text, h.start, m.start))
    tolls: list = []
    if not cuts:
        tolls = _toll_items(ctx, hits, first_anchor, m.end)
        cuts = [word_start(text, t.start, m.start) for t in tolls[1:]]
    areas = False
    if not cuts:
        cuts = _target_areas(ctx, m, hits, first_anchor)
        areas = bool(cuts)
    if cuts:
        group_seq[0] += 1
        gid = group_seq[0]
        bounds = [m.start] + sorted(set(cuts)) + [m.end]
        parts: list[Anchored] = []
        for a, b in zip(bounds, bounds[1:]):
            # the first part keeps the anchored clause; the others are their own evidence
            ev_start = m.ev_start if a == m.start else a
            ev_end = b
            if tolls or areas:
                while ev_end > ev_start and text[ev_end - 1] in _TRAILING:
                    ev_end -= 1
            toll = tolls[len(parts)] if tolls else None
            parts.append(
                m._replace(
                    start=a,
                    end=b,
                    ev_start=ev_start,
                    ev_end=ev_end,
                    group=gid,
                    split=True,
                    wspan=(m.start, m.end),
                    toll=toll,
                )
            )
        return parts
    if any(t.role == "dual" and not t.definite for t in m.anchors) and (
        sum(1 for d in ctx.dates if m.start <= d.start < m.end) >= 2
    ):
        # «هجومين … الليلة الماضية وظهر اليوم»: two attacks at two times
        group_seq[0] += 1
        # (the same span twice: the slot stage makes a mention of each)
        twin = m._replace(group=group_seq[0], split=True)
        return [twin, twin]
    return [m]


def _toll_items(ctx: Context, hits: list, lo: int, hi: int) -> list[TollItem]:
    """A casualty toll listed place by place after an attack word («لترتفع حصيلة القتلى إلى
    5 في اللطامنة، و4 في كفرزيتا وقتيلين في لطمين», «مقتل طفلة في ريف إدلب، وشاب في مدينة
    الأتارب»): one item per place, each after the first joined by «و»; empty unless two or
    more items name different places. Each item is an event of its own."""
    text = ctx.text
    words = ctx.words
    heads = []  # (start, end, min, max, hit or None)
    for n in ctx.numbers_in(lo, hi):
        if n.kind in ("cardinal", "dual", "approx", "more_than", "at_least") and n.min:
            heads.append((n.start, n.end, n.min, n.max, None))
    for h in hits:
        if h.start >= lo and h.kind == "person" and h.get("number") in (1, 2):
            number = h.get("number")
            heads.append((h.start, h.end, number, number, h))
    heads.sort(key=lambda x: (x[0], -x[1]))
    keywords = [h for h in hits if h.kind == "casualty" and h.role in ("killed", "wounded")]
    items: list[TollItem] = []
    pos = lo
    role: Any = None  # the first item's, then kept by the next ones
    for start, end, lo_n, hi_n, _h in heads:
        if start < pos:
            continue
        own = next((k.role for k in keywords if k.start <= start < k.end), None)
        if items:
            if not prefix_w(text, start) or words.distance(pos, start) > 3:
                break
            role = own or role
        else:
            before = [k for k in keywords if k.end <= start and words.distance(k.end, start) <= 3]
            role = own or (before[-1].role if before else None)
            if role is None:
                continue
        place = _toll_place(ctx, hits, end)
        if place is None:
            if items:
                break
            continue
        items.append(TollItem(start, end, lo_n, hi_n, role, place))
        pos = place.end
    if len(items) < 2 or len({t.place.id for t in items}) < len(items):
        return []
    return items


def _target_areas(ctx: Context, m: Anchored, hits: list, first_anchor: int) -> list[int]:
    """Where the target list of one attack verb goes on, phrase by phrase, to areas far
    apart («استهدفت الغارات أطراف مدينة إدلب، ومحيط مدينة معرة مصرين …، إضافة إلى أطراف
    بلدات مرتين …»): each phrase after a comma, opening with «و» or «إضافة إلى», names an
    area of its own (more than 5 km from those before) and no attack or toll; one event
    per area. Towns coordinated in one phrase («على مدن اللطامنة وكفرزيتا») stay one."""
    text = ctx.text
    if not any(t.kind == "trigger" and t.role == "verb" for t in m.anchors):
        return []
    cuts: list[int] = []
    seen: list = []
    bounds = [p.end() for p in CLAUSE_PUNCT.finditer(text, first_anchor, m.end)]
    spans = list(zip([first_anchor] + bounds, bounds + [m.end]))
    for i, (a, b) in enumerate(spans):
        part = [h for h in hits if a <= h.start < b]
        places = [h for h in part if h.cat == "place" and place_rank(h) <= 3]
        if i == 0:
            seen = places
            continue
        if any(h.kind in ("trigger", "casualty", "outcome") for h in part) or not places:
            return []
        head = text[a:b].lstrip()
        opens = head.startswith(_WAW) or any(
            h.kind == "cue" and h.role in ("boundary", "addition", "reply") and h.start - a <= 2
            for h in part
        )
        if not opens:
            return []
        if seen and all(any(x.id == y.id or near(x, y, 5) for y in seen) for x in places):
            return []
        cuts.append(word_start(text, a + len(text[a:b]) - len(head), m.start))
        seen = seen + places
    return cuts


def _toll_place(ctx: Context, hits: list, end: int):
    """The place named within eight words after a toll figure ending at ``end`` (nothing but
    people, place words and cue words before it: no attack word, no other count)."""
    words = ctx.words
    for h in hits:
        if h.start < end:
            continue
        if words.distance(end, h.start) > 8 or CLAUSE_PUNCT.search(ctx.text, end, h.start):
            return None
        if h.cat == "place":
            return h
        if h.kind in ("trigger", "casualty", "weapon", "outcome"):
            return None
    return None
