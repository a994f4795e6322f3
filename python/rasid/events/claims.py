"""Claimants and the accused of a mention: who claims an attack, who is blamed for it.

:func:`claim_candidates` finds the actors claiming responsibility near a claim word
(«تبنت»), :func:`accused_candidates` those an accusation names («تتهم واشنطن …»), and
:func:`free_claims` the claim sentences that report no attack of their own (they claim
the attacks told before them).
"""

from __future__ import annotations

from .actors import ActorCand, entity_of
from .record import Entity
from .sentences import sentences_holding

__all__ = ["claim_candidates", "accused_candidates", "free_claims"]


def claim_candidates(ctx, s: int, e: int, hits: list | None = None) -> tuple[list, bool]:
    """``(claimants, negated)``: actors that claim responsibility in ``text[s:e]``
    (``hits``: its hits, when the caller has them)."""
    if hits is None:
        hits = ctx.hits_in(s, e)
    words = ctx.words
    claims = [h for h in hits if h.kind == "claim" and h.role == "claim"]
    if not claims:
        return [], False
    negs = [h for h in hits if h.kind == "cue" and h.role == "negation"]
    out = []
    negated = False
    announces = [h for h in hits if h.kind == "claim" and h.role == "announce"]
    ents = [h for h in hits if h.cat == "actor" or h.kind == "nationality"]
    for c in claims:
        if any(n.end <= c.start and words.distance(n.end, c.start) <= 3 for n in negs):
            negated = True
            continue
        best = None
        # «أعلنت X … مسؤوليتها»: the first actor after the announcement
        ann = [a for a in announces if a.end <= c.start and words.distance(a.end, c.start) <= 20]
        if ann:
            between = [h for h in ents if ann[-1].end <= h.start < c.start]
            if between:
                best = between[0]
        if best is None:
            after = [h for h in ents if h.start >= c.end and words.distance(c.end, h.start) <= 3]
            before = [h for h in ents if h.end <= c.start and words.distance(h.end, c.start) <= 4]
            # «X تتبنى استهداف …»: the subject right before the verb claims
            if before and words.distance(before[-1].end, c.start) <= 1:
                best = before[-1]
            else:
                best = after[0] if after else before[-1] if before else None
        if best is not None:
            ent, state, air, atype = entity_of(ctx, best)
            out.append(ActorCand(ent, 0, state, air, not state, atype, best.start))
        else:
            quoted = _quoted_before(ctx, c, s) or _quoted_after(ctx, c, e)
            if quoted is not None:
                out.append(ActorCand(quoted, 0, False, False, True, "group_phrase", quoted.start))
    return out, negated


def _quoted_before(ctx, c, s: int) -> Entity | None:
    """A name in quotes between an announcement and «مسؤوليتها»: «سرايا …»."""
    text = ctx.text
    seg = text[s : c.start]
    for o, cl in (("«", "»"), ("“", "”"), ('"', '"')):
        j = seg.rfind(cl)
        if j <= 0:
            continue
        i = seg.rfind(o, 0, j)
        if i < 0:
            continue
        a, b = s + i + 1, s + j
        name = text[a:b].strip()
        if 2 <= len(name) <= 60:
            a2 = text.index(name, a)
            return Entity(mention=name, start=a2, end=a2 + len(name), name_ar=name)
    return None


def _quoted_after(ctx, c, e: int) -> Entity | None:
    """«تبنت “المقاومة الإسلامية” …»: a quoted name right after the claim word."""
    text = ctx.text
    i = c.end
    while i < e and text[i] in " \t":
        i += 1
    if i < e and text[i] in '«“"':
        close = {"«": "»", "“": "”", '"': '"'}[text[i]]
        j = text.find(close, i + 1, min(e, i + 62))
        if j > i + 2:
            name = text[i + 1 : j].strip()
            a = text.index(name, i + 1)
            return Entity(mention=name, start=a, end=a + len(name), name_ar=name)
    return None


def accused_candidates(ctx, s: int, e: int, hits: list | None = None) -> list[Entity]:
    """Entities blamed in ``text[s:e]`` («تتهم واشنطن الفصائل الموالية لإيران …»;
    ``hits``: its hits, when the caller has them)."""
    if hits is None:
        hits = ctx.hits_in(s, e)
    words = ctx.words
    out = []
    for c in hits:
        if c.kind != "claim" or c.role != "accuse":
            continue
        named = [
            h
            for h in hits
            if h.start >= c.end
            and words.distance(c.end, h.start) <= 5
            and (h.cat == "actor" or h.kind == "nationality" or h.role == "nonstate")
        ]
        # after the verb comes the accuser, then the accused
        if (
            len(named) >= 2
            and named[0].cat == "actor"
            and words.distance(c.end, named[0].start) <= 1
        ):
            named = named[1:]
        if not named:
            continue
        h = named[0]
        if h.role == "nonstate":
            end = h.end
            for n in hits:
                if n.start >= h.end and words.distance(h.end, n.start) <= 3:
                    if n.kind == "nationality" or n.cat == "actor":
                        end = n.end
            out.append(
                Entity(
                    mention=ctx.text[h.start : end],
                    start=h.start,
                    end=end,
                    name_ar=ctx.text[h.start : end],
                )
            )
        else:
            out.append(entity_of(ctx, h)[0])
    return out


def free_claims(ctx, sentences: list, mentioned: set) -> list:
    """Claim sentences that report no attack of their own: ``(sentence index, claimant,
    dual_object, negated)`` («وتبنت المقاومة الإسلامية … الهجومين»)."""
    claim_starts = [h.start for h in ctx.hits if h.kind == "claim" and h.role == "claim"]
    out = []
    for i in sentences_holding(sentences, claim_starts):
        if i in mentioned:
            continue
        sent = sentences[i]
        cands, negated = claim_candidates(ctx, sent.start, sent.end)
        if negated or not cands:
            out.append((sent.index, None, False, True))
            continue
        hits = ctx.hits_in(sent.start, sent.end)
        dual = any(h.kind == "trigger" and h.role == "dual" for h in hits)
        out.append((sent.index, cands[0], dual, False))
    return out
