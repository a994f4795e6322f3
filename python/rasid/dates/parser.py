"""The parser driver: the chunk cache, the rules each word may begin, and :class:`_Parser`.

The text is cut at its spaces into chunks, each tokenized once (:func:`_chunk_info`, cached
across texts); only numbers and trigger words are candidates, and :meth:`_Parser.parse`
tries at each candidate the rules that may begin there (:func:`_word_rules`), in order.
"""

from __future__ import annotations

import functools
from itertools import compress, count

from ..text import OffsetMap
from ..vocabulary import HIJRI_MONTHS, HIJRI_MONTHS_TWO_WORDS, MONTHS, MONTHS_TWO_WORDS, WEEKDAYS
from .lexicon import (
    _ANAPHOR,
    _DAY_NEXT,
    _DAYREFS,
    _FI_NEXT,
    _ORDINALS,
    _PERIOD_EDGE,
    _PLURAL_SPANS,
    _PREP_NEXT,
    _SEASONS,
    _TOD,
    _VAGUE_PREP,
    _YEAR_WORDS,
)
from .relative import _Relative
from .tokens import _TOKEN, _cores, _cores_first, _trigger

#: Chunks (the text between two spaces) at most this long are cached, at most this many.
_CHUNK_CACHE_LEN = 48
_CHUNK_CACHE_SIZE = 30_000  # about 600 bytes an entry: 18 MB at most (then cleared)
_CHUNKS: dict[str, tuple] = {}


def _chunk_info(chunk: str) -> tuple:
    """The tokens of a chunk of folded text that holds no space, as parallel tuples: kind,
    text, start, end (offsets in the chunk), text if a word (else None), text if punctuation
    (else None); then the tokens that may begin a date expression (numbers and trigger
    words) as (index, quick check, rules: see :func:`_candidate`). Cached: chunks repeat."""
    if chunk.isalpha():  # one word (the commonest chunk)
        one = (chunk,)
        one_cand = ((0, *_candidate(chunk)),) if _trigger(chunk) else ()
        return _cache_chunk(chunk, (_W1, one, _ZERO1, (len(chunk),), one, _NONE1, one_cand))
    kinds, vals, starts, ends = [], [], [], []
    for m in _TOKEN.finditer(chunk):
        val = m.group()
        first = val[0]
        kinds.append("n" if first.isdecimal() else "w" if first.isalpha() else "p")
        vals.append(val)
        starts.append(m.start())
        ends.append(m.end())
    cands = []
    for t, (kind, val) in enumerate(zip(kinds, vals)):
        if kind == "n" and len(val) in (1, 2, 4):
            # (no rule begins with a number of 3 or more than 4 digits)
            sep = (
                t + 1 < len(kinds)
                and kinds[t + 1] == "p"
                and vals[t + 1] in "/-."
                and ends[t] == starts[t + 1]
            )
            cands.append((t, _CHECK_DAY if len(val) <= 2 and not sep else 0, _NUMBER_RULES))
        elif kind == "w" and _trigger(val):
            cands.append((t, *_candidate(val)))
    info = (
        tuple(kinds),
        tuple(vals),
        tuple(starts),
        tuple(ends),
        tuple(v if k == "w" else None for k, v in zip(kinds, vals)),
        tuple(v if k == "p" else None for k, v in zip(kinds, vals)),
        tuple(cands),
    )
    return _cache_chunk(chunk, info)


_W1, _ZERO1, _NONE1 = ("w",), (0,), (None,)
# quick checks of a candidate, on the words after it, before its tokens are listed
_CHECK_FI, _CHECK_DAY, _CHECK_PREP = 1, 2, 3


def _candidate(word: str) -> tuple[int, tuple]:
    """(quick check, rules) of a trigger word."""
    if word == "في":
        check = _CHECK_FI
    elif _prep_only(word):
        check = _CHECK_PREP
    else:
        check = 0
    return check, _word_rules(word)


class _Quiet(tuple):
    """The entry of a chunk without candidates: an empty tuple (so false: a text's chunks
    are told apart by truth alone) that carries the chunk's tokens in :attr:`info`."""

    info: tuple


def _cache_chunk(chunk: str, info: tuple) -> tuple:
    """The entry of a chunk (its info if it holds a candidate, else a :class:`_Quiet`),
    cached when the chunk is short."""
    if not info[6]:
        quiet = _Quiet()
        quiet.info = info
        info = quiet
    if len(chunk) <= _CHUNK_CACHE_LEN:
        if len(_CHUNKS) >= _CHUNK_CACHE_SIZE:
            _CHUNKS.clear()
        _CHUNKS[chunk] = info
    return info


class _Parser(_Relative):
    """The grammar over the tokens of a folded text: the rules of
    :mod:`rasid.dates.explicit` and :mod:`rasid.dates.relative`, tried by :meth:`parse` at
    the candidates of the text's chunks."""

    __slots__ = ()

    def __init__(self, folded: str, original: str, offsets: OffsetMap) -> None:
        parts = folded.split(" ")
        try:
            infos = list(map(_CHUNKS.__getitem__, parts))
        except KeyError:  # a chunk not seen yet (or too long to be cached)
            get = _CHUNKS.get
            cached = [get(part, None) for part in parts]
            infos = [
                _chunk_info(part) if entry is None else entry for part, entry in zip(parts, cached)
            ]
        super().__init__(folded, original, offsets, parts, infos)

    def parse(self) -> list[dict]:
        """The expressions of the text, in order: info dicts whose ``"span"`` is the
        (start, end) of the expression in the folded text."""
        out: list[dict] = []
        skip_to = 0  # folded offset of the end of the last expression
        infos, scale = self.infos, self.scale
        for k in compress(count(), infos):  # the chunks with candidates
            info = infos[k]
            for t, check, rules in info[6]:
                if k * scale + info[2][t] < skip_to:
                    continue  # inside the last expression
                if check == _CHECK_FI:
                    # the commonest trigger: it begins «في وقت سابق», «في ساعة متأخرة من»,
                    # «في ذات اليوم», «في اليوم ذاته» and nothing else
                    w1, w2 = self._next_words(k, t)
                    if w1 not in _FI_NEXT and w2 not in _ANAPHOR:
                        continue
                elif check == _CHECK_DAY:
                    # a day number (not followed by «/», «-», «.») begins «17 (من) أكتوبر»,
                    # «15 (من) رمضان», «19 من الشهر الجاري», «19 هذا الشهر» and nothing else
                    # (the rules p_numeric, p_hijri, p_day_month)
                    w1, w2 = self._next_words(k, t)
                    if w1 not in _DAY_NEXT and (w1 != "من" or w2 not in _DAY_NEXT):
                        continue
                elif check == _CHECK_PREP:
                    # «خلال», «منذ» … begin «خلال (نحو) 3 أيام», «منذ أيام قليلة», «منذ
                    # الساعات الأولى …» and nothing else (p_vague): a word must follow that
                    # can go on (a number, whose word is None, is kept too)
                    w1 = self._next_words(k, t)[0]
                    if w1 is not None and w1 not in _PREP_NEXT:
                        continue
                i = self._locate(k, t)
                for rule in rules:
                    got = rule(self, i)
                    if got is not None:
                        a = self.ts[got.pop("start_tok")] + got.pop("skip")
                        skip_to = self.te[got.pop("end_tok") - 1]
                        got["span"] = (self.folded_offset(a), self.folded_offset(skip_to))
                        out.append(got)
                        break
        return out


# The rules, in the order parse tries them at a candidate token, and the words that each may
# begin with (a word may begin a rule when one of its cores, see _cores, is in the set; the rule
# code is the reference).
_RULES = (
    _Parser.p_anaphor,
    _Parser.p_vague,
    _Parser.p_numeric,
    _Parser.p_hijri,
    _Parser.p_day_month,
    _Parser.p_dayref,
    _Parser.p_period,
    _Parser.p_month,
    _Parser.p_year,
)
_NUMBER_RULES = (_Parser.p_numeric, _Parser.p_hijri, _Parser.p_day_month, _Parser.p_year)
_RULE_CORES = {
    _Parser.p_anaphor: frozenset({"في", "اليوم"}),
    _Parser.p_vague: frozenset(
        {"مؤخرا", "موخرا", "الاونه", "الامس", "في", "ال"} | _VAGUE_PREP | _PLURAL_SPANS
    ),
    _Parser.p_hijri: frozenset({"ال"}),
    _Parser.p_day_month: frozenset({"يوم", "ال"} | _ORDINALS),
    _Parser.p_dayref: frozenset(
        _TOD | {"الليله", "يوم", "اول", "اوائل", "بعد", "قبل", "في"} | set(_DAYREFS) | set(WEEKDAYS)
    ),
    _Parser.p_period: frozenset(
        set(_PERIOD_EDGE) | _SEASONS | {"الاسبوع", "الشهر", "العام", "السنه", "هذا"}
    ),
    _Parser.p_month: frozenset({"شهر"} | set(MONTHS) | set(MONTHS_TWO_WORDS)),
    _Parser.p_year: frozenset(_YEAR_WORDS),
}
# whole words (no clitics) that begin a rule
_RULE_WORDS = {
    _Parser.p_anaphor: frozenset({"ذات", "نفس"}),
    _Parser.p_hijri: frozenset(HIJRI_MONTHS | set(HIJRI_MONTHS_TWO_WORDS)),
}


@functools.lru_cache(maxsize=65536)
def _prep_only(word: str | None) -> bool:
    """Whether the only rule a word may begin is p_vague, through its preposition branch
    (a core in _VAGUE_PREP, none of its earlier cases)."""
    if word is None or _word_rules(word) != (_Parser.p_vague,):
        return False
    cores = _cores_first(word)
    if {"مؤخرا", "موخرا", "الاونه", "الامس"} & cores.keys():
        return False
    if (word[1:] if len(word) > 2 and word[0] in "وف" else word) == "في":
        return False
    return any(c in _VAGUE_PREP for c in cores)


@functools.lru_cache(maxsize=65536)
def _word_rules(word: str | None) -> tuple:
    """The rules of :data:`_RULES` that a token may begin: a word (or ``None`` for
    punctuation, which begins none)."""
    if word is None:
        return ()
    cores = {core for _, core in _cores(word)}
    return tuple(
        fn
        for fn in _RULES
        if not cores.isdisjoint(_RULE_CORES.get(fn, ())) or word in _RULE_WORDS.get(fn, ())
    )
