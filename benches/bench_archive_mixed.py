"""The harder archive: real news articles mixed one to four with ordinary news that uses the
attack words in their peaceful senses («هجوم» in football, «أطلقت الوزارة منصة», «ضربة
جزاء», «انفجار الأسعار»).

The real articles are the development articles of ``../shared/dev`` (``RASID_DEV_DIR`` to
point elsewhere), read at run time and never copied into the project; the benchmark is
skipped where they are absent. The ordinary articles are generated here from our own
sentences. Each run is a real `rasid extract` subprocess (see bench_archive.py).

    RASID_BENCH_MB=50 python -m pytest benches/bench_archive_mixed.py --benchmark-enable -s

Reported: MB/s per worker over the whole mix, and the events read out of ordinary articles
(false events: every one is a trigger word taken in its peaceful sense).
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from bench_archive import _SLOTS, _bench_mb, _news_sentence, _summary_counts, run_extract

_DEV_SETS = ("seeds", "news", "news2")

# Attack words in their peaceful senses, in sentences of our own.
_PEACEFUL = [
    "شن مهاجم فريق {team} هجوماً خطيراً على مرمى {team2} في الدقيقة الأخيرة من المباراة.",
    "احتسب الحكم ضربة جزاء لصالح فريق {team} بعد عرقلة مهاجمه داخل المنطقة.",
    "سدد لاعب {team} قذيفة صاروخية من خارج منطقة الجزاء استقرت في شباك {team2}.",
    "أطلقت وزارة {ministry} منصة إلكترونية جديدة لتسجيل المواطنين في {city}.",
    "أطلقت منظمة {org} حملة للتلقيح ضد الحصبة تستهدف {num} ألف طفل في {region}.",
    "شن النائب هجوماً لاذعاً على وزير {ministry} خلال جلسة مجلس النواب.",
    "انفجرت أسعار {goods} في أسواق {city} خلال {period} بعد تراجع الاستيراد.",
    "ضربت موجة حر شديدة {region} ورفعت درجات الحرارة فوق الخمسين.",
    "استهدفت خطة وزارة {ministry} رفع إنتاج {field} بنسبة {pct} بالمئة.",
    "قصف المدافع الكرة برأسه فأنقذها حارس {team2} ببراعة.",
    "تعرضت شبكة الكهرباء في {city} لضغط كبير بسبب ارتفاع الاستهلاك.",
    "أطلق الفنان ألبومه الجديد في {city} بحضور جمهور غفير من محبيه.",
    "اشتبك لاعبو {team} و{team2} بالأيدي بعد صافرة النهاية وتدخل الحكم.",
    "أسقط فريق {team} ضيفه {team2} بثلاثية نظيفة وانتزع صدارة الدوري.",
]


def _dev_dir() -> Path | None:
    explicit = os.environ.get("RASID_DEV_DIR")
    d = Path(explicit) if explicit else Path(__file__).resolve().parents[2] / "shared" / "dev"
    return d if all((d / f"{s}.jsonl").is_file() for s in _DEV_SETS) else None


def _dev_articles(d: Path) -> list[dict]:
    out = []
    for s in _DEV_SETS:
        with open(d / f"{s}.jsonl", encoding="utf-8") as f:
            out += [json.loads(line) for line in f if line.strip()]
    return out


def _ordinary(rng: random.Random) -> str:
    paras = [_news_sentence(rng) for _ in range(rng.randint(3, 6))]
    for _ in range(rng.randint(1, 3)):
        peaceful = rng.choice(_PEACEFUL).format(**{k: rng.choice(v) for k, v in _SLOTS.items()})
        paras.insert(rng.randint(0, len(paras)), peaceful)
    return " ".join(paras)


def generate_mixed(path: Path, mb: float, dev: list[dict], seed: int = 0) -> dict:
    """A JSONL archive of about ``mb`` MB: each real article (in turn) followed by four
    ordinary ones of about the same length; returns the counts and ids of both kinds."""
    rng = random.Random(seed)
    target = int(mb * 1_000_000)
    size = real = ordinary = 0
    ordinary_ids: set[str] = set()
    with open(path, "w", encoding="utf-8") as f:
        i = 0
        while size < target:
            a = dev[i % len(dev)]
            recs = [{"id": f"r{i:07d}-{a['id']}", "published": a.get("published"),
                     "text": a["text"]}]  # fmt: skip
            for k in range(4):
                text = _ordinary(rng)
                while len(text) < len(a["text"]) * 0.8:
                    text += " " + _news_sentence(rng)
                rid = f"o{i:07d}-{k}"
                ordinary_ids.add(rid)
                recs.append({"id": rid, "published": "2021-05-04", "text": text})
            for rec in recs:
                line = json.dumps(rec, ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode("utf-8"))
            real += 1
            ordinary += 4
            i += 1
    return {"real": real, "ordinary": ordinary, "ordinary_ids": ordinary_ids}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    d = _dev_dir()
    if d is None:
        pytest.skip("the development articles (../shared/dev) are not beside the checkout")
    path = tmp_path_factory.mktemp("mixed") / "mixed.jsonl"
    counts = generate_mixed(path, _bench_mb(), _dev_articles(d))
    return path, counts


def test_mixed_archive_throughput(benchmark, mixed, tmp_path):
    src, counts = mixed
    out = tmp_path / "events.jsonl"
    runs: list[dict] = []
    benchmark.pedantic(
        lambda: runs.append(run_extract(src, out, 1)),
        rounds=3 if _bench_mb() >= 50 else 1,
        iterations=1,
    )
    result = min(runs, key=lambda r: r["seconds"])
    docs, events = _summary_counts(result["stderr"])
    assert docs == counts["real"] + counts["ordinary"]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == events
    false_events = sum(1 for r in records if r["doc_id"] in counts["ordinary_ids"])
    # real articles give events (the dev articles hold about two each)
    assert events - false_events >= counts["real"]
    size = src.stat().st_size
    mb_s = size / 1e6 / result["seconds"]
    benchmark.extra_info.update(mb_per_s=mb_s, false_events=false_events)
    print(
        f"\nmixed archive: {size / 1e6:.1f} MB, {counts['real']} real + {counts['ordinary']}"
        f" ordinary articles in {result['seconds']:.2f} s = {mb_s:.2f} MB/s on one worker,"
        f" CPU {result['cpu']:.2f} s; {events} events, {false_events} from ordinary articles"
    )
