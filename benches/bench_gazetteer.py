"""Gazetteer matching: rasid against the substring automata Python users reach for.

One run measures, for gazetteers of 1,000 and 100,000 generated Arabic names (plus the
corpus's own place and actor words), on the same Arabic corpus (``benches/corpus.py`` with
gazetteer names injected, bare, after clitics, with the ل+ال contraction and inside longer
words as traps), document by document with the matches returned to Python:

* ``rasid`` ``find`` (one core) and ``find_batch`` (all cores), on the ORIGINAL text;
* pyahocorasick raw, and pyahocorasick with a Python filter that gives rasid's semantics
  (whole words, proclitics, the article and its contraction, leftmost-longest) — its match
  count must equal rasid's;
* ahocorasick-rs, daachorse, flashtext2 and flashtext (raw substring/word automata).

The peers get their text already normalized with ``rasid.normalize`` (untimed: a head start
for them); rasid normalizes inside the timed call. Figures: MB/s (UTF-8 MB of the original
text per second of CPU time of the process, best of 3 runs on fresh strings — CPU time, so
that other processes on a shared machine do not skew the comparison; ``find_batch`` is
timed by the wall clock, as its point is to use several cores; each run starts after a
``gc.collect()``, so that no engine pays for the garbage of the one before, and the previous
run's results are freed before the clock starts), build time, memory added by the build
(RSS), number of matches.

    python -m pytest benches/bench_gazetteer.py -s                    # quick (small corpus)
    RASID_BENCH_MB=20 python -m pytest benches/bench_gazetteer.py -s  # figures (+ 1M build)
    python -m pytest benches/bench_gazetteer.py --benchmark-enable    # pytest-benchmark stats

The table is printed at the end of the run (``-s`` shows it).
"""

from __future__ import annotations

import gc
import os
import random
import sys
import time

import psutil
import pytest
import rasid

sys.path.insert(0, os.path.dirname(__file__))
import corpus  # noqa: E402

MB = float(os.environ.get("RASID_BENCH_MB", "0.5"))
REPS = 3 if MB >= 2 else 1
FULL = MB >= 10
SIZES = (1_000, 100_000)
FLASHTEXT_MB = 2.0  # flashtext is pure Python: it scans at most this much

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
# The corpus's own proper names and actors: real matches in the text.
CORPUS_NAMES = [
    "بغداد",
    "البصرة",
    "الموصل",
    "الأنبار",
    "أربيل",
    "كركوك",
    "ديالى",
    "صلاح الدين",
    "نينوى",
    "سوريا",
    "دير الزور",
    "الحسكة",
    "الرقة",
    "حلب",
    "دمشق",
    "التحالف الدولي",
    "التحالف",
    "الجيش العراقي",
    "الحشد الشعبي",
    "المنطقة الخضراء",
    "حزب الله",
    "كتائب حزب الله",
    "عصائب أهل الحق",
    "المقاومة الإسلامية",
    "السفارة الأمريكية",
    "كاتيوشا",
    "خلية الإعلام",
]


# ---- data -----------------------------------------------------------------------------------


def generated_names(n: int, seed: int = 7) -> list[str]:
    """``n`` distinct pseudo-Arabic names of 1-3 words, a third with the article."""
    rng = random.Random(seed)
    names: list[str] = []
    seen = set(CORPUS_NAMES)
    while len(names) < n:
        words = []
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            w = "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7)))
            if rng.random() < 0.33:
                w = "ال" + w
            words.append(w)
        name = " ".join(words)
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def entries(names: list[str]) -> list[dict]:
    out = [{"name": n, "id": f"c{i}", "kind": "place"} for i, n in enumerate(CORPUS_NAMES)]
    out += [{"name": n, "id": f"g{i}", "kind": "place", "lat": 33.0} for i, n in enumerate(names)]
    return out


def inflect(name: str, rng: random.Random) -> str:
    """The name as it may appear in text: bare, after clitics, contracted, or a trap."""
    r = rng.random()
    if name.startswith("ال"):
        forms = ["و" + name, "ب" + name, "وب" + name, "لل" + name[2:], "ول" + name[1:]]
    else:
        forms = ["و" + name, "ب" + name, "ل" + name, "وب" + name, "ال" + name]
    if r < 0.3:
        return name
    if r < 0.85:
        return rng.choice(forms)
    return name + rng.choice(["ة", "ها", "ين"])  # inside a longer word: no match


def make_corpus(mb: float, names: list[str], seed: int = 11) -> list[str]:
    """``corpus.documents`` with ~8 injected names per document (from ``names``)."""
    rng = random.Random(seed)
    docs = []
    for doc in corpus.documents(mb):
        words = doc.split(" ")
        for _ in range(8):
            words.insert(rng.randrange(len(words) + 1), inflect(rng.choice(names), rng))
        docs.append(" ".join(words))
    return docs


def fresh(docs: list[str]) -> list[str]:
    """New str objects (CPython caches a str's UTF-8 form: reusing one flatters a peer)."""
    return [(d + ".")[:-1] for d in docs]


def normalized(text: str) -> str:
    """The peers' input: rasid's normalization (digits on), with the line breaks it keeps
    turned into spaces, as rasid matches names across any white space."""
    return rasid.normalize(text, digits=True).replace("\n", " ")


# ---- rasid's semantics in Python, on top of pyahocorasick -----------------------------------

PLAIN, ARTICLE, CONTRACTED = 1, 2, 4
PREFIX_MASK = {"": PLAIN | ARTICLE, "ل": PLAIN | CONTRACTED}
for c in "وفبك":
    PREFIX_MASK[c] = PLAIN | ARTICLE
for a in "وف":
    for b in "بك":
        PREFIX_MASK[a + b] = PLAIN | ARTICLE
    PREFIX_MASK[a + "ل"] = PLAIN | CONTRACTED


def patterns_of(ents: list[dict]) -> dict[str, list[tuple[str, int]]]:
    """normalized pattern -> [(id, kind bit)], the contraction ل + stem included."""
    pats: dict[str, list[tuple[str, int]]] = {}
    for e in ents:
        p = " ".join(normalized(e["name"]).split())
        kind = ARTICLE if p.startswith("ال") and len(p) >= 4 else PLAIN
        forms = [(p, kind)]
        if kind == ARTICLE:
            forms.append(("ل" + p[2:], CONTRACTED))
            if p[2] == "ل":
                forms.append((p[2:], CONTRACTED))
        for pat, k in forms:
            outs = pats.setdefault(pat, [])
            if (e["id"], k) not in outs:
                outs.append((e["id"], k))
    return pats


def filtered(automaton, text: str) -> list[tuple[int, int, str]]:
    """pyahocorasick matches kept only at rasid's boundaries, leftmost-longest."""
    n = len(text)
    cands = []
    for end, (length, outs) in automaton.iter(text):
        s, e = end - length + 1, end + 1
        if e < n and text[e].isalnum():
            continue
        ws = s
        while ws > 0 and text[ws - 1].isalnum():
            ws -= 1
        mask = PREFIX_MASK.get(text[ws:s], 0)
        if mask:
            ok = [i for i, k in outs if k & mask]
            if ok:
                cands.append((s, -e, ok))
    cands.sort(key=lambda c: (c[0], c[1]))
    out, last = [], 0
    for s, ne, ids in cands:
        if s >= last:
            out.extend((s, -ne, i) for i in ids)
            last = -ne
    return out


# ---- engines --------------------------------------------------------------------------------


def build_engines(ents: list[dict]):
    """name -> (build seconds, RSS MB added, scan function over a list of docs, text kind)."""
    import ahocorasick
    import ahocorasick_rs
    import daachorse
    import flashtext
    import flashtext2

    pats = patterns_of(ents)
    keys = list(pats)
    proc = psutil.Process()
    engines = {}

    def timed(name, build, scan, kind):
        gc.collect()
        rss = proc.memory_info().rss
        t = time.perf_counter()
        obj = build()
        dt = time.perf_counter() - t
        engines[name] = (dt, (proc.memory_info().rss - rss) / 2**20, scan(obj), kind, obj)

    timed(
        "rasid find (1 core)",
        lambda: rasid.Gazetteer(ents),
        lambda g: lambda docs: [g.find(d) for d in docs],
        "original",
    )
    g = engines["rasid find (1 core)"][4]
    engines["rasid find_batch (all cores)"] = (
        0.0,
        0.0,
        lambda docs: g.find_batch(docs),
        "original",
        g,
    )

    def pyahocorasick_build(with_values):
        a = ahocorasick.Automaton()
        for k, v in pats.items():
            a.add_word(k, (len(k), v) if with_values else k)
        a.make_automaton()
        return a

    timed(
        "pyahocorasick raw",
        lambda: pyahocorasick_build(False),
        lambda a: lambda docs: [list(a.iter(d)) for d in docs],
        "normalized",
    )
    timed(
        "pyahocorasick + Python filter",
        lambda: pyahocorasick_build(True),
        lambda a: lambda docs: [filtered(a, d) for d in docs],
        "normalized",
    )
    timed(
        "ahocorasick-rs",
        lambda: ahocorasick_rs.AhoCorasick(
            keys, matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST
        ),
        lambda a: lambda docs: [a.find_matches_as_indexes(d) for d in docs],
        "normalized",
    )
    timed(
        "daachorse (charwise)",
        lambda: daachorse.CharwiseDoubleArrayAhoCorasick(
            keys, daachorse.MATCH_KIND_LEFTMOST_LONGEST
        ),
        lambda a: lambda docs: [a.find(d) for d in docs],
        "normalized",
    )

    def flashtext2_build():
        kp = flashtext2.KeywordProcessor(True)
        for k in keys:
            kp.add_keyword(k)
        return kp

    timed(
        "flashtext2 (whole words)",
        flashtext2_build,
        lambda kp: lambda docs: [kp.extract_keywords_with_span(d) for d in docs],
        "normalized",
    )

    def flashtext_build():
        kp = flashtext.KeywordProcessor(case_sensitive=True)
        # Arabic letters are word characters (by default only [A-Za-z0-9_] are).
        kp.non_word_boundaries |= set(LETTERS) | {chr(c) for c in range(0x0621, 0x064B)}
        for k in keys:
            kp.add_keyword(k)
        return kp

    timed(
        "flashtext (whole words)",
        flashtext_build,
        lambda kp: lambda docs: [kp.extract_keywords(d, span_info=True) for d in docs],
        "normalized",
    )
    return engines


# ---- the run --------------------------------------------------------------------------------

ROWS: list[tuple] = []


@pytest.fixture(scope="module")
def data():
    names = generated_names(max(SIZES))
    docs = make_corpus(MB, names[:1000])
    norm = [normalized(d) for d in docs]
    return names, docs, norm, corpus.utf8_size(docs)


def count(results) -> int:
    return sum(len(r) for r in results)


@pytest.mark.parametrize("size", SIZES)
def test_throughput_table(data, size):
    """Every engine on the same corpus; rasid's count equals the filtered pyahocorasick's."""
    names, docs, norm, nbytes = data
    ents = entries(names[:size])
    engines = build_engines(ents)
    counts = {}
    for name, (build_s, mem_mb, scan, kind, _) in engines.items():
        texts = docs if kind == "original" else norm
        if name.startswith("flashtext ") and nbytes > FLASHTEXT_MB * 1e6:
            k = max(1, int(len(texts) * FLASHTEXT_MB * 1e6 / nbytes))
            texts, scale = texts[:k], k / len(docs)
        else:
            scale = 1.0
        clock = time.perf_counter if "find_batch" in name else time.process_time
        best = float("inf")
        results = None
        for _ in range(REPS if scale == 1.0 else 1):
            run = fresh(texts)
            # Neither the freeing of the previous run's results nor a collection of the
            # garbage left by the previous engine is timed.
            results = None
            gc.collect()
            t = clock()
            results = scan(run)
            best = min(best, clock() - t)
        counts[name] = count(results)
        mbps = nbytes * scale / 1e6 / best
        ROWS.append((size, name, mbps, build_s, mem_mb, counts[name], scale))
    assert counts["rasid find (1 core)"] == counts["pyahocorasick + Python filter"]
    assert counts["rasid find_batch (all cores)"] == counts["rasid find (1 core)"]
    assert counts["rasid find (1 core)"] > len(docs)  # the injected names are found


@pytest.mark.skipif(not FULL, reason="full mode only (RASID_BENCH_MB >= 10)")
def test_build_one_million_names(tmp_path):
    """1,000,000 names build in < 20 s and < 1.5 GB; the saved file loads >= 10x faster than
    a build from the source file (CPU times: the machine may be shared)."""
    import csv
    import resource

    ents = entries(generated_names(1_000_000, seed=99))
    src = tmp_path / "names.csv"
    with open(src, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["name", "id", "kind", "lat"])
        for e in ents:
            w.writerow([e["name"], e["id"], e["kind"], e.get("lat", "")])
    proc = psutil.Process()
    gc.collect()
    rss0 = proc.memory_info().rss
    wall, cpu = time.perf_counter(), time.process_time()
    g = rasid.Gazetteer(ents)
    build_wall, build_cpu = time.perf_counter() - wall, time.process_time() - cpu
    added = (proc.memory_info().rss - rss0) / 2**20
    del ents
    gc.collect()
    cpu = time.process_time()
    g2 = rasid.Gazetteer.from_files(src)
    files_cpu = time.process_time() - cpu
    assert len(g2) == len(g)
    del g2
    path = tmp_path / "g.rgz"
    g.save(path)
    size = os.path.getsize(path) / 2**20
    loads = []
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        h = rasid.Gazetteer.load(path)
        loads.append((time.process_time() - cpu, time.perf_counter() - wall))
        del h
    load_cpu, load_wall = min(loads)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10  # MB (Linux: KiB)
    ROWS.append(("1M", build_wall, build_cpu, files_cpu, added, peak, size, load_cpu, load_wall))
    assert build_wall < 20
    assert added < 1536
    assert load_cpu * 10 < files_cpu


@pytest.mark.parametrize("size", SIZES)
def test_benchmark_rasid_find(benchmark, data, size):
    """pytest-benchmark figures for rasid.find over the corpus (one core)."""
    names, docs, _, _ = data
    g = rasid.Gazetteer(entries(names[:size]))
    texts = fresh(docs)
    n = benchmark(lambda: sum(len(g.find(d)) for d in texts))
    assert n > len(docs)


def teardown_module(module):
    if not ROWS:
        return
    lines = [
        "",
        f"gazetteer benchmark: {MB} MB of Arabic text, {os.cpu_count()} cores, best of {REPS}",
        f"{'names':>8} {'engine':<30} {'MB/s':>8} {'x filter':>8} {'build s':>8} {'RSS MB':>7}"
        f" {'matches':>9}",
    ]
    ref = {r[0]: r[2] for r in ROWS if r[1] == "pyahocorasick + Python filter"}
    for row in ROWS:
        if row[0] == "1M":
            _, bw, bc, fc, added, peak, size, lc, lw = row
            lines.append(
                f"1,000,000 names: build {bw:.1f} s wall / {bc:.1f} s CPU from dicts, "
                f"{fc:.1f} s CPU from a CSV file; RSS +{added:.0f} MB (process peak "
                f"{peak:.0f} MB with the Python entries); file {size:.0f} MB loads in "
                f"{lc:.2f} s CPU / {lw:.2f} s wall ({fc / lc:.0f}x faster than from the CSV)"
            )
            continue
        size, name, mbps, build_s, mem_mb, n, scale = row
        note = f"  (on {scale:.0%} of the text)" if scale < 1 else ""
        x = mbps / ref[size] if ref.get(size) else float("nan")
        lines.append(
            f"{size:>8,} {name:<30} {mbps:>8.1f} {x:>8.2f} {build_s:>8.2f} {mem_mb:>7.0f}"
            f" {n:>9,}{note}"
        )
    print("\n".join(lines), file=sys.__stdout__)
