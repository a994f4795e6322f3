"""Words the extraction code looks for beyond the lexicon's kinds and roles.

The event lexicon (``data/gazetteer/events.csv``) holds what the gazetteer scan finds; the
stages also read the words around a hit («آخر» after an attack noun, «ذاته» after it, the
accident named after «انفجار» …). Those words live in ``data/rules/words.toml``, one named
list each, with what it is for; code asks for a list by its name and never spells a word.

``[script]`` names the units of Arabic spelling the code works with (the article, the
conjunction, ة and ه …), so that no Arabic letter is written in the code either.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from .rules import RuleError, read_toml

__all__ = ["words", "word_set", "word_table", "script", "words_path", "load_words"]

_LIST_KEYS = frozenset({"what", "words", "table"})


def words_path() -> str:
    """Path of the shipped word lists."""
    return str(resources.files("rasid") / "data" / "rules" / "words.toml")


def load_words(path: str | None = None) -> dict[str, Any]:
    """Read and check a word-list file: ``{"module.name": tuple of words | {word: value}}``
    plus ``"script"``. The file has one table per stage module (``[counts.others]``: the
    list ``others`` of ``counts.py``) and the ``[script]`` table.

    Raises:
        RuleError: a list without ``what``, with an unknown key, with no words, with a word
            that is not a non-empty string.
    """
    p = path or words_path()
    data = read_toml(p)
    out: dict[str, Any] = {}
    script = data.pop("script", None)
    if not isinstance(script, dict) or not all(isinstance(v, str) and v for v in script.values()):
        raise RuleError(f"{p}: [script] must map names to non-empty strings")
    out["script"] = dict(script)
    for module, lists in data.items():
        if not isinstance(lists, dict):
            raise RuleError(f"{p}: [{module}] must hold word lists")
        for name, body in lists.items():
            out[f"{module}.{name}"] = _checked(p, f"{module}.{name}", body)
    return out


def _checked(p: str, name: str, body: Any) -> Any:
    if not isinstance(body, dict):
        raise RuleError(f"{p}: [{name}] must be a table")
    unknown = set(body) - _LIST_KEYS
    if unknown:
        raise RuleError(f"{p}: [{name}] has unknown key(s) {sorted(unknown)}")
    if not isinstance(body.get("what"), str) or not body["what"].strip():
        raise RuleError(f"{p}: [{name}] says not what it is for (what = …)")
    if ("words" in body) == ("table" in body):
        raise RuleError(f"{p}: [{name}] needs either words = […] or a table")
    if "words" in body:
        ws = body["words"]
        if not ws or not all(isinstance(w, str) and w.strip() for w in ws):
            raise RuleError(f"{p}: [{name}] words must be non-empty strings")
        return tuple(ws)
    table = body["table"]
    if not isinstance(table, dict) or not table:
        raise RuleError(f"{p}: [{name}] table must map words to values")
    return {k: tuple(v) if isinstance(v, list) else v for k, v in table.items()}


@functools.lru_cache(maxsize=1)
def _shipped() -> dict[str, Any]:
    return load_words()


def _get(name: str) -> Any:
    try:
        return _shipped()[name]
    except KeyError:
        raise RuleError(f"no word list [{name}] in {words_path()}") from None


def words(name: str) -> tuple[str, ...]:
    """The words of list ``name``, in file order."""
    got = _get(name)
    if not isinstance(got, tuple):
        raise RuleError(f"[{name}] is a table, not a word list")
    return got


def word_set(name: str) -> frozenset[str]:
    """The words of list ``name``, as a set."""
    return frozenset(words(name))


def word_table(name: str) -> dict[str, Any]:
    """The ``{word: value}`` table ``name``."""
    got = _get(name)
    if not isinstance(got, dict) or name == "script":
        raise RuleError(f"[{name}] is a word list, not a table")
    return dict(got)


def script(name: str) -> str:
    """A unit of Arabic spelling by name (``article`` → «ال», ``teh_marbuta`` → «ة» …)."""
    try:
        return _shipped()["script"][name]
    except KeyError:
        raise RuleError(f"no [script] unit {name!r} in {words_path()}") from None
