"""The named predicates of the anchor stage: the decisions about attack words that are code.

Anchor rules (``stage = "anchor"`` in ``rasid/data/rules/rules.toml``) name these with
``predicate`` or ``unless``; each is called as ``fn(ctx, hit, clause)`` (the ``void_mention``
ones as ``fn(ctx, anchors, clause)``) and says whether it holds. Counting attacks («92
هجوما»), a cordon or an earthquake «ضرب», a projectile shot down, a reply to an attack told
before: each is a small reading of the words around the hit.
"""

from __future__ import annotations

import re

from ..text import normalize
from . import counts as _counts
from .clauses import Clause
from .context import Context, opens_at
from .rules import predicate
from .sentences import CLAUSE_PUNCT
from .spelling import BA as _BA
from .spelling import BA_LAM_TATWEEL as _BA_LAM_TATWEEL
from .spelling import CLAUSE_MARKS
from .spelling import WAW as _WAW
from .words import words

__all__ = ["REFERENCE_ROLES", "anaphoric", "statistic", "aircraft_after", "defences_between"]


# attack nouns that may only refer back to an event told before («الهجوم», «هذه الضربة»)
REFERENCE_ROLES = ("noun", "dual", "verbnoun", "impact")


_DEFENCES = words("anchor_predicates.defences")


def defences_between(ctx: Context, a: int, b: int) -> bool:
    """«أسقطت الدفاعات الجوية …»: the interceptor named between the verb and its object."""
    gap = ctx.text[a:b].split()
    return (
        bool(gap) and gap[0].lstrip(_WAW) in _DEFENCES and not CLAUSE_PUNCT.search(ctx.text, a, b)
    )


def _opens_with_verb(ctx: Context, s: int, anchors: list) -> bool:
    t = anchors[0]
    return (
        t.kind == "trigger"
        and t.role in ("verb", "verbnoun")
        and ctx.text[s : t.start].strip(" \t" + CLAUSE_MARKS) == ""
    )


def _reply_to_reference(ctx: Context, s: int, hits: list, anchors: list) -> bool:
    """Whether the clause at ``s`` opens with «ردا على / انتقاماً لـ» and its attack words
    only refer to an attack known already («ردا على الضربة الانتقامية …»)."""
    opener = None
    for h in hits:
        if h.kind == "cue" and h.role == "reply":
            opener = h
            break
    if opener is None or not opens_at(ctx, s, opener.start):
        return False
    return all(
        t.kind == "trigger"
        and (
            t.role in REFERENCE_ROLES
            and (t.definite or t.attrs.get("number") == "pl" or anaphoric(ctx, t))
            or _relative_of_reference(ctx, t, hits)
        )
        for t in anchors
    )


def _opens_with_addition(ctx: Context, s: int, hits: list) -> bool:
    """Whether the clause at ``s`` opens with «فضلاً عن / إضافة إلى / بالإضافة إلى»."""
    for h in hits:
        if h.kind == "cue" and h.role == "addition":
            return opens_at(ctx, s, h.start)
    return False


def anaphoric(ctx: Context, t) -> bool:
    if t.kind != "trigger":
        return False
    b = ctx.hit_before(t.start, 8)
    # («ردا على ذلك، شنت …»: a demonstrative closing the clause before points elsewhere)
    return (
        b is not None
        and b.kind == "cue"
        and b.role == "anaphor"
        and not CLAUSE_PUNCT.search(ctx.text, b.end, t.start)
    )


_OPERATIONS = words("anchor_predicates.operations")
# «غارات», «ضربات»: a number right before them counts the raids of one attack
_RAIDS = words("anchor_predicates.raids")


def statistic(ctx: Context, t, clause_end: int) -> bool:
    """«92 هجوما», «5 هجمات», «الهجوم الثالث والعشرون», «الاستهداف الثاني»."""
    if t.role not in ("noun", "dual", "verbnoun"):
        return False
    words = ctx.words
    # «قتل جنديان بهجوم», «أصيب 3 بانفجار»: a preposition on the attack word means the
    # number before it counts something else
    prep = t.start > 0 and ctx.text[t.start - 1] in _BA_LAM_TATWEEL
    for n in ctx.numbers_in(max(0, t.start - 30), t.start):
        if prep or n.kind == "dual":
            break
        if n.end <= t.start and n.kind != "ordinal" and words.distance(n.end, t.start) == 2:
            # «أكثر من 70 عملية قصف»: operations of a kind, counted
            if ctx.text[n.end : t.start].strip().startswith(_OPERATIONS):
                return True
        if n.end <= t.start and words.distance(n.end, t.start) <= 1 and n.kind != "ordinal":
            if t.name.split(" ", 1)[0].endswith(_RAIDS) and n.kind != "vague":
                continue
            if _raids_counted_singular(ctx, t, n):
                continue
            if (
                n.kind == "vague"
                and _object_of_attack_verb(ctx, n, ("verb", "verbnoun"))
                and not _tally_after(ctx, t.end, clause_end)
            ):
                # «استهدف بعدد من الغارات», «شنت عدة غارات»: the raids of one attack
                continue
            return True
    for n in ctx.numbers_in(t.end, min(clause_end, t.end + 30)):
        if n.kind == "ordinal" and words.distance(t.end, n.start) <= 2:
            # «استهدافين، الأول قرب … والثاني قرب …» enumerates, it does not count
            nxt = ctx.hits_in(n.end, clause_end + 200)
            if any(h.kind == "cue" and h.role == "enumeration" and h.start > n.end for h in nxt):
                continue
            return True
    return False


def _tally_after(ctx: Context, start: int, end: int) -> bool:
    """Whether what follows vaguely counted raids makes them a tally: a span («عدة ضربات …
    منذ العام الماضي») or raids over two countries («عدة ضربات في العراق وسوريا»)."""
    hits = ctx.hits_in(start, end)
    if any(h.kind == "cue" and h.role == "since" for h in hits):
        return True
    return len({h.id for h in hits if h.kind == "country"}) >= 2


def _raids_counted_singular(ctx: Context, t, n) -> bool:
    """«شنت طائرات … أكثر من 35 غارة على مدن …»: from eleven on Arabic counts with a
    singular noun, so a raid noun after such a number, as the object of an attack verb right
    before it, is the plural «غارات» of a stated strike (a tally «وثق المرصد 25 ضربة» has no
    attack verb)."""
    if (
        t.attrs.get("event_type") != "air_strike"
        or t.attrs.get("number") == "pl"
        or n.kind not in ("cardinal", "more_than", "approx", "at_least")
        or n.min is None
        or n.min < 11
    ):
        return False
    return _object_of_attack_verb(ctx, n)


def _object_of_attack_verb(ctx: Context, n, roles: tuple = ("verb",)) -> bool:
    """Whether number ``n`` stands in the clause of an attack verb (trigger ``roles``), at
    most five words after it: what it counts is the object of that one attack («شنت
    الطائرات عدة غارات»)."""
    return any(
        h.kind == "trigger"
        and h.role in roles
        and ctx.words.distance(h.end, n.start) <= 5
        and not CLAUSE_PUNCT.search(ctx.text, h.end, n.start)
        for h in ctx.hits_in(max(0, n.start - 60), n.start)
    )


_OF_ITS_KIND = words("anchor_predicates.of_its_kind")


def _kind_rank(ctx: Context, c, hits: list) -> bool:
    """«تعرض رتل … إلى تفجير … هو الثاني من نوعه»: an ordinal «من نوعه» after a clause that
    itself reports the attack (an attack verb, «تعرض», «سقوط») ranks it, it does not count
    attacks; after an attack noun alone («في هجوم هو الثاني من نوعه») it voids the clause."""
    if c.role == "statistic" and c.sense == "rise":
        # «ارتفاع عدد قتلى الهجوم إلى 4»: a casualty toll, not a count of attacks
        nxt = ctx.hits_in(c.end, c.end + 12)
        return bool(nxt) and nxt[0].kind == "casualty"
    if c.role != "statistic" or c.name not in _OF_ITS_KIND:
        return False
    return any(
        h.kind == "trigger"
        and h.start < c.start
        and h.role in ("verb", "verbnoun", "expose", "impact")
        and not anaphoric(ctx, h)
        for h in hits
    )


_STRIKE_VERBS = words("anchor_predicates.strike_verbs")


# «ضربت القوات طوقاً أمنياً»: a cordon; «الزلزال الذي ضرب»: a disaster
_CORDON = words("anchor_predicates.cordon")


_DISASTERS = words("anchor_predicates.disasters")


_RELATIVE = words("anchor_predicates.relative")


def _relative_of_reference(ctx: Context, t, hits: list) -> bool:
    """«الضربة الانتقامية التي نفذتها القوات»: a verb in a relative clause of a definite
    attack noun says more about that attack (in a clause answering it, an earlier one)."""
    if t.role != "verb":
        return False
    before = ctx.text[max(0, t.start - 12) : t.start].split()
    if not before or before[-1] not in _RELATIVE:
        return False
    for h in hits:
        if (
            h.kind == "trigger"
            and h.definite
            and h.role in ("noun", "verbnoun", "dual")
            and h.end <= t.start
            and ctx.words.distance(h.end, t.start) <= 3
        ):
            return True
    return False


def _not_an_attack(ctx: Context, t, floor: int) -> bool:
    """«ضرب» that strikes no one: a cordon set up («ضربت القوات طوقاً») or an earthquake
    or storm that hit a region («الزلزال الذي ضرب»)."""
    name = t.name.lstrip(_WAW)
    if not name.startswith(_STRIKE_VERBS) or t.role not in ("verb", "verbnoun", "present"):
        return False
    text = ctx.text
    after = text[t.end : t.end + 60].split()[:4]
    if any(w.lstrip(_WAW).startswith(_CORDON) for w in after):
        return True
    before = text[max(floor, t.start - 40) : t.start].split()[-3:]
    return any(w.lstrip(_WAW) in _DISASTERS for w in before)


def _describes_a_noun_after(ctx: Context, c, hits: list) -> bool:
    """«… سقطت في قاعدة بلد التي تضم طائرات … لها دور في العديد من العمليات»: a habit told
    in a relative clause after every attack word describes the place, not the attack."""
    if c.role != "habitual":
        return False
    # (a present tense in the description, «تضم طائرات تدك معاقل …», anchors nothing)
    told = [h for h in hits if h.kind == "trigger" and h.role != "present"]
    last = max((h.end for h in told if h.start < c.start), default=None)
    if last is None or any(h.start > c.start for h in told):
        return False
    return any(w in _RELATIVE for w in ctx.text[last : c.start].split())


def _told_as_past(ctx: Context, t) -> bool:
    """«… قبل أن تستهدفها المسيرة», «بعد أن يقصفها»: a present tense after «قبل أن / بعد أن»
    (cue ``pos`` subjunctive) tells what happened."""
    b = ctx.hit_before(t.start, 8)
    return (
        b is not None
        and b.kind == "cue"
        and b.get("pos") == "subjunctive"
        and ctx.words.distance(b.end, t.start) <= 1
    )


def _blames_for(ctx: Context, c, hits: list) -> bool:
    """«إدانة فصيل … باغتيال الناشط»: «إدانة» (cue ``pos`` guilt: condemnation or
    conviction) with «بـ» on the attack word holds a party guilty of an attack that took
    place; it condemns nothing («نددت بالهجوم» does)."""
    if c.role != "condemn" or c.get("pos") != "guilt":
        return False
    return any(
        h.kind == "trigger"
        and h.start > c.end
        and ctx.words.distance(c.end, h.start) <= 4
        and ctx.text[h.start - 1] == _BA
        for h in hits
    )


@predicate("ranks_reported_attack")
def _ranks_reported_attack(ctx: Context, c, cl: Clause) -> bool:
    return _kind_rank(ctx, c, cl.hits)


@predicate("describes_a_noun_after")
def _describes_a_noun_after_(ctx: Context, c, cl: Clause) -> bool:
    return _describes_a_noun_after(ctx, c, cl.hits)


@predicate("blames_for")
def _blames_for_(ctx: Context, c, cl: Clause) -> bool:
    return _blames_for(ctx, c, cl.hits)


@predicate("told_as_past")
def _told_as_past_(ctx: Context, t, cl: Clause) -> bool:
    return _told_as_past(ctx, t)


@predicate("projectile_hits")
def _projectile_hits(ctx: Context, o, cl: Clause) -> bool:
    """«أصاب صاروخ منزلاً», «أصابت قذيفة هاون مدرسة»: a projectile hitting, like «سقط صاروخ»."""
    return any(
        w.kind == "weapon"
        and w.role == "munition"
        and w.start >= o.end
        and ctx.words.distance(o.end, w.start) <= 1
        for w in cl.hits
    )


@predicate("attack_count")
def _attack_count(ctx: Context, t, cl: Clause) -> bool:
    return statistic(ctx, t, cl.end)


@predicate("no_victim_after")
def _no_victim_after(ctx: Context, t, cl: Clause) -> bool:
    """Whether no victim follows a killing verb and its agent («قتل مسلحون ثلاثة رعاة» has
    one; «قتل مسلحون في اشتباكات» is the passive, a toll): no number and no person word
    within two words after it."""
    words = ctx.words
    return not any(
        n.start >= t.end and words.distance(t.end, n.start) <= 2
        for n in ctx.numbers_in(t.end, cl.end)
    ) and not any(
        h.kind == "person" and h.start >= t.end and words.distance(t.end, h.start) <= 2
        for h in cl.hits
    )


def _tells_casualties(hits) -> bool:
    """Whether killed or wounded are told among ``hits``."""
    return any(h.kind == "casualty" and h.role in ("killed", "wounded") for h in hits)


@predicate("told_in_detail")
def _told_in_detail(ctx: Context, c, cl: Clause) -> bool:
    """Whether the sentence of a clause tells one attack's particulars: a casualty word or an
    explicit date («وسبق أن أسفر قصف …، يوم 11 آب، عن مقتل …»), not a general recollection."""
    s, e = cl.sent.start, cl.sent.end
    return _tells_casualties(ctx.hits_in(s, e)) or any(
        d.kind == "explicit" for d in ctx.dates_in(s, e)
    )


@predicate("told_on_a_day")
def _told_on_a_day(ctx: Context, c, cl: Clause) -> bool:
    """Whether a clause dates what it tells to a day («استمرت الاشتباكات العنيفة أمس في
    محيط المطار», «يوم الخميس») or tells its casualties: particular fighting, not attacks
    in general."""
    return _tells_casualties(cl.hits) or any(
        d.kind in ("relative_day", "weekday") or d.kind == "explicit" and d.precision == "day"
        for d in ctx.dates_in(cl.start, cl.end)
    )


@predicate("no_killing_near")
def _no_killing_near(ctx: Context, t, cl: Clause) -> bool:
    """No killing in the sentence of ``t`` within sixteen words after it («خطف … قبل أن يعثر
    على جثث») or ten before («قتلا بعد اختطافهما»): a kidnapping is an attack only when it
    ends in a killing (a toll further before is another matter: «مقتل 600 … وخطف ناشطين»;
    so is a killing in a relative clause, «وخطف المسلحون الذين قتلوا المدنيين خمسة آخرين»,
    which tells who the kidnappers are)."""
    words = ctx.words
    return not any(
        h.kind == "casualty"
        and h.role == "killed"
        and -10 <= words.index_gap(t.start, h.start) <= 16
        and not _after_relative(ctx, h.start, cl.sent.start)
        for h in ctx.hits_in(cl.sent.start, cl.sent.end)
    )


def _after_relative(ctx: Context, pos: int, floor: int) -> bool:
    """Whether the word right before ``pos`` (not before ``floor``) is a relative pronoun."""
    before = ctx.text[max(floor, pos - 12) : pos].split()
    return bool(before) and before[-1] in _RELATIVE


@predicate("cordon_or_disaster")
def _cordon_or_disaster(ctx: Context, t, cl: Clause) -> bool:
    return _not_an_attack(ctx, t, cl.start)


@predicate("brings_down_munition")
def _brings_down_munition(ctx: Context, o, cl: Clause) -> bool:
    """«أعلنت القوات إسقاط طائرة مسيرة»: an attack shot down is an attack (the defences may
    stand between: «أسقطت الدفاعات الجوية طائرة مسيرة»)."""
    words = ctx.words
    return any(
        w.kind == "weapon"
        and w.role == "munition"
        and w.start >= o.end
        and (
            words.distance(o.end, w.start) <= 2
            or words.distance(o.end, w.start) <= 4
            and defences_between(ctx, o.end, w.start)
        )
        for w in cl.hits
    )


@predicate("brings_down_aircraft")
def _brings_down_aircraft(ctx: Context, o, cl: Clause) -> bool:
    """«أسقط التنظيم اليوم مروحية للجيش»: a manned aircraft shot down is an attack on it
    (its subject may stand between: up to six words); not when a projectile or drone is
    the object (:func:`_brings_down_munition`)."""
    return (
        o.sense == "down"
        and aircraft_after(ctx, o, cl.hits, 6)
        and not _brings_down_munition(ctx, o, cl)
    )


def aircraft_after(ctx: Context, t, hits: list, within: int) -> bool:
    """Whether a manned aircraft («مروحية», «طائرة حربية») follows ``t`` within ``within``
    words (a date between not counted), with no clause punctuation between."""
    words = ctx.words
    return any(
        w.kind == "weapon"
        and w.role == "aircraft"
        and w.start >= t.end
        and words.distance(t.end, w.start) - _counts._date_words(ctx, t.end, w.start) <= within
        and not CLAUSE_PUNCT.search(ctx.text, t.end, w.start)
        for w in hits
    )


@predicate("aircraft_destroyed_targets")
def _aircraft_destroyed(ctx: Context, o, cl: Clause) -> bool:
    return _aircraft_destroyed_targets(ctx, o, cl.hits, cl.end)


@predicate("answers_known_attack")
def _answers_known_attack(ctx: Context, anchors: list, cl: Clause) -> bool:
    return _reply_to_reference(ctx, cl.start, cl.hits, anchors)


@predicate("running_total_after_since")
def _running_total_after_since(ctx: Context, anchors: list, cl: Clause) -> bool:
    """«ومنذ تشرين الأول، تم استهداف منشآت بنحو 33 صاروخاً»: a counted attack after a
    fronted «منذ …،» is a running total (not «منذ الفجر، قصفت قوات النظام البلدة»: an
    attack going on since dawn, with no figure)."""
    return cl.after_since and any(n.kind != "ordinal" for n in ctx.numbers_in(cl.start, cl.end))


@predicate("goes_on_voided_count")
def _goes_on_voided_count(ctx: Context, anchors: list, cl: Clause) -> bool:
    """«شنت … مئات الضربات، طالت مواقع …»: the verb goes on with the voided subject;
    «نفذت أكثر من 70 عملية قصف، فضلاً عن قصف مدينة …»: one more item of the count."""
    return cl.after_void and (
        _opens_with_verb(ctx, cl.start, anchors) or _opens_with_addition(ctx, cl.start, cl.hits)
    )


# what aircraft destroy when they strike: targets, positions, shelters, caves, depots
# (a word, with a count or a word before it)
_STRUCK = re.compile(
    r"(?:^|\s)(?:\d+ |[^\s]+ )?(?:"
    + "|".join(re.escape(w) for w in words("anchor_predicates.struck"))
    + ")"
)


def _aircraft_destroyed_targets(ctx: Context, o, hits: list, e: int) -> bool:
    """«طائراتها دمرت 12 هدفاً», «دمرت المقاتلات التركية مواقع …»: aircraft as the subject
    of «دمّر» and targets as its object are an air strike (not aircraft shot down: the
    aircraft stand right before the verb, or right after it with no defences named)."""
    if o.sense != "destroy":
        return False
    words = ctx.words
    subject = False
    for w in hits:
        if w.kind != "weapon" or w.role != "aircraft":
            continue
        if w.end <= o.start and words.distance(w.end, o.start) <= 2:
            subject = True
        elif w.start >= o.end and words.distance(o.end, w.start) <= 1:
            subject = not defences_between(ctx, o.end, w.start)
        if subject:
            after = ctx.text[max(w.end, o.end) : min(e, max(w.end, o.end) + 60)]
            return bool(_STRUCK.search(normalize(after)[:40]))
    return False
