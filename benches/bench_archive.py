"""End-to-end archive benchmark: `rasid extract` on a generated archive of Arabic news.

The archive (JSONL) is generated here: news-like articles of about 2-4 KB, about one in five
reporting an attack (rockets, drones, IEDs, strikes, clashes with places, counts, dates),
the others ordinary news composed from slot templates (one in ten with «أطلقت حملة», a
trigger word the extractor has to look at and reject). Each run is a real `rasid extract`
subprocess; peak memory is the largest sum of RSS over the process tree (parent + workers),
sampled with psutil.

By default (CI) the archive is small and each benchmark runs once as a test; figures:

    RASID_BENCH_MB=200 python -m pytest benches/bench_archive.py --benchmark-enable -s

Bounded memory on 1 GB (not in CI; generates a 1 GB file under /tmp-like TMPDIR):

    python benches/bench_archive.py --mb 1000 --workers 2

``RASID_BENCH_EXTRACTOR=module:function`` swaps the extractor (default: rasid.events.extract).
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

psutil = pytest.importorskip("psutil") if "pytest" in sys.modules else __import__("psutil")

# -- the generated archive --------------------------------------------------------------------

_PLACES = [
    "معسكر التاجي", "قاعدة عين الأسد", "مطار بغداد الدولي", "قاعدة بلد الجوية", "مطار أربيل",
    "قضاء الطارمية", "مدينة الفلوجة", "قضاء هيت", "ناحية جرف الصخر", "مدينة البوكمال",
    "حقل العمر النفطي", "مدينة كركوك", "قضاء سنجار", "المنطقة الخضراء", "معبر القائم",
]  # fmt: skip
_NUMBERS = ["ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "عشرة", "2", "3", "5", "8", "12", "17"]
_DAYS = ["مساء الاثنين", "فجر الثلاثاء", "ليلة الأربعاء", "صباح الخميس", "يوم الجمعة",
         "مساء السبت", "أمس", "اليوم", "مساء أمس", "ليلة الأحد"]  # fmt: skip
_GROUPS = ["كتائب حزب الله", "عصائب أهل الحق", "سرايا أولياء الدم", "تنظيم داعش",
           "المقاومة الإسلامية في العراق", "ربع الله"]  # fmt: skip
_ATTACKS = [
    "سقطت {n} صواريخ من نوع كاتيوشا {day} على {place}، من دون أن تسفر عن خسائر بشرية.",
    "استهدف هجوم بطائرة مسيرة مفخخة {place} {day}، وأعلنت {group} مسؤوليتها عن الهجوم.",
    "أسقطت الدفاعات الجوية طائرة مسيرة حاولت استهداف {place} {day}، وفق بيان رسمي.",
    "قتل {n} من عناصر الأمن وأصيب آخرون بانفجار عبوة ناسفة قرب {place} {day}.",
    "شنت طائرات حربية غارة جوية على مواقع تابعة لـ{group} قرب {place} {day}، ما أدى إلى "
    "مقتل نحو {n} مسلحين.",
    "اندلعت اشتباكات مسلحة بين القوات الأمنية ومسلحين من {group} في {place} {day}، أسفرت "
    "عن مقتل {n} مسلحين.",
    "تعرض {place} {day} لقصف بما بين {n} إلى 11 قذيفة هاون، وأصيب جنديان بجروح.",
]
# Ordinary news, composed from slots so that documents differ (a few words in it, such as
# «أطلقت» in «أطلقت حملة», are also attack triggers: the extractor must look and reject).
_NEWS_TEMPLATES = [
    "ارتفعت أسعار {goods} في أسواق {city} بنسبة {pct} بالمئة خلال {period}.",
    "بحث وزير {ministry} مع نظيره {nation} سبل تعزيز التعاون في مجال {field}.",
    "توقعت هيئة الأنواء الجوية {weather} على {region} خلال {period}.",
    "أعلنت وزارة {ministry} موعد {exam} للعام الدراسي الحالي.",
    "فاز فريق {team} على فريق {team2} بنتيجة {score} في مباراة الدوري الممتاز.",
    "قال مسؤول في وزارة {ministry} إن {indicator} بلغ {num} خلال {period}.",
    "افتتح محافظ {city} مشروعا لإعادة تأهيل {infra} بكلفة تتجاوز {num} مليار دينار.",
    "ناقش مجلس النواب في جلسته مشروع قانون {law} وقرر تأجيل التصويت عليه.",
    "أكد البنك المركزي استقرار سعر صرف الدينار أمام الدولار خلال {period}.",
    "وصل إلى {city} وفد من {org} لبحث {field} مع المسؤولين المحليين.",
    "شهدت {city} مهرجانا ثقافيا شارك فيه {num} فنانا من {nation}.",
    "قررت الحكومة تخصيص {num} مليون دولار لدعم {field} في {region}.",
    "أعلنت شركة {company} عن خطط لتوسيع أعمالها في {city} خلال {period}.",
    "استقبل رئيس الوزراء سفير {nation} وبحث معه {field}.",
    "سجلت وزارة الصحة {num} إصابة جديدة بالإنفلونزا الموسمية خلال {period}.",
    "تخرجت دفعة جديدة من طلبة جامعة {city} تضم {num} طالبا وطالبة.",
    "انطلقت في {city} أعمال مؤتمر {field} بمشاركة خبراء من {nation}.",
]
_SLOTS = {
    "goods": ["الخضروات", "الطحين", "الوقود", "اللحوم", "الذهب", "الأدوية", "مواد البناء"],
    "city": ["بغداد", "البصرة", "الموصل", "النجف", "كربلاء", "السليمانية", "الحلة", "دهوك"],
    "pct": ["5", "10", "12", "15", "20", "ثلاثة", "سبعة"],
    "period": ["الأسبوع الماضي", "الشهر الماضي", "الأيام الأخيرة", "العام الحالي",
               "الربع الأول", "الأشهر الستة الماضية"],
    "ministry": ["الخارجية", "التربية", "النفط", "الصحة", "التخطيط", "الزراعة", "الكهرباء"],
    "nation": ["الأردني", "المصري", "الكويتي", "التركي", "الفرنسي", "الياباني", "الألماني"],
    "field": ["الطاقة", "التعليم", "الاستثمار", "المياه", "النقل", "الصحة العامة", "السياحة"],
    "weather": ["هطول أمطار متفرقة", "ارتفاعا في درجات الحرارة", "عواصف ترابية",
                "طقسا صحوا"],
    "region": ["المحافظات الشمالية", "المنطقة الوسطى", "المحافظات الجنوبية", "إقليم كردستان"],
    "exam": ["الامتحانات الوزارية", "امتحانات نصف السنة", "بدء العطلة الربيعية"],
    "team": ["الزوراء", "الشرطة", "الطلبة", "القوة الجوية", "النفط", "أربيل"],
    "team2": ["الكرخ", "الميناء", "نفط الوسط", "الحدود", "زاخو"],
    "score": ["هدفين مقابل هدف", "ثلاثة أهداف دون رد", "هدف نظيف"],
    "indicator": ["إنتاج النفط", "حجم الصادرات", "عدد المشاريع المنجزة", "معدل البطالة"],
    "num": ["3", "12", "45", "150", "2,500", "عشرين", "ثلاثين", "مئة"],
    "infra": ["الطرق الداخلية", "شبكة المياه", "المدارس", "الجسور", "المستشفى العام"],
    "law": ["الموازنة العامة", "الضمان الاجتماعي", "الاستثمار", "حماية المستهلك"],
    "org": ["دولية", "محلية", "إغاثية", "الهلال الأحمر", "أممية"],
    "aid": ["المساعدات الغذائية", "الأغطية", "المستلزمات الطبية", "الحقائب المدرسية"],
    "company": ["اتصالات", "نفطية", "صينية", "ألمانية", "محلية للإسمنت"],
}  # fmt: skip


# «أطلقت» (launched) also starts rocket reports: about one ordinary article in ten has it.
_AMBIGUOUS = "أطلقت منظمة {org} حملة لتوزيع {aid} على العائلات النازحة في {city}."


def _news_sentence(rng: random.Random) -> str:
    return _fill(rng.choice(_NEWS_TEMPLATES), rng)


def _fill(template: str, rng: random.Random) -> str:
    return template.format(**{k: rng.choice(v) for k, v in _SLOTS.items()})


def generate_archive(path: Path, mb: float, seed: int = 0) -> tuple[int, int]:
    """Write a JSONL archive of about ``mb`` MB; returns (documents, attack documents)."""
    rng = random.Random(seed)
    target = int(mb * 1_000_000)
    n = attacks = 0
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        while size < target:
            n += 1
            paras = [_news_sentence(rng) for _ in range(rng.randint(12, 25))]
            if rng.random() < 0.1:
                paras.insert(rng.randint(0, len(paras)), _fill(_AMBIGUOUS, rng))
            if rng.random() < 0.2:
                attacks += 1
                sentence = rng.choice(_ATTACKS).format(
                    n=rng.choice(_NUMBERS), day=rng.choice(_DAYS), place=rng.choice(_PLACES),
                    group=rng.choice(_GROUPS),
                )  # fmt: skip
                paras.insert(rng.randint(0, 3), sentence)
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            rec = {"id": f"g{n:08d}", "published": f"2020-{month:02d}-{day:02d}",
                   "text": " ".join(paras) + f" (رقم {n})"}  # fmt: skip
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
    return n, attacks


# -- one measured run -------------------------------------------------------------------------


def _rss(procs: list[psutil.Process]) -> int:
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def _tree(proc: psutil.Process) -> list[psutil.Process]:
    try:
        return [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return []


def run_extract(src: Path, out: Path, workers: int) -> dict:
    """Run `rasid extract` as a subprocess; returns seconds, peak RSS (bytes), stderr."""
    cmd = [sys.executable, "-c", "from rasid.cli import main; main()", "extract", str(src),
           "-o", str(out), "--workers", str(workers), "--no-progress"]  # fmt: skip
    extractor = os.environ.get("RASID_BENCH_EXTRACTOR")
    if extractor:
        cmd += ["--extractor", extractor]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ps = psutil.Process(proc.pid)
    peak = 0
    stop = threading.Event()

    def sample():
        # Sampling takes CPU from the run it measures: the process tree (a scan of /proc,
        # about 1 ms) is looked up again only every 0.25 s, the RSS of each process (tens
        # of microseconds) every 20 ms.
        nonlocal peak
        procs: list[psutil.Process] = []
        scanned = 0.0
        while not stop.is_set():
            if time.monotonic() - scanned > 0.25:
                procs, scanned = _tree(ps), time.monotonic()
            peak = max(peak, _rss(procs))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.monotonic() - start
    stop.set()
    sampler.join()
    assert proc.returncode == 0, err.decode()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU of the whole tree (the run reaps its workers): with other load on the machine,
    # wall time understates scaling; CPU time shows the overhead of going parallel.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": seconds, "peak": peak, "cpu": cpu, "stderr": err.decode()}


def _summary_counts(stderr: str) -> tuple[int, int]:
    line = stderr.strip().splitlines()[-1]
    docs = int(line.split(" documents read")[0].split()[-1])
    events = int(line.split(" events written")[0].split()[-1])
    return docs, events


def _bench_mb() -> float:
    return float(os.environ.get("RASID_BENCH_MB", "2"))


def _extractor_available() -> bool:
    if os.environ.get("RASID_BENCH_EXTRACTOR"):
        return True
    try:
        from rasid.events import extract  # noqa: F401
    except ImportError:
        return False
    return True


pytestmark = pytest.mark.skipif(not _extractor_available(), reason="rasid.events not built")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    d = tmp_path_factory.mktemp("archive")
    path = d / "archive.jsonl"
    n, attacks = generate_archive(path, _bench_mb())
    return path, n, attacks


def _report(label: str, size: int, r: dict, n: int) -> str:
    mb = size / 1e6
    return (f"{label}: {mb:.1f} MB, {n} docs in {r['seconds']:.2f} s = "
            f"{mb / r['seconds']:.2f} MB/s, {n / r['seconds']:.0f} docs/s, "
            f"CPU {r['cpu']:.2f} s, peak RSS {r['peak'] / 1e6:.0f} MB")  # fmt: skip


_SECONDS: dict[int, float] = {}  # workers -> seconds of this run's throughput tests


@pytest.mark.parametrize("workers", [1, 2])
def test_extract_throughput(benchmark, archive, tmp_path, workers):
    src, n, attacks = archive
    out = tmp_path / "events.jsonl"
    # The shared machine's speed drifts: with figures asked for, each setting runs three
    # times and its fastest run is reported (the one least slowed by anything else).
    runs: list[dict] = []
    benchmark.pedantic(
        lambda: runs.append(run_extract(src, out, workers)),
        rounds=3 if _bench_mb() >= 50 else 1,
        iterations=1,
    )
    result = min(runs, key=lambda r: r["seconds"])
    docs, events = _summary_counts(result["stderr"])
    assert docs == n  # every generated document was read and processed
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == events
    # events come from attack reports only (ordinary news never yields an event) ...
    assert len({json.loads(line)["doc_id"] for line in lines}) <= attacks
    assert result["peak"] < 1_000_000_000
    size = src.stat().st_size
    benchmark.extra_info["mb_per_s"] = size / 1e6 / result["seconds"]
    benchmark.extra_info["docs_per_s"] = n / result["seconds"]
    benchmark.extra_info["peak_mb"] = result["peak"] / 1e6
    print("\n" + _report(f"workers={workers}", size, result, n))
    _SECONDS[workers] = result["seconds"]
    if workers == 2 and 1 in _SECONDS:
        print(f"2 workers vs 1: {_SECONDS[1] / result['seconds']:.2f}x")


def test_two_workers_same_output_as_one(archive, tmp_path):
    src, _, _ = archive
    a, b = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_extract(src, a, 1)
    run_extract(src, b, 2)
    assert a.read_bytes() == b.read_bytes()


def test_memory_is_flat(tmp_path):
    """Peak memory on an archive 4x larger stays about the same (streaming)."""
    # The smaller run must last long enough for its workers to reach their steady state
    # (and be sampled): at least 5 MB, so 20 MB against 5 in quick mode.
    small_mb = max(_bench_mb() / 4, 5.0)
    big_mb = 4 * small_mb
    small = tmp_path / "small.jsonl"
    big = tmp_path / "big.jsonl"
    generate_archive(small, small_mb, seed=1)
    generate_archive(big, big_mb, seed=2)
    r_small = run_extract(small, tmp_path / "s.jsonl", 2)
    r_big = run_extract(big, tmp_path / "b.jsonl", 2)
    print(f"\npeak RSS: {small_mb:.1f} MB input -> {r_small['peak'] / 1e6:.0f} MB; "
          f"{big_mb:.1f} MB input -> {r_big['peak'] / 1e6:.0f} MB")  # fmt: skip
    assert r_big["peak"] < 1_000_000_000
    assert r_big["peak"] < r_small["peak"] * 1.25 + 50_000_000


def main() -> None:
    """Script mode: generate an archive of --mb MB and measure one run (see module doc)."""
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "archive.jsonl"
        t = time.monotonic()
        n, attacks = generate_archive(src, args.mb)
        print(f"generated {n} docs ({attacks} attack reports) in {time.monotonic() - t:.0f} s")
        r = run_extract(src, Path(d) / "events.jsonl", args.workers)
        print(_report(f"workers={args.workers}", src.stat().st_size, r, n))
        print(r["stderr"].strip().splitlines()[-1])


if __name__ == "__main__":
    main()
