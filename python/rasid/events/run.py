"""The run driver: one document through every stage, from gazetteer hits to event records.

1. **scan**: one gazetteer pass finds places, actors and the event lexicon's words
   (:func:`rasid.events.lexicon.scan`); a document without an attack word stops here;
2. **clauses** and **anchors**: each sentence holding an attack word is cut into clauses and
   its anchored spans found (:mod:`rasid.events.clauses`, :mod:`rasid.events.anchors`,
   :mod:`rasid.events.splits`);
3. **slots**: each span filled as a :class:`~rasid.events.mention.Mention`
   (:mod:`rasid.events.slots`); a sentence with no attack word right after a mention may
   continue it;
4. **merge**: mentions of one real event joined (:mod:`rasid.events.merge`);
5. **type** and **finalize**: actor and claimant, type and weapon, background, records
   (:mod:`rasid.events.typing_stage`, :mod:`rasid.events.finalize`).

Dates and numbers are read only over the sentences around attack words, dates only once a
stage asks for them.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from typing import Any

from ..dates import infer_published, publication_date, resolve_dates
from ..numbers import parse_numbers
from .claims import free_claims
from .context import Context
from .finalize import finalize
from .lexicon import scan
from .mention import Mention
from .merge import merge
from .record import Event
from .rules import Trace
from .sentences import sentences_holding, split_sentences
from .slots import continuation, sentence_mentions

__all__ = ["run"]


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
    attack_sentences = sentences_holding(sentences, attack_starts)
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
        sentences,
    )
    mentions: list[Mention] = []
    group_seq = [0]
    mentioned = set()
    with_attack = set(attack_sentences)
    # a sentence before the first attack word states nothing and continues nothing
    for sent in sentences[attack_sentences[0] if attack_sentences else len(sentences) :]:
        ms = sentence_mentions(ctx, sent, group_seq) if sent.index in with_attack else []
        if not ms and sent.index - 1 in mentioned:
            ms = continuation(ctx, sent)
        if ms:
            mentioned.add(sent.index)
        mentions.extend(ms)
    mentions = _without_lead_totals(mentions)
    if not mentions:
        return []
    # claim sentences that report no attack of their own claim the attacks told before
    claims = free_claims(ctx, sentences, mentioned)
    events = merge(ctx, mentions)
    return finalize(ctx, events, doc_id, claims, mentioned)


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
