"""The finalize stage: each merged event decided and written as an :class:`Event` record.

Input: the :class:`~rasid.events.merge.EventGroup` s of a document (the merge's output),
its free claims (:func:`rasid.events.claims.free_claims`) and the sentences that hold a
mention. Output: :class:`~rasid.events.record.Event` records, in order of first mention.

In order: the actor and the claimant of each event (a claim in its sentences, a claim
sentence after it, a group announcing its own attack), the type and weapon (the type stage,
:mod:`rasid.events.typing_stage`), a date carried over from the attack told before («كما
تعرضت …»), background (an event before the news), and the events dropped (a blast with no
violence told, an attack word with no violence at all); then the record: evidence, location,
counts, outcome, target, confidence. Each decision is a named rule (``stage = "finalize"``).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Any

from ..text import normalize
from . import counts as _counts
from .context import Context, opens_at
from .merge import EventGroup
from .places import place_candidates, place_rank, to_place
from .record import Count, Entity, Event, Evidence, event_id
from .rules import decision, predicate
from .slots import GROUP_ANAPHORS, SIMILAR
from .spelling import AL as _AL
from .spelling import ALEF as _ALEF
from .spelling import ALEF_HAMZA as _ALEF_HAMZA
from .spelling import ALEF_HAMZA_BELOW as _ALEF_HAMZA_BELOW
from .spelling import LAM as _LAM
from .spelling import PROCLITICS
from .spelling import WAW as _WAW
from .typing_stage import decide_type
from .words import word_set, words

__all__ = ["EventDraft", "finalize"]


_ANAPHOR_AFTER = words("finalize.anaphor_after")


# an unresolved relative day: «أمس» (hamza folded) is the day before the news, unless it is
# «ليلة أمس» (the night that ends on the news day)
_YESTERDAY = words("finalize.yesterday")
_NIGHT = words("finalize.night")


def _day_value(ctx: Context, d) -> Any:
    """A comparable day of a date mention: an int (days from publication), ``("wd", n)``
    for a weekday without publication date, or ``None``."""
    if d is None:
        return None
    pub = ctx.published
    if d.date is not None and d.precision == "day" and pub is not None:
        return (_dt.date.fromisoformat(d.date) - pub).days
    t = d.text.replace(_ALEF_HAMZA, _ALEF).replace(_ALEF_HAMZA_BELOW, _ALEF)
    if d.kind == "relative_day":
        if any(w in t for w in _YESTERDAY) and not any(w in t for w in _NIGHT):
            return -1
        return 0
    if d.kind == "weekday" and d.weekday is not None:
        return ("wd", d.weekday)
    return None


class EventDraft:
    """One merged event while it is finalized: its group (the merge's output, unchanged) and
    the decisions made on it, in order (the finalize and type predicates read it)."""

    __slots__ = (
        "group",
        "mentions",
        "first_sentence",
        "bg_hint",
        "same_day",
        "date",
        "date_inside",
        "actor_cand",
        "claim",
        "type",
        "weapon",
        "background",
    )

    def __init__(self, group: EventGroup):
        self.group = group
        self.mentions = group.mentions
        self.first_sentence = group.first_sentence
        self.bg_hint = group.bg_hint
        self.same_day = group.same_day
        # the group's date, unless the event shares the time of the one told before it
        self.date = group.date
        self.date_inside = group.date_inside
        # the perpetrator and the claimant (:class:`~rasid.events.actors.ActorCand`)
        self.actor_cand: Any = None
        self.claim: Any = None
        self.type = "other_attack"
        self.weapon: str | None = None
        self.background = False


def finalize(
    ctx: Context, groups: list[EventGroup], doc_id: str | None, free_claims: list, mentioned: set
) -> list[Event]:
    """Typed :class:`Event` records from merged mention groups (``free_claims``: the claim
    sentences reporting no attack of their own; ``mentioned``: the indexes of the sentences
    holding a mention)."""
    text = ctx.text
    events = [EventDraft(g) for g in groups]
    # actor and claimant first: they decide the type
    claim_state = _claims(events, free_claims)
    prev: Any = None
    for ev in events:
        _pick_actor(ev, claim_state.get(id(ev)))
        if _decide(ctx, "finalize.actor_of_group_before", ev, prev) or _decide(
            ctx, "finalize.actor_of_weapons_before", ev, prev
        ):
            ev.actor_cand = prev.actor_cand
        prev = ev
    prev = None
    for ev in events:
        ev.type, ev.weapon, rule = decide_type(ctx, ev)
        _fire_on(ctx, rule.id, ev, f"{ev.type}, weapon {ev.weapon}")
        if _decide(ctx, "finalize.type_of_similar_attack", ev, prev):
            ev.type, ev.weapon = prev.type, prev.weapon
        prev = ev
    prev = None
    for ev in events:
        if ev.date is None and prev is not None and prev.date is not None and _also(ctx, ev):
            # «كما تعرضت قاعدة … إلى قصف»: the same evening as the attack told before
            ev.date, ev.date_inside = prev.date, prev.date_inside
        prev = ev
    _background(ctx, events)
    out = []
    for ev in events:
        if _decide(ctx, "finalize.bombing_by_blast", ev, None):
            ev.type, ev.weapon = "ied_attack", None
        elif _decide(ctx, "finalize.drop.harmless_blast", ev, None) or _decide(
            ctx, "finalize.drop.not_violent", ev, None
        ):
            continue
        out.append(_record(ctx, ev, doc_id, text, mentioned))
    return out


def _fire_on(ctx: Context, rule_id: str, ev, note: str = "") -> None:
    """Trace a decision about merged event ``ev`` on its first anchor."""
    if ctx.trace is not None:
        anchor = ev.mentions[0].anchors[0]
        ctx.fire(rule_id, anchor.start, anchor.end, note)


def _decide(ctx: Context, rule_id: str, ev, prev) -> bool:
    """Whether the finalize rule ``rule_id`` holds for ``ev`` (``prev``: the event before
    it, or ``None``), traced when it does."""
    holds = decision(rule_id)(ctx, ev, prev)
    if holds:
        _fire_on(ctx, rule_id, ev)
    return holds


@predicate("group_anaphor_after_group")
def _group_anaphor_after_group(ctx: Context, ev, prev) -> bool:
    """«شن التنظيم هجوماً آخر»: the group named for the attack before."""
    return (
        ev.actor_cand is None
        and ev.claim is None
        and prev is not None
        and prev.actor_cand is not None
        and prev.actor_cand.nonstate
        and _group_anaphor(ctx, ev)
    )


@predicate("same_weapons_after_state")
def _same_weapons_after_state(ctx: Context, ev, prev) -> bool:
    """«طائرات مسيرة تركية استهدفت سيارة … الطائرات المسيرة استهدفت أيضاً موقعاً»: the
    weapons named again with the article are the state's named for the attack before."""
    if ev.actor_cand is not None or ev.claim is not None or prev is None:
        return False
    if prev.actor_cand is None or not prev.actor_cand.state:
        return False
    before = {w.get("weapon") for m in prev.mentions for w in m.weapons if w.kind == "weapon"}
    words, text = ctx.words, ctx.text
    for m in ev.mentions:
        for w in m.weapons:
            if not (
                w.kind == "weapon"
                and w.definite
                and w.get("weapon") in ("drone", "aircraft")
                and w.get("weapon") in before
            ):
                continue
            # the subject of the attack verb («الطائرات المسيرة استهدفت»), or marked as the
            # same («نفذت الطائرات ذاتها غارة»)
            nxt = text[w.end : w.end + 12].split(maxsplit=1)
            if (nxt and nxt[0] in _ANAPHOR_AFTER) or any(
                t.kind == "trigger"
                and t.role == "verb"
                and w.end <= t.start
                and words.distance(w.end, t.start) <= 1
                for t in m.anchors
            ):
                return True
    return False


@predicate("similar_attack")
def _similar_attack(ctx: Context, ev, prev) -> bool:
    """«وتعرض رتل آخر إلى هجوم مماثل»: an attack like the one just reported."""
    return ev.type == "other_attack" and prev is not None and _similar(ctx, ev)


@predicate("deadly_blast")
def _deadly_blast(ctx: Context, ev, prev) -> bool:
    """«قتل ثلاثة بانفجار في سوق»: an explosion that kills or wounds, with no accident
    named, is reported as a bombing; the device is not named."""
    return ev.type == "other_attack" and _blast_only(ev) and _bombing(ctx, ev)


@predicate("harmless_blast")
def _harmless_blast(ctx: Context, ev, prev) -> bool:
    if not _blast_only(ev):
        return False
    if ev.type == "other_attack":
        return not _bombing(ctx, ev)
    # «انفجر محول كهربائي … أمام مساكن إدارة المدفعية»: what blew up is named, so a weapon
    # word elsewhere in the sentence (a building's name) makes no shelling of it
    return _accident_named(ctx, ev)


@predicate("not_violent")
def _not_violent(ctx: Context, ev, prev) -> bool:
    # a weapon named (a shooting typed other_attack) is violence
    return (
        ev.type == "other_attack" and ev.weapon is None and not _blast_only(ev) and not _violent(ev)
    )


def _also(ctx: Context, ev) -> bool:
    """Whether the event is first told in a clause opening with «كما» (cue ``pos`` also):
    one more attack of the report before, at its time."""
    m = ev.mentions[0]
    for h in ctx.hits_in(m.start, m.anchors[0].start):
        if h.kind == "cue" and h.get("pos") == "also":
            return opens_at(ctx, m.start, h.start)
    return False


def _group_anaphor(ctx: Context, ev) -> bool:
    """Whether «التنظيم / الجماعة» is the subject of an attack verb of the event: right after
    it, or up to two words before it («وكان التنظيم قد شن هجوماً»)."""
    text = ctx.text
    for m in ev.mentions:
        for t in m.anchors:
            if t.kind == "trigger" and t.role == "verb":
                nxt = text[t.end : t.end + 12].split(maxsplit=1)
                if nxt and nxt[0].lstrip(_WAW) in GROUP_ANAPHORS:
                    return True
                before = text[max(m.sent.start, t.start - 24) : t.start].split()[-2:]
                if any(w.lstrip(_WAW) in GROUP_ANAPHORS for w in before):
                    return True
    return False


def _similar(ctx: Context, ev) -> bool:
    """Whether an attack noun of the event is qualified «مماثل / مشابه» («هجوم مماثل»)."""
    text = ctx.text
    for m in ev.mentions:
        for t in m.anchors:
            if t.kind == "trigger" and t.role in ("noun", "verbnoun"):
                nxt = text[t.end : t.end + 12].split(maxsplit=1)
                if nxt and nxt[0].startswith(SIMILAR):
                    return True
    return False


_BLAST_WORDS = words("finalize.blast_words")


def _alternatives(name: str) -> str:
    """The words of list ``name`` as a regular-expression alternation."""
    return "|".join(re.escape(w) for w in words(name))


# what blew up by accident, named right after the blast word («انفجار أسطوانة غاز»,
# «انفجار مولدة كهربائية», «انفجار خزان وقود»), normalized, after clitics and the article
# («داخل مستودع», «في خزان»: a preposition may come first; «غاز» as a whole word only)
_ACCIDENT_AT = _alternatives("finalize.accident_at")
_ACCIDENT_OBJECT = re.compile(
    f"^(?:(?:{_ACCIDENT_AT}) )?[{PROCLITICS}]?(?:{_AL}|{_LAM})?(?:"
    + _alternatives("finalize.accident_objects")
    + "|"
    + "|".join(re.escape(w) + r"\b" for w in words("finalize.accident_whole_words"))
    + ")"
)


# accident cues anywhere in the sentence: war remnants, dismantling, fireworks, a short
# circuit, a gas leak, an accidental blast
_ACCIDENT_CUES = re.compile(
    f"(?:^|\\s)[{PROCLITICS}]?(?:{_AL}|{_LAM})?(?:" + _alternatives("finalize.accident_cues") + ")"
)


def _blast_only(ev) -> bool:
    """Whether every attack word of the event is a plain blast word («انفجار», «انفجرت»)."""
    triggers = [t for m in ev.mentions for t in m.anchors if t.kind == "trigger"]
    return bool(triggers) and all(t.name in _BLAST_WORDS for t in triggers)


@functools.lru_cache(maxsize=8)
def _names_an_accident(text: str) -> bool:
    """Whether an article names an accident cue anywhere (a gas leak, war remnants, a short
    circuit …): its plain blasts are accidents, not bombings."""
    return _ACCIDENT_CUES.search(normalize(text)) is not None


def _bombing(ctx: Context, ev) -> bool:
    """A blast with no device named is a bombing when it killed or wounded someone and no
    accident is named: what blew up («انفجار أسطوانة غاز», «انفجار مولدة») or how
    («أثناء تفكيك مخلفات حربية», «تماس كهربائي»)."""
    if not any(c.max != 0 for m in ev.mentions for c in m.killed + m.wounded):
        # («ولم يسفر عن سقوط قتلى أو جرحى»: nobody hurt)
        return False
    return not _accident_named(ctx, ev)


def _accident_named(ctx: Context, ev) -> bool:
    """Whether what blew up is named as an accident: right after a blast word («انفجار
    أسطوانة غاز», «انفجر محول كهربائي»), or anywhere in the article («انفجار بأحد المنازل
    بسبب تسريب باسطوانة الغاز» in the headline over «حدث انفجار» in the body)."""
    text = ctx.text
    if _names_an_accident(text):
        return True
    return any(
        t.kind == "trigger" and _ACCIDENT_OBJECT.match(normalize(text[t.end : t.end + 40]).strip())
        for m in ev.mentions
        for t in m.anchors
    )


def _violent(ev) -> bool:
    """An attack with no weapon and no fighting named must still be violence: a death or
    injury (or a stated none), an arson or assassination word, a group's claim, or armed
    men. «شن هجوماً لاذعاً على الحكومة» or «انفجار إطار شاحنة» is not an event."""
    triggers = [t for m in ev.mentions for t in m.anchors if t.kind == "trigger"]
    if any(t.get("event_type") == "other_attack" for t in triggers):
        return True
    if ev.claim is not None and not ev.claim.state:
        # «تبنت جماعة … الهجوم»: a group owning an attack
        return True
    if triggers and all(t.name in _BLAST_WORDS for t in triggers):
        return False
    if any(m.killed or m.wounded or m.none for m in ev.mentions):
        return True
    return any(h.kind == "person" and h.sense == "gunmen" for m in ev.mentions for h in m.anchors)


def _claims(events: list, free_claims: list) -> dict:
    """Claimants per event: a claim in the event's own sentences, a continued statement
    («وأضافت أن مجاهديها …»), or a claim sentence about the attacks just reported."""
    result: dict[int, Any] = {}
    last_claim = None
    free = list(free_claims)
    for ev in events:
        for m in ev.mentions:
            if m.claims and not m.claim_negated:
                result[id(ev)] = m.claims[0]
                last_claim = (m.sent.index, m.claims[0])
                # «وتبنت … الهجومين»: the claim covers the attacks just reported
                if m.ref and any(t.role == "dual" for t in m.anchors):
                    free.append((m.sent.index, m.claims[0], True, False))
            elif m.continues and last_claim is not None and m.sent.index - last_claim[0] <= 2:
                result.setdefault(id(ev), last_claim[1])
    for sent_idx, claim, dual, negated in free:
        if negated:
            continue
        prior = [
            ev
            for ev in events
            if ev.first_sentence < sent_idx
            and not ev.bg_hint
            and (id(ev) not in result or result[id(ev)] is claim)
        ]
        if not prior:
            # «أعلن التنظيم مسؤوليته عن الهجوم الانتحاري …» before the sentence telling it
            after = [
                ev
                for ev in events
                if sent_idx < ev.first_sentence <= sent_idx + 2
                and not ev.bg_hint
                and id(ev) not in result
            ]
            if after and not any(ev.first_sentence < sent_idx for ev in events):
                result[id(after[0])] = claim
            continue
        prior = prior[-2:] if dual else prior[-1:] if not dual else prior
        for ev in prior:
            result[id(ev)] = claim
    return result


_ITS = words("finalize.its")


def _pick_actor(ev, claim) -> None:
    cands = [c for m in ev.mentions for c in m.actors]
    unknown = any(m.unknown_agent for m in ev.mentions)
    best = None
    if cands:
        head = {id(c) for m in ev.mentions if m.sent.headline for c in m.actors}
        best = min(cands, key=lambda c: (c.priority, id(c) in head, c.start))
        if best.adjective:
            # «شن الجيش الإسرائيلي … غارة إسرائيلية»: the state or its forces named as a noun
            # are the actor as the text states it, not the adjective
            nouns = [c for c in cands if c.state and not c.adjective and c.country == best.country]
            if nouns:
                best = min(nouns, key=lambda c: (c.priority, id(c) in head, c.start))
    if unknown and (best is None or best.priority > 0):
        best = None
    ev.claim = None
    if claim is not None:
        if claim.state:
            if best is None or best.priority > 1:
                best = claim
        else:
            ev.claim = claim
            if best is not None and not best.state:
                best = None
    elif best is not None and not best.state and best.actor_type != "group_phrase":
        # a group announcing its own attack («أعلنت المقاومة … استهدف مجاهدوها») claims it
        if any(best.entity.id in m.announce for m in ev.mentions):
            ev.claim = best
            best = None
    if best is not None and ev.claim is not None and best.entity.id == ev.claim.entity.id:
        best = None
    if best is None and ev.claim is None:
        # «قالت جماعة X إنها نفذت هجوماً …»: the group announcing the attack claims it
        for m in ev.mentions:
            for c in m.announcers:
                if not c.state:
                    ev.claim = c
                    break
            if ev.claim is not None:
                break
    if best is None and ev.claim is None:
        # «قالت وزارة الدفاع التركية إن طائراتها دمرت …», «إن قواتها ضربت …»: a state
        # announcing what «its» aircraft or forces did is the actor
        for m in ev.mentions:
            if any(c.state for c in m.announcers) and (
                m.own_forces or any(w.kind == "weapon" and w.name.endswith(_ITS) for w in m.weapons)
            ):
                best = next(c for c in m.announcers if c.state)
                break
    ev.actor_cand = best


def _background(ctx: Context, events: list) -> None:
    # the event of the article's own news: the first one stated in the body
    lead = None
    for ev in events:
        if not ev.bg_hint and any(not m.sent.headline for m in ev.mentions):
            lead = ev
            break
    ref = None
    if lead is not None:
        ref = _day_value(ctx, lead.date) if lead.date_inside else None
        if ref is None and (lead.date is None or not lead.date_inside):
            ref = 0
    prev_bg = False
    for ev in events:
        bg = ev.bg_hint
        d = ev.date if ev.date_inside else None
        if not bg and ev is not lead and d is not None:
            if d.kind == "explicit" and (d.precision == "day" or d.date is None):
                if ctx.published is not None and d.date is not None:
                    bg = (_dt.date.fromisoformat(d.date) - ctx.published).days < -1
                elif d.weekday is None:
                    bg = True
            elif d.kind in ("month", "year", "period") and d.date is not None:
                bg = True
            else:
                v = _day_value(ctx, d)
                if v is not None and ref is not None:
                    if isinstance(v, int) and isinstance(ref, int):
                        bg = v < ref
                    elif isinstance(v, tuple) and isinstance(ref, tuple):
                        bg = v != ref
                    elif isinstance(v, tuple) and isinstance(ref, int):
                        bg = True
        why = "finalize.background.cue" if ev.bg_hint else "finalize.background.earlier_date"
        if ev.same_day and not bg and prev_bg:
            bg, why = True, "finalize.background.same_day_as_before"
        ev.background = bool(bg)
        if bg:
            _fire_on(ctx, why, ev)
        prev_bg = ev.background


def _record(ctx: Context, ev, doc_id: str | None, text: str, mentioned: set) -> Event:
    ms = ev.mentions
    # evidence: the anchored clauses, in text order, without duplicates
    spans = sorted(set(ev.group.evidence))
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    evidence = tuple(Evidence(a, b, text[a:b]) for a, b in merged)
    # location: the most specific place of the event
    loc = None
    best_key = None
    for order, m in enumerate(ms):
        if m.best_place is None:
            continue
        h = m.best_place[0]
        key = (place_rank(h) + (2 if m.sent.headline else 0), order, h.start)
        if best_key is None or key < best_key:
            best_key = key
            loc = h
    if loc is None or place_rank(loc) >= 6:
        loc = _context_place(ctx, ev, loc, mentioned) or loc
    launch = None
    for m in ms:
        if m.launch:
            launch = m.launch[0][0]
            break
    et = ev.type
    muni_cands = [c for m in ms for c in m.munitions]
    if et == "air_strike":
        # «ألقى الطيران براميل متفجرة»: bombs dropped are counted like any salvo; drones
        # named as the striking aircraft are no count
        muni_cands = [c for c in muni_cands if not c.vague or _dropped_plural(ctx, c)]
    implied = et in ("drone_attack", "ied_attack", "rocket_attack", "missile_attack", "shelling")
    munitions = _counts.combine(muni_cands, None, text, allow_implied=implied, vague_opens=False)
    none = next((m.none for m in ms if m.none), None)
    killed = _counts.combine([c for m in ms for c in m.killed], none, text)
    if killed is None:
        killed = _assassinated(ctx, ms)
    wounded = _counts.combine([c for m in ms for c in m.wounded], none, text)
    d = ev.date
    date = d.date if d is not None else None
    precision = d.precision if d is not None and d.date is not None else None
    date_text = d.text if d is not None else None
    outcome = next((m.outcome for m in ms if m.outcome == "intercepted"), None) or next(
        (m.outcome for m in ms if m.outcome), None
    )
    actor = ev.actor_cand.entity if ev.actor_cand is not None else None
    claimed = ev.claim.entity if ev.claim is not None else None
    accused: list[Entity] = []
    seen = set()
    for m in ms:
        for a in m.accused:
            if a.mention not in seen:
                seen.add(a.mention)
                accused.append(a)
    target = next((m.target for m in ms if m.target), None)
    strong = sum(1 for m in ms if m.strong)
    conf = 0.45 + 0.1 * min(strong, 3)
    if loc is not None and place_rank(loc) <= 3:
        conf += 0.1
    if munitions is not None or killed is not None or wounded is not None:
        conf += 0.05
    if all(m.sent.headline for m in ms):
        conf -= 0.15
    conf = round(max(0.1, min(conf, 0.95)), 2)
    eid = event_id(doc_id, et, evidence)
    return Event(
        event_id=eid,
        doc_id=doc_id,
        event_type=et,
        date=date,
        date_precision=precision,
        date_text=date_text,
        location=to_place(loc, text) if loc is not None else None,
        outcome=outcome,
        launch_location=to_place(launch, text) if launch is not None else None,
        weapon=ev.weapon,
        munitions=munitions,
        killed=killed,
        wounded=wounded,
        actor=actor,
        claimed_by=claimed,
        accused=tuple(accused),
        target=target,
        background=ev.background,
        confidence=conf,
        evidence=evidence,
        rules=() if ctx.trace is None else _traced_rules(ctx, ev, eid),
    )


def _traced_rules(ctx: Context, ev, eid: str) -> tuple[str, ...]:
    """The ids of the rules that fired inside the mentions of ``ev``, in firing order
    (each once); the firings are kept under the event's id in the trace."""
    assert ctx.trace is not None  # called only when the rules are traced
    spans = [(m.start, m.end) for m in ev.mentions]
    mine = [f for f in ctx.trace.firings if any(a <= f.start < b for a, b in spans)]
    ctx.trace.by_event[eid] = mine
    return tuple(dict.fromkeys(f.rule for f in mine))


_AIR_DROPPED = frozenset({"aircraft", "missile", "rocket"})


def _dropped_plural(ctx: Context, c) -> bool:
    """Whether the vague munition count ``c`` is a bare plural of bombs or missiles dropped
    or fired by aircraft, with or without the article (not drones, not shells)."""
    if c.tier > 4 or c.start is None:
        return False
    return any(
        h.kind == "weapon" and h.role == "munition" and h.get("weapon") in _AIR_DROPPED
        for h in ctx.hits_in(c.start, c.start + 1)
    )


# «لم», «لن», «محاولة» right before an assassination verb: it was not carried out
_NOT_CARRIED_OUT = word_set("finalize.not_carried_out")


def _assassinated(ctx: Context, ms: list):
    """«اغتال مسلحون مختار القرية», «اغتيل ناشط»: an assassination carried out kills one
    when no figure is given (not «محاولة اغتيال», not a denied one)."""
    text = ctx.text
    for m in ms:
        for t in m.anchors:
            if t.kind != "trigger" or t.sense != "assassinate":
                continue
            before = text[max(0, t.start - 20) : t.start].split()[-1:]
            if before and before[0].lstrip(_WAW) in _NOT_CARRIED_OUT:
                continue
            return Count(1, 1, text=text[t.start : t.end], start=t.start, end=t.end)
    return None


def _context_place(ctx: Context, ev, loc, mentioned: set):
    """An event placed only in a country («في سوريا», «على الحدود العراقية السورية») takes
    the most specific place of a neighbouring sentence that reports no event of its own
    («وتنتشر القوات … بين مدينتي البوكمال والميادين»)."""
    country = loc.get("country") if loc is not None else None
    idx = {m.sent.index for m in ev.mentions}
    best = None
    for i in sorted(idx):
        for j in (i + 1, i - 1):
            if j in idx or j < 0 or j >= len(ctx.sentences) or j in mentioned:
                continue
            sent = ctx.sentences[j]
            hits = ctx.hits_in(sent.start, sent.end)
            if any(h.kind == "trigger" for h in hits):
                continue
            places, _ = place_candidates(ctx, sent.start, sent.end, sent)
            for h, _r in places:
                if country and h.get("country") != country:
                    continue
                if place_rank(h) <= 3 and (best is None or h.start < best.start):
                    best = h
            if best is not None:
                return best
    return None
