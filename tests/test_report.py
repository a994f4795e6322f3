"""`rasid report`: the page's data (summaries, checked spans), the command, and the page itself
in headless Chromium (one browser launch for every browser check)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from browser import launch
from click.testing import CliRunner
from rasid.cli import main
from rasid.report import Report, field_spans, render, summarize, unpack_texts
from spans import at

ARTICLES = Path(__file__).parent / "data" / "report_articles.jsonl"
TEXT = (
    "سقطت ثلاثة صواريخ كاتيوشا مساء الثلاثاء على قاعدة عين الأسد في محافظة الأنبار، ما أدى إلى"
    " إصابة جنديين. وتبنت المقاومة الإسلامية في العراق الهجوم في بيان."
)


def _record(**changes) -> dict:
    """An event record of TEXT, written by hand with its offsets."""
    loc_s, loc_e = at(TEXT, "قاعدة عين الأسد")
    mun_s, mun_e = at(TEXT, "ثلاثة صواريخ كاتيوشا")
    wnd_s, wnd_e = at(TEXT, "جنديين")
    clm_s, clm_e = at(TEXT, "المقاومة الإسلامية في العراق")
    ev_s, ev_e = at(TEXT, TEXT[: TEXT.index(".")])
    record = {
        "event_id": "e1",
        "doc_id": "a1",
        "event_type": "rocket_attack",
        "date": "2024-01-09",
        "date_precision": "day",
        "date_text": "مساء الثلاثاء",
        "location": {
            "mention": "قاعدة عين الأسد",
            "start": loc_s,
            "end": loc_e,
            "id": "iq.site.ain_al_asad",
            "name_ar": "قاعدة عين الأسد",
            "name_en": "Ain al-Asad Air Base",
            "kind": "airbase",
            "admin1": "Al-Anbar",
            "country": "IQ",
            "lat": 33.7856,
            "lon": 42.4412,
            "precision": "point",
        },  # fmt: skip
        "outcome": None,
        "launch_location": None,
        "weapon": "katyusha_rocket",
        "munitions": {
            "min": 3,
            "max": 3,
            "approx": False,
            "text": "ثلاثة صواريخ كاتيوشا",
            "start": mun_s,
            "end": mun_e,
        },  # fmt: skip
        "killed": None,
        "wounded": {
            "min": 2,
            "max": 2,
            "approx": False,
            "text": "جنديين",
            "start": wnd_s,
            "end": wnd_e,
        },  # fmt: skip
        "actor": None,
        "claimed_by": {
            "mention": "المقاومة الإسلامية في العراق",
            "start": clm_s,
            "end": clm_e,
            "id": "actor.islamic_resistance_in_iraq",
            "name_en": "Islamic Resistance in Iraq",
        },  # fmt: skip
        "accused": [],
        "target": "قاعدة عين الأسد",
        "background": False,
        "confidence": 0.9,
        "evidence": [{"start": ev_s, "end": ev_e, "text": TEXT[ev_s:ev_e]}],
    }
    record.update(changes)
    return record


# -- the page's data -------------------------------------------------------------------------


def test_summary_is_english_with_iso_date_and_figures():
    assert summarize(_record()) == (
        "Rocket attack with 3 Katyusha rockets on Ain al-Asad Air Base, Al-Anbar, Iraq, "
        "2024-01-09; 2 wounded; claimed by Islamic Resistance in Iraq."
    )


def test_summary_of_bounds_none_and_background():
    record = _record(
        munitions={"min": 7, "max": 11, "approx": False},
        killed={"min": 0, "max": 0, "approx": False},
        wounded={"min": 2, "max": None, "approx": False},
        claimed_by=None,
        background=True,
        outcome="intercepted",
    )
    assert summarize(record) == (
        "Rocket attack with 7–11 Katyusha rockets on Ain al-Asad Air Base, Al-Anbar, Iraq, "
        "2024-01-09; intercepted; none killed; at least 2 wounded; "
        "background (an earlier event recalled)."
    )


def test_field_spans_are_labelled_and_point_at_their_words():
    spans, problems = field_spans(_record(), TEXT)
    assert problems == []
    assert [(label, TEXT[s:e]) for label, s, e in spans] == [
        ("munitions", "ثلاثة صواريخ كاتيوشا"),
        ("date", "مساء الثلاثاء"),
        ("place", "قاعدة عين الأسد"),
        ("wounded", "جنديين"),
        ("claim", "المقاومة الإسلامية في العراق"),
    ]
    assert spans[0][1:] == [5, 25]


def test_a_span_that_does_not_match_the_article_is_dropped_and_reported():
    other = TEXT.replace("جنديين", "جنود")  # another version of the article
    spans, problems = field_spans(_record(), other)
    assert "wounded" not in [s[0] for s in spans]
    s, e = at(TEXT, "جنديين")
    assert f"wounded {s}:{e} is not 'جنديين' in the article" in problems
    assert "evidence 0:" in problems[-1]


def test_without_the_article_spans_are_kept_for_the_evidence_clauses():
    spans, problems = field_spans(_record(), None)
    assert problems == [] and len(spans) == 4  # no date: its offsets need the article


ROCKET = "\U0001f680"  # beyond U+FFFF: one code point in Python, two units in JavaScript


def _shifted(record: dict, by: int) -> dict:
    """``record`` with every offset moved ``by`` code points (text put before the article)."""
    record = json.loads(json.dumps(record))
    for key in ("location", "munitions", "wounded", "claimed_by"):
        record[key]["start"] += by
        record[key]["end"] += by
    for clause in record["evidence"]:
        clause["start"] += by
        clause["end"] += by
    return record


def test_page_offsets_count_astral_characters_twice():
    text = ROCKET + " " + TEXT
    record = _shifted(_record(), 2)
    assert field_spans(record, text)[1] == []
    page, _ = render(Report(events=[record], documents={"a1": {"text": text}}))
    data = re.search('<script type="application/json" id="rasid-data">(.*?)</script>', page)
    event = json.loads(data.group(1))["events"][0]
    place = at(TEXT, "قاعدة عين الأسد")
    assert ["place", place[0] + 3, place[1] + 3] in event["spans"]
    assert event["ev"][0][:2] == [3, 3 + TEXT.index(".")]
    # without the article, offsets inside a clause count from the clause's own start
    record["evidence"][0] = {"start": 0, "end": 2 + TEXT.index("."),
                             "text": text[: 2 + TEXT.index(".")]}  # fmt: skip
    page, _ = render(Report(events=[record]))
    event = json.loads(re.search('id="rasid-data">(.*?)</script>', page).group(1))["events"][0]
    assert ["place", place[0] + 3, place[1] + 3] in event["spans"]
    assert event["ev"][0][:2] == [0, 3 + TEXT.index(".")]


def test_page_is_self_contained_and_script_safe():
    record = _record(target="</script><script>alert(1)</script>")
    page, problems = render(Report(events=[record], documents={"a1": {"text": TEXT}}))
    assert problems == []
    assert page.count("</script>") == 3  # events, articles, the page's script; nothing else
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "url(http" not in page and "@import" not in page

    data = re.search('<script type="application/json" id="rasid-data">(.*?)</script>', page)
    assert json.loads(data.group(1))["events"][0]["target"] == "</script><script>alert(1)</script>"
    assert json.loads(data.group(1))["docs"] == {"a1": [0, len(TEXT.encode()), None]}
    texts = re.search(
        '<script type="application/gzip-base64" id="rasid-texts">(.*?)</script>', page
    )
    assert unpack_texts(texts.group(1)) == TEXT


def test_boundaries_join_the_gazetteer_governorates():
    """The map's governorates carry the admin1 names event locations have (the join key)."""
    from importlib import resources

    data = json.loads((resources.files("rasid") / "data/report/boundaries.json").read_text("utf-8"))
    places = (resources.files("rasid") / "data/gazetteer/places.csv").read_text("utf-8")
    admin1 = {
        (row[6], row[4]) for row in (line.split(",") for line in places.splitlines()[1:])
        if row[2] == "governorate"
    }  # fmt: skip
    drawn = {(g["country"], g["name_en"]) for g in data["governorates"]}
    drawn |= {(g["country"], g["name_en"]) for g in data["governorate_centroids"]}
    assert len(data["governorates"]) == 18 and len(data["governorate_centroids"]) == 14
    assert drawn == admin1
    assert {c["iso"] for c in data["countries"]} >= {"IQ", "SY", "JO", "TR", "IR", "SA"}


ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path(os.environ.get("RASID_GAZETTEER_SOURCE", ROOT.parent / "shared" / "data"))
NATURAL_EARTH = os.environ.get("RASID_NATURAL_EARTH", "")  # naturalearth_lowres.shp


def test_build_script_reproduces_the_boundaries(tmp_path):
    """`tools/build_report_boundaries.py` rebuilds the shipped file byte for byte (needs the
    source data, Natural Earth's shapefile in $RASID_NATURAL_EARTH, shapely and pyshp)."""
    pytest.importorskip("shapely", reason="shapely is not installed (build-time only)")
    pytest.importorskip("shapefile", reason="pyshp is not installed (build-time only)")
    if not (SOURCE / "ocha-iraq-admin").is_dir() or not os.path.isfile(NATURAL_EARTH):
        pytest.skip("source data or $RASID_NATURAL_EARTH not available")
    out = tmp_path / "boundaries.json"
    script = ROOT / "tools" / "build_report_boundaries.py"
    subprocess.run(
        [sys.executable, str(script), str(SOURCE), NATURAL_EARTH, "--out", str(out)],
        check=True,
        capture_output=True,
    )
    shipped = ROOT / "python" / "rasid" / "data" / "report" / "boundaries.json"
    assert out.read_bytes() == shipped.read_bytes()


# -- the command -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def events_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "events.jsonl"
    result = CliRunner().invoke(main, ["extract", str(ARTICLES), "--dedup", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_report_command_writes_the_page(events_file, tmp_path):
    out = tmp_path / "report.html"
    args = ["report", str(events_file), "--docs", str(ARTICLES), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    size = out.stat().st_size
    assert result.output == (
        f"rasid: report of 7 events (7 on the map, 6 articles, 6 with text) written to {out} "
        f"({size:,} bytes)\n"
    )
    assert 30_000 < size < 400_000


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_report_reads_every_events_format(tmp_path, fmt):
    events = tmp_path / f"events.{fmt}"
    assert CliRunner().invoke(main, ["extract", str(ARTICLES), "-o", str(events)]).exit_code == 0
    out = tmp_path / "report.html"
    args = ["report", str(events), "--docs", str(ARTICLES), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "report of 7 events (7 on the map, 6 articles, 6 with text)" in result.output


def test_report_from_store_reads_the_recorded_inputs(tmp_path):
    db = tmp_path / "events.sqlite"
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(ARTICLES), "--db", str(db)]).exit_code == 0
    out = tmp_path / "report.html"
    result = runner.invoke(main, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "(7 on the map, 6 articles, 6 with text)" in result.output
    assert str(ARTICLES) in out.read_text(encoding="utf-8")  # provenance: the store's inputs


def test_report_from_store_whose_inputs_are_gone(tmp_path):
    archive = tmp_path / "articles.jsonl"
    archive.write_bytes(ARTICLES.read_bytes())
    db = tmp_path / "events.sqlite"
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(archive), "--db", str(db)]).exit_code == 0
    archive.unlink()
    result = runner.invoke(main, ["report", "--db", str(db), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0
    assert "rasid: warning: the store's input files are not here (give --docs)" in result.output
    assert "(7 on the map, 6 articles, 0 with text)" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give an events file EVENTS or --db STORE (one of them)"),
        (["x.jsonl", "--db", "y.sqlite"], "give an events file EVENTS or --db STORE"),
        (["missing.jsonl"], "missing.jsonl: no such file"),
        (["--db", "missing.sqlite"], "missing.sqlite: no such event store"),
    ],
)
def test_report_usage_errors(tmp_path, args, message):
    os.chdir(tmp_path)
    result = CliRunner().invoke(main, ["report", *args, "-o", "r.html"])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "r.html").exists()


def test_report_rejects_an_unwritable_output_and_a_broken_events_file(tmp_path):
    out = tmp_path / "no" / "r.html"
    result = CliRunner().invoke(main, ["report", str(ARTICLES), "-o", str(out)])
    assert result.exit_code == 2
    assert f"cannot write {str(out)!r}: no writable folder {out.parent}" in result.output
    broken = tmp_path / "broken.jsonl"
    first = '{"event_id": "e1", "doc_id": "d1", "event_type": "shelling", "evidence": []}'
    broken.write_text(first + '\n{"event_id": \n', "utf-8")
    result = CliRunner().invoke(main, ["report", str(broken), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert f"{broken}:2: not JSON: Expecting value" in result.output.replace("\n", "")
    assert not (tmp_path / "r.html").exists()


def test_report_rejects_an_unknown_event_type(tmp_path):
    odd = tmp_path / "odd.jsonl"
    odd.write_text(json.dumps(_record(event_type="protest")) + "\n", "utf-8")
    result = CliRunner().invoke(main, ["report", str(odd), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "record 1 is not an event record (unknown event_type 'protest')" in result.output


def test_report_rejects_a_file_of_documents(tmp_path):
    result = CliRunner().invoke(main, ["report", str(ARTICLES), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    out = " ".join(result.output.split())
    assert "not rasid events (an events file has the fields event_id, doc_id, event_type," in out
    assert "found: id, published, text)" in out


def test_report_warns_about_articles_not_found(events_file, tmp_path):
    docs = tmp_path / "some.jsonl"
    docs.write_text(ARTICLES.read_text(encoding="utf-8").splitlines()[0] + "\n", "utf-8")
    out = tmp_path / "r.html"
    args = ["report", str(events_file), "--docs", str(docs), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert "rasid: warning: 5 of 6 articles not found in --docs" in result.output


# -- the page in Chromium --------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    pw, browser = launch()
    yield browser
    browser.close()
    pw.stop()


def _screenshot_dir(tmp_path: Path) -> Path:
    """``$RASID_REPORT_SCREENSHOTS`` when set (to look at them), else the test's tmp dir."""
    folder = Path(os.environ.get("RASID_REPORT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_report_in_chromium(browser, events_file, tmp_path):
    out = tmp_path / "report.html"
    args = ["report", str(events_file), "--docs", str(ARTICLES), "-o", str(out)]
    assert CliRunner().invoke(main, args).exit_code == 0
    events = [json.loads(line) for line in events_file.read_text("utf-8").splitlines()]
    texts = {d["id"]: d["text"] for d in map(json.loads, ARTICLES.read_text("utf-8").splitlines())}
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route(re.compile(r"^(?!file:).*"), lambda route: errors.append(route.request.url))
    page.goto(out.as_uri())
    shots = _screenshot_dir(tmp_path)

    # the map: one mark per located event
    located = [e for e in events if (e.get("location") or {}).get("lat") is not None]
    assert page.locator("#map circle.ev").count() == len(located) == 7
    assert page.locator("#fig-events b").inner_text() == "7"
    # the table reads without Arabic: ISO dates, English types, places and summaries
    first = page.locator("#events tbody tr", has_text="Ain al-Asad Air Base").first
    cells = first.locator("td").all_inner_texts()
    assert cells[:4] == ["2024-01-09", "Rocket attack", "Ain al-Asad Air Base", "Al-Anbar"]
    assert cells[-1].startswith("Rocket attack with 3 Katyusha rockets on Ain al-Asad Air Base")

    # clicking an event shows its article, right to left, with every span at its characters
    for i, record in enumerate(events):
        if i == 0:
            page.locator(f'#map circle.ev[data-i="{i}"]').dispatch_event("click")
        else:
            page.locator(f'#events tbody tr[data-i="{i}"]').click()
        text = texts[record["doc_id"]]
        article = page.locator(f'#evidence .article[data-event="{i}"]')
        assert article.get_attribute("dir") == "rtl"
        assert article.evaluate("el => getComputedStyle(el).direction") == "rtl"
        assert article.inner_text().replace("\n", "") == text.replace("\n", "")
        expected, problems = field_spans(record, text)
        assert problems == [] and expected
        shown = page.evaluate(
            """() => {
                const out = {};
                for (const m of document.querySelectorAll('#evidence .article mark')) {
                    for (const k of m.dataset.spans.split(' '))
                        out[k] = (out[k] || '') + m.textContent;
                }
                return out;
            }"""
        )
        assert shown == {str(k): text[s:e] for k, (_, s, e) in enumerate(expected)}
        labels = page.evaluate(
            "() => [...document.querySelectorAll('#evidence mark[data-label]')]"
            ".map(m => m.dataset.label)"
        )
        assert {lab for group in labels for lab in group.split(" + ")} == {
            label for label, _, _ in expected
        }
    page.locator('#map circle.ev[data-i="0"]').dispatch_event("click")
    page.locator('#evidence .article[data-event="0"]').wait_for()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / "report-overview.png"))  # the README's picture
    page.locator("#evidence").screenshot(path=str(shots / "report-evidence.png"))
    related = page.locator("#evidence .related").inner_text()
    assert "Same event in other reports" in related  # a1 and a5 report one attack

    # filtering by type changes every count
    assert page.locator("#timeline rect.bar").count() == 6  # the two a1/a5 rockets share a day
    page.locator('#f-types input[data-type="rocket_attack"]').uncheck()
    rockets = sum(e["event_type"] == "rocket_attack" for e in events)
    assert rockets == 3
    assert page.locator("#fig-events b").inner_text() == "4 / 7"
    assert page.locator("#map circle.ev:not(.off)").count() == 4
    assert page.locator("#events tbody tr").count() == 4
    assert page.locator("#timeline rect.bar").count() == 4  # 4 events on 4 days
    page.locator('#f-types input[data-type="rocket_attack"]').check()
    assert page.locator("#events tbody tr").count() == 7

    # search, background and the choropleth toggle
    page.locator("#f-q").fill("اربيل")  # finds «أربيل»: hamza forms are folded
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 3")
    page.locator("#f-q").fill("")
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 7")
    page.locator("#f-bg").select_option("only")
    assert page.locator("#events tbody tr").count() == 1
    page.locator("#f-bg").select_option("all")

    # sorting by a column: both ways, events without the figure last
    def shown_count(c):  # as the table writes a count
        text = f"≥{c['min']}" if c["max"] is None else str(c["min"])
        text += f"–{c['max']}" if c["max"] not in (None, c["min"]) else ""
        return text + (" (approx.)" if c["approx"] else "")

    killed = sorted((e["killed"] for e in events if e.get("killed")), key=lambda c: c["min"])
    assert len(killed) == 3
    page.locator('#events th[data-key="killed"]').click()
    column = page.locator("#events tbody td:nth-child(5)").all_inner_texts()
    assert column == [shown_count(c) for c in killed] + [""] * 4
    page.locator('#events th[data-key="killed"]').click()
    column = page.locator("#events tbody td:nth-child(5)").all_inner_texts()
    assert column == [shown_count(c) for c in reversed(killed)] + [""] * 4
    page.locator('#events th[data-key="date"]').click()

    # the claimant and governorate filters, and a click on a timeline bar (its day)
    page.locator("#f-claim").select_option("Islamic Resistance in Iraq")
    assert page.locator("#events tbody tr").count() == 1
    page.locator("#f-claim").select_option("")
    page.locator("#f-gov").select_option("IQ|Erbil")
    assert page.locator("#fig-events b").inner_text() == "3 / 7"
    page.locator("#f-gov").select_option("")
    page.locator('#timeline rect.bar[data-bin="2024-01-09"]').click()
    assert page.locator("#f-from").input_value() == page.locator("#f-to").input_value()
    assert page.locator("#f-to").input_value() == "2024-01-09"
    assert page.locator("#events tbody tr").count() == 2
    page.locator("#f-reset").click()
    assert page.locator("#events tbody tr").count() == 7

    # zooming in keeps the marks' size on screen
    mark = page.locator('#map circle.ev[data-i="2"]')
    before = mark.bounding_box()["width"]
    view = page.locator("#map").get_attribute("viewBox")
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -120)
    page.wait_for_function(f"document.getElementById('map').getAttribute('viewBox') !== '{view}'")
    zoomed = float(page.locator("#map").get_attribute("viewBox").split()[2])
    assert zoomed == pytest.approx(float(view.split()[2]) * 0.8)
    assert mark.bounding_box()["width"] == pytest.approx(before, abs=0.6)
    page.locator("#map-reset").click()
    page.locator("#choropleth").check()
    fill = page.locator('#map path.gov[data-gov="IQ|Al-Anbar"]').evaluate("p => p.style.fill")
    assert fill.startswith("rgb(")
    assert page.locator("#map circle.ev:not(.off)").count() == 0
    page.screenshot(path=str(shots / "report-choropleth.png"))
    assert errors == []
    page.close()
    for name in ("overview", "evidence"):
        assert (shots / f"report-{name}.png").stat().st_size > 10_000

    # an article with a character beyond U+FFFF before the spans
    astral = tmp_path / "astral.html"
    text = ROCKET + " " + TEXT
    record = _shifted(_record(), 2)
    astral.write_text(render(Report(events=[record], documents={"a1": {"text": text}}))[0])
    page = browser.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(astral.as_uri())
    page.locator('#events tbody tr[data-i="0"]').click()
    page.locator('#evidence .article[data-event="0"]').wait_for()
    marks = page.locator("#evidence .article mark").all_inner_texts()
    assert marks == [text[s:e] for _, s, e in field_spans(record, text)[0]]
    page.close()

    # an event beyond the boundaries' frame (Sanaa) widens the map to take it in
    far = tmp_path / "far.html"
    record = _record()
    record["location"] = dict(record["location"], lat=15.35, lon=44.2, country="YE")
    far.write_text(render(Report(events=[record]))[0], encoding="utf-8")
    page = browser.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(far.as_uri())
    x, y, w, h = map(float, page.locator("#map").get_attribute("viewBox").split())
    cy = float(page.locator("#map circle.ev").get_attribute("cy"))
    assert (39 - 27.5) * 60 < cy < y + h  # below the frame's southern edge, inside the view
    page.close()

    # a report of no events opens without errors
    empty_events = tmp_path / "none.jsonl"
    empty_events.write_text("", "utf-8")
    empty = tmp_path / "empty.html"
    assert CliRunner().invoke(main, ["report", str(empty_events), "-o", str(empty)]).exit_code == 0
    page = browser.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(empty.as_uri())
    assert page.locator("#fig-events b").inner_text() == "0"
    assert page.locator("#events tbody tr").count() == 0
    assert errors == []
    page.close()

    # without the articles, the evidence clauses are shown, with the spans inside them
    bare = tmp_path / "bare.html"
    assert CliRunner().invoke(main, ["report", str(events_file), "-o", str(bare)]).exit_code == 0
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(bare.as_uri())
    page.locator('#events tbody tr[data-i="0"]').click()
    page.locator('#evidence .article[data-event="0"]').wait_for()
    record, text = events[0], texts[events[0]["doc_id"]]
    clauses = [text[c["start"] : c["end"]] for c in record["evidence"]]
    assert page.locator("#evidence .article").inner_text() == " … ".join(clauses).replace(
        " … ", "…"
    )
    marks = page.locator("#evidence .article mark").all_inner_texts()
    inside = [
        text[s:e]
        for _, s, e in field_spans(record, None)[0]
        if any(c["start"] <= s and e <= c["end"] for c in record["evidence"])
    ]
    assert len(inside) >= 2 and "".join(marks) == "".join(inside)
    assert "give --docs" in page.locator("#evidence").inner_text()
    assert errors == []
    page.close()
