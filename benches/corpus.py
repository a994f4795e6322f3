"""A deterministic, varied Arabic benchmark corpus, generated from our own word lists.

Four kinds of ~4 KB documents, mixed:

* news-like prose (undiacritized, alef and hamza forms, Arabic punctuation, « » quotes, numbers);
* fully diacritized passages (harakat on every letter, shadda, tanween, superscript alef);
* noisy web text: tatweel inside words, Arabic-Indic and Persian digits, presentation forms
  (ﻻ and contextual forms), invisible marks (ZWNJ, RLM, ALM, BOM), runs of white space,
  Persian letters, a few emoji;
* mixed Arabic/Latin text.

``documents(total_mb)`` returns fresh ``str`` objects every call (nothing cached by CPython),
the same text for the same size and seed.

    python benches/corpus.py 20 > /tmp/corpus.txt     # one document per line, escaped newlines
"""

from __future__ import annotations

import random
import sys
import unicodedata

DOC_CHARS = 2200  # ~4 KB of UTF-8 per document (Arabic letters are 2 bytes)

# Our own vocabulary of news words (no third-party text).
NOUNS = (
    "صاروخ صواريخ قذيفة قذائف طائرة مسيرة مسيّرة هجوم هجمات قاعدة معسكر قوات جنود جندي "
    "التحالف الدولي الجيش العراقي الحشد الشعبي فصائل المقاومة السفارة الأمريكية المنطقة "
    "الخضراء بغداد البصرة الموصل الأنبار أربيل كركوك ديالى صلاح الدين نينوى سوريا دير الزور "
    "الحسكة الرقة حلب دمشق مطار محافظة مدينة قرية ناحية قضاء مصدر أمني مسؤول متحدث باسم "
    "وزارة الدفاع الداخلية خلية الإعلام قيادة العمليات المشتركة الشرطة الاتحادية منظومة "
    "الدفاع الجوي طريق الدولي رتل دعم لوجستي عبوة ناسفة سيارة مفخخة اشتباكات مسلحة ضربة "
    "جوية غارة مدفعية هاون كاتيوشا حزب الله كتائب عصائب أهل الحق المقاومة الإسلامية بيان "
    "مسؤولية خسائر ضحايا قتلى جرحى إصابات أضرار مادية مبنى مخزن أسلحة ذخيرة منصة إطلاق "
    "الساعة صباح مساء ليلة يوم الأربعاء الخميس الجمعة السبت الأحد الاثنين الثلاثاء الماضي"
).split()
VERBS = (
    "أعلن قال أكد أفاد ذكر أوضح أشار نفى تبنت استهدف استهدفت سقطت أسقطت انفجرت أطلقت "
    "قصفت شنت اعترضت أصيب قتل أسفر تعرضت هاجمت رصدت عثرت فككت أغلقت انتشرت وصلت"
).split()
PARTICLES = "في على من إلى عن مع بعد قبل خلال دون أن إن الذي التي حيث لكن كما أو ثم و".split()
LATIN = "Reuters AFP drone Taji Ain al-Asad Baghdad rocket UTC ISW report update".split()

HARAKAT = ["\u064e", "\u064f", "\u0650", "\u0652"]
TANWEEN = ["\u064b", "\u064c", "\u064d"]
INVISIBLE = ["\u200c", "\u200d", "\u200f", "\u200e", "\u061c", "\ufeff", "\u202b", "\u202c"]
AR_DIGITS = "٠١٢٣٤٥٦٧٨٩"
FA_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
PERSIAN = {"ي": "ی", "ك": "ک", "ه": "ۀ"}
EMOJI = ["😀", "🔥", "📰", "🚀", "𝔸"]


def _presentation_forms() -> dict[str, list[str]]:
    """Base letter (or lam-alef pair) -> its presentation forms, from unicodedata."""
    forms: dict[str, list[str]] = {}
    for cp in list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        base = unicodedata.normalize("NFKC", ch)
        if base != ch and not base.startswith(" ") and "\u0640" not in base:
            forms.setdefault(base, []).append(ch)
    return forms


FORMS = _presentation_forms()


def _number(rng: random.Random) -> str:
    n = rng.choice([rng.randint(1, 30), rng.randint(100, 999), rng.randint(1000, 20000)])
    return f"{n:,}" if n >= 1000 and rng.random() < 0.5 else str(n)


def _sentence(rng: random.Random) -> list[str]:
    words: list[str] = [rng.choice(VERBS)]
    for _ in range(rng.randint(6, 18)):
        r = rng.random()
        if r < 0.55:
            words.append(rng.choice(NOUNS))
        elif r < 0.85:
            words.append(rng.choice(PARTICLES))
        elif r < 0.93:
            words.append(_number(rng))
        else:
            words.append("«" + rng.choice(NOUNS) + " " + rng.choice(NOUNS) + "»")
    return words


def _news(rng: random.Random) -> str:
    parts: list[str] = []
    size = 0
    while size < DOC_CHARS:
        s = " ".join(_sentence(rng)) + rng.choice(["،", ".", ".", "؛", "؟", "."])
        parts.append(s)
        size += len(s) + 1
        parts.append("\n" if rng.random() < 0.2 else " ")
    return "".join(parts)


def _diacritize(word: str, rng: random.Random) -> str:
    out = []
    for i, ch in enumerate(word):
        out.append(ch)
        if "\u0621" <= ch <= "\u064a" and ch not in "اى":
            if rng.random() < 0.15:
                out.append("\u0651")
            if i == len(word) - 1 and rng.random() < 0.3:
                out.append(rng.choice(TANWEEN))
            else:
                out.append(rng.choice(HARAKAT))
        elif ch == "ى" and rng.random() < 0.3:
            out.append("\u0670")
    return "".join(out)


def _diacritized(rng: random.Random) -> str:
    parts: list[str] = []
    size = 0
    while size < DOC_CHARS:
        s = " ".join(_diacritize(w, rng) for w in _sentence(rng)) + "."
        parts.append(s)
        size += len(s) + 1
        parts.append(" ")
    return "".join(parts)


def _noisy_word(word: str, rng: random.Random) -> str:
    if word[0].isdigit() and rng.random() < 0.7:
        digits = rng.choice([AR_DIGITS, FA_DIGITS])
        return "".join(digits[int(d)] if d.isdigit() else "٬" for d in word)
    r = rng.random()
    if r < 0.12 and len(word) > 2:
        k = rng.randint(1, len(word) - 1)
        return word[:k] + "ـ" * rng.randint(1, 4) + word[k:]
    if r < 0.2:
        return "".join(
            rng.choice(FORMS[c]) if c in FORMS else c for c in word.replace("لا", "\ufefb")
        )
    if r < 0.27:
        return word + rng.choice(INVISIBLE)
    if r < 0.32:
        return "".join(PERSIAN.get(c, c) for c in word)
    return word


def _noisy(rng: random.Random) -> str:
    parts: list[str] = []
    size = 0
    while size < DOC_CHARS:
        words = [_noisy_word(w, rng) for w in _sentence(rng)]
        seps = [rng.choice([" ", " ", " ", "  ", " \u00a0", "\t", " \n "]) for _ in words]
        s = "".join(w + sep for w, sep in zip(words, seps))
        if rng.random() < 0.1:
            s += rng.choice(EMOJI)
        parts.append(s + rng.choice(["!!", "...", "؟؟", "\n\n"]))
        size += len(s) + 2
    return "".join(parts)


def _mixed(rng: random.Random) -> str:
    parts: list[str] = []
    size = 0
    while size < DOC_CHARS:
        words = _sentence(rng)
        for i in range(0, len(words), 4):
            words[i] = rng.choice(LATIN)
        s = " ".join(words) + ". "
        parts.append(s)
        size += len(s)
    return "".join(parts)


KINDS = ((_news, 0.45), (_diacritized, 0.2), (_noisy, 0.25), (_mixed, 0.1))


def documents(total_mb: float = 1.0, seed: int = 20240601) -> list[str]:
    """Fresh documents totalling about ``total_mb`` MB of UTF-8 (10**6 bytes)."""
    rng = random.Random(seed)
    target = int(total_mb * 1_000_000)
    docs: list[str] = []
    size = 0
    makers = [k for k, _ in KINDS]
    weights = [w for _, w in KINDS]
    while size < target:
        doc = rng.choices(makers, weights)[0](rng)
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def utf8_size(docs: list[str]) -> int:
    """Total UTF-8 size of ``docs`` in bytes."""
    return sum(len(d.encode("utf-8")) for d in docs)


if __name__ == "__main__":
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    for d in documents(mb):
        sys.stdout.write(d.replace("\\", "\\\\").replace("\n", "\\n") + "\n")
