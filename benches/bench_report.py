"""`rasid report` at scale: page size, time to render it, and time for Chromium to open it.

The events are those rasid extracts from the report test's articles (written for the tests),
copied with new ids, dates spread over two years and places jittered around Iraq and Syria
until there are ``RASID_BENCH_REPORT_EVENTS`` of them; each copy has its own article,
padded with random Arabic words to about 2,000 characters (a news article's length).

Asserted every time: one map mark per event, every event in the table's count, and the type
filter changing the count. Printed: file size; render time (Python); open time (navigation
to the first animation frame after the page's script ran, timed by the page), `script_done_s`
(to the end of that script) and `open_wall_s` (seen from Python, Playwright's overhead
included); the time one type filter takes (figures, map, timeline and table redrawn);
`articles_ready_s`, how long after that the packed articles were still being unpacked.

Quick mode (default, CI): 300 events. Figures on 10,000:

    RASID_BENCH_REPORT_EVENTS=10000 python -m pytest benches/bench_report.py -s --benchmark-enable
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

import pytest
from rasid.events import extract
from rasid.report import Report, pack_texts, render

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from browser import launch  # noqa: E402

N_EVENTS = int(__import__("os").environ.get("RASID_BENCH_REPORT_EVENTS", "300"))
ARTICLES = Path(__file__).resolve().parents[1] / "tests" / "data" / "report_articles.jsonl"
PAD_CHARS = 2000


def _vocabulary() -> list[str]:
    """Arabic words to pad the articles with: the gazetteer's place names (some 20,000).

    Random words from a vocabulary that large compress about as well as news text does
    (gzip + base64: 2.4 times smaller on the development articles), where repeated
    sentences would flatter the page's size."""
    from importlib import resources

    words: set[str] = set()
    for path in (resources.files("rasid") / "data" / "gazetteer").iterdir():
        if path.name.startswith(("places", "villages")) and path.name.endswith(".csv"):
            with path.open(encoding="utf-8", newline="") as f:
                words.update(w for row in csv.DictReader(f) for w in row["name_ar"].split())
    return sorted(words)


def _padding(rng: random.Random, vocabulary: list[str]) -> str:
    words: list[str] = []
    size = 0
    while size < PAD_CHARS:
        words.append(rng.choice(vocabulary))
        size += len(words[-1]) + 1
    return " " + " ".join(words) + "."


def _corpus(n: int) -> tuple[list[dict], dict[str, dict]]:
    base_docs = [json.loads(line) for line in ARTICLES.read_text("utf-8").splitlines()]
    base = [
        (d, [e.to_dict() for e in extract(d["text"], published=d["published"], doc_id=d["id"])])
        for d in base_docs
    ]
    rng = random.Random(14)
    vocabulary = _vocabulary()
    events: list[dict] = []
    docs: dict[str, dict] = {}
    day0 = dt.date(2023, 1, 1)
    copy_no = 0
    while len(events) < n:
        for doc, records in base:
            if len(events) >= n:
                break
            doc_id = f"{doc['id']}-{copy_no}"
            padding = _padding(rng, vocabulary)
            docs[doc_id] = {"text": doc["text"] + padding, "published": doc["published"]}
            shift = rng.randrange(730)
            dlat, dlon = rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5)
            for record in records[: n - len(events)]:
                r = copy.deepcopy(record)
                r["event_id"] = f"{record['event_id']}-{copy_no}"
                r["doc_id"] = doc_id
                r["date"] = (day0 + dt.timedelta(days=shift)).isoformat()
                r["location"]["lat"] = round(r["location"]["lat"] + dlat, 4)
                r["location"]["lon"] = round(r["location"]["lon"] + dlon, 4)
                events.append(r)
            copy_no += 1
    return events, docs


@pytest.fixture(scope="module")
def corpus():
    return _corpus(N_EVENTS)


def test_report_size_and_open_time(benchmark, corpus, tmp_path):
    events, docs = corpus
    assert len(events) == N_EVENTS
    report = Report(events=events, documents=docs, provenance={"benchmark": "bench_report"})
    start = time.perf_counter()
    page, problems = benchmark.pedantic(render, args=(report,), rounds=1, iterations=1)
    render_s = time.perf_counter() - start
    assert problems == []
    out = tmp_path / "report.html"
    out.write_text(page, encoding="utf-8")
    size = out.stat().st_size

    pw, browser = launch()
    try:
        tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        # open time: from navigation to the first frame after the page's script ran
        start = time.perf_counter()
        tab.goto(out.as_uri())
        tab.wait_for_function("window.rasidReport.frameMs !== null")
        wall_s = time.perf_counter() - start
        open_s = tab.evaluate("window.rasidReport.frameMs") / 1000
        script_s = tab.evaluate("window.rasidReport.scriptMs") / 1000
        assert tab.locator("#map circle.ev").count() == N_EVENTS
        assert tab.locator("#fig-events b").inner_text() == str(N_EVENTS)
        rockets = sum(e["event_type"] == "rocket_attack" for e in events)
        filter_ms = tab.evaluate(
            """() => {
                const box = document.querySelector('#f-types input[data-type="rocket_attack"]');
                box.checked = false;
                const t = performance.now();
                box.dispatchEvent(new Event('change', {bubbles: true}));
                return performance.now() - t;
            }"""
        )
        left = N_EVENTS - rockets
        assert tab.locator("#fig-events b").inner_text() == f"{left} / {N_EVENTS}"
        # the articles unpack in the background; then the evidence view shows one
        start = time.perf_counter()
        tab.evaluate("window.rasidReport.docs()")
        unpack_s = time.perf_counter() - start
        tab.locator("#events tbody tr").first.click()
        tab.locator("#evidence .article mark").first.wait_for()
        assert errors == []
    finally:
        browser.close()
        pw.stop()
    raw = sum(len(d["text"].encode("utf-8")) for d in docs.values())
    figures = {
        "events": N_EVENTS,
        "articles": len(docs),
        "articles_MB": round(raw / 1e6, 2),
        "articles_packed_MB": round(
            len(pack_texts("".join(d["text"] for d in docs.values()))) / 1e6, 2
        ),
        "file_MB": round(size / 1e6, 2),
        "render_s": round(render_s, 2),
        "open_s": round(open_s, 2),
        "script_done_s": round(script_s, 2),
        "open_wall_s": round(wall_s, 2),
        "type_filter_ms": round(filter_ms),
        "articles_ready_s": round(unpack_s, 2),
    }
    benchmark.extra_info.update(figures)
    print("\nrasid report:", ", ".join(f"{k} {v}" for k, v in figures.items()))
