#!/usr/bin/env python3
"""Build the boundary polygons that `rasid report` draws its offline map from.

Usage::

    python tools/build_report_boundaries.py SOURCE_DIR NATURAL_EARTH_SHP \
        [--out python/rasid/data/report/boundaries.json]

SOURCE_DIR is the folder of open data the gazetteer is built from (it needs
``ocha-iraq-admin/irq_admbnda_adm1_cso_20190603.geojson`` and
``opensyria-admin/admin_sy_ocha.csv``). NATURAL_EARTH_SHP is Natural Earth's 1:110m
countries shapefile (public domain); the copy shipped in the geopandas 0.14 wheel
(``geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp``) is the one used here:

    pip download --no-deps geopandas==0.14.4 && unzip geopandas-0.14.4-*.whl 'geopandas/datasets/*'

Needs shapely and pyshp (build time only; the report itself needs neither).

What goes in:

- Iraq's 18 governorates (OCHA COD-AB admin 1), simplified, and Iraq's outline as their union;
- the other countries of the region from Natural Earth, clipped to the map's frame;
- Syria's 14 governorates as centroids (OpenSyria publishes no polygons; the report draws
  them as circles).

Coordinates are rounded to 3 decimals (about 100 m), far below what the simplification
already moves; the output is a pure function of the inputs and this script.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

# The map's frame (west, south, east, north): Iraq, Syria and what borders them.
FRAME = (33.0, 27.5, 50.0, 39.0)
# Douglas-Peucker tolerances in degrees (0.01° ≈ 1 km; the report draws ~20° over ~900 px,
# so one pixel is about 0.02°).
GOVERNORATE_TOLERANCE = 0.003
COUNTRY_TOLERANCE = 0.005
# Natural Earth countries drawn around Iraq and Syria (ISO 3166-1 alpha-3 → alpha-2).
NEIGHBOURS = {
    "SYR": "SY",
    "JOR": "JO",
    "TUR": "TR",
    "IRN": "IR",
    "SAU": "SA",
    "KWT": "KW",
    "LBN": "LB",
    "ISR": "IL",
    "PSE": "PS",
    "CYP": "CY",
    "EGY": "EG",
    "ARM": "AM",
    "AZE": "AZ",
    "GEO": "GE",
}
IRAQ_ADM1 = "ocha-iraq-admin/irq_admbnda_adm1_cso_20190603.geojson"
SYRIA_ADMIN = "opensyria-admin/admin_sy_ocha.csv"


def _rings(geometry) -> list[list[list[float]]]:
    """Every ring (outer and holes) of a (multi)polygon, as [[lon, lat], ...], rounded.

    The page fills them with the even-odd rule, so holes need no flag."""
    from shapely.geometry import MultiPolygon, Polygon

    if geometry.is_empty:
        return []
    polygons = [geometry] if isinstance(geometry, Polygon) else list(geometry.geoms)
    out = []
    for poly in polygons:
        if not isinstance(poly, (Polygon, MultiPolygon)):
            continue
        for ring in [poly.exterior, *poly.interiors]:
            coords = [[round(x, 3), round(y, 3)] for x, y in ring.coords]
            deduped = [c for i, c in enumerate(coords) if i == 0 or c != coords[i - 1]]
            if len(deduped) >= 4:
                out.append(deduped)
    return out


def _polygonal(geometry):
    """Keep only the polygons of a clip result (a clip can leave lines and points)."""
    from shapely.geometry import GeometryCollection, MultiPolygon, Polygon

    if isinstance(geometry, (Polygon, MultiPolygon)):
        return geometry
    if isinstance(geometry, GeometryCollection):
        parts = [g for g in geometry.geoms if isinstance(g, (Polygon, MultiPolygon))]
        polys = [p for g in parts for p in ([g] if isinstance(g, Polygon) else g.geoms)]
        return MultiPolygon(polys)
    return MultiPolygon()


def build(source: Path, natural_earth: Path) -> dict:
    import shapefile  # pyshp
    from shapely.geometry import box, shape
    from shapely.ops import unary_union

    frame = box(*FRAME)
    with open(source / IRAQ_ADM1, encoding="utf-8") as f:
        iraq = json.load(f)
    governorates = []
    iraq_shapes = []
    for feature in sorted(iraq["features"], key=lambda ft: ft["properties"]["ADM1_PCODE"]):
        props = feature["properties"]
        geom = shape(feature["geometry"]).buffer(0)
        iraq_shapes.append(geom)
        simple = geom.simplify(GOVERNORATE_TOLERANCE, preserve_topology=True)
        governorates.append(
            {
                "country": "IQ",
                "pcode": props["ADM1_PCODE"],
                "name_en": props["ADM1_EN"],
                "name_ar": props["ADM1_AR"],
                "rings": _rings(simple),
            }
        )
    countries = [
        {
            "iso": "IQ",
            "name_en": "Iraq",
            "rings": _rings(unary_union(iraq_shapes).simplify(COUNTRY_TOLERANCE)),
        }
    ]
    reader = shapefile.Reader(str(natural_earth))
    found = set()
    for rec in reader.iterShapeRecords():
        iso3 = rec.record["iso_a3"]
        if iso3 not in NEIGHBOURS:
            continue
        found.add(iso3)
        geom = _polygonal(shape(rec.shape.__geo_interface__).buffer(0).intersection(frame))
        rings = _rings(geom.simplify(COUNTRY_TOLERANCE, preserve_topology=True))
        if rings:
            countries.append(
                {"iso": NEIGHBOURS[iso3], "name_en": rec.record["name"], "rings": rings}
            )
    missing = sorted(set(NEIGHBOURS) - found)
    if missing:
        raise SystemExit(f"{natural_earth}: no country {', '.join(missing)}")
    countries.sort(key=lambda c: c["iso"])

    centroids = []
    with open(source / SYRIA_ADMIN, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["level"] == "governorate":
                centroids.append(
                    {
                        "country": "SY",
                        "pcode": row["pcode"],
                        "name_en": row["name_en"],
                        "name_ar": row["name_ar"],
                        "lon": round(float(row["lon"]), 3),
                        "lat": round(float(row["lat"]), 3),
                    }
                )
    centroids.sort(key=lambda c: c["pcode"])
    return {
        "frame": list(FRAME),
        "countries": countries,
        "governorates": governorates,
        "governorate_centroids": centroids,
        "credit": (
            "Iraq governorates © CSO Iraq / UN OCHA (HDX), CC BY-IGO 3.0; Syria governorate "
            "centroids © OpenSyria, CC BY 4.0; other countries: Natural Earth (public domain)"
        ),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="folder with the open data (ocha-iraq-admin/ …)")
    ap.add_argument("natural_earth", type=Path, help="Natural Earth 1:110m countries .shp")
    ap.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent
        / "python"
        / "rasid"
        / "data"
        / "report"
        / "boundaries.json",
    )
    args = ap.parse_args(argv)
    data = build(args.source, args.natural_earth)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(text.encode()):,} bytes", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
