"""First-level divisions (governorates, provinces, regions, states, emirates) of the Middle East
and North Africa, Turkey and Iran: their Arabic names and centroids (iso3166-2 on PyPI, with
the curated fixes of ``sources/divisions.csv``), and the division of each GeoNames town
(``sources/geonames_admin1.csv``).  Part of the regional layer (regional.csv)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .text import ARABIC_ANY, Entity, arabize, clean, fmt, key, letters, loose, read_csv
from .wordlists import is_ambiguous_word, is_word_name, valid_name

SOURCES = Path(__file__).resolve().parent / "sources"

# Countries whose first-level divisions the layer holds (Iraq and Syria have their own).
DIVISION_COUNTRIES = "JO LB IL PS YE SA AE QA KW BH OM EG LY SD TR IR".split()

# The word the Arabic press writes before a division's name («محافظة مأرب», «ولاية هاتاي»,
# «منطقة جازان», «إمارة دبي»); «محافظة» where not listed.
DIVISION_PREFIXES = {
    "SA": ["منطقة"],
    "AE": ["إمارة"],
    "QA": ["بلدية"],
    "LY": ["شعبية"],
    "SD": ["ولاية"],
    "TR": ["ولاية"],
    "IL": ["لواء", "منطقة"],
}
# Names made only of a direction or a generic word («الشمالية», «العاصمة», «الداخلية»): never
# matched bare, not after «منطقة» («منطقة الشمال» is any northern area), and their division is
# flagged ambiguous (a full form such as «المنطقة الشرقية» needs supporting context).
DIVISION_WORD_NAMES = {
    loose(n)
    for n in """
الشمال الجنوب الشمالية الجنوبية الشرقية الغربية الوسطى العاصمة الداخلية الظاهرة الواحات
المركزية المركز
""".split()
}
# Division names that are also common words («مطروح» proposed, «عسير» hard, «مركزي» central):
# matched only after their prefix («منطقة عسير»).
DIVISION_COMMON_WORDS = {loose(n) for n in "مطروح عسير مركزي".split()}
# Full forms a curated name may already have (then it is used as written).
_PREFIXED = re.compile("^(محافظة|المحافظة|منطقة|المنطقة|ولاية|الولاية|إمارة|بلدية|شعبية|لواء) ")
# Divisions ``sources/divisions.csv`` leaves without Arabic names (``names_ar`` is ``-``): they
# give their towns an admin1 but are not matched.
NAMELESS: set[str] = set()


@dataclass
class Division:
    code: str
    country: str
    name_en: str
    lat: float
    lon: float
    names: list[str] = field(default_factory=list)  # Arabic names, display first


def fold(text: str) -> str:
    """ASCII form of a romanized name: «Şanlıurfa» -> Sanliurfa, «Ḩaḑramawt» -> Hadramawt."""
    text = text.replace("ı", "i").replace("İ", "I").replace("’", "'").replace("‘", "")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch) and ord(ch) < 128)
    return " ".join(text.replace("[city]", "").split())


def _same(a: str, b: str) -> bool:
    """Whether two romanized names are one («Ma'rib» and «Marib», «Al Ḩudaydah»)."""
    return re.sub("[^a-z]", "", fold(a).lower()) == re.sub("[^a-z]", "", fold(b).lower())


def load_divisions(iso_json: Path) -> dict[str, Division]:
    """The divisions of :data:`DIVISION_COUNTRIES` by ISO 3166-2 code (top level only)."""
    with iso_json.open(encoding="utf-8") as fh:
        iso = json.load(fh)
    fixes = {r["code"]: r for r in read_csv(SOURCES / "divisions.csv")}
    out: dict[str, Division] = {}
    for cc in DIVISION_COUNTRIES:
        for code, d in sorted(iso[cc].items()):
            if d.get("parentCode"):
                continue
            others = [p.strip() for p in (d.get("localOtherName") or "").split(", ")]
            english = [p[: -len(" (eng)")] for p in others if p.endswith(" (eng)")]
            arabic = [clean(p[: -len(" (ara)")]) for p in others if p.endswith(" (ara)")]
            fix = fixes.pop(code, None) or {}
            if fix.get("names_ar") == "-":
                arabic = []
                NAMELESS.add(code)
            elif fix.get("names_ar"):
                arabic = fix["names_ar"].split("|")
            name_en = fix.get("name_en") or fold(english[0] if english else d["name"])
            lat, lon = d["latLng"]
            div = Division(code, cc, name_en, float(lat), float(lon))
            for n in arabic:
                # (iso3166-2 writes some names fully vowelled, with alef wasla: «ٱلْوُسْطَى»)
                n = arabize(clean(n)).replace("ٱ", "ا")
                if ARABIC_ANY.search(n) and n not in div.names:
                    div.names.append(n)
            out[code] = div
    if fixes:
        raise SystemExit(f"divisions.csv: unknown codes {sorted(fixes)}")
    return out


def geonames_admin1() -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> ISO 3166-2 code (``sources/geonames_admin1.csv``);
    and (``"PS"``, GeoNames id) -> code for the Palestinian towns (``palestine_towns.csv``):
    GeoNames has only two codes there, the Gaza Strip and the West Bank."""
    out = {
        (r["country"], r["geonames_admin1"]): r["iso_3166_2"]
        for r in read_csv(SOURCES / "geonames_admin1.csv")
    }
    for r in read_csv(SOURCES / "palestine_towns.csv"):
        out[("PS", r["geonames_id"])] = r["iso_3166_2"]
    return out


def town_division(
    cc: str, town: dict, divisions: dict[str, Division], by_code: dict[tuple[str, str], str]
) -> Division | None:
    """The division a GeoNames town lies in, or None (a code no division answers to: the
    Golan, the settlements GeoNames files under Israel)."""
    key_ = (cc, str(town["geonameid"])) if cc == "PS" else (cc, town["admin1code"])
    code = by_code.get(key_)
    return divisions[code] if code is not None else None


def build_divisions(
    divisions: dict[str, Division],
    towns: list[Entity],
    country_names: dict[str, str],
    iq_sy_major: set[str],
) -> list[Entity]:
    """Division entities.  A division is named by its prefixed forms («محافظة مأرب», «ولاية
    هاتاي») from its Arabic names and those of its namesake town (the town of its name in it:
    Gaziantep's spellings for the province), and by its bare name when that names no town of
    the region, no country, no governorate, district or city of Iraq or Syria, and is no word.
    A name two countries' divisions share («محافظة العاصمة») is dropped for both.  The namesake
    town's spellings are used only for a division without Arabic names of its own."""
    town_keys = {key(n) for t in towns for n in t.names}
    cores: dict[str, list[str]] = {}
    for code, div in divisions.items():
        names = list(div.names)
        if not names and code not in NAMELESS:
            for t in towns:
                a = t.attrs
                if a["country"] == div.country and a["admin1"] == div.name_en:
                    if _same(a["name_en"], div.name_en):
                        names += [n for n in t.names if n not in names]
        cores[code] = names

    def forms(div: Division, core: str) -> list[str]:
        if _PREFIXED.match(core):
            return [core]
        generic = loose(core) in DIVISION_WORD_NAMES
        out = [
            f"{p} {core}"
            for p in DIVISION_PREFIXES.get(div.country, ["محافظة"])
            if not (generic and p == "منطقة")
        ]
        bare_ok = (
            valid_name(core)
            and letters(core) > 3
            and not generic
            and loose(core) not in DIVISION_COMMON_WORDS
            and key(core) not in town_keys
            and key(core) not in country_names
            and loose(core) not in iq_sy_major
            and not is_ambiguous_word(core)
            and not is_word_name(core)
        )
        return ([core] if bare_ok else []) + out

    names_of = {code: [f for c in cores[code] for f in forms(divisions[code], c)] for code in cores}
    owners: dict[str, set[str]] = defaultdict(set)
    for code, names in names_of.items():
        for n in names:
            owners[key(n)].add(divisions[code].country)
    ents = []
    for code, div in divisions.items():
        names = [n for n in names_of[code] if len(owners[key(n)]) == 1]
        if not names:
            continue  # a division kept for the admin1 of its towns only
        display = names[0]  # its bare name when that is matched, else its prefixed form
        e = Entity(
            id=f"{div.country.lower()}.gov.{_slug(div.name_en)}",
            kind="governorate",
            name_ar=display,
            name_en=div.name_en,
            admin1=div.name_en,
            country=div.country,
            lat=fmt(div.lat),
            lon=fmt(div.lon),
            precision="governorate",
            source=f"iso3166-2:{code}",
        )
        for n in names:
            e.add(n)
        e.ambiguous = loose(cores[code][0]) in DIVISION_WORD_NAMES
        ents.append(e)
    return ents


def _slug(text: str) -> str:
    return re.sub("[^a-z0-9]+", "_", fold(text).lower()).strip("_")
