"""The event lexicon (``rasid/data/gazetteer/events.csv``) and the one gazetteer scan.

The lexicon is ordinary gazetteer entries (``name,id,kind,role,...``) loaded with every other
CSV of the default gazetteer, so places, sites, actors, weapons, trigger words and cue words
are all found in one Rust pass over the document. Its kinds:

``trigger``  verbs and nouns of attack and impact (``role``: verb, verbnoun, noun, dual,
             expose «تعرض», impact «سقط», present «يستهدف»), with an ``event_type`` hint;
             id ``ev:trigger:verb:killing``: verbs that kill their object («أعدم»), which
             count the killed as well; sense ``kidnap`` («اختطف», «اختطافهما»): a
             kidnapping, an event only when the sentence tells a killing around it
``weapon``   weapons (``weapon``; ``role`` munition, adj «صاروخي», modifier «بالستية»,
             aircraft, firearm; ``number`` 1, 2 or pl for the written number)
``outcome``  hit / intercepted / failed words
``claim``    claims of responsibility, announcements, accusations (``role``)
``casualty`` killed / wounded words (``pos`` verb or noun), combined «قتل وجرح», generic
             «ضحايا، إصابات، خسائر», «أضرار مادية فقط» and «خسائر مادية» (material, which
             keeps «دون خسائر مادية» from reading as a stated none)
``person``   counted heads of casualty phrases (``number``)
``cue``      negation, denial, threat, plan, habitual, statistic, past, after, partial,
             unit, boundary, agent, unknown_agent, launch, enumeration … (``role``), and:
             judicial (a court sentence carried out, a verdict or a trial: «حكم الإعدام،
             شنقاً», «حكماً بالسجن», «قضية اغتيال»: the clause tells justice, and the old
             attack it names is no event of the page);
             extent («في جميع أنحاء …», which keeps «جميع» there from reading as habitual);
             harmless (flares, smoke, stun and tear-gas grenades «قنابل مضيئة»: no attacking
             munition); accident («انفجار غازي»: a blast word in an accident's name); where
             («…، حيث استهدفت …»: the clause goes on with the place and time just told);
             overflight («تلاها تحليق للطيران الحربي»: aircraft flying over, not striking;
             the noun only, as «حلق الطيران ثم قصف» strikes); ongoing («تشهد المدينة
             اشتباكات»: a state of affairs, which voids the attack words after it);
             self_named («جماعة تطلق على نفسها اسم X»: the name that follows is the
             speaker's); origin («المولود عام 1975», «تأسس عام 2014»: a birth or founding
             date); filming («طائرة مسيرة للتصوير»); time_of_day («بعد ظهر اليوم»: an hour,
             not «بعد» opening an earlier event); epithet («طائرة مسيرة للاحتلال التركي»: a
             name for a state between its weapon and its nationality); street («جسر 17
             تموز»: a date right after it names a place); sport («على مرمى المنافس»);
             shooting (gunfire aimed at someone: «أطلق مسلحون النار على ناشط», «بوابل من
             الرصاص»; a shooting of a person when a person word follows); civilian_target
             (herders, truffle gatherers, the displaced, a robbery: people going about
             civilian life); another_incident («لاحقاً», «أيضاً» right after an attack verb:
             one more attack, not one more report of the last); drill («تمرين», «تدريبات»,
             «مناورات», «تدرب»: live fire that hits no one); naming («أطلق عليه اسم»: «أطلق»
             that names); membership («مسلحون يتبعون لخلايا …», «تابعون للتنظيم»: members
             tied to their group); earlier («سابق» right after an attack noun: «في هجوم
             سابق», an attack before the news); figurative («ألقى القبض، كلمة، خطاباً»:
             «ألقى» that throws no bomb; blame «ألقى اللوم» is a claim of role accuse);
             own_forces («قواتها», «جنودها»: the announcer's own forces as the
             subject of an attack verb). The ``pos`` column marks: subjunctive on «قبل أن،
             بعد أن» (a present tense after them tells the past), also on «كما» (its attack
             shares the time of the one told before), guilt on «إدانة» (with «بـ» on an
             attack word it holds a party guilty, it condemns nothing)
             Places: demonym «الليبية» (``country``), border «الحدود», outlet_suffix «ناو»,
             outlet_head «قناة», title «سفير», at_post «لدى».
``placetype`` «مدينة، قاعدة، قضاء …» and directions «شمال، قرب …»
``nationality`` «أميركية، تركية …» naming the state (``name_ar``, ``actor``)

Default normalization keeps ة and ه apart, and many outlets write ه for a final ة
(«عبوه ناسفه», «سيارة مفخخه»): those spellings are made when the lexicon loads
(:func:`with_spelling_variants`), never written in the file (``tools/lexicon_dedupe.py``
drops them, and rows that differ only by harakat or shadda, which the matcher folds). Two-word
weapon and attack phrases also have their definite form with the article on both words
(«الطائرات الحربية», «العبوة الناسفة»), which the article rule of the matcher (one leading
«ال») cannot give.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from .spelling import AL as _AL
from .spelling import HEH as _HEH
from .spelling import TEH_MARBUTA as _TEH_MARBUTA
from .words import words

__all__ = [
    "LEXICON_KINDS",
    "ROLES",
    "Hit",
    "check_lexicon",
    "lexicon_path",
    "lexicon_gazetteer",
    "scan",
]

#: The roles of each kind of lexicon entry: the one declaration of the lexicon's vocabulary.
#: Code and rules test these roles, never an entry's spelling; a lexicon row with a kind or
#: role not listed here is an error when the lexicon loads.
#: Clause openers are split by meaning: ``boundary`` («فيما», «بينما»), ``addition`` («إضافة
#: إلى», «فضلاً عن»: one more item of the same statement), ``reply`` («رداً على»: what follows
#: answers an earlier attack).
ROLES: dict[str, frozenset[str]] = {
    "trigger": frozenset({"verb", "verbnoun", "noun", "dual", "expose", "impact", "present"}),
    "weapon": frozenset({"munition", "adj", "modifier", "aircraft", "firearm", "explosive"}),
    "outcome": frozenset({"hit", "intercepted", "failed"}),
    "claim": frozenset({"claim", "announce", "accuse"}),
    "casualty": frozenset(
        {"killed", "wounded", "combined", "generic", "material", "material_only"}
    ),
    "person": frozenset({"person"}),
    "cue": frozenset(
        {
            "accident",
            "addition",
            "after",
            "agent",
            "anaphor",
            "anniversary",
            "another_incident",
            "apposition_skip",
            "at_post",
            "bare_hands",
            "border",
            "boundary",
            "ceasefire",
            "civilian_target",
            "condemn",
            "demonym",
            "denial",
            "drill",
            "earlier",
            "enumeration",
            "epithet",
            "extent",
            "figurative",
            "filming",
            "habitual",
            "harmless",
            "headline_sep",
            "instrument",
            "judicial",
            "launch",
            "manner",
            "membership",
            "naming",
            "negation",
            "nobody",
            "nonstate",
            "novelty",
            "ongoing",
            "origin",
            "outlet_head",
            "outlet_suffix",
            "overflight",
            "own_forces",
            "partial",
            "partial_total",
            "past",
            "performed",
            "period",
            "plan",
            "previously",
            "release",
            "reply",
            "same_day",
            "self_named",
            "shooting",
            "since",
            "space",
            "sport",
            "statistic",
            "street",
            "threat",
            "time_of_day",
            "title",
            "unit",
            "unknown",
            "unknown_agent",
            "verbal",
            "where",
        }
    ),
    "placetype": frozenset({"city", "direction", "site"}),
    "nationality": frozenset({"nationality"}),
}

#: Kinds of entries that belong to the event lexicon.
LEXICON_KINDS = frozenset(ROLES)

#: Senses a lexicon entry's id may end with: what a word means beyond its kind and role, so
#: that code and rules test a sense, never a spelling. Of attack words: «قصف» bombards
#: (``ev:trigger:verb:bombard``); «فقدوا حياتهم» loses life (``…:life``); «اشتباك», «كمين»
#: are a fight between armed sides (``…:fight``); «برصاص مسلحين», «قنص» a person shot
#: (``…:shot``); «أسقط» brings down (``…:down``); «اختطف» kidnaps (``…:kidnap``); «عملية
#: سطو» robs (``…:robbery``); «أضرم» sets fire (``…:arson``); «قتل مسلحون» kills
#: (``…:kill``); «اغتال» assassinates (``…:assassinate``); «دمرت» destroys (an outcome that
#: is no interception unless a projectile is named: ``…:destroy``). Of cue and other words:
#: the partials «منها، من بينهم» (a part ``of``), «أحد، إحدى» (``one`` of them), «داخل،
#: خارج، وسط» (``locative``), «أخرى» (``other``); the agents «تقف خلفها، يقف وراء»
#: (``behind``: the actor stands before them); «الأول، الأولى» (``first`` of an
#: enumeration); «ارتفاع عدد» (a toll's ``rise``, not a count of attacks); «بعد ساعات من،
#: بعد دقائق من» (``hours`` after: the same day) and «عقب» (``following``: an earlier event
#: right before); «كان، وكانت» (the ``auxiliary`` of a pluperfect «وكان … قد»); the person
#: words «آخر» (``another``) and «مسلحون، المسلحين» (``gunmen``); the claim words «أعلن،
#: تبنت، قال، ذكرت» (``declared``: a past verb of saying or claiming, its speaker named
#: right after it); «ذلك، وذلك» (``that``: «وذلك بعد قصف» tells the news after an attack).
SENSES = frozenset(
    {
        "bombard",
        "life",
        "fight",
        "shot",
        "down",
        "kidnap",
        "robbery",
        "arson",
        "kill",
        "assassinate",
        "destroy",
        "of",
        "one",
        "locative",
        "other",
        "behind",
        "first",
        "rise",
        "hours",
        "following",
        "auxiliary",
        "another",
        "gunmen",
        "declared",
        "that",
    }
)
_PLACE_HINTS = ("lat", "admin1", "precision")


class Hit:
    """One gazetteer match, classified: ``cat`` is ``"lex"``, ``"place"`` or ``"actor"``."""

    __slots__ = ("start", "end", "kind", "id", "name", "attrs", "cat", "role", "definite", "sense")

    def __init__(self, start: int, end: int, kind: str, id_: str, name: str, attrs: dict):
        self.start = start
        self.end = end
        self.kind = kind
        self.id = id_
        self.name = name
        self.attrs = attrs
        if kind in LEXICON_KINDS:
            self.cat = "lex"
        elif kind == "actor":
            self.cat = "actor"
        else:
            self.cat = "place"
        self.role = attrs.get("role") or ""
        self.definite = name.startswith(_AL)
        tail = id_.rpartition(":")[2]
        self.sense = tail if tail in SENSES else ""

    @classmethod
    def _of(cls, start: int, end: int, fixed: tuple) -> Hit:
        """A hit at ``start``-``end`` of an entry whose fields were worked out before."""
        h = cls.__new__(cls)
        h.start = start
        h.end = end
        h.kind, h.id, h.name, h.attrs, h.cat, h.role, h.definite, h.sense = fixed
        return h

    def get(self, key: str, default: Any = None) -> Any:
        value = self.attrs.get(key)
        return default if value is None else value

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Hit({self.start},{self.end},{self.kind}/{self.role},{self.name!r})"


def lexicon_path() -> str:
    """Path of the shipped ``events.csv``."""
    return str(resources.files("rasid") / "data" / "gazetteer" / "events.csv")


def teh_variants(name: str) -> list[str]:
    """The spellings of ``name`` with ه for one or more of its word-final ة, in a fixed
    order («عبوة ناسفة» → «عبوه ناسفة», «عبوة ناسفه», «عبوه ناسفه»): many outlets write
    them so, and default normalization keeps ة and ه apart."""
    words = name.split(" ")
    finals = [i for i, w in enumerate(words) if w.endswith(_TEH_MARBUTA)]
    out = []
    for mask in range(1, 1 << len(finals)):
        ws = list(words)
        for bit, i in enumerate(finals):
            if mask >> bit & 1:
                ws[i] = ws[i][:-1] + _HEH
        out.append(" ".join(ws))
    return out


def with_spelling_variants(entries: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The lexicon's entries, each followed by its :func:`teh_variants` (same id and
    attributes): the rule-made spellings are generated here, not written in the file."""
    for e in entries:
        yield e
        name = e.get("name")
        if e.get("kind") in LEXICON_KINDS and isinstance(name, str) and _TEH_MARBUTA in name:
            for v in teh_variants(name):
                yield {**e, "name": v}


def check_lexicon(path: str) -> int:
    """Check every row of a lexicon CSV against :data:`ROLES`; the number of rows.

    Raises:
        rasid.errors.GazetteerBuildError: a row whose kind or role is not declared, with its
            line number.
    """
    import csv

    from ..errors import GazetteerBuildError

    n = 0
    with open(path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            n += 1
            kind, role = row.get("kind") or "", row.get("role") or ""
            roles = ROLES.get(kind)
            if roles is None:
                if kind in ("place", "site", "actor", "") or not role:
                    continue  # not an event-lexicon row
                raise GazetteerBuildError(f"{path}:{line}: unknown lexicon kind {kind!r}")
            if role not in roles:
                raise GazetteerBuildError(
                    f"{path}:{line}: unknown role {role!r} for kind {kind!r}"
                    f" (known: {', '.join(sorted(roles))})"
                )
    return n


@functools.lru_cache(maxsize=1)
def lexicon_gazetteer() -> Any:
    """A gazetteer of the event lexicon alone (for user gazetteers that lack it), cached."""
    from ..gazetteer import Gazetteer, read_entries

    check_lexicon(lexicon_path())
    return Gazetteer(with_spelling_variants(read_entries(lexicon_path())))


@functools.lru_cache(maxsize=1)
def _default() -> Any:
    from ..gazetteer import default_gazetteer

    return default_gazetteer()


def _has_lexicon(gazetteer: Any) -> bool:
    return any(m.kind == "trigger" for m in gazetteer.find(words("lexicon.probe")[0]))


# A document is read only when it has an attack word, or an outcome word with a weapon.
_REQUIRED_KINDS = [["trigger"], ["outcome", "weapon"]]


def scan(text: str, gazetteer: Any | None = None) -> list[Hit]:
    """Every gazetteer hit of ``text`` as :class:`Hit`, sorted by start then longest first
    (none at all when the text has no attack trigger).

    ``gazetteer`` defaults to :func:`rasid.default_gazetteer` (which holds the lexicon); a
    user gazetteer without the lexicon is complemented by :func:`lexicon_gazetteer`.
    """
    g = _default() if gazetteer is None else gazetteer
    if gazetteer is None or _has_lexicon(gazetteer):
        # one pass; the Rust side drops documents without attack words before any object
        # is built
        names = g._core.find_names(text, False, _REQUIRED_KINDS)
        return _hits(g, names) if names else []
    lex = lexicon_gazetteer()
    hits = _hits(g, g._core.find_names(text)) + _hits(lex, lex._core.find_names(text))
    kinds = {h.kind for h in hits}
    if "trigger" not in kinds and not ("outcome" in kinds and "weapon" in kinds):
        return []
    hits.sort(key=lambda h: (h.start, -h.end))
    return hits


# Gazetteer kinds the event assembly does not read: the regional layer's demonyms («التركي»)
# tie an actor to its country (:func:`rasid.gazetteer.actor_country`); the lexicon's own
# ``nationality`` and ``cue``/``demonym`` rows are what extraction reads of such words.
_NOT_READ = frozenset({"demonym"})


def _hits(gazetteer: Any, names: list[tuple[int, int, int]]) -> list[Hit]:
    """:class:`Hit` objects of ``(start, end, name index)`` tuples of ``gazetteer``."""
    memo = _entry_memo(gazetteer)
    of = Hit._of
    out = []
    for start, end, index in names:
        fixed = memo.get(index)
        if fixed is None:
            fixed = memo[index] = _fixed_fields(gazetteer, index)
        if fixed[0] in _NOT_READ:
            continue
        out.append(of(start, end, fixed))
    return out


# The fields of a hit that depend on its gazetteer name alone (by name index), per
# gazetteer: a few recent ones are remembered.
_MEMOS: dict[int, tuple[Any, dict]] = {}


def _entry_memo(gazetteer: Any) -> dict:
    got = _MEMOS.get(id(gazetteer))
    if got is None or got[0] is not gazetteer:
        if len(_MEMOS) >= 4:
            _MEMOS.clear()
        got = _MEMOS[id(gazetteer)] = (gazetteer, {})
    return got[1]


def _fixed_fields(gazetteer: Any, index: int) -> tuple:
    name, id_, kind = gazetteer._core.entry(index)
    h = Hit(0, 0, kind, id_, name, gazetteer._core.entry_attrs(index))
    return (h.kind, h.id, h.name, h.attrs, h.cat, h.role, h.definite, h.sense)
