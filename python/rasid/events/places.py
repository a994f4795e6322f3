"""Places of a mention: where the event happened and where it was fired from.

:func:`place_candidates` reads the place hits of a span (a mention's, or a sentence's) and
keeps those that name where something happened: not a dateline, not where attackers fled,
not an outlet's name or a capital speaking for its government, not an ambiguous word without
a place cue; a name shared by several places is read as the one the sentence (or document)
is about. Places right after a launch cue are launch places.
"""

from __future__ import annotations

from typing import Any

from ..geo import haversine_km
from .context import Context
from .mention import Anchored
from .record import Place
from .sentences import CLAUSE_PUNCT
from .spelling import AL as _AL
from .spelling import BA as _BA
from .spelling import BA_LAM_TATWEEL as _BA_LAM_TATWEEL
from .spelling import COMMA, HARAKAT
from .spelling import HEH as _HEH
from .spelling import LAM as _LAM
from .spelling import TEH_MARBUTA as _TEH_MARBUTA
from .spelling import WAW as _WAW
from .words import word_set, word_table, words

__all__ = [
    "place_rank",
    "to_place",
    "place_candidates",
    "fired_from",
    "word_without_place_cue",
    "best_place",
    "site_antecedent",
    "after_compass",
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


_LAUNCH_VERBS = words("places.launch_verbs")


# between «أطلقت من» and a place: the place is the target («على», «باتجاه», «نحو»)
_AT_TARGET = word_set("places.at_target")


def _toward_between(text: str, a: int, b: int) -> bool:
    return any(w in _AT_TARGET for w in text[a:b].split())


# «من» right after the projectile: where it was fired from, unless «من قبل» (by whom)
_FROM = word_set("places.from")
_BY = words("places.by")


def fired_from(ctx, hits: list) -> list[tuple[Any, int]]:
    """``(projectile hit, end of «من»)`` of «أطلقت الصواريخ من …», «انطلقت الطائرة
    المسيرة من …»: a launch verb, the projectile right after it, then «من»."""
    text = ctx.text
    out = []
    for w in hits:
        if w.kind != "weapon" or w.role != "munition":
            continue
        after = text[w.end : w.end + 9]
        head, sep, rest = after[1:].partition(" ")
        if after[:1] != " " or head not in _FROM or not sep or rest.startswith(_BY):
            # «أطلقت الصواريخ من قبل مجهولين»: by whom, not from where
            continue
        # the verb, or the verb and its subject or count («أطلقت ثلاثة صواريخ من»)
        for word in text[max(0, w.start - 30) : w.start].split()[-3:]:
            verb = word.translate(HARAKAT)
            verb = verb[1:] if verb.startswith(_WAW) else verb
            if verb in _LAUNCH_VERBS:
                out.append((w, w.end + 1 + len(head)))
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
    # another of its places): «أمل» is a word before it is Iran's Amol (the evidence of the
    # document is worked out the first time such a town is met: most documents have none)
    for sp in list(by_span):
        kept = [
            r
            for r in by_span[sp]
            if r.attrs.get("country") in _HOME
            or r.kind not in _TOWN_KINDS
            or not r.attrs.get("ambiguous")
            and len(by_span[sp]) == 1
            or any(o != sp for o in _country_evidence(ctx).get(r.attrs.get("country"), ()))
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
    table = ctx.sentence_places.get("mentioned")
    if table is None:
        # country → the spans naming it, once per document (a scan of every hit per call
        # made long articles quadratic)
        table = {}
        for h in ctx.hits:
            if (
                h.kind == "nationality"
                or h.kind == "cue"
                and h.role == "demonym"
                or h.cat == "place"
                and not h.attrs.get("ambiguous")
                and h.kind not in _LOCAL_KINDS
            ):
                table.setdefault(h.attrs.get("country"), set()).add((h.start, h.end))
        ctx.sentence_places["mentioned"] = table
    return {c for c, spans in table.items() if len(spans) > 1 or span not in spans}


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
_INSIDE = word_set("places.inside")


def _inside_link(text: str, a: int, b: int) -> bool:
    """Whether the words between two places say the second holds the first: «في», «داخل»
    first, or a preposition written on the next word («بخانيونس», «لبيروت», «بمدينة»);
    not «من منطقة البيادر» (where from)."""
    between = [w for w in (w.strip('"«»“”()') for w in text[a:b].split()) if w]
    if not between:
        return b > 0 and text[b - 1] in _BA_LAM_TATWEEL
    first = between[0]
    return first in _INSIDE or first[0] in (_BA, _LAM)


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


# the cue roles and claim roles :func:`_not_a_location` tests on the hits before a place
_NOT_A_LOCATION_CUES = frozenset({"outlet_head", "title", "border", "street", "at_post"})
_SPEAKING_CLAIMS = frozenset({"announce", "accuse"})


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
        # (the gap in words is measured only for the hits tested below: most are not)
        if not (
            b.kind == "cue"
            and b.role in _NOT_A_LOCATION_CUES
            or b.kind == "claim"
            and b.role in _SPEAKING_CLAIMS
            or b.role == "condemn"
        ):
            continue
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
            and (b.kind == "claim" and b.role in _SPEAKING_CLAIMS or b.role == "condemn")
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
    زارة»), a governorate or city right after it («الحرية ببغداد»), or a bearing and a
    country or governorate after it («في صور جنوب لبنان»)."""
    if " " in h.name or _type_word_before(ctx, h):
        return True
    words = ctx.words
    for a in ctx.hits_in(h.end, h.end + 40):
        if a.start < h.end:
            continue
        gap = words.distance(h.end, a.start)
        if a.cat == "place" and a.kind in ("governorate", "city") and gap == 1:
            return True
        if (
            a.cat == "place"
            and a.kind in ("country", "governorate", "region")
            and gap == 2
            and any(
                d.kind == "placetype" and d.role == "direction" and h.end <= d.start < a.start
                for d in ctx.hits_in(h.end, a.start)
            )
        ):
            return True
    return False


_NAMED_TYPES = words("places.named_types")


def _dateline(text: str, h, sent_start: int) -> bool:
    """«بغداد: …», «بغداد - IQ», «بغداد، العراق (CNN)--»: the place the story is filed from."""
    if h.start > sent_start and text[sent_start] not in ' \t\n«“"':
        return False  # (the common case, without copying the text before)
    if text[sent_start : h.start].strip(' \t\n«“"') != "":
        return False
    rest = text[h.end : h.end + 3]
    return bool(rest) and rest.lstrip(" ")[:1] in (COMMA, ",", ":", "-", "–", "(", "/")


# things a force owns: the name after them is their owner more often than a place
_OWNED = words("places.owned")


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
_TYPE_WORDS = word_table("places.type_words")


def _type_word(ctx, h):
    for b in ctx.hits_in(max(0, h.start - 14), h.start):
        if b.kind == "placetype" and ctx.words.distance(b.end, h.start) <= 1:
            return b.name[2:] if b.name.startswith(_AL) else b.name
    return None


def _preferred_reading(ctx, readings: list):
    if len(readings) == 1:
        return readings[0]
    word = _type_word(ctx, readings[0])
    # («ريف دير الزور»: the countryside of a governorate, in the table)
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


_FLED = word_set("places.fled")
_TOWARD = word_set("places.toward")


def _fled_to(text: str, pos: int) -> bool:
    """Whether the place at ``pos`` is where someone fled to («لاذوا بالفرار باتجاه …»)."""
    before = text[max(0, pos - 60) : pos].split()[-6:]
    if _TOWARD.isdisjoint(before[-3:]):
        return False
    return any(w.lstrip(_WAW) in _FLED for w in before)


def site_antecedent(ctx: Context, m: Anchored, site_words: list):
    """«… استهدف مجمعاً عسكرياً في المطار»: the airport (base, field) named before."""
    words = {h.name[2:] for h in site_words if h.definite}
    if not words:
        return None
    floor = ctx.sentence_starts[max(0, m.sent.index - 2)] if ctx.sentence_starts else 0
    for h in reversed(ctx.hits_in(floor, m.start)):
        if h.cat == "place" and place_rank(h) == 0:
            return (h, [h])
    return None


def best_place(ctx: Context, m: Anchored, places: list):
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
            place_rank(h),
            abs(h.start - a),
        )

    by_tier: dict[int, list] = {}
    for item in places:
        by_tier.setdefault(tier(item[0]), []).append(item)
    best = min(by_tier[min(by_tier)], key=key)
    if min(by_tier) == 0 and place_rank(best[0]) >= 5 and 1 in by_tier:
        alt = min(by_tier[1], key=key)
        if place_rank(alt[0]) <= 1:
            best = alt
    if min(by_tier) >= 1 and 1 not in by_tier:
        return None if not by_tier.get(2) else min(by_tier[2], key=key)
    return best


_COMPASS = words("places.compass")


# words that may stand between a compass word and the place («شرقي العاصمة بغداد»)
_BEARING_FILLERS = word_set("places.bearing_fillers")


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


def after_compass(ctx: Context, h) -> bool:
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
            return place_rank(b) < 6
        break
    return False
