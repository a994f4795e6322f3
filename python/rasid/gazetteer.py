"""Gazetteer matching: many names found in one pass, at Arabic word boundaries.

    >>> import rasid
    >>> g = rasid.Gazetteer([
    ...     {"name": "بغداد", "id": "baghdad", "kind": "place", "lat": 33.31, "lon": 44.36},
    ...     {"name": "التحالف", "id": "coalition", "kind": "actor"},
    ... ])
    >>> text = "قصف وبغداد ضد «للتحالف»"
    >>> [(m.start, m.end, m.id, text[m.start:m.end]) for m in g.find(text)]
    [(5, 10, 'baghdad', 'بغداد'), (16, 22, 'coalition', 'لتحالف')]

Semantics (the engine is ``rasid_core::gazetteer``):

* Names and texts are normalized alike (:func:`rasid.normalize` defaults, digits to ASCII),
  so «بَغْدَاد», «بغــداد» and «عین الأسد» (Persian yeh) match; offsets are code points of
  the *original* text, and ``text[m.start:m.end] == m.text``.
* A name matches as whole words only: at the start of a word or after the proclitics
  و ف ب ل ك in their combinations («وبغداد», «ولبغداد», «فببغداد»; not «بفبغداد»); a name written
  with the article («التحالف») also matches after و ف ب ك («بالتحالف», «وبالتحالف») and
  in the ل + ال contraction («للتحالف», «وللتحالف»), where the span starts at the article's
  lam («لتحالف»); when the stem starts with lam the lams merge («للواء» for «اللواء», span
  «لواء»). A name without the article does not match after one («البلد» is not «بلد»).
  The span never includes the proclitic.
* The character after a name must not be a letter or digit: enclitic pronouns, plural and
  feminine endings do not match («القائمة» is not «القائم», «بغدادي» is not «بغداد»).
  Quotes, punctuation and tatweel are boundaries («لـ«حزب الله»»). A space in a name
  matches any run of white space, line breaks included.
* Leftmost-longest: «كتائب حزب الله» wins over «حزب الله»; with ``overlapping=True``
  every valid match is returned, sorted by start and then longest first. When several ids
  share the winning name (a town and a TV channel called «الميادين»), each is returned.

Entries are mappings with ``name``, ``id``, ``kind`` and any other attributes (``None``,
``bool``, ``int``, ``float`` or ``str``). Entries with the same ``id`` are one entity: every
name is kept (variant spellings), a later non-empty ``kind`` and later attribute values win.
That is also how user gazetteers combine with the default one: :func:`default_gazetteer`
with ``extra=`` or :meth:`Gazetteer.from_files` with ``include_default=True`` put the default
entries first, so a user entry with a known id adds its names and overrides its attributes.
"""

from __future__ import annotations

import csv
import functools
import gzip
import hashlib
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import Any, Union

from . import _core
from .errors import (
    ArgumentTypeError,
    GazetteerBuildError,
    GazetteerError,
    GazetteerFileError,
    GazetteerNotFoundError,
    InvalidTextError,
    OptionError,
    TextTypeError,
)

__all__ = [
    "Gazetteer",
    "Match",
    "actor_country",
    "default_gazetteer",
    "demonym_country",
    "read_entries",
]

#: One name found in a text (``rasid._core.Match``): ``start``, ``end``, ``id``, ``kind``,
#: ``name`` (the gazetteer name that matched), ``text`` (the surface), ``attrs`` (a dict),
#: ``m["lat"]`` / ``m.get("lat")`` for one attribute, ``as_dict()``.
Match = _core.Match

PathLike = Union[str, "os.PathLike[str]"]

_RESERVED = ("name", "id", "kind")
_UNTYPED = object()
_INT = re.compile(r"-?(0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"-?[0-9]+\.[0-9]+([eE][-+]?[0-9]+)?\Z")


def _csv_value(value: str) -> Any:
    """A CSV cell as a typed attribute: empty -> None, true/false -> bool, numbers -> int or
    float (integers with a leading zero, like codes, stay str), anything else -> str."""
    if value == "":
        return None
    low = value.lower()
    if low in ("true", "false"):
        return low == "true"
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def _open_text(path: str) -> io.TextIOWrapper:
    try:
        if path.endswith(".gz"):
            return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
        return open(path, encoding="utf-8-sig", newline="")
    except FileNotFoundError:
        raise GazetteerNotFoundError(f"{path}: no such file") from None
    except OSError as exc:
        raise GazetteerFileError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read_entries(path: PathLike) -> Iterator[dict[str, Any]]:
    """Yields the entries of a gazetteer file.

    CSV (``.csv``) and TSV (``.tsv``, ``.tab``) files have a header row with at least
    ``name`` and ``id`` (``kind`` and any attribute columns optional); cells are typed by
    :func:`_csv_value`. JSONL (``.jsonl``, ``.ndjson``) files hold one object a line. Any of
    them may be gzipped (``.gz``). Raises :class:`GazetteerFileError` with the file and line
    for a file that cannot be parsed.
    """
    p = os.fspath(path)
    base = p[:-3] if p.endswith(".gz") else p
    ext = os.path.splitext(base)[1].lower()
    try:
        if ext in (".jsonl", ".ndjson"):
            yield from _read_jsonl(p)
        elif ext in (".csv", ".tsv", ".tab", ".txt"):
            yield from _read_table(p, "," if ext == ".csv" else "\t")
        else:
            raise GazetteerFileError(
                f"{p}: unknown gazetteer file type {ext!r} (use .csv, .tsv or .jsonl)"
            )
    except UnicodeDecodeError as e:
        raise GazetteerFileError(f"{p}: not UTF-8 ({e.reason} at byte {e.start})") from None
    except (OSError, EOFError) as e:
        if isinstance(e, (GazetteerFileError, FileNotFoundError, PermissionError)):
            raise
        raise GazetteerFileError(f"{p}: {e}") from e


def _read_table(path: str, delimiter: str) -> Iterator[dict[str, Any]]:
    with _open_text(path) as f:
        reader = csv.reader(f, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            raise GazetteerFileError(f"{path}:1: {e}") from None
        header = [h.strip() for h in header]
        for col in ("name", "id"):
            if col not in header:
                raise GazetteerFileError(f"{path}:1: no {col!r} column in the header {header}")
        typed: dict[str, Any] = {}
        try:
            for row in reader:
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                line = reader.line_num
                if len(row) > len(header):
                    raise GazetteerFileError(
                        f"{path}:{line}: {len(row)} cells for {len(header)} columns"
                    )
                entry: dict[str, Any] = {}
                for key, cell in zip(header, row):
                    if key in _RESERVED:
                        entry[key] = cell
                    else:
                        # most cells repeat (kinds, countries, regions, flags): type each once
                        value = typed.get(cell, _UNTYPED)
                        if value is _UNTYPED:
                            value = typed[cell] = _csv_value(cell)
                        entry[key] = value
                entry["_line"] = line
                yield entry
        except csv.Error as e:
            raise GazetteerFileError(f"{path}:{reader.line_num}: {e}") from None


def _read_jsonl(path: str) -> Iterator[dict[str, Any]]:
    with _open_text(path) as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as e:
                raise GazetteerFileError(f"{path}:{line_no}: not JSON ({e})") from None
            if not isinstance(obj, dict):
                raise GazetteerFileError(f"{path}:{line_no}: a JSON object is needed")
            obj["_line"] = line_no
            yield obj


def _located(
    path: str, entries: Iterable[dict[str, Any]], where: list[tuple[str, int | None]]
) -> Iterator[dict[str, Any]]:
    """Strips the ``_line`` marker of file entries, remembering (path, line) by position."""
    for e in entries:
        where.append((path, e.pop("_line", None)))
        yield e


class Gazetteer:
    """Names of places, actors, weapons… matched in one pass at Arabic word boundaries.

    ``Gazetteer(entries, **options)`` builds from an iterable of mappings (see the module
    docstring); ``options`` are :func:`rasid.normalize` options for names and texts alike.
    Raises :class:`GazetteerBuildError` for an unusable entry (no name or id, a name with
    no letter or digit, an attribute of another type); its ``entry`` attribute is the index.
    """

    __slots__ = ("_core", "_sources")

    def __init__(self, entries: Iterable[Mapping[str, Any]] = (), **options: bool) -> None:
        try:
            self._core = _core.GazetteerCore(entries, **options)
        except UnicodeEncodeError as exc:
            raise GazetteerBuildError(f"a name or attribute with a lone surrogate: {exc}") from None
        self._sources: tuple[str, ...] = ()

    @classmethod
    def _wrap(cls, core: Any, sources: tuple[str, ...] = ()) -> Gazetteer:
        g = cls.__new__(cls)
        g._core = core
        g._sources = sources
        return g

    @classmethod
    def from_files(
        cls,
        *paths: PathLike,
        entries: Iterable[Mapping[str, Any]] = (),
        include_default: bool = False,
        **options: bool,
    ) -> Gazetteer:
        """Builds from CSV/TSV/JSONL files (see :func:`read_entries`), after the entries of
        the default gazetteer when ``include_default`` and before ``entries``: later entries
        add names to an id and override its attributes."""
        where: list[tuple[str, int | None]] = []

        def everything() -> Iterator[Mapping[str, Any]]:
            if include_default:
                for p in _default_paths():
                    yield from _located(str(p), _default_entries(p), where)
            for p in paths:
                yield from _located(os.fspath(p), read_entries(p), where)
            for e in entries:
                where.append(("<entries>", None))
                yield e

        try:
            core = _core.GazetteerCore(everything(), **options)
        except GazetteerBuildError as e:
            i = getattr(e, "entry", None)
            if isinstance(i, int) and i < len(where) and where[i][1] is not None:
                path, line = where[i]
                raise GazetteerFileError(f"{path}:{line}: {e}") from None
            raise
        names = tuple(os.fspath(p) for p in paths)
        return cls._wrap(core, (("<default>",) if include_default else ()) + names)

    def find(self, text: str, *, overlapping: bool = False) -> list[Match]:
        """The names in ``text``, leftmost-longest (all of them with ``overlapping``).

        Raises :class:`TextTypeError` for a ``text`` that is not a ``str`` and
        :class:`InvalidTextError` for one with a lone surrogate (as every rasid function)."""
        _check_text(text)
        return self._core.find(text, _check_flag(overlapping))

    def find_batch(
        self, texts: Iterable[str], *, overlapping: bool = False, threads: int | None = None
    ) -> list[list[Match]]:
        """:meth:`find` for each text, with the GIL released, on ``threads`` threads (all
        cores by default). Safe after ``fork``: a child process starts its own threads."""
        texts = list(texts)
        for text in texts:
            _check_text(text)
        if threads is not None and (
            not isinstance(threads, int) or isinstance(threads, bool) or threads < 1
        ):
            raise OptionError(f"threads must be a positive number, not {threads!r}")
        return self._core.find_batch(texts, _check_flag(overlapping), threads)

    def save(self, path: PathLike) -> None:
        """Writes a binary file that :meth:`load` reads back much faster than a rebuild."""
        self._core.save(os.fspath(path))

    @classmethod
    def load(cls, path: PathLike | bytes) -> Gazetteer:
        """Reads a file written by :meth:`save`. Raises :class:`GazetteerFileError` for a
        missing file, one that is not a regular file (a named pipe would block for ever),
        not a gazetteer, of another version, truncated or corrupt; every length in the file
        is checked against its size before anything is allocated."""
        if not isinstance(path, (str, bytes, os.PathLike)):
            raise ArgumentTypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
        name = os.fsdecode(os.fspath(path))
        try:
            mode = os.stat(name).st_mode
        except FileNotFoundError:
            raise GazetteerNotFoundError(f"{name}: no such file") from None
        except OSError as exc:
            raise GazetteerFileError(f"{name}: cannot read: {exc.strerror}") from None
        if not stat.S_ISREG(mode):
            raise GazetteerFileError(f"{name}: not a regular file")
        try:
            core = _core.GazetteerCore.load(name)
        except GazetteerError:
            raise
        except OSError as exc:
            raise GazetteerFileError(f"{name}: cannot read: {exc}") from None
        return cls._wrap(core, (name,))

    @property
    def entity_count(self) -> int:
        """Number of distinct ids."""
        return self._core.entity_count

    def __len__(self) -> int:
        return len(self._core)

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        return (_from_bytes, (self._core.to_bytes(),))

    def __repr__(self) -> str:
        src = f", sources={list(self._sources)!r}" if self._sources else ""
        return f"<Gazetteer {len(self)} names, {self.entity_count} ids{src}>"


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(text: Any) -> None:
    if not isinstance(text, str):
        raise TextTypeError(f"text must be a str, not {type(text).__name__}")
    lone = _SURROGATE.search(text)
    if lone is not None:
        raise InvalidTextError(f"invalid text at code point {lone.start()}: lone surrogate")


def _check_flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ArgumentTypeError(f"overlapping must be True or False, not {value!r}")
    return value


def _from_bytes(data: bytes) -> Gazetteer:
    return Gazetteer._wrap(_core.GazetteerCore.from_bytes(data))


def _default_entries(path: Any) -> Iterator[dict[str, Any]]:
    """The entries of one default gazetteer file; the event lexicon with its rule-made
    spelling variants (:func:`rasid.events.lexicon.with_spelling_variants`)."""
    if path.name != "events.csv":
        return read_entries(path)
    from .events.lexicon import with_spelling_variants

    return with_spelling_variants(read_entries(path))


def _default_paths() -> list[Any]:
    folder = resources.files("rasid") / "data" / "gazetteer"
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.name.endswith(".csv")), key=lambda p: p.name)


def _cache_dir() -> str:
    """``$RASID_CACHE_DIR``, else ``$XDG_CACHE_HOME/rasid``, else ``~/.cache/rasid``."""
    explicit = os.environ.get("RASID_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "rasid")


def _default_cache_path(paths: list[Any]) -> str | None:
    """Where the built default gazetteer is cached: named by a hash of the data files' names,
    sizes and times and of the rasid version, so a changed file or upgrade rebuilds it."""
    try:
        stats = [(p.name, os.stat(str(p)).st_size, os.stat(str(p)).st_mtime_ns) for p in paths]
    except OSError:
        return None
    key = hashlib.sha256(repr((_core.__version__, stats)).encode()).hexdigest()[:16]
    return os.path.join(_cache_dir(), f"default-gazetteer-{key}.rgz")


@functools.lru_cache(maxsize=1)
def _default() -> Gazetteer:
    paths = _default_paths()
    cache = _default_cache_path(paths)
    if cache and os.path.exists(cache):
        try:
            g = Gazetteer.load(cache)
            g._sources = ("<default>",)
            return g
        except OSError:
            pass  # stale or damaged: rebuild below
    from .events.lexicon import check_lexicon, lexicon_path

    check_lexicon(lexicon_path())
    g = Gazetteer.from_files(include_default=True)
    g._sources = ("<default>",)
    if cache:
        try:
            os.makedirs(os.path.dirname(cache), exist_ok=True)
            g.save(cache)
        except OSError:
            pass  # a read-only home: no cache, still correct
    return g


def default_gazetteer(
    extra: Iterable[Mapping[str, Any] | PathLike] | None = None,
) -> Gazetteer:
    """The gazetteer of places, actors and weapons shipped with rasid (every CSV file of
    ``rasid/data/gazetteer``), built once per process. The built form is also saved in the
    user cache directory (``$RASID_CACHE_DIR``, else ``$XDG_CACHE_HOME/rasid`` or
    ``~/.cache/rasid``) and loaded from there next time, in a fraction of the build time.

    ``extra`` adds user entries (mappings) and files (paths) after the default entries, so
    an extra entry with a known id adds its names and overrides its attributes; the result
    is then a new gazetteer, not cached.
    """
    if extra is None:
        return _default()
    extra = list(extra)
    files = [e for e in extra if isinstance(e, (str, os.PathLike))]
    entries = [e for e in extra if not isinstance(e, (str, os.PathLike))]
    return Gazetteer.from_files(*files, entries=entries, include_default=True)


# kinds of a hit that name a country by its people: the regional layer's demonyms and the
# event lexicon's nationality words (both carry ``country``)
_DEMONYM_KINDS = ("demonym", "nationality")


def _country(m: Match) -> str | None:
    """The ``country`` attribute of a hit: an ISO 3166-1 alpha-2 code, None when its entry
    has none. (Attributes are untyped; the entries that carry a country, the shipped ones and
    the documented user ones, give it as a code. It is passed on as the entry has it.)"""
    country: str | None = m.get("country")
    return country


def demonym_country(word: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The ISO 3166-1 alpha-2 code of the country a demonym names, as the press writes it —
    masculine or feminine, with or without the article, dual or plural («التركي»,
    «إسرائيلية», «الأتراك», «الروس», «والأمريكيين») — else ``None``. ``gazetteer`` defaults
    to :func:`default_gazetteer` (its regional layer holds the demonyms).

        >>> demonym_country("الإسرائيلية"), demonym_country("الأتراك"), demonym_country("قاعدة")
        ('IL', 'TR', None)
    """
    _check_text(word)
    text = word.strip()
    g = _default() if gazetteer is None else gazetteer
    for m in g.find(text, overlapping=True):
        # the whole word (after its proclitics, which the matcher leaves out of the span)
        if m.kind in _DEMONYM_KINDS and m.end == len(text) and " " not in text[: m.start]:
            return _country(m)
    return None


def actor_country(actor: object, gazetteer: Gazetteer | None = None) -> str | None:
    """The ISO 3166-1 alpha-2 code of the country an actor belongs to, else ``None``.

    ``actor`` is an event's ``actor``, ``claimed_by`` or ``accused`` entity (a record's
    mapping or a :class:`rasid.events.Entity`) or a mention as written. The event record names
    the actor as the text does («الجيش التركي», «طائرة مسيرة تركية», «الطيران الروسي») and has
    no country field; this reads it from the gazetteer, in this order: the known actor the
    mention starts with («الحرس الثوري» → IR; one without a country, «الفصائل الموالية
    لإيران», gives ``None``); the first demonym in it («طائرة مسيرة تركية» → TR, «فصائل
    عراقية موالية لإيران» → IQ); the longest known actor in it with a country («عناصر من الحرس
    الثوري» → IR); the country the whole mention names («إسرائيل»).

        >>> actor_country("طائرة مسيرة تركية"), actor_country({"mention": "الطيران الروسي"})
        ('TR', 'RU')
        >>> actor_country("تنظيم داعش") is None, actor_country("الفصائل الموالية لإيران") is None
        (True, True)
    """
    mention: object
    if isinstance(actor, str):
        mention = actor
    elif isinstance(actor, Mapping):
        mention = actor.get("mention") or actor.get("name_ar")
    else:
        mention = getattr(actor, "mention", None) or getattr(actor, "name_ar", None)
    if not isinstance(mention, str) or not mention.strip():
        return None
    g = _default() if gazetteer is None else gazetteer
    hits = g.find(mention, overlapping=True)
    actors = [m for m in hits if m.kind == "actor"]
    head = [m for m in actors if " " not in mention[: m.start].strip()]
    if head:
        return _country(max(head, key=lambda m: m.end - m.start)) or None
    for m in hits:
        if m.kind in _DEMONYM_KINDS and _country(m):
            return _country(m)
    actors = [m for m in actors if _country(m)]
    if actors:
        return _country(max(actors, key=lambda m: m.end - m.start))
    whole = mention.strip()
    for m in hits:
        if m.kind == "country" and m.end - m.start == len(whole) and _country(m):
            return _country(m)
    return None
