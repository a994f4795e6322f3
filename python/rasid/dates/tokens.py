"""Tokens of the folded text, and the cores of a word (the word without its proclitics).

:class:`_Tokens` holds the token lists the grammar reads (:meth:`_Tokens.w`,
:meth:`_Tokens.p`, :meth:`_Tokens.num` …) and maps a parsed expression back to the original
text (:meth:`_Tokens.span`); the parser (:mod:`rasid.dates.parser`) fills it from the
chunks of the text.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..text import OffsetMap
from .fold import _MARKS
from .lexicon import _TRIGGERS

# Tokens: runs of decimal digits (``\d``, exactly what ``int()`` reads: kind ``"n"``), runs of
# other word characters (kind ``"w"`` when the first one is a letter, else ``"p"``: «²», «½»),
# single other characters (kind ``"p"``); white space separates them. A token never spans a
# space, so the text is cut at its spaces into chunks that are tokenized once and cached.
_TOKEN = re.compile(r"\d+|[^\W\d_]+|[^\s\w]|_")


@functools.lru_cache(maxsize=65536)
def _cores(word: str) -> tuple[tuple[int, str], ...]:
    """(chars skipped, core) for a word with optional proclitics و ف then ب ل (لل = ل + ال);
    cached: words repeat."""
    return tuple(_iter_cores(word))


@functools.lru_cache(maxsize=65536)
def _cores_first(word: str) -> dict[str, int]:
    """Core → chars skipped, the first reading of each core (read only: it is shared)."""
    return dict((c, s) for s, c in reversed(_cores(word)))


def _iter_cores(word: str):
    yield 0, word
    rest, skip = word, 0
    if len(rest) > 2 and rest[0] in "وف":
        rest, skip = rest[1:], 1
        yield skip, rest
    if len(rest) > 3 and rest.startswith("لل"):
        yield skip, "ال" + rest[2:]
    elif len(rest) > 2 and rest[0] in "بل":
        yield skip + 1, rest[1:]


def _trigger(word: str) -> bool:
    """Whether ``word`` can begin a date expression: one of its cores (see
    :func:`_iter_cores`) is a trigger word. Uncached (chunks are)."""
    if word in _TRIGGERS:
        return True
    rest = word
    if len(rest) > 2 and rest[0] in "وف":
        rest = rest[1:]
        if rest in _TRIGGERS:
            return True
    if len(rest) > 3 and rest.startswith("لل"):
        return "ال" + rest[2:] in _TRIGGERS
    if len(rest) > 2 and rest[0] in "بل":
        return rest[1:] in _TRIGGERS
    return False


# the two slots of a porch, empty
_PORCH = (None, None)

# The type of the token lists ``val``, ``ts`` and ``te`` of :class:`_Tokens`: a token's text
# (str) or position (int), or None in a porch slot with no token before it. The rules read a
# slot only once they know it holds a token (its kind is "n", "w" or "p", or it is the token
# they were called at or one _more() found), which the type checker cannot follow: Any.
_Slots = list[Any]


class _Tokens:
    """The tokens of a folded text, listed as the grammar asks for them.

    Only numbers and trigger words can begin an expression, so the tokens of the text are not
    all listed: the token lists grow by *regions*, each a run of chunks (the text between
    spaces) from the chunk of a candidate being parsed, extended chunk by chunk whenever the
    grammar looks further ahead. Token ``i`` has kind ``kind[i]`` (``"w"`` word, ``"n"``
    number, ``"p"`` punctuation), text ``val[i]``, start ``ts[i]`` and end ``te[i]``
    (positions: ``chunk * scale + offset in the chunk``, in text order, equal only where two
    tokens touch; :meth:`folded_offset` turns them into offsets of the folded text). A region
    begins with a *porch*, two slots for the two tokens before its first chunk (the grammar
    looks back two tokens at most), filled on first use; a slot with no token before it holds
    ``None`` everywhere, which every rule reads the way it reads a missing token.
    """

    __slots__ = (
        "orig",
        "offsets",
        "parts",
        "infos",
        "scale",
        "kind",
        "val",
        "ts",
        "te",
        "words",
        "puncts",
        "first_tok",
        "lo",
        "hi",
        "porch",
        "base",
        "porch_ok",
        "n",
        "_start_memo",
    )

    def __init__(
        self, folded: str, original: str, offsets: OffsetMap, parts: list[str], infos: list
    ) -> None:
        """``parts``: the chunks of ``folded`` (split at its spaces); ``infos``: the cached
        entry of each chunk (see :func:`rasid.dates.parser._chunk_info`)."""
        self.orig = original
        self.offsets = offsets
        self.parts = parts
        self.infos = infos
        self.scale = len(folded) + 1
        self.kind: list[str | None] = []
        self.val: _Slots = []
        self.ts: _Slots = []
        self.te: _Slots = []
        # val[i] where token i is a word (resp. punctuation), else None
        self.words: list[str | None] = []
        self.puncts: list[str | None] = []
        self.first_tok: dict[int, int] = {}  # chunk → index of its first token
        self.lo = -1  # the first chunk of the current region (-1: no region yet)
        self.hi = 0  # the next chunk to grow
        self.porch = 0  # index of the porch of the current region
        self.base = 2
        self.porch_ok = True
        self.n = 0
        self._start_memo = (0, 0)

    def folded_offset(self, pos: int) -> int:
        """The offset in the folded text of a token position (``ts[i]``, ``te[i]``)."""
        k, rel = divmod(pos, self.scale)
        k0, s0 = self._start_memo
        if k == k0:
            return s0 + rel
        if k > k0:
            s = s0 + sum(map(len, self.parts[k0:k])) + (k - k0)
        else:
            s = s0 - sum(map(len, self.parts[k:k0])) - (k0 - k)
        self._start_memo = (k, s)
        return s + rel

    def _region(self, lo: int) -> None:
        """Start a region at chunk ``lo``: its porch, then nothing."""
        self.lo = self.hi = lo
        self.porch = self.n
        self.base = self.n + 2  # the first token after the porch
        self.porch_ok = lo == 0  # nothing before the first chunk
        self.kind += _PORCH
        self.val += _PORCH
        self.ts += _PORCH
        self.te += _PORCH
        self.words += _PORCH
        self.puncts += _PORCH
        self.n += 2

    def _porch(self) -> None:
        """Fill the porch of the current region with the (up to) two tokens before it."""
        self.porch_ok = True
        slot, k = self.porch + 1, self.lo
        while slot >= self.porch and k > 0:
            k -= 1
            entry = self.infos[k]
            kinds, vals, starts, ends, words, puncts, _ = entry or entry.info
            s = k * self.scale
            for t in range(len(kinds) - 1, -1, -1):
                self.kind[slot] = kinds[t]
                self.val[slot] = vals[t]
                self.ts[slot] = s + starts[t]
                self.te[slot] = s + ends[t]
                self.words[slot] = words[t]
                self.puncts[slot] = puncts[t]
                slot -= 1
                if slot < self.porch:
                    break

    def _grow(self) -> bool:
        """Append the tokens of the next chunk; False at the end of the text."""
        k = self.hi
        infos = self.infos
        if k >= len(infos):
            return False
        self.hi = k + 1
        entry = infos[k]
        kinds, vals, starts, ends, words, puncts, _ = entry or entry.info
        self.first_tok[k] = n = self.n
        if kinds:
            s = k * self.scale
            if len(kinds) == 1:
                self.kind.append(kinds[0])
                self.val.append(vals[0])
                self.ts.append(s + starts[0])
                self.te.append(s + ends[0])
                self.words.append(words[0])
                self.puncts.append(puncts[0])
                self.n = n + 1
            else:
                self.kind += kinds
                self.val += vals
                self.ts += map(s.__add__, starts)
                self.te += map(s.__add__, ends)
                self.words += words
                self.puncts += puncts
                self.n = n + len(kinds)
        return True

    def _more(self, i: int) -> bool:
        """Whether token ``i`` (past a porch) exists, growing the region up to it."""
        while self.n <= i:
            if not self._grow():
                return False
        return True

    def all_tokens(self) -> None:
        """List every token of the text: token i of the text is then token i + 2 (after the
        porch of the only region)."""
        self._region(0)
        while self._grow():
            pass

    def _locate(self, k: int, t: int) -> int:
        """The index of token ``t`` of chunk ``k``, starting a region there if needed."""
        if k >= self.hi:
            if k > self.hi + 1 or self.lo < 0:
                self._region(k)
            while self.hi <= k:
                self._grow()
        return self.first_tok[k] + t

    def _next_words(self, k: int, t: int) -> tuple[str | None, str | None]:
        """The words (None for other tokens or past the end) of the two tokens after token
        ``t`` of chunk ``k``, read off the chunks without growing the token lists."""
        infos = self.infos
        if k + 2 < len(infos) and t == len(infos[k][4]) - 1:  # (chunk k holds t: not quiet)
            # the last token of its chunk: the next two are in the next chunks
            nxt = (infos[k + 1] or infos[k + 1].info)[4]
            if len(nxt) > 1:
                return nxt[0], nxt[1]
            if nxt:
                nxt2 = (infos[k + 2] or infos[k + 2].info)[4]
                if nxt2:
                    return nxt[0], nxt2[0]
        got: list[str | None] = []
        words, j = infos[k][4], t + 1
        while True:
            if j < len(words):
                got.append(words[j])
                if len(got) == 2:
                    return got[0], got[1]
                j += 1
                continue
            k += 1
            if k >= len(infos):
                got.extend((None, None))
                return got[0], got[1]
            words, j = (infos[k] or infos[k].info)[4], 0

    # -- token helpers ---------------------------------------------------------------------
    def w(self, i: int) -> str | None:
        if self.base <= i < self.n:
            return self.words[i]
        if i >= self.n:
            return self.words[i] if self._more(i) else None
        if i >= self.porch:
            if not self.porch_ok:
                self._porch()
            return self.words[i]
        return None

    def p(self, i: int) -> str | None:
        if self.base <= i < self.n:
            return self.puncts[i]
        if i >= self.n:
            return self.puncts[i] if self._more(i) else None
        if i >= self.porch:
            if not self.porch_ok:
                self._porch()
            return self.puncts[i]
        return None

    def num(self, i: int) -> int | None:
        if (i < self.n or self._more(i)) and self.kind[i] == "n":
            if len(self.val[i]) <= 4:
                if self._glued_number(i):
                    return None  # part of a grouped or decimal number («5,200», «2.5»)
                return int(self.val[i])
        return None

    def _glued_number(self, i: int) -> bool:
        if i < self.porch + 4 and not self.porch_ok:
            self._porch()
        kind, val, ts, te = self.kind, self.val, self.ts, self.te
        if kind[i - 1] == "p" and val[i - 1] in ",." and kind[i - 2] == "n":
            if te[i - 2] == ts[i - 1] and te[i - 1] == ts[i]:
                return True
        if self._more(i + 1) and kind[i + 1] == "p" and val[i + 1] in ",." and te[i] == ts[i + 1]:
            if self._more(i + 2) and kind[i + 2] == "n" and te[i + 1] == ts[i + 2]:
                return True
        return False

    def bare(self, i: int) -> str | None:
        """The word at i without a leading و / ف («وفي» → «في», «ومنذ» → «منذ»)."""
        word = self.w(i)
        if word is not None and len(word) > 2 and word[0] in "وف":
            return word[1:]
        return word

    def readings(self, i: int, first: bool) -> tuple[tuple[int, str], ...]:
        """(chars skipped, core) for the word at i: with its proclitics taken off only when it
        is ``first`` (the word a rule begins at), else the word itself; none past the end."""
        word = self.w(i)
        if word is None:
            return ()
        return _cores(word) if first else ((0, word),)

    def _mk(self, i: int, skip: int, j: int, **info) -> dict:
        info["start_tok"], info["skip"], info["end_tok"] = i, skip, j
        return info

    # -- offsets ---------------------------------------------------------------------------
    def _orig_index(self, k: int) -> int:
        """The original index of folded character ``k``."""
        return self.offsets.to_original(k, k + 1)[0]

    def span(self, info: dict) -> tuple[int, int]:
        """The (start, end) in the original text of an expression :meth:`parse` found."""
        a, b = info["span"]
        if self.offsets.breakpoints:
            to_original = self.offsets.to_original
            start = to_original(a, a + 1)[0]
            end = to_original(b - 1, b)[0] + 1
        else:  # folding kept every character where it was: the map is the identity
            start, end = a, b
        # absorb harakat / tatweel written after the last letter («غداً», «أمسِ»)
        while end < len(self.orig) and self.orig[end] in _MARKS:
            end += 1
        return start, end
