"""The grammar of expressions relative to the publication day: «اليوم», «أمس», «غدا»,
weekdays («مساء الأربعاء», «يوم الجمعة الماضي»), nights («ليل السبت الأحد»), times of day,
anaphora («في اليوم ذاته») and vague expressions («قبل أيام», «مؤخرا»).
"""

from __future__ import annotations

import functools

from ..vocabulary import MONTHS, MONTHS_TWO_WORDS, WEEKDAYS
from .explicit import _Explicit
from .lexicon import (
    _ANAPHOR,
    _APPROX,
    _DAY_WORDS,
    _DAYREFS,
    _HOUR_ADJ,
    _HOUR_WORDS,
    _NIGHT,
    _NUMBER_WORDS,
    _PLURAL_SPANS,
    _QUAL_PAST,
    _SPAN_QUALS,
    _SUB_DAY_UNITS,
    _TOD,
    _TODAY_NOT,
    _UNITS,
    _VAGUE_PREP,
    _qual,
)
from .tokens import _cores, _cores_first


@functools.lru_cache(maxsize=65536)
def _may_begin_tod(word: str | None) -> bool:
    """Whether :meth:`_Relative.tod_prefix` may match at this word (cached)."""
    if word is None:
        return False
    bare = word[1:] if len(word) > 2 and word[0] in "وف" else word
    return bare in ("في", "بعد", "قبل") or any(core in _TOD for _, core in _cores(word))


class _Relative(_Explicit):
    """The rules and parts of relative expressions (on top of the calendar ones, which
    :meth:`attached_explicit` reads after a weekday)."""

    __slots__ = ()

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
        if core is None:
            return None
        after = self.w(j + 1)
        if after not in _ANAPHOR:
            return None
        for sk, c in _cores(core):
            if c == "اليوم":
                if j == i:
                    skip = sk
                return self._mk(i, skip, j + 2, kind="anaphoric", shift=_ANAPHOR[after])
        return None

    # «قبل ساعات قليلة», «قبل أيام», «بعد نحو شهرين», «خلال الأيام الماضية», «مؤخرا»
    def p_vague(self, i: int):
        word = self.w(i)
        if word is None:
            return None
        cores = _cores_first(word)
        if "مؤخرا" in cores or "موخرا" in cores:
            skip = cores["مؤخرا"] if "مؤخرا" in cores else cores["موخرا"]
            return self._mk(i, skip, i + 1, kind="vague")
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
                prep, prep_skip = c, s
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
            if nxt in WEEKDAYS or nxt in _DAYREFS or nxt in MONTHS or nxt in MONTHS_TWO_WORDS:
                return None
        j += 1
        if self.w(j) in _SPAN_QUALS or self.w(j) in _QUAL_PAST:
            j += 1
        # «قبل 10 أيام», «قبل ثلاثة أسابيع»: before the article's news days (not «قبل ساعات»)
        past = prep == "قبل" and unit not in _SUB_DAY_UNITS
        return self._mk(i, prep_skip, j, kind="vague", past=past)

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
        for skip, core in self.readings(j, first):
            if core in WEEKDAYS:
                wd = WEEKDAYS[core]
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
        first_core = None
        if not started:
            for sk, core in _cores(word):
                if core in _TOD:
                    first_core, skip = core, sk
                    break
            if first_core is None:
                return None
        tod = self.w(j) if started else first_core
        if tod in _TOD:
            if tod == "منتصف":
                if self.w(j + 1) not in _NIGHT and self.w(j + 1) != "نهار":
                    return None
                night = self.w(j + 1) in _NIGHT
                j += 2
            else:
                night = tod in _NIGHT
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
            if second is None and (after := self.w(k2)) and after.startswith("و"):
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
        if word and word[0] == "و" and word[1:] in WEEKDAYS:
            return j + 1, WEEKDAYS[word[1:]], 1
        return None
