"""The slot stage: an anchored span filled with what it says of its event.

Input: the :class:`~rasid.events.mention.Anchored` spans of a sentence (the anchor stage's
output). Output: one :class:`~rasid.events.mention.Mention` per span, with its weapons and
attack-word hints, places (:mod:`rasid.events.places`), counts (:mod:`rasid.events.counts`),
actors and claims (:mod:`rasid.events.actors`, :mod:`rasid.events.claims`), date and
background hint (:mod:`rasid.events.mention_dates`), target, outcome, and how strongly it
states an event of its own (``strong``) or only refers back to one (``ref``).

A sentence with no attack word right after a mention may still continue it («وأضاف أن
شرطيين آخرين أصيبا بجروح»): :func:`continuation` makes a referring mention of it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from . import counts as _counts
from .actors import ActorCand, actor_candidates, entity_of
from .anchor_predicates import REFERENCE_ROLES, anaphoric, statistic
from .anchors import anchor_rules, anchored_spans
from .claims import accused_candidates, claim_candidates
from .context import Context, opens_at
from .mention import Anchored, Mention
from .mention_dates import background_hint, date_for
from .places import (
    after_compass,
    best_place,
    fired_from,
    place_candidates,
    place_rank,
    site_antecedent,
    word_without_place_cue,
)
from .sentences import CLAUSE_PUNCT, Sentence
from .spelling import WAW as _WAW
from .words import words

__all__ = ["sentence_mentions", "continuation", "fill", "SIMILAR", "GROUP_ANAPHORS"]


_ADDED = words("slots.added")
#: «التنظيم», «الجماعة» with no name: the group of the attack told before
GROUP_ANAPHORS = words("slots.group_anaphors")
#: «مماثل», «مشابه» after an attack noun: an attack like the one told before
SIMILAR = words("slots.similar")


def _intercepts_munition(ctx: Context, o, hits: list) -> bool:
    """Whether «دمرت» (destroyed) has a projectile or drone next to it (within four words
    either side: «دمرت الدفاعات الجوية صاروخين») rather than a target."""
    words = ctx.words
    for w in hits:
        if w.kind != "weapon" or w.role != "munition":
            continue
        if w.start >= o.end and words.distance(o.end, w.start) <= 4:
            return True
        if w.end <= o.start and words.distance(w.end, o.start) <= 4:
            return True
    return False


def _answers_before(ctx: Context, s: int, hits: list, anchor: int) -> bool:
    """Whether the span at ``s`` opens with a closed «ردا على ذلك،» before its attack word at
    ``anchor``: the attack that follows answers another one (in «ردا على هجوم استهدف …» the
    attack word is the one answered)."""
    for h in hits:
        if h.kind == "cue" and h.role == "reply":
            return opens_at(ctx, s, h.start) and bool(CLAUSE_PUNCT.search(ctx.text, h.end, anchor))
    return False


def _victim_named(ctx: Context, anchors: Sequence, hits: list) -> bool:
    """«اغتيال الناشط الإعلامي …»: an attack on a person names its victim right after the
    attack word, which makes the noun a report of one attack."""
    for t in anchors:
        if t.kind != "trigger" or t.get("event_type") != "other_attack":
            continue
        for h in hits:
            if h.start >= t.end and h.kind == "person" and ctx.words.distance(t.end, h.start) == 1:
                return True
    return False


def sentence_mentions(ctx: Context, sent: Sentence, group_seq: list) -> list[Mention]:
    """The mentions of one sentence (empty when it states no event)."""
    out: list[Mention] = []
    prev = None
    for a in anchored_spans(ctx, sent, group_seq):
        m = fill(ctx, a)
        if prev is not None and (
            _coordinated_start(ctx, a)
            or m.toll is not None
            and prev.toll is not None
            and m.group == prev.group
            or _opens_with_where(ctx, a)
        ):
            # «… إضافة إلى ضرب قاعدة …», «و4 في كفرزيتا», «…، حيث استهدفت …»: same
            # subject, same time
            m = dataclasses.replace(
                m,
                actors=prev.actors if not m.actors and prev.actors else m.actors,
                bg_hint=True if prev.bg_hint else m.bg_hint,
                date=prev.date if m.date is None and prev.date is not None else m.date,
            )
        out.append(m)
        prev = m
    return out


def _coordinated_start(ctx: Context, m: Anchored) -> bool:
    """«… إضافة إلى ضرب قاعدة …»: a second attack of the same subject."""
    for h in ctx.hits_in(m.start, m.anchors[0].start):
        if h.kind == "cue" and h.role == "addition":
            return True
    return False


def _opens_with_where(ctx: Context, m: Anchored) -> bool:
    """«… عملية إنزال في منطقة الكسوة، حيث استهدفت مواقع …»: the clause says more of the
    attack just told, where and when it happened."""
    for h in ctx.hits_in(m.start, m.anchors[0].start):
        if h.kind == "cue" and h.role == "where":
            return opens_at(ctx, m.start, h.start)
    return False


def _told_attacks_as_subject(ctx: Context, t, hits: list) -> bool:
    """Whether a definite plural attack noun («الهجمات», «الغارات»), a reference to the
    attacks told before, stands right before verb ``t`` as its subject."""
    return any(
        h.kind == "trigger"
        and h.role == "noun"
        and h.definite
        and h.get("number") == "pl"
        and h.end <= t.start
        and ctx.words.distance(h.end, t.start) <= 1
        for h in hits
    )


def fill(ctx: Context, a: Anchored) -> Mention:
    """The mention of an anchored span: the span with its slots."""
    s, e = a.start, a.end
    hits = ctx.hits_in(s, e)
    words = ctx.words
    text = ctx.text
    anchors = a.anchors
    # a mention that only refers back («الهجوم», «هذا الهجوم») or names plurals alone
    ref = True
    plural_only = True
    for i, t in enumerate(anchors):
        points_back = anaphoric(ctx, t)
        reference = t.kind == "trigger" and t.role in REFERENCE_ROLES
        reference = reference and (t.definite or t.attrs.get("number") == "pl" or points_back)
        if not (reference and t.definite or points_back):
            ref = False
        if not reference:
            plural_only = False
        if i == 0:
            a0_anaphoric = points_back
    reply = not ref and _answers_before(ctx, s, hits, anchors[0].start)
    plural_only = not ref and plural_only
    # the hits of the span by what they say, in one pass
    weapons = []
    hints = []  # event types the attack words suggest
    site_words = []
    claim_words = []
    outcomes = []
    others = []  # «آخر»: another attack, when right after an attack word
    later = []  # «لاحقاً», «أيضاً»: one more attack, when right after an attack verb
    same_day = False
    combined = False  # harm told without a count («قتل وجرح», «أضرار مادية»)
    overflights = [h.end for h in hits if h.kind == "cue" and h.role == "overflight"]
    for h in hits:
        kind = h.kind
        if kind == "weapon":
            if h.role == "aircraft" and any(
                end <= h.start and words.distance(end, h.start) <= 2 for end in overflights
            ):
                # «تلاها تحليق للطيران الحربي»: aircraft flying over strike nothing
                continue
            weapons.append(h)
        elif kind == "trigger":
            event_type = h.attrs.get("event_type")
            if event_type:
                hints.append(event_type)
        elif kind == "placetype":
            if h.role == "site":
                site_words.append(h)
        elif kind == "claim":
            claim_words.append(h)
        elif kind == "outcome":
            outcomes.append(h)
        elif kind == "person":
            if h.sense == "another":
                others.append(h)
        elif kind == "cue":
            if h.role == "same_day":
                same_day = True
            elif h.role == "another_incident":
                later.append(h)
        elif kind == "casualty":
            if h.role in ("combined", "material", "material_only"):
                # «قتل وجرح», «أضرار مادية»: harm told, though counted in no slot
                combined = True
    a_0 = anchors[0]
    another = any(
        any(t.end <= h.start and words.distance(t.end, h.start) <= 1 for t in anchors)
        for h in others
    ) or any(
        t.kind == "trigger"
        and t.role in ("noun", "verbnoun")
        and not t.definite
        and text[t.end : t.end + 12].split()[:1]
        and text[t.end : t.end + 12].split()[0].startswith(SIMILAR)
        for t in anchors
    )
    # «فجروا لاحقاً برجاً ثالثاً», «هاجمت أيضاً الفوج»: the verb tells one more attack; not
    # when its subject is the attacks told before («الهجمات استهدفت أيضاً …»: more of them)
    another = another or any(
        t.kind == "trigger"
        and t.role == "verb"
        and 0 <= words.distance(t.end, h.start) <= 1
        and not _told_attacks_as_subject(ctx, t, hits)
        for h in later
        for t in anchors
    )
    leads_ref = (
        a_0.kind == "outcome"
        or a_0.kind == "trigger"
        and ((a_0.definite and a_0.role in REFERENCE_ROLES) or a0_anaphoric)
        # «الهجمات استهدفت أيضاً …»: the attacks told before as the verb's subject
        or a_0.kind == "trigger"
        and a_0.role == "verb"
        and _told_attacks_as_subject(ctx, a_0, hits)
    )
    whits = hits
    if a.wspan:
        # weapons and attack words of the whole span the mention was split from
        whits = ctx.hits_in(*a.wspan)
        weapons = [h for h in whits if h.kind == "weapon"]
        hints = [
            t.attrs["event_type"]
            for t in whits
            if t.kind == "trigger" and t.attrs.get("event_type")
        ]
    weapons = weapons + [t for t in anchors if t.attrs.get("weapon")]
    places, launch = place_candidates(ctx, s, e, a.sent, hits)
    if a.toll is not None:
        # one item of a toll listed by place: the item's place is the event's
        places = [p for p in places if p[0].start == a.toll.place.start] or places
    best = best_place(ctx, a, places)
    site_anaphor = False
    relative_place = False
    if best is not None:
        relative_place = after_compass(ctx, best[0])
    if best is None:
        best = site_antecedent(ctx, a, site_words)
        site_anaphor = best is not None
    actors, unknown_agent = actor_candidates(ctx, s, e, anchors, hits)
    if claim_words:
        claims, claim_negated = claim_candidates(ctx, s, e, hits)
        accused = accused_candidates(ctx, s, e, hits)
        announce = _announcers(ctx, hits, claim_words)
    else:
        claims, claim_negated, accused, announce = [], False, [], set()
    announcers = []
    own_forces = False
    if announce:
        for h in hits:
            if h.cat == "actor" and h.id in announce:
                announcers = [ActorCand(*_announcer(ctx, h))]
                break
        own_forces = any(
            h.kind == "cue"
            and h.role == "own_forces"
            and any(
                t.kind == "trigger"
                and t.role == "verb"
                and h.end <= t.start
                and words.distance(h.end, t.start) <= 1
                for t in anchors
            )
            for h in hits
        )
    sent = a.sent
    sent_hits = ctx.hits_in(sent.start, min(sent.end, sent.start + 40))
    continues = any(h.kind == "claim" and h.name in _ADDED for h in sent_hits[:2])
    headline = sent.headline
    munitions = _counts.munition_candidates(ctx, (s, e), headline, hits)
    if a.split:
        munitions = [c for c in munitions if not c.vague and c.tier < 4 and c.tier != 5]
    killed, wounded, none = _counts.casualty_candidates(ctx, (s, e), headline, hits)
    if a.toll is not None:
        t = a.toll
        cand = _counts.Cand(t.min, t.max, 1, t.start, t.end)
        killed, wounded = ([cand], []) if t.role == "killed" else ([], [cand])
    if a.wspan and not none:
        none = _counts.none_stated(ctx, whits)
    # outcome
    outcome = None
    for h in outcomes:
        if h.role == "intercepted":
            if h.sense == "destroy" and not _intercepts_munition(ctx, h, hits):
                # «دمرت غارة إسرائيلية مستودعاً»: destroyed a target, nothing shot down
                continue
            outcome = "intercepted"
            break
        if h.role == "failed" and outcome is None:
            outcome = "failed"
        elif h.role == "hit" and outcome is None:
            outcome = "hit"
    # target: the first site, actor or site word after the anchor
    target = None
    a0 = anchors[0]
    for h in hits:
        if h.start < a0.end:
            continue
        if h.cat == "place" and word_without_place_cue(ctx, h):
            continue  # «الجمعة» is a day before it is a town
        if h.cat in ("place", "actor") or (h.kind == "placetype" and h.role == "site"):
            if words.distance(a0.end, h.start) > 5:
                break  # the hits further on are further away
            end = h.end
            if h.kind == "placetype":
                nxt = ctx.hits_in(h.end, min(e, h.end + 40))
                for n in nxt[:2]:
                    if n.cat in ("place", "actor") or n.kind == "nationality":
                        end = n.end
            target = text[h.start : end]
            break
    # dates
    date, date_inside = date_for(ctx, a)
    # background hints
    bg_hint = background_hint(ctx, a, hits, date, date_inside)
    # strength
    specific_place = any(place_rank(h) <= 4 for h, _ in places)
    counts = bool([c for c in munitions if c.tier <= 3] or killed or wounded or none or combined)
    indefinite_weapon = any(
        not w.definite
        and (
            w.kind == "weapon"
            and w.role in ("munition", "aircraft", "adj", "firearm", "explosive")
            or w.kind == "trigger"
        )
        for w in weapons
    )
    has_date = (
        date is not None
        and date.kind not in ("vague", "period")
        and (date_inside or s <= date.start < e)
    )
    if a.split and not ref and best is not None:
        strong = True
    elif ref:
        actors = [c for c in actors if c.priority == 1]
        strong = specific_place and counts
    elif plural_only:
        # «ردا على هجمات بطائرات مسيرة وصواريخ»: plurals alone say nothing concrete
        firm = bool(killed or wounded or none or [c for c in munitions if not c.vague])
        strong = bool(specific_place or firm or (has_date and date.date is not None))
    elif all(t.kind != "trigger" or t.role in ("noun", "dual") for t in anchors):
        # an attack noun alone («… في ضربة أميركية في بغداد») needs more than a town to be a
        # report of its own: a count, a date, a site, a munition or a named perpetrator
        site = any(place_rank(h) == 0 for h, _ in places)
        munition = any(
            w.kind == "weapon" and w.role == "munition" and not w.definite for w in weapons
        )
        strong = bool(
            counts
            or has_date
            or site
            or munition
            or (actors and actors[0].priority == 0)
            or _victim_named(ctx, anchors, hits)
        )
    else:
        strong = bool(
            specific_place
            or counts
            or has_date
            or indefinite_weapon
            or (actors and actors[0].priority <= 2)
        )
    return Mention.of(
        a,
        ref=ref,
        reply=reply,
        another=another,
        leads_ref=leads_ref,
        weapons=tuple(weapons),
        hints=tuple(hints),
        site_words=tuple(site_words),
        places=tuple(places),
        launch=tuple(launch),
        best_place=best,
        site_anaphor=site_anaphor,
        relative_place=relative_place,
        actors=tuple(actors),
        unknown_agent=unknown_agent,
        claims=tuple(claims),
        claim_negated=claim_negated,
        accused=tuple(accused),
        announce=frozenset(announce),
        announcers=tuple(announcers),
        own_forces=own_forces,
        continues=continues,
        munitions=tuple(munitions),
        killed=tuple(killed),
        wounded=tuple(wounded),
        none=none,
        outcome=outcome,
        target=target,
        date=date,
        date_inside=date_inside,
        bg_hint=bg_hint,
        same_day=same_day,
        strong=strong,
    )


def _announcers(ctx: Context, hits: list, claim_words: list) -> set:
    """Actors named right after «أعلن / أعلنت / تبنت» (a group announcing its attack)."""
    out = set()
    words = ctx.words
    for a in claim_words:
        if a.sense == "declared":
            start = a.end
            for h in hits:
                if h.kind == "cue" and h.role == "self_named" and h.start >= start:
                    # «قالت جماعة تطلق على نفسها اسم X»: the speaker's name comes after
                    if words.distance(start, h.start) <= 2:
                        start = h.end
                if h.cat == "actor" and h.start >= start:
                    if words.distance(start, h.start) <= 2:
                        out.add(h.id)
                    elif _group_anaphor_after(ctx, a.end) and not entity_of(ctx, h)[1]:
                        # «وقالت الجماعة: "استهدف مجاهدو المقاومة …"»: the group's own words
                        out.add(h.id)
                    break  # (the actors further on are further away)
    return out


def _group_anaphor_after(ctx: Context, pos: int) -> bool:
    """Whether «الجماعة / التنظيم» (the group told before) is the word right after ``pos``."""
    nxt = ctx.text[pos : pos + 12].split(maxsplit=1)
    return bool(nxt) and nxt[0].lstrip(_WAW) in GROUP_ANAPHORS


def _announcer(ctx: Context, h) -> tuple:
    ent, state, air, atype = entity_of(ctx, h)
    return (ent, 0, state, air, not state, atype, h.start)


def continuation(ctx: Context, sent: Sentence) -> list[Mention]:
    """A sentence right after a mention that adds casualties or the weapon without an attack
    word («وأضاف أن شرطيين آخرين أصيبا بجروح», «طائرة مسيرة حامت فوق …»): one more
    statement of the event just reported."""
    hits = ctx.hits_in(sent.start, sent.end)
    head = None
    for h in hits:
        if h.kind == "casualty" and h.role in ("killed", "wounded", "generic", "material_only"):
            head = h
            break
        if (
            h.kind == "weapon"
            and h.role == "munition"
            and not h.definite
            and h.get("weapon") in ("drone", "rocket", "katyusha_rocket", "ied", "car_bomb")
        ):
            head = h
            break
    launch_only = False
    if head is None:
        head = _launch_cue(ctx, hits)
        if head is None:
            # «انطلقت الطائرة المسيرة من …»: the projectile before «من»
            fired = fired_from(ctx, hits)
            head = fired[0][0] if fired else None
        launch_only = head is not None
    if head is None:
        return []
    if any(h.kind == "cue" and h.role in anchor_rules().void_cue_roles for h in hits):
        return []
    if any(h.kind == "cue" and h.role == "since" for h in hits) or any(
        h.kind == "trigger" and statistic(ctx, h, sent.end) for h in hits
    ):
        # «ومنذ بداية العام … وثق 13 هجوماً بطائرة مسيرة»: a tally, not the event again
        return []
    m = fill(ctx, Anchored(sent, sent.start, sent.end, sent.start, sent.end, (head,)))
    if launch_only:
        # «وأضاف أن الصواريخ أطلقت من منطقة …»: only where the event was fired from
        if not m.launch:
            return []
        return [
            dataclasses.replace(
                m,
                places=(),
                best_place=None,
                site_words=(),
                target=None,
                actors=(),
                claims=(),
                accused=(),
                announcers=(),
                munitions=(),
                killed=(),
                wounded=(),
                none=None,
                outcome=None,
                ref=True,
                strong=False,
            )
        ]
    has = m.killed or m.wounded or m.none or head.kind == "weapon"
    if not has:
        return []
    # (it refers to the event just told: it starts none of its own)
    return [dataclasses.replace(m, ref=True, strong=False)]


_FIRED = words("slots.fired")


def _launch_cue(ctx: Context, hits: list):
    """A launch cue of a sentence with no attack word: «الصواريخ أطلقت من منطقة …»,
    «انطلقت الطائرة المسيرة من …». «انطلق من» needs a projectile named next to it (a
    convoy or a march sets out from a place too)."""
    words = ctx.words
    for c in hits:
        if c.kind != "cue" or c.role != "launch":
            continue
        if c.name.startswith(_FIRED):
            return c
        for w in hits:
            if (
                w.kind == "weapon"
                and w.role == "munition"
                and words.distance(min(w.end, c.end), max(w.start, c.start)) <= 3
            ):
                return c
    return None
