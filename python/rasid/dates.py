"""Date expressions in Arabic news, resolved against the publication date.

:func:`resolve_dates` finds every date expression of a text («أمس», «مساء الأربعاء»,
«يوم الجمعة الماضي», «17 أكتوبر/تشرين الأول 2019», «الـ19 من الشهر الجاري», «نهاية 2019»,
«قبل أيام» …) and returns them as :class:`DateMention` values whose ``start``/``end`` are
Python ``str`` indices into the text exactly as given (``text[m.start:m.end] == m.text``).
:func:`date_for_span` picks the expression that governs one clause of the text, and
:func:`infer_published` reads the news day off a dateline («الأحد (18 نيسان 2021)») for
documents that come without a publication date.

Matching runs on a folded view of the text made by the package normalizer
(:func:`rasid.normalize_with_offsets` with its default steps, ة → ه and digit folding, white
space kept as it is; harakat, tatweel and invisible marks removed, أ إ آ ٱ → ا, ى → ي,
Arabic-Indic and Persian digits → ASCII) plus ې → ي, ڤ → ف, پ → ب, so «غداً», «أمـــس»,
«نوڤمبر» and «١٧ أكتوبر» are found; every span is mapped back to the original characters.

Conventions (the decisions a reader of the output needs to know):

* A weekday alone («الاثنين», «يوم الجمعة», «فجر الأحد») is the most recent such day on or
  before ``published``: a Monday article saying «الاثنين» means that very Monday.
  With «الماضي» («يوم الجمعة الماضي») it is strictly before ``published``; with «المقبل» /
  «القادم» strictly after (and ``is_future``).
* «اليوم الجمعة» / «أمس الاثنين» / «أمس (الأحد)»: the weekday is trusted over a publication
  date that may be a day off (time zones): if ``published`` (resp. the day before it) is
  not that weekday, the adjacent day that is (``published`` + 1 for «اليوم», ``published``
  for «أمس») is used, else the most recent such weekday.
* Nights: «ليل السبت الأحد», «ليل الثلاثاء-الأربعاء», «ليلة (الاثنين - الثلاثاء)» → the
  *first* day (the evening the night begins), like the start date of UCDP/ACLED events;
  «الليلة الماضية», «ليلة أمس», «ليل أمس» → ``published`` − 1; «الليلة» alone → ``published``;
  «ليلة الاثنين» (one weekday) → that weekday.
* A day and month without a year take the latest year that puts the date no later than
  ``published`` + 7 days (so «28 ديسمبر» in an article of 2020-01-02 is 2019-12-28).
  A month with «الماضي» is the latest such month strictly before the month of ``published``;
  with «الجاري» / «الحالي» the year of ``published``; with «المقبل» the next one.
  A month alone («في يونيو») follows the same rule at month level and needs a cue before it
  (في، خلال، منذ، شهر، مطلع …), a year, a day or a qualifier, so the verb «مارس» or a
  «نيسان» car are not dates.
* Periods: «نهاية 2019», «أواخر 2019», «آخر 2019» → ``2019-12``; «مطلع 2020», «بداية 2020»,
  «أوائل 2020» → ``2020-01`` (month precision, kind ``period``); «منتصف 2019» → ``2019``.
  «الأسبوع الماضي» and other week periods → date ``None`` (kind ``period``).
* Numeric dates are day first (17/10/2019, 17-10-2019, 17.10.2019) unless they start with the
  year (2019-10-17); an impossible day-first reading with a valid month-first one is read
  month first (10/17/2019).
* Impossible dates (31 فبراير) are reported with ``date=None``.
* Vague expressions («قبل ساعات قليلة», «قبل أيام», «بعد يومين», «مؤخرا», «في وقت سابق»)
  and Hijri dates are reported with ``date=None``. «في اليوم ذاته / نفسه», «اليوم التالي»,
  «اليوم السابق» take the previous day-precision mention of the text (± 1 day), if any.
* «غدا», «بعد غد», «المقبل» and any day resolved more than one day after ``published`` (a
  later month or year) have ``is_future=True``; they are never chosen by :func:`date_for_span`.
  One day of slack allows for publication dates a day early (time zones).
* ``is_past_context`` marks expressions that place what they date before the article's own
  news days: «الماضي» / «المنصرم» / «الفائت» qualifiers, «العام الماضي», «الشهر الماضي»,
  «الأسبوع الماضي». «الليلة الماضية» and «أمس» are not past context (they are news days).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass
from itertools import compress, count
from typing import Any, Union

from .errors import OptionError, TextTypeError
from .text import OPTIONS as DEFAULT_OPTIONS
from .text import OffsetMap, normalize_with_offsets

__all__ = ["DateMention", "resolve_dates", "date_for_span", "infer_published", "weekday_of"]

PublishedLike = Union[_dt.date, _dt.datetime, str, None]

#: How many days after ``published`` a day and month without a year may still fall before
#: the previous year is taken instead (publication dates are often a day or two off).
FUTURE_GRACE_DAYS = 7


@dataclass(frozen=True)
class DateMention:
    """One date expression of a text.

    Attributes:
        start: code-point offset (Python ``str`` index) of the first character.
        end: offset one past the last character; ``text == original[start:end]``.
        text: the expression as written.
        date: ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``None`` when it cannot be resolved
            (relative expression without ``published``, vague, Hijri, impossible date).
        precision: ``"day"``, ``"month"``, ``"year"`` or ``None`` (with ``date``).
        kind: ``relative_day`` (اليوم، أمس، غدا، الليلة الماضية، مساء أمس), ``weekday``
            (الاثنين، يوم الجمعة الماضي، ليل السبت الأحد), ``explicit`` (17 أكتوبر 2019,
            17/10/2019, الـ19 من الشهر الجاري), ``month`` (يونيو 2018، الشهر الماضي),
            ``year`` (عام 2019، العام الماضي), ``period`` (نهاية 2019، الأسبوع الماضي),
            ``vague`` (قبل أيام، مؤخرا), ``anaphoric`` (في اليوم ذاته) or ``hijri``.
        is_past_context: the expression itself places the fact before the article's news days
            (a «الماضي» qualifier, «العام الماضي», «الشهر الماضي», «الأسبوع الماضي»).
        is_future: the expression points after ``published`` (غدا، المقبل، a later date).
        weekday: the weekday the expression names (0 = Monday … 6 = Sunday), or ``None``.
    """

    start: int
    end: int
    text: str
    date: str | None
    precision: str | None
    kind: str
    is_past_context: bool = False
    is_future: bool = False
    weekday: int | None = None


# ---------------------------------------------------------------------------------------------
# Folded view of the text with a map back to the original offsets: the package normalizer
# (rasid.text, in Rust) with ة → ه and digit folding, without white-space folding.

_FOLD_OPTIONS = {
    "diacritics": True,
    "tatweel": True,
    "alef": True,
    "alef_maqsura": True,
    "teh_marbuta": True,  # matching only; offsets unchanged
    "hamza": False,
    "persian": True,
    "presentation_forms": True,
    "invisible": True,
    "punctuation": False,
    "whitespace": False,
    "digits": True,
}
# letters the normalizer keeps that date words are also spelt with: «نوڤمبر», «اپريل»
_EXTRA_FOLD = str.maketrans({"ې": "ي", "ڤ": "ف", "پ": "ب"})

# harakat U+064B–U+0652, superscript alef U+0670, Quranic marks U+0610–U+061A and
# U+06D6–U+06ED, tatweel U+0640: absorbed into the end of a span they follow.
_MARKS = frozenset(
    {chr(c) for c in range(0x064B, 0x0653)}
    | {"\u0670", "\u0640"}
    | {chr(c) for c in range(0x0610, 0x061B)}
    | {chr(c) for c in range(0x06D6, 0x06EE)}
)


# the same call with only the options that differ from the defaults (fewer keywords to read)
_FOLD_KEYWORDS = {k: v for k, v in _FOLD_OPTIONS.items() if DEFAULT_OPTIONS.get(k) != v}


def _fold(text: str) -> tuple[str, OffsetMap]:
    """Fold ``text`` for matching; return the folded string and its map to ``text``."""
    folded, offsets = normalize_with_offsets(text, **_FOLD_KEYWORDS)
    if "ې" in folded or "ڤ" in folded or "پ" in folded:
        folded = folded.translate(_EXTRA_FOLD)
    return folded, offsets


# ---------------------------------------------------------------------------------------------
# Lexicon, in folded spelling.

_WEEKDAYS = {
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
_MONTHS = {
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
# «كانون الثاني», «تشرين الأول» …: first word -> {second word: month}
_MONTHS2 = {
    "كانون": {"الثاني": 1, "ثاني": 1, "الاول": 12, "اول": 12},
    "تشرين": {"الاول": 10, "اول": 10, "الثاني": 11, "ثاني": 11},
}
_HIJRI1 = {"محرم", "صفر", "رجب", "شعبان", "رمضان", "شوال"}
_HIJRI2 = {
    "ربيع": {"الاول", "الاخر", "الثاني"},
    "جمادي": {"الاولي", "الاول", "الاخره", "الاخر", "الثانيه", "الثاني"},
    "ذو": {"القعده", "الحجه"},
    "ذي": {"القعده", "الحجه"},
}
_QUAL_PAST = {"الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته", "السابق"}
_QUAL_CUR = {"الجاري", "الجاريه", "الحالي", "الحاليه"}
_QUAL_NEXT = {"المقبل", "المقبله", "القادم", "القادمه"}
_DAYREFS = {"اليوم": 0, "امس": -1, "الامس": -1, "البارحه": -1, "غدا": 1, "الغد": 1}
_TOD = {
    "صباح",
    "مساء",
    "فجر",
    "ظهر",
    "ظهيره",
    "عصر",
    "ليل",
    "ليله",
    "صبيحه",
    "ضحي",
    "غروب",
    "نهار",
    "منتصف",
}
_NIGHT = {"ليل", "ليله"}
_ORD_UNITS = {
    "الاول": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الخامس": 5,
    "السادس": 6,
    "السابع": 7,
    "الثامن": 8,
    "التاسع": 9,
    "العاشر": 10,
}
_ORD_TENS = {"العشرين": 20, "والعشرين": 20, "الثلاثين": 30, "والثلاثين": 30}
_PERIOD_EDGE = {
    "مطلع": "start",
    "بدايه": "start",
    "اوائل": "start",
    "مستهل": "start",
    "نهايه": "end",
    "اواخر": "end",
    "اخر": "end",
    "ختام": "end",
    "منتصف": "mid",
    "اواسط": "mid",
}
_SEASONS = {"ربيع", "صيف", "خريف", "شتاء"}
_YEAR_WORDS = {"عام", "العام", "سنه", "السنه"}
_MONTH_CUES = {
    "في",
    "خلال",
    "منذ",
    "حتي",
    "شهر",
    "من",
    "الي",
    "بين",
    "قبل",
    "بعد",
    "طيله",
    "طوال",
    "و",
    "او",
}
_VAGUE_PREP = {"قبل", "بعد", "منذ", "خلال", "طيله", "طوال"}
_APPROX = {"نحو", "حوالي", "قرابه", "زهاء", "بضع", "بضعه", "عده", "بعض"}
_NUMBER_WORDS = {
    "واحد",
    "اثنين",
    "ثلاث",
    "ثلاثه",
    "اربع",
    "اربعه",
    "خمس",
    "خمسه",
    "ست",
    "سته",
    "سبع",
    "سبعه",
    "ثماني",
    "ثمانيه",
    "تسع",
    "تسعه",
    "عشر",
    "عشره",
    "عشرات",
}
_UNITS = {
    "ساعه",
    "ساعات",
    "ساعتين",
    "ساعتان",
    "دقيقه",
    "دقائق",
    "دقيقتين",
    "يوم",
    "ايام",
    "يومين",
    "يومان",
    "اسبوع",
    "اسابيع",
    "اسبوعين",
    "شهر",
    "اشهر",
    "شهور",
    "شهرين",
    "عام",
    "اعوام",
    "عامين",
    "سنه",
    "سنوات",
    "سنين",
    "سنتين",
    "عقد",
    "عقود",
}
_PLURAL_SPANS = {
    "الساعات",
    "الايام",
    "الاسابيع",
    "الاشهر",
    "الشهور",
    "الاعوام",
    "السنوات",
    "الساعتين",
    "اليومين",
    "الاسبوعين",
    "الشهرين",
    "العامين",
    "السنتين",
}
_SPAN_QUALS = {
    "الماضيه",
    "الماضيين",
    "الاخيرين",
    "المنصرمين",
    "الاخيره",
    "المنصرمه",
    "القليله",
    "قليله",
    "معدوده",
    "الفائته",
    "السابقه",
}
_TODAY_NOT = {
    # «اليوم» followed by these is not "today": ordinals, «العالمي» …
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الاخير",
    "العالمي",
    "الوطني",
    "الدولي",
}
_ANAPHOR = {"ذاته": 0, "نفسه": 0, "التالي": 1, "السابق": -1}

_HOUR_WORDS = {"وقت", "ساعه", "ساعات", "الساعات"}
# the word after «في» in the expressions it begins (with _ANAPHOR one word later)
_FI_NEXT = frozenset(_HOUR_WORDS | {"ذات", "نفس"})
_HOUR_ADJ = {
    "متاخر",
    "متاخره",
    "مبكر",
    "مبكره",
    "سابق",
    "لاحق",
    "الاولي",
    "الاول",
    "المتاخره",
    "الاخيره",
    "الصباح",
    "الفجر",
    "الليل",
}

# Tokens: runs of decimal digits (``\d``, exactly what ``int()`` reads: kind ``"n"``), runs of
# other word characters (kind ``"w"`` when the first one is a letter, else ``"p"``: «²», «½»),
# single other characters (kind ``"p"``); white space separates them. A token never spans a
# space, so the text is cut at its spaces into chunks that are tokenized once and cached.
_TOKEN = re.compile(r"\d+|[^\W\d_]+|[^\s\w]|_")

# words that can begin a date expression (after clitics): other tokens are skipped at once.
_TRIGGERS = frozenset(
    set(_WEEKDAYS)
    | set(_MONTHS)
    | set(_MONTHS2)
    | _HIJRI1
    | set(_HIJRI2)
    | set(_DAYREFS)
    | _TOD
    | set(_ORD_UNITS)
    | {k for k in _ORD_TENS if k.startswith("ال")}
    | set(_PERIOD_EDGE)
    | _SEASONS
    | _YEAR_WORDS
    | _VAGUE_PREP
    | _PLURAL_SPANS
    | {"ال", "الحادي", "الواحد", "يوم", "اول", "اوائل", "في", "ذات", "نفس", "شهر", "الليله"}
    | {"مؤخرا", "موخرا", "الاونه", "الامس", "هذا", "الاسبوع", "الشهر"}
)


# ---------------------------------------------------------------------------------------------
# Parsing: a small grammar over tokens of the folded text.


@functools.lru_cache(maxsize=65536)
def _cores(word: str) -> tuple[tuple[int, str], ...]:
    """(chars skipped, core) for a word with optional proclitics و ف then ب ل (لل = ل + ال);
    cached: words repeat."""
    return tuple(_iter_cores(word))


@functools.lru_cache(maxsize=65536)
def _cores_first(word: str) -> dict[str, int]:
    """Core → chars skipped, the first reading of each core (read only: it is shared)."""
    return dict((c, s) for s, c in reversed(_cores(word)))


def _iter_cores(word: str):
    yield 0, word
    rest, skip = word, 0
    if len(rest) > 2 and rest[0] in "وف":
        rest, skip = rest[1:], 1
        yield skip, rest
    if len(rest) > 3 and rest.startswith("لل"):
        yield skip, "ال" + rest[2:]
    elif len(rest) > 2 and rest[0] in "بل":
        yield skip + 1, rest[1:]


@functools.lru_cache(maxsize=65536)
def _may_begin_tod(word: str | None) -> bool:
    """Whether :meth:`_Parser.tod_prefix` may match at this word (cached)."""
    if word is None:
        return False
    bare = word[1:] if len(word) > 2 and word[0] in "وف" else word
    return bare in ("في", "بعد", "قبل") or any(core in _TOD for _, core in _cores(word))


# the word after a day number (or after «من» after it) in the expressions it begins
_DAY_NEXT = frozenset(set(_MONTHS) | set(_MONTHS2) | _HIJRI1 | set(_HIJRI2) | {"الشهر", "هذا"})


#: Chunks (the text between two spaces) at most this long are cached, at most this many.
_CHUNK_CACHE_LEN = 48
_CHUNK_CACHE_SIZE = 30_000  # about 600 bytes an entry: 18 MB at most (then cleared)
_CHUNKS: dict[str, tuple] = {}


def _chunk_info(chunk: str) -> tuple:
    """The tokens of a chunk of folded text that holds no space, as parallel tuples: kind,
    text, start, end (offsets in the chunk), text if a word (else None), text if punctuation
    (else None); then the tokens that may begin a date expression (numbers and trigger
    words) as (index, quick check, rules: see :func:`_candidate`). Cached: chunks repeat."""
    if chunk.isalpha():  # one word (the commonest chunk)
        one = (chunk,)
        cands: Any = ((0, *_candidate(chunk)),) if _trigger(chunk) else ()
        return _cache_chunk(chunk, (_W1, one, _ZERO1, (len(chunk),), one, _NONE1, cands))
    kinds, vals, starts, ends = [], [], [], []
    for m in _TOKEN.finditer(chunk):
        val = m.group()
        first = val[0]
        kinds.append("n" if first.isdecimal() else "w" if first.isalpha() else "p")
        vals.append(val)
        starts.append(m.start())
        ends.append(m.end())
    cands = []
    for t, (kind, val) in enumerate(zip(kinds, vals)):
        if kind == "n" and len(val) in (1, 2, 4):
            # (no rule begins with a number of 3 or more than 4 digits)
            sep = (
                t + 1 < len(kinds)
                and kinds[t + 1] == "p"
                and vals[t + 1] in "/-."
                and ends[t] == starts[t + 1]
            )
            cands.append((t, _CHECK_DAY if len(val) <= 2 and not sep else 0, _NUMBER_RULES))
        elif kind == "w" and _trigger(val):
            cands.append((t, *_candidate(val)))
    info = (
        tuple(kinds),
        tuple(vals),
        tuple(starts),
        tuple(ends),
        tuple(v if k == "w" else None for k, v in zip(kinds, vals)),
        tuple(v if k == "p" else None for k, v in zip(kinds, vals)),
        tuple(cands),
    )
    return _cache_chunk(chunk, info)


_W1, _ZERO1, _NONE1, _PORCH = ("w",), (0,), (None,), (None, None)
# quick checks of a candidate, on the words after it, before its tokens are listed
_CHECK_FI, _CHECK_DAY, _CHECK_PREP = 1, 2, 3


def _candidate(word: str) -> tuple[int, tuple]:
    """(quick check, rules) of a trigger word."""
    if word == "في":
        check = _CHECK_FI
    elif _prep_only(word):
        check = _CHECK_PREP
    else:
        check = 0
    return check, _word_rules(word)


class _Quiet(tuple):
    """The entry of a chunk without candidates: an empty tuple (so false: a text's chunks
    are told apart by truth alone) that carries the chunk's tokens in :attr:`info`."""

    info: tuple


def _cache_chunk(chunk: str, info: tuple) -> tuple:
    """The entry of a chunk (its info if it holds a candidate, else a :class:`_Quiet`),
    cached when the chunk is short."""
    if not info[6]:
        quiet = _Quiet()
        quiet.info = info
        info = quiet
    if len(chunk) <= _CHUNK_CACHE_LEN:
        if len(_CHUNKS) >= _CHUNK_CACHE_SIZE:
            _CHUNKS.clear()
        _CHUNKS[chunk] = info
    return info


def _trigger(word: str) -> bool:
    """Whether ``word`` can begin a date expression: one of its cores (see
    :func:`_iter_cores`) is a trigger word. Uncached (chunks are)."""
    if word in _TRIGGERS:
        return True
    rest = word
    if len(rest) > 2 and rest[0] in "وف":
        rest = rest[1:]
        if rest in _TRIGGERS:
            return True
    if len(rest) > 3 and rest.startswith("لل"):
        return "ال" + rest[2:] in _TRIGGERS
    if len(rest) > 2 and rest[0] in "بل":
        return rest[1:] in _TRIGGERS
    return False


class _Parser:
    """The grammar over the tokens of a folded text.

    Only numbers and trigger words can begin an expression, so the tokens of the text are not
    all listed: the token lists grow by *regions*, each a run of chunks (the text between
    spaces) from the chunk of a candidate being parsed, extended chunk by chunk whenever the
    grammar looks further ahead. Token ``i`` has kind ``kind[i]`` (``"w"`` word, ``"n"``
    number, ``"p"`` punctuation), text ``val[i]``, start ``ts[i]`` and end ``te[i]``
    (positions: ``chunk * scale + offset in the chunk``, in text order, equal only where two
    tokens touch; :meth:`folded_offset` turns them into offsets of the folded text). A region
    begins with a *porch*, two slots for the two tokens before its first chunk (the grammar
    looks back two tokens at most), filled on first use; a slot with no token before it holds
    ``None`` everywhere, which every rule reads the way it reads a missing token.
    """

    __slots__ = (
        "orig",
        "offsets",
        "parts",
        "infos",
        "scale",
        "kind",
        "val",
        "ts",
        "te",
        "words",
        "puncts",
        "first_tok",
        "lo",
        "hi",
        "porch",
        "base",
        "porch_ok",
        "n",
        "_start_memo",
    )

    def __init__(self, folded: str, original: str, offsets: OffsetMap) -> None:
        self.orig = original
        self.offsets = offsets
        self.parts = parts = folded.split(" ")
        try:
            infos: list[Any] = list(map(_CHUNKS.__getitem__, parts))
        except KeyError:  # a chunk not seen yet (or too long to be cached)
            get = _CHUNKS.get
            infos = [get(part, None) for part in parts]
            for k, entry in enumerate(infos):
                if entry is None:
                    infos[k] = _chunk_info(parts[k])
        self.infos = infos
        self.scale = len(folded) + 1
        self.kind: list[str | None] = []
        self.val: list[Any] = []  # str, None past the text
        self.ts: list[Any] = []  # int, None past the text
        self.te: list[int | None] = []
        # val[i] where token i is a word (resp. punctuation), else None
        self.words: list[str | None] = []
        self.puncts: list[str | None] = []
        self.first_tok: dict[int, int] = {}  # chunk → index of its first token
        self.lo = -1  # the first chunk of the current region (-1: no region yet)
        self.hi = 0  # the next chunk to grow
        self.porch = 0  # index of the porch of the current region
        self.base = 2
        self.porch_ok = True
        self.n = 0
        self._start_memo = (0, 0)

    def folded_offset(self, pos: int) -> int:
        """The offset in the folded text of a token position (``ts[i]``, ``te[i]``)."""
        k, rel = divmod(pos, self.scale)
        k0, s0 = self._start_memo
        if k == k0:
            return s0 + rel
        if k > k0:
            s = s0 + sum(map(len, self.parts[k0:k])) + (k - k0)
        else:
            s = s0 - sum(map(len, self.parts[k:k0])) - (k0 - k)
        self._start_memo = (k, s)
        return s + rel

    def _region(self, lo: int) -> None:
        """Start a region at chunk ``lo``: its porch, then nothing."""
        self.lo = self.hi = lo
        self.porch = self.n
        self.base = self.n + 2  # the first token after the porch
        self.porch_ok = lo == 0  # nothing before the first chunk
        self.kind += _PORCH
        self.val += _PORCH
        self.ts += _PORCH
        self.te += _PORCH
        self.words += _PORCH
        self.puncts += _PORCH
        self.n += 2

    def _porch(self) -> None:
        """Fill the porch of the current region with the (up to) two tokens before it."""
        self.porch_ok = True
        slot, k = self.porch + 1, self.lo
        while slot >= self.porch and k > 0:
            k -= 1
            entry = self.infos[k]
            kinds, vals, starts, ends, words, puncts, _ = entry or entry.info
            s = k * self.scale
            for t in range(len(kinds) - 1, -1, -1):
                self.kind[slot] = kinds[t]
                self.val[slot] = vals[t]
                self.ts[slot] = s + starts[t]
                self.te[slot] = s + ends[t]
                self.words[slot] = words[t]
                self.puncts[slot] = puncts[t]
                slot -= 1
                if slot < self.porch:
                    break

    def _grow(self) -> bool:
        """Append the tokens of the next chunk; False at the end of the text."""
        k = self.hi
        infos = self.infos
        if k >= len(infos):
            return False
        self.hi = k + 1
        entry = infos[k]
        kinds, vals, starts, ends, words, puncts, _ = entry or entry.info
        self.first_tok[k] = n = self.n
        if kinds:
            s = k * self.scale
            if len(kinds) == 1:
                self.kind.append(kinds[0])
                self.val.append(vals[0])
                self.ts.append(s + starts[0])
                self.te.append(s + ends[0])
                self.words.append(words[0])
                self.puncts.append(puncts[0])
                self.n = n + 1
            else:
                self.kind += kinds
                self.val += vals
                self.ts += map(s.__add__, starts)
                self.te += map(s.__add__, ends)
                self.words += words
                self.puncts += puncts
                self.n = n + len(kinds)
        return True

    def _more(self, i: int) -> bool:
        """Whether token ``i`` (past a porch) exists, growing the region up to it."""
        while self.n <= i:
            if not self._grow():
                return False
        return True

    def all_tokens(self) -> None:
        """List every token of the text: token i of the text is then token i + 2 (after the
        porch of the only region)."""
        self._region(0)
        while self._grow():
            pass

    def _locate(self, k: int, t: int) -> int:
        """The index of token ``t`` of chunk ``k``, starting a region there if needed."""
        if k >= self.hi:
            if k > self.hi + 1 or self.lo < 0:
                self._region(k)
            while self.hi <= k:
                self._grow()
        return self.first_tok[k] + t

    def _next_words(self, k: int, t: int) -> tuple[str | None, str | None]:
        """The words (None for other tokens or past the end) of the two tokens after token
        ``t`` of chunk ``k``, read off the chunks without growing the token lists."""
        infos = self.infos
        if k + 2 < len(infos) and t == len(infos[k][4]) - 1:  # (chunk k holds t: not quiet)
            # the last token of its chunk: the next two are in the next chunks
            nxt = (infos[k + 1] or infos[k + 1].info)[4]
            if len(nxt) > 1:
                return nxt[0], nxt[1]
            if nxt:
                nxt2 = (infos[k + 2] or infos[k + 2].info)[4]
                if nxt2:
                    return nxt[0], nxt2[0]
        got: list[str | None] = []
        words, j = infos[k][4], t + 1
        while True:
            if j < len(words):
                got.append(words[j])
                if len(got) == 2:
                    return got[0], got[1]
                j += 1
                continue
            k += 1
            if k >= len(infos):
                got.extend((None, None))
                return got[0], got[1]
            words, j = (infos[k] or infos[k].info)[4], 0

    # -- token helpers ---------------------------------------------------------------------
    def w(self, i: int) -> Any:  # the word (str) at token i, None where there is none
        if self.base <= i < self.n:
            return self.words[i]
        if i >= self.n:
            while self.n <= i:
                if not self._grow():
                    return None
            return self.words[i]
        if i >= self.porch:
            if not self.porch_ok:
                self._porch()
            return self.words[i]
        return None

    def p(self, i: int) -> str | None:
        if self.base <= i < self.n:
            return self.puncts[i]
        if i >= self.n:
            return self.puncts[i] if self._more(i) else None
        if i >= self.porch:
            if not self.porch_ok:
                self._porch()
            return self.puncts[i]
        return None

    def num(self, i: int) -> int | None:
        if (i < self.n or self._more(i)) and self.kind[i] == "n":
            if len(self.val[i]) <= 4:
                if self._glued_number(i):
                    return None  # part of a grouped or decimal number («5,200», «2.5»)
                return int(self.val[i])
        return None

    def _glued_number(self, i: int) -> bool:
        if i < self.porch + 4 and not self.porch_ok:
            self._porch()
        kind, val, ts, te = self.kind, self.val, self.ts, self.te
        if kind[i - 1] == "p" and val[i - 1] in ",." and kind[i - 2] == "n":
            if te[i - 2] == ts[i - 1] and te[i - 1] == ts[i]:
                return True
        if self._more(i + 1) and kind[i + 1] == "p" and val[i + 1] in ",." and te[i] == ts[i + 1]:
            if self._more(i + 2) and kind[i + 2] == "n" and te[i + 1] == ts[i + 2]:
                return True
        return False

    def bare(self, i: int) -> str | None:
        """The word at i without a leading و / ف («وفي» → «في», «ومنذ» → «منذ»)."""
        word = self.w(i)
        if word is not None and len(word) > 2 and word[0] in "وف":
            return word[1:]
        return word

    # -- grammar ---------------------------------------------------------------------------
    def month_name(self, i: int, first: bool = False):
        """A month name at i; returns (next index, month, skip) or None."""
        word = self.w(i)
        if word is None:
            return None
        for skip, core in _cores(word) if first else ((0, word),):
            if core in _MONTHS:
                if core == "اب":
                    ch = self.orig[self._orig_index(self.folded_offset(self.ts[i] + skip))]
                    if ch in "أإ":
                        continue
                return i + 1, _MONTHS[core], skip
            if core in _MONTHS2:
                second = self.w(i + 1)
                if second in _MONTHS2[core]:
                    return i + 2, _MONTHS2[core][second], skip
        return None

    def month_group(self, i: int, first: bool = False):
        """Month name with an optional second name («أكتوبر/تشرين الأول», «آب (أغسطس)»)."""
        got = self.month_name(i, first)
        if got is None:
            return None
        j, month, skip = got
        sep = self.p(j)
        if sep in ("/", "\\", "-", "("):
            second = self.month_name(j + 1)
            if second is not None:
                k = second[0]
                if sep == "(":
                    if self.p(k) != ")":
                        return j, month, skip
                    k += 1
                return k, month, skip
        return j, month, skip

    def year_at(self, i: int):
        """A Gregorian year number at i (1900–2100), with optional «م»/«ميلادي»."""
        y = self.num(i)
        if y is None or not 1900 <= y <= 2100 or len(self.val[i]) != 4:
            return None
        j = i + 1
        if self.w(j) in ("م", "ميلادي", "ميلاديه"):
            j += 1
        if self.w(j) in ("ه", "هجري", "هجريه"):
            return None
        return j, y

    def year_part(self, i: int):
        """After a month: «2019», «، 2019», «من عام 2019», «من العام الماضي 2022», «الماضي»…

        Returns (next index, info dict) or None; info has ``year`` and/or ``year_rel`` and may
        have ``qual`` (-1 «الماضي», 0 «الجاري», +1 «المقبل»)."""
        j = i
        if self.p(j) in (",", "،"):
            j += 1
        if self.w(j) == "من":
            j += 1
        if self.w(j) in _YEAR_WORDS:
            k = j + 1
            got = self.year_at(k)
            if got:
                return got[0], {"year": got[1]}
            q = self.w(k)
            rel = _qual(q)
            if rel is not None:
                k += 1
                got = self.year_at(k)
                if got:
                    return got[0], {"year": got[1], "year_rel": rel}
                return k, {"year_rel": rel}
            return None
        if self.w(j) == "هذا" and self.w(j + 1) in _YEAR_WORDS:
            return j + 2, {"year_rel": 0}
        got = self.year_at(j)
        if got and (j == i or self.w(i) == "من" or self.p(i) in (",", "،")):
            return got[0], {"year": got[1]}
        q = _qual(self.w(i))
        if q is not None:
            k = i + 1
            got = self.year_at(k)
            if got:
                return got[0], {"qual": q, "year": got[1]}
            more = self.year_part(k) if self.w(k) == "من" else None
            if more:
                more[1]["qual"] = q
                return more
            return k, {"qual": q}
        return None

    def day_number(self, i: int, first: bool):
        """«19», «الـ19», «الـ 19», «الأول», «الحادي والعشرين».

        Returns (next, day, skip, is_word) or None."""
        skip = 0
        j = i
        word = self.w(j)
        if word is not None:
            cores = list(_cores(word)) if first else [(0, word)]
            for sk, core in cores:
                if core == "ال" and self.num(j + 1) is not None:
                    d = self.num(j + 1)
                    return j + 2, d, sk, False
                if core in _ORD_UNITS or core == "الحادي" or core == "الواحد":
                    unit = 1 if core in ("الحادي", "الواحد") else _ORD_UNITS[core]
                    k = j + 1
                    if self.w(k) == "عشر" and unit < 10:
                        return k + 1, 10 + unit, sk, True
                    if self.w(k) in _ORD_TENS and unit < 10:
                        return k + 1, _ORD_TENS[self.w(k)] + unit, sk, True
                    if core == "الحادي" or core == "الواحد":
                        return None
                    return k, unit, sk, True
                if core in _ORD_TENS and core.startswith("ال"):
                    return j + 1, _ORD_TENS[core], sk, True
            return None
        d = self.num(j)
        if d is not None and len(self.val[j]) <= 2:
            return j + 1, d, skip, False
        return None

    # ---------------------------------------------------------------------------------------
    def parse(self) -> list[dict]:
        """The expressions of the text, in order: info dicts whose ``"span"`` is the
        (start, end) of the expression in the folded text."""
        out: list[dict] = []
        skip_to = 0  # folded offset of the end of the last expression
        infos, scale = self.infos, self.scale
        for k in compress(count(), infos):  # the chunks with candidates
            info = infos[k]
            for t, check, rules in info[6]:
                if k * scale + info[2][t] < skip_to:
                    continue  # inside the last expression
                if check == _CHECK_FI:
                    # the commonest trigger: it begins «في وقت سابق», «في ساعة متأخرة من»,
                    # «في ذات اليوم», «في اليوم ذاته» and nothing else
                    w1, w2 = self._next_words(k, t)
                    if w1 not in _FI_NEXT and w2 not in _ANAPHOR:
                        continue
                elif check == _CHECK_DAY:
                    # a day number (not followed by «/», «-», «.») begins «17 (من) أكتوبر»,
                    # «15 (من) رمضان», «19 من الشهر الجاري», «19 هذا الشهر» and nothing else
                    # (the rules p_numeric, p_hijri, p_day_month)
                    w1, w2 = self._next_words(k, t)
                    if w1 not in _DAY_NEXT and (w1 != "من" or w2 not in _DAY_NEXT):
                        continue
                elif check == _CHECK_PREP:
                    # «خلال», «منذ» … begin «خلال (نحو) 3 أيام», «منذ أيام قليلة», «منذ
                    # الساعات الأولى …» and nothing else (p_vague): a word must follow that
                    # can go on (a number, whose word is None, is kept too)
                    w1 = self._next_words(k, t)[0]
                    if w1 is not None and w1 not in _PREP_NEXT:
                        continue
                i = self._locate(k, t)
                for rule in rules:
                    got = rule(self, i)
                    if got is not None:
                        a = self.ts[got.pop("start_tok")] + got.pop("skip")
                        skip_to = self.te[got.pop("end_tok") - 1]
                        got["span"] = (self.folded_offset(a), self.folded_offset(skip_to))
                        out.append(got)
                        break
        return out

    def parse_at(self, i: int) -> dict | None:
        """The date expression beginning at token ``i`` (a number or a trigger word): the
        rules of :data:`_RULES` that may match the token, tried in order."""
        fns = _NUMBER_RULES if self.kind[i] == "n" else _word_rules(self.words[i])
        for fn in fns:
            got = fn(self, i)
            if got is not None:
                return got
        return None

    def _mk(self, i: int, skip: int, j: int, **info) -> dict:
        info["start_tok"], info["skip"], info["end_tok"] = i, skip, j
        return info

    # «في اليوم ذاته», «في ذات اليوم», «اليوم التالي», «في نفس اليوم»
    def p_anaphor(self, i: int):
        word = self.w(i)
        if word is None:
            return None
        j, skip = i, 0
        if self.bare(i) == "في":
            j, skip = i + 1, len(word) - 2
        core = self.w(j)
        if core in ("ذات", "نفس") and self.w(j + 1) == "اليوم":
            return self._mk(i, skip, j + 2, kind="anaphoric", shift=0)
        if core is None or self.w(j + 1) not in _ANAPHOR:
            return None
        for sk, c in _cores(core):
            if c == "اليوم":
                if j == i:
                    skip = sk
                return self._mk(i, skip, j + 2, kind="anaphoric", shift=_ANAPHOR[self.w(j + 1)])
        return None

    # «قبل ساعات قليلة», «قبل أيام», «بعد نحو شهرين», «خلال الأيام الماضية», «مؤخرا»
    def p_vague(self, i: int):
        word = self.w(i)
        if word is None:
            return None
        cores = _cores_first(word)
        if "مؤخرا" in cores or "موخرا" in cores:
            return self._mk(i, cores.get("مؤخرا", cores.get("موخرا", 0)), i + 1, kind="vague")
        if "الاونه" in cores and self.w(i + 1) == "الاخيره":
            return self._mk(i, cores["الاونه"], i + 2, kind="vague")
        if "الامس" in cores and self.w(i + 1) == "القريب":
            return self._mk(i, cores["الامس"], i + 2, kind="vague")
        if self.bare(i) == "في" and self.w(i + 1) == "وقت" and self.w(i + 2) == "سابق":
            # «في وقت سابق من اليوم» is today: leave it to the day parser.
            k = i + 3
            if self.w(k) == "من":
                k += 1
            if self.dayref_core(k) is not None:
                return None
            return self._mk(i, len(word) - 2, i + 3, kind="vague")
        for c, s in cores.items():
            if c in _VAGUE_PREP:
                prep_skip = s
                break
        else:
            # «الأيام الماضية», «الساعات الـ24 الماضية», «اليومين الماضيين»
            for sk, c in _cores(word):
                if c in _PLURAL_SPANS or c == "ال":
                    end = self.recent_span(i, c)
                    if end is not None:
                        return self._mk(i, sk, end, kind="vague")
            return None
        j = i + 1
        if self.w(j) in ("قليل",):
            return self._mk(i, prep_skip, j + 1, kind="vague")
        end = self.recent_span(j)
        if end is not None:
            return self._mk(i, prep_skip, end, kind="vague")
        if self.w(j) in ("اكثر", "اقل") and self.w(j + 1) == "من":
            j += 2
        elif self.w(j) == "ما" and self.w(j + 1) == "يقارب":
            j += 2
        elif self.w(j) in _APPROX:
            j += 1
        if self.w(j) in _APPROX:
            j += 1
        if self.num(j) is not None or self.w(j) in _NUMBER_WORDS:
            j += 1
        unit = self.w(j)
        if unit not in _UNITS:
            return None
        if unit in ("عام", "سنه") and self.year_at(j + 1):
            return None
        if unit in ("يوم", "شهر") and self.w(j + 1) is not None:
            nxt = self.w(j + 1)
            if nxt in _WEEKDAYS or nxt in _DAYREFS or nxt in _MONTHS or nxt in _MONTHS2:
                return None
        j += 1
        if self.w(j) in _SPAN_QUALS or self.w(j) in _QUAL_PAST:
            j += 1
        return self._mk(i, prep_skip, j, kind="vague")

    def recent_span(self, j: int, first: str | None = None) -> int | None:
        """«الأيام (القليلة) الماضية», «الساعات الـ24 الماضية», «الـ48 ساعة الماضية»,
        «اليومين الماضيين» starting at token j; returns the next index or None."""
        word = first if first is not None else self.w(j)
        k = j
        if word in _PLURAL_SPANS:
            k = self._al_number(k + 1)
        elif word == "ال" and self.num(k + 1) is not None:
            k += 2
            if self.w(k) not in _UNITS:
                return None
            k += 1
        else:
            k2 = self._al_number(k)
            if k2 == k or self.w(k2) not in _UNITS:
                return None
            k = k2 + 1
        if self.w(k) not in _SPAN_QUALS:
            return None
        while self.w(k) in _SPAN_QUALS:
            k += 1
        return k

    def _al_number(self, k: int) -> int:
        """Skip «الـ24» or «24» at k."""
        if self.w(k) == "ال" and self.num(k + 1) is not None:
            return k + 2
        if self.num(k) is not None:
            return k + 1
        return k

    # 17/10/2019, 2019-10-17, 17.10.2019
    def p_numeric(self, i: int):
        kind, val, ts, te = self.kind, self.val, self.ts, self.te
        # tokens a s1 b s2 c at i … i + 4
        a, s1, b, s2, c = i, i + 1, i + 2, i + 3, i + 4
        if kind[i] != "n" or not self._more(s1) or kind[s1] != "p" or te[a] != ts[s1]:
            return None
        if val[s1] not in "/-." or not self._more(c):
            return None
        if not (kind[s2] == "p" and val[s1] == val[s2]):
            return None
        if kind[b] != "n" or kind[c] != "n":
            return None
        if not (te[a] == ts[s1] and te[s1] == ts[b] and te[b] == ts[s2] and te[s2] == ts[c]):
            return None
        # not part of a longer run of numbers («1/2/2019/5», «10.5.2019.3»)
        if self._more(i + 6):
            nx = i + 5
            if kind[nx] == "p" and val[nx] in "/-.," and kind[i + 6] == "n":
                if ts[nx] == te[c] and ts[i + 6] == te[nx]:
                    return None
        if i < self.porch + 4 and not self.porch_ok:
            self._porch()
        if kind[i - 1] == "p" and te[i - 1] == ts[a] and kind[i - 2] == "n":
            return None
        va, vb, vc = val[a], val[b], val[c]
        if len(va) == 4 and len(vb) <= 2 and len(vc) <= 2:
            y, m, d = int(va), int(vb), int(vc)
        elif len(vc) == 4 and len(va) <= 2 and len(vb) <= 2:
            d, m, y = int(va), int(vb), int(vc)
            if m > 12 and d <= 12:
                d, m = m, d
        else:
            return None
        if not 1900 <= y <= 2100:
            return None
        return self._mk(i, 0, i + 5, kind="explicit", day=d, month=m, year=y)

    # «15 رمضان 1441», «رمضان 1441 هـ», «1441 هـ»
    def p_hijri(self, i: int):
        j = i
        dn = self.day_number(i, True)
        skip = 0
        if dn is not None and not dn[3]:
            j, skip = dn[0], dn[2]
            if self.w(j) == "من":
                j += 1
        hm = self.hijri_month(j)
        if hm is not None:
            k = hm
            y = self.num(k)
            has_year = y is not None and 1300 <= y <= 1500
            if has_year:
                k += 1
                if self.w(k) in ("ه", "هجري", "هجريه"):
                    k += 1
            if dn is None and not has_year:
                return None
            return self._mk(i, skip, k, kind="hijri")
        if dn is None:
            y = self.num(i)
            if y is not None and 1300 <= y <= 1500 and self.w(i + 1) in ("ه", "هجري", "هجريه"):
                return self._mk(i, 0, i + 2, kind="hijri")
        return None

    def hijri_month(self, j: int) -> int | None:
        word = self.w(j)
        if word in _HIJRI1:
            return j + 1
        if word in _HIJRI2 and self.w(j + 1) in _HIJRI2[word]:
            return j + 2
        return None

    # «17 أكتوبر/تشرين الأول 2019», «الـ19 من الشهر الجاري», «الأول من تشرين الأول»
    def p_day_month(self, i: int, first: bool = True):
        j, skip = i, 0
        word = self.w(i)
        if first and word is not None and "يوم" in _cores_first(word):
            skip = _cores_first(word)["يوم"]
            j = i + 1
            dn = self.day_number(j, False)
        else:
            dn = self.day_number(j, first)
            if dn is not None:
                skip = dn[2]
        if dn is None:
            return None
        k, day, _, is_word = dn
        has_min = self.w(k) == "من"
        if has_min:
            k += 1
        elif is_word:
            return None
        mg = self.month_group(k)
        if mg is not None:
            k2, month, _ = mg
            info = {"kind": "explicit", "day": day, "month": month}
            yp = self.year_part(k2)
            if yp is not None:
                k2 = yp[0]
                info.update(yp[1])
            return self._mk(i, skip, k2, **info)
        # «الـ19 من الشهر الجاري», «11 من الشهر الماضي»
        if self.w(k) == "الشهر":
            rel = _qual(self.w(k + 1))
            if rel is not None:
                return self._mk(i, skip, k + 2, kind="explicit", day=day, month_rel=rel)
        if self.w(k) == "هذا" and self.w(k + 1) == "الشهر":
            return self._mk(i, skip, k + 2, kind="explicit", day=day, month_rel=0)
        return None

    def dayref_core(self, j: int, first: bool = False):
        """«اليوم», «أمس», «أول أمس», «أول من أمس», «أمس الأول», «غدا», «بعد غد», «يوم أمس».

        Returns (next, offset, skip) or None."""
        word = self.w(j)
        if word is None:
            return None
        cores = list(_cores(word)) if first else [(0, word)]
        for skip, core in cores:
            if core == "يوم":
                nxt = self.w(j + 1)
                if nxt in ("امس", "الامس", "الغد", "غد", "البارحه"):
                    off = -1 if nxt != "غد" and nxt != "الغد" else 1
                    k = j + 2
                    if off == -1 and self.w(k) == "الاول":
                        return k + 1, -2, skip
                    return k, off, skip
                return None
            if core in ("اول", "اوائل") and self.w(j + 1) == "امس":
                return j + 2, -2, skip
            if core == "اول" and self.w(j + 1) == "من" and self.w(j + 2) in ("امس", "الامس"):
                return j + 3, -2, skip
            if core == "بعد" and self.w(j + 1) in ("غد", "الغد"):
                return j + 2, 2, skip
            if core in _DAYREFS:
                k = j + 1
                if core == "اليوم":
                    nxt = self.w(k)
                    if nxt in _TODAY_NOT or nxt in _ANAPHOR:
                        return None
                    prev = self.w(j - 1)
                    if prev in ("روسيا", "ذلك", "هذا") and skip == 0 and j > 0:
                        if prev != "هذا":
                            return None
                off = _DAYREFS[core]
                if off == -1 and self.w(k) == "الاول":
                    return k + 1, -2, skip
                return k, off, skip
        return None

    def weekday_at(self, j: int, first: bool = False):
        """Weekday at j; returns (next, weekday, skip) or None."""
        word = self.w(j)
        if word is None:
            return None
        for skip, core in _cores(word) if first else ((0, word),):
            if core in _WEEKDAYS:
                wd = _WEEKDAYS[core]
                nxt = self.w(j + 1)
                if wd == 6 and nxt in ("عشر", "عشره"):
                    return None  # «الأحد عشر» = eleven
                if wd == 0:
                    prev = self.bare(j - 1)
                    if nxt in ("معا", "الاخرين", "الاخران") or prev in ("كلا", "هذين", "هذان"):
                        return None
                return j + 1, wd, skip
        return None

    def tod_prefix(self, i: int):
        """Time-of-day words before a day: «مساء», «فجر يوم», «في وقت متأخر من ليل»,
        «بعد منتصف ليلة», «في ساعة متأخرة من». Returns (next, skip, night) or None."""
        j, skip, night = i, 0, False
        word = self.w(j)
        if word is None:
            return None
        started = False
        bare = word[1:] if len(word) > 2 and word[0] in "وف" else word
        if bare == "في" and self.w(j + 1) in _HOUR_WORDS:
            # «في وقت متأخر من», «في ساعة مبكرة من», «في الساعات الأولى من»
            k = j + 2
            while self.w(k) in _HOUR_ADJ and k < j + 4:
                k += 1
            if k > j + 2:
                if self.w(k) == "من":
                    k += 1
                j, skip, started = k, len(word) - 2, True
        elif bare in ("بعد", "قبل") and self.w(j + 1) == "منتصف" and self.w(j + 2) in _NIGHT:
            return j + 3, len(word) - 3, True
        first_core: Any = None
        if not started:
            for sk, core in _cores(word):
                if core in _TOD:
                    first_core, skip = core, sk
                    break
            if first_core is None:
                return None
        core = self.w(j) if started else first_core
        if core in _TOD:
            if core == "منتصف":
                if self.w(j + 1) not in _NIGHT and self.w(j + 1) != "نهار":
                    return None
                night = self.w(j + 1) in _NIGHT
                j += 2
            else:
                night = core in _NIGHT
                j += 1
        elif not started:
            return None
        if self.w(j) == "يوم":
            j += 1
        return j, skip, night

    # «اليوم», «أمس الاثنين», «مساء الأربعاء», «يوم الجمعة الماضي», «ليل السبت الأحد»,
    # «الثلاثاء (24 آب 2021)», «الليلة الماضية»
    def p_dayref(self, i: int):
        tod = self.tod_prefix(i) if _may_begin_tod(self.words[i]) else None
        night = False
        if tod is not None:
            j, skip, night = tod
            first = False
        else:
            j, skip, first = i, 0, True
            word = self.w(i)
            if word is not None:
                for sk, core in _cores(word):
                    if core == "الليله":
                        nxt = self.w(i + 1)
                        if nxt == "قبل" and self.w(i + 2) in _QUAL_PAST:
                            # «الليلة قبل الماضية»: the night before last
                            return self._mk(i, sk, i + 3, kind="relative_day", offset=-2)
                        if nxt in _QUAL_PAST:
                            return self._mk(i, sk, i + 2, kind="relative_day", offset=-1)
                        if nxt in ("امس", "البارحه"):
                            return self._mk(i, sk, i + 2, kind="relative_day", offset=-1)
                        if self.weekday_at(i + 1) is None and self.dayref_core(i + 1) is None:
                            return self._mk(i, sk, i + 1, kind="relative_day", offset=0)
                        j, skip, night, first = i + 1, sk, True, False
                        break
                    if core == "يوم" and self.weekday_at(i + 1) is not None:
                        j, skip, first = i + 1, sk, False
                        break
        dr = self.dayref_core(j, first)
        if dr is not None:
            k, off, sk = dr
            if first:
                skip = sk
            info: dict = {"kind": "relative_day", "offset": off}
            # «اليوم الجمعة», «أمس (الأحد)», «أمس، الاثنين»
            wk = k
            paren = self.p(wk) == "("
            if paren or self.p(wk) in (",", "،"):
                wk += 1
            wdg = self.weekday_at(wk)
            if wdg is not None and (not paren or self.p(wdg[0]) == ")"):
                k = wdg[0] + (1 if paren else 0)
                info["weekday"] = wdg[1]
            if "weekday" in info:
                # «صباح اليوم السبت 18 تشرين الثاني 2023»: the stated date wins
                ex = self.attached_explicit(k)
                if ex is not None:
                    end, ex_info = ex
                    ex_info.update(weekday=info["weekday"], offset=off)
                    return self._mk(i, skip, end, **ex_info)
            if info["offset"] > 0:
                info["future"] = True
            return self._mk(i, skip, k, **info)
        paren_night = night and self.p(j) == "(" and self.weekday_at(j + 1) is not None
        wdg = self.weekday_at(j + 1 if paren_night else j, first)
        if wdg is None:
            return None
        k, wd, sk = wdg
        if first:
            skip = sk
        info = {"kind": "weekday", "weekday": wd}
        # night pair: «ليل السبت الأحد», «ليل الثلاثاء-الأربعاء», «ليلة الخميس على الجمعة»
        if night:
            k2 = k
            if self.p(k2) in ("-", "/", "–") or self.w(k2) in ("علي", "الي", "و"):
                k2 += 1
            second = self.weekday_at(k2)
            if second is None and self.w(k2) and self.w(k2).startswith("و"):
                second = self.weekday_at_core(k2)
            if second is not None and second[1] == (wd + 1) % 7:
                k = second[0]
                info["night_pair"] = True
        if paren_night:
            # «ليلة (الاثنين - الثلاثاء)»: the parenthesis must close
            if self.p(k) != ")":
                return None
            k += 1
        q = _qual(self.w(k))
        if q is not None:
            info["qual"] = q
            k += 1
        elif self.w(k) == "قبل" and _qual(self.w(k + 1)) == -1:
            info["qual"] = -2  # «الجمعة قبل الماضية»: the one before last
            k += 2
        # weekday followed by an explicit date: «الثلاثاء (24 آب 2021)», «السبت 6/11/2021»
        ex = self.attached_explicit(k)
        if ex is not None:
            end, ex_info = ex
            ex_info["weekday"] = wd
            return self._mk(i, skip, end, **ex_info)
        return self._mk(i, skip, k, **info)

    def attached_explicit(self, k: int):
        """An explicit date right after a weekday: «(24 آب 2021)», «، 6/11/2021»,
        «الموافق 18 نيسان». Returns (next index, info without span keys) or None."""
        paren = self.p(k) == "("
        if paren or self.p(k) in (",", "،"):
            k += 1
        if self.w(k) == "الموافق":
            k += 1
        if not self._more(k):
            return None
        if self.kind[k] != "n" and self.words[k] not in _DAY_WORDS:
            return None  # neither p_numeric nor p_day_month (not first) begins here
        ex = self.p_numeric(k)
        if ex is None:
            ex = self.p_day_month(k, first=False)
        if ex is None:
            return None
        end = ex["end_tok"]
        if paren:
            if self.p(end) != ")":
                return None
            end += 1
        info = {key: v for key, v in ex.items() if key not in ("start_tok", "skip", "end_tok")}
        return end, info

    def weekday_at_core(self, j: int):
        word = self.w(j)
        if word and word[0] == "و" and word[1:] in _WEEKDAYS:
            return j + 1, _WEEKDAYS[word[1:]], 1
        return None

    # «نهاية 2019», «مطلع الشهر الجاري», «أواخر أكتوبر», «الأسبوع الماضي», «الشهر الماضي»,
    # «العام الماضي»
    def p_period(self, i: int):
        word = self.w(i)
        if word is None:
            return None
        edge = None
        j, skip = i, 0
        for sk, core in _cores(word):
            if core in _PERIOD_EDGE:
                edge, skip, j = _PERIOD_EDGE[core], sk, i + 1
                break
            if core in _SEASONS and self.w(i + 1) not in _MONTHS2.get(core, ()):
                if core == "ربيع" and self.w(i + 1) in _HIJRI2["ربيع"]:
                    return None
                edge, skip, j = "season", sk, i + 1
                break
        first = edge is None
        target = self.w(j)
        if target is None:
            if edge and edge != "season":
                got = self.year_at(j)
                if got:
                    return self._mk(i, skip, got[0], kind="period", edge=edge, year=got[1])
            if edge == "season":
                got = self.year_at(j)
                if got:
                    return self._mk(i, skip, got[0], kind="period", edge="mid", year=got[1])
            return None
        cores = list(_cores(target)) if first else [(0, target)]
        for sk, core in cores:
            if first:
                skip = sk
            if core in ("الاسبوع", "الشهر", "العام", "السنه") or (
                core == "هذا" and self.w(j + 1) in ("الاسبوع", "الشهر", "العام")
            ):
                if core == "هذا":
                    unit, rel, k = self.w(j + 1), 0, j + 2
                else:
                    unit, rel, k = core, _qual(self.w(j + 1)), j + 2  # type: ignore[assignment]
                    if rel is None and self.w(j + 1) == "قبل" and _qual(self.w(j + 2)) == -1:
                        rel, k = -2, j + 3  # «العام قبل الماضي»
                    if rel is None:
                        if edge is not None and unit in ("العام", "السنه"):
                            got = self.year_at(j + 1)
                            if got:
                                return self._mk(
                                    i, skip, got[0], kind="period", edge=edge, year=got[1]
                                )
                        if edge is not None and unit in ("الشهر", "الاسبوع", "العام", "السنه"):
                            # «مطلع العام», «نهاية الشهر»: the current one
                            return self._mk(
                                i, skip, j + 1, kind="period", edge=edge, unit=unit, rel=0
                            )
                        continue
                info: dict = {"unit": unit, "rel": rel}
                if edge is not None:
                    info["edge"] = edge
                if unit in ("العام", "السنه"):
                    got = self.year_at(k)
                    if got:
                        k, info["year"] = got
                kind = {"الاسبوع": "period", "الشهر": "month"}.get(unit, "year")
                if edge is not None:
                    kind = "period"
                return self._mk(i, skip, k, kind=kind, **info)
            if not first:
                break
        if edge is None:
            return None
        mg = self.month_group(j)
        if mg is not None:
            k, month, _ = mg
            info = {"kind": "period", "edge": edge, "month": month}
            yp = self.year_part(k)
            if yp is not None:
                k = yp[0]
                info.update(yp[1])
            return self._mk(i, skip, k, **info)
        return None

    # «في يونيو 2018», «تشرين الاول من العام الماضي 2022», «آب/أغسطس الماضي», «شهر أكتوبر»
    def p_month(self, i: int):
        word = self.w(i)
        if word is None:
            return None
        j, skip, cue = i, 0, False
        for sk, core in _cores(word):
            if core == "شهر" and self.month_name(i + 1) is not None:
                j, skip, cue = i + 1, sk, True
                break
        mg = self.month_group(j, first=(j == i))
        if mg is None:
            return None
        k, month, sk = mg
        if j == i:
            skip = sk
        info: dict = {"kind": "month", "month": month}
        yp = self.year_part(k)
        if yp is not None:
            k = yp[0]
            info.update(yp[1])
        elif not cue:
            prev = self.bare(i - 1)
            if prev is None and self.p(i - 1) in ("(", "«", '"', "“"):
                prev = self.bare(i - 2)
            if prev not in _MONTH_CUES and skip == 0:
                return None
            if skip and word[0] not in "وبل":
                return None
            if self.val[i] in ("مارس", "ومارس") and prev not in _MONTH_CUES:
                return None
        return self._mk(i, skip, k, **info)

    # «عام 2019», «العام 2019», «سنة 2019», «في 2019», «2019م», «منذ 2014»
    def p_year(self, i: int):
        word = self.w(i)
        if word is not None:
            for sk, core in _cores(word):
                if core in _YEAR_WORDS:
                    got = self.year_at(i + 1)
                    if got:
                        return self._mk(i, sk, got[0], kind="year", year=got[1])
                    return None
            return None
        got = self.year_at(i)
        if got is None:
            return None
        marked = got[0] > i + 1
        prev = self.bare(i - 1)
        if marked or prev in ("في", "خلال", "منذ", "حتي", "بين", "قبل", "بعد", "عامي", "سنتي"):
            return self._mk(i, 0, got[0], kind="year", year=got[1])
        return None

    # -- offsets ---------------------------------------------------------------------------
    def _orig_index(self, k: int) -> int:
        """The original index of folded character ``k``."""
        return self.offsets.to_original(k, k + 1)[0]

    def span(self, info: dict) -> tuple[int, int]:
        """The (start, end) in the original text of an expression :meth:`parse` found."""
        a, b = info["span"]
        if self.offsets.breakpoints:
            to_original = self.offsets.to_original
            start = to_original(a, a + 1)[0]
            end = to_original(b - 1, b)[0] + 1
        else:  # folding kept every character where it was: the map is the identity
            start, end = a, b
        # absorb harakat / tatweel written after the last letter («غداً», «أمسِ»)
        while end < len(self.orig) and self.orig[end] in _MARKS:
            end += 1
        return start, end


# The rules parse_at tries, in order, and the words that each may begin with (a word may begin
# a rule when one of its cores, see _cores, is in the set; the rule code is the reference).
_RULES = (
    _Parser.p_anaphor,
    _Parser.p_vague,
    _Parser.p_numeric,
    _Parser.p_hijri,
    _Parser.p_day_month,
    _Parser.p_dayref,
    _Parser.p_period,
    _Parser.p_month,
    _Parser.p_year,
)
_NUMBER_RULES = (_Parser.p_numeric, _Parser.p_hijri, _Parser.p_day_month, _Parser.p_year)
_ORDINALS = frozenset(
    set(_ORD_UNITS) | {"الحادي", "الواحد"} | {k for k in _ORD_TENS if k.startswith("ال")}
)
# the words (besides numbers) at which the day of a date may begin (day_number, not first)
_DAY_WORDS = frozenset({"ال"} | _ORDINALS)
_RULE_CORES = {
    _Parser.p_anaphor: frozenset({"في", "اليوم"}),
    _Parser.p_vague: frozenset(
        {"مؤخرا", "موخرا", "الاونه", "الامس", "في", "ال"} | _VAGUE_PREP | _PLURAL_SPANS
    ),
    _Parser.p_hijri: frozenset({"ال"}),
    _Parser.p_day_month: frozenset({"يوم", "ال"} | _ORDINALS),
    _Parser.p_dayref: frozenset(
        _TOD
        | {"الليله", "يوم", "اول", "اوائل", "بعد", "قبل", "في"}
        | set(_DAYREFS)
        | set(_WEEKDAYS)
    ),
    _Parser.p_period: frozenset(
        set(_PERIOD_EDGE) | _SEASONS | {"الاسبوع", "الشهر", "العام", "السنه", "هذا"}
    ),
    _Parser.p_month: frozenset({"شهر"} | set(_MONTHS) | set(_MONTHS2)),
    _Parser.p_year: frozenset(_YEAR_WORDS),
}
# whole words (no clitics) that begin a rule
_RULE_WORDS = {
    _Parser.p_anaphor: frozenset({"ذات", "نفس"}),
    _Parser.p_hijri: frozenset(_HIJRI1 | set(_HIJRI2)),
}


# the word after «خلال», «منذ» … in the expressions they begin (see p_vague)
_PREP_NEXT = frozenset(
    {"قليل", "ال", "اكثر", "اقل", "ما"} | _PLURAL_SPANS | _APPROX | _NUMBER_WORDS | _UNITS
)


@functools.lru_cache(maxsize=65536)
def _prep_only(word: str | None) -> bool:
    """Whether the only rule a word may begin is p_vague, through its preposition branch
    (a core in _VAGUE_PREP, none of its earlier cases)."""
    if word is None or _word_rules(word) != (_Parser.p_vague,):
        return False
    cores = _cores_first(word)
    if {"مؤخرا", "موخرا", "الاونه", "الامس"} & cores.keys():
        return False
    if (word[1:] if len(word) > 2 and word[0] in "وف" else word) == "في":
        return False
    return any(c in _VAGUE_PREP for c in cores)


@functools.lru_cache(maxsize=65536)
def _word_rules(word: str | None) -> tuple:
    """The rules of :data:`_RULES` that a token may begin: a word (or ``None`` for
    punctuation, which begins none)."""
    if word is None:
        return ()
    cores = {core for _, core in _cores(word)}
    return tuple(
        fn
        for fn in _RULES
        if not cores.isdisjoint(_RULE_CORES.get(fn, ())) or word in _RULE_WORDS.get(fn, ())
    )


def _qual(word: str | None) -> int | None:
    if word in _QUAL_PAST:
        return -1
    if word in _QUAL_CUR:
        return 0
    if word in _QUAL_NEXT:
        return 1
    return None


# ---------------------------------------------------------------------------------------------
# Resolution


def _to_date(published: PublishedLike) -> _dt.date | None:
    if isinstance(published, str):
        return _date_of_string(published)
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        return published.date()
    if isinstance(published, _dt.date):
        return published
    raise OptionError(
        f"published must be a date, datetime, ISO string or None, not {type(published).__name__}"
    )


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[Tt ])")


@functools.lru_cache(maxsize=4096)
def _date_of_string(published: str) -> _dt.date | None:
    """The date of an ISO date string (cached: every block of a text has the same)."""
    s = published.strip()
    if not s:
        return None  # an empty field means no publication date
    m = _ISO_DATE.match(s)
    if m:
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    raise OptionError(f"published must be an ISO date like '2020-03-12', got {published!r}")


_DAY = _dt.timedelta(days=1)


def _safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _month_index(y: int, m: int) -> int:
    return y * 12 + (m - 1)


def _weekday_on_or_before(ref: _dt.date, wd: int) -> _dt.date:
    return ref - _dt.timedelta(days=(ref.weekday() - wd) % 7)


@functools.lru_cache(maxsize=4096)
def _resolve_weekday(pub: _dt.date, wd: int, qual: int | None) -> _dt.date:
    """The day a weekday means in an article of ``pub`` (cached: a text repeats its date)."""
    if qual is not None and qual < 0:
        last = _weekday_on_or_before(pub - _dt.timedelta(days=1), wd)
        return last - _dt.timedelta(days=7 * (-qual - 1))
    if qual == 1:
        return pub + _dt.timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)
    return _weekday_on_or_before(pub, wd)


def _resolve(info: dict, pub: _dt.date | None, prev_day: str | None):
    """Return (date string or None, precision or None, is_past_context, is_future)."""
    kind = info["kind"]
    past = bool(info.get("past"))
    future = bool(info.get("future"))
    day = _DAY
    d: _dt.date | None  # the day found, in the branches that find one

    if kind == "relative_day":
        if pub is None:
            return None, None, past, future
        off = info["offset"]
        target = pub + off * day
        wd = info.get("weekday")
        if wd is not None and target.weekday() != wd:
            if (target + day).weekday() == wd and off <= 0:
                target = target + day
            else:
                target = _weekday_on_or_before(target, wd)
        return target.isoformat(), "day", past, future

    if kind == "weekday":
        qual = info.get("qual")
        past = past or (qual is not None and qual < 0)
        future = future or qual == 1
        if pub is None:
            return None, None, past, future
        d = _resolve_weekday(pub, info["weekday"], qual)
        return d.isoformat(), "day", past, future

    if kind == "anaphoric":
        if prev_day is None:
            return None, None, past, future
        d = _dt.date.fromisoformat(prev_day) + info["shift"] * day
        return d.isoformat(), "day", past, future or (pub is not None and d > pub + day)

    if kind in ("vague", "hijri"):
        return None, None, past, future

    # explicit / month / year / period
    qual = info.get("qual")
    year_rel = info.get("year_rel")
    month_rel = info.get("month_rel")
    rel = info.get("rel")
    if any(v is not None and v < 0 for v in (qual, year_rel, month_rel, rel)):
        past = True
    if qual == 1 or year_rel == 1 or month_rel == 1 or rel == 1:
        future = True
    year = info.get("year")
    month = info.get("month")
    dday = info.get("day")
    unit = info.get("unit")
    edge = info.get("edge")

    if unit == "الاسبوع":
        return None, None, past, future
    if unit in ("العام", "السنه") and month is None:
        if year is None:
            if pub is None or rel is None:
                return None, None, past, future
            year = pub.year + rel
        return _edge_date(year, edge), _edge_prec(edge), past, future
    if unit == "الشهر":
        if pub is None or rel is None:
            return None, None, past, future
        mi = _month_index(pub.year, pub.month) + rel
        return f"{mi // 12:04d}-{mi % 12 + 1:02d}", "month", past, future
    if month_rel is not None:
        if pub is None:
            return None, None, past, future
        mi = _month_index(pub.year, pub.month) + month_rel
        y, m = mi // 12, mi % 12 + 1
        d = _safe_date(y, m, info["day"])  # month_rel comes with a day
        if d is None:
            return None, None, past, future
        return d.isoformat(), "day", past, future or d > pub + day

    if month is not None:
        if year is None and year_rel is not None and pub is not None:
            year = pub.year + year_rel
        if year is None:
            if pub is None:
                return None, None, past, future
            year = _infer_year(pub, month, dday, qual)
            if year is None:
                return None, None, past, future
        if dday is not None:
            if not 1 <= month <= 12:
                return None, None, past, future
            d = _safe_date(year, month, dday)
            if d is None:
                return None, None, past, future
            return d.isoformat(), "day", past, future or (pub is not None and d > pub + day)
        if not 1 <= month <= 12:
            return None, None, past, future
        if pub is not None and _month_index(year, month) > _month_index(pub.year, pub.month):
            future = True
        return f"{year:04d}-{month:02d}", "month", past, future
    if year is not None:
        if pub is not None and year > pub.year:
            future = True
        return _edge_date(year, edge), _edge_prec(edge), past, future
    return None, None, past, future


def _edge_date(year: int, edge: str | None) -> str:
    if edge == "end":
        return f"{year:04d}-12"
    if edge == "start":
        return f"{year:04d}-01"
    return f"{year:04d}"


def _edge_prec(edge: str | None) -> str:
    return "month" if edge in ("end", "start") else "year"


def _infer_year(pub: _dt.date, month: int, dday: int | None, qual: int | None):
    if not 1 <= month <= 12:
        return None
    if qual == 0:
        return pub.year
    if qual == -1:
        mi = _month_index(pub.year, pub.month)
        return pub.year if _month_index(pub.year, month) < mi else pub.year - 1
    if qual == 1:
        mi = _month_index(pub.year, pub.month)
        return pub.year if _month_index(pub.year, month) > mi else pub.year + 1
    limit = pub + _dt.timedelta(days=FUTURE_GRACE_DAYS)
    for y in (pub.year + 1, pub.year, pub.year - 1):
        if dday is None:
            if _month_index(y, month) <= _month_index(pub.year, pub.month):
                return y
            continue
        d = _safe_date(y, month, dday)
        if d is None:
            # 29 February in a year without it: keep looking at earlier years
            continue
        if d <= limit:
            return y
    return pub.year


# ---------------------------------------------------------------------------------------------
# Public API


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TextTypeError(f"text must be str, not {type(text).__name__}")
    return text


_new_object = object.__new__


def resolve_dates(text: str, published: PublishedLike = None) -> list[DateMention]:
    """Find and resolve every date expression of ``text``.

    Args:
        text: an Arabic text (``str``).
        published: the publication date (``datetime.date``, ``datetime.datetime`` or an ISO
            string such as ``"2020-03-12"`` or ``"2020-03-12T08:00:00Z"``), or ``None``: then
            only absolute dates resolve; relative ones are still reported, with ``date=None``.
            An empty or blank string counts as ``None``.

    Returns:
        The mentions in text order, ``text[m.start:m.end] == m.text`` for each.

    Raises:
        rasid.errors.TextTypeError: ``text`` is not a ``str``.
        rasid.errors.InvalidTextError: ``text`` holds a lone surrogate.
        rasid.errors.OptionError: ``published`` is not a date or an ISO date string.

    >>> [(m.text, m.date) for m in resolve_dates("قصف صاروخي مساء أمس", "2020-03-12")]
    [('مساء أمس', '2020-03-11')]
    """
    text = _check_text(text)
    pub = _to_date(published)
    if not text:
        return []
    folded, offsets = _fold(text)
    parser = _Parser(folded, text, offsets)
    out: list[DateMention] = []
    prev_day: str | None = None  # the last day-precision date (ISO)
    for info in parser.parse():
        start, end = parser.span(info)
        try:
            date, precision, past, future = _resolve(info, pub, prev_day)
        except OverflowError:  # «أمس» of 0001-01-01: a day before the calendar's first
            date, precision = None, None
            past, future = bool(info.get("past")), bool(info.get("future"))
        if precision == "day" and date is not None:
            prev_day = date
        m = _new_object(DateMention)
        # what the frozen dataclass __init__ does, in one step
        m.__dict__.update(
            start=start,
            end=end,
            text=text[start:end],
            date=date,
            precision=precision,
            kind=info["kind"],
            is_past_context=past,
            is_future=future,
            weekday=info.get("weekday"),
        )
        out.append(m)
    return out


def weekday_of(word: str) -> int | None:
    """The weekday (0 = Monday … 6 = Sunday) one word names, after proclitics
    («والجمعة» → 4), or ``None``."""
    folded, _ = _fold(word.strip())
    for _skip, core in _cores(folded):
        wd = _WEEKDAYS.get(core)
        if wd is not None:
            return wd
    return None


def infer_published(text: str) -> _dt.date | None:
    """Guess the news day of a text that carries it, for documents without ``published``.

    Only a weekday written together with a full explicit date counts («الأحد (18 نيسان 2021)»,
    «السبت 6/11/2021», «اليوم الثلاثاء 24 آب 2021»), the way datelines and agency leads state
    it; the first such mention whose weekday agrees with its date is returned (the day after
    it for «أمس الأحد 18 نيسان 2021»), else ``None``.
    """
    text = _check_text(text)
    folded, offsets = _fold(text)
    parser = _Parser(folded, text, offsets)
    for info in parser.parse():
        if info.get("kind") != "explicit" or "weekday" not in info or "year" not in info:
            continue
        if "year_rel" in info or info.get("day") is None or info.get("month") is None:
            continue
        d = _safe_date(info["year"], info["month"], info["day"])
        if d is not None and d.weekday() == info["weekday"]:
            # «أمس الأحد 18 نيسان 2021»: the news day is the day after the stated one
            return d - _dt.timedelta(days=info.get("offset", 0))
    return None


_SENTENCE_END = re.compile(r"[!?؟\n…]|\.(?!\d)")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    s = 0
    for m in _SENTENCE_END.finditer(text, 0, max(start, 0)):
        # a full stop between digits (17.10.2019, 2.5) does not end a sentence
        if m.group() == "." and m.start() > 0 and text[m.start() - 1].isdigit():
            continue
        s = m.end()
    e = len(text)
    for m in _SENTENCE_END.finditer(text, max(end, start), len(text)):
        if m.group() == "." and m.start() > 0 and text[m.start() - 1].isdigit():
            continue
        e = m.start()
        break
    return s, e


_NEWS_DAY_KINDS = ("relative_day", "weekday", "explicit")


def date_for_span(
    mentions: list[DateMention],
    start: int,
    end: int,
    text: str,
    *,
    fallback: bool = False,
) -> DateMention | None:
    """The date expression that governs the clause ``text[start:end]``.

    Candidates are the mentions of the same sentence as the clause (a sentence ends at
    ``. ! ? ؟ …`` or a line break; a full stop between digits does not count) that are
    not ``is_future``. Preference:

    1. a mention overlapping the clause (the first one if several);
    2. else the nearest mention before the clause in the sentence;
    3. else the nearest mention after the clause in the sentence («قتل جنديان في هجوم
       على القاعدة مساء الأربعاء.» states the date after the clause).

    When the sentence has none, ``None`` is returned unless ``fallback`` is true: then the
    article's news day is used, i.e. the nearest *news-day* mention (``relative_day``,
    ``weekday`` or day-precision ``explicit``, neither ``is_past_context`` nor ``is_future``)
    before the clause in the text, else the first one after it. Use it for the events an
    article reports, not for recalled (background) ones.
    """
    _check_text(text)
    if start > end:
        raise OptionError(f"start ({start}) is after end ({end})")
    s, e = _sentence_bounds(text, start, end)
    inside: list[DateMention] = []
    before: list[DateMention] = []
    after: list[DateMention] = []
    for m in mentions:
        if m.is_future or m.start < s or m.end > e:
            continue
        if m.start < end and m.end > start:
            inside.append(m)
        elif m.end <= start:
            before.append(m)
        else:
            after.append(m)
    if inside:
        return min(inside, key=lambda m: m.start)
    if before:
        return max(before, key=lambda m: m.end)
    if after:
        return min(after, key=lambda m: m.start)
    if not fallback:
        return None
    news = [
        m
        for m in mentions
        if m.kind in _NEWS_DAY_KINDS
        and not m.is_future
        and not m.is_past_context
        and (m.kind != "explicit" or m.precision in ("day", None))
    ]
    earlier = [m for m in news if m.end <= start]
    if earlier:
        return max(earlier, key=lambda m: m.end)
    later = [m for m in news if m.start >= end]
    if later:
        return min(later, key=lambda m: m.start)
    return None
