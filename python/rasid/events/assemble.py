"""Event detection and slot filling: from gazetteer hits to mentions to events.

One document is scanned once by the gazetteer (places, sites, actors and the event lexicon);
only sentences with a trigger get any further work:

1. a sentence is cut into clauses (punctuation, «فيما، بينما، بعد، ردا على …»);
2. a clause with an attack trigger that is not voided by a cue (threat, denial, plan,
   habitual, statistic «92 هجوما / الهجوم الثالث», a present tense outside a headline)
   anchors a *mention*; clauses without one attach to the mention before (or after, when
   they open with a boundary word);
3. each mention gets its slots (places, weapons, counts, actors, claim, dates, cues);
4. mentions of one real event are merged (:mod:`rasid.events.merge`) and each event is
   finalised: type, background, date, counts, actor vs claimant, confidence, evidence.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as _dt
import functools
import re
from typing import Any, Callable, NamedTuple

from ..dates import infer_published, publication_date, resolve_dates, weekday_of
from ..geo import haversine_km
from ..numbers import parse_numbers
from ..text import normalize
from . import counts as _counts
from . import entities as _ent
from .lexicon import scan
from .merge import merge
from .record import Count, Entity, Event, Evidence, event_id
from .rules import Effect, Rule, Stage, Trace, decision, predicate, predicates, rules
from .sentences import CLAUSE_PUNCT, Sentence, Words, split_sentences
from .spelling import AL as _AL
from .spelling import ALEF as _ALEF
from .spelling import ALEF_HAMZA as _ALEF_HAMZA
from .spelling import ALEF_HAMZA_BELOW as _ALEF_HAMZA_BELOW
from .spelling import BA as _BA
from .spelling import BA_LAM_TATWEEL as _BA_LAM_TATWEEL
from .spelling import COMMA, SEMICOLON
from .spelling import LAM as _LAM
from .spelling import WAW as _WAW
from .typing_stage import decide_type
from .words import word_set, words

__all__ = ["Context", "Mention", "build_mentions", "finalize"]


# attack nouns that may only refer back to an event told before («الهجوم», «هذه الضربة»)
_REFERENCE_ROLES = ("noun", "dual", "verbnoun", "impact")
_ANOTHER = words("assemble.another")
_ADDED = words("assemble.added")
_ANAPHOR_AFTER = words("assemble.anaphor_after")


class Context:
    """Everything known about one document: text, hits, numbers, dates, word positions.

    ``read_dates``, when given, is called the first time :attr:`dates` or :attr:`published`
    is asked for and returns both (instead of ``dates`` and ``published``): dates matter
    only once an attack is stated, and many documents with attack words state none.
    """

    def __init__(
        self,
        text: str,
        hits: list,
        numbers: list,
        dates: list | None,
        published,
        read_dates: Callable[[], tuple] | None = None,
        trace: Trace | None = None,
    ):
        self.text = text
        self.trace = trace
        self.hits = hits
        self._hs = [h.start for h in hits]
        self.numbers = sorted(numbers, key=lambda n: n.start)
        self._ns = [n.start for n in self.numbers]
        self._dates: Any = dates  # a list once read (None until then when read_dates is given)
        self._published = published
        self._read_dates: Any = read_dates  # None once called
        self.words = Words(text)
        self.free_claims: list = []
        self.sentence_starts: list = []
        self.sentences: list = []
        self.mentioned: set = set()
        # per sentence ``(start, end)``: its place hits and the countries / regions they
        # name (see :func:`rasid.events.entities.place_candidates`)
        self.sentence_places: dict = {}

    @property
    def dates(self) -> list:
        """The date mentions of the text around the attack words."""
        if self._read_dates is not None:
            self._load_dates()
        return self._dates

    @property
    def published(self):
        """The publication day (given, or read from a dateline), or ``None``."""
        if self._read_dates is not None:
            self._load_dates()
        return self._published

    def _load_dates(self) -> None:
        self._dates, self._published = self._read_dates()
        self._read_dates = None
        # positions of the dates by start, so that a span's dates are found without a scan
        # of the whole document's (one scan per mention made long articles quadratic)
        self._date_order = sorted(range(len(self._dates)), key=lambda i: self._dates[i].start)
        self._date_starts = [self._dates[i].start for i in self._date_order]

    def dates_in(self, s: int, e: int) -> list:
        """Date mentions starting in ``[s, e)``, in the order of :attr:`dates`."""
        dates = self.dates
        lo = bisect.bisect_left(self._date_starts, s)
        hi = bisect.bisect_left(self._date_starts, e)
        return [dates[i] for i in sorted(self._date_order[lo:hi])]

    def hits_in(self, s: int, e: int) -> list:
        """Hits starting in ``[s, e)``."""
        return self.hits[bisect.bisect_left(self._hs, s) : bisect.bisect_left(self._hs, e)]

    def hit_before(self, pos: int, within: int):
        """The last hit starting in ``[pos - within, pos)`` (``None`` when there is none)."""
        i = bisect.bisect_left(self._hs, pos)
        if i and self._hs[i - 1] >= pos - within:
            return self.hits[i - 1]
        return None

    def numbers_in(self, s: int, e: int) -> list:
        """Number mentions starting in ``[s, e)``."""
        return self.numbers[bisect.bisect_left(self._ns, s) : bisect.bisect_left(self._ns, e)]

    def norm_after(self, pos: int, n: int) -> str:
        """The ``n`` characters after ``pos``, normalized (for «على الأقل» after a noun)."""
        return normalize(self.text[pos : pos + n]).strip()

    def fire(self, rule_id: str, start: int, end: int, note: str = "") -> None:
        """Record that rule ``rule_id`` fired on ``text[start:end]`` (when tracing)."""
        if self.trace is not None:
            self.trace.fire(rule_id, start, end, note)


class Mention:
    """One statement of an event: a span of a sentence around an attack trigger."""

    __slots__ = (
        "sent",
        "start",
        "end",
        "ev_start",
        "ev_end",
        "anchors",
        "weapons",
        "hints",
        "places",
        "launch",
        "actors",
        "unknown_agent",
        "claims",
        "claim_negated",
        "accused",
        "munitions",
        "killed",
        "wounded",
        "none",
        "date",
        "date_inside",
        "bg_hint",
        "same_day",
        "ref",
        "strong",
        "group",
        "split",
        "outcome",
        "target",
        "site_words",
        "leads_ref",
        "another",
        "announcers",
        "site_anaphor",
        "best_place",
        "wspan",
        "announce",
        "continues",
        "index",
        "families",
        "actor_ids",
        "relative_place",
        "reply",
        "toll",
        "own_forces",
    )

    def __init__(self, sent: Sentence, start: int, end: int, ev_start: int, ev_end: int):
        self.sent = sent
        self.start = start
        self.end = end
        self.ev_start = ev_start
        self.ev_end = ev_end
        self.anchors: list = []
        self.weapons: list = []
        self.hints: list = []
        self.places: list = []
        self.launch: list = []
        self.actors: list = []
        self.unknown_agent = False
        self.claims: list = []
        self.claim_negated = False
        self.accused: list = []
        self.munitions: list = []
        self.killed: list = []
        self.wounded: list = []
        self.none: tuple[int, int] | None = None
        self.date: Any = None
        self.date_inside = False
        self.bg_hint = False
        self.same_day = False
        self.ref = False
        self.strong = False
        self.group: int | None = None
        self.split = False
        self.outcome: str | None = None
        self.best_place = None
        self.site_anaphor = False
        self.site_words: list = []
        self.leads_ref = False
        self.another = False
        self.announcers: list = []
        self.wspan: tuple | None = None
        self.target: str | None = None
        self.announce: set[str] = set()  # ids of the actors that announce it
        self.continues = False
        self.index = 0
        # worked out by the merge (:mod:`rasid.events.merge`), once per mention
        self.families: set | None = None
        self.actor_ids: set | None = None
        # the place is only a bearing («شمال بغداد»): the event may lie tens of km away
        self.relative_place = False
        # opens with «ردا على ذلك،»: the answer to another attack, not one more statement
        # of it
        self.reply = False
        # one item of a toll listed by place («5 في اللطامنة و4 في كفرزيتا»): its
        # :class:`TollItem`, the part's own count and place
        self.toll = None
        # «إن قواتها ضربت …»: the announcer's own forces are the subject of the attack verb
        self.own_forces = False

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Mention({self.start},{self.end},strong={self.strong},ref={self.ref})"


# ---------------------------------------------------------------------------------------------
# clauses and anchors


def _clauses(ctx: Context, sent: Sentence, hits: list) -> list[tuple[int, int, Any]]:
    """``(start, end, opener)`` clauses of a sentence; ``opener`` is ``False`` after
    punctuation, ``True`` after a boundary word, or the hit of «وآخر» («and another»)."""
    text = ctx.text
    cuts: dict[int, Any] = {}
    for m in CLAUSE_PUNCT.finditer(text, sent.start, sent.end):
        cuts[m.end()] = cuts.get(m.end(), False)
    for h in hits:
        if h.kind == "cue" and h.role in ("boundary", "reply", "after"):
            # (an addition «إضافة إلى» goes on with the same clause)
            pos = _word_start(text, h.start, sent.start)
            cuts[pos] = True
        elif h.kind == "person" and h.name in ("اخر", "آخر", "أخر"):
            # «هجوم بالصواريخ وآخر بطائرة مسيرة»: another attack
            pos = _word_start(text, h.start, sent.start)
            if pos < h.start and text[pos] == _WAW:
                nxt = ctx.hits_in(h.end, min(sent.end, h.end + 12))
                if any(x.kind == "weapon" for x in nxt[:1]):
                    cuts[pos] = h
    points = sorted(p for p in cuts if sent.start < p < sent.end)
    out = []
    prev = sent.start
    opened = False
    for p in points:
        if p > prev:
            out.append((prev, p, opened))
        prev = p
        opened = cuts[p]
    if sent.end > prev:
        out.append((prev, sent.end, opened))
    return out


_DEFENCES = words("assemble.defences")


def _defences_between(ctx: Context, a: int, b: int) -> bool:
    """«أسقطت الدفاعات الجوية …»: the interceptor named between the verb and its object."""
    gap = ctx.text[a:b].split()
    return (
        bool(gap) and gap[0].lstrip(_WAW) in _DEFENCES and not CLAUSE_PUNCT.search(ctx.text, a, b)
    )


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


def _plural_reference(t) -> bool:
    """«الغارات», «الهجمات»: a definite plural attack noun, which anchors nothing."""
    return t.definite and t.role == "noun" and t.attrs.get("number") == "pl"


# what may stand between a clause's start and the word that opens it
# plural site words: «قاعدة عين الأسد وقاعدة حرير» after them are several targets
_PLURAL_SITES = word_set("assemble.plural_sites")

_OPENER_FILLER = " \t,;:" + COMMA + SEMICOLON + _WAW


def _opens_at(ctx: Context, start: int, pos: int) -> bool:
    """Whether only punctuation and «و» stand between ``start`` and ``pos``."""
    return ctx.text[start:pos].strip(_OPENER_FILLER) == ""


def _opens_with_verb(ctx: Context, s: int, anchors: list) -> bool:
    t = anchors[0]
    return (
        t.kind == "trigger"
        and t.role in ("verb", "verbnoun")
        and ctx.text[s : t.start].strip(" \t،,؛;:") == ""
    )


def _reply_to_reference(ctx: Context, s: int, hits: list, anchors: list) -> bool:
    """Whether the clause at ``s`` opens with «ردا على / انتقاماً لـ» and its attack words
    only refer to an attack known already («ردا على الضربة الانتقامية …»)."""
    opener = None
    for h in hits:
        if h.kind == "cue" and h.role == "reply":
            opener = h
            break
    if opener is None or not _opens_at(ctx, s, opener.start):
        return False
    return all(
        t.kind == "trigger"
        and (
            t.role in _REFERENCE_ROLES
            and (t.definite or t.attrs.get("number") == "pl" or _anaphoric(ctx, t))
            or _relative_of_reference(ctx, t, hits)
        )
        for t in anchors
    )


def _answers_before(ctx: Context, s: int, hits: list, anchor: int) -> bool:
    """Whether the span at ``s`` opens with a closed «ردا على ذلك،» before its attack word at
    ``anchor``: the attack that follows answers another one (in «ردا على هجوم استهدف …» the
    attack word is the one answered)."""
    for h in hits:
        if h.kind == "cue" and h.role == "reply":
            return _opens_at(ctx, s, h.start) and bool(CLAUSE_PUNCT.search(ctx.text, h.end, anchor))
    return False


def _opens_with_after(ctx: Context, s: int, hits: list) -> bool:
    """Whether the clause at ``s`` opens with «بعد / عقب …» or «ردا على» (an earlier
    event)."""
    for h in hits:
        if h.kind == "cue" and (h.role == "after" or h.role == "reply"):
            return _opens_at(ctx, s, h.start)
    return False


def _opens_with_addition(ctx: Context, s: int, hits: list) -> bool:
    """Whether the clause at ``s`` opens with «فضلاً عن / إضافة إلى / بالإضافة إلى»."""
    for h in hits:
        if h.kind == "cue" and h.role == "addition":
            return _opens_at(ctx, s, h.start)
    return False


def _word_start(text: str, pos: int, floor: int) -> int:
    while pos > floor and not text[pos - 1].isspace() and text[pos - 1] not in '،,؛;:(«“"':
        pos -= 1
    return pos


def _anaphoric(ctx: Context, t) -> bool:
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


_OPERATIONS = words("assemble.operations")


def _statistic(ctx: Context, t, clause_end: int) -> bool:
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
            if t.name.split(" ", 1)[0].endswith(("غارات", "ضربات")) and n.kind != "vague":
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


_OF_ITS_KIND = words("assemble.of_its_kind")


def _kind_rank(ctx: Context, c, hits: list) -> bool:
    """«تعرض رتل … إلى تفجير … هو الثاني من نوعه»: an ordinal «من نوعه» after a clause that
    itself reports the attack (an attack verb, «تعرض», «سقوط») ranks it, it does not count
    attacks; after an attack noun alone («في هجوم هو الثاني من نوعه») it voids the clause."""
    if c.role == "statistic" and c.name == "ارتفاع عدد":
        # «ارتفاع عدد قتلى الهجوم إلى 4»: a casualty toll, not a count of attacks
        nxt = ctx.hits_in(c.end, c.end + 12)
        return bool(nxt) and nxt[0].kind == "casualty"
    if c.role != "statistic" or c.name not in _OF_ITS_KIND:
        return False
    return any(
        h.kind == "trigger"
        and h.start < c.start
        and h.role in ("verb", "verbnoun", "expose", "impact")
        and not _anaphoric(ctx, h)
        for h in hits
    )


_STRIKE_VERBS = words("assemble.strike_verbs")
# «ضربت القوات طوقاً أمنياً»: a cordon; «الزلزال الذي ضرب»: a disaster
_CORDON = words("assemble.cordon")
_DISASTERS = words("assemble.disasters")


_RELATIVE = words("assemble.relative")


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


def _victim_named(ctx: Context, anchors: list, hits: list) -> bool:
    """«اغتيال الناشط الإعلامي …»: an attack on a person names its victim right after the
    attack word, which makes the noun a report of one attack."""
    for t in anchors:
        if t.kind != "trigger" or t.get("event_type") != "other_attack":
            continue
        for h in hits:
            if h.start >= t.end and h.kind == "person" and ctx.words.distance(t.end, h.start) == 1:
                return True
    return False


class Clause(NamedTuple):
    """A clause as the anchor rules see it: its sentence, span and hits (sorted by start);
    ``after_void``: the clause before it in the sentence had an attack word voided;
    ``after_since``: the clause before it is a fronted «ومنذ …،» with no attack word."""

    sent: Sentence
    start: int
    end: int
    hits: list
    after_void: bool = False
    after_since: bool = False


class _AnchorRules:
    """The anchor-stage rules of the rules file, grouped the way :func:`_anchors` applies
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
        # cue roles that void a clause or a sentence: they void a continuation too
        self.void_cue_roles = frozenset().union(
            *(r.cue_roles for r in self.clause_voids + self.sentence_voids + self.after_voids)
        )


@functools.lru_cache(maxsize=1)
def _anchor_rules() -> _AnchorRules:
    return _AnchorRules()


def _candidates(r: Rule, ctx: Context, cl: Clause) -> list:
    """The hits a rule looks at: cues of its roles, triggers of its roles, or outcomes."""
    w = r.when
    if "cue" in w:
        roles = r.cue_roles
        out = [h for h in cl.hits if h.kind == "cue" and h.role in roles]
        if w.get("at") == "clause_start":
            out = [h for h in out if _clause_initial(ctx.text, h.start, cl.start)]
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


def _anchors(ctx: Context, cl: Clause, threat: tuple[int, Rule] | None) -> list:
    """The attack words that anchor a mention in clause ``cl``, by the anchor rules: none
    when a clause rule voids it, or when a void-after cue of the sentence (a threat;
    ``threat``: where its first one stands, and its rule) comes before them."""
    ar = _anchor_rules()
    preds = ar.preds
    for r in ar.clause_voids:
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
            for r in ar.skips:
                if t.role in r.trigger_roles and _holds(r, ctx, cl, t, preds):
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
    return _statistic(ctx, t, cl.end)


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


@predicate("told_in_detail")
def _told_in_detail(ctx: Context, c, cl: Clause) -> bool:
    """Whether the sentence of a clause tells one attack's particulars: a casualty word or an
    explicit date («وسبق أن أسفر قصف …، يوم 11 آب، عن مقتل …»), not a general recollection."""
    s, e = cl.sent.start, cl.sent.end
    return any(
        h.kind == "casualty" and h.role in ("killed", "wounded") for h in ctx.hits_in(s, e)
    ) or any(d.kind == "explicit" for d in ctx.dates_in(s, e))


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
            and _defences_between(ctx, o.end, w.start)
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
        and _aircraft_after(ctx, o, cl.hits, 6)
        and not _brings_down_munition(ctx, o, cl)
    )


def _aircraft_after(ctx: Context, t, hits: list, within: int) -> bool:
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


@predicate("aircraft_fired_on")
def _aircraft_fired_on(ctx: Context, ev) -> bool:
    """A manned aircraft brought down («أسقط … مروحية», «سقطت المروحية») or fired on
    («تعرضت مروحية لإطلاق نار»): the aircraft is the target, not the attacker."""
    for m in ev.mentions:
        hits = ctx.hits_in(m.start, m.end)
        for a in m.anchors:
            if a.kind == "outcome" and a.sense == "down":
                if _aircraft_after(ctx, a, hits, 6):
                    return True
            elif a.kind == "trigger" and a.role == "impact":
                if _aircraft_after(ctx, a, hits, 1):
                    return True
            elif a.kind == "trigger" and a.sense == "shot":
                exposed = [h for h in hits if h.kind == "trigger" and h.role == "expose"]
                if any(e.end <= a.start and _aircraft_after(ctx, e, hits, 1) for e in exposed):
                    return True
    return False


@predicate("aircraft_destroyed_targets")
def _aircraft_destroyed(ctx: Context, o, cl: Clause) -> bool:
    return _aircraft_destroyed_targets(ctx, o, cl.hits, cl.end)


# void_mention predicates are given the anchors of the clause instead of one hit


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
_STRUCK = re.compile(
    r"(?:^|\s)(?:\d+ |[^\s]+ )?(?:هدف|اهداف|أهداف|موقع|مواقع|مخبا|مخبأ|مخابئ|ملجا|ملجأ|ملاجئ"
    r"|كهف|كهوف|مقر|مقرات|مستودع|مستودعات|مخزن|مخازن|تحصين|تحصينات)"
)


def _aircraft_destroyed_targets(ctx: Context, o, hits: list, e: int) -> bool:
    """«طائراتها دمرت 12 هدفاً», «دمرت المقاتلات التركية مواقع …»: aircraft as the subject
    of «دمّر» and targets as its object are an air strike (not aircraft shot down: the
    aircraft stand right before the verb, or right after it with no defences named)."""
    if not o.name.lstrip(_WAW).startswith(("دمر", "دمّر")):
        return False
    words = ctx.words
    subject = False
    for w in hits:
        if w.kind != "weapon" or w.role != "aircraft":
            continue
        if w.end <= o.start and words.distance(w.end, o.start) <= 2:
            subject = True
        elif w.start >= o.end and words.distance(o.end, w.start) <= 1:
            subject = not _defences_between(ctx, o.end, w.start)
        if subject:
            after = ctx.text[max(w.end, o.end) : min(e, max(w.end, o.end) + 60)]
            return bool(_STRUCK.search(normalize(after)[:40]))
    return False


# ---------------------------------------------------------------------------------------------
# mentions


def build_mentions(ctx: Context, sent: Sentence, group_seq: list) -> list[Mention]:
    """The mentions of one sentence (empty when it states no event)."""
    shits = ctx.hits_in(sent.start, sent.end)
    if not any(h.kind == "trigger" or h.kind == "outcome" for h in shits):
        return []
    # a sentence rule (a denial) voids every anchor, a void-after rule (a threat) the
    # anchors after its cue
    ar = _anchor_rules()
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
    clauses = _clauses(ctx, sent, shits)
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
            anchors = _anchors(ctx, cl, threat)
        for r in ar.mention_voids if anchors else ():
            if ar.preds[r.when["predicate"]](ctx, anchors, cl):
                ctx.fire(r.id, anchors[0].start, anchors[-1].end)
                anchors = []
                break
        since_before = not has_trigger and any(
            h.kind == "cue" and h.role == "since" and _clause_initial(ctx.text, h.start, s)
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
                h.kind == "cue" and h.role == "since" and _clause_initial(ctx.text, h.start, s)
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
    out: list[Mention] = []
    for s, e, es, ee, anchors in groups:
        m = Mention(sent, s, e, es, ee)
        m.anchors = anchors
        out.extend(_split(ctx, m, group_seq))
    prev = None
    for m in out:
        _fill(ctx, m)
        if prev is not None and (
            _coordinated_start(ctx, m)
            or m.toll is not None
            and prev.toll is not None
            and m.group == prev.group
            or _opens_with_where(ctx, m)
        ):
            # «… إضافة إلى ضرب قاعدة …», «و4 في كفرزيتا», «…، حيث استهدفت …»: same
            # subject, same time
            if not m.actors and prev.actors:
                m.actors = prev.actors
            if prev.bg_hint:
                m.bg_hint = True
            if m.date is None and prev.date is not None:
                m.date = prev.date
        prev = m
    return out


def _coordinated_start(ctx: Context, m: Mention) -> bool:
    """«… إضافة إلى ضرب قاعدة …»: a second attack of the same subject."""
    for h in ctx.hits_in(m.start, m.anchors[0].start):
        if h.kind == "cue" and h.role == "addition":
            return True
    return False


def _opens_with_where(ctx: Context, m: Mention) -> bool:
    """«… عملية إنزال في منطقة الكسوة، حيث استهدفت مواقع …»: the clause says more of the
    attack just told, where and when it happened."""
    for h in ctx.hits_in(m.start, m.anchors[0].start):
        if h.kind == "cue" and h.role == "where":
            return _opens_at(ctx, m.start, h.start)
    return False


def _split(ctx: Context, m: Mention, group_seq: list) -> list[Mention]:
    """One mention naming several events: «استهدافين، الأول قرب … والثاني قرب …»,
    «قواعد التحالف في عين الأسد وفكتوريا», or a dual «هجومين» without details."""
    text = ctx.text
    hits = ctx.hits_in(m.start, m.end)
    words = ctx.words
    first_anchor = m.anchors[0].start
    ords = [
        h for h in hits if h.kind == "cue" and h.role == "enumeration" and h.start > first_anchor
    ]
    firsts = [h for h in ords if h.name in ("الاول", "الأول", "الاولي", "الأولى", "الاولى")]
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
                if h.start > f.start and _prefix_w(text, h.start):
                    cuts.append(_word_start(text, h.start, m.start))
    if not cuts:
        sites: list[Any] = []
        for h in hits:
            if h.cat == "place" and _ent.place_rank(h) == 0 and h.start > first_anchor:
                if not sites or sites[-1].id != h.id:
                    sites.append(h)
        # «استهدف هجومان … قاعدة عين الأسد وقاعدة حرير»: two attacks, two sites
        plural_target = len(sites) >= 2 and (
            any(h.kind == "placetype" and h.name in _PLURAL_SITES for h in hits)
            or any(t.kind == "trigger" and t.role == "dual" for t in m.anchors)
        )
        if plural_target:
            for h in sites[1:]:
                if _prefix_w(text, h.start) and not _near(sites[0], h):
                    cuts.append(_word_start(text, h.start, m.start))
    tolls: list = []
    if not cuts:
        tolls = _toll_items(ctx, hits, first_anchor, m.end)
        cuts = [_word_start(text, t.start, m.start) for t in tolls[1:]]
    areas = False
    if not cuts:
        cuts = _target_areas(ctx, m, hits, first_anchor)
        areas = bool(cuts)
    if cuts:
        group_seq[0] += 1
        gid = group_seq[0]
        bounds = [m.start] + sorted(set(cuts)) + [m.end]
        parts: list[Mention] = []
        for a, b in zip(bounds, bounds[1:]):
            p = Mention(m.sent, a, b, max(a, m.ev_start) if a == m.start else a, b)
            if a == m.start:
                p.ev_start = m.ev_start
            p.ev_end = min(b, max(m.ev_end, b)) if a != m.start else b
            p.anchors = m.anchors
            p.group = gid
            p.split = True
            p.wspan = (m.start, m.end)
            if tolls:
                p.toll = tolls[len(parts)]
            if tolls or areas:
                while p.ev_end > p.ev_start and text[p.ev_end - 1] in " \t\n،,؛;":
                    p.ev_end -= 1
            parts.append(p)
        return parts
    if any(t.role == "dual" and not t.definite for t in m.anchors) and (
        sum(1 for d in ctx.dates if m.start <= d.start < m.end) >= 2
    ):
        # «هجومين … الليلة الماضية وظهر اليوم»: two attacks at two times
        group_seq[0] += 1
        gid = group_seq[0]
        twin = Mention(m.sent, m.start, m.end, m.ev_start, m.ev_end)
        twin.anchors = m.anchors
        m.group = twin.group = gid
        m.split = twin.split = True
        return [m, twin]
    return [m]


@dataclasses.dataclass(frozen=True)
class TollItem:
    """One item of a casualty toll listed place by place: «و4 في كفرزيتا»; ``start`` and
    ``end`` are those of its figure."""

    start: int
    end: int
    min: int
    max: int | None
    role: str  # "killed" or "wounded"
    place: Any  # the place hit the item names


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
            if not _prefix_w(text, start) or words.distance(pos, start) > 3:
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


def _target_areas(ctx: Context, m: Mention, hits: list, first_anchor: int) -> list[int]:
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
        places = [h for h in part if h.cat == "place" and _ent.place_rank(h) <= 3]
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
        if seen and all(any(x.id == y.id or _near(x, y, 5) for y in seen) for x in places):
            return []
        cuts.append(_word_start(text, a + len(text[a:b]) - len(head), m.start))
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


def _prefix_w(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in "”“\"«»'ـ":
        i -= 1
    return i >= 0 and text[i] == _WAW


def _near(a, b, radius: float = 30) -> bool:
    la, lb = a.get("lat"), b.get("lat")
    if la is None or lb is None:
        return False
    return haversine_km(la, a.get("lon"), lb, b.get("lon")) <= radius


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


def _fill(ctx: Context, m: Mention) -> None:
    """The slots of one mention."""
    s, e = m.start, m.end
    hits = ctx.hits_in(s, e)
    words = ctx.words
    text = ctx.text
    anchors = m.anchors
    # a mention that only refers back («الهجوم», «هذا الهجوم») or names plurals alone
    ref = True
    plural_only = True
    for i, t in enumerate(anchors):
        anaphoric = _anaphoric(ctx, t)
        reference = t.kind == "trigger" and t.role in _REFERENCE_ROLES
        reference = reference and (t.definite or t.attrs.get("number") == "pl" or anaphoric)
        if not (reference and t.definite or anaphoric):
            ref = False
        if not reference:
            plural_only = False
        if i == 0:
            a0_anaphoric = anaphoric
    m.ref = ref
    m.reply = not ref and _answers_before(ctx, s, hits, anchors[0].start)
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
            if h.name in _ANOTHER:
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
    m.another = any(
        any(t.end <= h.start and words.distance(t.end, h.start) <= 1 for t in anchors)
        for h in others
    ) or any(
        t.kind == "trigger"
        and t.role in ("noun", "verbnoun")
        and not t.definite
        and text[t.end : t.end + 12].split()[:1]
        and text[t.end : t.end + 12].split()[0].startswith(_SIMILAR)
        for t in anchors
    )
    # «فجروا لاحقاً برجاً ثالثاً», «هاجمت أيضاً الفوج»: the verb tells one more attack; not
    # when its subject is the attacks told before («الهجمات استهدفت أيضاً …»: more of them)
    m.another = m.another or any(
        t.kind == "trigger"
        and t.role == "verb"
        and 0 <= words.distance(t.end, h.start) <= 1
        and not _told_attacks_as_subject(ctx, t, hits)
        for h in later
        for t in anchors
    )
    m.leads_ref = (
        a_0.kind == "outcome"
        or a_0.kind == "trigger"
        and ((a_0.definite and a_0.role in _REFERENCE_ROLES) or a0_anaphoric)
        # «الهجمات استهدفت أيضاً …»: the attacks told before as the verb's subject
        or a_0.kind == "trigger"
        and a_0.role == "verb"
        and _told_attacks_as_subject(ctx, a_0, hits)
    )
    whits = hits
    if m.wspan:
        # weapons and attack words of the whole span the mention was split from
        whits = ctx.hits_in(*m.wspan)
        weapons = [h for h in whits if h.kind == "weapon"]
        hints = [
            t.attrs["event_type"]
            for t in whits
            if t.kind == "trigger" and t.attrs.get("event_type")
        ]
    m.weapons = weapons + [t for t in anchors if t.attrs.get("weapon")]
    m.hints = hints
    m.site_words = site_words
    places, launch = _ent.place_candidates(ctx, s, e, m.sent, hits)
    if m.toll is not None:
        # one item of a toll listed by place: the item's place is the event's
        places = [p for p in places if p[0].start == m.toll.place.start] or places
    m.places = places
    m.launch = launch
    m.best_place = _best_place(ctx, m, places)
    m.site_anaphor = False
    if m.best_place is not None:
        m.relative_place = _after_compass(ctx, m.best_place[0])
    if m.best_place is None:
        m.best_place = _site_antecedent(ctx, m)
        m.site_anaphor = m.best_place is not None
    m.actors, m.unknown_agent = _ent.actor_candidates(ctx, s, e, anchors, hits)
    if claim_words:
        m.claims, m.claim_negated = _ent.claim_candidates(ctx, s, e, hits)
        m.accused = _ent.accused_candidates(ctx, s, e, hits)
        m.announce = _announcers(ctx, hits, claim_words)
    else:
        m.claims, m.claim_negated, m.accused, m.announce = [], False, [], set()
    m.announcers = []
    if m.announce:
        for h in hits:
            if h.cat == "actor" and h.id in m.announce:
                m.announcers = [_ent.ActorCand(*_announcer(ctx, h))]
                break
        m.own_forces = any(
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
    sent_hits = ctx.hits_in(m.sent.start, min(m.sent.end, m.sent.start + 40))
    m.continues = any(h.kind == "claim" and h.name in _ADDED for h in sent_hits[:2])
    headline = m.sent.headline
    m.munitions = _counts.munition_candidates(ctx, (s, e), headline, hits)
    if m.split:
        m.munitions = [c for c in m.munitions if not c.vague and c.tier < 4 and c.tier != 5]
    m.killed, m.wounded, m.none = _counts.casualty_candidates(ctx, (s, e), headline, hits)
    if m.toll is not None:
        t = m.toll
        cand = _counts.Cand(t.min, t.max, 1, t.start, t.end)
        m.killed, m.wounded = ([cand], []) if t.role == "killed" else ([], [cand])
    if m.wspan and not m.none:
        m.none = _counts.none_stated(ctx, whits)
    # outcome
    for h in outcomes:
        if h.role == "intercepted":
            if h.name.lstrip(_WAW).startswith(("دمر", "دمّر")) and not _intercepts_munition(
                ctx, h, hits
            ):
                # «دمرت غارة إسرائيلية مستودعاً»: destroyed a target, nothing shot down
                continue
            m.outcome = "intercepted"
            break
        if h.role == "failed" and m.outcome is None:
            m.outcome = "failed"
        elif h.role == "hit" and m.outcome is None:
            m.outcome = "hit"
    # target: the first site, actor or site word after the anchor
    a0 = m.anchors[0]
    for h in hits:
        if h.start < a0.end:
            continue
        if h.cat == "place" and _ent.word_without_place_cue(ctx, h):
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
            m.target = text[h.start : end]
            break
    # dates
    m.date, m.date_inside = _date_for(ctx, m)
    # background hints
    m.bg_hint = _bg_hint(ctx, m, hits)
    m.same_day = same_day
    # strength
    specific_place = any(_ent.place_rank(h) <= 4 for h, _ in m.places)
    counts = bool(
        [c for c in m.munitions if c.tier <= 3] or m.killed or m.wounded or m.none or combined
    )
    indefinite_weapon = any(
        not w.definite
        and (
            w.kind == "weapon"
            and w.role in ("munition", "aircraft", "adj", "firearm", "explosive")
            or w.kind == "trigger"
        )
        for w in m.weapons
    )
    has_date = (
        m.date is not None
        and m.date.kind not in ("vague", "period")
        and (m.date_inside or m.start <= m.date.start < m.end)
    )
    if m.split and not m.ref and m.best_place is not None:
        m.strong = True
    elif m.ref:
        m.actors = [c for c in m.actors if c.priority == 1]
        m.strong = specific_place and counts
    elif plural_only:
        # «ردا على هجمات بطائرات مسيرة وصواريخ»: plurals alone say nothing concrete
        firm = bool(m.killed or m.wounded or m.none or [c for c in m.munitions if not c.vague])
        m.strong = bool(specific_place or firm or (has_date and m.date.date is not None))
    elif all(t.kind != "trigger" or t.role in ("noun", "dual") for t in m.anchors):
        # an attack noun alone («… في ضربة أميركية في بغداد») needs more than a town to be a
        # report of its own: a count, a date, a site, a munition or a named perpetrator
        site = any(_ent.place_rank(h) == 0 for h, _ in m.places)
        munition = any(
            w.kind == "weapon" and w.role == "munition" and not w.definite for w in m.weapons
        )
        m.strong = bool(
            counts
            or has_date
            or site
            or munition
            or (m.actors and m.actors[0].priority == 0)
            or _victim_named(ctx, m.anchors, hits)
        )
    else:
        m.strong = bool(
            specific_place
            or counts
            or has_date
            or indefinite_weapon
            or (m.actors and m.actors[0].priority <= 2)
        )


def _site_antecedent(ctx: Context, m: Mention):
    """«… استهدف مجمعاً عسكرياً في المطار»: the airport (base, field) named before."""
    words = {h.name[2:] for h in m.site_words if h.definite}
    if not words:
        return None
    floor = ctx.sentence_starts[max(0, m.sent.index - 2)] if ctx.sentence_starts else 0
    for h in reversed(ctx.hits_in(floor, m.start)):
        if h.cat == "place" and _ent.place_rank(h) == 0:
            return (h, [h])
    return None


def _best_place(ctx: Context, m: Mention, places: list):
    """The place a mention ties its event to: the most specific one in the anchored clause
    or the clause next to it; places further away count only when there is none."""
    if not places:
        return None
    a, b = m.ev_start, m.ev_end
    text = ctx.text

    def tier(h) -> int:
        if a <= h.start < b:
            return 0
        lo, hi = (b, h.start) if h.start >= b else (h.end, a)
        return 1 if len(CLAUSE_PUNCT.findall(text, lo, hi)) <= 1 else 2

    # the place after the attack word (or after «تعرضت» whose subject is the target)
    point = m.anchors[0].start
    for t in ctx.hits_in(a, point):
        if t.kind == "trigger" and t.role == "expose":
            point = t.start
            break

    def key(item):
        h = item[0]
        return (
            0 if h.start >= point else 1,
            _reference_point(ctx, h),
            _ent.place_rank(h),
            abs(h.start - a),
        )

    by_tier: dict[int, list] = {}
    for item in places:
        by_tier.setdefault(tier(item[0]), []).append(item)
    best = min(by_tier[min(by_tier)], key=key)
    if min(by_tier) == 0 and _ent.place_rank(best[0]) >= 5 and 1 in by_tier:
        alt = min(by_tier[1], key=key)
        if _ent.place_rank(alt[0]) <= 1:
            best = alt
    if min(by_tier) >= 1 and 1 not in by_tier:
        return None if not by_tier.get(2) else min(by_tier[2], key=key)
    return best


_COMPASS = words("assemble.compass")


# words that may stand between a compass word and the place («شرقي العاصمة بغداد»)
_BEARING_FILLERS = word_set("assemble.bearing_fillers")
_BEARING_FILLERS |= {"محافظة", "محافظه", "قضاء", "ناحية", "ناحيه"}


def _compass_before(ctx: Context, h):
    """The compass word right before a place hit («شمال بغداد», «شرقي العاصمة بغداد»)."""
    for prev in reversed(ctx.hits_in(max(0, h.start - 40), h.start)):
        if prev.end > h.start:
            continue
        if prev.kind == "placetype" and prev.role == "direction":
            if not prev.name.startswith(_COMPASS):
                return None
            gap = ctx.text[prev.end : h.start].split()
            if all(w in _BEARING_FILLERS for w in gap):
                return prev
            return None
        if prev.kind != "placetype":
            return None
    return None


def _after_compass(ctx: Context, h) -> bool:
    """«هجوم شمال بغداد»: a place right after a compass word."""
    return _compass_before(ctx, h) is not None


def _reference_point(ctx: Context, h) -> bool:
    """«قضاء الزبير شمالي البصرة»: a place after a compass word that follows another
    place only says where the first one lies."""
    words = ctx.words
    prev = _compass_before(ctx, h)
    if prev is None:
        return False
    before = ctx.hits_in(max(0, prev.start - 40), prev.start)
    for b in reversed(before):
        if b.end <= prev.start and b.cat == "place" and words.distance(b.end, prev.start) <= 1:
            return _ent.place_rank(b) < 6
        break
    return False


def _announcers(ctx: Context, hits: list, claim_words: list) -> set:
    """Actors named right after «أعلن / أعلنت / تبنت» (a group announcing its attack)."""
    out = set()
    words = ctx.words
    for a in claim_words:
        if a.role in ("announce", "claim") and a.name.startswith(
            ("اعلن", "أعلن", "تبن", "قال", "ذكر")
        ):
            start = a.end
            for h in hits:
                if h.kind == "cue" and h.role == "self_named" and h.start >= start:
                    # «قالت جماعة تطلق على نفسها اسم X»: the speaker's name comes after
                    if words.distance(start, h.start) <= 2:
                        start = h.end
                if h.cat == "actor" and h.start >= start:
                    if words.distance(start, h.start) <= 2:
                        out.add(h.id)
                    elif _group_anaphor_after(ctx, a.end) and not _ent._entity_of(ctx, h)[1]:
                        # «وقالت الجماعة: "استهدف مجاهدو المقاومة …"»: the group's own words
                        out.add(h.id)
                    break  # (the actors further on are further away)
    return out


def _group_anaphor_after(ctx: Context, pos: int) -> bool:
    """Whether «الجماعة / التنظيم» (the group told before) is the word right after ``pos``."""
    nxt = ctx.text[pos : pos + 12].split(maxsplit=1)
    return bool(nxt) and nxt[0].lstrip(_WAW) in _GROUP_ANAPHORS


def _announcer(ctx: Context, h) -> tuple:
    ent, state, air, atype = _ent._entity_of(ctx, h)
    return (ent, 0, state, air, not state, atype, h.start)


def _date_only_clause(text: str, d, sent: Sentence) -> bool:
    """«… سيارة، أمس، في …»: a date set off by commas dates the clause it interrupts."""
    a = d.start
    while a > sent.start and text[a - 1] not in "،,؛;:\n":
        a -= 1
    b = d.end
    while b < sent.end and text[b] not in "،,؛;:\n":
        b += 1
    rest = (text[a : d.start] + text[d.end : b]).strip(" \t()")
    return rest in ("", _WAW, "في", "يوم")


def _date_for(ctx: Context, m: Mention):
    """The date mention governing a mention: inside its span, else nearest in the sentence."""
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
    return said and _ent.complementizer(ctx.text, d.end, d.end + 6)


def _clause_initial(text: str, pos: int, floor: int) -> bool:
    i = pos - 1
    while i >= floor and text[i] in " \t":
        i -= 1
    if i >= floor and text[i] == _WAW:
        i -= 1
        while i >= floor and text[i] in " \t":
            i -= 1
    return i < floor or text[i] in '،,؛;:.\n«“"('


_SAME_DAY_AFTER = words("assemble.same_day_after")


def _earlier_same_day(text: str, end: int) -> bool:
    """«في وقت سابق» followed by «من اليوم», «من صباح اليوم», «من يوم الجمعة», or with no
    «من» by «اليوم» («في وقت سابق اليوم»; a bare weekday there dates the report)…"""
    rest = text[end : end + 20].lstrip()
    with_min = rest.startswith("من ")
    if with_min:
        rest = rest[3:].lstrip()
    word = rest.split(" ", 1)[0].lstrip(_WAW)
    if word.startswith(_AL) and word[2:].startswith(_SAME_DAY_AFTER):
        word = word[2:]
    return word.startswith(_SAME_DAY_AFTER) or (with_min and weekday_of(word) is not None)


def _bg_hint(ctx: Context, m: Mention, hits: list) -> bool:
    words = ctx.words
    a0 = m.anchors[0]
    for h in hits:
        if h.kind != "cue":
            continue
        if (
            h.role == "after"
            and h.end <= a0.start
            and 1 < words.distance(h.end, a0.start) <= 5
            and ctx.text[h.end : a0.start].strip().endswith(" من")
        ):
            # «بعد نحو شهرين من هجوم», «بعد نحو أربعة أيام من تفجير»
            gap = ctx.text[h.end : a0.start]
            if not any(x in gap for x in ("ساع", "دقائق", "دقيق")):
                return True
        if h.role == "after" and h.end <= a0.start and words.distance(h.end, a0.start) <= 1:
            name = h.name
            if "ساع" in name or "دقائق" in name or "دقيقه" in name:
                continue
            # «بعد يومين من هجوم», «بعد أن أضرم», «يأتي ذلك بعد غارة», «وذلك بعد قصف»,
            # «عقب الهجوم»; a bare «قتل خمسة بعد هجوم» dates nothing
            if " " in name or name.startswith("عقب"):
                return True
            p = ctx.hit_before(h.start, 8)
            if p is not None and p.kind == "cue" and p.name in ("وذلك", "ذلك"):
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
    d = m.date
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
            m.date_inside or d.kind not in ("weekday", "vague")
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
            and h.name in ("وكان", "وكانت", "كان", "كانت")
            and _clause_initial(ctx.text, h.start, m.sent.start)
        ):
            nxt = [
                t
                for t in hits
                if t.kind == "trigger" and t.start >= h.end and words.distance(h.end, t.start) <= 7
            ]
            if nxt and nxt[0].role in ("verb", "verbnoun", "expose", "impact"):
                plup = True
    if plup and (d is None or not m.date_inside or d.kind not in ("relative_day", "weekday")):
        return True
    return False


# ---------------------------------------------------------------------------------------------
# events


_GUNMEN = words("assemble.gunmen")


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
            w = w.strip('«»"“”(),،')
            if w.startswith((_LAM, _WAW)) and w[1:].startswith(_GUNMEN):
                w = w[1:]
            if w.startswith(_GUNMEN) and not w.startswith(("مسلحة", "المسلحة", "مسلحه")):
                return True
            if w not in ("من", "قبل", "شنه", "شنها", "نفذه", "نفذها"):
                break
    return False


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
        if "امس" in t and "الليلة" not in t and "ليلة" not in t:
            return -1
        return 0
    if d.kind == "weekday" and d.weekday is not None:
        return ("wd", d.weekday)
    return None


def finalize(ctx: Context, events: list, doc_id: str | None) -> list[Event]:
    """Typed :class:`Event` records from merged mention groups."""
    text = ctx.text
    # actor and claimant first: they decide the type
    claim_state = _claims(ctx, events)
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
        out.append(_record(ctx, ev, doc_id, text))
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
    return ev.type == "other_attack" and _blast_only(ev) and not _bombing(ctx, ev)


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
            return _opens_at(ctx, m.start, h.start)
    return False


_GROUP_ANAPHORS = words("assemble.group_anaphors")


def _group_anaphor(ctx: Context, ev) -> bool:
    """Whether «التنظيم / الجماعة» is the subject of an attack verb of the event: right after
    it, or up to two words before it («وكان التنظيم قد شن هجوماً»)."""
    text = ctx.text
    for m in ev.mentions:
        for t in m.anchors:
            if t.kind == "trigger" and t.role == "verb":
                nxt = text[t.end : t.end + 12].split(maxsplit=1)
                if nxt and nxt[0].lstrip(_WAW) in _GROUP_ANAPHORS:
                    return True
                before = text[max(m.sent.start, t.start - 24) : t.start].split()[-2:]
                if any(w.lstrip(_WAW) in _GROUP_ANAPHORS for w in before):
                    return True
    return False


_SIMILAR = words("assemble.similar")


def _similar(ctx: Context, ev) -> bool:
    """Whether an attack noun of the event is qualified «مماثل / مشابه» («هجوم مماثل»)."""
    text = ctx.text
    for m in ev.mentions:
        for t in m.anchors:
            if t.kind == "trigger" and t.role in ("noun", "verbnoun"):
                nxt = text[t.end : t.end + 12].split(maxsplit=1)
                if nxt and nxt[0].startswith(_SIMILAR):
                    return True
    return False


_BLAST_WORDS = words("assemble.blast_words")


# what blew up by accident, named right after the blast word («انفجار أسطوانة غاز»,
# «انفجار مولدة كهربائية», «انفجار خزان وقود»), normalized, after clitics and the article
_ACCIDENT_OBJECT = re.compile(
    r"^(?:(?:داخل|في) )?[وفبلك]?(?:ال|ل)?(?:اسطوان|قنين|جره|جرة|غاز\b|مولد[هةا]|خزان|صهريج"
    r"|وقود|مرجل|سخان|اطار|عجل|محول[هةا]|مستودع|مخزن|مصنع|معمل|مصفا|منجم|لغم"
    r"|قذيفه قديمه|قذيفة قديمة)"
)
# accident cues anywhere in the sentence: war remnants, dismantling, fireworks, a short
# circuit, a gas leak, an accidental blast
_ACCIDENT_CUES = re.compile(
    r"(?:^|\s)[وفبلك]?(?:ال|ل)?(?:مخلفات|تفكيك|عرضي|مفرقعات|تماس كهربائي|تسرب غاز|تسرب للغاز"
    r"|(?:ال)?العاب (?:ال)?ناري)"
)


def _blast_only(ev) -> bool:
    """Whether every attack word of the event is a plain blast word («انفجار», «انفجرت»)."""
    triggers = [t for m in ev.mentions for t in m.anchors if t.kind == "trigger"]
    return bool(triggers) and all(t.name in _BLAST_WORDS for t in triggers)


def _bombing(ctx: Context, ev) -> bool:
    """A blast with no device named is a bombing when it killed or wounded someone and no
    accident is named: what blew up («انفجار أسطوانة غاز», «انفجار مولدة») or how
    («أثناء تفكيك مخلفات حربية», «تماس كهربائي»)."""
    if not any(c.max != 0 for m in ev.mentions for c in m.killed + m.wounded):
        # («ولم يسفر عن سقوط قتلى أو جرحى»: nobody hurt)
        return False
    text = ctx.text
    for m in ev.mentions:
        if _ACCIDENT_CUES.search(normalize(text[m.sent.start : m.sent.end])):
            return False
        for t in m.anchors:
            if t.kind == "trigger" and _ACCIDENT_OBJECT.match(
                normalize(text[t.end : t.end + 40]).strip()
            ):
                return False
    return True


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
    return any(
        h.kind == "person" and h.name in ("مسلحون", "مسلحين", "المسلحين", "المسلحون")
        for m in ev.mentions
        for h in m.anchors
    )


def _claims(ctx: Context, events: list) -> dict:
    """Claimants per event: a claim in the event's own sentences, a continued statement
    («وأضافت أن مجاهديها …»), or a claim sentence about the attacks just reported."""
    result: dict[int, Any] = {}
    last_claim = None
    free = list(ctx.free_claims)
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


_ITS = words("assemble.its")


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


def _record(ctx: Context, ev, doc_id: str | None, text: str) -> Event:
    ms = ev.mentions
    # evidence: the anchored clauses, in text order, without duplicates
    spans = sorted({(m.ev_start, m.ev_end) for m in ms if m.ev_start >= 0})
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
        key = (_ent.place_rank(h) + (2 if m.sent.headline else 0), order, h.start)
        if best_key is None or key < best_key:
            best_key = key
            loc = h
    if loc is None or _ent.place_rank(loc) >= 6:
        loc = _context_place(ctx, ev, loc) or loc
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
    if loc is not None and _ent.place_rank(loc) <= 3:
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
        location=_ent.to_place(loc, text) if loc is not None else None,
        outcome=outcome,
        launch_location=_ent.to_place(launch, text) if launch is not None else None,
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


def _assassinated(ctx: Context, ms: list):
    """«اغتال مسلحون مختار القرية», «اغتيل ناشط»: an assassination carried out kills one
    when no figure is given (not «محاولة اغتيال», not a denied one)."""
    text = ctx.text
    for m in ms:
        for t in m.anchors:
            if t.kind != "trigger" or t.sense != "assassinate":
                continue
            before = text[max(0, t.start - 20) : t.start].split()[-1:]
            if before and before[0].lstrip(_WAW) in ("لم", "لن", "محاولة", "محاوله"):
                continue
            return Count(1, 1, text=text[t.start : t.end], start=t.start, end=t.end)
    return None


def _continuation(ctx: Context, sent: Sentence) -> list[Mention]:
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
            fired = _ent.fired_from(ctx, hits)
            head = fired[0][0] if fired else None
        launch_only = head is not None
    if head is None:
        return []
    if any(h.kind == "cue" and h.role in _anchor_rules().void_cue_roles for h in hits):
        return []
    if any(h.kind == "cue" and h.role == "since" for h in hits) or any(
        h.kind == "trigger" and _statistic(ctx, h, sent.end) for h in hits
    ):
        # «ومنذ بداية العام … وثق 13 هجوماً بطائرة مسيرة»: a tally, not the event again
        return []
    m = Mention(sent, sent.start, sent.end, sent.start, sent.end)
    m.anchors = [head]
    _fill(ctx, m)
    if launch_only:
        # «وأضاف أن الصواريخ أطلقت من منطقة …»: only where the event was fired from
        if not m.launch:
            return []
        m.places, m.best_place, m.site_words, m.target = [], None, [], None
        m.actors, m.claims, m.accused, m.announcers = [], [], [], []
        m.munitions, m.killed, m.wounded, m.none, m.outcome = [], [], [], None, None
        m.ref = True
        m.strong = False
        return [m]
    has = m.killed or m.wounded or m.none or head.kind == "weapon"
    if not has:
        return []
    m.ref = True
    m.strong = False
    return [m]


_FIRED = words("assemble.fired")


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


def _context_place(ctx: Context, ev, loc):
    """An event placed only in a country («في سوريا», «على الحدود العراقية السورية») takes
    the most specific place of a neighbouring sentence that reports no event of its own
    («وتنتشر القوات … بين مدينتي البوكمال والميادين»)."""
    country = loc.get("country") if loc is not None else None
    idx = {m.sent.index for m in ev.mentions}
    best = None
    for i in sorted(idx):
        for j in (i + 1, i - 1):
            if j in idx or j < 0 or j >= len(ctx.sentences) or j in ctx.mentioned:
                continue
            sent = ctx.sentences[j]
            hits = ctx.hits_in(sent.start, sent.end)
            if any(h.kind == "trigger" for h in hits):
                continue
            places, _ = _ent.place_candidates(ctx, sent.start, sent.end, sent)
            for h, _r in places:
                if country and h.get("country") != country:
                    continue
                if _ent.place_rank(h) <= 3 and (best is None or h.start < best.start):
                    best = h
            if best is not None:
                return best
    return None


def free_claims(ctx: Context, sentences: list, mentioned: set) -> list:
    """Claim sentences that report no attack of their own: ``(sentence index, claimant,
    dual_object, negated)`` («وتبنت المقاومة الإسلامية … الهجومين»)."""
    claim_starts = [h.start for h in ctx.hits if h.kind == "claim" and h.role == "claim"]
    out = []
    for i in _sentences_holding(sentences, claim_starts):
        if i in mentioned:
            continue
        sent = sentences[i]
        cands, negated = _ent.claim_candidates(ctx, sent.start, sent.end)
        if negated or not cands:
            out.append((sent.index, None, False, True))
            continue
        hits = ctx.hits_in(sent.start, sent.end)
        dual = any(h.kind == "trigger" and h.role == "dual" for h in hits)
        out.append((sent.index, cands[0], dual, False))
    return out


def run(text: str, published, doc_id, gazetteer, trace: Trace | None = None) -> list[Event]:
    """The whole extraction of one document (see :func:`rasid.events.extract`); the rules
    that fire are recorded in ``trace`` when one is given."""
    hits = scan(text, gazetteer)
    if not hits:
        return []
    pub = publication_date(published)
    sentences = split_sentences(text)
    # only sentences with an attack word (a trigger or an outcome) state an event of their
    # own; the others matter only next to them
    attack_starts = [h.start for h in hits if h.kind == "trigger" or h.kind == "outcome"]
    attack_sentences = _sentences_holding(sentences, attack_starts)
    # dates and numbers are read only over the sentences around attack words
    lo, hi = _window(sentences, attack_starts)
    blocks = _blocks(sentences, attack_sentences)
    numbers = (
        [_shift(n, lo) for n in parse_numbers(text[lo:hi])] if lo else parse_numbers(text[:hi])
    )
    ctx = Context(
        text,
        hits,
        numbers,
        None,
        None,
        functools.partial(_read_dates, text, lo, hi, pub, blocks),
        trace,
    )
    ctx.sentence_starts = [s.start for s in sentences]
    ctx.sentences = sentences
    mentions: list[Mention] = []
    group_seq = [0]
    mentioned = set()
    with_attack = set(attack_sentences)
    # a sentence before the first attack word states nothing and continues nothing
    for sent in sentences[attack_sentences[0] if attack_sentences else len(sentences) :]:
        ms = build_mentions(ctx, sent, group_seq) if sent.index in with_attack else []
        if not ms and sent.index - 1 in mentioned:
            ms = _continuation(ctx, sent)
        if ms:
            mentioned.add(sent.index)
        mentions.extend(ms)
    mentions = _without_lead_totals(mentions)
    if not mentions:
        return []
    for i, m in enumerate(mentions):
        m.index = i
    ctx.free_claims = free_claims(ctx, sentences, mentioned)
    ctx.mentioned = mentioned
    events = merge(ctx, mentions)
    return finalize(ctx, events, doc_id)


def _without_lead_totals(mentions: list) -> list:
    """The mentions less a lead total that only sums a toll told place by place below it
    («11 قتيلاً بغارات على ريف حماة» before «5 في اللطامنة و4 في كفرزيتا وقتيلين في
    لطمين»): it is no event of its own."""
    parts: dict = {}
    for m in mentions:
        if m.toll is not None:
            parts.setdefault(m.group, []).append(m)
    if not parts:
        return mentions
    totals = {}
    for items in parts.values():
        tolls = [m.toll for m in items]
        if all(t.max == t.min for t in tolls) and len({t.role for t in tolls}) == 1:
            totals[(tolls[0].role, sum(t.min for t in tolls))] = items[0].start
    out = []
    for m in mentions:
        if m.toll is None and not m.wounded and m.killed:
            values = {(c.min, c.max) for c in m.killed}
            total = next(iter(values)) if len(values) == 1 else None
            if total is not None and total[0] == total[1]:
                first = totals.get(("killed", total[0]))
                if first is not None and m.start < first:
                    continue
        out.append(m)
    return out


def _sentences_holding(sentences: list, positions: list) -> list[int]:
    """Indexes (ascending, no repeats) of the sentences in which one of the sorted
    ``positions`` falls (a position between two sentences falls in none)."""
    out: list[int] = []
    j = 0
    n = len(positions)
    for sent in sentences:
        while j < n and positions[j] < sent.start:
            j += 1
        if j == n:
            break
        if positions[j] < sent.end:
            out.append(sent.index)
    return out


def _window(sentences: list, attack_starts: list) -> tuple[int, int]:
    """From the sentence before the first attack word to the one after the last."""
    if not sentences:
        return 0, 0
    first, last = attack_starts[0], attack_starts[-1]
    # the sentences overlapping ``[first, last]``, both ends included
    i = bisect.bisect_left([s.end for s in sentences], first)
    j = bisect.bisect_right([s.start for s in sentences], last) - 1
    if i > j:
        i, j = 0, len(sentences) - 1
    i = max(0, i - 2)
    j = min(len(sentences) - 1, j + 2)
    return sentences[i].start, sentences[j].end


def _read_dates(text: str, lo: int, hi: int, pub, blocks: list) -> tuple:
    """``(date mentions, publication day)`` of a document (see :func:`_dates_in`)."""
    dates = _dates_in(text, lo, hi, pub, blocks)
    if pub is None and any(d.kind == "explicit" and d.precision == "day" for d in dates):
        # a dateline («الأحد (18 نيسان 2021)») gives the news day of an undated document
        pub = infer_published(text)
        if pub is not None:
            dates = _dates_in(text, lo, hi, pub, blocks)
    return dates, pub


def _dates_in(text: str, lo: int, hi: int, pub, blocks: list | None = None) -> list:
    """Date mentions of ``text[lo:hi]`` (or of each ``(start, end)`` block), as offsets
    of the whole text."""
    if blocks:
        out: list[Any] = []
        for a, b in blocks:
            out.extend(_shift(d, a) for d in resolve_dates(text[a:b], pub))
        return out
    if lo == 0 and hi >= len(text):
        return resolve_dates(text, pub)
    return [_shift(d, lo) for d in resolve_dates(text[lo:hi], pub)]


def _blocks(sentences: list, attack_sentences: list) -> list:
    """Runs of sentences holding attack words (with the sentence before each run, where a
    date often stands): the only text whose dates matter."""
    runs: list[list[int]] = []
    for i in attack_sentences:
        first = max(0, i - 1)
        if runs and first <= runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([first, i])
    return [(sentences[a].start, sentences[b].end) for a, b in runs]


def _shift(x, offset: int):
    """A date or number mention of a slice moved to offsets of the whole text."""
    if not offset:
        return x
    start, end = x.start + offset, x.end + offset
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return dataclasses.replace(x, start=start, end=end)
    return _Shifted(x, offset)


class _Shifted:
    """A number mention (a compiled value type) seen at other offsets."""

    __slots__ = ("start", "end", "min", "max", "kind", "text")

    def __init__(self, n, offset: int):
        self.start = n.start + offset
        self.end = n.end + offset
        self.min = n.min
        self.max = n.max
        self.kind = n.kind
        self.text = n.text
