"""Rows, checks and files: what the build writes, and the counts table of SOURCES.md."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

from .text import ARABIC_ANY, Entity, key, letters, read_csv
from .wordlists import WORD, valid_name

PLACE_COLUMNS = [
    "name",
    "id",
    "kind",
    "name_ar",
    "name_en",
    "admin1",
    "country",
    "lat",
    "lon",
    "precision",
    "ambiguous",
    "source",
]
ACTOR_COLUMNS = [
    "name",
    "id",
    "kind",
    "name_ar",
    "name_en",
    "actor_type",
    "country",
    "parent",
    "source",
]

# Each output file stays below this size (villages are split by governorate to keep to it).
MAX_FILE_BYTES = 950_000

PLACE_KINDS = {
    "country",
    "governorate",
    "district",
    "subdistrict",
    "city",
    "town",
    "village",
    "base",
    "airbase",
    "airport",
    "camp",
    "embassy",
    "oil_field",
    "border_crossing",
    "zone",
    "site",
    "region",
    "demonym",
}
ACTOR_TYPES = {"state", "militia", "coalition", "insurgent", "political"}

# Generous bounding boxes (south, west, north, east) used to validate coordinates.
BBOX = {
    "IQ": (29.0, 38.7, 37.5, 48.8),
    "SY": (32.3, 35.6, 37.4, 42.4),
    "JO": (29.1, 34.9, 33.4, 39.4),
}


def teh_marbuta_variant(name: str) -> str:
    """The spelling with ه for ة (السماوه، الديمقراطيه), common in hasty writing; rasid's
    default normalization keeps ة and ه apart."""
    return name.replace("ة", "ه")


def dedupe_names(e: Entity) -> list[str]:
    """The entity's names without those equal under rasid's default normalization, plus the
    ه-for-ة spelling of each (not for villages, to keep their files small)."""
    seen = set()
    out = []
    # (a demonym's display name is its country's, which is no demonym)
    names = ([] if e.attrs["kind"] == "demonym" else [e.attrs["name_ar"]]) + e.names
    if e.attrs["kind"] != "village":
        names += [teh_marbuta_variant(n) for n in names]
    for n in names:
        k = key(n)
        if k in seen:
            continue
        seen.add(k)
        out.append(n)
    return out


def place_rows(ents: list[Entity], site: bool = False) -> list[list[str]]:
    rows = []
    for e in ents:
        a = e.attrs
        for n in dedupe_names(e):
            if not site and not valid_name(n):
                continue
            if site and (letters(n) <= 2 or not ARABIC_ANY.search(n)):
                continue
            rows.append(
                [
                    n,
                    a["id"],
                    a["kind"],
                    a["name_ar"],
                    a["name_en"],
                    a["admin1"],
                    a["country"],
                    a["lat"],
                    a["lon"],
                    a["precision"],
                    str(int(e.ambiguous)),
                    a["source"],
                ]
            )
    return rows


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    rows.sort(key=lambda r: (r[1], r[0]))
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def check_rows(rows: list[list[str]], divisions: dict[str, set[str]]) -> None:
    """Every row well formed; ``divisions``: the English names of the first-level divisions of
    the regional countries that have them (the admin1 of their places, named or not)."""
    seen = set()
    attrs: dict[str, tuple[str, ...]] = {}
    for r in rows:
        name, eid, kind = r[0], r[1], r[2]
        if (name, eid) in seen:
            raise SystemExit(f"duplicate row {name!r} {eid}")
        seen.add((name, eid))
        if kind not in PLACE_KINDS:
            raise SystemExit(f"{eid}: bad kind {kind}")
        if not re.fullmatch("[A-Z]{2}", r[6]):
            raise SystemExit(f"{eid}: country {r[6]!r} is not an ISO 3166-1 alpha-2 code")
        if r[10] not in ("0", "1", str(WORD)):
            raise SystemExit(f"{eid}: ambiguous {r[10]!r}")
        if kind == "demonym":
            if r[7] or r[8] or r[5]:
                raise SystemExit(f"{eid}: a demonym has no position or admin1")
            if attrs.setdefault(eid, tuple(r[2:])) != tuple(r[2:]):
                raise SystemExit(f"{eid}: inconsistent attributes")
            continue
        lat, lon = float(r[7]), float(r[8])
        s, w, n, e = BBOX.get(r[6], (-90.0, -180.0, 90.0, 180.0))
        if not (s <= lat <= n and w <= lon <= e):
            raise SystemExit(f"{eid}: {lat},{lon} outside {r[6]}")
        if not ARABIC_ANY.search(r[3]):
            raise SystemExit(f"{eid}: no Arabic name")
        if attrs.setdefault(eid, tuple(r[2:])) != tuple(r[2:]):
            raise SystemExit(f"{eid}: inconsistent attributes")
    # every admin1 is the English name of one of the country's governorates
    govs = {(r[6], r[5]) for r in rows if r[2] == "governorate"}
    for r in rows:
        if r[6] in ("IQ", "SY") and r[2] not in ("country", "demonym") and (r[6], r[5]) not in govs:
            raise SystemExit(f"{r[1]}: admin1 {r[5]!r} is not a governorate of {r[6]}")
        if r[6] in divisions and r[5] and r[5] not in divisions[r[6]]:
            raise SystemExit(f"{r[1]}: admin1 {r[5]!r} is not a division of {r[6]}")


def counts_table(out: Path, files: list[str]) -> str:
    """Markdown table of entities / name rows / ambiguous rows by kind over ``files``."""
    rows_by: Counter[str] = Counter()
    ids_by: dict[str, set[str]] = defaultdict(set)
    amb_by: Counter[str] = Counter()
    word_by: Counter[str] = Counter()
    for fname in files:
        for r in read_csv(out / fname):
            k = r["kind"] if r["kind"] != "actor" else f"actor: {r['actor_type']}"
            rows_by[k] += 1
            ids_by[k].add(r["id"])
            amb_by[k] += r.get("ambiguous") == "1"
            word_by[k] += r.get("ambiguous") == str(WORD)
    lines = [
        "Counts (entities, name rows, rows with `ambiguous=1` and with `ambiguous=2`) of this"
        " build:",
        "",
        "| kind | entities | name rows | ambiguous rows | word rows |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for k in sorted(rows_by, key=lambda k: (k.startswith("actor"), k)):
        lines.append(f"| {k} | {len(ids_by[k])} | {rows_by[k]} | {amb_by[k]} | {word_by[k]} |")
    return "\n".join(lines)


def update_sources_md(out: Path, table: str) -> None:
    """Replace the counts section of SOURCES.md (between its markers), if the file is there."""
    path = out / "SOURCES.md"
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    head = "<!-- counts: written by tools/build_gazetteer_data.py -->"
    tail = "<!-- /counts -->"
    if head not in text or tail not in text:
        return
    before, rest = text.split(head, 1)
    _, after = rest.split(tail, 1)
    path.write_text(f"{before}{head}\n{table}\n{tail}{after}", encoding="utf-8")
