"""The curated sources (``sources/sites.csv``, ``sources/actors.csv``): sites with their
coordinates and actors with their aliases, authored for rasid, each row with its source."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .output import teh_marbuta_variant
from .text import ARABIC_ANY, Entity, clean, fmt, key, loose, read_csv
from .wordlists import COMMON_WORDS_SET

SOURCES = Path(__file__).resolve().parent / "sources"

# A curated site's ``source`` says how its position was obtained; its ``precision`` follows.
# ``airportsdata:ICAO`` takes the airfield reference point of that ICAO code (< 1 km).
CURATED_PRECISION = {
    "curated:public-position": "site",  # the facility's own public position (~1-3 km)
    "curated:town-anchor": "town",  # the named town's centre (~5 km)
    "curated:approximate": "approximate",  # public reporting, within ~10-15 km
}

# Bare seed aliases left out on purpose: ordinary words or too vague on their own.
SEED_ALIASES_REJECTED = {
    key(n)
    for n in [
        "الكتائب",
        "الحشد",
        "بدر",
        "الجيش الوطني",
        "الخضراء",
        "سنتكوم",
        "IRI",
        "قوة المهام المشتركة",
    ]
}


def build_sites(src: Path) -> list[Entity]:
    """The curated sites (``sources/sites.csv``), placed by airportsdata or by their row."""
    airports = {
        r["icao"]: r for r in read_csv(src / "airportsdata" / "airfields_iq_sy_airportsdata.csv")
    }
    ents = []
    for row in read_csv(SOURCES / "sites.csv"):
        source = row["source"]
        if source.startswith("airportsdata:"):
            ap = airports[source.split(":", 1)[1]]
            lat, lon, precision = float(ap["lat"]), float(ap["lon"]), "point"
        elif source in CURATED_PRECISION:
            lat, lon = float(row["lat"]), float(row["lon"])
            precision = CURATED_PRECISION[source]
        else:
            raise SystemExit(f"sites.csv: {row['id']}: unknown source {source!r}")
        names = row["names_ar"].split("|")
        e = Entity(
            id=row["id"],
            kind=row["kind"],
            name_ar=names[0],
            name_en=row["name_en"],
            admin1=row["admin1"],
            country=row["country"],
            lat=fmt(lat),
            lon=fmt(lon),
            precision=precision,
            source=source,
        )
        for n in names:
            e.add(n)
        # a site name is a phrase ("قاعدة بلد الجوية"); only a bare ordinary word is ambiguous
        e.ambiguous = any(loose(n) in COMMON_WORDS_SET for n in names)
        ents.append(e)
    return ents


def actor_rows(src: Path) -> list[list[str]]:
    """Rows of actors.csv: the curated actors (``sources/actors.csv``) with the aliases of the
    curated seed entry their ``source`` names (``curated+seed:ID``)."""
    actors = read_csv(SOURCES / "actors.csv")
    ours = {a["id"] for a in actors}
    seed_target = {
        a["source"].split(":", 1)[1]: a["id"]
        for a in actors
        if a["source"].startswith("curated+seed:")
    }
    seed = read_csv(src / "curated-seed" / "actors_seed_iq_sy.csv")
    extra_names: dict[str, list[str]] = defaultdict(list)
    for r in seed:
        target = seed_target.get(r["id"])
        if target is None:
            raise SystemExit(f"curated seed actor {r['id']!r} has no mapping")
        for n in [r["name_ar"], *r["aliases_ar"].split("|")]:
            n = clean(n)
            if n and key(n) not in SEED_ALIASES_REJECTED and ARABIC_ANY.search(n):
                extra_names[target].append(n)
    rows = []
    for a in actors:
        aid, parent = a["id"], a["parent"]
        if parent and parent not in ours:
            raise SystemExit(f"{aid}: unknown parent {parent}")
        names = a["names_ar"].split("|")
        seen = set()
        all_names = names + extra_names.get(aid, [])
        all_names += [teh_marbuta_variant(n) for n in all_names]
        from_seed = bool(extra_names.get(aid))
        for n in all_names:
            n = clean(n)
            if key(n) in seen or key(n) in SEED_ALIASES_REJECTED:
                continue
            seen.add(key(n))
            rows.append(
                [
                    n,
                    aid,
                    "actor",
                    names[0],
                    a["name_en"],
                    a["actor_type"],
                    a["country"],
                    parent,
                    "curated+seed" if from_seed else "curated",
                ]
            )
    return rows
