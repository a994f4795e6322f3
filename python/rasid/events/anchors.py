"""The anchor stage: which attack words of a sentence anchor a mention, by the anchor rules.

Input: a sentence (:class:`~rasid.events.sentences.Sentence`) and the document context.
Output: :class:`~rasid.events.mention.Anchored` spans, in text order (none when the sentence
states no event).

The anchor rules of ``rasid/data/rules/rules.toml`` are interpreted here: a sentence rule (a
denial) voids every anchor, a void-after rule (a threat) the anchors after its cue; in each
clause (:mod:`rasid.events.clauses`) a clause rule may void the clause, a skip rule an attack
word, an anchor rule makes an attack word an anchor, and a void-mention rule drops the
anchored clause after all. Clauses without an anchor attach to the span before them (or
after, when they open with a boundary word). A span naming several events is then cut into
parts (:mod:`rasid.events.splits`).
"""

from __future__ import annotations

import bisect
import functools

from .clauses import Clause, cut_clauses
from .context import Context, clause_initial, opens_at
from .mention import Anchored
from .rules import Effect, Rule, Stage, predicates, rules
from .sentences import Sentence
from .splits import split_span

__all__ = ["AnchorRules", "anchor_rules", "anchored_spans"]


def _plural_reference(t) -> bool:
    """«الغارات», «الهجمات»: a definite plural attack noun, which anchors nothing."""
    return t.definite and t.role == "noun" and t.attrs.get("number") == "pl"


def _opens_with_after(ctx: Context, s: int, hits: list) -> bool:
    """Whether the clause at ``s`` opens with «بعد / عقب …» or «ردا على» (an earlier
    event)."""
    for h in hits:
        if h.kind == "cue" and (h.role == "after" or h.role == "reply"):
            return opens_at(ctx, s, h.start)
    return False


class AnchorRules:
    """The anchor-stage rules of the rules file, grouped the way :func:`clause_anchors` applies
    them (file order within each group)."""

    def __init__(self) -> None:
        rs = rules()
        rs.check_predicates()
        anchor = [r for r in rs if r.stage is Stage.ANCHOR]

        def of(effect: Effect) -> tuple[Rule, ...]:
            return tuple(r for r in anchor if r.effect is effect)

        self.sentence_voids = of(Effect.VOID_SENTENCE)
        self.after_voids = of(Effect.VOID_AFTER)
        self.clause_voids = of(Effect.VOID_CLAUSE)
        self.skips = of(Effect.SKIP_TRIGGER)
        self.anchors = of(Effect.ANCHOR)
        self.mention_voids = of(Effect.VOID_MENTION)
        self.preds = predicates()
        # the skip rules by the trigger role they look at (in file order): a trigger is
        # tried only against the rules of its role
        self.skips_by_role: dict[str, tuple[Rule, ...]] = {}
        for r in self.skips:
            for role in r.trigger_roles:
                self.skips_by_role[role] = self.skips_by_role.get(role, ()) + (r,)
        # cue roles that void a clause or a sentence: they void a continuation too
        self.void_cue_roles = frozenset().union(
            *(r.cue_roles for r in self.clause_voids + self.sentence_voids + self.after_voids)
        )


@functools.lru_cache(maxsize=1)
def anchor_rules() -> AnchorRules:
    """The shipped anchor rules, grouped once."""
    return AnchorRules()


def _candidates(r: Rule, ctx: Context, cl: Clause) -> list:
    """The hits a rule looks at: cues of its roles, triggers of its roles, or outcomes."""
    w = r.when
    if "cue" in w:
        roles = r.cue_roles
        out = [h for h in cl.hits if h.kind == "cue" and h.role in roles]
        if w.get("at") == "clause_start":
            out = [h for h in out if clause_initial(ctx.text, h.start, cl.start)]
        return out
    if "trigger" in w:
        roles = r.trigger_roles
        return [h for h in cl.hits if h.kind == "trigger" and h.role in roles]
    if "outcome" in w:
        return [h for h in cl.hits if h.kind == "outcome" and h.role == w["outcome"]]
    return []


def _looks_at(r: Rule, h) -> bool:
    """Whether hit ``h`` is of the kind and role rule ``r`` looks at (see :func:`_candidates`)."""
    w = r.when
    if "trigger" in w:
        return h.kind == "trigger" and h.role in r.trigger_roles
    if "outcome" in w:
        return h.kind == "outcome" and h.role == w["outcome"]
    return "cue" in w and h.kind == "cue" and h.role in r.cue_roles


def _holds(r: Rule, ctx: Context, cl: Clause, h, preds: dict) -> bool:
    """Whether the pattern of ``r`` holds for hit ``h`` of clause ``cl`` (its role already
    matched by :func:`_candidates`)."""
    w = r.when
    if "definite" in w and h.definite != w["definite"]:
        return False
    if "number" in w and h.attrs.get("number") != w["number"]:
        return False
    if "sense" in w and h.sense != w["sense"]:
        return False
    if "headline" in w and cl.sent.headline != w["headline"]:
        return False
    words = ctx.words
    ac = w.get("after_cue")
    if ac is not None and not any(
        c.kind == "cue" and c.role == ac and c.end <= h.start for c in cl.hits
    ):
        return False
    cb = w.get("cue_before")
    if cb is not None and not any(
        c.kind == "cue"
        and c.role == cb["role"]
        and c.end <= h.start
        and words.distance(c.end, h.start) <= cb["words"]
        for c in cl.hits
    ):
        return False
    fb = w.get("followed_by")
    if fb is not None and not any(
        x.kind == fb["kind"]
        and (fb.get("role") is None or x.role == fb["role"])
        and x.start >= h.end
        and words.distance(h.end, x.start) <= fb["words"]
        for x in cl.hits
    ):
        return False
    wo = w.get("without")
    if wo is not None and _hit_near(wo, words, h, cl):
        return False
    wi = w.get("with")
    if wi is not None and not _hit_near(wi, words, h, cl):
        return False
    et = w.get("event_type")
    if et is not None and h.attrs.get("event_type") != et:
        return False
    p = w.get("predicate")
    if p is not None and not preds[p](ctx, h, cl):
        return False
    u = w.get("unless")
    return u is None or not preds[u](ctx, h, cl)


def _hit_near(near: dict, words, h, cl: Clause) -> bool:
    """Whether a hit of the kind (and role) of ``near`` stands within ``near["words"]`` words
    of hit ``h`` in the clause (the ``with`` / ``without`` pattern keys)."""
    return any(
        x.kind == near["kind"]
        and (near.get("role") is None or x.role == near["role"])
        and abs(words.index_gap(h.start, x.start)) <= near["words"]
        for x in cl.hits
    )


def _first_hit(r: Rule, ctx: Context, cl: Clause, preds: dict):
    """The first hit of the clause on which rule ``r`` fires, or ``None``."""
    for h in _candidates(r, ctx, cl):
        if _holds(r, ctx, cl, h, preds):
            return h
    return None


def clause_anchors(ctx: Context, cl: Clause, threat: tuple[int, Rule] | None) -> list:
    """The attack words that anchor a mention in clause ``cl``, by the anchor rules: none
    when a clause rule voids it, or when a void-after cue of the sentence (a threat;
    ``threat``: where its first one stands, and its rule) comes before them."""
    ar = anchor_rules()
    preds = ar.preds
    # the cue roles of the clause: a cue rule none of whose roles is there cannot fire (most
    # clauses hold one or two cues, most rules look for others)
    cue_roles = {h.role for h in cl.hits if h.kind == "cue"}
    for r in ar.clause_voids:
        if r.cue_roles and r.cue_roles.isdisjoint(cue_roles):
            continue
        h = _first_hit(r, ctx, cl, preds)
        if h is not None:
            ctx.fire(r.id, h.start, h.end)
            return []
    out = []
    fired = []
    for t in cl.hits:
        if t.kind != "trigger" and t.kind != "outcome":
            continue
        skip = None
        if t.kind == "trigger":
            for r in ar.skips_by_role.get(t.role, ()):
                if _holds(r, ctx, cl, t, preds):
                    skip = r
                    break
        if skip is not None:
            ctx.fire(skip.id, t.start, t.end)
            continue
        for r in ar.anchors:
            if _looks_at(r, t) and _holds(r, ctx, cl, t, preds):
                out.append(t)
                fired.append(r)
                break
    if not out:
        return []
    if threat is not None and threat[0] < out[0].start:
        ctx.fire(threat[1].id, out[0].start, out[0].end)
        return []
    for r, t in zip(fired, out):
        ctx.fire(r.id, t.start, t.end)
    return out


def anchored_spans(ctx: Context, sent: Sentence, group_seq: list) -> list[Anchored]:
    """The anchored spans of one sentence (empty when it states no event); ``group_seq[0]``
    counts the groups of split spans in the document."""
    shits = ctx.hits_in(sent.start, sent.end)
    if not any(h.kind == "trigger" or h.kind == "outcome" for h in shits):
        return []
    # a sentence rule (a denial) voids every anchor, a void-after rule (a threat) the
    # anchors after its cue
    ar = anchor_rules()
    denied = False
    threat = None
    for h in shits:
        if h.kind != "cue":
            continue
        if not denied:
            for r in ar.sentence_voids:
                if h.role in r.cue_roles:
                    denied = True
                    ctx.fire(r.id, h.start, h.end)
                    break
        if threat is None:
            for r in ar.after_voids:
                if h.role in r.cue_roles:
                    threat = (h.start, r)
                    break
    clauses = cut_clauses(ctx, sent, shits)
    starts = [h.start for h in shits]
    groups: list[list] = []  # [start, end, ev_start, ev_end, anchors]
    pending: list | None = None
    pending_void = False
    prev_void = False
    since_before = False  # the clause before is a fronted «ومنذ …،»
    detached = False  # the clauses since the last anchor go on with a «منذ» comparison
    for s, e, opened in clauses:
        chits = shits[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]
        has_trigger = has_outcome = False
        for h in chits:
            if h.kind == "trigger":
                has_trigger = True
                break
            if h.kind == "outcome":
                has_outcome = True
        # only an attack word or an outcome anchors a clause
        cl = Clause(sent, s, e, chits, prev_void, since_before)
        if denied or not (has_trigger or has_outcome):
            anchors = []
        else:
            anchors = clause_anchors(ctx, cl, threat)
        for r in ar.mention_voids if anchors else ():
            if ar.preds[r.when["predicate"]](ctx, anchors, cl):
                ctx.fire(r.id, anchors[0].start, anchors[-1].end)
                anchors = []
                break
        since_before = not has_trigger and any(
            h.kind == "cue" and h.role == "since" and clause_initial(ctx.text, h.start, s)
            for h in chits
        )
        # (a clause naming only «الغارات», attacks told before, voids nothing: «وبالتزامن مع
        # الغارات، قصفت قوات النظام …»)
        prev_void = (
            has_trigger
            and not anchors
            and not all(_plural_reference(h) for h in chits if h.kind == "trigger")
        )
        if opened is not True and opened is not False:
            anchors = [opened] + anchors
            opened = True
        if anchors:
            detached = False
            g = [s, e, s, e, anchors]
            if pending is not None:
                g[0] = pending[0]
                pending = None
            groups.append(g)
        else:
            if has_trigger and any(
                h.kind == "cue" and h.role == "since" and clause_initial(ctx.text, h.start, s)
                for h in chits
            ):
                # «…، منذ هجوم صاروخي … أسفر عن مقتل متعاقد»: the attack a comparison
                # reaches back to, and its toll, are not the mention's
                detached = True
            if detached:
                continue
            if groups and not opened and pending is None:
                groups[-1][1] = e
            elif pending is None:
                pending = [s, e]
                pending_void = prev_void and _opens_with_after(ctx, s, chits)
            else:
                pending[1] = e
    if pending is not None and groups and not pending_void:
        # (a trailing «بعد … من إحباط هجوم بطائرتين» states another, voided attack: its
        # weapons and places are not this one's)
        groups[-1][1] = max(groups[-1][1], pending[1])
    out: list[Anchored] = []
    for s, e, es, ee, anchors in groups:
        out.extend(split_span(ctx, Anchored(sent, s, e, es, ee, tuple(anchors)), group_seq))
    return out
