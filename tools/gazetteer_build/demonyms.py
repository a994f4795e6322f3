"""Demonyms (nisba adjectives and plurals) of the countries the press names as actors: «الجيش
التركي», «القوات الإسرائيلية», «طائرة مسيرة تركية», «الخبراء الروس».  Part of the regional layer:
rows of kind ``demonym`` (no coordinates: a demonym is no place) that tie the word to its
country's ISO code, for :func:`rasid.gazetteer.actor_country`."""

from __future__ import annotations

from pathlib import Path

from .text import Entity, read_csv

SOURCES = Path(__file__).resolve().parent / "sources"

# The endings of a nisba adjective the press writes after its stem («تركي») when it names an
# actor: feminine (also the plural of things: «القوات التركية»), the sound plural of persons
# («الجنود الإسرائيليين»).  Duals and the feminine plural are left out: rare for actors, and each
# form costs the default gazetteer's word table room (see SOURCES.md).
NISBA_ENDINGS = ("", "ة", "ون", "ين")


def demonym_forms(nisba: str) -> list[str]:
    """Every form of a nisba adjective, bare and with the article: «تركي», «التركية» …"""
    forms = [nisba + end for end in NISBA_ENDINGS]
    return forms + ["ال" + f for f in forms]


def build_demonyms(countries: dict[str, Entity]) -> list[Entity]:
    """Demonym entities (``sources/demonyms.csv``), one per country, named by its country
    (``countries``: the country entities by ISO code)."""
    ents = []
    for row in read_csv(SOURCES / "demonyms.csv"):
        cc = row["country"]
        country = countries.get(cc)
        if country is None:
            raise SystemExit(f"demonyms.csv: no country {cc}")
        e = Entity(
            id=f"{cc.lower()}.demonym",
            kind="demonym",
            name_ar=country.attrs["name_ar"],
            name_en=country.attrs["name_en"],
            admin1="",
            country=cc,
            lat="",
            lon="",
            precision="",
            source=row["source"],
        )
        for nisba in row["nisba"].split("|"):
            for form in demonym_forms(nisba):
                e.add(form)
        for plural in filter(None, row["plurals"].split("|")):
            e.add(plural)
            e.add("ال" + plural)
        ents.append(e)
    return ents
