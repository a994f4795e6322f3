"""``rasid report``: one self-contained, offline HTML page of events and their evidence.

The page holds everything it needs: the events (compacted), the articles they come from,
the boundary polygons of the map (``rasid/data/report/boundaries.json``, sources in
``SOURCES.md`` beside it), and the page's own CSS and JavaScript (``assets/``, written for
rasid). Nothing is fetched when it is opened.

Every highlighted span of the evidence view is checked here against the article it points
into: a span whose characters differ from the text the record states (an archive other than
the one the events were extracted from) is reported, and the page marks the event.
"""

from __future__ import annotations

import base64
import bisect
import datetime as _dt
import gzip
import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ..acled import country_name, entity_name
from ..events.record import display_name
from ..io import Problem, iter_documents
from ..vocabulary import EVENT_TYPE_NAMES, WEAPON_NAMES

__all__ = [
    "Report",
    "summarize",
    "field_spans",
    "load_documents",
    "render",
    "pack_texts",
    "unpack_texts",
    "utf16_len",
    "file_digest",
]

#: Field spans the evidence view labels: (label, record field, key of the words the record
#: states for it, which must be the article's characters at start:end).
SPAN_FIELDS = (
    ("place", "location", "mention"),
    ("launched from", "launch_location", "mention"),
    ("munitions", "munitions", "text"),
    ("killed", "killed", "text"),
    ("wounded", "wounded", "text"),
    ("actor", "actor", "mention"),
    ("claim", "claimed_by", "mention"),
)

_OUTCOMES = {"hit": "hit", "intercepted": "intercepted", "failed": "failed"}


def _count_text(count: Any) -> str | None:
    """``{min, max, approx}`` as English: 3, 7–11, at least 2, about 12, none."""
    if not isinstance(count, dict) or count.get("min") is None:
        return None
    lo, hi = count["min"], count.get("max")
    if hi is None:
        return f"at least {lo}"
    text = str(lo) if lo == hi else f"{lo}–{hi}"
    return f"about {text}" if count.get("approx") else text


def _place_text(place: Any) -> str | None:
    if not isinstance(place, dict):
        return None
    name = display_name(place)
    country = country_name(place.get("country") or "")
    parts = [name] + [p for p in (place.get("admin1"), country) if p and p != name]
    return ", ".join(p for p in parts if p)


def summarize(record: dict) -> str:
    """A one-sentence English summary of an event record, for readers without Arabic.

    >>> summarize({"event_type": "rocket_attack", "date": "2020-01-08", "weapon": "rocket",
    ...            "munitions": {"min": 3, "max": 3}, "wounded": {"min": 2, "max": 2},
    ...            "location": {"name_en": "Ain al-Asad Air Base", "admin1": "Al-Anbar",
    ...                         "country": "IQ"}})
    'Rocket attack with 3 rockets on Ain al-Asad Air Base, Al-Anbar, Iraq, 2020-01-08; 2 wounded.'
    """
    head = EVENT_TYPE_NAMES.get(record.get("event_type") or "", "Attack")
    weapon = WEAPON_NAMES.get(record.get("weapon") or "")
    munitions = _count_text(record.get("munitions"))
    if weapon and munitions and munitions != "0":
        one = (record.get("munitions") or {}).get("max") == 1
        head += f" with {munitions} {weapon[0] if one else weapon[1]}"
    elif weapon:
        head += f" ({weapon[1]})"
    place = _place_text(record.get("location"))
    if place:
        head += f" on {place}"
    if record.get("date"):
        head += f", {record['date']}"
    facts = []
    outcome = _OUTCOMES.get(record.get("outcome") or "")
    if outcome:
        facts.append(outcome)
    for key in ("killed", "wounded"):
        n = _count_text(record.get(key))
        if n is not None:
            facts.append("none " + key if n == "0" else f"{n} {key}")
    actor = entity_name(record.get("actor"))
    if actor:
        facts.append(f"by {actor}")
    claim = entity_name(record.get("claimed_by"))
    if claim:
        facts.append(f"claimed by {claim}")
    launch = _place_text(record.get("launch_location"))
    if launch:
        facts.append(f"launched from {launch}")
    if record.get("background"):
        facts.append("background (an earlier event recalled)")
    return head + ("; " + "; ".join(facts) if facts else "") + "."


def _find_date_span(record: dict, text: str) -> tuple[int, int] | None:
    """Where ``date_text`` is in ``text``: the occurrence nearest the first evidence clause
    (the record states the words of its date, not their offsets)."""
    words = record.get("date_text")
    if not words:
        return None
    evidence = record.get("evidence") or []
    anchor = evidence[0]["start"] if evidence else 0
    best = None
    at = text.find(words)
    while at >= 0:
        if best is None or abs(at - anchor) < abs(best - anchor):
            best = at
        at = text.find(words, at + 1)
    return None if best is None else (best, best + len(words))


def field_spans(record: dict, text: str | None) -> tuple[list[list], list[str]]:
    """The labelled spans of an event, ``[label, start, end]``, and the problems found.

    A span is kept only when ``text[start:end]`` is the text the record states for it;
    each one that is not (or lies outside the text) gives a problem instead. Without the
    article (``text`` None) the spans are kept unchecked, for display inside the evidence
    clauses. The date is located by its words (``date_text``).
    """
    spans: list[list] = []
    problems: list[str] = []

    def add(label: str, value: Any, own_text: str | None) -> None:
        if not isinstance(value, dict) or value.get("start") is None:
            return
        start, end = value["start"], value["end"]
        if text is not None and (end > len(text) or text[start:end] != own_text):
            problems.append(f"{label} {start}:{end} is not {own_text!r} in the article")
            return
        spans.append([label, start, end])

    for label, key, own in SPAN_FIELDS:
        value = record.get(key)
        add(label, value, value.get(own) if isinstance(value, dict) else None)
    for accused in record.get("accused") or []:
        if isinstance(accused, dict):
            add("accused", accused, accused.get("mention"))
    for clause in record.get("evidence") or []:
        if isinstance(clause, dict) and text is not None:
            end = clause.get("end", 0)
            if end > len(text) or text[clause.get("start", 0) : end] != clause.get("text"):
                problems.append(
                    f"evidence {clause.get('start')}:{end} is not the clause the record quotes"
                )
    if text is not None:
        date = _find_date_span(record, text)
        if date is not None:
            spans.append(["date", date[0], date[1]])
    spans.sort(key=lambda s: (s[1], -s[2]))
    return spans, problems


def _counts(value: Any) -> list | None:
    if not isinstance(value, dict) or value.get("min") is None:
        return None
    return [value["min"], value.get("max"), bool(value.get("approx"))]


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (JavaScript's string indices)."""
    return len(text) + len(_ASTRAL.findall(text))


def _to_utf16(text: str | None, spans: list[list], clauses: list[list]) -> None:
    """Turn the code-point offsets of ``spans`` and ``clauses`` into the page's JavaScript
    (UTF-16) offsets, in place: a character beyond U+FFFF counts two there.

    Without the article only the evidence clauses are shown; offsets inside a clause are then
    counted from its start, which stays the record's."""
    if text is not None:
        astral = [m.start() for m in _ASTRAL.finditer(text)]
        if not astral:
            return

        def convert(offset: int) -> int:
            return offset + bisect.bisect_left(astral, offset)

    else:
        if not any(_ASTRAL.search(clause[2]) for clause in clauses):
            return
        by_start = sorted(clauses)

        def convert(offset: int) -> int:
            for start, end, words in by_start:
                if start <= offset <= end:
                    return start + utf16_len(words[: offset - start])
            return offset

    for item in spans:
        item[1], item[2] = convert(item[1]), convert(item[2])
    for clause in clauses:
        clause[0], clause[1] = convert(clause[0]), convert(clause[1])


def _compact(record: dict, index: int, text: str | None) -> tuple[dict, list[str]]:
    """The page's form of one event: short keys, English names, checked spans."""
    loc = record.get("location") if isinstance(record.get("location"), dict) else None
    spans, problems = field_spans(record, text)
    out: dict[str, Any] = {
        "i": index,
        "id": record.get("event_id") or f"#{index + 1}",
        "doc": record.get("doc_id"),
        "type": record.get("event_type") or "other_attack",
        "date": record.get("date"),
        "prec": record.get("date_precision"),
        "bg": bool(record.get("background")),
        "weapon": record.get("weapon"),
        "outcome": record.get("outcome"),
        "mun": _counts(record.get("munitions")),
        "killed": _counts(record.get("killed")),
        "wounded": _counts(record.get("wounded")),
        "actor": entity_name(record.get("actor")) or None,
        "claim": entity_name(record.get("claimed_by")) or None,
        "accused": [entity_name(a) for a in record.get("accused") or [] if entity_name(a)],
        "target": entity_name(record.get("target")) or None,
        "conf": record.get("confidence"),
        "cluster": record.get("cluster_id"),
        "summary": summarize(record),
        "launch": _place_text(record.get("launch_location")),
        "spans": spans,
        "ev": [
            [c["start"], c["end"], c.get("text", "")]
            for c in record.get("evidence") or []
            if isinstance(c, dict) and c.get("start") is not None
        ],
    }
    _to_utf16(text, out["spans"], out["ev"])
    if loc:
        out["loc"] = {
            "name": display_name(loc),
            "name_ar": loc.get("name_ar") or loc.get("mention"),
            "admin1": loc.get("admin1"),
            "country": loc.get("country"),
            "lat": loc.get("lat"),
            "lon": loc.get("lon"),
            "precision": loc.get("precision") or loc.get("kind"),
        }
    if problems:
        out["problems"] = problems
    return out, problems


def file_digest(path: str) -> str:
    """sha256 of a file, hex, first 16 digits (names an input in the provenance)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


def gazetteer_digest() -> dict:
    """The default gazetteer's data files: count and a digest of their contents."""
    folder = resources.files("rasid") / "data" / "gazetteer"
    h = hashlib.sha256()
    files = sorted(p.name for p in folder.iterdir() if p.name.endswith(".csv"))
    for name in files:
        h.update(name.encode() + b"\0" + (folder / name).read_bytes())
    return {"files": len(files), "sha256": h.hexdigest()[:16]}


def load_documents(
    paths: Iterable[str],
    wanted: set[str],
    *,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
) -> tuple[dict[str, dict], list[Problem]]:
    """The articles of ``wanted`` ids found in the archives ``paths`` (streamed: only the
    wanted ones are kept), ``{doc_id: {"text", "published"}}``, and the skipped records."""
    problems: list[Problem] = []
    found: dict[str, dict] = {}
    for doc in iter_documents(
        paths,
        id_field=id_field,
        text_field=text_field,
        date_field=date_field,
        on_problem=problems.append,
    ):
        if doc.doc_id in wanted and doc.doc_id not in found:
            found[doc.doc_id] = {"text": doc.text, "published": doc.published}
    return found, problems


@dataclass
class Report:
    """What one report shows: the events, their articles, the provenance.

    ``provenance`` is free-form ``{label: value}`` shown as is (inputs, options, …).
    """

    events: list[dict]
    documents: dict[str, dict] = field(default_factory=dict)
    provenance: dict[str, Any] = field(default_factory=dict)
    title: str = "rasid report"

    def build(self) -> tuple[dict, list[str]]:
        """The page's data and the span problems found (``event_id: problem``)."""
        compact = []
        problems: list[str] = []
        for i, record in enumerate(self.events):
            doc = self.documents.get(record.get("doc_id") or "")
            event, found = _compact(record, i, doc["text"] if doc else None)
            compact.append(event)
            problems.extend(f"{event['id']}: {p}" for p in found)
        used = {e["doc"] for e in compact}
        docs = {k: v for k, v in self.documents.items() if k in used}
        index: dict[str, list] = {}
        at = 0
        for doc_id, doc in docs.items():
            size = len(doc["text"].encode("utf-8"))
            index[doc_id] = [at, at + size, doc.get("published")]
            at += size
        boundaries = json.loads(
            (resources.files("rasid") / "data" / "report" / "boundaries.json").read_text("utf-8")
        )
        data = {
            "title": self.title,
            "events": compact,
            "docs": index,  # where each article is in the packed text's UTF-8 bytes
            "texts": "".join(doc["text"] for doc in docs.values()),  # packed in its own block
            "boundaries": boundaries,
            "provenance": self.provenance,
            "problems": problems,
        }
        return data, problems


def _asset(name: str) -> str:
    return (resources.files("rasid.report") / "assets" / name).read_text("utf-8")


def _script_json(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``</`` can close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def pack_texts(texts: str) -> str:
    """The articles' text as the page carries it: UTF-8, gzip'd, base64. Real news text
    shrinks about 2.4 times at this fast level; the page unpacks it with
    ``DecompressionStream`` and decodes each article from its bytes when it is read."""
    raw = texts.encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=3, mtime=0)).decode("ascii")


def unpack_texts(packed: str) -> str:
    """The inverse of :func:`pack_texts`."""
    return gzip.decompress(base64.b64decode(packed)).decode("utf-8")


def render(report: Report) -> tuple[str, list[str]]:
    """The report as one HTML page, and the span problems found."""
    import jinja2
    import markupsafe

    data, problems = report.build()
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(_asset("report.html.j2"))
    page = template.render(
        title=report.title,
        texts=pack_texts(data.pop("texts")),
        css=markupsafe.Markup(_asset("report.css")),
        js=markupsafe.Markup(_asset("report.js")),
        data=markupsafe.Markup(_script_json(data)),
    )
    return page, problems


def now_utc() -> str:
    """The time a report is made, UTC, to the second (for the provenance)."""
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def describe_input(path: str) -> str:
    """``path (N bytes, sha256 …)`` for the provenance."""
    try:
        return f"{path} ({os.path.getsize(path):,} bytes, sha256 {file_digest(path)})"
    except OSError:
        return path
