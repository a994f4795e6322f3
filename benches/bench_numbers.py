"""Number-mention benchmark: `rasid.parse_numbers` against the closest peers.

The corpus is the sentences of ``tests/data/number_cases.tsv`` shuffled (seeded) into
documents of about 2 KB, so every document is a different string whose expected mentions are
known exactly (the table's, shifted). Every benchmark asserts its result.

Peers, on what they can do:

* PyArabic ``pyarabic.number.extract_number_phrases`` + ``text2number``: number *words* to
  integers (no offsets, no digits, no clitics such as «بثمانية», no ordinals, duals, ranges,
  bounds or vague quantities; «ثلاث مئة» reads as 103).
* a plain ``re`` digit extractor (ASCII, Arabic-Indic and Persian digits with ``,``/``٬``
  grouping): digits only, and it cannot tell a count from a date, a year or a percentage.

No peer reads ranges, bounds, duals or ordinals.

Quick mode (default, CI) uses about 64 KB and runs each benchmark once; figures:

    RASID_BENCH_NUMBERS_KB=4000 python -m pytest benches/bench_numbers.py --benchmark-enable -s
"""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

import pytest
from rasid.numbers import parse_numbers

TABLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "number_cases.tsv"
SIZE_KB = int(os.environ.get("RASID_BENCH_NUMBERS_KB", "64"))
DOC_CHARS = 2000


def _table():
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, *cols = line.split("\t")
        mentions = []
        for col in cols:
            start, end, kind, lo, hi, phrase = col.split("|", 5)
            lo_v = None if lo == "-" else int(lo)
            hi_v = None if hi == "-" else int(hi)
            mentions.append((int(start), int(end), kind, lo_v, hi_v, phrase))
        rows.append((sentence, mentions))
    return rows


ROWS = _table()


def _corpus(size_kb: int):
    """Documents of shuffled table sentences, with their exact expected mentions."""
    rng = random.Random(20240611)
    docs, expected = [], []
    total = 0
    while total < size_kb * 1024:
        parts, want, length = [], [], 0
        while length < DOC_CHARS:
            sentence, mentions = ROWS[rng.randrange(len(ROWS))]
            want.extend((s + length, e + length, k, lo, hi, p) for s, e, k, lo, hi, p in mentions)
            parts.append(sentence)
            length += len(sentence) + 1
        doc = " ".join(parts)
        docs.append(doc)
        expected.append(want)
        total += len(doc.encode("utf-8"))
    return docs, expected, total


DOCS, EXPECTED, TOTAL_BYTES = _corpus(SIZE_KB)


def _report(benchmark, mentions: int) -> None:
    stats = getattr(benchmark, "stats", None)
    if stats is not None and getattr(stats, "stats", None) is not None:
        mean = stats.stats.mean
        benchmark.extra_info["MB/s"] = round(TOTAL_BYTES / mean / 1e6, 2)
        benchmark.extra_info["mentions/s"] = round(mentions / mean)
        print(f"\n{benchmark.name}: {TOTAL_BYTES / mean / 1e6:.2f} MB/s, {mentions} mentions")


def test_rasid_parse_numbers(benchmark):
    def run():
        return [
            [(m.start, m.end, m.kind, m.min, m.max, m.text) for m in parse_numbers(doc)]
            for doc in DOCS
        ]

    got = benchmark(run)
    assert got == EXPECTED
    _report(benchmark, sum(map(len, got)))


# -- peers ------------------------------------------------------------------------------------

_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_DIGITS_RE = re.compile(rf"[{_DIGIT}]+(?:[,\u066c][{_DIGIT}]{{3}})*")
_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", ",\u066c")


def regex_digits(text: str) -> list[int]:
    """The plain peer: every digit run (with grouping) as an int."""
    return [int(m.group().translate(_TO_ASCII)) for m in _DIGITS_RE.finditer(text)]


def test_peer_regex_digits(benchmark):
    got = benchmark(lambda: [regex_digits(doc) for doc in DOCS])
    assert regex_digits("قتل 5,200 شخص و١٥ آخرون في 17/10/2019") == [5200, 15, 17, 10, 2019]
    # It finds every plain-digit count rasid finds (and also dates, years, percentages…).
    for values, want in zip(got, EXPECTED):
        plain = [
            lo for _, _, kind, lo, _, phrase in want if kind == "cardinal" and phrase.isdigit()
        ]
        assert set(plain) <= set(values)
    _report(benchmark, sum(map(len, got)))


try:
    import pyarabic.number as pyarabic_number
except ImportError:  # the peer is optional: its benchmarks skip, rasid's still run
    pyarabic_number = None

needs_pyarabic = pytest.mark.skipif(pyarabic_number is None, reason="PyArabic not installed")


def pyarabic_numbers(text: str) -> list[int]:
    """The PyArabic peer: number-word phrases of the text, each read as an int."""
    return [pyarabic_number.text2number(p) for p in pyarabic_number.extract_number_phrases(text)]


@needs_pyarabic
def test_peer_pyarabic(benchmark):
    docs = DOCS[: max(1, len(DOCS) // 4)]  # PyArabic is slow: a quarter of the corpus
    got = benchmark(lambda: [pyarabic_numbers(doc) for doc in docs])
    assert pyarabic_numbers("قتل خمسة وعشرين مسلحا وأصيب ثلاثة آلاف شخص") == [25, 3000]
    assert len(got) == len(docs) and all(isinstance(v, int) for vs in got for v in vs)
    stats = getattr(benchmark, "stats", None)
    if stats is not None and getattr(stats, "stats", None) is not None:
        size = sum(len(d.encode("utf-8")) for d in docs)
        benchmark.extra_info["MB/s"] = round(size / stats.stats.mean / 1e6, 3)
        print(f"\n{benchmark.name}: {size / stats.stats.mean / 1e6:.3f} MB/s")


@needs_pyarabic
def test_word_cardinals_agreement():
    """On the table's cardinal number-word phrases (what PyArabic can read at all), rasid reads
    every one right; PyArabic's text2number is checked on the same phrases."""
    phrases = [
        (phrase, lo)
        for _, mentions in ROWS
        for _, _, kind, lo, _, phrase in mentions
        if kind == "cardinal" and not any(c.isdigit() for c in phrase)
    ]
    assert len(phrases) >= 40
    rasid_ok = sum(
        [(m.min, m.kind) for m in parse_numbers(p)] == [(v, "cardinal")] for p, v in phrases
    )
    pyarabic_ok = sum(pyarabic_number.text2number(p) == v for p, v in phrases)
    print(
        f"\nword cardinals read right: rasid {rasid_ok}/{len(phrases)}, "
        f"PyArabic text2number {pyarabic_ok}/{len(phrases)}"
    )
    assert rasid_ok == len(phrases)
    assert pyarabic_ok < len(phrases)  # e.g. «ثلاث مئة» → 103
