"""One event per real event within a document: merging the mentions that state the same one.

A mention joins the most recent compatible event (one whose date matches its own first, when
it names one); a mention that only refers back («الهجوم», «هذا القصف») never starts an event.
Two mentions are incompatible when their weapons belong to different families (rockets and
missiles, drones, artillery and mortars, bombs, firearms; aircraft go with rockets and
drones), their named perpetrators differ, their places are more than 30 km apart (or in
different governorates / countries), their days differ, or one is recalled as background
and the other is not.

Input: the document's :class:`~rasid.events.mention.Mention` s, in text order. Output:
:class:`EventGroup` s, in order of first mention. The merge writes nothing into a mention:
what it works out once per mention (weapon families, named perpetrators, side) is a side
table indexed like the mentions (:class:`Derived`), and what joining decides about a mention
(a part of a split statement joining another event gives no evidence of its own) is kept in
the group.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Set
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..geo import haversine_km
from .counts import KILLING_TRIGGER
from .places import place_rank
from .spelling import ALEF as _ALEF
from .spelling import ALEF_HAMZA as _ALEF_HAMZA
from .words import words

__all__ = ["EventGroup", "Derived", "merge", "compatible"]


# an unresolved relative day, by its words (the article's day, or the day before)
_TODAY = words("merge.today")
_SAME = words("merge.same")
_YESTERDAY = words("merge.yesterday")

_FAMILY = {
    "katyusha_rocket": "R",
    "rocket": "R",
    "ballistic_missile": "R",
    "missile": "R",
    "drone": "D",
    "aircraft": "A",
    "mortar": "S",
    "artillery": "S",
    "ied": "I",
    "car_bomb": "I",
    "firearms": "F",
}
_HINT_FAMILY = {"air_strike": "A", "armed_clash": "F", "ied_attack": "I", "shelling": "S"}


def _of_captives(t) -> bool:
    """Whether anchor ``t`` tells captives put to death: an execution, a kidnapping."""
    return t.id == KILLING_TRIGGER or t.sense == "kidnap"


class Derived(NamedTuple):
    """What the merge works out once per mention (each mention is compared with every event
    before it): its weapon families (:func:`_weapon_families`), the names of the
    perpetrators it states, and the side it puts the attack on (:func:`_side`)."""

    families: frozenset[str]
    actor_ids: frozenset[str]
    side: str | None


def derive(m) -> Derived:
    """The :class:`Derived` values of mention ``m``."""
    return Derived(
        frozenset(_weapon_families(m)),
        frozenset((c.entity.name_ar or c.entity.mention) for c in m.actors if c.priority <= 1),
        _side(m),
    )


@dataclass(frozen=True, eq=False)
class EventGroup:
    """The mentions of one event: the merge's output.

    ``evidence`` holds the evidence spans (anchored clauses) its mentions give, in the order
    of the mentions (a part of a split statement that joined an event told before gives
    none); ``date``/``date_inside`` the date the group goes by, ``bg_hint`` and ``same_day``
    what its first mention says of its time, ``first_sentence`` where it is first told.
    """

    mentions: tuple
    evidence: tuple[tuple[int, int], ...]
    date: Any
    date_inside: bool
    first_sentence: int
    bg_hint: bool
    same_day: bool


class _Joining:
    """An event while the mentions of a document are merged, and its derived values."""

    def __init__(self, m, i: int, d: Derived):
        self.mentions = [m]
        self.evidence = [(m.ev_start, m.ev_end)]
        # kept as mentions are added (a scan of the mentions per candidate made merging the
        # mentions of one long article quadratic): its mentions placed by a bearing
        # («شمال بغداد»), whether one is in a headline, the days its mentions state inside
        self.relative = bool(m.relative_place)
        self.relative_headline = bool(m.relative_place and m.sent.headline)
        self.inside_keys = {_date_key(m.date)} if m.date_inside else set()
        self.last_sentence = m.sent.index
        self.last = i
        self.groups = {m.group} if m.group is not None else set()
        self.first_sentence = m.sent.index
        self.bg_hint = m.bg_hint
        self.same_day = m.same_day
        self.families = set(d.families)
        self.best = m.best_place[0] if m.best_place else None
        self.places = list(m.best_place[1]) if m.best_place else []
        self.actor_ids = set(d.actor_ids)
        self.sides = {d.side} - {None}
        self.date = m.date if m.date_inside or not m.sent.headline else None
        self.date_inside = m.date_inside and m.date is not None

    def add(self, m, i: int, d: Derived, evidence: bool = True) -> None:
        self.mentions.append(m)
        if evidence:
            self.evidence.append((m.ev_start, m.ev_end))
        if m.relative_place:
            self.relative = True
            self.relative_headline = self.relative_headline or m.sent.headline
        if m.date_inside:
            self.inside_keys.add(_date_key(m.date))
        self.last_sentence = max(self.last_sentence, m.sent.index)
        self.last = i
        if m.group is not None:
            self.groups.add(m.group)
        self.families |= d.families
        if m.best_place:
            h = m.best_place[0]
            if self.best is None or place_rank(h) < place_rank(self.best):
                self.best = h
                self.places = list(m.best_place[1])
        self.actor_ids |= d.actor_ids
        if d.side is not None:
            self.sides.add(d.side)
        if m.date is not None and (
            self.date is None
            or (m.date_inside and not self.date_inside and m.strong)
            or (
                # «قبل قليل» first, «فجر الثلاثاء» later: the day that resolves
                m.date_inside
                and m.date.date is not None
                and self.date.date is None
                and self.date.kind in ("vague", "period")
            )
        ):
            if m.date_inside or not m.sent.headline:
                self.date = m.date
                self.date_inside = m.date_inside

    def result(self) -> EventGroup:
        return EventGroup(
            tuple(self.mentions),
            tuple(self.evidence),
            self.date,
            self.date_inside,
            self.first_sentence,
            self.bg_hint,
            self.same_day,
        )


def _site_word(m) -> bool:
    """A mention that names its target only as «المطار», «القاعدة» (the one just reported)."""
    return any(h.kind == "placetype" and h.role == "site" and h.definite for h in m.site_words)


def _weapon_families(m) -> set:
    """Weapon families of a mention: «R» for a rocket named as a munition (hard), «r» for
    one named by an adjective or a trigger («هجوم صاروخي», soft), likewise the others."""
    fams = set()
    for w in m.weapons:
        f = _FAMILY.get(w.get("weapon") or "")
        if f:
            soft = w.kind == "trigger" or w.role in ("adj", "modifier")
            fams.add(f.lower() if soft else f)
    for h in m.hints:
        f = _HINT_FAMILY.get(h)
        if f:
            fams.add(f.lower())
    if any(_of_captives(t) for t in m.anchors):
        # «أعدم التنظيم …», «قتلا بعد اختطافهما»: captives put to death, no bombardment,
        # strike or shooting in the street
        fams.add("X")
    if any(t.kind == "trigger" and t.sense == "kill" for t in m.anchors):
        # «قتلت مجموعة مسلحة 14 سائقاً»: people killed by an armed group, not the bombardment
        # told beside it («… بالتزامن مع هجوم بقذائف الهاون على مركز الشرطة»)
        fams.add("K")
    # «استهدفت الطائرة بثلاثة صواريخ»: the missiles of a drone or aircraft are its munitions
    if fams & {"D", "A", "d", "a"} and any(
        w.kind == "weapon" and w.get("weapon") in ("drone", "aircraft") for w in m.weapons
    ):
        fams -= {"R", "r"}
    return fams


def _side(m) -> str | None:
    """``"state"`` or ``"group"``: the side of the perpetrator a mention names as the
    subject or owner of its attack, or of the group claiming it (``None`` when it names none
    or both)."""
    sides = {"state" if c.state else "group" for c in m.actors if c.priority <= 2}
    if not sides and (m.claims or any(not c.state for c in m.announcers)):
        # «تبنى حزب الله …», «أعلن حزب الله قصفه …»: a group claiming its attack
        sides = {"group"}
    return sides.pop() if len(sides) == 1 else None


def _sides_differ(ev: _Joining, side: str | None) -> bool:
    if side is None:
        return False
    return bool(ev.sides) and side not in ev.sides


def _families_ok(a: Set[str], b: Set[str], anaphoric_site: bool = False) -> bool:
    if not a or not b:
        return True
    if ("X" in a) != ("X" in b):
        # captives put to death and an attack in the field are two incidents
        return False
    ha = {f for f in a if f.isupper()}
    hb = {f for f in b if f.isupper()}
    if ha and hb and not ha & hb and not (ha | hb) <= {"A", "D"}:
        # «سلاح الجو أغار على المطار» after «صاروخين … استهدفت المطار»: the same strike
        if not (
            anaphoric_site and ("A" in hb and ha <= {"R", "D"} or "A" in ha and hb <= {"R", "D"})
        ):
            return False
    ua = {f.upper() for f in a}
    ub = {f.upper() for f in b}
    if ua & ub:
        return True
    # an air strike joins a rocket or drone event («هجوم صاروخي» then «أغار سلاح الجو»)
    if "A" in ub and not ua - {"D", "R"} and (not ha & {"R"} or anaphoric_site):
        return True
    if "A" in ua and anaphoric_site and not ub - {"D", "R"}:
        return True
    if "A" in ua and ub <= {"D"}:
        return True
    return False


def _place_ok(a: list, b: list, radius: float = 30) -> bool:
    if not a or not b:
        return True
    for x in a:
        for y in b:
            if x.id == y.id:
                return True
            lx, ly = x.get("lat"), y.get("lat")
            if (
                lx is not None
                and ly is not None
                and x.kind not in ("governorate", "country")
                and y.kind not in ("governorate", "country")
            ):
                if haversine_km(lx, x.get("lon"), ly, y.get("lon")) <= radius:
                    return True
                continue
            if _contains(x, y) or _contains(y, x):
                return True
    return False


def _contains(big, small) -> bool:
    if big.kind == "country":
        return (big.get("country") or "") == (small.get("country") or "")
    if big.kind in ("governorate", "district"):
        a1 = big.get("admin1")
        return a1 is not None and a1 == small.get("admin1")
    return False


def _same_toll(ev: _Joining, m) -> bool:
    """Whether a mention's first killed figure is one an event's mentions already told."""
    if not m.killed:
        return False
    k = (m.killed[0].min, m.killed[0].max)
    return any(x.killed and (x.killed[0].min, x.killed[0].max) == k for x in ev.mentions)


def _weekday(d) -> int | None:
    """The weekday a weekday expression names («فجر الأحد» → 6)."""
    if d is None or d.kind != "weekday":
        return None
    return d.weekday


def _day(d) -> str | None:
    if d is None or d.date is None or d.precision != "day":
        return None
    return d.date


def compatible(ev: _Joining, m, d: Derived) -> bool:
    """Whether mention ``m`` (``d``: its :class:`Derived` values) can be one more statement
    of event ``ev``."""
    if m.group is not None and m.group in ev.groups:
        return False
    if m.another and m.strong:
        # «شن التنظيم هجوماً آخر»: another attack, not one more report of the last
        return False
    if m.reply and not any(x.reply for x in ev.mentions):
        # «وردا على ذلك، شنت الولايات المتحدة غارات …»: the answer, not the attack answered
        return False
    # a state's air force firing missiles: «أسقطت الدفاعات صواريخ إسرائيلية» with «غارات»
    # (only when the missiles themselves are the state's: «صواريخ إسرائيلية»)
    air_actor = "R" in d.families and any(c.air and c.priority <= 1 for c in m.actors)
    anaphoric_site = m.site_anaphor or (m.best_place is None and _site_word(m)) or air_actor
    if not _families_ok(ev.families, d.families, anaphoric_site):
        return False
    ids = d.actor_ids
    if ids and ev.actor_ids and not ids & ev.actor_ids:
        return False
    if "X" in d.families and "X" not in ev.families:
        # «عثر على جثتين … قتلا بعد اختطافهما» after a shooting: another incident
        return False
    if _sides_differ(ev, d.side):
        # «هاجمت كتائب حزب الله قاعدة …» after «نفذت الولايات المتحدة ضربات …»: a group's
        # attack and a state's strike are two events
        return False
    if m.best_place is not None and ev.best is not None and m.best_place[0].id != ev.best.id:
        if any(x.toll is not None for x in ev.mentions) or m.toll is not None:
            # a toll told place by place: each village its own event, whatever the distance
            return False
        if (
            m.strong
            and not m.ref
            and m.sent.index != ev.mentions[-1].sent.index
            and place_rank(m.best_place[0]) <= 2
            and place_rank(ev.best) <= 2
            and any(t.kind == "trigger" and t.role == "verb" for t in m.anchors)
        ):
            # «ألقى الطيران براميل على مدينة مورك … وشن غارات على قرية الزكاة»: a strike
            # told anew on another village is another strike
            return False
        if (
            m.strong
            and not m.ref
            and (m.killed or m.wounded)
            and m.sent.index != ev.mentions[-1].sent.index
            and not all(x.sent.headline for x in ev.mentions)
            and not ev.relative
            and not _same_toll(ev, m)
            and place_rank(m.best_place[0]) <= 3
            and place_rank(ev.best) <= 3
            and not _place_ok([ev.best], [m.best_place[0]])
        ):
            # «… وقتل 13 شرطياً في هجوم على نقطة جنوب كركوك» after an attack on Erbil
            # airport: an attack told anew, with its own toll, in another town (a bearing
            # widening the radius below does not make it the same place; a headline's
            # bearing does: «… شمال بغداد» over the body's town)
            return False
    # a bearing («شمال بغداد») and a town named elsewhere may be one place
    relative = ev.relative or m.relative_place
    headline = ev.relative_headline or (m.relative_place and m.sent.headline)
    radius = 30 if not relative else 500 if headline else 100
    if not _place_ok(ev.places, m.best_place[1] if m.best_place else [], radius):
        return False
    if not m.ref and not m.leads_ref and bool(m.bg_hint) != bool(ev.bg_hint):
        return False
    if (
        ev.date is not None
        and m.date is not None
        and ev.date.kind == m.date.kind == "explicit"
        and ev.date.date is None
        and m.date.date is None
        and ev.date.text != m.date.text
    ):
        # «20 حزيران الماضي» and «24 أيار الماضي» without a year: two days all the same
        return False
    if (
        ev.date_inside
        and m.date_inside
        and ev.date is not None
        and m.date is not None
        and ev.date.date is None
        and m.date.date is None
        and {ev.date.kind, m.date.kind} & {"weekday"}
        and {ev.date.kind, m.date.kind} & {"explicit", "period"}
    ):
        # «يوم الخميس» and «في نهاية نوفمبر» without a publication date: a weekday and a
        # month told apart are two days
        return False
    wa, wb = _weekday(ev.date), _weekday(m.date)
    if wa is not None and wb is not None and wa != wb and m.date_inside and ev.date_inside:
        return False
    if (
        ev.date is not None
        and m.date is not None
        and ev.date.date
        and m.date.date
        and ev.date_inside
        and (m.date_inside or m.bg_hint)
    ):
        n = min(len(ev.date.date), len(m.date.date), 7)
        if ev.date.date[:n] != m.date.date[:n]:
            return False
    da, db = _day(ev.date), _day(m.date)
    if da and db and da != db and m.date_inside:
        gap = abs((_dt.date.fromisoformat(da) - _dt.date.fromisoformat(db)).days)
        if gap > 1:
            return False
    return True


def _date_key(d) -> str | None:
    if d is None:
        return None
    if d.date is not None:
        return d.date
    t = d.text.replace(_ALEF_HAMZA, _ALEF)
    if any(w in t for w in _TODAY) and not any(w in t for w in _SAME):
        return "today"
    if any(w in t for w in _YESTERDAY):
        return "yesterday"
    return None


#: A mention joins only events mentioned in the sentences this far before it. No news article
#: is that long; a mis-split dump of thousands of articles in one record is, and comparing
#: each mention with every event of it made its extraction quadratic.
MERGE_WINDOW_SENTENCES = 200


def merge(ctx: Any, mentions: list) -> list[EventGroup]:
    """Events of a document from its mentions, in order of first mention."""
    derived = [derive(m) for m in mentions]
    events: list[_Joining] = []
    recent: list[_Joining] = []  # the events within the window, in the order of ``events``
    orphans: list[int] = []
    prune_at = MERGE_WINDOW_SENTENCES
    for i, m in enumerate(mentions):
        d = derived[i]
        floor = m.sent.index - MERGE_WINDOW_SENTENCES
        if m.sent.index >= prune_at:  # now and then, so that pruning stays linear
            recent = [ev for ev in recent if ev.last_sentence >= floor]
            prune_at = m.sent.index + MERGE_WINDOW_SENTENCES // 4
        cands = [ev for ev in recent if ev.last_sentence >= floor and compatible(ev, m, d)]
        if not cands and not m.strong and not events:
            orphans.append(i)
            continue
        cands.sort(key=lambda ev: -ev.last)
        if len(cands) > 1 and m.best_place is not None and place_rank(m.best_place[0]) == 0:
            # «إصابة 8 من قواتنا في قاعدة عين الأسد»: the event at that very base, not the
            # last one told (a strike in reply somewhere in the country)
            pid = m.best_place[0].id
            cands.sort(key=lambda ev: 0 if any(p.id == pid for p in ev.places) else 1)
        fam = d.families
        if fam and len(cands) > 1:
            up = {f.upper() for f in fam}
            cands.sort(
                key=lambda ev: (
                    0 if (not ev.families or {f.upper() for f in ev.families} & up) else 1
                )
            )
        if m.ref and len(cands) > 1:
            cands.sort(key=lambda ev: 1 if ev.bg_hint else 0)
        target = None
        if cands:
            key = _date_key(m.date) if m.date_inside else None
            if key is not None:
                for ev in cands:
                    if key in ev.inside_keys:
                        target = ev
                        break
            if target is None:
                target = cands[0]
        if m.strong and target is None:
            ev = _Joining(m, i, d)
            events.append(ev)
            recent.append(ev)
            # weak statements before it in the same or the previous sentence
            # («تعرض حقل غاز … إلى قصف صاروخي» before the sentence naming the field)
            for j in orphans:
                w = mentions[j]
                if (
                    m.sent.index - w.sent.index <= 1
                    and (not w.ref or w.claims)
                    and compatible(ev, w, derived[j])
                ):
                    ev.add(w, j, derived[j])
            orphans = []
        elif target is not None:
            if m.split and m.group is not None and any(x.group == m.group for x in target.mentions):
                events.append(_Joining(m, i, d))
                recent.append(events[-1])
            else:
                # a part of a split statement joining an event told before is one more
                # statement of it, not evidence of its own
                target.add(m, i, d, evidence=not m.split)
    return [ev.result() for ev in events]
