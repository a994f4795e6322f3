"""Offsets of a phrase in a test sentence (the tests' sentences are written for them)."""

from __future__ import annotations


def at(text: str, part: str) -> tuple[int, int]:
    """Offsets of ``part`` in ``text`` (it must occur once)."""
    assert text.count(part) == 1, part
    start = text.index(part)
    return start, start + len(part)
