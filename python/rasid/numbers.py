"""Number mentions in Arabic text: figures, ranges, bounds and vague quantities.

    >>> from rasid.numbers import parse_numbers
    >>> text = "سقط ما بين سبعة إلى 11 صاروخاً وأُصيب جنديين على الأقل"
    >>> [(m.min, m.max, m.kind, text[m.start:m.end]) for m in parse_numbers(text)]
    [(7, 11, 'range', 'ما بين سبعة إلى 11'), (2, None, 'at_least', 'جنديين على الأقل')]

:func:`parse_numbers` normalizes the text (harakat, tatweel, invisible marks, alef forms,
Arabic-Indic and Persian digits), parses the normalized text in the Rust core and maps every
span back, so ``start``/``end`` are ``str`` indices of the text exactly as given and
``m.text == text[m.start:m.end]``. Each :class:`NumberMention` reads as a count between
``min`` and ``max`` (``None`` = open or unstated) and has one ``kind``:

``cardinal``
    an exact figure: ``18``, ``٥٬٢٠٠``, ``1.5 مليون``, ``خمسة وعشرين``, ``ثلاثة آلاف``,
    ``ألفين وخمسمائة``, ``5 آلاف``, ``مليون و200 ألف``
``ordinal``
    a rank: ``الثالث والعشرون``, ``الحادي عشر``, ``أول``, ``ثالث``, ``الـ28`` (N/N)
``dual``
    the dual of a counted noun: ``صاروخين``, ``طائرتان``, ``جنديين`` (2/2)
``range``
    ``ما بين سبعة إلى 11``, ``بين 7 و11``, ``من 7 إلى 11``, ``7-11``, ``ثلاثة أو أربعة``
    (7/11); also an upper bound alone: ``أقل من 5`` (None/4), ``لا يزيد عن 5``, ``5 على الأكثر``
    (None/5)
``approx``
    ``نحو``, ``حوالي``, ``قرابة``, ``ما يقارب``, ``زهاء``, ``يناهز``, ``تقريبا`` (N/N)
``at_least``
    ``على الأقل`` before or after (up to six plain words after: «جنديين من قوات الدفاع على
    الأقل»), ``ما لا يقل عن``, ``أو أكثر`` (N/None); a singular counted noun before it,
    ``بصاروخ على الأقل``, is 1/None
``more_than``
    ``أكثر من 12``, ``ما يزيد عن 12``, ``تجاوز 12`` (13/None), ``عشرين ونيف`` (21/None)
``vague``
    ``عدة``, ``عدد من``, ``العديد من`` (2/None), ``بضعة`` (3/9), ``عشرات`` (20/None),
    ``مئات`` (200/None), ``آلاف`` (2000/None), ``عشرات الآلاف`` (20000/None)

Decisions a user should know:

* «الـN» is an ordinal after a definite singular noun («الهجوم الـ28») and a cardinal after
  a definite plural or before its noun («الساعات الـ48», «خلال الـ24 ساعة»).
* Spans leave out attached clitics (و ف ب ل ك: «بثمانية» → ``ثمانية``, «بـ١٥» → ``١٥``) but
  keep the article («والـ28» → ``الـ28``) and the cue words of ranges and bounds.
* Duals: unvowelled, a noun's -ين ending is both its dual and its sound masculine plural, so
  -ين is read as 2 only for nouns whose plural is broken or feminine (صواريخ, جنود, قتلى,
  طائرات); «المدنيين», «مسلحين», «مقاتلين» are plurals. For such nouns (and nisba adjectives,
  «أميركيان») only the nominative dual -ان counts.
* Not counts, so no mention: dates (17/10/2019, 2019-10-17, «17 أكتوبر», «الثالث من أكتوبر»),
  years (a lone four-digit 1900-2100, or any number after عام/سنة), clock times (10:30,
  «الساعة 10», «الساعة الثالثة», «الواحدة والنصف», «3 فجرا»), percentages (15%,
  «12 بالمئة», «في المئة»), labels and designators (رقم 5, القرار 2254, F-16, إف-16), month
  names (تشرين الأول), «أمس الأول», «أول أمس», «الاثنين» (Monday), and a fraction without a
  scale word (2.5 كم).
* «من 5 إلى 7» is a range, except within four words after a verb or noun of change
  («ارتفعت حصيلة القتلى من 5 إلى 7», تراجع, زاد, انخفاض …): there it is an old and a new
  figure, two cardinals. A change stated otherwise is left for the caller to tell apart.

Errors: a text that is not ``str`` (``None``, ``bytes``) → :class:`rasid.errors.TextTypeError`;
a ``str`` with lone surrogates → :class:`rasid.errors.InvalidTextError`.
"""

from __future__ import annotations

from ._core import NumberMention
from ._core import parse_numbers as _parse_numbers

__all__ = ["KINDS", "NumberMention", "parse_numbers"]

#: The kinds a :class:`NumberMention` can have.
KINDS = ("cardinal", "ordinal", "dual", "range", "approx", "at_least", "more_than", "vague")


def parse_numbers(text: str) -> list[NumberMention]:
    """Every number mention of ``text``, left to right, never overlapping.

    ``start``/``end`` are ``str`` indices of ``text`` (``text[m.start:m.end] == m.text``);
    ``min``/``max`` are ints or ``None``; ``kind`` is one of :data:`KINDS`.
    Raises :class:`rasid.errors.TextTypeError` for a non-``str`` and
    :class:`rasid.errors.InvalidTextError` for lone surrogates.
    """
    return _parse_numbers(text)
