"""Check a CSV file column by column against ACLED's codebook conventions.

    python tools/check_acled.py events_acled.csv [more.csv ...]

Prints one line per problem (file, row, column, what is wrong) and a per-column summary;
exits 1 when a file has any problem. The expectations are written out here from the
codebook, independently of rasid's writer (rasid/acled.py), so the check is not circular:
the 31 columns in order, event and sub-event types and their disorder type, the eight actor
types and the interaction built from them, numeric ISO codes, regions, ISO dates with their
year, time and geo precision codes, coordinates, English notes, integer fatalities and
timestamps.
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import re
import sys

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip

# event type -> (disorder type, its sub-event types)
EVENT_TYPES = {
    "Battles": ("Political violence", {
        "Armed clash", "Government regains territory", "Non-state actor overtakes territory"}),
    "Explosions/Remote violence": ("Political violence", {
        "Chemical weapon", "Air/drone strike", "Suicide bomb",
        "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"}),
    "Violence against civilians": ("Political violence", {
        "Sexual violence", "Attack", "Abduction/forced disappearance"}),
    "Protests": ("Demonstrations", {
        "Peaceful protest", "Protest with intervention", "Excessive force against protesters"}),
    "Riots": ("Demonstrations", {"Violent demonstration", "Mob violence"}),
    "Strategic developments": ("Strategic developments", {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other"}),
}  # fmt: skip

# in the order of the former numeric codes 1-8: the interaction names the lower one first
INTER_TYPES = [
    "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
    "Protesters", "Civilians", "External/Other forces",
]  # fmt: skip

REGIONS = {
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
    "South Asia", "Southeast Asia", "East Asia", "Middle East", "Europe",
    "Caucasus and Central Asia", "Central America", "South America", "Caribbean",
    "North America", "Oceania", "Antarctica",
}  # fmt: skip

SOURCE_SCALES = {
    "International", "National", "Regional", "Subnational", "Local partner", "Other",
    "New media",
}  # fmt: skip

_ARABIC = re.compile("[\u0600-\u06ff]")


def _int(value: str) -> int | None:
    try:
        return int(value)
    except ValueError:
        return None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def check_row(row: dict) -> list[tuple[str, str]]:
    """The problems of one row: (column, what is wrong)."""
    bad: list[tuple[str, str]] = []

    def need(ok: bool, column: str, why: str) -> None:
        if not ok:
            bad.append((column, f"{why}: {row.get(column)!r}"))

    need(bool(row["event_id_cnty"]), "event_id_cnty", "empty")
    try:
        day = dt.date.fromisoformat(row["event_date"])
        need(len(row["event_date"]) == 10, "event_date", "not YYYY-MM-DD")
        need(_int(row["year"]) == day.year, "year", "not the year of event_date")
    except ValueError:
        bad.append(("event_date", f"not an ISO date: {row['event_date']!r}"))
    need(row["time_precision"] in ("1", "2", "3"), "time_precision", "not 1, 2 or 3")
    etype = EVENT_TYPES.get(row["event_type"])
    need(etype is not None, "event_type", "not an ACLED event type")
    if etype is not None:
        need(row["disorder_type"] == etype[0], "disorder_type", "not that of the event type")
        need(row["sub_event_type"] in etype[1], "sub_event_type", "not one of the event type")
    need(bool(row["actor1"]), "actor1", "empty")
    need(row["inter1"] in INTER_TYPES, "inter1", "not an ACLED actor type")
    need(bool(row["actor2"]) == bool(row["inter2"]), "inter2", "given without actor2, or missing")
    need(not row["inter2"] or row["inter2"] in INTER_TYPES, "inter2", "not an ACLED actor type")
    need(not row["assoc_actor_1"] or bool(row["actor1"]), "assoc_actor_1", "without actor1")
    need(not row["assoc_actor_2"] or bool(row["actor2"]), "assoc_actor_2", "without actor2")
    if row["inter1"] in INTER_TYPES and (not row["inter2"] or row["inter2"] in INTER_TYPES):
        if row["inter2"]:
            a, b = sorted((row["inter1"], row["inter2"]), key=INTER_TYPES.index)
            want = f"{a}-{b}"
        else:
            want = f"{row['inter1']} only"
        need(row["interaction"] == want, "interaction", f"expected {want!r}")
    need(row["civilian_targeting"] in ("", "Civilian targeting"), "civilian_targeting",
         "neither empty nor 'Civilian targeting'")  # fmt: skip
    if row["civilian_targeting"]:
        need("Civilians" in (row["inter1"], row["inter2"]), "civilian_targeting",
             "without a Civilians actor")  # fmt: skip
    iso = _int(row["iso"])
    need(iso is not None and 0 < iso < 1000, "iso", "not an ISO 3166 numeric code")
    need(row["region"] in REGIONS, "region", "not an ACLED region")
    need(bool(row["country"]) and not _ARABIC.search(row["country"]), "country", "not a name")
    need(bool(row["location"]), "location", "empty")
    for column in ("admin1", "admin2", "admin3", "location", "actor1", "actor2", "notes"):
        need(not _ARABIC.search(row[column]), column, "Arabic script in an English column")
    lat, lon = _float(row["latitude"]), _float(row["longitude"])
    need(lat is not None and -90 <= lat <= 90, "latitude", "not a latitude")
    need(lon is not None and -180 <= lon <= 180, "longitude", "not a longitude")
    need(row["geo_precision"] in ("1", "2", "3"), "geo_precision", "not 1, 2 or 3")
    need(bool(row["source"]), "source", "empty")
    scales = [s for s in re.split(r"-", row["source_scale"]) if s] if row["source_scale"] else []
    need(all(s in SOURCE_SCALES for s in scales), "source_scale", "not ACLED source scales")
    need(len(row["notes"]) >= 20, "notes", "too short to describe the event")
    fatalities = _int(row["fatalities"])
    need(fatalities is not None and fatalities >= 0, "fatalities", "not a count")
    stamp = _int(row["timestamp"])
    need(stamp is not None and stamp >= 10**9, "timestamp", "not Unix seconds")
    return bad


def check_file(path: str) -> tuple[int, list[str]]:
    """(rows read, problem lines) of one file."""
    problems: list[str] = []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        if header != COLUMNS:
            missing = [c for c in COLUMNS if c not in header]
            extra = [c for c in header if c not in COLUMNS]
            order = "" if missing or extra else "; same columns in another order"
            return 0, [f"{path}: header: missing {missing}, extra {extra}{order}"]
        ids: collections.Counter = collections.Counter()
        n = 0
        for n, row in enumerate(reader, 1):
            ids[row["event_id_cnty"]] += 1
            problems.extend(f"{path}:{n + 1}: {c}: {why}" for c, why in check_row(row))
        problems.extend(
            f"{path}: event_id_cnty {i!r} is on {k} rows" for i, k in ids.items() if k > 1
        )
    return n, problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    failed = False
    for path in argv:
        n, problems = check_file(path)
        for line in problems:
            print(line)
        by_column = collections.Counter(p.split(": ")[1] for p in problems if p.count(": ") > 1)
        verdict = "OK" if not problems else f"{len(problems)} problems"
        columns = "" if not by_column else " (" + ", ".join(
            f"{c} {k}" for c, k in sorted(by_column.items())) + ")"  # fmt: skip
        print(f"{path}: {n} rows, {len(COLUMNS)} columns checked: {verdict}{columns}")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
