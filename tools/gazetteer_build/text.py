"""Arabic text helpers of the gazetteer build: cleaning, comparison keys, ids, distances, and
the entity a layer is built of."""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from pathlib import Path

# ---------------------------------------------------------------------------------------------

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0610-\u061a\u06d6-\u06ed\u0640]")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
# Persian / Kurdish letters -> the letter an Arabic newspaper writes.
_PERSIAN = str.maketrans(
    {
        "گ": "ك",
        "چ": "ج",
        "پ": "ب",
        "ڤ": "ف",
        "ژ": "ز",
        "ڕ": "ر",
        "ڵ": "ل",
        "ۆ": "و",
        "ێ": "ي",
        "ی": "ي",
        "ک": "ك",
        "ە": "ه",
        "ھ": "ه",
        "ۀ": "ه",
        "ٲ": "أ",
    }
)
ARABIC_LETTERS = re.compile("^[\u0621-\u064a ]+$")
ARABIC_ANY = re.compile("[\u0621-\u064a]")


def clean(name: str) -> str:
    """Unicode-tidy a source name: presentation forms folded, invisible marks and diacritics
    removed, white space collapsed.  Persian letters are kept (see :func:`arabize`)."""
    name = unicodedata.normalize("NFKC", name)
    name = _INVISIBLE.sub("", name)
    name = _DIACRITICS.sub("", name)
    name = name.replace("،", " ").replace("-", " ")
    return " ".join(name.split())


def arabize(name: str) -> str:
    """Replace Persian/Kurdish letters by the Arabic letters the press uses (گ→ك، چ→ج ...)."""
    return name.translate(_PERSIAN)


def key(name: str) -> str:
    """Comparison key: what rasid's default normalization makes of a name (alef forms, ى→ي,
    Persian ی ک ۀ, diacritics, tatweel), used to drop redundant variants."""
    name = clean(name).translate(str.maketrans({"ی": "ي", "ک": "ك", "ۀ": "ه"}))
    name = re.sub("[أإآٱ]", "ا", name)
    return name.replace("ى", "ي")


def loose(name: str) -> str:
    """Looser key for word-list look-ups: :func:`key` plus ة→ه, ئ ؤ→ي و, no leading ال."""
    k = key(arabize(name)).replace("ة", "ه").replace("ئ", "ي").replace("ؤ", "و")
    return strip_al(k)


def strip_al(name: str) -> str:
    if name.startswith("ال") and len(name) > 4 and name[2] != " ":
        return name[2:]
    return name


def letters(name: str) -> int:
    return sum(1 for ch in name if ch != " ")


def slug(text: str) -> str:
    """ASCII id fragment of an English name: Al-Anbar -> anbar, Ain al-Asad -> ain_al_asad."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("'", "").replace("’", "").replace("`", "").replace("‘", "")
    text = re.sub("[^a-z0-9]+", "_", text).strip("_")
    text = re.sub("^(al|el|as|ash|ar|ad|at|az|an|ath|adh|aš|al)_", "", text)
    return text or "x"


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


class Entity:
    """One place/site with its names and attributes."""

    def __init__(self, **attrs: str) -> None:
        self.attrs = attrs
        self.names: list[str] = []
        self.ambiguous = False

    def add(self, name: str) -> None:
        name = clean(name)
        if not name:
            return
        for candidate in (name, arabize(name)):
            if candidate not in self.names:
                self.names.append(candidate)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def fmt(x: float) -> str:
    return f"{x:.5f}".rstrip("0").rstrip(".")
