"""The grammar of calendar expressions: day, month and year («17 أكتوبر/تشرين الأول 2019»,
«الـ19 من الشهر الجاري»), numeric dates (17/10/2019), Hijri dates, months alone, years and
periods («نهاية 2019», «العام الماضي»).

Each ``p_*`` rule returns the info dict of the expression beginning at token ``i`` (see
:meth:`rasid.dates.tokens._Tokens._mk`), or None.
"""

from __future__ import annotations

from ..vocabulary import HIJRI_MONTHS, HIJRI_MONTHS_TWO_WORDS, MONTHS, MONTHS_TWO_WORDS
from .lexicon import (
    _MONTH_CUES,
    _ORD_TENS,
    _ORD_UNITS,
    _PERIOD_EDGE,
    _SEASONS,
    _YEAR_WORDS,
    _qual,
)
from .tokens import _cores, _cores_first, _Tokens


class _Explicit(_Tokens):
    """The rules and parts of calendar expressions."""

    __slots__ = ()

    def month_name(self, i: int, first: bool = False):
        """A month name at i; returns (next index, month, skip) or None."""
        for skip, core in self.readings(i, first):
            if core in MONTHS:
                if core == "اب":
                    ch = self.orig[self._orig_index(self.folded_offset(self.ts[i] + skip))]
                    if ch in "أإ":
                        continue
                return i + 1, MONTHS[core], skip
            if core in MONTHS_TWO_WORDS:
                second = self.w(i + 1)
                if second in MONTHS_TWO_WORDS[core]:
                    return i + 2, MONTHS_TWO_WORDS[core][second], skip
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
            rel = _qual(self.w(k))
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

    def month_and_year(self, i: int, skip: int, k: int, **info):
        """The expression from ``i`` that ends with a month group at ``k`` and its optional
        year part («19 تشرين الأول 2019», «نهاية أكتوبر من العام الماضي»), with ``info``;
        None when no month is at ``k``."""
        mg = self.month_group(k)
        if mg is None:
            return None
        k, info["month"], _ = mg
        yp = self.year_part(k)
        if yp is not None:
            k = yp[0]
            info.update(yp[1])
        return self._mk(i, skip, k, **info)

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
                    tens = self.w(k)
                    if tens in _ORD_TENS and unit < 10:
                        return k + 1, _ORD_TENS[tens] + unit, sk, True
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
        if word in HIJRI_MONTHS:
            return j + 1
        if word in HIJRI_MONTHS_TWO_WORDS and self.w(j + 1) in HIJRI_MONTHS_TWO_WORDS[word]:
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
        got = self.month_and_year(i, skip, k, kind="explicit", day=day)
        if got is not None:
            return got
        # «الـ19 من الشهر الجاري», «11 من الشهر الماضي»
        if self.w(k) == "الشهر":
            rel = _qual(self.w(k + 1))
            if rel is not None:
                return self._mk(i, skip, k + 2, kind="explicit", day=day, month_rel=rel)
        if self.w(k) == "هذا" and self.w(k + 1) == "الشهر":
            return self._mk(i, skip, k + 2, kind="explicit", day=day, month_rel=0)
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
            if core in _SEASONS and self.w(i + 1) not in MONTHS_TWO_WORDS.get(core, ()):
                if core == "ربيع" and self.w(i + 1) in HIJRI_MONTHS_TWO_WORDS["ربيع"]:
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
                rel: int | None
                if core == "هذا":
                    unit, rel, k = self.w(j + 1), 0, j + 2
                else:
                    unit, rel, k = core, _qual(self.w(j + 1)), j + 2
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
                kind = "period" if unit == "الاسبوع" else "month" if unit == "الشهر" else "year"
                if edge is not None:
                    kind = "period"
                return self._mk(i, skip, k, kind=kind, **info)
            if not first:
                break
        if edge is None:
            return None
        return self.month_and_year(i, skip, j, kind="period", edge=edge)

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
