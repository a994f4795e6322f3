"""Perpetrators of a mention: the actors and nationality adjectives that did the attack.

:func:`actor_candidates` gives each candidate a priority (0: named as the agent, «من قبل X»;
1: qualifying the attack word or weapon, «غارة أميركية»; 2: subject of an attack verb) as an
:class:`ActorCand`; the finalize stage picks one per event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .record import Entity
from .spelling import ALEF as _ALEF
from .spelling import BA as _BA
from .spelling import BA_LAM_TATWEEL as _BA_LAM_TATWEEL
from .spelling import CLAUSE_MARKS
from .spelling import HEH as _HEH
from .spelling import LAM as _LAM
from .spelling import MEEM as _MEEM
from .spelling import TEH_MARBUTA as _TEH_MARBUTA
from .spelling import WAW as _WAW
from .words import word_set

__all__ = ["ActorCand", "AIR_COUNTRIES", "actor_candidates", "entity_of", "complementizer"]


#: States whose strikes are air strikes (their rockets and drones are aircraft munitions).
AIR_COUNTRIES = frozenset({"US", "TR", "IL", "RU", "GB", "FR"})
_STATE_TYPES = frozenset({"state", "coalition"})
# punctuation that separates an attack word or weapon from the actor after it
_PHRASE_BREAK = re.compile(f"[{CLAUSE_MARKS}.()]")


class ActorCand:
    """A perpetrator candidate with a priority (lower is stronger)."""

    __slots__ = (
        "entity",
        "priority",
        "state",
        "air",
        "nonstate",
        "actor_type",
        "start",
        "country",
        "adjective",
    )

    def __init__(
        self,
        entity,
        priority,
        state,
        air,
        nonstate,
        actor_type,
        start,
        country=None,
        adjective=False,
    ):
        self.entity = entity
        self.priority = priority
        self.state = state
        self.air = air
        self.nonstate = nonstate
        self.actor_type = actor_type
        self.start = start
        #: the state's country code, and whether it is named by an adjective («غارة إسرائيلية»)
        self.country = country
        self.adjective = adjective


def entity_of(ctx, h) -> tuple:
    """``(Entity, state, air, actor_type)`` for an actor or nationality hit."""
    text = ctx.text
    if h.cat == "actor":
        country = h.get("country")
        atype = h.get("actor_type") or ""
        state = atype in _STATE_TYPES
        air = state and (atype == "coalition" or country in AIR_COUNTRIES)
        ent = Entity(
            mention=text[h.start : h.end],
            start=h.start,
            end=h.end,
            id=h.id,
            name_ar=h.get("name_ar"),
            name_en=h.get("name_en"),
        )
        return ent, state, air, atype
    # nationality adjective: the state, unless it qualifies a non-state group word
    group = _group_before(ctx, h)
    if group is not None:
        ent = Entity(
            mention=text[group.start : h.end],
            start=group.start,
            end=h.end,
            id=None,
            name_ar=text[group.start : h.end],
            name_en=None,
        )
        return ent, False, False, "group_phrase"
    country = h.get("country")
    # «طائرات حربية روسية», «الطيران التركي»: the state's aircraft, named as written
    start = _aircraft_before(ctx, h)
    ent = Entity(
        mention=text[start : h.end],
        start=start,
        end=h.end,
        id=h.get("actor") or h.id,
        name_ar=h.get("name_ar"),
        name_en=h.get("name_en"),
    )
    return ent, True, country in AIR_COUNTRIES, "state"


def _aircraft_before(ctx, h) -> int:
    """Where the aircraft or drones a nationality adjective qualifies start («طائرات حربية
    روسية», «الطيران الحربي العراقي», «طائرة مسيرة تركية»), else where the adjective
    starts."""
    at = _epithet_start(ctx, h)
    for b in ctx.hits_in(max(0, at - 30), at):
        if (
            b.kind == "weapon"
            and (b.role == "aircraft" or b.role == "munition" and b.get("weapon") == "drone")
            and ctx.words.distance(b.end, at) <= 1
            and not _PHRASE_BREAK.search(ctx.text, b.end, at)
        ):
            return b.start
    return h.start


def _epithet_start(ctx, h) -> int:
    """Where «الاحتلال / العدو» right before a nationality adjective starts («للاحتلال
    التركي»), else where the adjective starts."""
    for b in ctx.hits_in(max(0, h.start - 16), h.start):
        if b.kind == "cue" and b.role == "epithet" and ctx.words.distance(b.end, h.start) <= 1:
            return b.start
    return h.start


def _group_before(ctx, h):
    for b in ctx.hits_in(max(0, h.start - 30), h.start):
        if b.kind == "cue" and b.role == "nonstate" and ctx.words.distance(b.end, h.start) <= 2:
            return b
    return None


def actor_candidates(
    ctx, s: int, e: int, anchors: Sequence, hits: list | None = None
) -> tuple[list, bool]:
    """Perpetrator candidates in ``text[s:e]`` (``hits``: its hits, when the caller has
    them) and whether an unknown agent is stated."""
    if hits is None:
        hits = ctx.hits_in(s, e)
    words = ctx.words
    ents = []  # actors and nationality adjectives
    heads = []  # attack words and weapons an actor may qualify
    agents = []  # «من قبل», «مصدره», «تقف خلفها» …
    performers = []  # «قام», «قامت» (… بـ + an attack word)
    unknown_cues = []  # «مجهولون», «لم تعرف الجهة» …
    voiding = []  # where a plan, habit or denial is stated
    for h in hits:
        kind = h.kind
        if kind == "actor" or kind == "nationality":
            ents.append(h)
        elif kind == "trigger" or kind == "weapon" and h.role in ("munition", "aircraft"):
            heads.append(h)
        elif kind == "cue":
            role = h.role
            if role == "agent":
                agents.append(h)
            elif role == "performed":
                performers.append(h)
            elif role == "unknown_agent":
                unknown_cues.append(h)
            elif role in ("plan", "habitual", "denial"):
                voiding.append(h.start)
    unknown = False
    for h in unknown_cues:
        if any(0 <= words.distance(t.end, h.start) <= 2 for t in heads if t.end <= h.start):
            unknown = True
    if not ents:
        return [], unknown
    out: list[ActorCand] = []

    def add(h, prio):
        ent, state, air, atype = entity_of(ctx, h)
        adjective = h.kind == "nationality" and atype == "state"
        out.append(
            ActorCand(ent, prio, state, air, not state, atype, h.start, h.get("country"), adjective)
        )

    first_anchor = anchors[0].start if anchors else s
    text = ctx.text
    # «أسقط التنظيم مروحية للجيش العراقي»: the verb that brings a manned aircraft down has
    # the attacker as subject; the aircraft and its nationality are the target
    # («سقطت المروحية»: the aircraft fell; any aircraft's nationality there is the target's)
    downing = [t for t in anchors if t.kind == "outcome" and t.sense == "down"]
    fell = [t for t in anchors if t.kind == "trigger" and t.role == "impact"]
    downed = [
        w
        for w in heads
        if w.kind == "weapon"
        and w.role == "aircraft"
        and (
            any(d.end <= w.start and words.distance(d.end, w.start) <= 10 for d in downing)
            or any(f.end <= w.start and words.distance(f.end, w.start) <= 1 for f in fell)
        )
    ]
    if not downed:
        downing = []
    for h in ents:
        if h.kind == "nationality" and (
            _qualifies_a_source(text, h.start) or _nisba_of_a_name(text, h.start)
        ):
            # «وسائل إعلام عراقية», «مصادر أمنية عراقية», «مسؤول أمريكي»: who reports;
            # «أبو حمزة العراقي»: a person's name
            continue
        # «من قبل X», «مصدره X», «شنه X», «يعتقد أنها أمريكية»
        if agents and any(
            a.end <= h.start
            and (words.distance(a.end, h.start) <= 3 or _members_of(ctx, a.end, h.start))
            and not any(first_anchor < v < a.start for v in voiding)
            for a in agents
        ):
            add(h, 0)
            continue
        # «قامت X (قبل أيام) بتنفيذ اعتداء», «قام الطيران … باستهداف»
        if performers and _performs_attack(ctx, performers, heads, h):
            add(h, 0)
            continue
        # «X تقف خلفها»
        if agents and any(
            a.sense == "behind" and a.start >= h.end and words.distance(h.end, a.start) <= 1
            for a in agents
        ):
            add(h, 0)
            continue
        # nationality or actor right after an attack noun or weapon: «غارة أميركية»,
        # «طائرة مسيرة تركية», «كمين لتنظيم داعش», «قصف أمريكا»
        # («طائرة مسيرة للاحتلال التركي»: the epithet between is part of the name)
        at = _epithet_start(ctx, h) if h.kind == "nationality" else h.start
        prev = _prev_head(heads, at, words)
        if downed and prev is not None and prev.kind == "weapon" and prev.role == "aircraft":
            continue
        if any(
            (h.start >= d.end and words.distance(d.end, h.start) <= 2)
            or (h.end <= d.start and words.distance(h.end, d.start) <= 3)
            for d in downing
        ):
            add(h, 2)
            continue
        if prev is not None and prev.kind in ("trigger", "weapon") and _attached(ctx, prev, h):
            if (
                prev.kind == "weapon"
                and (h.kind == "nationality" or _lam_prefixed(ctx.text, h.start))
                or prev.kind == "trigger"
                and prev.role in ("noun", "verbnoun", "dual")
            ):
                # «طائرة مسيرة تركية», «طائرة مسيرة للاحتلال التركي» (the weapon's owner
                # on «لـ»; «صواريخ القوات الأمريكية» may be their target)
                add(h, 1)
                continue
        # subject of an attack verb: before it («إسرائيل شنت») or right after («شنت القوات»)
        for t in anchors:
            if t.kind != "trigger" or t.role not in ("verb", "verbnoun"):
                continue
            if t.get("event_type") == "armed_clash":
                continue
            # «الحرس الثوري قصف …»: a verbal noun right after its subject is the verb
            sv_limit = 3 if t.role == "verb" else 1
            if h.end <= t.start and words.distance(h.end, t.start) <= sv_limit:
                if (
                    not _between_blocks(ctx, h.end, t.start)
                    and _attached(ctx, h, t)
                    and not complementizer(ctx.text, h.end, t.start)
                ):
                    add(h, 2)
                    break
            if (
                h.start >= t.end
                and (words.distance(t.end, h.start) <= 2 or _members_of(ctx, t.end, h.start))
                and not _subject_before(ctx, heads, t)
            ):
                members = _members_of(ctx, t.end, h.start)
                if (
                    (members or not _between_blocks(ctx, t.end, h.start))
                    and _attached(ctx, t, h)
                    and not _lam_prefixed(ctx.text, h.start)
                ):
                    add(h, 2)
                    break
    out.sort(key=lambda c: (c.priority, c.start))
    return out, unknown


# nouns of reporters and officials: a nationality after them names who speaks
_SOURCES = word_set("actors.sources")


def _qualifies_a_source(text: str, pos: int) -> bool:
    """Whether the word before ``pos`` is a reporter or official noun («مصادر …»)."""
    before = text[max(0, pos - 20) : pos].split()
    if not before:
        return False
    w = before[-1].strip('«»"“”()')
    w = w[1:] if w.startswith(_WAW) and w[1:] in _SOURCES else w
    return w in _SOURCES or w.replace(_HEH, _TEH_MARBUTA) in _SOURCES


# «هاجم عناصر من تنظيم داعش», «شن مسلحون من الحزب»: members of the group as subject
_MEMBERS = word_set("actors.members")


def _members_of(ctx, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is only «عناصر من», «مسلحون من», «خلية تابعة لـ», or members
    tied to their group by a membership cue («مسلحون يتبعون لخلايا», «تابعون للتنظيم»)."""
    gap = list(re.finditer(r"\S+", ctx.text[a:b]))
    if not gap or len(gap) > 4:
        return False
    ties = [h for h in ctx.hits_in(a, b) if h.kind == "cue" and h.role == "membership"]
    if len(gap) > 3 and not ties:
        return False
    return all(
        w.group() in _MEMBERS
        or any(t.start <= a + w.start() and a + w.end() <= t.end for t in ties)
        for w in gap
    )


_THAT = word_set("actors.that")


def complementizer(text: str, a: int, b: int) -> bool:
    """«وأكد الجيش الأميركي أن فصائل أطلقت …»: «أن» opens a clause with its own subject."""
    return any(w in _THAT for w in text[a:b].split())


# «أبو», «أبي»: a kunya, the first word of a name («أبو حمزة العراقي»)
_KUNYA = word_set("actors.kunya")


def _nisba_of_a_name(text: str, pos: int) -> bool:
    """«أبو حمزة العراقي»: a nationality adjective ending a kunya is part of a name."""
    before = text[max(0, pos - 30) : pos].split()[-2:]
    return len(before) == 2 and before[0].strip('«»"“”(') in _KUNYA


def _lam_prefixed(text: str, pos: int) -> bool:
    """«استهدف موقعاً للجيش العراقي»: a name after «لـ» owns the object, it is no subject."""
    i = pos
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in CLAUSE_MARKS + '(«“"':
        i -= 1
    return _LAM in text[i:pos]


def _attached(ctx, head, h) -> bool:
    """«غارة أميركية», «كمين لتنظيم داعش»: no punctuation and no «و» between."""
    text = ctx.text
    gap = text[head.end : h.start]
    # «مسلحي تنظيم (داعش) هاجموا»: parentheses around a name do not break the phrase
    gap = gap.strip()
    if gap.startswith(")"):
        gap = gap[1:]
    if gap.endswith("("):
        gap = gap[:-1]
    if _PHRASE_BREAK.search(gap):
        return False
    i = h.start - 1
    while i > head.end and text[i] in _BA_LAM_TATWEEL:
        i -= 1
    # a proclitic «و» on the second word starts a new phrase («… بصواريخ، والتحالف»)
    return not (text[i] == _WAW and (i == 0 or text[i - 1].isspace()))


def _performs_attack(ctx, performers: list, heads: list, h) -> bool:
    """Whether ``h`` is the subject of «قام» (up to four words after it) whose object is an
    attack told with «بـ» («قامت إسرائيل قبل أيام بتنفيذ اعتداء», «قام الطيران باستهداف»):
    an attack noun at most five words after ``h``, a word on «بـ» between them or on it."""
    words = ctx.words
    text = ctx.text
    if not any(p.end <= h.start and words.distance(p.end, h.start) <= 4 for p in performers):
        return False
    for t in heads:
        if t.kind != "trigger" or t.role not in ("noun", "verbnoun") or t.start < h.end:
            continue
        if words.distance(h.end, t.start) > 5 or _between_blocks(ctx, h.end, t.start):
            continue
        between = text[h.end : t.start].split()
        if text[t.start - 1 : t.start] == _BA or any(w.startswith(_BA) for w in between):
            return True
    return False


def _subject_before(ctx, heads: list, verb) -> bool:
    """Whether an attack noun or a weapon stands as the subject right before an attack verb
    («هجوم بطائرة مسيرة استهدف القوات …»): then the name after the verb is its object, the
    target, not the perpetrator. A verb carrying an object pronoun («أطلقتها الفصائل») has
    its subject after it."""
    if _object_pronoun(verb.name):
        return False
    words = ctx.words
    return any(
        t.end <= verb.start
        and (t.kind == "weapon" or t.role in ("noun", "verbnoun", "dual"))
        and words.distance(t.end, verb.start) <= 4
        and not _between_blocks(ctx, t.end, verb.start)
        and _attached(ctx, t, verb)
        for t in heads
    )


def _object_pronoun(verb: str) -> bool:
    """Whether a verb ends with an object pronoun («استهدفتها», «أطلقته», «استهدفتهم»)."""
    return verb.rstrip(_ALEF + _MEEM).endswith(_HEH)


def _prev_head(heads, start: int, words):
    """The last head (in text order) ending before ``start`` within one word of it."""
    for t in reversed(heads):
        if t.end <= start and words.distance(t.end, start) <= 1:
            return t
    return None


def _between_blocks(ctx, a: int, b: int) -> bool:
    for h in ctx.hits_in(a, b):
        if h.cat == "place" or h.kind in ("trigger", "casualty", "person"):
            return True
        if h.kind == "placetype" and h.role == "site":
            return True
    return False
