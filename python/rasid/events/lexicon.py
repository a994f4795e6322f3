"""The event lexicon (``rasid/data/gazetteer/events.csv``) and the one gazetteer scan.

The lexicon is ordinary gazetteer entries (``name,id,kind,role,...``) loaded with every other
CSV of the default gazetteer, so places, sites, actors, weapons, trigger words and cue words
are all found in one Rust pass over the document. Its kinds:

``trigger``  verbs and nouns of attack and impact (``role``: verb, verbnoun, noun, dual,
             expose «تعرض», impact «سقط», present «يستهدف»), with an ``event_type`` hint
``weapon``   weapons (``weapon``; ``role`` munition, adj «صاروخي», modifier «بالستية»,
             aircraft, firearm; ``number`` 1, 2 or pl for the written number)
``outcome``  hit / intercepted / failed words
``claim``    claims of responsibility, announcements, accusations (``role``)
``casualty`` killed / wounded words (``pos`` verb or noun), combined «قتل وجرح», generic
             «ضحايا، إصابات» and «أضرار مادية فقط»
``person``   counted heads of casualty phrases (``number``)
``cue``      negation, denial, threat, plan, habitual, statistic, past, after, partial,
             unit, boundary, agent, unknown_agent, launch, enumeration … (``role``)
``placetype`` «مدينة، قاعدة، قضاء …» and directions «شمال، قرب …»
``nationality`` «أميركية، تركية …» naming the state (``name_ar``, ``actor``)
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

__all__ = ["LEXICON_KINDS", "Hit", "lexicon_path", "lexicon_gazetteer", "scan"]

#: Kinds of entries that belong to the event lexicon.
LEXICON_KINDS = frozenset(
    {
        "trigger",
        "weapon",
        "outcome",
        "claim",
        "casualty",
        "person",
        "cue",
        "placetype",
        "nationality",
    }
)
_PLACE_HINTS = ("lat", "admin1", "precision")


class Hit:
    """One gazetteer match, classified: ``cat`` is ``"lex"``, ``"place"`` or ``"actor"``."""

    __slots__ = ("start", "end", "kind", "id", "name", "attrs", "cat", "role", "definite")

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
        self.definite = name.startswith("ال")

    @classmethod
    def _of(cls, start: int, end: int, fixed: tuple) -> Hit:
        """A hit at ``start``-``end`` of an entry whose fields were worked out before."""
        h = cls.__new__(cls)
        h.start = start
        h.end = end
        h.kind, h.id, h.name, h.attrs, h.cat, h.role, h.definite = fixed
        return h

    def get(self, key: str, default: Any = None) -> Any:
        value = self.attrs.get(key)
        return default if value is None else value

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Hit({self.start},{self.end},{self.kind}/{self.role},{self.name!r})"


def lexicon_path() -> str:
    """Path of the shipped ``events.csv``."""
    return str(resources.files("rasid") / "data" / "gazetteer" / "events.csv")


@functools.lru_cache(maxsize=1)
def lexicon_gazetteer() -> Any:
    """A gazetteer of the event lexicon alone (for user gazetteers that lack it), cached."""
    from ..gazetteer import Gazetteer

    return Gazetteer.from_files(lexicon_path())


@functools.lru_cache(maxsize=1)
def _default() -> Any:
    from ..gazetteer import default_gazetteer

    return default_gazetteer()


def _has_lexicon(gazetteer: Any) -> bool:
    return any(m.kind == "trigger" for m in gazetteer.find("هجوم"))


def scan(text: str, gazetteer: Any | None = None) -> list[Hit]:
    """Every gazetteer hit of ``text`` as :class:`Hit`, sorted by start then longest first
    (none at all when the text has no attack trigger).

    ``gazetteer`` defaults to :func:`rasid.default_gazetteer` (which holds the lexicon); a
    user gazetteer without the lexicon is complemented by :func:`lexicon_gazetteer`.
    """
    g = _default() if gazetteer is None else gazetteer
    sources = [(g, g.find(text))]
    if gazetteer is not None and not _has_lexicon(gazetteer):
        lex = lexicon_gazetteer()
        sources.append((lex, lex.find(text)))
    # most documents state no attack: leave before building anything
    kinds = {m.kind for _, matches in sources for m in matches}
    if "trigger" not in kinds and not ("outcome" in kinds and "weapon" in kinds):
        return []
    hits = []
    of = Hit._of
    for source, matches in sources:
        memo = _entry_memo(source)
        for m in matches:
            key = (m.id, m.kind, m.name)
            fixed = memo.get(key)
            if fixed is None:
                fixed = memo[key] = _fixed_fields(m)
            hits.append(of(m.start, m.end, fixed))
    hits.sort(key=lambda h: (h.start, -h.end))
    return hits


# The fields of a hit that depend on its gazetteer entry alone (the attrs dict is built
# anew by every ``Match.attrs``), per gazetteer: a few recent ones are remembered.
_MEMOS: dict[int, tuple[Any, dict]] = {}


def _entry_memo(gazetteer: Any) -> dict:
    got = _MEMOS.get(id(gazetteer))
    if got is None or got[0] is not gazetteer:
        if len(_MEMOS) >= 4:
            _MEMOS.clear()
        got = _MEMOS[id(gazetteer)] = (gazetteer, {})
    return got[1]


def _fixed_fields(m: Any) -> tuple:
    h = Hit(m.start, m.end, m.kind, m.id, m.name, m.attrs)
    return (h.kind, h.id, h.name, h.attrs, h.cat, h.role, h.definite)
