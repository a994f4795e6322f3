"""The clause stage: a sentence cut into clauses at punctuation and boundary cues.

Input: the sentence and its hits. Output: :class:`ClauseSpan` s in order; the anchor stage
reads each as a :class:`Clause` (its hits, and what the clause before it said).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .context import Context, word_start
from .sentences import CLAUSE_PUNCT, Sentence
from .spelling import WAW

__all__ = ["ClauseSpan", "Clause", "cut_clauses"]


class ClauseSpan(NamedTuple):
    """A clause ``text[start:end]`` of a sentence; ``opener`` is ``False`` after
    punctuation, ``True`` after a boundary word, or the hit of «وآخر» («and another»)."""

    start: int
    end: int
    opener: Any


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


def cut_clauses(ctx: Context, sent: Sentence, hits: list) -> list[ClauseSpan]:
    """The clauses of a sentence (``hits``: its hits), in order."""
    text = ctx.text
    cuts: dict[int, Any] = {}
    for m in CLAUSE_PUNCT.finditer(text, sent.start, sent.end):
        cuts[m.end()] = cuts.get(m.end(), False)
    for h in hits:
        if h.kind == "cue" and h.role in ("boundary", "reply", "after"):
            # (an addition «إضافة إلى» goes on with the same clause)
            pos = word_start(text, h.start, sent.start)
            cuts[pos] = True
        elif h.kind == "person" and h.sense == "another":
            # «هجوم بالصواريخ وآخر بطائرة مسيرة»: another attack
            pos = word_start(text, h.start, sent.start)
            if pos < h.start and text[pos] == WAW:
                nxt = ctx.hits_in(h.end, min(sent.end, h.end + 12))
                if any(x.kind == "weapon" for x in nxt[:1]):
                    cuts[pos] = h
    points = sorted(p for p in cuts if sent.start < p < sent.end)
    out = []
    prev = sent.start
    opened = False
    for p in points:
        if p > prev:
            out.append(ClauseSpan(prev, p, opened))
        prev = p
        opened = cuts[p]
    if sent.end > prev:
        out.append(ClauseSpan(prev, sent.end, opened))
    return out
