"""The Iraq and Syria layer: administrative units (OCHA, OpenSyria) and settlements (Who's On
First / GeoNames), with their spelling fixes and ambiguity flags."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from .text import (
    ARABIC_LETTERS,
    Entity,
    arabize,
    clean,
    fmt,
    haversine,
    key,
    letters,
    loose,
    read_csv,
    slug,
    strip_al,
)
from .wordlists import (
    WORD,
    is_ambiguous_word,
    is_common_word,
    is_person_name,
    is_word_name,
    valid_name,
)

# (wof source_id) -> corrected Arabic name.  WOF labels the Samawa district سامراء.
WOF_NAME_FIXES = {"wof:421205333": "السماوة"}
# (wof source_id) -> extra press spellings for that record.
WOF_EXTRA_NAMES = {
    "wof:1259983725": ["الشدادي", "الشدادة", "مدينة الشدادي"],  # Ash Shaddadah, al-Hasakah
    "wof:1125920327": ["بغديدا", "قره قوش", "قرقوش", "قراقوش"],  # Qaraqosh (Bakhdida), Ninewa
}
# WOF admin1 spellings that differ from OCHA's governorate names (a few records).
WOF_ADMIN1_ALIASES = {"Dihok": "Duhok", "Ninawa": "Ninewa", "As-Sulaymaniyah": "Al-Sulaymaniyah"}

# (wof source_id) -> names WOF gives a record that belong to another place: Tuz Khurmatu's
# record carries تازة خورماتو (Taza, a separate town south of Kirkuk) and the English "Taza".
WOF_WRONG_NAMES = {"wof:421188277": {"تازة خورماتو"}}
WOF_ENGLISH_FIXES_EXTRA = {"wof:421188277": "Tuz Khurmatu"}

# (wof source_id) -> English name, where WOF's is wrong (Qaraqosh is labelled as its district).
WOF_ENGLISH_FIXES = {"wof:1125920327": "Qaraqosh (Bakhdida)", "wof:421197059": "Sadr City"}

# Extra spellings for administrative units and cities, keyed by (country, key(name)).  They are
# added to every governorate / district / city of that country with that name.
EXTRA_VARIANTS = {
    ("IQ", "الانبار"): ["الأنبار", "انبار", "محافظة الأنبار"],
    ("IQ", "نينوي"): ["نينوى", "نينوي", "محافظة نينوى"],
    ("IQ", "اربيل"): ["أربيل", "إربيل", "هولير"],
    ("IQ", "ديالي"): ["ديالى", "ديالي"],
    ("IQ", "صلاح الدين"): ["صلاح الدين", "صلاحالدين"],
    ("IQ", "ذي قار"): ["ذي قار", "ذيقار"],
    ("IQ", "الموصل"): ["الموصل", "موصل"],
    ("IQ", "الفلوجه"): ["الفلوجة", "الفلوجه", "فلوجة"],
    ("IQ", "الفلوجة"): ["الفلوجة", "الفلوجه", "فلوجة"],
    ("IQ", "طوز خورماتو"): ["طوزخورماتو", "طوز خورماتو", "الطوز", "طوز"],
    ("IQ", "تلعفر"): ["تلعفر", "تل عفر"],
    ("IQ", "سنجار"): ["سنجار", "شنكال"],
    ("IQ", "بيجي"): ["بيجي", "بيجى"],
    ("IQ", "كويسنجق"): ["كويسنجق", "كوي سنجق", "كويه"],
    ("IQ", "الثوره"): ["الثورة", "مدينة الصدر"],
    ("IQ", "الثورة"): ["الثورة", "مدينة الصدر"],
    ("IQ", "ابي غريب"): ["أبو غريب", "ابو غريب"],
    ("IQ", "ابي الخصيب"): ["أبو الخصيب", "ابو الخصيب"],
    ("IQ", "القائم"): ["القائم", "قضاء القائم"],
    ("SY", "دير الزور"): ["دير الزور", "ديرالزور", "دير الزور"],
    ("SY", "الحسكه"): ["الحسكة", "الحسكه", "حسكة"],
    ("SY", "الحسكة"): ["الحسكة", "الحسكه", "حسكة"],
    ("SY", "البوكمال"): ["البوكمال", "البو كمال", "أبو كمال"],
    ("SY", "عين العرب"): ["عين العرب", "كوباني"],
    ("SY", "راس العين"): ["رأس العين", "راس العين", "سري كانيه"],
    ("SY", "ادلب"): ["إدلب", "ادلب"],
    ("SY", "الرقه"): ["الرقة", "الرقه"],
    ("SY", "الرقة"): ["الرقة", "الرقه"],
    ("SY", "القامشلي"): ["القامشلي", "قامشلو"],
    ("SY", "جبل سمعان"): ["جبل سمعان"],
    ("SY", "حماة"): ["حماة", "حماه"],
    ("SY", "تل ابيض"): ["تل أبيض", "كري سبي"],
    ("SY", "المالكية"): ["المالكية", "ديريك"],
}

# OCHA / OpenSyria p-code -> corrected Arabic name.  IQG01Q05 (Anah) is written عنه ("about
# him"); the press writes عانة.  IQG10Q03 is the Baladruz district (English label), whose
# Arabic label names its sub-district Mandali.
ADMIN_NAME_FIXES = {"IQG01Q05": "عانة", "IQG10Q03": "بلدروز"}

# Display Arabic names for Iraqi governorates (OCHA writes them without hamza).
GOV_DISPLAY_AR = {
    "الانبار": "الأنبار",
    "اربيل": "أربيل",
    "ديالى": "ديالى",
}

# ---------------------------------------------------------------------------------------------


def hamza_forms(src: Path) -> dict[str, str]:
    """key(name) -> the spelling with hamza seats (أربيل for اربيل) found in the WOF names."""
    forms: dict[str, str] = {}
    for r in read_csv(src / "wof-iq-sy" / "gazetteer_iq_sy_ar.csv"):
        n = clean(r["name_ar"])
        if re.search("[أإآ]", n) and ARABIC_LETTERS.match(n):
            forms.setdefault(key(n), n)
    return forms


def build_admin(src: Path) -> list[Entity]:
    """Countries, governorates, districts, subdistricts from OCHA (Iraq) and OpenSyria."""
    hamza = hamza_forms(src)
    ents: list[Entity] = []

    iq = Entity(
        id="iq",
        kind="country",
        name_ar="العراق",
        name_en="Iraq",
        admin1="",
        country="IQ",
        lat="33.0",
        lon="43.5",
        precision="country",
        source="wof",
    )
    for n in ["العراق", "جمهورية العراق"]:
        iq.add(n)
    sy = Entity(
        id="sy",
        kind="country",
        name_ar="سوريا",
        name_en="Syria",
        admin1="",
        country="SY",
        lat="35.0",
        lon="38.5",
        precision="country",
        source="wof",
    )
    for n in ["سوريا", "سورية", "الجمهورية العربية السورية"]:
        sy.add(n)
    ents += [iq, sy]

    for country, path, source in [
        ("IQ", src / "ocha-iraq-admin" / "admin_iq_ocha.csv", "ocha"),
        ("SY", src / "opensyria-admin" / "admin_sy_ocha.csv", "opensyria"),
    ]:
        rows = read_csv(path)
        by_pcode = {r["pcode"]: r for r in rows}
        used: Counter[str] = Counter()
        pending = []
        for r in rows:
            level = r["level"]
            gov = r["pcode"][: 5 if country == "IQ" else 4]
            if level == "governorate":
                gslug = slug(r["name_en"])
                eid = f"{country.lower()}.gov.{gslug}"
            else:
                parent_gov = by_pcode[gov]
                gslug = slug(parent_gov["name_en"])
                short = "dist" if level == "district" else "subdist"
                eid = f"{country.lower()}.{short}.{gslug}.{slug(r['name_en'])}"
            used[eid] += 1
            pending.append((eid, r, gov))
        for eid, r, gov in pending:
            if used[eid] > 1:
                eid = f"{eid}.{r['pcode'].lower()}"
            level = r["level"]
            name_ar = clean(ADMIN_NAME_FIXES.get(r["pcode"], r["name_ar"]))
            if level == "governorate":
                name_ar = GOV_DISPLAY_AR.get(name_ar, name_ar)
            name_ar = hamza.get(key(name_ar), name_ar)
            e = Entity(
                id=eid,
                kind=level,
                name_ar=arabize(name_ar),
                name_en=r["name_en"],
                admin1=by_pcode[gov]["name_en"],
                country=country,
                lat=fmt(float(r["lat"])),
                lon=fmt(float(r["lon"])),
                precision=level,
                source=f"{source}:{r['pcode']}",
            )
            e.add(name_ar)
            prefix = {
                "governorate": "محافظة",
                "district": "قضاء" if country == "IQ" else "منطقة",
                "subdistrict": "ناحية",
            }[level]
            base = name_ar
            if base.startswith("مركز "):
                e.add(f"{prefix} {base}")
            else:
                e.add(f"{prefix} {base}")
            for alias in r.get("aliases_ar", "").split("|"):
                alias = clean(alias)
                if not alias or alias.startswith("مركزها") or alias == "حيالين":
                    continue
                e.add(alias)
            if level in ("governorate", "district"):
                for extra in EXTRA_VARIANTS.get((country, key(name_ar)), []):
                    e.add(extra)
            if level in ("governorate", "district") and name_ar.startswith("ال"):
                bare = name_ar[2:]
                if letters(bare) >= 4 and not is_ambiguous_word(bare):
                    e.add(bare)
            e.ambiguous = is_ambiguous_word(name_ar)
            ents.append(e)
    return ents


def build_localities(src: Path, admin: list[Entity]) -> list[Entity]:
    """Cities, towns, villages and neighbourhoods from Who's On First / GeoNames."""
    rows = read_csv(src / "wof-iq-sy" / "gazetteer_iq_sy_ar.csv")
    # admin-unit names per (country, admin1) -> kind (for city/town classification)
    # (country, admin1, loose name) -> (Arabic display name, English name) of the unit
    dist_names: dict[tuple[str, str, str], tuple[str, str]] = {}
    sub_names: dict[tuple[str, str, str], tuple[str, str]] = {}
    gov_names: dict[tuple[str, str], tuple[str, str, str]] = {}
    for e in admin:
        a = e.attrs
        k = loose(a["name_ar"])
        val = (a["name_ar"], a["name_en"])
        if a["kind"] == "district":
            dist_names.setdefault((a["country"], a["admin1"], k), val)
        elif a["kind"] == "subdistrict":
            if a["name_ar"].startswith("مركز "):
                k2 = loose(a["name_ar"][5:])
                dist_names.setdefault(
                    (a["country"], a["admin1"], k2), (a["name_ar"][5:], a["name_en"])
                )
            else:
                sub_names.setdefault((a["country"], a["admin1"], k), val)
        elif a["kind"] == "governorate":
            gov_names.setdefault((a["country"], k), (*val, a["admin1"]))

    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        if r["kind"] not in ("locality", "neighbourhood"):
            continue
        groups[r["source_id"]].append(r)

    ents: list[Entity] = []
    for sid, rs in groups.items():
        rs.sort(key=lambda r: r["name_type"] != "preferred")
        first = rs[0]
        country = first["country"]
        names = []
        for r in rs:
            n = (
                WOF_NAME_FIXES.get(sid, r["name_ar"])
                if r["name_type"] == "preferred"
                else r["name_ar"]
            )
            n = clean(n)
            if re.match("^(محافظة|قضاء|ناحية) ", n) and first["kind"] == "locality":
                continue
            if n in WOF_WRONG_NAMES.get(sid, ()):
                continue
            names.append(n)
        names += WOF_EXTRA_NAMES.get(sid, [])
        names = [n for n in names if valid_name(arabize(n))]
        if not names:
            continue

        admin1 = WOF_ADMIN1_ALIASES.get(first["admin1"], first["admin1"])
        if not admin1:
            continue  # outside every governorate polygon (2 border hamlets)
        k = next(
            (
                loose(n)
                for n in names
                if (country, admin1, loose(n)) in dist_names
                or (country, loose(n)) in gov_names
                or (country, admin1, loose(n)) in sub_names
            ),
            loose(names[0]),
        )
        name_en = next((r["name_en"] for r in rs if re.search("[A-Za-z]", r["name_en"])), "")
        display = names[0]
        if first["kind"] == "neighbourhood":
            kind, precision = "zone", "neighbourhood"
        elif (country, admin1, k) in dist_names or (
            (country, k) in gov_names
            and gov_names[(country, k)][1] == admin1
            and first["wikidata_id"]
        ):
            kind, precision = "city", "town"
            unit = dist_names.get((country, admin1, k)) or gov_names[(country, k)][:2]
            display, name_en = unit
        elif (country, admin1, k) in sub_names or first["wikidata_id"]:
            kind, precision = "town", "town"
            if (country, admin1, k) in sub_names and not name_en:
                name_en = sub_names[(country, admin1, k)][1]
        else:
            if is_person_name(names[0]):
                continue  # a farm or homestead named after its owner (see SOURCES.md)
            kind, precision = "village", "town"
            # a hamlet's name that is an ordinary word ("مدينة", "الحرية") would match all over
            # the news and the hamlet is seldom the place meant: that name is dropped
            names = [n for n in names if not is_common_word(n)]
            if not names:
                continue
        if kind == "village" and is_common_word(display):
            display = names[0]
        if display.endswith("ه") and any(n == display[:-1] + "ة" for n in names):
            display = display[:-1] + "ة"
        name_en = WOF_ENGLISH_FIXES.get(sid, WOF_ENGLISH_FIXES_EXTRA.get(sid, name_en))
        if not name_en:
            name_en = f"wof {sid.split(':')[1]}"
        names.insert(0, display)
        if not is_ambiguous_word(display):
            # a variant that is an ordinary word ("خليج" for al-Khalis) is a source error
            names = [n for n in names if not is_ambiguous_word(n)]
        e = Entity(
            id="",
            kind=kind,
            name_ar=arabize(display),
            name_en=name_en,
            admin1=admin1,
            country=country,
            lat=fmt(float(first["lat"])),
            lon=fmt(float(first["lon"])),
            precision=precision,
            source=sid,
        )
        e.wof = first  # type: ignore[attr-defined]
        for n in names:
            e.add(n)
        if kind == "city":
            for extra in EXTRA_VARIANTS.get((country, key(names[0])), []):
                e.add(extra)
            if names[0].startswith("ال") and letters(names[0]) >= 6:
                bare = names[0][2:]
                if not is_ambiguous_word(bare):
                    e.add(bare)
        ents.append(e)

    ents = merge_duplicates(ents)
    return ents


KIND_RANK = {"city": 0, "town": 1, "zone": 2, "village": 3}


def merge_duplicates(ents: list[Entity]) -> list[Entity]:
    """Merge records of one settlement: same loose name, same country, within 6 km."""
    by_name: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for e in ents:
        by_name[(e.attrs["country"], loose(e.attrs["name_ar"]))].append(e)
    dropped: set[int] = set()
    for group in by_name.values():
        if len(group) < 2:
            continue
        group.sort(
            key=lambda e: (KIND_RANK[e.attrs["kind"]], not e.wof["wikidata_id"], e.attrs["source"])
        )
        for i, keep in enumerate(group):
            if id(keep) in dropped:
                continue
            for other in group[i + 1 :]:
                if id(other) in dropped:
                    continue
                d = haversine(
                    float(keep.attrs["lat"]),
                    float(keep.attrs["lon"]),
                    float(other.attrs["lat"]),
                    float(other.attrs["lon"]),
                )
                if d < 6.0:
                    for n in other.names:
                        keep.add(n)
                    dropped.add(id(other))
    return [e for e in ents if id(e) not in dropped]


def assign_locality_ids(ents: list[Entity]) -> None:
    """iq.loc.<slug>; qualified by admin1 when the slug is shared, then by the WOF id."""
    base = {}
    for e in ents:
        base[id(e)] = f"{e.attrs['country'].lower()}.loc.{slug(e.attrs['name_en'])}"
    counts = Counter(base.values())
    second = {}
    for e in ents:
        b = base[id(e)]
        if counts[b] > 1:
            b = f"{b}.{slug(e.attrs['admin1'] or 'x')}"
        second[id(e)] = b
    counts2 = Counter(second.values())
    for e in ents:
        b = second[id(e)]
        if counts2[b] > 1:
            b = f"{b}.{e.attrs['source'].split(':')[1]}"
        e.attrs["id"] = b


def _major_places(ents: list[Entity], admin: list[Entity]) -> dict[str, list[tuple[float, float]]]:
    """loose name -> positions of the governorates, districts and cities of that name."""
    major: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for e in admin + [e for e in ents if e.attrs["kind"] == "city"]:
        if e.attrs["kind"] in ("governorate", "district", "city"):
            pos = (float(e.attrs["lat"]), float(e.attrs["lon"]))
            major[loose(e.attrs["name_ar"])].append(pos)
    return major


def _named_after_far_city(
    e: Entity, name: str, major: dict[str, list[tuple[float, float]]]
) -> bool:
    """True when ``name`` is a major place's name and every place of that name is > 30 km
    from ``e``."""
    pos = major.get(loose(name), [])
    lat, lon = float(e.attrs["lat"]), float(e.attrs["lon"])
    return bool(pos) and min(haversine(lat, lon, p[0], p[1]) for p in pos) > 30.0


def prune_city_homonyms(ents: list[Entity], admin: list[Entity]) -> list[Entity]:
    """A village loses a name that is a governorate's, district's or city's more than 30 km
    away (a hamlet الناصرية in Ninewa, القائم in Salah al-Din): news that name means the city.
    Villages left without a name are dropped."""
    major = _major_places(ents, admin)
    out = []
    for e in ents:
        if e.attrs["kind"] == "village":
            e.names = [n for n in e.names if not _named_after_far_city(e, n, major)]
            if not e.names:
                continue
            if _named_after_far_city(e, e.attrs["name_ar"], major):
                e.attrs["name_ar"] = e.names[0]
        out.append(e)
    return out


def flag_far_homonyms(ents: list[Entity], major: dict[str, list[tuple[float, float]]]) -> None:
    """A town or sub-district named like a governorate, district or city more than 30 km away
    (Sinjar in Idlib, the Salahaddin resort in Erbil) is ambiguous: the name usually means the
    larger place."""
    for e in ents:
        if e.attrs["kind"] in ("town", "subdistrict"):
            if any(_named_after_far_city(e, n, major) for n in [e.attrs["name_ar"], *e.names]):
                e.ambiguous = True


def flag_localities(ents: list[Entity], admin: list[Entity]) -> None:
    """Ambiguity rules for settlements (see SOURCES.md)."""
    major = _major_places(ents, admin)
    village_count: Counter[str] = Counter(
        loose(e.attrs["name_ar"]) for e in ents if e.attrs["kind"] == "village"
    )
    for e in ents:
        a = e.attrs
        names = [a["name_ar"]] + e.names
        amb = any(is_ambiguous_word(n) for n in names)
        lk = loose(a["name_ar"])
        if a["kind"] in ("village", "zone"):
            if _named_after_far_city(e, a["name_ar"], major):
                amb = True  # a neighbourhood named like a city or governorate elsewhere
            if village_count[lk] >= 3:
                amb = True  # a name many villages share
            core = strip_al(key(a["name_ar"]))
            if letters(core) <= 3:
                amb = True
            if a["name_ar"].startswith(("البو ", "آل ", "ال ")):
                amb = True  # tribe / family names
            if any(is_word_name(n) for n in names):
                amb = WORD  # «الشرطة», «الحرية», «زارة» (in «وزارة»): only with a place cue
        e.ambiguous = amb
