"""Event-extraction benchmark: `rasid.extract` over news articles, in MB/s of UTF-8 text.

The corpus is the development articles (``shared/dev/news.jsonl`` and ``seeds.jsonl`` next to
the repository, or the folder named by ``RASID_DEV_DIR``) read at run time and never copied
into the project; without them, a handful of sentences written for the tests. The articles
are repeated, in a seeded random order, up to the target size. The dev articles are dense
(nearly every sentence is about an attack), so this is the slow end of real archives, where
most sentences never reach Python.

Every benchmark asserts its result: the events of the repeated corpus are the events of one
pass times the repetitions (extraction is a pure function), and one pass finds events.

Quick mode (default, CI) uses about 0.2 MB and runs once; figures on 50 MB:

    RASID_BENCH_MB=50 python -m pytest benches/bench_extract.py --benchmark-enable -s
"""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest
from rasid.events import extract

SIZE_MB = float(os.environ.get("RASID_BENCH_MB", "0.2"))
_DEV = Path(os.environ.get("RASID_DEV_DIR", Path(__file__).resolve().parents[2] / "shared" / "dev"))

# written for the tests (used when the dev articles are not there)
_OWN = [
    "سقطت ثلاثة صواريخ كاتيوشا مساء الثلاثاء على قاعدة عين الأسد في محافظة الأنبار، من دون"
    " أن تسفر عن إصابات. وتبنت جماعة «سرايا أولياء الدم» الهجوم.",
    "قتل أربعة مسلحين في غارة تركية بطائرة مسيرة استهدفت سيارتهم قرب مدينة سنجار اليوم السبت."
    " وتقود تركيا حملة طويلة ضد حزب العمال الكردستاني.",
    "انفجرت عبوة ناسفة على رتل للجيش العراقي قرب قضاء الطارمية شمال بغداد، ما أسفر عن إصابة"
    " جنديين. وهذا الهجوم هو الثالث خلال أسبوع.",
    "هددت جماعة مسلحة بقصف القواعد الأمريكية بالصواريخ إذا لم تنسحب القوات من البلاد.",
    "التقى رئيس الوزراء وفداً من المستثمرين في بغداد وبحث معهم مشاريع الطاقة والنقل.",
]


def _documents() -> list[tuple[str, str | None]]:
    docs = []
    for name in ("news.jsonl", "seeds.jsonl"):
        path = _DEV / name
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    d = json.loads(line)
                    docs.append((d["text"], d.get("published")))
    return docs or [(t, "2023-01-10") for t in _OWN]


def _corpus():
    docs = _documents()
    per_doc = [len(extract(t, published=p)) for t, p in docs]
    size = 0
    order = []
    rng = random.Random(7)
    target = SIZE_MB * 1e6
    while size < target:
        i = rng.randrange(len(docs))
        order.append(i)
        size += len(docs[i][0].encode("utf-8"))
    return docs, per_doc, order, size


DOCS, PER_DOC, ORDER, SIZE = _corpus()


def _run() -> int:
    n = 0
    for i in ORDER:
        text, published = DOCS[i]
        n += len(extract(text, published=published, doc_id=str(i)))
    return n


def test_extract_throughput(benchmark):
    expected = sum(PER_DOC[i] for i in ORDER)
    assert sum(PER_DOC) > 0
    t0 = time.perf_counter()
    n = benchmark.pedantic(_run, rounds=1, iterations=1)
    dt = time.perf_counter() - t0
    assert n == expected
    print(
        f"\nextract: {SIZE / 1e6:.2f} MB, {len(ORDER)} documents, {n} events, "
        f"{SIZE / 1e6 / dt:.2f} MB/s"
    )


@pytest.mark.parametrize("kind", ["no_trigger"])
def test_extract_fast_path_on_text_without_attacks(benchmark, kind):
    text = _OWN[-1] * 20
    n = benchmark(lambda: len(extract(text)))
    assert n == 0
