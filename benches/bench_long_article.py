"""One long article: extraction time must grow linearly with an article's size.

A mis-split dump (thousands of articles in one record) used to take quadratic time: a scan of
every date, or of every mention of an event, per mention. The article here is the articles of
:mod:`bench_extract` (the development articles, else its own sentences) joined, in a seeded
random order, up to the size; a small and an 8 times larger article must be extracted at the
same MB/s within 25 %.

Each rate is the best of a few runs (the machine's speed drifts). Quick mode (default, CI):
0.1 and 0.8 MB (below about 0.1 MB an article fits in the CPU caches and runs faster).
Figures on 1 and 8 MB:

    RASID_BENCH_LONG_MB=1 python -m pytest benches/bench_long_article.py --benchmark-enable -s
"""

from __future__ import annotations

import os
import random
import time

from bench_extract import DOCS
from rasid.events import extract

SMALL_MB = float(os.environ.get("RASID_BENCH_LONG_MB", "0.1"))
FACTOR = 8


def _article(mb: float) -> str:
    rng = random.Random(11)
    parts: list[str] = []
    size = 0
    while size < mb * 1e6:
        text = DOCS[rng.randrange(len(DOCS))][0]
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
    return "\n\n".join(parts)


def _rate(text: str, rounds: int) -> tuple[float, int]:
    """(MB/s of the fastest of ``rounds`` runs, events found)."""
    best = float("inf")
    n = 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        n = len(extract(text, published="2023-01-10"))
        best = min(best, time.perf_counter() - t0)
    return len(text.encode("utf-8")) / 1e6 / best, n


def test_long_article_is_extracted_in_linear_time(benchmark):
    small, large = _article(SMALL_MB), _article(SMALL_MB * FACTOR)
    extract(small[:5000])  # loads the gazetteer and the lexicons outside the timing
    small_rate, small_events = _rate(small, rounds=3)
    large_rate, large_events = benchmark.pedantic(
        lambda: _rate(large, rounds=3 if SMALL_MB <= 0.1 else 1), rounds=1, iterations=1
    )
    print(
        f"\nlong article: {SMALL_MB:g} MB {small_rate:.2f} MB/s ({small_events} events), "
        f"{SMALL_MB * FACTOR:g} MB {large_rate:.2f} MB/s ({large_events} events)"
    )
    assert large_events >= small_events > 0
    assert large_rate >= 0.75 * small_rate
