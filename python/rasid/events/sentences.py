"""Sentences, clauses and word positions of a document (offsets into the original text)."""

from __future__ import annotations

import re

from .spelling import CLAUSE_MARKS
from .spelling import COMMA as _COMMA
from .spelling import QUESTION_MARK as _QUESTION

__all__ = ["Sentence", "split_sentences", "sentences_holding", "Words"]

# a sentence ends at . ! ? ؟ … or a line break; a full stop next to a digit does not
# count (checked in the loop: one character class is searched much faster than a choice)
_END = re.compile(f"[!?{_QUESTION}\n….]")
# clause punctuation inside a sentence
CLAUSE_PUNCT = re.compile(f"[{CLAUSE_MARKS}]")
#: Longest first line still read as a headline.
HEADLINE_MAX = 160


class Sentence:
    """A sentence ``text[start:end]``; ``headline`` for a title line at the top."""

    __slots__ = ("start", "end", "headline", "index")

    def __init__(self, start: int, end: int, headline: bool, index: int):
        self.start = start
        self.end = end
        self.headline = headline
        self.index = index

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Sentence({self.start},{self.end},headline={self.headline})"


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with surrounding white space trimmed (empty ones dropped).

    The first line is a headline when it is short, has no final full stop and more text
    follows it.
    """
    n = len(text)
    first_line_end = text.find("\n")
    stops = []  # the marks that end a sentence
    for m in _END.finditer(text):
        i = m.start()
        mark = text[i]
        if mark == ".":
            if i + 1 < n and text[i + 1].isdecimal():
                continue  # «3.5»
            if i > 0 and text[i - 1].isdigit():
                continue
        elif mark == "\n" and _wrapped(text, i, first_line_end):
            continue
        stops.append(i)
    stops.append(n)
    out: list[Sentence] = []
    pos = 0
    for stop in stops:
        # the text up to the mark, without the white space around it
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(s, e, False, len(out)))
        pos = stop + 1
    if out and first_line_end > 0 and out[0].end <= first_line_end:
        head = out[0]
        tail = text[first_line_end:].strip()
        if (
            head.end - head.start <= HEADLINE_MAX
            and text[head.end : head.end + 1] != "."
            and len(tail) > head.end - head.start
        ):
            head.headline = True
            # a page that repeats its title under it («عنوان» twice): the copy is a title too
            title = text[head.start : head.end]
            for later in out[1:4]:
                if text[later.start : later.end] == title:
                    later.headline = True
    return out


def _wrapped(text: str, i: int, first_line_end: int) -> bool:
    """Whether the line break at ``i`` only wraps a sentence: the line before ends in a
    letter or a comma, the next line goes on with a letter, and it is not the first line."""
    if i == first_line_end:
        return False
    j = i - 1
    while j >= 0 and text[j] in " \t\r":
        j -= 1
    k = i + 1
    while k < len(text) and text[k] in " \t\r":
        k += 1
    if j < 0 or k >= len(text):
        return False
    prev, nxt = text[j], text[k]
    if nxt == "\n" or not (nxt.isalpha() or nxt in '«“"('):
        return False
    line_start = text.rfind("\n", 0, j) + 1
    if j - line_start < 8:
        return False
    return prev.isalpha() or prev in (_COMMA, ",")


class Words:
    """White-space separated words of a text, to measure distances in words.

    Distances are counted in the text between the two positions: they are asked for a few
    dozen times per document and mostly span a few words, which is cheaper than listing
    the start of every word of the document first.
    """

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def _starts_in(self, x: int, y: int) -> int:
        """Word starts in ``(x, y]`` (``x >= 0``)."""
        if y <= x:
            return 0
        part = self.text[x : y + 1]
        n = len(part.split())
        # a word running through ``x`` does not start inside
        return n - 1 if n and not part[0].isspace() else n

    def index(self, offset: int) -> int:
        """Index of the word containing (or preceding) ``offset``."""
        return len(self.text[: offset + 1].split()) - 1 if offset >= 0 else -1

    def index_gap(self, x: int, y: int) -> int:
        """``index(y) - index(x)`` (counted between the two positions alone)."""
        return self._starts_in(x, y) if y >= x else -self._starts_in(y, x)

    def distance(self, a_end: int, b_start: int) -> int:
        """Words from the word holding ``a_end - 1`` to the word holding ``b_start``."""
        a = a_end - 1 if a_end > 0 else 0
        return self._starts_in(a, b_start) if b_start >= a else -self._starts_in(b_start, a)


def sentences_holding(sentences: list, positions: list) -> list[int]:
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
