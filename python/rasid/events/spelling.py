"""The units of Arabic spelling the event code works with, named once.

Their letters live in ``data/rules/words.toml`` (``[script]``), so that the code spells no
Arabic: the article, the conjunction, ة and ه, the alef forms, the prepositions written on
a name, the one-letter proclitics, the tatweel, and the Arabic punctuation. The harakat are
named by their code points.
"""

from __future__ import annotations

from .words import script

AL = script("article")
ALEF = script("alef")
ALEF_HAMZA = script("alef_hamza_above")
ALEF_HAMZA_BELOW = script("alef_hamza_below")
BA = script("ba")
BA_LAM_TATWEEL = script("proclitics_before_name")
LAM = script("lam")
MEEM = script("meem")
WAW = script("conjunction")
HEH = script("heh")
TEH_MARBUTA = script("teh_marbuta")
COMMA = script("comma")
SEMICOLON = script("semicolon")
QUESTION_MARK = script("question_mark")
TATWEEL = script("tatweel")
PROCLITICS = script("proclitics")

#: clause punctuation, Arabic and Latin: «،» «,» «؛» «;» «:»
CLAUSE_MARKS = COMMA + "," + SEMICOLON + ";:"
#: a ``str.translate`` table deleting the harakat, fathatan to sukun (U+064B-U+0652)
HARAKAT = dict.fromkeys(range(0x064B, 0x0653))
