"""Places and actors of a mention: location, launch location, actor, claimant, accused."""

from __future__ import annotations

import re
from typing import Any

from ..geo import haversine_km
from .record import Entity, Place
from .sentences import CLAUSE_PUNCT
from .spelling import AL as _AL
from .spelling import ALEF as _ALEF
from .spelling import BA as _BA
from .spelling import BA_LAM_TATWEEL as _BA_LAM_TATWEEL
from .spelling import HEH as _HEH
from .spelling import LAM as _LAM
from .spelling import MEEM as _MEEM
from .spelling import TEH_MARBUTA as _TEH_MARBUTA
from .spelling import WAW as _WAW
from .words import word_set, word_table, words

__all__ = [
    "place_rank",
    "to_place",
    "place_candidates",
    "actor_candidates",
    "claim_candidates",
    "accused_candidates",
    "AIR_COUNTRIES",
]


# most specific first
_RANK = {
    "airbase": 0,
    "base": 0,
    "airport": 0,
    "oil_field": 0,
    "gas_field": 0,
    "embassy": 0,
    "camp": 0,
    "site": 0,
    "border_crossing": 0,
    "zone": 1,
    "neighbourhood": 1,
    "village": 1,
    "subdistrict": 2,
    "town": 2,
    "city": 3,
    "district": 4,
    "governorate": 5,
    "region": 5,
    "country": 6,
}
#: States whose strikes are air strikes (their rockets and drones are aircraft munitions).
AIR_COUNTRIES = frozenset({"US", "TR", "IL", "RU", "GB", "FR"})
_STATE_TYPES = frozenset({"state", "coalition"})
_SV_VERBS_EXCLUDED = ("expose", "impact", "present")
# punctuation that separates an attack word or weapon from the actor after it
_PHRASE_BREAK = re.compile(r"[،,؛;:.()]")


def place_rank(h: Any) -> int:
    """Specificity rank of a place hit (0 = a site, 6 = a country)."""
    return _RANK.get(h.kind, 3)


def to_place(h: Any, text: str) -> Place:
    """A :class:`Place` record from a place hit."""
    a = h.attrs
    return Place(
        mention=text[h.start : h.end],
        start=h.start,
        end=h.end,
        id=h.id,
        name_ar=a.get("name_ar"),
        name_en=a.get("name_en"),
        kind=h.kind,
        admin1=a.get("admin1"),
        country=a.get("country"),
        lat=a.get("lat"),
        lon=a.get("lon"),
        precision=a.get("precision"),
    )


_HARAKAT = {c: None for c in range(0x064B, 0x0653)}
_LAUNCH_VERBS = words("entities.launch_verbs")


# between «أطلقت من» and a place: the place is the target («على», «باتجاه», «نحو»)
_AT_TARGET = word_set("entities.at_target")


def _toward_between(text: str, a: int, b: int) -> bool:
    return any(w in _AT_TARGET for w in text[a:b].split())


def fired_from(ctx, hits: list) -> list[tuple[Any, int]]:
    """``(projectile hit, end of «من»)`` of «أطلقت الصواريخ من …», «انطلقت الطائرة
    المسيرة من …»: a launch verb, the projectile right after it, then «من»."""
    text = ctx.text
    out = []
    for w in hits:
        if w.kind != "weapon" or w.role != "munition":
            continue
        after = text[w.end : w.end + 9]
        if not after.startswith(" من ") or after[4:].startswith("قبل"):
            # «أطلقت الصواريخ من قبل مجهولين»: by whom, not from where
            continue
        # the verb, or the verb and its subject or count («أطلقت ثلاثة صواريخ من»)
        for word in text[max(0, w.start - 30) : w.start].split()[-3:]:
            verb = word.translate(_HARAKAT)
            verb = verb[1:] if verb.startswith(_WAW) else verb
            if verb in _LAUNCH_VERBS:
                out.append((w, w.end + 3))
                break
    return out


def place_candidates(ctx, s: int, e: int, sentence, hits: list | None = None) -> tuple[list, list]:
    """``(places, launch_places)`` hits in ``text[s:e]`` (``hits``: those hits, when the
    caller has them), most specific first for places."""
    if hits is None:
        hits = ctx.hits_in(s, e)
    place_hits = [h for h in hits if h.cat == "place"]
    if not place_hits:
        return [], []
    words = ctx.words
    text = ctx.text
    lex_spans = {(h.start, h.end) for h in hits if h.cat == "lex"}
    actor_spans = [(h.start, h.end) for h in hits if h.cat == "actor"]
    sent_places, countries, admin1s = _sentence_places(ctx, sentence)
    by_span: dict[tuple[int, int], list] = {}
    for h in place_hits:
        if (h.start, h.end) in lex_spans and place_rank(h) > 0:
            continue
        if (
            actor_spans
            and any(a <= h.start and h.end <= b for a, b in actor_spans)
            and not _type_word_before(ctx, h, 2 if h.kind in ("city", "country") else 1)
            and not (h.kind == "city" and _locative_before(ctx, h))
        ):
            # «عناصر الشرطة» is the police, «منطقة الشرطة» a place; «أنقرة» the state, «في
            # العاصمة التركية أنقرة» the city
            continue
        if _dateline(text, h, sentence.start):
            continue
        if _fled_to(text, h.start):
            # «لاذت بالفرار باتجاه مدينة بزاعة»: where the attackers went, not the attack
            continue
        if _not_a_location(ctx, h):
            continue
        ambiguous = h.attrs.get("ambiguous")
        if ambiguous == WORD_NAME:
            if word_without_place_cue(ctx, h):
                continue
        elif (ambiguous or h.kind == "village") and not _has_context(ctx, h, sent_places):
            continue
        by_span.setdefault((h.start, h.end), []).append(h)
    if not by_span:
        return [], []
    # a town abroad whose name is ambiguous (a word, or a name shared with other places) only
    # where the document names its country by something else too (the country, a demonym,
    # another of its places): «أمل» is a word before it is Iran's Amol
    evidence = _country_evidence(ctx)
    for sp in list(by_span):
        kept = [
            r
            for r in by_span[sp]
            if r.attrs.get("country") in _HOME
            or r.kind not in _TOWN_KINDS
            or not r.attrs.get("ambiguous")
            and len(by_span[sp]) == 1
            or any(o != sp for o in evidence.get(r.attrs.get("country"), ()))
        ]
        if kept:
            by_span[sp] = kept
        else:
            del by_span[sp]
    if not by_span:
        return [], []
    # «حي القائم في الضاحية الجنوبية لبيروت», «سوق ليبيا في مدينة أم درمان»: a name inside
    # a place of another country, named right after it, is not that country's place
    spans = sorted(by_span)
    for k, sp in enumerate(spans[:-1]):
        nxt = spans[k + 1]
        if (
            words.distance(sp[1], nxt[0]) > 4
            or CLAUSE_PUNCT.search(text, sp[1], nxt[0])
            or not _inside_link(text, sp[1], nxt[0])
        ):
            continue
        outer = {r.attrs.get("country") for r in by_span[nxt]}
        inner = {r.attrs.get("country") for r in by_span[sp]}
        if (
            None not in outer
            and not inner & outer
            and all(r.kind not in ("country", "governorate") for r in by_span[nxt])
        ):
            del by_span[sp]
    if not by_span:
        return [], []
    # a name shared by places in several countries: the country the sentence is about
    for sp in list(by_span):
        readings = by_span[sp]
        others = _other_countries(ctx, sent_places, sp) or _doc_countries(ctx)
        if others and all(r.kind in _LOCAL_KINDS for r in readings):
            # a village or town of a country the sentence does not place anything else in,
            # while it names a place of another country: a homonym («بلدة X في جنوب لبنان»
            # is not the Syrian village X), so no Syrian or Iraqi place for a foreign event
            readings = [r for r in readings if r.attrs.get("country") in others]
            if not readings:
                del by_span[sp]
                continue
            by_span[sp] = readings
        elif (
            others & _HOME
            and all(r.kind == "city" and r.attrs.get("country") not in others for r in readings)
            and not {r.attrs.get("country") for r in readings} & _mentioned(ctx, sp)
        ):
            # «مدرسة اسكندرون … بمدينة حلب»: a foreign city's name in a sentence about
            # Syrian or Iraqi places, its country named nowhere in the text
            del by_span[sp]
            continue
        if len(readings) == 1:
            # one reading: only a village of a region the sentence does not name goes
            r = readings[0]
            # (or a neighbourhood: «حي الأندلس بمدينة كركوك» is not Baghdad's)
            if admin1s and r.kind in ("village", "zone") and r.attrs.get("admin1") not in admin1s:
                del by_span[sp]
            continue
        # the country the sentence names, else one a demonym of the sentence or the
        # document names («طرابلس» with «الليبية»)
        for hint in (countries, _demonym_countries(ctx, sentence), _doc_countries(ctx)):
            same = [r for r in readings if r.attrs.get("country") in hint]
            if same and len(same) < len(readings):
                readings = by_span[sp] = same
                break
        same = [r for r in readings if r.attrs.get("admin1") in admin1s]
        if same and len(same) < len(readings):
            by_span[sp] = same
        elif admin1s and not same and all(r.kind == "village" for r in readings):
            # «منطقة المشتل ببغداد»: a village of the same name elsewhere is not it
            del by_span[sp]
    launch_ends = [h.end for h in hits if h.kind == "cue" and h.role == "launch"]
    launch_ends += [end for _w, end in fired_from(ctx, hits)]
    places: list[tuple[Any, Any]] = []  # (preferred hit, its readings)
    launch: list[tuple[Any, Any]] = []
    for _span, readings in by_span.items():
        h = _preferred_reading(ctx, readings)
        is_launch = any(
            end <= h.start
            and words.distance(end, h.start) <= 4
            and not _toward_between(text, end, h.start)
            for end in launch_ends
        )
        (launch if is_launch else places).append((h, readings))
    return places, launch


def _sentence_places(ctx, sentence) -> tuple[list, set, set]:
    """``(place hits, countries, admin1s)`` of a sentence: the countries and first-level
    regions named without ambiguity. Worked out once per sentence of the document.
    ``admin1s`` holds only Iraq's and Syria's governorates (:data:`_HOME`): they pick among
    the villages, neighbourhoods and homonyms the gazetteer holds for those two countries;
    a place abroad (which has its own admin1) does not say which Iraqi or Syrian village a
    sentence means."""
    key = (sentence.start, sentence.end)
    got = ctx.sentence_places.get(key)
    if got is not None:
        return got
    sent_places = [h for h in ctx.hits_in(sentence.start, sentence.end) if h.cat == "place"]
    sent_spans: dict[tuple[int, int], list] = {}
    for p in sent_places:
        sent_spans.setdefault((p.start, p.end), []).append(p)
    countries = set()
    admin1s = set()
    for readings in sent_spans.values():
        first = readings[0]
        country = first.attrs.get("country")
        admin1 = first.attrs.get("admin1")
        if len(readings) == 1:
            if not first.attrs.get("ambiguous"):
                # (an ambiguous village, «عنيفة», does not say what country the text is about)
                countries.add(country)
            if first.kind not in ("village", "zone") and admin1 and country in _HOME:
                admin1s.add(admin1)
            continue
        if all(x.attrs.get("country") == country for x in readings):
            countries.add(country)
        if (
            first.kind not in ("village", "zone")
            and admin1
            and all(x.attrs.get("country") in _HOME for x in readings)
            and all(x.attrs.get("admin1") == admin1 for x in readings)
        ):
            admin1s.add(admin1)
    got = ctx.sentence_places[key] = (sent_places, countries, admin1s)
    return got


#: ``ambiguous`` value of a place name that is also an ordinary word («الشرطة», «زارة» read in
#: «وزارة»): a place only with a place cue (see the gazetteer's SOURCES.md).
WORD_NAME = 2
# kinds a homonym in another country is dropped for (see place_candidates)
_LOCAL_KINDS = frozenset({"village", "zone", "town", "subdistrict", "neighbourhood"})


def _other_countries(ctx, sent_places, span) -> set:
    """The countries of the sentence's unambiguous places (countries, regions, cities, sites)
    outside ``span``; a country named after a border word («قرب الحدود مع الأردن») does not
    count: it is not where things happen."""
    out = set()
    for p in sent_places:
        if p.start < span[1] and span[0] < p.end:
            continue
        country = p.attrs.get("country")
        if not country or p.attrs.get("ambiguous") or p.kind in _LOCAL_KINDS:
            continue  # only places that stand on their own («وبدأ» is no village بدا)
        if p.kind == "country" and any(
            b.kind == "cue" and b.role == "border" and ctx.words.distance(b.end, p.start) <= 2
            for b in ctx.hits_in(max(0, p.start - 40), p.start)
            if b.end <= p.start
        ):
            continue
        out.add(country)
    return out


# the countries the project's news is about: a homonym abroad needs its country named
_HOME = frozenset({"IQ", "SY"})


def _mentioned(ctx, span) -> set:
    """Countries the document names outside ``span``: unambiguous places, demonyms,
    nationality words."""
    return {
        h.attrs.get("country")
        for h in ctx.hits
        if (h.start, h.end) != span
        and (
            h.kind == "nationality"
            or h.kind == "cue"
            and h.role == "demonym"
            or h.cat == "place"
            and not h.attrs.get("ambiguous")
            and h.kind not in _LOCAL_KINDS
        )
    }


def _demonym_countries(ctx, sentence) -> set:
    """Countries a demonym or nationality word of the sentence names («الليبية»)."""
    key = ("demonyms", sentence.start, sentence.end)
    got = ctx.sentence_places.get(key)
    if got is None:
        got = ctx.sentence_places[key] = {
            h.attrs.get("country")
            for h in ctx.hits_in(sentence.start, sentence.end)
            if h.kind == "nationality" or h.kind == "cue" and h.role == "demonym"
        }
    return got


_TOWN_KINDS = frozenset({"city", "town", "village", "zone", "neighbourhood"})
_INSIDE = word_set("entities.inside")


def _inside_link(text: str, a: int, b: int) -> bool:
    """Whether the words between two places say the second holds the first: «في», «داخل»
    first, or a preposition written on the next word («بخانيونس», «لبيروت», «بمدينة»);
    not «من منطقة البيادر» (where from)."""
    between = [w for w in (w.strip('"«»“”()') for w in text[a:b].split()) if w]
    if not between:
        return b > 0 and text[b - 1] in _BA_LAM_TATWEEL
    first = between[0]
    return first in _INSIDE or first[0] in _BA_LAM_TATWEEL[:2]


def _country_evidence(ctx) -> dict:
    """Country code → the spans of the document that name it: countries, demonyms, and
    places that are not towns (governorates, regions, sites) or towns of one reading;
    worked out once per document."""
    got = ctx.sentence_places.get("evidence")
    if got is None:
        got = {}
        readings: dict = {}
        for h in ctx.hits:
            if h.cat == "place":
                readings.setdefault((h.start, h.end), []).append(h)
            elif h.kind == "cue" and h.role == "demonym" or h.kind == "demonym":
                got.setdefault(h.attrs.get("country"), set()).add((h.start, h.end))
        for sp, rs in readings.items():
            if len({r.attrs.get("country") for r in rs}) == 1 or all(
                r.kind not in _TOWN_KINDS for r in rs
            ):
                for r in rs:
                    got.setdefault(r.attrs.get("country"), set()).add(sp)
        ctx.sentence_places["evidence"] = got
    return got


def _doc_countries(ctx) -> set:
    """The countries of the document's places that stand on their own (unambiguous
    countries, regions, cities, sites) and of its demonyms; worked out once per document."""
    got = ctx.sentence_places.get("document")
    if got is None:
        got = set()
        for h in ctx.hits:
            if h.kind == "cue" and h.role == "demonym":
                got.add(h.attrs.get("country"))
            elif (
                h.cat == "place"
                and not h.attrs.get("ambiguous")
                and h.kind not in _LOCAL_KINDS
                and h.attrs.get("country")
            ):
                got.add(h.attrs.get("country"))
        ctx.sentence_places["document"] = got
    return got


def _not_a_location(ctx, h) -> bool:
    """A place that names something else than where things happen: part of an outlet's name
    («سوريا ناو», «قناة الجزيرة»), a diplomat's post («سفير X لدى Y»), a capital speaking for
    its government («وقالت طهران», «دانت أنقرة»). The words are lexicon cues."""
    words = ctx.words
    for c in ctx.hits_in(h.end, h.end + 16):
        if c.kind == "cue" and c.role == "outlet_suffix" and words.distance(h.end, c.start) == 1:
            return True
    before = [b for b in ctx.hits_in(max(0, h.start - 60), h.start) if b.end <= h.start]
    for b in before:
        gap = words.distance(b.end, h.start)
        if b.kind == "cue" and b.role in ("outlet_head", "title") and gap == 1:
            return True
        if b.kind == "cue" and b.role == "border" and gap <= 4 and h.kind == "country":
            # «قرب الحدود مع باكستان وأفغانستان»: the neighbours across the border
            return True
        if b.kind == "cue" and b.role == "street" and gap == 1 and h.kind == "country":
            # «سوق ليبيا», «شارع فلسطين»: a market or street named after a country
            return True
        if b.kind == "cue" and b.role == "street" and gap == 1 and _place_follows(ctx, h):
            # «في شارع الجزائر مركز محافظة البصرة», «على طريق راجو بمركز مدينة عفرين»: a
            # street named after a place, in the town named after it
            return True
        if b.kind == "cue" and b.role == "at_post" and gap == 1:
            # «سفير العراق لدى تركيا»: the post, when a title comes shortly before
            if any(
                t.kind == "cue" and t.role == "title" and words.distance(t.end, b.start) <= 3
                for t in before
                if t.end <= b.start
            ):
                return True
        if (
            place_rank(h) >= 2  # a country, region or city, not a site or village
            and gap == 1
            and (b.kind == "claim" and b.role in ("announce", "accuse") or b.role == "condemn")
        ):
            return True
    return False


def _place_follows(ctx, h) -> bool:
    """Whether another place is named within six words after place ``h``, in its clause."""
    words = ctx.words
    text = ctx.text
    return any(
        p.cat == "place"
        and p.start >= h.end
        and words.distance(h.end, p.start) <= 6
        and not CLAUSE_PUNCT.search(text, h.end, p.start)
        for p in ctx.hits_in(h.end, h.end + 80)
    )


def _type_word_before(ctx, h, within: int = 1) -> bool:
    """Whether a place-type word («منطقة», «حي», «قرية», «بلدة», «مدينة», «العاصمة» …)
    stands right before the place hit ``h`` (``within`` words: 2 for «العاصمة التركية X»)."""
    for b in ctx.hits_in(max(0, h.start - 40), h.start):
        if (
            b.kind == "placetype"
            and b.role == "city"
            and b.end <= h.start
            and 1 <= ctx.words.distance(b.end, h.start) <= within
            and not _owned_word(b.name)
        ):
            return True
    return False


def _locative_before(ctx, h) -> bool:
    """Whether a preposition of place («وسط», «داخل», «خارج»: lexicon cues of role
    partial) stands right before ``h``."""
    return any(
        b.kind == "cue" and b.role == "partial" and ctx.words.distance(b.end, h.start) == 1
        for b in ctx.hits_in(max(0, h.start - 12), h.start)
        if b.end <= h.start
    )


def word_without_place_cue(ctx, h) -> bool:
    """A place name that is also an ordinary word («الجمعة», «الأبيض») used as a word: no
    place cue around it (:func:`_place_cue`)."""
    return h.attrs.get("ambiguous") == WORD_NAME and not _place_cue(ctx, h)


def _place_cue(ctx, h) -> bool:
    """Whether a place name that is also an ordinary word is used as a place: a name of
    several words («حي الشرطة»), a place-type word right before it («منطقة الحرية», «قرية
    زارة»), or a governorate or city right after it («الحرية ببغداد»)."""
    if " " in h.name or _type_word_before(ctx, h):
        return True
    for a in ctx.hits_in(h.end, h.end + 24):
        if (
            a.cat == "place"
            and a.kind in ("governorate", "city")
            and a.start >= h.end
            and ctx.words.distance(h.end, a.start) == 1
        ):
            return True
    return False


_NAMED_TYPES = words("entities.named_types")


def _dateline(text: str, h, sent_start: int) -> bool:
    """«بغداد: …», «بغداد - IQ», «بغداد، العراق (CNN)--»: the place the story is filed from."""
    if h.start > sent_start and text[sent_start] not in ' \t\n«“"':
        return False  # (the common case, without copying the text before)
    if text[sent_start : h.start].strip(' \t\n«“"') != "":
        return False
    rest = text[h.end : h.end + 3]
    return bool(rest) and rest.lstrip(" ")[:1] in ("،", ",", ":", "-", "–", "(", "/")


# things a force owns: the name after them is their owner more often than a place
_OWNED = words("entities.owned")


def _owned_word(name: str) -> bool:
    name = name[2:] if name.startswith(_AL) else name
    return name in _OWNED or name.replace(_HEH, _TEH_MARBUTA) in _OWNED


def _has_context(ctx, h, sent_places) -> bool:
    if h.name.split(" ", 1)[0] in _NAMED_TYPES:
        return True
    before = ctx.hits_in(max(0, h.start - 16), h.start)
    for b in before:
        if b.kind == "placetype" and ctx.words.distance(b.end, h.start) <= 1:
            if _owned_word(b.name):
                # «دورية للشرطة», «مركز الشرطة», «مقر الحشد»: a force owning the thing
                continue
            return True
    admin1 = h.get("admin1")
    country = h.get("country")
    for p in sent_places:
        if (
            p is not h
            and p.kind == "governorate"
            and admin1
            and p.get("admin1") == admin1
            and p.get("country") == country  # («Al Jawf» is a region of Yemen and of Saudi Arabia)
        ):
            return True
    return False


# which reading of a name shared by several places a bare mention means (prominence)
_PROMINENCE = {
    "airbase": 0,
    "base": 0,
    "airport": 0,
    "oil_field": 0,
    "gas_field": 0,
    "embassy": 0,
    "camp": 0,
    "site": 0,
    "border_crossing": 0,
    "city": 1,
    "town": 2,
    "district": 3,
    "governorate": 4,
    "subdistrict": 5,
    "zone": 6,
    "neighbourhood": 6,
    "village": 7,
    "country": 8,
}
# the place-type word before a name picks the reading
_TYPE_WORDS = word_table("entities.type_words")


def _type_word(ctx, h):
    for b in ctx.hits_in(max(0, h.start - 14), h.start):
        if b.kind == "placetype" and ctx.words.distance(b.end, h.start) <= 1:
            return b.name[2:] if b.name.startswith(_AL) else b.name
    return None


def _preferred_reading(ctx, readings: list):
    if len(readings) == 1:
        return readings[0]
    word = _type_word(ctx, readings[0])
    if word == "ريف":
        # «ريف دير الزور»: the countryside of a governorate
        word = "محافظة"
    if word in _TYPE_WORDS:
        for kind in _TYPE_WORDS[word]:
            same = [r for r in readings if r.kind == kind]
            if same:
                return _nearest_to_the_others(same, readings)
    with_coords = [r for r in readings if r.get("lat") is not None]
    pool = with_coords or readings
    top = min(_PROMINENCE.get(r.kind, 5) for r in pool)
    return _nearest_to_the_others([r for r in pool if _PROMINENCE.get(r.kind, 5) == top], readings)


def _nearest_to_the_others(same: list, readings: list):
    """Of several readings of one kind («عفرين»: two towns of one name in one governorate),
    the one nearest to the name's readings of other kinds (its district, its subdistrict):
    a stray homonym far from them is the less likely place."""
    if len(same) == 1:
        return same[0]
    others = [r for r in readings if r.kind != same[0].kind and r.get("lat") is not None]
    located = [r for r in same if r.get("lat") is not None]
    if not others or not located:
        return same[0]
    return min(
        located,
        key=lambda r: min(
            haversine_km(r.get("lat"), r.get("lon"), o.get("lat"), o.get("lon")) for o in others
        ),
    )


# ---------------------------------------------------------------------------------------------
# actors


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


def _entity_of(ctx, h) -> tuple:
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
    ctx, s: int, e: int, anchors: list, hits: list | None = None
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
        ent, state, air, atype = _entity_of(ctx, h)
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
            a.start >= h.end
            and words.distance(h.end, a.start) <= 1
            and "خلف" in a.name
            or a.start >= h.end
            and words.distance(h.end, a.start) <= 1
            and "وراء" in a.name
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
_SOURCES = word_set("entities.sources")


def _qualifies_a_source(text: str, pos: int) -> bool:
    """Whether the word before ``pos`` is a reporter or official noun («مصادر …»)."""
    before = text[max(0, pos - 20) : pos].split()
    if not before:
        return False
    w = before[-1].strip('«»"“”()')
    w = w[1:] if w.startswith(_WAW) and w[1:] in _SOURCES else w
    return w in _SOURCES or w.replace(_HEH, _TEH_MARBUTA) in _SOURCES


# «هاجم عناصر من تنظيم داعش», «شن مسلحون من الحزب»: members of the group as subject
_MEMBERS = word_set("entities.members")


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


_THAT = word_set("entities.that")


def complementizer(text: str, a: int, b: int) -> bool:
    """«وأكد الجيش الأميركي أن فصائل أطلقت …»: «أن» opens a clause with its own subject."""
    return any(w in _THAT for w in text[a:b].split())


_FLED = words("entities.fled")
_TOWARD = words("entities.toward")


def _fled_to(text: str, pos: int) -> bool:
    """Whether the place at ``pos`` is where someone fled to («لاذوا بالفرار باتجاه …»)."""
    before = text[max(0, pos - 60) : pos].split()[-6:]
    if not any(w in _TOWARD for w in before[-3:]):
        return False
    return any(w.lstrip(_WAW) in _FLED for w in before)


def _nisba_of_a_name(text: str, pos: int) -> bool:
    """«أبو حمزة العراقي»: a nationality adjective ending a kunya is part of a name."""
    before = text[max(0, pos - 30) : pos].split()[-2:]
    return len(before) == 2 and before[0].strip('«»"“”(') in ("أبو", "ابو", "أبي", "ابي")


def _lam_prefixed(text: str, pos: int) -> bool:
    """«استهدف موقعاً للجيش العراقي»: a name after «لـ» owns the object, it is no subject."""
    i = pos
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in '،,؛;:(«“"':
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
            ent, state, air, atype = _entity_of(ctx, best)
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
            out.append(_entity_of(ctx, h)[0])
    return out
