"""The type stage: an event's ``(event_type, weapon)`` by the ``type`` rules of the rules file.

Input: a merged event as the finalize stage holds it (its mentions, actor and claimant: an
:class:`~rasid.events.finalize.EventDraft`). Output: ``(event_type, weapon, rule)``.

The type rules are a decision list: the first whose pattern holds decides. A pattern reads
the facts of the merged event (:class:`TypeFacts`: the weapons named, the event types its
attack words suggest, what the actor and claimant are, the senses of its anchors) and, for
the decisions that are code, a named predicate (``predicate(ctx, event) -> bool``).

Pattern keys of a type rule (all optional, all must hold):

``weapons``      every one of these weapons is named
``any_weapon``   at least one of these weapons is named
``no_weapon``    none of these weapons is named
``hint``         an attack word suggests one of these event types
``no_hint``      no attack word suggests any of these event types
``anchor_hint``  an attack word that anchors the event suggests one of these types
``no_anchor_hint`` no anchoring attack word suggests any of these types (an attack word
                 of the setting, «وسط اشتباكات», does not count)
``actor``        the actor has every one of these flags (``state``, ``nonstate``, ``air``,
                 ``not_state``: an actor that is not a state)
``not_actor``    the actor has none of these flags
``claim``        the claimant has every one of these flags
``anchor_sense`` an anchor of the event has this sense (:data:`rasid.events.lexicon.SENSES`)
``no_anchor_sense`` no anchor of the event has any of these senses
``cue``          a cue word of one of these roles stands in one of the event's mentions
``predicate``    a named predicate holds

``then`` gives the ``type`` and the ``weapon``: a weapon value, ``null`` (omitted), ``$projectile``
(the most specific projectile named: ballistic missile, missile, Katyusha, rocket) or
``$guided`` (the same, with a plain rocket read as a missile: a projectile from an aircraft).
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

from .anchor_predicates import aircraft_after
from .context import Context
from .lexicon import ROLES, SENSES
from .record import EVENT_TYPES, WEAPONS
from .rules import TYPE_PATTERN_KEYS, Rule, RuleError, Stage, predicate, predicates, rules
from .spelling import COMMA as _COMMA
from .spelling import LAM as _LAM
from .spelling import WAW as _WAW
from .words import word_set, words

__all__ = ["TypeFacts", "facts_of", "decide_type"]

#: projectiles, most specific first
_PROJECTILES = ("ballistic_missile", "missile", "katyusha_rocket", "rocket")
_ACTOR_FLAGS = frozenset({"state", "nonstate", "air", "not_state"})
_WEAPON_SPECIALS = frozenset({"$projectile", "$guided"})


class TypeFacts(NamedTuple):
    """What the type rules read of one merged event."""

    weapons: frozenset[str]
    hints: frozenset[str]
    anchor_hints: frozenset[str]
    actor: frozenset[str]
    claim: frozenset[str]
    senses: frozenset[str]
    projectile: str | None
    #: the roles of the cue words in the event's mentions
    cues: frozenset[str] = frozenset()


def _flags(entity: Any) -> frozenset[str]:
    if entity is None:
        return frozenset()
    out = set()
    if entity.state:
        out.add("state")
    else:
        out.add("not_state")
    if getattr(entity, "nonstate", False):
        out.add("nonstate")
    if getattr(entity, "air", False):
        out.add("air")
    return frozenset(out)


def facts_of(ev: Any, ctx: Any = None) -> TypeFacts:
    """The :class:`TypeFacts` of a merged event group (its cue words only with ``ctx``)."""
    cues = frozenset(
        h.role
        for m in (ev.mentions if ctx is not None else ())
        for h in ctx.hits_in(m.start, m.end)
        if h.kind == "cue"
    )
    weapons = frozenset(w.get("weapon") for m in ev.mentions for w in m.weapons if w.get("weapon"))
    return TypeFacts(
        weapons=weapons,
        hints=frozenset(h for m in ev.mentions for h in m.hints),
        anchor_hints=frozenset(
            t.get("event_type")
            for m in ev.mentions
            for t in m.anchors
            if t.kind == "trigger" and t.get("event_type")
        ),
        actor=_flags(ev.actor_cand),
        claim=_flags(ev.claim),
        senses=frozenset(t.sense for m in ev.mentions for t in m.anchors if t.sense),
        projectile=next((p for p in _PROJECTILES if p in weapons), None),
        cues=cues,
    )


def _as_set(rule: Rule, key: str, allowed: frozenset[str] | tuple[str, ...]) -> frozenset[str]:
    v = rule.when.get(key)
    values = [v] if isinstance(v, str) else list(v or ())
    bad = [x for x in values if x not in allowed]
    if bad:
        raise RuleError(f"rule {rule.id!r}: {key} names unknown value(s) {bad}")
    return frozenset(values)


class _TypeRule(NamedTuple):
    rule: Rule
    weapons: frozenset[str]
    any_weapon: frozenset[str]
    no_weapon: frozenset[str]
    hint: frozenset[str]
    no_hint: frozenset[str]
    anchor_hint: frozenset[str]
    no_anchor_hint: frozenset[str]
    actor: frozenset[str]
    not_actor: frozenset[str]
    claim: frozenset[str]
    sense: str | None
    no_sense: frozenset[str]
    cue: frozenset[str]
    predicate: str | None
    type: str
    weapon: str | None


def _compile(r: Rule) -> _TypeRule:
    then = r.then or {}
    et, wp = then.get("type"), then.get("weapon")
    if et not in EVENT_TYPES:
        raise RuleError(f"rule {r.id!r}: then.type {et!r} is not an event type")
    if wp is not None and wp not in WEAPONS and wp not in _WEAPON_SPECIALS:
        raise RuleError(f"rule {r.id!r}: then.weapon {wp!r} is not a weapon")
    sense = r.when.get("anchor_sense")
    if sense is not None and sense not in SENSES:
        raise RuleError(f"rule {r.id!r}: anchor_sense {sense!r} is not a lexicon sense")
    return _TypeRule(
        r,
        _as_set(r, "weapons", WEAPONS),
        _as_set(r, "any_weapon", WEAPONS),
        _as_set(r, "no_weapon", WEAPONS),
        _as_set(r, "hint", EVENT_TYPES),
        _as_set(r, "no_hint", EVENT_TYPES),
        _as_set(r, "anchor_hint", EVENT_TYPES),
        _as_set(r, "no_anchor_hint", EVENT_TYPES),
        _as_set(r, "actor", _ACTOR_FLAGS),
        _as_set(r, "not_actor", _ACTOR_FLAGS),
        _as_set(r, "claim", _ACTOR_FLAGS),
        sense,
        _as_set(r, "no_anchor_sense", SENSES),
        _as_set(r, "cue", ROLES["cue"]),
        r.when.get("predicate"),
        et,
        wp,
    )


@functools.lru_cache(maxsize=1)
def _type_rules() -> tuple[_TypeRule, ...]:
    out = tuple(_compile(r) for r in rules() if r.stage is Stage.TYPE)
    if not out or any(out[-1].rule.when.get(k) for k in TYPE_PATTERN_KEYS):
        raise RuleError("the type rules must end with a rule that always holds (a default)")
    return out


def _holds(t: _TypeRule, f: TypeFacts, ctx: Any, ev: Any, preds: dict) -> bool:
    return (
        t.weapons <= f.weapons
        and (not t.any_weapon or bool(t.any_weapon & f.weapons))
        and not (t.no_weapon & f.weapons)
        and (not t.hint or bool(t.hint & f.hints))
        and not (t.no_hint & f.hints)
        and (not t.anchor_hint or bool(t.anchor_hint & f.anchor_hints))
        and not (t.no_anchor_hint & f.anchor_hints)
        and t.actor <= f.actor
        and not (t.not_actor & f.actor)
        and t.claim <= f.claim
        and (t.sense is None or t.sense in f.senses)
        and not (t.no_sense & f.senses)
        and (not t.cue or bool(t.cue & f.cues))
        and (t.predicate is None or preds[t.predicate](ctx, ev))
    )


def decide_type(ctx: Any, ev: Any) -> tuple[str, str | None, Rule]:
    """``(event_type, weapon, rule)`` of a merged event: the first type rule that holds."""
    f = facts_of(ev, ctx)
    preds = predicates()
    for t in _type_rules():
        if _holds(t, f, ctx, ev, preds):
            wp = t.weapon
            if wp == "$projectile":
                wp = f.projectile
            elif wp == "$guided":
                wp = "missile" if f.projectile == "rocket" else f.projectile
            return t.type, wp, t.rule
    raise AssertionError("the last type rule always holds")  # checked by _type_rules


# ---------------------------------------------------------------------------------------------
# the type rules' named predicates: ``fn(ctx, event) -> bool``


@predicate("aircraft_fired_on")
def _aircraft_fired_on(ctx: Any, ev: Any) -> bool:
    """A manned aircraft brought down («أسقط … مروحية», «سقطت المروحية») or fired on
    («تعرضت مروحية لإطلاق نار»): the aircraft is the target, not the attacker."""
    for m in ev.mentions:
        hits = ctx.hits_in(m.start, m.end)
        for a in m.anchors:
            if a.kind == "outcome" and a.sense == "down":
                if aircraft_after(ctx, a, hits, 6):
                    return True
            elif a.kind == "trigger" and a.role == "impact":
                if aircraft_after(ctx, a, hits, 1):
                    return True
            elif a.kind == "trigger" and a.sense == "shot":
                exposed = [h for h in hits if h.kind == "trigger" and h.role == "expose"]
                if any(e.end <= a.start and aircraft_after(ctx, e, hits, 1) for e in exposed):
                    return True
    return False


_GUNMEN = words("typing_stage.gunmen")
# «مسلحة» qualifies a group («جماعة مسلحة»): it names no gunmen
_ARMED = words("typing_stage.armed")
# what may stand between the attack word and the gunmen («هجوم من قبل مسلحين», «شنه مسلحون»)
_BEFORE_GUNMEN = word_set("typing_stage.before_gunmen")


@predicate("shot_at_a_person")
def _event_shot_at_a_person(ctx: Context, ev) -> bool:
    """«أطلق مسلحون النار على ناشط»: a shooting of a person, in one of the mentions."""
    return any(_shot_at_a_person(ctx, m) for m in ev.mentions)


@predicate("by_gunmen")
def _event_by_gunmen(ctx: Context, ev) -> bool:
    """«هجوم لمسلحين», «هاجم مسلحون»: gunmen attacking, in one of the event's mentions."""
    return any(_by_gunmen(ctx, m) for m in ev.mentions)


def _shot_at_a_person(ctx: Context, m) -> bool:
    """«… النار على ناشط», «أطلقوا النار عليه»: fire opened on one person (cue role
    shooting, then a person word of number 1 right after it, or the singular pronoun of the
    cue itself)."""
    hits = ctx.hits_in(m.start, m.end)
    return any(
        c.kind == "cue"
        and c.role == "shooting"
        and c.get("number") == 1
        or c.kind == "cue"
        and c.role == "shooting"
        and any(
            h.kind == "person"
            and h.get("number") == 1
            and h.start >= c.end
            and ctx.words.distance(c.end, h.start) <= 1
            for h in hits
        )
        for c in hits
    )


def _by_gunmen(ctx: Context, m) -> bool:
    """Whether gunmen or fighters are named right after an attack word of the mention
    («هجوم لمسلحين», «هاجم مسلحون», «استهدف مقاتلو العشائر»)."""
    text = ctx.text
    for t in m.anchors:
        if t.kind != "trigger" or t.role not in ("noun", "verb", "verbnoun"):
            continue
        nxt = text[t.end : t.end + 30].split(maxsplit=2)[:2]
        for w in nxt:
            w = w.strip('«»"“”(),' + _COMMA)
            if w.startswith((_LAM, _WAW)) and w[1:].startswith(_GUNMEN):
                w = w[1:]
            if w.startswith(_GUNMEN) and not w.startswith(_ARMED):
                return True
            if w not in _BEFORE_GUNMEN:
                break
    return False
