"""Counts of munitions, killed and wounded from number mentions and counted nouns.

Candidates are collected per mention with a *tier* (how much to trust them) and combined
per event following the annotation conventions:

* tier 1: a figure in the body tied to a munition or casualty word; tier 2: a figure in a
  headline, or a part placed «داخل / خارج / وسط» something; tier 3: a vague figure or an
  indefinite bare plural («عدة صواريخ», «بصواريخ», «آخرون»); tier 4: a definite bare plural
  («الصواريخ»); tier 5: one drone / one IED written in the singular.
* Different figures for the same count give (lowest, highest); an open bound stays open and
  a vague figure next to a number opens the maximum without lowering the minimum.
* Parts («بينهم», «منها», «أحدهما», «صاروخين من الصواريخ») are never totals; sums stated
  in parts («ضابطا وأربعة جنود») are added; «قتل وجرح نحو 23» fills neither slot.
* A stated none («دون وقوع إصابات», «لم توقع ضحايا», «أضرار مادية فقط») is 0/0; «لم ترد
  معلومات عن إصابات» is unknown.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .record import Count
from .spelling import AL as _AL
from .spelling import BA as _BA
from .spelling import BA_LAM_TATWEEL as _BA_LAM_TATWEEL
from .spelling import COMMA, HARAKAT, SEMICOLON
from .spelling import WAW as _WAW
from .words import words

__all__ = ["Cand", "munition_candidates", "casualty_candidates", "none_stated", "combine"]


#: attack verbs that kill their object («أعدم التنظيم 12 مدنياً»): they count the killed too
KILLING_TRIGGER = "ev:trigger:verb:killing"
_OTHERS = words("counts.others")
# «على الأقل» (in normalized spelling) after one munition: one or more
_AT_LEAST = words("counts.at_least")
# punctuation that ends a word or a phrase of a toll: «،» «,» «.» «؛» «:»
_STOPS = COMMA + ",." + SEMICOLON + ":"


def _kills(h) -> bool:
    """Whether an attack word counts its object as killed: an execution («أعدم التنظيم 12
    مدنياً»), a killing by an agent («قتل مسلحون ثلاثة رعاة», sense ``kill``) or an
    assassination («اغتال مجهولون مواطنين اثنين», sense ``assassinate``)."""
    return h.id == KILLING_TRIGGER or h.kind == "trigger" and h.sense in ("kill", "assassinate")


class Cand:
    """A count candidate: ``(min, max)`` with its phrase and tier."""

    __slots__ = ("min", "max", "approx", "vague", "tier", "start", "end")

    def __init__(self, lo, hi, tier, start=None, end=None, approx=False, vague=False):
        self.min = lo
        self.max = hi
        self.tier = tier
        self.start = start
        self.end = end
        self.approx = approx
        self.vague = vague

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Cand({self.min},{self.max},t{self.tier},v={self.vague})"


def _prefix_and(text: str, start: int) -> bool:
    """Whether the word at ``start`` carries the conjunction و (before any other clitic)."""
    i = start - 1
    while i >= 0 and text[i] in _BA_LAM_TATWEEL:
        i -= 1
    return i >= 0 and text[i] == _WAW and (i == 0 or not text[i - 1].isalpha())


def munition_candidates(
    ctx, span: tuple[int, int], headline: bool, hits: list | None = None
) -> list[Cand]:
    """Munition count candidates in ``text[span]`` (``hits``: its hits, when the caller
    has them)."""
    s, e = span
    words = ctx.words
    if hits is None:
        hits = ctx.hits_in(s, e)
    weapons = [h for h in hits if h.kind == "weapon" and h.role == "munition"]
    if not weapons:
        return []
    cues = [h for h in ctx.hits_in(s, e + 20) if h.kind == "cue"]
    out: list[Cand] = []
    used: set[int] = set()
    base_tier = 2 if headline else 1
    triggers = [h for h in hits if h.kind == "trigger"]
    for n in ctx.numbers_in(s, e):
        if n.kind == "ordinal" or _on_trigger(n, triggers):
            continue
        w = None
        for h in weapons:
            inside = n.start <= h.start < n.end or h.start <= n.start < h.end
            after = h.start >= n.end and words.distance(n.end, h.start) <= 1
            if inside or after:
                w = h
                break
        if w is None:
            continue
        used.add(w.start)
        stop = max(n.end, w.end)
        if _partial_after(cues, words, stop, w) or _partitive(ctx, weapons, w):
            continue
        tier = base_tier
        if _place_part_after(cues, words, stop):
            tier = max(tier, 2)
        vague = n.kind == "vague"
        if vague:
            tier = max(tier, 3)
        out.append(Cand(n.min, n.max, tier, min(n.start, w.start), stop, n.kind == "approx", vague))
    for w in weapons:
        if w.start in used:
            continue
        if _partial_before(cues, words, w) or _partial_after(cues, words, w.end, w):
            continue
        number = w.get("number")
        if number == 2:
            out.append(Cand(2, 2, base_tier, w.start, w.end))
        elif number == "pl":
            if _other_after(cues, words, w.end) or _whole_of_a_part(ctx, weapons, w):
                continue
            if w.definite:
                out.append(Cand(2, None, 4, w.start, w.end, vague=True))
            else:
                out.append(Cand(2, None, 3, w.start, w.end, vague=True))
        elif number == 1 and not w.definite:
            rest = ctx.norm_after(w.end, 14)
            if rest.startswith(_AT_LEAST):
                out.append(Cand(1, None, base_tier, w.start, w.end + 10))
            else:
                out.append(Cand(1, 1, 5, w.start, w.end))
    return out


def _on_trigger(n, triggers) -> bool:
    """A dual read on an attack noun («هجومين», «استهدافين») counts attacks, not weapons."""
    return any(t.start <= n.start < t.end or n.start <= t.start < n.end for t in triggers)


# «صاروخين من (بين) الصواريخ»: a part of a salvo
_OF = words("counts.of")


def _partitive(ctx, weapons, w) -> bool:
    """«صاروخين من الصواريخ التي …»: a part of the salvo, not its size."""
    for x in weapons:
        if x.start > w.end and x.definite:
            gap = ctx.text[w.end : x.start].strip()
            return gap in _OF
    return False


def _whole_of_a_part(ctx, weapons, w) -> bool:
    """«صاروخين من الصواريخ التي …»: the salvo a part was taken from, its size untold."""
    for x in weapons:
        if x.end < w.start and ctx.text[x.end : w.start].strip() in _OF:
            return True
    return False


def _partial_after(cues, words, pos, w) -> bool:
    for c in cues:
        if c.role == "partial" and c.start >= pos and words.distance(pos, c.start) <= 1:
            if c.sense == "of":  # «منها», «من بينهم»: a part of what was counted
                return True
    return False


def _partial_before(cues, words, w) -> bool:
    for c in cues:
        if c.role == "partial" and c.end <= w.start and words.distance(c.end, w.start) <= 1:
            if c.sense == "one":  # «أحد», «إحدى»: one of them
                return True
    return False


def _place_part_after(cues, words, pos) -> bool:
    for c in cues:
        if (
            c.role == "partial"
            and c.start >= pos
            and words.distance(pos, c.start) <= 2
            and c.sense == "locative"  # «داخل», «خارج», «وسط»
        ):
            return True
    return False


def _other_after(cues, words, pos) -> bool:
    for c in cues:
        if c.role == "partial" and c.start >= pos and words.distance(pos, c.start) <= 1:
            if c.sense == "other":  # «أخرى», «أخريين»
                return True
    return False


# ---------------------------------------------------------------------------------------------
# casualties


def casualty_candidates(ctx, span: tuple[int, int], headline: bool, hits: list | None = None):
    """``(killed, wounded, none)``: candidate lists and the span of a stated none, or None
    (``hits``: the hits of ``text[span]``, when the caller has them)."""
    s, e = span
    if hits is None:
        hits = ctx.hits_in(s, e)
    casualty_words = [h for h in hits if h.kind == "casualty" or _kills(h)]
    if not casualty_words:
        return [], [], None
    killed: list[Cand] = []
    wounded: list[Cand] = []
    combined = [h for h in casualty_words if h.role == "combined"]
    keywords = [
        h
        for h in casualty_words
        if (h.role in ("killed", "wounded") or _kills(h))
        and not any(c.start <= h.start < c.end for c in combined)
        and (h.sense != "life" or _lost_life(ctx, h))
    ]
    tier = 2 if headline else 1
    # «لم يسفر عن سقوط قتلى أو جرحى», «دون وقوع قتلى»: a negated casualty noun says none
    negated = _negated_nouns(ctx, hits, keywords)
    for k in keywords:
        lst = wounded if k.role == "wounded" else killed
        if id(k) in negated:
            a, b = negated[id(k)]
            lst.append(Cand(0, 0, tier, a, b))
            continue
        nth = _ordinal_person(ctx, k, e)
        if nth is not None:
            # «قتل جنديان … ومقتل ثالث», «وإصابة ثالث بجروح»: one more of the same toll
            prev = [c for c in lst if c.start is not None and c.start < k.start and not c.vague]
            if prev and prev[-1].min:
                p = prev[-1]
                lst.remove(p)
                hi = None if p.max is None else p.max + 1
                lst.append(Cand(p.min + 1, hi, p.tier, p.start, nth[1], p.approx))
            else:
                lst.append(Cand(1, 1, tier, nth[0], nth[1]))
            continue
        if k.kind == "trigger" and k.sense == "assassinate":
            # «اغتال مجهولون مواطنين اثنين»: a figure after the verb counts the killed; a
            # bare plural there is its subject («اغتال مسلحون مدنياً»), and with no figure
            # the assassination kills one (assemble's fallback)
            cand = _forward(ctx, _past_agent(ctx, k, hits), hits, e, tier)
            if cand is not None and not cand.vague:
                lst.append(cand)
            continue
        cand = _number_before(ctx, k, tier) if k.get("pos") == "noun" else None
        if cand is None and k.get("pos") == "noun" and k.get("number") is None:
            # «ارتفع عدد قتلى الهجوم … إلى 4», «والجرحى إلى 30»: a running toll
            cand = _toll(ctx, k, hits, e, tier)
        if cand is None and k.get("pos") == "verb" and _agrees_with_subject_before(ctx, k):
            # «6 عناصر قتلوا وأسر 4 آخرون»: a plural verb after its subject
            cand = _backward(ctx, k, hits, s, e, tier)
        if cand is None:
            cand = _forward(ctx, k, hits, e, tier)
        if cand is None and k.get("pos") == "verb":
            cand = _backward(ctx, k, hits, s, e, tier)
        if cand is None and k.get("pos") == "noun" and k.get("number") is None:
            cand = _named_victim(ctx, k, hits, e, tier)
        if cand is None and k.get("number") in (2, "pl") and _after_subject(ctx, k):
            # «لقي ثلاثة جنود مصرعهم»: the subject before the pronoun says how many
            cand = _backward(ctx, k, hits, s, e, tier)
        if cand is None and k.get("number") is not None:
            # «ما أدى إلى إصابته», «مقتلهم»: the pronoun says how many
            n = k.get("number")
            lo, hi = (1, 1) if n == 1 else (2, 2) if n == 2 else (2, None)
            cand = Cand(lo, hi, tier if hi else 4, k.start, k.end, vague=hi is None)
        if cand is not None:
            lst.append(cand)
    none = none_stated(ctx, hits)
    return killed, wounded, none


# «ثالث», «رابعة», «ثانٍ»: the n-th person of a toll, written after the casualty word
_NTH = words("counts.nth")
# what may follow the n-th person: its wound, cause or place, not a noun it qualifies
# («قتل ثالث قيادي في التنظيم» is the third leader, a rank, not one more killed)
_NTH_NEXT = words("counts.nth_next")


def _ordinal_person(ctx, k, limit: int) -> tuple[int, int] | None:
    """The span of an n-th person word right after the casualty word ``k`` («وإصابة ثالث
    بجروح», «ومقتل رابع»), or None."""
    text = ctx.text
    tail = text[k.end : min(limit, k.end + 40)]
    parts = tail.split(maxsplit=2)
    if not parts or not tail[:1].isspace():
        return None
    word = parts[0].rstrip(_STOPS)
    bare = word.translate(HARAKAT)
    if bare not in _NTH:
        return None
    start = k.end + tail.index(parts[0])
    if word == parts[0] and len(parts) > 1:
        nxt = parts[1].rstrip(_STOPS)
        if not (nxt in _NTH_NEXT or nxt.startswith((_WAW, _BA)) or not nxt[:1].isalpha()):
            return None
    return start, start + len(word)


_LOST = words("counts.lost")
_MET = words("counts.met")


_TOLL_WORDS = words("counts.toll_words")
_TO = words("counts.to")


def _toll(ctx, k, hits, limit: int, tier: int) -> Cand | None:
    """«عدد قتلى الهجوم … إلى 4», «والجرحى إلى 30»: the figure a toll reached."""
    text = ctx.text
    words = ctx.words
    before = text[max(0, k.start - 12) : k.start].split()
    counted = bool(before) and before[-1].lstrip(_WAW) in _TOLL_WORDS
    reach = 8 if counted else 1
    for n in ctx.numbers_in(k.end, limit):
        if n.kind == "ordinal":
            continue
        if words.distance(k.end, n.start) > reach + 1:
            return None
        prev = text[max(k.end, n.start - 8) : n.start].split()
        if not prev or prev[-1] not in _TO:
            continue
        if any(
            h.kind == "casualty" and k.end <= h.start < n.start and h.role in ("killed", "wounded")
            for h in hits
        ):
            return None
        return Cand(n.min, n.max, tier, n.start, n.end, n.kind == "approx", n.kind == "vague")
    return None


# «قتلوا», «قتلا»: the endings of a verb agreeing with a plural or dual subject before it
_AGREEING = words("counts.agreeing_endings")


def _agrees_with_subject_before(ctx, k) -> bool:
    """«قتلوا», «أصيبوا», «قتلا» right after a number or counted noun: the subject is
    before the verb (the verb form agrees with it)."""
    name = k.name.lstrip(_WAW)
    if not name.endswith(_AGREEING) or " " in name:
        return False
    before = ctx.text[max(0, k.start - 30) : k.start].split()
    if not before:
        return False
    last = before[-1]
    return any(ch.isdigit() for ch in last) or any(
        n.end <= k.start and ctx.words.distance(n.end, k.start) <= 4
        for n in ctx.numbers_in(max(0, k.start - 60), k.start)
    )


def _lost_life(ctx, k) -> bool:
    """«فقد 11 مدنياً حياتهم»: «حياتهم» is a death only after «فقد» a few words before."""
    before = ctx.text[max(0, k.start - 40) : k.start].split()[-4:]
    return any(w.lstrip(_WAW) in _LOST for w in before)


def _after_subject(ctx, k) -> bool:
    """«لقي ثلاثة جنود مصرعهم»: «لقي» a few words before the pronoun noun."""
    before = ctx.text[max(0, k.start - 40) : k.start].split()[-4:]
    return any(w.lstrip(_WAW) in _MET for w in before)


# bare plural casualty nouns that a negation before them voids («دون سقوط قتلى»)
_NEGATABLE = words("counts.negatable")
_OR_AND = words("counts.or_and")
# what a short gap between two casualty nouns may end with («قتلى و جرحى», «قتلى أو جرحى»)
_JOINING = words("counts.joining")


def _negated_nouns(ctx, hits: list, keywords: list) -> dict:
    """Casualty nouns stated as none: ``{id(hit): (start, end)}`` where the span runs from
    the negation to the last noun of the coordination («لم تسفر عن سقوط قتلى أو جرحى»)."""
    negs = [h for h in hits if h.kind == "cue" and h.role == "negation"]
    if not negs:
        return {}
    words = ctx.words
    text = ctx.text
    out: dict = {}
    nouns = [k for k in keywords if k.get("pos") == "noun" and k.name in _NEGATABLE]
    i = 0
    while i < len(nouns):
        k = nouns[i]
        neg = None
        for n in negs:
            if n.end <= k.start and words.distance(n.end, k.start) <= 6:
                neg = n
        if neg is None or any(
            h.kind == "cue" and h.role == "unknown" and neg.start <= h.start < k.start for h in hits
        ):
            i += 1
            continue
        if ctx.numbers_in(neg.end, k.start):
            i += 1
            continue
        run = [k]
        j = i + 1
        while j < len(nouns):
            nxt = nouns[j]
            gap = text[run[-1].end : nxt.start].strip()
            if gap not in _OR_AND and not (gap.endswith(_JOINING) and len(gap) <= 3):
                break
            run.append(nxt)
            j += 1
        for r in run:
            out[id(r)] = (neg.start, run[-1].end)
        i = j
    return out


_COUNTED_NOUNS = words("counts.counted_nouns")


def _number_before(ctx, k, tier: int) -> Cand | None:
    """«ارتفعت الحصيلة إلى 4 قتلى», «13 قتيلاً»: a number counting the casualty noun."""
    if not k.name.lstrip(_AL).startswith(_COUNTED_NOUNS) and not k.name.startswith(_COUNTED_NOUNS):
        return None
    if _prefix_and(ctx.text, k.start):
        # «ارتفع عدد القتلى إلى 12 والجرحى إلى 30»: the number before «و» is another count
        return None
    for n in ctx.numbers_in(max(0, k.start - 40), k.start):
        if n.kind != "ordinal" and n.end <= k.start and ctx.words.distance(n.end, k.start) <= 1:
            return Cand(n.min, n.max, tier, n.start, k.end, n.kind == "approx", n.kind == "vague")
    return None


_SINGLE_DEATH = words("counts.single_death")


def _named_victim(ctx, k, hits, limit: int, tier: int) -> Cand | None:
    """«لمقتل قاسم سليماني بقصف أمريكي», «مقتل القيادي أبو علي في غارة»: one named person."""
    name = k.name[2:] if k.name.startswith(_AL) else k.name
    if name not in _SINGLE_DEATH:
        return None
    words = ctx.words
    for h in hits:
        if h.start < k.end or h.start >= limit:
            continue
        gap = words.distance(k.end, h.start)
        if gap > 5:
            return None
        if h.kind in ("person", "casualty", "nationality") or h.cat == "actor":
            return None
        if h.kind == "cue" and h.role in ("boundary", "addition", "reply", "partial", "nonstate"):
            return None
        if h.kind == "trigger" and 2 <= gap:
            between = ctx.text[k.end : h.start]
            if any(ch in between for ch in _STOPS) or ctx.numbers_in(k.end, h.start):
                return None
            return Cand(1, 1, tier, k.start, _word_end(ctx.text, k.end))
    return None


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


def _items(ctx, s: int, e: int) -> list:
    """Countable items in ``text[s:e]``: numbers and person/nationality nouns, in order."""
    out = []
    triggers = [h for h in ctx.hits_in(s, e) if h.kind == "trigger"]
    nums = [n for n in ctx.numbers_in(s, e) if n.kind != "ordinal" and not _on_trigger(n, triggers)]
    for n in nums:
        out.append(("num", n.start, n.end, n))
    for h in ctx.hits_in(s, e):
        if h.kind in ("person", "nationality"):
            if any(n.start <= h.start < n.end for n in nums):
                continue
            out.append((h.kind, h.start, h.end, h))
    out.sort(key=lambda t: t[1])
    return out


# nationality nouns in the plural («عراقيين», «أمريكيون»: two or more) and the dual
# («أميركيان»: two)
_NISBA_PLURAL = words("counts.nisba_plural")
_NISBA_DUAL = words("counts.nisba_dual")


def _value(ctx, item) -> tuple:
    kind, _, _, obj = item
    if kind == "num":
        return obj.min, obj.max, obj.kind == "vague", obj.kind == "approx"
    if kind == "nationality":
        name = obj.name
        if name.endswith(_NISBA_PLURAL):
            return 2, None, True, False
        if name.endswith(_NISBA_DUAL):
            return 2, 2, False, False
        return 1, 1, False, False
    number = obj.get("number")
    if number == 1:
        return 1, 1, False, False
    if number == 2:
        return 2, 2, False, False
    return 2, None, True, False


def _stops(ctx, hits, a: int, b: int) -> bool:
    """Whether something between ``a`` and ``b`` ends a casualty phrase."""
    for h in hits:
        if h.start >= b:
            break
        if h.start < a:
            continue
        if h.kind == "casualty" and h.role in ("killed", "wounded", "combined"):
            return True
        if h.kind == "trigger":
            return True
        if h.kind == "cue" and h.role in ("partial", "boundary", "reply", "unit"):
            return True
    return False


def _coordinated(ctx, hits, a: int, b: int) -> bool:
    for h in hits:
        if a <= h.start < b and h.kind == "cue" and h.role == "addition":
            return True
    return False


def _extend_item(ctx, item, items, words):
    """The end of an item's noun phrase: a number absorbs the counted noun after it."""
    kind, s, e, obj = item
    if kind == "num" and obj.kind != "dual":
        for it in items:
            if it[1] >= e and it[0] == "person" and words.distance(e, it[1]) <= 3:
                if _prefix_and(ctx.text, it[1]):
                    break
                return it[2], it
            if it[1] >= e:
                break
    if kind == "person":
        # «مواطنين اثنين», «جندي واحد»: the number after the noun is its count
        for it in items:
            if (
                it[1] >= e
                and it[0] == "num"
                and it[3].kind == "cardinal"
                and it[3].min in (1, 2)
                and words.distance(e, it[1]) <= 1
                and not _prefix_and(ctx.text, it[1])
            ):
                return it[2], it
            if it[1] >= e:
                break
    if kind in ("num", "person"):
        # «شرطيين آخرين», «اثنين آخرين»: «آخرين» qualifies the count before it
        for it in items:
            if it[1] >= e and it[0] == "person" and words.distance(e, it[1]) <= 1:
                if it[3].name.startswith(_OTHERS) and not _prefix_and(ctx.text, it[1]):
                    return it[2], it
            if it[1] >= e:
                break
    return e, None


class _Position(NamedTuple):
    """Where a forward count starts (what :func:`_forward` reads of a casualty word)."""

    end: int


def _past_agent(ctx, k, hits: list) -> Any:
    """Where the object of a verb begins: past its subject when gunmen, unknown men or a named
    actor stand right after it («اغتال مسلحون مجهولون ناشطين اثنين»), else right after it."""
    words = ctx.words
    pos = k.end
    for h in hits:
        if h.start < pos:
            continue
        if words.distance(pos, h.start) > 1:
            break
        if (
            h.kind == "person"
            and h.sense == "gunmen"
            or h.kind == "cue"
            and h.role == "unknown_agent"
            or h.cat == "actor"
        ):
            pos = h.end
    return k if pos == k.end else _Position(pos)


def _forward(ctx, k, hits, limit: int, tier: int) -> Cand | None:
    words = ctx.words
    items = _items(ctx, k.end, limit)
    parts = []
    pos = k.end
    first = True
    start = None
    end = None
    i = 0
    while i < len(items):
        it = items[i]
        kind, s, e, obj = it
        if s < pos:
            i += 1
            continue
        gap = words.distance(pos, s)
        if first:
            # «قتل، مساء أمس الجمعة، ثلاثة»: a date between the verb and its subject
            gap -= _date_words(ctx, pos, s)
            if gap > 3 or _stops(ctx, hits, pos, s):
                break
            if kind == "nationality" and gap > 1:
                break
        else:
            if gap > 7 or _stops(ctx, hits, pos, s):
                break
            if kind == "nationality":
                i += 1
                continue
            if not (_prefix_and(ctx.text, s) or _coordinated(ctx, hits, pos, s)):
                i += 1
                continue
        lo, hi, vague, approx = _value(ctx, it)
        parts.append((lo, hi, vague, approx))
        if start is None:
            start = s
        stop, absorbed = _extend_item(ctx, it, items, words)
        if absorbed is not None and kind == "person" and absorbed[0] == "num":
            parts[-1] = _value(ctx, absorbed)
        end = stop
        pos = stop
        first = False
        i += 1
        if absorbed is not None:
            while i < len(items) and items[i][1] < stop:
                i += 1
    if not parts:
        return None
    return _sum(parts, tier, start, end)


def _date_words(ctx, a: int, b: int) -> int:
    """How many words of date expressions («مساء أمس الجمعة», «في وقت سابق من اليوم») lie
    in ``text[a:b]``."""
    n = 0
    for d in ctx.dates_in(a, b):
        if d.end <= b:
            n += len(ctx.text[d.start : d.end].split())
    return n


def _backward(ctx, k, hits, s_lim: int, limit: int, tier: int) -> Cand | None:
    words = ctx.words
    items = [it for it in _items(ctx, s_lim, k.start) if it[0] != "nationality"]
    if not items:
        return None
    # skip a part introduced by «بينهم» right before the verb
    cut = k.start
    for h in hits:
        if h.kind == "cue" and h.role == "partial_total" and h.end <= k.start and h.start >= s_lim:
            # «بين القتلى العشرة 7 مدنيين قتلوا»: a part of a total already counted
            return None
        if h.kind == "cue" and h.role == "partial" and h.end <= k.start and h.start >= s_lim:
            if words.distance(h.end, k.start) <= 3:
                cut = min(cut, h.start)
    items = [it for it in items if it[2] <= cut]
    if not items:
        return None
    # group items into noun phrases (number + counted noun, count + «آخرين»)
    phrases: list[list[Any]] = []
    for it in items:
        if phrases and it[0] == "person":
            prev = phrases[-1]
            gap = words.distance(prev[-1][2], it[1])
            if it[3].name.startswith(_OTHERS) and gap <= 1 and not _prefix_and(ctx.text, it[1]):
                prev.append(it)
                continue
            if prev[0][0] == "num" and len(prev) == 1 and gap <= 3 and prev[0][3].kind != "dual":
                prev.append(it)
                continue
        phrases.append([it])
    last = phrases[-1]
    if words.distance(last[-1][2], cut) > 10 or _stops(ctx, hits, last[-1][2], cut):
        return None
    chosen = [last]
    j = len(phrases) - 2
    while j >= 0:
        cur_first = chosen[0][0]
        if not _prefix_and(ctx.text, cur_first[1]):
            break
        prev = phrases[j]
        if words.distance(prev[-1][2], cur_first[1]) > 5:
            break
        chosen.insert(0, prev)
        j -= 1
    parts = [_value(ctx, ph[0]) for ph in chosen]
    cand = _sum(parts, tier, chosen[0][0][1], chosen[-1][-1][2])
    # «… أصيبوا جراء الحادث، بالإضافة إلى سائق العجلة»
    extra = _forward_coordinated(ctx, k, hits, limit)
    if extra is not None:
        cand = _sum(
            [(cand.min, cand.max, cand.vague, cand.approx), extra], tier, cand.start, cand.end
        )
    return cand


def _forward_coordinated(ctx, k, hits, limit):
    words = ctx.words
    for h in hits:
        if h.start < k.end or h.start >= limit:
            continue
        if words.distance(k.end, h.start) > 6:
            return None
        if h.kind == "cue" and h.role == "addition":
            items = _items(ctx, h.end, limit)
            if items and words.distance(h.end, items[0][1]) <= 1 and items[0][0] == "person":
                return _value(ctx, items[0])
            return None
        if h.kind in ("trigger", "casualty"):
            return None
    return None


def _sum(parts, tier, start, end) -> Cand:
    lo = sum(p[0] or 0 for p in parts)
    hi = None if any(p[1] is None for p in parts) else sum(p[1] for p in parts)
    vague = all(p[2] for p in parts)
    approx = any(p[3] for p in parts)
    return Cand(lo, hi, 3 if vague and tier < 3 else tier, start, end, approx, vague)


def none_stated(ctx, hits: list) -> tuple[int, int] | None:
    """The span of the words in ``hits`` (of one span) that state that nobody was hurt
    («دون وقوع إصابات», «أضرار مادية فقط»), or None."""
    words = ctx.words
    for h in hits:
        if h.kind == "casualty" and h.role == "material_only":
            return (h.start, h.end)
    negs = [h for h in hits if h.kind == "cue" and h.role == "negation"]
    if not negs:
        return None
    for g in hits:
        if g.kind != "casualty" or g.role != "generic":
            continue
        for n in negs:
            if n.end <= g.start and words.distance(n.end, g.start) <= 6:
                if not any(
                    u.kind == "cue" and u.role == "unknown" and n.start <= u.start < g.start
                    for u in hits
                ):
                    return (n.start, g.end)
    return None


def _restates(text: str, c: Cand, cands: list[Cand]) -> bool:
    """Whether the vague plural ``c`` names victims counted elsewhere: definite («قتلوا
    المدنيين الثلاثة» after «ثلاثة مدنيين»), or the noun of an exact figure («مقتل مدنيين»
    beside «مدنيين اثنين»). Another source's «وأصيب آخرون» still leaves the count open."""
    if c.start is None:
        return False
    phrase = text[c.start : c.end].split()
    if not phrase:
        return False
    if phrase[0].startswith(_AL):
        return True
    return any(
        not x.vague and x.start is not None and phrase[0] in text[x.start : x.end].split()
        for x in cands
    )


def combine(
    cands: list[Cand],
    none: tuple[int, int] | None,
    text: str,
    allow_implied: bool = False,
    allow_vague: bool = True,
    vague_opens: bool = True,
) -> Count | None:
    """One :class:`Count` from the candidates of an event (``None`` when nothing is known;
    0/0 with the words that say so when ``none`` is the span of a stated none).

    ``vague_opens``: a vague figure («عدة صواريخ», «آخرون») next to exact ones leaves the
    maximum open (another source's toll); not for the munitions of one salvo, which a lead
    names vaguely before the body numbers them («عدة صواريخ» then «خمسة صواريخ»)."""
    cands = [c for c in cands if c.tier < 5 or allow_implied]
    if not allow_vague:
        cands = [c for c in cands if not c.vague and c.tier < 4]
    if not cands:
        if none is None:
            return None
        return Count(0, 0, text=text[none[0] : none[1]], start=none[0], end=none[1])
    best = min(c.tier for c in cands if not c.vague) if any(not c.vague for c in cands) else None
    if best is not None and best <= 2:
        exact = [c for c in cands if not c.vague and c.tier == best]
        vague = [c for c in cands if c.vague and c.tier <= 3 and not _restates(text, c, cands)]
    else:
        tiers = sorted({c.tier for c in cands})
        t = tiers[0]
        exact = [c for c in cands if c.tier == t]
        vague = []
    lo_c = min(exact, key=lambda c: (c.min if c.min is not None else 0, c.start or 0))
    lo = lo_c.min
    if any(c.max is None for c in exact) or (vague and vague_opens):
        hi = None
    else:
        hi = max(c.max for c in exact)
    start, end = lo_c.start, lo_c.end
    return Count(
        lo,
        hi,
        approx=lo_c.approx,
        text=text[start:end] if start is not None else None,
        start=start,
        end=end,
    )
