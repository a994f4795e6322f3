"""The vocabularies rasid's modules share, each declared once: weekday and month names, the
event types and weapons of the record (SPEC) with their English names, and how they map to
ACLED's event types.

Weekday and month names are in the spelling of the date parser's folded text
(:mod:`rasid.dates.fold`: ة → ه, ى → ي, أ إ آ → ا). The Rust number grammar keeps
its own list of month names (``rust/core/src/numerals/grammar.rs``, ``MONTHS``), in the core's
normalized spelling: these tables are its source, and ``tests/test_vocabulary.py`` checks that
it knows each name here.
"""

from __future__ import annotations

__all__ = [
    "WEEKDAYS",
    "MONTHS",
    "MONTHS_TWO_WORDS",
    "HIJRI_MONTHS",
    "HIJRI_MONTHS_TWO_WORDS",
    "ENGLISH_MONTHS",
    "EVENT_TYPES",
    "WEAPONS",
    "EVENT_TYPE_NAMES",
    "WEAPON_NAMES",
    "ACLED_TYPES",
    "ACLED_TYPES_BY_WEAPON",
]

# --- calendar -------------------------------------------------------------------------------

#: Weekday names (after «ال»), in the date parser's folded spelling -> 0 = Monday … 6 = Sunday.
WEEKDAYS = {
    "الاثنين": 0,
    "الاتنين": 0,
    "الثلاثاء": 1,
    "الثلاثا": 1,
    "الثلثاء": 1,
    "الاربعاء": 2,
    "الاربعا": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
#: Gregorian month names of one word, Egyptian («يناير»), Levantine («كانون الثاني» is in
#: :data:`MONTHS_TWO_WORDS`, «شباط») and Maghreb («جانفي», «شتنبر») series, in folded
#: spelling -> month number.
MONTHS = {
    "يناير": 1,
    "جانفي": 1,
    "فبراير": 2,
    "فيفري": 2,
    "شباط": 2,
    "مارس": 3,
    "اذار": 3,
    "ابريل": 4,
    "افريل": 4,
    "نيسان": 4,
    "مايو": 5,
    "ماي": 5,
    "ايار": 5,
    "يونيو": 6,
    "يونيه": 6,
    "جوان": 6,
    "حزيران": 6,
    "يوليو": 7,
    "يوليه": 7,
    "يوليوز": 7,
    "جويليه": 7,
    "تموز": 7,
    "اغسطس": 8,
    "غشت": 8,
    "اوت": 8,
    "اب": 8,
    "سبتمبر": 9,
    "شتنبر": 9,
    "ايلول": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "نونبر": 11,
    "ديسمبر": 12,
    "دجنبر": 12,
}
#: Gregorian month names of two words («كانون الثاني», «تشرين الأول»): first word ->
#: {second word: month number}.
MONTHS_TWO_WORDS = {
    "كانون": {"الثاني": 1, "ثاني": 1, "الاول": 12, "اول": 12},
    "تشرين": {"الاول": 10, "اول": 10, "الثاني": 11, "ثاني": 11},
}
#: Hijri month names of one word.
HIJRI_MONTHS = {"محرم", "صفر", "رجب", "شعبان", "رمضان", "شوال"}
#: Hijri month names of two words («ربيع الأول», «ذو الحجة»): first word -> second words.
HIJRI_MONTHS_TWO_WORDS = {
    "ربيع": {"الاول", "الاخر", "الثاني"},
    "جمادي": {"الاولي", "الاول", "الاخره", "الاخر", "الثانيه", "الثاني"},
    "ذو": {"القعده", "الحجه"},
    "ذي": {"القعده", "الحجه"},
}

#: English month names, whatever the process's locale (``strftime``'s ``%B`` follows it).
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


# --- the event record -----------------------------------------------------------------------

#: The event types, in SPEC order.
EVENT_TYPES = (
    "rocket_attack",
    "missile_attack",
    "drone_attack",
    "air_strike",
    "shelling",
    "ied_attack",
    "armed_clash",
    "other_attack",
)

#: The weapon values, in SPEC order.
WEAPONS = (
    "katyusha_rocket",
    "rocket",
    "ballistic_missile",
    "missile",
    "drone",
    "aircraft",
    "mortar",
    "artillery",
    "ied",
    "car_bomb",
    "firearms",
)

#: English names of the event types (report headings, summaries).
EVENT_TYPE_NAMES = {
    "rocket_attack": "Rocket attack",
    "missile_attack": "Missile attack",
    "drone_attack": "Drone attack",
    "air_strike": "Air strike",
    "shelling": "Shelling",
    "ied_attack": "IED attack",
    "armed_clash": "Armed clash",
    "other_attack": "Attack",
}

#: English names of the weapons, (singular, plural).
WEAPON_NAMES = {
    "katyusha_rocket": ("Katyusha rocket", "Katyusha rockets"),
    "rocket": ("rocket", "rockets"),
    "ballistic_missile": ("ballistic missile", "ballistic missiles"),
    "missile": ("missile", "missiles"),
    "drone": ("drone", "drones"),
    "aircraft": ("aircraft", "aircraft"),
    "mortar": ("mortar round", "mortar rounds"),
    "artillery": ("artillery shell", "artillery shells"),
    "ied": ("IED", "IEDs"),
    "car_bomb": ("car bomb", "car bombs"),
    "firearms": ("firearms", "firearms"),
}


# --- ACLED ----------------------------------------------------------------------------------
# (ACLED's own conventions, its columns, actor types and country codes, are in rasid.acled.)

_REMOTE = "Explosions/Remote violence"
_SHELLING = "Shelling/artillery/missile attack"
_AIR = "Air/drone strike"
_IED = "Remote explosive/landmine/IED"
_CLASH = ("Battles", "Armed clash")

#: rasid event type -> (ACLED event_type, sub_event_type).
ACLED_TYPES = {
    "rocket_attack": (_REMOTE, _SHELLING),
    "missile_attack": (_REMOTE, _SHELLING),
    "shelling": (_REMOTE, _SHELLING),
    "drone_attack": (_REMOTE, _AIR),
    "air_strike": (_REMOTE, _AIR),
    "ied_attack": (_REMOTE, _IED),
    "armed_clash": _CLASH,
}

#: ``other_attack`` is decided by the weapon: weapon -> (ACLED event_type, sub_event_type);
#: without a weapon, an armed attack is an armed clash.
ACLED_TYPES_BY_WEAPON = {
    "katyusha_rocket": (_REMOTE, _SHELLING),
    "rocket": (_REMOTE, _SHELLING),
    "ballistic_missile": (_REMOTE, _SHELLING),
    "missile": (_REMOTE, _SHELLING),
    "mortar": (_REMOTE, _SHELLING),
    "artillery": (_REMOTE, _SHELLING),
    "drone": (_REMOTE, _AIR),
    "aircraft": (_REMOTE, _AIR),
    "ied": (_REMOTE, _IED),
    "car_bomb": (_REMOTE, _IED),
    "firearms": _CLASH,
}
